// Reading Go models and query chains for the Go data layers (see go_model.h).
#include "analyzers/datalayers/go_model.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <tuple>

#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers::go {

using languages::field;
using languages::node_is;
using languages::node_text;

std::vector<Field> fields(TSNode st, std::string_view src) {
  std::vector<Field> out;
  TSNode list{};
  for (uint32_t i = 0; i < ts_node_named_child_count(st); ++i)
    if (node_is(ts_node_named_child(st, i), "field_declaration_list")) list = ts_node_named_child(st, i);
  if (ts_node_is_null(list)) return out;
  for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
    TSNode f = ts_node_named_child(list, i);
    if (!node_is(f, "field_declaration")) continue;
    Field d;
    d.type = field(f, "type");
    d.type_text = node_text(d.type, src);
    while (d.type_text.starts_with("*")) d.type_text.remove_prefix(1);
    d.tag = field(f, "tag");
    for (uint32_t j = 0; j < ts_node_named_child_count(f); ++j)
      if (node_is(ts_node_named_child(f, j), "field_identifier")) d.names.push_back(ts_node_named_child(f, j));
    out.push_back(std::move(d));
  }
  return out;
}

std::optional<TagValue> tag_value(TSNode tag, std::string_view key, std::string_view src) {
  if (ts_node_is_null(tag)) return std::nullopt;
  std::string_view t = node_text(tag, src);
  if (t.size() < 2 || t.front() != '`') return std::nullopt;  // an interpreted literal would need unescaping
  // reflect.StructTag.Lookup: space-separated key:"value" pairs.
  size_t i = 1, end = t.size() - 1;
  while (i < end) {
    while (i < end && t[i] == ' ') ++i;
    size_t k = i;
    while (k < end && t[k] > ' ' && t[k] != ':' && t[k] != '"') ++k;
    if (k == i || k + 1 >= end || t[k] != ':' || t[k + 1] != '"') return std::nullopt;
    std::string_view name = t.substr(i, k - i);
    size_t v = k + 2, q = v;
    while (q < end && t[q] != '"') q += t[q] == '\\' ? 2 : 1;
    if (q >= end) return std::nullopt;
    if (name == key) {
      std::string_view value = t.substr(v, q - v);
      if (value.find('\\') != std::string_view::npos) return std::nullopt;
      return TagValue{value, static_cast<uint32_t>(ts_node_start_byte(tag) + v)};
    }
    i = q + 1;
  }
  return std::nullopt;
}

std::vector<TSNode> body_statements(TSNode body) {
  std::vector<TSNode> out;
  uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode s = ts_node_named_child(body, i);
    if (node_is(s, "statement_list"))
      for (uint32_t j = 0; j < ts_node_named_child_count(s); ++j) out.push_back(ts_node_named_child(s, j));
    else
      out.push_back(s);
  }
  return out;
}

std::string receiver_type_name(TSNode method, std::string_view src) {
  std::string_view recv = node_text(field(method, "receiver"), src);
  std::string type;
  for (size_t i = recv.size(); i-- > 0;) {  // the last identifier of "(m *Model)"
    char c = recv[i];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') type.insert(type.begin(), c);
    else if (!type.empty()) break;
  }
  return type;
}

std::optional<TableNameMethod> table_name_method(TSNode method, std::string_view src) {
  TableNameMethod out;
  out.type = receiver_type_name(method, src);
  TSNode body = field(method, "body");
  if (ts_node_is_null(body)) return std::nullopt;  // a function implemented in assembly
  std::vector<TSNode> statements = body_statements(body);
  std::erase_if(statements, [](TSNode s) { return node_is(s, "comment"); });
  auto only = [](TSNode list) {
    if (!node_is(list, "expression_list")) return list;
    return ts_node_named_child_count(list) == 1 ? ts_node_named_child(list, 0) : TSNode{};
  };
  if (statements.empty() || statements.size() > 2 || !node_is(statements.back(), "return_statement"))
    return std::nullopt;
  TSNode lit = only(languages::first_named_child(statements.back()));
  if (statements.size() == 2) {  // name := "t"; return name
    TSNode decl = statements.front();
    if (!node_is(decl, "short_var_declaration") || !node_is(lit, "identifier")) return std::nullopt;
    TSNode left = only(field(decl, "left"));
    if (node_text(left, src) != node_text(lit, src)) return std::nullopt;
    lit = only(field(decl, "right"));
  }
  std::string_view text;
  uint32_t at;
  if (!literal(lit, src, &text, &at) || text.empty()) return std::nullopt;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') return std::nullopt;
  out.table = std::string(text);
  out.span = {at, static_cast<uint32_t>(at + text.size())};
  return out;
}

