// What the query-builder data layers (Knex, Kysely) share: a chain of method calls names its
// tables first (from, joins, into) and its columns anywhere (select, where, orderBy, values),
// so columns are collected while the chain is read and judged once every table is known. An
// unqualified column may belong to any table of the chain (the tables are its candidates); a
// qualified one to the table its alias names; an orderBy/groupBy name that the select list
// defines as an output is not a column. Each layer keeps only how its chain is read.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {

/// The common table expression a `.with('name', ...)` / `.withRecursive('name(a, b)', ...)` call
/// names, or "" (Kysely and Knex spell it alike).
inline std::string cte_name(TSNode call, std::string_view src) {
  std::string_view method;
  TSNode receiver;
  if (!js::method_call(call, src, &method, &receiver)) return "";
  if (method != "with" && method != "withRecursive" && method != "withMaterialized" && method != "withNotMaterialized")
    return "";
  auto a = js::arguments(call);
  if (a.empty()) return "";
  auto lit = js::literal(a[0], src);
  if (!lit) return "";
  std::string n = lit->value.substr(0, lit->value.find('('));
  while (!n.empty() && n.back() == ' ') n.pop_back();
  return n;
}

struct BuilderChain {
  /// What differs between the builders in how a name is read and described.
  struct Style {
    std::string_view layer;        ///< "knex": the unchecked uses' `via`
    std::string_view label;        ///< "Knex": how messages name the builder
    std::string_view rename_hint;  ///< what may rewrite a camelCase name ("CamelCasePlugin")
    bool upper_as = false;         ///< `'col AS c'` is an alias too, not only `'col as c'`
  };

  BuilderChain(const FileInput& input, FileOutput* output, Style s) : in(input), out(output), style(s) {}

  /// How the builder's instances turn a name with upper case letters into the one sent: unknown
  /// (such a name is unchecked), as written, or by a mapping (Kysely's CamelCasePlugin).
  enum class Naming { Unknown, AsWritten, Mapped };
  Naming naming = Naming::Unknown;
  std::string (*map_name)(std::string_view) = nullptr;

  /// The name sent for `name`, or "" when it cannot be told (then *why says so).
  std::string sent_name(const std::string& name) const {
    if (!js::has_upper(name)) return name;
    if (naming == Naming::AsWritten) return name;
    if (naming == Naming::Mapped && map_name) return map_name(name);
    return "";
  }

  const FileInput& in;
  FileOutput* out;
  Style style;
  size_t unit = 0;
  std::string head;    ///< the call that starts the chain, for messages: "selectFrom('t')"
  bool nested = false; ///< a subquery inside another chain: an unqualified column may be the outer query's
  bool opaque = false; ///< a table of the chain is not spelled: unqualified columns are not judged
  std::map<std::string, std::string> aliases;  ///< alias or table name -> "schema.table"
  std::vector<std::string> tables;             ///< "schema.table", in order
  std::set<std::string> output_names;          ///< the select list's output names
  bool outputs_unknown = false;                ///< some output names cannot be read (an expression)
  /// In a subquery, `t.col` whose `t` the chain does not name is the outer query's: when set, a
  /// `t` that is no alias, derived table or CTE anywhere in the project (this set holds them
  /// all) is the table `t` itself. Null: such a column is not judged.
  const std::set<std::string>* outer_names = nullptr;

  /// 'col as c' -> 'col' (and the alias in *alias when given).
  std::string strip_alias(std::string v, std::string* alias = nullptr) const {
    for (std::string_view as : {std::string_view(" as "), std::string_view(" AS ")}) {
      if (as == " AS " && !style.upper_as) break;
      if (auto at = v.find(as); at != std::string::npos) {
        if (alias) *alias = v.substr(at + 4);
        v = v.substr(0, at);
      }
    }
    return v;
  }

