// The schema model: schemas, relations and their columns, as migrations (or, later, the live
// catalog) define them. Every relation and column remembers where it was created, and drops
// and renames are kept as history events, so a finding can say "migration X dropped it" and a
// later check can compare running code with a pending rename. Names are stored as PostgreSQL
// stores them: unquoted identifiers already folded to lower case by the parser.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace schemagate::schema {

/// Where something was defined: a file relative to the project root and a byte offset in it.
struct Origin {
  std::string file;
  int line = 0;  ///< set only as a snapshot or manifest recorded it; places come from report::Locator
  /// Byte offset in `file` of what created it (the statement, or the clause of a column or
  /// label), as the DDL simulator applied it: in a migration written in code, the operation's
  /// bytes in its source file. Unset where only a line is known (a snapshot, a database).
  std::optional<uint32_t> offset = std::nullopt;
  /// Bytes of the creating statement from `offset`, when `offset` is its start and the file is
  /// SQL; 0 when not known.
  uint32_t length = 0;
  bool empty() const { return file.empty(); }
};

struct Column {
  std::string name;
  std::string type;  ///< as written, normalised by the parser ("int4", "text", "public.mood")
  bool not_null = false;
  bool has_default = false;
  bool generated = false;
  bool identity = false;
  /// "schema.name" of its type when that is an enum the schema knows (not an array of one): a
  /// string the code compares with it or writes into it must be one of the labels (22P02).
  std::string enum_type;
  Origin origin;
};

/// A unique index or constraint (PRIMARY KEY, UNIQUE, CREATE UNIQUE INDEX): what INSERT ... ON
/// CONFLICT (columns) needs as its arbiter.
struct UniqueKey {
  std::string name;                  ///< the index's name, as PostgreSQL names it by default if not given
  std::vector<std::string> columns;  ///< key columns; for an expression index, the plain ones only
  /// A partial index (WHERE ...) or one over expressions: it may or may not be the arbiter of a
  /// given ON CONFLICT, so it makes a missing match uncertain.
  bool partial = false;
  Origin origin;
};

/// A sequence is a relation too: SELECT reads its one row (last_value, log_cnt, is_called), and
/// nextval('name') / 'name'::regclass look it up like a table.
enum class RelationKind { Table, PartitionedTable, View, MaterializedView, ForeignTable, Sequence };
const char* relation_kind_name(RelationKind kind);

struct Relation {
  std::string schema;
  std::string name;
  RelationKind kind = RelationKind::Table;
  std::vector<Column> columns;
  /// False when some column names could not be determined (a view over a function, a table
  /// created in a way the model cannot follow): a column that is not listed is not "missing".
  bool columns_complete = true;
  Origin origin;
  /// Its unique keys, as far as `keys_complete` says they are known: the migrations' CREATE TABLE
  /// knows them all; a relation read from a catalog, or created in a way the model cannot follow
  /// (LIKE, INHERITS), does not.
  std::vector<UniqueKey> unique_keys;
  bool keys_complete = false;
  /// "schema.name" of the tables it inherits from (INHERITS, PARTITION OF): PostgreSQL applies
  /// ALTER TABLE on a parent to its children too, so the model must follow.
  std::vector<std::string> parents;
  /// Sequence: "schema.table.column" of the column that owns it (serial, identity, OWNED BY);
  /// PostgreSQL drops it with that column or table. Empty: owned by nothing.
  std::string owned_by;

  const Column* find_column(const std::string& column) const;
  Column* find_column(const std::string& column);
  std::string qualified_name() const { return schema + "." + name; }
};

/// A function or procedure, by what a call can pass: PostgreSQL resolves a call by schema, name
/// and argument types; the model keeps name and argument counts only.
struct Function {
  std::string schema, name;
  int declared = 0;   ///< input arguments as declared (a procedure's OUT ones included)
  int min_args = 0;   ///< without the arguments that have defaults (a VARIADIC one needs a value)
  int max_args = 0;   ///< -1: any number (VARIADIC)
  bool procedure = false;
  Origin origin;
  /// The input arguments' names in order ("" for an unnamed one), when known: a call by name
  /// (PostgREST's `/rpc/fn` with a JSON object, `fn(a => 1)`) is matched against them. The
  /// first min_args have no default.
  std::vector<std::string> arg_names;
  bool arg_names_known = false;
  /// The input arguments' types in order, when known (empty otherwise): "schema.name" as the
  /// type resolved where the function was created ("public.people" for a table's row type,
  /// "pg_catalog.text"), "[]" appended for an array; "" for one argument whose type is not known.
  /// Attribute notation (`p.display_name` for display_name(people)) needs the first one.
  std::vector<std::string> arg_types;
  bool accepts(int n) const { return n >= min_args && (max_args < 0 || n <= max_args); }
  /// Whether a call passing exactly the arguments named `keys` finds this overload, as
  /// PostgREST matches a function to a request: every argument without a default is named,
  /// every name is an argument. A lone unnamed argument takes the whole body (a json one);
  /// names that are not known fall back to the count.
  bool accepts_named(const std::vector<std::string>& keys) const {
    if (!arg_names_known || arg_names.size() != static_cast<size_t>(declared)) return accepts(static_cast<int>(keys.size()));
    if (arg_names.size() == 1 && arg_names[0].empty()) return true;
    for (size_t i = 0; i < arg_names.size(); ++i)
      if (static_cast<int>(i) < min_args && std::find(keys.begin(), keys.end(), arg_names[i]) == keys.end()) return false;
    for (auto& k : keys)
      if (std::find(arg_names.begin(), arg_names.end(), k) == arg_names.end()) return false;
    return true;
  }
};

