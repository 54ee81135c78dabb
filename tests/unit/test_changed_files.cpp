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
#include "analyzers/source/git_index.h"
#include "analyzers/source/git_runtime.h"

#include <git2.h>
#include <iterator>

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
  // libgit2's start-up parses no certificate, and holds none to trust. Linked with mbedTLS's
  // archive (cmake/static_deps.cmake) the executable exports no such symbol, and every call to
  // it, libgit2's and the one below, binds to the --wrap stub instead.
  void* bound = ::dlsym(RTLD_DEFAULT, "mbedtls_x509_crt_parse_file");
  CHECK((bound == nullptr || bound == reinterpret_cast<void*>(&mbedtls_x509_crt_parse_file)));
  schemagate::source::start_libgit2();
  schemagate::source::start_libgit2();  // once per process; a second call does nothing
  int chain[64] = {};
  CHECK(mbedtls_x509_crt_parse_file(chain, "/etc/ssl/certs/ca-certificates.crt") == 0);
  CHECK(std::all_of(std::begin(chain), std::end(chain), [](int v) { return v == 0; }));
}

// The index's answer (stat data, cache-tree) against libgit2's diff of the same repository, on
// each git state a pre-commit hook meets: both must list the same files and the same deletions,
// and the index must have answered unless the state is one it hands to the diff.
namespace {

struct BothWays {
  std::vector<std::string> files, deleted;
  schemagate::source::ChangedSinceTrace trace;
};

BothWays both_ways(const fs::path& path, const std::string& ref, bool index_answers = true) {
  BothWays fast, diff;
  std::string err;
  REQUIRE_MESSAGE(changed_since(path.string(), ref, &fast.files, &err, &fast.deleted, &fast.trace), err);
  diff.trace.force_diff = true;
  REQUIRE_MESSAGE(changed_since(path.string(), ref, &diff.files, &err, &diff.deleted, &diff.trace), err);
  CHECK(diff.trace.used_diff);
  CHECK_MESSAGE(fast.trace.used_diff == !index_answers, fast.trace.why);
  CHECK(fast.files == diff.files);
  // libgit2 lists a nested repository's directory ("other/") as a deletion too; it names no file.
  auto files_only = [](std::vector<std::string> v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](const std::string& p) { return p.ends_with("/"); }), v.end());
    return v;
  };
  CHECK(files_only(fast.deleted) == files_only(diff.deleted));
  return fast;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("the index and libgit2's diff agree: staged, unstaged, untracked, deleted, renamed") {
  ChangedRepo repo;
  for (const char* ref : {"v1", "HEAD"}) {
    BothWays r = both_ways(repo.dir, ref);
    CHECK(has(r.files, "app/db.py"));         // unstaged
    CHECK(has(r.files, "app/staged.py"));     // staged
    CHECK(has(r.files, "app/new.py"));        // untracked
    CHECK(has(r.files, "app/new_name.py"));   // renamed: the new name
    CHECK(has(r.deleted, "app/old_name.py")); // and the old one gone
    CHECK(has(r.deleted, "app/gone.py"));     // deleted
    CHECK_FALSE(has(r.files, "app/keep.py"));
    CHECK_FALSE(has(r.files, "build/out.py"));  // ignored
  }
  both_ways(repo.dir / "app", "v1");
  both_ways(repo.dir / "app/nested", "HEAD");
}

TEST_CASE("the index: a file touched, or changed and changed back, is not listed; a new mode is") {
  ChangedRepo repo;
  REQUIRE(sh(repo.git + "add -A && " + repo.git + "commit -qm v3") == 0);
  write(repo.dir / "app/keep.py", "QUERY = 'SELECT a FROM t'\n");  // the same bytes, a new mtime
  write(repo.dir / "app/db.py", "QUERY = 'SELECT c FROM t'\n");
  write(repo.dir / "app/db.py", "QUERY = 'SELECT b FROM t'\n");    // back to what was committed
  REQUIRE(sh("chmod +x '" + (repo.dir / "lib/store.go").string() + "'") == 0);
  BothWays r = both_ways(repo.dir, "HEAD");
  CHECK(r.files == std::vector<std::string>{"lib/store.go"});
  REQUIRE(sh(repo.git + "config core.filemode false") == 0);
  CHECK(both_ways(repo.dir, "HEAD").files.empty());
}

