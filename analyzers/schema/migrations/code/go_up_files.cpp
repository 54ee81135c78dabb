// Numbered up files in SQL and in Go, run by a project's own runner (concourse's atc/db/migration):
//   1510262030_initial_schema.up.sql
//   1516643303_update_auth_providers.up.go    func (m *migrations) Up_1516643303() error { ... m.Exec(...) }
// The runner lists the folder, parses the version from the leading digits, sorts by version and
// runs each up file: the SQL as written, a Go file by calling the method its text names
// (`Up_<digits>`) through reflection. golang-migrate would take the .go file for SQL and fail, so a
// folder of up files with a Go one is this runner's. The Go method's steps are read as other Go
// migration code (code/go_code.h): the SQL its Exec calls run, a statement built at run time an
// unknown step whose words become uncertain.
//
// The runner sorts by version alone, so two files of one version (two tables added by one commit)
// run in either order: kept, in name order, as the runner accepts them.
//
// Tracking: migrations_history(version, tstamp, direction, status, dirty), one row per run of a
// file; the newest row not failed decides: after an up run every version up to it is applied,
// after a down run every version before it.
#include <algorithm>
#include <optional>

#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using languages::field;
using languages::node_is;

/// An up file of the runner ("<digits>_<name><suffix>"), not a Go test file.
bool match_name(std::string_view file, std::string_view suffix, std::string_view* digits, std::string_view* name) {
  return !file.ends_with("_test.go") && match_numbered_name(file, suffix, digits, name);
}

std::vector<std::string> up_files(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                                  std::string_view suffix) {
  std::vector<std::string> out;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir))) {
    std::string_view digits, name;
    if (!e.is_dir && match_name(e.name, suffix, &digits, &name)) out.push_back(e.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return !up_files(fs, root, dir, ".up.go").empty() && !up_files(fs, root, dir, ".up.sql").empty();
}

/// The method (or function) named `name` declared at the top of the file, or a null node.
TSNode declared(const GoMigrationCode& go, std::string_view name) {
  TSNode root = go.root();
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode d = ts_node_named_child(root, i);
    if ((node_is(d, "method_declaration") || node_is(d, "function_declaration")) &&
        go.node_text(field(d, "name")) == name)
      return d;
  }
  return TSNode{};
}

/// The name the runner calls: the first `Up_<digits>` of the text, as its parser finds it.
std::string up_method(std::string_view text) {
  for (size_t at = text.find("Up_"); at != std::string_view::npos; at = text.find("Up_", at + 3)) {
    std::string_view digits = leading_digits(text.substr(at + 3));
    return std::string(text.substr(at, 3 + digits.size()));
  }
  return "";
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (std::string_view suffix : {std::string_view(".up.sql"), std::string_view(".up.go")})
    for (const std::string& file : up_files(fs, root, dir, suffix)) {
      std::string_view digits, name;
      match_name(file, suffix, &digits, &name);
      MigrationFile m;
      m.path = source::join_path(dir, file);
      m.version = strip_leading_zeros(digits);
      m.name = std::string(name);
      m.format = "go-up-files";
      if (suffix == ".up.go") m.text = "go";  // read below
      files.push_back(std::move(m));
    }
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    if (int c = compare_numbers(a.version, b.version); c != 0) return c < 0;
    return a.path < b.path;
  });
  std::optional<languages::ProjectConstants> constants;
  DirectoryWords words(fs, root, dir);  // the package's words for opaque helpers, read once
  for (MigrationFile& m : files) {
    if (m.text != "go") {
      if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
      continue;
    }
    if (!read_migration_text(fs, root, m.path, &m.text, err)) return false;
    if (!constants) constants = package_constants(fs, root, dir);
    GoMigrationCode go(m.path, m.text, &*constants);
    if (go.ok() && go.syntax_error()) {
      if (err) *err = m.path + ": does not parse as Go (a syntax error in the migration)";
      return false;
    }
    std::string method = up_method(m.text);
    TSNode up = go.ok() && !method.empty() ? declared(go, method) : TSNode{};
    if (ts_node_is_null(up)) {
      m.uncertain_names = words_in_go_strings(m.text);
      m.origin.push_back(0);
      m.notes.push_back({0, "Go migration whose " + (method.empty() ? std::string("Up_<version> method") : method) +
                                " is not declared in the file: the relations its strings name are not checked "
                                "for what it may create"});
      continue;
    }
    fill_from_steps(
        go, go.steps(up), ts_node_start_byte(up),
        [&](const std::vector<std::string>& names) { return words(names); }, &m.sql, &m.origin,
        &m.notes, &m.uncertain_names);
  }
  *out = std::move(files);
  return true;
}

// migrations_history: the newest row (by tstamp) that did not fail, as the runner's
// CurrentVersion reads it.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version::text, direction, status FROM " + from + " ORDER BY tstamp";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (auto row = rows.rbegin(); row != rows.rend(); ++row)
    if (text_or_null((*row)[2]) != "failed") {
      std::string version = text_or_null((*row)[0]), direction = text_or_null((*row)[1]);
      push_applied(out, version, direction, false,
                   "version=" + version + " direction=" + direction + " status=" + text_or_null((*row)[2]), true);
      return;
    }
}
std::string tracking_bad_row(const TextRow& row) {
  if (!is_digits(row[0])) return "version is not a non-negative integer";
  if (!row[1] || (*row[1] != "up" && *row[1] != "down")) return "direction is neither up nor down";
  return "";
}
/// Up to the newest version after an up run; below it after a down run.
bool tracking_applied(const MigrationFile& file, const TrackingContext& ctx, std::vector<bool>* matched) {
  for (size_t i = 0; i < ctx.rows.size(); ++i) {
    (*matched)[i] = true;
    int c = compare_numbers(file.version, ctx.rows[i].version);
    return ctx.rows[i].name == "down" ? c < 0 : c <= 0;
  }
  return false;
}
const TrackingLayout kTracking{.table = "migrations_history", .schema = "",
                               .columns = {"version", "tstamp", "direction", "status"},
                               .described = "the runner's (version, tstamp, direction, status, dirty)",
                               .query = tracking_query, .width = 3, .read = tracking_read,
                               .bad_row = tracking_bad_row, .applied = tracking_applied};

}  // namespace

}  // namespace code

extern const Format kGoUpFiles{.name = "go-up-files", .detect = code::detect, .load = code::load,
                               .tracking = &code::kTracking, .duplicate_versions = DuplicateVersions::NotJudged};

}  // namespace schemagate::schema::migrations
