#include "analyzers/source/file_system.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace schemagate::source {
namespace fs = std::filesystem;

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

bool RealFileSystem::read(const std::string& path, std::string* out, std::string* err) const {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (err) *err = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (err) *err = std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return true;
}

std::vector<DirEntry> RealFileSystem::list(const std::string& dir) const {
  std::vector<DirEntry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    bool d = it->is_directory(ec2) && !it->is_symlink(ec2);
    entries.push_back({it->path().filename().string(), d});
  }
  std::sort(entries.begin(), entries.end(), [](auto& x, auto& y) { return x.name < y.name; });
  return entries;
}

bool RealFileSystem::is_dir(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path.empty() ? "." : path, ec);
}

bool RealFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool MemoryFileSystem::read(const std::string& path, std::string* out, std::string* err) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    if (err) *err = "No such file or directory";
    return false;
  }
  *out = it->second;
  return true;
}

std::vector<DirEntry> MemoryFileSystem::list(const std::string& dir) const {
  std::string prefix = (dir.empty() || dir == ".") ? "" : dir + "/";
  std::map<std::string, bool> names;
  for (auto& [path, _] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = path.substr(prefix.size());
    auto slash = rest.find('/');
    if (slash == std::string::npos) names.emplace(rest, false);
    else names[rest.substr(0, slash)] = true;
  }
  std::vector<DirEntry> entries;
  for (auto& [name, d] : names) entries.push_back({name, d});
  return entries;
}

bool MemoryFileSystem::is_dir(const std::string& path) const {
  if (path.empty() || path == ".") return true;
  std::string prefix = path + "/";
  for (auto& [p, _] : files_)
    if (p.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

}  // namespace schemagate::source
