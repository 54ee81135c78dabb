#include "analyzers/source/file_system.h"

#include "analyzers/source/dir_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <unordered_map>

namespace schemagate::source {
namespace fs = std::filesystem;

namespace {
// Resolved paths of the directories files were read from: a tree has few directories and many
// files, and resolving every component of every file's path (readlink per component) doubled
// the system calls of a scan. Shared by every RealFileSystem: a directory resolves the same
// whatever tree is being checked, and one run sees no tree change under it.
std::mutex dir_cache_mutex;
std::unordered_map<std::string, std::string> dir_cache;
}  // namespace

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

std::optional<std::string> resolve_dots(std::string_view path) {
  std::vector<std::string_view> parts;
  for (size_t at = 0; at <= path.size();) {
    size_t slash = path.find('/', at);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(at, slash - at);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    at = slash + 1;
  }
  std::string out;
  for (std::string_view p : parts) (out += out.empty() ? "" : "/") += p;
  return out;
}

std::string special_file_kind(unsigned mode) {
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISDIR(mode)) return "directory";
  return "special file";
}

RealFileSystem::RealFileSystem(const std::string& tree) : tree_(tree.empty() ? "." : tree) {
  std::error_code ec;
  fs::path canonical = fs::canonical(tree_, ec);
  if (!ec) tree_canonical_ = canonical.string();
}

bool RealFileSystem::stays_inside(const std::string& path, std::string* err) const {
  if (tree_canonical_.empty()) return true;
  fs::path p = fs::path(path).lexically_normal();
  fs::path rel = p.lexically_relative(fs::path(tree_).lexically_normal());
  if (rel.empty() || *rel.begin() == "..") return true;  // not in the tree: a path the user named
  // The directory's resolved path is cached (a tree has few directories and many files); only a
  // link itself is resolved whole.
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return true;  // does not exist: read() says why
  std::error_code ec;
  std::string target;
  if (S_ISLNK(st.st_mode)) {
    fs::path resolved = fs::canonical(path, ec);
    if (ec) return true;  // dangling or a loop: read() says why
    target = resolved.string();
  } else {
    std::string dir = p.parent_path().string();
    std::string resolved_dir;
    {
      std::lock_guard<std::mutex> lock(dir_cache_mutex);
      auto it = dir_cache.find(dir);
      if (it != dir_cache.end()) resolved_dir = it->second;
    }
    if (resolved_dir.empty()) {
      fs::path resolved = fs::canonical(dir.empty() ? "." : dir, ec);
      if (ec) return true;
      resolved_dir = resolved.string();
      std::lock_guard<std::mutex> lock(dir_cache_mutex);
      dir_cache.emplace(dir, resolved_dir);
    }
    target = resolved_dir == "/" ? "/" + p.filename().string() : resolved_dir + "/" + p.filename().string();
  }
  const std::string& root = tree_canonical_;
  if (target == root ||
      (target.size() > root.size() && target.compare(0, root.size(), root) == 0 &&
       (root == "/" || target[root.size()] == '/')))
    return true;
  if (err) *err = "symbolic link to outside the tree";
  return false;
}

