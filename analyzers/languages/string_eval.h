// The engine every tree-sitter extractor shares. Host languages build SQL the same few ways —
// literals, `+` chains, interpolation, a constant named elsewhere in the file, a string handed to
// a call like `execute` — and only the grammar's spelling differs. So the engine owns the
// algorithm (evaluate string expressions to SqlText, resolve identifiers to same-file
// definitions, find database calls, keep maximal expressions, dedupe, order by offset) and each
// language file answers a handful of questions about its grammar through HostSyntax.
//
// Identifier resolution is lexical and deliberately small: a use at offset P sees the last
// definition of that name before P in a function that encloses P, else the last file-level
// definition anywhere (a module constant defined below the function that uses it). Functions are
// the only scopes; blocks are not. Parameters define a name with no string, so a parameter named
// like a module constant hides it.
#pragma once
#include <tree_sitter/api.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/language.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::languages {

/// Whether `text`, a string no database call receives, reads as prose rather than SQL (a verb
/// alone, a verb and one word, a sentence): no site (string_eval.cpp).
bool reads_as_prose(std::string_view text);

/// How a node takes part in building a string.
enum class ExprKind {
  kOther,       ///< not a string expression (may contain some)
  kLiteral,     ///< a string or template literal: HostSyntax::append_literal decodes it
  kConcat,      ///< binary `+` with "left" and "right" fields
  kFormat,      ///< Python `"..." % args`: the "left" field is the text
  kSequence,    ///< implicit concatenation: every named child is a literal
  kWrapper,     ///< parentheses, `as const`, `!`: the first named child is the value
  kIdentifier,  ///< a name that may refer to a definition in the file
};

/// One assignment of a name in the file.
struct Definition {
  std::string_view name;
  TSNode value{};          ///< null: the name is defined, but not by an expression (a parameter)
  uint32_t begin = 0;      ///< start of the defining statement; the definition is seen after it
  bool append = false;     ///< `name += value`: the previous definition, then value
  bool empty = false;      ///< an empty string builder (`var b strings.Builder`, `b.Reset()`): ""
  bool list_append = false;  ///< `name.append(value)`: one more element of the list `name`
  // Filled by the engine:
  uint32_t scope_begin = 0;
  uint32_t scope_end = UINT32_MAX;
  bool file_scope = true;
};

/// A call as the engine sees it.
struct Call {
  std::string_view name;          ///< the callee's last name: `cur.execute` -> "execute"
  std::vector<TSNode> arguments;  ///< positional arguments, in order (no comments, no keywords)
  bool tagged = false;            ///< a tagged template: arguments[0] is the template
};

/// A string built from a template and arguments: printf verbs (Go's fmt.Sprintf, Python's
/// `"..." % args`) or braces (Python's str.format). A constant argument's text takes the place
/// of its verb; any other argument is a hole.
struct Formatting {
  TSNode format{};                                          ///< the template
  std::vector<TSNode> args;                                 ///< positional arguments, in order
  std::vector<std::pair<std::string_view, TSNode>> named;  ///< keyword arguments (str.format)
  bool braces = false;                                      ///< {} / {0} / {name}; else %verbs
};

/// A list of strings joined by a separator (Go's strings.Join, Python's " AND ".join([...])).
/// `list` is the list expression or a name of one.
struct Joining {
  TSNode separator{};
  TSNode list{};
};

/// A text with every occurrence of a constant replaced (Go's strings.ReplaceAll(s, old, new)).
struct Replacing {
  TSNode subject{};
  TSNode old{};
  TSNode replacement{};
};

/// What the project's facts tell about a call's callee beyond its name.
enum class Callee {
  kUnknown,          ///< nothing more: its name decides
  kProjectFunction,  ///< a function of one of the project's packages (`testhooks.Get(...)`)
  kOtherApi,         ///< certainly no database call: the standard library's, a prepared statement's method
};

/// A name imported from another module: `import { imported as local } from 'module'`,
/// `from module import imported as local`.
struct Import {
  std::string_view local, module, imported;
};

