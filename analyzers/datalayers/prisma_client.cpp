// Prisma client calls: `prisma.user.findMany({ where: { email }, select: { name: true } })`. A
// model's every scalar field is already a requirement at its declaration in schema.prisma (the
// client selects them all), so a field no migration adds is found at the model. The call that
// names the field is where production breaks, and the one a reviewer of the change reads: each
// field a call names in `where` (with AND / OR / NOT), `select`, `include`, `omit`, `orderBy`,
// `cursor`, `distinct`, `by` or the rows it writes (`data`, upsert's `create` / `update`) is a
// requirement there too, with the column the schema maps it to. A relation key leads to the
// related model (the field's type): its own select, include, where and filters, and the rows of
// its nested create, are read on that model the same way.
//
// The objects may be spelled in the call, held by a constant of the file, or exported as a
// constant by another module of the project and imported by name (the index records each such
// object of a file that names Prisma: a shared `surveySelect`); the argument is read once into a
// Value, whoever spells it, and the walk is one.
//
// Only what is certain: the client is an expression ending in `prisma` (`prisma`, `this.prisma`,
// `ctx.prisma`), a variable the file binds to `new PrismaClient(...)`, a name the file types
// only with a class of the project that extends PrismaClient (NestJS's injected `PrismaService`:
// `constructor(private readonly prismaService: PrismaService)` and `this.prismaService.user...`),
// the parameter of an interactive `.$transaction(async (tx) => ...)` of one, or its read replica
// (`.$replica()`); the accessor is a model exactly one PostgreSQL schema of the project declares;
// the method is one of the client's. A key that is no field of the model (a compound unique `a_b`,
// `_count`, a typo TypeScript would reject) is not judged, nor is an object whose module cannot be
// told.
#include <algorithm>
#include <cctype>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/facts.h"
#include "analyzers/datalayers/js_modules.h"
#include "analyzers/datalayers/js_tree.h"
#include "analyzers/languages/script_lexer.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

constexpr const char* kClientClassKey = "prisma-client:class";
/// "Class.field\tType": a class's field (or constructor parameter property) typed with one name,
/// which a subclass of another file reads as this.field.
constexpr const char* kFieldKey = "prisma-client:field";
/// The classes of kFieldKey's facts, each once a file.
constexpr const char* kFieldClassKey = "prisma-client:field-class";

/// A client is `prisma`, `.prisma`, a `new PrismaClient` or a name typed `Prisma.TransactionClient`,
/// in code: a file that names prisma only in a module's name (`import type { User } from
/// '@/generated/prisma/client'`) has none.
bool relevant_prisma_client(std::string_view text) {
  return languages::script_code_names(text, "prisma", false) || languages::script_code_names(text, "PrismaClient", false) ||
         (text.find("TransactionClient") != std::string_view::npos &&
          languages::script_code_names(text, "TransactionClient", false));
}

/// A file may reach the client only through a project class that extends it (`db: DbService`),
/// a type alias of the client's (`db: PrismaClientOrTransaction`), or a field of a class it
/// extends (`class QueueListPresenter extends BasePresenter`, whose _replica is one).
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  if (relevant_prisma_client(text)) return true;
  if (!facts) return false;
  if (auto it = facts->find(kClientClassKey); it != facts->end())
    for (auto& name : it->second)
      if (text.find(name) != std::string_view::npos) return true;
  // Each `extends X` of the text, X looked up among the classes with such fields.
  auto classes = facts->find(kFieldClassKey);
  if (classes == facts->end()) return false;
  for (size_t at = text.find("extends "); at != std::string_view::npos; at = text.find("extends ", at + 8)) {
    size_t b = at + 8, e = b;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_' || text[e] == '$')) ++e;
    std::string_view base = text.substr(b, e - b);
    if (!base.empty() && std::find(classes->second.begin(), classes->second.end(), base) != classes->second.end()) return true;
  }
  return false;
}

std::vector<std::string> split_tabs(const std::string& v) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t tab; (tab = v.find('\t', from)) != std::string::npos; from = tab + 1) out.push_back(v.substr(from, tab - from));
  out.push_back(v.substr(from));
  return out;
}

/// The provider of the datasource in `dir` or a folder above it (prisma.cpp's index): "" when
/// none or when that folder's schemas disagree.
std::string provider_of(std::string_view dir, const ProjectFacts* facts) {
  for (;;) {
    if (auto it = facts->find("prisma:datasource:" + std::string(dir)); it != facts->end()) {
      std::set<std::string> providers(it->second.begin(), it->second.end());
      return providers.size() == 1 ? *providers.begin() : "";
    }
    if (dir.empty()) return "";
    size_t slash = dir.rfind('/');
    dir = slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash);
  }
}

struct Model {
  std::string accessor, schema, table;
};