// A file its directory's listing holds as a regular file (fstatat without following links)
// opens in that directory, so only the directory's resolved path decides whether it is inside
// the tree: decided once per directory instead of once per file (the lexical normalisation and
// relative path of stays_inside were 3.4% of a check of hatchet). Anything else (a link, a file
// no listing holds, a directory outside the tree or reached through a link) is decided by
// stays_inside, as before.
bool RealFileSystem::listed_regular_inside(const std::string& path, std::uintmax_t* size) const {
  if (tree_canonical_.empty()) return false;
  size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == path.size()) return false;
  std::string dir = path.substr(0, slash), name = path.substr(slash + 1);
  if (name == "." || name == "..") return false;
  std::shared_ptr<const Listing> listing;
  {
    std::lock_guard<std::mutex> lock(listings_mutex_);
    auto it = listings_.find(dir);
    if (it == listings_.end() || !it->second->ok || it->second->regular.size() != it->second->entries.size())
      return false;
    listing = it->second;
    if (auto known = dir_inside_.find(dir); known != dir_inside_.end() && !known->second) return false;
  }
  auto e = std::lower_bound(listing->entries.begin(), listing->entries.end(), name,
                            [](const DirEntry& x, const std::string& n) { return x.name < n; });
  if (e == listing->entries.end() || e->name != name || !listing->regular[static_cast<size_t>(e - listing->entries.begin())])
    return false;
  if (size) *size = e->size;
  {
    std::lock_guard<std::mutex> lock(listings_mutex_);
    if (auto known = dir_inside_.find(dir); known != dir_inside_.end()) return known->second;
  }
  {
    std::lock_guard<std::mutex> lock(listings_mutex_);
    if (inside_from_listings(dir)) return true;
  }
  // Lexically inside the tree, and inside it once every link of the directory's path is
  // resolved, as the kernel resolves it when the file is opened.
  bool inside = false;
  fs::path rel = fs::path(dir).lexically_normal().lexically_relative(fs::path(tree_).lexically_normal());
  if (!rel.empty() && *rel.begin() != "..") {
    std::error_code ec;
    std::string resolved = fs::canonical(dir, ec).string();
    const std::string& root = tree_canonical_;
    inside = !ec && (resolved == root || (resolved.size() > root.size() && resolved.compare(0, root.size(), root) == 0 &&
                                          (root == "/" || resolved[root.size()] == '/')));
  }
  std::lock_guard<std::mutex> lock(listings_mutex_);
  dir_inside_.emplace(dir, inside);
  return inside;
}

