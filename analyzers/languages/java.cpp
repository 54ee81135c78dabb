// Java. JDBC, Spring's JdbcTemplate / NamedParameterJdbcTemplate / JdbcClient, jOOQ's plain-SQL
// API and JPA's createNativeQuery take SQL as a string argument; Spring Data and MyBatis put it
// in an annotation (@Query(value = "...", nativeQuery = true), @Select({"...", "..."})). Both
// reach the engine as calls: an annotation is a "call" named like the annotation whose argument
// is its `value` (or its lone positional element). Strings are "..." literals and text blocks
// ("""), glued with `+`; names resolve to fields (`static final String` constants anywhere in
// the file) and locals.
//
// JPQL/HQL is not SQL: it names entities, not tables. Spring Data JPA's @Query without
// nativeQuery = true, @NamedQuery and EntityManager.createQuery hold JPQL, so they are skipped
// whole (foreign_query). Spring Data JDBC's @Query is SQL; a file importing
// org.springframework.data.jdbc gets its @Query read as SQL. JDBI's Handle.createQuery takes SQL
// too: in a file that uses JDBI (org.jdbi, or a Jdbi helper) and imports no JPA or Hibernate,
// createQuery is SQL. npjt (ch.digitalfondue.npjt) puts SQL in @Query too, and a method's
// @QueryOverride(db = DB.PGSQL, value = "...") replaces it on PostgreSQL: then the override is
// the site, and the overrides for other engines are not PostgreSQL's.
//
// MyBatis parameters #{name} and substitutions ${name} become holes; `?` and `:name` are left
// to placeholder normalisation like in every language.
#include <algorithm>
#include <cstring>

#include "analyzers/languages/kind_set.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {
namespace {

using sql::SqlText;

/// Java escapes: the C ones, \s (space), octal, \uXXXX, and in text blocks a backslash before a
/// line break joins the lines.
void decode(std::string_view source, uint32_t begin, uint32_t end, SqlText* out) {
  decode_escaped(source, begin, end, out, [](std::string_view text, size_t i, size_t* j, std::string* decoded) {
    char e = text[i + 1];
    uint32_t value = 0;
    if (common_escape(e, decoded)) return;
    if (e == 's') {
      *decoded = " ";
    } else if (e == '\n') {
      decoded->clear();
    } else if (e == '\r') {
      if (*j < text.size() && text[*j] == '\n') ++*j;
      decoded->clear();
    } else if (e == 'u') {
      while (*j < text.size() && text[*j] == 'u') ++*j;  // \uuuu0041 is legal
      if (parse_digits(text, j, 16, 4, &value)) append_utf8(value, decoded);
      else *decoded = text.substr(i, 2);
    } else if (e >= '0' && e <= '7') {
      *j = i + 1;
      parse_digits(text, j, 8, e <= '3' ? 3 : 2, &value);
      *decoded = static_cast<char>(value & 0xFF);
    } else {
      *decoded = e;  // quote, apostrophe, backslash
    }
  });
}

}  // namespace

/// Replaces MyBatis `#{...}` and `${...}` in `text` by one hole each (shared with Kotlin).
void mybatis_holes(SqlText* text) {
  if (text->text.find('{') == std::string::npos) return;
  SqlText out;
  const std::string& s = text->text;
  size_t i = 0;
  while (i < s.size()) {
    if ((s[i] == '#' || s[i] == '$') && i + 1 < s.size() && s[i + 1] == '{') {
      size_t close = s.find('}', i + 2);
      if (close != std::string::npos) {
        out.append_hole(text->origin[i]);
        i = close + 1;
        continue;
      }
    }
    out.text.push_back(s[i]);
    out.origin.push_back(text->origin[i]);
    ++i;
  }
  *text = std::move(out);
}

namespace {

/// The value of `name = ...` in an annotation's argument list, or a null node.
TSNode annotation_pair(TSNode args, std::string_view source, std::string_view name) {
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(args, i);
    if (node_is(c, "element_value_pair") && node_text(field(c, "key"), source) == name)
      return field(c, "value");
  }
  return TSNode{};
}

