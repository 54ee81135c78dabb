// Snapshot round trip: what `schema --format json` writes, `check --schema-snapshot` reads back
// unchanged; bad snapshots fail with one line.
#include <doctest/doctest.h>

#include "analyzers/report/locator.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/schema/snapshot.h"

using namespace schemagate::schema;

TEST_CASE("a schema survives the JSON round trip") {
  Schema s;
  MigrationError err;
  const std::string sql =
      "CREATE SCHEMA app;\nCREATE TABLE app.jobs (id bigserial PRIMARY KEY, payload jsonb NOT NULL DEFAULT '{}',\n"
      "  n int GENERATED ALWAYS AS (1) STORED);\nCREATE VIEW v AS SELECT id FROM app.jobs;";
  REQUIRE(apply_sql(s, "m/1.sql", sql, {"public"}, nullptr, &err));
  schemagate::report::Locator places;  // the snapshot writes each origin's line
  places.add("m/1.sql", sql);
  catalog::TrackingTable t{"golang-migrate", "public.schema_migrations", {}};
  catalog::AppliedMigration a;
  a.version = "3";
  a.state = catalog::AppliedState::Failed;
  a.covers_earlier = true;
  a.raw = "version=3 dirty=true";
  t.rows.push_back(a);
  std::vector<catalog::TrackingTable> tracking{t};
  std::string text = snapshot_to_json(s, {"app", "public"}, &tracking, "database",
                                      [&](const Origin& o) { return places.line(o); })
                         .dump(2);

  catalog::CatalogSnapshot back;
  std::string e;
  REQUIRE_MESSAGE(snapshot_from_json(text, &back, &e), e);
  CHECK(back.search_path == std::vector<std::string>{"app", "public"});
  CHECK(back.schema.has_schema("app"));
  const Relation* jobs = back.schema.find("app", "jobs");
  REQUIRE(jobs);
  REQUIRE(jobs->columns.size() == 3);
  CHECK(jobs->columns[1].name == "payload");
  CHECK(jobs->columns[1].type == "jsonb");
  CHECK(jobs->columns[1].not_null);
  CHECK(jobs->columns[1].has_default);
  CHECK(jobs->columns[2].generated);
  CHECK(jobs->columns[0].origin.file == "m/1.sql");
  CHECK(jobs->columns[0].origin.line == 2);  // a snapshot records lines
  CHECK(back.schema.find("public", "v")->kind == RelationKind::View);
  REQUIRE(back.tracking.size() == 1);
  CHECK(back.tracking[0].rows[0].state == catalog::AppliedState::Failed);
  CHECK(back.tracking[0].rows[0].raw == "version=3 dirty=true");
  // Writing it again gives the same text.
  CHECK(snapshot_to_json(back.schema, back.search_path, &back.tracking, "database").dump(2) == text);
}

TEST_CASE("bad snapshots fail with a reason") {
  catalog::CatalogSnapshot out;
  std::string err;
  CHECK_FALSE(snapshot_from_json("{not json", &out, &err));
  CHECK(err == "is not JSON");
  CHECK_FALSE(snapshot_from_json("{\"version\": 2}", &out, &err));
  CHECK(err == "is not a schemagate snapshot of version 1");
  CHECK_FALSE(snapshot_from_json("{\"version\": 1, \"schemas\": []}", &out, &err));
  CHECK(err.rfind("does not have the snapshot's fields", 0) == 0);
}
