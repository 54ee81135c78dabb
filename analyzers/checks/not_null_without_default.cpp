// not-null-without-default: a pending migration adds a NOT NULL column without a default, or
// sets NOT NULL on a column, of a table into which the running code INSERTs without giving that
// column. Once the migration runs, every such INSERT fails with 23502 (not_null_violation).
#include "analyzers/checks/check.h"

#include <algorithm>

namespace schemagate::checks {

void run_not_null_without_default(const SiteContext& site, const Check& self, std::vector<report::Diagnostic>* out) {
  if (!site.deploy) return;
  using K = schema::SchemaEvent::Kind;
  for (auto& ins : site.resolution.inserts) {
    const schema::Relation* rel = site.schema.find(ins.schema, ins.relation);
    if (!rel) continue;
    if (!ins.column_list && ins.values == 0) continue;  // INSERT ... SELECT without a list: width unknown
    for (auto& col : rel->columns) {
      if (!col.not_null || col.has_default || col.generated || col.identity) continue;
      if (std::find(ins.columns.begin(), ins.columns.end(), col.name) != ins.columns.end()) continue;
      // Which pending statement made it required: the ADD COLUMN, or a later SET NOT NULL.
      schema::Origin origin;
      if (site.deploy->pending_files.count(col.origin.file)) origin = col.origin;
      for (auto& ev : site.schema.history)
        if (ev.kind == K::SetNotNull && ev.schema == rel->schema && ev.relation == rel->name && ev.column == col.name &&
            site.deploy->pending_files.count(ev.origin.file))
          origin = ev.origin;
      if (origin.empty()) continue;
      auto text = site.deploy->migration_text.find(origin.file);
      auto d = diagnostic_at_migration(self, origin, text == site.deploy->migration_text.end() ? "" : text->second);
      auto use = site.lines.position(site.sql.host_offset(ins.offset));
      std::string shown = display_relation(rel->schema, rel->name, site.search_path);
      d.relation = rel->schema + "." + rel->name;
      d.column_name = col.name;
      d.message = "pending migration " + origin.file + " makes column " + quote_ident(col.name) + " of " +
                  quote_ident(shown) + " NOT NULL without a default, but the running code (" + site.deploy->label +
                  ") inserts into " + quote_ident(shown) + " without it at " + site.file + ":" +
                  std::to_string(use.line) + " (SQLSTATE 23502 in production)";
      d.notes.push_back({site.file, use.line, "INSERT without " + quote_ident(col.name) + " in the running code"});
      d.help = "give the column a DEFAULT (or add it nullable, backfill, and set NOT NULL in a later release once no "
               "running code inserts without it)";
      out->push_back(std::move(d));
    }
  }
}

}  // namespace schemagate::checks
