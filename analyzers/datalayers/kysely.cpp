// Kysely: query builder chains `db.selectFrom('t')`, `insertInto('t').values({...})`,
// `updateTable('t').set({...})`, `deleteFrom('t')`, with their joins, `select('a')` /
// `select(['t.a', 'b as c'])`, `where('col', '=', v)`, `whereRef`, `orderBy`, `groupBy`,
// `returning`, `onConflict`. Kysely sends names as written, quoted: each table and each column
// spelled in a string is a requirement at that string. The db object does not matter (`this.db`
// injected by a constructor, a transaction's `trx`): the chain's methods say what it is.
//
// A column written `alias.col` belongs to that alias's table; an unqualified one to any table of
// the chain (the requirement lists them all, as for an unqualified column in SQL). A name with
// upper case letters, table or column, is rewritten by CamelCasePlugin where the Kysely instance
// is made: every `new Kysely(...)` of the project, and every config with a `new ...Dialect()`
// (nestjs-kysely's KyselyModule.forRoot), is read before extraction; an instance made only for a
// Migrator is not the application's. When all pass `plugins: [new CamelCasePlugin()]` the name
// sent is the plugin's snake case of it (createdAt -> created_at); when none has a plugin that
// renames, it is sent as written; else (instances that disagree, plugins or options computed at
// run time, `withPlugin()`) the name is unchecked. A name some `.with()` / `.withRecursive()` of
// the project defines is a common table expression, not a table.
//
// Callbacks are read where Kysely gives them a builder of the same query: an expression builder
// (`where((eb) => eb('col', '=', v))`, `eb.ref('t.col')`, `eb.fn.count('col')`), a join builder
// (`(join) => join.onRef('a.x', '=', 'b.y')`), `$if` / `$call` (the callback continues the
// chain), `onConflict((oc) => oc.column('k').doUpdateSet({...}))`. A list of columns the file
// spells elsewhere (a class field `baseFields = ['id', ...]` never assigned again, a top-level
// const) is read where it is declared, and a chain stored in a variable continues in the calls
// on it (`query = query.where(...)`). A class method that writes one of its parameters as the
// row (`insertSpace(row) { return db.insertInto('spaces').values(row) }`) makes the object its
// callers pass through a holder declared with that class's type a row written. A table that is a
// subquery or a variable, and a callback that hands the builder to another function, are not
// judged.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/builder_chain.h"
#include "analyzers/datalayers/js_tree.h"
#include "analyzers/datalayers/kysely_naming.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

bool relevant_kysely(std::string_view text) {
  for (std::string_view m : {"selectFrom(", "insertInto(", "updateTable(", "deleteFrom(", "new Kysely", "withPlugin(",
                             "KyselyModule", "CamelCasePlugin", "ysely"})
    if (text.find(m) != std::string_view::npos) return true;
  return false;
}

constexpr std::string_view kNamingKey = "kysely:naming";  ///< one per Kysely instance
constexpr std::string_view kCteKey = "kysely:cte";        ///< a name some .with() of the project defines
constexpr std::string_view kAliasKey = "kysely:alias";    ///< a name some `'t as a'` or `.as('a')` of the project gives

constexpr std::string_view kPluginKey = "kysely:plugin:";  ///< + a plugin class of the project: "none" or "?"
/// + a function of the project that returns a config object with a dialect
/// (`export const getKyselyConfig = () => ({ dialect: new PostgresJSDialect(...) })`): its naming.
constexpr std::string_view kConfigFnKey = "kysely:config-fn:";
/// + a method name: "Class|k|schema.table|values" for a method of Class whose k-th parameter is
/// the row a chain writes (`insertSpace(row) { return db.insertInto('spaces').values(row) }`).
constexpr std::string_view kRowParamKey = "kysely:row-param:";

