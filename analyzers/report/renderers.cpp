#include "analyzers/report/renderer.h"

namespace schemagate::report {

const std::vector<Renderer>& renderers() {
  static const std::vector<Renderer> table = {
      {"text", render_text},
      {"json", render_json},
      {"sarif", render_sarif, /*repository_paths=*/true},
      {"github", render_github, /*repository_paths=*/true},
      {"junit", render_junit},
      {"gitlab", render_gitlab, /*repository_paths=*/true},
  };
  return table;
}

std::string rule_help_uri(std::string_view rule) {
  return std::string(kInformationUri) + "/blob/main/docs/rules/" + std::string(rule) + ".md";
}

const Renderer* find_renderer(std::string_view format) {
  for (auto& r : renderers())
    if (r.format == format) return &r;
  return nullptr;
}

}  // namespace schemagate::report
