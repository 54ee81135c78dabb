// The project phase: top-level strings of every file, looked up through imports (JavaScript,
// TypeScript, Python) or the package (Go), and the project's own database-call wrappers; then
// extraction of a file with them at hand.
#include <doctest/doctest.h>

#include "analyzers/languages/language.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/languages/tree_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <random>
#include <set>

using namespace schemagate;

namespace {

struct Project {
  source::MemoryFileSystem fs;
  std::vector<std::pair<std::string, const languages::Language*>> files;
  void add(const std::string& path, std::string text) {
    fs.add("app/" + path, std::move(text));
    files.push_back({path, languages::language_for_path(path)});
  }
  languages::ProjectConstants collect() const { return languages::collect_project_constants(fs, "app", files, 2); }
};

std::vector<languages::SqlSite> extract(const Project& p, const languages::ProjectConstants& constants,
                                        const std::string& path) {
  std::string text, err;
  REQUIRE(p.fs.read("app/" + path, &text, &err));
  const languages::Language* lang = languages::language_for_path(path);
  languages::Parser parser(*lang);
  languages::Tree tree = parser.parse(text);
  languages::ExtractInput in{text, ts_tree_root_node(tree.get()), lang};
  in.path = path;
  in.project = &constants;
  std::vector<languages::SqlSite> sites;
  lang->extract(in, &sites);
  return sites;
}

}  // namespace

TEST_CASE("project constants: TypeScript imports, relative and through the @/ alias") {
  Project p;
  p.add("src/lib/columns.ts", "export const COLS = 'id, email';\nexport const T = `users`;\n");
  p.add("src/lib/other/columns.ts", "export const COLS = 'x';\n");
  p.add("src/q/users.ts",
        "import { COLS, T as TABLE } from '../lib/columns';\n"
        "export const all = (db) => db.query(`select ${COLS} from ${TABLE}`);\n");
  p.add("src/q/alias.ts",
        "import { T } from '@/lib/columns';\n"
        "import { COLS } from '@/columns';\n"  // two files end in columns.ts: not certain
        "export const all = (db) => db.query(`select ${COLS} from ${T}`);\n");
  auto constants = p.collect();
  auto users = extract(p, constants, "src/q/users.ts");
  REQUIRE(users.size() == 1);
  CHECK(users[0].sql.text == "select id, email from users");
  auto alias = extract(p, constants, "src/q/alias.ts");
  REQUIRE(alias.size() == 1);
  CHECK(alias[0].sql.text == "select \x01 from users");
}

TEST_CASE("project constants: Python relative and absolute imports; Go package-level constants") {
  Project p;
  p.add("svc/db/queries.py", "COLUMNS = 'id, total'\nGET = f\"SELECT {COLUMNS} FROM orders\"\n");
  p.add("svc/api.py", "from .db.queries import GET as Q\nfrom svc.db.queries import COLUMNS\n"
                      "def f(cur):\n    cur.execute(Q)\n    cur.execute('SELECT ' + COLUMNS + ' FROM archive')\n");
  p.add("store/cols.go", "package store\nconst cols = \"id, email\"\n");
  p.add("store/cols_linux.go", "package store\nconst tagged = \"a\"\n");
  p.add("store/cols_darwin.go", "package store\nconst tagged = \"b\"\n");
  p.add("store/users.go", "package store\nfunc f(db *sql.DB) {\n\tdb.Query(\"SELECT \" + cols + \", \" + tagged + \" FROM users\")\n}\n");
  auto constants = p.collect();
  auto py = extract(p, constants, "svc/api.py");
  REQUIRE(py.size() == 2);
  CHECK(py[0].sql.text == "SELECT id, total FROM orders");
  CHECK(py[1].sql.text == "SELECT id, total FROM archive");
  auto go = extract(p, constants, "store/users.go");
  REQUIRE(go.size() == 1);
  // Build-tagged variants disagree: which one is compiled is not known.
  CHECK(go[0].sql.text == "SELECT id, email, \x01 FROM users");
}

