// See python_value.h. Strings keep, per decoded byte, the file offset it came from, so SQL given
// to RunSQL / op.execute points back at its own line in the migration.
#include "analyzers/schema/migrations/code/python_value.h"

#include <cstring>

namespace schemagate::schema::migrations::code {

namespace {

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }

TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }

/// Appends the body of string literal `node` (between its quotes) to out->text, decoding the
/// escapes that matter in SQL text; f-string fields make the value Unknown.
bool append_string(std::string_view src, TSNode node, PyValue* out) {
  uint32_t n = ts_node_child_count(node);
  if (n == 0) return false;
  TSNode start = ts_node_child(node, 0);
  bool raw = false;
  for (char c : src.substr(ts_node_start_byte(start), ts_node_end_byte(start) - ts_node_start_byte(start))) {
    if (c == 'r' || c == 'R') raw = true;
    if (c == 'f' || c == 'F' || c == 'b' || c == 'B') return false;  // computed or bytes: not a name
  }
  uint32_t pos = ts_node_end_byte(start), end = ts_node_end_byte(node);
  TSNode last = ts_node_child(node, n - 1);
  if (is(last, "string_end")) end = ts_node_start_byte(last);
  for (uint32_t i = pos; i < end; ++i) {
    char c = src[i];
    if (c == '\\' && !raw && i + 1 < end) {
      char e = src[i + 1];
      char decoded = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : (e == '\\' || e == '\'' || e == '"') ? e : 0;
      if (e == '\n') { ++i; continue; }  // line continuation
      if (decoded) {
        out->text.push_back(decoded);
        out->offsets.push_back(i);
        ++i;
        continue;
      }
    }
    out->text.push_back(c);
    out->offsets.push_back(i);
  }
  return true;
}

/// An identifier, or attributes of one (`db.Column`), with nothing computed in between.
bool dotted_name(TSNode n) {
  if (is(n, "identifier")) return true;
  return is(n, "attribute") && dotted_name(field(n, "object"));
}

}  // namespace

const PyValue* PyValue::kwarg(std::string_view name) const {
  for (auto& [k, v] : kwargs)
    if (k == name) return &v;
  return nullptr;
}

const PyValue* PyValue::arg(size_t index, std::string_view name) const {
  if (const PyValue* v = kwarg(name)) return v;
  return index < items.size() ? &items[index] : nullptr;
}

std::string_view PyValue::last_name() const {
  std::string_view t = text;
  size_t dot = t.rfind('.');
  return dot == std::string_view::npos ? t : t.substr(dot + 1);
}

PyReader::PyReader(std::string_view source, TSNode root) : source_(source) {
  for (auto& [name, value] : assignments(root)) module_names_[name] = value;
}

void PyReader::add_names(TSNode block) {
  for (auto& [name, value] : assignments(block)) module_names_[name] = value;
}

std::string_view PyReader::text(TSNode node) const {
  return source_.substr(ts_node_start_byte(node), ts_node_end_byte(node) - ts_node_start_byte(node));
}

