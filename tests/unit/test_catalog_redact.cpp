// The live-catalog module without a database: password redaction and connection strings, the
// SHA-256 drizzle-kit records, tracking-table recognition and row parsing, and the classification
// of repository migrations against applied rows, all on in-memory data with exact outputs.
// tests/integration/test_catalog.sh covers the same code against a real PostgreSQL.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/schema/catalog/catalog_reader.h"
#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/schema/catalog/tracking.h"

namespace {

namespace catalog = schemagate::schema::catalog;
using catalog::AppliedMigration;
using catalog::AppliedState;
using catalog::TextRow;
using catalog::TrackingTable;
using schemagate::schema::migrations::MigrationFile;

MigrationFile file(const std::string& format, const std::string& version, const std::string& path,
                   const std::string& sql = "", bool repeatable = false) {
  MigrationFile f;
  f.format = format, f.version = version, f.path = path, f.sql = sql, f.repeatable = repeatable;
  return f;
}

AppliedMigration row(const std::string& version, bool failed = false, bool covers = false, const std::string& name = "") {
  return {version, name, failed ? AppliedState::Failed : AppliedState::Applied, covers, "v=" + version};
}

// "status version path [detail]" per migration, for one-line comparisons.
std::vector<std::string> statuses(const std::vector<MigrationFile>& files, const std::vector<TrackingTable>& tables,
                                  const catalog::RecordedKeys& times = {}) {
  std::vector<std::string> out;
  for (const auto& s : catalog::classify_migrations(files, tables, times))
    out.push_back(std::string(catalog::migration_status_name(s.status)) + " " + s.version + " " +
                  (s.path.empty() ? "-" : s.path) + (s.detail.empty() ? "" : " [" + s.detail + "]"));
  return out;
}

std::vector<std::string> parsed(const std::string& format, const std::vector<TextRow>& rows) {
  TrackingTable table;
  std::string err;
  REQUIRE(catalog::parse_tracking_rows({format, "public", "t", ""}, rows, &table, &err));
  std::vector<std::string> out;
  for (const auto& m : table.rows)
    out.push_back(m.version + (m.state == AppliedState::Failed ? " failed" : " applied") +
                  (m.covers_earlier ? " covers" : "") + " [" + m.raw + "]");
  return out;
}

}  // namespace

TEST_CASE("redact_url hides URL passwords") {
  CHECK(catalog::redact_url("postgres://user:secret@host:5432/db") == "postgres://user:***@host:5432/db");
  CHECK(catalog::redact_url("postgresql://user:p%40ss%2Fw@h/db?sslmode=require") ==
        "postgresql://user:***@h/db?sslmode=require");
  CHECK(catalog::redact_url("POSTGRES://u:pw@h") == "POSTGRES://u:***@h");
  // An unencoded '@', '/' or ':' in the password: everything up to the last '@' goes.
  CHECK(catalog::redact_url("postgres://u:p@ss/w:rd@host/db") == "postgres://u:***@host/db");
  CHECK(catalog::redact_url("postgres://u:pw@h1:5432,h2:5433/db") == "postgres://u:***@h1:5432,h2:5433/db");
  CHECK(catalog::redact_url("postgres://user@host/db") == "postgres://user@host/db");
  CHECK(catalog::redact_url("postgres://host:5432/db") == "postgres://host:5432/db");
  CHECK(catalog::redact_url("connecting to \"postgres://u:pw@h/d\" failed") == "connecting to \"postgres://u:***@h/d\" failed");
}

TEST_CASE("redact_url hides password parameters, in URLs and key=value conninfo") {
  CHECK(catalog::redact_url("postgresql://h/db?user=u&password=secret&sslmode=disable") ==
        "postgresql://h/db?user=u&password=***&sslmode=disable");
  CHECK(catalog::redact_url("postgresql://h/db?%70assword=secret") == "postgresql://h/db?%70assword=***");
  CHECK(catalog::redact_url("postgresql://u:a@h/db?password=b") == "postgresql://u:***@h/db?password=***");
  CHECK(catalog::redact_url("host=h user=u password=secret dbname=d") == "host=h user=u password=*** dbname=d");
  CHECK(catalog::redact_url("host=h password = 'se cr\\'et' dbname=d") == "host=h password = *** dbname=d");
  CHECK(catalog::redact_url("password=a&b host=h") == "password=*** host=h");
  CHECK(catalog::redact_url("PASSWORD=x") == "PASSWORD=***");
  // Text about passwords is not a password.
  CHECK(catalog::redact_url("FATAL:  password authentication failed for user \"x\"") ==
        "FATAL:  password authentication failed for user \"x\"");
  CHECK(catalog::redact_url("") == "");
}

