// Sequelize migrations (sequelize-cli, or umzug with a Sequelize storage): .js/.ts files in a
// migrations directory, each exporting `up(queryInterface, Sequelize)` (umzug:
// `up({ context: queryInterface })`), applied in file-name order and recorded in
// "SequelizeMeta"(name) by file name. Each queryInterface call of up becomes the statement
// Sequelize's PostgreSQL query generator runs for it:
//   createTable('t', { id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
//                      name: { type: Sequelize.STRING, allowNull: false } })
//     -> CREATE TABLE IF NOT EXISTS "t" ("id" SERIAL, "name" VARCHAR(255) NOT NULL, PRIMARY KEY ("id"))
//   addColumn, removeColumn, renameColumn, changeColumn, renameTable, dropTable, addIndex,
//   addConstraint (unique), and queryInterface.sequelize.query('SQL').
// Types follow Sequelize's DataTypes for PostgreSQL: STRING is VARCHAR(255), DATE is
// TIMESTAMP WITH TIME ZONE, ENUM creates the type "enum_<table>_<column>". A default that
// Sequelize computes in JavaScript (UUIDV4, NOW) is no column default. A name computed at run
// time is a step that cannot be followed: a note, and the file's string words become uncertain.
#include <cctype>
#include <map>

#include "analyzers/schema/migrations/code/js_migration.h"

namespace schemagate::schema::migrations {
namespace code {
namespace {

using js::JsFile;
using js::arguments;
using js::field;
using js::unwrap;
using js::Link;
using datalayers::js::Key;
using datalayers::js::object_keys;

struct Attribute {
  std::string name, type, default_sql;
  std::vector<std::string> enum_values;
  bool not_null = false, primary = false, unique = false, auto_increment = false, has_default = false, known = true;
};

class SequelizeTranslator {
 public:
  SequelizeTranslator(const JsFile& f, std::string qi, js::Translation* out) : f_(f), qi_(std::move(qi)), out_(out) {}

  bool step(TSNode n) {
    if (!js::is(n, "call_expression")) return false;
    TSNode root;
    std::vector<Link> links = js::chain(f_, n, &root);
    if (links.empty() || !js::is(root, "identifier")) return false;
    std::string_view r = f_.text(root);
    if (r != qi_ && r != "queryInterface") return false;
    // queryInterface.sequelize.query('SQL')
    if (links.size() == 2 && links[0].method == "sequelize" && links[1].method == "query" && links[1].call) {
      raw(links[1]);
      return true;
    }
    if (links.size() != 1 || !links[0].call) return false;
    op(links[0]);
    return true;
  }

 private:
  static std::string q(std::string_view s) { return quote_ident(s); }
  void run(const std::string& stmt, TSNode at) { out_->sql.emit(stmt, ts_node_start_byte(at)); }
  void unknown(TSNode at, const std::string& why) {
    out_->uncertain = true;
    out_->sql.notes.push_back({ts_node_start_byte(at), why});
  }

  void raw(const Link& l) {
    std::optional<js::JsString> s = l.args.empty() ? std::nullopt : f_.string(l.args[0]);
    if (s && !s->complete && js::run_time_constraint_step(*s, f_.src())) {
      // Constraints of names computed at run time: no table or column changes.
      out_->sql.notes.push_back({ts_node_start_byte(l.node), "sequelize.query() of a constraint named at run time: not modelled"});
      return;
    }
    if (!s || !s->complete) return unknown(l.node, "sequelize.query() of SQL built at run time: not modelled");
    js::emit_js_string(&out_->sql, *s);
  }

  /// A table argument: 'name' or { tableName, schema }.
  bool table_arg(TSNode n, std::string* table, std::string* plain) const {
    if (auto s = f_.name(n)) {
      *table = q(*s);
      *plain = *s;
      return true;
    }
    std::vector<Key> keys;
    if (!object_keys(n, f_.src(), &keys)) return false;
    std::string name, schema;
    for (const Key& k : keys) {
      if (k.name == "tableName") name = f_.name(k.value).value_or("");
      if (k.name == "schema") schema = f_.name(k.value).value_or("");
    }
    if (name.empty()) return false;
    *table = schema.empty() ? q(name) : q(schema) + "." + q(name);
    *plain = name;
    return true;
  }