std::vector<std::pair<std::string, TSNode>> PyReader::assignments(TSNode block) const {
  std::vector<std::pair<std::string, TSNode>> out;
  // The statements stepped through with a cursor: ts_node_named_child(block, i) steps from the
  // first child each time, and a module of hundreds of statements is asked at each name read.
  TSTreeCursor cursor = ts_tree_cursor_new(block);
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more; more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode stmt = ts_tree_cursor_current_node(&cursor);
    if (!ts_node_is_named(stmt)) continue;
    for (auto& a : assignments_in(stmt)) out.push_back(std::move(a));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

std::vector<std::pair<std::string, TSNode>> PyReader::assignments_in(TSNode stmt) const {
  if (!is(stmt, "expression_statement")) return {};
  TSNode a = ts_node_named_child(stmt, 0);
  if (!is(a, "assignment")) return {};
  TSNode left = field(a, "left"), right = field(a, "right");
  if (!is(left, "identifier") || ts_node_is_null(right)) return {};  // `x: int` alone has no value
  return {{std::string(text(left)), right}};
}

PyValue PyReader::eval(TSNode node) const { return eval(node, 0); }

PyValue PyReader::eval(TSNode node, int depth) const {
  PyValue v;
  if (ts_node_is_null(node)) return v;
  v.begin = ts_node_start_byte(node);
  v.end = ts_node_end_byte(node);
  if (depth > 64) return v;
  const char* t = ts_node_type(node);
  using K = PyValue::Kind;
  if (!std::strcmp(t, "string")) {
    v.kind = append_string(source_, node, &v) ? K::Str : K::Unknown;
  } else if (!std::strcmp(t, "concatenated_string")) {
    v.kind = K::Str;
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i)
      if (!append_string(source_, ts_node_named_child(node, i), &v)) v.kind = K::Unknown;
  } else if (!std::strcmp(t, "binary_operator") && is(field(node, "operator"), "+")) {
    PyValue l = eval(field(node, "left"), depth + 1), r = eval(field(node, "right"), depth + 1);
    if (l.is_str() && r.is_str()) {
      v.kind = K::Str;
      v.text = l.text + r.text;
      v.offsets = l.offsets;
      v.offsets.insert(v.offsets.end(), r.offsets.begin(), r.offsets.end());
    } else if (l.is(K::List) && r.is(K::List)) {  // operations = COMMON_OPS + [...]
      v.kind = K::List;
      v.items = std::move(l.items);
      v.items.insert(v.items.end(), r.items.begin(), r.items.end());
    }
  } else if (!std::strcmp(t, "integer") || !std::strcmp(t, "float")) {
    v.kind = K::Number;
    v.text = std::string(text(node));
  } else if (!std::strcmp(t, "unary_operator")) {
    PyValue inner = eval(field(node, "argument"), depth + 1);
    if (inner.is(K::Number)) v.kind = K::Number, v.text = std::string(text(field(node, "operator"))) + inner.text;
  } else if (!std::strcmp(t, "true") || !std::strcmp(t, "false")) {
    v.kind = K::Bool;
    v.text = !std::strcmp(t, "true") ? "True" : "False";
  } else if (!std::strcmp(t, "none")) {
    v.kind = K::None;
  } else if (!std::strcmp(t, "list") || !std::strcmp(t, "tuple") || !std::strcmp(t, "set")) {
    v.kind = K::List;
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (is(c, "comment")) continue;
      v.items.push_back(eval(c, depth + 1));
    }
  } else if (!std::strcmp(t, "dictionary")) {
    v.kind = K::Dict;
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (!is(c, "pair")) continue;
      PyValue key = eval(field(c, "key"), depth + 1);
      PyValue value = eval(field(c, "value"), depth + 1);
      if (key.is_str()) v.kwargs.push_back({key.text, value});
      v.items.push_back(std::move(value));
    }
  } else if (!std::strcmp(t, "parenthesized_expression")) {
    TSNode inner = ts_node_named_child(node, 0);
    PyValue r = eval(inner, depth + 1);
    r.begin = v.begin, r.end = v.end;
    return r;
  } else if (!std::strcmp(t, "identifier")) {
    auto it = module_names_.find(text(node));
    if (it != module_names_.end() && depth < 8) {
      PyValue r = eval(it->second, depth + 4);
      if (r.kind != K::Unknown) return r;
    }
    v.kind = K::Name;
    v.text = std::string(text(node));
  } else if (!std::strcmp(t, "attribute")) {
    PyValue object = eval(field(node, "object"), depth + 1);
    if (object.is(K::Name)) {
      v.kind = K::Name;
      v.text = object.text + "." + std::string(text(field(node, "attribute")));
    } else if (dotted_name(node)) {  // `db.Integer` where `db = SQLAlchemy()`: still a name
      v.kind = K::Name;
      v.text = std::string(text(node));
    }
  } else if (!std::strcmp(t, "call")) {
    PyValue callee = eval(field(node, "function"), depth + 1);
    if (callee.is(K::Name)) {
      v.kind = K::Call;
      v.text = callee.text;
    } else if (callee.is(K::Call)) {  // `Field(...)(...)`: keep the outer call's shape
      v.kind = K::Call;
      v.text = callee.text + "()";
    } else if (dotted_name(field(node, "function"))) {
      // `db.Column(...)` where `db = SQLAlchemy()`: the object's value is not a name, the
      // callee still is one.
      v.kind = K::Call;
      v.text = std::string(text(field(node, "function")));
    }
    TSNode args = field(node, "arguments");
    uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (is(a, "comment")) continue;
      if (is(a, "keyword_argument")) {
        v.kwargs.push_back({std::string(text(field(a, "name"))), eval(field(a, "value"), depth + 1)});
      } else if (is(a, "list_splat")) {
        // `*timestamps()`, a function of the module that returns a tuple or list as written:
        // its items; anything else is arguments unknown from here.
        std::optional<std::vector<PyValue>> spread = returned_items(ts_node_named_child(a, 0), depth + 1);
        if (spread) v.items.insert(v.items.end(), spread->begin(), spread->end());
        else v.kwargs.push_back({"*", PyValue{}});
      } else if (is(a, "dictionary_splat")) {
        v.kwargs.push_back({"*", PyValue{}});  // arguments unknown from here
      } else {
        v.items.push_back(eval(a, depth + 1));
      }
    }
  }
  return v;
}