/// The PostgreSQL model the client calls `accessor`, when exactly one is declared. A schema of
/// another provider declaring it too (a project that generates its client from
/// prisma/postgres/schema.prisma or prisma/sqlite/schema.prisma, the same models in each) does
/// not make it ambiguous: the client this schema is checked against is PostgreSQL's.
std::optional<Model> model_of(std::string_view accessor, const FileInput& in) {
  if (!in.facts) return std::nullopt;
  auto it = in.facts->find("prisma:client-model:" + std::string(accessor));
  if (it == in.facts->end()) return std::nullopt;
  std::optional<Model> found;
  const std::string* first = nullptr;  // the PostgreSQL schema's declaration
  for (const std::string& v : it->second) {
    auto parts = split_tabs(v);
    if (parts.size() != 3) return std::nullopt;
    std::string provider = provider_of(parts[0], in.facts);
    if (provider.empty()) return std::nullopt;  // a schema whose provider cannot be told
    if (provider != "postgresql" && provider != "postgres") continue;
    if (first && *first != v) return std::nullopt;  // two PostgreSQL schemas declare it
    first = &v;
    found = Model{std::string(accessor), parts[1].empty() ? in.default_schema : parts[1], parts[2]};
  }
  return found;
}

/// A field of a model as schema.prisma declares it (prisma.cpp's index): its column, its type
/// without `?` or `[]`, and whether it is a list.
struct ModelField {
  std::string column, type;
  bool list = false;
};

std::optional<ModelField> field_of(const Model& m, std::string_view field, const ProjectFacts* facts) {
  const std::string* v = one_fact(facts, "prisma:client-field:" + m.accessor + "." + std::string(field));
  if (!v) return std::nullopt;
  auto parts = split_tabs(*v);
  if (parts.size() != 3) return std::nullopt;
  return ModelField{parts[0], parts[1], parts[2] == "[]"};
}

/// The column of a scalar field of the model, or "" (a relation, an unknown key).
std::string scalar_column(const Model& m, std::string_view field, const ProjectFacts* facts) {
  static const std::set<std::string> kScalars = {"String", "Boolean", "Int",   "BigInt", "Float",
                                                 "Decimal", "DateTime", "Json", "Bytes"};
  auto f = field_of(m, field, facts);
  if (!f) return "";
  if (kScalars.count(f->type)) return f->column;
  const std::string* kind = one_fact(facts, "prisma:type:" + f->type);
  return kind && *kind == "enum" ? f->column : "";
}

/// The model a relation field of `m` leads to (`surveys Survey[]`, `workspace Workspace?`),
/// when its type is a model of the project and that model is the PostgreSQL schema's.
std::optional<Model> related_model(const Model& m, std::string_view field, const FileInput& in, bool* list) {
  auto f = field_of(m, field, in.facts);
  if (!f || f->type.empty()) return std::nullopt;
  const std::string* kind = one_fact(in.facts, "prisma:type:" + f->type);
  if (!kind || *kind != "model") return std::nullopt;
  std::string accessor = f->type;
  accessor[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(accessor[0])));
  *list = f->list;
  return model_of(accessor, in);
}

// An argument of a call as Prisma reads it: an object literal the call spells, a same-file
// constant's, or one another module exports (the index below records those), read once into
// this form so that a select or a filter is walked the same way whoever spells it.
struct Entry;
struct Value {
  enum class Kind { Object, Array, String, Null, Other } kind = Kind::Other;
  std::vector<Entry> entries;  ///< Object: its keys, in order
  std::vector<Value> items;    ///< Array
  std::string string;          ///< String: its value
  uint32_t at = 0, end = 0;    ///< String: where the file spells it (or the name of the import)
};
struct Entry {
  std::string key;
  uint32_t at = 0, end = 0;  ///< the key in the file, or the name of the import that holds it
  Value value;
  const std::string* via = nullptr;  ///< set for an imported object: "surveySelect of src/x.ts"
};

constexpr int kMaxDepth = 12;

/// Who resolves an identifier the file imports (null: nobody, as in the index).
using ImportResolver = std::function<std::optional<Value>(TSNode ident, int depth)>;

Value read_value(TSNode n, std::string_view src, const ImportResolver& imported, int depth) {
  n = unwrap(n);
  Value v;
  if (ts_node_is_null(n) || depth > kMaxDepth) return v;
  if (is(n, "identifier")) {
    TSNode held = local_object(n, src);
    if (!ts_node_is_null(held)) return read_value(held, src, imported, depth + 1);
    if (imported)
      if (auto got = imported(n, depth)) return *got;
    return v;
  }
  if (is(n, "object")) {
    v.kind = Value::Kind::Object;
    std::vector<Key> ks;
    object_keys(n, src, &ks, true);
    for (auto& k : ks)
      v.entries.push_back({k.name, k.at, k.at + static_cast<uint32_t>(k.name.size()),
                           read_value(k.value, src, imported, depth + 1), nullptr});
    return v;
  }
  if (is(n, "array")) {
    v.kind = Value::Kind::Array;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
      if (!is(ts_node_named_child(n, i), "comment"))
        v.items.push_back(read_value(ts_node_named_child(n, i), src, imported, depth + 1));
    return v;
  }
  if (is(n, "null")) {
    v.kind = Value::Kind::Null;
    return v;
  }
  if (auto lit = literal(n, src)) {
    v.kind = Value::Kind::String;
    v.string = lit->value;
    v.at = lit->at;
    v.end = lit->at + static_cast<uint32_t>(lit->value.size());
  }
  return v;
}

// A Value written into a fact and read back: `{"k":V,...}`, `[V,...]`, `"s"`, `n` (null), `_`.
void write_quoted(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('"');
}

