// Knex: query builder chains on a Knex instance, `knex('t')`, `knex.from('t')`,
// `knex.select('a').from('t')`, `trx('t')`, then `.select('a', 't.b as c')`, `.where('col', v)`,
// `.where({ col: v })`, `.whereIn('col', [...])`, `.insert({...})`, `.update({...})`,
// `.returning([...])`, `.onConflict('col')`, joins. Knex quotes the names it is given, so each
// table and column spelled in a string is a requirement at that string.
//
// The instance is `knex`, a variable the file binds to `knex(...)` / `require('knex')(...)`, the
// parameter of a `.transaction((trx) => ...)` callback, a parameter typed `Knex` (or `knex.Knex`),
// a member typed so of a module-level instance of a class, in its file or imported from it
// (Nango's `export default new KnexDatabase()`, then `db.knex('t')` everywhere), or a member of
// the enclosing class (or of a class it extends, in any file) typed `Knex`, `Knex.Transaction` or
// a project alias of them (`export type DbConnection = Knex`, `type Db = Knex | Knex.Transaction`:
// every member of the union a Knex type; `public get db(): DbConnection`): `this.db('t')`.
// Another `db('t')` may be anything. `this.db(this.tableName)` takes its table from a getter of
// the same class that returns one string (`get tableName() { return 'sessions'; }`) when no class
// of the project extends it (a subclass could return another). A table may be a same-file
// constant (`this.db(TABLE)`, `T.roles` of a constant object, `${TABLE} as t`); a `.with('name')`
// of the file names no table. A where-group callback (`.andWhere((b) => b.whereNull('c'))`)
// filters the chain's own tables; aggregates (`count('* as n')`) name outputs an orderBy may use.
// Names with upper case letters may be mapped by knexSnakeCaseMappers / wrapIdentifier,
// configured where the instance is made: unchecked. orderBy/groupBy names that may be output
// names of the select list, unqualified columns of a subquery, raw fragments and callbacks are
// not judged.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/facts.h"
#include "analyzers/datalayers/builder_chain.h"
#include "analyzers/datalayers/js_modules.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

// A class's members and typed parameters reach a Knex instance through types and classes of
// other files (`db: DbConnection`, `extends BaseModel`), so a file with a member use or a type
// annotation may matter; the rest can only use `knex` by name.
bool relevant_knex(std::string_view text) {
  return text.find("knex") != std::string_view::npos || text.find("Knex") != std::string_view::npos ||
         text.find("this.") != std::string_view::npos || text.find(": ") != std::string_view::npos;
}

bool knex_index_reads(std::string_view, std::string_view text) {
  return text.find("class ") != std::string_view::npos || text.find("Knex") != std::string_view::npos;
}

// Project facts: a type alias of the instance type, a class's parent, the typed members of a
// class, and the classes something extends.
constexpr std::string_view kTypeKey = "knex:type:";          // alias -> "1"
constexpr std::string_view kParentKey = "knex:parent:";      // class -> parent ("" when none)
constexpr std::string_view kMemberKey = "knex:member:";      // class -> "name:type"
constexpr std::string_view kExtendedKey = "knex:extended:";  // class -> a class that extends it
constexpr std::string_view kSingletonKey = "knex:singleton:";  // exported name -> "module|member|type"

/// The type an annotation names, without the colon and blanks: `: DbConnection` -> DbConnection.
std::string annotation(TSNode type, std::string_view src) {
  std::string t(text(type, src));
  size_t b = t.find_first_not_of(": \t\n");
  return b == std::string::npos ? "" : t.substr(b);
}

bool instance_type(std::string_view type, const ProjectFacts* facts) {
  // A union is an instance when every member is one (`type Db = Knex | Knex.Transaction`).
  if (type.find('|') != std::string_view::npos) {
    int depth = 0, members = 0;
    size_t from = 0;
    for (size_t i = 0; i <= type.size(); ++i) {
      char c = i < type.size() ? type[i] : '|';
      if (c == '<' || c == '(' || c == '{' || c == '[') ++depth;
      if (c == '>' || c == ')' || c == '}' || c == ']') --depth;
      if (c != '|' || depth != 0) continue;
      std::string_view m = type.substr(from, i - from);
      from = i + 1;
      size_t b = m.find_first_not_of(" \t\r\n"), e = m.find_last_not_of(" \t\r\n");
      if (b == std::string_view::npos) continue;  // the leading `|` of a union over lines
      m = m.substr(b, e - b + 1);
      if (m.find('|') != std::string_view::npos || !instance_type(m, facts)) return false;
      ++members;
    }
    return members > 0 && depth == 0;
  }
  // `knex.Knex`: the type through the namespace of `import knex from 'knex'` (or `* as knex`).
  if (type.starts_with("knex.Knex")) type.remove_prefix(5);
  if (type == "Knex" || type == "Knex.Transaction" || type.rfind("Knex<", 0) == 0 ||
      type.rfind("Knex.Transaction<", 0) == 0)
    return true;
  return facts && facts->count(std::string(kTypeKey) + std::string(type));
}

