// Byte offsets are the only positions carried inside schemagate. This is the one place that
// turns a byte offset into what a person reads: a 1-based line and a 1-based column counted in
// Unicode code points (UTF-8 continuation bytes do not advance the column). Everything else
// (tree-sitter rows, libpg_query locations) is converted to a byte offset of the host file first.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::report {

/// 1-based line, 1-based column in code points.
struct LineColumn {
  int line = 0;
  int column = 0;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// Position of the byte at `offset` (clamped to the end of the text).
  LineColumn position(size_t offset) const;
  /// The text of 1-based `line`, without its line terminator.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // byte offset where each line starts
};

}  // namespace schemagate::report
