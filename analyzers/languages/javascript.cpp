// JavaScript, TypeScript and TSX: one extractor for three grammars, since TypeScript's grammar
// extends JavaScript's with the same node names and adds only wrappers (`as const`,
// `satisfies`, `!`) and typed parameters. SQL arrives as a quoted string, a template literal
// whose `${}` substitutions are holes, or a tagged template whose tag is the database call
// (postgres.js and slonik `sql`...``, Prisma's `$queryRaw`...``). node-postgres also takes a
// query config object, `{ text: "..." , values }`: its `text` (or `sql`) property is the SQL.
// Literal bodies are decoded here with JavaScript's escape rules (cooked strings: what a tag
// function receives as `strings`).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>

#include "analyzers/languages/kind_set.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {
namespace {

using sql::SqlText;

/// Decodes source[begin, end) of a string or template body.
void decode(std::string_view source, uint32_t begin, uint32_t end, SqlText* out) {
  decode_escaped(source, begin, end, out, [&](std::string_view text, size_t i, size_t* next, std::string* out_decoded) {
    size_t& j = *next;
    std::string& decoded = *out_decoded;
    char e = text[i + 1];
    uint32_t value = 0;
    switch (e) {
      case '\n': break;  // line continuation
      case '\r': if (j < text.size() && text[j] == '\n') ++j; break;
      case 'b': decoded = '\b'; break;
      case 'f': decoded = '\f'; break;
      case 'n': decoded = '\n'; break;
      case 'r': decoded = '\r'; break;
      case 't': decoded = '\t'; break;
      case 'v': decoded = '\v'; break;
      case 'x':
        if (parse_digits(text, &j, 16, 2, &value)) append_utf8(value, &decoded);
        else decoded = 'x';
        break;
      case 'u':
        if (j < text.size() && text[j] == '{') {
          size_t k = j + 1;
          if (parse_digits(text, &k, 16, 6, &value) && k < text.size() && text[k] == '}') {
            j = k + 1;
            append_utf8(value, &decoded);
          } else {
            decoded = 'u';
          }
        } else if (parse_digits(text, &j, 16, 4, &value)) {
          // A surrogate pair written as two escapes is one code point.
          if (value >= 0xD800 && value <= 0xDBFF && text.substr(j, 2) == "\\u") {
            size_t k = j + 2;
            uint32_t low = 0;
            if (parse_digits(text, &k, 16, 4, &low) && k - j == 6 && low >= 0xDC00 &&
                low <= 0xDFFF) {
              value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
              j = k;
            }
          }
          append_utf8(value, &decoded);
        } else {
          decoded = 'u';
        }
        break;
      default:
        if (e >= '0' && e <= '7') {  // legacy octal, \0 included
          j = i + 1;
          parse_digits(text, &j, 8, 3, &value);
          append_utf8(value, &decoded);
        } else {
          decoded = e;  // \' \" \\ \` \$ and any other character stand for themselves
        }
    }
  });
}

class JavaScriptSyntax final : public HostSyntax {
 public:
  ExprKind kind(TSNode node) const override {
    const char* t = ts_node_type(node);
    if (!std::strcmp(t, "string") || !std::strcmp(t, "template_string")) return ExprKind::kLiteral;
    if (!std::strcmp(t, "identifier")) return ExprKind::kIdentifier;
    if (!std::strcmp(t, "parenthesized_expression") || !std::strcmp(t, "as_expression") ||
        !std::strcmp(t, "satisfies_expression") || !std::strcmp(t, "non_null_expression"))
      return ExprKind::kWrapper;
    if (!std::strcmp(t, "binary_expression") && node_is(field(node, "operator"), "+"))
      return ExprKind::kConcat;
    return ExprKind::kOther;
  }

  void append_literal(TSNode node, std::string_view source, SqlText* out) const override {
    uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    if (end - begin < 2) return;
    uint32_t pos = begin + 1;  // after the quote or backtick
    end -= 1;
    if (node_is(node, "template_string")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        if (!node_is(c, "template_substitution")) continue;
        uint32_t b = ts_node_start_byte(c);
        if (b > pos) decode(source, pos, b, out);
        out->append_hole(b);
        pos = ts_node_end_byte(c);
      }
    }
    if (end > pos) decode(source, pos, end, out);
  }

  bool is_scope(TSNode node) const override {
    static const KindSet kScopes{"function_declaration",           "function_expression", "arrow_function",
                                 "method_definition",              "generator_function",
                                 "generator_function_declaration", "class_static_block"};
    return kScopes.has(node);
  }

