// Knex migrations: .js/.ts files in a migrations directory, each exporting `up(knex)`, applied in
// file-name order and recorded in knex_migrations(name) by file name. Each schema builder call of
// up becomes the statement Knex's PostgreSQL dialect runs for it (lib/dialects/postgres/schema):
//   knex.schema.createTable('t', t => { t.increments(); t.string('name', 100).notNullable() })
//     -> create table "t" ("id" serial primary key, "name" varchar(100) not null)
//   alterTable / table: add column, .alter(), dropColumn(s), renameColumn, dropTimestamps,
//   unique / primary; renameTable, dropTable(IfExists), createSchema(IfNotExists),
//   createExtension(IfNotExists), withSchema('s'); knex.raw / knex.schema.raw: their SQL.
// A table or column name computed at run time, or raw SQL with bindings or `${}`, is a step
// that cannot be followed: a note, and the file's string words become uncertain names. Of a
// branch on the database engine (`switch (client) { case 'pg': ... case 'mssql': ... }`), only
// what runs on PostgreSQL is read (js_engine_branch.h).
#include <algorithm>
#include <cctype>
#include <map>

#include "analyzers/schema/migrations/code/js_migration.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {
namespace code {
namespace {

using js::JsFile;
using js::arguments;
using js::field;
using js::unwrap;
using js::Link;

class KnexTranslator {
 public:
  KnexTranslator(const JsFile& f, js::Translation* out) : f_(f), out_(out) {}

  bool step(TSNode n) {
    if (!is_call(n)) return false;
    TSNode root;
    std::vector<Link> links = js::chain(f_, n, &root);
    if (links.empty()) return false;
    // knex.raw(sql) / knex.schema.raw(sql)
    size_t schema_at = links.size();
    for (size_t i = 0; i < links.size(); ++i)
      if (!links[i].call && links[i].method == "schema") {
        schema_at = i;
        break;
      }
    if (schema_at == links.size()) {
      if (links.size() == 1 && links[0].method == "raw" && js::is(root, "identifier")) {
        // A statement of its own; knex.raw('visits v') given to another call is a fragment.
        TSNode p = ts_node_parent(n);
        while (js::is(p, "await_expression") || js::is(p, "parenthesized_expression")) p = ts_node_parent(p);
        if (js::is(p, "expression_statement") || js::is(p, "return_statement") || js::is(p, "arrow_function") ||
            js::is(p, "variable_declarator"))
          raw(links[0]);
        return true;
      }
      return false;
    }
    std::string schema;
    for (size_t i = schema_at + 1; i < links.size(); ++i) schema_op(links[i], &schema);
    return true;
  }

 private:
  static bool is_call(TSNode n) { return js::is(n, "call_expression"); }

  std::string q(std::string_view name) const { return quote_ident(name); }
  std::string qualified(const std::string& schema, const std::string& t) const {
    return schema.empty() ? q(t) : q(schema) + "." + q(t);
  }
  void run(const std::string& stmt, TSNode at) { out_->sql.emit(stmt, ts_node_start_byte(at)); }
  void unknown(TSNode at, const std::string& why) {
    out_->uncertain = true;
    out_->sql.notes.push_back({ts_node_start_byte(at), why});
  }

