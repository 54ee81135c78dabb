// How a migration tool records what it applied: its tracking table's name, the columns that
// identify it, the query that reads it and how a row maps to an applied migration (and what
// "failed" or "dirty" means there). Each format's file defines its layout next to its file
// naming, and its row in formats.cpp carries it, so a tool is described in one place: the live
// reader (catalog/tracking.cpp) and the resolver (a query of a tracking table is not a missing
// relation) both read the layouts from the formats table.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/schema/schema.h"

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
};

/// Helpers for layouts.
inline bool is_true(const std::optional<std::string>& v) { return v && (*v == "t" || *v == "true"); }
inline std::string text_or_null(const std::optional<std::string>& v) { return v ? *v : "NULL"; }
inline void push_applied(std::vector<AppliedMigration>* out, std::string version, std::string name, bool failed,
                         std::string raw, bool covers = false, std::string checksum = "") {
  out->push_back({std::move(version), std::move(name), failed ? AppliedState::Failed : AppliedState::Applied, covers,
                  std::move(raw), std::move(checksum)});
}
/// The recorded checksum at the end of a row of a layout with `records_checksum` ("" if absent).
inline std::string checksum_of(const TextRow& row, size_t width) {
  return row.size() > width ? row.back().value_or("") : "";
}

}  // namespace schemagate::schema::migrations
