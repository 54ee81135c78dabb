// column-type-change: a pending migration changes the type of a column the running code reads
// or writes. It may keep working (int -> bigint) or fail on casts and comparisons; the table is
// also rewritten under an ACCESS EXCLUSIVE lock. A warning: the change needs a look, not a block.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_column_type_change(const SiteContext& site, const Check& self, std::vector<report::Diagnostic>* out) {
  if (!site.deploy) return;
  using K = schema::SchemaEvent::Kind;
  for (auto& ref : site.resolution.refs) {
    if (ref.kind != sql::Reference::Kind::Column || ref.status != sql::RefStatus::Resolved) continue;
    for (auto& ev : site.schema.history) {
      if (ev.kind != K::AlterColumnType || ev.schema != ref.schema || ev.relation != ref.relation ||
          ev.column != ref.column || !site.deploy->pending_files.count(ev.origin.file))
        continue;
      auto text = site.deploy->migration_text.find(ev.origin.file);
      auto d = diagnostic_at_migration(self, ev.origin, text == site.deploy->migration_text.end() ? "" : text->second);
      auto use = site.lines.position(site.sql.host_offset(ref.offset));
      std::string shown = display_relation(ref.schema, ref.relation, site.search_path);
      d.relation = ref.schema + "." + ref.relation;
      d.column_name = ref.column;
      d.message = "pending migration " + ev.origin.file + " changes the type of column " + quote_ident(ref.column) +
                  " of " + quote_ident(shown) + ", which the running code (" + site.deploy->label + ") uses at " +
                  site.file + ":" + std::to_string(use.line);
      d.notes.push_back({site.file, use.line, "used here by the running code (" + site.deploy->label + ")"});
      d.help = "check that the running code's casts, comparisons and parameters still work with the new type; the "
               "ALTER also rewrites the table under an exclusive lock";
      out->push_back(std::move(d));
    }
  }
}

}  // namespace schemagate::checks
