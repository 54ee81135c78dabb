// presence(): one rule, for every producer of requirements, for whether a schema has what the
// code needs. It mirrors what PostgreSQL checks when it plans the statement (a relation by
// schema and name, a column of it, the system columns every table has) and, precision first,
// says Unknown wherever the model cannot be certain.
#include <algorithm>
#include <set>

#include "analyzers/requirements/requirement.h"

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
  if (!schema.has_schema(schema_name) || schema.uncertain_names.count(name) || schema.extension_schemas.count(schema_name))
    return Presence::Unknown;
  if (not_judged && !not_judged(schema_name, name).empty()) return Presence::Unknown;
  return Presence::Absent;
}

}  // namespace

Presence presence(const Requirement& req, const schema::Schema& schema, const NotJudged& not_judged) {
  if (req.object == Object::Relation) return relation_presence(req.schema, req.relation, schema, not_judged);
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
    if (rel->kind != schema::RelationKind::View && system_column(req.column)) return Presence::Present;
    // A step that could not be followed may have added columns to a table its strings name.
    if (!rel->columns_complete || schema.uncertain_names.count(rel->name)) certain = false;
  }
  if (!certain || schema.uncertain_names.count(req.column)) return Presence::Unknown;
  return Presence::Absent;
}

}  // namespace schemagate::requirements
