// Flyway: "V<version>__<description>.sql" runs once, in version order; "R__<description>.sql" is
// repeatable and runs after every versioned migration, ordered by description; "U..." (undo,
// Teams edition) never runs on the way up and is ignored. A baseline migration
// "B<version>__<description>.sql" is where Flyway starts a new database: the highest one runs
// instead of every versioned migration up to its version (those stay listed, with no SQL, so the
// tracking table of a database migrated before the baseline existed still knows them); the
// other baselines never run.
//
// A version is digits separated by '.' or '_' ("2_1" means "2.1"); Flyway's MigrationVersion
// compares the parts as integers, so 1.10 comes after 1.9 and "1.0" equals "1". The recorded
// version is the text with '_' turned into '.', leading zeros kept ("1.01" stays "1.01").
// Flyway records the description with '_' as ' ' and sorts repeatables by that, which is also
// the sort used here ("a_b" before "a1"); MigrationFile::name keeps the file's spelling.
//
// Flyway scans its locations recursively, so subdirectories (V1 in "v1/", ...) are included and
// ordered with the rest by version alone.
//
// Java-based migrations (V3__Backfill.java, or .kt, a BaseJavaMigration) sit in the same
// classpath location under the module's source folder: src/main/java/db/migration beside
// src/main/resources/db/migration. They are ordered with the SQL ones by version; their SQL is
// the string each database call of the class runs (statement.execute("..."),
// jdbcTemplate.execute("...")), read with the Java (Kotlin) extractor at its own file offsets.
// A call whose SQL is built at run time is a note, and the names its strings mention become
// uncertain (MigrationFile::uncertain_names), as for a goose migration written in Go.
#include <algorithm>
#include <cctype>

#include "analyzers/languages/language.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/schema/catalog/checksums.h"
#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

struct FlywayName {
  bool repeatable = false;
  std::string version;      // dotted; empty when repeatable
  std::string description;  // as in the file name
};

bool is_version_text(std::string_view v) {
  if (v.empty() || v.front() < '0' || v.front() > '9') return false;
  bool after_separator = false;
  for (char c : v) {
    if (c >= '0' && c <= '9') {
      after_separator = false;
    } else if (c == '.' || c == '_') {
      if (after_separator) return false;
      after_separator = true;
    } else {
      return false;
    }
  }
  return !after_separator;
}

bool is_code_migration(std::string_view file) { return file.ends_with(".java") || file.ends_with(".kt"); }

bool parse_name(std::string_view file, FlywayName* out) {
  size_t ext = file.ends_with(".sql") ? 4 : file.ends_with(".java") ? 5 : file.ends_with(".kt") ? 3 : 0;
  if (ext == 0) return false;
  std::string_view stem = file.substr(0, file.size() - ext);
  if (stem.starts_with("R__")) {
    out->repeatable = true;
    out->version.clear();
    out->description = std::string(stem.substr(3));
    return true;
  }
  if (!stem.starts_with("V") && !stem.starts_with("B")) return false;
  size_t separator = stem.find("__", 1);
  if (separator == std::string_view::npos) return false;
  std::string_view version = stem.substr(1, separator - 1);
  if (!is_version_text(version)) return false;
  out->repeatable = false;
  out->version = std::string(version);
  std::replace(out->version.begin(), out->version.end(), '_', '.');
  out->description = std::string(stem.substr(separator + 2));
  return true;
}

// Paths (relative to the root) of the migrations under `dir`, recursively: SQL files, or with
// `code` the Java and Kotlin classes of a source folder.
void collect(const source::FileSystem& fs, const std::string& root, const std::string& dir,
             std::vector<MigrationFile>* out, bool code = false) {
  for (const source::DirEntry& entry : fs.list(on_disk(root, dir))) {
    std::string path = source::join_path(dir, entry.name);
    if (entry.is_dir) {
      collect(fs, root, path, out, code);
      continue;
    }
    FlywayName parsed;
    if (is_code_migration(entry.name) != code || !parse_name(entry.name, &parsed)) continue;
    MigrationFile m;
    m.path = std::move(path);
    m.version = std::move(parsed.version);
    m.name = std::move(parsed.description);
    m.format = "flyway";
    m.repeatable = parsed.repeatable;
    out->push_back(std::move(m));
  }
}

