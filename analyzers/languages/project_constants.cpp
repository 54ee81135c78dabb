#include "analyzers/languages/project_constants.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <atomic>
#include <map>
#include <memory>
#include <thread>

#include "analyzers/languages/ascii_class.h"
#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/go_prefilter.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/python_tokens.h"
#include "analyzers/languages/script_lexer.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/source/byte_scan.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/word_search.h"

namespace schemagate::languages {

const std::string ProjectConstants::kAmbiguous = std::string(1, '\0') + "ambiguous";

namespace {

std::string_view directory(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

/// `a/b/../c/./d` -> `a/c/d`; empty when it climbs above the root.
std::string normalize(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(i, slash - i);
    if (part == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = slash + 1;
  }
  std::string out;
  for (auto p : parts) out += (out.empty() ? "" : "/") + std::string(p);
  return out;
}

bool is_go(std::string_view path) { return path.size() > 3 && path.substr(path.size() - 3) == ".go"; }
bool is_go_test(std::string_view path) { return path.size() > 8 && path.substr(path.size() - 8) == "_test.go"; }

const std::vector<std::string_view> kScriptExtensions = {".ts", ".tsx", ".js", ".mjs", ".jsx", ".mts", ".cjs", ".cts",
                                                         "/index.ts", "/index.tsx", "/index.js", "/index.mjs"};
const std::vector<std::string_view> kPythonExtensions = {".py", "/__init__.py"};

constexpr size_t kAmbiguousIndex = static_cast<size_t>(-1);

}  // namespace

std::string_view ProjectConstants::family(std::string_view language) {
  if (language == "javascript" || language == "typescript" || language == "tsx") return "script";
  if (language == "java" || language == "kotlin") return "jvm";
  return language;
}

void ProjectConstants::add_file(const std::string& path, const FileConstants& constants) {
  if (constants.empty()) return;
  auto& names = by_file_[path];
  for (auto& [name, text] : constants) {
    auto [it, fresh] = names.emplace(name, text);
    if (!fresh && it->second != text) it->second = kAmbiguous;  // assigned twice: which one is seen is not known
  }
}

void ProjectConstants::add_wrappers(std::string_view language, const FileWrappers& wrappers) {
  if (wrappers.empty()) return;
  size_t file = wrapper_files_++;
  auto& names = wrappers_[std::string(family(language))];
  for (auto& w : wrappers) {
    auto [it, fresh] = names.emplace(w.name, WrapperEntry{w.argument, w.method, file, w.at});
    if (fresh) continue;
    WrapperEntry& e = it->second;
    // Methods of one name in two files: a call may reach a third class's, which no file
    // recorded. In one file every method of the name is recorded (collect_wrappers), so methods
    // there that all hand on the SQL at the same place (one delegating to the other) stay one.
    bool same_file = e.file == file;
    if (e.argument != w.argument || (!same_file && (e.method || w.method))) e.argument = kAmbiguousIndex;
  }
}

const size_t* ProjectConstants::wrapper(std::string_view language, std::string_view name) const {
  if (log_) log_->insert({ProjectQuery::kWrapper, std::string(language), "", std::string(name), false});
  auto f = wrappers_.find(family(language));
  if (f == wrappers_.end()) return nullptr;
  auto it = f->second.find(name);
  return it == f->second.end() || it->second.argument == kAmbiguousIndex ? nullptr : &it->second.argument;
}

const std::string* ProjectConstants::in_file(const std::string& path, std::string_view name) const {
  if (reads_) reads_->insert(path);
  auto f = by_file_.find(path);
  if (f == by_file_.end()) return nullptr;
  auto it = f->second.find(name);
  if (it == f->second.end() || it->second == kAmbiguous) return nullptr;
  return &it->second;
}

std::string ProjectConstants::by_suffix(std::string_view stem, const std::vector<std::string_view>& extensions) const {
  std::string found;
  bool ambiguous = false;
  for (auto& [path, names] : by_file_) {
    for (std::string_view ext : extensions) {
      std::string want = std::string(stem) + std::string(ext);
      if (path == want || (path.size() > want.size() && path.compare(path.size() - want.size(), want.size(), want) == 0 &&
                           path[path.size() - want.size() - 1] == '/')) {
        if (reads_) reads_->insert(path);  // every candidate counts, the answer depends on all
        if (!found.empty() && found != path && !reads_) return {};  // two modules of that name: not certain
        if (!found.empty() && found != path) ambiguous = true;
        found = path;
      }
    }
  }
  return ambiguous ? std::string() : found;
}

const std::string* ProjectConstants::imported(std::string_view file, std::string_view module, std::string_view name,
                                              bool python) const {
  if (log_)
    log_->insert({ProjectQuery::kImported, std::string(file), std::string(module), std::string(name), python});
  if (module.empty()) return nullptr;
  if (python) {
    size_t dots = 0;
    while (dots < module.size() && module[dots] == '.') ++dots;
    std::string rest(module.substr(dots));
    std::replace(rest.begin(), rest.end(), '.', '/');
    if (dots > 0) {  // relative: from the file's package, one level up per extra dot
      std::string base(directory(file));
      for (size_t d = 1; d < dots; ++d) base = base.empty() ? "/.." : std::string(directory(base));
      std::string stem = normalize(base.empty() ? rest : rest.empty() ? base : base + "/" + rest);
      for (std::string_view ext : kPythonExtensions)
        if (const std::string* t = in_file(stem + std::string(ext), name)) return t;
      return nullptr;
    }
    std::string path = by_suffix(rest, kPythonExtensions);
    return path.empty() ? nullptr : in_file(path, name);
  }
  if (module.front() == '.') {
    std::string stem = normalize(std::string(directory(file)) + "/" + std::string(module));
    if (stem.empty()) return nullptr;
    if (const std::string* t = in_file(stem, name)) return t;
    for (std::string_view ext : kScriptExtensions)
      if (const std::string* t = in_file(stem + std::string(ext), name)) return t;
    return nullptr;
  }
  // Path aliases of the usual tsconfig `paths` ("@/lib/db" -> src/lib/db): by the one file
  // whose path ends so. Package imports ("pg", "@prisma/client") have no such file.
  if (module.size() > 2 && (module.substr(0, 2) == "@/" || module.substr(0, 2) == "~/" || module.substr(0, 2) == "#/")) {
    std::string path = by_suffix(module.substr(2), kScriptExtensions);
    return path.empty() ? nullptr : in_file(path, name);
  }
  return nullptr;
}

const std::string* ProjectConstants::package_level(std::string_view file, std::string_view name) const {
  if (log_) log_->insert({ProjectQuery::kPackageLevel, std::string(file), "", std::string(name), false});
  bool seen = false;
  if (name.size() > 1 && name.front() == '=') {  // "=.name": the field's text, if a file of the package reads it
    in_package(file, name, true, &seen);
    return seen ? package_level(file, name.substr(1)) : nullptr;
  }
  bool field = !name.empty() && name.front() == '.';
  if (field)
    if (const std::string* t = in_package(file, "!" + std::string(name), true, &seen); seen) return t;
  return in_package(file, name, field, &seen);
}

const std::string* ProjectConstants::package_level_unrecorded(std::string_view file, std::string_view name) const {
  std::set<ProjectQuery>* log = log_;
  log_ = nullptr;
  const std::string* t = package_level(file, name);
  log_ = log;
  return t;
}

void ProjectConstants::record_package_level(std::string_view file, std::string_view name) const {
  if (log_) log_->insert({ProjectQuery::kPackageLevel, std::string(file), "", std::string(name), false});
}

const std::string* ProjectConstants::in_package(std::string_view file, std::string_view name, bool self,
                                                bool* seen) const {
  std::string_view dir = directory(file);
  bool test = is_go_test(file);
  const std::string* found = nullptr;
  std::string prefix = dir.empty() ? "" : std::string(dir) + "/";
  for (auto it = by_file_.lower_bound(prefix); it != by_file_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    const std::string& path = it->first;
    if ((path == file && !self) || !is_go(path) || path.find('/', prefix.size()) != std::string::npos) continue;
    if (is_go_test(path) && !test) continue;  // a test file's constants exist only in the test binary
    if (reads_) reads_->insert(path);
    auto n = it->second.find(name);
    if (n == it->second.end()) continue;
    *seen = true;
    if (n->second == kAmbiguous || (found && *found != n->second)) return nullptr;  // build-tagged variants
    found = &n->second;
  }
  return found;
}

bool ProjectConstants::answers(const ProjectQuery& q) const {
  switch (q.kind) {
    case ProjectQuery::kImported: return imported(q.a, q.b, q.c, q.python) != nullptr;
    case ProjectQuery::kPackageLevel: return package_level(q.a, q.c) != nullptr;
    case ProjectQuery::kWrapper: return wrapper(q.a, q.c) != nullptr;
  }
  return true;
}

ProjectConstants ProjectConstants::every_file(const std::vector<std::string>& paths) {
  ProjectConstants out;
  for (auto& p : paths) out.by_file_[p];
  return out;
}

void ProjectConstants::reads(const ProjectQuery& q, std::set<std::string>* paths) const {
  reads_ = paths;
  if (q.kind == ProjectQuery::kImported) imported(q.a, q.b, q.c, q.python);
  if (q.kind == ProjectQuery::kPackageLevel) package_level(q.a, q.c);
  reads_ = nullptr;
}

bool ProjectConstants::may_define_wrapper(const Language& language, std::string_view text) {
  // Python: a call of one in the code, not the word in a docstring or comment ("raw", "text").
  if (language.name == "python") return python_calls_one_of(text, language.database_calls);
  auto word = [](char c) { return ascii_alnum(c) || c == '_' || c == '$'; };
  for (std::string_view name : language.database_calls) {
    if (name.empty() || !std::all_of(name.begin(), name.end(), word)) return true;  // Ruby's "[]": not a word
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1))
      if ((at == 0 || !word(text[at - 1])) && (at + name.size() == text.size() || !word(text[at + name.size()])))
        return true;
  }
  return false;
}

