// Tables created at run time under names the code builds. A job queue that makes one table per
// dataset runs `CREATE TABLE %q` on a name its package formats as fmt.Sprintf("%s_jobs_%s",
// prefix, index); a project's own migrator renders `CREATE TABLE {{.Prefix}}_journal` once per
// queue from a migration template. No migration creates gw_jobs_1 or rt_journal, yet they exist
// when the code runs, and the tests query them by name. A reference to a table the schema lacks
// whose name fits such a form is unchecked, not missing. A form is taken only from where the
// creation is (the creating file's Go package, the template's own text), and it has a literal
// word of its own (`_jobs_`): any other unknown table stays missing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::pipeline {

/// A form of table name: literal parts around run-time parts.
struct NameForm {
  std::string form;   ///< lower case, sql::kHole where a run-time part stands ("\x01_jobs_\x01")
  std::string shown;  ///< as written: "%s_jobs_%s", "{{.Prefix}}_journal"
  std::string file;   ///< root-relative, where it is written
  int line = 0;
};

/// Whether `name` (any case) fits `form`: each kHole stands for one or more letters, digits or
/// underscores, the rest is equal ignoring case.
bool fits_name_form(std::string_view form, std::string_view name);

/// Whether a created name with run-time parts (`\x01_jobs_\x01`) is a form of its own: it holds
/// a literal word of two letters or more besides them.
bool is_name_form(std::string_view name);

/// The table names the Go package in root-relative `dir` formats: the format of each
/// fmt.Sprintf call (tests aside) that is name characters and verbs alone ("%s_jobs_%s",
/// "%[1]s_job_status_%[2]s") and is a form (is_name_form). Where the package creates a table whose
/// whole name is given at run time, these are the names it may be.
std::vector<NameForm> go_package_name_forms(const source::FileSystem& fs, const std::string& root, const std::string& dir);

/// The tables migration templates create under templated names: `CREATE TABLE [IF NOT EXISTS]
/// {{.Prefix}}_buffered_partitions` in a `.tmpl` file below a folder whose name says migrations
/// (`sql/migrations/jobsdb/000001_create_tables.up.tmpl`), which the project's own migrator
/// renders with text/template; no migration format applies them. `files`: root-relative.
std::vector<NameForm> templated_migration_tables(const source::FileSystem& fs, const std::string& root,
                                                 const std::vector<std::string>& files);

}  // namespace schemagate::pipeline
