// CREATE statements in the DDL simulator: schemas, extensions, tables (and their implicit
// sequences and keys), views, types, sequences, functions, aggregates, unique indexes.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "analyzers/schema/builtin.h"
#include "analyzers/schema/ddl_simulator.h"
#include "analyzers/schema/implicit_sequences.h"
#include "analyzers/sql/resolve.h"

namespace schemagate::schema::simulation {
namespace {

/// The constraint type of a Constraint node; UNDEFINED for any other node.
PgQuery__ConstrType contype(const Node* n) {
  return is(n, SG_NODE(CONSTRAINT)) ? n->constraint->contype : PG_QUERY__CONSTR_TYPE__CONSTR_TYPE_UNDEFINED;
}

bool serial_type(const std::string& t) {
  return t == "serial" || t == "bigserial" || t == "smallserial" || t == "serial4" || t == "serial8" || t == "serial2";
}

/// PostgreSQL's makeObjectName: "table_column_seq", each part shortened (the longer first) so
/// the whole fits in NAMEDATALEN - 1 = 63 bytes.
std::string object_name(std::string name1, std::string name2, const std::string& label) {
  size_t avail = 63 - label.size() - 1 - (name2.empty() ? 0 : 1);
  size_t n1 = name1.size(), n2 = name2.size();
  while (n1 + n2 > avail) {
    if (n1 > n2) --n1;
    else --n2;
  }
  std::string out = name1.substr(0, n1);
  if (!name2.empty()) out += "_" + name2.substr(0, n2);
  return out + "_" + label;
}

/// The sequence a column gets: its identity's SEQUENCE NAME, else table_column_seq, when it is
/// serial or an identity (false otherwise).
bool column_sequence(const std::string& schema, const std::string& table, const std::string& column,
                     const PgQuery__TypeName* type, const std::vector<const Node*>& constraints, std::string* out_schema,
                     std::string* out_name) {
  bool wanted = type && serial_type(type_name(type));
  *out_schema = schema;
  *out_name = object_name(table, column, "seq");
  for (const Node* con : constraints) {
    if (contype(con) != PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) continue;
    wanted = true;
    for (const Node* o : SG_LIST(con->constraint, options)) {
      const PgQuery__DefElem* d = def_elem(o);
      if (defname(d) != "sequence_name") continue;
      std::vector<std::string> parts = name_list(list_items(d->arg));
      if (parts.empty()) continue;
      *out_schema = parts.size() >= 2 ? parts[parts.size() - 2] : schema;
      *out_name = parts.back();
    }
  }
  return wanted;
}

}  // namespace

void Simulator::create_schema(const PgQuery__CreateSchemaStmt* b) {
  std::string name = text(b->schemaname);
  schema_.add_schema(name);
  for (const Node* e : SG_LIST(b, schema_elts)) statement(e, name);
}

void Simulator::create_extension(const PgQuery__CreateExtensionStmt* b, const std::string& creation_schema) {
  static const std::map<std::string, std::vector<std::string>> kOwnSchemas = {
      {"pg_cron", {"cron"}},         {"pg_net", {"net"}},       {"pgsodium", {"pgsodium"}},
      {"supabase_vault", {"vault"}}, {"pg_graphql", {"graphql"}}, {"pgmq", {"pgmq"}},
      {"postgis_topology", {"topology"}}, {"postgis_tiger_geocoder", {"tiger", "tiger_data"}},
      {"timescaledb", {"_timescaledb_catalog", "_timescaledb_internal", "timescaledb_information"}}};
  std::string ext = text(b->extname);
  if (auto own = kOwnSchemas.find(ext); own != kOwnSchemas.end())
    for (auto& s : own->second) schema_.extension_schemas.insert(s);
  std::string in_schema = default_schema("", creation_schema);
  for (const Node* o : SG_LIST(b, options)) {
    const PgQuery__DefElem* d = def_elem(o);
    std::string s = d ? str(d->arg) : "";
    if (defname(d) == "schema") in_schema = s;
    if (defname(d) == "schema" && std::find(path_.begin(), path_.end(), s) == path_.end())
      schema_.extension_schemas.insert(s);
  }
  // Supabase's extensions put every function in a schema of their own (cron.schedule,
  // net.http_get, pgmq.send, vault.create_secret): none lands where WITH SCHEMA points.
  static const std::set<std::string> kAllInOwnSchema = {"pg_cron", "pg_net", "pgsodium", "supabase_vault",
                                                        "pg_graphql", "pgmq"};
  if (kAllInOwnSchema.count(ext))
    for (auto& s : kOwnSchemas.at(ext)) schema_.extensions[s].insert(ext);
  else
    schema_.extensions[in_schema].insert(ext);
}

void Simulator::create_type(const Node* node, const std::string& creation_schema) {
  Span<Node> names;
  if (is(node, SG_NODE(CREATE_ENUM_STMT))) names = SG_LIST(node->create_enum_stmt, type_name);
  else if (is(node, SG_NODE(CREATE_DOMAIN_STMT))) names = SG_LIST(node->create_domain_stmt, domainname);
  else if (is(node, SG_NODE(CREATE_RANGE_STMT))) names = SG_LIST(node->create_range_stmt, type_name);
  std::string qualified;
  if (is(node, SG_NODE(COMPOSITE_TYPE_STMT))) {
    RelName rv = rel_name(node->composite_type_stmt->typevar);
    qualified = default_schema(rv.schema, creation_schema) + "." + rv.name;
  } else {
    std::vector<std::string> parts;
    for (const Node* n : names) parts.push_back(str(n));
    if (parts.size() == 1) parts.insert(parts.begin(), default_schema("", creation_schema));
    if (!parts.empty()) qualified = parts[0] + "." + parts.back();
  }
  if (!qualified.empty()) schema_.types.insert(qualified);
  if (is(node, SG_NODE(CREATE_RANGE_STMT)) && !qualified.empty()) {
    // A range type comes with its constructors, name(lower, upper [, bounds]), and a
    // multirange type whose constructor takes any number of ranges. PostgreSQL names the
    // multirange by replacing "range" in the name with "multirange", else appending
    // "_multirange" (or takes multirange_type_name, which this model does not read).
    size_t dot = qualified.find('.');
    Function ctor;
    ctor.schema = qualified.substr(0, dot);
    ctor.name = qualified.substr(dot + 1);
    ctor.declared = 3;
    ctor.min_args = 2;
    ctor.max_args = 3;
    ctor.origin = stmt_origin();
    Function multi = ctor;
    size_t at = ctor.name.find("range");
    multi.name = at == std::string::npos ? ctor.name + "_multirange" : ctor.name.substr(0, at) + "multi" + ctor.name.substr(at);
    multi.declared = 0;
    multi.min_args = 0;
    multi.max_args = -1;
    add_function(std::move(ctor), false);
    add_function(std::move(multi), false);
  }
  if (is(node, SG_NODE(CREATE_ENUM_STMT)) && !qualified.empty()) {
    EnumType e;
    e.origin = stmt_origin();
    for (const Node* v : SG_LIST(node->create_enum_stmt, vals)) {
      e.labels.push_back(str(v));
      e.origins.push_back(e.origin);
    }
    schema_.enums[qualified] = std::move(e);
  }
}

void Simulator::define_aggregate(const PgQuery__DefineStmt* b, const std::string& creation_schema) {
  if (b->kind != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE) return;
  std::vector<std::string> parts = name_list(SG_LIST(b, defnames));
  if (!parts.empty())
    add_function({default_schema(parts.size() > 1 ? parts[parts.size() - 2] : "", creation_schema), parts.back(),
                  0, 0, -1, false, stmt_origin(), {}, false, {}},
                 b->replace);
}

Column Simulator::column_def(const PgQuery__ColumnDef* cd) {
  Column c;
  if (!cd) {
    c.origin = origin_at(-1);
    return c;
  }
  c.name = text(cd->colname);
  c.type = type_name(cd->type_name);
  c.origin = origin_at(json_location(cd->location));
  if (cd->is_not_null) c.not_null = true;
  if (!text(cd->identity).empty()) c.identity = true;
  for (const Node* con : SG_LIST(cd, constraints)) {
    PgQuery__ConstrType ct = contype(con);
    if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL || ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) c.not_null = true;
    if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) c.has_default = true;
    if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) c.identity = c.has_default = c.not_null = true;
    if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED) c.generated = c.has_default = true;
  }
  if (serial_type(c.type)) c.has_default = c.not_null = true;
  c.enum_type = enum_of(cd->type_name);
  return c;
}

