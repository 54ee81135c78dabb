#include "analyzers/source/discovery.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace schemagate::source {
namespace {

bool match_here(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.size() >= 2 && p[0] == '*' && p[1] == '*') {
      // '**/' matches zero or more components; a trailing '**' matches everything.
      std::string_view rest = p.substr(2);
      if (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);
      for (size_t i = 0; i <= s.size(); ++i) {
        if ((i == 0 || s[i - 1] == '/') && match_here(rest, s.substr(i))) return true;
      }
      return rest.empty();
    }
    if (p[0] == '*') {
      std::string_view rest = p.substr(1);
      for (size_t i = 0; i <= s.size(); ++i) {
        if (match_here(rest, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p[0] == '?') {
      if (s[0] == '/') return false;
    } else if (p[0] == '[') {
      size_t close = p.find(']', 1);
      if (close == std::string_view::npos) {
        if (s[0] != '[') return false;
      } else {
        std::string_view cls = p.substr(1, close - 1);
        bool neg = !cls.empty() && (cls[0] == '!' || cls[0] == '^');
        if (neg) cls.remove_prefix(1);
        bool in = false;
        for (size_t i = 0; i < cls.size(); ++i) {
          if (i + 2 < cls.size() && cls[i + 1] == '-') {
            if (s[0] >= cls[i] && s[0] <= cls[i + 2]) in = true;
            i += 2;
          } else if (cls[i] == s[0]) {
            in = true;
          }
        }
        if (in == neg) return false;
        p.remove_prefix(close + 1);
        s.remove_prefix(1);
        continue;
      }
    } else if (p[0] != s[0]) {
      return false;
    }
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

struct IgnoreRule {
  std::string base;     // directory of the .gitignore, root-relative ("" for root)
  std::string pattern;  // without '!' and trailing '/'
  bool negate = false;
  bool dir_only = false;
  bool anchored = false;  // contains '/' other than at the end
};

bool rule_matches(const IgnoreRule& r, const std::string& path, bool is_dir) {
  if (r.dir_only && !is_dir) return false;
  std::string_view rel = path;
  if (!r.base.empty()) {
    if (path.compare(0, r.base.size() + 1, r.base + "/") != 0) return false;
    rel.remove_prefix(r.base.size() + 1);
  }
  if (r.anchored) return match_here(r.pattern, rel);
  auto slash = rel.rfind('/');
  return match_here(r.pattern, slash == std::string_view::npos ? rel : rel.substr(slash + 1));
}

void read_gitignore(const FileSystem& fs, const std::string& root, const std::string& dir, std::vector<IgnoreRule>* rules) {
  std::string text, err;
  if (!fs.read(join_path(join_path(root, dir), ".gitignore"), &text, &err)) return;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    IgnoreRule r;
    r.base = dir;
    if (line[0] == '!') {
      r.negate = true;
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      r.dir_only = true;
      line.pop_back();
    }
    if (!line.empty() && line[0] == '/') {
      r.anchored = true;
      line.erase(0, 1);
    }
    if (line.find('/') != std::string::npos) r.anchored = true;
    if (line.empty()) continue;
    r.pattern = line;
    rules->push_back(r);
  }
}

bool ignored(const std::vector<IgnoreRule>& rules, const std::string& path, bool is_dir) {
  bool result = false;
  for (auto& r : rules)
    if (rule_matches(r, path, is_dir)) result = !r.negate;
  return result;
}

const std::set<std::string>& skipped_dir_names() {
  static const std::set<std::string> names = {"node_modules", "vendor", "dist", "build", "out", "target",
                                              "venv", "__pycache__", "coverage", "bower_components",
                                              "site-packages"};
  return names;
}

void walk(const FileSystem& fs, const std::string& root, const std::string& dir, const DiscoveryOptions& opt,
          std::vector<IgnoreRule> rules, std::vector<std::string>* out) {
  read_gitignore(fs, root, dir, &rules);
  for (auto& e : fs.list(join_path(root, dir))) {
    std::string rel = dir.empty() ? e.name : dir + "/" + e.name;
    if (e.is_dir) {
      if (e.name[0] == '.' || skipped_dir_names().count(e.name)) continue;
      if (std::find(opt.skip_dirs.begin(), opt.skip_dirs.end(), rel) != opt.skip_dirs.end()) continue;
      if (ignored(rules, rel, true)) continue;
      bool excluded = false;
      for (auto& g : opt.exclude) excluded = excluded || glob_match(g, rel);
      if (excluded) continue;
      walk(fs, root, rel, opt, rules, out);
    } else {
      if (is_migration_name(e.name) && opt.other_migrations && e.name.size() > 7 &&
          e.name.compare(e.name.size() - 7, 7, ".up.sql") == 0 && !ignored(rules, rel, false))
        opt.other_migrations->push_back(rel);
      if (e.name[0] == '.' || is_minified_name(e.name) || is_migration_name(e.name) || is_never_run_name(e.name) ||
          ignored(rules, rel, false))
        continue;
      bool excluded = false;
      for (auto& g : opt.exclude) excluded = excluded || glob_match(g, rel);
      if (excluded) continue;
      if (!opt.include.empty()) {
        bool inc = false;
        for (auto& g : opt.include) inc = inc || glob_match(g, rel);
        if (!inc) continue;
      }
      out->push_back(rel);
    }
  }
}

// ASCII only, without locale lookups: this runs over every byte of every candidate file.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
inline bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Case-insensitive `word` at text[i], as a whole word.
bool word_at(std::string_view text, size_t i, std::string_view word) {
  if (i + word.size() > text.size() || (i > 0 && word_char(text[i - 1]))) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (ascii_lower(text[i + k]) != word[k]) return false;
  return i + word.size() == text.size() || !word_char(text[i + word.size()]);
}

/// Whether `word` starts a whole word somewhere in text[from, from + window).
bool word_within(std::string_view text, size_t from, size_t window, std::string_view word) {
  size_t end = std::min(text.size(), from + window);
  for (size_t i = from; i < end; ++i)
    if (word_at(text, i, word)) return true;
  return false;
}

/// Whether `word` is the next word after text[from] (blanks skipped).
bool next_word(std::string_view text, size_t from, std::string_view word) {
  while (from < text.size() && std::isspace(static_cast<unsigned char>(text[from]))) ++from;
  return word_at(text, from, word);
}

}  // namespace

bool may_contain_sql(std::string_view text) {
  for (size_t i = 0; i + 5 < text.size(); ++i) {
    char c = ascii_lower(text[i]);
    if (c != 's' && c != 'i' && c != 'u' && c != 'd' && c != 'm' && c != 'c') continue;
    if (i > 0 && word_char(text[i - 1])) continue;
    if (word_at(text, i, "insert") && next_word(text, i + 6, "into")) return true;
    if (word_at(text, i, "delete") && next_word(text, i + 6, "from")) return true;
    if (word_at(text, i, "merge") && next_word(text, i + 5, "into")) return true;
    if (word_at(text, i, "select") && word_within(text, i + 6, 4000, "from")) return true;
    if (word_at(text, i, "update") && word_within(text, i + 6, 400, "set")) return true;
    // A file that only creates a table at start-up (CREATE TABLE IF NOT EXISTS, CREATE TEMP
    // TABLE) must still be read: the relation it creates exists for the queries elsewhere.
    if (word_at(text, i, "create") && (word_within(text, i + 6, 40, "table") || word_within(text, i + 6, 40, "view")))
      return true;
  }
  return false;
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.find('/') == std::string_view::npos) {
    auto slash = path.rfind('/');
    return match_here(pattern, slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  if (!pattern.empty() && pattern[0] == '/') pattern.remove_prefix(1);
  return match_here(pattern, path);
}

std::vector<std::string> discover_files(const FileSystem& fs, const std::string& root, const DiscoveryOptions& options) {
  std::vector<std::string> out;
  walk(fs, root, "", options, {}, &out);
  std::sort(out.begin(), out.end());
  return out;
}

bool is_generated(std::string_view text) {
  std::string_view head = text.substr(0, 1024);
  if (head.find("@generated") != std::string_view::npos) return true;
  auto cg = head.find("Code generated");
  return cg != std::string_view::npos && head.find("DO NOT EDIT", cg) != std::string_view::npos;
}

bool is_minified(std::string_view text) {
  std::string_view head = text.substr(0, 64 * 1024);
  size_t newlines = static_cast<size_t>(std::count(head.begin(), head.end(), '\n'));
  if (head.size() <= 200 * (newlines + 1)) return false;
  size_t begin = 0;
  for (int line = 0; line < 20 && begin < head.size(); ++line) {
    size_t nl = head.find('\n', begin);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    if (end - begin > 1000) return true;
    if (nl == std::string_view::npos) break;
    begin = nl + 1;
  }
  return false;
}

bool is_test_file(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends("_test.go") || ends("_test.py") || path.find("__tests__/") != std::string_view::npos) return true;
  // A tests/ or test/ directory at any depth (pytest layouts, Node's test/ folders).
  for (std::string_view dir : {"tests/", "test/"})
    if (path.rfind(dir, 0) == 0 || path.find("/" + std::string(dir)) != std::string_view::npos) return true;
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.rfind("test_", 0) == 0 && ends(".py")) return true;
  return name.find(".test.") != std::string_view::npos || name.find(".spec.") != std::string_view::npos ||
         name.find(".test-d.") != std::string_view::npos;  // tsd type tests: never run
}

bool is_migration_name(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string_view n = lower;
  if (n.size() > 3 && n.substr(n.size() - 3) == ".rb") {  // Rails: <timestamp>_<name>.rb
    size_t digits = 0;
    while (digits < n.size() && std::isdigit(static_cast<unsigned char>(n[digits]))) ++digits;
    return digits >= 8 && digits < n.size() - 3 && n[digits] == '_';
  }
  size_t suffix = n.size() > 7 && n.substr(n.size() - 7) == ".up.sql" ? 7
                : n.size() > 9 && n.substr(n.size() - 9) == ".down.sql" ? 9 : 0;
  if (!suffix) return false;
  size_t digits = 0;
  while (digits < n.size() && std::isdigit(static_cast<unsigned char>(n[digits]))) ++digits;
  return digits > 0 && digits < n.size() - suffix && n[digits] == '_';
}

bool is_never_run_name(std::string_view name) {
  // tsd type tests (*.test-d.ts) are only type-checked, and *.example.* files are documentation:
  // the SQL in them never reaches a database, so their made-up tables are not findings.
  return name.find(".test-d.") != std::string_view::npos || name.find(".example.") != std::string_view::npos;
}

bool is_minified_name(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext;
  for (char c : name.substr(dot)) ext.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (ext != ".js" && ext != ".mjs" && ext != ".cjs") return false;
  std::string_view stem = name.substr(0, dot);
  size_t begin = 0;
  bool first = true;
  while (begin <= stem.size()) {
    size_t end = stem.find_first_of(".-_", begin);
    if (end == std::string_view::npos) end = stem.size();
    std::string part;
    for (char c : stem.substr(begin, end - begin)) part.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (!first && (part == "min" || part == "bundle")) return true;
    first = false;
    begin = end + 1;
  }
  return false;
}

}  // namespace schemagate::source
