// `--changed-since REF`: the files a change touches, as git itself would list them, built on a
// history this test makes with the git CLI: committed after REF, modified, staged, untracked,
// deleted, renamed, ignored, and PATH being a subdirectory.
#include <dlfcn.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analyzers/source/changed_files.h"
#include "analyzers/source/git_runtime.h"

extern "C" int mbedtls_x509_crt_parse_file(void* chain, const char* path);

using schemagate::source::changed_since;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

int sh(const std::string& cmd) { return std::system(("set -e; " + cmd + " >/dev/null 2>&1").c_str()); }

struct ChangedRepo {
  fs::path dir;
  std::string git;
  ChangedRepo() {
    // A fresh directory of its own (mkdtemp): test runs side by side never share one.
    std::string tmpl = (fs::temp_directory_path() / "schemagate-changed-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
    git = "git -C '" + dir.string() + "' -c user.name=t -c user.email=t@example.com ";
    write(dir / ".gitignore", "*.log\nbuild/\n");
    write(dir / "app/db.py", "QUERY = 'SELECT a FROM t'\n");
    write(dir / "app/keep.py", "QUERY = 'SELECT a FROM t'\n");
    write(dir / "app/gone.py", "QUERY = 'SELECT a FROM t'\n");
    write(dir / "app/old_name.py", "QUERY = 'SELECT a FROM t WHERE a = 1'\n");
    write(dir / "app/staged.py", "QUERY = 'SELECT a FROM t'\n");
    write(dir / "app/later.py", "QUERY = 'SELECT a FROM t'\n");
    write(dir / "lib/store.go", "package lib\n");
    write(dir / "migrations/0001_init.up.sql", "CREATE TABLE t (a int);\n");
    REQUIRE(sh(git + "init -q && " + git + "add -A && " + git + "commit -qm v1 && " + git + "tag v1") == 0);
    // committed after v1
    write(dir / "app/later.py", "QUERY = 'SELECT b FROM t'\n");
    REQUIRE(sh(git + "commit -qam v2") == 0);
    // the work tree and the index
    write(dir / "app/db.py", "QUERY = 'SELECT b FROM t'\n");                      // modified, unstaged
    write(dir / "app/staged.py", "QUERY = 'SELECT b FROM t'\n");                  // modified, staged
    write(dir / "app/new.py", "QUERY = 'SELECT b FROM t'\n");                     // untracked
    write(dir / "app/nested/deep.py", "QUERY = 'SELECT b FROM t'\n");             // untracked directory
    write(dir / "app/added.py", "QUERY = 'SELECT b FROM t'\n");                   // added, staged
    write(dir / "app/debug.log", "ignored\n");                                    // ignored
    write(dir / "build/out.py", "ignored\n");                                     // ignored directory
    write(dir / "migrations/0002_b.up.sql", "ALTER TABLE t ADD COLUMN b int;\n");  // untracked
    fs::remove(dir / "app/gone.py");                                              // deleted
    REQUIRE(sh(git + "add app/staged.py app/added.py && " + git + "mv app/old_name.py app/new_name.py") == 0);
  }
  ~ChangedRepo() { fs::remove_all(dir); }
};

std::vector<std::string> changed(const fs::path& path, const std::string& ref) {
  std::vector<std::string> files;
  std::string err;
  bool ok = changed_since(path.string(), ref, &files, &err);
  REQUIRE_MESSAGE(ok, err);
  return files;
}

}  // namespace

TEST_CASE("changed since a tag: committed, modified, staged, untracked and renamed; not deleted or ignored") {
  ChangedRepo repo;
  std::vector<std::string> want = {"app/added.py",  "app/db.py",     "app/later.py",
                                   "app/nested/deep.py", "app/new.py", "app/new_name.py",
                                   "app/staged.py", "migrations/0002_b.up.sql"};
  CHECK(changed(repo.dir, "v1") == want);
}

TEST_CASE("changed since HEAD leaves out what was committed") {
  ChangedRepo repo;
  std::vector<std::string> files = changed(repo.dir, "HEAD");
  CHECK(std::find(files.begin(), files.end(), "app/later.py") == files.end());
  CHECK(std::find(files.begin(), files.end(), "app/db.py") != files.end());
  CHECK(std::find(files.begin(), files.end(), "app/keep.py") == files.end());
}

