// String literals of a host language, read lexically (literal_scan.h): one small lexer per
// language, one row each in the table below (Go's is go_lex, whose reading the scan's other Go
// gates share). A lexer hands each literal's body to `found` and returns false when it cannot
// delimit them (a string open at the end of the file).
#include "analyzers/languages/literal_scan.h"

#include <array>
#include <cctype>
#include <functional>
#include <string>

#include "analyzers/languages/language.h"
#include "analyzers/languages/script_lexer.h"
#include "analyzers/source/byte_scan.h"
#include "analyzers/source/discovery.h"

namespace schemagate::languages {
namespace {

/// A literal's body; `whole`: it is an expression by itself, never a piece of a longer string
/// (a JSX attribute's value).
using Found = std::function<void(std::string_view body, bool whole)>;

/// Whether the Python literal t[open, end) (its quote at `open`, `end` past its closing quote)
/// is a statement by itself: a docstring, or a string alone on its logical line (the caller
/// knows no bracket is open). Its value is then only its own text: no `+`, `%`, join or call
/// takes it, so it is a site only when that text reads as SQL. Only plain prefixes (r, b, u):
/// an f-string's fields are code.
bool python_statement_alone(std::string_view t, size_t open, size_t end) {
  size_t b = open;
  auto plain_prefix = [](char c) { return c == 'r' || c == 'R' || c == 'b' || c == 'B' || c == 'u' || c == 'U'; };
  while (b > 0 && open - b < 2 && plain_prefix(t[b - 1])) --b;
  if (b > 0 && (std::isalnum(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == '_' ||
                static_cast<unsigned char>(t[b - 1]) >= 0x80))
    return false;  // another prefix (f, t), or a name
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t')) --b;
  if (b > 0) {
    if (t[b - 1] != '\n') return false;  // after code on its line
    size_t e = b - 1;                     // the line before must end its statement: no `\`
    if (e > 0 && t[e - 1] == '\r') --e;
    if (e > 0 && t[e - 1] == '\\') return false;
  }
  while (end < t.size() && (t[end] == ' ' || t[end] == '\t')) ++end;
  return end == t.size() || t[end] == '\n' || t[end] == '\r' || t[end] == '#';
}

/// JavaScript and TypeScript (script_lexer.h), with JSX where the language has it. A module's
/// name is none; a whole expression (ScriptLiteral::whole) is a site only when it reads as SQL by
/// itself (with an escape, its text is not its body: read as a piece).
template <bool kJsx>
bool script_literals_of(std::string_view t, const Found& found) {
  return script_literals(t, kJsx, [&](const ScriptLiteral& l) {
    if (!l.module) found(l.body, l.whole && !l.substitutions && l.body.find('\\') == std::string_view::npos);
  });
}

struct Lexer {
  std::string_view language;
  bool (*literals)(std::string_view text, const Found& found);
};

/// One row per language the prefilter reads besides Go (go_lex); others are always parsed.
constexpr Lexer kLexers[] = {
    {"python", python_literals},
    {"ruby", ruby_literals},
    {"javascript", script_literals_of<true>},
    {"typescript", script_literals_of<false>},
    {"tsx", script_literals_of<true>},
};

/// Whether the literals `literals` finds in `text` may hold SQL (literals_may_hold_sql).
bool literals_may_hold_sql(std::string_view language, std::string_view text,
                           bool (*literals)(std::string_view text, const Found& found, const void* lexed),
                           const void* lexed) {
  bool starts = false, script = is_script_language(language);
  std::string joined;
  bool closed = literals(text, [&](std::string_view body, bool whole) {
    if (starts) return;
    if (whole) {  // its text alone: UI text ("Select a region") is no site
      starts = looks_like_sql(body) && !reads_as_prose(body);
      return;
    }
    if (looks_like_sql(body)) starts = true;
    size_t from = joined.size();
    joined.append(body);
    joined.push_back(' ');
    // A script's class lists (Tailwind's "select-none", "slide-in-from-top-2"): a keyword
    // joined to a dash is a piece of a name, not SQL's.
    if (script)
      for (size_t k = from; k < joined.size(); ++k)
        if (joined[k] == '-') joined[k] = '_';
  }, lexed);
  return !closed || starts || source::may_contain_sql(joined);
}

/// Go's literals, from the file's lexicon (`lexed`: a GoLexicon, or null to lex it here).
bool go_lexicon_literals(std::string_view t, const Found& found, const void* lexed) {
  GoLexicon own;
  if (!lexed) own = go_lex(t);
  const GoLexicon& l = lexed ? *static_cast<const GoLexicon*>(lexed) : own;
  for (const GoLexicon::Token& k : l.tokens)
    if (l.literal(k)) found(t.substr(k.open + 1, k.close - k.open - 1), false);
  return l.closed;
}

}  // namespace

/// Python: '...', "...", '''...''', """...""" with any prefix (r, b, u, f and pairs: the prefix
/// is a word before the quote, so a quote after an identifier character starts a literal too),
/// backslash escapes (a raw string's backslash still keeps the quote), # comments. A literal
/// that is a statement by itself (python_statement_alone) with no escape is whole: its body is
/// its text.
bool python_literals(std::string_view t, const std::function<void(std::string_view body, bool whole)>& found) {
  size_t i = 0, n = t.size();
  int depth = 0;          // brackets open in the code
  bool balanced = true;   // no bracket closed that the code did not open (else no literal is whole)
  // Only comments, quotes and brackets matter, and in a literal its backslashes, its quote and
  // line ends: the bytes between are stepped over sixteen at a time (source/byte_scan.h).
  while (i < n) {
    i = source::find_byte_of<'#', '"', '\'', '(', '[', '{', ')', ']', '}'>(t, i);
    if (i == std::string_view::npos) break;
    char c = t[i];
    if (c == '#') {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? n : e + 1;
    } else if (c == '"' || c == '\'') {
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      for (;;) {
        if (j < n) j = source::find_literal_stop(t, j, c, !triple);
        if (j >= n) return false;  // npos too
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
      std::string_view body = t.substr(begin, j - begin);
      size_t end = j + (triple ? 3 : 1);
      found(body, balanced && depth == 0 && body.find('\\') == std::string_view::npos &&
                      python_statement_alone(t, i, end));
      i = end;
    } else {
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) balanced = false;
        else --depth;
      }
      ++i;
    }
  }
  return true;
}

namespace {

/// Ruby's lexer for ruby_literals: code, with what in it opens a literal decided by what comes
/// before (a `/` after an operand divides, after an operator opens a regular expression), as
/// Ruby's own lexer decides; the bodies of strings, heredocs, %-literals, regular expressions and
/// commands, each whole (interpolations' code in it, whose literals are read too).
class RubyLexer {
 public:
  RubyLexer(std::string_view t, const std::function<void(std::string_view body, bool whole)>& found)
      : t_(t), n_(t.size()), found_(found) {}

