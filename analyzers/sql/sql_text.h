// SQL as the application builds it: a byte string plus, for every byte, the byte offset in the
// host file it came from. Extractors append decoded literal pieces (escape sequences map to the
// escape's first byte) and holes (interpolations, non-literal operands of a concatenation).
// A hole is written as the sentinel byte kHole; placeholder normalisation later turns each hole
// and each driver placeholder (%s, ?, :name, @name) into a PostgreSQL parameter $n, so the
// statement parses with PostgreSQL's own parser while every location still maps back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::sql {

inline constexpr char kHole = '\x01';

struct SqlText {
  std::string text;
  std::vector<uint32_t> origin;  // origin[i] = host byte offset of text[i]

  /// Appends `bytes`, the i-th byte coming from host offset `host_offset + i`.
  void append_verbatim(std::string_view bytes, uint32_t host_offset) {
    text.append(bytes);
    size_t at = origin.size();
    origin.resize(at + bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) origin[at + i] = host_offset + static_cast<uint32_t>(i);
  }
  /// Appends decoded bytes that all map to one host offset (an escape sequence).
  void append_from(std::string_view bytes, uint32_t host_offset) {
    text.append(bytes);
    origin.insert(origin.end(), bytes.size(), host_offset);
  }
  /// Appends an interpolation or a non-literal operand that starts at `host_offset`.
  void append_hole(uint32_t host_offset) {
    text.push_back(kHole);
    origin.push_back(host_offset);
  }
  /// Appends bytes [begin, end) of `other`, each with its origin there.
  void append_part(const SqlText& other, size_t begin, size_t end) {
    text.append(other.text, begin, end - begin);
    origin.insert(origin.end(), other.origin.begin() + static_cast<std::ptrdiff_t>(begin),
                  other.origin.begin() + static_cast<std::ptrdiff_t>(end));
  }
  void append(const SqlText& other) {
    text += other.text;
    origin.insert(origin.end(), other.origin.begin(), other.origin.end());
  }
  bool empty() const { return text.empty(); }
  /// Host offset of SQL byte `offset` (clamped).
  uint32_t host_offset(size_t offset) const {
    if (origin.empty()) return 0;
    return offset < origin.size() ? origin[offset] : origin.back();
  }
};

}  // namespace schemagate::sql
