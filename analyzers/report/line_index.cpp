#include "analyzers/report/line_index.h"

#include <algorithm>

namespace schemagate::report {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
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
