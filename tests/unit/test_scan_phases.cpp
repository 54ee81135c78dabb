// The code scan's phases one at a time (pipeline/scan_plan.h), on the in-memory file system: what
// each leaves for the next. The whole pipeline through the same fakes is test_pipeline.cpp's.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "analyzers/pipeline/file_scanner.h"
#include "analyzers/pipeline/scan_plan.h"
#include "tests/unit/scan_harness.h"

using namespace schemagate;

namespace {

source::MemoryFileSystem project() {
  source::MemoryFileSystem fs;
  fs.add("app/migrations/0001_init.up.sql", "CREATE TABLE llm_results (id bigserial PRIMARY KEY, output text);\n");
  fs.add("app/worker/save.py",
         "def save(cur, out, model):\n"
         "    cur.execute(\n"
         "        \"INSERT INTO llm_results (output, model_version) VALUES (%s, %s)\",\n"
         "        (out, model),\n"
         "    )\n");
  return fs;
}

}  // namespace

TEST_CASE("scan phases: discover plans the code files, extract finds sites at byte offsets, evaluate places them") {
  source::MemoryFileSystem fs = project();
  // discover: the code, not the migrations; the repository's search path in the plan's options.
  testing::PlannedScan planned(fs, "app");
  pipeline::ScanPlan& plan = planned.plan;
  pipeline::SchemaBuild& build = planned.build;
  std::string err;
  REQUIRE(plan.code.files.size() == 1);
  CHECK(plan.code.files[0].first == "worker/save.py");
  CHECK(plan.threads == 1);

  // extract + resolve: one checked site, its requirements; positions are byte offsets only.
  std::vector<pipeline::FileResult> results = pipeline::extract_files(fs, plan);
  REQUIRE(results.size() == 1);
  REQUIRE(results[0].sites.size() == 1);
  const pipeline::SiteRecord& site = results[0].sites[0];
  CHECK(site.checked);
  REQUIRE(site.offset);
  CHECK(site.line == 0);
  CHECK_FALSE(results[0].held.empty());

  // evaluate: the site and its references placed through the file's Locator; the finding too.
  pipeline::CodeScan scan;
  REQUIRE(pipeline::evaluate_files(fs, plan, build, results, &scan, &err));
  REQUIRE(scan.sites.size() == 1);
  CHECK(scan.sites[0].line == 3);
  CHECK(scan.sites[0].column == 9);
  bool placed = false;
  for (auto& r : scan.sites[0].references)
    if (r.column == "model_version") placed = r.line == 3 && r.column_number == 43 && r.status == "missing";
  CHECK(placed);
  REQUIRE(scan.diagnostics.size() == 1);
  CHECK(scan.diagnostics[0].rule == "missing-column");
  CHECK(scan.diagnostics[0].line == 3);
}

TEST_CASE("parsed files: a tree kept by one phase is taken once by the next, within the bound") {
  const languages::Language& go = *languages::language_for_path("a.go");
  languages::Parser parser(go);
  pipeline::ParsedFiles kept;
  std::string text = "package a\nfunc f() {}\n";
  languages::Tree tree = parser.parse(text);
  kept.keep("a.go", text, &tree);
  CHECK_FALSE(tree);  // handed over
  std::string big(pipeline::ParsedFiles::kSourceBytes, ' ');
  languages::Tree big_tree = parser.parse(big);
  kept.keep("big.go", big, &big_tree);
  CHECK(big_tree);  // past the bound: not kept, parsed again where needed
  std::string got;
  languages::Tree t;
  CHECK(kept.take("a.go", &got, &t));
  CHECK(got == text);
  CHECK(ts_node_end_byte(ts_tree_root_node(t.get())) == text.size());
  CHECK_FALSE(kept.take("a.go", &got, &t));
  CHECK_FALSE(kept.take("big.go", &got, &t));
}