void write_value(const Value& v, std::string* out) {
  switch (v.kind) {
    case Value::Kind::Object:
      out->push_back('{');
      for (size_t i = 0; i < v.entries.size(); ++i) {
        if (i) out->push_back(',');
        write_quoted(v.entries[i].key, out);
        out->push_back(':');
        write_value(v.entries[i].value, out);
      }
      out->push_back('}');
      return;
    case Value::Kind::Array:
      out->push_back('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out->push_back(',');
        write_value(v.items[i], out);
      }
      out->push_back(']');
      return;
    case Value::Kind::String: write_quoted(v.string, out); return;
    case Value::Kind::Null: out->push_back('n'); return;
    case Value::Kind::Other: out->push_back('_'); return;
  }
}

bool read_quoted(std::string_view s, size_t* i, std::string* out) {
  if (*i >= s.size() || s[*i] != '"') return false;
  for (++*i; *i < s.size(); ++*i) {
    if (s[*i] == '\\' && *i + 1 < s.size()) {
      out->push_back(s[++*i]);
    } else if (s[*i] == '"') {
      ++*i;
      return true;
    } else {
      out->push_back(s[*i]);
    }
  }
  return false;
}

/// Every position of what is read is [at, end): the name the importing file uses.
bool parse_value(std::string_view s, size_t* i, uint32_t at, uint32_t end, const std::string* via, Value* v, int depth) {
  if (*i >= s.size() || depth > kMaxDepth) return false;
  char c = s[*i];
  v->at = at, v->end = end;
  if (c == 'n' || c == '_') {
    v->kind = c == 'n' ? Value::Kind::Null : Value::Kind::Other;
    ++*i;
    return true;
  }
  if (c == '"') {
    v->kind = Value::Kind::String;
    return read_quoted(s, i, &v->string);
  }
  char close = c == '{' ? '}' : c == '[' ? ']' : 0;
  if (!close) return false;
  v->kind = c == '{' ? Value::Kind::Object : Value::Kind::Array;
  ++*i;
  if (*i < s.size() && s[*i] == close) return ++*i, true;
  for (;;) {
    if (v->kind == Value::Kind::Object) {
      Entry e{"", at, end, {}, via};
      if (!read_quoted(s, i, &e.key) || *i >= s.size() || s[(*i)++] != ':') return false;
      if (!parse_value(s, i, at, end, via, &e.value, depth + 1)) return false;
      v->entries.push_back(std::move(e));
    } else {
      v->items.emplace_back();
      if (!parse_value(s, i, at, end, via, &v->items.back(), depth + 1)) return false;
    }
    if (*i >= s.size()) return false;
    if (s[*i] == close) return ++*i, true;
    if (s[(*i)++] != ',') return false;
  }
}

struct Call {
  const FileInput& in;
  FileOutput* out;
  std::string head;  ///< "prisma.user.findMany()"
  size_t unit = 0;

  /// `through`: the relations from the call's model to `m` ("surveys", "" for the call's own).
  void column(const Model& m, const Entry& e, requirements::Use use, const std::string& how, const std::string& through) {
    std::string c = scalar_column(m, e.key, in.facts);
    if (c.empty()) return;
    requirements::Requirement r;
    r.object = requirements::Object::Column;
    r.schema = m.schema;
    r.relation = m.table;
    r.column = c;
    r.use = use;
    r.span = {e.at, e.end};
    r.unit = unit;
    r.quoted = true;
    r.fix = "run `npx prisma migrate dev` to write the migration for this field, and apply it with "
            "`npx prisma migrate deploy` before deploying this code";
    std::string shown = m.schema == in.default_schema ? m.table : m.schema + "." + m.table;
    r.describe = "Prisma " + head + " " + how + " field " + e.key + (c == e.key ? "" : " (column " + c + ")") +
                 " of table " + shown + (through.empty() ? "" : ", through relation " + through) +
                 (e.via ? ", in " + *e.via : "");
    out->requirements.requirements.push_back(std::move(r));
  }

  static std::string join(const std::string& through, const std::string& key) {
    return through.empty() ? key : through + "." + key;
  }

  /// Each key of an object (or of each object of an array) as a field.
  void keys(const Model& m, const Value& v, requirements::Use use, const std::string& how, const std::string& through) {
    for (auto& item : v.items) keys(m, item, use, how, through);
    for (auto& e : v.entries) column(m, e, use, how, through);
  }

  /// A where object: fields, AND / OR / NOT of more where objects, and the filters of a
  /// relation on its model (`surveys: { some: {...} }`, `workspace: { is: {...} }` or
  /// `workspace: {...}`).
  void where(const Model& m, const Value& v, const std::string& through, int depth) {
    if (depth > kMaxDepth) return;
    for (auto& item : v.items) where(m, item, through, depth + 1);
    for (auto& e : v.entries) {
      if (e.key == "AND" || e.key == "OR" || e.key == "NOT") {
        where(m, e.value, through, depth + 1);
        continue;
      }
      bool list = false;
      auto related = e.value.kind == Value::Kind::Object ? related_model(m, e.key, in, &list) : std::nullopt;
      if (!related) {
        column(m, e, requirements::Use::Read, "filters on", through);
        continue;
      }
      bool wrapped = false;  // `is` / `isNot` (to-one), `some` / `every` / `none` (list)
      for (auto& f : e.value.entries)
        if (list ? f.key == "some" || f.key == "every" || f.key == "none" : f.key == "is" || f.key == "isNot") {
          wrapped = true;
          where(*related, f.value, join(through, e.key), depth + 1);
        }
      if (!wrapped && !list) where(*related, e.value, join(through, e.key), depth + 1);
    }
  }

