// SELECT as PostgreSQL's analyzer builds it: the WITH clause's CTEs, the FROM list (relations,
// joins, subqueries, functions with known outputs), the target list and the names of its output
// columns (FigureColname), and the clauses that may name those outputs.
#include "analyzers/sql/resolver.h"

namespace schemagate::sql::resolver {

Derived Resolver::select(const PgQuery__SelectStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
  if (!body) return {};
  CteEnv env;
  env.parent = outer_ctes;
  with_clause(body->with_clause, parent, &env);

  if (set_operation(body)) {
    Derived left = select(body->larg, parent, &env);
    select(body->rarg, parent, &env);
    // ORDER BY of a set operation names output columns only.
    return left;
  }

  Scope scope;
  scope.parent = parent;
  scope.ctes = &env;

  if (auto values = SG_LIST(body, values_lists); !values.empty()) {
    Derived out;
    size_t width = 0;
    for (const Node* row : values) {
      Span<Node> items = list_items(row);
      width = std::max(width, items.size());
      walk(items, scope);
    }
    for (size_t i = 1; i <= width; ++i) out.columns.push_back("column" + std::to_string(i));
    return out;
  }

  for (const Node* item : SG_LIST(body, from_clause)) from_item(item, &scope);

  Derived out = target_list(SG_LIST(body, target_list), scope);
  for (auto& n : out.columns) scope.output_names.insert(n);
  for (const Node* t : SG_LIST(body, target_list)) {
    if (std::string name = target_name(res_target(t)); !name.empty()) scope.output_names.insert(name);
  }

  walk(body->where_clause, scope);
  walk_allowing_output_names(SG_LIST(body, group_clause), scope);
  walk(body->having_clause, scope);
  walk(SG_LIST(body, window_clause), scope);
  walk_allowing_output_names(SG_LIST(body, distinct_clause), scope);
  walk_allowing_output_names(SG_LIST(body, sort_clause), scope);
  walk(body->limit_count, scope);
  walk(body->limit_offset, scope);
  return out;
}

void Resolver::with_clause(const PgQuery__WithClause* with, const Scope* parent, CteEnv* env) {
  if (!with) return;
  bool recursive = with->recursive;
  for (const Node* c : SG_LIST(with, ctes)) {
    const PgQuery__CommonTableExpr* cte = is(c, SG_NODE(COMMON_TABLE_EXPR)) ? c->common_table_expr : nullptr;
    if (!cte) continue;
    std::string name = text(cte->ctename);
    std::vector<std::string> alias_cols;
    for (const Node* a : SG_LIST(cte, aliascolnames)) alias_cols.push_back(str(a));
    if (recursive) env->ctes[name] = Derived{alias_cols, false};  // visible to itself, open meanwhile
    Derived out = statement(cte->ctequery, parent, env);
    if (!alias_cols.empty()) {
      for (size_t i = 0; i < alias_cols.size() && i < out.columns.size(); ++i) out.columns[i] = alias_cols[i];
      if (out.columns.size() < alias_cols.size()) out.columns = alias_cols;
    }
    env->ctes[name] = out;
  }
}

Derived Resolver::target_list(Span<Node> list, const Scope& scope) {
  Derived out;
  for (const Node* t : list) {
    const PgQuery__ResTarget* rt = res_target(t);
    const Node* val = target_val(rt);
    walk(val, scope);
    if (std::string name = target_name(rt); !name.empty()) {
      out.columns.push_back(name);
      continue;
    }
    if (is(val, SG_NODE(COLUMN_REF)) && star_ref(val->column_ref)) {
      expand_star(SG_LIST(val->column_ref, fields), scope, &out);
      continue;
    }
    std::string name;
    if (figure_colname(val, &name)) out.columns.push_back(name);
    else {
      out.columns.push_back("?column?");
      out.complete = false;
    }
  }
  return out;
}

void Resolver::expand_star(Span<Node> fields, const Scope& scope, Derived* out) {
  auto add_entry = [&](const Entry& e) {
    if (e.open) { out->complete = false; return; }
    if (e.rel) {
      Derived d;
      for (auto& c : e.rel->columns) d.columns.push_back(c.name);
      apply_alias(e.alias_columns, &d);
      out->columns.insert(out->columns.end(), d.columns.begin(), d.columns.end());
      if (!e.rel->columns_complete || (!e.alias_columns.empty() && !e.column_order_known)) out->complete = false;
    } else {
      out->columns.insert(out->columns.end(), e.derived.columns.begin(), e.derived.columns.end());
      if (!e.derived.complete) out->complete = false;
    }
  };
  if (fields.size() == 1) {
    for (auto& e : scope.entries) add_entry(e);
    return;
  }
  std::string q = str(fields[fields.size() - 2]);
  for (auto& e : scope.entries)
    if (e.alias == q) { add_entry(e); return; }
  out->complete = false;
}

bool Resolver::figure_colname(const Node* val, std::string* name) {
  int strength = colname_strength(val, name);
  if (strength < 0) return false;
  if (strength == 0) *name = "?column?";
  return true;
}

// PostgreSQL's FigureColnameInternal (parse_target.c), node for node: a CASE is named by its
// ELSE when that names it (`CASE WHEN a.x IS NULL THEN b.x ELSE a.x END` is column "x", and a
// view's column of that name), a cast by its operand before its type (`'a'::text` is "text",
// `t.x::text` is "x"), a scalar subquery by its one output column.
int Resolver::colname_strength(const Node* val, std::string* name) {
  auto named = [&](std::string n) {
    *name = std::move(n);
    return 2;
  };
  switch (kind(val)) {
    case SG_NODE(COLUMN_REF): {
      std::string last;
      for (const Node* f : SG_LIST(val->column_ref, fields))
        if (is(f, SG_NODE(STRING))) last = str(f);
      if (last.empty()) return -1;
      *name = last;
      return 2;
    }
    case SG_NODE(A_INDIRECTION): {
      std::string last;
      for (const Node* f : SG_LIST(val->a_indirection, indirection))
        if (is(f, SG_NODE(STRING))) last = str(f);
      if (last.empty()) return colname_strength(val->a_indirection->arg, name);
      *name = last;
      return 2;
    }
    case SG_NODE(FUNC_CALL): {
      auto f = SG_LIST(val->func_call, funcname);
      if (f.empty() || str(f.back()).empty()) return -1;
      *name = str(f.back());
      return 2;
    }
    case SG_NODE(TYPE_CAST): {
      int strength = colname_strength(val->type_cast->arg, name);
      if (strength < 0 || strength == 2) return strength;
      auto names = SG_LIST(val->type_cast->type_name, names);
      if (names.empty() || str(names.back()).empty()) return strength;
      *name = str(names.back());
      return 1;
    }
    case SG_NODE(COLLATE_CLAUSE): return colname_strength(val->collate_clause->arg, name);
    case SG_NODE(CASE_EXPR): {
      int strength = val->case_expr->defresult ? colname_strength(val->case_expr->defresult, name) : 0;
      if (strength < 0 || strength == 2) return strength;
      *name = "case";
      return 1;
    }
    case SG_NODE(SUB_LINK): {
      const PgQuery__SubLink* s = val->sub_link;
      if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK) return named("exists");
      if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK) return named("array");
      if (s->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK) return 0;
      // The subquery's one output column, named as the select list names it ("?column?"
      // included); a set operation's or a star's name is not worked out here.
      const PgQuery__SelectStmt* q = is(s->subselect, SG_NODE(SELECT_STMT)) ? s->subselect->select_stmt : nullptr;
      auto targets = SG_LIST(q, target_list);
      if (!q || q->op != PG_QUERY__SET_OPERATION__SETOP_NONE || targets.size() != 1) return -1;
      const PgQuery__ResTarget* rt = res_target(targets[0]);
      if (std::string n = target_name(rt); !n.empty()) return named(n);
      const Node* inner = target_val(rt);
      if (is(inner, SG_NODE(COLUMN_REF)) && star_ref(inner->column_ref)) return -1;
      int strength = colname_strength(inner, name);
      if (strength < 0) return -1;
      if (strength == 0) *name = "?column?";
      return 2;
    }
    case SG_NODE(A_EXPR):
      if (val->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) return named("nullif");
      return 0;
    case SG_NODE(GROUPING_FUNC): return named("grouping");
    case SG_NODE(MIN_MAX_EXPR):
      if (val->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST) return named("greatest");
      if (val->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_LEAST) return named("least");
      return -1;
    case SG_NODE(SQLVALUE_FUNCTION): {
      static constexpr const char* kNames[] = {
          "",          "current_date", "current_time", "current_time", "current_timestamp", "current_timestamp",
          "localtime", "localtime",    "localtimestamp", "localtimestamp", "current_role", "current_user",
          "user",      "session_user", "current_catalog", "current_schema"};
      size_t op = static_cast<size_t>(val->sqlvalue_function->op);
      if (op == 0 || op >= std::size(kNames)) return -1;
      *name = kNames[op];
      return 2;
    }
    case SG_NODE(COALESCE_EXPR): return named("coalesce");
    case SG_NODE(A_ARRAY_EXPR): return named("array");
    case SG_NODE(ROW_EXPR): return named("row");
    case SG_NODE(A_CONST):
    case SG_NODE(BOOL_EXPR):
    case SG_NODE(PARAM_REF):
    case SG_NODE(NULL_TEST):
    case SG_NODE(BOOLEAN_TEST): return 0;
    default: return -1;
  }
}

