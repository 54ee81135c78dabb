#include "analyzers/source/git_file_system.h"
#include "analyzers/source/git_runtime.h"

#include <git2.h>

#include <algorithm>
#include <filesystem>

namespace schemagate::source {
namespace {

std::string last_error(const char* what) {
  const git_error* e = git_error_last();
  return std::string(what) + (e && e->message ? std::string(": ") + e->message : "");
}


struct EntryOwner {
  git_tree_entry* entry = nullptr;
  ~EntryOwner() { git_tree_entry_free(entry); }
};

}  // namespace

std::string normalize_relative_path(const std::string& path) {
  std::string p = path;
  while (p.rfind("./", 0) == 0) p.erase(0, 2);
  if (p == ".") p.clear();
  while (!p.empty() && p.back() == '/') p.pop_back();
  return p;
}

std::unique_ptr<GitRevisionFileSystem> GitRevisionFileSystem::open(const std::string& path, const std::string& revision,
                                                                   std::string* err) {
  start_libgit2();
  std::unique_ptr<GitRevisionFileSystem> fs(new GitRevisionFileSystem());
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  if (git_repository_open_ext(&fs->repo_, abs.c_str(), 0, nullptr) != 0) {
    *err = "\"" + path + "\" is not inside a git repository";
    return nullptr;
  }
  const char* workdir = git_repository_workdir(fs->repo_);
  if (!workdir) {
    *err = "the git repository at \"" + path + "\" is bare; give --deployed-path instead";
    return nullptr;
  }
  std::filesystem::path top = std::filesystem::weakly_canonical(workdir, ec);
  fs->prefix_ = normalize_relative_path(std::filesystem::relative(abs, top, ec).generic_string());
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, fs->repo_, revision.c_str()) != 0) {
    *err = "git revision \"" + revision + "\" not found in the repository at \"" + path + "\"";
    return nullptr;
  }
  git_object* peeled = nullptr;
  int rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
  git_object_free(obj);
  if (rc != 0) {
    *err = last_error(("git revision \"" + revision + "\" is not a commit").c_str());
    return nullptr;
  }
  char sha[GIT_OID_HEXSZ + 1] = {0};
  git_oid_tostr(sha, sizeof sha, git_object_id(peeled));
  fs->commit_ = std::string(sha).substr(0, 12);
  rc = git_commit_tree(&fs->tree_, reinterpret_cast<git_commit*>(peeled));
  git_object_free(peeled);
  if (rc != 0) {
    *err = last_error("cannot read the commit's tree");
    return nullptr;
  }
  return fs;
}

GitRevisionFileSystem::~GitRevisionFileSystem() {
  git_tree_free(tree_);
  git_repository_free(repo_);
}

bool GitRevisionFileSystem::read(const std::string& path, std::string* out, std::string* err) const {
  std::lock_guard<std::mutex> lock(mutex_);
  EntryOwner e;
  std::string p = normalize_relative_path(path);
  if (git_tree_entry_bypath(&e.entry, tree_, p.c_str()) != 0) {
    if (err) *err = "No such file at revision " + commit_;
    return false;
  }
  if (git_tree_entry_type(e.entry) != GIT_OBJECT_BLOB) {
    if (err) *err = "is a directory";
    return false;
  }
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo_, git_tree_entry_id(e.entry)) != 0) {
    if (err) *err = last_error("cannot read blob");
    return false;
  }
  out->assign(static_cast<const char*>(git_blob_rawcontent(blob)), static_cast<size_t>(git_blob_rawsize(blob)));
  git_blob_free(blob);
  return true;
}

std::vector<DirEntry> GitRevisionFileSystem::list(const std::string& dir) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<DirEntry> out;
  std::string p = normalize_relative_path(dir);
  git_tree* sub = nullptr;
  const git_tree* t = tree_;
  if (!p.empty()) {
    EntryOwner e;
    if (git_tree_entry_bypath(&e.entry, tree_, p.c_str()) != 0 || git_tree_entry_type(e.entry) != GIT_OBJECT_TREE)
      return out;
    if (git_tree_lookup(&sub, repo_, git_tree_entry_id(e.entry)) != 0) return out;
    t = sub;
  }
  size_t n = git_tree_entrycount(t);
  for (size_t i = 0; i < n; ++i) {
    const git_tree_entry* e = git_tree_entry_byindex(t, i);
    git_object_t type = git_tree_entry_type(e);
    if (type != GIT_OBJECT_BLOB && type != GIT_OBJECT_TREE) continue;  // submodules
    out.push_back({git_tree_entry_name(e), type == GIT_OBJECT_TREE});
  }
  git_tree_free(sub);
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.name < b.name; });
  return out;
}

bool GitRevisionFileSystem::is_dir(const std::string& path) const {
  std::string p = normalize_relative_path(path);
  if (p.empty()) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  EntryOwner e;
  return git_tree_entry_bypath(&e.entry, tree_, p.c_str()) == 0 && git_tree_entry_type(e.entry) == GIT_OBJECT_TREE;
}

bool GitRevisionFileSystem::is_file(const std::string& path) const {
  std::string p = normalize_relative_path(path);
  if (p.empty()) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  EntryOwner e;
  return git_tree_entry_bypath(&e.entry, tree_, p.c_str()) == 0 && git_tree_entry_type(e.entry) == GIT_OBJECT_BLOB;
}

}  // namespace schemagate::source
