// schemagate.yaml: a file that sets every key, and every way a file can be wrong, each with the
// exact one-line message (file, 1-based line and column, key, what to do). The file written by
// `schemagate init` must load back, also with every commented-out setting switched on.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "analyzers/config/config.h"

namespace {

using schemagate::config::Config;
using schemagate::config::Detected;
using schemagate::config::KnownNames;
using schemagate::config::MigrationDir;
using schemagate::config::RuleSeverity;
namespace config = schemagate::config;

const KnownNames& known() {
  static const KnownNames names = {
      {"missing-relation", "missing-column", "pending-migration", "failed-migration",
       "unknown-applied-migration", "schema-drift"},
      {"golang-migrate", "flyway", "dbmate", "goose", "sqlx", "supabase", "prisma", "drizzle", "plain"},
      {"python", "javascript", "typescript", "go"}};
  return names;
}

struct Loaded {
  bool ok = false;
  Config config;
  std::string err;
};

Loaded load(const std::string& text) {
  Loaded result;
  result.ok = config::load_config(text, "schemagate.yaml", known(), &result.config, &result.err);
  return result;
}

// The error for `text`, which must not load.
std::string error_of(const std::string& text) {
  Loaded result = load(text);
  CHECK_FALSE(result.ok);
  return result.err;
}

// Turns every commented-out setting ("# key: value", "#   - item", "#   key: value") on.
std::string uncomment_settings(const std::string& text) {
  std::istringstream in(text);
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0) {
      std::string rest = line.substr(2);
      size_t start = rest.find_first_not_of(' ');
      std::string word = start == std::string::npos ? "" : rest.substr(start);
      bool list_item = word.rfind("- ", 0) == 0;
      size_t colon = word.find(':');
      bool setting = colon != std::string::npos && colon > 0 &&
                     word.find_first_not_of("abcdefghijklmnopqrstuvwxyz_-") == colon;
      if (list_item || setting) line = rest;
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("a file that sets every key") {
  Loaded r = load(
      "# the team's settings\n"
      "migrations:\n"
      "  - db/migrations\n"
      "  - {path: db/flyway, format: flyway}\n"
      "  - path: \"db/with space\"\n"
      "search_path: [app, public]\n"
      "include: [\"src/**\", \"*.sql\"]\n"
      "exclude:\n"
      "  - \"*_test.go\"\n"
      "rules:\n"
      "  missing-column: warning\n"
      "  schema-drift: off\n"
      "  pending-migration: error\n"
      "database_url_env: PROD_DATABASE_URL\n"
      "flyway_table: app_schema_history\n"
      "database_calls:\n"
      "  python: [run_sql, fetch_all]\n"
      "  javascript: runQuery\n"
      "  typescript: []\n"
      "  go: [RunQuery]\n"
      "deployed_ref: origin/production\n");
  REQUIRE_MESSAGE(r.ok, r.err);
  const Config& c = r.config;
  REQUIRE(c.migrations);
  CHECK(*c.migrations == std::vector<MigrationDir>{{"db/migrations", std::nullopt},
                                                   {"db/flyway", "flyway"},
                                                   {"db/with space", std::nullopt}});
  CHECK(c.search_path == std::vector<std::string>{"app", "public"});
  CHECK(c.include == std::vector<std::string>{"src/**", "*.sql"});
  CHECK(c.exclude == std::vector<std::string>{"*_test.go"});
  CHECK(c.rules == std::map<std::string, RuleSeverity>{{"missing-column", RuleSeverity::Warning},
                                                       {"schema-drift", RuleSeverity::Off},
                                                       {"pending-migration", RuleSeverity::Error}});
  CHECK(c.database_url_env == "PROD_DATABASE_URL");
  CHECK(c.flyway_table == "app_schema_history");
  CHECK(c.database_calls == std::map<std::string, std::vector<std::string>>{
                                {"python", {"run_sql", "fetch_all"}},
                                {"javascript", {"runQuery"}},
                                {"typescript", {}},
                                {"go", {"RunQuery"}}});
  CHECK(c.deployed_ref == "origin/production");
}

TEST_CASE("shorthands: one string for a list, search_path as a comma string, flow style") {
  Loaded r = load("migrations: migrations\ninclude: 'src/**'\nsearch_path: \"app, audit,public\"\n"
                  "rules: {missing-relation: warning}\n");
  REQUIRE_MESSAGE(r.ok, r.err);
  CHECK(*r.config.migrations == std::vector<MigrationDir>{{"migrations", std::nullopt}});
  CHECK(r.config.include == std::vector<std::string>{"src/**"});
  CHECK(r.config.search_path == std::vector<std::string>{"app", "audit", "public"});
  CHECK(r.config.rules.at("missing-relation") == RuleSeverity::Warning);
}

TEST_CASE("empty files and keys without a value set nothing") {
  for (const char* text : {"", "\n", "# nothing yet\n", "---\n", "\xEF\xBB\xBF", "~\n"}) {
    Loaded r = load(text);
    CHECK_MESSAGE(r.ok, r.err);
    CHECK_FALSE(r.config.migrations);
    CHECK(r.config.rules.empty());
  }
  Loaded r = load("migrations:\nrules:\n#  missing-column: off\ninclude: []\ndatabase_calls:\n  python:\n");
  REQUIRE_MESSAGE(r.ok, r.err);
  CHECK_FALSE(r.config.migrations);
  CHECK(r.config.rules.empty());
  CHECK(r.config.include == std::vector<std::string>{});  // set, to nothing: --include with no globs
  CHECK(r.config.database_calls.at("python").empty());
}

TEST_CASE("a failed load leaves the output untouched") {
  Config c;
  c.flyway_table = "kept";
  std::string err;
  CHECK_FALSE(config::load_config("flyway_table: x\nbogus: 1\n", "schemagate.yaml", known(), &c, &err));
  CHECK(c.flyway_table == "kept");
}

TEST_CASE("unknown keys, with a suggestion for a near miss") {
  CHECK(error_of("migrations: [db]\nfoo: 1\n") ==
        "schemagate.yaml:2:1: unknown key \"foo\" (known keys: migrations, search_path, include, exclude, "
        "rules, database_url_env, flyway_table, database_calls, deployed_ref, template_values)");
  CHECK(error_of("exlcude: [\"*.go\"]\n") == "schemagate.yaml:1:1: unknown key \"exlcude\" (did you mean \"exclude\"?)");
  CHECK(error_of("search-path: app\n") == "schemagate.yaml:1:1: unknown key \"search-path\" (did you mean \"search_path\"?)");
  CHECK(error_of("database-url-env: DB\n") ==
        "schemagate.yaml:1:1: unknown key \"database-url-env\" (did you mean \"database_url_env\"?)");
  CHECK(error_of("migrations:\n  - {path: db, fromat: flyway}\n") ==
        "schemagate.yaml:2:16: migrations: unknown key \"fromat\" (did you mean \"format\"?)");
}

TEST_CASE("rules: unknown rule ids and bad severities") {
  CHECK(error_of("rules:\n  missing-colum: off\n") ==
        "schemagate.yaml:2:3: rules.missing-colum: unknown rule \"missing-colum\" (did you mean \"missing-column\"?)");
  CHECK(error_of("rules:\n  sql-injection: off\n") ==
        "schemagate.yaml:2:3: rules.sql-injection: unknown rule \"sql-injection\" (known rules: missing-relation, "
        "missing-column, pending-migration, failed-migration, unknown-applied-migration, schema-drift)");
  CHECK(error_of("rules:\n  missing-column: fatal\n") ==
        "schemagate.yaml:2:19: rules.missing-column: severity must be error, warning or off, got \"fatal\"");
  CHECK(error_of("rules:\n  missing-column: Error\n") ==
        "schemagate.yaml:2:19: rules.missing-column: severity must be error, warning or off, got \"Error\"");
  CHECK(error_of("rules:\n  missing-column: [error]\n") ==
        "schemagate.yaml:2:19: rules.missing-column: severity must be error, warning or off, got a list");
  CHECK(error_of("rules:\n  missing-column:\n") ==
        "schemagate.yaml:2:3: rules.missing-column: severity must be error, warning or off, got nothing");
  CHECK(error_of("rules: [missing-column]\n") ==
        "schemagate.yaml:1:8: rules: expected a mapping of rule ids to error, warning or off, got a list");
  CHECK(error_of("rules: off\n") ==
        "schemagate.yaml:1:8: rules: expected a mapping of rule ids to error, warning or off, got \"off\"");
}

TEST_CASE("wrong types") {
  CHECK(error_of("migrations: {db: 1}\n") ==
        "schemagate.yaml:1:13: migrations: expected a list of directories, got a mapping");
  CHECK(error_of("migrations:\n  - [a, b]\n") ==
        "schemagate.yaml:2:5: migrations: expected a directory or {path: DIR, format: NAME}, got a list");
  CHECK(error_of("search_path: {a: b}\n") == "schemagate.yaml:1:14: search_path: expected a list of schemas, got a mapping");
  CHECK(error_of("include: [[\"*.py\"]]\n") == "schemagate.yaml:1:11: include: expected a glob, got a list");
  CHECK(error_of("exclude: {a: 1}\n") == "schemagate.yaml:1:10: exclude: expected a list of globs, got a mapping");
  CHECK(error_of("flyway_table: [a]\n") == "schemagate.yaml:1:15: flyway_table: expected a table name, got a list");
  CHECK(error_of("deployed_ref: {a: b}\n") ==
        "schemagate.yaml:1:15: deployed_ref: expected a git ref (a branch, tag or commit), got a mapping");
  CHECK(error_of("database_url_env: [A]\n") ==
        "schemagate.yaml:1:19: database_url_env: expected the name of an environment variable, got a list");
  CHECK(error_of("database_calls: [execute]\n") ==
        "schemagate.yaml:1:17: database_calls: expected a mapping of languages to lists of call names, got a list");
  CHECK(error_of("database_calls:\n  python: {a: b}\n") ==
        "schemagate.yaml:2:11: database_calls.python: expected a list of call names, got a mapping");
  CHECK(error_of("[migrations, db]\n") ==
        "schemagate.yaml:1:1: expected settings such as \"migrations: [db/migrations]\" at the top level, got a list");
  CHECK(error_of("migrations\n") ==
        "schemagate.yaml:1:1: expected settings such as \"migrations: [db/migrations]\" at the top level, got \"migrations\"");
  CHECK(error_of("? [a, b]\n: 1\n") == "schemagate.yaml:1:3: a key must be a name, got a list");
}

TEST_CASE("bad values") {
  CHECK(error_of("migrations: []\n") ==
        "schemagate.yaml:1:13: migrations: list at least one directory, or leave the key out to use every usual "
        "location that exists");
  CHECK(error_of("migrations:\n  - db\n  -\n") ==
        "schemagate.yaml:2:3: migrations: entry 2 is empty; expected a directory");
  CHECK(error_of("migrations: [db, \"\"]\n") ==
        "schemagate.yaml:1:18: migrations: expected a directory or {path: DIR, format: NAME}, got \"\"");
  CHECK(error_of("migrations: [db, ./other, db]\n") ==
        "schemagate.yaml:1:27: migrations: \"db\" is listed twice; its migrations would run twice");
  CHECK(error_of("migrations:\n  - format: flyway\n") ==
        "schemagate.yaml:2:5: migrations: an entry written as a mapping needs \"path: DIR\"");
  CHECK(error_of("migrations:\n  - {path: db, format: flywya}\n") ==
        "schemagate.yaml:2:24: migrations.format: unknown migration format \"flywya\" (did you mean \"flyway\"?)");
  CHECK(error_of("migrations:\n  - {path: db, format: liquibase}\n") ==
        "schemagate.yaml:2:24: migrations.format: unknown migration format \"liquibase\" (known formats: "
        "golang-migrate, flyway, dbmate, goose, sqlx, supabase, prisma, drizzle, plain)");
  CHECK(error_of("search_path: \" , \"\n") ==
        "schemagate.yaml:1:14: search_path: name at least one schema, or leave the key out for public");
  CHECK(error_of("search_path: []\n") ==
        "schemagate.yaml:1:14: search_path: name at least one schema, or leave the key out for public");
  CHECK(error_of("include:\n  - \"\"\n") == "schemagate.yaml:2:5: include: expected a glob, got \"\"");
  CHECK(error_of("flyway_table: ''\n") == "schemagate.yaml:1:15: flyway_table: expected a table name, got \"\"");
  CHECK(error_of("database_calls:\n  rust: [query]\n") ==
        "schemagate.yaml:2:3: database_calls.rust: unknown language \"rust\" (known languages: python, javascript, "
        "typescript, go)");
  CHECK(error_of("database_calls:\n  pyhton: [query]\n") ==
        "schemagate.yaml:2:3: database_calls.pyhton: unknown language \"pyhton\" (did you mean \"python\"?)");
  CHECK(error_of("database_calls:\n  go: [\"Query Row\"]\n") ==
        "schemagate.yaml:2:7: database_calls.go: a call name has no spaces, got \"Query Row\"");
}

TEST_CASE("database_url_env names a variable and never echoes a URL") {
  std::string err = error_of("database_url_env: postgres://app:s3cret@db/prod\n");
  CHECK(err ==
        "schemagate.yaml:1:19: database_url_env: expected the name of the environment variable that holds the "
        "database URL (such as DATABASE_URL), not the URL itself");
  CHECK(err.find("s3cret") == std::string::npos);
  CHECK(error_of("database_url_env: 1DB\n").find("not the URL itself") != std::string::npos);
}

TEST_CASE("a key given twice") {
  CHECK(error_of("exclude: [a]\ninclude: [b]\nexclude: [c]\n") ==
        "schemagate.yaml:3:1: exclude: given twice (first on line 1)");
  CHECK(error_of("rules:\n  missing-column: off\n  missing-column: error\n") ==
        "schemagate.yaml:3:3: rules.missing-column: given twice (first on line 2)");
}

TEST_CASE("YAML syntax errors, at their position") {
  CHECK(error_of("migrations: [db\nrules: {}\n") == "schemagate.yaml:2:6: not valid YAML: end of sequence flow not found");
  CHECK(error_of("include: a: b\n") == "schemagate.yaml:1:11: not valid YAML: illegal map value");
  CHECK(error_of("include: *globs\n") == "schemagate.yaml:1:10: not valid YAML: the referenced anchor is not defined");
  CHECK(error_of("migrations: [db]\n---\nrules: {}\n") ==
        "schemagate.yaml:3:1: a second YAML document; schemagate.yaml holds one");
}

TEST_CASE("positions: columns count code points, a byte order mark does not count, CRLF lines") {
  CHECK(error_of("include: [\"données/**\", \"\"]\n") == "schemagate.yaml:1:25: include: expected a glob, got \"\"");
  CHECK(error_of("\xEF\xBB\xBFrules:\n  missing-column: fatal\n") ==
        "schemagate.yaml:2:19: rules.missing-column: severity must be error, warning or off, got \"fatal\"");
  CHECK(error_of("include: [a]\r\nflyway_table: []\r\n") ==
        "schemagate.yaml:2:15: flyway_table: expected a table name, got a list");
}

TEST_CASE("the file name in messages is the one given") {
  Config c;
  std::string err;
  CHECK_FALSE(config::load_config("bogus: 1\n", "ci/schemagate.yaml", known(), &c, &err));
  CHECK(err.rfind("ci/schemagate.yaml:1:1: unknown key \"bogus\"", 0) == 0);
}

TEST_CASE("render_init: what was detected is set, the rest is commented out, and it loads back") {
  Detected d;
  d.migrations = {{"db/migrations", "golang-migrate"}, {"sql/odd dir #1", "plain"}, {"-x", ""}, {"\"q\"\\", "plain"}};
  d.languages = {"python", "typescript"};
  d.tracking_tool = "golang-migrate";
  d.rules = {{"missing-column", RuleSeverity::Error}, {"schema-drift", RuleSeverity::Warning}};
  std::string text = config::render_init(d);

  Loaded r = load(text);
  REQUIRE_MESSAGE(r.ok, (r.err + "\n" + text));
  REQUIRE(r.config.migrations);
  CHECK(*r.config.migrations == std::vector<MigrationDir>{{"db/migrations", std::nullopt},
                                                          {"sql/odd dir #1", std::nullopt},
                                                          {"-x", std::nullopt},
                                                          {"\"q\"\\", std::nullopt}});
  CHECK_FALSE(r.config.search_path);
  CHECK_FALSE(r.config.include);
  CHECK_FALSE(r.config.exclude);
  CHECK(r.config.rules.empty());
  CHECK_FALSE(r.config.database_url_env);
  CHECK_FALSE(r.config.flyway_table);
  CHECK(r.config.database_calls.empty());
  CHECK_FALSE(r.config.deployed_ref);
  CHECK(text.find("  - db/migrations  # golang-migrate\n") != std::string::npos);
  CHECK(text.find("#   missing-column: error\n") != std::string::npos);
  CHECK(text.find("Languages found in this project: python, typescript.") != std::string::npos);

  // Every commented-out setting is valid as written: switching them all on still loads, and sets
  // every key.
  std::string all_on = uncomment_settings(text);
  Loaded on = load(all_on);
  REQUIRE_MESSAGE(on.ok, (on.err + "\n" + all_on));
  CHECK(on.config.search_path == std::vector<std::string>{"public"});
  CHECK(on.config.include == std::vector<std::string>{"src/**"});
  CHECK(on.config.exclude == std::vector<std::string>{"scripts/**", "*_test.go"});
  CHECK(on.config.rules == std::map<std::string, RuleSeverity>{{"missing-column", RuleSeverity::Error},
                                                               {"schema-drift", RuleSeverity::Warning}});
  CHECK(on.config.database_url_env == "DATABASE_URL");
  CHECK(on.config.flyway_table == "flyway_schema_history");
  CHECK(on.config.database_calls == std::map<std::string, std::vector<std::string>>{
                                        {"python", {"run_sql"}}, {"typescript", {"runQuery"}}});
  CHECK(on.config.deployed_ref == "origin/production");
}

TEST_CASE("render_init comments each migration directory and query tool with its evidence") {
  Detected d;
  d.migrations = {{"db/migrations", "golang-migrate", "4 files, 000001_init.up.sql ... 000004_tags.up.sql"}};
  d.query_files = {{"sqlc", {"db/query/a.sql", "db/query/b.sql"}}, {"pgtyped", {"src/books.sql"}}};
  std::string text = config::render_init(d);
  REQUIRE_MESSAGE(load(text).ok, text);
  CHECK(text.find("  - db/migrations  # golang-migrate: 4 files, 000001_init.up.sql ... 000004_tags.up.sql\n") !=
        std::string::npos);
  CHECK(text.find("#   pgtyped: src/books.sql\n#   sqlc: db/query/a.sql and 1 more\n") != std::string::npos);
}

TEST_CASE("render_init comments every line of a stop naming several migrations") {
  Detected d;
  d.no_migrations_reason = "a/V1__x.sql:1:24: migration does not parse: syntax error at or near \"modify\"\n"
                           "a/V2__y.sql:1:66: migration does not parse: syntax error at or near \"after\"";
  std::string text = config::render_init(d);
  REQUIRE_MESSAGE(load(text).ok, text);
  CHECK(text.find("# `schemagate check` stops today with: a/V1__x.sql:1:24: migration does not parse") != std::string::npos);
  CHECK(text.find("\n#   a/V2__y.sql:1:66: migration does not parse") != std::string::npos);
}

TEST_CASE("render_init sets the search path the repository states and lists other engines' sets") {
  Detected d;
  d.migrations = {{"migrations/tenant", "plain", "2 files"}};
  d.search_path = {"media", "public"};
  d.search_path_evidence = "migrations/tenant/0001-schema.sql:13";
  d.other_engines = {{"internal/sqlite/migrations", "SQLite", "SQLite: a directory named for SQLite"}};
  std::string text = config::render_init(d);
  Loaded r = load(text);
  REQUIRE_MESSAGE(r.ok, (r.err + "\n" + text));
  CHECK(*r.config.search_path == std::vector<std::string>{"media", "public"});
  CHECK(text.find("# From: migrations/tenant/0001-schema.sql:13.\nsearch_path: [media, public]\n") != std::string::npos);
  CHECK(text.find("#   internal/sqlite/migrations (SQLite: a directory named for SQLite)\n") != std::string::npos);
}

TEST_CASE("render_init with no migrations says why") {
  Detected d;
  d.no_migrations_reason = "no migrations found under \".\"";
  std::string text = config::render_init(d);
  CHECK(text.find("# `schemagate check` stops today with: no migrations found under \".\"\n"
                  "# Name your migration directories here.\n# migrations:\n") != std::string::npos);
}

TEST_CASE("render_init with nothing detected: loads as an empty configuration") {
  std::string text = config::render_init(Detected{});
  Loaded r = load(text);
  REQUIRE_MESSAGE(r.ok, (r.err + "\n" + text));
  CHECK_FALSE(r.config.migrations);
  CHECK(r.config.rules.empty());
  CHECK(text.find("# No migration directory was found") != std::string::npos);

  Loaded on = load(uncomment_settings(text));
  REQUIRE_MESSAGE(on.ok, (on.err + "\n" + uncomment_settings(text)));
  CHECK(*on.config.migrations == std::vector<MigrationDir>{{"db/migrations", std::nullopt}});
  CHECK(on.config.rules.empty());
  CHECK(on.config.database_calls == std::map<std::string, std::vector<std::string>>{{"python", {"run_sql"}}});
}

TEST_CASE("render_init names Flyway's table when Flyway was detected") {
  Detected d;
  d.migrations = {{"src/main/resources/db/migration", "flyway"}};
  d.tracking_tool = "flyway";
  std::string text = config::render_init(d);
  CHECK(text.find("# Flyway was detected.") != std::string::npos);
  CHECK(load(text).ok);
}