void Resolver::from_item(const Node* item, Scope* scope) {
  switch (kind(item)) {
    case PG_QUERY__NODE__NODE__NOT_SET: return;
    case SG_NODE(RANGE_VAR): scope->entries.push_back(range_var(item->range_var, true, scope->ctes)); return;
    case SG_NODE(JOIN_EXPR): {
      const PgQuery__JoinExpr* b = item->join_expr;
      size_t first = scope->entries.size();
      from_item(b->larg, scope);
      size_t split = scope->entries.size();
      from_item(b->rarg, scope);
      for (const Node* u : SG_LIST(b, using_clause)) using_column(str(u), *scope, first, split);
      walk(b->quals, *scope);
      if (b->alias) {
        Entry e;
        e.alias = alias_name(b->alias);
        e.open = true;
        scope->entries.push_back(e);
      }
      return;
    }
    case SG_NODE(RANGE_SUBSELECT): {
      const PgQuery__RangeSubselect* b = item->range_subselect;
      Derived out = statement(b->subquery, b->lateral ? scope : scope->parent, scope->ctes);
      Entry e;
      apply_alias(b->alias, &out);
      e.alias = alias_name(b->alias);
      e.derived = out;
      scope->entries.push_back(e);
      return;
    }
    case SG_NODE(RANGE_FUNCTION): {
      const PgQuery__RangeFunction* b = item->range_function;
      walk(SG_LIST(b, functions), *scope);
      Entry e;
      e.alias = alias_name(b->alias);
      if (e.alias.empty()) {  // unaliased f(): the function name qualifies its columns
        auto fns = SG_LIST(b, functions);
        if (!fns.empty()) {
          Span<Node> list = list_items(fns[0]);
          if (!list.empty() && is(list[0], SG_NODE(FUNC_CALL))) {
            auto fn = SG_LIST(list[0]->func_call, funcname);
            if (!fn.empty()) e.alias = str(fn.back());
          }
        }
      }
      if (function_outputs(b, e.alias, &e.derived)) {
        apply_alias(b->alias, &e.derived);
      } else {
        e.open = true;  // a function's columns are not in the schema model
      }
      scope->entries.push_back(e);
      return;
    }
    default: {
      // RangeTableSample, RangeTableFunc (XMLTABLE), JSON_TABLE...: columns unknown.
      walk_body(item, *scope);
      Entry e;
      e.alias = is(item, SG_NODE(RANGE_TABLE_FUNC)) ? alias_name(item->range_table_func->alias) : "";
      e.open = true;
      scope->entries.push_back(e);
    }
  }
}