std::string_view last_name(std::string_view qualified) {
  size_t dot = qualified.find_last_of('.');
  return dot == std::string_view::npos ? qualified : qualified.substr(dot + 1);
}

class JavaSyntax final : public HostSyntax {
 public:
  explicit JavaSyntax(std::string_view source)
      : source_(source),
        jdbc_query_(source.find("org.springframework.data.jdbc") != std::string_view::npos ||
                    source.find("ch.digitalfondue.npjt") != std::string_view::npos),
        npjt_(source.find("ch.digitalfondue.npjt") != std::string_view::npos),
        jdbi_query_(source.find("Jdbi") != std::string_view::npos || source.find("org.jdbi") != std::string_view::npos) {
    for (std::string_view jpa : {"javax.persistence", "jakarta.persistence", "org.hibernate"})
      if (source.find(jpa) != std::string_view::npos) jdbi_query_ = false;
  }

  ExprKind kind(TSNode node) const override {
    const char* t = ts_node_type(node);
    if (!std::strcmp(t, "string_literal")) return ExprKind::kLiteral;
    // An array of strings is one text (@Select({"...", "..."})); an array of annotations
    // (npjt's @QueriesOverride({@QueryOverride(...), ...})) holds calls of their own.
    if (!std::strcmp(t, "element_value_array_initializer"))
      return node_is(first_named_child(node), "annotation") ? ExprKind::kOther : ExprKind::kLiteral;
    if (!std::strcmp(t, "identifier")) return ExprKind::kIdentifier;
    if (!std::strcmp(t, "parenthesized_expression")) return ExprKind::kWrapper;
    if (!std::strcmp(t, "binary_expression") && node_is(field(node, "operator"), "+"))
      return ExprKind::kConcat;
    if (!std::strcmp(t, "method_invocation") && !ts_node_is_null(format_text(node))) return ExprKind::kFormat;
    return ExprKind::kOther;
  }

  /// String.format(fmt, ...) and fmt.formatted(...): the format string is the text, its %s
  /// placeholders parameters.
  TSNode left(TSNode node) const override {
    if (node_is(node, "method_invocation")) return format_text(node);
    return HostSyntax::left(node);
  }

