// Implementation notes. The parse tree is read through sql/tree.h: a Node* field holds a tagged
// node (kind + typed body), a field typed as a specific struct (SelectStmt.larg,
// InsertStmt.relation) points at the struct. Scopes live on the C++ stack; a scope points at its
// parent (the query around a correlated subquery) and at the CTEs visible.
#include "analyzers/sql/resolve.h"

#include "analyzers/schema/migrations/migration.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "analyzers/requirements/requirement.h"
#include "analyzers/sql/tree.h"

namespace schemagate::sql {
namespace {

using schema::Relation;

/// A SELECT that combines two others (UNION, INTERSECT, EXCEPT).
bool set_operation(const PgQuery__SelectStmt* s) {
  return s && s->op != PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED && s->op != PG_QUERY__SET_OPERATION__SETOP_NONE;
}

const PgQuery__ResTarget* res_target(const Node* n) { return is(n, SG_NODE(RES_TARGET)) ? n->res_target : nullptr; }
std::string target_name(const PgQuery__ResTarget* rt) { return rt ? text(rt->name) : ""; }
const Node* target_val(const PgQuery__ResTarget* rt) { return rt ? rt->val : nullptr; }
int target_location(const PgQuery__ResTarget* rt) { return rt ? rt->location : 0; }
std::string alias_name(const PgQuery__Alias* a) { return a ? text(a->aliasname) : ""; }
/// Whether a ColumnRef's last field is `*`.
bool star_ref(const PgQuery__ColumnRef* c) { return c && c->n_fields && is(c->fields[c->n_fields - 1], SG_NODE(A_STAR)); }
/// A node's location as libpg_query's JSON gave it: a 0 read as absent (-1).
long json_location(int32_t loc) { return loc == 0 ? -1 : loc; }

/// A derived table's columns: known names, and whether the list is certain.
struct Derived {
  std::vector<std::string> columns;
  bool complete = true;
};

/// Columns PostgreSQL gives every table, materialized view and foreign table without a
/// declaration (`DELETE ... WHERE ctid IN (SELECT ctid ... LIMIT n)`, `RETURNING (xmax = 0)`).
/// `oid` is not among them: user tables have had none since PostgreSQL 12.
bool system_column(const std::string& c) {
  return c == "ctid" || c == "xmin" || c == "xmax" || c == "cmin" || c == "cmax" || c == "tableoid";
}

/// Why a relation that no migration creates is still not certainly missing, or "" when it is:
/// a migration tool's tracking table (the tool creates it, not a migration), or a SQLite system
/// table (the query is written for SQLite: a driver package beside the PostgreSQL one).
std::string created_outside_migrations(const std::string& name) {
  if (schema::migrations::is_tracking_table_name(name))
    return "a migration tool's tracking table: the tool creates it, no migration does";
  if (name.rfind("sqlite_", 0) == 0 || name.rfind("pragma_", 0) == 0)
    return "a SQLite system table: the query is written for SQLite";
  return {};
}

/// One FROM entry (range table entry) as seen by column references.
struct Entry {
  std::string alias;           ///< name that qualifies its columns
  std::string schema_name;     ///< base relations: schema, for schema.table.column
  std::string rel_name;        ///< base relations: relation name
  const Relation* rel = nullptr;
  Derived derived;             ///< derived tables (CTE, subquery, VALUES)
  bool open = false;           ///< columns unknown: functions, unknown or missing relations
  size_t name_offset = 0;      ///< base relations: byte offset of the name in the statement
  bool is_base() const { return rel != nullptr; }
  bool has_column(const std::string& c) const {
    if (rel) return rel->find_column(c) != nullptr || (rel->kind != schema::RelationKind::View && system_column(c));
    return std::find(derived.columns.begin(), derived.columns.end(), c) != derived.columns.end();
  }
  /// Certain that the column is absent.
  bool certainly_lacks(const std::string& c) const {
    if (open || has_column(c)) return false;
    if (rel) return rel->columns_complete;
    // A derived table (subquery, CTE, VALUES, a function of known outputs) whose every output
    // column was named with certainty: a column it does not list, it does not have. Inference
    // that is unsure of one name marks the list incomplete (figure_colname, expand_star).
    return derived.complete;
  }
};

struct CteEnv {
  std::map<std::string, Derived> ctes;
  const CteEnv* parent = nullptr;
  const Derived* find(const std::string& name) const {
    for (const CteEnv* e = this; e; e = e->parent) {
      auto it = e->ctes.find(name);
      if (it != e->ctes.end()) return &it->second;
    }
    return nullptr;
  }
};

struct Scope {
  std::vector<Entry> entries;
  const Scope* parent = nullptr;
  const CteEnv* ctes = nullptr;
  std::set<std::string> output_names;  ///< select-list aliases, allowed in ORDER BY / GROUP BY
};

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

class Resolver {
 public:
  Resolver(const std::string& sql, const schema::Schema& schema, const std::vector<std::string>& path)
      : sql_(sql), schema_(schema), path_(path) {}