// A directory that its parent's listing holds as a directory itself (not a link), in a parent
// inside the tree, is inside the tree: known from the listings up to the tree's own path, where
// fs::canonical would read every link of the path again (a readlink per component, for each
// directory: 10,000 calls on a tree of 1,000 directories). Each directory found so is recorded
// in dir_inside_. False when the listings do not tell (a path spelled another way, a parent
// not listed, a link): the caller resolves the path.
bool RealFileSystem::inside_from_listings(const std::string& dir) const {
  std::vector<std::string_view> below;  // from `dir` up to the first directory known inside, exclusive
  std::string_view d = dir;
  for (;;) {
    if (d == tree_) break;
    if (auto known = dir_inside_.find(std::string(d)); known != dir_inside_.end()) {
      if (!known->second) return false;
      break;
    }
    size_t slash = d.rfind('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == d.size()) return false;
    below.push_back(d);
    d = d.substr(0, slash);
  }
  for (auto it = below.rbegin(); it != below.rend(); ++it) {
    size_t slash = it->rfind('/');
    std::string parent(it->substr(0, slash));
    std::string_view name = it->substr(slash + 1);
    if (name == "." || name == "..") return false;
    auto listing = listings_.find(parent);
    if (listing == listings_.end() || !listing->second->ok) return false;
    const std::vector<DirEntry>& entries = listing->second->entries;
    auto e = std::lower_bound(entries.begin(), entries.end(), name,
                              [](const DirEntry& x, std::string_view n) { return x.name < n; });
    if (e == entries.end() || e->name != name || !e->is_dir || !e->skip_reason.empty()) return false;
    dir_inside_.emplace(std::string(*it), true);
  }
  return true;
}

namespace {
/// The index of `name` in a listing's entries (sorted by name), or its size when not there.
size_t entry_index(const RealFileSystem::Listing& listing, const std::string& name) {
  auto it = std::lower_bound(listing.entries.begin(), listing.entries.end(), name,
                             [](const DirEntry& e, const std::string& n) { return e.name < n; });
  return it != listing.entries.end() && it->name == name ? static_cast<size_t>(it - listing.entries.begin())
                                                         : listing.entries.size();
}
bool listing_holds(const RealFileSystem::Listing& listing, const std::string& name) {
  return entry_index(listing, name) < listing.entries.size();
}
}  // namespace

bool RealFileSystem::read(const std::string& path, std::string* out, std::string* err) const {
  std::uintmax_t listed_size = 0;
  const bool listed = listed_regular_inside(path, &listed_size);
  if (!listed) {
    // A name its directory's listing does not hold is not there (as is_file answers): the scan
    // asks for a go.mod and a package.json in the directories above each package, and most
    // have none (on hatchet, 720 such reads, each an lstat and an open that failed).
    std::string name;
    if (auto listing = listed_parent(path, &name); listing && !listing_holds(*listing, name)) {
      if (err) *err = std::strerror(ENOENT);
      return false;
    }
    if (!stays_inside(path, err)) return false;
  }
  // O_NONBLOCK: opening a FIFO does not wait for a writer. A file its directory's listing holds
  // as a regular file (lstat) is opened without following a link (one put there since fails) and
  // read without fstat(2): its listed size sizes the buffer, and only if the file holds more
  // than that is it asked whether it is still a regular file (a device swapped in would never
  // end). Anything else is asked first (no window between a check and the open); a device can
  // only be reached through a link, and links out of the tree were refused above.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (listed ? O_NOFOLLOW : 0));
  if (fd < 0) {
    if (err) *err = std::strerror(errno);
    return false;
  }
  auto regular = [&] {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) return static_cast<std::uintmax_t>(st.st_size);
    if (err) *err = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file (" + special_file_kind(st.st_mode) + ")";
    ::close(fd);
    return std::numeric_limits<std::uintmax_t>::max();
  };
  std::uintmax_t expected = listed ? listed_size : regular();
  if (expected == std::numeric_limits<std::uintmax_t>::max()) return false;
  bool asked = !listed;
  // Read straight into *out, one byte more than expected: a read that returns fewer bytes than
  // asked, having filled the size expected, met the end (no second read to see it).
  out->resize(static_cast<size_t>(expected) + 1);
  size_t got = 0;
  for (;;) {
    if (got == out->size()) {
      if (!asked) {
        if (regular() == std::numeric_limits<std::uintmax_t>::max()) return out->clear(), false;
        asked = true;
      }
      out->resize(out->size() * 2);  // grown since it was listed
    }
    size_t want = out->size() - got;
    ssize_t n = ::read(fd, out->data() + got, want);
    if (n > 0) {
      got += static_cast<size_t>(n);
      if (got == expected && static_cast<size_t>(n) < want) break;
      continue;
    }
    if (n == 0) break;
    if (errno == EINTR) continue;
    if (err) *err = std::strerror(errno);
    ::close(fd);
    out->clear();
    return false;
  }
  // Less than listed: shrunk since, or no longer a regular file (a FIFO without a writer reads
  // as empty).
  if (got != expected && !asked && regular() == std::numeric_limits<std::uintmax_t>::max()) return out->clear(), false;
  ::close(fd);
  out->resize(got);
  return true;
}

bool ReadOnceFileSystem::read(const std::string& path, std::string* out, std::string* err) const {
  std::shared_ptr<const std::string> kept = text(path, err);
  if (!kept) return false;
  *out = *kept;  // outside the lock: the scan's threads read at once
  return true;
}

std::shared_ptr<const std::string> ReadOnceFileSystem::text(const std::string& path, std::string* err) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = texts_.find(path); it != texts_.end()) return it->second;
  }
  auto fresh = std::make_shared<std::string>();
  if (!inner_.read(path, fresh.get(), err)) return nullptr;
  std::lock_guard<std::mutex> lock(mutex_);
  if (held_ + fresh->size() <= bound_ && texts_.emplace(path, fresh).second) held_ += fresh->size();
  return fresh;
}

size_t ReadOnceFileSystem::held() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return held_;
}

namespace {
FileIdentity identity_of(const struct stat& st) {
  return FileIdentity{static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_size),
                      static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                      static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
}

/// What a directory entry's d_type says of a file that is not regular, for messages.
unsigned mode_of_type(unsigned char type) {
  switch (type) {
    case DT_FIFO: return S_IFIFO;
    case DT_SOCK: return S_IFSOCK;
    case DT_CHR: return S_IFCHR;
    case DT_BLK: return S_IFBLK;
    default: return 0;
  }
}

}  // namespace

