// DDL simulation: applies a migration's statements, parsed by PostgreSQL's own parser, to the
// in-memory schema model, in order. Statements that do not change relations (indexes, grants,
// functions, triggers, comments, DML) pass through. A DO block whose body is plain SQL between
// BEGIN and EXCEPTION/END is applied like any statement. What the model cannot follow (DO blocks
// that are real PL/pgSQL, function bodies with DDL) is noted for --verbose and makes the names
// involved "uncertain", so they are never reported as missing; ALTER of a relation it never saw
// models that relation with unknown columns.
#pragma once
#include <string>
#include <vector>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/schema.h"

namespace schemagate::schema {

/// Something the simulation skipped or could not follow, for --verbose.
struct DdlNote {
  Origin origin;
  std::string message;
  /// PostgreSQL rejects this statement when the migration runs: it alters, renames or drops a
  /// relation or column that certainly does not exist at that point (a relation an earlier
  /// migration dropped, renamed or moved away; a column missing from a relation whose columns
  /// are all known). IF EXISTS forms, DO blocks and uncertain names never set it.
  bool fails = false;
  std::string sqlstate;  ///< with `fails`: "42P01" (relation) or "42703" (column)
};

/// A migration that cannot be applied: it does not parse. `offset`: the byte where the parser
/// stopped, in the text the migration's positions are offsets of (report::Locator::add of a
/// MigrationFile says which). (A statement PostgreSQL would reject is a DdlNote with `fails`,
/// reported as broken-migration.)
struct MigrationError {
  std::string file;
  uint32_t offset = 0;
  std::string message;
};

/// Applies `migration` to `schema`. Returns false (and fills *error) if it does not parse or
/// PostgreSQL would reject it.
bool apply_migration(Schema& schema, const migrations::MigrationFile& migration,
                     const std::vector<std::string>& search_path, std::vector<DdlNote>* notes,
                     MigrationError* error);

/// Applies one SQL text (a whole file's worth) as if it were migration `file`; for tests.
bool apply_sql(Schema& schema, const std::string& file, const std::string& sql,
               const std::vector<std::string>& search_path, std::vector<DdlNote>* notes, MigrationError* error);

}  // namespace schemagate::schema
