// The pipeline from a project directory to findings, shared by every subcommand:
//   build_schema: migration directories -> ordered migration files -> simulated schema
//   scan_code:    source files -> SQL sites -> normalised, parsed, resolved -> checks
// Files are scanned on a thread pool, one tree-sitter parser per thread and language; files
// with no SQL keyword are not parsed at all. Results are kept per file and merged in path
// order, so output is identical from run to run whatever the scheduling.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzers/checks/check.h"
#include "analyzers/pipeline/services.h"
#include "analyzers/report/diagnostic.h"
#include "analyzers/report/locator.h"
#include "analyzers/report/suppressions.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/schema.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/file_system.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::pipeline {

struct Options {
  std::string root = ".";                        ///< the project directory
  std::vector<std::string> migration_dirs;       ///< root-relative; empty: detect the usual ones
  /// --service: of the services found, check only this one's code (its root, root-relative)
  /// against its own sets, as if the repository held that service alone.
  std::string service;
  std::vector<std::string> search_path = {"public"};
  bool search_path_given = false;                ///< false: a live database's own search path wins
  std::vector<std::string> include, exclude;     ///< globs over root-relative paths
  unsigned threads = 0;                          ///< 0: hardware concurrency
  /// Migration directory -> format name, for directories whose format is given, not detected.
  std::map<std::string, std::string> migration_formats;
  /// schemagate.yaml `template_values`: the text each `{{ ... }}` template of a migration stands
  /// for, by the text between the braces (blanks collapsed). Those not given are looked for in
  /// the project's Go code (schema/migrations/templates.h).
  std::map<std::string, std::string> template_values;
  /// Language name ("python", "typescript", ...) -> more database call names.
  std::map<std::string, std::vector<std::string>> extra_database_calls;
  /// Set: scan only these root-relative files (sorted), e.g. those changed since a revision.
  std::optional<std::vector<std::string>> only_files;
  /// With only_files: where the indexes' answers for the files not scanned are kept
  /// between runs (pipeline/index_cache.h), and what they are valid for (the binary, the
  /// project); "" reads every file each run.
  std::string index_cache_file, index_cache_key;
  /// Code files over this many bytes are skipped and listed (--max-file-size; 0: no limit).
  std::uintmax_t max_file_size = 4 * 1024 * 1024;
  /// What CodeScan keeps beyond its sites, findings and counts, each in proportion to the code:
  /// a command leaves out what it does not read (`check` keeps none of them offline).
  struct Keep {
    bool references = true;    ///< SiteRecord::references: refs, and the live and deep checks
    bool statements = true;    ///< CodeScan::statements: the deep check
    bool requirements = true;  ///< CodeScan::requirements: manifest
  };
  Keep keep;
};

struct MigrationDirectory {
  std::string path;    ///< root-relative
  std::string format;  ///< the format that loaded it
  size_t files = 0;
  std::string evidence;  ///< why it was taken (found by its files, named by a tool's config); "" when given
};

