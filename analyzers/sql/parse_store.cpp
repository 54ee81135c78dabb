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

namespace schemagate::sql {
namespace {

// The file: magic; format, version, record count; the index, one entry per record sorted by the
// hash of its text: hash, where the record starts in the file, its size; the checksum of all that
// (the header). Then the records: the text, its kind ('t' a packed tree, 'e' a syntax error), the
// error's byte offset, the packed tree or the error's message, and the checksum of the record.
// Integers are 8 bytes, little-endian; a string is its size, then its bytes.
constexpr std::string_view kMagic = "schemagate parse store\n";
constexpr uint64_t kFormat = 2;

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

/// FNV-1a (64 bits) taken 8 bytes at a time with a shift-xor after each step (each step is
/// one-to-one, so one changed word changes the result), then the length: the texts' hash, and
/// the checksums that tell a whole header or record from a damaged one, at a small part of what
/// SHA-256 would cost. A text is never taken on its hash: the record's text is compared whole.
uint64_t fnv(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * 1099511628211ull;
    h ^= h >> 32;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
  return (h ^ bytes.size()) * 1099511628211ull;
}

bool read_whole(const std::string& file, std::string* out) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st{};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok) {
    out->resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < out->size()) {
      ssize_t n = ::read(fd, out->data() + got, out->size() - got);
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    out->resize(got);  // a file cut while read: its index says so
  }
  ::close(fd);
  return ok;
}

std::atomic<ParseStore*> active_store{nullptr};

}  // namespace

ParseStore::ParseStore(std::string file, std::string version) : file_(std::move(file)), version_(std::move(version)) {
  read_file();
}

void ParseStore::read_file() {
  if (!read_whole(file_, &bytes_)) return void(why_ = "no stored parses");
  auto reject = [&](const char* why) {
    why_ = why;
    slots_.clear();
    bytes_.clear();
  };
  if (bytes_.size() < kMagic.size() || bytes_.compare(0, kMagic.size(), kMagic) != 0)
    return reject("the store file is not one (ignored)");
  Reader r(std::string_view(bytes_).substr(kMagic.size()));
  if (r.u() != kFormat || r.s() != version_ || !r.ok()) return reject("the store file is another libpg_query's");
  uint64_t count = r.u();
  if (!r.ok() || count > bytes_.size() / 24) return reject("the store file is damaged (ignored)");
  slots_.resize(count);
  for (Slot& slot : slots_) {
    slot.hash = r.u();
    slot.at = r.u();
    slot.size = r.u();
  }
  size_t header = kMagic.size() + r.pos();
  uint64_t sum = r.u();
  if (!r.ok() || sum != fnv(std::string_view(bytes_).substr(0, header))) return reject("the store file is damaged (ignored)");
  size_t records = header + 8;
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.at < records || s.size < 8 || s.at > bytes_.size() || s.size > bytes_.size() - s.at ||
        (i && s.hash < slots_[i - 1].hash))
      return reject("the store file is damaged (ignored)");  // cut short, or not written by save()
  }
}

bool ParseStore::read_record(Slot* slot) {
  if (slot->state == Slot::kUnread) {
    std::string_view bytes = std::string_view(bytes_).substr(slot->at, slot->size);
    std::string_view body = bytes.substr(0, bytes.size() - 8);
    Reader sum(bytes.substr(body.size()));
    Reader r(body);
    Record& rec = slot->record;
    rec.sql = r.s();
    uint64_t kind = r.u();
    rec.offset = r.u();
    rec.payload = r.s();
    rec.kind = static_cast<char>(kind);
    bool good = r.done() && (kind == 't' || kind == 'e') && sum.u() == fnv(body) && fnv(rec.sql) == slot->hash;
    slot->state = good ? Slot::kGood : Slot::kBad;
  }
  return slot->state == Slot::kGood;
}

ParseStore::Slot* ParseStore::slot_of(std::string_view sql, uint64_t hash) {
  auto it = std::lower_bound(slots_.begin(), slots_.end(), hash, [](const Slot& s, uint64_t h) { return s.hash < h; });
  for (; it != slots_.end() && it->hash == hash; ++it)
    if (!it->replaced && read_record(&*it) && it->record.sql == sql) return &*it;
  return nullptr;
}

bool ParseStore::find(std::string_view sql, StoredParse* out) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Record* rec = nullptr;
  if (auto it = added_index_.find(sql); it != added_index_.end()) {
    rec = &added_[it->second];
  } else if (Slot* slot = slot_of(sql, fnv(sql))) {
    if (!slot->asked) asked_.push_back({false, static_cast<size_t>(slot - slots_.data())});
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
  if (Slot* slot = slot_of(sql, fnv(sql))) slot->replaced = true;  // stored, but not what libpg_query answers now
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
  for (Slot& slot : slots_)
    if (!slot.asked && !slot.replaced && read_record(&slot)) write(slot.record);
  std::stable_sort(index.begin(), index.end(), [](const Entry& a, const Entry& b) { return a.hash < b.hash; });
  std::string bytes(kMagic);
  put(&bytes, kFormat);
  put(&bytes, version_);
  put(&bytes, static_cast<uint64_t>(index.size()));
  size_t first = bytes.size() + 24 * index.size() + 8;  // where the records start
  for (const Entry& e : index) {
    put(&bytes, e.hash);
    put(&bytes, static_cast<uint64_t>(first + e.at));
    put(&bytes, static_cast<uint64_t>(e.size));
  }
  put(&bytes, fnv(bytes));
  bytes += records;

  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(file_).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec) return false;
  // A temporary file of this process, renamed over the old one: readers see one whole file.
  std::string tmp = file_ + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    if (!o) return false;
    o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    o.close();
    if (!o) {
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::filesystem::rename(tmp, file_, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
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
