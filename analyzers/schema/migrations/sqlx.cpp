// sqlx: "<version>_<description>.sql" (simple) or "<version>_<description>.up.sql" (reversible),
// with the version parsed as an i64 and applied in numeric order.
//
// Nothing in the directory names sqlx, so it is told apart from the plain format by the shape
// `sqlx migrate add` gives it: the directory is called "migrations" (sqlx's default), every .sql
// file is "<digits>_<description>.sql", and at least one version is a 14-digit timestamp (sqlx's
// default version). Directories with ".up.sql"/".down.sql" pairs are taken by golang-migrate
// first, which orders and versions them exactly as sqlx would (see golang_migrate.cpp); if a
// sqlx directory mixes both kinds, its ".up.sql" files are loaded here and ".down.sql" skipped.
#include <algorithm>

#include "analyzers/schema/catalog/checksums.h"
#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

bool is_versioned(std::string_view file) {
  size_t digits = leading_digits(file).size();
  return digits > 0 && file[digits] == '_';
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (last_component(on_disk(root, dir)) != "migrations") return false;
  std::vector<std::string> files = sql_file_names(fs, root, dir);
  if (files.empty()) return false;
  bool has_timestamp = false;
  for (const std::string& file : files) {
    if (!is_versioned(file)) return false;
    if (leading_digits(file).size() == 14) has_timestamp = true;
  }
  return has_timestamp;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : sql_file_names(fs, root, dir)) {
    if (!is_versioned(file) || file.ends_with(".down.sql")) continue;
    std::string_view stem = std::string_view(file).substr(0, file.size() - 4);
    if (stem.ends_with(".up")) stem.remove_suffix(3);
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = strip_leading_zeros(leading_digits(stem));
    m.name = std::string(description_after_version(stem));
    m.format = "sqlx";
    files.push_back(std::move(m));
  }
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    if (int c = compare_numbers(a.version, b.version); c != 0) return c < 0;
    return a.path < b.path;
  });
  for (MigrationFile& m : files)
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
  *out = std::move(files);
  return true;
}


// sqlx: _sqlx_migrations(version bigint, description, installed_on, success, checksum, ...).
std::string tracking_query(const std::string& from, const Relation& table) {
  return "SELECT version::text, description, success::text" +
         std::string(table.find_column("checksum") ? ", encode(checksum, 'hex')" : "") + " FROM " + from +
         " ORDER BY version";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows)
    push_applied(out, text_or_null(row[0]), row[1].value_or(""), !is_true(row[2]),
                 "version=" + text_or_null(row[0]) + " success=" + text_or_null(row[2]), false, checksum_of(row, 3));
}
std::string tracking_bad_row(const TextRow& row) {
  if (!is_digits(row[0])) return "version is not a non-negative integer";
  if (!is_boolean(row[2])) return "success is not a boolean";
  return "";
}
std::string tracking_checksum(std::string_view file, const std::string&) { return catalog::sha384_hex(file); }
const TrackingLayout kTracking{.table = "_sqlx_migrations", .schema = "",
                               .columns = {"version", "description", "success"},
                               .described = "sqlx's (version, description, installed_on, success, checksum, execution_time)",
                               .query = tracking_query, .width = 3, .read = tracking_read, .text_versions = false,
                               .baseline_covers_unlisted = false, .records_checksum = true,
                               .bad_row = tracking_bad_row, .checksum = tracking_checksum};

}  // namespace

extern const Format kSqlx{.name = "sqlx", .detect = detect, .load = load, .tracking = &kTracking,
                         .also_tracked_by = {"golang-migrate"}, .sql_files = true};

}  // namespace schemagate::schema::migrations
