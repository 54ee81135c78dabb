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

/// JavaScript and TypeScript: '...' and "..." with escapes, `...` templates (may span lines) whose
/// `${...}` substitutions are lexed as code (they hold strings and templates of their own), // and
/// /* */ comments, and regular expression literals (`/'/` is no string): a `/` where an operand
/// starts is one. A template's body is handed over whole, substitutions included. Anything this
/// cannot delimit (a quote of JSX text, a regular expression over a line end) is a false return,
/// and the file is parsed.
class JsLexer {
 public:
  JsLexer(std::string_view t, const Found& found) : t_(t), found_(found) {}
  bool all() { return code(false) && i_ >= t_.size(); }

 private:
  /// Code up to the end, or (in a substitution) up to its closing brace, which is consumed.
  bool code(bool substitution) {
    size_t n = t_.size();
    int depth = 0;
    char last = 0;  // the last significant character of code, for telling `/` from a regex
    while (i_ < n) {
      char c = t_[i_];
      if (c == '/' && i_ + 1 < n && t_[i_ + 1] == '/') {
        size_t e = t_.find('\n', i_);
        i_ = e == std::string_view::npos ? n : e + 1;
      } else if (c == '/' && i_ + 1 < n && t_[i_ + 1] == '*') {
        size_t e = t_.find("*/", i_ + 2);
        if (e == std::string_view::npos) return false;
        i_ = e + 2;
      } else if (c == '/' && operand_expected(last)) {
        if (!regex()) return false;
        last = 'a';
      } else if (c == '"' || c == '\'') {
        size_t j = i_ + 1;
        while (j < n && t_[j] != c && t_[j] != '\n') j += t_[j] == '\\' ? 2 : 1;
        if (j >= n || t_[j] != c) return false;
        found_(t_.substr(i_ + 1, j - i_ - 1));
        i_ = j + 1;
        last = 'a';
      } else if (c == '`') {
        if (!template_literal()) return false;
        last = 'a';
      } else {
        if (c == '{') ++depth;
        if (c == '}' && depth-- == 0 && substitution) {
          ++i_;
          return true;
        }
        if (!std::isspace(static_cast<unsigned char>(c))) last = word_end(c) ? 'a' : c;
        if (word_end(c) && keyword_before_operand()) last = '(';
        ++i_;
      }
    }
    return !substitution;
  }
  static bool word_end(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == ')' || c == ']'; }
  /// After `return`, `typeof` and the like an operand starts (a `/` there is a regex).
  bool keyword_before_operand() const {
    size_t e = i_ + 1;
    if (e < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[e])) || t_[e] == '_' || t_[e] == '$')) return false;
    for (std::string_view k : {"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw",
                               "instanceof", "yield", "await"}) {
      if (e < k.size() || t_.substr(e - k.size(), k.size()) != k) continue;
      size_t b = e - k.size();
      if (b == 0 || !(std::isalnum(static_cast<unsigned char>(t_[b - 1])) || t_[b - 1] == '_' || t_[b - 1] == '$' ||
                      t_[b - 1] == '.'))
        return true;
    }
    return false;
  }
  static bool operand_expected(char last) { return last == 0 || std::string_view("(,=:[!&|?{};+-*%<>~^").find(last) != std::string_view::npos; }
  /// A regular expression literal from its `/`: to the `/` that closes it, outside a class.
  bool regex() {
    size_t j = i_ + 1, n = t_.size();
    bool in_class = false;
    while (j < n && t_[j] != '\n') {
      char c = t_[j];
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '[') in_class = true;
      else if (c == ']') in_class = false;
      else if (c == '/' && !in_class) break;
      ++j;
    }
    if (j >= n || t_[j] != '/') return false;
    i_ = j + 1;
    return true;
  }
  bool template_literal() {
    size_t begin = ++i_, n = t_.size();
    while (i_ < n && t_[i_] != '`') {
      if (t_[i_] == '\\') {
        i_ += 2;
      } else if (t_[i_] == '$' && i_ + 1 < n && t_[i_ + 1] == '{') {
        i_ += 2;
        if (!code(true)) return false;
      } else {
        ++i_;
      }
    }
    if (i_ >= n) return false;
    found_(t_.substr(begin, i_ - begin));
    ++i_;
    return true;
  }
  std::string_view t_;
  const Found& found_;
  size_t i_ = 0;
};

bool js_literals(std::string_view t, const Found& found) { return JsLexer(t, found).all(); }

struct Lexer {
  std::string_view language;
  bool (*literals)(std::string_view text, const Found& found);
};

/// One row per language the prefilter reads; others are always parsed.
constexpr Lexer kLexers[] = {
    {"go", go_literals},
    {"python", python_literals},
    {"javascript", js_literals},
    {"typescript", js_literals},
    {"tsx", js_literals},
};

}  // namespace

std::optional<std::string> go_code_only(std::string_view t) {
  std::string out(t);
  auto blank = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '/' && i + 1 < n && t[i + 1] == '/') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      blank(i, e);
      i = e;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      if (e == std::string_view::npos) return std::nullopt;
      blank(i, e + 2);
      i = e + 2;
    } else if (c == '`') {
      size_t e = t.find('`', i + 1);
      if (e == std::string_view::npos) return std::nullopt;
      blank(i + 1, e);
      i = e + 1;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < n && t[j] != c && t[j] != '\n') j += t[j] == '\\' ? 2 : 1;
      if (j >= n || t[j] != c) return std::nullopt;
      blank(i + 1, j);
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

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
