// ListingCache: a directory's names kept from one run to the next, used only while the
// directory's identity (device, inode, mtime, ctime) is unchanged; and `--changed-since` gives
// the same answer with it as without.
#include <doctest/doctest.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "analyzers/source/changed_files.h"
#include "analyzers/source/listing_cache.h"

namespace stdfs = std::filesystem;
using schemagate::source::ListedName;
using schemagate::source::ListingCache;

namespace {

struct Scratch {
  stdfs::path path;
  Scratch() {
    std::string tmpl = (stdfs::temp_directory_path() / "sg-listings-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~Scratch() { stdfs::remove_all(path); }
  void write(const std::string& rel, const std::string& text = "x\n") const {
    stdfs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << text;
  }
};

/// Sets a directory's mtime an hour back (its ctime stays now: the tests keep listings whose
/// ctime is this very second with racy_seconds = -1, and tell changes apart by the mtime).
void age(const stdfs::path& dir) {
  struct timespec times[2];
  ::clock_gettime(CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= 3600;
  times[1] = times[0];
  REQUIRE(::utimensat(AT_FDCWD, dir.c_str(), times, 0) == 0);
}

std::set<std::string> names_of(ListingCache* cache, const stdfs::path& dir) {
  int err = -1;
  const std::vector<ListedName>* names = cache->list(dir.string(), &err);
  REQUIRE_MESSAGE(names, "errno ", err);
  CHECK(err == 0);
  std::set<std::string> out;
  for (auto& n : *names) out.insert(std::string(n.name) + (n.type == DT_DIR ? "/" : ""));
  return out;
}

}  // namespace

TEST_CASE("a kept listing answers while its directory is unchanged; a changed directory is listed again") {
  Scratch tree, cache_dir;
  tree.write("a/one.py");
  tree.write("a/two.py");
  tree.write("b/three.py");
  for (const char* d : {"a", "b", ""}) age(tree.path / d);
  const std::string file = (cache_dir.path / "listings").string();
  {
    ListingCache cache(file, -1);
    CHECK(names_of(&cache, tree.path) == std::set<std::string>{"a/", "b/"});
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"one.py", "two.py"});
    CHECK(names_of(&cache, tree.path / "b") == std::set<std::string>{"three.py"});
    CHECK(cache.listed() == 3);
    CHECK(cache.reused() == 0);
    REQUIRE(cache.save());
  }
  {
    ListingCache cache(file, -1);
    CHECK(names_of(&cache, tree.path) == std::set<std::string>{"a/", "b/"});
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"one.py", "two.py"});
    CHECK(names_of(&cache, tree.path / "b") == std::set<std::string>{"three.py"});
    CHECK(cache.reused() == 3);
    CHECK(cache.listed() == 0);
    REQUIRE(cache.save());
  }
  // A file added, one removed, a directory made: each directory touched is listed again.
  tree.write("a/new.py");
  stdfs::remove(tree.path / "b/three.py");
  stdfs::create_directory(tree.path / "b/sub");
  {
    ListingCache cache(file, -1);
    CHECK(names_of(&cache, tree.path) == std::set<std::string>{"a/", "b/"});
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"new.py", "one.py", "two.py"});
    CHECK(names_of(&cache, tree.path / "b") == std::set<std::string>{"sub/"});
    CHECK(cache.reused() == 1);
    CHECK(cache.listed() == 2);
    REQUIRE(cache.save());
  }
  // A directory replaced by another of the same name.
  stdfs::remove_all(tree.path / "a");
  tree.write("a/other.py");
  {
    ListingCache cache(file, -1);
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"other.py"});
    CHECK(cache.listed() == 1);
  }
  // A directory that cannot be listed any more.
  {
    ListingCache cache(file, -1);
    stdfs::remove_all(tree.path / "b");
    int err = 0;
    CHECK(cache.list((tree.path / "b").string(), &err) == nullptr);
    CHECK(err == ENOENT);
  }
}

TEST_CASE("a directory changed within the racy window is listed but not kept; a damaged file is ignored") {
  Scratch tree, cache_dir;
  tree.write("a/one.py");
  const std::string file = (cache_dir.path / "listings").string();
  {
    ListingCache cache(file);  // 2 seconds: the directory was just made
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"one.py"});
    REQUIRE(cache.save());
  }
  {
    ListingCache cache(file);
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"one.py"});
    CHECK(cache.reused() == 0);
    CHECK(cache.listed() == 1);
  }
  age(tree.path / "a");
  {
    ListingCache cache(file, -1);
    names_of(&cache, tree.path / "a");
    REQUIRE(cache.save());
  }
  // One byte of a name changed: the checksum refuses the file, and the directory is listed.
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  size_t at = bytes.find("one.py");
  REQUIRE(at != std::string::npos);
  bytes[at] = 'x';
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  {
    ListingCache cache(file, -1);
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"one.py"});
    CHECK(cache.reused() == 0);
  }
  // Truncated.
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  {
    ListingCache cache(file, -1);
    CHECK(names_of(&cache, tree.path / "a") == std::set<std::string>{"one.py"});
    CHECK(cache.reused() == 0);
  }
}

TEST_CASE("--changed-since answers the same with kept listings as without: a new untracked file is found") {
  Scratch repo, cache_dir;
  std::string git = "git -C '" + repo.path.string() + "' -c user.name=t -c user.email=t@example.com ";
  repo.write(".gitignore", "*.log\n");
  repo.write("app/db.py", "Q = 'SELECT a FROM t'\n");
  repo.write("app/deep/er/x.py", "Q = 1\n");
  repo.write("migrations/0001.up.sql", "CREATE TABLE t (a int);\n");
  REQUIRE(std::system(("set -e; " + git + "init -q && " + git + "add -A && " + git + "commit -qm v1 >/dev/null 2>&1").c_str()) == 0);
  repo.write("app/untracked.py", "Q = 2\n");
  for (const char* d : {"", "app", "app/deep", "app/deep/er", "migrations"}) age(repo.path / d);
  const std::string file = (cache_dir.path / "listings").string();
  auto ask = [&](ListingCache* cache) {
    std::vector<std::string> files, deleted;
    std::string err;
    REQUIRE_MESSAGE(schemagate::source::changed_since(repo.path.string(), "HEAD", &files, &err, &deleted, nullptr,
                                                      nullptr, cache),
                    err);
    return files;
  };
  {
    ListingCache cache(file, -1);
    CHECK(ask(&cache) == std::vector<std::string>{"app/untracked.py"});
    CHECK(cache.reused() == 0);
    REQUIRE(cache.save());
  }
  {
    ListingCache cache(file, -1);
    CHECK(ask(&cache) == std::vector<std::string>{"app/untracked.py"});
    CHECK(cache.listed() == 0);
    REQUIRE(cache.save());
  }
  repo.write("app/deep/er/y.py", "Q = 3\n");
  repo.write("app/debug.log", "ignored\n");
  {
    ListingCache cache(file, -1);
    std::vector<std::string> want{"app/deep/er/y.py", "app/untracked.py"};
    CHECK(ask(&cache) == want);
    CHECK(ask(nullptr) == want);
    CHECK(cache.listed() == 2);  // app and app/deep/er
  }
}
