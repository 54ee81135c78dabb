// One libgit2 diff, REF's tree against the work tree through the index, with untracked files.
// Renames need no detection here: without it a rename is a deletion (left out) plus an addition
// (kept under the new name), which is the answer wanted, and it spares reading every blob twice.
#include "analyzers/source/changed_files.h"
#include "analyzers/source/git_runtime.h"
#include "analyzers/source/git_file_system.h"

#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <memory>

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

std::string last_error(const std::string& what) {
  const git_error* e = git_error_last();
  return what + (e && e->message ? std::string(": ") + e->message : "");
}


}  // namespace

bool changed_since(const std::string& path, const std::string& ref, std::vector<std::string>* files,
                   std::string* err,
                   std::vector<std::string>* deleted) {
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
  if (git_diff_tree_to_workdir_with_index(&raw_diff, repo.get(), reinterpret_cast<git_tree*>(tree.get()), &opts) !=
      0) {
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
  std::sort(files->begin(), files->end());
  files->erase(std::unique(files->begin(), files->end()), files->end());
  return true;
}

}  // namespace schemagate::source
