// SQLAlchemy declarative models (and SQLModel, Flask-SQLAlchemy) as requirements. Loading a
// model selects every mapped column of its table, so a column declared on a model that no
// migration adds fails every query of the model (`column ... does not exist`), without a line
// of SQL: each mapped column is a requirement at its attribute, the model's table one at the
// class name. Messages speak SQLAlchemy (the note) and Alembic (the help: autogenerate).
//
// What is read, from one file at a time:
//   - classes with `__tablename__ = "t"` (any base: the base is usually imported), classes whose
//     base is a mapped class of the same file (single-table inheritance without a __tablename__
//     maps onto the parent's table; with one, joined inheritance onto its own, except a
//     Flask-SQLAlchemy subclass without a primary key column of its own, whose __tablename__
//     Flask-SQLAlchemy drops), Flask-SQLAlchemy `db.Model` subclasses (their automatic
//     snake_case name when they declare a primary key),
//     SQLModel classes with `table=True` (table: __tablename__ or the lower-cased class name);
//   - `__table__ = Table("t", metadata, Column("a", ...))` and module-level `Table(...)`;
//   - columns: `x = Column(...)`, `x: Mapped[int] = mapped_column(...)`, `x: Mapped[int]` alone,
//     `Column("name", ...)` / `mapped_column("name")` / `name=` for the database name,
//     `column_property(Column(...))`, SQLModel annotated fields (`Field(sa_column=Column(...))`);
//   - columns of mixins, `__abstract__` bases and non-table SQLModel bases of the same file are
//     copied onto each mapped subclass's table, as SQLAlchemy does;
//   - `__table_args__ = {"schema": ...}` (or a tuple ending in that dict, also returned by a
//     declared_attr whose tuple otherwise holds only indexes and constraints), `Table(...,
//     schema=)`, `MetaData(schema=...)` in the same file.
// Not columns: relationship(), synonym(), association_proxy, hybrids. Deferred columns
// (`deferred(...)`, `mapped_column(deferred=True)`) are loaded only when accessed: listed as
// unchecked, not required. A `__tablename__` directive that is a known transform of the class
// name (sqlalchemy_naming.h) names each model inheriting it. A class bound to another database
// (`__bind_key__`), a table name or schema computed otherwise at run time (declared_attr), a reflected table (autoload) and a base or mixin
// of another file leave what they would decide unrequired, with a reason where it matters.
//
// Tables that `metadata.create_all()` creates at run time: every table a model declares is one
// when a non-test file of the project calls `create_all()` (redash creates its base tables so and
// stamps Alembic's head): the data layer lists the tables it saw and the calls, and the pipeline
// excuses those tables wherever no migration creates them (noted, never reported). create_all()
// skips a table that exists, so the columns of a table a migration creates are still judged by
// the migrations.
#include <cstring>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/python_modules.h"
#include "analyzers/datalayers/sqlalchemy_models.h"
#include "analyzers/datalayers/sqlalchemy_naming.h"
#include "analyzers/schema/migrations/code/python_value.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"

namespace schemagate::datalayers {

namespace {

using schema::migrations::code::PyReader;
using schema::migrations::code::PyValue;
using K = PyValue::Kind;

constexpr std::string_view kPrefix = "sqlalchemy:";

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }
TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }

bool has_upper(std::string_view s) {
  for (char c : s)
    if (std::isupper(static_cast<unsigned char>(c))) return true;
  return false;
}

/// Flask-SQLAlchemy's automatic table name: CamelCase to snake_case ("APIKey" -> "api_key").
std::string snake_case(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && i > 0) {
      char prev = name[i - 1];
      bool after_lower = std::islower(static_cast<unsigned char>(prev)) || std::isdigit(static_cast<unsigned char>(prev));
      bool before_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
      if (after_lower || before_lower) out.push_back('_');
    }
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  size_t first = out.find_first_not_of('_');
  return first == std::string::npos ? out : out.substr(first);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Col {
  std::string attr, column;
  uint32_t begin = 0, end = 0;  ///< where it is required: the attribute, or the name string
  bool deferred = false;
  std::string via;  ///< declared by a base of another file: "TimestampMixin (app/models/base.py)"
};

/// A Table(...) call: its name, schema and columns.
struct TableDecl {
  bool ok = false, reflected = false, schema_unknown = false;
  std::string name, schema;
  uint32_t begin = 0, end = 0;
  std::vector<Col> cols;
};

struct Cls {
  std::string name;  ///< as written; "path:Name" for a class of another file
  std::vector<std::string> bases;  ///< ids: a name of `classes`, or the text of an unknown base
  std::vector<std::string> written_bases;
  uint32_t begin = 0, end = 0;
  bool abstract = false, bind_key = false, sqlmodel_table = false, flask_model = false, sqlmodel = false;
  bool tablename_dynamic = false, has_pk = false, table_args_unknown = false, reflected = false;
  /// Derives from DeclarativeBase: the declarative base itself, never mapped; its subclasses are.
  bool declarative_root = false;
  std::string tablename;
  /// A `__tablename__` directive computed from the class name (sqlalchemy_naming.h): what it
  /// gives each subclass that inherits it.
  sqlalchemy_naming::Rule tablename_rule;
  bool has_schema = false;
  std::string schema;
  TableDecl table;  ///< __table__ = Table(...)
  std::vector<Col> cols;
  // decided later
  bool mapped = false;
  std::string table_name, table_schema;  ///< where its own columns go
  bool unknown_table = false;
  bool sti = false;  ///< single-table inheritance: its columns go to the parent's table
};

bool is_column_call(const PyValue& v) {
  if (!v.is(K::Call)) return false;
  std::string_view n = v.last_name();
  return n == "Column" || n == "mapped_column";
}

/// The database name of `Column(...)` / `mapped_column(...)` declared as attribute `attr`:
/// false when it cannot be told.
bool column_name(const PyValue& call, const std::string& attr, std::string* name, uint32_t* begin, uint32_t* end) {
  if (call.kwarg("*")) return false;
  const PyValue* n = call.kwarg("name");
  if (!n && !call.items.empty()) {
    const PyValue& first = call.items.front();
    if (first.is_str()) n = &first;
    else if (first.is(K::Unknown)) return false;
  }
  if (n) {
    if (!n->is_str() || n->text.empty()) return false;
    *name = n->text;
    *begin = n->begin + 1, *end = n->end - 1;
    if (n->offsets.size() == n->text.size() && !n->offsets.empty()) *begin = n->offsets.front(), *end = n->offsets.back() + 1;
    return true;
  }
  if (attr.empty()) return false;
  *name = attr;
  return true;
}