// One entry of `d`: its d_type `type`, and its lstat(2) when `given` (else made here, relative to
// the open directory `dfd`, where the type does not say enough).
bool RealFileSystem::classify(const std::string& d, std::string_view name, unsigned char type,
                              const struct stat* given, int dfd, DirEntry* out, bool* regular, std::string* err,
                              std::optional<FileIdentity>* identity) const {
  DirEntry& e = *out;
  *regular = false;
  e.name = std::string(name);
  // fs::path(d) / name, spelled as a string: building a path object per entry cost more than
  // the listing. Built only where a path is used (a stat by path, a link): most entries of a
  // listing adopted from the pre-commit walk need none.
  const size_t path_size = d.size() + (d.back() == '/' ? 0 : 1) + e.name.size();
  if (path_size >= PATH_MAX) {
    *err = std::strerror(ENAMETOOLONG);
    return false;
  }
  std::string path;
  auto full_path = [&]() -> const std::string& {
    if (path.empty()) path = d.back() == '/' ? d + e.name : d + "/" + e.name;
    return path;
  };
  struct stat raw {};
  bool have_raw = false;
  if (given && (type == DT_UNKNOWN || type == DT_REG)) {
    raw = *given;
    have_raw = true;
    type = S_ISDIR(raw.st_mode) ? DT_DIR : S_ISREG(raw.st_mode) ? DT_REG : S_ISLNK(raw.st_mode) ? DT_LNK : DT_UNKNOWN;
  } else if (type == DT_UNKNOWN || type == DT_REG) {
    if (::fstatat(dfd, dfd == AT_FDCWD ? full_path().c_str() : e.name.c_str(), &raw, AT_SYMLINK_NOFOLLOW) != 0) {
      // Gone since readdir, or cannot be inspected: the listing is incomplete.
      *err = std::strerror(errno);
      return false;
    }
    have_raw = true;
    type = S_ISDIR(raw.st_mode) ? DT_DIR : S_ISREG(raw.st_mode) ? DT_REG : S_ISLNK(raw.st_mode) ? DT_LNK : DT_UNKNOWN;
  }
  if (type == DT_DIR) {
    e.is_dir = true;
  } else if (type == DT_REG) {
    e.size = static_cast<std::uintmax_t>(raw.st_size);
    *regular = true;
    if (identity) *identity = identity_of(raw);
  } else if (type == DT_LNK) {
    full_path();
    std::error_code ec;
    std::string why;
    fs::path target = fs::canonical(path, ec);
    if (ec) {
      e.skip_reason = ec == std::errc::too_many_symbolic_link_levels ? "symbolic link loop" : "broken symbolic link";
    } else if (!stays_inside(path, &why)) {
      e.skip_reason = why;
    } else {
      fs::file_status st = fs::status(target, ec);
      if (fs::is_directory(st)) {
        e.skip_reason = "symbolic link to a directory (not followed)";
      } else if (fs::is_regular_file(st)) {
        e.size = fs::file_size(path, ec);
      } else {
        struct stat followed {};
        unsigned mode = ::stat(path.c_str(), &followed) == 0 ? followed.st_mode : 0;
        e.skip_reason = "not a regular file (" + special_file_kind(mode) + ")";
      }
    }
  } else {
    unsigned mode = have_raw ? raw.st_mode : mode_of_type(type);
    e.skip_reason = "not a regular file (" + special_file_kind(mode) + ")";
  }
  return true;
}

