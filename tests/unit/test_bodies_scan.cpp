// python_def_bodies and python_body_stays, read with byte_scan.h, answer as they did read byte
// by byte (and with a search for each line's `return` that ran to the body's next one), and
// go_top_level_bodies as it did skipping by a table: each is compared on random texts of the
// pieces they stop at with a copy of the pass as it was.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/ascii_class.h"
#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/project_constants.h"

using namespace schemagate;
using namespace schemagate::languages;

namespace was {
namespace {

bool word(char c) { return go_word_byte(c); }

bool py_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r'; }

/// Python code with its literals and comments blanked, line ends kept: a literal keeps its first
/// byte (a quote), so a line holding only a string is no blank line. An f-string is blanked
/// whole (its fields' brackets pair inside it). Nullopt when a literal does not close.
std::optional<std::string> python_structure(std::string_view t) {
  std::string c(t);
  size_t n = t.size();
  for (size_t i = 0; i < n;) {
    char ch = t[i];
    if (ch == '#') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      blank_keeping_lines(c, i, e);
      i = e;
      continue;
    }
    if (ch != '\'' && ch != '"') {
      ++i;
      continue;
    }
    bool triple = i + 2 < n && t[i + 1] == ch && t[i + 2] == ch;
    size_t k = i + (triple ? 3 : 1);
    bool closed = false;
    while (k < n) {
      if (t[k] == '\\') {
        k += 2;
        continue;
      }
      if (!triple && t[k] == '\n') return std::nullopt;
      if (t[k] == ch && (!triple || (k + 2 < n && t[k + 1] == ch && t[k + 2] == ch))) {
        k += triple ? 3 : 1;
        closed = true;
        break;
      }
      ++k;
    }
    if (!closed) return std::nullopt;
    blank_keeping_lines(c, i + 1, k);
    i = k;
  }
  return c;
}

/// One logical line: where its first physical line starts, its indentation (spaces), and the
/// line end that ends it (or the text's size).
struct LogicalLine {
  size_t start = 0, indent = 0, end = 0;
};

bool starts_with_word(std::string_view c, size_t at, std::string_view w) {
  return c.substr(at, w.size()) == w && at + w.size() < c.size() && (c[at + w.size()] == ' ' || c[at + w.size()] == '\t');
}



std::vector<TopLevelBody> python_def_bodies_was(std::string_view text, std::string* code) {
  std::optional<std::string> lexed = python_structure(text);
  if (!lexed) return {};
  std::string_view c = *lexed;
  size_t n = c.size();
  std::vector<LogicalLine> lines;
  int depth = 0;
  for (size_t i = 0; i < n;) {
    size_t k = i;
    while (k < n && py_space(c[k])) ++k;
    if (k >= n) break;
    if (c[k] == '\n') {
      i = k + 1;
      continue;
    }
    for (size_t w = i; w < k; ++w)
      if (c[w] != ' ') return {};  // tabs or form feeds in an indentation: not read
    size_t e = k;
    for (;;) {
      for (; e < n && c[e] != '\n'; ++e) {
        if (c[e] == '(' || c[e] == '[' || c[e] == '{') ++depth;
        else if ((c[e] == ')' || c[e] == ']' || c[e] == '}') && --depth < 0) return {};
      }
      if (e >= n) break;
      size_t b = e;
      while (b > i && c[b - 1] == '\r') --b;
      if (depth == 0 && !(b > i && c[b - 1] == '\\')) break;
      ++e;
    }
    if (depth != 0) return {};
    lines.push_back({i, k - i, e});
    i = e < n ? e + 1 : n;
  }
  std::vector<TopLevelBody> out;
  for (size_t li = 0; li < lines.size(); ++li) {
    const LogicalLine& l = lines[li];
    size_t at = l.start + l.indent;
    if (starts_with_word(c, at, "async")) {
      at += 5;
      while (at < n && py_space(c[at])) ++at;
    }
    if (!starts_with_word(c, at, "def")) continue;
    if (l.indent > 0) {  // a method: directly in a `class` at column 0
      size_t p = li;
      while (p > 0 && lines[p - 1].indent >= l.indent) --p;
      if (p == 0 || lines[p - 1].indent != 0 || !starts_with_word(c, lines[p - 1].start, "class")) continue;
      if (p < li && lines[p].indent != l.indent) continue;  // the class's body is indented otherwise
    }
    size_t b = l.end;
    while (b > at && py_space(c[b - 1])) --b;
    if (c[b - 1] != ':' || l.end >= n) continue;  // `def f(): return 1`
    size_t last = li;
    while (last + 1 < lines.size() && lines[last + 1].indent > l.indent) ++last;
    if (last == li) continue;
    TopLevelBody body;
    body.decl = l.start;
    body.open = l.end;
    body.close = lines[last].end;
    size_t s = at + 3;
    while (s < n && py_space(c[s])) ++s;
    size_t e = s;
    while (e < n && word(c[e])) ++e;
    body.name = text.substr(s, e - s);
    body.signature = text.substr(l.start, l.end - l.start);
    out.push_back(body);
    li = last;  // a nested def is the body's
  }
  if (code) *code = std::move(*lexed);
  return out;
}



/// Past the bracket that `open` (a `(`, `[` or `{` of `code`, literals blanked) opens and its
/// pair closes, within `end`; npos when it does not close.
size_t past_pair(std::string_view code, size_t open, size_t end) {
  int depth = 0;
  for (size_t k = open; k < end; ++k) {
    char c = code[k];
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if ((c == ')' || c == ']' || c == '}') && --depth == 0) return k + 1;
  }
  return std::string_view::npos;
}

/// What string_eval makes of a function's returned value (code[v, end), literals blanked), as
/// far as the text tells.
enum class Returned {
  kMaybeText,
  kNoText,  ///< evaluates to no text, with no side effect (no question asked, no call inlined)
  kNoValue  ///< no value, or several (`return rows, next_token`): the function is never inlined
};

/// A name followed by attributes, calls and subscripts (`self.db_pool.runInteraction(...)`,
/// `super().f(x)[0]`) spanning code[v, end): whether it is one whose last part is an attribute,
/// a subscript, or a call of a method (`.name(...)`), which string_eval reads as no text, and
/// reads no further, but for the methods that format, join or transform one (python.cpp); a
/// bare call (`f(x)`) may be a function it inlines.
bool chain_is_no_text(std::string_view code, size_t v, size_t end) {
  size_t k = v;
  while (k < end && word(code[k])) ++k;
  if (k == v || ascii_digit(code[v])) return false;
  enum { kName, kAttribute, kCall, kSubscript } last = kName;
  std::string_view method, name = code.substr(v, k - v);
  bool bare = false;  // the last call's
  while (k < end) {
    if (code[k] == '.') {
      size_t a = ++k;
      while (k < end && word(code[k])) ++k;
      if (k == a) return false;
      name = code.substr(a, k - a);
      last = kAttribute;
    } else if (code[k] == '(' || code[k] == '[') {
      bool call = code[k] == '(';
      if (call) method = name, bare = last != kAttribute;
      k = past_pair(code, k, end);
      if (k == std::string_view::npos) return false;
      last = call ? kCall : kSubscript;
    } else {
      return false;
    }
  }
  if (last == kName || (last == kCall && bare)) return false;
  if (last == kCall)
    for (std::string_view m : {"format", "join", "strip", "lstrip", "rstrip", "replace"})
      if (method == m) return false;
  return true;
}

Returned returned(std::string_view code, size_t v, size_t end) {
  while (v < end && py_space(code[v])) ++v;
  while (end > v && py_space(code[end - 1])) --end;
  if (v >= end) return Returned::kNoValue;
  std::string_view value = code.substr(v, end - v);
  // What stands outside brackets: a comma (a tuple; `return x,` is x), a conditional or a
  // lambda (which may be text), a boolean operator, a comparison (which are not).
  bool comma = false, conditional = false, boolean = false, comparison = false;
  int depth = 0;
  for (size_t k = 0; k < value.size(); ++k) {
    char c = value[k];
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
    if (depth != 0) continue;
    if (c == ',' && k + 1 < value.size()) comma = true;
    if ((c == '<' || c == '>') && (k == 0 || (value[k - 1] != '<' && value[k - 1] != '>' && value[k - 1] != '-')) &&
        (k + 1 >= value.size() || (value[k + 1] != '<' && value[k + 1] != '>')))
      comparison = true;
    if ((c == '=' || c == '!') && k + 1 < value.size() && value[k + 1] == '=') comparison = true;
    if (word(c) && (k == 0 || !word(value[k - 1]))) {
      size_t e = k;
      while (e < value.size() && word(value[e])) ++e;
      std::string_view w = value.substr(k, e - k);
      if (w == "if" || w == "lambda") conditional = true;
      if (w == "or" || w == "and" || (w == "not" && k == 0)) boolean = true;
      if (w == "in" || w == "is") comparison = true;
      k = e - 1;
    }
  }
  if (depth != 0 || conditional) return Returned::kMaybeText;
  if (comma) return Returned::kNoValue;
  if (boolean || comparison) return Returned::kNoText;
  if (code[v] == '[' || code[v] == '{') return past_pair(code, v, end) == end ? Returned::kNoText : Returned::kMaybeText;
  if (value.starts_with("await") && value.size() > 5 && py_space(value[5])) {
    size_t k = v + 5;
    while (k < end && py_space(code[k])) ++k;
    size_t w = k;
    while (k < end && word(code[k])) ++k;
    if (k == w || ascii_digit(code[w])) return Returned::kMaybeText;
    while (k < end) {
      if (code[k] == '.') {
        size_t a = ++k;
        while (k < end && word(code[k])) ++k;
        if (k == a) return Returned::kMaybeText;
      } else if (code[k] == '(' || code[k] == '[') {
        k = past_pair(code, k, end);
        if (k == std::string_view::npos) return Returned::kMaybeText;
      } else {
        return Returned::kMaybeText;
      }
    }
    return Returned::kNoText;
  }
  if (chain_is_no_text(code, v, end)) return Returned::kNoText;
  size_t e = v + (code[v] == '-');
  while (e < end && word(code[e])) ++e;
  std::string_view w = code.substr(v, e - v);
  bool number = !w.empty() && w != "-" && std::all_of(w.begin() + (w[0] == '-'), w.end(), [](char ch) { return ascii_digit(ch); });
  return e == end && (number || w == "None" || w == "True" || w == "False") ? Returned::kNoText : Returned::kMaybeText;
}

bool starts_def(std::string_view line) {
  if (line.starts_with("async") && line.size() > 5 && py_space(line[5])) {
    line.remove_prefix(5);
    while (!line.empty() && py_space(line.front())) line.remove_prefix(1);
  }
  return line.starts_with("def") && line.size() > 3 && py_space(line[3]);
}



bool python_body_stays_was(std::string_view code) {
  // The function's own returns, in file order (not those of a function defined in it, which
  // goes with the body), each statement from its `return` to a `;` outside brackets or its
  // logical line's end.
  std::vector<size_t> nested;  // the indentation of each `def` open around the line
  bool first = true;
  size_t n = code.size();
  for (size_t i = 0; i < n;) {
    size_t k = i;
    while (k < n && py_space(code[k])) ++k;
    if (k >= n) break;
    if (code[k] == '\n') {
      i = k + 1;
      continue;
    }
    size_t indent = k - i;
    size_t e = k;  // the logical line's end
    for (int depth = 0; e < n; ++e) {
      char c = code[e];
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if (c == ')' || c == ']' || c == '}') --depth;
      else if (c == '\n' && depth <= 0 && !(e > k && code[e - 1] == '\\') && !(e > k + 1 && code[e - 1] == '\r' && code[e - 2] == '\\'))
        break;
    }
    i = e < n ? e + 1 : n;
    while (!nested.empty() && indent <= nested.back()) nested.pop_back();
    if (starts_def(code.substr(k, e - k))) {
      nested.push_back(indent);
      continue;
    }
    if (!nested.empty()) continue;
    for (size_t at = code.find("return", k); at != std::string_view::npos && at < e; at = code.find("return", at + 6)) {
      if ((at > 0 && word(code[at - 1])) || (at + 6 < n && word(code[at + 6]))) continue;
      size_t end = at + 6;
      for (int depth = 0; end < e; ++end) {
        char c = code[end];
        if (c == '(' || c == '[' || c == '{') ++depth;
        else if (c == ')' || c == ']' || c == '}') --depth;
        else if (c == ';' && depth == 0) break;
      }
      Returned r = returned(code, at + 6, end);
      // string_eval reads a function only when every return has one value, and evaluates them
      // in order until one is no text: a function with a return of no value, or whose first is
      // no text, is no text anywhere.
      if (r == Returned::kNoValue || (first && r == Returned::kNoText)) return false;
      first = false;
    }
  }
  return !first;
}

std::vector<TopLevelBody> go_top_level_bodies_was(std::string_view text, std::string* code_out) {
  std::optional<std::string> masked = go_code_only(text);
  if (!masked) return {};
  std::string_view code = *masked;
  std::vector<TopLevelBody> out;
  int depth = 0;
  constexpr size_t kNone = std::string_view::npos;
  size_t decl = kNone;  // a `func` at column 0 whose body is not found yet
  size_t open = kNone;  // the depth-0 `{` open now, under `decl`
  static constexpr auto kMarks = [] {  // the bytes the walk acts on
    std::array<bool, 256> marks{};
    for (unsigned char c : {'(', '[', '{', ')', ']', '}', '\n'}) marks[c] = true;
    return marks;
  }();
  for (size_t i = 0, n = code.size(); i < n; ++i) {
    if (i > 0 && code[i - 1] != '\n')
      while (i < n && !kMarks[static_cast<unsigned char>(code[i])]) ++i;
    if (i >= n) break;
    char c = code[i];
    bool line_start = i == 0 || code[i - 1] == '\n';
    if (depth == 0 && line_start && word(c)) {
      // A top-level declaration starts: a function's only if it is `func`.
      decl = kNone;
      if (code.substr(i, 4) == "func" && (i + 4 >= n || !word(code[i + 4]))) decl = i;
    }
    if (c == '(' || c == '[' || c == '{') {
      if (depth == 0 && c == '{' && decl != kNone) open = i;
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return {};
      if (depth == 0 && c == '}' && decl != kNone && open != kNone) {
        // gofmt closes a function's body at column 0; a `}` elsewhere closes a type in its
        // signature (`interface{}`) or a body written on one line.
        if (line_start) {
          TopLevelBody b;
          b.decl = decl;
          b.open = open;
          b.close = i;
          b.signature = text.substr(decl, open - decl);
          size_t k = decl + 4;
          while (k < open && ascii_blank(code[k])) ++k;
          if (k < open && code[k] == '(') {  // a receiver
            int d = 0;
            for (; k < open; ++k) {
              if (code[k] == '(') ++d;
              if (code[k] == ')' && --d == 0) break;
            }
            ++k;
            while (k < open && ascii_blank(code[k])) ++k;
          }
          size_t e = k;
          while (e < open && word(code[e])) ++e;
          b.name = text.substr(k, e - k);
          out.push_back(b);
          decl = kNone;
        }
        open = kNone;
      }
    }
  }
  if (depth != 0) return {};
  if (code_out) *code_out = std::move(*masked);
  return out;
}


std::string_view python_def_was(std::string_view text, size_t at) {
  size_t n = text.size();
  size_t line = text.rfind('\n', at);
  line = line == std::string_view::npos ? 0 : line + 1;
  size_t indent = 0;
  while (line + indent < at && (text[line + indent] == ' ' || text[line + indent] == '\t')) ++indent;
  int depth = 0;
  bool header = true;  // before the `:` that opens the body
  for (size_t i = at; i < n; ++i) {
    char c = text[i];
    if (c == '#') {
      size_t e = text.find('\n', i);
      if (e == std::string_view::npos) return text.substr(at);
      i = e - 1;
    } else if (c == '"' || c == '\'') {
      std::string_view quote = text.substr(i, i + 2 < n && text[i + 1] == c && text[i + 2] == c ? 3 : 1);
      size_t k = i + quote.size();
      while (k < n && text.substr(k, quote.size()) != quote) {
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

}  // namespace
}  // namespace was

namespace {

bool same_bodies(const std::vector<TopLevelBody>& a, const std::vector<TopLevelBody>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].decl != b[i].decl || a[i].open != b[i].open || a[i].close != b[i].close || a[i].name != b[i].name ||
        a[i].signature != b[i].signature)
      return false;
  return true;
}

}  // namespace

TEST_CASE("python bodies: def bodies and the bodies that stay, read sixteen bytes at a time, are as read byte by byte") {
  std::mt19937 rng(1616);
  // Lines of a module (defs, methods of a class, nested defs, returns of every kind), and the
  // bytes the passes stop at on their own: quotes of each kind, comments, brackets, blanks.
  const std::vector<std::string> pieces = {
      "\ndef f(a, b):", "\nasync def g(x) -> str:", "\nclass C:", "\n    def m(self):", "\n    async  def n(self, q):",
      "\n        def inner():", "\n    ", "\n        ", "\n            ", "\n", "\r\n", " ", "    ",
      "\n    return x", "\n        return None", "\n    return", "\n    return a, b", "\n    return sep.join(parts)",
      "\n    return self.db.run(\n        \"q\", f)", "\n    return [r for r in t]", "\n    return x if y else z",
      "; return 1", "return", "returned", "()", "[x]", "{k: v}", "f(a,\n  b)", "\\\n", "# a comment (\n", "'a b'",
      "\"SELECT x FROM t\"", "\"\"\"doc\nstring\n\"\"\"", "'''x\n'''", "f\"{a}\"", "\"esc\\\"aped\"", "'it\\'s'", "x",
      "abcdefghijklmnopqrstuvwxyz", "None", "pass", ":", ",", "=", "==", "<", "lambda a: a", " and ", " or ", "await ",
      "\xc3\xa9", "0123456789012345678"};
  // Now and then a byte that leaves a literal or a bracket open, or an indentation the passes
  // do not read.
  const std::vector<std::string> noise = {"(", ")", "[", "]", "{", "}", "\\", "#", "'", "\"", "'''", "\"\"\"", "\t", "\f"};
  size_t with_bodies = 0, stays = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    for (size_t k = 0, n = rng() % 60; k < n; ++k)
      text += rng() % 40 == 0 ? noise[rng() % noise.size()] : pieces[rng() % pieces.size()];
    CAPTURE(text);
    std::string code, code_was;
    std::vector<TopLevelBody> bodies = python_def_bodies(text, &code);
    std::vector<TopLevelBody> bodies_was = was::python_def_bodies_was(text, &code_was);
    CHECK(same_bodies(bodies, bodies_was));
    CHECK(code == code_was);
    with_bodies += !bodies.empty();
    for (const TopLevelBody& b : bodies) {
      bool s = python_body_stays(b.body(code));
      CHECK(s == was::python_body_stays_was(b.body(code)));
      stays += s;
    }
    // Any text as a body: its own lines, its returns.
    CHECK(python_body_stays(text) == was::python_body_stays_was(text));
    std::string lexed = code.empty() ? text : code;
    size_t from = rng() % (lexed.size() + 1);
    std::string_view part = std::string_view(lexed).substr(from, rng() % (lexed.size() - from + 1));
    CHECK(python_body_stays(part) == was::python_body_stays_was(part));
    stays += python_body_stays(part);
  }
  CHECK(with_bodies > 3000);  // the texts exercise both answers
  CHECK(stays > 1000);
}