/// The node kinds, by name, at which the questions the engine asks of every node of a tree can
/// have an answer. The engine asks them only there, knowing a node's kind by its symbol id from a
/// table per grammar (so an alias, or a name several symbols share, counts as node_is counts it);
/// a node of an unknown symbol (ERROR) is asked as before.
struct AskedKinds {
  std::vector<const char*> definitions;  ///< definitions() or imports() may append something
  std::vector<const char*> calls;        ///< call() or call_name() may be true
  std::vector<const char*> strings;      ///< kind() may be kLiteral, kConcat, kFormat or kSequence, or formatting() true
  std::vector<const char*> scopes;       ///< is_scope() is true, exactly there
  std::vector<const char*> opaque = {};  ///< opaque() may be true
  std::vector<const char*> branches = {};  ///< exclusive_branches() may be true
};

/// What a host language tells the engine about its grammar. All methods are pure lookups.
class HostSyntax {
 public:
  virtual ~HostSyntax() = default;
  /// Where the engine's whole-tree walks need to ask (see AskedKinds); null: at every node.
  virtual const AskedKinds* asked_kinds() const { return nullptr; }
  virtual ExprKind kind(TSNode node) const = 0;
  /// For a node of an AskedKinds::opaque kind: true when no node under it answers any question
  /// of the engine's whole-tree walks (a string literal with no interpolation, its quotes,
  /// contents and escapes; `a.b.c`): its descendants are left out of them.
  virtual bool opaque(TSNode node, std::string_view source) const {
    (void)node, (void)source;
    return false;
  }
  /// Appends the decoded text of a kLiteral node; interpolations become holes.
  virtual void append_literal(TSNode node, std::string_view source, sql::SqlText* out) const = 0;
  /// A node that opens a new scope for names (a function).
  virtual bool is_scope(TSNode node) const = 0;
  /// Appends the definitions `node` itself makes (called once for every node).
  virtual void definitions(TSNode node, std::string_view source,
                           std::vector<Definition>* out) const = 0;
  /// True when `node` is a call; fills `out`.
  virtual bool call(TSNode node, std::string_view source, Call* out) const = 0;
  /// call(), the name only: the wrappers' walk reads the arguments of database calls only.
  virtual bool call_name(TSNode node, std::string_view source, std::string_view* name) const {
    Call c;
    if (!call(node, source, &c)) return false;
    *name = c.name;
    return true;
  }
  /// Index of the SQL among a database call's arguments (Go: after ctx and dest).
  virtual size_t sql_argument_index(std::string_view call_name) const {
    (void)call_name;
    return 0;
  }
  /// A value that can never hold SQL (a number, a list, a function): no dynamic site for it.
  virtual bool cannot_be_sql(TSNode node, std::string_view source) const = 0;
  /// Whether the call's argument `at`, where a database call of its name takes its SQL, holds
  /// none by its place in the call (the key of a Get whose first argument is a context: no sqlx
  /// call): told from the call alone, for collect_wrappers (cannot_be_sql says it of the node).
  virtual bool no_sql_at(const Call& call, size_t at, std::string_view source) const {
    (void)call, (void)at, (void)source;
    return false;
  }
  /// A subtree whose strings are another query language (JPQL in JPA's @Query, HQL in
  /// createQuery): neither a site nor searched for sites.
  virtual bool foreign_query(TSNode node, std::string_view source) const {
    (void)node, (void)source;
    return false;
  }
  /// The operands of a kConcat or kFormat node; grammars without "left"/"right" fields override.
  virtual TSNode left(TSNode node) const;
  virtual TSNode right(TSNode node) const;
  /// True when `node` formats a string (see Formatting); fills `out`.
  virtual bool formatting(TSNode node, std::string_view source, Formatting* out) const {
    (void)node, (void)source, (void)out;
    return false;
  }
  /// True when `node` joins a list of strings (see Joining); fills `out`.
  virtual bool joining(TSNode node, std::string_view source, Joining* out) const {
    (void)node, (void)source, (void)out;
    return false;
  }
  /// The expression of each interpolation of a kLiteral node, in order, whose text is spliced
  /// into the string (a null node for one formatted with a spec or conversion). None for a tagged
  /// template: its substitutions are parameters, not text.
  virtual void interpolations(TSNode literal, std::vector<TSNode>* out) const {
    (void)literal, (void)out;
  }
  /// A substitution of a tagged template that may name an object of the code (`${users}`,
  /// `${users.email}`): `var` and `prop` (empty for a lone name) with their offsets; `var` empty
  /// for any other expression.
  struct TagObject {
    std::string_view var, prop;
    uint32_t var_at = 0, prop_at = 0;
  };
  /// For a tagged template: its tag's name and, for each substitution in order, the object it
  /// names (a query builder's tag may write a model's table or column into the text, as
  /// Drizzle's sql`${users.email}` does). False for any other literal.
  virtual bool tag_objects(TSNode literal, std::string_view source, std::string_view* tag,
                           std::vector<TagObject>* out) const {
    (void)literal, (void)source, (void)tag, (void)out;
    return false;
  }
  /// Appends the names `node` imports from other modules (called once for every node).
  virtual void imports(TSNode node, std::string_view source, std::vector<Import>* out) const {
    (void)node, (void)source, (void)out;
  }
  /// For a function node with function_parameters: whether it is a method of a class (Python
  /// `def` in a class body, a JS/TS class method, a Go method with a receiver).
  virtual bool is_method(TSNode fn) const {
    (void)fn;
    return false;
  }
  /// For a function node (is_scope): its name and its parameters in the order callers pass
  /// them (a method's self/receiver left out); false for an anonymous function.
  virtual bool function_parameters(TSNode fn, std::string_view source, std::string_view* name,
                                   std::vector<std::string_view>* params) const {
    (void)fn, (void)source, (void)name, (void)params;
    return false;
  }
  /// function_parameters' answer and name, its parameters not read.
  virtual bool function_name(TSNode fn, std::string_view source, std::string_view* name) const {
    std::vector<std::string_view> params;
    return function_parameters(fn, source, name, &params);
  }
  /// For a function node: the declared type of its parameter `param` ("context.Context"), or ""
  /// when the language does not declare one.
  virtual std::string_view parameter_type(TSNode fn, std::string_view source, std::string_view param) const {
    (void)fn, (void)source, (void)param;
    return {};
  }
  /// `sql.replace(...)`, `sql?.replaceAll(...)`, `sql.strip()`: a string transform of a value
  /// that keeps it a query; returns the value transformed, else a null node.
  virtual TSNode transformed(TSNode node, std::string_view source) const {
    (void)node, (void)source;
    return TSNode{};
  }
  /// True when the other files of a file's directory share its top-level names (Go packages).
  virtual bool package_scope() const { return false; }
  /// True for Python, whose module names are dotted, not paths.
  virtual bool python_modules() const { return false; }
  /// The name a node takes members from (`const { rawQuery } = clickhouse`, `clickhouse.query`),
  /// or a null node: which module a function's database calls come from.
  virtual TSNode member_source(TSNode node) const {
    (void)node;
    return TSNode{};
  }
  /// A choice between two values (`cond ? a : b`, `a if cond else b`): fills both, in order.
  virtual bool alternatives(TSNode node, std::vector<TSNode>* out) const {
    (void)node, (void)out;
    return false;
  }
  /// A statement that runs one of its branches (`if ... else ...`, a switch whose cases do not
  /// fall through): the branches, in order. A name each of two branches assigns has one of the
  /// two values after the statement, never the one appended to the other.
  virtual bool exclusive_branches(TSNode node, std::vector<TSNode>* out) const {
    (void)node, (void)out;
    return false;
  }
  /// A function whose body is an expression (`() => "SELECT 1"`): that expression, else a null
  /// node (its values are then those of its `return_statement`s).
  virtual TSNode expression_body(TSNode fn) const {
    (void)fn;
    return TSNode{};
  }
  /// The CTE names of query builder chains around `node` (`db.with('ancestors', ...)
  /// .selectFrom(...).where(sql\`...\`)`), as the chain and as SQL spell them.
  virtual void enclosing_cte_names(TSNode node, std::string_view source, std::vector<std::string>* out) const {
    (void)node, (void)source, (void)out;
  }
  /// Whether `node`, a tagged template's text, is an expression of a query builder chain around
  /// it rather than a statement; then the chain's relations are written to `out`.
  virtual bool chain_expression(TSNode node, std::string_view source, sql::ChainScope* out) const {
    (void)node, (void)source, (void)out;
    return false;
  }
  /// A call that gives back the text of its operand unchanged (Go's `b.String()` of a
  /// strings.Builder): that operand, else a null node.
  virtual TSNode same_text(TSNode node, std::string_view source) const {
    (void)node, (void)source;
    return TSNode{};
  }
  /// `p.sqlGet`: a read of an unexported struct field whose values the package's files assign
  /// (collected with ExtractInput::field_values): the field's name, else "".
  virtual std::string_view field_read(TSNode node, std::string_view source) const {
    (void)node, (void)source;
    return {};
  }
  /// The values `node` gives unexported struct fields: (name, value) for `T{sqlGet: v}` and
  /// `p.sqlGet = v`; a null value for an assignment whose value is not known (`p.sqlGet, err =
  /// f()`, `p.sqlGet += x`, `&p.sqlGet` handed to a call).
  virtual void field_writes(TSNode node, std::string_view source,
                            std::vector<std::pair<std::string_view, TSNode>>* out) const {
    (void)node, (void)source, (void)out;
  }
  /// True when `node` replaces a constant in a text (see Replacing); fills `out`.
  virtual bool replacing(TSNode node, std::string_view source, Replacing* out) const {
    (void)node, (void)source, (void)out;
    return false;
  }
  /// What the callee of the call `node` is, by the project's facts (Go: go_packages.h). For a
  /// function of a package: the name the package is reached through (`testhooks`, which a local
  /// of that name would hide) in *qualifier, and for the project's own package its directory.
  virtual Callee callee(TSNode node, std::string_view source, const ProjectFacts* facts, TSNode* qualifier,
                        std::string* package_dir) const {
    (void)node, (void)source, (void)facts, (void)qualifier, (void)package_dir;
    return Callee::kUnknown;
  }
  /// `q.GetDBInfo`: a read of a field that a query tool fills with a named query of the
  /// project's query files (goyesql's `query:"get-db-info"` tag): that query's name, else "".
  virtual std::string_view named_query_field(TSNode node, std::string_view source, const ProjectFacts* facts) const {
    (void)node, (void)source, (void)facts;
    return {};
  }
  /// The elements of a list literal (`[a, b]`, `[]string{a, b}`); false if `node` is none.
  virtual bool list_items(TSNode node, std::vector<TSNode>* out) const {
    (void)node, (void)out;
    return false;
  }
};

