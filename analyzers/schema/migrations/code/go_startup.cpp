// A schema the Go code creates when it starts, in a project with no migrations: a function that
// executes CREATE TABLE IF NOT EXISTS constants (and the ALTER TABLE ... ADD COLUMN IF NOT EXISTS
// and CREATE INDEX that follow them) on its handle, as gatus' createPostgresSchema does. Those
// statements are the project's only schema history, run in source order on every start, so they
// are read as the baseline, the way a schema dump is: a query naming a column that no statement
// of the function adds is a finding, as it would be against a migration.
//
// Only a last resort (migration_sets.cpp asks for it when no migration set and no dump is
// found), so a project with real migrations never reads its start-up code as schema. Functions
// for another engine (their file or name says sqlite, mysql..., or their package imports only
// another engine's driver) are left out; a function with a
// statement computed at run time makes the names of its strings uncertain, as a Go migration's.
#include <algorithm>
#include <cctype>

#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/gated_read.h"

namespace schemagate::schema::migrations {

namespace code {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const source::TextGate kMayCreate{{{"create table if not exists"}}, true};

/// Another engine's start-up code: its file or function names the engine.
bool other_engine(std::string_view name) {
  std::string l = lower(name);
  for (const char* e : {"sqlite", "mysql", "maria", "mssql", "sqlserver", "clickhouse", "cassandra", "oracle"})
    if (l.find(e) != std::string::npos) return true;
  return false;
}

/// How many CREATE TABLE statements the generated SQL holds.
size_t creates(const std::string& sql) {
  std::string l = lower(sql);
  size_t n = 0;
  for (size_t at = l.find("create table"); at != std::string::npos; at = l.find("create table", at + 1)) ++n;
  return n;
}

/// The top-level functions and methods of a parsed file.
std::vector<TSNode> functions(const GoMigrationCode& go) {
  std::vector<TSNode> out;
  TSNode root = go.root();
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode n = ts_node_named_child(root, i);
    std::string_view type = ts_node_type(n);
    if (type == "function_declaration" || type == "method_declaration") out.push_back(n);
  }
  return out;
}

}  // namespace

std::vector<MigrationFile> startup_schema(const source::FileSystem& fs, const std::string& root,
                                          std::vector<std::string>* other_engines) {
  std::vector<MigrationFile> out;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    if (!path.ends_with(".go") || path.ends_with("_test.go") || other_engine(path)) continue;
    std::string text, err;
    if (!source::read_if(fs, on_disk(root, path), kMayCreate, &text, &err)) continue;
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    languages::ProjectConstants constants = package_constants(fs, root, dir);
    GoMigrationCode go(path, text, &constants);
    if (!go.ok() || ts_node_has_error(go.root())) continue;
    // A package that opens another engine's driver and no PostgreSQL one (an app on SQLite:
    // `sql.Open("sqlite3", filename)` beside its CREATE TABLE IF NOT EXISTS constants) creates
    // that engine's schema: its dialect is not PostgreSQL's, nor its tables this schema's.
    std::string engine = source::other_engine_of_go_package(fs, root, path);
    for (TSNode fn : functions(go)) {
      std::string name(go.node_text(ts_node_child_by_field_name(fn, "name", 4)));
      if (other_engine(name)) continue;
      GoMigrationCode::Steps steps = go.steps(fn);
      if (creates(steps.sql.sql) < 2) continue;  // one table made in passing is not the schema
      if (!engine.empty()) {
        if (other_engines) other_engines->push_back(path + " (" + name + "(): " + engine + ")");
        continue;
      }
      MigrationFile m;
      m.path = path;
      m.version = std::to_string(out.size() + 1);
      m.name = name;
      m.format = "go-startup";
      m.text = text;
      fill_from_steps(go, std::move(steps), ts_node_start_byte(fn),
                      [&](const std::vector<std::string>& names) { return package_words(fs, root, dir, names); },
                      &m.sql, &m.origin, &m.notes, &m.uncertain_names);
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace code

}  // namespace schemagate::schema::migrations
