// The DDL simulator's one class, shared by the files that implement it by statement family:
// ddl.cpp (running a file, locations, lookups, the dispatch), ddl_create.cpp (CREATE),
// ddl_alter.cpp (ALTER TABLE / SEQUENCE / TYPE), ddl_drop_rename.cpp (DROP, RENAME, SET SCHEMA)
// and ddl_do.cpp (DO blocks and function bodies). Private to them: the rest of the program sees
// ddl.h only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/schema/ddl.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/tree.h"

namespace schemagate::schema::simulation {

using sql::is;
using sql::list_items;
using sql::Node;
using sql::present;
using sql::Span;
using sql::str;
using sql::text;

std::string type_name(const PgQuery__TypeName* tn);
/// A DefElem node's body, or null.
const PgQuery__DefElem* def_elem(const Node* n);
std::string defname(const PgQuery__DefElem* d);
std::vector<std::string> name_list(Span<Node> list);

/// A node's location as libpg_query's JSON gave it: a 0 read as absent (-1).
inline long json_location(int32_t loc) { return loc == 0 ? -1 : loc; }

/// A relation's name as a statement writes it (a RangeVar, or the parts of a qualified name).
struct RelName {
  std::string schema, name;
  long location = -1;  ///< -1: not known
  bool inh = false;    ///< without ONLY
};
RelName rel_name(const PgQuery__RangeVar* rv);

class Simulator {
 public:
  /// `origin`: see MigrationFile (generated SQL: sql byte -> byte of its `text`). Positions are
  /// kept as byte offsets; report::Locator reads lines from the migration's text.
  Simulator(Schema& schema, const std::string& file, const std::string& sql, const std::vector<std::string>& path,
            std::vector<DdlNote>* notes, const std::vector<uint32_t>* origin = nullptr)
      : schema_(schema), file_(file), sql_(sql),
        path_(path), session_path_(path), notes_(notes), origin_(origin && !origin->empty() ? origin : nullptr) {}

  /// Applies the file one statement at a time: memory stays bounded by the largest statement,
  /// not the file (a 3 MB dump as one JSON tree took 245 MB). From the first span that does not
  /// parse alone (a BEGIN ATOMIC body the scanner split, a psql variable, a syntax error), the
  /// rest of the file is parsed as one text, as before, so errors and offsets are unchanged.
  bool run(MigrationError* error);
  /// The migration's place in the order is a guess (an unnumbered file of a plain folder).
  void set_unordered(bool unordered) { unordered_ = unordered; }

  /// Whether the text between and after the spans is only blanks, ';' and comments. The scanner
  /// drops what follows an unbalanced parenthesis: such a file is parsed whole, so the syntax
  /// error is reported instead of the rest being skipped.
  bool spans_cover_text(const std::vector<sql::StatementSpan>& spans) const;

  /// Parses sql_ from byte `base` to the end as one text and applies it.
  bool run_whole(size_t base, MigrationError* error);

  bool apply_parsed(const std::vector<sql::ParsedStatement>& stmts, size_t base, MigrationError*);

 private:
  Origin origin_at(long offset) const;
  /// An offset in sql_ as an offset in the migration file: the same, unless the SQL was
  /// generated from code (Django, Alembic), where origin_ says which operation it came from.
  size_t in_file(size_t offset) const;
  /// The current statement's first token: statement locations point at leading blanks/comments.
  size_t stmt_start() const;
  /// A parse location in the migration file: inside a DO body, locations are offsets into the
  /// body's statements and body_map_ takes them back to the file.
  size_t file_offset(size_t offset) const;
  Origin stmt_origin() const;
  void note(const std::string& msg);

  /// A statement that fails in PostgreSQL: recorded when certain (see DdlNote::fails). Inside a
  /// DO body it is not: an EXCEPTION handler there may catch the error on purpose.
  void fails(const std::string& msg, const char* sqlstate);

  /// "schema.name" of a RangeVar as PostgreSQL would look it up first.
  std::string qualified(const RelName& rv) const;

  /// Why `rv` names no relation, when an earlier migration certainly removed it from there:
  /// "migrations/003.sql drops it" (or renames, moves it); "" when the model cannot tell.
  std::string removed_relation(const RelName& rv) const;

  /// A column change on `r` that names `column`, which `r` does not have: fails when every
  /// column of `r` is known.
  void check_column(const Relation& r, const std::string& column, const std::string& what);

  std::string default_schema(const std::string& explicit_schema, const std::string& creation_schema) const;

  /// A relation named by a RangeVar: explicit schema, else the first in the search path.
  Relation* lookup(const PgQuery__RangeVar* rv);
  Relation* lookup(const RelName& rv);

  /// ALTER of a relation the model never saw: it exists in the real database (created outside
  /// the migrations), so model it with an incomplete column list rather than fail.
  Relation* lookup_or_adopt(const RelName& rv);

