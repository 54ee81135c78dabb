// Another revision of the repository as a FileSystem, read from git objects with libgit2: the
// work tree is never touched, so `--deployed-ref v1.4.2` reads what runs in production while the
// checkout holds the new code. Paths are relative to the repository's top-level directory.
#pragma once
#include <memory>
#include <mutex>
#include <string>

#include "analyzers/source/file_system.h"

struct git_repository;
struct git_tree;

namespace schemagate::source {

/// "./a/b", "a/b/", "." -> "a/b", "a/b", "": a '/'-separated path relative to a repository's top.
std::string normalize_relative_path(const std::string& path);

class GitRevisionFileSystem final : public FileSystem {
 public:
  /// Opens the repository that contains `path` and resolves `revision` (a tag, branch, commit,
  /// any rev-parse expression) to its tree. On failure returns null and sets *err to one line.
  static std::unique_ptr<GitRevisionFileSystem> open(const std::string& path, const std::string& revision,
                                                     std::string* err);
  ~GitRevisionFileSystem() override;

  bool read(const std::string& path, std::string* out, std::string* err) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override;

  /// `path` (the PATH the user gave) relative to the repository's top level: "" for the top.
  const std::string& prefix() const { return prefix_; }
  /// The commit the revision resolved to, abbreviated.
  const std::string& commit() const { return commit_; }

 private:
  GitRevisionFileSystem() = default;
  git_repository* repo_ = nullptr;
  git_tree* tree_ = nullptr;
  std::string prefix_;
  std::string commit_;
  mutable std::mutex mutex_;  // libgit2 objects are not to be used from two threads at once
};

}  // namespace schemagate::source
