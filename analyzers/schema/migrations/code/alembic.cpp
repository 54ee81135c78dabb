// Alembic migrations: the script location (the directory with env.py and versions/, named by
// alembic.ini's script_location or found beside env.py; Flask-Migrate's migrations/ is one),
// every versions/*.py read with tree-sitter-python and never run. The `op.*` calls of upgrade()
// become the statements SQLAlchemy's PostgreSQL dialect emits for them, in source order, each
// with the call's file offset as its origin; `op.execute("...")` is applied as SQL, and
// `with op.batch_alter_table("t") as batch_op:` blocks are ALTER TABLEs of "t".
//
// Versions are revision ids; `down_revision` (a tuple for merge revisions) and `depends_on`
// order them (order_by_dependencies), as `alembic upgrade heads` does. Columns follow
// SQLAlchemy's rules where they decide what the code may omit: a column is NOT NULL when
// nullable=False or in the primary key, a lone integer primary key is SERIAL (it has a default),
// server_default is a default. Foreign keys, CHECKs and data operations (bulk_insert) change no
// column and are left out; what Python computes at run time is a note.
#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "analyzers/languages/language.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/schema/migrations/code/generated_sql.h"
#include "analyzers/schema/migrations/code/python_value.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using K = PyValue::Kind;

std::string q(std::string_view name) { return quote_ident(name); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// A name argument: a string, or op.f("name") / sa.text("name").
std::string name_of(const PyValue* v) {
  if (!v) return "";
  if (v->is_str()) return v->text;
  if (v->is(K::Call) && !v->items.empty() && v->items[0].is_str()) return v->items[0].text;
  return "";
}

std::string number(const PyValue* v) { return v && v->is(K::Number) ? v->text : ""; }

/// The PostgreSQL type SQLAlchemy's dialect writes for a type expression (sa.String(80),
/// sa.Integer, postgresql.JSONB()). Unknown types are text (a note).
std::string sa_type(const PyValue& t, bool* known) {
  *known = true;
  std::string n = lower(t.last_name());
  if (t.is(K::Call) && n == "variant" && !t.items.empty()) return sa_type(t.items[0], known);
  if (t.is(K::Call) && (n == "with_variant") ) return "text";
  const PyValue* len = t.is(K::Call) ? t.arg(0, "length") : nullptr;
  static const std::map<std::string, const char*> fixed = {
      {"integer", "integer"}, {"int", "integer"}, {"biginteger", "bigint"}, {"bigint", "bigint"},
      {"smallinteger", "smallint"}, {"smallint", "smallint"}, {"text", "text"}, {"unicodetext", "text"},
      {"boolean", "boolean"}, {"date", "date"}, {"time", "time without time zone"}, {"interval", "interval"},
      {"float", "double precision"}, {"double", "double precision"}, {"double_precision", "double precision"},
      {"real", "real"}, {"json", "json"}, {"jsonb", "jsonb"}, {"uuid", "uuid"}, {"uuidtype", "uuid"},
      {"largebinary", "bytea"}, {"bytea", "bytea"}, {"inet", "inet"}, {"cidr", "cidr"}, {"macaddr", "macaddr"},
      {"tsvector", "tsvector"}, {"hstore", "hstore"}, {"citext", "citext"}, {"money", "money"},
  };
  if (auto it = fixed.find(n); it != fixed.end()) return it->second;
  // SQLModel's AutoString is a String (varchar) whose length comes from the field.
  if (n == "string" || n == "unicode" || n == "varchar" || n == "char" || n == "nvarchar" || n == "autostring") {
    std::string l = number(len);
    std::string base = n == "char" ? "char" : "varchar";
    return l.empty() ? base : base + "(" + l + ")";
  }
  if (n == "datetime" || n == "timestamp") {
    const PyValue* tz = t.is(K::Call) ? t.arg(0, "timezone") : nullptr;
    return tz && tz->truthy() ? "timestamp with time zone" : "timestamp without time zone";
  }
  if (n == "numeric" || n == "decimal") {
    std::string p = t.is(K::Call) ? number(t.arg(0, "precision")) : "", s = t.is(K::Call) ? number(t.arg(1, "scale")) : "";
    return p.empty() ? "numeric" : "numeric(" + p + (s.empty() ? "" : ", " + s) + ")";
  }
  if (n == "array" && t.is(K::Call) && !t.items.empty()) return sa_type(t.items[0], known) + "[]";
  if (n == "enum" && t.is(K::Call)) {
    std::string name = t.kwarg("name") && t.kwarg("name")->is_str() ? t.kwarg("name")->text : "";
    return name.empty() ? "varchar" : q(name);
  }
  *known = false;
  return "text";
}

bool integer_type(const std::string& t) { return t == "integer" || t == "bigint" || t == "smallint"; }

struct Column {
  std::string name, type, default_sql;
  bool nullable = true, primary_key = false, unique = false, identity = false, autoincrement_off = false,
       foreign_key = false;
};

/// GeoAlchemy2's Alembic helpers (geoalchemy2.alembic_helpers: `batch_op.add_geospatial_column`,
/// `op.create_geospatial_table`, ...) are the plain operations plus what PostGIS needs besides
/// (a spatial index, a geometry_columns row): to relations and columns, the plain one.
std::string_view plain_op(std::string_view op) {
  static constexpr std::pair<std::string_view, std::string_view> kGeospatial[] = {
      {"add_geospatial_column", "add_column"},   {"drop_geospatial_column", "drop_column"},
      {"create_geospatial_table", "create_table"}, {"drop_geospatial_table", "drop_table"},
      {"create_geospatial_index", "create_index"}, {"drop_geospatial_index", "drop_index"},
  };
  for (const auto& [geospatial, plain] : kGeospatial)
    if (op == geospatial) return plain;
  return op;
}

class Translator {
 public:
  Translator(GeneratedSql* out) : out_(out) {}

  void call(const PyValue& c, const std::string& batch_table, const std::string& batch_schema) {
    at_ = c.begin;
    std::string_view op = plain_op(c.last_name());
    bool batch = !batch_table.empty();
    // In a batch block the table is implicit: argument positions shift by one.
    size_t s = batch ? 0 : 1;
    auto table_at = [&](size_t i, const char* kw) {
      std::string schema = batch ? batch_schema : name_of(c.kwarg("schema"));
      std::string t = batch ? batch_table : name_of(c.arg(i, kw));
      return schema.empty() ? q(t) : q(schema) + "." + q(t);
    };
    // A table or column named at run time (a loop over the tables information_schema lists):
    // what it changes is not known, so the names the call spells become uncertain.
    bool table_op = op == "drop_table" || op == "rename_table" || op == "add_column" || op == "drop_column" ||
                    op == "alter_column" || op == "create_table";
    if (table_op) {
      bool computed = !batch && name_of(c.arg(0, op == "rename_table" ? "old_table_name" : "table_name")).empty();
      if (op == "rename_table" && name_of(c.arg(1, "new_table_name")).empty()) computed = true;
      if ((op == "drop_column" || op == "alter_column") && name_of(c.arg(s, "column_name")).empty()) computed = true;
      // A Column whose name is a loop variable (`for column in _columns: op.add_column("package",
      // sa.Column(column, ...))`, ckan): which column it adds is not known.
      auto unnamed = [](const PyValue& col) {
        if (!col.is(K::Call) || col.last_name() != "Column") return false;
        if (const PyValue* n = col.kwarg("name")) return !n->is_str() || n->text.empty();
        return col.items.empty() || !col.items[0].is_str() || col.items[0].text.empty();
      };
      if (op == "add_column") {
        const PyValue* col = c.arg(s, "column");
        if (col && unnamed(*col)) computed = true;
      }
      if (op == "create_table")
        for (size_t i = 1; i < c.items.size(); ++i)
          if (unnamed(c.items[i])) computed = true;
      if (computed) {
        std::vector<const PyValue*> stack{&c};
        while (!stack.empty()) {
          const PyValue* v = stack.back();
          stack.pop_back();
          if (v->is_str() && !v->text.empty()) out_->uncertain_names.push_back(v->text);
          for (const PyValue& i : v->items) stack.push_back(&i);
          for (const PyKeyword& k : v->kwargs) stack.push_back(&k.second);
        }
        return note("op." + std::string(op) + "() of a table or column named at run time: not modelled");
      }
    }
    if (op == "create_table") return create_table(c);
    if (op == "drop_table") return run("DROP TABLE " + table_at(0, "table_name"));
    if (op == "rename_table") {
      std::string schema = name_of(c.kwarg("schema"));
      return run("ALTER TABLE " + (schema.empty() ? "" : q(schema) + ".") + q(name_of(c.arg(0, "old_table_name"))) +
                 " RENAME TO " + q(name_of(c.arg(1, "new_table_name"))));
    }
    if (op == "add_column") {
      const PyValue* col = c.arg(s, "column");
      if (!col || !col->is(K::Call)) return note("add_column without a literal Column: not modelled");
      Column column = parse_column(*col);
      return run("ALTER TABLE " + table_at(0, "table_name") + " ADD COLUMN " + definition(column, false));
    }
    if (op == "drop_column") return run("ALTER TABLE " + table_at(0, "table_name") + " DROP COLUMN " + q(name_of(c.arg(s, "column_name"))));
    if (op == "alter_column") return alter_column(c, table_at(0, "table_name"), name_of(c.arg(s, "column_name")));
    if (op == "create_index") {
      std::string name = name_of(c.arg(0, "index_name"));
      const PyValue* cols = c.arg(s + 1, "columns");
      std::string list;
      if (cols)
        for (const PyValue& v : cols->items) {
          if (!v.is_str()) return note("index " + name + " on expressions: not modelled");
          list += (list.empty() ? "" : ", ") + q(v.text);
        }
      if (name.empty() || list.empty() || c.kwarg("postgresql_where")) return note("index " + name + " with a condition or no columns: not modelled");
      const PyValue* unique = c.kwarg("unique");
      std::string table = batch ? table_at(0, "") : table_at(1, "table_name");
      return run(std::string("CREATE ") + (unique && unique->truthy() ? "UNIQUE " : "") + "INDEX " + q(name) + " ON " + table + " (" + list + ")");
    }
    if (op == "drop_index") {
      std::string schema = batch ? batch_schema : name_of(c.kwarg("schema"));
      std::string name = name_of(c.arg(0, "index_name"));
      // A name computed at run time (a loop over index names): an index changes no relation or
      // column the code names, so nothing is lost.
      if (name.empty()) return note("drop_index of an index named at run time: not modelled");
      return run("DROP INDEX IF EXISTS " + (schema.empty() ? "" : q(schema) + ".") + q(name));
    }
    if (op == "create_unique_constraint") {
      std::string name = name_of(c.arg(0, "constraint_name"));
      const PyValue* cols = c.arg(s + 1, "columns");
      std::string list, suffix;
      if (cols)
        for (const PyValue& v : cols->items) {
          if (!v.is_str()) return note("unique constraint on expressions: not modelled");
          list += (list.empty() ? "" : ", ") + q(v.text);
        }
      if (list.empty()) return note("unique constraint without literal columns: not modelled");
      std::string table = batch ? table_at(0, "") : table_at(1, "table_name");
      return run("ALTER TABLE " + table + " ADD" + (name.empty() ? "" : " CONSTRAINT " + q(name)) + " UNIQUE (" + list + ")");
    }
    if (op == "drop_constraint") {
      std::string name = name_of(c.arg(0, "constraint_name"));
      std::string table = batch ? table_at(0, "") : table_at(1, "table_name");
      if (!name.empty()) run("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + q(name));
      return;
    }
    if (op == "execute") {
      const PyValue* sql = c.arg(0, "sqltext");
      if (sql && sql->is(K::Call) && (sql->last_name() == "text" || sql->last_name() == "DDL") && !sql->items.empty())
        sql = &sql->items[0];
      if (sql && sql->is_str()) return out_->emit_string(*sql);
      return note("op.execute() of SQL computed at run time: not modelled");
    }
    if (op == "create_entity" || op == "replace_entity" || op == "drop_entity") return entity(c, op);
    if (op == "create_foreign_key" || op == "create_check_constraint" || op == "create_primary_key" ||
        op == "bulk_insert" || op == "f" || op == "get_bind" || op == "get_context" || op == "inline_literal" ||
        op == "create_table_comment" || op == "drop_table_comment" || op == "create_exclude_constraint")
      return;  // no change to relations or columns
    note("op." + std::string(op) + "() is not known to schemagate: not modelled");
  }

  /// `role_type.create(op.get_bind())` / `sa.Enum(..., name="roletype").drop(bind)`: SQLAlchemy's
  /// CREATE TYPE ... AS ENUM / DROP TYPE of the enum type (op.add_column does not create the type
  /// of a column, so migrations call this first). `e` is the Enum (sa.Enum, postgresql.ENUM).
  void enum_type(const PyValue& e, bool create, uint32_t at) {
    at_ = at;
    const PyValue* name = e.kwarg("name");
    if (!name || !name->is_str()) return note("an enum type named at run time: not modelled");
    const PyValue* schema = e.kwarg("schema");
    std::string type = (schema && schema->is_str() ? q(schema->text) + "." : std::string()) + q(name->text);
    if (!create) return run("DROP TYPE IF EXISTS " + type);
    std::string labels;
    for (const PyValue& v : e.items) {
      if (!v.is_str()) return note("enum type " + name->text + " with labels computed at run time: not modelled");
      labels += (labels.empty() ? "" : ", ") + quote_literal(v.text);
    }
    run("CREATE TYPE " + type + " AS ENUM (" + labels + ")");
  }

 private:
  void run(const std::string& stmt) { out_->emit(stmt, at_); }

  /// alembic_utils' replaceable entities (`op.create_entity(PGFunction(schema=..., signature=...,
  /// definition=...))`): the statement the library itself writes for each kind. Kinds that change
  /// no relation, column or function (triggers, policies, grants) change nothing here; a dropped
  /// function is kept (its signature spells parameter names and defaults, which DROP does not
  /// take), so at worst a call of it is not reported.
  void entity(const PyValue& c, std::string_view op) {
    const PyValue* e = c.arg(0, "target");
    if (!e || !e->is(K::Call)) return note("op." + std::string(op) + "() of an entity built at run time: not modelled");
    std::string_view kind = e->last_name();
    const PyValue* schema = e->arg(0, "schema");
    const PyValue* signature = e->arg(1, "signature");
    const PyValue* definition = e->arg(2, "definition");
    if (kind == "PGTrigger" || kind == "PGPolicy" || kind == "PGGrantTable") return;
    if (!schema || !schema->is_str() || !signature || !signature->is_str())
      return note(std::string(kind) + " with a schema or signature computed at run time: not modelled");
    std::string target = q(schema->text) + ".";
    if (kind == "PGExtension") {
      if (op == "drop_entity") return run("DROP EXTENSION IF EXISTS " + q(signature->text));
      return run("CREATE EXTENSION IF NOT EXISTS " + q(signature->text) + " WITH SCHEMA " + q(schema->text));
    }
    bool view = kind == "PGView", matview = kind == "PGMaterializedView";
    if (kind != "PGFunction" && !view && !matview) return note(std::string(kind) + " is not known to schemagate: not modelled");
    if (op == "drop_entity") {
      if (kind == "PGFunction") return note("drop of function " + signature->text + ": kept");
      return run(std::string("DROP ") + (matview ? "MATERIALIZED VIEW" : "VIEW") + " IF EXISTS " + target + q(signature->text));
    }
    if (!definition || !definition->is_str()) return note(std::string(kind) + " with a definition computed at run time: not modelled");
    if (kind == "PGFunction") return run("CREATE OR REPLACE FUNCTION " + target + signature->text + " " + definition->text);
    if (view) return run("CREATE OR REPLACE VIEW " + target + q(signature->text) + " AS " + definition->text);
    if (op == "replace_entity") run("DROP MATERIALIZED VIEW IF EXISTS " + target + q(signature->text));
    run("CREATE MATERIALIZED VIEW " + target + q(signature->text) + " AS " + definition->text);
  }
  void note(const std::string& msg) { out_->notes.push_back({at_, msg}); }

  Column parse_column(const PyValue& c) {
    Column col;
    size_t i = 0;
    if (!c.items.empty() && c.items[0].is_str()) col.name = c.items[i++].text;
    if (const PyValue* n = c.kwarg("name"); n && n->is_str()) col.name = n->text;
    const PyValue* type = c.kwarg("type_");
    if (!type && i < c.items.size() && (c.items[i].is(K::Call) || c.items[i].is(K::Name))) {
      std::string_view ln = c.items[i].last_name();
      if (ln != "ForeignKey" && ln != "Identity" && ln != "Computed" && ln != "Sequence") type = &c.items[i++];
    }
    bool known = true;
    col.type = type ? sa_type(*type, &known) : "text";
    if (!known) note("column type " + std::string(type->last_name()) + " of " + col.name + " is not known to schemagate: typed text");
    for (; i < c.items.size(); ++i) {
      std::string_view ln = c.items[i].last_name();
      if (ln == "ForeignKey") col.foreign_key = true;
      if (ln == "Identity") col.identity = true;
      if (ln == "Computed") col.default_sql = "computed";
    }
    col.primary_key = c.kwarg("primary_key") && c.kwarg("primary_key")->truthy();
    col.unique = c.kwarg("unique") && c.kwarg("unique")->truthy();
    const PyValue* nullable = c.kwarg("nullable");
    col.nullable = nullable ? nullable->truthy() : !col.primary_key;
    const PyValue* ai = c.kwarg("autoincrement");
    col.autoincrement_off = ai && ai->is(K::Bool) && !ai->truthy();
    if (const PyValue* d = c.kwarg("server_default"); d && !d->is(K::None)) col.default_sql = default_sql(*d);
    return col;
  }

  static std::string default_sql(const PyValue& d) {
    if (d.is_str()) {
      std::string s = "'";
      for (char ch : d.text) s += ch == '\'' ? std::string("''") : std::string(1, ch);
      return s + "'";
    }
    if (d.is(K::Call) && d.last_name() == "text" && !d.items.empty() && d.items[0].is_str()) return d.items[0].text;
    if (d.is(K::Call) && d.text.find("func.") != std::string::npos && d.items.empty()) {
      // SQLAlchemy renders the SQL-standard ones without parentheses (CURRENT_TIMESTAMP).
      std::string_view fn = d.last_name();
      for (std::string_view ansi : {"current_timestamp", "current_date", "current_time", "localtime", "localtimestamp",
                                    "current_user", "session_user", "user"})
        if (fn == ansi) {
          std::string up(fn);
          for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
          return up;
        }
      return std::string(fn) + "()";
    }
    return "NULL";  // computed at run time: a default exists, its value is not known
  }

  std::string definition(const Column& c, bool serial) const {
    std::string type = c.type;
    if (serial) type = c.type == "bigint" ? "bigserial" : c.type == "smallint" ? "smallserial" : "serial";
    std::string d = q(c.name) + " " + type;
    if (c.identity) d += " GENERATED BY DEFAULT AS IDENTITY";
    if (c.default_sql == "computed") d += " GENERATED ALWAYS AS (NULL) STORED";
    else if (!c.default_sql.empty()) d += " DEFAULT " + c.default_sql;
    if (!c.nullable) d += " NOT NULL";
    if (c.primary_key) d += " PRIMARY KEY";
    if (c.unique) d += " UNIQUE";
    return d;
  }

  void create_table(const PyValue& c) {
    std::string name = name_of(c.arg(0, "table_name"));
    std::string schema = name_of(c.kwarg("schema"));
    // Columns spread from what is known at run time only (`*columns_for(kind)`): the table is
    // created, its column list is not known.
    if (c.kwarg("*") && !name.empty()) {
      out_->uncertain_names.push_back(name);
      note("create_table of " + name + " with columns spread from a value computed at run time: its columns are not reported as missing");
    }
    std::vector<Column> cols;
    std::vector<std::string> constraints;
    std::set<std::string> pk_cols, fk_cols;
    for (size_t i = 1; i < c.items.size(); ++i) {
      const PyValue& v = c.items[i];
      std::string_view ln = v.last_name();
      if (ln == "Column") {
        cols.push_back(parse_column(v));
      } else if (ln == "ForeignKeyConstraint" && !v.items.empty()) {
        // Its columns have a foreign key, as sa.ForeignKey on the Column: never autoincrement.
        for (const PyValue& a : v.items[0].items)
          if (a.is_str()) fk_cols.insert(a.text);
      } else if (ln == "PrimaryKeyConstraint" || ln == "UniqueConstraint") {
        std::string list;
        for (const PyValue& a : v.items)
          if (a.is_str()) {
            list += (list.empty() ? "" : ", ") + q(a.text);
            if (ln == "PrimaryKeyConstraint") pk_cols.insert(a.text);
          }
        std::string cname = name_of(v.kwarg("name"));
        if (!list.empty())
          constraints.push_back((cname.empty() ? "" : "CONSTRAINT " + q(cname) + " ") +
                                (ln == "PrimaryKeyConstraint" ? "PRIMARY KEY (" : "UNIQUE (") + list + ")");
      }
    }
    for (Column& col : cols) {
      if (pk_cols.count(col.name)) col.nullable = false;
      if (fk_cols.count(col.name)) col.foreign_key = true;
    }
    // SQLAlchemy's "autoincrement" column: the only primary key column, an integer, no foreign key.
    std::vector<Column*> pks;
    for (Column& col : cols)
      if (col.primary_key || pk_cols.count(col.name)) pks.push_back(&col);
    const Column* serial = pks.size() == 1 && integer_type(pks[0]->type) && !pks[0]->foreign_key &&
                                   !pks[0]->autoincrement_off && !pks[0]->identity && pks[0]->default_sql.empty()
                               ? pks[0]
                               : nullptr;
    std::string body;
    for (const Column& col : cols) body += (body.empty() ? "" : ", ") + definition(col, &col == serial);
    for (const std::string& k : constraints) body += (body.empty() ? "" : ", ") + k;
    run("CREATE TABLE " + (schema.empty() ? "" : q(schema) + ".") + q(name) + " (" + body + ")");
  }

  /// In Alembic's order (DefaultImpl.alter_column): nullability, default, type, then the rename.
  void alter_column(const PyValue& c, const std::string& table, const std::string& column) {
    std::string t = "ALTER TABLE " + table;
    if (const PyValue* n = c.kwarg("nullable"); n && n->is(K::Bool))
      run(t + " ALTER COLUMN " + q(column) + (n->truthy() ? " DROP NOT NULL" : " SET NOT NULL"));
    if (const PyValue* d = c.kwarg("server_default")) {
      if (d->is(K::None) || (d->is(K::Bool) && !d->truthy())) run(t + " ALTER COLUMN " + q(column) + " DROP DEFAULT");
      else run(t + " ALTER COLUMN " + q(column) + " SET DEFAULT " + default_sql(*d));
    }
    if (const PyValue* type = c.kwarg("type_"); type && !type->is(K::None)) {
      bool known = true;
      std::string st = sa_type(*type, &known);
      if (known) run(t + " ALTER COLUMN " + q(column) + " TYPE " + st);
    }
    if (const PyValue* n = c.kwarg("new_column_name"); n && n->is_str())
      run(t + " RENAME COLUMN " + q(column) + " TO " + q(n->text));
  }

  GeneratedSql* out_;
  uint32_t at_ = 0;
};

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }

/// Walks upgrade()'s body in source order: `op.*` calls and, inside `with op.batch_alter_table(...)
/// as name:`, the calls of `name`.
void walk(TSNode node, PyReader& reader, Translator& tr, std::map<std::string, std::pair<std::string, std::string>>& batches) {
  if (is(node, "function_definition") || is(node, "class_definition")) return;  // defined, not run here
  // `for column in _columns:` over a literal tuple or list of strings (ckan adds four columns
  // so): the body once per string, the loop variable standing for it.
  if (is(node, "for_statement") && !is(ts_node_child_by_field_name(node, "alternative", 11), "else_clause")) {
    TSNode var = ts_node_child_by_field_name(node, "left", 4);
    PyValue over = reader.eval(ts_node_child_by_field_name(node, "right", 5));
    TSNode root = node;
    for (TSNode p = ts_node_parent(root); !ts_node_is_null(p); p = ts_node_parent(p)) root = p;
    std::vector<TSNode> items;
    bool literal = is(var, "identifier") && over.is(K::List) && !over.items.empty();
    for (const PyValue& item : over.items) {
      TSNode n = ts_node_descendant_for_byte_range(root, item.begin, item.end);
      if (!item.is_str() || !is(n, "string")) literal = false;
      items.push_back(n);
    }
    if (literal) {
      std::string name(reader.text(var));
      for (TSNode item : items) {
        reader.add_name(name, item);
        walk(ts_node_child_by_field_name(node, "body", 4), reader, tr, batches);
      }
      reader.forget_name(name);
      return;
    }
  }
  // A branch for another engine (CTFd's `if url.startswith("mysql"):`) runs nowhere near
  // PostgreSQL; the alternatives of a PostgreSQL branch run only on other engines.
  if (is(node, "if_statement")) {
    // The clauses in order: a PostgreSQL test ends the chain (what follows runs elsewhere), an
    // other engine's is skipped, anything else is read.
    std::vector<TSNode> clauses{node};
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (is(c, "elif_clause") || is(c, "else_clause")) clauses.push_back(c);
    }
    for (TSNode c : clauses) {
      if (is(c, "else_clause")) {
        walk(ts_node_child_by_field_name(c, "body", 4), reader, tr, batches);
        break;
      }
      walk(ts_node_child_by_field_name(c, "condition", 9), reader, tr, batches);
      std::string engine = engine_tested(reader.text(ts_node_child_by_field_name(c, "condition", 9)));
      if (engine != "other") walk(ts_node_child_by_field_name(c, "consequence", 11), reader, tr, batches);
      if (engine == "postgresql") break;
    }
    return;
  }
  if (is(node, "with_statement")) {
    TSNode clause = ts_node_named_child(node, 0);
    uint32_t n = is(clause, "with_clause") ? ts_node_named_child_count(clause) : 0;
    for (uint32_t i = 0; i < n; ++i) {
      TSNode item = ts_node_named_child(clause, i);
      TSNode value = ts_node_child_by_field_name(item, "value", 5);
      if (!is(value, "as_pattern")) continue;
      PyValue call = reader.eval(ts_node_named_child(value, 0));
      TSNode alias = ts_node_child_by_field_name(value, "alias", 5);
      if (call.is(K::Call) && call.last_name() == "batch_alter_table" && !ts_node_is_null(alias)) {
        std::string table = name_of(call.arg(0, "table_name"));
        std::string schema = name_of(call.kwarg("schema"));
        std::string a(reader.text(alias));
        if (is(alias, "as_pattern_target") && ts_node_named_child_count(alias) == 1)
          a = std::string(reader.text(ts_node_named_child(alias, 0)));
        batches[a] = {table, schema};
      }
    }
  }
  if (is(node, "call")) {
    // A function of the module itself (`schema_upgrades()`, `create_users_table()`): what it
    // runs, runs here (once per call; a function already running is not entered again).
    TSNode fn = ts_node_child_by_field_name(node, "function", 8);
    if (is(fn, "identifier")) {
      TSNode root = node;
      for (TSNode p = ts_node_parent(root); !ts_node_is_null(p); p = ts_node_parent(p)) root = p;
      std::string_view name = reader.text(fn);
      uint32_t n = ts_node_named_child_count(root);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode def = ts_node_named_child(root, i);
        if (is(def, "decorated_definition")) def = ts_node_child_by_field_name(def, "definition", 10);
        if (!is(def, "function_definition") || reader.text(ts_node_child_by_field_name(def, "name", 4)) != name) continue;
        thread_local std::set<uint32_t> running;
        if (!running.insert(ts_node_start_byte(def)).second) break;
        walk(ts_node_child_by_field_name(node, "arguments", 9), reader, tr, batches);  // the arguments first
        walk(ts_node_child_by_field_name(def, "body", 4), reader, tr, batches);
        running.erase(ts_node_start_byte(def));
        return;
      }
    }
    // An enum type's create()/drop() with the migration's connection (`role_type.create(
    // op.get_bind())`, `postgresql.ENUM(..., name=...).create(bind, checkfirst=True)`).
    if (is(fn, "attribute")) {
      std::string_view method = reader.text(ts_node_child_by_field_name(fn, "attribute", 9));
      if (method == "create" || method == "drop") {
        PyValue target = reader.eval(ts_node_child_by_field_name(fn, "object", 6));
        std::string kind(target.last_name());
        for (char& ch : kind) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (target.is(K::Call) && kind == "enum") return tr.enum_type(target, method == "create", ts_node_start_byte(node));
      }
    }
    PyValue c = reader.eval(node);
    if (c.is(K::Call)) {
      size_t dot = c.text.rfind('.');
      std::string receiver = dot == std::string::npos ? "" : c.text.substr(0, dot);
      if (receiver == "op" || receiver == "alembic.op") {
        if (c.last_name() != "batch_alter_table") return tr.call(c, "", "");
      } else if (auto it = batches.find(receiver); it != batches.end()) {
        return tr.call(c, it->second.first, it->second.second);
      }
    }
  }
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) walk(ts_node_named_child(node, i), reader, tr, batches);
}

