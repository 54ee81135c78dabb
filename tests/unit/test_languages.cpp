// Host-language extractors: each case parses a small snippet the way the pipeline does (Parser,
// then the row's extract) and checks the exact SQL text, where chosen bytes map in the host file,
// and the call flags. Holes are written "\x01" in expected text.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/language.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/sql/pg_parse.h"

namespace {

using schemagate::languages::language_for_path;
using schemagate::languages::Language;
using schemagate::languages::looks_like_sql;
using schemagate::languages::Parser;
using schemagate::languages::SqlSite;
using schemagate::languages::Tree;

std::vector<SqlSite> extract(std::string_view path, const std::string& source) {
  const Language* lang = language_for_path(path);
  REQUIRE(lang != nullptr);
  Parser parser(*lang);
  REQUIRE_MESSAGE(parser.ok(), parser.error());
  Tree tree = parser.parse(source);
  schemagate::languages::ExtractInput in{source, tree ? ts_tree_root_node(tree.get()) : TSNode{},
                                         lang};
  std::vector<SqlSite> sites;
  lang->extract(in, &sites);
  return sites;
}

/// Host offset of the first occurrence of `needle` in the site's SQL.
uint32_t origin_of(const SqlSite& site, std::string_view needle) {
  size_t at = site.sql.text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "not in SQL: " << needle);
  return site.sql.host_offset(at);
}

uint32_t find(const std::string& source, std::string_view needle, size_t from = 0) {
  size_t at = source.find(needle, from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in source: " << needle);
  return static_cast<uint32_t>(at);
}

}  // namespace

TEST_CASE("looks_like_sql") {
  CHECK(looks_like_sql("SELECT 1"));
  CHECK(looks_like_sql("  \n  select\n*"));
  CHECK(looks_like_sql("-- list them\n/* all */ (WITH x AS (SELECT 1) SELECT * FROM x)"));
  CHECK(looks_like_sql("delete\x01"));
  CHECK(looks_like_sql("UPDATE"));
  CHECK(looks_like_sql("merge into t"));
  // It reads as a statement and even parses (SELECT an AS option); the prose rule of
  // string_eval.cpp keeps it from being a site when no database call receives it (see below).
  CHECK(looks_like_sql("Select an option"));
  CHECK_FALSE(looks_like_sql("SELECTED"));
  CHECK_FALSE(looks_like_sql("selection: none"));
  CHECK_FALSE(looks_like_sql("CREATE TABLE t (a int)"));
  CHECK_FALSE(looks_like_sql(""));
  CHECK_FALSE(looks_like_sql("hello SELECT 1"));
}

TEST_CASE("a parse tree-sitter gives up on is dropped: the parser's next file is parsed on its own") {
  const Language* go = language_for_path("a.go");
  REQUIRE(go != nullptr);
  Parser parser(*go);
  REQUIRE(parser.ok());
  std::string big = "package big\n";
  for (int i = 0; i < 20000; ++i) big += "func f" + std::to_string(i) + "() int { return " + std::to_string(i) + " }\n";
  CHECK_FALSE(parser.parse(big, 1));  // one microsecond: given up
  std::string small = "package small\n\nconst q = \"SELECT 1\"\n";
  Tree tree = parser.parse(small);
  REQUIRE(tree);
  TSNode root = ts_tree_root_node(tree.get());
  CHECK(ts_node_end_byte(root) == small.size());  // not the big file's tree resumed
  CHECK_FALSE(ts_node_has_error(root));
}

TEST_CASE("language_for_path") {
  CHECK(language_for_path("app/models.py")->name == "python");
  CHECK(language_for_path("src/db.mjs")->name == "javascript");
  CHECK(language_for_path("src/db.cts")->name == "typescript");
  CHECK(language_for_path("src/View.tsx")->name == "tsx");
  CHECK(language_for_path("store/users.go")->name == "go");
  CHECK(language_for_path("queries/users.SQL")->name == "sql");
  CHECK(language_for_path("README.md") == nullptr);
  CHECK(language_for_path("Makefile") == nullptr);
  CHECK(language_for_path("dir.py/file") == nullptr);
}

TEST_CASE("python: execute with a triple-quoted f-string") {
  std::string src =
      "def load(cur, name):\n"
      "    cur.execute(f\"\"\"\n"
      "        SELECT id, model_version FROM models WHERE name = {name!r:>10}\n"
      "    \"\"\")\n";
  auto sites = extract("m.py", src);
  REQUIRE(sites.size() == 1);
  const SqlSite& s = sites[0];
  CHECK(s.sql.text == "\n        SELECT id, model_version FROM models WHERE name = \x01\n    ");
  CHECK(s.database_call);
  CHECK_FALSE(s.dynamic);
  CHECK(s.call_name == "execute");
  CHECK(s.host_begin == find(src, "f\"\"\""));
  CHECK(origin_of(s, "model_version") == find(src, "model_version"));
  CHECK(origin_of(s, "\x01") == find(src, "{name"));
  CHECK(s.sql.text.size() == s.sql.origin.size());
}

