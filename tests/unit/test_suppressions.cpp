// Suppressions: the comment forms in each host language and inside SQL strings, which lines a
// suppression covers, the strict forms (rule and reason required), and the unused-suppression
// and invalid-suppression findings with their exact locations and messages.
#include <doctest/doctest.h>

#include "analyzers/report/suppressions.h"

using namespace schemagate;
using report::Diagnostic;
using report::Suppression;

namespace {

Diagnostic finding(const std::string& file, int line, const std::string& rule = "missing-column") {
  Diagnostic d;
  d.rule = rule;
  d.file = file;
  d.line = line;
  d.column = 5;
  d.relation = "public.llm_results";
  d.column_name = "model_version";
  d.message = "column \"model_version\" of relation \"llm_results\" does not exist (SQLSTATE 42703)";
  return d;
}

struct Outcome {
  std::vector<Diagnostic> kept;
  std::vector<Diagnostic> reported;  // unused-suppression and invalid-suppression
};

Outcome run(const std::string& file, const std::string& text, std::vector<Diagnostic> findings,
            const report::SuppressionRules& rules = {}) {
  std::map<std::string, std::vector<Suppression>> by_file{{file, report::find_suppressions(text)}};
  Outcome o;
  o.kept = std::move(findings);
  report::apply_suppressions(by_file, &o.kept, &o.reported, rules);
  return o;
}

}  // namespace

TEST_CASE("suppressions: Python # on the line of the finding and on the line above") {
  const std::string text =
      "def save(cur):\n"
      "    cur.execute(\"SELECT model_version FROM llm_results\")  # schemagate-ignore: missing-column added by the ops script\n"
      "    # schemagate-ignore: missing-column read only by the 2019 report\n"
      "    cur.execute(\"SELECT model_version FROM llm_results\")\n";
  auto sups = report::find_suppressions(text);
  REQUIRE(sups.size() == 2);
  CHECK(sups[0].scope == Suppression::Scope::Line);
  CHECK(sups[0].rule == "missing-column");
  CHECK(sups[0].reason == "added by the ops script");
  CHECK(sups[0].line == 2);
  CHECK(sups[1].line == 3);
  CHECK(sups[1].reason == "read only by the 2019 report");
  CHECK(sups[0].problem.empty());

  auto o = run("app/save.py", text, {finding("app/save.py", 2), finding("app/save.py", 4)});
  CHECK(o.kept.empty());
  CHECK(o.reported.empty());
}

TEST_CASE("suppressions: JavaScript // above the reference") {
  const std::string text =
      "export async function load(db) {\n"
      "  // schemagate-ignore: missing-relation the reporting view is created by dbt\n"
      "  return db.query('SELECT * FROM report_daily');\n"
      "}\n";
  auto o = run("src/load.js", text, {finding("src/load.js", 3, "missing-relation")});
  CHECK(o.kept.empty());
  CHECK(o.reported.empty());
}

TEST_CASE("suppressions: TypeScript /* */ after the reference, the closing */ is not part of the reason") {
  const std::string text =
      "const rows = await sql`SELECT model_version FROM llm_results`; /* schemagate-ignore: missing-column backfilled by hand */\n";
  auto sups = report::find_suppressions(text);
  REQUIRE(sups.size() == 1);
  CHECK(sups[0].reason == "backfilled by hand");
  auto o = run("src/rows.ts", text, {finding("src/rows.ts", 1)});
  CHECK(o.kept.empty());
  CHECK(o.reported.empty());
}

TEST_CASE("suppressions: Go //") {
  const std::string text =
      "func load(ctx context.Context, db *sql.DB) error {\n"
      "\t// schemagate-ignore: missing-column the column lives in the partner's schema\n"
      "\t_, err := db.ExecContext(ctx, \"UPDATE llm_results SET model_version = $1\", v)\n"
      "\treturn err\n"
      "}\n";
  auto o = run("internal/store.go", text, {finding("internal/store.go", 3)});
  CHECK(o.kept.empty());
  CHECK(o.reported.empty());
}

TEST_CASE("suppressions: SQL -- in a .sql query file") {
  const std::string text =
      "-- schemagate-ignore: missing-column created by the nightly ETL, not by a migration\n"
      "SELECT model_version\n"
      "FROM llm_results;\n";
  auto o = run("queries/report.sql", text, {finding("queries/report.sql", 2)});
  CHECK(o.kept.empty());
  CHECK(o.reported.empty());
}

