// Parsing only the functions that can matter (languages/blank_bodies.h, pipeline/body_gate.cpp):
// the bodies found lexically, the blanked text's offsets and rows, what must stay, and the
// scan's sites unchanged by it.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/pipeline/file_scanner.h"
#include "analyzers/pipeline/scan_plan.h"
#include "tests/unit/scan_harness.h"

using namespace schemagate;

namespace {

// Braces in a comment, a raw string that holds a `}` and a `func` at column 0, an interpreted
// string, a rune and a block comment: none of them opens or closes a body.
const std::string kStore =
    "package store\n"
    "\n"
    "import \"context\"\n"
    "\n"
    "// Braces in prose: } and func f() {\n"
    "const banner = `\n"
    "}\n"
    "func notAFunction() {\n"
    "`\n"
    "\n"
    "func helper(n int) int {\n"
    "\ts := \"}\" + `{\n"
    "}`\n"
    "\tr := '}'\n"
    "\t/* } */\n"
    "\treturn n + len(s) + int(r)\n"
    "}\n"
    "\n"
    "func one() int { return 1 }\n"
    "\n"
    "func (s *Store) Count(ctx context.Context) (int, error) {\n"
    "\tvar n int\n"
    "\terr := s.db.QueryRowContext(ctx, \"SELECT count(*) FROM users\").Scan(&n)\n"
    "\treturn n, err\n"
    "}\n";

languages::TopLevelBody signature(std::string_view text) {
  std::vector<languages::TopLevelBody> b = languages::go_top_level_bodies(text);
  REQUIRE(b.size() == 1);
  return b[0];
}

}  // namespace

TEST_CASE("blank bodies: Go's top-level bodies are found past braces in strings, runes and comments") {
  std::vector<languages::TopLevelBody> bodies = languages::go_top_level_bodies(kStore);
  REQUIRE(bodies.size() == 2);  // `one` is written on one line: not listed
  CHECK(bodies[0].name == "helper");
  CHECK(bodies[1].name == "Count");
  CHECK(kStore[bodies[0].open] == '{');
  CHECK(kStore[bodies[0].close] == '}');
  CHECK(kStore[bodies[0].close - 1] == '\n');
  CHECK(bodies[0].body(kStore).find("return n + len(s)") != std::string_view::npos);
  CHECK(bodies[1].signature.starts_with("func (s *Store) Count("));
  // A brace left open (a file cut short) blanks nothing.
  CHECK(languages::go_top_level_bodies("package a\n\nfunc f() {\n\tx := 1\n").empty());
  CHECK(languages::go_top_level_bodies("package a\n\nvar s = \"open\n").empty());
}

TEST_CASE("blank bodies: the blanked text keeps every offset, row and column") {
  std::vector<languages::TopLevelBody> bodies = languages::go_top_level_bodies(kStore);
  std::string blanked = languages::blank_bodies(kStore, bodies, {true, false});
  REQUIRE(blanked.size() == kStore.size());
  for (size_t i = 0; i < kStore.size(); ++i) {
    CHECK((kStore[i] == '\n') == (blanked[i] == '\n'));
    if (i <= bodies[0].open || i >= bodies[0].close) CHECK(kStore[i] == blanked[i]);
  }
  CHECK(blanked.substr(bodies[0].open, bodies[0].close - bodies[0].open + 1).find("return") == std::string::npos);
  CHECK(languages::blank_bodies(kStore, bodies, {false, false}).empty());  // nothing blanked: parse the file

  // The tree of the blanked text has no error, and its nodes stand where the whole text's do.
  const languages::Language& go = *languages::language_for_path("a.go");
  languages::Parser parser(go);
  languages::Tree whole = parser.parse(kStore);
  languages::Tree part = parser.parse(blanked);
  TSNode a = ts_tree_root_node(whole.get()), b = ts_tree_root_node(part.get());
  CHECK_FALSE(ts_node_has_error(b));
  size_t at = kStore.find("\"SELECT count(*)");
  TSNode in_whole = ts_node_descendant_for_byte_range(a, at, at + 1);
  TSNode in_part = ts_node_descendant_for_byte_range(b, at, at + 1);
  CHECK(std::string(ts_node_type(in_part)) == ts_node_type(in_whole));
  CHECK(ts_node_start_byte(in_part) == ts_node_start_byte(in_whole));
  CHECK(ts_node_end_byte(in_part) == ts_node_end_byte(in_whole));
  CHECK(ts_node_start_point(in_part).row == ts_node_start_point(in_whole).row);
  CHECK(ts_node_start_point(in_part).column == ts_node_start_point(in_whole).column);
}

