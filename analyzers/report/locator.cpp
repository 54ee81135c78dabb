#include "analyzers/report/locator.h"

namespace schemagate::report {

void Locator::add(const std::string& file, std::string_view text) { files_.try_emplace(file, text); }

void Locator::add(const schema::migrations::MigrationFile& m) {
  add(m.path, !m.origin.empty() ? std::string_view(m.text) : std::string_view(m.sql));
}

const LineIndex* Locator::index(const std::string& file) const {
  auto it = files_.find(file);
  if (it != files_.end()) {
    const File& f = it->second;
    std::call_once(f.indexed, [&f] { f.lines.emplace(f.text); });
    return &*f.lines;
  }
  return parent_ ? parent_->index(file) : nullptr;
}

LineColumn Locator::position(const std::string& file, uint32_t offset) const {
  const LineIndex* lines = index(file);
  return lines ? lines->position(offset) : LineColumn{};
}

int Locator::line(const schema::Origin& origin) const {
  if (origin.offset && knows(origin.file)) return position(origin.file, *origin.offset).line;
  return origin.line;
}

std::string Locator::place(const schema::Origin& origin) const { return origin.file + ":" + std::to_string(line(origin)); }

std::string Locator::place(const std::string& file, uint32_t offset) const {
  return file + ":" + std::to_string(position(file, offset).line);
}

std::string Locator::place_column(const std::string& file, uint32_t offset) const {
  LineColumn pos = position(file, offset);
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

std::string_view Locator::line_text(const std::string& file, int line) const {
  const LineIndex* lines = index(file);
  return lines ? lines->line_text(line) : std::string_view();
}

void Locator::locate(Diagnostic* d) const {
  if (d->offset) {
    if (const LineIndex* lines = index(d->file)) {
      auto pos = lines->position(*d->offset);
      d->line = pos.line;
      d->column = pos.column;
      d->source_line = std::string(lines->line_text(pos.line));
      d->offset.reset();
    }
  }
  for (auto& n : d->notes) {
    if (!n.offset) continue;
    if (const LineIndex* lines = index(n.file)) {
      n.line = lines->position(*n.offset).line;
      n.offset.reset();
    }
  }
}

void Locator::locate_line(Diagnostic* d, const schema::Origin& origin, std::string_view shown) const {
  d->file = origin.file;
  d->line = line(origin);
  LineIndex lines(shown);
  std::string_view text = lines.line_text(d->line);
  size_t first = text.find_first_not_of(" \t");
  d->column = first == std::string_view::npos ? 1 : static_cast<int>(first) + 1;
  d->source_line = std::string(text);
  d->width = static_cast<int>(text.size() - (first == std::string_view::npos ? text.size() : first));
  if (d->width < 1) d->width = 1;
}

int line_in(std::string_view text, size_t offset) { return LineIndex(text).position(offset).line; }

std::string place_in(const std::string& file, std::string_view text, size_t offset) {
  return file + ":" + std::to_string(line_in(text, offset));
}

Note note_at(const schema::Origin& origin, std::string message) {
  Note n{origin.file, origin.line, std::move(message)};
  n.offset = origin.offset;
  return n;
}

}  // namespace schemagate::report
