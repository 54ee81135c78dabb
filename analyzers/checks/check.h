// Checks turn requirements into diagnostics. One check per file, one row each in the table in
// checks.cpp. A row says which rule it reports, with which severity, and when it runs: offline
// (against the schema the migrations build), live (against a database, naming pending
// migrations) or deploy (the running code against the schema after the pending migrations).
// A requirement check sees one requirement at a time, whatever produced it (an SQL statement,
// a model declaration); a project check runs once per live run over the migration history.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"
#include "analyzers/report/rules.h"
#include "analyzers/requirements/requirement.h"
#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/schema.h"
#include "analyzers/report/locator.h"
#include "analyzers/sql/pg_parse.h"

namespace schemagate::checks {

/// When a check runs, as a set of modes.
using When = unsigned;
inline constexpr When kOffline = 1u << 0;  ///< the code being checked, against the migrations' schema
inline constexpr When kLive = 1u << 1;     ///< the code being checked, against a database (or a snapshot)
inline constexpr When kDeploy = 1u << 2;   ///< the running code, against the schema after pending migrations
inline constexpr When kAlways = kOffline | kLive | kDeploy;

/// Checking the code that runs in production now (--deployed-ref / --deployed-path) against the
/// schema after the pending migrations: what a migrate-first deploy would do to it.
struct DeployContext {
  std::set<std::string> pending_files;               ///< migrations not yet applied
  std::string label;                                 ///< how the running code is named: "v1.4 (3f2a9c1b0d4e)"
  std::map<std::string, std::string> migration_text; ///< path -> text, for code frames at migrations
};

/// What requirements are judged against in one run.
struct Evaluation {
  When mode = kOffline;  ///< exactly one of kOffline, kLive, kDeploy
  /// The schema once every migration has run: offline the migrations' schema; live the database
  /// with the pending migrations applied; deploy the same, which the running code will meet.
  const schema::Schema* eventual = nullptr;
  /// What the database has now (live), or what the running code was written for (deploy); the
  /// same as `eventual` offline.
  const schema::Schema* current = nullptr;
  std::vector<std::string> search_path;
  const DeployContext* deploy = nullptr;  ///< deploy mode only
  requirements::NotJudged not_judged;     ///< relations that exist although no migration creates them
  /// Each migration file's format ("sequelize", "supabase"): help says how its tool applies it.
  std::map<std::string, std::string> migration_formats;
  /// The schema dump the whole schema comes from, when there is one and no migration (listmonk's
  /// schema.sql, which a new database is created from): where help says to add a missing name.
  std::string only_dump;
};

/// One requirement's surroundings: the run, the unit that produced it, its host file.
struct RequirementContext {
  const Evaluation& eval;
  const requirements::Unit& unit;
  /// Knows the host file and the migrations: places quoted in messages ("used at app.py:12").
  const report::Locator& places;
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
  const report::Locator& places;  ///< knows the migrations: where their objects are
};

/// What migration checks see, with or without a database: the migrations in apply order and
/// what their simulation noted. `pending` (live only): the migrations still to run; the others
/// have run already, so what they do is history, not a problem to report.
struct MigrationsContext {
  const std::vector<schema::migrations::MigrationFile>& migrations;
  const std::vector<schema::DdlNote>& notes;
  const report::Locator& places;  ///< knows the migrations: where their notes are
  const std::set<std::string>* pending = nullptr;
};

struct Check {
  report::Rule rule;
  report::Severity severity;
  When when;
  std::string_view summary;  ///< one line, for --format sarif and docs
  /// Per requirement; null for project-level checks and for rules reported elsewhere
  /// (suppression findings).
  void (*run)(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
              std::vector<report::Diagnostic>* out) = nullptr;
  /// Once per run against a live database; null for requirement checks.
  void (*run_project)(const ProjectContext& project, const Check& self, std::vector<report::Diagnostic>* out) = nullptr;
  /// Once per run over the migrations themselves; null for the others.
  void (*run_migrations)(const MigrationsContext& context, const Check& self,
                         std::vector<report::Diagnostic>* out) = nullptr;

  std::string_view id() const { return report::rule_id(rule); }
};

const std::vector<Check>& checks();

/// The row of `rule`.
const Check& check_for(report::Rule rule);

/// The rule ids of the checks that run in `modes`: a suppression of another rule is neither
/// used nor unused in this run.
std::set<std::string> rules_run_in(When modes);

/// Runs every requirement check of `eval.mode` on `reqs`, appending diagnostics located at their
/// byte offsets (report::Locator::locate turns them into lines). `places` knows the host file
/// and the migrations.
void evaluate(const Evaluation& eval, const requirements::FileRequirements& reqs, const report::Locator& places,
              std::vector<report::Diagnostic>* out);

/// A diagnostic at the requirement's bytes in its host file, underlining `name` there.
report::Diagnostic diagnostic_at(const RequirementContext& ctx, const Check& check, const requirements::Requirement& req,
                                 const std::string& name);

/// "llm_results", or "audit.events" when the schema is not the first of the search path.
std::string display_relation(const std::string& schema, const std::string& relation,
                             const std::vector<std::string>& search_path);

/// The closest name to `name` among `candidates` (edit distance at most a third of its length,
/// at least 1), or "" if none is close.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

/// A diagnostic at `origin` (a migration statement), placed by `places`, with the code frame from `text`.
report::Diagnostic diagnostic_at_migration(const Check& check, const schema::Origin& origin, const report::Locator& places,
                                           const std::string& text);

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

}  // namespace schemagate::checks
