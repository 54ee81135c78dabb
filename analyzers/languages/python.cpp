// Python. SQL reaches a DB-API cursor, SQLAlchemy's text(), Django's raw(), asyncpg or pandas
// as a string built from literals: quoted in any of four ways with r/b/u/f prefixes, glued by
// implicit concatenation or `+`, formatted with `%` (the driver's %s stay as text; they become
// parameters later) or with f-string fields (holes). The grammar gives a string as string_start
// (prefix and quotes), content and interpolation children; the text between the quotes is
// decoded here rather than from the content nodes, so prefixes decide what an escape means
// (raw strings keep backslashes; bytes have no \u; f-strings turn {{ into {).
#include <cstring>

#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {
namespace {

using sql::SqlText;

struct StringPrefix {
  bool raw = false;
  bool format = false;  // f-string (and t-string): {{ and }} are escaped braces
  bool bytes = false;
};

/// Decodes source[begin, end) of a Python string body.
void decode(std::string_view source, uint32_t begin, uint32_t end, StringPrefix prefix,
            SqlText* out) {
  decode_escaped(source, begin, end, out, [&](std::string_view text, size_t i, size_t* next, std::string* out_decoded) {
    size_t& j = *next;
    std::string& decoded = *out_decoded;
    char e = text[i + 1];
    uint32_t value = 0;
    if (common_escape(e, &decoded)) return;
    switch (e) {
      case '\n': break;  // line continuation
      case '\r': if (j < text.size() && text[j] == '\n') ++j; break;
      case '\\': case '\'': case '"': decoded = e; break;
      case 'x':
        if (parse_digits(text, &j, 16, 2, &value)) {
          if (prefix.bytes) decoded = static_cast<char>(value); else append_utf8(value, &decoded);
        } else {
          decoded = text.substr(i, 2);
        }
        break;
      case 'u': case 'U':
        if (!prefix.bytes && parse_digits(text, &j, 16, e == 'u' ? 4 : 8, &value))
          append_utf8(value, &decoded);
        else
          decoded = text.substr(i, j - i);
        break;
      case 'N': {  // \N{NAME}: no name table here; keep the escape as written
        size_t close = text.find('}', j);
        j = close == std::string_view::npos ? j : close + 1;
        decoded = text.substr(i, j - i);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          j = i + 1;
          parse_digits(text, &j, 8, 3, &value);
          if (prefix.bytes) decoded = static_cast<char>(value & 0xFF); else append_utf8(value, &decoded);
        } else {
          decoded = text.substr(i, 2);  // unknown escapes keep their backslash
        }
    }
  }, prefix.raw, prefix.format);
}

class PythonSyntax final : public HostSyntax {
 public:
  ExprKind kind(TSNode node) const override {
    const char* t = ts_node_type(node);
    if (!std::strcmp(t, "string")) return ExprKind::kLiteral;
    if (!std::strcmp(t, "concatenated_string")) return ExprKind::kSequence;
    if (!std::strcmp(t, "parenthesized_expression")) return ExprKind::kWrapper;
    if (!std::strcmp(t, "identifier")) return ExprKind::kIdentifier;
    if (!std::strcmp(t, "binary_operator")) {
      TSNode op = field(node, "operator");
      if (node_is(op, "+")) return ExprKind::kConcat;
      if (node_is(op, "%")) return ExprKind::kFormat;
    }
    return ExprKind::kOther;
  }

  void append_literal(TSNode node, std::string_view source, SqlText* out) const override {
    uint32_t n = ts_node_child_count(node);
    if (n == 0) return;
    TSNode start = ts_node_child(node, 0);
    StringPrefix prefix;
    for (char c : node_text(start, source)) {
      if (c == 'r' || c == 'R') prefix.raw = true;
      if (c == 'f' || c == 'F' || c == 't' || c == 'T') prefix.format = true;
      if (c == 'b' || c == 'B') prefix.bytes = true;
    }
    uint32_t pos = ts_node_end_byte(start);
    uint32_t end = ts_node_end_byte(node);
    TSNode last = ts_node_child(node, n - 1);
    if (node_is(last, "string_end")) end = ts_node_start_byte(last);
    for (uint32_t i = 1; i < n; ++i) {
      TSNode c = ts_node_child(node, i);
      if (!node_is(c, "interpolation")) continue;
      uint32_t b = ts_node_start_byte(c);
      if (b > pos) decode(source, pos, b, prefix, out);
      out->append_hole(b);
      pos = ts_node_end_byte(c);
    }
    if (end > pos) decode(source, pos, end, prefix, out);
  }

