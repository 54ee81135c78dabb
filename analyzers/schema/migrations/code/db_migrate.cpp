// db-migrate (Node, db-migrate-pg) migrations: .js files named "<timestamp>-<name>.js", each
// exporting `up(db, callback)`, applied in file-name order and recorded in migrations(id, name,
// run_on) as "/<file name without .js>". The calls of up on its `db` parameter become the
// statements the PostgreSQL driver runs for them:
//   db.runSql("ALTER TABLE features ADD description text", cb)   the SQL as written
//   db.dropTable("t"), db.removeColumn("t", "c"), db.renameColumn("t", "a", "b"), db.renameTable
//   db.createTable("t", { id: { type: "int", primaryKey: true, autoIncrement: true }, name: "string" })
//   db.addColumn("t", "c", { type: "string", notNull: true, defaultValue: "x" })
// Reads (db.all, db.runSql of a SELECT) change nothing. SQL built at run time (a file read from
// sqls/, a template with `${}`), or a column type the driver's map does not have, is a step that
// cannot be followed: a note, and the file's string words become uncertain names.
#include <cstring>
#include <map>

#include "analyzers/schema/migrations/code/js_migration.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {
namespace code {
namespace {

using js::JsFile;
using js::Link;

/// db-migrate-shared's type names as db-migrate-pg spells them (mapDataType).
std::optional<std::string> pg_type(std::string_view t, bool auto_increment) {
  std::string s(t);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto_increment && (s == "int" || s == "integer")) return "serial";
  if (auto_increment && s == "bigint") return "bigserial";
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {"string", "varchar"}, {"char", "char"},       {"text", "text"},           {"int", "integer"},
      {"integer", "integer"}, {"smallint", "smallint"}, {"bigint", "bigint"},   {"real", "real"},
      {"decimal", "decimal"}, {"boolean", "boolean"}, {"date", "date"},           {"time", "time"},
      {"datetime", "timestamp"}, {"timestamp", "timestamp"}, {"blob", "bytea"},   {"binary", "bytea"},
      {"json", "json"},       {"jsonb", "jsonb"},     {"uuid", "uuid"},           {"serial", "serial"},
      {"bigserial", "bigserial"}, {"timestamptz", "timestamptz"}};
  if (auto it = kTypes.find(s); it != kTypes.end()) return it->second;
  return std::nullopt;
}

class Translator {
 public:
  Translator(const JsFile& f, const std::string& db, js::Translation* out) : f_(f), db_(db), out_(out) {}

  bool step(TSNode n) {
    if (!js::is(n, "call_expression")) return false;
    TSNode root;
    std::vector<Link> links = js::chain(f_, n, &root);
    if (links.size() != 1 || !links[0].call || !js::is(root, "identifier") || f_.text(root) != db_) return false;
    const Link& l = links[0];
    std::string_view m = l.method;
    auto name = [&](size_t i) { return i < l.args.size() ? f_.name(l.args[i]) : std::nullopt; };
    if (m == "runSql") {
      std::optional<js::JsString> s = l.args.empty() ? std::nullopt : f_.string(l.args[0]);
      if (!s || !s->complete) return unknown(l.node, "runSql of SQL built at run time: not modelled");
      js::emit_js_string(&out_->sql, *s);
    } else if (m == "all") {
      // a read
    } else if (m == "dropTable") {
      if (auto t = name(0)) run("DROP TABLE IF EXISTS " + q(*t), n);
      else return unknown(n, "dropTable of a table named at run time: not modelled");
    } else if (m == "removeColumn") {
      auto t = name(0), c = name(1);
      if (t && c) run("ALTER TABLE " + q(*t) + " DROP COLUMN " + q(*c), n);
      else return unknown(n, "removeColumn with names computed at run time: not modelled");
    } else if (m == "renameColumn") {
      auto t = name(0), a = name(1), b = name(2);
      if (t && a && b) run("ALTER TABLE " + q(*t) + " RENAME COLUMN " + q(*a) + " TO " + q(*b), n);
      else return unknown(n, "renameColumn with names computed at run time: not modelled");
    } else if (m == "renameTable") {
      auto a = name(0), b = name(1);
      if (a && b) run("ALTER TABLE " + q(*a) + " RENAME TO " + q(*b), n);
      else return unknown(n, "renameTable with names computed at run time: not modelled");
    } else if (m == "addColumn") {
      auto t = name(0), c = name(1);
      std::optional<std::string> def = t && c && l.args.size() > 2 ? column(*c, l.args[2]) : std::nullopt;
      if (!def) return unknown(n, "addColumn whose name or type is not a literal db-migrate knows: not modelled");
      run("ALTER TABLE " + q(*t) + " ADD COLUMN " + *def, n);
    } else if (m == "createTable") {
      auto t = name(0);
      TSNode spec = l.args.size() > 1 ? js::unwrap(l.args[1]) : TSNode{};
      // createTable("t", { columns: {...}, ifNotExists: true }) or createTable("t", {...columns})
      bool if_not_exists = false;
      if (js::is(spec, "object"))
        for (TSNode p : pairs(spec))
          if (auto k = key(p); k == "columns") {
            if_not_exists = if_not_exists || flag(spec, "ifNotExists");
            spec = js::unwrap(field(p, "value"));
            break;
          }
      if (!t || !js::is(spec, "object")) return unknown(n, "createTable whose name or columns are computed at run time: not modelled");
      std::string defs;
      for (TSNode p : pairs(spec)) {
        std::optional<std::string> k = key(p);
        std::optional<std::string> d = k ? column(*k, field(p, "value")) : std::nullopt;
        if (!d) return unknown(n, "createTable with a column db-migrate's type map does not give: not modelled");
        defs += (defs.empty() ? "" : ", ") + *d;
      }
      run(std::string("CREATE TABLE ") + (if_not_exists ? "IF NOT EXISTS " : "") + q(*t) + " (" + defs + ")", n);
    } else {
      return unknown(n, "db." + std::string(m) + ": not modelled");
    }
    return true;
  }

