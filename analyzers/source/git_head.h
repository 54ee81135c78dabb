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

/// The rules of the user's ignore file that git applies below `.git/info/exclude` in the
/// repository whose work tree is `root`: the file `core.excludesFile` names in git's configuration
/// (repository, global, XDG, system, as git reads them), else `$XDG_CONFIG_HOME/git/ignore`
/// (`~/.config/git/ignore`). It lies outside the tree, so it is read here, not through the
/// tree's FileSystem; only a regular file of at most 1 MiB. "" when `root` is not a repository's
/// top directory or there is no such file: discovery then reads only the repository's own rules.
std::string git_excludes_rules(const std::string& root);

}  // namespace schemagate::source
