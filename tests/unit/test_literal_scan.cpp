// The lexical prefilter: only string literals count, as the host language's lexer delimits them.
#include <doctest/doctest.h>

#include "analyzers/languages/literal_scan.h"

using schemagate::languages::literals_may_hold_sql;

TEST_CASE("literal scan: Go's select statement and comments are code, its strings are SQL") {
  // The shape in code (a select on channels, "from" further on) or in a comment: no SQL.
  CHECK_FALSE(literals_may_hold_sql("go", "select {\ncase v := <-ch:\n  take(v) // from the queue\n}"));
  CHECK_FALSE(literals_may_hold_sql("go", "/* SELECT id FROM users */ x := \"hello\"; r := 'x'"));
  CHECK(literals_may_hold_sql("go", "q := `SELECT id\n  FROM users`"));
  CHECK(literals_may_hold_sql("go", "q := \"select \\\"id\\\" \" +\n  \"from users\""));  // split over two literals
  CHECK(literals_may_hold_sql("go", "db.Exec(\"SELECT now()\")"));                      // starts like a statement
  CHECK(literals_may_hold_sql("go", "x := \"unterminated"));                            // not delimited: kept
  CHECK_FALSE(literals_may_hold_sql("go", "msg := \"the selected rows\"; from := '\"'"));
  CHECK(literals_may_hold_sql("go", "msg := \"join\"; q := \"select a from t\""));
}

TEST_CASE("literal scan: Python's quote kinds, prefixes and comments") {
  CHECK_FALSE(literals_may_hold_sql("python", "# select the rows from the table\nx = 'a'"));
  CHECK(literals_may_hold_sql("python", "q = \"\"\"\n  SELECT a\n  FROM t\n\"\"\""));
  CHECK(literals_may_hold_sql("python", "q = f'''select {cols} from t'''"));
  CHECK(literals_may_hold_sql("python", "cur.execute(rb'DELETE FROM t')"));
  CHECK(literals_may_hold_sql("python", "q = 'it\\'s ' 'INSERT INTO t VALUES (1)'"));
  CHECK_FALSE(literals_may_hold_sql("python", "s = \"# not a comment\"; select = 1; rows = items.from_list()"));
}

TEST_CASE("literal scan: a language without a lexer here is always kept") {
  CHECK(literals_may_hold_sql("typescript", "const x = 1;"));
  CHECK(literals_may_hold_sql("ruby", ""));
}