  bool run() {
    size_t end = code(0, false);
    return ok_ && end >= n_ && pending_.empty();
  }

 private:
  struct Heredoc {
    std::string id;
    bool indented;  ///< <<~ or <<-: its terminator may be indented
  };
  std::string_view t_;
  size_t n_;
  const std::function<void(std::string_view body, bool whole)>& found_;
  bool ok_ = true;
  std::vector<Heredoc> pending_;  ///< heredocs opened on the current line, their bodies after it

  static bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
  }
  static bool blank(char c) { return c == ' ' || c == '\t'; }

  /// What comes before t_[i] on its line: whether it ends an operand (a name, a number, a
  /// literal, a closing bracket) rather than an operator or nothing, whether blanks come
  /// between, and whether it is a name (not a keyword) that takes arguments without brackets.
  struct Before {
    bool operand = false, spaced = false, name = false;
  };
  Before before(size_t i) const {
    Before b;
    size_t k = i;
    while (k > 0 && blank(t_[k - 1])) --k;
    b.spaced = k < i;
    if (k == 0 || t_[k - 1] == '\n' || t_[k - 1] == '\r') return b;
    char c = t_[k - 1];
    if ((c == '?' || c == '!') && k >= 2 && word_char(t_[k - 2])) {  // `empty?`, `gsub! %r/"/, ""`
      b.operand = b.name = true;
      return b;
    }
    if (c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == '`') {
      b.operand = true;
      return b;
    }
    if (!word_char(c)) return b;
    size_t w = k;
    while (w > 0 && word_char(t_[w - 1])) --w;
    std::string_view word = t_.substr(w, k - w);
    // A keyword after which an expression starts (`if /x/`, `when %w[a]`, `return <<~SQL`).
    static constexpr std::string_view kKeywords[] = {"if",    "unless", "while", "until", "and",  "or",   "not",
                                                     "return", "when",  "case",  "then",  "else", "elsif", "do",
                                                     "in",    "yield",  "begin", "break", "next", "puts", "print"};
    if (w > 0 && (t_[w - 1] == '.' || t_[w - 1] == '@' || t_[w - 1] == '$' || t_[w - 1] == ':')) {
      b.operand = true;  // a method, a variable or a symbol: never a keyword
      b.name = t_[w - 1] == '.';
      return b;
    }
    for (std::string_view kw : kKeywords)
      if (word == kw) return b;
    b.operand = true;
    // `def /(other)`: an operator method's name, not a literal.
    b.name = word != "def" && !std::isdigit(static_cast<unsigned char>(word[0]));
    return b;
  }
  /// Whether a literal that an operator may also be (`/`, `%`, `<<`) opens at t_[i]: after an
  /// operator, or after a name with blanks before it and none after (`split /,/`, `puts %w[a]`).
  bool literal_here(size_t i, size_t after) const {
    if (i > 0 && t_[i - 1] == ':' && (i < 2 || t_[i - 2] != ':')) return false;  // `:/`, `:%`, `:<<`: a symbol
    if (i > 0 && t_[i - 1] == '.') return false;  // `def self./(id)`, `x.%(y)`: a method's name
    Before b = before(i);
    if (!b.operand) return true;
    return b.name && b.spaced && after < n_ && !blank(t_[after]) && t_[after] != '=' && t_[after] != '\n';
  }

