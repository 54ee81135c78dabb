// Python's code read lexically, before any parse: whether a file calls one of a set of names. A
// file is parsed for its database calls, for the wrappers it may define and for a data layer's
// helpers only when the call can be there; the name in a comment, a docstring or a message
// ("raw text", "# execute the migration") is none. Where the lexer cannot delimit the code (a
// string left open, a quote inside an f-string's field), any word of a name counts, as before.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::languages {

/// `text` with the bodies of its comments and string literals blanked (spaces, line ends kept,
/// same length), so that a lexical test reads no word of them. An f-string's (t-string's) body
/// is kept whole: its fields are code. Nullopt when a literal does not close, or a field of an
/// f-string holds its own quote (Python 3.12's f"{d["k"]}"): cannot tell where it ends.
std::optional<std::string> python_code_only(std::string_view text);

/// Whether the code of `text` (python_code_only) calls one of `names` by its last name: the
/// name as a word (`cur.execute`, `text`), then blanks, line ends or comments, then `(`. When
/// the code cannot be delimited: whether one of the names is a word of the text at all.
bool python_calls_one_of(std::string_view text, const std::vector<std::string_view>& names);

}  // namespace schemagate::languages
