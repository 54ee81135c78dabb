// Many fixed words looked for in one reading of a text. The data layers ask of every file of
// their languages whether it holds an import path, a tag or a call ("gorm:\"", ".NewSelect()");
// asked one `find` each, a Go file of temporal was read some forty times, mostly stopping at
// every '.' or 'g' the words begin with. An Aho–Corasick automaton reads each byte once for all
// the words together, whatever they share (prefixes, one inside another, overlaps).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::source {

class WordSearch {
 public:
  /// Duplicates and empty words are allowed (an empty word occurs in every text).
  explicit WordSearch(std::vector<std::string> words);

  const std::vector<std::string>& words() const { return words_; }
  /// found[i]: words()[i] occurs in `text` (text.find(words()[i]) != npos).
  std::vector<bool> occurring(std::string_view text) const;

 private:
  std::vector<std::string> words_;
  /// delta_[state * 256 + byte]: the next state, times 256 (a row's offset). States at or past
  /// first_output_ end at least one word.
  std::vector<uint32_t> delta_;
  uint32_t first_output_ = 0;  ///< as a row offset
  uint32_t start_ = 0;         ///< the start state's row (not 0 when a word is empty)
  /// outputs_[state - first_output / 256]: the words that end in that state.
  std::vector<std::vector<uint32_t>> outputs_;
};

}  // namespace schemagate::source