  void append_literal(TSNode node, std::string_view source, SqlText* out) const override {
    SqlText text;
    if (node_is(node, "element_value_array_initializer")) {
      // MyBatis joins the strings of @Select({"SELECT *", "FROM t"}) with a space.
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        if (!node_is(c, "string_literal")) continue;
        if (!text.empty()) text.append_from(" ", ts_node_start_byte(c));
        append_string(c, source, &text);
      }
    } else {
      append_string(node, source, &text);
    }
    mybatis_holes(&text);
    out->append(text);
  }

  bool is_scope(TSNode node) const override {
    static const KindSet kScopes{"method_declaration", "constructor_declaration", "lambda_expression",
                                 "compact_constructor_declaration"};
    return kScopes.has(node);
  }

  void definitions(TSNode node, std::string_view source,
                   std::vector<Definition>* out) const override {
    const char* t = ts_node_type(node);
    uint32_t begin = ts_node_start_byte(node);
    if (!std::strcmp(t, "variable_declarator")) {
      define(field(node, "name"), field(node, "value"), begin, false, source, out);
    } else if (!std::strcmp(t, "assignment_expression")) {
      TSNode op = field(node, "operator");
      bool plus = node_is(op, "+=");
      if (plus || node_is(op, "="))
        define(field(node, "left"), field(node, "right"), begin, plus, source, out);
      else
        define(field(node, "left"), TSNode{}, begin, false, source, out);
    } else if (!std::strcmp(t, "formal_parameter") || !std::strcmp(t, "spread_parameter") ||
               !std::strcmp(t, "catch_formal_parameter")) {
      TSNode name = field(node, "name");
      if (ts_node_is_null(name)) {  // spread_parameter: the declarator holds the name
        uint32_t n = ts_node_named_child_count(node);
        for (uint32_t i = 0; i < n && ts_node_is_null(name); ++i) {
          TSNode c = ts_node_named_child(node, i);
          if (node_is(c, "variable_declarator")) name = field(c, "name");
        }
      }
      define(name, TSNode{}, begin, false, source, out);
    }
  }

  bool call(TSNode node, std::string_view source, Call* out) const override {
    if (node_is(node, "method_invocation")) {
      out->name = node_text(field(node, "name"), source);
      TSNode args = field(node, "arguments");
      uint32_t n = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode a = ts_node_named_child(args, i);
        if (!node_is(a, "line_comment") && !node_is(a, "block_comment")) out->arguments.push_back(a);
      }
      return true;
    }
    if (!node_is(node, "annotation")) return false;
    std::string_view name = last_name(node_text(field(node, "name"), source));
    TSNode args = field(node, "arguments");
    TSNode value{};
    if (name == "NamedNativeQuery") {
      value = annotation_pair(args, source, "query");
    } else {
      value = annotation_pair(args, source, "value");
      if (ts_node_is_null(value)) {
        TSNode first = first_named_child(args);
        if (!ts_node_is_null(first) && !node_is(first, "element_value_pair")) value = first;
      }
    }
    out->name = name;
    if (!ts_node_is_null(value)) out->arguments.push_back(value);
    return true;
  }

  bool cannot_be_sql(TSNode node, std::string_view source) const override {
    (void)source;
    static constexpr const char* kTypes[] = {
        "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
        "binary_integer_literal", "decimal_floating_point_literal", "hex_floating_point_literal",
        "character_literal", "true", "false", "null_literal", "lambda_expression",
        "method_reference", "object_creation_expression", "array_creation_expression",
        "class_literal", "this", "array_initializer", "unary_expression"};
    for (const char* t : kTypes)
      if (node_is(node, t)) return true;
    // A bean looked up by its class (`context.getBean(Indexer.class)`) is that class.
    if (node_is(node, "method_invocation") && node_text(field(node, "name"), source) == "getBean") {
      TSNode arg = first_named_child(field(node, "arguments"));
      if (node_is(arg, "class_literal") && !may_hold_text(node_text(first_named_child(arg), source))) return true;
    }
    return node_is(node, "identifier") && declared_not_text(node, source);
  }

  bool foreign_query(TSNode node, std::string_view source) const override {
    if (node_is(node, "method_invocation")) {
      std::string_view name = node_text(field(node, "name"), source);
      if (name == "createQuery") return !jdbi_query_;  // JPA / Hibernate: JPQL, HQL; JDBI: SQL
      return name == "createNamedQuery";
    }
    if (!node_is(node, "annotation")) return false;
    std::string_view name = last_name(node_text(field(node, "name"), source));
    if (name == "NamedQuery") return true;
    if (name == "QueryOverride") return !npjt_ || !postgresql_override(node, source);
    if (npjt_ && name == "Query") {
      // A method's @QueryOverride(db = DB.PGSQL) is what runs on PostgreSQL instead.
      TSNode modifiers = ts_node_parent(node);
      return node_is(modifiers, "modifiers") && has_postgresql_override(modifiers, source);
    }
    if (name != "Query" || jdbc_query_) return false;
    TSNode native = annotation_pair(field(node, "arguments"), source, "nativeQuery");
    return ts_node_is_null(native) || node_text(native, source) != "true";
  }

 private:
  /// A type whose value may be SQL text: String and its kin, an inferred or generic type.
  static bool may_hold_text(std::string_view type) {
    for (std::string_view t : {"String", "CharSequence", "var", "Object", "StringBuilder", "StringBuffer"})
      if (type == t || type == "java.lang." + std::string(t)) return true;
    return type.size() == 1;  // a type parameter (T)
  }

  /// `name` is declared in its method (a local, a parameter, a for variable) or, failing that,
  /// as a field of its class, and every such declaration has a type that cannot hold SQL text
  /// (`Worker worker = ...; pool.execute(worker)`, `String[] args`): the argument is no query.
  static bool declared_not_text(TSNode name, std::string_view source) {
    std::string_view wanted = node_text(name, source);
    TSNode scope = ts_node_parent(name), method{}, cls{};
    for (; !ts_node_is_null(scope); scope = ts_node_parent(scope)) {
      if (ts_node_is_null(method) && (node_is(scope, "method_declaration") || node_is(scope, "constructor_declaration") ||
                                      node_is(scope, "lambda_expression")))
        method = scope;
      if (node_is(scope, "class_body") || node_is(scope, "enum_body")) {
        cls = scope;
        break;
      }
    }
    int found = 0;
    bool text = false;
    auto visit = [&](TSNode root, bool fields_only) {
      std::vector<TSNode> todo = {root};
      while (!todo.empty()) {
        TSNode n = todo.back();
        todo.pop_back();
        TSNode type{}, declared{};
        if (node_is(n, "formal_parameter") || node_is(n, "enhanced_for_statement") ||
            node_is(n, "catch_formal_parameter")) {
          type = field(n, "type"), declared = field(n, "name");
        } else if (node_is(n, "inferred_parameters")) {
          for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
            if (node_text(ts_node_named_child(n, i), source) == wanted) ++found, text = true;
        } else if (node_is(n, "spread_parameter")) {  // String... args: an array, never one text
          for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
            TSNode d = ts_node_named_child(n, i);
            if (node_is(d, "variable_declarator") && node_text(field(d, "name"), source) == wanted) ++found;
          }
        } else if (node_is(n, "local_variable_declaration") || node_is(n, "field_declaration")) {
          type = field(n, "type");
          for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
            TSNode d = ts_node_named_child(n, i);
            if (node_is(d, "variable_declarator") && node_text(field(d, "name"), source) == wanted) {
              ++found;
              text = text || ts_node_is_null(type) || may_hold_text(node_text(type, source)) ||
                     !ts_node_is_null(field(d, "dimensions"));
            }
          }
          continue;
        } else if (node_is(n, "lambda_expression") && ts_node_named_child_count(n) > 0 &&
                   node_is(ts_node_named_child(n, 0), "identifier") &&
                   node_text(ts_node_named_child(n, 0), source) == wanted) {
          ++found, text = true;  // x -> ...: inferred
        }
        if (!ts_node_is_null(declared) && node_text(declared, source) == wanted) {
          ++found;
          text = text || ts_node_is_null(type) || may_hold_text(node_text(type, source));
        }
        if (fields_only && (node_is(n, "method_declaration") || node_is(n, "constructor_declaration") ||
                            node_is(n, "class_declaration")) && !ts_node_eq(n, root))
          continue;
        for (uint32_t i = ts_node_named_child_count(n); i > 0; --i) todo.push_back(ts_node_named_child(n, i - 1));
      }
    };
    if (!ts_node_is_null(method)) visit(method, false);
    if (!found && !ts_node_is_null(cls)) visit(cls, true);
    return found > 0 && !text;
  }

  static void append_string(TSNode node, std::string_view source, SqlText* out) {
    uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    std::string_view text = source.substr(begin, end - begin);
    if (text.size() >= 6 && text.starts_with("\"\"\"") && text.ends_with("\"\"\"")) {
      // A text block: the content starts after the line break that follows the opening quotes.
      size_t nl = text.find('\n', 3);
      if (nl == std::string_view::npos || nl > text.size() - 3) return;
      decode(source, begin + static_cast<uint32_t>(nl) + 1, end - 3, out);
      return;
    }
    if (text.size() < 2) return;
    decode(source, begin + 1, end - 1, out);
  }
  static void define(TSNode name, TSNode value, uint32_t begin, bool append,
                     std::string_view source, std::vector<Definition>* out) {
    if (ts_node_is_null(name) || !node_is(name, "identifier")) return;
    out->push_back(Definition{node_text(name, source), value, begin, append});
  }

  TSNode format_text(TSNode call) const {
    std::string_view name = node_text(field(call, "name"), source_);
    TSNode object = field(call, "object");
    if (name == "formatted" && !ts_node_is_null(object)) return object;
    if (name == "format" && node_text(object, source_) == "String")
      return first_named_child(field(call, "arguments"));
    return TSNode{};
  }

  /// npjt's @QueryOverride(db = DB.PGSQL, ...): the statement that runs on PostgreSQL.
  static bool postgresql_override(TSNode annotation, std::string_view source) {
    TSNode db = annotation_pair(field(annotation, "arguments"), source, "db");
    return !ts_node_is_null(db) && last_name(node_text(db, source)) == "PGSQL";
  }
  static bool has_postgresql_override(TSNode n, std::string_view source) {
    if (node_is(n, "annotation") && last_name(node_text(field(n, "name"), source)) == "QueryOverride")
      return postgresql_override(n, source);
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i)
      if (has_postgresql_override(ts_node_named_child(n, i), source)) return true;
    return false;
  }

  std::string_view source_;
  bool jdbc_query_;
  bool npjt_;        ///< npjt's @Query is SQL, with @QueryOverride(db = DB.X, value = "...") per engine
  bool jdbi_query_;  ///< createQuery is JDBI's (SQL), not JPA's (JPQL)
};

}  // namespace

