// The manifest from a project in memory, its bytes, reading it back, and verify against
// in-memory catalogs: pending, missing, drift, the migration-set warning, corrupt input.
#include <doctest/doctest.h>

#include "analyzers/manifest/manifest.h"
#include "analyzers/manifest/verify.h"
#include "analyzers/schema/ddl.h"

using namespace schemagate;

namespace {

const char* kTenants = "CREATE TABLE tenants (id bigserial PRIMARY KEY, name text NOT NULL);\n";
const char* kResults = "CREATE TABLE llm_results (\n  id bigserial PRIMARY KEY,\n  tenant_id bigint NOT NULL,\n"
                       "  output text\n);\n";
const char* kAdd = "ALTER TABLE llm_results ADD COLUMN model_version text;\n";

source::MemoryFileSystem project() {
  source::MemoryFileSystem fs;
  fs.add("app/migrations/0001_create_tenants.up.sql", kTenants);
  fs.add("app/migrations/0002_create_llm_results.up.sql", kResults);
  fs.add("app/migrations/0003_add_model_version.up.sql", kAdd);
  fs.add("app/worker/save.py",
         "def save(cur, t, out):\n"
         "    cur.execute(\"INSERT INTO llm_results (tenant_id, output, model_version) VALUES (%s, %s, 'v1')\", (t, out))\n"
         "    cur.execute(\"SELECT name FROM tenants WHERE id = %s\", (t,))\n"
         "    cur.execute(\"SELECT secret FROM tenants\")\n"
         "    cur.execute(query_from_elsewhere)\n");
  return fs;
}

manifest::Manifest make_manifest() {
  auto fs = project();
  pipeline::Options options;
  options.root = "app";
  options.threads = 1;
  pipeline::SchemaBuild build;
  std::string err;
  REQUIRE_MESSAGE(pipeline::build_schema(fs, options, &build, &err), err);
  pipeline::CodeScan scan;
  REQUIRE_MESSAGE(pipeline::scan_code(fs, options, build, &scan, &err), err);
  std::vector<std::string> bytes = {kTenants, kResults, kAdd};
  manifest::Manifest m = manifest::build(build, scan, bytes, {});
  m.search_path = {"public"};
  m.commit = "0123456789abcdef0123456789abcdef01234567";
  return m;
}

/// A live database with `migrations` applied and golang-migrate's row at `version` (0: no table).
schema::catalog::CatalogSnapshot database(const std::vector<const char*>& migrations, int version) {
  schema::catalog::CatalogSnapshot snap;
  for (auto* sql : migrations) {
    schema::MigrationError err;
    REQUIRE(schema::apply_sql(snap.schema, "database", sql, {"public"}, nullptr, &err));
  }
  snap.search_path = {"public"};
  if (version > 0) {
    schema::catalog::TrackingTable t;
    t.format = "golang-migrate";
    t.table = "public.schema_migrations";
    t.rows.push_back({std::to_string(version), "", schema::catalog::AppliedState::Applied, true,
                      "version=" + std::to_string(version) + " dirty=false"});
    snap.tracking.push_back(t);
  }
  return snap;
}

manifest::Verification verify(const manifest::Manifest& m, const schema::catalog::CatalogSnapshot& snap) {
  manifest::Verification v;
  std::string err;
  REQUIRE_MESSAGE(manifest::verify(m, snap, &v, &err), err);
  return v;
}

}  // namespace

TEST_CASE("manifest: requirements grouped per object, with their places and the migration that creates them") {
  manifest::Manifest m = make_manifest();
  std::string text = manifest::write(m);
  CHECK(text == manifest::write(make_manifest()));  // the same tree, the same bytes
  CHECK(text.find("{\"schema\":\"public\",\"relation\":\"llm_results\",\"column\":\"model_version\",\"created_by\":"
                  "[\"migrations/0003_add_model_version.up.sql\",1],\"places\":[[\"worker/save.py\",2,62,\"write\"]]}") !=
        std::string::npos);
  CHECK(text.find("{\"schema\":\"public\",\"relation\":\"tenants\",\"column\":\"secret\",\"places\":[[\"worker/save.py\",4,25,"
                  "\"read\"]]}") != std::string::npos);
  CHECK(text.find("\"reason\":\"the query text is built at run time\"") != std::string::npos);
  CHECK(text.find("\"sha256\":\"") != std::string::npos);

  manifest::Manifest back;
  std::string err;
  REQUIRE_MESSAGE(manifest::read(text, &back, &err), err);
  CHECK(manifest::write(back) == text);
}

