#include <algorithm>

#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_missing_relation(const SiteContext&, const Check&, std::vector<report::Diagnostic>*);
void run_missing_column(const SiteContext&, const Check&, std::vector<report::Diagnostic>*);
void run_pending_migration(const SiteContext&, const Check&, std::vector<report::Diagnostic>*);
void run_failed_migration(const ProjectContext&, const Check&, std::vector<report::Diagnostic>*);
void run_unknown_applied_migration(const ProjectContext&, const Check&, std::vector<report::Diagnostic>*);
void run_schema_drift(const ProjectContext&, const Check&, std::vector<report::Diagnostic>*);
void run_breaks_running_code(const SiteContext&, const Check&, std::vector<report::Diagnostic>*);
void run_not_null_without_default(const SiteContext&, const Check&, std::vector<report::Diagnostic>*);
void run_column_type_change(const SiteContext&, const Check&, std::vector<report::Diagnostic>*);

const std::vector<Check>& checks() {
  static const std::vector<Check> table = {
      {"missing-relation", report::Severity::Error,
       "The code uses a table or view that no migration creates (SQLSTATE 42P01 in production).",
       run_missing_relation},
      {"missing-column", report::Severity::Error,
       "The code uses a column that no migration adds (SQLSTATE 42703 in production).", run_missing_column},
      {"pending-migration", report::Severity::Error,
       "The code uses a relation or column that only a migration not yet applied to the database creates.",
       run_pending_migration},
      {"breaks-running-code", report::Severity::Error,
       "A pending migration drops or renames a relation or column that the code running in production uses.",
       run_breaks_running_code},
      {"not-null-without-default", report::Severity::Error,
       "A pending migration makes a column NOT NULL without a default while the running code INSERTs without it "
       "(SQLSTATE 23502 in production).",
       run_not_null_without_default},
      {"column-type-change", report::Severity::Warning,
       "A pending migration changes the type of a column that the running code reads or writes.",
       run_column_type_change},
      {"failed-migration", report::Severity::Error,
       "A migration failed or is marked dirty in the database: its changes may be half applied.", nullptr,
       run_failed_migration},
      {"unknown-applied-migration", report::Severity::Warning,
       "The database records a migration as applied that the repository does not have.", nullptr,
       run_unknown_applied_migration},
      {"schema-drift", report::Severity::Warning,
       "The database does not match its migration history: an applied migration creates something it lacks.",
       nullptr, run_schema_drift},
  };
  return table;
}

report::Diagnostic diagnostic_at(const SiteContext& site, const Check& check, size_t sql_offset, const std::string& name) {
  report::Diagnostic d;
  d.rule = std::string(check.rule);
  d.severity = check.severity;
  d.file = site.file;
  size_t host = site.sql.host_offset(sql_offset);
  auto pos = site.lines.position(host);
  d.line = pos.line;
  d.column = pos.column;
  d.source_line = std::string(site.lines.line_text(pos.line));
  // Underline the name when the host text spells it there (it may be quoted or folded).
  int width = 0;
  for (char c : name)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  d.width = std::max(1, width);
  return d;
}

report::Diagnostic diagnostic_at_migration(const Check& check, const schema::Origin& origin, const std::string& text) {
  report::Diagnostic d;
  d.rule = std::string(check.rule);
  d.severity = check.severity;
  d.file = origin.file;
  d.line = origin.line;
  d.migration = origin.file;
  source::LineIndex lines(text);
  std::string_view line = lines.line_text(origin.line);
  size_t first = line.find_first_not_of(" \t");
  d.column = first == std::string_view::npos ? 1 : static_cast<int>(first) + 1;
  d.source_line = std::string(line);
  d.width = static_cast<int>(line.size() - (first == std::string_view::npos ? line.size() : first));
  if (d.width < 1) d.width = 1;
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
