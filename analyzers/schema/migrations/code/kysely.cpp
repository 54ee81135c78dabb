// Kysely migrations (FileMigrationProvider): .ts/.js files in a migrations directory, each
// exporting `up(db: Kysely<any>)`, applied in file-name order and recorded in
// kysely_migration(name) by file name without its extension. Each schema builder chain of up
// becomes the statement Kysely compiles for PostgreSQL:
//   db.schema.createTable('t').addColumn('id', 'serial', (c) => c.primaryKey())
//     .addColumn('name', 'varchar(255)', (c) => c.notNull()).execute()
//     -> create table "t" ("id" serial primary key, "name" varchar(255) not null)
//   alterTable('t').addColumn / dropColumn / renameColumn / alterColumn / renameTo,
//   dropTable, createType('t').asEnum([...]), createSchema, withSchema('s'),
//   createIndex(...).unique(), and sql`...`.execute(db) / sql.raw('...').execute(db).
// Data types are the strings Kysely sends as they are (or sql`...`). A name computed at run
// time, or sql with `${}` holes, is a step that cannot be followed: a note, and the file's
// string words become uncertain names.
//
// The Kysely instance that runs the migrations may rename identifiers: CamelCasePlugin sends
// addColumn('createdAt') as "created_at". The Migrator that runs a directory is looked for beside
// it (the directory's parent and grandparent: src/db.ts for src/migrations/); when every
// `new Kysely(...)` of those files passes the plugin, names are read through it, else as written.
#include <cctype>
#include "analyzers/datalayers/kysely_naming.h"
#include "analyzers/schema/migrations/code/js_migration.h"
#include "analyzers/schema/migrations/migration_io.h"

namespace schemagate::schema::migrations {
namespace code {
namespace {

using js::JsFile;
using js::arguments;
using js::field;
using js::unwrap;
using js::Link;

class KyselyTranslator {
 public:
  KyselyTranslator(const JsFile& f, js::Translation* out, bool camel) : f_(f), out_(out), camel_(camel) {}

  bool step(TSNode n) {
    if (!js::is(n, "call_expression")) return false;
    TSNode root;
    std::vector<Link> links = js::chain(f_, n, &root);
    // sql`...`.execute(db)
    if (!links.empty() && links.back().method == "execute" && is_sql_tag(root)) {
      raw_tag(root);
      return true;
    }
    // sql.raw('...').execute(db)
    if (links.size() >= 2 && js::is(root, "identifier") && f_.text(root) == "sql" && links[0].method == "raw") {
      std::optional<js::JsString> s = links[0].args.empty() ? std::nullopt : f_.string(links[0].args[0]);
      TSNode built = links[0].args.empty() ? TSNode{} : unwrap(links[0].args[0]);
      if (!s && js::is(built, "call_expression") && js::is(field(built, "function"), "identifier"))
        out_->run_time_builders.push_back({n, built});  // sql.raw(vectorIndexQuery({...})): read by load_scripts
      else if (s && !s->complete && js::run_time_database_setting(*s, f_.src()))
        out_->sql.notes.push_back({ts_node_start_byte(n), "sql.raw() sets a setting of the database: no table or column changes"});
      else if (!s || !s->complete) unknown(n, "sql.raw() of SQL built at run time: not modelled");
      else js::emit_js_string(&out_->sql, *s);
      return true;
    }
    size_t at = links.size();
    for (size_t i = 0; i < links.size(); ++i)
      if (!links[i].call && links[i].method == "schema") {
        at = i;
        break;
      }
    if (at == links.size()) return false;
    schema_chain(links, at + 1, n);
    return true;
  }

 private:
  /// An identifier as the instance sends it.
  std::string q(std::string_view s) const { return quote_ident(camel_ ? datalayers::kysely::snake_case(s) : std::string(s)); }
  void run(const std::string& stmt, TSNode at) { out_->sql.emit(stmt, ts_node_start_byte(at)); }
  void unknown(TSNode at, const std::string& why) {
    out_->uncertain = true;
    out_->sql.notes.push_back({ts_node_start_byte(at), why});
  }

