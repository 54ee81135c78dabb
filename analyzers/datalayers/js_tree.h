// What the JavaScript / TypeScript data layers read from a tree-sitter tree: string literals
// with the offset of their text, object literal keys, method chains. The grammars of
// tree-sitter-javascript and -typescript share these node types.
#pragma once
#include <tree_sitter/api.h>

#include <cctype>
#include <functional>
#include <optional>
#include <set>
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
  /// Non-zero for a constant's value (constant_literal): the value is spelled elsewhere, and
  /// every byte of it maps to [at, end), the expression that names the constant.
  uint32_t end = 0;
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

TSNode local_object(TSNode ident, std::string_view src);
std::optional<Literal> constant_literal(TSNode n, std::string_view src, int depth = 0);

/// The keys of an object literal; false when one cannot be told (a spread, a computed key).
/// With `follow_spreads`, a spread of a same-file constant object (`{ ...base, col: 1 }` where
/// `const base = { ... }` is in scope, local_object) adds that object's keys, and a row that is
/// such a constant itself (`const row = {...}; ....upsert([row])`) has its keys.
inline bool object_keys(TSNode obj, std::string_view src, std::vector<Key>* out, bool follow_spreads = false, int depth = 0) {
  obj = unwrap(obj);
  if (follow_spreads && depth < 4 && is(obj, "identifier")) {
    TSNode held = local_object(obj, src);
    return !ts_node_is_null(held) && object_keys(held, src, out, true, depth + 1);
  }
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
    } else if (is(p, "spread_element") && follow_spreads && depth < 4 &&
               is(unwrap(ts_node_named_child(p, 0)), "binary_expression") &&
               text(field(unwrap(ts_node_named_child(p, 0)), "operator"), src) == "&&" &&
               is(unwrap(field(unwrap(ts_node_named_child(p, 0)), "right")), "object")) {
      // `...(params.role && { role: params.role })`: those keys, when the condition holds.
      all = object_keys(field(unwrap(ts_node_named_child(p, 0)), "right"), src, out, true, depth + 1) && all;
    } else if (is(p, "spread_element") && follow_spreads && depth < 4 &&
               is(unwrap(ts_node_named_child(p, 0)), "ternary_expression")) {
      // `...(reset ? { count: 0 } : {})`: the keys of either branch, when it is taken.
      TSNode choice = unwrap(ts_node_named_child(p, 0));
      for (const char* branch : {"consequence", "alternative"}) {
        TSNode b = unwrap(field(choice, branch));
        all = (is(b, "object") || is(b, "identifier")) && object_keys(b, src, out, true, depth + 1) && all;
      }
    } else if (is(p, "spread_element") && follow_spreads && depth < 4) {
      TSNode base = local_object(unwrap(ts_node_named_child(p, 0)), src);
      all = !ts_node_is_null(base) && object_keys(base, src, out, true, depth + 1) && all;
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

/// The class a class declaration extends: its name (`extends ParanoidModel`, `extends
/// Model<Attrs>`: Model), "?" for an expression, "" without an extends clause.
inline std::string class_extends(TSNode cls, std::string_view src) {
  for (uint32_t i = 0; i < ts_node_named_child_count(cls); ++i) {
    TSNode h = ts_node_named_child(cls, i);
    if (!is(h, "class_heritage")) continue;
    for (uint32_t j = 0; j < ts_node_named_child_count(h); ++j) {
      TSNode e = ts_node_named_child(h, j);
      if (!is(e, "extends_clause")) continue;
      TSNode v = field(e, "value");
      return is(v, "identifier") ? std::string(text(v, src)) : "?";
    }
  }
  return "";
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

/// The uses of the variable a chain is stored in (`let query = <chain>`) that continue it: each
/// `query` that starts a method call in the same function, when every assignment to the variable
/// there is `query = query...`. None when the chain is not stored so.
inline std::vector<TSNode> continuations(TSNode end, std::string_view src) {
  TSNode top = end;
  for (TSNode p = ts_node_parent(top); is(p, "await_expression") || is(p, "parenthesized_expression") ||
                                       is(p, "as_expression") || is(p, "non_null_expression");
       p = ts_node_parent(top))
    top = p;
  TSNode decl = ts_node_parent(top);
  if (!is(decl, "variable_declarator") || !ts_node_eq(field(decl, "value"), top) || !is(field(decl, "name"), "identifier"))
    return {};
  std::string_view var = text(field(decl, "name"), src);
  TSNode fn = ts_node_parent(decl);
  while (!ts_node_is_null(fn) && !is(fn, "statement_block")) fn = ts_node_parent(fn);
  if (ts_node_is_null(fn)) return {};
  std::vector<TSNode> uses;
  bool other = false;
  walk(fn, [&](TSNode n) {
    // Another variable of the name (a block inside that declares its own) may hold another query.
    if (is(n, "variable_declarator") && !ts_node_eq(n, decl) && text(field(n, "name"), src) == var) other = true;
    if (is(n, "assignment_expression") && text(field(n, "left"), src) == var) {
      TSNode r = unwrap(field(n, "right"));
      std::string_view m;
      TSNode recv;
      while (method_call(r, src, &m, &recv)) r = unwrap(recv);
      if (!is(r, "identifier") || text(r, src) != var) other = true;
    }
    if (!is(n, "identifier") || text(n, src) != var) return;
    TSNode member = ts_node_parent(n);
    if (!is(member, "member_expression") || !ts_node_eq(field(member, "object"), n)) return;
    TSNode call = ts_node_parent(member);
    if (is(call, "call_expression") && ts_node_eq(field(call, "function"), member)) uses.push_back(n);
  });
  if (other) return {};
  return uses;
}

/// The type a file declares for `name` (`constructor(private spaceRepo: SpaceRepo)`, a field
/// `spaceRepo: SpaceRepo`, a parameter), when every declaration agrees; "" otherwise.
inline std::string declared_type(TSNode root, std::string_view name, std::string_view src) {
  std::set<std::string> types;
  walk(root, [&](TSNode n) {
    TSNode id{};
    if (is(n, "required_parameter") || is(n, "optional_parameter")) id = field(n, "pattern");
    else if (is(n, "public_field_definition")) id = field(n, "name");
    if (ts_node_is_null(id) || text(id, src) != name) return;
    std::string t(text(field(n, "type"), src));
    size_t b = t.find_first_not_of(": \t\n");
    types.insert(b == std::string::npos ? "" : t.substr(b));
  });
  return types.size() == 1 ? *types.begin() : "";
}

/// The value of the same-file `const` that `ident` names, when `accept` takes it: a
/// `const x = <value>` declared in the nearest enclosing block (or the file) that declares the
/// name, before the use, that no parameter of an enclosing function shadows. With
/// `unchanged_properties`, nothing in that block assigns its properties (`x.k = v`,
/// `Object.assign(x, ...)`, `delete x.k`). A null node otherwise.
inline TSNode local_const(TSNode ident, std::string_view src, const std::function<bool(TSNode)>& accept,
                          bool unchanged_properties) {
  if (!is(ident, "identifier")) return TSNode{};
  std::string_view name = text(ident, src);
  for (TSNode scope = ts_node_parent(ident); !ts_node_is_null(scope); scope = ts_node_parent(scope)) {
    std::string_view t = ts_node_type(scope);
    if (t == "formal_parameters") continue;
    if (t == "arrow_function" || t == "function_declaration" || t == "function_expression" || t == "method_definition") {
      TSNode params = field(scope, "parameters");
      TSNode single = field(scope, "parameter");
      if (is(single, "identifier") && text(single, src) == name) return TSNode{};
      bool shadowed = false;
      walk(params, [&](TSNode n) { shadowed = shadowed || (is(n, "identifier") && text(n, src) == name); });
      if (shadowed) return TSNode{};
      continue;
    }
    if (t != "statement_block" && t != "program") continue;
    TSNode found{};
    bool other = false;
    for (uint32_t i = 0; i < ts_node_named_child_count(scope); ++i) {
      TSNode d = ts_node_named_child(scope, i);
      if (is(d, "export_statement")) d = field(d, "declaration");
      if (!is(d, "lexical_declaration") && !is(d, "variable_declaration")) continue;
      for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
        TSNode v = ts_node_named_child(d, j);
        if (!is(v, "variable_declarator") || text(field(v, "name"), src) != name) continue;
        if (is(d, "lexical_declaration") && text(ts_node_child(d, 0), src) == "const" &&
            ts_node_end_byte(v) <= ts_node_start_byte(ident) && accept(unwrap(field(v, "value"))))
          found = unwrap(field(v, "value"));
        else
          other = true;
      }
    }
    if (other) return TSNode{};
    if (ts_node_is_null(found)) continue;
    if (!unchanged_properties) return found;
    bool changed = false;
    walk(scope, [&](TSNode n) {
      if (changed) return;
      if (is(n, "assignment_expression") || is(n, "augmented_assignment_expression")) {
        TSNode left = field(n, "left");
        while (is(left, "member_expression") || is(left, "subscript_expression")) left = field(left, "object");
        changed = is(left, "identifier") && text(left, src) == name;
      } else if (is(n, "unary_expression") && text(n, src).rfind("delete", 0) == 0) {
        changed = text(n, src).find(name) != std::string_view::npos;
      } else if (is(n, "call_expression") && text(field(n, "function"), src) == "Object.assign") {
        auto args = field(n, "arguments");
        changed = ts_node_named_child_count(args) > 0 && text(ts_node_named_child(args, 0), src) == name;
      }
    });
    return changed ? TSNode{} : found;
  }
  return TSNode{};
}

/// The object literal a same-file constant holds (local_const), whose properties nothing in
/// its block assigns.
inline TSNode local_object(TSNode ident, std::string_view src) {
  return local_const(ident, src, [](TSNode v) { return is(v, "object"); }, true);
}

/// A string the file spells, or names by constants: a literal; a same-file `const TABLE =
/// 'jobs'`; a key of a same-file constant object (`T.roles` with `const T = { roles: 'roles' }`,
/// local_object); a template whose every substitution is one of these (`${TABLE} as t`). A
/// constant's value maps to the expression that names it (Literal::end).
inline std::optional<Literal> constant_literal(TSNode n, std::string_view src, int depth) {
  n = unwrap(n);
  if (auto lit = literal(n, src)) return lit;
  if (depth > 4) return std::nullopt;
  std::optional<Literal> out;
  if (is(n, "identifier")) {
    TSNode v = local_const(n, src, [&](TSNode v) { return is(v, "string") || is(v, "template_string"); }, false);
    if (!ts_node_is_null(v)) out = constant_literal(v, src, depth + 1);
  } else if (is(n, "member_expression") && is(field(n, "property"), "property_identifier")) {
    TSNode obj = local_object(unwrap(field(n, "object")), src);
    if (ts_node_is_null(obj)) return std::nullopt;
    std::vector<Key> keys;
    if (!object_keys(obj, src, &keys)) return std::nullopt;  // a spread may hold the key too
    std::string_view prop = text(field(n, "property"), src);
    for (auto& k : keys)
      if (k.name == prop) {
        if (out || ts_node_is_null(k.value)) return std::nullopt;  // twice, or shorthand
        out = constant_literal(k.value, src, depth + 1);
        if (!out) return std::nullopt;
      }
  } else if (is(n, "template_string")) {
    std::string value;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode c = ts_node_named_child(n, i);
      if (is(c, "string_fragment")) {
        value += text(c, src);
      } else if (is(c, "template_substitution") && ts_node_named_child_count(c) == 1) {
        auto sub = constant_literal(ts_node_named_child(c, 0), src, depth + 1);
        if (!sub) return std::nullopt;
        value += sub->value;
      } else {
        return std::nullopt;  // an escape
      }
    }
    out = Literal{value, 0, 0};
  }
  if (!out) return std::nullopt;
  out->at = ts_node_start_byte(n);
  out->end = ts_node_end_byte(n);
  return out;
}

}  // namespace schemagate::datalayers::js