TEST_CASE("project wrappers: a function passing a parameter on as SQL is a database call for its callers") {
  Project p;
  p.add("lib/db.ts",
        "export async function rawQuery(sql: string, data: object) {\n"
        "  const query = sql?.replaceAll(/x/g, '$1');\n"
        "  return client.$queryRawUnsafe(query, data);\n"
        "}\n");
  p.add("q/stats.ts", "import { rawQuery } from '../lib/db';\n"
                      "export const f = (cohort) => rawQuery(`select a from t ${cohort} where b`, {});\n");
  p.add("repo/base.py",
        "class Repo:\n    def run(self, sql, *args):\n        return self.cursor.execute(sql, args)\n");
  p.add("repo/users.py", "def f(repo):\n    return repo.run('SELECT email FROM users WHERE id = %s', 1)\n");
  p.add("store/db.go",
        "package store\nfunc (s *Store) selectAll(ctx context.Context, query string, args ...any) error {\n"
        "\t_, err := s.db.QueryContext(ctx, query, args...)\n\treturn err\n}\n");
  p.add("store/users.go", "package store\nfunc (s *Store) f(ctx context.Context) {\n"
                          "\ts.selectAll(ctx, \"SELECT id FROM users\")\n}\n");
  auto constants = p.collect();
  REQUIRE(constants.wrapper("typescript", "rawQuery"));
  CHECK(*constants.wrapper("tsx", "rawQuery") == 0);
  REQUIRE(constants.wrapper("python", "run"));
  CHECK(*constants.wrapper("python", "run") == 0);
  REQUIRE(constants.wrapper("go", "selectAll"));
  CHECK(*constants.wrapper("go", "selectAll") == 1);
  CHECK_FALSE(constants.wrapper("python", "rawQuery"));
  // A TypeScript wrapper is JavaScript's and TSX's, not Ruby's, Java's or Kotlin's.
  CHECK(constants.wrapper("javascript", "rawQuery"));
  CHECK_FALSE(constants.wrapper("ruby", "rawQuery"));
  CHECK_FALSE(constants.wrapper("java", "rawQuery"));
  CHECK_FALSE(constants.wrapper("kotlin", "rawQuery"));
  CHECK(languages::ProjectConstants::family("java") == languages::ProjectConstants::family("kotlin"));

  auto ts = extract(p, constants, "q/stats.ts");
  REQUIRE(ts.size() == 1);
  CHECK(ts[0].database_call);
  CHECK(ts[0].call_name == "rawQuery");
  CHECK(ts[0].sql.text == "select a from t \x01 where b");
  auto py = extract(p, constants, "repo/users.py");
  REQUIRE(py.size() == 1);
  CHECK(py[0].database_call);
  CHECK(py[0].call_name == "run");
  auto go = extract(p, constants, "store/users.go");
  REQUIRE(go.size() == 1);
  CHECK(go[0].database_call);
  CHECK(go[0].sql.text == "SELECT id FROM users");
}

TEST_CASE("project wrappers: a method that several classes define is a polymorphic call, not a database call") {
  // A BI tool's query runners: every data source's class has its own run_query, each sending
  // the text to another engine. A call on an object of unknown class may reach any of them.
  Project p;
  p.add("runners/pg.py", "import psycopg2\nclass PostgreSQL:\n    def run_query(self, query, user):\n"
                         "        cursor = self.conn.cursor()\n        cursor.execute(query)\n");
  p.add("runners/e6.py", "class E6:\n    def run_query(self, query, user):\n        self.cursor.execute(query)\n");
  p.add("tests/test_e6.py", "def test_run(runner):\n    runner.run_query('SELECT * FROM sample_table', None)\n");
  // One function recorded twice (two database calls of the same parameter) stays a wrapper.
  p.add("app/store.py", "class Store:\n    def fetch_rows(self, sql):\n        if self.ro:\n            return self.ro.execute(sql)\n"
                        "        return self.rw.execute(sql)\n");
  p.add("app/report.py", "def f(store):\n    return store.fetch_rows('SELECT id FROM reports')\n");
  // Plain functions of the same name in two modules agree on the argument: still a wrapper.
  p.add("a/db.py", "def q(cur, sql):\n    cur.execute(sql)\n");
  p.add("b/db.py", "def q(cur, sql):\n    return cur.execute(sql)\n");
  auto constants = p.collect();
  CHECK_FALSE(constants.wrapper("python", "run_query"));
  auto test = extract(p, constants, "tests/test_e6.py");
  REQUIRE(test.size() == 1);  // a SQL-looking string, no longer a database call's SQL
  CHECK_FALSE(test[0].database_call);
  REQUIRE(constants.wrapper("python", "fetch_rows"));
  auto report = extract(p, constants, "app/report.py");
  REQUIRE(report.size() == 1);
  CHECK(report[0].sql.text == "SELECT id FROM reports");
  REQUIRE(constants.wrapper("python", "q"));
  CHECK(*constants.wrapper("python", "q") == 1);
}

