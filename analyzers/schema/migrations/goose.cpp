// goose (SQL migrations): "<version>_<name>.sql" with the up SQL after a "-- +goose Up"
// annotation and the down SQL after "-- +goose Down". Annotations are case-insensitive and start
// at column 0 (goose's ^--\s\+goose\s.*$). "-- +goose StatementBegin/End" and the other
// annotations inside the up section are SQL comments and stay; everything outside it is blanked.
//
// goose parses the version as an int64, so "00003" is version "3" and 10 runs after 9. goose
// refuses a SQL migration without an Up annotation, so such a file is an error here too.
//
// Go migrations ("<version>_<name>.go" calling goose.AddMigration*(up, down)) interleave with the
// SQL ones by version; their up function is read with tree-sitter (code/go_code.h): the literal
// SQL its Exec calls run is applied, a statement computed at run time makes the file's names
// uncertain. A numbered .go file that registers nothing is a helper of the package, not a step.
#include <algorithm>
#include <cctype>
#include <map>

#include <cstring>
#include <optional>
#include <set>

#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/up_section.h"
#include "analyzers/source/discovery.h"

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

// Whether `line` is "-- +goose <command>" for this command. A line test, not sql/scan.h on
// purpose: goose reads its annotations line by line, not as SQL tokens.
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

/// The up function a goose Go migration registers (`goose.AddMigrationContext(up, down)`,
/// `goose.AddNamedMigrationNoTx("name.go", up, down)`), or a null node: none, nil, or one the
/// file does not define.
TSNode registered_up(const code::GoMigrationCode& go, bool* registers) {
  std::vector<TSNode> stack{go.root()};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (ts_node_is_null(n)) continue;
    if (!std::strcmp(ts_node_type(n), "call_expression")) {
      TSNode fn = ts_node_child_by_field_name(n, "function", 8);
      if (!std::strcmp(ts_node_type(fn), "selector_expression") &&
          go.node_text(ts_node_child_by_field_name(fn, "operand", 7)) == "goose") {
        std::string_view name = go.node_text(ts_node_child_by_field_name(fn, "field", 5));
        bool named = name.starts_with("AddNamedMigration");
        if (named || name.starts_with("AddMigration")) {
          *registers = true;
          TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
          std::vector<TSNode> list;
          for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i)
            if (std::strcmp(ts_node_type(ts_node_named_child(args, i)), "comment"))
              list.push_back(ts_node_named_child(args, i));
          size_t up = named ? 1 : 0;
          return up < list.size() ? go.upgrade_function(list[up]) : TSNode{};
        }
      }
    }
    for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
  }
  return TSNode{};
}

/// Whether a Go file registers a goose migration (by its text, before parsing).
bool registers_goose_migration(std::string_view text) {
  return text.find("goose.AddMigration") != std::string_view::npos ||
         text.find("goose.AddNamedMigration") != std::string_view::npos;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  for (const std::string& file : migration_names(fs, root, dir)) {
    std::string text;
    if (fs.read(on_disk(root, source::join_path(dir, file)), &text, nullptr) &&
        has_line(text, is_up))
      return true;
  }
  // A folder of Go migrations only.
  for (const std::string& file : go_migration_names(fs, root, dir)) {
    std::string text;
    if (fs.read(on_disk(root, source::join_path(dir, file)), &text, nullptr) && registers_goose_migration(text))
      return true;
  }
  return false;
}

/// Folders whose numbered Go files register goose migrations and hold no SQL ones: discovery
/// lists folders of .sql files only.
std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::set<std::string> dirs;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    std::string_view name = std::string_view(path).substr(slash == std::string::npos ? 0 : slash + 1);
    size_t digits = leading_digits(name).size();
    if (!name.ends_with(".go") || name.ends_with("_test.go") || digits == 0 || name[digits] != '_' || dirs.count(dir))
      continue;
    std::string text, err;
    if (fs.read(on_disk(root, path), &text, &err) && registers_goose_migration(text)) dirs.insert(dir);
  }
  return {dirs.begin(), dirs.end()};
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
  {
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
  std::optional<languages::ProjectConstants> constants;  // the package's, once a Go file needs them
  code::DirectoryWords package_words(fs, root, dir);        // the package's words, read once
  for (MigrationFile& m : files) {
    std::string text;
    if (!read_migration_text(fs, root, m.path, &text, err)) return false;
    if (m.text == "go") {
      if (!registers_goose_migration(text)) {  // a helper file of the package
        m.text.clear();
        m.version.clear();
        continue;
      }
      m.text = text;
      if (!constants) constants = code::package_constants(fs, root, dir);
      code::GoMigrationCode go(m.path, m.text, &*constants);
      if (go.ok() && go.syntax_error()) {
        if (err) *err = m.path + ": does not parse as Go (a syntax error in the migration)";
        return false;
      }
      bool registers = false;
      TSNode up = go.ok() ? registered_up(go, &registers) : TSNode{};
      if (ts_node_is_null(up)) {
        // Registered through a variable, or not parsed: a step the model does not follow.
        m.uncertain_names = code::words_in_go_strings(text);
        m.notes.push_back({0, "goose migration written in Go whose up function is not found in the file: the "
                              "relations its strings name are not checked for what it may create"});
        continue;
      }
      code::fill_from_steps(go, go.steps(up), ts_node_start_byte(up), [&](const std::vector<std::string>& names) { return package_words(names); },
                            &m.sql, &m.origin, &m.notes, &m.uncertain_names);
      continue;
    }
    if (!extract_up_section(text, is_up, is_down, &m.sql)) {
      if (err)
        *err = m.path + ": no '-- +goose Up' annotation; goose requires one in every SQL "
                        "migration (add it on its own line above the SQL that applies the change)";
      return false;
    }
  }
  std::erase_if(files, [](const MigrationFile& m) { return m.version.empty(); });
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
std::string tracking_bad_row(const TextRow& row) {
  if (!is_digits(row[0])) return "version_id is not a non-negative integer";
  if (!is_boolean(row[1])) return "is_applied is not a boolean";
  return "";
}
const TrackingLayout kTracking{.table = "goose_db_version", .schema = "",
                               .columns = {"id", "version_id", "is_applied"},
                               .described = "goose's (id, version_id, is_applied, tstamp)", .query = tracking_query,
                               .width = 2, .read = tracking_read, .bad_row = tracking_bad_row};

}  // namespace

extern const Format kGoose{.name = "goose", .detect = detect, .load = load, .tracking = &kTracking, .discover = discover,
                           .sql_files = true};

}  // namespace schemagate::schema::migrations