TEST_CASE("blank bodies: init and functions that may return text stay") {
  CHECK(languages::go_body_stays(signature("package a\nfunc init() {\n\tx()\n}\n")));
  CHECK(languages::go_body_stays(signature("package a\nfunc cols() string {\n\treturn c\n}\n")));
  CHECK(languages::go_body_stays(signature("package a\nfunc cols() (q string) {\n\treturn\n}\n")));
  CHECK(languages::go_body_stays(signature("package a\nfunc (s *S) table() Query {\n\treturn q\n}\n")));
  CHECK(languages::go_body_stays(signature("package a\nfunc pick[T any](xs []T) T {\n\treturn xs[0]\n}\n")));
  CHECK(languages::go_body_stays(signature("package a\nfunc names() []string {\n\treturn nil\n}\n")));
  CHECK_FALSE(languages::go_body_stays(signature("package a\nfunc (s *S) Get(ctx context.Context, id int64) (*User, error) {\n\treturn nil, nil\n}\n")));
  CHECK_FALSE(languages::go_body_stays(signature("package a\nfunc pair() (a, b string) {\n\treturn\n}\n")));
  CHECK_FALSE(languages::go_body_stays(signature("package a\nfunc count(q string) int {\n\treturn 0\n}\n")));
  CHECK_FALSE(languages::go_body_stays(signature("package a\nfunc index() map[string]int {\n\treturn nil\n}\n")));
  CHECK_FALSE(languages::go_body_stays(signature("package a\nfunc run(f func() string) {\n\tf()\n}\n")));
}

namespace {

// A store whose helpers hold no SQL: blanked. A wrapper of another file called with a constant of
// another file, and a column list a function returns, keep their bodies; the scan finds the same
// sites as with the whole file parsed.
source::MemoryFileSystem store_project() {
  source::MemoryFileSystem fs;
  fs.add("app/go.mod", "module example.com/shop\n\ngo 1.22\n");
  fs.add("app/migrations/0001_orders.up.sql",
         "CREATE TABLE orders (id bigserial PRIMARY KEY, total_cents bigint NOT NULL, shipped_at timestamptz);\n");
  fs.add("app/store/db.go",
         "package store\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\n\t_ \"github.com/lib/pq\"\n)\n\n"
         "type Store struct{ db *sql.DB }\n\n"
         "func (s *Store) run(ctx context.Context, query string, args ...any) error {\n"
         "\t_, err := s.db.ExecContext(ctx, query, args...)\n"
         "\treturn err\n"
         "}\n");
  fs.add("app/store/queries.go",
         "package store\n\nconst queryMarkShipped = \"UPDATE orders SET shipped_at = now(), carrier = $2 WHERE id = $1\"\n");
  fs.add("app/store/orders.go",
         "package store\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\n"
         "func orderColumns() string {\n\treturn \"id, total_cents, coupon_code\"\n}\n\n"
         "func (s *Store) Totals(ctx context.Context) (*sql.Rows, error) {\n"
         "\treturn s.db.QueryContext(ctx, \"SELECT \"+orderColumns()+\" FROM orders\")\n"
         "}\n\n"
         "func (s *Store) Ship(ctx context.Context, id int64, carrier string) error {\n"
         "\treturn s.run(ctx, queryMarkShipped, id, carrier)\n"
         "}\n\n"
         "func describe(cents int64) int64 {\n"
         "\tif cents > 100 { // {\n\t\tfmt.Println(\"big }\")\n\t}\n"
         "\treturn cents / 100\n"
         "}\n");
  return fs;
}

}  // namespace

