// The shared extraction engine (see string_eval.h for the model). Two passes over the tree: the
// first records every definition with its scope, the second finds database calls and string
// expressions. Trees are walked with a TSTreeCursor and `+` chains are flattened in a loop, so
// deeply nested code (minified bundles, 500-operand concatenations) does not exhaust the stack;
// identifier chains and wrappers are bounded by kMaxDepth and text growth by kMaxBytes, which
// stops `b = a + a; c = b + b; ...` from doubling forever.
#include "analyzers/languages/string_eval.h"

#include "analyzers/sql/scan.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/placeholders.h"

namespace schemagate::languages {

using sql::SqlText;

bool common_escape(char e, std::string* decoded) {
  switch (e) {
    case 'a': *decoded = '\a'; return true;
    case 'b': *decoded = '\b'; return true;
    case 'f': *decoded = '\f'; return true;
    case 'n': *decoded = '\n'; return true;
    case 'r': *decoded = '\r'; return true;
    case 't': *decoded = '\t'; return true;
    case 'v': *decoded = '\v'; return true;
    default: return false;
  }
}

TSNode HostSyntax::left(TSNode node) const { return field(node, "left"); }
TSNode HostSyntax::right(TSNode node) const { return field(node, "right"); }

TSNode first_named_child(TSNode node) {
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(node, i);
    if (!node_is(c, "comment")) return c;
  }
  return TSNode{};
}

void append_utf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool parse_digits(std::string_view text, size_t* i, int base, size_t max_digits, uint32_t* value) {
  uint32_t v = 0;
  size_t n = 0;
  while (n < max_digits && *i < text.size()) {
    char c = text[*i];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : 99;
    if (d >= base) break;
    v = v * static_cast<uint32_t>(base) + static_cast<uint32_t>(d);
    ++*i;
    ++n;
  }
  *value = v;
  return n > 0;
}

namespace {

constexpr int kMaxDepth = 64;
constexpr size_t kMaxBytes = 1 << 20;

/// Owns a cursor; calls enter(node) -> descend? and leave(node) in document order.
template <typename Enter, typename Leave>
void walk(TSNode root, Enter&& enter, Leave&& leave) {
  struct Cursor {
    TSTreeCursor c;
    explicit Cursor(TSNode n) : c(ts_tree_cursor_new(n)) {}
    ~Cursor() { ts_tree_cursor_delete(&c); }
  } cursor(root);
  bool descend = enter(root);
  for (;;) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor.c)) {
      descend = enter(ts_tree_cursor_current_node(&cursor.c));
      continue;
    }
    for (;;) {
      leave(ts_tree_cursor_current_node(&cursor.c));
      if (ts_tree_cursor_goto_next_sibling(&cursor.c)) {
        descend = enter(ts_tree_cursor_current_node(&cursor.c));
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor.c)) return;
    }
  }
}

bool contains(TSNode node, uint32_t offset) {
  return !ts_node_is_null(node) && ts_node_start_byte(node) <= offset &&
         offset < ts_node_end_byte(node);
}