/// Runs the shared algorithm over `in.root` and appends the sites, in file order.
void extract_sites(const ExtractInput& in, const HostSyntax& syntax, std::vector<SqlSite>* out);

/// For tests: while on, the engine also asks every question HostSyntax::asked_kinds lets it
/// skip and counts the nodes where one had an answer (or a scope or class was told wrong, or
/// a method's function_name differs from its function_parameters, or the flat tree's parent of a
/// node from tree-sitter's); turning it on or off resets
/// the count.
void check_asked_kinds(bool on);
size_t asked_kinds_mismatches();

// Small helpers for the language files.

/// Walks the tree under `root` with one cursor, in document order: `enter(node)` says whether to
/// descend into the node's children, `leave(node)` follows them (for every node entered).
/// Cheaper than recursing with ts_node_named_child, which counts from the first child each time.
template <typename Enter, typename Leave>
void walk_tree(TSNode root, Enter&& enter, Leave&& leave) {
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

/// One node of a tree in document order (flatten_tree).
struct FlatNode {
  TSNode node;
  uint32_t end;     ///< index past the node's subtree
  uint32_t parent;  ///< index of the node's parent, kNoParent for the root
  static constexpr uint32_t kNoParent = UINT32_MAX;
};

/// Appends the nodes walk_tree(root, ...) enters, in its order, each with its subtree's end and
/// its parent. Cheaper than walk_tree: a cursor's step climbs through the hidden nodes around
/// the current one and back (hundreds of instructions a node in Python's trees), while
/// ts_node_child(node, i) steps through node's first i children and is cheap at each. So a node
/// of a few children has them listed with ts_node_child, and only one of many with a cursor
/// (ts_node_child would make their count's square of steps). Without `anonymous_leaves`, the
/// anonymous nodes of no children (punctuation, keywords: a third of a tree) are left out. With
/// `children`, called once for each node listed, in order: a node's descendants are listed only
/// when children(context, node) is true.
void flatten_tree(TSNode root, std::vector<FlatNode>* out, bool anonymous_leaves = true,
                  bool (*children)(void* context, TSNode node) = nullptr, void* context = nullptr);

inline bool node_is(TSNode node, const char* type) {
  if (ts_node_is_null(node)) return false;  // an absent field
  const char* t = ts_node_type(node);
  while (*t && *t == *type) ++t, ++type;
  return *t == *type;
}
inline std::string_view node_text(TSNode node, std::string_view source) {
  if (ts_node_is_null(node)) return {};
  uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
  if (b > source.size() || e > source.size() || e < b) return {};
  return source.substr(b, e - b);
}
/// The id of the field `name` in `language`'s grammar, 0 when it has none. By a table per grammar
/// (and thread): ts_language_field_id_for_name compares the name with the grammar's field names
/// one by one, and the extraction asks for fields at nearly every node.
TSFieldId field_id(const TSLanguage* language, std::string_view name);
inline TSNode field(TSNode node, std::string_view name) {
  if (ts_node_is_null(node)) return node;  // an absent field's field: absent too
  return ts_node_child_by_field_id(node, field_id(ts_tree_language(node.tree), name));
}
/// First named child that is not a comment, or a null node.
TSNode first_named_child(TSNode node);
/// Go: `fn(spec)` for each import_spec of an import_declaration, alone (`import "x"`) or in a
/// list (`import ( "x"; y "z" )`).
/// The children are stepped through with a cursor: ts_node_named_child(list, k) counts from the
/// first child each time (a list of 40 imports, asked at each call of a package's function,
/// was 3 M instructions of a pre-commit run).
template <typename Fn>
void each_go_import_spec(TSNode import_declaration, Fn&& fn) {
  TSTreeCursor cursor = ts_tree_cursor_new(import_declaration);
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more; more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode c = ts_tree_cursor_current_node(&cursor);
    if (node_is(c, "import_spec")) fn(c);
    if (!node_is(c, "import_spec_list")) continue;
    TSTreeCursor specs = ts_tree_cursor_new(c);
    for (bool spec = ts_tree_cursor_goto_first_child(&specs); spec; spec = ts_tree_cursor_goto_next_sibling(&specs))
      if (TSNode s = ts_tree_cursor_current_node(&specs); node_is(s, "import_spec")) fn(s);
    ts_tree_cursor_delete(&specs);
  }
  ts_tree_cursor_delete(&cursor);
}
/// Appends `code_point` encoded as UTF-8.
void append_utf8(uint32_t code_point, std::string* out);
/// Parses up to `max_digits` digits in `base` from text[*i]; advances *i. False if none.
bool parse_digits(std::string_view text, size_t* i, int base, size_t max_digits, uint32_t* value);