bool ProjectConstants::holds_word(std::string_view text, std::string_view name) {
  name = name.substr(0, name.find('('));  // a function's record ("name()", "name(@)"): its name
  auto word = [](char c) { return ascii_alnum(c) || c == '_' || c == '$'; };
  if (name.empty()) return false;
  auto whole_word = [&](size_t at) {
    return (at == 0 || !word(text[at - 1])) && (at + name.size() >= text.size() || !word(text[at + name.size()]));
  };
  return source::occurs_where(text, name, whole_word);
}

std::optional<std::set<std::string, std::less<>>> ProjectConstants::go_package_level_words(std::string_view text) {
  std::optional<std::string> masked = go_code_only(text);
  if (!masked) return std::nullopt;
  std::string_view code = *masked;
  auto word = [](char c) { return go_word_byte(c); };
  auto blank = [&](size_t i) { return i < code.size() && ascii_blank(code[i]); };
  std::set<std::string, std::less<>> words;
  size_t n = code.size();
  int braces = 0, brackets = 0;  // brackets: ( and [
  bool signature = false;         // in a func's parameters and results, up to its body
  int signature_brackets = 0;     // the brackets open where that func keyword stands
  for (size_t i = 0; i < n;) {
    char c = code[i];
    if (c == '{') {
      if (braces == 0 && signature && brackets == signature_brackets) signature = false;  // the body
      ++braces;
      ++i;
      continue;
    }
    if (c == '}') {
      if (--braces < 0) return std::nullopt;
      ++i;
      continue;
    }
    if (braces > 0) {
      ++i;
      continue;
    }
    if (c == '(' || c == '[') ++brackets;
    if (c == ')' || c == ']') {
      if (--brackets < 0) return std::nullopt;
      if (signature && brackets < signature_brackets) signature = false;
    }
    if ((c == '\n' || c == ';') && signature && brackets == signature_brackets) signature = false;  // no body
    if (!word(c)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && word(code[end])) ++end;
    std::string_view w = code.substr(i, end - i);
    i = end;
    if (signature) continue;
    if (w != "func") {
      words.emplace(w);
      continue;
    }
    // func (receiver) Name: the receiver's words and the name count; what follows up to the
    // body does not.
    size_t j = end;
    while (blank(j)) ++j;
    if (j < n && code[j] == '(') {
      int depth = 0;
      size_t k = j;
      for (; k < n; ++k) {
        if (code[k] == '(') ++depth;
        if (code[k] == ')' && --depth == 0) break;
        if (code[k] == '{' || code[k] == '}') return std::nullopt;
      }
      if (k >= n) return std::nullopt;
      for (size_t a = j; a < k;) {
        if (!word(code[a])) {
          ++a;
          continue;
        }
        size_t e = a;
        while (e < k && word(code[e])) ++e;
        words.emplace(code.substr(a, e - a));
        a = e;
      }
      j = k + 1;
      while (blank(j)) ++j;
    }
    size_t e = j;
    while (e < n && word(code[e])) ++e;
    if (e > j) words.emplace(code.substr(j, e - j));
    i = e > j ? e : j;
    signature = true;
    signature_brackets = brackets;
  }
  if (braces != 0 || brackets != 0) return std::nullopt;
  return words;
}

