// Verify: a manifest against what a database has now. The manifest's migrations are classified
// against the database's tracking tables exactly as `check --database-url` classifies the
// repository's; each requirement is judged with presence() against the live catalog; what is
// absent is explained by the migration the manifest says creates it:
//   - no migration creates it                     -> missing-column / missing-relation
//   - a migration the database has not applied    -> pending-migration, naming it
//   - a migration the database has applied        -> schema-drift, as an error: the code will fail
// The requirement checks themselves run (checks::evaluate), against an eventual schema made of
// the live catalog plus what the pending migrations create according to the manifest, so the
// findings and their messages are those of `check`. Findings are placed at the manifest's
// file:line:column; there is no source text to quote.
#pragma once
#include <string>
#include <vector>

#include "analyzers/manifest/manifest.h"
#include "analyzers/report/diagnostic.h"
#include "analyzers/schema/catalog/catalog_reader.h"

namespace schemagate::manifest {

struct Verification {
  std::vector<report::Diagnostic> diagnostics;  ///< sorted
  std::vector<schema::catalog::MigrationState> states;
  int present = 0;    ///< requirements the database has
  int absent = 0;     ///< requirements with a finding
  int unchecked = 0;  ///< requirements not judged (recorded unchecked, or unknown against the catalog)
  /// Set when the database knows none of the manifest's migrations (no tracking table, or one
  /// that records none of them): pending migrations cannot be told from missing ones with
  /// certainty. One line, for stderr.
  std::string migration_set_warning;
};

/// Judges `manifest` against `snapshot`. False with one line in *err when the tracking tables
/// disagree (as check).
bool verify(const Manifest& manifest, const schema::catalog::CatalogSnapshot& snapshot, Verification* out,
            std::string* err);

}  // namespace schemagate::manifest
