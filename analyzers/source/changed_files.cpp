// The question is only which files differ, so it is answered the way git status answers it, and
// no further:
//  - REF's tree against the index by object id, a directory at a time: where the index's
//    cache-tree still holds the id of REF's directory, nothing under it was staged, and its
//    trees are not read. A pre-commit run reads the few trees along the changed paths.
//  - The index against the work tree by the stat data the index keeps (times, size, inode,
//    mode): a file whose lstat(2) matches is unchanged, as git decides it, except a racy one
//    (modified no earlier than the index file was written, so a change within the clock's
//    granularity would not show): that one, and any whose stat data differs, is hashed as git
//    would store it (libgit2 applies the .gitattributes filters) and compared by id. A file both
//    staged and changed in the work tree is compared with REF's blob: changed back is unchanged.
//  - Untracked files: every directory is listed (names and types, no stat), an untracked name is
//    asked of git's ignore rules only when it is found, and an ignored or nested repository's
//    directory is not entered.
// Renames need no detection: a rename is a deletion (left out) plus an addition (kept under the
// new name), which is the answer wanted.
// What the index reader does not understand (a split or sparse index, an entry marked
// assume-unchanged or skip-worktree, a case-insensitive or symlink-less checkout) is answered by
// libgit2's diff of REF's tree against the work tree through the index, never by "unchanged".
#include "analyzers/source/changed_files.h"
#include "analyzers/source/listing_cache.h"
#include "analyzers/source/git_runtime.h"
#include "analyzers/source/git_file_system.h"
#include "analyzers/source/git_index.h"

#include <dirent.h>
#include <fcntl.h>
#include <git2.h>
#include <git2/sys/repository.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace schemagate::source {
namespace {

template <typename T, void (*Free)(T*)>
struct GitFree {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using GitOwned = std::unique_ptr<T, GitFree<T, Free>>;

using RepositoryOwner = GitOwned<git_repository, git_repository_free>;
using ObjectOwner = GitOwned<git_object, git_object_free>;
using DiffOwner = GitOwned<git_diff, git_diff_free>;
using TreeOwner = GitOwned<git_tree, git_tree_free>;
using ConfigOwner = GitOwned<git_config, git_config_free>;
using IndexOwner = GitOwned<git_index, git_index_free>;

std::string last_error(const std::string& what) {
  const git_error* e = git_error_last();
  return what + (e && e->message ? std::string(": ") + e->message : "");
}

/// libgit2's diff of REF's tree against the work tree through the index, with untracked files:
/// the answer for whatever the index reader below does not understand.
bool changed_by_diff(git_repository* repo, git_tree* tree, const std::filesystem::path& top, std::string prefix,
                     const std::string& ref, std::vector<std::string>* files, std::vector<std::string>* deleted,
                     std::string* err) {
  std::error_code ec;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_IGNORE_SUBMODULES |
               GIT_DIFF_DISABLE_PATHSPEC_MATCH |  // PATH is a literal directory, not a glob
               GIT_DIFF_SKIP_BINARY_CHECK;  // only names are wanted: no blob is read to tell binary
  char* spec = prefix.data();
  if (!prefix.empty()) {
    opts.pathspec.strings = &spec;
    opts.pathspec.count = 1;
  }
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_workdir_with_index(&raw_diff, repo, tree, &opts) != 0) {
    *err = last_error("cannot compare the work tree with \"" + ref + "\"");
    return false;
  }
  DiffOwner diff(raw_diff);