bool ProjectConstants::holds_wrapper_name(std::string_view language, std::string_view text) const {
  auto f = wrappers_.find(family(language));
  if (f == wrappers_.end()) return false;
  for (auto& [name, entry] : f->second)
    if (holds_word(text, name)) return true;
  return false;
}

namespace {

/// JavaScript and TypeScript: whether some name of `names` occurs as a word where a declaration
/// can put it: after `function`, before `=` or `:` (`const rawQuery = async (sql) =>`, a typed
/// `const q: Fn = ...`), before `<` (type parameters), or before a parenthesised list followed
/// by `{`, `:` or `=>` (a method: `async query(sql: string) {`). A call (`query(sql);`,
/// `await query(sql).rows`) is none of these.
bool script_declares_one_of(std::string_view text, const std::set<std::string>& names) {
  auto word = [](char c) { return script_word_byte(c); };
  auto blank = [](char c) { return ascii_blank(c); };
  // By first and last byte (mixed into one of 1024 slots), bit k set when a name of k bytes
  // starts and ends with them (k < 64; 0 for longer names): most words are not looked up in
  // the set. The first byte alone let nearly every word through with the hundred-odd names a
  // project asks (`const`, `return`, `string` share first byte and length with some name).
  auto slot = [](std::string_view w) {
    return (static_cast<unsigned char>(w.front()) * 33u + static_cast<unsigned char>(w.back())) & 1023u;
  };
  auto length_bit = [](size_t size) { return uint64_t{1} << (size < 64 ? size : 0); };
  std::array<uint64_t, 1024> starts{};
  for (const std::string& name : names)
    if (!name.empty()) starts[slot(name)] |= length_bit(name.size());
  size_t n = text.size();
  return each_script_word(text, [&](size_t at, size_t end) {
    std::string_view name = text.substr(at, end - at);
    if (!(starts[slot(name)] & length_bit(name.size())) || !names.count(std::string(name))) return false;
    size_t b = at;  // the word before: `function name`
    while (b > 0 && blank(text[b - 1])) --b;
    if (b >= 8 && text.substr(b - 8, 8) == "function" && (b == 8 || !word(text[b - 9]))) return true;
    if (b > 0 && text[b - 1] == '*') return true;  // function* name, *name() in a class
    size_t k = end;
    while (k < n && blank(text[k])) ++k;
    if (k >= n) return true;
    char c = text[k];
    if (c == '<' || c == ':' || (c == '=' && (k + 1 >= n || text[k + 1] != '='))) return true;
    if (c == '?' && k + 1 < n && text[k + 1] == ':') return true;  // an optional member: `q?: Fn`
    if (c != '(') return false;
    int depth = 0;
    for (; k < n; ++k) {
      if (text[k] == '(') ++depth;
      if (text[k] == ')' && --depth == 0) break;
    }
    if (k >= n) return true;  // not closed: cannot tell
    ++k;
    while (k < n && blank(text[k])) ++k;
    return k >= n || text[k] == '{' || text[k] == ':' || (text[k] == '=' && k + 1 < n && text[k + 1] == '>');
  });
}

/// JavaScript and TypeScript: whether one of `language`'s database calls is called somewhere: its
/// name as a word followed by an argument list or a tagged template (`db.query(`, `sql\``), maybe
/// through type arguments, a `!` or `?.` (`query<Row>(`, `query!(`, `query?.(`). A wrapper hands
/// its parameter to such a call; the bare words (`: any`, `display: 'none'`) are no call.
bool script_calls_database(const Language& language, std::string_view text) {
  auto word = [](char c) { return ascii_alnum(c) || c == '_' || c == '$'; };
  for (std::string_view name : language.database_calls)
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
      size_t k = at + name.size();
      if ((at > 0 && word(text[at - 1])) || (k < text.size() && word(text[k]))) continue;
      while (k < text.size() && ascii_blank(text[k])) ++k;
      if (k >= text.size()) return true;
      char c = text[k];
      if (c == '(' || c == '`' || c == '<' || (c == '!' && (k + 1 >= text.size() || text[k + 1] != '=')) ||
          text.substr(k, 2) == "?.")
        return true;
    }
  return false;
}

