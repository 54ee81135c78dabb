// breaks-running-code: a pending migration drops or renames a relation or column that the code
// running in production uses. Applied before the new code replaces the old (or while both run,
// in a rolling deploy), the running code fails with 42P01 / 42703. The finding points at the
// migration statement; a note points at the use in the running code.
#include "analyzers/checks/check.h"
#include "analyzers/checks/history.h"

namespace schemagate::checks {

void run_breaks_running_code(const SiteContext& site, const Check& self, std::vector<report::Diagnostic>* out) {
  if (!site.deploy || !site.current_resolution) return;
  using sql::Reference;
  using K = schema::SchemaEvent::Kind;
  for (auto& later : site.resolution.refs) {
    if (later.status != sql::RefStatus::Missing) continue;
    // It must work today: resolved against the current schema.
    const Reference* now = nullptr;
    for (auto& r : site.current_resolution->refs)
      if (r.kind == later.kind && r.offset == later.offset && r.column == later.column) now = &r;
    if (!now || now->status != sql::RefStatus::Resolved) continue;
    bool is_column = later.kind == Reference::Kind::Column;
    const schema::SchemaEvent* ev =
        last_removal(site.schema, now->schema, now->relation, is_column ? now->column : "");
    if (!is_column && !ev) continue;
    if (is_column && !ev) ev = last_removal(site.schema, now->schema, now->relation, "");  // its table went
    if (!ev || !site.deploy->pending_files.count(ev->origin.file)) continue;
    auto text = site.deploy->migration_text.find(ev->origin.file);
    auto d = diagnostic_at_migration(self, ev->origin, text == site.deploy->migration_text.end() ? "" : text->second);
    auto use = site.lines.position(site.sql.host_offset(later.offset));
    std::string where = site.file + ":" + std::to_string(use.line);
    std::string shown = display_relation(now->schema, now->relation, site.search_path);
    std::string what = is_column ? "column " + quote_ident(now->column) + " of relation " + quote_ident(shown)
                                 : "relation " + quote_ident(shown);
    std::string verb = ev->kind == K::DropColumn || ev->kind == K::DropRelation ? "drops"
                       : ev->kind == K::MoveRelation                           ? "moves"
                                                                               : "renames";
    d.relation = now->schema + "." + now->relation;
    if (is_column) d.column_name = now->column;
    d.message = "pending migration " + ev->origin.file + " " + verb + " " + what + ", which the running code (" +
                site.deploy->label + ") uses at " + where + ": applied before the new code replaces it, that code fails (SQLSTATE " +
                (is_column && (ev->kind == K::DropColumn || ev->kind == K::RenameColumn) ? "42703" : "42P01") + ")";
    d.notes.push_back({site.file, use.line, "used here by the running code (" + site.deploy->label + ")"});
    d.help = "expand/contract: ship code that no longer uses it first, and " + std::string(verb == "renames" ? "rename" : "drop") +
             " it in a later release (for a rename: add the new name, write both, backfill, switch reads, then drop the old)";
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
