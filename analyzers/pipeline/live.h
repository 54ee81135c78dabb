// The live gate: the schema the code meets is the database's, read through a CatalogReader (a
// live connection or a snapshot file). The repository's migrations are classified against the
// database's tracking tables; the pending ones are simulated on top of the live schema to get
// the eventual schema, so a reference that only a pending migration provides is reported as
// pending-migration, naming that migration. Project-level checks (failed migrations, unknown
// applied migrations, drift) run here too.
#pragma once
#include <string>
#include <vector>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/schema/catalog/catalog_reader.h"

namespace schemagate::pipeline {

struct LiveState {
  schema::catalog::CatalogSnapshot snapshot;  ///< what the database has now
  std::vector<std::string> search_path;       ///< the one to resolve with: given, or the database's
  std::vector<schema::catalog::MigrationState> states;
  schema::Schema applied;   ///< what the applied migrations build, from scratch
  schema::Schema eventual;  ///< the live schema with the pending migrations applied
  std::vector<report::Diagnostic> diagnostics;  ///< project-level findings
};

/// Reads the database and prepares the targets. Fails (one line in *err) when the reader fails,
/// two tracking tables disagree, or a pending migration does not parse.
bool prepare_live(const source::FileSystem& fs, const Options& options, const SchemaBuild& build,
                  schema::catalog::CatalogReader& reader, LiveState* out, std::string* err);

/// Findings at the code whose relation or column an *applied* migration creates but the
/// database lacks: the migrations are not the cause, drift is. Their message says so ("applied
/// migration X adds it, but the database does not have it: drift") instead of "no migration
/// adds it", with a note at the migration.
void explain_drift(const LiveState& live, std::vector<report::Diagnostic>* diagnostics);

/// schema-drift the other way round: columns the code uses that the database has but that no
/// applied migration creates, on relations the applied migrations do create (so the columns
/// were added by hand). One warning per relation and column, at its first use.
void drift_in_code(const LiveState& live, const std::vector<SiteRecord>& sites, std::vector<report::Diagnostic>* out);

}  // namespace schemagate::pipeline
