// What the indexes learn from each file, kept from one pre-commit run to the next.
//
// A data layer's call is checked against models declared anywhere in the project (a GORM model
// in package models, queried from package repositories), so the data layers' index and the Go
// package index read every code file, even when `check --changed-since` scans one. Reading and
// searching every file of hatchet for the layers' words cost five times the rest of the run, and
// the answer is a function of the file's path and bytes alone. So each file's answer is kept
// with the file's identity (device, inode, size, modification and change times, as git's index
// keeps them: any write moves the change time): while the file has that identity, its answer
// is read from here, and it is not read at all.
//
// The answer is the whole of what the file can give, whatever the project uses: each layer's
// index_wanted verdict and index output, and the Go package facts. Which layers the project uses
// is decided each run over every file's answer, as the full check decides it.
//
// A cache file is never trusted: a bad magic, a checksum that does not match, a record that does
// not decode or a key that is not this run's (another binary, another project) is no cache. A
// file changed less than a second before the run is not kept (it may change again within the
// clock's granularity).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzers/languages/project_facts.h"
#include "analyzers/source/mapped_file.h"

namespace schemagate::pipeline {

/// One file's answer to the indexes.
struct FileIndex {
  /// The layers (by name) whose index_wanted the file answers yes.
  std::vector<std::string> wanted;
  /// (layer name, key, value): each layer's index of the file, in the order the layers ran.
  std::vector<std::array<std::string, 3>> found;
  /// languages::go_file_facts / named_query_facts of the file (a Go file not a test, a .sql file).
  std::vector<std::pair<std::string, std::string>> package;
  /// What the file may create when it runs, by words (the full check's scan of the file would
  /// tell it; a pre-commit run does not scan it): each `CREATE ... TABLE name` and each column an
  /// `ALTER TABLE ... ADD` adds, of its text ("schema\nname", the schema "" when not qualified;
  /// a column's name "column:<relation>.<column>"; run-time parts as sql::kHole) with its line,
  /// and the line of its first create_all() call outside tests (0: none).
  std::vector<std::pair<std::string, uint32_t>> created;
  uint32_t create_all_line = 0;
  bool operator==(const FileIndex&) const = default;
};

std::string encode_file_index(const FileIndex& index);
/// False on any input encode_file_index did not write.
bool decode_file_index(std::string_view bytes, FileIndex* out);

/// What encode_file_index wrote, without a copy: on_wanted(layer), then on_found(layer, key,
/// value), on_package(key, value) and on_created(name, line) for each, as string_views into
/// `bytes`, and on_create_all(line) when it has one. False on any input encode_file_index did not
/// write (some calls may have been made by then).
template <typename Wanted, typename Found, typename Package, typename Created, typename CreateAll>
bool read_file_index(std::string_view bytes, Wanted&& on_wanted, Found&& on_found, Package&& on_package,
                     Created&& on_created, CreateAll&& on_create_all);

/// Facts of many files merged by key (the Go package facts of the far files), in the order they
/// are inserted: each with the position of the file it came from.
struct MergedFact {
  std::string_view key, value;
  uint32_t position = 0;
};
std::string encode_merged_facts(const std::vector<MergedFact>& facts);
/// each(key, value, position) for what encode_merged_facts wrote; false on anything else.
template <typename Each>
bool read_merged_facts(std::string_view bytes, Each&& each);

/// Merged facts (encode_merged_facts, sorted by key) as a table beside the project's facts map
/// (languages::ProjectFacts::more): a key's values are found by a binary search, and none is put
/// in the map. `bytes` must outlive it.
class MergedFactTable : public languages::FactTable {
 public:
  explicit MergedFactTable(std::string_view bytes);
  void values(std::string_view key, const std::function<void(std::string_view)>& each) const override;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<MergedFact> entries_;
};

class IndexCache {
 public:
  /// `file`: where the answers are kept (read now, written by save()); "" keeps nothing. `key`:
  /// what they are valid for (the binary, the project); a file kept under another is not read.
  IndexCache(std::string file, std::string key);