  Resolution run(const Node* stmt) {
    Resolution r;
    CteEnv root;
    switch (kind(stmt)) {
      case SG_NODE(SELECT_STMT): r.kind = "select"; break;
      case SG_NODE(INSERT_STMT): r.kind = "insert"; break;
      case SG_NODE(UPDATE_STMT): r.kind = "update"; break;
      case SG_NODE(DELETE_STMT): r.kind = "delete"; break;
      case SG_NODE(MERGE_STMT): r.kind = "merge"; break;
      case SG_NODE(CALL_STMT): r.kind = "call"; break;
      default: return r;
    }
    if (is(stmt, SG_NODE(CALL_STMT))) {
      Scope none;
      none.ctes = &root;
      const PgQuery__FuncCall* fc = stmt->call_stmt->funccall;
      if (fc) {
        record_call(fc, none, true);
        walk(SG_LIST(fc, args), none);
      }
    } else {
      statement(stmt, nullptr, &root);
    }
    // Deduplicate (MultiAssignRef repeats its source for each target column).
    std::set<std::tuple<int, size_t, std::string, std::string>> seen;
    for (auto& ref : refs_) {
      if (seen.insert({static_cast<int>(ref.kind), ref.offset, ref.relation, ref.column}).second)
        r.refs.push_back(std::move(ref));
    }
    std::sort(r.refs.begin(), r.refs.end(), [](const Reference& a, const Reference& b) { return a.offset < b.offset; });
    r.inserts = std::move(inserts_);
    r.calls = std::move(calls_);
    r.enum_literals = std::move(enum_literals_);
    r.arity_errors = std::move(arity_errors_);
    return r;
  }

  /// A DML statement's own scope: its WITH clause's CTEs (visible to everything in it) and the
  /// range entries its FROM / USING / target add. Pinned in place: the scope points at the env.
  struct StatementScope {
    CteEnv env;
    Scope scope;
    StatementScope(Resolver& r, const PgQuery__WithClause* with, const Scope* parent, const CteEnv* outer) {
      env.parent = outer;
      r.with_clause(with, parent, &env);
      scope.parent = parent;
      scope.ctes = &env;
    }
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;
  };

  /// Processes any statement; returns its output columns (RETURNING for DML).
  Derived statement(const Node* n, const Scope* parent, const CteEnv* ctes) {
    switch (kind(n)) {
      case SG_NODE(SELECT_STMT): return select(n->select_stmt, parent, ctes);
      case SG_NODE(INSERT_STMT): return insert(n->insert_stmt, parent, ctes);
      case SG_NODE(UPDATE_STMT): return update(n->update_stmt, parent, ctes);
      case SG_NODE(DELETE_STMT): return del(n->delete_stmt, parent, ctes);
      case SG_NODE(MERGE_STMT): return merge(n->merge_stmt, parent, ctes);
      default: return {{}, false};
    }
  }