TEST_CASE("suppressions: a SQL comment inside a multi-line SQL string counts") {
  // The reference is three lines below the call; the comment goes inside the string, above it.
  const std::string text =
      "cur.execute(\"\"\"\n"
      "    INSERT INTO llm_results (tenant_id,\n"
      "        -- schemagate-ignore: missing-column added by migration 0042 in the same release train\n"
      "        model_version)\n"
      "    VALUES (%s, %s)\n"
      "\"\"\", (tenant, version))\n";
  auto sups = report::find_suppressions(text);
  REQUIRE(sups.size() == 1);
  CHECK(sups[0].line == 3);
  CHECK(sups[0].column == 31);
  auto o = run("worker/summarize.py", text, {finding("worker/summarize.py", 4)});
  CHECK(o.kept.empty());
  CHECK(o.reported.empty());

  // The same in a JavaScript template literal, on the line of the reference.
  const std::string js =
      "await db.query(`\n"
      "  SELECT model_version -- schemagate-ignore: missing-column legacy column, read-only\n"
      "  FROM llm_results`);\n";
  auto o2 = run("api/llm.js", js, {finding("api/llm.js", 2)});
  CHECK(o2.kept.empty());
  CHECK(o2.reported.empty());
}

TEST_CASE("suppressions: only the line of the comment and the next one are covered") {
  const std::string text =
      "# schemagate-ignore: missing-column the ops script adds it\n"
      "\n"
      "cur.execute(\"SELECT model_version FROM llm_results\")\n";
  auto o = run("app/a.py", text, {finding("app/a.py", 3)});
  REQUIRE(o.kept.size() == 1);  // two lines below: not covered
  CHECK(o.kept[0].line == 3);
  REQUIRE(o.reported.size() == 1);
  CHECK(o.reported[0].rule == "unused-suppression");
  CHECK(o.reported[0].line == 1);
}

TEST_CASE("suppressions: a suppression of another rule suppresses nothing and is reported") {
  const std::string text =
      "cur.execute(\"SELECT model_version FROM llm_results\")  # schemagate-ignore: missing-relation wrong rule\n";
  auto o = run("app/a.py", text, {finding("app/a.py", 1, "missing-column")});
  REQUIRE(o.kept.size() == 1);
  CHECK(o.kept[0].rule == "missing-column");
  REQUIRE(o.reported.size() == 1);
  CHECK(o.reported[0].message == "suppression of \"missing-relation\" matches no finding on this line or the next: remove it");
}

TEST_CASE("suppressions: a suppression in another file does not apply") {
  std::map<std::string, std::vector<Suppression>> by_file{
      {"app/a.py", report::find_suppressions("# schemagate-ignore: missing-column legacy\nx = 1\n")}};
  std::vector<Diagnostic> ds{finding("app/b.py", 2)};
  std::vector<Diagnostic> reported;
  report::apply_suppressions(by_file, &ds, &reported);
  CHECK(ds.size() == 1);
  REQUIRE(reported.size() == 1);
  CHECK(reported[0].file == "app/a.py");
}

TEST_CASE("suppressions: unused-suppression, exact location and message") {
  const std::string text =
      "import psycopg\n"
      "\n"
      "def f(cur):\n"
      "    cur.execute(\"SELECT 1\")  # schemagate-ignore: missing-column the column was renamed\n";
  auto o = run("app/f.py", text, {});
  REQUIRE(o.reported.size() == 1);
  const Diagnostic& d = o.reported[0];
  CHECK(d.rule == "unused-suppression");
  CHECK(d.severity == report::Severity::Warning);
  CHECK(d.file == "app/f.py");
  CHECK(d.line == 4);
  CHECK(d.column == 51);  // the rule name
  CHECK(d.width == 14);   // "missing-column"
  CHECK(d.source_line == "    cur.execute(\"SELECT 1\")  # schemagate-ignore: missing-column the column was renamed");
  CHECK(d.message == "suppression of \"missing-column\" matches no finding on this line or the next: remove it");
  CHECK(!d.help.empty());
  CHECK(!d.column_name);
  CHECK(d.relation.empty());
}