TEST_CASE("project wrappers: one of a file's methods of a name wraps a database call, the others do not") {
  // Views: one get() passes its job_id to a job queue's fetch() (a database call's name); the
  // same file's other get()s answer requests. A get() call elsewhere is no database call.
  Project p;
  p.add("core/views.py", "class JobView(View):\n    def get(self, request, job_id):\n        job = Job.fetch(job_id)\n"
                         "class QueueView(View):\n    def get(self, request):\n        return render(request)\n");
  p.add("core/tests.py", "def test_list(self):\n    self.client.get('/api/queues/', **self.header)\n");
  // A method defined once in its file still wraps.
  p.add("app/store.py", "class Store:\n    def fetch_rows(self, sql):\n        return self.conn.execute(sql)\n"
                        "    def close(self):\n        pass\n");
  auto constants = p.collect();
  CHECK_FALSE(constants.wrapper("python", "get"));
  CHECK(extract(p, constants, "core/tests.py").empty());
  REQUIRE(constants.wrapper("python", "fetch_rows"));
  CHECK(*constants.wrapper("python", "fetch_rows") == 0);
}

TEST_CASE("project questions: recorded while the project is empty, the files an answer reads, replayed") {
  Project p;
  p.add("svc/db/columns.py", "COLUMNS = 'id, total'\n");
  p.add("other/db/columns.py", "COLUMNS = 'x'\n");
  p.add("svc/api.py", "from .db.columns import COLUMNS\ndef f(cur):\n    cur.execute('SELECT ' + COLUMNS + ' FROM t')\n");
  p.add("store/cols.go", "package store\nconst cols = \"id, email\"\n");
  p.add("store/cols_test.go", "package store\nconst other = \"a\"\n");
  p.add("store/sub/x.go", "package sub\nconst cols = \"b\"\n");
  p.add("store/users.go", "package store\nfunc f(db *sql.DB) { db.Query(\"SELECT \" + cols + \" FROM users\") }\n");

  // The first scan: an empty project answers nothing and records every question.
  std::set<languages::ProjectQuery> asked;
  languages::ProjectConstants none;
  none.record_to(&asked);
  CHECK_FALSE(none.package_level("store/users.go", "cols"));
  CHECK_FALSE(none.imported("svc/api.py", ".db.columns", "COLUMNS", true));
  CHECK_FALSE(none.imported("svc/api.py", "db.columns", "COLUMNS", true));
  CHECK_FALSE(none.wrapper("go", "selectAll"));
  REQUIRE(asked.size() == 4);

  // Which files each answer depends on: every candidate, even when two make it ambiguous.
  std::vector<std::string> paths;
  for (auto& f : p.files) paths.push_back(f.first);
  auto every = languages::ProjectConstants::every_file(paths);
  std::set<std::string> reads;
  every.reads({languages::ProjectQuery::kPackageLevel, "store/users.go", "", "", false}, &reads);
  CHECK(reads == std::set<std::string>{"store/cols.go"});  // not the test file, not the sub-package
  reads.clear();
  every.reads({languages::ProjectQuery::kImported, "svc/api.py", ".db.columns", "", true}, &reads);
  CHECK(reads == std::set<std::string>{"svc/db/columns.py", "svc/db/columns/__init__.py"});
  reads.clear();
  every.reads({languages::ProjectQuery::kImported, "svc/api.py", "db.columns", "", true}, &reads);
  CHECK(reads == std::set<std::string>{"other/db/columns.py", "svc/db/columns.py"});

  // Replayed against the whole project.
  auto constants = p.collect();
  std::vector<bool> answered;
  for (auto& q : asked) answered.push_back(constants.answers(q));
  // Ordered by kind: imported (".db.columns" then "db.columns"), package level, wrapper.
  CHECK(answered == std::vector<bool>{true, false, true, false});  // "db.columns" names two modules

  const languages::Language& go = *languages::language_for_path("a.go");
  CHECK(languages::ProjectConstants::may_define_wrapper(go, "func (s *S) run(q string) { s.db.QueryContext(ctx, q) }"));
  CHECK_FALSE(languages::ProjectConstants::may_define_wrapper(go, "func (s *S) run(q string) { s.db.QueryContextX(q) }"));
  CHECK(languages::ProjectConstants::may_define_wrapper(*languages::language_for_path("a.rb"), "x"));  // "[]": no word

  // Only a file that may declare one of the names asked is parsed for its wrappers.
  const std::set<std::string> names = {"run", "fetchAll"};
  auto of = languages::ProjectConstants::may_define_wrapper_of;
  CHECK(of(go, "func (s *S) run(q string) { s.db.QueryContext(ctx, q) }", names));
  CHECK(of(go, "func fetchAll[T any](q string) { db.Query(q) }", names));
  CHECK(of(go, "func\n(s S)\nrun(q string) { db.Exec(q) }", names));
  CHECK_FALSE(of(go, "func other(q string) { db.Query(q); run(q) }", names));        // calls run, declares other
  CHECK_FALSE(of(go, "func (s *S) running(q string) { s.db.QueryContext(ctx, q) }", names));
  CHECK_FALSE(of(go, "func (s *S) run(q string) { s.log(q) }", names));                // no database call name
  CHECK_FALSE(of(go, "func (s *S) run(q string) { s.db.QueryContext(ctx, q) }", {}));
  // Go: only a `string` parameter carries SQL, and the database call is in the body.
  CHECK_FALSE(of(go, "func (s *S) run(id int) { s.db.QueryContext(ctx, id) }", names));
  CHECK_FALSE(of(go, "func run(q string) { log(q) }\nfunc other() { db.Exec(x) }", names));
  CHECK(of(go, "func run(a, q string) (struct{ n int }, error) { return db.Get(&v, q) }", names));
  // A Go call without the argument its SQL takes (Get's second) wraps nothing (collect_wrappers).
  CHECK_FALSE(of(go, "func run(a, q string) (struct{ n int }, error) { return db.Get(q) }", names));
  CHECK(of(go, "func run(q string) interface{} { f := func() { db.Exec(q) }; f() }", names));
  // A func literal's or func type's result is no declared name (`bool(x)` asks for "bool").
  CHECK_FALSE(of(go, "sort.Slice(rs, func(i, j int) bool { return db.Get(rs[i]) < \"b\" })", {"bool"}));
  CHECK_FALSE(of(go, "type less func(a, b string) bool\nfunc x(q string) { db.Exec(q) }", {"bool"}));
  CHECK(of(go, "func run /* the runner */ (q string) { db.Exec(q) }", names));  // cannot tell
  CHECK(of(go, "func run(q string) { s := \"}\"; x := `}`; /* } */ db.Exec(q + s + x) }", names));
  CHECK(of(go, "func run(q string) { db.Exec(q)", names));  // the body does not close: cannot tell
  CHECK_FALSE(of(*languages::language_for_path("a.rb"), "def run(q)\n  conn.execute(q)\nend\n", names));  // records none
  // Its two halves, for a caller that asks many names of one file: true together exactly when it is.
  for (const languages::Language* lang : {&go, languages::language_for_path("a.rb"), languages::language_for_path("a.py"),
                                          languages::language_for_path("a.ts")})
    for (std::string_view text : {"func (s *S) run(q string) { s.db.QueryContext(ctx, q) }",
                                  "func (s *S) run(q string) { s.log(q) }", "func run(a, q string) { return db.Get(q) }",
                                  "def run(q)\n  conn.execute(q)\nend\n", "def run(self, q):\n    return self.cur.execute(q)\n",
                                  "async function run(sql: string) { return pool.query(sql) }", "const run = 1; query(x)", ""})
      for (const std::set<std::string>& asked : {names, std::set<std::string>{}, std::set<std::string>{"run"}}) {
        CAPTURE(lang->name);
        CAPTURE(text);
        CHECK(of(*lang, text, asked) == (languages::ProjectConstants::declares_wrapper_of(*lang, text, asked) &&
                                         languages::ProjectConstants::may_define_any_wrapper(*lang, text)));
      }
  // Python: a wrapper is a `def` of the name.
  const languages::Language& py = *languages::language_for_path("a.py");
  CHECK(of(py, "class S:\n    async def run(self, q):\n        await self.db.execute(q)\n", names));
  CHECK_FALSE(of(py, "def other(q):\n    cur.execute(q)\n    run(q)\n", names));  // calls run, declares other
  CHECK_FALSE(of(py, "def run(q):\n    log(q)\n\ndef other(q):\n    cur.execute(q)\n", names));  // not in run's body
  CHECK(of(py, "def run(q: str,\n        n: int) -> Dict[str, int]: return cur.execute(q)\n", names));
  CHECK(of(py, "def run(q):\n    x = f(\n1)\n    s = '''\nx\n'''  # '\n\n    cur.execute(q)\n", names));
  CHECK(of(py, "def run(q):\n    s = 'unclosed\n    cur.execute(q)\n", names));  // cannot tell
  const languages::Language& ts = *languages::language_for_path("a.ts");
  CHECK(of(ts, "export const fetchAll = (q: string) => pool.query(q);", names));
  CHECK_FALSE(of(ts, "export const other = (q: string) => pool.query(q);", names));
  CHECK(of(ts, "class S { async fetchAll(sql: string): Promise<Row[]> { return this.pool.query(sql); } }", names));
  CHECK(of(ts, "export async function fetchAll(sql) { return pool.query(sql); }", names));
  CHECK(of(ts, "const fetchAll: Fetch = (sql) => pool.query(sql);", names));
  CHECK_FALSE(of(ts, "const rows = await fetchAll(sql); pool.query(x); if (fetchAll(a)) {}", names));  // calls only
  CHECK_FALSE(of(ts, "const rows = fetchAll(sql).then(f); db.query(rows)", names));
  // A database call name that is no call (a type, a CSS value, a property) calls nothing: a React
  // component whose props declare fetchAll is no wrapper.
  CHECK_FALSE(of(ts, "const fetchAll = (q: any) => setState({ display: 'none', one: q.sql });", names));
  CHECK(of(ts, "const fetchAll = (q: string) => db.one<Row>(q);", names));
  CHECK(of(ts, "const fetchAll = (q: string) => db.many!(q);", names));
  CHECK(of(ts, "const fetchAll = (q: string) => db.query\n  (q);", names));
  CHECK(of(ts, "const fetchAll = (q: string) => client?.query?.(q);", names));
  // A tag's substitutions are values, never the callers' SQL text: no wrapper (script_lexer_test.cpp).
  CHECK_FALSE(of(ts, "const fetchAll = (t: string) => sql`select * from ${t}`;", names));
  CHECK(of(ts, "const fetchAll = (t: string) => sql`select 1` && db.query(t);", names));
}

