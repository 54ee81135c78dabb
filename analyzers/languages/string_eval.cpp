// The shared extraction engine (see string_eval.h for the model). Two passes over the tree: the
// first records every definition with its scope, the second finds database calls and string
// expressions. Trees are walked with a TSTreeCursor and `+` chains are flattened in a loop, so
// deeply nested code (minified bundles, 500-operand concatenations) does not exhaust the stack;
// identifier chains and wrappers are bounded by kMaxDepth and text growth by kMaxBytes, which
// stops `b = a + a; c = b + b; ...` from doubling forever.
#include "analyzers/languages/string_eval.h"
#include "analyzers/datalayers/drizzle_models.h"

#include "analyzers/sql/fragments.h"
#include "analyzers/sql/scan.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analyzers/languages/kind_set.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/source/code_kind.h"
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

TSFieldId field_id(const TSLanguage* language, std::string_view name) {
  struct Fields {
    const TSLanguage* language;
    std::unordered_map<std::string_view, TSFieldId> ids;  // views of the language's own names
  };
  thread_local std::vector<Fields> tables;
  Fields* table = nullptr;
  for (Fields& t : tables)
    if (t.language == language) table = &t;
  if (!table) {
    Fields t{language, {}};
    for (TSFieldId id = 1, n = static_cast<TSFieldId>(ts_language_field_count(language)); id <= n && id != 0; ++id)
      if (const char* field_name = ts_language_field_name_for_id(language, id)) t.ids.emplace(field_name, id);
    tables.push_back(std::move(t));
    table = &tables.back();
  }
  auto it = table->ids.find(name);
  return it == table->ids.end() ? 0 : it->second;
}

void flatten_tree(TSNode root, std::vector<FlatNode>* out, bool anonymous_leaves,
                  bool (*children_of)(void* context, TSNode node), void* context) {
  if (ts_node_is_null(root)) return;
  // Past this many children, a node's children are listed with a cursor: measured on synapse and
  // hatchet, 4 costs least (3 to 6 within 0.1%; 0, a cursor everywhere, 1% more).
  constexpr uint32_t kFewChildren = 4;
  struct Cursor {
    TSTreeCursor c;
    explicit Cursor(TSNode n) : c(ts_tree_cursor_new(n)) {}
    ~Cursor() { ts_tree_cursor_delete(&c); }
  };
  std::optional<Cursor> cursor;  // made at the first node of many children
  std::vector<TSNode> children;  // the children of the open nodes, each node's in a run
  struct Open {
    uint32_t index;           ///< in *out
    size_t begin, next, end;  ///< its children: children[begin, end), from next on not appended yet
  };
  std::vector<Open> open;
  auto enter = [&](TSNode node, uint32_t n, uint32_t parent) {
    uint32_t index = static_cast<uint32_t>(out->size());
    out->push_back({node, index + 1, parent});
    if (children_of && !children_of(context, node)) return;
    if (n == 0) return;
    size_t first = children.size();
    if (n <= kFewChildren) {
      for (uint32_t i = 0; i < n; ++i) children.push_back(ts_node_child(node, i));
    } else {
      if (cursor) ts_tree_cursor_reset(&cursor->c, node);
      else cursor.emplace(node);
      if (ts_tree_cursor_goto_first_child(&cursor->c)) {
        do children.push_back(ts_tree_cursor_current_node(&cursor->c));
        while (ts_tree_cursor_goto_next_sibling(&cursor->c));
      }
    }
    open.push_back({index, first, first, children.size()});
  };
  enter(root, ts_node_child_count(root), FlatNode::kNoParent);
  while (!open.empty()) {
    Open& o = open.back();
    if (o.next == o.end) {
      (*out)[o.index].end = static_cast<uint32_t>(out->size());
      children.resize(o.begin);
      open.pop_back();
      continue;
    }
    TSNode child = children[o.next++];
    uint32_t n = ts_node_child_count(child);
    if (n == 0 && !anonymous_leaves && !ts_node_is_named(child)) continue;
    enter(child, n, o.index);
  }
}

TSNode first_named_child(TSNode node) {
  if (ts_node_is_null(node)) return node;
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
constexpr size_t kMaxConstantBytes = 64 << 10;
constexpr size_t kMaxVariants = 8;   ///< texts one site is checked in, one per combination of choices
constexpr size_t kMaxInlining = 4;   ///< calls inlined inside one another

/// walk_tree (string_eval.h), by its short name.
template <typename Enter, typename Leave>
void walk(TSNode root, Enter&& enter, Leave&& leave) {
  walk_tree(root, std::forward<Enter>(enter), std::forward<Leave>(leave));
}

bool contains(TSNode node, uint32_t offset) {
  return !ts_node_is_null(node) && ts_node_start_byte(node) <= offset &&
         offset < ts_node_end_byte(node);
}

}  // namespace

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