  /// A select, include or omit object: fields, and each relation's own arguments on its model
  /// (`surveys: { where: {...}, select: {...} }`), `_count: { select: { surveys: { where } } }`.
  void select(const Model& m, const Value& v, const std::string& through, int depth) {
    if (depth > kMaxDepth) return;
    for (auto& e : v.entries) {
      if (e.key == "_count") {
        for (auto& s : e.value.entries) {
          if (s.key != "select") continue;
          for (auto& r : s.value.entries) {
            bool list = false;
            auto related = related_model(m, r.key, in, &list);
            if (!related) continue;
            for (auto& a : r.value.entries)
              if (a.key == "where") where(*related, a.value, join(through, r.key), depth + 1);
          }
        }
        continue;
      }
      bool list = false;
      auto related = e.value.kind == Value::Kind::Object ? related_model(m, e.key, in, &list) : std::nullopt;
      if (related) arguments(*related, e.value, join(through, e.key), false, depth + 1);
      else column(m, e, requirements::Use::Read, "selects", through);
    }
  }

  /// `distinct: ['a']`, `by: ['a', 'b']`.
  void names(const Model& m, const Value& v, const std::string& how, const std::string& through) {
    std::vector<const Value*> items;
    if (v.kind == Value::Kind::Array)
      for (auto& item : v.items) items.push_back(&item);
    else
      items.push_back(&v);
    for (const Value* item : items)
      if (item->kind == Value::Kind::String) column(m, Entry{item->string, item->at, item->end, {}, nullptr}, requirements::Use::Read, how, through);
  }

  /// The rows a write gives (`data`, `create`), and the nested writes of a relation in them
  /// that are read the same way wherever they are (`posts: { create: {...}, connect: {...} }`).
  void rows(const Model& m, const Value& v, const std::string& through, int depth) {
    if (depth > kMaxDepth) return;
    for (auto& item : v.items) rows(m, item, through, depth + 1);
    for (auto& e : v.entries) {
      bool list = false;
      auto related = e.value.kind == Value::Kind::Object ? related_model(m, e.key, in, &list) : std::nullopt;
      if (!related) {
        column(m, e, requirements::Use::Write, "writes", through);
        continue;
      }
      std::string next = join(through, e.key);
      for (auto& w : e.value.entries) {
        if (w.key == "create") rows(*related, w.value, next, depth + 1);
        else if (w.key == "connect") where(*related, w.value, next, depth + 1);
        else if (w.key == "createMany" || w.key == "connectOrCreate")
          for (auto& a : w.value.entries) {
            if (a.key == "data" || a.key == "create") rows(*related, a.value, next, depth + 1);
            else if (a.key == "where") where(*related, a.value, next, depth + 1);
          }
      }
    }
  }

  /// The arguments of a call, or (`top` false) of a relation in a select or include.
  void arguments(const Model& m, const Value& args, const std::string& through, bool top, int depth) {
    if (depth > kMaxDepth) return;
    for (auto& e : args.entries) {
      const Value& v = e.value;
      if (e.key == "where") where(m, v, through, depth + 1);
      else if (e.key == "select" || e.key == "include" || e.key == "omit") select(m, v, through, depth + 1);
      else if (e.key == "orderBy" || e.key == "cursor") keys(m, v, requirements::Use::Read, "orders by", through);
      else if (e.key == "distinct" || (top && e.key == "by")) names(m, v, e.key == "by" ? "groups by" : "selects distinct", through);
      else if (top && (e.key == "data" || e.key == "create" || e.key == "update")) rows(m, v, through, depth + 1);
    }
  }
};

/// What a variable declared as `value` holds when it is a replica: the expression itself, or
/// the thunk's of Effect's `yield* Effect.try({ try: () => x, ... })` / `yield* Effect.sync(() => x)`.
TSNode replica_value(TSNode v, std::string_view src) {
  v = unwrap(v);
  if (!is(v, "yield_expression") || ts_node_child_count(v) < 3 || std::string_view(ts_node_type(ts_node_child(v, 1))) != "*")
    return v;
  TSNode call = unwrap(ts_node_named_child(v, 0));
  if (!is(call, "call_expression")) return v;
  std::string_view callee = text(field(call, "function"), src);
  auto args = arguments(call);
  if (args.size() != 1) return v;
  TSNode thunk{};
  if (callee == "Effect.sync") {
    thunk = unwrap(args[0]);
  } else if (callee == "Effect.try") {
    std::vector<Key> ks;
    object_keys(args[0], src, &ks);
    for (auto& k : ks)
      if (k.name == "try") thunk = unwrap(k.value);
  }
  if (!is(thunk, "arrow_function") || is(field(thunk, "body"), "statement_block")) return v;
  return unwrap(field(thunk, "body"));
}

constexpr const char* kObjectKey = "prisma-client:object:";

/// The objects a file imports by name (`import { surveySelect } from "./survey-record"`) that
/// another module of the project exports as a constant object (index_prisma_client), when
/// exactly one module the import may name does and the file declares no other of the name.
class ImportedObjects {
 public:
  struct Found {
    std::string name, path, serialized;
  };

