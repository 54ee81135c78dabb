// The resolver's internals, shared by the files that hold it, one per statement family:
// resolve.cpp (entry points, scopes, relation and column lookup), resolve_query.cpp (SELECT:
// WITH, FROM, target lists, output column names), resolve_dml.cpp (INSERT, UPDATE, DELETE,
// MERGE), resolve_expr.cpp (expressions: column references, calls, literals read as names or
// labels). The parse tree is read through sql/tree.h: a Node* field holds a tagged node (kind +
// typed body), a field typed as a specific struct (SelectStmt.larg, InsertStmt.relation) points
// at the struct. Scopes live on the C++ stack; a scope points at its parent (the query around a
// correlated subquery) and at the CTEs visible.
#pragma once
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/tree.h"

namespace schemagate::sql::resolver {

using schema::Relation;

/// A SELECT that combines two others (UNION, INTERSECT, EXCEPT).
inline bool set_operation(const PgQuery__SelectStmt* s) {
  return s && s->op != PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED && s->op != PG_QUERY__SET_OPERATION__SETOP_NONE;
}

inline const PgQuery__ResTarget* res_target(const Node* n) { return is(n, SG_NODE(RES_TARGET)) ? n->res_target : nullptr; }
inline std::string target_name(const PgQuery__ResTarget* rt) { return rt ? text(rt->name) : ""; }
inline const Node* target_val(const PgQuery__ResTarget* rt) { return rt ? rt->val : nullptr; }
inline int target_location(const PgQuery__ResTarget* rt) { return rt ? rt->location : 0; }
inline std::string alias_name(const PgQuery__Alias* a) { return a ? text(a->aliasname) : ""; }
/// Whether a ColumnRef's last field is `*`.
inline bool star_ref(const PgQuery__ColumnRef* c) { return c && c->n_fields && is(c->fields[c->n_fields - 1], SG_NODE(A_STAR)); }
/// A node's location as libpg_query's JSON gave it: a 0 read as absent (-1).
inline long json_location(int32_t loc) { return loc == 0 ? -1 : loc; }

/// A derived table's columns: known names, and whether the list is certain.
struct Derived {
  std::vector<std::string> columns;
  bool complete = true;
};

/// Columns PostgreSQL gives every table, materialized view and foreign table without a
/// declaration (`DELETE ... WHERE ctid IN (SELECT ctid ... LIMIT n)`, `RETURNING (xmax = 0)`).
/// `oid` is not among them: user tables have had none since PostgreSQL 12.
inline bool system_column(const std::string& c) {
  return c == "ctid" || c == "xmin" || c == "xmax" || c == "cmin" || c == "cmax" || c == "tableoid";
}

/// Why a relation that no migration creates is still not certainly missing, or "" when it is:
/// a migration tool's tracking table (the tool creates it, not a migration), or a SQLite system
/// table (the query is written for SQLite: a driver package beside the PostgreSQL one).
inline std::string created_outside_migrations(const std::string& name) {
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
  /// Base relations with an alias column list (`FROM widgets AS w(wid, label)`): its names,
  /// which rename the relation's first columns in order (PostgreSQL's eref); the columns past
  /// the list keep their names. Which columns it renames is known only when the model knows
  /// the relation's column order: all its columns, no step it could not follow.
  std::vector<std::string> alias_columns;
  bool column_order_known = false;
  bool is_base() const { return rel != nullptr; }
  /// Position of `c` in the alias column list, or -1.
  long listed(const std::string& c) const {
    auto it = std::find(alias_columns.begin(), alias_columns.end(), c);
    return it == alias_columns.end() ? -1 : static_cast<long>(it - alias_columns.begin());
  }
  /// The relation's column that `c` names through the entry when that is certain: through an
  /// alias column list, a listed name is the column at its position, and a column the list
  /// reaches is no longer reachable by its own name.
  const schema::Column* column(const std::string& c) const {
    if (!rel) return nullptr;
    if (alias_columns.empty()) return rel->find_column(c);
    if (!column_order_known) return nullptr;
    if (long i = listed(c); i >= 0)
      return static_cast<size_t>(i) < rel->columns.size() ? &rel->columns[static_cast<size_t>(i)] : nullptr;
    for (size_t p = alias_columns.size(); p < rel->columns.size(); ++p)
      if (rel->columns[p].name == c) return &rel->columns[p];
    return nullptr;
  }
  /// Why `c` through the alias column list is neither certainly a column nor certainly absent,
  /// or "": a listed name when the column order is not known or the list is longer than the
  /// relation's columns; a name of the relation's own that the list renames (or may).
  std::string alias_note(const std::string& c) const {
    if (!rel || alias_columns.empty() || column(c)) return {};
    if (rel->kind != schema::RelationKind::View && system_column(c)) return {};
    const std::string q = "\"" + alias + "\"";
    if (listed(c) >= 0)
      return column_order_known ? "the column list of " + q + " names more columns than \"" + rel->name + "\" has"
                                : "the column list of " + q + " renames columns of \"" + rel->name +
                                      "\", whose column order is not known";
    if (!column_order_known)
      return "the column list of " + q + " may rename it: the column order of \"" + rel->name + "\" is not known";
    if (rel->find_column(c)) return "the column list of " + q + " renames it";
    return {};
  }
  bool has_column(const std::string& c) const {
    if (rel) return column(c) != nullptr || (rel->kind != schema::RelationKind::View && system_column(c));
    return std::find(derived.columns.begin(), derived.columns.end(), c) != derived.columns.end();
  }
  /// Certain that the column is absent.
  bool certainly_lacks(const std::string& c) const {
    if (open || has_column(c) || !alias_note(c).empty()) return false;
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

inline bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

class Resolver {
 public:
  Resolver(const std::string& sql, const schema::Schema& schema, const std::vector<std::string>& path)
      : sql_(sql), schema_(schema), path_(path) {}

  Resolution run(const Node* stmt);

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
  Derived statement(const Node* n, const Scope* parent, const CteEnv* ctes);

  Derived select(const PgQuery__SelectStmt* body, const Scope* parent, const CteEnv* outer_ctes);

  Derived insert(const PgQuery__InsertStmt* body, const Scope* parent, const CteEnv* outer_ctes);

  Derived update(const PgQuery__UpdateStmt* body, const Scope* parent, const CteEnv* outer_ctes);

  /// INSERT's values against its target columns: how many (42601 when they differ) and the
  /// strings written into enum columns.
  void insert_values(const PgQuery__InsertStmt* body, const Entry& target, const InsertTarget& written);

  /// Points where PostgreSQL does: at the first value too many, or the first listed column
  /// without a value.
  void check_arity(size_t values, size_t columns, const InsertTarget& written, const std::vector<const Node*>& vals,
                   Span<Node> cols);

  /// The byte offset of an expression (its "location"), or `fallback`.
  static size_t expr_location(const Node* node, size_t fallback);

  Derived del(const PgQuery__DeleteStmt* body, const Scope* parent, const CteEnv* outer_ctes);

  Derived merge(const PgQuery__MergeStmt* body, const Scope* parent, const CteEnv* outer_ctes);

  void with_clause(const PgQuery__WithClause* with, const Scope* parent, CteEnv* env);

  /// Output columns of a select list (or RETURNING list), walking its expressions.
  Derived target_list(Span<Node> list, const Scope& scope);

  void expand_star(Span<Node> fields, const Scope& scope, Derived* out);

  /// PostgreSQL's FigureColname for the common node types; false when unsure.
  bool figure_colname(const Node* val, std::string* name);
  /// FigureColnameInternal's answer: 2 a name the expression gives, 1 a fallback (a cast's type,
  /// "case"), 0 none ("?column?"); -1 when schemagate cannot tell.
  int colname_strength(const Node* val, std::string* name);

  void from_item(const Node* item, Scope* scope);

  /// The output columns of a function in FROM when they are certain: a column definition list
  /// (`AS t(id int, name text)`), or one of the built-in set-returning functions whose outputs
  /// are fixed (unnest of n arrays, generate_series, jsonb_array_elements, json_each, ...), named
  /// as PostgreSQL names them before the alias renames them. WITH ORDINALITY adds "ordinality".
  static bool function_outputs(const PgQuery__RangeFunction* b, const std::string& alias, Derived* out);

  static void apply_alias(const PgQuery__Alias* alias, Derived* out);
  /// The same, from the alias's column names.
  static void apply_alias(const std::vector<std::string>& names, Derived* out);

  /// A relation in FROM, or the target of INSERT/UPDATE/DELETE/MERGE.
  Entry range_var(const PgQuery__RangeVar* rv, bool allow_cte, const CteEnv* ctes);

  /// A relation's name as written (a RangeVar, or a string read as regclass).
  struct RelationName {
    std::string schema_name, name, alias;
    std::vector<std::string> alias_columns;  ///< `AS a(x, y)`: x, y
    size_t location = 0;
    bool three_part = false;  ///< database.schema.table
  };

  Entry range_var(const RelationName& rv, bool allow_cte, const CteEnv* ctes);

  static bool system_schema(const std::string& s);

  /// A column named by INSERT's column list, UPDATE SET, ON CONFLICT, MERGE.
  void target_column(const Entry& target, const std::string& name, long location, bool insert_target);

  void using_column(const std::string& name, const Scope& scope, size_t first, size_t split);

  void walk_allowing_output_names(Span<Node> list, const Scope& scope);

  void walk(Span<Node> list, const Scope& scope);

  /// Walks every child of a node's body or of a struct, in field order, except its type name.
  void walk_message(const ProtobufCMessage* m, const Scope& scope);
  void walk_body(const Node* n, const Scope& scope);

  /// Walks an expression tree, resolving column references and descending into subqueries.
  void walk(const Node* node, const Scope& scope);

  void column_ref(const PgQuery__ColumnRef* b, const Scope& scope);

  const Entry* find_qualifier(const std::string& q, const std::string& schema_q, const Scope& scope);

  void qualified(Reference ref, const Entry& e);

  /// Attribute notation: PostgreSQL reads `p.name`, when p's relation has no column `name`, as
  /// a call name(p) of a function whose one argument is the relation's row type (a "computed
  /// column"; arguments past the first with defaults, a lone VARIADIC array of the row type,
  /// the row type of a table it inherits from, record and anyelement do as well). Found: the
  /// schema has such a function on the search path; Unsure: one of that name might take the
  /// row (its argument's type is not known, or names a type that no longer exists); None: no
  /// function of that name takes it.
  enum class RowFunction { None, Found, Unsure };
  RowFunction row_function(const Relation& rel, const std::string& name) const;

  void unqualified(Reference ref, const Scope& scope);

  /// A function call: recorded by name and argument count (see FunctionCall). nextval, currval
  /// and setval read their first argument as a relation name, like a cast to regclass.
  void record_call(const PgQuery__FuncCall* b, const Scope& scope, bool procedure);

  /// A string literal: its value and the offset of its first character past the quote; false for
  /// anything else.
  bool string_literal(const Node* node, std::string* value, size_t* offset) const;

  /// 'name'::regclass, nextval('name'): the string names a relation (a sequence, for nextval),
  /// read as regclass reads it: schema-qualified or not, unquoted parts folded to lower case.
  void literal_relation(const Node* node);

  /// "schema.name" of the enum type a TypeName names (not an array of it), or "".
  std::string enum_named(const PgQuery__TypeName* tn) const;

  void literal_label(const std::string& type, const Node* node);

  /// A string written into (or compared with) `column`: a label when the column is an enum.
  void enum_literal(const schema::Column* column, const Node* node);

  /// The column a ColumnRef names when it is certainly one column of one base relation in scope.
  const schema::Column* column_of(const Node* node, const Scope& scope) const;

  /// column = 'x', 'x' <> column, column IN ('x', 'y'): the strings must be labels of an enum
  /// column's type.
  void comparison(const PgQuery__AExpr* b, const Scope& scope);

  /// Offset of the last name of a qualified reference that starts at `loc` and has `skip`
  /// qualifiers before it ("u"."model_version" -> offset of "model_version").
  size_t name_offset(size_t loc, size_t skip) const;

  /// First occurrence of identifier `name` (case-insensitive, whole word) at or after `from`.
  long find_name(const std::string& name, long from) const;


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

}  // namespace schemagate::sql::resolver