/// The row-param facts of a class method: each chain of its body whose values() / set() is one
/// of the method's parameters, or an object that spreads it.
void index_row_params(TSNode cls, std::string_view src, const std::string& schema,
                      std::vector<std::pair<std::string, std::string>>* out) {
  std::string class_name(text(field(cls, "name"), src));
  TSNode body = field(cls, "body");
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (!is(m, "method_definition")) continue;
    std::vector<std::string> params;
    TSNode ps = field(m, "parameters");
    for (uint32_t j = 0; j < ts_node_named_child_count(ps); ++j) {
      TSNode p = ts_node_named_child(ps, j);
      TSNode pat = is(p, "required_parameter") || is(p, "optional_parameter") ? field(p, "pattern") : TSNode{};
      params.push_back(is(pat, "identifier") ? std::string(text(pat, src)) : "");
    }
    std::string method(text(field(m, "name"), src));
    std::set<std::string> facts;
    bool other = false;  // a chain whose row cannot be told to be one parameter
    walk(field(m, "body"), [&](TSNode call) {
      std::string_view name;
      TSNode receiver;
      if (!method_call(call, src, &name, &receiver) || (name != "values" && name != "set")) return;
      auto a = arguments(call);
      if (a.size() != 1) return;
      // The parameter the row is, or spreads.
      TSNode row = unwrap(a[0]);
      std::string param;
      if (is(row, "identifier")) {
        param = text(row, src);
      } else if (is(row, "object")) {
        for (uint32_t k = 0; k < ts_node_named_child_count(row); ++k) {
          TSNode e = ts_node_named_child(row, k);
          if (is(e, "spread_element") && is(unwrap(ts_node_named_child(e, 0)), "identifier"))
            param = text(unwrap(ts_node_named_child(e, 0)), src);
        }
      }
      auto at = std::find(params.begin(), params.end(), param);
      if (param.empty() || at == params.end()) return;
      // The chain's head: insertInto('t') for values(), updateTable('t') for set().
      TSNode n = unwrap(receiver);
      std::string_view head;
      TSNode r;
      while (method_call(n, src, &head, &r) && head != "insertInto" && head != "updateTable") n = unwrap(r);
      if ((name == "values" && head != "insertInto") || (name == "set" && head != "updateTable")) return;
      auto h = arguments(n);
      auto lit = h.size() == 1 ? literal(h[0], src) : std::nullopt;
      if (!lit) {
        other = true;
        return;
      }
      std::string table = lit->value.substr(0, lit->value.find(' '));
      if (table.find('.') == std::string::npos) table = schema + "." + table;
      facts.insert(class_name + "|" + std::to_string(at - params.begin()) + "|" + table + "|" + std::string(name));
    });
    if (!other && facts.size() == 1) out->emplace_back(std::string(kRowParamKey) + method, *facts.begin());
  }
}

/// Whether every `return` of the class's transformQuery(args) is `args.node`.
bool hands_back_node(TSNode cls, std::string_view src) {
  TSNode body = field(cls, "body");
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (!is(m, "method_definition") || text(field(m, "name"), src) != "transformQuery") continue;
    TSNode params = field(m, "parameters");
    TSNode first = ts_node_named_child_count(params) ? ts_node_named_child(params, 0) : TSNode{};
    if (is(first, "required_parameter")) first = field(first, "pattern");
    if (!is(first, "identifier")) return false;
    std::string_view arg = text(first, src);
    int returns = 0;
    bool other = false;
    walk(field(m, "body"), [&](TSNode r) {
      if (!is(r, "return_statement")) return;
      ++returns;
      TSNode v = ts_node_named_child_count(r) ? unwrap(ts_node_named_child(r, 0)) : TSNode{};
      if (!is(v, "member_expression") || text(field(v, "object"), src) != arg || text(field(v, "property"), src) != "node")
        other = true;
    });
    return returns > 0 && !other;
  }
  return false;
}

/// The names a call gives a relation: `.as('a')`, and `'t as a'` in the first argument of a
/// selectFrom / join / insertInto / updateTable / deleteFrom (an array of them too).
std::vector<std::string> alias_names(TSNode call, std::string_view src) {
  static const std::set<std::string_view> kFrom = {"selectFrom", "insertInto", "updateTable", "deleteFrom", "innerJoin",
                                                   "leftJoin",   "rightJoin",  "fullJoin",    "innerJoinLateral",
                                                   "leftJoinLateral", "crossJoin"};
  std::string_view method;
  TSNode receiver;
  std::vector<std::string> out;
  if (!method_call(call, src, &method, &receiver)) return out;
  auto a = arguments(call);
  if (a.empty()) return out;
  if (method == "as") {
    if (auto lit = literal(a[0], src)) out.push_back(lit->value);
    return out;
  }
  if (!kFrom.count(method)) return out;
  std::vector<TSNode> items;
  TSNode first = unwrap(a[0]);
  if (is(first, "array"))
    for (uint32_t i = 0; i < ts_node_named_child_count(first); ++i) items.push_back(ts_node_named_child(first, i));
  else
    items.push_back(first);
  for (TSNode item : items) {
    auto lit = literal(item, src);
    if (!lit) continue;
    for (std::string_view as : {" as ", " AS "})
      if (size_t at = lit->value.find(as); at != std::string::npos) out.push_back(lit->value.substr(at + 4));
  }
  return out;
}

std::vector<TSNode> callback_results(TSNode fn);

/// The object literal a `new Kysely(arg)` is configured with: `arg` itself, a variable of the
/// file bound to one, or a function of the file that gives back one object literal
/// (`new Kysely(getKyselyConfig(url))`); null when it cannot be told.
TSNode config_object(TSNode arg, TSNode root, std::string_view src) {
  arg = unwrap(arg);
  if (is(arg, "object")) return arg;
  std::string_view name;
  if (is(arg, "identifier")) name = text(arg, src);
  else if (is(arg, "call_expression") && is(field(arg, "function"), "identifier")) name = text(field(arg, "function"), src);
  if (name.empty()) return {};
  std::vector<TSNode> decls;
  walk(root, [&](TSNode n) {
    if ((is(n, "variable_declarator") || is(n, "function_declaration")) && text(field(n, "name"), src) == name)
      decls.push_back(n);
  });
  if (decls.size() != 1) return {};
  TSNode v = is(decls[0], "function_declaration") ? decls[0] : unwrap(field(decls[0], "value"));
  if (is(arg, "identifier")) return is(v, "object") ? v : TSNode{};
  std::vector<TSNode> results = callback_results(v);
  return results.size() == 1 && is(results[0], "object") ? results[0] : TSNode{};
}

