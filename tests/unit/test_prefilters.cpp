// The lexical prefilters that decide whether a file is read further (may_contain_sql,
// is_minified) are single-pass scans: their answers must be those of the plain definitions
// written out below, word by word and window by window, on the edges where a scan can slip
// (word boundaries, the 4000/400/40-byte windows, case, the text's ends) and on random texts;
// may_contain_sql from a word search's places must answer as may_contain_sql of the text.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>

#include "tests/unit/ref_named_query.h"
#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/ascii_class.h"
#include "analyzers/pipeline/file_scanner.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"

using namespace schemagate::source;

namespace {

bool ref_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Case-insensitive `word` at text[i], as a whole word.
bool ref_word_at(std::string_view text, size_t i, std::string_view word) {
  if (i + word.size() > text.size() || (i > 0 && ref_word_char(text[i - 1]))) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(text[i + k])) != word[k]) return false;
  return i + word.size() == text.size() || !ref_word_char(text[i + word.size()]);
}

bool ref_word_within(std::string_view text, size_t from, size_t window, std::string_view word) {
  for (size_t i = from; i < std::min(text.size(), from + window); ++i)
    if (ref_word_at(text, i, word)) return true;
  return false;
}

bool ref_next_word(std::string_view text, size_t from, std::string_view word) {
  while (from < text.size() && std::isspace(static_cast<unsigned char>(text[from]))) ++from;
  return ref_word_at(text, from, word);
}

bool ref_may_contain_sql(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if ((ref_word_at(text, i, "insert") && ref_next_word(text, i + 6, "into")) ||
        (ref_word_at(text, i, "delete") && ref_next_word(text, i + 6, "from")) ||
        (ref_word_at(text, i, "merge") && ref_next_word(text, i + 5, "into")) ||
        (ref_word_at(text, i, "select") && ref_word_within(text, i + 6, 4000, "from")) ||
        (ref_word_at(text, i, "update") && ref_word_within(text, i + 6, 400, "set")) ||
        (ref_word_at(text, i, "create") &&
         (ref_word_within(text, i + 6, 40, "table") || ref_word_within(text, i + 6, 40, "view"))))
      return true;
  }
  return false;
}

bool ref_is_minified(std::string_view text) {
  std::string_view head = text.substr(0, 64 * 1024);
  size_t newlines = static_cast<size_t>(std::count(head.begin(), head.end(), '\n'));
  if (head.size() <= 200 * (newlines + 1)) return false;
  size_t begin = 0;
  for (int line = 0; line < 20 && begin < head.size(); ++line) {
    size_t nl = head.find('\n', begin);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    if (end - begin > 1000) return true;
    if (nl == std::string_view::npos) break;
    begin = nl + 1;
  }
  return false;
}

void same_answer(const std::string& text) {
  CAPTURE(text.size());
  CHECK(may_contain_sql(text) == ref_may_contain_sql(text));
}

}  // namespace

TEST_CASE("may_contain_sql: word boundaries, case and the ends of the text") {
  for (std::string text : {"insert into", "INSERT\tINTO", "insert\n\r\v\finto", "insertinto", "xinsert into", "insert intox",
                           "insert_into", "insert /* */ into", "insert, into", "insert", "into", "delete from", "delete  From",
                           "merge into", "merge", "merge int", "Merge\nInto t", "select from", "selectfrom", "select x fromage",
                           "select x _from", "select x from_", "select x from", "update set", "update x set", "update xset",
                           "create table", "create  view", "create tables", "create xtable", "create\ttable", "select",
                           "é select é from é", "\xffselect\xff from\xff", "insert insert into", "select insert into",
                           "delete delete from", "delete select from", "insert select into", "1select from", "select 2from",
                           "SeLeCt * FrOm t", "upDATE t SET", "CREATE TEMP TABLE", "createtable", "", "s", "from select"})
    same_answer(text);
}

TEST_CASE("may_contain_sql: the windows after SELECT (4000), UPDATE (400) and CREATE (40)") {
  for (auto [verb, word, window] : {std::tuple{"select", "from", 4000}, {"update", "set", 400}, {"create", "table", 40},
                                    {"create", "view", 40}})
    for (int gap = window - 3; gap <= window + 2; ++gap) {
      std::string verb_s(verb), word_s(word);
      same_answer(verb_s + std::string(static_cast<size_t>(gap), ' ') + word_s);
      same_answer(verb_s + std::string(static_cast<size_t>(gap), ' ') + word_s + "x");
      // A second verb nearer the word restarts its window; a farther one does not help.
      same_answer(verb_s + std::string(static_cast<size_t>(gap), ' ') + verb_s + " " + word_s);
      same_answer(verb_s + " " + verb_s + std::string(static_cast<size_t>(gap), ' ') + word_s);
      same_answer(verb_s + std::string(static_cast<size_t>(gap), 'a') + " " + word_s);
    }
  CHECK(may_contain_sql("select" + std::string(3999, ' ') + "from"));
  CHECK_FALSE(may_contain_sql("select" + std::string(4000, ' ') + "from"));
  CHECK(may_contain_sql("update" + std::string(399, ' ') + "set"));
  CHECK_FALSE(may_contain_sql("update" + std::string(400, ' ') + "set"));
  CHECK(may_contain_sql("create" + std::string(39, ' ') + "table"));
  CHECK_FALSE(may_contain_sql("create" + std::string(40, ' ') + "view"));
}