  /// The closing delimiter of an opening one.
  static char closer(char open) {
    switch (open) {
      case '(': return ')';
      case '[': return ']';
      case '{': return '}';
      case '<': return '>';
      default: return open;
    }
  }

  /// A body from t_[i] to `close` (nested pairs of `open` when it differs), with backslash
  /// escapes, and `#{...}` interpolations when `interpolates`; the index past `close`.
  size_t body(size_t i, char open, char close, bool interpolates) {
    size_t begin = i;
    int nest = 0;
    while (ok_) {
      if (i >= n_) return ok_ = false, n_;
      char c = t_[i];
      if (c == '\\') {
        i += 2;
      } else if (interpolates && c == '#' && i + 1 < n_ && t_[i + 1] == '{') {
        i = code(i + 2, true) + 1;
      } else if (c == close && nest == 0) {
        found_(t_.substr(begin, i - begin), false);
        return i + 1;
      } else if (c == close) {
        --nest, ++i;
      } else if (c == open && open != close) {
        ++nest, ++i;
      } else if (c == '\n' && !pending_.empty()) {
        return ok_ = false, n_;  // a heredoc opened before a literal of several lines: not read here
      } else {
        ++i;
      }
    }
    return n_;
  }

  /// The bodies of the heredocs opened on the line that ends at t_[i - 1]; the index past them.
  size_t heredoc_bodies(size_t i) {
    for (const Heredoc& h : pending_) {
      size_t begin = i;
      for (;;) {
        if (i >= n_) return ok_ = false, n_;
        size_t e = t_.find('\n', i);
        if (e == std::string_view::npos) e = n_;
        std::string_view line = t_.substr(i, e - i);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (h.indented)
          while (!line.empty() && blank(line.front())) line.remove_prefix(1);
        if (line == h.id) {
          found_(t_.substr(begin, i - begin), false);
          i = e < n_ ? e + 1 : n_;
          break;
        }
        i = e + 1;
      }
    }
    pending_.clear();
    return i;
  }

