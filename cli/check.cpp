// schemagate check: findings, exit 1 when any has severity error. Offline the code is checked
// against the schema the migrations build; with a database (URL or snapshot) against what the
// database has now, with pending migrations named.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "analyzers/checks/check.h"
#include "analyzers/pipeline/deploy.h"
#include "analyzers/pipeline/live.h"
#include "analyzers/report/renderer.h"
#include "cli/commands.h"

namespace schemagate::cli {

int run_check(const CommonOptions& options) {
  source::RealFileSystem fs;
  pipeline::SchemaBuild build;
  if (!load_schema(fs, options, &build)) return kCannotDecide;
  std::unique_ptr<schema::catalog::CatalogReader> reader;
  if (!open_catalog(options, &reader)) return kCannotDecide;

  pipeline::Options scan_options = options.pipeline;
  pipeline::LiveState live;
  pipeline::Targets targets{&build.schema, &build.schema};
  std::string err;
  if (reader) {
    if (!pipeline::prepare_live(fs, options.pipeline, build, *reader, &live, &err)) return fail(err);
    scan_options.search_path = live.search_path;
    targets = {options.assume_migrated ? &live.eventual : &live.snapshot.schema, &live.eventual};
    if (options.verbose) {
      size_t pending = 0;
      for (auto& s : live.states) pending += s.status == schema::catalog::MigrationStatus::Pending;
      std::cerr << "schemagate: database: " << live.snapshot.schema.relations().size() << " relations, "
                << pending << " pending migration" << (pending == 1 ? "" : "s") << ", search path ";
      for (size_t i = 0; i < live.search_path.size(); ++i) std::cerr << (i ? "," : "") << live.search_path[i];
      std::cerr << "\n";
    }
  }
  pipeline::CodeScan scan;
  if (!pipeline::scan_code(fs, scan_options, build, targets, &scan, &err)) return fail(err);
  // The other half of a deploy: the running code against the schema after the pending migrations.
  if (!options.deployed_ref.empty() || !options.deployed_path.empty()) {
    pipeline::RunningCode running;
    if (!pipeline::open_running_code(options.pipeline.root, options.deployed_ref, options.deployed_path, &running, &err))
      return fail(err);
    pipeline::DeployTargets deploy;
    if (reader) pipeline::deploy_targets_live(live, build, running.label, &deploy);
    else if (!pipeline::deploy_targets_offline(running, scan_options, build, &deploy, &err)) return fail(err);
    pipeline::CodeScan running_scan;
    if (!pipeline::scan_running_code(running, scan_options, build, deploy, &running_scan, &err)) return fail(err);
    live.diagnostics.insert(live.diagnostics.end(), running_scan.diagnostics.begin(), running_scan.diagnostics.end());
  }
  for (auto& d : live.diagnostics) {
    if (d.severity == report::Severity::Error) ++scan.summary.errors;
    if (d.severity == report::Severity::Warning) ++scan.summary.warnings;
    scan.diagnostics.push_back(d);
  }
  std::stable_sort(scan.diagnostics.begin(), scan.diagnostics.end(), report::diagnostic_less);
  if (options.verbose) {
    for (auto& s : scan.sites)
      if (!s.checked)
        std::cerr << "schemagate: unchecked: " << s.file << ":" << s.line << ":" << s.column << ": " << s.reason << "\n";
  }
  const report::Renderer* renderer = report::find_renderer(options.format);
  if (!renderer) return fail("unknown format \"" + options.format + "\"");
  report::RenderOptions ro;
  ro.color = options.format == "text" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  ro.quiet = options.quiet;
  for (auto& c : checks::checks())
    ro.rules.push_back({std::string(c.rule), c.severity, std::string(c.summary), ""});
  ro.files = scan.files;
  std::cout << renderer->render(scan.diagnostics, scan.summary, ro);
  // Under GitHub Actions the text output also annotates the pull request, with no flag to set.
  const char* github_actions = std::getenv("GITHUB_ACTIONS");
  if (options.format == "text" && github_actions && std::string_view(github_actions) == "true")
    std::cout << report::github_annotations(scan.diagnostics);
  std::cout.flush();
  return scan.summary.errors > 0 ? kFindings : kClean;
}

}  // namespace schemagate::cli
