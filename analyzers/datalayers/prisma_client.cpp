// Prisma client calls: `prisma.user.findMany({ where: { email }, select: { name: true } })`. A
// model's every scalar field is already a requirement at its declaration in schema.prisma (the
// client selects them all), so a field no migration adds is found at the model. The call that
// names the field is where production breaks, and the one a reviewer of the change reads: each
// field a call names in `where` (with AND / OR / NOT), `select`, `omit`, `orderBy`, `cursor`,
// `distinct`, `by` or the rows it writes (`data`, upsert's `create` / `update`) is a requirement
// there too, with the column the schema maps it to.
//
// Only what is certain: the client is an expression ending in `prisma` (`prisma`, `this.prisma`,
// `ctx.prisma`), a variable the file binds to `new PrismaClient(...)`, a name the file types
// only with a class of the project that extends PrismaClient (NestJS's injected `PrismaService`:
// `constructor(private readonly prismaService: PrismaService)` and `this.prismaService.user...`),
// or the parameter of an interactive `.$transaction(async (tx) => ...)` of one; the accessor is a model exactly one
// PostgreSQL schema of the project declares; the method is one of the client's. A key that is no
// scalar field of the model (a relation, a compound unique `a_b`, `_count`) is not judged.
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/facts.h"
#include "analyzers/datalayers/js_tree.h"
#include "analyzers/languages/script_lexer.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

constexpr const char* kClientClassKey = "prisma-client:class";

/// A client is `prisma`, `.prisma` or a `new PrismaClient`, in code: a file that names prisma only
/// in a module's name (`import type { User } from '@/generated/prisma/client'`) has none.
bool relevant_prisma_client(std::string_view text) {
  return languages::script_code_names(text, "prisma", false) || languages::script_code_names(text, "PrismaClient", false);
}

/// A file may reach the client only through a project class that extends it (`db: DbService`).
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  if (relevant_prisma_client(text)) return true;
  auto it = facts ? facts->find(kClientClassKey) : ProjectFacts::const_iterator();
  if (!facts || it == facts->end()) return false;
  for (auto& name : it->second)
    if (text.find(name) != std::string_view::npos) return true;
  return false;
}

bool index_parses(std::string_view text) {
  return text.find("PrismaClient") != std::string_view::npos && text.find("extends") != std::string_view::npos;
}

/// Each class that extends PrismaClient (`class PrismaService extends PrismaClient implements
/// OnModuleInit`): its instances are clients.
void index_prisma_client(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root)) return;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "class_declaration") && !is(n, "abstract_class_declaration")) return;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode h = ts_node_named_child(n, i);
      if (!is(h, "class_heritage")) continue;
      for (uint32_t j = 0; j < ts_node_named_child_count(h); ++j) {
        TSNode e = ts_node_named_child(h, j);
        if (is(e, "extends_clause") && text(field(e, "value"), in.text) == "PrismaClient")
          out->emplace_back(kClientClassKey, std::string(text(field(n, "name"), in.text)));
      }
    }
  });
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

/// The column of a scalar field of the model, or "" (a relation, an unknown key).
std::string scalar_column(const Model& m, std::string_view field, const ProjectFacts* facts) {
  static const std::set<std::string> kScalars = {"String", "Boolean", "Int",   "BigInt", "Float",
                                                 "Decimal", "DateTime", "Json", "Bytes"};
  const std::string* v = one_fact(facts, "prisma:client-field:" + m.accessor + "." + std::string(field));
  if (!v) return "";
  auto parts = split_tabs(*v);
  if (parts.size() != 2) return "";
  if (kScalars.count(parts[1])) return parts[0];
  const std::string* kind = one_fact(facts, "prisma:type:" + parts[1]);
  return kind && *kind == "enum" ? parts[0] : "";
}

struct Call {
  const FileInput& in;
  FileOutput* out;
  Model model;
  std::string head;  ///< "prisma.user.findMany()"
  size_t unit = 0;

  void column(std::string_view field, uint32_t at, requirements::Use use, const std::string& how) {
    std::string c = scalar_column(model, field, in.facts);
    if (c.empty()) return;
    requirements::Requirement r;
    r.object = requirements::Object::Column;
    r.schema = model.schema;
    r.relation = model.table;
    r.column = c;
    r.use = use;
    r.span = {at, at + static_cast<uint32_t>(field.size())};
    r.unit = unit;
    r.quoted = true;
    r.fix = "run `npx prisma migrate dev` to write the migration for this field, and apply it with "
            "`npx prisma migrate deploy` before deploying this code";
    std::string shown = model.schema == in.default_schema ? model.table : model.schema + "." + model.table;
    r.describe = "Prisma " + head + " " + how + " field " + std::string(field) +
                 (c == field ? "" : " (column " + c + ")") + " of table " + shown;
    out->requirements.requirements.push_back(std::move(r));
  }