TEST_CASE("a clean work tree since HEAD has no changed files") {
  ChangedRepo repo;
  REQUIRE(sh(repo.git + "add -A && " + repo.git + "commit -qm v3") == 0);
  CHECK(changed(repo.dir, "HEAD").empty());
  CHECK(changed(repo.dir, "HEAD~1").size() == 7);  // v3 did all but later.py
}

TEST_CASE("a subdirectory PATH gives paths relative to it and nothing outside it") {
  ChangedRepo repo;
  write(repo.dir / "lib/store.go", "package lib // changed\n");
  std::vector<std::string> want = {"added.py", "db.py", "later.py", "nested/deep.py", "new.py", "new_name.py",
                                   "staged.py"};
  CHECK(changed(repo.dir / "app", "v1") == want);
  CHECK(changed(repo.dir / "app/", "v1") == want);
  CHECK(changed(repo.dir / "lib", "v1") == std::vector<std::string>{"store.go"});
  CHECK(changed(repo.dir / "app/nested", "v1") == std::vector<std::string>{"deep.py"});
}

TEST_CASE("a directory whose name is a prefix of another is not confused with it") {
  ChangedRepo repo;
  write(repo.dir / "app2/x.py", "x = 1\n");
  CHECK(changed(repo.dir / "app2", "HEAD") == std::vector<std::string>{"x.py"});
  std::vector<std::string> files = changed(repo.dir / "app", "HEAD");
  CHECK(std::find(files.begin(), files.end(), "x.py") == files.end());
}

TEST_CASE("a file staged and then removed from the work tree is not listed") {
  ChangedRepo repo;
  fs::remove(repo.dir / "app/added.py");
  std::vector<std::string> files = changed(repo.dir, "v1");
  CHECK(std::find(files.begin(), files.end(), "app/added.py") == files.end());
}

TEST_CASE("a change staged and then undone in the work tree is not listed") {
  ChangedRepo repo;
  write(repo.dir / "app/keep.py", "QUERY = 'SELECT b FROM t'\n");
  REQUIRE(sh(repo.git + "add app/keep.py") == 0);
  write(repo.dir / "app/keep.py", "QUERY = 'SELECT a FROM t'\n");
  std::vector<std::string> files = changed(repo.dir, "v1");
  CHECK(std::find(files.begin(), files.end(), "app/keep.py") == files.end());
}

TEST_CASE("unknown ref and non-repository fail with one line") {
  ChangedRepo repo;
  std::vector<std::string> files;
  std::string err;
  CHECK_FALSE(changed_since(repo.dir.string(), "origin/nope", &files, &err));
  CHECK(err == "git revision \"origin/nope\" not found in the repository at \"" + repo.dir.string() + "\"");
  CHECK(err.find('\n') == std::string::npos);
  fs::path outside = fs::temp_directory_path() / "schemagate-changed-not-a-repo";
  fs::create_directories(outside);
  CHECK_FALSE(changed_since(outside.string(), "HEAD", &files, &err));
  CHECK(err == "\"" + outside.string() + "\" is not inside a git repository");
  fs::remove_all(outside);
}

TEST_CASE("libgit2 starts without parsing the system's CA bundle, and reads repositories as before") {
  // The executable's mbedtls_x509_crt_parse_file is the one the process binds (git_runtime.cpp):
  // libgit2's start-up parses no certificate, and holds none to trust.
  void* bound = ::dlsym(RTLD_DEFAULT, "mbedtls_x509_crt_parse_file");
  CHECK(bound == reinterpret_cast<void*>(&mbedtls_x509_crt_parse_file));
  schemagate::source::start_libgit2();
  schemagate::source::start_libgit2();  // once per process; a second call does nothing
  int chain[64] = {};
  CHECK(mbedtls_x509_crt_parse_file(chain, "/etc/ssl/certs/ca-certificates.crt") == 0);
  CHECK(std::all_of(std::begin(chain), std::end(chain), [](int v) { return v == 0; }));
}
