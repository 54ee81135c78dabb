// The parse store: libpg_query's answers of earlier runs, kept on disk beside the schema cache.
// `check` runs again and again on code that mostly did not change, and parses the same SQL texts
// each time; libpg_query's own parse is cheap, but its output is a protobuf message that it packs
// level by level (protobuf-c computes every nested size again at each level): 650 M of the
// 935 M instructions hatchet's 681 texts cost. The store keeps, for each text, the packed
// message (or the syntax error, its message and byte offset), so a later run unpacks it once and
// neither parses nor packs. libpg_query's answer is a function of the text and of libpg_query
// alone: the store is keyed by the text itself (compared whole, not trusted to a hash) and
// written for one libpg_query (its PostgreSQL version and the library file it was loaded from).
//
// A store file is never trusted: a bad magic, another libpg_query's file, a header whose checksum
// does not match or an index that does not fit in the file is an empty store, and every text is
// parsed (and the file written again); an index entry that points outside the file, a record
// whose own checksum does not match or that does not decode is a text not stored. A run reads the
// index entries of a binary search and the records of the texts it asks, nothing else: a
// pre-commit run that parses one text does not check or decode the thousands of others. Writes go to a temporary file renamed over the old one, so a
// reader sees a whole file or the previous one. The file is bounded: the texts asked in the run
// that writes it first, then those of earlier runs, while the file stays under its bound.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/source/mapped_file.h"
#include "analyzers/sql/pg_parse.h"

namespace schemagate::sql {

/// What libpg_query answered for one text in an earlier run (or earlier in this one).
struct StoredParse {
  bool ok = false;
  std::string_view packed;  ///< ok: the packed PgQuery__ParseResult, valid while the store lives
  ParseError error;         ///< not ok: the syntax error
};

class ParseStore {
 public:
  /// The store kept in `file` for libpg_query `version` (parse_store_version()): a file that is
  /// missing, short, damaged or another version's is read as an empty store, and why() says why.
  ParseStore(std::string file, std::string version);
  ParseStore(const ParseStore&) = delete;
  ParseStore& operator=(const ParseStore&) = delete;

  /// The stored answer for `sql`, and the text is marked as asked in this run. Thread-safe.
  bool find(std::string_view sql, StoredParse* out);
  /// What libpg_query answered now, stored for later runs. Thread-safe.
  void add_tree(std::string_view sql, std::string_view packed);
  void add_error(std::string_view sql, const ParseError& error);
  /// Writes the file when this run added anything: the texts asked in this run first, then the
  /// others, while the file stays under `max_bytes`. False when it could not be written.
  bool save(size_t max_bytes = kMaxBytes);

  const std::string& why() const { return why_; }  ///< why the file was not read ("" when it was)
  size_t loaded() const { return count_; }  ///< texts the file's index holds
  size_t added() const { return added_.size(); }    ///< texts added in this run

  static constexpr size_t kMaxBytes = 64u << 20;

 private:
  /// A text's answer: a record of the file, or one added in this run.
  struct Record {
    std::string_view sql;
    char kind = 0;  // 't' tree, 'e' error
    size_t offset = 0;
    std::string_view payload;  // the packed tree, or the error's message
  };
  struct Slot {  // what this run learnt of one of the file's index entries
    enum : uint8_t { kUnread, kGood, kBad } state = kUnread;
    bool asked = false, replaced = false;
    Record record;  // once read (kGood)
  };
  void read_file();
  uint64_t number(size_t at) const;  // the little-endian integer at `at` in bytes_
  uint64_t hash_at(size_t i) const { return number(index_at_ + 24 * i); }
  /// Entry `i`'s record, checked (its bounds, its checksum, its text's hash) the first time.
  Slot* read_record(size_t i);
  /// The index entry whose record holds `sql`, or null.
  Slot* slot_of(std::string_view sql, uint64_t hash, size_t* at);
  void add(std::string_view sql, char kind, size_t offset, std::string_view payload);

  std::string file_, version_, why_;
  source::MappedFile mapped_;  // the file; records view it
  std::string_view bytes_;
  size_t index_at_ = 0, count_ = 0, records_at_ = 0;  // the index: count_ entries of 24 bytes, sorted by hash
  std::unordered_map<size_t, Slot> slots_;  // by index entry: only those looked at in this run
  std::deque<std::string> owned_;  // what added_ views (a deque: growing it moves no element)
  std::vector<Record> added_;
  std::unordered_map<std::string_view, size_t> added_index_;
  std::vector<std::pair<bool, size_t>> asked_;  // (added, index) in the order first asked
  std::mutex mutex_;
};

/// libpg_query as the store tells versions apart: the PostgreSQL grammar's version, and the file
/// the library was loaded from (its name, size and modification time): an upgraded libpg_query
/// may pack another tree from the same text.
std::string parse_store_version();

/// The store sql::parse consults before parsing and fills after; null (the default): none.
void use_parse_store(ParseStore* store);
ParseStore* parse_store();

}  // namespace schemagate::sql
