// The code scan's phases one at a time (pipeline/scan_plan.h), on the in-memory file system: what
// each leaves for the next. The whole pipeline through the same fakes is test_pipeline.cpp's.
#include <doctest/doctest.h>

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