/// The escapes C, Go, JavaScript and Python share (\a \b \f \n \r \t \v): true and *decoded
/// set when `e` is one of them.
bool common_escape(char e, std::string* decoded);

/// Appends source[begin, end), a string body, to `out`, every byte mapped to its host offset.
/// A backslash escape is decoded by `escape(text, i, &next, &decoded)`, `text[i]` being the
/// backslash (`next` starts after its letter; the escape advances it past what it consumes); the
/// decoded bytes all map to the backslash. `raw`: no escapes. `doubled_braces`: "{{" and "}}"
/// stand for one brace (Python f-strings).
template <class Escape>
void decode_escaped(std::string_view source, uint32_t begin, uint32_t end, sql::SqlText* out, Escape escape,
                    bool raw = false, bool doubled_braces = false) {
  std::string_view text = source.substr(begin, end - begin);
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    uint32_t at = begin + static_cast<uint32_t>(i);
    if (doubled_braces && (c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out->append_from(std::string_view(&text[i], 1), at);
      i += 2;
      continue;
    }
    if (c != '\\' || raw || i + 1 >= text.size()) {
      out->append_verbatim(text.substr(i, 1), at);
      ++i;
      continue;
    }
    size_t next = i + 2;
    std::string decoded;
    escape(text, i, &next, &decoded);
    out->append_from(decoded, at);
    i = next;
  }
}

}  // namespace schemagate::languages