/// UI text starts with the same verbs as SQL ("Select an option from the list", "Delete from
/// the list."), and some of it parses. A string that no database call receives is not a site
/// when it reads as prose: a verb alone ("select" as an event name) or with one word ("select
/// all"), a sentence that ends with '.' or '!', or a sentence-case verb with no upper-case
/// clause keyword after it (SQL in code writes its keywords in one case; "Select * FROM users"
/// still counts).
bool reads_as_prose(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {  // to the verb, past blanks, '(' and comments, as looks_like_sql
    if (size_t past = sql::skip_comment(text, i); past != i) {
      i = past;
    } else if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else {
      break;
    }
  }
  size_t verb_end = i;
  while (verb_end < text.size() && std::isalpha(static_cast<unsigned char>(text[verb_end]))) ++verb_end;
  size_t end = text.size();
  while (end > verb_end && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  if (end == verb_end) return true;
  if (text[end - 1] == '.' || text[end - 1] == '!') return true;
  size_t w = verb_end;  // a verb and one word: a label ("select all", "delete selected")
  while (w < end && std::isspace(static_cast<unsigned char>(text[w]))) ++w;
  size_t w_end = w;
  while (w_end < end && std::isalpha(static_cast<unsigned char>(text[w_end]))) ++w_end;
  if (w > verb_end && w_end > w && w_end == end) return true;
  bool sentence_case = i < verb_end && std::isupper(static_cast<unsigned char>(text[i]));
  for (size_t k = i + 1; k < verb_end && sentence_case; ++k)
    sentence_case = std::islower(static_cast<unsigned char>(text[k]));
  if (!sentence_case) return false;
  static constexpr std::string_view kClauses[] = {"FROM", "INTO", "SET", "WHERE", "VALUES", "JOIN", "AS"};
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t k = verb_end; k < end; ++k) {
    if (!std::isupper(static_cast<unsigned char>(text[k])) || word_char(text[k - 1])) continue;
    size_t e = k;
    while (e < end && word_char(text[e])) ++e;
    for (std::string_view clause : kClauses)
      if (text.substr(k, e - k) == clause) return false;
    k = e;
  }
  return true;
}

/// False for a string a database call receives that is no query at all: no holes, does not read
/// as SQL and does not parse. A same-named call of another library receives such strings: gin's
/// c.Query("status"), a cache's Get(ctx, "user-id-123"). Statements the pipeline may still
/// check or count (other verbs that parse: SHOW, CALL, TABLE t) stay.
bool is_query_text(const SqlText& text) {
  if (text.text.find(sql::kHole) != std::string::npos || looks_like_sql(text.text)) return true;
  sql::NormalizedSql norm = sql::normalize_placeholders(text);
  if (!norm.unchecked_reason.empty()) return true;
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError err;
  return sql::parse(norm.sql.text, &stmts, &err);
}

class Engine {
 public:
  Engine(const ExtractInput& in, const HostSyntax& syntax)
      : in_(in), src_(in.source), syntax_(syntax) {}

  void run(std::vector<SqlSite>* out) {
    collect_definitions();
    collect_fragments();
    size_t first = out->size();
    find_sites(out);
    finish(out, first);
  }

 private:
  struct Memo {
    bool done = false;
    bool busy = false;
    std::optional<SqlText> text;
  };

  void collect_definitions() {
    std::vector<std::pair<uint32_t, uint32_t>> scopes;  // open function scopes
    walk(
        in_.root,
        [&](TSNode node) {
          if (!ts_node_is_named(node)) return false;
          // A function's scope opens before its own definitions: an arrow function's lone
          // parameter is a field of the function node itself.
          if (syntax_.is_scope(node))
            scopes.emplace_back(ts_node_start_byte(node), ts_node_end_byte(node));
          size_t before = defs_.size();
          syntax_.definitions(node, src_, &defs_);
          for (size_t i = before; i < defs_.size() && !scopes.empty(); ++i) {
            defs_[i].scope_begin = scopes.back().first;
            defs_[i].scope_end = scopes.back().second;
            defs_[i].file_scope = false;
          }
          return true;
        },
        [&](TSNode node) {
          if (ts_node_is_named(node) && syntax_.is_scope(node) && !scopes.empty()) scopes.pop_back();
        });
    memo_.resize(defs_.size());
    for (size_t i = 0; i < defs_.size(); ++i) by_name_[defs_[i].name].push_back(i);
    for (auto& [name, list] : by_name_)  // pre-order is already sorted; resolve relies on it
      std::stable_sort(list.begin(), list.end(),
                       [&](size_t a, size_t b) { return defs_[a].begin < defs_[b].begin; });
  }

