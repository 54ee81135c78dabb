// Kysely: query builder chains `db.selectFrom('t')`, `insertInto('t').values({...})`,
// `updateTable('t').set({...})`, `deleteFrom('t')`, with their joins, `select('a')` /
// `select(['t.a', 'b as c'])`, `where('col', '=', v)`, `orderBy`, `groupBy`, `returning`. Kysely
// sends names as written, quoted: each table and each column spelled in a string is a requirement
// at that string.
//
// A column written `alias.col` belongs to that alias's table; an unqualified one to any table of
// the chain (the requirement lists them all, as for an unqualified column in SQL). A name with
// upper case letters, table or column, is rewritten by CamelCasePlugin where the Kysely instance
// is made: every `new Kysely(...)` of the project is read before extraction. When all pass
// `plugins: [new CamelCasePlugin()]` the name sent is the plugin's snake case of it
// (createdAt -> created_at); when none has a plugin that renames, it is sent as written; else
// (instances that disagree, plugins or options computed at run time, `withPlugin()`) the name is
// unchecked. A name the file's `.with()` / `.withRecursive()` defines is
// a common table expression, not a table. A table that is a subquery or a variable, and callbacks (`eb => ...`), are not
// judged.
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

bool relevant_kysely(std::string_view text) {
  for (std::string_view m : {"selectFrom(", "insertInto(", "updateTable(", "deleteFrom(", "new Kysely", "withPlugin("})
    if (text.find(m) != std::string_view::npos) return true;
  return false;
}

constexpr std::string_view kNamingKey = "kysely:naming";  ///< one per Kysely instance

/// CamelCasePlugin's snake case with its default options (createSnakeCaseMapper): an upper-case
/// letter becomes '_' and its lower case, unless the letter before it is upper case too; the
/// first letter is only lower-cased.
std::string kysely_snake_case(std::string_view s) {
  std::string out;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char low = upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    if (i > 0 && upper(c) && !upper(s[i - 1])) out += '_';
    out += low;
  }
  return out;
}

/// Records how each Kysely instance names things: "camel" (CamelCasePlugin with its default
/// options), "none" (no plugin that renames), "?" (cannot be told).
void index_kysely(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view src = in.text;
  // Plugins that leave names alone.
  static const std::set<std::string_view> kKeepNames = {"ParseJSONResultsPlugin", "DeduplicateJoinsPlugin",
                                                        "HandleEmptyInListsPlugin"};
  auto plugin = [&](TSNode p) -> std::string {
    p = unwrap(p);
    if (!is(p, "new_expression")) return "?";
    std::string_view ctor = text(field(p, "constructor"), src);
    if (kKeepNames.count(ctor)) return "none";
    if (ctor != "CamelCasePlugin") return "?";
    auto a = arguments(p);
    std::vector<Key> keys;
    return a.empty() || (a.size() == 1 && object_keys(a[0], src, &keys) && keys.empty()) ? "camel" : "?";
  };
  walk(in.root, [&](TSNode n) {
    if (is(n, "new_expression") && text(field(n, "constructor"), src) == "Kysely") {
      auto args = arguments(n);
      std::string naming = "?";
      std::vector<Key> keys;
      if (args.size() == 1 && object_keys(args[0], src, &keys)) {
        naming = "none";
        for (const Key& k : keys) {
          if (k.name != "plugins") continue;
          TSNode list = unwrap(k.value);
          if (!is(list, "array")) {
            naming = "?";
            break;
          }
          std::set<std::string> kinds;
          for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i)
            if (!is(ts_node_named_child(list, i), "comment")) kinds.insert(plugin(ts_node_named_child(list, i)));
          kinds.erase("none");
          naming = kinds.empty() ? "none" : kinds.size() == 1 ? *kinds.begin() : "?";
        }
      }
      out->emplace_back(kNamingKey, naming);
      return;
    }
    std::string_view method;
    TSNode receiver;
    if (method_call(n, src, &method, &receiver) && method == "withPlugin") {
      auto a = arguments(n);
      std::string p = a.size() == 1 ? plugin(a[0]) : "?";
      if (p != "none") out->emplace_back(kNamingKey, "?");  // a second naming beside the instance's
    }
  });
}