namespace {

/// Whether `text`, holes read as parameters, parses as statements.
bool parses_as_statement(const SqlText& text) {
  sql::NormalizedSql norm = sql::normalize_placeholders(text);
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError err;
  return norm.unchecked_reason.empty() && sql::parse(norm.sql.text, &stmts, &err);
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

std::atomic<bool> checking_asked{false};
std::atomic<size_t> asked_mismatches{0};

class Engine {
 public:
  Engine(const ExtractInput& in, const HostSyntax& syntax)
      : in_(in), src_(in.source), syntax_(syntax), asked_(asked_table(syntax, ts_tree_language(in.root.tree))),
        project_(in.project), extra_database_calls_(in.extra_database_calls) {}

  void run(std::vector<SqlSite>* out) {
    collect_definitions();
    if (in_.constants && in_.field_values) {
      collect_field_values();
      return;
    }
    if (in_.constants) {  // the project phase: this file's top-level strings, for other files
      // As the phase reads a file alone: no project, no configured calls (what another file
      // sees of this one does not depend on who asks).
      project_ = nullptr;
      extra_database_calls_ = nullptr;
      for (size_t i = 0; i < defs_.size(); ++i) {
        const Definition& d = defs_[i];
        if (!d.file_scope || d.append || ts_node_is_null(d.value)) continue;
        std::optional<SqlText> t = eval_definition(i, 0);
        if (t && !t->text.empty() && t->text.size() <= kMaxConstantBytes)
          in_.constants->emplace_back(std::string(d.name), t->text);
      }
      // Functions returning one constant text, for callers in other files ("name()").
      for (auto& [name, list] : functions_) {
        const Function* top = function_at(name, UINT32_MAX - 1);  // seen from the file's level
        if (!top || top->scope_begin != 0 || top->scope_end != UINT32_MAX) continue;
        const Function& f = *top;
        std::vector<TSNode> returns;
        if (!returned_values(f.node, &returns)) continue;
        std::optional<std::string> one;
        bool constant = true;
        for (TSNode r : returns) {
          std::optional<SqlText> v = eval(r);
          if (!v || v->text.find(sql::kHole) != std::string::npos || (one && *one != v->text) ||
              v->text.size() > kMaxConstantBytes) {
            constant = false;
            break;
          }
          one = v->text;
        }
        if (constant && one && !one->empty()) in_.constants->emplace_back(std::string(name) + "()", *one);
      }
      if (syntax_.package_scope()) function_rewrites();
      if (in_.wrappers) collect_wrappers();
      if (!in_.sites_too) return;
      if (in_.own_wrappers && in_.wrappers) in_.own_wrappers(*in_.wrappers);
      // The sites, as a run without `constants` finds them: the definitions stay (they depend
      // on the tree only), the evaluations are made again with the scan's project.
      project_ = in_.project;
      extra_database_calls_ = in_.extra_database_calls;
      memo_.assign(defs_.size(), Memo{});
    }
    collect_fragments();
    size_t first = out->size();
    find_sites(out);
    mark_other_engines(out, first);
    finish(out, first);
  }

 private:
  struct Memo {
    bool done = false;
    bool busy = false;
    std::optional<SqlText> text;
    std::vector<std::pair<const void*, size_t>> choices;  ///< the choices its text depends on
    std::vector<std::string_view> fields;                 ///< the struct fields its text read (field_value)
  };

  /// A function of the file that callers may call by its bare name, and its parameters'
  /// definitions in the order callers pass them (-1: one that cannot be a string).
  struct Function {
    TSNode node{};
    std::vector<long> params;
    uint32_t scope_begin = 0, scope_end = UINT32_MAX;  ///< where its name is seen: the enclosing function, or the file
    bool ambiguous = false;                             ///< another of that name in the same scope
  };

  void collect_definitions() {
    // The same walk notes the pieces `+` chains and formattings join, for collect_fragments
    // (which needs every definition first): one walk of the tree fewer. Only the sites need them.
    bool pieces = !in_.constants || in_.sites_too;
    std::vector<std::pair<uint32_t, uint32_t>> scopes;  // open function scopes
    std::vector<ScopeNode> scope_nodes;
    int classes = 0;  // open class nodes around the walk's node
    std::vector<uint8_t> opened;  // per open named node: 1 it opened a scope, 2 it is a class
    walk_tree_once(
        [&](TSNode node, uint8_t a) {
          if (!(a & kNamed)) {
            // No definitions below an anonymous node; should one have named children, their pieces count.
            if (pieces && ts_node_child_count(node) > 0)
              walk(
                  node,
                  [&](TSNode n) {
                    if (ts_node_is_named(n) && (asked(n) & kAskStrings)) note_pieces(n);
                    return true;
                  },
                  [](TSNode) {});
            return false;
          }
          if (pieces && (a & kAskStrings)) note_pieces(node);
          // A function's scope opens before its own definitions: an arrow function's lone
          // parameter is a field of the function node itself.
          uint8_t opens = 0;
          if (a & kScope) {
            scope_nodes.push_back({node, scopes.empty() ? std::pair<uint32_t, uint32_t>{0, UINT32_MAX} : scopes.back(),
                                   classes > 0});
            scopes.emplace_back(ts_node_start_byte(node), ts_node_end_byte(node));
            opens |= 1;
          }
          if (a & kClass) ++classes, opens |= 2;
          opened.push_back(opens);
          if (a & kAskBranches) note_branches(node);
          if (!(a & kAskDefinitions)) return true;
          size_t before = defs_.size();
          syntax_.definitions(node, src_, &defs_);
          syntax_.imports(node, src_, &imports_);
          for (size_t i = before; i < defs_.size() && !scopes.empty(); ++i) {
            defs_[i].scope_begin = scopes.back().first;
            defs_[i].scope_end = scopes.back().second;
            defs_[i].file_scope = false;
          }
          return true;
        },
        [&](TSNode, uint8_t a) {
          if (!(a & kNamed)) return;
          uint8_t opens = opened.back();  // what its enter found: not asked again
          opened.pop_back();
          if ((opens & 1) && !scopes.empty()) scopes.pop_back();
          if (opens & 2) --classes;
        });
    std::sort(branches_.begin(), branches_.end(), [](const Branch& a, const Branch& b) { return a.begin < b.begin; });
    memo_.resize(defs_.size());
    for (size_t i = 0; i < defs_.size(); ++i) by_name_[defs_[i].name].push_back(i);
    for (auto& [name, list] : by_name_)  // pre-order is already sorted; resolve relies on it
      std::stable_sort(list.begin(), list.end(),
                       [&](size_t a, size_t b) { return defs_[a].begin < defs_[b].begin; });
    collect_functions(scope_nodes);
  }

  /// A function node met by collect_definitions' walk, in pre-order: the scope around it (the
  /// enclosing function, or the file) and whether a class encloses it.
  struct ScopeNode {
    TSNode node;
    std::pair<uint32_t, uint32_t> around;
    bool in_class = false;
  };
  /// A function inside one of these is a method (or a class's callable), not a bare function.
  static constexpr const char* kClassNames[] = {"class_definition", "class_body", "class_declaration"};
  static inline const KindSet kClasses{kClassNames[0], kClassNames[1], kClassNames[2]};

  /// What the whole-tree walks may ask of a node of a kind (HostSyntax::asked_kinds), and what
  /// the kind is: one table lookup per node where each question was a virtual call (and, in most
  /// grammars, the node's type name compared with several names).
  enum : uint8_t {
    kAskDefinitions = 1,
    kAskCalls = 2,
    kAskStrings = 4,
    kScope = 8,
    kClass = 16,
    kOpaque = 64,
    kAskBranches = 128
  };
  static constexpr uint8_t kNamed = 32;  ///< in flags_ (walk_tree_once): a named node
  using AskedTable = std::vector<uint8_t>;  ///< by public symbol id

  /// The table of `syntax` over `language`, built once per thread; null when the language lists
  /// no kinds (every node is asked).
  static const AskedTable* asked_table(const HostSyntax& syntax, const TSLanguage* language) {
    const AskedKinds* kinds = syntax.asked_kinds();
    if (!kinds || !language) return nullptr;
    struct Entry {
      const HostSyntax* syntax;
      const TSLanguage* language;
      AskedTable table;
    };
    thread_local std::vector<Entry> tables;
    for (const Entry& e : tables)
      if (e.syntax == &syntax && e.language == language) return &e.table;
    auto named = [](const char* name, const std::vector<const char*>& names) {
      return std::any_of(names.begin(), names.end(), [&](const char* n) { return !std::strcmp(name, n); });
    };
    AskedTable table(ts_language_symbol_count(language), 0);
    std::vector<const char*> classes(std::begin(kClassNames), std::end(kClassNames));
    for (uint32_t s = 0; s < table.size(); ++s) {
      const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(s));
      if (!name) continue;
      uint8_t f = 0;
      if (named(name, kinds->definitions)) f |= kAskDefinitions;
      if (named(name, kinds->calls)) f |= kAskCalls;
      if (named(name, kinds->strings)) f |= kAskStrings;
      if (named(name, kinds->scopes)) f |= kScope;
      if (named(name, classes)) f |= kClass;
      if (named(name, kinds->opaque)) f |= kOpaque;
      if (named(name, kinds->branches)) f |= kAskBranches;
      table[s] = f;
    }
    tables.push_back({&syntax, language, std::move(table)});
    return &tables.back().table;
  }

  /// check_asked_kinds: counts a mismatch when the table skips a question with an answer at
  /// `node`, or tells its scope or class wrong.
  /// check_asked_kinds: counts a mismatch when a node under `node`, which HostSyntax::opaque
  /// says answers nothing, answers a question of the whole-tree walks.
  void check_opaque(TSNode node) const {
    bool wrong = false;
    walk(
        node,
        [&](TSNode n) {
          if (ts_node_eq(n, node) || !ts_node_is_named(n)) return true;
          std::vector<Definition> defs;
          std::vector<Import> imports;
          std::vector<std::pair<std::string_view, TSNode>> writes;
          Call call;
          std::string_view name;
          Formatting formatting;
          std::vector<TSNode> branches;
          syntax_.definitions(n, src_, &defs);
          syntax_.imports(n, src_, &imports);
          syntax_.field_writes(n, src_, &writes);
          ExprKind k = syntax_.kind(n);
          wrong |= !defs.empty() || !imports.empty() || !writes.empty() || syntax_.call(n, src_, &call) ||
                   syntax_.call_name(n, src_, &name) || k == ExprKind::kLiteral || k == ExprKind::kConcat ||
                   k == ExprKind::kFormat || k == ExprKind::kSequence || syntax_.formatting(n, src_, &formatting) ||
                   syntax_.is_scope(n) || kClasses.has(n) || syntax_.is_method(n) ||
                   syntax_.exclusive_branches(n, &branches) ||
                   syntax_.foreign_query(n, src_) || !ts_node_is_null(syntax_.member_source(n)) ||
                   (node_is(n, "subscript") && node_text(field(n, "value"), src_) == "connections");
          return true;
        },
        [](TSNode) {});
    if (wrong) asked_mismatches.fetch_add(1);
  }

  void check_asked(TSNode node, uint8_t f) const {
    std::vector<Definition> defs;
    std::vector<Import> imports;
    Call call;
    std::string_view name;
    Formatting formatting;
    bool wrong = false;
    if (!(f & kAskDefinitions)) {
      syntax_.definitions(node, src_, &defs);
      syntax_.imports(node, src_, &imports);
      wrong |= !defs.empty() || !imports.empty();
    }
    if (!(f & kAskCalls)) wrong |= syntax_.call(node, src_, &call) || syntax_.call_name(node, src_, &name);
    if (!(f & kAskStrings)) {
      ExprKind k = syntax_.kind(node);
      wrong |= k == ExprKind::kLiteral || k == ExprKind::kConcat || k == ExprKind::kFormat ||
               k == ExprKind::kSequence || syntax_.formatting(node, src_, &formatting);
    }
    if (!(f & kAskBranches)) {
      std::vector<TSNode> branches;
      wrong |= syntax_.exclusive_branches(node, &branches);
    }
    // parent_of finds the parent tree-sitter does.
    if (!flat_.empty()) wrong |= !ts_node_eq(parent_of(node), ts_node_parent(node));
    wrong |= static_cast<bool>(f & kScope) != syntax_.is_scope(node);
    wrong |= static_cast<bool>(f & kClass) != kClasses.has(node);
    if (wrong) asked_mismatches.fetch_add(1);
  }

  /// The table's answer for `node`; for a language without one, or a node of no symbol of the
  /// grammar (ERROR), every question is asked and the kind is asked as before.
  uint8_t asked(TSNode node) const {
    TSSymbol symbol = ts_node_symbol(node);
    if (asked_ && symbol < asked_->size()) {
      if (check_asked_) check_asked(node, (*asked_)[symbol]);
      return (*asked_)[symbol];
    }
    uint8_t f = kAskDefinitions | kAskCalls | kAskStrings | kAskBranches;
    if (syntax_.is_scope(node)) f |= kScope;
    if (kClasses.has(node)) f |= kClass;
    return f;
  }

  /// Functions callers name bare (`getQuery()`, `makeDeleteQry(table)`): not methods, whose
  /// receiver is not known. A name defined twice is left out: which one runs is not known.
  /// From the function nodes collect_definitions' walk met (one walk of the tree fewer).
  void collect_functions(const std::vector<ScopeNode>& scope_nodes) {
    for (const ScopeNode& s : scope_nodes) {
      TSNode node = s.node;
      std::string_view name;
      std::vector<std::string_view> params;
      if (s.in_class) {  // a method by where it is: its parameters are not read
        bool named = syntax_.function_name(node, src_, &name);
        if (check_asked_) {  // check_asked_kinds: as function_parameters says
          std::string_view full;
          if (syntax_.function_parameters(node, src_, &full, &params) != named || (named && full != name))
            asked_mismatches.fetch_add(1);
        }
        if (named) methods_[name].push_back(node);
        continue;
      }
      if (!syntax_.function_parameters(node, src_, &name, &params)) continue;
      if (node_is(node, "method_definition") || node_is(node, "method_declaration")) {
        methods_[name].push_back(node);
        continue;
      }
      Function f;
      f.node = node;
      std::tie(f.scope_begin, f.scope_end) = s.around;
      for (std::string_view p : params) {
        long def = -1;
        if (!p.empty())
          if (auto it = by_name_.find(p); it != by_name_.end())
            for (size_t i : it->second)
              if (ts_node_is_null(defs_[i].value) && defs_[i].scope_begin == ts_node_start_byte(node))
                def = static_cast<long>(i);
        f.params.push_back(def);
      }
      auto& list = functions_[name];
      for (Function& o : list)
        if (o.scope_begin == f.scope_begin && o.scope_end == f.scope_end) o.ambiguous = f.ambiguous = true;
      list.push_back(std::move(f));
    }
  }

  /// The function a bare call of `name` at `offset` runs: the one defined in the innermost
  /// function around the call (or at file level); null when none, or two there.
  const Function* function_at(std::string_view name, uint32_t offset) const {
    auto it = functions_.find(name);
    if (it == functions_.end()) return nullptr;
    const Function* best = nullptr;
    for (const Function& f : it->second)
      if (f.scope_begin <= offset && offset < f.scope_end && (!best || f.scope_begin > best->scope_begin)) best = &f;
    return best && !best->ambiguous ? best : nullptr;
  }

  /// Functions whose database calls come from another engine's module: a file that runs the same
  /// report on PostgreSQL and on ClickHouse (umami: `const { rawQuery } = prisma` in one function,
  /// `= clickhouse` in the next) holds both dialects, and only the function tells which is which.
  /// Sites inside such a function are that engine's. A function that also takes members from a
  /// PostgreSQL client's module is left alone.
  void mark_other_engines(std::vector<SqlSite>* out, size_t first) {
    if (first == out->size()) return;
    std::map<std::string_view, std::string> engine_of;  // import's local name -> engine ("" PostgreSQL)
    for (const Import& imp : imports_) {
      std::string e = source::other_engine_of_module(imp.module);
      if (!e.empty()) engine_of[imp.local] = e + " (the function takes its database calls from '" +
                                             std::string(imp.module) + "')";
      else if (postgres_module(imp.module)) engine_of[imp.local] = "";
    }
    // Django's database aliases: `connections["clickhouse"].cursor()` runs the function's
    // queries on the database of that alias, named for its engine.
    bool aliases = src_.find("connections[") != std::string_view::npos;
    if (!aliases && std::none_of(engine_of.begin(), engine_of.end(), [](auto& e) { return !e.second.empty(); })) return;
    struct Scope { uint32_t begin, end; std::string engine; bool postgres = false; };
    std::vector<Scope> marked;
    std::vector<std::pair<uint32_t, uint32_t>> open;
    walk_tree_once(
        [&](TSNode node, uint8_t a) {
          if (!(a & kNamed)) return false;
          if (syntax_.is_scope(node)) open.emplace_back(ts_node_start_byte(node), ts_node_end_byte(node));
          if (aliases && !open.empty() && node_is(node, "subscript") &&
              node_text(field(node, "value"), src_) == "connections") {
            TSNode key = field(node, "subscript");
            std::string_view k = node_is(key, "string") ? node_text(key, src_) : std::string_view();
            if (k.size() >= 2 && (k.front() == '"' || k.front() == '\'') && k.back() == k.front()) {
              k = k.substr(1, k.size() - 2);
              std::string e = source::other_engine_of_connection_alias(k);
              const auto b = open.back().first, end = open.back().second;
              auto it = std::find_if(marked.begin(), marked.end(), [&](const Scope& m) { return m.begin == b && m.end == end; });
              if (it == marked.end()) it = marked.insert(marked.end(), Scope{b, end, "", false});
              if (e.empty()) it->postgres = true;
              else if (it->engine.empty())
                it->engine = e + " (the function runs its queries on connections[\"" + std::string(k) + "\"])";
            }
            return true;
          }
          TSNode from = syntax_.member_source(node);
          if (open.empty() || ts_node_is_null(from) || syntax_.kind(from) != ExprKind::kIdentifier) return true;
          std::string_view name = node_text(from, src_);
          auto e = engine_of.find(name);
          if (e == engine_of.end() || resolve(name, ts_node_start_byte(from)) >= 0) return true;  // a local of that name
          // Not a structured binding: clang (the sanitizer build) cannot capture one in a lambda.
          const auto b = open.back().first, end = open.back().second;
          auto it = std::find_if(marked.begin(), marked.end(), [&](const Scope& m) { return m.begin == b && m.end == end; });
          if (it == marked.end()) it = marked.insert(marked.end(), Scope{b, end, "", false});
          if (e->second.empty()) it->postgres = true;
          else if (it->engine.empty()) it->engine = e->second;
          return true;
        },
        [&](TSNode node, uint8_t a) {
          if ((a & kNamed) && syntax_.is_scope(node) && !open.empty()) open.pop_back();
        });
    for (size_t i = first; i < out->size(); ++i) {
      SqlSite& site = (*out)[i];
      const Scope* inner = nullptr;
      for (const Scope& m : marked)
        if (m.begin <= site.host_begin && site.host_begin < m.end && (!inner || m.begin >= inner->begin)) inner = &m;
      if (inner && !inner->postgres && !inner->engine.empty()) site.other_engine = inner->engine;
    }
  }

  /// A module that is a PostgreSQL client or the project's own module for one ('@/lib/prisma').
  static bool postgres_module(std::string_view module) {
    for (std::string_view word : {"postgres", "prisma", "kysely", "drizzle", "knex", "supabase", "sequelize",
                                  "typeorm", "psycopg", "asyncpg", "pgx"})
      if (module.find(word) != std::string_view::npos) return true;
    return module == "pg" || module.ends_with("/pg") || module.ends_with("/db") || module == "slonik";
  }

  /// A string assigned to a name that a `+` chain or a formatting uses is a piece of a bigger
  /// query (`with_cte + part`, `part_a + " UNION " + part_b`, `sql % (part,)`): alone it may name
  /// a CTE that another piece defines,
  /// and what runs is the chain, which is a site of its own. Records the values of those
  /// definitions, so find_sites does not take them as statements.
  void collect_fragments() {
    for (auto& [name, offset] : pieces_) mark_fragments(name, offset);
  }

  /// The names a `+` chain or a formatting at `node` joins: (name, offset), for collect_fragments.
  void note_pieces(TSNode node) {
    std::vector<TSNode> pieces;
    Formatting f;
    if (syntax_.kind(node) == ExprKind::kConcat) {
      pieces = {syntax_.left(node), syntax_.right(node)};
    } else if (syntax_.formatting(node, src_, &f)) {  // sql % (piece,), fmt.Sprintf(tmpl, piece)
      pieces = f.args;
      for (auto& named : f.named) pieces.push_back(named.second);
    }
    for (TSNode side : pieces) {
      while (!ts_node_is_null(side) && syntax_.kind(side) == ExprKind::kWrapper) side = first_named_child(side);
      if (ts_node_is_null(side) || syntax_.kind(side) != ExprKind::kIdentifier) continue;
      pieces_.emplace_back(node_text(side, src_), ts_node_start_byte(side));
    }
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

  /// One branch of a statement that runs one of its branches (HostSyntax::exclusive_branches).
  struct Branch {
    uint32_t begin = 0, end = 0;
    size_t statement = 0;  ///< which statement: branches of the same one exclude each other
  };

  void note_branches(TSNode node) {
    std::vector<TSNode> branches;
    if (!syntax_.exclusive_branches(node, &branches) || branches.size() < 2) return;
    size_t statement = branch_statements_++;
    for (TSNode b : branches)
      if (!ts_node_is_null(b)) branches_.push_back({ts_node_start_byte(b), ts_node_end_byte(b), statement});
  }

  /// Whether the code at offset `a` and the code at offset `b` are in two branches of one
  /// statement, so that a run reaches at most one of them (`if c { q += x } else { q += y }`).
  bool exclusive(uint32_t a, uint32_t b) const {
    auto in = [](const Branch& x, uint32_t at) { return x.begin <= at && at < x.end; };
    for (const Branch& x : branches_) {
      if (x.begin > a) break;  // sorted by start: no later branch holds a
      if (!in(x, a) || in(x, b)) continue;
      for (const Branch& y : branches_)
        if (y.statement == x.statement && in(y, b)) return true;
    }
    return false;
  }

  /// The definition a use of `name` at `offset` sees, or -1. Definitions of a name are held in
  /// document order, so the search walks back from the use and usually stops at once. One in a
  /// branch that excludes the use's (`q += y` in the else of the `if` whose then has `q += x`)
  /// is not seen: the use sees what was there before that statement.
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
      if (!branches_.empty() && exclusive(d.begin, offset)) continue;
      return static_cast<long>(*i);
    }
    for (auto i = list.end(); i != list.begin();) {  // a file-level constant defined further down
      const Definition& d = defs_[*--i];
      if (d.file_scope && !contains(d.value, offset)) return static_cast<long>(*i);
    }
    return -1;
  }