  /// A string assigned to a name that a `+` chain uses is a piece of a bigger query (`with_cte +
  /// part`, `part_a + " UNION " + part_b`): alone it may name a CTE that another piece defines,
  /// and what runs is the chain, which is a site of its own. Records the values of those
  /// definitions, so find_sites does not take them as statements.
  void collect_fragments() {
    walk(
        in_.root,
        [&](TSNode node) {
          if (!ts_node_is_named(node) || syntax_.kind(node) != ExprKind::kConcat) return true;
          for (TSNode side : {syntax_.left(node), syntax_.right(node)}) {
            while (!ts_node_is_null(side) && syntax_.kind(side) == ExprKind::kWrapper)
              side = first_named_child(side);
            if (ts_node_is_null(side) || syntax_.kind(side) != ExprKind::kIdentifier) continue;
            mark_fragments(node_text(side, src_), ts_node_start_byte(side));
          }
          return true;
        },
        [](TSNode) {});
  }

  /// Marks what a use of `name` at `offset` may see: not only the definition resolve() picks,
  /// but every earlier one in the same function, since branches assign alternatives
  /// (`if a: rest = x + " UNION " + y` / `else: rest = y`) and any of them may be the piece.
  void mark_fragments(std::string_view name, uint32_t offset) {
    long picked = resolve(name, offset);
    if (picked < 0) return;
    const Definition& p = defs_[static_cast<size_t>(picked)];
    for (size_t i : by_name_[name]) {
      const Definition& d = defs_[i];
      bool same_scope = d.file_scope == p.file_scope && d.scope_begin == p.scope_begin;
      if (ts_node_is_null(d.value) || !same_scope || (i != static_cast<size_t>(picked) && d.begin >= offset))
        continue;
      if (contains(d.value, offset)) continue;
      fragments_.insert(d.value.id);
    }
  }

  /// The definition a use of `name` at `offset` sees, or -1. Definitions of a name are held in
  /// document order, so the search walks back from the use and usually stops at once.
  long resolve(std::string_view name, uint32_t offset) const {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return -1;
    const std::vector<size_t>& list = it->second;
    auto upper = std::lower_bound(list.begin(), list.end(), offset,
                                  [&](size_t i, uint32_t off) { return defs_[i].begin < off; });
    for (auto i = upper; i != list.begin();) {
      const Definition& d = defs_[*--i];
      if (contains(d.value, offset)) continue;  // q = q + "...": the use sees the one before
      if (offset < d.scope_begin || offset >= d.scope_end) continue;
      return static_cast<long>(*i);
    }
    for (auto i = list.end(); i != list.begin();) {  // a file-level constant defined further down
      const Definition& d = defs_[*--i];
      if (d.file_scope && !contains(d.value, offset)) return static_cast<long>(*i);
    }
    return -1;
  }

  std::optional<SqlText> eval_definition(size_t index, int depth) {
    Memo& m = memo_[index];
    if (m.done) return m.text;
    if (m.busy || depth > kMaxDepth) return std::nullopt;  // a cycle: A = B + "x"; B = A + "y"
    m.busy = true;
    const Definition& d = defs_[index];
    std::optional<SqlText> value;
    if (!ts_node_is_null(d.value)) value = eval(d.value, depth + 1);
    std::optional<SqlText> result;
    if (d.append) {
      long prev = resolve(d.name, d.begin);
      std::optional<SqlText> before;
      if (prev >= 0) before = eval_definition(static_cast<size_t>(prev), depth + 1);
      if (before || value) {
        result.emplace();
        if (before) result->append(*before); else result->append_hole(d.begin);
        if (value) result->append(*value); else result->append_hole(ts_node_start_byte(d.value));
      }
    } else {
      result = std::move(value);
    }
    if (result && result->text.size() > kMaxBytes) result.reset();
    memo_[index].busy = false;
    memo_[index].done = true;
    memo_[index].text = result;
    return result;
  }

