// schemagate.yaml: the settings a team writes down once in the repository instead of repeating
// them on every command line. The file mirrors the flags (migrations, search_path, include,
// exclude, database_url_env, flyway_table, deployed_ref) and adds what has no flag: a severity per
// rule, a migration directory's format, and extra database call names per language.
//
// Everything the file sets is optional, so the CLI can apply "command-line flags override the
// file, the file overrides the built-in default" key by key. The loader is strict: an unknown
// key, a wrong type or a bad value is an error naming the key and its line and column, because a
// misspelt `exlcude:` that is silently ignored is a gate that checks something else than the team
// believes. The names the file may mention (rule ids, migration formats, languages) come in as
// parameters, so this module depends on no other part of schemagate.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace schemagate::config {

/// The file's name, looked for at the project root.
inline constexpr const char* kFileName = "schemagate.yaml";

/// `rules: {<rule-id>: error|warning|off}`. Off drops the rule's findings.
enum class RuleSeverity { Error, Warning, Off };
const char* rule_severity_name(RuleSeverity s);  ///< "error", "warning", "off"

/// One entry of `migrations:`: a directory, or `{path: DIR, format: NAME}`.
struct MigrationDir {
  std::string path;                   ///< relative to the project root, as written
  std::optional<std::string> format;  ///< a migration format name; unset: detected as usual
  bool operator==(const MigrationDir&) const = default;
};

/// What the file sets. An optional that is unset, or an empty map, means the file does not
/// mention the key (or gives it no value): the flag or the built-in default applies.
struct Config {
  std::optional<std::vector<MigrationDir>> migrations;  ///< --migrations; at least one entry
  std::optional<std::vector<std::string>> search_path;  ///< --search-path; at least one schema
  std::optional<std::vector<std::string>> include;      ///< --include (may be empty)
  std::optional<std::vector<std::string>> exclude;      ///< --exclude (may be empty)
  std::map<std::string, RuleSeverity> rules;            ///< rule id -> severity; no flag
  std::optional<std::string> database_url_env;  ///< the variable holding the URL, instead of DATABASE_URL
  std::optional<std::string> flyway_table;      ///< --flyway-table
  /// language -> call names whose argument is SQL, added to that language's built-in names.
  std::map<std::string, std::vector<std::string>> database_calls;
  /// Values of the `{{ ... }}` templates in migrations (Go text/template, as pop and supabase/auth
  /// write `{{ index .Options "Namespace" }}`), by the text between the braces.
  std::map<std::string, std::string> template_values;
  std::optional<std::string> deployed_ref;  ///< --deployed-ref
};

/// The names the file may use, from the tables that own them (cli/ fills it from
/// checks::checks(), schema::migrations::formats() and languages::languages()).
struct KnownNames {
  std::vector<std::string> rule_ids;           ///< "missing-column", ...
  std::vector<std::string> migration_formats;  ///< "golang-migrate", "flyway", ...
  std::vector<std::string> languages;          ///< keys of database_calls: "python", "go", ...
};

/// Parses the text of a schemagate.yaml. An empty file (or one with only comments) is a valid,
/// empty configuration. On an error returns false and sets *err to one line,
/// "<file_name>:<line>:<column>: <key>: <what is wrong>", with a 1-based line and a 1-based
/// column counted in code points; `file_name` is the path to show (as the user would type it).
/// *out is only written on success.
bool load_config(const std::string& text, const std::string& file_name, const KnownNames& known,
                 Config* out, std::string* err);

/// The offset of the first thing in a YAML text that yaml-cpp 0.7 must never be given (a C0
/// control character, a ',' outside a flow collection: it loops forever on several such), with
/// *what saying it as an error; npos when the text is safe to load. Every YAML reader calls it.
size_t yaml_input_hazard(std::string_view body, std::string* what);

/// What `schemagate init` found in the project, to write a schemagate.yaml from.
struct Detected {
  struct MigrationDir {
    std::string path;    ///< relative to the project root
    std::string format;  ///< the format that recognised it: "golang-migrate", "flyway", ...
    std::string evidence = {};  ///< why: "12 files, 000001_init.up.sql ... 000012_tags.up.sql"
  };
  std::vector<MigrationDir> migrations;  ///< in the order they should be applied
  /// Independent services found (pipeline/services.h), each with its sets: then `migrations` is
  /// written commented out, since listing the sets there would apply them all to one schema.
  struct Service {
    std::string root;      ///< the directory whose code it covers ("" the whole tree)
    std::string evidence;  ///< why that directory
    std::vector<MigrationDir> sets;
  };
  std::vector<Service> services = {};
  std::string services_merged = {};  ///< why sets under several roots are one schema after all
  /// Migration sets of another engine (format = the engine, "MySQL"): listed, not set.
  std::vector<MigrationDir> other_engines = {};
  /// The search path the repository states (ALTER ROLE/DATABASE ... SET search_path, a
  /// connection string's options) or implies, and why; empty: public.
  std::vector<std::string> search_path = {};
  std::string search_path_evidence = {};
  /// Why no migration set was found (the error `check` would give), when none was.
  std::string no_migrations_reason = {};
  std::vector<std::string> languages;    ///< host languages with at least one file: "python", ...
  std::string tracking_tool;             ///< the migration tool guessed ("flyway"); "" unknown
  /// Query files of a query tool, by tool ("sqlc") -> the files that show it, in path order.
  std::map<std::string, std::vector<std::string>> query_files = {};
  /// Every rule with its default severity, listed (commented out) under `rules:` so that
  /// changing one is uncommenting a line.
  std::vector<std::pair<std::string, RuleSeverity>> rules;
};

/// A commented schemagate.yaml: every key appears with a comment saying what it does; what was
/// detected is set, everything else is commented out (a commented-out setting is "# key: value",
/// so uncommenting it is deleting "# "). The result loads with load_config.
std::string render_init(const Detected& detected);

}  // namespace schemagate::config