TEST_CASE("python: implicit concatenation, escapes, raw strings, {{ }}") {
  std::string src =
      "cur.execute(\"SELECT a, \"\n"
      "            'b FROM t')\n"
      "cur.execute(\"SELECT '\\u00e9'\\tFROM t\")\n"
      "cur.execute(r\"SELECT '\\d+' FROM t\")\n"
      "cur.execute(f\"SELECT '{{}}' FROM {table}\")\n";
  auto sites = extract("m.py", src);
  REQUIRE(sites.size() == 4);
  CHECK(sites[0].sql.text == "SELECT a, b FROM t");
  CHECK(origin_of(sites[0], "b FROM") == find(src, "b FROM"));
  CHECK(sites[1].sql.text == "SELECT '\xc3\xa9'\tFROM t");
  uint32_t esc = find(src, "\\u00e9");
  CHECK(sites[1].sql.origin[8] == esc);  // both bytes of é map to the backslash
  CHECK(sites[1].sql.origin[9] == esc);
  CHECK(origin_of(sites[1], "\t") == find(src, "\\tFROM"));
  CHECK(origin_of(sites[1], "FROM") == find(src, "FROM t\")"));
  CHECK(sites[2].sql.text == "SELECT '\\d+' FROM t");
  CHECK(sites[3].sql.text == "SELECT '{}' FROM \x01");
  CHECK(origin_of(sites[3], "}") == find(src, "}}"));
}

TEST_CASE("python: constants, % formatting, + with a variable, scopes") {
  std::string src =
      "USERS = \"SELECT id, email FROM users\"\n"
      "BY_ID = USERS + \" WHERE id = %s\"\n"
      "def one(cur, uid):\n"
      "    cur.execute(BY_ID, (uid,))\n"
      "def page(cur, n):\n"
      "    cur.execute(\"SELECT * FROM events LIMIT %d\" % n)\n"
      "def dyn(cur, table):\n"
      "    cur.execute(\"SELECT * FROM \" + table + \" WHERE ok\")\n"
      "def a(cur):\n"
      "    query = \"SELECT 1 FROM a\"\n"
      "    cur.execute(query)\n"
      "def b(cur):\n"
      "    query = \"SELECT 1 FROM b\"\n"
      "    query += \" WHERE x\"\n"
      "    cur.execute(query)\n"
      "def c(cur, USERS):\n"
      "    cur.execute(USERS)\n";
  auto sites = extract("m.py", src);
  REQUIRE(sites.size() == 6);
  // USERS and BY_ID reach execute: reported once, by the call, mapping to the definitions.
  CHECK(sites[0].sql.text == "SELECT id, email FROM users WHERE id = %s");
  CHECK(sites[0].database_call);
  CHECK(sites[0].host_begin == find(src, "BY_ID, (uid"));
  CHECK(origin_of(sites[0], "email") == find(src, "email"));
  CHECK(origin_of(sites[0], " WHERE id") == find(src, " WHERE id"));
  // `%` formats: a value that is not a string the file defines is a hole.
  CHECK(sites[1].sql.text == "SELECT * FROM events LIMIT \x01");
  CHECK(sites[2].sql.text == "SELECT * FROM \x01 WHERE ok");
  CHECK(origin_of(sites[2], "\x01") == find(src, "table + "));
  CHECK(sites[3].sql.text == "SELECT 1 FROM a");
  CHECK(sites[4].sql.text == "SELECT 1 FROM b WHERE x");
  // A parameter hides the module constant of the same name.
  CHECK(sites[5].dynamic);
  CHECK(sites[5].sql.empty());
  CHECK(sites[5].call_name == "execute");
  CHECK(sites[5].host_begin == find(src, "USERS)\n"));
}

TEST_CASE("python: dynamic calls, nested text(), keyword sql=, plain strings") {
  std::string src =
      "conn.execute(text(\"SELECT 1 FROM t\"))\n"
      "cur.execute(build_query(user))\n"
      "cur.execute()\n"
      "df = pd.read_sql(sql=\"SELECT * FROM t\", con=engine)\n"
      "STALE = 'UPDATE jobs SET state = \\'stale\\''\n"
      "log.info(\"select a thing\")\n";
  auto sites = extract("m.py", src);
  REQUIRE(sites.size() == 5);
  CHECK(sites[0].call_name == "text");
  CHECK(sites[0].sql.text == "SELECT 1 FROM t");
  CHECK(sites[1].dynamic);
  CHECK(sites[1].host_begin == find(src, "build_query"));
  CHECK(sites[2].call_name == "read_sql");
  CHECK(sites[2].sql.text == "SELECT * FROM t");
  CHECK_FALSE(sites[3].database_call);
  CHECK(sites[3].sql.text == "UPDATE jobs SET state = 'stale'");
  CHECK(sites[3].host_begin == find(src, "'UPDATE"));
  CHECK_FALSE(sites[4].database_call);
  CHECK(sites[4].sql.text == "select a thing");
}

TEST_CASE("javascript: template literal, tagged templates, config object") {
  std::string src =
      "const r = await pool.query(`SELECT * FROM users WHERE id = ${id} AND model_version = $1`,"
      " [v]);\n"
      "const rows = await sql`SELECT name FROM users WHERE id = ${id}`;\n"
      "await prisma.$queryRaw`SELECT 1 FROM \"User\"`;\n"
      "client.query({ text: 'DELETE FROM s WHERE id = $1', values: [1] });\n"
      "const m = /a/.exec(s); Promise.any([p]);\n"
      "const html = gql`query { x }`;\n"
      "db.query(\"SELECT \\u{1F600}\\x41\\\n"
      "B\");\n";
  auto sites = extract("a.js", src);
  REQUIRE(sites.size() == 5);
  CHECK(sites[0].sql.text == "SELECT * FROM users WHERE id = \x01 AND model_version = $1");
  CHECK(sites[0].call_name == "query");
  CHECK(origin_of(sites[0], "model_version") == find(src, "model_version"));
  CHECK(origin_of(sites[0], "\x01") == find(src, "${id} AND"));
  CHECK(sites[1].call_name == "sql");
  CHECK(sites[1].database_call);
  CHECK(sites[1].sql.text == "SELECT name FROM users WHERE id = \x01");
  CHECK(sites[1].host_begin == find(src, "`SELECT name"));
  CHECK(sites[2].call_name == "$queryRaw");
  CHECK(sites[2].sql.text == "SELECT 1 FROM \"User\"");
  CHECK(sites[3].sql.text == "DELETE FROM s WHERE id = $1");
  CHECK(sites[3].host_begin == find(src, "'DELETE"));
  CHECK(sites[4].sql.text == "SELECT \xF0\x9F\x98\x80" "AB");
  CHECK(origin_of(sites[4], "A") == find(src, "\\x41"));
}