bool column_type(std::string_view t, const std::set<std::string>& scalars) {
  static const std::set<std::string_view> kinds = {
      "string", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
      "float32", "float64", "byte", "rune", "[]byte", "[]uint8"};
  if (kinds.count(t)) return true;
  if (t.starts_with("[]") || t.starts_with("map[") || t.starts_with("[") || t.starts_with("func") ||
      t.starts_with("chan") || t.starts_with("interface") || t.starts_with("struct"))
    return false;
  if (t.find('.') != std::string_view::npos) return true;  // time.Time, sql.NullString, uuid.UUID, datatypes.JSON
  return scalars.count(std::string(t)) != 0;
}

bool plain_name(std::string_view t) {
  if (t.empty() || std::isdigit(static_cast<unsigned char>(t[0]))) return false;
  for (char c : t)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return true;
}

void list_columns(std::string_view text, uint32_t at, bool order, std::vector<std::pair<std::string, uint32_t>>* out) {
  std::vector<std::pair<std::string, uint32_t>> cols;
  size_t i = 0;
  while (i <= text.size()) {
    size_t comma = text.find(',', i);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(i, comma - i);
    size_t b = 0;
    while (b < item.size() && item[b] == ' ') ++b;
    size_t e = b;
    while (e < item.size() && item[e] != ' ') ++e;
    std::string_view name = item.substr(b, e - b), rest = item.substr(e);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    std::string r(rest);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!plain_name(name) || !(r.empty() || (order && (r == "asc" || r == "desc")))) return;
    cols.push_back({std::string(name), static_cast<uint32_t>(at + i + b)});
    i = comma + 1;
  }
  out->insert(out->end(), cols.begin(), cols.end());
}

void where_columns(std::string_view original, uint32_t at, std::vector<std::pair<std::string, uint32_t>>* out) {
  if (original.find('(') != std::string_view::npos) return;
  // A '...' literal is a value: blanked to `?` and spaces (same offsets), so that its words
  // (' and ', ' or ') do not split the conjuncts.
  std::string blanked(original);
  for (size_t i = 0; i < blanked.size(); ++i) {
    if (blanked[i] != '\'') continue;
    size_t j = i + 1;
    for (; j < blanked.size(); ++j) {
      if (blanked[j] != '\'') continue;
      if (j + 1 < blanked.size() && blanked[j + 1] == '\'') {
        ++j;
        continue;
      }
      break;
    }
    if (j >= blanked.size()) return;  // not closed: not read
    blanked[i] = '?';
    for (size_t k = i + 1; k <= j; ++k) blanked[k] = ' ';
    i = j;
  }
  std::string_view text = blanked;
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t i = 0;
  while (i < lower.size()) {
    size_t next = lower.size();
    for (std::string_view sep : {" and ", " or "}) {
      size_t s = lower.find(sep, i);
      if (s != std::string::npos && s < next) next = s;
    }
    std::string_view conj = text.substr(i, next - i);
    size_t b = 0;
    while (b < conj.size() && conj[b] == ' ') ++b;
    size_t e = b;
    while (e < conj.size() && (std::isalnum(static_cast<unsigned char>(conj[e])) || conj[e] == '_')) ++e;
    std::string_view name = conj.substr(b, e - b);
    std::string rest(conj.substr(e));
    for (char& c : rest) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t r = rest.find_first_not_of(' ');
    rest = r == std::string::npos ? "" : rest.substr(r);
    bool op = false;
    for (std::string_view o : {"=", "<>", "!=", "<=", ">=", "<", ">", "in ", "not in ", "like ", "ilike ", "is ",
                               "between "})
      if (rest.starts_with(o)) op = true;
    if (plain_name(name) && op) out->push_back({std::string(name), static_cast<uint32_t>(at + i + b)});
    if (next == lower.size()) break;
    i = lower.find(' ', next + 1) + 1;
  }
}

bool literal(TSNode n, std::string_view src, std::string_view* text, uint32_t* at) {
  if (!node_is(n, "interpreted_string_literal") && !node_is(n, "raw_string_literal")) return false;
  std::string_view t = node_text(n, src);
  if (t.size() < 2 || t.find('\\') != std::string_view::npos) return false;
  *text = t.substr(1, t.size() - 2);
  *at = ts_node_start_byte(n) + 1;
  return true;
}

