// See listing_cache.h.
#include "analyzers/source/listing_cache.h"

#include <sys/stat.h>
#include <sys/statfs.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "analyzers/source/dir_reader.h"
#include "analyzers/source/fast_hash.h"
#include "analyzers/source/file_system.h"

namespace schemagate::source {

namespace {

constexpr std::string_view kMagic = "schemagate-listings 1\n";

uint64_t checksum(std::string_view bytes) { return fast_hash(bytes); }

void put(std::string* out, uint64_t v) { out->append(reinterpret_cast<const char*>(&v), sizeof v); }
void put32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), sizeof v); }

/// Reads what save() wrote; any read past the end fails the whole file.
struct Reader {
  std::string_view in;
  bool ok = true;
  template <typename T>
  T get() {
    T v{};
    if (in.size() < sizeof v) return ok = false, v;
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  std::string_view s() {
    uint32_t n = get<uint32_t>();
    if (!ok || n > in.size()) return ok = false, std::string_view();
    std::string_view v = in.substr(0, n);
    in.remove_prefix(n);
    return v;
  }
};

/// File systems whose times come from another machine's clock or another program: a kept
/// listing is never trusted there.
bool local_file_system(const std::string& path) {
  struct statfs s {};
  if (::statfs(path.c_str(), &s) != 0) return false;
  switch (static_cast<unsigned long>(s.f_type)) {
    case 0x6969:      // NFS
    case 0x517B:      // SMB
    case 0xFF534D42:  // CIFS
    case 0xFE534D42:  // SMB2
    case 0x65735546:  // FUSE
    case 0x01021997:  // 9p (WSL, virtual machines' shares)
    case 0x786F4256:  // VirtualBox shared folders
    case 0x00C36400:  // Ceph
    case 0x73757245:  // Coda
    case 0x5346414F:  // AFS
      return false;
    default:
      return true;
  }
}

}  // namespace

int read_names(const std::string& path, std::vector<ListedName>* out, std::string* storage) {
  out->clear();
  storage->clear();
  DirReader reader(path.c_str());
  if (!reader.ok()) return reader.error();
  std::string_view name;
  unsigned char type = 0;
  std::vector<std::pair<size_t, unsigned char>> at;  // offsets: *storage grows as names come
  while (reader.next(&name, &type)) {
    at.emplace_back(storage->size(), type);
    storage->append(name);
    storage->push_back('\0');
  }
  if (reader.error()) return reader.error();
  out->reserve(at.size());
  for (size_t i = 0; i < at.size(); ++i) {
    size_t end = (i + 1 < at.size() ? at[i + 1].first : storage->size()) - 1;
    out->push_back({std::string_view(*storage).substr(at[i].first, end - at[i].first), at[i].second});
  }
  return 0;
}

ListingCache::ListingCache(std::string file, int racy_seconds) : file_(std::move(file)), racy_seconds_(racy_seconds) {
  if (!file_.empty()) load();
}

void ListingCache::load() {
  if (!mapped_.open(file_, true)) return;
  std::string_view bytes = mapped_.bytes();
  if (bytes.size() < kMagic.size() + 8 || bytes.substr(0, kMagic.size()) != kMagic) return;
  std::string_view payload = bytes.substr(kMagic.size(), bytes.size() - kMagic.size() - 8);
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (stored != checksum(payload)) return;
  Reader r{payload};
  std::unordered_map<std::string_view, Entry> entries;
  uint32_t n = r.get<uint32_t>();
  entries.reserve(n);
  for (; r.ok && n > 0; --n) {
    std::string_view path = r.s();
    Entry e;
    e.id.dev = r.get<uint64_t>(), e.id.ino = r.get<uint64_t>();
    e.id.mtime_s = r.get<int64_t>(), e.id.mtime_ns = r.get<int64_t>();
    e.id.ctime_s = r.get<int64_t>(), e.id.ctime_ns = r.get<int64_t>();
    uint32_t count = r.get<uint32_t>();
    if (!r.ok || count > r.in.size() / 5) return;  // a name takes 5 bytes at least
    e.names.reserve(count);
    for (uint32_t i = 0; i < count && r.ok; ++i) {
      unsigned char type = r.get<unsigned char>();
      e.names.push_back({r.s(), type});
    }
    e.keep = true;
    if (r.ok) entries.emplace(path, std::move(e));
  }
  if (!r.ok || !r.in.empty()) return;
  entries_ = std::move(entries);
  kept_ = entries_.size();
}

