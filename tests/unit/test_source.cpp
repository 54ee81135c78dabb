// Line/column conversion (the one place it happens) and file discovery over an in-memory tree.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"
#include "analyzers/report/line_index.h"

using namespace schemagate::source;

TEST_CASE("line and column are 1-based; columns count code points") {
  std::string text = "ab\nçé x\r\n\n日本 y";
  schemagate::report::LineIndex idx(text);
  CHECK(idx.position(0).line == 1);
  CHECK(idx.position(0).column == 1);
  CHECK(idx.position(2).column == 3);          // the newline itself
  auto x = idx.position(text.find('x'));
  CHECK(x.line == 2);
  CHECK(x.column == 4);                        // ç é space x: 2-byte letters count once
  auto y = idx.position(text.find('y'));
  CHECK(y.line == 4);
  CHECK(y.column == 4);
  CHECK(idx.line_text(2) == "çé x");           // \r stripped
  CHECK(idx.line_text(3) == "");
  CHECK(idx.line_count() == 4);
}

TEST_CASE("glob matching") {
  CHECK(glob_match("*.py", "a/b/c.py"));
  CHECK_FALSE(glob_match("*.py", "a/b/c.pyc"));
  CHECK(glob_match("src/**/*.ts", "src/a/b/x.ts"));
  CHECK(glob_match("src/**/*.ts", "src/x.ts"));
  CHECK_FALSE(glob_match("src/*.ts", "src/a/x.ts"));
  CHECK(glob_match("test_[a-c]?.go", "pkg/test_b1.go"));
  CHECK(glob_match("/build", "build"));
}

TEST_CASE("discovery honours .gitignore, skips dependency dirs, hidden dirs and migration dirs") {
  MemoryFileSystem fs;
  fs.add("proj/.gitignore", "# comment\n*.gen.py\n/tmp/\nlogs\n!keep.gen.py\n");
  fs.add("proj/app/main.py", "");
  fs.add("proj/app/models.gen.py", "");
  fs.add("proj/app/keep.gen.py", "");
  fs.add("proj/app/.gitignore", "local_*.ts\n");
  fs.add("proj/app/local_x.ts", "");
  fs.add("proj/app/web.ts", "");
  fs.add("proj/tmp/scratch.py", "");
  fs.add("proj/src/tmp/kept.py", "");
  fs.add("proj/logs/x.py", "");
  fs.add("proj/node_modules/pg/index.js", "");
  fs.add("proj/vendor/lib/x.go", "");
  fs.add("proj/.venv/lib/y.py", "");
  fs.add("proj/db/migrations/0001_init.sql", "");
  fs.add("proj/queries/users.sql", "");
  DiscoveryOptions opt;
  opt.skip_dirs = {"db/migrations"};
  auto files = discover_files(fs, "proj", opt);
  std::string joined;
  for (auto& f : files) joined += f + " ";
  CHECK(joined == "app/keep.gen.py app/main.py app/web.ts queries/users.sql src/tmp/kept.py ");
}

TEST_CASE("include and exclude globs") {
  MemoryFileSystem fs;
  fs.add("p/a/x.py", "");
  fs.add("p/a/y.ts", "");
  fs.add("p/tests/z.py", "");
  DiscoveryOptions opt;
  opt.include = {"*.py"};
  opt.exclude = {"tests"};
  auto files = discover_files(fs, "p", opt);
  REQUIRE(files.size() == 1);
  CHECK(files[0] == "a/x.py");
}

TEST_CASE("ignore rules: the last that matches decides, whichever its kind, and a .gitignore holds below it only") {
  MemoryFileSystem fs;
  // Name rules ending in a literal character (*.gen.py, *.log, !important.log) and path rules
  // (with a '/'), interleaved: a later one overrides an earlier one of the other kind.
  fs.add("p/.gitignore", "*.gen.py\n!app/*.gen.py\napp/bad.gen.py\n*.log\n!important.log\n*kube*\n");
  fs.add("p/app/a.gen.py", "");
  fs.add("p/app/bad.gen.py", "");
  fs.add("p/lib/b.gen.py", "");
  fs.add("p/lib/x.log", "");
  fs.add("p/lib/important.log", "");
  fs.add("p/lib/my_kube_config.py", "");
  fs.add("p/sub/.gitignore", "*.txt\n");
  fs.add("p/sub/a.txt", "");
  fs.add("p/sub/deeper/b.txt", "");
  fs.add("p/zzz/c.txt", "");  // walked after sub/: its rule no longer holds
  auto files = discover_files(fs, "p", DiscoveryOptions{});
  std::string joined;
  for (auto& f : files) joined += f + " ";
  CHECK(joined == "app/a.gen.py lib/important.log zzz/c.txt ");
}