  /// Every relation that inherits from `parent`, directly or not (INHERITS, PARTITION OF).
  std::vector<Relation*> descendants(const Relation& parent);

  /// One statement, by family: the session (SET search_path), CREATE (and SELECT ... INTO a
  /// table), ALTER (and RENAME, SET SCHEMA), DROP. Everything else (non-unique indexes, grants,
  /// comments, triggers, other DML) changes nothing modelled.
  void statement(const Node* node, const std::string& creation_schema);

  /// INSERT, UPDATE, DELETE, MERGE, and a view's query (`what`: "the view's query"): resolved
  /// against the schema at this point, failing on the first relation or column certainly not
  /// there (a relation an earlier migration removed, a column a relation whose columns are all
  /// known lacks).
  void check_dml(const Node* node, const char* what = nullptr);

  /// SET search_path TO app, public: the unqualified names after it are app's. "$user" is a
  /// role's own schema, which migrations do not create. RESET search_path, SET search_path TO
  /// DEFAULT and RESET ALL go back to the session's own path, the one the migration started with.
  /// SET LOCAL is read as SET: the transaction it would end with is not modelled.
  void set_search_path(const PgQuery__VariableSetStmt* b);

  void create_schema(const PgQuery__CreateSchemaStmt* b);

  /// Its objects are not listed; a schema of its own (not one the search path holds, which the
  /// code's own tables share) is recorded so that relations missing from it are unchecked. Some
  /// extensions always create their own schema, whatever WITH SCHEMA says.
  void create_extension(const PgQuery__CreateExtensionStmt* b, const std::string& creation_schema);

  /// CREATE TYPE (enum, composite, range) and CREATE DOMAIN: a type name; an enum's labels; a
  /// range's constructors.
  void create_type(const Node* node, const std::string& creation_schema);

  /// CREATE AGGREGATE. Its arguments (direct and aggregated, ordered-set or not) are not
  /// counted: any call of its name is taken.
  void define_aggregate(const PgQuery__DefineStmt* b, const std::string& creation_schema);

  /// A DO block or a function body with DDL. A DO block that is only plain statements in
  /// `BEGIN ... [EXCEPTION ...] END` (Drizzle wraps every constraint and enum that way, to ignore
  /// duplicate_object) runs them at once: they are applied like the migration's own. Anything
  /// else (IF, loops, EXECUTE, variables, a function that runs later) is out of sight: every
  /// identifier in its body becomes uncertain, so a table it creates is never reported missing.
  void do_or_function(bool function, Span<Node> options);

  /// Where each byte of the DO body `body`, a literal at byte `location` of the file, is in the
  /// file; false when the literal is not spelled so that it can be followed ($$ and '...' can).
  bool map_literal(const std::string& body, long location, std::vector<size_t>* map) const;

  /// Applies a DO block that is plain SQL in one BEGIN ... END (see do_or_function); false, with
  /// nothing applied, when the body is real PL/pgSQL.
  bool apply_do_body(const std::string& body, long location);

  Column column_def(const PgQuery__ColumnDef* cd);

  /// "schema.name" of the enum type `tn` names (not an array of it), as PostgreSQL finds it
  /// now; "" for any other type.
  std::string enum_of(const PgQuery__TypeName* tn) const;

  /// The enum type an ALTER TYPE / DROP TYPE names, as "schema.name".
  std::string type_key(std::vector<std::string> parts) const;

  /// ALTER TYPE ... ADD VALUE [IF NOT EXISTS] / RENAME VALUE.
  void alter_enum(const PgQuery__AlterEnumStmt* b);

  /// OWNED BY table.column (Some) or OWNED BY NONE (Some "") among a sequence's options.
  std::optional<std::string> owner_of(Span<Node> options);

  /// CREATE SEQUENCE, or the sequence a serial or identity column creates: a relation with the
  /// one row SELECT reads.
  void create_sequence(const RelName& rv, const std::string& creation_schema, std::optional<std::string> owner,
                       bool if_not_exists);

  /// The sequence PostgreSQL creates for a serial or identity column of `table`: named
  /// table_column_seq unless the identity options name it; when that name is taken PostgreSQL
  /// picks another, which the model does not guess.
  void implicit_sequence(const Relation& table, const PgQuery__ColumnDef* cd);
  /// The same for a column named `column` of type `type` (null: not given) with `constraints`.
  void implicit_sequence(const Relation& table, const std::string& column, const PgQuery__TypeName* type,
                         const std::vector<const Node*>& constraints, long location);

  /// Drops the sequences owned by `owner` ("schema.table.column"), or by any column of the table
  /// "schema.table" when `whole_table`: PostgreSQL drops them with what owns them.
  void drop_owned_sequences(const std::string& owner, bool whole_table);

  /// Sequences owned by a column of "schema.table" (or by `column` of it) follow its rename.
  void rename_owner(const std::string& old_prefix, const std::string& new_prefix);