TEST_CASE("blank bodies: the scan blanks helpers, keeps wrapper calls and returned fragments, finds every site") {
  source::MemoryFileSystem fs = store_project();
  testing::PlannedScan planned(fs, "app");
  pipeline::ScanPlan& plan = planned.plan;
  pipeline::Targets& targets = planned.targets;
  std::string err;

  std::string text;
  REQUIRE(fs.read("app/store/orders.go", &text, &err));
  const languages::Language& go = *languages::language_for_path("a.go");
  // The first pass: no wrapper known yet. `describe` and `Ship` are blanked, and each name they
  // call is asked as a wrapper; the others stay (a database call, a function returning text).
  pipeline::FileScanner first(fs, plan.options, targets, plan.test_schemas);
  std::set<languages::ProjectQuery> asked;
  std::string blanked = first.text_to_parse("store/orders.go", text, go, {}, &asked);
  REQUIRE(blanked.size() == text.size());
  CHECK(blanked.find("cents / 100") == std::string::npos);
  CHECK(blanked.find("Println") == std::string::npos);
  CHECK(blanked.find("return s.run(ctx, queryMarkShipped") == std::string::npos);  // no wrapper known yet
  CHECK(asked.count({languages::ProjectQuery::kWrapper, "go", "", "run", false}) == 1);  // rescanned once it is
  CHECK(blanked.find("\"id, total_cents, coupon_code\"") != std::string::npos);
  CHECK(blanked.find("QueryContext") != std::string::npos);
  CHECK(asked.count({languages::ProjectQuery::kWrapper, "go", "", "Println", false}) == 1);

  // With the project's wrapper known, a body that calls it with a constant stays.
  languages::ProjectConstants project;
  project.add_wrappers("go", {languages::WrapperDefinition{"run", 1, 0, true}});
  pipeline::FileScanner again(fs, plan.options, targets, plan.test_schemas, &project);
  std::string ship_only =
      "package store\n\nfunc (s *Store) Ship(ctx context.Context, id int64) error {\n"
      "\terr := s.run(ctx, queryMarkShipped, id)\n\treturn err\n}\n";
  CHECK(again.text_to_parse("store/ship.go", ship_only, go, {}, nullptr).empty());
  CHECK_FALSE(first.text_to_parse("store/ship.go", ship_only, go, {}, nullptr).empty());

  // The whole scan: the column list's missing column and the wrapper's constant's are found in
  // orders.go, as with the whole file parsed.
  std::vector<pipeline::FileResult> results = pipeline::extract_files(fs, plan);
  std::vector<std::string> sql, missing;
  for (auto& r : results)
    for (auto& site : r.sites) {
      if (site.file != "store/orders.go") continue;
      sql.push_back(site.sql);
      for (auto& ref : site.references)
        if (ref.status == "missing") missing.push_back(ref.column);
    }
  std::sort(missing.begin(), missing.end());
  CHECK(sql == std::vector<std::string>{"SELECT id, total_cents, coupon_code FROM orders",
                                        "UPDATE orders SET shipped_at = now(), carrier = $2 WHERE id = $1"});
  CHECK(missing == std::vector<std::string>{"carrier", "coupon_code"});
}

// As the scan asks it (with spans to skip): a Go file's blanked bodies are not copied into a
// blanked text; the parser skips what lies between their braces, and every other node stands
// where the whole text's does.
TEST_CASE("blank bodies: a Go body blanked is skipped by the parser between its braces") {
  source::MemoryFileSystem fs = store_project();
  testing::PlannedScan planned(fs, "app");
  pipeline::ScanPlan& plan = planned.plan;
  std::string text, err;
  REQUIRE(fs.read("app/store/orders.go", &text, &err));
  const languages::Language& go = *languages::language_for_path("a.go");
  pipeline::FileScanner first(fs, plan.options, planned.targets, plan.test_schemas);
  std::vector<languages::Parser::Span> skipped;
  CHECK(first.text_to_parse("store/orders.go", text, go, {}, nullptr, &skipped).empty());  // no copy
  // `Ship` (no wrapper known yet) and `describe`, each from after its `{` to its closing `}`.
  size_t ship = text.find("func (s *Store) Ship"), describe = text.find("func describe");
  size_t ship_open = text.find('{', ship), describe_open = text.find("{\n", describe);
  REQUIRE(skipped.size() == 2);
  CHECK(skipped[0] == languages::Parser::Span(ship_open + 1, text.find("\n}\n", ship) + 1));
  CHECK(skipped[1] == languages::Parser::Span(describe_open + 1, text.rfind('}')));

  languages::Parser parser(go);
  languages::Tree whole = parser.parse(text), part = parser.parse(text, skipped);
  TSNode a = ts_tree_root_node(whole.get()), b = ts_tree_root_node(part.get());
  CHECK_FALSE(ts_node_has_error(b));
  size_t at = text.find("s.db.QueryContext");  // a kept body's call: the same node, row and column
  TSNode in_whole = ts_node_descendant_for_byte_range(a, at, at + 1);
  TSNode in_part = ts_node_descendant_for_byte_range(b, at, at + 1);
  CHECK(std::string(ts_node_type(in_part)) == ts_node_type(in_whole));
  CHECK(ts_node_start_byte(in_part) == ts_node_start_byte(in_whole));
  CHECK(ts_node_start_point(in_part).row == ts_node_start_point(in_whole).row);
  CHECK(ts_node_start_point(in_part).column == ts_node_start_point(in_whole).column);
  size_t call = text.find("s.run(ctx");  // a skipped body's call: not in the tree, its body a block
  CHECK(std::string(ts_node_type(ts_node_descendant_for_byte_range(a, call, call + 1))) == "identifier");
  CHECK(std::string(ts_node_type(ts_node_descendant_for_byte_range(b, call, call + 1))) == "block");
  size_t after = text.find("func describe");  // the function after it: the same place as in the whole tree
  CHECK(ts_node_start_point(ts_node_descendant_for_byte_range(b, after, after + 1)).row ==
        ts_node_start_point(ts_node_descendant_for_byte_range(a, after, after + 1)).row);
}

