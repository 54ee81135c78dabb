// The applied-migrations tracking tables, read exactly as each tool writes them, and the
// classification of the repository's migrations against them. Each tool's table (its name, the
// columns that identify it, the query that reads it, what a row means) is described by its
// migration format's row (migrations/tracking_layout.h, defined in the format's own file);
// this module finds the tables in a live catalog, reads rows through the layouts and matches
// them with the repository's files. A table with a tracking name but other columns is an error:
// failing closed beats guessing. Some tools decide "applied" with more than a row per file, and
// classify_migrations follows them through their layouts' hooks (TrackingLayout::applied and
// foreign_row: Django's squashes and installed apps, Alembic's heads, drizzle-kit's journal).
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
  /// A layout's table_setting ("flyway_table") -> the tracking table's name where not the tool's
  /// default (Flyway's `table` setting, --flyway-table).
  std::map<std::string, std::string> table_names;
};

using migrations::AppliedMigration;
using migrations::AppliedState;
using migrations::TextRow;

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
  std::string recorded_checksum = {};  ///< applied: the deciding row's checksum ("" if none)
  std::string file_checksum = {};      ///< the file's, computed as the tool does (live.cpp fills it)
};

using migrations::RecordedKeys;

/// What each format's tool records per file from beside `files` (TrackingLayout::recorded_keys:
/// drizzle-kit's journal times), for classify_migrations.
bool read_recorded_keys(const source::FileSystem& fs, const std::string& root,
                        const std::vector<migrations::MigrationFile>& files, RecordedKeys* out, std::string* err);

/// The state of each repository migration (in `files` order), then one Unknown (or Failed) entry
/// per applied row that no file matches (in table order). The first tracking table whose format
/// fits the files' format decides ("plain" files take any table; golang-migrate files also take
/// sqlx's table, whose reversible files look the same). Without such a table, all are pending.
/// A layout with its own rule (TrackingLayout::applied) decides with `keys` (read_recorded_keys).
std::vector<MigrationState> classify_migrations(const std::vector<migrations::MigrationFile>& files,
                                                const std::vector<TrackingTable>& tables,
                                                const RecordedKeys& keys = {});

}  // namespace schemagate::schema::catalog
