// Migrations as files on disk, in the order their tool applies them. One file per format
// (golang_migrate.cpp, flyway.cpp, ...) and one table (formats.cpp) lists them all; a format
// recognises its files, extracts the "up" SQL and gives each file the version that its tool
// records in its tracking table. Applying the DDL to the schema model is schema/ddl.cpp's job.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/schema/migrations/tracking_layout.h"
#include "analyzers/source/file_system.h"

namespace schemagate::schema::migrations {

struct MigrationFile {
  std::string path;     ///< relative to the project root, '/' separators
  std::string version;  ///< as the tool records it ("3", "13.1", "20240101120000", a Prisma dir name, ...)
  std::string name;     ///< description part of the file name ("add_model_version")
  std::string format;   ///< the Format::name that recognised it
  /// The SQL that runs on "up", with every byte that does not run (down sections, tool
  /// directives that are not SQL) replaced by a space, newlines kept: byte offsets in `sql`
  /// are byte offsets in the file.
  std::string sql;
  /// For migrations written in code (Rails), whose `sql` is generated: origin[i] is the file
  /// byte that sql byte i comes from. Empty: sql offsets are file offsets (every SQL format).
  std::vector<uint32_t> origin;
  bool repeatable = false;  ///< Flyway R__ migrations
};

struct Format {
  std::string_view name;  ///< "golang-migrate", "flyway", "dbmate", "goose", "sql-migrate", "sqlx", "supabase", "prisma", "drizzle", "rails", "plain"
  /// Whether this format owns the migration directory `dir` (relative to the project root).
  bool (*detect)(const source::FileSystem& fs, const std::string& root, const std::string& dir);
  /// Lists the directory's migrations in apply order. Returns false and sets *err on bad input
  /// (an unreadable file, a journal that does not parse), naming the file.
  bool (*load)(const source::FileSystem& fs, const std::string& root, const std::string& dir,
               std::vector<MigrationFile>* out, std::string* err);
  /// How the tool records applied migrations; null: it keeps no table (plain files).
  const TrackingLayout* tracking = nullptr;
  /// Other formats whose tracking table this format's files are also matched against (files
  /// that look the same to both tools: golang-migrate's and sqlx's reversible files). "*": any.
  std::vector<std::string_view> also_tracked_by = {};
};

/// All formats, most specific first; the first whose detect() is true owns a directory.
const std::vector<Format>& formats();

/// The format named `name`, or nullptr.
const Format* format_named(std::string_view name);

/// The default names of every tool's tracking table: a query of one is not a missing relation
/// (the tool creates it, no migration does).
bool is_tracking_table_name(std::string_view name);

/// Directories searched when --migrations is not given, relative to the project root.
const std::vector<std::string>& default_directories();

/// Loads one directory with the format that detects it, or with `format` when it is not empty
/// (schemagate.yaml `migrations: [{path, format}]`). `format_used` receives its name.
bool load_directory(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                    std::vector<MigrationFile>* out, std::string* format_used, std::string* err,
                    const std::string& format = "");

}  // namespace schemagate::schema::migrations