namespace {

// `def` inside strings (a prefixed triple-quoted one, an f-string with brackets), a comment with
// an open bracket, a backslash continuation, a method of a top-level class, and a function that
// returns a fragment.
const std::string kPyStore =
    "import psycopg\n"
    "\n"
    "BANNER = rb'''\n"
    "def not_a_function():\n"
    "    pass\n"
    "'''\n"
    "\n"
    "\n"
    "def fmt_cents(cents):  # ( not a bracket\n"
    "    label = f\"({cents // 100}) def\"\n"
    "    total = cents + \\\n"
    "        1\n"
    "    print(label, total)\n"
    "\n"
    "\n"
    "def columns():\n"
    "    return \"id, total_cents, coupon_code\"\n"
    "\n"
    "\n"
    "class Store:\n"
    "    def __init__(self, conn):\n"
    "        self.conn = conn\n"
    "\n"
    "    def ship(self, order_id):\n"
    "        run(self.conn, order_id)\n"
    "\n"
    "    def load(self):\n"
    "        return self.conn.execute(f\"SELECT {columns()} FROM orders\").fetchall()\n";

}  // namespace

TEST_CASE("blank bodies: Python's def bodies are found past strings, comments and continuations") {
  std::string code;
  std::vector<languages::TopLevelBody> bodies = languages::python_def_bodies(kPyStore, &code);
  REQUIRE(bodies.size() == 5);
  CHECK(bodies[0].name == "fmt_cents");
  CHECK(bodies[1].name == "columns");
  CHECK(bodies[2].name == "__init__");
  CHECK(bodies[3].name == "ship");
  CHECK(bodies[4].name == "load");
  CHECK(bodies[0].body(kPyStore).find("print(label, total)") != std::string_view::npos);
  CHECK(bodies[0].body(kPyStore).find("def columns") == std::string_view::npos);
  CHECK(languages::python_body_stays(bodies[1].body(code)));  // returns a fragment
  // A method's call (`.fetchall()`) is no text string_eval reads: the body stays for its query.
  CHECK_FALSE(languages::python_body_stays(bodies[4].body(code)));
  CHECK_FALSE(languages::python_body_stays(bodies[0].body(code)));
  CHECK_FALSE(languages::python_body_stays(bodies[3].body(code)));
  CHECK_FALSE(languages::python_body_stays("    if x:\n        return None\n    return\n"));
  CHECK(languages::python_body_stays("    return None if x else y\n"));
  // Functions string_eval never reads as text: a return of several values, a first return that
  // is no text; a nested function's returns go with the body.
  CHECK_FALSE(languages::python_body_stays("    return rows, next_token\n"));
  CHECK_FALSE(languages::python_body_stays("    return await self.db_pool.runInteraction(\n        \"get\", f)\n"));
  CHECK_FALSE(languages::python_body_stays("    return [r[0] for r in txn]\n"));
  CHECK_FALSE(languages::python_body_stays("    return super().f(x)[0]\n"));
  CHECK_FALSE(languages::python_body_stays("    return a is not None and b\n"));
  CHECK_FALSE(languages::python_body_stays("    def _txn(txn):\n        return SQL\n    return None\n"));
  CHECK_FALSE(languages::python_body_stays("    if x: return\n    return SQL\n"));
  CHECK(languages::python_body_stays("    def _txn(txn):\n        return None\n    return SQL\n"));
  CHECK(languages::python_body_stays("    if x:\n        return SQL\n    return None\n"));  // the first may be text
  CHECK(languages::python_body_stays("    return sep.join(parts)\n"));
  CHECK(languages::python_body_stays("    return q.strip()\n"));
  CHECK(languages::python_body_stays("    return columns()\n"));
  CHECK(languages::python_body_stays("    return x,\n"));
  CHECK(languages::python_body_stays("    return lambda a, b: a\n"));
  // A method is read only as a helper that hands its first parameter back (string_eval's
  // passed_through): its first own return a name, in parentheses or not, or a strip/replace.
  auto hands_back = [](std::string_view signature, std::string_view body) {
    return languages::python_method_hands_back(signature, signature, body);
  };
  CHECK(hands_back("    def rewrite(self, query):", "        query = query.replace('?', '%s')\n        return query\n"));
  CHECK(hands_back("    def rewrite(self, query: str):", "        return (query)\n"));
  CHECK(hands_back("    def rewrite(cls, query: Optional[str] = None):", "        return query.strip()\n"));
  CHECK(hands_back("    @staticmethod\n    def rewrite(query):", "        return query\n"));
  CHECK(hands_back("    def rewrite(\n        self,\n        query,  # the SQL\n    ):", "        return query\n"));
  CHECK_FALSE(hands_back("    def build(self, rows):", "        return Result(rows=rows)\n"));
  CHECK_FALSE(hands_back("    def build(self, rows):", "        return self.cache[rows]\n"));
  CHECK_FALSE(hands_back("    def build(self, rows):", "        return rows + 1\n"));
  CHECK_FALSE(hands_back("    def build(self, rows):", "        return f(rows)\n"));
  CHECK_FALSE(hands_back("    def build(self, rows):", "        return None\n"));
  CHECK_FALSE(hands_back("    def build(self, rows):", "        return rows[0].strip\n"));
  // No parameter to hand back: none but self, `*args` or `/` first, or one typed as no string.
  CHECK_FALSE(hands_back("    def build(self):", "        return rows\n"));
  CHECK_FALSE(hands_back("    def build(self, *rows):", "        return rows\n"));
  CHECK_FALSE(hands_back("    def build(self, /, rows):", "        return rows\n"));
  CHECK_FALSE(hands_back("    def build(self, rows: list[Row], sep: str):", "        return sep\n"));
  CHECK(hands_back("    def build(self, rows: \"str\" = ''):", "        return rows\n"));
  // The first own return decides; a nested function's goes with the body.
  CHECK_FALSE(hands_back("    def build(self, q):", "        def f(x):\n            return x\n        return Query(q)\n"));
  CHECK(hands_back("    def build(self, q):", "        if not q:\n            return q\n        return Query(q)\n"));
  CHECK(languages::python_def_bodies("def f():\n    s = 'open\n").empty());  // a literal left open
  CHECK(languages::python_def_bodies("def f(x): return x\n").empty());      // one line

  // Offsets, rows and columns stay; the tree has no error and finds the same nodes.
  std::string blanked = languages::python_blank_bodies(kPyStore, bodies, {true, false, true, true, false});
  REQUIRE(blanked.size() == kPyStore.size());
  for (size_t i = 0; i < kPyStore.size(); ++i) {
    CHECK((kPyStore[i] == '\n') == (blanked[i] == '\n'));
    bool inside = false;
    for (size_t b : {0, 2, 3}) inside = inside || (i > bodies[b].open && i < bodies[b].close);
    if (!inside) CHECK(kPyStore[i] == blanked[i]);
  }
  CHECK(blanked.find("print(") == std::string::npos);
  CHECK(blanked.find("self.conn = conn") == std::string::npos);
  CHECK(languages::python_blank_bodies(kPyStore, bodies, {false, false, false, false, false}).empty());
  const languages::Language& py = *languages::language_for_path("a.py");
  languages::Parser parser(py);
  languages::Tree whole = parser.parse(kPyStore);
  languages::Tree part = parser.parse(blanked);
  TSNode a = ts_tree_root_node(whole.get()), b = ts_tree_root_node(part.get());
  CHECK_FALSE(ts_node_has_error(b));
  size_t at = kPyStore.find("f\"SELECT");
  TSNode in_whole = ts_node_descendant_for_byte_range(a, at, at + 1);
  TSNode in_part = ts_node_descendant_for_byte_range(b, at, at + 1);
  CHECK(std::string(ts_node_type(in_part)) == ts_node_type(in_whole));
  CHECK(ts_node_start_byte(in_part) == ts_node_start_byte(in_whole));
  CHECK(ts_node_start_point(in_part).row == ts_node_start_point(in_whole).row);
  CHECK(ts_node_start_point(in_part).column == ts_node_start_point(in_whole).column);

  // Skipped instead of blanked: the parser reads around each body after its `pass`; the same
  // nodes at the same offsets, rows and columns.
  std::vector<languages::Parser::Span> skipped;
  std::string passed = languages::python_blank_bodies(kPyStore, bodies, {true, false, true, true, false}, &skipped);
  REQUIRE(skipped.size() == 3);
  CHECK(passed.find("print(label, total)") != std::string::npos);  // left as it is: not read
  languages::Tree around = parser.parse(passed, skipped);
  TSNode c = ts_tree_root_node(around.get());
  CHECK_FALSE(ts_node_has_error(c));
  TSNode in_around = ts_node_descendant_for_byte_range(c, at, at + 1);
  CHECK(std::string(ts_node_type(in_around)) == ts_node_type(in_whole));
  CHECK(ts_node_start_byte(in_around) == ts_node_start_byte(in_whole));
  CHECK(ts_node_start_point(in_around).row == ts_node_start_point(in_whole).row);
  CHECK(ts_node_start_point(in_around).column == ts_node_start_point(in_whole).column);
  size_t print = kPyStore.find("print(");
  CHECK(std::string(ts_node_type(ts_node_descendant_for_byte_range(c, print, print + 1))) != "identifier");
  // The parser reads whole texts again after.
  languages::Tree again = parser.parse(kPyStore);
  CHECK(ts_node_end_byte(ts_tree_root_node(again.get())) == ts_node_end_byte(a));
}