TEST_CASE("typescript: constant + concatenation, dynamic variable, generic tag") {
  std::string src =
      "const BASE = \"SELECT id, model_version FROM models\" as const;\n"
      "export async function byOrg(org: string) {\n"
      "  return db.query(BASE + ' WHERE org = $1' + suffix(), [org]);\n"
      "}\n"
      "export function run(q: string) { return pool.query(q); }\n"
      "const typed = sql<Row>`SELECT a FROM b`;\n"
      "let note = `update the docs`;\n"
      "const n = await db.query<{ n: number }>(\"SELECT count(*) AS n FROM t\");\n";
  auto sites = extract("repo.ts", src);
  REQUIRE(sites.size() == 5);
  CHECK(sites[0].sql.text == "SELECT id, model_version FROM models WHERE org = $1\x01");
  CHECK(sites[0].database_call);
  CHECK(sites[0].host_begin == find(src, "BASE + "));
  CHECK(origin_of(sites[0], "model_version") == find(src, "model_version"));
  CHECK(origin_of(sites[0], " WHERE") == find(src, " WHERE"));
  CHECK(origin_of(sites[0], "\x01") == find(src, "suffix()"));
  CHECK(sites[1].dynamic);
  CHECK(sites[1].call_name == "query");
  CHECK(sites[1].host_begin == find(src, "q); }"));
  CHECK(sites[2].call_name == "sql");
  CHECK(sites[2].sql.text == "SELECT a FROM b");
  CHECK_FALSE(sites[3].database_call);
  CHECK(sites[3].sql.text == "update the docs");
  CHECK(sites[4].call_name == "query");  // the grammar puts the await inside the callee here
  CHECK(sites[4].sql.text == "SELECT count(*) AS n FROM t");
}

TEST_CASE("tsx parses JSX and finds the query") {
  std::string src =
      "export const View = () => <div>{rows.length}</div>;\n"
      "const q = 'SELECT 1 FROM t';\n"
      "db.execute(q);\n";
  auto sites = extract("View.tsx", src);
  REQUIRE(sites.size() == 1);
  CHECK(sites[0].call_name == "execute");
  CHECK(sites[0].sql.text == "SELECT 1 FROM t");
  CHECK(sites[0].host_begin == find(src, "q);"));
  CHECK(origin_of(sites[0], "SELECT") == find(src, "SELECT"));
}

TEST_CASE("go: raw string after ctx, const concatenation, sqlx Get, gorm Select") {
  std::string src =
      "package store\n"
      "const base = \"SELECT id, model_version FROM models\"\n"
      "const (\n"
      "\tbyName = base + \" WHERE name = $1\"\n"
      ")\n"
      "func (s *Store) One(ctx context.Context, name string) error {\n"
      "\trow := s.db.QueryRowContext(ctx, `SELECT id FROM users\n"
      "\t\tWHERE email = $1`, name)\n"
      "\t_, err := s.db.Query(byName, name)\n"
      "\tquery := \"\\tSELECT count(*) FROM t\"\n"
      "\terr = s.db.Get(&n, query)\n"
      "\ts.gorm.Select(\"name\", \"age\").Find(&users)\n"
      "\terr = s.db.GetContext(ctx, &n, base+\" LIMIT 1\")\n"
      "\treturn err\n"
      "}\n"
      "func (s *Store) Run(ctx context.Context, q string) { s.db.ExecContext(ctx, q) }\n";
  auto sites = extract("store.go", src);
  REQUIRE(sites.size() == 5);
  CHECK(sites[0].call_name == "QueryRowContext");
  CHECK(sites[0].sql.text == "SELECT id FROM users\n\t\tWHERE email = $1");
  CHECK(sites[0].host_begin == find(src, "`SELECT id"));
  CHECK(origin_of(sites[0], "SELECT") == find(src, "`SELECT id") + 1);
  CHECK(origin_of(sites[0], "email") == find(src, "email"));
  CHECK(sites[1].call_name == "Query");
  CHECK(sites[1].sql.text == "SELECT id, model_version FROM models WHERE name = $1");
  CHECK(origin_of(sites[1], "model_version") == find(src, "model_version"));
  CHECK(sites[1].host_begin == find(src, "byName, name"));
  CHECK(sites[2].call_name == "Get");
  CHECK(sites[2].sql.text == "\tSELECT count(*) FROM t");
  CHECK(sites[2].sql.origin[0] == find(src, "\\tSELECT"));
  CHECK(sites[3].call_name == "GetContext");
  CHECK(sites[3].sql.text == "SELECT id, model_version FROM models LIMIT 1");
  CHECK(sites[4].dynamic);
  CHECK(sites[4].call_name == "ExecContext");
  CHECK(sites[4].host_begin == find(src, "q) }"));
}