/// An enum type's labels in order, each with the migration that added it.
struct EnumType {
  std::vector<std::string> labels;
  std::vector<Origin> origins;
  Origin origin;
  /// False when a label may have been added or renamed where the model cannot see (an ALTER TYPE
  /// inside a DO block): a label that is not listed is not "invalid".
  bool complete = true;
};

/// A change that removed or renamed something; kept so messages can explain an absence.
struct SchemaEvent {
  enum class Kind { DropRelation, RenameRelation, MoveRelation, DropColumn, RenameColumn, AlterColumnType, SetNotNull };
  Kind kind;
  std::string schema;    ///< the relation's schema at the time of the event
  std::string relation;  ///< the relation's name at the time of the event
  std::string column;    ///< for column events
  std::string new_name;  ///< renames: the new name; moves: the new schema
  Origin origin;
};

class Schema {
 public:
  Schema();

  bool has_schema(const std::string& name) const { return schemas_.count(name) != 0; }
  void add_schema(const std::string& name) { schemas_.insert(name); }
  /// Drops a schema; with cascade also its relations. Returns false if it had relations and
  /// cascade was not given (PostgreSQL would fail too).
  bool drop_schema(const std::string& name, bool cascade, const Origin& origin);
  const std::set<std::string>& schemas() const { return schemas_; }

  const Relation* find(const std::string& schema, const std::string& name) const;
  Relation* find(const std::string& schema, const std::string& name);
  /// First relation named `name` in the schemas of `search_path`, in order.
  const Relation* find_in_path(const std::string& name, const std::vector<std::string>& search_path) const;
  Relation& add(Relation relation);
  bool remove(const std::string& schema, const std::string& name);
  /// Renames or moves a relation, keeping its columns.
  bool rename(const std::string& schema, const std::string& name, const std::string& new_schema,
              const std::string& new_name);

  const std::map<std::string, Relation>& relations() const { return relations_; }
  /// Some relation has a parent (INHERITS, PARTITION OF). Without one, ALTER and RENAME need not
  /// look for children: that scan over every relation made replay quadratic in a dump's size.
  bool has_inheritance() const { return has_inheritance_; }
  /// "schema.name" of the relations that name `parent_key` among their parents, in key order:
  /// an index kept with every add, remove and rename, so that ALTER of a parent does not scan
  /// every relation (replay stays linear in a dump's size when it has partitions).
  const std::set<std::string>& children_of(const std::string& parent_key) const;

  /// "schema.name" of every sequence, kept with every add, remove and rename: a RENAME or DROP
  /// of a table looks for the sequences its columns own among these, not among every relation
  /// (that scan made replay of a dump quadratic in its size).
  const std::set<std::string>& sequences() const { return sequences_; }

  std::vector<SchemaEvent> history;
  std::set<std::string> types;  ///< "schema.name" of CREATE TYPE
  /// Identifiers that occur in DDL the model could not follow (DO blocks, EXECUTE): a reference
  /// to such a name is unchecked rather than missing.
  std::set<std::string> uncertain_names;
  /// Schemas named by CREATE EXTENSION ... SCHEMA: the extension creates relations there that no
  /// migration lists (and some, like pgmq's queue tables, at run time), so a relation missing
  /// from one is unchecked.
  std::set<std::string> extension_schemas;
  /// Functions and procedures by "schema.name", every overload.
  std::map<std::string, std::vector<Function>> functions;
  /// False when the functions of some schema are not all known (a live catalog read without
  /// them): a call that matches none is then not "missing".
  bool functions_complete = true;
  /// Extensions created, by the schema they were created in: they add functions no migration
  /// lists (schema/builtin_functions.h knows those of the extensions the server ships).
  std::map<std::string, std::set<std::string>> extensions;
  /// Enum types by "schema.name".
  std::map<std::string, EnumType> enums;
  /// Relations a statement altered before any migration created them, by "schema.name": bits
  /// kAdoptedChanged (a column of it dropped or renamed since) and kAdoptedUnordered (altered by
  /// a script whose place in the order is a guess: an unnumbered file of a plain folder). And the
  /// unique keys (CREATE UNIQUE INDEX, ADD PRIMARY KEY / UNIQUE) such a script gave a relation no
  /// migration had created yet. Scripts in no told order (create_indexes.sql sorts before
  /// create_tables.sql; an upgrade script before the schema it upgrades) may have run after the
  /// CREATE that comes later here: it takes them in (Simulator::create_table).
  std::map<std::string, int> adopted;
  static constexpr int kAdoptedChanged = 1, kAdoptedUnordered = 2;
  std::map<std::string, std::vector<UniqueKey>> pending_keys;

 private:
  static std::string key(const std::string& schema, const std::string& name) { return schema + "." + name; }
  std::set<std::string> schemas_;
  std::map<std::string, Relation> relations_;  // keyed by "schema.name"
  bool has_inheritance_ = false;
  std::map<std::string, std::set<std::string>> children_;  // parent key -> child keys
  std::set<std::string> sequences_;
  void link(const std::string& child_key, const Relation& child);
  void unlink(const std::string& child_key, const Relation& child);
};

}  // namespace schemagate::schema
