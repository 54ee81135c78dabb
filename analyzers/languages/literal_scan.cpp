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