  explicit ImportedObjects(const FileInput& in) : in_(in) {}

  std::optional<Found> find(TSNode ident, std::string_view src) {
    if (!read_) read();
    std::string local(text(ident, src));
    auto it = imported_.find(local);
    if (it == imported_.end() || it->second.first.empty() || declared_.count(local) || !in_.facts) return std::nullopt;
    auto facts = in_.facts->find(kObjectKey + it->second.first);
    if (facts == in_.facts->end()) return std::nullopt;
    std::optional<Found> found;
    for (const std::string& v : facts->second) {
      size_t tab = v.find('\t');
      if (tab == std::string::npos) return std::nullopt;
      std::string_view path = std::string_view(v).substr(0, tab);
      if (!js::names_module(it->second.second, in_.path, js::module_of(path))) continue;
      if (found && (found->path != path || found->serialized != v.substr(tab + 1))) return std::nullopt;  // two modules
      found = Found{it->second.first, std::string(path), v.substr(tab + 1)};
    }
    return found;
  }

 private:
  /// The file's imports and declarations, read when a name first needs them.
  void read() {
    read_ = true;
    std::string_view src = in_.text;
    walk(in_.root, [&](TSNode n) {
      if (is(n, "import_statement")) {
        auto source = literal(field(n, "source"), src);
        if (!source || text(n, src).starts_with("import type")) return;
        walk(n, [&](TSNode spec) {
          if (!is(spec, "import_specifier") || text(spec, src).starts_with("type ")) return;
          TSNode alias = field(spec, "alias");
          std::string local(text(ts_node_is_null(alias) ? field(spec, "name") : alias, src));
          auto [it, fresh] = imported_.emplace(local, std::make_pair(std::string(text(field(spec, "name"), src)), source->value));
          if (!fresh) it->second = {};  // imported twice: unknown
        });
        return;
      }
      // Names the file declares: variables, functions, classes, parameters.
      TSNode names{};
      if (is(n, "variable_declarator") || is(n, "function_declaration") || is(n, "class_declaration")) names = field(n, "name");
      else if (is(n, "formal_parameters")) names = n;
      else if (is(n, "arrow_function")) names = field(n, "parameter");
      walk(names, [&](TSNode id) {
        if (is(id, "identifier") || is(id, "shorthand_property_identifier_pattern")) declared_.insert(std::string(text(id, src)));
      });
    });
  }

  const FileInput& in_;
  bool read_ = false;
  std::map<std::string, std::pair<std::string, std::string>> imported_;  ///< local name -> (exported name, module)
  std::set<std::string> declared_;
};

/// Whether the text has `export const NAME = {` (a type between: `NAME: Prisma.SurveySelect = {`),
/// a constant object the index records.
bool exports_object(std::string_view text) {
  for (size_t at = text.find("export const "); at != std::string_view::npos; at = text.find("export const ", at + 1)) {
    size_t eq = text.find_first_of("=\n;", at);
    if (eq == std::string_view::npos || text[eq] != '=') continue;
    size_t value = text.find_first_not_of(" \t\r\n", eq + 1);
    if (value != std::string_view::npos && text[value] == '{') return true;
  }
  return false;
}

/// What the index reads for the client's types: a class that may extend PrismaClient, a type
/// alias whose value names a client type (`type PrismaClientOrTransaction = PrismaClient | ...`),
/// or a class with a protected field typed so (`protected readonly _replica: PrismaClientOrTransaction`),
/// which a subclass of another file reads (a private one it cannot). Read lexically: the parse
/// is for the few files that hold one.
bool declares_client_class(std::string_view text) {
  auto client_word = [](std::string_view t) {
    return t.find("PrismaClient") != std::string_view::npos || t.find("TransactionClient") != std::string_view::npos;
  };
  if (!client_word(text)) return false;
  if (text.find("extends PrismaClient") != std::string_view::npos) return true;
  if (text.find("protected") != std::string_view::npos && text.find("class ") != std::string_view::npos) return true;
  for (size_t at = text.find("type "); at != std::string_view::npos; at = text.find("type ", at + 5)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) continue;
    size_t k = at + 5;
    while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_' || text[k] == '$')) ++k;
    if (k == at + 5) continue;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k >= text.size() || text[k] != '=') continue;  // `import type {`, a generic alias: not one
    size_t end = text.find(';', k);
    size_t blank = text.find("\n\n", k);
    end = std::min(end == std::string_view::npos ? text.size() : end, blank == std::string_view::npos ? text.size() : blank);
    if (client_word(text.substr(k, end - k))) return true;
  }
  return false;
}

/// The client's own types: a name declared as one of them is a client.
bool prisma_client_type(std::string_view t) {
  return t == "PrismaClient" || t == "Prisma.TransactionClient" || t == "Prisma.DefaultPrismaClient";
}

