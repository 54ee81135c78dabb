// Which parts of a JavaScript migration's branch on the database engine run on PostgreSQL; see
// js_engine_branch.h.
#include "analyzers/schema/migrations/code/js_engine_branch.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "analyzers/schema/migrations/code/js_migration.h"

namespace schemagate::schema::migrations::code::js {

namespace {

constexpr int kMaxDepth = 8;  // constants naming constants, followed this deep

/// Three-valued logic: an unknown part decides nothing unless the known part decides alone.
std::optional<bool> both(std::optional<bool> a, std::optional<bool> b) {
  if (a == false || b == false) return false;
  if (a && b) return true;
  return std::nullopt;
}
std::optional<bool> either(std::optional<bool> a, std::optional<bool> b) {
  if (a == true || b == true) return true;
  if (a && b) return false;
  return std::nullopt;
}

/// A string the file spells (a literal or a constant), when it names an engine: whether that
/// engine is PostgreSQL.
std::optional<bool> engine_literal(const JsFile& f, TSNode n) {
  std::optional<std::string> s = f.name(n);
  return s ? engine_is_postgres(*s) : std::nullopt;
}

bool spelled_string(const JsFile& f, TSNode n) { return f.name(n).has_value(); }

std::optional<bool> test(const JsFile& f, TSNode n, int depth);

/// `x === 'mssql'`, `'pg' !== x`: one side an engine's name, the other not a string.
std::optional<bool> comparison(const JsFile& f, TSNode n) {
  std::string_view op = f.text(field(n, "operator"));
  bool equal = op == "===" || op == "==";
  if (!equal && op != "!==" && op != "!=") return std::nullopt;
  TSNode l = field(n, "left"), r = field(n, "right");
  std::optional<bool> pg = engine_literal(f, r);
  TSNode other = l;
  if (!pg) {
    pg = engine_literal(f, l);
    other = r;
  }
  if (!pg || spelled_string(f, other)) return std::nullopt;
  return equal ? *pg : !*pg;
}

/// `['mysql', 'mariadb'].includes(x)`: every element an engine's name; `x.includes('mysql')`:
/// another engine's name, which no spelling of PostgreSQL contains ('pg' is not inside
/// 'postgres', so a PostgreSQL name decides nothing).
std::optional<bool> includes(const JsFile& f, TSNode call) {
  TSNode callee = field(call, "function");
  if (!is(callee, "member_expression") || f.text(field(callee, "property")) != "includes") return std::nullopt;
  std::vector<TSNode> args = arguments(call);
  if (args.size() != 1) return std::nullopt;
  TSNode recv = unwrap(field(callee, "object"));
  if (is(recv, "array")) {
    uint32_t count = ts_node_named_child_count(recv);
    if (count == 0 || spelled_string(f, args[0])) return std::nullopt;
    bool any_pg = false;
    for (uint32_t i = 0; i < count; ++i) {
      std::optional<bool> pg = engine_literal(f, ts_node_named_child(recv, i));
      if (!pg) return std::nullopt;
      any_pg = any_pg || *pg;
    }
    return any_pg;
  }
  std::optional<bool> pg = engine_literal(f, args[0]);
  if (!pg || *pg || spelled_string(f, recv)) return std::nullopt;
  return false;
}

/// `isMysql` or `dbCompat.charset`: a constant of the file, or a key of a constant object, bound
/// to an engine test.
std::optional<bool> constant(const JsFile& f, TSNode n, int depth) {
  if (is(n, "identifier")) {
    TSNode v = f.constant(f.text(n));
    return ts_node_is_null(v) ? std::nullopt : test(f, v, depth + 1);
  }
  if (!is(n, "member_expression") || !is(field(n, "object"), "identifier")) return std::nullopt;
  TSNode obj = unwrap(f.constant(f.text(field(n, "object"))));
  if (!is(obj, "object")) return std::nullopt;
  std::string_view key = f.text(field(n, "property"));
  for (uint32_t i = 0; i < ts_node_named_child_count(obj); ++i) {
    TSNode p = ts_node_named_child(obj, i);
    if (!is(p, "pair")) continue;
    TSNode k = field(p, "key");
    if (f.text(k) == key || f.name(k) == std::string(key)) return test(f, field(p, "value"), depth + 1);
  }
  return std::nullopt;
}

std::optional<bool> test(const JsFile& f, TSNode n, int depth) {
  n = unwrap(n);
  if (ts_node_is_null(n) || depth > kMaxDepth) return std::nullopt;
  if (is(n, "binary_expression")) {
    std::string_view op = f.text(field(n, "operator"));
    if (op == "&&") return both(test(f, field(n, "left"), depth), test(f, field(n, "right"), depth));
    if (op == "||") return either(test(f, field(n, "left"), depth), test(f, field(n, "right"), depth));
    return comparison(f, n);
  }
  if (is(n, "unary_expression") && f.text(field(n, "operator")) == "!") {
    std::optional<bool> v = test(f, field(n, "argument"), depth);
    return v ? std::optional<bool>(!*v) : std::nullopt;
  }
  if (is(n, "call_expression")) return includes(f, n);
  return constant(f, n, depth);
}

/// A note's label for a branch: its test, shortened.
std::string label(const JsFile& f, TSNode n) {
  std::string s;
  for (char c : f.text(n)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!s.empty() && s.back() != ' ') s.push_back(' ');
    } else {
      s.push_back(c);
    }
  }
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

/// Whether a case's statement leaves the switch (break, return, throw, continue), itself or as
/// the last statement of a block.
bool leaves(TSNode s) {
  if (is(s, "break_statement") || is(s, "return_statement") || is(s, "throw_statement") || is(s, "continue_statement"))
    return true;
  if (!is(s, "statement_block")) return false;
  for (uint32_t i = ts_node_named_child_count(s); i > 0; --i) {
    TSNode last = ts_node_named_child(s, i - 1);
    if (!is(last, "comment")) return leaves(last);
  }
  return false;
}

/// A switch whose every case label names an engine: from the first case naming PostgreSQL (or
/// the default when none does) on, falling through as JavaScript does, to the first case that
/// leaves the switch.
bool engine_switch(const JsFile& f, TSNode n, EngineBranch* out) {
  TSNode body = field(n, "body");
  if (spelled_string(f, field(n, "value"))) return false;
  std::vector<TSNode> clauses;
  size_t start = SIZE_MAX, fallback = SIZE_MAX, cases = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode c = ts_node_named_child(body, i);
    if (is(c, "switch_case")) {
      std::optional<bool> pg = engine_literal(f, field(c, "value"));
      if (!pg) return false;
      if (*pg && start == SIZE_MAX) start = clauses.size();
      ++cases;
    } else if (is(c, "switch_default")) {
      fallback = clauses.size();
    } else {
      continue;  // a comment
    }
    clauses.push_back(c);
  }
  if (cases == 0) return false;
  if (start == SIZE_MAX) start = fallback;
  size_t end = start;
  for (; end < clauses.size(); ++end) {
    TSNode c = clauses[end];
    TSNode value = field(c, "value");
    bool left = false;
    for (uint32_t i = 0; i < ts_node_named_child_count(c); ++i) {
      TSNode s = ts_node_named_child(c, i);
      if (!ts_node_is_null(value) && ts_node_eq(s, value)) continue;
      out->run.push_back(s);
      left = left || leaves(s);
    }
    if (left) break;
  }
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (start != SIZE_MAX && i >= start && i <= end) continue;
    TSNode value = field(clauses[i], "value");
    out->skipped.emplace_back(clauses[i], ts_node_is_null(value) ? std::string("default") : "case " + label(f, value));
  }
  return true;
}

}  // namespace

