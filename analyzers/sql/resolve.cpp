// Reference resolution, the entry points (resolve.h) and what every statement family shares:
// the dispatch by statement kind, relations named in FROM or as targets, and column lookup in
// the scopes. The families are in resolve_query.cpp, resolve_dml.cpp and resolve_expr.cpp.
#include "analyzers/sql/resolver.h"

#include "analyzers/requirements/requirement.h"

namespace schemagate::sql::resolver {

Resolution Resolver::run(const Node* stmt) {
  Resolution r;
  CteEnv root;
  switch (kind(stmt)) {
    case SG_NODE(SELECT_STMT): r.kind = "select"; break;
    case SG_NODE(INSERT_STMT): r.kind = "insert"; break;
    case SG_NODE(UPDATE_STMT): r.kind = "update"; break;
    case SG_NODE(DELETE_STMT): r.kind = "delete"; break;
    case SG_NODE(MERGE_STMT): r.kind = "merge"; break;
    case SG_NODE(CALL_STMT): r.kind = "call"; break;
    case SG_NODE(CREATE_TABLE_AS_STMT):
      // Its query, read as a SELECT (the relation it creates is the run-time names' business).
      if (!created_from_query(stmt)) return r;
      r.kind = "select";
      stmt = created_from_query(stmt);
      break;
    default: return r;
  }
  if (is(stmt, SG_NODE(CALL_STMT))) {
    Scope none;
    none.ctes = &root;
    const PgQuery__FuncCall* fc = stmt->call_stmt->funccall;
    if (fc) {
      record_call(fc, none, true);
      walk(SG_LIST(fc, args), none);
    }
  } else {
    statement(stmt, nullptr, &root);
  }
  // Deduplicate (MultiAssignRef repeats its source for each target column).
  std::set<std::tuple<int, size_t, std::string, std::string>> seen;
  for (auto& ref : refs_) {
    if (seen.insert({static_cast<int>(ref.kind), ref.offset, ref.relation, ref.column}).second)
      r.refs.push_back(std::move(ref));
  }
  std::sort(r.refs.begin(), r.refs.end(), [](const Reference& a, const Reference& b) { return a.offset < b.offset; });
  r.inserts = std::move(inserts_);
  r.calls = std::move(calls_);
  r.enum_literals = std::move(enum_literals_);
  r.arity_errors = std::move(arity_errors_);
  return r;
}

Derived Resolver::statement(const Node* n, const Scope* parent, const CteEnv* ctes) {
  switch (kind(n)) {
    case SG_NODE(SELECT_STMT): return select(n->select_stmt, parent, ctes);
    case SG_NODE(INSERT_STMT): return insert(n->insert_stmt, parent, ctes);
    case SG_NODE(UPDATE_STMT): return update(n->update_stmt, parent, ctes);
    case SG_NODE(DELETE_STMT): return del(n->delete_stmt, parent, ctes);
    case SG_NODE(MERGE_STMT): return merge(n->merge_stmt, parent, ctes);
    default: return {{}, false};
  }
}

Entry Resolver::range_var(const PgQuery__RangeVar* rv, bool allow_cte, const CteEnv* ctes) {
  RelationName n;
  if (rv) {
    n.schema_name = text(rv->schemaname);
    n.name = text(rv->relname);
    n.location = static_cast<size_t>(std::max(0, rv->location));
    n.three_part = rv->catalogname && *rv->catalogname;
    if (rv->alias) {
      n.alias = text(rv->alias->aliasname);
      for (const Node* c : SG_LIST(rv->alias, colnames)) n.alias_columns.push_back(str(c));
    }
  }
  return range_var(n, allow_cte, ctes);
}

Entry Resolver::range_var(const RelationName& rv, bool allow_cte, const CteEnv* ctes) {
  Entry e;
  const std::string& schema_name = rv.schema_name;
  const std::string& name = rv.name;
  size_t loc = rv.location;
  e.alias = rv.alias.empty() ? name : rv.alias;
  (void)allow_cte;  // DML targets may name a CTE too; PostgreSQL then reports an error itself
  if (schema_name.empty() && ctes) {
    if (const Derived* d = ctes->find(name)) {
      e.derived = *d;
      apply_alias(rv.alias_columns, &e.derived);
      if (!d->complete) e.open = true;
      return e;
    }
  }
  Reference ref;
  ref.kind = Reference::Kind::Relation;
  ref.relation = name;
  ref.schema = schema_name;
  ref.offset = loc;
  if (!schema_name.empty()) ref.offset = name_offset(loc, 1);
  if (rv.three_part) {
    ref.status = RefStatus::Unchecked;
    ref.note = "three-part relation names (database.schema.table) are not checked";
    e.open = true;
    refs_.push_back(ref);
    return e;
  }
  const Relation* rel = nullptr;
  if (!schema_name.empty()) {
    if (system_schema(schema_name) || !schema_.has_schema(schema_name)) {
      ref.status = RefStatus::Unchecked;
      ref.note = system_schema(schema_name) ? "system catalog"
                                            : "schema \"" + schema_name + "\" is not created by any migration";
      e.open = true;
      refs_.push_back(ref);
      return e;
    }
    rel = schema_.find(schema_name, name);
  } else {
    if (name.rfind("pg_", 0) == 0) {  // pg_catalog is searched first, implicitly
      ref.status = RefStatus::Unchecked;
      ref.note = "system catalog";
      e.open = true;
      refs_.push_back(ref);
      return e;
    }
    rel = schema_.find_in_path(name, path_);
  }
  if (!rel) {
    e.open = true;
    std::string outside = created_outside_migrations(name);
    if (schema_.uncertain_names.count(name)) {
      ref.status = RefStatus::Unchecked;
      ref.note = "\"" + name + "\" appears in DDL that the schema model cannot follow (a DO block or dynamic SQL)";
    } else if (!outside.empty()) {
      ref.status = RefStatus::Unchecked;
      ref.note = outside;
    } else if (!schema_name.empty() && schema_.extension_schemas.count(schema_name)) {
      ref.status = RefStatus::Unchecked;
      ref.note = "schema \"" + schema_name + "\" holds an extension's objects, which no migration lists";
    } else if (requirements::other_engine_relation(name)) {
      ref.status = RefStatus::Unchecked;
      ref.note = "\"" + name + "\" is a system view of Amazon Redshift, not PostgreSQL";
    } else {
      ref.status = RefStatus::Missing;
      if (ref.schema.empty()) ref.schema = path_.empty() ? "public" : path_.front();
    }
    refs_.push_back(ref);
    return e;
  }
  ref.status = RefStatus::Resolved;
  ref.schema = rel->schema;
  refs_.push_back(ref);
  e.rel = rel;
  e.alias_columns = rv.alias_columns;
  e.column_order_known = rel->columns_complete && !schema_.uncertain_names.count(rel->name);
  e.name_offset = ref.offset;
  e.schema_name = rel->schema;
  e.rel_name = rel->name;
  return e;
}

bool Resolver::system_schema(const std::string& s) {
  return s == "pg_catalog" || s == "information_schema" || s.rfind("pg_", 0) == 0;
}

void Resolver::target_column(const Entry& target, const std::string& name, long location, bool insert_target) {
  if (name.empty()) return;
  Reference ref;
  ref.kind = Reference::Kind::Column;
  ref.column = name;
  ref.offset = location < 0 ? 0 : static_cast<size_t>(location);
  ref.insert_target = insert_target;
  if (target.rel) {
    ref.schema = target.rel->schema;
    ref.relation = target.rel->name;
    if (target.has_column(name)) ref.status = RefStatus::Resolved;
    else if (target.certainly_lacks(name) && !schema_.uncertain_names.count(name)) ref.status = RefStatus::Missing;
    else {
      ref.status = RefStatus::Unchecked;
      ref.note = "the relation's column list is not fully known";
    }
  } else {
    ref.status = RefStatus::Unchecked;
    ref.note = "the target relation is not resolved";
  }
  refs_.push_back(ref);
}

void Resolver::using_column(const std::string& name, const Scope& scope, size_t first, size_t split) {
  // USING (c): c must exist on both sides; check each side like an unqualified reference.
  for (int side = 0; side < 2; ++side) {
    size_t from = side == 0 ? first : split, to = side == 0 ? split : scope.entries.size();
    bool found = false, certain = true;
    std::vector<std::string> searched;
    const Entry* only_base = nullptr;
    for (size_t i = from; i < to; ++i) {
      const Entry& e = scope.entries[i];
      if (e.has_column(name)) found = true;
      if (!e.certainly_lacks(name)) certain = false;
      if (e.rel) { searched.push_back(e.rel->qualified_name()); only_base = &e; }
    }
    if (found) continue;
    Reference ref;
    ref.kind = Reference::Kind::Column;
    ref.column = name;
    ref.offset = 0;
    for (size_t i = from; i < to; ++i)
      if (auto p = find_name(name, -1); p >= 0) { ref.offset = static_cast<size_t>(p); break; }
    if (certain && searched.size() == 1 && only_base && !schema_.uncertain_names.count(name)) {
      ref.status = RefStatus::Missing;
      ref.schema = only_base->rel->schema;
      ref.relation = only_base->rel->name;
      ref.searched = searched;
    } else {
      ref.status = RefStatus::Unchecked;
      ref.note = "USING column on a side whose columns are not all known";
    }
    refs_.push_back(ref);
  }
}

const Entry* Resolver::find_qualifier(const std::string& q, const std::string& schema_q, const Scope& scope) {
  for (const Scope* s = &scope; s; s = s->parent) {
    for (auto& e : s->entries) {
      if (schema_q.empty() ? e.alias == q : (e.rel && e.schema_name == schema_q && e.rel_name == q && e.alias == q))
        return &e;
    }
  }
  return nullptr;
}

void Resolver::qualified(Reference ref, const Entry& e) {
  if (e.rel && e.listed(ref.column) < 0) {
    ref.schema = e.rel->schema;
    ref.relation = e.rel->name;
  } else {
    // A derived table's column, or a name the alias column list gives: the statement defines
    // it, no requirement on the schema (like a subquery's output column).
    ref.relation = e.alias;
  }
  bool lacks = e.rel && e.certainly_lacks(ref.column) && !schema_.uncertain_names.count(ref.column) &&
               !schema_.uncertain_names.count(e.rel->name);
  RowFunction function = lacks ? row_function(*e.rel, ref.column) : RowFunction::None;
  if (e.has_column(ref.column)) {
    ref.status = RefStatus::Resolved;
  } else if (std::string why = e.alias_note(ref.column); !why.empty()) {
    ref.status = RefStatus::Unchecked;
    ref.note = why;
  } else if (function == RowFunction::Found) {
    // p.display_name is display_name(p): what the code needs is that function, not a column.
    ref.status = RefStatus::Resolved;
    ref.schema.clear();
    ref.relation = e.alias;
    ref.note = "a call of a function of the row type of \"" + e.rel->name + "\", in attribute notation";
    FunctionCall call;
    call.name = ref.column;
    call.arguments = 1;
    call.offset = ref.offset;
    call.search_path = path_;
    calls_.push_back(std::move(call));
  } else if (function == RowFunction::Unsure) {
    ref.status = RefStatus::Unchecked;
    ref.note = "a function \"" + ref.column + "\" may take the row of \"" + e.rel->name +
               "\" (attribute notation): its argument's type is not known";
  } else if (lacks) {
    ref.status = RefStatus::Missing;
    ref.searched = {e.rel->qualified_name()};
  } else {
    ref.status = RefStatus::Unchecked;
    ref.note = e.rel ? "the relation's column list is not fully known"
                     : (e.open ? "\"" + e.alias + "\" has columns that are not known"
                               : "\"" + e.alias + "\" is a derived table whose columns are inferred");
  }
  refs_.push_back(ref);
}

void Resolver::unqualified(Reference ref, const Scope& scope) {
  bool certain = true;
  std::string alias_note;
  std::vector<const Entry*> bases;
  for (const Scope* s = &scope; s; s = s->parent) {
    for (auto& e : s->entries) {
      if (e.has_column(ref.column) && !e.open) {
        if (e.rel && e.listed(ref.column) < 0) {
          ref.schema = e.rel->schema;
          ref.relation = e.rel->name;
        } else {
          ref.relation = e.alias;
        }
        ref.status = RefStatus::Resolved;
        refs_.push_back(ref);
        return;
      }
      if (e.alias == ref.column) return;  // whole-row reference: SELECT t FROM t
      if (!e.certainly_lacks(ref.column) || (e.rel && schema_.uncertain_names.count(e.rel->name))) certain = false;
      if (std::string why = e.alias_note(ref.column); !why.empty() && alias_note.empty()) alias_note = why;
      if (e.rel) bases.push_back(&e);
    }
  }
  if (!certain || schema_.uncertain_names.count(ref.column)) {
    ref.status = RefStatus::Unchecked;
    ref.note = alias_note.empty() ? "a relation in scope has columns that are not known" : alias_note;
    refs_.push_back(ref);
    return;
  }
  if (bases.empty()) {
    // No relation in scope: a bare name (a PL/pgSQL variable, a misused keyword). Not ours.
    ref.status = RefStatus::Unchecked;
    ref.note = "no relation in scope";
    refs_.push_back(ref);
    return;
  }
  ref.status = RefStatus::Missing;
  ref.schema = bases.front()->rel->schema;
  ref.relation = bases.front()->rel->name;
  for (auto* e : bases)  // a subquery over the outer query's table searches it twice: name it once
    if (std::find(ref.searched.begin(), ref.searched.end(), e->rel->qualified_name()) == ref.searched.end())
      ref.searched.push_back(e->rel->qualified_name());
  refs_.push_back(ref);
}

Resolver::RowFunction Resolver::row_function(const Relation& rel, const std::string& name) const {
  // A table's row converts implicitly to the row type of every table it inherits from
  // (INHERITS, PARTITION OF), parents of parents too.
  std::set<std::string> rows{rel.qualified_name()};
  std::vector<std::string> todo = rel.parents;
  while (!todo.empty()) {
    std::string q = todo.back();
    todo.pop_back();
    if (!rows.insert(q).second) continue;
    auto dot = q.find('.');
    if (const Relation* parent = schema_.find(q.substr(0, dot), q.substr(dot + 1)))
      todo.insert(todo.end(), parent->parents.begin(), parent->parents.end());
  }
  // PostgreSQL weighs every overload of the name on the search path (pg_catalog's are not in
  // the model: none of them takes a user table's row but through a pseudo-type).
  RowFunction found = RowFunction::None;
  for (auto& p : path_) {
    auto it = schema_.functions.find(p + "." + name);
    if (it == schema_.functions.end()) continue;
    for (const schema::Function& f : it->second) {
      // One argument: the first, the others with defaults (PostgreSQL fills them in), or a
      // lone VARIADIC one of an array of the row type.
      if (f.procedure || f.declared < 1 || !f.accepts(1)) continue;
      std::string type = f.arg_types.empty() ? "" : f.arg_types.front();
      if (f.max_args < 0 && f.declared == 1 && type.size() > 2 && type.compare(type.size() - 2, 2, "[]") == 0)
        type.resize(type.size() - 2);
      if (rows.count(type)) return RowFunction::Found;
      // record and the polymorphic pseudo-types take any row.
      if (type == "pg_catalog.record" || type == "pg_catalog.any" || type == "pg_catalog.anyelement" ||
          type == "pg_catalog.anycompatible" || type == "pg_catalog.anynonarray" ||
          type == "pg_catalog.anycompatiblenonarray")
        return RowFunction::Found;
      auto dot = type.find('.');
      bool another = dot != std::string::npos &&
                     (type.compare(0, dot + 1, "pg_catalog.") == 0 || type.back() == ']' ||
                      schema_.find(type.substr(0, dot), type.substr(dot + 1)) || schema_.types.count(type));
      if (!another) found = RowFunction::Unsure;  // its type is not known, or no longer exists
    }
  }
  return found;
}

size_t Resolver::name_offset(size_t loc, size_t skip) const {
  size_t i = loc;
  for (size_t k = 0; k < skip && i < sql_.size(); ++k) {
    if (sql_[i] == '"') {
      ++i;
      while (i < sql_.size() && !(sql_[i] == '"' && (i + 1 >= sql_.size() || sql_[i + 1] != '"'))) i += sql_[i] == '"' ? 2 : 1;
      ++i;
    } else {
      while (i < sql_.size() && ident_char(sql_[i])) ++i;
    }
    while (i < sql_.size() && std::isspace(static_cast<unsigned char>(sql_[i]))) ++i;
    if (i < sql_.size() && sql_[i] == '.') ++i;
    while (i < sql_.size() && std::isspace(static_cast<unsigned char>(sql_[i]))) ++i;
  }
  if (i < sql_.size() && sql_[i] == '"') ++i;  // point at the name, not its quote
  return i < sql_.size() ? i : loc;
}

long Resolver::find_name(const std::string& name, long from) const {
  if (name.empty()) return -1;
  size_t start = from < 0 ? 0 : static_cast<size_t>(from);
  for (size_t i = start; i + name.size() <= sql_.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < name.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(sql_[i + k])) == std::tolower(static_cast<unsigned char>(name[k]));
    if (!match) continue;
    bool left_ok = i == 0 || !ident_char(sql_[i - 1]);
    bool right_ok = i + name.size() >= sql_.size() || !ident_char(sql_[i + name.size()]);
    if (left_ok && right_ok) return static_cast<long>(i);
  }
  return from;
}

}  // namespace schemagate::sql::resolver