bool truthy_or_unknown(const PyValue* v) { return v && (v->truthy() || v->is(K::Unknown) || v->is(K::Name)); }

TableDecl read_table(const PyValue& call) {
  TableDecl t;
  if (!call.is(K::Call) || call.last_name() != "Table" || call.items.empty() || !call.items.front().is_str()) return t;
  const PyValue& name = call.items.front();
  t.name = name.text;
  t.begin = name.begin + 1, t.end = name.end - 1;
  bool any_column = false;
  for (size_t i = 1; i < call.items.size(); ++i) {
    const PyValue& a = call.items[i];
    if (!is_column_call(a)) continue;
    any_column = true;
    Col c;
    if (!column_name(a, "", &c.column, &c.begin, &c.end)) continue;
    c.attr = c.column;
    t.cols.push_back(c);
  }
  if (!any_column) return t;  // not SQLAlchemy's Table (a rich Table("title"))
  if (const PyValue* s = call.kwarg("schema")) {
    if (s->is_str()) t.schema = s->text;
    else if (!s->is(K::None)) t.schema_unknown = true;
  }
  if (call.kwarg("autoload_with") || truthy_or_unknown(call.kwarg("autoload")) || call.kwarg("*")) t.reflected = true;
  t.ok = true;
  return t;
}

/// `Optional[...]`, `X | None` and the like stripped: the annotation's type.
std::string_view mapped_inner(std::string_view ann) {
  if (!ann.starts_with("Mapped[") || !ann.ends_with("]")) return {};
  return ann.substr(7, ann.size() - 8);
}