std::optional<bool> engine_is_postgres(std::string_view name) {
  static const std::map<std::string, bool, std::less<>> kEngines = {
      {"postgres", true},    {"postgresql", true},    {"pg", true},         {"pgnative", true},     {"pg-native", true},
      {"mssql", false},      {"sqlserver", false},    {"tedious", false},   {"mysql", false},       {"mysql2", false},
      {"mariadb", false},    {"sqlite", false},       {"sqlite3", false},   {"better-sqlite3", false},
      {"oracle", false},     {"oracledb", false},     {"cockroachdb", false}, {"redshift", false}, {"db2", false},
      {"snowflake", false},
  };
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  auto it = kEngines.find(lower);
  return it == kEngines.end() ? std::nullopt : std::optional<bool>(it->second);
}

std::optional<bool> engine_test_on_postgres(const JsFile& file, TSNode t) { return test(file, t, 0); }

bool engine_branch(const JsFile& f, TSNode n, EngineBranch* out) {
  if (is(n, "switch_statement")) return engine_switch(f, n, out);
  if (!is(n, "if_statement") && !is(n, "ternary_expression")) return false;
  TSNode cond = field(n, "condition");
  std::optional<bool> on = engine_test_on_postgres(f, cond);
  if (!on) return false;
  TSNode yes = field(n, "consequence"), no = field(n, "alternative");
  TSNode run = *on ? yes : no, skip = *on ? no : yes;
  if (!ts_node_is_null(run)) out->run.push_back(run);
  if (!ts_node_is_null(skip)) out->skipped.emplace_back(skip, (*on ? "else of if " : "if ") + label(f, unwrap(cond)));
  return true;
}

}  // namespace schemagate::schema::migrations::code::js
