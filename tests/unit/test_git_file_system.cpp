// Reading another revision from git objects: the work tree's changes are invisible, directories
// list like the real file system, bad revisions and non-repositories fail with one line.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analyzers/source/git_file_system.h"

using schemagate::source::GitRevisionFileSystem;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

int sh(const std::string& cmd) { return std::system(("set -e; " + cmd + " >/dev/null 2>&1").c_str()); }

struct TempRepo {
  fs::path dir;
  TempRepo() {
    dir = fs::temp_directory_path() / ("schemagate-git-" + std::to_string(std::rand()));
    fs::create_directories(dir);
    write(dir / "app/db.py", "QUERY = 'SELECT a FROM t'\n");
    write(dir / "migrations/0001_init.up.sql", "CREATE TABLE t (a int);\n");
    std::string git = "git -C '" + dir.string() + "' -c user.name=t -c user.email=t@example.com ";
    REQUIRE(sh(git + "init -q && " + git + "add -A && " + git + "commit -qm v1 && " + git + "tag v1") == 0);
    write(dir / "app/db.py", "QUERY = 'SELECT b FROM t'\n");
    write(dir / "app/new.py", "x = 1\n");
  }
  ~TempRepo() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("a tag's files are read from git objects, not the work tree") {
  TempRepo repo;
  std::string err;
  auto g = GitRevisionFileSystem::open(repo.dir.string(), "v1", &err);
  REQUIRE_MESSAGE(g, err);
  CHECK(g->prefix() == "");
  CHECK(g->commit().size() == 12);
  std::string text;
  REQUIRE(g->read("app/db.py", &text, &err));
  CHECK(text == "QUERY = 'SELECT a FROM t'\n");
  CHECK_FALSE(g->read("app/new.py", &text, &err));
  CHECK(g->is_dir("app"));
  CHECK(g->is_dir("."));
  CHECK(g->is_file("./migrations/0001_init.up.sql"));
  CHECK_FALSE(g->is_file("app"));
  auto entries = g->list("");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].name == "app");
  CHECK(entries[0].is_dir);
  CHECK(entries[1].name == "migrations");
}

TEST_CASE("a subdirectory PATH gives a prefix") {
  TempRepo repo;
  std::string err;
  auto g = GitRevisionFileSystem::open((repo.dir / "app").string(), "HEAD", &err);
  REQUIRE_MESSAGE(g, err);
  CHECK(g->prefix() == "app");
}

TEST_CASE("unknown revision and non-repository fail with one line") {
  TempRepo repo;
  std::string err;
  CHECK_FALSE(GitRevisionFileSystem::open(repo.dir.string(), "v9", &err));
  CHECK(err == "git revision \"v9\" not found in the repository at \"" + repo.dir.string() + "\"");
  fs::path outside = fs::temp_directory_path() / "schemagate-not-a-repo";
  fs::create_directories(outside);
  CHECK_FALSE(GitRevisionFileSystem::open(outside.string(), "HEAD", &err));
  CHECK(err == "\"" + outside.string() + "\" is not inside a git repository");
  fs::remove_all(outside);
}