 public:
  /// The text `node` evaluates to, or nullopt when it is not a string expression.
  std::optional<SqlText> eval(TSNode node, int depth = 0) {
    if (ts_node_is_null(node) || depth > kMaxDepth) return std::nullopt;
    switch (syntax_.kind(node)) {
      case ExprKind::kLiteral: {
        SqlText t;
        syntax_.append_literal(node, src_, &t);
        return t;
      }
      case ExprKind::kWrapper:
        return eval(first_named_child(node), depth + 1);
      case ExprKind::kFormat:
        return eval(syntax_.left(node), depth + 1);
      case ExprKind::kSequence: {
        SqlText t;
        uint32_t n = ts_node_named_child_count(node);
        for (uint32_t i = 0; i < n; ++i) {
          TSNode c = ts_node_named_child(node, i);
          if (node_is(c, "comment")) continue;
          std::optional<SqlText> part = eval(c, depth + 1);
          if (!part) return std::nullopt;
          t.append(*part);
        }
        return t;
      }
      case ExprKind::kConcat: {
        // Flatten the left spine: ((a + b) + c) + d.
        std::vector<TSNode> operands;
        TSNode cur = node;
        while (syntax_.kind(cur) == ExprKind::kConcat) {
          operands.push_back(syntax_.right(cur));
          cur = syntax_.left(cur);
        }
        operands.push_back(cur);
        std::reverse(operands.begin(), operands.end());
        std::vector<std::optional<SqlText>> parts;
        bool any = false;
        for (TSNode op : operands) {
          parts.push_back(eval(op, depth + 1));
          any = any || parts.back().has_value();
        }
        if (!any) return std::nullopt;
        SqlText t;
        for (size_t i = 0; i < operands.size(); ++i) {
          if (parts[i]) t.append(*parts[i]);
          else t.append_hole(ts_node_start_byte(operands[i]));
          if (t.text.size() > kMaxBytes) return std::nullopt;
        }
        return t;
      }
      case ExprKind::kIdentifier: {
        long d = resolve(node_text(node, src_), ts_node_start_byte(node));
        if (d < 0) return std::nullopt;
        return eval_definition(static_cast<size_t>(d), depth + 1);
      }
      case ExprKind::kOther:
        break;
    }
    return std::nullopt;
  }

 private:
  bool is_database_call(std::string_view name) const {
    for (std::string_view n : in_.language->database_calls)
      if (n == name) return true;
    if (in_.extra_database_calls)  // schemagate.yaml `database_calls`
      for (const std::string& n : *in_.extra_database_calls)
        if (n == name) return true;
    return false;
  }

  void add_call_site(TSNode arg, const Call& call, SqlText text, std::vector<SqlSite>* out) {
    SqlSite s;
    s.sql = std::move(text);
    s.host_begin = ts_node_start_byte(arg);
    s.database_call = true;
    s.call_name = std::string(call.name);
    out->push_back(std::move(s));
    consumed_.insert(arg.id);
  }

