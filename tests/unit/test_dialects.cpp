// Query-file dialects (sqlc, pgtyped, aiosql), sqlc's star requirements, and the migration
// checksums Flyway, Prisma and sqlx record, pinned to published test vectors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/languages/language.h"
#include "analyzers/languages/query_dialects.h"
#include "analyzers/schema/catalog/checksums.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/star_columns.h"

namespace {

using schemagate::languages::SqlSite;

std::vector<SqlSite> sql_file(const std::string& source) {
  const auto* lang = schemagate::languages::language_for_path("q.sql");
  REQUIRE(lang != nullptr);
  schemagate::languages::ExtractInput in{source, TSNode{}, lang};
  std::vector<SqlSite> sites;
  lang->extract(in, &sites);
  return sites;
}

}  // namespace

TEST_CASE("sqlc: macros become parameters, embed becomes t.*, every mapped back") {
  std::string src =
      "-- name: GetBook :one\n"
      "SELECT sqlc.embed(b), a.name FROM books b JOIN authors a ON a.id = b.author_id\n"
      "WHERE b.id = sqlc.arg(id) AND b.title = sqlc.narg('title') AND a.id IN (sqlc.slice(ids));\n";
  CHECK(schemagate::languages::query_dialect_for(src).name == "sqlc");
  auto sites = sql_file(src);
  REQUIRE(sites.size() == 1);
  CHECK(sites[0].stars_are_column_lists);
  CHECK(sites[0].sql.text ==
        "SELECT b.*, a.name FROM books b JOIN authors a ON a.id = b.author_id\n"
        "WHERE b.id = @sqlc_arg AND b.title = @sqlc_arg AND a.id IN (@sqlc_arg)");
  CHECK(sites[0].sql.host_offset(sites[0].sql.text.find("b.*")) == src.find("b), a.name"));
  CHECK(sites[0].sql.host_offset(sites[0].sql.text.find("@sqlc_arg")) == src.find("sqlc.arg(id)"));
}

// The rewrite copies the text between what it replaces as runs: every byte copied still maps to
// its own offset in the file, whether it follows a comment, a literal, a dollar quote, a
// parameter, a division or a replaced macro.
TEST_CASE("sqlc and plain: every copied byte maps to its own offset in the file") {
  std::string src =
      "-- name: Mixed :many\n"
      "SELECT a.id / 2, 'it''s' AS s, $$x$$ AS d /* c */, a.n - 1 -- tail\n"
      "FROM authors a WHERE a.id = sqlc.arg(id) AND a.name = $2 AND a.slug = \"sqlc.arg\";\n";
  auto sites = sql_file(src);
  REQUIRE(sites.size() == 1);
  const auto& sql = sites[0].sql;
  size_t macro = sql.text.find("@sqlc_arg");
  REQUIRE(macro != std::string::npos);
  size_t body = src.find("SELECT");
  for (size_t k = 0; k < sql.text.size(); ++k) {
    size_t from = k < macro ? body + k : k < macro + 9 ? src.find("sqlc.arg(id)") : src.find(" AND a.name") + (k - macro - 9);
    CHECK_MESSAGE(sql.host_offset(k) == from, "byte " << k << " '" << sql.text[k] << "'");
    if (k < macro || k >= macro + 9) CHECK(sql.text[k] == src[from]);
  }
  std::string plain = "SELECT x - 1, y / 2 FROM t WHERE z = $1 -- c\n  AND w = 'q'";
  auto p = sql_file(plain);
  REQUIRE(p.size() == 1);
  CHECK(p[0].sql.text == plain);
  for (size_t k = 0; k < plain.size(); ++k) CHECK(p[0].sql.host_offset(k) == k);
}

TEST_CASE("pgtyped: non-null markers, list, tuple-list and pick expansions") {
  std::string src =
      "/*\n  @name InsertBooks\n  @param books -> ((title!, authorId!)...)\n*/\n"
      "INSERT INTO books (title, author_id) VALUES :books RETURNING id;\n"
      "/* @name ByIds\n  @param ids -> (...) */\nSELECT id FROM books WHERE id IN :ids! AND x != :y!;\n";
  CHECK(schemagate::languages::query_dialect_for(src).name == "pgtyped");
  auto sites = sql_file(src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "INSERT INTO books (title, author_id) VALUES (:p, :p) RETURNING id");
  CHECK(sites[1].sql.text == "SELECT id FROM books WHERE id IN (:p) AND x != :y");
}

