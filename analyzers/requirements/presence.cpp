// presence(): one rule, for every producer of requirements, for whether a schema has what the
// code needs. It mirrors what PostgreSQL checks when it plans the statement (a relation by
// schema and name, a column of it, the system columns every table has) and, precision first,
// says Unknown wherever the model cannot be certain.
#include <algorithm>
#include <set>

#include "analyzers/requirements/requirement.h"
#include "analyzers/schema/builtin.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/sql/tree.h"

namespace schemagate::requirements {
namespace {

/// Columns PostgreSQL gives every table, materialized view and foreign table without a
/// declaration. `oid` is not among them: user tables have had none since PostgreSQL 12.
bool system_column(const std::string& c) {
  return c == "ctid" || c == "xmin" || c == "xmax" || c == "cmin" || c == "cmax" || c == "tableoid";
}

Presence relation_presence(const std::string& schema_name, const std::string& name, const schema::Schema& schema,
                           const NotJudged& not_judged) {
  if (schema.find(schema_name, name)) return Presence::Present;
  // PostgreSQL's own catalogs and views (pg_class, pg_stat_activity): pg_catalog is searched
  // before the path, and no migration lists them. A data layer's table name reaches here
  // unresolved (raw SQL says "system catalog" itself).
  if (name.rfind("pg_", 0) == 0 || schema_name == "pg_catalog") return Presence::Unknown;
  if (other_engine_relation(name)) return Presence::Unknown;
  // A migration tool's tracking table (a model of SequelizeMeta): the tool creates it, no migration does.
  if (schema::migrations::is_tracking_table_name(name)) return Presence::Unknown;
  if (!schema.has_schema(schema_name) || schema.uncertain_names.count(name) || schema.extension_schemas.count(schema_name))
    return Presence::Unknown;
  if (not_judged && !not_judged(schema_name, name).empty()) return Presence::Unknown;
  return Presence::Absent;
}

/// An extension's function of that name takes the call: any overload when its arguments are
/// not known.
bool extension_accepts(const std::string& extension, const std::string& name, int n, const Requirement& req) {
  schema::builtin::Match m = schema::builtin::extension_function(extension, name, n);
  return req.arguments_known ? m == schema::builtin::Match::Accepts : m != schema::builtin::Match::NoName;
}

/// A call of `req.function` with `req.arguments` arguments. Present when pg_catalog, a schema the
/// call reaches or an extension created there has an overload that takes that many (or, for one
/// argument, the name is a type: a cast); Absent only when nothing out of sight could provide it.
Presence function_presence(const Requirement& req, const schema::Schema& schema, const NotJudged& not_judged) {
  namespace builtin = schema::builtin;
  using builtin::Match;
  if (!builtin::unavailable().empty()) return Presence::Unknown;
  const std::string& name = req.function;
  int n = req.arguments;
  std::vector<std::string> schemas = req.schema.empty() ? req.candidates : std::vector<std::string>{req.schema};
  if (req.schema == "pg_catalog") schemas.clear();
  bool searches_catalog = req.schema.empty() || req.schema == "pg_catalog";
  if (searches_catalog && !req.procedure && builtin::function(name, n) == Match::Accepts) return Presence::Present;
  if (searches_catalog && n == 1 && !req.procedure && builtin::type(name)) return Presence::Present;
  if (req.schema.empty() && other_engine_builtin(name)) return Presence::Unknown;
  // The code creates it (a call by names: with those names).
  bool code_creates = not_judged && (req.by_name && req.arguments_known
                                         ? !not_judged("", named_call_key(name, req.argument_names)).empty() ||
                                               !not_judged("", "function:" + name + "(*)").empty()
                                         : !not_judged("", "function:" + name).empty());
  bool certain = schema.functions_complete && !schema.uncertain_names.count(name) && !code_creates;
  for (auto& s : schemas) {
    if (auto it = schema.functions.find(s + "." + name); it != schema.functions.end())
      for (auto& f : it->second)
        if (accepts(f, req)) return Presence::Present;
    // One argument and the name of a type or a relation (its row type): a cast, or a column
    // read in functional notation.
    if (n == 1 && !req.procedure && !req.by_name && (schema.types.count(s + "." + name) || schema.find(s, name))) return Presence::Present;
    if (!schema.has_schema(s) || schema.extension_schemas.count(s)) certain = false;
    if (auto ex = schema.extensions.find(s); ex != schema.extensions.end())
      for (auto& e : ex->second) {
        if (!builtin::known_extension(e)) certain = false;
        else if (extension_accepts(e, name, n, req)) return Presence::Present;
      }
  }
  // An extension created elsewhere may have put its functions on the path anyway (a control
  // file that fixes the schema).
  if (req.schema.empty())
    for (auto& [s, exts] : schema.extensions)
      for (auto& e : exts) {
        if (!builtin::known_extension(e)) certain = false;
        else if (extension_accepts(e, name, n, req)) return Presence::Present;
      }
  // A function of an extension the server ships, which the migrations do not create: platforms
  // install some before any migration runs (Supabase's uuid-ossp, pgcrypto), so its absence from
  // the migrations proves nothing.
  if (certain) {
    std::set<std::string> created;
    for (auto& [s, exts] : schema.extensions) created.insert(exts.begin(), exts.end());
    if (builtin::any_extension_function(name, created)) certain = false;
  }
  return certain ? Presence::Absent : Presence::Unknown;
}

}  // namespace

/// Built-in functions of other engines that PostgreSQL does not have (MySQL/MariaDB, SQLite,
/// ClickHouse, SQL Server) or that a managed PostgreSQL adds (Aurora), lower-cased as the parser folds them. A call of one is evidence that
/// the statement is written for that engine (a MySQL branch beside the PostgreSQL one, a MariaDB
/// application's query), not that a migration is missing: the call is not judged.
bool other_engine_builtin(const std::string& name) {
  static const std::set<std::string> kNames = {
      // MySQL / MariaDB
      "database", "schema", "unhex", "hex", "ifnull", "if", "isnull", "group_concat", "last_insert_id",
      "found_rows", "row_count", "date_format", "str_to_date", "unix_timestamp", "from_unixtime", "curdate",
      "curtime", "sysdate", "datediff", "timestampdiff", "timestampadd", "date_add", "date_sub", "adddate",
      "subdate", "dayofweek", "dayofmonth", "dayofyear", "weekofyear", "yearweek", "week", "month", "year",
      "day", "hour", "minute", "second", "quarter", "monthname", "dayname", "last_day", "makedate", "maketime",
      "sec_to_time", "time_to_sec", "to_days", "from_days", "utc_timestamp", "utc_date", "uuid", "uuid_short",
      "inet_aton", "inet_ntoa", "inet6_aton", "inet6_ntoa", "json_extract", "json_unquote", "json_contains",
      "json_search", "json_set", "json_insert", "json_replace", "json_remove", "json_keys", "json_length",
      "json_valid", "json_quote", "locate", "instr", "substring_index", "field", "find_in_set", "elt", "mid",
      "lcase", "ucase", "space", "conv", "crc32", "sha1", "sha2", "aes_encrypt", "aes_decrypt", "compress",
      "uncompress", "password", "bit_count", "rand", "truncate", "convert_tz", "get_lock", "release_lock",
      "sleep", "any_value", "values",
      // SQLite
      "datetime", "julianday", "strftime", "printf", "unicode", "zeroblob", "randomblob", "total",
      "last_insert_rowid", "changes", "total_changes", "sqlite_version", "likelihood", "unlikely", "iif",
      "typeof", "json_type", "json_group_array", "json_group_object", "json_patch", "json_tree", "pragma_table_info", "pragma_table_xinfo", "pragma_index_list", "pragma_index_info",
      "pragma_foreign_key_list",  // PRAGMA table-valued functions
      // ClickHouse
      "tostring", "todate", "todatetime", "todatetime64", "tostartofday", "tostartofhour", "tostartofminute",
      "tostartofweek", "tostartofmonth", "tounixtimestamp", "countif", "sumif", "uniq", "uniqexact",
      "arrayjoin", "grouparray", "argmax", "argmin", "quantile", "quantiles", "formatdatetime", "dictget",
      "toint32", "toint64", "touint32", "touint64", "tofloat64", "todecimal64", "currentdatabase", "anyif",
      "anylast", "uniqif", "minif", "maxif", "avgif", "groupuniqarray", "now64",
      // SQL Server
      "getdate", "getutcdate", "dateadd", "charindex", "len", "newid", "scope_identity", "datename"};
  // Amazon Aurora PostgreSQL's own functions (aurora_replica_status(), aurora_version(), the
  // aurora_stat_* views' functions): the managed service provides them, no migration does.
  // SQLite's PRAGMA functions (pragma_page_count(), pragma_page_size()) are all pragma_*.
  return kNames.count(name) != 0 || name.starts_with("aurora_") || name.starts_with("pragma_");
}

bool other_engine_relation(const std::string& name) {
  for (const char* prefix : {"svv_", "stv_", "stl_", "svl_", "svcs_", "stcs_"})
    if (name.rfind(prefix, 0) == 0) return true;
  // SQLite's own tables (a GORM Table("sqlite_master") in a branch for SQLite databases).
  if (name == "sqlite_master" || name == "sqlite_schema" || name == "sqlite_sequence" ||
      name == "sqlite_temp_master" || name == "sqlite_stat1")
    return true;
  return name == "pg_table_def" || name == "pg_external_schema";
}

std::string named_call_key(const std::string& function, std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string key = "function:" + function + "(";
  for (size_t i = 0; i < names.size(); ++i) key += (i ? "," : "") + names[i];
  return key + ")";
}

std::vector<std::string> named_call_keys(const std::string& function_key, const PgQuery__CreateFunctionStmt* create) {
  std::string fn = function_key.substr(function_key.find(':') + 1);
  std::vector<std::string> required, optional;
  bool procedure = create->is_procedure, unnamed = false;
  for (const sql::Node* p : SG_LIST(create, parameters)) {
    if (!sql::is(p, SG_NODE(FUNCTION_PARAMETER))) continue;
    const PgQuery__FunctionParameter* fp = p->function_parameter;
    if (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE ||
        (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT && !procedure))
      continue;
    std::string name = sql::text(fp->name);
    if (name.empty()) unnamed = true;
    (sql::present(fp->defexpr) ? optional : required).push_back(name);
  }
  if (unnamed || optional.size() > 6) return {"function:" + fn + "(*)"};
  std::vector<std::string> keys;
  for (unsigned mask = 0; mask < (1u << optional.size()); ++mask) {
    std::vector<std::string> names = required;
    for (size_t i = 0; i < optional.size(); ++i)
      if (mask & (1u << i)) names.push_back(optional[i]);
    keys.push_back(named_call_key(fn, names));
  }
  return keys;
}

Presence presence(const Requirement& req, const schema::Schema& schema, const NotJudged& not_judged) {
  // EveryColumn needs the relation; which of its columns go is the deploy checks' question.
  if (req.object == Object::EveryColumn) return relation_presence(req.schema, req.relation, schema, not_judged);
  if (req.object == Object::Relation) {
    Presence p = relation_presence(req.schema, req.relation, schema, not_judged);
    if (p == Presence::Absent && !req.spelled.empty() && schema.find(req.schema, req.spelled)) return Presence::Unknown;
    return p;
  }
  if (req.object == Object::Function) return function_presence(req, schema, not_judged);
  if (req.object == Object::InsertValues) {
    size_t values = static_cast<size_t>(req.arguments);
    if (req.columns_listed) return values == req.key_columns.size() ? Presence::Present : Presence::Absent;
    const schema::Relation* rel = schema.find(req.schema, req.relation);
    if (!rel) return Presence::Unknown;
    if (values <= rel->columns.size()) return Presence::Present;
    return rel->columns_complete && !schema.uncertain_names.count(req.relation) ? Presence::Absent : Presence::Unknown;
  }
  if (req.object == Object::ScanDestination) {
    const schema::Relation* rel = schema.find(req.schema, req.relation);
    // Columns the model may not know of (a step it could not follow) may lack a field too.
    if (!rel || !rel->columns_complete || schema.uncertain_names.count(req.relation)) return Presence::Unknown;
    for (auto& col : rel->columns)
      if (std::find(req.key_columns.begin(), req.key_columns.end(), col.name) == req.key_columns.end())
        return Presence::Absent;
    return Presence::Present;
  }
  if (req.object == Object::EnumLabel) {
    auto it = schema.enums.find(req.enum_type);
    auto dot = req.enum_type.find('.');
    if (it == schema.enums.end() || !it->second.complete || schema.uncertain_names.count(req.enum_type.substr(dot + 1)))
      return Presence::Unknown;
    const auto& labels = it->second.labels;
    return std::find(labels.begin(), labels.end(), req.label) != labels.end() ? Presence::Present : Presence::Absent;
  }
  if (req.object == Object::UniqueKey) {
    const schema::Relation* rel = schema.find(req.schema, req.relation);
    // A relation named in DDL the model could not follow (a DO block that swaps tables, dynamic
    // EXECUTE) may have keys the model never saw.
    if (!rel || !rel->keys_complete || schema.uncertain_names.count(req.relation)) return Presence::Unknown;
    std::set<std::string> wanted(req.key_columns.begin(), req.key_columns.end());
    // PostgreSQL infers the arbiter from plain unique keys only: a partial index needs the
    // ON CONFLICT to repeat its WHERE, an expression index its expression (neither is a plain
    // column list without WHERE, the only form that becomes a requirement).
    for (auto& key : rel->unique_keys)
      if (!key.partial && std::set<std::string>(key.columns.begin(), key.columns.end()) == wanted) return Presence::Present;
    return Presence::Absent;
  }
  std::vector<std::string> own;
  const std::vector<std::string>& candidates = req.candidates.empty() ? (own = {qualified(req)}) : req.candidates;
  bool certain = true;
  for (auto& q : candidates) {
    auto dot = q.find('.');
    const schema::Relation* rel = schema.find(q.substr(0, dot), q.substr(dot + 1));
    if (!rel) {
      certain = false;  // the relation's own requirement reports it
      continue;
    }
    if (rel->find_column(req.column)) return Presence::Present;
    if (!req.spelled.empty() && rel->find_column(req.spelled)) certain = false;  // see Requirement::spelled
    if (rel->kind != schema::RelationKind::View && system_column(req.column)) return Presence::Present;
    // A step that could not be followed may have added columns to a table its strings name.
    if (!rel->columns_complete || schema.uncertain_names.count(rel->name)) certain = false;
  }
  if (!certain || schema.uncertain_names.count(req.column) || !req.unknown_when_absent.empty()) return Presence::Unknown;
  // A column the code adds at run time (Hibernate's ddl-auto=update adds an entity's columns).
  if (not_judged)
    for (auto& q : candidates) {
      auto dot = q.find('.');
      if (!not_judged(q.substr(0, dot), "column:" + q.substr(dot + 1) + "." + req.column).empty()) return Presence::Unknown;
    }
  return Presence::Absent;
}

}  // namespace schemagate::requirements
