// See parser.h: RAII for TSParser with the ABI check done once, when the parser is made.
#include "analyzers/languages/tree_parser.h"

#include <cstring>
#include <utility>

namespace schemagate::languages {

Parser::Parser(const Language& language) : language_(&language) {
  if (!language.grammar) return;
  const TSLanguage* grammar = language.grammar();
  parser_ = ts_parser_new();
  if (!ts_parser_set_language(parser_, grammar)) {
    error_ = "the tree-sitter grammar for " + std::string(language.name) + " has ABI version " +
             std::to_string(ts_language_version(grammar)) +
             ", but the tree-sitter runtime accepts versions " +
             std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) + " to " +
             std::to_string(TREE_SITTER_LANGUAGE_VERSION) +
             "; rebuild with grammars generated for this runtime";
    ts_parser_delete(parser_);
    parser_ = nullptr;
    return;
  }
}

Parser::~Parser() {
  if (parser_) ts_parser_delete(parser_);
}

Parser::Parser(Parser&& other) noexcept
    : language_(other.language_),
      parser_(std::exchange(other.parser_, nullptr)),
      error_(std::move(other.error_)) {}

Parser& Parser::operator=(Parser&& other) noexcept {
  if (this != &other) {
    if (parser_) ts_parser_delete(parser_);
    language_ = other.language_;
    parser_ = std::exchange(other.parser_, nullptr);
    error_ = std::move(other.error_);
  }
  return *this;
}

Tree Parser::parse(std::string_view source, uint64_t budget) {
  if (!parser_) return Tree();
  // A few hundred bytes of garbage can send tree-sitter's error recovery into minutes of work
  // (a 568-byte .tsx file the fuzzer found: over a minute); real files parse in milliseconds per
  // 100 KB. The budget grows with the size, so a large file on a loaded machine is not cut off.
  ts_parser_set_timeout_micros(parser_, budget ? budget : budget_micros(source.size()));
  Tree tree(ts_parser_parse_string(parser_, nullptr, source.data(), static_cast<uint32_t>(source.size())));
  // tree-sitter resumes a parse it gave up on at the next call, whatever text that call passes:
  // the phases that skip such a file and go on would get a tree of the old text over the new one
  // (offsets past its end).
  if (!tree) ts_parser_reset(parser_);
  return tree;
}


Tree Parser::parse(std::string_view source, const std::vector<Span>& skipped, uint64_t budget) {
  if (skipped.empty() || !parser_) return parse(source, budget);
  // The ranges read: the gaps between the spans skipped, each with its row and column.
  std::vector<TSRange> ranges;
  ranges.reserve(skipped.size() + 1);
  uint32_t row = 0, line_start = 0, at = 0;  // `row` and `line_start` are those of byte `at`
  auto point = [&](uint32_t to) {
    for (const char* p; at < to && (p = static_cast<const char*>(std::memchr(source.data() + at, '\n', to - at)));) {
      ++row;
      at = static_cast<uint32_t>(p - source.data()) + 1;
      line_start = at;
    }
    at = to;
    return TSPoint{row, to - line_start};
  };
  uint32_t from = 0;
  for (const Span& s : skipped) {
    if (s.first < from || s.second < s.first || s.second > source.size()) return parse(source, budget);
    if (s.first > from) ranges.push_back({point(from), point(s.first), from, s.first});
    from = s.second;
  }
  auto end = static_cast<uint32_t>(source.size());
  if (end > from) ranges.push_back({point(from), point(end), from, end});
  if (ranges.empty() || !ts_parser_set_included_ranges(parser_, ranges.data(), static_cast<uint32_t>(ranges.size())))
    return parse(source, budget);
  Tree tree = parse(source, budget);
  ts_parser_set_included_ranges(parser_, nullptr, 0);  // the next parse reads its whole text
  return tree;
}

}  // namespace schemagate::languages
