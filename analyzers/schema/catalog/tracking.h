// The applied-migrations tracking tables, read exactly as each tool writes them, and the
// classification of the repository's migrations against them.
//
// Recognition is by name and columns, from the live catalog already read (no extra query):
//   golang-migrate  schema_migrations(version bigint, dirty boolean): one row, the latest version;
//                   every version up to it counts as applied (golang-migrate's own rule).
//   dbmate          schema_migrations(version varchar): one row per applied version. Told apart
//                   from golang-migrate by the missing "dirty" column.
//   goose           goose_db_version(id, version_id, is_applied, tstamp): the row with the highest
//                   id for a version_id decides; version_id 0 is the row goose writes on creation.
//   Flyway          flyway_schema_history(installed_rank, version, ..., script, ..., success), name
//                   configurable; SCHEMA rows are skipped, a BASELINE row covers every version up
//                   to it, repeatable rows (version NULL) are matched by script.
//   sqlx            _sqlx_migrations(version bigint, description, ..., success).
//   Supabase        supabase_migrations.schema_migrations(version text, name text?, ...).
//   Prisma          _prisma_migrations(..., finished_at, migration_name, ..., rolled_back_at, ...):
//                   one row per attempt; failed = finished_at and rolled_back_at both NULL.
//   sql-migrate     gorp_migrations(id, applied_at): one row per applied file, id = its file name.
//   Drizzle         <schema>.__drizzle_migrations(id, hash, created_at): drizzle-kit's migrator
//                   runs a journal entry iff its "when" is greater than the greatest created_at, so
//                   an entry is applied iff when <= max(created_at). hash is sha256 of the file.
// A table with a tracking name but other columns is an error: failing closed beats guessing.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/schema.h"
#include "analyzers/source/file_system.h"

namespace schemagate::schema::catalog {

struct TrackingOptions {
  std::string flyway_table = "flyway_schema_history";  ///< Flyway's `table` setting
};

enum class AppliedState { Applied, Failed };

struct AppliedMigration {
  /// As the tool records it: golang-migrate, goose, sqlx: the integer; dbmate, Supabase: the
  /// digits; Flyway: the dotted version ("" for repeatables); Prisma: migration_name; Drizzle:
  /// created_at (the journal's "when").
  std::string version;
  std::string name;  ///< Flyway script, sqlx description, Supabase name, Drizzle hash; else ""
  AppliedState state = AppliedState::Applied;
  /// The row stands for every earlier version too (golang-migrate, Flyway BASELINE).
  bool covers_earlier = false;
  std::string raw;  ///< the row as read, "version=3 dirty=true", for messages
};

struct TrackingTable {
  std::string format;  ///< a migrations::Format name: "golang-migrate", "flyway", ...
  std::string table;   ///< "public.schema_migrations"
  std::vector<AppliedMigration> rows;
};

/// A tracking table found in the catalog, with the query that reads it.
struct TrackingSource {
  std::string format;
  std::string schema;
  std::string table;
  std::string query;  ///< a SELECT whose text columns parse_tracking_rows expects
};

/// One result row, each value as PostgreSQL's text output; nullopt is NULL.
using TextRow = std::vector<std::optional<std::string>>;

/// The tracking tables among `live`'s relations (ordinary and partitioned tables only).
/// Returns false when a relation has a tracking name but not the tool's columns.
bool find_tracking_tables(const Schema& live, const TrackingOptions& options,
                          std::vector<TrackingSource>* out, std::string* err);

/// Turns the rows of `source.query` into the tool's view of what is applied.
bool parse_tracking_rows(const TrackingSource& source, const std::vector<TextRow>& rows,
                         TrackingTable* out, std::string* err);

/// Two tracking tables whose latest applied versions differ cannot both describe the database:
/// returns false with a message naming both. Empty tables do not count.
bool check_tracking_agreement(const std::vector<TrackingTable>& tables, std::string* err);

// ---- classification --------------------------------------------------------------------------

enum class MigrationStatus { Applied, Pending, Failed, Unknown };
const char* migration_status_name(MigrationStatus status);  ///< "applied", ..., "unknown"

struct MigrationState {
  MigrationStatus status = MigrationStatus::Pending;
  std::string version;  ///< the repository's version, or the row's for rows no file matches
  std::string path;     ///< the repository file; "" when the migration is not in the repository
  std::string table;    ///< the tracking table that decided; "" for pending without a table
  std::string detail;   ///< the deciding row's `raw`, for failed and unknown
};

/// Drizzle journal times: tag (MigrationFile::version) -> "when" in milliseconds, as text.
using DrizzleJournalTimes = std::map<std::string, std::string>;

/// Reads "when" for every drizzle migration in `files` from its directory's meta/_journal.json.
bool read_drizzle_journal_times(const source::FileSystem& fs, const std::string& root,
                                const std::vector<migrations::MigrationFile>& files,
                                DrizzleJournalTimes* out, std::string* err);

/// The state of each repository migration (in `files` order), then one Unknown (or Failed) entry
/// per applied row that no file matches (in table order). The first tracking table whose format
/// fits the files' format decides ("plain" files take any table; golang-migrate files also take
/// sqlx's table, whose reversible files look the same). Without such a table, all are pending.
/// Drizzle files are matched by journal time when `drizzle_times` has them, else by content hash.
std::vector<MigrationState> classify_migrations(const std::vector<migrations::MigrationFile>& files,
                                                const std::vector<TrackingTable>& tables,
                                                const DrizzleJournalTimes& drizzle_times = {});

}  // namespace schemagate::schema::catalog