TEST_CASE("project questions: a struct field is asked only where a database call may take its text") {
  // tc.name reaches t.Run only: its writers need not be parsed. q, read into a log line first
  // (its text memoised there), then run, still asks for p.sqlDel.
  Project p;
  p.add("store/users.go",
        "package store\nfunc (p *Provider) f(ctx context.Context, t *testing.T, tc testCase) {\n"
        "  t.Run(tc.name + \" ok\", nil)\n  p.db.QueryContext(ctx, p.sqlGet)\n"
        "  q := p.sqlDel\n  log.Print(\"run \" + q)\n  p.db.ExecContext(ctx, q)\n}\n");
  std::set<languages::ProjectQuery> asked;
  languages::ProjectConstants none;
  none.record_to(&asked);
  extract(p, none, "store/users.go");
  std::set<std::string> fields;
  for (auto& q : asked)
    if (q.kind == languages::ProjectQuery::kPackageLevel && !q.c.empty() && q.c[0] == '.') fields.insert(q.c);
  CHECK(fields == std::set<std::string>{".sqlDel", ".sqlGet"});
}

TEST_CASE("project constants: Go words where a package-level declaration names what it declares") {
  auto words = languages::ProjectConstants::go_package_level_words(
      "package store\n"
      "const (\n  tableUsers = \"users\" // q\n  cols = `a, b`\n)\n"
      "var queryGet = fmt.Sprintf(\"SELECT %s FROM %s {\", cols, tableUsers)\n"
      "type repo struct{ inner string }\n"
      "func (r *repo) TableName() string { return \"t\" }\n"
      "func find(ctx context.Context, q string) (res struct{ n int }, err error) {\n  query := q\n  return\n}\n"
      "func limit() string { return \"10\" }\n"
      "func stub(local int)\n"
      "var handler = func(arg string) string { inside := arg; return inside }\n"
      "var after = 1\n");
  REQUIRE(words);
  for (const char* w : {"tableUsers", "cols", "queryGet", "repo", "TableName", "find", "limit", "stub", "handler", "after", "r"})
    CHECK_MESSAGE(words->count(w) == 1, w);
  // Locals, parameters, results, fields and the text of literals are none.
  for (const char* w : {"query", "q", "ctx", "res", "err", "n", "inner", "local", "inside", "SELECT"})
    CHECK_MESSAGE(words->count(w) == 0, w);
  CHECK_FALSE(languages::ProjectConstants::go_package_level_words("func f() {"));
  CHECK_FALSE(languages::ProjectConstants::go_package_level_words("var s = \"open"));
}

