// Parts of a Python file that never run on PostgreSQL, by the code's own test of its engine
// (Synapse runs on PostgreSQL and SQLite and branches on `isinstance(self.database_engine,
// PostgresEngine)`; lnbits on `self.type == SQLITE`). Shared by the Python extractor (a SQL site there is another engine's) and the
// data layers that read Python calls (synapse's DatabasePool helpers in a SQLite branch).
#pragma once
#include <tree_sitter/api.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {

/// Parts of a file that never run on PostgreSQL, by the code's own test of its engine: the
/// branches an `isinstance(engine, PostgresEngine)` test rules out (its elif/else clauses, the
/// body of `if not isinstance(...)`), the body of `if isinstance(engine, Sqlite3Engine)`, and
/// what goes through a handle named for SQLite (`self.sqlite_store.execute_sql(...)`, a nested
/// function handed to `self.sqlite_store.db_pool.runInteraction("select", r)`: Synapse's port
/// script reads its SQLite source so). Sites there are that engine's, not PostgreSQL's.
class PythonEngineBranches {
 public:
  struct Range {
    uint32_t begin, end;
    std::string engine;
  };

  PythonEngineBranches(std::string_view source, TSNode root);

  /// The engine of the branch holding byte `at` (a site's call) or, when `origin` is not empty,
  /// holding both its first and last byte (the site's whole text), or "".
  std::string engine_of(uint32_t at, const std::vector<uint32_t>& origin) const;

 private:
  enum class Tested { None, Postgres, Other };
  struct Def {
    std::string_view name;
    uint32_t scope, begin, end;
  };
  struct Handed {
    std::string_view name;
    uint32_t scope;
    std::string engine;
  };

  static bool contains(std::string_view text, std::string_view word) {
    std::string low(text);
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return low.find(word) != std::string::npos;
  }

  /// `isinstance(x, Engine)`, possibly under `not`: which engine it names, and whether negated.
  Tested tested(TSNode cond, bool* negated, std::string* cls) const {
    *negated = false;
    while (node_is(cond, "parenthesized_expression")) cond = first_named_child(cond);
    if (node_is(cond, "not_operator")) {
      *negated = true;
      cond = field(cond, "argument");
      while (node_is(cond, "parenthesized_expression")) cond = first_named_child(cond);
    }
    if (node_is(cond, "comparison_operator")) return compared(cond, negated);
    // `a and b`: its body runs only where both hold, so on SQLite alone when one tests for it.
    if (node_is(cond, "boolean_operator") && !*negated &&
        node_text(ts_node_child(cond, 1), src_) == "and") {
      for (TSNode side : {field(cond, "left"), field(cond, "right")}) {
        bool n = false;
        std::string c;
        if (tested(side, &n, &c) == Tested::Other && !n) return Tested::Other;
      }
      return Tested::None;
    }
    if (!node_is(cond, "call") || node_text(field(cond, "function"), src_) != "isinstance") return Tested::None;
    TSNode args = field(cond, "arguments");
    if (!node_is(args, "argument_list") || ts_node_named_child_count(args) != 2) return Tested::None;
    TSNode type = ts_node_named_child(args, 1);
    if (node_is(type, "attribute")) type = field(type, "attribute");
    if (!node_is(type, "identifier")) return Tested::None;
    std::string_view name = node_text(type, src_);
    *cls = std::string(name);
    if (!name.ends_with("Engine")) return Tested::None;
    if (contains(name, "postgres")) return Tested::Postgres;
    if (contains(name, "sqlite")) return Tested::Other;
    return Tested::None;
  }

  /// lnbits' `db.type == SQLITE` / `self.type in {POSTGRES, COCKROACH}` (`!=`, `not in`:
  /// negated): the engine constant the database's type is compared with.
  Tested compared(TSNode cond, bool* negated) const {
    if (ts_node_child_count(cond) != 3 && ts_node_child_count(cond) != 4) return Tested::None;
    TSNode left = ts_node_child(cond, 0), right = ts_node_child(cond, ts_node_child_count(cond) - 1);
    std::string op;
    for (uint32_t i = 1; i + 1 < ts_node_child_count(cond); ++i) op += (op.empty() ? "" : " ") + std::string(ts_node_type(ts_node_child(cond, i)));
    if (!node_is(left, "attribute")) return Tested::None;
    std::string_view attribute = node_text(field(left, "attribute"), src_);
    if (attribute != "type" && attribute != "vendor") return Tested::None;
    auto engine = [&](TSNode n) -> Tested {
      // Django's `connection.vendor == "sqlite"` ("postgresql" for PostgreSQL).
      if (attribute == "vendor") {
        std::string_view v = node_is(n, "string") ? node_text(n, src_) : std::string_view();
        if (v == "\"postgresql\"" || v == "'postgresql'") return Tested::Postgres;
        if (v == "\"sqlite\"" || v == "'sqlite'") return Tested::Other;
        return Tested::None;
      }
      if (node_is(n, "attribute")) n = field(n, "attribute");
      if (!node_is(n, "identifier")) return Tested::None;
      std::string_view name = node_text(n, src_);
      if (name == "POSTGRES" || name == "COCKROACH") return Tested::Postgres;
      if (name == "SQLITE") return Tested::Other;
      return Tested::None;
    };
    Tested t = Tested::None;
    if (op == "==" || op == "!=") {
      t = engine(right);
    } else if ((op == "in" || op == "not in") && (node_is(right, "set") || node_is(right, "tuple") || node_is(right, "list"))) {
      uint32_t n = ts_node_named_child_count(right);
      for (uint32_t i = 0; i < n; ++i) {
        Tested one = engine(ts_node_named_child(right, i));
        if (one == Tested::None || (t != Tested::None && one != t)) return Tested::None;  // a mix: no one engine
        t = one;
      }
    } else {
      return Tested::None;
    }
    if (op == "!=" || op == "not in") *negated = !*negated;
    return t;
  }

