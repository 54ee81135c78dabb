// A file read whole for a run that reads it many times over: the schema cache, the parse store and
// git's index are megabytes that a pre-commit run reads on every commit. Read into a buffer, each
// page was faulted in fresh (zeroed), then copied from the page cache: a third of a pre-commit
// run's page faults and its largest copy. Mapped, the page cache's own pages are the bytes: a
// reader that touches all of them asks for them in one call (`populate`), one that looks up a few
// records (the parse store's binary search) faults in only those.
//
// The files mapped are replaced by a rename, never rewritten in place, so a mapping keeps the
// file it was made of. Where mapping fails (a file system that cannot), the file is read.
#pragma once
#include <sys/stat.h>

#include <memory>
#include <string>
#include <string_view>

namespace schemagate::source {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  /// The regular file at `path`, whole; false when it is missing, not a regular file or cannot be
  /// read. `populate`: every page will be read (mapped at once, not page by page).
  bool open(const std::string& path, bool populate);

  std::string_view bytes() const { return bytes_; }
  const struct stat& status() const { return st_; }  ///< the file's, as opened

 private:
  void* map_ = nullptr;
  size_t mapped_ = 0;
  std::unique_ptr<char[]> read_;  // where mapping failed
  std::string_view bytes_;
  struct stat st_ {};
};

}  // namespace schemagate::source
