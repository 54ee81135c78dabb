// Which scanned files hold queries that this project runs on PostgreSQL. Two kinds do not:
//  - copies and data: generated code that repeats the queries of a source file (pgtyped's
//    *.queries.ts beside the .sql it compiles, Prisma's generated client, Kubernetes'
//    zz_generated*), and seed or fixture SQL (seed*.sql, fixtures/), which is data loaded by
//    hand, not a query the application sends. One mistake must give one finding.
//  - another engine's code: a file that talks to MySQL, SQLite, Cassandra or ClickHouse (its
//    driver import, or a directory named for the engine) sends that engine's dialect, often over
//    tables named like the PostgreSQL ones. Its sites stay listed, unchecked, with the engine as
//    the reason: never silently dropped, never checked against the wrong schema. A file that also
//    imports a PostgreSQL driver is PostgreSQL code.
#pragma once
#include <map>
#include <set>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::source {

/// True for a root-relative path that is generated from queries elsewhere, or seed/fixture SQL.
bool is_not_application_code(std::string_view path);

/// The other engine a file's SQL is for, with its evidence ("Cassandra (imports
/// github.com/gocql/gocql)"), or "" for PostgreSQL.
std::string other_engine_of_code(std::string_view path, std::string_view text);

/// For a Go file whose own imports name no driver: the other engine a file of its package (its
/// directory, tests aside) imports a driver of (a monitoring agent's `sql.Open("sqlite3", ...)` in
/// db.go, its queries in containers.go), when none imports a PostgreSQL driver; else "".
std::string other_engine_of_go_package(const FileSystem& fs, const std::string& root, std::string_view path);
/// The engines the Go files among `files` (root-relative; tests aside) open databases with, when
/// none is PostgreSQL: "MySQL (a.go imports github.com/go-sql-driver/mysql), SQLite (...)", or ""
/// when one of them imports a PostgreSQL driver or none imports another engine's.
std::string other_engines_of_go_files(const FileSystem& fs, const std::string& root, const std::vector<std::string>& files);

/// The nearest package.json at or above `dir` and the paths its lines pass as an output flag
/// (`"generate:drizzle": "... generate --output auth-schema2.ts"`), relative to the manifest's
/// folder: a JavaScript/TypeScript file among them is a generator's output, as one marked
/// @generated (written_by). In two steps so that a scan of many files reads each manifest once.
struct PackageOutputs {
  std::string manifest;  ///< "" when none is found
  std::string dir;       ///< the manifest's folder
  std::set<std::string> outputs;
};
/// `known`: the answers of folders walked before, by folder; each folder this walk passes is added,
/// so a manifest is read once for all the folders below it.
PackageOutputs package_script_outputs(const FileSystem& fs, const std::string& root, std::string dir,
                                      std::map<std::string, PackageOutputs>* known = nullptr);
/// The manifest of `package` when it writes `path` (a file at or below its folder), else "".
std::string written_by(const PackageOutputs& package, std::string_view path);

/// For a JavaScript/TypeScript test file: the nearest package.json above it when that package
/// declares no database client (pg, postgres, Prisma, Drizzle, Kysely, Knex, supabase-js, ...)
/// in any dependency list, else "". Its tests cannot run SQL on a database: the `sql` they call
/// is a fake declared in the test (a type-inference test of a DSL). A package of the project it
/// depends on (`"@acme/db": "workspace:*"`, `file:`) counts with its own dependencies, found
/// through the workspace's packages (the root package.json's "workspaces", pnpm-workspace.yaml);
/// one that cannot be found counts as a client. `workspace`: the workspace's packages, name ->
/// manifest, filled on first use (one per scanner), or null to read them each time.
std::string package_without_database_client(const FileSystem& fs, const std::string& root, std::string_view path,
                                            std::optional<std::map<std::string, std::string>>* workspace = nullptr);

/// The engine an imported module is for ("ClickHouse" for '@clickhouse/client' or a project's
/// '@/lib/clickhouse'), or "" for PostgreSQL and for modules named for no engine.
std::string other_engine_of_module(std::string_view module);

/// The engine a database connection's alias is named for (Django's `connections["clickhouse"]`),
/// or "" when it names none.
std::string other_engine_of_connection_alias(std::string_view alias);

/// True when the file imports a PostgreSQL driver or client (psycopg, asyncpg, pgx, lib/pq, pg,
/// postgres.js, ...): its SQL is PostgreSQL's, not another engine's.
bool imports_postgres_driver(std::string_view text);

/// True when the file imports a SQL parser (vitess' sqlparser and its forks, pg_query_go,
/// node-sql-parser, pgsql-ast-parser, sqlglot, sqlparse): SQL text there is often input for the
/// parser (a user's filter wrapped in `select * from dummy where ...`), so, as in a test, only
/// the strings that reach a database call are queries.
bool imports_sql_parser(std::string_view text);

/// A file's imports of the drivers and SQL parsers above, read once for the three questions
/// (other_engine_of_code, imports_postgres_driver, imports_sql_parser): a scan asks them of one
/// file up to six times, and each free function reads the whole text again. `text` must outlive
/// it.
class FileImports {
 public:
  explicit FileImports(std::string_view text);
  std::string_view text() const { return text_; }
  /// other_engine_of_code(path, text()).
  std::string other_engine(std::string_view path) const;
  /// imports_postgres_driver(text()).
  bool postgres_driver() const;
  /// imports_sql_parser(text()).
  bool sql_parser() const;

 private:
  std::string_view text_;
  std::vector<bool> found_;  ///< by module of the table of drivers and parsers
};

/// True for a Python file that is an Alembic revision script (module-level `revision = ...` and
/// `down_revision = ...`, and an upgrade() function): its SQL runs once, against the schema of
/// its place in the migration history, never against the final schema. CTFd's plugins keep such
/// scripts beside the plugin and run them from the application.
bool is_revision_script(std::string_view text);

}  // namespace schemagate::source
