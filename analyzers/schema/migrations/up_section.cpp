// Line splitting and blanking for the formats that mark their up section with comments.
#include "analyzers/schema/migrations/up_section.h"

namespace schemagate::schema::migrations {

std::vector<LineSpan> split_lines(std::string_view text) {
  std::vector<LineSpan> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t newline = text.find('\n', begin);
    size_t next = newline == std::string_view::npos ? text.size() : newline + 1;
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    if (end > begin && text[end - 1] == '\r') --end;
    lines.push_back({begin, end, next});
    begin = next;
  }
  return lines;
}

std::string keep_only(std::string_view text, size_t begin, size_t end) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i)
    if ((i < begin || i >= end) && out[i] != '\n') out[i] = ' ';
  return out;
}

bool has_line(std::string_view text, LinePredicate is_marker) {
  for (const LineSpan& line : split_lines(text))
    if (is_marker(text.substr(line.begin, line.end - line.begin))) return true;
  return false;
}

bool extract_up_section(std::string_view text, LinePredicate is_up, LinePredicate is_down,
                        std::string* sql) {
  std::vector<LineSpan> lines = split_lines(text);
  auto content = [&](const LineSpan& line) { return text.substr(line.begin, line.end - line.begin); };
  size_t i = 0;
  while (i < lines.size() && !is_up(content(lines[i]))) ++i;
  if (i == lines.size()) return false;
  size_t begin = lines[i].next;
  size_t end = text.size();
  for (size_t j = i + 1; j < lines.size(); ++j) {
    if (is_down(content(lines[j]))) {
      end = lines[j].begin;
      break;
    }
  }
  *sql = keep_only(text, begin, end);
  return true;
}

}  // namespace schemagate::schema::migrations
