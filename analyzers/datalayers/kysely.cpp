// Kysely: query builder chains `db.selectFrom('t')`, `insertInto('t').values({...})`,
// `updateTable('t').set({...})`, `deleteFrom('t')`, with their joins, `select('a')` /
// `select(['t.a', 'b as c'])`, `where('col', '=', v)`, `orderBy`, `groupBy`, `returning`. Kysely
// sends names as written, quoted: each table and each column spelled in a string is a requirement
// at that string.
//
// A column written `alias.col` belongs to that alias's table; an unqualified one to any table of
// the chain (the requirement lists them all, as for an unqualified column in SQL). A name with
// upper case letters may be rewritten by CamelCasePlugin, configured where the Kysely instance is
// made: unchecked. A table that is a subquery or a variable, and callbacks (`eb => ...`), are not
// judged.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

bool relevant_kysely(std::string_view text) {
  for (std::string_view m : {"selectFrom(", "insertInto(", "updateTable(", "deleteFrom("})
    if (text.find(m) != std::string_view::npos) return true;
  return false;
}

bool plain_name(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

struct Chain {
  const FileInput& in;
  FileOutput* out;
  size_t unit = 0;
  std::string schema;                            ///< withSchema(), else the default
  std::map<std::string, std::string> aliases;    ///< alias or table name -> "schema.table"
  std::vector<std::string> tables;               ///< "schema.table", in order
  bool opaque = false;                           ///< a table of the chain is not spelled
  /// A subquery inside another chain: an unqualified column may be the outer query's.
  bool nested = false;
  std::string verb = "reads";
  std::string head;                              ///< "selectFrom('t')", for messages

  /// 'schema.table', 'table as t': a relation requirement; its index.
  void table(const Literal& lit, requirements::Use use) {
    std::string v = lit.value;
    std::string alias;
    if (auto as = v.find(" as "); as != std::string::npos) {
      alias = v.substr(as + 4);
      v = v.substr(0, as);
    }
    std::string sch = schema, name = v;
    if (auto dot = v.find('.'); dot != std::string::npos) sch = v.substr(0, dot), name = v.substr(dot + 1);
    if (!plain_name(name) || !plain_name(sch)) {
      opaque = true;
      return;
    }
    uint32_t at = lit.at + static_cast<uint32_t>(v.size() - name.size());
    requirements::Requirement r;
    r.object = requirements::Object::Relation;
    r.schema = sch;
    r.relation = name;
    r.use = use;
    r.span = {at, at + static_cast<uint32_t>(name.size())};
    r.unit = unit;
    r.quoted = true;
    std::string shown = sch == in.default_schema ? name : sch + "." + name;
    r.describe = "Kysely " + head + " " + verb + " table " + shown;
    out->requirements.requirements.push_back(std::move(r));
    std::string q = sch + "." + name;
    tables.push_back(q);
    aliases[alias.empty() ? name : alias] = q;
  }

  /// Columns are judged once the chain's tables are all known (a join may follow a select).
  struct Pending {
    Literal lit;
    requirements::Use use;
    std::string how;
    bool output_name = false;  ///< orderBy/groupBy: may name an output column of the select list
  };
  std::vector<Pending> pending;
  /// The select list's output names, and whether some are expressions this file cannot name
  /// (`sql\`...\`.as('month')`, a callback): orderBy('month') may mean one of them.
  std::set<std::string> output_names;
  bool outputs_unknown = false;
  void column(const Literal& lit, requirements::Use use, const std::string& how, bool output_name = false) {
    pending.push_back({lit, use, how, output_name});
  }
  void flush() {
    for (auto& p : pending) {
      if (p.output_name && (outputs_unknown || output_names.count(p.lit.value))) continue;
      judge(p.lit, p.use, p.how);
    }
  }
  /// Records the output names of a select() argument.
  void outputs(TSNode arg) {
    arg = unwrap(arg);
    std::vector<TSNode> items;
    if (is(arg, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i) items.push_back(ts_node_named_child(arg, i));
    } else {
      items.push_back(arg);
    }
    for (TSNode item : items) {
      auto lit = literal(item, in.text);
      if (!lit) {
        if (!is(item, "comment")) outputs_unknown = true;
        continue;
      }
      std::string v = lit->value;
      if (auto as = v.find(" as "); as != std::string::npos) output_names.insert(v.substr(as + 4));
    }
  }

  /// 'col', 't.col', 'col as c', 't.col as c'.
  void judge(const Literal& lit, requirements::Use use, const std::string& how) {
    std::string v = lit.value;
    if (auto as = v.find(" as "); as != std::string::npos) v = v.substr(0, as);
    std::string qualifier, name = v;
    if (auto dot = v.rfind('.'); dot != std::string::npos) qualifier = v.substr(0, dot), name = v.substr(dot + 1);
    if (name == "*" || !plain_name(name) || tables.empty()) return;
    if (qualifier.empty() && (opaque || nested)) return;
    uint32_t at = lit.at + static_cast<uint32_t>(v.size() - name.size());
    if (has_upper(name)) {
      out->unchecked.push_back({at, "kysely", "column " + name + " may be renamed by CamelCasePlugin"});
      return;
    }
    requirements::Requirement r;
    r.object = requirements::Object::Column;
    r.column = name;
    r.use = use;
    r.span = {at, at + static_cast<uint32_t>(name.size())};
    r.unit = unit;
    r.quoted = true;
    std::string q;
    if (!qualifier.empty()) {
      auto it = aliases.find(qualifier);
      if (it == aliases.end()) {
        if (qualifier.find('.') == std::string::npos) return;  // an alias of a subquery
        it = aliases.find(qualifier.substr(qualifier.find('.') + 1));
        if (it == aliases.end()) return;
      }
      q = it->second;
    } else {
      q = tables.front();
      if (tables.size() > 1) r.candidates = tables;
    }
    r.schema = q.substr(0, q.find('.'));
    r.relation = q.substr(q.find('.') + 1);
    std::string shown = r.schema == in.default_schema ? r.relation : q;
    r.describe = "Kysely " + head + how + " column " + shown + "." + name;
    out->requirements.requirements.push_back(std::move(r));
  }

  /// A string or an array of strings.
  void columns(TSNode arg, requirements::Use use, const std::string& how, bool output_name = false) {
    arg = unwrap(arg);
    if (auto lit = literal(arg, in.text)) {
      column(*lit, use, how, output_name);
    } else if (is(arg, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i)
        if (auto lit = literal(ts_node_named_child(arg, i), in.text)) column(*lit, use, how, output_name);
    }
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
  static const std::set<std::string_view> kJoins = {"innerJoin", "leftJoin", "rightJoin", "fullJoin"};
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver)) return;
    if (method != "selectFrom" && method != "insertInto" && method != "updateTable" && method != "deleteFrom") return;
    auto args = arguments(call);
    if (args.size() != 1) return;
    Chain chain{in, out};
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

extern const DataLayer kKysely = {"kysely", {"typescript", "javascript"}, nullptr, relevant_kysely, extract_kysely};

}  // namespace schemagate::datalayers
