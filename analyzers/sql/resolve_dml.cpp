// INSERT, UPDATE, DELETE and MERGE: the target relation and the columns written, ON CONFLICT
// and its EXCLUDED row, the arity of VALUES against the column list, RETURNING.
#include "analyzers/sql/resolver.h"

namespace schemagate::sql::resolver {

Derived Resolver::insert(const PgQuery__InsertStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
  StatementScope ss(*this, body->with_clause, parent, outer_ctes);
  CteEnv& env = ss.env;
  Scope& target_scope = ss.scope;
  Entry target = range_var(body->relation, /*allow_cte=*/false, &env);
  InsertTarget written;
  for (const Node* c : SG_LIST(body, cols)) {
    const PgQuery__ResTarget* rt = res_target(c);
    target_column(target, target_name(rt), json_location(target_location(rt)), true);
    written.columns.push_back(target_name(rt));
    written.column_list = true;
  }
  const Node* sel = body->select_stmt;
  const PgQuery__SelectStmt* values_select = is(sel, SG_NODE(SELECT_STMT)) ? sel->select_stmt : nullptr;
  if (target.rel) {
    written.schema = target.rel->schema;
    written.relation = target.rel->name;
    written.offset = target.name_offset;
    if (!written.column_list) {
      // INSERT INTO t VALUES (a, b): values fill the first columns in order.
      auto rows = SG_LIST(values_select, values_lists);
      if (!rows.empty()) written.values = list_items(rows[0]).size();
      for (size_t i = 0; i < written.values && i < target.rel->columns.size(); ++i)
        written.columns.push_back(target.rel->columns[i].name);
    }
    inserts_.push_back(written);
  }
  if (present(sel)) statement(sel, parent, &env);
  if (target.rel) insert_values(body, target, written);

  target_scope.entries.push_back(target);
  if (const PgQuery__OnConflictClause* oc = body->on_conflict_clause) {
    const PgQuery__InferClause* infer = oc->infer;
    long infer_loc = infer ? json_location(infer->location) : -1;
    std::vector<std::string> conflict;
    bool plain = !(infer && present(infer->where_clause));
    size_t conflict_offset = 0;
    for (const Node* ie : SG_LIST(infer, index_elems)) {
      const PgQuery__IndexElem* elem = is(ie, SG_NODE(INDEX_ELEM)) ? ie->index_elem : nullptr;
      if (elem && elem->name && *elem->name) {
        std::string name = elem->name;
        long at = find_name(name, infer_loc);
        if (conflict.empty()) conflict_offset = at < 0 ? 0 : static_cast<size_t>(at);
        conflict.push_back(name);
        target_column(target, name, at, false);
      } else {
        plain = false;
        if (elem) walk(elem->expr, target_scope);
      }
    }
    if (target.rel && plain && !conflict.empty() && !inserts_.empty()) {
      inserts_.back().conflict_columns = conflict;
      inserts_.back().conflict_offset = conflict_offset;
    }
    if (infer) walk(infer->where_clause, target_scope);
    Scope conflict_scope = target_scope;
    Entry excluded = target;
    excluded.alias = "excluded";
    excluded.schema_name.clear();
    conflict_scope.entries.push_back(excluded);
    for (const Node* t : SG_LIST(oc, target_list)) {
      const PgQuery__ResTarget* rt = res_target(t);
      target_column(target, target_name(rt), json_location(target_location(rt)), false);
      if (target.rel) enum_literal(target.rel->find_column(target_name(rt)), target_val(rt));
      walk(target_val(rt), conflict_scope);
    }
    walk(oc->where_clause, conflict_scope);
  }
  return target_list(SG_LIST(body, returning_list), target_scope);
}

Derived Resolver::update(const PgQuery__UpdateStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
  StatementScope ss(*this, body->with_clause, parent, outer_ctes);
  CteEnv& env = ss.env;
  Scope& scope = ss.scope;
  Entry target = range_var(body->relation, false, &env);
  scope.entries.push_back(target);
  for (const Node* item : SG_LIST(body, from_clause)) from_item(item, &scope);
  for (const Node* t : SG_LIST(body, target_list)) {
    const PgQuery__ResTarget* rt = res_target(t);
    target_column(target, target_name(rt), json_location(target_location(rt)), false);
    if (target.rel) enum_literal(target.rel->find_column(target_name(rt)), target_val(rt));
    walk(target_val(rt), scope);
  }
  walk(body->where_clause, scope);
  return target_list(SG_LIST(body, returning_list), scope);
}

void Resolver::insert_values(const PgQuery__InsertStmt* body, const Entry& target, const InsertTarget& written) {
  const Node* sel = body->select_stmt;
  if (!is(sel, SG_NODE(SELECT_STMT))) return;
  const PgQuery__SelectStmt* sb = sel->select_stmt;
  Span<Node> cols = SG_LIST(body, cols);
  size_t columns = written.column_list ? cols.size() : target.rel->columns.size();
  bool columns_known = written.column_list || target.rel->columns_complete;
  Span<Node> rows = SG_LIST(sb, values_lists);
  if (!rows.empty()) {
    size_t width = 0;
    bool same = true;
    for (size_t r = 0; r < rows.size(); ++r) {
      size_t w = list_items(rows[r]).size();
      if (r == 0) width = w;
      else same = same && w == width;
    }
    if (same && columns_known) {
      Span<Node> first = list_items(rows[0]);
      check_arity(width, columns, written, std::vector<const Node*>(first.begin(), first.end()), cols);
    }
    for (const Node* row : rows) {
      Span<Node> vals = list_items(row);
      for (size_t i = 0; i < vals.size(); ++i) {
        // Without a column list, values fill the table's columns in order: known only when
        // every column is.
        std::string col = i < written.columns.size() && (written.column_list || target.rel->columns_complete)
                              ? written.columns[i]
                              : "";
        if (!col.empty()) enum_literal(target.rel->find_column(col), vals[i]);
      }
    }
    return;
  }
  // INSERT ... SELECT a, b: as many output columns as its list has entries, unless a star or a
  // set operation makes the count uncertain.
  if (set_operation(sb)) return;
  Span<Node> list = SG_LIST(sb, target_list);
  for (const Node* t : list) {
    const Node* v = target_val(res_target(t));
    if (is(v, SG_NODE(COLUMN_REF)) && star_ref(v->column_ref)) return;
  }
  std::vector<const Node*> vals;
  for (const Node* t : list) vals.push_back(target_val(res_target(t)));
  if (columns_known && !vals.empty()) check_arity(vals.size(), columns, written, vals, cols);
}

void Resolver::check_arity(size_t values, size_t columns, const InsertTarget& written, const std::vector<const Node*>& vals,
                 Span<Node> cols) {
  if (values == columns) return;
  if (values < columns && !written.column_list) return;  // the other columns take their defaults
  InsertArity a;
  a.values = values;
  a.columns = columns;
  a.listed = written.column_list;
  a.schema = written.schema;
  a.relation = written.relation;
  if (a.listed) a.listed_columns = written.columns;
  a.offset = written.offset;
  if (values > columns && columns < vals.size()) a.offset = expr_location(vals[columns], written.offset);
  if (values < columns && values < cols.size()) a.offset = expr_location(cols[values], written.offset);
  arity_errors_.push_back(a);
}

size_t Resolver::expr_location(const Node* node, size_t fallback) {
  long loc = location_or(node, -1);
  return loc >= 0 ? static_cast<size_t>(loc) : fallback;
}

Derived Resolver::del(const PgQuery__DeleteStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
  StatementScope ss(*this, body->with_clause, parent, outer_ctes);
  CteEnv& env = ss.env;
  Scope& scope = ss.scope;
  scope.entries.push_back(range_var(body->relation, false, &env));
  for (const Node* item : SG_LIST(body, using_clause)) from_item(item, &scope);
  walk(body->where_clause, scope);
  return target_list(SG_LIST(body, returning_list), scope);
}

Derived Resolver::merge(const PgQuery__MergeStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
  StatementScope ss(*this, body->with_clause, parent, outer_ctes);
  CteEnv& env = ss.env;
  Scope& scope = ss.scope;
  Entry target = range_var(body->relation, false, &env);
  scope.entries.push_back(target);
  from_item(body->source_relation, &scope);
  walk(body->join_condition, scope);
  for (const Node* w : SG_LIST(body, merge_when_clauses)) {
    const PgQuery__MergeWhenClause* clause = is(w, SG_NODE(MERGE_WHEN_CLAUSE)) ? w->merge_when_clause : nullptr;
    if (!clause) continue;
    walk(clause->condition, scope);
    for (const Node* t : SG_LIST(clause, target_list)) {
      const PgQuery__ResTarget* rt = res_target(t);
      target_column(target, target_name(rt), json_location(target_location(rt)),
                    clause->command_type == PG_QUERY__CMD_TYPE__CMD_INSERT);
      walk(target_val(rt), scope);
    }
    walk(SG_LIST(clause, values), scope);
  }
  return {{}, false};
}

}  // namespace schemagate::sql::resolver
