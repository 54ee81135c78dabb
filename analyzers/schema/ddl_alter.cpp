// ALTER statements in the DDL simulator: ALTER TABLE commands, ALTER TYPE ... VALUE, and the
// sequence options (OWNED BY) an ALTER SEQUENCE changes.
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

std::string Simulator::enum_of(const PgQuery__TypeName* tn) const {
  if (!tn || tn->n_array_bounds) return "";
  std::vector<std::string> parts = name_list(SG_LIST(tn, names));
  if (parts.empty() || parts.front() == "pg_catalog") return "";
  if (parts.size() >= 2) {
    std::string q = parts[parts.size() - 2] + "." + parts.back();
    return schema_.enums.count(q) ? q : "";
  }
  for (auto& p : path_)
    if (schema_.enums.count(p + "." + parts.back())) return p + "." + parts.back();
  return "";
}

std::string Simulator::type_key(std::vector<std::string> parts) const {
  if (parts.empty()) return "";
  if (parts.size() >= 2) return parts[parts.size() - 2] + "." + parts.back();
  for (auto& p : path_)
    if (schema_.enums.count(p + "." + parts.back()) || schema_.types.count(p + "." + parts.back()))
      return p + "." + parts.back();
  return default_schema("", "") + "." + parts.back();
}

void Simulator::alter_enum(const PgQuery__AlterEnumStmt* b) {
  std::string key = type_key(name_list(SG_LIST(b, type_name)));
  auto it = schema_.enums.find(key);
  if (it == schema_.enums.end()) return;
  EnumType& e = it->second;
  std::string old_val = text(b->old_val), new_val = text(b->new_val);
  if (!old_val.empty()) {
    for (size_t i = 0; i < e.labels.size(); ++i)
      if (e.labels[i] == old_val) {
        e.labels[i] = new_val;
        e.origins[i] = stmt_origin();
      }
    return;
  }
  if (std::find(e.labels.begin(), e.labels.end(), new_val) != e.labels.end()) return;
  e.labels.push_back(new_val);
  e.origins.push_back(stmt_origin());
}

std::optional<std::string> Simulator::owner_of(Span<Node> options) {
  for (const Node* o : options) {
    const PgQuery__DefElem* d = def_elem(o);
    if (defname(d) != "owned_by") continue;
    std::vector<std::string> parts = name_list(list_items(d->arg));
    if (parts.size() == 1 && parts[0] == "none") return std::string();
    if (parts.size() < 2) return std::nullopt;
    RelName rv;
    rv.name = parts[parts.size() - 2];
    if (parts.size() >= 3) rv.schema = parts[parts.size() - 3];
    const Relation* t = lookup(rv);
    return t ? t->qualified_name() + "." + parts.back() : std::string();
  }
  return std::nullopt;
}

std::vector<const PgQuery__AlterTableCmd*> Simulator::alter_commands(const PgQuery__AlterTableStmt* b) {
  std::vector<const PgQuery__AlterTableCmd*> out;
  for (const Node* c : SG_LIST(b, cmds))
    if (is(c, SG_NODE(ALTER_TABLE_CMD))) out.push_back(c->alter_table_cmd);
  return out;
}

