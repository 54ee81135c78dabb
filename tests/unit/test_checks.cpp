// The checks over one statement: exact rule, message, location, migration and notes.
#include <doctest/doctest.h>

#include "analyzers/checks/check.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/sql/pg_parse.h"

using namespace schemagate;

namespace {

schema::Schema build(const std::vector<std::pair<std::string, std::string>>& migrations) {
  schema::Schema s;
  for (auto& [file, sql] : migrations) {
    schema::MigrationError err;
    REQUIRE_MESSAGE(schema::apply_sql(s, file, sql, {"public"}, nullptr, &err), err.message);
  }
  return s;
}

/// Runs every check on `host`, a file that is only the statement; `current` null means offline.
std::vector<report::Diagnostic> run(const std::string& host, const schema::Schema& eventual,
                                    const schema::Schema* current = nullptr) {
  sql::SqlText text;
  text.append_verbatim(host, 0);
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  REQUIRE(sql::parse(text.text, &stmts, &perr));
  source::LineIndex lines(host);
  std::vector<std::string> path{"public"};
  std::string file = "app.sql";
  std::vector<report::Diagnostic> out;
  for (auto& st : stmts) {
    auto res = sql::resolve_statement(st.node, text.text, eventual, path);
    sql::Resolution now;
    if (current) now = sql::resolve_statement(st.node, text.text, *current, path);
    checks::SiteContext ctx{file, host, lines, text, res, eventual, path, current ? &now : nullptr, current};
    for (auto& c : checks::checks())
      if (c.run) c.run(ctx, c, &out);
  }
  return out;
}

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