TEST_CASE("may_contain_sql: random texts of SQL words, separators and letters") {
  std::mt19937 rng(17);
  const std::vector<std::string> pieces = {"select", "SELECT", "from", "From", "insert", "into", "delete", "merge",
                                           "update", "set", "create", "table", "view", " ", "  ", "\n", "\t", "_",
                                           "x", "1", "(", "é", "{", std::string(390, ' '), std::string(3990, ' '),
                                           std::string(35, 'a'), "/*", "'"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    same_answer(text);
  }
}

TEST_CASE("is_minified: the 200-bytes-a-line average and the first 20 lines") {
  auto lines = [](size_t count, size_t length) {
    std::string out;
    for (size_t i = 0; i < count; ++i) out += std::string(length, 'x') + "\n";
    return out;
  };
  std::vector<std::string> texts = {"", "\n", std::string(200, 'x'), std::string(201, 'x'), std::string(1001, 'x'),
                                    std::string(1000, 'x') + "\n" + std::string(1000, 'x'), lines(5, 199), lines(5, 200),
                                    lines(5, 1001), lines(25, 300) + std::string(1200, 'y'),
                                    lines(19, 300) + std::string(1200, 'y') + "\n" + lines(40, 300),
                                    lines(20, 300) + std::string(1200, 'y') + "\n" + lines(40, 300),
                                    std::string(70 * 1024, 'z'), lines(400, 150) + std::string(64 * 1024, 'q'),
                                    std::string(2000, 'a') + lines(1000, 10)};
  for (size_t len : {199, 200, 201, 202, 399, 400, 401})
    for (size_t count : {1, 2, 3, 10, 100}) {
      texts.push_back(lines(count, len - 1));
      texts.push_back(lines(count, len - 1) + std::string(len, 'e'));
    }
  std::mt19937 rng(4);
  for (int round = 0; round < 300; ++round) {
    std::string t;
    while (t.size() < rng() % 80000) t += std::string(rng() % 1500, 'c') + (rng() % 3 ? "\n" : "");
    texts.push_back(t);
  }
  for (const std::string& t : texts) {
    CAPTURE(t.size());
    CHECK(is_minified(t) == ref_is_minified(t));
  }
}

TEST_CASE("other_engine_of_code: imports found in one pass, quoted or after import / from") {
  struct Case {
    const char* text;
    const char* engine;  // "" when none (or a PostgreSQL driver wins)
  };
  for (const Case& c : std::initializer_list<Case>{
           {"import \"github.com/go-sql-driver/mysql\"", "MySQL (the file imports github.com/go-sql-driver/mysql)"},
           {"import (\n\t_ \"github.com/mattn/go-sqlite3\"\n\t\"github.com/lib/pq\"\n)", ""},
           {"const m = require('mysql')", "MySQL (the file imports mysql)"},
           {"const m = require( 'mysql' )", "MySQL (the file imports mysql)"},  // blanks before the quote
           {"x = 'mysql'", ""},                  // a bare name quoted outside an import
           {"import mysql from 'mysql2'", "MySQL (the file imports mysql2)"},
           {"import pymysql\n", "MySQL (the file imports pymysql)"},
           {"import pymysql.cursors\n", "MySQL (the file imports pymysql)"},
           {"from clickhouse_driver import Client", "ClickHouse (the file imports clickhouse_driver)"},
           {"xfrom clickhouse_driver import Client", ""},
           {"import aiosqlite, asyncpg\n", "SQLite (the file imports aiosqlite)"},  // the second name is no import
           {"import aiosqlite\nimport asyncpg\n", ""},  // a PostgreSQL driver too
           {"import aiosqlite", "SQLite (the file imports aiosqlite)"},
           {"import aiosqlite_x", ""},
           {"\"better-sqlite3", ""},
           {"'better-sqlite3'", ""},  // no '/', '.' or ':': an import only after from / require( / import
           {"new Database(require('better-sqlite3'))", "SQLite (the file imports better-sqlite3)"},
           {"import 'pg'", ""},
           {"from 'cassandra-driver'", "Cassandra (the file imports cassandra-driver)"},
           {"import \"github.com/ClickHouse/clickhouse-go/v2\"", "ClickHouse (the file imports github.com/ClickHouse/clickhouse-go/v2)"},
           {"", ""},
           {"'", ""}}) {
    std::string text = c.text, engine = c.engine;
    CAPTURE(text);
    CHECK(other_engine_of_code("app/store.txt", text) == engine);
  }
  CHECK(imports_postgres_driver("import asyncpg\n"));
  CHECK(imports_postgres_driver("import { Pool } from 'pg'"));
  CHECK_FALSE(imports_postgres_driver("const pg = 1; 'pgx'"));
}


