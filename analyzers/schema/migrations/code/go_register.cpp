// Go migrations that register themselves on a manager from init() functions, one file each
// (spicedb's internal/datastore/postgres/migrations/zz_migration.0002_add_reverse_index.go):
//   func init() {
//     if err := DatabaseMigrations.Register("add-reverse-index", "1eaeba4b8a73", noNonatomicMigration,
//         func(ctx context.Context, tx pgx.Tx) error { for _, stmt := range []string{...} { tx.Exec(ctx, stmt) } ... })
// The first argument is the version, the second the version it follows ("" for the first): the
// manager runs them as that chain, whatever the files' order. Every other argument that is a
// function (a literal or a top-level function; a nil function variable is none) is an upgrade,
// read by code/go_code.h, in argument order. A folder is this format when two files or more of it
// register a migration whose upgrade executes SQL. The manager keeps its version in a table its
// driver chooses: no tracking layout.
#include <optional>
#include <set>

#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using languages::field;
using languages::node_is;

const source::TextGate kMayRegister{{{".Register("}, {"func init()"}, {"Exec"}}};

struct Registration {
  std::string version, follows;
  std::vector<TSNode> upgrades;
  uint32_t at = 0;
};

/// A Go string literal's value ("..." or `...`), or nullopt for anything else.
std::optional<std::string> string_value(const GoMigrationCode& go, TSNode n) {
  if (!node_is(n, "interpreted_string_literal") && !node_is(n, "raw_string_literal")) return std::nullopt;
  std::string_view t = go.node_text(n);
  if (t.size() < 2 || t.find('\\') != std::string_view::npos) return std::nullopt;
  return std::string(t.substr(1, t.size() - 2));
}

/// The registrations of the file's init() functions: `X.Register("version", "follows", fn...)`
/// calls with an upgrade that executes SQL.
std::vector<Registration> registrations(const GoMigrationCode& go) {
  std::vector<Registration> out;
  TSNode root = go.root();
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode fn = ts_node_named_child(root, i);
    if (!node_is(fn, "function_declaration") || go.node_text(field(fn, "name")) != "init") continue;
    std::vector<TSNode> stack = {field(fn, "body")};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (ts_node_is_null(n)) continue;
      if (node_is(n, "call_expression")) {
        TSNode callee = field(n, "function");
        TSNode args = field(n, "arguments");
        if (node_is(callee, "selector_expression") && go.node_text(field(callee, "field")) == "Register" &&
            ts_node_named_child_count(args) >= 3) {
          auto version = string_value(go, ts_node_named_child(args, 0));
          auto follows = string_value(go, ts_node_named_child(args, 1));
          if (version && follows && !version->empty()) {
            Registration r{*version, *follows, {}, ts_node_start_byte(n)};
            bool executes = false;
            for (uint32_t a = 2; a < ts_node_named_child_count(args); ++a) {
              TSNode up = go.upgrade_function(ts_node_named_child(args, a));
              if (ts_node_is_null(up)) continue;
              executes = executes || go.node_text(up).find("Exec") != std::string_view::npos;
              r.upgrades.push_back(up);
            }
            if (executes) out.push_back(std::move(r));
            continue;
          }
        }
      }
      for (uint32_t k = ts_node_named_child_count(n); k-- > 0;) stack.push_back(ts_node_named_child(n, k));
    }
  }
  return out;
}

/// The folder's Go files (no tests) that register a migration, in name order.
std::vector<std::string> registering_files(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> out;
  for (const std::string& f : go_files(fs, root, dir)) {
    std::string path = source::join_path(dir, f), text, err;
    if (!source::read_if(fs, on_disk(root, path), kMayRegister, &text, &err)) continue;
    GoMigrationCode go(path, text, nullptr);
    if (go.ok() && !registrations(go).empty()) out.push_back(f);
  }
  return out;
}

const GoListTest kRegisters{&kMayRegister, [](const GoMigrationCode& go) { return !registrations(go).empty(); }};

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return registering_files(fs, root, dir).size() >= 2;
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::vector<std::string> out;
  for (std::string& dir : go_list_dirs(fs, root, kRegisters))
    if (detect(fs, root, dir)) out.push_back(std::move(dir));
  return out;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  out->clear();
  languages::ProjectConstants constants = package_constants(fs, root, dir);
  DirectoryWords words(fs, root, dir);  // the package's words for opaque helpers, read once
  for (const std::string& f : registering_files(fs, root, dir)) {
    std::string path = source::join_path(dir, f), text;
    if (!read_migration_text(fs, root, path, &text, err)) return false;
    GoMigrationCode go(path, text, &constants);
    if (!go.ok() || ts_node_has_error(go.root())) {
      *err = path + ": does not parse as Go (a syntax error in the migrations)";
      return false;
    }
    for (const Registration& r : registrations(go)) {
      GoMigrationCode::Steps steps;
      for (TSNode up : r.upgrades) {
        GoMigrationCode::Steps s = go.steps(up);
        steps.sql.sql += s.sql.sql;
        steps.sql.origin.insert(steps.sql.origin.end(), s.sql.origin.begin(), s.sql.origin.end());
        steps.sql.notes.insert(steps.sql.notes.end(), s.sql.notes.begin(), s.sql.notes.end());
        steps.unknown = steps.unknown || s.unknown;
        steps.opaque_helper = steps.opaque_helper || s.opaque_helper;
        steps.helpers.insert(steps.helpers.end(), s.helpers.begin(), s.helpers.end());
        steps.functions.insert(steps.functions.end(), s.functions.begin(), s.functions.end());
      }
      MigrationFile m;
      m.path = path;
      m.version = r.version;
      m.name = r.version;
      m.format = "go-register";
      m.text = text;
      if (!r.follows.empty()) m.depends_on.push_back(r.follows);
      fill_from_steps(go, std::move(steps), r.at,
                      [&](const std::vector<std::string>& names) { return words(names); }, &m.sql,
                      &m.origin, &m.notes, &m.uncertain_names);
      out->push_back(std::move(m));
    }
  }
  return true;
}

}  // namespace

}  // namespace code

extern const Format kGoRegister{.name = "go-register", .detect = code::detect, .load = code::load,
                                .discover = code::discover, .duplicate_versions = DuplicateVersions::Text};

}  // namespace schemagate::schema::migrations
