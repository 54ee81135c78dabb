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
// A store file is never trusted: a bad magic, another libpg_query's file, an index whose checksum
// does not match or that points past the end of the file is an empty store, and every text is
// parsed (and the file written again); a record whose own checksum does not match or that does
// not decode is a text not stored. A run checks the index, then only the records of the texts it
// asks: a pre-commit run that parses one text does not check or decode the thousand others. Writes go to a temporary file renamed over the old one, so a
// reader sees a whole file or the previous one. The file is bounded: the texts asked in the run
// that writes it first, then those of earlier runs, while the file stays under its bound.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
  size_t loaded() const { return slots_.size(); }  ///< texts the file's index holds
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
  struct Slot {  // one of the file's index entries
    uint64_t hash = 0;
    size_t at = 0, size = 0;
    enum : uint8_t { kUnread, kGood, kBad } state = kUnread;
    bool asked = false, replaced = false;
    Record record;  // once read (kGood)
  };
  void read_file();
  bool read_record(Slot* slot);
  /// The slot of the file that holds `sql` (its record checked), or null.
  Slot* slot_of(std::string_view sql, uint64_t hash);
  void add(std::string_view sql, char kind, size_t offset, std::string_view payload);

  std::string file_, version_, why_;
  std::string bytes_;        // the file as read; the slots' records view it
  std::vector<Slot> slots_;  // sorted by hash, as in the file
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