/// The name of the function whose one result is `obj` (`function f() { return {...} }`,
/// `const f = () => ({...})`), or "".
std::string returning_function(TSNode obj, std::string_view src) {
  TSNode fn = ts_node_parent(obj);
  while (!ts_node_is_null(fn) && (is(fn, "parenthesized_expression") || is(fn, "return_statement") ||
                                  is(fn, "statement_block") || is(fn, "as_expression") || is(fn, "satisfies_expression")))
    fn = ts_node_parent(fn);
  if (!is(fn, "arrow_function") && !is(fn, "function_declaration") && !is(fn, "function_expression") && !is(fn, "function"))
    return "";
  std::vector<TSNode> results = callback_results(fn);
  if (results.size() != 1 || !ts_node_eq(results[0], obj)) return "";
  if (is(fn, "function_declaration")) return std::string(text(field(fn, "name"), src));
  TSNode decl = ts_node_parent(fn);
  return is(decl, "variable_declarator") && is(field(decl, "name"), "identifier") ? std::string(text(field(decl, "name"), src))
                                                                                   : "";
}

/// Records how each Kysely instance that runs the application's queries names things:
/// "camel" (CamelCasePlugin with its default options), "none" (no plugin that renames), "?"
/// (cannot be told). An instance made only for a Migrator names the migrations' identifiers
/// (the migration format reads it); a config object with a `new ...Dialect()` that no
/// `new Kysely` receives (nestjs-kysely's KyselyModule.forRoot / forRootAsync's factory) is one
/// instance.
void index_kysely(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view src = in.text;
  auto is_new_kysely = [&](TSNode n) {
    return is(n, "new_expression") && text(field(n, "constructor"), src) == "Kysely";
  };
  bool queries = false;
  for (std::string_view m : {"selectFrom(", "insertInto(", "updateTable(", "deleteFrom(", "export default", "export {"})
    queries = queries || src.find(m) != std::string_view::npos;
  walk(in.root, [&](TSNode n) {
    // A helper of one file may build the CTE another file's chain reads from
    // (`getAncestorsQb(db).selectFrom('ancestor')`).
    if (std::string cte = cte_name(n, src); !cte.empty()) out->emplace_back(kCteKey, cte);
    for (const std::string& a : alias_names(n, src)) out->emplace_back(kAliasKey, a);
    if (is_new_kysely(n)) {
      if (!queries && kysely::migrator_only(n, src)) return;
      auto args = arguments(n);
      TSNode config = args.size() == 1 ? config_object(args[0], in.root, src) : TSNode{};
      std::string naming = ts_node_is_null(config) ? "?" : kysely::config_naming(config, src);
      // new Kysely(getKyselyConfig(...)) of a function another file declares: that function's.
      TSNode arg = args.size() == 1 ? unwrap(args[0]) : TSNode{};
      if (ts_node_is_null(config) && is(arg, "call_expression") && is(field(arg, "function"), "identifier"))
        naming = "config-fn:" + std::string(text(field(arg, "function"), src));
      out->emplace_back(kNamingKey, naming);
      return;
    }
    if (kysely::dialect_config(n, src)) {
      TSNode args = ts_node_parent(n);
      if (is(args, "arguments") && is_new_kysely(ts_node_parent(args))) return;  // read with its new Kysely
      out->emplace_back(kNamingKey, kysely::config_naming(n, src));
      if (std::string fn = returning_function(n, src); !fn.empty())
        out->emplace_back(std::string(kConfigFnKey) + fn, kysely::config_naming(n, src));
      return;
    }
    if (is(n, "class_declaration") && !ts_node_is_null(field(n, "name"))) index_row_params(n, src, in.default_schema, out);
    // A plugin class of the project: it leaves names alone when its transformQuery gives back
    // the node it was handed, unchanged.
    if (is(n, "class_declaration") && text(n, src).find("transformQuery") != std::string_view::npos) {
      out->emplace_back(std::string(kPluginKey) + std::string(text(field(n, "name"), src)),
                        hands_back_node(n, src) ? "none" : "?");
      return;
    }
    std::string_view method;
    TSNode receiver;
    if (method_call(n, src, &method, &receiver) && method == "withPlugin") {
      auto a = arguments(n);
      std::string p = a.size() == 1 ? kysely::plugin_naming(a[0], src) : "?";
      if (p == "?" && a.size() == 1) {
        // withPlugin(new P()) or withPlugin(p) with `const p = new P()` in the file.
        TSNode made = unwrap(a[0]);
        if (is(made, "identifier")) {
          std::string_view var = text(made, src);
          made = TSNode{};
          int found = 0;
          walk(in.root, [&](TSNode d) {
            if (is(d, "variable_declarator") && text(field(d, "name"), src) == var) {
              made = unwrap(field(d, "value"));
              ++found;
            }
          });
          if (found != 1) made = TSNode{};
        }
        // Kysely's own plugins that keep names (a const joinDeduplication = new
        // DeduplicateJoinsPlugin()), else a plugin class of the project.
        if (is(made, "new_expression") && is(field(made, "constructor"), "identifier"))
          p = kysely::plugin_naming(made, src) == "none" ? "none" : "plugin:" + std::string(text(field(made, "constructor"), src));
      }
      if (p != "none") out->emplace_back(kNamingKey, p);  // a second naming beside the instance's
    }
  });
}

