// Text output for people: gcc-style "file:line:col: error[rule]: message" so editors and
// terminals link it, then a code frame with a caret under the name, notes and the help line,
// and one summary line. Columns are code points, as everywhere in schemagate.
//
// Each finding ends with where its rule is explained (`= docs: schemagate explain RULE`), as
// rustc's `= help: for further information` and ShellCheck's "For more information" do: one short
// line, on every finding rather than once at the end, because a finding is often read alone (a CI
// log excerpt, a line grep found, a review comment quoting it). The command, not a web link: it
// works offline and prints the page of the version that reported the finding.
#include <string>

#include "analyzers/report/renderer.h"

namespace schemagate::report {
namespace {

struct Style {
  bool on;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  }
};

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diagnostics, const Summary& summary, const RenderOptions& options) {
  Style style{options.color};
  std::string out;
  for (auto& d : diagnostics) {
    const char* sev = severity_name(d.severity);
    const char* sev_color = d.severity == Severity::Error ? "1;31" : d.severity == Severity::Warning ? "1;33" : "1;36";
    std::string where = d.line > 0 ? d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ":"
                                   : d.file + ":";  // a finding about a directory or the database
    out += style("1", where) + " " +
           style(sev_color, std::string(sev) + "[" + d.rule + "]") + ": " + d.message + "\n";
    if (!d.source_line.empty()) {
      std::string num = std::to_string(d.line);
      std::string pad(num.size(), ' ');
      out += " " + style("34", num + " |") + " " + d.source_line + "\n";
      // Caret under the column: reproduce tabs so the caret lines up in a terminal.
      std::string lead;
      int col = 1;
      for (size_t i = 0; i < d.source_line.size() && col < d.column; ++i) {
        unsigned char c = static_cast<unsigned char>(d.source_line[i]);
        if ((c & 0xC0) == 0x80) continue;
        lead += c == '\t' ? '\t' : ' ';
        ++col;
      }
      out += " " + style("34", pad + " |") + " " + lead + style(sev_color, std::string(static_cast<size_t>(d.width), '^')) + "\n";
    }
    for (auto& n : d.notes) {
      out += "   = note: ";
      if (!n.file.empty()) out += n.file + ":" + std::to_string(n.line) + ": ";
      out += n.message + "\n";
    }
    if (!d.help.empty()) out += "   = help: " + d.help + "\n";
    if (options.has_rule_page && options.has_rule_page(d.rule))
      out += "   = docs: " + style("2", "schemagate explain " + d.rule) + "\n";
    out += "\n";
  }
  if (!options.quiet) {
    out += "schemagate: " + plural(summary.files_scanned, "file") + " scanned, " + plural(summary.sql_sites, "SQL site") +
           " (" + std::to_string(summary.checked_sites) + " checked, " +
           (summary.partly_checked_sites ? std::to_string(summary.partly_checked_sites) + " partly checked, " : "") +
           std::to_string(summary.unchecked_sites) +
           " unchecked), " + plural(summary.errors, "error") + ", " + plural(summary.warnings, "warning") + "\n";
  }
  return out;
}

}  // namespace schemagate::report
