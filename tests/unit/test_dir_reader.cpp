// DirReader: a directory's entries through getdents64, as readdir gives them.
#include <doctest/doctest.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "analyzers/source/dir_reader.h"

namespace stdfs = std::filesystem;
using schemagate::source::DirReader;

namespace {
struct ScratchDir {
  stdfs::path path;
  ScratchDir() {
    std::string tmpl = (stdfs::temp_directory_path() / "sg-dirreader-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~ScratchDir() { stdfs::remove_all(path); }
};
}  // namespace

TEST_CASE("DirReader lists every entry of a directory larger than its buffer, with its type, without . and ..") {
  ScratchDir dir;
  std::map<std::string, unsigned char> want;
  for (int i = 0; i < 3000; ++i) {  // about 100 KB of dirent records: several getdents64 calls
    std::string name = "file_with_a_long_name_" + std::to_string(i) + ".py";
    std::ofstream(dir.path / name) << "x";
    want[name] = DT_REG;
  }
  stdfs::create_directory(dir.path / "sub");
  want["sub"] = DT_DIR;
  stdfs::create_symlink("sub", dir.path / "link");
  want["link"] = DT_LNK;
  REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
  want["fifo"] = DT_FIFO;

  DirReader reader(dir.path.c_str());
  REQUIRE(reader.ok());
  CHECK(reader.fd() >= 0);
  std::map<std::string, unsigned char> got;
  std::string_view name;
  unsigned char type = 0;
  while (reader.next(&name, &type)) {
    CHECK(got.count(std::string(name)) == 0);
    // A file system that does not tell the type gives DT_UNKNOWN; those of the test's tmp do.
    got[std::string(name)] = type == DT_UNKNOWN ? want[std::string(name)] : type;
  }
  CHECK(reader.error() == 0);
  CHECK(got == want);
  CHECK_FALSE(reader.next(&name, &type));  // stays at the end
}

TEST_CASE("DirReader: a missing path, a file and an empty directory") {
  ScratchDir dir;
  std::string_view name;
  unsigned char type = 0;
  DirReader missing((dir.path / "nope").c_str());
  CHECK_FALSE(missing.ok());
  CHECK(missing.error() == ENOENT);
  CHECK(missing.fd() == -1);
  CHECK_FALSE(missing.next(&name, &type));
  std::ofstream(dir.path / "file") << "x";
  DirReader file((dir.path / "file").c_str());
  CHECK_FALSE(file.ok());
  CHECK(file.error() == ENOTDIR);
  stdfs::create_directory(dir.path / "empty");
  DirReader empty((dir.path / "empty").c_str());
  REQUIRE(empty.ok());
  CHECK_FALSE(empty.next(&name, &type));
  CHECK(empty.error() == 0);
}
