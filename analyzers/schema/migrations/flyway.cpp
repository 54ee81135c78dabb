// Flyway: "V<version>__<description>.sql" runs once, in version order; "R__<description>.sql" is
// repeatable and runs after every versioned migration, ordered by description; "U..." (undo,
// Teams edition) never runs on the way up and is ignored, as are baseline "B..." files.
//
// A version is digits separated by '.' or '_' ("2_1" means "2.1"); Flyway's MigrationVersion
// compares the parts as integers, so 1.10 comes after 1.9 and "1.0" equals "1". The recorded
// version is the text with '_' turned into '.', leading zeros kept ("1.01" stays "1.01").
// Flyway records the description with '_' as ' ' and sorts repeatables by that, which is also
// the sort used here ("a_b" before "a1"); MigrationFile::name keeps the file's spelling.
//
// Flyway scans its locations recursively, so subdirectories (V1 in "v1/", ...) are included and
// ordered with the rest by version alone.
#include <algorithm>

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

bool parse_name(std::string_view file, FlywayName* out) {
  if (!file.ends_with(".sql")) return false;
  std::string_view stem = file.substr(0, file.size() - 4);
  if (stem.starts_with("R__")) {
    out->repeatable = true;
    out->version.clear();
    out->description = std::string(stem.substr(3));
    return true;
  }
  if (!stem.starts_with("V")) return false;
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

// Paths (relative to the root) of the migrations under `dir`, recursively.
void collect(const source::FileSystem& fs, const std::string& root, const std::string& dir,
             std::vector<MigrationFile>* out) {
  for (const source::DirEntry& entry : fs.list(on_disk(root, dir))) {
    std::string path = source::join_path(dir, entry.name);
    if (entry.is_dir) {
      collect(fs, root, path, out);
      continue;
    }
    FlywayName parsed;
    if (!parse_name(entry.name, &parsed)) continue;
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
void mask_placeholders(std::string* sql) {
  for (size_t at = sql->find("${"); at != std::string::npos; at = sql->find("${", at + 1)) {
    size_t close = sql->find('}', at + 2);
    if (close == std::string::npos || sql->find('\n', at) < close) continue;
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

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  collect(fs, root, dir, &files);
  // Flyway rejects two migrations with one version or one description; the path keeps the
  // order total anyway.
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
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    mask_placeholders(&m.sql);
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
const TrackingLayout kTracking{"flyway_schema_history", "", {"installed_rank", "version", "type", "script", "success"},
                               "Flyway's (installed_rank, version, description, type, script, checksum, ..., success)",
                               tracking_query, 4, tracking_read, /*text_versions=*/false,
                               /*baseline_covers_unlisted=*/true, /*records_checksum=*/true};

}  // namespace

extern const Format kFlyway{"flyway", detect, load, &kTracking};

}  // namespace schemagate::schema::migrations