/// Go: the body of the declaration whose parameter list ends just before `from`, `{` to `}`
/// both included, read past the result type (`struct{...}` and `interface{...}` are types, not
/// the body) with strings, runes and comments skipped; empty when it cannot be told.
std::string_view go_body(std::string_view text, size_t from) {
  size_t n = text.size(), open = std::string_view::npos;
  int depth = 0;  // braces
  int nesting = 0;  // parentheses and brackets before the body
  for (size_t i = from; i < n; ++i) {
    char c = text[i];
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      size_t e = text.find('\n', i);
      if (e == std::string_view::npos) return {};
      i = e;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      size_t e = text.find("*/", i + 2);
      if (e == std::string_view::npos) return {};
      i = e + 1;
    } else if (c == '`') {
      size_t e = text.find('`', i + 1);
      if (e == std::string_view::npos) return {};
      i = e;
    } else if (c == '"' || c == '\'') {
      size_t k = i + 1;
      while (k < n && text[k] != c && text[k] != '\n') k += text[k] == '\\' ? 2 : 1;
      if (k >= n || text[k] != c) return {};
      i = k;
    } else if (open == std::string_view::npos && (c == '(' || c == '[')) {
      ++nesting;
    } else if (open == std::string_view::npos && (c == ')' || c == ']')) {
      if (--nesting < 0) return {};
    } else if (c == '{') {
      if (open == std::string_view::npos && depth == 0 && nesting == 0) {
        size_t b = i;  // the word before: a struct or interface type of the result
        while (b > from && ascii_blank(text[b - 1])) --b;
        bool type = (b >= from + 6 && text.substr(b - 6, 6) == "struct") ||
                    (b >= from + 9 && text.substr(b - 9, 9) == "interface");
        if (!type) open = i;
      }
      ++depth;
    } else if (c == '}') {
      if (--depth < 0) return {};
      if (depth == 0 && open != std::string_view::npos) return text.substr(open, i + 1 - open);
    } else if (open == std::string_view::npos && depth == 0 && nesting == 0 && c == ';') {
      return {};  // a declaration without a body
    }
  }
  return {};
}

}  // namespace

