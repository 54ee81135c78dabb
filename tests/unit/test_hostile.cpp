// Hostile input (issue 16): a pull request decides what is in the tree, so every way it could
// fool, hang or leak through schemagate has a test here. Special files and permissions are
// created at test time in a temporary directory (git cannot hold a FIFO); where permission bits
// would not stop root (CI runs as root), the failure comes from MemoryFileSystem instead, which
// fails the same way for every user.
#include <doctest/doctest.h>
#include <dirent.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analyzers/config/config.h"
#include "analyzers/pipeline/migration_sets.h"
#include "analyzers/pipeline/pipeline.h"
#include "analyzers/report/renderer.h"
#include "analyzers/report/utf8.h"
#include "analyzers/schema/catalog/catalog_reader.h"
#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/source/discovery.h"
#include "analyzers/sql/placeholders.h"

using namespace schemagate;
namespace stdfs = std::filesystem;

namespace {

/// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  stdfs::path path;
  TempDir() {
    std::string tmpl = (stdfs::temp_directory_path() / "schemagate-hostile-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    stdfs::permissions(path, stdfs::perms::owner_all, stdfs::perm_options::add, ec);
    stdfs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    stdfs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
  std::string str() const { return path.string(); }
};

std::string skipped_text(const std::vector<source::SkippedFile>& skipped) {
  std::string out;
  for (auto& s : skipped) out += s.path + ": " + s.reason + "\n";
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (auto& s : v) out += s + " ";
  return out;
}

/// build_schema + scan_code over `fs` rooted at "proj".
bool scan(const source::FileSystem& fs, pipeline::CodeScan* out, std::string* err,
          std::uintmax_t max_file_size = 4 * 1024 * 1024) {
  pipeline::Options options;
  options.root = "proj";
  options.threads = 1;
  options.max_file_size = max_file_size;
  pipeline::SchemaBuild build;
  if (!pipeline::build_schema(fs, options, &build, err)) return false;
  return pipeline::scan_code(fs, options, build, out, err);
}

}  // namespace

// ---- item 1: only regular files inside the tree are read ----------------------------------

// A listing adopted from another walk of the run (the pre-commit question's) answers reads as a
// listing of read_dir's own: a regular file of a directory inside the tree is read without asking
// where it resolves; a link, or a file of a directory that resolves outside the tree, is still
// refused.
TEST_CASE("reads through an adopted listing: links out of the tree and directories outside it are still refused") {
  TempDir dir, outside;
  dir.write("app/real.py", "db.execute('SELECT id FROM users')\n");
  outside.write("secret.py", "token = 1\n");
  stdfs::create_symlink(outside.path / "secret.py", dir.path / "app/outside.py");
  stdfs::create_symlink("real.py", dir.path / "app/inside.py");
  stdfs::create_symlink(outside.path, dir.path / "linked");

  source::RealFileSystem fs(dir.str());
  auto adopt = [&](const stdfs::path& d, std::vector<std::string> names) {
    std::vector<struct stat> stats(names.size());
    std::vector<source::RealFileSystem::SeenEntry> seen;
    for (size_t i = 0; i < names.size(); ++i) {
      REQUIRE(lstat((d / names[i]).c_str(), &stats[i]) == 0);
      seen.push_back({names[i], static_cast<unsigned char>(S_ISLNK(stats[i].st_mode) ? DT_LNK : DT_REG), &stats[i]});
    }
    fs.adopt_listing(d.string(), seen);
  };
  adopt(dir.path / "app", {"real.py", "outside.py", "inside.py"});
  adopt(dir.path / "linked", {"secret.py"});  // the walk went through the link: its listing is outside

  std::vector<source::DirEntry> entries;
  std::string err, text;
  REQUIRE(fs.read_dir((dir.path / "app").string(), &entries, &err));
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].name == "inside.py");
  CHECK(entries[1].name == "outside.py");
  CHECK(entries[1].skip_reason == "symbolic link to outside the tree");
  CHECK(entries[2].name == "real.py");
  REQUIRE(fs.read((dir.path / "app/real.py").string(), &text, &err));
  CHECK(text == "db.execute('SELECT id FROM users')\n");
  REQUIRE(fs.read((dir.path / "app/inside.py").string(), &text, &err));
  CHECK(text == "db.execute('SELECT id FROM users')\n");
  CHECK_FALSE(fs.read((dir.path / "app/outside.py").string(), &text, &err));
  CHECK(err == "symbolic link to outside the tree");
  CHECK_FALSE(fs.read((dir.path / "linked/secret.py").string(), &text, &err));
  CHECK(err == "symbolic link to outside the tree");
}

// The lstat a walk made of a regular file it listed is that file's identity for the rest of the
// run (the schema cache asks it of every file its build read): a link, a file of a directory
// not listed and a name not listed have none, and are stat'ed by the caller.
TEST_CASE("an adopted listing keeps the identity of each regular file its walk stat'ed") {
  TempDir dir;
  dir.write("app/real.py", "x = 1\n");
  dir.write("other/plain.py", "y = 2\n");
  stdfs::create_symlink("real.py", dir.path / "app/inside.py");
  source::RealFileSystem fs(dir.str());
  struct stat real {}, link {};
  REQUIRE(lstat((dir.path / "app/real.py").c_str(), &real) == 0);
  REQUIRE(lstat((dir.path / "app/inside.py").c_str(), &link) == 0);
  fs.adopt_listing((dir.path / "app").string(), {{"real.py", DT_REG, &real}, {"inside.py", DT_LNK, &link}});

  std::optional<source::FileIdentity> id = fs.seen_identity((dir.path / "app/real.py").string());
  REQUIRE(id);
  CHECK(id->dev == static_cast<uint64_t>(real.st_dev));
  CHECK(id->ino == static_cast<uint64_t>(real.st_ino));
  CHECK(id->size == 6);
  CHECK(id->mtime_ns == static_cast<int64_t>(real.st_mtim.tv_sec) * 1000000000 + real.st_mtim.tv_nsec);
  CHECK(id->ctime_ns == static_cast<int64_t>(real.st_ctim.tv_sec) * 1000000000 + real.st_ctim.tv_nsec);
  CHECK_FALSE(fs.seen_identity((dir.path / "app/inside.py").string()));
  CHECK_FALSE(fs.seen_identity((dir.path / "app/gone.py").string()));
  CHECK_FALSE(fs.seen_identity((dir.path / "other/plain.py").string()));  // its directory not listed yet
  std::vector<source::DirEntry> entries;
  std::string err;
  REQUIRE(fs.read_dir((dir.path / "other").string(), &entries, &err));  // listed by the file system itself
  // Its own listing stats each regular file for its size: that is the identity too.
  struct stat plain {};
  REQUIRE(lstat((dir.path / "other/plain.py").c_str(), &plain) == 0);
  std::optional<source::FileIdentity> own = fs.seen_identity((dir.path / "other/plain.py").string());
  REQUIRE(own);
  CHECK(own->ino == static_cast<uint64_t>(plain.st_ino));
  CHECK(own->size == 6);
  CHECK(own->ctime_ns == static_cast<int64_t>(plain.st_ctim.tv_sec) * 1000000000 + plain.st_ctim.tv_nsec);
}