std::string recorded_description(std::string name) {
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

/// Flyway replaces `${name}` placeholders (its `placeholders` configuration) before it runs a
/// migration; their values are not in the repository. Each becomes a quoted identifier of the
/// same length ("_name"), so the statement parses, offsets stay the file's, and what the
/// placeholder names (a configured table or schema) is a relation nothing else references.
///
/// A placeholder that opens a line before a statement (`${ignoreIfProd} ALTER SEQUENCE ...`, set to
/// "--" in one environment and "" in others) decides whether the statement runs: it becomes
/// spaces with its statement, as where it is "--", and the names that statement mentions are
/// uncertain: where it runs, it may create them.
void mask_placeholders(MigrationFile* m) {
  std::string* sql = &m->sql;
  for (size_t at = sql->find("${"); at != std::string::npos; at = sql->find("${", at + 1)) {
    size_t close = sql->find('}', at + 2);
    if (close == std::string::npos || sql->find('\n', at) < close) continue;
    size_t line = sql->rfind('\n', at);
    line = line == std::string::npos ? 0 : line + 1;
    bool opens_line = sql->find_first_not_of(" \t", line) == at;
    size_t next = sql->find_first_not_of(" \t", close + 1);
    if (opens_line && next != std::string::npos && std::isalpha(static_cast<unsigned char>((*sql)[next]))) {
      size_t end = sql->find(';', next);
      end = end == std::string::npos ? sql->size() : end + 1;
      std::string word;
      for (char c : sql->substr(next, end - next) + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!word.empty()) m->uncertain_names.push_back(word), word.clear();
      }
      for (size_t i = at; i < end; ++i)
        if ((*sql)[i] != '\n') (*sql)[i] = ' ';
      m->notes.push_back({static_cast<uint32_t>(at), "a statement behind a Flyway placeholder that opens its line: it runs "
                                                     "only where the placeholder is empty; not applied, its names uncertain"});
      continue;
    }
    (*sql)[at] = '"';
    (*sql)[at + 1] = '_';
    (*sql)[close] = '"';
  }
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<MigrationFile> found;
  collect(fs, root, dir, &found);
  return !found.empty();
}

/// The source folders that compile into the classpath location `dir` names
/// (<module>/src/main/resources/db/migration -> src/main/java/db/migration, .../kotlin/...).
std::vector<std::string> code_locations(const std::string& dir) {
  static const std::string kResources = "src/main/resources";
  size_t at = dir.find(kResources);
  if (at == std::string::npos || (at > 0 && dir[at - 1] != '/')) return {};
  std::vector<std::string> out;
  for (const char* folder : {"src/main/java", "src/main/kotlin"})
    out.push_back(dir.substr(0, at) + folder + dir.substr(at + kResources.size()));
  return out;
}

