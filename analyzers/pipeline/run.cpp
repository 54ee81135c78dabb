#include "analyzers/pipeline/run.h"

#include <algorithm>

#include "analyzers/report/suppressions.h"

namespace schemagate::pipeline {

bool check_code(const Plan& plan, const SchemaBuild& build, Outcome* out, std::string* err) {
  const source::FileSystem& fs = *plan.fs;
  Options options = plan.options;
  Targets targets{&build.schema, &build.schema, nullptr, false};
  if (!build.services.empty()) {
    if (plan.running) {
      *err = one_database_per_service(build.services, "the running code (--deployed-ref / --deployed-path)");
      return false;
    }
    if (plan.deep && !plan.catalog) {
      *err = one_database_per_service(build.services, "the throwaway database of --postgres");
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
  if (plan.catalog) explain_drift(out->live, &out->scan.diagnostics);
  if (plan.catalog) drift_in_code(out->live, out->scan.sites, &out->live.diagnostics);
  check_migrations(build, plan.catalog ? &out->live.states : nullptr, &out->live.diagnostics);
  if (plan.deep) {
    Options deep_options = options;  // the search path the statements were resolved with
    if (!deep_options.search_path_given && !build.search_path.empty()) deep_options.search_path = build.search_path;
    std::vector<report::Diagnostic> at_migrations;
    if (!deep_check(*plan.deep, fs, deep_options, build, plan.catalog ? &out->live.states : nullptr, &out->scan,
                    &at_migrations, &out->deep, err))
      return false;
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