/// Module-level `name = Annotated[T, mapped_column(...)]` of a plain T (warehouse's
/// `bool_false = Annotated[bool, mapped_column(server_default=sql.false())]`): (name, T) each.
std::vector<std::pair<std::string, std::string>> annotated_aliases(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t line = 0;
  while (line < text.size()) {
    size_t end = std::min(text.find('\n', line), text.size());
    std::string_view l = text.substr(line, end - line);
    line = end + 1;
    size_t eq = l.find(" = Annotated[");
    if (eq == std::string_view::npos || eq == 0) continue;
    std::string_view name = l.substr(0, eq);
    if (!std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
      continue;
    std::string_view rest = l.substr(eq + 13);
    size_t comma = rest.find(',');
    if (comma == std::string_view::npos || rest.find("mapped_column", comma) == std::string_view::npos) continue;
    out.push_back({std::string(name), std::string(rest.substr(0, comma))});
  }
  return out;
}

/// An annotation-only `x: Mapped[T]`: a column when T is a plain value type (a collection or a
/// class's name is a relationship that has to be declared).
bool plain_mapped(std::string_view inner) {
  if (inner.empty()) return false;
  if (inner.find('"') != std::string_view::npos || inner.find('\'') != std::string_view::npos) return false;
  for (std::string_view bad : {"List", "list", "Set", "set", "Sequence", "Collection", "Dict[", "WriteOnlyMapped", "DynamicMapped"})
    if (inner.find(bad) != std::string_view::npos) return false;
  static const std::set<std::string_view> plain = {"int", "str", "bool", "float", "bytes", "datetime", "date", "time",
                                                   "timedelta", "Decimal", "UUID", "uuid.UUID", "dict", "datetime.datetime",
                                                   "datetime.date", "datetime.time", "decimal.Decimal", "uuid"};
  // strip Optional[...] and "| None"
  std::string s(inner);
  if (s.starts_with("Optional[") && s.ends_with("]")) s = s.substr(9, s.size() - 10);
  if (auto bar = s.find('|'); bar != std::string::npos) {
    std::string a = s.substr(0, bar), b = s.substr(bar + 1);
    auto trim = [](std::string x) {
      size_t f = x.find_first_not_of(' '), l = x.find_last_not_of(' ');
      return f == std::string::npos ? std::string() : x.substr(f, l - f + 1);
    };
    a = trim(a), b = trim(b);
    s = a == "None" ? b : b == "None" ? a : "";
  }
  return plain.count(s) != 0;
}

struct Reader {
  Reader(const FileInput& input, FileOutput* output)
      : in(input), py(input.text, input.root), naming(input.path, input.text, input.root, input.facts), out(output) {}
  const FileInput& in;
  PyReader py;
  sqlalchemy_naming::NamingReader naming;
  FileOutput* out;
  std::string file_schema;  ///< MetaData(schema=...) of this file
  bool file_schema_unknown = false;

  void unchecked(uint32_t at, std::string reason) { out->unchecked.push_back({at, "sqlalchemy model", std::move(reason)}); }

  /// A name every module that defines it defines as `Annotated[<plain type>, mapped_column(...)]`.
  bool plain_alias(std::string_view name) const {
    if (name.empty() || !in.facts) return false;
    for (auto& [n, type] : annotated_aliases(in.text))  // this file's own
      if (n == name) return plain_mapped(type);
    auto it = in.facts->find(std::string(kPrefix) + "annotated:" + std::string(name));
    if (it == in.facts->end() || it->second.empty()) return false;
    return std::all_of(it->second.begin(), it->second.end(), [](const std::string& v) { return v == "plain"; });
  }

  /// A dict literal with string keys only (no `**base`), evaluated into `*out`.
  bool dict_literal(TSNode dict, PyValue* out) {
    for (uint32_t i = 0; i < ts_node_named_child_count(dict); ++i) {
      TSNode pair = ts_node_named_child(dict, i);
      if (!is(pair, "comment") && (!is(pair, "pair") || !is(field(pair, "key"), "string"))) return false;
    }
    *out = py.eval(dict);
    return out->is(K::Dict);
  }

  /// A `__table_args__` directive whose body returns only a tuple or list of indexes and
  /// constraints, possibly ending in a dict literal (`(db.Index(...), {'schema': 'users'})`), or
  /// only that dict: the indexes decide nothing this layer reads, and the dict is read as a static
  /// `__table_args__`'s (`*options`). False for any other body.
  bool constraints_only(TSNode fn, PyValue* options) {
    TSNode body = field(fn, "body");
    uint32_t k = ts_node_named_child_count(body);
    bool returned = false;
    for (uint32_t i = 0; i < k; ++i) {
      TSNode s = ts_node_named_child(body, i);
      if (is(s, "comment")) continue;
      if (i == 0 && is(s, "expression_statement") && is(ts_node_named_child(s, 0), "string")) continue;  // docstring
      if (!is(s, "return_statement") || returned || ts_node_named_child_count(s) != 1) return false;
      returned = true;
      TSNode e = ts_node_named_child(s, 0);
      while (is(e, "parenthesized_expression") && ts_node_named_child_count(e) == 1) e = ts_node_named_child(e, 0);
      if (is(e, "dictionary")) return dict_literal(e, options);
      if (!is(e, "tuple") && !is(e, "list")) return false;
      uint32_t n = ts_node_named_child_count(e);
      while (n > 0 && is(ts_node_named_child(e, n - 1), "comment")) --n;
      for (uint32_t j = 0; j < n; ++j) {
        TSNode item = ts_node_named_child(e, j);
        if (is(item, "comment")) continue;
        if (j == n - 1 && is(item, "dictionary")) {
          if (!dict_literal(item, options)) return false;
          continue;
        }
        // `sa.Index(...).ddl_if(dialect="postgresql")`: still the index
        while (is(item, "call") && is(field(item, "function"), "attribute") &&
               py.text(field(field(item, "function"), "attribute")) == "ddl_if")
          item = field(field(item, "function"), "object");
        if (!is(item, "call")) return false;
        std::string_view callee = py.text(field(item, "function"));
        std::string_view last = callee.substr(callee.rfind('.') == std::string_view::npos ? 0 : callee.rfind('.') + 1);
        if (last != "Index" && last != "UniqueConstraint" && last != "CheckConstraint" &&
            last != "ForeignKeyConstraint" && last != "PrimaryKeyConstraint")
          return false;
      }
    }
    return returned;
  }

  /// The options dict of `__table_args__`: the schema, reflection.
  void table_args_options(const PyValue& dict, Cls* c) {
    if (const PyValue* s = dict.kwarg("schema")) {
      if (s->is_str()) c->has_schema = true, c->schema = s->text;
      else if (!s->is(K::None)) c->table_args_unknown = true;
    }
    if (dict.kwarg("autoload_with") || truthy_or_unknown(dict.kwarg("autoload"))) c->reflected = true;
  }

  /// One class-body statement: a column, a dunder, or nothing.
  void read_statement(TSNode stmt, Cls* c) {
    bool declared = false;  // @declared_attr (or @declared_attr.cascading, @declared_attr.directive)
    if (is(stmt, "decorated_definition")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(stmt); ++i) {
        TSNode d = ts_node_named_child(stmt, i);
        if (is(d, "decorator") && py.text(d).find("declared_attr") != std::string_view::npos) declared = true;
      }
      stmt = field(stmt, "definition");
    }
    if (is(stmt, "function_definition") && declared && declared_column(stmt, c)) return;
    if (is(stmt, "function_definition")) {
      if (py.text(field(stmt, "name")) == "__tablename__") {  // declared_attr
        sqlalchemy_naming::Rule rule = naming.tablename_rule(stmt);
        if (rule.starts_with("=")) c->tablename = rule.substr(1);
        else if (!rule.empty()) c->tablename_rule = rule;
        else c->tablename_dynamic = true;
      }
      if (py.text(field(stmt, "name")) == "__table_args__") {
        PyValue options;
        if (!constraints_only(stmt, &options)) c->table_args_unknown = true;
        else if (options.is(K::Dict)) table_args_options(options, c);
      }
      return;
    }
    if (!is(stmt, "expression_statement")) return;
    TSNode a = ts_node_named_child(stmt, 0);
    if (!is(a, "assignment")) return;
    TSNode left = field(a, "left"), right = field(a, "right"), type = field(a, "type");
    if (!is(left, "identifier")) return;
    std::string attr(py.text(left));
    PyValue v = ts_node_is_null(right) ? PyValue{} : py.eval(right);
    if (attr == "__tablename__") {
      if (v.is_str()) c->tablename = v.text;
      else c->tablename_dynamic = true;
      return;
    }
    if (attr == "__abstract__") { c->abstract = v.truthy(); return; }
    if (attr == "__bind_key__") { c->bind_key = !v.is(K::None); return; }
    if (attr == "__table_args__") {
      const PyValue* dict = v.is(K::Dict) ? &v : v.is(K::List) && !v.items.empty() && v.items.back().is(K::Dict) ? &v.items.back() : nullptr;
      if (!dict && !v.is(K::List)) { c->table_args_unknown = true; return; }
      if (dict) table_args_options(*dict, c);
      return;
    }
    if (attr == "__table__") {
      c->table = read_table(v);
      if (!c->table.ok) c->tablename_dynamic = true;
      return;
    }
    if (attr.starts_with("__")) return;
    std::string_view ann = ts_node_is_null(type) ? std::string_view() : py.text(type);
    if (ann.starts_with("ClassVar")) return;
    Col col;
    col.attr = attr;
    col.begin = ts_node_start_byte(left), col.end = ts_node_end_byte(left);
    const PyValue* call = &v;
    if (ts_node_is_null(right)) {
      // `x: Mapped[int]` alone; in SQLModel every annotated field is a column; so is
      // `x: Mapped[bool_false]` where the project says `bool_false = Annotated[bool, mapped_column(...)]`.
      if (!(c->sqlmodel && !ann.empty()) && !plain_mapped(mapped_inner(ann)) && !plain_alias(mapped_inner(ann)))
        return;
      col.column = attr;
      c->cols.push_back(col);
      return;
    }
    if (v.is(K::Call)) {
      std::string_view n = v.last_name();
      if (n == "column_property" || n == "deferred") {
        if (v.items.empty() || !is_column_call(v.items.front())) return;  // an SQL expression
        col.deferred = n == "deferred" || truthy_or_unknown(v.kwarg("deferred"));
        call = &v.items.front();
      } else if (c->sqlmodel && n == "Field") {
        if (const PyValue* sa = v.kwarg("sa_column")) {
          if (!is_column_call(*sa)) return;
          call = sa;
        } else {
          if (const PyValue* kw = v.kwarg("sa_column_kwargs")) {
            if (!kw->is(K::Dict)) return;
            if (const PyValue* nm = kw->kwarg("name")) {
              if (!nm->is_str()) return;
              col.column = nm->text;
              c->cols.push_back(col);
              return;
            }
          }
          col.column = attr;
          if (const PyValue* pk = v.kwarg("primary_key"); pk && pk->truthy()) c->has_pk = true;
          c->cols.push_back(col);
          return;
        }
      } else if (!is_column_call(v)) {
        return;  // relationship(), synonym(), association_proxy(), ...
      }
    } else if (c->sqlmodel && !ann.empty() && !v.is(K::Unknown)) {
      col.column = attr;  // `x: int = 5`: a column with a default
      c->cols.push_back(col);
      return;
    } else {
      return;
    }
    if (const PyValue* d = call->kwarg("deferred"); truthy_or_unknown(d)) col.deferred = true;
    if (const PyValue* pk = call->kwarg("primary_key"); pk && pk->truthy()) c->has_pk = true;
    if (!column_name(*call, attr, &col.column, &col.begin, &col.end)) {
      unchecked(col.begin, "the column's name is computed at run time");
      return;
    }
    c->cols.push_back(col);
  }

  /// `@declared_attr def owner_id(cls): return Column(ForeignKey("owners.id"))` (also
  /// `mapped_column(...)`): a column of every class that inherits it, named after the function
  /// unless the call names it. A body of more than that one return is not read.
  bool declared_column(TSNode fn, Cls* c) {
    std::string attr(py.text(field(fn, "name")));
    if (attr.starts_with("__")) return false;
    TSNode body = field(fn, "body");
    if (ts_node_is_null(body) || ts_node_named_child_count(body) != 1) return false;
    TSNode ret = ts_node_named_child(body, 0);
    if (!is(ret, "return_statement") || ts_node_named_child_count(ret) != 1) return false;
    PyValue v = py.eval(ts_node_named_child(ret, 0));
    if (!v.is(K::Call) || !is_column_call(v)) return false;
    Col col;
    col.attr = attr;
    TSNode name = field(fn, "name");
    col.begin = ts_node_start_byte(name), col.end = ts_node_end_byte(name);
    if (const PyValue* pk = v.kwarg("primary_key"); pk && pk->truthy()) c->has_pk = true;
    if (const PyValue* d = v.kwarg("deferred"); truthy_or_unknown(d)) col.deferred = true;
    if (!column_name(v, attr, &col.column, &col.begin, &col.end)) {
      unchecked(col.begin, "the column's name is computed at run time");
      return true;
    }
    c->cols.push_back(col);
    return true;
  }

  void require_table(const std::string& schema, const std::string& name, uint32_t begin, uint32_t end,
                     const std::string& label, bool relation, const std::vector<const Col*>& cols, bool core) {
    size_t unit = out->requirements.units.size();
    out->requirements.units.push_back({std::string(in.path), label, "", 0, ""});
    std::string shown = schema == in.default_schema ? name : schema + "." + name;
    std::string fix_rel = "generate a migration that creates it with `alembic revision --autogenerate` (op.create_table(\"" +
                          name + "\", ...)) and apply it with `alembic upgrade head` before deploying this code";
    out->declared_tables.push_back({schema, name});
    if (relation) {
      requirements::Requirement r;
      r.object = requirements::Object::Relation;
      r.schema = schema;
      r.relation = name;
      r.span = {begin, end};
      r.unit = unit;
      r.quoted = has_upper(name);
      r.describe = core ? "SQLAlchemy " + label + " declares table " + shown + "; select() of it reads it"
                        : "SQLAlchemy " + label + " is mapped to table " + shown + "; every query of the model reads it";
      r.fix = fix_rel;
      out->requirements.requirements.push_back(r);
    }
    for (const Col* c : cols) {
      if (c->deferred) {
        unchecked(c->begin, "deferred column " + shown + "." + c->column + ": loaded only when accessed, not required");
        continue;
      }
      requirements::Requirement r;
      r.object = requirements::Object::Column;
      r.schema = schema;
      r.relation = name;
      r.column = c->column;
      r.span = {c->begin, c->end};
      r.unit = unit;
      r.quoted = has_upper(c->column);
      r.describe = core ? "SQLAlchemy " + label + " declares column " + shown + "." + c->column +
                              "; select() of the table reads it"
                        : "SQLAlchemy " + label + " maps attribute " + c->attr +
                              (c->via.empty() ? "" : " (declared on " + c->via + ")") + " to column " + shown + "." +
                              c->column + "; every query of the model selects it";
      r.fix = "generate a migration with `alembic revision --autogenerate` (op.add_column(\"" + name +
              "\", sa.Column(\"" + c->column + "\", ...))) and apply it with `alembic upgrade head` before deploying this code";
      out->requirements.requirements.push_back(r);
    }
  }

  void table_decl(const TableDecl& t, const std::string& label) {
    if (t.schema_unknown || file_schema_unknown) return;
    std::string schema = !t.schema.empty() ? t.schema : !file_schema.empty() ? file_schema : in.default_schema;
    std::vector<const Col*> cols;
    if (!t.reflected)
      for (auto& c : t.cols) cols.push_back(&c);
    require_table(schema, t.name, t.begin, t.end, label, true, cols, true);
  }

  /// Every call to MetaData(schema=...) in the file, `.create_all(` calls and `.has_table("t")` tests.
  void walk(TSNode n, int depth) {
    if (depth > 200) return;
    if (is(n, "call")) {
      TSNode fn = field(n, "function");
      if (is(fn, "attribute") && py.text(field(fn, "attribute")) == "create_all") out->creates_declared_tables.push_back(ts_node_start_byte(n));
      // `inspect(engine).has_table("migrate_version")`: the code asks whether the table exists
      // (a legacy tool's, in an older database) before it uses it; no migration need create it.
      if (is(fn, "attribute") && py.text(field(fn, "attribute")) == "has_table") {
        PyValue v = py.eval(n);
        if (!v.items.empty() && v.items[0].is_str() && !v.items[0].text.empty() && !v.kwarg("schema"))
          out->created_at_run_time.push_back({"", v.items[0].text, ts_node_start_byte(n),
                                              "tested for with SQLAlchemy's has_table() before it is used, at"});
      }
      PyValue callee = py.eval(fn);
      if (callee.is(K::Name) && callee.last_name() == "MetaData") {
        PyValue v = py.eval(n);
        if (const PyValue* s = v.kwarg("schema")) {
          if (s->is_str() && (file_schema.empty() || file_schema == s->text)) file_schema = s->text;
          else if (!s->is(K::None)) file_schema_unknown = true;
        }
      }
    }
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i) walk(ts_node_named_child(n, i), depth + 1);
  }

  // Classes of this file and, under "path:Name", the bases other files give them.
  std::map<std::string, Cls> classes;
  std::vector<std::string> order;
  std::set<std::string> used_as_base;
  std::map<std::string, python::Import> imports;

  std::string base_id(const std::string& written, std::string_view from, const std::string& ref, int depth = 0) {
    return python::base_id(classes, in, kPrefix, written, from, ref, depth,
                           [&](const std::string& id, const python::FoundClass& found, int d) { return decode(id, found, d); });
  }

  /// Another file's class from its record: header flags (abstract, bind_key, sqlmodel_table,
  /// flask_model, sqlmodel, tablename_dynamic, has_pk, table_args_unknown, reflected,
  /// has_schema, declarative_root), table name, schema, table name rule; rows attribute,
  /// column, deferred.
  Cls decode(const std::string& id, const python::FoundClass& found, int depth) {
    Cls c;
    c.name = id;
    std::optional<python::Record> r = python::decode(found.record, 4);
    if (!r || r->header[0].size() < 11) {
      c.tablename_dynamic = true;
      return c;
    }
    const std::string& f = r->header[0];
    c.abstract = f[0] == '1', c.bind_key = f[1] == '1', c.sqlmodel_table = f[2] == '1', c.flask_model = f[3] == '1';
    c.sqlmodel = f[4] == '1', c.tablename_dynamic = f[5] == '1', c.has_pk = f[6] == '1';
    c.table_args_unknown = f[7] == '1', c.reflected = f[8] == '1', c.has_schema = f[9] == '1';
    c.declarative_root = f[10] == '1';
    c.tablename = r->header[1];
    c.schema = r->header[2];
    c.tablename_rule = sqlalchemy_naming::resolve(r->header[3], found.path, in.facts);
    if (c.tablename_rule.empty() && !r->header[3].empty()) c.tablename_dynamic = true;
    for (auto& [written, ref] : r->bases) c.bases.push_back(base_id(written, found.path, ref, depth));
    for (const auto& row : r->rows) {
      if (row.size() != 3) continue;
      Col col;
      col.attr = row[0], col.column = row[1], col.deferred = row[2] == "1";
      col.via = found.name + " (" + found.path + ")";
      c.cols.push_back(col);
    }
    return c;
  }

  /// Reads the file's classes (bases resolved where the index allows).
  void read_classes() {
    imports = python::imports_of(in.path, in.text, in.root);  // records keep bases as imported
    for (TSNode node : schema::migrations::code::class_definitions(in.root)) {
      Cls c;
      python::ClassHeader h = python::class_header(in.text, node);
      c.name = h.name, c.begin = h.begin, c.end = h.end;
      for (auto& [key, value] : h.keywords)
        if (key == "table" && value == "True") c.sqlmodel_table = true;
      for (const std::string& base : h.bases) {
        c.written_bases.push_back(base);
        used_as_base.insert(base);
        std::string id = base_id(base, in.path, python::base_ref(imports, base));
        c.bases.push_back(id);
        if (base == "SQLModel" || base.ends_with(".SQLModel") || (classes.count(id) && classes[id].sqlmodel)) c.sqlmodel = true;
        for (std::string_view root : {"DeclarativeBase", "DeclarativeBaseNoMeta"})
          if (base == root || base.ends_with("." + std::string(root))) c.declarative_root = true;
        // Flask-SQLAlchemy's db.Model (never Django's models.Model)
        if ((base.ends_with(".Model") && base != "models.Model" && base.find('.') == base.rfind('.')) ||
            (classes.count(id) && classes[id].flask_model))
          c.flask_model = true;
      }
      TSNode body = field(node, "body");
      uint32_t k = ts_node_named_child_count(body);
      for (uint32_t i = 0; i < k; ++i) read_statement(ts_node_named_child(body, i), &c);
      order.push_back(c.name);
      classes[c.name] = std::move(c);
    }
  }

  /// The `__tablename__` rule class `c` inherits (the first in its bases' order, as Python's
  /// method resolution finds it in a plain hierarchy), and whether a declarative base is among
  /// its ancestors. False when it cannot be told: a base this layer does not know comes first
  /// (it may define its own directive), or two ancestors give different rules.
  bool inherited_rule(const Cls& c, sqlalchemy_naming::Rule* rule, bool* declarative, std::set<const Cls*>* seen) {
    if (!seen->insert(&c).second) return true;  // a cycle of bases (not Python): read once
    for (const std::string& b : c.bases) {
      auto it = classes.find(b);
      if (it == classes.end()) {
        std::string_view last = std::string_view(b).substr(b.rfind('.') == std::string::npos ? 0 : b.rfind('.') + 1);
        if (last == "DeclarativeBase" || last == "DeclarativeBaseNoMeta") *declarative = true;
        else if (rule->empty() && last != "object" && last != "ABC" && !last.starts_with("Generic[")) {
          // An unknown base ahead of any rule: it may name the table itself. Only matters
          // when a rule follows.
          sqlalchemy_naming::Rule later;
          bool d = false;
          std::set<const Cls*> again;
          for (const std::string& rest : c.bases)
            if (auto r = classes.find(rest); r != classes.end()) inherited_rule(r->second, &later, &d, &again);
          if (!later.empty()) return false;
        }
        continue;
      }
      const Cls& base = it->second;
      if (base.declarative_root) *declarative = true;
      if (!base.tablename_rule.empty()) {
        if (!rule->empty() && *rule != base.tablename_rule) return false;
        *rule = base.tablename_rule;
      }
      if (!inherited_rule(base, rule, declarative, seen)) return false;
    }
    return true;
  }

  /// Which classes are mapped and to which table their own columns go; bases first.
  void decide(Cls& c, std::set<std::string>* done, int depth = 0) {
    if (!done->insert(c.name).second || depth > 32) return;
    bool own = c.name.find(':') == std::string::npos;
    for (const std::string& b : c.bases)
      if (auto it = classes.find(b); it != classes.end()) decide(it->second, done, depth + 1);
    const Cls* mapped_parent = nullptr;
    for (auto& b : c.bases)
      if (auto it = classes.find(b); it != classes.end() && it->second.mapped) { mapped_parent = &it->second; break; }
    bool dynamic = c.tablename_dynamic;
    for (auto& b : c.bases)  // a declared_attr __tablename__ of a mixin or base that is not mapped
      if (auto it = classes.find(b); it != classes.end() && !it->second.mapped && it->second.tablename_dynamic) dynamic = true;
    // A __tablename__ computed from the class name by a base: this class's table, when the
    // class is mapped for certain (a declarative base among its ancestors) and inherits no
    // table (a subclass of a mapped class would get joined inheritance, or None, as the
    // directive decides at run time).
    sqlalchemy_naming::Rule rule;
    std::set<const Cls*> seen;
    bool declarative = false, rule_known = inherited_rule(c, &rule, &declarative, &seen);
    if (!rule_known || (!rule.empty() && c.tablename.empty() && (mapped_parent || !declarative))) dynamic = true;
    if (c.abstract || (c.sqlmodel && !c.sqlmodel_table)) return;
    if (c.table.ok) {
      c.mapped = true;
      c.table_name = c.table.name;
      c.unknown_table = c.table.schema_unknown || c.table.reflected;
      c.table_schema = c.table.schema;
    } else if (!c.tablename.empty() && !dynamic && !(c.flask_model && mapped_parent && !c.has_pk)) {
      c.mapped = true;
      c.table_name = c.tablename;
    } else if (!rule.empty() && c.tablename.empty() && c.tablename_rule.empty() && !dynamic) {
      c.table_name = sqlalchemy_naming::apply(rule, own ? c.name : c.name.substr(c.name.rfind(':') + 1));
      c.mapped = !c.table_name.empty();
      if (!c.mapped && own) unchecked(c.begin, "the model's table name is computed at run time");
    } else if (c.sqlmodel_table && c.tablename.empty() && !dynamic) {
      c.mapped = true;
      c.table_name = lower(own ? c.name : c.name.substr(c.name.rfind(':') + 1));
    } else if (c.flask_model && c.tablename.empty() && !dynamic && c.has_pk) {
      // Flask-SQLAlchemy names the table of a model with a primary key column of its own, a
      // subclass of a mapped model too (joined inheritance: CTFd's DynamicChallenge).
      c.mapped = true;
      c.table_name = snake_case(own ? c.name : c.name.substr(c.name.rfind(':') + 1));
    } else if (mapped_parent && (c.tablename.empty() || c.flask_model) && !dynamic) {
      // Single-table inheritance: the parent's table. Flask-SQLAlchemy also drops the
      // __tablename__ of a subclass without a primary key column of its own (its __table_cls__:
      // CTFd's `class Admins(Users): __tablename__ = "admins"` lives in "users").
      c.mapped = true;
      c.sti = true;
      c.table_name = mapped_parent->table_name;
      c.table_schema = mapped_parent->table_schema;
      c.unknown_table = mapped_parent->unknown_table;
      if (!c.has_schema && !mapped_parent->has_schema) c.table_schema.clear();
      if (!c.has_schema) c.has_schema = mapped_parent->has_schema, c.schema = mapped_parent->schema;
      c.table_args_unknown = c.table_args_unknown || mapped_parent->table_args_unknown;
      c.bind_key = c.bind_key || mapped_parent->bind_key;
    } else if (c.flask_model && c.tablename.empty() && !dynamic) {
      if (c.has_pk) {
        c.mapped = true;
        c.table_name = snake_case(own ? c.name : c.name.substr(c.name.rfind(':') + 1));
      } else if (!c.cols.empty() && own) {
        unchecked(c.begin, "Flask-SQLAlchemy names the table of a model without a primary key of its own at run time");
      }
    } else if (own && (dynamic || (!c.cols.empty() && !used_as_base.count(c.name) && !c.name.ends_with("Mixin")))) {
      // A class with columns whose table this file does not name: a base or mixin used
      // elsewhere, or a model of a base that names tables itself.
      if ((dynamic || c.flask_model) && !used_as_base.count(c.name))
        unchecked(c.begin, "the model's table name is computed at run time");
    }
  }

  void run() {
    walk(in.root, 0);
    if (source::is_test_file(in.path) || in.path.starts_with("tests/") || in.path.find("/tests/") != std::string_view::npos)
      out->creates_declared_tables.clear();  // a test's create_all() sets up its own database
    // Module-level Table(...) declarations.
    for (auto& [name, value] : py.assignments(in.root)) {
      PyValue v = py.eval(value);
      TableDecl t = read_table(v);
      if (t.ok) table_decl(t, "Table(\"" + t.name + "\")");
    }
    read_classes();
    std::set<std::string> done;
    for (const std::string& name : order) decide(classes[name], &done);

    for (const std::string& name : order) {
      Cls& c = classes[name];
      if (!c.mapped) continue;
      std::string label = (c.sqlmodel ? "SQLModel model " : "model ") + c.name;
      if (c.bind_key) {
        unchecked(c.begin, "the model is bound to another database (__bind_key__)");
        continue;
      }
      if (c.unknown_table || c.table_args_unknown || file_schema_unknown || c.reflected) {
        if (!c.table.ok || !c.table.reflected) unchecked(c.begin, "the model's schema or columns are decided at run time");
        else table_decl(c.table, label);  // reflected: the table, not the columns
        continue;
      }
      if (c.table.ok) {
        table_decl(c.table, label);
        continue;
      }
      std::string schema = c.has_schema ? c.schema : !file_schema.empty() ? file_schema : in.default_schema;
      // Own columns, then those of mixins / abstract bases / SQLModel bases that are not mapped
      // themselves, of this file or another (nearest first; a name declared lower down wins).
      // A column another file declares is required at this class's name.
      std::vector<Col> cols;
      std::set<std::string> seen;
      std::vector<const Cls*> chain{&c};
      for (size_t i = 0; i < chain.size() && i < 32; ++i)
        for (const std::string& b : chain[i]->bases)
          if (auto it = classes.find(b); it != classes.end() && !it->second.mapped) chain.push_back(&it->second);
      for (const Cls* k : chain)
        for (const Col& col : k->cols)
          if (seen.insert(col.attr).second) {
            cols.push_back(col);
            if (!col.via.empty()) cols.back().begin = c.begin, cols.back().end = c.end;
          }
      std::vector<const Col*> refs;
      for (const Col& col : cols) refs.push_back(&col);
      require_table(schema, c.table_name, c.begin, c.end, label, !c.sti, refs, false);
    }
  }

  /// What other files need of this file's classes: one record each (see decode()).
  std::vector<std::pair<std::string, std::string>> records() {
    walk(in.root, 0);
    read_classes();
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& name : order) {
      const Cls& c = classes[name];
      python::Record r;
      std::string flags;
      for (bool b : {c.abstract, c.bind_key, c.sqlmodel_table, c.flask_model, c.sqlmodel, c.tablename_dynamic, c.has_pk,
                     c.table_args_unknown || file_schema_unknown || c.table.schema_unknown, c.reflected || c.table.reflected,
                     c.has_schema || (!file_schema.empty() && !c.table.ok), c.declarative_root})
        flags += b ? '1' : '0';
      r.header = {flags, c.table.ok ? c.table.name : c.tablename,
                  c.has_schema ? c.schema : c.table.ok ? c.table.schema : file_schema, c.tablename_rule};
      for (const std::string& b : c.written_bases) r.bases.push_back({b, python::base_ref(imports, b)});
      for (const Col& col : c.cols) r.rows.push_back({col.attr, col.column, col.deferred ? "1" : "0"});
      if (c.table.ok)
        for (const Col& col : c.table.cols) r.rows.push_back({col.attr, col.column, "0"});
      out.push_back({name, python::encode(r)});
    }
    return out;
  }
};

