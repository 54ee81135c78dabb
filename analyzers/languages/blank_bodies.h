// Parsing only the functions that can matter. A file the lexical gates keep is parsed whole, yet
// most of it is usually functions with no SQL, no database call and nothing a site reads. Here a
// Go file's top-level function bodies are found lexically (gofmt puts `func` and the body's
// closing `}` at column 0; strings, raw strings, runes and comments respected), and the bodies
// the caller judges irrelevant are replaced by blanks, every line end kept: the blanked text has
// the same bytes at the same offsets, rows and columns everywhere else, so a tree parsed from it
// reads the original text for its nodes. What a body must never lose is decided here where it
// is lexical (see go_body_stays) and by the caller's gates for the rest (pipeline/body_gate.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace schemagate::languages {

/// One top-level function of a Go file: `func` at `decl` (column 0), its body's braces at `open`
/// and `close` (the closing one at column 0).
struct TopLevelBody {
  size_t decl = 0, open = 0, close = 0;
  std::string_view name;       ///< the function's or method's name
  std::string_view signature;  ///< from `func` to the body's `{`, exclusive
  std::string_view body(std::string_view text) const { return text.substr(open + 1, close - open - 1); }
};

/// The top-level function bodies of `text`, a Go file, in file order; empty when its literals or
/// comments do not close, or a function's braces cannot be paired lexically (then nothing is
/// blanked). A function written on one line (`func f() { return 1 }`) is not listed. `code`, if
/// given: the text they were read on, its literals and comments blanked (go_code_only).
std::vector<TopLevelBody> go_top_level_bodies(std::string_view text, std::string* code = nullptr);

/// Whether a body must stay whatever the gates say: `init` (it runs for its effects), or a
/// function or method whose one result may be text (not a pointer, a number, a bool, an error,
/// ...): string_eval inlines a call of it, and records it for other files when it returns one
/// constant ("name()") or rewrites its parameter ("name(@)").
bool go_body_stays(const TopLevelBody& body);

/// The names `code` (a Go function body with its literals and comments blanked) calls: each
/// word followed by `(`, as views of `code`.
std::set<std::string_view> go_called_names(std::string_view code);

/// Whether `code` (a Go function body with its literals and comments blanked) calls one of
/// `names`: the word followed by `(`, blanks between allowed, as go_called_names reads a call.
/// A data layer's DataLayer::reads_body asks it for the calls it follows.
bool go_calls_any(std::string_view code, std::initializer_list<std::string_view> names);

/// `text` with each body `blank[i]` marks replaced by blanks (line ends kept); "" when none is.
std::string blank_bodies(std::string_view text, const std::vector<TopLevelBody>& bodies, const std::vector<bool>& blank);

}  // namespace schemagate::languages

namespace schemagate::languages {

// Python: the same, read from indentation. A `def` at column 0, or one directly in the body of a
// `class` at column 0, whose header ends its line with `:`; its body runs to the last logical
// line indented deeper (strings of every prefix and quote, comments, brackets and backslash
// continuations respected). A blanked body keeps one `pass` (tree-sitter needs a statement in
// the block) over blanks, every line end kept.

/// The `def` bodies of `text`, a Python file, in file order: `decl` the line's start, `open` the
/// header's line end, `close` the end of the body's last line. Empty when a literal does not
/// close or brackets do not pair. `code`, if given: `text` with its literals and comments blanked.
std::vector<TopLevelBody> python_def_bodies(std::string_view text, std::string* code = nullptr);

/// Whether a body must stay whatever the gates say: it returns something that may be text
/// (string_eval inlines a call of the function, and records one returning a constant as
/// "name()" for other files). A function is none when a return of its own (not of a function
/// defined in it) has no value or several, or when its first one is no text string_eval reads
/// (None, a number, a collection, a comparison, `await` of a call, a method's call that is not
/// format, join or a strip or replace): string_eval reads only functions whose every return is
/// one value, in order, and gives up at the first that is no text. `code`: the body read on
/// python_def_bodies' `code`.
bool python_body_stays(std::string_view code);

/// For a method (a `def` directly in a class), whether string_eval may read its body at all: it
/// never inlines a method (a bare call runs none), and reads one only as a helper that a wrapper
/// passes its SQL through (`self.rewrite_query(query)`, passed_through): every return is its
/// first parameter after self or cls, as it is, through locals, or through strip or replace. A
/// method with no such parameter (none, `*args` first, or one annotated as no string, which
/// string_eval does not take for SQL), or whose first own return is something else (a call, a
/// literal, an operation, a collection, ...), is never read. `signature`: the `def`'s logical
/// line read on python_def_bodies' `code`; `signature_text`: the same bytes of the text (the
/// annotation is read there, as string_eval reads it); `body`: the body read on the code.
bool python_method_hands_back(std::string_view signature, std::string_view signature_text, std::string_view body);

/// `text` with each body `blank[i]` marks replaced by `pass` and blanks (line ends kept); "" when
/// none is. `skipped`, if given: each blanked body's bytes after its `pass` are listed there
/// instead, left as they are, for a parser that does not read them (Parser::parse's `skipped`),
/// with the spans of `unread` (sorted, disjoint: python_unread_spans) outside the bodies blanked.
std::string python_blank_bodies(std::string_view text, const std::vector<TopLevelBody>& bodies,
                                const std::vector<bool>& blank,
                                std::vector<std::pair<uint32_t, uint32_t>>* skipped = nullptr,
                                const std::vector<std::pair<uint32_t, uint32_t>>& unread = {});

}  // namespace schemagate::languages
