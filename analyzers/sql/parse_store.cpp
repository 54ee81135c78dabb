#include "analyzers/sql/parse_store.h"

#include <dlfcn.h>
#include <pg_query.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace schemagate::sql {
namespace {

// magic, then the payload: format, version, record count, records; then the payload's checksum
// (16 hex characters). A record: the text, its kind ('t' a packed tree, 'e' a syntax error), the
// error's byte offset, the packed tree or the error's message. Integers are 8 bytes, little-endian.
constexpr std::string_view kMagic = "schemagate parse store\n";
constexpr uint64_t kFormat = 1;

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
/// one-to-one, so one changed word changes the result), then the length: tells a whole file from
/// a damaged or truncated one, at a small part of what SHA-256 of megabytes would cost.
std::string checksum(std::string_view payload) {
  uint64_t h = 14695981039346656037ull;
  size_t i = 0;
  for (; i + 8 <= payload.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, payload.data() + i, 8);
    h = (h ^ word) * 1099511628211ull;
    h ^= h >> 32;
  }
  for (; i < payload.size(); ++i) h = (h ^ static_cast<unsigned char>(payload[i])) * 1099511628211ull;
  h = (h ^ payload.size()) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::atomic<ParseStore*> active_store{nullptr};

}  // namespace

ParseStore::ParseStore(std::string file, std::string version) : file_(std::move(file)), version_(std::move(version)) {
  read_file();
}

void ParseStore::read_file() {
  std::ifstream in(file_, std::ios::binary);
  if (!in) return void(why_ = "no stored parses");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in && !in.eof()) return void(why_ = "the store could not be read");
  bytes_ = std::move(ss).str();
  auto reject = [&](const char* why) {
    why_ = why;
    loaded_.clear();
    index_.clear();
    bytes_.clear();
  };
  if (bytes_.size() < kMagic.size() + 16 || bytes_.compare(0, kMagic.size(), kMagic) != 0)
    return reject("the store file is not one (ignored)");
  std::string_view payload(bytes_.data() + kMagic.size(), bytes_.size() - kMagic.size() - 16);
  if (checksum(payload) != std::string_view(bytes_).substr(bytes_.size() - 16))
    return reject("the store file is damaged (ignored)");
  Reader r(payload);
  if (r.u() != kFormat || r.s() != version_ || !r.ok()) return reject("the store file is another libpg_query's");
  uint64_t count = r.u();
  if (count > payload.size()) return reject("the store file does not decode (ignored)");
  loaded_.reserve(count);
  index_.reserve(count);
  for (uint64_t i = 0; i < count && r.ok(); ++i) {
    Record rec;
    rec.sql = r.s();
    std::string_view kind = r.s();
    rec.offset = r.u();
    rec.payload = r.s();
    if (!r.ok() || kind.size() != 1 || (kind[0] != 't' && kind[0] != 'e')) break;
    rec.kind = kind[0];
    if (!index_.emplace(rec.sql, std::make_pair(false, loaded_.size())).second) break;  // written once each
    loaded_.push_back(rec);
  }
  if (!r.done() || loaded_.size() != count) return reject("the store file does not decode (ignored)");
}

bool ParseStore::find(std::string_view sql, StoredParse* out) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(sql);
  if (it == index_.end()) return false;
  auto [added, i] = it->second;
  Record& rec = added ? added_[i] : loaded_[i];
  if (!rec.asked) asked_.push_back(it->second);
  rec.asked = true;
  out->ok = rec.kind == 't';
  out->packed = out->ok ? rec.payload : std::string_view();
  out->error = {};
  if (!out->ok) out->error = {std::string(rec.payload), rec.offset};
  return true;
}

void ParseStore::add_tree(std::string_view sql, std::string_view packed) { add(sql, 't', 0, packed); }

void ParseStore::add_error(std::string_view sql, const ParseError& error) {
  add(sql, 'e', error.offset, error.message);
}

void ParseStore::add(std::string_view sql, char kind, size_t offset, std::string_view payload) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(sql);
  if (it != index_.end()) {
    if (it->second.first) return;  // added in this run already (two threads parsed it)
    loaded_[it->second.second].replaced = true;  // stored, but not what libpg_query answers now
    index_.erase(it);
  }
  owned_.push_back({std::string(sql), std::string(payload)});
  Record rec;
  rec.sql = owned_.back().sql;
  rec.kind = kind;
  rec.offset = offset;
  rec.payload = owned_.back().payload;
  rec.asked = true;
  index_.emplace(rec.sql, std::make_pair(true, added_.size()));
  asked_.push_back({true, added_.size()});
  added_.push_back(rec);
}

bool ParseStore::save(size_t max_bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (added_.empty()) return true;  // the file holds every answer this run needed
  std::string payload;
  put(&payload, kFormat);
  put(&payload, version_);
  size_t count_at = payload.size();
  put(&payload, uint64_t{0});
  uint64_t count = 0;
  auto write = [&](const Record& rec) {
    size_t size = 8 * 4 + 1 + rec.sql.size() + rec.payload.size();
    if (payload.size() + size > max_bytes) return;
    put(&payload, rec.sql);
    put(&payload, std::string_view(&rec.kind, 1));
    put(&payload, static_cast<uint64_t>(rec.offset));
    put(&payload, rec.payload);
    ++count;
  };
  // This run's texts first, in the order asked; then those of earlier runs, in the file's order
  // (the most recently asked first): the oldest go when the bound is reached.
  for (auto [added, i] : asked_) {
    const Record& rec = added ? added_[i] : loaded_[i];
    if (!rec.replaced) write(rec);
  }
  for (const Record& rec : loaded_)
    if (!rec.asked && !rec.replaced) write(rec);
  std::string count_bytes;
  put(&count_bytes, count);
  payload.replace(count_at, 8, count_bytes);
  std::string bytes = std::string(kMagic) + payload + checksum(payload);

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
