// Migration discovery and ordering, one block per format, on an in-memory file system. The cases
// are the traps each tool's ordering sets (10 after 9 numerically but before it by name, Flyway's
// 1.10 after 1.9, repeatables last) and the byte-exact blanking of down sections.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzers/schema/migrations/code/fizz.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/discover.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/templates.h"
#include "tests/unit/counting_file_system.h"

namespace {

using schemagate::schema::migrations::MigrationFile;
using schemagate::source::DirEntry;
using schemagate::source::MemoryFileSystem;
namespace migrations = schemagate::schema::migrations;

struct Loaded {
  bool ok = false;
  std::string format;
  std::string err;
  std::vector<MigrationFile> files;

  std::vector<std::string> paths() const {
    std::vector<std::string> v;
    for (const MigrationFile& f : files) v.push_back(f.path);
    return v;
  }
  std::vector<std::string> versions() const {
    std::vector<std::string> v;
    for (const MigrationFile& f : files) v.push_back(f.version);
    return v;
  }
  std::vector<std::string> names() const {
    std::vector<std::string> v;
    for (const MigrationFile& f : files) v.push_back(f.name);
    return v;
  }
};

Loaded load(const schemagate::source::FileSystem& fs, const std::string& dir,
            const std::string& root = ".") {
  Loaded result;
  result.ok = migrations::load_directory(fs, root, dir, &result.files, &result.format, &result.err);
  return result;
}

std::string spaces(size_t n) { return std::string(n, ' '); }

// Delegates to a MemoryFileSystem but fails to read one path, as a file without permission would.
class UnreadableFileSystem final : public schemagate::source::FileSystem {
 public:
  UnreadableFileSystem(const MemoryFileSystem& inner, std::string unreadable)
      : inner_(inner), unreadable_(std::move(unreadable)) {}
  bool read(const std::string& path, std::string* out, std::string* err) const override {
    if (path == unreadable_) {
      if (err) *err = "Permission denied";
      return false;
    }
    return inner_.read(path, out, err);
  }
  std::vector<DirEntry> list(const std::string& dir) const override { return inner_.list(dir); }
  bool is_dir(const std::string& path) const override { return inner_.is_dir(path); }
  bool is_file(const std::string& path) const override { return inner_.is_file(path); }

 private:
  const MemoryFileSystem& inner_;
  std::string unreadable_;
};

}  // namespace

TEST_CASE("version comparison helpers") {
  CHECK(migrations::strip_leading_zeros("0003") == "3");
  CHECK(migrations::strip_leading_zeros("000") == "0");
  CHECK(migrations::compare_numbers("10", "9") > 0);
  CHECK(migrations::compare_numbers("0009", "9") == 0);
  CHECK(migrations::compare_numbers("99999999999999999999999", "100000000000000000000000") < 0);
  CHECK(migrations::compare_dotted_versions("1.10", "1.9") > 0);
  CHECK(migrations::compare_dotted_versions("1", "1.0.0") == 0);
  CHECK(migrations::compare_dotted_versions("1.01", "1.1") == 0);
  CHECK(migrations::compare_dotted_versions("2", "13.1") < 0);
  CHECK(migrations::compare_dotted_versions("1.0.1", "1") > 0);
  CHECK(migrations::description_after_version("0001-add_users") == "add_users");
  CHECK(migrations::last_component("db/migrations/") == "migrations");
}

TEST_CASE("the format table and default directories") {
  std::vector<std::string> names;
  for (const auto& f : migrations::formats()) names.emplace_back(f.name);
  CHECK(names == std::vector<std::string>{"django", "alembic", "lnbits", "drizzle", "prisma", "rails", "typeorm", "sequelize",
                                          "kysely", "knex", "db-migrate", "bun", "xormigrate", "go-steps", "go-register", "gormigrate", "go-up-files", "liquibase", "flyway", "pop", "dbmate", "goose",
                                          "sql-migrate", "maragu-migrate", "darwin", "golang-migrate", "supabase", "synapse", "sqlx",
                                          "plain"});
  CHECK(migrations::default_directories() ==
        std::vector<std::string>{"migrations", "db/migrations", "database/migrations",
                                 "sql/migrations", "supabase/migrations", "prisma/migrations",
                                 "src/main/resources/db/migration", "drizzle", "db/migrate"});
}

