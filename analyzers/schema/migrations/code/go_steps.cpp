// Go migrations kept as a list of upgrade functions in one package (miniflux's
// internal/database/migrations.go): a package-level
//   var migrations = [...]func(tx *sql.Tx) error{ func(tx *sql.Tx) error {...}, upgradeTwo, ... }
// whose element i is version i + 1, or a map keyed by version,
//   var upgrades = map[int]func(*sql.Tx) error{1: initial, 2: addColumn},
// applied in version order. A list is recognised by its element type: a function that takes a
// database handle (a type named *sql.Tx, *sql.DB, pgx.Tx, *gorm.DB, ...), with at least two
// elements that Exec SQL. Each element is one MigrationFile of the same path, read by
// code/go_code.h; its name is the list's name and index ("migrations[3]") or the function's.
//
// The runner keeps a one-row table holding the count of versions applied (miniflux's
// schema_version(version)), so the tracking layout reads that number as "every version up to it".
#include <algorithm>
#include <cstring>
#include <optional>
#include <set>

#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using languages::field;
using languages::node_is;

/// A list literal's text may hold one: cheap test before parsing.
const source::TextGate kMayHoldList{{{"]func("}, {"Exec"}}};

/// The words that name a database handle in a parameter list.
constexpr std::string_view kHandleWords[] = {"Tx", "DB", "Conn", "sql.", "pgx", "gorm", "bun", "sqlx"};

bool names_handle(std::string_view params) {
  for (std::string_view h : kHandleWords)
    if (params.find(h) != std::string_view::npos) return true;
  return false;
}

/// A function type whose parameters include a database handle.
bool takes_handle(TSNode type, std::string_view text) {
  if (!node_is(type, "function_type")) return false;
  return names_handle(languages::node_text(field(type, "parameters"), text));
}

/// Read as text, before a parse: whether some `]func(` (the element type of a list, an array or
/// a map, as the gate's word) has parameters that name a handle (takes_handle). A Go SDK's
/// `map[string]func(*O, interface{})` passes the gate but is no list, and parsing it to learn so
/// cost more than the rest of the discovery. A parameter list not closed soon: it may.
bool may_hold_handle_list(std::string_view text) {
  for (size_t at = text.find("]func("); at != std::string_view::npos; at = text.find("]func(", at + 1)) {
    size_t open = at + 5, close = std::string_view::npos;
    int depth = 0;
    for (size_t k = open; k < text.size() && k < open + 4096; ++k) {
      if (text[k] == '(') ++depth;
      else if (text[k] == ')' && --depth == 0) {
        close = k;
        break;
      }
    }
    if (close == std::string_view::npos || names_handle(text.substr(open, close + 1 - open))) return true;
  }
  return false;
}

struct Upgrade {
  std::string version, name;
  TSNode fn{};
  uint32_t at = 0;
};

