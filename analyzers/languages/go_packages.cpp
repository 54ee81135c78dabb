// Text only: gofmt puts every top-level declaration at the start of its line, and a struct
// field with its type and tag on one line, so the index reads lines and never parses.
#include "analyzers/languages/go_packages.h"

#include <cctype>

namespace schemagate::languages {
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// The identifier at the start of `s`, or "".
std::string_view identifier(std::string_view s) {
  size_t e = 0;
  while (e < s.size() && word_char(s[e])) ++e;
  return e > 0 && !std::isdigit(static_cast<unsigned char>(s[0])) ? s.substr(0, e) : std::string_view();
}

/// The value of `key:"..."` in a struct tag's text, or nullopt.
bool tag_value(std::string_view tag, std::string_view key, std::string_view* value) {
  for (size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
    if (at > 0 && tag[at - 1] != ' ' && tag[at - 1] != '`') continue;
    size_t q = at + key.size();
    if (tag.substr(q, 2) != ":\"") continue;
    size_t close = tag.find('"', q + 2);
    if (close == std::string_view::npos) return false;
    *value = tag.substr(q + 2, close - q - 2);
    return true;
  }
  return false;
}

}  // namespace

bool is_prepared_statement_type(std::string_view type) {
  return type == "*sql.Stmt" || type == "*sqlx.Stmt" || type == "*sqlx.NamedStmt";
}

std::string go_module_path(std::string_view go_mod) {
  size_t i = 0;
  while (i < go_mod.size()) {
    size_t nl = go_mod.find('\n', i);
    std::string_view line = trim(go_mod.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i));
    if (line.starts_with("module") && line.size() > 6 && std::isspace(static_cast<unsigned char>(line[6]))) {
      std::string_view path = trim(line.substr(6));
      if (size_t c = path.find("//"); c != std::string_view::npos) path = trim(path.substr(0, c));
      if (path.size() >= 2 && path.front() == '"' && path.back() == '"') path = path.substr(1, path.size() - 2);
      return std::string(path);
    }
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  return {};
}

void go_file_facts(std::string_view dir, std::string_view text, FactList* out) {
  const std::string d(dir);
  bool in_struct = false;  // inside a `type X struct {` block (gofmt: its fields one per line)
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    std::string_view line = text.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i);
    i = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.starts_with("package ")) {
      std::string_view name = identifier(trim(line.substr(8)));
      if (!name.empty()) out->emplace_back("go:package-name:" + d, std::string(name));
      continue;
    }
    if (line.starts_with("func ")) {  // a top-level function, not a method (`func (r *T) M(`)
      in_struct = false;
      std::string_view name = identifier(line.substr(5));
      if (!name.empty()) out->emplace_back("go:func:" + d + ":" + std::string(name), "1");
      continue;
    }
    if (!line.empty() && !std::isspace(static_cast<unsigned char>(line[0]))) {
      in_struct = (line.starts_with("type ") || line.starts_with("\t")) && line.ends_with("struct {");
      if (line.starts_with("}")) in_struct = false;
      continue;
    }
    if (line.ends_with("struct {")) in_struct = true;  // in a `type (` group, or nested
    if (!in_struct) continue;
    // `\tName  *sqlx.Stmt  `query:"get-user"``: a field, its type and its tag on one line.
    std::string_view rest = trim(line);
    std::string_view name = identifier(rest);
    if (name.empty()) continue;
    rest = trim(rest.substr(name.size()));
    size_t type_end = 0;
    while (type_end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[type_end]))) ++type_end;
    std::string_view type = rest.substr(0, type_end);
    std::string_view tag = trim(rest.substr(type_end));
    std::string_view query;
    bool tagged = tag.starts_with("`") && tag_value(tag, "query", &query) && !query.empty();
    if (is_prepared_statement_type(type))
      out->emplace_back("go:field:" + std::string(name), tagged ? "stmt " + std::string(query) : "stmt");
    else if (type == "string" && tagged)
      out->emplace_back("go:field:" + std::string(name), "text " + std::string(query));
  }
}

void named_query_facts(std::string_view path, std::string_view text, FactList* out) {
  for (size_t at = text.find("-- name:"); at != std::string_view::npos; at = text.find("-- name:", at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;
    size_t nl = text.find('\n', at);
    std::string_view name = trim(text.substr(at + 8, nl == std::string_view::npos ? std::string_view::npos : nl - at - 8));
    size_t e = 0;
    while (e < name.size() && !std::isspace(static_cast<unsigned char>(name[e]))) ++e;
    name = name.substr(0, e);
    if (!name.empty()) out->emplace_back("sql:query:" + std::string(name), std::string(path));
  }
}

}  // namespace schemagate::languages
