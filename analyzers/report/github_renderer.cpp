// GitHub Actions workflow commands: one "::error file=F,line=L,col=C,title=T::message" line per
// finding, which the runner turns into an annotation on the pull request's diff. The runner
// parses these lines itself, so values are escaped its way (toolkit's escapeData and
// escapeProperty): in the message '%', CR and LF; in a property also ':' and ','. The message
// carries the notes and the help line on lines of their own, since the annotation is all a
// reviewer sees. Columns are code points, as everywhere in schemagate.
#include "analyzers/report/renderer.h"
#include "analyzers/report/utf8.h"

namespace schemagate::report {
namespace {

// The runner reads workflow commands as UTF-8: bytes that are not (a file name from the pull
// request) become U+FFFD here rather than whatever the runner makes of them.
std::string escape_data(const std::string& s) {
  std::string out;
  for (char c : to_valid_utf8(s)) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(const std::string& s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "error";
}

}  // namespace

std::string github_annotations(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (auto& d : diagnostics) {
    std::string props;
    if (!d.file.empty()) {
      props += "file=" + escape_property(d.file);
      if (d.line > 0) {
        props += ",line=" + std::to_string(d.line);
        if (d.column > 0) props += ",col=" + std::to_string(d.column);
      }
      props += ",";
    }
    props += "title=" + escape_property("schemagate " + d.rule);
    std::string message = d.message;
    for (auto& n : d.notes) {
      message += "\nnote: ";
      if (!n.file.empty()) message += n.file + (n.line > 0 ? ":" + std::to_string(n.line) : "") + ": ";
      message += n.message;
    }
    if (!d.help.empty()) message += "\nhelp: " + d.help;
    out += std::string("::") + command(d.severity) + " " + props + "::" + escape_data(message) + "\n";
  }
  return out;
}

std::string render_github(const std::vector<Diagnostic>& diagnostics, const Summary&, const RenderOptions&) {
  return github_annotations(diagnostics);
}

}  // namespace schemagate::report