bool Resolver::function_outputs(const PgQuery__RangeFunction* b, const std::string& alias, Derived* out) {
  auto fns = SG_LIST(b, functions);
  if (fns.size() != 1 || b->is_rowsfrom) return false;
  Span<Node> list = list_items(fns[0]);
  if (list.empty() || !present(list[0])) return false;
  auto coldefs = SG_LIST(b, coldeflist);
  if (!coldefs.empty()) {
    for (const Node* d : coldefs) {
      std::string n = is(d, SG_NODE(COLUMN_DEF)) ? text(d->column_def->colname) : "";
      if (n.empty()) return false;
      out->columns.push_back(n);
    }
  } else {
    if (!is(list[0], SG_NODE(FUNC_CALL))) return false;
    const PgQuery__FuncCall* call = list[0]->func_call;
    auto fn = SG_LIST(call, funcname);
    if (fn.empty()) return false;
    std::string name = str(fn.back());
    if (fn.size() > 1 && str(fn[0]) != "pg_catalog") return false;
    size_t args = call->n_args;
    // A scalar set-returning function's column takes the alias's name, else its own.
    std::string scalar = alias.empty() ? name : alias;
    if (name == "unnest" && args == 1) out->columns.push_back(scalar);
    else if (name == "unnest" && args > 1)
      for (size_t i = 0; i < args; ++i) out->columns.push_back("unnest");
    else if (name == "generate_series" || name == "generate_subscripts" || name == "regexp_split_to_table" ||
             name == "string_to_table" || name == "jsonb_object_keys" || name == "json_object_keys")
      out->columns.push_back(scalar);
    else if (name == "jsonb_array_elements" || name == "json_array_elements" ||
             name == "jsonb_array_elements_text" || name == "json_array_elements_text")
      out->columns.push_back("value");
    else if (name == "jsonb_each" || name == "json_each" || name == "jsonb_each_text" || name == "json_each_text")
      out->columns = {"key", "value"};
    else
      return false;
  }
  if (b->ordinality) out->columns.push_back("ordinality");
  out->complete = true;
  return true;
}

void Resolver::apply_alias(const PgQuery__Alias* alias, Derived* out) {
  if (!alias) return;
  std::vector<std::string> names;
  for (const Node* c : SG_LIST(alias, colnames)) names.push_back(str(c));
  apply_alias(names, out);
}

void Resolver::apply_alias(const std::vector<std::string>& names, Derived* out) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (i < out->columns.size()) out->columns[i] = names[i];
    else out->columns.push_back(names[i]);
  }
}

}  // namespace schemagate::sql::resolver