  /// The definitions of `name` a use at `offset` may see: the one resolve() picks and, when that
  /// one is in a branch of a statement the use comes after, the last one of each other branch
  /// (`if a { q += x } else { q += y }`: both appends), in document order.
  std::vector<size_t> reaching(std::string_view name, uint32_t offset) const {
    long picked = resolve(name, offset);
    if (picked < 0) return {};
    std::vector<size_t> out{static_cast<size_t>(picked)};
    if (branches_.empty() || defs_[static_cast<size_t>(picked)].begin >= offset) return out;
    const std::vector<size_t>& list = by_name_.at(name);
    for (auto i = std::find(list.begin(), list.end(), static_cast<size_t>(picked)); i != list.begin();) {
      const Definition& e = defs_[*--i];
      if (contains(e.value, offset) || offset < e.scope_begin || offset >= e.scope_end || exclusive(e.begin, offset))
        continue;
      if (!std::all_of(out.begin(), out.end(), [&](size_t c) { return exclusive(defs_[c].begin, e.begin); })) break;
      out.push_back(*i);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  /// The text of one of the definitions reaching() gives: the k-th in a site's k-th variant, the
  /// last where there are fewer. One choice for every branching statement of the site, so that
  /// two statements branching alike are read branch by branch (`if asc { o = "ASC" } else { o =
  /// "DESC" }` and `if asc { c = ">" } else { c = "<" }`: ASC with >, DESC with <), never
  /// crossed.
  std::optional<SqlText> branch_text(const std::vector<size_t>& seen, int depth) {
    if (seen.size() == 1) return eval_definition(seen.front(), depth + 1);
    choice_log_.emplace_back(&kBranchChoice, seen.size());
    size_t k = 0;
    if (auto s = selector_.find(&kBranchChoice); s != selector_.end()) k = std::min(s->second, seen.size() - 1);
    return eval_definition(seen[k], depth + 1);
  }
  static constexpr char kBranchChoice = 0;  ///< the key of branch_text's choice

  std::optional<SqlText> eval_definition(size_t index, int depth) {
    for (auto frame = bindings_.rbegin(); frame != bindings_.rend(); ++frame)  // a parameter of an inlined call
      if (auto b = frame->find(index); b != frame->end()) return b->second;
    const Definition& d = defs_[index];
    // Inside an inlined call a local's text depends on the arguments: computed afresh.
    bool memo = bindings_.empty() || d.file_scope;
    Memo& m = memo_[index];
    if (m.done && memo) {
      choice_log_.insert(choice_log_.end(), m.choices.begin(), m.choices.end());
      for (std::string_view name : m.fields) note_field(name);
      return m.text;
    }
    if (m.busy || depth > kMaxDepth) return std::nullopt;  // a cycle: A = B + "x"; B = A + "y"
    m.busy = true;
    size_t log_mark = choice_log_.size();
    size_t fields_mark = field_log_.size();
    std::optional<SqlText> value;
    if (d.list_append) {
      // A list is no string: only a join reads it (join()).
    } else if (!ts_node_is_null(d.value)) {
      value = eval(d.value, depth + 1);
    } else if (d.empty) {
      value.emplace();
    }
    std::optional<SqlText> result;
    if (d.append) {
      std::optional<SqlText> before;
      if (std::vector<size_t> seen = reaching(d.name, d.begin); !seen.empty()) before = branch_text(seen, depth);
      if (before || value) {
        result.emplace();
        if (before) result->append(*before); else result->append_hole(d.begin);
        if (value) result->append(*value); else result->append_hole(ts_node_is_null(d.value) ? d.begin : ts_node_start_byte(d.value));
      }
    } else {
      result = std::move(value);
    }
    if (result && result->text.size() > kMaxBytes) result.reset();
    memo_[index].busy = false;
    if (memo) {
      memo_[index].done = true;
      memo_[index].text = result;
      memo_[index].choices.assign(choice_log_.begin() + static_cast<std::ptrdiff_t>(log_mark), choice_log_.end());
      memo_[index].fields.assign(field_log_.begin() + static_cast<std::ptrdiff_t>(fields_mark), field_log_.end());
    }
    return result;
  }

  /// One of several texts an expression may have: the one the current variant selects (the
  /// first by default), nothing when choices are read as holes (too many variants). An empty
  /// text beside others is no variant: `default: return ""` of a switch over the kinds of a
  /// WITH clause, `cond ? " AND x = $1" : ""`. The statement without the piece is either one of
  /// the other variants less a clause (nothing more to check) or one the code never runs (no CTE
  /// for its FROM: a finding that is not certain).
  std::optional<SqlText> choose(const void* key, std::vector<SqlText> alternatives) {
    std::vector<SqlText> distinct;
    for (auto& a : alternatives)
      if (std::none_of(distinct.begin(), distinct.end(), [&](const SqlText& d) { return d.text == a.text; }))
        distinct.push_back(std::move(a));
    auto blank = [](const SqlText& t) {
      return std::all_of(t.text.begin(), t.text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
    };
    if (std::any_of(distinct.begin(), distinct.end(), [&](const SqlText& t) { return !blank(t); }))
      std::erase_if(distinct, blank);
    if (distinct.size() == 1) return std::move(distinct.front());
    choice_log_.emplace_back(key, distinct.size());
    auto s = selector_.find(key);
    if (s == selector_.end()) return std::move(distinct.front());
    if (s->second >= distinct.size()) return std::nullopt;
    return std::move(distinct[s->second]);
  }

  /// A call of a function of the file (or, for a function returning one constant, of an imported
  /// one) by its bare name: the texts its returns evaluate to, its parameters bound to the
  /// arguments' texts. Any return that is not a string makes the call unknown.
  std::optional<SqlText> inline_call(TSNode node, int depth) {
    Call call;
    if (!syntax_.call(node, src_, &call) || call.tagged || call.name.empty()) return std::nullopt;
    std::string_view text = node_text(node, src_);
    if (text.substr(0, call.name.size()) != call.name || text.size() <= call.name.size() ||
        (text[call.name.size()] != '(' && text[call.name.size()] != '['))
      return std::nullopt;  // a method, or a call through an expression
    const Function* found = function_at(call.name, ts_node_start_byte(node));
    if (!found || resolve(call.name, ts_node_start_byte(node)) >= 0)
      return functions_.count(call.name) ? std::nullopt : from_project(node, call.name, "()");
    const Function& f = *found;
    if (depth > kMaxDepth || bindings_.size() >= kMaxInlining || inlining_.count(f.node.id)) return std::nullopt;
    std::vector<TSNode> returns;
    if (!returned_values(f.node, &returns)) return std::nullopt;
    std::unordered_map<size_t, std::optional<SqlText>> frame;
    for (size_t i = 0; i < f.params.size(); ++i)
      if (f.params[i] >= 0)
        frame[static_cast<size_t>(f.params[i])] = i < call.arguments.size() ? eval(call.arguments[i], depth + 1) : std::nullopt;
    bindings_.push_back(std::move(frame));
    inlining_.insert(f.node.id);
    std::vector<SqlText> values;
    bool all = true;
    for (TSNode r : returns) {
      std::optional<SqlText> v = eval(r, depth + 1);
      if (!v) {
        all = false;
        break;
      }
      values.push_back(std::move(*v));
    }
    inlining_.erase(f.node.id);
    bindings_.pop_back();
    if (!all || values.empty()) return std::nullopt;
    return choose(node.id, std::move(values));
  }

  /// The expressions a function returns; false when some return has no value or several.
  bool returned_values(TSNode fn, std::vector<TSNode>* out) const {
    TSNode body = syntax_.expression_body(fn);
    if (!ts_node_is_null(body)) {
      out->push_back(body);
      return true;
    }
    bool ok = true;
    auto returned = [&](TSNode node) {  // a return statement's one value
      TSNode value = first_named_child(node);
      if (node_is(value, "expression_list")) {  // Go: return "...", nil
        ok = ts_node_named_child_count(value) == 1;
        value = ts_node_named_child(value, 0);
      }
      if (ts_node_is_null(value)) ok = false;
      else out->push_back(value);
    };
    // From flat_ once built (the project phase asks it of every top-level function, twice): the
    // function's nodes are its run of flat_, a subtree skipped by its end. The strings whose
    // children flat_ leaves out (opaque) hold no return_statement outside a nested function:
    // Go's and Java's strings hold no code, Python's f-strings and JavaScript's templates hold
    // expressions, and Kotlin's and Ruby's returns in a template are other node types.
    if (long at = flat_index(fn); at >= 0) {
      for (uint32_t i = static_cast<uint32_t>(at) + 1, end = flat_[static_cast<size_t>(at)].end; i < end && ok;) {
        TSNode node = flat_[i].node;
        if (!ts_node_is_named(node) || syntax_.is_scope(node)) {  // a nested function's returns
          i = flat_[i].end;
          continue;
        }
        if (node_is(node, "return_statement")) {
          returned(node);
          i = flat_[i].end;
          continue;
        }
        ++i;
      }
      return ok && !out->empty();
    }
    walk(
        fn,
        [&](TSNode node) {
          if (!ok || !ts_node_is_named(node)) return false;
          if (!ts_node_eq(node, fn) && syntax_.is_scope(node)) return false;  // a nested function's returns
          if (!node_is(node, "return_statement")) return true;
          returned(node);
          return false;
        },
        [](TSNode) {});
    return ok && !out->empty();
  }

  /// The place of `node` in flat_; -1 when flat_ is not built or does not hold it.
  long flat_index(TSNode node) const {
    if (flat_.empty()) return -1;
    uint32_t start = ts_node_start_byte(node);
    auto it = std::lower_bound(flat_.begin(), flat_.end(), start,
                               [](const FlatNode& f, uint32_t at) { return ts_node_start_byte(f.node) < at; });
    for (; it != flat_.end() && ts_node_start_byte(it->node) == start; ++it)
      if (ts_node_eq(it->node, node)) return static_cast<long>(it - flat_.begin());
    return -1;
  }

  /// The texts of a site's expression: one, or one per combination of the choices it contains
  /// (at most kMaxVariants; past that the choices are holes).
  std::vector<SqlText> eval_variants(TSNode node, std::vector<std::string>* notes = nullptr) {
    choice_log_.clear();
    selector_.clear();
    std::optional<SqlText> first = eval(node);
    if (!first) {
      // The other branches are still read: what struct fields their texts read is the project's
      // question (field_value), answered for the next pass, as the first branch's is.
      size_t branches = 0;
      for (auto& c : choice_log_)
        if (c.first == &kBranchChoice) branches = std::max(branches, c.second);
      for (size_t k = 1; k < branches && k < kMaxVariants; ++k) {
        selector_[&kBranchChoice] = k;
        memo_.assign(defs_.size(), Memo{});
        eval(node);
      }
      if (branches > 1) {
        selector_.clear();
        memo_.assign(defs_.size(), Memo{});
      }
      return {};
    }
    if (choice_log_.empty()) {
      if (notes) notes->assign(1, "");
      return {std::move(*first)};
    }
    std::vector<std::pair<const void*, size_t>> choices;
    for (auto& c : choice_log_) {
      auto known = std::find_if(choices.begin(), choices.end(), [&](auto& k) { return k.first == c.first; });
      if (known == choices.end()) choices.push_back(c);
      else if (c.first == &kBranchChoice) known->second = std::max(known->second, c.second);  // the most branches
    }
    size_t combos = 1;
    for (auto& c : choices) combos = std::min(combos * c.second, kMaxVariants + 1);
    auto fresh = [&] { memo_.assign(defs_.size(), Memo{}); };
    std::vector<SqlText> out;
    // What the chosen texts of the k-th combination say about themselves (choice_notes_).
    auto note_of = [&](size_t k) {
      std::string note;
      for (auto& c : choices) {
        auto n = choice_notes_.find(c.first);
        size_t picked = k % c.second;
        k /= c.second;
        if (n == choice_notes_.end() || picked >= n->second.size() || n->second[picked].empty()) continue;
        note += (note.empty() ? "" : "; ") + n->second[picked];
      }
      return note;
    };
    if (notes) notes->clear();
    if (combos > kMaxVariants) {
      for (auto& c : choices) selector_[c.first] = c.second;  // every choice a hole
      fresh();
      if (std::optional<SqlText> t = eval(node)) out.push_back(std::move(*t));
      if (notes) notes->resize(out.size());
    } else {
      out.push_back(std::move(*first));
      if (notes) notes->push_back(note_of(0));
      for (size_t k = 1; k < combos; ++k) {
        size_t rest = k;
        for (auto& c : choices) {
          selector_[c.first] = rest % c.second;
          rest /= c.second;
        }
        fresh();
        std::optional<SqlText> t = eval(node);
        if (t && std::none_of(out.begin(), out.end(), [&](const SqlText& o) { return o.text == t->text; })) {
          out.push_back(std::move(*t));
          if (notes) notes->push_back(note_of(k));
        }
      }
    }
    selector_.clear();
    fresh();
    return out;
  }

 public:
  /// The text `node` evaluates to, or nullopt when it is not a string expression.
  std::optional<SqlText> eval(TSNode node, int depth = 0) {
    if (ts_node_is_null(node) || depth > kMaxDepth) return std::nullopt;
    switch (syntax_.kind(node)) {
      case ExprKind::kLiteral: {
        SqlText t;
        syntax_.append_literal(node, src_, &t);
        return splice_interpolations(node, std::move(t), depth);
      }
      case ExprKind::kWrapper:
        return eval(first_named_child(node), depth + 1);
      case ExprKind::kFormat: {
        Formatting f;
        if (syntax_.formatting(node, src_, &f)) return format(f, depth);
        return eval(syntax_.left(node), depth + 1);
      }
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
        std::vector<size_t> seen = reaching(node_text(node, src_), ts_node_start_byte(node));
        if (seen.empty()) return from_project(node);
        return branch_text(seen, depth);
      }
      case ExprKind::kOther: {
        if (std::string_view name = syntax_.field_read(node, src_); !name.empty()) return field_value(node, name);
        Formatting f;
        if (syntax_.formatting(node, src_, &f)) return format(f, depth);
        Joining j;
        if (syntax_.joining(node, src_, &j)) return join(j, depth);
        Replacing r;
        if (syntax_.replacing(node, src_, &r)) return replace(r, depth);
        if (std::optional<SqlText> t = package_function(node, depth)) return t;
        if (TSNode inner = syntax_.same_text(node, src_); !ts_node_is_null(inner)) return eval(inner, depth + 1);
        std::vector<TSNode> alts;
        if (syntax_.alternatives(node, &alts)) {  // cond ? "a" : "b": each, when both are strings
          std::vector<SqlText> values;
          for (TSNode a : alts) {
            std::optional<SqlText> v = eval(a, depth + 1);
            if (!v) return std::nullopt;
            values.push_back(std::move(*v));
          }
          return choose(node.id, std::move(values));
        }
        return inline_call(node, depth);
      }
    }
    return std::nullopt;
  }

 private:
  /// The subject's text with each occurrence of the constant `old` replaced by the
  /// replacement's text, or by a hole where that is not known.
  std::optional<SqlText> replace(const Replacing& r, int depth) {
    std::optional<SqlText> subject = eval(r.subject, depth + 1);
    std::optional<SqlText> old = eval(r.old, depth + 1);
    if (!subject || !old || old->text.empty() || old->text.find(sql::kHole) != std::string::npos) return std::nullopt;
    std::optional<SqlText> with = eval(r.replacement, depth + 1);
    return replaced(*subject, old->text, with ? &*with : nullptr, ts_node_start_byte(r.replacement));
  }

  static SqlText replaced(const SqlText& subject, std::string_view old, const SqlText* with, uint32_t hole_at) {
    SqlText out;
    size_t i = 0;
    for (size_t at = subject.text.find(old); at != std::string::npos; at = subject.text.find(old, i)) {
      for (; i < at; ++i) {
        out.text.push_back(subject.text[i]);
        out.origin.push_back(subject.origin[i]);
      }
      if (with) out.append(*with);
      else out.append_hole(hole_at);
      i = at + old.size();
    }
    for (; i < subject.text.size(); ++i) {
      out.text.push_back(subject.text[i]);
      out.origin.push_back(subject.origin[i]);
    }
    return out;
  }

  /// `sqlplugin.SwitchTaskQueuesTable(createTaskQueueQry, v)`: a function of another package of
  /// the project that returns its string parameter, as it is or with constants replaced in it
  /// (collected as "name(@)", see function_rewrites), checked in each of those texts; or
  /// `pkg.Name()`, a function returning one constant.
  std::optional<SqlText> package_function(TSNode node, int depth) {
    if (!project_ || !in_.facts) return std::nullopt;
    Call call;
    TSNode qualifier{};
    std::string dir;
    if (!syntax_.call(node, src_, &call) || call.tagged ||
        syntax_.callee(node, src_, in_.facts, &qualifier, &dir) != Callee::kProjectFunction ||
        resolve(node_text(qualifier, src_), ts_node_start_byte(qualifier)) >= 0)
      return std::nullopt;
    // Only a function whose one-line signature returns a string (and takes one, with arguments)
    // is asked about: each question may have the package's files parsed.
    const std::vector<std::string_view> sig = fact_values(*in_.facts, "go:func:" + dir + ":" + std::string(call.name));
    if (sig.size() != 1 || sig.front() != (call.arguments.empty() ? "s0" : "s1")) return std::nullopt;
    std::string package = dir + "/";  // as a file of that package sees its names
    uint32_t at = ts_node_start_byte(node);
    if (call.arguments.empty()) {
      const std::string* text = project_->package_level(package, std::string(call.name) + "()");
      if (!text) return std::nullopt;
      SqlText t;
      t.append_from(*text, at);
      return t;
    }
    const std::string* rewrites = project_->package_level(package, std::string(call.name) + "(@)");
    if (!rewrites || rewrites->empty()) return std::nullopt;
    size_t k = static_cast<size_t>((*rewrites)[0] - '0');
    if (k >= call.arguments.size()) return std::nullopt;
    std::optional<SqlText> arg = eval(call.arguments[k], depth + 1);
    if (!arg) return std::nullopt;
    std::vector<SqlText> values;
    std::vector<std::string> notes;
    std::string_view rest = std::string_view(*rewrites).substr(1);
    while (!rest.empty() && rest.front() == kVariant) {
      rest.remove_prefix(1);
      SqlText v = *arg;
      std::string note;
      while (!rest.empty() && rest.front() != kVariant) {
        size_t a = rest.find(kPart), b = a == std::string_view::npos ? a : rest.find(kPart, a + 1);
        if (b == std::string_view::npos) return std::nullopt;
        SqlText with;
        with.append_from(rest.substr(a + 1, b - a - 1), at);
        v = replaced(v, rest.substr(0, a), &with, at);
        note += std::string(note.empty() ? "" : ", then ") + "\"" + std::string(rest.substr(0, a)) + "\" replaced with \"" +
                std::string(rest.substr(a + 1, b - a - 1)) + "\"";
        rest.remove_prefix(b + 1);
      }
      if (std::any_of(values.begin(), values.end(), [&](const SqlText& o) { return o.text == v.text; })) continue;
      values.push_back(std::move(v));
      notes.push_back(note.empty() ? "" : "as " + std::string(node_text(field(node, "function"), src_)) + "() rewrites it: " + note);
    }
    if (values.empty()) return std::nullopt;
    choice_notes_[node.id] = std::move(notes);  // choose() keeps this order of distinct texts
    return choose(node.id, std::move(values));
  }

  /// Separators of a "name(@)" record: before each variant, and after each old and new text.
  static constexpr char kVariant = '\x1e';
  static constexpr char kPart = '\x1f';

  /// For the project phase: the file's top-level functions that return their k-th parameter, in
  /// every return as it is or with constants replaced in it (`strings.ReplaceAll(q, " t_v2 ",
  /// " t ")`), recorded as "name(@)" -> k and, per return, its replacements. A return of the
  /// value a sync.Map cache of the function holds for the parameter (`v, ok := cache.Load(q)`;
  /// `return v.(string)`) is one of the other returns, stored there with `cache.Store(q, ...)`.
  void function_rewrites() {
    for (auto& [name, list] : functions_) {
      const Function* top = function_at(name, UINT32_MAX - 1);
      if (!top || top->scope_begin != 0 || top->scope_end != UINT32_MAX) continue;
      std::vector<TSNode> returns;
      if (!returned_values(top->node, &returns)) continue;
      for (size_t k = 0; k < top->params.size(); ++k) {
        if (top->params[k] < 0) continue;
        std::set<std::string> variants;
        bool all = true;
        for (TSNode r : returns) {
          std::string ops;
          int kind = rewrite_of(top->node, r, static_cast<size_t>(top->params[k]), &ops, 0);
          if (kind == 0) { all = false; break; }
          if (kind == 1) variants.insert(ops);
        }
        if (!all || variants.empty() || k > 9) continue;
        std::string record(1, static_cast<char>('0' + k));
        for (const std::string& v : variants) record += kVariant + v;
        in_.constants->emplace_back(std::string(name) + "(@)", record);
        break;
      }
    }
  }

  /// How the return `r` of `fn` makes its text from the parameter `param`: 1 with the
  /// replacements in *ops ("" when it returns it as it is), 2 for a cached copy of another
  /// return, 0 when it is not known.
  int rewrite_of(TSNode fn, TSNode r, size_t param, std::string* ops, int depth) {
    if (depth > 8 || ts_node_is_null(r)) return 0;
    ExprKind k = syntax_.kind(r);
    if (k == ExprKind::kWrapper) return rewrite_of(fn, first_named_child(r), param, ops, depth + 1);
    if (k == ExprKind::kIdentifier) {
      long d = resolve(node_text(r, src_), ts_node_start_byte(r));
      if (d < 0) return 0;
      if (static_cast<size_t>(d) == param) return 1;
      const Definition& def = defs_[static_cast<size_t>(d)];
      if (def.file_scope || def.append || ts_node_is_null(def.value)) return 0;
      if (ts_node_start_byte(fn) > def.scope_begin || def.scope_end > ts_node_end_byte(fn)) return 0;
      return rewrite_of(fn, def.value, param, ops, depth + 1);
    }
    Replacing rep;
    if (syntax_.replacing(r, src_, &rep)) {
      std::optional<SqlText> old = eval(rep.old), with = eval(rep.replacement);
      if (!old || !with || old->text.empty() || old->text.find(sql::kHole) != std::string::npos ||
          with->text.find(sql::kHole) != std::string::npos)
        return 0;
      std::string inner;
      if (rewrite_of(fn, rep.subject, param, &inner, depth + 1) != 1) return 0;
      *ops = inner + old->text + kPart + with->text + kPart;
      return 1;
    }
    // v.(string) of `v, ok := cache.Load(param)` in a function that also calls cache.Store.
    if (node_is(r, "type_assertion_expression") && node_text(ts_node_child_by_field_name(r, "type", 4), src_) == "string") {
      TSNode v = ts_node_child_by_field_name(r, "operand", 7);
      if (syntax_.kind(v) != ExprKind::kIdentifier) return 0;
      long d = resolve(node_text(v, src_), ts_node_start_byte(v));
      if (d < 0) return 0;
      // `v, ok := ...` pairs no value with v: the statement's one right-hand side.
      uint32_t begin = defs_[static_cast<size_t>(d)].begin;
      TSNode stmt = ts_node_descendant_for_byte_range(in_.root, begin, begin);
      while (!ts_node_is_null(stmt) && !node_is(stmt, "short_var_declaration") && ts_node_start_byte(stmt) == begin)
        stmt = ts_node_parent(stmt);
      TSNode right = ts_node_child_by_field_name(stmt, "right", 5);
      if (!node_is(stmt, "short_var_declaration") || ts_node_named_child_count(right) != 1) return 0;
      TSNode load = ts_node_named_child(right, 0);
      TSNode callee = ts_node_child_by_field_name(load, "function", 8);
      if (!node_is(load, "call_expression") || !node_is(callee, "selector_expression")) return 0;
      TSNode field_node = ts_node_child_by_field_name(callee, "field", 5);
      if (node_text(field_node, src_) != "Load") return 0;
      std::string store = std::string(node_text(ts_node_child_by_field_name(callee, "operand", 7), src_)) + ".Store(" +
                          std::string(defs_[param].name) + ",";
      return node_text(fn, src_).find(store) != std::string_view::npos ? 2 : 0;
    }
    return 0;
  }

  /// The template with each verb (or brace field) replaced by its argument's text when the
  /// argument is a string the file defines, else by a hole. `%%` (`{{`, `}}`) stand for one.
  std::optional<SqlText> format(const Formatting& f, int depth) {
    std::optional<SqlText> tmpl = eval(f.format, depth + 1);
    if (!tmpl) return std::nullopt;
    const std::string& s = tmpl->text;
    SqlText out;
    size_t next_arg = 0;
    auto put = [&](TSNode arg, uint32_t origin) {
      std::optional<SqlText> v;
      if (!ts_node_is_null(arg)) v = eval(arg, depth + 1);
      if (v) out.append(*v);
      else out.append_hole(origin);
    };
    // Go's %q: the text as a Go string literal, which for plain printable text without quotes or
    // backslashes is the text in double quotes (a quoted identifier in SQL); other text a hole.
    auto quoted = [&](TSNode arg, uint32_t origin) {
      std::optional<SqlText> v;
      if (!ts_node_is_null(arg)) v = eval(arg, depth + 1);
      bool plain = v.has_value() && !v->text.empty();
      if (plain)
        for (char ch : v->text)
          if (ch < 0x20 || ch > 0x7e || ch == '"' || ch == '\\') plain = false;
      if (!plain) {
        out.append_hole(origin);
        return;
      }
      out.append_from("\"", origin);
      out.append(*v);
      out.append_from("\"", origin);
    };
    auto positional = [&]() { return next_arg < f.args.size() ? f.args[next_arg++] : TSNode{}; };
    for (size_t i = 0; i < s.size();) {
      char c = s[i];
      uint32_t o = tmpl->origin[i];
      if (!f.braces && c == '%') {
        if (i + 1 < s.size() && s[i + 1] == '%') {
          out.append_from("%", o);
          i += 2;
          continue;
        }
        size_t j = i + 1;
        bool named = false;
        if (j < s.size() && s[j] == '(') {  // %(name)s: a mapping's value
          size_t close = s.find(')', j);
          if (close == std::string::npos) return std::nullopt;
          named = true;
          j = close + 1;
        }
        // Java's and C's %2$s: argument 2, leaving the order of the others as it is.
        std::optional<size_t> explicit_index;
        if (!named) {
          size_t d = j, index = 0;
          while (d < s.size() && d < j + 3 && std::isdigit(static_cast<unsigned char>(s[d])))
            index = index * 10 + static_cast<size_t>(s[d++] - '0');
          if (d > j && d < s.size() && s[d] == '$' && index > 0) {
            explicit_index = index - 1;
            j = d + 1;
          }
        }
        while (j < s.size() && (s[j] == '-' || s[j] == '+' || s[j] == '#' || s[j] == ' ' || s[j] == '0')) ++j;
        if (j < s.size() && s[j] == '[') {  // Go's %[2]v: argument 2, and the next ones after it
          size_t close = s.find(']', j);
          if (close == std::string::npos || close == j + 1 || close > j + 4) return std::nullopt;
          size_t index = 0;
          for (size_t d = j + 1; d < close; ++d) {
            if (!std::isdigit(static_cast<unsigned char>(s[d]))) return std::nullopt;
            index = index * 10 + static_cast<size_t>(s[d] - '0');
          }
          if (index == 0) return std::nullopt;
          next_arg = index - 1;
          j = close + 1;
        }
        while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == '*')) ++j;
        if (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) {
          char verb = s[j];
          TSNode arg = named            ? TSNode{}
                       : explicit_index ? (*explicit_index < f.args.size() ? f.args[*explicit_index] : TSNode{})
                                        : positional();
          if (!out.text.empty() && out.text.back() == '$') out.append_from("1", o);  // $%d: a parameter's number
          else if (verb == 'q') quoted(arg, o);
          else put(verb == 's' || verb == 'v' ? arg : TSNode{}, o);
          i = j + 1;
          continue;
        }
        out.append_from("%", o);
        ++i;
        continue;
      }
      if (f.braces && (c == '{' || c == '}')) {
        if (i + 1 < s.size() && s[i + 1] == c) {
          out.append_from(std::string_view(&s[i], 1), o);
          i += 2;
          continue;
        }
        size_t close = c == '{' ? s.find('}', i) : std::string::npos;
        if (close == std::string::npos) return std::nullopt;  // not a template str.format accepts
        std::string_view name(s.data() + i + 1, close - i - 1);
        name = name.substr(0, std::min(name.find(':'), name.find('!')));
        TSNode arg{};
        if (name.empty()) {
          arg = positional();
        } else if (std::all_of(name.begin(), name.end(), [](char d) { return std::isdigit(static_cast<unsigned char>(d)); })) {
          size_t k = static_cast<size_t>(std::stoul(std::string(name)));
          if (k < f.args.size()) arg = f.args[k];
        } else {
          for (auto& [key, value] : f.named)
            if (key == name) arg = value;
        }
        put(arg, o);
        i = close + 1;
        continue;
      }
      out.append_from(std::string_view(&s[i], 1), o);
      ++i;
    }
    if (out.text.size() > kMaxBytes) return std::nullopt;
    return out;
  }