namespace schemagate::sql {

using resolver::Resolver;

bool is_dml(const Node* stmt) {
  switch (kind(stmt)) {
    case SG_NODE(SELECT_STMT):
    case SG_NODE(INSERT_STMT):
    case SG_NODE(UPDATE_STMT):
    case SG_NODE(DELETE_STMT):
    case SG_NODE(MERGE_STMT): return true;
    default: return false;
  }
}

namespace {

/// `CREATE [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name` inside PL/pgSQL text (a DO
/// block a test script runs): the first such table, or nothing.
/// Every table a PL/pgSQL body creates, in order (a DO block may create several).
std::vector<CreatedRelation> created_in_plpgsql(const std::string& body) {
  std::vector<CreatedRelation> out;
  std::vector<std::string> words;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) words.push_back(w);
    w.clear();
  };
  for (char c : body) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else flush();
  }
  flush();
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (words[i] != "create") continue;
    size_t j = i + 1;
    while (j < words.size() && (words[j] == "temp" || words[j] == "temporary" || words[j] == "unlogged" ||
                                words[j] == "global" || words[j] == "local"))
      ++j;
    if (j >= words.size() || words[j] != "table") continue;
    ++j;
    if (j + 2 < words.size() && words[j] == "if" && words[j + 1] == "not" && words[j + 2] == "exists") j += 3;
    if (j >= words.size()) break;
    const std::string& name = words[j];
    auto dot = name.find('.');
    out.push_back(dot == std::string::npos ? CreatedRelation{"", name} : CreatedRelation{name.substr(0, dot), name.substr(dot + 1)});
  }
  return out;
  return {};
}

}  // namespace

