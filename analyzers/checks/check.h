// Checks turn resolved references into diagnostics. One check per file, one row each in the
// table in checks.cpp. A check sees one SQL site at a time: the host file, the statement as
// normalised, its resolution against the target schema, and the schema with its history.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"
#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/schema.h"
#include "analyzers/source/line_index.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::checks {

/// Checking the code that runs in production now (--deployed-ref / --deployed-path) against the
/// schema after the pending migrations: what a migrate-first deploy would do to it.
struct DeployContext {
  std::set<std::string> pending_files;               ///< migrations not yet applied
  std::string label;                                 ///< how the running code is named: "v1.4 (3f2a9c1b0d4e)"
  std::map<std::string, std::string> migration_text; ///< path -> text, for code frames at migrations
};

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
  /// Non-null when this site belongs to the running code, not the code being deployed.
  const DeployContext* deploy = nullptr;
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

/// A diagnostic at `origin` (a migration statement), with the code frame from `text`.
report::Diagnostic diagnostic_at_migration(const Check& check, const schema::Origin& origin, const std::string& text);

/// Double-quotes an identifier as PostgreSQL prints it in messages.
inline std::string quote_ident(const std::string& s) { return "\"" + s + "\""; }

/// An identifier as SQL that schemagate suggests must spell it: bare when PostgreSQL reads it
/// back unchanged (^[a-z_][a-z0-9_$]*$ and not a keyword that cannot name a table or column:
/// user, order, group, select, table, ...), else double-quoted with inner quotes doubled:
/// sql_ident("createdAt") is "\"createdAt\"". PostgreSQL's own grammar decides the keywords.
inline std::string sql_ident(const std::string& name) {
  bool bare = !name.empty() && !(name[0] >= '0' && name[0] <= '9') && name[0] != '$';
  for (char c : name) bare = bare && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$');
  if (bare) {
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError err;
    bare = sql::parse("ALTER TABLE " + name + " ADD COLUMN " + name + " int", &stmts, &err);
  }
  if (bare) return name;
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

/// A candidate that differs from `name` only in letter case ("createdAt" for createdat, which
/// the code wrote unquoted and PostgreSQL folded), or "". The first in `candidates` order.
inline std::string case_variant(const std::string& name, const std::vector<std::string>& candidates) {
  auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  std::string folded = lower(name);
  for (auto& c : candidates)
    if (c != name && lower(c) == folded) return c;
  return "";
}

/// Whether the statement spelled `name` (as resolved) in double quotes: a name with upper case
/// must have been; a lower-case one was when the text at `offset` is the quoted name.
inline bool written_quoted(const SiteContext& site, size_t offset, const std::string& name) {
  for (char c : name)
    if (c >= 'A' && c <= 'Z') return true;
  return offset < site.sql.text.size() && site.sql.text.compare(offset, name.size() + 2, "\"" + name + "\"") == 0;
}

}  // namespace schemagate::checks