/// How the project's Kysely instances send a name with upper case letters.
BuilderChain::Naming project_naming(const ProjectFacts* facts) {
  if (!facts) return BuilderChain::Naming::Unknown;
  auto it = facts->find(kNamingKey);
  if (it == facts->end()) return BuilderChain::Naming::Unknown;
  std::set<std::string> v;
  for (const std::string& x : it->second) {
    if (x.rfind("config-fn:", 0) == 0) {
      // The config a project function returns: what every such function of that name gives.
      auto f = facts->find(std::string(kConfigFnKey) + x.substr(10));
      std::set<std::string> kinds;
      if (f != facts->end()) kinds.insert(f->second.begin(), f->second.end());
      v.insert(kinds.size() == 1 ? *kinds.begin() : "?");
      continue;
    }
    if (x.rfind("plugin:", 0) != 0) {
      v.insert(x);
      continue;
    }
    auto p = facts->find(std::string(kPluginKey) + x.substr(7));
    std::set<std::string> kinds;
    if (p != facts->end()) kinds.insert(p->second.begin(), p->second.end());
    if (kinds != std::set<std::string>{"none"}) v.insert("?");  // a plugin that may rename
  }
  if (v.size() != 1) return BuilderChain::Naming::Unknown;
  if (*v.begin() == "camel") return BuilderChain::Naming::Mapped;
  if (*v.begin() == "none") return BuilderChain::Naming::AsWritten;
  return BuilderChain::Naming::Unknown;
}

struct Chain : BuilderChain {
  Chain(const FileInput& input, FileOutput* output)
      : BuilderChain(input, output, {"kysely", "Kysely", "CamelCasePlugin", /*upper_as=*/false}) {}
  std::string schema;  ///< withSchema(), else the default
  std::string verb = "reads";
  const std::set<std::string>* ctes = nullptr;  ///< names the file's .with() / .withRecursive() define

  /// 'schema.table', 'table as t': a relation requirement. A common table expression of the
  /// file is no table: its columns are not judged either.
  void table(const Literal& lit, requirements::Use use) {
    std::string alias;
    std::string name = strip_alias(lit.value, &alias);
    if (ctes && ctes->count(name)) {
      opaque = true;
      return;
    }
    BuilderChain::table(lit, use, verb, schema, /*upper_is_renamed=*/true);
  }
};

/// Whether `call` is an argument (or inside a callback given as one) of another query chain.
bool inside_another_chain(TSNode call, std::string_view src) {
  for (TSNode n = ts_node_parent(call); !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (!is(n, "arguments")) continue;
    std::string_view callee = text(field(ts_node_parent(n), "function"), src);
    for (std::string_view m : {"selectFrom(", "insertInto(", "updateTable(", "deleteFrom(", "selectFrom", "with("})
      if (callee.find(m) != std::string_view::npos) return true;
  }
  return false;
}

/// Whether `id` is a parameter typed `ExpressionBuilder<...>` of a function around it (a helper
/// `withCreator(eb: ExpressionBuilder<DB, 'pages'>)`): a chain it starts is a subquery.
bool expression_builder(TSNode id, std::string_view src) {
  if (!is(id, "identifier")) return false;
  std::string_view name = text(id, src);
  for (TSNode f = ts_node_parent(id); !ts_node_is_null(f); f = ts_node_parent(f)) {
    TSNode params = field(f, "parameters");
    if (ts_node_is_null(params) || !is(params, "formal_parameters")) continue;
    for (uint32_t i = 0; i < ts_node_named_child_count(params); ++i) {
      TSNode p = ts_node_named_child(params, i);
      if (!is(p, "required_parameter") && !is(p, "optional_parameter")) continue;
      if (text(field(p, "pattern"), src) != name) continue;
      return text(field(p, "type"), src).find("ExpressionBuilder<") != std::string_view::npos;
    }
  }
  return false;
}

/// The first parameter's name of a callback (`(eb) => ...`, `eb => ...`, `function (qb) {}`), or
/// "" when it is not a function or the parameter is destructured.
std::string_view callback_param(TSNode fn, std::string_view src) {
  fn = unwrap(fn);
  if (!is(fn, "arrow_function") && !is(fn, "function_expression") && !is(fn, "function")) return {};
  TSNode single = field(fn, "parameter");
  if (is(single, "identifier")) return text(single, src);
  TSNode params = field(fn, "parameters");
  if (ts_node_is_null(params) || ts_node_named_child_count(params) == 0) return {};
  TSNode p = ts_node_named_child(params, 0);
  if (is(p, "required_parameter") || is(p, "optional_parameter")) p = field(p, "pattern");
  return is(p, "identifier") ? text(p, src) : std::string_view{};
}