TEST_CASE("code that is not the application's: by path, in any case") {
  CHECK(is_not_application_code("web/src/Api.queries.ts"));
  CHECK(is_not_application_code("ZZ_generated.deepcopy.go"));
  CHECK(is_not_application_code("pkg/lint/TestData/src/a/a.go"));
  CHECK(is_not_application_code("testdata/src/a/a.go"));
  CHECK_FALSE(is_not_application_code("pkg/lint/testdata/src/a/a.py"));
  CHECK(is_not_application_code("ui/Button.stories.tsx"));
  CHECK(is_not_application_code("app/generated/prisma/client.ts"));
  CHECK(is_not_application_code("db/schema/tables.sql"));
  CHECK(is_not_application_code("supabase/schemas/billing/functions.sql"));
  CHECK_FALSE(is_not_application_code("db/schema/tables.go"));
  CHECK(is_not_application_code("Seed_users.sql"));
  CHECK(is_not_application_code("db/Fixtures/users.sql"));
  CHECK_FALSE(is_not_application_code("queries/users.sql"));
  CHECK_FALSE(is_not_application_code("schema.sql"));
  CHECK_FALSE(is_not_application_code(""));
  // Each directory test by whole names, in the order given, anywhere in the path.
  CHECK(is_not_application_code("web/Prisma/Generated/index.ts"));
  CHECK(is_not_application_code("packages/prisma-client/index.js"));
  CHECK(is_not_application_code("src/generated/client/runtime.js"));
  CHECK_FALSE(is_not_application_code("src/generated/models/user.ts"));
  CHECK_FALSE(is_not_application_code("src/generatedx/prisma/user.ts"));
  CHECK_FALSE(is_not_application_code("client/generated/user.ts"));
  CHECK_FALSE(is_not_application_code("pkg/my-testdata/src/a/a.go"));
  CHECK_FALSE(is_not_application_code("pkg/testdata/lib/src/a.go"));
  CHECK(is_not_application_code("db/seeds/users.sql"));
  CHECK(is_not_application_code("db/seed/users.sql"));
  CHECK(is_not_application_code("store/testdata/20240101_testdata.sql"));
  CHECK_FALSE(is_not_application_code("db/seeds/users.go"));
  CHECK(is_not_application_code("api/Schemas/tables.sql"));
  CHECK_FALSE(is_not_application_code("db/schema/queries/users.sql"));  // schema/ not the last
  CHECK(is_not_application_code("supabase/schemas/pricing/functions.sql"));
  CHECK_FALSE(is_not_application_code("supabase/queries/schemas.sql"));
}

TEST_CASE("generated files are recognised") {
  CHECK(is_generated("// Code generated by sqlc. DO NOT EDIT.\npackage db\n"));
  CHECK(is_generated("# @generated by a tool\n"));
  CHECK_FALSE(is_generated("package db\n// DO NOT EDIT this by hand\n"));
  // A first line saying so (immich's SQL written out from its repositories).
  CHECK(is_generated("-- NOTE: This file is auto generated by ./sql-generator\n\nselect 1\n"));
  CHECK(is_generated("// This file is auto-generated. Do not change it.\n"));
  CHECK_FALSE(is_generated("-- The report\n-- its columns are autogenerated by the view\nSELECT 1;\n"));
  // In any case, the three spellings, on the first line only; the tool's markers within 1024 bytes.
  CHECK(is_generated("# AutoGenerated by protoc\n"));
  CHECK(is_generated("/* Auto Generated */"));
  CHECK(is_generated("// gauto-GENERATED"));
  CHECK_FALSE(is_generated("// auto  generated (two blanks)\n"));
  CHECK_FALSE(is_generated("// auto_generated\n"));
  CHECK_FALSE(is_generated("// auto generate\n"));
  CHECK_FALSE(is_generated("// Code generated by hand\n// DO NOT edit\n"));
  CHECK_FALSE(is_generated("// DO NOT EDIT\n// Code generated by sqlc\n"));  // the marker after the words
  CHECK_FALSE(is_generated(std::string(1024, ' ') + "@generated"));            // past the head
  CHECK(is_generated(std::string(1014, ' ') + "@generated"));
  CHECK_FALSE(is_generated(""));
}

