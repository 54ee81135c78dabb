// Go's site gate (languages/go_prefilter.h): each lexical decision with a file it lets go
// unparsed and a look-alike it must keep.
#include <doctest/doctest.h>

#include "analyzers/languages/go_prefilter.h"

#include <cctype>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "analyzers/languages/literal_scan.h"

namespace {

using schemagate::languages::go_may_call_database;
using schemagate::languages::go_may_declare_function;
using schemagate::languages::go_site_gate;
using schemagate::languages::language_for_path;

const schemagate::languages::Language& go() { return *language_for_path("x.go"); }
bool parses(std::string_view text, bool literals_count = true) { return go_site_gate(text, go(), literals_count).parse; }

}  // namespace

TEST_CASE("go gate: a database call counts only with the argument its SQL takes") {
  // A cache's Get(key), a future's Get(ctx, &result), a service's Get(ctx, key), a Query field
  // read: no SQL argument.
  CHECK_FALSE(parses("v, ok := cache.Get(key)\nerr := f.Get(ctx, &res)\nerr = f.Get(ctx, nil)\nq := r.Query\n"));
  CHECK_FALSE(parses("err := f.Get(ctx, key)\n"));
  CHECK_FALSE(parses("func (s *Store) Get(ctx context.Context, key string) (string, error) {\n  return s.m[key], nil\n}\n"));
  CHECK_FALSE(parses("rows := x.QueryContext(ctx)\n"));  // ctx first: the SQL would be second
  // The look-alikes: a second argument that may be SQL, a query, a Context call with its SQL.
  CHECK(parses("err := db.Get(&u, q)\n"));
  CHECK(parses("rows, err := db.Query(q)\n"));
  CHECK(parses("rows, err := db.QueryContext(ctx, listUsers,\n)\n"));
  CHECK(parses("err := db.GetContext(ctx, &u, q)\n"));
  CHECK(parses("x := Get[T](a, b)\n"));  // type arguments: not counted
  CHECK(parses("db.Exec(\"x\"\n"));        // not delimited: parsed as before
}

TEST_CASE("go gate: a Get or Select with a context first is no sqlx call") {
  // sqlx's take the destination first (GoSyntax::cannot_be_sql): a client-go Get, a service's
  // Get, and an interface declaring one.
  CHECK_FALSE(parses("s, err := c.CoreV1().Secrets(ns).Get(context.Background(), name, metav1.GetOptions{})\n"));
  CHECK_FALSE(parses("w, err := svc.Get(reqCtx, name)\nu, _, err := gh.Users.Select(r.Context(), \"\")\n"));
  CHECK_FALSE(parses("type Workflows interface {\n\tGet(ctx context.Context, name string) (*W, error)\n}\n"));
  // The look-alikes: a destination first, a context first to another call, a context that is
  // not the first argument alone.
  CHECK(parses("err := db.Get(&u, q, ctx)\n"));
  CHECK(parses("_, err := tx.Exec(ctx, q)\n"));
  CHECK(parses("err := db.Get(ctx.Value(key), q)\n"));
}

TEST_CASE("go gate: a session statement is no SQL a scan judges") {
  // SET, SHOW, BEGIN...: analyze_site reports no site for one, and it changes no schema.
  CHECK_FALSE(parses("_, err = tx.Exec(ctx, \"SET statement_timeout=5000\")\n_, err = tx.Exec(ctx, `set local lock_timeout = '1s';`)\n"));
  CHECK_FALSE(parses("db.Exec(\"BEGIN\")\nrows, err := db.Query(\"SHOW search_path\")\n_, err = tx.Exec(ctx, \"RESET ALL\", nil)\n"));
  CHECK_FALSE(go_may_call_database("func tune(ctx context.Context, tx pgx.Tx) error {\n\t_, err := tx.Exec(ctx, \"SET statement_timeout=5000\")\n\treturn err\n}\n", go()));
  // The look-alikes: a second statement, DDL, an escape, a name with the verb's letters first,
  // a statement given at run time.
  CHECK(parses("_, err = tx.Exec(ctx, \"SET x = 1; UPDATE t SET a = 1\")\n"));
  CHECK(parses("_, err = tx.Exec(ctx, \"CREATE TEMP TABLE tmp (id int)\")\n"));
  CHECK(parses("_, err = tx.Exec(ctx, \"SET x = '\\n'\")\n"));
  CHECK(parses("_, err = tx.Exec(ctx, \"SETTINGS\")\n"));
  CHECK(parses("_, err = tx.Exec(ctx, fmt.Sprintf(\"SET statement_timeout=%d\", ms))\n"));
}