TEST_CASE("go bodies: top-level function bodies found sixteen bytes at a time are those found by a table") {
  std::mt19937 rng(1617);
  const std::vector<std::string> pieces = {
      "\nfunc f(a int) string {\n\treturn x\n}\n", "\nfunc (s *S) m() {", "\nfunc g() { return 1 }", "\n}", "\n}\n",
      "\n\t", "\n", "\ntype T struct {\n\tA int\n}\n", "\nvar x = map[string]int{}", "\n\treturn \"q\"", "\treturn x",
      "()", "[x]", "{}", " ", "x", "func", "funcs", "interface{}", "\"str}\"", "`raw\n}`", "'}'", "// c {\n", "/* } */",
      "\xc3\xa9", "abcdefghijklmnopqrstuvwxyz0123456789", "\nfunc h() {\n\tif x {\n\t\ty()\n\t}\n}"};
  // Now and then a bracket left open or closed twice, a literal or comment left open.
  const std::vector<std::string> noise = {"(", ")", "[", "]", "{", "}", "\"", "`", "/*"};
  size_t with_bodies = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    for (size_t k = 0, n = rng() % 50; k < n; ++k)
      text += rng() % 40 == 0 ? noise[rng() % noise.size()] : pieces[rng() % pieces.size()];
    CAPTURE(text);
    std::string code, code_was;
    std::vector<TopLevelBody> bodies = go_top_level_bodies(text, &code);
    CHECK(same_bodies(bodies, was::go_top_level_bodies_was(text, &code_was)));
    CHECK(code == code_was);
    with_bodies += !bodies.empty();
  }
  CHECK(with_bodies > 2000);
}

