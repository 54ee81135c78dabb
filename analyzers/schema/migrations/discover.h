// Where a project keeps its migrations, found the way a new reader of the repository would find
// them: not a fixed list of locations but every directory whose files carry a supported format's
// signature (Flyway V<n>__ names in any module, dbmate/goose/sql-migrate directives,
// golang-migrate .up.sql names, supabase/migrations, prisma/migrations, a Drizzle journal), plus
// the folders that the tools' own configuration names (sqlc.yaml `schema`, drizzle.config `out`,
// .env DBMATE_MIGRATIONS_DIR / GOOSE_MIGRATION_DIR, flyway.conf / Spring `flyway.locations`).
//
// A repository often holds migrations of several engines (a SQLite driver beside the PostgreSQL
// one, MySQL schema files, Cassandra CQL): a set is classified by its path (a directory named
// for the engine) and its content (AUTO_INCREMENT, ENGINE=, a Prisma lock's provider, a Drizzle
// journal's dialect). Only PostgreSQL sets build the schema; the others are schema of another
// engine, not code.
//
// A committed schema dump (pg_dump output, dbmate's db/schema.sql, Rails' structure.sql, a
// schema.sql next to migrations) is a schema source, never code: beside a set, and recording the
// versions it contains (schema_migrations rows), it is the baseline those migrations start from;
// alone, it is the schema.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/source/file_system.h"

namespace schemagate::schema::migrations {

struct FoundSet {
  std::string dir;       ///< root-relative
  std::string engine;    ///< "" for PostgreSQL, else the engine ("MySQL", "SQLite", ...)
  std::string evidence;  ///< why it is a migration set, and of which engine
  /// The directories (not the root) of the tool configurations that name it (a service's
  /// sqlc.yaml, drizzle.config.ts, application.yml): the code there uses this set.
  std::vector<std::string> config_dirs;
};

struct SchemaDump {
  std::string path;                   ///< root-relative
  std::string engine;                 ///< "" for PostgreSQL
  std::string evidence;
  std::string set_dir;                ///< the set it sits beside ("" when alone)
  std::vector<std::string> versions;  ///< the schema_migrations versions it records
};

struct Discovery {
  std::vector<FoundSet> sets;      ///< in path order
  std::vector<SchemaDump> dumps;   ///< in path order
  /// Folders found by their usual name whose files are of no format schemagate reads
  /// ("migrations/ (12 .js files)"): a run must not pass on an empty schema because of them.
  std::vector<std::string> unreadable;
  /// Folders a tool's configuration names that are not in the tree ("server/drizzle/ (named by
  /// server/drizzle.config.ts (out))"): a project that pushes its schema (drizzle-kit push)
  /// commits no migrations there.
  std::vector<std::string> absent_configured;
  /// A drizzle.config.* of dialect postgresql whose `out` folder is not in the tree (the schema
  /// is pushed: drizzle-kit push): the config and the files its `schema` names (a file, a folder's
  /// files, or `dir/*.ts`), which then declare the whole schema. A `schema` of another form
  /// lists no file.
  struct DrizzlePush {
    std::string config;
    std::vector<std::string> schema_files;
  };
  std::vector<DrizzlePush> drizzle_pushed;
  /// Sets the project's own Go runner does not read: beside a set that a Go file above them
  /// embeds (//go:embed migrations/sql/*.sql), those it does not embed (a legacy copy, the
  /// sources a generator writes the embedded files from). evidence names the embedding file.
  std::vector<FoundSet> not_run;
  /// The application's search path where the repository states it: ALTER ROLE / ALTER DATABASE
  /// ... SET search_path in any .sql file, or search_path= / -csearch_path= in a connection
  /// string of a root .env or config file. Empty when nothing says.
  std::vector<std::string> search_path;
  std::string search_path_evidence;  ///< "db/roles.sql:3: ALTER ROLE ... SET search_path"
};

/// Searches the project (respecting .gitignore and the usual skips) for migration sets and dumps.
/// Fails (false, *err naming the path) when a directory of the tree cannot be listed: a set
/// not seen is a schema not built, so the gate does not guess.
bool discover_migrations(const source::FileSystem& fs, const std::string& root, Discovery* out, std::string* err);

/// The engine a root-relative path names in one of its directories ("mysql/", "sqlite/",
/// "cassandra/", "migration_mysql/", "riversqlite/", ...), or "" when none does.
std::string engine_named_in_path(std::string_view path);

/// The engine one lower-case name (a directory's, a file's stem) is named for: an engine's name
/// inside it ("clickhouse_store", "riversqlite"), and with `tokens` also a short name that is one
/// of its `_-.`-separated words ("cql", "d1", "oracle"); "" when none.
std::string engine_named_in_name(std::string_view name, bool tokens);

/// The engine whose dialect-only syntax `sql` uses (AUTO_INCREMENT, ENGINE=InnoDB, AUTOINCREMENT,
/// WITHOUT ROWID, backquoted names, CQL's WITH compaction), or "" for none.
std::string engine_of_sql(std::string_view sql);

/// A dump as the migrations see it: its SQL with psql meta-commands (\restrict, \connect, ...)
/// and COPY data blanked, byte offsets kept.
MigrationFile dump_migration(const SchemaDump& dump, std::string text);

}  // namespace schemagate::schema::migrations