  /// `${COLUMNS}` / f"{COLUMNS}": an interpolation whose expression is a string the file (or the
  /// project) defines is that text; the others stay holes.
  std::optional<SqlText> splice_interpolations(TSNode literal, SqlText t, int depth) {
    std::vector<TSNode> exprs;
    syntax_.interpolations(literal, &exprs);
    if (exprs.empty()) return render_model_objects(literal, std::move(t));
    if (static_cast<size_t>(std::count(t.text.begin(), t.text.end(), sql::kHole)) != exprs.size()) return t;
    return fill_holes(t, [&](size_t k, uint32_t origin, SqlText* out) {
      TSNode e = exprs[k];
      std::optional<SqlText> v;
      if (!ts_node_is_null(e) && !assigned_in_branches(e)) v = eval(e, depth + 1);
      if (v) out->append(*v);
      else out->append_hole(origin);
      return out->text.size() <= kMaxBytes;
    });
  }

  /// `t` with its k-th hole (kHole) replaced by what fill(k, the hole's host offset, &out)
  /// appends (the hole itself, where it knows nothing better); null when fill returns false.
  /// The text between holes keeps its origins.
  template <typename Fill>
  static std::optional<SqlText> fill_holes(const SqlText& t, Fill&& fill) {
    SqlText out;
    size_t k = 0;
    for (size_t i = 0; i < t.text.size(); ++i) {
      if (t.text[i] != sql::kHole) {
        out.text.push_back(t.text[i]);
        out.origin.push_back(t.origin[i]);
      } else if (!fill(k++, t.origin[i], &out)) {
        return std::nullopt;
      }
    }
    return out;
  }