struct SchemaBuild {
  schema::Schema schema;
  std::vector<schema::migrations::MigrationFile> migrations;  ///< in apply order
  /// Schema dumps applied before the migrations (a set's baseline), in apply order.
  std::vector<schema::migrations::MigrationFile> baseline;
  std::vector<MigrationDirectory> directories;
  std::vector<schema::DdlNote> notes;
  /// Migration sets of another engine (format = the engine): not code, and the tables they
  /// create exist somewhere, so references to them are not certain to be missing.
  std::vector<MigrationDirectory> other_engines;
  /// Migration sets the project's own runner does not read (a Go runner embeds another set
  /// beside them): not applied, and not code.
  std::vector<MigrationDirectory> not_run;
  /// Schema dumps read as the baseline (format "schema dump") or of another engine: not code.
  std::vector<MigrationDirectory> dumps;
  /// The search path the repository states or implies, when --search-path was not given (empty:
  /// options.search_path), and where it came from.
  std::vector<std::string> search_path;
  std::string search_path_evidence;
  /// The migrations' `{{ ... }}` templates and the text each was replaced with, and from where
  /// ("schemagate.yaml", or the Go code that gives it): `--verbose` lists them.
  struct TemplateValue {
    std::string key, value, evidence;
  };
  std::vector<TemplateValue> template_values;
  /// Independent services (services.h), when the sets found belong to two or more with their own
  /// databases: each code file is checked against its own service's schema. Empty: `schema` is
  /// every file's (one set, sets given with --migrations, or sets that share a database).
  std::vector<Service> services;
  /// Why sets under several service roots were applied as one schema after all ("" when not).
  std::string services_merged;
  /// --service: the chosen service's root, and the roots of the services nested under it; the
  /// code scanned is the chosen one's, tests aside (a test may use several services' databases).
  struct ServiceScope {
    std::string root;
    std::vector<std::string> nested;
    /// The other services' sets: another database's schema, neither code nor an excuse.
    std::vector<std::string> other_sets;
  };
  std::optional<ServiceScope> service_scope;
  /// The files the build read and used (migrations, dumps, tools' configs, the code a migration
  /// format or a start-up schema is read from: GORM's models), relative to the root, sorted: a
  /// change to one may change the schema, so --changed-since checks every file.
  std::vector<std::string> inputs;
};

/// Finds and applies the migrations. Fails (false, *err set to one line) when none are found,
/// a directory or file cannot be read (or is not a regular file inside the tree), or a migration does not parse (file:line:column).
bool build_schema(const source::FileSystem& fs, const Options& options, SchemaBuild* out, std::string* err);

/// Where the objects of `build` were created, for messages and notes: a Locator of its schema
/// dumps and migrations (it views their texts: `build` must outlive it and stay in place).
report::Locator migration_places(const SchemaBuild& build);

/// "file:line:column" of where `migration` stopped parsing.
std::string error_place(const schema::migrations::MigrationFile& migration, const schema::MigrationError& error);

struct ReferenceRecord {
  std::string kind;    ///< "relation" | "column" | "function" (a data layer's call of one: supabase-js rpc())
  std::string status;  ///< "ok" | "missing" | "unchecked"
  std::string relation;
  std::string column;
  /// Where it is: the byte in the host file; line and column are placed from it by the file's
  /// report::Locator once the file is evaluated (0 before, and when it has no offset).
  std::optional<uint32_t> offset;
  int line = 0, column_number = 0;
  std::string note;
  /// What the checks judge for it (checks/verdict.h): its status is their verdict. Set only where
  /// they may change it (a relation or column missing, or unchecked with no note), and released
  /// once the file is evaluated. Not rendered.
  std::shared_ptr<const requirements::Requirement> judged;
};

struct SiteRecord {
  std::string file;
  /// Where it is: the byte in the host file; line and column are placed from it by the file's
  /// report::Locator once the file is evaluated (0 before, and when it has no offset).
  std::optional<uint32_t> offset;
  int line = 0, column = 0;
  std::string via;  ///< the database call ("execute"), "sql-file", or "string" for SQL-looking text
  std::string sql;  ///< the statement as checked (placeholders normalised)
  bool checked = false;
  /// Checked around run-time fragments: the references that do not depend on them are checked.
  bool partly = false;
  std::string reason;     ///< why unchecked or only partly checked, for a person
  std::string reason_id;  ///< the same as one id of unchecked_reasons() (README "Precision")
  std::vector<ReferenceRecord> references;
};

/// One requirement of the scanned code and the place that needs it, for `schemagate manifest`.
struct RequirementSite {
  requirements::Requirement requirement;
  std::string file;  ///< root-relative
  int line = 0, column = 0;
  /// Why it is not judged although the schema may lack it ("created at run time by the code at
  /// jobs/tmp.py:3"); "" when it is judged.
  std::string not_judged;
};