TEST_CASE("only files with a statement shape are parsed") {
  CHECK(may_contain_sql("q = 'INSERT  INTO t VALUES (1)'"));
  CHECK(may_contain_sql("`delete\n from sessions`"));
  CHECK(may_contain_sql("MERGE INTO t USING s ON true"));
  CHECK(may_contain_sql("\"\"\"\n  SELECT a,\n         b\n    FROM t\n\"\"\""));
  CHECK(may_contain_sql("UPDATE accounts SET plan = $1"));
  CHECK_FALSE(may_contain_sql("onUpdate(() => deleteItem(id)); const selected = items.filter(x => x);"));
  CHECK_FALSE(may_contain_sql("db.Exec(ctx, \"select pg_notify($1, $2)\")"));  // references no relation
  CHECK(may_contain_sql("db.Exec(`CREATE TABLE IF NOT EXISTS migrations (filename TEXT)`)"));  // a relation other files use
  CHECK_FALSE(may_contain_sql("function createTable() { return view; }"));
  CHECK_FALSE(may_contain_sql("inserted into the list; updates settings"));     // not whole words
}

TEST_CASE("another engine's code: a file named for the engine, by its full name only") {
  using schemagate::source::other_engine_of_code;
  const std::string ruby = "class Store\n  def rows(c) = c.select_all('SELECT 1')\nend\n";
  CHECK(other_engine_of_code("app/services/events/stores/clickhouse_store.rb", ruby) ==
        "ClickHouse (the file is named for it)");
  CHECK(other_engine_of_code("scripts/MySQLExport.py", "rows = []\n") == "MySQL (the file is named for it)");
  // A name that also says PostgreSQL decides nothing; short words name other things.
  CHECK(other_engine_of_code("app/jobs/postgres_to_clickhouse_sync.rb", ruby) == "");
  CHECK(other_engine_of_code("lib/price_oracle.py", "rows = []\n") == "");
  CHECK(other_engine_of_code("app/models/d1_report.rb", ruby) == "");
  // A directory named for the engine still counts, with its own evidence.
  CHECK(other_engine_of_code("internal/sqlite/store.go", "package sqlite\n") == "SQLite (a directory of its path is named for it)");
}

namespace {
/// Counts the reads of each path.
class CountingFileSystem : public FileSystem {
 public:
  bool read(const std::string& path, std::string* out, std::string* err) const override {
    ++reads[path];
    return files.read(path, out, err);
  }
  std::vector<DirEntry> list(const std::string& dir) const override { return files.list(dir); }
  bool is_dir(const std::string& path) const override { return files.is_dir(path); }
  bool is_file(const std::string& path) const override { return files.is_file(path); }
  void add(const std::string& path, std::string content) { files.add(path, std::move(content)); }
  MemoryFileSystem files;
  mutable std::map<std::string, int> reads;
};
}  // namespace

