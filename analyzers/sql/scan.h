// The one lexical rule for skipping what PostgreSQL ignores between tokens, used everywhere SQL
// text is split or skipped: `--` comments to the end of the line, `/* */` comments, which nest
// in PostgreSQL (scan.l's xc state), and blanks. An unterminated comment runs to the end.
#pragma once
#include <cctype>
#include <string_view>

namespace schemagate::sql {

/// Index just past a comment starting at text[i] ("--" or "/*"), or i when none starts there.
inline size_t skip_comment(std::string_view text, size_t i) {
  if (text.substr(i, 2) == "--") {
    size_t nl = text.find('\n', i);
    return nl == std::string_view::npos ? text.size() : nl + 1;
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
        if (--depth == 0) return j;
      } else {
        ++j;
      }
    }
    return text.size();
  }
  return i;
}

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

}  // namespace schemagate::sql