CreatedRelation created_relation(const Node* stmt) {
  const PgQuery__RangeVar* rv = nullptr;
  switch (kind(stmt)) {
    case SG_NODE(DO_STMT):
      for (const Node* a : SG_LIST(stmt->do_stmt, args)) {
        if (!is(a, SG_NODE(DEF_ELEM))) continue;
        if (text(a->def_elem->defname) != "as") continue;
        std::vector<CreatedRelation> all = created_in_plpgsql(str(a->def_elem->arg));
        return all.empty() ? CreatedRelation{} : all.front();
      }
      return {};
    case SG_NODE(CREATE_STMT): rv = stmt->create_stmt->relation; break;
    case SG_NODE(CREATE_FOREIGN_TABLE_STMT):
      rv = stmt->create_foreign_table_stmt->base_stmt ? stmt->create_foreign_table_stmt->base_stmt->relation : nullptr;
      break;
    case SG_NODE(CREATE_TABLE_AS_STMT): rv = stmt->create_table_as_stmt->into ? stmt->create_table_as_stmt->into->rel : nullptr; break;
    case SG_NODE(SELECT_STMT): rv = stmt->select_stmt->into_clause ? stmt->select_stmt->into_clause->rel : nullptr; break;
    case SG_NODE(VIEW_STMT): rv = stmt->view_stmt->view; break;
    default: break;
  }
  if (!rv) return {};
  return {text(rv->schemaname), text(rv->relname)};
}