  bool is_sql_tag(TSNode n) const {
    return js::is(n, "call_expression") && f_.text(field(n, "function")) == "sql" &&
           js::is(field(n, "arguments"), "template_string");
  }
  void raw_tag(TSNode tag) {
    std::optional<js::JsString> s = f_.string(field(tag, "arguments"));
    if (s && !s->complete && js::emit_run_time_extension(&out_->sql, *s)) return;
    if (s && !s->complete && rows_only(field(tag, "arguments"), *s)) {
      out_->sql.notes.push_back({ts_node_start_byte(tag), "sql`...` with values computed at run time writes rows: no table or column changes"});
      return;
    }
    if (s && !s->complete && drops_named_constraint(field(tag, "arguments"), *s)) {
      out_->sql.notes.push_back({ts_node_start_byte(tag), "sql`...` drops a constraint named at run time: no table or column changes"});
      return;
    }
    if (!s || !s->complete) return unknown(tag, "sql`...` with values computed at run time: not modelled");
    js::emit_js_string(&out_->sql, *s);
  }
  /// Whether a sql`...` template is one INSERT, UPDATE, DELETE or SELECT whose substitutions are
  /// values (Kysely binds each as a parameter; none is a `sql.*` fragment): it changes rows, not
  /// tables or columns.
  bool rows_only(TSNode tmpl, const js::JsString& s) const {
    for (uint32_t i = 0; i < ts_node_named_child_count(tmpl); ++i) {
      TSNode sub = ts_node_named_child(tmpl, i);
      if (js::is(sub, "template_substitution") && f_.text(sub).find("sql") != std::string_view::npos) return false;
    }
    return js::run_time_rows_step(s, f_.src(), true);
  }
  /// Whether a sql`...` template is `ALTER TABLE t DROP CONSTRAINT [IF EXISTS] ${sql.ref(name)}`,
  /// its one substitution the constraint's name: no table or column changes.
  bool drops_named_constraint(TSNode tmpl, const js::JsString& s) const {
    int holes = 0;
    for (uint32_t i = 0; i < ts_node_named_child_count(tmpl); ++i) {
      TSNode sub = ts_node_named_child(tmpl, i);
      if (!js::is(sub, "template_substitution")) continue;
      ++holes;
      std::string_view t = f_.text(sub);
      if (t.rfind("${sql.ref(", 0) != 0 && t.rfind("${sql.id(", 0) != 0) return false;
    }
    std::string words = js::lowered_words(s.text);
    while (!words.empty() && (words.back() == ' ' || words.back() == ';')) words.pop_back();
    if (holes != 1 || words.rfind("alter table ", 0) != 0) return false;
    std::string_view rest = std::string_view(words).substr(12);
    size_t space = rest.find(' ');
    if (space == std::string_view::npos) return false;
    rest.remove_prefix(space + 1);
    // The hole is at the end: the template's last substitution closes it.
    TSNode last = ts_node_named_child(tmpl, ts_node_named_child_count(tmpl) - 1);
    bool at_end = js::is(last, "template_substitution") ||
                  (ts_node_named_child_count(tmpl) >= 2 &&
                   js::is(ts_node_named_child(tmpl, ts_node_named_child_count(tmpl) - 2), "template_substitution") &&
                   f_.text(last).find_first_not_of(" \t\n;") == std::string_view::npos);
    return at_end && (rest == "drop constraint" || rest == "drop constraint if exists");
  }
  /// A value sent as SQL: a string, or sql`...` without holes.
  std::optional<std::string> sql_text(TSNode n) const {
    n = unwrap(n);
    if (is_sql_tag(n)) return f_.name(field(n, "arguments"));
    return f_.name(n);
  }

  std::string default_sql(TSNode v) const {
    v = unwrap(v);
    if (is_sql_tag(v)) return f_.name(field(v, "arguments")).value_or("NULL");
    if (js::is(v, "null")) return "null";
    if (js::is(v, "true") || js::is(v, "false") || js::is(v, "number") || js::is(v, "unary_expression"))
      return std::string(f_.text(v));
    if (auto s = f_.name(v)) return js::quote_literal(*s);
    return "NULL";
  }

  /// addColumn('name', 'type', (col) => col.notNull()...): the column definition.
  std::optional<std::string> column(const Link& l) const {
    if (l.args.size() < 2) return std::nullopt;
    auto name = f_.name(l.args[0]);
    auto type = sql_text(l.args[1]);
    if (!name || !type) return std::nullopt;
    std::string d = q(*name) + " " + *type;
    if (l.args.size() > 2) {
      TSNode cb = unwrap(l.args[2]);
      std::vector<std::string> params = f_.parameters(cb);
      TSNode body = JsFile::body_of(cb);
      TSNode root;
      std::vector<Link> mods = js::chain(f_, js::is(body, "statement_block") ? TSNode{} : body, &root);
      if (js::is(body, "statement_block")) {  // { return col.notNull() }
        js::walk_steps(f_, body, [&](TSNode n) {
          if (!js::is(n, "return_statement")) return false;
          mods = js::chain(f_, ts_node_named_child(n, 0), &root);
          return true;
        });
      }
      for (const Link& m : mods) {
        if (m.method == "primaryKey") d += " primary key";
        else if (m.method == "notNull") d += " not null";
        else if (m.method == "unique") d += " unique";
        else if (m.method == "defaultTo" && !m.args.empty()) d += " default " + default_sql(m.args[0]);
        else if (m.method == "generatedAlwaysAsIdentity") d += " generated always as identity";
        else if (m.method == "generatedByDefaultAsIdentity") d += " generated by default as identity";
        else if (m.method == "generatedAlwaysAs" && !m.args.empty())
          d += " generated always as (" + sql_text(m.args[0]).value_or("NULL") + ") stored";
      }
    }
    return d;
  }