  /// `name` or `a.b.name`: nothing computed in between.
  static bool dotted(TSNode n) {
    if (node_is(n, "identifier")) return true;
    return node_is(n, "attribute") && dotted(field(n, "object"));
  }

  void mark(TSNode block, const std::string& engine) {
    if (!ts_node_is_null(block)) ranges_.push_back({ts_node_start_byte(block), ts_node_end_byte(block), engine});
  }

  void if_statement(TSNode node) {
    bool excluded = false;  // an earlier clause took PostgreSQL
    std::string pg_test;
    auto clause = [&](TSNode cond, TSNode body) {
      if (excluded) return mark(body, "another engine (a branch after `" + pg_test + "`)");
      if (ts_node_is_null(cond)) return;
      bool negated = false;
      std::string cls;
      Tested t = tested(cond, &negated, &cls);
      if (t == Tested::Postgres && !negated) excluded = true, pg_test = std::string(node_text(cond, src_));
      else if (t == Tested::Postgres) mark(body, "another engine (the branch of `" + std::string(node_text(cond, src_)) + "`)");
      else if (t == Tested::Other && !negated) mark(body, "SQLite (the branch of `" + std::string(node_text(cond, src_)) + "`)");
    };
    clause(field(node, "condition"), field(node, "consequence"));
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (node_is(c, "elif_clause")) clause(field(c, "condition"), field(c, "consequence"));
      else if (node_is(c, "else_clause")) clause(TSNode{}, field(c, "body"));
    }
  }

  /// A call through a receiver named for SQLite (`self.sqlite_store.db_pool.runInteraction`).
  void call(TSNode node, uint32_t scope) {
    TSNode fn = field(node, "function");
    if (!node_is(fn, "attribute") || !dotted(field(fn, "object")) || !contains(node_text(field(fn, "object"), src_), "sqlite"))
      return;
    std::string engine = "SQLite (run through " + std::string(node_text(field(fn, "object"), src_)) + ")";
    mark(node, engine);
    TSNode args = field(node, "arguments");
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (node_is(a, "identifier")) handed_.push_back({node_text(a, src_), scope, engine});
    }
  }

  /// Whether the node holds a word an engine test or a SQLite handle is spelled with (marks_):
  /// a node without one holds no branch to mark and no call to read.
  bool marked(TSNode node) const {
    auto it = std::lower_bound(marks_.begin(), marks_.end(), ts_node_start_byte(node));
    return it != marks_.end() && *it < ts_node_end_byte(node);
  }

  /// The named nodes under `root` (marked ones, unless every_node_), with one cursor: each with
  /// the scope it is in (0 the module, else one past its function's first byte).
  void visit(TSNode root) {
    std::vector<std::pair<uint32_t, uint32_t>> scopes{{UINT32_MAX, 0}};  // (function's first byte, scope)
    walk_tree(
        root,
        [&](TSNode node) {
          if (!ts_node_is_named(node) || (!every_node_ && !marked(node))) return false;
          uint32_t scope = scopes.back().second;
          if (node_is(node, "if_statement")) if_statement(node);
          else if (node_is(node, "call")) call(node, scope);
          if (node_is(node, "function_definition")) {
            uint32_t begin = ts_node_start_byte(node);
            defs_.push_back({node_text(field(node, "name"), src_), scope, begin, ts_node_end_byte(node)});
            scopes.emplace_back(begin, begin + 1);
          }
          return true;
        },
        [&](TSNode node) {
          if (scopes.size() > 1 && scopes.back().first == ts_node_start_byte(node) && node_is(node, "function_definition"))
            scopes.pop_back();
        });
  }

  std::string_view src_;
  /// Where the source spells "Engine", POSTGRES, COCKROACH or sqlite (any case), sorted.
  std::vector<uint32_t> marks_;
  /// Every node is visited: a handle named for SQLite is handed a name (handed_), whose
  /// function definition may stand anywhere.
  bool every_node_ = false;
  std::vector<Range> ranges_;
  std::vector<Def> defs_;
  std::vector<Handed> handed_;
};


}  // namespace schemagate::languages