bool claims_models(std::string_view path) {
  if (!path.ends_with(".py")) return false;
  // Migrations describe tables (op.create_table, Table(...) in a data migration): not models.
  return path.find("/migrations/") == std::string_view::npos && !path.starts_with("migrations/") &&
         path.find("/versions/") == std::string_view::npos && path.find("/alembic/") == std::string_view::npos &&
         !path.starts_with("alembic/");
}

/// Flask-SQLAlchemy's models in a module that imports only the extension's object (`from
/// app.extensions import db`, then `class Widget(db.Model)` with `db.Column(...)`, or a subclass
/// of another module's model with a `db.Column` of its own): a name's `.Column(`, the object
/// Flask-SQLAlchemy proxies SQLAlchemy's names through (Django's and peewee's fields are named
/// otherwise). Which classes are models the reader decides from their bases.
bool flask_models(std::string_view text) {
  for (size_t at = text.find(".Column("); at != std::string_view::npos; at = text.find(".Column(", at + 1)) {
    size_t b = at;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '_')) --b;
    if (b < at && (b == 0 || text[b - 1] != '.')) return true;
  }
  return false;
}

bool relevant(std::string_view text) {
  for (std::string_view word : {"sqlalchemy", "sqlmodel", "__tablename__", "mapped_column", "create_all"})
    if (text.find(word) != std::string_view::npos) return true;
  return flask_models(text);
}