/// The names a callback's first parameter binds, each to what it is of Kysely's expression
/// builder: "" the builder itself (`(eb) =>`), or the member destructured from it (`({ eb, and,
/// ref: r }) =>`: eb -> "eb", and -> "and", r -> "ref"). Empty: no such parameter.
std::map<std::string, std::string, std::less<>> callback_bindings(TSNode fn, std::string_view src) {
  std::map<std::string, std::string, std::less<>> out;
  if (std::string_view p = callback_param(fn, src); !p.empty()) {
    out.emplace(std::string(p), "");
    return out;
  }
  fn = unwrap(fn);
  if (!is(fn, "arrow_function") && !is(fn, "function_expression") && !is(fn, "function")) return out;
  TSNode params = field(fn, "parameters");
  if (ts_node_is_null(params) || ts_node_named_child_count(params) == 0) return out;
  TSNode p = ts_node_named_child(params, 0);
  if (is(p, "required_parameter") || is(p, "optional_parameter")) p = field(p, "pattern");
  if (!is(p, "object_pattern")) return out;
  for (uint32_t i = 0; i < ts_node_named_child_count(p); ++i) {
    TSNode b = ts_node_named_child(p, i);
    if (is(b, "shorthand_property_identifier_pattern")) {
      out.emplace(std::string(text(b, src)), std::string(text(b, src)));
    } else if (is(b, "pair_pattern") && is(field(b, "value"), "identifier")) {
      out.emplace(std::string(text(field(b, "value"), src)), std::string(text(field(b, "key"), src)));
    }
  }
  return out;
}

/// The expressions a callback gives back: an arrow's expression body, or each `return x` of its
/// block (not those of functions inside it).
std::vector<TSNode> callback_results(TSNode fn) {
  fn = unwrap(fn);
  if (!is(fn, "arrow_function") && !is(fn, "function_expression") && !is(fn, "function") &&
      !is(fn, "function_declaration") && !is(fn, "method_definition"))
    return {};
  TSNode body = field(fn, "body");
  if (ts_node_is_null(body)) return {};
  if (!is(body, "statement_block")) return {unwrap(body)};
  std::vector<TSNode> out;
  std::function<void(TSNode)> visit = [&](TSNode n) {
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode c = ts_node_named_child(n, i);
      if (is(c, "return_statement")) {
        if (ts_node_named_child_count(c) > 0) out.push_back(unwrap(ts_node_named_child(c, 0)));
      } else if (!is(c, "arrow_function") && !is(c, "function_expression") && !is(c, "function_declaration") &&
                 !is(c, "class_declaration")) {
        visit(c);
      }
    }
  };
  visit(body);
  return out;
}

/// One call of a chain: its method and arguments.
struct Link {
  std::string name;
  std::vector<TSNode> args;
};

/// `p.a(x).b(y)`: the calls of a chain that starts at the identifier `p`, in order; false when
/// it starts elsewhere or holds something that is not a method call.
bool links_from(TSNode expr, std::string_view p, std::string_view src, std::vector<Link>* out) {
  std::vector<Link> rev;
  TSNode n = unwrap(expr);
  for (;;) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(n, src, &method, &receiver)) break;
    rev.push_back({std::string(method), arguments(n)});
    n = unwrap(receiver);
  }
  if (!is(n, "identifier") || text(n, src) != p) return false;
  out->assign(rev.rbegin(), rev.rend());
  return true;
}

/// Reads the links of one chain into its requirements.
struct ChainReader {
  const FileInput& in;
  FileOutput* out;
  Chain& chain;
  size_t first_rel;
  std::string_view src;

