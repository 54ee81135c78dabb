// pending-migration: the code needs a relation or column that the database does not have yet,
// and a migration in the repository that has not been applied creates it. This is the incident
// schemagate exists for: deployed before its migration, the code fails with 42703 / 42P01.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_pending_migration(const SiteContext& site, const Check& self, std::vector<report::Diagnostic>* out) {
  if (site.deploy) return;  // the running code: see breaks-running-code
  if (!site.current_resolution) return;
  using sql::Reference;
  for (auto& now : site.current_resolution->refs) {
    if (now.status != sql::RefStatus::Missing) continue;
    const Reference* later = nullptr;
    for (auto& r : site.resolution.refs)
      if (r.kind == now.kind && r.offset == now.offset && r.column == now.column && r.status == sql::RefStatus::Resolved)
        later = &r;
    if (!later) continue;  // nothing provides it: missing-relation / missing-column say so
    const schema::Relation* rel = site.schema.find(later->schema, later->relation);
    if (!rel) continue;
    bool is_column = now.kind == Reference::Kind::Column;
    const schema::Origin& origin = is_column && rel->find_column(later->column) ? rel->find_column(later->column)->origin
                                                                                 : rel->origin;
    if (origin.empty()) continue;
    auto d = diagnostic_at(site, self, now.offset, is_column ? now.column : now.relation);
    std::string shown = display_relation(later->schema, later->relation, site.search_path);
    d.relation = later->schema + "." + later->relation;
    if (is_column) {
      d.column_name = later->column;
      d.message = "column " + quote_ident(later->column) + " of relation " + quote_ident(shown) +
                  " does not exist in the database yet (SQLSTATE 42703 in production); pending migration " +
                  origin.file + " adds it: apply it before deploying this code";
    } else {
      d.message = "relation " + quote_ident(shown) +
                  " does not exist in the database yet (SQLSTATE 42P01 in production); pending migration " +
                  origin.file + " creates it: apply it before deploying this code";
    }
    d.migration = origin.file;
    d.notes.push_back({origin.file, origin.line, is_column ? "added here" : "created here"});
    d.help = "apply " + origin.file + " to the database first, then deploy; or run the migrations in the deploy "
             "pipeline before the new code starts";
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
