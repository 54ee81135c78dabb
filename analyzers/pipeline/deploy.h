// Deploy order. A deploy has two halves and either order can break production: new code before
// its migration (it needs what is not there yet), or a migration before the running code stops
// needing what the migration removes. During a rolling deploy both versions run at once.
//
// The running code is another tree: a git revision read from objects (--deployed-ref) or a
// checkout (--deployed-path). It is checked against the eventual schema (the current one with
// the pending migrations applied) with the deploy checks (breaks-running-code,
// not-null-without-default, column-type-change). The current schema is the live database's, or
// offline the one the running code's own migrations build; pending migrations are then the
// project's migrations that the running code does not have.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "analyzers/pipeline/live.h"
#include "analyzers/pipeline/pipeline.h"

namespace schemagate::pipeline {

struct RunningCode {
  std::unique_ptr<source::FileSystem> fs;
  std::string root;   ///< the project directory inside `fs`
  std::string label;  ///< "v1.4.2 at 3f2a9c1b0d4e", or the checkout's path
};

/// Opens the running code: `ref` (a git revision of the repository holding `project_root`) or
/// `path` (a checkout). Exactly one must be non-empty.
bool open_running_code(const std::string& project_root, const std::string& ref, const std::string& path,
                       RunningCode* out, std::string* err);

struct DeployTargets {
  schema::Schema current;
  schema::Schema eventual;
  std::vector<schema::migrations::MigrationFile> pending;  ///< in apply order
  checks::DeployContext context;
};

/// Offline: current = what the running code's migrations build; pending = the project's
/// migrations the running code lacks (by path), applied on top for the eventual schema.
bool deploy_targets_offline(const RunningCode& running, const Options& options, const SchemaBuild& build,
                            DeployTargets* out, std::string* err);
/// Against a database: current = live, pending = what its tracking tables do not record.
void deploy_targets_live(const LiveState& live, const SchemaBuild& build, const std::string& label, DeployTargets* out);

/// Scans the running code against `targets` with the deploy checks.
bool scan_running_code(const RunningCode& running, const Options& options, const SchemaBuild& build,
                       const DeployTargets& targets, CodeScan* out, std::string* err);

/// One statement of a pending migration, for the expand/contract split.
struct PendingStatement {
  std::string file;
  int line = 0;
  std::string sql;         ///< the statement, whitespace collapsed
  bool destructive = false;  ///< contract: drops, renames, type changes, new NOT NULL
  std::string why;         ///< for destructive ones: what it removes or tightens
};
bool pending_statements(const std::vector<schema::migrations::MigrationFile>& pending, std::vector<PendingStatement>* out,
                        std::string* err);

}  // namespace schemagate::pipeline