std::vector<TSNode> arguments(TSNode call) {
  std::vector<TSNode> out;
  TSNode args = field(call, "arguments");
  for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i)
    if (!node_is(ts_node_named_child(args, i), "comment")) out.push_back(ts_node_named_child(args, i));
  return out;
}

std::vector<Link> chain(TSNode top, std::string_view src, TSNode* receiver) {
  std::vector<Link> links;
  TSNode n = top;
  while (node_is(n, "call_expression")) {
    TSNode fn = field(n, "function");
    if (!node_is(fn, "selector_expression")) break;
    links.insert(links.begin(), Link{node_text(field(fn, "field"), src), arguments(n), n});
    n = field(fn, "operand");
  }
  if (receiver) *receiver = n;
  return links;
}

bool link_columns(const Link& l, std::string_view src, const std::set<std::string_view>& where,
                  const std::set<std::string_view>& lists, std::string_view* text,
                  std::vector<std::pair<std::string, uint32_t>>* cols) {
  uint32_t at;
  if (l.args.empty() || !literal(l.args[0], src, text, &at)) return false;
  if (where.count(l.name)) where_columns(*text, at, cols);
  else if (lists.count(l.name)) list_columns(*text, at, l.name == "Order" || l.name == "OrderBy", cols);
  else return false;
  return true;
}

std::vector<TSNode> chain_tops(TSNode root) {
  std::vector<TSNode> out, stack{root};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "call_expression")) {
      TSNode parent = ts_node_parent(n);
      bool inner = node_is(parent, "selector_expression") && ts_node_eq(field(parent, "operand"), n) &&
                   node_is(ts_node_parent(parent), "call_expression");
      if (!inner) out.push_back(n);
    }
    for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
  }
  return out;
}

namespace {

/// "[]*pkg.T" -> "pkg.T"; "" for a type that is not a (slice of, pointer to) named type.
std::string element_type(std::string_view t) {
  for (;;) {
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    if (t.starts_with("[]")) t.remove_prefix(2);
    else if (t.starts_with("*") || t.starts_with("&")) t.remove_prefix(1);
    else if (t.starts_with("map[") && t.find(']') != std::string_view::npos) t.remove_prefix(t.find(']') + 1);  // its values
    else break;
  }
  if (t.empty()) return "";
  for (char c : t)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') return "";
  if (!std::isalpha(static_cast<unsigned char>(t[0])) && t[0] != '_') return "";
  return std::string(t);
}

/// The receiver's type of a method declaration, "*API" for `(a *API)`; its name in *name.
std::string_view receiver_type(TSNode method, std::string_view src, std::string_view* name = nullptr) {
  TSNode p = languages::first_named_child(field(method, "receiver"));
  if (name) *name = node_text(languages::first_named_child(p), src);
  return node_text(field(p, "type"), src);
}

/// The declared type of result `index` of what `call` calls, when this file declares it: a
/// function `f(...)`, or a method `r.m(...)` called on the receiver of the method the call is in,
/// declared on the same receiver type. One declaration of the name only.
std::string result_type(TSNode call, size_t index, std::string_view src) {
  TSNode callee = field(call, "function");
  bool method = node_is(callee, "selector_expression");
  std::string_view name, receiver;
  if (method) {
    name = node_text(field(callee, "field"), src);
    TSNode in = ts_node_parent(call);
    while (!ts_node_is_null(in) && !node_is(in, "method_declaration")) in = ts_node_parent(in);
    std::string_view own;
    if (ts_node_is_null(in)) return "";
    receiver = receiver_type(in, src, &own);
    if (own.empty() || node_text(field(callee, "operand"), src) != own) return "";
  } else if (node_is(callee, "identifier")) {
    name = node_text(callee, src);
  } else {
    return "";
  }
  TSNode root = call;
  while (!ts_node_is_null(ts_node_parent(root))) root = ts_node_parent(root);
  std::string found;
  int declarations = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode d = ts_node_named_child(root, i);
    if (!node_is(d, method ? "method_declaration" : "function_declaration") || node_text(field(d, "name"), src) != name)
      continue;
    if (method && receiver_type(d, src) != receiver) continue;
    ++declarations;
    TSNode result = field(d, "result");
    std::vector<TSNode> types;
    if (node_is(result, "parameter_list")) {
      for (uint32_t j = 0; j < ts_node_named_child_count(result); ++j) {
        TSNode p = ts_node_named_child(result, j);
        if (!node_is(p, "parameter_declaration")) continue;
        size_t names = 0;
        for (uint32_t k = 0; k < ts_node_named_child_count(p); ++k)
          if (node_is(ts_node_named_child(p, k), "identifier")) ++names;
        for (size_t k = 0; k < std::max<size_t>(names, 1); ++k) types.push_back(field(p, "type"));
      }
    } else if (!ts_node_is_null(result)) {
      types.push_back(result);
    }
    if (index < types.size()) found = element_type(node_text(types[index], src));
  }
  return declarations == 1 ? found : "";
}

