// JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure DevOps, CircleCI):
// one testsuite "schemagate", one testcase per file checked, passing when the file has no
// findings, and one <failure> per finding (type = the rule, message = the message, the text as
// the text format prints it). "failures" counts failing test cases, as JUnit's readers expect,
// not findings: a file with three findings is one failed test. Files with findings are test
// cases even when the caller did not list them (a migration a note points at, say).
//
// The document is valid under the common JUnit schema (Jenkins' junit-4.xsd, the one GitLab's and
// Jenkins' readers follow; tests/integration/test_formats.sh validates it). That schema has no
// `file` attribute, so the file's path is the test case's `name`, which every reader shows;
// `classname` is "schemagate" (Jenkins groups by it). Placing findings on the lines of a merge
// request is the job of the gitlab (Code Quality) and sarif formats, not of a test report. `time`
// is the run's, on the suite: files are scanned in parallel, so a file has no time of its own.
#include <cstdio>
#include <map>
#include <set>

#include "analyzers/report/renderer.h"
#include "analyzers/report/utf8.h"

namespace schemagate::report {
namespace {

/// Escapes text for XML 1.0 content and attribute values; bytes that are not UTF-8 (a file name
/// from the pull request) become U+FFFD, since the document says encoding="UTF-8". Control characters XML 1.0 cannot
/// carry at all (not even as references) become U+FFFD; in attributes, tab and line breaks
/// become references so readers do not fold them into spaces.
std::string escape_xml(const std::string& raw, bool attribute) {
  std::string out;
  for (char ch : to_valid_utf8(raw)) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += "\xEF\xBF\xBD";
        else out += ch;
    }
  }
  return out;
}

std::string attr(const std::string& s) { return escape_xml(s, true); }
std::string text(const std::string& s) { return escape_xml(s, false); }

/// The finding as the text format prints it, without the code frame.
std::string failure_text(const Diagnostic& d) {
  std::string out = d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                    severity_name(d.severity) + "[" + d.rule + "]: " + d.message + "\n";
  for (auto& n : d.notes) {
    out += "   = note: ";
    if (!n.file.empty()) out += n.file + (n.line > 0 ? ":" + std::to_string(n.line) : "") + ": ";
    out += n.message + "\n";
  }
  if (!d.help.empty()) out += "   = help: " + d.help + "\n";
  return out;
}

}  // namespace

std::string render_junit(const std::vector<Diagnostic>& diagnostics, const Summary&, const RenderOptions& options) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", options.elapsed_seconds > 0 ? options.elapsed_seconds : 0.0);
  std::set<std::string> files(options.files.begin(), options.files.end());
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  for (auto& d : diagnostics) {
    files.insert(d.file);
    by_file[d.file].push_back(&d);
  }
  size_t failed = by_file.size();
  std::string counts = " tests=\"" + std::to_string(files.size()) + "\" failures=\"" + std::to_string(failed) +
                       "\" errors=\"0\" time=\"" + seconds + "\"";

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"schemagate\"" + counts + ">\n";
  out += "  <testsuite name=\"schemagate\"" + counts + " skipped=\"0\">\n";
  for (auto& file : files) {
    // A finding without a file (none today) still needs a test case to fail.
    std::string name = file.empty() ? "(project)" : file;
    out += "    <testcase classname=\"schemagate\" name=\"" + attr(name) + "\"";
    auto it = by_file.find(file);
    if (it == by_file.end()) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    for (auto* d : it->second)
      out += "      <failure type=\"" + attr(d->rule) + "\" message=\"" + attr(d->message) + "\">" +
             text(failure_text(*d)) + "</failure>\n";
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n";
  out += "</testsuites>\n";
  return out;
}

}  // namespace schemagate::report
