// Tables created at run time under names the code builds (analyzers/pipeline/run_time_names.h):
// the forms read from a Go package's formats and from migration templates, and which names fit.
#include <doctest/doctest.h>

#include "analyzers/pipeline/run_time_names.h"
#include "analyzers/pipeline/test_schema.h"
#include "analyzers/source/file_system.h"
#include "analyzers/sql/sql_text.h"

using namespace schemagate;

TEST_CASE("run-time names: a form's holes take name characters, one or more, and nothing else") {
  std::string form = std::string(1, sql::kHole) + "_jobs_" + sql::kHole;
  CHECK(pipeline::fits_name_form(form, "gw_jobs_1"));
  CHECK(pipeline::fits_name_form(form, "RT_Jobs_12_3"));
  CHECK_FALSE(pipeline::fits_name_form(form, "_jobs_1"));   // a hole is never empty
  CHECK_FALSE(pipeline::fits_name_form(form, "gw_jobs_"));
  CHECK_FALSE(pipeline::fits_name_form(form, "gw_job_1"));
  CHECK_FALSE(pipeline::fits_name_form(form, "gw.x_jobs_1"));
  CHECK(pipeline::is_name_form(form));
  CHECK_FALSE(pipeline::is_name_form(std::string(1, sql::kHole) + "_" + sql::kHole));  // "%s_%s" names anything
  CHECK_FALSE(pipeline::is_name_form("jobs"));
}

TEST_CASE("run-time names: a Go package's name formats, tests and other formats aside") {
  source::MemoryFileSystem fs;
  fs.add("app/queue/dataset.go",
         "package queue\n\nfunc newDataset(p, i string) dataset {\n"
         "\treturn dataset{JobTable: fmt.Sprintf(\"%s_jobs_%s\", p, i), StatusTable: fmt.Sprintf(`%[1]s_job_status_%[2]s`, p, i)}\n}\n"
         "func key(p, op string) string { return fmt.Sprintf(\"%s_%s\", p, op) }\n"
         "func msg(t string) string { return fmt.Sprintf(\"creating %s\", t) }\n");
  fs.add("app/queue/dataset_test.go", "package queue\nvar x = fmt.Sprintf(\"%s_fixture_%d\", a, 1)\n");
  auto forms = pipeline::go_package_name_forms(fs, "app", "queue");
  REQUIRE(forms.size() == 2);
  CHECK(forms[0].shown == "%s_jobs_%s");
  CHECK(forms[0].file == "queue/dataset.go");
  CHECK(forms[0].line == 4);
  CHECK(forms[1].shown == "%[1]s_job_status_%[2]s");
  CHECK(pipeline::fits_name_form(forms[1].form, "gw_job_status_1"));
}

TEST_CASE("run-time names: a migration template's templated CREATE TABLE, comments aside") {
  source::MemoryFileSystem fs;
  fs.add("app/sql/migrations/queue/000001_journal.up.tmpl",
         "-- CREATE TABLE {{.Prefix}}_example (id int);\n"
         "CREATE TABLE IF NOT EXISTS {{.Prefix}}_journal (id BIGSERIAL);\n"
         "{{ if .Partitioned }}\nCREATE TABLE \"{{$.Prefix}}_paused\" (p TEXT);\n{{ end }}\n"
         "CREATE TABLE fixed_name (id int);\n");
  fs.add("app/templates/page.tmpl", "CREATE TABLE {{.Name}}_rows (id int);\n");
  auto forms = pipeline::templated_migration_tables(
      fs, "app", {"sql/migrations/queue/000001_journal.up.tmpl", "templates/page.tmpl"});
  REQUIRE(forms.size() == 2);
  CHECK(forms[0].shown == "{{.Prefix}}_journal");
  CHECK(forms[0].line == 2);
  CHECK(forms[1].shown == "{{$.Prefix}}_paused");
  CHECK(pipeline::fits_name_form(forms[1].form, "rt_paused"));
}