  /// Each key of an object (or of each object of an array) as a field.
  void keys(TSNode v, requirements::Use use, const std::string& how) {
    v = unwrap(v);
    if (is(v, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(v); ++i) keys(ts_node_named_child(v, i), use, how);
      return;
    }
    std::vector<Key> ks;
    object_keys(v, in.text, &ks, true);
    for (auto& k : ks) column(k.name, k.at, use, how);
  }

  /// A where object: fields, and AND / OR / NOT of more where objects.
  void where(TSNode v, int depth) {
    v = unwrap(v);
    if (depth > 8) return;
    if (is(v, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(v); ++i) where(ts_node_named_child(v, i), depth + 1);
      return;
    }
    std::vector<Key> ks;
    object_keys(v, in.text, &ks, true);
    for (auto& k : ks) {
      if (k.name == "AND" || k.name == "OR" || k.name == "NOT") where(k.value, depth + 1);
      else column(k.name, k.at, requirements::Use::Read, "filters on");
    }
  }

  /// `distinct: ['a']`, `by: ['a', 'b']`.
  void names(TSNode v, const std::string& how) {
    v = unwrap(v);
    std::vector<TSNode> items;
    if (is(v, "array"))
      for (uint32_t i = 0; i < ts_node_named_child_count(v); ++i) items.push_back(ts_node_named_child(v, i));
    else
      items.push_back(v);
    for (TSNode item : items)
      if (auto lit = literal(item, in.text)) column(lit->value, lit->at, requirements::Use::Read, how);
  }

  void arguments_object(TSNode obj) {
    std::vector<Key> ks;
    object_keys(obj, in.text, &ks);
    for (auto& k : ks) {
      if (ts_node_is_null(k.value)) continue;
      if (k.name == "where") where(k.value, 0);
      else if (k.name == "select" || k.name == "omit") keys(k.value, requirements::Use::Read, "selects");
      else if (k.name == "orderBy" || k.name == "cursor") keys(k.value, requirements::Use::Read, "orders by");
      else if (k.name == "distinct" || k.name == "by") names(k.value, k.name == "by" ? "groups by" : "selects distinct");
      else if (k.name == "data" || k.name == "create" || k.name == "update") keys(k.value, requirements::Use::Write, "writes");
    }
  }
};

const std::set<std::string_view> kMethods = {
    "findMany",   "findFirst",  "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "create", "createMany",
    "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany",
    "count",      "aggregate",  "groupBy"};

void extract_prisma_client(const FileInput& in, FileOutput* out) {
  if (!in.facts) return;
  std::string_view src = in.text;
  // Clients bound in the file, and interactive transactions' parameters.
  std::set<std::string> clients;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "variable_declarator") || !is(field(n, "name"), "identifier")) return;
    TSNode v = unwrap(field(n, "value"));
    if (is(v, "new_expression") && text(field(v, "constructor"), src) == "PrismaClient")
      clients.insert(std::string(text(field(n, "name"), src)));
  });
  // Names the file types only with a client class (a constructor parameter property, a field,
  // a parameter), read as `this.name` or `name`; a variable of that name declared otherwise
  // makes the bare name unknown.
  std::set<std::string> client_classes;
  if (auto it = in.facts->find(kClientClassKey); it != in.facts->end())
    client_classes.insert(it->second.begin(), it->second.end());
  std::map<std::string, bool, std::less<>> typed_client;  // name -> declared only as a client
  auto typed = [&](std::string_view name, bool bare) {
    if (client_classes.empty()) return false;
    std::string key = std::string(bare ? "" : "this.") + std::string(name);
    if (auto it = typed_client.find(key); it != typed_client.end()) return it->second;
    bool yes = client_classes.count(declared_type(in.root, name, src)) > 0;
    if (yes && bare)
      walk(in.root, [&](TSNode n) {
        if (is(n, "variable_declarator") && text(field(n, "name"), src) == name) yes = false;
      });
    return typed_client[key] = yes;
  };
  auto client = [&](TSNode r) {
    r = unwrap(r);
    if (is(r, "identifier"))
      return text(r, src) == "prisma" || clients.count(std::string(text(r, src))) > 0 || typed(text(r, src), true);
    if (!is(r, "member_expression")) return false;
    std::string_view property = text(field(r, "property"), src);
    return property == "prisma" || (is(field(r, "object"), "this") && typed(property, false));
  };
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
    Call call{in, out, *model, "prisma." + std::string(accessor) + "." + std::string(method) + "()",
              out->requirements.units.size()};
    size_t before = out->requirements.requirements.size();
    call.arguments_object(unwrap(args[0]));
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
                                     .index_text_only = true,
                                     .index_parses = index_parses,
                                     .relevant_in = relevant_in,
                                     .relevant_words = {"prisma", "PrismaClient"}};

}  // namespace schemagate::datalayers