  void handle_call(const Call& call, std::vector<SqlSite>* out) {
    if (call.arguments.empty() || !is_database_call(call.name)) return;
    const std::vector<TSNode>& args = call.arguments;
    size_t at = call.tagged ? 0 : syntax_.sql_argument_index(call.name);
    // A string where a context or destination belongs: a same-named call of another library
    // (gorm's Select("name") is not sqlx's Select(&dest, query)).
    for (size_t i = 0; i < at && i < args.size(); ++i)
      if (eval(args[i])) return;
    if (at >= args.size()) return;
    if (std::optional<SqlText> t = eval(args[at])) {
      if (is_query_text(*t)) add_call_site(args[at], call, std::move(*t), out);
      return;
    }
    // A wrapper of the expected signature passing extra leading arguments (pgx's
    // Exec(ctx, sql)): take a later argument only when it reads as SQL or, without holes, parses
    // as a statement (`CREATE TEMP TABLE ...`), so `Exec(q, StatusActive)` does not pick "active".
    for (size_t i = at + 1; i < args.size(); ++i) {
      std::optional<SqlText> t = eval(args[i]);
      if (t && (looks_like_sql(t->text) ||
                (t->text.find(sql::kHole) == std::string::npos && is_query_text(*t)))) {
        add_call_site(args[i], call, std::move(*t), out);
        return;
      }
    }
    TSNode arg = args[at];
    if (syntax_.cannot_be_sql(arg)) return;
    // execute(text("...")), or q = text("..."); execute(q): the inner call reports the SQL.
    TSNode value = arg;
    if (syntax_.kind(arg) == ExprKind::kIdentifier) {
      long d = resolve(node_text(arg, src_), ts_node_start_byte(arg));
      if (d >= 0) value = defs_[static_cast<size_t>(d)].value;
    }
    Call inner;
    if (!ts_node_is_null(value) && syntax_.call(value, src_, &inner) && is_database_call(inner.name)) return;
    SqlSite s;
    s.host_begin = ts_node_start_byte(arg);
    s.database_call = true;
    s.dynamic = true;
    s.call_name = std::string(call.name);
    out->push_back(std::move(s));
  }

  void find_sites(std::vector<SqlSite>* out) {
    walk(
        in_.root,
        [&](TSNode node) {
          if (!ts_node_is_named(node) || consumed_.count(node.id)) return false;
          if (syntax_.foreign_query(node, src_)) return false;
          Call call;
          if (syntax_.call(node, src_, &call)) {
            handle_call(call, out);
            return true;
          }
          ExprKind k = syntax_.kind(node);
          if (k == ExprKind::kLiteral || k == ExprKind::kConcat || k == ExprKind::kFormat ||
              k == ExprKind::kSequence) {
            if (fragments_.count(node.id)) return false;
            if (std::optional<SqlText> t = eval(node)) {
              if (looks_like_sql(t->text) && !reads_as_prose(t->text)) {
                SqlSite s;
                s.sql = std::move(*t);
                s.host_begin = ts_node_start_byte(node);
                out->push_back(std::move(s));
              }
              return false;  // maximal: its pieces are not sites of their own
            }
          }
          return true;
        },
        [](TSNode) {});
  }

  /// Dedupe and order. A string that reaches a database call is reported once, by the call: a
  /// constant used by two calls, or used and also standing alone, shares its first origin.
  static void finish(std::vector<SqlSite>* out, size_t first) {
    std::set<uint32_t> call_origins;
    std::vector<SqlSite> kept;
    for (size_t i = first; i < out->size(); ++i) {
      SqlSite& s = (*out)[i];
      if (!s.database_call || s.sql.empty()) continue;
      call_origins.insert(s.sql.origin.front());
    }
    std::set<std::pair<uint32_t, std::string>> seen;
    for (size_t i = first; i < out->size(); ++i) {
      SqlSite& s = (*out)[i];
      if (!s.sql.empty()) {
        uint32_t origin = s.sql.origin.front();
        if (!s.database_call && call_origins.count(origin)) continue;
        if (!seen.emplace(origin, s.sql.text).second) continue;
      }
      kept.push_back(std::move(s));
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const SqlSite& a, const SqlSite& b) { return a.host_begin < b.host_begin; });
    out->resize(first);
    for (SqlSite& s : kept) out->push_back(std::move(s));
  }

  const ExtractInput& in_;
  std::string_view src_;
  const HostSyntax& syntax_;
  std::vector<Definition> defs_;
  std::vector<Memo> memo_;
  std::unordered_map<std::string_view, std::vector<size_t>> by_name_;
  std::unordered_set<const void*> consumed_;
  std::unordered_set<const void*> fragments_;  ///< values of names a `+` chain uses
};

}  // namespace

void extract_sites(const ExtractInput& in, const HostSyntax& syntax, std::vector<SqlSite>* out) {
  if (ts_node_is_null(in.root)) return;
  Engine(in, syntax).run(out);
}

}  // namespace schemagate::languages