/// Python: the text of the `def` whose keyword is at `at`, through its body: every line after
/// the header indented deeper than the line of the `def`, read with strings (triple-quoted too),
/// comments, brackets and continued lines skipped; empty when it cannot be told.
std::string_view python_def(std::string_view text, size_t at) {
  size_t n = text.size();
  size_t line = text.rfind('\n', at);
  line = line == std::string_view::npos ? 0 : line + 1;
  size_t indent = 0;
  while (line + indent < at && (text[line + indent] == ' ' || text[line + indent] == '\t')) ++indent;
  int depth = 0;
  bool header = true;  // before the `:` that opens the body
  for (size_t i = at; i < n; ++i) {
    // The bytes the reading acts on, found sixteen at a time (source/byte_scan.h): any other
    // byte changes nothing.
    i = source::find_byte_of<'#', '"', '\'', '(', '[', '{', ')', ']', '}', ':', '\\', '\n'>(text, i);
    if (i == std::string_view::npos) break;
    char c = text[i];
    if (c == '#') {
      size_t e = text.find('\n', i);
      if (e == std::string_view::npos) return text.substr(at);
      i = e - 1;
    } else if (c == '"' || c == '\'') {
      std::string_view quote = text.substr(i, i + 2 < n && text[i + 1] == c && text[i + 2] == c ? 3 : 1);
      size_t k = i + quote.size();
      while (k < n) {  // between the stops (a backslash, the quote, a line end) no byte matters
        k = source::find_literal_stop(text, k, c, quote.size() == 1);
        if (k == std::string_view::npos) k = n;
        if (k >= n || text.substr(k, quote.size()) == quote) break;
        if (quote.size() == 1 && text[k] == '\n') return {};
        k += text[k] == '\\' ? 2 : 1;
      }
      if (k >= n) return {};
      i = k + quote.size() - 1;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return {};
    } else if (c == ':' && depth == 0) {
      header = false;
    } else if (c == '\\' && i + 1 < n && text[i + 1] == '\n') {
      ++i;  // a continued line
    } else if (c == '\n' && depth == 0 && !header) {
      size_t k = i + 1, w = 0;
      while (k + w < n && (text[k + w] == ' ' || text[k + w] == '\t')) ++w;
      if (k + w >= n) return text.substr(at);
      char first = text[k + w];
      if (first == '\n' || first == '\r' || first == '#') continue;  // blank or comment: no statement
      if (w <= indent) return text.substr(at, i - at);
    }
  }
  return text.substr(at);
}