TEST_CASE("go gate: a project wrapper is counted by its own SQL argument") {
  const size_t at = 1;
  auto wrapper = [&](std::string_view name) -> const size_t* { return name == "run" ? &at : nullptr; };
  CHECK_FALSE(go_site_gate("run(ctx)\n", go(), true, wrapper).parse);
  CHECK(go_site_gate("run(ctx, q)\n", go(), true, wrapper).parse);
  CHECK_FALSE(go_site_gate("run(ctx, q)\n", go(), true, {}).parse);
}

TEST_CASE("go gate: a literal that starts like a statement, alone or not") {
  // Messages, assertions and case labels: each literal is a site of its own text at most.
  auto gate = go_site_gate(
      "return errors.New(\"update not found\")\nt.Run(\"delete twice\", func(t *testing.T) {})\n"
      "switch op {\ncase \"delete\":\n}\ntests := []T{{name: \"update workflow task\", n: 1}}\n",
      go());
  CHECK_FALSE(gate.parse);
  // "delete" and "delete twice" read as prose (a verb alone, a label); the others are judged as
  // sites by the scanner.
  CHECK(gate.lone_literals == std::vector<std::string_view>{"update not found", "update workflow task"});
  // The look-alikes: a definition, an operand of +, a list element (strings.Join), a
  // formatting, a function of the file (it may hand its argument on), an escaped literal.
  CHECK(parses("const q = \"update t set a = 1\"\n"));
  CHECK(parses("f(\"select a\" + \" from t\")\n"));
  CHECK(parses("parts := []string{\"select a\", \"from t\"}\n"));
  CHECK(parses("s := fmt.Sprintf(\"select %s from t\", cols)\n"));
  CHECK(parses("func New(s string) string { return s }\nx := New(\"select a\")\n"));
  CHECK(parses("err := errors.New(\"\\nselect a\")\n"));
  CHECK(parses("x := prefix + \"\\tSELECT a FROM t\"\n"));
  // A test file: literals no database call takes are no sites there.
  CHECK_FALSE(parses("q := \"select a from t\"\n", false));
}

TEST_CASE("go gate: prose handed whole to a call that builds no text from it") {
  // A UI label (huh's Select().Title), a header: no database call in the file receives them, and
  // as prose they are no site of their own.
  CHECK_FALSE(parses("f := huh.NewSelect[string]().\n\tTitle(\"Select a workflow\").\n\tOptions(o...)\n"));
  CHECK_FALSE(parses("h := tui.RenderHeader(\"Select View\", name, w)\n"));
  CHECK(go_site_gate("h := tui.RenderHeader(\"Select View\", name, w)\n", go()).lone_literals.empty());
  // The look-alikes: text that reads as SQL, a function of the file, a call that builds text,
  // a call in a sum (on either side, or +=), a list element, a database call's argument.
  CHECK(parses("x := Title(\"select a from t\")\n"));
  CHECK(parses("func Title(s string) string { return s + \" FROM t\" }\nx := Title(\"Select a.id\")\n"));
  CHECK(parses("x := fmt.Sprint(\"Select a.id\", tail)\n"));
  CHECK(parses("b.WriteString(\"Select a.id\")\n"));
  CHECK(parses("q := types.Text(\"Select a.id\") + \" FROM t\"\n"));
  CHECK(parses("q := head + x.Text(\"Select a.id\").String()\n"));
  CHECK(parses("q += Text(\"Select a.id\")\n"));
  CHECK(parses("a := []string{\"Select a.id\"}\n"));
  CHECK(parses("rows, err := db.Query(\"Select a.id\")\n"));
}

