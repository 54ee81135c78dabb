// Python's code read lexically (python_tokens.h): comments and string bodies blanked as Python's
// tokenizer delimits them, then the calls looked for in what is left.
#include "analyzers/languages/python_tokens.h"

#include <array>
#include <cctype>

#include "analyzers/languages/literal_scan.h"
#include "analyzers/source/byte_scan.h"

namespace schemagate::languages {
namespace {

constexpr auto kWord = [] {  // identifier bytes in the C locale; any byte of a UTF-8 name too
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  return t;
}();
bool word(char c) { return kWord[static_cast<unsigned char>(c)]; }

/// Whether the letters before a quote at `at` are a string prefix with f or t (f"", rf'', T"").
bool formatted_prefix(std::string_view t, size_t at) {
  size_t b = at;
  while (b > 0 && word(t[b - 1])) --b;
  if (at - b > 3) return false;
  bool format = false;
  for (size_t k = b; k < at; ++k) {
    char c = t[k];
    if (c == 'f' || c == 'F' || c == 't' || c == 'T') format = true;
    else if (c != 'r' && c != 'R' && c != 'b' && c != 'B' && c != 'u' && c != 'U') return false;
  }
  return format;
}

/// Past the word that starts at or before t[i] (kWord bytes): the first byte at or after `i`
/// that is none, sixteen at a time.
size_t word_end(std::string_view t, size_t i) {
  const size_t n = t.size();
  for (; n - i >= 16; i += 16)
    if (uint32_t bits = ~source::identifier_bytes_16(t.data() + i) & 0xffff) return i + static_cast<size_t>(__builtin_ctz(bits));
  while (i < n && word(t[i])) ++i;
  return i;
}

/// The first byte at or after `i` that starts a word, a comment or a literal (n if none): the
/// bytes between are read for nothing.
size_t next_token(std::string_view t, size_t i) {
  const size_t n = t.size();
  for (; n - i >= 16; i += 16)
    if (uint32_t bits = source::identifier_bytes_16(t.data() + i) | source::bytes_of_16<'#', '"', '\''>(t.data() + i))
      return i + static_cast<size_t>(__builtin_ctz(bits));
  while (i < n && !word(t[i]) && t[i] != '#' && t[i] != '"' && t[i] != '\'') ++i;
  return i;
}

}  // namespace

std::optional<std::string> python_code_only(std::string_view t) {
  std::string out(t);
  auto blank = [&](size_t from, size_t to) { blank_keeping_lines(out, from, to); };
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '#') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      blank(i, e);
      i = e;
    } else if (c == '"' || c == '\'') {
      bool format = formatted_prefix(t, i);
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      int fields = 0;  // open `{` of an f-string's fields
      for (;;) {
        if (!format && j < n) {  // a plain literal's bytes between its stops, sixteen at a time
          j = source::find_literal_stop(t, j, c, !triple);
          if (j == std::string_view::npos) j = n;
        }
        if (j >= n) return std::nullopt;
        char d = t[j];
        if (d == '\\') {
          j += 2;
        } else if (d == c && (!triple || (j + 2 < n && t[j + 1] == c && t[j + 2] == c))) {
          if (fields > 0) return std::nullopt;  // a quote of the field's own, or the string ends inside a field
          break;
        } else if (!triple && d == '\n') {
          return std::nullopt;
        } else {
          if (format && d == '{') {
            if (fields == 0 && j + 1 < n && t[j + 1] == '{') ++j;  // {{: a brace of the text
            else ++fields;
          } else if (format && d == '}' && fields > 0) {
            --fields;
          }
          ++j;
        }
      }
      if (!format) blank(begin, j);
      i = j + (triple ? 3 : 1);
    } else {  // to the next comment or literal: no other byte is read
      i = source::find_byte_of<'#', '"', '\''>(t, i + 1);
      if (i == std::string_view::npos) i = n;
    }
  }
  return out;
}

bool python_calls_one_of(std::string_view t, const std::vector<std::string_view>& names) {
  // One pass: comments and plain strings skipped as python_code_only delimits them, an
  // f-string's body read as code (its fields may call), each word of the code looked up by its
  // first byte and length before the list.
  std::array<uint64_t, 256> starts{};
  for (std::string_view name : names)
    if (!name.empty()) starts[static_cast<unsigned char>(name[0])] |= uint64_t{1} << (name.size() < 64 ? name.size() : 0);
  auto called = [&](size_t k) {  // past blanks, line ends and comments, a `(`
    for (size_t n = t.size(); k < n; ++k) {
      char c = t[k];
      if (c == '#') {
        k = t.find('\n', k);
        if (k == std::string_view::npos) return false;
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\' && c != '\f') {
        return c == '(';
      }
    }
    return true;  // the end of the file: cannot tell
  };
  // What cannot be delimited is read as the whole text's words: a name as a word anywhere.
  auto names_a_word = [&] {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
    for (std::string_view name : names)
      for (size_t at = t.find(name); at != std::string_view::npos; at = t.find(name, at + 1))
        if ((at == 0 || !word(t[at - 1])) && (at + name.size() >= t.size() || !word(t[at + name.size()]))) return true;
    return false;
  };
  // The words of t[i, end) looked up; true when one is a call of a name.
  auto calls_in = [&](size_t i, size_t end) {
    while (i < end) {
      char c = t[i];
      if (!word(c)) {
        ++i;
        continue;
      }
      size_t e = i;
      while (e < end && word(t[e])) ++e;
      size_t len = e - i;
      if ((starts[static_cast<unsigned char>(c)] >> (len < 64 ? len : 0)) & 1)
        for (std::string_view name : names)
          if (name == t.substr(i, len) && called(e)) return true;
      i = e;
    }
    return false;
  };
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (word(c)) {
      size_t e = word_end(t, i);
      size_t len = e - i;
      if (!(e < n && (t[e] == '"' || t[e] == '\'')) &&
          ((starts[static_cast<unsigned char>(c)] >> (len < 64 ? len : 0)) & 1)) {
        std::string_view w = t.substr(i, len);
        for (std::string_view name : names)
          if (name == w && called(e)) return true;
      }
      i = e;  // a prefix before a quote: the quote is read next
    } else if (c == '#') {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? n : e;
    } else if (c == '"' || c == '\'') {
      bool f = formatted_prefix(t, i);
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      int fields = 0;
      for (;;) {
        // A plain literal's bytes that cannot end it are stepped over sixteen at a time
        // (source/byte_scan.h); an f-string's braces are read one by one.
        if (!f && j < n) {
          j = source::find_literal_stop(t, j, c, !triple);
          if (j == std::string_view::npos) j = n;
        }
        if (j >= n) return names_a_word();  // not closed: cannot tell
        char d = t[j];
        if (d == '\\') {
          j += 2;
        } else if (d == c && (!triple || (j + 2 < n && t[j + 1] == c && t[j + 2] == c))) {
          if (fields > 0) return names_a_word();
          break;
        } else if (!triple && d == '\n') {
          return names_a_word();
        } else {
          if (f && d == '{') {
            if (fields == 0 && j + 1 < n && t[j + 1] == '{') ++j;
            else ++fields;
          } else if (f && d == '}' && fields > 0) {
            --fields;
          }
          ++j;
        }
      }
      if (f && calls_in(begin, j)) return true;  // an f-string's fields are code
      i = j + (triple ? 3 : 1);
    } else {
      i = next_token(t, i + 1);
    }
  }
  return false;
}

}  // namespace schemagate::languages