  /// 'table', 'schema.table', 'table as t' (`schema` for an unqualified name): a relation
  /// requirement, and the table joins the chain's candidates. Returns its index in the output's
  /// requirements, or SIZE_MAX when the name is not spelled (then the chain is opaque) or, with
  /// `upper_is_renamed`, may be rewritten by a naming plugin (listed as unchecked).
  size_t table(const js::Literal& lit, requirements::Use use, const std::string& verb, const std::string& schema,
               bool upper_is_renamed) {
    std::string alias;
    std::string v = strip_alias(lit.value, &alias);
    std::string sch = schema, name = v;
    if (auto dot = v.find('.'); dot != std::string::npos) sch = v.substr(0, dot), name = v.substr(dot + 1);
    if (!js::plain_name(name) || !js::plain_name(sch)) {
      opaque = true;
      return SIZE_MAX;
    }
    std::string sent = upper_is_renamed ? sent_name(name) : name;
    if (sent.empty()) {
      out->unchecked.push_back(
          {lit.at, std::string(style.layer), "table " + name + " may be renamed by " + std::string(style.rename_hint)});
      opaque = true;
      return SIZE_MAX;
    }
    uint32_t at = lit.at + static_cast<uint32_t>(v.size() - name.size());
    requirements::Requirement r;
    r.object = requirements::Object::Relation;
    r.span = lit.end ? requirements::Span{lit.at, lit.end} : requirements::Span{at, at + static_cast<uint32_t>(name.size())};
    r.schema = sch;
    r.relation = sent;
    if (sent != name) r.spelled = name;
    r.use = use;
    r.unit = unit;
    r.quoted = true;
    std::string shown = sch == in.default_schema ? sent : sch + "." + sent;
    r.describe = std::string(style.label) + " " + head + " " + verb + " table " + shown +
                 (sent == name ? "" : " (" + name + " renamed by " + std::string(style.rename_hint) + ")");
    out->requirements.requirements.push_back(std::move(r));
    tables.push_back(sch + "." + sent);
    aliases[alias.empty() ? name : alias] = sch + "." + sent;
    return out->requirements.requirements.size() - 1;
  }

  /// A column the chain names; judged by flush().
  void column(const js::Literal& lit, requirements::Use use, const std::string& how, bool output_name = false) {
    pending_.push_back({lit, use, how, output_name});
  }

  /// A string or an array of strings; spread (`select(...selectable)`) or named (`select(cols)`),
  /// a same-file `const` array that nothing in its block assigns to.
  void columns(TSNode arg, requirements::Use use, const std::string& how, bool output_name = false) {
    arg = js::unwrap(arg);
    if (js::is(arg, "spread_element")) arg = js::unwrap(ts_node_named_child(arg, 0));
    if (js::is(arg, "identifier")) {
      TSNode held = js::local_const(arg, in.text, [](TSNode v) { return js::is(v, "array"); }, true);
      if (ts_node_is_null(held)) return;
      arg = held;
    }
    if (auto lit = js::literal(arg, in.text)) {
      column(*lit, use, how, output_name);
    } else if (js::is(arg, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i)
        if (auto lit = js::literal(ts_node_named_child(arg, i), in.text)) column(*lit, use, how, output_name);
    }
  }

  /// A row written (`values({...})`, `insert([{...}, {...}])`, `set({...})`): each key of each
  /// object is a column written. A key that cannot be told (a spread, a computed key) leaves the
  /// chain partly checked. `rel`: the inserted table's requirement, whose insert columns the keys
  /// are, or SIZE_MAX.
  void row(TSNode v, uint32_t at, const std::string& method, size_t rel) {
    std::vector<js::Key> keys;
    v = js::unwrap(v);
    bool all = true;
    if (js::is(v, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(v); ++i)
        all = js::object_keys(ts_node_named_child(v, i), in.text, &keys, true) && all;
    } else {
      all = js::object_keys(v, in.text, &keys, true);
    }
    if (!all)
      out->unchecked.push_back(
          {at, std::string(style.layer) + " " + method + "()", "the columns of the row are built at run time", unit});
    if (rel < out->requirements.requirements.size()) {
      auto& r = out->requirements.requirements[rel];
      r.insert_columns_known = all;
      for (auto& k : keys)
        if (std::find(r.insert_columns.begin(), r.insert_columns.end(), k.name) == r.insert_columns.end())
          r.insert_columns.push_back(k.name);
    }
    std::set<std::string> seen;
    for (auto& k : keys)
      if (seen.insert(k.name).second) column(js::Literal{k.name, k.at}, requirements::Use::Write, "." + method + "() writes");
  }

