// See sqlalchemy_naming.h. A body is evaluated over a small domain: the input (the class name,
// or a helper's one parameter) with the transforms applied so far, a constant string, or the
// list `re.split("(?=[A-Z])", input)` waiting for its `"_".join(...)`. Straight-line code only:
// assignments then one return; any other statement, argument or pattern makes the body no rule.
#include "analyzers/datalayers/sqlalchemy_naming.h"

#include <cctype>
#include <cstring>
#include <map>
#include <optional>

#include "analyzers/datalayers/python_modules.h"

namespace schemagate::datalayers::sqlalchemy_naming {

namespace {

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }
TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower_or_digit(char c, bool digits) { return (c >= 'a' && c <= 'z') || (digits && c >= '0' && c <= '9'); }

/// `re.sub(pattern, replacement, s)` whose effect apply() knows: the transform's letter.
struct SubRow {
  std::string_view pattern, replacement;
  char op;
};
constexpr SubRow kSubs[] = {
    {"(?<!^)(?=[A-Z])", "_", 'U'},            // before every capital but a first one
    {"(?=[A-Z])", "_", 'V'},                  // before every capital
    {"([A-Z])", "_\\1", 'V'},
    {"([a-z0-9])([A-Z])", "\\1_\\2", 'A'},    // between a lower-case letter or digit and a capital
    {"([a-z\\d])([A-Z])", "\\1_\\2", 'A'},
    {"([a-z])([A-Z])", "\\1_\\2", 'a'},
    {"(.)([A-Z][a-z]+)", "\\1_\\2", 'B'},     // before a capitalised word that is not first
    {"([A-Z]+)([A-Z][a-z])", "\\1_\\2", 'C'}, // between an acronym and the word after it
};

/// `re.split(pattern, s)` whose parts apply() knows, joined by "_" with empty parts dropped.
constexpr std::string_view kSplitBeforeCapitals = "(?=[A-Z])";

std::string transform(char op, const std::string& s) {
  std::string out;
  switch (op) {
    case 'U':
    case 'V':
      for (size_t i = 0; i < s.size(); ++i) {
        if (upper(s[i]) && (i > 0 || op == 'V')) out.push_back('_');
        out.push_back(s[i]);
      }
      return out;
    case 'A':
    case 'a':
      for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && upper(s[i]) && lower_or_digit(s[i - 1], op == 'A')) out.push_back('_');
        out.push_back(s[i]);
      }
      return out;
    case 'B': {
      // `(.)([A-Z][a-z]+)`, matched left to right without overlap: a match ends after the run
      // of lower-case letters, and the next one starts there.
      size_t i = 0;
      while (i < s.size()) {
        if (i + 2 < s.size() && upper(s[i + 1]) && s[i + 2] >= 'a' && s[i + 2] <= 'z') {
          size_t j = i + 3;
          while (j < s.size() && s[j] >= 'a' && s[j] <= 'z') ++j;
          out.push_back(s[i]);
          out.push_back('_');
          out.append(s, i + 1, j - i - 1);
          i = j;
        } else {
          out.push_back(s[i++]);
        }
      }
      return out;
    }
    case 'C': {
      // `([A-Z]+)([A-Z][a-z])`: a run of two or more capitals followed by a lower-case letter;
      // the greedy run gives its last capital back to the second group.
      size_t i = 0;
      while (i < s.size()) {
        if (upper(s[i])) {
          size_t j = i;
          while (j < s.size() && upper(s[j])) ++j;
          if (j - i >= 2 && j < s.size() && s[j] >= 'a' && s[j] <= 'z') {
            out.append(s, i, j - 1 - i);
            out.push_back('_');
            out.push_back(s[j - 1]);
            out.push_back(s[j]);
            i = j + 1;
            continue;
          }
          out.append(s, i, j - i);
          i = j;
          continue;
        }
        out.push_back(s[i++]);
      }
      return out;
    }
    case 'L':
      out = s;
      for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return out;
    case 'S':
    case 'T': {
      size_t b = s.find_first_not_of('_');
      if (b == std::string::npos) return "";
      size_t e = op == 'T' ? s.find_last_not_of('_') + 1 : s.size();
      return s.substr(b, e - b);
    }
    default:
      return "";
  }
}

