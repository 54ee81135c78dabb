// The lexical prefilter per host language. A file is parsed for SQL sites only when its text holds
// a statement shape (source::may_contain_sql); in Go that shape is also code (`select {` with a
// `case x := <-ch:` below and the word "from" further on), and in any language a comment. This
// scan reads only the string literals of the file, as the host language's lexer would, so a file
// whose shape is in code or comments is left out. The pipeline keeps a file whatever its literals
// when it calls a database call of dynamic SQL (those are unchecked sites, counted).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace schemagate::languages {

/// Whether some string literal of `text`, a file of `language` (Language::name), starts like a
/// statement (looks_like_sql), or the literals joined by blanks hold a statement shape
/// (source::may_contain_sql: a statement split over `"SELECT a " + "FROM t"`). True for a
/// language this scan does not know, and for a file whose literals it cannot delimit (a string
/// left open at the end): never a reason to skip a file it does not understand. A literal that
/// nothing can extend (a JSX attribute's value; a Python string that is a statement by itself, a
/// docstring) counts only when its own text reads as SQL, not as prose (reads_as_prose).
/// One lexical reading of a Go file: where its comments and its string and rune literals are,
/// in order. The scan's Go gates (literals_may_hold_sql, go_code_only, go_site_gate) all answer
/// from it, so a file is lexed once for them.
struct GoLexicon {
  enum Kind : char { kLineComment, kBlockComment, kRaw, kInterpreted, kRune };
  struct Token {
    size_t open;   ///< its first byte: the opening quote, or the '/' of the comment
    size_t close;  ///< a literal's closing quote; a line comment's line end (or the text's end); a block comment's "*/"
    Kind kind;
  };
  std::vector<Token> tokens;
  /// False when a literal or a block comment does not close: `tokens` stop before it.
  bool closed = true;
  bool literal(const Token& t) const { return t.kind == kRaw || t.kind == kInterpreted; }
};
GoLexicon go_lex(std::string_view text);

bool literals_may_hold_sql(std::string_view language, std::string_view text);

/// Python's string literals as that scan reads them, in order: each body to `found`, with whether
/// it is whole (a statement by itself, no escape: its text is its value); false when a literal
/// does not close.
bool python_literals(std::string_view text, const std::function<void(std::string_view body, bool whole)>& found);
/// Ruby's string literals as that scan reads them, in order, each body to `found` (never whole):
/// strings, heredocs (`<<~SQL`), %-literals, regular expressions and commands, each body with its
/// interpolations' code, whose literals come too. A `/`, `%`, `?` or `<<` opens one only where an
/// expression starts, as Ruby's lexer decides (after an operator or a keyword, or a blank after a
/// method's name). False when a literal, an interpolation, a heredoc or a bracket is left open or
/// a bracket closes that none opened: a reading out of step with the file's own says so.
bool ruby_literals(std::string_view text, const std::function<void(std::string_view body, bool whole)>& found);
/// The spans of `text`, a Python file, that a parse for sites need not read (Parser::parse's
/// `skipped`): the inside of each comment, and the body of each string that is a statement by
/// itself (a docstring; whole, as python_literals says) whose text is no site (find_sites
/// reports such a literal only when it looks_like_sql and not reads_as_prose). The parser lexes
/// both byte by byte, and Python's indentation scanner reads a comment line again each time it
/// looks past it for the next line's indentation; nothing reads a comment node's text or a
/// docstring's content. What is read keeps the tree's every other node as it was, at the same
/// bytes: a string's quotes (the parser still meets a string), and a comment's first and last
/// characters (its `#` at its column tells the scanner whether a dedent comes before it, and a
/// block that ends with a comment ends where the comment does). Comment lines of one
/// indentation, with only blank lines between, are one span (the lexer walks the ranges before
/// each token it reads: fewer is cheaper). Sorted, disjoint; empty when a literal does not close
/// or an f-string's field holds the string's own quote (the file's tokens cannot be told
/// lexically).
std::vector<std::pair<uint32_t, uint32_t>> python_unread_spans(std::string_view text);

/// The same for a Go file lexed already (`lexed`: go_lex(text)).
bool go_literals_may_hold_sql(std::string_view text, const GoLexicon& lexed);

/// Go: `text` with the bodies of its comments and of its string and rune literals blanked
/// (spaces, line ends kept, same length), so that a lexical test of its code reads no word, brace
/// or colon of them; nullopt when a literal or comment does not close.
std::optional<std::string> go_code_only(std::string_view text);
/// The same from go_lex(text).
std::optional<std::string> go_code_only(std::string_view text, const GoLexicon& lexed);

/// text[from, to) blanked for a lexical test of the code around it (go_code_only,
/// python_code_only, script_code_only): every byte a space but line ends, so offsets and line
/// numbers stay.
inline void blank_keeping_lines(std::string& text, size_t from, size_t to) {
  to = std::min(to, text.size());
  while (from < to) {  // line by line: most spans hold no line end
    const void* end = std::memchr(text.data() + from, '\n', to - from);
    size_t line_end = end ? static_cast<size_t>(static_cast<const char*>(end) - text.data()) : to;
    std::memset(text.data() + from, ' ', line_end - from);
    from = line_end + 1;
  }
}

}  // namespace schemagate::languages
