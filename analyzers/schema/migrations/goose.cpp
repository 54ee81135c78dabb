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

// goose migrations written in Go ("<digits>_name.go", registered with goose.AddMigration...):
// their statements are built at run time, so they are steps the model does not follow.
std::vector<std::string> go_migration_names(const source::FileSystem& fs, const std::string& root,
                                            const std::string& dir) {
  std::vector<std::string> names;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir))) {
    if (e.is_dir || !e.name.ends_with(".go") || e.name.ends_with("_test.go")) continue;
    size_t digits = leading_digits(e.name).size();
    if (digits > 0 && e.name[digits] == '_') names.push_back(e.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// Every identifier-shaped word inside the string literals of Go source: the names a Go
/// migration may create, alter or drop ("v1_event", "%s_external_id_seen_at" gives
/// "external_id_seen_at" too).
std::vector<std::string> words_in_go_strings(std::string_view text) {
  std::vector<std::string> words;
  auto add_words = [&](std::string_view lit) {
    size_t i = 0;
    while (i < lit.size()) {
      unsigned char c = static_cast<unsigned char>(lit[i]);
      if (std::isalpha(c) || c == '_') {
        size_t start = i;
        while (i < lit.size() && (std::isalnum(static_cast<unsigned char>(lit[i])) || lit[i] == '_')) ++i;
        std::string w(lit.substr(start, i - start));
        for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        words.push_back(std::move(w));
      } else {
        ++i;
      }
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "//") == 0) {
      size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? text.size() : nl;
    } else if (text[i] == '"' || text[i] == '`') {
      char q = text[i];
      size_t j = i + 1;
      while (j < text.size() && text[j] != q && !(q == '"' && text[j] == '\n')) j += (q == '"' && text[j] == '\\') ? 2 : 1;
      add_words(text.substr(i + 1, std::min(j, text.size()) - i - 1));
      i = j;
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
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
  // Go migrations interleave with the SQL ones by version (goose registers both in one list).
  if (!files.empty()) {
    for (const std::string& file : go_migration_names(fs, root, dir)) {
      std::string_view stem = std::string_view(file).substr(0, file.size() - 3);
      MigrationFile m;
      m.path = source::join_path(dir, file);
      m.version = strip_leading_zeros(leading_digits(stem));
      m.name = std::string(description_after_version(stem));
      m.format = "goose";
      m.text = "go";  // marks the step written in Go for the loop below
      files.push_back(std::move(m));
    }
  }
  // goose rejects duplicate versions; the path keeps the order total anyway.
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    if (int c = compare_numbers(a.version, b.version); c != 0) return c < 0;
    return a.path < b.path;
  });
  for (MigrationFile& m : files) {
    std::string text;
    if (!read_migration_text(fs, root, m.path, &text, err)) return false;
    if (m.text == "go") {
      m.text.clear();
      m.uncertain_names = words_in_go_strings(text);
      m.notes.push_back({0, "goose migration written in Go: its statements are built at run time; the relations "
                            "its strings name are not checked for what it may create"});
      m.text = text;
      continue;
    }
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
