// See python_modules.h.
#include "analyzers/datalayers/python_modules.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>

namespace schemagate::datalayers::python {

namespace {

constexpr std::string_view kReexport = "python:reexport:";

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }
TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }
std::string_view text_of(std::string_view src, TSNode n) {
  return src.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
}

std::string slashed(std::string_view dotted) {
  std::string out(dotted);
  for (char& c : out)
    if (c == '.') c = '/';
  return out;
}

/// "app/models/base.py" -> "app/models/base"; "app/models/__init__.py" -> "app/models".
std::string module_of(std::string_view path) {
  std::string p(path);
  if (p.ends_with(".py")) p.resize(p.size() - 3);
  if (p == "__init__") return "";
  if (p.ends_with("/__init__")) p.resize(p.size() - 9);
  return p;
}

bool module_matches(std::string_view file, const std::string& module, bool exact) {
  std::string m = module_of(file);
  if (m == module) return true;
  return !exact && m.size() > module.size() && m.ends_with(module) && m[m.size() - module.size() - 1] == '/';
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) out.emplace_back(s.substr(start, i - start)), start = i + 1;
  return out;
}

/// `from <module_name>`: the module as a path; `exact` for a relative import.
std::string from_module(std::string_view path, std::string_view src, TSNode module_name, bool* exact) {
  if (is(module_name, "dotted_name")) {
    *exact = false;
    return slashed(text_of(src, module_name));
  }
  if (!is(module_name, "relative_import")) return "";
  *exact = true;
  std::string_view t = text_of(src, module_name);
  size_t dots = 0;
  while (dots < t.size() && t[dots] == '.') ++dots;
  std::string dir(path.substr(0, path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/')));
  for (size_t i = 1; i < dots; ++i) {
    if (dir.empty()) return "";  // above the project's root
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
  }
  std::string rest = slashed(t.substr(dots));
  if (rest.empty()) return dir;
  return dir.empty() ? rest : dir + "/" + rest;
}

struct Lookup {
  const ProjectFacts& facts;
  std::string_view prefix;

  const std::vector<std::string>* entries(const std::string& key) const {
    auto it = facts.find(key);
    return it == facts.end() ? nullptr : &it->second;
  }

  void in_module(const std::string& module, bool exact, const std::string& name, int depth,
                 std::vector<FoundClass>* found) const {
    if (depth > 8 || (module.empty() && exact)) return;
    size_t before = found->size();
    if (auto* classes = entries(std::string(prefix) + "class:" + name))
      for (const std::string& v : *classes) {
        size_t nl = v.find('\n');
        std::string path = v.substr(0, nl);
        if (!module_matches(path, module, exact)) continue;
        FoundClass c{path, name, nl == std::string::npos ? "" : v.substr(nl + 1)};
        // Defined twice in one file: the later definition wins, as in Python.
        bool replaced = false;
        for (size_t i = before; i < found->size(); ++i)
          if ((*found)[i].path == path) (*found)[i] = c, replaced = true;
        if (!replaced) found->push_back(std::move(c));
      }
    if (found->size() > before) return;
    // Re-exported by a package __init__ (`from .base import TimestampMixin`, or `import *`).
    for (const std::string& key : {std::string(kReexport) + name, std::string(kReexport) + "*"})
      if (auto* exports = entries(key))
        for (const std::string& v : std::set<std::string>(exports->begin(), exports->end())) {
          std::vector<std::string> parts = split(v, '\t');
          if (parts.size() != 4 || !module_matches(parts[0], module, exact)) continue;
          if (parts[1] == module && parts[2] == "1") continue;  // itself
          in_module(parts[1], parts[2] == "1", parts[3] == "*" ? name : parts[3], depth + 1, found);
        }
  }
};

}  // namespace

std::map<std::string, Import> imports_of(std::string_view path, std::string_view text, TSNode root) {
  std::map<std::string, Import> out;
  uint32_t n = ts_node_named_child_count(root);
  int stars = 0;
  for (uint32_t i = 0; i < n; ++i) {
    TSNode s = ts_node_named_child(root, i);
    if (is(s, "import_from_statement")) {
      Import imp;
      imp.module = from_module(path, text, field(s, "module_name"), &imp.exact);
      if (imp.module.empty() && !imp.exact) continue;
      uint32_t k = ts_node_named_child_count(s);
      for (uint32_t j = 0; j < k; ++j) {
        TSNode c = ts_node_named_child(s, j);
        if (ts_node_eq(c, field(s, "module_name"))) continue;
        if (is(c, "wildcard_import")) {
          Import star = imp;
          star.name = "*";
          out["*" + std::to_string(stars++)] = star;
        } else if (is(c, "dotted_name")) {
          Import one = imp;
          one.name = std::string(text_of(text, c));
          out[one.name] = one;
        } else if (is(c, "aliased_import")) {
          Import one = imp;
          one.name = std::string(text_of(text, field(c, "name")));
          out[std::string(text_of(text, field(c, "alias")))] = one;
        }
      }
    } else if (is(s, "import_statement")) {
      uint32_t k = ts_node_named_child_count(s);
      for (uint32_t j = 0; j < k; ++j) {
        TSNode c = ts_node_named_child(s, j);
        if (is(c, "dotted_name")) {
          // `import a.b.c` binds `a`; `a.b.c.Name` is resolved from it.
          std::string t(text_of(text, c));
          std::string head = t.substr(0, t.find('.'));
          out[head] = Import{head, false, ""};
        } else if (is(c, "aliased_import")) {
          out[std::string(text_of(text, field(c, "alias")))] = Import{slashed(text_of(text, field(c, "name"))), false, ""};
        }
      }
    }
  }
  return out;
}

void index_classes(std::string_view prefix, std::string_view path, std::string_view text, TSNode root,
                   const std::vector<std::pair<std::string, std::string>>& records,
                   std::vector<std::pair<std::string, std::string>>* out) {
  for (auto& [name, record] : records) out->push_back({std::string(prefix) + "class:" + name, std::string(path) + "\n" + record});
  // Any module's imports can be imported from it (`from .base import *` re-exports what base.py
  // imported itself); a package __init__'s are the usual case.
  if (ts_node_is_null(root)) return;
  for (auto& [local, imp] : imports_of(path, text, root)) {
    if (imp.name.empty()) continue;
    std::string value = std::string(path) + "\t" + imp.module + "\t" + (imp.exact ? "1" : "0") + "\t" + imp.name;
    out->push_back({std::string(kReexport) + (imp.name == "*" ? "*" : local), value});
  }
}

bool reexports(std::string_view path, std::string_view text) {
  return path.ends_with("__init__.py") && text.find("import") != std::string_view::npos;
}

std::string base_ref(const std::map<std::string, Import>& imports, std::string_view written) {
  std::vector<std::string> parts = split(written, '.');
  for (const std::string& p : parts)
    if (p.empty() || !std::all_of(p.begin(), p.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
      return "?";
  auto it = imports.find(parts[0]);
  if (parts.size() == 1) {
    if (it == imports.end()) return "=" + parts[0];
    if (it->second.name.empty()) return "?";
    return it->second.module + "\t" + (it->second.exact ? "1" : "0") + "\t" + it->second.name;
  }
  if (it == imports.end()) return "?";
  std::string module = it->second.module;
  if (!it->second.name.empty()) module += "/" + it->second.name;  // `from app.models import base`
  for (size_t i = 1; i + 1 < parts.size(); ++i) module += "/" + parts[i];
  return module + "\t" + (it->second.exact ? "1" : "0") + "\t" + parts.back();
}

std::optional<FoundClass> resolve_ref(const ProjectFacts& facts, std::string_view prefix, std::string_view from,
                                      const std::string& ref) {
  if (ref.empty() || ref == "?") return std::nullopt;
  Lookup lookup{facts, prefix};
  std::vector<FoundClass> found;
  if (ref[0] == '=') {
    lookup.in_module(module_of(from), true, ref.substr(1), 0, &found);
  } else {
    std::vector<std::string> parts = split(ref, '\t');
    if (parts.size() != 3) return std::nullopt;
    lookup.in_module(parts[0], parts[1] == "1", parts[2], 0, &found);
  }
  std::set<std::pair<std::string, std::string>> distinct;
  for (const FoundClass& c : found) distinct.insert({c.path, c.name});
  if (distinct.size() != 1) return std::nullopt;  // none, or one name in several modules
  return found.back();
}

ClassHeader class_header(std::string_view text, TSNode cls) {
  ClassHeader h;
  TSNode name = field(cls, "name");
  h.name = std::string(text_of(text, name));
  h.begin = ts_node_start_byte(name), h.end = ts_node_end_byte(name);
  TSNode supers = field(cls, "superclasses");
  uint32_t n = ts_node_is_null(supers) ? 0 : ts_node_named_child_count(supers);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode b = ts_node_named_child(supers, i);
    if (is(b, "keyword_argument"))
      h.keywords.push_back({std::string(text_of(text, field(b, "name"))), std::string(text_of(text, field(b, "value")))});
    else
      h.bases.push_back(std::string(text_of(text, b)));
  }
  return h;
}

std::string encode(const Record& r) {
  std::string out;
  for (const std::string& h : r.header) out += h + "\n";
  for (size_t i = 0; i < r.bases.size(); ++i)
    out += (i ? "\x1e" : "") + r.bases[i].first + "\x1f" + r.bases[i].second;
  for (const auto& row : r.rows) {
    out += "\n";
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "\t" : "") + row[i];
  }
  return out;
}

std::optional<Record> decode(const std::string& text, size_t header) {
  std::vector<std::string> lines = split(text, '\n');
  if (lines.size() < header + 1) return std::nullopt;
  Record r;
  r.header.assign(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(header));
  if (!lines[header].empty())
    for (const std::string& b : split(lines[header], '\x1e')) {
      size_t sep = b.find('\x1f');
      r.bases.push_back({b.substr(0, sep), sep == std::string::npos ? "?" : b.substr(sep + 1)});
    }
  for (size_t i = header + 1; i < lines.size(); ++i) r.rows.push_back(split(lines[i], '\t'));
  return r;
}

}  // namespace schemagate::datalayers::python