TEST_CASE("python bodies: a def's text, its stops found sixteen bytes at a time, is as read byte by byte") {
  std::mt19937 rng(1618);
  const std::vector<std::string> pieces = {
      "\ndef f(a, b):", "\n    def g(sql):", "\nclass C:", "\n    ", "\n        ", "\n", "\r\n", "\t", " ", ":", "\\\n",
      "\n    return x", "\n    cur.execute(sql)", "# c (\n", "'a b'", "\"q\"", "\"\"\"doc\nx\n\"\"\"", "'it\\'s'", "(", ")",
      "[", "]", "{", "}", "'", "\"", "abcdefghijklmnopqrstuvwxyz", "\xc3\xa9", "x = {k: v}", "lambda a: a"};
  size_t found = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    for (size_t k = 0, n = rng() % 40; k < n; ++k) text += pieces[rng() % pieces.size()];
    CAPTURE(text);
    std::vector<size_t> places;
    for (size_t at = text.find("def"); at != std::string::npos; at = text.find("def", at + 1)) places.push_back(at);
    places.push_back(rng() % (text.size() + 1));
    for (size_t at : places) {
      std::string_view got = python_def(text, at), want = was::python_def_was(text, at);
      CHECK(got.size() == want.size());
      if (!want.empty()) CHECK(got.data() == want.data());
      found += !want.empty();
    }
  }
  CHECK(found > 10000);
}