  std::string under = prefix.empty() ? "" : prefix + "/";
  size_t n = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
    if (deleted && (d->status == GIT_DELTA_DELETED || d->status == GIT_DELTA_RENAMED) && d->old_file.path) {
      std::string old = d->old_file.path;
      if (old.rfind(under, 0) == 0) deleted->push_back(old.substr(under.size()));
    }
    switch (d->status) {
      case GIT_DELTA_ADDED:
      case GIT_DELTA_MODIFIED:
      case GIT_DELTA_RENAMED:
      case GIT_DELTA_COPIED:
      case GIT_DELTA_TYPECHANGE:
      case GIT_DELTA_UNTRACKED:
      case GIT_DELTA_CONFLICTED:
        break;
      default:  // deleted, unmodified, ignored, unreadable
        continue;
    }
    if (d->new_file.mode == GIT_FILEMODE_COMMIT || !d->new_file.path) continue;  // a submodule
    // Staged, then undone in the work tree: libgit2 blends the two diffs into MODIFIED with equal
    // ids, where git prints nothing.
    if (d->status == GIT_DELTA_MODIFIED && d->old_file.mode == d->new_file.mode && !git_oid_is_zero(&d->new_file.id) &&
        git_oid_equal(&d->old_file.id, &d->new_file.id))
      continue;
    std::string p = d->new_file.path;
    if (p.rfind(under, 0) != 0) continue;
    // A file staged and then removed from the work tree is not there to scan.
    if (!std::filesystem::is_regular_file(top / p, ec)) {
      if (deleted) deleted->push_back(p.substr(under.size()));
      continue;
    }
    files->push_back(p.substr(under.size()));
  }
  return true;
}

constexpr uint32_t kRegular = 0100644, kExecutable = 0100755, kSymlink = 0120000, kGitlink = 0160000;

struct Blob {
  git_oid oid;
  uint32_t mode;
};

bool operator==(const git_oid& a, const unsigned char* b) { return std::memcmp(a.id, b, 20) == 0; }

