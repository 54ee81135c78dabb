// The subcommands. cli/ is the only place that knows about argv, stdout and exit codes:
// 0 = checked and clean, 1 = findings of severity error, 2 = could not decide.
#pragma once
#include <string>
#include <vector>

#include <memory>
#include <optional>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/schema/catalog/catalog_reader.h"

namespace schemagate::cli {

enum ExitCode { kClean = 0, kFindings = 1, kCannotDecide = 2 };

struct CommonOptions {
  pipeline::Options pipeline;
  std::string format = "text";
  bool verbose = false;
  bool quiet = false;
  // The database (live gate). None of them given and DATABASE_URL unset: offline.
  std::optional<std::string> database_url;  ///< --database-url ("" = libpq's PG* defaults)
  std::string database_url_env;             ///< --database-url-env NAME
  std::string schema_snapshot;              ///< --schema-snapshot FILE
  std::string flyway_table = "flyway_schema_history";
  bool assume_migrated = false;
  bool offline = false;
  // The code running in production (deploy-order checks).
  std::string deployed_ref;   ///< --deployed-ref REF
  std::string deployed_path;  ///< --deployed-path DIR
  std::string order;          ///< plan --order migrate-first|deploy-first|rolling
};

/// The catalog to check against, or null for offline. False (after printing the error) when the
/// options name a database that cannot be used: an unset variable, an unreadable snapshot.
bool open_catalog(const CommonOptions& options, std::unique_ptr<schema::catalog::CatalogReader>* reader);

int run_status(const CommonOptions& options);
int run_plan(const CommonOptions& options);

int run_check(const CommonOptions& options);
int run_refs(const CommonOptions& options);
int run_schema(const CommonOptions& options);

/// Prints "schemagate: error: <message>" on stderr and returns kCannotDecide.
int fail(const std::string& message);

/// Builds the schema, printing what was found under --verbose. False after printing the error.
bool load_schema(const source::FileSystem& fs, const CommonOptions& options, pipeline::SchemaBuild* build);

}  // namespace schemagate::cli