void Simulator::create_sequence(const RelName& rv, const std::string& creation_schema,
                                std::optional<std::string> owner, bool if_not_exists) {
  Relation r;
  r.schema = default_schema(rv.schema, creation_schema);
  r.name = rv.name;
  r.kind = RelationKind::Sequence;
  r.origin = origin_at(rv.location);
  if (schema_.find(r.schema, r.name)) {
    if (!if_not_exists) note("relation \"" + r.schema + "." + r.name + "\" already exists; the sequence is not modelled");
    return;
  }
  for (const char* c : {"last_value", "log_cnt", "is_called"}) r.columns.push_back({c, c[0] == 'i' ? "bool" : "int8", true, false, false, false, "", r.origin});
  r.owned_by = owner.value_or("");
  schema_.add(std::move(r));
}

void Simulator::implicit_sequence(const Relation& table, const PgQuery__ColumnDef* cd) {
  if (!cd) return implicit_sequence(table, "", nullptr, {}, -1);
  std::vector<const Node*> constraints(SG_LIST(cd, constraints).begin(), SG_LIST(cd, constraints).end());
  implicit_sequence(table, text(cd->colname), cd->type_name, constraints, json_location(cd->location));
}

void Simulator::implicit_sequence(const Relation& table, const std::string& column, const PgQuery__TypeName* type,
                                  const std::vector<const Node*>& constraints, long location) {
  RelName rv;
  if (!column_sequence(table.schema, table.name, column, type, constraints, &rv.schema, &rv.name)) return;
  if (schema_.find(rv.schema, rv.name)) {
    schema_.uncertain_names.insert(rv.name);
    return;
  }
  rv.location = location;
  create_sequence(rv, table.schema, table.qualified_name() + "." + column, false);
}