/// The index's answer (see the top of the file). False with *why when it cannot decide: the
/// caller then asks libgit2's diff.
class IndexComparison {
 public:
  /// `listings`, `path`: the run's file system and the project directory as it names it.
  /// `cache`: the listings kept from the last run, or null.
  IndexComparison(git_repository* repo, std::string top, std::string prefix, const RealFileSystem* listings,
                  std::string path, ListingCache* cache)
      : repo_(repo), top_(std::move(top)), prefix_(std::move(prefix)),
        under_(prefix_.empty() ? "" : prefix_ + "/"), listings_(listings), path_(std::move(path)), cache_(cache),
        top_fd_(::open(top_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}
  ~IndexComparison() {
    if (top_fd_ >= 0) ::close(top_fd_);
  }
  IndexComparison(const IndexComparison&) = delete;
  IndexComparison& operator=(const IndexComparison&) = delete;

  bool run(git_tree* tree, std::vector<std::string>* candidates, std::vector<std::string>* deleted, std::string* why) {
    if (!read_config(why)) return false;
    if (!read_git_index(std::string(git_repository_path(repo_)) + "index", &index_, why)) return false;
    for (auto& e : index_.entries) {
      if (e.assume_valid) return *why = "an index entry is marked assume-unchanged", false;
      if (e.skip_worktree) return *why = "an index entry is marked skip-worktree (sparse checkout)", false;
      if ((e.mode & 0170000) == 0040000) return *why = "a sparse index", false;
    }
    if (!attributes_index(why)) return false;
    if (!head_files(tree, "", why)) return false;
    if (!work_tree(candidates, deleted, why)) return false;
    for (auto& [path, blob] : head_) deleted->push_back(path);  // in REF, not in the index
    return untracked("", candidates, why);
  }

 private:
  bool read_config(std::string* why) {
    git_config* raw = nullptr;
    if (git_repository_config_snapshot(&raw, repo_) != 0) return *why = "no configuration", false;
    ConfigOwner config(raw);
    int ignore_case = 0, symlinks = 1;
    if (git_config_get_bool(&filemode_, config.get(), "core.filemode") != 0) filemode_ = 1;
    if (git_config_get_bool(&ignore_case, config.get(), "core.ignorecase") != 0) ignore_case = 0;
    if (git_config_get_bool(&symlinks, config.get(), "core.symlinks") != 0) symlinks = 1;
    if (ignore_case) return *why = "core.ignorecase is set", false;
    if (!symlinks) return *why = "core.symlinks is off", false;
    return true;
  }

  /// libgit2 looks for .gitattributes in the index too when it hashes a file (through its filters):
  /// it is given an index of those entries alone, instead of reading the whole file again.
  bool attributes_index(std::string* why) {
    git_index* raw = nullptr;
    if (git_index_new(&raw) != 0) return *why = last_error("cannot make an index"), false;
    IndexOwner attributes(raw);
    for (auto& e : index_.entries) {
      std::string_view p = e.path;
      if (e.stage != 0 || !(p == ".gitattributes" || p.ends_with("/.gitattributes"))) continue;
      git_index_entry entry{};
      entry.mode = e.mode;
      entry.path = e.path.data();  // NUL-terminated (GitIndex::paths)
      entry.file_size = e.size;
      std::memcpy(entry.id.id, e.oid, GIT_OID_RAWSZ);
      if (git_index_add(attributes.get(), &entry) != 0) return *why = last_error("cannot make an index"), false;
    }
    if (git_repository_set_index(repo_, attributes.get()) != 0) return *why = last_error("cannot set the index"), false;
    return true;
  }

  /// lstat(2) of `path` (relative to the work tree) from the work tree's directory, held open: the
  /// kernel walks only the components below it. With the work tree's own path before each one,
  /// the lookups of its components (__d_lookup_rcu) were a tenth of a pre-commit run on hatchet.
  /// `path`: NUL-terminated.
  int lstat_in_tree(const char* path, struct stat* st) const {
    return top_fd_ >= 0 ? ::fstatat(top_fd_, path, st, AT_SYMLINK_NOFOLLOW) : ::lstat((top_ + path).c_str(), st);
  }
  int lstat_in_tree(const std::string& path, struct stat* st) const { return lstat_in_tree(path.c_str(), st); }

  bool in_scope(std::string_view path) const { return path.substr(0, under_.size()) == under_; }
  /// A directory on the way to PATH, or under it.
  bool relevant(const std::string& dir) const {
    return in_scope(dir) || dir == prefix_ || prefix_.rfind(dir + "/", 0) == 0;
  }

  /// REF's files in the directories whose index side is not known to be REF's (by the cache-tree).
  bool head_files(const git_tree* tree, const std::string& dir, std::string* why) {
    if (auto it = index_.trees.find(dir); it != index_.trees.end() && *git_tree_id(tree) == reinterpret_cast<const unsigned char*>(it->second.data())) {
      same_.insert(dir);
      return true;
    }
    for (size_t i = 0, n = git_tree_entrycount(tree); i < n; ++i) {
      const git_tree_entry* te = git_tree_entry_byindex(tree, i);
      std::string path = dir.empty() ? git_tree_entry_name(te) : dir + "/" + git_tree_entry_name(te);
      git_filemode_t mode = git_tree_entry_filemode_raw(te);
      if (git_tree_entry_type(te) == GIT_OBJECT_TREE) {
        if (!relevant(path)) continue;
        git_tree* raw = nullptr;
        if (git_tree_lookup(&raw, repo_, git_tree_entry_id(te)) != 0) return *why = last_error("cannot read a tree"), false;
        TreeOwner sub(raw);
        if (!head_files(sub.get(), path, why)) return false;
      } else if (git_tree_entry_type(te) == GIT_OBJECT_BLOB && in_scope(path)) {
        uint32_t m = mode == GIT_FILEMODE_BLOB_EXECUTABLE ? kExecutable : mode == GIT_FILEMODE_LINK ? kSymlink : kRegular;
        head_.emplace(std::move(path), Blob{*git_tree_entry_id(te), m});
      }
    }
    return true;
  }

  /// Whether the index holds REF's entry for `path` because a directory above it is REF's.
  bool under_same(std::string_view path) const {
    if (same_.empty()) return false;
    if (same_.count(std::string_view())) return true;
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
      if (same_.count(path.substr(0, slash))) return true;
    return false;
  }

  bool racy(const GitIndexEntry& e) const {
    return e.mtime_s > index_.mtime_s || (e.mtime_s == index_.mtime_s && e.mtime_ns >= index_.mtime_ns);
  }

  /// The work tree's file as git would store it: its mode and id.
  bool hash(const std::string& path, const struct stat& st, Blob* out, std::string* why) const {
    if (S_ISLNK(st.st_mode)) {
      std::string target(static_cast<size_t>(st.st_size) + 1, '\0');
      ssize_t n = ::readlink((top_ + path).c_str(), target.data(), target.size());
      if (n < 0 || static_cast<size_t>(n) >= target.size()) return *why = path + ": cannot read the link", false;
      out->mode = kSymlink;
      return git_odb_hash(&out->oid, target.data(), static_cast<size_t>(n), GIT_OBJECT_BLOB) == 0 ||
             (*why = last_error(path), false);
    }
    if (git_repository_hashfile(&out->oid, repo_, path.c_str(), GIT_OBJECT_BLOB, nullptr) != 0)
      return *why = last_error(path + ": cannot hash"), false;
    return true;
  }

  bool work_tree(std::vector<std::string>* candidates, std::vector<std::string>* deleted, std::string* why) {
    std::string_view previous;  // the entries are sorted: a directory shared with the one before is in dirs_
    files_.reserve(index_.entries.size());
    if (listings_) stats_.reserve(index_.entries.size());
    for (auto& e : index_.entries) {
      if (!in_scope(e.path)) continue;
      auto tracked = files_.emplace(e.path, nullptr).first;
      size_t common = std::mismatch(e.path.begin(), e.path.begin() + std::min(e.path.size(), previous.size()),
                                    previous.begin()).first - e.path.begin();
      for (size_t slash = e.path.find('/', common); slash != std::string::npos; slash = e.path.find('/', slash + 1))
        dirs_.insert(std::string_view(e.path).substr(0, slash));
      previous = e.path;
      if (e.mode == kGitlink) {  // a submodule: never listed, as git diff --ignore-submodules
        head_.erase(std::string(e.path));
        continue;
      }
      if (e.stage != 0) {  // a merge conflict: changed, whatever the sides
        head_.erase(std::string(e.path));
        if (candidates->empty() || candidates->back() != e.path) candidates->emplace_back(e.path);
        continue;
      }
      std::optional<Blob> head;
      bool staged = false;
      if (!under_same(e.path)) {
        auto it = head_.find(std::string(e.path));
        if (it != head_.end()) head = it->second, head_.erase(it);
        staged = !head || !(head->oid == e.oid) || head->mode != e.mode;
      }
      struct stat st {};
      if (lstat_in_tree(e.path.data(), &st) != 0) {  // NUL-terminated (GitIndex::paths)
        if (errno != ENOENT && errno != ENOTDIR) return *why = std::string(e.path) + ": " + std::strerror(errno), false;
        deleted->emplace_back(e.path);
        continue;
      }
      if (listings_ && !tracked->second) {
        stats_.push_back(st);
        tracked->second = &stats_.back();
      }
      if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {  // a directory now (its files are untracked), ...
        deleted->emplace_back(e.path);
        continue;
      }
      uint32_t mode = S_ISLNK(st.st_mode) ? kSymlink
                      : !filemode_        ? (e.mode == kSymlink ? kRegular : e.mode)
                      : (st.st_mode & 0100) ? kExecutable
                                           : kRegular;
      bool same_stat = mode == e.mode && e.size == static_cast<uint32_t>(st.st_size) &&
                       e.mtime_s == static_cast<uint32_t>(st.st_mtim.tv_sec) &&
                       e.mtime_ns == static_cast<uint32_t>(st.st_mtim.tv_nsec) &&
                       e.ctime_s == static_cast<uint32_t>(st.st_ctim.tv_sec) &&
                       e.ctime_ns == static_cast<uint32_t>(st.st_ctim.tv_nsec) &&
                       e.ino == static_cast<uint32_t>(st.st_ino) && e.uid == static_cast<uint32_t>(st.st_uid) &&
                       e.gid == static_cast<uint32_t>(st.st_gid);
      bool changed = staged;
      if (!same_stat || racy(e)) {
        Blob now{};
        if (!hash(std::string(e.path), st, &now, why)) return false;
        now.mode = mode;
        bool unstaged = !(now.oid == e.oid) || now.mode != e.mode;
        // Staged and changed again: what counts is the work tree against REF (changed back is not).
        if (unstaged) changed = !staged || !head || !git_oid_equal(&now.oid, &head->oid) || now.mode != head->mode;
      }
      if (changed) candidates->emplace_back(e.path);
    }
    return true;
  }

  /// A directory (not the top) is ignored when a rule of git's ignores it or one above it.
  bool dir_ignored(const std::string& dir) {
    if (dir.empty()) return false;
    if (auto it = ignored_dirs_.find(dir); it != ignored_dirs_.end()) return it->second;
    size_t slash = dir.rfind('/');
    bool ignored = dir_ignored(slash == std::string::npos ? std::string() : dir.substr(0, slash));
    if (!ignored) {
      int v = 0;
      ignored = git_ignore_path_is_ignored(&v, repo_, (dir + "/").c_str()) == 0 && v;
    }
    ignored_dirs_[dir] = ignored;
    return ignored;
  }

  bool file_ignored(const std::string& path) {
    size_t slash = path.rfind('/');
    if (dir_ignored(slash == std::string::npos ? std::string() : path.substr(0, slash))) return true;
    int v = 0;
    return git_ignore_path_is_ignored(&v, repo_, path.c_str()) == 0 && v;
  }

  /// The untracked files under `dir` that git's ignore rules keep (`dir` is PATH or under it).
  bool untracked(const std::string& dir, std::vector<std::string>* candidates, std::string* why) {
    const std::string at = dir.empty() ? (prefix_.empty() ? "." : prefix_) : dir;
    std::vector<ListedName> own;
    std::string storage;
    int e = 0;
    const std::vector<ListedName>* names = cache_ ? cache_->list(top_ + at, &e, top_fd_, top_fd_ >= 0 ? at.c_str() : nullptr)
                                           : (e = read_names(top_ + at, &own, &storage)) ? nullptr : &own;
    if (!names) {
      if (dir.empty() && e == ENOENT) return true;
      return *why = at + ": " + std::strerror(e), false;
    }
    const std::string base = dir.empty() ? under_ : dir + "/";
    std::string path = base;  // each entry's, in one buffer
    std::vector<RealFileSystem::SeenEntry> seen;
    if (listings_) seen.reserve(names->size());
    std::vector<std::unique_ptr<struct stat>> made;  // the lstat of an entry readdir gave no type
    for (const auto& [name, d_type] : *names) {
      path.resize(base.size());
      path.append(name);
      unsigned char type = d_type;
      auto file = files_.find(path);  // tracked, and its lstat when listings_ wants it
      bool tracked = file != files_.end();
      const struct stat* known = tracked ? file->second : nullptr;
      if (type == DT_UNKNOWN && !known) {
        made.push_back(std::make_unique<struct stat>());
        if (lstat_in_tree(path, made.back().get()) != 0) return *why = path + ": " + std::strerror(errno), false;
        known = made.back().get();
      }
      if (listings_) seen.push_back({name, d_type, known});
      if (name == ".git") continue;
      if (type == DT_UNKNOWN) type = S_ISDIR(known->st_mode) ? DT_DIR : DT_REG;
      if (type == DT_DIR) {
        if (tracked) continue;  // a submodule's work tree
        if (!dirs_.count(path)) {  // nothing tracked under it
          struct stat st {};
          if (lstat_in_tree(path + "/.git", &st) == 0) continue;  // another repository
          if (dir_ignored(path)) continue;
        }
        if (!untracked(path, candidates, why)) return false;
      } else if (!tracked && !file_ignored(path)) {
        candidates->push_back(path);
      }
    }
    if (listings_) {
      std::string rel = dir.empty() ? std::string() : dir.substr(under_.size());
      listings_->adopt_listing(join_path(path_, rel), seen);
    }
    return true;
  }

  git_repository* repo_;
  std::string top_;  ///< the work tree, ending in '/'
  std::string prefix_, under_;
  int filemode_ = 1;
  GitIndex index_;
  std::unordered_map<std::string, Blob> head_;
  std::set<std::string, std::less<>> same_;
  /// Tracked, under PATH (views of index_'s paths), with the lstat work_tree made when listings_
  /// wants it (in stats_, which holds one per tracked file and is never reallocated after reserve).
  std::unordered_map<std::string_view, const struct stat*> files_;
  std::unordered_set<std::string_view> dirs_;
  std::unordered_map<std::string, bool> ignored_dirs_;
  const RealFileSystem* listings_;
  std::string path_;
  std::vector<struct stat> stats_;  ///< tracked files' lstat, for listings_
  ListingCache* cache_;
  int top_fd_;  ///< the work tree's directory (O_PATH), or -1 when it could not be opened
};

}  // namespace

