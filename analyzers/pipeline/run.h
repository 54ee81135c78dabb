// One `check` run from a plan: which code, against what, in which modes. The command line
// builds a Plan from its flags and a unit test builds one from the in-memory file system and
// catalog; both then run the same phases:
//   build schema (build_schema) -> [live: read the catalog, classify migrations, project checks]
//   -> extract and resolve the code -> evaluate its requirements -> [deploy: the running code
//   against the schema after the pending migrations] -> diagnostics, unsorted by mode.
// Suppressions, severities from configuration and baselines are applied after, by the caller.
#pragma once
#include <string>
#include <vector>

#include "analyzers/pipeline/deep_check.h"
#include "analyzers/pipeline/deploy.h"
#include "analyzers/pipeline/live.h"
#include "analyzers/pipeline/pipeline.h"
#include "analyzers/schema/catalog/catalog_reader.h"

namespace schemagate::pipeline {

struct Plan {
  const source::FileSystem* fs = nullptr;  ///< where options.root is
  Options options;
  /// The database (or a snapshot) to check against; null: offline, against the migrations.
  schema::catalog::CatalogReader* catalog = nullptr;
  /// Live: the pipeline migrates right before deploying, so pending migrations are not findings.
  bool assume_migrated = false;
  /// The code running in production (--deployed-ref / --deployed-path); null: no deploy half.
  const RunningCode* running = nullptr;
  /// Set: the deep check (--postgres) runs after the static checks.
  const DeepOptions* deep = nullptr;
};

struct Outcome {
  CodeScan scan;                          ///< the code being checked, its sites and findings
  LiveState live;                         ///< live only: the database as read, migration states
  std::vector<report::Diagnostic> other;  ///< project-level and deploy-order findings
  bool live_mode = false;
  bool deployed = false;
  DeepSummary deep;  ///< with --postgres: what the deep check did
};

/// Runs the plan over `build` (from build_schema). Fails, one line in *err, when the database
/// or the running code cannot be read, or a file cannot be read.
bool check_code(const Plan& plan, const SchemaBuild& build, Outcome* out, std::string* err);

}  // namespace schemagate::pipeline