/// The class declaration's name and the parent its `extends` names ("" when none).
bool class_names(TSNode cls, std::string_view src, std::string* name, std::string* parent) {
  if (!is(cls, "class_declaration") && !is(cls, "abstract_class_declaration")) return false;
  *name = std::string(text(field(cls, "name"), src));
  parent->clear();
  for (uint32_t i = 0; i < ts_node_named_child_count(cls); ++i) {
    TSNode h = ts_node_named_child(cls, i);
    if (!is(h, "class_heritage")) continue;
    for (uint32_t j = 0; j < ts_node_named_child_count(h); ++j) {
      TSNode e = ts_node_named_child(h, j);
      if (is(e, "extends_clause")) *parent = std::string(text(field(e, "value"), src));
    }
  }
  return !name->empty();
}

/// Each field (`db: Knex`), getter (`get db(): DbConnection`) and constructor parameter property
/// (`constructor(private db: Db)`) of the class body with a type.
void typed_members(TSNode cls, std::string_view src, std::vector<std::pair<std::string, std::string>>* out) {
  TSNode body = field(cls, "body");
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (is(m, "method_definition") && text(field(m, "name"), src) == "constructor") {
      TSNode ps = field(m, "parameters");
      for (uint32_t j = 0; j < ts_node_named_child_count(ps); ++j) {
        TSNode p = ts_node_named_child(ps, j);
        if (!is(p, "required_parameter") && !is(p, "optional_parameter")) continue;
        bool property = text(p, src).starts_with("readonly ");
        for (uint32_t k = 0; k < ts_node_named_child_count(p); ++k)
          property = property || is(ts_node_named_child(p, k), "accessibility_modifier");
        std::string t = annotation(field(p, "type"), src);
        std::string_view name = text(field(p, "pattern"), src);
        if (property && !t.empty() && is(field(p, "pattern"), "identifier")) out->emplace_back(std::string(name), t);
      }
      continue;
    }
    TSNode type{};
    if (is(m, "public_field_definition")) type = field(m, "type");
    else if (is(m, "method_definition") && text(m, src).find("get ") != std::string_view::npos) type = field(m, "return_type");
    std::string t = annotation(type, src);
    std::string_view name = text(field(m, "name"), src);
    if (!t.empty() && plain_name(name)) out->emplace_back(std::string(name), t);
  }
}

/// The string a getter of the class body returns when its body is `return '...';` alone.
std::optional<Literal> getter_literal(TSNode cls, std::string_view name, std::string_view src) {
  TSNode body = field(cls, "body");
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (!is(m, "method_definition") || text(field(m, "name"), src) != name) continue;
    std::string_view head = text(m, src).substr(0, ts_node_start_byte(field(m, "name")) - ts_node_start_byte(m));
    if (head.find("get") == std::string_view::npos) return std::nullopt;
    TSNode block = field(m, "body");
    if (ts_node_named_child_count(block) != 1) return std::nullopt;
    TSNode ret = ts_node_named_child(block, 0);
    if (!is(ret, "return_statement") || ts_node_named_child_count(ret) != 1) return std::nullopt;
    return literal(ts_node_named_child(ret, 0), src);
  }
  return std::nullopt;
}

/// A module-level instance of a class of the file (`const db = new KnexDatabase()`), with the
/// names the file exports it under (`export default db` and `export default new KnexDatabase()`:
/// "default"; `export { db as database }`; `export const db = new ...`).
struct Singleton {
  std::string local;  ///< "" for `export default new C()`
  TSNode cls{};
  std::vector<std::string> exported;
};