/// The upgrade list the file declares at package level, or empty.
std::vector<Upgrade> upgrade_list(const GoMigrationCode& go) {
  std::string_view text = go.text();
  for (TSNode spec : go.package_var_specs()) {
    TSNode values = field(spec, "value");
    if (ts_node_is_null(values) || ts_node_named_child_count(values) != 1) continue;  // var steps []func(*sql.Tx) error
    TSNode lit = ts_node_named_child(values, 0);
    if (!node_is(lit, "composite_literal")) continue;
    TSNode type = field(lit, "type");
    bool map = node_is(type, "map_type");
    TSNode element = map ? field(type, "value") : field(type, "element");
    if (!(map || node_is(type, "slice_type") || node_is(type, "array_type") ||
          node_is(type, "implicit_length_array_type")) ||
        !takes_handle(element, text))
      continue;
    std::string list_name(go.node_text(field(spec, "name")));
    std::vector<Upgrade> out;
    TSNode body = field(lit, "body");
    size_t index = 0, executing = 0;
    bool ok = true;
    for (uint32_t k = 0; k < ts_node_named_child_count(body) && ok; ++k) {
      TSNode e = ts_node_named_child(body, k);
      if (node_is(e, "comment")) continue;
      Upgrade u;
      TSNode value;
      if (node_is(e, "keyed_element")) {  // map or indexed list: the key is the version
        TSNode key = languages::first_named_child(ts_node_named_child(e, 0));
        if (ts_node_is_null(key)) key = ts_node_named_child(e, 0);
        if (!node_is(key, "int_literal")) ok = false;
        u.version = strip_leading_zeros(go.node_text(key));
        if (!map) {  // an index: the version is one more (a key too long for a number is no index)
          if (u.version.size() > 18 || !std::all_of(u.version.begin(), u.version.end(), [](char c) { return c >= '0' && c <= '9'; }))
            ok = false;
          else
            u.version = std::to_string(std::stoull(u.version.empty() ? "0" : u.version) + 1);
        }
        value = languages::first_named_child(ts_node_named_child(e, 1));
        if (ts_node_is_null(value)) value = ts_node_named_child(e, 1);
      } else {
        if (map) ok = false;
        u.version = std::to_string(index + 1);
        value = languages::first_named_child(e);
        if (ts_node_is_null(value)) value = e;
      }
      ++index;
      u.fn = go.upgrade_function(value);
      if (ts_node_is_null(u.fn)) {
        ok = false;
        break;
      }
      u.at = ts_node_start_byte(value);
      u.name = node_is(value, "identifier") ? std::string(go.node_text(value))
                                            : list_name + "[" + std::to_string(index - 1) + "]";
      if (go.node_text(u.fn).find("Exec") != std::string_view::npos) ++executing;
      out.push_back(std::move(u));
    }
    if (!ok || executing < 2) continue;
    std::stable_sort(out.begin(), out.end(),
                     [](const Upgrade& a, const Upgrade& b) { return compare_numbers(a.version, b.version) < 0; });
    return out;
  }
  return {};
}

/// The first of the folder's Go files that declares an upgrade list, or "".
const GoListTest kList{&kMayHoldList, [](const GoMigrationCode& go) { return !upgrade_list(go).empty(); },
                      may_hold_handle_list};

std::string list_file(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return go_list_file(fs, root, dir, kList);
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return !list_file(fs, root, dir).empty();
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) { return go_list_dirs(fs, root, kList); }

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  out->clear();
  std::string file = list_file(fs, root, dir);
  if (file.empty()) return true;
  std::string path = source::join_path(dir, file), text;
  if (!read_migration_text(fs, root, path, &text, err)) return false;
  languages::ProjectConstants constants = package_constants(fs, root, dir);
  DirectoryWords words(fs, root, dir);  // the package's words for opaque helpers, read once
  GoMigrationCode go(path, text, &constants);
  if (!go.ok() || ts_node_has_error(go.root())) {  // a list read past a syntax error would lose steps
    *err = path + ": does not parse as Go (a syntax error in the migrations)";
    return false;
  }
  for (const Upgrade& u : upgrade_list(go)) {
    MigrationFile m;
    m.path = path;
    m.version = u.version;
    m.name = u.name;
    m.format = "go-steps";
    m.text = text;
    fill_from_steps(go, go.steps(u.fn), u.at, [&](const std::vector<std::string>& names) { return words(names); }, &m.sql, &m.origin,
                    &m.notes, &m.uncertain_names);
    out->push_back(std::move(m));
  }
  return true;
}

// schema_version(version): one row, the number of versions applied (miniflux writes it as text
// after TRUNCATE). Every version up to it is applied.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version::text FROM " + from;
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) {
    std::string v = text_or_null(row[0]);
    if (v == "NULL" || v == "0") continue;
    push_applied(out, v, "", false, "version=" + v, /*covers=*/true);
  }
}
const TrackingLayout kTracking{"schema_version", "", {"version"}, "a Go runner's (version)", tracking_query, 1,
                               tracking_read};

}  // namespace

}  // namespace code

extern const Format kGoSteps{"go-steps", code::detect, code::load, &code::kTracking, {}, code::discover};

}  // namespace schemagate::schema::migrations