/// One statement the code runs that was checked whole (no run-time fragment in it): what the
/// deep check (--postgres) PREPAREs, with every byte's host offset.
struct CheckedStatement {
  std::string file;   ///< root-relative
  size_t site = 0;    ///< index in CodeScan::sites
  sql::SqlText sql;   ///< the statement as checked: placeholders normalised to $n
  /// INSERT ... ON CONFLICT: only planning raises 42P10, so the statement is also EXPLAINed.
  bool plan = false;
  std::optional<size_t> conflict_offset;  ///< byte in `sql` of ON CONFLICT, for 42P10
  std::string fingerprint_text;
  /// Run-time fragments stood in the site's text (each a `$n` here): a fragment may be a list
  /// (`VALUES (" + placeholders(n) + ")`) or any clause, so what PostgreSQL says of the shape
  /// is not judged.
  bool holes = false;
};

/// A code file of a language schemagate does not read, whose text holds a statement shape.
struct UnreadFile {
  std::string path;      ///< root-relative
  std::string language;  ///< "Rust", "PHP", ...
};

struct CodeScan {
  std::vector<std::string> files;  ///< the files scanned, root-relative, in path order
  /// Files of languages schemagate does not read that hold SQL-like text, in path order: the
  /// SQL they run is not checked (a silent miss otherwise).
  std::vector<UnreadFile> unread;
  /// `schemagate-ignore` comments of the scanned files, by root-relative path.
  std::map<std::string, std::vector<report::Suppression>> suppressions;
  std::vector<SiteRecord> sites;
  std::vector<CheckedStatement> statements;  ///< the statements of checked sites, in site order
  /// Every requirement, in file order: the same ones the checks judged.
  std::vector<RequirementSite> requirements;
  std::vector<report::Diagnostic> diagnostics;
  report::Summary summary;
  /// Code files that were not scanned, and why (not regular, too large, minified, generated).
  std::vector<source::SkippedFile> skipped;
  /// With only some files scanned: the code files not scanned whose models and package facts the
  /// indexes took in, and how many of them the index cache answered.
  size_t indexed_elsewhere = 0, indexed_from_cache = 0;
};

/// The schemas the code is checked against. Offline both are the schema the migrations build;
/// against a live database `current` is what it has now and `eventual` is `current` with the
/// pending migrations applied, so a reference only the eventual schema has names its migration.
struct Targets {
  const schema::Schema* current = nullptr;
  const schema::Schema* eventual = nullptr;
  /// Set when the code scanned is the running code (deploy-order checks).
  const checks::DeployContext* deploy = nullptr;
  /// `current` is a database's (or a snapshot's): pending migrations are named.
  bool live = false;
  /// Offline, several services: a file under a service's root is checked against its schema
  /// (both `current` and `eventual`); a file under none against the two above.
  const std::vector<Service>* services = nullptr;
  /// Set for a file of a service whose migrations imply its own search path (every table in
  /// one schema other than public): used instead of the run's.
  const std::vector<std::string>* search_path = nullptr;
};

/// The targets of one root-relative file: its service's schema where `targets` has services.
Targets targets_for(const Targets& targets, const std::string& file);

/// Scans the code under options.root. `build` says which directories are migrations (not code).
/// Fails when a directory cannot be listed or a file cannot be read (the message names it).
bool scan_code(const source::FileSystem& fs, const Options& options, const SchemaBuild& build, const Targets& targets,
               CodeScan* out, std::string* err);
/// Runs the checks that judge the migrations themselves (broken-migration). `states` (live):
/// only migrations still pending there are judged.
void check_migrations(const SchemaBuild& build, const std::vector<schema::catalog::MigrationState>* states,
                      std::vector<report::Diagnostic>* out);

/// Offline: checks against the schema the migrations build.
bool scan_code(const source::FileSystem& fs, const Options& options, const SchemaBuild& build, CodeScan* out,
               std::string* err);

}  // namespace schemagate::pipeline