  /// Records the output names of a select() argument.
  void outputs(TSNode arg) {
    arg = js::unwrap(arg);
    std::vector<TSNode> items;
    if (js::is(arg, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i) items.push_back(ts_node_named_child(arg, i));
    } else {
      items.push_back(arg);
    }
    for (TSNode item : items) {
      auto lit = js::literal(item, in.text);
      if (!lit) {
        if (!js::is(item, "comment")) outputs_unknown = true;
        continue;
      }
      std::string alias;
      strip_alias(lit->value, &alias);
      if (!alias.empty()) output_names.insert(alias);
    }
  }

  /// Judges every column collected, now that the chain's tables are known.
  void flush() {
    for (auto& p : pending_) {
      if (p.output_name && (outputs_unknown || output_names.count(p.lit.value))) continue;
      judge(p.lit, p.use, p.how);
    }
  }

 private:
  struct Pending {
    js::Literal lit;
    requirements::Use use;
    std::string how;
    bool output_name = false;  ///< orderBy/groupBy: may name an output column of the select list
  };
  std::vector<Pending> pending_;

  /// 'col', 't.col', 'col as c', 't.col as c'.
  void judge(const js::Literal& lit, requirements::Use use, const std::string& how) {
    std::string v = strip_alias(lit.value);
    std::string qualifier, name = v;
    if (auto dot = v.rfind('.'); dot != std::string::npos) qualifier = v.substr(0, dot), name = v.substr(dot + 1);
    if (name == "*" || !js::plain_name(name) || tables.empty()) return;
    if (qualifier.empty() && (opaque || nested)) return;
    uint32_t at = lit.at + static_cast<uint32_t>(v.size() - name.size());
    std::string sent = sent_name(name);
    if (sent.empty()) {
      out->unchecked.push_back({at, std::string(style.layer),
                                "column " + name + " may be renamed by " + std::string(style.rename_hint)});
      return;
    }
    requirements::Requirement r;
    r.object = requirements::Object::Column;
    r.column = sent;
    if (sent != name) r.spelled = name;
    r.use = use;
    r.span = lit.end ? requirements::Span{lit.at, lit.end} : requirements::Span{at, at + static_cast<uint32_t>(name.size())};
    r.unit = unit;
    r.quoted = true;
    std::string q;
    if (!qualifier.empty()) {
      auto it = aliases.find(qualifier);
      if (it == aliases.end() && nested && outer_names && js::plain_name(qualifier) && !outer_names->count(qualifier) &&
          qualifier != "excluded") {
        // The outer query's table, by its own name (`whereRef('users.id', '=', 'pages.creatorId')`).
        std::string table = sent_name(qualifier);
        if (table.empty()) return;
        q = in.default_schema + "." + table;
      } else if (it == aliases.end()) {
        if (qualifier.find('.') == std::string::npos) return;  // an alias of a subquery
        it = aliases.find(qualifier.substr(qualifier.find('.') + 1));
        if (it == aliases.end()) return;
        q = it->second;
      } else {
        q = it->second;
      }
    } else {
      q = tables.front();
      if (tables.size() > 1) r.candidates = tables;
    }
    r.schema = q.substr(0, q.find('.'));
    r.relation = q.substr(q.find('.') + 1);
    std::string shown = r.schema == in.default_schema ? r.relation : q;
    r.describe = std::string(style.label) + " " + head + how + " column " + shown + "." + sent +
                 (sent == name ? "" : " (" + name + " renamed by " + std::string(style.rename_hint) + ")");
    out->requirements.requirements.push_back(std::move(r));
  }
};

}  // namespace schemagate::datalayers
