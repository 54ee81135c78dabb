// bun's names; see bun_naming.h.
#include "analyzers/datalayers/bun_naming.h"

#include "analyzers/datalayers/gorm_naming.h"

namespace schemagate::datalayers::bun {

std::string underscore(std::string_view s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string r;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (upper(c)) {
      if (i > 0 && i + 1 < s.size() && (lower(s[i - 1]) || lower(s[i + 1]))) r += '_';
      r += static_cast<char>(c + 32);
    } else {
      r += c;
    }
  }
  return r;
}

Tag parse_tag(std::string_view t, uint32_t at) {
  Tag out;
  out.present = true;
  size_t i = 0;
  bool first = true;
  while (i <= t.size()) {
    size_t comma = t.find(',', i);
    if (comma == std::string_view::npos) comma = t.size();
    std::string_view item = t.substr(i, comma - i);
    size_t colon = item.find(':');
    if (first && colon == std::string_view::npos) {
      out.name = std::string(item);
      out.name_at = at + static_cast<uint32_t>(i);
    } else if (!item.empty()) {
      out.options[std::string(item.substr(0, colon))] =
          colon == std::string_view::npos ? "" : std::string(item.substr(colon + 1));
    }
    first = false;
    i = comma + 1;
  }
  return out;
}

std::string default_table(std::string_view type) { return gorm::plural(underscore(type)); }

std::optional<std::string> module_default_table(std::string_view type, bool pinned) {
  return gorm::module_plural(underscore(type), pinned);
}

}  // namespace schemagate::datalayers::bun
