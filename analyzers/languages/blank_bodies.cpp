// See blank_bodies.h: a Go file's top-level function bodies, found on its code with literals and
// comments blanked (go_code_only), and the text with the irrelevant ones blanked; a Python
// file's `def` bodies, found the same way from its indentation.
#include "analyzers/languages/blank_bodies.h"

#include <algorithm>
#include <array>
#include <optional>

#include "analyzers/languages/ascii_class.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/python_tokens.h"
#include "analyzers/source/byte_scan.h"

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
  for (size_t i = 0, n = code.size(); i < n; ++i) {
    if (i > 0 && code[i - 1] != '\n') {  // to the next byte the walk acts on, sixteen bytes at a time
      i = source::find_byte_of<'(', '[', '{', ')', ']', '}', '\n'>(code, i);
      if (i == std::string_view::npos) break;
    }
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

bool go_calls_any(std::string_view code, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names)
    for (size_t at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
      if (at > 0 && word(code[at - 1])) continue;
      size_t k = at + name.size();
      if (k < code.size() && word(code[k])) continue;
      while (k < code.size() && ascii_blank(code[k])) ++k;
      if (k < code.size() && code[k] == '(') return true;
    }
  return false;
}

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

namespace {

bool py_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r'; }

/// Python code with its literals and comments blanked, line ends kept: a literal keeps its first
/// byte (a quote), so a line holding only a string is no blank line. An f-string is blanked
/// whole (its fields' brackets pair inside it). Nullopt when a literal does not close.
std::optional<std::string> python_structure(std::string_view t) {
  std::string c(t);
  size_t n = t.size();
  for (size_t i = 0; i < n;) {
    i = source::find_byte_of<'#', '\'', '"'>(t, i);
    if (i == std::string_view::npos) break;
    char ch = t[i];
    if (ch == '#') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      blank_keeping_lines(c, i, e);
      i = e;
      continue;
    }
    bool triple = i + 2 < n && t[i + 1] == ch && t[i + 2] == ch;
    size_t k = i + (triple ? 3 : 1);
    bool closed = false;
    while (k < n) {
      k = source::find_literal_stop(t, k, ch, !triple);  // the bytes between, sixteen at a time
      if (k == std::string_view::npos) break;
      if (t[k] == '\\') {
        k += 2;
        continue;
      }
      if (!triple && t[k] == '\n') return std::nullopt;
      if (!triple || (k + 2 < n && t[k + 1] == ch && t[k + 2] == ch)) {  // t[k] is the quote
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

}  // namespace

std::vector<TopLevelBody> python_def_bodies(std::string_view text, std::string* code) {
  std::optional<std::string> lexed = python_structure(text);
  if (!lexed) return {};
  std::string_view c = *lexed;
  size_t n = c.size();
  std::vector<LogicalLine> lines;
  int depth = 0;
  for (size_t i = 0; i < n;) {
    // The blanks, line ends and brackets are found sixteen bytes at a time (byte_scan.h): a
    // blanked literal or comment is a run of blanks.
    size_t k = source::find_byte_not_of<' ', '\t', '\f', '\r'>(c, i);
    if (k == std::string_view::npos) break;
    if (c[k] == '\n') {
      i = k + 1;
      continue;
    }
    if (source::find_byte_not_of<' '>(c.substr(0, k), i) != std::string_view::npos)
      return {};  // tabs or form feeds in an indentation: not read
    size_t e = k;
    for (;;) {
      for (;; ++e) {
        e = source::find_byte_of<'\n', '(', '[', '{', ')', ']', '}'>(c, e);
        if (e == std::string_view::npos) e = n;
        if (e >= n || c[e] == '\n') break;
        if (c[e] == '(' || c[e] == '[' || c[e] == '{') ++depth;
        else if (--depth < 0) return {};
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

namespace {

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
/// `super().f(x)[0]`) spanning code[v, end): what its last part is, and the name of its last
/// call; nullopt when code[v, end) is no such chain.
struct Chain {
  enum Last { kName, kAttribute, kCall, kSubscript } last = kName;
  std::string_view method;  ///< the last call's name
  bool bare = false;        ///< the last call is of a name (`f(x)`), not of an attribute (`.f(x)`)
};
std::optional<Chain> read_chain(std::string_view code, size_t v, size_t end) {
  size_t k = v;
  while (k < end && word(code[k])) ++k;
  if (k == v || ascii_digit(code[v])) return std::nullopt;
  Chain c;
  std::string_view name = code.substr(v, k - v);
  while (k < end) {
    if (code[k] == '.') {
      size_t a = ++k;
      while (k < end && word(code[k])) ++k;
      if (k == a) return std::nullopt;
      name = code.substr(a, k - a);
      c.last = Chain::kAttribute;
    } else if (code[k] == '(' || code[k] == '[') {
      bool call = code[k] == '(';
      if (call) c.method = name, c.bare = c.last != Chain::kAttribute;
      k = past_pair(code, k, end);
      if (k == std::string_view::npos) return std::nullopt;
      c.last = call ? Chain::kCall : Chain::kSubscript;
    } else {
      return std::nullopt;
    }
  }
  return c;
}

/// Whether the chain at code[v, end) is one whose last part is an attribute, a subscript, or a
/// call of a method (`.name(...)`), which string_eval reads as no text, and reads no further,
/// but for the methods that format, join or transform one (python.cpp); a bare call (`f(x)`)
/// may be a function it inlines.
bool chain_is_no_text(std::string_view code, size_t v, size_t end) {
  std::optional<Chain> c = read_chain(code, v, end);
  if (!c || c->last == Chain::kName || (c->last == Chain::kCall && c->bare)) return false;
  if (c->last == Chain::kCall)
    for (std::string_view m : {"format", "join", "strip", "lstrip", "rstrip", "replace"})
      if (c->method == m) return false;
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

}  // namespace

namespace {

/// Calls visit(at, end) for each of a function's own returns (not those of a function defined
/// in it, which goes with the body) in file order: `return` at code[at], its statement to a `;`
/// outside brackets or its logical line's end; stops when visit says false. `code`: the body,
/// its literals and comments blanked.
template <typename Visit>
void each_own_return(std::string_view code, Visit&& visit) {
  std::vector<size_t> nested;  // the indentation of each `def` open around the line
  size_t n = code.size();
  for (size_t i = 0; i < n;) {
    size_t k = source::find_byte_not_of<' ', '\t', '\f', '\r'>(code, i);
    if (k == std::string_view::npos) break;
    if (code[k] == '\n') {
      i = k + 1;
      continue;
    }
    size_t indent = k - i;
    size_t e = k;  // the logical line's end (its line ends and brackets found as in python_def_bodies)
    for (int depth = 0;; ++e) {
      e = source::find_byte_of<'\n', '(', '[', '{', ')', ']', '}'>(code, e);
      if (e == std::string_view::npos) {
        e = n;
        break;
      }
      char c = code[e];
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if (c == ')' || c == ']' || c == '}') --depth;
      else if (depth <= 0 && !(e > k && code[e - 1] == '\\') && !(e > k + 1 && code[e - 1] == '\r' && code[e - 2] == '\\'))
        break;
    }
    i = e < n ? e + 1 : n;
    while (!nested.empty() && indent <= nested.back()) nested.pop_back();
    if (starts_def(code.substr(k, e - k))) {
      nested.push_back(indent);
      continue;
    }
    if (!nested.empty()) continue;
    // Looked for in the line alone: a `return` that starts in it ends in it (no line end in
    // one), and a search to the body's next `return` read the lines after again for each line.
    std::string_view line = code.substr(0, e);
    for (size_t at = line.find("return", k); at != std::string_view::npos; at = line.find("return", at + 6)) {
      if ((at > 0 && word(code[at - 1])) || (at + 6 < n && word(code[at + 6]))) continue;
      size_t end = at + 6;
      for (int depth = 0; end < e; ++end) {
        char c = code[end];
        if (c == '(' || c == '[' || c == '{') ++depth;
        else if (c == ')' || c == ']' || c == '}') --depth;
        else if (c == ';' && depth == 0) break;
      }
      if (!visit(at, end)) return;
    }
  }
}

/// Whether code[v, end), a returned value, may be what string_eval's passed_through follows back
/// to a parameter: a name (a local, or the parameter), in parentheses or not, or a call of
/// strip, lstrip, rstrip or replace on something (PythonSyntax::transformed).
bool may_hand_back(std::string_view code, size_t v, size_t end) {
  for (;;) {
    while (v < end && py_space(code[v])) ++v;
    while (end > v && py_space(code[end - 1])) --end;
    if (v >= end) return false;
    if (code[v] != '(' || past_pair(code, v, end) != end) break;
    ++v, --end;  // (value)
  }
  std::optional<Chain> c = read_chain(code, v, end);
  if (!c) return false;
  if (c->last == Chain::kName) {
    std::string_view w = code.substr(v, end - v);
    return w != "None" && w != "True" && w != "False";
  }
  // A chain: its last part a call of one of the transforms.
  return c->last == Chain::kCall && !c->bare &&
         (c->method == "strip" || c->method == "lstrip" || c->method == "rstrip" || c->method == "replace");
}

}  // namespace

bool python_body_stays(std::string_view code) {
  bool first = true, stays = true;
  each_own_return(code, [&](size_t at, size_t end) {
    Returned r = returned(code, at + 6, end);
    // string_eval reads a function only when every return has one value, and evaluates them
    // in order until one is no text: a function with a return of no value, or whose first is
    // no text, is no text anywhere.
    if (r == Returned::kNoValue || (first && r == Returned::kNoText)) return stays = false;
    first = false;
    return true;
  });
  return stays && !first;
}

bool python_method_hands_back(std::string_view signature, std::string_view signature_text, std::string_view body) {
  // The first parameter after self or cls, as PythonSyntax::function_parameters lists them.
  size_t open = signature.find('(');
  if (open == std::string_view::npos) return true;  // not read: as if it may
  size_t close = past_pair(signature, open, signature.size());
  if (close == std::string_view::npos) return true;
  std::vector<std::pair<size_t, size_t>> params;  // each parameter's span, blanks trimmed
  for (size_t k = open + 1, from = k, depth = 0; k < close; ++k) {
    char c = signature[k];
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    else if (depth == 0 && (c == ',' || k + 1 == close)) {
      size_t a = from, b = k;
      while (a < b && (py_space(signature[a]) || signature[a] == '\n')) ++a;
      while (b > a && (py_space(signature[b - 1]) || signature[b - 1] == '\n')) --b;
      if (b > a) params.emplace_back(a, b);
      from = k + 1;
    }
  }
  auto name_of = [&](std::pair<size_t, size_t> p) {
    size_t e = p.first;
    while (e < p.second && word(signature[e])) ++e;
    return signature.substr(p.first, e - p.first);
  };
  size_t at = 0;
  if (!params.empty() && (name_of(params[0]) == "self" || name_of(params[0]) == "cls")) at = 1;
  // None left, or a `*`, `*args`, `**kw` or `/` first: no positional parameter to hand back.
  if (at >= params.size() || signature[params[at].first] == '*' || signature[params[at].first] == '/') return false;
  auto [a, b] = params[at];
  if (name_of(params[at]).empty()) return true;
  // Annotated as something else than a string: string_eval does not take it for SQL.
  size_t colon = a, depth = 0;
  for (; colon < b; ++colon) {
    char c = signature[colon];
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    else if (depth == 0 && (c == ':' || c == '=')) break;
  }
  if (colon < b && signature[colon] == ':') {
    size_t type_end = colon + 1;
    for (depth = 0; type_end < b; ++type_end) {
      char c = signature[type_end];
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
      else if (depth == 0 && c == '=') break;
    }
    if (signature_text.substr(colon + 1, type_end - colon - 1).find("str") == std::string_view::npos) return false;
  }
  bool hands_back = false;
  each_own_return(body, [&](size_t at, size_t end) {
    hands_back = may_hand_back(body, at + 6, end);
    return false;  // the first return decides
  });
  return hands_back;
}

std::string python_blank_bodies(std::string_view text, const std::vector<TopLevelBody>& bodies,
                                const std::vector<bool>& blank, std::vector<std::pair<uint32_t, uint32_t>>* skipped,
                                const std::vector<std::pair<uint32_t, uint32_t>>& unread) {
  std::string out(text);
  bool any = false;
  std::vector<std::pair<size_t, size_t>> blanked;  // each blanked body's [open + 1, close)
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (!blank[i]) continue;
    size_t indent = 0;
    while (bodies[i].decl + indent < text.size() && text[bodies[i].decl + indent] == ' ') ++indent;
    // `pass` goes on the body's first line deeper than the `def` with room for it after its
    // indentation; without one the body stays.
    size_t pass = std::string_view::npos;
    for (size_t line = bodies[i].open + 1; line < bodies[i].close && pass == std::string_view::npos;) {
      size_t end = std::min(text.find('\n', line), bodies[i].close);
      size_t k = line;
      while (k < end && text[k] == ' ') ++k;
      size_t room = end;
      while (room > k && text[room - 1] == '\r') --room;
      if (k - line > indent && room - k >= 4 && text[k] != '\t') pass = k;
      line = end + 1;
    }
    if (pass == std::string_view::npos) continue;
    if (skipped) {
      blank_keeping_lines(out, bodies[i].open + 1, pass);
      if (bodies[i].close > pass + 4) skipped->emplace_back(static_cast<uint32_t>(pass + 4), static_cast<uint32_t>(bodies[i].close));
    } else {
      blank_keeping_lines(out, bodies[i].open + 1, bodies[i].close);
    }
    out.replace(pass, 4, "pass");
    blanked.emplace_back(bodies[i].open + 1, bodies[i].close);
    any = true;
  }
  if (skipped && !unread.empty()) {
    // A span of `unread` in a body blanked is gone with it (its `pass` may stand on a comment).
    size_t b = 0;
    for (const std::pair<uint32_t, uint32_t>& u : unread) {
      while (b < blanked.size() && blanked[b].second <= u.first) ++b;
      if (b < blanked.size() && blanked[b].first < u.second) continue;
      skipped->push_back(u);
    }
    std::sort(skipped->begin(), skipped->end());
  }
  return any ? out : std::string();
}

}  // namespace schemagate::languages