namespace {

bool declaration_word(char c) { return ascii_alnum(c) || c == '_' || c == '$'; }

/// Python: the name after each `def` keyword (async or not, in a class or not, on a continued
/// line too), in file order: f(name, at) with the keyword's offset; true from f stops the walk.
template <typename F>
bool each_python_def_name(std::string_view text, F&& f) {
  auto blank = [&](size_t i) { return i < text.size() && ascii_blank(text[i]); };
  for (size_t at = text.find("def"); at != std::string_view::npos; at = text.find("def", at + 1)) {
    if ((at > 0 && declaration_word(text[at - 1])) || !(blank(at + 3) || (at + 3 < text.size() && text[at + 3] == '\\')))
      continue;
    size_t i = at + 3;
    while (blank(i) || (i < text.size() && text[i] == '\\')) ++i;  // a continued line too
    size_t end = i;
    while (end < text.size() && declaration_word(text[end])) ++end;
    if (end > i && f(text.substr(i, end - i), at)) return true;
  }
  return false;
}

/// Go: the word after each `func` keyword and its receiver in parentheses, if any, in file
/// order: a declared function's or method's name, or a func literal's or func type's result
/// (`func(a, b int) bool`). f(name, end) with the offset just past the word; true from f stops
/// the walk.
template <typename F>
bool each_go_func_name(std::string_view text, F&& f) {
  auto blank = [&](size_t i) { return i < text.size() && ascii_blank(text[i]); };
  for (size_t at = text.find("func"); at != std::string_view::npos; at = text.find("func", at + 1)) {
    if ((at > 0 && declaration_word(text[at - 1])) || (at + 4 < text.size() && declaration_word(text[at + 4]))) continue;
    size_t i = at + 4;
    while (blank(i)) ++i;
    if (i < text.size() && text[i] == '(') {
      int depth = 0;
      for (; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        if (text[i] == ')' && --depth == 0) break;
      }
      ++i;
      while (blank(i)) ++i;
    }
    size_t end = i;
    while (end < text.size() && declaration_word(text[end])) ++end;
    if (end > i && f(text.substr(i, end - i), end)) return true;
  }
  return false;
}

/// Go: whether the declaration whose name ends at `end` may be a wrapper: parameters with a
/// `string` among them and a database call named in its body, or it cannot be told.
bool go_declaration_may_wrap(const Language& language, std::string_view text, size_t end) {
  auto blank = [&](size_t i) { return i < text.size() && ascii_blank(text[i]); };
  // The balanced bracket group that opens at `i` (`(`, `[`): its end, one past the closing
  // bracket, or npos when it does not close.
  auto group_end = [&](size_t i) {
    char open = text[i], close = open == '(' ? ')' : ']';
    int depth = 0;
    for (; i < text.size(); ++i) {
      if (text[i] == open) ++depth;
      if (text[i] == close && --depth == 0) return i + 1;
    }
    return std::string_view::npos;
  };
  size_t k = end;
  while (blank(k)) ++k;
  if (k < text.size() && text[k] == '[') {  // type parameters
    k = group_end(k);
    while (blank(k)) ++k;
  }
  if (k >= text.size() || text[k] == '/') return true;  // a comment between: cannot tell
  // Not followed by its parameters: no declaration of that name, but a func literal's or a
  // func type's result (`func(a, b int) bool {`, where `bool` is asked: `bool(x)` reads like a call).
  if (text[k] != '(') return false;
  size_t close = group_end(k);
  if (close == std::string_view::npos) return true;
  if (!ProjectConstants::holds_word(text.substr(k, close - k), "string")) return false;
  // Its SQL parameter reaches a database call inside its body: one is named there.
  std::string_view body = go_body(text, close);
  return body.empty() || ProjectConstants::may_define_wrapper(language, body);
}

/// Python: whether the `def` whose keyword is at `at` may be a wrapper: its SQL parameter
/// reaches a database call inside its body, where one is named, or it cannot be told.
bool python_def_may_wrap(const Language& language, std::string_view text, size_t at) {
  std::string_view def = python_def(text, at);
  return def.empty() || ProjectConstants::may_define_wrapper(language, def);
}

/// may_define_wrapper_of's test of the declarations (see there), without its test of the whole
/// text's database call names.
bool declares_wrapper_in(const Language& language, std::string_view text, const std::set<std::string>& names) {
  // A script file declares the name and calls one of the database calls (script_calls_database);
  // the declaration first, which few files hold.
  // In JavaScript and TypeScript, a call that hands an argument on (not a tag's template, whose
  // substitutions are values) in code, not in a string or a comment (script_lexer.h).
  if (std::string_view family = ProjectConstants::family(language.name); family == "script" || family == "jvm")
    return script_declares_one_of(text, names) &&
           (is_script_language(language.name) ? script_may_wrap_database_call(language.name, text, language.database_calls)
                                              : script_calls_database(language, text));
  if (language.name == "python")
    return each_python_def_name(text, [&](std::string_view name, size_t at) {
      return names.count(std::string(name)) && python_def_may_wrap(language, text, at);
    });
  if (language.name != "go")
    return std::any_of(names.begin(), names.end(), [&](const std::string& name) { return ProjectConstants::holds_word(text, name); });
  // Each `func` keyword: a receiver in parentheses may follow, then the declared name, type
  // parameters, and the parameters. Only a parameter declared `string` carries a wrapper's SQL
  // (GoSyntax::function_parameters), so a declaration whose parameters never say `string` is none.
  return each_go_func_name(text, [&](std::string_view name, size_t end) {
    return names.count(std::string(name)) && go_declaration_may_wrap(language, text, end);
  });
}

}  // namespace

