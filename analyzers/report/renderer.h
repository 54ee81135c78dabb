// Renderers: one file per output format, one row each in the table in renderers.cpp. A
// renderer formats diagnostics and the summary; it decides nothing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"

namespace schemagate::report {

struct RenderOptions {
  bool color = false;  ///< ANSI colours (text only): on a TTY and NO_COLOR unset
  bool quiet = false;  ///< text: findings only, no summary line
};

struct Renderer {
  std::string_view format;  ///< the --format value
  std::string (*render)(const std::vector<Diagnostic>& diagnostics, const Summary& summary, const RenderOptions& options);
};

const std::vector<Renderer>& renderers();
const Renderer* find_renderer(std::string_view format);

std::string render_text(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);
std::string render_json(const std::vector<Diagnostic>&, const Summary&, const RenderOptions&);

}  // namespace schemagate::report
