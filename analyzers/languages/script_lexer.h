// JavaScript and TypeScript read lexically, before any parse: which files can yield something.
// Most of a front end's files never reach a database, yet their UI text names the verbs of SQL
// ("Select a region", "Delete from the list") and their types the names of database calls
// (`: any`, `useQuery`). One lexer delimits a file's literals, comments, regular expressions and,
// in .tsx and JavaScript, its JSX (whose text may hold any quote); the decisions built on it say
// when a parse cannot yield a SQL site or a database call wrapper. What the lexer cannot
// delimit is parsed, as before it.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/ascii_class.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace script_words_detail {
/// Bit i set when p[i] is a script word byte (script_word_byte), for the `len` <= 64 bytes at p.
inline uint64_t word_mask(const char* p, size_t len) {
  uint64_t m = 0;
#if defined(__SSE2__)
  if (len == 64) {
    for (int q = 0; q < 4; ++q) {
      __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * q));
      // x <= k unsigned: min(x, k) == x.
      auto at_most = [](__m128i x, char k) { return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(k)), x); };
      __m128i letter = at_most(_mm_sub_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8('a')), 'z' - 'a');
      __m128i digit = at_most(_mm_sub_epi8(c, _mm_set1_epi8('0')), 9);
      __m128i other = _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('_')), _mm_cmpeq_epi8(c, _mm_set1_epi8('$')));
      uint64_t bits = static_cast<uint16_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), other)));
      m |= bits << (16 * q);
    }
    return m;
  }
#endif
  for (size_t i = 0; i < len; ++i) m |= uint64_t{script_word_byte(p[i])} << i;
  return m;
}
}  // namespace script_words_detail

/// Calls f(start, end) for each word of `text` in order, a maximal run of script word bytes
/// (script_word_byte) at [start, end), until f returns true; returns whether one did. The
/// lexical passes that look each word up read them this way: the bytes are classed 64 at a
/// time, not one by one.
template <typename F>
bool each_script_word(std::string_view text, F f) {
  const char* p = text.data();
  size_t n = text.size();
  size_t start = std::string_view::npos;  // of a word that runs into the next block
  for (size_t base = 0; base < n; base += 64) {
    size_t len = n - base < 64 ? n - base : 64;
    uint64_t m = script_words_detail::word_mask(p + base, len);
    // Past a short last block, ~m is all ones: a word open there ends at n.
    size_t pos = 0;
    while (pos < len) {
      if (start == std::string_view::npos) {
        uint64_t s = m >> pos;
        if (s == 0) break;
        pos += static_cast<size_t>(__builtin_ctzll(s));
        start = base + pos;
      }
      uint64_t e = ~m >> pos;
      if (e == 0) break;  // runs into the next block
      pos += static_cast<size_t>(__builtin_ctzll(e));
      if (f(start, base + pos)) return true;
      start = std::string_view::npos;
    }
  }
  return start != std::string_view::npos && f(start, n);
}

}  // namespace schemagate::languages