  /// A heredoc's opener at t_[i] (`<<`): its identifier is kept for the bodies after the line;
  /// the index past it, or i when no heredoc opens here.
  size_t heredoc_opener(size_t i) {
    size_t k = i + 2;
    bool indented = k < n_ && (t_[k] == '~' || t_[k] == '-');
    if (indented) ++k;
    if (k >= n_) return i;
    char q = t_[k];
    std::string id;
    if (q == '\'' || q == '"' || q == '`') {
      size_t e = t_.find(q, k + 1);
      if (e == std::string_view::npos || t_.substr(k + 1, e - k - 1).find('\n') != std::string_view::npos) return i;
      id = std::string(t_.substr(k + 1, e - k - 1));
      k = e + 1;
    } else {
      if (!(std::isalpha(static_cast<unsigned char>(q)) || q == '_')) return i;
      // `<<WORD` with no ~ or -: Ruby's heredoc only where an expression starts, as an argument;
      // an append otherwise (`list <<item`, rare without a blank).
      if (!indented && !literal_here(i, k)) return i;
      size_t e = k;
      while (e < n_ && word_char(t_[e])) ++e;
      id = std::string(t_.substr(k, e - k));
      k = e;
    }
    if (id.empty()) return i;
    pending_.push_back({std::move(id), indented});
    return k;
  }

  /// Code from t_[i]: to the end, or (`interpolation`) to the `}` that closes an interpolation,
  /// whose index it returns.
  size_t code(size_t i, bool interpolation) {
    int depth = 0;
    auto line_start = [&](size_t at) {  // =begin ... =end, and __END__, at a line's start
      if (t_.compare(at, 6, "=begin") == 0 && (at + 6 >= n_ || std::isspace(static_cast<unsigned char>(t_[at + 6])))) {
        for (size_t e = t_.find("\n=end", at); e != std::string_view::npos; e = t_.find("\n=end", e + 1))
          if (e + 5 >= n_ || std::isspace(static_cast<unsigned char>(t_[e + 5]))) {
            size_t eol = t_.find('\n', e + 1);
            return eol == std::string_view::npos ? n_ : eol;
          }
        ok_ = false;
        return n_;
      }
      if (t_.compare(at, 7, "__END__") == 0 && (at + 7 >= n_ || t_[at + 7] == '\n' || t_[at + 7] == '\r')) {
        found_(t_.substr(at), false);  // DATA: what the program may read
        return n_;
      }
      return at;
    };
    if (i == 0 && !interpolation) i = line_start(0);
    while (ok_ && i < n_) {
      i = source::find_byte_of<'#', '"', '\'', '`', '%', '/', '<', '?', '$', '\\', '(', ')', '[', ']', '{', '}', '\n'>(t_, i);
      if (i == std::string_view::npos) break;
      char c = t_[i];
      switch (c) {
        case '#': {
          size_t e = t_.find('\n', i);
          i = e == std::string_view::npos ? n_ : e;  // the line end is code's: heredocs start after it
          break;
        }
        case '\n':
          ++i;
          if (!pending_.empty()) i = heredoc_bodies(i);
          if (ok_ && i < n_) i = line_start(i);
          break;
        case '"': case '`': i = body(i + 1, c, c, true); break;
        case '\'': i = body(i + 1, c, c, false); break;
        case '\\': i += 2; break;
        case '$':  // $' $" $` $/ ...: a global variable, not a literal
          i += i + 1 < n_ && !word_char(t_[i + 1]) ? 2 : 1;
          break;
        case '?': {  // ?a ?" ?\n: a character literal where an expression starts
          if (!before(i).operand && i + 1 < n_ && !std::isspace(static_cast<unsigned char>(t_[i + 1]))) {
            size_t e = i + (t_[i + 1] == '\\' ? 3 : 2);
            if (e <= n_ && (e == n_ || !word_char(t_[e]))) {
              i = e;
              break;
            }
          }
          ++i;
          break;
        }
        case '/':
          if (literal_here(i, i + 1)) {
            i = body(i + 1, '/', '/', true);
            while (i < n_ && std::isalpha(static_cast<unsigned char>(t_[i]))) ++i;  // flags
          } else {
            ++i;
          }
          break;
        case '%': {
          size_t k = i + 1;
          if (k >= n_) {
            ++i;
            break;
          }
          char kind = 'Q';
          if (std::string_view("qQwWiIrsx").find(t_[k]) != std::string_view::npos && k + 1 < n_ && !word_char(t_[k + 1]) && !std::isspace(static_cast<unsigned char>(t_[k + 1])))
            kind = t_[k++];
          char open = t_[k];
          if (word_char(open) || std::isspace(static_cast<unsigned char>(open)) || open == '=' || !literal_here(i, i + 1)) {
            ++i;  // the modulo operator
            break;
          }
          bool interpolates = std::string_view("QWIrx").find(kind) != std::string_view::npos;
          i = body(k + 1, open, closer(open), interpolates);
          if (kind == 'r')
            while (i < n_ && std::isalpha(static_cast<unsigned char>(t_[i]))) ++i;
          break;
        }
        case '<':
          if (i + 1 < n_ && t_[i + 1] == '<') {
            size_t past = heredoc_opener(i);
            i = past != i ? past : i + 2;
          } else {
            ++i;
          }
          break;
        case '(': case '[': case '{': ++depth, ++i; break;
        case ')': case ']':
          if (--depth < 0) return ok_ = false, n_;
          ++i;
          break;
        case '}':
          if (interpolation && depth == 0) return i;
          if (--depth < 0) return ok_ = false, n_;
          ++i;
          break;
        default: ++i; break;
      }
    }
    if (interpolation || depth != 0) ok_ = false;  // an interpolation or a bracket left open
    return n_;
  }
};

}  // namespace

