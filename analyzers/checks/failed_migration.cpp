// failed-migration: the tracking table says a migration failed (Flyway success=false, sqlx
// success=false, Prisma finished_at NULL and not rolled back) or is dirty (golang-migrate). The
// database may hold half of it; deploying on top of it is deciding without knowing.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_failed_migration(const ProjectContext& project, const Check& self, std::vector<report::Diagnostic>* out) {
  using schema::catalog::MigrationStatus;
  for (auto& st : project.states) {
    if (st.status != MigrationStatus::Failed) continue;
    report::Diagnostic d;
    d.rule = std::string(self.id());
    d.severity = self.severity;
    d.file = st.path.empty() ? project.migration_dir : st.path;
    d.line = st.path.empty() ? 0 : 1;
    d.column = st.path.empty() ? 0 : 1;
    d.migration = st.path.empty() ? std::nullopt : std::optional<std::string>(st.path);
    d.message = "migration " + (st.path.empty() ? "version " + st.version : st.path) +
                " failed or is marked dirty in the database (" + st.table + ": " + st.detail +
                "): its changes may be half applied";
    d.help = "inspect the database, finish or revert the migration by hand, then mark it clean with the migration "
             "tool before deploying";
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
