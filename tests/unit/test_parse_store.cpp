// The parse store on a temporary directory: what libpg_query answered (a tree, or a syntax error
// with its byte offset) comes back from the file of an earlier run alike, and a file that is
// damaged, short or another libpg_query's is an empty store, never trusted. Each test parses
// texts of its own: sql::parse keeps the texts of this process in memory and would not ask the
// store for a text another test parsed.
#include <doctest/doctest.h>
#include <pg_query.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/sql/parse_store.h"
#include "analyzers/sql/tree.h"

using namespace schemagate;

namespace {

struct StoreDir {
  std::string path;
  StoreDir() {
    char tmpl[] = "/tmp/schemagate-parse-store-test-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~StoreDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string file() const { return path + "/parse-test"; }
};

std::string packed_of(const std::string& sql) {
  PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql.c_str());
  REQUIRE(r.error == nullptr);
  std::string out(r.parse_tree.data, r.parse_tree.len);
  pg_query_free_protobuf_parse_result(r);
  return out;
}

std::string read(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const std::string& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

/// A store file holding one tree and one syntax error.
void store_two(const std::string& file) {
  sql::ParseStore store(file, "v1");
  store.add_tree("SELECT id FROM store_accounts", packed_of("SELECT id FROM store_accounts"));
  store.add_error("SELECT FROM WHERE", {"syntax error at or near \"WHERE\"", 12});
  REQUIRE(store.save());
}

}  // namespace

TEST_CASE("a stored tree and a stored syntax error come back from the file alike") {
  StoreDir dir;
  store_two(dir.file());
  sql::ParseStore again(dir.file(), "v1");
  CHECK(again.why() == "");
  CHECK(again.loaded() == 2);
  sql::StoredParse s;
  REQUIRE(again.find("SELECT id FROM store_accounts", &s));
  CHECK(s.ok);
  CHECK(s.packed == packed_of("SELECT id FROM store_accounts"));
  REQUIRE(again.find("SELECT FROM WHERE", &s));
  CHECK_FALSE(s.ok);
  CHECK(s.error.message == "syntax error at or near \"WHERE\"");
  CHECK(s.error.offset == 12);
  CHECK_FALSE(again.find("SELECT id FROM store_account", &s));  // the text whole, not a prefix
  CHECK_FALSE(again.find("SELECT id FROM store_accounts ", &s));
}

TEST_CASE("a store file that is damaged, short, empty or another libpg_query's is an empty store") {
  StoreDir dir;
  store_two(dir.file());
  std::string whole = read(dir.file());
  sql::StoredParse s;
  bool altered = true;
  SUBCASE("one byte of the header changed") {
    std::string bad = whole;
    bad[whole.find("v1") + 2 + 8 + 3] ^= 0x20;  // in the header's checksum
    write(dir.file(), bad);
    sql::ParseStore store(dir.file(), "v1");
    CHECK(store.why() == "the store file is damaged (ignored)");
  }
  SUBCASE("cut inside the index") {
    write(dir.file(), whole.substr(0, whole.find("v1") + 2 + 8 + 8 + 30));
    sql::ParseStore store(dir.file(), "v1");
    CHECK(store.why() == "the store file is damaged (ignored)");
    CHECK_FALSE(store.find("SELECT FROM WHERE", &s));
  }
  SUBCASE("cut inside the last record: that text is not stored, the other is") {
    write(dir.file(), whole.substr(0, whole.size() - 40));
    sql::ParseStore store(dir.file(), "v1");
    CHECK(store.why() == "");
    CHECK_FALSE(store.find("SELECT FROM WHERE", &s));  // written last
    CHECK(store.find("SELECT id FROM store_accounts", &s));
    altered = false;
  }
  SUBCASE("a few bytes") {
    write(dir.file(), whole.substr(0, 10));
    sql::ParseStore store(dir.file(), "v1");
    CHECK(store.why() == "the store file is not one (ignored)");
  }
  SUBCASE("empty") {
    write(dir.file(), "");
    sql::ParseStore store(dir.file(), "v1");
    CHECK(store.why() == "the store file is not one (ignored)");
  }
  SUBCASE("another libpg_query") {
    sql::ParseStore store(dir.file(), "v2");
    CHECK(store.why() == "the store file is another libpg_query's");
    CHECK_FALSE(store.find("SELECT id FROM store_accounts", &s));
    altered = false;  // the file is whole, and v1's
  }
  SUBCASE("missing") {
    std::filesystem::remove(dir.file());
    sql::ParseStore store(dir.file(), "v1");
    CHECK(store.why() == "no stored parses");
  }
  if (!altered) return;
  sql::ParseStore store(dir.file(), "v1");  // read again: still nothing trusted
  CHECK(store.loaded() == 0);
  CHECK_FALSE(store.find("SELECT id FROM store_accounts", &s));
}

TEST_CASE("a record whose bytes changed is a text not stored; the others are still read") {
  StoreDir dir;
  store_two(dir.file());
  std::string bad = read(dir.file());
  size_t at = bad.find("syntax error at or near");
  REQUIRE(at != std::string::npos);
  bad[at] = 'S';  // the stored message, as a damaged disk might change it
  write(dir.file(), bad);
  sql::ParseStore store(dir.file(), "v1");
  CHECK(store.why() == "");
  sql::StoredParse s;
  CHECK_FALSE(store.find("SELECT FROM WHERE", &s));
  REQUIRE(store.find("SELECT id FROM store_accounts", &s));
  CHECK(s.packed == packed_of("SELECT id FROM store_accounts"));
  // Parsed again and added: the file is written again without the damaged record.
  store.add_error("SELECT FROM WHERE", {"syntax error at or near \"WHERE\"", 12});
  REQUIRE(store.save());
  sql::ParseStore again(dir.file(), "v1");
  CHECK(again.loaded() == 2);
  REQUIRE(again.find("SELECT FROM WHERE", &s));
  CHECK(s.error.message == "syntax error at or near \"WHERE\"");
}

TEST_CASE("sql::parse answers from the store as it answers without it, and fills it") {
  StoreDir dir;
  const std::string good = "SELECT a, b FROM parse_store_probe WHERE a = $1; DELETE FROM parse_store_probe";
  const std::string bad = "SELECT é FROM parse_store_probe WHERE";
  // The first run: parsed, and stored.
  {
    sql::ParseStore store(dir.file(), sql::parse_store_version());
    sql::use_parse_store(&store);
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError err;
    CHECK(sql::parse(good, &stmts, &err));
    CHECK_FALSE(sql::parse(bad, &stmts, &err));
    sql::use_parse_store(nullptr);
    CHECK(store.added() == 2);
    REQUIRE(store.save());
  }
  sql::ParseStore store(dir.file(), sql::parse_store_version());
  CHECK(store.why() == "");
  sql::StoredParse s;
  REQUIRE(store.find(good, &s));
  CHECK(s.packed == packed_of(good));
  REQUIRE(store.find(bad, &s));
  sql::ParseError direct;
  std::vector<sql::ParsedStatement> none;
  {
    PgQueryProtobufParseResult r = pg_query_parse_protobuf(bad.c_str());
    REQUIRE(r.error);
    CHECK(s.error.message == r.error->message);
    CHECK(s.error.offset == sql::char_pos_to_byte(bad, r.error->cursorpos));
    pg_query_free_protobuf_parse_result(r);
  }
  // A later run: the store's answers are sql::parse's (texts this process has not parsed yet).
  const std::string good2 = "INSERT INTO parse_store_probe (a) VALUES (1) RETURNING a";
  const std::string bad2 = "UPDATE parse_store_probe SET WHERE a = 1";
  store.add_tree(good2, packed_of(good2));
  store.add_error(bad2, {"a message the store made up", 7});
  sql::use_parse_store(&store);
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError err;
  REQUIRE(sql::parse(good2, &stmts, &err));
  REQUIRE(stmts.size() == 1);
  CHECK(sql::kind(stmts[0].node) == SG_NODE(INSERT_STMT));
  CHECK_FALSE(sql::parse(bad2, &stmts, &err));
  CHECK(err.message == "a message the store made up");  // from the store, not parsed again
  CHECK(err.offset == 7);
  sql::use_parse_store(nullptr);
}

TEST_CASE("the store is written only when a run added a text, and stays under its bound") {
  StoreDir dir;
  store_two(dir.file());
  auto written = std::filesystem::last_write_time(dir.file());
  std::string before = read(dir.file());
  {
    sql::ParseStore store(dir.file(), "v1");
    sql::StoredParse s;
    CHECK(store.find("SELECT FROM WHERE", &s));
    CHECK(store.save());  // nothing new: not written
  }
  CHECK(read(dir.file()) == before);
  CHECK(std::filesystem::last_write_time(dir.file()) == written);
  // A run that asks one stored text and adds one, with room for two: the one not asked goes.
  {
    sql::ParseStore store(dir.file(), "v1");
    sql::StoredParse s;
    CHECK(store.find("SELECT FROM WHERE", &s));
    store.add_error("DELETE WHERE", {"syntax error at or near \"WHERE\"", 7});
    size_t bound = before.size();  // the two stored texts fit, not three
    REQUIRE(store.save(bound));
  }
  sql::ParseStore store(dir.file(), "v1");
  CHECK(store.loaded() == 2);
  sql::StoredParse s;
  CHECK(store.find("SELECT FROM WHERE", &s));
  CHECK(store.find("DELETE WHERE", &s));
  CHECK_FALSE(store.find("SELECT id FROM store_accounts", &s));
  CHECK(std::filesystem::file_size(dir.file()) <= before.size() + 64);
  CHECK(std::filesystem::directory_iterator(dir.path) != std::filesystem::directory_iterator());
  for (auto& e : std::filesystem::directory_iterator(dir.path))
    CHECK(e.path().filename() == "parse-test");  // no temporary file left behind
}

TEST_CASE("a mapped file: its bytes whole, kept when a rename replaces the file; missing or a directory is false") {
  StoreDir dir;
  const std::string file = dir.path + "/store", next = dir.path + "/store.next";
  std::ofstream(file, std::ios::binary) << std::string(10000, 'a') << "end";
  source::MappedFile mapped;
  REQUIRE(mapped.open(file, false));
  CHECK(mapped.bytes().size() == 10003);
  CHECK(mapped.bytes().substr(9998) == "aaend");
  CHECK(mapped.status().st_size == 10003);
  std::ofstream(next, std::ios::binary) << "other";
  std::filesystem::rename(next, file);  // as the stores are written
  CHECK(mapped.bytes().size() == 10003);
  CHECK(mapped.bytes().substr(9998) == "aaend");
  source::MappedFile again;
  REQUIRE(again.open(file, true));
  CHECK(again.bytes() == "other");

  std::ofstream(dir.path + "/empty");
  source::MappedFile empty;
  CHECK(empty.open(dir.path + "/empty", true));
  CHECK(empty.bytes().empty());
  source::MappedFile missing, directory;
  CHECK_FALSE(missing.open(dir.path + "/none", false));
  CHECK_FALSE(directory.open(dir.path, false));
}