TEST_CASE("the index: staged, then changed back in the work tree to REF's bytes, is not listed") {
  ChangedRepo repo;
  write(repo.dir / "app/keep.py", "QUERY = 'SELECT z FROM t'\n");
  REQUIRE(sh(repo.git + "add app/keep.py") == 0);
  write(repo.dir / "app/keep.py", "QUERY = 'SELECT a FROM t'\n");
  CHECK_FALSE(has(both_ways(repo.dir, "HEAD").files, "app/keep.py"));
  write(repo.dir / "app/keep.py", "QUERY = 'SELECT y FROM t'\n");  // staged, and changed again
  CHECK(has(both_ways(repo.dir, "HEAD").files, "app/keep.py"));
}

TEST_CASE("the index: a racy file (its stat data the index's, written in the index's instant) is compared by content") {
  ChangedRepo repo;
  REQUIRE(sh(repo.git + "add -A && " + repo.git + "commit -qm v3") == 0);
  // The index records keep.py's stat data with new bytes of the same size, then its id is put
  // back to the committed blob's: the stat data match, the content does not, as when a file is
  // rewritten within the clock's granularity after git recorded it.
  fs::path file = repo.dir / "app/keep.py", index = repo.dir / ".git/index";
  write(file, "QUERY = 'SELECT z FROM t'\n");
  REQUIRE(sh(repo.git + "add app/keep.py") == 0);
  std::string committed = "QUERY = 'SELECT a FROM t'\n", now = "QUERY = 'SELECT z FROM t'\n";
  auto blob_id = [&](const std::string& text) {
    git_oid oid;
    REQUIRE(git_odb_hash(&oid, text.data(), text.size(), GIT_OBJECT_BLOB) == 0);
    return std::string(reinterpret_cast<const char*>(oid.id), 20);
  };
  std::string bytes;
  {
    std::ifstream in(index, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  size_t at = bytes.find(blob_id(now));
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 20, blob_id(committed));
  std::ofstream(index, std::ios::binary | std::ios::trunc) << bytes;
  std::vector<std::string> files, deleted;
  std::string err;
  schemagate::source::ChangedSinceTrace trace;
  // The index written after the file: its stat data are trusted, as git trusts them.
  REQUIRE(sh("touch -d '+2 seconds' '" + index.string() + "'") == 0);
  REQUIRE(changed_since(repo.dir.string(), "HEAD", &files, &err, &deleted, &trace));
  CHECK_FALSE(trace.used_diff);
  CHECK_FALSE(has(files, "app/keep.py"));
  // Written in the same instant as the file: racy, so its bytes decide.
  REQUIRE(sh("touch -r '" + file.string() + "' '" + index.string() + "'") == 0);
  REQUIRE(changed_since(repo.dir.string(), "HEAD", &files, &err, &deleted, &trace));
  CHECK_FALSE(trace.used_diff);
  CHECK(has(files, "app/keep.py"));
}

TEST_CASE("the index: version 4, an untracked file under an ignored directory that holds tracked ones, add -N") {
  ChangedRepo repo;
  REQUIRE(sh(repo.git + "update-index --index-version 4") == 0);
  both_ways(repo.dir, "v1");
  write(repo.dir / "vendor/kept.py", "x = 1\n");
  REQUIRE(sh(repo.git + "add vendor/kept.py && " + repo.git + "commit -qm v3") == 0);
  write(repo.dir / ".gitignore", "*.log\nbuild/\nvendor/\n");
  write(repo.dir / "vendor/new.py", "x = 2\n");
  write(repo.dir / "app/intent.py", "x = 3\n");
  REQUIRE(sh(repo.git + "add -N app/intent.py") == 0);
  BothWays r = both_ways(repo.dir, "HEAD");
  CHECK_FALSE(has(r.files, "vendor/new.py"));
  CHECK(has(r.files, "app/intent.py"));
}

TEST_CASE("the index: submodules and nested repositories are never listed") {
  ChangedRepo repo;
  fs::path sub = repo.dir / "modules/sub";
  write(sub / "q.py", "QUERY = 'SELECT a FROM t'\n");
  std::string subgit = "git -C '" + sub.string() + "' -c user.name=t -c user.email=t@example.com ";
  REQUIRE(sh(subgit + "init -q && " + subgit + "add -A && " + subgit + "commit -qm s") == 0);
  REQUIRE(sh(repo.git + "add modules/sub 2>/dev/null && " + repo.git + "commit -qm with-sub") == 0);  // a gitlink
  write(sub / "q.py", "QUERY = 'SELECT b FROM t'\n");
  write(sub / "new.py", "x = 1\n");
  fs::path nested = repo.dir / "other";
  write(nested / "o.py", "x = 1\n");
  REQUIRE(sh("git -C '" + nested.string() + "' init -q") == 0);
  BothWays r = both_ways(repo.dir, "HEAD");
  for (auto& f : r.files) {
    CHECK(f.rfind("modules/", 0) != 0);
    CHECK(f.rfind("other/", 0) != 0);
  }
}

TEST_CASE("the index: a split or sparse index, an assume-unchanged entry: libgit2's diff answers") {
  SUBCASE("split: libgit2 refuses it too, with the reason") {
    ChangedRepo repo;
    REQUIRE(sh(repo.git + "update-index --split-index") == 0);
    std::vector<std::string> files;
    std::string err;
    schemagate::source::ChangedSinceTrace trace;
    CHECK_FALSE(changed_since(repo.dir.string(), "v1", &files, &err, nullptr, &trace));
    CHECK(trace.used_diff);  // its entries' names are in the shared index: "an index entry without a path"
    CHECK_FALSE(trace.why.empty());
    CHECK(err == "cannot compare the work tree with \"v1\": unsupported mandatory extension: 'link'");
  }
  SUBCASE("sparse checkout") {
    ChangedRepo repo;
    REQUIRE(sh(repo.git + "add -A && " + repo.git + "commit -qm v3 && " + repo.git +
               "sparse-checkout set --no-cone '/app/' '/migrations/'") == 0);
    BothWays r = both_ways(repo.dir, "v1", false);
    CHECK(r.trace.why.find("skip-worktree") != std::string::npos);
  }
  SUBCASE("assume-unchanged") {
    ChangedRepo repo;
    REQUIRE(sh(repo.git + "update-index --assume-unchanged app/keep.py") == 0);
    both_ways(repo.dir, "v1", false);
  }
}

TEST_CASE("the index reader: each entry's path, NUL-terminated, in versions 2 and 4") {
  ChangedRepo repo;
  // Paths that share prefixes of several lengths, which version 4 compresses against the one before.
  write(repo.dir / "app/db_extra.py", "x = 1\n");
  write(repo.dir / "app/d.py", "x = 1\n");
  write(repo.dir / "applications/a.py", "x = 1\n");
  REQUIRE(sh(repo.git + "add -A") == 0);
  // Every file of the work tree but the ignored ones, in git's order (by path, byte by byte).
  const std::vector<std::string> expected = {
      ".gitignore",        "app/added.py",  "app/d.py",          "app/db.py",    "app/db_extra.py",
      "app/keep.py",       "app/later.py",  "app/nested/deep.py", "app/new.py",  "app/new_name.py",
      "app/staged.py",     "applications/a.py", "lib/store.go", "migrations/0001_init.up.sql",
      "migrations/0002_b.up.sql"};
  for (const char* version : {"2", "4"}) {
    CAPTURE(version);
    REQUIRE(sh(repo.git + "update-index --index-version " + version) == 0);
    schemagate::source::GitIndex index;
    std::string why;
    REQUIRE(schemagate::source::read_git_index((repo.dir / ".git/index").string(), &index, &why));
    std::vector<std::string> paths;
    for (auto& e : index.entries) {
      paths.emplace_back(e.path);
      CHECK(e.path.data()[e.path.size()] == '\0');  // lstat(2) takes it as it is
    }
    CHECK(paths == expected);
  }
}

TEST_CASE("the index reader refuses what it does not understand") {
  schemagate::source::GitIndex index;
  std::string why;
  CHECK_FALSE(schemagate::source::parse_git_index("", &index, &why));
  std::string header = std::string("DIRC") + std::string("\0\0\0\5", 4) + std::string(4, '\0') + std::string(20, '\0');
  CHECK_FALSE(schemagate::source::parse_git_index(header, &index, &why));
  CHECK(why == "index version 5");
  // Version 2, one entry claimed, none there.
  std::string truncated = std::string("DIRC") + std::string("\0\0\0\2", 4) + std::string("\0\0\0\1", 4) + std::string(20, '\0');
  CHECK_FALSE(schemagate::source::parse_git_index(truncated, &index, &why));
  // No entry, a required extension.
  std::string ext = std::string("DIRC") + std::string("\0\0\0\2", 4) + std::string(4, '\0') + "sdir" +
                    std::string(4, '\0') + std::string(20, '\0');
  CHECK_FALSE(schemagate::source::parse_git_index(ext, &index, &why));
  CHECK(why == "the index has the extension \"sdir\"");
  std::string optional = std::string("DIRC") + std::string("\0\0\0\2", 4) + std::string(4, '\0') + "UNTR" +
                         std::string(4, '\0') + std::string(20, '\0');
  CHECK(schemagate::source::parse_git_index(optional, &index, &why));
}

TEST_CASE("the directories the question listed are the run's listings, the same as its own") {
  ChangedRepo repo;
  fs::create_symlink("db.py", repo.dir / "app/link.py");             // a link inside the tree
  fs::create_symlink("/etc/hostname", repo.dir / "app/outside.py");  // and one out of it
  REQUIRE(sh("mkfifo '" + (repo.dir / "app/pipe").string() + "'") == 0);
  write(repo.dir / "node_modules/x/index.js", "x\n");                 // untracked, not ignored
  for (std::string root : {repo.dir.string(), (repo.dir / "app").string()}) {
    schemagate::source::RealFileSystem adopted(root), fresh(root);
    std::vector<std::string> files, deleted;
    std::string err;
    schemagate::source::ChangedSinceTrace trace;
    REQUIRE(changed_since(root, "v1", &files, &err, &deleted, &trace, &adopted));
    CHECK_FALSE(trace.used_diff);
    size_t compared = 0;
    for (auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_directory() || entry.is_symlink()) continue;
      std::string rel = fs::relative(entry.path(), root).generic_string();
      if (rel.rfind(".git", 0) == 0) continue;
      std::string dir = schemagate::source::join_path(root, rel);
      std::vector<schemagate::source::DirEntry> a, b;
      std::string ea, eb;
      CHECK(adopted.read_dir(dir, &a, &ea) == fresh.read_dir(dir, &b, &eb));
      REQUIRE(a.size() == b.size());
      for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].is_dir == b[i].is_dir);
        CHECK(a[i].size == b[i].size);
        CHECK(a[i].skip_reason == b[i].skip_reason);
      }
      ++compared;
    }
    CHECK(compared >= 1);  // app/nested under app; app, build, lib, migrations, node_modules, ... under the top
  }
}
