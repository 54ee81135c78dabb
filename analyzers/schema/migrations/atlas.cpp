// Atlas versioned migrations: a directory holding atlas.sum (the integrity file `atlas migrate
// diff` writes) and "<version>_<name>.sql" files, applied in the order of their names. Atlas
// records each revision in atlas_schema_revisions.atlas_schema_revisions(version, description,
// applied, total, error, ...): a revision whose applied statements are fewer than its total
// stopped in the middle (failed).
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return fs.is_file(on_disk(root, source::join_path(dir, "atlas.sum")));
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : sql_file_names(fs, root, dir)) {  // sorted by name, as Atlas applies them
    std::string_view stem = std::string_view(file).substr(0, file.size() - 4);
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = std::string(stem.substr(0, stem.find('_')));
    m.name = std::string(description_after_version(stem));
    m.format = "atlas";
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}

std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT version, description, applied::text, total::text FROM " + from + " ORDER BY version";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows)
    push_applied(out, text_or_null(row[0]), text_or_null(row[1]), text_or_null(row[2]) != text_or_null(row[3]),
                 "version=" + text_or_null(row[0]) + " applied=" + text_or_null(row[2]) + "/" + text_or_null(row[3]));
}
std::string tracking_bad_row(const TextRow& row) {
  if (!is_present(row[0])) return "version is empty or NULL";
  if (!is_digits(row[2]) || !is_digits(row[3])) return "applied/total is not a non-negative integer";
  return "";
}
const TrackingLayout kTracking{.table = "atlas_schema_revisions", .schema = "atlas_schema_revisions",
                               .columns = {"version", "description", "applied", "total"},
                               .described = "Atlas's (version, description, type, applied, total, ...)",
                               .query = tracking_query, .width = 4, .read = tracking_read, .text_versions = true,
                               .bad_row = tracking_bad_row};

}  // namespace

extern const Format kAtlas{.name = "atlas", .detect = detect, .load = load, .tracking = &kTracking,
                           .duplicate_versions = DuplicateVersions::Text, .sql_files = true,
                           .apply_command = "atlas migrate apply"};

}  // namespace schemagate::schema::migrations