  /// A list the file spells elsewhere: `this.baseFields` (a field of the enclosing class
  /// initialised with an array and never assigned again) or a top-level `const cols = [...]`.
  /// Anything else: `arg` itself.
  TSNode resolve(TSNode arg) const {
    arg = unwrap(arg);
    TSNode value{};
    if (is(arg, "member_expression") && is(field(arg, "object"), "this")) {
      std::string name(text(field(arg, "property"), src));
      TSNode body = ts_node_parent(arg);
      while (!ts_node_is_null(body) && !is(body, "class_body")) body = ts_node_parent(body);
      if (ts_node_is_null(body)) return arg;
      for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
        TSNode m = ts_node_named_child(body, i);
        if (is(m, "public_field_definition") && text(field(m, "name"), src) == name) value = field(m, "value");
      }
      for (std::string_view sep : {" =", "="}) {
        std::string assign = "this." + name + std::string(sep);
        for (size_t at = src.find(assign); at != std::string_view::npos; at = src.find(assign, at + 1))
          if (src.substr(at + assign.size(), 1) != "=") return arg;  // assigned again (not ==, ===)
      }
    } else if (is(arg, "identifier")) {
      std::string_view name = text(arg, src);
      for (uint32_t i = 0; i < ts_node_named_child_count(in.root); ++i) {
        TSNode d = ts_node_named_child(in.root, i);
        if (is(d, "export_statement")) d = field(d, "declaration");
        if (!is(d, "lexical_declaration") || text(ts_node_child(d, 0), src) != "const") continue;
        for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
          TSNode v = ts_node_named_child(d, j);
          if (is(v, "variable_declarator") && text(field(v, "name"), src) == name) value = field(v, "value");
        }
      }
    }
    value = unwrap(value);
    return is(value, "array") ? value : arg;
  }

  /// Column references inside an expression-builder callback (`(eb) => eb('col', '=', v)`,
  /// `eb.ref('t.col')`, `eb.fn.count('col')`, `eb.and({ col: v })`, `eb.between('col', a, b)`):
  /// what the builder reads as a column. Nested callbacks and subqueries are read on their own.
  void expressions(TSNode cb, const std::string& how) {
    auto bindings = callback_bindings(cb, src);
    if (bindings.empty()) return;
    static const std::set<std::string_view> kFirstIsColumn = {"ref", "between", "betweenSymmetric"};
    static const std::set<std::string_view> kAggregates = {"count", "sum", "avg", "min", "max", "coalesce"};
    // What an identifier is of the builder: "" the builder, a member's name, or nullptr.
    auto role = [&](TSNode n) -> const std::string* {
      if (!is(n, "identifier")) return nullptr;
      auto it = bindings.find(text(n, src));
      return it == bindings.end() ? nullptr : &it->second;
    };
    auto is_p = [&](TSNode n) {
      const std::string* r = role(n);
      return r && (r->empty() || *r == "eb");
    };
    auto and_or = [&](const std::vector<TSNode>& a) {
      if (a.size() != 1 || !is(unwrap(a[0]), "object")) return;
      std::vector<Key> keys;
      object_keys(a[0], src, &keys);
      for (auto& k : keys) chain.column(Literal{k.name, k.at}, requirements::Use::Read, how);
    };
    std::function<void(TSNode)> visit = [&](TSNode n) {
      if (is(n, "arrow_function") || is(n, "function_expression") || is(n, "function")) return;
      if (is(n, "call_expression")) {
        TSNode fn = field(n, "function");
        if (text(fn, src).find("selectFrom(") != std::string_view::npos) return;  // a subquery: its own chain
        auto a = arguments(n);
        const std::string* r = role(fn);
        if (is_p(fn)) {
          if (!a.empty()) chain.columns(a[0], requirements::Use::Read, how);
        } else if (r && kFirstIsColumn.count(*r)) {
          if (!a.empty()) chain.columns(a[0], requirements::Use::Read, how);  // ({ ref }) => ref('t.col')
        } else if (r && (*r == "and" || *r == "or")) {
          and_or(a);
        } else if (r && *r == "fn" && a.size() == 2) {
          chain.columns(a[1], requirements::Use::Read, how);  // ({ fn }) => fn('name', ['col'])
        } else if (is(fn, "member_expression")) {
          TSNode obj = field(fn, "object");
          std::string_view prop = text(field(fn, "property"), src);
          const std::string* ro = role(obj);
          if (is_p(obj) && kFirstIsColumn.count(prop) && !a.empty()) {
            chain.columns(a[0], requirements::Use::Read, how);
          } else if (is_p(obj) && (prop == "and" || prop == "or")) {
            and_or(a);
          } else if (is(obj, "member_expression") && is_p(field(obj, "object")) &&
                     text(field(obj, "property"), src) == "fn" && kAggregates.count(prop)) {
            for (TSNode x : a) chain.columns(x, requirements::Use::Read, how);
          } else if (ro && *ro == "fn" && kAggregates.count(prop)) {
            for (TSNode x : a) chain.columns(x, requirements::Use::Read, how);  // ({ fn }) => fn.count('col')
          } else if (is_p(obj) && prop == "fn" && a.size() == 2) {
            chain.columns(a[1], requirements::Use::Read, how);  // eb.fn('name', ['col'])
          }
        }
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) visit(ts_node_named_child(n, i));
    };
    for (TSNode r : callback_results(cb)) {
      if (is(r, "array") && how.find("select") != std::string::npos) chain.columns(r, requirements::Use::Read, how);
      visit(r);
    }
  }

  /// `(join) => join.onRef('a.x', '=', 'b.y').on('c', '=', v)`.
  void join_callback(TSNode cb, const std::string& how) {
    std::string_view p = callback_param(cb, src);
    std::vector<Link> links;
    for (TSNode r : callback_results(cb)) {
      if (p.empty() || !links_from(r, p, src, &links)) continue;
      for (const Link& l : links) {
        if (l.name == "onRef" && l.args.size() == 3) {
          chain.columns(l.args[0], requirements::Use::Read, how);
          chain.columns(l.args[2], requirements::Use::Read, how);
        } else if (l.name == "on" && l.args.size() == 3) {
          chain.columns(l.args[0], requirements::Use::Read, how);
        } else if (l.name == "on" && l.args.size() == 1) {
          expressions(l.args[0], how);
        }
      }
    }
  }

  /// `.onConflict((oc) => oc.column('k').doUpdateSet({ col: ... }))`.
  void conflict_callback(TSNode cb) {
    std::string_view p = callback_param(cb, src);
    std::vector<Link> links;
    for (TSNode r : callback_results(cb)) {
      if (p.empty() || !links_from(r, p, src, &links)) continue;
      for (const Link& l : links) {
        if ((l.name == "column" || l.name == "columns") && l.args.size() == 1) {
          chain.columns(l.args[0], requirements::Use::Read, ".onConflict() names");
        } else if (l.name == "doUpdateSet" && l.args.size() == 1) {
          TSNode v = unwrap(l.args[0]);
          if (!is(v, "object")) {
            auto rs = callback_results(v);
            v = rs.size() == 1 ? rs[0] : TSNode{};
          }
          row(v, l.args[0], "doUpdateSet");
        }
      }
    }
  }

  /// An object of column: value (values(), set(), doUpdateSet()); the keys are written.
  void row(TSNode v, TSNode at, const std::string& name) {
    chain.row(v, ts_node_start_byte(at), name, name == "values" ? first_rel : SIZE_MAX);
  }

  void link(const std::string& name, const std::vector<TSNode>& a) {
    static const std::set<std::string_view> kJoins = {"innerJoin", "leftJoin", "rightJoin", "fullJoin"};
    auto callback = [&](TSNode n) { return !callback_bindings(n, src).empty(); };
    if (kJoins.count(name) && !a.empty()) {
      if (auto lit = literal(a[0], src)) chain.table(*lit, requirements::Use::Read);
      else chain.opaque = true;
      for (size_t i = 1; i < a.size(); ++i) {
        if (callback(a[i])) join_callback(a[i], "." + name + "() joins on");
        else chain.columns(a[i], requirements::Use::Read, "." + name + "() joins on");
      }
    } else if (name == "select" || name == "returning" || name == "distinctOn") {
      if (a.empty()) return;
      if (callback(a[0])) {
        expressions(a[0], "." + name + "() reads");
        if (name == "select") chain.outputs_unknown = true;
        return;
      }
      TSNode list = resolve(a[0]);
      chain.columns(list, requirements::Use::Read, "." + name + "() reads");
      if (name == "select") chain.outputs(list);
    } else if (name == "where" || name == "having") {
      if (a.empty()) return;
      if (callback(a[0])) expressions(a[0], "." + name + "() uses");
      else chain.columns(a[0], requirements::Use::Read, "." + name + "() uses");
    } else if ((name == "whereRef" || name == "havingRef") && a.size() == 3) {
      chain.columns(a[0], requirements::Use::Read, "." + name + "() uses");
      chain.columns(a[2], requirements::Use::Read, "." + name + "() uses");
    } else if (name == "orderBy" || name == "groupBy") {
      if (!a.empty()) chain.columns(resolve(a[0]), requirements::Use::Read, "." + name + "() uses", true);
    } else if ((name == "values" || name == "set") && !a.empty()) {
      row(a[0], a[0], name);
    } else if (name == "onConflict" && a.size() == 1) {
      conflict_callback(a[0]);
    } else if ((name == "$if" && a.size() == 2) || (name == "$call" && a.size() == 1)) {
      // The callback continues the chain: `.$if(cond, (qb) => qb.select('x'))`.
      std::string_view p = callback_param(a.back(), src);
      std::vector<Link> links;
      for (TSNode r : callback_results(a.back()))
        if (!p.empty() && links_from(r, p, src, &links))
          for (const Link& l : links) link(l.name, l.args);
    }
  }
};

