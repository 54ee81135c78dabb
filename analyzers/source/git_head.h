// The revision a manifest was built from: git HEAD of the repository that holds PATH, read with
// libgit2, and whether tracked files differ from it (a manifest of uncommitted code says so).
#pragma once
#include <string>

namespace schemagate::source {

struct HeadRevision {
  std::string commit;  ///< 40 hex digits; "" when PATH is not in a repository or HEAD is unborn
  bool dirty = false;  ///< a tracked file under the work tree differs from HEAD (untracked files do not count)
};

/// HEAD of the repository containing `path`. Not being in a repository is not an error: the
/// answer is empty. False with one line in *err only when the repository cannot be read.
bool head_revision(const std::string& path, HeadRevision* out, std::string* err);

}  // namespace schemagate::source
