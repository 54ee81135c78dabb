// Checks turn resolved references into diagnostics. One check per file, one row each in the
// table in checks.cpp. A check sees one SQL site at a time: the host file, the statement as
// normalised, its resolution against the target schema, and the schema with its history.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"
#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/schema.h"
#include "analyzers/source/line_index.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::checks {

struct SiteContext {
  const std::string& file;        ///< relative path of the host file
  const std::string& host_text;   ///< the host file's text
  const source::LineIndex& lines; ///< its line index
  const sql::SqlText& sql;        ///< the statement, normalised, with host origins
  const sql::Resolution& resolution;  ///< against the eventual schema (after pending migrations)
  const schema::Schema& schema;       ///< the eventual schema
  const std::vector<std::string>& search_path;
  /// Against a live database: the resolution against what it has now, and that schema. Null
  /// offline, where now and eventual are the same.
  const sql::Resolution* current_resolution = nullptr;
  const schema::Schema* current_schema = nullptr;
};

/// What project-level checks see against a live database (or a snapshot): the repository's
/// migrations, their state in the tracking tables, the live schema and the schema the applied
/// migrations build.
struct ProjectContext {
  const std::vector<schema::migrations::MigrationFile>& migrations;
  const std::vector<schema::catalog::MigrationState>& states;
  const schema::Schema& live;
  const schema::Schema& applied;
  std::string migration_dir;  ///< where unknown applied migrations would belong
};

struct Check {
  std::string_view rule;
  report::Severity severity;
  std::string_view summary;  ///< one line, for --format sarif and docs
  /// Per SQL site; null for project-level checks.
  void (*run)(const SiteContext& site, const Check& self, std::vector<report::Diagnostic>* out);
  /// Once per run against a live database; null for site checks.
  void (*run_project)(const ProjectContext& project, const Check& self, std::vector<report::Diagnostic>* out) = nullptr;
};

const std::vector<Check>& checks();

/// A diagnostic located at byte `sql_offset` of the statement, underlining `name` there.
report::Diagnostic diagnostic_at(const SiteContext& site, const Check& check, size_t sql_offset, const std::string& name);

/// "llm_results", or "audit.events" when the schema is not the first of the search path.
std::string display_relation(const std::string& schema, const std::string& relation,
                             const std::vector<std::string>& search_path);

/// The closest name to `name` among `candidates` (edit distance at most a third of its length,
/// at least 1), or "" if none is close.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

/// Double-quotes an identifier as PostgreSQL prints it in messages.
inline std::string quote_ident(const std::string& s) { return "\"" + s + "\""; }

}  // namespace schemagate::checks
