#include "analyzers/report/line_index.h"

#include "analyzers/source/byte_scan.h"

#include <algorithm>

namespace schemagate::report {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  // Each scanned file is indexed: its line ends found sixteen bytes at a time (byte_scan.h),
  // not tested one by one.
  starts_.push_back(0);
  for (size_t i = source::find_byte_of<'\n'>(text, 0); i != std::string_view::npos; i = source::find_byte_of<'\n'>(text, i + 1))
    starts_.push_back(i + 1);
}

LineColumn LineIndex::position(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
  size_t start = starts_[line - 1];
  int column = 1;
  for (size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<int>(line), column};
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  size_t start = starts_[line - 1];
  size_t end = line < line_count() ? starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

}  // namespace schemagate::report