TEST_CASE("go gate: an escaped literal starts a site only if its decoded text starts like one") {
  CHECK_FALSE(parses("log.Fatalf(\"could not run selection form: %v\\n\", err)\n"));
  CHECK_FALSE(parses("sep := \"\\x00\"\nw := \"notes:\\twith\"[0:1]\n"));
  CHECK(parses("q := prefix + \"\\n\\tSELECT a FROM t\"\n"));
  CHECK(parses("q := prefix + \"-- note\\nselect a from t\"\n"));
  CHECK(parses("q := prefix + \"\\x53ELECT a FROM t\"\n"));
  CHECK(parses("q := prefix + \"\\u0020select a FROM t\"\n"));
  // Decoded as the extraction decodes it (go.cpp): an unknown escape keeps its letter.
  CHECK_FALSE(parses("q := prefix + \"\\qselect a from t\"\n"));
  // A raw string has no escapes: a regular expression's `\s*create` starts no statement.
  CHECK_FALSE(parses("var p = regexp.MustCompile(`(?i)^\\s*create\\s+table\\b`)\n"));
}

TEST_CASE("go gate: wrappers and function records of the constants pass") {
  CHECK_FALSE(go_may_call_database("func load(key string) string { return cache.Get(key) }\n", go()));
  CHECK(go_may_call_database("func load(q string) error { _, err := db.Exec(q); return err }\n", go()));
  CHECK(go_may_declare_function("func listQuery() string { return q }\n", "listQuery"));
  CHECK(go_may_declare_function("func pick[T any](v T) T { return v }\n", "pick"));
  CHECK_FALSE(go_may_declare_function("var x int32 = int32(y)\n", "int32"));
  CHECK_FALSE(go_may_declare_function("func (s *S) listQuery() string { return q }\n", "listQuery"));
}

#include "analyzers/source/code_kind.h"

TEST_CASE("code kind: the imports of a file, read in one pass") {
  using schemagate::source::imports_postgres_driver;
  using schemagate::source::other_engine_of_code;
  CHECK(imports_postgres_driver("import (\n\t\"context\"\n\t_ \"github.com/lib/pq\"\n)\n"));
  CHECK(imports_postgres_driver("const { Pool } = require('pg')\n"));
  CHECK(imports_postgres_driver("import asyncpg\n"));
  CHECK(imports_postgres_driver("from psycopg import sql\n"));
  // A bare name quoted but not imported, or a longer name: no import.
  CHECK_FALSE(imports_postgres_driver("label := \"pg\"\n"));
  CHECK_FALSE(imports_postgres_driver("import asyncpg_helpers\n"));
  CHECK_FALSE(imports_postgres_driver("x := \"github.com/lib/pqx\"\n"));
  CHECK(other_engine_of_code("a.py", "import mysql.connector\n").starts_with("MySQL"));
  CHECK(other_engine_of_code("a.go", "import \"github.com/lib/pq\"\nimport \"github.com/go-sql-driver/mysql\"\n").empty());
}

namespace {

// The names calls_with_sql asked of a wrapper before it found them from the brackets: every
// word of the code (not starting with a digit) followed, blanks between, by '(' or '[', in order.
std::vector<std::string> ref_names_asked(std::string_view code) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  std::vector<std::string> names;
  for (size_t i = 0, n = code.size(); i < n;) {
    if (!word(code[i]) || std::isdigit(static_cast<unsigned char>(code[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && word(code[end])) ++end;
    std::string name(code.substr(i, end - i));
    i = end;
    size_t k = end;
    while (k < n && blank(code[k])) ++k;
    if (k < n && (code[k] == '(' || code[k] == '[')) names.push_back(name);
  }
  return names;
}

}  // namespace

TEST_CASE("go gate: the names it asks the project's wrappers, in order, on random code") {
  std::mt19937 rng(19);
  // No database call's name: every name before a bracket is asked, and the answer is no.
  const std::vector<std::string> pieces = {"f", "run", "x1", "1x", "12", "_", "é", " ", "\t", "\n", "(", ")", "[",
                                           "]", "{", "}", ",", ".", "a.b", "func ", "\"s(\"", "// c(\n", "9_z"};
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    CAPTURE(text);
    std::vector<std::string> asked;
    auto wrapper = [&](std::string_view name) -> const size_t* {
      asked.emplace_back(name);
      return nullptr;
    };
    go_site_gate(text, go(), true, wrapper);
    std::optional<std::string> code = schemagate::languages::go_code_only(text);
    CHECK(asked == (code ? ref_names_asked(*code) : std::vector<std::string>{}));
  }
}