TEST_CASE("held requirements: what the evaluate phase gets back is what the scan held, in order") {
  requirements::FileRequirements given;
  given.units.push_back({"app/a.py", "SELECT id FROM t", "execute", 12, ""});
  requirements::Requirement relation;
  relation.schema = "public";
  relation.relation = "llm_results";
  relation.use = requirements::Use::Insert;
  relation.insert_columns = {"output", "model_version"};
  relation.span = {40, 51};
  requirements::Requirement column = relation;
  column.object = requirements::Object::Column;
  column.column = "model_version";
  column.candidates = {"public.llm_results", "public.tenants"};
  column.insert_columns.clear();
  column.quoted = true;
  requirements::Requirement function;
  function.object = requirements::Object::Function;
  function.schema = "audit";
  function.function = "now_utc";
  function.arguments = 2;
  function.procedure = true;
  function.unit = 1;
  requirements::Requirement described = function;  // a field the compact form has no room for: held whole
  described.describe = "called by the model's default";
  given.requirements = {relation, column, function, described, relation};
  requirements::FileRequirements copy = given;

  pipeline::CompactRequirements held;
  held.hold(std::move(given));
  CHECK(given.requirements.empty());
  CHECK(held.size() == 5);
  requirements::FileRequirements again = held.unpacked();
  CHECK(again.requirements == copy.requirements);
  CHECK(again.units.size() == 1);
  CHECK(again.units[0].runs_through == "execute");
  requirements::FileRequirements taken = held.take();
  CHECK(taken.requirements == copy.requirements);
  CHECK(held.empty());
}

TEST_CASE("scan again: a file that asked the project keeps its data layers' outputs, which a later scan takes instead of extracting") {
  source::MemoryFileSystem fs;
  fs.add("app/migrations/0001_init.up.sql", "CREATE TABLE users (name text, password_hash text);\n");
  const std::string text =
      "from synapse.storage.queries import QUERY\n"
      "class Store:\n"
      "    async def f(self, txn):\n"
      "        txn.execute(QUERY)\n"
      "        await self.db_pool.simple_select_one(table=\"users\", keyvalues={\"name\": 1}, retcols=(\"password_hash\",))\n";
  fs.add("app/synapse/storage/users.py", text);
  testing::PlannedScan planned(fs, "app");
  pipeline::ScanPlan& plan = planned.plan;
  const languages::Language* python = languages::language_for_path("users.py");
  auto layer_sites = [](const pipeline::FileResult& r) {
    std::vector<std::string> sql;
    for (auto& s : r.sites)
      if (s.via == "synapse-database-pool") sql.push_back(s.sql);
    return sql;
  };

  pipeline::FileScanner scanner(fs, plan.options, plan.targets, plan.test_schemas);
  languages::FileConstants constants;
  languages::FileWrappers wrappers;
  pipeline::FirstPass first;
  first.constants = &constants;
  first.wrappers = &wrappers;
  pipeline::FileResult once = scanner.scan("synapse/storage/users.py", python, &first);
  REQUIRE_FALSE(first.asked.empty());  // QUERY, imported from the project
  REQUIRE(first.layer_outputs);
  REQUIRE(first.layer_outputs->size() == 1);
  CHECK(layer_sites(once) == std::vector<std::string>{"simple_select_one(users name password_hash)"});

  // Taken as they are: a unit the kept output names is the scan's, though the file has no such call.
  std::vector<datalayers::FileOutput> kept = *first.layer_outputs;
  kept[0].requirements.units[0].fingerprint_text = "kept";
  pipeline::FileResult again = scanner.scan("synapse/storage/users.py", python, nullptr, &kept);
  CHECK(layer_sites(again) == std::vector<std::string>{"kept"});
  CHECK(layer_sites(scanner.scan("synapse/storage/users.py", python)) == layer_sites(once));

  // A file that asked nothing keeps none: it is not scanned again.
  fs.add("app/synapse/storage/plain.py", "class S:\n    async def g(self):\n        await self.db_pool.simple_delete(table=\"users\", keyvalues={\"name\": 1})\n");
  pipeline::FirstPass plain;
  plain.constants = &constants;
  plain.wrappers = &wrappers;
  scanner.scan("synapse/storage/plain.py", python, &plain);
  CHECK(plain.asked.empty());
  CHECK_FALSE(plain.layer_outputs);
}

