// The checks over one statement: exact rule, message, location, migration and notes.
#include <doctest/doctest.h>

#include "tests/unit/check_harness.h"
#include "analyzers/checks/check.h"
#include "analyzers/checks/history.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/requirements.h"

using namespace schemagate;

namespace {

using schemagate::testing::build;
using schemagate::testing::run;

const std::pair<std::string, std::string> kInit = {"migrations/0001_init.up.sql",
                                                  "CREATE TABLE llm_results (\n  id bigserial PRIMARY KEY,\n"
                                                  "  tenant_id bigint NOT NULL,\n  output text\n);"};
const std::pair<std::string, std::string> kAdd = {"migrations/0002_add_model_version.up.sql",
                                                 "-- the newest migration\nALTER TABLE llm_results ADD COLUMN model_version text;"};

}  // namespace

TEST_CASE("missing-column offline, with the fix in the help line") {
  auto s = build({kInit});
  auto d = run("INSERT INTO llm_results (tenant_id,\n  model_version) VALUES (1, 'x')", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "missing-column");
  CHECK(d[0].line == 2);
  CHECK(d[0].column == 3);
  CHECK(d[0].width == 13);
  CHECK(d[0].source_line == "  model_version) VALUES (1, 'x')");
  CHECK(d[0].message ==
        "column \"model_version\" of relation \"llm_results\" does not exist (SQLSTATE 42703): no migration adds it");
  CHECK(d[0].relation == "public.llm_results");
  CHECK(*d[0].column_name == "model_version");
  CHECK_FALSE(d[0].migration.has_value());
  CHECK(d[0].help ==
        "add a migration with ALTER TABLE llm_results ADD COLUMN model_version ... and apply it before deploying this code");
}

TEST_CASE("pending-migration when only a migration not yet applied adds the column") {
  auto current = build({kInit});
  auto eventual = build({kInit, kAdd});
  auto d = run("INSERT INTO llm_results (tenant_id, model_version) VALUES (1, 'x')", eventual, &current);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "pending-migration");
  CHECK(d[0].column == 37);
  CHECK(d[0].message ==
        "column \"model_version\" of relation \"llm_results\" does not exist in the database yet (SQLSTATE 42703 in "
        "production); pending migration migrations/0002_add_model_version.up.sql adds it: apply it before deploying "
        "this code");
  CHECK(*d[0].migration == "migrations/0002_add_model_version.up.sql");
  REQUIRE(d[0].notes.size() == 1);
  CHECK(d[0].notes[0].line == 2);
  CHECK(d[0].notes[0].message == "added here");
}

TEST_CASE("pending-migration for a relation a pending migration creates") {
  auto current = build({kInit});
  auto eventual = build({kInit, {"migrations/0002_audit.up.sql", "CREATE TABLE audit (id int, who text);"}});
  auto d = run("SELECT who FROM audit", eventual, &current);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "pending-migration");
  CHECK(d[0].message ==
        "relation \"audit\" does not exist in the database yet (SQLSTATE 42P01 in production); pending migration "
        "migrations/0002_audit.up.sql creates it: apply it before deploying this code");
}

TEST_CASE("a column nothing provides is missing-column even against a live schema") {
  auto current = build({kInit});
  auto d = run("SELECT tokens FROM llm_results", current, &current);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "missing-column");
}

TEST_CASE("a dropped column names the migration that drops it") {
  auto s = build({kInit, {"migrations/0002_drop_output.up.sql", "\n\nALTER TABLE llm_results DROP COLUMN output;"}});
  auto d = run("SELECT output FROM llm_results", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"output\" of relation \"llm_results\" does not exist (SQLSTATE 42703): migration "
        "migrations/0002_drop_output.up.sql drops it");
  CHECK(*d[0].migration == "migrations/0002_drop_output.up.sql");
  REQUIRE(d[0].notes.size() == 1);
  CHECK(d[0].notes[0].line == 3);
}

TEST_CASE("a renamed column suggests the new name") {
  auto s = build({kInit, {"migrations/0002_rename.up.sql", "ALTER TABLE llm_results RENAME COLUMN output TO result;"}});
  auto d = run("SELECT output FROM llm_results", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"output\" of relation \"llm_results\" does not exist (SQLSTATE 42703): migration "
        "migrations/0002_rename.up.sql renames it to \"result\"");
  CHECK(d[0].help == "use \"result\"");
}

TEST_CASE("missing-relation with did-you-mean") {
  auto s = build({kInit});
  auto d = run("SELECT 1 FROM llm_result", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "missing-relation");
  CHECK(d[0].message ==
        "relation \"llm_result\" does not exist (SQLSTATE 42P01): no migration creates it; did you mean \"llm_results\"?");
  CHECK(d[0].column == 15);
}

TEST_CASE("a renamed table names the migration and the new name") {
  auto s = build({kInit, {"migrations/0002_rename.up.sql", "ALTER TABLE llm_results RENAME TO completions;"}});
  auto d = run("SELECT id FROM llm_results", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "relation \"llm_results\" does not exist (SQLSTATE 42P01): migration migrations/0002_rename.up.sql renames it "
        "to \"completions\"");
}

