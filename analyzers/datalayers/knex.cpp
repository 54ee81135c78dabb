// Knex: query builder chains on a Knex instance, `knex('t')`, `knex.from('t')`,
// `knex.select('a').from('t')`, `trx('t')`, then `.select('a', 't.b as c')`, `.where('col', v)`,
// `.where({ col: v })`, `.whereIn('col', [...])`, `.insert({...})`, `.update({...})`,
// `.returning([...])`, `.onConflict('col')`, joins. Knex quotes the names it is given, so each
// table and column spelled in a string is a requirement at that string.
//
// The instance is `knex`, a variable the file binds to `knex(...)` / `require('knex')(...)`, or
// the parameter of a `.transaction((trx) => ...)` callback: another `db('t')` may be anything.
// Names with upper case letters may be mapped by knexSnakeCaseMappers / wrapIdentifier,
// configured where the instance is made: unchecked. orderBy/groupBy names that may be output
// names of the select list, unqualified columns of a subquery, raw fragments and callbacks are
// not judged.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/builder_chain.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

bool relevant_knex(std::string_view text) { return text.find("knex") != std::string_view::npos; }

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

void extract_knex(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  // The instances: `knex`, variables bound to knex(...) / require('knex')(...), transaction parameters.
  std::set<std::string> instances = {"knex"};
  walk(in.root, [&](TSNode n) {
    if (is(n, "variable_declarator")) {
      TSNode v = unwrap(field(n, "value"));
      if (!is(v, "call_expression") || !is(field(n, "name"), "identifier")) return;
      std::string_view f = text(field(v, "function"), src);
      if (f == "knex" || f == "Knex" || f == "require('knex')" || f == "require(\"knex\")")
        instances.insert(std::string(text(field(n, "name"), src)));
    }
  });
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

  static const std::set<std::string_view> kStarts = {"select", "from", "table", "into", "insert", "update", "del",
                                                      "delete", "where", "first", "column", "pluck"};
  static const std::set<std::string_view> kWhere = {"where",       "andWhere",  "orWhere",     "whereNot",   "whereIn",
                                                    "whereNotIn",  "orWhereIn", "whereNull",   "whereNotNull", "orWhereNull",
                                                    "whereBetween", "whereLike", "whereILike", "having"};
  static const std::set<std::string_view> kJoins = {"join", "innerJoin", "leftJoin", "leftOuterJoin", "rightJoin",
                                                    "rightOuterJoin", "fullOuterJoin"};
  walk(in.root, [&](TSNode call) {
    if (!is(call, "call_expression")) return;
    TSNode fn = field(call, "function");
    Step root;
    if (is(fn, "identifier") && instances.count(std::string(text(fn, src)))) {
      root.name = "";
    } else if (is(fn, "member_expression") && is(field(fn, "object"), "identifier") &&
               instances.count(std::string(text(field(fn, "object"), src))) &&
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
    // A subquery: an argument of another chain, or inside a callback given to one.
    for (TSNode n = ts_node_parent(call); !ts_node_is_null(n) && !chain.nested; n = ts_node_parent(n)) {
      if (!is(n, "arguments")) continue;
      std::string_view callee = text(field(ts_node_parent(n), "function"), src);
      if (callee.size() > 12 && callee.substr(callee.size() - 12) == ".transaction") continue;
      for (auto& i : instances)
        if (callee.compare(0, i.size(), i) == 0 && callee.size() > i.size() && (callee[i.size()] == '(' || callee[i.size()] == '.'))
          chain.nested = true;
    }
    std::string fingerprint = "knex";
    size_t rel = SIZE_MAX;
    bool has_table = false;
    for (auto& s : steps) {
      bool table_step = s.name.empty() || s.name == "from" || s.name == "table" || s.name == "into";
      if (!table_step) continue;
      if (s.args.empty()) continue;
      auto lit = literal(s.args[0], src);
      if (!lit && is(unwrap(s.args[0]), "object")) return;  // knex({ client: 'pg' }): making an instance
      if (!lit) {
        out->unchecked.push_back({ts_node_start_byte(s.args[0]), "knex", "the table name is computed at run time"});
        return;
      }
      chain.head = (s.name.empty() ? std::string(text(field(root.call, "function"), src)) : "." + s.name) + "('" +
                   lit->value + "')";
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
      } else if (kWhere.count(m) && !s.args.empty()) {
        std::vector<Key> keys;
        if (is(unwrap(s.args[0]), "object")) {
          object_keys(s.args[0], src, &keys);
          for (auto& k : keys) chain.column(Literal{k.name, k.at}, requirements::Use::Read, "." + m + "() filters on");
        } else {
          chain.columns(s.args[0], requirements::Use::Read, "." + m + "() filters on");
        }
      } else if (m == "orderBy" || m == "groupBy") {
        if (!s.args.empty()) chain.columns(s.args[0], requirements::Use::Read, "." + m + "() uses", true);
      } else if (kJoins.count(m) && !s.args.empty()) {
        auto lit = literal(s.args[0], src);
        if (lit) chain.table(*lit, requirements::Use::Read, "joins");
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

}  // namespace

extern const DataLayer kKnex = {"knex", {"typescript", "javascript"}, nullptr, relevant_knex, extract_knex};

}  // namespace schemagate::datalayers