bool is_test(std::string_view path) {
  return source::is_test_file(path) || path.starts_with("tests/") || path.find("/tests/") != std::string_view::npos;
}

/// Every class of a model file, for the models of other files that derive from it.
void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (!claims_models(in.path) || ts_node_is_null(in.root) || is_test(in.path)) return;
  FileOutput scratch;
  std::vector<std::pair<std::string, std::string>> records;
  if (relevant(in.text)) {
    Reader r(in, &scratch);
    records = r.records();
  }
  python::index_classes(kPrefix, in.path, in.text, in.root, records, out);
  for (auto& [name, type] : annotated_aliases(in.text))
    out->push_back({std::string(kPrefix) + "annotated:" + name, plain_mapped(type) ? "plain" : "other"});
  // Helpers a computed __tablename__ of another module may call (a compiled camel-to-snake regex).
  if (sqlalchemy_naming::may_export(in.text))
    for (auto& [name, value] : sqlalchemy_naming::NamingReader(in.path, in.text, in.root, nullptr).exports())
      out->push_back({std::string(sqlalchemy_naming::kExportPrefix) + "class:" + name, std::string(in.path) + "\n" + value});
}

bool index_reads(std::string_view path, std::string_view text) {
  return relevant(text) || python::reexports(path, text) || sqlalchemy_naming::may_export(text);
}