TEST_CASE("suppressions: columns count code points, not bytes") {
  const std::string text = "x = 1  # café: schemagate-ignore: missing-column légacy\n";
  auto sups = report::find_suppressions(text);
  REQUIRE(sups.size() == 1);
  CHECK(sups[0].column == 35);
  CHECK(sups[0].reason == "légacy");
}

TEST_CASE("suppressions: the file-level form covers its rule anywhere in the file, and only that rule") {
  const std::string text =
      "// This module only runs against the analytics database.\n"
      "// schemagate-ignore-file: missing-relation analytics tables are created by dbt\n"
      "export const a = () => db.query('SELECT * FROM daily_rollup');\n"
      "export const b = () => db.query('SELECT * FROM weekly_rollup');\n"
      "export const c = () => db.query('SELECT nope FROM users');\n";
  auto sups = report::find_suppressions(text);
  REQUIRE(sups.size() == 1);
  CHECK(sups[0].scope == Suppression::Scope::File);
  CHECK(sups[0].rule == "missing-relation");
  CHECK(sups[0].reason == "analytics tables are created by dbt");
  auto o = run("src/analytics.ts", text,
               {finding("src/analytics.ts", 3, "missing-relation"), finding("src/analytics.ts", 4, "missing-relation"),
                finding("src/analytics.ts", 5, "missing-column")});
  REQUIRE(o.kept.size() == 1);
  CHECK(o.kept[0].rule == "missing-column");
  CHECK(o.reported.empty());

  // With nothing to cover it is reported, at the rule name.
  auto unused = run("src/analytics.ts", text, {finding("src/analytics.ts", 5, "missing-column")});
  REQUIRE(unused.reported.size() == 1);
  CHECK(unused.reported[0].line == 2);
  CHECK(unused.reported[0].column == 28);
  CHECK(unused.reported[0].message ==
        "file-level suppression of \"missing-relation\" matches no finding in this file: remove it");
}

TEST_CASE("suppressions: the file-level form in a block comment, on a line that starts with *") {
  const std::string text =
      "/*\n"
      " * Reporting queries.\n"
      " * schemagate-ignore-file: missing-relation views created by the BI team\n"
      " */\n"
      "SELECT * FROM bi_revenue;\n";
  auto sups = report::find_suppressions(text);
  REQUIRE(sups.size() == 1);
  CHECK(sups[0].scope == Suppression::Scope::File);
  CHECK(sups[0].line == 3);
}

TEST_CASE("suppressions: several rules in one comment, each used or reported on its own") {
  const std::string text =
      "# schemagate-ignore: missing-relation, missing-column the whole statement is legacy\n"
      "cur.execute(\"SELECT model_version FROM old_results\")\n";
  auto sups = report::find_suppressions(text);
  REQUIRE(sups.size() == 2);
  CHECK(sups[0].rule == "missing-relation");
  CHECK(sups[1].rule == "missing-column");
  CHECK(sups[1].reason == "the whole statement is legacy");
  auto o = run("app/a.py", text, {finding("app/a.py", 2, "missing-relation")});
  CHECK(o.kept.empty());
  REQUIRE(o.reported.size() == 1);
  CHECK(o.reported[0].column == 40);  // "missing-column"
  CHECK(o.reported[0].message == "suppression of \"missing-column\" matches no finding on this line or the next: remove it");
}

