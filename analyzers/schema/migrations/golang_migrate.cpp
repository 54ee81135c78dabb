// golang-migrate: one file per direction, "<version>_<name>.up.sql" and "<version>_<name>.down.sql"
// (its source driver's pattern ^([0-9]+)_(.*)\.(down|up)\.(.*)$, restricted here to .sql).
// The version is parsed as a uint64 and schema_migrations stores that integer, so "0003" is
// version "3" and 10 runs after 9. Down files never run on the way up and are ignored.
//
// sqlx's reversible migrations use the same names ("<version>_<name>.up.sql"), and nothing in the
// directory tells the two tools apart (only the tracking table, _sqlx_migrations vs
// schema_migrations, differs). Both parse the version as an integer and order by it, so the
// files, versions and order are the same either way; such directories are reported as
// golang-migrate. sqlx.cpp handles sqlx's non-reversible "<version>_<name>.sql" files.
#include <algorithm>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

constexpr std::string_view kUp = ".up.sql";
constexpr std::string_view kDown = ".down.sql";

// A directory of "<version>_<name>.up.sql" files is golang-migrate's, unless it also holds
// "<version>_<name>.sql" files and no ".down.sql" at all: golang-migrate would skip those, so
// another runner (a project's own, which applies every numbered file in order, the .up.sql ones
// included) owns it, and the plain format loads them all. Dropping them would hide the tables
// and columns they create.
bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  bool up = false, down = false, other_numbered = false;
  for (const std::string& file : sql_file_names(fs, root, dir)) {
    std::string_view digits, name;
    if (match_numbered_name(file, kUp, &digits, &name))
      up = true;
    else if (match_numbered_name(file, kDown, &digits, &name))
      down = true;
    else if (match_numbered_name(file, ".sql", &digits, &name))
      other_numbered = true;
  }
  return down || (up && !other_numbered);
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : sql_file_names(fs, root, dir)) {
    std::string_view digits, name;
    if (!match_numbered_name(file, kUp, &digits, &name)) continue;
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = strip_leading_zeros(digits);
    m.name = std::string(name);
    m.format = "golang-migrate";
    files.push_back(std::move(m));
  }
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    if (int c = compare_numbers(a.version, b.version); c != 0) return c < 0;
    return a.path < b.path;
  });
  // golang-migrate refuses to run a directory with two up files of one version ("duplicate
  // migration file"): so does this loader, instead of applying both.
  for (size_t i = 1; i < files.size(); ++i)
    if (files[i].version == files[i - 1].version) {
      *err = files[i].path + ": duplicate migration version " + files[i].version + " (also " + files[i - 1].path +
             "); golang-migrate refuses to run them: renumber one";
      return false;
    }
  for (MigrationFile& m : files)
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
  *out = std::move(files);
  return true;
}


// golang-migrate: schema_migrations(version bigint, dirty boolean), one row: the latest version;
// every version up to it counts as applied (golang-migrate's own rule). It truncates and
// rewrites the row on every run and reads it with LIMIT 1.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version::text, dirty::text FROM " + from;
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  if (!rows.empty())
    push_applied(out, text_or_null(rows[0][0]), "", is_true(rows[0][1]),
                 "version=" + text_or_null(rows[0][0]) + " dirty=" + text_or_null(rows[0][1]), true);
}
// -1 is golang-migrate's "no version", written only together with dirty = true.
std::string tracking_bad_row(const TextRow& row) {
  if (!is_boolean(row[1])) return "dirty is not a boolean";
  if (!is_digits(row[0], is_true(row[1]))) return "version is not a non-negative integer";
  return "";
}
const TrackingLayout kTracking{.table = "schema_migrations", .schema = "", .columns = {"version", "dirty"},
                               .described = "golang-migrate's (version, dirty)", .query = tracking_query, .width = 2,
                               .read = tracking_read, .bad_row = tracking_bad_row, .one_row = true};

}  // namespace

extern const Format kGolangMigrate{.name = "golang-migrate", .detect = detect, .load = load, .tracking = &kTracking,
                                   .also_tracked_by = {"sqlx"}, .sql_files = true};

}  // namespace schemagate::schema::migrations