void extract(const FileInput& in, FileOutput* out) {
  if (!claims_models(in.path) || ts_node_is_null(in.root)) return;
  bool test = is_test(in.path);
  Reader r(in, out);
  if (test) {  // a test's models and create_all() are its own database's
    return;
  }
  r.run();
  // Tables declared for another engine (a ClickHouse dialect's Core tables): not PostgreSQL's.
  if (std::string engine = source::other_engine_of_code(in.path, in.text); !engine.empty()) {
    if (!out->requirements.requirements.empty())
      out->unchecked.push_back({out->requirements.requirements.front().span.begin, "sqlalchemy model",
                                "declarations for " + engine + ", not PostgreSQL"});
    out->requirements = {};
    out->declared_tables.clear();
  }
}

}  // namespace

namespace sqlalchemy {

struct Models::Impl {
  FileOutput scratch;  // what the reader would report of this file's own models: not ours to say
  Reader reader;
  std::set<std::string> done;
  std::map<std::string, std::unique_ptr<Model>, std::less<>> found;  // by the text as written; null: none

  explicit Impl(const FileInput& in) : reader(in, &scratch) {
    reader.walk(in.root, 0);
    reader.read_classes();
    for (const std::string& name : reader.order) reader.decide(reader.classes[name], &done);
  }

