#include "analyzers/pipeline/run.h"

#include <algorithm>

#include "analyzers/report/suppressions.h"

namespace schemagate::pipeline {
namespace {

/// --postgres with several services (offline): one scratch database per service, migrated with
/// its own sets, PREPAREs the statements of its code. Shared code and tests (no single owner) are
/// not prepared: their database is not known, and every set in one database may not even migrate
/// (two services' own `users` tables); their static check stands. The findings and counts are merged.
bool deep_check_services(const DeepOptions& deep, const source::FileSystem& fs, const Options& options,
                         const SchemaBuild& build, CodeScan* scan, std::vector<report::Diagnostic>* at_migrations,
                         DeepSummary* summary, std::string* err) {
  size_t unowned = 0;
  for (const CheckedStatement& st : scan->statements) unowned += service_of(build.services, st.file) == nullptr;
  if (unowned)
    summary->not_judged_at.push_back(std::to_string(unowned) + " statement" + (unowned == 1 ? "" : "s") +
                                     " of shared code or tests, owned by no single service, not prepared: their database is not known");
  std::vector<report::Diagnostic> found;
  size_t databases = 0;
  for (const Service& service : build.services) {
    const Service* owner = &service;
    CodeScan part;
    part.sites = scan->sites;
    part.diagnostics = scan->diagnostics;
    for (const CheckedStatement& st : scan->statements)
      if (service_of(build.services, st.file) == owner) part.statements.push_back(st);
    if (part.statements.empty()) continue;
    SchemaBuild own;
    own.migrations = owner->migrations;
    own.baseline = owner->baseline;
    DeepSummary s;
    std::vector<report::Diagnostic> migrations_found;
    Options service_options = options;
    if (!owner->search_path.empty()) service_options.search_path = owner->search_path;
    if (!deep_check(deep, fs, service_options, own, nullptr, &part, &migrations_found, &s, err)) return false;
    for (auto& d : part.diagnostics)
      if (d.rule == report::rule_id(report::Rule::PostgresRejects)) found.push_back(std::move(d));
    for (auto& d : migrations_found)
      if (std::none_of(at_migrations->begin(), at_migrations->end(), [&](const report::Diagnostic& a) {
            return a.file == d.file && a.line == d.line && a.message == d.message;
          }))
        at_migrations->push_back(std::move(d));
    summary->database = ++databases == 1 ? s.database : std::to_string(databases) + " scratch databases, one per service";
    summary->migration_statements += s.migration_statements;
    summary->migrations_complete = summary->migrations_complete && s.migrations_complete;
    summary->statements += s.statements;
    summary->rejected += s.rejected;
    summary->not_judged += s.not_judged;
    summary->not_judged_at.insert(summary->not_judged_at.end(), s.not_judged_at.begin(), s.not_judged_at.end());
    summary->already_reported += s.already_reported;
    summary->already_reported_at.insert(summary->already_reported_at.end(), s.already_reported_at.begin(),
                                        s.already_reported_at.end());
    summary->setup_seconds += s.setup_seconds;
    summary->migrate_seconds += s.migrate_seconds;
    summary->prepare_seconds += s.prepare_seconds;
  }
  for (auto& d : found) {
    if (d.severity == report::Severity::Error) ++scan->summary.errors;
    if (d.severity == report::Severity::Warning) ++scan->summary.warnings;
    scan->diagnostics.push_back(std::move(d));
  }
  std::stable_sort(scan->diagnostics.begin(), scan->diagnostics.end(), report::diagnostic_less);
  return true;
}

}  // namespace

bool check_code(const Plan& plan, const SchemaBuild& build, Outcome* out, std::string* err) {
  const source::FileSystem& fs = *plan.fs;
  Options options = plan.options;
  // The deep check PREPAREs the checked statements and reads their references; a live run's
  // drift check reads the references.
  options.keep.statements = options.keep.statements || plan.deep;
  options.keep.references = options.keep.references || plan.deep || plan.catalog;
  Targets targets{&build.schema, &build.schema, nullptr, false};
  if (!build.services.empty()) {
    if (plan.running) {
      *err = one_database_per_service(build.services, "the running code (--deployed-ref / --deployed-path)");
      return false;
    }
    targets.services = &build.services;
  }
  if (plan.catalog) {
    if (!prepare_live(fs, plan.options, build, *plan.catalog, &out->live, err)) return false;
    options.search_path = out->live.search_path;
    options.search_path_given = true;  // the database's own search path is the truth
    targets = {plan.assume_migrated ? &out->live.eventual : &out->live.snapshot.schema, &out->live.eventual, nullptr,
               true};
    out->live_mode = true;
  }
  if (!scan_code(fs, options, build, targets, &out->scan, err)) return false;
  if (plan.catalog) {
    explain_drift(out->live, &out->scan.diagnostics);
    report::Locator places = migration_places(build);  // the notes it adds point into migrations
    for (auto& d : out->scan.diagnostics) places.locate(&d);
  }
  if (plan.catalog) drift_in_code(out->live, out->scan.sites, &out->live.diagnostics);
  check_migrations(build, plan.catalog ? &out->live.states : nullptr, &out->live.diagnostics);
  if (plan.deep) {
    Options deep_options = options;  // the search path the statements were resolved with
    if (!deep_options.search_path_given && !build.search_path.empty()) deep_options.search_path = build.search_path;
    std::vector<report::Diagnostic> at_migrations;
    if (!build.services.empty()) {
      if (!deep_check_services(*plan.deep, fs, deep_options, build, &out->scan, &at_migrations, &out->deep, err))
        return false;
    } else if (!deep_check(*plan.deep, fs, deep_options, build, plan.catalog ? &out->live.states : nullptr, &out->scan,
                           &at_migrations, &out->deep, err)) {
      return false;
    }
    // A migration the static check already reports as broken is not reported twice.
    for (auto& d : at_migrations) {
      bool known = std::any_of(out->live.diagnostics.begin(), out->live.diagnostics.end(), [&](const report::Diagnostic& s) {
        return s.rule == report::rule_id(report::Rule::BrokenMigration) && s.file == d.file;
      });
      if (!known) out->live.diagnostics.push_back(std::move(d));
    }
  }
  out->other = std::move(out->live.diagnostics);
  out->live.diagnostics.clear();
  // Findings at migration statements (deploy order, failed migrations) are suppressed there.
  for (auto& m : build.migrations) out->scan.suppressions[m.path] = report::find_suppressions(m.sql);

  // The other half of a deploy: the running code against the schema after the pending migrations.
  if (plan.running) {
    out->deployed = true;
    DeployTargets deploy;
    if (plan.catalog) deploy_targets_live(out->live, build, plan.running->label, &deploy);
    else if (!deploy_targets_offline(*plan.running, plan.options, build, &deploy, err)) return false;
    Options running_options = options;
    running_options.only_files.reset();
    CodeScan running_scan;
    if (!scan_running_code(*plan.running, running_options, build, deploy, &running_scan, err)) return false;
    out->other.insert(out->other.end(), running_scan.diagnostics.begin(), running_scan.diagnostics.end());
  }
  return true;
}

}  // namespace schemagate::pipeline