// readdir's d_type tells a directory, a regular file, a link and a special file apart without a
// stat; a regular file is stat'ed once, relative to the open directory (its size), and only a
// link is resolved by its path. A path the kernel would refuse (PATH_MAX) is refused here too, as
// a stat by path would, so that a listing fails the same way whether or not it stats.
RealFileSystem::Listing RealFileSystem::list_now(const std::string& dir) const {
  Listing out;
  const std::string d = dir.empty() ? "." : dir;
  DirReader reader(d.c_str());
  if (!reader.ok()) {
    out.err = std::strerror(reader.error());
    return out;
  }
  const int dfd = reader.fd();
  std::string_view name;
  unsigned char type = DT_UNKNOWN;
  for (;;) {
    if (!reader.next(&name, &type)) {
      if (reader.error()) {
        out.err = std::strerror(reader.error());
        out.entries.clear();
        out.regular.clear();
        return out;
      }
      break;
    }
    DirEntry e;
    bool regular = false;
    std::string why;
    std::optional<FileIdentity> identity;
    if (!classify(d, name, type, nullptr, dfd, &e, &regular, &why, &identity)) {
      out.err = why;
      out.entries.clear();
      out.regular.clear();
      out.seen.clear();
      return out;
    }
    out.entries.push_back(std::move(e));
    out.regular.push_back(regular);
    out.seen.push_back(identity);
  }
  std::vector<size_t> order(out.entries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return out.entries[x].name < out.entries[y].name; });
  std::vector<DirEntry> entries;
  std::vector<bool> regular;
  std::vector<std::optional<FileIdentity>> seen;
  entries.reserve(order.size());
  seen.reserve(order.size());
  for (size_t i : order) {
    entries.push_back(std::move(out.entries[i]));
    regular.push_back(out.regular[i]);
    seen.push_back(out.seen[i]);
  }
  out.entries = std::move(entries);
  out.regular = std::move(regular);
  out.seen = std::move(seen);
  out.ok = true;
  return out;
}

void RealFileSystem::adopt_listing(const std::string& dir, const std::vector<SeenEntry>& seen) const {
  const std::string key = dir.empty() ? "." : dir;
  {
    std::lock_guard<std::mutex> lock(listings_mutex_);
    if (listings_.count(key)) return;
  }
  auto listing = std::make_shared<Listing>();
  // Sorted by name first, then classified in that order straight into the listing.
  std::vector<const SeenEntry*> order;
  order.reserve(seen.size());
  for (const SeenEntry& s : seen)
    if (s.name != "." && s.name != "..") order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const SeenEntry* x, const SeenEntry* y) { return x->name < y->name; });
  listing->entries.resize(order.size());
  listing->regular.resize(order.size());
  listing->seen.resize(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    bool regular = false;
    std::string why;
    if (!classify(key, order[i]->name, order[i]->type, order[i]->st, AT_FDCWD, &listing->entries[i], &regular, &why,
                  &listing->seen[i]))
      return;  // listed again when asked
    listing->regular[i] = regular;
  }
  listing->ok = true;
  std::lock_guard<std::mutex> lock(listings_mutex_);
  listings_.emplace(key, std::move(listing));
}

bool RealFileSystem::read_dir(const std::string& dir, std::vector<DirEntry>* out, std::string* err) const {
  std::shared_ptr<const std::vector<DirEntry>> entries = read_dir_shared(dir, err);
  if (!entries) {
    out->clear();
    return false;
  }
  *out = *entries;
  return true;
}

std::shared_ptr<const std::vector<DirEntry>> RealFileSystem::read_dir_shared(const std::string& dir,
                                                                             std::string* err) const {
  const std::string key = dir.empty() ? "." : dir;
  std::shared_ptr<const Listing> listing;
  {
    std::lock_guard<std::mutex> lock(listings_mutex_);
    if (auto it = listings_.find(key); it != listings_.end()) listing = it->second;
  }
  if (!listing) {
    auto fresh = std::make_shared<const Listing>(list_now(key));
    std::lock_guard<std::mutex> lock(listings_mutex_);
    listing = listings_.emplace(key, std::move(fresh)).first->second;  // the first one listed stands
  }
  if (!listing->ok) {
    if (err) *err = listing->err;
    return nullptr;
  }
  return std::shared_ptr<const std::vector<DirEntry>>(listing, &listing->entries);  // shares the listing's ownership
}

std::vector<DirEntry> RealFileSystem::list(const std::string& dir) const {
  std::vector<DirEntry> entries;
  std::string err;
  if (!read_dir(dir, &entries, &err)) entries.clear();
  return entries;
}

