// See word_search.h.
#include "analyzers/source/word_search.h"

#include <algorithm>
#include <utility>

namespace schemagate::source {

WordSearch::WordSearch(std::vector<std::string> words, const std::vector<bool>& located) : words_(std::move(words)) {
  // The trie with its failure links, breadth first, on the trie's own edges; then the DFA's
  // table (one read per byte), built once in its final numbering: each state's row is its
  // failure state's (a shallower state, so filled before it) with the state's own edges written
  // over it. Filling the table cell by cell, and renumbering it after, cost 3 M instructions of
  // every run that builds a language's search (a pre-commit run builds one).
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> next;  ///< the trie's edges
    int32_t fail = 0;
    std::vector<uint32_t> out;  ///< the words that end here (with those of its failure chain)
  };
  std::vector<Node> trie(1);
  auto child = [&](int32_t s, unsigned char c) -> int32_t {
    for (auto& [b, t] : trie[static_cast<size_t>(s)].next)
      if (b == c) return t;
    return -1;
  };
  for (uint32_t i = 0; i < words_.size(); ++i) {
    int32_t s = 0;
    for (unsigned char c : words_[i]) {
      int32_t t = child(s, c);
      if (t < 0) {
        t = static_cast<int32_t>(trie.size());
        trie[static_cast<size_t>(s)].next.emplace_back(c, t);
        trie.emplace_back();
      }
      s = t;
    }
    trie[static_cast<size_t>(s)].out.push_back(i < located.size() && located[i] ? i | kLocated : i);
  }
  // Breadth first: a state's failure state is shallower, so it is done before it.
  std::vector<int32_t> bfs{0};
  for (size_t k = 0; k < bfs.size(); ++k) {
    int32_t s = bfs[k];
    for (auto& [c, t] : trie[static_cast<size_t>(s)].next) {
      int32_t f = 0;
      if (s != 0) {
        for (f = trie[static_cast<size_t>(s)].fail;; f = trie[static_cast<size_t>(f)].fail) {
          if (int32_t g = child(f, c); g >= 0) {
            f = g;
            break;
          }
          if (f == 0) break;
        }
      }
      Node& n = trie[static_cast<size_t>(t)];
      n.fail = f;
      const std::vector<uint32_t>& inherited = trie[static_cast<size_t>(f)].out;
      n.out.insert(n.out.end(), inherited.begin(), inherited.end());
      bfs.push_back(t);
    }
  }
  // States that end no word first, so that one comparison per byte tells whether one ended.
  // The start state ends only the empty word.
  size_t n = trie.size();
  std::vector<uint32_t> order, renumbered(n);
  for (size_t s = 0; s < n; ++s)
    if (trie[s].out.empty()) order.push_back(static_cast<uint32_t>(s));
  first_output_ = static_cast<uint32_t>(order.size()) * 256;
  for (size_t s = 0; s < n; ++s)
    if (!trie[s].out.empty()) order.push_back(static_cast<uint32_t>(s));
  for (size_t k = 0; k < n; ++k) renumbered[order[k]] = static_cast<uint32_t>(k) * 256;
  delta_.resize(n * 256);
  for (int32_t s : bfs) {
    uint32_t* row = delta_.data() + renumbered[static_cast<size_t>(s)];
    if (s == 0) std::fill(row, row + 256, renumbered[0]);
    else std::copy_n(delta_.data() + renumbered[static_cast<size_t>(trie[static_cast<size_t>(s)].fail)], 256, row);
    for (auto& [c, t] : trie[static_cast<size_t>(s)].next) row[c] = renumbered[static_cast<size_t>(t)];
  }
  start_ = renumbered[0];
  for (size_t k = first_output_ / 256; k < n; ++k) outputs_.push_back(std::move(trie[order[k]].out));
}

std::vector<bool> WordSearch::occurring(std::string_view text, std::vector<WordHit>* hits) const {
  std::vector<bool> found(words_.size());
  if (hits) hits->clear();
  const uint32_t* delta = delta_.data();
  // Locals: a member read through `this` is read again after each call of `ended` (it may
  // write anything), once per byte.
  const size_t first_output = first_output_;
  size_t state = start_;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const begin = p;
  const unsigned char* end = p + text.size();
  // `at`: the bytes read so far (the end of the words that end in `s`).
  auto ended = [&](size_t s, const unsigned char* at) {
    for (uint32_t w : outputs_[(s - first_output) / 256]) {
      found[w & ~kLocated] = true;
      if ((w & kLocated) && hits) hits->push_back({static_cast<size_t>(at - begin), w & ~kLocated});
    }
  };
  if (state >= first_output) ended(state, p);  // the empty word
  // Eight bytes a round: the loop's own test once for them, against a precomputed bound (five
  // instructions a byte, where four bytes a round and a bound computed each round made 6.5).
  for (const unsigned char* const end8 = p + (text.size() & ~size_t{7}); p != end8; p += 8) {
    state = delta[state + p[0]];
    if (state >= first_output) [[unlikely]] ended(state, p + 1);
    state = delta[state + p[1]];
    if (state >= first_output) [[unlikely]] ended(state, p + 2);
    state = delta[state + p[2]];
    if (state >= first_output) [[unlikely]] ended(state, p + 3);
    state = delta[state + p[3]];
    if (state >= first_output) [[unlikely]] ended(state, p + 4);
    state = delta[state + p[4]];
    if (state >= first_output) [[unlikely]] ended(state, p + 5);
    state = delta[state + p[5]];
    if (state >= first_output) [[unlikely]] ended(state, p + 6);
    state = delta[state + p[6]];
    if (state >= first_output) [[unlikely]] ended(state, p + 7);
    state = delta[state + p[7]];
    if (state >= first_output) [[unlikely]] ended(state, p + 8);
  }
  for (; p < end; ++p) {
    state = delta[state + *p];
    if (state >= first_output) [[unlikely]] ended(state, p + 1);
  }
  return found;
}

}  // namespace schemagate::source