  /// The SQL type of a DataTypes expression: Sequelize.STRING, DataTypes.STRING(100),
  /// Sequelize.DECIMAL(10, 2), Sequelize.ARRAY(Sequelize.TEXT), Sequelize.ENUM('a', 'b'), 'TEXT'.
  std::string type_of(TSNode n, Attribute* a) const {
    n = unwrap(n);
    if (auto s = f_.name(n)) return *s;
    std::vector<TSNode> args;
    std::string_view kind;
    std::string_view sub;
    if (js::is(n, "call_expression")) {
      TSNode fn = unwrap(field(n, "function"));
      if (!js::is(fn, "member_expression")) return "";
      kind = f_.text(field(fn, "property"));
      args = arguments(n);
    } else if (js::is(n, "member_expression")) {
      kind = f_.text(field(n, "property"));
      TSNode obj = unwrap(field(n, "object"));
      if (kind == "BINARY" || kind == "UNSIGNED" || kind == "ZEROFILL") {  // STRING.BINARY
        sub = kind;
        kind = js::is(obj, "member_expression") ? f_.text(field(obj, "property")) : std::string_view{};
      }
    } else {
      return "";
    }
    auto num = [&](size_t i) { return i < args.size() ? f_.integer(args[i]) : std::nullopt; };
    static const std::map<std::string_view, const char*> fixed = {
        {"TEXT", "TEXT"}, {"CITEXT", "CITEXT"}, {"INTEGER", "INTEGER"}, {"BIGINT", "BIGINT"}, {"SMALLINT", "SMALLINT"},
        {"TINYINT", "SMALLINT"}, {"MEDIUMINT", "INTEGER"}, {"FLOAT", "FLOAT"}, {"DOUBLE", "DOUBLE PRECISION"},
        {"REAL", "REAL"}, {"BOOLEAN", "BOOLEAN"}, {"DATEONLY", "DATE"}, {"TIME", "TIME"}, {"UUID", "UUID"},
        {"JSON", "JSON"}, {"JSONB", "JSONB"}, {"BLOB", "BYTEA"}, {"INET", "INET"}, {"CIDR", "CIDR"},
        {"MACADDR", "MACADDR"}, {"TSVECTOR", "TSVECTOR"}, {"GEOMETRY", "GEOMETRY"}, {"GEOGRAPHY", "GEOGRAPHY"},
        {"HSTORE", "HSTORE"}, {"UUIDV4", "UUID"},
    };
    if (kind == "STRING") {
      if (sub == "BINARY") return "BYTEA";
      return "VARCHAR(" + std::to_string(num(0).value_or(255)) + ")";
    }
    if (kind == "CHAR") return "CHAR(" + std::to_string(num(0).value_or(255)) + ")";
    if (kind == "DATE") return "TIMESTAMP WITH TIME ZONE";
    if (kind == "DECIMAL" || kind == "NUMERIC") {
      if (num(0) && num(1)) return "DECIMAL(" + std::to_string(*num(0)) + "," + std::to_string(*num(1)) + ")";
      if (num(0)) return "DECIMAL(" + std::to_string(*num(0)) + ")";
      return "DECIMAL";
    }
    if (kind == "ARRAY" && !args.empty()) {
      std::string inner = type_of(args[0], a);
      return inner.empty() ? "" : inner + "[]";
    }
    if (kind == "ENUM") {
      for (TSNode v : args) {
        TSNode u = unwrap(v);
        if (js::is(u, "array")) {
          for (uint32_t k = 0; k < ts_node_named_child_count(u); ++k)
            if (auto s = f_.name(ts_node_named_child(u, k))) a->enum_values.push_back(*s);
        } else if (auto s = f_.name(u)) {
          a->enum_values.push_back(*s);
        }
      }
      return "ENUM";
    }
    if (auto it = fixed.find(kind); it != fixed.end()) return it->second;
    return "";
  }

  std::optional<std::string> default_sql(TSNode v) const {
    v = unwrap(v);
    if (js::is(v, "null")) return std::string("NULL");
    if (js::is(v, "true") || js::is(v, "false") || js::is(v, "number") || js::is(v, "unary_expression"))
      return std::string(f_.text(v));
    if (auto s = f_.name(v)) return js::quote_literal(*s);
    TSNode root;
    std::vector<Link> links = js::chain(f_, v, &root);
    if (!links.empty()) {
      std::string_view m = links.back().method;
      // Computed by Sequelize in JavaScript, never a column default.
      if (m == "NOW" || m == "UUIDV4" || m == "UUIDV1") return std::nullopt;
      if ((m == "fn" || m == "literal") && links.back().call && !links.back().args.empty())
        if (auto s = f_.name(links.back().args[0])) return m == "fn" ? *s + "()" : *s;
    }
    if (js::is(v, "array") || js::is(v, "object")) return std::string("'{}'");
    return std::string("NULL");  // some default
  }

