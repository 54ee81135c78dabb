// Many fixed words looked for in one reading of a text. The data layers ask of every file of
// their languages whether it holds an import path, a tag or a call ("gorm:\"", ".NewSelect()");
// asked one `find` each, a Go file of temporal was read some forty times, mostly stopping at
// every '.' or 'g' the words begin with. An Aho–Corasick automaton reads each byte once for all
// the words together, whatever they share (prefixes, one inside another, overlaps). A word can
// also be located: each place it ends is reported, for a caller that needs more than whether it
// occurs (may_contain_sql's keywords, whole words in a window of each other).
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::source {

namespace detail {
/// How common a byte is in source code, roughly (higher: more): the blank, then lower-case
/// letters in the order of English text, then punctuation, upper case and digits.
constexpr auto kByteCommonness = [] {
  std::array<uint8_t, 256> rank{};
  constexpr std::string_view kLower = "zqjxkvbpgwyfmcudlhrsnioate";  // rarest first
  for (size_t i = 0; i < kLower.size(); ++i) rank[static_cast<unsigned char>(kLower[i])] = static_cast<uint8_t>(100 + i * 4);
  for (char c = 'A'; c <= 'Z'; ++c) rank[static_cast<unsigned char>(c)] = 40;
  for (char c = '0'; c <= '9'; ++c) rank[static_cast<unsigned char>(c)] = 30;
  for (char c : std::string_view("_.,;:()=\"'/-*{}[]<>")) rank[static_cast<unsigned char>(c)] = 80;
  rank[static_cast<unsigned char>(' ')] = 250;
  rank[static_cast<unsigned char>('\n')] = rank[static_cast<unsigned char>('\t')] = 200;
  return rank;
}();
}  // namespace detail

/// Whether `at_place(offset)` holds at some place `needle` (not empty) occurs in `text`, asked
/// in order. Each place is found by memchr for the needle's rarest byte (by kByteCommonness),
/// then compared whole: string_view::find looks for the first byte, and stops at every one
/// (an `e` of `execute_batch`, a tenth of a Python file).
template <typename AtPlace>
bool occurs_where(std::string_view text, std::string_view needle, AtPlace at_place) {
  if (needle.empty() || needle.size() > text.size()) return false;
  size_t rare = 0;
  for (size_t i = 1; i < needle.size(); ++i)
    if (detail::kByteCommonness[static_cast<unsigned char>(needle[i])] <
        detail::kByteCommonness[static_cast<unsigned char>(needle[rare])])
      rare = i;
  const char* const begin = text.data();
  const char* const last = begin + (text.size() - needle.size());  // the last place a needle can start
  for (const char* from = begin + rare; from <= last + rare;) {
    const char* hit = static_cast<const char*>(std::memchr(from, needle[rare], static_cast<size_t>(last + rare - from) + 1));
    if (!hit) return false;
    const char* start = hit - rare;
    if (std::memcmp(start, needle.data(), needle.size()) == 0 && at_place(static_cast<size_t>(start - begin))) return true;
    from = hit + 1;
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