TEST_CASE("package_script_outputs: the nearest manifest's outputs; with known answers, each manifest read once") {
  CountingFileSystem fs;
  fs.add("r/web/package.json", "{\n  \"scripts\": {\n    \"gen\": \"tool generate --output src/gen/client.ts\"\n  }\n}\n");
  fs.add("r/package.json", "{\n  \"scripts\": { \"build\": \"tsc -o dist/out.js\" }\n}\n");
  for (bool cached : {false, true}) {
    fs.reads.clear();
    std::map<std::string, PackageOutputs> known;
    std::map<std::string, PackageOutputs>* k = cached ? &known : nullptr;
    PackageOutputs deep = package_script_outputs(fs, "r", "web/src/gen", k);
    CHECK(deep.manifest == "web/package.json");
    CHECK(deep.dir == "web");
    CHECK(deep.outputs == std::set<std::string>{"src/gen/client.ts"});
    CHECK(written_by(deep, "web/src/gen/client.ts") == "web/package.json");
    CHECK(written_by(deep, "web/src/gen/other.ts") == "");
    PackageOutputs sibling = package_script_outputs(fs, "r", "web/src/lib", k);
    CHECK(sibling.manifest == "web/package.json");
    PackageOutputs top = package_script_outputs(fs, "r", "api", k);
    CHECK(top.manifest == "package.json");
    CHECK(top.outputs == std::set<std::string>{"dist/out.js"});
    CHECK(package_script_outputs(fs, "r", "", k).manifest == "package.json");
    if (cached) {
      CHECK(fs.reads["r/web/package.json"] == 1);
      CHECK(fs.reads["r/package.json"] == 1);
      CHECK(fs.reads["r/web/src/package.json"] == 1);  // asked once, for both folders below it
      CHECK(known.count("web/src/lib") == 1);
      CHECK(known.at("web/src").manifest == "web/package.json");
      CHECK(known.at("api").manifest == "package.json");
    } else {
      CHECK(fs.reads["r/web/package.json"] == 2);
      CHECK(fs.reads["r/web/src/package.json"] == 2);
    }
  }
  // No manifest anywhere: empty, and remembered so.
  MemoryFileSystem none;
  std::map<std::string, PackageOutputs> known;
  CHECK(package_script_outputs(none, "r", "a/b", &known).manifest.empty());
  CHECK(known.size() == 3);  // a/b, a, the root
}

TEST_CASE("imports_sql_parser: a parser module imported; texts without one of its words answer no") {
  CHECK(imports_sql_parser("import sqlglot\n"));
  CHECK(imports_sql_parser("from sqlparse import tokens\n"));
  CHECK(imports_sql_parser("import (\n\t\"github.com/pganalyze/pg_query_go/v6\"\n)\n"));
  CHECK(imports_sql_parser("const { Parser } = require('node-sql-parser');\n"));
  CHECK(imports_sql_parser("import { parse } from \"pgsql-ast-parser\";\n"));
  CHECK_FALSE(imports_sql_parser("import json\nparser = argparse.ArgumentParser()\n"));  // a word, no module
  CHECK_FALSE(imports_sql_parser("x = 'sqlglot is mentioned'\n"));
  CHECK_FALSE(imports_sql_parser("import os\n"));
  CHECK_FALSE(imports_sql_parser(""));
}

TEST_CASE("is_revision_script: the three assignments and upgrade(), each at a line's start") {
  std::string script =
      "revision = \"abc\"\ndown_revision = \"def\"\n\ndef upgrade():\n    op.add_column('t', sa.Column('c'))\n";
  CHECK(is_revision_script(script));
  CHECK(is_revision_script("revision: str = 'a'\ndown_revision: Union[str, None] = 'b'\ndef upgrade() -> None:\n"));
  // Each word first where it does not start a line, then where it does.
  CHECK(is_revision_script("x = 1  # def upgrade( later\n# revision = no\ndef upgrade():\nrevision = 'a'\n"
                           "y  # down_revision = no\ndown_revision = None\n"));
  CHECK_FALSE(is_revision_script("revision = 'a'\ndown_revision = 'b'\n    def upgrade(self):\n"));
  CHECK_FALSE(is_revision_script("revision = 'a'\ndef upgrade():\n"));
  CHECK_FALSE(is_revision_script("down_revision = 'b'\ndef upgrade():\n"));
  CHECK_FALSE(is_revision_script(""));
}

TEST_CASE("resolve_dots: . and .. parts resolved within the root, nullopt above it") {
  CHECK(resolve_dots("a/./b/../c") == std::optional<std::string>("a/c"));
  CHECK(resolve_dots("db/migrate/../views") == std::optional<std::string>("db/views"));
  CHECK(resolve_dots("./x//y/") == std::optional<std::string>("x/y"));
  CHECK(resolve_dots("a/..") == std::optional<std::string>(""));
  CHECK(resolve_dots("") == std::optional<std::string>(""));
  CHECK_FALSE(resolve_dots("../a").has_value());
  CHECK_FALSE(resolve_dots("a/../../b").has_value());
}
