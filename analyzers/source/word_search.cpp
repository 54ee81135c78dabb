// See word_search.h.
#include "analyzers/source/word_search.h"

#include <array>
#include <queue>

namespace schemagate::source {

WordSearch::WordSearch(std::vector<std::string> words, const std::vector<bool>& located) : words_(std::move(words)) {
  // The trie, then the failure links breadth first, each state's transitions completed from its
  // failure state's (a DFA: one table read per byte).
  std::vector<std::array<int32_t, 256>> go(1);
  go[0].fill(-1);
  std::vector<std::vector<uint32_t>> out(1);
  for (uint32_t i = 0; i < words_.size(); ++i) {
    size_t s = 0;
    for (unsigned char c : words_[i]) {
      if (go[s][c] < 0) {
        go[s][c] = static_cast<int32_t>(go.size());
        go.emplace_back().fill(-1);
        out.emplace_back();
      }
      s = static_cast<size_t>(go[s][c]);
    }
    out[s].push_back(i < located.size() && located[i] ? i | kLocated : i);
  }
  std::vector<int32_t> fail(go.size(), 0);
  std::queue<int32_t> queue;
  for (int c = 0; c < 256; ++c) {
    if (go[0][c] < 0) go[0][c] = 0;
    else queue.push(go[0][c]);
  }
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop();
    for (int c = 0; c < 256; ++c) {
      int32_t t = go[s][c];
      if (t < 0) {
        go[s][c] = go[fail[s]][c];
        continue;
      }
      fail[t] = go[fail[s]][c];
      out[t].insert(out[t].end(), out[fail[t]].begin(), out[fail[t]].end());
      queue.push(t);
    }
  }
  // States that end no word first, so that one comparison per byte tells whether one ended.
  // The start state ends only the empty word.
  size_t n = go.size();
  std::vector<uint32_t> order, renumbered(n);
  for (size_t s = 0; s < n; ++s)
    if (out[s].empty()) order.push_back(static_cast<uint32_t>(s));
  first_output_ = static_cast<uint32_t>(order.size()) * 256;
  for (size_t s = 0; s < n; ++s)
    if (!out[s].empty()) order.push_back(static_cast<uint32_t>(s));
  for (size_t k = 0; k < n; ++k) renumbered[order[k]] = static_cast<uint32_t>(k);
  delta_.resize(n * 256);
  for (size_t s = 0; s < n; ++s)
    for (int c = 0; c < 256; ++c) delta_[renumbered[s] * 256 + c] = renumbered[static_cast<size_t>(go[s][c])] * 256;
  start_ = renumbered[0] * 256;
  for (size_t k = first_output_ / 256; k < n; ++k) outputs_.push_back(std::move(out[order[k]]));
}

std::vector<bool> WordSearch::occurring(std::string_view text, std::vector<WordHit>* hits) const {
  std::vector<bool> found(words_.size());
  if (hits) hits->clear();
  const uint32_t* delta = delta_.data();
  size_t state = start_;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const begin = p;
  const unsigned char* end = p + text.size();
  // `at`: the bytes read so far (the end of the words that end in `s`).
  auto ended = [&](size_t s, const unsigned char* at) {
    for (uint32_t w : outputs_[(s - first_output_) / 256]) {
      found[w & ~kLocated] = true;
      if ((w & kLocated) && hits) hits->push_back({static_cast<size_t>(at - begin), w & ~kLocated});
    }
  };
  if (state >= first_output_) ended(state, p);  // the empty word
  // Four bytes a round: the loop's own test once for them.
  while (end - p >= 4) {
    state = delta[state + p[0]];
    if (state >= first_output_) [[unlikely]] ended(state, p + 1);
    state = delta[state + p[1]];
    if (state >= first_output_) [[unlikely]] ended(state, p + 2);
    state = delta[state + p[2]];
    if (state >= first_output_) [[unlikely]] ended(state, p + 3);
    state = delta[state + p[3]];
    if (state >= first_output_) [[unlikely]] ended(state, p + 4);
    p += 4;
  }
  for (; p < end; ++p) {
    state = delta[state + *p];
    if (state >= first_output_) [[unlikely]] ended(state, p + 1);
  }
  return found;
}

}  // namespace schemagate::source
