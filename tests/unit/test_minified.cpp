// Minified and bundled JavaScript: skipped by name at discovery, and by content (is_minified)
// once read, so a vendored swagger-ui-bundle.js does not cost more than the project itself.
#include <doctest/doctest.h>

#include "analyzers/source/discovery.h"

using namespace schemagate::source;

TEST_CASE("names that say minified or bundled") {
  CHECK(is_minified_name("jquery.min.js"));
  CHECK(is_minified_name("swagger-ui-bundle.js"));
  CHECK(is_minified_name("main.bundle.js"));
  CHECK(is_minified_name("vendor-min.mjs"));
  CHECK(is_minified_name("chunk.min.3f2a9c.cjs"));
  CHECK(is_minified_name("App.Bundle.JS"));
  CHECK_FALSE(is_minified_name("bundle.js"));      // one part: maybe the source of a bundle
  CHECK_FALSE(is_minified_name("min_price.js"));
  CHECK_FALSE(is_minified_name("admin.js"));
  CHECK_FALSE(is_minified_name("minimal.min.ts"));  // TypeScript is source
  CHECK_FALSE(is_minified_name("asset-bundle.go"));
  CHECK_FALSE(is_minified_name("jquery.min"));
}

TEST_CASE("discovery does not list minified or bundled JavaScript") {
  MemoryFileSystem fs;
  fs.add("p/public/swagger-ui-bundle.js", "");
  fs.add("p/public/jquery.min.js", "");
  fs.add("p/public/app.js", "");
  fs.add("p/src/bundle_store.py", "");
  auto files = discover_files(fs, "p", {});
  std::string joined;
  for (auto& f : files) joined += f + " ";
  CHECK(joined == "public/app.js src/bundle_store.py ");
}

TEST_CASE("minified text: long first lines and few newlines") {
  std::string bundle = "/*! license */\n" + std::string(70000, 'x') + "\n";
  CHECK(is_minified(bundle));
  std::string one_line = "!function(e){" + std::string(5000, 'a') + "}();";
  CHECK(is_minified(one_line));
  // An ordinary file with one long line (a data URI, a long query) is not minified.
  std::string source = "const logo = \"data:image/png;base64," + std::string(3000, 'A') + "\";\n";
  for (int i = 0; i < 200; ++i) source += "const q" + std::to_string(i) + " = 'SELECT id FROM t';\n";
  CHECK_FALSE(is_minified(source));
  // Long lines past the first 20 do not make a file minified by themselves.
  std::string late;
  for (int i = 0; i < 30; ++i) late += "x = 1\n";
  late += std::string(100000, 'y');
  CHECK_FALSE(is_minified(late));
  CHECK_FALSE(is_minified(""));
  CHECK_FALSE(is_minified("SELECT 1"));
}

TEST_CASE("golang-migrate file names and test files") {
  CHECK(is_migration_name("000001_init.up.sql"));
  CHECK(is_migration_name("7_notes.DOWN.SQL"));
  CHECK_FALSE(is_migration_name("init.up.sql"));      // no version
  CHECK_FALSE(is_migration_name("0001.up.sql"));      // no title
  CHECK_FALSE(is_migration_name("0001_queries.sql"));
  CHECK(is_test_file("store/notes_test.go"));
  CHECK(is_test_file("tests/test_reports.py"));
  CHECK(is_test_file("app/reports_test.py"));
  CHECK(is_test_file("web/src/count.test.ts"));
  CHECK(is_test_file("web/src/count.spec.tsx"));
  CHECK(is_test_file("web/src/__tests__/sql.ts"));
  CHECK(is_test_file("pkgs/client/types.test-d.ts"));
  CHECK(is_test_file("test/integration/signup.js"));
  CHECK(is_test_file("services/api/tests/conftest.py"));
  CHECK_FALSE(is_test_file("app/attest/verify.py"));
  CHECK_FALSE(is_test_file("app/latest/feed.ts"));
  CHECK(is_never_run_name("compatible-flow.test-d.ts"));
  CHECK(is_never_run_name("supabase-flow.example.ts"));
  CHECK_FALSE(is_never_run_name("examples.ts"));
  CHECK_FALSE(is_never_run_name("flow.test.ts"));
  CHECK_FALSE(is_test_file("store/contest.go"));
  CHECK_FALSE(is_test_file("app/latest_results.py"));
}