  /// Drizzle's sql`...` (the tag imported from drizzle-orm): a substitution that is a table or
  /// column object of a model the project declares is written into the text as its quoted name
  /// (datalayers/drizzle_models.h), the relation noted in models_; every other one stays a hole
  /// (a parameter, or a fragment of unknown text). The object must be a named import (aliased
  /// or not) of the model's variable or the file's own top-level pgTable: a local of the same
  /// name is something else.
  SqlText render_model_objects(TSNode literal, SqlText t) {
    std::string_view tag;
    std::vector<HostSyntax::TagObject> objects;
    if (!in_.facts || !syntax_.tag_objects(literal, src_, &tag, &objects) ||
        static_cast<size_t>(std::count(t.text.begin(), t.text.end(), sql::kHole)) != objects.size())
      return t;
    if (std::none_of(imports_.begin(), imports_.end(), [&](const Import& imp) {
          return imp.local == tag && imp.imported == tag && imp.module.starts_with("drizzle-orm");
        }))
      return t;
    auto model = [&](const HostSyntax::TagObject& o) -> std::optional<datalayers::drizzle::ModelObject> {
      if (o.var.empty()) return std::nullopt;
      std::string_view declared = o.var;  // the name the model's file binds
      long d = resolve(o.var, o.var_at);
      if (d >= 0) {
        const Definition& def = defs_[static_cast<size_t>(d)];
        TSNode fn = ts_node_is_null(def.value) ? TSNode{} : ts_node_child_by_field_name(def.value, "function", 8);
        std::string_view callee = ts_node_is_null(fn) ? std::string_view() : node_text(fn, src_);
        if (!def.file_scope || !node_is(def.value, "call_expression") || (callee != "pgTable" && !callee.ends_with(".table")))
          return std::nullopt;
      } else {  // `import { mongo as mongoTable }`: the model is `mongo`
        auto imp = std::find_if(imports_.begin(), imports_.end(), [&](const Import& i) { return i.local == o.var; });
        if (imp == imports_.end() || imp->imported == "default" || imp->imported == "*") return std::nullopt;
        declared = imp->imported;
      }
      return datalayers::drizzle::model_object(in_.facts, declared, o.prop);
    };
    return *fill_holes(t, [&](size_t k, uint32_t origin, SqlText* out) {
      const HostSyntax::TagObject& o = objects[k];
      std::optional<datalayers::drizzle::ModelObject> m = model(o);
      if (!m) {
        out->append_hole(origin);
        return true;
      }
      // The table's name at the object, the column's at the property: a finding points there.
      datalayers::drizzle::ModelObject table = *m;
      table.column.clear();
      out->append_from(datalayers::drizzle::rendered(table), o.var_at);
      if (!m->column.empty()) {
        std::string column = datalayers::drizzle::rendered({"", m->column, ""});
        out->append_from(".", o.prop_at);
        out->append_from(column.substr(0, 1), o.prop_at);
        out->append_verbatim(column.substr(1, column.size() - 2), o.prop_at);
        out->append_from(column.substr(column.size() - 1), o.prop_at + static_cast<uint32_t>(o.prop.size()) - 1);
      }
      if (std::none_of(models_.begin(), models_.end(), [&](const sql::ChainScope::Relation& r) {
            return r.schema == m->schema && r.name == m->table;
          }))
        models_.push_back({m->schema, m->table, "", false});
      return true;
    });
  }

  /// `p.sqlGet`: the one text the package's files give the field (see collect_field_values).
  /// The question is recorded only where the text can reach a database call (not while
  /// find_sites evaluates a string no call takes: a test's `s.Run(tc.name + " ...")`), so the
  /// files that write only such fields are not parsed for their values.
  std::optional<SqlText> field_value(TSNode node, std::string_view name) {
    if (!project_ || !syntax_.package_scope()) return std::nullopt;
    note_field(name);
    const std::string* text = project_->package_level_unrecorded(in_.path, "." + std::string(name));
    if (!text) return std::nullopt;
    SqlText t;
    t.append_from(*text, ts_node_start_byte(node));
    return t;
  }

  /// A read of the struct field `name`: logged for the memo of the definition being evaluated,
  /// and recorded as the project's question unless no database call takes the text.
  void note_field(std::string_view name) {
    field_log_.push_back(name);
    if (!quiet_fields_ && project_) project_->record_package_level(in_.path, "." + std::string(name));
  }

  /// Whether `node` is the value a field write gives a field that the package reads
  /// (field_value) and whose reads have that one text: the statement runs, and is checked, where
  /// a database call reads the field. A field no file reads keeps its value as a site here.
  /// A constructor's generic value that a PostgreSQL constructor overrides (a MySQL `REPLACE
  /// INTO`) never runs here at all.
  bool read_as_field(TSNode node) const {
    if (!project_ || !syntax_.package_scope()) return false;
    TSNode p = parent_of(node);
    if (node_is(p, "literal_element") || node_is(p, "expression_list")) p = parent_of(p);
    std::vector<std::pair<std::string_view, TSNode>> writes;
    syntax_.field_writes(p, src_, &writes);
    for (const auto& write : writes)
      if (!ts_node_is_null(write.second) && ts_node_eq(write.second, node))
        return project_->package_level(in_.path, "=." + std::string(write.first)) != nullptr;
    return false;
  }

  /// The values the file gives unexported struct fields (ExtractInput::field_values), for reads
  /// of them in any file of the package: authelia's provider holds each statement in a field
  /// that its constructor sets with fmt.Sprintf of the package's constants. A value that is not
  /// a known text (a parameter, a function's result) is recorded as unknown, so the field has no
  /// one text. `p.sqlGet = p.db.Rebind(p.sqlGet)` keeps the text it had (sqlx's Rebind turns `?`
  /// into `$1`, which are parameters either way). A file of another engine's driver (a MySQL
  /// constructor's values) never runs on PostgreSQL: left out; one importing a PostgreSQL driver
  /// (its constructor overriding the generic values) is recorded apart, and wins.
  void collect_field_values() {
    bool postgres = source::imports_postgres_driver(src_);
    if (!postgres && !source::other_engine_of_code(in_.path, src_).empty()) return;
    std::string prefix = postgres ? "!." : ".";
    std::vector<std::pair<std::string_view, TSNode>> writes;
    walk_tree_once(
        [&](TSNode node, uint8_t a) {
          if (!(a & kNamed)) return false;
          syntax_.field_writes(node, src_, &writes);
          return true;
        },
        [](TSNode, uint8_t) {});
    for (const auto& write : writes) {
      TSNode value = write.second;
      for (int k = 0; k < kMaxDepth && !ts_node_is_null(value); ++k) {  // past Rebind(...) and parentheses
        if (syntax_.kind(value) == ExprKind::kWrapper) value = first_named_child(value);
        else if (TSNode inner = syntax_.same_text(value, src_); !ts_node_is_null(inner)) value = inner;
        else break;
      }
      if (!ts_node_is_null(value) && syntax_.field_read(value, src_) == write.first) continue;
      std::optional<SqlText> text;
      if (!ts_node_is_null(write.second)) text = eval(write.second);
      in_.constants->emplace_back(prefix + std::string(write.first),
                                  text && text->text.size() <= kMaxConstantBytes ? text->text : ProjectConstants::kAmbiguous);
    }
  }

  /// Functions that hand a parameter to a database call as its SQL, directly or through locals
  /// and string transforms (`const query = sql.replaceAll(...)`): the project's own database
  /// calls (umami's rawQuery, a Go helper around QueryContext, a Python execute wrapper).
  void collect_wrappers() {
    walk_tree_once(
        [&](TSNode node, uint8_t a) {
          Call call;
          std::string_view name;
          if (!(a & kNamed) || !(a & kAskCalls) || !syntax_.call_name(node, src_, &name) ||
              !is_database_call(name) ||
              !syntax_.call(node, src_, &call) || other_api(node, call.name))
            return true;
          size_t at = call.tagged ? 0 : database_argument(call.name);
          if (at < call.arguments.size() && command_receiver(call.arguments[at])) return true;
          // What stands where no SQL can (the key of a Get whose first argument is a context:
          // no sqlx call) is handed to no database call.
          if (at < call.arguments.size() && syntax_.no_sql_at(call, at, src_)) return true;
          // The SQL argument, or a later one after leading parameters that cannot be SQL (a Go
          // helper's ctx before pgx's Exec(ctx, sql)).
          for (size_t i = at; i < call.arguments.size(); ++i)
            if (wrapped_parameter(call.arguments[i]) != ParameterUse::kOtherParameter) break;
          return true;
        },
        [](TSNode, uint8_t) {});
    // A method that wraps a database call in one class and is another method of the same name in
    // the next (a view's get(request, job_id) that fetches a job, beside fifteen other get()s):
    // its other definitions are recorded too, so the name is not taken for a wrapper.
    std::vector<WrapperDefinition>& found = *in_.wrappers;
    std::set<std::string, std::less<>> methods;
    for (auto& w : found)
      if (w.method) methods.insert(w.name);
    if (methods.empty()) return;
    std::vector<WrapperDefinition> others;
    walk_tree_once(
        [&](TSNode node, uint8_t a) {
          std::string_view name;
          std::vector<std::string_view> params;
          if (!(a & kNamed) || !syntax_.is_method(node) || !syntax_.function_parameters(node, src_, &name, &params) ||
              !methods.count(name))
            return true;
          size_t at = ts_node_start_byte(node);
          size_t sql_at = static_cast<size_t>(-1);
          for (auto& w : found) {
            if (w.name == name && w.at == at) return true;
            if (w.name == name && w.argument != static_cast<size_t>(-1)) sql_at = w.argument;
          }
          // One that hands that parameter to a call of its own name (lnbits' Database.fetchall:
          // `async with self.connect() as conn: return await conn.fetchall(query, values)`, around
          // Connection.fetchall, which wraps execute) wraps it too.
          others.push_back({std::string(name), delegates(node, name, params, sql_at) ? sql_at : static_cast<size_t>(-1),
                            at, true});
          return true;
        },
        [](TSNode, uint8_t) {});
    found.insert(found.end(), others.begin(), others.end());
  }