std::vector<Singleton> singletons(TSNode root, std::string_view src) {
  std::map<std::string, TSNode, std::less<>> classes;
  auto declaration = [&](TSNode s) { return is(s, "export_statement") ? field(s, "declaration") : s; };
  auto class_of = [&](TSNode v) {
    v = unwrap(v);
    if (!is(v, "new_expression") || !is(field(v, "constructor"), "identifier")) return TSNode{};
    auto it = classes.find(text(field(v, "constructor"), src));
    return it == classes.end() ? TSNode{} : it->second;
  };
  uint32_t count = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode d = declaration(ts_node_named_child(root, i));
    if (is(d, "class_declaration") || is(d, "abstract_class_declaration")) classes[std::string(text(field(d, "name"), src))] = d;
  }
  std::vector<Singleton> out;
  if (classes.empty()) return out;
  for (uint32_t i = 0; i < count; ++i) {
    TSNode s = ts_node_named_child(root, i), d = declaration(s);
    if (!is(d, "lexical_declaration") || !text(d, src).starts_with("const")) continue;
    for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
      TSNode v = ts_node_named_child(d, j);
      TSNode cls = is(v, "variable_declarator") && is(field(v, "name"), "identifier") ? class_of(field(v, "value")) : TSNode{};
      if (ts_node_is_null(cls)) continue;
      std::string local(text(field(v, "name"), src));
      out.push_back({local, cls, {}});
      if (is(s, "export_statement")) out.back().exported.push_back(local);
    }
  }
  auto named = [&](std::string_view local) -> Singleton* {
    for (Singleton& x : out)
      if (x.local == local) return &x;
    return nullptr;
  };
  for (uint32_t i = 0; i < count; ++i) {
    TSNode s = ts_node_named_child(root, i);
    if (!is(s, "export_statement")) continue;
    TSNode v = unwrap(field(s, "value"));  // export default <expression>
    if (is(v, "identifier")) {
      if (Singleton* x = named(text(v, src))) x->exported.push_back("default");
    } else if (TSNode cls = class_of(v); !ts_node_is_null(cls)) {
      out.push_back({"", cls, {"default"}});
    }
    for (uint32_t j = 0; j < ts_node_named_child_count(s); ++j) {
      TSNode clause = ts_node_named_child(s, j);
      if (!is(clause, "export_clause")) continue;
      for (uint32_t k = 0; k < ts_node_named_child_count(clause); ++k) {
        TSNode spec = ts_node_named_child(clause, k);
        if (!is(spec, "export_specifier")) continue;
        TSNode alias = field(spec, "alias");
        if (Singleton* x = named(text(field(spec, "name"), src)))
          x->exported.push_back(std::string(text(ts_node_is_null(alias) ? field(spec, "name") : alias, src)));
      }
    }
  }
  return out;
}

void index_knex(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view src = in.text;
  bool imports_knex = src.find("'knex'") != std::string_view::npos || src.find("\"knex\"") != std::string_view::npos;
  walk(in.root, [&](TSNode n) {
    if (imports_knex && is(n, "type_alias_declaration") && instance_type(annotation(field(n, "value"), src), nullptr))
      out->emplace_back(std::string(kTypeKey) + std::string(text(field(n, "name"), src)), "1");
    std::string name, parent;
    if (!class_names(n, src, &name, &parent)) return;
    out->emplace_back(std::string(kParentKey) + name, parent);
    if (!parent.empty()) out->emplace_back(std::string(kExtendedKey) + parent, name);
    std::vector<std::pair<std::string, std::string>> members;
    typed_members(n, src, &members);
    for (auto& [m, t] : members) out->emplace_back(std::string(kMemberKey) + name, m + ":" + t);
  });
  // An exported instance of a class of the file: other files reach its members (`db.knex`). A
  // type that is one name may be a project alias of Knex, which only the facts tell.
  for (const Singleton& x : singletons(in.root, src)) {
    if (x.exported.empty()) continue;
    std::vector<std::pair<std::string, std::string>> members;
    typed_members(x.cls, src, &members);
    for (auto& [m, t] : members)
      if (instance_type(t, nullptr) || plain_name(t))
        for (const std::string& e : x.exported)
          out->emplace_back(std::string(kSingletonKey) + e, js::module_of(in.path) + "|" + m + "|" + t);
  }
}

/// The members of module-level instances that are Knex instances, as the file spells them:
/// `db.knex` for `const db = new KnexDatabase()` of the file, or imported from the module that
/// exports it (`import db from '@nangohq/database'`, `import { database } from '../db'`), when
/// the class types the member as an instance (`knex: Knex`). A property named knex of anything
/// else is not one.
void singleton_members(const FileInput& in, std::set<std::string>* instances) {
  std::string_view src = in.text;
  for (const Singleton& x : singletons(in.root, src)) {
    if (x.local.empty()) continue;
    std::vector<std::pair<std::string, std::string>> members;
    typed_members(x.cls, src, &members);
    for (auto& [m, t] : members)
      if (instance_type(t, in.facts)) instances->insert(x.local + "." + m);
  }
  if (!in.facts) return;
  auto first = in.facts->lower_bound(kSingletonKey);
  if (first == in.facts->end() || !first->first.starts_with(kSingletonKey)) return;
  for (uint32_t i = 0; i < ts_node_named_child_count(in.root); ++i) {
    TSNode imp = ts_node_named_child(in.root, i);
    if (!is(imp, "import_statement") || text(imp, src).starts_with("import type")) continue;
    auto from = literal(field(imp, "source"), src);
    if (!from) continue;
    std::vector<std::pair<std::string, std::string>> names;  // local, exported
    for (uint32_t j = 0; j < ts_node_named_child_count(imp); ++j) {
      TSNode clause = ts_node_named_child(imp, j);
      if (!is(clause, "import_clause")) continue;
      for (uint32_t k = 0; k < ts_node_named_child_count(clause); ++k) {
        TSNode c = ts_node_named_child(clause, k);
        if (is(c, "identifier")) names.emplace_back(text(c, src), "default");
        if (!is(c, "named_imports")) continue;
        for (uint32_t l = 0; l < ts_node_named_child_count(c); ++l) {
          TSNode spec = ts_node_named_child(c, l);
          if (!is(spec, "import_specifier") || text(spec, src).starts_with("type ")) continue;
          TSNode alias = field(spec, "alias");
          names.emplace_back(text(ts_node_is_null(alias) ? field(spec, "name") : alias, src), text(field(spec, "name"), src));
        }
      }
    }
    for (auto& [local, exported] : names) {
      auto it = in.facts->find(std::string(kSingletonKey) + exported);
      if (it == in.facts->end()) continue;
      for (const std::string& v : it->second) {
        size_t a = v.find('|'), b = v.find('|', a + 1);
        if (b == std::string::npos || !js::names_module(from->value, in.path, v.substr(0, a))) continue;
        if (instance_type(std::string_view(v).substr(b + 1), in.facts)) instances->insert(local + "." + v.substr(a + 1, b - a - 1));
      }
    }
  }
}