TEST_CASE("blank bodies: the scan blanks Python helpers, keeps wrapper calls and returned fragments") {
  source::MemoryFileSystem fs = store_project();
  testing::PlannedScan planned(fs, "app");
  pipeline::ScanPlan& plan = planned.plan;
  const languages::Language& py = *languages::language_for_path("a.py");
  pipeline::FileScanner first(fs, plan.options, planned.targets, plan.test_schemas);
  std::set<languages::ProjectQuery> asked;
  std::string blanked = first.text_to_parse("store.py", kPyStore, py, {}, &asked);
  REQUIRE(blanked.size() == kPyStore.size());
  CHECK(blanked.find("print(label") == std::string::npos);
  CHECK(blanked.find("run(self.conn") == std::string::npos);  // no wrapper known yet
  CHECK(asked.count({languages::ProjectQuery::kWrapper, "python", "", "run", false}) == 1);
  CHECK(blanked.find("return \"id, total_cents, coupon_code\"") != std::string::npos);
  CHECK(blanked.find("self.conn.execute(") != std::string::npos);
  CHECK(blanked.find("BANNER = rb'''\ndef not_a_function") != std::string::npos);

  // With `run` known as a wrapper, the body that calls it stays.
  languages::ProjectConstants project;
  project.add_wrappers("python", {languages::WrapperDefinition{"run", 1, 0, false}});
  pipeline::FileScanner again(fs, plan.options, planned.targets, plan.test_schemas, &project);
  std::string blanked_again = again.text_to_parse("store.py", kPyStore, py, {}, nullptr);
  CHECK(blanked_again.find("run(self.conn, order_id)") != std::string::npos);
  CHECK(blanked_again.find("print(label") == std::string::npos);

  // A method that returns text but hands back no parameter is blanked: no bare call runs a
  // method, and string_eval reads one only as a helper its SQL passes through.
  const std::string text =
      "def summary(rows):\n"
      "    return Summary(len(rows))\n"  // a function: inlined where called bare, stays
      "\n"
      "class Store:\n"
      "    def summary(self, rows: list):\n"
      "        total = sum(r.cents for r in rows)\n"
      "        return total\n"  // a method with no text parameter: never read
      "\n"
      "    def result(self, rows):\n"
      "        first = rows[0]\n"
      "        return Result(first)\n"  // returns a call: never read
      "\n"
      "    def rewrite(self, query):\n"
      "        query = query.replace('?', '%s')\n"
      "        return query\n";  // hands its parameter back: stays
  std::string methods = first.text_to_parse("methods.py", text, py, {}, nullptr);
  REQUIRE(methods.size() == text.size());
  CHECK(methods.find("return Summary(len(rows))") != std::string::npos);
  CHECK(methods.find("sum(r.cents") == std::string::npos);
  CHECK(methods.find("return Result(first)") == std::string::npos);
  CHECK(methods.find("query = query.replace('?', '%s')") != std::string::npos);
}

