#include <algorithm>

#include "analyzers/checks/check.h"

namespace schemagate::checks {

using requirements::Requirement;

void run_missing_relation(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_missing_column(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_missing_unique_index(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_missing_function(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_insert_arity(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_invalid_enum_value(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_pending_migration(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_breaks_running_code(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_not_null_without_default(const RequirementContext&, const Requirement&, const Check&,
                                  std::vector<report::Diagnostic>*);
void run_column_type_change(const RequirementContext&, const Requirement&, const Check&, std::vector<report::Diagnostic>*);
void run_failed_migration(const ProjectContext&, const Check&, std::vector<report::Diagnostic>*);
void run_unknown_applied_migration(const ProjectContext&, const Check&, std::vector<report::Diagnostic>*);
void run_schema_drift(const ProjectContext&, const Check&, std::vector<report::Diagnostic>*);
void run_modified_applied_migration(const ProjectContext&, const Check&, std::vector<report::Diagnostic>*);
void run_broken_migration(const MigrationsContext&, const Check&, std::vector<report::Diagnostic>*);

const std::vector<Check>& checks() {
  using report::Rule;
  using report::Severity;
  static const std::vector<Check> table = {
      {Rule::MissingRelation, Severity::Error, kOffline | kLive,
       "The code uses a table or view that no migration creates (SQLSTATE 42P01 in production).",
       run_missing_relation},
      {Rule::MissingColumn, Severity::Error, kOffline | kLive,
       "The code uses a column that no migration adds (SQLSTATE 42703 in production).", run_missing_column},
      {Rule::MissingUniqueIndex, Severity::Error, kOffline | kLive,
       "INSERT ... ON CONFLICT names columns that no unique index or constraint covers exactly (SQLSTATE 42P10 in "
       "production).",
       run_missing_unique_index},
      {Rule::MissingFunction, Severity::Error, kOffline | kLive,
       "The code calls a function or procedure that neither PostgreSQL nor any migration creates with that many "
       "arguments (SQLSTATE 42883 in production).",
       run_missing_function},
      {Rule::InvalidEnumValue, Severity::Error, kOffline | kLive,
       "The code compares with, writes or casts to an enum type a string that is not one of its labels (SQLSTATE "
       "22P02 in production).",
       run_invalid_enum_value},
      {Rule::InsertArity, Severity::Error, kOffline | kLive,
       "An INSERT gives more values than it has target columns, or fewer values than the columns it lists (SQLSTATE "
       "42601 in production).",
       run_insert_arity},
      {Rule::SyntaxError, Severity::Error, kOffline | kLive,
       "A database call sends a statement that PostgreSQL cannot parse (SQLSTATE 42601 in production).", nullptr},
      {Rule::PendingMigration, Severity::Error, kLive,
       "The code uses a relation, column, function, enum label or unique index that only a migration not yet "
       "applied to the database creates.",
       run_pending_migration},
      {Rule::BreaksRunningCode, Severity::Error, kDeploy,
       "A pending migration drops or renames a relation or column that the code running in production uses.",
       run_breaks_running_code},
      {Rule::NotNullWithoutDefault, Severity::Error, kDeploy,
       "A pending migration makes a column NOT NULL without a default while the running code INSERTs without it "
       "(SQLSTATE 23502 in production).",
       run_not_null_without_default},
      {Rule::ColumnTypeChange, Severity::Warning, kDeploy,
       "A pending migration changes the type of a column that the running code reads or writes.",
       run_column_type_change},
      {Rule::FailedMigration, Severity::Error, kLive,
       "A migration failed or is marked dirty in the database: its changes may be half applied.", nullptr,
       run_failed_migration},
      {Rule::UnknownAppliedMigration, Severity::Warning, kLive,
       "The database records a migration as applied that the repository does not have.", nullptr,
       run_unknown_applied_migration},
      {Rule::SchemaDrift, Severity::Warning, kLive,
       "The database does not match its migration history: an applied migration creates something it lacks.",
       nullptr, run_schema_drift},
      {Rule::ModifiedAppliedMigration, Severity::Error, kLive,
       "A migration file changed after the database applied it (Flyway, Prisma and sqlx record checksums): the "
       "schema built from the files is not what the database got.",
       nullptr, run_modified_applied_migration},
      {Rule::BrokenMigration, Severity::Error, kOffline | kLive,
       "A migration alters, renames or drops a table or column that does not exist at that point: PostgreSQL "
       "rejects it (SQLSTATE 42P01 / 42703) and the migration run stops.",
       nullptr, nullptr, run_broken_migration},
      // Reported by the deep check (pipeline/deep_check.cpp), only with --postgres: PostgreSQL itself
      // rejects a statement of the code, or a migration, on a scratch database.
      {Rule::PostgresRejects, Severity::Error, kOffline | kLive,
       "With --postgres: PostgreSQL, on a scratch database the migrations built, rejects a statement of the code "
       "(a wrong overload, a type mismatch, an ambiguous column, an invalid enum literal, ...) or a migration.",
       nullptr},
      // Reported while findings are filtered (report/suppressions.cpp), in every mode.
      {Rule::UnusedSuppression, Severity::Warning, kAlways,
       "A schemagate-ignore comment that suppresses nothing or is malformed."},
      {Rule::InvalidSuppression, Severity::Warning, kAlways,
       "A schemagate-ignore comment that suppresses nothing or is malformed."},
  };
  return table;
}

const Check& check_for(report::Rule rule) {
  for (auto& c : checks())
    if (c.rule == rule) return c;
  return checks().front();  // unreachable: every rule has a row
}

std::set<std::string> rules_run_in(When modes) {
  std::set<std::string> ran;
  for (auto& c : checks())
    if (c.when & modes) ran.emplace(c.id());
  return ran;
}

void evaluate(const Evaluation& eval, const requirements::FileRequirements& reqs, const report::Locator& places,
              std::vector<report::Diagnostic>* out) {
  for (auto& req : reqs.requirements) {
    const requirements::Unit& unit = reqs.units[req.unit];
    RequirementContext ctx{eval, unit, places};
    size_t before = out->size();
    for (auto& check : checks())
      if (check.run && (check.when & eval.mode)) check.run(ctx, req, check, out);
    for (size_t i = before; i < out->size(); ++i) {
      auto& d = (*out)[i];
      // The statement identifies a finding in baselines, not its line: one that moves keeps it.
      d.fingerprint_text = unit.fingerprint_text;
      // A data layer's requirement: say how the framework needs it.
      if (!req.describe.empty()) d.notes.insert(d.notes.begin(), report::Note{"", 0, req.describe});
      // A text a function rewrote (a table name replaced): say how, the span shows the code's.
      if (!unit.rewritten.empty())
        d.notes.insert(d.notes.begin(), report::Note{"", 0, "the statement is checked " + unit.rewritten});
      // SQL defined in one place and run in another (a constant): say where it runs.
      if (!unit.runs_through.empty())
        d.notes.insert(d.notes.begin(), report::Note{unit.file, 0, "the statement runs here, through " + unit.runs_through + "()",
                                                     unit.runs_at});
    }
  }
}

report::Diagnostic diagnostic_at(const RequirementContext& ctx, const Check& check, const Requirement& req,
                                 const std::string& name) {
  report::Diagnostic d;
  d.rule = std::string(check.id());
  d.severity = check.severity;
  d.file = ctx.unit.file;
  d.offset = req.span.begin;
  int width = 0;
  for (char c : name)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  d.width = std::max(1, width);
  return d;
}

report::Diagnostic diagnostic_at_migration(const Check& check, const schema::Origin& origin, const report::Locator& places,
                                           const std::string& text) {
  report::Diagnostic d;
  d.rule = std::string(check.id());
  d.severity = check.severity;
  d.migration = origin.file;
  places.locate_line(&d, origin, text);
  return d;
}

std::string display_relation(const std::string& schema, const std::string& relation,
                             const std::vector<std::string>& search_path) {
  if (schema.empty() || (!search_path.empty() && search_path.front() == schema)) return relation;
  return schema + "." + relation;
}

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
  size_t limit = std::max<size_t>(1, name.size() / 3);
  std::string best;
  size_t best_d = limit + 1;
  for (auto& c : candidates) {
    size_t d = edit_distance(name, c);
    if (d < best_d || (d == best_d && c < best)) {
      best_d = d;
      best = c;
    }
  }
  return best_d <= limit ? best : "";
}

}  // namespace schemagate::checks