TEST_CASE("sql file: statements split at top-level semicolons") {
  std::string src =
      "-- users\n"
      "SELECT id, 'a;b' AS \"x;y\" FROM users; /* ; */\n"
      "CREATE FUNCTION f() RETURNS int AS $body$\n"
      "BEGIN RETURN 1; END;\n"
      "$body$ LANGUAGE plpgsql;\n"
      "SELECT E'it\\'s;' , $1 FROM t\n"
      "-- trailing\n";
  auto sites = extract("q.sql", src);
  REQUIRE(sites.size() == 3);
  CHECK(sites[0].sql.text == "SELECT id, 'a;b' AS \"x;y\" FROM users");
  CHECK(sites[0].host_begin == find(src, "SELECT id"));
  CHECK(sites[0].database_call);
  CHECK(sites[0].call_name == "sql-file");
  CHECK(sites[1].sql.text ==
        "CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN RETURN 1; END;\n$body$ LANGUAGE plpgsql");
  CHECK(origin_of(sites[1], "RETURN 1") == find(src, "RETURN 1"));
  CHECK(sites[2].sql.text == "SELECT E'it\\'s;' , $1 FROM t\n-- trailing");
}

TEST_CASE("sql file: psql meta-commands end the statement before them and are not sites") {
  std::string src =
      "\\set ON_ERROR_STOP on\n"
      "select count(*) as n from t \\gset\n"
      "select E'a\\\\b', :'n'::int;\n";
  auto sites = extract("script.sql", src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "select count(*) as n from t");
  CHECK(sites[1].sql.text == "select E'a\\\\b', :'n'::int");
}

TEST_CASE("go: pgx's Exec(ctx, sql) takes DDL as well as DML, but not a plain word") {
  std::string src =
      "package store\n"
      "func Stage(ctx context.Context, tx pgx.Tx, s string) {\n"
      "\ttx.Exec(ctx, `CREATE TEMP TABLE tmp_x ON COMMIT DROP AS SELECT 1 AS a`)\n"
      "\ttx.Exec(ctx, \"active\")\n"
      "}\n";
  auto sites = extract("store.go", src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "CREATE TEMP TABLE tmp_x ON COMMIT DROP AS SELECT 1 AS a");
  CHECK(sites[1].dynamic);
}

TEST_CASE("UI prose that parses is not a site unless a database call receives it") {
  std::vector<schemagate::sql::ParsedStatement> stmts;
  schemagate::sql::ParseError err;
  CHECK(schemagate::sql::parse("Select an option", &stmts, &err));  // SELECT an AS option
  std::string src =
      "const placeholder = \"Select an option\";\n"
      "const confirm = \"Delete from the list.\";\n"
      "db.query(\"Select an option\");\n";
  auto sites = extract("form.ts", src);
  REQUIRE(sites.size() == 1);  // the two constants are prose (string_eval.cpp, reads_as_prose)
  CHECK(sites[0].database_call);
  CHECK(sites[0].host_begin == find(src, "\"Select an option\");"));
}

TEST_CASE("a database call's literal that is no query is not a site") {
  // Same-named calls of other libraries: gin's c.Query, a cache's Get(ctx, key) (sqlx's Get
  // takes the destination first, never a context), a JS fragment. Literals that parse (SHOW,
  // VACUUM, TABLE t) or read as SQL (a broken SELECT) stay sites, and so do a database call's
  // arguments built at run time.
  std::string go =
      "package api\n"
      "func h(c *gin.Context, ctx context.Context, key string, q string) {\n"
      "\tstatus := c.Query(\"status\")\n"
      "\tv, _ := rdb.Get(ctx, \"user-id-123\").Result()\n"
      "\t_, _ = db.Query(\"SHOW search_path\")\n"
      "\t_, _ = db.Exec(\"VACUUM ANALYZE\")\n"
      "\t_, _ = db.Query(\"SELECT id FROM t WHERE\")\n"
      "\tw, _ := rdb.Get(ctx, key).Result()\n"
      "\t_, _ = db.Query(q)\n"
      "}\n";
  auto sites = extract("h.go", go);
  REQUIRE(sites.size() == 4);
  CHECK(sites[0].sql.text == "SHOW search_path");
  CHECK(sites[1].sql.text == "VACUUM ANALYZE");
  CHECK(sites[2].sql.text == "SELECT id FROM t WHERE");
  CHECK(sites[3].dynamic);
  CHECK(sites[3].host_begin == find(go, "q)\n"));

  std::string py =
      "cur.execute(\"status\")\n"
      "cur.execute(\"TABLE users\")\n"
      "cur.execute(\"users_\" + suffix)\n";
  auto py_sites = extract("m.py", py);
  REQUIRE(py_sites.size() == 2);
  CHECK(py_sites[0].sql.text == "TABLE users");
  CHECK(py_sites[1].sql.text == "users_\x01");

  std::string js =
      "const order = sql`ORDER BY created_at DESC`;\n"
      "const rows = await sql`SELECT * FROM t ${order}`;\n";
  auto js_sites = extract("q.js", js);
  REQUIRE(js_sites.size() == 1);
  CHECK(js_sites[0].sql.text == "SELECT * FROM t \x01");
}

TEST_CASE("sql files: a query header starts the next query when the previous has no semicolon") {
  std::string text = "-- name: first\nSELECT 1 FROM a\n\n-- second --\nSELECT 2 FROM b\n-- a comment, not a header\nWHERE x\n";
  auto sites = extract("q.sql", text);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "SELECT 1 FROM a");
  CHECK(sites[1].sql.text == "SELECT 2 FROM b\n-- a comment, not a header\nWHERE x");
  CHECK(sites[1].host_begin == text.find("SELECT 2"));
}

