// ReadOnceFileSystem: every answer is the inner file system's, and a file within the bound is
// read from it once.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "analyzers/source/file_system.h"
#include "tests/unit/counting_file_system.h"

namespace {

using schemagate::source::DirEntry;
using schemagate::source::FileSystem;
using schemagate::source::MemoryFileSystem;
using schemagate::source::ReadOnceFileSystem;

/// The inner file system, counting its reads by path.
using Counted = schemagate::test::CountingReads;

}  // namespace

TEST_CASE("read once: a file is read from the inner file system once, and each answer is the same") {
  MemoryFileSystem mem;
  mem.add("a.go", "package a\n");
  mem.add("dir/b.go", "package b\n");
  mem.add("big.go", std::string(100, 'x'));
  mem.add_unreadable("secret.go", "Permission denied");
  Counted counted(mem);
  ReadOnceFileSystem once(counted, 50);
  for (int pass = 0; pass < 3; ++pass) {
    for (const char* path : {"a.go", "dir/b.go", "big.go"}) {
      std::string got, want, err;
      REQUIRE(once.read(path, &got, &err));
      REQUIRE(mem.read(path, &want, &err));
      CHECK(got == want);
    }
    std::string text = "left over", err;
    CHECK_FALSE(once.read("secret.go", &text, &err));
    CHECK(err == "Permission denied");
    CHECK_FALSE(once.read("missing.go", &text, &err));
  }
  CHECK(counted.reads["a.go"] == 1);
  CHECK(counted.reads["dir/b.go"] == 1);
  CHECK(counted.reads["big.go"] == 3);     // past the bound: read every time
  CHECK(counted.reads["secret.go"] == 3);  // a failure is the inner one's each time
  CHECK(once.held() == 20);
  CHECK(once.is_file("a.go"));
  CHECK(once.is_dir("dir"));
  CHECK(once.list("dir").size() == 1);
}

TEST_CASE("read once: the shared text is the kept one, read's copy of it, and past the bound a fresh one") {
  MemoryFileSystem mem;
  mem.add("a.go", "package a\n");
  mem.add("big.go", std::string(100, 'x'));
  Counted counted(mem);
  ReadOnceFileSystem once(counted, 50);
  std::string err;
  auto first = once.text("a.go", &err);
  REQUIRE(first);
  CHECK(*first == "package a\n");
  CHECK(once.text("a.go", &err) == first);
  std::string copy;
  REQUIRE(once.read("a.go", &copy, &err));
  CHECK(copy == *first);
  CHECK(counted.reads["a.go"] == 1);
  auto big = once.text("big.go", &err);
  REQUIRE(big);
  CHECK(*big == std::string(100, 'x'));
  CHECK(once.text("big.go", &err) != big);
  CHECK(counted.reads["big.go"] == 2);
  CHECK_FALSE(once.text("missing.go", &err));
  CHECK(err == "No such file or directory");
}
