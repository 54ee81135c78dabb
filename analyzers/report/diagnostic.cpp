#include "analyzers/report/diagnostic.h"

#include <tuple>

namespace schemagate::report {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

void locate(Diagnostic* d, const std::string& file, const report::LineIndex& lines) {
  if (d->offset && d->file == file) {
    auto pos = lines.position(*d->offset);
    d->line = pos.line;
    d->column = pos.column;
    d->source_line = std::string(lines.line_text(pos.line));
    d->offset.reset();
  }
  for (auto& n : d->notes) {
    if (!n.offset || n.file != file) continue;
    n.line = lines.position(*n.offset).line;
    n.offset.reset();
  }
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.line, a.column, a.rule, a.message) < std::tie(b.file, b.line, b.column, b.rule, b.message);
}

}  // namespace schemagate::report
