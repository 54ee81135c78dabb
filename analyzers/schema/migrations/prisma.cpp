// Prisma Migrate: one directory per migration, "<timestamp>_<name>/migration.sql", next to a
// migration_lock.toml that only records the provider (ignored). Prisma applies the directories
// in name order and records the directory name as migration_name, which is the version here.
// A migration directory without migration.sql makes Prisma stop (P3015), and so does it here,
// unless it holds a migration.ts / migration.js instead: a data migration that the project's own
// runner applies in the same order (and records elsewhere), which changes rows, not the schema.
#include <algorithm>
#include <map>

#include "analyzers/schema/catalog/checksums.h"
#include "analyzers/schema/catalog/sha256.h"
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
      std::string folder = on_disk(root, source::join_path(dir, entry.name));
      if (fs.is_file(source::join_path(folder, "migration.ts")) || fs.is_file(source::join_path(folder, "migration.js")))
        continue;
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


// Prisma: _prisma_migrations(id, checksum, finished_at, migration_name, logs, rolled_back_at,
// started_at, applied_steps_count), one row per attempt. Applied: an attempt finished and was
// not rolled back. Failed: an attempt neither finished nor was rolled back (Prisma refuses to
// deploy then, P3009).
std::string tracking_query(const std::string& from, const Relation& table) {
  return "SELECT migration_name, (finished_at IS NOT NULL)::text, (rolled_back_at IS NOT NULL)::text" +
         std::string(table.find_column("checksum") ? ", checksum" : "") + " FROM " + from + " ORDER BY started_at, id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  std::vector<std::string> order;
  std::map<std::string, std::pair<bool, bool>> seen;  // name -> {applied, failed}
  std::map<std::string, std::string> checksums;       // name -> the applied attempt's checksum
  for (const TextRow& row : rows) {
    std::string name = text_or_null(row[0]);
    if (!seen.count(name)) order.push_back(name);
    bool finished = is_true(row[1]), rolled_back = is_true(row[2]);
    if (finished && !rolled_back) checksums[name] = checksum_of(row, 3);
    seen[name].first |= finished && !rolled_back;
    seen[name].second |= !finished && !rolled_back;
  }
  for (const std::string& name : order) {
    auto [applied, failed] = seen[name];
    if (failed) push_applied(out, name, "", true, "migration_name=" + name + " finished_at=NULL rolled_back_at=NULL");
    else if (applied) push_applied(out, name, "", false, "migration_name=" + name, false, checksums[name]);
  }
}
std::string tracking_bad_row(const TextRow& row) {
  if (!is_present(row[0])) return "the migration name is empty or NULL";
  if (!is_boolean(row[1]) || !is_boolean(row[2])) return "finished/rolled back is not a boolean";
  return "";
}
// SHA-256 of the file; Prisma also accepts the file with its line endings changed, so the variant
// it recorded is the one given when it is one of them.
std::string replace_all(std::string_view in, std::string_view from, std::string_view to) {
  std::string out;
  size_t pos = 0;
  for (size_t at; (at = in.find(from, pos)) != std::string_view::npos; pos = at + from.size())
    out.append(in.substr(pos, at - pos)).append(to);
  return out.append(in.substr(pos));
}
std::string tracking_checksum(std::string_view file, const std::string& recorded) {
  std::string plain = catalog::sha256_hex(file);
  if (plain == recorded) return plain;
  std::string lf = replace_all(file, "\r\n", "\n");
  for (const std::string& variant : {catalog::sha256_hex(lf), catalog::sha256_hex(replace_all(lf, "\n", "\r\n"))})
    if (variant == recorded) return variant;
  return plain;
}
const TrackingLayout kTracking{.table = "_prisma_migrations", .schema = "",
                               .columns = {"id", "migration_name", "finished_at", "rolled_back_at", "started_at"},
                               .described = "Prisma's (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, "
                               "applied_steps_count)",
                               .query = tracking_query, .width = 3, .read = tracking_read, .text_versions = true,
                               .baseline_covers_unlisted = false, .records_checksum = true,
                               .bad_row = tracking_bad_row, .checksum = tracking_checksum};

}  // namespace

extern const Format kPrisma{.name = "prisma", .detect = detect, .load = load, .tracking = &kTracking,
                            .duplicate_versions = DuplicateVersions::NotJudged, .sql_files = true,
                            .apply_command = "npx prisma migrate deploy"};

}  // namespace schemagate::schema::migrations