const std::vector<ListedName>* ListingCache::list(const std::string& path, int* err, int at_fd, const char* at_path) {
  auto fresh = [&](Entry* e) -> const std::vector<ListedName>* {
    storage_.emplace_back();
    ++listed_;
    *err = read_names(path, &e->names, &storage_.back());
    return *err ? nullptr : &e->names;
  };
  auto slot = [&]() -> Entry& {
    auto it = entries_.find(path);
    if (it != entries_.end()) return it->second;
    paths_.push_back(path);
    return entries_[paths_.back()];
  };
  if (file_.empty() || (local_ < 0 && !(local_ = local_file_system(path))) || !local_) {
    Entry& e = slot();
    e.keep = false;
    return fresh(&e);
  }
  struct stat st {};
  if ((at_path ? ::fstatat(at_fd, at_path, &st, 0) : ::stat(path.c_str(), &st)) != 0) return *err = errno, nullptr;
  Identity id{static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
              static_cast<int64_t>(st.st_mtim.tv_sec),  static_cast<int64_t>(st.st_mtim.tv_nsec),
              static_cast<int64_t>(st.st_ctim.tv_sec),  static_cast<int64_t>(st.st_ctim.tv_nsec)};
  Entry& e = slot();
  if (e.keep && !e.asked && e.id == id && S_ISDIR(st.st_mode)) {
    e.asked = true;
    ++reused_;
    *err = 0;
    return &e.names;
  }
  // Listed now, after the stat: a change between the two makes the identity kept older than
  // the names, and the next run lists again. Kept only when the directory had not changed for
  // racy_seconds_: a change after the listing, within the clock tick of the stat, would not move
  // the mtime.
  changed_ = true;
  e.asked = true;
  e.id = id;
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  e.keep = S_ISDIR(st.st_mode) && id.mtime_s + racy_seconds_ < now.tv_sec && id.ctime_s + racy_seconds_ < now.tv_sec;
  const std::vector<ListedName>* names = fresh(&e);
  if (!names) e.keep = false;
  return names;
}

bool ListingCache::save() {
  if (file_.empty()) return true;
  size_t written = 0;
  for (auto& [path, e] : entries_) written += e.asked && e.keep;
  if (!changed_ && written == kept_) return true;  // the same listings as read
  std::string payload;
  put32(&payload, static_cast<uint32_t>(written));
  for (auto& [path, e] : entries_) {
    if (!e.asked || !e.keep) continue;
    put32(&payload, static_cast<uint32_t>(path.size()));
    payload.append(path);
    put(&payload, e.id.dev), put(&payload, e.id.ino);
    put(&payload, static_cast<uint64_t>(e.id.mtime_s)), put(&payload, static_cast<uint64_t>(e.id.mtime_ns));
    put(&payload, static_cast<uint64_t>(e.id.ctime_s)), put(&payload, static_cast<uint64_t>(e.id.ctime_ns));
    put32(&payload, static_cast<uint32_t>(e.names.size()));
    for (auto& n : e.names) {
      payload.push_back(static_cast<char>(n.type));
      put32(&payload, static_cast<uint32_t>(n.name.size()));
      payload.append(n.name);
    }
  }
  std::string bytes = std::string(kMagic) + payload;
  put(&bytes, checksum(payload));
  return replace_file(file_, bytes);
}

}  // namespace schemagate::source