TEST_CASE("scrub_message removes echoes of the URL's password and folds lines") {
  CHECK(catalog::scrub_message("invalid percent-encoded token: \"p%zzsecret\"\n", "postgresql://u:p%zzsecret@h/d") ==
        "invalid percent-encoded token: \"***\"");
  CHECK(catalog::scrub_message("bad value 'hunter22'", "host=h password='hunter22'") == "bad value '***'");
  CHECK(catalog::scrub_message("got p@ss!", "postgres://u:p%40ss!@h") == "got ***");
  // Passwords shorter than 4 characters are only removed where redact_url finds them.
  CHECK(catalog::scrub_message("a b", "postgres://u:a@h") == "a b");
  CHECK(catalog::scrub_message("connection to server failed: Connection refused\n\tIs the server running?\n", "") ==
        "connection to server failed: Connection refused Is the server running?");
}

TEST_CASE("a connect timeout the user chose is kept") {
  CHECK(catalog::connection_string("postgres://h/d?connect_timeout=3") ==
        "postgres://h/d?connect_timeout=3&application_name=schemagate");
  CHECK(catalog::connection_string("host=h connect_timeout=3") == "host=h connect_timeout=3 application_name=schemagate");
}

TEST_CASE("connection_string adds application_name and connect_timeout") {
  CHECK(catalog::connection_string("") == "application_name=schemagate connect_timeout=10");
  CHECK(catalog::connection_string("postgres://h/d") == "postgres://h/d?application_name=schemagate&connect_timeout=10");
  CHECK(catalog::connection_string("postgresql://h/d?sslmode=disable") ==
        "postgresql://h/d?sslmode=disable&application_name=schemagate&connect_timeout=10");
  CHECK(catalog::connection_string("host=h dbname=d ") == "host=h dbname=d application_name=schemagate connect_timeout=10");
}