/// A Python string literal's value, when it is plain: no f/b prefix, and outside raw strings no
/// escape but `\\`, `\'` and `\"` (a `"\1"` is chr(1) to Python, not a group reference).
std::optional<std::string> literal(std::string_view src, TSNode node) {
  if (is(node, "parenthesized_expression") && ts_node_named_child_count(node) == 1) node = ts_node_named_child(node, 0);
  if (!is(node, "string")) return std::nullopt;
  uint32_t n = ts_node_child_count(node);
  if (n < 2) return std::nullopt;
  TSNode start = ts_node_child(node, 0), end = ts_node_child(node, n - 1);
  if (!is(start, "string_start") || !is(end, "string_end")) return std::nullopt;
  bool raw = false;
  for (char c : src.substr(ts_node_start_byte(start), ts_node_end_byte(start) - ts_node_start_byte(start))) {
    if (c == 'r' || c == 'R') raw = true;
    else if (c != '"' && c != '\'' && c != 'u' && c != 'U') return std::nullopt;
  }
  for (uint32_t i = 1; i + 1 < n; ++i)
    if (!is(ts_node_child(node, i), "string_content")) return std::nullopt;  // an interpolation, an escape node
  std::string_view body = src.substr(ts_node_end_byte(start), ts_node_start_byte(end) - ts_node_end_byte(start));
  if (raw) return std::string(body);
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out.push_back(body[i]);
      continue;
    }
    if (i + 1 >= body.size() || (body[i + 1] != '\\' && body[i + 1] != '\'' && body[i + 1] != '"')) return std::nullopt;
    out.push_back(body[++i]);
  }
  return out;
}

/// Separates the fields of a placeholder: `{s<sep>ref<sep>replacement}` for `C.sub(rep, x)`
/// with C imported, `{f<sep>ref}` for an imported helper's call (ref: python::base_ref's).
constexpr std::string_view kSep = "\x1d";

/// What an expression of a name transform stands for.
struct Value {
  enum Kind { kNone, kInput, kConst, kSplit } kind = kNone;
  std::string ops;   ///< kInput, kSplit: the transforms applied to the input so far
  std::string text;  ///< kConst
};

}  // namespace

Rule resolve(const Rule& rule, std::string_view from, const ProjectFacts* facts, int depth) {
  if (rule.starts_with("=") || rule.find('{') == std::string::npos) return rule;
  if (!facts || depth > 8) return "";
  Rule out;
  for (size_t i = 0; i < rule.size(); ++i) {
    if (rule[i] != '{') {
      out.push_back(rule[i]);
      continue;
    }
    size_t close = rule.find('}', i);
    if (close == std::string::npos || close < i + 2) return "";
    std::string_view inner = std::string_view(rule).substr(i + 2, close - i - 2);  // after "{s" / "{f"
    char kind = rule[i + 1];
    i = close;
    if (!inner.starts_with(kSep)) return "";
    inner.remove_prefix(kSep.size());
    std::string ref(inner.substr(0, inner.find(kSep)));
    std::optional<python::FoundClass> found = python::resolve_ref(*facts, kExportPrefix, from, ref);
    if (!found) return "";
    if (kind == 'f') {
      if (!found->record.starts_with("fn:")) return "";
      Rule ops = resolve(found->record.substr(3), found->path, facts, depth + 1);
      if (ops.empty()) return "";
      out += ops;
    } else if (kind == 's') {
      size_t sep = inner.find(kSep);
      if (sep == std::string_view::npos || !found->record.starts_with("re:")) return "";
      std::string_view replacement = inner.substr(sep + kSep.size());
      bool matched = false;
      for (const SubRow& row : kSubs)
        if (row.pattern == std::string_view(found->record).substr(3) && row.replacement == replacement) {
          out.push_back(row.op);
          matched = true;
          break;
        }
      if (!matched) return "";
    } else {
      return "";
    }
  }
  return out;
}

std::string apply(std::string_view rule, std::string_view class_name) {
  if (rule.empty()) return "";
  if (rule[0] == '=') return std::string(rule.substr(1));
  for (char c : class_name)
    if (static_cast<unsigned char>(c) >= 0x80) return "";  // lower() of a non-ASCII letter: not here
  std::string s(class_name);
  for (char op : rule) {
    if (!std::strchr("UVAaBCLST", op)) return "";
    s = transform(op, s);
  }
  return s;
}