  /// `name: { type, allowNull, ... }` or `name: Sequelize.STRING`.
  Attribute attribute(const std::string& name, TSNode value) const {
    Attribute a;
    a.name = name;
    value = unwrap(value);
    std::vector<Key> keys;
    if (js::is(value, "object") && object_keys(value, f_.src(), &keys)) {
      for (const Key& k : keys) {
        if (k.name == "type") a.type = type_of(k.value, &a);
        else if (k.name == "allowNull") a.not_null = f_.text(k.value) == "false";
        else if (k.name == "primaryKey") a.primary = f_.text(k.value) == "true";
        else if (k.name == "autoIncrement") a.auto_increment = f_.text(k.value) == "true";
        else if (k.name == "unique") a.unique = f_.text(k.value) == "true" || f_.name(k.value).has_value();
        else if (k.name == "field") a.name = f_.name(k.value).value_or(a.name);
        else if (k.name == "defaultValue") {
          if (auto d = default_sql(k.value)) a.default_sql = *d, a.has_default = true;
        }
      }
    } else {
      a.type = type_of(value, &a);
    }
    if (a.type.empty()) a.known = false, a.type = "TEXT";
    if (a.auto_increment) a.type = a.type == "BIGINT" ? "BIGSERIAL" : "SERIAL";
    return a;
  }

  std::string column_sql(const std::string& table, const Attribute& a, bool inline_pk, TSNode at) {
    std::string type = a.type;
    if (type == "ENUM") {
      std::string enum_name = "enum_" + table + "_" + a.name, vals;
      for (const std::string& v : a.enum_values) vals += (vals.empty() ? "" : ", ") + js::quote_literal(v);
      run("CREATE TYPE " + q(enum_name) + " AS ENUM(" + vals + ")", at);
      type = q(enum_name);
    }
    std::string d = q(a.name) + " " + type;
    if (a.not_null) d += " NOT NULL";
    if (a.has_default) d += " DEFAULT " + a.default_sql;
    if (a.unique) d += " UNIQUE";
    if (a.primary && inline_pk) d += " PRIMARY KEY";
    return d;
  }