TEST_CASE("created tables in text: a run-time fragment is the name it stands in, and Spark's EXTERNAL tables count") {
  auto created = pipeline::created_tables_in_text("CREATE TABLE " + std::string(1, sql::kHole) + " (consumer TEXT PRIMARY KEY)");
  REQUIRE(created.size() == 1);
  CHECK(created[0].first.name == std::string(1, sql::kHole));
  auto external = pipeline::created_tables_in_text("CREATE EXTERNAL TABLE product_track (id string) STORED AS PARQUET");
  REQUIRE(external.size() == 1);
  CHECK(external[0].first.name == "product_track");
}

namespace {
/// What a reader by words found in `text`: "schema.name@offset" each.
std::vector<std::string> read_names(
    std::vector<std::pair<schemagate::sql::CreatedRelation, size_t>> (*reader)(const std::string&), const std::string& text) {
  std::vector<std::string> out;
  for (auto& [c, at] : reader(text)) out.push_back((c.schema.empty() ? "" : c.schema + ".") + c.name + "@" + std::to_string(at));
  return out;
}
}  // namespace

TEST_CASE("added columns in text: ALTER TABLE ... ADD [COLUMN] [IF NOT EXISTS], each ADD COLUMN of the statement") {
  auto names = [](const std::string& text) { return read_names(pipeline::added_columns_in_text, text); };
  CHECK(names("cur.execute('ALTER TABLE accounts ADD COLUMN IF NOT EXISTS plan text')") ==
        std::vector<std::string>{"column:accounts.plan@13"});
  CHECK(names("alter table if exists only Billing.\"Invoices\" add note text, add column paid bool, add x int") ==
        std::vector<std::string>{"billing.column:invoices.note@0", "billing.column:invoices.paid@0"});
  // A constraint is no column; a `;` ends the statement; ALTER of another kind adds nothing.
  CHECK(names("ALTER TABLE t ADD CONSTRAINT c UNIQUE (a); ADD COLUMN b int").empty());
  CHECK(names("ALTER TABLE t ADD PRIMARY KEY (id)").empty());
  CHECK(names("ALTER INDEX i RENAME TO j; alter table").empty());
  CHECK(names("ALTER TABLE t DROP COLUMN a, ADD COLUMN b int") == std::vector<std::string>{"column:t.b@0"});
}

TEST_CASE("created tables in text: words read in place, quotes left out, IF NOT EXISTS passed over only before a name") {
  auto names = [](const std::string& text) { return read_names(pipeline::created_tables_in_text, text); };
  // Case, quotes within a word, a schema's dot, and the modifiers before TABLE or VIEW.
  CHECK(names("x = 'Create Temp Table \"Audit\".\"Log\" (id int)'") ==
        std::vector<std::string>{"audit.log@5"});
  CHECK(names("create or replace view v1 as select 1; CREATE UNLOGGED TABLE IF NOT EXISTS t2 (a int)") ==
        std::vector<std::string>{"v1@0", "t2@39"});
  CHECK(names("\"create\" table quoted") == std::vector<std::string>{"quoted@0"});
  CHECK(names("CREATE MATERIALIZED VIEW IF NOT EXISTS mbid_top AS (SELECT 1)") == std::vector<std::string>{"mbid_top@0"});
  // A word that only holds "create" is another word: recreate, create_table, a.create.
  CHECK(names("recreate table a; create_table b; x.create table c").empty());
  // IF NOT EXISTS with no name after it names nothing, and ends the reading; with fewer words
  // after TABLE, "if" is the name.
  CHECK(names("CREATE TABLE IF NOT EXISTS").empty());
  CHECK(names("CREATE TABLE IF NOT").empty() == false);
  CHECK(names("CREATE TABLE IF NOT") == std::vector<std::string>{"if@0"});
  CHECK(names("CREATE TABLE if exists (x int)") == std::vector<std::string>{"if@0"});
  CHECK(names("create index i on t; create table").empty());
}
