// JSON output, a contract: {"version": 1, "findings": [...], "summary": {...}}. Fields are only
// ever added, never renamed; later versions of schemagate keep these.
#include <nlohmann/json.hpp>

#include "analyzers/report/renderer.h"

namespace schemagate::report {

nlohmann::ordered_json finding_json(const Diagnostic& d) {
  nlohmann::ordered_json f;
  f["rule"] = d.rule;
  f["severity"] = severity_name(d.severity);
  f["message"] = d.message;
  f["file"] = d.file;
  f["line"] = d.line;
  f["column"] = d.column;
  f["relation"] = d.relation.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.relation);
  f["column_name"] = d.column_name ? nlohmann::ordered_json(*d.column_name) : nlohmann::ordered_json(nullptr);
  f["migration"] = d.migration ? nlohmann::ordered_json(*d.migration) : nlohmann::ordered_json(nullptr);
  f["help"] = d.help;
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  // A note without a place (what a framework does, a hint) has null for its file and line.
  for (auto& n : d.notes)
    notes.push_back({{"file", n.file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(n.file)},
                     {"line", n.file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(n.line)},
                     {"message", n.message}});
  f["notes"] = notes;
  return f;
}

std::string render_json(const std::vector<Diagnostic>& diagnostics, const Summary& summary, const RenderOptions&) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (auto& d : diagnostics) findings.push_back(finding_json(d));
  nlohmann::ordered_json out;
  out["version"] = 1;
  out["findings"] = findings;
  out["summary"] = {{"files_scanned", summary.files_scanned}, {"sql_sites", summary.sql_sites},
                    {"checked_sites", summary.checked_sites}, {"partly_checked_sites", summary.partly_checked_sites},
                    {"unchecked_sites", summary.unchecked_sites},
                    {"errors", summary.errors},               {"warnings", summary.warnings}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace schemagate::report
