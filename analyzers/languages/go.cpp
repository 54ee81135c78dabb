// Go. database/sql, sqlx, pgx and gorm take SQL as a string argument, usually a raw `...`
// literal or a package-level const, often glued with `+`. The argument is not always first:
// context-taking methods put ctx first and sqlx's Get/Select put the destination before the
// query, so the SQL's index comes from the call name (sql_argument_index). gorm's Select("name")
// shares a name with sqlx's Select(&dest, query); the engine tells them apart because a string
// sits where the destination belongs. Definitions: const/var specs at any level, `:=`, `=` and
// `+=`; parameters hide constants of the same name.
#include <cctype>
#include <cstring>
#include <functional>

#include <algorithm>
#include <unordered_map>

#include "analyzers/languages/go_packages.h"
#include "analyzers/languages/go_prefilter.h"
#include "analyzers/languages/kind_set.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {
namespace {

using sql::SqlText;

/// Decodes source[begin, end) of an interpreted string body. \x and octal escapes are single
/// bytes in Go; \u and \U are code points encoded as UTF-8.
void decode(std::string_view source, uint32_t begin, uint32_t end, SqlText* out) {
  decode_escaped(source, begin, end, out, [](std::string_view text, size_t i, size_t* j, std::string* decoded) {
    char e = text[i + 1];
    uint32_t value = 0;
    if (common_escape(e, decoded)) return;
    if (e == 'x') {
      if (parse_digits(text, j, 16, 2, &value)) *decoded = static_cast<char>(value);
      else *decoded = text.substr(i, 2);
    } else if (e == 'u' || e == 'U') {
      if (parse_digits(text, j, 16, e == 'u' ? 4 : 8, &value)) append_utf8(value, decoded);
      else *decoded = text.substr(i, 2);
    } else if (e >= '0' && e <= '7') {
      *j = i + 1;
      parse_digits(text, j, 8, 3, &value);
      *decoded = static_cast<char>(value & 0xFF);
    } else {
      *decoded = e;  // \\ \" \' (invalid escapes do not compile; keep the character)
    }
  });
}

}  // namespace

std::string go_decoded(std::string_view body) {
  SqlText out;
  decode(body, 0, static_cast<uint32_t>(body.size()), &out);
  return std::move(out.text);
}

namespace {

class GoSyntax final : public HostSyntax {
 public:
  ExprKind kind(TSNode node) const override {
    const char* t = ts_node_type(node);
    if (!std::strcmp(t, "interpreted_string_literal") || !std::strcmp(t, "raw_string_literal"))
      return ExprKind::kLiteral;
    // A type name stands for its TableName() text (see same_text and definitions).
    if (!std::strcmp(t, "identifier") || !std::strcmp(t, "type_identifier")) return ExprKind::kIdentifier;
    if (!std::strcmp(t, "parenthesized_expression")) return ExprKind::kWrapper;
    if (!std::strcmp(t, "binary_expression") && node_is(field(node, "operator"), "+"))
      return ExprKind::kConcat;
    return ExprKind::kOther;
  }

  void append_literal(TSNode node, std::string_view source, SqlText* out) const override {
    uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    if (end - begin < 2) return;
    if (node_is(node, "raw_string_literal"))
      out->append_verbatim(source.substr(begin + 1, end - begin - 2), begin + 1);
    else
      decode(source, begin + 1, end - 1, out);
  }

  const AskedKinds* asked_kinds() const override {
    static const AskedKinds kAsked{
        {"source_file", "const_spec", "var_spec", "short_var_declaration", "assignment_statement", "call_expression",
         "parameter_declaration", "variadic_parameter_declaration"},
        {"call_expression"},
        {"interpreted_string_literal", "raw_string_literal", "binary_expression", "call_expression"},
        {"function_declaration", "method_declaration", "func_literal"},
        {"interpreted_string_literal", "raw_string_literal", "selector_expression", "qualified_type", "pointer_type",
         "slice_type", "array_type", "map_type", "generic_type"},
        {"if_statement", "expression_switch_statement", "type_switch_statement"}};
    return &kAsked;
  }

  bool exclusive_branches(TSNode node, std::vector<TSNode>* out) const override {
    if (node_is(node, "if_statement")) {  // an `else if` is the alternative: its own branches nest in it
      TSNode alternative = field(node, "alternative");
      if (ts_node_is_null(alternative)) return false;
      out->push_back(field(node, "consequence"));
      out->push_back(alternative);
      return true;
    }
    if (!node_is(node, "expression_switch_statement") && !node_is(node, "type_switch_statement")) return false;
    for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (!node_is(c, "expression_case") && !node_is(c, "type_case") && !node_is(c, "default_case")) continue;
      for (uint32_t k = 0, m = ts_node_named_child_count(c); k < m; ++k)
        if (node_is(ts_node_named_child(c, k), "fallthrough_statement")) return false;  // the next case runs too
      out->push_back(c);
    }
    return out->size() >= 2;
  }

