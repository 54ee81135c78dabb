// A directory's entries read with getdents64(2) on a descriptor opened with O_DIRECTORY: what
// opendir(3)/readdir(3) give, without the fstat(2) glibc's opendir makes of every directory it
// opens (a pre-commit run on hatchet lists 1,200 directories, twice when the changed files are
// asked of git and the discovery walks the tree).
#pragma once

#include <memory>
#include <string_view>

namespace schemagate::source {

class DirReader {
 public:
  /// Opens `path` (a directory; a link to one is followed, as opendir does).
  explicit DirReader(const char* path);
  ~DirReader();
  DirReader(const DirReader&) = delete;
  DirReader& operator=(const DirReader&) = delete;

  /// False when the directory could not be opened: error() is its errno.
  bool ok() const { return fd_ >= 0; }
  /// The descriptor, for fstatat(2) relative to the directory; -1 when not ok().
  int fd() const { return fd_; }
  /// errno of the failure that ended the reading (or the opening); 0 at a clean end.
  int error() const { return error_; }
  /// The next entry but "." and "..": its name (valid until the next call) and its d_type
  /// (DT_UNKNOWN where the file system does not tell). False at the end or on a failure.
  bool next(std::string_view* name, unsigned char* type);

 private:
  int fd_ = -1;
  int error_ = 0;
  std::unique_ptr<char[]> buf_;
  size_t pos_ = 0, len_ = 0;
};

}  // namespace schemagate::source
