// The format is git's Documentation/gitformat-index.txt. Every read is bounds-checked: the file
// is the user's, and a truncated or damaged one is refused, not half-read. The trailing checksum
// is not verified, as git itself does not on a read (index.skipHash writes none): git writes the
// index to a lock file renamed over the old one, so a reader never sees a torn file.
#include "analyzers/source/git_index.h"
#include "analyzers/source/mapped_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string_view>
#include <cstring>

namespace schemagate::source {
namespace {

constexpr size_t kOid = 20;
constexpr size_t kTrailer = kOid;  // the checksum after the extensions

uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}
uint16_t be16(const unsigned char* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

class Cursor {
 public:
  Cursor(const unsigned char* p, size_t n) : p_(p), end_(p + n) {}
  bool has(size_t n) const { return static_cast<size_t>(end_ - p_) >= n; }
  const unsigned char* take(size_t n) {
    const unsigned char* at = p_;
    p_ += n;
    return at;
  }
  const unsigned char* at() const { return p_; }
  size_t left() const { return static_cast<size_t>(end_ - p_); }

 private:
  const unsigned char* p_;
  const unsigned char* end_;
};

/// One directory of the cache-tree extension, then its subdirectories (pre-order): "name\0COUNT
/// SUBTREES\n" and, when COUNT is not -1 (invalidated), the tree's id.
bool parse_tree_node(Cursor* c, const std::string& parent, bool top, GitIndex* out, std::string* why) {
  const unsigned char* start = c->at();
  const void* nul = std::memchr(start, '\0', c->left());
  if (!nul) return *why = "the index's cache-tree is truncated", false;
  std::string name(reinterpret_cast<const char*>(start), static_cast<const unsigned char*>(nul) - start);
  c->take(name.size() + 1);
  const void* nl = std::memchr(c->at(), '\n', c->left());
  if (!nl) return *why = "the index's cache-tree is truncated", false;
  std::string counts(reinterpret_cast<const char*>(c->at()), static_cast<const unsigned char*>(nl) - c->at());
  c->take(counts.size() + 1);
  // "COUNT SUBTREES": COUNT is -1 for a directory git invalidated.
  long entries = 0, subtrees = 0;
  auto number = [](std::string_view text, long* out) {
    bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    if (text.empty() || text.size() > 9) return false;
    long v = 0;
    for (char ch : text) {
      if (ch < '0' || ch > '9') return false;
      v = v * 10 + (ch - '0');
    }
    *out = negative ? -v : v;
    return true;
  };
  size_t space = counts.find(' ');
  if (space == std::string::npos || !number(std::string_view(counts).substr(0, space), &entries) ||
      !number(std::string_view(counts).substr(space + 1), &subtrees) || subtrees < 0)
    return *why = "the index's cache-tree does not parse", false;
  std::string dir = top ? std::string() : parent.empty() ? name : parent + "/" + name;
  if (entries >= 0) {
    if (!c->has(kOid)) return *why = "the index's cache-tree is truncated", false;
    out->trees[dir] = std::string(reinterpret_cast<const char*>(c->take(kOid)), kOid);
  }
  for (long i = 0; i < subtrees; ++i)
    if (!parse_tree_node(c, dir, false, out, why)) return false;
  return true;
}

}  // namespace

bool parse_git_index(std::string_view bytes, GitIndex* out, std::string* why) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < 12 + kTrailer || std::memcmp(data, "DIRC", 4) != 0) return *why = "not an index file", false;
  uint32_t version = be32(data + 4);
  if (version < 2 || version > 4) return *why = "index version " + std::to_string(version), false;
  uint32_t count = be32(data + 8);
  Cursor c(data + 12, bytes.size() - 12 - kTrailer);
  out->entries.clear();
  out->entries.reserve(count);
  out->paths.clear();
  out->paths.reserve(bytes.size());  // versions 2 and 3 hold their paths whole: never more
  // Each entry's path as (offset, size) in out->paths while that grows; viewed once it is whole.
  std::vector<std::pair<size_t, size_t>> spans;
  spans.reserve(count);
  std::string_view previous;  // version 4 compresses each path against the one before (in `bytes` or out->paths)
  for (uint32_t i = 0; i < count; ++i) {
    const unsigned char* start = c.at();
    if (!c.has(62)) return *why = "the index is truncated", false;
    const unsigned char* p = c.take(62);
    GitIndexEntry e;
    e.ctime_s = be32(p), e.ctime_ns = be32(p + 4), e.mtime_s = be32(p + 8), e.mtime_ns = be32(p + 12);
    e.dev = be32(p + 16), e.ino = be32(p + 20), e.mode = be32(p + 24), e.uid = be32(p + 28), e.gid = be32(p + 32);
    e.size = be32(p + 36);
    std::memcpy(e.oid, p + 40, kOid);
    uint16_t flags = be16(p + 60);
    e.assume_valid = flags & 0x8000;
    e.stage = (flags >> 12) & 3;
    if (flags & 0x4000) {  // extended flags
      if (version < 3 || !c.has(2)) return *why = "the index is truncated", false;
      uint16_t extended = be16(c.take(2));
      if (extended & 0x8000) return *why = "an index entry with an unknown flag", false;
      e.skip_worktree = extended & 0x4000;
      e.intent_to_add = extended & 0x2000;
    }
    if (version == 4) {
      // How many bytes of the previous path to drop (git's offset varint), then the rest, NUL ended.
      uint64_t drop = 0;
      for (int n = 0;; ++n) {
        if (!c.has(1) || n > 9) return *why = "the index is truncated", false;
        unsigned char b = *c.take(1);
        drop = (drop << 7) | (b & 127);
        if (!(b & 128)) break;
        ++drop;
      }
      if (drop > previous.size()) return *why = "the index's path compression does not parse", false;
      const void* nul = std::memchr(c.at(), '\0', c.left());
      if (!nul) return *why = "the index is truncated", false;
      size_t n = static_cast<const unsigned char*>(nul) - c.at();
      size_t kept = previous.size() - drop, from = out->paths.size();
      if (kept) {  // the previous path is the last one in out->paths: its kept bytes copied from there
        out->paths.resize(from + kept);
        std::memmove(out->paths.data() + from, out->paths.data() + (from - previous.size() - 1), kept);
      }
      const char* rest = reinterpret_cast<const char*>(c.take(n + 1));
      out->paths.insert(out->paths.end(), rest, rest + n);
      out->paths.push_back('\0');
      spans.emplace_back(from, kept + n);
      previous = std::string_view(out->paths.data() + from, kept + n);
      if (kept + n == 0) return *why = "an index entry without a path", false;
    } else {
      const void* nul = std::memchr(c.at(), '\0', c.left());
      if (!nul) return *why = "the index is truncated", false;
      size_t n = static_cast<const unsigned char*>(nul) - c.at();
      if (n == 0) return *why = "an index entry without a path", false;
      const char* name = reinterpret_cast<const char*>(c.at());
      spans.emplace_back(out->paths.size(), n);
      out->paths.insert(out->paths.end(), name, name + n);
      out->paths.push_back('\0');
      // NUL padding to a multiple of 8 bytes from the entry's start, at least one.
      size_t length = static_cast<size_t>(c.at() - start) + n;
      size_t padded = (length + 8) & ~size_t{7};
      if (!c.has(padded - static_cast<size_t>(c.at() - start))) return *why = "the index is truncated", false;
      c.take(padded - static_cast<size_t>(c.at() - start));
    }
    out->entries.push_back(e);
  }
  for (size_t i = 0; i < spans.size(); ++i)
    out->entries[i].path = std::string_view(out->paths.data() + spans[i].first, spans[i].second);
  out->trees.clear();
  while (c.left() > 0) {
    if (!c.has(8)) return *why = "the index's extensions are truncated", false;
    const unsigned char* head = c.take(8);
    std::string signature(reinterpret_cast<const char*>(head), 4);
    uint32_t size = be32(head + 4);
    if (!c.has(size)) return *why = "the index's extension " + signature + " is truncated", false;
    Cursor body(c.take(size), size);
    if (signature == "TREE") {
      if (body.left() && !parse_tree_node(&body, "", true, out, why)) return false;
    } else if (!(signature[0] >= 'A' && signature[0] <= 'Z')) {
      // Required to understand the entries (a split index's `link`, a sparse index's `sdir`).
      return *why = "the index has the extension \"" + signature + "\"", false;
    }
    // Any other (resolve-undo, untracked cache, fsmonitor, offset tables) is optional.
  }
  return true;
}

bool read_git_index(const std::string& path, GitIndex* out, std::string* why) {
  MappedFile file;  // every entry is read
  if (!file.open(path, true)) return *why = ::access(path.c_str(), F_OK) == 0 ? "the index file cannot be read" : "no index file", false;
  out->mtime_s = file.status().st_mtim.tv_sec;
  out->mtime_ns = file.status().st_mtim.tv_nsec;
  return parse_git_index(file.bytes(), out, why);
}

}  // namespace schemagate::source
