// The table of migration formats. A directory belongs to the first format whose detect() accepts
// it, so the order runs from the most specific evidence to the least:
//   django          NNNN_*.py files declaring `class Migration(migrations.Migration)` (code/django.cpp)
//   alembic         env.py beside versions/*.py with revision identifiers (code/alembic.cpp)
//   lnbits          a migrations.py module of m<NNN>_ functions run by lnbits (code/lnbits.cpp)
//   drizzle         a meta/_journal.json file
//   prisma          <name>/migration.sql subdirectories (or migration_lock.toml)
//   rails           <version>_<name>.rb files (code/rails.cpp)
//   typeorm         .ts/.js classes implementing MigrationInterface (code/typeorm.cpp)
//   sequelize       .js/.ts files exporting up(queryInterface) (code/sequelize.cpp)
//   kysely          .ts/.js files exporting up(db: Kysely) (code/kysely.cpp)
//   knex            .js/.ts files exporting up(knex) (code/knex.cpp)
//   db-migrate      <timestamp>-<name>.js files exporting up(db, callback) (code/db_migrate.cpp)
//   bun             <version>_<name>.go files registering a bun migration (code/bun.cpp)
//   xormigrate      a Go package handing xormigrate.New its migrations (code/xormigrate.cpp)
//   go-steps        a Go list of upgrade functions taking a database handle (code/go_steps.cpp)
//   go-register     Go files whose init() registers a migration and the one it follows (code/go_register.cpp)
//   gormigrate      a Go []*gormigrate.Migration{...} list of SQL Migrate functions (code/gormigrate.cpp)
//   go-up-files     <version>_<name>.up.sql beside <version>_<name>.up.go files (code/go_up_files.cpp)
//   liquibase       a master changelog (db.changelog-master.*, or one that includes others)
//   flyway          V<version>__ / R__ file names
//   pop             <version>_<name>.<dialect>.up.sql names (pop.cpp): a file per engine
//   dbmate, goose,  directive comments inside the files (goose: also Go files registering
//                   goose.AddMigration*)
//   sql-migrate
//   maragu-migrate  <name>.up.sql files in a Go module that requires maragu.dev/migrate
//   darwin          one .sql file of `-- Version: 1.01` scripts in a Go module that requires ardanlabs/darwin
//   golang-migrate  <version>_<name>.up.sql / .down.sql names
//   supabase        the supabase/migrations location
//   synapse         common/schema_version.sql beside full_schemas/<N>/ and delta/<N>/ of data stores
//   sqlx            timestamped <version>_<name>.sql files in a "migrations" directory
//   plain           any .sql file
// Adding a format is one file defining its Format (its tracking table, version rules, the command
// that applies it: every fact about the tool is in its row) and one line in each list below.
#include <algorithm>
#include <map>
#include <set>

#include "analyzers/schema/migrations/migration.h"