/// Identifiers assigned below the top level of `body` (in an if, for, while, with or try block,
/// or as a loop target).
std::set<std::string> nested_assignments(TSNode body, const PyReader& reader) {
  std::set<std::string> out;
  std::vector<std::pair<TSNode, int>> stack;
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) stack.push_back({ts_node_named_child(body, i), 0});
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    bool block = is(node, "block");
    if ((is(node, "assignment") || is(node, "augmented_assignment") || is(node, "for_statement")) && depth > 0) {
      TSNode left = ts_node_child_by_field_name(node, "left", 4);
      if (is(left, "identifier")) out.insert(std::string(reader.text(left)));
    }
    if (is(node, "function_definition") || is(node, "class_definition")) continue;
    uint32_t m = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < m; ++i) stack.push_back({ts_node_named_child(node, i), depth + (block ? 1 : 0)});
  }
  return out;
}

std::vector<std::string> py_files(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs.list(on_disk(root, dir)))
    if (!e.is_dir && e.name.ends_with(".py") && e.name != "__init__.py") names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

/// Whether `dir`, with no env.py, is a folder of revision scripts itself: Flask-Alembic's script
/// location (its app config's ALEMBIC["script_location"], the revisions directly inside, the
/// environment its own). Only a folder named migrations or alembic, with two revisions or more
/// (a module-level revision and down_revision, an upgrade function).
bool bare_revisions_folder(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::string_view name = last_component(dir);
  if (name != "migrations" && name != "alembic") return false;
  if (fs.is_file(source::join_path(on_disk(root, dir), "env.py"))) return false;
  int revisions = 0;
  for (const std::string& file : py_files(fs, root, dir)) {
    std::string text, err;
    if (!fs.read(source::join_path(on_disk(root, dir), file), &text, &err)) continue;
    bool revision = text.find("\nrevision =") != std::string::npos || text.find("\nrevision=") != std::string::npos;
    if (revision && text.find("\ndown_revision") != std::string::npos && text.find("def upgrade(") != std::string::npos &&
        ++revisions >= 2)
      return true;
  }
  return false;
}

