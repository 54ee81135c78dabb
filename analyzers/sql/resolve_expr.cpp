// Expressions: column references resolved in the scopes around them, subqueries, function
// calls (recorded by name and argument count), and string literals that name a relation
// ('t'::regclass, nextval('s')) or must be a label of an enum column's type.
#include "analyzers/sql/resolver.h"

namespace schemagate::sql::resolver {

void Resolver::walk_allowing_output_names(Span<Node> list, const Scope& scope) {
  for (const Node* item : list) {
    const Node* node = item;
    if (is(item, SG_NODE(SORT_BY))) node = item->sort_by->node;
    if (is(node, SG_NODE(COLUMN_REF))) {
      auto f = SG_LIST(node->column_ref, fields);
      if (f.size() == 1 && scope.output_names.count(str(f[0]))) {
        // An output alias (or an input column of the same name, which PostgreSQL prefers in
        // GROUP BY): either way it exists.
        continue;
      }
    }
    walk(node, scope);
  }
}

void Resolver::walk(Span<Node> list, const Scope& scope) {
  for (const Node* n : list) walk(n, scope);
}

void Resolver::walk_message(const ProtobufCMessage* m, const Scope& scope) {
  for_each_child(m, "typeName", [&](const ProtobufCMessage* child) {
    if (child->descriptor == &pg_query__node__descriptor) walk(reinterpret_cast<const Node*>(child), scope);
    else walk_message(child, scope);
  });
}

void Resolver::walk_body(const Node* n, const Scope& scope) { walk_message(body(n), scope); }

void Resolver::walk(const Node* node, const Scope& scope) {
  switch (kind(node)) {
    case PG_QUERY__NODE__NODE__NOT_SET: return;
    case SG_NODE(COLUMN_REF): return column_ref(node->column_ref, scope);
    case SG_NODE(SUB_LINK):
      walk(node->sub_link->testexpr, scope);
      statement(node->sub_link->subselect, &scope, scope.ctes);
      return;
    case SG_NODE(SELECT_STMT):
    case SG_NODE(INSERT_STMT):
    case SG_NODE(UPDATE_STMT):
    case SG_NODE(DELETE_STMT): statement(node, &scope, scope.ctes); return;
    case SG_NODE(FUNC_CALL): {
      const PgQuery__FuncCall* b = node->func_call;
      auto fn = SG_LIST(b, funcname);
      if (fn.size() == 2 && str(fn[0]) == "sqlc") return;  // sqlc.arg(name) etc. are parameters
      record_call(b, scope, false);
      walk(SG_LIST(b, args), scope);
      walk(SG_LIST(b, agg_order), scope);
      walk(b->agg_filter, scope);
      if (b->over) walk_message(&b->over->base, scope);
      return;
    }
    case SG_NODE(TYPE_NAME):
    case SG_NODE(A_CONST):
    case SG_NODE(PARAM_REF): return;
    case SG_NODE(TYPE_CAST): {
      const Node* arg = node->type_cast->arg;
      const PgQuery__TypeName* tn = node->type_cast->type_name;
      std::vector<std::string> parts;
      for (const Node* n : SG_LIST(tn, names)) parts.push_back(str(n));
      if (!parts.empty() && parts.back() == "regclass" && (parts.size() == 1 || parts.front() == "pg_catalog") &&
          tn->n_array_bounds == 0)
        literal_relation(arg);
      else if (std::string e = enum_named(tn); !e.empty())
        literal_label(e, arg);
      break;
    }
    case SG_NODE(A_EXPR): comparison(node->a_expr, scope); break;
    default: break;
  }
  walk_body(node, scope);
}

void Resolver::column_ref(const PgQuery__ColumnRef* b, const Scope& scope) {
  auto fields = SG_LIST(b, fields);
  size_t loc = static_cast<size_t>(std::max(0, b->location));
  if (fields.empty()) return;
  bool star = star_ref(b);
  std::vector<std::string> names;
  for (const Node* f : fields) {
    if (is(f, SG_NODE(A_STAR))) continue;
    names.push_back(str(f));
  }
  Reference ref;
  ref.kind = Reference::Kind::Column;
  ref.offset = loc;

  if (star) {
    if (names.empty()) return;  // *
    // t.*: the qualifier must be in scope; nothing else to check.
    return;
  }
  if (names.size() == 1) {
    ref.column = names[0];
    unqualified(ref, scope);
    return;
  }
  ref.column = names.back();
  ref.offset = name_offset(loc, names.size() - 1);
  const Entry* e = nullptr;
  if (names.size() == 2) {
    e = find_qualifier(names[0], "", scope);
  } else if (names.size() == 3) {
    e = find_qualifier(names[1], names[0], scope);
  }
  if (!e) {
    ref.status = RefStatus::Unchecked;
    ref.note = "qualifier \"" + names[names.size() - 2] + "\" is not a relation in scope";
    refs_.push_back(ref);
    return;
  }
  qualified(ref, *e);
}

void Resolver::record_call(const PgQuery__FuncCall* b, const Scope& scope, bool procedure) {
  std::vector<std::string> parts;
  for (const Node* n : SG_LIST(b, funcname)) parts.push_back(str(n));
  if (parts.empty() || parts.size() > 2) return;
  auto args = SG_LIST(b, args);
  if ((parts.size() == 1 || parts.front() == "pg_catalog") && !args.empty() &&
      (parts.back() == "nextval" || parts.back() == "currval" || parts.back() == "setval"))
    literal_relation(args[0]);
  if (b->funcformat == PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX || b->agg_within_group) return;
  int n = static_cast<int>(args.size());
  // unnest(a, b) in FROM is ROWS FROM (unnest(a), unnest(b)): PostgreSQL splits it.
  if (parts.back() == "unnest" && n > 1) return;
  // f(t) with t a relation in scope may read column f of t's row (functional notation).
  if (n == 1 && !procedure && is(args[0], SG_NODE(COLUMN_REF))) {
    auto f = SG_LIST(args[0]->column_ref, fields);
    if (f.size() == 1 && is(f[0], SG_NODE(STRING)) && find_qualifier(str(f[0]), "", scope)) return;
  }
  FunctionCall call;
  if (parts.size() == 2) call.schema = parts.front();
  else call.search_path = path_;
  call.name = parts.back();
  call.arguments = n;
  call.star = b->agg_star;
  call.procedure = procedure;
  long loc = json_location(b->location);
  call.offset = loc < 0 ? 0 : name_offset(static_cast<size_t>(loc), parts.size() - 1);
  calls_.push_back(std::move(call));
}

bool Resolver::string_literal(const Node* node, std::string* value, size_t* offset) const {
  if (!is(node, SG_NODE(A_CONST))) return false;
  const PgQuery__AConst* c = node->a_const;
  if (c->val_case != PG_QUERY__A__CONST__VAL_SVAL) return false;
  *value = c->sval ? text(c->sval->sval) : "";
  long loc = json_location(c->location);
  if (loc < 0) return false;
  size_t at = static_cast<size_t>(loc);
  if (at < sql_.size() && (sql_[at] == 'e' || sql_[at] == 'E')) ++at;
  if (at < sql_.size() && sql_[at] == '\'') ++at;
  *offset = at;
  return true;
}

void Resolver::literal_relation(const Node* node) {
  std::string text;
  size_t at = 0;
  if (!string_literal(node, &text, &at)) return;
  // "$0": an interpolation inside the literal (placeholders.cpp), a name known at run time only.
  if (text.find("$0") != std::string::npos) {
    Reference ref;
    ref.kind = Reference::Kind::Relation;
    ref.relation = text;
    ref.offset = at;
    ref.status = RefStatus::Unchecked;
    ref.note = "a sequence named at run time";
    refs_.push_back(ref);
    return;
  }
  std::vector<std::string> parts;
  std::string cur;
  bool quoted_part = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      size_t close = i + 1;
      std::string q;
      while (close < text.size()) {
        if (text[close] == '"' && close + 1 < text.size() && text[close + 1] == '"') { q += '"'; close += 2; continue; }
        if (text[close] == '"') break;
        q += text[close++];
      }
      if (close >= text.size() || !cur.empty()) return;
      cur = q;
      quoted_part = true;
      i = close;
    } else if (c == '.') {
      if (cur.empty()) return;
      parts.push_back(cur);
      cur.clear();
      quoted_part = false;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$') {
      if (quoted_part) return;
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      return;  // blanks, an OID, anything regclass would read otherwise
    }
  }
  if (cur.empty()) return;
  parts.push_back(cur);
  if (parts.size() > 2 || std::isdigit(static_cast<unsigned char>(parts.front()[0]))) return;
  RelationName rv;
  rv.name = parts.back();
  rv.location = at;
  if (parts.size() == 2) rv.schema_name = parts.front();
  range_var(rv, false, nullptr);
}