/// How the project's Kysely instances send a name with upper case letters.
BuilderChain::Naming project_naming(const FileInput& in) {
  if (!in.facts) return BuilderChain::Naming::Unknown;
  auto it = in.facts->find(kNamingKey);
  if (it == in.facts->end()) return BuilderChain::Naming::Unknown;
  std::set<std::string> v(it->second.begin(), it->second.end());
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

void extract_kysely(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  BuilderChain::Naming naming = project_naming(in);
  static const std::set<std::string_view> kJoins = {"innerJoin", "leftJoin", "rightJoin", "fullJoin"};
  // .with('name', ...) / .withRecursive('name(a, b)', ...): names that are not tables.
  std::set<std::string> ctes;
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver)) return;
    if (method != "with" && method != "withRecursive" && method != "withMaterialized" && method != "withNotMaterialized")
      return;
    auto a = arguments(call);
    if (a.empty()) return;
    if (auto lit = literal(a[0], src)) {
      std::string n = lit->value.substr(0, lit->value.find('('));
      while (!n.empty() && n.back() == ' ') n.pop_back();
      ctes.insert(n);
    }
  });
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver)) return;
    if (method != "selectFrom" && method != "insertInto" && method != "updateTable" && method != "deleteFrom") return;
    auto args = arguments(call);
    if (args.size() != 1) return;
    Chain chain{in, out};
    chain.naming = naming;
    chain.map_name = [](std::string_view n) { return kysely_snake_case(n); };
    chain.ctes = &ctes;
    chain.schema = in.default_schema;
    chain.nested = inside_another_chain(call, src);
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
    for (TSNode n = call;;) {
      TSNode member = ts_node_parent(n);
      if (!is(member, "member_expression") || !ts_node_eq(field(member, "object"), n)) break;
      TSNode next = ts_node_parent(member);
      if (!is(next, "call_expression") || !ts_node_eq(field(next, "function"), member)) break;
      n = next;
      std::string name(text(field(member, "property"), src));
      auto a = arguments(n);
      fingerprint += "." + name + "()";
      if (kJoins.count(name) && !a.empty()) {
        if (auto lit = literal(a[0], src)) chain.table(*lit, requirements::Use::Read);
        else chain.opaque = true;
        for (size_t i = 1; i < a.size(); ++i) chain.columns(a[i], requirements::Use::Read, "." + name + "() joins on");
      } else if (name == "select" || name == "returning" || name == "distinctOn") {
        if (a.empty()) continue;
        chain.columns(a[0], requirements::Use::Read, "." + name + "() reads");
        if (name == "select") chain.outputs(a[0]);
      } else if (name == "where" || name == "having") {
        if (!a.empty()) chain.columns(a[0], requirements::Use::Read, "." + name + "() uses");
      } else if (name == "orderBy" || name == "groupBy") {
        if (!a.empty()) chain.columns(a[0], requirements::Use::Read, "." + name + "() uses", true);
      } else if ((name == "values" || name == "set") && !a.empty()) {
        std::vector<Key> keys;
        TSNode v = unwrap(a[0]);
        bool all = true;
        if (is(v, "array")) {
          for (uint32_t i = 0; i < ts_node_named_child_count(v); ++i) all = object_keys(ts_node_named_child(v, i), src, &keys) && all;
        } else {
          all = object_keys(v, src, &keys);
        }
        if (!all) out->unchecked.push_back({ts_node_start_byte(a[0]), "kysely " + name + "()", "the columns of the row are built at run time"});
        if (name == "values" && first_rel < out->requirements.requirements.size()) {
          auto& rel = out->requirements.requirements[first_rel];
          rel.insert_columns_known = all;
          for (auto& k : keys)
            if (std::find(rel.insert_columns.begin(), rel.insert_columns.end(), k.name) == rel.insert_columns.end())
              rel.insert_columns.push_back(k.name);
        }
        std::set<std::string> seen;
        for (auto& k : keys)
          if (seen.insert(k.name).second) chain.column(Literal{k.name, k.at}, requirements::Use::Write, "." + name + "() writes");
      }
    }
    chain.flush();
    unit.fingerprint_text = fingerprint;
    out->requirements.units.push_back(std::move(unit));
  });
}

}  // namespace

extern const DataLayer kKysely = {"kysely", {"typescript", "javascript"}, nullptr, relevant_kysely, extract_kysely,
                                  index_kysely};

}  // namespace schemagate::datalayers
