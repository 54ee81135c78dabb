// The file system behind a small interface, so unit tests run on an in-memory tree and later
// issues can read another git revision through the same calls. Paths are '/'-separated strings;
// the real implementation resolves them against the process's working directory.
//
// A pull request decides what is in the tree, so nothing here trusts it: only regular files are
// read (a FIFO would block forever, /dev/zero would grow memory without bound), a symbolic link
// is followed only when it stays inside the tree being checked, and a directory that cannot be
// listed is an error the caller sees, never an empty directory.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct stat;

namespace schemagate::source {

struct DirEntry {
  std::string name;  // file name only
  bool is_dir = false;
  std::uintmax_t size = 0;  ///< bytes, for a regular file
  /// Not empty: an entry that is never read, and why ("not a regular file (FIFO)", "symbolic
  /// link to outside the tree", "broken symbolic link", "symbolic link to a directory (not
  /// followed)").
  std::string skip_reason;
};

/// What lstat(2) says of a regular file that tells one version of it from another (the schema
/// cache's identity of a file it read).
struct FileIdentity {
  uint64_t dev = 0, ino = 0, size = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Reads a whole regular file. On failure returns false and sets *err to a reason ("No such
  /// file ...", "not a regular file (FIFO)", "symbolic link to outside the tree").
  virtual bool read(const std::string& path, std::string* out, std::string* err) const = 0;
  /// Entries of a directory, sorted by name; empty when it does not exist or cannot be listed.
  virtual std::vector<DirEntry> list(const std::string& dir) const = 0;
  /// Entries of a directory, sorted by name. A directory that cannot be listed (permissions, a
  /// path too long, gone) is an error: false, *err set to the reason.
  virtual bool read_dir(const std::string& dir, std::vector<DirEntry>* out, std::string* err) const {
    (void)err;
    *out = list(dir);
    return true;
  }
  /// read_dir's answer, shared instead of copied where the file system keeps its listings (a
  /// real one keeps each directory's for the run: the walks of a pre-commit run read thousands).
  /// Null, with *err set, where read_dir is false.
  virtual std::shared_ptr<const std::vector<DirEntry>> read_dir_shared(const std::string& dir, std::string* err) const {
    auto out = std::make_shared<std::vector<DirEntry>>();
    if (!read_dir(dir, out.get(), err)) return nullptr;
    return out;
  }
  /// read's text, shared instead of copied where the file system keeps the texts it read (a
  /// scan reads each code file in several phases). Null, with *err set, where read is false.
  virtual std::shared_ptr<const std::string> read_shared(const std::string& path, std::string* err) const {
    auto out = std::make_shared<std::string>();
    if (!read(path, out.get(), err)) return nullptr;
    return out;
  }
  virtual bool is_dir(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  /// The identity of the regular file `path` from an lstat(2) this run made of it already (the
  /// pre-commit question stats every tracked file: RealFileSystem::adopt_listing), or nullopt,
  /// and the caller stats it.
  virtual std::optional<FileIdentity> seen_identity(const std::string& path) const {
    (void)path;
    return std::nullopt;
  }
};

class RealFileSystem final : public FileSystem {
 public:
  RealFileSystem() = default;
  /// Confined to `tree`: a path lexically inside it whose symbolic links lead outside it is not
  /// read, and such a link is listed with a skip reason. Paths outside `tree` (a --config file the
  /// user names) are read as given.
  explicit RealFileSystem(const std::string& tree);
  RealFileSystem(const RealFileSystem&) = delete;
  RealFileSystem& operator=(const RealFileSystem&) = delete;
  bool read(const std::string& path, std::string* out, std::string* err) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  bool read_dir(const std::string& dir, std::vector<DirEntry>* out, std::string* err) const override;
  std::shared_ptr<const std::vector<DirEntry>> read_dir_shared(const std::string& dir, std::string* err) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  std::optional<FileIdentity> seen_identity(const std::string& path) const override;

  /// One entry of a directory as another walk of this run read it: its d_type, and its lstat(2)
  /// when that walk made one.
  struct SeenEntry {
    std::string_view name;  ///< valid until adopt_listing returns
    unsigned char type = 0;  ///< DT_DIR, DT_REG, ... (DT_UNKNOWN: not known)
    const struct ::stat* st = nullptr;
  };
  /// The listing of `dir` (a path as read_dir takes it) from what another walk of this run read
  /// of it: the pre-commit question (changed_files.h) lists every directory and stats every
  /// tracked file, so the directory is not listed, nor its files stat'ed, again. The entries are
  /// classified as read_dir's own; a directory listed already keeps its listing.
  void adopt_listing(const std::string& dir, const std::vector<SeenEntry>& entries) const;

  /// A directory's listing, as read_dir gives it (entries sorted by name).
  struct Listing {
    bool ok = false;
    std::vector<DirEntry> entries;
    std::vector<bool> regular;  ///< per entry: a regular file itself (fstatat, links not followed)
    /// Per entry: the identity of a regular file the listing's walk (or the one it was adopted
    /// from) stat'ed (seen_identity); nullopt for any other.
    std::vector<std::optional<FileIdentity>> seen;
    std::string err;
  };

 private:
  /// False (with *err) when `path` is lexically inside the tree but resolves outside it.
  bool stays_inside(const std::string& path, std::string* err) const;
  /// True when `path`'s directory listing holds it as a regular file and that directory is
  /// inside the tree (decided once per directory): then stays_inside need not be asked.
  /// `size`: set to the listed size when true.
  bool listed_regular_inside(const std::string& path, std::uintmax_t* size = nullptr) const;
  /// True when `dir` is inside the tree by the listings alone (a real directory of a directory
  /// inside, up to the tree's path); false when they do not tell. Under listings_mutex_.
  bool inside_from_listings(const std::string& dir) const;
  /// Lists `dir` from the file system (DirReader, a stat only where the entry's type does
  /// not say enough).
  Listing list_now(const std::string& dir) const;
  /// One entry of directory `d` into *out, as list_now lists it, and whether it is a regular file
  /// itself (not a link to one) into *regular, and its identity into *identity when given; false
  /// (with *err) when the listing cannot be complete.
  bool classify(const std::string& d, std::string_view name, unsigned char type, const struct ::stat* given, int dfd,
                DirEntry* out, bool* regular, std::string* err,
                std::optional<FileIdentity>* identity = nullptr) const;
  /// The listing of `path`'s parent directory when this file system listed it already, else null.
  std::shared_ptr<const Listing> listed_parent(const std::string& path, std::string* name) const;
  std::string tree_;            // as given
  std::string tree_canonical_;  // with every link resolved; empty: not confined
  // Each directory is listed once per file system: a run walks the tree for the schema cache's
  // check, for migration discovery and for code discovery, and one run sees no tree change under it.
  mutable std::mutex listings_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const Listing>> listings_;
  // Per listed directory: whether it is inside the tree once resolved (listed_regular_inside).
  mutable std::unordered_map<std::string, bool> dir_inside_;
};

/// In-memory tree for tests: add files by path; directories are implied by the paths.
class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  /// A file or directory that cannot be read or listed (what EACCES does to a non-root user).
  void add_unreadable(const std::string& path, std::string reason) { unreadable_[path] = std::move(reason); }
  /// An entry that is never read: a FIFO, a device, a link out of the tree, listed with `reason`.
  void add_special(const std::string& path, std::string reason) { special_[path] = std::move(reason); }
  bool read(const std::string& path, std::string* out, std::string* err) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  bool read_dir(const std::string& dir, std::vector<DirEntry>* out, std::string* err) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override { return files_.count(path) != 0; }

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> unreadable_;
  std::map<std::string, std::string> special_;
};

/// Reads each file once for a run's passes over the same files: the extract phase reads every
/// code file in the data layers' index, the Go package index, the constants pass and the scan,
/// and on temporal those 2,900 files were opened and read 13,500 times (a fifth of the run's cpu
/// was the kernel's). The texts are kept, up to `bound` bytes in all, while this lives; a file
/// past the bound, or one that could not be read, is read from `inner` every time.
class ReadOnceFileSystem final : public FileSystem {
 public:
  static constexpr size_t kBound = size_t{64} << 20;
  explicit ReadOnceFileSystem(const FileSystem& inner, size_t bound = kBound) : inner_(inner), bound_(bound) {}
  bool read(const std::string& path, std::string* out, std::string* err) const override;
  /// read's text, shared with the keep where it is kept (the first pass reads it without a copy);
  /// null, with *err set, where read is false.
  std::shared_ptr<const std::string> text(const std::string& path, std::string* err) const;
  std::shared_ptr<const std::string> read_shared(const std::string& path, std::string* err) const override {
    return text(path, err);
  }
  std::vector<DirEntry> list(const std::string& dir) const override { return inner_.list(dir); }
  bool read_dir(const std::string& dir, std::vector<DirEntry>* out, std::string* err) const override {
    return inner_.read_dir(dir, out, err);
  }
  std::shared_ptr<const std::vector<DirEntry>> read_dir_shared(const std::string& dir, std::string* err) const override {
    return inner_.read_dir_shared(dir, err);
  }
  bool is_dir(const std::string& path) const override { return inner_.is_dir(path); }
  bool is_file(const std::string& path) const override { return inner_.is_file(path); }
  std::optional<FileIdentity> seen_identity(const std::string& path) const override {
    return inner_.seen_identity(path);
  }
  /// The bytes kept.
  size_t held() const;

 private:
  const FileSystem& inner_;
  const size_t bound_;
  mutable std::mutex mutex_;
  mutable size_t held_ = 0;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::string>> texts_;
};

/// Joins two '/'-separated path parts ("" and "." on the left are dropped).
std::string join_path(const std::string& a, const std::string& b);

/// A root-relative path with its "." and ".." parts resolved ("a/./b/../c" -> "a/c"); nullopt
/// when it climbs out of the root.
std::optional<std::string> resolve_dots(std::string_view path);

/// Writes `bytes` to `file` (its directories made first) through a temporary file of this
/// process renamed over it, so a reader sees the whole old file or the whole new one. False
/// when it could not be written; no temporary file is left.
bool replace_file(const std::string& file, std::string_view bytes);

/// What a file that is not regular is, for messages: "FIFO", "socket", "character device", ...
std::string special_file_kind(unsigned mode);

}  // namespace schemagate::source