  /// Whether the step stands in an `if` that asks `hasColumn(...)`, directly or through a variable
  /// set from it (kutt's `const hasCooldowns = await knex.schema.hasColumn(...); if (hasCooldowns)`):
  /// it runs only when the column exists, as `drop column if exists` does.
  bool under_has_column(TSNode n) const {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (!js::is(p, "if_statement")) continue;
      std::string cond;
      for (char c : f_.text(field(p, "condition")))
        if (c != '(' && c != ')' && !std::isspace(static_cast<unsigned char>(c))) cond.push_back(c);
      if (cond.starts_with("await")) return cond.find(".hasColumn") != std::string::npos;
      if (cond.empty() || !std::all_of(cond.begin(), cond.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
        return false;
      bool set = false;
      datalayers::js::walk(f_.root(), [&](TSNode d) {
        if (js::is(d, "variable_declarator") && f_.text(field(d, "name")) == cond &&
            f_.text(field(d, "value")).find(".hasColumn(") != std::string_view::npos)
          set = true;
      });
      return set;
    }
    return false;
  }

  void raw(const Link& l) {
    if (l.args.empty()) return;
    std::optional<js::JsString> s = f_.string(l.args[0]);
    if (!s || !s->complete || l.args.size() > 1) return unknown(l.node, "raw SQL built at run time or with bindings: not modelled");
    js::emit_js_string(&out_->sql, *s);
  }

  void schema_op(const Link& l, std::string* schema) {
    std::string_view m = l.method;
    auto arg_name = [&](size_t i) { return i < l.args.size() ? f_.name(l.args[i]) : std::nullopt; };
    if (m == "withSchema") {
      *schema = arg_name(0).value_or("");
      return;
    }
    if (m == "raw") return raw(l);
    if (m == "createTable" || m == "createTableIfNotExists") {
      auto t = arg_name(0);
      if (!t) return unknown(l.node, "createTable of a name computed at run time: not modelled");
      return table(*schema, *t, l.args.size() > 1 ? l.args[1] : TSNode{}, true, m == "createTableIfNotExists", l.node);
    }
    if (m == "alterTable" || m == "table") {
      auto t = arg_name(0);
      if (!t) return unknown(l.node, "alterTable of a name computed at run time: not modelled");
      return table(*schema, *t, l.args.size() > 1 ? l.args[1] : TSNode{}, false, false, l.node);
    }
    if (m == "renameTable") {
      auto from = arg_name(0), to = arg_name(1);
      if (!from || !to) return unknown(l.node, "renameTable of names computed at run time: not modelled");
      return run("alter table " + qualified(*schema, *from) + " rename to " + q(*to), l.node);
    }
    if (m == "dropTable" || m == "dropTableIfExists") {
      auto t = arg_name(0);
      if (!t) return unknown(l.node, "dropTable of a name computed at run time: not modelled");
      return run(std::string("drop table ") + (m == "dropTableIfExists" ? "if exists " : "") + qualified(*schema, *t), l.node);
    }
    if (m == "createSchema" || m == "createSchemaIfNotExists") {
      auto s = arg_name(0);
      if (s) run(std::string("create schema ") + (m == "createSchemaIfNotExists" ? "if not exists " : "") + q(*s), l.node);
      return;
    }
    if (m == "dropSchema" || m == "dropSchemaIfExists") {
      auto s = arg_name(0);
      if (s) run(std::string("drop schema ") + (m == "dropSchemaIfExists" ? "if exists " : "") + q(*s), l.node);
      return;
    }
    if (m == "createExtension" || m == "createExtensionIfNotExists") {
      auto s = arg_name(0);
      if (s) run(std::string("create extension ") + (m == "createExtensionIfNotExists" ? "if not exists " : "") + q(*s), l.node);
      return;
    }
    if (m == "then") {  // knex.schema.createTable(...).then(() => knex.schema...)
      for (TSNode a : l.args) js::walk_steps(f_, a, [&](TSNode n) { return step(n); }, &out_->sql.notes);
      return;
    }
    if (m == "hasTable" || m == "hasColumn" || m == "catch" || m == "finally" || m == "dropExtension" ||
        m == "dropExtensionIfExists" || m == "toString" || m == "toSQL" || m == "generateDdlCommands")
      return;
    unknown(l.node, "knex.schema." + std::string(m) + "() is not known to schemagate: not modelled");
  }

  struct Column {
    std::string name, type;
    std::string extra;  // default, not null, primary key
    TSNode at{};
    bool alter = false, nullable_given = false, not_null = false;
    std::string default_sql;
    bool has_default = false, drop_default = false, primary = false, unique = false;
  };

  /// The PostgreSQL type of a column builder method with its arguments (name first); "" when
  /// the method is not a column type.
  std::string column_type(std::string_view m, const std::vector<TSNode>& a, TSNode* options) const {
    auto num = [&](size_t i) { return i < a.size() ? f_.integer(a[i]) : std::nullopt; };
    static const std::map<std::string_view, const char*> fixed = {
        {"integer", "integer"}, {"mediumint", "integer"}, {"bigInteger", "bigint"}, {"bigint", "bigint"},
        {"smallint", "smallint"}, {"tinyint", "smallint"}, {"text", "text"}, {"boolean", "boolean"},
        {"date", "date"}, {"binary", "bytea"}, {"json", "json"}, {"jsonb", "jsonb"}, {"uuid", "uuid"},
        {"double", "double precision"}, {"float", "real"}, {"geometry", "geometry"}, {"geography", "geography"},
        {"point", "point"}, {"inet", "inet"},
    };
    if (auto it = fixed.find(m); it != fixed.end()) return it->second;
    if (m == "increments") return "serial";
    if (m == "bigIncrements") return "bigserial";
    if (m == "string" || m == "varchar") return "varchar(" + std::to_string(num(1).value_or(255)) + ")";
    if (m == "decimal") {
      if (a.size() > 1 && js::is(unwrap(a[1]), "null")) return "decimal";
      return "decimal(" + std::to_string(num(1).value_or(8)) + ", " + std::to_string(num(2).value_or(2)) + ")";
    }
    if (m == "datetime" || m == "dateTime" || m == "timestamp") {
      if (a.size() > 1) *options = a[1];
      bool without = options && !ts_node_is_null(*options) && f_.text(*options).find("useTz: false") != std::string_view::npos;
      without = without || (a.size() > 1 && f_.text(a[1]) == "true");  // timestamp(name, withoutTz)
      return without ? "timestamp" : "timestamptz";
    }
    if (m == "time") return "time";
    if (m == "specificType") return a.size() > 1 ? f_.name(a[1]).value_or("") : "";
    if (m == "enu" || m == "enum") {
      // { useNative: true, enumName: 'x' } names a type; otherwise text with a CHECK.
      if (a.size() > 2) {
        std::string_view opts = f_.text(a[2]);
        if (opts.find("useNative") != std::string_view::npos && opts.find("true") != std::string_view::npos) {
          std::vector<datalayers::js::Key> keys;
          if (datalayers::js::object_keys(a[2], f_.src(), &keys))
            for (const datalayers::js::Key& k : keys)
              if (k.name == "enumName")
                if (auto n = f_.name(k.value)) return q(*n);
          return "text";
        }
      }
      return "text";
    }
    return "";
  }

  std::optional<std::string> default_sql(TSNode v) const {
    v = unwrap(v);
    if (js::is(v, "null")) return std::string("null");
    if (js::is(v, "true") || js::is(v, "false") || js::is(v, "number")) return std::string(f_.text(v));
    if (js::is(v, "unary_expression")) return std::string(f_.text(v));
    if (auto s = f_.name(v)) return js::quote_literal(*s);
    // knex.fn.now(), knex.raw('now()'): an expression.
    TSNode root;
    std::vector<Link> links = js::chain(f_, v, &root);
    if (!links.empty() && links.back().method == "now") return std::string("CURRENT_TIMESTAMP");
    if (!links.empty() && links.back().method == "raw" && !links.back().args.empty())
      if (auto s = f_.name(links.back().args[0])) return *s;
    return std::string("null");  // some default, computed at run time
  }

  void table(const std::string& schema, const std::string& name, TSNode callback, bool creating, bool if_not_exists,
             TSNode at) {
    std::string tq = qualified(schema, name);
    std::vector<std::string> defs, after;
    callback = unwrap(callback);
    std::vector<std::string> params = f_.parameters(callback);
    std::string t = params.empty() ? "" : params[0];
    TSNode body = JsFile::body_of(callback);
    auto add_after = [&](const std::string& s, TSNode n) {
      if (creating) after.push_back(s);
      else run(s, n);
    };
    if (!t.empty() && !ts_node_is_null(body)) {
      js::walk_steps(f_, body, [&](TSNode n) {
        if (!js::is(n, "call_expression")) return false;
        TSNode root;
        std::vector<Link> links = js::chain(f_, n, &root);
        if (links.empty() || !js::is(root, "identifier") || f_.text(root) != t) return false;
        const Link& first = links[0];
        std::string_view m = first.method;
        auto arg_name = [&](size_t i) { return i < first.args.size() ? f_.name(first.args[i]) : std::nullopt; };
        auto names_of = [&](size_t from, std::vector<std::string>* out) {
          for (size_t i = from; i < first.args.size(); ++i) {
            TSNode a = unwrap(first.args[i]);
            if (js::is(a, "array")) {
              for (uint32_t k = 0; k < ts_node_named_child_count(a); ++k) {
                auto nm = f_.name(ts_node_named_child(a, k));
                if (!nm) return false;
                out->push_back(*nm);
              }
            } else if (auto nm = f_.name(a)) {
              out->push_back(*nm);
            } else {
              return false;
            }
          }
          return true;
        };
        if (m == "dropColumn" || m == "dropColumns") {
          std::vector<std::string> cols;
          if (!names_of(0, &cols)) return unknown(n, "dropColumn of a name computed at run time: not modelled"), true;
          std::string if_exists = under_has_column(n) ? "if exists " : "";
          for (const std::string& c : cols) run("alter table " + tq + " drop column " + if_exists + q(c), n);
          return true;
        }
        if (m == "renameColumn") {
          auto from = arg_name(0), to = arg_name(1);
          if (!from || !to) return unknown(n, "renameColumn of names computed at run time: not modelled"), true;
          run("alter table " + tq + " rename " + q(*from) + " to " + q(*to), n);
          return true;
        }
        if (m == "dropTimestamps") {
          bool camel = !first.args.empty() && f_.text(first.args[0]) == "true";
          run("alter table " + tq + " drop column " + q(camel ? "createdAt" : "created_at") + ", drop column " +
                  q(camel ? "updatedAt" : "updated_at"),
              n);
          return true;
        }
        if (m == "timestamps") {
          // timestamps(useTimestamps, defaultToNow, useCamelCase)
          bool now = first.args.size() > 1 && f_.text(first.args[1]) == "true";
          bool camel = first.args.size() > 2 && f_.text(first.args[2]) == "true";
          std::string type = "timestamptz";  // both `timestamp` and `datetime` are timestamptz
          std::string extra = now ? " not null default CURRENT_TIMESTAMP" : "";
          for (const char* c : {camel ? "createdAt" : "created_at", camel ? "updatedAt" : "updated_at"}) {
            std::string d = q(c) + " " + type + extra;
            if (creating) defs.push_back(d);
            else run("alter table " + tq + " add column " + d, n);
          }
          return true;
        }
        if (m == "unique" || m == "primary") {
          std::vector<std::string> cols;
          if (first.args.empty() || !names_of(0, &cols)) {
            // unique(cols, { indexName }) has an options object; only plain lists are followed
            cols.clear();
            TSNode a0 = first.args.empty() ? TSNode{} : unwrap(first.args[0]);
            if (!js::is(a0, "array")) return true;
            for (uint32_t k = 0; k < ts_node_named_child_count(a0); ++k)
              if (auto nm = f_.name(ts_node_named_child(a0, k))) cols.push_back(*nm);
              else return true;
          }
          std::string list, key = name;
          for (const std::string& c : cols) list += (list.empty() ? "" : ", ") + q(c), key += "_" + c;
          if (m == "primary") {
            add_after("alter table " + tq + " add constraint " + q(name + "_pkey") + " primary key (" + list + ")", n);
          } else {
            std::string idx = key + "_unique";
            if (first.args.size() > 1)
              if (auto given = f_.name(first.args[1])) idx = *given;
            for (char& c : idx)
              if (c == '-' || c == '.') c = '_';
            add_after("alter table " + tq + " add constraint " + q(idx) + " unique (" + list + ")", n);
          }
          return true;
        }
        if (m == "index" || m == "dropIndex" || m == "foreign" || m == "dropForeign" || m == "dropUnique" ||
            m == "dropPrimary" || m == "comment" || m == "engine" || m == "charset" || m == "collate" ||
            m == "inherits" || m == "check" || m == "dropChecks" || m == "setNullable" || m == "dropNullable")
        {
          if ((m == "setNullable" || m == "dropNullable") && arg_name(0))
            run("alter table " + tq + " alter column " + q(*arg_name(0)) + (m == "setNullable" ? " drop not null" : " set not null"), n);
          return true;
        }
        TSNode options{};
        std::string type = column_type(m, first.args, &options);
        if (type.empty()) {
          unknown(n, "table." + std::string(m) + "() is not known to schemagate: not modelled");
          return true;
        }
        Column c;
        c.at = n;
        std::optional<std::string> cname = arg_name(0);
        if (!cname && (m == "increments" || m == "bigIncrements") && first.args.empty()) cname = "id";
        if (!cname) return unknown(n, "a column named at run time: not modelled"), true;
        c.name = *cname;
        c.type = type;
        if (m == "increments" || m == "bigIncrements") {
          c.primary = true;
          if (first.args.size() > 1 && f_.text(first.args[1]).find("primaryKey: false") != std::string_view::npos)
            c.primary = false;
        }
        if (m == "enu" || m == "enum") {
          if (type == "text" && first.args.size() > 1 && js::is(unwrap(first.args[1]), "array")) {
            std::string vals;
            TSNode arr = unwrap(first.args[1]);
            for (uint32_t k = 0; k < ts_node_named_child_count(arr); ++k)
              if (auto v = f_.name(ts_node_named_child(arr, k))) vals += (vals.empty() ? "" : ", ") + js::quote_literal(*v);
            if (!vals.empty()) c.extra = " check (" + q(c.name) + " in (" + vals + "))";
          }
        }
        for (size_t i = 1; i < links.size(); ++i) {
          std::string_view mod = links[i].method;
          if (mod == "notNullable") c.not_null = true, c.nullable_given = true;
          else if (mod == "nullable") c.not_null = false, c.nullable_given = true;
          else if (mod == "defaultTo" && !links[i].args.empty()) {
            c.has_default = true;
            c.default_sql = default_sql(links[i].args[0]).value_or("null");
          } else if (mod == "primary") c.primary = true;
          else if (mod == "unique") c.unique = true;
          else if (mod == "alter") c.alter = true;
        }
        if (c.alter && !creating) {
          std::string a = "alter table " + tq + " alter column " + q(c.name);
          std::string plain_type = c.type == "serial" ? "integer" : c.type == "bigserial" ? "bigint" : c.type;
          run(a + " drop default", n);
          run(a + " drop not null", n);
          run(a + " type " + plain_type + " using (" + q(c.name) + "::" + plain_type + ")", n);
          if (c.has_default) run(a + " set default " + c.default_sql, n);
          if (c.not_null) run(a + " set not null", n);
          return true;
        }
        std::string d = q(c.name) + " " + c.type + c.extra;
        if (c.not_null) d += " not null";
        if (c.has_default) d += " default " + c.default_sql;
        if (c.primary && !c.alter) d += " primary key";
        if (creating) defs.push_back(d);
        else run("alter table " + tq + " add column " + d, n);
        if (c.unique)
          add_after("alter table " + tq + " add constraint " + q(name + "_" + c.name + "_unique") + " unique (" + q(c.name) + ")", n);
        return true;
      }, &out_->sql.notes);
    }
    if (creating) {
      std::string list;
      for (const std::string& d : defs) list += (list.empty() ? "" : ", ") + d;
      run(std::string("create table ") + (if_not_exists ? "if not exists " : "") + tq + " (" + list + ")", at);
      for (const std::string& s : after) run(s, at);
    }
  }

  const JsFile& f_;
  js::Translation* out_;
};

void translate(const JsFile& file, TSNode up, const std::vector<std::string>&, js::Translation* out) {
  KnexTranslator tr(file, out);
  js::walk_steps(file, JsFile::body_of(up), [&](TSNode n) { return tr.step(n); }, &out->sql.notes);
}

bool knex_file(std::string_view text) {
  if (text.find("queryInterface") != std::string_view::npos || text.find("QueryInterface") != std::string_view::npos ||
      text.find("queryRunner") != std::string_view::npos || text.find("Kysely") != std::string_view::npos ||
      text.find("'kysely'") != std::string_view::npos || text.find("\"kysely\"") != std::string_view::npos)
    return false;
  bool up = text.find("exports.up") != std::string_view::npos || text.find("function up") != std::string_view::npos ||
            text.find("up =") != std::string_view::npos || text.find("up(") != std::string_view::npos ||
            text.find("up:") != std::string_view::npos;
  bool knex = text.find("knex") != std::string_view::npos || text.find("Knex") != std::string_view::npos;
  return up && knex && (text.find(".schema") != std::string_view::npos || text.find(".raw(") != std::string_view::npos);
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return js::any_script(fs, root, dir, knex_file);
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  return js::discover_dirs(fs, root, knex_file);
}

/// Knex records the file name, extension included.
std::string version(const std::string& file, std::string_view) { return file; }

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  return js::load_scripts(fs, root, dir, "knex", version, translate, out, err);
}

// knex_migrations(id, name, batch, migration_time): one row per applied file, by file name.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT name FROM " + from + " ORDER BY id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "name=" + text_or_null(row[0]));
}
const TrackingLayout kTracking{"knex_migrations", "", {"name", "batch", "migration_time"}, "Knex's (name, batch)",
                               tracking_query, 1, tracking_read, /*text_versions=*/true};

}  // namespace
}  // namespace code

extern const Format kKnex{.name = "knex", .detect = code::detect, .load = code::load, .tracking = &code::kTracking,
                          .discover = code::discover, .apply_command = "npx knex migrate:latest"};

}  // namespace schemagate::schema::migrations
