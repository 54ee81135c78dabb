// Renderers: one file per output format, one row each in the table in renderers.cpp. A
// renderer formats diagnostics and the summary; it decides nothing. What a renderer needs
// beyond the findings (the rule catalogue, the files scanned) comes in through RenderOptions,
// filled by cli/, so report/ depends on nothing upstream.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"

namespace schemagate::report {

/// One rule of the catalogue, as the checks table describes it (cli/ copies checks::checks()).
struct RuleInfo {
  std::string id;  ///< kebab-case, stable: "missing-column"
  Severity severity = Severity::Error;  ///< the default severity
  std::string summary;      ///< one line
  std::string description;  ///< longer; empty: the summary
  std::string help_markdown;  ///< the rule's docs/rules page (sarif's help); empty: a pointer to it
};

struct RenderOptions {
  bool color = false;  ///< ANSI colours (text only); cli/ decides (--color, NO_COLOR, a TTY)
  bool quiet = false;  ///< text: findings only, no summary line
  /// The rule catalogue, for formats that describe rules (sarif). A rule a finding names that
  /// is missing here is still described, by its id alone.
  std::vector<RuleInfo> rules;
  /// The files scanned, relative to the project root, for formats with one entry per file
  /// (junit). Files with findings are included whether listed or not.
  std::vector<std::string> files;
  /// Seconds the run took, for formats that carry it (junit's `time`); cli/ measures it.
  double elapsed_seconds = 0;
  /// Whether `schemagate explain RULE` prints a page for `rule`: text output ends each such
  /// finding with that command (cli/ knows the pages). Null: no pointer.
  bool (*has_rule_page)(std::string_view rule) = nullptr;
};

struct Renderer {
  std::string_view format;  ///< the --format value
  std::string (*render)(const std::vector<Diagnostic>& diagnostics, const Summary& summary, const RenderOptions& options);
  /// Its consumer places findings by the path from the repository's root (code scanning, merge
  /// requests, annotations): when PATH is a subdirectory, its findings' paths get it prefixed.
  bool repository_paths = false;
};

const std::vector<Renderer>& renderers();
const Renderer* find_renderer(std::string_view format);

std::string render_text(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);
std::string render_json(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);
std::string render_sarif(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);
std::string render_github(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);
std::string render_junit(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);
std::string render_gitlab(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);

/// One finding as the JSON format writes it (also used inside `plan --format json`).
nlohmann::ordered_json finding_json(const Diagnostic& d);

/// GitHub Actions workflow commands, one line per finding ("::error file=...::message"). The
/// github format is exactly this; cli/ also appends it to text output under GITHUB_ACTIONS=true.
std::string github_annotations(const std::vector<Diagnostic>& diagnostics);

/// The project's home page, and the documentation page of `rule` (docs/rules/<rule>.md).
inline constexpr std::string_view kInformationUri = "https://github.com/schemagate/schemagate";
std::string rule_help_uri(std::string_view rule);

}  // namespace schemagate::report
