// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues, each with
// description, check_name, fingerprint, severity and location {path, lines {begin}}. GitLab
// compares fingerprints between the merge request and its target branch to say which findings
// are new, so the fingerprint is the line-independent one sarif uses too (fingerprint.h: 64-bit
// FNV-1a, 16 hex digits; GitLab takes any string). Severities map onto GitLab's five: error ->
// critical, warning -> minor, note -> info.
#include <nlohmann/json.hpp>

#include "analyzers/report/fingerprint.h"
#include "analyzers/report/renderer.h"

namespace schemagate::report {
namespace {

const char* gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "critical";
    case Severity::Warning: return "minor";
    case Severity::Note: return "info";
  }
  return "critical";
}

}  // namespace

std::string render_gitlab(const std::vector<Diagnostic>& diagnostics, const Summary&, const RenderOptions&) {
  using Json = nlohmann::ordered_json;
  std::vector<std::string> fingerprints = finding_fingerprints(diagnostics);
  Json issues = Json::array();
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    Json issue;
    issue["description"] = d.message;
    issue["check_name"] = d.rule;
    issue["fingerprint"] = fingerprints[i];
    issue["severity"] = gitlab_severity(d.severity);
    issue["location"] = {{"path", d.file}, {"lines", {{"begin", d.line > 0 ? d.line : 1}}}};
    issues.push_back(issue);
  }
  return issues.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace schemagate::report
