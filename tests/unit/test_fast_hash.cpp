// source::fast_hash, the cache files' checksum: any one changed byte, and any length, changes it.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "analyzers/source/fast_hash.h"

using schemagate::source::fast_hash;

TEST_CASE("fast_hash: every single-byte change of a 1,000-byte text and every prefix length give another hash") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text.push_back(static_cast<char>('a' + (i * 7) % 26));
  const uint64_t whole = fast_hash(text);
  CHECK(whole == fast_hash(std::string(text)));  // the bytes decide, not where they are
  std::set<uint64_t> seen{whole};
  for (size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    seen.insert(fast_hash(changed));
  }
  CHECK(seen.size() == text.size() + 1);
  std::set<uint64_t> prefixes;
  for (size_t n = 0; n <= 100; ++n) prefixes.insert(fast_hash(std::string_view(text).substr(0, n)));
  CHECK(prefixes.size() == 101);
  // Words swapped between lanes (bytes 0-7 and 8-15) change it too.
  std::string swapped = text.substr(8, 8) + text.substr(0, 8) + text.substr(16);
  CHECK(fast_hash(swapped) != whole);
}
