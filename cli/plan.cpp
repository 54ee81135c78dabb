// schemagate plan: which deploy order is safe.
//   deploy-first:  the new code meets the current schema (then the migrations run);
//   migrate-first: the running code meets the migrated schema (then the new code ships).
// Verdicts: either, migrate-first, deploy-first, split-required (no order is safe, but the
// pending migrations can be split into expand and contract), or none (the new code needs what
// no migration creates, so no order helps). `--order` states what the pipeline will do.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyzers/pipeline/deploy.h"
#include "analyzers/report/renderer.h"
#include "cli/commands.h"

namespace schemagate::cli {
namespace {

struct OrderVerdict {
  const char* name;
  const char* description;
  std::vector<report::Diagnostic> blockers;
  bool safe() const { return blockers.empty(); }
};

}  // namespace

int run_plan(const CommonOptions& options) {
  if (options.deployed_ref.empty() == options.deployed_path.empty())
    return fail("plan needs the running code: give --deployed-ref REF or --deployed-path DIR");
  source::RealFileSystem fs(options.pipeline.root);
  pipeline::SchemaBuild build;
  if (!load_schema(fs, options, &build)) return kCannotDecide;
  std::unique_ptr<schema::catalog::CatalogReader> reader;
  if (!open_catalog(options, &reader)) return kCannotDecide;
  pipeline::RunningCode running;
  std::string err;
  if (!pipeline::open_running_code(options.pipeline.root, options.deployed_ref, options.deployed_path, &running, &err))
    return fail(err);

  pipeline::Options scan_options = options.pipeline;
  pipeline::LiveState live;
  pipeline::DeployTargets deploy;
  if (reader) {
    if (!pipeline::prepare_live(fs, options.pipeline, build, *reader, &live, &err)) return fail(err);
    scan_options.search_path = live.search_path;
    scan_options.search_path_given = true;  // the database's own search path is the truth
    pipeline::deploy_targets_live(live, build, running.label, &deploy);
  } else if (!pipeline::deploy_targets_offline(running, scan_options, build, &deploy, &err)) {
    return fail(err);
  }

  // The new code against the current schema, with the eventual one to name pending migrations.
  pipeline::CodeScan new_scan;
  pipeline::Targets new_targets{&deploy.current, &deploy.eventual, nullptr, true};
  if (!pipeline::scan_code(fs, scan_options, build, new_targets, &new_scan, &err)) return fail(err);
  // The running code against the eventual schema.
  pipeline::CodeScan running_scan;
  if (!pipeline::scan_running_code(running, scan_options, build, deploy, &running_scan, &err)) return fail(err);

  OrderVerdict deploy_first{"deploy-first", "deploy the new code, then apply the migrations", {}};
  OrderVerdict migrate_first{"migrate-first", "apply the migrations, then deploy the new code", {}};
  std::vector<report::Diagnostic> any_order;  // the new code needs what nothing creates
  std::vector<report::Diagnostic> warnings;
  for (auto& d : new_scan.diagnostics) {
    if (d.severity != report::Severity::Error) continue;
    if (d.rule == report::rule_id(report::Rule::PendingMigration)) deploy_first.blockers.push_back(d);
    else any_order.push_back(d);
  }
  for (auto& d : running_scan.diagnostics) {
    if (d.severity == report::Severity::Error) migrate_first.blockers.push_back(d);
    else warnings.push_back(d);
  }
  for (auto* o : {&deploy_first, &migrate_first}) {
    o->blockers.insert(o->blockers.end(), any_order.begin(), any_order.end());
    std::stable_sort(o->blockers.begin(), o->blockers.end(), report::diagnostic_less);
  }

  std::string verdict;
  if (!any_order.empty()) verdict = "none";
  else if (deploy_first.safe() && migrate_first.safe()) verdict = "either";
  else if (migrate_first.safe()) verdict = "migrate-first";
  else if (deploy_first.safe()) verdict = "deploy-first";
  else verdict = "split-required";

  std::vector<pipeline::PendingStatement> statements;
  if (!pipeline::pending_statements(deploy.pending, &statements, &err)) return fail(err);

  bool safe;
  if (options.order == "migrate-first") safe = migrate_first.safe();
  else if (options.order == "deploy-first") safe = deploy_first.safe();
  else if (options.order == "rolling") safe = migrate_first.safe() && deploy_first.safe();
  else safe = verdict == "either" || verdict == "migrate-first" || verdict == "deploy-first";

  if (options.format == "json") {
    nlohmann::ordered_json out;
    out["version"] = 1;
    out["verdict"] = verdict;
    out["running_code"] = running.label;
    nlohmann::ordered_json orders;
    for (auto* o : {&deploy_first, &migrate_first}) {
      nlohmann::ordered_json blockers = nlohmann::ordered_json::array();
      for (auto& d : o->blockers) blockers.push_back(report::finding_json(d));
      orders[o->name] = {{"safe", o->safe()}, {"blockers", blockers}};
    }
    out["orders"] = orders;
    nlohmann::ordered_json warn = nlohmann::ordered_json::array();
    for (auto& d : warnings) warn.push_back(report::finding_json(d));
    out["warnings"] = warn;
    nlohmann::ordered_json expand = nlohmann::ordered_json::array(), contract = nlohmann::ordered_json::array();
    for (auto& s : statements) {
      nlohmann::ordered_json j = {{"file", s.file}, {"line", s.line}, {"sql", s.sql}};
      if (s.destructive) j["why"] = s.why;
      (s.destructive ? contract : expand).push_back(j);
    }
    out["split"] = verdict == "split-required" ? nlohmann::ordered_json{{"expand", expand}, {"contract", contract}}
                                               : nlohmann::ordered_json(nullptr);
    if (!options.order.empty()) out["order"] = {{"name", options.order}, {"safe", safe}};
    std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return safe ? kClean : kFindings;
  }

  report::RenderOptions ro;
  ro.quiet = true;
  ro.has_rule_page = has_rule_page;
  std::cout << "verdict: " << verdict << "  (running code: " << running.label << ", " << deploy.pending.size()
            << " pending migration" << (deploy.pending.size() == 1 ? "" : "s") << ")\n";
  for (auto* o : {&deploy_first, &migrate_first}) {
    std::cout << "\n" << o->name << " (" << o->description << "): "
              << (o->safe() ? "safe" : "unsafe, " + std::to_string(o->blockers.size()) + " blocker" +
                                           (o->blockers.size() == 1 ? "" : "s"))
              << "\n";
    if (!o->safe()) std::cout << "\n" << report::render_text(o->blockers, {}, ro);
  }
  if (!warnings.empty()) std::cout << "\nwarnings:\n\n" << report::render_text(warnings, {}, ro);
  if (verdict == "split-required") {
    std::cout << "\nsplit the pending migrations:\n  1. expand, apply now (before deploying):\n";
    for (auto& s : statements)
      if (!s.destructive) std::cout << "       " << s.file << ":" << s.line << ": " << s.sql << "\n";
    std::cout << "  2. deploy the new code\n"
                 "  3. contract, in a later release, once no running code uses what it removes:\n";
    for (auto& s : statements)
      if (s.destructive) std::cout << "       " << s.file << ":" << s.line << ": " << s.sql << "  (" << s.why << ")\n";
  } else if (verdict == "none") {
    std::cout << "\nno order is safe: the new code needs what no migration creates; fix the code or add the migration\n";
  }
  if (!options.order.empty())
    std::cout << "\n--order " << options.order << ": " << (safe ? "safe" : "unsafe") << "\n";
  return safe ? kClean : kFindings;
}

}  // namespace schemagate::cli
