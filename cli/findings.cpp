// What happens to findings between the checks and the renderer, in this order: rule severities
// from schemagate.yaml (off drops a rule), `schemagate-ignore` suppressions (with
// unused-suppression and invalid-suppression reported), then the baseline. The summary's counts
// are recomputed at the end, so the exit code follows what is shown.
#include <algorithm>
#include <iostream>

#include "analyzers/checks/check.h"
#include "analyzers/report/baseline.h"
#include "cli/commands.h"

namespace schemagate::cli {
namespace {

void apply_severities(const CommonOptions& options, std::vector<report::Diagnostic>* diagnostics) {
  if (options.rule_severity.empty()) return;
  std::vector<report::Diagnostic> kept;
  for (auto& d : *diagnostics) {
    auto it = options.rule_severity.find(d.rule);
    if (it != options.rule_severity.end()) {
      if (it->second == "off") continue;
      d.severity = it->second == "error" ? report::Severity::Error : report::Severity::Warning;
    }
    kept.push_back(std::move(d));
  }
  *diagnostics = std::move(kept);
}

}  // namespace

bool finish_findings(const CommonOptions& options, bool live, bool deployed, pipeline::CodeScan* scan,
                     std::vector<report::Diagnostic> project_findings, std::vector<std::string>* gone) {
  std::vector<report::Diagnostic>& diagnostics = scan->diagnostics;
  diagnostics.insert(diagnostics.end(), project_findings.begin(), project_findings.end());
  apply_severities(options, &diagnostics);

  report::SuppressionRules rules;
  for (auto& c : checks::checks())
    if (c.run || c.run_project || c.rule == report::Rule::PostgresRejects) rules.known.emplace_back(c.id());
  std::set<std::string> ran =
      checks::rules_run_in((live ? checks::kLive : checks::kOffline) | (deployed ? checks::kDeploy : 0u));
  for (auto& [rule, severity] : options.rule_severity)
    if (severity == "off") ran.erase(rule);
  if (!options.postgres) ran.erase(std::string(report::rule_id(report::Rule::PostgresRejects)));
  rules.ran = ran;
  std::vector<report::Diagnostic> suppression_findings;
  report::apply_suppressions(scan->suppressions, &diagnostics, &suppression_findings, rules);
  apply_severities(options, &suppression_findings);
  diagnostics.insert(diagnostics.end(), suppression_findings.begin(), suppression_findings.end());

  if (!options.baseline_file.empty()) {
    source::RealFileSystem fs(options.pipeline.root);
    std::string text, err;
    if (!fs.read(options.baseline_file, &text, &err)) {
      fail("cannot read baseline \"" + options.baseline_file + "\": " + err);
      return false;
    }
    report::Baseline baseline;
    if (!report::read_baseline(text, &baseline, &err)) {
      fail("baseline \"" + options.baseline_file + "\": " + err);
      return false;
    }
    // Entries of files that were not scanned this time (--changed-since, FILE..., --include) are not gone.
    std::set<std::string> scanned(scan->files.begin(), scan->files.end());
    std::vector<report::BaselineEntry> missing;
    report::apply_baseline(baseline, &diagnostics, &missing);
    bool restricted = !options.changed_since.empty() || !options.files.empty() || !options.pipeline.include.empty() ||
                      !options.pipeline.exclude.empty();
    for (auto& e : missing)
      if (!restricted || scanned.count(e.file)) gone->push_back(report::describe_gone(e));
  }

  std::stable_sort(diagnostics.begin(), diagnostics.end(), report::diagnostic_less);
  scan->summary.errors = 0;
  scan->summary.warnings = 0;
  for (auto& d : diagnostics) {
    if (d.severity == report::Severity::Error) ++scan->summary.errors;
    if (d.severity == report::Severity::Warning) ++scan->summary.warnings;
  }
  return true;
}

}  // namespace schemagate::cli