void Simulator::alter_table(const PgQuery__AlterTableStmt* b) {
  RelName rv = rel_name(b->relation);
  switch (b->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE_UNDEFINED:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: break;
    default: return;
  }
  std::vector<const PgQuery__AlterTableCmd*> cmds = alter_commands(b);
  bool has_relation_change = false;
  for (const PgQuery__AlterTableCmd* cmd : cmds) {
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: has_relation_change = true; break;
      default: break;
    }
  }
  Relation* known = lookup(b->relation);
  if (!known && !b->missing_ok && unordered_) {
    // A key given to a relation no migration created yet: kept for the CREATE that comes later.
    Relation later;
    later.schema = default_schema(rv.schema, "");
    later.name = rv.name;
    for (const PgQuery__AlterTableCmd* cmd : cmds)
      if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint) add_key_constraint(later, cmd->def);
    for (auto& k : later.unique_keys) schema_.pending_keys[later.qualified_name()].push_back(std::move(k));
  }
  if (known) {
    for (const PgQuery__AlterTableCmd* cmd : cmds) {
      switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: add_key_constraint(*known, cmd->def); break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: drop_key(known, "", text(cmd->name)); break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
          implicit_sequence(*known, text(cmd->name), nullptr, {cmd->def}, -1);
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
          drop_owned_sequences(known->qualified_name() + "." + text(cmd->name), false);
          break;
        default: break;
      }
    }
  }
  if (!has_relation_change) return;
  Relation* r = lookup(b->relation);
  if (!r) {
    if (b->missing_ok) return;
    if (std::string why = removed_relation(rv); !why.empty())
      fails("ALTER TABLE of relation \"" + qualified(rv) +
                "\", which does not exist at this point (SQLSTATE 42P01): " + why,
            "42P01");
    r = lookup_or_adopt(rv);
    if (!r) return;
  }
  if (auto adopted = schema_.adopted.find(r->qualified_name()); adopted != schema_.adopted.end())
    for (const PgQuery__AlterTableCmd* cmd : cmds)
      if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) adopted->second |= Schema::kAdoptedChanged;
  // Without ONLY, PostgreSQL applies column changes to every child (INHERITS, PARTITION OF).
  std::vector<Relation*> children;
  if (rv.inh) children = descendants(*r);
  for (const PgQuery__AlterTableCmd* cmd : cmds) {
    PgQuery__AlterTableType st = cmd->subtype;
    std::string name = text(cmd->name);
    const PgQuery__ColumnDef* def = is(cmd->def, SG_NODE(COLUMN_DEF)) ? cmd->def->column_def : nullptr;
    if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
      Column col = column_def(def);
      if (r->find_column(col.name) && cmd->missing_ok) continue;
      for (Relation* child : children)
        if (!child->find_column(col.name)) child->columns.push_back(col);  // else merged
      add_column(*r, std::move(col));
      // ADD COLUMN dest jsonb UNIQUE / PRIMARY KEY: the column's own key, as in CREATE TABLE.
      if (def)
        for (const Node* con : SG_LIST(def, constraints)) add_key_constraint(*r, con, text(def->colname));
      implicit_sequence(*r, def);  // map nodes: r stays valid
    } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) {
      if (!cmd->missing_ok) check_column(*r, name, "DROP COLUMN of");
      auto& cols = r->columns;
      for (auto it = cols.begin(); it != cols.end(); ++it) {
        if (it->name == name) {
          // A child loses the column only where it is the inherited copy; a child that
          // declared it itself keeps it (its copy has another origin).
          for (Relation* child : children) {
            auto& cc = child->columns;
            auto own = std::find_if(cc.begin(), cc.end(), [&](const Column& x) { return x.name == name; });
            if (own != cc.end() && own->origin.file == it->origin.file && own->origin.offset == it->origin.offset &&
                own->origin.line == it->origin.line) {
              cc.erase(own);
              schema_.history.push_back({SchemaEvent::Kind::DropColumn, child->schema, child->name, name, "", stmt_origin()});
            }
          }
          cols.erase(it);
          drop_owned_sequences(r->qualified_name() + "." + name, false);
          std::erase_if(r->unique_keys, [&](const UniqueKey& k) {
            return std::find(k.columns.begin(), k.columns.end(), name) != k.columns.end();
          });
          break;
        }
      }
      schema_.history.push_back({SchemaEvent::Kind::DropColumn, r->schema, r->name, name, "", stmt_origin()});
    } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType) {
      check_column(*r, name, "ALTER COLUMN of");
      std::string type = type_name(def ? def->type_name : nullptr);
      std::string enum_type = enum_of(def ? def->type_name : nullptr);
      if (auto* col = r->find_column(name)) col->type = type, col->enum_type = enum_type;
      for (Relation* child : children)
        if (auto* col = child->find_column(name)) col->type = type;
      schema_.history.push_back({SchemaEvent::Kind::AlterColumnType, r->schema, r->name, name, "", stmt_origin()});
    } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull) {
      check_column(*r, name, "ALTER COLUMN of");
      if (auto* col = r->find_column(name)) col->not_null = true;
      schema_.history.push_back({SchemaEvent::Kind::SetNotNull, r->schema, r->name, name, "", stmt_origin()});
    } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull) {
      check_column(*r, name, "ALTER COLUMN of");
      if (auto* col = r->find_column(name)) col->not_null = false;
    } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault) {
      check_column(*r, name, "ALTER COLUMN of");
      if (auto* col = r->find_column(name)) col->has_default = present(cmd->def);
    }
  }
}

}  // namespace schemagate::schema::simulation