  void definitions(TSNode node, std::string_view source,
                   std::vector<Definition>* out) const override {
    const char* t = ts_node_type(node);
    uint32_t begin = ts_node_start_byte(node);
    auto define = [&](TSNode name, TSNode value, uint32_t at, bool append) {
      if (ts_node_is_null(name) || !node_is(name, "identifier")) return;
      out->push_back(Definition{node_text(name, source), value, at, append});
    };
    if (!std::strcmp(t, "variable_declarator")) {
      define(field(node, "name"), field(node, "value"), begin, false);
    } else if (!std::strcmp(t, "assignment_expression")) {
      define(field(node, "left"), field(node, "right"), begin, false);
    } else if (!std::strcmp(t, "augmented_assignment_expression")) {
      bool plus = node_is(field(node, "operator"), "+=");
      define(field(node, "left"), plus ? field(node, "right") : TSNode{}, begin, plus);
    } else if (!std::strcmp(t, "arrow_function")) {
      TSNode p = field(node, "parameter");
      define(p, TSNode{}, ts_node_is_null(p) ? begin : ts_node_start_byte(p), false);
    } else if (!std::strcmp(t, "formal_parameters")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode p = ts_node_named_child(node, i);
        TSNode name = p;
        // TypeScript wraps each in required_parameter / optional_parameter (field "pattern");
        // defaults are assignment_pattern (field "left"); rest is rest_pattern.
        if (node_is(name, "required_parameter") || node_is(name, "optional_parameter"))
          name = field(name, "pattern");
        if (node_is(name, "assignment_pattern")) name = field(name, "left");
        if (node_is(name, "rest_pattern")) name = first_named_child(name);
        define(name, TSNode{}, ts_node_start_byte(p), false);
      }
    }
  }

  bool call(TSNode node, std::string_view source, Call* out) const override {
    TSNode fn{}, args{};
    if (node_is(node, "call_expression")) {
      fn = field(node, "function");
      args = field(node, "arguments");
    } else if (node_is(node, "binary_expression") && node_is(field(node, "operator"), ">") &&
               node_is(generic_tagged(field(node, "right")), "template_string")) {
      // The TypeScript grammar reads a generic tag, sql<Row>`...`, as (sql < Row) > `...`, and
      // sql<Row>`...`.as('x') as (sql < Row) > (`...`.as('x')).
      TSNode left = field(node, "left");
      if (!node_is(left, "binary_expression") || !node_is(field(left, "operator"), "<"))
        return false;
      fn = field(left, "left");
      args = generic_tagged(field(node, "right"));
    } else {
      return false;
    }
    // The TypeScript grammar reads prisma.$queryRaw<Row[]>`...` (a type argument ending in `]`
    // or `}`) as a call of (prisma.$queryRaw<Row[]>)! with a MISSING `!`: the instantiation's
    // expression is the callee.
    if (node_is(fn, "non_null_expression") && ts_node_has_error(fn)) fn = first_named_child(fn);
    // The TypeScript grammar reads `await db.query<Row>(...)` as a call of `await db.query`.
    if (node_is(fn, "await_expression")) fn = first_named_child(fn);
    if (node_is(fn, "instantiation_expression")) fn = first_named_child(fn);
    if (node_is(fn, "member_expression")) fn = field(fn, "property");
    if (!node_is(fn, "identifier") && !node_is(fn, "property_identifier")) return false;
    out->name = node_text(fn, source);
    if (node_is(args, "template_string")) {
      out->tagged = true;
      out->arguments.push_back(args);
      return true;
    }
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (!node_is(a, "comment")) out->arguments.push_back(a);
    }
    if (!out->arguments.empty() && node_is(out->arguments[0], "object")) {
      TSNode text = config_text(out->arguments[0], source);
      if (!ts_node_is_null(text)) out->arguments[0] = text;
    }
    return true;
  }

  void interpolations(TSNode literal, std::vector<TSNode>* out) const override {
    if (!node_is(literal, "template_string")) return;
    // sql`...${x}`: a tag receives its substitutions as values (parameters), never as text.
    TSNode parent = ts_node_parent(literal);
    if (node_is(parent, "call_expression") || node_is(parent, "binary_expression")) return;
    TSNode top = literal;  // sql<Row>`...`.as('x'): (sql < Row) > (`...`.as('x'))
    while (node_is(ts_node_parent(top), "member_expression") && node_is(ts_node_parent(ts_node_parent(top)), "call_expression"))
      top = ts_node_parent(ts_node_parent(top));
    if (!ts_node_eq(top, literal) && node_is(ts_node_parent(top), "binary_expression") &&
        ts_node_eq(generic_tagged(top), literal))
      return;
    uint32_t n = ts_node_named_child_count(literal);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(literal, i);
      if (node_is(c, "template_substitution")) out->push_back(first_named_child(c));
    }
  }

  bool tag_objects(TSNode literal, std::string_view source, std::string_view* tag,
                   std::vector<TagObject>* out) const override {
    if (!node_is(literal, "template_string")) return false;
    // The tag's call: sql`...`, or a generic tag sql<Row>`...` (and sql<Row>`...`.as('x')).
    TSNode top = literal;
    while (node_is(ts_node_parent(top), "member_expression") && node_is(ts_node_parent(ts_node_parent(top)), "call_expression"))
      top = ts_node_parent(ts_node_parent(top));
    Call c;
    TSNode parent = ts_node_parent(top);
    if (!call(parent, source, &c) || !c.tagged || c.arguments.empty() || !ts_node_eq(c.arguments[0], literal)) return false;
    *tag = c.name;
    for (uint32_t i = 0, n = ts_node_named_child_count(literal); i < n; ++i) {
      TSNode sub = ts_node_named_child(literal, i);
      if (!node_is(sub, "template_substitution")) continue;
      TSNode e = first_named_child(sub);
      while (node_is(e, "parenthesized_expression") || node_is(e, "non_null_expression")) e = first_named_child(e);
      TagObject o;
      if (node_is(e, "identifier")) {
        o.var = node_text(e, source);
        o.var_at = ts_node_start_byte(e);
      } else if (node_is(e, "member_expression") && node_is(field(e, "object"), "identifier") &&
                 node_is(field(e, "property"), "property_identifier")) {
        o.var = node_text(field(e, "object"), source);
        o.var_at = ts_node_start_byte(e);
        o.prop = node_text(field(e, "property"), source);
        o.prop_at = ts_node_start_byte(field(e, "property"));
      }
      out->push_back(o);
    }
    return true;
  }

  /// The template a generic tag's right side starts with: `...` itself, or the receiver of the
  /// calls made on it (`...`.as('x')); else a null node.
  static TSNode generic_tagged(TSNode right) {
    while (node_is(right, "call_expression") && node_is(field(right, "function"), "member_expression"))
      right = field(field(right, "function"), "object");
    return node_is(right, "template_string") ? right : TSNode{};
  }

  bool function_parameters(TSNode fn, std::string_view source, std::string_view* name,
                           std::vector<std::string_view>* params) const override {
    TSNode id = field(fn, "name");
    if (ts_node_is_null(id)) {  // const rawQuery = async (sql) => ...
      TSNode parent = ts_node_parent(fn);
      if (node_is(parent, "variable_declarator")) id = field(parent, "name");
    }
    if (ts_node_is_null(id)) return false;
    *name = node_text(id, source);
    TSNode single = field(fn, "parameter");
    if (!ts_node_is_null(single)) {
      params->push_back(node_text(single, source));
      return true;
    }
    TSNode list = field(fn, "parameters");
    uint32_t n = ts_node_named_child_count(list);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode p = ts_node_named_child(list, i);
      if (node_is(p, "comment")) continue;
      if (node_is(p, "required_parameter") || node_is(p, "optional_parameter")) {
        // TypeScript: a parameter typed as something else than a string cannot be SQL.
        TSNode type = field(p, "type");
        if (!ts_node_is_null(type) && node_text(type, source).find("string") == std::string_view::npos) {
          params->push_back(std::string_view());
          continue;
        }
        p = field(p, "pattern");
      }
      if (node_is(p, "assignment_pattern")) p = field(p, "left");
      params->push_back(node_is(p, "identifier") ? node_text(p, source) : std::string_view());
    }
    return true;
  }

  bool is_method(TSNode fn) const override {
    return node_is(fn, "method_definition") && node_is(ts_node_parent(fn), "class_body");
  }

  TSNode transformed(TSNode node, std::string_view source) const override {
    if (!node_is(node, "call_expression")) return TSNode{};
    TSNode fn = field(node, "function");
    if (!node_is(fn, "member_expression")) return TSNode{};
    std::string_view method = node_text(field(fn, "property"), source);
    if (method == "replace" || method == "replaceAll" || method == "trim" || method == "trimStart" ||
        method == "trimEnd")
      return field(fn, "object");
    return TSNode{};
  }

  void imports(TSNode node, std::string_view source, std::vector<Import>* out) const override {
    if (!node_is(node, "import_statement")) return;
    TSNode from = field(node, "source");  // absent in TypeScript's `import x = require(...)`
    if (ts_node_is_null(from)) return;
    std::string_view module = node_text(from, source);
    if (module.size() < 2) return;
    module = module.substr(1, module.size() - 2);
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode clause = ts_node_named_child(node, i);
      if (!node_is(clause, "import_clause")) continue;
      uint32_t m = ts_node_named_child_count(clause);
      for (uint32_t j = 0; j < m; ++j) {
        TSNode named = ts_node_named_child(clause, j);
        if (node_is(named, "identifier")) out->push_back({node_text(named, source), module, "default"});
        if (node_is(named, "namespace_import") && !ts_node_is_null(first_named_child(named)))
          out->push_back({node_text(first_named_child(named), source), module, "*"});
        if (!node_is(named, "named_imports")) continue;
        uint32_t k = ts_node_named_child_count(named);
        for (uint32_t s = 0; s < k; ++s) {
          TSNode spec = ts_node_named_child(named, s);
          if (!node_is(spec, "import_specifier")) continue;
          TSNode name = field(spec, "name"), alias = field(spec, "alias");
          std::string_view imported = node_text(name, source);
          out->push_back({ts_node_is_null(alias) ? imported : node_text(alias, source), module, imported});
        }
      }
    }
  }

  bool exclusive_branches(TSNode node, std::vector<TSNode>* out) const override {
    if (!node_is(node, "if_statement")) return false;  // an `else if` nests in the else_clause
    TSNode alternative = field(node, "alternative");
    if (ts_node_is_null(alternative)) return false;
    out->push_back(field(node, "consequence"));
    out->push_back(alternative);
    return true;
  }

  bool alternatives(TSNode node, std::vector<TSNode>* out) const override {
    if (!node_is(node, "ternary_expression")) return false;
    out->push_back(field(node, "consequence"));
    out->push_back(field(node, "alternative"));
    return true;
  }

  TSNode expression_body(TSNode fn) const override {
    if (!node_is(fn, "arrow_function")) return TSNode{};
    TSNode body = field(fn, "body");
    return node_is(body, "statement_block") ? TSNode{} : body;
  }

  void enclosing_cte_names(TSNode node, std::string_view source, std::vector<std::string>* out) const override {
    for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
      if (is_scope(up) && !node_is(up, "arrow_function")) break;  // a callback of the chain is still in it
      if (!node_is(up, "call_expression")) continue;
      // The receiver chain of this call: db.with('a', ...).withRecursive('b', ...).selectFrom(...)
      for (TSNode c = up; node_is(c, "call_expression");) {
        TSNode fn = field(c, "function");
        if (!node_is(fn, "member_expression")) break;
        std::string_view method = node_text(field(fn, "property"), source);
        if (method == "with" || method == "withRecursive" || method == "withMaterialized" ||
            method == "withNotMaterialized" || method == "withRecursiveMaterialized") {
          TSNode args = field(c, "arguments");
          TSNode first = ts_node_named_child_count(args) ? ts_node_named_child(args, 0) : TSNode{};
          if (node_is(first, "string")) {
            std::string_view name = node_text(first, source);
            name = name.substr(1, name.size() >= 2 ? name.size() - 2 : 0);
            name = name.substr(0, name.find('('));  // 'ancestors(id, depth)'
            while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
            out->emplace_back(name);
            std::string snake;  // Kysely's CamelCasePlugin: allAncestors -> all_ancestors
            for (char ch : name) {
              if (std::isupper(static_cast<unsigned char>(ch))) snake += '_';
              snake += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            }
            if (snake != name) out->push_back(snake);
          }
        }
        c = field(fn, "object");
      }
    }
  }

  bool chain_expression(TSNode node, std::string_view source, sql::ChainScope* out) const override {
    return chain_scope_from(ts_node_parent(node), source, out, 0);  // from the tag's call
  }

  TSNode member_source(TSNode node) const override {
    if (node_is(node, "variable_declarator") && node_is(field(node, "name"), "object_pattern")) {
      TSNode value = field(node, "value");
      return node_is(value, "identifier") ? value : TSNode{};
    }
    if (node_is(node, "member_expression")) {
      TSNode object = field(node, "object");
      return node_is(object, "identifier") ? object : TSNode{};
    }
    return TSNode{};
  }

  bool cannot_be_sql(TSNode node, std::string_view source) const override {
    static constexpr const char* kTypes[] = {
        "number", "true", "false", "null", "undefined", "array", "object", "arrow_function",
        "function_expression", "regex", "class"};
    // `{ to, subject } as any`, `(cb)`: the value inside the type assertion or parentheses.
    TSNode value = node;
    while (node_is(value, "as_expression") || node_is(value, "satisfies_expression") ||
           node_is(value, "non_null_expression") || node_is(value, "parenthesized_expression"))
      value = first_named_child(value);
    for (const char* t : kTypes)
      if (node_is(value, t)) return true;
    // A built-in constructor is a function, not text: a test's `expect.any(String)` (whose
    // `any` is pg-promise's query method's name too).
    static const std::set<std::string_view> kConstructors = {
        "String", "Number", "Boolean", "Array", "Object", "Date", "Function", "Symbol", "BigInt", "RegExp",
        "Map", "Set", "Promise", "Error"};
    if (node_is(value, "identifier") && kConstructors.count(node_text(value, source))) return true;
    // Kysely's sql`...`.execute(db) / sql.raw(...).execute(tx): the argument is the database
    // the statement runs on; the statement is the template (a site of its own).
    TSNode args = ts_node_parent(node);
    TSNode call = node_is(args, "arguments") ? ts_node_parent(args) : TSNode{};
    TSNode fn = node_is(call, "call_expression") ? field(call, "function") : TSNode{};
    if (node_is(fn, "member_expression") && node_text(field(fn, "property"), source) == "execute") {
      // `await sql<Row>`...`.execute(db)` is read by the grammar with the await and the generic
      // tag inside the receiver: by text.
      std::string_view built = node_text(field(fn, "object"), source);
      if (built.starts_with("await ")) built.remove_prefix(6);
      if ((built.starts_with("sql`") || built.starts_with("sql<")) && built.ends_with("`")) return true;
      if (built.starts_with("sql.raw(") && built.ends_with(")")) return true;
    }
    return false;
  }

 private:
  /// The scope of the chain whose expression `n` is (the tag's call of a fragment, or a use of a
  /// constant that holds one). A `const x = sql\`...\`` is followed to its uses in the function:
  /// when each is an expression of a chain and all chains see the same relations, that is the
  /// fragment's scope. A chain that starts at a variable (`baseQuery.select(...)`) is followed to
  /// the chain the variable is declared with, and the `baseQuery = baseQuery...` calls on it.
  bool chain_scope_from(TSNode n, std::string_view source, sql::ChainScope* out, int depth) const {
    // Kysely's builder methods whose arguments are expressions of the query, not statements.
    static constexpr std::string_view kLinks[] = {
        "where",    "orWhere",  "andWhere", "having",   "select",    "orderBy", "groupBy",  "set",      "values",
        "on",       "returning", "distinctOn", "innerJoin", "leftJoin", "rightJoin", "fullJoin", "doUpdateSet",
        "whereRef", "havingRef"};
    static constexpr std::string_view kHeads[] = {"selectFrom", "updateTable", "deleteFrom", "insertInto"};
    auto one_of = [](std::string_view name, auto& names) {
      return std::find(std::begin(names), std::end(names), name) != std::end(names);
    };
    auto callee = [&](TSNode call) {
      TSNode fn = field(call, "function");
      if (node_is(fn, "member_expression")) return node_text(field(fn, "property"), source);
      return node_is(fn, "identifier") ? node_text(fn, source) : std::string_view();
    };
    // Up from the tagged template through what keeps it an expression (callbacks with an
    // expression body, lists, objects, `.as('x')`, `eb(...).or(...)`, other calls' arguments) to
    // the chain method it is an argument of. A statement, a variable or a `.execute()` on it: not
    // an expression.
    TSNode link{};
    TSNode node = n;
    for (TSNode up = ts_node_parent(n); !ts_node_is_null(up) && ts_node_is_null(link); n = up, up = ts_node_parent(up)) {
      std::string_view t = ts_node_type(up);
      if (t == "variable_declarator" && depth == 0) {
        return constant_uses_scope(up, n, source, out);
      } else if (t == "assignment_expression" && depth == 0) {
        // `dateCondition = sql\`...\`` of a `let dateCondition` of an enclosing block.
        TSNode left = field(up, "left");
        if (!ts_node_eq(field(up, "right"), n) || !node_is(left, "identifier")) return false;
        std::string_view var = node_text(left, source);
        for (TSNode scope = ts_node_parent(up); !ts_node_is_null(scope); scope = ts_node_parent(scope)) {
          if (!node_is(scope, "statement_block") && !node_is(scope, "program")) continue;
          for (uint32_t i = 0; i < ts_node_named_child_count(scope); ++i) {
            TSNode d = ts_node_named_child(scope, i);
            if (!node_is(d, "lexical_declaration")) continue;
            for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
              TSNode v = ts_node_named_child(d, j);
              if (node_is(v, "variable_declarator") && node_text(field(v, "name"), source) == var)
                return constant_uses_scope(v, TSNode{}, source, out);
            }
          }
        }
        return false;
      } else if (t == "arguments") {
        if (one_of(callee(ts_node_parent(up)), kLinks)) link = ts_node_parent(up);
      } else if (t == "member_expression") {
        TSNode call = ts_node_parent(up);
        std::string_view method = node_text(field(up, "property"), source);
        if (!ts_node_eq(field(up, "object"), n) || !node_is(call, "call_expression") ||
            (method != "as" && method != "$castTo" && method != "$notNull" && method != "or" && method != "and"))
          return false;
        up = call;
      } else if (t != "call_expression" && t != "arrow_function" && t != "parenthesized_expression" && t != "array" &&
                 t != "object" && t != "pair" && t != "spread_element" && t != "as_expression" &&
                 t != "non_null_expression" && t != "satisfies_expression" && t != "ternary_expression" &&
                 t != "binary_expression") {
        return false;
      }
    }
    if (ts_node_is_null(link)) return false;
    // Down the chain's receivers to its head: the relations it names and joins.
    std::vector<std::string> ctes;
    enclosing_cte_names(node, source, &ctes);
    auto add = [&](TSNode arg) {
      if (!node_is(arg, "string")) return false;
      std::string_view v = node_text(arg, source);
      v = v.substr(1, v.size() >= 2 ? v.size() - 2 : 0);
      sql::ChainScope::Relation r;
      size_t as = v.find(" as ");
      r.name = std::string(v.substr(0, as));
      if (as != std::string_view::npos) r.alias = std::string(v.substr(as + 4));
      if (size_t dot = r.name.find('.'); dot != std::string::npos) {
        r.schema = r.name.substr(0, dot);
        r.name = r.name.substr(dot + 1);
      }
      r.cte = std::find(ctes.begin(), ctes.end(), r.name) != ctes.end();
      out->relations.push_back(std::move(r));
      return true;
    };
    bool head = false;
    TSNode c = link;
    auto down = [&](TSNode from) {
      c = from;
    for (; node_is(c, "call_expression") && !head;) {
      TSNode fn = field(c, "function");
      std::string_view method = callee(c);
      TSNode args = field(c, "arguments");
      TSNode first = ts_node_named_child_count(args) ? ts_node_named_child(args, 0) : TSNode{};
      if (method.ends_with("Join") && !add(first)) out->open = true;
      if (method == "from" || method == "using") out->open = true;  // an update's FROM, a delete's USING
      if (one_of(method, kHeads)) {
        head = true;
        if (node_is(first, "array")) {
          for (uint32_t i = 0; i < ts_node_named_child_count(first); ++i)
            if (!add(ts_node_named_child(first, i))) out->open = true;
        } else if (!add(first)) {
          out->open = true;
        }
        // An insert's values see no relation; a subquery (`eb.selectFrom`, a chain inside
        // another's arguments) also sees the relations around it.
        if (method == "insertInto" || !node_is(fn, "member_expression")) out->open = true;
        for (TSNode up = ts_node_parent(c); !ts_node_is_null(up); up = ts_node_parent(up))
          if (node_is(up, "arguments")) out->open = true;
        for (TSNode r = field(fn, "object"); node_is(r, "call_expression"); r = field(field(r, "function"), "object"))
          if (callee(r) == "withSchema") out->open = true;
      }
      if (!node_is(fn, "member_expression")) break;
      c = field(fn, "object");
      while (node_is(c, "parenthesized_expression") || node_is(c, "await_expression") || node_is(c, "non_null_expression"))
        c = ts_node_named_child(c, 0);
    }
    };
    down(link);
    // `let q = db.selectFrom(...); q = q.where(...); q.select(sql`...`)`: the chain q is declared
    // with, and the joins every `q = q...` adds.
    if (!head && node_is(c, "identifier")) {
      std::vector<TSNode> assigned;
      TSNode value = chain_variable(c, source, &assigned);
      if (!ts_node_is_null(value)) {
        std::string_view var = node_text(c, source);
        down(value);
        bool declared_head = head;
        for (TSNode right : assigned) {
          head = false;
          down(right);
          if (!node_is(c, "identifier") || node_text(c, source) != var) out->open = true;
        }
        head = declared_head;
        out->open = true;  // the variable may be joined further where the scan does not look
      }
    }
    if (!head) out->open = true;  // a chain continued in a variable or a callback's builder
    // Kysely builds one query whatever the order of the calls: a join after the fragment is in
    // its scope too. A chain that is not run where it is written (held in a variable, returned,
    // handed to a helper) may be joined further.
    TSNode top = link;
    for (TSNode m = ts_node_parent(top); node_is(m, "member_expression") && ts_node_eq(field(m, "object"), top) &&
                                         node_is(ts_node_parent(m), "call_expression");
         m = ts_node_parent(top)) {
      top = ts_node_parent(m);
      TSNode args = field(top, "arguments");
      if (callee(top).ends_with("Join") && !(ts_node_named_child_count(args) && add(ts_node_named_child(args, 0))))
        out->open = true;
      if (callee(top) == "from" || callee(top) == "using") out->open = true;
    }
    if (!callee(top).starts_with("execute")) out->open = true;
    return true;
  }

  /// The uses of a `const x = <fragment>` (`decl`, its value reached through `value`), or of a
  /// `let x` a fragment is assigned to (`value` null), in the block that declares it, assignments
  /// to it aside: the scope they all share, or false.
  bool constant_uses_scope(TSNode decl, TSNode value, std::string_view source, sql::ChainScope* out) const {
    TSNode name = ts_node_child_by_field_name(decl, "name", 4);
    TSNode list = ts_node_parent(decl);
    // A variable whose initial value is the fragment, or one the fragment is assigned to (`value` null).
    if ((!ts_node_is_null(value) && !ts_node_eq(ts_node_child_by_field_name(decl, "value", 5), value)) ||
        !node_is(name, "identifier") || !node_is(list, "lexical_declaration"))
      return false;
    TSNode scope = ts_node_parent(list);
    while (!ts_node_is_null(scope) && !node_is(scope, "statement_block") && !node_is(scope, "program"))
      scope = ts_node_parent(scope);
    if (ts_node_is_null(scope)) return false;
    std::string_view var = node_text(name, source);
    std::vector<TSNode> uses;
    std::vector<TSNode> stack{scope};
    while (!stack.empty()) {
      TSNode x = stack.back();
      stack.pop_back();
      TSNode parent = ts_node_parent(x);
      bool assigned = node_is(parent, "assignment_expression") && ts_node_eq(ts_node_child_by_field_name(parent, "left", 4), x);
      if (node_is(x, "identifier") && node_text(x, source) == var && !ts_node_eq(x, name) && !assigned) uses.push_back(x);
      if (node_is(x, "variable_declarator") && !ts_node_eq(x, decl) &&
          node_text(ts_node_child_by_field_name(x, "name", 4), source) == var)
        return false;  // another variable of the name
      for (uint32_t i = 0; i < ts_node_named_child_count(x); ++i) stack.push_back(ts_node_named_child(x, i));
    }
    if (uses.empty()) return false;
    bool first = true;
    for (TSNode u : uses) {
      sql::ChainScope s;
      if (!chain_scope_from(u, source, &s, 1)) return false;
      auto same = [](const sql::ChainScope& a, const sql::ChainScope& b) {
        if (a.open != b.open || a.relations.size() != b.relations.size()) return false;
        for (size_t i = 0; i < a.relations.size(); ++i)
          if (a.relations[i].schema != b.relations[i].schema || a.relations[i].name != b.relations[i].name ||
              a.relations[i].alias != b.relations[i].alias || a.relations[i].cte != b.relations[i].cte)
            return false;
        return true;
      };
      if (!first && !same(*out, s)) return false;
      if (first) *out = std::move(s);
      first = false;
    }
    return true;
  }

  /// The chain a variable is declared with (`let q = db.selectFrom(...)`) in the function of the
  /// use, when every assignment to it there is `q = q...` (each right side in *assigned); a null
  /// node otherwise.
  static TSNode chain_variable(TSNode ident, std::string_view source, std::vector<TSNode>* assigned) {
    std::string_view var = node_text(ident, source);
    for (TSNode scope = ts_node_parent(ident); !ts_node_is_null(scope); scope = ts_node_parent(scope)) {
      if (!node_is(scope, "statement_block") && !node_is(scope, "program")) continue;
      TSNode value{};
      for (uint32_t i = 0; i < ts_node_named_child_count(scope); ++i) {
        TSNode d = ts_node_named_child(scope, i);
        if (!node_is(d, "lexical_declaration")) continue;
        for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
          TSNode v = ts_node_named_child(d, j);
          if (node_is(v, "variable_declarator") && node_text(ts_node_child_by_field_name(v, "name", 4), source) == var)
            value = ts_node_child_by_field_name(v, "value", 5);
        }
      }
      if (ts_node_is_null(value)) continue;
      while (node_is(value, "parenthesized_expression") || node_is(value, "await_expression")) value = ts_node_named_child(value, 0);
      if (!node_is(value, "call_expression")) return TSNode{};
      std::vector<TSNode> stack{scope};
      while (!stack.empty()) {
        TSNode x = stack.back();
        stack.pop_back();
        if (node_is(x, "assignment_expression") &&
            node_text(ts_node_child_by_field_name(x, "left", 4), source) == var) {
          TSNode right = ts_node_child_by_field_name(x, "right", 5);
          if (!node_is(right, "call_expression")) return TSNode{};
          assigned->push_back(right);
        }
        for (uint32_t i = 0; i < ts_node_named_child_count(x); ++i) stack.push_back(ts_node_named_child(x, i));
      }
      return value;
    }
    return TSNode{};
  }

  /// The value of a query config's `text` or `sql` property, or a null node.
  static TSNode config_text(TSNode object, std::string_view source) {
    uint32_t n = ts_node_named_child_count(object);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode pair = ts_node_named_child(object, i);
      if (!node_is(pair, "pair")) continue;
      TSNode key = field(pair, "key");
      std::string_view k = node_text(key, source);
      if (node_is(key, "string") && k.size() >= 2) k = k.substr(1, k.size() - 2);
      if (k == "text" || k == "sql") return field(pair, "value");
    }
    return TSNode{};
  }
};

}  // namespace