TEST_CASE("a column dropped before its table was renamed and moved names the drop") {
  auto s = build({{"migrations/0001_orders.up.sql", "CREATE TABLE orders (id int, total numeric);"},
                  {"migrations/0002_drop_total.up.sql", "\nALTER TABLE orders DROP COLUMN total;"},
                  {"migrations/0003_rename.up.sql", "ALTER TABLE orders RENAME TO purchases;"}});
  auto d = run("SELECT total FROM purchases", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"total\" of relation \"purchases\" does not exist (SQLSTATE 42703): migration "
        "migrations/0002_drop_total.up.sql drops it");
  REQUIRE(d[0].notes.size() == 1);
  CHECK(d[0].notes[0].file == "migrations/0002_drop_total.up.sql");
  CHECK(d[0].notes[0].line == 2);

  auto moved = build({{"migrations/0001_orders.up.sql", "CREATE TABLE orders (id int, total numeric);"},
                      {"migrations/0002_rename.up.sql", "ALTER TABLE orders RENAME COLUMN total TO amount;"},
                      {"migrations/0003_move.up.sql",
                       "CREATE SCHEMA sales;\nALTER TABLE orders SET SCHEMA sales;\nALTER TABLE sales.orders RENAME TO purchases;"}});
  d = run("SELECT total FROM sales.purchases", moved);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"total\" of relation \"sales.purchases\" does not exist (SQLSTATE 42703): migration "
        "migrations/0002_rename.up.sql renames it to \"amount\"");
}

TEST_CASE("a table dropped and created again does not blame the old table's history") {
  auto s = build({{"migrations/0001_orders.up.sql", "CREATE TABLE orders (id int, total numeric);"},
                  {"migrations/0002_drop_total.up.sql", "ALTER TABLE orders DROP COLUMN total;"},
                  {"migrations/0003_recreate.up.sql", "DROP TABLE orders;\nCREATE TABLE orders (id int);"}});
  auto d = run("SELECT total FROM orders", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"total\" of relation \"orders\" does not exist (SQLSTATE 42703): no migration adds it");
}

TEST_CASE("a column a Drizzle DO block constrains is not uncertain: dropping it is reported") {
  auto s = build({{"drizzle/0000_init.sql",
                   "CREATE TABLE \"projects\" (\"id\" serial PRIMARY KEY);\n"
                   "CREATE TABLE \"tasks\" (\"id\" serial PRIMARY KEY, \"project_id\" integer);\n"
                   "DO $$ BEGIN\n"
                   " ALTER TABLE \"tasks\" ADD CONSTRAINT \"tasks_project_id_fk\" FOREIGN KEY (\"project_id\") "
                   "REFERENCES \"projects\"(\"id\") ON DELETE cascade;\n"
                   "EXCEPTION\n"
                   " WHEN duplicate_object THEN null;\n"
                   "END $$;\n"},
                  {"drizzle/0001_flat.sql", "ALTER TABLE \"tasks\" DROP COLUMN \"project_id\";"}});
  auto d = run("SELECT id FROM tasks WHERE project_id = $1", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "missing-column");
  CHECK(d[0].message ==
        "column \"project_id\" of relation \"tasks\" does not exist (SQLSTATE 42703): migration drizzle/0001_flat.sql "
        "drops it");
}

TEST_CASE("suggested SQL quotes identifiers PostgreSQL would fold or reject") {
  CHECK(checks::sql_ident("created_at") == "created_at");
  CHECK(checks::sql_ident("a$1") == "a$1");
  CHECK(checks::sql_ident("name") == "name");  // an unreserved keyword names a column as is
  CHECK(checks::sql_ident("createdAt") == "\"createdAt\"");
  CHECK(checks::sql_ident("User") == "\"User\"");
  CHECK(checks::sql_ident("user") == "\"user\"");
  CHECK(checks::sql_ident("order") == "\"order\"");
  CHECK(checks::sql_ident("group") == "\"group\"");
  CHECK(checks::sql_ident("select") == "\"select\"");
  CHECK(checks::sql_ident("table") == "\"table\"");
  CHECK(checks::sql_ident("left") == "\"left\"");
  CHECK(checks::sql_ident("2fa") == "\"2fa\"");
  CHECK(checks::sql_ident("first-name") == "\"first-name\"");
  CHECK(checks::sql_ident("say \"hi\"") == "\"say \"\"hi\"\"\"");

  auto s = build({{"migrations/0001_user.up.sql", "CREATE TABLE \"User\" (id int, \"displayName\" text);\n"
                                                  "CREATE TABLE \"order\" (id int);"}});
  auto d = run("SELECT id FROM \"User\" WHERE email = $1", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"email\" of relation \"User\" does not exist (SQLSTATE 42703): no migration adds it");
  CHECK(d[0].help == "add a migration with ALTER TABLE \"User\" ADD COLUMN email ... and apply it before deploying this code");
  d = run("SELECT \"createdAt\" FROM \"order\"", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].help ==
        "add a migration with ALTER TABLE \"order\" ADD COLUMN \"createdAt\" ... and apply it before deploying this "
        "code");
}