  /// Whether the method `fn` hands its parameter `sql_at` on, as it is, at the same place of a
  /// call of its own name (a delegation to the wrapper of the same name in another class).
  bool delegates(TSNode fn, std::string_view name, const std::vector<std::string_view>& params, size_t sql_at) {
    if (sql_at >= params.size()) return false;
    bool found = false;
    walk(
        fn,
        [&](TSNode node) {
          Call call;
          if (found || !ts_node_is_named(node)) return false;
          if (!ts_node_eq(node, fn) && syntax_.is_scope(node)) return false;
          if (!syntax_.call(node, src_, &call) || call.name != name || call.tagged || sql_at >= call.arguments.size())
            return true;
          TSNode arg = call.arguments[sql_at];
          if (syntax_.kind(arg) != ExprKind::kIdentifier || node_text(arg, src_) != params[sql_at]) return true;
          long d = resolve(node_text(arg, src_), ts_node_start_byte(arg));
          found = d >= 0 && ts_node_is_null(defs_[static_cast<size_t>(d)].value) &&
                  defs_[static_cast<size_t>(d)].scope_begin == ts_node_start_byte(fn);
          return true;
        },
        [](TSNode) {});
    return found;
  }

  /// The argument a call hands back as its value: a function or method of the file, the only
  /// definition of its name here, whose every return is its first parameter, as it is or
  /// transformed (lnbits' `self.rewrite_query(query)`: `query = query.replace("?", "%s")`,
  /// `return query`). A wrapper that passes its SQL through such a helper still wraps it.
  TSNode passed_through(TSNode node) {
    Call call;
    if (!syntax_.call(node, src_, &call) || call.tagged || call.name.empty() || call.arguments.empty()) return TSNode{};
    std::vector<TSNode> definitions;
    if (auto it = functions_.find(call.name); it != functions_.end())
      for (const Function& f : it->second) definitions.push_back(f.node);
    if (auto it = methods_.find(call.name); it != methods_.end())
      definitions.insert(definitions.end(), it->second.begin(), it->second.end());
    if (definitions.size() != 1) return TSNode{};
    TSNode fn = definitions.front();
    std::string_view name;
    std::vector<std::string_view> params;
    if (!syntax_.function_parameters(fn, src_, &name, &params) || params.empty()) return TSNode{};
    long first = -1;  // the first parameter's definition
    if (auto it = by_name_.find(params.front()); it != by_name_.end())
      for (size_t i : it->second)
        if (ts_node_is_null(defs_[i].value) && defs_[i].scope_begin == ts_node_start_byte(fn)) first = static_cast<long>(i);
    std::vector<TSNode> returns;
    if (first < 0 || !returned_values(fn, &returns) || returns.empty()) return TSNode{};
    for (TSNode r : returns) {
      bool reaches = false;
      for (int hop = 0; hop < 8 && !ts_node_is_null(r) && !reaches; ++hop) {
        ExprKind k = syntax_.kind(r);
        if (k == ExprKind::kWrapper) { r = first_named_child(r); continue; }
        if (k != ExprKind::kIdentifier) { r = syntax_.transformed(r, src_); continue; }
        long d = resolve(node_text(r, src_), ts_node_start_byte(r));
        if (d < 0 || defs_[static_cast<size_t>(d)].file_scope) break;
        if (d == first) reaches = true;
        else r = defs_[static_cast<size_t>(d)].value;
      }
      if (!reaches) return TSNode{};
    }
    return call.arguments.front();
  }

  enum class ParameterUse { kNone, kRecorded, kOtherParameter };

  /// Follows a database call's argument back through locals and string transforms; when it is a
  /// parameter of the enclosing function that may hold a string, records that function as a wrapper.
  ParameterUse wrapped_parameter(TSNode arg) {
    for (int hop = 0; hop < 8 && !ts_node_is_null(arg); ++hop) {
      ExprKind k = syntax_.kind(arg);
      if (k == ExprKind::kWrapper) { arg = first_named_child(arg); continue; }
      if (k != ExprKind::kIdentifier) {
        TSNode inner = syntax_.transformed(arg, src_);
        arg = ts_node_is_null(inner) ? passed_through(arg) : inner;
        continue;
      }
      long d = resolve(node_text(arg, src_), ts_node_start_byte(arg));
      if (d < 0) return ParameterUse::kNone;
      const Definition& def = defs_[static_cast<size_t>(d)];
      if (def.file_scope) return ParameterUse::kNone;
      if (!ts_node_is_null(def.value)) { arg = def.value; continue; }
      // A parameter: of which function, at which position.
      TSNode fn = ts_node_descendant_for_byte_range(in_.root, def.scope_begin, def.scope_end);
      std::string_view name;
      std::vector<std::string_view> params;
      if (!syntax_.function_parameters(fn, src_, &name, &params)) return ParameterUse::kNone;
      for (size_t i = 0; i < params.size(); ++i)
        if (params[i] == def.name) {
          in_.wrappers->push_back({std::string(name), i, ts_node_start_byte(fn), syntax_.is_method(fn)});
          return ParameterUse::kRecorded;
        }
      // Typed as something else than a string. Only a context comes before the SQL (pgx's
      // Exec(ctx, sql)): after an id (a prepared statement's Exec(id, name)) no argument is SQL.
      std::string_view type = syntax_.parameter_type(fn, src_, def.name);
      if (!type.empty() && !leads_sql(type)) return ParameterUse::kNone;
      return ParameterUse::kOtherParameter;
    }
    return ParameterUse::kNone;
  }

  /// Whether `arg` is a named query of the project's query files, read from the field a query
  /// tool fills with its text (goyesql: `db.QueryRow(q.GetDBInfo)`), or made from one by
  /// filling its placeholders (`strings.ReplaceAll(c.q.QueryBounces, "%order%", o)`,
  /// fmt.Sprintf), through locals: that query is a site of its own, in its file, where its
  /// placeholders are read as run-time fragments. The call runs it, and is no second site.
  bool from_named_query(TSNode arg) {
    for (int hop = 0; hop < 8 && !ts_node_is_null(arg); ++hop) {
      if (!syntax_.named_query_field(arg, src_, in_.facts).empty()) return true;
      ExprKind k = syntax_.kind(arg);
      Replacing r;
      Formatting f;
      if (k == ExprKind::kWrapper) {
        arg = first_named_child(arg);
      } else if (k == ExprKind::kIdentifier) {
        long d = resolve(node_text(arg, src_), ts_node_start_byte(arg));
        if (d < 0) return false;
        arg = defs_[static_cast<size_t>(d)].value;
      } else if (syntax_.replacing(arg, src_, &r)) {
        arg = r.subject;
      } else if (syntax_.formatting(arg, src_, &f)) {
        arg = f.format;
      } else {
        return false;
      }
    }
    return false;
  }

  /// A parameter of the enclosing function declared with a type that is not a string (Go's
  /// `id int`): where the SQL belongs, it says the call is another API of the same name (a
  /// prepared statement's Exec(id, name), sqlx's Stmt.Select(&dest, id)), not a query.
  bool declared_not_text(TSNode arg) {
    TSNode fn;
    const Definition* def = parameter_named(arg, &fn);
    if (!def) return false;
    std::string_view type = syntax_.parameter_type(fn, src_, def->name);
    return !type.empty() && type != "string" && !leads_sql(type);
  }

  /// The SQL parameter of a function the project knows as a database call wrapper: its callers'
  /// SQL is checked at each call, so the wrapper's own call is no site.
  bool wrapper_parameter(TSNode arg, std::string_view call_name = {}) {
    TSNode fn;
    const Definition* def = project_ ? parameter_named(arg, &fn) : nullptr;
    std::string_view name;
    std::vector<std::string_view> params;
    if (!def || !syntax_.function_parameters(fn, src_, &name, &params)) return false;
    // A method that hands its SQL parameter to the call of its own name (temporal's
    // `func (pdb *db) ExecContext(ctx, stmt string, args ...any)` around conn().ExecContext), or
    // of another database call (river's `func (e *Executor) Exec(ctx, sql string, ...)` around
    // e.dbtx.ExecContext): its callers call it by a database call's name, and are the sites.
    if (!call_name.empty() && (name == call_name || builtin_database_call(name))) {
      std::string_view type = syntax_.parameter_type(fn, src_, def->name);
      if (type.empty() || type == "string") return true;
    }
    const size_t* at = project_->wrapper(in_.language->name, name);
    return at && *at < params.size() && params[*at] == def->name;
  }

  /// wrapper_parameter through the locals and string transforms wrapped_parameter follows
  /// (umami's rawQuery: `const query = sql?.replaceAll(...)`; `$queryRawUnsafe(query, ...)`):
  /// the SQL is the callers', checked at each of them, not a site of the wrapper's own.
  bool reaches_wrapper_parameter(TSNode arg, std::string_view call_name) {
    for (int hop = 0; hop < 8 && !ts_node_is_null(arg); ++hop) {
      ExprKind k = syntax_.kind(arg);
      if (k == ExprKind::kWrapper) { arg = first_named_child(arg); continue; }
      if (k != ExprKind::kIdentifier) {
        TSNode inner = syntax_.transformed(arg, src_);
        arg = ts_node_is_null(inner) ? passed_through(arg) : inner;
        continue;
      }
      if (wrapper_parameter(arg, call_name)) return true;
      long d = resolve(node_text(arg, src_), ts_node_start_byte(arg));
      if (d < 0) return false;
      const Definition& def = defs_[static_cast<size_t>(d)];
      if (def.file_scope || ts_node_is_null(def.value)) return false;
      arg = def.value;
    }
    return false;
  }

  /// The definition of the enclosing function's parameter that `arg` names (through
  /// parentheses), with that function's node in *fn; null when `arg` names no parameter.
  const Definition* parameter_named(TSNode arg, TSNode* fn) {
    while (!ts_node_is_null(arg) && syntax_.kind(arg) == ExprKind::kWrapper) arg = first_named_child(arg);
    if (ts_node_is_null(arg) || syntax_.kind(arg) != ExprKind::kIdentifier) return nullptr;
    long d = resolve(node_text(arg, src_), ts_node_start_byte(arg));
    if (d < 0) return nullptr;
    const Definition& def = defs_[static_cast<size_t>(d)];
    if (def.file_scope || !ts_node_is_null(def.value)) return nullptr;
    *fn = ts_node_descendant_for_byte_range(in_.root, def.scope_begin, def.scope_end);
    return &def;
  }

  /// `this.execute(view, ...)` / `self.execute(...)` where the class around the call declares a
  /// method of that name (ProseMirror's menu, a command object): the class's own method, no
  /// database client's.
  bool own_method_call(TSNode call, std::string_view name) const {
    std::string_view lang = in_.language->name;
    bool js = lang == "javascript" || lang == "typescript" || lang == "tsx";
    if (!js && lang != "python") return false;
    TSNode callee = field(call, "function");
    if (ts_node_is_null(callee)) return false;
    TSNode receiver = js ? field(callee, "object") : field(callee, "object");
    if (ts_node_is_null(receiver) || node_text(receiver, src_) != (js ? "this" : "self")) return false;
    TSNode cls = ts_node_parent(call);
    while (!ts_node_is_null(cls) && !node_is(cls, "class_declaration") && !node_is(cls, "class") &&
           !node_is(cls, "abstract_class_declaration") && !node_is(cls, "class_definition"))
      cls = ts_node_parent(cls);
    if (ts_node_is_null(cls)) return false;
    TSNode body = field(cls, "body");
    for (uint32_t i = 0; !ts_node_is_null(body) && i < ts_node_named_child_count(body); ++i) {
      TSNode m = ts_node_named_child(body, i);
      if (node_is(m, "decorated_definition")) m = field(m, "definition");
      if ((node_is(m, "method_definition") || node_is(m, "function_definition")) && node_text(field(m, "name"), src_) == name)
        return true;
    }
    return false;
  }

  /// A JavaScript module marked "use client" (React's directive: it runs in the browser, where
  /// no database client is): its `execute(data)` is a hook's or an action's.
  bool client_module() const {
    std::string_view lang = in_.language->name;
    if (lang != "javascript" && lang != "typescript" && lang != "tsx") return false;
    size_t at = src_.find_first_not_of(" \t\r\n");
    while (at != std::string_view::npos && src_.compare(at, 2, "//") == 0) {  // leading line comments
      size_t nl = src_.find('\n', at);
      at = nl == std::string_view::npos ? nl : src_.find_first_not_of(" \t\r\n", nl);
    }
    return at != std::string_view::npos &&
           (src_.compare(at, 12, "\"use client\"") == 0 || src_.compare(at, 12, "'use client'") == 0);
  }

