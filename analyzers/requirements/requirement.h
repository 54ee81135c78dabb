// A requirement is what the running code needs from the database: a relation, or a column of
// one, and the bytes of the host file that need it. Checks see requirements only, whatever
// produced them: the SQL resolver turns every name a statement resolves to a relation of the
// schema into one (sql/requirements.cpp), and data layers (an ORM model field, a client call)
// will produce the same thing from declarations (datalayers/).
//
// A requirement names what the code was written against, already resolved: the schema and
// relation an unqualified name reaches through the search path, the relations an unqualified
// column could belong to. Whether a given schema has it is decided by presence(), one rule for
// every producer, so "missing", "pending" and "dropped by a pending migration" mean the same
// thing for a raw INSERT and for a model field.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analyzers/schema/schema.h"

struct PgQuery__CreateFunctionStmt;  // libpg_query's typed tree (sql/tree.h)

namespace schemagate::requirements {

enum class Object {
  Relation,
  Column,
  /// A unique index or constraint on exactly `key_columns` of the relation: INSERT ... ON
  /// CONFLICT (columns) needs one as its arbiter (42P10 otherwise).
  UniqueKey,
  /// A function or procedure that takes `arguments` arguments: a call of it (42883 otherwise).
  Function,
  /// `label` must be a label of the enum type `enum_type` ("schema.name"): a string the code
  /// compares with, writes into or casts to it (22P02 otherwise).
  EnumLabel,
  /// INSERT INTO relation [(key_columns)] VALUES with `arguments` values a row: as many as the
  /// listed columns, or at most the relation's columns without a list (42601 otherwise).
  InsertValues,
  /// A `SELECT *` of the relation scanned into a Go struct (sqlx's Get, Select, StructScan):
  /// every column the relation returns needs one of the struct's fields, `key_columns`, or sqlx
  /// fails the call ("missing destination name"). Present while the relation's columns are all
  /// among them; a pending migration that adds one breaks the running code.
  ScanDestination,
  /// Every column the relation has, loaded by the code itself rather than named in a statement
  /// (an ActiveRecord model caches its table's columns when it loads and names each in its
  /// INSERTs and prepared SELECTs), but those in `ignored_columns`: a pending migration that
  /// drops or renames one breaks the running code. Judged by the deploy checks only.
  EveryColumn,
};

/// How the code uses what it needs: the deploy-order checks care (an INSERT that omits a new
/// NOT NULL column fails; a read of a retyped column may not).
enum class Use { Read, Write, Insert };

/// A byte range of the host file: [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

/// What produced requirements at one place: an SQL statement, a model declaration. Several
/// requirements share one; findings carry its fingerprint text and notes.
struct Unit {
  std::string file;  ///< the host file, root-relative, '/' separators
  /// The statement as checked (placeholders normalised), or a declaration in a normal form: it
  /// identifies a finding in a baseline when lines move.
  std::string fingerprint_text;
  /// Set when the unit is defined in one place and runs in another (SQL in a constant): the
  /// database call that runs it and the byte offset of that call, for a note.
  std::string runs_through;
  uint32_t runs_at = 0;
  /// Not empty: the checked text is the code's rewritten by a function (languages::SqlSite::rewritten).
  std::string rewritten;
};

struct Requirement {
  Object object = Object::Relation;
  std::string schema;    ///< the relation's schema, never empty (but see Function)
  std::string relation;  ///< the relation's name, as PostgreSQL stores it
  std::string column;    ///< Column: the column's name
  /// The name as the code spells it, when a naming plugin maps it to `relation` / `column`
  /// (Kysely's CamelCasePlugin: createdAt -> created_at). A schema that has the spelled name
  /// instead may come from migrations run through the same plugin, which the model does not
  /// follow: then presence is Unknown, not Absent.
  std::string spelled;
  /// Column: the relations, "schema.name", any of which may hold it (an unqualified column in
  /// a join); empty means {schema.relation}.
  std::vector<std::string> candidates;
  std::vector<std::string> key_columns;  ///< UniqueKey: the columns, as written; ScanDestination: the fields' columns
  std::string destination;  ///< ScanDestination: the struct, as the code names it ("User")
  /// Function: its name and how many arguments the call passes; `schema` is the one the call
  /// names, or empty when unqualified: then `candidates` are the search path's schemas
  /// (pg_catalog, searched first, is implicit).
  std::string function;
  int arguments = 0;
  bool procedure = false;  ///< CALL
  /// Function: the call names its arguments (PostgREST's /rpc/fn with a JSON object): these
  /// names, which an overload's argument names must match; `arguments` is their count.
  bool by_name = false;
  std::vector<std::string> argument_names;
  /// Function: false when the arguments are built at run time: any overload of the name will do.
  bool arguments_known = true;
  std::string enum_type;   ///< EnumLabel: "schema.name" of the type
  std::string label;       ///< EnumLabel: the string, as PostgreSQL reads it
  bool columns_listed = false;  ///< InsertValues: key_columns are the INSERT's column list
  /// EveryColumn: the columns the code declares it does not load (`self.ignored_columns`).
  std::vector<std::string> ignored_columns;
  Use use = Use::Read;
  Span span;             ///< the name in the host file
  size_t unit = 0;       ///< index into the producer's units
  /// The host spelled the name in double quotes (a name with upper case always is): said in
  /// messages about case.
  bool quoted = false;
  /// Relation with Use::Insert: the columns the code gives values for. `insert_columns_known`
  /// is false when they cannot be told (INSERT ... SELECT without a column list).
  std::vector<std::string> insert_columns;
  bool insert_columns_known = true;
  /// Column: when the schema lacks it, why the name may be no column at all (an ActiveRecord
  /// attribute write on a model that calls a gem's macro, which may define a setter of that
  /// name): presence is then Unknown and this is the reason, never a finding.
  std::string unknown_when_absent;
  /// How a data layer needs it, in that framework's words ("model LlmResult field modelVersion
  /// maps to column llm_results.model_version; every query of LlmResult selects it"): a note on
  /// every finding about it. Empty for SQL, whose statement says it.
  std::string describe;
  /// How that framework adds what is missing when no migration does ("generate a migration with
  /// `alembic revision --autogenerate` ..."): the help line then. Empty: the SQL to write.
  std::string fix;