bool may_export(std::string_view text) {
  return text.find("[A-Z]") != std::string_view::npos &&
         (text.find("re.compile") != std::string_view::npos || text.find("re.sub") != std::string_view::npos ||
          text.find("re.split") != std::string_view::npos);
}

struct NamingReader::Impl {
  const NamingReader& r;
  std::map<std::string, python::Import> imports;
  std::map<std::string, TSNode, std::less<>> functions, assignments;  // module level, the last one
  int depth = 0;

  explicit Impl(const NamingReader& reader) : r(reader) {
    imports = python::imports_of(r.path_, r.text_, r.root_);
    uint32_t n = ts_node_named_child_count(r.root_);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode s = ts_node_named_child(r.root_, i);
      if (is(s, "decorated_definition")) continue;  // a decorator may change what it returns
      if (is(s, "function_definition")) {
        functions[std::string(text(field(s, "name")))] = s;
        assignments.erase(std::string(text(field(s, "name"))));
      } else if (is(s, "expression_statement") && is(ts_node_named_child(s, 0), "assignment")) {
        TSNode a = ts_node_named_child(s, 0);
        if (!is(field(a, "left"), "identifier") || ts_node_is_null(field(a, "right"))) continue;
        std::string name(text(field(a, "left")));
        assignments[name] = field(a, "right");
        functions.erase(name);
      }
    }
  }

  std::string_view text(TSNode n) const {
    return r.text_.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }

  /// The value of a module-level name as other modules export it ("re:..." / "fn:...").
  std::optional<std::string> exported(std::string_view name) {
    if (++depth > 8) return std::nullopt;
    struct Leave { int& d; ~Leave() { --d; } } leave{depth};
    if (auto it = assignments.find(name); it != assignments.end()) {
      if (auto p = compiled(it->second)) return "re:" + *p;
      return std::nullopt;
    }
    if (auto it = functions.find(name); it != functions.end()) {
      std::optional<Value> v = function_value(it->second, false);
      if (v && v->kind == Value::kInput) return "fn:" + v->ops;
      return std::nullopt;
    }
    auto imp = imports.find(std::string(name));
    if (imp == imports.end() || imp->second.name.empty()) return std::nullopt;
    std::string ref = python::base_ref(imports, name);
    if (!r.facts_) return "?" + ref;  // the index phase: resolved when a record is read
    std::optional<python::FoundClass> found = python::resolve_ref(*r.facts_, kExportPrefix, r.path_, ref);
    if (!found) return std::nullopt;
    if (found->record.starts_with("fn:")) {  // its own placeholders are its module's
      Rule ops = resolve(found->record.substr(3), found->path, r.facts_, depth);
      if (ops.empty()) return std::nullopt;
      return "fn:" + ops;
    }
    return found->record;
  }

  /// `re.compile(<pattern>)` with no flags: the pattern.
  std::optional<std::string> compiled(TSNode value) {
    if (!is(value, "call") || text(field(value, "function")) != "re.compile") return std::nullopt;
    TSNode args = field(value, "arguments");
    if (ts_node_named_child_count(args) != 1) return std::nullopt;
    return literal(r.text_, ts_node_named_child(args, 0));
  }

  /// The value of a function's body with its first parameter as the input; `method`: the
  /// input is `<first>.__name__` (a `__tablename__` of a class).
  std::optional<Value> function_value(TSNode fn, bool method) {
    TSNode params = field(fn, "parameters");
    std::vector<std::string> names;
    uint32_t n = ts_node_named_child_count(params);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode p = ts_node_named_child(params, i);
      if (is(p, "typed_parameter")) p = ts_node_named_child(p, 0);
      if (!is(p, "identifier")) return std::nullopt;  // defaults, *args: not a plain transform
      names.push_back(std::string(text(p)));
    }
    if (names.size() != 1) return std::nullopt;
    std::map<std::string, Value, std::less<>> env;
    std::string self = method ? names[0] : "";
    if (!method) env[names[0]] = Value{Value::kInput, "", ""};
    TSNode body = field(fn, "body");
    uint32_t k = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode s = ts_node_named_child(body, i);
      if (is(s, "comment")) continue;
      if (is(s, "return_statement")) {
        if (i + 1 != k && !is(ts_node_named_child(body, k - 1), "comment")) return std::nullopt;
        if (ts_node_named_child_count(s) != 1) return std::nullopt;
        return eval(ts_node_named_child(s, 0), env, self);
      }
      if (!is(s, "expression_statement") || ts_node_named_child_count(s) != 1) return std::nullopt;
      TSNode e = ts_node_named_child(s, 0);
      if (is(e, "string") && i == 0) continue;  // the docstring
      if (!is(e, "assignment") || !is(field(e, "left"), "identifier") || ts_node_is_null(field(e, "right")))
        return std::nullopt;
      std::optional<Value> v = eval(field(e, "right"), env, self);
      if (!v) return std::nullopt;
      env[std::string(text(field(e, "left")))] = *v;
    }
    return std::nullopt;
  }

  /// A regex pattern given as a literal or a name of the module's or an import's
  /// `re.compile(...)`: for `re.sub`'s first argument.
  std::optional<std::string> pattern_of(TSNode n) {
    if (auto p = literal(r.text_, n)) return p;
    return std::nullopt;
  }

  static std::optional<char> sub_op(std::string_view pattern, std::string_view replacement) {
    for (const SubRow& row : kSubs)
      if (row.pattern == pattern && row.replacement == replacement) return row.op;
    return std::nullopt;
  }

  std::vector<TSNode> args_of(TSNode call, bool* plain) {
    TSNode args = field(call, "arguments");
    std::vector<TSNode> out;
    *plain = is(args, "argument_list");
    uint32_t n = *plain ? ts_node_named_child_count(args) : 0;
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (is(a, "comment")) continue;
      if (!is(a, "identifier") && !is(a, "attribute") && !is(a, "string") && !is(a, "call") &&
          !is(a, "parenthesized_expression") && !is(a, "list_comprehension") && !is(a, "generator_expression"))
        *plain = false;  // keyword arguments (flags=, count=), splats
      out.push_back(a);
    }
    return out;
  }

  std::optional<Value> input_then(std::optional<Value> v, std::string_view ops) {
    if (!v || v->kind != Value::kInput) return std::nullopt;
    v->ops += ops;
    return v;
  }

  std::optional<Value> eval(TSNode n, const std::map<std::string, Value, std::less<>>& env, const std::string& self) {
    if (++depth > 24) { --depth; return std::nullopt; }
    struct Leave { int& d; ~Leave() { --d; } } leave{depth};
    if (is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) return eval(ts_node_named_child(n, 0), env, self);
    if (auto s = literal(r.text_, n)) return Value{Value::kConst, "", *s};
    if (is(n, "identifier")) {
      if (auto it = env.find(text(n)); it != env.end()) return it->second;
      return std::nullopt;
    }
    if (is(n, "attribute")) {
      if (!self.empty() && is(field(n, "object"), "identifier") && text(field(n, "object")) == self &&
          text(field(n, "attribute")) == "__name__")
        return Value{Value::kInput, "", ""};
      return std::nullopt;
    }
    if (!is(n, "call")) return std::nullopt;
    bool plain = false;
    std::vector<TSNode> args = args_of(n, &plain);
    if (!plain) return std::nullopt;
    TSNode fn = field(n, "function");
    if (is(fn, "attribute")) {
      TSNode object = field(fn, "object");
      std::string_view method = text(field(fn, "attribute"));
      if (method == "lower" && args.empty()) return input_then(eval(object, env, self), "L");
      if ((method == "lstrip" || method == "strip") && args.size() == 1 && literal(r.text_, args[0]) == "_")
        return input_then(eval(object, env, self), method == "strip" ? "T" : "S");
      if (text(object) == "re" && method == "sub" && args.size() == 3) {
        std::optional<std::string> p = pattern_of(args[0]), rep = literal(r.text_, args[1]);
        if (!p || !rep) return std::nullopt;
        std::optional<char> op = sub_op(*p, *rep);
        if (!op) return std::nullopt;
        return input_then(eval(args[2], env, self), std::string(1, *op));
      }
      if (text(object) == "re" && method == "split" && args.size() == 2) {
        std::optional<std::string> p = pattern_of(args[0]);
        if (!p || *p != kSplitBeforeCapitals) return std::nullopt;
        std::optional<Value> v = eval(args[1], env, self);
        if (!v || v->kind != Value::kInput) return std::nullopt;
        v->kind = Value::kSplit;
        return v;
      }
      if (method == "sub" && args.size() == 2 && is(object, "identifier")) {  // COMPILED.sub(rep, s)
        std::optional<std::string> e = exported(text(object));
        std::optional<std::string> rep = literal(r.text_, args[0]);
        if (!e || !rep) return std::nullopt;
        if (e->starts_with("?"))  // another module's, read in the index phase: a placeholder
          return input_then(eval(args[1], env, self), "{s" + std::string(kSep) + e->substr(1) + std::string(kSep) + *rep + "}");
        if (!e->starts_with("re:")) return std::nullopt;
        std::optional<char> op = sub_op(std::string_view(*e).substr(3), *rep);
        if (!op) return std::nullopt;
        return input_then(eval(args[1], env, self), std::string(1, *op));
      }
      if (method == "join" && args.size() == 1 && literal(r.text_, object) == "_") return joined(args[0], env, self);
      return std::nullopt;
    }
    if (is(fn, "identifier") && args.size() == 1) {  // a helper: f(cls.__name__)
      std::optional<std::string> e = exported(text(fn));
      if (!e) return std::nullopt;
      if (e->starts_with("?")) return input_then(eval(args[0], env, self), "{f" + std::string(kSep) + e->substr(1) + "}");
      if (!e->starts_with("fn:")) return std::nullopt;
      return input_then(eval(args[0], env, self), std::string_view(*e).substr(3));
    }
    return std::nullopt;
  }

  /// `"_".join(x.lower() for x in parts if x)` (list or generator) over a re.split before
  /// capitals: the parts joined, empty ones dropped.
  std::optional<Value> joined(TSNode comp, const std::map<std::string, Value, std::less<>>& env, const std::string& self) {
    if (!is(comp, "list_comprehension") && !is(comp, "generator_expression")) return std::nullopt;
    TSNode body = field(comp, "body");
    TSNode for_in{}, cond{};
    uint32_t n = ts_node_named_child_count(comp);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(comp, i);
      if (is(c, "for_in_clause")) {
        if (!ts_node_is_null(for_in)) return std::nullopt;
        for_in = c;
      } else if (is(c, "if_clause")) {
        if (!ts_node_is_null(cond)) return std::nullopt;
        cond = c;
      }
    }
    if (ts_node_is_null(for_in) || ts_node_is_null(cond)) return std::nullopt;
    TSNode var = field(for_in, "left");
    if (!is(var, "identifier")) return std::nullopt;
    std::string_view x = text(var);
    if (ts_node_named_child_count(cond) != 1 || text(ts_node_named_child(cond, 0)) != x) return std::nullopt;
    std::optional<Value> parts = eval(field(for_in, "right"), env, self);
    if (!parts || parts->kind != Value::kSplit) return std::nullopt;
    // Each part as is, or lower-cased: the same as lower-casing the joined string.
    bool lowered = false;
    if (is(body, "call") && is(field(body, "function"), "attribute") &&
        text(field(field(body, "function"), "attribute")) == "lower" &&
        text(field(field(body, "function"), "object")) == x && ts_node_named_child_count(field(body, "arguments")) == 0)
      lowered = true;
    else if (text(body) != x)
      return std::nullopt;
    // Splitting before every capital and dropping the empty first part, joined by "_": a "_"
    // before every capital that is not first.
    Value v{Value::kInput, parts->ops + "U", ""};
    if (lowered) v.ops.push_back('L');
    return v;
  }
};

NamingReader::NamingReader(std::string_view path, std::string_view text, TSNode root, const ProjectFacts* facts)
    : path_(path), text_(text), root_(root), facts_(facts) {}

Rule NamingReader::tablename_rule(TSNode function_definition) const {
  if (ts_node_is_null(root_)) return "";
  Impl impl(*this);
  std::optional<Value> v = impl.function_value(function_definition, true);
  if (!v) return "";
  if (v->kind == Value::kConst) return v->text.empty() ? "" : "=" + v->text;
  if (v->kind != Value::kInput || v->ops.empty()) return "";  // the class name unchanged: rare, and not checked here
  return v->ops;
}

std::vector<std::pair<std::string, std::string>> NamingReader::exports() const {
  std::vector<std::pair<std::string, std::string>> out;
  if (ts_node_is_null(root_)) return out;
  Impl impl(*this);
  for (auto* names : {&impl.assignments, &impl.functions})
    for (auto& [name, node] : *names)
      if (std::optional<std::string> e = impl.exported(name)) out.push_back({name, *e});
  return out;
}

}  // namespace schemagate::datalayers::sqlalchemy_naming