/// The folder of the revisions PostgreSQL runs, relative to the script location: versions/, or,
/// when that holds no revision but one folder per dialect (env.py picks version_locations by the
/// engine at run time, as Prefect's does), versions/postgresql; a Flask-Alembic script location
/// holds them itself.
std::string versions_dir(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (bare_revisions_folder(fs, root, dir)) return dir;
  std::string versions = source::join_path(dir, "versions");
  if (!py_files(fs, root, versions).empty()) return versions;
  for (const char* dialect : {"postgresql", "postgres"}) {
    std::string d = source::join_path(versions, dialect);
    if (!py_files(fs, root, d).empty()) return d;
  }
  return versions;
}

std::vector<std::string> version_files(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return py_files(fs, root, versions_dir(fs, root, dir));
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (!fs.is_file(source::join_path(on_disk(root, dir), "env.py"))) return bare_revisions_folder(fs, root, dir);
  for (const std::string& name : version_files(fs, root, dir)) {
    std::string text, err;
    if (fs.read(source::join_path(on_disk(root, versions_dir(fs, root, dir)), name), &text, &err) &&
        text.find("down_revision") != std::string::npos)
      return true;
  }
  return false;
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::set<std::string> dirs, bare_tried;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    std::string_view file = last_component(path);
    std::string dir = path.size() > file.size() ? path.substr(0, path.size() - file.size() - 1) : "";
    if (file == "env.py") {
      if (detect(fs, root, dir)) dirs.insert(dir);
    } else if (file.ends_with(".py") && (last_component(dir) == "migrations" || last_component(dir) == "alembic")) {
      if (bare_tried.insert(dir).second && bare_revisions_folder(fs, root, dir)) dirs.insert(dir);
    } else if (file == "alembic.ini") {
      // script_location = %(here)s/alembic, or a path relative to the directory alembic runs in.
      std::string text, err;
      if (!fs.read(source::join_path(root, path), &text, &err)) continue;
      size_t at = text.find("\nscript_location");
      if (at == std::string::npos) continue;
      size_t eq = text.find('=', at), end = text.find('\n', at + 1);
      if (eq == std::string::npos || eq > end) continue;
      std::string loc = text.substr(eq + 1, end == std::string::npos ? std::string::npos : end - eq - 1);
      while (!loc.empty() && std::isspace(static_cast<unsigned char>(loc.front()))) loc.erase(0, 1);
      while (!loc.empty() && std::isspace(static_cast<unsigned char>(loc.back()))) loc.pop_back();
      if (loc.starts_with("%(here)s/")) loc = loc.substr(9);
      if (loc.empty() || loc.find(':') != std::string::npos || loc.starts_with("/")) continue;  // a package
      // `./app/db/migrations`: the folder env.py names as well, spelled once.
      std::optional<std::string> candidate = source::resolve_dots(dir.empty() ? loc : source::join_path(dir, loc));
      while (candidate && candidate->ends_with("/")) candidate->pop_back();
      if (candidate && !candidate->empty() && detect(fs, root, *candidate)) dirs.insert(*candidate);
    }
  }
  return {dirs.begin(), dirs.end()};
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  languages::Parser parser(*languages::language_for_path("x.py"));
  if (!parser.ok()) {
    *err = parser.error();
    return false;
  }
  std::vector<MigrationFile> files;
  std::string versions = versions_dir(fs, root, dir);
  for (const std::string& name : py_files(fs, root, versions)) {
    MigrationFile m;
    m.path = source::join_path(versions, name);
    m.name = name.substr(0, name.size() - 3);
    m.format = "alembic";
    if (!read_migration_text(fs, root, m.path, &m.text, err)) return false;
    languages::Tree tree = parser.parse(m.text);
    if (!tree) {
      *err = m.path + ": does not parse as Python";
      return false;
    }
    TSNode rootn = ts_tree_root_node(tree.get());
    PyReader reader(m.text, rootn);
    bool has_revision = false;
    for (auto& [attr, node] : reader.assignments(rootn)) {
      PyValue v = reader.eval(node);
      if (attr == "revision" && v.is_str()) m.version = v.text, has_revision = true;
      if (attr == "down_revision" || attr == "depends_on") {
        if (v.is_str()) m.depends_on.push_back(v.text);
        for (const PyValue& p : v.items)
          if (p.is_str()) m.depends_on.push_back(p.text);
      }
    }
    if (!has_revision) continue;  // a helper module beside the revisions
    GeneratedSql g;
    Translator tr(&g);
    std::map<std::string, std::pair<std::string, std::string>> batches;
    uint32_t n = ts_node_named_child_count(rootn);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode fn = ts_node_named_child(rootn, i);
      if (is(fn, "decorated_definition")) fn = ts_node_child_by_field_name(fn, "definition", 10);
      if (!is(fn, "function_definition") || reader.text(ts_node_child_by_field_name(fn, "name", 4)) != "upgrade") continue;
      TSNode body = ts_node_child_by_field_name(fn, "body", 4);
      // Names upgrade() assigns in its own body (an entity, a Column, a SQL string handed to
      // op.*) stand, at each later statement, for the value last assigned; a name also assigned
      // inside a branch, loop or with block may hold either value there, so it stays unknown.
      std::set<std::string> nested = nested_assignments(body, reader);
      uint32_t k = ts_node_named_child_count(body);
      for (uint32_t j = 0; j < k; ++j) {
        TSNode stmt = ts_node_named_child(body, j);
        for (auto& [name, value] : reader.assignments_in(stmt))
          if (!nested.count(name)) reader.add_name(name, value);
        for (const std::string& name : nested) reader.forget_name(name);  // nor a module-level value
        walk(stmt, reader, tr, batches);
      }
    }
    m.sql = std::move(g.sql);
    m.origin = std::move(g.origin);
    m.notes = std::move(g.notes);
    m.uncertain_names = std::move(g.uncertain_names);
    if (m.origin.empty()) m.origin.push_back(0);
    files.push_back(std::move(m));
  }
  order_by_dependencies(&files);
  *out = std::move(files);
  return true;
}