// A name the listing of its directory does not hold is not there: read() says so without asking
// the disk (the scan looks for a go.mod and a package.json above every package), and a
// directory not listed yet is asked as before. What the listing holds is read from the disk.
TEST_CASE("a read of a name its directory's listing does not hold fails as a missing file does") {
  TempDir dir;
  dir.write("pkg/a.go", "package pkg\n");
  source::RealFileSystem fs(dir.str());
  std::string text, err;
  CHECK_FALSE(fs.read((dir.path / "pkg/go.mod").string(), &text, &err));  // not listed: asked of the disk
  const std::string missing = err;
  CHECK(missing == std::strerror(ENOENT));
  std::vector<source::DirEntry> entries;
  REQUIRE(fs.read_dir((dir.path / "pkg").string(), &entries, &err));
  // Created after the listing: the run answers from the listing it read, as is_file does.
  dir.write("pkg/go.mod", "module example.com/pkg\n");
  err.clear();
  CHECK_FALSE(fs.read((dir.path / "pkg/go.mod").string(), &text, &err));
  CHECK(err == missing);
  CHECK(fs.is_file((dir.path / "pkg/go.mod").string()) == false);
  REQUIRE(fs.read((dir.path / "pkg/a.go").string(), &text, &err));
  CHECK(text == "package pkg\n");
  source::RealFileSystem fresh(dir.str());  // a new run sees it
  REQUIRE(fresh.read((dir.path / "pkg/go.mod").string(), &text, &err));
  CHECK(text == "module example.com/pkg\n");
}

// Whether a listed directory is inside the tree is read from its parents' listings (a real
// directory of a directory inside): a directory reached through a link is not, and neither is
// a real directory below it.
TEST_CASE("a directory is inside the tree by its parents' listings; one under a link out of it is not") {
  TempDir dir, outside;
  dir.write("app/sub/deep.py", "db.execute('SELECT id FROM users')\n");
  outside.write("inner/secret.py", "token = 1\n");
  stdfs::create_symlink(outside.path, dir.path / "linked");

  source::RealFileSystem fs(dir.str());
  std::vector<source::DirEntry> entries;
  std::string err, text;
  for (const stdfs::path& d : {dir.path, dir.path / "app", dir.path / "app/sub", dir.path / "linked", dir.path / "linked/inner"})
    REQUIRE(fs.read_dir(d.string(), &entries, &err));
  REQUIRE(fs.read((dir.path / "app/sub/deep.py").string(), &text, &err));
  CHECK(text == "db.execute('SELECT id FROM users')\n");
  CHECK_FALSE(fs.read((dir.path / "linked/inner/secret.py").string(), &text, &err));
  CHECK(err == "symbolic link to outside the tree");
}

// A file its directory's listing holds as a regular file is opened without following a link and
// read without fstat(2), its buffer sized by the listing: what changed since the listing is
// still read whole, or refused.
TEST_CASE("a listed file changed after its listing: grown and shrunk are read whole; a link, a FIFO or a directory put there are refused") {
  TempDir dir;
  dir.write("app/grows.py", "a = 1\n");
  dir.write("app/shrinks.py", std::string(5000, 'x'));
  dir.write("app/link.py", "b = 1\n");
  dir.write("app/fifo.py", "c = 1\n");
  dir.write("app/dir.py", "d = 1\n");
  dir.write("app/empty.py", "");
  source::RealFileSystem fs(dir.str());
  std::vector<source::DirEntry> entries;
  std::string err, text;
  REQUIRE(fs.read_dir(dir.str(), &entries, &err));
  REQUIRE(fs.read_dir((dir.path / "app").string(), &entries, &err));
  REQUIRE(entries.size() == 6);

  std::string big;
  for (int i = 0; i < 20000; ++i) big += "row_" + std::to_string(i) + " = 'SELECT id FROM users'\n";
  dir.write("app/grows.py", big);
  dir.write("app/shrinks.py", "e = 1\n");
  stdfs::remove(dir.path / "app/link.py");
  stdfs::create_symlink("/dev/zero", dir.path / "app/link.py");
  stdfs::remove(dir.path / "app/fifo.py");
  REQUIRE(mkfifo((dir.path / "app/fifo.py").c_str(), 0600) == 0);
  stdfs::remove(dir.path / "app/dir.py");
  stdfs::create_directory(dir.path / "app/dir.py");

  REQUIRE(fs.read((dir.path / "app/grows.py").string(), &text, &err));
  CHECK(text == big);
  REQUIRE(fs.read((dir.path / "app/shrinks.py").string(), &text, &err));
  CHECK(text == "e = 1\n");
  REQUIRE(fs.read((dir.path / "app/empty.py").string(), &text, &err));
  CHECK(text.empty());
  CHECK_FALSE(fs.read((dir.path / "app/link.py").string(), &text, &err));
  CHECK(err == std::strerror(ELOOP));
  CHECK_FALSE(fs.read((dir.path / "app/fifo.py").string(), &text, &err));
  CHECK(err == "not a regular file (FIFO)");
  CHECK_FALSE(fs.read((dir.path / "app/dir.py").string(), &text, &err));
  CHECK(err == std::strerror(EISDIR));
}