std::vector<AddedColumn> added_columns(const Node* stmt) {
  std::vector<AddedColumn> out;
  if (!is(stmt, SG_NODE(ALTER_TABLE_STMT)) || !stmt->alter_table_stmt->relation) return out;
  const PgQuery__RangeVar* rv = stmt->alter_table_stmt->relation;
  for (const Node* c : SG_LIST(stmt->alter_table_stmt, cmds)) {
    if (!is(c, SG_NODE(ALTER_TABLE_CMD)) || c->alter_table_cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) continue;
    const Node* def = c->alter_table_cmd->def;
    if (is(def, SG_NODE(COLUMN_DEF)) && def->column_def->colname && *def->column_def->colname)
      out.push_back({{text(rv->schemaname), text(rv->relname)}, def->column_def->colname});
  }
  return out;
}

std::vector<CreatedRelation> created_relations(const Node* stmt) {
  if (is(stmt, SG_NODE(DO_STMT)))
    for (const Node* a : SG_LIST(stmt->do_stmt, args))
      if (is(a, SG_NODE(DEF_ELEM)) && text(a->def_elem->defname) == "as") return created_in_plpgsql(str(a->def_elem->arg));
  CreatedRelation one = created_relation(stmt);
  if (one.name.empty()) return {};
  return {one};
}