/// A Java or Kotlin migration's SQL: the strings its database calls run, at their offsets.
void code_migration_sql(MigrationFile* m, const std::string& text) {
  const languages::Language* lang = languages::language_for_path(m->path);
  if (!lang) return;
  languages::Parser parser(*lang);
  languages::Tree tree = parser.ok() ? parser.parse(text) : languages::Tree{};
  if (!tree) {
    m->notes.push_back({0, "Flyway Java migration that does not parse: what it creates or changes is unknown"});
    return;
  }
  languages::ExtractInput in{text, ts_tree_root_node(tree.get()), lang};
  std::vector<languages::SqlSite> sites;
  lang->extract(in, &sites);
  bool any = false;
  for (const languages::SqlSite& site : sites) {
    if (!site.database_call || site.variant != 0) continue;
    any = true;
    if (site.dynamic || site.sql.text.find(schemagate::sql::kHole) != std::string::npos) {
      m->notes.push_back({site.host_begin, "SQL built at run time in a Flyway Java migration: what it creates or "
                                           "changes is unknown"});
      std::string word;  // the names its literal parts mention may be created or changed by it
      for (char c : site.sql.text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!word.empty()) m->uncertain_names.push_back(word), word.clear();
      }
      continue;
    }
    m->sql += site.sql.text;
    m->origin.insert(m->origin.end(), site.sql.origin.begin(), site.sql.origin.end());
    m->sql += ";\n";
    m->origin.resize(m->sql.size(), site.sql.host_offset(site.sql.text.size()));
  }
  if (!any)
    m->notes.push_back({0, "Flyway Java migration without a SQL string in a database call: what it creates or "
                           "changes is unknown"});
  if (!m->sql.empty()) m->text = text;
  else m->origin.clear();
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  collect(fs, root, dir, &files);
  for (const std::string& code_dir : code_locations(dir)) collect(fs, root, code_dir, &files, /*code=*/true);
  // A new database starts at the highest baseline: versions up to it are in it.
  auto is_baseline = [](const MigrationFile& m) { return last_component(m.path).starts_with("B"); };
  std::string baseline;
  for (const MigrationFile& m : files)
    if (is_baseline(m) && (baseline.empty() || compare_dotted_versions(m.version, baseline) > 0)) baseline = m.version;
  std::erase_if(files, [&](const MigrationFile& m) { return is_baseline(m) && m.version != baseline; });
  // Flyway rejects two migrations with one version or one description; the path keeps the
  // order total anyway (a baseline before the versioned migration of its version).
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    if (a.repeatable != b.repeatable) return !a.repeatable;
    if (!a.repeatable) {
      if (int c = compare_dotted_versions(a.version, b.version); c != 0) return c < 0;
    } else {
      std::string da = recorded_description(a.name), db = recorded_description(b.name);
      if (da != db) return da < db;
    }
    return a.path < b.path;
  });
  for (MigrationFile& m : files) {
    if (!baseline.empty() && !m.repeatable && !is_baseline(m) && compare_dotted_versions(m.version, baseline) <= 0)
      continue;  // in the baseline
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    if (is_code_migration(m.path)) {
      std::string text = std::move(m.sql);
      m.sql.clear();
      code_migration_sql(&m, text);
      continue;
    }
    mask_placeholders(&m);
  }
  *out = std::move(files);
  return true;
}


// Flyway: flyway_schema_history(installed_rank, version, ..., script, ..., success); the name is
// Flyway's `table` setting (--flyway-table). SCHEMA rows are skipped, a BASELINE row covers
// every version up to it, repeatable rows (version NULL) are matched by script, and a DELETE row
// (flyway repair) cancels the earlier rows of its migration.
std::string tracking_query(const std::string& from, const Relation& table) {
  return "SELECT version, script, success::text, type" +
         std::string(table.find_column("checksum") ? ", checksum::text" : "") + " FROM " + from +
         " ORDER BY installed_rank";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) {
    std::string version = row[0].value_or(""), script = text_or_null(row[1]), type = text_or_null(row[3]);
    if (type == "SCHEMA") continue;  // "<< Flyway Schema Creation >>", not a migration
    auto same = [&](const AppliedMigration& m) { return version.empty() ? m.name == script : m.version == version; };
    if (type == "DELETE") {
      std::erase_if(*out, same);
      continue;
    }
    if (version.empty()) std::erase_if(*out, same);  // a repeatable's latest run decides
    push_applied(out, version, script, !is_true(row[2]),
                 "version=" + text_or_null(row[0]) + " script=" + script + " success=" + text_or_null(row[2]) +
                     (type == "BASELINE" ? " type=BASELINE" : ""),
                 type == "BASELINE", type == "BASELINE" ? "" : checksum_of(row, 4));
  }
}
std::string tracking_bad_row(const TextRow& row) {
  if (!is_present(row[3])) return "type is empty or NULL";
  if (text_or_null(row[3]) != "SCHEMA" && !is_present(row[1])) return "script is empty or NULL";
  if (!is_boolean(row[2])) return "success is not a boolean";
  return "";
}
std::string tracking_checksum(std::string_view file, const std::string&) { return catalog::flyway_checksum(file); }
const TrackingLayout kTracking{.table = "flyway_schema_history", .schema = "",
                               .columns = {"installed_rank", "version", "type", "script", "success"},
                               .described = "Flyway's (installed_rank, version, description, type, script, checksum, ..., success)",
                               .query = tracking_query, .width = 4, .read = tracking_read, .text_versions = false,
                               .baseline_covers_unlisted = true, .records_checksum = true,
                               .bad_row = tracking_bad_row, .checksum = tracking_checksum,
                               .table_setting = "flyway_table"};

}  // namespace

extern const Format kFlyway{.name = "flyway", .detect = detect, .load = load, .tracking = &kTracking,
                            .baseline_prefix = "B", .sql_files = true};

}  // namespace schemagate::schema::migrations
