// The schema cache on an in-memory project and a temporary cache directory: a stored build is
// used only while every file it was built from is unchanged, it decodes to the same build, and a
// damaged, truncated or foreign cache file is ignored, never trusted.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "analyzers/pipeline/schema_cache.h"
#include "tests/unit/counting_file_system.h"

using namespace schemagate;

namespace {

source::MemoryFileSystem cache_project(bool with_new_column) {
  source::MemoryFileSystem fs;
  fs.add("app/migrations/0001_init.up.sql",
         "CREATE SCHEMA billing;\nCREATE TYPE mood AS ENUM ('ok', 'sad');\n"
         "CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, m mood);\n"
         "CREATE TABLE billing.invoices (id int, account_id bigint REFERENCES accounts (id)) PARTITION BY RANGE (id);\n"
         "CREATE FUNCTION f(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql AS 'SELECT 1';\n");
  fs.add("app/migrations/0002_drop.up.sql", "ALTER TABLE accounts RENAME COLUMN email TO mail;\n");
  if (with_new_column) fs.add("app/migrations/0003_tier.up.sql", "ALTER TABLE accounts ADD COLUMN tier text;\n");
  fs.add("app/worker/save.py", "def save(cur):\n    cur.execute(\"SELECT mail FROM accounts\")\n");
  return fs;
}

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/schemagate-cache-test-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

pipeline::SchemaCacheResult cached(const source::FileSystem& fs, const pipeline::Options& options, const std::string& dir,
                                   pipeline::SchemaBuild* build) {
  pipeline::SchemaCacheKey key{"/project", "test binary", &options};
  pipeline::SchemaCacheResult result;
  std::string err;
  REQUIRE_MESSAGE(pipeline::build_schema_cached(fs, key, dir, build, &err, &result), err);
  return result;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spill(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

}  // namespace

TEST_CASE("schema cache: a build decodes to itself") {
  auto fs = cache_project(true);
  pipeline::Options options;
  options.root = "app";
  pipeline::SchemaBuild build;
  std::string err;
  REQUIRE_MESSAGE(pipeline::build_schema(fs, options, &build, &err), err);
  std::string bytes = pipeline::encode_schema_build(build);
  pipeline::SchemaBuild back;
  REQUIRE(pipeline::decode_schema_build(bytes, &back));
  CHECK(pipeline::encode_schema_build(back) == bytes);
  REQUIRE(back.schema.find("public", "accounts"));
  CHECK(back.schema.find("public", "accounts")->find_column("tier"));
  CHECK(back.schema.find("public", "accounts")->find_column("mail"));
  CHECK_FALSE(back.schema.find("public", "accounts")->find_column("email"));
  CHECK(back.schema.find("billing", "invoices"));
  CHECK(back.schema.enums.count("public.mood"));
  CHECK(back.schema.functions.count("public.f"));
  CHECK(back.schema.history.size() == build.schema.history.size());
  CHECK(back.migrations.size() == 3);
  CHECK(back.directories.size() == build.directories.size());
  CHECK(back.schema.sequences() == build.schema.sequences());
  // Every prefix of the encoding is rejected, not read as a smaller build.
  for (size_t cut : {size_t{0}, size_t{7}, bytes.size() / 2, bytes.size() - 1}) {
    pipeline::SchemaBuild partial;
    CHECK_FALSE(pipeline::decode_schema_build(bytes.substr(0, cut), &partial));
  }
  pipeline::SchemaBuild longer;
  CHECK_FALSE(pipeline::decode_schema_build(bytes + "x", &longer));
}

TEST_CASE("schema cache: used while the migrations are unchanged, rebuilt when one is added or changed") {
  TempDir dir;
  pipeline::Options options;
  options.root = "app";
  auto fs = cache_project(false);

  pipeline::SchemaBuild first;
  auto r1 = cached(fs, options, dir.path, &first);
  CHECK_FALSE(r1.hit);
  CHECK(r1.stored);
  CHECK_FALSE(first.schema.find("public", "accounts")->find_column("tier"));

  pipeline::SchemaBuild second;
  auto r2 = cached(fs, options, dir.path, &second);
  CHECK(r2.hit);
  CHECK(pipeline::encode_schema_build(second) == pipeline::encode_schema_build(first));

  // A code file changed (pre-commit's case): the schema's files did not, the cache is used.
  fs.add("app/worker/save.py", "def save(cur):\n    cur.execute(\"SELECT mail, tier FROM accounts\")\n");
  pipeline::SchemaBuild third;
  CHECK(cached(fs, options, dir.path, &third).hit);

  // A new migration: not used, and the build has its column.
  auto added = cache_project(true);
  pipeline::SchemaBuild fourth;
  auto r4 = cached(added, options, dir.path, &fourth);
  CHECK_FALSE(r4.hit);
  CHECK(fourth.schema.find("public", "accounts")->find_column("tier"));

  // A migration's bytes changed, same name: not used.
  added.add("app/migrations/0003_tier.up.sql", "ALTER TABLE accounts ADD COLUMN tier2 text;\n");
  pipeline::SchemaBuild fifth;
  CHECK_FALSE(cached(added, options, dir.path, &fifth).hit);
  CHECK(fifth.schema.find("public", "accounts")->find_column("tier2"));
  CHECK_FALSE(fifth.schema.find("public", "accounts")->find_column("tier"));

  // Other options are another key: not this build.
  pipeline::Options other = options;
  other.search_path = {"billing", "public"};
  pipeline::SchemaBuild sixth;
  CHECK_FALSE(cached(added, other, dir.path, &sixth).hit);
}

TEST_CASE("schema cache: a Go file the migration readers turned away by its words keeps the build while it still is") {
  TempDir dir;
  pipeline::Options options;
  options.root = "app";
  source::MemoryFileSystem fs;
  fs.add("app/go.mod", "module example.com/app\n\ngo 1.22\n");
  fs.add("app/db/migrations/0001_init.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
  fs.add("app/db/migrations/0001_init.down.sql", "DROP TABLE accounts;\n");
  std::string handler = "package api\n\nfunc Email(db *sql.DB) { db.Query(\"SELECT email FROM accounts\") }\n";
  fs.add("app/api/handler.go", handler);

  pipeline::SchemaBuild first;
  test::CountingReads counted(fs);
  auto r1 = cached(counted, options, dir.path, &first);
  CHECK_FALSE(r1.hit);
  CHECK(r1.stored);
  // Each Go migration format's discovery asked the handler its words, and the migrations were
  // read for the build and again for their digests: each file there was read from the disk once
  // (a file that is not there, a go.mod looked for, is asked each time).
  std::string reads;
  for (const auto& [path, n] : counted.reads)
    if (fs.is_file(path)) reads += path + "=" + std::to_string(n) + " ";
  CHECK(reads == "app/api/handler.go=1 app/db/migrations/0001_init.down.sql=1 app/db/migrations/0001_init.up.sql=1 app/go.mod=1 ");

  // The handler changed (pre-commit's case), and still holds none of the words the readers look
  // for: the cached build is used.
  fs.add("app/api/handler.go", handler + "\nfunc Name(db *sql.DB) { db.Query(\"SELECT name FROM accounts\") }\n");
  pipeline::SchemaBuild second;
  CHECK(cached(fs, options, dir.path, &second).hit);
  CHECK(pipeline::encode_schema_build(second) == pipeline::encode_schema_build(first));

  // Now it holds the words of a Go list of upgrade functions (`[]func(` and `Exec`): the file
  // may register migrations, and the schema is built again.
  fs.add("app/api/handler.go", handler + "\nvar upgrades = []func(db *sql.DB) error{func(db *sql.DB) error { _, err := db.Exec(\"SELECT 1\"); return err }}\n");
  pipeline::SchemaBuild third;
  auto r3 = cached(fs, options, dir.path, &third);
  CHECK_FALSE(r3.hit);
  CHECK(r3.why == "app/api/handler.go changed since the cached build");
}

TEST_CASE("schema cache: a damaged, truncated or foreign cache file is ignored") {
  TempDir dir;
  pipeline::Options options;
  options.root = "app";
  auto fs = cache_project(true);
  pipeline::SchemaBuild fresh;
  auto stored = cached(fs, options, dir.path, &fresh);
  REQUIRE(stored.stored);
  const std::string good = slurp(stored.file);
  const std::string expected = pipeline::encode_schema_build(fresh);

  auto ignored = [&](const std::string& bytes) {
    spill(stored.file, bytes);
    pipeline::SchemaBuild build;
    auto r = cached(fs, options, dir.path, &build);
    CHECK_FALSE(r.hit);
    CHECK(pipeline::encode_schema_build(build) == expected);
  };
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  ignored(flipped);                                // a byte changed: the checksum does not match
  ignored(good.substr(0, good.size() - 100));      // truncated
  ignored("");                                     // empty
  ignored("schemagate schema cache\n" + std::string(200, 'x'));  // the magic, then garbage
  ignored(std::string(good.size(), '\0'));         // zeros

  // A whole file, checksum and all, made for other options: its key is not this run's.
  pipeline::Options other = options;
  other.search_path = {"billing", "public"};
  pipeline::SchemaCacheKey other_key{"/project", "test binary", &other};
  TempDir elsewhere;
  pipeline::SchemaBuild b;
  pipeline::SchemaCacheResult r;
  std::string err;
  REQUIRE(pipeline::build_schema_cached(fs, other_key, elsewhere.path, &b, &err, &r));
  ignored(slurp(r.file));

  // After all that, the file is whole again and used.
  pipeline::SchemaBuild again;
  CHECK(cached(fs, options, dir.path, &again).hit);
  CHECK(pipeline::encode_schema_build(again) == expected);
}

TEST_CASE("schema cache: a new binary replaces the file the old one stored, other options keep their own") {
  pipeline::Options options;
  options.root = "app";
  auto fs = cache_project(true);
  TempDir dir;
  auto run = [&](const char* binary, const pipeline::Options& o) {
    pipeline::SchemaCacheKey key{"/project", binary, &o};
    pipeline::SchemaBuild build;
    pipeline::SchemaCacheResult r;
    std::string err;
    REQUIRE_MESSAGE(pipeline::build_schema_cached(fs, key, dir.path, &build, &err, &r), err);
    return r;
  };
  auto files = [&] {
    size_t n = 0;
    for (auto& e : std::filesystem::directory_iterator(dir.path)) n += e.is_regular_file();
    return n;
  };
  auto old_run = run("binary 1", options);
  CHECK(old_run.stored);
  CHECK(run("binary 1", options).hit);
  auto new_run = run("binary 2", options);
  CHECK_FALSE(new_run.hit);
  CHECK(new_run.why == "the cache file is another build's");
  CHECK(new_run.stored);
  CHECK(new_run.file == old_run.file);
  CHECK(files() == 1);
  CHECK(run("binary 2", options).hit);
  CHECK_FALSE(run("binary 1", options).hit);  // the old binary again: its file was replaced
  pipeline::Options other = options;
  other.search_path = {"billing", "public"};
  CHECK(run("binary 1", other).file != old_run.file);
  CHECK(files() == 2);
}

TEST_CASE("schema cache: no directory, no cache") {
  pipeline::Options options;
  options.root = "app";
  auto fs = cache_project(true);
  pipeline::SchemaBuild build;
  auto r = cached(fs, options, "", &build);
  CHECK_FALSE(r.hit);
  CHECK_FALSE(r.stored);
  CHECK(build.schema.find("public", "accounts"));
}

TEST_CASE("schema cache: files read again on a hit are known by their identities on the next run") {
  // Real files: a build stored right after a checkout knows its files by their bytes only (they
  // changed less than a second before it ran), so the next run reads them again; that run stores
  // the identities they have by then, and the run after it reads none of them.
  TempDir project, dir;
  auto put = [&](const std::string& rel, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(project.path + "/" + rel).parent_path());
    std::ofstream(project.path + "/" + rel, std::ios::binary) << text;
  };
  put("go.mod", "module example.com/app\n\ngo 1.22\n");
  put("db/migrations/0001_init.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
  put("db/migrations/0001_init.down.sql", "DROP TABLE accounts;\n");
  put("api/handler.go", "package api\n\nfunc Email(db *sql.DB) { db.Query(\"SELECT email FROM accounts\") }\n");
  pipeline::Options options;
  options.root = project.path;
  pipeline::SchemaCacheKey key{project.path, "test binary", &options, /*real_files=*/true};
  auto run = [&](pipeline::SchemaBuild* build) {
    source::RealFileSystem fresh(project.path);  // one file system per run, as the CLI has
    pipeline::SchemaCacheResult result;
    std::string err;
    REQUIRE_MESSAGE(pipeline::build_schema_cached(fresh, key, dir.path, build, &err, &result), err);
    return result;
  };
  pipeline::SchemaBuild first, second, third;
  auto r1 = run(&first);
  CHECK_FALSE(r1.hit);
  CHECK(r1.stored);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto r2 = run(&second);
  CHECK(r2.hit);
  CHECK(r2.stored);  // read again, and stored with their identities
  auto r3 = run(&third);
  CHECK(r3.hit);
  CHECK_FALSE(r3.stored);  // every file known by its identity: nothing read, nothing to store
  CHECK(pipeline::encode_schema_build(second) == pipeline::encode_schema_build(first));
  CHECK(pipeline::encode_schema_build(third) == pipeline::encode_schema_build(first));

  // A migration changed since: a miss, as before.
  put("db/migrations/0001_init.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, mail text);\n");
  pipeline::SchemaBuild fourth;
  CHECK_FALSE(run(&fourth).hit);
}

TEST_CASE("schema cache: on real files, each change the build could see is a miss, and only those") {
  TempDir project, dir;
  auto put = [&](const std::string& rel, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(project.path + "/" + rel).parent_path());
    std::ofstream(project.path + "/" + rel, std::ios::binary | std::ios::trunc) << text;
  };
  put("go.mod", "module example.com/app\n\ngo 1.22\n");
  put("db/migrations/0001_init.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
  put("db/migrations/0002_tier.up.sql", "ALTER TABLE accounts ADD COLUMN tier text;\n");
  put("db/shared/a.sql", "ALTER TABLE accounts ADD COLUMN a text;\n");
  put("db/shared/b.sql", "ALTER TABLE accounts ADD COLUMN b text;\n");
  std::filesystem::create_symlink("../shared/a.sql", project.path + "/db/migrations/0003_linked.up.sql");
  put("api/handler.go", "package api\n\nfunc Email(db *sql.DB) { db.Query(\"SELECT email FROM accounts\") }\n");
  pipeline::Options options;
  options.root = project.path;
  options.max_file_size = 400;
  auto run = [&](const pipeline::Options& o, pipeline::SchemaBuild* build = nullptr) {
    pipeline::SchemaCacheKey key{project.path, "test binary", &o, /*real_files=*/true};
    source::RealFileSystem fresh(project.path);
    pipeline::SchemaBuild local;
    pipeline::SchemaCacheResult result;
    std::string err;
    REQUIRE_MESSAGE(pipeline::build_schema_cached(fresh, key, dir.path, build ? build : &local, &err, &result), err);
    return result;
  };
  auto column = [](const pipeline::SchemaBuild& b, const char* name) {
    auto* r = b.schema.find("public", "accounts");
    return r && r->find_column(name);
  };
  pipeline::SchemaBuild built;
  CHECK_FALSE(run(options, &built).hit);
  CHECK(column(built, "a"));
  CHECK(run(options).hit);

  SUBCASE("a code file changed within the size limit: used") {
    put("api/handler.go", "package api\n\nfunc Email(db *sql.DB) { db.Query(\"SELECT email, tier FROM accounts\") }\n");
    CHECK(run(options).hit);
  }
  SUBCASE("a migration's content") {
    put("db/migrations/0002_tier.up.sql", "ALTER TABLE accounts ADD COLUMN plan text;\n");
    pipeline::SchemaBuild b;
    auto r = run(options, &b);
    CHECK_FALSE(r.hit);
    CHECK(r.why.find("0002_tier.up.sql changed") != std::string::npos);
    CHECK(column(b, "plan"));
  }
  SUBCASE("a migration added") {
    put("db/migrations/0004_more.up.sql", "ALTER TABLE accounts ADD COLUMN more text;\n");
    pipeline::SchemaBuild b;
    CHECK_FALSE(run(options, &b).hit);
    CHECK(column(b, "more"));
  }
  SUBCASE("a migration removed") {
    std::filesystem::remove(project.path + "/db/migrations/0002_tier.up.sql");
    pipeline::SchemaBuild b;
    CHECK_FALSE(run(options, &b).hit);
    CHECK_FALSE(column(b, "tier"));
  }
  SUBCASE("a file that is not a migration added where migrations are found") {
    put("db/migrations/README.md", "How to add a migration.\n");
    CHECK_FALSE(run(options).hit);
  }
  SUBCASE("a file grown past --max-file-size") {
    put("api/handler.go", "package api\n\n// " + std::string(500, 'x') + "\n");
    auto r = run(options);
    CHECK_FALSE(r.hit);
    CHECK(r.why == project.path + "/api changed since the cached build");  // its listing, not its bytes
  }
  SUBCASE("a symbolic link retargeted") {
    std::filesystem::remove(project.path + "/db/migrations/0003_linked.up.sql");
    std::filesystem::create_symlink("../shared/b.sql", project.path + "/db/migrations/0003_linked.up.sql");
    pipeline::SchemaBuild b;
    CHECK_FALSE(run(options, &b).hit);
    CHECK(column(b, "b"));
    CHECK_FALSE(column(b, "a"));
  }
  SUBCASE("a symbolic link retargeted out of the tree") {
    std::filesystem::remove(project.path + "/db/migrations/0003_linked.up.sql");
    std::filesystem::create_symlink("/etc/hostname", project.path + "/db/migrations/0003_linked.up.sql");
    // The build refuses the migration: not the stored build, and an error.
    pipeline::SchemaCacheKey key{project.path, "test binary", &options, /*real_files=*/true};
    source::RealFileSystem fresh(project.path);
    pipeline::SchemaBuild b;
    pipeline::SchemaCacheResult r;
    std::string err;
    CHECK_FALSE(pipeline::build_schema_cached(fresh, key, dir.path, &b, &err, &r));
    CHECK_FALSE(r.hit);
    CHECK(err.find("outside the tree") != std::string::npos);
  }
  SUBCASE("the options") {
    pipeline::Options other = options;
    other.max_file_size = 100;
    CHECK_FALSE(run(other).hit);
    other = options;
    other.exclude = {"db/shared"};
    CHECK_FALSE(run(other).hit);
    CHECK(run(options).hit);  // each set of options keeps its own build
  }
}
