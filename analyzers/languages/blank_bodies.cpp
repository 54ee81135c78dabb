// See blank_bodies.h: a Go file's top-level function bodies, found on its code with literals and
// comments blanked (go_code_only), and the text with the irrelevant ones blanked.
#include "analyzers/languages/blank_bodies.h"

#include <algorithm>
#include <array>
#include <optional>

#include "analyzers/languages/ascii_class.h"
#include "analyzers/languages/literal_scan.h"

namespace schemagate::languages {
namespace {

bool word(char c) { return go_word_byte(c); }

/// The words of `code` (a body's, literals blanked) that are called: followed by `(`, blanks
/// between allowed.
std::set<std::string_view> called_words(std::string_view code) {
  std::set<std::string_view> out;
  for (size_t i = 0, n = code.size(); i < n;) {
    if (!word(code[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && word(code[end])) ++end;
    size_t k = end;
    while (k < n && ascii_blank(code[k])) ++k;
    if (k < n && code[k] == '(' && !ascii_digit(code[i])) out.insert(code.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace

std::vector<TopLevelBody> go_top_level_bodies(std::string_view text, std::string* code_out) {
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

namespace {

/// Whether a function's results (the signature after its parameters) may be one value of text:
/// string_eval inlines a call only of a function whose every return is one value it evaluates,
/// and records for other files only such a function's constant ("name()") or rewrite ("name(@)").
/// No results, several, or one that cannot hold text (a pointer, a map, a channel, a function, a
/// number, a bool, an error) cannot.
bool may_return_text(std::string_view results) {
  auto trim = [](std::string_view t) {
    while (!t.empty() && ascii_blank(t.front())) t.remove_prefix(1);
    while (!t.empty() && ascii_blank(t.back())) t.remove_suffix(1);
    return t;
  };
  results = trim(results);
  if (results.empty()) return false;
  if (results.front() == '(') {
    if (results.back() != ')') return true;
    results = trim(results.substr(1, results.size() - 2));
    int depth = 0;
    for (char c : results) {
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      if (depth == 0 && c == ',') return false;  // several results
    }
    // One result, maybe named (`(q string)`): its type follows the name.
    size_t k = 0;
    while (k < results.size() && word(results[k])) ++k;
    if (k > 0 && k < results.size() && ascii_blank(results[k])) results = trim(results.substr(k));
  }
  static constexpr std::string_view kNoText[] = {
      "error", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
      "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune", "time.Time", "time.Duration",
      "context.Context"};
  for (std::string_view t : kNoText)
    if (results == t) return false;
  for (std::string_view p : {"*", "[]*", "map[", "chan", "<-", "func"})
    if (results.starts_with(p)) return false;
  return true;
}

}  // namespace

bool go_body_stays(const TopLevelBody& body) {
  if (body.name == "init" || body.name.empty()) return true;
  // The results: after the parameters, which follow the name (and its type parameters).
  std::string_view sig = body.signature;
  size_t at = static_cast<size_t>(body.name.data() - sig.data()) + body.name.size();
  if (at > sig.size()) return true;
  std::optional<std::string> code = go_code_only(sig);
  if (!code) return true;
  std::string_view c = *code;
  for (int list = 0; list < 2; ++list) {  // type parameters `[T any]`, then parameters `(...)`
    while (at < c.size() && ascii_blank(c[at])) ++at;
    if (at >= c.size()) return true;
    if (list == 0 && c[at] != '[') continue;
    int depth = 0;
    size_t k = at;
    for (; k < c.size(); ++k) {
      if (c[k] == '(' || c[k] == '[' || c[k] == '{') ++depth;
      if ((c[k] == ')' || c[k] == ']' || c[k] == '}') && --depth == 0) break;
    }
    if (k >= c.size()) return true;
    at = k + 1;
  }
  return may_return_text(c.substr(at));
}

std::set<std::string_view> go_called_names(std::string_view code) { return called_words(code); }

std::string blank_bodies(std::string_view text, const std::vector<TopLevelBody>& bodies, const std::vector<bool>& blank) {
  if (std::none_of(blank.begin(), blank.end(), [](bool b) { return b; })) return {};
  std::string out(text);
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (!blank[i]) continue;
    size_t from = bodies[i].open + 1, to = bodies[i].close;
    blank_keeping_lines(out, from, to);
    // One block comment over the blanks: tree-sitter reads it as one token, where a run of
    // blanks and line ends is skipped again each time the token after it is read again.
    size_t p = from, q = to;
    while (p + 1 < to && (out[p] == '\n' || out[p + 1] == '\n')) ++p;
    while (q >= from + 2 && (out[q - 1] == '\n' || out[q - 2] == '\n')) --q;
    if (p + 4 <= q) {
      out[p] = '/', out[p + 1] = '*';
      out[q - 2] = '*', out[q - 1] = '/';
    }
  }
  return out;
}

}  // namespace schemagate::languages