/// `this.spaceRepo.insertSpace({ name, isPersonal }, trx)` where SpaceRepo.insertSpace writes its
/// first parameter as the row of insertInto('spaces'): each key of the object is a column the
/// call writes, a requirement at the key.
void extract_row_calls(const FileInput& in, FileOutput* out, BuilderChain::Naming naming) {
  if (!in.facts) return;
  std::string_view src = in.text;
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver)) return;
    auto it = in.facts->find(std::string(kRowParamKey) + std::string(method));
    if (it == in.facts->end()) return;
    std::set<std::string> facts(it->second.begin(), it->second.end());
    if (facts.size() != 1) return;  // classes with a method of that name that disagree
    std::vector<std::string> f;
    for (size_t b = 0, e; b <= facts.begin()->size(); b = e + 1) {
      e = facts.begin()->find('|', b);
      if (e == std::string::npos) e = facts.begin()->size();
      f.push_back(facts.begin()->substr(b, e - b));
    }
    if (f.size() != 4) return;
    TSNode r = unwrap(receiver);
    std::string_view holder = is(r, "member_expression") && is(field(r, "object"), "this") ? text(field(r, "property"), src)
                              : is(r, "identifier")                                       ? text(r, src)
                                                                                         : std::string_view{};
    if (holder.empty() || declared_type(in.root, holder, src) != f[0]) return;
    auto a = arguments(call);
    size_t k = std::stoul(f[1]);
    if (k >= a.size() || !is(unwrap(a[k]), "object")) return;
    Chain chain{in, out};
    chain.naming = naming;
    chain.map_name = [](std::string_view n) { return kysely::snake_case(n); };
    bool insert = f[3] == "values";
    std::string table = f[2].substr(f[2].find('.') + 1);
    chain.head = f[0] + "." + std::string(method) + "(): " + (insert ? "insertInto('" : "updateTable('") + table + "')";
    std::string sent = chain.sent_name(table);
    if (sent.empty()) return;
    chain.tables.push_back(f[2].substr(0, f[2].find('.')) + "." + sent);
    chain.unit = out->requirements.units.size();
    chain.row(a[k], ts_node_start_byte(a[k]), f[3], SIZE_MAX);
    chain.flush();
    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = "kysely." + f[0] + "." + std::string(method) + "()";
    out->requirements.units.push_back(std::move(unit));
  });
}

