#include "analyzers/sql/parse_store.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <pg_query.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "analyzers/source/fast_hash.h"
#include "analyzers/source/file_system.h"

namespace schemagate::sql {
namespace {

// The file: magic; format, version, record count, and the checksum of all that (the header); the
// index, one entry per record sorted by the hash of its text: hash, where the record starts in the
// file, its size. Then the records: the text, its kind ('t' a packed tree, 'e' a syntax error), the
// error's byte offset, the packed tree or the error's message, and the checksum of the record.
// Integers are 8 bytes, little-endian; a string is its size, then its bytes.
constexpr std::string_view kMagic = "schemagate parse store\n";
constexpr uint64_t kFormat = 4;  // 4: source::fast_hash

void put(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) *out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put(std::string* out, std::string_view s) {
  put(out, s.size());
  out->append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return ok_ && pos_ == in_.size(); }
  size_t pos() const { return pos_; }
  uint64_t u() {
    if (!ok_ || in_.size() - pos_ < 8) return ok_ = false, 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return v;
  }
  std::string_view s() {
    uint64_t n = u();
    if (!ok_ || in_.size() - pos_ < n) return ok_ = false, std::string_view();
    std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

/// The texts' hash, and the checksums that tell a whole header or record from a damaged one
/// (source/fast_hash.h). A text is never taken on its hash: the record's text is compared whole.
uint64_t fnv(std::string_view bytes) { return source::fast_hash(bytes); }

std::atomic<ParseStore*> active_store{nullptr};

}  // namespace

ParseStore::ParseStore(std::string file, std::string version) : file_(std::move(file)), version_(std::move(version)) {
  read_file();
}

void ParseStore::read_file() {
  // Mapped, not populated: a run reads the index entries of its binary searches and the records
  // of the texts it asks, and a pre-commit run asks a few of thousands.
  if (!mapped_.open(file_, false)) return void(why_ = "no stored parses");
  bytes_ = mapped_.bytes();
  auto reject = [&](const char* why) {
    why_ = why;
    count_ = 0;
    bytes_ = {};
  };
  if (bytes_.size() < kMagic.size() || bytes_.substr(0, kMagic.size()) != kMagic)
    return reject("the store file is not one (ignored)");
  Reader r(std::string_view(bytes_).substr(kMagic.size()));
  if (r.u() != kFormat || r.s() != version_ || !r.ok()) return reject("the store file is another libpg_query's");
  uint64_t count = r.u();
  size_t header = kMagic.size() + r.pos();
  uint64_t sum = r.u();
  if (!r.ok() || sum != fnv(std::string_view(bytes_).substr(0, header))) return reject("the store file is damaged (ignored)");
  index_at_ = header + 8;
  if (count > (bytes_.size() - index_at_) / 24) return reject("the store file is damaged (ignored)");  // cut short
  count_ = static_cast<size_t>(count);
  records_at_ = index_at_ + 24 * count_;
}

uint64_t ParseStore::number(size_t at) const {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(bytes_[at + i])) << (8 * i);
  return v;
}

ParseStore::Slot* ParseStore::read_record(size_t i) {
  Slot* slot = &slots_[i];
  if (slot->state == Slot::kUnread) {
    slot->state = Slot::kBad;
    uint64_t hash = hash_at(i), at = number(index_at_ + 24 * i + 8), size = number(index_at_ + 24 * i + 16);
    if (at < records_at_ || size < 8 || at > bytes_.size() || size > bytes_.size() - at) return slot;  // cut short
    std::string_view bytes = std::string_view(bytes_).substr(at, size);
    std::string_view body = bytes.substr(0, bytes.size() - 8);
    Reader sum(bytes.substr(body.size()));
    Reader r(body);
    Record& rec = slot->record;
    rec.sql = r.s();
    uint64_t kind = r.u();
    rec.offset = r.u();
    rec.payload = r.s();
    rec.kind = static_cast<char>(kind);
    if (r.done() && (kind == 't' || kind == 'e') && sum.u() == fnv(body) && fnv(rec.sql) == hash)
      slot->state = Slot::kGood;
  }
  return slot;
}

ParseStore::Slot* ParseStore::slot_of(std::string_view sql, uint64_t hash, size_t* at) {
  size_t lo = 0, hi = count_;  // the first entry whose hash is not below `hash`
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (hash_at(mid) < hash) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i < count_ && hash_at(i) == hash; ++i) {
    Slot* slot = read_record(i);
    if (slot->state == Slot::kGood && !slot->replaced && slot->record.sql == sql) return *at = i, slot;
  }
  return nullptr;
}