/// `this.<member>` expressions of the class that are Knex instances: its own typed members and,
/// through the project's facts, those of the classes it extends.
std::set<std::string> class_instances(TSNode cls, std::string_view src, const ProjectFacts* facts) {
  std::set<std::string> out;
  std::string name, parent;
  if (!class_names(cls, src, &name, &parent)) return out;
  std::vector<std::pair<std::string, std::string>> members;
  typed_members(cls, src, &members);
  std::set<std::string> own;
  for (auto& [m, t] : members) {
    own.insert(m);
    if (instance_type(t, facts)) out.insert("this." + m);
  }
  for (int hop = 0; hop < 8 && !parent.empty(); ++hop) {
    if (!facts) break;
    auto it = facts->find(std::string(kMemberKey) + parent);
    if (it != facts->end())
      for (auto& v : it->second) {
        std::string m = v.substr(0, v.find(':')), t = v.substr(v.find(':') + 1);
        if (own.insert(m).second && instance_type(t, facts)) out.insert("this." + m);
      }
    const std::string* up = one_fact(facts, std::string(kParentKey) + parent);
    if (!up) break;
    parent = *up;
  }
  return out;
}

/// The class declaration that encloses `n`, or a null node.
TSNode enclosing_class(TSNode n) {
  for (; !ts_node_is_null(n); n = ts_node_parent(n))
    if (is(n, "class_declaration") || is(n, "abstract_class_declaration")) return n;
  return TSNode{};
}

/// The methods of a chain, innermost first: `knex('t').where(...).update(...)`.
struct Step {
  std::string name;  ///< "" for the instance called as a function: knex('t')
  std::vector<TSNode> args;
  TSNode call{};
};

struct Chain : BuilderChain {
  Chain(const FileInput& input, FileOutput* output)
      : BuilderChain(input, output, {"knex", "Knex", "the instance's identifier mapping", /*upper_as=*/true}) {}

  size_t table(const Literal& lit, requirements::Use use, const std::string& verb) {
    return BuilderChain::table(lit, use, verb, in.default_schema, /*upper_is_renamed=*/true);
  }
};

// The filters, whose first argument is a column, an object of columns or (kGroups) a where-group
// callback; a where-group callback's chains use them alone.
const std::set<std::string_view> kWhere = {"where",        "andWhere",    "orWhere",    "whereNot",     "whereIn",
                                           "whereNotIn",   "orWhereIn",   "whereNull",  "whereNotNull", "orWhereNull",
                                           "whereBetween", "whereLike",   "whereILike", "having",       "andWhereNot",
                                           "orWhereNot",   "orWhereNotNull", "orWhereNotIn"};
const std::set<std::string_view> kGroups = {"where", "andWhere", "orWhere", "whereNot", "andWhereNot", "orWhereNot"};

