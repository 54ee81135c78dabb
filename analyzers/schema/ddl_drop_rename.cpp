// DROP, RENAME and SET SCHEMA in the DDL simulator: what they remove or move, what follows the
// object (owned sequences, enum columns, unique keys), and the history that explains later failures.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "analyzers/schema/ddl_simulator.h"
#include "analyzers/sql/resolve.h"

namespace schemagate::schema::simulation {

void Simulator::drop_owned_sequences(const std::string& owner, bool whole_table) {
  std::vector<std::pair<std::string, std::string>> doomed;
  for (auto& k : schema_.sequences()) {
    const Relation& r = schema_.relations().at(k);
    if (r.kind != RelationKind::Sequence || r.owned_by.empty()) continue;
    if (whole_table ? r.owned_by.rfind(owner + ".", 0) == 0 : r.owned_by == owner) doomed.push_back({r.schema, r.name});
  }
  for (auto& [sch, n] : doomed) {
    schema_.history.push_back({SchemaEvent::Kind::DropRelation, sch, n, "", "", stmt_origin()});
    schema_.remove(sch, n);
  }
}

void Simulator::rename_owner(const std::string& old_prefix, const std::string& new_prefix) {
  for (auto& k : schema_.sequences()) {
    const Relation& r = schema_.relations().at(k);
    if (r.kind != RelationKind::Sequence || r.owned_by.rfind(old_prefix, 0) != 0) continue;
    std::string rest = r.owned_by.substr(old_prefix.size());
    if (!rest.empty() && rest[0] != '.') continue;
    schema_.find(r.schema, r.name)->owned_by = new_prefix + rest;
  }
}

void Simulator::rename_enum(const std::string& from, const std::string& to) {
  auto it = schema_.enums.find(from);
  if (it == schema_.enums.end() || from == to) return;
  schema_.enums[to] = std::move(it->second);
  schema_.enums.erase(from);
  for (auto& [k, r] : schema_.relations())
    for (auto& c : schema_.find(r.schema, r.name)->columns)
      if (c.enum_type == from) c.enum_type = to;
}

std::vector<Function>* Simulator::function_overloads(const Node* object, std::vector<size_t>* which) {
  const PgQuery__ObjectWithArgs* owa = is(object, SG_NODE(OBJECT_WITH_ARGS)) ? object->object_with_args : nullptr;
  std::vector<std::string> parts = name_list(SG_LIST(owa, objname));
  if (parts.empty()) return nullptr;
  std::vector<Function>* overloads = nullptr;
  if (parts.size() >= 2) {
    auto it = schema_.functions.find(parts[parts.size() - 2] + "." + parts.back());
    if (it != schema_.functions.end()) overloads = &it->second;
  } else {
    for (auto& p : path_)
      if (auto it = schema_.functions.find(p + "." + parts.back()); it != schema_.functions.end() && !it->second.empty()) {
        overloads = &it->second;
        break;
      }
  }
  which->clear();
  if (overloads) {
    bool all = owa->args_unspecified;
    int n = static_cast<int>(owa->n_objargs);
    for (size_t i = 0; i < overloads->size(); ++i)
      if (all || (*overloads)[i].declared == n) which->push_back(i);
  }
  if (which->empty()) {
    schema_.uncertain_names.insert(parts.back());
    return nullptr;
  }
  return overloads;
}

void Simulator::drop_key(Relation* r, const std::string& schema_name, const std::string& name) {
  auto drop_from = [&](Relation& rel) {
    std::erase_if(rel.unique_keys, [&](const UniqueKey& k) { return k.name == name; });
  };
  if (r) return drop_from(*r);
  for (auto& [k, rel] : schema_.relations())
    if (schema_name.empty() || rel.schema == schema_name) drop_from(*schema_.find(rel.schema, rel.name));
}

bool Simulator::relation_object(PgQuery__ObjectType type) {
  return type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
         type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW || type == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE ||
         type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE;
}

bool Simulator::routine_object(PgQuery__ObjectType type) {
  return type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
         type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE || type == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE;
}

void Simulator::rename(const PgQuery__RenameStmt* b) {
  PgQuery__ObjectType type = b->rename_type;
  std::string newname = text(b->newname);
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
    std::string old = text(b->subname);
    std::vector<std::pair<std::string, std::string>> moves;
    for (auto& [k, r] : schema_.relations())
      if (r.schema == old) moves.push_back({r.schema, r.name});
    schema_.add_schema(newname);
    for (auto& [s, n] : moves) {
      schema_.history.push_back({SchemaEvent::Kind::MoveRelation, s, n, "", newname, stmt_origin()});
      schema_.rename(s, n, newname, n);
    }
    schema_.drop_schema(old, true, stmt_origin());
    return;
  }
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE || type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) {
    std::vector<std::string> parts = name_list(list_items(b->object));
    if (parts.size() == 1) parts.insert(parts.begin(), default_schema("", ""));
    if (!parts.empty() && schema_.types.erase(parts[0] + "." + parts.back())) schema_.types.insert(parts[0] + "." + newname);
    if (!parts.empty()) rename_enum(parts[0] + "." + parts.back(), parts[0] + "." + newname);
    return;
  }
  if (routine_object(type)) {
    std::vector<size_t> which;
    if (auto* overloads = function_overloads(b->object, &which)) {
      std::vector<Function> renamed;
      for (size_t i : which) renamed.push_back((*overloads)[i]);
      for (size_t k = which.size(); k-- > 0;) overloads->erase(overloads->begin() + static_cast<std::ptrdiff_t>(which[k]));
      for (auto& f : renamed) {
        f.name = newname;
        f.origin = stmt_origin();
        schema_.functions[f.schema + "." + newname].push_back(f);
      }
    }
    return;
  }
  RelName rv = rel_name(b->relation);
  Relation* r = lookup(b->relation);
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
    if (!r) {
      if (b->missing_ok) return;
      if (std::string why = removed_relation(rv); !why.empty())
        fails("RENAME COLUMN in relation \"" + qualified(rv) +
                  "\", which does not exist at this point (SQLSTATE 42P01): " + why,
              "42P01");
      r = lookup_or_adopt(rv);
      if (!r) return;
    }
    std::string old = text(b->subname);
    if (auto adopted = schema_.adopted.find(r->qualified_name()); adopted != schema_.adopted.end()) adopted->second |= Schema::kAdoptedChanged;
    check_column(*r, old, "RENAME COLUMN of");
    if (rv.inh) {
      for (Relation* child : descendants(*r)) {
        if (auto* col = child->find_column(old)) {
          col->name = newname;
          col->origin = stmt_origin();
          schema_.history.push_back({SchemaEvent::Kind::RenameColumn, child->schema, child->name, old, newname, stmt_origin()});
        }
      }
    }
    if (auto* col = r->find_column(old)) {
      col->name = newname;
      col->origin = stmt_origin();
    } else {
      Column c;
      c.name = newname;
      c.origin = stmt_origin();
      r->columns.push_back(c);
    }
    schema_.history.push_back({SchemaEvent::Kind::RenameColumn, r->schema, r->name, old, newname, stmt_origin()});
    rename_owner(r->qualified_name() + "." + old, r->qualified_name() + "." + newname);
    for (auto& k : r->unique_keys) std::replace(k.columns.begin(), k.columns.end(), old, newname);
  } else if (type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX || type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT) {
    bool index = type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
    std::string old = index ? rv.name : text(b->subname);
    for (auto& [k, rel] : schema_.relations())
      for (auto& key : schema_.find(rel.schema, rel.name)->unique_keys)
        if (key.name == old && (index || (r && rel.name == r->name))) key.name = newname;
  } else if (relation_object(type)) {
    if (!r) {
      std::string why = b->missing_ok ? "" : removed_relation(rv);
      if (!why.empty())
        fails("RENAME of relation \"" + qualified(rv) +
                  "\", which does not exist at this point (SQLSTATE 42P01): " + why,
              "42P01");
      else if (!b->missing_ok)
        note("rename of relation \"" + rv.name + "\" that no migration creates");
      schema_.uncertain_names.insert(newname);
      return;
    }
    schema_.history.push_back({SchemaEvent::Kind::RenameRelation, r->schema, r->name, "", newname, stmt_origin()});
    std::string s = r->schema, n = r->name;
    schema_.rename(s, n, s, newname);
    rename_owner(s + "." + n, s + "." + newname);  // its sequences keep their names, not their owner's
  }
}

