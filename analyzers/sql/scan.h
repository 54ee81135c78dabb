// The one lexical rule for skipping what PostgreSQL ignores between tokens or reads as one
// literal, used everywhere SQL text is split or skipped: `--` comments to the end of the line,
// `/* */` comments, which nest in PostgreSQL (scan.l's xc state), blanks, string constants ('',
// doubled quotes inside; E'' with backslash escapes), quoted identifiers and dollar-quoted
// strings ($$ ... $$, $tag$ ... $tag$). An unterminated comment or literal runs to the end of the
// text, and the scan says it was not closed.
#pragma once
#include <cctype>
#include <string>
#include <string_view>


namespace schemagate::sql {

/// Where a comment or a literal that starts at some index ends.
struct Skipped {
  size_t end = 0;      ///< index just past it (the end of the text when not closed)
  bool closed = true;  ///< false: the text ends inside it
};

/// A comment starting at text[i] ("--" to the end of the line, "/*" to its matching "*/"):
/// just past it, or {i, true} when none starts there.
inline Skipped skip_comment_run(std::string_view text, size_t i) {
  if (text.substr(i, 2) == "--") {
    size_t nl = text.find('\n', i);
    return {nl == std::string_view::npos ? text.size() : nl + 1, true};
  }
  if (text.substr(i, 2) == "/*") {
    int depth = 0;
    size_t j = i;
    while (j < text.size()) {
      if (text.substr(j, 2) == "/*") {
        ++depth;
        j += 2;
      } else if (text.substr(j, 2) == "*/") {
        j += 2;
        if (--depth == 0) return {j, true};
      } else {
        ++j;
      }
    }
    return {text.size(), false};
  }
  return {i, true};
}

/// Index just past a comment starting at text[i] ("--" or "/*"), or i when none starts there.
inline size_t skip_comment(std::string_view text, size_t i) { return skip_comment_run(text, i).end; }

/// Index of the first byte at or after i that is neither a blank nor in a comment.
inline size_t skip_blanks_and_comments(std::string_view text, size_t i) {
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t past = skip_comment(text, i);
    if (past == i) break;
    i = past;
  }
  return i;
}

/// Whether a byte continues an identifier: letters, digits, `_`, `$` (scan.l's ident_cont), and
/// the bytes of a multibyte character.
inline bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

/// The word before byte `at` (blanks skipped), lower-cased: "" when a non-letter stands there.
inline std::string word_before(std::string_view s, size_t at) {
  size_t i = at;
  while (i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1]))) --i;
  size_t e = i;
  while (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) --i;
  std::string w;
  for (size_t k = i; k < e; ++k) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
  return w;
}

/// If a dollar quote opens at text[i], its tag including both `$` ("$$", "$body$"); else empty.
/// Not after an identifier byte (foo$1$ is an identifier), nor a parameter ($1).
inline std::string_view dollar_tag(std::string_view text, size_t i) {
  if (i >= text.size() || text[i] != '$') return {};
  if (i > 0 && identifier_char(text[i - 1])) return {};
  size_t j = i + 1;
  if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) return {};
  while (j < text.size() && text[j] != '$') {
    char c = text[j];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80)) return {};
    ++j;
  }
  if (j >= text.size()) return {};
  return text.substr(i, j - i + 1);
}

/// A string constant ('...', E'...'), a quoted identifier ("...") or a dollar-quoted string
/// starting at text[i]: just past its closing quote. {i, true} when none starts there. An E
/// (or e) right before the quote, not itself the end of a word, makes backslashes escape.
inline Skipped skip_quoted(std::string_view text, size_t i) {
  if (i >= text.size()) return {i, true};
  char c = text[i];
  if (c == '\'') {
    bool backslash = i > 0 && (text[i - 1] == 'E' || text[i - 1] == 'e') && (i < 2 || !identifier_char(text[i - 2]));
    for (size_t j = i + 1; j < text.size();) {
      if (backslash && text[j] == '\\') {
        j += 2;
        continue;
      }
      if (text[j] == '\'') {
        if (j + 1 < text.size() && text[j + 1] == '\'') {
          j += 2;
          continue;
        }
        return {j + 1, true};
      }
      ++j;
    }
    return {text.size(), false};
  }
  if (c == '"') {  // "" inside is a quote
    for (size_t close = text.find('"', i + 1); close != std::string_view::npos; close = text.find('"', close + 2))
      if (close + 1 >= text.size() || text[close + 1] != '"') return {close + 1, true};
    return {text.size(), false};
  }
  if (std::string_view tag = dollar_tag(text, i); !tag.empty()) {
    size_t close = text.find(tag, i + tag.size());
    return close == std::string_view::npos ? Skipped{text.size(), false} : Skipped{close + tag.size(), true};
  }
  return {i, true};
}

/// A comment or a literal starting at text[i] (skip_comment_run, skip_quoted): just past it,
/// or {i, true} when neither starts there.
inline Skipped skip_comment_or_quoted(std::string_view text, size_t i) {
  Skipped comment = skip_comment_run(text, i);
  return comment.end != i ? comment : skip_quoted(text, i);
}

}  // namespace schemagate::sql
