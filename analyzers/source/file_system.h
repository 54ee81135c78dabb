// The file system behind a small interface, so unit tests run on an in-memory tree and later
// issues can read another git revision through the same calls. Paths are '/'-separated strings;
// the real implementation resolves them against the process's working directory.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace schemagate::source {

struct DirEntry {
  std::string name;  // file name only
  bool is_dir = false;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Reads a whole file. On failure returns false and sets *err to a reason ("No such file ...").
  virtual bool read(const std::string& path, std::string* out, std::string* err) const = 0;
  /// Entries of a directory, sorted by name; empty when it does not exist.
  virtual std::vector<DirEntry> list(const std::string& dir) const = 0;
  virtual bool is_dir(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
};

class RealFileSystem final : public FileSystem {
 public:
  bool read(const std::string& path, std::string* out, std::string* err) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
};

/// In-memory tree for tests: add files by path; directories are implied by the paths.
class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  bool read(const std::string& path, std::string* out, std::string* err) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override { return files_.count(path) != 0; }

 private:
  std::map<std::string, std::string> files_;
};

/// Joins two '/'-separated path parts ("" and "." on the left are dropped).
std::string join_path(const std::string& a, const std::string& b);

}  // namespace schemagate::source