TEST_CASE("aiosql: suffixed names split queries; a %name% template is a run-time fragment, not one inside a literal") {
  std::string src =
      "-- name: count-users$\nSELECT count(*) FROM users\n\n"
      "-- name: search^\nSELECT id FROM users WHERE %where% AND name LIKE '%x%'\n";
  CHECK(schemagate::languages::query_dialect_for(src).name == "aiosql");
  auto sites = sql_file(src);
  REQUIRE(sites.size() == 2);
  CHECK_FALSE(sites[0].dynamic);
  CHECK_FALSE(sites[1].dynamic);
  std::string hole(1, schemagate::sql::kHole);
  CHECK(sites[1].sql.text == "SELECT id FROM users WHERE " + hole + " AND name LIKE '%x%'");
  // The hole maps to the marker's first byte.
  CHECK(src[sites[1].sql.host_offset(sites[1].sql.text.find(hole))] == '%');
}

TEST_CASE("sqlc stars stand for every column of their relation; CTEs and subqueries do not") {
  schemagate::schema::Schema schema;
  std::vector<std::string> path = {"public"};
  REQUIRE(schemagate::schema::apply_sql(schema, "m.sql", "CREATE TABLE t (a int, b int); CREATE TABLE u (c int);", path,
                                        nullptr, nullptr));
  auto columns = [&](const std::string& sql) {
    std::vector<schemagate::sql::ParsedStatement> stmts;
    schemagate::sql::ParseError err;
    REQUIRE(schemagate::sql::parse(sql, &stmts, &err));
    std::string out;
    for (auto& s : schemagate::sql::star_columns(stmts[0].node, schema, path))
      out += std::to_string(s.offset) + ":" + s.relation + "." + s.column + " ";
    return out;
  };
  CHECK(columns("SELECT * FROM t") == "7:t.a 7:t.b ");
  CHECK(columns("SELECT x.*, u.c FROM t x JOIN u ON true") == "7:t.a 7:t.b ");
  CHECK(columns("INSERT INTO u (c) VALUES (1) RETURNING *") == "39:u.c ");
  CHECK(columns("WITH t AS (SELECT 1 AS z) SELECT * FROM t") == "");
  CHECK(columns("SELECT * FROM (SELECT a FROM t) s") == "");
}

TEST_CASE("Flyway checksum: CRC32 over lines without their endings, signed") {
  using schemagate::schema::catalog::flyway_checksum;
  CHECK(flyway_checksum("123456789") == "-873187034");  // CRC-32 check value 0xCBF43926
  CHECK(flyway_checksum("123456789\n") == "-873187034");
  CHECK(flyway_checksum("1234\r\n56789\r\n") == "-873187034");
  CHECK(flyway_checksum("1234\r56789") == "-873187034");
  CHECK(flyway_checksum("\xEF\xBB\xBF" "123456789") == "-873187034");
  CHECK(flyway_checksum("") == "0");
  // Values printed by java.util.zip.CRC32 fed line by line from BufferedReader.readLine(), as
  // Flyway's LoadableResource.calculateChecksum does (BOM removed from the first line).
  CHECK(flyway_checksum("CREATE TABLE a (id int);\r\n-- caf\xC3\xA9\r\n\r\nSELECT 1;") == "-1934516833");
  CHECK(flyway_checksum("\xEF\xBB\xBF" "CREATE TABLE a (id int);\n-- caf\xC3\xA9\n\nSELECT 1;\n") == "-1934516833");
  CHECK(flyway_checksum("x\ry\n\nz") == "-342967705");
}

TEST_CASE("SHA-384 test vectors (FIPS 180-4)") {
  using schemagate::schema::catalog::sha384_hex;
  CHECK(sha384_hex("") ==
        "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b");
  CHECK(sha384_hex("abc") ==
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
  CHECK(sha384_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                   "mnopqrstnopqrstu") ==
        "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
}

TEST_CASE("Prisma accepts a migration whose line endings changed; sqlx and Flyway as recorded") {
  using schemagate::schema::catalog::file_checksum;
  std::string lf = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
  std::string crlf = "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n";
  std::string recorded = file_checksum("prisma", lf, "");
  CHECK(file_checksum("prisma", crlf, recorded) == recorded);
  CHECK(file_checksum("prisma", lf + "-- edited\n", recorded) != recorded);
  CHECK(file_checksum("flyway", crlf, "") == file_checksum("flyway", lf, ""));
  CHECK(file_checksum("sqlx", crlf, "") != file_checksum("sqlx", lf, ""));
  CHECK(file_checksum("golang-migrate", lf, "") == "");
}