  /// `super().execute(*args, **options)` in an override: the parent's method, given the
  /// override's own arguments (a splat of its parameter). Whatever SQL they hold is its callers',
  /// and those calls are sites of their own (a Django command's execute, a cursor subclass's).
  bool forwards_to_parent(TSNode call, TSNode arg) {
    if (!node_is(arg, "list_splat") && !node_is(arg, "spread_element")) return false;
    TSNode callee = field(call, "function");
    TSNode receiver = node_is(callee, "attribute") ? field(callee, "object") : TSNode{};
    if (ts_node_is_null(receiver) || !node_is(receiver, "call") || node_text(field(receiver, "function"), src_) != "super")
      return false;
    TSNode inner = first_named_child(arg), fn;
    return !ts_node_is_null(inner) && parameter_named(inner, &fn) != nullptr;
  }

  /// A context comes before the SQL (pgx's Exec(ctx, sql)): the call still runs a query.
  static bool leads_sql(std::string_view type) { return type.size() >= 7 && type.substr(type.size() - 7) == "Context"; }

  /// Which argument of a database call is the SQL: a project wrapper's own parameter, else the
  /// language's rule.
  size_t database_argument(std::string_view name) const {
    if (!builtin_database_call(name) && project_)
      if (const size_t* at = project_->wrapper(in_.language->name, name)) return *at;
    return syntax_.sql_argument_index(name);
  }

  /// A name assigned more than once in its function (`if a: cond = "x" else: cond = "y"`): which
  /// text an interpolation splices is one of several, so it stays a hole.
  bool assigned_in_branches(TSNode e) const {
    while (!ts_node_is_null(e) && syntax_.kind(e) == ExprKind::kWrapper) e = first_named_child(e);
    if (ts_node_is_null(e) || syntax_.kind(e) != ExprKind::kIdentifier) return false;
    std::string_view name = node_text(e, src_);
    long d = resolve(name, ts_node_start_byte(e));
    if (d < 0) return false;
    const Definition& picked = defs_[static_cast<size_t>(d)];
    size_t same = 0;
    for (size_t i : by_name_.at(name)) {
      const Definition& o = defs_[i];
      if (o.file_scope == picked.file_scope && o.scope_begin == picked.scope_begin) ++same;
    }
    return same > 1;
  }

  /// A name the file does not define: an imported constant, or (Go) one another file of the
  /// package defines. Its bytes all map to the name here.
  /// `suffix` "()": the one constant a function of that name returns.
  std::optional<SqlText> from_project(TSNode node, std::string_view name = {}, std::string_view suffix = {}) const {
    if (!project_) return std::nullopt;
    if (name.empty()) name = node_text(node, src_);
    const std::string* text = nullptr;
    for (auto& imp : imports_)
      if (imp.local == name) {
        text = project_->imported(in_.path, imp.module, std::string(imp.imported) + std::string(suffix),
                                  syntax_.python_modules());
        break;
      }
    if (!text && syntax_.package_scope()) text = project_->package_level(in_.path, std::string(name) + std::string(suffix));
    if (!text) return std::nullopt;
    SqlText t;
    t.append_from(*text, ts_node_start_byte(node));
    return t;
  }

  /// The list's strings joined by the separator, when the list is a literal (or a name of one
  /// that the file never changes) whose every element is a string the file defines.
  std::optional<SqlText> join(const Joining& j, int depth) {
    std::optional<SqlText> sep = eval(j.separator, depth + 1);
    if (!sep) return std::nullopt;
    TSNode list = j.list;
    std::vector<TSNode> appended;  // parts.append(x) before the join, last first
    for (int k = 0; k < kMaxDepth && !ts_node_is_null(list); ++k) {
      ExprKind kind = syntax_.kind(list);
      if (kind == ExprKind::kWrapper) {
        list = first_named_child(list);
      } else if (kind == ExprKind::kIdentifier) {
        std::string_view name = node_text(list, src_);
        if (list_changed(name)) return std::nullopt;
        long d = resolve(name, ts_node_start_byte(list));
        for (int hop = 0; d >= 0 && defs_[static_cast<size_t>(d)].list_append && hop < 256; ++hop) {
          // One statement may append several elements (Go's append(parts, a, b)): all of them.
          uint32_t at = defs_[static_cast<size_t>(d)].begin;
          std::vector<TSNode> same;
          for (size_t i : by_name_.find(name)->second)
            if (defs_[i].list_append && defs_[i].begin == at) same.push_back(defs_[i].value);
          appended.insert(appended.end(), same.rbegin(), same.rend());
          d = resolve(name, at);
        }
        if (d < 0) return std::nullopt;
        list = defs_[static_cast<size_t>(d)].value;
      } else {
        break;
      }
    }
    std::vector<TSNode> items;
    if (ts_node_is_null(list) || !syntax_.list_items(list, &items)) return std::nullopt;
    items.insert(items.end(), appended.rbegin(), appended.rend());
    if (items.empty()) return std::nullopt;
    SqlText out;
    for (size_t i = 0; i < items.size(); ++i) {
      std::optional<SqlText> v = eval(items[i], depth + 1);
      if (!v) return std::nullopt;
      if (i) out.append(*sep);
      out.append(*v);
      if (out.text.size() > kMaxBytes) return std::nullopt;
    }
    return out;
  }

  /// changed_in_place(name, appends allowed) or unrecorded_appends(name), once per name: each
  /// reads the whole file for the name, and a file joins lists of few names many times (the
  /// `clauses` of synapse's storage modules, read again at each join were 1% of a scan).
  bool list_changed(std::string_view name) const {
    auto [it, fresh] = list_changed_.try_emplace(name, false);
    if (fresh) it->second = changed_in_place(name, /*appends_allowed=*/true) || unrecorded_appends(name);
    return it->second;
  }

  /// Whether the file grows or edits a list of this name in place (`conds.append(...)`,
  /// `parts = append(parts, ...)`, `cols[0] = ...`, `cols += ...`): its literal is then not what
  /// is joined.
  /// Whether `name.append(` occurs where no definition records it (inside an expression, a
  /// comprehension): the list then holds elements the join would not see.
  /// Go's `append(name, ...)` counts as one call however many elements it adds.
  bool unrecorded_appends(std::string_view name) const {
    size_t written = 0;
    std::string needle = std::string(name) + ".append(";
    for (size_t at = src_.find(needle); at != std::string_view::npos; at = src_.find(needle, at + 1))
      if (at == 0 || !(std::isalnum(static_cast<unsigned char>(src_[at - 1])) || src_[at - 1] == '_' || src_[at - 1] == '.'))
        ++written;
    std::string go = "append(" + std::string(name);
    for (size_t at = src_.find(go); at != std::string_view::npos; at = src_.find(go, at + 1)) {
      size_t e = at + go.size();
      bool whole = e < src_.size() && (src_[e] == ',' || src_[e] == ')' || src_[e] == ' ');
      bool own = at == 0 || !(std::isalnum(static_cast<unsigned char>(src_[at - 1])) || src_[at - 1] == '_' || src_[at - 1] == '.');
      if (whole && own) ++written;
    }
    std::set<uint32_t> calls;  // one statement may append several elements (Go)
    if (auto it = by_name_.find(name); it != by_name_.end())
      for (size_t i : it->second)
        if (defs_[i].list_append) calls.insert(defs_[i].begin);
    return written != calls.size();
  }

  bool changed_in_place(std::string_view name, bool appends_allowed = false) const {
    auto word_at = [&](size_t at) {
      return (at == 0 || !(std::isalnum(static_cast<unsigned char>(src_[at - 1])) || src_[at - 1] == '_')) &&
             (at + name.size() >= src_.size() ||
              !(std::isalnum(static_cast<unsigned char>(src_[at + name.size()])) || src_[at + name.size()] == '_'));
    };
    static constexpr std::string_view kAfter[] = {".append(", ".extend(", ".insert(", ".remove(", ".pop(",
                                                  ".clear(",  "[",        "+=",       ".sort(",   ".reverse("};
    for (size_t at = src_.find(name); at != std::string_view::npos; at = src_.find(name, at + 1)) {
      if (!word_at(at)) continue;
      size_t e = at + name.size();
      while (e < src_.size() && src_[e] == ' ') ++e;
      for (std::string_view a : kAfter)
        if (src_.substr(e, a.size()) == a && !(appends_allowed && a == ".append(")) return true;
      size_t b = at;
      while (b > 0 && src_[b - 1] == ' ') --b;
      if (b >= 7 && src_.substr(b - 7, 7) == "append(" && !appends_allowed) return true;  // Go: append(parts, ...)
    }
    return false;
  }

  /// A call of a database call's name that the project's facts place elsewhere: a function of
  /// the standard library, a prepared statement's method, or a function of one of the project's
  /// packages that passes no SQL on (no wrapper): `testhooks.Get(hooks, key)`, `syscall.Exec`,
  /// `c.q.GetUser.Get(&u, id)`. A local named like the package hides it.
  bool other_api(TSNode node, std::string_view name) const {
    TSNode qualifier{};
    std::string dir;
    Callee kind = syntax_.callee(node, src_, in_.facts, &qualifier, &dir);
    if (kind == Callee::kUnknown) return false;
    if (!ts_node_is_null(qualifier) && resolve(node_text(qualifier, src_), ts_node_start_byte(qualifier)) >= 0) return false;
    if (kind == Callee::kOtherApi) return true;
    return !(project_ && project_->wrapper(in_.language->name, name));
  }

  bool builtin_database_call(std::string_view name) const {
    for (std::string_view n : in_.language->database_calls)
      if (n == name) return true;
    if (extra_database_calls_)  // schemagate.yaml `database_calls`
      for (const std::string& n : *extra_database_calls_)
        if (n == name) return true;
    return false;
  }
  bool is_database_call(std::string_view name) const {
    return builtin_database_call(name) ||
           (project_ && project_->wrapper(in_.language->name, name) != nullptr);
  }

  /// `models`: the text is an expression (not a statement) in which a tag wrote these relations'
  /// objects (render_model_objects): it is read in their scope, and listed as a site of its own.
  void add_call_site(TSNode arg, const Call& call, SqlText text, std::vector<SqlSite>* out, size_t variant = 0,
                     const std::vector<sql::ChainScope::Relation>* models = nullptr) {
    SqlSite s;
    s.sql = std::move(text);
    s.variant = variant;
    s.tagged = call.tagged;
    syntax_.enclosing_cte_names(arg, src_, &s.outer_ctes);
    if (sql::ChainScope scope; call.tagged && syntax_.chain_expression(arg, src_, &scope)) s.chain = std::move(scope);
    if (models) {
      // Where else the expression goes (a relational query's where, a helper's condition list)
      // is not followed: names it does not qualify are not judged. Inside a chain it is part of
      // the chain's statement, which its data layer lists; elsewhere it is a site of its own.
      if (!s.chain) {
        s.chain.emplace();
        s.chain->listed = true;
      }
      s.chain->open = true;
      for (const sql::ChainScope::Relation& r : *models)
        if (std::none_of(s.chain->relations.begin(), s.chain->relations.end(),
                         [&](const sql::ChainScope::Relation& o) { return o.schema == r.schema && o.name == r.name && o.alias.empty(); }))
          s.chain->relations.push_back(r);
    }
    s.host_begin = ts_node_start_byte(arg);
    s.database_call = true;
    s.call_name = std::string(call.name);
    out->push_back(std::move(s));
    consumed_.insert(arg.id);
  }

  /// Whether the call `arg` is an argument of is a method of a command dispatcher
  /// (`CommandService.instance().execute(name)`, `commandBus.execute(...)`) or, in JavaScript,
  /// passes a name that says it holds a command (`service.execute(commandName)`): an editor's or a
  /// CQRS bus's commands, not a database's.
  bool command_receiver(TSNode arg) const {
    TSNode call = parent_of(parent_of(arg));
    TSNode fn = ts_node_child_by_field_name(call, "function", 8);
    TSNode object = ts_node_is_null(fn) ? TSNode{} : ts_node_child_by_field_name(fn, "object", 6);
    auto says_command = [&](TSNode n) {
      std::string t(node_text(n, src_));
      for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return t.find("command") != std::string::npos;
    };
    if (!ts_node_is_null(object) && says_command(object)) return true;
    // JavaScript's `service.execute(commandName)`: a name that says it holds a command's name.
    std::string_view lang = in_.language->name;
    ExprKind k = syntax_.kind(arg);
    return (lang == "javascript" || lang == "typescript" || lang == "tsx") &&
           (k == ExprKind::kIdentifier || !ts_node_is_null(ts_node_child_by_field_name(arg, "property", 8))) && says_command(arg);
  }