bool ruby_literals(std::string_view t, const std::function<void(std::string_view body, bool whole)>& found) {
  return RubyLexer(t, found).run();
}

std::vector<std::pair<uint32_t, uint32_t>> python_unread_spans(std::string_view t) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  size_t n = t.size();
  if (n > UINT32_MAX) return out;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n'; };
  auto keep = [&](size_t from, size_t to) {
    if (to > from) out.emplace_back(static_cast<uint32_t>(from), static_cast<uint32_t>(to));
  };
  // The span of the comment met last, which a comment line after it may extend: `open_line`
  // when that comment is a line of its own, `indent` the blanks before its `#`, `line_end`
  // where it ends.
  std::pair<size_t, size_t> open{0, 0};
  bool open_line = false;
  std::string_view indent;
  size_t line_end = 0;
  auto close = [&] {
    keep(open.first, open.second);
    open = {0, 0};
    open_line = false;
  };
  int depth = 0;
  bool balanced = true;
  // The lexing of python_literals, but for f-strings: their fields are read for the quote that
  // ends them, as Python's tokenizer reads them.
  for (size_t i = 0; i < n;) {
    i = source::find_byte_of<'#', '"', '\'', '(', '[', '{', ')', ']', '}'>(t, i);
    if (i == std::string_view::npos) break;
    char c = t[i];
    if (c == '#') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      // Its first and last characters are read: the parser meets a comment where it starts and
      // ends (a block's last statement's comment is the block's end), and the indentation
      // scanner sees its `#` at its column (a comment line as deep as the block is in it).
      size_t last = e;  // where its last character starts (a `\r` before the line end aside)
      while (last > i + 1 && t[last - 1] == '\r') --last;
      for (--last; last > i && (static_cast<unsigned char>(t[last]) & 0xC0) == 0x80;) --last;
      size_t line = t.rfind('\n', i) + 1;  // 0 past npos
      size_t k = line;
      while (k < i && blank(t[k])) ++k;
      bool own_line = k == i;
      // A comment line joins the span of the one before when as deep, with only blank lines
      // between: the scanner reads both alike (a dedent before both, or before neither).
      bool joins = own_line && open_line && t.substr(line, i - line) == indent;
      for (size_t b = line_end; b < line && joins; ++b) joins = blank(t[b]);
      if (joins) {
        open.second = last;
      } else {
        close();
        open = {i + 1, last};
      }
      line_end = e;
      open_line = own_line;
      indent = t.substr(line, i - line);
      if (!own_line) close();
      i = e;
      continue;
    }
    if (c == '"' || c == '\'') {
      bool format = false;
      for (size_t b = i; b > 0 && i - b < 3 && std::isalpha(static_cast<unsigned char>(t[b - 1])); --b)
        format = format || t[b - 1] == 'f' || t[b - 1] == 'F' || t[b - 1] == 't' || t[b - 1] == 'T';
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      int fields = 0;  // an f-string's fields open
      for (;;) {
        if (!format && j < n) j = source::find_literal_stop(t, j, c, !triple);
        if (j >= n) return {};  // npos too
        if (t[j] == '\\') {
          j += 2;
        } else if (triple ? (t[j] == c && j + 2 < n && t[j + 1] == c && t[j + 2] == c) : t[j] == c) {
          if (fields > 0) return {};
          break;
        } else if (!triple && t[j] == '\n') {
          return {};
        } else {
          if (format && t[j] == '{') {
            if (fields == 0 && j + 1 < n && t[j + 1] == '{') ++j;  // `{{`: a brace of the text
            else ++fields;
          } else if (format && t[j] == '}' && fields > 0) {
            --fields;
          }
          ++j;
        }
      }
      std::string_view body = t.substr(begin, j - begin);
      size_t end = j + (triple ? 3 : 1);
      close();
      if (!format && balanced && depth == 0 && body.find('\\') == std::string_view::npos &&
          python_statement_alone(t, i, end) && !(looks_like_sql(body) && !reads_as_prose(body)))
        keep(begin, j);
      i = end;
      continue;
    }
    close();
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) balanced = false;
      else --depth;
    }
    ++i;
  }
  close();
  return out;
}