bool ProjectConstants::may_define_wrapper_of(const Language& language, std::string_view text,
                                             const std::set<std::string>& names) {
  // Ruby's extractor (ruby.cpp) records no wrapper and no constant: parsing its files for them
  // would find nothing.
  if (names.empty() || language.name == "ruby") return false;
  // Both must hold; the declarations first: they read the text for the names asked, which few
  // files declare, so the whole text is seldom read again for the database call names.
  // A Go wrapper hands its parameter to a database call with the arguments its SQL needs:
  // counted lexically (go_prefilter.h).
  return declares_wrapper_of(language, text, names) && may_define_any_wrapper(language, text);
}

std::set<std::string> ProjectConstants::python_parameter_passers(const Language& lang, std::string_view text) {
  std::string code;
  std::vector<TopLevelBody> bodies = python_def_bodies(text, &code);
  return python_parameter_passers(lang, bodies, code);
}

std::set<std::string> ProjectConstants::python_parameter_passers(const Language& lang,
                                                                 const std::vector<TopLevelBody>& bodies,
                                                                 std::string_view code) {
  std::set<std::string> names;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  // A call is the whole word before a `(`, asked of the database calls (Python's are all words).
  const std::set<std::string_view> calls(lang.database_calls.begin(), lang.database_calls.end());
  for (const TopLevelBody& b : bodies) {
    std::string_view header = std::string_view(code).substr(b.decl, b.open - b.decl);
    size_t lp = header.find('('), rp = header.rfind(')');
    if (lp == std::string_view::npos || rp == std::string_view::npos || rp < lp) continue;
    std::set<std::string_view> params;
    std::string_view list = header.substr(lp + 1, rp - lp - 1);
    int depth = 0;
    for (size_t k = 0, start = 0; k <= list.size(); ++k) {
      char c = k < list.size() ? list[k] : ',';
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      if (c != ',' || depth > 0) continue;
      size_t s = start;
      while (s < k && (list[s] == ' ' || list[s] == '\n' || list[s] == '\t' || list[s] == '*')) ++s;
      size_t e = s;
      while (e < k && word(list[e])) ++e;
      if (e > s && list.substr(s, e - s) != "self") params.insert(list.substr(s, e - s));
      start = k + 1;
    }
    if (params.empty()) continue;
    std::string_view body = b.body(code);
    // A call of `call(` whose first argument is one of the parameters.
    auto hands_on = [&](size_t end) {
      size_t a = end + 1;
      while (a < body.size() && (body[a] == ' ' || body[a] == '\n' || body[a] == '\t')) ++a;
      size_t e = a;
      while (e < body.size() && word(body[e])) ++e;
      return e > a && params.count(body.substr(a, e - a)) > 0;
    };
    // One pass over the body's calls, instead of a search of the body for each call name.
    bool passes = false;
    for (size_t end = body.find('('); end != std::string_view::npos && !passes; end = body.find('(', end + 1)) {
      size_t at = end;
      while (at > 0 && word(body[at - 1])) --at;
      passes = at < end && calls.count(body.substr(at, end - at)) && hands_on(end);
    }
    if (passes) names.emplace(b.name);
  }
  return names;
}

bool ProjectConstants::may_define_any_wrapper(const Language& language, std::string_view text) {
  if (language.name == "ruby") return false;
  return may_define_wrapper(language, text) && (language.name != "go" || go_may_call_database(text, language));
}

bool ProjectConstants::declares_wrapper_of(const Language& language, std::string_view text,
                                           const std::set<std::string>& names) {
  return !names.empty() && language.name != "ruby" && declares_wrapper_in(language, text, names);
}

