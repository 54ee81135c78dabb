#include "analyzers/pipeline/live.h"

#include <set>

#include "analyzers/checks/check.h"
#include "analyzers/schema/catalog/checksums.h"

namespace schemagate::pipeline {

bool prepare_live(const source::FileSystem& fs, const Options& options, const SchemaBuild& build,
                  schema::catalog::CatalogReader& reader, LiveState* out, std::string* err) {
  namespace catalog = schema::catalog;
  if (!build.services.empty()) {
    *err = one_database_per_service(build.services, "a database (--database-url, DATABASE_URL or --schema-snapshot)");
    return false;
  }
  if (!reader.read(&out->snapshot, err)) return false;
  if (!catalog::check_tracking_agreement(out->snapshot.tracking, err)) return false;

  catalog::RecordedKeys keys;
  if (!catalog::read_recorded_keys(fs, options.root, build.migrations, &keys, err)) return false;
  out->states = catalog::classify_migrations(build.migrations, out->snapshot.tracking, keys);

  // Checksums the tools recorded, against the files as they are now (Flyway, Prisma, sqlx).
  for (size_t i = 0; i < build.migrations.size() && i < out->states.size(); ++i) {
    auto& state = out->states[i];
    if (state.recorded_checksum.empty()) continue;
    std::string text, reason;
    if (!fs.read(source::join_path(options.root, state.path), &text, &reason)) continue;
    std::string format;
    for (auto& t : out->snapshot.tracking)
      if (t.table == state.table) format = t.format;
    state.file_checksum = catalog::file_checksum(format, text, state.recorded_checksum);
  }

  out->search_path = options.search_path;
  if (!options.search_path_given && !out->snapshot.search_path.empty()) out->search_path = out->snapshot.search_path;

  // Pending migrations on top of the live schema; applied ones from scratch, for drift.
  out->eventual = out->snapshot.schema;
  std::vector<schema::DdlNote> notes;
  for (size_t i = 0; i < build.migrations.size() && i < out->states.size(); ++i) {
    const auto& m = build.migrations[i];
    schema::MigrationError merr;
    schema::Schema* target = nullptr;
    if (out->states[i].status == catalog::MigrationStatus::Pending) target = &out->eventual;
    else if (out->states[i].status == catalog::MigrationStatus::Applied) target = &out->applied;
    if (!target) continue;
    if (!schema::apply_migration(*target, m, out->search_path, &notes, &merr)) {
      *err = error_place(m, merr) + ": migration does not parse: " + merr.message;
      return false;
    }
  }

  std::string dir = build.directories.empty() ? "" : build.directories.front().path;
  report::Locator places = migration_places(build);
  checks::ProjectContext ctx{build.migrations, out->states, out->snapshot.schema, out->applied, dir, places};
  for (auto& check : checks::checks())
    if (check.run_project && (check.when & checks::kLive)) check.run_project(ctx, check, &out->diagnostics);
  return true;
}

void drift_in_code(const LiveState& live, const std::vector<SiteRecord>& sites, std::vector<report::Diagnostic>* out) {
  const checks::Check* rule = &checks::check_for(report::Rule::SchemaDrift);
  std::set<std::string> seen;
  for (auto& site : sites) {
    for (auto& ref : site.references) {
      if (ref.kind != "column" || ref.status != "ok") continue;
      auto dot = ref.relation.find('.');
      if (dot == std::string::npos) continue;
      std::string schema_name = ref.relation.substr(0, dot), rel_name = ref.relation.substr(dot + 1);
      const schema::Relation* applied = live.applied.find(schema_name, rel_name);
      const schema::Relation* now = live.snapshot.schema.find(schema_name, rel_name);
      if (!applied || !applied->columns_complete || applied->find_column(ref.column)) continue;
      if (!now || !now->find_column(ref.column)) continue;  // provided by a pending migration, not drift
      if (!seen.insert(ref.relation + "." + ref.column).second) continue;
      report::Diagnostic d;
      d.rule = std::string(rule->id());
      d.severity = rule->severity;
      d.file = site.file;
      d.line = ref.line;
      d.column = ref.column_number;
      d.relation = ref.relation;
      d.column_name = ref.column;
      d.message = "column \"" + ref.column + "\" of relation \"" + ref.relation +
                  "\" exists in the database but no applied migration creates it: the code depends on a change made "
                  "outside the migrations, which a fresh database (tests, a new region, a restore) will not have";
      d.help = "write a migration that adds it (ADD COLUMN IF NOT EXISTS keeps it harmless where it exists)";
      out->push_back(std::move(d));
    }
  }
}

void explain_drift(const LiveState& live, std::vector<report::Diagnostic>* diagnostics) {
  for (auto& d : *diagnostics) {
    bool column = d.rule == "missing-column" && d.column_name;
    if ((!column && d.rule != "missing-relation") || d.relation.empty()) continue;
    auto dot = d.relation.find('.');
    if (dot == std::string::npos) continue;
    const schema::Relation* rel = live.applied.find(d.relation.substr(0, dot), d.relation.substr(dot + 1));
    if (!rel) continue;
    const schema::Column* col = column ? rel->find_column(*d.column_name) : nullptr;
    if (column && !col) continue;
    const schema::Origin& origin = column ? col->origin : rel->origin;
    std::string was = column ? "no migration adds it" : "no migration creates it";
    auto at = d.message.find(was);
    if (origin.empty() || at == std::string::npos) continue;
    d.message = d.message.substr(0, at) + "applied migration " + origin.file + (column ? " adds" : " creates") +
                " it, but the database does not have it: drift";
    d.migration = origin.file;
    d.notes.push_back(report::note_at(origin, column ? "added here" : "created here"));
    d.help = "the database lost what an applied migration made (changed by hand, or restored from an older copy): "
             "restore it with a new migration before deploying this code";
  }
}

}  // namespace schemagate::pipeline
