// See index_cache.h.
#include "analyzers/pipeline/index_cache.h"

#include <algorithm>
#include <cstring>

#include "analyzers/source/fast_hash.h"
#include "analyzers/source/file_system.h"

namespace schemagate::pipeline {

namespace {

constexpr std::string_view kMagic = "schemagate-index 3\n";  // 2: FileIndex::created; 3: what is derived

void put32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_s(std::string* out, std::string_view s) {
  put32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

using index_cache_detail::Reader;

}  // namespace

std::string encode_file_index(const FileIndex& index) {
  std::string out;
  put32(&out, static_cast<uint32_t>(index.wanted.size()));
  for (auto& w : index.wanted) put_s(&out, w);
  put32(&out, static_cast<uint32_t>(index.found.size()));
  for (auto& f : index.found)
    for (auto& s : f) put_s(&out, s);
  put32(&out, static_cast<uint32_t>(index.package.size()));
  for (auto& [k, v] : index.package) put_s(&out, k), put_s(&out, v);
  put32(&out, static_cast<uint32_t>(index.created.size()));
  for (auto& [name, line] : index.created) put_s(&out, name), put32(&out, line);
  put32(&out, index.create_all_line);
  return out;
}

std::string encode_merged_facts(const std::vector<MergedFact>& facts) {
  std::string out;
  for (const MergedFact& f : facts) put_s(&out, f.key), put_s(&out, f.value), put32(&out, f.position);
  return out;
}

MergedFactTable::MergedFactTable(std::string_view bytes) {
  if (!read_merged_facts(bytes, [&](std::string_view key, std::string_view value, uint32_t position) {
        entries_.push_back({key, value, position});
      }) ||
      !std::is_sorted(entries_.begin(), entries_.end(),
                      [](const MergedFact& a, const MergedFact& b) { return a.key < b.key; }))
    entries_.clear();  // not what encode_merged_facts wrote of sorted facts: no fact
}

void MergedFactTable::values(std::string_view key, const std::function<void(std::string_view)>& each) const {
  auto first = std::lower_bound(entries_.begin(), entries_.end(), key,
                                [](const MergedFact& f, std::string_view k) { return f.key < k; });
  for (; first != entries_.end() && first->key == key; ++first) each(first->value);
}

bool decode_file_index(std::string_view bytes, FileIndex* out) {
  FileIndex index;
  if (!read_file_index(
          bytes, [&](std::string_view w) { index.wanted.emplace_back(w); },
          [&](std::string_view layer, std::string_view key, std::string_view value) {
            index.found.push_back({std::string(layer), std::string(key), std::string(value)});
          },
          [&](std::string_view key, std::string_view value) { index.package.emplace_back(key, value); },
          [&](std::string_view name, uint32_t line) { index.created.emplace_back(name, line); },
          [&](uint32_t line) { index.create_all_line = line; }))
    return false;
  *out = std::move(index);
  return true;
}

IndexCache::IndexCache(std::string file, std::string key) : file_(std::move(file)), key_(std::move(key)) {
  if (file_.empty() || !mapped_.open(file_, true)) return;
  std::string_view bytes = mapped_.bytes();
  if (bytes.size() < kMagic.size() + 8 || bytes.substr(0, kMagic.size()) != kMagic) return;
  std::string_view payload = bytes.substr(kMagic.size(), bytes.size() - kMagic.size() - 8);
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (stored != source::fast_hash(payload)) return;
  Reader r{payload};
  if (r.s() != key_ || !r.ok) return;
  std::unordered_map<std::string_view, Entry> entries;
  uint32_t n = r.count(12);
  entries.reserve(n);
  for (; r.ok && n > 0; --n) {
    std::string_view rel = r.s();
    Entry e;
    e.identity = r.s();
    e.encoded = r.s();
    if (r.ok) entries.emplace(rel, e);
  }
  std::unordered_map<std::string_view, Derived> derived;
  for (uint32_t d = r.count(16); r.ok && d > 0; --d) {
    std::string_view name = r.s();
    Derived e;
    e.signature = static_cast<uint64_t>(r.n()) | static_cast<uint64_t>(r.n()) << 32;
    e.bytes = r.s();
    if (r.ok) derived.emplace(name, e);
  }
  if (!r.ok || !r.in.empty()) return;
  entries_ = std::move(entries);
  derived_ = std::move(derived);
  kept_ = entries_.size() + derived_.size();
}

const std::string_view* IndexCache::find(const std::string& rel, std::string_view identity) {
  auto it = entries_.find(rel);
  if (it == entries_.end() || identity.empty() || it->second.identity != identity) return nullptr;
  if (!it->second.asked) ++reused_;
  it->second.asked = true;
  return &it->second.encoded;
}

std::string_view IndexCache::put(const std::string& rel, std::string identity, std::string encoded) {
  if (file_.empty() || identity.empty()) return storage_.emplace_back(std::move(encoded));
  auto it = entries_.find(rel);
  std::string_view key = it != entries_.end() ? it->first : std::string_view(storage_.emplace_back(rel));
  Entry& e = entries_[key];
  e.identity = storage_.emplace_back(std::move(identity));
  e.encoded = storage_.emplace_back(std::move(encoded));
  e.asked = true;
  changed_ = true;
  return e.encoded;
}

const std::string_view* IndexCache::derived(const std::string& name, uint64_t signature) {
  auto it = derived_.find(name);
  if (it == derived_.end() || it->second.signature != signature) return nullptr;
  it->second.asked = true;
  return &it->second.bytes;
}

std::string_view IndexCache::put_derived(const std::string& name, uint64_t signature, std::string bytes) {
  auto it = derived_.find(name);
  std::string_view key = it != derived_.end() ? it->first : std::string_view(storage_.emplace_back(name));
  Derived& d = derived_[key];
  d.signature = signature;
  d.bytes = storage_.emplace_back(std::move(bytes));
  d.asked = !file_.empty();
  changed_ = changed_ || d.asked;
  return d.bytes;
}

bool IndexCache::save() {
  if (file_.empty()) return true;
  size_t written = 0, derived = 0;
  for (auto& [rel, e] : entries_) written += e.asked;
  for (auto& [name, d] : derived_) derived += d.asked;
  if (!changed_ && written + derived == kept_) return true;  // the same answers as read
  std::string payload;
  put_s(&payload, key_);
  put32(&payload, static_cast<uint32_t>(written));
  for (auto& [rel, e] : entries_) {
    if (!e.asked) continue;
    put_s(&payload, rel);
    put_s(&payload, e.identity);
    put_s(&payload, e.encoded);
  }
  put32(&payload, static_cast<uint32_t>(derived));
  for (auto& [name, d] : derived_) {
    if (!d.asked) continue;
    put_s(&payload, name);
    put32(&payload, static_cast<uint32_t>(d.signature)), put32(&payload, static_cast<uint32_t>(d.signature >> 32));
    put_s(&payload, d.bytes);
  }
  std::string bytes = std::string(kMagic) + payload;
  const uint64_t sum = source::fast_hash(payload);
  bytes.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  return source::replace_file(file_, bytes);
}

}  // namespace schemagate::pipeline
