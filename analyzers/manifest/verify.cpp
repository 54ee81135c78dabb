// The requirement checks want a host file's bytes to place a finding; verify has none. Each
// place of each requirement becomes one requirement whose span begins at the place's index, and
// the index is turned back into the manifest's file:line:column once the checks have run.
#include "analyzers/manifest/verify.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "analyzers/checks/check.h"

namespace schemagate::manifest {
namespace {

using schema::catalog::MigrationStatus;

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

requirements::Requirement requirement_of(const Entry& e) {
  requirements::Requirement r;
  r.object = e.object;
  r.schema = e.schema;
  r.relation = e.relation;
  r.column = e.column;
  r.candidates = e.candidates;
  return r;
}

/// What `migration` (a file of the manifest) creates, added to `eventual`: the relation, and the
/// column for a column requirement, with the manifest's origin.
void add_created(const Entry& e, schema::Schema* eventual) {
  schema::Relation* rel = eventual->find(e.schema, e.relation);
  if (!rel) {
    eventual->add_schema(e.schema);
    schema::Relation r;
    r.schema = e.schema;
    r.name = e.relation;
    r.columns_complete = false;  // only what the manifest says is known
    r.origin = e.created_by;
    rel = &eventual->add(std::move(r));
  }
  if (e.object == requirements::Object::Column && !rel->find_column(e.column)) {
    schema::Column c;
    c.name = e.column;
    c.origin = e.created_by;
    rel->columns.push_back(std::move(c));
  }
}

report::Diagnostic drift(const Entry& e, const Place& p, const std::vector<std::string>& search_path) {
  const checks::Check& rule = checks::check_for(report::Rule::SchemaDrift);
  report::Diagnostic d;
  d.rule = std::string(rule.id());
  d.severity = report::Severity::Error;  // the code needs it: unlike project-level drift, this fails in production
  d.file = p.file;
  d.line = p.line;
  d.column = p.column;
  d.relation = e.schema + "." + e.relation;
  d.migration = e.created_by.file;
  std::string shown = checks::display_relation(e.schema, e.relation, search_path);
  const std::string& name = e.object == requirements::Object::Column ? e.column : e.relation;
  int width = 0;
  for (char c : name) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  d.width = std::max(1, width);
  if (e.object == requirements::Object::Column) {
    d.column_name = e.column;
    d.message = "column " + checks::quote_ident(e.column) + " of relation " + checks::quote_ident(shown) +
                " does not exist in the database (SQLSTATE 42703 in production), although applied migration " +
                e.created_by.file + " adds it: the database has drifted from its migrations";
  } else {
    d.message = "relation " + checks::quote_ident(shown) +
                " does not exist in the database (SQLSTATE 42P01 in production), although applied migration " +
                e.created_by.file + " creates it: the database has drifted from its migrations";
  }
  d.notes.push_back(report::note_at(e.created_by, e.object == requirements::Object::Column ? "added here" : "created here"));
  d.help = "restore it with a new migration (the database no longer matches " + e.created_by.file +
           "), then deploy";
  return d;
}

}  // namespace

bool verify(const Manifest& manifest, const schema::catalog::CatalogSnapshot& snapshot, Verification* out,
            std::string* err) {
  namespace catalog = schema::catalog;
  *out = {};
  if (!catalog::check_tracking_agreement(snapshot.tracking, err)) return false;
  std::vector<schema::migrations::MigrationFile> files = migration_files(manifest);
  catalog::RecordedKeys keys;
  for (auto& m : manifest.migrations)
    if (!m.drizzle_when.empty()) keys[m.version] = m.drizzle_when;
  out->states = catalog::classify_migrations(files, snapshot.tracking, keys);

  std::map<std::string, MigrationStatus> status_of;
  size_t known = 0;
  for (size_t i = 0; i < files.size() && i < out->states.size(); ++i) {
    status_of[files[i].path] = out->states[i].status;
    known += out->states[i].status == MigrationStatus::Applied || out->states[i].status == MigrationStatus::Failed;
  }
  if (!files.empty() && known == 0) {
    std::string why = snapshot.tracking.empty() ? "no migration tracking table found"
                                                : snapshot.tracking.front().table + " records none of them";
    out->migration_set_warning = "the database knows none of the manifest's " + std::to_string(files.size()) +
                                 " migrations (" + why +
                                 "): every migration counts as not applied, so a requirement one of them creates is "
                                 "reported as pending-migration";
  }

  // Project-level findings that need only the tracking tables: failed and unknown migrations.
  std::string dir = manifest.migrations.empty() ? "migrations" : directory_of(manifest.migrations.front().path);
  schema::Schema none;
  const report::Locator no_text;  // no source tree: a manifest's places are the lines it recorded
  checks::ProjectContext project{files, out->states, snapshot.schema, none, dir, no_text};
  for (report::Rule rule : {report::Rule::FailedMigration, report::Rule::UnknownAppliedMigration}) {
    const checks::Check& c = checks::check_for(rule);
    c.run_project(project, c, &out->diagnostics);
  }

  const std::vector<std::string>& search_path = manifest.search_path.empty() ? snapshot.search_path : manifest.search_path;
  schema::Schema eventual = snapshot.schema;
  requirements::FileRequirements reqs;
  std::vector<const Place*> places;  // span.begin -> place
  std::vector<const Entry*> entries;
  for (const Entry& e : manifest.requirements) {
    if (!e.unchecked.empty()) {
      ++out->unchecked;
      continue;
    }
    requirements::Requirement r = requirement_of(e);
    requirements::Presence now = requirements::presence(r, snapshot.schema);
    if (now == requirements::Presence::Present) {
      ++out->present;
      continue;
    }
    if (now == requirements::Presence::Unknown) {
      ++out->unchecked;
      continue;
    }
    ++out->absent;
    if (!e.created_by.empty()) {
      auto st = status_of.find(e.created_by.file);
      if (st != status_of.end() && st->second == MigrationStatus::Applied) {
        for (auto& p : e.places) out->diagnostics.push_back(drift(e, p, search_path));
        continue;
      }
      add_created(e, &eventual);
    }
    for (const Place& p : e.places) {
      requirements::Unit unit;
      unit.file = p.file;
      reqs.units.push_back(std::move(unit));
      requirements::Requirement one = r;
      one.use = p.use;
      one.unit = reqs.units.size() - 1;
      one.span = {static_cast<uint32_t>(places.size()), static_cast<uint32_t>(places.size())};
      places.push_back(&p);
      reqs.requirements.push_back(std::move(one));
    }
  }

  checks::Evaluation eval;
  eval.mode = checks::kLive;
  eval.current = &snapshot.schema;
  eval.eventual = &eventual;
  eval.search_path = search_path;
  std::vector<report::Diagnostic> found;
  checks::evaluate(eval, reqs, no_text, &found);
  for (auto& d : found) {
    if (d.offset && *d.offset < places.size()) {
      const Place& p = *places[*d.offset];
      d.file = p.file;
      d.line = p.line;
      d.column = p.column;
    }
    d.offset.reset();
    d.fingerprint_text.clear();
    out->diagnostics.push_back(std::move(d));
  }
  std::set<std::tuple<std::string, int, int, std::string, std::string>> seen;
  std::vector<report::Diagnostic> unique;
  for (auto& d : out->diagnostics)
    if (seen.insert({d.file, d.line, d.column, d.rule, d.message}).second) unique.push_back(std::move(d));
  out->diagnostics = std::move(unique);
  std::stable_sort(out->diagnostics.begin(), out->diagnostics.end(), report::diagnostic_less);
  return true;
}

}  // namespace schemagate::manifest