std::string expression_type(TSNode v, std::string_view src, size_t result = 0) {
  while (node_is(v, "parenthesized_expression")) v = languages::first_named_child(v);
  if (node_is(v, "unary_expression") && node_text(field(v, "operator"), src) == "&") v = field(v, "operand");
  if (node_is(v, "composite_literal")) return element_type(node_text(field(v, "type"), src));
  if (node_is(v, "call_expression")) {
    std::string_view fn = node_text(field(v, "function"), src);
    std::vector<TSNode> args = arguments(v);
    if (fn == "new" && args.size() == 1) return element_type(node_text(args[0], src));
    if (fn == "make" && !args.empty()) return element_type(node_text(args[0], src));
    if (fn.starts_with("(*") && fn.ends_with(")") && args.size() == 1 && node_text(args[0], src) == "nil")
      return element_type(fn.substr(2, fn.size() - 3));
    return result_type(v, result, src);  // a function of this file: its declared result
  }
  if (node_is(v, "type_conversion_expression") && node_text(field(v, "operand"), src) == "nil") {
    std::string_view t = node_text(field(v, "type"), src);
    while (t.starts_with("(")) t.remove_prefix(1);
    while (t.ends_with(")")) t.remove_suffix(1);
    if (t.starts_with("*")) return element_type(t);
  }
  return "";
}

}  // namespace

std::string value_type(TSNode value, std::string_view src) {
  std::string direct = expression_type(value, src);
  if (!direct.empty()) return direct;
  TSNode v = value;
  while (node_is(v, "parenthesized_expression")) v = languages::first_named_child(v);
  if (node_is(v, "unary_expression") && node_text(field(v, "operator"), src) == "&") v = field(v, "operand");
  if (!node_is(v, "identifier")) return "";
  std::string_view name = node_text(v, src);
  auto enclosing = [](TSNode n) {
    n = ts_node_parent(n);
    while (!ts_node_is_null(n) && !node_is(n, "function_declaration") && !node_is(n, "method_declaration") &&
           !node_is(n, "func_literal"))
      n = ts_node_parent(n);
    return n;
  };
  // Every declaration of the name in that function must agree (a shadowing one of another type
  // leaves it unknown).
  std::set<std::string> types;
  bool unknown = false;
  auto note = [&](std::string t) {
    if (t.empty()) unknown = true;
    else types.insert(std::move(t));
  };
  std::function<void(TSNode)> walk = [&](TSNode n) {
    if (node_is(n, "short_var_declaration")) {
      TSNode left = field(n, "left"), right = field(n, "right");
      uint32_t k = ts_node_named_child_count(left);
      uint32_t values = ts_node_named_child_count(right);
      for (uint32_t i = 0; i < k; ++i) {
        if (node_text(ts_node_named_child(left, i), src) != name) continue;
        if (k == values) note(expression_type(ts_node_named_child(right, i), src));
        else if (values == 1 && node_is(ts_node_named_child(right, 0), "call_expression"))  // x, err := f()
          note(expression_type(ts_node_named_child(right, 0), src, i));
        else note("");
      }
    } else if (node_is(n, "var_spec") || node_is(n, "parameter_declaration")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (!node_is(c, "identifier") || node_text(c, src) != name) continue;
        TSNode type = field(n, "type");
        if (!ts_node_is_null(type)) {
          note(element_type(node_text(type, src)));
        } else {
          TSNode values = field(n, "value");
          note(ts_node_named_child_count(values) == 1 ? expression_type(ts_node_named_child(values, 0), src) : "");
        }
      }
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
  };
  // The innermost function that declares the name (a closure uses its outer function's locals).
  for (TSNode fn = enclosing(v); !ts_node_is_null(fn) && types.empty() && !unknown; fn = enclosing(fn)) walk(fn);
  if (unknown || types.size() != 1) return "";
  return *types.begin();
}