std::string Resolver::enum_named(const PgQuery__TypeName* tn) const {
  if (!tn || tn->n_array_bounds) return "";
  std::vector<std::string> parts;
  for (const Node* n : SG_LIST(tn, names)) parts.push_back(str(n));
  if (parts.empty() || parts.size() > 2 || parts.front() == "pg_catalog") return "";
  if (parts.size() == 2) return schema_.enums.count(parts[0] + "." + parts[1]) ? parts[0] + "." + parts[1] : "";
  for (auto& p : path_)
    if (schema_.enums.count(p + "." + parts[0])) return p + "." + parts[0];
  return "";
}

void Resolver::literal_label(const std::string& type, const Node* node) {
  EnumLiteral lit;
  if (!string_literal(node, &lit.label, &lit.offset)) return;
  lit.type = type;
  enum_literals_.push_back(std::move(lit));
}

void Resolver::enum_literal(const schema::Column* column, const Node* node) {
  if (column && !column->enum_type.empty()) literal_label(column->enum_type, node);
}

const schema::Column* Resolver::column_of(const Node* node, const Scope& scope) const {
  if (!is(node, SG_NODE(COLUMN_REF))) return nullptr;
  std::vector<std::string> names;
  for (const Node* f : SG_LIST(node->column_ref, fields)) {
    if (!is(f, SG_NODE(STRING))) return nullptr;
    names.push_back(str(f));
  }
  if (names.empty() || names.size() > 2) return nullptr;
  for (const Scope* s = &scope; s; s = s->parent) {
    const schema::Column* found = nullptr;
    int matches = 0;
    for (auto& e : s->entries) {
      if (names.size() == 2 && e.alias != names[0]) continue;
      if (e.open && names.size() == 1) return nullptr;
      if (!e.has_column(names.back())) continue;
      ++matches;
      if (e.rel) found = e.column(names.back());
    }
    if (matches > 1) return nullptr;
    if (matches == 1) return found;
    if (names.size() == 2) {
      for (auto& e : s->entries)
        if (e.alias == names[0]) return nullptr;
    }
  }
  return nullptr;
}

void Resolver::comparison(const PgQuery__AExpr* b, const Scope& scope) {
  auto name = SG_LIST(b, name);
  std::string op = name.empty() ? "" : str(name.back());
  const Node* l = b->lexpr;
  const Node* r = b->rexpr;
  if (b->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP &&
      (op == "=" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=")) {
    enum_literal(column_of(l, scope), r);
    enum_literal(column_of(r, scope), l);
  } else if (b->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN && is(r, SG_NODE(LIST))) {
    const schema::Column* c = column_of(l, scope);
    for (const Node* v : list_items(r)) enum_literal(c, v);
  }
}

}  // namespace schemagate::sql::resolver