  /// An enum type renamed or moved: its labels and the columns of that type follow.
  void rename_enum(const std::string& from, const std::string& to);

  /// CREATE [OR REPLACE] FUNCTION / PROCEDURE: what a call can pass. A procedure's OUT
  /// arguments are passed by CALL too; a function's are not.
  void create_function(const PgQuery__CreateFunctionStmt* b, const std::string& creation_schema);
  /// An argument's type as the function keeps it (Function::arg_types): resolved now, as
  /// CREATE FUNCTION resolves it (pg_catalog first, then the search path), or "" when unsure.
  std::string argument_type(const PgQuery__TypeName* type) const;

  void add_function(Function f, bool replace);

  /// The overloads an ObjectWithArgs (DROP / ALTER FUNCTION) names: all of them without an
  /// argument list, else those declaring that many arguments. Nothing matched: the name
  /// becomes uncertain (the function may exist where the model cannot see).
  std::vector<Function>* function_overloads(const Node* object, std::vector<size_t>* which);

  /// A PRIMARY KEY or UNIQUE constraint (of a table, or of the column `column`) as a unique
  /// key, named as PostgreSQL names it when the constraint has no name. An EXCLUDE constraint
  /// can be an ON CONFLICT DO NOTHING arbiter the model does not follow: keys become unknown.
  void add_key_constraint(Relation& r, const Node* node, const std::string& column = "");
  /// The unique keys statements gave `r` before a migration created it (Schema::pending_keys).
  void take_pending_keys(Relation& r);

  /// PostgreSQL's ChooseRelationName for a key: "t_pkey", "t_a_b_key", "t_a_idx".
  static std::string default_key_name(const std::string& table, const std::vector<std::string>& columns,
                                      const std::string& label);

  /// CREATE UNIQUE INDEX: a key of its table. Non-unique indexes change nothing modelled.
  void create_index(const PgQuery__IndexStmt* b);

  /// Removes the unique key (index or constraint) named `name` from `r`, or from every relation
  /// of the schema when `r` is null (DROP INDEX names no table).
  void drop_key(Relation* r, const std::string& schema_name, const std::string& name);

  static void add_column(Relation& r, Column c);

  void create_table(const PgQuery__CreateStmt* b, const std::string& creation_schema, RelationKind kind);

  void create_as(const PgQuery__CreateTableAsStmt* b, const std::string& creation_schema);

  /// SELECT ... INTO new_table, CREATE TABLE AS's old spelling: PostgreSQL takes the INTO of the
  /// leftmost SELECT of a UNION for the whole query. Reached only at the top level: in a DO body
  /// or a function, SELECT ... INTO assigns variables (apply_do_body never applies such a body).
  void select_into(const PgQuery__SelectStmt* b, const Node* query, const std::string& creation_schema);

  /// The relation CREATE TABLE AS, CREATE MATERIALIZED VIEW and SELECT ... INTO create: named by
  /// `into`, its columns the query's where they can be told.
  void create_from_query(const PgQuery__IntoClause* into, const Node* query, RelationKind kind, bool if_not_exists,
                         const std::string& creation_schema);

  void create_view(const PgQuery__ViewStmt* b, const std::string& creation_schema);

  void fill_from_query(Relation& r, const Node* query, const std::vector<std::string>& explicit_names);

  /// An ALTER TABLE's commands (an absent body reads as no command).
  static std::vector<const PgQuery__AlterTableCmd*> alter_commands(const PgQuery__AlterTableStmt* b);

  void alter_table(const PgQuery__AlterTableStmt* b);

  static bool relation_object(PgQuery__ObjectType type);
  static bool routine_object(PgQuery__ObjectType type);

  void rename(const PgQuery__RenameStmt* b);

  void move(const PgQuery__AlterObjectSchemaStmt* b);

  void drop(const PgQuery__DropStmt* b);

  Schema& schema_;
  const std::string& file_;
  const std::string& sql_;
  std::vector<std::string> path_;  ///< the session's search path: SET search_path in the file changes it
  const std::vector<std::string> session_path_;  ///< the path the migration starts with: RESET goes back to it
  std::vector<DdlNote>* notes_;
  /// The file's place in the order is a guess (an unnumbered file of a plain folder): Schema::adopted.
  bool unordered_ = false;
  size_t stmt_offset_ = 0;
  bool variables_substituted_ = false;  ///< psql variables were read as names (run_whole): DML is not judged
  size_t stmt_end_ = 0;     ///< past the current statement in sql_ (its `;` excluded)
  size_t piece_end_ = 0;    ///< past the text being applied in sql_
  size_t piece_base_ = 0;   ///< where the text being applied starts in the file: parse locations are relative to it
  const std::vector<size_t>* body_map_ = nullptr;  ///< inside a DO body: body offset -> file offset
  const std::vector<uint32_t>* origin_ = nullptr;   ///< generated SQL: sql_ offset -> file offset

};

}  // namespace schemagate::schema::simulation
