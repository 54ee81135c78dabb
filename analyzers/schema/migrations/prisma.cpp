// Prisma Migrate: one directory per migration, "<timestamp>_<name>/migration.sql", next to a
// migration_lock.toml that only records the provider (ignored). Prisma applies the directories
// in name order and records the directory name as migration_name, which is the version here.
// A migration directory without migration.sql makes Prisma stop (P3015), and so does it here.
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

constexpr const char* kScript = "migration.sql";

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::string base = on_disk(root, dir);
  if (fs.is_file(source::join_path(base, "migration_lock.toml"))) return true;
  for (const source::DirEntry& entry : fs.list(base))
    if (entry.is_dir && fs.is_file(source::join_path(source::join_path(base, entry.name), kScript)))
      return true;
  return false;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const source::DirEntry& entry : fs.list(on_disk(root, dir))) {  // sorted by name
    if (!entry.is_dir) continue;
    MigrationFile m;
    m.path = source::join_path(source::join_path(dir, entry.name), kScript);
    m.version = entry.name;
    m.name = std::string(description_after_version(entry.name));
    m.format = "prisma";
    if (!fs.is_file(on_disk(root, m.path))) {
      if (err)
        *err = m.path + ": missing; Prisma refuses a migration directory without it (P3015): "
                        "restore the file or delete the directory";
      return false;
    }
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}

}  // namespace

extern const Format kPrisma{"prisma", detect, load};

}  // namespace schemagate::schema::migrations