  void op(const Link& l) {
    std::string_view m = l.method;
    auto arg = [&](size_t i) { return i < l.args.size() ? l.args[i] : TSNode{}; };
    auto arg_name = [&](size_t i) { return f_.name(arg(i)); };
    std::string table, plain;
    bool has_table = !ts_node_is_null(arg(0)) && table_arg(arg(0), &table, &plain);
    if (m == "createTable") {
      if (!has_table) return unknown(l.node, "createTable of a name computed at run time: not modelled");
      std::vector<Key> keys;
      if (!object_keys(arg(1), f_.src(), &keys)) return unknown(l.node, "createTable with attributes computed at run time: not modelled");
      std::vector<Attribute> attrs;
      for (const Key& k : keys) attrs.push_back(attribute(k.name, k.value));
      std::string body, pk;
      for (const Attribute& a : attrs) {
        body += (body.empty() ? "" : ", ") + column_sql(plain, a, false, l.node);
        if (a.primary) pk += (pk.empty() ? "" : ", ") + q(a.name);
      }
      if (!pk.empty()) body += ", PRIMARY KEY (" + pk + ")";
      return run("CREATE TABLE IF NOT EXISTS " + table + " (" + body + ")", l.node);
    }
    if (m == "addColumn") {
      auto col = arg_name(1);
      if (!has_table || !col) return unknown(l.node, "addColumn of a name computed at run time: not modelled");
      Attribute a = attribute(*col, arg(2));
      return run("ALTER TABLE " + table + " ADD COLUMN " + column_sql(plain, a, true, l.node), l.node);
    }
    if (m == "removeColumn") {
      auto col = arg_name(1);
      if (!has_table || !col) return unknown(l.node, "removeColumn of a name computed at run time: not modelled");
      return run("ALTER TABLE " + table + " DROP COLUMN " + q(*col), l.node);
    }
    if (m == "renameColumn") {
      auto from = arg_name(1), to = arg_name(2);
      if (!has_table || !from || !to) return unknown(l.node, "renameColumn of names computed at run time: not modelled");
      return run("ALTER TABLE " + table + " RENAME COLUMN " + q(*from) + " TO " + q(*to), l.node);
    }
    if (m == "changeColumn") {
      auto col = arg_name(1);
      if (!has_table || !col) return unknown(l.node, "changeColumn of a name computed at run time: not modelled");
      Attribute a = attribute(*col, arg(2));
      std::string alter = "ALTER TABLE " + table + " ALTER COLUMN " + q(*col);
      run(alter + (a.not_null ? " SET NOT NULL" : " DROP NOT NULL"), l.node);
      run(alter + (a.has_default ? " SET DEFAULT " + a.default_sql : " DROP DEFAULT"), l.node);
      if (a.known && a.type != "ENUM" && a.type != "SERIAL" && a.type != "BIGSERIAL")
        run(alter + " TYPE " + a.type + " USING (" + q(*col) + "::" + a.type + ")", l.node);
      return;
    }
    if (m == "renameTable") {
      auto to = arg_name(1);
      if (!has_table || !to) return unknown(l.node, "renameTable of names computed at run time: not modelled");
      return run("ALTER TABLE " + table + " RENAME TO " + q(*to), l.node);
    }
    if (m == "dropTable") {
      if (!has_table) return unknown(l.node, "dropTable of a name computed at run time: not modelled");
      return run("DROP TABLE IF EXISTS " + table, l.node);
    }
    if (m == "addIndex" || m == "addConstraint") {
      // addIndex(table, ['a'], { unique }) / addIndex(table, { fields, unique, name });
      // addConstraint(table, { type: 'unique', fields, name }). Other indexes change no column.
      if (!has_table) return;
      TSNode fields{}, options{};
      std::vector<Key> keys;
      if (js::is(unwrap(arg(1)), "array")) fields = unwrap(arg(1)), options = arg(2);
      else options = arg(1);
      bool unique = false;
      std::string name;
      if (object_keys(options, f_.src(), &keys))
        for (const Key& k : keys) {
          if (k.name == "fields") fields = unwrap(k.value);
          if (k.name == "unique") unique = f_.text(k.value) == "true";
          if (k.name == "type" || k.name == "indicesType") {  // 'unique' / 'UNIQUE'
            std::string t = f_.name(k.value).value_or("");
            for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            unique = unique || t == "unique";
          }
          if (k.name == "name") name = f_.name(k.value).value_or("");
        }
      if (!unique || !js::is(fields, "array")) return;
      std::string list, key = plain;
      for (uint32_t k = 0; k < ts_node_named_child_count(fields); ++k) {
        auto c = f_.name(ts_node_named_child(fields, k));
        if (!c) return;
        list += (list.empty() ? "" : ", ") + q(*c);
        key += "_" + *c;
      }
      if (m == "addIndex") return run("CREATE UNIQUE INDEX " + q(name.empty() ? key : name) + " ON " + table + " (" + list + ")", l.node);
      return run("ALTER TABLE " + table + " ADD CONSTRAINT " + q(name.empty() ? key + "_uk" : name) + " UNIQUE (" + list + ")", l.node);
    }
    if (m == "bulkInsert" || m == "bulkDelete" || m == "bulkUpdate" || m == "removeIndex" ||
        m == "removeConstraint" || m == "describeTable" || m == "showAllTables" || m == "select" ||
        m == "rawSelect" || m == "insert" || m == "update" || m == "delete" || m == "upsert")
      return;  // data, or no column appears or goes
    if (m == "createSchema") {
      if (auto s = arg_name(0)) run("CREATE SCHEMA IF NOT EXISTS " + q(*s), l.node);
      return;
    }
    unknown(l.node, "queryInterface." + std::string(m) + "() is not known to schemagate: not modelled");
  }

  const JsFile& f_;
  std::string qi_;
  js::Translation* out_;
};

void translate(const JsFile& file, TSNode up, const std::vector<std::string>& params, js::Translation* out) {
  SequelizeTranslator tr(file, params.empty() ? "queryInterface" : params[0], out);
  js::walk_steps(file, JsFile::body_of(up), [&](TSNode n) { return tr.step(n); }, &out->sql.notes);
}

bool sequelize_file(std::string_view text) {
  return text.find("queryInterface") != std::string_view::npos || text.find("QueryInterface") != std::string_view::npos;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return js::any_script(fs, root, dir, sequelize_file);
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  return js::discover_dirs(fs, root, sequelize_file);
}

/// sequelize-cli records the file name, extension included.
std::string version(const std::string& file, std::string_view) { return file; }

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  return js::load_scripts(fs, root, dir, "sequelize", version, translate, out, err);
}

// "SequelizeMeta"(name): one row per applied file.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT name FROM " + from + " ORDER BY name";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "name=" + text_or_null(row[0]));
}
const TrackingLayout kTracking{"SequelizeMeta", "", {"name"}, "sequelize-cli's (name)", tracking_query, 1,
                               tracking_read, /*text_versions=*/true};

}  // namespace
}  // namespace code

extern const Format kSequelize{.name = "sequelize", .detect = code::detect, .load = code::load, .tracking = &code::kTracking,
                               .discover = code::discover, .apply_command = "npx sequelize-cli db:migrate"};

}  // namespace schemagate::schema::migrations