TEST_CASE("runs_named_query: names found by their rarest byte, as by their first") {
  using schemagate::pipeline::runs_named_query;
  std::mt19937 rng(23);
  const std::vector<std::string> pieces = {
      "database/sql", "sqlx",   "pgx",        "gorm",        "uptrace/bun", "lib/pq",   "go-pg",     "database/sq",
      "sq",           "qlx",    "pg",         "gor",         "uptrace/",    "/bun",     "lib/p",     "go-p",
      "q",            "x",      "b",          "-",           "$",           " ",        "\"",        ".",
      "(",            "Query",  "QueryRow",   "ExecContext", "Exec",        "query",    "execute",   "executemany",
      "$queryRaw",    "fetchrow", "fetchval", "GetContext",  "Sprintf(",    "Sprintf",  "query",     "SQL_",
      "stmt",         "db",     "\n"};
  for (const char* path : {"x.go", "x.py", "x.ts"}) {
    const schemagate::languages::Language& lang = *schemagate::languages::language_for_path(path);
    for (int round = 0; round < 4000; ++round) {
      std::string text;
      int n = static_cast<int>(rng() % 10);
      for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
      CAPTURE(path);
      CAPTURE(text);
      CHECK(runs_named_query(text, lang) == schemagate::testing::ref_runs_named_query(text, lang));
    }
  }
  const schemagate::languages::Language& go = *schemagate::languages::language_for_path("x.go");
  const std::string call = "\nrows, err := db.Query(ctx, q)\n";
  CHECK(runs_named_query("import \"database/sql\"" + call, go));
  CHECK(runs_named_query("qlib/pq" + call, go));
  CHECK_FALSE(runs_named_query("import \"database/sq\"" + call, go));
  CHECK_FALSE(runs_named_query("sqlx", go));  // a package, no call
  CHECK(runs_named_query("import \"lib/pq\"\nfmt.Sprintf(queryFmt, t)", go));
  // Ruby: `.execute(` on a receiver that is no connection, given no written SQL, is that
  // receiver's own method (a job runner's): no reason to parse the file.
  const schemagate::languages::Language& ruby = *schemagate::languages::language_for_path("x.rb");
  CHECK_FALSE(runs_named_query("# runner.execute(action)\nrunner.execute(action)\n", ruby));
  CHECK(runs_named_query("runner.execute(action)\nconnection.execute(sql)\n", ruby));
  CHECK(runs_named_query("runner.execute(<<~SQL)\n  DELETE FROM jobs\nSQL\n", ruby));
}

TEST_CASE("ascii classes: std::isalnum, std::isdigit and std::isspace of the C locale, byte by byte") {
  for (int c = 0; c < 256; ++c) {
    char b = static_cast<char>(c);
    CAPTURE(c);
    CHECK(schemagate::languages::ascii_alnum(b) == (std::isalnum(c) != 0));
    CHECK(schemagate::languages::ascii_digit(b) == (std::isdigit(c) != 0));
    CHECK(schemagate::languages::ascii_blank(b) == (std::isspace(c) != 0));
    CHECK(schemagate::languages::go_word_byte(b) == (std::isalnum(c) != 0 || c == '_'));
    CHECK(schemagate::languages::script_word_byte(b) == (std::isalnum(c) != 0 || c == '_' || c == '$'));
  }
}

TEST_CASE("may_contain_sql: from the places a file's word search finds the statement words, the same answers") {
  // The scan's search: a language's layer words and the caller's, with statement_words() located.
  schemagate::datalayers::FileWordSearch go("go", {"Sprintf(", "select {", "From("}, statement_words());
  schemagate::datalayers::FileWordSearch ts("typescript", {"from"}, statement_words());
  auto same_from_places = [&](const std::string& text) {
    CAPTURE(text);
    for (auto* words : {&go, &ts}) {
      std::vector<WordHit> places;
      schemagate::datalayers::LayerGates gates(*words, text, &places);
      CHECK(may_contain_sql(text, places) == may_contain_sql(text));
    }
  };
  std::mt19937 rng(29);
  const std::vector<std::string> pieces = {"select", "SELECT", "sElEcT", "from", "From", "FROM", "insert", "INTO",
                                           "into", "delete", "DeLeTe", "merge", "update", "Set", "set", "create",
                                           "TABLE", "table", "view", "View", " ", "  ", "\n", "\t", "\v", "_", "x",
                                           "1", "(", "é", "{", std::string(390, ' '), std::string(3990, ' '),
                                           std::string(35, 'a'), "/*", "'", "offset", "reset", "Sprintf(", "intox", "upDate", "crEATE",
                                           "fROM", "tABLE", "state", "Sdate", "iNTO", "mERGE", "vIEW", "inSERT"};
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 14);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    same_from_places(text);
  }
  for (std::string text : std::vector<std::string>{"insert into", "INSERT\tINTO", "insertinto", "xinsert into", "insert intox", "insert x into",
                           "delete  From", "merge\ninto", "select x from", "update t set", "create temp table",
                           "select" + std::string(3999, ' ') + "from", "select" + std::string(4000, ' ') + "from",
                           "update" + std::string(399, ' ') + "set", "create" + std::string(40, ' ') + "view", ""})
    same_from_places(text);
}
