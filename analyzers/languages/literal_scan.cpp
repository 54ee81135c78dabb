// String literals of a host language, read lexically (literal_scan.h): one small lexer per
// language, one row each in the table below. A lexer hands each literal's body to `found` and
// returns false when it cannot delimit them (a string open at the end of the file).
#include "analyzers/languages/literal_scan.h"

#include <cctype>
#include <functional>
#include <string>

#include "analyzers/languages/language.h"
#include "analyzers/source/discovery.h"

namespace schemagate::languages {
namespace {

using Found = std::function<void(std::string_view body)>;

/// Go: "..." with escapes, `...` raw (may span lines), '...' runes (skipped), // and /* */ comments.
bool go_literals(std::string_view t, const Found& found) {
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '/' && i + 1 < n && t[i + 1] == '/') {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? n : e + 1;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      if (e == std::string_view::npos) return false;
      i = e + 2;
    } else if (c == '`') {
      size_t e = t.find('`', i + 1);
      if (e == std::string_view::npos) return false;
      found(t.substr(i + 1, e - i - 1));
      i = e + 1;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < n && t[j] != c && t[j] != '\n') j += t[j] == '\\' ? 2 : 1;
      if (j >= n || t[j] != c) return false;
      if (c == '"') found(t.substr(i + 1, j - i - 1));
      i = j + 1;
    } else {
      ++i;
    }
  }
  return true;
}

/// Python: '...', "...", '''...''', """...""" with any prefix (r, b, u, f and pairs: the prefix
/// is a word before the quote, so a quote after an identifier character starts a literal too),
/// backslash escapes (a raw string's backslash still keeps the quote), # comments.
bool python_literals(std::string_view t, const Found& found) {
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '#') {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? n : e + 1;
    } else if (c == '"' || c == '\'') {
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      for (;;) {
        if (j >= n) return false;
        if (t[j] == '\\') {
          j += 2;
        } else if (triple ? (t[j] == c && j + 2 < n && t[j + 1] == c && t[j + 2] == c) : t[j] == c) {
          break;
        } else if (!triple && t[j] == '\n') {
          return false;
        } else {
          ++j;
        }
      }
      found(t.substr(begin, j - begin));
      i = j + (triple ? 3 : 1);
    } else {
      ++i;
    }
  }
  return true;
}

struct Lexer {
  std::string_view language;
  bool (*literals)(std::string_view text, const Found& found);
};

/// One row per language the prefilter reads; others are always parsed.
constexpr Lexer kLexers[] = {
    {"go", go_literals},
    {"python", python_literals},
};

}  // namespace

bool literals_may_hold_sql(std::string_view language, std::string_view text) {
  for (const Lexer& lexer : kLexers) {
    if (lexer.language != language) continue;
    bool starts = false;
    std::string joined;
    bool closed = lexer.literals(text, [&](std::string_view body) {
      if (starts) return;
      if (looks_like_sql(body)) starts = true;
      joined.append(body);
      joined.push_back(' ');
    });
    return !closed || starts || source::may_contain_sql(joined);
  }
  return true;
}

}  // namespace schemagate::languages