// Alembic: alembic_version(version_num), one row per applied head; every ancestor of a head
// (down_revision, depends_on) counts as applied: tracking_applied follows MigrationFile::depends_on.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version_num FROM " + from + " ORDER BY version_num";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) push_applied(out, text_or_null(row[0]), "", false, "version_num=" + text_or_null(row[0]));
}
// The rows are the applied heads; a revision is applied when it is one or an ancestor of one.
// Marks the heads found.
bool tracking_applied(const MigrationFile& file, const TrackingContext& ctx, std::vector<bool>* matched) {
  std::map<std::string, const MigrationFile*> by_version;
  for (const MigrationFile& f : ctx.files)
    if (f.format == "alembic") by_version[f.version] = &f;
  std::set<std::string> applied;
  std::vector<std::string> todo;
  for (size_t i = 0; i < ctx.rows.size(); ++i)
    if (by_version.count(ctx.rows[i].version)) (*matched)[i] = true, todo.push_back(ctx.rows[i].version);
  while (!todo.empty()) {
    std::string v = todo.back();
    todo.pop_back();
    if (!applied.insert(v).second) continue;
    if (auto it = by_version.find(v); it != by_version.end())
      for (const std::string& d : it->second->depends_on) todo.push_back(d);
  }
  return applied.count(file.version) != 0;
}

const TrackingLayout kTracking{.table = "alembic_version", .schema = "", .columns = {"version_num"},
                               .described = "Alembic's (version_num)", .query = tracking_query, .width = 1,
                               .read = tracking_read, .text_versions = true, .names_not_ordered = true,
                               .applied = tracking_applied};

// A file recorded without its format: a .py file in a versions/ folder.
bool path_looks_like(std::string_view file) {
  return file.ends_with(".py") && (file.starts_with("versions/") || file.find("/versions/") != std::string_view::npos);
}

}  // namespace

}  // namespace code

extern const Format kAlembic{.name = "alembic", .detect = code::detect, .load = code::load, .tracking = &code::kTracking,
                             .discover = code::discover, .apply_command = "alembic upgrade head",
                             .path_looks_like = code::path_looks_like};

}  // namespace schemagate::schema::migrations