void Simulator::create_function(const PgQuery__CreateFunctionStmt* b, const std::string& creation_schema) {
  std::vector<std::string> parts = name_list(SG_LIST(b, funcname));
  if (parts.empty()) return;
  Function f;
  f.schema = default_schema(parts.size() > 1 ? parts[parts.size() - 2] : "", creation_schema);
  f.name = parts.back();
  f.procedure = b->is_procedure;
  f.origin = stmt_origin();
  int defaults = 0;
  bool variadic = false;
  for (const Node* p : SG_LIST(b, parameters)) {
    if (!is(p, SG_NODE(FUNCTION_PARAMETER))) continue;
    const PgQuery__FunctionParameter* fp = p->function_parameter;
    if (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE ||
        (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT && !f.procedure))
      continue;
    ++f.declared;
    f.arg_names.push_back(text(fp->name));
    f.arg_types.push_back(argument_type(fp->arg_type));
    if (present(fp->defexpr)) ++defaults;
    if (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC) variadic = true;
  }
  f.max_args = variadic ? -1 : f.declared;
  f.min_args = std::max(0, f.declared - defaults);  // a VARIADIC without default needs one value
  f.arg_names_known = true;
  add_function(std::move(f), b->replace);
}

std::string Simulator::argument_type(const PgQuery__TypeName* type) const {
  if (!type || type->pct_type) return "";  // t.c%TYPE: the column's type, not followed
  std::vector<std::string> parts = name_list(SG_LIST(type, names));
  std::string array = type->n_array_bounds > 0 ? "[]" : "";
  if (parts.size() == 2) return parts[0] + "." + parts[1] + array;
  if (parts.size() != 1) return "";
  const std::string& name = parts[0];
  if (builtin::type(name)) return "pg_catalog." + name + array;
  for (auto& p : path_)
    if (schema_.find(p, name) || schema_.types.count(p + "." + name)) return p + "." + name + array;
  return "";
}

void Simulator::add_function(Function f, bool replace) {
  auto& overloads = schema_.functions[f.schema + "." + f.name];
  if (replace)
    std::erase_if(overloads, [&](const Function& o) { return o.declared == f.declared && o.max_args == f.max_args; });
  overloads.push_back(std::move(f));
}

void Simulator::add_key_constraint(Relation& r, const Node* node, const std::string& column) {
  PgQuery__ConstrType ct = contype(node);
  if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
    r.keys_complete = false;
    return;
  }
  if (ct != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && ct != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE) return;
  const PgQuery__Constraint* con = node->constraint;
  UniqueKey key;
  if (!column.empty()) key.columns.push_back(column);
  for (const Node* k : SG_LIST(con, keys)) key.columns.push_back(str(k));
  if (key.columns.empty()) {  // ADD CONSTRAINT ... USING INDEX: an index the model may not know
    r.keys_complete = false;
    return;
  }
  key.name = text(con->conname);
  if (key.name.empty())
    key.name = default_key_name(r.name, key.columns, ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ? "pkey" : "key");
  key.origin = origin_at(json_location(con->location));
  r.unique_keys.push_back(std::move(key));
}