 private:
  static TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }
  static std::vector<TSNode> pairs(TSNode obj) {
    std::vector<TSNode> out;
    for (uint32_t i = 0, n = ts_node_named_child_count(obj); i < n; ++i)
      if (js::is(ts_node_named_child(obj, i), "pair")) out.push_back(ts_node_named_child(obj, i));
    return out;
  }
  std::optional<std::string> key(TSNode pair) const {
    TSNode k = field(pair, "key");
    if (js::is(k, "property_identifier")) return std::string(f_.text(k));
    return f_.name(k);
  }
  TSNode value_of(TSNode obj, std::string_view name) const {
    for (TSNode p : pairs(obj))
      if (key(p) == name) return js::unwrap(field(p, "value"));
    return TSNode{};
  }
  bool flag(TSNode obj, std::string_view name) const { return f_.text(value_of(obj, name)) == "true"; }

  /// A column definition from db-migrate's spec: a type name string, or { type, length,
  /// primaryKey, autoIncrement, notNull, unique, defaultValue }.
  std::optional<std::string> column(const std::string& name, TSNode spec) const {
    spec = js::unwrap(spec);
    if (auto t = f_.name(spec)) {
      auto type = pg_type(*t, false);
      if (!type) return std::nullopt;
      return q(name) + " " + *type;
    }
    if (!js::is(spec, "object")) return std::nullopt;
    std::optional<std::string> t = f_.name(value_of(spec, "type"));
    if (!t) return std::nullopt;
    bool primary = flag(spec, "primaryKey"), serial = flag(spec, "autoIncrement");
    auto type = pg_type(*t, serial);
    if (!type) return std::nullopt;
    std::string d = q(name) + " " + *type;
    if (auto len = f_.integer(value_of(spec, "length")); len && (*type == "varchar" || *type == "char"))
      d += "(" + std::to_string(*len) + ")";
    if (flag(spec, "notNull")) d += " NOT NULL";
    if (!ts_node_is_null(value_of(spec, "defaultValue"))) d += " DEFAULT NULL";  // a default exists; its value does not matter here
    if (primary) d += " PRIMARY KEY";
    if (flag(spec, "unique")) d += " UNIQUE";
    return d;
  }

  void run(const std::string& stmt, TSNode at) { out_->sql.emit(stmt, ts_node_start_byte(at)); }
  bool unknown(TSNode at, const std::string& why) {
    out_->uncertain = true;
    out_->sql.notes.push_back({ts_node_start_byte(at), why});
    return true;
  }
  static std::string q(std::string_view s) { return quote_ident(s); }

  const JsFile& f_;
  std::string db_;
  js::Translation* out_;
};

void translate(const JsFile& file, TSNode up, const std::vector<std::string>& params, js::Translation* out) {
  if (params.empty()) return;
  Translator tr(file, params[0], out);
  js::walk_steps(file, JsFile::body_of(up), [&](TSNode n) { return tr.step(n); }, &out->sql.notes);
}

/// `exports.up = function (db, callback)` with the driver's calls on it, in a file of a
/// db-migrate project (its calls are db-migrate's own: runSql, createTable, addColumn).
bool db_migrate_file(std::string_view text) {
  if (text.find("knex") != std::string_view::npos || text.find("queryInterface") != std::string_view::npos)
    return false;
  bool up = text.find("exports.up") != std::string_view::npos || text.find("up = function") != std::string_view::npos;
  return up && (text.find(".runSql(") != std::string_view::npos || text.find(".createTable(") != std::string_view::npos ||
                text.find(".addColumn(") != std::string_view::npos);
}

/// A file name db-migrate takes: "<digits>-<name>.js".
bool db_migrate_name(std::string_view file) {
  std::string_view d = leading_digits(file);
  return !d.empty() && d.size() < file.size() && file[d.size()] == '-';
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  for (const std::string& f : js::script_names(fs, root, dir))
    if (db_migrate_name(f)) return js::any_script(fs, root, dir, db_migrate_file);
  return false;
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::vector<std::string> out;
  for (std::string& d : js::discover_dirs(fs, root, db_migrate_file))
    if (detect(fs, root, d)) out.push_back(std::move(d));
  return out;
}

/// db-migrate records "/<name without extension>"; the version kept here is the name itself.
std::string version(const std::string& file, std::string_view) {
  size_t dot = file.rfind('.');
  return dot == std::string::npos ? file : file.substr(0, dot);
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  if (!js::load_scripts(fs, root, dir, "db-migrate", version, translate, &files, err)) return false;
  std::erase_if(files, [](const MigrationFile& m) { return !db_migrate_name(last_component(m.path)); });
  *out = std::move(files);
  return true;
}

// migrations(id, name, run_on): one row per applied file, its name with a leading "/".
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT name FROM " + from + " ORDER BY id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) {
    std::string name = text_or_null(row[0]);
    push_applied(out, name.starts_with("/") ? name.substr(1) : name, "", false, "name=" + name);
  }
}
const TrackingLayout kTracking{"migrations", "", {"id", "name", "run_on"}, "db-migrate's (id, name, run_on)",
                               tracking_query, 1, tracking_read, /*text_versions=*/true};

}  // namespace
}  // namespace code

extern const Format kDbMigrate{.name = "db-migrate", .detect = code::detect, .load = code::load,
                               .tracking = &code::kTracking, .discover = code::discover,
                               .apply_command = "npx db-migrate up"};

}  // namespace schemagate::schema::migrations