TEST_CASE("first pass with the wrappers known: a Python file that calls another file's wrapper finds its site at once, and records the question") {
  source::MemoryFileSystem fs;
  fs.add("app/migrations/0001_init.up.sql", "CREATE TABLE jobs (id bigint);\n");
  fs.add("app/db/base.py", "def run_sql(cur, sql):\n    cur.execute(sql)\n");
  fs.add("app/work/job.py",
         "from db.base import run_sql\n"
         "def job(cur):\n"
         "    run_sql(cur, \"SELECT state FROM jobs\")\n");
  testing::PlannedScan planned(fs, "app");
  pipeline::ScanPlan& plan = planned.plan;
  const languages::Language* python = languages::language_for_path("job.py");
  pipeline::FileScanner scanner(fs, plan.options, plan.targets, plan.test_schemas);

  languages::FileConstants constants;
  languages::FileWrappers wrappers;
  pipeline::FirstPass base;
  base.constants = &constants;
  base.wrappers = &wrappers;
  scanner.scan("db/base.py", python, &base);
  REQUIRE(wrappers.size() == 1);
  CHECK(wrappers[0].name == "run_sql");

  const languages::ProjectQuery run_sql{languages::ProjectQuery::kWrapper, "python", "", "run_sql", false};
  auto sites = [](const pipeline::FileResult& r) {
    std::vector<std::string> sql;
    for (auto& s : r.sites) sql.push_back(s.via + ": " + s.sql);
    return sql;
  };
  // Nothing known: the text is SQL-looking text, not yet a database call's, and the question is
  // recorded (constants_pass.cpp scans the file again once the whole project answers it).
  languages::FileConstants job_constants;
  languages::FileWrappers job_wrappers;
  pipeline::FirstPass blind;
  blind.constants = &job_constants;
  blind.wrappers = &job_wrappers;
  CHECK(sites(scanner.scan("work/job.py", python, &blind)) == std::vector<std::string>{"string: SELECT state FROM jobs"});
  CHECK(blind.asked.count(run_sql) == 1);

  // The wrappers of the files before it known: the site is found in the first pass, through the
  // project the pass asked, which recorded the question with the answer it gave.
  languages::ProjectConstants known;
  known.add_wrappers("python", wrappers);
  languages::ProjectConstants asking = known;
  pipeline::FirstPass seeing;
  languages::FileConstants seeing_constants;
  languages::FileWrappers seeing_wrappers;
  seeing.constants = &seeing_constants;
  seeing.wrappers = &seeing_wrappers;
  asking.record_to(&seeing.asked);
  scanner.use_project(&asking);
  CHECK(sites(scanner.scan("work/job.py", python, &seeing)) == std::vector<std::string>{"run_sql: SELECT state FROM jobs"});
  asking.record_to(nullptr);
  CHECK(seeing.asked.count(run_sql) == 1);
  REQUIRE(known.wrapper("python", "run_sql"));
  CHECK(*known.wrapper("python", "run_sql") == 1);
  // What the file gives its project does not depend on what it was asked with.
  CHECK(seeing_constants == job_constants);
}

TEST_CASE("python_parameter_passers: the functions whose body hands a parameter to a database call first") {
  const languages::Language& python = *languages::language_for_path("x.py");
  std::string text =
      "class Pool:\n"
      "    def execute_batch(self, sql: str, args) -> None:\n"
      "        self.txn.executemany(sql, args)\n"
      "    def execute_sql(self, sql, *args):\n"
      "        def r(txn):\n"
      "            txn.execute(\n"
      "                sql, args)\n"
      "        return self.run(r)\n"
      "    def count(self, table):\n"
      "        self.txn.execute(\"SELECT count(*) FROM users\")\n"
      "    def own(self):\n"
      "        self.txn.execute(self)\n"
      "\n"
      "def run_sql(cur, sql=None):\n"
      "    # cur.execute(cur)\n"
      "    cur.execute(sql)\n"
      "def by_name(cur, q):\n"
      "    cur.reexecute(q)\n"
      "def through(cur, q):\n"
      "    run_sql(cur, q)\n";
  CHECK(languages::ProjectConstants::python_parameter_passers(python, text) ==
        std::set<std::string>{"execute_batch", "execute_sql", "run_sql"});
  CHECK(languages::ProjectConstants::python_parameter_passers(python, "x = 1\n").empty());
  // A call is found as the word before its `(`: every Python database call name must be one.
  for (std::string_view call : python.database_calls)
    CHECK(std::all_of(call.begin(), call.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }));
}