namespace {

/// One Go file's constants and wrappers as the phase collects them from `text`'s tree.
std::pair<languages::FileConstants, languages::FileWrappers> go_constants(std::string_view text, std::string_view parsed) {
  const languages::Language* go = languages::language_for_path("a.go");
  languages::Parser parser(*go);
  languages::Tree tree = parser.parse(parsed);
  REQUIRE(tree);
  std::pair<languages::FileConstants, languages::FileWrappers> out;
  languages::collect_file_constants(text, ts_tree_root_node(tree.get()), *go, &out.first, &out.second, nullptr, "store/a.go");
  return out;
}

}  // namespace

TEST_CASE("project constants: a Go file parsed without the bodies that give nothing gives what the whole file gives") {
  const languages::Language* go = languages::language_for_path("a.go");
  std::string text =
      "package store\n\nconst usersTable = \"users\"\n\nvar selectUsers = \"SELECT id FROM \" + usersTable\n\n"
      // A constant returned by a function ("name()") and a rewrite of its parameter ("name(@)").
      "func tableName() string {\n\treturn \"accounts\"\n}\n\n"
      "func rewrite(q string) string {\n\treturn strings.ReplaceAll(q, \" t_v2 \", \" t \")\n}\n\n"
      // A wrapper, a method of the same name that hands its SQL on to it, and one that does not.
      "func (s *Store) selectAll(ctx context.Context, query string, args ...any) error {\n"
      "\t_, err := s.db.QueryContext(ctx, query, args...)\n\treturn err\n}\n\n"
      "func (c *Cached) selectAll(ctx context.Context, query string, args ...any) error {\n"
      "\treturn c.inner.selectAll(ctx, query, args...)\n}\n\n"
      // Bodies that give nothing: blanked.
      "func limit() int {\n\treturn 100\n}\n\n"
      "func (s *Store) Close() error {\n\ts.closed = true\n\treturn nil\n}\n\n"
      "func helper(n int) map[string]int {\n\tout := map[string]int{}\n\tfor i := 0; i < n; i++ {\n\t\tout[\"x\"] = len(out)\n\t}\n"
      "\treturn out\n}\n\n"
      "func init() {\n\tregister(\"users\")\n}\n";
  std::string blanked = languages::go_constants_text(text, *go);
  REQUIRE(blanked.size() == text.size());
  CHECK(blanked.find("return 100") == std::string::npos);
  CHECK(blanked.find("s.closed = true") == std::string::npos);
  CHECK(blanked.find("len(out)") == std::string::npos);
  CHECK(blanked.find("return \"accounts\"") != std::string::npos);
  CHECK(blanked.find("c.inner.selectAll") != std::string::npos);
  CHECK(blanked.find("register(\"users\")") != std::string::npos);
  auto whole = go_constants(text, text);
  auto part = go_constants(text, blanked);
  CHECK(part.first == whole.first);
  CHECK(part.second == whole.second);
  CHECK(std::count_if(whole.first.begin(), whole.first.end(), [](auto& c) { return c.first == "tableName()"; }) == 1);
  CHECK(std::count_if(whole.second.begin(), whole.second.end(), [](auto& w) { return w.name == "selectAll"; }) == 2);
  // Nothing to blank: "".
  CHECK(languages::go_constants_text("package store\n\nconst a = \"b\"\n", *go).empty());
}

