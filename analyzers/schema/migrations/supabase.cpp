// Supabase CLI: "supabase/migrations/<timestamp>_<name>.sql" (its pattern ^([0-9]+)_(.*)\.sql$;
// other files are skipped, as the CLI skips them). The files look like sqlx's or plain ones, so
// the directory's place is what identifies them: a "migrations" directory inside "supabase".
//
// The CLI stores the digits as text in supabase_migrations.schema_migrations and applies files
// in file-name order, so the version keeps leading zeros and ordering is by file name, which for
// the fixed-width timestamps the CLI generates is version order.
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

bool is_versioned(std::string_view file) {
  size_t digits = leading_digits(file).size();
  return digits > 0 && file[digits] == '_';
}

bool is_supabase_directory(std::string_view dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  return dir == "supabase/migrations" || dir.ends_with("/supabase/migrations");
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (!is_supabase_directory(on_disk(root, dir))) return false;
  for (const std::string& file : sql_file_names(fs, root, dir))
    if (is_versioned(file)) return true;
  return false;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : sql_file_names(fs, root, dir)) {  // sorted by name already
    if (!is_versioned(file)) continue;
    std::string_view stem = std::string_view(file).substr(0, file.size() - 4);
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = std::string(leading_digits(stem));
    m.name = std::string(description_after_version(stem));
    m.format = "supabase";
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}


// Supabase CLI: supabase_migrations.schema_migrations(version text, name text?, statements).
std::string tracking_query(const std::string& from, const Relation& table) {
  return "SELECT version::text, " + std::string(table.find_column("name") ? "name" : "NULL::text") + " FROM " + from +
         " ORDER BY version";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows)
    push_applied(out, text_or_null(row[0]), row[1].value_or(""), false, "version=" + text_or_null(row[0]));
}
std::string tracking_bad_row(const TextRow& row) {
  return is_digits(row[0]) ? "" : "version is not a string of digits";
}
const TrackingLayout kTracking{.table = "schema_migrations", .schema = "supabase_migrations", .columns = {"version"},
                               .described = "the Supabase CLI's (version, name, statements)", .query = tracking_query,
                               .width = 2, .read = tracking_read, .text_versions = true, .bad_row = tracking_bad_row};

}  // namespace

extern const Format kSupabase{.name = "supabase", .detect = detect, .load = load, .tracking = &kTracking,
                              .duplicate_versions = DuplicateVersions::Text, .sql_files = true,
                              .apply_command = "supabase db push",
                              .apply_where = " to the linked project; supabase migration up applies it locally"};

}  // namespace schemagate::schema::migrations