  /// The id of the class `written` names in `reader.classes`, "" when none for certain.
  std::string class_id(std::string_view written) {
    const FileInput& in = reader.in;
    std::string w(written);
    size_t dot = w.find('.');
    std::string head = w.substr(0, dot);
    if (dot == std::string::npos || reader.imports.count(head)) {
      std::string ref = python::base_ref(reader.imports, w);
      if (ref == "?" || (ref[0] == '=' && !reader.classes.count(w))) return "";  // not this file's, not imported
      std::string id = reader.base_id(w, in.path, ref);
      return reader.classes.count(id) ? id : "";
    }
    // `db.Flow`: an object's attribute named as a model; the project's one class of that name.
    if (w.find('.', dot + 1) != std::string::npos || !in.facts) return "";
    std::string name = w.substr(dot + 1);
    auto it = in.facts->find(std::string(kPrefix) + "class:" + name);
    if (it == in.facts->end()) return "";
    std::set<std::string> paths;
    for (const std::string& v : it->second) paths.insert(v.substr(0, v.find('\n')));
    // A model and a schema class of the same name (prefect's orm_models.Flow and schemas.core.Flow):
    // an attribute in a statement is the mapped class's.
    std::string mapped;
    for (const std::string& path : paths) {
      std::string id = path == in.path ? (reader.classes.count(name) ? name : "") : reader.base_id(name, path, "=" + name);
      if (id.empty() || !reader.classes.count(id) || (id == name && path != in.path)) continue;
      reader.decide(reader.classes[id], &done);
      if (!reader.classes[id].mapped) continue;
      if (!mapped.empty()) return "";
      mapped = id;
    }
    return mapped;
  }