  Derived select(const PgQuery__SelectStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
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

  Derived insert(const PgQuery__InsertStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
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

  Derived update(const PgQuery__UpdateStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
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

  /// INSERT's values against its target columns: how many (42601 when they differ) and the
  /// strings written into enum columns.
  void insert_values(const PgQuery__InsertStmt* body, const Entry& target, const InsertTarget& written) {
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

  /// Points where PostgreSQL does: at the first value too many, or the first listed column
  /// without a value.
  void check_arity(size_t values, size_t columns, const InsertTarget& written, const std::vector<const Node*>& vals,
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

  /// The byte offset of an expression (its "location"), or `fallback`.
  static size_t expr_location(const Node* node, size_t fallback) {
    long loc = location_or(node, -1);
    return loc >= 0 ? static_cast<size_t>(loc) : fallback;
  }

  Derived del(const PgQuery__DeleteStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
    StatementScope ss(*this, body->with_clause, parent, outer_ctes);
    CteEnv& env = ss.env;
    Scope& scope = ss.scope;
    scope.entries.push_back(range_var(body->relation, false, &env));
    for (const Node* item : SG_LIST(body, using_clause)) from_item(item, &scope);
    walk(body->where_clause, scope);
    return target_list(SG_LIST(body, returning_list), scope);
  }

  Derived merge(const PgQuery__MergeStmt* body, const Scope* parent, const CteEnv* outer_ctes) {
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

  void with_clause(const PgQuery__WithClause* with, const Scope* parent, CteEnv* env) {
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

  /// Output columns of a select list (or RETURNING list), walking its expressions.
  Derived target_list(Span<Node> list, const Scope& scope) {
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

  void expand_star(Span<Node> fields, const Scope& scope, Derived* out) {
    auto add_entry = [&](const Entry& e) {
      if (e.open) { out->complete = false; return; }
      if (e.rel) {
        for (auto& c : e.rel->columns) out->columns.push_back(c.name);
        if (!e.rel->columns_complete) out->complete = false;
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

  /// PostgreSQL's FigureColname for the common node types; false when unsure.
  bool figure_colname(const Node* val, std::string* name) {
    switch (kind(val)) {
      case SG_NODE(COLUMN_REF): {
        auto f = SG_LIST(val->column_ref, fields);
        if (f.empty()) return false;
        *name = str(f.back());
        return !name->empty();
      }
      case SG_NODE(FUNC_CALL): {
        auto f = SG_LIST(val->func_call, funcname);
        if (f.empty()) return false;
        *name = str(f.back());
        return !name->empty();
      }
      case SG_NODE(TYPE_CAST): {
        if (figure_colname(val->type_cast->arg, name)) return true;
        auto names = SG_LIST(val->type_cast->type_name, names);
        if (names.empty()) return false;
        *name = str(names.back());
        return !name->empty();
      }
      case SG_NODE(CASE_EXPR): *name = "case"; return true;
      case SG_NODE(COALESCE_EXPR): *name = "coalesce"; return true;
      case SG_NODE(A_ARRAY_EXPR): *name = "array"; return true;
      case SG_NODE(ROW_EXPR): *name = "row"; return true;
      case SG_NODE(A_CONST):
      case SG_NODE(A_EXPR):
      case SG_NODE(BOOL_EXPR):
      case SG_NODE(PARAM_REF):
      case SG_NODE(NULL_TEST): *name = "?column?"; return true;
      default: return false;
    }
  }

  void from_item(const Node* item, Scope* scope) {
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

  /// The output columns of a function in FROM when they are certain: a column definition list
  /// (`AS t(id int, name text)`), or one of the built-in set-returning functions whose outputs
  /// are fixed (unnest of n arrays, generate_series, jsonb_array_elements, json_each, ...), named
  /// as PostgreSQL names them before the alias renames them. WITH ORDINALITY adds "ordinality".
  static bool function_outputs(const PgQuery__RangeFunction* b, const std::string& alias, Derived* out) {
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

  static void apply_alias(const PgQuery__Alias* alias, Derived* out) {
    if (!alias) return;
    size_t i = 0;
    for (const Node* c : SG_LIST(alias, colnames)) {
      if (i < out->columns.size()) out->columns[i] = str(c);
      else out->columns.push_back(str(c));
      ++i;
    }
  }

  /// A relation in FROM, or the target of INSERT/UPDATE/DELETE/MERGE.
  Entry range_var(const PgQuery__RangeVar* rv, bool allow_cte, const CteEnv* ctes) {
    RelationName n;
    if (rv) {
      n.schema_name = text(rv->schemaname);
      n.name = text(rv->relname);
      n.location = static_cast<size_t>(std::max(0, rv->location));
      n.three_part = rv->catalogname && *rv->catalogname;
      if (rv->alias) n.alias = text(rv->alias->aliasname);
    }
    return range_var(n, allow_cte, ctes);
  }

  /// A relation's name as written (a RangeVar, or a string read as regclass).
  struct RelationName {
    std::string schema_name, name, alias;
    size_t location = 0;
    bool three_part = false;  ///< database.schema.table
  };

  Entry range_var(const RelationName& rv, bool allow_cte, const CteEnv* ctes) {
    Entry e;
    const std::string& schema_name = rv.schema_name;
    const std::string& name = rv.name;
    size_t loc = rv.location;
    e.alias = rv.alias.empty() ? name : rv.alias;
    (void)allow_cte;  // DML targets may name a CTE too; PostgreSQL then reports an error itself
    if (schema_name.empty() && ctes) {
      if (const Derived* d = ctes->find(name)) {
        e.derived = *d;
        if (!d->complete) e.open = true;
        return e;
      }
    }
    Reference ref;
    ref.kind = Reference::Kind::Relation;
    ref.relation = name;
    ref.schema = schema_name;
    ref.offset = loc;
    if (!schema_name.empty()) ref.offset = name_offset(loc, 1);
    if (rv.three_part) {
      ref.status = RefStatus::Unchecked;
      ref.note = "three-part relation names (database.schema.table) are not checked";
      e.open = true;
      refs_.push_back(ref);
      return e;
    }
    const Relation* rel = nullptr;
    if (!schema_name.empty()) {
      if (system_schema(schema_name) || !schema_.has_schema(schema_name)) {
        ref.status = RefStatus::Unchecked;
        ref.note = system_schema(schema_name) ? "system catalog"
                                              : "schema \"" + schema_name + "\" is not created by any migration";
        e.open = true;
        refs_.push_back(ref);
        return e;
      }
      rel = schema_.find(schema_name, name);
    } else {
      if (name.rfind("pg_", 0) == 0) {  // pg_catalog is searched first, implicitly
        ref.status = RefStatus::Unchecked;
        ref.note = "system catalog";
        e.open = true;
        refs_.push_back(ref);
        return e;
      }
      rel = schema_.find_in_path(name, path_);
    }
    if (!rel) {
      e.open = true;
      std::string outside = created_outside_migrations(name);
      if (schema_.uncertain_names.count(name)) {
        ref.status = RefStatus::Unchecked;
        ref.note = "\"" + name + "\" appears in DDL that the schema model cannot follow (a DO block or dynamic SQL)";
      } else if (!outside.empty()) {
        ref.status = RefStatus::Unchecked;
        ref.note = outside;
      } else if (!schema_name.empty() && schema_.extension_schemas.count(schema_name)) {
        ref.status = RefStatus::Unchecked;
        ref.note = "schema \"" + schema_name + "\" holds an extension's objects, which no migration lists";
      } else if (requirements::other_engine_relation(name)) {
        ref.status = RefStatus::Unchecked;
        ref.note = "\"" + name + "\" is a system view of Amazon Redshift, not PostgreSQL";
      } else {
        ref.status = RefStatus::Missing;
        if (ref.schema.empty()) ref.schema = path_.empty() ? "public" : path_.front();
      }
      refs_.push_back(ref);
      return e;
    }
    ref.status = RefStatus::Resolved;
    ref.schema = rel->schema;
    refs_.push_back(ref);
    e.rel = rel;
    e.name_offset = ref.offset;
    e.schema_name = rel->schema;
    e.rel_name = rel->name;
    return e;
  }

  static bool system_schema(const std::string& s) {
    return s == "pg_catalog" || s == "information_schema" || s.rfind("pg_", 0) == 0;
  }

  /// A column named by INSERT's column list, UPDATE SET, ON CONFLICT, MERGE.
  void target_column(const Entry& target, const std::string& name, long location, bool insert_target) {
    if (name.empty()) return;
    Reference ref;
    ref.kind = Reference::Kind::Column;
    ref.column = name;
    ref.offset = location < 0 ? 0 : static_cast<size_t>(location);
    ref.insert_target = insert_target;
    if (target.rel) {
      ref.schema = target.rel->schema;
      ref.relation = target.rel->name;
      if (target.has_column(name)) ref.status = RefStatus::Resolved;
      else if (target.certainly_lacks(name) && !schema_.uncertain_names.count(name)) ref.status = RefStatus::Missing;
      else {
        ref.status = RefStatus::Unchecked;
        ref.note = "the relation's column list is not fully known";
      }
    } else {
      ref.status = RefStatus::Unchecked;
      ref.note = "the target relation is not resolved";
    }
    refs_.push_back(ref);
  }

  void using_column(const std::string& name, const Scope& scope, size_t first, size_t split) {
    // USING (c): c must exist on both sides; check each side like an unqualified reference.
    for (int side = 0; side < 2; ++side) {
      size_t from = side == 0 ? first : split, to = side == 0 ? split : scope.entries.size();
      bool found = false, certain = true;
      std::vector<std::string> searched;
      const Entry* only_base = nullptr;
      for (size_t i = from; i < to; ++i) {
        const Entry& e = scope.entries[i];
        if (e.has_column(name)) found = true;
        if (!e.certainly_lacks(name)) certain = false;
        if (e.rel) { searched.push_back(e.rel->qualified_name()); only_base = &e; }
      }
      if (found) continue;
      Reference ref;
      ref.kind = Reference::Kind::Column;
      ref.column = name;
      ref.offset = 0;
      for (size_t i = from; i < to; ++i)
        if (auto p = find_name(name, -1); p >= 0) { ref.offset = static_cast<size_t>(p); break; }
      if (certain && searched.size() == 1 && only_base && !schema_.uncertain_names.count(name)) {
        ref.status = RefStatus::Missing;
        ref.schema = only_base->rel->schema;
        ref.relation = only_base->rel->name;
        ref.searched = searched;
      } else {
        ref.status = RefStatus::Unchecked;
        ref.note = "USING column on a side whose columns are not all known";
      }
      refs_.push_back(ref);
    }
  }

  void walk_allowing_output_names(Span<Node> list, const Scope& scope) {
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

  void walk(Span<Node> list, const Scope& scope) {
    for (const Node* n : list) walk(n, scope);
  }

  /// Walks every child of a node's body or of a struct, in field order, except its type name.
  void walk_message(const ProtobufCMessage* m, const Scope& scope) {
    for_each_child(m, "typeName", [&](const ProtobufCMessage* child) {
      if (child->descriptor == &pg_query__node__descriptor) walk(reinterpret_cast<const Node*>(child), scope);
      else walk_message(child, scope);
    });
  }
  void walk_body(const Node* n, const Scope& scope) { walk_message(body(n), scope); }

  /// Walks an expression tree, resolving column references and descending into subqueries.
  void walk(const Node* node, const Scope& scope) {
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

  void column_ref(const PgQuery__ColumnRef* b, const Scope& scope) {
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

  const Entry* find_qualifier(const std::string& q, const std::string& schema_q, const Scope& scope) {
    for (const Scope* s = &scope; s; s = s->parent) {
      for (auto& e : s->entries) {
        if (schema_q.empty() ? e.alias == q : (e.rel && e.schema_name == schema_q && e.rel_name == q && e.alias == q))
          return &e;
      }
    }
    return nullptr;
  }

  void qualified(Reference ref, const Entry& e) {
    if (e.rel) {
      ref.schema = e.rel->schema;
      ref.relation = e.rel->name;
    } else {
      ref.relation = e.alias;
    }
    if (e.has_column(ref.column)) {
      ref.status = RefStatus::Resolved;
    } else if (e.rel && e.certainly_lacks(ref.column) && !schema_.uncertain_names.count(ref.column) &&
               !schema_.uncertain_names.count(e.rel->name)) {
      ref.status = RefStatus::Missing;
      ref.searched = {e.rel->qualified_name()};
    } else {
      ref.status = RefStatus::Unchecked;
      ref.note = e.rel ? "the relation's column list is not fully known"
                       : (e.open ? "\"" + e.alias + "\" has columns that are not known"
                                 : "\"" + e.alias + "\" is a derived table whose columns are inferred");
    }
    refs_.push_back(ref);
  }

  void unqualified(Reference ref, const Scope& scope) {
    bool certain = true;
    std::vector<const Entry*> bases;
    for (const Scope* s = &scope; s; s = s->parent) {
      for (auto& e : s->entries) {
        if (e.has_column(ref.column) && !e.open) {
          if (e.rel) {
            ref.schema = e.rel->schema;
            ref.relation = e.rel->name;
          } else {
            ref.relation = e.alias;
          }
          ref.status = RefStatus::Resolved;
          refs_.push_back(ref);
          return;
        }
        if (e.alias == ref.column) return;  // whole-row reference: SELECT t FROM t
        if (!e.certainly_lacks(ref.column) || (e.rel && schema_.uncertain_names.count(e.rel->name))) certain = false;
        if (e.rel) bases.push_back(&e);
      }
    }
    if (!certain || schema_.uncertain_names.count(ref.column)) {
      ref.status = RefStatus::Unchecked;
      ref.note = "a relation in scope has columns that are not known";
      refs_.push_back(ref);
      return;
    }
    if (bases.empty()) {
      // No relation in scope: a bare name (a PL/pgSQL variable, a misused keyword). Not ours.
      ref.status = RefStatus::Unchecked;
      ref.note = "no relation in scope";
      refs_.push_back(ref);
      return;
    }
    ref.status = RefStatus::Missing;
    ref.schema = bases.front()->rel->schema;
    ref.relation = bases.front()->rel->name;
    for (auto* e : bases)  // a subquery over the outer query's table searches it twice: name it once
      if (std::find(ref.searched.begin(), ref.searched.end(), e->rel->qualified_name()) == ref.searched.end())
        ref.searched.push_back(e->rel->qualified_name());
    refs_.push_back(ref);
  }

  /// A function call: recorded by name and argument count (see FunctionCall). nextval, currval
  /// and setval read their first argument as a relation name, like a cast to regclass.
  void record_call(const PgQuery__FuncCall* b, const Scope& scope, bool procedure) {
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
    call.procedure = procedure;
    long loc = json_location(b->location);
    call.offset = loc < 0 ? 0 : name_offset(static_cast<size_t>(loc), parts.size() - 1);
    calls_.push_back(std::move(call));
  }

  /// A string literal: its value and the offset of its first character past the quote; false for
  /// anything else.
  bool string_literal(const Node* node, std::string* value, size_t* offset) const {
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

  /// 'name'::regclass, nextval('name'): the string names a relation (a sequence, for nextval),
  /// read as regclass reads it: schema-qualified or not, unquoted parts folded to lower case.
  void literal_relation(const Node* node) {
    std::string text;
    size_t at = 0;
    if (!string_literal(node, &text, &at)) return;
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

  /// "schema.name" of the enum type a TypeName names (not an array of it), or "".
  std::string enum_named(const PgQuery__TypeName* tn) const {
    if (!tn || tn->n_array_bounds) return "";
    std::vector<std::string> parts;
    for (const Node* n : SG_LIST(tn, names)) parts.push_back(str(n));
    if (parts.empty() || parts.size() > 2 || parts.front() == "pg_catalog") return "";
    if (parts.size() == 2) return schema_.enums.count(parts[0] + "." + parts[1]) ? parts[0] + "." + parts[1] : "";
    for (auto& p : path_)
      if (schema_.enums.count(p + "." + parts[0])) return p + "." + parts[0];
    return "";
  }

  void literal_label(const std::string& type, const Node* node) {
    EnumLiteral lit;
    if (!string_literal(node, &lit.label, &lit.offset)) return;
    lit.type = type;
    enum_literals_.push_back(std::move(lit));
  }

  /// A string written into (or compared with) `column`: a label when the column is an enum.
  void enum_literal(const schema::Column* column, const Node* node) {
    if (column && !column->enum_type.empty()) literal_label(column->enum_type, node);
  }

  /// The column a ColumnRef names when it is certainly one column of one base relation in scope.
  const schema::Column* column_of(const Node* node, const Scope& scope) const {
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
        if (e.rel) found = e.rel->find_column(names.back());
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

  /// column = 'x', 'x' <> column, column IN ('x', 'y'): the strings must be labels of an enum
  /// column's type.
  void comparison(const PgQuery__AExpr* b, const Scope& scope) {
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

  /// Offset of the last name of a qualified reference that starts at `loc` and has `skip`
  /// qualifiers before it ("u"."model_version" -> offset of "model_version").
  size_t name_offset(size_t loc, size_t skip) const {
    size_t i = loc;
    for (size_t k = 0; k < skip && i < sql_.size(); ++k) {
      if (sql_[i] == '"') {
        ++i;
        while (i < sql_.size() && !(sql_[i] == '"' && (i + 1 >= sql_.size() || sql_[i + 1] != '"'))) i += sql_[i] == '"' ? 2 : 1;
        ++i;
      } else {
        while (i < sql_.size() && ident_char(sql_[i])) ++i;
      }
      while (i < sql_.size() && std::isspace(static_cast<unsigned char>(sql_[i]))) ++i;
      if (i < sql_.size() && sql_[i] == '.') ++i;
      while (i < sql_.size() && std::isspace(static_cast<unsigned char>(sql_[i]))) ++i;
    }
    if (i < sql_.size() && sql_[i] == '"') ++i;  // point at the name, not its quote
    return i < sql_.size() ? i : loc;
  }

  /// First occurrence of identifier `name` (case-insensitive, whole word) at or after `from`.
  long find_name(const std::string& name, long from) const {
    if (name.empty()) return -1;
    size_t start = from < 0 ? 0 : static_cast<size_t>(from);
    for (size_t i = start; i + name.size() <= sql_.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < name.size() && match; ++k)
        match = std::tolower(static_cast<unsigned char>(sql_[i + k])) == std::tolower(static_cast<unsigned char>(name[k]));
      if (!match) continue;
      bool left_ok = i == 0 || !ident_char(sql_[i - 1]);
      bool right_ok = i + name.size() >= sql_.size() || !ident_char(sql_[i + name.size()]);
      if (left_ok && right_ok) return static_cast<long>(i);
    }
    return from;
  }


  std::vector<Reference> refs_;
  std::vector<InsertTarget> inserts_;
  std::vector<FunctionCall> calls_;
  std::vector<EnumLiteral> enum_literals_;
  std::vector<InsertArity> arity_errors_;

 private:
  const std::string& sql_;
  const schema::Schema& schema_;
  const std::vector<std::string>& path_;
};

}  // namespace

bool is_dml(const Node* stmt) {
  switch (kind(stmt)) {
    case SG_NODE(SELECT_STMT):
    case SG_NODE(INSERT_STMT):
    case SG_NODE(UPDATE_STMT):
    case SG_NODE(DELETE_STMT):
    case SG_NODE(MERGE_STMT): return true;
    default: return false;
  }
}

namespace {

/// `CREATE [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name` inside PL/pgSQL text (a DO
/// block a test script runs): the first such table, or nothing.
CreatedRelation created_in_plpgsql(const std::string& body) {
  std::vector<std::string> words;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) words.push_back(w);
    w.clear();
  };
  for (char c : body) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else flush();
  }
  flush();
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (words[i] != "create") continue;
    size_t j = i + 1;
    while (j < words.size() && (words[j] == "temp" || words[j] == "temporary" || words[j] == "unlogged" ||
                                words[j] == "global" || words[j] == "local"))
      ++j;
    if (j >= words.size() || words[j] != "table") continue;
    ++j;
    if (j + 2 < words.size() && words[j] == "if" && words[j + 1] == "not" && words[j + 2] == "exists") j += 3;
    if (j >= words.size()) return {};
    const std::string& name = words[j];
    auto dot = name.find('.');
    return dot == std::string::npos ? CreatedRelation{"", name} : CreatedRelation{name.substr(0, dot), name.substr(dot + 1)};
  }
  return {};
}

}  // namespace

CreatedRelation created_relation(const Node* stmt) {
  const PgQuery__RangeVar* rv = nullptr;
  switch (kind(stmt)) {
    case SG_NODE(DO_STMT):
      for (const Node* a : SG_LIST(stmt->do_stmt, args)) {
        if (!is(a, SG_NODE(DEF_ELEM))) continue;
        if (text(a->def_elem->defname) == "as") return created_in_plpgsql(str(a->def_elem->arg));
      }
      return {};
    case SG_NODE(CREATE_STMT): rv = stmt->create_stmt->relation; break;
    case SG_NODE(CREATE_FOREIGN_TABLE_STMT):
      rv = stmt->create_foreign_table_stmt->base_stmt ? stmt->create_foreign_table_stmt->base_stmt->relation : nullptr;
      break;
    case SG_NODE(CREATE_TABLE_AS_STMT): rv = stmt->create_table_as_stmt->into ? stmt->create_table_as_stmt->into->rel : nullptr; break;
    case SG_NODE(SELECT_STMT): rv = stmt->select_stmt->into_clause ? stmt->select_stmt->into_clause->rel : nullptr; break;
    case SG_NODE(VIEW_STMT): rv = stmt->view_stmt->view; break;
    default: break;
  }
  if (!rv) return {};
  return {text(rv->schemaname), text(rv->relname)};
}

bool is_checked(const Node* stmt) { return is_dml(stmt) || is(stmt, SG_NODE(CALL_STMT)); }

Resolution resolve_statement(const Node* stmt, const std::string& sql, const schema::Schema& schema,
                             const std::vector<std::string>& search_path) {
  if (!is_checked(stmt)) return {};
  Resolver r(sql, schema, search_path);
  return r.run(stmt);
}

OutputColumns query_output_columns(const Node* query, const schema::Schema& schema,
                                   const std::vector<std::string>& search_path) {
  OutputColumns out;
  if (!present(query)) {
    out.complete = false;
    return out;
  }
  static const std::string empty;
  Resolver r(empty, schema, search_path);
  auto d = r.statement(query, nullptr, nullptr);
  out.names = d.columns;
  out.complete = d.complete;
  // A view over a relation the model lacks cannot be trusted either.
  for (auto& ref : r.refs_)
    if (ref.status != RefStatus::Resolved && ref.kind == Reference::Kind::Relation) out.complete = false;
  return out;
}

}  // namespace schemagate::sql
