// goose (SQL migrations): "<version>_<name>.sql" with the up SQL after a "-- +goose Up"
// annotation and the down SQL after "-- +goose Down". Annotations are case-insensitive and start
// at column 0 (goose's ^--\s\+goose\s.*$). "-- +goose StatementBegin/End" and the other
// annotations inside the up section are SQL comments and stay; everything outside it is blanked.
//
// goose parses the version as an int64, so "00003" is version "3" and 10 runs after 9. Go
// migrations (.go files) are not SQL and are skipped. goose refuses a SQL migration without an
// Up annotation, so such a file is an error here too.
#include <algorithm>
#include <cctype>
#include <map>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/up_section.h"

namespace schemagate::schema::migrations {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Whether `line` is "-- +goose <command>" for this command.
bool is_annotation(std::string_view line, std::string_view command) {
  if (!line.starts_with("--") || line.size() < 3 || !is_space(line[2])) return false;
  line = trim(line.substr(2));
  constexpr std::string_view kPrefix = "+goose";
  if (line.size() <= kPrefix.size() || !equals_ignoring_case(line.substr(0, kPrefix.size()), kPrefix) ||
      !is_space(line[kPrefix.size()]))
    return false;
  return equals_ignoring_case(trim(line.substr(kPrefix.size())), command);
}

bool is_up(std::string_view line) { return is_annotation(line, "up"); }
bool is_down(std::string_view line) { return is_annotation(line, "down"); }

// "<digits>_..." names; goose rejects others, and they are not migrations here.
std::vector<std::string> migration_names(const source::FileSystem& fs, const std::string& root,
                                         const std::string& dir) {
  std::vector<std::string> names = sql_file_names(fs, root, dir);
  std::erase_if(names, [](const std::string& n) {
    size_t digits = leading_digits(n).size();
    return digits == 0 || n[digits] != '_';
  });
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
  for (const std::string& file : migration_names(fs, root, dir)) {
    std::string_view stem = std::string_view(file).substr(0, file.size() - 4);
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = strip_leading_zeros(leading_digits(stem));
    m.name = std::string(description_after_version(stem));
    m.format = "goose";
    files.push_back(std::move(m));
  }
  // goose rejects duplicate versions; the path keeps the order total anyway.
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    if (int c = compare_numbers(a.version, b.version); c != 0) return c < 0;
    return a.path < b.path;
  });
  for (MigrationFile& m : files) {
    std::string text;
    if (!read_migration_text(fs, root, m.path, &text, err)) return false;
    if (!extract_up_section(text, is_up, is_down, &m.sql)) {
      if (err)
        *err = m.path + ": no '-- +goose Up' annotation; goose requires one in every SQL "
                        "migration (add it on its own line above the SQL that applies the change)";
      return false;
    }
  }
  *out = std::move(files);
  return true;
}


// goose: goose_db_version(id, version_id, is_applied, tstamp). The latest row (highest id) per
// version decides; older goose wrote is_applied=false rows on down instead of deleting. Version
// 0 is goose's bookkeeping row.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version_id::text, is_applied::text FROM " + from + " ORDER BY id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  std::map<std::string, bool> applied;
  for (const TextRow& row : rows) applied[text_or_null(row[0])] = is_true(row[1]);
  std::vector<std::string> versions;
  for (const auto& [v, on] : applied)
    if (on && v != "0") versions.push_back(v);
  std::sort(versions.begin(), versions.end(),
            [](const std::string& a, const std::string& b) { return compare_dotted_versions(a, b) < 0; });
  for (const std::string& v : versions) push_applied(out, v, "", false, "version_id=" + v + " is_applied=true");
}
const TrackingLayout kTracking{"goose_db_version", "", {"id", "version_id", "is_applied"},
                               "goose's (id, version_id, is_applied, tstamp)", tracking_query, 2, tracking_read};

}  // namespace

extern const Format kGoose{"goose", detect, load, &kTracking};

}  // namespace schemagate::schema::migrations