// Comments and prose docstrings left unread (literal_scan.h's python_unread_spans): the tree
// parsed around them has every other node at the same bytes, rows and columns, and the text
// that may be a site is read.
namespace {

/// The nodes of `root` in document order but comments, and string contents that lie in a span
/// of `unread`: type, bytes and points.
std::vector<std::string> nodes_but_comments(TSNode root, const std::vector<languages::Parser::Span>& unread) {
  std::vector<std::string> out;
  auto walk = [&](auto&& self, TSNode n) -> void {
    std::string type = ts_node_type(n);
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (type == "comment") return;
    for (const languages::Parser::Span& s : unread)
      if (type == "string_content" && b >= s.first && e <= s.second) return;
    TSPoint p = ts_node_start_point(n), q = ts_node_end_point(n);
    out.push_back(type + " " + std::to_string(b) + "-" + std::to_string(e) + " " + std::to_string(p.row) + ":" +
                  std::to_string(p.column) + "-" + std::to_string(q.row) + ":" + std::to_string(q.column));
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) self(self, ts_node_child(n, i));
  };
  walk(walk, root);
  return out;
}

bool unread_at(const std::vector<languages::Parser::Span>& unread, std::string_view text, std::string_view what) {
  size_t at = text.find(what);
  REQUIRE(at != std::string_view::npos);
  for (const languages::Parser::Span& s : unread)
    if (at >= s.first && at + what.size() <= s.second) return true;
  return false;
}