TEST_CASE("suppressions: strict forms; a malformed one suppresses nothing and is invalid-suppression") {
  SUBCASE("no reason") {
    const std::string text = "cur.execute(\"SELECT model_version FROM t\")  # schemagate-ignore: missing-column\n";
    auto o = run("app/a.py", text, {finding("app/a.py", 1)});
    CHECK(o.kept.size() == 1);  // the finding stays
    REQUIRE(o.reported.size() == 1);
    CHECK(o.reported[0].rule == "invalid-suppression");
    CHECK(o.reported[0].severity == report::Severity::Warning);
    CHECK(o.reported[0].line == 1);
    CHECK(o.reported[0].column == 66);
    CHECK(o.reported[0].message ==
          "suppression of \"missing-column\" gives no reason, so it suppresses nothing: after the rule, say why the "
          "finding is safe");
  }
  SUBCASE("no rule, and no \"all\" either") {
    auto o = run("app/a.py", "x = 1  # schemagate-ignore:\n", {});
    REQUIRE(o.reported.size() == 1);
    CHECK(o.reported[0].rule == "invalid-suppression");
    CHECK(o.reported[0].column == 10);
    CHECK(o.reported[0].width == 17);
    CHECK(o.reported[0].message.find("names no rule") != std::string::npos);

    // "all" is taken as a rule name; with the catalogue it is an unknown rule.
    report::SuppressionRules rules;
    rules.known = {"missing-column", "missing-relation"};
    auto all = run("app/a.py", "x = 1  # schemagate-ignore: all I know what I am doing\n", {finding("app/a.py", 1)}, rules);
    CHECK(all.kept.size() == 1);
    REQUIRE(all.reported.size() == 1);
    CHECK(all.reported[0].rule == "invalid-suppression");
    CHECK(all.reported[0].message == "suppression of \"all\" suppresses nothing: schemagate has no rule of that name");
    CHECK(all.reported[0].help == "the rules are: missing-column, missing-relation");
  }
  SUBCASE("no colon (squawk's spelling)") {
    auto o = run("q.sql", "-- schemagate-ignore missing-column legacy\nSELECT model_version FROM t;\n", {finding("q.sql", 2)});
    CHECK(o.kept.size() == 1);
    REQUIRE(o.reported.size() == 1);
    CHECK(o.reported[0].message ==
          "\"schemagate-ignore\" without a colon suppresses nothing: write \"schemagate-ignore: <rule> <reason>\"");
    CHECK(o.reported[0].column == 4);
  }
  SUBCASE("an unknown form") {
    auto o = run("a.js", "// schemagate-ignore-next-line: missing-column legacy\nq('SELECT model_version FROM t')\n",
                 {finding("a.js", 2)});
    CHECK(o.kept.size() == 1);
    REQUIRE(o.reported.size() == 1);
    CHECK(o.reported[0].rule == "invalid-suppression");
    CHECK(o.reported[0].message.rfind("\"schemagate-ignore-next-line\" is not a suppression", 0) == 0);
  }
  SUBCASE("the suppression rules themselves cannot be suppressed") {
    auto o = run("a.py", "# schemagate-ignore: unused-suppression keep it\n", {});
    REQUIRE(o.reported.size() == 1);
    CHECK(o.reported[0].rule == "invalid-suppression");
  }
}

TEST_CASE("suppressions: text that is not a comment is not a suppression") {
  CHECK(report::find_suppressions("msg = \"schemagate-ignore: missing-column x\"\n").empty());
  CHECK(report::find_suppressions("# docs mention schemagate-ignored findings\n").empty());
  CHECK(report::find_suppressions("# see my-schemagate-ignore: x y\n").empty());
  CHECK(report::find_suppressions("SELECT 1;\n").empty());
}

TEST_CASE("suppressions: a rule that did not run leaves its suppressions alone") {
  // Offline, pending-migration does not run: its suppression is neither used nor reported.
  const std::string text = "# schemagate-ignore: pending-migration deployed with the migration in one step\nq()\n";
  report::SuppressionRules rules;
  rules.known = {"missing-column", "pending-migration"};
  rules.ran = std::set<std::string>{"missing-column"};
  auto offline = run("a.py", text, {}, rules);
  CHECK(offline.reported.empty());
  rules.ran->insert("pending-migration");
  auto live = run("a.py", text, {}, rules);
  REQUIRE(live.reported.size() == 1);
  CHECK(live.reported[0].rule == "unused-suppression");
}

TEST_CASE("suppressions: findings keep their order; reported suppressions are sorted") {
  std::map<std::string, std::vector<Suppression>> by_file{
      {"b.py", report::find_suppressions("x\n# schemagate-ignore: missing-column r\n")},
      {"a.py", report::find_suppressions("# schemagate-ignore: missing-column r\n# schemagate-ignore: missing-relation r\n")}};
  std::vector<Diagnostic> ds{finding("a.py", 9), finding("a.py", 7), finding("c.py", 1)};
  std::vector<Diagnostic> reported;
  report::apply_suppressions(by_file, &ds, &reported);
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].line == 9);
  CHECK(ds[1].line == 7);
  REQUIRE(reported.size() == 3);
  CHECK(reported[0].file == "a.py");
  CHECK(reported[0].line == 1);
  CHECK(reported[1].line == 2);
  CHECK(reported[2].file == "b.py");
}
