// not-null-without-default: a pending migration adds a NOT NULL column without a default, or
// sets NOT NULL on a column, of a table into which the running code INSERTs without giving that
// column. Once the migration runs, every such INSERT fails with 23502 (not_null_violation).
#include "analyzers/checks/check.h"

#include <algorithm>

namespace schemagate::checks {

void run_not_null_without_default(const RequirementContext& ctx, const requirements::Requirement& ins, const Check& self,
                                  std::vector<report::Diagnostic>* out) {
  using K = schema::SchemaEvent::Kind;
  const Evaluation& eval = ctx.eval;
  if (ins.object != requirements::Object::Relation || ins.use != requirements::Use::Insert) return;
  {
    const schema::Relation* rel = eval.eventual->find(ins.schema, ins.relation);
    if (!rel) return;
    if (!ins.insert_columns_known) return;  // INSERT ... SELECT without a list: width unknown
    for (auto& col : rel->columns) {
      if (!col.not_null || col.has_default || col.generated || col.identity) continue;
      if (std::find(ins.insert_columns.begin(), ins.insert_columns.end(), col.name) != ins.insert_columns.end()) continue;
      // Which pending statement made it required: the ADD COLUMN, or a later SET NOT NULL.
      schema::Origin origin;
      if (eval.deploy->pending_files.count(col.origin.file)) origin = col.origin;
      for (auto& ev : eval.eventual->history)
        if (ev.kind == K::SetNotNull && ev.schema == rel->schema && ev.relation == rel->name && ev.column == col.name &&
            eval.deploy->pending_files.count(ev.origin.file))
          origin = ev.origin;
      if (origin.empty()) continue;
      auto text = eval.deploy->migration_text.find(origin.file);
      auto d = diagnostic_at_migration(self, origin, ctx.places, text == eval.deploy->migration_text.end() ? "" : text->second);
      uint32_t use_at = ins.span.begin;
      std::string shown = display_relation(rel->schema, rel->name, eval.search_path);
      d.relation = rel->schema + "." + rel->name;
      d.column_name = col.name;
      d.message = "pending migration " + origin.file + " makes column " + quote_ident(col.name) + " of " +
                  quote_ident(shown) + " NOT NULL without a default, but the running code (" + eval.deploy->label +
                  ") inserts into " + quote_ident(shown) + " without it at " + ctx.places.place(ctx.unit.file, use_at) + " (SQLSTATE 23502 in production)";
      d.notes.push_back({ctx.unit.file, 0, "INSERT without " + quote_ident(col.name) + " in the running code", use_at});
      d.help = "give the column a DEFAULT (or add it nullable, backfill, and set NOT NULL in a later release once no "
               "running code inserts without it)";
      out->push_back(std::move(d));
    }
  }
}

}  // namespace schemagate::checks