TEST_CASE("a FIFO, a device link and links out of the tree are listed as skipped, never read") {
  TempDir dir;
  dir.write("migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  dir.write("app/ok.py", "db.execute('SELECT id FROM users')\n");
  dir.write("app/real.py", "db.execute('SELECT nope FROM users')\n");
  REQUIRE(mkfifo((dir.path / "app/fifo.py").c_str(), 0600) == 0);
  stdfs::create_symlink("/dev/zero", dir.path / "app/zero.py");
  stdfs::create_symlink("/etc/hostname", dir.path / "app/outside.py");
  stdfs::create_symlink("real.py", dir.path / "app/inside.py");
  stdfs::create_symlink("missing.py", dir.path / "app/dangling.py");
  stdfs::create_symlink(dir.path / "app", dir.path / "loop_dir.py");

  source::RealFileSystem fs(dir.str());
  source::DiscoveryOptions opt;
  std::vector<source::SkippedFile> skipped;
  opt.skipped = &skipped;
  std::vector<std::string> files;
  std::string err;
  REQUIRE(source::discover_files(fs, dir.str(), opt, &files, &err));
  CHECK(joined(files) == "app/inside.py app/ok.py app/real.py migrations/0001_init.sql ");
  CHECK(skipped_text(skipped) ==
        "app/dangling.py: broken symbolic link\n"
        "app/fifo.py: not a regular file (FIFO)\n"
        "app/outside.py: symbolic link to outside the tree\n"
        "app/zero.py: symbolic link to outside the tree\n"
        "loop_dir.py: symbolic link to a directory (not followed)\n");

  // read() itself refuses, whoever calls it: no hang on the FIFO, no endless /dev/zero.
  std::string text;
  CHECK_FALSE(fs.read((dir.path / "app/fifo.py").string(), &text, &err));
  CHECK(err == "not a regular file (FIFO)");
  CHECK_FALSE(fs.read((dir.path / "app/zero.py").string(), &text, &err));
  CHECK(err == "symbolic link to outside the tree");
  source::RealFileSystem unconfined;
  CHECK_FALSE(unconfined.read("/dev/zero", &text, &err));
  CHECK(err == "not a regular file (character device)");
  REQUIRE(fs.read((dir.path / "app/inside.py").string(), &text, &err));
  CHECK(text == "db.execute('SELECT nope FROM users')\n");

  // The whole pipeline: the link inside the tree is checked like its target, the rest skipped.
  pipeline::Options options;
  options.root = dir.str();
  options.threads = 1;
  pipeline::SchemaBuild build;
  REQUIRE(pipeline::build_schema(fs, options, &build, &err));
  pipeline::CodeScan scan;
  REQUIRE(pipeline::scan_code(fs, options, build, &scan, &err));
  CHECK(joined(scan.files) == "app/inside.py app/ok.py app/real.py ");
  CHECK(scan.summary.errors == 2);
  CHECK(skipped_text(scan.skipped) ==
        "app/dangling.py: broken symbolic link\n"
        "app/fifo.py: not a regular file (FIFO)\n"
        "app/outside.py: symbolic link to outside the tree\n"
        "app/zero.py: symbolic link to outside the tree\n"
        "loop_dir.py: symbolic link to a directory (not followed)\n");
}

TEST_CASE("a migration that is a FIFO or a link out of the tree fails closed, naming it") {
  TempDir dir;
  dir.write("migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  REQUIRE(mkfifo((dir.path / "migrations/0002_more.sql").c_str(), 0600) == 0);
  source::RealFileSystem fs(dir.str());
  pipeline::Options options;
  options.root = dir.str();
  pipeline::SchemaBuild build;
  std::string err;
  CHECK_FALSE(pipeline::build_schema(fs, options, &build, &err));
  CHECK(err == "migrations/0002_more.sql: cannot read: not a regular file (FIFO)");

  TempDir dir2;
  dir2.write("migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  stdfs::create_symlink("/etc/passwd", dir2.path / "migrations/0002_passwd.sql");
  source::RealFileSystem fs2(dir2.str());
  options.root = dir2.str();
  CHECK_FALSE(pipeline::build_schema(fs2, options, &build, &err));
  CHECK(err == "migrations/0002_passwd.sql: cannot read: symbolic link to outside the tree");
}

TEST_CASE("files over the size limit are skipped and listed") {
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  fs.add("proj/app/small.py", "db.execute('SELECT id FROM users')\n");
  fs.add("proj/app/big.py", "db.execute('SELECT nope FROM users')\n" + std::string(200, '#') + "\n");
  pipeline::CodeScan out;
  std::string err;
  REQUIRE(scan(fs, &out, &err, 100));
  CHECK(joined(out.files) == "app/small.py ");
  CHECK(skipped_text(out.skipped) == "app/big.py: larger than 100 bytes (--max-file-size)\n");
  CHECK(out.summary.errors == 0);
  pipeline::CodeScan all;
  REQUIRE(scan(fs, &all, &err, 0));  // 0: no limit
  CHECK(all.summary.errors == 1);
}

// ---- item 2: unreadable directories and files fail closed ------------------------------------

TEST_CASE("a directory that cannot be listed stops the scan, naming it") {
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  fs.add("proj/app/ok.py", "db.execute('SELECT id FROM users')\n");
  fs.add("proj/app/secret/x.py", "db.execute('SELECT nope FROM users')\n");
  fs.add_unreadable("proj/app/secret", "Permission denied");
  pipeline::CodeScan out;
  std::string err;
  CHECK_FALSE(scan(fs, &out, &err));
  CHECK(err == "app/secret: cannot list directory: Permission denied");
}

TEST_CASE("a code file that cannot be read stops the scan, naming it") {
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  fs.add("proj/app/a.py", "db.execute('SELECT id FROM users')\n");
  fs.add_unreadable("proj/app/b.py", "Permission denied");
  pipeline::CodeScan out;
  std::string err;
  CHECK_FALSE(scan(fs, &out, &err));
  CHECK(err == "app/b.py: cannot read: Permission denied");
}

TEST_CASE("an unreadable migrations directory or file is exit 2, not a false finding") {
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  fs.add("proj/migrations/0002_more.sql", "ALTER TABLE users ADD COLUMN email text;\n");
  fs.add("proj/app/a.py", "db.execute('SELECT email FROM users')\n");
  fs.add_unreadable("proj/migrations", "Permission denied");
  pipeline::Options options;
  options.root = "proj";
  pipeline::SchemaBuild build;
  std::string err;
  CHECK_FALSE(pipeline::build_schema(fs, options, &build, &err));
  CHECK(err == "migrations: cannot list directory: Permission denied");

  source::MemoryFileSystem fs2;
  fs2.add("proj/migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  fs2.add_unreadable("proj/migrations/0002_more.sql", "Permission denied");
  CHECK_FALSE(pipeline::build_schema(fs2, options, &build, &err));
  CHECK(err == "migrations/0002_more.sql: Permission denied");
}

TEST_CASE("a .gitignore that cannot be read stops the scan") {
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  fs.add("proj/app/a.py", "");
  fs.add("proj/app/.gitignore", "*.py\n");
  fs.add_unreadable("proj/app/.gitignore", "Input/output error");
  pipeline::CodeScan out;
  std::string err;
  CHECK_FALSE(scan(fs, &out, &err));
  CHECK(err == "app/.gitignore: cannot read: Input/output error");
}

TEST_CASE("permission bits on a real directory (not meaningful as root, where reads succeed)") {
  if (geteuid() == 0) {
    MESSAGE("skipped: running as root, permission bits do not stop reads; MemoryFileSystem tests cover this");
    return;
  }
  TempDir dir;
  dir.write("app/secret/x.py", "");
  stdfs::permissions(dir.path / "app/secret", stdfs::perms::none);
  source::RealFileSystem fs(dir.str());
  std::vector<std::string> files;
  std::string err;
  CHECK_FALSE(source::discover_files(fs, dir.str(), {}, &files, &err));
  CHECK(err == "app/secret: cannot list directory: Permission denied");
}

TEST_CASE("a path too long to list stops the scan, also as root") {
  TempDir dir;
  // Nested directories whose full path exceeds PATH_MAX (4096): listing fails with ENAMETOOLONG.
  std::string component(200, 'd');
  stdfs::path cwd = stdfs::current_path();
  stdfs::current_path(dir.path);
  std::string rel;
  for (int i = 0; i < 25; ++i) {
    REQUIRE(mkdir(component.c_str(), 0700) == 0);
    REQUIRE(chdir(component.c_str()) == 0);
    rel += (rel.empty() ? "" : "/") + component;
  }
  { std::ofstream("x.py") << "\n"; }
  stdfs::current_path(cwd);
  source::RealFileSystem fs(dir.str());
  std::vector<std::string> files;
  std::string err;
  bool ok = source::discover_files(fs, dir.str(), {}, &files, &err);
  // Remove the deep tree from the inside out (remove_all cannot either).
  stdfs::current_path(dir.path);
  for (int i = 0; i < 24; ++i) REQUIRE(chdir(component.c_str()) == 0);
  std::remove((component + "/x.py").c_str());
  for (int i = 0; i < 25; ++i) {
    rmdir(component.c_str());
    if (chdir("..") != 0) break;
  }
  stdfs::current_path(cwd);
  CHECK_FALSE(ok);
  CHECK(err.find(": cannot list directory: File name too long") != std::string::npos);
  CHECK(err.rfind(component + "/", 0) == 0);
}

// ---- item 3: the minified skip is for JavaScript only, and says so --------------------------

TEST_CASE("long first lines skip only JavaScript; the reason is listed") {
  std::string long_line = "x = '" + std::string(3000, 'a') + "'\n";
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/0001_init.sql", "CREATE TABLE users (id int);\n");
  fs.add("proj/app/long.py", long_line + long_line + "db.execute('SELECT nope FROM users')\n");
  fs.add("proj/web/long.js", long_line + long_line + "db.query('SELECT nope FROM users')\n");
  fs.add("proj/web/app.min.js", "db.query('SELECT nope FROM users')\n");
  fs.add("proj/gen/models.py", "# @generated\ndb.execute('SELECT nope FROM users')\n");
  pipeline::CodeScan out;
  std::string err;
  REQUIRE(scan(fs, &out, &err));
  CHECK(joined(out.files) == "app/long.py ");
  CHECK(out.summary.errors == 1);
  CHECK(skipped_text(out.skipped) ==
        "gen/models.py: generated (marked @generated, DO NOT EDIT or auto generated)\n"
        "web/app.min.js: minified or bundled JavaScript (by its name)\n"
        "web/long.js: minified JavaScript (long first lines)\n");
}

// ---- item 4: migration replay is linear ------------------------------------------------------

namespace {
/// `n` tables, each created, altered and renamed: the shape that was quadratic.
std::string tables_with_alters(int n) {
  std::string sql;
  for (int i = 0; i < n; ++i) {
    sql += "CREATE TABLE t" + std::to_string(i) + " (id int);\n";
    sql += "ALTER TABLE t" + std::to_string(i) + " ADD COLUMN c text;\n";
    sql += "ALTER TABLE t" + std::to_string(i) + " RENAME TO u" + std::to_string(i) + ";\n";
  }
  return sql;
}

/// Processor time of one replay (not wall time: a loaded CI machine does not change it much).
double replay_cpu_seconds(const std::string& sql, schema::Schema* s) {
  schema::MigrationError err;
  std::clock_t start = std::clock();
  bool ok = schema::apply_sql(*s, "dump.sql", sql, {"public"}, nullptr, &err);
  double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  return ok ? seconds : -1;
}
}  // namespace

TEST_CASE("twenty thousand tables with ALTERs replay in linear time") {
  // Four times the statements must cost about four times the processor time, not sixteen
  // (quadratic replay took 73 s for 20000 tables on the machine; linear, about 2 s).
  // A ratio of the same process's cpu time holds on a slow or loaded machine and under ASan.
  schema::Schema small, large;
  double t_small = replay_cpu_seconds(tables_with_alters(5000), &small);
  double t_large = replay_cpu_seconds(tables_with_alters(20000), &large);
  REQUIRE(t_small >= 0);
  REQUIRE(t_large >= 0);
  CHECK(large.relations().size() == 20000);
  CHECK(large.find("public", "u19999")->find_column("c") != nullptr);
  CHECK(t_large < 8 * std::max(t_small, 0.01));
}

TEST_CASE("statement-by-statement replay keeps error positions and psql variables") {
  schema::Schema s;
  schema::MigrationError err;
  CHECK_FALSE(schema::apply_sql(s, "m.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int;\nCREATE TABLE c (id int);\n",
                                {"public"}, nullptr, &err));
  report::Locator places;
  places.add("m.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int;\nCREATE TABLE c (id int);\n");
  CHECK(places.position(err.file, err.offset).line == 2);
  CHECK(places.position(err.file, err.offset).column == 23);
  CHECK(err.message == "syntax error at or near \";\"");
  schema::Schema v;
  REQUIRE(schema::apply_sql(v, "m.sql", "CREATE TABLE a (id int);\nGRANT SELECT ON a TO :role;\nCREATE TABLE b (id int);\n",
                            {"public"}, nullptr, &err));
  CHECK(v.find("public", "b") != nullptr);
  // A BEGIN ATOMIC body holds semicolons the scanner splits at: parsed with what follows.
  schema::Schema f;
  REQUIRE(schema::apply_sql(f, "m.sql",
                            "CREATE TABLE a (id int);\nCREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC "
                            "SELECT 1; END;\nCREATE TABLE b (x int);\n",
                            {"public"}, nullptr, &err));
  CHECK(f.find("public", "b") != nullptr);
}

// ---- item 5: names that are not UTF-8 ---------------------------------------------------------

TEST_CASE("invalid UTF-8 becomes U+FFFD; valid text is unchanged") {
  CHECK(report::to_valid_utf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(report::to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // overlong '/'
  CHECK(report::to_valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(report::to_valid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // truncated
  CHECK(report::to_valid_utf8("çé 日本 \xF0\x9F\x98\x80") == "çé 日本 \xF0\x9F\x98\x80");
}

TEST_CASE("every renderer copes with a file name that is not UTF-8") {
  report::Diagnostic d;
  d.rule = "missing-column";
  d.severity = report::Severity::Error;
  d.message = "column \"x\" does not exist";
  d.file = "app/bad\xff\xfename.py";
  d.line = 1;
  d.column = 1;
  report::RenderOptions o;
  o.files = {d.file};
  for (auto& r : report::renderers()) {
    CAPTURE(r.format);
    std::string out;
    CHECK_NOTHROW(out = r.render({d}, report::Summary{}, o));
    if (r.format == "json" || r.format == "sarif" || r.format == "gitlab") {
      auto j = nlohmann::json::parse(out, nullptr, false);
      CHECK_FALSE(j.is_discarded());
      // SARIF's URIs percent-encode the bytes, so the name survives; the others show U+FFFD.
      CHECK(out.find(r.format == "sarif" ? "app/bad%FF%FEname.py" : "app/bad\xEF\xBF\xBD\xEF\xBF\xBDname.py") !=
            std::string::npos);
    }
    if (r.format == "github") CHECK(out.find("file=app/bad\xEF\xBF\xBD\xEF\xBF\xBDname.py") != std::string::npos);
    if (r.format == "junit") {
      CHECK(report::to_valid_utf8(out) == out);
      CHECK(out.find("app/bad\xEF\xBF\xBD\xEF\xBF\xBDname.py") != std::string::npos);
    }
  }
}

// ---- item 6: migrations PostgreSQL or the tool would reject ----------------------------------

TEST_CASE("an ALTER of a table an earlier migration dropped is a statement PostgreSQL rejects") {
  schema::Schema s;
  schema::MigrationError err;
  std::vector<schema::DdlNote> notes;
  REQUIRE(schema::apply_sql(s, "migrations/0001.sql", "CREATE TABLE users (id int);\n", {"public"}, nullptr, &err));
  REQUIRE(schema::apply_sql(s, "migrations/0002.sql", "DROP TABLE users;\n", {"public"}, nullptr, &err));
  REQUIRE(schema::apply_sql(s, "migrations/0003.sql", "\n  ALTER TABLE users ADD COLUMN email text;\n", {"public"}, &notes,
                            &err));
  REQUIRE(notes.size() == 2);  // the failing statement, then the adoption of the unknown table
  CHECK(notes[0].fails);
  CHECK(notes[0].sqlstate == "42P01");
  CHECK(notes[0].origin.file == "migrations/0003.sql");
  CHECK(notes[0].origin.offset == 3u);  // line 2, past the blanks
  CHECK(notes[0].message ==
        "ALTER TABLE of relation \"public.users\", which does not exist at this point (SQLSTATE 42P01): migration "
        "migrations/0002.sql drops it");
  // IF EXISTS, or a table created again, is fine; a table no migration ever created is adopted.
  notes.clear();
  REQUIRE(schema::apply_sql(s, "m.sql", "ALTER TABLE IF EXISTS users ADD COLUMN email text;\n", {"public"}, &notes, &err));
  REQUIRE(schema::apply_sql(s, "m.sql", "ALTER TABLE legacy ADD COLUMN email text;\n", {"public"}, &notes, &err));
  REQUIRE(schema::apply_sql(s, "m.sql", "CREATE TABLE users (id int);\nALTER TABLE users ADD COLUMN email text;\n",
                            {"public"}, &notes, &err));
  for (auto& n : notes) CHECK_FALSE(n.fails);
}

TEST_CASE("two golang-migrate files with one version are refused, as golang-migrate does") {
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/1_init.up.sql", "CREATE TABLE users (id int);\n");
  fs.add("proj/migrations/1_init.down.sql", "DROP TABLE users;\n");
  fs.add("proj/migrations/2_a.up.sql", "ALTER TABLE users ADD COLUMN a text;\n");
  fs.add("proj/migrations/02_b.up.sql", "ALTER TABLE users ADD COLUMN b text;\n");
  pipeline::Options options;
  options.root = "proj";
  pipeline::SchemaBuild build;
  std::string err;
  CHECK_FALSE(pipeline::build_schema(fs, options, &build, &err));
  CHECK(err == "migrations/2_a.up.sql: duplicate migration version 2 (also migrations/02_b.up.sql); golang-migrate "
               "refuses to run them: renumber one");
}

// ---- item 7: huge placeholder numbers ----------------------------------------------------------

TEST_CASE("a $99999999999 placeholder neither overflows nor hides the statement") {
  sql::SqlText text;
  text.append_verbatim("INSERT INTO t (a, b) VALUES ($99999999999, %s)", 0);
  auto norm = sql::normalize_placeholders(text);
  CHECK(norm.unchecked_reason.empty());
  CHECK(norm.sql.text == "INSERT INTO t (a, b) VALUES ($99999999999, $100000000000)");
  sql::SqlText huge;
  huge.append_verbatim("SELECT $99999999999999999999999999 + ?", 0);
  CHECK(sql::normalize_placeholders(huge).sql.text == "SELECT $99999999999999999999999999 + $1000000000000000001");

  source::MemoryFileSystem fs;
  fs.add("proj/migrations/0001_init.sql", "CREATE TABLE t (a int);\n");
  fs.add("proj/app/a.py", "db.execute('INSERT INTO t (a, nope) VALUES ($99999999999, %s)', x)\n");
  pipeline::CodeScan out;
  std::string err;
  REQUIRE(scan(fs, &out, &err));
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].rule == "missing-column");
  CHECK(out.diagnostics[0].column_name == "nope");
}

// ---- item 8: globs in linear time, escapes, .git/info/exclude --------------------------------

TEST_CASE("a pathological glob does not hang; matching is unchanged") {
  std::string name(5000, 'a');
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(source::glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b", name));
  CHECK_FALSE(source::glob_match("**/**/**/**/**/**/**/**/x", name + "/" + name + "/y"));
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 5);
  CHECK(source::glob_match("*a*a*b", "xaxab"));
  CHECK(source::glob_match("a/**", "a/b/c"));
  CHECK(source::glob_match("a/**", "a/"));
  CHECK(source::glob_match("**/x.py", "x.py"));
  CHECK(source::glob_match("**/x.py", "a/b/x.py"));
  CHECK_FALSE(source::glob_match("**/x.py", "a/bx.py"));
  CHECK(source::glob_match("a/**/b", "a/b"));
  CHECK(source::glob_match("a/**/b", "a/x/y/b"));
  CHECK_FALSE(source::glob_match("a/*/b", "a/x/y/b"));
  CHECK(source::glob_match("\\*.py", "*.py"));
  CHECK_FALSE(source::glob_match("\\*.py", "x.py"));
  CHECK(source::glob_match("[!a]*.py", "b.py"));
  CHECK_FALSE(source::glob_match("[!a]*.py", "a.py"));
  CHECK(source::glob_match("[a", "[a"));
}

TEST_CASE(".git/info/exclude, escaped and pathological .gitignore patterns") {
  source::MemoryFileSystem fs;
  fs.add("proj/.git/info/exclude", "local.py\n");
  fs.add("proj/.gitignore", "\\#notes.py\n\\!bang.py\n*a*a*a*a*a*a*a*a*a*a*a*a*b\n");
  fs.add("proj/local.py", "");
  fs.add("proj/#notes.py", "");
  fs.add("proj/!bang.py", "");
  fs.add("proj/" + std::string(200, 'a') + ".py", "");
  fs.add("proj/kept.py", "");
  std::vector<std::string> files;
  std::string err;
  auto start = std::chrono::steady_clock::now();
  REQUIRE(source::discover_files(fs, "proj", {}, &files, &err));
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 5);
  CHECK(joined(files) == std::string(200, 'a') + ".py kept.py ");
}

TEST_CASE("the user's core.excludesFile applies first; .git/info/exclude and .gitignore override it") {
  source::MemoryFileSystem fs;
  fs.add("proj/.git/info/exclude", "!kept_by_exclude.py\n");
  fs.add("proj/.gitignore", "!kept_by_gitignore.py\n");
  fs.add("proj/scratch.py", "");
  fs.add("proj/kept_by_exclude.py", "");
  fs.add("proj/kept_by_gitignore.py", "");
  fs.add("proj/app.py", "");
  source::DiscoveryOptions opt;
  opt.excludes_rules = "scratch.py\nkept_*.py\n";
  std::vector<std::string> files;
  std::string err;
  REQUIRE(source::discover_files(fs, "proj", opt, &files, &err));
  CHECK(joined(files) == "app.py kept_by_exclude.py kept_by_gitignore.py ");
}

// ---- item 9: nothing of the URL but host, port, database and user is printed ------------------

TEST_CASE("a connection string libpq cannot parse is rejected without echoing it") {
  for (std::string url : {"host=127.0.0.1 password=Hunter2 Secret99", "Hunter2Secret99", "postgres://u:Hunter2@[::1"}) {
    CAPTURE(url);
    schema::catalog::PostgresCatalogReader reader(url, {});
    schema::catalog::CatalogSnapshot snap;
    std::string err;
    CHECK_FALSE(reader.read(&snap, &err));
    CHECK(err ==
          "cannot connect to the database: the database URL is not a valid connection string (its text is not "
          "printed: it may hold a password); give a postgres://user@host:port/db URL or key=value pairs, quoting "
          "values with blanks as 'a b'");
  }
}

TEST_CASE("connection errors keep host, port, database and user, and hide every other value") {
  // sslmode=Secret99 is invalid: libpq echoes the value, which must not be printed.
  schema::catalog::PostgresCatalogReader reader("host=127.0.0.1 port=1 user=alice dbname=app sslmode=Secret99", {});
  schema::catalog::CatalogSnapshot snap;
  std::string err;
  CHECK_FALSE(reader.read(&snap, &err));
  CHECK(err.find("Secret99") == std::string::npos);
  CHECK(err.rfind("cannot connect to the database: ", 0) == 0);
}

// ---- item 10: tracking-table rows the tool would never write ---------------------------------

TEST_CASE("tracking rows the tool never writes are exit 2 naming the table and the row") {
  using schema::catalog::TextRow;
  auto parse_err = [](const std::string& format, const std::vector<TextRow>& rows) {
    schema::catalog::TrackingTable table;
    std::string err;
    CHECK_FALSE(schema::catalog::parse_tracking_rows({format, "public", "schema_migrations", ""}, rows, &table, &err));
    return err;
  };
  CHECK(parse_err("golang-migrate", {{"3", "false"}, {"4", "false"}}) ==
        "reading public.schema_migrations: row 2 ('4', 'false'): golang-migrate keeps exactly one row, found 2; the "
        "golang-migrate tracking table holds rows the tool does not write: repair it before checking");
  CHECK(parse_err("golang-migrate", {{"3", "maybe"}}) ==
        "reading public.schema_migrations: row 1 ('3', 'maybe'): dirty is not a boolean; the golang-migrate tracking "
        "table holds rows the tool does not write: repair it before checking");
  CHECK(parse_err("golang-migrate", {{"-5", "false"}}).find("row 1 ('-5', 'false'): version is not a non-negative integer") !=
        std::string::npos);
  CHECK(parse_err("golang-migrate", {{std::nullopt, std::nullopt}}).find("row 1 (NULL, NULL): dirty is not a boolean") !=
        std::string::npos);
  CHECK(parse_err("golang-migrate", {{"99999999999999999999999", "false"}}).find("version is not a non-negative integer") !=
        std::string::npos);
  CHECK(parse_err("dbmate", {{"1"}, {std::nullopt}}).find("row 2 (NULL): version is not a string of digits") !=
        std::string::npos);
  CHECK(parse_err("goose", {{"1", "yes"}}).find("row 1 ('1', 'yes'): is_applied is not a boolean") != std::string::npos);
  CHECK(parse_err("sqlx", {{"1", "d", std::nullopt}}).find("success is not a boolean") != std::string::npos);
  CHECK(parse_err("prisma", {{std::nullopt, "true", "false"}}).find("the migration name is empty or NULL") !=
        std::string::npos);
  // What golang-migrate does write: one row, and -1 only when dirty.
  schema::catalog::TrackingTable table;
  std::string err;
  CHECK(schema::catalog::parse_tracking_rows({"golang-migrate", "public", "schema_migrations", ""}, {{"-1", "true"}},
                                             &table, &err));
  CHECK(schema::catalog::parse_tracking_rows({"golang-migrate", "public", "schema_migrations", ""}, {{"20240101", "false"}},
                                             &table, &err));
}

// ---- found by the fuzzers ---------------------------------------------------------------------

TEST_CASE("fuzz_config: a control character in schemagate.yaml is an error at its position, not a hang") {
  config::KnownNames known{{"missing-column"}, {"golang-migrate"}, {"python"}};
  config::Config cfg;
  std::string err;
  CHECK_FALSE(config::load_config(std::string("\0,%n:\xffi\x12\xff", 9), "schemagate.yaml", known, &cfg, &err));
  CHECK(err == "schemagate.yaml:1:1: not valid YAML: control character 0x00");
  CHECK_FALSE(config::load_config("rules:\n  missing-column: off\x07\n", "schemagate.yaml", known, &cfg, &err));
  CHECK(err == "schemagate.yaml:2:22: not valid YAML: control character 0x07");
}

TEST_CASE("fuzz_config: a ',' outside a flow collection and outside a plain scalar is an error, not a hang") {
  config::KnownNames known{{"missing-column"}, {"golang-migrate"}, {"python"}};
  for (const auto& c : std::vector<std::pair<std::string, std::string>>{
           {",", "1:1"}, {"\n# c\n ,", "3:2"}, {",a", "1:1"}, {"a: 1\n---\n,", "3:1"}, {"--- ,", "1:5"}, {"...\n,", "2:1"},
           {"&&,", "1:3"}, {"&a ,", "1:4"}, {"!t &a ,", "1:7"},
           // yaml-cpp looped on a comma after a quoted scalar too (the fuzzer's "\"\",1 \r\r...")
           {"\"\",1 \r\r\r", "1:3"}, {"\"\",1 \n", "1:3"}, {"search_path: [a], b\n", "1:17"},
           {"exclude: 'x' ,y\n", "1:14"}, {"rules:\n  missing-column: ,\n", "2:19"}}) {
    const std::string& text = c.first;  // not a structured binding: clang's CAPTURE cannot take one
    const std::string& where = c.second;
    CAPTURE(text);
    config::Config cfg;
    std::string err;
    CHECK_FALSE(config::load_config(text, "schemagate.yaml", known, &cfg, &err));
    CHECK(err == "schemagate.yaml:" + where + ": not valid YAML: ',' outside a flow collection ([a, b] or {a: 1, b: 2})");
  }
  // Commas YAML allows: in flow collections, plain and quoted scalars, comments, block scalars.
  for (const std::string text : {"search_path: [a, b]\n# x, y\n", "exclude: [\"a,b\", 'c,''d']\n",
                                  "exclude:\n  - a, b\n  - \"c\" # d, e\n", "deployed_ref: main,x\n",
                                  "deployed_ref: |\n  , first\n  second, x\nflyway_table: t\n",
                                  "template_values: {'index .Options \"A\"': 'x, y'}\n"}) {
    CAPTURE(text);
    config::Config cfg;
    std::string err;
    CHECK(config::load_config(text, "schemagate.yaml", known, &cfg, &err));
  }
}

TEST_CASE("fuzz_glob: a listing that names an empty entry does not recurse forever") {
  source::MemoryFileSystem fs;
  fs.add("p//", "");  // the fuzzer's path "/" under the root: an entry with an empty name
  fs.add("p/a.py", "");
  std::vector<std::string> files;
  std::string err;
  REQUIRE(source::discover_files(fs, "p", {}, &files, &err));
  CHECK(joined(files) == "a.py ");
}

// ---- the real file system's listing: d_type first, a stat only where needed, once per run ----

TEST_CASE("RealFileSystem lists kinds, sizes and special files from one readdir, each directory once") {
  TempDir dir;
  dir.write("a.py", "12345");
  dir.write("sub/b.go", "");
  REQUIRE(mkfifo((dir.path / "pipe.sql").c_str(), 0600) == 0);
  stdfs::create_symlink("a.py", dir.path / "link.py");
  stdfs::create_symlink("sub", dir.path / "sublink");
  stdfs::create_symlink("nowhere", dir.path / "broken.py");
  stdfs::create_symlink("loop2", dir.path / "loop1");
  stdfs::create_symlink("loop1", dir.path / "loop2");
  source::RealFileSystem fs(dir.str());
  std::vector<source::DirEntry> entries;
  std::string err;
  REQUIRE(fs.read_dir(dir.str(), &entries, &err));
  std::string listed;
  for (auto& e : entries)
    listed += e.name + (e.is_dir ? "/" : "") + " " + std::to_string(e.is_dir ? 0 : e.size) + " " + e.skip_reason + "\n";
  CHECK(listed ==
        "a.py 5 \n"
        "broken.py 0 broken symbolic link\n"
        "link.py 5 \n"
        "loop1 0 symbolic link loop\n"
        "loop2 0 symbolic link loop\n"
        "pipe.sql 0 not a regular file (FIFO)\n"
        "sub/ 0 \n"
        "sublink 0 symbolic link to a directory (not followed)\n");

  // One listing per directory for the file system's life: a file added later is not seen by it
  // (one run sees no change under it), and a fresh file system sees it.
  dir.write("c.py", "");
  REQUIRE(fs.read_dir(dir.str(), &entries, &err));
  CHECK(entries.size() == 8);
  source::RealFileSystem fresh(dir.str());
  REQUIRE(fresh.read_dir(dir.str(), &entries, &err));
  CHECK(entries.size() == 9);

  // is_file / is_dir answer "no" from the parent's listing for a name it does not hold, and
  // still stat what it holds.
  CHECK_FALSE(fs.is_file(dir.str() + "/.gitignore"));
  CHECK_FALSE(fs.is_dir(dir.str() + "/missing"));
  CHECK(fs.is_file(dir.str() + "/a.py"));
  CHECK(fs.is_file(dir.str() + "/link.py"));
  CHECK_FALSE(fs.is_file(dir.str() + "/pipe.sql"));
  CHECK(fs.is_dir(dir.str() + "/sub"));
  CHECK_FALSE(fs.is_dir(dir.str() + "/a.py"));

  // A listing that fails fails the same way every time it is asked.
  CHECK_FALSE(fs.read_dir(dir.str() + "/a.py", &entries, &err));
  CHECK(err == "Not a directory");
  CHECK(entries.empty());
  err.clear();
  CHECK_FALSE(fs.read_dir(dir.str() + "/missing", &entries, &err));
  CHECK(err == "No such file or directory");
  err.clear();
  CHECK_FALSE(fs.read_dir(dir.str() + "/missing", &entries, &err));
  CHECK(err == "No such file or directory");
}

TEST_CASE("RealFileSystem lists a socket as a special file") {
  TempDir dir;
  std::string path = (dir.path / "s.py").string();
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof addr.sun_path) {
    ::close(fd);
    MESSAGE("skipped: the temporary directory's path is too long for a socket");
    return;
  }
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  source::RealFileSystem fs(dir.str());
  std::vector<source::DirEntry> entries;
  std::string err;
  REQUIRE(fs.read_dir(dir.str(), &entries, &err));
  ::close(fd);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].skip_reason == "not a regular file (socket)");
}

// What --changed-since takes for the schema's sources (SchemaBuild::inputs): the migrations and
// every file the build read and used, here the Go configuration that fills a migration's
// template, but not a handler the template search read only to find it holds no option (read
// through a gate; ungated, each of supabase/auth's 238 Go files was an input, and any edit of
// one made a pre-commit run check every file and the schema cache replay).
TEST_CASE("the schema build's inputs: the files it used, not those its gates turned away") {
  source::MemoryFileSystem fs;
  fs.add("proj/migrations/20240101000000_init.up.sql",
         "CREATE SCHEMA IF NOT EXISTS {{ index .Options \"Namespace\" }};\n"
         "CREATE TABLE {{ index .Options \"Namespace\" }}.users (id int);\n");
  fs.add("proj/conf/conf.go", "package conf\n\ntype DB struct {\n\tNamespace string `default:\"auth\"`\n}\n");
  fs.add("proj/cmd/migrate.go", "package cmd\n\nvar opts = map[string]interface{}{\n\t\"Namespace\": cfg.DB.Namespace,\n}\n");
  fs.add("proj/api/handler.go", "package api\n\nfunc Handle() string { return \"ok\" }\n");
  pipeline::Options options;
  options.root = "proj";
  options.threads = 1;
  pipeline::SchemaBuild build;
  std::string err;
  REQUIRE(pipeline::build_schema(fs, options, &build, &err));
  REQUIRE(build.template_values.size() == 1);
  CHECK(build.template_values[0].value == "auth");
  CHECK(build.inputs ==
        std::vector<std::string>{"cmd/migrate.go", "conf/conf.go", "migrations/20240101000000_init.up.sql"});
}

// What --changed-since takes for a change of the schema (every file is then checked): each kind,
// and what is none of them (another engine's dump, a dump not applied, an unrelated file, a
// removed file beside no input of its extension).
TEST_CASE("schema_source_kind: migrations, dumps, files read and used, a removed file beside them") {
  pipeline::SchemaBuild build;
  build.directories.push_back({"db/migrations", "golang-migrate", 2, ""});
  build.dumps.push_back({"store/postgres/LATEST.sql", "schema dump", 1, ""});
  build.dumps.push_back({"store/mysql/LATEST.sql", "MySQL", 0, ""});
  build.dumps.push_back({"db/structure.sql", "not applied", 0, ""});
  build.dumps.push_back({"src/schema.ts", "schema pushed", 1, ""});
  schema::migrations::MigrationFile go;
  go.path = "cmd/migrate/0001_init.go";
  build.migrations.push_back(go);
  build.inputs = {"cmd/migrate/0001_init.go", "db/migrations/0001_a.up.sql", "go.mod", "models/user.go"};
  auto kind = [&](const std::string& f, bool removed = false) { return pipeline::schema_source_kind(build, f, removed); };
  CHECK(kind("db/migrations/0002_b.up.sql") == "migration");
  CHECK(kind("store/postgres/LATEST.sql") == "schema dump");
  CHECK(kind("src/schema.ts") == "schema file");
  CHECK(kind("cmd/migrate/0001_init.go") == "migration");
  CHECK(kind("models/user.go") == "schema source");
  CHECK(kind("go.mod") == "schema source");
  CHECK(kind("store/mysql/LATEST.sql") == "");
  CHECK(kind("db/structure.sql") == "");
  CHECK(kind("api/handler.go") == "");
  CHECK(kind("models/label.go") == "");  // changed, not read by the build: checked alone
  CHECK(kind("models/label.go", true) == "file beside the schema's sources");
  CHECK(kind("models/README.md", true) == "");  // another extension
  CHECK(kind("api/handler.go", true) == "");
  CHECK(kind("Makefile", true) == "");  // no extension
}
