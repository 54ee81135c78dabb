// JavaScript and TypeScript read lexically, before any parse: which files can yield something.
// Most of a front end's files never reach a database, yet their UI text names the verbs of SQL
// ("Select a region", "Delete from the list") and their types the names of database calls
// (`: any`, `useQuery`). One lexer delimits a file's literals, comments, regular expressions and,
// in .tsx and JavaScript, its JSX (whose text may hold any quote); the decisions built on it say
// when a parse cannot yield a SQL site or a database call wrapper. What the lexer cannot
// delimit is parsed, as before it.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::languages {

/// A string literal of a script, as the lexer delimits it.
struct ScriptLiteral {
  std::string_view body;        ///< between the quotes; a template's whole body, substitutions included
  bool substitutions = false;   ///< a template with `${...}`
  /// A whole expression that no `+` or template around it extends, so a site only by its own
  /// text: a JSX attribute's value (`placeholder="..."`), a literal of a JSX expression with
  /// neither `+` nor a template (`{value || 'Select a member...'}`), an object's value or a
  /// ternary's alternative between `:` and `,` or `}` (`method: "DELETE",`).
  bool whole = false;
  /// A module's name (`from '@/components/ui/select'`, `import './x'`): never SQL.
  bool module = false;
};

/// Whether `language` (Language::name) is JavaScript, TypeScript or TSX: the languages this
/// lexer reads.
bool is_script_language(std::string_view language);

/// Whether the scripts of `language` (Language::name) may hold JSX: JavaScript and TSX (a .ts
/// file's `<T>x` is a type assertion).
bool script_has_jsx(std::string_view language);

/// Hands each string literal of `text` to `found`, in order; false when the lexer cannot delimit
/// them (a string open at the end, a regular expression over a line end, a `<` that opens no
/// JSX element it can close). `jsx`: script_has_jsx.
bool script_literals(std::string_view text, bool jsx, const std::function<void(const ScriptLiteral&)>& found);

/// `text` with the bodies of its comments, string literals, template texts, regular expressions
/// and JSX text blanked (line ends kept, same length): the code, with template substitutions and
/// the quotes themselves. nullopt when the lexer cannot delimit them.
std::optional<std::string> script_code_only(std::string_view text, bool jsx);

/// Whether `code` (script_code_only's, or a whole text: then strings and comments count too)
/// calls one of `names` in a way that hands it an argument: `name(` with something before its
/// `)`, through type arguments, `!` or `?.` (`query<Row>(`, `query!(`), or, when `tagged`, as a
/// template's tag (`sql\``). `db.query()` and the bare words (`: any`, `req.query.id`) are none.
bool script_calls_with_argument(std::string_view code, const std::vector<std::string_view>& names, bool tagged);

/// Whether the code of a script (not its strings or comments: `from '@/generated/prisma/client'`
/// names no client) holds `word` as a whole word and, with `call`, as a call (`.from(`). The
/// language is not known (a data layer's `relevant` reads the text alone): JSX is read where an
/// operand starts, so a .ts file's `<T>x` leaves the text undelimited, and then the whole text is
/// read, strings and comments included.
bool script_code_names(std::string_view text, std::string_view word, bool call);

/// Whether a script of `language` with `text` may yield a SQL site through a call of
/// `database_calls`: one is called with an argument or as a tag in its code.
bool script_may_call_database(std::string_view language, std::string_view text,
                              const std::vector<std::string_view>& database_calls);

/// Whether a script may define a database call wrapper: a function that hands its parameter to
/// one of `database_calls` (never as a tag's template: its substitutions are values).
bool script_may_wrap_database_call(std::string_view language, std::string_view text,
                                   const std::vector<std::string_view>& database_calls);

}  // namespace schemagate::languages