/// Whether a type is a client's: one of the client's types or of `clients` (classes extending
/// PrismaClient, aliases of client types), a union of such, or one with some of its methods
/// left out (`Omit<PrismaClient, "$transaction">`, Pick, Readonly).
bool client_type_node(TSNode t, std::string_view src, const std::set<std::string, std::less<>>& clients) {
  t = unwrap(t);
  if (is(t, "type_annotation") || is(t, "parenthesized_type")) return client_type_node(ts_node_named_child(t, 0), src, clients);
  if (is(t, "union_type")) {
    uint32_t n = ts_node_named_child_count(t);
    for (uint32_t i = 0; i < n; ++i)
      if (!client_type_node(ts_node_named_child(t, i), src, clients)) return false;
    return n > 0;
  }
  if (is(t, "generic_type")) {
    std::string_view name = text(field(t, "name"), src);
    TSNode args = field(t, "type_arguments");
    if ((name != "Omit" && name != "Pick" && name != "Readonly") || ts_node_is_null(args) ||
        ts_node_named_child_count(args) == 0)
      return false;
    return client_type_node(ts_node_named_child(args, 0), src, clients);
  }
  if (!is(t, "type_identifier") && !is(t, "nested_type_identifier")) return false;
  std::string_view name = text(t, src);
  return prisma_client_type(name) || clients.count(name) > 0;
}

/// The index reads a file that may declare a client class, or export a select, a filter or a
/// row for another file's calls in a file that names the client or Prisma's types.
bool index_reads(std::string_view, std::string_view text) {
  if (declares_client_class(text)) return true;
  return exports_object(text) &&
         (relevant_prisma_client(text) || languages::script_code_names(text, "Prisma", false));
}

bool index_parses(std::string_view text) { return declares_client_class(text) || exports_object(text); }

/// Each class that extends PrismaClient (`class PrismaService extends PrismaClient implements
/// OnModuleInit`): its instances are clients.
void index_prisma_client(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root)) return;
  // Constant objects the module exports (`export const surveySelect = { ... } satisfies
  // Prisma.SurveySelect`), which a call in another file may pass as its select or where:
  // prisma-client:object:NAME -> "PATH\tVALUE" (write_value).
  for (uint32_t i = 0; i < ts_node_named_child_count(in.root); ++i) {
    TSNode d = ts_node_named_child(in.root, i);
    if (!is(d, "export_statement")) continue;
    d = field(d, "declaration");
    if (!is(d, "lexical_declaration") || text(ts_node_child(d, 0), in.text) != "const") continue;
    for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
      TSNode v = ts_node_named_child(d, j);
      if (!is(v, "variable_declarator") || !is(field(v, "name"), "identifier") || !is(unwrap(field(v, "value")), "object"))
        continue;
      std::string value = std::string(in.path) + "\t";
      write_value(read_value(field(v, "value"), in.text, nullptr, 0), &value);
      out->emplace_back(kObjectKey + std::string(text(field(v, "name"), in.text)), std::move(value));
    }
  }
  // Aliases of the client's types (`type PrismaClientOrTransaction = PrismaClient |
  // PrismaTransactionClient`, `type PrismaReplicaClient = Omit<PrismaClient, "$transaction">`),
  // an alias of one declared above it in the file too: a name declared with one is a client.
  std::set<std::string, std::less<>> aliases;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "type_alias_declaration") || !ts_node_is_null(field(n, "type_parameters"))) return;
    if (!client_type_node(field(n, "value"), in.text, aliases)) return;
    aliases.emplace(text(field(n, "name"), in.text));
    out->emplace_back(kClientClassKey, std::string(text(field(n, "name"), in.text)));
  });
  walk(in.root, [&](TSNode n) {
    if (!is(n, "class_declaration") && !is(n, "abstract_class_declaration")) return;
    std::string cls(text(field(n, "name"), in.text));
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode h = ts_node_named_child(n, i);
      if (!is(h, "class_heritage")) continue;
      for (uint32_t j = 0; j < ts_node_named_child_count(h); ++j) {
        TSNode e = ts_node_named_child(h, j);
        if (is(e, "extends_clause") && text(field(e, "value"), in.text) == "PrismaClient")
          out->emplace_back(kClientClassKey, cls);
      }
    }
    // Its fields typed with one name (`protected readonly _replica: PrismaClientOrTransaction`,
    // `constructor(private db: PrismaClient)`): whether the name is a client's is told where every
    // file's aliases are known.
    bool fields = false;
    walk(field(n, "body"), [&](TSNode m) {
      TSNode id{};
      // A private field is its class's own: a subclass cannot read it.
      auto is_private = [&](TSNode d) {
        for (uint32_t k = 0; k < ts_node_child_count(d); ++k) {
          TSNode c = ts_node_child(d, k);
          if (is(c, "accessibility_modifier") && text(c, in.text) == "private") return true;
        }
        return false;
      };
      if (is(m, "public_field_definition")) {
        if (!is_private(m)) id = field(m, "name");
      } else if (is(m, "required_parameter") || is(m, "optional_parameter")) {
        bool property = false;
        for (uint32_t k = 0; k < ts_node_child_count(m); ++k) {
          TSNode c = ts_node_child(m, k);
          property = property || is(c, "accessibility_modifier") || ts_node_type(c) == std::string_view("readonly");
        }
        if (property && !is_private(m)) id = field(m, "pattern");
      }
      if (ts_node_is_null(id) || (!is(id, "property_identifier") && !is(id, "identifier"))) return;
      TSNode t = field(m, "type");
      if (is(t, "type_annotation")) t = ts_node_named_child(t, 0);
      if (!is(t, "type_identifier") && !is(t, "nested_type_identifier")) return;
      out->emplace_back(kFieldKey, cls + "." + std::string(text(id, in.text)) + "\t" + std::string(text(t, in.text)));
      fields = true;
    });
    if (fields) out->emplace_back(kFieldClassKey, cls);
  });
}