TEST_CASE("escapes in JavaScript and Go strings decode with origins at the backslash") {
  std::string js = "pool.query(\"SELECT 'caf\\u00e9\\x21\\a'\\nFROM t\");\n";
  auto j = extract("q.js", js);
  REQUIRE(j.size() == 1);
  CHECK(j[0].sql.text == "SELECT 'caf\xc3\xa9!a'\nFROM t");  // \a is just "a" in JavaScript
  CHECK(origin_of(j[0], "!") == find(js, "\\x21"));
  CHECK(origin_of(j[0], "\n") == find(js, "\\nFROM"));
  std::string go = "package p\nfunc f() { db.Exec(\"SELECT '\\x41\\101\\a\\u00e9'\\tFROM t\") }\n";
  auto g = extract("q.go", go);
  REQUIRE(g.size() == 1);
  CHECK(g[0].sql.text == "SELECT 'AA\a\xc3\xa9'\tFROM t");
  CHECK(origin_of(g[0], "\a") == find(go, "\\a"));
  CHECK(origin_of(g[0], "FROM") == find(go, "FROM t"));
}

TEST_CASE("python: % and str.format with constant arguments, join of a literal list") {
  std::string src =
      "COLUMNS = \"id, email\"\n"
      "TABLE = 'users'\n"
      "def one(cur, uid, order):\n"
      "    cur.execute(\"SELECT %s FROM %s WHERE id = %%s ORDER BY %s\" % (COLUMNS, TABLE, order), (uid,))\n"
      "def two(cur):\n"
      "    cur.execute(\"SELECT {cols} FROM {0} WHERE {{}}\".format(TABLE, cols=COLUMNS))\n"
      "def three(cur, extra):\n"
      "    conds = [\"active\", \"email IS NOT NULL\"]\n"
      "    cur.execute(\"SELECT id FROM users WHERE \" + \" AND \".join(conds))\n"
      "    grown = [\"active\"]\n"
      "    grown.append(extra)\n"
      "    cur.execute(\"SELECT id FROM users WHERE \" + \" AND \".join(grown))\n";
  auto sites = extract("m.py", src);
  REQUIRE(sites.size() == 4);
  CHECK(sites[0].sql.text == "SELECT id, email FROM users WHERE id = %s ORDER BY \x01");
  CHECK(origin_of(sites[0], "email") == find(src, "email"));
  CHECK(origin_of(sites[0], "\x01") == find(src, "%s\" % ("));
  CHECK(sites[1].sql.text == "SELECT id, email FROM users WHERE {}");
  CHECK(sites[2].sql.text == "SELECT id FROM users WHERE active AND email IS NOT NULL");
  // A list the function grows is not the list literal: the join is a hole.
  CHECK(sites[3].sql.text == "SELECT id FROM users WHERE \x01");
}

TEST_CASE("go: fmt.Sprintf with constant arguments and strings.Join of a literal slice") {
  std::string src =
      "package q\n"
      "const cols = \"id, email\"\n"
      "func f(ctx context.Context, db *sql.DB, id int, order string) {\n"
      "\tdb.QueryContext(ctx, fmt.Sprintf(\"SELECT %s FROM users WHERE id = $%d ORDER BY %s\", cols, 1, order))\n"
      "\tq := fmt.Sprintf(`SELECT id FROM users WHERE %s`, strings.Join([]string{\"active\", \"NOT banned\"}, \" AND \"))\n"
      "\tdb.Query(q)\n"
      "}\n";
  auto sites = extract("q.go", src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "SELECT id, email FROM users WHERE id = $1 ORDER BY \x01");
  CHECK(origin_of(sites[0], "email") == find(src, "email"));
  CHECK(sites[1].sql.text == "SELECT id FROM users WHERE active AND NOT banned");
  CHECK(sites[1].database_call);
}

TEST_CASE("go: strings.Join of a slice grown with append(parts, ...) joins every appended element; a spread or an unrecorded append is a hole") {
  std::string src =
      "package q\n"
      "func f(ctx context.Context, db *sql.DB, pinned bool, extra []string) {\n"
      "\tfields := []string{\"note.id AS id\", \"note.body AS body\"}\n"
      "\twhere, args := []string{\"1 = 1\"}, []any{}\n"
      "\tif pinned {\n"
      "\t\twhere, args = append(where, \"note.pinned\"), append(args, true)\n"
      "\t\tfields = append(fields, \"note.pinned_ts AS pinned_ts\", \"note.rank AS rank\")\n"
      "\t}\n"
      "\tdb.QueryContext(ctx, \"SELECT \"+strings.Join(fields, \", \")+\" FROM note WHERE \"+strings.Join(where, \" AND \"), args...)\n"
      "\tspread := []string{\"a\"}\n"
      "\tspread = append(spread, extra...)\n"
      "\tdb.QueryContext(ctx, \"SELECT \"+strings.Join(spread, \", \")+\" FROM note\")\n"
      "\tother := []string{\"a\"}\n"
      "\tcopyOf := append(other, \"b\")\n"
      "\tdb.QueryContext(ctx, \"SELECT \"+strings.Join(other, \", \")+\" FROM note\", copyOf)\n"
      "}\n";
  auto sites = extract("q.go", src);
  REQUIRE(sites.size() == 3);
  CHECK(sites[0].sql.text ==
        "SELECT note.id AS id, note.body AS body, note.pinned_ts AS pinned_ts, note.rank AS rank FROM note WHERE 1 = 1 AND note.pinned");
  CHECK(origin_of(sites[0], "pinned_ts") == find(src, "pinned_ts"));
  CHECK(sites[1].sql.text == "SELECT \x01 FROM note");
  // copyOf := append(other, ...) is not recorded as growing `other`: the join is not trusted.
  CHECK(sites[2].sql.text == "SELECT \x01 FROM note");
}

