#include "analyzers/source/git_head.h"
#include "analyzers/source/git_runtime.h"

#include <git2.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

namespace schemagate::source {
namespace {

struct RepositoryFree {
  void operator()(git_repository* p) const { git_repository_free(p); }
};
struct ConfigFree {
  void operator()(git_config* p) const { git_config_free(p); }
};
struct StatusFree {
  void operator()(git_status_list* p) const { git_status_list_free(p); }
};

}  // namespace

bool head_revision(const std::string& path, HeadRevision* out, std::string* err) {
  start_libgit2();
  *out = {};
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, abs.c_str(), 0, nullptr) != 0) return true;  // not a repository
  std::unique_ptr<git_repository, RepositoryFree> repo(raw);
  git_oid oid;
  int rc = git_reference_name_to_id(&oid, repo.get(), "HEAD");
  if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return true;  // no commit yet
  if (rc != 0) {
    const git_error* e = git_error_last();
    *err = "cannot read git HEAD of \"" + path + "\"" + (e && e->message ? std::string(": ") + e->message : "");
    return false;
  }
  char sha[GIT_OID_HEXSZ + 1];
  git_oid_tostr(sha, sizeof sha, &oid);
  out->commit = sha;
  if (git_repository_is_bare(repo.get())) return true;
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;  // untracked files are not part of the build
  git_status_list* raw_list = nullptr;
  if (git_status_list_new(&raw_list, repo.get(), &opts) != 0) return true;  // unknown: not claimed dirty
  std::unique_ptr<git_status_list, StatusFree> list(raw_list);
  out->dirty = git_status_list_entrycount(list.get()) > 0;
  return true;
}

namespace {

std::string excludes_file_path(const std::string& root) {
  start_libgit2();
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::weakly_canonical(std::filesystem::absolute(root, ec), ec);
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, abs.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) return "";
  std::unique_ptr<git_repository, RepositoryFree> repo(raw);
  if (git_repository_is_bare(repo.get())) return "";
  git_config* raw_config = nullptr;
  if (git_repository_config_snapshot(&raw_config, repo.get()) == 0) {
    std::unique_ptr<git_config, ConfigFree> config(raw_config);
    git_buf buf = GIT_BUF_INIT;
    if (git_config_get_path(&buf, config.get(), "core.excludesFile") == 0) {
      std::string path(buf.ptr, buf.size);
      git_buf_dispose(&buf);
      return path;
    }
  }
  // git's default when core.excludesFile is not set.
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/git/ignore";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.config/git/ignore";
  return "";
}

}  // namespace

std::string git_excludes_rules(const std::string& root) {
  std::string path = excludes_file_path(root);
  if (path.empty()) return "";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "";
  auto size = std::filesystem::file_size(path, ec);
  if (ec || size > (1u << 20)) return "";
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text;
}

}  // namespace schemagate::source