// "..." with escapes (to the line end), `...` raw (may span lines), '...' runes, // and /* */
// comments. Most bytes open none: they are skipped sixteen at a time (source/byte_scan.h), not
// tested one by one.
GoLexicon go_lex(std::string_view t) {
  GoLexicon lexed;
  size_t i = 0, n = t.size();
  while (i < n) {
    i = source::find_byte_of<'/', '`', '"', '\''>(t, i);  // the bytes that may open a comment or a literal
    if (i == std::string_view::npos) break;
    char c = t[i];
    if (c == '/' && i + 1 < n && t[i + 1] == '/') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      lexed.tokens.push_back({i, e, GoLexicon::kLineComment});
      i = e;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      if (e == std::string_view::npos) {
        lexed.closed = false;
        break;
      }
      lexed.tokens.push_back({i, e, GoLexicon::kBlockComment});
      i = e + 2;
    } else if (c == '`') {
      size_t e = t.find('`', i + 1);
      if (e == std::string_view::npos) {
        lexed.closed = false;
        break;
      }
      lexed.tokens.push_back({i, e, GoLexicon::kRaw});
      i = e + 1;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < n) {  // to the quote or the line end, past escapes
        j = source::find_literal_stop(t, j, c, true);
        if (j == std::string_view::npos) j = n;
        else if (t[j] == '\\') j += 2;
        else break;
      }
      if (j >= n || t[j] != c) {
        lexed.closed = false;
        break;
      }
      lexed.tokens.push_back({i, j, c == '"' ? GoLexicon::kInterpreted : GoLexicon::kRune});
      i = j + 1;
    } else {
      ++i;
    }
  }
  return lexed;
}

std::optional<std::string> go_code_only(std::string_view t) { return go_code_only(t, go_lex(t)); }

std::optional<std::string> go_code_only(std::string_view t, const GoLexicon& lexed) {
  if (!lexed.closed) return std::nullopt;
  std::string out(t);
  for (const GoLexicon::Token& k : lexed.tokens) {
    switch (k.kind) {
      case GoLexicon::kLineComment: blank_keeping_lines(out, k.open, k.close); break;
      case GoLexicon::kBlockComment: blank_keeping_lines(out, k.open, k.close + 2); break;
      default: blank_keeping_lines(out, k.open + 1, k.close); break;
    }
  }
  return out;
}

bool go_literals_may_hold_sql(std::string_view text, const GoLexicon& lexed) {
  return literals_may_hold_sql("go", text, go_lexicon_literals, &lexed);
}

bool literals_may_hold_sql(std::string_view language, std::string_view text) {
  if (language == "go") return literals_may_hold_sql(language, text, go_lexicon_literals, nullptr);
  for (const Lexer& lexer : kLexers)
    if (lexer.language == language)
      return literals_may_hold_sql(language, text, [](std::string_view t, const Found& found, const void* lexer) {
        return static_cast<const Lexer*>(lexer)->literals(t, found);
      }, &lexer);
  return true;
}

}  // namespace schemagate::languages