const std::set<std::string_view> kMethods = {
    "findMany",   "findFirst",  "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "create", "createMany",
    "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany",
    "count",      "aggregate",  "groupBy"};

void extract_prisma_client(const FileInput& in, FileOutput* out) {
  if (!in.facts) return;
  std::string_view src = in.text;
  // Clients bound in the file, and interactive transactions' parameters; the classes the file's
  // classes extend (for their fields, below), in the same walk.
  std::set<std::string> clients;
  std::set<std::string, std::less<>> bases;
  walk(in.root, [&](TSNode n) {
    if (is(n, "extends_clause")) bases.emplace(text(field(n, "value"), src));
    if (!is(n, "variable_declarator") || !is(field(n, "name"), "identifier")) return;
    TSNode v = unwrap(field(n, "value"));
    if (is(v, "new_expression") && text(field(v, "constructor"), src) == "PrismaClient")
      clients.insert(std::string(text(field(n, "name"), src)));
  });
  // Names the file types only with a client class (a constructor parameter property, a field,
  // a parameter), read as `this.name` or `name`; a variable of that name declared otherwise
  // makes the bare name unknown.
  std::set<std::string, std::less<>> client_classes;
  if (auto it = in.facts->find(kClientClassKey); it != in.facts->end())
    client_classes.insert(it->second.begin(), it->second.end());
  // this.<name> that a class of the project this file's classes extend declares with a client's
  // type, and with no other type (`class QueueListPresenter extends BasePresenter`).
  std::set<std::string, std::less<>> inherited;
  if (auto it = in.facts->find(kFieldKey); it != in.facts->end() && !bases.empty()) {
    std::map<std::string, bool> fields;  // name -> every declaration a client's
    for (const std::string& v : it->second) {
      size_t dot = v.find('.'), tab = v.find('\t');
      if (dot == std::string::npos || tab == std::string::npos || tab < dot || !bases.count(v.substr(0, dot))) continue;
      std::string type = v.substr(tab + 1);
      bool client = prisma_client_type(type) || client_classes.count(type) > 0;
      auto [f, fresh] = fields.emplace(v.substr(dot + 1, tab - dot - 1), client);
      if (!fresh) f->second = f->second && client;
    }
    for (auto& [name, client] : fields)
      if (client) inherited.insert(name);
  }
  // The file's declarations, read in one walk at the first question: each name's parameter and
  // field declarations (whether one types it with a client's type, whether one with another), and
  // the names its variables declare.
  struct Declared {
    bool client = false, other = false;
  };
  std::optional<std::map<std::string, Declared, std::less<>>> declared;
  std::set<std::string, std::less<>> variables;
  auto read_declarations = [&] {
    declared.emplace();
    walk(in.root, [&](TSNode n) {
      TSNode id{};
      if (is(n, "required_parameter") || is(n, "optional_parameter")) id = field(n, "pattern");
      else if (is(n, "public_field_definition")) id = field(n, "name");
      if (is(id, "object_pattern")) {  // `{ id, tx }: { id: string; tx: Prisma.TransactionClient }`
        TSNode annotation = field(n, "type");
        TSNode shape = ts_node_is_null(annotation) ? TSNode{} : unwrap(ts_node_named_child(annotation, 0));
        for (uint32_t i = 0; i < ts_node_named_child_count(id); ++i) {
          TSNode c = ts_node_named_child(id, i);
          TSNode bound = is(c, "shorthand_property_identifier_pattern") ? c
                         : is(c, "object_assignment_pattern")           ? field(c, "left")
                                                                        : TSNode{};
          if (!is(bound, "shorthand_property_identifier_pattern")) continue;  // renamed, nested, rest: not read
          std::string_view name = text(bound, src);
          bool client_typed = false;
          for (uint32_t j = 0; is(shape, "object_type") && j < ts_node_named_child_count(shape); ++j) {
            TSNode prop = ts_node_named_child(shape, j);
            if (is(prop, "property_signature") && text(field(prop, "name"), src) == name)
              client_typed = client_type_node(field(prop, "type"), src, client_classes);
          }
          Declared& d = (*declared)[std::string(name)];
          (client_typed ? d.client : d.other) = true;
        }
        return;
      }
      else if (is(n, "variable_declarator")) variables.emplace(text(field(n, "name"), src));
      if (ts_node_is_null(id)) return;
      Declared& d = (*declared)[std::string(text(id, src))];
      if (client_type_node(field(n, "type"), src, client_classes)) d.client = true;
      else d.other = true;
    });
  };
  std::map<std::string, bool, std::less<>> typed_client;  // name -> declared only as a client
  auto typed = [&](std::string_view name, bool bare) {
    std::string key = std::string(bare ? "" : "this.") + std::string(name);
    if (auto it = typed_client.find(key); it != typed_client.end()) return it->second;
    if (!declared) {
      // Only a file that names a client type (or inherits a client field) declares a name with
      // one: the others are not walked for it.
      bool names_type = !inherited.empty() || src.find("PrismaClient") != std::string_view::npos ||
                        src.find("TransactionClient") != std::string_view::npos ||
                        std::any_of(client_classes.begin(), client_classes.end(),
                                    [&](const std::string& c) { return src.find(c) != std::string_view::npos; });
      if (names_type) read_declarations();
      else declared.emplace();
    }
    // Every declaration of the name in the file (a constructor's parameter property, a field, a
    // parameter) types it with a client's type, and there is one.
    auto d = declared->find(name);
    bool yes = d != declared->end() && d->second.client && !d->second.other;
    if (!bare && d == declared->end() && inherited.count(name)) yes = true;
    if (yes && bare && variables.count(name)) yes = false;
    return typed_client[key] = yes;
  };
  std::function<bool(TSNode)> client = [&](TSNode r) {
    r = unwrap(r);
    if (is(r, "identifier"))
      return text(r, src) == "prisma" || clients.count(std::string(text(r, src))) > 0 || typed(text(r, src), true);
    // The read replica of @prisma/extension-read-replicas: `prisma.$replica()` is a client.
    std::string_view method;
    TSNode receiver;
    if (method_call(r, src, &method, &receiver)) return method == "$replica" && arguments(r).empty() && client(receiver);
    if (!is(r, "member_expression")) return false;
    std::string_view property = text(field(r, "property"), src);
    return property == "prisma" || (is(field(r, "object"), "this") && typed(property, false));
  };
  // Constants that hold a replica (`const replica = prisma.$replica()`, or Effect's
  // `yield* Effect.try({ try: () => prisma.$replica(), ... })`, whose success is what the thunk
  // returns), when every declaration of the name in the file is one.
  if (src.find("$replica") != std::string_view::npos) {
    std::map<std::string, bool> replicas;
    walk(in.root, [&](TSNode n) {
      if (!is(n, "variable_declarator") || !is(field(n, "name"), "identifier")) return;
      std::string name(text(field(n, "name"), src));
      TSNode v = replica_value(field(n, "value"), src);
      std::string_view method;
      TSNode receiver;
      bool yes = is(ts_node_parent(n), "lexical_declaration") && text(ts_node_child(ts_node_parent(n), 0), src) == "const" &&
                 method_call(v, src, &method, &receiver) && method == "$replica" && client(v);
      auto [it, fresh] = replicas.emplace(name, yes);
      if (!fresh) it->second = it->second && yes;
    });
    for (auto& [name, yes] : replicas)
      if (yes) clients.insert(name);
  }
  walk(in.root, [&](TSNode n) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(n, src, &method, &receiver) || method != "$transaction" || !client(receiver)) return;
    auto a = arguments(n);
    if (a.empty()) return;
    TSNode fn = unwrap(a[0]);
    if (!is(fn, "arrow_function") && !is(fn, "function_expression")) return;
    TSNode p = field(fn, "parameter");
    if (ts_node_is_null(p)) {
      TSNode ps = field(fn, "parameters");
      if (ts_node_named_child_count(ps) >= 1) p = ts_node_named_child(ps, 0);
      if (is(p, "required_parameter")) p = field(p, "pattern");
    }
    if (is(p, "identifier")) clients.insert(std::string(text(p, src)));
  });
  // Objects other modules export, by the name this file imports them under.
  ImportedObjects imports(in);
  std::deque<std::string> vias;  // what Entry::via points to
  ImportResolver imported = [&](TSNode ident, int depth) -> std::optional<Value> {
    auto found = imports.find(ident, src);
    if (!found) return std::nullopt;
    vias.push_back(found->name + " of " + found->path);
    Value v;
    size_t i = 0;
    if (!parse_value(found->serialized, &i, ts_node_start_byte(ident), ts_node_end_byte(ident), &vias.back(), &v, depth) ||
        i != found->serialized.size())
      return std::nullopt;
    return v;
  };
  walk(in.root, [&](TSNode n) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(n, src, &method, &receiver) || !kMethods.count(method)) return;
    receiver = unwrap(receiver);
    if (!is(receiver, "member_expression") || !client(field(receiver, "object"))) return;
    std::string_view accessor = text(field(receiver, "property"), src);
    auto model = model_of(accessor, in);
    if (!model) return;
    auto args = arguments(n);
    if (args.empty() || !is(unwrap(args[0]), "object")) return;
    Call call{in, out, "prisma." + std::string(accessor) + "." + std::string(method) + "()",
              out->requirements.units.size()};
    size_t before = out->requirements.requirements.size();
    call.arguments(*model, read_value(args[0], src, imported, 0), "", true, 0);
    if (out->requirements.requirements.size() == before) return;  // names no field: no site
    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = call.head;
    out->requirements.units.push_back(std::move(unit));
  });
}

}  // namespace

extern const DataLayer kPrismaClient{.name = "prisma-client",
                                     .languages = {"typescript", "javascript"},
                                     .relevant = relevant_prisma_client,
                                     .extract = extract_prisma_client,
                                     .index = index_prisma_client,
                                     .index_reads = index_reads,
                                     .index_text_only = true,
                                     .index_parses = index_parses,
                                     .relevant_in = relevant_in,
                                     .relevant_words = {"prisma", "PrismaClient"},
                                     .index_words = {"PrismaClient", "export const"}};

}  // namespace schemagate::datalayers