std::string Simulator::default_key_name(const std::string& table, const std::vector<std::string>& columns,
                                        const std::string& label) {
  if (label == "pkey") return table + "_pkey";
  std::string name = table;
  for (auto& c : columns) name += "_" + c;
  return name + "_" + label;
}

void Simulator::create_index(const PgQuery__IndexStmt* b) {
  Relation* r = lookup(b->relation);
  Relation later;  // a relation no migration created yet: its unique key waits for the CREATE
  if (!r) {
    if (!b->unique || !b->relation || !unordered_) return;
    RelName rv = rel_name(b->relation);
    later.schema = default_schema(rv.schema, "");
    later.name = rv.name;
  }
  // PostgreSQL refuses an index on a column the table lacks (42703), key or INCLUDE column.
  auto check = [&](const Node* p) {
    if (is(p, SG_NODE(INDEX_ELEM)) && !text(p->index_elem->name).empty())
      check_column(*r, text(p->index_elem->name), "CREATE INDEX on");
  };
  if (r) {
    for (const Node* p : SG_LIST(b, index_params)) check(p);
    for (const Node* p : SG_LIST(b, index_including_params)) check(p);
  }
  if (!b->unique) return;
  UniqueKey key;
  for (const Node* p : SG_LIST(b, index_params)) {
    std::string name = is(p, SG_NODE(INDEX_ELEM)) ? text(p->index_elem->name) : "";
    if (!name.empty()) key.columns.push_back(name);
    else key.partial = true;  // an expression
  }
  if (present(b->where_clause)) key.partial = true;
  key.name = text(b->idxname);
  if (key.name.empty()) key.name = default_key_name(r ? r->name : later.name, key.columns, "idx");
  key.origin = stmt_origin();
  if (!r) {
    schema_.pending_keys[later.qualified_name()].push_back(std::move(key));
    return;
  }
  if (b->if_not_exists)
    for (auto& k : r->unique_keys)
      if (k.name == key.name) return;
  r->unique_keys.push_back(std::move(key));
}

void Simulator::add_column(Relation& r, Column c) {
  if (auto* existing = r.find_column(c.name)) *existing = std::move(c);  // inherited + redeclared
  else r.columns.push_back(std::move(c));
}