  void schema_chain(const std::vector<Link>& links, size_t i, TSNode at) {
    std::string schema;
    for (; i < links.size(); ++i) {
      if (links[i].method != "withSchema") break;
      schema = links[i].args.empty() ? "" : f_.name(links[i].args[0]).value_or("");
    }
    if (i >= links.size()) return;
    const Link& head = links[i];
    std::string_view m = head.method;
    auto name = head.args.empty() ? std::nullopt : f_.name(head.args[0]);
    auto qualified = [&](const std::string& t) {
      size_t dot = t.find('.');
      if (dot != std::string::npos) return q(t.substr(0, dot)) + "." + q(t.substr(dot + 1));
      return schema.empty() ? q(t) : q(schema) + "." + q(t);
    };
    auto has = [&](std::string_view method) {
      for (size_t k = i + 1; k < links.size(); ++k)
        if (links[k].method == method) return true;
      return false;
    };
    if (m == "createTable") {
      if (!name) return unknown(at, "createTable of a name computed at run time: not modelled");
      std::string body;
      for (size_t k = i + 1; k < links.size(); ++k) {
        const Link& l = links[k];
        if (l.method == "addColumn") {
          auto d = column(l);
          if (!d) return unknown(at, "a column named or typed at run time: not modelled");
          body += (body.empty() ? "" : ", ") + *d;
        } else if ((l.method == "addPrimaryKeyConstraint" || l.method == "addUniqueConstraint") && l.args.size() > 1) {
          TSNode arr = unwrap(l.args[1]);
          std::string list;
          for (uint32_t c = 0; js::is(arr, "array") && c < ts_node_named_child_count(arr); ++c)
            if (auto cn = f_.name(ts_node_named_child(arr, c))) list += (list.empty() ? "" : ", ") + q(*cn);
          if (!list.empty())
            body += std::string(", constraint ") + q(f_.name(l.args[0]).value_or("c")) +
                    (l.method == "addPrimaryKeyConstraint" ? " primary key (" : " unique (") + list + ")";
        }
      }
      return run(std::string("create table ") + (has("ifNotExists") ? "if not exists " : "") + qualified(*name) + " (" +
                     body + ")",
                 at);
    }
    if (m == "alterTable") {
      if (!name) return unknown(at, "alterTable of a name computed at run time: not modelled");
      std::string t = "alter table " + qualified(*name);
      for (size_t k = i + 1; k < links.size(); ++k) {
        const Link& l = links[k];
        auto arg_name = [&](size_t a) { return a < l.args.size() ? f_.name(l.args[a]) : std::nullopt; };
        if (l.method == "addColumn") {
          auto d = column(l);
          if (!d) return unknown(at, "a column named or typed at run time: not modelled");
          run(t + " add column " + *d, at);
        } else if (l.method == "dropColumn") {
          auto c = arg_name(0);
          if (!c) return unknown(at, "dropColumn of a name computed at run time: not modelled");
          run(t + " drop column " + q(*c), at);
        } else if (l.method == "renameColumn") {
          auto a = arg_name(0), b = arg_name(1);
          if (!a || !b) return unknown(at, "renameColumn of names computed at run time: not modelled");
          run(t + " rename column " + q(*a) + " to " + q(*b), at);
        } else if (l.method == "renameTo") {
          auto b = arg_name(0);
          if (!b) return unknown(at, "renameTo of a name computed at run time: not modelled");
          run(t + " rename to " + q(*b), at);
        } else if (l.method == "alterColumn") {
          auto c = arg_name(0);
          if (!c || l.args.size() < 2) return unknown(at, "alterColumn of a name computed at run time: not modelled");
          TSNode cb = unwrap(l.args[1]);
          TSNode root;
          std::vector<Link> mods = js::chain(f_, JsFile::body_of(cb), &root);
          std::string a = t + " alter column " + q(*c);
          for (const Link& md : mods) {
            if (md.method == "setNotNull") run(a + " set not null", at);
            else if (md.method == "dropNotNull") run(a + " drop not null", at);
            else if (md.method == "dropDefault") run(a + " drop default", at);
            else if (md.method == "setDefault" && !md.args.empty()) run(a + " set default " + default_sql(md.args[0]), at);
            else if (md.method == "setDataType" && !md.args.empty())
              if (auto ty = sql_text(md.args[0])) run(a + " type " + *ty, at);
          }
        } else if (l.method == "addUniqueConstraint" && l.args.size() > 1) {
          TSNode arr = unwrap(l.args[1]);
          std::string list;
          for (uint32_t c = 0; js::is(arr, "array") && c < ts_node_named_child_count(arr); ++c)
            if (auto cn = f_.name(ts_node_named_child(arr, c))) list += (list.empty() ? "" : ", ") + q(*cn);
          if (!list.empty()) run(t + " add constraint " + q(f_.name(l.args[0]).value_or("c")) + " unique (" + list + ")", at);
        }
      }
      return;
    }
    if (m == "dropTable") {
      if (!name) return unknown(at, "dropTable of a name computed at run time: not modelled");
      return run(std::string("drop table ") + (has("ifExists") ? "if exists " : "") + qualified(*name), at);
    }
    if (m == "createType") {
      if (!name) return unknown(at, "createType of a name computed at run time: not modelled");
      for (size_t k = i + 1; k < links.size(); ++k)
        if (links[k].method == "asEnum" && !links[k].args.empty()) {
          TSNode arr = unwrap(links[k].args[0]);
          std::string vals;
          for (uint32_t c = 0; js::is(arr, "array") && c < ts_node_named_child_count(arr); ++c)
            if (auto v = f_.name(ts_node_named_child(arr, c))) vals += (vals.empty() ? "" : ", ") + js::quote_literal(*v);
          return run("create type " + qualified(*name) + " as enum (" + vals + ")", at);
        }
      return;
    }
    if (m == "createSchema") {
      if (name) run(std::string("create schema ") + (has("ifNotExists") ? "if not exists " : "") + q(*name), at);
      return;
    }
    if (m == "createIndex") {
      if (!name || !has("unique")) return;
      std::string table, list;
      for (size_t k = i + 1; k < links.size(); ++k) {
        const Link& l = links[k];
        if (l.method == "on" && !l.args.empty()) table = f_.name(l.args[0]).value_or("");
        if ((l.method == "column" || l.method == "columns") && !l.args.empty()) {
          TSNode a = unwrap(l.args[0]);
          if (js::is(a, "array")) {
            for (uint32_t c = 0; c < ts_node_named_child_count(a); ++c)
              if (auto cn = f_.name(ts_node_named_child(a, c))) list += (list.empty() ? "" : ", ") + q(*cn);
              else return;
          } else if (auto cn = f_.name(a)) {
            list += (list.empty() ? "" : ", ") + q(*cn);
          } else {
            return;
          }
        }
      }
      if (!table.empty() && !list.empty()) run("create unique index " + q(*name) + " on " + qualified(table) + " (" + list + ")", at);
      return;
    }
    if (m == "dropIndex" || m == "dropType" || m == "dropSchema" || m == "dropView")
      return;  // no column a query needs appears
    if (m == "createView" && name) {
      // createView('v').as(db.selectFrom(...)...): the view's columns are those of a query the
      // model does not compile; it changes no other relation.
      out_->sql.notes.push_back({ts_node_start_byte(at), "db.schema.createView('" + *name + "') over a query builder: its columns are not modelled"});
      std::string created = *name;
      if (size_t dot = created.find('.'); dot != std::string::npos) created = created.substr(dot + 1);
      out_->uncertain_created.push_back(camel_ ? datalayers::kysely::snake_case(created) : created);
      return;
    }
    unknown(at, "db.schema." + std::string(m) + "() is not known to schemagate: not modelled");
  }