TEST_CASE("go: a statement the function prepared runs values, not SQL: its Exec/QueryRowContext calls are no sites") {
  std::string src =
      "package q\n"
      "func save(ctx context.Context, tx *sqlx.Tx, url, title string) error {\n"
      "\tstmt, err := tx.PrepareContext(ctx, `INSERT INTO bookmark (url, title) VALUES ($1, $2) RETURNING id`)\n"
      "\tif err != nil { return err }\n"
      "\tvar id int\n"
      "\treturn stmt.QueryRowContext(ctx, url, title).Scan(&id)\n"
      "}\n"
      "func load(ctx context.Context, db *sql.DB, query string) error {\n"
      "\t_, err := db.ExecContext(ctx, query)\n"
      "\treturn err\n"
      "}\n";
  auto sites = extract("q.go", src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].call_name == "PrepareContext");
  CHECK(sites[0].sql.text == "INSERT INTO bookmark (url, title) VALUES ($1, $2) RETURNING id");
  // The handle is a database, not a prepared statement: its query is a parameter, still a site.
  CHECK(sites[1].call_name == "ExecContext");
  CHECK(sites[1].dynamic);
}

TEST_CASE("go: a name is a prepared statement only after the Prepare in its own function, nested literals too") {
  std::string src =
      "package q\n"
      "func a(ctx context.Context, tx *sql.Tx, stmt *sql.DB) {\n"
      "\tstmt.QueryContext(ctx, `SELECT 1 FROM before_prepare`)\n"
      "\tstmt, err := tx.PrepareContext(ctx, `SELECT 2 FROM prepared`)\n"
      "\tstmt.QueryContext(ctx, 1)\n"
      "\tgo func() { stmt.ExecContext(ctx, 2) }()\n"
      "}\n"
      "func b(ctx context.Context, stmt *sql.DB) {\n"
      "\tstmt.QueryContext(ctx, `SELECT 3 FROM other_function`)\n"
      "\tf := func() { stmt, _ := tx.Prepare(`SELECT 4 FROM in_literal`); stmt.Exec(3) }\n"
      "\tstmt.QueryContext(ctx, `SELECT 5 FROM after_literal`)\n"
      "}\n";
  auto sites = extract("q.go", src);
  std::vector<std::string> calls;
  for (auto& s : sites) calls.push_back(s.sql.text + (s.database_call ? " <- " + s.call_name : ""));
  // a's first call comes before its Prepare, b's first is another function's handle: sites. A
  // Prepare in a nested literal counts for what follows it in the enclosing function too, so
  // b's last call runs a statement and its text stands alone.
  CHECK(calls == std::vector<std::string>{"SELECT 1 FROM before_prepare <- QueryContext",
                                          "SELECT 2 FROM prepared <- PrepareContext",
                                          "SELECT 3 FROM other_function <- QueryContext",
                                          "SELECT 4 FROM in_literal <- Prepare", "SELECT 5 FROM after_literal"});
}

TEST_CASE("go: T{}.TableName() and pop.Model{Value: T{}}.TableName() read the method's literal; %q quotes a plain name") {
  std::string src =
      "package models\n"
      "type Session struct{ ID string }\n"
      "func (Session) TableName() string {\n"
      "\ttableName := \"sessions\"\n"
      "\treturn tableName\n"
      "}\n"
      "type Factor struct{}\n"
      "func (f *Factor) TableName() string { return \"mfa_factors\" }\n"
      "type Dyn struct{ name string }\n"
      "func (d Dyn) TableName() string { if d.name != \"\" { return d.name }; return \"dyn\" }\n"
      "func f(tx *storage.Connection) {\n"
      "\ttx.RawQuery(\"DELETE FROM \" + (&pop.Model{Value: Session{}}).TableName() + \" WHERE id = ?\").Exec()\n"
      "\tfactors := (&Factor{}).TableName()\n"
      "\ttx.RawQuery(fmt.Sprintf(\"delete from %q where status = 'x' and %q.id = $1\", factors, factors)).Exec()\n"
      "\ttx.RawQuery(\"SELECT * FROM \" + Dyn{}.TableName()).Exec()\n"
      "\ttx.RawQuery(fmt.Sprintf(\"SELECT * FROM %q\", \"a\\\"b\")).Exec()\n"
      "}\n";
  auto sites = extract("models/s.go", src);
  REQUIRE(sites.size() == 4);
  CHECK(sites[0].sql.text == "DELETE FROM sessions WHERE id = ?");
  CHECK(origin_of(sites[0], "sessions") == find(src, "\"sessions\"") + 1);
  CHECK(sites[1].sql.text == "delete from \"mfa_factors\" where status = 'x' and \"mfa_factors\".id = $1");
  // A TableName with a branch is not one text; a quote inside %q's text would be escaped.
  CHECK(sites[2].sql.text == "SELECT * FROM \x01");
  CHECK(sites[3].sql.text == "SELECT * FROM \x01");
}

