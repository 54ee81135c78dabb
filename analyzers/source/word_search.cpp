// See word_search.h.
#include "analyzers/source/word_search.h"

#include <algorithm>
#include <bit>
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
  // The rows of those that end a word start at a power of two (rows left unused before them):
  // the states of several readings OR-ed reach it exactly when one of them does, so one test a
  // round tells whether a word ended in any (an OR is never below its largest state; below a
  // power of two, the OR of states below it stays below it).
  size_t n = trie.size();
  std::vector<uint32_t> order, renumbered(n);
  for (size_t s = 0; s < n; ++s)
    if (trie[s].out.empty()) order.push_back(static_cast<uint32_t>(s));
  const size_t plain = order.size(), outputs_from = std::bit_ceil(std::max<size_t>(plain, 1));
  first_output_ = static_cast<uint32_t>(outputs_from) * 256;
  for (size_t s = 0; s < n; ++s)
    if (!trie[s].out.empty()) order.push_back(static_cast<uint32_t>(s));
  for (size_t k = 0; k < n; ++k) renumbered[order[k]] = static_cast<uint32_t>(k < plain ? k : outputs_from + k - plain) * 256;
  // Not zeroed: every row used is written whole below, and the unused ones are never read
  // (nor their pages touched).
  delta_.reset(new uint32_t[(outputs_from + n - plain) * 256]);
  for (int32_t s : bfs) {
    uint32_t* row = delta_.get() + renumbered[static_cast<size_t>(s)];
    if (s == 0) std::fill(row, row + 256, renumbered[0]);
    else std::copy_n(delta_.get() + renumbered[static_cast<size_t>(trie[static_cast<size_t>(s)].fail)], 256, row);
    for (auto& [c, t] : trie[static_cast<size_t>(s)].next) row[c] = renumbered[static_cast<size_t>(t)];
  }
  start_ = renumbered[0];
  for (const std::string& w : words_) longest_ = std::max(longest_, w.size());
  for (size_t k = plain; k < n; ++k) outputs_.push_back(std::move(trie[order[k]].out));
}

std::vector<bool> WordSearch::occurring(std::string_view text, std::vector<WordHit>* hits) const {
  std::vector<bool> found(words_.size());
  if (hits) hits->clear();
  const uint32_t* delta = delta_.get();
  // Locals: a member read through `this` is read again after each call of `ended` (it may
  // write anything), once per byte.
  const size_t first_output = first_output_;
  const unsigned char* const begin = reinterpret_cast<const unsigned char*>(text.data());
  // `at`: the bytes read so far (the end of the words that end in `s`).
  auto ended = [&](size_t s, const unsigned char* at, std::vector<WordHit>* into) {
    for (uint32_t w : outputs_[(s - first_output) / 256]) {
      found[w & ~kLocated] = true;
      if ((w & kLocated) && into) into->push_back({static_cast<size_t>(at - begin), w & ~kLocated});
    }
  };
  size_t a = start_;
  if (a >= first_output) ended(a, begin, hits);  // the empty word
  const unsigned char* p = begin;
  const unsigned char* const end = begin + text.size();
  // Each byte's next state is a load that waits for the one before: one reading runs at the
  // table's latency, not at the processor's width. A long text is read as kReadings parts at
  // once, each but the first from the start state `longest_ - 1` bytes before its part (a word
  // that ends in the part begins no earlier), those bytes read without reporting what ends in
  // them, which the part before reports: the same words at the same places, and the hits of
  // each part after those of the part before, in order. On hatchet's Go files, 1.7 ns a byte
  // read as one, 0.6 read as four parts (the Go family's 144 words).
  if (text.size() >= kSplitFrom) {
    constexpr size_t K = kReadings;
    const size_t n = text.size(), warm = longest_ ? longest_ - 1 : 0;
    const unsigned char* from[K];
    size_t state[K];
    std::vector<WordHit> later[K];  // the hits of parts 1.. (part 0's go to `hits`)
    std::vector<WordHit>* into[K];
    for (size_t k = 0; k < K; ++k) {
      from[k] = begin + n * k / K;
      state[k] = start_;
      into[k] = !hits ? nullptr : k == 0 ? hits : &later[k];
      for (const unsigned char* q = k == 0 ? from[k] : from[k] - std::min(warm, n * k / K); q != from[k]; ++q)
        state[k] = delta[state[k] + *q];
    }
    state[0] = a;
    const size_t together = n / K;  // every part is at least this long
    // The four readings in locals, not the arrays: indexed, they lived in memory, stored and
    // read again each round (nine instructions a byte; five so).
    static_assert(K == 4);
    const unsigned char *const p0 = from[0], *const p1 = from[1], *const p2 = from[2], *const p3 = from[3];
    size_t s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3];
    for (size_t i = 0; i < together; ++i) {
      // A loop of no call, left where a word ends: around a call the states were kept in
      // memory at every byte.
      for (; i < together; ++i) {
        s0 = delta[s0 + p0[i]];
        s1 = delta[s1 + p1[i]];
        s2 = delta[s2 + p2[i]];
        s3 = delta[s3 + p3[i]];
        // One test for the four: first_output is a power of two (times 256), see the constructor.
        if ((s0 | s1 | s2 | s3) >= first_output) [[unlikely]] break;
      }
      if (i == together) break;
      if (s0 >= first_output) ended(s0, p0 + i + 1, into[0]);
      if (s1 >= first_output) ended(s1, p1 + i + 1, into[1]);
      if (s2 >= first_output) ended(s2, p2 + i + 1, into[2]);
      if (s3 >= first_output) ended(s3, p3 + i + 1, into[3]);
    }
    state[0] = s0, state[1] = s1, state[2] = s2, state[3] = s3;
    for (size_t k = 0; k < K; ++k) {
      const unsigned char* const stop = k + 1 < K ? from[k + 1] : end;
      for (const unsigned char* q = from[k] + together; q < stop; ++q) {
        state[k] = delta[state[k] + *q];
        if (state[k] >= first_output) [[unlikely]] ended(state[k], q + 1, into[k]);
      }
      if (k > 0 && hits) hits->insert(hits->end(), later[k].begin(), later[k].end());
    }
    return found;
  }
  // Eight bytes a round: the loop's own test once for them, against a precomputed bound (five
  // instructions a byte, where four bytes a round and a bound computed each round made 6.5).
  for (const unsigned char* const end8 = p + (text.size() & ~size_t{7}); p != end8; p += 8) {
    a = delta[a + p[0]];
    if (a >= first_output) [[unlikely]] ended(a, p + 1, hits);
    a = delta[a + p[1]];
    if (a >= first_output) [[unlikely]] ended(a, p + 2, hits);
    a = delta[a + p[2]];
    if (a >= first_output) [[unlikely]] ended(a, p + 3, hits);
    a = delta[a + p[3]];
    if (a >= first_output) [[unlikely]] ended(a, p + 4, hits);
    a = delta[a + p[4]];
    if (a >= first_output) [[unlikely]] ended(a, p + 5, hits);
    a = delta[a + p[5]];
    if (a >= first_output) [[unlikely]] ended(a, p + 6, hits);
    a = delta[a + p[6]];
    if (a >= first_output) [[unlikely]] ended(a, p + 7, hits);
    a = delta[a + p[7]];
    if (a >= first_output) [[unlikely]] ended(a, p + 8, hits);
  }
  for (; p < end; ++p) {
    a = delta[a + *p];
    if (a >= first_output) [[unlikely]] ended(a, p + 1, hits);
  }
  return found;
}

}  // namespace schemagate::source