TEST_CASE("verify: a column only an unapplied migration adds is pending-migration, naming it") {
  manifest::Manifest m = make_manifest();
  auto v = verify(m, database({kTenants, kResults}, 2));
  REQUIRE(v.diagnostics.size() == 2);
  CHECK(v.diagnostics[0].rule == "pending-migration");
  CHECK(v.diagnostics[0].file == "worker/save.py");
  CHECK(v.diagnostics[0].line == 2);
  CHECK(v.diagnostics[0].column == 62);
  CHECK(v.diagnostics[0].source_line.empty());
  CHECK(v.diagnostics[0].message ==
        "column \"model_version\" of relation \"llm_results\" does not exist in the database yet (SQLSTATE 42703 in "
        "production); pending migration migrations/0003_add_model_version.up.sql adds it: apply it before deploying "
        "this code");
  CHECK(v.diagnostics[1].rule == "missing-column");
  CHECK(v.diagnostics[1].line == 4);
  CHECK(v.migration_set_warning.empty());
}

TEST_CASE("verify: after the migration only what no migration creates is left") {
  auto v = verify(make_manifest(), database({kTenants, kResults, kAdd}, 3));
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(v.diagnostics[0].rule == "missing-column");
  CHECK(v.diagnostics[0].message ==
        "column \"secret\" of relation \"tenants\" does not exist (SQLSTATE 42703): no migration adds it");
}

TEST_CASE("verify: absent although an applied migration creates it is drift, and an error") {
  auto v = verify(make_manifest(), database({kTenants, kResults}, 3));
  REQUIRE(v.diagnostics.size() == 2);
  CHECK(v.diagnostics[0].rule == "schema-drift");
  CHECK(v.diagnostics[0].severity == report::Severity::Error);
  CHECK(v.diagnostics[0].migration == "migrations/0003_add_model_version.up.sql");
}

TEST_CASE("verify: a database that knows none of the manifest's migrations gets the warning") {
  auto v = verify(make_manifest(), database({kTenants, kResults, kAdd}, 0));
  CHECK(v.migration_set_warning ==
        "the database knows none of the manifest's 3 migrations (no migration tracking table found): every migration "
        "counts as not applied, so a requirement one of them creates is reported as pending-migration");
  auto newer = verify(make_manifest(), database({kTenants, kResults, kAdd}, 9));
  CHECK(newer.migration_set_warning.empty());
  CHECK(newer.diagnostics.front().rule == "unknown-applied-migration");
}

TEST_CASE("manifest: corrupt, foreign and other-version input is refused with one line") {
  manifest::Manifest m;
  std::string err;
  CHECK_FALSE(manifest::read("{\"format\":\"schemagate-manifest\",\"version\":1,", &m, &err));
  CHECK(err.rfind("is not valid JSON (parse error", 0) == 0);
  CHECK_FALSE(manifest::read("{\"version\":1}", &m, &err));
  CHECK(err == "is not a schemagate manifest (no \"format\": \"schemagate-manifest\")");
  CHECK_FALSE(manifest::read("{\"format\":\"schemagate-manifest\",\"version\":2}", &m, &err));
  CHECK(err == "is version 2; this schemagate reads version 1 (write the manifest and verify it with the same schemagate "
               "release)");
  CHECK_FALSE(manifest::read("{\"format\":\"schemagate-manifest\",\"version\":1,\"search_path\":[],\"migrations\":[],"
                             "\"requirements\":[{\"schema\":\"public\",\"relation\":7,\"places\":[]}]}",
                             &m, &err));
  CHECK(err == "requirements[0]: field \"relation\" has the wrong type");
}
