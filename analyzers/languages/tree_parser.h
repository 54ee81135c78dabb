// Owners for tree-sitter's C handles. A Parser is one TSParser bound to one language; it is not
// thread-safe, so the pipeline keeps one per thread and language. Binding checks the grammar's
// ABI against the runtime (ts_parser_set_language refuses a mismatch) and keeps the reason, so
// the CLI can fail at start-up with a clear message instead of extracting nothing.
#pragma once
#include <cstdint>
#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/languages/language.h"

namespace schemagate::languages {

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
/// An owned syntax tree; `ts_tree_root_node(tree.get())` is what ExtractInput::root wants.
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

class Parser {
 public:
  /// Binds a parser to `language`'s grammar. A language without a grammar (.sql) gives a
  /// parser that is ok() and parses to no tree.
  explicit Parser(const Language& language);
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  Parser(Parser&& other) noexcept;
  Parser& operator=(Parser&& other) noexcept;

  /// False when the grammar could not be loaded; error() says why.
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const Language& language() const { return *language_; }

  /// How long one file may take to parse before tree-sitter gives up (then parse() is null):
  /// 5 s, plus 10 s per MB of source.
  static constexpr uint64_t kParseBudgetMicros = 5'000'000;
  static constexpr uint64_t budget_micros(size_t bytes) { return kParseBudgetMicros + 10 * static_cast<uint64_t>(bytes); }
  /// Parses `source` (which must outlive the tree's use). Null when !ok(), for languages without
  /// a grammar, or if tree-sitter gives up after `budget` microseconds (0: budget_micros of its
  /// size). A parse given up on is dropped: the next one starts afresh on its own text.
  Tree parse(std::string_view source, uint64_t budget = 0);
  /// A span of bytes of a source, [begin, end).
  using Span = std::pair<uint32_t, uint32_t>;
  /// parse(), with the bytes of `skipped` (sorted, disjoint spans of `source`) never read: the
  /// parser reads the text around them as if it were one (tree-sitter's included ranges), so a
  /// function body left out costs nothing, where blanks cost as much as code to skip (Python's
  /// indentation scanner reads every blank line again for each token after it). Nodes keep
  /// their offsets, rows and columns in `source`.
  Tree parse(std::string_view source, const std::vector<Span>& skipped, uint64_t budget = 0);

 private:
  const Language* language_;
  TSParser* parser_ = nullptr;
  std::string error_;
};

}  // namespace schemagate::languages
