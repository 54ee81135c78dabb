// The test-schema policies (analyzers/pipeline/test_schema.h) through their own interface: which
// sites of a test or a hand-run script meet another schema than the newest, and the reason given.
#include <doctest/doctest.h>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/pipeline/test_schema.h"
#include "analyzers/pipeline/unchecked_reasons.h"
#include "analyzers/source/file_system.h"

using namespace schemagate;
using pipeline::FileSchema;
using pipeline::TestSchemas;

namespace {

FileSchema file_of(const TestSchemas& schemas, const std::string& rel, const std::string& text) {
  report::LineIndex lines(text);
  return schemas.for_file(rel, text, lines);
}

}  // namespace

TEST_CASE("test schema: a test that names a table an upgrade folder drops tests an upgrade") {
  source::MemoryFileSystem fs;
  fs.add("app/migrations/0001_init.up.sql", "CREATE TABLE jobs (id int);\n");
  fs.add("app/upgrade/v1_to_v2/drop.sql", "-- v2 replaces the queue\nDROP TABLE IF EXISTS job_queue, jobs;\n");
  pipeline::SchemaBuild build;
  build.schema.add([] {
    schema::Relation r;
    r.schema = "public";
    r.name = "jobs";
    return r;
  }());
  build.not_run.push_back({"upgrade/v1_to_v2", "sql", 1, ""});
  TestSchemas schemas = TestSchemas::of(fs, "app", build);

  std::string text = "def test_upgrade(db):\n    db.execute('SELECT id FROM job_queue')\n";
  auto other = file_of(schemas, "tests/test_upgrade.py", text).site("SELECT id FROM job_queue");
  REQUIRE(other);
  CHECK(other->reason_id == pipeline::kTestOwnSchema);
  CHECK(other->reason ==
        "a test of an upgrade from an older schema: upgrade/v1_to_v2/drop.sql drops job_queue when it upgrades an "
        "older database");
  // The table the migrations still create is judged; so is application code naming the dropped one.
  CHECK_FALSE(file_of(schemas, "tests/test_upgrade.py", text).site("SELECT id FROM jobs"));
  CHECK_FALSE(file_of(schemas, "app/queue.py", text).site("SELECT id FROM job_queue"));
}

TEST_CASE("test schema: DROP TABLE in a comment or a string of an upgrade folder drops nothing") {
  source::MemoryFileSystem fs;
  fs.add("app/upgrade/v1_to_v2/drop.sql",
         "/* drop table /* nested */ old_notes; */\n-- drop table old_tags\n"
         "INSERT INTO log VALUES ('drop table old_users');\nDROP TABLE \"Old_Queue\";\n");
  pipeline::SchemaBuild build;
  build.not_run.push_back({"upgrade/v1_to_v2", "sql", 1, ""});
  TestSchemas schemas = TestSchemas::of(fs, "app", build);
  std::string text = "def test_upgrade(db):\n    pass\n";
  for (const char* kept : {"SELECT id FROM old_notes", "SELECT id FROM old_tags", "SELECT id FROM old_users"})
    CHECK_FALSE(file_of(schemas, "tests/test_upgrade.py", text).site(kept));
  CHECK(file_of(schemas, "tests/test_upgrade.py", text).site("SELECT id FROM old_queue"));
}

TEST_CASE("test schema: a test that names a migration version runs at that point of the history") {
  TestSchemas schemas({}, {{"20240105120000", "migrations/20240105120000_add_slug.up.sql"}});
  std::string text = "func TestAddSlug(t *testing.T) {\n\tmigrateTo(t, 20240105120000)\n\tdb.Exec(\"SELECT slug FROM posts\")\n}\n";
  auto other = file_of(schemas, "store/migrate_test.go", text).site("SELECT slug FROM posts");
  REQUIRE(other);
  CHECK(other->reason_id == pipeline::kTestOwnSchema);
  CHECK(other->reason ==
        "a test that names migration version 20240105120000 (migrations/20240105120000_add_slug.up.sql): it runs its "
        "queries at that point of the history, not on the newest schema");
  // A version inside a longer number is no version named; outside tests nothing is excused.
  CHECK_FALSE(file_of(schemas, "store/posts_test.go", "id := 202401051200001\n").site("SELECT slug FROM posts"));
  CHECK_FALSE(file_of(schemas, "store/posts.go", text).site("SELECT slug FROM posts"));
}

TEST_CASE("test schema: a test's own CREATE TABLE, with its line") {
  TestSchemas schemas;
  std::string text = "setup = '''\n\nCREATE TEMP TABLE IF NOT EXISTS \"Legacy_Users\" (id int)'''\n";
  FileSchema file = file_of(schemas, "tests/test_legacy.py", text);
  auto other = file.site("SELECT id FROM legacy_users");
  REQUIRE(other);
  CHECK(other->reason == "a test that creates its own legacy_users (line 3): its queries meet that table, not the migrations' one");
  CHECK_FALSE(file.site("SELECT id FROM users"));
}

TEST_CASE("test schema: a .sql file named as a migration is a script run by hand") {
  TestSchemas schemas;
  auto other = file_of(schemas, "backend/sql/Migration_25_08_2023.sql", "UPDATE users SET x = 1;\n").site("UPDATE users SET x = 1");
  REQUIRE(other);
  CHECK(other->reason_id == pipeline::kManualMigration);
  CHECK(other->reason ==
        "a migration script run by hand, outside the migration sets (its name says so): it ran on the schema of its day");
  CHECK_FALSE(file_of(schemas, "backend/sql/reports.sql", "SELECT 1;\n").site("SELECT 1"));
  CHECK_FALSE(file_of(schemas, "backend/migrate.py", "").site("SELECT 1"));
  // Its DDL is no reference (it is no site), its queries and what does not parse are unchecked.
  FileSchema script = file_of(schemas, "db/multi-tenant-migration.sql", "DROP TABLE IF EXISTS core.tag;\n");
  CHECK_FALSE(script.site("DROP TABLE IF EXISTS core.tag"));
  CHECK_FALSE(script.site("CREATE OR REPLACE FUNCTION f() RETURNS void AS $$ BEGIN END $$ LANGUAGE plpgsql"));
  CHECK(script.site("SELECT clone_schema('public', 'core')"));
  CHECK(script.site("DROP TABLE IF EXISTS"));
}
