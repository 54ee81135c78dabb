// Byte classes for the lexical passes that read every byte of a file (the Go gate, the constants
// pass's word tests). std::isalnum and std::isspace are calls into libc that consult the locale;
// the program never sets one, so in the C locale they are these ASCII tests, read from a table.
#pragma once
#include <array>

namespace schemagate::languages {

namespace ascii_detail {
enum : unsigned char { kAlnum = 1, kBlank = 2, kDigit = 4, kScriptWord = 8 };
constexpr std::array<unsigned char, 256> kClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool digit = c >= '0' && c <= '9';
    if (digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) t[c] |= kAlnum;
    if (digit) t[c] |= kDigit;
    if ((t[c] & kAlnum) || c == '_' || c == '$') t[c] |= kScriptWord;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') t[c] |= kBlank;
  }
  return t;
}();
}  // namespace ascii_detail

/// std::isalnum in the C locale.
constexpr bool ascii_alnum(char c) { return ascii_detail::kClass[static_cast<unsigned char>(c)] & ascii_detail::kAlnum; }
/// std::isdigit in the C locale.
constexpr bool ascii_digit(char c) { return ascii_detail::kClass[static_cast<unsigned char>(c)] & ascii_detail::kDigit; }
/// std::isspace in the C locale: space, \t, \n, \v, \f, \r.
constexpr bool ascii_blank(char c) { return ascii_detail::kClass[static_cast<unsigned char>(c)] & ascii_detail::kBlank; }
/// A byte of a JavaScript identifier as the lexical passes read one: a letter, a digit, '_' or '$'.
constexpr bool script_word_byte(char c) {
  return ascii_detail::kClass[static_cast<unsigned char>(c)] & ascii_detail::kScriptWord;
}
/// A byte of a Go identifier as the lexical passes read one: a letter, a digit or '_'.
constexpr bool go_word_byte(char c) { return ascii_alnum(c) || c == '_'; }

}  // namespace schemagate::languages
