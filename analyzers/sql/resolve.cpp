// Implementation notes. The parse tree is libpg_query's JSON: a Node* field holds a wrapper
// object {"TypeName": {...}}, a field typed as a specific struct (SelectStmt.larg,
// InsertStmt.relation) holds the body without a wrapper. Scopes live on the C++ stack; a
// scope points at its parent (the query around a correlated subquery) and at the CTEs visible.
#include "analyzers/sql/resolve.h"

#include "analyzers/schema/migrations/migration.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "analyzers/requirements/requirement.h"
#include "analyzers/sql/node.h"
#include "analyzers/sql/pg_parse.h"

namespace schemagate::sql {
namespace {

using nlohmann::json;
using schema::Relation;

const json kNull;

using sql::field;
using sql::items;
using sql::str_value;

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
    return false;  // derived column lists are inferred: never certain
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

  Resolution run(const json& stmt) {
    Resolution r;
    const std::string& type = node_type(stmt);
    const json& body = node_body(stmt);
    CteEnv root;
    if (type == "SelectStmt") r.kind = "select";
    else if (type == "InsertStmt") r.kind = "insert";
    else if (type == "UpdateStmt") r.kind = "update";
    else if (type == "DeleteStmt") r.kind = "delete";
    else if (type == "MergeStmt") r.kind = "merge";
    else if (type == "CallStmt") r.kind = "call";
    else return r;
    if (type == "CallStmt") {
      Scope none;
      none.ctes = &root;
      const json& fc = field(body, "funccall");
      record_call(fc, none, true);
      walk(field(fc, "args"), none);
    } else {
      statement(type, body, nullptr, &root);
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
    StatementScope(Resolver& r, const json& body, const Scope* parent, const CteEnv* outer) {
      env.parent = outer;
      r.with_clause(field(body, "withClause"), parent, &env);
      scope.parent = parent;
      scope.ctes = &env;
    }
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;
  };

  /// Processes any statement; returns its output columns (RETURNING for DML).
  Derived statement(const std::string& type, const json& body, const Scope* parent, const CteEnv* ctes) {
    if (type == "SelectStmt") return select(body, parent, ctes);
    if (type == "InsertStmt") return insert(body, parent, ctes);
    if (type == "UpdateStmt") return update(body, parent, ctes);
    if (type == "DeleteStmt") return del(body, parent, ctes);
    if (type == "MergeStmt") return merge(body, parent, ctes);
    return {{}, false};
  }

  Derived select(const json& body, const Scope* parent, const CteEnv* outer_ctes) {
    CteEnv env;
    env.parent = outer_ctes;
    with_clause(field(body, "withClause"), parent, &env);

    const std::string op = field(body, "op").is_string() ? field(body, "op").get<std::string>() : "SETOP_NONE";
    if (op != "SETOP_NONE") {
      Derived left = select(field(body, "larg"), parent, &env);
      select(field(body, "rarg"), parent, &env);
      // ORDER BY of a set operation names output columns only.
      return left;
    }

    Scope scope;
    scope.parent = parent;
    scope.ctes = &env;

    if (const json& values = field(body, "valuesLists"); values.is_array()) {
      Derived out;
      size_t width = 0;
      for (auto& row : values) {
        const json& items = field(node_body(row), "items");
        width = std::max(width, items.is_array() ? items.size() : 0);
        walk(items, scope);
      }
      for (size_t i = 1; i <= width; ++i) out.columns.push_back("column" + std::to_string(i));
      return out;
    }

    for (auto& item : items(field(body, "fromClause"))) from_item(item, &scope);

    Derived out = target_list(field(body, "targetList"), scope);
    for (auto& n : out.columns) scope.output_names.insert(n);
    for (auto& t : items(field(body, "targetList"))) {
      const json& rt = node_body(t);
      if (rt.contains("name")) scope.output_names.insert(rt["name"].get<std::string>());
    }

    walk(field(body, "whereClause"), scope);
    walk_allowing_output_names(field(body, "groupClause"), scope);
    walk(field(body, "havingClause"), scope);
    walk(field(body, "windowClause"), scope);
    walk_allowing_output_names(field(body, "distinctClause"), scope);
    walk_allowing_output_names(field(body, "sortClause"), scope);
    walk(field(body, "limitCount"), scope);
    walk(field(body, "limitOffset"), scope);
    return out;
  }

  Derived insert(const json& body, const Scope* parent, const CteEnv* outer_ctes) {
    StatementScope ss(*this, body, parent, outer_ctes);
    CteEnv& env = ss.env;
    Scope& target_scope = ss.scope;
    Entry target = range_var(field(body, "relation"), /*allow_cte=*/false, &env);
    InsertTarget written;
    for (auto& c : items(field(body, "cols"))) {
      const json& rt = node_body(c);
      target_column(target, rt.value("name", ""), rt.value("location", -1), true);
      written.columns.push_back(rt.value("name", ""));
      written.column_list = true;
    }
    if (target.rel) {
      written.schema = target.rel->schema;
      written.relation = target.rel->name;
      written.offset = target.name_offset;
      if (!written.column_list) {
        // INSERT INTO t VALUES (a, b): values fill the first columns in order.
        const json& sel = field(body, "selectStmt");
        const json& rows = sel.is_object() ? field(node_body(sel), "valuesLists") : kNull;
        if (rows.is_array() && !rows.empty()) written.values = field(node_body(rows[0]), "items").size();
        for (size_t i = 0; i < written.values && i < target.rel->columns.size(); ++i)
          written.columns.push_back(target.rel->columns[i].name);
      }
      inserts_.push_back(written);
    }
    if (const json& sel = field(body, "selectStmt"); sel.is_object())
      statement(node_type(sel), node_body(sel), parent, &env);
    if (target.rel) insert_values(body, target, written);

    target_scope.entries.push_back(target);
    if (const json& oc = field(body, "onConflictClause"); oc.is_object()) {
      const json& infer = field(oc, "infer");
      int infer_loc = field(infer, "location").is_number() ? infer["location"].get<int>() : -1;
      std::vector<std::string> conflict;
      bool plain = !field(infer, "whereClause").is_object();
      size_t conflict_offset = 0;
      for (auto& ie : items(field(infer, "indexElems"))) {
        const json& elem = node_body(ie);
        if (elem.contains("name")) {
          std::string name = elem["name"];
          long at = find_name(name, infer_loc);
          if (conflict.empty()) conflict_offset = at < 0 ? 0 : static_cast<size_t>(at);
          conflict.push_back(name);
          target_column(target, name, at, false);
        } else {
          plain = false;
          walk(field(elem, "expr"), target_scope);
        }
      }
      if (target.rel && plain && !conflict.empty() && !inserts_.empty()) {
        inserts_.back().conflict_columns = conflict;
        inserts_.back().conflict_offset = conflict_offset;
      }
      walk(field(infer, "whereClause"), target_scope);
      Scope conflict_scope = target_scope;
      Entry excluded = target;
      excluded.alias = "excluded";
      excluded.schema_name.clear();
      conflict_scope.entries.push_back(excluded);
      for (auto& t : items(field(oc, "targetList"))) {
        const json& rt = node_body(t);
        target_column(target, rt.value("name", ""), rt.value("location", -1), false);
        if (target.rel) enum_literal(target.rel->find_column(rt.value("name", "")), field(rt, "val"));
        walk(field(rt, "val"), conflict_scope);
      }
      walk(field(oc, "whereClause"), conflict_scope);
    }
    return target_list(field(body, "returningList"), target_scope);
  }

  Derived update(const json& body, const Scope* parent, const CteEnv* outer_ctes) {
    StatementScope ss(*this, body, parent, outer_ctes);
    CteEnv& env = ss.env;
    Scope& scope = ss.scope;
    Entry target = range_var(field(body, "relation"), false, &env);
    scope.entries.push_back(target);
    for (auto& item : items(field(body, "fromClause"))) from_item(item, &scope);
    for (auto& t : items(field(body, "targetList"))) {
      const json& rt = node_body(t);
      target_column(target, rt.value("name", ""), rt.value("location", -1), false);
      if (target.rel) enum_literal(target.rel->find_column(rt.value("name", "")), field(rt, "val"));
      walk(field(rt, "val"), scope);
    }
    walk(field(body, "whereClause"), scope);
    return target_list(field(body, "returningList"), scope);
  }

  /// INSERT's values against its target columns: how many (42601 when they differ) and the
  /// strings written into enum columns.
  void insert_values(const json& body, const Entry& target, const InsertTarget& written) {
    const json& sel = field(body, "selectStmt");
    if (!sel.is_object() || node_type(sel) != "SelectStmt") return;
    const json& sb = node_body(sel);
    size_t columns = written.column_list ? items(field(body, "cols")).size() : target.rel->columns.size();
    bool columns_known = written.column_list || target.rel->columns_complete;
    const json& rows = field(sb, "valuesLists");
    if (rows.is_array()) {
      size_t width = 0;
      bool same = true;
      for (size_t r = 0; r < rows.size(); ++r) {
        size_t w = field(node_body(rows[r]), "items").size();
        if (r == 0) width = w;
        else same = same && w == width;
      }
      if (same && !rows.empty() && columns_known)
        check_arity(width, columns, written, field(node_body(rows[0]), "items"), field(body, "cols"));
      for (auto& row : rows) {
        const json& vals = field(node_body(row), "items");
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
    if (field(sb, "op").is_string() && sb["op"] != "SETOP_NONE") return;
    const json& list = field(sb, "targetList");
    for (auto& t : items(list)) {
      const json& v = field(node_body(t), "val");
      if (v.is_object() && !v.empty() && node_type(v) == "ColumnRef") {
        const json& f = field(node_body(v), "fields");
        if (!f.empty() && f.back().contains("A_Star")) return;
      }
    }
    std::vector<json> vals;
    for (auto& t : items(list)) vals.push_back(field(node_body(t), "val"));
    if (columns_known && !vals.empty()) check_arity(vals.size(), columns, written, json(vals), field(body, "cols"));
  }

  /// Points where PostgreSQL does: at the first value too many, or the first listed column
  /// without a value.
  void check_arity(size_t values, size_t columns, const InsertTarget& written, const json& vals, const json& cols) {
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
  static size_t expr_location(const json& node, size_t fallback) {
    if (!node.is_object() || node.empty()) return fallback;
    const json& b = node_body(node);
    if (b.is_object() && b.contains("location") && b["location"].is_number() && b["location"].get<long>() >= 0)
      return b["location"].get<size_t>();
    return fallback;
  }

  Derived del(const json& body, const Scope* parent, const CteEnv* outer_ctes) {
    StatementScope ss(*this, body, parent, outer_ctes);
    CteEnv& env = ss.env;
    Scope& scope = ss.scope;
    scope.entries.push_back(range_var(field(body, "relation"), false, &env));
    for (auto& item : items(field(body, "usingClause"))) from_item(item, &scope);
    walk(field(body, "whereClause"), scope);
    return target_list(field(body, "returningList"), scope);
  }

  Derived merge(const json& body, const Scope* parent, const CteEnv* outer_ctes) {
    StatementScope ss(*this, body, parent, outer_ctes);
    CteEnv& env = ss.env;
    Scope& scope = ss.scope;
    Entry target = range_var(field(body, "relation"), false, &env);
    scope.entries.push_back(target);
    from_item(field(body, "sourceRelation"), &scope);
    walk(field(body, "joinCondition"), scope);
    for (auto& w : items(field(body, "mergeWhenClauses"))) {
      const json& clause = node_body(w);
      walk(field(clause, "condition"), scope);
      for (auto& t : items(field(clause, "targetList"))) {
        const json& rt = node_body(t);
        target_column(target, rt.value("name", ""), rt.value("location", -1),
                      field(clause, "commandType") == "CMD_INSERT");
        walk(field(rt, "val"), scope);
      }
      walk(field(clause, "values"), scope);
    }
    return {{}, false};
  }

  void with_clause(const json& with, const Scope* parent, CteEnv* env) {
    if (!with.is_object()) return;
    bool recursive = with.value("recursive", false);
    for (auto& c : items(field(with, "ctes"))) {
      const json& cte = node_body(c);
      std::string name = cte.value("ctename", "");
      std::vector<std::string> alias_cols;
      for (auto& a : items(field(cte, "aliascolnames"))) alias_cols.push_back(str_value(a));
      if (recursive) env->ctes[name] = Derived{alias_cols, false};  // visible to itself, open meanwhile
      const json& q = field(cte, "ctequery");
      Derived out = q.is_object() ? statement(node_type(q), node_body(q), parent, env) : Derived{{}, false};
      if (!alias_cols.empty()) {
        for (size_t i = 0; i < alias_cols.size() && i < out.columns.size(); ++i) out.columns[i] = alias_cols[i];
        if (out.columns.size() < alias_cols.size()) out.columns = alias_cols;
      }
      env->ctes[name] = out;
    }
  }

  /// Output columns of a select list (or RETURNING list), walking its expressions.
  Derived target_list(const json& list, const Scope& scope) {
    Derived out;
    for (auto& t : items(list)) {
      const json& rt = node_body(t);
      const json& val = field(rt, "val");
      walk(val, scope);
      if (rt.contains("name")) {
        out.columns.push_back(rt["name"]);
        continue;
      }
      if (val.is_object() && node_type(val) == "ColumnRef") {
        const json& fields = field(node_body(val), "fields");
        if (!fields.empty() && fields.back().contains("A_Star")) {
          expand_star(fields, scope, &out);
          continue;
        }
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

  void expand_star(const json& fields, const Scope& scope, Derived* out) {
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
    std::string q = str_value(fields[fields.size() - 2]);
    for (auto& e : scope.entries)
      if (e.alias == q) { add_entry(e); return; }
    out->complete = false;
  }

  /// PostgreSQL's FigureColname for the common node types; false when unsure.
  bool figure_colname(const json& val, std::string* name) {
    if (!val.is_object() || val.empty()) return false;
    const std::string& t = node_type(val);
    const json& b = node_body(val);
    if (t == "ColumnRef") {
      const json& f = field(b, "fields");
      if (f.empty()) return false;
      *name = str_value(f.back());
      return !name->empty();
    }
    if (t == "FuncCall") {
      const json& f = field(b, "funcname");
      if (f.empty()) return false;
      *name = str_value(f.back());
      return !name->empty();
    }
    if (t == "TypeCast") {
      if (figure_colname(field(b, "arg"), name)) return true;
      const json& names = field(field(b, "typeName"), "names");
      if (names.empty()) return false;
      *name = str_value(names.back());
      return !name->empty();
    }
    if (t == "CaseExpr") { *name = "case"; return true; }
    if (t == "CoalesceExpr") { *name = "coalesce"; return true; }
    if (t == "A_ArrayExpr") { *name = "array"; return true; }
    if (t == "RowExpr") { *name = "row"; return true; }
    if (t == "A_Const" || t == "A_Expr" || t == "BoolExpr" || t == "ParamRef" || t == "NullTest") {
      *name = "?column?";
      return true;
    }
    return false;
  }

  void from_item(const json& item, Scope* scope) {
    if (!item.is_object() || item.empty()) return;
    const std::string& t = node_type(item);
    const json& b = node_body(item);
    if (t == "RangeVar") {
      scope->entries.push_back(range_var(b, true, scope->ctes));
    } else if (t == "JoinExpr") {
      size_t first = scope->entries.size();
      from_item(field(b, "larg"), scope);
      size_t split = scope->entries.size();
      from_item(field(b, "rarg"), scope);
      for (auto& u : items(field(b, "usingClause"))) using_column(str_value(u), *scope, first, split);
      walk(field(b, "quals"), *scope);
      if (const json& alias = field(b, "alias"); alias.is_object()) {
        Entry e;
        e.alias = alias.value("aliasname", "");
        e.open = true;
        scope->entries.push_back(e);
      }
    } else if (t == "RangeSubselect") {
      bool lateral = b.value("lateral", false);
      const json& sub = field(b, "subquery");
      Derived out = sub.is_object() ? statement(node_type(sub), node_body(sub), lateral ? scope : scope->parent, scope->ctes)
                                    : Derived{{}, false};
      Entry e;
      apply_alias(field(b, "alias"), &out);
      e.alias = field(b, "alias").value("aliasname", "");
      e.derived = out;
      scope->entries.push_back(e);
    } else if (t == "RangeFunction") {
      walk(field(b, "functions"), *scope);
      Entry e;
      const json& alias = field(b, "alias");
      e.alias = alias.is_object() ? alias.value("aliasname", "") : "";
      if (e.alias.empty()) {  // unaliased f(): the function name qualifies its columns
        const json& fns = field(b, "functions");
        if (!fns.empty()) {
          const json& list = field(node_body(fns[0]), "items");
          if (!list.empty() && list[0].is_object() && !list[0].empty() && node_type(list[0]) == "FuncCall") {
            const json& fn = field(node_body(list[0]), "funcname");
            if (!fn.empty()) e.alias = str_value(fn.back());
          }
        }
      }
      e.open = true;  // a function's columns are not in the schema model
      scope->entries.push_back(e);
    } else {
      // RangeTableSample, RangeTableFunc (XMLTABLE), JSON_TABLE...: columns unknown.
      walk(b, *scope);
      Entry e;
      const json& alias = field(b, "alias");
      e.alias = alias.is_object() ? alias.value("aliasname", "") : "";
      e.open = true;
      scope->entries.push_back(e);
    }
  }

  static void apply_alias(const json& alias, Derived* out) {
    if (!alias.is_object()) return;
    size_t i = 0;
    for (auto& c : items(field(alias, "colnames"))) {
      if (i < out->columns.size()) out->columns[i] = str_value(c);
      else out->columns.push_back(str_value(c));
      ++i;
    }
  }

  /// A relation in FROM, or the target of INSERT/UPDATE/DELETE/MERGE.
  Entry range_var(const json& rv, bool allow_cte, const CteEnv* ctes) {
    Entry e;
    std::string schema_name = rv.value("schemaname", "");
    std::string name = rv.value("relname", "");
    size_t loc = static_cast<size_t>(std::max(0, rv.value("location", 0)));
    const json& alias = field(rv, "alias");
    e.alias = alias.is_object() ? alias.value("aliasname", name) : name;
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
    if (rv.contains("catalogname")) {
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

  void walk_allowing_output_names(const json& list, const Scope& scope) {
    for (auto& item : items(list)) {
      const json* node = &item;
      if (item.is_object() && !item.empty() && node_type(item) == "SortBy") node = &field(node_body(item), "node");
      if (node->is_object() && !node->empty() && node_type(*node) == "ColumnRef") {
        const json& f = field(node_body(*node), "fields");
        if (f.size() == 1 && scope.output_names.count(str_value(f[0]))) {
          // An output alias (or an input column of the same name, which PostgreSQL prefers in
          // GROUP BY): either way it exists.
          continue;
        }
      }
      walk(*node, scope);
    }
  }

  /// Walks an expression tree, resolving column references and descending into subqueries.
  void walk(const json& node, const Scope& scope) {
    if (node.is_array()) {
      for (auto& n : node) walk(n, scope);
      return;
    }
    if (!node.is_object() || node.empty()) return;
    if (node.size() == 1 && std::isupper(static_cast<unsigned char>(node.begin().key()[0]))) {
      const std::string& t = node.begin().key();
      const json& b = node.begin().value();
      if (t == "ColumnRef") return column_ref(b, scope);
      if (t == "SubLink") {
        walk(field(b, "testexpr"), scope);
        const json& sub = field(b, "subselect");
        if (sub.is_object() && !sub.empty()) statement(node_type(sub), node_body(sub), &scope, scope.ctes);
        return;
      }
      if (t == "SelectStmt" || t == "InsertStmt" || t == "UpdateStmt" || t == "DeleteStmt") {
        statement(t, b, &scope, scope.ctes);
        return;
      }
      if (t == "FuncCall") {
        const json& fn = field(b, "funcname");
        if (fn.size() == 2 && str_value(fn[0]) == "sqlc") return;  // sqlc.arg(name) etc. are parameters
        record_call(b, scope, false);
        walk(field(b, "args"), scope);
        walk(field(b, "agg_order"), scope);
        walk(field(b, "agg_filter"), scope);
        walk(field(b, "over"), scope);
        return;
      }
      if (t == "TypeName" || t == "A_Const" || t == "ParamRef") return;
      if (t == "TypeCast") {
        const json& arg = field(b, "arg");
        const json& tn = field(b, "typeName");
        std::vector<std::string> parts;
        for (auto& n : items(field(tn, "names"))) parts.push_back(str_value(n));
        if (!parts.empty() && parts.back() == "regclass" && (parts.size() == 1 || parts.front() == "pg_catalog") &&
            !field(tn, "arrayBounds").is_array())
          literal_relation(arg);
        else if (std::string e = enum_named(tn); !e.empty())
          literal_label(e, arg);
      }
      if (t == "A_Expr") comparison(b, scope);
      walk(b, scope);
      return;
    }
    for (auto& [k, v] : node.items()) {
      if (k == "typeName") continue;
      walk(v, scope);
    }
  }

  void column_ref(const json& b, const Scope& scope) {
    const json& fields = field(b, "fields");
    size_t loc = static_cast<size_t>(std::max(0, b.value("location", 0)));
    if (fields.empty()) return;
    bool star = fields.back().contains("A_Star");
    std::vector<std::string> names;
    for (auto& f : fields) {
      if (f.contains("A_Star")) continue;
      names.push_back(str_value(f));
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
  void record_call(const json& b, const Scope& scope, bool procedure) {
    const json& fn = field(b, "funcname");
    std::vector<std::string> parts;
    for (auto& n : items(fn)) parts.push_back(str_value(n));
    if (parts.empty() || parts.size() > 2) return;
    const json& args = field(b, "args");
    if ((parts.size() == 1 || parts.front() == "pg_catalog") && !args.empty() &&
        (parts.back() == "nextval" || parts.back() == "currval" || parts.back() == "setval"))
      literal_relation(args[0]);
    if (b.value("funcformat", "") == "COERCE_SQL_SYNTAX" || b.value("agg_within_group", false)) return;
    int n = args.is_array() ? static_cast<int>(args.size()) : 0;
    // unnest(a, b) in FROM is ROWS FROM (unnest(a), unnest(b)): PostgreSQL splits it.
    if (parts.back() == "unnest" && n > 1) return;
    // f(t) with t a relation in scope may read column f of t's row (functional notation).
    if (n == 1 && !procedure && args[0].is_object() && !args[0].empty() && node_type(args[0]) == "ColumnRef") {
      const json& f = field(node_body(args[0]), "fields");
      if (f.size() == 1 && f[0].contains("String") && find_qualifier(str_value(f[0]), "", scope)) return;
    }
    FunctionCall call;
    if (parts.size() == 2) call.schema = parts.front();
    else call.search_path = path_;
    call.name = parts.back();
    call.arguments = n;
    call.procedure = procedure;
    long loc = b.value("location", -1L);
    call.offset = loc < 0 ? 0 : name_offset(static_cast<size_t>(loc), parts.size() - 1);
    calls_.push_back(std::move(call));
  }

  /// A string literal: its value and the offset of its first character past the quote; false for
  /// anything else.
  bool string_literal(const json& node, std::string* value, size_t* offset) const {
    if (!node.is_object() || node.empty() || node_type(node) != "A_Const") return false;
    const json& c = node_body(node);
    if (!c.contains("sval")) return false;
    *value = field(c, "sval").value("sval", "");
    long loc = c.value("location", -1L);
    if (loc < 0) return false;
    size_t at = static_cast<size_t>(loc);
    if (at < sql_.size() && (sql_[at] == 'e' || sql_[at] == 'E')) ++at;
    if (at < sql_.size() && sql_[at] == '\'') ++at;
    *offset = at;
    return true;
  }

  /// 'name'::regclass, nextval('name'): the string names a relation (a sequence, for nextval),
  /// read as regclass reads it: schema-qualified or not, unquoted parts folded to lower case.
  void literal_relation(const json& node) {
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
    json rv = {{"relname", parts.back()}, {"location", static_cast<long>(at)}};
    if (parts.size() == 2) rv["schemaname"] = parts.front();
    range_var(rv, false, nullptr);
  }

  /// "schema.name" of the enum type a TypeName names (not an array of it), or "".
  std::string enum_named(const json& tn) const {
    if (!tn.is_object() || field(tn, "arrayBounds").is_array()) return "";
    std::vector<std::string> parts;
    for (auto& n : items(field(tn, "names"))) parts.push_back(str_value(n));
    if (parts.empty() || parts.size() > 2 || parts.front() == "pg_catalog") return "";
    if (parts.size() == 2) return schema_.enums.count(parts[0] + "." + parts[1]) ? parts[0] + "." + parts[1] : "";
    for (auto& p : path_)
      if (schema_.enums.count(p + "." + parts[0])) return p + "." + parts[0];
    return "";
  }

  void literal_label(const std::string& type, const json& node) {
    EnumLiteral lit;
    if (!string_literal(node, &lit.label, &lit.offset)) return;
    lit.type = type;
    enum_literals_.push_back(std::move(lit));
  }

  /// A string written into (or compared with) `column`: a label when the column is an enum.
  void enum_literal(const schema::Column* column, const json& node) {
    if (column && !column->enum_type.empty()) literal_label(column->enum_type, node);
  }

  /// The column a ColumnRef names when it is certainly one column of one base relation in scope.
  const schema::Column* column_of(const json& node, const Scope& scope) const {
    if (!node.is_object() || node.empty() || node_type(node) != "ColumnRef") return nullptr;
    const json& fields = field(node_body(node), "fields");
    std::vector<std::string> names;
    for (auto& f : fields) {
      if (!f.contains("String")) return nullptr;
      names.push_back(str_value(f));
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
  void comparison(const json& b, const Scope& scope) {
    std::string kind = b.value("kind", "");
    const json& name = field(b, "name");
    std::string op = name.empty() ? "" : str_value(name.back());
    const json& l = field(b, "lexpr");
    const json& r = field(b, "rexpr");
    if (kind == "AEXPR_OP" && (op == "=" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=")) {
      enum_literal(column_of(l, scope), r);
      enum_literal(column_of(r, scope), l);
    } else if (kind == "AEXPR_IN" && r.is_object() && r.contains("List")) {
      const schema::Column* c = column_of(l, scope);
      for (auto& v : items(field(r["List"], "items"))) enum_literal(c, v);
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

bool is_dml(const json& stmt) {
  if (!stmt.is_object() || stmt.empty()) return false;
  const std::string& t = node_type(stmt);
  return t == "SelectStmt" || t == "InsertStmt" || t == "UpdateStmt" || t == "DeleteStmt" || t == "MergeStmt";
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

CreatedRelation created_relation(const json& stmt) {
  if (!stmt.is_object() || stmt.empty()) return {};
  const std::string& t = node_type(stmt);
  const json& b = node_body(stmt);
  if (t == "DoStmt") {
    for (auto& a : b.value("args", json::array())) {
      const json& de = field(a, "DefElem");
      if (de.value("defname", "") == "as") return created_in_plpgsql(str_value(field(de, "arg")));
    }
    return {};
  }
  const json* rv = &kNull;
  if (t == "CreateStmt") rv = &field(b, "relation");
  else if (t == "CreateForeignTableStmt") rv = &field(field(b, "base"), "relation");
  else if (t == "CreateTableAsStmt") rv = &field(field(b, "into"), "rel");
  else if (t == "SelectStmt") rv = &field(field(b, "intoClause"), "rel");
  else if (t == "ViewStmt") rv = &field(b, "view");
  if (!rv->is_object()) return {};
  return {rv->value("schemaname", ""), rv->value("relname", "")};
}

bool is_checked(const json& stmt) {
  return is_dml(stmt) || (stmt.is_object() && !stmt.empty() && node_type(stmt) == "CallStmt");
}

Resolution resolve_statement(const json& stmt, const std::string& sql, const schema::Schema& schema,
                             const std::vector<std::string>& search_path) {
  if (!is_checked(stmt)) return {};
  Resolver r(sql, schema, search_path);
  return r.run(stmt);
}

OutputColumns query_output_columns(const json& query, const schema::Schema& schema,
                                   const std::vector<std::string>& search_path) {
  OutputColumns out;
  if (!query.is_object() || query.empty()) {
    out.complete = false;
    return out;
  }
  static const std::string empty;
  Resolver r(empty, schema, search_path);
  auto d = r.statement(node_type(query), node_body(query), nullptr, nullptr);
  out.names = d.columns;
  out.complete = d.complete;
  // A view over a relation the model lacks cannot be trusted either.
  for (auto& ref : r.refs_)
    if (ref.status != RefStatus::Resolved && ref.kind == Reference::Kind::Relation) out.complete = false;
  return out;
}

}  // namespace schemagate::sql
