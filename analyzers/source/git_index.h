// git's index file (.git/index), read for one question: which files differ from a revision. A
// pre-commit run asks it on every commit, and libgit2's reader verifies the whole file's SHA-1 and
// keeps no public cache-tree, which is what tells, a directory at a time, that the index still
// holds a revision's tree: on a 4,600-file tree its read cost more than the rest of the question.
//
// What is read: the header, every entry (versions 2, 3 and 4, whose paths are prefix-compressed)
// with its stat data, object id, stage and flags, and the cache-tree extension (TREE). What is not
// understood is refused, never guessed at: a required extension (a lowercase signature: a split
// index's `link`, a sparse index's `sdir`), an entry that claims more bytes than the file holds,
// another version. The caller then asks libgit2's own diff.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace schemagate::source {

struct GitIndexEntry {
  /// From the work tree's top, '/' separators; a view of GitIndex::paths, NUL-terminated there.
  std::string_view path;
  uint32_t ctime_s = 0, ctime_ns = 0, mtime_s = 0, mtime_ns = 0;
  uint32_t dev = 0, ino = 0, mode = 0, uid = 0, gid = 0, size = 0;
  unsigned char oid[20] = {};
  unsigned stage = 0;          ///< 0, or 1-3 for a merge conflict's sides
  bool assume_valid = false;   ///< `git update-index --assume-unchanged`
  bool skip_worktree = false;  ///< sparse checkout: not in the work tree
  bool intent_to_add = false;  ///< `git add -N`
};

struct GitIndex {
  std::vector<GitIndexEntry> entries;  ///< in the file's order (sorted by path, then stage)
  /// The entries' paths, one after another, each NUL-terminated: one block, not a string per
  /// entry (4,600 allocations and frees a pre-commit run on hatchet). Moving the index keeps it.
  std::vector<char> paths;
  /// The cache-tree: for each directory ("" the top) whose entries git has not touched since it
  /// last wrote a tree of them, that tree's id. A directory left out is unknown, not different.
  std::unordered_map<std::string, std::string> trees;  ///< directory -> 20 raw bytes
  int64_t mtime_s = 0, mtime_ns = 0;  ///< the index file's own modification time
};

/// Reads the index file at `path`. False, with *why, when it cannot be read or holds what this
/// reader does not understand (see above).
bool read_git_index(const std::string& path, GitIndex* out, std::string* why);

/// The same, from the file's bytes (the unit tests').
bool parse_git_index(std::string_view bytes, GitIndex* out, std::string* why);

}  // namespace schemagate::source
