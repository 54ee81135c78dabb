// The parse tree reader (sql/unpack.h) against protobuf-c's own unpack: the tree it reads packs
// back, with protobuf-c's pack, to the very bytes libpg_query wrote, for statements that use
// every wire type libpg_query writes (strings, nested nodes, lists, NULLs in lists, enums,
// booleans, negative numbers, 64-bit and double fields, packed repeated integers), and input it
// does not know is declined, never read wrong.
#include <doctest/doctest.h>
#include <pg_query.h>

#include <string>

#include "analyzers/sql/protobuf_pack.h"
#include "analyzers/sql/unpack.h"

using namespace schemagate;

namespace {

std::string packed_of(const std::string& sql) {
  PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql.c_str());
  REQUIRE_MESSAGE(r.error == nullptr, sql);
  std::string out(r.parse_tree.data, r.parse_tree.len);
  pg_query_free_protobuf_parse_result(r);
  return out;
}

std::string repacked(const PgQuery__ParseResult* tree) {
  std::string out(pg_query__parse_result__get_packed_size(tree), '\0');
  pg_query__parse_result__pack(tree, reinterpret_cast<uint8_t*>(out.data()));
  return out;
}

const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

}  // namespace

TEST_CASE("the reader's tree packs back to libpg_query's bytes") {
  const char* texts[] = {
      "SELECT 1",
      "SELECT a.id, b.\"Name\", count(*) FILTER (WHERE x > -5) AS n FROM s.a JOIN b USING (id) "
      "WHERE a.t = 'x''y' AND b.f IN (1, 2.5, NULL, -2147483648, 9223372036854775807) GROUP BY 1, 2 "
      "HAVING count(*) > 1 ORDER BY 2 DESC NULLS LAST LIMIT $1 OFFSET $2",
      "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 100) SELECT sum(n) FROM t",
      "INSERT INTO orders (customer_id, total) VALUES ($1, $2), (DEFAULT, 3) ON CONFLICT (id) DO UPDATE SET "
      "total = EXCLUDED.total RETURNING id, placed_at",
      "UPDATE t SET (a, b) = (SELECT 1, 2), c = c || '{}'::jsonb WHERE d IS DISTINCT FROM e; DELETE FROM t USING u "
      "WHERE t.id = u.id RETURNING *",
      "CREATE TABLE IF NOT EXISTS public.x (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, n numeric(10,2) "
      "DEFAULT 0.5 CHECK (n >= 0), tags text[], created timestamptz DEFAULT now()) PARTITION BY RANGE (id)",
      "CREATE FUNCTION f(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE COST 5 ROWS 10 AS "
      "'SELECT a + b'",
      "ALTER TABLE x ADD COLUMN y int GENERATED ALWAYS AS IDENTITY, ALTER COLUMN z TYPE bigint USING z::bigint",
      "CREATE INDEX CONCURRENTLY ix ON x USING gin (to_tsvector('english', body)) WHERE deleted IS NULL",
      "SELECT CASE WHEN a THEN 1 ELSE 2 END, (ARRAY[1,2])[1], x::text, row(1, 2), EXISTS (SELECT 1), "
      "coalesce(a, b), greatest(1, 2), a BETWEEN 1 AND 2, t.* FROM t, LATERAL f(t.id) AS g(x int)",
      "FETCH FORWARD 5 FROM c",
      "CREATE TYPE mood AS ENUM ('sad', 'ok'); COMMENT ON TABLE x IS 'é ü'; GRANT SELECT ON x TO PUBLIC",
      "SELECT 1e308, -0.0, 1.5e-10, 'a' COLLATE \"C\", B'1010', X'ff', $1::int[]",
  };
  for (const char* sql : texts) {
    CAPTURE(sql);
    std::string packed = packed_of(sql);
    sql::Arena arena;
    const PgQuery__ParseResult* tree = sql::unpack_parse_result(bytes(packed), packed.size(), &arena);
    REQUIRE(tree);
    CHECK(repacked(tree) == packed);
    CHECK(arena.bytes() > 0);
  }
}

