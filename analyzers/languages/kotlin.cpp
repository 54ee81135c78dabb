// Kotlin. The same JVM libraries as Java (JDBC, JdbcTemplate, jOOQ, Spring Data @Query, MyBatis
// annotations) plus Exposed's `exec("...")`. Strings are "..." and raw """...""" literals with
// $name / ${expr} templates (holes), usually `.trimIndent()`ed (a wrapper: the text is the
// same SQL); definitions are `val`/`var`/`const val` properties at any level, `=` and `+=`.
//
// The grammar (fwcd's tree-sitter-kotlin) has no field names: operands are named children by
// position, and a trailing lambda makes an outer call_expression around the real call.
// JPQL (@Query without nativeQuery, createQuery) is skipped as in Java.
#include <cstring>

#include "analyzers/languages/kind_set.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {

void mybatis_holes(sql::SqlText* text);  // java.cpp

namespace {

using sql::SqlText;

void decode(std::string_view source, uint32_t begin, uint32_t end, SqlText* out, bool raw) {
  decode_escaped(source, begin, end, out, [](std::string_view text, size_t i, size_t* j, std::string* decoded) {
    char e = text[i + 1];
    uint32_t value = 0;
    if (common_escape(e, decoded)) return;
    if (e == 'u') {
      if (parse_digits(text, j, 16, 4, &value)) append_utf8(value, decoded);
      else *decoded = text.substr(i, 2);
    } else {
      *decoded = e;  // \" \' \\ \$
    }
  }, raw);
}

/// The n-th named child that is not a comment.
TSNode named(TSNode node, uint32_t n) {
  if (ts_node_is_null(node)) return TSNode{};
  uint32_t count = ts_node_named_child_count(node), k = 0;
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(node, i);
    if (node_is(c, "comment") || node_is(c, "line_comment") || node_is(c, "multiline_comment")) continue;
    if (k++ == n) return c;
  }
  return TSNode{};
}

/// The first anonymous token of `node` among `tokens`, as its text, or "".
std::string_view operator_of(TSNode node) {
  if (ts_node_is_null(node)) return {};
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_child(node, i);
    if (!ts_node_is_named(c)) return ts_node_type(c);
  }
  return {};
}

/// The named child right after the anonymous token `token`, or a null node.
TSNode after_token(TSNode node, const char* token) {
  if (ts_node_is_null(node)) return TSNode{};
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i + 1 < n; ++i) {
    TSNode c = ts_node_child(node, i);
    if (!ts_node_is_named(c) && !std::strcmp(ts_node_type(c), token)) {
      for (uint32_t k = i + 1; k < n; ++k)
        if (ts_node_is_named(ts_node_child(node, k))) return ts_node_child(node, k);
    }
  }
  return TSNode{};
}

bool is_text_method(std::string_view m) {
  return m == "trimIndent" || m == "trimMargin" || m == "trim" || m == "replaceIndent";
}

class KotlinSyntax final : public HostSyntax {
 public:
  explicit KotlinSyntax(std::string_view source)
      : source_(source), jdbc_query_(source.find("org.springframework.data.jdbc") != std::string_view::npos) {}

  ExprKind kind(TSNode node) const override {
    const char* t = ts_node_type(node);
    if (!std::strcmp(t, "string_literal")) return ExprKind::kLiteral;
    if (!std::strcmp(t, "simple_identifier") || !std::strcmp(t, "interpolated_identifier")) return ExprKind::kIdentifier;
    if (!std::strcmp(t, "parenthesized_expression")) return ExprKind::kWrapper;
    if (!std::strcmp(t, "additive_expression") && operator_of(node) == "+") return ExprKind::kConcat;
    if (!std::strcmp(t, "navigation_expression") && is_text_method(suffix_name(node)))
      return ExprKind::kWrapper;
    if (!std::strcmp(t, "call_expression")) {
      TSNode callee = named(node, 0), suffix = named(node, 1);
      TSNode args = named(suffix, 0);
      if (node_is(callee, "navigation_expression") && is_text_method(suffix_name(callee)) &&
          node_is(args, "value_arguments") && ts_node_named_child_count(args) == 0)
        return ExprKind::kWrapper;
    }
    return ExprKind::kOther;
  }