TEST_CASE("sha256_hex matches FIPS 180-4 vectors") {
  CHECK(catalog::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(catalog::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(catalog::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(catalog::sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("find_tracking_tables tells the tools apart by name, schema and columns") {
  using schemagate::schema::Column;
  using schemagate::schema::Relation;
  auto relation = [](const std::string& schema, const std::string& name, std::vector<std::string> columns) {
    Relation r;
    r.schema = schema, r.name = name;
    for (auto& name : columns) {
      Column c;
      c.name = name;
      r.columns.push_back(c);
    }
    return r;
  };
  schemagate::schema::Schema live;
  live.add(relation("public", "schema_migrations", {"version", "dirty"}));
  live.add(relation("other", "schema_migrations", {"version"}));
  live.add(relation("supabase_migrations", "schema_migrations", {"version", "statements", "name"}));
  live.add(relation("public", "history", {"installed_rank", "version", "description", "type", "script", "checksum",
                                          "installed_by", "installed_on", "execution_time", "success"}));
  live.add(relation("drizzle", "__drizzle_migrations", {"id", "hash", "created_at"}));
  std::vector<catalog::TrackingSource> found;
  std::string err;
  REQUIRE(catalog::find_tracking_tables(live, {{{"flyway_table", "history"}}}, &found, &err));
  std::vector<std::string> got;
  for (auto& s : found) got.push_back(s.format + " " + s.schema + "." + s.table + ": " + s.query);
  CHECK(got == std::vector<std::string>{
                   "drizzle drizzle.__drizzle_migrations: SELECT created_at::text, hash FROM \"drizzle\".\"__drizzle_migrations\" ORDER BY created_at, id",
                   "dbmate other.schema_migrations: SELECT version::text FROM \"other\".\"schema_migrations\" ORDER BY version",
                   "flyway public.history: SELECT version, script, success::text, type, checksum::text FROM \"public\".\"history\" ORDER BY installed_rank",
                   "golang-migrate public.schema_migrations: SELECT version::text, dirty::text FROM \"public\".\"schema_migrations\"",
                   "supabase supabase_migrations.schema_migrations: SELECT version::text, name FROM \"supabase_migrations\".\"schema_migrations\" ORDER BY version",
               });

  schemagate::schema::Schema odd;
  odd.add(relation("public", "goose_db_version", {"id", "version"}));
  found.clear();
  CHECK_FALSE(catalog::find_tracking_tables(odd, {}, &found, &err));
  CHECK(err ==
        "public.goose_db_version is named like a migration tracking table but has columns (id, version), not goose's "
        "(id, version_id, is_applied, tstamp); schemagate cannot tell which migrations are applied (rename the table if it is not one)");
}

TEST_CASE("parse_tracking_rows reads each tool's rows its way") {
  CHECK(parsed("golang-migrate", {{"7", "true"}}) == std::vector<std::string>{"7 failed covers [version=7 dirty=true]"});
  CHECK(parsed("golang-migrate", {}).empty());
  // goose: version 0 is bookkeeping; the latest row per version decides.
  CHECK(parsed("goose", {{"0", "true"}, {"1", "true"}, {"10", "true"}, {"2", "true"}, {"2", "false"}}) ==
        std::vector<std::string>{"1 applied [version_id=1 is_applied=true]", "10 applied [version_id=10 is_applied=true]"});
  // Flyway: SCHEMA skipped, BASELINE covers, a DELETE row cancels, a repeatable's latest run decides.
  CHECK(parsed("flyway", {{std::nullopt, "\"public\"", "true", "SCHEMA"},
                          {"1", "<< Flyway Baseline >>", "true", "BASELINE"},
                          {"2", "V2__a.sql", "false", "SQL"},
                          {"3", "V3__b.sql", "true", "SQL"},
                          {"3", "V3__b.sql", "true", "DELETE"},
                          {std::nullopt, "R__v.sql", "false", "SQL"},
                          {std::nullopt, "R__v.sql", "true", "SQL"}}) ==
        std::vector<std::string>{
            "1 applied covers [version=1 script=<< Flyway Baseline >> success=true type=BASELINE]",
            "2 failed [version=2 script=V2__a.sql success=false]",
            " applied [version=NULL script=R__v.sql success=true]"});
  // Prisma: one row per attempt.
  CHECK(parsed("prisma", {{"a", "true", "false"},
                          {"b", "false", "true"},
                          {"b", "true", "false"},
                          {"c", "false", "false"},
                          {"d", "false", "true"}}) ==
        std::vector<std::string>{"a applied [migration_name=a]", "b applied [migration_name=b]",
                                 "c failed [migration_name=c finished_at=NULL rolled_back_at=NULL]"});
  // sql-migrate: one row per applied file, named by its file name.
  CHECK(parsed("sql-migrate", {{"1_init.sql"}, {"2_users.sql"}}) ==
        std::vector<std::string>{"1_init.sql applied [id=1_init.sql]", "2_users.sql applied [id=2_users.sql]"});
  TrackingTable table;
  std::string err;
  CHECK_FALSE(catalog::parse_tracking_rows({"sqlx", "public", "_sqlx_migrations", ""}, {{"1"}}, &table, &err));
  CHECK(err == "reading public._sqlx_migrations: expected 3 columns per row");
}

TEST_CASE("check_tracking_agreement compares the latest versions") {
  std::string err;
  CHECK(catalog::check_tracking_agreement({{"golang-migrate", "public.schema_migrations", {row("3", false, true)}},
                                           {"goose", "public.goose_db_version", {row("1"), row("0003")}},
                                           {"sqlx", "public._sqlx_migrations", {}}},
                                          &err));
  CHECK_FALSE(catalog::check_tracking_agreement(
      {{"golang-migrate", "public.schema_migrations", {row("3", false, true)}},
       {"flyway", "public.flyway_schema_history", {row("1.9"), row("1.10")}}},
      &err));
  CHECK(err ==
        "migration tracking tables disagree: public.schema_migrations (golang-migrate) is at version 3, "
        "public.flyway_schema_history (flyway) at version 1.10; drop or rename the table of the tool the project no longer uses");
}

TEST_CASE("classify: golang-migrate records only the latest version") {
  std::vector<MigrationFile> files = {file("golang-migrate", "1", "m/1_a.up.sql"), file("golang-migrate", "2", "m/2_b.up.sql"),
                                      file("golang-migrate", "3", "m/3_c.up.sql"), file("golang-migrate", "4", "m/4_d.up.sql")};
  CHECK(statuses(files, {{"golang-migrate", "public.schema_migrations", {row("3", true, true)}}}) ==
        std::vector<std::string>{"applied 1 m/1_a.up.sql", "applied 2 m/2_b.up.sql", "failed 3 m/3_c.up.sql [v=3]",
                                 "pending 4 m/4_d.up.sql"});
  CHECK(statuses(files, {{"golang-migrate", "public.schema_migrations", {row("9", false, true)}}}) ==
        std::vector<std::string>{"applied 1 m/1_a.up.sql", "applied 2 m/2_b.up.sql", "applied 3 m/3_c.up.sql",
                                 "applied 4 m/4_d.up.sql", "unknown 9 - [v=9]"});
  // No tracking table: nothing was ever applied.
  CHECK(statuses({files[0]}, {}) == std::vector<std::string>{"pending 1 m/1_a.up.sql"});
  // sqlx's reversible files load as golang-migrate; its table still decides.
  CHECK(statuses({files[0], files[1]}, {{"sqlx", "public._sqlx_migrations", {row("1"), row("2", true)}}}) ==
        std::vector<std::string>{"applied 1 m/1_a.up.sql", "failed 2 m/2_b.up.sql [v=2]"});
}

TEST_CASE("db-migrate: rows name the file without its extension, after a slash") {
  CHECK(parsed("db-migrate", {{"/20240101000000-initial-schema"}, {"/20240201000000-add-description"}}) ==
        std::vector<std::string>{"20240101000000-initial-schema applied [name=/20240101000000-initial-schema]",
                                 "20240201000000-add-description applied [name=/20240201000000-add-description]"});
}

TEST_CASE("go-up-files: the newest run that did not fail decides, up to it after up, below it after down") {
  CHECK(parsed("go-up-files", {{"1", "up", "passed"}, {"3", "up", "passed"}, {"4", "up", "failed"}}) ==
        std::vector<std::string>{"3 applied covers [version=3 direction=up status=passed]"});
  CHECK(parsed("go-up-files", {}).empty());
  std::vector<MigrationFile> files = {file("go-up-files", "1", "m/1_a.up.sql"), file("go-up-files", "2", "m/2_b.up.go"),
                                      file("go-up-files", "2", "m/2_c.up.sql"), file("go-up-files", "3", "m/3_d.up.sql")};
  CHECK(statuses(files, {{"go-up-files", "public.migrations_history", {row("2", false, true, "up")}}}) ==
        std::vector<std::string>{"applied 1 m/1_a.up.sql", "applied 2 m/2_b.up.go", "applied 2 m/2_c.up.sql",
                                 "pending 3 m/3_d.up.sql"});
  CHECK(statuses(files, {{"go-up-files", "public.migrations_history", {row("2", false, true, "down")}}}) ==
        std::vector<std::string>{"applied 1 m/1_a.up.sql", "pending 2 m/2_b.up.go", "pending 2 m/2_c.up.sql",
                                 "pending 3 m/3_d.up.sql"});
}

TEST_CASE("classify: text versions match exactly, numeric and dotted ones as numbers") {
  CHECK(statuses({file("dbmate", "0003", "db/0003_a.sql")}, {{"dbmate", "public.schema_migrations", {row("3")}}}) ==
        std::vector<std::string>{"pending 0003 db/0003_a.sql", "unknown 3 - [v=3]"});
  CHECK(statuses({file("goose", "3", "db/00003_a.sql")}, {{"goose", "public.goose_db_version", {row("3")}}}) ==
        std::vector<std::string>{"applied 3 db/00003_a.sql"});
  CHECK(statuses({file("flyway", "1.0", "sql/V1_0__a.sql"), file("flyway", "1.10", "sql/V1_10__b.sql")},
                 {{"flyway", "public.flyway_schema_history", {row("1"), row("1.1")}}}) ==
        std::vector<std::string>{"applied 1.0 sql/V1_0__a.sql", "pending 1.10 sql/V1_10__b.sql", "unknown 1.1 - [v=1.1]"});
}

TEST_CASE("classify: sql-migrate ids are file names") {
  CHECK(statuses({file("sql-migrate", "1_init.sql", "sql/1_init.sql"), file("sql-migrate", "2_users.sql", "sql/2_users.sql")},
                 {{"sql-migrate", "public.gorp_migrations", {row("1_init.sql")}}}) ==
        std::vector<std::string>{"applied 1_init.sql sql/1_init.sql", "pending 2_users.sql sql/2_users.sql"});
}

TEST_CASE("classify: Flyway baselines and repeatables") {
  AppliedMigration baseline = row("2", false, true, "<< Flyway Baseline >>");
  AppliedMigration repeatable = row("", false, false, "R__views.sql");
  CHECK(statuses({file("flyway", "1", "sql/V1__a.sql"), file("flyway", "3", "sql/V3__c.sql"),
                  file("flyway", "", "sql/R__views.sql", "", true), file("flyway", "", "sql/R__other.sql", "", true)},
                 {{"flyway", "public.flyway_schema_history", {baseline, repeatable}}}) ==
        std::vector<std::string>{"applied 1 sql/V1__a.sql", "pending 3 sql/V3__c.sql", "applied  sql/R__views.sql",
                                 "pending  sql/R__other.sql"});
}

TEST_CASE("classify: Prisma failed migrations and Supabase text versions") {
  CHECK(statuses({file("prisma", "20240101_init", "p/20240101_init/migration.sql"),
                  file("prisma", "20240102_add", "p/20240102_add/migration.sql")},
                 {{"prisma", "public._prisma_migrations", {row("20240101_init"), row("20240102_add", true)}}}) ==
        std::vector<std::string>{"applied 20240101_init p/20240101_init/migration.sql",
                                 "failed 20240102_add p/20240102_add/migration.sql [v=20240102_add]"});
  CHECK(statuses({file("supabase", "20240101000000", "supabase/migrations/20240101000000_a.sql")},
                 {{"supabase", "supabase_migrations.schema_migrations", {row("20240101000000"), row("20231231000000")}}}) ==
        std::vector<std::string>{"applied 20240101000000 supabase/migrations/20240101000000_a.sql",
                                 "unknown 20231231000000 - [v=20231231000000]"});
}

TEST_CASE("classify: Drizzle by journal time as drizzle-kit does, else by content hash") {
  std::vector<MigrationFile> files = {file("drizzle", "0000_init", "drizzle/0000_init.sql", "CREATE TABLE a ();\n"),
                                      file("drizzle", "0001_add", "drizzle/0001_add.sql", "ALTER TABLE a ADD x int;\n"),
                                      file("drizzle", "0002_more", "drizzle/0002_more.sql", "SELECT 1;\n")};
  std::string h0 = catalog::sha256_hex(files[0].sql);
  TrackingTable table{"drizzle", "drizzle.__drizzle_migrations", {row("1000", false, false, h0), row("2000", false, false, "edited")}};
  // drizzle-kit skips every entry whose "when" is <= the latest created_at, whatever the hashes.
  CHECK(statuses(files, {table}, {{"0000_init", "1000"}, {"0001_add", "2000"}, {"0002_more", "3000"}}) ==
        std::vector<std::string>{"applied 0000_init drizzle/0000_init.sql", "applied 0001_add drizzle/0001_add.sql",
                                 "pending 0002_more drizzle/0002_more.sql"});
  // Without the journal, only the hash ties a row to a file; the edited file's row is unknown.
  CHECK(statuses(files, {table}) ==
        std::vector<std::string>{"applied 0000_init drizzle/0000_init.sql", "pending 0001_add drizzle/0001_add.sql",
                                 "pending 0002_more drizzle/0002_more.sql", "unknown 2000 - [v=2000]"});
}

TEST_CASE("read_drizzle_journal_times reads each drizzle directory's journal once") {
  schemagate::source::MemoryFileSystem fs;
  fs.add("root/drizzle/meta/_journal.json",
         R"({"entries":[{"idx":0,"when":1700000000000,"tag":"0000_init"},{"idx":1,"when":1700000001000,"tag":"0001_add"}]})");
  catalog::RecordedKeys times;
  std::string err;
  REQUIRE(catalog::read_recorded_keys(fs, "root", {file("drizzle", "0000_init", "drizzle/0000_init.sql")}, &times, &err));
  CHECK(times == catalog::RecordedKeys{{"0000_init", "1700000000000"}, {"0001_add", "1700000001000"}});
  CHECK_FALSE(catalog::read_recorded_keys(fs, "root", {file("drizzle", "x", "other/x.sql")}, &times, &err));
  CHECK(err.starts_with("other/meta/_journal.json: "));
}

TEST_CASE("MemoryCatalogReader returns its snapshot or its error") {
  catalog::CatalogSnapshot snapshot;
  snapshot.search_path = {"app", "public"};
  catalog::MemoryCatalogReader reader(snapshot);
  catalog::CatalogSnapshot out;
  std::string err;
  REQUIRE(reader.read(&out, &err));
  CHECK(out.search_path == std::vector<std::string>{"app", "public"});
  auto failing = catalog::MemoryCatalogReader::failing("cannot connect to the database: connection refused");
  CHECK_FALSE(failing.read(&out, &err));
  CHECK(err == "cannot connect to the database: connection refused");
}
