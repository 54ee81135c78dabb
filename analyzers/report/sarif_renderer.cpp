// SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps, IDE viewers). One run; the
// driver lists every rule of the catalogue with its doc page, and each result points at its rule
// by id and index, and carries its docs/rules page as help. Locations are relative URIs under
// %SRCROOT% (the repository's root, which cli/ prefixes when PATH is a subdirectory; its absolute
// form is left out so the output is the same on every machine), columns are code points
// as everywhere in schemagate (columnKind says so), and partialFingerprints let a viewer follow a
// finding across runs when lines above it change. Output is deterministic: same findings, same bytes.
#include <map>
#include <nlohmann/json.hpp>

#include "analyzers/report/fingerprint.h"
#include "analyzers/report/renderer.h"

namespace schemagate::report {
namespace {

using Json = nlohmann::ordered_json;

/// "missing-column" -> "MissingColumn": SARIF's name is the id in a readable form.
std::string rule_name(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

/// A relative path as a URI reference: '/' kept, everything outside RFC 3986's unreserved
/// characters percent-encoded (spaces, '#', '%', non-ASCII bytes of UTF-8).
std::string uri_reference(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Json physical_location(const std::string& file, int line, int column, int width) {
  Json loc;
  loc["artifactLocation"] = {{"uri", uri_reference(file)}, {"uriBaseId", "%SRCROOT%"}};
  if (line > 0) {
    Json region;
    region["startLine"] = line;
    if (column > 0) {
      region["startColumn"] = column;
      if (width > 0) region["endColumn"] = column + width;  // SARIF's endColumn is one past the last
    }
    loc["region"] = region;
  }
  return loc;
}

Json rule_descriptor(const RuleInfo& rule) {
  Json r;
  r["id"] = rule.id;
  r["name"] = rule_name(rule.id);
  r["shortDescription"] = {{"text", rule.summary.empty() ? rule.id : rule.summary}};
  r["fullDescription"] = {{"text", !rule.description.empty() ? rule.description
                                   : !rule.summary.empty()   ? rule.summary
                                                             : rule.id}};
  r["helpUri"] = rule_help_uri(rule.id);
  // GitHub code scanning requires help (GH2012): the rule's documentation page.
  std::string help = rule.help_markdown.empty()
                         ? "See " + rule_help_uri(rule.id) + " or run `schemagate explain " + rule.id + "`."
                         : rule.help_markdown;
  r["help"] = {{"text", help}, {"markdown", help}};
  r["defaultConfiguration"] = {{"level", severity_name(rule.severity)}};
  return r;
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const Summary&, const RenderOptions& options) {
  // The catalogue in its order, then any rule a finding names that the catalogue lacks.
  std::vector<RuleInfo> rules = options.rules;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < rules.size(); ++i) index.emplace(rules[i].id, i);
  for (auto& d : diagnostics) {
    if (index.count(d.rule)) continue;
    index.emplace(d.rule, rules.size());
    rules.push_back({d.rule, d.severity, "", "", ""});
  }

  Json descriptors = Json::array();
  for (auto& r : rules) descriptors.push_back(rule_descriptor(r));

  std::vector<std::string> fingerprints = finding_fingerprints(diagnostics);
  Json results = Json::array();
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    Json r;
    r["ruleId"] = d.rule;
    r["ruleIndex"] = index.at(d.rule);
    r["level"] = severity_name(d.severity);
    // Notes with a place become related locations; the rest, and the help line, join the text.
    std::string text = d.message;
    for (auto& n : d.notes)
      if (n.file.empty()) text += "\nNote: " + n.message;
    if (!d.help.empty()) text += "\nHelp: " + d.help;
    r["message"] = {{"text", text}};
    Json locations = Json::array();
    if (!d.file.empty()) locations.push_back({{"physicalLocation", physical_location(d.file, d.line, d.column, d.width)}});
    r["locations"] = locations;
    Json related = Json::array();
    for (auto& n : d.notes) {
      if (n.file.empty()) continue;
      Json loc;
      loc["id"] = related.size() + 1;
      loc["physicalLocation"] = physical_location(n.file, n.line, 0, 0);
      loc["message"] = {{"text", n.message}};
      related.push_back(loc);
    }
    if (!related.empty()) r["relatedLocations"] = related;
    r["partialFingerprints"] = {{"schemagate/v1", fingerprints[i]}};
    results.push_back(r);
  }

  Json driver;
  driver["name"] = "schemagate";
  driver["version"] = SCHEMAGATE_VERSION;
  driver["informationUri"] = std::string(kInformationUri);
  driver["rules"] = descriptors;

  Json run;
  run["tool"] = {{"driver", driver}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;

  Json out;
  out["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  out["version"] = "2.1.0";
  out["runs"] = Json::array({run});
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace schemagate::report
