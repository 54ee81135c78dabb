// IndexCache: what the indexes learn from each file of the other directories, kept from one
// pre-commit run to the next and used only while the file's identity is the one kept with it.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "analyzers/pipeline/index_cache.h"

namespace stdfs = std::filesystem;
using schemagate::pipeline::decode_file_index;
using schemagate::pipeline::encode_file_index;
using schemagate::pipeline::FileIndex;
using schemagate::pipeline::IndexCache;

namespace {

struct Scratch {
  stdfs::path path;
  Scratch() {
    std::string tmpl = (stdfs::temp_directory_path() / "sg-index-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~Scratch() { stdfs::remove_all(path); }
  std::string file() const { return (path / "index").string(); }
  std::string bytes() const {
    std::ifstream in(file(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

FileIndex model_file() {
  FileIndex f;
  f.wanted = {"activerecord"};
  f.found = {{"activerecord", "activerecord:class:Pulse", "beats"}, {"activerecord", "activerecord:base:Pulse", ""}};
  f.package = {{"go:func:models:Label", ""}};
  f.created = {{"\nkv_cache", 3}, {"audit\nevents", 9}, {"\ncolumn:accounts.plan", 11}};
  f.create_all_line = 12;
  return f;
}

}  // namespace

TEST_CASE("a file's index answer encodes and decodes whole; anything else is refused") {
  const FileIndex f = model_file();
  const std::string bytes = encode_file_index(f);
  FileIndex back;
  REQUIRE(decode_file_index(bytes, &back));
  CHECK(back == f);
  FileIndex empty;
  REQUIRE(decode_file_index(encode_file_index(FileIndex{}), &empty));
  CHECK(empty == FileIndex{});
  // Truncated anywhere, or with a byte more: refused, and *out is left alone.
  for (size_t n = 0; n < bytes.size(); ++n) {
    FileIndex out = model_file();
    CHECK_FALSE(decode_file_index(std::string_view(bytes).substr(0, n), &out));
    CHECK(out == f);
  }
  CHECK_FALSE(decode_file_index(bytes + "x", &back));
  // A count larger than the bytes that follow (a damaged length) is refused without reading on.
  std::string damaged = bytes;
  damaged[0] = '\x7f', damaged[1] = '\x7f';
  CHECK_FALSE(decode_file_index(damaged, &back));
}

TEST_CASE("a kept answer is used for the identity it was kept with only; what was not asked is dropped") {
  Scratch s;
  const std::string id1(40, '\1'), id2(40, '\2');
  {
    IndexCache cache(s.file(), "binary 1\n/p");
    CHECK(cache.find("app/models/pulse.rb", id1) == nullptr);
    CHECK(cache.put("app/models/pulse.rb", id1, encode_file_index(model_file())) == encode_file_index(model_file()));
    cache.put("app/models/user.rb", id1, encode_file_index(FileIndex{}));
    cache.put("app/models/racy.rb", "", "not kept");  // changed within the clock's tick: no identity
    CHECK(cache.save());
  }
  {
    IndexCache cache(s.file(), "binary 1\n/p");
    const std::string_view* kept = cache.find("app/models/pulse.rb", id1);
    REQUIRE(kept != nullptr);
    CHECK(*kept == encode_file_index(model_file()));
    CHECK(cache.find("app/models/pulse.rb", id2) == nullptr);  // the file changed
    CHECK(cache.find("app/models/pulse.rb", "") == nullptr);   // it may be changing
    CHECK(cache.find("app/models/racy.rb", "") == nullptr);
    CHECK(cache.find("app/models/other.rb", id1) == nullptr);
    CHECK(cache.reused() == 1);
    CHECK(cache.save());  // user.rb was not asked: it is dropped
  }
  {
    IndexCache cache(s.file(), "binary 1\n/p");
    CHECK(cache.find("app/models/user.rb", id1) == nullptr);
    CHECK(cache.find("app/models/pulse.rb", id1) != nullptr);
  }
  // Another binary or project: nothing kept is used.
  IndexCache other(s.file(), "binary 2\n/p");
  CHECK(other.find("app/models/pulse.rb", id1) == nullptr);
}

TEST_CASE("a damaged or truncated index cache file is no cache; an unchanged one is not written again") {
  Scratch s;
  const std::string id(40, '\1');
  {
    IndexCache cache(s.file(), "k");
    cache.put("a.go", id, encode_file_index(model_file()));
    REQUIRE(cache.save());
  }
  const std::string good = s.bytes();
  const auto written = stdfs::last_write_time(s.file());
  {
    IndexCache cache(s.file(), "k");
    REQUIRE(cache.find("a.go", id) != nullptr);
    stdfs::last_write_time(s.file(), written - std::chrono::hours(1));
    CHECK(cache.save());  // the same answers as read: the file is left alone
    CHECK(stdfs::last_write_time(s.file()) == written - std::chrono::hours(1));
  }
  for (size_t at : {size_t(3), good.size() / 2, good.size() - 1}) {
    std::string bad = good;
    bad[at] ^= 0x20;
    std::ofstream(s.file(), std::ios::binary | std::ios::trunc) << bad;
    IndexCache cache(s.file(), "k");
    CHECK(cache.find("a.go", id) == nullptr);
  }
  std::ofstream(s.file(), std::ios::binary | std::ios::trunc) << good.substr(0, good.size() - 9);
  IndexCache truncated(s.file(), "k");
  CHECK(truncated.find("a.go", id) == nullptr);
  // No file at all (a cache directory not written yet), and no cache: nothing, and save() is fine.
  IndexCache none((s.path / "none" / "index").string(), "k");
  CHECK(none.find("a.go", id) == nullptr);
  IndexCache off("", "k");
  CHECK(off.put("a.go", id, "x") == "x");
  CHECK(off.find("a.go", id) == nullptr);
  CHECK(off.save());
}

TEST_CASE("merged facts: a table beside the map answers each key's values by a search; anything else is no fact") {
  using schemagate::pipeline::encode_merged_facts;
  using schemagate::pipeline::MergedFact;
  using schemagate::pipeline::MergedFactTable;
  const std::string bytes = encode_merged_facts({{"go:field:GetUser", "stmt get-user", 3},
                                                 {"go:func:api:Load", "s1", 1},
                                                 {"go:func:api:Load", "s0", 7},
                                                 {"sql:query:get-user", "queries/users.sql", 9}});
  MergedFactTable table(bytes);
  CHECK(table.size() == 4);
  auto values = [&](const std::string& key) {
    std::vector<std::string> out;
    table.values(key, [&](std::string_view v) { out.emplace_back(v); });
    return out;
  };
  CHECK(values("go:func:api:Load") == std::vector<std::string>{"s1", "s0"});
  CHECK(values("go:field:GetUser") == std::vector<std::string>{"stmt get-user"});
  CHECK(values("sql:query:get-user") == std::vector<std::string>{"queries/users.sql"});
  CHECK(values("go:func:api").empty());
  CHECK(values("zz").empty());
  // Beside a map, through the readers' one lookup: the map's values, then the table's.
  schemagate::languages::ProjectFacts facts;
  facts["go:func:api:Load"].push_back("s1");
  facts.more = &table;
  CHECK(schemagate::languages::fact_values(facts, "go:func:api:Load") ==
        std::vector<std::string_view>{"s1", "s1", "s0"});
  CHECK(schemagate::languages::fact_values(facts, "go:type:Nope").empty());
  // Not sorted, or cut short: no fact at all.
  MergedFactTable unsorted(encode_merged_facts({{"b", "1", 0}, {"a", "2", 1}}));
  CHECK(unsorted.size() == 0);
  MergedFactTable cut(std::string_view(bytes).substr(0, bytes.size() - 2));
  CHECK(cut.size() == 0);
}
