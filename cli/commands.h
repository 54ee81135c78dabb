// The subcommands. cli/ is the only place that knows about argv, stdout and exit codes:
// 0 = checked and clean, 1 = findings of severity error, 2 = could not decide.
#pragma once
#include <string>
#include <vector>

#include <chrono>
#include <map>
#include <string_view>
#include <memory>
#include <optional>
#include <set>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/report/renderer.h"
#include "analyzers/schema/catalog/catalog_reader.h"

namespace schemagate::sql {
class ParseStore;
}

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
  // The deep check: PostgreSQL prepares every statement on a scratch database.
  bool postgres = false;          ///< --postgres
  std::string pg_bindir;          ///< --pg-bindir DIR
  std::string dev_database_url;   ///< --dev-database-url URL (an empty database to migrate)
  // The code running in production (deploy-order checks).
  std::string deployed_ref;   ///< --deployed-ref REF
  std::string deployed_path;  ///< --deployed-path DIR
  std::string order;          ///< plan --order migrate-first|deploy-first|rolling
  // Adoption: configuration, baseline, changed files.
  std::string config_file;    ///< --config FILE; empty: PATH/schemagate.yaml if it exists
  std::string baseline_file;  ///< check --baseline FILE
  std::string changed_since;  ///< check --changed-since REF
  /// Build the schema through the schema cache (check with --changed-since or FILE..., plan)
  /// unless --no-cache: analyzers/pipeline/schema_cache.h.
  bool schema_cache = false;
  bool no_cache = false;  ///< --no-cache
  /// check FILE...: only these files of the project in the current directory (as pre-commit
  /// passes them), root-relative and sorted; empty: every file.
  std::vector<std::string> files;
  std::map<std::string, std::string> rule_severity;  ///< rule -> "error" | "warning" | "off" (schemagate.yaml)
  std::set<std::string> given;  ///< the flags given on the command line ("--migrations", ...)
  // The deploy-time gate (cli/manifest.cpp, cli/verify.cpp).
  std::string output_file;    ///< manifest, check -o FILE; empty or "-": stdout
  /// check: one rendering per --format FORMAT[=FILE]; file "" is stdout. `format` is the first.
  struct Output {
    std::string format;
    std::string file;
  };
  std::vector<Output> outputs;
  std::string color = "auto";  ///< --color auto|always|never
  std::string manifest_file;  ///< verify --manifest FILE
  std::string wait;           ///< verify --wait DURATION; empty: check once
  /// When the command started: junit's `time`, the progress line's elapsed seconds.
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

/// Seconds since options.started.
double elapsed_seconds(const CommonOptions& options);

/// Whether `schemagate explain RULE` has a page for `rule` (text output points at it).
bool has_rule_page(std::string_view rule);

/// Reads schemagate.yaml (or --config FILE) and fills what the command line did not give.
/// False after printing the error (exit 2).
bool apply_config(CommonOptions* options);

/// The findings after configuration (rule severities), suppressions and the baseline, sorted,
/// with the summary's error and warning counts recomputed. `live` and `deployed` say which rules
/// ran, so a suppression of a rule that did not run is not called unused. `gone` receives the
/// baseline entries that no longer occur. False after printing the error.
bool finish_findings(const CommonOptions& options, bool live, bool deployed, pipeline::CodeScan* scan,
                     std::vector<report::Diagnostic> project_findings, std::vector<std::string>* gone);

/// Runs every check this invocation asks for (offline, against a database, with the running
/// code) and finishes the findings. False after printing the error.
bool collect(const CommonOptions& options, pipeline::CodeScan* scan, std::vector<std::string>* gone);

int run_baseline(const CommonOptions& options);
int run_init(const CommonOptions& options);

/// The catalog to check against, or null for offline. False (after printing the error) when the
/// options name a database that cannot be used: an unset variable, an unreadable snapshot.
bool open_catalog(const CommonOptions& options, std::unique_ptr<schema::catalog::CatalogReader>* reader);

int run_status(const CommonOptions& options);
int run_plan(const CommonOptions& options);

int run_check(const CommonOptions& options);
int run_manifest(const CommonOptions& options);
int run_verify(const CommonOptions& options);
int run_refs(const CommonOptions& options);
int run_schema(const CommonOptions& options);

/// check's --format values (FORMAT or FORMAT=FILE; none: text) and -o FILE into options->outputs
/// and options->format. At most one format goes to stdout (or to -o FILE). False after printing.
bool resolve_outputs(const std::vector<std::string>& formats, CommonOptions* options);

/// Whether text written to stdout gets ANSI colours: --color always/never decide; under auto,
/// NO_COLOR (non-empty) turns them off, then FORCE_COLOR or CLICOLOR_FORCE (non-empty, not "0")
/// on, then TERM=dumb off; otherwise colours when stdout is a terminal.
bool use_color(const std::string& mode);

/// The path from the root of the git repository holding `root` to `root`, with a trailing '/'
/// ("services/api/"); "" when `root` is the repository's root or in no repository.
std::string repository_prefix(const std::string& root);

/// Writes `text` to `file` ("" or "-": stdout). False after printing the error.
bool write_output(const std::string& file, const std::string& text);

/// The rules of the checks table, each with its docs/rules page (for sarif's help).
std::vector<report::RuleInfo> rule_catalogue();

/// Prints "schemagate: error: <message>" on stderr and returns kCannotDecide.
int fail(const std::string& message);

/// Builds the schema, printing what was found under --verbose. False after printing the error.
bool load_schema(const source::FileSystem& fs, const CommonOptions& options, pipeline::SchemaBuild* build);
/// This binary, as the caches tell their contents apart: its version, path, size and
/// modification time (a rebuilt binary may read the same files otherwise); "" when they cannot
/// be read, and then no cache is used.
std::string binary_identity();

/// libpg_query's answers of earlier runs (analyzers/sql/parse_store.h), for the commands that keep
/// the schema cache, in the same directory, one file per project directory: read when made,
/// written (when the run parsed a new text) when destroyed. Nothing when the cache is off.
class ParseStoreScope {
 public:
  explicit ParseStoreScope(const CommonOptions& options);
  ~ParseStoreScope();
  ParseStoreScope(const ParseStoreScope&) = delete;
  ParseStoreScope& operator=(const ParseStoreScope&) = delete;

 private:
  std::unique_ptr<sql::ParseStore> store_;
};

}  // namespace schemagate::cli
