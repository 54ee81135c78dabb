// unknown-applied-migration: the database records a migration the repository does not have, so
// the code being deployed was written against a history that is not the database's.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_unknown_applied_migration(const ProjectContext& project, const Check& self,
                                   std::vector<report::Diagnostic>* out) {
  using schema::catalog::MigrationStatus;
  for (auto& st : project.states) {
    if (st.status != MigrationStatus::Unknown) continue;
    report::Diagnostic d;
    d.rule = std::string(self.id());
    d.severity = self.severity;
    d.file = project.migration_dir;
    d.message = "migration version " + st.version + " is recorded as applied in " + st.table +
                " but is not in the repository (" + st.detail + ")";
    d.help = "deploy from a branch that has this migration, or restore its file; the schema schemagate checks "
             "against is the database's, so the findings stay right";
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
