// Finding a few bytes among many. The lexical passes over each code file before any parse (a
// file's imports, its literals and comments, its logical lines) stop only at a handful of
// bytes (quotes, `#`, brackets, line ends) and step over everything else; read byte by byte, or
// through one memchr call per stop for each byte looked for, they were a tenth of a check of
// synapse. Here sixteen bytes are compared with every byte looked for at once (SSE2, which every
// x86-64 has; byte by byte elsewhere), and a block's matches are read from one bit mask.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace schemagate::source {

/// Bit i set: p[i] is one of `Bytes`, for i < 16 (p[0, 16) must be readable).
template <char... Bytes>
inline uint32_t bytes_of_16(const char* p) {
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i m = _mm_setzero_si128();
  ((m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(Bytes)))), ...);
  return static_cast<uint32_t>(_mm_movemask_epi8(m));
#else
  uint32_t bits = 0;
  for (int i = 0; i < 16; ++i)
    if (((p[i] == Bytes) || ...)) bits |= uint32_t{1} << i;
  return bits;
#endif
}

/// Bit i set: p[i] is a byte of an identifier (an ASCII letter or digit, `_`, or any byte of a
/// UTF-8 sequence, >= 0x80), for i < 16 (p[0, 16) must be readable).
inline uint32_t identifier_bytes_16(const char* p) {
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // c in [lo, lo + n): (c + 128 - lo) < n - 128 as signed bytes.
  __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));  // A-Z onto a-z, nothing else onto them
  __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(static_cast<char>(128 - 'a'))),
                                  _mm_set1_epi8(static_cast<char>(26 - 128)));
  __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - '0'))),
                                 _mm_set1_epi8(static_cast<char>(10 - 128)));
  __m128i m = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
  m = _mm_or_si128(m, _mm_cmplt_epi8(v, _mm_setzero_si128()));  // >= 0x80
  return static_cast<uint32_t>(_mm_movemask_epi8(m));
#else
  uint32_t bits = 0;
  for (int i = 0; i < 16; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)
      bits |= uint32_t{1} << i;
  }
  return bits;
#endif
}

/// The first position at or after `from` whose byte is one of `Bytes`, or npos.
template <char... Bytes>
inline size_t find_byte_of(std::string_view text, size_t from) {
  const char* const begin = text.data();
  const char* p = begin + (from < text.size() ? from : text.size());
  const char* const end = begin + text.size();
  for (; end - p >= 16; p += 16)
    if (uint32_t bits = bytes_of_16<Bytes...>(p)) return static_cast<size_t>(p - begin) + static_cast<size_t>(__builtin_ctz(bits));
  for (; p < end; ++p)
    if (((*p == Bytes) || ...)) return static_cast<size_t>(p - begin);
  return std::string_view::npos;
}

/// The first position at or after `from` whose byte is none of `Bytes`, or npos.
template <char... Bytes>
inline size_t find_byte_not_of(std::string_view text, size_t from) {
  const char* const begin = text.data();
  const char* p = begin + (from < text.size() ? from : text.size());
  const char* const end = begin + text.size();
  for (; end - p >= 16; p += 16)
    if (uint32_t bits = ~bytes_of_16<Bytes...>(p) & 0xffff)
      return static_cast<size_t>(p - begin) + static_cast<size_t>(__builtin_ctz(bits));
  for (; p < end; ++p)
    if (!((*p == Bytes) || ...)) return static_cast<size_t>(p - begin);
  return std::string_view::npos;
}

/// Inside a literal that `quote` (`"` or `'`) closes: the first position at or after `from` of
/// a backslash, the quote, or (`one_line`) a line end; npos when none is.
inline size_t find_literal_stop(std::string_view text, size_t from, char quote, bool one_line) {
  if (quote == '"') return one_line ? find_byte_of<'\\', '"', '\n'>(text, from) : find_byte_of<'\\', '"'>(text, from);
  return one_line ? find_byte_of<'\\', '\'', '\n'>(text, from) : find_byte_of<'\\', '\''>(text, from);
}

}  // namespace schemagate::source