TEST_CASE("choices of constants: one site per variant, functions inlined with their arguments") {
  std::string py =
      "def order(desc):\n"
      "    return 'ORDER BY created_at DESC' if desc else 'ORDER BY created_at'\n"
      "def load(cur, desc, kind):\n"
      "    col = 'title' if kind == 'a' else 'name'\n"
      "    cur.execute(f'SELECT {col} FROM items ' + order(desc))\n";
  auto sites = extract("m.py", py);
  REQUIRE(sites.size() == 4);
  CHECK(sites[0].sql.text == "SELECT title FROM items ORDER BY created_at DESC");
  CHECK(sites[0].variant == 0);
  CHECK(sites[3].sql.text == "SELECT name FROM items ORDER BY created_at");
  CHECK(sites[3].variant == 3);
  CHECK(origin_of(sites[3], "name") == find(py, "'name'") + 1);
  for (auto& s : sites) CHECK(s.host_begin == sites[0].host_begin);

  std::string go =
      "package store\n"
      "import \"fmt\"\n"
      "func deleteFrom(table string) string { return fmt.Sprintf(\"DELETE FROM %s WHERE id = $1\", table) }\n"
      "func run(db DB) { db.Exec(deleteFrom(\"sessions\"), 1) }\n";
  auto go_sites = extract("s.go", go);
  REQUIRE(go_sites.size() == 1);
  CHECK(go_sites[0].sql.text == "DELETE FROM sessions WHERE id = $1");
  CHECK(origin_of(go_sites[0], "sessions") == find(go, "\"sessions\"") + 1);

  // A parameter the function does not get (a method's receiver unknown) stays a hole.
  std::string js = "function cols(t) { return t + '.id'; }\nawait pool.query(`SELECT ${cols(x)} FROM users`);\n";
  auto js_sites = extract("q.js", js);
  REQUIRE(js_sites.size() == 1);
  CHECK(js_sites[0].sql.text == "SELECT \x01.id FROM users");
}

TEST_CASE("python: a list grown by append, then joined") {
  std::string src =
      "def find(cur, status, name):\n"
      "    conds = ['deleted_at IS NULL']\n"
      "    if status:\n"
      "        conds.append('status = %s')\n"
      "    if name:\n"
      "        conds.append('name = %s')\n"
      "    cur.execute('SELECT id FROM items WHERE ' + ' AND '.join(conds))\n"
      "def other(cur, extra):\n"
      "    parts = ['a = 1']\n"
      "    [parts.append(e) for e in extra]\n"  // an append no definition records: not joined
      "    cur.execute('SELECT id FROM items WHERE ' + ' AND '.join(parts))\n";
  auto sites = extract("q.py", src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "SELECT id FROM items WHERE deleted_at IS NULL AND status = %s AND name = %s");
  CHECK(origin_of(sites[0], "name = %s") == find(src, "'name = %s'") + 1);
  CHECK(sites[1].sql.text == "SELECT id FROM items WHERE \x01");
}

TEST_CASE("the kinds a language lists as asked cover every answer its syntax gives (Go, Python)") {
  // The engine asks definitions, calls and string kinds only at the node kinds the language
  // lists (HostSyntax::asked_kinds); with the check on it asks everywhere and counts a node
  // where a skipped question had an answer.
  const std::string go = R"(package store

import (
	"context"
	"fmt"
	"strings"
)

const cols = "id, name"
var base, other = "SELECT " + cols + " FROM users", 1

type Store struct{ sqlGet string }

func (s *Store) Get(ctx context.Context, id int, names ...string) error {
	q := base + " WHERE id = $1"
	q += " AND deleted_at IS NULL"
	var b strings.Builder
	b.WriteString("UPDATE users SET ")
	fmt.Fprintf(&b, "name = %s", "$2")
	b.Reset()
	f := func(table string) string { return fmt.Sprintf("SELECT * FROM %s", table) }
	parts := []string{}
	parts = append(parts, "a = 1")
	where := strings.Join(parts, " AND ")
	for i, n := range names {
		_, _ = i, n
	}
	x := Store{sqlGet: "SELECT 1"}
	s.sqlGet = where
	_, err := s.db.ExecContext(ctx, q+where, id)
	_ = f("t") + x.sqlGet
	return err
}
)";
  const std::string py = R"(from .queries import GET_USER, LIST as L
import os

COLS = "id, name"
BASE = "SELECT " + COLS + " FROM users"

class Repo:
    def get(self, cur, uid, *rest, key=None):
        q = BASE + " WHERE id = %s"
        q += " AND deleted_at IS NULL"
        conds = []
        conds.append("a = 1")
        where = " AND ".join(conds)
        f = lambda t: "SELECT * FROM {}".format(t)
        for name in rest:
            pass
        ids = [i for i in rest]
        cur.execute(f"{q} AND {where}" "", (uid,))
        cur.execute("SELECT %s FROM t" % (COLS,))
        return f("x"), ids, os.sep

def helper(sql: str, *, conn):
    return conn.execute(sql)
)";
  schemagate::languages::check_asked_kinds(true);
  auto go_sites = extract("store.go", go);
  auto py_sites = extract("repo.py", py);
  CHECK(schemagate::languages::asked_kinds_mismatches() == 0);
  CHECK(!go_sites.empty());
  CHECK(!py_sites.empty());
  schemagate::languages::check_asked_kinds(false);
}