TEST_CASE("input the reader does not know is declined") {
  std::string packed = packed_of("SELECT a FROM t WHERE b = 1");
  sql::Arena arena;
  SUBCASE("cut short") { CHECK_FALSE(sql::unpack_parse_result(bytes(packed), packed.size() - 3, &arena)); }
  SUBCASE("an unknown field") {
    std::string more = packed + std::string("\xf8\x07\x01", 3);  // field 127, a varint
    CHECK_FALSE(sql::unpack_parse_result(bytes(more), more.size(), &arena));
  }
  SUBCASE("a field given twice") {
    std::string twice = packed + std::string("\x08\x01", 2);  // version (field 1) again
    CHECK_FALSE(sql::unpack_parse_result(bytes(twice), twice.size(), &arena));
  }
  SUBCASE("a wire type the field cannot have") {
    std::string wrong = std::string("\x0a\x00", 2) + packed.substr(2);  // version as a string
    CHECK_FALSE(sql::unpack_parse_result(bytes(wrong), wrong.size(), &arena));
  }
  SUBCASE("nothing: an empty result") {
    const PgQuery__ParseResult* tree = sql::unpack_parse_result(bytes(packed), 0, &arena);
    REQUIRE(tree);
    CHECK(tree->n_stmts == 0);
  }
}

// protobuf-c's own sizing and packing, reached through the link's --wrap (CMakeLists.txt): null
// where the link does not wrap them.
extern "C" size_t __real_protobuf_c_message_get_packed_size(const ProtobufCMessage*) __attribute__((weak));
extern "C" size_t __real_protobuf_c_message_pack(const ProtobufCMessage*, uint8_t*) __attribute__((weak));

TEST_CASE("packing a parse tree by its oneofs' cases writes protobuf-c's bytes") {
  REQUIRE(__real_protobuf_c_message_pack != nullptr);
  REQUIRE(__real_protobuf_c_message_get_packed_size != nullptr);
  std::string deep = "SELECT ";
  for (int i = 0; i < 200; ++i) deep += "a" + std::to_string(i) + " || ";
  deep += "'end'";  // a left-deep chain of 200 operators: lengths of two and three bytes
  std::string wide = "INSERT INTO t (a, b) VALUES ";
  for (int i = 0; i < 300; ++i) wide += std::string(i ? ", " : "") + "(" + std::to_string(i - 150) + ", 'v" + std::to_string(i) + "')";
  const std::string texts[] = {
      "SELECT 1",
      "SELECT a.id, b.\"Name\", count(*) FILTER (WHERE x > -5) AS n FROM s.a JOIN b USING (id) "
      "WHERE a.t = 'x''y' AND b.f IN (1, 2.5, NULL, -2147483648, 9223372036854775807) GROUP BY 1, 2 "
      "HAVING count(*) > 1 ORDER BY 2 DESC NULLS LAST LIMIT $1 OFFSET $2",
      "CREATE TABLE IF NOT EXISTS public.x (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, n numeric(10,2) "
      "DEFAULT 0.5 CHECK (n >= 0), tags text[], created timestamptz DEFAULT now()) PARTITION BY RANGE (id)",
      "SELECT 1e308, -0.0, 1.5e-10, 'a' COLLATE \"C\", B'1010', X'ff', $1::int[], '', true, false",
      "CREATE TYPE mood AS ENUM ('sad', 'ok'); COMMENT ON TABLE x IS 'é ü'; GRANT SELECT ON x TO PUBLIC",
      "SELECT CASE WHEN a THEN 1 ELSE 2 END, (ARRAY[1,2])[1], x::text, row(1, 2), EXISTS (SELECT 1), "
      "coalesce(a, b), greatest(1, 2), a BETWEEN 1 AND 2, t.* FROM t, LATERAL f(t.id) AS g(x int)",
      deep,
      wide,
  };
  for (const std::string& sql : texts) {
    CAPTURE(sql.substr(0, 80));
    std::string packed = packed_of(sql);  // through the wrap: this file's packing
    PgQuery__ParseResult* tree = pg_query__parse_result__unpack(nullptr, packed.size(), bytes(packed));
    REQUIRE(tree != nullptr);
    const auto* m = reinterpret_cast<const ProtobufCMessage*>(tree);
    size_t size = __real_protobuf_c_message_get_packed_size(m);
    CHECK(sql::packed_size(m) == size);
    std::string theirs(size, '\0'), ours(size, '\0');
    CHECK(__real_protobuf_c_message_pack(m, reinterpret_cast<uint8_t*>(theirs.data())) == size);
    CHECK(sql::pack(m, reinterpret_cast<uint8_t*>(ours.data())) == size);
    CHECK(ours == theirs);
    CHECK(packed == theirs);
    pg_query__parse_result__free_unpacked(tree, nullptr);
  }
}