Declarations declarations(TSNode root, std::string_view src) {
  Declarations d;
  auto import_spec = [&](TSNode spec) {
    std::string_view path = node_text(field(spec, "path"), src);
    if (path.size() < 2) return;
    path = path.substr(1, path.size() - 2);
    std::string name(node_text(field(spec, "name"), src));
    if (name.empty()) name = std::string(path.substr(path.rfind('/') + 1));
    d.imports.push_back({name, std::string(path)});
  };
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode n = ts_node_named_child(root, i);
    if (node_is(n, "import_declaration")) {
      languages::each_go_import_spec(n, import_spec);
    } else if (node_is(n, "type_declaration")) {
      for (uint32_t j = 0; j < ts_node_named_child_count(n); ++j) {
        TSNode spec = ts_node_named_child(n, j);
        if (!node_is(spec, "type_spec")) continue;
        std::string name(node_text(field(spec, "name"), src));
        TSNode type = field(spec, "type");
        if (node_is(type, "struct_type")) {
          d.structs.push_back({name, type});
          d.struct_at.push_back(ts_node_start_byte(field(spec, "name")));
        } else {
          d.scalars.insert(name);
        }
      }
    } else if (node_is(n, "method_declaration") && node_text(field(n, "name"), src) == "TableName") {
      if (auto t = table_name_method(n, src)) d.table_names.push_back(std::move(*t));
    }
  }
  return d;
}

size_t UnitWriter::open() {
  if (unit_ != SIZE_MAX) return unit_;
  unit_ = out_->requirements.units.size();
  requirements::Unit u;
  u.file = std::string(in_.path);
  u.fingerprint_text = fingerprint_;
  out_->requirements.units.push_back(std::move(u));
  return unit_;
}

std::pair<std::string, std::string> UnitWriter::split(const std::string& table) const {
  size_t dot = table.find('.');
  if (dot == std::string::npos) return {in_.default_schema, table};
  return {table.substr(0, dot), table.substr(dot + 1)};
}

void UnitWriter::relation(const std::string& table, requirements::Span span, std::string describe) {
  requirements::Requirement r;
  r.object = requirements::Object::Relation;
  std::tie(r.schema, r.relation) = split(table);
  r.span = span;
  r.unit = open();
  r.describe = std::move(describe);
  out_->requirements.requirements.push_back(std::move(r));
}

void UnitWriter::column(const std::string& table, const std::string& column, requirements::Span span,
                        requirements::Use use, std::string describe, bool quoted) {
  requirements::Requirement q;
  q.object = requirements::Object::Column;
  std::tie(q.schema, q.relation) = split(table);
  q.column = column;
  q.span = span;
  q.unit = open();
  q.use = use;
  q.quoted = quoted;
  q.describe = std::move(describe);
  out_->requirements.requirements.push_back(std::move(q));
}

TSNode enclosing_function(TSNode n) {
  n = ts_node_parent(n);
  while (!ts_node_is_null(n) && !node_is(n, "function_declaration") && !node_is(n, "method_declaration") &&
         !node_is(n, "func_literal"))
    n = ts_node_parent(n);
  return n;
}

std::string folder(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

const std::vector<std::string>* model_fact(const ProjectFacts* facts, std::string_view layer, const std::string& dir,
                                           const std::vector<std::pair<std::string, std::string>>& imports,
                                           const std::string& type) {
  if (!facts) return nullptr;
  std::string prefix = std::string(layer) + ":model:";
  auto find = [&](const std::string& key) -> const std::vector<std::string>* {
    auto it = facts->find(prefix + key);
    return it == facts->end() ? nullptr : &it->second;
  };
  size_t dot = type.find('.');
  if (dot == std::string::npos) return find(dir.empty() ? type : dir + "/" + type);
  std::string pkg = type.substr(0, dot), name = type.substr(dot + 1);
  for (auto& [alias, path] : imports) {
    if (alias != pkg) continue;
    // The longest tail of the import path that is a folder of the project holding the model.
    for (size_t at = 0; at != std::string::npos && at < path.size(); at = path.find('/', at)) {
      if (path[at] == '/') ++at;
      if (auto v = find(path.substr(at) + "/" + name)) return v;
    }
  }
  return nullptr;
}

}  // namespace schemagate::datalayers::go