void Simulator::create_table(const PgQuery__CreateStmt* b, const std::string& creation_schema, RelationKind kind) {
  if (!b) return;
  RelName rv = rel_name(b->relation);
  Relation r;
  r.schema = default_schema(rv.schema, creation_schema);
  r.name = rv.name;
  r.kind = b->partspec ? RelationKind::PartitionedTable : kind;
  r.origin = origin_at(rv.location);
  Relation* existing = schema_.find(r.schema, r.name);
  // Altered before this CREATE, where either side's place in the order is a guess.
  auto adopted = existing ? schema_.adopted.find(existing->qualified_name()) : schema_.adopted.end();
  if (adopted != schema_.adopted.end() && !unordered_ && !(adopted->second & Schema::kAdoptedUnordered))
    adopted = schema_.adopted.end();
  if (existing && b->if_not_exists && adopted == schema_.adopted.end()) return;
  auto range_var_of = [](const Node* n) { return is(n, SG_NODE(RANGE_VAR)) ? n->range_var : nullptr; };
  // INHERITS and PARTITION OF: parent columns first.
  for (const Node* parent : SG_LIST(b, inh_relations)) {
    if (const Relation* p = lookup(range_var_of(parent))) {
      for (auto& c : p->columns) add_column(r, c);
      if (!p->columns_complete) r.columns_complete = false;
      r.parents.push_back(p->qualified_name());
    } else {
      r.columns_complete = false;
    }
  }
  if (b->of_typename) r.columns_complete = false;
  // Unique keys: known when the statement declares them all. A partition has its parent's;
  // INHERITS and LIKE ... INCLUDING copy what the model does not follow.
  r.keys_complete = true;
  bool partition = b->partbound != nullptr;
  for (const Node* parent : SG_LIST(b, inh_relations)) {
    const Relation* p = lookup(range_var_of(parent));
    if (partition && p && p->keys_complete) {
      for (auto k : p->unique_keys) r.unique_keys.push_back(std::move(k));
    } else {
      r.keys_complete = false;
    }
  }
  for (const Node* elt : SG_LIST(b, table_elts)) {
    if (is(elt, SG_NODE(COLUMN_DEF))) {
      const PgQuery__ColumnDef* eb = elt->column_def;
      if (auto* existing = r.find_column(text(eb->colname))) {
        // PARTITION OF (...) with column options: adjust, keep the parent's origin.
        for (const Node* con : SG_LIST(eb, constraints)) {
          PgQuery__ConstrType ct = contype(con);
          if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) existing->not_null = true;
          if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) existing->has_default = true;
        }
        if (!eb->type_name) continue;  // nor are its key constraints read
        add_column(r, column_def(eb));
      } else {
        add_column(r, column_def(eb));
      }
      for (const Node* con : SG_LIST(eb, constraints)) add_key_constraint(r, con, text(eb->colname));
    } else if (is(elt, SG_NODE(TABLE_LIKE_CLAUSE))) {
      const PgQuery__TableLikeClause* eb = elt->table_like_clause;
      r.keys_complete = false;
      if (const Relation* src = lookup(eb->relation)) {
        for (auto c : src->columns) {
          c.origin = origin_at(rel_name(eb->relation).location);
          add_column(r, std::move(c));
        }
        if (!src->columns_complete) r.columns_complete = false;
      } else {
        r.columns_complete = false;
      }
    } else if (is(elt, SG_NODE(CONSTRAINT))) {
      if (contype(elt) == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
        for (const Node* k : SG_LIST(elt->constraint, keys))
          if (auto* c = r.find_column(str(k))) c->not_null = true;
      add_key_constraint(r, elt);
    }
  }
  if (existing && adopted != schema_.adopted.end()) {
    // Altered before this CREATE (a folder of scripts in no told order, an upgrade script that
    // sorts first): the table as created here, with what those statements added to it. Its
    // column list is known unless one of them dropped or renamed a column.
    note("relation \"" + r.schema + "." + r.name +
         "\" is created after a migration that alters it: the two are merged (the order the migrations run in may differ)");
    for (auto& c : existing->columns)
      if (!r.find_column(c.name)) r.columns.push_back(c);
    for (auto& k : existing->unique_keys) r.unique_keys.push_back(k);
    if (adopted->second & Schema::kAdoptedChanged) r.columns_complete = false;
    schema_.adopted.erase(adopted);
    *existing = std::move(r);
    take_pending_keys(*existing);
    for (const Node* elt : SG_LIST(b, table_elts))
      if (is(elt, SG_NODE(COLUMN_DEF))) implicit_sequence(*existing, elt->column_def);
    return;
  }
  if (existing) {
    // PostgreSQL would refuse this CREATE; the relation exists already (in the live database,
    // or from an earlier migration). Keep what exists and add what the statement adds, so no
    // column the database really has disappears from the model.
    note("relation \"" + r.schema + "." + r.name + "\" already exists; its columns are merged");
    for (auto& c : r.columns)
      if (!existing->find_column(c.name)) existing->columns.push_back(c);
    return;
  }
  Relation& added = schema_.add(std::move(r));
  take_pending_keys(added);
  for (const Node* elt : SG_LIST(b, table_elts))
    if (is(elt, SG_NODE(COLUMN_DEF))) implicit_sequence(added, elt->column_def);
}

void Simulator::take_pending_keys(Relation& r) {
  auto pending = schema_.pending_keys.find(r.qualified_name());
  if (pending == schema_.pending_keys.end()) return;
  for (auto& k : pending->second) {
    bool known = false;
    for (auto& have : r.unique_keys) known = known || have.name == k.name;
    if (known) continue;
    note("unique key \"" + k.name + "\" of \"" + r.qualified_name() +
         "\" was given before a migration created the table: it is taken in (the order the migrations run in may differ)");
    r.unique_keys.push_back(std::move(k));
  }
  schema_.pending_keys.erase(pending);
}

void Simulator::create_as(const PgQuery__CreateTableAsStmt* b, const std::string& creation_schema) {
  RelationKind kind = b->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? RelationKind::MaterializedView : RelationKind::Table;
  create_from_query(b->into, b->query, kind, b->if_not_exists, creation_schema);
}

void Simulator::select_into(const PgQuery__SelectStmt* b, const Node* query, const std::string& creation_schema) {
  while (b && b->larg) b = b->larg;  // a UNION's leftmost SELECT
  if (!b || !b->into_clause) return;  // a plain SELECT: DML, nothing modelled changes
  create_from_query(b->into_clause, query, RelationKind::Table, false, creation_schema);
}