void extract_kysely(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  BuilderChain::Naming naming = project_naming(in.facts);
  // .with('name', ...) / .withRecursive('name(a, b)', ...) of this file or any other: names that
  // are not tables.
  std::set<std::string> ctes;
  walk(in.root, [&](TSNode call) {
    if (std::string cte = cte_name(call, src); !cte.empty()) ctes.insert(cte);
  });
  if (in.facts)
    if (auto it = in.facts->find(kCteKey); it != in.facts->end()) ctes.insert(it->second.begin(), it->second.end());
  // Names a subquery's `t.col` may give the outer query by other than its table's name: with
  // the project's facts (every file read), the others are the outer table itself.
  std::set<std::string> outer_names = ctes;
  walk(in.root, [&](TSNode call) {
    for (const std::string& a : alias_names(call, src)) outer_names.insert(a);
  });
  if (in.facts)
    if (auto it = in.facts->find(kAliasKey); it != in.facts->end()) outer_names.insert(it->second.begin(), it->second.end());
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver)) return;
    if (method != "selectFrom" && method != "insertInto" && method != "updateTable" && method != "deleteFrom") return;
    auto args = arguments(call);
    if (args.size() != 1) return;
    Chain chain{in, out};
    chain.naming = naming;
    chain.map_name = [](std::string_view n) { return kysely::snake_case(n); };
    chain.ctes = &ctes;
    chain.schema = in.default_schema;
    chain.nested = inside_another_chain(call, src) || expression_builder(unwrap(receiver), src);
    if (in.facts) chain.outer_names = &outer_names;
    // db.withSchema('s').selectFrom(...)
    std::string_view m2;
    TSNode r2;
    if (method_call(unwrap(receiver), src, &m2, &r2) && m2 == "withSchema") {
      auto a = arguments(unwrap(receiver));
      auto s = a.size() == 1 ? literal(a[0], src) : std::nullopt;
      if (!s) {
        out->unchecked.push_back({ts_node_start_byte(call), "kysely", "the schema name is computed at run time"});
        return;
      }
      chain.schema = s->value;
    }
    auto first = literal(args[0], src);
    if (!first && !is(unwrap(args[0]), "array")) {
      if (method != "selectFrom")
        out->unchecked.push_back({ts_node_start_byte(args[0]), "kysely", "the table name is computed at run time"});
      return;  // selectFrom(subquery): the subquery's own chain is read where it is written
    }
    requirements::Use use = method == "insertInto"   ? requirements::Use::Insert
                            : method == "selectFrom" ? requirements::Use::Read
                                                     : requirements::Use::Write;
    chain.verb = method == "insertInto" ? "inserts into" : method == "updateTable" ? "updates" : method == "deleteFrom" ? "deletes from" : "reads";
    chain.head = std::string(method) + "(" + std::string(text(args[0], src)) + ")";
    chain.unit = out->requirements.units.size();
    requirements::Unit unit;
    unit.file = std::string(in.path);
    std::string fingerprint = "kysely." + chain.head;
    size_t first_rel = out->requirements.requirements.size();
    if (first) {
      chain.table(*first, use);
    } else {
      TSNode arr = unwrap(args[0]);
      for (uint32_t i = 0; i < ts_node_named_child_count(arr); ++i) {
        auto lit = literal(ts_node_named_child(arr, i), src);
        if (lit) chain.table(*lit, use);
        else chain.opaque = true;
      }
    }
    ChainReader reader{in, out, chain, first_rel, src};
    auto read_links = [&](TSNode n) {
      for (;;) {
        TSNode member = ts_node_parent(n);
        if (!is(member, "member_expression") || !ts_node_eq(field(member, "object"), n)) break;
        TSNode next = ts_node_parent(member);
        if (!is(next, "call_expression") || !ts_node_eq(field(next, "function"), member)) break;
        n = next;
        std::string name(text(field(member, "property"), src));
        fingerprint += "." + name + "()";
        reader.link(name, arguments(n));
      }
      return n;
    };
    TSNode end = read_links(call);
    // `let query = db.selectFrom('t')...; query = query.where('c', '=', v);`: the calls on the
    // variable in the same function continue the chain, unless the variable is ever given
    // another query.
    for (TSNode use : continuations(end, src)) read_links(use);
    chain.flush();
    unit.fingerprint_text = fingerprint;
    out->requirements.units.push_back(std::move(unit));
  });
  extract_row_calls(in, out, naming);
}

}  // namespace

extern const DataLayer kKysely{.name = "kysely",
                               .languages = {"typescript", "javascript"},
                               .relevant = relevant_kysely,
                               .extract = extract_kysely,
                               .index = index_kysely,
                               .relevant_words = {"selectFrom(", "insertInto(", "updateTable(", "deleteFrom(", "new Kysely", "withPlugin(", "KyselyModule", "CamelCasePlugin", "ysely"}};

bool kysely::sends_names_as_written(const ProjectFacts* facts) {
  return project_naming(facts) == BuilderChain::Naming::AsWritten;
}

}  // namespace schemagate::datalayers
