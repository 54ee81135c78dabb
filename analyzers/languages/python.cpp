// Python. SQL reaches a DB-API cursor, SQLAlchemy's text(), Django's raw(), asyncpg or pandas
// as a string built from literals: quoted in any of four ways with r/b/u/f prefixes, glued by
// implicit concatenation or `+`, formatted with `%` (the driver's %s stay as text; they become
// parameters later) or with f-string fields (holes). The grammar gives a string as string_start
// (prefix and quotes), content and interpolation children; the text between the quotes is
// decoded here rather than from the content nodes, so prefixes decide what an escape means
// (raw strings keep backslashes; bytes have no \u; f-strings turn {{ into {).
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzers/languages/python_engine_branches.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {
namespace {

using sql::SqlText;

/// The node kinds this file asks about, asked at nearly every node of a tree: by symbol id from a
/// table per grammar built once over every symbol by name (so an alias, or a name several symbols
/// share, counts as node_is counts it), not by ts_node_type and string compares.
enum class Py : uint8_t {
  kOther, kPercent, kPlus, kPlusAssign, kAliasedImport, kArgumentList, kAssignment, kAttribute,
  kAugmentedAssignment, kBinaryOperator, kBlock, kBooleanOperator, kCall, kClassDefinition, kComment, kComparisonOperator, kConcatenatedString,
  kConditionalExpression, kDecoratedDefinition, kDefaultParameter, kDictionary, kDictionaryComprehension,
  kDictionarySplat, kDictionarySplatPattern, kDottedName, kExpressionStatement, kFalse, kFloat,
  kForInClause, kForStatement, kFunctionDefinition, kGeneratorExpression, kIdentifier,
  kImportFromStatement, kInteger, kInterpolation, kKeywordArgument, kKeywordSeparator, kLambda,
  kLambdaParameters, kList, kListComprehension, kListSplat, kListSplatPattern, kNone, kNotOperator, kParameters,
  kParenthesizedExpression, kParenthesizedListSplat, kPositionalSeparator, kSet, kSetComprehension,
  kString, kStringEnd, kTrue, kTuple, kType, kTypedDefaultParameter, kTypedParameter, kCount
};
constexpr const char* kPyNames[] = {
    nullptr, "%", "+", "+=", "aliased_import", "argument_list", "assignment", "attribute",
    "augmented_assignment", "binary_operator", "block", "boolean_operator", "call", "class_definition", "comment",
    "comparison_operator", "concatenated_string", "conditional_expression", "decorated_definition", "default_parameter",
    "dictionary", "dictionary_comprehension", "dictionary_splat", "dictionary_splat_pattern",
    "dotted_name", "expression_statement", "false", "float", "for_in_clause", "for_statement",
    "function_definition", "generator_expression", "identifier", "import_from_statement", "integer",
    "interpolation", "keyword_argument", "keyword_separator", "lambda", "lambda_parameters", "list",
    "list_comprehension", "list_splat", "list_splat_pattern", "none", "not_operator", "parameters",
    "parenthesized_expression", "parenthesized_list_splat", "positional_separator", "set",
    "set_comprehension", "string", "string_end", "true", "tuple", "type", "typed_default_parameter",
    "typed_parameter"};
static_assert(sizeof(kPyNames) / sizeof(kPyNames[0]) == static_cast<size_t>(Py::kCount));

Py py_by_name(const char* type) {
  for (size_t k = 1; k < static_cast<size_t>(Py::kCount); ++k)
    if (!std::strcmp(type, kPyNames[k])) return static_cast<Py>(k);
  return Py::kOther;
}

/// The kind of each symbol of `language`, by its name.
std::vector<Py> py_kinds(const TSLanguage* language) {
  std::vector<Py> kinds(ts_language_symbol_count(language), Py::kOther);
  for (uint32_t s = 0; s < kinds.size(); ++s)
    if (const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(s))) kinds[s] = py_by_name(name);
  return kinds;
}

/// node_is, as a kind: kOther for a null node (an absent field) and for a kind not listed. The
/// table is the first grammar's asked about: Python's, the only one these nodes come from.
inline Py py(TSNode node) {
  if (!node.id) return Py::kOther;
  static const std::vector<Py> kinds = py_kinds(ts_tree_language(node.tree));
  TSSymbol symbol = ts_node_symbol(node);
  return symbol < kinds.size() ? kinds[symbol] : py_by_name(ts_node_type(node));  // ERROR
}
inline bool is(TSNode node, Py kind) { return py(node) == kind; }

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

/// How one file binds the name `text`: imported from another module than SQLAlchemy's, and the
/// names SQLAlchemy's text is imported under. Read once per file.
struct TextBindings {
  bool foreign = false;
  std::set<std::string, std::less<>> aliases;
};

class PythonSyntax final : public HostSyntax {
 public:
  explicit PythonSyntax(std::string_view source) {
    if (source.find("text") == std::string_view::npos) return;
    std::string_view module = from_module_of(source, "text");
    text_.foreign = !module.empty() && !module.starts_with("sqlalchemy") && !module.starts_with("sqlmodel");
    for (size_t k = source.find("text as "); k != std::string_view::npos; k = source.find("text as ", k + 1)) {
      size_t b = k + 8, e = b;
      while (e < source.size() && (std::isalnum(static_cast<unsigned char>(source[e])) || source[e] == '_')) ++e;
      if (e > b && renames_sqlalchemy_text(source, source.substr(b, e - b))) text_.aliases.insert(std::string(source.substr(b, e - b)));
    }
  }

  ExprKind kind(TSNode node) const override {
    switch (py(node)) {
      case Py::kString: return ExprKind::kLiteral;
      case Py::kConcatenatedString: return ExprKind::kSequence;
      case Py::kParenthesizedExpression: return ExprKind::kWrapper;
      case Py::kIdentifier: return ExprKind::kIdentifier;
      case Py::kBinaryOperator:
        switch (py(field(node, "operator"))) {
          case Py::kPlus: return ExprKind::kConcat;
          case Py::kPercent: return ExprKind::kFormat;
          default: return ExprKind::kOther;
        }
      default: return ExprKind::kOther;
    }
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
    if (is(last, Py::kStringEnd)) end = ts_node_start_byte(last);
    for (uint32_t i = 1; i < n; ++i) {
      TSNode c = ts_node_child(node, i);
      if (!is(c, Py::kInterpolation)) continue;
      uint32_t b = ts_node_start_byte(c);
      if (b > pos) decode(source, pos, b, prefix, out);
      out->append_hole(b);
      pos = ts_node_end_byte(c);
    }
    if (end > pos) decode(source, pos, end, prefix, out);
  }

  const AskedKinds* asked_kinds() const override {
    static const AskedKinds kAsked{
        {"assignment", "augmented_assignment", "expression_statement", "parameters", "lambda_parameters",
         "for_statement", "for_in_clause", "import_from_statement"},
        {"call"},
        {"string", "concatenated_string", "binary_operator", "call"},
        {"function_definition", "lambda"},
        {"string", "attribute", "type", "dotted_name", "typed_parameter", "keyword_argument", "comparison_operator",
         "boolean_operator", "not_operator"},
        {"if_statement"}};
    return &kAsked;
  }

  bool exclusive_branches(TSNode node, std::vector<TSNode>* out) const override {
    // `if a: ... elif b: ... else: ...`: the body, then each elif_clause and else_clause.
    if (!node_is(node, "if_statement")) return false;
    out->push_back(field(node, "consequence"));
    for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (node_is(c, "elif_clause") || node_is(c, "else_clause")) out->push_back(c);
    }
    return out->size() >= 2;
  }

  bool opaque(TSNode node, std::string_view source) const override {
    // Error recovery may put anything anywhere.
    Py t = py(node);
    if (ts_node_has_error(node)) return false;
    std::string_view text = node_text(node, source);
    if (t == Py::kString) return text.find('{') == std::string_view::npos;  // an interpolation opens with '{'
    // Names, dots (`self.store`, `a.b` imported), and the few signs of a type (subscripts and
    // unions: `dict[str, int] | None`), a typed parameter, a keyword argument or a comparison:
    // no string, call, operator a string is built with, comment, lambda (a scope), nor a
    // comprehension (`[x for x in y]` defines x).
    const char* signs;
    switch (t) {
      case Py::kAttribute: case Py::kDottedName: case Py::kBooleanOperator: case Py::kNotOperator: signs = ""; break;
      case Py::kType: signs = "[],|\n"; break;
      case Py::kTypedParameter: signs = "[],|\n:"; break;
      case Py::kKeywordArgument: signs = "="; break;
      case Py::kComparisonOperator: signs = "=!<>"; break;
      default: return false;
    }
    auto word_char = [](char c) {  // ASCII: a byte of a non-ASCII name keeps its node walked
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (word_char(c)) {
        if ((c != 'f' && c != 'l') || (i > 0 && word_char(text[i - 1]))) continue;
      } else if (c != '.' && c != ' ' && !(c && std::strchr(signs, c))) {
        return false;
      } else {
        continue;
      }
      for (std::string_view word : {"for", "lambda"})  // a word that starts here
        if (text.substr(i, word.size()) == word && (i + word.size() == text.size() || !word_char(text[i + word.size()])))
          return false;
    }
    return true;
  }

  bool is_scope(TSNode node) const override {
    Py t = py(node);
    return t == Py::kFunctionDefinition || t == Py::kLambda;
  }

  void definitions(TSNode node, std::string_view source,
                   std::vector<Definition>* out) const override {
    Py t = py(node);
    auto define = [&](TSNode name, TSNode value, uint32_t begin, bool append) {
      if (ts_node_is_null(name) || !is(name, Py::kIdentifier)) return;
      out->push_back(Definition{node_text(name, source), value, begin, append});
    };
    uint32_t begin = ts_node_start_byte(node);
    if (t == Py::kAssignment) {
      TSNode right = field(node, "right");
      if (ts_node_is_null(right)) return;  // `x: int`, an annotation only
      if (is(right, Py::kAssignment)) right = TSNode{};  // a = b = ...: keep it simple
      define(field(node, "left"), right, begin, false);
    } else if (t == Py::kAugmentedAssignment) {
      bool plus = is(field(node, "operator"), Py::kPlusAssign);
      define(field(node, "left"), plus ? field(node, "right") : TSNode{}, begin, plus);
    } else if (t == Py::kExpressionStatement) {
      // parts.append("status = %s"): one more element for " AND ".join(parts). Read at the
      // statement, not at the call (whose parent tree-sitter finds by walking down from the root).
      // Most statements are calls of other methods: `append` is in the text of one that defines.
      if (node_text(node, source).find("append") == std::string_view::npos) return;
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode call = ts_node_named_child(node, i);
        if (!is(call, Py::kCall)) continue;
        TSNode fn = field(call, "function"), args = field(call, "arguments");
        if (is(fn, Py::kAttribute) && node_text(field(fn, "attribute"), source) == "append" &&
            is(field(fn, "object"), Py::kIdentifier) && is(args, Py::kArgumentList) &&
            ts_node_named_child_count(args) == 1) {
          Definition d{node_text(field(fn, "object"), source), ts_node_named_child(args, 0), ts_node_start_byte(call), false};
          d.list_append = true;
          out->push_back(d);
        }
      }
    } else if (t == Py::kParameters || t == Py::kLambdaParameters) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode p = ts_node_named_child(node, i);
        TSNode name = p;
        if (!is(p, Py::kIdentifier)) {
          name = field(p, "name");
          if (ts_node_is_null(name)) name = first_named_child(p);
          if (!ts_node_is_null(name) && !is(name, Py::kIdentifier)) name = first_named_child(name);
        }
        define(name, TSNode{}, ts_node_start_byte(p), false);
      }
    } else if (t == Py::kForStatement || t == Py::kForInClause) {
      define(field(node, "left"), TSNode{}, begin, false);
    }
  }

  bool call_name(TSNode node, std::string_view source, std::string_view* name) const override {
    if (!is(node, Py::kCall)) return false;
    TSNode fn = field(node, "function");
    bool bare = is(fn, Py::kIdentifier);
    if (!bare && is(fn, Py::kAttribute)) fn = field(fn, "attribute");
    if (!bare && !is(fn, Py::kIdentifier)) return false;
    *name = node_text(fn, source);
    // text() of an HTML builder (`from tagflow import tag, text`; polar's back office renders
    // labels with it): no SQL is passed to it. `from sqlalchemy import text as sql_text` (beside
    // such a text): SQLAlchemy's text().
    if (bare) {
      if (*name == "text" && text_.foreign) return false;
      if (*name != "text" && text_.aliases.count(*name)) *name = "text";
    }
    return true;
  }

  bool call(TSNode node, std::string_view source, Call* out) const override {
    if (!call_name(node, source, &out->name)) return false;
    TSNode args = field(node, "arguments");
    if (!is(args, Py::kArgumentList)) return true;  // f(x for x in y)
    TSNode keyword_sql{};
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (is(a, Py::kComment)) continue;
      if (is(a, Py::kKeywordArgument)) {
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

  void interpolations(TSNode literal, std::vector<TSNode>* out) const override {
    if (!is(literal, Py::kString)) return;
    uint32_t n = ts_node_child_count(literal);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_child(literal, i);
      if (!is(c, Py::kInterpolation)) continue;
      // f"{x!r}" / f"{x:>10}": not the plain text of x.
      bool plain = ts_node_is_null(field(c, "type_conversion")) && ts_node_is_null(field(c, "format_specifier"));
      out->push_back(plain ? field(c, "expression") : TSNode{});
    }
  }

  void imports(TSNode node, std::string_view source, std::vector<Import>* out) const override {
    if (!is(node, Py::kImportFromStatement)) return;
    std::string_view module = node_text(field(node, "module_name"), source);
    if (module.empty()) return;
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (ts_node_eq(c, field(node, "module_name"))) continue;
      if (is(c, Py::kDottedName)) {
        std::string_view name = node_text(c, source);
        out->push_back({name, module, name});
      } else if (is(c, Py::kAliasedImport)) {
        out->push_back({node_text(field(c, "alias"), source), module, node_text(field(c, "name"), source)});
      }
    }
  }

  bool python_modules() const override { return true; }

  bool alternatives(TSNode node, std::vector<TSNode>* out) const override {
    // `a if cond else b`: the named children are a, cond, b.
    if (!is(node, Py::kConditionalExpression) || ts_node_named_child_count(node) != 3) return false;
    out->push_back(ts_node_named_child(node, 0));
    out->push_back(ts_node_named_child(node, 2));
    return true;
  }

  bool function_parameters(TSNode fn, std::string_view source, std::string_view* name,
                           std::vector<std::string_view>* params) const override {
    if (!is(fn, Py::kFunctionDefinition)) return false;
    *name = node_text(field(fn, "name"), source);
    TSNode list = field(fn, "parameters");
    uint32_t n = ts_node_named_child_count(list);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode p = ts_node_named_child(list, i);
      if (is(p, Py::kComment)) continue;
      // Past *args or a bare *, parameters are keyword-only: no position.
      if (is(p, Py::kListSplatPattern) || is(p, Py::kDictionarySplatPattern) ||
          is(p, Py::kKeywordSeparator) || is(p, Py::kPositionalSeparator))
        break;
      TSNode id = p;
      if (is(p, Py::kDefaultParameter) || is(p, Py::kTypedDefaultParameter)) id = field(p, "name");
      else if (is(p, Py::kTypedParameter)) id = first_named_child(p);
      TSNode type = field(p, "type");  // annotated as something else than a string: not SQL
      if (!ts_node_is_null(type) && node_text(type, source).find("str") == std::string_view::npos) id = TSNode{};
      params->push_back(is(id, Py::kIdentifier) ? node_text(id, source) : std::string_view());
    }
    // A method's callers do not pass self (cls). Its parents are asked last (tree-sitter walks
    // down from the root), only for a first parameter of that name.
    if (!params->empty() && (params->front() == "self" || params->front() == "cls")) {
      TSNode body = ts_node_parent(fn);
      if (is(body, Py::kDecoratedDefinition)) body = ts_node_parent(body);
      if (is(body, Py::kBlock) && is(ts_node_parent(body), Py::kClassDefinition)) params->erase(params->begin());
    }
    return !name->empty();
  }

  bool function_name(TSNode fn, std::string_view source, std::string_view* name) const override {
    if (!is(fn, Py::kFunctionDefinition)) return false;
    *name = node_text(field(fn, "name"), source);
    return !name->empty();
  }

  bool is_method(TSNode fn) const override {
    // Only a `def` is one; its parents are asked last (tree-sitter walks down from the root).
    if (!is(fn, Py::kFunctionDefinition)) return false;
    TSNode body = ts_node_parent(fn);
    if (is(body, Py::kDecoratedDefinition)) body = ts_node_parent(body);
    return is(body, Py::kBlock) && is(ts_node_parent(body), Py::kClassDefinition);
  }

  TSNode transformed(TSNode node, std::string_view source) const override {
    if (!is(node, Py::kCall)) return TSNode{};
    TSNode fn = field(node, "function");
    if (!is(fn, Py::kAttribute)) return TSNode{};
    std::string_view method = node_text(field(fn, "attribute"), source);
    if (method == "strip" || method == "rstrip" || method == "lstrip" || method == "replace")
      return field(fn, "object");
    return TSNode{};
  }

  bool formatting(TSNode node, std::string_view source, Formatting* out) const override {
    Py t = py(node);
    if (t != Py::kBinaryOperator && t != Py::kCall) return false;
    if (t == Py::kBinaryOperator) {  // "..." % args
      if (!is(field(node, "operator"), Py::kPercent)) return false;
      out->format = field(node, "left");
      TSNode right = field(node, "right");
      if (is(right, Py::kDictionary)) return true;  // %(name)s: holes
      if (is(right, Py::kTuple)) return items(right, &out->args);
      if (is(right, Py::kParenthesizedExpression)) right = first_named_child(right);
      out->args.push_back(right);
      return true;
    }
    TSNode object;
    if (!method_call(node, source, "format", &object)) return false;
    out->format = object;
    out->braces = true;
    TSNode args = field(node, "arguments");
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (is(a, Py::kComment)) continue;
      if (is(a, Py::kListSplat) || is(a, Py::kDictionarySplat)) return false;
      if (is(a, Py::kKeywordArgument)) out->named.emplace_back(node_text(field(a, "name"), source), field(a, "value"));
      else out->args.push_back(a);
    }
    return true;
  }

  bool joining(TSNode node, std::string_view source, Joining* out) const override {
    TSNode object;
    if (!method_call(node, source, "join", &object)) return false;
    TSNode args = field(node, "arguments");
    if (!is(args, Py::kArgumentList) || ts_node_named_child_count(args) != 1) return false;
    out->separator = object;
    out->list = ts_node_named_child(args, 0);
    return true;
  }

  bool list_items(TSNode node, std::vector<TSNode>* out) const override {
    if (!is(node, Py::kList) && !is(node, Py::kTuple)) return false;
    return items(node, out);
  }

  bool cannot_be_sql(TSNode node, std::string_view source) const override {
    (void)source;
    switch (py(node)) {
      case Py::kInteger: case Py::kFloat: case Py::kTrue: case Py::kFalse: case Py::kNone: case Py::kList:
      case Py::kTuple: case Py::kDictionary: case Py::kSet: case Py::kLambda: case Py::kListComprehension:
      case Py::kDictionaryComprehension: case Py::kSetComprehension: case Py::kGeneratorExpression:
        return true;
      default:
        return statement_object(node, source);
    }
  }

 private:
  TextBindings text_;

  /// A SQLAlchemy / SQLModel statement object (`delete(Item)`, `select(User).where(...)`): built
  /// by a construct the file imports from sqlalchemy or sqlmodel, it is no SQL text (what it
  /// names is the model's, read by the data layer).
  static bool statement_object(TSNode node, std::string_view source) {
    auto construct = [](std::string_view name) {
      return name == "select" || name == "insert" || name == "update" || name == "delete" || name == "union" ||
             name == "union_all" || name == "exists";
    };
    while (is(node, Py::kParenthesizedExpression)) node = first_named_child(node);
    while (is(node, Py::kCall)) {
      TSNode fn = field(node, "function");
      if (is(fn, Py::kAttribute)) {
        node = field(fn, "object");
        while (is(node, Py::kParenthesizedExpression)) node = first_named_child(node);
        // sa.select(Model) with `import sqlalchemy as sa`
        if (is(node, Py::kIdentifier) && construct(node_text(field(fn, "attribute"), source)))
          return module_alias_of_sqlalchemy(source, node_text(node, source)) ||
                 imported_from_sqlalchemy(source, node_text(node, source));  // postgresql.insert(T)
        continue;
      }
      if (!is(fn, Py::kIdentifier)) return false;
      std::string_view name = node_text(fn, source);
      if (!construct(name)) return false;
      return imported_from_sqlalchemy(source, name);
    }
    return false;
  }

  /// `import sqlalchemy as alias` (or `import sqlmodel as alias`), or `import sqlalchemy` itself.
  static bool module_alias_of_sqlalchemy(std::string_view source, std::string_view alias) {
    for (std::string_view module : {"sqlalchemy", "sqlmodel"}) {
      std::string plain = "import " + std::string(module);
      for (size_t at = source.find(plain); at != std::string_view::npos; at = source.find(plain, at + 1)) {
        if (at > 0 && source[at - 1] != '\n') continue;
        size_t eol = std::min(source.find('\n', at), source.size());
        std::string_view rest = source.substr(at + plain.size(), eol - at - plain.size());
        while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
        if (rest.empty() && alias == module) return true;
        if (rest.starts_with(" as ") && rest.substr(4) == alias) return true;
      }
    }
    return false;
  }

  /// Calls `f(module, names, k)` for each place `name` stands as a word in the names of a
  /// `from <module> import ...` line of `source` (a parenthesised list may run over lines), in
  /// order, until `f` returns true; returns whether it did.
  template <class F>
  static bool each_from_import(std::string_view source, std::string_view name, F&& f) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (size_t at = source.find("from "); at != std::string_view::npos; at = source.find("from ", at + 1)) {
      if (at > 0 && source[at - 1] != '\n') continue;
      size_t imp = source.find(" import ", at);
      size_t eol = source.find('\n', at);
      if (imp == std::string_view::npos || imp > eol) continue;
      size_t end = eol;
      if (source.find('(', imp) < eol) end = source.find(')', imp);
      std::string_view names = source.substr(imp + 8, end == std::string_view::npos ? std::string_view::npos : end - imp - 8);
      std::string_view module = source.substr(at + 5, imp - at - 5);
      for (size_t k = names.find(name); k != std::string_view::npos; k = names.find(name, k + 1)) {
        bool left = k == 0 || !word(names[k - 1]);
        bool right = k + name.size() >= names.size() || !word(names[k + name.size()]);
        if (left && right && f(module, names, k)) return true;
      }
    }
    return false;
  }

  /// `from sqlalchemy[...] import ... name ...` or `from sqlmodel import ... name ...`.
  static bool imported_from_sqlalchemy(std::string_view source, std::string_view name) {
    return each_from_import(source, name, [](std::string_view module, std::string_view, size_t) {
      return module.starts_with("sqlalchemy") || module.starts_with("sqlmodel");
    });
  }

  /// `from sqlalchemy[...] import ... text as <alias> ...` (or sqlmodel's).
  static bool renames_sqlalchemy_text(std::string_view source, std::string_view alias) {
    std::string as = "text as " + std::string(alias);
    for (size_t k = source.find(as); k != std::string_view::npos; k = source.find(as, k + 1)) {
      size_t end = k + as.size();
      if (end < source.size() && (std::isalnum(static_cast<unsigned char>(source[end])) || source[end] == '_')) continue;
      size_t line = source.rfind("\nfrom ", k);
      line = line == std::string_view::npos ? (source.starts_with("from ") ? 0 : std::string_view::npos) : line + 1;
      if (line == std::string_view::npos) continue;
      std::string_view module = source.substr(line + 5);
      if ((module.starts_with("sqlalchemy") || module.starts_with("sqlmodel")) && source.find(" import ", line) < k) return true;
    }
    return false;
  }

  /// The module of the first `from <module> import ... name ...` of the file, "" when none.
  static std::string_view from_module_of(std::string_view source, std::string_view name) {
    std::string_view found;
    each_from_import(source, name, [&](std::string_view module, std::string_view names, size_t k) {
      // `... import text as t` binds t, not text; `... import x as text` binds text.
      std::string_view after = names.substr(k + name.size());
      size_t sp = after.find_first_not_of(' ');
      if (sp != std::string_view::npos && after.substr(sp).starts_with("as ")) return false;
      found = module;
      return true;
    });
    return found;
  }

  /// The elements of a list or tuple literal; false when one is unpacked (`*rest`).
  static bool items(TSNode node, std::vector<TSNode>* out) {
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (is(c, Py::kComment)) continue;
      if (is(c, Py::kListSplat) || is(c, Py::kParenthesizedListSplat)) return false;
      out->push_back(c);
    }
    return true;
  }
  /// `Job.fetch(job_id, connection=...)` where `Job` comes from a package that speaks to no SQL
  /// database (`from rq.job import Job`: Redis): no database call, whatever its name.
  Callee callee(TSNode node, std::string_view source, const ProjectFacts*, TSNode* qualifier,
                std::string*) const override {
    static const std::set<std::string_view> kNoSql = {
        "rq",     "redis",  "celery",   "kombu",     "requests", "httpx",    "aiohttp", "urllib", "urllib3",
        "boto3",  "botocore", "pymongo", "motor",   "elasticsearch", "opensearchpy", "ldap", "ldap3",
        "docker", "kubernetes", "paramiko", "smtplib", "socket", "subprocess", "jinja2", "django_rq"};
    if (!is(node, Py::kCall)) return Callee::kUnknown;
    TSNode fn = field(node, "function");
    if (ts_node_is_null(fn) || std::string_view(ts_node_type(fn)) != "attribute") return Callee::kUnknown;
    TSNode obj = field(fn, "object");
    if (ts_node_is_null(obj) || std::string_view(ts_node_type(obj)) != "identifier") return Callee::kUnknown;
    // Once a file: whether it imports from any such package at all.
    if (!imports_no_sql_) {  // each `from <package>` at a line's start, its package looked up
      imports_no_sql_ = false;
      for (size_t at = source.find("from "); at != std::string_view::npos && !*imports_no_sql_;
           at = source.find("from ", at + 5)) {
        if (at > 0 && source[at - 1] != '\n') continue;
        size_t b = at + 5, e = b;
        while (e < source.size() && (std::isalnum(static_cast<unsigned char>(source[e])) || source[e] == '_')) ++e;
        if (kNoSql.count(source.substr(b, e - b))) imports_no_sql_ = true;
      }
    }
    if (!*imports_no_sql_) return Callee::kUnknown;
    std::string name(node_text(obj, source));
    auto cached = no_sql_names_.find(name);
    if (cached == no_sql_names_.end()) {
      std::string_view module = from_module_of(source, name);
      bool no_sql = !module.empty() && kNoSql.count(module.substr(0, module.find('.'))) != 0;
      cached = no_sql_names_.emplace(name, no_sql).first;
    }
    if (!cached->second) return Callee::kUnknown;
    *qualifier = obj;
    return Callee::kOtherApi;
  }
  mutable std::optional<bool> imports_no_sql_;
  mutable std::map<std::string, bool, std::less<>> no_sql_names_;

  /// `<string expression>.method(...)`: fills the object.
  bool method_call(TSNode node, std::string_view source, std::string_view method, TSNode* object) const {
    if (!is(node, Py::kCall)) return false;
    TSNode fn = field(node, "function");
    if (!is(fn, Py::kAttribute) || node_text(field(fn, "attribute"), source) != method) return false;
    *object = field(fn, "object");
    ExprKind k = kind(*object);
    return k == ExprKind::kLiteral || k == ExprKind::kSequence || k == ExprKind::kIdentifier ||
           k == ExprKind::kWrapper || k == ExprKind::kConcat;
  }
};

}  // namespace

void extract_python(const ExtractInput& in, std::vector<SqlSite>* out) {
  const PythonSyntax syntax(in.source);
  size_t first = out->size();
  extract_sites(in, syntax, out);
  if (first == out->size() || ts_node_is_null(in.root)) return;
  // Only files that test an engine or name a SQLite handle are walked again.
  if (in.source.find("Engine)") == std::string_view::npos && in.source.find("sqlite") == std::string_view::npos &&
      in.source.find("SQLITE") == std::string_view::npos)
    return;
  PythonEngineBranches branches(in.source, in.root);
  for (size_t i = first; i < out->size(); ++i) {
    SqlSite& site = (*out)[i];
    if (!site.other_engine.empty()) continue;
    site.other_engine = branches.engine_of(site.host_begin, site.sql.origin);
  }
}

}  // namespace schemagate::languages