bool changed_since(const std::string& path, const std::string& ref, std::vector<std::string>* files,
                   std::string* err, std::vector<std::string>* deleted, ChangedSinceTrace* trace,
                   const RealFileSystem* listings, ListingCache* cache) {
  start_libgit2();
  files->clear();
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, abs.c_str(), 0, nullptr) != 0) {
    *err = "\"" + path + "\" is not inside a git repository";
    return false;
  }
  RepositoryOwner repo(raw_repo);
  const char* workdir = git_repository_workdir(repo.get());
  if (!workdir) {
    *err = "the git repository at \"" + path + "\" is bare; --changed-since needs a work tree";
    return false;
  }
  std::filesystem::path top = std::filesystem::weakly_canonical(workdir, ec);
  std::string prefix = normalize_relative_path(std::filesystem::relative(abs, top, ec).generic_string());
  if (ec || prefix == ".." || prefix.rfind("../", 0) == 0) {
    *err = "cannot place \"" + path + "\" inside the git work tree at \"" + top.string() + "\"";
    return false;
  }

  git_object* raw_obj = nullptr;
  if (git_revparse_single(&raw_obj, repo.get(), ref.c_str()) != 0) {
    *err = "git revision \"" + ref + "\" not found in the repository at \"" + path + "\"";
    return false;
  }
  ObjectOwner obj(raw_obj);
  git_object* raw_tree = nullptr;
  if (git_object_peel(&raw_tree, obj.get(), GIT_OBJECT_TREE) != 0) {
    *err = last_error("git revision \"" + ref + "\" does not name a commit or a tree");
    return false;
  }
  ObjectOwner tree(raw_tree);
  git_tree* root = reinterpret_cast<git_tree*>(tree.get());

  std::vector<std::string> candidates, gone;
  std::string why = trace && trace->force_diff ? "asked for libgit2's diff" : "";
  std::string top_dir = top.string();
  if (top_dir.empty() || top_dir.back() != '/') top_dir += '/';
  IndexComparison index(repo.get(), top_dir, prefix, listings, path, cache);
  if (why.empty() && index.run(root, &candidates, &gone, &why)) {
    std::string under = prefix.empty() ? "" : prefix + "/";
    for (auto& p : candidates) {
      // Only a file there to scan (a link followed to one); anything else is gone as code.
      if (std::filesystem::is_regular_file(top / p, ec)) files->push_back(p.substr(under.size()));
      else if (deleted) deleted->push_back(p.substr(under.size()));
    }
    if (deleted)
      for (auto& p : gone) deleted->push_back(p.substr(under.size()));
  } else {
    if (trace) trace->used_diff = true, trace->why = why;
    if (deleted) deleted->clear();
    if (!changed_by_diff(repo.get(), root, top, prefix, ref, files, deleted, err)) return false;
  }

  std::sort(files->begin(), files->end());
  files->erase(std::unique(files->begin(), files->end()), files->end());
  if (deleted) {
    std::sort(deleted->begin(), deleted->end());
    deleted->erase(std::unique(deleted->begin(), deleted->end()), deleted->end());
  }
  return true;
}

}  // namespace schemagate::source
