// modified-applied-migration: a migration file changed after the database ran it. Flyway, Prisma
// and sqlx record a checksum of every file they apply (catalog/checksums.h computes it as each
// does); when the file no longer matches, the schema built from the files is not what the
// database got, and the tool itself refuses to go on (`flyway validate` / migrate: "Migration
// checksum mismatch"; sqlx: VersionMismatch; Prisma: "was modified after it was applied").
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_modified_applied_migration(const ProjectContext& project, const Check& self,
                                    std::vector<report::Diagnostic>* out) {
  for (auto& state : project.states) {
    if (state.status != schema::catalog::MigrationStatus::Applied || state.recorded_checksum.empty() ||
        state.file_checksum.empty() || state.file_checksum == state.recorded_checksum)
      continue;
    const schema::migrations::MigrationFile* m = nullptr;
    for (auto& f : project.migrations)
      if (f.path == state.path) m = &f;
    if (!m) continue;
    auto d = diagnostic_at_migration(self, {m->path, 1}, project.places, m->sql);
    d.message = "migration " + m->path + " was changed after it was applied: " + state.table + " records checksum " +
                state.recorded_checksum + ", the file now has " + state.file_checksum +
                "; the schema built from the files is not what the database got";
    d.help = "restore the file as it was applied (git log -p " + m->path +
             ") and put the change in a new migration; if only comments or formatting changed, run your tool's "
             "repair to record the new checksum";
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
