// How a migration tool records what it applied: its tracking table's name, the columns that
// identify it, the query that reads it and how a row maps to an applied migration (and what
// "failed" or "dirty" means there). Each format's file defines its layout next to its file
// naming, and its row in formats.cpp carries it, so a tool is described in one place: the live
// reader (catalog/tracking.cpp) and the resolver (a query of a tracking table is not a missing
// relation) both read the layouts from the formats table.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/schema/schema.h"
#include "analyzers/source/file_system.h"

namespace schemagate::schema::migrations {

/// One result row, each value as PostgreSQL's text output; nullopt is NULL.
using TextRow = std::vector<std::optional<std::string>>;

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
  /// The checksum the tool recorded for the file it ran (Flyway: the signed integer; sqlx: hex
  /// of the bytea; Prisma: the hex text); "" when the tool records none or it is NULL.
  std::string checksum = {};
};

struct MigrationFile;

/// What a tool records per file that the file does not say, read from beside the files
/// (drizzle-kit's journal "when"), by the file's version.
using RecordedKeys = std::map<std::string, std::string>;

/// What a layout's own rule for "applied" sees.
struct TrackingContext {
  const std::vector<MigrationFile>& files;    ///< every repository migration being classified
  const std::vector<AppliedMigration>& rows;  ///< the table's rows, as read
  const RecordedKeys& keys;                   ///< from recorded_keys, when the layout has it
};

struct TrackingLayout {
  std::string_view table;   ///< the tool's default table name
  std::string_view schema;  ///< "" in any schema; else only there (Supabase's)
  /// Columns that must all exist for a table of that name to be this tool's. Of several layouts
  /// of one name, the one with the most columns that match wins.
  std::vector<std::string_view> columns;
  std::string_view described;  ///< for a table with the name but not the columns: "dbmate's (version)"
  /// The SELECT that reads it; `from` is the quoted, qualified name; `table` the relation as
  /// the catalog has it (for optional columns).
  std::string (*query)(const std::string& from, const Relation& table);
  size_t width;  ///< columns per row of that query
  /// The rows of the query (each of `width` values) -> what the tool considers applied.
  void (*read)(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out);
  /// Versions compare as text (dbmate, Supabase, Prisma, ...) rather than as numbers.
  bool text_versions = false;
  /// Rows older than the newest covered by it are not listed as unknown (Flyway's BASELINE).
  bool baseline_covers_unlisted = false;
  /// The tool records a checksum of each file (Flyway, Prisma, sqlx): the query reads it as one
  /// more column at the end of each row when the table has it (catalog/checksums.h computes the
  /// file's side).
  bool records_checksum = false;
  /// Why a row is one the tool itself never writes ("dirty is not a boolean"), or "" when it
  /// could be one of its rows: the table is then not what it seems, and the run fails closed.
  std::string (*bad_row)(const TextRow& row) = nullptr;
  /// The tool keeps exactly one row (golang-migrate, maragu.dev/migrate).
  bool one_row = false;
  /// Rows name migrations rather than ordered versions (Django, Alembic): the table has no
  /// "latest version" to compare with another tool's.
  bool names_not_ordered = false;
  /// The tool's own rule for "applied" where it is not "a row with the file's version" (Django's
  /// squashes, Alembic's heads, drizzle-kit's journal times); marks in *matched the rows it
  /// accounts for. Null: the row of the same version decides.
  bool (*applied)(const MigrationFile& file, const TrackingContext& ctx, std::vector<bool>* matched) = nullptr;
  /// Rows that stand for no repository migration and are not unknown either (Django's rows of
  /// apps installed as packages). Null: every unmatched row is unknown.
  bool (*foreign_row)(const AppliedMigration& row, const std::vector<MigrationFile>& files) = nullptr;
  /// With records_checksum: the file's checksum as the tool computes it; `recorded` lets a tool
  /// that accepted several spellings (Prisma's line endings) give the one it recorded.
  std::string (*checksum)(std::string_view file, const std::string& recorded) = nullptr;
  /// Reads what the tool records per file from beside the files (drizzle-kit's journal), for the
  /// files of this format in `files`; false with *err naming the file it could not read.
  bool (*recorded_keys)(const source::FileSystem& fs, const std::string& root, const std::vector<MigrationFile>& files,
                        RecordedKeys* out, std::string* err) = nullptr;
  /// The schemagate.yaml setting (and flag, as --flyway-table) that renames the table; "" none.
  std::string_view table_setting = "";
};

/// Helpers for layouts.
inline bool is_true(const std::optional<std::string>& v) { return v && (*v == "t" || *v == "true"); }
inline std::string text_or_null(const std::optional<std::string>& v) { return v ? *v : "NULL"; }
inline void push_applied(std::vector<AppliedMigration>* out, std::string version, std::string name, bool failed,
                         std::string raw, bool covers = false, std::string checksum = "") {
  out->push_back({std::move(version), std::move(name), failed ? AppliedState::Failed : AppliedState::Applied, covers,
                  std::move(raw), std::move(checksum)});
}
/// Row checks for bad_row: a string of digits (at most 19; "-1" too when allowed), a boolean as
/// PostgreSQL prints one, a value neither NULL nor empty.
inline bool is_digits(const std::optional<std::string>& v, bool allow_minus_one = false) {
  if (!v || v->empty() || v->size() > 19) return false;
  if (allow_minus_one && *v == "-1") return true;
  for (char c : *v)
    if (c < '0' || c > '9') return false;
  return true;
}
inline bool is_boolean(const std::optional<std::string>& v) {
  return v && (*v == "t" || *v == "f" || *v == "true" || *v == "false");
}
inline bool is_present(const std::optional<std::string>& v) { return v && !v->empty(); }
/// The recorded checksum at the end of a row of a layout with `records_checksum` ("" if absent).
inline std::string checksum_of(const TextRow& row, size_t width) {
  return row.size() > width ? row.back().value_or("") : "";
}

}  // namespace schemagate::schema::migrations