  /// The answer kept for root-relative `rel` when `identity` (pipeline::identity_bytes) is the
  /// one it was kept with; null otherwise. Valid while the cache lives.
  const std::string_view* find(const std::string& rel, std::string_view identity);
  /// Keeps `encoded` (encode_file_index) for `rel` with `identity` (an empty identity is not
  /// written by save()); its text, valid while the cache lives.
  std::string_view put(const std::string& rel, std::string identity, std::string encoded);
  /// Writes the answers asked or put this run, when any was put or one kept was not asked. False
  /// when the file could not be written (the next run reads the files again).
  bool save();

  /// What was derived from the answers and kept under `name` with `signature` (a hash of the
  /// answers it was derived from): its bytes, when they are the ones kept; null otherwise. Valid
  /// while the cache lives.
  const std::string_view* derived(const std::string& name, uint64_t signature);
  /// Keeps `bytes` under `name` with `signature`, replacing what was kept; its text, valid while
  /// the cache lives.
  std::string_view put_derived(const std::string& name, uint64_t signature, std::string bytes);

  size_t reused() const { return reused_; }  ///< answers read from the file this run

 private:
  struct Entry {
    std::string_view identity, encoded;
    bool asked = false;
  };
  struct Derived {
    uint64_t signature = 0;
    std::string_view bytes;
    bool asked = false;
  };
  std::unordered_map<std::string_view, Derived> derived_;
  std::string file_, key_;
  source::MappedFile mapped_;
  std::deque<std::string> storage_;  ///< paths, identities and answers first seen this run
  std::unordered_map<std::string_view, Entry> entries_;
  size_t kept_ = 0, reused_ = 0;
  bool changed_ = false;
};

namespace index_cache_detail {

/// Reads what encode_file_index wrote (counts and lengths as 4 bytes); any read past the end
/// fails the whole input.
struct Reader {
  std::string_view in;
  bool ok = true;
  uint32_t n() {
    uint32_t v = 0;
    if (in.size() < sizeof v) return ok = false, 0;
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  std::string_view s() {
    uint32_t size = n();
    if (!ok || size > in.size()) return ok = false, std::string_view();
    std::string_view v = in.substr(0, size);
    in.remove_prefix(size);
    return v;
  }
  /// A count of items of at least `least` bytes each: more than the input holds fails.
  uint32_t count(size_t least) {
    uint32_t c = n();
    if (ok && c > in.size() / least) ok = false;
    return ok ? c : 0;
  }
};

}  // namespace index_cache_detail

/// The first part of read_file_index alone: on_wanted(layer) for each.
template <typename Wanted>
void read_file_index_wanted(std::string_view bytes, Wanted&& on_wanted) {
  index_cache_detail::Reader r{bytes};
  for (uint32_t i = 0, c = r.count(4); i < c && r.ok; ++i)
    if (std::string_view w = r.s(); r.ok) on_wanted(w);
}

template <typename Wanted, typename Found, typename Package, typename Created, typename CreateAll>
bool read_file_index(std::string_view bytes, Wanted&& on_wanted, Found&& on_found, Package&& on_package,
                     Created&& on_created, CreateAll&& on_create_all) {
  index_cache_detail::Reader r{bytes};
  for (uint32_t i = 0, c = r.count(4); i < c && r.ok; ++i)
    if (std::string_view w = r.s(); r.ok) on_wanted(w);
  for (uint32_t i = 0, c = r.count(12); i < c && r.ok; ++i) {
    std::string_view layer = r.s(), key = r.s(), value = r.s();
    if (r.ok) on_found(layer, key, value);
  }
  for (uint32_t i = 0, c = r.count(8); i < c && r.ok; ++i) {
    std::string_view key = r.s(), value = r.s();
    if (r.ok) on_package(key, value);
  }
  for (uint32_t i = 0, c = r.count(8); i < c && r.ok; ++i) {
    std::string_view name = r.s();
    uint32_t line = r.n();
    if (r.ok) on_created(name, line);
  }
  if (uint32_t line = r.n(); r.ok && line) on_create_all(line);
  return r.ok && r.in.empty();
}

template <typename Each>
bool read_merged_facts(std::string_view bytes, Each&& each) {
  index_cache_detail::Reader r{bytes};
  while (r.ok && !r.in.empty()) {
    std::string_view key = r.s(), value = r.s();
    uint32_t position = r.n();
    if (r.ok) each(key, value, position);
  }
  return r.ok;
}

}  // namespace schemagate::pipeline