  std::unique_ptr<Model> model_of(const std::string& id, int depth) {
    if (depth > 8) return nullptr;
    Cls& c = reader.classes[id];
    reader.decide(c, &done);
    bool own = id.find(':') == std::string::npos;
    if (!c.mapped || c.bind_key || c.unknown_table || c.table_args_unknown || c.reflected ||
        (own && reader.file_schema_unknown) || c.table_name.empty())
      return nullptr;
    auto m = std::make_unique<Model>();
    m->name = own ? c.name : c.name.substr(c.name.rfind(':') + 1);
    m->table = c.table_name;
    if (c.table.ok) {
      m->schema = !c.table.schema.empty() ? c.table.schema : reader.file_schema;
    } else if (c.has_schema) {
      m->schema = c.schema;
    } else if (own) {
      m->schema = reader.file_schema;
    } else if (!c.schema.empty()) {
      return nullptr;  // another file's __table__ with a schema of its own: not told apart here
    }
    if (m->schema.empty()) m->schema = reader.in.default_schema;
    // Own columns, then those of the bases that are not mapped (mixins), nearest first.
    std::vector<const Cls*> chain{&c};
    for (size_t i = 0; i < chain.size() && i < 32; ++i)
      for (const std::string& b : chain[i]->bases)
        if (auto it = reader.classes.find(b); it != reader.classes.end() && !it->second.mapped) chain.push_back(&it->second);
    for (const Cls* k : chain) {
      for (const Col& col : k->cols) m->attributes.emplace(col.attr, MappedColumn{m->schema, m->table, col.column});
      for (const Col& col : k->table.cols) m->attributes.emplace(col.attr, MappedColumn{m->schema, m->table, col.column});
    }
    // A mapped parent's attributes are the subclass's too, on the parent's table (joined
    // inheritance) or on the shared one (single table).
    for (const std::string& b : c.bases)
      if (auto it = reader.classes.find(b); it != reader.classes.end() && it->second.mapped) {
        if (std::unique_ptr<Model> parent = model_of(b, depth + 1))
          for (auto& [attr, col] : parent->attributes) m->attributes.emplace(attr, col);
        break;
      }
    return m;
  }
};

Models::Models(const FileInput& in) : impl_(std::make_unique<Impl>(in)) {}
Models::~Models() = default;

const Model* Models::find(std::string_view written) {
  if (auto it = impl_->found.find(written); it != impl_->found.end()) return it->second.get();
  std::string id = impl_->class_id(written);
  std::unique_ptr<Model> m = id.empty() ? nullptr : impl_->model_of(id, 0);
  return (impl_->found[std::string(written)] = std::move(m)).get();
}

}  // namespace sqlalchemy

namespace {
/// Whether a file shows the project uses SQLAlchemy (relevant, with create_all as a word: not
/// synapse's `desc="create_all_registration_tokens"`): without one, no class is a model, and the
/// package __init__ files index_reads would read are not parsed.
bool index_wanted(std::string_view text) {
  for (std::string_view word : {"sqlalchemy", "sqlmodel", "__tablename__", "mapped_column"})
    if (text.find(word) != std::string_view::npos) return true;
  for (size_t at = text.find("create_all"); at != std::string_view::npos; at = text.find("create_all", at + 1)) {
    size_t end = at + 10;
    if (end >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) return true;
  }
  return false;
}
}  // namespace

extern const DataLayer kSqlalchemy{.name = "sqlalchemy",
                                   .languages = {"python"},
                                   .relevant = relevant,
                                   .extract = extract,
                                   .index = index,
                                   .index_reads = index_reads,
                                   .index_wanted = index_wanted,
                                   .relevant_words = {"sqlalchemy", "sqlmodel", "__tablename__", "mapped_column", "create_all", ".Column("},
                                   .index_words = {"sqlalchemy", "sqlmodel", "__tablename__", "mapped_column", "create_all", ".Column(", "import", "[A-Z]"},
                                   .wanted_words = {"sqlalchemy", "sqlmodel", "__tablename__", "mapped_column", "create_all"}};

}  // namespace schemagate::datalayers