/// Knex calls a where-group callback (`.andWhere((b) => b.whereNull('a').orWhere('a', '<', d))`,
/// `.where(function () { this.where(...) })`) with a builder of the same query, so the columns
/// its filters name are the chain's. Only chains that start at that builder and filter alone are
/// read: one that selects or names a table is a subquery, not judged.
void where_group(TSNode fn, Chain& chain, std::string_view src, int depth) {
  fn = unwrap(fn);
  if (depth > 8) return;
  TSNode p{};
  std::string_view base;
  if (is(fn, "arrow_function")) {
    p = field(fn, "parameter");
  } else if (!is(fn, "function_expression")) {
    return;
  }
  if (ts_node_is_null(p)) {
    TSNode ps = field(fn, "parameters");
    uint32_t n = ts_node_named_child_count(ps);
    if (n == 0 && is(fn, "function_expression")) base = "this";
    else if (n == 1) p = ts_node_named_child(ps, 0);
    else return;
    if (is(p, "required_parameter")) p = field(p, "pattern");
  }
  if (base.empty()) {
    if (!is(p, "identifier")) return;
    base = text(p, src);
  }
  std::function<void(TSNode)> visit = [&](TSNode n) {
    if (is(n, "arrow_function") || is(n, "function_expression") || is(n, "function_declaration")) return;
    TSNode parent = ts_node_parent(n);
    bool top = !(is(parent, "member_expression") && ts_node_eq(field(parent, "object"), n));
    if (is(n, "call_expression") && top) {
      std::vector<std::pair<std::string, std::vector<TSNode>>> steps;
      std::string_view m;
      TSNode r = n, recv;
      while (method_call(r, src, &m, &recv)) {
        steps.emplace_back(std::string(m), arguments(r));
        r = unwrap(recv);
      }
      bool filters = !steps.empty() && (is(r, "identifier") || is(r, "this")) && text(r, src) == base;
      for (auto& st : steps) filters = filters && kWhere.count(st.first);
      if (filters) {
        for (auto& [method, args] : steps) {
          if (args.empty()) continue;
          TSNode a = unwrap(args[0]);
          if (is(a, "object")) {
            std::vector<Key> keys;
            object_keys(a, src, &keys);
            for (auto& k : keys) chain.column(Literal{k.name, k.at}, requirements::Use::Read, "." + method + "() filters on");
          } else if (kGroups.count(method) && (is(a, "arrow_function") || is(a, "function_expression"))) {
            where_group(a, chain, src, depth + 1);
          } else {
            chain.columns(a, requirements::Use::Read, "." + method + "() filters on");
          }
        }
        return;
      }
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) visit(ts_node_named_child(n, i));
  };
  visit(field(fn, "body"));
}

