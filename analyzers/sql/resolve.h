// Reference resolution: walks a PostgreSQL parse tree the way PostgreSQL's analyzer builds its
// range tables, and decides for every relation and column the statement names whether the
// schema has it. Scopes follow the query structure: FROM/JOIN entries (aliases, CTEs, subqueries
// in FROM with their output columns, LATERAL, functions), correlated subqueries see the scopes
// around them, INSERT/UPDATE/DELETE/MERGE targets, ON CONFLICT's EXCLUDED, RETURNING.
//
// Precision comes first: a reference is Missing only when the answer is certain. A scope holding
// anything whose columns are unknown (a set-returning function, a relation in a schema the model
// does not know, a derived table whose column names are guessed) makes unqualified columns in it
// Unchecked, never Missing.
#pragma once
#include <string>
#include <vector>

#include "analyzers/schema/schema.h"
#include "analyzers/sql/tree.h"

namespace schemagate::sql {

enum class RefStatus { Resolved, Missing, Unchecked };

struct Reference {
  enum class Kind { Relation, Column };
  Kind kind = Kind::Relation;
  RefStatus status = RefStatus::Resolved;
  std::string schema;    ///< schema of the relation ("" if not known)
  std::string relation;  ///< the relation name as resolved or as written
  std::string column;    ///< Column references: the column name
  size_t offset = 0;     ///< byte offset of the name in the statement text
  std::string note;      ///< Unchecked: why
  /// Missing unqualified column: every relation that was searched, "schema.name".
  std::vector<std::string> searched;
  /// INSERT target list column (for later checks on NOT NULL columns).
  bool insert_target = false;
};

/// An INSERT into a resolved base relation: which columns it gives values for. A NOT NULL
/// column without a default that is not among them makes the INSERT fail (SQLSTATE 23502).
struct InsertTarget {
  std::string schema, relation;
  std::vector<std::string> columns;  ///< listed columns; without a list, the first `values` columns
  bool column_list = false;          ///< false: INSERT INTO t VALUES (...) / SELECT ...
  size_t values = 0;                 ///< without a list: how many values each row gives (0 unknown)
  size_t offset = 0;                 ///< byte offset of the relation name
  /// ON CONFLICT (a, b) without a WHERE and without expressions: the columns a unique index or
  /// constraint must have exactly (42P10 otherwise), and the offset of the first one.
  std::vector<std::string> conflict_columns;
  size_t conflict_offset = 0;
};

/// A call of a function (or, with CALL, a procedure) the statement makes, by name and argument
/// count. Calls written in SQL's own syntax (EXTRACT, SUBSTRING ... FROM, AT TIME ZONE) and
/// ordered-set aggregates (WITHIN GROUP) are not listed.
struct FunctionCall {
  std::string schema;  ///< as written; "" unqualified
  std::string name;
  int arguments = 0;
  bool star = false;  ///< count(*): no argument, yet a call PostgreSQL takes
  bool procedure = false;
  size_t offset = 0;  ///< byte offset of the name
  std::vector<std::string> search_path;  ///< unqualified: the schemas it reaches (pg_catalog implicit)
};

/// A string the statement compares with, writes into or casts to an enum type: it must be one
/// of the type's labels.
struct EnumLiteral {
  std::string type;   ///< "schema.name"
  std::string label;  ///< the string's value
  size_t offset = 0;  ///< byte offset of the string's first character (past its quote)
};

/// INSERT whose VALUES rows (or SELECT list) give a different number of values than it has
/// target columns: PostgreSQL rejects it at parse analysis (42601).
struct InsertArity {
  std::string schema, relation;
  size_t values = 0, columns = 0;
  bool listed = false;  ///< the columns were listed (else: the table's columns)
  std::vector<std::string> listed_columns;
  size_t offset = 0;    ///< byte offset of the first value too many, or of the relation name
};

struct Resolution {
  std::vector<Reference> refs;
  std::vector<InsertTarget> inserts;
  std::vector<FunctionCall> calls;
  std::vector<EnumLiteral> enum_literals;
  std::vector<InsertArity> arity_errors;
  std::string kind;  ///< "select", "insert", "update", "delete", "merge", "call"; empty otherwise
};

/// Resolves one statement node ({"SelectStmt": ...}) against `schema`. `sql` is the statement
/// text the offsets refer to (used to point at a column name inside a qualified reference).
Resolution resolve_statement(const Node* stmt, const std::string& sql, const schema::Schema& schema,
                             const std::vector<std::string>& search_path);

/// Output column names of a query (for CREATE VIEW / CREATE TABLE AS). `complete` is false when
/// some name could not be determined with certainty.
struct OutputColumns {
  std::vector<std::string> names;
  bool complete = true;
};
OutputColumns query_output_columns(const Node* query, const schema::Schema& schema,
                                   const std::vector<std::string>& search_path);

/// The relation a statement creates when code runs it: CREATE [TEMP] TABLE, CREATE TABLE AS,
/// SELECT ... INTO, CREATE [MATERIALIZED] VIEW, CREATE FOREIGN TABLE. Both empty: none. `schema`
/// is empty when the name is not qualified.
struct CreatedRelation {
  std::string schema, name;
};
CreatedRelation created_relation(const Node* stmt);
/// Every relation the statement creates: created_relation's, or each table a DO block creates.
std::vector<CreatedRelation> created_relations(const Node* stmt);
/// The columns an ALTER TABLE ... ADD COLUMN statement adds when code runs it: each with its
/// relation (`schema` empty when the name is not qualified). Empty for any other statement.
struct AddedColumn {
  CreatedRelation relation;
  std::string column;
};
std::vector<AddedColumn> added_columns(const Node* stmt);

/// True for DML statement nodes: SelectStmt, InsertStmt, UpdateStmt, DeleteStmt, MergeStmt.
bool is_dml(const Node* stmt);
/// DML, CALL of a procedure, or CREATE TABLE / MATERIALIZED VIEW ... AS a query (its query is
/// read as a SELECT is: a batch job's `CREATE TEMP TABLE t AS SELECT ...` fails on a missing
/// column as the SELECT would): statements whose references are checked.
bool is_checked(const Node* stmt);
/// The query a CREATE TABLE ... AS or CREATE MATERIALIZED VIEW ... AS runs; null for any other
/// statement (and for CREATE TABLE ... AS EXECUTE).
const Node* created_from_query(const Node* stmt);

}  // namespace schemagate::sql