std::shared_ptr<const RealFileSystem::Listing> RealFileSystem::listed_parent(const std::string& path,
                                                                            std::string* name) const {
  size_t slash = path.rfind('/');
  std::string parent = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  *name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name->empty() || *name == "." || *name == "..") return nullptr;
  std::lock_guard<std::mutex> lock(listings_mutex_);
  auto it = listings_.find(parent);
  return it == listings_.end() || !it->second->ok ? nullptr : it->second;
}


std::optional<FileIdentity> RealFileSystem::seen_identity(const std::string& path) const {
  std::string name;
  auto listing = listed_parent(path, &name);
  if (!listing || listing->seen.empty()) return std::nullopt;
  size_t i = entry_index(*listing, name);
  return i < listing->seen.size() ? listing->seen[i] : std::nullopt;
}

// A name its directory's listing does not hold is neither a file nor a directory: the walks ask
// for a .gitignore, a go.mod or a package.json in every directory, and most have none.
bool RealFileSystem::is_dir(const std::string& path) const {
  std::string name;
  if (auto listing = listed_parent(path, &name))
    if (!listing_holds(*listing, name)) return false;
  std::error_code ec;
  return fs::is_directory(path.empty() ? "." : path, ec);
}

bool RealFileSystem::is_file(const std::string& path) const {
  std::string name;
  if (auto listing = listed_parent(path, &name))
    if (!listing_holds(*listing, name)) return false;
  std::error_code ec;
  return fs::is_regular_file(path, ec) && stays_inside(path, nullptr);
}

bool MemoryFileSystem::read(const std::string& path, std::string* out, std::string* err) const {
  if (auto u = unreadable_.find(path); u != unreadable_.end()) {
    if (err) *err = u->second;
    return false;
  }
  if (auto s = special_.find(path); s != special_.end()) {
    if (err) *err = s->second;
    return false;
  }
  auto it = files_.find(path);
  if (it == files_.end()) {
    if (err) *err = "No such file or directory";
    return false;
  }
  *out = it->second;
  return true;
}

bool MemoryFileSystem::read_dir(const std::string& dir, std::vector<DirEntry>* out, std::string* err) const {
  std::string key = dir == "." ? "" : dir;
  if (auto u = unreadable_.find(key); u != unreadable_.end()) {
    if (err) *err = u->second;
    out->clear();
    return false;
  }
  *out = list(dir);
  return true;
}

std::vector<DirEntry> MemoryFileSystem::list(const std::string& dir) const {
  std::string prefix = (dir.empty() || dir == ".") ? "" : dir + "/";
  std::map<std::string, DirEntry> names;
  auto add = [&](const std::string& path, std::uintmax_t size, const std::string* reason) {
    if (path.compare(0, prefix.size(), prefix) != 0) return;
    std::string rest = path.substr(prefix.size());
    auto slash = rest.find('/');
    if (slash == std::string::npos) {
      DirEntry& e = names[rest];
      e.name = rest;
      e.size = size;
      if (reason) e.skip_reason = *reason;
    } else {
      DirEntry& e = names[rest.substr(0, slash)];
      e.name = rest.substr(0, slash);
      e.is_dir = true;
    }
  };
  for (auto& [path, content] : files_) add(path, content.size(), nullptr);
  for (auto& [path, _] : unreadable_) add(path, 0, nullptr);
  for (auto& [path, reason] : special_) add(path, 0, &reason);
  std::vector<DirEntry> entries;
  for (auto& [name, e] : names) entries.push_back(e);
  return entries;
}

bool MemoryFileSystem::is_dir(const std::string& path) const {
  if (path.empty() || path == ".") return true;
  std::string prefix = path + "/";
  for (auto* m : {&files_, &unreadable_})
    for (auto& [p, _] : *m)
      if (p.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

bool replace_file(const std::string& file, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(file).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec) return false;
  std::string tmp = file + ".tmp." + std::to_string(::getpid());
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
  std::filesystem::rename(tmp, file, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

}  // namespace schemagate::source