std::optional<std::vector<ProjectConstants::DeclaredName>> ProjectConstants::declared_names(const Language& language,
                                                                                         std::string_view text) {
  std::vector<DeclaredName> names;
  auto note = [&](std::string_view name, size_t at) {
    names.push_back({std::string(name), at});
    return false;
  };
  if (language.name == "go") each_go_func_name(text, note);
  else if (language.name == "python") each_python_def_name(text, note);
  else return std::nullopt;
  return names;
}

bool ProjectConstants::declares_wrapper_of(const Language& language, std::string_view text,
                                           const std::set<std::string>& names, const std::vector<DeclaredName>& declared) {
  bool go = language.name == "go";
  return std::any_of(declared.begin(), declared.end(), [&](const DeclaredName& d) {
    return names.count(d.name) &&
           (go ? go_declaration_may_wrap(language, text, d.at) : python_def_may_wrap(language, text, d.at));
  });
}

void collect_file_constants(std::string_view text, TSNode root, const Language& language, FileConstants* constants,
                            FileWrappers* wrappers, const ProjectConstants* fields, std::string_view path,
                            const ProjectFacts* facts) {
  ExtractInput in{text, root, &language};
  in.path = path;
  in.facts = facts;
  in.constants = constants;
  in.wrappers = wrappers;
  in.project = fields;
  in.field_values = fields != nullptr;
  std::vector<SqlSite> unused;
  language.extract(in, &unused);
}

std::string go_constants_text(std::string_view text, const Language& language) {
  std::vector<TopLevelBody> bodies = go_top_level_bodies(text);
  if (bodies.empty()) return {};
  std::vector<bool> blank(bodies.size(), false);
  std::set<std::string_view, std::less<>> wrapping;  // the names of the bodies kept for a database call
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (go_body_stays(bodies[i])) continue;
    if (ProjectConstants::may_define_wrapper(language, bodies[i].body(text))) {
      wrapping.insert(bodies[i].name);
      continue;
    }
    blank[i] = true;
  }
  // A method of a wrapper's name hands its SQL on to the wrapper (string_eval.cpp, delegates).
  for (size_t i = 0; i < bodies.size(); ++i)
    if (blank[i] && wrapping.count(bodies[i].name)) blank[i] = false;
  return blank_bodies(text, bodies, blank);
}

void collect_constants_of(const source::FileSystem& fs, const std::string& root,
                          const std::vector<std::pair<std::string, const Language*>>& files,
                          const std::function<bool(size_t index, std::string_view text)>& take, unsigned threads,
                          std::vector<FileConstants>* found, std::vector<FileWrappers>* wrappers,
                          const ProjectConstants* fields, const ProjectFacts* facts) {
  found->resize(files.size());
  wrappers->resize(files.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    std::map<const Language*, std::unique_ptr<Parser>> parsers;
    for (size_t i = next++; i < files.size(); i = next++) {
      const Language* lang = files[i].second;
      if (!lang || !lang->grammar) continue;
      std::string err;
      std::shared_ptr<const std::string> shared = fs.read_shared(source::join_path(root, files[i].first), &err);
      if (!shared) continue;
      const std::string& text = *shared;
      if (source::is_generated(text) || source::is_minified(text)) continue;
      if (take && !take(i, text)) continue;
      auto& parser = parsers[lang];
      if (!parser) parser = std::make_unique<Parser>(*lang);
      if (!parser->ok()) continue;
      // Go: without the function bodies that give no constant and no wrapper (the struct
      // fields' values, `fields`, are written in any body).
      std::string blanked = !fields && lang->name == "go" ? go_constants_text(text, *lang) : std::string();
      Tree tree = parser->parse(blanked.empty() ? std::string_view(text) : blanked);
      if (!tree) continue;
      collect_file_constants(text, ts_tree_root_node(tree.get()), *lang, &(*found)[i], &(*wrappers)[i], fields, files[i].first,
                             facts);
    }
  };
  unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(1, files.size()))));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

ProjectConstants collect_project_constants(const source::FileSystem& fs, const std::string& root,
                                           const std::vector<std::pair<std::string, const Language*>>& files,
                                           unsigned threads) {
  std::vector<FileConstants> found;
  std::vector<FileWrappers> wrappers;
  collect_constants_of(fs, root, files, nullptr, threads, &found, &wrappers);
  ProjectConstants out;
  for (size_t i = 0; i < files.size(); ++i) {
    out.add_file(files[i].first, found[i]);
    if (files[i].second) out.add_wrappers(files[i].second->name, wrappers[i]);
  }
  return out;
}

}  // namespace schemagate::languages
