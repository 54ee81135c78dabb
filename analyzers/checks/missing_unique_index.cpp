// missing-unique-index: INSERT ... ON CONFLICT (a, b) needs a unique index or constraint whose
// key is exactly those columns (in any order) to decide what conflicts. Without one PostgreSQL
// rejects the statement with 42P10 ("there is no unique or exclusion constraint matching the ON
// CONFLICT specification"), on every call: an upsert shipped before the migration that creates
// its index fails like an INSERT shipped before its column. A partial index over the same
// columns is no arbiter unless the ON CONFLICT repeats its WHERE (PostgreSQL's
// infer_arbiter_indexes): the message says so.
#include <set>

#include "analyzers/checks/check.h"

namespace schemagate::checks {

/// "(prompt_hash, tenant_id)"
std::string key_list(const std::vector<std::string>& columns) {
  std::string out = "(";
  for (size_t i = 0; i < columns.size(); ++i) out += (i ? ", " : "") + sql_ident(columns[i]);
  return out + ")";
}

void run_missing_unique_index(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                              std::vector<report::Diagnostic>* out) {
  if (req.object != requirements::Object::UniqueKey) return;
  const schema::Schema& schema = *ctx.eval.eventual;
  if (requirements::presence(req, schema, ctx.eval.not_judged) != requirements::Presence::Absent) return;
  auto d = diagnostic_at(ctx, self, req, req.key_columns.front());
  std::string shown = display_relation(req.schema, req.relation, ctx.eval.search_path);
  d.relation = req.schema + "." + req.relation;
  d.message = "no unique index or constraint on " + quote_ident(shown) + " has exactly the columns " +
              key_list(req.key_columns) + " that ON CONFLICT names (SQLSTATE 42P10): no migration creates one";
  std::string table = shown == req.relation ? sql_ident(req.relation) : sql_ident(req.schema) + "." + sql_ident(req.relation);
  std::set<std::string> wanted(req.key_columns.begin(), req.key_columns.end());
  const schema::UniqueKey* partial = nullptr;
  if (const schema::Relation* rel = schema.find(req.schema, req.relation))
    for (auto& k : rel->unique_keys)
      if (k.partial && std::set<std::string>(k.columns.begin(), k.columns.end()) == wanted) partial = &k;
  if (partial) {
    d.message += "; " + quote_ident(partial->name) + " is a partial or expression index, which ON CONFLICT uses only "
                 "when it repeats the index's WHERE or expressions";
    d.help = "write the index's predicate after the conflict columns (ON CONFLICT " + key_list(req.key_columns) +
             " WHERE ...), or add a migration with a plain unique index on " + key_list(req.key_columns);
  } else {
    d.help = "add a migration with CREATE UNIQUE INDEX ON " + table + " " + key_list(req.key_columns) +
             " (or ALTER TABLE " + table + " ADD UNIQUE " + key_list(req.key_columns) +
             ") and apply it before deploying this code";
  }
  out->push_back(std::move(d));
}

}  // namespace schemagate::checks