TEST_CASE("a literal no call receives is read as SQL when its verb comes from an escape, an interpolation, or its body") {
  // find_sites decodes a literal only when its bytes may hold a statement's verb (see
  // may_read_as_sql): an escape or an interpolation may make one the bytes do not spell.
  const std::string py =
      "A = \"\\x73elect id from users\"\n"
      "Q = \"SEL\" \"ECT\"\n"
      "B = f\"{Q} * FROM users\"\n"
      "C = \"Hello world, nothing here\"\n"
      "D = 'uPdAtE t SET a = 1'\n";
  auto sites = extract("m.py", py);
  std::vector<std::string> texts;
  for (auto& s : sites) texts.push_back(s.sql.text);
  CHECK(std::count(texts.begin(), texts.end(), "select id from users") == 1);
  CHECK(std::count(texts.begin(), texts.end(), "SELECT * FROM users") == 1);
  CHECK(std::count(texts.begin(), texts.end(), "uPdAtE t SET a = 1") == 1);
  CHECK(std::none_of(texts.begin(), texts.end(), [](const std::string& t) { return t.find("Hello") != std::string::npos; }));
  const std::string go =
      "package p\n"
      "const q = \"\\x53ELECT 1 FROM t\"\n"
      "var s = `update t set a = 1`\n"
      "var h = \"hello\"\n";
  auto go_sites = extract("p.go", go);
  REQUIRE(go_sites.size() == 2);
  CHECK(go_sites[0].sql.text == "SELECT 1 FROM t");
  CHECK(go_sites[1].sql.text == "update t set a = 1");
  // Without escapes or interpolations the literal's body answers: read past a prefix and the
  // quotes (triple too), its statement after blanks, parentheses and comments.
  const std::string py2 =
      "T = rb\"\"\"\n  (SELECT 1 FROM t)\"\"\"\n"
      "U = '/* c */ delete from t'\n"
      "P = \"Select the rows with care\"\n";
  auto py2_sites = extract("n.py", py2);
  REQUIRE(py2_sites.size() == 2);
  CHECK(py2_sites[0].sql.text == "\n  (SELECT 1 FROM t)");
  CHECK(py2_sites[1].sql.text == "/* c */ delete from t");
  const std::string go2 = "package p\nvar r = `\n\tWITH x AS (SELECT 1) SELECT * FROM x`\nvar e = \"\"\n";
  auto go2_sites = extract("r.go", go2);
  REQUIRE(go2_sites.size() == 1);
  CHECK(go2_sites[0].sql.text == "\n\tWITH x AS (SELECT 1) SELECT * FROM x");
}

TEST_CASE("a string the engine's walks leave opaque holds nothing they ask about") {
  // HostSyntax::opaque: Python strings without '{', Go's string literals, names and types of
  // names in both, none with an error.
  // check_asked_kinds walks each opaque node and counts a node under it that answers a question.
  const std::string py =
      "A = \"SELECT 1 FROM a\\n\"\n"
      "B = r'SELECT \\d FROM b' b\"x\" '''SELECT c\n FROM c'''\n"
      "C = f\"{{literal}} SELECT 1 FROM d\"\n"
      "def f(cur):\n"
      "    return f\"rows: {cur.execute('SELECT x FROM e')}\"\n"
      "import a.b.c\n"
      "def g(a: dict[str, list[int]] | None, b: [x for x in y], c: mod.Type, d: 'SELECT 4 FROM f', e: lambda: int) -> int:\n"
      "    for_ = self.store.db_pool if a is not None and not b or c <= d else f(key=value, k2=lambda_)\n"
      "    return x + connections[\"analytics\"].execute(\"SELECT 5 FROM g\")\n"
      "D = \"unterminated\n";
  const std::string go =
      "package p\n"
      "const A = \"SELECT 1 FROM a\\n\\u00e9\"\n"
      "const B = `SELECT 2\n FROM b`\n"
      "func f() { db.Query(\"SELECT 3 FROM c\\t\") }\n"
      "type S struct { db *sql.DB; m map[string][]int; g List[int]; a [N * 2]byte }\n"
      "func (s *S) g(ctx context.Context) { s.db.QueryContext(ctx, \"SELECT 6 FROM h\") }\n"
      "var C = \"bad \\q\n";
  schemagate::languages::check_asked_kinds(true);
  auto py_sites = extract("m.py", py);
  auto go_sites = extract("m.go", go);
  CHECK(schemagate::languages::asked_kinds_mismatches() == 0);
  schemagate::languages::check_asked_kinds(false);
  std::vector<std::string> texts;
  for (auto& s : py_sites) texts.push_back(s.sql.text);
  for (auto& s : go_sites) texts.push_back(s.sql.text);
  for (const char* t : {"SELECT 1 FROM a\n", "SELECT \\d FROM bxSELECT c\n FROM c", "SELECT 1 FROM a\n\xc3\xa9",
                        "SELECT 2\n FROM b", "SELECT 3 FROM c\t", "SELECT 4 FROM f", "SELECT 5 FROM g",
                        "SELECT 6 FROM h"})
    CHECK_MESSAGE(std::count(texts.begin(), texts.end(), t) == 1, std::string(t));
  CHECK(texts.size() == 8);
}

TEST_CASE("language_for_path: the language listed first for the file's extension, in any ASCII case") {
  // The oracle: languages() walked in order, each extension compared in lower case.
  auto walked = [](std::string_view path) -> const Language* {
    std::string_view base = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
    size_t dot = base.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return nullptr;
    std::string ext(base.substr(dot));
    for (char& c : ext) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    for (const Language& lang : schemagate::languages::languages())
      for (std::string_view e : lang.extensions)
        if (ext == e) return &lang;
    return nullptr;
  };
  std::vector<std::string> paths = {"a.go", "dir/b.PY", "x/y/z.Ts", "c.tsx", "d.mjs", "e.cjs", "f.sql", "g.SQL",
                                    "h.rb", "i.java", "j.kt", "k.xml", "l.txt", "README", ".sql", "dir/.py", "m.",
                                    "n.go/", "o.tar.gz", "p.verylongextension", "q.gO", "r.d.ts", "s/t.u/v",
                                    "w.\xc3\xa9", "x.GO.bak", "dir.go/file"};
  for (const Language& lang : schemagate::languages::languages())
    for (std::string_view e : lang.extensions) {
      paths.push_back("p/q" + std::string(e));
      std::string upper(e);
      for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
      paths.push_back("Q" + upper);
      paths.push_back("r" + std::string(e) + "x");
    }
  for (const std::string& p : paths) {
    CAPTURE(p);
    CHECK(language_for_path(p) == walked(p));
  }
  REQUIRE(language_for_path("a.go"));
  CHECK(language_for_path("a.go")->name == "go");
  CHECK(language_for_path("A.PY")->name == "python");
  CHECK(language_for_path("notes.txt") == nullptr);
}
