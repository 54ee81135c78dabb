// See js_modules.h.
#include "analyzers/datalayers/js_modules.h"

#include "analyzers/source/file_system.h"

namespace schemagate::datalayers::js {

std::string module_of(std::string_view path) {
  for (std::string_view ext : {".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"})
    if (path.ends_with(ext)) {
      path.remove_suffix(ext.size());
      break;
    }
  if (path == "index") return "";
  if (path.ends_with("/index")) path.remove_suffix(6);
  return std::string(path);
}

bool names_module(std::string_view spec, std::string_view importer, std::string_view module) {
  if (module_of(importer) == module) return false;
  std::string s = module_of(spec);
  if (spec == "." || spec == ".." || spec.starts_with("./") || spec.starts_with("../")) {
    size_t slash = importer.rfind('/');
    std::string dir(slash == std::string_view::npos ? std::string_view() : importer.substr(0, slash));
    std::optional<std::string> resolved = source::resolve_dots(source::join_path(dir, s));
    return resolved && *resolved == module;
  }
  std::string_view rest = s;
  if (rest.starts_with("@/") || rest.starts_with("~/")) {
    rest.remove_prefix(2);
  } else if (rest.starts_with("@")) {
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return false;
    rest.remove_prefix(slash + 1);
  }
  if (rest.empty()) return false;
  if (rest.find('/') != std::string_view::npos)
    return module == rest ||
           (module.size() > rest.size() && module.ends_with(rest) && module[module.size() - rest.size() - 1] == '/');
  std::string folders = "/" + std::string(module) + "/";
  return folders.find("/" + std::string(rest) + "/") != std::string::npos;
}

}  // namespace schemagate::datalayers::js