namespace schemagate::schema::migrations {

// Each is defined in the file of the same name.
extern const Format kDjango;
extern const Format kAlembic;
extern const Format kLnbits;
extern const Format kDrizzle;
extern const Format kPrisma;
extern const Format kRails;
extern const Format kTypeOrm;
extern const Format kSequelize;
extern const Format kKysely;
extern const Format kKnex;
extern const Format kDbMigrate;
extern const Format kBun;
extern const Format kXormigrate;
extern const Format kGoSteps;
extern const Format kGoRegister;
extern const Format kLiquibase;
extern const Format kGormigrate;
extern const Format kGoUpFiles;
extern const Format kFlyway;
extern const Format kDbmate;
extern const Format kGoose;
extern const Format kSqlMigrate;
extern const Format kPop;
extern const Format kMaraguMigrate;
extern const Format kDarwin;
extern const Format kGolangMigrate;
extern const Format kSupabase;
extern const Format kSynapse;
extern const Format kSqlx;
extern const Format kPlain;

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      kDjango, kAlembic, kLnbits, kDrizzle, kPrisma, kRails, kTypeOrm, kSequelize, kKysely, kKnex, kDbMigrate, kBun, kXormigrate, kGoSteps, kGoRegister, kGormigrate, kGoUpFiles, kLiquibase, kFlyway,
      kPop, kDbmate, kGoose, kSqlMigrate, kMaraguMigrate, kDarwin, kGolangMigrate, kSupabase, kSynapse,
      kSqlx, kPlain,
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
  // A project's own runner's table, or an older tool's the code probes before upgrading
  // (hydra_client_migration): named for migrations, made by the runner.
  // A runner's history or an older layout it converts from (migrations_history, migration_version);
  // migration_notes is the application's.
  bool for_migrations = name.starts_with("migration_") || name.starts_with("migrations_");
  bool records = name.ends_with("_history") || name.ends_with("_version") || name.ends_with("_versions");
  return name.ends_with("_migration") || name.ends_with("_migrations") || name.ends_with("_schema_version") ||
         (for_migrations && records);
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

std::vector<std::string> discover_directories(const source::FileSystem& fs, const std::string& root) {
  std::set<std::string> dirs;
  for (const Format& format : formats())
    if (format.discover)
      for (std::string& d : format.discover(fs, root)) dirs.insert(std::move(d));
  return {dirs.begin(), dirs.end()};
}

bool dependencies_defined(const std::vector<const MigrationFile*>& files, std::string* err) {
  for (const Format& format : formats())
    if (format.dependencies_defined && !format.dependencies_defined(files, err)) return false;
  return true;
}

void order_by_dependencies(std::vector<MigrationFile>* files) {
  std::vector<MigrationFile>& f = *files;
  if (!f.empty() && std::all_of(f.begin(), f.end(), [&](const MigrationFile& m) { return m.format == f.front().format; }))
    if (const Format* format = format_named(f.front().format); format && format->order) return format->order(files);
  bool any = std::any_of(f.begin(), f.end(), [](const MigrationFile& m) { return !m.depends_on.empty() || !m.run_before.empty(); });
  if (!any) return;
  std::map<std::string, size_t> by_version;
  std::map<std::string, std::vector<size_t>> by_app;  // "app" of "app.name" versions, for __first__/__latest__
  for (size_t i = 0; i < f.size(); ++i) {
    by_version.emplace(f[i].version, i);
    size_t dot = f[i].version.find('.');
    if (dot != std::string::npos) by_app[f[i].version.substr(0, dot)].push_back(i);
  }
  for (size_t i = 0; i < f.size(); ++i)  // a squashed migration stands for the ones it replaces
    for (const std::string& r : f[i].replaces) by_version.emplace(r, i);
  std::vector<std::set<size_t>> before(f.size());
  for (size_t i = 0; i < f.size(); ++i) {
    for (const std::string& d : f[i].depends_on) {
      if (auto it = by_version.find(d); it != by_version.end()) {
        if (it->second != i) before[i].insert(it->second);
        continue;
      }
      size_t dot = d.find('.');
      if (dot == std::string::npos) continue;
      auto app = by_app.find(d.substr(0, dot));
      if (app == by_app.end()) continue;
      std::string_view which = std::string_view(d).substr(dot + 1);
      for (size_t j : app->second) {
        if (j == i) continue;
        bool root = std::none_of(f[j].depends_on.begin(), f[j].depends_on.end(), [&](const std::string& x) {
          return x.compare(0, dot + 1, d, 0, dot + 1) == 0;
        });
        if (which == "__latest__" || (which == "__first__" && root)) before[i].insert(j);
      }
    }
  }
  for (size_t i = 0; i < f.size(); ++i)  // run_before: the named migration waits for this one
    for (const std::string& r : f[i].run_before)
      if (auto it = by_version.find(r); it != by_version.end() && it->second != i) before[it->second].insert(i);
  // Kahn's algorithm, always taking the earliest ready file; a cycle keeps the rest in order.
  std::vector<MigrationFile> out;
  std::vector<bool> done(f.size(), false);
  while (out.size() < f.size()) {
    size_t pick = f.size();
    for (size_t i = 0; i < f.size() && pick == f.size(); ++i)
      if (!done[i] && std::all_of(before[i].begin(), before[i].end(), [&](size_t j) { return done[j]; })) pick = i;
    if (pick == f.size())
      for (size_t i = 0; i < f.size() && pick == f.size(); ++i)
        if (!done[i]) pick = i;
    done[pick] = true;
    out.push_back(std::move(f[pick]));
  }
  f = std::move(out);
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
