// dbmate: "<version>_<name>.sql" (any .sql name starting with a digit), with the up SQL after a
// "-- migrate:up" line and the down SQL after "-- migrate:down". The directive lines follow
// dbmate's ^--\s*migrate:up(\s*$|\s+\S+): options such as "transaction:false" may follow.
// Only the up section is kept; the rest is blanked so offsets stay file offsets.
//
// dbmate stores the leading digits as a string and applies files in file-name order, so the
// version keeps its leading zeros and "10_b.sql" runs before "9_a.sql". With the fixed-width
// timestamps dbmate generates, file-name order is version order.
//
// dbmate refuses a migration without an up directive, so such a file is an error here too.
#include <algorithm>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/up_section.h"

namespace schemagate::schema::migrations {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/// A `-- migrate:up` line. A line test, not sql/scan.h on purpose: dbmate finds its directives
/// line by line in the file (a line that starts with them), whatever SQL surrounds them.
bool is_directive(std::string_view line, std::string_view directive) {
  if (!line.starts_with("--")) return false;
  line.remove_prefix(2);
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  if (!line.starts_with(directive)) return false;
  line.remove_prefix(directive.size());
  return line.empty() || is_space(line.front());
}

bool is_up(std::string_view line) { return is_directive(line, "migrate:up"); }
bool is_down(std::string_view line) { return is_directive(line, "migrate:down"); }

std::vector<std::string> migration_names(const source::FileSystem& fs, const std::string& root,
                                         const std::string& dir) {
  std::vector<std::string> names = sql_file_names(fs, root, dir);
  std::erase_if(names, [](const std::string& n) { return leading_digits(n).empty(); });
  return names;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  for (const std::string& file : migration_names(fs, root, dir)) {
    std::string text;
    if (fs.read(on_disk(root, source::join_path(dir, file)), &text, nullptr) &&
        has_line(text, is_up))
      return true;
  }
  return false;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : migration_names(fs, root, dir)) {  // sorted by name already
    std::string_view stem = std::string_view(file).substr(0, file.size() - 4);
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = std::string(leading_digits(stem));
    m.name = std::string(description_after_version(stem));
    m.format = "dbmate";
    std::string text;
    if (!read_migration_text(fs, root, m.path, &text, err)) return false;
    if (!extract_up_section(text, is_up, is_down, &m.sql)) {
      if (err)
        *err = m.path + ": no '-- migrate:up' line; dbmate requires one in every migration "
                        "(add it above the SQL that applies the change)";
      return false;
    }
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}


// dbmate: schema_migrations(version varchar), one row per applied version; told apart from
// golang-migrate's table of the same name by the missing "dirty" column.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version::text FROM " + from + " ORDER BY version";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "version=" + text_or_null(row[0]));
}
std::string tracking_bad_row(const TextRow& row) {
  return is_digits(row[0]) ? "" : "version is not a string of digits";
}
const TrackingLayout kTracking{.table = "schema_migrations", .schema = "", .columns = {"version"},
                               .described = "dbmate's (version)", .query = tracking_query, .width = 1,
                               .read = tracking_read, .text_versions = true, .bad_row = tracking_bad_row};

}  // namespace

extern const Format kDbmate{.name = "dbmate", .detect = detect, .load = load, .tracking = &kTracking,
                            .duplicate_versions = DuplicateVersions::Text, .sql_files = true};

}  // namespace schemagate::schema::migrations