const Node* created_from_query(const Node* stmt) {
  if (!is(stmt, SG_NODE(CREATE_TABLE_AS_STMT))) return nullptr;
  const Node* query = stmt->create_table_as_stmt->query;
  return is(query, SG_NODE(SELECT_STMT)) ? query : nullptr;
}

bool is_checked(const Node* stmt) {
  return is_dml(stmt) || is(stmt, SG_NODE(CALL_STMT)) || created_from_query(stmt);
}

Resolution resolve_statement(const Node* stmt, const std::string& sql, const schema::Schema& schema,
                             const std::vector<std::string>& search_path) {
  if (!is_checked(stmt)) return {};
  Resolver r(sql, schema, search_path);
  return r.run(stmt);
}

OutputColumns query_output_columns(const Node* query, const schema::Schema& schema,
                                   const std::vector<std::string>& search_path) {
  OutputColumns out;
  if (!present(query)) {
    out.complete = false;
    return out;
  }
  static const std::string empty;
  Resolver r(empty, schema, search_path);
  auto d = r.statement(query, nullptr, nullptr);
  out.names = d.columns;
  out.complete = d.complete;
  // A view over a relation the model lacks cannot be trusted either.
  for (auto& ref : r.refs_)
    if (ref.status != RefStatus::Resolved && ref.kind == Reference::Kind::Relation) out.complete = false;
  return out;
}

}  // namespace schemagate::sql
