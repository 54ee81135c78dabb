// ardanlabs/darwin: one .sql file holds every migration, each opened by a `-- Version: 1.01`
// line (a `-- Description: ...` line after it) and running to the next; darwin.ParseMigrations
// reads the file (usually embedded with //go:embed) and Execs each script whole, in the order of
// the versions (numbers: 1.1 < 1.02 is false, 1.02 < 1.1 is true). A script needs no `;` at its
// end, so the file is no one SQL text: each migration is the file with every other one blanked
// (lines kept), whose messages point at the file's own lines. A folder is darwin's when the Go
// module holding it requires github.com/ardanlabs/darwin and one of its .sql files opens a
// version so. Its table darwin_migrations(version real, description, checksum, applied_at, ...)
// records one row per version.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"

namespace schemagate::schema::migrations {

namespace {

struct Block {
  std::string version, description;
  size_t begin = 0, end = 0;  ///< the script: from the line after the version's to the next version's line
};

/// `-- Version: 1.01` at the start of a line (blanks around the parts, any case of "version").
bool version_line(std::string_view line, std::string* version) {
  size_t i = 0;
  auto blanks = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  blanks();
  if (line.substr(i, 2) != "--") return false;
  i += 2;
  blanks();
  std::string word;
  while (i < line.size() && std::isalpha(static_cast<unsigned char>(line[i])))
    word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(line[i++]))));
  if (word != "version" || i >= line.size() || line[i] != ':') return false;
  ++i;
  blanks();
  size_t b = i;
  while (i < line.size() && (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '.')) ++i;
  if (i == b) return false;
  *version = std::string(line.substr(b, i - b));
  blanks();
  return i == line.size() || line[i] == '\r';
}

std::vector<Block> blocks_of(std::string_view text) {
  std::vector<Block> out;
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string version;
    if (version_line(text.substr(at, end - at), &version)) {
      if (!out.empty()) out.back().end = at;
      Block b;
      b.version = version;
      b.begin = nl == std::string_view::npos ? text.size() : nl + 1;
      out.push_back(std::move(b));
    } else if (!out.empty() && out.back().description.empty()) {
      std::string_view line = text.substr(at, end - at);
      size_t d = line.find("Description:");
      if (line.find("--") != std::string_view::npos && d != std::string_view::npos) {
        std::string_view rest = line.substr(d + 12);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
        while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
        out.back().description = std::string(rest);
      }
    }
    at = end + 1;
  }
  if (!out.empty()) out.back().end = text.size();
  return out;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> names = sql_file_names(fs, root, dir);
  if (names.empty() || !go_module_requires(fs, root, dir, {"github.com/ardanlabs/darwin"})) return false;
  for (const std::string& name : names) {
    std::string text, err;
    if (fs.read(on_disk(root, source::join_path(dir, name)), &text, &err) && !blocks_of(text).empty()) return true;
  }
  return false;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& name : sql_file_names(fs, root, dir)) {
    std::string path = source::join_path(dir, name), text;
    if (!read_migration_text(fs, root, path, &text, err)) return false;
    for (const Block& b : blocks_of(text)) {
      MigrationFile m;
      m.path = path;
      m.version = b.version;
      m.name = b.description;
      m.format = "darwin";
      // The file with every other script blanked: offsets are the file's.
      m.sql.assign(text.size(), ' ');
      for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') m.sql[i] = '\n';
      std::copy(text.begin() + static_cast<std::ptrdiff_t>(b.begin), text.begin() + static_cast<std::ptrdiff_t>(b.end),
                m.sql.begin() + static_cast<std::ptrdiff_t>(b.begin));
      files.push_back(std::move(m));
    }
  }
  std::stable_sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    return std::strtod(a.version.c_str(), nullptr) < std::strtod(b.version.c_str(), nullptr);
  });
  *out = std::move(files);
  return true;
}

// darwin_migrations(id, version real, description, checksum, applied_at, execution_time): a row
// per version applied.
std::string tracking_query(const std::string& from, const Relation&) { return "SELECT version::text FROM " + from; }
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "version=" + text_or_null(row[0]));
}
const TrackingLayout kTracking{.table = "darwin_migrations", .schema = "", .columns = {"version", "checksum"},
                               .described = "darwin's (version, description, checksum)", .query = tracking_query,
                               .width = 1, .read = tracking_read};

}  // namespace

extern const Format kDarwin{.name = "darwin", .detect = detect, .load = load, .tracking = &kTracking, .sql_files = true};

}  // namespace schemagate::schema::migrations