  bool is_scope(TSNode node) const override {
    return node_is(node, "function_definition") || node_is(node, "lambda");
  }

  void definitions(TSNode node, std::string_view source,
                   std::vector<Definition>* out) const override {
    const char* t = ts_node_type(node);
    auto define = [&](TSNode name, TSNode value, uint32_t begin, bool append) {
      if (ts_node_is_null(name) || !node_is(name, "identifier")) return;
      out->push_back(Definition{node_text(name, source), value, begin, append});
    };
    uint32_t begin = ts_node_start_byte(node);
    if (!std::strcmp(t, "assignment")) {
      TSNode right = field(node, "right");
      if (ts_node_is_null(right)) return;  // `x: int`, an annotation only
      if (node_is(right, "assignment")) right = TSNode{};  // a = b = ...: keep it simple
      define(field(node, "left"), right, begin, false);
    } else if (!std::strcmp(t, "augmented_assignment")) {
      bool plus = node_is(field(node, "operator"), "+=");
      define(field(node, "left"), plus ? field(node, "right") : TSNode{}, begin, plus);
    } else if (!std::strcmp(t, "parameters") || !std::strcmp(t, "lambda_parameters")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode p = ts_node_named_child(node, i);
        TSNode name = p;
        if (!node_is(p, "identifier")) {
          name = field(p, "name");
          if (ts_node_is_null(name)) name = first_named_child(p);
          if (!ts_node_is_null(name) && !node_is(name, "identifier")) name = first_named_child(name);
        }
        define(name, TSNode{}, ts_node_start_byte(p), false);
      }
    } else if (!std::strcmp(t, "for_statement") || !std::strcmp(t, "for_in_clause")) {
      define(field(node, "left"), TSNode{}, begin, false);
    }
  }

  bool call(TSNode node, std::string_view source, Call* out) const override {
    if (!node_is(node, "call")) return false;
    TSNode fn = field(node, "function");
    if (node_is(fn, "attribute")) fn = field(fn, "attribute");
    if (!node_is(fn, "identifier")) return false;
    out->name = node_text(fn, source);
    TSNode args = field(node, "arguments");
    if (!node_is(args, "argument_list")) return true;  // f(x for x in y)
    TSNode keyword_sql{};
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (node_is(a, "comment")) continue;
      if (node_is(a, "keyword_argument")) {
        std::string_view k = node_text(field(a, "name"), source);
        if (ts_node_is_null(keyword_sql) &&
            (k == "sql" || k == "query" || k == "statement" || k == "operation" || k == "stmt"))
          keyword_sql = field(a, "value");
        continue;
      }
      out->arguments.push_back(a);
    }
    if (out->arguments.empty() && !ts_node_is_null(keyword_sql))
      out->arguments.push_back(keyword_sql);  // read_sql(sql="...", con=engine)
    return true;
  }

  bool cannot_be_sql(TSNode node) const override {
    static constexpr const char* kTypes[] = {
        "integer", "float", "true", "false", "none", "list", "tuple", "dictionary", "set",
        "lambda", "list_comprehension", "dictionary_comprehension", "set_comprehension",
        "generator_expression"};
    for (const char* t : kTypes)
      if (node_is(node, t)) return true;
    return false;
  }
};

}  // namespace

void extract_python(const ExtractInput& in, std::vector<SqlSite>* out) {
  static const PythonSyntax syntax;
  extract_sites(in, syntax, out);
}

}  // namespace schemagate::languages