  bool opaque(TSNode node, std::string_view source) const override {
    if (ts_node_has_error(node)) return false;  // error recovery may put anything anywhere
    const char* t = ts_node_type(node);
    if (!std::strcmp(t, "interpreted_string_literal") || !std::strcmp(t, "raw_string_literal"))
      return true;  // Go's strings interpolate nothing
    // Names and dots (`r.db.pool`), and types of names (`*pkg.T`, `map[string][]T`): no string,
    // call, composite literal, function or operator a string is built with.
    bool type = std::strcmp(t, "selector_expression") != 0;
    for (char c : node_text(node, source))
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != ' ' && c != '\t' && c != '\n' &&
          !(type && (c == '[' || c == ']' || c == '*')))
        return false;
    return true;
  }

  bool is_scope(TSNode node) const override {
    static const KindSet kScopes{"function_declaration", "method_declaration", "func_literal"};
    return kScopes.has(node);
  }

  void definitions(TSNode node, std::string_view source,
                   std::vector<Definition>* out) const override {
    const char* t = ts_node_type(node);
    uint32_t begin = ts_node_start_byte(node);
    if (!std::strcmp(t, "source_file")) {
      table_names(node, source, out);
    } else if (!std::strcmp(t, "const_spec") || !std::strcmp(t, "var_spec")) {
      // Names are the spec's direct identifier children; values pair with them by position.
      TSNode values = field(node, "value");
      uint32_t n = ts_node_named_child_count(node);
      uint32_t k = 0;
      bool builder = ts_node_is_null(values) && is_builder_type(node_text(field(node, "type"), source));
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        if (!node_is(c, "identifier")) continue;
        if (builder) out->push_back(Definition{node_text(c, source), TSNode{}, begin, false, true});
        else define(c, nth_value(values, k++), begin, false, source, out);
      }
    } else if (!std::strcmp(t, "short_var_declaration") || !std::strcmp(t, "assignment_statement")) {
      TSNode left = field(node, "left"), right = field(node, "right");
      bool plus = false;
      if (!std::strcmp(t, "assignment_statement")) {
        TSNode op = field(node, "operator");
        plus = node_is(op, "+=");
        if (!plus && !node_is(op, "=")) right = TSNode{};  // -=, |=, ...: not a string
      }
      uint32_t n = ts_node_named_child_count(left);
      bool paired = !ts_node_is_null(right) && ts_node_named_child_count(right) == n;
      std::vector<TSNode> in_args;  // query, args, err := sqlx.In(query, ...): the query, its IN (?) expanded
      if (!plus && n >= 2 && !ts_node_is_null(right) && ts_node_named_child_count(right) == 1 &&
          package_call(ts_node_named_child(right, 0), source, "sqlx", "In", &in_args) && !in_args.empty()) {
        define(ts_node_named_child(left, 0), in_args[0], begin, false, source, out);
        for (uint32_t i = 1; i < n; ++i) define(ts_node_named_child(left, i), TSNode{}, begin, false, source, out);
        return;
      }
      // query, args, err := chain.ToSql(): a query builder's statement (squirrel), which its
      // data layer reads from the chain; the name holds no text the file spells.
      if (!plus && n >= 2 && !ts_node_is_null(right) && ts_node_named_child_count(right) == 1 &&
          builder_statement(ts_node_named_child(right, 0), source)) {
        define(ts_node_named_child(left, 0), ts_node_named_child(right, 0), begin, false, source, out);
        for (uint32_t i = 1; i < n; ++i) define(ts_node_named_child(left, i), TSNode{}, begin, false, source, out);
        return;
      }
      for (uint32_t i = 0; i < n; ++i) {
        TSNode value = paired ? ts_node_named_child(right, i) : TSNode{};
        if (!plus && list_append(ts_node_named_child(left, i), value, begin, source, out)) continue;
        TSNode lit = node_is(value, "unary_expression") ? first_named_child(value) : value;  // &strings.Builder{}
        if (!plus && node_is(lit, "composite_literal") && is_builder_type(node_text(field(lit, "type"), source)) &&
            node_is(ts_node_named_child(left, i), "identifier"))
          out->push_back(Definition{node_text(ts_node_named_child(left, i), source), TSNode{}, begin, false, true});
        else
          define(ts_node_named_child(left, i), value, begin, plus && paired, source, out);
      }
    } else if (!std::strcmp(t, "call_expression")) {
      // strings.Builder / bytes.Buffer: b.WriteString(x) appends x; fmt.Fprintf(&b, f, ...)
      // appends the formatted text; b.Reset() empties it.
      // Both call a selector whose field is one of those four names: most calls are neither.
      TSNode fn = field(node, "function");
      if (!node_is(fn, "selector_expression")) return;
      std::string_view method = node_text(field(fn, "field"), source);
      if (method != "WriteString" && method != "Write" && method != "Reset" && method != "Fprintf") return;
      TSNode args = field(node, "arguments");
      std::vector<TSNode> fargs;
      if (node_is(field(fn, "operand"), "identifier")) {
        TSNode b = field(fn, "operand");
        if ((method == "WriteString" || method == "Write") && ts_node_named_child_count(args) == 1 && builder_use(node))
          // In a loop, once: each pass appends the same text (a list item, a placeholder).
          define(b, ts_node_named_child(args, 0), begin, true, source, out);
        else if (method == "Reset" && ts_node_named_child_count(args) == 0 && builder_use(node))
          out->push_back(Definition{node_text(b, source), TSNode{}, begin, false, true});
      }
      if (package_call(node, source, "fmt", "Fprintf", &fargs) && fargs.size() >= 2 && builder_use(node) &&
          node_is(fargs[0], "unary_expression") && node_is(first_named_child(fargs[0]), "identifier"))
        define(first_named_child(fargs[0]), node, begin, true, source, out);
    } else if (!std::strcmp(t, "parameter_declaration") ||
               !std::strcmp(t, "variadic_parameter_declaration")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        if (node_is(c, "identifier")) define(c, TSNode{}, begin, false, source, out);
      }
    }
  }

  bool call(TSNode node, std::string_view source, Call* out) const override {
    if (!call_name(node, source, &out->name)) return false;
    TSNode args = field(node, "arguments");
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (!node_is(a, "comment")) out->arguments.push_back(a);
    }
    return true;
  }

  /// call(), its arguments not read.
  bool call_name(TSNode node, std::string_view source, std::string_view* name) const override {
    if (!node_is(node, "call_expression")) return false;
    TSNode fn = field(node, "function");
    if (node_is(fn, "selector_expression")) {
      // A gomock expectation, db.EXPECT().ExecContext(gomock.Any(), ...), states what a test's
      // mock will be called with: it runs nothing.
      TSNode operand = field(fn, "operand");
      if (node_is(operand, "call_expression") && node_is(field(operand, "function"), "selector_expression") &&
          node_text(field(field(operand, "function"), "field"), source) == "EXPECT")
        return false;
      // stmt.QueryRowContext(ctx, a, b) on a statement the function prepared: the arguments
      // are values; the SQL is the Prepare call's, a site of its own.
      if (node_is(operand, "identifier") && (prepared_statement(operand, source) || declared_statement(operand, source)))
        return false;
      // tx.StmtContext(ctx, s.insert).ExecContext(ctx, a, b), wrapTx(ctx, tx, s.insert).QueryRowContext(ctx, id):
      // the same, on the statement a call gives back.
      if (node_is(operand, "call_expression") && gives_statement(operand, source)) return false;
      fn = field(fn, "field");
    }
    if (!node_is(fn, "identifier") && !node_is(fn, "field_identifier")) return false;
    *name = node_text(fn, source);
    return true;
  }

  size_t sql_argument_index(std::string_view name) const override {
    if (name == "GetContext" || name == "SelectContext") return 2;  // (ctx, dest, query)
    if (name == "Get" || name == "Select") return 1;                // (dest, query)
    if (name.size() > 7 && name.substr(name.size() - 7) == "Context") return 1;  // (ctx, query)
    return 0;
  }

  bool cannot_be_sql(TSNode node, std::string_view source) const override {
    static constexpr const char* kTypes[] = {
        "int_literal", "float_literal", "imaginary_literal", "rune_literal", "true", "false",
        "nil", "composite_literal", "func_literal", "unary_expression"};
    for (const char* t : kTypes)
      if (node_is(node, t)) return true;
    // A squirrel chain's ToSql(): the chain is a site of the squirrel data layer.
    if (builder_statement(node, source)) return true;
    // lib/pq's array adapters (pq.Array(ids), pq.StringArray(tags)) are arguments, never SQL.
    std::vector<TSNode> args;
    for (const char* adapter : {"Array", "StringArray", "Int64Array", "Float64Array", "BoolArray", "ByteaArray"})
      if (package_call(node, source, "pq", adapter, &args)) return true;
    // A context as the only argument: a query builder running itself (bun's
    // db.NewSelect()...Scan(ctx), Exec(ctx)); its statement is the builder's, not a string.
    TSNode list = ts_node_parent(node);
    if (node_is(list, "argument_list") && ts_node_named_child_count(list) == 1 && is_context(node, source)) return true;
    // sqlx's Get and Select take the destination first: a context there is another API's
    // (a repository's ctrl.Get(ctx, created.ID)), and what stands where the query would is no SQL.
    if (node_is(list, "argument_list") && ts_node_named_child_count(list) >= 2 &&
        ts_node_eq(ts_node_named_child(list, 1), node) && is_context(ts_node_named_child(list, 0), source)) {
      TSNode fn = field(ts_node_parent(list), "function");
      std::string_view method = node_is(fn, "selector_expression") ? node_text(field(fn, "field"), source)
                                                                   : node_text(fn, source);
      if (method == "Get" || method == "Select") return true;
    }
    return false;
  }

  bool no_sql_at(const Call& call, size_t at, std::string_view source) const override {
    // sqlx's Get and Select take the destination first (as cannot_be_sql).
    return at == 1 && call.arguments.size() >= 2 && (call.name == "Get" || call.name == "Select") &&
           is_context(call.arguments[0], source);
  }

  /// `ctx`, `reqCtx`, `context.Background()`, `r.Context()`.
  static bool is_context(TSNode node, std::string_view source) {
    if (node_is(node, "identifier")) {
      std::string name(node_text(node, source));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return name.find("ctx") != std::string::npos || name == "context";
    }
    if (!node_is(node, "call_expression") || ts_node_named_child_count(field(node, "arguments")) != 0) return false;
    std::string_view fn = node_text(field(node, "function"), source);
    return fn == "context.Background" || fn == "context.TODO" || fn.ends_with(".Context");
  }

  bool package_scope() const override { return true; }

  bool function_parameters(TSNode fn, std::string_view source, std::string_view* name,
                           std::vector<std::string_view>* params) const override {
    if (!node_is(fn, "function_declaration") && !node_is(fn, "method_declaration")) return false;
    *name = node_text(field(fn, "name"), source);
    TSNode list = field(fn, "parameters");  // the receiver is another field
    uint32_t n = ts_node_named_child_count(list);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode p = ts_node_named_child(list, i);
      if (!node_is(p, "parameter_declaration") && !node_is(p, "variadic_parameter_declaration")) continue;
      bool named = false;
      // Only a string parameter can be SQL: ctx, ids and option structs are left nameless.
      bool text = node_is(p, "parameter_declaration") && node_text(field(p, "type"), source) == "string";
      uint32_t m = ts_node_named_child_count(p);
      for (uint32_t j = 0; j < m; ++j) {
        TSNode c = ts_node_named_child(p, j);
        if (!node_is(c, "identifier")) continue;
        params->push_back(text ? node_text(c, source) : std::string_view());
        named = true;
      }
      if (!named) params->push_back(std::string_view());
    }
    return !name->empty();
  }

  std::string_view parameter_type(TSNode fn, std::string_view source, std::string_view param) const override {
    TSNode list = field(fn, "parameters");
    for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
      TSNode p = ts_node_named_child(list, i);
      for (uint32_t j = 0; j < ts_node_named_child_count(p); ++j) {
        TSNode c = ts_node_named_child(p, j);
        if (node_is(c, "identifier") && node_text(c, source) == param) return node_text(field(p, "type"), source);
      }
    }
    return {};
  }

  bool is_method(TSNode fn) const override { return node_is(fn, "method_declaration"); }

  TSNode transformed(TSNode node, std::string_view source) const override {
    std::vector<TSNode> args;
    if (package_call(node, source, "strings", "TrimSpace", &args) && args.size() == 1) return args[0];
    return TSNode{};
  }

  bool formatting(TSNode node, std::string_view source, Formatting* out) const override {
    // Both are fmt's: a call of a selector whose field is Sprintf or Fprintf (most calls are not).
    if (!node_is(node, "call_expression")) return false;
    TSNode fn = field(node, "function");
    if (!node_is(fn, "selector_expression")) return false;
    std::string_view verb = node_text(field(fn, "field"), source);
    if (verb != "Sprintf" && verb != "Fprintf") return false;
    std::vector<TSNode> args;
    if (package_call(node, source, "fmt", "Sprintf", &args) && !args.empty()) {
      out->format = args[0];
      out->args.assign(args.begin() + 1, args.end());
      return true;
    }
    // fmt.Fprintf(&b, format, ...) into a builder: the text it appends (see definitions).
    if (package_call(node, source, "fmt", "Fprintf", &args) && args.size() >= 2 && node_is(args[0], "unary_expression") &&
        builder_use(node)) {
      out->format = args[1];
      out->args.assign(args.begin() + 2, args.end());
      return true;
    }
    return false;
  }

  TSNode same_text(TSNode node, std::string_view source) const override {
    if (!node_is(node, "call_expression")) return TSNode{};
    TSNode fn = field(node, "function");
    TSNode args = field(node, "arguments");
    if (TSNode type = table_name_call(node, source); !ts_node_is_null(type)) return type;
    // sqlx's db.Rebind(query): the same query, ? turned into the driver's bindvars.
    if (node_is(fn, "selector_expression") && node_text(field(fn, "field"), source) == "Rebind" &&
        ts_node_named_child_count(args) == 1)
      return ts_node_named_child(args, 0);
    if (ts_node_named_child_count(args) != 0) return TSNode{};
    if (!node_is(fn, "selector_expression") || node_text(field(fn, "field"), source) != "String") return TSNode{};
    TSNode operand = field(fn, "operand");
    return node_is(operand, "identifier") ? operand : TSNode{};
  }

  bool joining(TSNode node, std::string_view source, Joining* out) const override {
    std::vector<TSNode> args;
    if (!package_call(node, source, "strings", "Join", &args) || args.size() != 2) return false;
    out->list = args[0];
    out->separator = args[1];
    return true;
  }

  std::string_view field_read(TSNode node, std::string_view source) const override {
    if (!node_is(node, "selector_expression")) return {};
    TSNode operand = field(node, "operand");
    if (!node_is(operand, "identifier") && !node_is(operand, "selector_expression")) return {};
    std::string_view name = node_text(field(node, "field"), source);
    return unexported(name) ? name : std::string_view();
  }

  void field_writes(TSNode node, std::string_view source,
                    std::vector<std::pair<std::string_view, TSNode>>* out) const override {
    if (node_is(node, "keyed_element") && ts_node_named_child_count(node) == 2) {
      // T{sqlGet: v}; a map literal's identifier key (a variable) may come out here too: its
      // entry is one more value of a name no field read asks for, or an unknown one.
      TSNode k = ts_node_named_child(node, 0), v = ts_node_named_child(node, 1);
      if (node_is(k, "literal_element")) k = first_named_child(k);
      if (node_is(v, "literal_element")) v = first_named_child(v);
      if (node_is(k, "identifier") && unexported(node_text(k, source)))
        out->emplace_back(node_text(k, source), node_is(v, "literal_value") ? TSNode{} : v);
    } else if (node_is(node, "assignment_statement")) {
      TSNode left = field(node, "left"), right = field(node, "right");
      uint32_t n = ts_node_named_child_count(left);
      bool paired = node_is(field(node, "operator"), "=") && ts_node_named_child_count(right) == n;
      for (uint32_t i = 0; i < n; ++i) {
        std::string_view name = field_read(ts_node_named_child(left, i), source);
        if (!name.empty()) out->emplace_back(name, paired ? ts_node_named_child(right, i) : TSNode{});
      }
    } else if (node_is(node, "unary_expression") && node_is(field(node, "operator"), "&")) {
      std::string_view name = field_read(field(node, "operand"), source);  // row.Scan(&p.sqlGet)
      if (!name.empty()) out->emplace_back(name, TSNode{});
    } else if (node_is(node, "inc_statement") || node_is(node, "dec_statement")) {
      std::string_view name = field_read(first_named_child(node), source);
      if (!name.empty()) out->emplace_back(name, TSNode{});
    }
  }

  bool replacing(TSNode node, std::string_view source, Replacing* out) const override {
    std::vector<TSNode> args;
    if (package_call(node, source, "strings", "ReplaceAll", &args) && args.size() == 3) {
      *out = Replacing{args[0], args[1], args[2]};
      return true;
    }
    args.clear();  // strings.Replace(s, old, new, -1): every occurrence too
    if (package_call(node, source, "strings", "Replace", &args) && args.size() == 4 &&
        node_text(args[3], source) == "-1") {
      *out = Replacing{args[0], args[1], args[2]};
      return true;
    }
    return false;
  }

  Callee callee(TSNode node, std::string_view source, const ProjectFacts* facts, TSNode* qualifier,
                std::string* package_dir) const override {
    if (!facts || !node_is(node, "call_expression")) return Callee::kUnknown;
    TSNode fn = field(node, "function");
    if (!node_is(fn, "selector_expression")) return Callee::kUnknown;
    TSNode operand = field(fn, "operand");
    std::string_view name = node_text(field(fn, "field"), source);
    if (node_is(operand, "selector_expression")) {
      // c.q.GetUser.Get(&u, id): a field every struct of the project declares as a prepared
      // statement (`GetUser *sqlx.Stmt `query:"get-user"``) runs the statement it was prepared
      // with; its arguments are values.
      std::vector<std::string_view> f = fact_values(facts, "go:field:" + std::string(node_text(field(operand, "field"), source)));
      if (f.empty()) return Callee::kUnknown;
      for (std::string_view v : f)
        if (!v.starts_with("stmt")) return Callee::kUnknown;
      return Callee::kOtherApi;
    }
    if (node_is(operand, "call_expression")) {
      // sessions.GetRegistry(r).Get(store, name): a method of what another module's function
      // returned is that module's, and runs no SQL unless its path names a database
      // (other_module_api). A generic function's (do.MustInvoke[*sql.DB](i)) may return any.
      TSNode inner = field(operand, "function");
      if (!ts_node_is_null(field(operand, "type_arguments")) || !node_is(inner, "selector_expression"))
        return Callee::kUnknown;
      TSNode package = field(inner, "operand");
      if (!node_is(package, "identifier")) return Callee::kUnknown;
      std::string path = import_path(ts_tree_root_node(node.tree), node_text(package, source), source, facts);
      if (path.empty() || facts->count("go:package:" + path) || !other_module_api(path)) return Callee::kUnknown;
      *qualifier = package;
      return Callee::kOtherApi;
    }
    if (!node_is(operand, "identifier")) return Callee::kUnknown;
    std::string path = import_path(ts_tree_root_node(node.tree), node_text(operand, source), source, facts);
    if (path.empty()) {
      // A local's method call takes no SQL only when the local's type declares the method
      // without a string parameter: unless some type of the project does, the local's type
      // (a walk of its function's declarations, at each such call) is not asked.
      if (!has_fact(facts, "go:plain-method:" + std::string(name))) return Callee::kUnknown;
      return takes_no_text(local_type(operand, source, facts), name, facts) ? Callee::kOtherApi : Callee::kUnknown;
    }
    *qualifier = operand;
    if (const std::optional<std::string> dir = one_value(facts, "go:package:" + path)) {
      if (!has_fact(facts, "go:func:" + *dir + ":" + std::string(name))) return Callee::kUnknown;  // a variable's method
      *package_dir = *dir;
      return Callee::kProjectFunction;
    }
    return other_module_api(path) ? Callee::kOtherApi : Callee::kUnknown;
  }

  /// Whether the package imported from `path` (not the project's) runs no SQL. The standard
  /// library (no domain in its first element) runs none but database/sql's, whose package-level
  /// functions take none either (sql.Open, sql.Named). Another module (`keyring.Get(service,
  /// user)`) runs none unless its path names a database library (sqlx.Get, pgxscan.Select, dbr,
  /// gorm, bun...).
  static bool other_module_api(std::string_view path) {
    if (path.substr(0, path.find('/')).find('.') == std::string_view::npos) return path != "database/sql";
    std::string lower(path);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::string_view kDatabaseWords[] = {"sql", "pg", "db", "gorm", "bun", "xorm", "squirrel", "goqu",
                                                          "ent", "scan", "sqlite", "mysql", "clickhouse", "cockroach",
                                                          "spanner", "upper", "reform", "rel", "query", "store", "orm",
                                                          "pq", "jet", "lite", "dolt", "duck", "clickhouse"};
    for (std::string_view w : kDatabaseWords)
      if (lower.find(w) != std::string::npos) return false;
    return true;
  }

  std::string_view named_query_field(TSNode node, std::string_view source, const ProjectFacts* facts) const override {
    if (!facts || !node_is(node, "selector_expression")) return {};
    // goyesql's map of the parsed queries: qMap["get-settings"].Query, or `q, ok :=
    // qMap["get-settings"]` and q.Query, naming a query of the project's query files.
    if (node_text(field(node, "field"), source) == "Query") {
      TSNode from = field(node, "operand");
      if (node_is(from, "identifier")) from = map_lookup_of(from, source);
      TSNode index = node_is(from, "index_expression") ? field(from, "index") : TSNode{};
      std::string_view key = node_text(index, source);
      if (node_is(index, "interpreted_string_literal") && key.size() > 2 &&
          key.find('\\') == std::string_view::npos && has_fact(facts, "sql:query:" + std::string(key.substr(1, key.size() - 2))))
        return key.substr(1, key.size() - 2);
      return {};
    }
    std::vector<std::string_view> f = fact_values(facts, "go:field:" + std::string(node_text(field(node, "field"), source)));
    if (f.empty() || !f.front().starts_with("text ")) return {};
    for (std::string_view v : f)
      if (v != f.front()) return {};
    // A view of the facts' text, which outlives the file's scan (the map's, or the index cache's).
    std::string_view query = f.front().substr(5);
    return has_fact(facts, "sql:query:" + std::string(query)) ? query : std::string_view();
  }

  bool list_items(TSNode node, std::vector<TSNode>* out) const override {
    if (!node_is(node, "composite_literal")) return false;
    TSNode body = field(node, "body");
    uint32_t n = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode e = ts_node_named_child(body, i);
      if (node_is(e, "comment")) continue;
      if (!node_is(e, "literal_element")) return false;  // keyed: a map or an indexed array
      out->push_back(first_named_child(e));
    }
    return true;
  }

 private:
  /// `func (T) TableName() string { return "t" }` (or `name := "t"; return name`), the table an
  /// ORM (GORM, pop) gives the model: the type's name is defined, at the file's level, as the
  /// text the method returns. A type and a constant never share a name in one package, so
  /// `T{}.TableName()` elsewhere in the package reads that text (through the project's package
  /// constants from another file).
  static void table_names(TSNode file, std::string_view source, std::vector<Definition>* out) {
    if (source.find("TableName") == std::string_view::npos) return;  // no such method: the declarations unread
    uint32_t n = ts_node_named_child_count(file);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode m = ts_node_named_child(file, i);
      if (!node_is(m, "method_declaration") || node_text(field(m, "name"), source) != "TableName" ||
          ts_node_named_child_count(field(m, "parameters")) != 0)
        continue;
      TSNode recv = first_named_child(field(m, "receiver"));
      if (!node_is(recv, "parameter_declaration")) continue;
      TSNode type = field(recv, "type");
      if (node_is(type, "pointer_type")) type = first_named_child(type);
      if (!node_is(type, "type_identifier")) continue;
      TSNode body = field(m, "body");
      if (ts_node_is_null(body)) continue;
      TSNode list = first_named_child(body);
      if (node_is(list, "statement_list")) body = list;
      TSNode value{};
      bool plain = true;
      uint32_t k = ts_node_named_child_count(body);
      for (uint32_t j = 0; j < k; ++j) {
        TSNode s = ts_node_named_child(body, j);
        if (node_is(s, "comment") || node_is(s, "short_var_declaration")) continue;
        TSNode e = node_is(s, "return_statement") ? first_named_child(s) : TSNode{};
        if (node_is(e, "expression_list")) e = ts_node_named_child_count(e) == 1 ? ts_node_named_child(e, 0) : TSNode{};
        if (ts_node_is_null(e) || !ts_node_is_null(value)) plain = false;  // a branch, a second return
        value = e;
      }
      if (plain && !ts_node_is_null(value))
        out->push_back(Definition{node_text(type, source), value, ts_node_start_byte(m), false});
    }
  }

  /// `T{}.TableName()`, `(&T{}).TableName()`, `(&pop.Model{Value: T{}}).TableName()`: T's name.
  static TSNode table_name_call(TSNode call, std::string_view source) {
    TSNode fn = field(call, "function");
    if (!node_is(fn, "selector_expression") || node_text(field(fn, "field"), source) != "TableName" ||
        ts_node_named_child_count(field(call, "arguments")) != 0)
      return TSNode{};
    auto composite = [](TSNode v) {
      while (node_is(v, "parenthesized_expression")) v = first_named_child(v);
      if (node_is(v, "unary_expression")) v = field(v, "operand");
      return node_is(v, "composite_literal") ? v : TSNode{};
    };
    TSNode lit = composite(field(fn, "operand"));
    if (ts_node_is_null(lit)) return TSNode{};
    TSNode type = field(lit, "type");
    if (node_is(type, "qualified_type") && node_text(type, source) == "pop.Model") {
      TSNode body = field(lit, "body");
      TSNode value{};
      for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
        TSNode kv = ts_node_named_child(body, i);
        if (!node_is(kv, "keyed_element") || ts_node_named_child_count(kv) != 2) continue;
        if (node_text(ts_node_named_child(kv, 0), source) != "Value") continue;
        value = ts_node_named_child(kv, 1);
        if (node_is(value, "literal_element")) value = first_named_child(value);
      }
      TSNode inner = composite(value);
      if (ts_node_is_null(inner)) return TSNode{};
      type = field(inner, "type");
    }
    return node_is(type, "type_identifier") ? type : TSNode{};
  }

  /// `psql.Select(...)....ToSql()`: squirrel's statement of a chain spelled in one expression,
  /// which datalayers/squirrel.cpp reads as a site. Not `b.ToSql()` of a builder variable grown
  /// in steps (`b = b.Where(...)` in a loop), which that layer does not read: that query stays a
  /// dynamic site.
  static bool builder_statement(TSNode node, std::string_view source) {
    if (!node_is(node, "call_expression") || ts_node_named_child_count(field(node, "arguments")) != 0) return false;
    TSNode fn = field(node, "function");
    if (!node_is(fn, "selector_expression") || node_text(field(fn, "field"), source) != "ToSql") return false;
    // Down the chain to its first call: a builder's method (`psql.Select`, `sq.Delete`,
    // `r.database.Builder.Insert`), not a function of the project that returns one
    // (`selectContainers("c").LeftJoin(...)`), whose chain the layer does not read either.
    TSNode call = field(fn, "operand");
    if (!node_is(call, "call_expression")) return false;
    for (int k = 0; k < 256; ++k) {
      TSNode f = field(call, "function");
      if (!node_is(f, "selector_expression")) return false;
      TSNode inner = field(f, "operand");
      if (!node_is(inner, "call_expression")) return node_is(inner, "identifier") || node_is(inner, "selector_expression");
      call = inner;
    }
    return false;
  }

  /// A field other packages cannot set (encoding/json and other packages' reflection set only
  /// exported ones): every value it has is assigned by its own package's code.
  static bool unexported(std::string_view name) {
    return !name.empty() && (name.front() == '_' || (name.front() >= 'a' && name.front() <= 'z'));
  }

  static bool is_builder_type(std::string_view type) {
    return type == "strings.Builder" || type == "bytes.Buffer";
  }
  /// A call whose result is dropped (a statement of its own): WriteString's count and error are
  /// not used, so the call is there for what it appends.
  static bool builder_use(TSNode call) { return node_is(ts_node_parent(call), "expression_statement"); }

  /// A call of `package.name(...)` whose last argument is not spread (`args...`); fills its arguments.
  static bool package_call(TSNode node, std::string_view source, std::string_view package, std::string_view name,
                           std::vector<TSNode>* args) {
    if (!node_is(node, "call_expression")) return false;
    TSNode fn = field(node, "function");
    if (!node_is(fn, "selector_expression") || node_text(field(fn, "operand"), source) != package ||
        node_text(field(fn, "field"), source) != name)
      return false;
    TSNode list = field(node, "arguments");
    uint32_t n = ts_node_named_child_count(list);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(list, i);
      if (node_is(a, "comment")) continue;
      if (node_is(a, "variadic_argument")) return false;
      args->push_back(a);
    }
    return true;
  }
  /// The innermost function, method or function literal around `node`; null when none. Found
  /// from the root down, in one descent: ts_node_parent itself descends from the root, so
  /// climbing with it costs a descent per level (a tenth of a Go project's run).
  static TSNode enclosing_function(TSNode node) {
    static const KindSet kFunctions{"function_declaration", "method_declaration", "func_literal"};
    uint32_t at = ts_node_start_byte(node);
    TSNode fn{};
    TSNode n = ts_tree_root_node(node.tree);
    while (!ts_node_is_null(n) && !ts_node_eq(n, node)) {
      if (kFunctions.has(n)) fn = n;
      n = ts_node_first_child_for_byte(n, at);
    }
    if (!ts_node_is_null(n)) return fn;
    // A node the descent does not reach (no width): climb.
    for (fn = ts_node_parent(node); !ts_node_is_null(fn) && !kFunctions.has(fn);) fn = ts_node_parent(fn);
    return fn;
  }

  /// What the questions about a function's locals (prepared_statement, local_type) read of it,
  /// gathered once per function and extraction. Each is asked at method calls on an identifier;
  /// walking the function up to the call each time was quadratic in the function's size (sqlc's
  /// generated Prepare, a repository file's long methods): an eighth of a Go project's run.
  struct FunctionLocals {
    bool walked = false;
    /// Every var_spec, parameter_declaration, short_var_declaration and assignment_statement of
    /// the function, nested functions' too, in document order (starts never decrease).
    std::vector<TSNode> declarations;
    /// (start, first name) of each of those that assigns one Prepare call's result:
    /// `stmt, err := tx.PreparexContext(ctx, "...")`, or a transaction's copy of a prepared
    /// statement: `stmt = tx.StmtContext(ctx, stmt)`.
    std::vector<std::pair<uint32_t, std::string_view>> prepared;
    size_t prepare_word = std::string_view::npos;  ///< where "Prepare" or "Stmt" first occurs in its text
  };

  /// A transaction's method that gives back its copy of a prepared statement (database/sql's
  /// Tx.Stmt and StmtContext, sqlx's Stmtx, StmtxContext, NamedStmt and NamedStmtContext).
  static bool transaction_statement(std::string_view method) {
    return method == "Stmt" || method == "StmtContext" || method == "Stmtx" || method == "StmtxContext" ||
           method == "NamedStmt" || method == "NamedStmtContext";
  }

  /// Whether the call `call` gives back a prepared statement: a transaction's copy of one, or a
  /// function of the file declared to return one (`func wrapTx(ctx context.Context, tx *sql.Tx,
  /// stmt *sql.Stmt) *sql.Stmt`).
  bool gives_statement(TSNode call, std::string_view source) const {
    TSNode callee = field(call, "function");
    if (node_is(callee, "selector_expression")) return transaction_statement(node_text(field(callee, "field"), source));
    if (!node_is(callee, "identifier") || !file_says("Stmt", source)) return false;
    std::string_view name = node_text(callee, source);
    for (auto& [n, gives] : statement_functions_)
      if (n == name) return gives;
    bool gives = false;
    TSNode root = ts_tree_root_node(call.tree);
    for (uint32_t i = 0, k = ts_node_named_child_count(root); i < k && !gives; ++i) {
      TSNode d = ts_node_named_child(root, i);
      if (node_is(d, "function_declaration") && node_text(field(d, "name"), source) == name)
        gives = is_prepared_statement_type(node_text(field(d, "result"), source));
    }
    statement_functions_.emplace_back(name, gives);
    return gives;
  }

  /// `fn`'s locals; `walk`: with its declarations gathered.
  const FunctionLocals& locals_of(TSNode fn, std::string_view source, bool walk) const {
    auto [it, added] = locals_.try_emplace(fn.id);
    FunctionLocals& f = it->second;
    if (added) {
      uint32_t from = ts_node_start_byte(fn), end = std::min<uint32_t>(ts_node_end_byte(fn), static_cast<uint32_t>(source.size()));
      if (from < end) {
        std::string_view text = source.substr(from, end - from);
        size_t at = std::min(text.find("Prepare"), text.find("Stmt"));
        if (at != std::string_view::npos) f.prepare_word = from + at;
      }
    }
    if (!walk || f.walked) return f;
    f.walked = true;
    static const KindSet kDeclarations{"var_spec", "parameter_declaration", "short_var_declaration", "assignment_statement"};
    static const KindSet kAssignments{"short_var_declaration", "assignment_statement"};
    TSTreeCursor cursor = ts_tree_cursor_new(fn);
    for (bool more = true; more;) {
      TSNode n = ts_tree_cursor_current_node(&cursor);
      bool named = ts_node_is_named(n);
      if (named && kDeclarations.has(n)) {
        f.declarations.push_back(n);
        if (kAssignments.has(n)) {
          TSNode left = field(n, "left"), right = field(n, "right");
          if (ts_node_named_child_count(right) == 1 && ts_node_named_child_count(left) >= 1) {
            TSNode call = ts_node_named_child(right, 0);
            TSNode callee = node_is(call, "call_expression") ? field(call, "function") : TSNode{};
            std::string_view method = node_is(callee, "selector_expression") ? node_text(field(callee, "field"), source) : "";
            // A Prepare method gives a statement; a helper that prepares a transaction
            // (PrepareTx, PrepareTxWithStatementTimeout) gives one to run SQL through.
            std::string_view rest = method.substr(std::min<size_t>(method.size(), 7));
            if ((method.starts_with("Prepare") && !rest.starts_with("Tx") && !rest.starts_with("Transaction")) ||
                transaction_statement(method))
              f.prepared.emplace_back(ts_node_start_byte(n), node_text(ts_node_named_child(left, 0), source));
          }
        }
      }
      // Named nodes only, as ts_node_named_child reads the tree: not below an anonymous one.
      if (named && ts_tree_cursor_goto_first_child(&cursor)) continue;
      while (!ts_tree_cursor_goto_next_sibling(&cursor))
        if (!ts_tree_cursor_goto_parent(&cursor)) {
          more = false;
          break;
        }
    }
    ts_tree_cursor_delete(&cursor);
    return f;
  }

  /// Whether `name` is assigned, earlier in its function, the result of a Prepare call
  /// (`stmt, err := tx.PreparexContext(ctx, "...")`) or a transaction's copy of a prepared
  /// statement (`stmt = tx.StmtContext(ctx, stmt)`; Go gives a variable one type): a prepared
  /// statement, not a database handle.
  bool prepared_statement(TSNode name, std::string_view source) const {
    // Only a callee field starting with "Prepare", or a Stmt method, before the name counts: a
    // file, or a function whose text before it, holding no such word (most) needs no walk.
    if (!file_says("Prepare", source) && !file_says("Stmt", source)) return false;
    TSNode fn = enclosing_function(name);
    if (ts_node_is_null(fn)) return false;
    uint32_t to = ts_node_start_byte(name);
    if (const FunctionLocals& f = locals_of(fn, source, false);
        f.prepare_word == std::string_view::npos || f.prepare_word + 4 > to)
      return false;
    std::string_view id = node_text(name, source);
    for (const auto& [at, first] : locals_of(fn, source, true).prepared) {
      if (at >= to) break;
      if (first == id) return true;
    }
    return false;
  }

  /// Every value the facts give `key`, those of the table beside the map too (project_facts.h):
  /// the readers below ask whether any, all or one value does.
  static std::vector<std::string_view> fact_values(const ProjectFacts* facts, const std::string& key) {
    return languages::fact_values(*facts, key);
  }
  static bool has_fact(const ProjectFacts* facts, const std::string& key) { return !fact_values(facts, key).empty(); }

  /// The one value the facts give `key`, or none (none, or several that disagree).
  static std::optional<std::string> one_value(const ProjectFacts* facts, const std::string& key) {
    std::vector<std::string_view> values = fact_values(facts, key);
    if (values.empty()) return std::nullopt;
    for (std::string_view v : values)
      if (v != values.front()) return std::nullopt;
    return std::string(values.front());
  }

  /// The import path of the package the file imports as `local` (an alias, or the package's
  /// name: the project's package clause, else the path's last element less a /vN major
  /// version), or "".
  static std::string import_path(TSNode root, std::string_view local, std::string_view source,
                                 const ProjectFacts* facts) {
    std::string found;
    auto spec = [&](TSNode s) {
      std::optional<std::string> clause;  // the package clause's name, which `name` may view
      TSNode p = field(s, "path");
      std::string_view path = node_text(p, source);
      if (path.size() < 2) return;
      path = path.substr(1, path.size() - 2);
      TSNode alias = field(s, "name");
      std::string_view name;
      if (!ts_node_is_null(alias)) {
        name = node_text(alias, source);
      } else if (auto dir = facts->find("go:package:" + std::string(path)); dir != facts->end() && dir->second.size() == 1) {
        clause = one_value(facts, "go:package-name:" + dir->second.front());
        name = clause ? std::string_view(*clause) : std::string_view();
      } else {
        std::string_view rest = path;
        size_t slash = rest.rfind('/');
        std::string_view last = slash == std::string_view::npos ? rest : rest.substr(slash + 1);
        if (last.size() >= 2 && last[0] == 'v' && std::all_of(last.begin() + 1, last.end(), ::isdigit) &&
            slash != std::string_view::npos) {
          rest = rest.substr(0, slash);
          slash = rest.rfind('/');
          last = slash == std::string_view::npos ? rest : rest.substr(slash + 1);
        }
        name = last;
        // `go-keyring` is package keyring, `yaml.v3` package yaml: the usual element spellings.
        if (name.starts_with("go-")) name.remove_prefix(3);
        if (size_t dot = name.find('.'); dot != std::string_view::npos) name = name.substr(0, dot);
      }
      if (name == local) found = std::string(path);
    };
    // The file's first declarations, stepped through with a cursor: ts_node_named_child(root, i)
    // walks the root's children from the first each time (a file's imports were asked at every
    // call of a package's function).
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    for (bool more = ts_tree_cursor_goto_first_child(&cursor); more && found.empty();
         more = ts_tree_cursor_goto_next_sibling(&cursor)) {
      TSNode d = ts_tree_cursor_current_node(&cursor);
      if (!ts_node_is_named(d) || node_is(d, "comment") || node_is(d, "package_clause")) continue;
      if (!node_is(d, "import_declaration")) break;  // imports come first
      each_go_import_spec(d, spec);
    }
    ts_tree_cursor_delete(&cursor);
    return found;
  }

  /// `m["key"]` when the local `id` is declared, last before it in its function, by
  /// `id, ok := m["key"]` (or `id := m["key"]`); else a null node.
  static TSNode map_lookup_of(TSNode id, std::string_view source) {
    TSNode fn = enclosing_function(id);
    if (ts_node_is_null(fn)) return TSNode{};
    uint32_t to = ts_node_start_byte(id);
    std::string_view name = node_text(id, source);
    TSNode found{};
    std::function<void(TSNode)> walk = [&](TSNode n) {
      if (ts_node_start_byte(n) >= to) return;
      if (node_is(n, "short_var_declaration") || node_is(n, "assignment_statement") || node_is(n, "var_spec")) {
        TSNode left = node_is(n, "var_spec") ? n : field(n, "left");
        for (uint32_t i = 0; i < ts_node_named_child_count(left); ++i)
          if (node_is(ts_node_named_child(left, i), "identifier") && node_text(ts_node_named_child(left, i), source) == name) {
            TSNode right = field(n, node_is(n, "var_spec") ? "value" : "right");
            TSNode value = i == 0 && ts_node_named_child_count(right) == 1 ? ts_node_named_child(right, 0) : TSNode{};
            found = node_is(value, "index_expression") ? value : TSNode{};
          }
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
    };
    walk(fn);
    return found;
  }

  /// The named type of a type expression, without pointer, package or type arguments.
  static std::string_view base_type(std::string_view type) {
    while (!type.empty() && type.front() == '*') type.remove_prefix(1);
    if (size_t b = type.find('['); b != std::string_view::npos) type = b == 0 ? std::string_view() : type.substr(0, b);
    if (size_t dot = type.rfind('.'); dot != std::string_view::npos) type = type.substr(dot + 1);
    return type;
  }

  /// The named type of the local `id`, from its last declaration before it in its function: a
  /// parameter or var of a declared type, or `x, err := a.f.M(...)`, a method of the type the
  /// project declares the field `f` with, whose result's type the project declares (temporal's
  /// `visibilityArchiver, err := wh.archiverProvider.GetVisibilityArchiver(scheme)`); "" when
  /// not known.
  std::string local_type(TSNode id, std::string_view source, const ProjectFacts* facts) const {
    TSNode fn = enclosing_function(id);
    if (ts_node_is_null(fn)) return {};
    uint32_t to = ts_node_start_byte(id);
    std::string_view name = node_text(id, source);
    std::string found;
    for (TSNode n : locals_of(fn, source, true).declarations) {
      if (ts_node_start_byte(n) >= to) break;
      if (node_is(n, "var_spec") || node_is(n, "parameter_declaration")) {
        for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (node_is(c, "identifier") && node_text(c, source) == name)
            found = ts_node_is_null(field(n, "type")) ? "" : std::string(base_type(node_text(field(n, "type"), source)));
        }
      } else {  // short_var_declaration, assignment_statement
        TSNode left = field(n, "left"), right = field(n, "right");
        bool declares = false;
        for (uint32_t i = 0; i < ts_node_named_child_count(left); ++i)
          if (node_text(ts_node_named_child(left, i), source) == name) declares = true;
        if (declares) {
          found.clear();
          TSNode call = ts_node_named_child_count(right) == 1 ? ts_node_named_child(right, 0) : TSNode{};
          TSNode callee = node_is(call, "call_expression") ? field(call, "function") : TSNode{};
          TSNode holder = node_is(callee, "selector_expression") ? field(callee, "operand") : TSNode{};
          if (node_text(ts_node_named_child(left, 0), source) == name && node_is(holder, "selector_expression"))
            if (const std::optional<std::string> p = one_value(facts, "go:fieldtype:" + std::string(node_text(field(holder, "field"), source))))
              if (const std::optional<std::string> t = one_value(facts, "go:result:" + *p + "." + std::string(node_text(field(callee, "field"), source))))
                if (*t != "?") found = *t;
        }
      }
    }
    return found;
  }

  /// Whether the project declares the type `type` (an interface or a struct, embedding nothing
  /// whose methods it would take on) with a method `method` that has no string parameter: a
  /// call of it passes no SQL (an archiver's Query(ctx, uri, request)).
  static bool takes_no_text(const std::string& type, std::string_view method, const ProjectFacts* facts) {
    if (type.empty()) return false;
    const std::optional<std::string> kind = one_value(facts, "go:type:" + type);
    if (!kind || (*kind != "interface" && *kind != "struct") || has_fact(facts, "go:embeds:" + type)) return false;
    const std::optional<std::string> m = one_value(facts, "go:method:" + type + "." + std::string(method));
    return m && *m == "plain";
  }

  /// Whether `name` is declared, in its function, as a prepared statement (`var stmt *sql.Stmt`,
  /// a parameter `stmt *sqlx.Stmt`).
  bool declared_statement(TSNode name, std::string_view source) const {
    if (!file_says("Stmt", source)) return false;
    TSNode fn = enclosing_function(name);
    if (ts_node_is_null(fn)) return false;
    uint32_t from = ts_node_start_byte(fn), to = ts_node_start_byte(name);
    if (to <= from || source.substr(from, to - from).find("Stmt") == std::string_view::npos) return false;
    std::string_view id = node_text(name, source);
    bool found = false;
    std::function<void(TSNode)> walk = [&](TSNode n) {
      if (found || ts_node_start_byte(n) >= to) return;
      if (node_is(n, "var_spec") || node_is(n, "parameter_declaration")) {
        TSNode type = field(n, "type");
        for (uint32_t i = 0; i < ts_node_named_child_count(n) && !ts_node_is_null(type); ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (node_is(c, "identifier") && node_text(c, source) == id)
            found = is_prepared_statement_type(node_text(type, source));
        }
        return;
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n) && !found; ++i) walk(ts_node_named_child(n, i));
    };
    walk(fn);
    return found;
  }

  /// `parts = append(parts, "a = $1", "b = $2")`: one more element of the list `parts` per
  /// value (as Python's parts.append), for strings.Join(parts, " AND "). Not for a spread
  /// (`append(parts, more...)`), whose elements are unknown.
  static bool list_append(TSNode name, TSNode value, uint32_t begin, std::string_view source,
                          std::vector<Definition>* out) {
    if (!node_is(name, "identifier") || !node_is(value, "call_expression") ||
        node_text(field(value, "function"), source) != "append")
      return false;
    TSNode args = field(value, "arguments");
    uint32_t k = ts_node_named_child_count(args);
    if (k < 2 || node_text(ts_node_named_child(args, 0), source) != node_text(name, source)) return false;
    for (uint32_t j = 1; j < k; ++j)
      if (node_is(ts_node_named_child(args, j), "variadic_argument") || node_is(ts_node_named_child(args, j), "comment"))
        return false;
    for (uint32_t j = 1; j < k; ++j) {
      Definition d{node_text(name, source), ts_node_named_child(args, j), begin, false};
      d.list_append = true;
      out->push_back(d);
    }
    return true;
  }
  static TSNode nth_value(TSNode values, uint32_t k) {
    if (ts_node_is_null(values) || k >= ts_node_named_child_count(values)) return TSNode{};
    return ts_node_named_child(values, k);
  }
  static void define(TSNode name, TSNode value, uint32_t begin, bool append,
                     std::string_view source, std::vector<Definition>* out) {
    if (ts_node_is_null(name) || !node_is(name, "identifier")) return;
    if (node_text(name, source) == "_") return;
    out->push_back(Definition{node_text(name, source), value, begin, append});
  }

  /// Whether the file's text holds `word` ("Prepare", "Stmt": a literal, asked again and again).
  bool file_says(std::string_view word, std::string_view source) const {
    for (auto& [w, holds] : words_)
      if (w == word) return holds;
    words_.emplace_back(word, source.find(word) != std::string_view::npos);
    return words_.back().second;
  }

  mutable std::unordered_map<const void*, FunctionLocals> locals_;  ///< by the function node's id
  mutable std::vector<std::pair<std::string_view, bool>> words_;      ///< file_says' answers
  mutable std::vector<std::pair<std::string_view, bool>> statement_functions_;  ///< gives_statement's answers, by function name
};

}  // namespace

void extract_go(const ExtractInput& in, std::vector<SqlSite>* out) {
  const GoSyntax syntax;  // one per file: it keeps what it learnt of the file's functions
  extract_sites(in, syntax, out);
}

}  // namespace schemagate::languages