void extract_knex(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  // The instances: `knex`, variables bound to knex(...) / require('knex')(...), parameters typed
  // as an instance (`(db: DbConnection, id: string) => db('users')...`), and the members of each
  // class that are instances (`this.db('t')`), in one walk. Each needs words in the text first: a
  // binding names knex, a typed parameter Knex or a project alias of it, a class `class`; a file
  // with none of them (most of a project's files, all relevant for their `: `) is not walked.
  bool names_knex = src.find("knex") != std::string_view::npos || src.find("Knex") != std::string_view::npos;
  bool aliases = false;
  if (in.facts)
    if (auto it = in.facts->lower_bound(kTypeKey); it != in.facts->end() && it->first.starts_with(kTypeKey)) aliases = true;
  bool typed = names_knex || aliases, classes = src.find("class") != std::string_view::npos;
  std::set<std::string> instances = {"knex"};
  std::map<uintptr_t, std::set<std::string>> class_members;
  if (typed || classes)
    walk(in.root, [&](TSNode n) {
      if (names_knex && is(n, "variable_declarator")) {
        TSNode v = unwrap(field(n, "value"));
        if (!is(v, "call_expression") || !is(field(n, "name"), "identifier")) return;
        std::string_view f = text(field(v, "function"), src);
        if (f == "knex" || f == "Knex" || f == "require('knex')" || f == "require(\"knex\")")
          instances.insert(std::string(text(field(n, "name"), src)));
      } else if (typed && (is(n, "required_parameter") || is(n, "optional_parameter"))) {
        if (is(field(n, "pattern"), "identifier") && instance_type(annotation(field(n, "type"), src), in.facts))
          instances.insert(std::string(text(field(n, "pattern"), src)));
      } else if (classes && (is(n, "class_declaration") || is(n, "abstract_class_declaration"))) {
        if (auto m = class_instances(n, src, in.facts); !m.empty()) class_members[reinterpret_cast<uintptr_t>(n.id)] = std::move(m);
      }
    });
  singleton_members(in, &instances);
  if (instances.size() == 1 && class_members.empty() && src.find("knex") == std::string_view::npos) return;
  walk(in.root, [&](TSNode n) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(n, src, &method, &receiver) || method != "transaction" ||
        !instances.count(std::string(text(unwrap(receiver), src))))
      return;
    auto a = arguments(n);
    if (a.empty() || !is(unwrap(a[0]), "arrow_function")) return;
    TSNode fn = unwrap(a[0]);
    TSNode p = field(fn, "parameter");
    if (ts_node_is_null(p)) {
      TSNode ps = field(fn, "parameters");
      if (!ts_node_is_null(ps) && ts_node_named_child_count(ps) >= 1) p = ts_node_named_child(ps, 0);
      if (is(p, "required_parameter")) p = field(p, "pattern");
    }
    if (is(p, "identifier")) instances.insert(std::string(text(p, src)));
  });

  // Tables the code makes with the schema builder (`knex.schema.createTable('pagesVector', t =>
  // ...)` behind a hasTable check, as a search module's start-up does; the receiver need not be
  // an instance known here, `WIKI.models.knex.schema`): a use of one is unchecked, not missing.
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver) || (method != "createTable" && method != "createTableIfNotExists"))
      return;
    TSNode r = unwrap(receiver);
    std::string schema;
    std::string_view inner;
    TSNode below;
    if (method_call(r, src, &inner, &below) && inner == "withSchema") {  // knex.schema.withSchema('app').createTable(...)
      auto w = arguments(r);
      auto s = w.empty() ? std::nullopt : literal(w[0], src);
      if (!s) return;
      schema = s->value;
      r = unwrap(below);
    }
    if (!is(r, "member_expression") || text(field(r, "property"), src) != "schema") return;
    auto a = arguments(call);
    auto name = a.empty() ? std::nullopt : literal(a[0], src);
    if (!name || name->value.empty()) return;
    out->created_at_run_time.push_back(
        {schema, name->value, ts_node_start_byte(call), "created at run time by the Knex schema builder (createTable) at"});
  });

  // .with('name', ...) of the file: names that are no tables (a subquery chain of the statement
  // reads them: `.whereNotIn('id', this.db.select('id').from('latest_events'))`).
  std::set<std::string> ctes;
  walk(in.root, [&](TSNode call) {
    if (std::string cte = cte_name(call, src); !cte.empty()) ctes.insert(cte);
  });

  static const std::set<std::string_view> kStarts = {"select", "from", "table", "into", "insert", "update", "del",
                                                      "delete", "where", "first", "column", "pluck"};
  // Knex's aggregates, and the name PostgreSQL gives their output when no alias does.
  static const std::map<std::string_view, std::string_view> kAggregates = {
      {"count", "count"}, {"countDistinct", "count"}, {"min", "min"}, {"max", "max"}, {"sum", "sum"},
      {"sumDistinct", "sum"}, {"avg", "avg"}, {"avgDistinct", "avg"}};
  static const std::set<std::string_view> kJoins = {"join", "innerJoin", "leftJoin", "leftOuterJoin", "rightJoin",
                                                    "rightOuterJoin", "fullOuterJoin"};
  walk(in.root, [&](TSNode call) {
    if (!is(call, "call_expression")) return;
    // `await this.db<Row>(TABLE)`: with type arguments, tree-sitter puts the await on the callee.
    TSNode fn = unwrap(field(call, "function"));
    TSNode cls = enclosing_class(call);
    const std::set<std::string>* members = nullptr;
    if (!ts_node_is_null(cls))
      if (auto it = class_members.find(reinterpret_cast<uintptr_t>(cls.id)); it != class_members.end()) members = &it->second;
    auto instance = [&](TSNode n) {
      if (is(n, "identifier")) return instances.count(std::string(text(n, src))) > 0;
      // `db.knex`: a member of a module-level instance (singleton_members).
      if (is(n, "member_expression") && is(field(n, "object"), "identifier") &&
          instances.count(std::string(text(field(n, "object"), src)) + "." + std::string(text(field(n, "property"), src))))
        return true;
      // `this.db`, also when written over lines (`this\n  .db(...)`).
      return is(n, "member_expression") && members && is(field(n, "object"), "this") &&
             members->count("this." + std::string(text(field(n, "property"), src))) > 0;
    };
    Step root;
    if (instance(fn)) {
      root.name = "";
    } else if (is(fn, "member_expression") && instance(field(fn, "object")) &&
               kStarts.count(text(field(fn, "property"), src))) {
      root.name = std::string(text(field(fn, "property"), src));
    } else {
      return;
    }
    root.args = arguments(call);
    root.call = call;
    std::vector<Step> steps = {root};
    for (TSNode n = call;;) {
      TSNode member = ts_node_parent(n);
      if (!is(member, "member_expression") || !ts_node_eq(field(member, "object"), n)) break;
      TSNode next = ts_node_parent(member);
      if (!is(next, "call_expression") || !ts_node_eq(field(next, "function"), member)) break;
      n = next;
      steps.push_back({std::string(text(field(member, "property"), src)), arguments(n), n});
    }
    // What the chain does, and to which table.
    requirements::Use use = requirements::Use::Read;
    std::string verb = "reads";
    for (auto& s : steps) {
      if (s.name == "insert") use = requirements::Use::Insert, verb = "inserts into";
      if (s.name == "update" || s.name == "del" || s.name == "delete")
        use = requirements::Use::Write, verb = s.name == "update" ? "updates" : "deletes from";
    }
    Chain chain{in, out};
    chain.unit = out->requirements.units.size();
    // Stored in a variable that later calls continue (`const query = knex('domains').select(...)`,
    // then `query.leftJoin(...)`): those calls may join tables this chain does not see, so a
    // column it names without a table is not judged.
    if (!continuations(steps.back().call, src).empty()) chain.opaque = true;
    // A subquery: an argument of another chain, or inside a callback given to one.
    for (TSNode n = ts_node_parent(call); !ts_node_is_null(n) && !chain.nested; n = ts_node_parent(n)) {
      if (!is(n, "arguments")) continue;
      std::string_view callee = text(field(ts_node_parent(n), "function"), src);
      if (callee.size() > 12 && callee.substr(callee.size() - 12) == ".transaction") continue;
      auto nested_in = [&](const std::string& i) {
        return callee.compare(0, i.size(), i) == 0 && callee.size() > i.size() && (callee[i.size()] == '(' || callee[i.size()] == '.');
      };
      for (auto& i : instances) chain.nested = chain.nested || nested_in(i);
      if (members)
        for (auto& i : *members) chain.nested = chain.nested || nested_in(i);
    }
    std::string fingerprint = "knex";
    size_t rel = SIZE_MAX;
    bool has_table = false;
    for (auto& s : steps) {
      bool table_step = s.name.empty() || s.name == "from" || s.name == "table" || s.name == "into";
      if (!table_step) continue;
      if (s.args.empty()) continue;
      auto lit = constant_literal(s.args[0], src);  // 'jobs', TABLE, T.jobs, `${TABLE} as j`
      // this.db(this.tableName): a getter of this class no subclass can override.
      if (TSNode a = unwrap(s.args[0]); !lit && members && is(a, "member_expression") &&
                                         text(field(a, "object"), src) == "this") {
        std::string cname, parent;
        class_names(cls, src, &cname, &parent);
        if (!in.facts || !in.facts->count(std::string(kExtendedKey) + cname))
          lit = getter_literal(cls, text(field(a, "property"), src), src);
      }
      if (!lit && is(unwrap(s.args[0]), "object")) return;  // knex({ client: 'pg' }): making an instance
      if (!lit) {
        out->unchecked.push_back({ts_node_start_byte(s.args[0]), "knex", "the table name is computed at run time"});
        return;
      }
      if (ctes.count(chain.strip_alias(lit->value))) return;  // a common table expression, no table
      TSNode callee = unwrap(field(root.call, "function"));
      std::string instance_text =  // this.db or db.knex, however it is laid out
          is(callee, "member_expression")
              ? (is(field(callee, "object"), "this") ? std::string("this") : std::string(text(field(callee, "object"), src))) +
                    "." + std::string(text(field(callee, "property"), src))
              : std::string(text(callee, src));
      std::string spelled = lit->end ? std::string(text(s.args[0], src)) : "'" + lit->value + "'";
      chain.head = (s.name.empty() ? instance_text : "." + s.name) + "(" + spelled + ")";
      fingerprint += chain.head;
      rel = chain.table(*lit, use, verb);
      has_table = true;
      break;
    }
    if (!has_table) return;  // knex.select(...) with no table here: a subquery built elsewhere
    if (chain.head.front() == '.') chain.head = "knex" + chain.head;
    for (auto& s : steps) {
      const std::string& m = s.name;
      if (m.empty() || m == "from" || m == "table" || m == "into") continue;
      fingerprint += "." + m + "()";
      if (m == "select" || m == "column" || m == "first" || m == "pluck" || m == "returning") {
        for (TSNode a : s.args) chain.columns(a, requirements::Use::Read, "." + m + "() reads");
        if (m == "select" || m == "column" || m == "first")
          for (TSNode a : s.args) chain.outputs(a);
      } else if (kAggregates.count(m)) {
        // count('* as n'), sum('amount'), sum({ total: raw }), count('id', { as: 'n' }): columns
        // read, and the output names an orderBy may use (an aggregate without an alias is named
        // after its function).
        for (TSNode a : s.args) {
          if (is(unwrap(a), "object") && !ts_node_eq(a, s.args.front())) {
            // count('id', { as: 'total' }): the options, whose `as` names the output.
            std::vector<Key> keys;
            if (!object_keys(a, src, &keys)) chain.outputs_unknown = true;
            for (auto& k : keys) {
              auto as = literal(k.value, src);
              if (k.name == "as" && as) chain.output_names.insert(as->value);
              else if (k.name == "as") chain.outputs_unknown = true;
            }
          } else if (is(unwrap(a), "object")) {
            std::vector<Key> keys;
            if (!object_keys(a, src, &keys)) chain.outputs_unknown = true;
            for (auto& k : keys) {
              chain.output_names.insert(k.name);
              if (auto col = literal(k.value, src)) chain.column(*col, requirements::Use::Read, "." + m + "() reads");
            }
          } else if (auto lit = literal(a, src)) {
            std::string alias;
            chain.strip_alias(lit->value, &alias);
            chain.output_names.insert(alias.empty() ? std::string(kAggregates.at(m)) : alias);
            chain.column(*lit, requirements::Use::Read, "." + m + "() reads");
          } else if (!is(unwrap(a), "comment")) {
            chain.outputs_unknown = true;
          }
        }
        if (s.args.empty()) chain.output_names.insert(std::string(kAggregates.at(m)));
      } else if (kWhere.count(m) && !s.args.empty()) {
        std::vector<Key> keys;
        if (is(unwrap(s.args[0]), "object")) {
          object_keys(s.args[0], src, &keys);
          for (auto& k : keys) chain.column(Literal{k.name, k.at}, requirements::Use::Read, "." + m + "() filters on");
        } else if (kGroups.count(m) && (is(unwrap(s.args[0]), "arrow_function") || is(unwrap(s.args[0]), "function_expression"))) {
          where_group(s.args[0], chain, src, 0);
        } else {
          chain.columns(s.args[0], requirements::Use::Read, "." + m + "() filters on");
        }
      } else if (m == "orderBy" || m == "groupBy") {
        if (!s.args.empty()) chain.columns(s.args[0], requirements::Use::Read, "." + m + "() uses", true);
      } else if (kJoins.count(m) && !s.args.empty()) {
        auto lit = constant_literal(s.args[0], src);
        if (lit && !ctes.count(chain.strip_alias(lit->value))) chain.table(*lit, requirements::Use::Read, "joins");
        else chain.opaque = true;
        for (size_t i = 1; i < s.args.size(); ++i) chain.columns(s.args[i], requirements::Use::Read, "." + m + "() joins on");
      } else if (m == "onConflict" && !s.args.empty()) {
        chain.columns(s.args[0], requirements::Use::Read, ".onConflict() uses");
      } else if ((m == "insert" || m == "update" || m == "merge") && !s.args.empty()) {
        if ((m == "update" && literal(s.args[0], src)) || (m == "merge" && is(unwrap(s.args[0]), "array"))) {
          chain.columns(s.args[0], requirements::Use::Write, "." + m + "() writes");  // update('col', v), merge(['a'])
          continue;
        }
        chain.row(s.args[0], ts_node_start_byte(s.args[0]), m, m == "insert" ? rel : SIZE_MAX);
      }
    }
    chain.flush();
    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = fingerprint;
    out->requirements.units.push_back(std::move(unit));
  });
}