bool ParseStore::find(std::string_view sql, StoredParse* out) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Record* rec = nullptr;
  if (auto it = added_index_.find(sql); it != added_index_.end()) {
    rec = &added_[it->second];
  } else if (size_t i; Slot* slot = slot_of(sql, fnv(sql), &i)) {
    if (!slot->asked) asked_.push_back({false, i});
    slot->asked = true;
    rec = &slot->record;
  } else {
    return false;
  }
  out->ok = rec->kind == 't';
  out->packed = out->ok ? rec->payload : std::string_view();
  out->error = {};
  if (!out->ok) out->error = {std::string(rec->payload), rec->offset};
  return true;
}

void ParseStore::add_tree(std::string_view sql, std::string_view packed) { add(sql, 't', 0, packed); }

void ParseStore::add_error(std::string_view sql, const ParseError& error) {
  add(sql, 'e', error.offset, error.message);
}

void ParseStore::add(std::string_view sql, char kind, size_t offset, std::string_view payload) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (added_index_.count(sql)) return;  // added in this run already (two threads parsed it)
  if (size_t i; Slot* slot = slot_of(sql, fnv(sql), &i)) slot->replaced = true;  // stored, but not what libpg_query answers now
  owned_.emplace_back(sql);
  std::string_view text = owned_.back();
  owned_.emplace_back(payload);
  Record rec{text, kind, offset, owned_.back()};
  added_index_.emplace(text, added_.size());
  asked_.push_back({true, added_.size()});
  added_.push_back(rec);
}

bool ParseStore::save(size_t max_bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (added_.empty()) return true;  // the file holds every answer this run needed
  struct Entry {
    uint64_t hash;
    size_t at, size;
  };
  std::vector<Entry> index;
  std::string records;
  auto write = [&](const Record& rec) {
    size_t size = 8 * 5 + rec.sql.size() + rec.payload.size();
    if (records.size() + size + 24 * (index.size() + 1) > max_bytes) return;
    size_t at = records.size();
    put(&records, rec.sql);
    put(&records, static_cast<uint64_t>(static_cast<unsigned char>(rec.kind)));
    put(&records, static_cast<uint64_t>(rec.offset));
    put(&records, rec.payload);
    put(&records, fnv(std::string_view(records).substr(at)));
    index.push_back({fnv(rec.sql), at, records.size() - at});
  };
  // This run's texts first, in the order asked; then those of earlier runs (the file's records
  // that still check), while the bound allows: the texts no recent run asked go first.
  for (auto [added, i] : asked_) {
    if (added) write(added_[i]);
    else if (!slots_[i].replaced) write(slots_[i].record);
  }
  for (size_t i = 0; i < count_; ++i) {
    Slot* slot = read_record(i);
    if (!slot->asked && !slot->replaced && slot->state == Slot::kGood) write(slot->record);
  }
  std::stable_sort(index.begin(), index.end(), [](const Entry& a, const Entry& b) { return a.hash < b.hash; });
  std::string bytes(kMagic);
  put(&bytes, kFormat);
  put(&bytes, version_);
  put(&bytes, static_cast<uint64_t>(index.size()));
  put(&bytes, fnv(bytes));
  size_t first = bytes.size() + 24 * index.size();  // where the records start
  for (const Entry& e : index) {
    put(&bytes, e.hash);
    put(&bytes, static_cast<uint64_t>(first + e.at));
    put(&bytes, static_cast<uint64_t>(e.size));
  }
  bytes += records;

  return source::replace_file(file_, bytes);
}

std::string parse_store_version() {
  std::string v = "PostgreSQL " + std::to_string(PG_VERSION_NUM);
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&pg_query_parse_protobuf), &info) && info.dli_fname) {
    std::error_code ec;
    std::filesystem::path lib = std::filesystem::canonical(info.dli_fname, ec);
    if (!ec) {
      auto size = std::filesystem::file_size(lib, ec);
      auto time = std::filesystem::last_write_time(lib, ec);
      if (!ec)
        v += "\n" + lib.string() + "\n" + std::to_string(size) + "\n" + std::to_string(time.time_since_epoch().count());
    }
  }
  return v;
}

void use_parse_store(ParseStore* store) { active_store.store(store, std::memory_order_release); }

ParseStore* parse_store() { return active_store.load(std::memory_order_acquire); }

}  // namespace schemagate::sql
