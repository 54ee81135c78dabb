// sql-migrate (github.com/rubenv/sql-migrate): any "<name>.sql" file, with the up SQL after a
// "-- +migrate Up" line and the down SQL after "-- +migrate Down". sql-migrate recognises a
// command only as a line starting with exactly "-- +migrate " followed by the command word
// (case-sensitive; options such as "notransaction" may follow). "-- +migrate StatementBegin/End"
// inside the up section are SQL comments and stay; everything outside it is blanked.
//
// Without this format such a directory falls to plain, which runs the Down sections too: the
// initial migration's DROP TABLEs would remove every table the code uses.
//
// The file name is the migration's id in sql-migrate's gorp_migrations table, so it is the
// version here. Order: files whose names start with digits by that number (so 10 after 9, and
// "20180103_x" and "20200116-y" interleave by number), then the others by name.
// sql-migrate refuses a file without an up or down command, so such a file is an error.
#include <algorithm>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/up_section.h"

namespace schemagate::schema::migrations {

namespace {

bool is_command(std::string_view line, std::string_view command) {
  constexpr std::string_view kPrefix = "-- +migrate ";
  if (!line.starts_with(kPrefix)) return false;
  line.remove_prefix(kPrefix.size());
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (!line.starts_with(command)) return false;
  line.remove_prefix(command.size());
  return line.empty() || line.front() == ' ' || line.front() == '\t' || line.front() == '\r';
}

bool is_up(std::string_view line) { return is_command(line, "Up"); }
bool is_down(std::string_view line) { return is_command(line, "Down"); }

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  for (const std::string& file : sql_file_names(fs, root, dir)) {
    std::string text;
    if (fs.read(on_disk(root, source::join_path(dir, file)), &text, nullptr) &&
        (has_line(text, is_up) || has_line(text, is_down)))
      return true;
  }
  return false;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : sql_file_names(fs, root, dir)) {
    std::string_view stem = std::string_view(file).substr(0, file.size() - 4);
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = file;
    m.name = std::string(description_after_version(stem));
    m.format = "sql-migrate";
    files.push_back(std::move(m));
  }
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    std::string_view da = leading_digits(a.version), db = leading_digits(b.version);
    if (da.empty() != db.empty()) return !da.empty();
    if (!da.empty())
      if (int c = compare_numbers(da, db); c != 0) return c < 0;
    return a.version < b.version;
  });
  for (MigrationFile& m : files) {
    std::string text;
    if (!read_migration_text(fs, root, m.path, &text, err)) return false;
    if (!extract_up_section(text, is_up, is_down, &m.sql)) {
      if (!has_line(text, is_down)) {
        if (err)
          *err = m.path + ": no '-- +migrate Up' or '-- +migrate Down' command; sql-migrate refuses "
                          "such a file (add '-- +migrate Up' on its own line above the SQL)";
        return false;
      }
      m.sql = keep_only(text, 0, 0);  // only a down section: nothing runs on the way up
    }
  }
  *out = std::move(files);
  return true;
}


// sql-migrate: gorp_migrations(id, applied_at), one row per applied file, id = its file name.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT id FROM " + from + " ORDER BY applied_at, id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "id=" + text_or_null(row[0]));
}
std::string tracking_bad_row(const TextRow& row) {
  return is_present(row[0]) ? "" : "the migration name is empty or NULL";
}
const TrackingLayout kTracking{.table = "gorp_migrations", .schema = "", .columns = {"id", "applied_at"},
                               .described = "sql-migrate's (id, applied_at)", .query = tracking_query, .width = 1,
                               .read = tracking_read, .text_versions = true, .bad_row = tracking_bad_row};

}  // namespace

extern const Format kSqlMigrate{.name = "sql-migrate", .detect = detect, .load = load, .tracking = &kTracking,
                                .duplicate_versions = DuplicateVersions::NotJudged, .sql_files = true};

}  // namespace schemagate::schema::migrations