std::optional<std::vector<PyValue>> PyReader::returned_items(TSNode call, int depth) const {
  if (!is(call, "call") || !is(field(call, "function"), "identifier")) return std::nullopt;
  TSNode args = field(call, "arguments");
  if (ts_node_is_null(args) || ts_node_named_child_count(args) != 0) return std::nullopt;
  std::string_view name = text(field(call, "function"));
  TSNode root = call;
  for (TSNode p = ts_node_parent(root); !ts_node_is_null(p); p = ts_node_parent(p)) root = p;
  for (uint32_t i = 0, n = ts_node_named_child_count(root); i < n; ++i) {
    TSNode def = ts_node_named_child(root, i);
    if (!is(def, "function_definition") || text(field(def, "name")) != name) continue;
    TSNode body = field(def, "body");
    // One statement (a docstring before it aside): `return (a, b)` or `return [a, b]`.
    TSNode ret{};
    for (uint32_t k = 0, m = ts_node_named_child_count(body); k < m; ++k) {
      TSNode st = ts_node_named_child(body, k);
      if (is(st, "comment") || (k == 0 && is(st, "expression_statement") && is(ts_node_named_child(st, 0), "string")))
        continue;
      if (!ts_node_is_null(ret) || !is(st, "return_statement")) return std::nullopt;
      ret = st;
    }
    if (ts_node_is_null(ret) || ts_node_named_child_count(ret) != 1) return std::nullopt;
    TSNode e = ts_node_named_child(ret, 0);
    while (is(e, "parenthesized_expression")) e = ts_node_named_child(e, 0);
    if (!is(e, "tuple") && !is(e, "list")) return std::nullopt;
    std::vector<PyValue> out;
    for (uint32_t k = 0, m = ts_node_named_child_count(e); k < m; ++k) {
      TSNode item = ts_node_named_child(e, k);
      if (is(item, "comment")) continue;
      if (is(item, "list_splat")) return std::nullopt;
      out.push_back(eval(item, depth + 1));
    }
    return out;
  }
  return std::nullopt;
}

std::vector<TSNode> class_definitions(TSNode block) {
  std::vector<TSNode> out;
  uint32_t n = ts_node_named_child_count(block);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(block, i);
    if (is(c, "decorated_definition")) c = field(c, "definition");
    if (is(c, "class_definition")) out.push_back(c);
  }
  return out;
}

std::string engine_tested(std::string_view cond) {
  for (std::string_view neg : {"not ", "!=", "is False", "== False"})
    if (cond.find(neg) != std::string_view::npos) return "";
  auto quoted = [&](std::string_view word) {
    for (char q : {'"', '\''})
      if (cond.find(std::string(1, q) + std::string(word)) != std::string_view::npos) return true;
    return false;
  };
  bool pg = quoted("postgres");
  bool other = quoted("sqlite") || quoted("mysql") || quoted("mariadb") || quoted("mssql") || quoted("oracle");
  if (pg == other) return "";
  return pg ? "postgresql" : "other";
}

}  // namespace schemagate::schema::migrations::code