TEST_CASE("golang-migrate: numeric order, leading zeros stripped, down files ignored") {
  MemoryFileSystem fs;
  fs.add("db/migrations/10_add_index.up.sql", "CREATE INDEX i ON users (email);\n");
  fs.add("db/migrations/10_add_index.down.sql", "DROP INDEX i;\n");
  fs.add("db/migrations/9_add_email.up.sql", "ALTER TABLE users ADD email text;\n");
  fs.add("db/migrations/9_add_email.down.sql", "ALTER TABLE users DROP email;\n");
  fs.add("db/migrations/0003_users.up.sql", "CREATE TABLE users (id int);\n");
  fs.add("db/migrations/1_init.up.sql", "CREATE SCHEMA app;\n");
  fs.add("db/migrations/README.md", "notes");
  Loaded r = load(fs, "db/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "golang-migrate");
  CHECK(r.paths() == std::vector<std::string>{"db/migrations/1_init.up.sql",
                                              "db/migrations/0003_users.up.sql",
                                              "db/migrations/9_add_email.up.sql",
                                              "db/migrations/10_add_index.up.sql"});
  CHECK(r.versions() == std::vector<std::string>{"1", "3", "9", "10"});
  CHECK(r.names() == std::vector<std::string>{"init", "users", "add_email", "add_index"});
  CHECK(r.files[1].sql == "CREATE TABLE users (id int);\n");
  CHECK(r.files[1].format == "golang-migrate");
  CHECK_FALSE(r.files[1].repeatable);
}

TEST_CASE("maragu-migrate: names in text order, the pattern's wildcard dots, only with the library in go.mod") {
  MemoryFileSystem fs;
  fs.add("go.mod", "module example.com/app\n\nrequire maragu.dev/migrate v0.6.0\n");
  fs.add("store/pg/0001_b_posts.up.sql", "CREATE TABLE posts (id int);\n");
  fs.add("store/pg/0001_a_users.up.sql", "CREATE TABLE users (id int);\n");
  fs.add("store/pg/0001_a_users.down.sql", "DROP TABLE users;\n");
  fs.add("store/pg/0002_add_email_up.sql", "ALTER TABLE users ADD email text;\n");
  fs.add("store/pg/0002_add_email_down.sql", "ALTER TABLE users DROP email;\n");
  fs.add("store/pg/0003 spaced.up.sql", "SELECT 1;\n");  // a space is not \\w: never run
  fs.add("store/pg/up.sql", "SELECT 1;\n");              // no stem before the wildcard
  Loaded r = load(fs, "store/pg");
  REQUIRE(r.ok);
  CHECK(r.format == "maragu-migrate");
  CHECK(r.paths() == std::vector<std::string>{"store/pg/0001_a_users.up.sql", "store/pg/0001_b_posts.up.sql",
                                              "store/pg/0002_add_email_up.sql"});
  CHECK(r.versions() == std::vector<std::string>{"0001_a_users", "0001_b_posts", "0002_add_email"});

  MemoryFileSystem without;  // the same names in a module without the library: golang-migrate's
  without.add("go.mod", "module example.com/app\n");
  without.add("store/pg/0001_a_users.up.sql", "CREATE TABLE users (id int);\n");
  without.add("store/pg/0002_add_email.up.sql", "ALTER TABLE users ADD email text;\n");
  Loaded g = load(without, "store/pg");
  REQUIRE(g.ok);
  CHECK(g.format == "golang-migrate");
  CHECK(g.versions() == std::vector<std::string>{"1", "2"});
}

TEST_CASE("darwin: one file's -- Version: scripts in version order, the others blanked, only with the library in go.mod") {
  MemoryFileSystem fs;
  fs.add("go.mod", "module example.com/app\n\nrequire github.com/ardanlabs/darwin/v3 v3.1.1\n");
  const std::string doc =
      "-- Version: 1.1\n-- Description: Views\nCREATE VIEW v AS SELECT id FROM users\n\n"
      "-- Version: 1.01\n-- Description: Users\nCREATE TABLE users (id int);\n\n"
      "--Version:1.02\r\nALTER TABLE users ADD email text\n";
  fs.add("business/sql/migrate.sql", doc);
  Loaded r = load(fs, "business/sql");
  REQUIRE(r.ok);
  CHECK(r.format == "darwin");
  CHECK(r.versions() == std::vector<std::string>{"1.01", "1.02", "1.1"});  // numbers: 1.02 < 1.1
  REQUIRE(r.files.size() == 3);
  CHECK(r.files[0].name == "Users");
  CHECK(r.files[1].name == "");
  for (const MigrationFile& f : r.files) {
    CHECK(f.path == "business/sql/migrate.sql");
    REQUIRE(f.sql.size() == doc.size());  // offsets and lines are the file's
    CHECK(std::count(f.sql.begin(), f.sql.end(), '\n') == std::count(doc.begin(), doc.end(), '\n'));
  }
  CHECK(r.files[0].sql.find("CREATE TABLE users (id int);") == doc.find("CREATE TABLE users (id int);"));
  CHECK(r.files[0].sql.find("ALTER") == std::string::npos);
  CHECK(r.files[0].sql.find("CREATE VIEW") == std::string::npos);
  CHECK(r.files[2].sql.find("CREATE VIEW v AS SELECT id FROM users") == 0 + doc.find("CREATE VIEW"));

  MemoryFileSystem without;  // the same file in a module without the library: no format of its own
  without.add("go.mod", "module example.com/app\n");
  without.add("business/sql/migrate.sql", doc);
  Loaded p = load(without, "business/sql");
  CHECK(p.format != "darwin");
}

TEST_CASE("flyway: dotted numeric versions, underscores as dots, repeatables last by description") {
  MemoryFileSystem fs;
  const std::string dir = "src/main/resources/db/migration";
  for (const char* name : {"V1__init.sql", "V1.10__c.sql", "V1.9__b.sql", "V1.1__a.sql",
                           "V2_1__d.sql", "V13.1__e.sql", "R__views.sql", "R__a1.sql",
                           "R__a_b.sql", "U1.1__undo_a.sql", "README.md", "Vx__not_a_version.sql",
                           "nested/V1.2__nested.sql"})
    fs.add(dir + "/" + name, std::string("-- ") + name + "\n");
  Loaded r = load(fs, dir);
  REQUIRE(r.ok);
  CHECK(r.format == "flyway");
  CHECK(r.paths() == std::vector<std::string>{
                         dir + "/V1__init.sql", dir + "/V1.1__a.sql", dir + "/nested/V1.2__nested.sql",
                         dir + "/V1.9__b.sql", dir + "/V1.10__c.sql", dir + "/V2_1__d.sql",
                         dir + "/V13.1__e.sql",
                         // Flyway records "a_b" as "a b", which sorts before "a1".
                         dir + "/R__a_b.sql", dir + "/R__a1.sql", dir + "/R__views.sql"});
  CHECK(r.versions() ==
        std::vector<std::string>{"1", "1.1", "1.2", "1.9", "1.10", "2.1", "13.1", "", "", ""});
  CHECK(r.names() == std::vector<std::string>{"init", "a", "nested", "b", "c", "d", "e", "a_b",
                                              "a1", "views"});
  std::vector<bool> repeatable;
  for (const auto& f : r.files) repeatable.push_back(f.repeatable);
  CHECK(repeatable ==
        std::vector<bool>{false, false, false, false, false, false, false, true, true, true});
  CHECK(r.files[0].sql == "-- V1__init.sql\n");
}

TEST_CASE("dbmate: only the up section survives, at its file offsets") {
  MemoryFileSystem fs;
  const std::string text =
      "-- header comment\n"
      "-- migrate:up transaction:false\n"
      "CREATE TABLE t (id int);\n"
      "\n"
      "-- migrate:down\n"
      "DROP TABLE t;\n";
  fs.add("db/migrations/20240101120000_create_t.sql", text);
  Loaded r = load(fs, "db/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "dbmate");
  REQUIRE(r.files.size() == 1);
  const MigrationFile& m = r.files[0];
  CHECK(m.version == "20240101120000");
  CHECK(m.name == "create_t");
  CHECK(m.sql == spaces(17) + "\n" + spaces(31) + "\n" + "CREATE TABLE t (id int);\n\n" +
                     spaces(15) + "\n" + spaces(13) + "\n");
  CHECK(m.sql.size() == text.size());
  CHECK(m.sql.find("CREATE TABLE") == text.find("CREATE TABLE"));
}

TEST_CASE("dbmate: no down section, CRLF lines, a look-alike directive") {
  MemoryFileSystem fs;
  const std::string text = "--migrate:up\r\nCREATE TABLE a ();\r\n-- migrate:upgrade\r\nSELECT 1;\r\n";
  fs.add("migrations/1_a.sql", text);
  Loaded r = load(fs, "migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "dbmate");
  REQUIRE(r.files.size() == 1);
  // "--migrate:up" needs no space; "-- migrate:upgrade" is not a down directive, so it stays.
  CHECK(r.files[0].sql == spaces(13) + "\nCREATE TABLE a ();\r\n-- migrate:upgrade\r\nSELECT 1;\r\n");
}

TEST_CASE("dbmate: file-name order and versions as written") {
  MemoryFileSystem fs;
  fs.add("db/migrations/9_a.sql", "-- migrate:up\nSELECT 9;\n");
  fs.add("db/migrations/10_b.sql", "-- migrate:up\nSELECT 10;\n");
  fs.add("db/migrations/0011_c.sql", "-- migrate:up\nSELECT 11;\n");
  fs.add("db/migrations/schema.txt", "not sql");
  Loaded r = load(fs, "db/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "dbmate");
  // dbmate compares file names, not numbers: "0011_c" < "10_b" < "9_a".
  CHECK(r.paths() == std::vector<std::string>{"db/migrations/0011_c.sql", "db/migrations/10_b.sql",
                                              "db/migrations/9_a.sql"});
  CHECK(r.versions() == std::vector<std::string>{"0011", "10", "9"});
}

TEST_CASE("dbmate: a migration without an up directive is an error naming it") {
  MemoryFileSystem fs;
  fs.add("db/migrations/1_a.sql", "-- migrate:up\nSELECT 1;\n");
  fs.add("db/migrations/2_b.sql", "SELECT 2;\n");
  Loaded r = load(fs, "db/migrations");
  CHECK_FALSE(r.ok);
  CHECK(r.format == "dbmate");
  CHECK(r.err ==
        "db/migrations/2_b.sql: no '-- migrate:up' line; dbmate requires one in every migration "
        "(add it above the SQL that applies the change)");
}

TEST_CASE("goose: up section between annotations, StatementBegin/End kept, numeric order") {
  MemoryFileSystem fs;
  const std::string text =
      "-- +goose Up\n"
      "-- +goose StatementBegin\n"
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
      "-- +goose StatementEnd\n"
      "-- +goose Down\n"
      "DROP FUNCTION f;\n";
  fs.add("sql/migrations/00010_f.sql", text);
  fs.add("sql/migrations/00009_t.sql", "-- +goose up\nCREATE TABLE t ();\n-- +goose down\nDROP TABLE t;\n");
  fs.add("sql/migrations/00002_s.sql", "-- +goose Up\nCREATE SCHEMA s;\n");
  // A migration written in Go is a step in version order; its up function is registered by the
  // file, and what it computes at run time makes the names of its strings uncertain.
  fs.add("sql/migrations/00003_go_migration.go",
         "package migrations\n"
         "func init() { goose.AddMigration(upGo, downGo) }\n"
         "// \"ignored\" in a comment\n"
         "func upGo(tx *sql.Tx) error { _, err := tx.Exec(fmt.Sprintf(`ALTER TABLE %s ADD done bool`, t), \"x\\\"y\"); return err }\n"
         "func downGo(tx *sql.Tx) error { _, err := tx.Exec(`DROP TABLE gone`); return err }\n");
  fs.add("sql/migrations/00003_go_migration_test.go", "package migrations\n");
  fs.add("sql/migrations/00004_helpers.go", "package migrations\nfunc helper() {}\n");  // registers nothing
  Loaded r = load(fs, "sql/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "goose");
  CHECK(r.paths() == std::vector<std::string>{"sql/migrations/00002_s.sql", "sql/migrations/00003_go_migration.go",
                                              "sql/migrations/00009_t.sql", "sql/migrations/00010_f.sql"});
  CHECK(r.versions() == std::vector<std::string>{"2", "3", "9", "10"});
  CHECK(r.names() == std::vector<std::string>{"s", "go_migration", "t", "f"});
  CHECK(r.files[1].sql.empty());
  CHECK(r.files[1].uncertain_names == std::vector<std::string>{"add", "alter", "bool", "done", "s", "table", "x", "y"});
  REQUIRE(r.files[1].notes.size() == 1);
  CHECK(r.files[1].notes[0].second.starts_with("Exec of a statement computed at run time"));
  r.files.erase(r.files.begin() + 1);
  CHECK(r.files[0].sql == spaces(12) + "\nCREATE SCHEMA s;\n");
  CHECK(r.files[1].sql == spaces(12) + "\nCREATE TABLE t ();\n" + spaces(14) + "\n" + spaces(13) + "\n");
  CHECK(r.files[2].sql == spaces(12) + "\n" +
                              "-- +goose StatementBegin\n"
                              "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
                              "-- +goose StatementEnd\n" +
                              spaces(14) + "\n" + spaces(16) + "\n");
  CHECK(r.files[2].sql.size() == text.size());
}

TEST_CASE("goose: a Go migration's literal statements are its SQL, at their own offsets") {
  MemoryFileSystem fs;
  fs.add("db/migrations/00001_init.sql", "-- +goose Up\nCREATE TABLE jobs (id int);\n");
  const std::string go =
      "package migrations\n"
      "func init() { goose.AddMigrationContext(up, down) }\n"
      "const addDone = `ALTER TABLE jobs ADD done bool`\n"
      "func up(ctx context.Context, tx *sql.Tx) error {\n"
      "  if _, err := tx.ExecContext(ctx, addDone); err != nil { return err }\n"
      "  return more(ctx, tx)\n"
      "}\n"
      "func more(ctx context.Context, tx *sql.Tx) error {\n"
      "  rows, _ := tx.QueryContext(ctx, \"SELECT id FROM jobs\")\n"
      "  _ = rows\n"
      "  _, err := tx.ExecContext(ctx, \"UPDATE jobs SET done = \" + \"false\")\n"
      "  return err\n"
      "}\n"
      "func down(ctx context.Context, tx *sql.Tx) error { _, err := tx.ExecContext(ctx, `DROP TABLE jobs`); return err }\n";
  fs.add("db/migrations/00002_done.go", go);
  Loaded r = load(fs, "db/migrations");
  REQUIRE(r.ok);
  REQUIRE(r.files.size() == 2);
  const auto& m = r.files[1];
  CHECK(m.sql == "ALTER TABLE jobs ADD done bool;\nUPDATE jobs SET done = false;\n");
  CHECK(m.uncertain_names.empty());
  CHECK(m.notes.empty());
  CHECK(m.text == go);
  REQUIRE(m.origin.size() == m.sql.size());
  CHECK(m.origin[0] == go.find("ALTER TABLE jobs"));
  CHECK(m.origin[m.sql.find("UPDATE")] == go.find("UPDATE jobs"));
}

TEST_CASE("goose: a folder of Go migrations only; the handle passed to another file's function") {
  MemoryFileSystem fs;
  fs.add("migrations/20240101000000_init.go",
         "package migrations\n"
         "func init() { goose.AddMigrationNoTxContext(upInit, nil) }\n"
         "func upInit(ctx context.Context, db *sql.DB) error { _, err := db.ExecContext(ctx, `CREATE TABLE a (x int)`); return err }\n");
  fs.add("migrations/20240102000000_backfill.go",
         "package migrations\n"
         "func init() { goose.AddMigrationContext(upBackfill, nil) }\n"
         "func upBackfill(ctx context.Context, tx *sql.Tx) error {\n"
         "  if err := backfillAll(ctx, tx); err != nil { return err }\n"
         "  _, err := tx.ExecContext(ctx, fmt.Sprintf(\"CREATE UNIQUE INDEX %s ON a (seen_at)\", name))\n"
         "  return err\n"
         "}\n");
  fs.add("migrations/helpers.go", "package migrations\nconst other = \"b_table\"\n");
  Loaded r = load(fs, "migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "goose");
  CHECK(r.versions() == std::vector<std::string>{"20240101000000", "20240102000000"});
  CHECK(r.files[0].sql == "CREATE TABLE a (x int);\n");
  CHECK(r.files[1].sql.empty());
  // Both the helper's package (not declared there: all of it) and the step's own strings.
  CHECK(std::count(r.files[1].uncertain_names.begin(), r.files[1].uncertain_names.end(), "b_table") == 1);
  CHECK(std::count(r.files[1].uncertain_names.begin(), r.files[1].uncertain_names.end(), "seen_at") >= 1);
  REQUIRE(r.files[1].notes.size() == 2);
  CHECK(r.files[1].notes[0].second == "the handle is passed to backfillAll, defined in another file: what it runs is not modelled");
}

TEST_CASE("a directory's words for opaque helpers: package_words' answers, each file read once") {
  namespace code = schemagate::schema::migrations::code;
  MemoryFileSystem fs;
  fs.add("migrations/helpers.go",
         "package migrations\n"
         "const other = \"b_table\"\n"
         "func backfill(tx *sql.Tx) error { _, err := tx.Exec(\"UPDATE c_table SET d = 1\"); return err }\n");
  fs.add("migrations/more.go", "package migrations\nfunc rename(tx *sql.Tx) error { return run(tx, `ALTER TABLE e_table RENAME f TO g`) }\n");
  fs.add("migrations/more_test.go", "package migrations\nconst t = \"test_only\"\n");
  schemagate::test::CountingReads counted(fs);
  code::DirectoryWords words(counted, ".", "migrations");
  const std::vector<std::vector<std::string>> asked = {
      {"backfill"}, {"rename"}, {"missing"}, {"backfill", "rename"}, {"pkg.Func"}, {}, {"backfill"}};
  for (const std::vector<std::string>& names : asked) {
    CAPTURE(names.size());
    CHECK(words(names) == code::package_words(fs, ".", "migrations", names));
  }
  // A declared helper's own words (and its file's constants); an undeclared one: every file's.
  auto joined = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& w : v) out += w + " ";
    return out;
  };
  CHECK(joined(words({"backfill"})) == "b_table c_table d set update ");  // its file's constants too
  std::vector<std::string> all = words({"missing"});
  CHECK(std::count(all.begin(), all.end(), "b_table") == 1);
  CHECK(std::count(all.begin(), all.end(), "e_table") == 1);
  CHECK(std::count(all.begin(), all.end(), "test_only") == 0);
  std::string reads;
  for (const auto& [path, n] : counted.reads) reads += path + "=" + std::to_string(n) + " ";
  CHECK(reads == "migrations/helpers.go=1 migrations/more.go=1 ");
}

TEST_CASE("go-steps: a list is found past other func-valued types, its parameters over several lines") {
  MemoryFileSystem fs;
  // A map of setters passes the words Exec and ]func( but names no handle: no list there.
  fs.add("sdk/declaration.go",
         "package sdk\n"
         "type D struct { setters map[string]func(*O, interface{}) }\n"
         "func (d *D) Exec() {}\n");
  fs.add("db/migrate.go",
         "package db\n"
         "var callbacks = map[string]func(*O, interface{}){}\n"
         "var steps = []func(\n"
         "\tctx context.Context,\n"
         "\ttx *sql.Tx,\n"
         ") error{\n"
         "  func(ctx context.Context, tx *sql.Tx) error { _, err := tx.Exec(\"CREATE TABLE t (id int)\"); return err },\n"
         "  func(ctx context.Context, tx *sql.Tx) error { _, err := tx.Exec(\"ALTER TABLE t ADD n text\"); return err },\n"
         "}\n");
  CHECK(schemagate::schema::migrations::discover_directories(fs, ".") == std::vector<std::string>{"db"});
  Loaded r = load(fs, "db");
  REQUIRE(r.ok);
  CHECK(r.format == "go-steps");
  REQUIRE(r.files.size() == 2);
  CHECK(r.files[0].sql == "CREATE TABLE t (id int);\n");
  CHECK(r.files[1].sql == "ALTER TABLE t ADD n text;\n");
}

TEST_CASE("go-steps: a list of upgrade closures is one migration per element, version = index + 1") {
  MemoryFileSystem fs;
  fs.add("internal/database/migrations.go",
         "package database\n"
         "var migrations = [...]func(tx *sql.Tx) error{\n"
         "  func(tx *sql.Tx) (err error) {\n"
         "    sql := `CREATE TABLE schema_version (version text); CREATE TABLE users (id int)`\n"
         "    _, err = tx.Exec(sql)\n"
         "    return err\n"
         "  },\n"
         "  addName,\n"
         "  func(tx *sql.Tx) error { _, err := tx.Exec(fmt.Sprintf(\"ALTER TABLE %s ADD x int\", t)); return err },\n"
         "}\n"
         "func addName(tx *sql.Tx) error { _, err := tx.Exec(\"ALTER TABLE users ADD name text\"); return err }\n");
  fs.add("internal/database/database.go", "package database\nfunc Migrate() {}\n");
  Loaded r = load(fs, "internal/database");
  REQUIRE(r.ok);
  CHECK(r.format == "go-steps");
  CHECK(r.versions() == std::vector<std::string>{"1", "2", "3"});
  CHECK(r.names() == std::vector<std::string>{"migrations[0]", "addName", "migrations[2]"});
  CHECK(r.files[0].sql == "CREATE TABLE schema_version (version text); CREATE TABLE users (id int);\n");
  CHECK(r.files[1].sql == "ALTER TABLE users ADD name text;\n");
  CHECK(r.files[1].uncertain_names.empty());
  CHECK(r.files[2].sql.empty());
  CHECK(r.files[2].uncertain_names == std::vector<std::string>{"add", "alter", "int", "s", "table", "x"});
  CHECK(schemagate::schema::migrations::discover_directories(fs, ".") == std::vector<std::string>{"internal/database"});
  // A slice of handlers is not a migration list.
  MemoryFileSystem other;
  other.add("web/routes.go", "package web\nvar routes = []func(w http.ResponseWriter){ a, b }\n");
  CHECK(schemagate::schema::migrations::discover_directories(other, ".").empty());
  // A list declared without a value (filled by init functions), and an index too long for a
  // number: no upgrade list, and no crash (a null value node used to be read).
  MemoryFileSystem declared;
  declared.add("db/steps.go",
               "package db\n"
               "var registrars []func(tx *sql.Tx) error\n"
               "var upgrades = []func(tx *sql.Tx) error{ 99999999999999999999999: func(tx *sql.Tx) error { return nil } }\n"
               "func init() { registrars = append(registrars, func(tx *sql.Tx) error { _, err := tx.Exec(\"SELECT 1\"); return err }) }\n");
  CHECK(schemagate::schema::migrations::discover_directories(declared, ".").empty());
}

TEST_CASE("gormigrate: list order, inline and package-variable elements; AutoMigrate as SQL; the Migrator and helpers of other files refused") {
  MemoryFileSystem fs;
  fs.add("internal/db/migrations/migrate.go",
         "package migrations\n"
         "func Migrate(db *gorm.DB) error {\n"
         "  return gormigrate.New(db, gormigrate.DefaultOptions, []*gormigrate.Migration{\n"
         "    {ID: \"b_accounts\", Migrate: func(tx *gorm.DB) error { return tx.Exec(\"CREATE TABLE accounts (id int)\").Error }},\n"
         "    addOwner,\n"
         "    &gormigrate.Migration{ID: \"a_index\", Migrate: index},\n"
         "  }).Migrate()\n"
         "}\n"
         "func index(tx *gorm.DB) error { return tx.Exec(`CREATE INDEX accounts_owner ON accounts (owner)`).Error }\n");
  fs.add("internal/db/migrations/owner.go",
         "package migrations\n"
         "var addOwner = &gormigrate.Migration{\n"
         "  ID: \"c_owner\",\n"
         "  Migrate: func(tx *gorm.DB) error { return tx.Exec(\"ALTER TABLE accounts ADD owner text\").Error },\n"
         "}\n");
  Loaded r = load(fs, "internal/db/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "gormigrate");
  CHECK(r.versions() == std::vector<std::string>{"b_accounts", "c_owner", "a_index"});
  CHECK(r.files[0].sql == "CREATE TABLE accounts (id int);\n");
  CHECK(r.files[1].path == "internal/db/migrations/owner.go");
  CHECK(r.files[1].sql == "ALTER TABLE accounts ADD owner text;\n");
  CHECK(r.files[1].depends_on == std::vector<std::string>{"b_accounts"});
  CHECK(r.files[2].sql == "CREATE INDEX accounts_owner ON accounts (owner);\n");
  CHECK(schemagate::schema::migrations::discover_directories(fs, ".") == std::vector<std::string>{"internal/db/migrations"});

  fs.add("internal/db/migrations/owner.go",
         "package migrations\n"
         "var addOwner = &gormigrate.Migration{ID: \"c_owner\", Migrate: func(tx *gorm.DB) error { return tx.AutoMigrate(&Account{}) }}\n");
  Loaded automigrate = load(fs, "internal/db/migrations");
  CHECK_FALSE(automigrate.ok);
  CHECK(automigrate.err == "internal/db/migrations/owner.go: gormigrate migration c_owner: AutoMigrate(&Account{}) names a "
                          "model that is not a struct of the migration's package");
  fs.add("internal/db/migrations/owner.go",
         "package migrations\n"
         "var addOwner = &gormigrate.Migration{ID: \"c_owner\", Migrate: func(tx *gorm.DB) error {\n"
         "  type Account struct { ID uint; Owner string `gorm:\"size:32\"`; Note *string; Seen time.Time; Tags []Tag; secret int }\n"
         "  return tx.AutoMigrate(&Account{})\n"
         "}}\n");
  Loaded modelled = load(fs, "internal/db/migrations");
  REQUIRE(modelled.ok);
  CHECK(modelled.files[1].sql ==
        "CREATE TABLE IF NOT EXISTS \"accounts\" (\"id\" bigserial PRIMARY KEY, \"owner\" varchar(32), \"note\" text, "
        "\"seen\" timestamptz);\n"
        "ALTER TABLE \"accounts\" ADD COLUMN IF NOT EXISTS \"id\" bigserial;\n"
        "ALTER TABLE \"accounts\" ADD COLUMN IF NOT EXISTS \"owner\" varchar(32);\n"
        "ALTER TABLE \"accounts\" ADD COLUMN IF NOT EXISTS \"note\" text;\n"
        "ALTER TABLE \"accounts\" ADD COLUMN IF NOT EXISTS \"seen\" timestamptz;\n");
  fs.add("internal/db/migrations/owner.go",
         "package migrations\n"
         "var addOwner = &gormigrate.Migration{ID: \"c_owner\", Migrate: func(tx *gorm.DB) error { return tx.Migrator().AddColumn(&Account{}, \"Owner\") }}\n");
  Loaded migrator = load(fs, "internal/db/migrations");
  CHECK_FALSE(migrator.ok);
  CHECK(migrator.err.find("calls the Migrator") != std::string::npos);
  fs.add("internal/db/migrations/owner.go",
         "package migrations\n"
         "var addOwner = &gormigrate.Migration{ID: \"c_owner\", Migrate: func(tx *gorm.DB) error { return runTemplate(tx, tmpl) }}\n");
  Loaded helper = load(fs, "internal/db/migrations");
  CHECK_FALSE(helper.ok);
  CHECK(helper.err.find("hands the database to runTemplate, defined elsewhere") != std::string::npos);
}

TEST_CASE("goose: a SQL migration without an Up annotation is an error naming it") {
  MemoryFileSystem fs;
  fs.add("migrations/1_a.sql", "-- +goose Up\nSELECT 1;\n");
  fs.add("migrations/2_b.sql", "SELECT 2;\n");
  Loaded r = load(fs, "migrations");
  CHECK_FALSE(r.ok);
  CHECK(r.format == "goose");
  CHECK(r.err.starts_with("migrations/2_b.sql: no '-- +goose Up' annotation"));
}

TEST_CASE("sql-migrate: up sections only, numeric order across '_' and '-', file name as version") {
  MemoryFileSystem fs;
  const std::string text =
      "-- +migrate Up\n"
      "CREATE TABLE users (id uuid);\n"
      "-- +migrate Down\n"
      "DROP TABLE users;\n";
  fs.add("migrate/sql/20180103142001_initial_schema.sql", text);
  fs.add("migrate/sql/20200116134800-wallet.sql",
         "-- +migrate Down\nALTER TABLE users DROP wallet;\n-- +migrate Up notransaction\n"
         "ALTER TABLE users ADD wallet jsonb;\n");
  fs.add("migrate/sql/9_early.sql", "-- +migrate Up\nCREATE SCHEMA s;\n");
  Loaded r = load(fs, "migrate/sql");
  REQUIRE(r.ok);
  CHECK(r.format == "sql-migrate");
  CHECK(r.paths() == std::vector<std::string>{"migrate/sql/9_early.sql",
                                              "migrate/sql/20180103142001_initial_schema.sql",
                                              "migrate/sql/20200116134800-wallet.sql"});
  CHECK(r.versions() == std::vector<std::string>{"9_early.sql", "20180103142001_initial_schema.sql",
                                                 "20200116134800-wallet.sql"});
  CHECK(r.names() == std::vector<std::string>{"early", "initial_schema", "wallet"});
  CHECK(r.files[1].sql == spaces(14) + "\nCREATE TABLE users (id uuid);\n" + spaces(16) + "\n" +
                              spaces(17) + "\n");
  CHECK(r.files[2].sql.find("DROP") == std::string::npos);
  CHECK(r.files[2].sql.find("ADD wallet") != std::string::npos);
}

TEST_CASE("sql-migrate: a file without an up or down command is an error naming it") {
  MemoryFileSystem fs;
  fs.add("migrations/1_a.sql", "-- +migrate Up\nSELECT 1;\n");
  fs.add("migrations/2_b.sql", "SELECT 2;\n");
  Loaded r = load(fs, "migrations");
  CHECK_FALSE(r.ok);
  CHECK(r.format == "sql-migrate");
  CHECK(r.err.starts_with("migrations/2_b.sql: no '-- +migrate Up' or '-- +migrate Down' command"));
}

TEST_CASE(".up.sql beside numbered .sql files and no .down.sql: a project's runner, every file runs") {
  MemoryFileSystem fs;
  fs.add("migrations/201701261850_boards.up.sql", "CREATE TABLE boards ();\n");
  fs.add("migrations/201806191904_logs.sql", "CREATE TABLE logs ();\n");
  fs.add("migrations/201702072040_cards.up.sql", "CREATE TABLE cards ();\n");
  Loaded r = load(fs, "migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "plain");
  CHECK(r.paths() == std::vector<std::string>{"migrations/201701261850_boards.up.sql",
                                              "migrations/201702072040_cards.up.sql",
                                              "migrations/201806191904_logs.sql"});
  CHECK(r.names() == std::vector<std::string>{"boards", "cards", "logs"});
  // With a .down.sql the directory is golang-migrate's, which skips the other names.
  fs.add("migrations/201702072040_cards.down.sql", "DROP TABLE cards;\n");
  CHECK(load(fs, "migrations").format == "golang-migrate");
  CHECK(load(fs, "migrations").files.size() == 2);
}

TEST_CASE("sqlx: timestamped files in a migrations directory") {
  MemoryFileSystem fs;
  fs.add("migrations/20240201000000_add_email.sql", "ALTER TABLE users ADD email text;\n");
  fs.add("migrations/20240101120000_users.sql", "CREATE TABLE users (id bigint);\n");
  fs.add("migrations/0999_early.sql", "CREATE SCHEMA s;\n");
  Loaded r = load(fs, "migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "sqlx");
  CHECK(r.paths() == std::vector<std::string>{"migrations/0999_early.sql",
                                              "migrations/20240101120000_users.sql",
                                              "migrations/20240201000000_add_email.sql"});
  CHECK(r.versions() == std::vector<std::string>{"999", "20240101120000", "20240201000000"});
  CHECK(r.names() == std::vector<std::string>{"early", "users", "add_email"});
}

TEST_CASE("sqlx's shape elsewhere is plain; .up.sql pairs are golang-migrate") {
  MemoryFileSystem fs;
  fs.add("sql/schema/20240101120000_users.sql", "CREATE TABLE users ();\n");
  fs.add("migrations/20240101120000_users.up.sql", "CREATE TABLE users ();\n");
  fs.add("migrations/20240101120000_users.down.sql", "DROP TABLE users;\n");
  CHECK(load(fs, "sql/schema").format == "plain");
  CHECK(load(fs, "migrations").format == "golang-migrate");
  CHECK(load(fs, "migrations").versions() == std::vector<std::string>{"20240101120000"});
}

TEST_CASE("supabase: timestamped files under supabase/migrations, others skipped") {
  MemoryFileSystem fs;
  fs.add("supabase/migrations/20240102000000_b.sql", "CREATE TABLE b ();\n");
  fs.add("supabase/migrations/20240101000000_a.sql", "CREATE TABLE a ();\n");
  fs.add("supabase/migrations/seed.sql", "INSERT INTO a DEFAULT VALUES;\n");
  fs.add("supabase/config.toml", "");
  Loaded r = load(fs, "supabase/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "supabase");
  CHECK(r.paths() == std::vector<std::string>{"supabase/migrations/20240101000000_a.sql",
                                              "supabase/migrations/20240102000000_b.sql"});
  CHECK(r.versions() == std::vector<std::string>{"20240101000000", "20240102000000"});
  CHECK(r.names() == std::vector<std::string>{"a", "b"});
}

TEST_CASE("prisma: one directory per migration, ordered by name, the name is the version") {
  MemoryFileSystem fs;
  fs.add("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
  fs.add("prisma/migrations/20240215093000_add_users/migration.sql", "CREATE TABLE users ();\n");
  fs.add("prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE a ();\n");
  fs.add("prisma/migrations/20231201000000_first/migration.sql", "CREATE SCHEMA s;\n");
  Loaded r = load(fs, "prisma/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "prisma");
  CHECK(r.paths() == std::vector<std::string>{
                         "prisma/migrations/20231201000000_first/migration.sql",
                         "prisma/migrations/20240101120000_init/migration.sql",
                         "prisma/migrations/20240215093000_add_users/migration.sql"});
  CHECK(r.versions() == std::vector<std::string>{"20231201000000_first", "20240101120000_init",
                                                 "20240215093000_add_users"});
  CHECK(r.names() == std::vector<std::string>{"first", "init", "add_users"});
  CHECK(r.files[2].sql == "CREATE TABLE users ();\n");
}

TEST_CASE("prisma: a migration directory without migration.sql is an error") {
  MemoryFileSystem fs;
  fs.add("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
  fs.add("prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE a ();\n");
  fs.add("prisma/migrations/20240102000000_broken/README.md", "oops");
  Loaded r = load(fs, "prisma/migrations");
  CHECK_FALSE(r.ok);
  CHECK(r.err == "prisma/migrations/20240102000000_broken/migration.sql: missing; Prisma refuses "
                 "a migration directory without it (P3015): restore the file or delete the directory");
}

TEST_CASE("drizzle: the journal decides the files and their order") {
  MemoryFileSystem fs;
  fs.add("drizzle/meta/_journal.json", R"({
    "version": "7", "dialect": "postgresql",
    "entries": [
      {"idx": 1, "version": "7", "when": 1700000001000, "tag": "0001_brave_users", "breakpoints": true},
      {"idx": 0, "version": "7", "when": 1700000000000, "tag": "0000_init", "breakpoints": true}
    ]})");
  fs.add("drizzle/meta/0000_snapshot.json", "{}");
  const std::string users =
      "CREATE TABLE \"users\" (\"id\" serial);\n--> statement-breakpoint\nCREATE INDEX i ON users (id);";
  fs.add("drizzle/0001_brave_users.sql", users);
  fs.add("drizzle/0000_init.sql", "CREATE SCHEMA app;\n");
  fs.add("drizzle/0002_not_in_journal.sql", "DROP SCHEMA app;\n");
  Loaded r = load(fs, "drizzle");
  REQUIRE(r.ok);
  CHECK(r.format == "drizzle");
  CHECK(r.paths() == std::vector<std::string>{"drizzle/0000_init.sql", "drizzle/0001_brave_users.sql"});
  CHECK(r.versions() == std::vector<std::string>{"0000_init", "0001_brave_users"});
  CHECK(r.names() == std::vector<std::string>{"init", "brave_users"});
  CHECK(r.files[1].sql == users);
}

TEST_CASE("drizzle: a journal that does not parse, or names a missing file, is an error") {
  MemoryFileSystem bad_json;
  bad_json.add("drizzle/meta/_journal.json", "{\"entries\": [");
  Loaded r = load(bad_json, "drizzle");
  CHECK_FALSE(r.ok);
  CHECK(r.format == "drizzle");
  CHECK(r.err.starts_with("drizzle/meta/_journal.json: not valid JSON: parse error at line 1, column 14"));

  MemoryFileSystem bad_shape;
  bad_shape.add("drizzle/meta/_journal.json", R"({"entries": [{"idx": 0}]})");
  r = load(bad_shape, "drizzle");
  CHECK_FALSE(r.ok);
  CHECK(r.err == "drizzle/meta/_journal.json: entries[0] needs an integer \"idx\" and a string "
                 "\"tag\"; regenerate the journal with drizzle-kit");

  MemoryFileSystem missing;
  missing.add("drizzle/meta/_journal.json", R"({"entries": [{"idx": 0, "tag": "0000_init"}]})");
  r = load(missing, "drizzle");
  CHECK_FALSE(r.ok);
  CHECK(r.err == "drizzle/0000_init.sql: No such file or directory (listed as \"0000_init\" in "
                 "drizzle/meta/_journal.json; restore the file or remove the entry)");
}

TEST_CASE("plain: numbered files by number, then unnumbered files by name") {
  MemoryFileSystem fs;
  for (const char* name : {"001_init.sql", "2_x.sql", "0010-z.sql", "9_y.sql", "views.sql",
                           "a_seed.sql", "notes.txt"})
    fs.add(std::string("database/schema/") + name, "SELECT 1;\n");
  Loaded r = load(fs, "database/schema");
  REQUIRE(r.ok);
  CHECK(r.format == "plain");
  CHECK(r.paths() == std::vector<std::string>{"database/schema/001_init.sql", "database/schema/2_x.sql",
                                              "database/schema/9_y.sql", "database/schema/0010-z.sql",
                                              "database/schema/a_seed.sql", "database/schema/views.sql"});
  CHECK(r.versions() == std::vector<std::string>{"001", "2", "9", "0010", "", ""});
  CHECK(r.names() == std::vector<std::string>{"init", "x", "y", "z", "a_seed", "views"});
}

TEST_CASE("directories with nothing to load give zero migrations") {
  MemoryFileSystem fs;
  fs.add("migrations/README.md", "nothing here");
  for (const char* dir : {"migrations", "does/not/exist"}) {
    std::vector<MigrationFile> out{MigrationFile{}};
    std::string format = "stale", err;
    CHECK(migrations::load_directory(fs, ".", dir, &out, &format, &err));
    CHECK(out.empty());
    CHECK(format.empty());
  }
}

TEST_CASE("paths are relative to the root; the file system is called under it") {
  MemoryFileSystem fs;
  fs.add("/srv/app/migrations/2_b.up.sql", "SELECT 2;\n");
  fs.add("/srv/app/migrations/1_a.up.sql", "SELECT 1;\n");
  Loaded r = load(fs, "migrations", "/srv/app");
  REQUIRE(r.ok);
  CHECK(r.paths() == std::vector<std::string>{"migrations/1_a.up.sql", "migrations/2_b.up.sql"});
  CHECK(r.files[1].sql == "SELECT 2;\n");

  Loaded at_root = load(fs, ".", "/srv/app/migrations");
  REQUIRE(at_root.ok);
  CHECK(at_root.paths() == std::vector<std::string>{"1_a.up.sql", "2_b.up.sql"});
}

TEST_CASE("an unreadable file fails the load with its path and the reason") {
  MemoryFileSystem inner;
  inner.add("proj/migrations/1_a.up.sql", "SELECT 1;\n");
  inner.add("proj/migrations/2_b.up.sql", "SELECT 2;\n");
  UnreadableFileSystem fs(inner, "proj/migrations/2_b.up.sql");
  Loaded r = load(fs, "migrations", "proj");
  CHECK_FALSE(r.ok);
  CHECK(r.err == "migrations/2_b.up.sql: Permission denied");
}

TEST_CASE("location-based formats look at the root too") {
  MemoryFileSystem fs;
  fs.add("/p/supabase/migrations/20240101000000_a.sql", "CREATE TABLE a ();\n");
  fs.add("/p/migrations/20240101000000_a.sql", "CREATE TABLE a ();\n");
  CHECK(load(fs, "migrations", "/p/supabase").format == "supabase");
  CHECK(load(fs, ".", "/p/migrations").format == "sqlx");
  CHECK(load(fs, ".", "/p/migrations").paths() == std::vector<std::string>{"20240101000000_a.sql"});
}

TEST_CASE("Go template migrations: keys, expansion on one line, values found in Go configuration") {
  namespace mig = schemagate::schema::migrations;
  CHECK(mig::template_key("  index   .Options \"Namespace\" ") == "index .Options \"Namespace\"");
  CHECK(mig::template_key("- index .Options \"Namespace\" -") == "index .Options \"Namespace\"");
  std::string sql =
      "CREATE TABLE {{ index .Options \"Namespace\" }}.users (id int);\n"
      "-- {{ .Unknown }}\nALTER TABLE {{index .Options \"Namespace\"}}.users ADD COLUMN {{ not\none }} int;\n";
  CHECK(mig::template_keys(sql) == std::vector<std::string>{"index .Options \"Namespace\"", ".Unknown"});
  mig::expand_templates(&sql, {{"index .Options \"Namespace\"", "auth"}});
  CHECK(sql == "CREATE TABLE auth.users (id int);\n-- {{ .Unknown }}\nALTER TABLE auth.users ADD COLUMN {{ not\none }} int;\n");

  MemoryFileSystem fs;
  fs.add("p/conf/conf.go", "type DB struct {\n\tNamespace string `envconfig:\"DB_NAMESPACE\" default:\"auth\"`\n}\n");
  fs.add("p/cmd/migrate.go", "opts := map[string]interface{}{\n\t\"Namespace\": cfg.DB.Namespace,\n}\n");
  fs.add("p/cmd/other.go", "x := map[string]string{\"Schema\": cfg.A.Schema, \"Schema\": cfg.B.Other}\n");
  auto found = mig::find_template_values(fs, "p", {"cmd/migrate.go", "cmd/other.go", "conf/conf.go"},
                                         {"index .Options \"Namespace\"", "index .Options \"Schema\"", ".Unknown"});
  REQUIRE(found.size() == 1);  // "Schema" is filled from two fields: not certain
  CHECK(found.at("index .Options \"Namespace\"").value == "auth");
  CHECK(found.at("index .Options \"Namespace\"").evidence ==
        "conf/conf.go:2: default of Namespace, passed as option \"Namespace\" at cmd/migrate.go:2");
}

TEST_CASE("kysely migrations: names through the Migrator's CamelCasePlugin; sql`...`.execute(db) is read, not a hand-over") {
  MemoryFileSystem fs;
  fs.add("src/db.ts",
         "import { CamelCasePlugin, Kysely, Migrator } from 'kysely';\n"
         "export const db = new Kysely<any>({ dialect, plugins: [new CamelCasePlugin()] });\n"
         "export const migrator = new Migrator({ db, provider });\n");
  const std::string init =
      "import { Kysely, sql } from 'kysely';\n"
      "export async function up(db: Kysely<any>): Promise<void> {\n"
      "  await db.schema.createTable('llmResults').addColumn('modelVersion', 'text').execute();\n"
      "  await sql`CREATE INDEX llm_results_model ON llm_results (model_version)`.execute(db);\n"
      "}\n";
  fs.add("src/migrations/2024_05_01_init.ts", init);
  Loaded r = load(fs, "src/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "kysely");
  REQUIRE(r.files.size() == 1);
  CHECK(r.files[0].sql ==
        "create table \"llm_results\" (\"model_version\" text);\nCREATE INDEX llm_results_model ON llm_results (model_version);\n");
  CHECK(r.files[0].uncertain_names.empty());
  CHECK(r.files[0].notes.empty());
  // A Migrator whose instance has no plugin: names as written.
  fs.add("src/db.ts", "import { Kysely, Migrator } from 'kysely';\n"
                      "const db = new Kysely<any>({ dialect });\nconst migrator = new Migrator({ db, provider });\n");
  r = load(fs, "src/migrations");
  REQUIRE(r.ok);
  CHECK(r.files[0].sql.starts_with("create table \"llmResults\" (\"modelVersion\" text);"));
  // A view over a query builder: its name is uncertain, not every word of the file.
  fs.add("src/migrations/2024_06_01_view.ts",
         "import { Kysely } from 'kysely';\n"
         "export async function up(db: Kysely<any>): Promise<void> {\n"
         "  const qb = db.selectFrom('llm_results').select(['model_version']);\n"
         "  await db.schema.createView('hot_view').materialized().as(qb).execute();\n"
         "}\n");
  r = load(fs, "src/migrations");
  REQUIRE(r.ok);
  REQUIRE(r.files.size() == 2);
  CHECK(r.files[1].uncertain_names == std::vector<std::string>{"hot_view"});
  REQUIRE(r.files[1].notes.size() == 1);
  CHECK(r.files[1].notes[0].second == "db.schema.createView('hot_view') over a query builder: its columns are not modelled");
}

TEST_CASE("fizz: each operation as the statement fizz's postgres translator writes, mapped to its line") {
  const std::string fizz =
      "create_table(\"teams\") {\n"
      "  t.Column(\"id\", \"uuid\", {primary: true})\n"
      "  t.Column(\"name\", \"string\", {\"size\": 80, \"null\": true})\n"
      "  t.Index(\"name\", {\"unique\": true})\n"
      "}\n"
      "create_table(\"members\") {\n"
      "  t.Column(\"email\", \"string\", {})\n"
      "  t.DisableTimestamps()\n"
      "}\n"
      "// a comment\n"
      "rename_column(\"members\", \"email\", \"address\")\n"
      "add_column(\"teams\", \"seats\", \"integer\", {\"default\": 5})\n"
      "sql(\"UPDATE teams SET seats = 1\")\n"
      "add_foreign_key(\"members\", \"team_id\", {\"teams\": [\"id\"]}, {})\n";
  schemagate::schema::migrations::code::GeneratedSql g;
  std::string err;
  REQUIRE_MESSAGE(schemagate::schema::migrations::code::fizz_to_sql(fizz, &g, &err), err);
  CHECK(g.sql ==
        "CREATE TABLE \"teams\" (\n  \"id\" UUID PRIMARY KEY,\n  \"name\" VARCHAR (80),\n  \"created_at\" timestamp NOT NULL,\n"
        "  \"updated_at\" timestamp NOT NULL\n);\n"
        "CREATE UNIQUE INDEX \"teams_name_idx\" ON \"teams\" (\"name\");\n"
        "CREATE TABLE \"members\" (\n  \"id\" SERIAL PRIMARY KEY,\n  \"email\" VARCHAR (255) NOT NULL\n);\n"
        "ALTER TABLE \"members\" RENAME COLUMN \"email\" TO \"address\";\n"
        "ALTER TABLE \"teams\" ADD COLUMN \"seats\" integer NOT NULL DEFAULT 5;\n"
        "UPDATE teams SET seats = 1;\n");
  REQUIRE(g.origin.size() == g.sql.size());
  auto line_of = [&](std::string_view generated) {
    uint32_t at = g.origin[g.sql.find(generated)];
    return 1 + std::count(fizz.begin(), fizz.begin() + at, '\n');
  };
  CHECK(line_of("RENAME COLUMN") == 11);
  CHECK(line_of("ADD COLUMN \"seats\"") == 12);
  CHECK(line_of("UPDATE teams") == 13);
  CHECK(line_of("CREATE UNIQUE INDEX") == 4);

  // What fizz cannot be followed through fails, naming the line: never a migration that did nothing.
  schemagate::schema::migrations::code::GeneratedSql none;
  CHECK_FALSE(schemagate::schema::migrations::code::fizz_to_sql("drop_table(\"a\")\n<%= if (x) { %>\n", &none, &err));
  CHECK(err == "line 2: a plush template tag: the operations depend on values given at run time");
  CHECK_FALSE(schemagate::schema::migrations::code::fizz_to_sql("\nexec(\"./bin/backfill\")\n", &none, &err));
  CHECK(err == "line 2: exec() is no fizz operation schemagate reads");
  CHECK_FALSE(schemagate::schema::migrations::code::fizz_to_sql("add_column(\"t\", name, \"string\", {})\n", &none, &err));
  CHECK(err == "line 1: add_column(): argument 2 is not a string fizz can read");
  CHECK_FALSE(schemagate::schema::migrations::code::fizz_to_sql("create_table(\"t\") {\n  t.Column(\"a\", \"string\")\n", &none, &err));
  CHECK(err == "line 3: a block is not closed");
}

TEST_CASE("engine_of_sql: ALTER TABLE clauses and executable comments only MySQL accepts") {
  using schemagate::schema::migrations::engine_of_sql;
  CHECK(engine_of_sql("alter table bus_events modify event_json text not null;") == "MySQL");
  CHECK(engine_of_sql("alter table accounts add column notes varchar(4096) DEFAULT NULL after phone;") == "MySQL");
  CHECK(engine_of_sql("ALTER TABLE catalog CHANGE size_field block_size decimal(15,9);") == "MySQL");
  CHECK(engine_of_sql("alter table t add index t_a_b(a, b);") == "MySQL");
  CHECK(engine_of_sql("drop index tag_history_idx on tag_history;") == "MySQL");
  CHECK(engine_of_sql("CREATE TABLE t (id bigint /*! unsigned */ not null);") == "MySQL");
  // PostgreSQL's own: a column named after, a trigger AFTER, an index named index.
  CHECK(engine_of_sql("ALTER TABLE t RENAME COLUMN before TO after;").empty());
  CHECK(engine_of_sql("ALTER TABLE t ADD COLUMN after int;").empty());
  CHECK(engine_of_sql("CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();").empty());
  CHECK(engine_of_sql("ALTER TABLE t ALTER COLUMN a TYPE text, ADD CONSTRAINT c CHECK (a <> 'modify');").empty());
  CHECK(engine_of_sql("DROP INDEX IF EXISTS idx; -- drop index x on t\n").empty());
}

TEST_CASE("go-register: init() registrations, ordered by the version each follows, loops over SQL lists read") {
  MemoryFileSystem fs;
  fs.add("store/migrations/manager.go", "package migrations\n\nvar Migrations = migrate.NewManager[*pgx.Conn, pgx.Tx]()\n");
  // Named so that file order differs from the chain: the chain decides.
  fs.add("store/migrations/a_columns.go",
         "package migrations\n\nvar statements = []string{\n\t`ALTER TABLE items ADD COLUMN note text`,\n}\n\n"
         "func init() {\n\tif err := Migrations.Register(\"add-note\", \"initial\", nil,\n"
         "\t\tfunc(ctx context.Context, tx pgx.Tx) error {\n\t\t\tfor _, stmt := range statements {\n"
         "\t\t\t\tif _, err := tx.Exec(ctx, stmt); err != nil {\n\t\t\t\t\treturn err\n\t\t\t\t}\n\t\t\t}\n"
         "\t\t\treturn nil\n\t\t}); err != nil {\n\t\tpanic(err)\n\t}\n}\n");
  fs.add("store/migrations/b_initial.go",
         "package migrations\n\nconst createItems = `CREATE TABLE items (id bigint PRIMARY KEY)`\n\n"
         "func init() {\n\tif err := Migrations.Register(\"initial\", \"\", nil, func(ctx context.Context, tx pgx.Tx) error {\n"
         "\t\tfor _, stmt := range []string{createItems, \"CREATE INDEX ix_items ON items (id)\"} {\n"
         "\t\t\tif _, err := tx.Exec(ctx, stmt); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n\t\t}\n\t\treturn nil\n"
         "\t}); err != nil {\n\t\tpanic(err)\n\t}\n}\n");
  Loaded r = load(fs, "store/migrations");
  REQUIRE(r.ok);
  CHECK(r.format == "go-register");
  std::vector<MigrationFile> files = r.files;
  migrations::order_by_dependencies(&files);
  REQUIRE(files.size() == 2);
  CHECK(files[0].version == "initial");
  CHECK(files[0].sql == "CREATE TABLE items (id bigint PRIMARY KEY);\nCREATE INDEX ix_items ON items (id);\n");
  CHECK(files[1].version == "add-note");
  CHECK(files[1].depends_on == std::vector<std::string>{"initial"});
  CHECK(files[1].sql == "ALTER TABLE items ADD COLUMN note text;\n");
  CHECK(files[1].uncertain_names.empty());
}
