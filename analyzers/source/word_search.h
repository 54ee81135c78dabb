// Many fixed words looked for in one reading of a text. The data layers ask of every file of
// their languages whether it holds an import path, a tag or a call ("gorm:\"", ".NewSelect()");
// asked one `find` each, a Go file of temporal was read some forty times, mostly stopping at
// every '.' or 'g' the words begin with. An Aho–Corasick automaton reads each byte once for all
// the words together, whatever they share (prefixes, one inside another, overlaps). A word can
// also be located: each place it ends is reported, for a caller that needs more than whether it
// occurs (may_contain_sql's keywords, whole words in a window of each other).
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::source {

/// Whether `at_place(offset)` holds at some place `needle` (not empty) occurs in `text`, asked
/// in order. One word, looked for with memmem, not string_view::find: find stops at every byte
/// equal to the word's first one (an `e`, a tenth of a Python file), memmem skips ahead by the
/// word's length.
template <typename AtPlace>
bool occurs_where(std::string_view text, std::string_view needle, AtPlace at_place) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin; static_cast<size_t>(end - at) >= needle.size();) {
    const char* hit = static_cast<const char*>(::memmem(at, static_cast<size_t>(end - at), needle.data(), needle.size()));
    if (!hit) return false;
    if (at_place(static_cast<size_t>(hit - begin))) return true;
    at = hit + 1;
  }
  return false;
}

/// A place a located word occurs: text[end - words()[word].size(), end) is it.
struct WordHit {
  size_t end;
  uint32_t word;
};

class WordSearch {
 public:
  /// Duplicates and empty words are allowed (an empty word occurs in every text). `located[i]`:
  /// every place words()[i] occurs is reported (missing: none is).
  explicit WordSearch(std::vector<std::string> words, const std::vector<bool>& located = {});

  const std::vector<std::string>& words() const { return words_; }
  /// found[i]: words()[i] occurs in `text` (text.find(words()[i]) != npos).
  std::vector<bool> occurring(std::string_view text) const { return occurring(text, nullptr); }
  /// The same, and into `*hits` (cleared first; may be null) every place a located word occurs,
  /// by its end, in order (words that end at the same byte in no set order).
  std::vector<bool> occurring(std::string_view text, std::vector<WordHit>* hits) const;

 private:
  std::vector<std::string> words_;
  /// delta_[state * 256 + byte]: the next state, times 256 (a row's offset). States at or past
  /// first_output_ (a power of two times 256) end at least one word; those before it end none.
  std::unique_ptr<uint32_t[]> delta_;
  uint32_t first_output_ = 0;  ///< as a row offset
  uint32_t start_ = 0;         ///< the start state's row (not 0 when a word is empty)
  size_t longest_ = 0;         ///< the longest word's length
  /// Texts this long or longer are read as kReadings parts at once (see occurring).
  static constexpr size_t kSplitFrom = 1024, kReadings = 4;
  /// outputs_[state - first_output / 256]: the words that end in that state, kLocated set on
  /// a located word's.
  std::vector<std::vector<uint32_t>> outputs_;
  static constexpr uint32_t kLocated = 1u << 31;
};

}  // namespace schemagate::source
