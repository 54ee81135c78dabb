#include "analyzers/report/renderer.h"

namespace schemagate::report {

const std::vector<Renderer>& renderers() {
  static const std::vector<Renderer> table = {
      {"text", render_text},
      {"json", render_json},
  };
  return table;
}

const Renderer* find_renderer(std::string_view format) {
  for (auto& r : renderers())
    if (r.format == format) return &r;
  return nullptr;
}

}  // namespace schemagate::report