const std::string kPyCommented =
    "# Copyright header\n"
    "# SELECT id FROM users, in a comment\n"
    "\"\"\"Module docstring: select the rows of a table.\"\"\"\n"
    "import db\n"
    "\n"
    "QUERY = \"\"\"select id from users\"\"\"\n"
    "\n"
    "\n"
    "class Store:\n"
    "    \"\"\"Reads orders.\"\"\"\n"
    "\n"
    "    def load(self, id):  # the loader\n"
    "        \"\"\"\n"
    "        SELECT id, total FROM orders WHERE id = %s\n"
    "        \"\"\"\n"
    "        # first comment\n"
    "\n"
    "        # second comment\n"
    "        rows = db.execute(\n"
    "            # inside brackets\n"
    "            \"SELECT id FROM orders\"\n"
    "        )\n"
    "        return rows  # trailing, at the block's end\n"
    "    # at the class's depth: in its block\n"
    "# at column 0: after it\n"
    "def after():\n"
    "    x = f\"{'#'} is no comment\"  # a comment ending in é\n"
    "    'a lone string'\n"
    "    return x\n"
    "        # deeper than the block that ends\n";

}  // namespace

TEST_CASE("python unread spans: comments and prose docstrings are left out, the rest of the tree stays") {
  std::vector<languages::Parser::Span> unread = languages::python_unread_spans(kPyCommented);
  REQUIRE_FALSE(unread.empty());
  std::string_view t = kPyCommented;
  CHECK(unread_at(unread, t, "Copyright heade"));
  CHECK(unread_at(unread, t, "SELECT id FROM users, in a commen"));  // a comment is no site
  CHECK(unread_at(unread, t, "Module docstring: select the rows of a table."));
  CHECK(unread_at(unread, t, "Reads orders."));
  CHECK(unread_at(unread, t, "a lone string"));
  CHECK_FALSE(unread_at(unread, t, "select id from users"));  // assigned: a constant another file may read
  CHECK_FALSE(unread_at(unread, t, "SELECT id, total FROM orders"));  // a docstring that reads as SQL is a site
  CHECK_FALSE(unread_at(unread, t, "SELECT id FROM orders\""));
  CHECK_FALSE(unread_at(unread, t, "is no comment"));
  // Comment lines as deep, blank lines between: one span, from past the first `#` to the last
  // character of the last.
  CHECK(unread_at(unread, t, "first comment\n\n        # second commen"));
  CHECK_FALSE(unread_at(unread, t, "column 0: after it"));  // ... and ends at its last character
  for (const languages::Parser::Span& s : unread) {
    CHECK((t[s.first - 1] == '#' || t[s.first - 1] == '"' || t[s.first - 1] == '\''));
    CHECK(t[s.second] != '\n');
  }
  // Shallower than the comment before it: a span of its own (the scanner may dedent between).
  CHECK_FALSE(unread_at(unread, t, "end\n    # at the class"));
  CHECK_FALSE(unread_at(unread, t, "block\n# at column 0"));

  const languages::Language& py = *languages::language_for_path("a.py");
  languages::Parser parser(py);
  languages::Tree whole = parser.parse(kPyCommented);
  languages::Tree part = parser.parse(kPyCommented, unread);
  REQUIRE(whole);
  REQUIRE(part);
  CHECK_FALSE(ts_node_has_error(ts_tree_root_node(part.get())));
  CHECK(nodes_but_comments(ts_tree_root_node(part.get()), unread) ==
        nodes_but_comments(ts_tree_root_node(whole.get()), unread));

  // Nothing is left out of a text whose tokens cannot be told.
  CHECK(languages::python_unread_spans("# c\nx = 'open\n").empty());
  CHECK(languages::python_unread_spans("# comment\nx = f\"{d[\"k\"]}\"\n").empty());
}

