// The table of migration formats. A directory belongs to the first format whose detect() accepts
// it, so the order runs from the most specific evidence to the least:
//   drizzle         a meta/_journal.json file
//   prisma          <name>/migration.sql subdirectories (or migration_lock.toml)
//   rails           <version>_<name>.rb files (code/rails.cpp)
//   flyway          V<version>__ / R__ file names
//   dbmate, goose,  directive comments inside the files
//   sql-migrate
//   golang-migrate  <version>_<name>.up.sql / .down.sql names
//   supabase        the supabase/migrations location
//   sqlx            timestamped <version>_<name>.sql files in a "migrations" directory
//   plain           any .sql file
// Adding a format is one file defining its Format and one line in each list below.
#include "analyzers/schema/migrations/migration.h"

namespace schemagate::schema::migrations {

// Each is defined in the file of the same name.
extern const Format kDrizzle;
extern const Format kPrisma;
extern const Format kRails;
extern const Format kFlyway;
extern const Format kDbmate;
extern const Format kGoose;
extern const Format kSqlMigrate;
extern const Format kGolangMigrate;
extern const Format kSupabase;
extern const Format kSqlx;
extern const Format kPlain;

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      kDrizzle, kPrisma, kRails, kFlyway, kDbmate, kGoose, kSqlMigrate, kGolangMigrate, kSupabase, kSqlx, kPlain,
  };
  return table;
}

const Format* format_named(std::string_view name) {
  for (const Format& f : formats())
    if (f.name == name) return &f;
  return nullptr;
}

bool is_tracking_table_name(std::string_view name) {
  for (const Format& f : formats())
    if (f.tracking && f.tracking->table == name) return true;
  return false;
}

const std::vector<std::string>& default_directories() {
  static const std::vector<std::string> dirs = {
      "migrations",
      "db/migrations",
      "database/migrations",
      "sql/migrations",
      "supabase/migrations",
      "prisma/migrations",
      "src/main/resources/db/migration",  // Flyway's default location
      "drizzle",                          // drizzle-kit's default "out"
      "db/migrate",                       // Rails
  };
  return dirs;
}

// A directory that no format detects (missing, empty, or without .sql files) loads as zero
// migrations with an empty format name: nothing to model is not an error.
bool load_directory(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                    std::vector<MigrationFile>* out, std::string* format_used, std::string* err,
                    const std::string& named) {
  if (!named.empty()) {
    for (const Format& format : formats()) {
      if (format.name != named) continue;
      if (format_used) *format_used = std::string(format.name);
      return format.load(fs, root, dir, out, err);
    }
    *err = "unknown migration format \"" + named + "\"";
    return false;
  }
  for (const Format& format : formats()) {
    if (!format.detect(fs, root, dir)) continue;
    if (format_used) *format_used = std::string(format.name);
    return format.load(fs, root, dir, out, err);
  }
  if (format_used) format_used->clear();
  out->clear();
  return true;
}

}  // namespace schemagate::schema::migrations
