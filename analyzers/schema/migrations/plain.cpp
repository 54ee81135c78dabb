// Plain: a directory of .sql files and no tool, the fallback when no other format claims it.
// Files whose names start with digits ("001_init.sql", "2_x.sql", "0001-x.sql") run in numeric
// order of those digits (so 10 after 9), ties broken by name. Files without a leading number
// ("views.sql") still change the schema, so they are included too, after all numbered ones, in
// name order: in hand-run setups they are typically applied last (views, grants, seeds), and
// leaving them out would hide their tables from the model. "<n>_x.up.sql" beside "<n>_y.sql"
// (a project's own runner that adopted golang-migrate's names for some files) is a numbered
// file like the others; ".down.sql" files are reverse migrations and never run. A runner that
// names its files after Flyway without the "__" ("V0003.Add_Index.up.sql") numbers them after
// the 'V'. Hand-run files go through psql: its meta-commands (a pg_dump's `\restrict KEY`,
// `\connect`) and COPY data are psql's, not SQL the server receives, and are blanked.
//
// No tool records a version, so the version is the number as written ("001"), which is how a
// person refers to the file; unnumbered files have version "".
#include <algorithm>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return !sql_file_names(fs, root, dir).empty();
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : sql_file_names(fs, root, dir)) {
    if (file.ends_with(".down.sql")) continue;  // a reverse migration never runs on the way up
    std::string_view stem = std::string_view(file).substr(0, file.size() - 4);
    if (stem.ends_with(".up")) stem.remove_suffix(3);
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = std::string(numbered_prefix(stem));
    m.name = std::string(description_after_version(stem));
    m.format = "plain";
    files.push_back(std::move(m));
  }
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    bool na = !a.version.empty(), nb = !b.version.empty();
    if (na != nb) return na;
    if (na)
      if (int c = compare_numbers(a.version, b.version); c != 0) return c < 0;
    return a.path < b.path;
  });
  for (MigrationFile& m : files) {
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    blank_psql_meta_commands(&m.sql);
  }
  *out = std::move(files);
  return true;
}

}  // namespace

extern const Format kPlain{.name = "plain", .detect = detect, .load = load, .also_tracked_by = {"*"},
                           .duplicate_versions = DuplicateVersions::NotJudged, .sql_files = true, .catch_all = true};

}  // namespace schemagate::schema::migrations