  bool operator==(const Requirement&) const = default;
};

/// Requirements of one host file, with the units they point into.
struct FileRequirements {
  std::vector<Unit> units;
  std::vector<Requirement> requirements;
};

enum class Presence { Present, Absent, Unknown };

/// What is known beyond a schema when judging presence: relations that exist although no
/// migration creates them (created by the code at run time, by another engine's migrations).
/// Given "schema.name" or a bare name, returns why it is not judged, or "" when it is.
using NotJudged = std::function<std::string(const std::string& schema, const std::string& name)>;

/// Whether `schema` has what `req` needs. Unknown when it cannot be told for certain: a
/// relation whose columns are not all known, a name that occurs in DDL the model could not
/// follow, a column of a relation that is itself absent (the relation's requirement says so),
/// a relation `not_judged` excuses.
Presence presence(const Requirement& req, const schema::Schema& schema, const NotJudged& not_judged = nullptr);

/// A system view of Amazon Redshift, a PostgreSQL fork applications reach with PostgreSQL's
/// drivers (`svv_columns`, `stl_query`, `pg_table_def`): a statement naming one is written for
/// Redshift, so unless the migrations create it, the name is not judged.
bool other_engine_relation(const std::string& name);
/// A built-in function of another engine (MySQL, SQLite, ClickHouse, SQL Server) or of a managed
/// PostgreSQL (Aurora), lower-cased: a call of one that nothing else provides is evidence that the
/// statement is written for that engine, not that a migration is missing.
bool other_engine_builtin(const std::string& name);
/// Whether a Function requirement's call finds the overload `f`: by its argument names when the
/// call names them, else by their count.
inline bool accepts(const schema::Function& f, const Requirement& req) {
  if (f.procedure != req.procedure) return false;
  if (!req.arguments_known) return true;
  return req.by_name ? f.accepts_named(req.argument_names) : f.accepts(req.arguments);
}

/// The NotJudged key of a call by argument names: "function:fn(a,b)", the names sorted.
std::string named_call_key(const std::string& function, std::vector<std::string> names);

/// The NotJudged keys under which a function that the code creates (`function_key`
/// "function:fn", `create` its CreateFunctionStmt as libpg_query gives it) takes a call by
/// argument names: one per set of names it accepts, or "function:fn(*)" when any will do (an
/// unnamed argument, too many optional ones to list).
std::vector<std::string> named_call_keys(const std::string& function_key, const PgQuery__CreateFunctionStmt* create);

/// "public.llm_results"
inline std::string qualified(const Requirement& r) { return r.schema + "." + r.relation; }

}  // namespace schemagate::requirements
