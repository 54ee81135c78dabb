// Go's second lexical gate, after literal_scan.h's: whether a Go file can give the scan a SQL
// site at all. In Go the words the first gate keys on are everywhere: `select {` is code,
// "update not found" an error message, and `Get`, `Query` and `Exec` name methods of every cache,
// client and test helper. Most Go files a project has pass the first gate and yield nothing;
// parsing them was most of a Go project's run.
//
// A site comes from one of two things (string_eval.cpp): a call of one of the language's
// database calls with an argument where its SQL goes (`Get` takes it second, `QueryContext`
// second, `GetContext` third), or a string expression whose text starts like a statement. This
// gate reads the file's code and literals lexically (go_code_only) and answers for both: a call
// spelled with fewer arguments than its SQL needs passes none; a literal that stands alone as an
// argument of a call that only reports or asserts (errors.New, t.Run, require.Equal), as a
// `case` label, or as a key or a field value of a composite literal, is a site of that literal's
// text alone, which the caller judges (FileScanner::go_lone_literal_kept). Anything it cannot
// delimit or place is a reason to parse, as before.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "analyzers/languages/language.h"
#include "analyzers/languages/literal_scan.h"

namespace schemagate::languages {

/// What the lexical reading of a Go file says a scan of it can find.
struct GoSiteGate {
  /// True when the file must be parsed: a database call with enough arguments, a literal that
  /// starts like a statement anywhere but alone, or text this reading cannot delimit.
  bool parse = true;
  /// Otherwise: the bodies of the literals that start like a statement, each standing alone
  /// (its text is its site's whole text) and not reading as prose: a site each, which the
  /// caller may still find it keeps.
  std::vector<std::string_view> lone_literals;
};

/// Reads `text`, a Go file (`go`: the Go row of the language table, for its database calls).
/// `literals_count`: false where only database calls make sites (a test file: analyze_site
/// drops the others). `wrapper_argument`: the index of the SQL argument of a function of the
/// project that wraps a database call, or null for another name.
GoSiteGate go_site_gate(std::string_view text, const Language& go, bool literals_count = true,
                        const std::function<const size_t*(std::string_view name)>& wrapper_argument = {});
/// The same from the file's lexical reading (`lexed`: go_lex(text)), which other gates share.
GoSiteGate go_site_gate(std::string_view text, const GoLexicon& lexed, const Language& go, bool literals_count = true,
                        const std::function<const size_t*(std::string_view name)>& wrapper_argument = {});

/// Whether `text`, a Go file, may call one of `go`'s database calls with its SQL: a call with
/// the arguments its SQL needs, or text this reading cannot delimit. A file without one defines
/// no wrapper (string_eval.cpp, collect_wrappers).
bool go_may_call_database(std::string_view text, const Language& go);

/// The text of an interpreted string literal's body with its escapes decoded, as the extraction
/// reads it (go.cpp).
std::string go_decoded(std::string_view body);

/// Whether `text`, a Go file, may declare a top-level function `name` (`func name(`, with type
/// parameters too): false only when its code spells no such declaration.
bool go_may_declare_function(std::string_view text, std::string_view name);

}  // namespace schemagate::languages