void Simulator::create_from_query(const PgQuery__IntoClause* into, const Node* query, RelationKind kind,
                                  bool if_not_exists, const std::string& creation_schema) {
  RelName rv = rel_name(into ? into->rel : nullptr);
  Relation r;
  r.schema = default_schema(rv.schema, creation_schema);
  r.name = rv.name;
  r.kind = kind;
  r.origin = origin_at(rv.location);
  if (schema_.find(r.schema, r.name) && if_not_exists) return;
  std::vector<std::string> explicit_names;
  for (const Node* n : SG_LIST(into, col_names)) explicit_names.push_back(str(n));
  fill_from_query(r, query, explicit_names);
  schema_.add(std::move(r));
}

void Simulator::create_view(const PgQuery__ViewStmt* b, const std::string& creation_schema) {
  RelName rv = rel_name(b->view);
  Relation r;
  r.schema = default_schema(rv.schema, creation_schema);
  r.name = rv.name;
  r.kind = RelationKind::View;
  r.origin = origin_at(rv.location);
  std::vector<std::string> explicit_names;
  for (const Node* n : SG_LIST(b, aliases)) explicit_names.push_back(str(n));
  fill_from_query(r, b->query, explicit_names);
  schema_.add(std::move(r));
}

void Simulator::fill_from_query(Relation& r, const Node* query, const std::vector<std::string>& explicit_names) {
  sql::OutputColumns out = sql::query_output_columns(query, schema_, path_);
  std::vector<std::string> names = out.names;
  for (size_t i = 0; i < explicit_names.size(); ++i) {
    if (i < names.size()) names[i] = explicit_names[i];
    else names.push_back(explicit_names[i]);
  }
  r.columns_complete = out.complete;
  for (auto& n : names) {
    if (n == "?column?") {
      r.columns_complete = false;
      continue;
    }
    Column c;
    c.name = n;
    c.origin = r.origin;
    add_column(r, std::move(c));
  }
}

}  // namespace schemagate::schema::simulation

namespace schemagate::schema {

std::vector<std::pair<std::string, std::string>> sequences_created_by(const sql::Node* stmt) {
  using namespace simulation;
  std::vector<std::pair<std::string, std::string>> out;
  auto column = [&](const std::string& schema, const std::string& table, const std::string& col,
                    const PgQuery__TypeName* type, const std::vector<const Node*>& constraints) {
    std::pair<std::string, std::string> name;
    if (column_sequence(schema, table, col, type, constraints, &name.first, &name.second)) out.push_back(std::move(name));
  };
  auto column_def = [&](const std::string& schema, const std::string& table, const Node* n) {
    if (!is(n, SG_NODE(COLUMN_DEF))) return;
    const PgQuery__ColumnDef* cd = n->column_def;
    std::vector<const Node*> constraints(SG_LIST(cd, constraints).begin(), SG_LIST(cd, constraints).end());
    column(schema, table, text(cd->colname), cd->type_name, constraints);
  };
  if (is(stmt, SG_NODE(CREATE_SEQ_STMT)) && stmt->create_seq_stmt->sequence) {
    out.push_back({text(stmt->create_seq_stmt->sequence->schemaname), text(stmt->create_seq_stmt->sequence->relname)});
  } else if (is(stmt, SG_NODE(CREATE_STMT)) && stmt->create_stmt->relation) {
    const PgQuery__RangeVar* rv = stmt->create_stmt->relation;
    for (const Node* e : SG_LIST(stmt->create_stmt, table_elts)) column_def(text(rv->schemaname), text(rv->relname), e);
  } else if (is(stmt, SG_NODE(ALTER_TABLE_STMT)) && stmt->alter_table_stmt->relation) {
    const PgQuery__RangeVar* rv = stmt->alter_table_stmt->relation;
    for (const Node* c : SG_LIST(stmt->alter_table_stmt, cmds)) {
      if (!is(c, SG_NODE(ALTER_TABLE_CMD))) continue;
      const PgQuery__AlterTableCmd* cmd = c->alter_table_cmd;
      if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)
        column_def(text(rv->schemaname), text(rv->relname), cmd->def);
      else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity)
        column(text(rv->schemaname), text(rv->relname), text(cmd->name), nullptr, {cmd->def});
    }
  }
  return out;
}

}  // namespace schemagate::schema