std::string javascript_test_double_of(TSNode root, std::string_view text, std::string_view call) {
  // TypeScript's `interface X { query(...): ...; }` and `type X = { query: ... }`: a member of a
  // type the file declares. Only the file's top level (and export statements) is looked at.
  auto node_text = [&](TSNode n) {
    return std::string(text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)));
  };
  std::vector<TSNode> todo;
  for (uint32_t i = 0, n = ts_node_named_child_count(root); i < n; ++i) todo.push_back(ts_node_named_child(root, i));
  while (!todo.empty()) {
    TSNode decl = todo.back();
    todo.pop_back();
    std::string_view type = ts_node_type(decl);
    if (type == "export_statement") {
      TSNode inner = ts_node_child_by_field_name(decl, "declaration", 11);
      if (!ts_node_is_null(inner)) todo.push_back(inner);
      continue;
    }
    bool interface = type == "interface_declaration";
    if (!interface && type != "type_alias_declaration") continue;
    TSNode name = ts_node_child_by_field_name(decl, "name", 4);
    TSNode body = ts_node_child_by_field_name(decl, interface ? "body" : "value", interface ? 4 : 5);
    if (ts_node_is_null(name) || ts_node_is_null(body)) continue;
    if (!interface && std::string_view(ts_node_type(body)) != "object_type") continue;
    for (uint32_t i = 0, n = ts_node_named_child_count(body); i < n; ++i) {
      TSNode member = ts_node_named_child(body, i);
      std::string_view mt = ts_node_type(member);
      if (mt != "property_signature" && mt != "method_signature") continue;
      TSNode member_name = ts_node_child_by_field_name(member, "name", 4);
      if (!ts_node_is_null(member_name) && node_text(member_name) == call)
        return (interface ? "interface " : "type ") + node_text(name);
    }
  }
  return "";
}

void extract_javascript(const ExtractInput& in, std::vector<SqlSite>* out) {
  static const JavaScriptSyntax syntax;
  extract_sites(in, syntax, out);
}

}  // namespace schemagate::languages