void Simulator::move(const PgQuery__AlterObjectSchemaStmt* b) {
  PgQuery__ObjectType type = b->object_type;
  std::string ns = text(b->newschema);
  if (routine_object(type)) {
    std::vector<size_t> which;
    if (auto* overloads = function_overloads(b->object, &which)) {
      std::vector<Function> moved;
      for (size_t i : which) moved.push_back((*overloads)[i]);
      for (size_t k = which.size(); k-- > 0;) overloads->erase(overloads->begin() + static_cast<std::ptrdiff_t>(which[k]));
      for (auto& f : moved) {
        f.schema = ns;
        f.origin = stmt_origin();
        schema_.functions[ns + "." + f.name].push_back(f);
      }
    }
    return;
  }
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) {
    std::vector<std::string> parts = name_list(list_items(b->object));
    if (!parts.empty()) rename_enum(type_key(parts), ns + "." + parts.back());
    return;
  }
  if (!relation_object(type)) return;
  Relation* r = lookup(b->relation);
  if (!r) return;
  schema_.history.push_back({SchemaEvent::Kind::MoveRelation, r->schema, r->name, "", ns, stmt_origin()});
  std::string s = r->schema, n = r->name;
  schema_.rename(s, n, ns, n);
  rename_owner(s + "." + n, ns + "." + n);
}

