// The deep check (`check --postgres`): PostgreSQL itself judges every statement of the code
// against the schema the migrations build. A scratch database (schema/catalog/scratch_database.h)
// receives the migrations, statement by statement, in apply order (dumps first; the SQL each
// format yields, the same the DDL simulator reads); a migration it rejects is a finding at that
// statement and ends the check there. Then each statement that was checked whole is PREPAREd
// (parameters untyped), INSERT ... ON CONFLICT also planned, and each rejection that means the
// code is wrong for this schema becomes a `postgres-rejects` finding at file:line:column of the
// host file, through the statement's byte map.
//
// Precision: only SQLSTATEs of wrong code count (is_code_error); a parameter whose type
// PostgreSQL cannot infer is not the code's fault. A statement with a static finding is not
// reported again (the static finding names the migration and the fix); a relation or column
// error at a site whose relations the static check could not judge (created by the code at run
// time, by another engine, tracking tables) is not reported either.
#pragma once
#include <string>
#include <vector>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/sql/deep_check.h"

namespace schemagate::pipeline {

struct DeepOptions {
  std::string bindir;            ///< --pg-bindir; empty: pg_config --bindir, /usr/lib/postgresql/*/bin
  std::string dev_database_url;  ///< --dev-database-url; empty: a throwaway cluster
};

/// What the deep check did, for --verbose and the cost measurements in the docs.
struct DeepSummary {
  std::string database;        ///< where: "a throwaway cluster in /tmp/..." or the redacted URL
  size_t migration_statements = 0;
  bool migrations_complete = true;  ///< false: a migration was rejected, no statement prepared
  size_t statements = 0;            ///< statements prepared
  size_t rejected = 0;              ///< of them, reported as findings
  size_t not_judged = 0;            ///< rejected for a reason that is not the code's (parameter types, ...)
  /// "file:line:column: message (SQLSTATE x)" of each of those, for --verbose.
  std::vector<std::string> not_judged_at;
  size_t already_reported = 0;      ///< rejected where a static finding already is
  /// "file:line:column: message (SQLSTATE x)" of each of those: PostgreSQL's own error confirming
  /// the static finding, for --verbose.
  std::vector<std::string> already_reported_at;
  double setup_seconds = 0, migrate_seconds = 0, prepare_seconds = 0;
};

/// Whether PostgreSQL's rejection means the statement is wrong for this schema: undefined or
/// ambiguous names, type mismatches, wrong overloads, ON CONFLICT without an arbiter, invalid
/// literals. Not: parameter types it cannot infer (42P08, 42P18, a function or operator "not
/// unique" for `unknown` arguments), timeouts, privileges, server trouble.
bool is_code_error(const sql::PrepareResult& result);

/// PREPAREs scan->statements with `preparer` and appends the findings to scan->diagnostics,
/// located through each statement's byte map (the host files are read from `fs` under `root`).
/// False, *err set, when the server stops answering or a file cannot be read.
bool prepare_statements(sql::StatementPreparer& preparer, const source::FileSystem& fs, const std::string& root,
                        CodeScan* scan, DeepSummary* summary, std::string* err);

/// The whole check: a scratch database (throwaway cluster or --dev-database-url), the migrations
/// (live: those the database has applied and the pending ones), then prepare_statements. Findings
/// at migrations go to *migration_findings. False (exit 2) when the scratch database cannot be
/// had, a migration fails for a reason of the scratch server (an extension it lacks), or a
/// migration has steps schemagate cannot turn into SQL.
bool deep_check(const DeepOptions& deep, const source::FileSystem& fs, const Options& options, const SchemaBuild& build,
                const std::vector<schema::catalog::MigrationState>* states, CodeScan* scan,
                std::vector<report::Diagnostic>* migration_findings, DeepSummary* summary, std::string* err);

}  // namespace schemagate::pipeline