TEST_CASE("a name that differs only in case says to quote it, not to add it") {
  auto s = build({{"migrations/0001_user.up.sql",
                   "CREATE TABLE \"User\" (id int, \"createdAt\" timestamptz, updatedat timestamptz);\n"
                   "CREATE TABLE \"Accounts\" (id int);"}});
  auto d = run("SELECT id, createdAt FROM \"User\"", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "missing-column");
  CHECK(d[0].message ==
        "column \"createdat\" of relation \"User\" does not exist (SQLSTATE 42703): no migration adds it; did you "
        "mean \"createdAt\"? unquoted identifiers fold to lower case: write \"createdAt\" in double quotes");
  CHECK(d[0].help == "write the column as \"createdAt\" in the query; no migration is needed");

  d = run("SELECT \"updatedAt\" FROM \"User\"", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"updatedAt\" of relation \"User\" does not exist (SQLSTATE 42703): no migration adds it; did you "
        "mean \"updatedat\"? a quoted identifier keeps its case: write updatedat");
  CHECK(d[0].help == "write the column as updatedat in the query; no migration is needed");

  d = run("SELECT id FROM Accounts", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "missing-relation");
  CHECK(d[0].message ==
        "relation \"accounts\" does not exist (SQLSTATE 42P01): no migration creates it; did you mean \"Accounts\"? "
        "unquoted identifiers fold to lower case: write \"Accounts\" in double quotes");
  CHECK(d[0].help == "write the relation as \"Accounts\" in the query; no migration is needed");
}

TEST_CASE("a column missing from a view: the help changes the view's query, not ALTER TABLE") {
  auto s = build({kInit, {"migrations/0002_view.up.sql", "CREATE VIEW recent_results AS SELECT id, output FROM llm_results;"}});
  auto d = run("SELECT tenant_id FROM recent_results", s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "column \"tenant_id\" of relation \"recent_results\" does not exist (SQLSTATE 42703): no migration adds it");
  CHECK(d[0].help ==
        "add tenant_id to the query of view recent_results in a migration (CREATE OR REPLACE VIEW) and apply it before "
        "deploying this code");
}

TEST_CASE("a dated data-migration script is judged by the history of its date") {
  schema::SchemaEvent drop;
  drop.kind = schema::SchemaEvent::Kind::DropRelation;
  drop.origin.file = "server/migrations/20240301120000-fold-preferences.js";
  const std::map<std::string, std::string> migrations = {{drop.origin.file, "sequelize"},
                                                        {"server/migrations/20240101090000-create.js", "sequelize"}};
  // Dated before the drop, or the same date (the dropping migration runs it first): it ran then.
  CHECK(checks::ran_before(migrations, "server/scripts/20240215000000-backfill.ts", drop));
  CHECK(checks::ran_before(migrations, "server/scripts/20240301120000_fold.py", drop));
  // Dated after the drop, undated, or dated in another scheme: judged against today's schema.
  CHECK_FALSE(checks::ran_before(migrations, "server/scripts/20240415000000-audit.ts", drop));
  CHECK_FALSE(checks::ran_before(migrations, "server/jobs/send-reminders.ts", drop));
  CHECK_FALSE(checks::ran_before(migrations, "server/scripts/20240215-backfill.ts", drop));
  CHECK_FALSE(checks::ran_before(migrations, "server/scripts/20240215000000.ts", drop));
  // A migration itself is no script; a removal by a file that is not a migration (a dump) is no date.
  CHECK_FALSE(checks::ran_before(migrations, "server/migrations/20240101090000-create.js", drop));
  schema::SchemaEvent dumped = drop;
  dumped.origin.file = "db/20240301120000-schema.sql";
  CHECK_FALSE(checks::ran_before(migrations, "server/scripts/20240215000000-backfill.ts", dumped));
  // Django's four-digit numbers are an order, not a date.
  schema::SchemaEvent django = drop;
  django.origin.file = "app/migrations/0007_drop_prefs.py";
  CHECK_FALSE(checks::ran_before({{django.origin.file, "django"}}, "scripts/0003_backfill.py", django));
}

TEST_CASE("a runner's tracking table, a tool's or named like one, is no missing relation") {
  auto s = build({kInit});
  CHECK(run("SELECT version FROM goose_db_version", s).empty());
  CHECK(run("SELECT * FROM hydra_client_migration", s).empty());  // an older tool's, probed before an upgrade
  CHECK(run("SELECT max(version) FROM app_schema_version", s).empty());
  CHECK(run("SELECT version FROM migrations_history", s).empty());  // a runner's history of runs
  CHECK(run("SELECT version FROM migration_version", s).empty());   // the layout it converts from
  auto d = run("SELECT id FROM migration_notes", s);  // named for migrations, not like a tracking table
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "missing-relation");
}