  TSNode left(TSNode node) const override { return named(node, 0); }
  TSNode right(TSNode node) const override { return named(node, 1); }

  void append_literal(TSNode node, std::string_view source, SqlText* out) const override {
    bool raw = node_text(node, source).starts_with("\"\"\"");
    SqlText text;
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      uint32_t b = ts_node_start_byte(c), e = ts_node_end_byte(c);
      if (node_is(c, "string_content")) decode(source, b, e, &text, raw);
      else text.append_hole(b);  // $name, ${expr}
    }
    mybatis_holes(&text);
    out->append(text);
  }

  /// `"$select $from"`, `"${part}"`: the value of each template spliced into the text (one the
  /// engine cannot tell stays a hole).
  void interpolations(TSNode literal, std::vector<TSNode>* out) const override {
    uint32_t n = ts_node_named_child_count(literal);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(literal, i);
      if (node_is(c, "interpolated_identifier")) out->push_back(c);
      else if (node_is(c, "interpolated_expression")) out->push_back(named(c, 0));
    }
  }

  bool is_scope(TSNode node) const override {
    static const KindSet kScopes{"function_declaration", "lambda_literal", "anonymous_function",
                                 "secondary_constructor"};
    return kScopes.has(node);
  }

  void definitions(TSNode node, std::string_view source,
                   std::vector<Definition>* out) const override {
    const char* t = ts_node_type(node);
    uint32_t begin = ts_node_start_byte(node);
    if (!std::strcmp(t, "property_declaration")) {
      TSNode decl{};
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n && ts_node_is_null(decl); ++i)
        if (node_is(ts_node_named_child(node, i), "variable_declaration")) decl = ts_node_named_child(node, i);
      if (ts_node_is_null(decl)) return;
      define(named(decl, 0), after_token(node, "="), begin, false, source, out);
    } else if (!std::strcmp(t, "assignment")) {
      TSNode target = named(named(node, 0), 0);
      std::string_view op = operator_of(node);
      bool plus = op == "+=";
      define(target, plus || op == "=" ? named(node, 1) : TSNode{}, begin, plus, source, out);
    } else if (!std::strcmp(t, "parameter") || !std::strcmp(t, "class_parameter")) {
      TSNode name{};
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n && ts_node_is_null(name); ++i)
        if (node_is(ts_node_named_child(node, i), "simple_identifier")) name = ts_node_named_child(node, i);
      define(name, TSNode{}, begin, false, source, out);
    } else if (!std::strcmp(t, "lambda_parameters")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        if (node_is(c, "variable_declaration")) define(named(c, 0), TSNode{}, begin, false, source, out);
      }
    }
  }

  bool call(TSNode node, std::string_view source, Call* out) const override {
    if (node_is(node, "annotation")) {
      TSNode inv = named(node, 0);
      if (node_is(inv, "use_site_target")) inv = named(node, 1);
      if (!node_is(inv, "constructor_invocation")) return false;
      out->name = type_name(named(inv, 0), source);
      TSNode args = named(inv, 1);
      TSNode positional{}, value{};
      uint32_t n = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode a = ts_node_named_child(args, i);
        if (!node_is(a, "value_argument")) continue;
        std::string_view key = argument_name(a, source);
        if (key.empty() && ts_node_is_null(positional)) positional = last_named(a);
        if (key == (out->name == "NamedNativeQuery" ? "query" : "value")) value = last_named(a);
      }
      if (ts_node_is_null(value)) value = positional;
      if (!ts_node_is_null(value)) out->arguments.push_back(value);
      return true;
    }
    if (!node_is(node, "call_expression")) return false;
    TSNode callee = named(node, 0), suffix = named(node, 1);
    if (node_is(callee, "simple_identifier")) out->name = node_text(callee, source);
    else if (node_is(callee, "navigation_expression")) out->name = suffix_name(callee);
    // else: a call of a call (a trailing lambda after the arguments): the inner call is the one.
    TSNode args = named(suffix, 0);
    if (!node_is(args, "value_arguments")) return true;
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (!node_is(a, "value_argument")) continue;
      // kotliquery's queryOf(paramMap = m, statement = q): the statement is its SQL, wherever written.
      if (out->name == "queryOf" && argument_name(a, source) == "statement") out->arguments.insert(out->arguments.begin(), last_named(a));
      else out->arguments.push_back(last_named(a));
    }
    return true;
  }

  bool cannot_be_sql(TSNode node, std::string_view source) const override {
    (void)source;
    static constexpr const char* kTypes[] = {
        "integer_literal", "long_literal", "hex_literal", "bin_literal", "real_literal",
        "boolean_literal", "character_literal", "null", "lambda_literal", "anonymous_function",
        "callable_reference", "collection_literal", "object_literal", "this_expression",
        "annotated_lambda"};
    for (const char* t : kTypes)
      if (node_is(node, t)) return true;
    return false;
  }

  bool foreign_query(TSNode node, std::string_view source) const override {
    if (node_is(node, "call_expression")) {
      TSNode callee = named(node, 0);
      std::string_view name = node_is(callee, "navigation_expression") ? suffix_name(callee)
                              : node_is(callee, "simple_identifier") ? node_text(callee, source)
                                                                     : std::string_view{};
      return name == "createQuery" || name == "createNamedQuery";
    }
    if (!node_is(node, "annotation")) return false;
    Call c;
    if (!call(node, source, &c)) return false;
    if (c.name == "NamedQuery") return true;
    if (c.name != "Query" || jdbc_query_) return false;
    TSNode inv = named(node, 0);
    if (node_is(inv, "use_site_target")) inv = named(node, 1);
    TSNode args = named(inv, 1);
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (argument_name(a, source) == "nativeQuery") return node_text(last_named(a), source) != "true";
    }
    return true;
  }

 private:
  std::string_view suffix_name(TSNode nav) const {
    TSNode suffix = named(nav, 1);
    return node_text(named(suffix, 0), source_);
  }
  static std::string_view type_name(TSNode user_type, std::string_view source) {
    uint32_t n = ts_node_named_child_count(user_type);
    TSNode last = n ? ts_node_named_child(user_type, n - 1) : TSNode{};
    if (node_is(last, "type_arguments") && n > 1) last = ts_node_named_child(user_type, n - 2);
    return node_text(last, source);
  }
  static TSNode last_named(TSNode node) {
    if (ts_node_is_null(node)) return TSNode{};
    uint32_t n = ts_node_named_child_count(node);
    return n ? ts_node_named_child(node, n - 1) : TSNode{};
  }
  /// `name` of a `name = value` argument, or "".
  static std::string_view argument_name(TSNode arg, std::string_view source) {
    TSNode first = named(arg, 0);
    if (ts_node_named_child_count(arg) >= 2 && node_is(first, "simple_identifier") &&
        !ts_node_is_null(after_token(arg, "=")))
      return node_text(first, source);
    return {};
  }
  static void define(TSNode name, TSNode value, uint32_t begin, bool append,
                     std::string_view source, std::vector<Definition>* out) {
    if (ts_node_is_null(name) || !node_is(name, "simple_identifier")) return;
    out->push_back(Definition{node_text(name, source), value, begin, append});
  }

  std::string_view source_;
  bool jdbc_query_;
};

}  // namespace

void extract_kotlin(const ExtractInput& in, std::vector<SqlSite>* out) {
  KotlinSyntax syntax(in.source);
  extract_sites(in, syntax, out);
}

}  // namespace schemagate::languages