namespace {

/// Marks the sites inside a test assertion that expects an exception (JUnit's assertThrows,
/// AssertJ's assertThatThrownBy and assertThatExceptionOfType(...).isThrownBy): the test runs
/// the statement to see it fail (a relation that does not exist on purpose), so it is no finding.
void mark_expected_failures(const ExtractInput& in, std::vector<SqlSite>* sites, size_t first) {
  if (ts_node_is_null(in.root) || sites->size() == first) return;
  std::vector<TSNode> todo = {in.root};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    if (node_is(n, "method_invocation")) {
      std::string_view name = node_text(field(n, "name"), in.source);
      if (name == "assertThrows" || name == "assertThrowsExactly" || name == "assertThatThrownBy" ||
          name == "isThrownBy") {
        TSNode args = field(n, "arguments");
        uint32_t begin = ts_node_start_byte(args), end = ts_node_end_byte(args);
        uint32_t line = ts_node_start_point(field(n, "name")).row + 1;  // a chain starts lines earlier
        for (size_t i = first; i < sites->size(); ++i) {
          SqlSite& site = (*sites)[i];
          if (site.host_begin >= begin && site.host_begin < end && site.expected_failure.empty())
            site.expected_failure = "run by " + std::string(name) + "() at line " + std::to_string(line) +
                                    ": the test expects it to fail";
        }
      }
    }
    for (uint32_t i = ts_node_named_child_count(n); i > 0; --i) todo.push_back(ts_node_named_child(n, i - 1));
  }
}

}  // namespace

void extract_java(const ExtractInput& in, std::vector<SqlSite>* out) {
  JavaSyntax syntax(in.source);
  size_t first = out->size();
  extract_sites(in, syntax, out);
  mark_expected_failures(in, out, first);
  // In a file of JPA, Hibernate or Spring Data JPA, a string that only looks like SQL (no
  // database call runs it) is JPQL kept in a constant for a JPQL @Query ("select l from Loan
  // l"): it names entities, not tables. SQL there reaches a database call (a native @Query, a
  // createNativeQuery) and stays a site.
  bool jpa = false;
  for (std::string_view import : {"javax.persistence", "jakarta.persistence", "org.hibernate",
                                  "org.springframework.data.jpa"})
    jpa = jpa || in.source.find(import) != std::string_view::npos;
  if (jpa)
    out->erase(std::remove_if(out->begin() + static_cast<long>(first), out->end(),
                              [](const SqlSite& s) { return !s.database_call; }),
               out->end());
}

}  // namespace schemagate::languages
