// The checks that judge the migrations themselves (checks with run_migrations), offline and
// against a database. Against one, only the pending migrations are judged: the applied ones ran.
#include "analyzers/pipeline/pipeline.h"

namespace schemagate::pipeline {

void check_migrations(const SchemaBuild& build, const std::vector<schema::catalog::MigrationState>* states,
                      std::vector<report::Diagnostic>* out) {
  std::set<std::string> pending;
  if (states)
    for (auto& s : *states)
      if (s.status == schema::catalog::MigrationStatus::Pending) pending.insert(s.path);
  report::Locator places = migration_places(build);
  checks::MigrationsContext context{build.migrations, build.notes, places, states ? &pending : nullptr};
  for (auto& check : checks::checks())
    if (check.run_migrations && (check.when & (states ? checks::kLive : checks::kOffline)))
      check.run_migrations(context, check, out);
}

}  // namespace schemagate::pipeline