void Simulator::drop(const PgQuery__DropStmt* b) {
  PgQuery__ObjectType type = b->remove_type;
  bool cascade = b->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  Span<Node> objects = SG_LIST(b, objects);
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
    for (const Node* o : objects) schema_.drop_schema(str(o), cascade, stmt_origin());
    return;
  }
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE || type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) {
    for (const Node* o : objects) {
      std::vector<std::string> parts =
          name_list(is(o, SG_NODE(TYPE_NAME)) ? SG_LIST(o->type_name, names) : list_items(o));
      if (!parts.empty()) schema_.enums.erase(type_key(parts));
      if (parts.size() == 1) parts.insert(parts.begin(), default_schema("", ""));
      if (!parts.empty()) schema_.types.erase(parts[0] + "." + parts.back());
    }
    return;
  }
  if (routine_object(type)) {
    for (const Node* o : objects) {
      std::vector<size_t> which;
      auto* overloads = function_overloads(o, &which);
      if (!overloads) continue;
      for (size_t k = which.size(); k-- > 0;) overloads->erase(overloads->begin() + static_cast<std::ptrdiff_t>(which[k]));
    }
    return;
  }
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
    for (const Node* o : objects) {
      std::vector<std::string> parts = name_list(list_items(o));
      if (!parts.empty()) drop_key(nullptr, parts.size() >= 2 ? parts[parts.size() - 2] : "", parts.back());
    }
    return;
  }
  if (!relation_object(type)) return;
  for (const Node* o : objects) {
    std::vector<std::string> parts = name_list(list_items(o));
    if (parts.empty()) continue;
    RelName rv;
    rv.name = parts.back();
    if (parts.size() >= 2) rv.schema = parts[parts.size() - 2];
    Relation* r = lookup(rv);
    if (!r && !b->missing_ok) {
      if (std::string why = removed_relation(rv); !why.empty())
        fails("DROP of relation \"" + qualified(rv) + "\", which does not exist at this point (SQLSTATE 42P01): " + why,
              "42P01");
    }
    if (r) {
      schema_.history.push_back({SchemaEvent::Kind::DropRelation, r->schema, r->name, "", "", stmt_origin()});
      std::string s = r->schema, n = r->name;
      schema_.remove(s, n);
      drop_owned_sequences(s + "." + n, true);
    }
  }
}

}  // namespace schemagate::schema::simulation
