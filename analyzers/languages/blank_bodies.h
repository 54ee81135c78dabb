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
#include <set>
#include <string>
#include <string_view>
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

/// `text` with each body `blank[i]` marks replaced by blanks (line ends kept); "" when none is.
std::string blank_bodies(std::string_view text, const std::vector<TopLevelBody>& bodies, const std::vector<bool>& blank);

}  // namespace schemagate::languages
