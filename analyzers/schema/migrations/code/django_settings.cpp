// What a Django project's settings install (django_names.h's django_installed_apps): read from
// the text, as auth_user_model reads AUTH_USER_MODEL (code/django.cpp), not run.
#include <algorithm>
#include <cctype>
#include <set>

#include "analyzers/schema/migrations/code/django_names.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations::code {

std::string InstalledApp::label() const {
  std::string_view m = module;
  if (size_t apps = m.find(".apps."); apps != std::string_view::npos) m = m.substr(0, apps);
  size_t dot = m.rfind('.');
  return std::string(dot == std::string_view::npos ? m : m.substr(dot + 1));
}

namespace {

bool name_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// The quoted dotted names of `text`'s list that opens at `open` (`[` or `(`), up to the bracket
/// that closes it; each with its offset.
void names_in_list(std::string_view text, size_t open, std::vector<std::pair<std::string, size_t>>* out) {
  int depth = 0;
  for (size_t k = open; k < text.size(); ++k) {
    char c = text[k];
    if (c == '#') {
      k = text.find('\n', k);
      if (k == std::string_view::npos) return;
    } else if (c == '[' || c == '(') {
      ++depth;
    } else if (c == ']' || c == ')') {
      if (--depth == 0) return;
    } else if (c == '"' || c == '\'') {
      size_t close = text.find(c, k + 1);
      if (close == std::string_view::npos || text.substr(k, close - k).find('\n') != std::string_view::npos) return;
      std::string_view body = text.substr(k + 1, close - k - 1);
      bool dotted = !body.empty() && std::all_of(body.begin(), body.end(), [](char b) { return name_byte(b) || b == '.'; });
      if (dotted) out->push_back({std::string(body), k});
      k = close;
    }
  }
}

}  // namespace

std::vector<InstalledApp> django_installed_apps(const source::FileSystem& fs, const std::string& root) {
  std::vector<InstalledApp> out;
  std::set<std::string> seen;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    if (!path.ends_with(".py") || path.find("settings") == std::string::npos) continue;
    std::string text, err;
    if (!fs.read(source::join_path(root, path), &text, &err)) continue;
    std::vector<size_t> line_starts = {0};
    for (size_t k = 0; k < text.size(); ++k)
      if (text[k] == '\n') line_starts.push_back(k + 1);
    auto line_of = [&](size_t at) {
      return static_cast<int>(std::upper_bound(line_starts.begin(), line_starts.end(), at) - line_starts.begin());
    };
    // `NAME_APPS = [` / `+= (`: a name ending in APPS, as a whole word, then the list.
    for (size_t at = text.find("APPS"); at != std::string::npos; at = text.find("APPS", at + 4)) {
      size_t end = at + 4;
      if (end < text.size() && name_byte(text[end])) continue;
      size_t begin = at;
      while (begin > 0 && name_byte(text[begin - 1])) --begin;
      if (begin > 0 && text[begin - 1] == '.') continue;  // settings.INSTALLED_APPS, read not assigned
      size_t k = end;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (k < text.size() && text[k] == '+') ++k;
      if (k >= text.size() || text[k] != '=' || (k + 1 < text.size() && text[k + 1] == '=')) continue;
      ++k;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\\' || text[k] == '\n')) ++k;
      if (k >= text.size() || (text[k] != '[' && text[k] != '(')) continue;
      std::vector<std::pair<std::string, size_t>> names;
      names_in_list(text, k, &names);
      for (auto& [name, offset] : names)
        if (seen.insert(name).second) out.push_back({name, path, line_of(offset)});
    }
  }
  return out;
}

}  // namespace schemagate::schema::migrations::code
