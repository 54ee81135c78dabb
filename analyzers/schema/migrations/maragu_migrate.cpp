// maragu.dev/migrate (formerly github.com/maragudk/migrate): a directory of "<version>.up.sql"
// files (also "<version>_up.sql": see version_of) whose version is any [\w-]+ stem, applied in the
// order of their names as text, with no number parsed out of them. "0001_a.up.sql" and
// "0001_b.up.sql" are two versions ("0001_a" < "0001_b"), which golang-migrate would refuse as one
// duplicated version 1: so the same directory needs this format whenever the Go module that
// embeds it depends on the library. Its table `migrations` holds one row, the newest applied
// version as text ('' before the first); every name that sorts at or before it counts as
// applied. Down files never run on the way up.
#include <algorithm>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"

namespace schemagate::schema::migrations {

namespace {

/// The library's pattern ^([\w-]+).up.sql$, whose dots are regexp wildcards: the stem is the name
/// before any one character and "up.sql", so "0021_add_up.sql" is version "0021_add" as surely as
/// "0021_add.up.sql" is (Go's \w is ASCII letters, digits and '_'). "" when the name is not one.
std::string_view version_of(std::string_view file) {
  constexpr std::string_view kTail = "up.sql";  // only ".sql" files are listed: the second dot is a dot
  if (!file.ends_with(kTail) || file.size() < kTail.size() + 2) return {};
  std::string_view stem = file.substr(0, file.size() - kTail.size() - 1);
  for (char c : stem)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return {};
  return stem;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> names = sql_file_names(fs, root, dir);
  bool up = std::any_of(names.begin(), names.end(), [](const std::string& f) { return !version_of(f).empty(); });
  return up && go_module_requires(fs, root, dir, {"maragu.dev/migrate", "github.com/maragudk/migrate"});
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  for (const std::string& file : sql_file_names(fs, root, dir)) {  // sorted by name, as the library reads them
    std::string_view version = version_of(file);
    if (version.empty()) continue;
    MigrationFile m;
    m.path = source::join_path(dir, file);
    m.version = std::string(version);
    m.name = std::string(version);
    m.format = "maragu-migrate";
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}

// migrations(version text not null), one row: the newest applied name; '' is none yet.
std::string tracking_query(const std::string& from, const Relation&) { return "SELECT version FROM " + from; }
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  if (!rows.empty() && rows[0][0] && !rows[0][0]->empty())
    push_applied(out, *rows[0][0], "", false, "version=" + *rows[0][0], true);
}
const TrackingLayout kTracking{.table = "migrations", .schema = "", .columns = {"version"},
                               .described = "maragu.dev/migrate's (version)", .query = tracking_query, .width = 1,
                               .read = tracking_read, .text_versions = true, .one_row = true};

}  // namespace

extern const Format kMaraguMigrate{.name = "maragu-migrate", .detect = detect, .load = load, .tracking = &kTracking,
                                   .sql_files = true};

}  // namespace schemagate::schema::migrations
