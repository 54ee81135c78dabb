// The names in each directory of a work tree, kept from one pre-commit run to the next.
//
// `check --changed-since` asks git's question (which files are untracked) by listing every
// directory of the tree: on hatchet (1,200 directories), getdents64 was a tenth of a pre-commit
// run. A directory's entries change only with its modification time: creating, removing or
// renaming an entry sets the directory's mtime and ctime, and nothing can set its ctime back. So
// a listing is kept with its directory's identity (device, inode, mtime, ctime, from stat(2))
// and, while the directory still has that identity, its names and types are read from here: one
// stat instead of open, two getdents64 and close. git's untracked cache (core.untrackedCache)
// rests on the same fact.
//
// What it never does: answer for a directory changed within the last `racy_seconds` before it
// was listed (a change in the same clock tick as the listing would keep the mtime), or for a
// tree on a network or user-space file system (its times come from another clock: NFS, SMB,
// FUSE, 9p, VirtualBox shares), or from a file that is damaged, truncated or another version's.
// Only names and types are kept: sizes and links are looked at again by the caller.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/source/mapped_file.h"

namespace schemagate::source {

struct ListedName {
  std::string_view name;  ///< into the kept file, or into the cache's own copy of a new listing
  unsigned char type;     ///< d_type (DT_UNKNOWN where the file system does not tell)
};

/// The names of directory `path` but "." and "..", read now (DirReader), into *out and *storage
/// (which holds the text the names view). 0, or the errno of the failure (opening or reading).
int read_names(const std::string& path, std::vector<ListedName>* out, std::string* storage);

class ListingCache {
 public:
  /// `file`: where the listings are kept (read now, written by save()); "" keeps nothing.
  explicit ListingCache(std::string file, int racy_seconds = 2);

  /// The names of directory `path` (absolute), as read_names gives them: the kept listing when
  /// the directory's identity is the one kept with it. Valid while the cache lives. Null with
  /// *err set (an errno) when the directory cannot be listed.
  /// `at_fd`, `at_path`: where the directory's stat(2) looks, when not at `path` itself (the same
  /// directory, named relative to an open one: changed_files.cpp's work tree).
  const std::vector<ListedName>* list(const std::string& path, int* err, int at_fd = -1, const char* at_path = nullptr);

  /// Writes the listings of the directories asked this run, when any was listed anew or one kept
  /// was not asked. False when the file could not be written (the next run lists again).
  bool save();

  size_t reused() const { return reused_; }  ///< directories answered from the file this run
  size_t listed() const { return listed_; }  ///< directories listed this run

 private:
  struct Identity {
    uint64_t dev = 0, ino = 0;
    int64_t mtime_s = 0, mtime_ns = 0, ctime_s = 0, ctime_ns = 0;
    bool operator==(const Identity&) const = default;
  };
  struct Entry {
    Identity id;
    std::vector<ListedName> names;
    bool asked = false;  ///< this run
    bool keep = false;   ///< written by save(): settled when listed
  };
  void load();

  std::string file_;
  int racy_seconds_;
  MappedFile mapped_;                     ///< the kept file, which the kept names view
  std::deque<std::string> storage_;       ///< the text of the names listed this run
  std::unordered_map<std::string_view, Entry> entries_;  ///< by path (views of mapped_ or paths_)
  std::deque<std::string> paths_;         ///< the paths first asked this run
  size_t kept_ = 0;                       ///< entries read from the file
  size_t reused_ = 0, listed_ = 0;
  bool changed_ = false;
  int local_ = -1;  ///< whether the tree is on a local file system: -1 not asked yet
};

}  // namespace schemagate::source