/// Whether some class of the project has a member typed as an instance (`db: Knex`): only then
/// can a class that names no Knex type reach one, through what it extends.
bool instance_members(const ProjectFacts& facts) {
  for (auto it = facts.lower_bound(kMemberKey); it != facts.end() && it->first.starts_with(kMemberKey); ++it)
    for (const std::string& v : it->second)
      if (size_t colon = v.find(':'); colon != std::string::npos && instance_type(std::string_view(v).substr(colon + 1), &facts))
        return true;
  return false;
}

/// relevant_knex, knowing the project: a file that names neither knex nor Knex reaches an instance
/// only through a parameter typed with a project alias of Knex, or a class member typed with one
/// or inherited from a class whose member is an instance (extract_knex's walk), so it is relevant
/// only when the project declares such an alias or member. Most files of a project have a `: `
/// and most React files a `className`: they are not parsed for Knex.
bool relevant_knex_in(std::string_view text, const ProjectFacts* facts) {
  if (!facts) return relevant_knex(text);
  if (text.find("knex") != std::string_view::npos || text.find("Knex") != std::string_view::npos) return true;
  auto it = facts->lower_bound(kTypeKey);
  bool aliases = it != facts->end() && it->first.starts_with(kTypeKey);
  bool classes = text.find("class") != std::string_view::npos;
  if (aliases) return classes || text.find(": ") != std::string_view::npos;
  return classes && instance_members(*facts);
}

/// A project whose code never names knex or Knex has no instance: its classes are not indexed.
bool knex_index_wanted(std::string_view text) {
  return text.find("knex") != std::string_view::npos || text.find("Knex") != std::string_view::npos;
}

}  // namespace

extern const DataLayer kKnex{.name = "knex",
                             .languages = {"typescript", "javascript"},
                             .relevant = relevant_knex,
                             .extract = extract_knex,
                             .index = index_knex,
                             .index_reads = knex_index_reads,
                             .relevant_in = relevant_knex_in,
                             .index_wanted = knex_index_wanted,
                             .relevant_words = {"knex", "Knex", "this.", ": "},
                             .relevant_in_words = {"knex", "Knex", "this.", ": ", "class"},
                             .index_words = {"class ", "Knex"},
                             .wanted_words = {"knex", "Knex"}};

}  // namespace schemagate::datalayers
