// What the JavaScript / TypeScript data layers read from a tree-sitter tree: string literals
// with the offset of their text, object literal keys, method chains. The grammars of
// tree-sitter-javascript and -typescript share these node types.
#pragma once
#include <tree_sitter/api.h>

#include <cctype>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::datalayers::js {

/// A name a query builder or client sends unquoted and unchanged: [A-Za-z_][A-Za-z0-9_]*.
inline bool plain_name(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

/// Whether `s` has an upper-case ASCII letter (a name a naming plugin may rewrite).
inline bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

inline bool is(TSNode n, std::string_view type) { return !ts_node_is_null(n) && type == ts_node_type(n); }

/// The node's text; "" for a null node (a field the node does not have: `new X(...)` has no
/// `function`), which tree-sitter cannot measure.
inline std::string_view text(TSNode n, std::string_view src) {
  if (ts_node_is_null(n)) return {};
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  return e <= src.size() && b <= e ? src.substr(b, e - b) : std::string_view{};
}

inline TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::char_traits<char>::length(name)));
}

/// Parentheses, `await`, `as T`, `satisfies T`, `x!` removed.
inline TSNode unwrap(TSNode n) {
  while (is(n, "parenthesized_expression") || is(n, "await_expression") || is(n, "as_expression") ||
         is(n, "satisfies_expression") || is(n, "non_null_expression"))
    n = ts_node_named_child(n, 0);
  return n;
}

/// A string whose value the file spells: '...', "..." or a template without substitutions,
/// with no escapes, so byte k of the value is byte at+k of the file.
struct Literal {
  std::string value;
  uint32_t at = 0;
};

inline std::optional<Literal> literal(TSNode n, std::string_view src) {
  n = unwrap(n);
  if (!is(n, "string") && !is(n, "template_string")) return std::nullopt;
  for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
    TSNode c = ts_node_named_child(n, i);
    if (!is(c, "string_fragment")) return std::nullopt;  // an escape or a substitution
  }
  std::string_view t = text(n, src);
  if (t.size() < 2) return std::nullopt;
  return Literal{std::string(t.substr(1, t.size() - 2)), ts_node_start_byte(n) + 1};
}

/// The arguments of a call, without comments.
inline std::vector<TSNode> arguments(TSNode call) {
  std::vector<TSNode> out;
  TSNode args = field(call, "arguments");
  if (ts_node_is_null(args)) return out;
  for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i) {
    TSNode a = ts_node_named_child(args, i);
    if (!is(a, "comment")) out.push_back(a);
  }
  return out;
}

/// One key of an object literal: its name when the file spells it, where.
struct Key {
  std::string name;
  uint32_t at = 0;
  TSNode value{};
};

/// The keys of an object literal; false when one cannot be told (a spread, a computed key).
inline bool object_keys(TSNode obj, std::string_view src, std::vector<Key>* out) {
  obj = unwrap(obj);
  if (!is(obj, "object")) return false;
  bool all = true;
  for (uint32_t i = 0; i < ts_node_named_child_count(obj); ++i) {
    TSNode p = ts_node_named_child(obj, i);
    if (is(p, "comment")) continue;
    if (is(p, "shorthand_property_identifier")) {
      out->push_back({std::string(text(p, src)), ts_node_start_byte(p), {}});
    } else if (is(p, "pair")) {
      TSNode k = field(p, "key");
      if (is(k, "property_identifier")) {
        out->push_back({std::string(text(k, src)), ts_node_start_byte(k), field(p, "value")});
      } else if (auto lit = literal(k, src)) {
        out->push_back({lit->value, lit->at, field(p, "value")});
      } else {
        all = false;
      }
    } else if (is(p, "method_definition")) {
      continue;
    } else {
      all = false;  // spread_element, computed key
    }
  }
  return all;
}

/// `callee.method(args)`: the name of a call's method and its receiver, when the callee is a
/// member expression.
inline bool method_call(TSNode call, std::string_view src, std::string_view* method, TSNode* receiver) {
  if (!is(call, "call_expression")) return false;
  TSNode fn = field(call, "function");
  if (!is(fn, "member_expression")) return false;
  *method = text(field(fn, "property"), src);
  *receiver = field(fn, "object");
  return true;
}

/// A decorator's name and arguments: `@Column({ name: 'x' })` -> "Column", [object].
struct Decorator {
  std::string name;
  std::vector<TSNode> args;
  uint32_t at = 0;
  bool called = false;  ///< written as a call: `@Table()`, `@Table({...})`, not `@Table`
};

inline Decorator read_decorator(TSNode d, std::string_view src) {
  Decorator out;
  out.at = ts_node_start_byte(d);
  TSNode e = ts_node_named_child(d, 0);
  if (is(e, "call_expression")) {
    TSNode f = field(e, "function");
    out.name = std::string(text(is(f, "member_expression") ? field(f, "property") : f, src));
    out.args = arguments(e);
    out.called = true;
  } else {
    out.name = std::string(text(is(e, "member_expression") ? field(e, "property") : e, src));
  }
  return out;
}

/// The decorators of a node: its own `decorator` children.
inline std::vector<Decorator> decorators_of(TSNode n, std::string_view src) {
  std::vector<Decorator> out;
  for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
    if (is(ts_node_named_child(n, i), "decorator")) out.push_back(read_decorator(ts_node_named_child(n, i), src));
  return out;
}

/// A class's decorators, those written before `export` included.
inline std::vector<Decorator> class_decorators(TSNode cls, std::string_view src) {
  std::vector<Decorator> decs = decorators_of(cls, src);
  TSNode parent = ts_node_parent(cls);
  if (is(parent, "export_statement"))
    for (auto& d : decorators_of(parent, src)) decs.push_back(d);
  return decs;
}

/// Visits each member of a class body with its decorators: its own, and those the grammar puts
/// before it as siblings.
inline void decorated_members(TSNode body, std::string_view src,
                              const std::function<void(TSNode member, const std::vector<Decorator>& decs)>& visit) {
  std::vector<Decorator> pending;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (is(m, "decorator")) {
      pending.push_back(read_decorator(m, src));
      continue;
    }
    std::vector<Decorator> decs = decorators_of(m, src);
    for (auto& d : pending) decs.push_back(d);
    pending.clear();
    visit(m, decs);
  }
}

/// Visits every node of the tree, depth first, in file order.
inline void walk(TSNode root, const std::function<void(TSNode)>& visit) {
  if (ts_node_is_null(root)) return;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    visit(ts_tree_cursor_current_node(&cursor));
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor))
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
  }
}

}  // namespace schemagate::datalayers::js
