// pop (github.com/gobuffalo/pop) and Ory's popx: one file per version, direction and dialect,
// "<version>_<name>[.<dialect>][.autocommit].(up|down).(sql|fizz)". The dialect is one of pop's
// (postgres, mysql, sqlite3, cockroach, with their aliases); a file without one is for every
// dialect ("all"). On PostgreSQL each version runs its ".postgres." file when it has one, else its
// file for every dialect; a version with only other dialects' files does not run there. Down files
// never run on the way up.
//
// pop records each applied version, as text, in schema_migration(version); popx adds
// version_self. Fizz files, pop's own DSL, are turned into the statements fizz writes
// (code/fizz.h); one that cannot be read is an error naming it, never a migration skipped.
//
// The directory is pop's when one of its files names a dialect; a directory of "<n>_x.up.sql"
// files alone is golang-migrate's (the same files, the same order).
#include <algorithm>
#include <map>

#include "analyzers/schema/migrations/code/fizz.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

/// pop's canonical dialect name of a file name's segment, or "" when it is none of pop's.
std::string_view dialect_of(std::string_view segment) {
  if (segment == "postgres" || segment == "postgresql" || segment == "pg") return "postgres";
  if (segment == "cockroach" || segment == "cockroachdb" || segment == "crdb") return "cockroach";
  if (segment == "mysql" || segment == "mariadb") return "mysql";
  if (segment == "sqlite3" || segment == "sqlite") return "sqlite3";
  if (segment == "yugabyte" || segment == "yugabytedb") return "yugabyte";
  return "";
}

struct Name {
  std::string_view version, name, dialect;  ///< dialect "" for every dialect
  bool up = false, fizz = false;
};

/// Parses "<version>_<name>[.<dialect>][.autocommit].(up|down).(sql|fizz)".
bool parse(std::string_view file, Name* out) {
  Name n;
  if (file.ends_with(".sql")) file.remove_suffix(4);
  else if (file.ends_with(".fizz")) file.remove_suffix(5), n.fizz = true;
  else return false;
  if (file.ends_with(".up")) file.remove_suffix(3), n.up = true;
  else if (file.ends_with(".down")) file.remove_suffix(5);
  else return false;
  if (file.ends_with(".autocommit")) file.remove_suffix(11);
  if (size_t dot = file.rfind('.'); dot != std::string_view::npos) {
    n.dialect = dialect_of(file.substr(dot + 1));
    if (n.dialect.empty()) return false;
    file = file.substr(0, dot);
  }
  n.version = leading_digits(file);
  if (n.version.empty() || n.version.size() >= file.size() || file[n.version.size()] != '_' ||
      file.find('.') != std::string_view::npos)
    return false;
  n.name = file.substr(n.version.size() + 1);
  *out = n;
  return true;
}

std::vector<std::string> candidate_files(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> names;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir)))
    if (!e.is_dir && (e.name.ends_with(".sql") || e.name.ends_with(".fizz"))) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  for (const std::string& file : candidate_files(fs, root, dir)) {
    Name n;
    if (parse(file, &n) && (!n.dialect.empty() || n.fizz)) return true;
  }
  return false;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  struct Version {
    std::string for_postgres, for_all, name;
  };
  std::map<std::string, Version, std::less<>> versions;  // by version digits
  for (const std::string& file : candidate_files(fs, root, dir)) {
    Name n;
    if (!parse(file, &n) || !n.up) continue;
    Version& v = versions[std::string(n.version)];
    if (n.dialect == "postgres") v.for_postgres = file, v.name = n.name;
    else if (n.dialect.empty()) v.for_all = file, v.name = v.name.empty() ? std::string(n.name) : v.name;
  }
  std::vector<MigrationFile> files;
  for (auto& [version, v] : versions) {
    const std::string& file = !v.for_postgres.empty() ? v.for_postgres : v.for_all;
    if (file.empty()) continue;  // only other dialects' files: it does not run on PostgreSQL
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = version;
    m.name = v.name;
    m.format = "pop";
    files.push_back(std::move(m));
  }
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    if (int c = compare_numbers(a.version, b.version); c != 0) return c < 0;
    return a.path < b.path;
  });
  for (MigrationFile& m : files) {
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    if (!m.path.ends_with(".fizz")) continue;
    // Fizz: the statements its postgres translator writes, each mapped to its operation.
    code::GeneratedSql g;
    std::string why;
    if (!code::fizz_to_sql(m.sql, &g, &why)) {
      *err = m.path + ": fizz migration cannot be read: " + why;
      return false;
    }
    m.text = std::move(m.sql);
    m.sql = std::move(g.sql);
    m.origin = std::move(g.origin);
    if (m.origin.empty()) m.origin.push_back(0);
  }
  *out = std::move(files);
  return true;
}

// schema_migration(version), one row per applied version (popx: and version_self).
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version::text FROM " + from + " ORDER BY version";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "version=" + text_or_null(row[0]));
}
const TrackingLayout kTracking{"schema_migration", "", {"version"}, "pop's (version)", tracking_query, 1,
                               tracking_read, /*text_versions=*/true};

}  // namespace

extern const Format kPop{"pop", detect, load, &kTracking};

}  // namespace schemagate::schema::migrations