TEST_CASE("python unread spans: the tree stays on random blocks, comments and docstrings") {
  // Valid Python of nested blocks with comment lines at every column, trailing comments,
  // docstrings and bracketed statements across lines: where the indentation scanner decides a
  // dedent, and which block a comment ends.
  std::mt19937 rng(17);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const languages::Language& py = *languages::language_for_path("a.py");
  languages::Parser parser(py);
  size_t with_spans = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    auto comment = [&](size_t column) {
      static const char* const kWords[] = {"x", "note: é", "SELECT id FROM t", "#", "", "a longer remark"};
      text += std::string(column, ' ') + "#" + kWords[pick(6)] + (pick(4) == 0 ? "\r\n" : "\n");
    };
    auto block = [&](auto&& self, size_t indent, int depth) -> void {
      size_t statements = 1 + pick(4);
      for (size_t s = 0; s < statements; ++s) {
        std::string pad(indent, ' ');
        switch (pick(depth < 3 ? 7 : 5)) {
          case 0: comment(pick(indent + 9)); [[fallthrough]];
          case 1: text += pad + "x = 1" + (pick(2) ? "  # trailing é" : "") + "\n"; break;
          case 2: text += pad + "\"\"\"A docstring:\n" + pad + "  select nothing.\"\"\"\n"; break;
          case 3: text += pad + "y = f(\n" + pad + "    # in brackets\n" + pad + "    1)  # after\n"; break;
          case 4: text += "\n"; comment(indent); comment(indent); break;
          default:
            text += pad + "if x:" + (pick(2) ? "  # opens" : "") + "\n";
            self(self, indent + 4, depth + 1);
            if (pick(3) == 0) comment(pick(indent + 9));
        }
      }
    };
    block(block, 0, 0);
    std::vector<languages::Parser::Span> unread = languages::python_unread_spans(text);
    with_spans += !unread.empty();
    languages::Tree whole = parser.parse(text);
    languages::Tree part = parser.parse(text, unread);
    REQUIRE(whole);
    REQUIRE(part);
    CHECK(ts_node_has_error(ts_tree_root_node(whole.get())) == ts_node_has_error(ts_tree_root_node(part.get())));
    CHECK_MESSAGE(nodes_but_comments(ts_tree_root_node(part.get()), unread) ==
                      nodes_but_comments(ts_tree_root_node(whole.get()), unread),
                  text);
  }
  CHECK(with_spans > 250);
}

TEST_CASE("python unread spans: the scan skips them around the bodies it blanks") {
  // A blanked body's `pass` may stand where a comment was: the comment's span goes with the body.
  const std::string text =
      "def helper(label):\n"
      "    # a comment where `pass` goes\n"
      "    print(label)\n"
      "\n"
      "# between\n"
      "def load(conn):\n"
      "    return conn.execute(\"SELECT id FROM orders\").fetchall()  # the query\n";
  std::vector<languages::TopLevelBody> bodies = languages::python_def_bodies(text);
  REQUIRE(bodies.size() == 2);
  std::vector<languages::Parser::Span> unread = languages::python_unread_spans(text);
  std::vector<languages::Parser::Span> skipped;
  std::string passed = languages::python_blank_bodies(text, bodies, {true, false}, &skipped, unread);
  REQUIRE_FALSE(passed.empty());
  CHECK(std::is_sorted(skipped.begin(), skipped.end()));
  size_t pass = passed.find("pass");
  REQUIRE(pass == text.find("# a comment"));
  for (const languages::Parser::Span& s : skipped) CHECK((s.second <= pass || s.first >= pass + 4));
  CHECK(std::any_of(skipped.begin(), skipped.end(), [&](const languages::Parser::Span& s) { return text.substr(s.first, s.second - s.first) == " betwee"; }));
  CHECK(std::any_of(skipped.begin(), skipped.end(), [&](const languages::Parser::Span& s) { return text.substr(s.first, s.second - s.first) == " the quer"; }));
  const languages::Language& py = *languages::language_for_path("a.py");
  languages::Parser parser(py);
  languages::Tree tree = parser.parse(passed, skipped);
  REQUIRE(tree);
  CHECK_FALSE(ts_node_has_error(ts_tree_root_node(tree.get())));
  // No body blanked: the spans alone.
  skipped.clear();
  CHECK(languages::python_blank_bodies(text, bodies, {false, false}, &skipped, unread).empty());
  CHECK(skipped == unread);
}