namespace {

/// The names declares_wrapper_of read before declared_names: each `func` / `def` found with
/// string_view::find, the receiver skipped, the word after it.
std::vector<std::string> names_by_find(std::string_view text, bool go) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
  auto blank = [&](size_t i) { return i < text.size() && std::isspace(static_cast<unsigned char>(text[i])); };
  std::string_view keyword = go ? "func" : "def";
  std::vector<std::string> out;
  for (size_t at = text.find(keyword); at != std::string_view::npos; at = text.find(keyword, at + 1)) {
    size_t i = at + keyword.size();
    if (at > 0 && word(text[at - 1])) continue;
    if (go && i < text.size() && word(text[i])) continue;
    if (!go && !(blank(i) || (i < text.size() && text[i] == '\\'))) continue;
    while (blank(i) || (!go && i < text.size() && text[i] == '\\')) ++i;
    if (go && i < text.size() && text[i] == '(') {
      int depth = 0;
      for (; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        if (text[i] == ')' && --depth == 0) break;
      }
      ++i;
      while (blank(i)) ++i;
    }
    size_t end = i;
    while (end < text.size() && word(text[end])) ++end;
    if (end > i) out.emplace_back(text.substr(i, end - i));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

TEST_CASE("project wrappers: declares_wrapper_of from a file's declarations read once answers as from the text") {
  const languages::Language* go = languages::language_for_path("a.go");
  const languages::Language* py = languages::language_for_path("a.py");
  CHECK_FALSE(languages::ProjectConstants::declared_names(*languages::language_for_path("a.ts"), "function q() {}"));
  auto declared = [](const languages::Language* lang, std::string_view text) {
    auto names = languages::ProjectConstants::declared_names(*lang, text);
    REQUIRE(names);
    return *names;
  };
  auto distinct = [](const std::vector<languages::ProjectConstants::DeclaredName>& declared) {
    std::vector<std::string> out;
    for (auto& d : declared) out.push_back(d.name);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::string go_text = "func (s *Store) selectAll(ctx context.Context, q string) {\n\ts.db.Query(q)\n}\nf := func(a int) bool {\n";
  auto go_names = declared(go, go_text);
  REQUIRE(go_names.size() == 2);
  CHECK(go_names[0].name == "selectAll");
  CHECK(go_text.substr(go_names[0].at, 1) == "(");
  CHECK(go_names[1].name == "bool");
  CHECK(languages::ProjectConstants::declares_wrapper_of(*go, go_text, {"selectAll"}, go_names));
  CHECK_FALSE(languages::ProjectConstants::declares_wrapper_of(*go, go_text, {"bool", "s"}, go_names));
  CHECK(distinct(declared(py, "class A:\n    async def run(self, sql):\n        self.c.execute(sql)\ndef \\\n  q(): pass\nundef x\n")) ==
        std::vector<std::string>{"q", "run"});
  // Random texts of the pieces a declaration is made of: the names the search by find gives,
  // and the same answers as declares_wrapper_of reading the text.
  std::mt19937 rng(23);
  const std::vector<std::string> pieces = {"func", "def", " ", "\n", "\\", "(", ")", "[", "]", "{", "}", "q", "run", "string",
                                           "s *S", "x", "_", "Query(q)", "execute(q)", "// c", ":", "\"", "    ",
                                           "func q(a string) {\n\tdb.Query(a)\n}\n", "def run(sql):\n    c.execute(sql)\n",
                                           "func (s *S) x(a, b string) ", "q string", " {Query(b)}"};
  const std::vector<std::string> words = {"q", "run", "x", "string", "s"};
  size_t yes = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    for (size_t k = 0, n = rng() % 24; k < n; ++k) text += pieces[rng() % pieces.size()];
    std::set<std::string> names;
    for (const std::string& w : words)
      if (rng() % 2) names.insert(w);
    CAPTURE(text);
    for (const languages::Language* lang : {go, py}) {
      auto d = declared(lang, text);
      CHECK(distinct(d) == names_by_find(text, lang == go));
      bool answer = languages::ProjectConstants::declares_wrapper_of(*lang, text, names);
      CHECK(languages::ProjectConstants::declares_wrapper_of(*lang, text, names, d) == answer);
      yes += answer;
    }
  }
  CHECK(yes > 500);  // the texts exercise both answers
}

namespace {

/// script_declares_one_of as it read before its filter looked at a word's last byte: each word
/// whose first byte and length some name has, looked up in the set.
bool script_declares_by_first_byte(std::string_view text, const std::set<std::string>& names) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::array<uint64_t, 256> starts{};
  for (const std::string& name : names)
    if (!name.empty()) starts[static_cast<unsigned char>(name[0])] |= uint64_t{1} << (name.size() < 64 ? name.size() : 0);
  size_t n = text.size();
  for (size_t i = 0; i < n;) {
    while (i < n && !word(text[i])) ++i;
    if (i >= n) break;
    size_t end = i + 1;
    while (end < n && word(text[end])) ++end;
    std::string_view name = text.substr(i, end - i);
    size_t at = i;
    i = end;
    uint64_t bits = starts[static_cast<unsigned char>(name[0])];
    if (!((bits >> (name.size() < 64 ? name.size() : 0)) & 1) || !names.count(std::string(name))) continue;
    size_t b = at;
    while (b > 0 && blank(text[b - 1])) --b;
    if (b >= 8 && text.substr(b - 8, 8) == "function" && (b == 8 || !word(text[b - 9]))) return true;
    if (b > 0 && text[b - 1] == '*') return true;
    size_t k = end;
    while (k < n && blank(text[k])) ++k;
    if (k >= n) return true;
    char c = text[k];
    if (c == '<' || c == ':' || (c == '=' && (k + 1 >= n || text[k + 1] != '='))) return true;
    if (c == '?' && k + 1 < n && text[k + 1] == ':') return true;
    if (c != '(') continue;
    int depth = 0;
    for (; k < n; ++k) {
      if (text[k] == '(') ++depth;
      if (text[k] == ')' && --depth == 0) break;
    }
    if (k >= n) return true;
    ++k;
    while (k < n && blank(text[k])) ++k;
    if (k >= n || text[k] == '{' || text[k] == ':' || (text[k] == '=' && k + 1 < n && text[k + 1] == '>')) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("project wrappers: a script's declarations of the names asked, found as before by first byte") {
  const languages::Language* ts = languages::language_for_path("a.ts");
  const languages::Language* js = languages::language_for_path("a.js");
  // A wrapper the names never ask: the database call half holds, so the answer is the declarations'.
  const std::string wrapper = "\nfunction zzWrap(sql) { return db.query(sql); }\n";
  auto declares = [&](const languages::Language* lang, const std::string& text, const std::set<std::string>& names) {
    return languages::ProjectConstants::declares_wrapper_of(*lang, text + wrapper, names);
  };
  // Each form a function is declared by; a call, a comparison or a longer word is none.
  for (const char* text :
       {"export default function rawQuery(sql) { return sql; }", "const rawQuery = async (sql: string) => sql;",
        "const rawQuery = function (sql) { return sql; };", "let rawQuery: Fn = (q) => q;",
        "class Repo {\n  async rawQuery(sql: string): Promise<Row[]> { return sql; }\n}",
        "class Repo { *rawQuery(sql) { yield sql; } }", "class Repo { rawQuery<T>(sql: string) { return sql; } }",
        "const api = { rawQuery(sql) { return sql; } };", "const api = { rawQuery: (sql) => sql };",
        "type Api = { rawQuery?: Fn };", "function* rawQuery(sql) { yield sql; }"}) {
    CAPTURE(std::string(text));
    CHECK(declares(ts, text, {"select", "rawQuery", "runs"}));
  }
  for (const char* text : {"await rawQuery(sql).rows;", "rawQuery(sql);\n", "if (rawQuery == b) {}", "rawQueryX = 1",
                           "const rawQuerY = 1", "rawQueryy: 1"}) {
    CAPTURE(std::string(text));
    CHECK_FALSE(declares(ts, text, {"select", "rawQuery", "runs"}));
  }
  // Random texts of those pieces, the names chosen to share first and last bytes and lengths
  // (rows, runs, rams): the same answers as the filter by first byte alone.
  std::mt19937 rng(31);
  const std::vector<std::string> pieces = {
      "function", "function*", " ", "\n", "\t", "(", ")", "{", "}", "<", ">", "=", "==", "=>", ":", "?", "?:", "*", ";", ",",
      "rows", "runs", "rams", "q", "$q", "_", "async", "const", "export default", "sql", "`", "\"", "// c", "'(",
      "function runs(sql) { return sql; }\n", "const rows = async (sql) => sql\n", "x: function (sql) { }",
      "rams(sql) {", "rows(sql);", "await runs(sql).rows", "select", "selects", "s"};
  const std::vector<std::string> words = {"rows", "runs", "rams", "q", "$q", "_", "sql", "select", "s", "function"};
  size_t yes = 0, asked = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    for (size_t k = 0, n = rng() % 28; k < n; ++k) text += pieces[rng() % pieces.size()];
    std::set<std::string> names;
    for (const std::string& w : words)
      if (rng() % 3 == 0) names.insert(w);
    CAPTURE(text);
    bool answer = script_declares_by_first_byte(text + wrapper, names);
    for (const languages::Language* lang : {ts, js}) CHECK(declares(lang, text, names) == answer);
    yes += answer;
    ++asked;
  }
  CHECK(yes > 1000);  // the texts exercise both answers
  CHECK(yes + 1000 < asked);
}