  void handle_call(TSNode node, const Call& call, std::vector<SqlSite>* out) {
    if (call.arguments.empty() || !is_database_call(call.name) || other_api(node, call.name)) return;
    const std::vector<TSNode>& args = call.arguments;
    size_t at = call.tagged ? 0 : database_argument(call.name);
    // A string where a context or destination belongs: a same-named call of another library
    // (gorm's Select("name") is not sqlx's Select(&dest, query)).
    for (size_t i = 0; i < at && i < args.size(); ++i)
      if (eval(args[i])) return;
    if (at >= args.size()) return;
    std::vector<std::string> notes;
    models_.clear();
    if (std::vector<SqlText> texts = eval_variants(args[at], &notes); !texts.empty()) {
      std::vector<sql::ChainScope::Relation> models = std::move(models_);
      models_.clear();
      size_t variant = 0;
      // A chain's expression (`.where(sql\`archived_at IS NULL\`)`) is SQL whatever it looks like.
      sql::ChainScope scope;
      bool chain = call.tagged && syntax_.chain_expression(args[at], src_, &scope);
      for (size_t i = 0; i < texts.size(); ++i) {
        SqlText& t = texts[i];
        // A tagged template with no text of its own (Drizzle's sql`${alias.name}`): what its
        // interpolations hold is a value, a column object or another template, never SQL text of
        // this site, so there is nothing here to check.
        if (call.tagged && t.text.find_first_not_of(std::string(" \t\r\n") + sql::kHole) == std::string::npos) continue;
        // Drizzle's condition `${projects.id} IN (${ids})`: an expression over the models it names.
        bool expression = call.tagged && !models.empty() && !parses_as_statement(t);
        if (chain || expression || is_query_text(t)) {
          add_call_site(args[at], call, std::move(t), out, variant++, expression ? &models : nullptr);
          if (i < notes.size()) out->back().rewritten = notes[i];
        }
      }
      return;
    }
    // A wrapper of the expected signature passing extra leading arguments (pgx's
    // Exec(ctx, sql)): take a later argument only when it reads as SQL or, without holes, parses
    // as a statement (`CREATE TEMP TABLE ...`), with them as DDL or a utility command over names
    // given at run time (`"CREATE SCHEMA " + name`), so `Exec(q, StatusActive)` does not pick
    // "active".
    for (size_t i = at + 1; i < args.size(); ++i) {
      std::optional<SqlText> t = eval(args[i]);
      if (t && (looks_like_sql(t->text) ||
                (t->text.find(sql::kHole) == std::string::npos ? is_query_text(*t) : sql::reads_as_utility(*t)))) {
        add_call_site(args[i], call, std::move(*t), out);
        return;
      }
    }
    // pgx's Exec(ctx, sql, ...): a parameter declared as a context stands where the SQL is for
    // database/sql's Exec(sql, ...); the SQL is the argument after it (a wrapper's own parameter).
    size_t sql_at = at;
    if (TSNode fn; sql_at + 1 < args.size())
      if (const Definition* def = parameter_named(args[sql_at], &fn); def && leads_sql(syntax_.parameter_type(fn, src_, def->name)))
        ++sql_at;
    TSNode arg = args[sql_at];
    if (syntax_.cannot_be_sql(arg, src_) || declared_not_text(arg) || reaches_wrapper_parameter(arg, call.name) ||
        command_receiver(arg) || from_named_query(arg) || forwards_to_parent(node, arg))
      return;
    // execute(text("...")), or q = text("..."); execute(q): the inner call reports the SQL.
    TSNode value = arg;
    if (syntax_.kind(arg) == ExprKind::kIdentifier) {
      long d = resolve(node_text(arg, src_), ts_node_start_byte(arg));
      if (d >= 0) value = defs_[static_cast<size_t>(d)].value;
    }
    // So does each branch of `q = cond ? Prisma.sql\`...\` : Prisma.sql\`...\``, each a site of its own.
    auto reported_inside = [&](auto&& self, TSNode v, int depth) -> bool {
      while (!ts_node_is_null(v) && syntax_.kind(v) == ExprKind::kWrapper) v = first_named_child(v);
      if (ts_node_is_null(v) || depth > 4) return false;
      if (Call inner; syntax_.call(v, src_, &inner) && is_database_call(inner.name)) return true;
      std::vector<TSNode> branches;
      return syntax_.alternatives(v, &branches) &&
             std::all_of(branches.begin(), branches.end(), [&](TSNode b) { return self(self, b, depth + 1); });
    };
    if (reported_inside(reported_inside, value, 0)) return;
    // q = <a value that is no text>; execute(q). Refinements of it (`q = q.where(...)`,
    // `q = q.limit(n)`: a method of the object it was) are the same kind of object.
    if (!ts_node_is_null(value) && !ts_node_eq(value, arg) && syntax_.kind(arg) == ExprKind::kIdentifier) {
      std::string name(node_text(arg, src_));
      for (int step = 0; step < 16; ++step) {
        std::string_view v = node_text(value, src_);
        if (v.size() <= name.size() || v.substr(0, name.size()) != name || v[name.size()] != '.') break;
        long d = resolve(name, ts_node_start_byte(value));
        if (d < 0 || ts_node_is_null(defs_[static_cast<size_t>(d)].value)) break;
        value = defs_[static_cast<size_t>(d)].value;
      }
    }
    if (!ts_node_is_null(value) && !ts_node_eq(value, arg) && syntax_.cannot_be_sql(value, src_)) return;
    if (own_method_call(node, call.name) || client_module()) return;
    SqlSite s;
    s.host_begin = ts_node_start_byte(arg);
    s.database_call = true;
    s.dynamic = true;
    s.call_name = std::string(call.name);
    out->push_back(std::move(s));
  }

  /// Whether the literal `node` may evaluate to a text that looks_like_sql. For a language that
  /// lists its kinds (Go, Python), a literal without escapes and interpolations decodes to its
  /// own body (an f-string's doubled braces aside, which looks_like_sql reads alike), so its
  /// body answers; any other literal may. Most literals of a file are no SQL (a docstring, a log
  /// message), and decoding each one (every byte given its origin) costs more than this.
  bool may_read_as_sql(TSNode node) const {
    if (!asked_) return true;
    std::string_view text = node_text(node, src_);
    if (text.find('\\') != std::string_view::npos) return true;
    std::vector<TSNode> interpolations;
    syntax_.interpolations(node, &interpolations);
    if (!interpolations.empty()) return true;
    size_t b = 0;  // past a prefix (Python's r, b, f, ...)
    while (b < text.size() && std::isalpha(static_cast<unsigned char>(text[b]))) ++b;
    if (b >= text.size()) return true;
    char q = text[b];
    if (q != '"' && q != '\'' && q != '`') return true;
    size_t n = text.size() - b >= 6 && text[b + 1] == q && text[b + 2] == q ? 3 : 1;  // a triple-quoted one
    if (text.size() - b < 2 * n || text.substr(text.size() - n) != std::string(n, q)) return true;  // not closed
    return looks_like_sql(text.substr(b + n, text.size() - b - 2 * n));
  }

  void find_sites(std::vector<SqlSite>* out) {
    walk_tree_once(
        [&](TSNode node, uint8_t a) {
          if (!(a & kNamed) || consumed_.count(node.id)) return false;
          if (syntax_.foreign_query(node, src_)) return false;
          if (!(a & (kAskCalls | kAskStrings))) return true;
          Call call;
          Formatting formatting;
          // A formatting call is also a string expression (fmt.Sprintf, "...".format()). A join
          // is not one on its own: it joins pieces (conditions, or statements that are sites of
          // their own), and counts only inside a bigger expression or a database call.
          bool builds_string = (a & kAskStrings) && syntax_.formatting(node, src_, &formatting);
          if ((a & kAskCalls) && syntax_.call(node, src_, &call)) {
            handle_call(node, call, out);
            if (!builds_string) return true;
          }
          if (!(a & kAskStrings)) return true;
          ExprKind k = syntax_.kind(node);
          if (k == ExprKind::kLiteral || k == ExprKind::kConcat || k == ExprKind::kFormat ||
              k == ExprKind::kSequence || builds_string) {
            if (fragments_.count(node.id) || read_as_field(node)) return false;
            if (k == ExprKind::kLiteral && !builds_string && !may_read_as_sql(node)) return false;
            quiet_fields_ = true;
            std::vector<SqlText> texts = eval_variants(node);
            quiet_fields_ = false;
            if (!texts.empty()) {
              size_t variant = 0;
              for (SqlText& t : texts) {
                if (!looks_like_sql(t.text) || reads_as_prose(t.text)) continue;
                SqlSite s;
                s.sql = std::move(t);
                s.host_begin = ts_node_start_byte(node);
                s.variant = variant++;
                out->push_back(std::move(s));
              }
              return false;  // maximal: its pieces are not sites of their own
            }
          }
          return true;
        },
        [](TSNode, uint8_t) {});
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
    for (size_t i = 0; i < kept.size(); ++i)  // the first variant kept leads its site
      if (kept[i].variant && (i == 0 || kept[i - 1].host_begin != kept[i].host_begin)) kept[i].variant = 0;
    out->resize(first);
    for (SqlSite& s : kept) out->push_back(std::move(s));
  }

  /// The tree in document order (flatten_tree), each node with the index past its subtree: the
  /// walks of the whole tree (definitions, wrappers, sites, engines, field values) read it
  /// instead of moving a cursor again, which costs hundreds of instructions a step
  /// (tree-sitter's cursor climbs through hidden nodes at every next sibling).
  static constexpr uint32_t kNoParent = FlatNode::kNoParent;

  /// ts_node_parent(node), from flat_ once it is built: tree-sitter finds a parent by walking
  /// down from the root, hundreds of instructions a level. flat_ is in document order, so nodes
  /// starting where `node` does are found by their start byte.
  TSNode parent_of(TSNode node) const {
    uint32_t start = ts_node_start_byte(node);
    auto it = std::lower_bound(flat_.begin(), flat_.end(), start,
                               [](const FlatNode& f, uint32_t at) { return ts_node_start_byte(f.node) < at; });
    for (; it != flat_.end() && ts_node_start_byte(it->node) == start; ++it)
      if (ts_node_eq(it->node, node)) return it->parent == kNoParent ? TSNode{} : flat_[it->parent].node;
    return ts_node_parent(node);  // not walked yet
  }

  /// walk(in_.root, enter, leave), from flat_ (built by the first call), except at anonymous
  /// leaves (punctuation, keywords), where every walk of the engine does nothing: not entered.
  /// enter and leave take the node and its flags_ (what asked() says of it, asked once).
  template <typename Enter, typename Leave>
  void walk_tree_once(Enter&& enter, Leave&& leave) {
    if (flat_.empty()) {
      flat_.reserve(src_.size() / 6);  // about one node per 3 to 6 bytes of code: a doubling or two at most
      flags_.reserve(flat_.capacity());
      // An anonymous leaf answers nothing, nor does what an opaque string holds: no walk stops there.
      flatten_tree(
          in_.root, &flat_, false,
          [](void* self, TSNode node) {
            Engine& e = *static_cast<Engine*>(self);
            uint8_t f = ts_node_is_named(node) ? static_cast<uint8_t>(kNamed | e.asked(node)) : 0;
            e.flags_.push_back(f);
            if (!(f & kOpaque) || !e.syntax_.opaque(node, e.src_)) return true;
            if (e.check_asked_) e.check_opaque(node);
            return false;
          },
          this);
    }
    std::vector<uint32_t> open;  // entered nodes whose subtree is being walked
    for (uint32_t i = 0, n = static_cast<uint32_t>(flat_.size()); i < n;) {
      while (!open.empty() && flat_[open.back()].end <= i) {
        leave(flat_[open.back()].node, flags_[open.back()]);
        open.pop_back();
      }
      if (enter(flat_[i].node, flags_[i])) {
        open.push_back(i++);
      } else {
        leave(flat_[i].node, flags_[i]);
        i = flat_[i].end;
      }
    }
    for (; !open.empty(); open.pop_back()) leave(flat_[open.back()].node, flags_[open.back()]);
  }

  const ExtractInput& in_;
  std::string_view src_;
  const HostSyntax& syntax_;
  const AskedTable* asked_;  ///< asked_table(syntax_, the tree's grammar)
  bool check_asked_ = checking_asked.load();
  std::vector<FlatNode> flat_;
  std::vector<uint8_t> flags_;  ///< per node of flat_: kNamed | asked(node) for a named node, else 0
  std::vector<Definition> defs_;
  std::vector<Branch> branches_;   ///< of the file's if/else and switch statements, by start
  size_t branch_statements_ = 0;   ///< statements noted in branches_
  std::vector<Memo> memo_;
  std::unordered_map<std::string_view, std::vector<size_t>> by_name_;
  mutable std::unordered_map<std::string_view, bool> list_changed_;  ///< list_changed's answers, by name (views of src_)
  std::vector<Import> imports_;
  /// The relations whose objects render_model_objects wrote into texts since handle_call cleared it.
  std::vector<sql::ChainScope::Relation> models_;
  std::unordered_set<const void*> consumed_;
  std::unordered_set<const void*> fragments_;  ///< values of names a `+` chain uses
  std::unordered_map<std::string_view, std::vector<Function>> functions_;
  std::unordered_map<std::string_view, std::vector<TSNode>> methods_;  ///< by name, every definition
  std::vector<std::unordered_map<size_t, std::optional<SqlText>>> bindings_;  ///< inlined calls' arguments
  std::unordered_set<const void*> inlining_;                                   ///< functions being inlined
  std::vector<std::pair<const void*, size_t>> choice_log_;  ///< choices met: (node, how many texts)
  std::vector<std::string_view> field_log_;                 ///< struct fields read (note_field), in order
  bool quiet_fields_ = false;                               ///< evaluating a string no database call takes
  std::unordered_map<const void*, size_t> selector_;        ///< the variant being evaluated
  /// Per choice, what each of its texts says about itself ("as pkg.F() rewrites it: ..."), for
  /// a finding's note (SqlSite::rewritten).
  std::unordered_map<const void*, std::vector<std::string>> choice_notes_;
  std::vector<std::pair<std::string_view, uint32_t>> pieces_;  ///< names `+` chains and formattings join, where
  /// in_'s, except while the file's own constants are collected (then null).
  const ProjectConstants* project_;
  const std::vector<std::string>* extra_database_calls_;
};

}  // namespace

void check_asked_kinds(bool on) {
  checking_asked = on;
  asked_mismatches = 0;
}

size_t asked_kinds_mismatches() { return asked_mismatches.load(); }

void extract_sites(const ExtractInput& in, const HostSyntax& syntax, std::vector<SqlSite>* out) {
  if (ts_node_is_null(in.root)) return;
  Engine(in, syntax).run(out);
}

}  // namespace schemagate::languages