  const JsFile& f_;
  js::Translation* out_;
  bool camel_ = false;
};

void translate(const JsFile& file, TSNode up, const std::vector<std::string>&, js::Translation* out) {
  KyselyTranslator tr(file, out, false);
  js::walk_steps(file, JsFile::body_of(up), [&](TSNode n) { return tr.step(n); }, &out->sql.notes);
}
void translate_camel(const JsFile& file, TSNode up, const std::vector<std::string>&, js::Translation* out) {
  KyselyTranslator tr(file, out, true);
  js::walk_steps(file, JsFile::body_of(up), [&](TSNode n) { return tr.step(n); }, &out->sql.notes);
}

/// Whether the Migrator that runs `dir` sends names through CamelCasePlugin: the kysely-ctl
/// config that names the directory passes the plugin, or some file beside the directory (in its
/// parent or grandparent) makes a `new Migrator(`, and every `new Kysely` of those files passes
/// the plugin with its default options.
bool migrator_is_camel(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  // kysely-ctl runs the folder its config names (kysely.config.ts: defineConfig({ migrations:
  // { migrationFolder }, plugins })), through that config's plugins.
  for (const char* name : {"kysely.config.ts", "kysely.config.js", "kysely.config.mjs", "kysely.config.cjs",
                           ".config/kysely.config.ts", ".config/kysely.config.js", ".config/kysely.config.mjs"}) {
    std::string text, err;
    if (!fs.read(on_disk(root, name), &text, &err) || text.find("defineConfig") == std::string::npos) continue;
    std::string folder = "migrations";  // kysely-ctl's default
    if (size_t at = text.find("migrationFolder"); at != std::string::npos) {
      size_t q = text.find_first_of("'\"`", at);
      size_t e = q == std::string::npos ? q : text.find(text[q], q + 1);
      if (e == std::string::npos) continue;
      folder = text.substr(q + 1, e - q - 1);
    }
    if (folder.starts_with("./")) folder = folder.substr(2);
    while (folder.ends_with("/")) folder.pop_back();
    if (folder != dir) continue;
    JsFile file;
    if (!file.parse(name, text, &err)) return false;
    std::string naming;
    datalayers::js::walk(file.root(), [&](TSNode n) {
      if (!js::is(n, "call_expression") || file.text(field(n, "function")) != "defineConfig") return;
      auto a = arguments(n);
      naming = a.size() == 1 ? datalayers::kysely::config_naming(a[0], file.src()) : "?";
    });
    return naming == "camel";
  }
  std::set<std::string> namings;
  std::string up = dir;
  for (int level = 0; level < 2; ++level) {
    size_t slash = up.rfind('/');
    up = slash == std::string::npos ? "" : up.substr(0, slash);
    for (const std::string& name : js::script_names(fs, root, up.empty() ? "." : up)) {
      std::string path = up.empty() ? name : source::join_path(up, name), text, err;
      if (!fs.read(on_disk(root, path), &text, &err) || text.find("new Migrator(") == std::string::npos) continue;
      JsFile file;
      if (!file.parse(path, text, &err)) return false;
      bool any = false;
      datalayers::js::walk(file.root(), [&](TSNode n) {
        if (!js::is(n, "new_expression") || file.text(field(n, "constructor")) != "Kysely") return;
        auto a = arguments(n);
        namings.insert(a.size() == 1 ? datalayers::kysely::config_naming(a[0], file.src()) : "?");
        any = true;
      });
      if (!any) namings.insert("?");  // the Migrator's instance is made elsewhere
    }
    if (up.empty()) break;
  }
  return namings.size() == 1 && *namings.begin() == "camel";
}

bool kysely_file(std::string_view text) {
  return text.find("Kysely") != std::string_view::npos || text.find("'kysely'") != std::string_view::npos ||
         text.find("\"kysely\"") != std::string_view::npos;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return js::any_script(fs, root, dir, kysely_file);
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  return js::discover_dirs(fs, root, kysely_file);
}

/// FileMigrationProvider names a migration by its file name without the extension.
std::string version(const std::string& file, std::string_view) {
  size_t dot = file.rfind('.');
  return dot == std::string::npos ? file : file.substr(0, dot);
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  return js::load_scripts(fs, root, dir, "kysely", version,
                          migrator_is_camel(fs, root, dir) ? translate_camel : translate, out, err);
}

// kysely_migration(name, timestamp): one row per applied migration.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT name FROM " + from + " ORDER BY name";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "name=" + text_or_null(row[0]));
}
const TrackingLayout kTracking{"kysely_migration", "", {"name", "timestamp"}, "Kysely's (name, timestamp)",
                               tracking_query, 1, tracking_read, /*text_versions=*/true};

}  // namespace
}  // namespace code

extern const Format kKysely{.name = "kysely", .detect = code::detect, .load = code::load, .tracking = &code::kTracking,
                            .discover = code::discover, .apply_command = "the Kysely Migrator's migrateToLatest()"};

}  // namespace schemagate::schema::migrations
