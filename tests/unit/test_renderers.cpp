// The machine formats (sarif, github, junit, gitlab) over one fixed set of three findings:
// exact output, the SARIF 2.1.0 structure field by field, and each format's escaping.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "analyzers/report/fingerprint.h"
#include "analyzers/report/renderer.h"

using namespace schemagate;
using report::Diagnostic;
using report::Severity;

namespace {

std::vector<Diagnostic> findings() {
  std::vector<Diagnostic> out;
  Diagnostic a;
  a.rule = "missing-column";
  a.severity = Severity::Error;
  a.message = "column \"model_version\" of relation \"llm_results\" does not exist (SQLSTATE 42703): no migration adds it";
  a.file = "app/worker.py";
  a.line = 6;
  a.column = 61;
  a.width = 13;
  a.source_line = "        INSERT INTO llm_results (tenant_id, prompt, output, model_version)";
  a.relation = "public.llm_results";
  a.column_name = "model_version";
  a.help = "add a migration with ALTER TABLE llm_results ADD COLUMN model_version ... and apply it before deploying this code";
  out.push_back(a);

  Diagnostic b;
  b.rule = "unused-suppression";
  b.severity = Severity::Warning;
  b.message = "schemagate-ignore: missing-relation suppresses nothing";
  b.file = "app/worker.py";
  b.line = 11;
  b.column = 7;
  b.width = 17;
  b.help = "remove the comment";
  out.push_back(b);

  Diagnostic c;
  c.rule = "pending-migration";
  c.severity = Severity::Error;
  c.message = "relation \"invoices\" is created by migrations/0007_invoices.sql, which the database has not applied";
  c.file = "src/db/queries.ts";
  c.line = 42;
  c.column = 19;
  c.width = 8;
  c.relation = "public.invoices";
  c.migration = "migrations/0007_invoices.sql";
  c.notes.push_back({"migrations/0007_invoices.sql", 3, "created here"});
  c.help = "apply migrations/0007_invoices.sql to the database first, then deploy";
  out.push_back(c);
  return out;
}

report::RenderOptions options() {
  report::RenderOptions o;
  o.rules = {
      {"missing-relation", Severity::Error,
       "The code uses a table or view that no migration creates (SQLSTATE 42P01 in production).", ""},
      {"missing-column", Severity::Error,
       "The code uses a column that no migration adds (SQLSTATE 42703 in production).", ""},
      {"pending-migration", Severity::Error,
       "The code uses a relation or column that only a migration not yet applied to the database creates.", ""},
      {"unused-suppression", Severity::Warning, "A schemagate-ignore comment that suppresses nothing.",
       "A schemagate-ignore comment names a rule that reports nothing on its line; remove it."},
  };
  o.files = {"app/clean.py", "app/worker.py", "src/db/queries.ts"};
  return o;
}

std::string render(std::string_view format, const std::vector<Diagnostic>& ds, const report::RenderOptions& o) {
  auto* r = report::find_renderer(format);
  REQUIRE(r != nullptr);
  return r->render(ds, report::Summary{}, o);
}

}  // namespace

TEST_CASE("renderers: the table has every format") {
  for (auto f : {"text", "json", "sarif", "github", "junit", "gitlab"}) CHECK(report::find_renderer(f) != nullptr);
}

TEST_CASE("renderers: fingerprints are FNV-1a over rule, relation, column and file, not the line") {
  CHECK(report::fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(report::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  auto ds = findings();
  auto before = report::finding_fingerprints(ds);
  REQUIRE(before.size() == 3);
  CHECK(before[0] == "2a3581d2dc4e56d9");  // "missing-column\x1fpublic.llm_results\x1fmodel_version\x1fapp/worker.py"
  for (auto& d : ds) d.line += 5;           // lines added above every finding
  CHECK(report::finding_fingerprints(ds) == before);
  // A second finding with the same key in the same file gets its own fingerprint.
  ds.push_back(ds[0]);
  ds.back().line = 30;
  auto repeated = report::finding_fingerprints(ds);
  CHECK(repeated[3] != repeated[0]);
  CHECK(repeated[3].size() == 16);
}

TEST_CASE("renderers: sarif golden") {
  const std::string expected = R"GOLDEN({
  "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "schemagate",
          "version": ")GOLDEN" SCHEMAGATE_VERSION R"GOLDEN(",
          "informationUri": "https://github.com/schemagate/schemagate",
          "rules": [
            {
              "id": "missing-relation",
              "name": "MissingRelation",
              "shortDescription": {
                "text": "The code uses a table or view that no migration creates (SQLSTATE 42P01 in production)."
              },
              "fullDescription": {
                "text": "The code uses a table or view that no migration creates (SQLSTATE 42P01 in production)."
              },
              "helpUri": "https://github.com/schemagate/schemagate/blob/main/docs/rules/missing-relation.md",
              "help": {
                "text": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/missing-relation.md or run `schemagate explain missing-relation`.",
                "markdown": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/missing-relation.md or run `schemagate explain missing-relation`."
              },
              "defaultConfiguration": {
                "level": "error"
              }
            },
            {
              "id": "missing-column",
              "name": "MissingColumn",
              "shortDescription": {
                "text": "The code uses a column that no migration adds (SQLSTATE 42703 in production)."
              },
              "fullDescription": {
                "text": "The code uses a column that no migration adds (SQLSTATE 42703 in production)."
              },
              "helpUri": "https://github.com/schemagate/schemagate/blob/main/docs/rules/missing-column.md",
              "help": {
                "text": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/missing-column.md or run `schemagate explain missing-column`.",
                "markdown": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/missing-column.md or run `schemagate explain missing-column`."
              },
              "defaultConfiguration": {
                "level": "error"
              }
            },
            {
              "id": "pending-migration",
              "name": "PendingMigration",
              "shortDescription": {
                "text": "The code uses a relation or column that only a migration not yet applied to the database creates."
              },
              "fullDescription": {
                "text": "The code uses a relation or column that only a migration not yet applied to the database creates."
              },
              "helpUri": "https://github.com/schemagate/schemagate/blob/main/docs/rules/pending-migration.md",
              "help": {
                "text": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/pending-migration.md or run `schemagate explain pending-migration`.",
                "markdown": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/pending-migration.md or run `schemagate explain pending-migration`."
              },
              "defaultConfiguration": {
                "level": "error"
              }
            },
            {
              "id": "unused-suppression",
              "name": "UnusedSuppression",
              "shortDescription": {
                "text": "A schemagate-ignore comment that suppresses nothing."
              },
              "fullDescription": {
                "text": "A schemagate-ignore comment names a rule that reports nothing on its line; remove it."
              },
              "helpUri": "https://github.com/schemagate/schemagate/blob/main/docs/rules/unused-suppression.md",
              "help": {
                "text": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/unused-suppression.md or run `schemagate explain unused-suppression`.",
                "markdown": "See https://github.com/schemagate/schemagate/blob/main/docs/rules/unused-suppression.md or run `schemagate explain unused-suppression`."
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "missing-column",
          "ruleIndex": 1,
          "level": "error",
          "message": {
            "text": "column \"model_version\" of relation \"llm_results\" does not exist (SQLSTATE 42703): no migration adds it\nHelp: add a migration with ALTER TABLE llm_results ADD COLUMN model_version ... and apply it before deploying this code"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "app/worker.py",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 6,
                  "startColumn": 61,
                  "endColumn": 74
                }
              }
            }
          ],
          "partialFingerprints": {
            "schemagate/v1": "2a3581d2dc4e56d9"
          }
        },
        {
          "ruleId": "unused-suppression",
          "ruleIndex": 3,
          "level": "warning",
          "message": {
            "text": "schemagate-ignore: missing-relation suppresses nothing\nHelp: remove the comment"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "app/worker.py",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 11,
                  "startColumn": 7,
                  "endColumn": 24
                }
              }
            }
          ],
          "partialFingerprints": {
            "schemagate/v1": "ae7a6982fa4ba05b"
          }
        },
        {
          "ruleId": "pending-migration",
          "ruleIndex": 2,
          "level": "error",
          "message": {
            "text": "relation \"invoices\" is created by migrations/0007_invoices.sql, which the database has not applied\nHelp: apply migrations/0007_invoices.sql to the database first, then deploy"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "src/db/queries.ts",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 42,
                  "startColumn": 19,
                  "endColumn": 27
                }
              }
            }
          ],
          "relatedLocations": [
            {
              "id": 1,
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "migrations/0007_invoices.sql",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 3
                }
              },
              "message": {
                "text": "created here"
              }
            }
          ],
          "partialFingerprints": {
            "schemagate/v1": "9d04f4c4da8b64ca"
          }
        }
      ]
    }
  ]
}
)GOLDEN";
  CHECK(render("sarif", findings(), options()) == expected);
}

TEST_CASE("renderers: sarif has the structure SARIF 2.1.0 requires") {
  auto log = nlohmann::json::parse(render("sarif", findings(), options()));
  // sarifLog: version and runs are required; $schema names the schema.
  CHECK(log.at("version") == "2.1.0");
  CHECK(log.at("$schema").get<std::string>().find("sarif-schema-2.1.0.json") != std::string::npos);
  REQUIRE(log.at("runs").is_array());
  REQUIRE(log["runs"].size() == 1);
  auto& run = log["runs"][0];
  // run: tool is required; tool.driver is a toolComponent whose name is required.
  auto& driver = run.at("tool").at("driver");
  CHECK(driver.at("name") == "schemagate");
  CHECK(driver.at("version") == SCHEMAGATE_VERSION);
  CHECK(driver.at("informationUri").get<std::string>().rfind("https://", 0) == 0);
  CHECK(run.at("columnKind") == "unicodeCodePoints");
  // reportingDescriptor: id is required; the rest is what code scanning shows.
  auto& rules = driver.at("rules");
  REQUIRE(rules.is_array());
  REQUIRE(rules.size() == 4);
  for (auto& rule : rules) {
    CHECK(rule.at("id").is_string());
    CHECK(rule.at("name").is_string());
    CHECK(!rule.at("shortDescription").at("text").get<std::string>().empty());
    CHECK(!rule.at("fullDescription").at("text").get<std::string>().empty());
    CHECK(rule.at("helpUri") == "https://github.com/schemagate/schemagate/blob/main/docs/rules/" +
                                    rule["id"].get<std::string>() + ".md");
    auto level = rule.at("defaultConfiguration").at("level").get<std::string>();
    CHECK((level == "error" || level == "warning" || level == "note"));
  }
  // result: message is required, with text; ruleIndex points at the rule named by ruleId.
  auto& results = run.at("results");
  REQUIRE(results.size() == 3);
  auto ds = findings();
  for (size_t i = 0; i < results.size(); ++i) {
    auto& r = results[i];
    CAPTURE(i);
    CHECK(r.at("ruleId") == ds[i].rule);
    size_t index = r.at("ruleIndex").get<size_t>();
    REQUIRE(index < rules.size());
    CHECK(rules[index]["id"] == r["ruleId"]);
    CHECK(r.at("level") == report::severity_name(ds[i].severity));
    CHECK(r.at("message").at("text").get<std::string>().rfind(ds[i].message, 0) == 0);
    REQUIRE(r.at("locations").size() == 1);
    auto& phys = r["locations"][0].at("physicalLocation");
    auto uri = phys.at("artifactLocation").at("uri").get<std::string>();
    CHECK(uri == ds[i].file);
    CHECK(uri.find('\\') == std::string::npos);
    CHECK(uri.find(':') == std::string::npos);  // relative: no scheme
    CHECK(phys["artifactLocation"].at("uriBaseId") == "%SRCROOT%");
    auto& region = phys.at("region");
    CHECK(region.at("startLine") == ds[i].line);
    CHECK(region.at("startColumn") == ds[i].column);
    CHECK(region.at("endColumn") == ds[i].column + ds[i].width);
    CHECK(r.at("partialFingerprints").at("schemagate/v1").get<std::string>().size() == 16);
  }
  CHECK(rules[results[0]["ruleIndex"].get<size_t>()]["id"] == "missing-column");
  CHECK(results[1]["ruleIndex"] == 3);
  CHECK(results[2]["ruleIndex"] == 2);
  // Notes with a place become related locations.
  auto& related = results[2].at("relatedLocations");
  REQUIRE(related.size() == 1);
  CHECK(related[0].at("physicalLocation").at("artifactLocation").at("uri") == "migrations/0007_invoices.sql");
  CHECK(related[0]["physicalLocation"].at("region").at("startLine") == 3);
  CHECK(related[0].at("message").at("text") == "created here");
  CHECK(!results[0].contains("relatedLocations"));
}

TEST_CASE("renderers: sarif describes rules missing from the catalogue and encodes paths as URIs") {
  Diagnostic d;
  d.rule = "brand-new-rule";
  d.severity = Severity::Note;
  d.message = "m";
  d.file = "dir with space/caf\xc3\xa9#1.py";
  d.line = 2;
  d.column = 3;
  d.width = 0;
  d.notes.push_back({"", 0, "a note without a place"});
  report::RenderOptions o;
  o.rules = {{"missing-column", Severity::Error, "s", ""}};
  auto log = nlohmann::json::parse(render("sarif", {d}, o));
  auto& rules = log["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[1]["id"] == "brand-new-rule");
  CHECK(rules[1]["name"] == "BrandNewRule");
  CHECK(rules[1]["shortDescription"]["text"] == "brand-new-rule");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "note");
  auto& r = log["runs"][0]["results"][0];
  CHECK(r["ruleIndex"] == 1);
  CHECK(r["level"] == "note");
  CHECK(r["message"]["text"] == "m\nNote: a note without a place");
  CHECK(!r.contains("relatedLocations"));
  auto& loc = r["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "dir%20with%20space/caf%C3%A9%231.py");
  CHECK(!loc["region"].contains("endColumn"));
  // No findings: still one run with the rules, and an empty results array.
  auto empty = nlohmann::json::parse(render("sarif", {}, options()));
  CHECK(empty["runs"][0]["results"].is_array());
  CHECK(empty["runs"][0]["results"].empty());
  CHECK(empty["runs"][0]["tool"]["driver"]["rules"].size() == 4);
}

TEST_CASE("renderers: github golden") {
  const std::string expected = R"GOLDEN(::error file=app/worker.py,line=6,col=61,title=schemagate missing-column::column "model_version" of relation "llm_results" does not exist (SQLSTATE 42703): no migration adds it%0Ahelp: add a migration with ALTER TABLE llm_results ADD COLUMN model_version ... and apply it before deploying this code
::warning file=app/worker.py,line=11,col=7,title=schemagate unused-suppression::schemagate-ignore: missing-relation suppresses nothing%0Ahelp: remove the comment
::error file=src/db/queries.ts,line=42,col=19,title=schemagate pending-migration::relation "invoices" is created by migrations/0007_invoices.sql, which the database has not applied%0Anote: migrations/0007_invoices.sql:3: created here%0Ahelp: apply migrations/0007_invoices.sql to the database first, then deploy
)GOLDEN";
  CHECK(render("github", findings(), options()) == expected);
  CHECK(report::github_annotations(findings()) == expected);
}

TEST_CASE("renderers: github escapes data and properties the way the runner reads them") {
  Diagnostic d;
  d.rule = "missing-column";
  d.message = "100% broken\r\nsecond line: a, b";
  d.file = "odd:dir/a,b%.py";
  d.line = 3;
  d.column = 4;
  CHECK(report::github_annotations({d}) ==
        "::error file=odd%3Adir/a%2Cb%25.py,line=3,col=4,title=schemagate missing-column::"
        "100%25 broken%0D%0Asecond line: a, b\n");
  d.severity = Severity::Note;
  d.file = "";
  d.notes.push_back({"", 0, "n"});
  CHECK(report::github_annotations({d}) ==
        "::notice title=schemagate missing-column::100%25 broken%0D%0Asecond line: a, b%0Anote: n\n");
  CHECK(report::github_annotations({}).empty());
}

TEST_CASE("renderers: junit golden") {
  const std::string expected = R"GOLDEN(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="schemagate" tests="3" failures="2" errors="0" time="1.250">
  <testsuite name="schemagate" tests="3" failures="2" errors="0" time="1.250" skipped="0">
    <testcase classname="schemagate" name="app/clean.py"/>
    <testcase classname="schemagate" name="app/worker.py">
      <failure type="missing-column" message="column &quot;model_version&quot; of relation &quot;llm_results&quot; does not exist (SQLSTATE 42703): no migration adds it">app/worker.py:6:61: error[missing-column]: column "model_version" of relation "llm_results" does not exist (SQLSTATE 42703): no migration adds it
   = help: add a migration with ALTER TABLE llm_results ADD COLUMN model_version ... and apply it before deploying this code
</failure>
      <failure type="unused-suppression" message="schemagate-ignore: missing-relation suppresses nothing">app/worker.py:11:7: warning[unused-suppression]: schemagate-ignore: missing-relation suppresses nothing
   = help: remove the comment
</failure>
    </testcase>
    <testcase classname="schemagate" name="src/db/queries.ts">
      <failure type="pending-migration" message="relation &quot;invoices&quot; is created by migrations/0007_invoices.sql, which the database has not applied">src/db/queries.ts:42:19: error[pending-migration]: relation "invoices" is created by migrations/0007_invoices.sql, which the database has not applied
   = note: migrations/0007_invoices.sql:3: created here
   = help: apply migrations/0007_invoices.sql to the database first, then deploy
</failure>
    </testcase>
  </testsuite>
</testsuites>
)GOLDEN";
  report::RenderOptions o = options();
  o.elapsed_seconds = 1.25;
  CHECK(render("junit", findings(), o) == expected);
}

TEST_CASE("renderers: junit escapes XML and counts test cases") {
  Diagnostic d;
  d.rule = "missing-column";
  d.message = "a < b & \"c\" 'd' > e\x01";
  d.file = "x&y<z>.py";
  d.line = 1;
  d.column = 1;
  report::RenderOptions o;
  o.files = {"a.py"};
  std::string out = render("junit", {d}, o);
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"schemagate\" tests=\"2\" failures=\"1\" errors=\"0\" time=\"0.000\">\n"
        "  <testsuite name=\"schemagate\" tests=\"2\" failures=\"1\" errors=\"0\" time=\"0.000\" skipped=\"0\">\n"
        "    <testcase classname=\"schemagate\" name=\"a.py\"/>\n"
        "    <testcase classname=\"schemagate\" name=\"x&amp;y&lt;z&gt;.py\">\n"
        "      <failure type=\"missing-column\" message=\"a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e\xEF\xBF\xBD\">"
        "x&amp;y&lt;z&gt;.py:1:1: error[missing-column]: a &lt; b &amp; \"c\" 'd' &gt; e\xEF\xBF\xBD\n"
        "</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
  // A newline in an attribute survives as a reference.
  d.message = "one\ntwo";
  CHECK(render("junit", {d}, o).find("message=\"one&#10;two\"") != std::string::npos);
  // Nothing scanned, nothing found: an empty suite.
  CHECK(render("junit", {}, report::RenderOptions{}).find("tests=\"0\" failures=\"0\"") != std::string::npos);
}

TEST_CASE("renderers: gitlab golden") {
  const std::string expected = R"GOLDEN([
  {
    "description": "column \"model_version\" of relation \"llm_results\" does not exist (SQLSTATE 42703): no migration adds it",
    "check_name": "missing-column",
    "fingerprint": "2a3581d2dc4e56d9",
    "severity": "critical",
    "location": {
      "path": "app/worker.py",
      "lines": {
        "begin": 6
      }
    }
  },
  {
    "description": "schemagate-ignore: missing-relation suppresses nothing",
    "check_name": "unused-suppression",
    "fingerprint": "ae7a6982fa4ba05b",
    "severity": "minor",
    "location": {
      "path": "app/worker.py",
      "lines": {
        "begin": 11
      }
    }
  },
  {
    "description": "relation \"invoices\" is created by migrations/0007_invoices.sql, which the database has not applied",
    "check_name": "pending-migration",
    "fingerprint": "9d04f4c4da8b64ca",
    "severity": "critical",
    "location": {
      "path": "src/db/queries.ts",
      "lines": {
        "begin": 42
      }
    }
  }
]
)GOLDEN";
  CHECK(render("gitlab", findings(), options()) == expected);
}

TEST_CASE("renderers: gitlab severities, fingerprints and an empty report") {
  auto ds = findings();
  ds[1].severity = Severity::Note;
  auto report_json = nlohmann::json::parse(render("gitlab", ds, options()));
  REQUIRE(report_json.size() == 3);
  CHECK(report_json[0]["severity"] == "critical");
  CHECK(report_json[1]["severity"] == "info");
  // The fingerprint is the one sarif gives the same finding.
  auto sarif = nlohmann::json::parse(render("sarif", ds, options()));
  for (size_t i = 0; i < 3; ++i)
    CHECK(report_json[i]["fingerprint"] == sarif["runs"][0]["results"][i]["partialFingerprints"]["schemagate/v1"]);
  CHECK(render("gitlab", {}, options()) == "[]\n");
}

TEST_CASE("renderers: text ends each finding with its rule's page, when there is one") {
  report::RenderOptions o = options();
  o.quiet = true;
  o.has_rule_page = [](std::string_view rule) { return rule == "missing-column" || rule == "pending-migration"; };
  std::string out = render("text", findings(), o);
  CHECK(out.find("   = help: add a migration with ALTER TABLE llm_results ADD COLUMN model_version ... and apply it "
                 "before deploying this code\n   = docs: schemagate explain missing-column\n\n") != std::string::npos);
  CHECK(out.find("   = help: apply migrations/0007_invoices.sql to the database first, then deploy\n"
                 "   = docs: schemagate explain pending-migration\n\n") != std::string::npos);
  CHECK(out.find("explain unused-suppression") == std::string::npos);  // no page: no pointer
  o.has_rule_page = nullptr;
  CHECK(render("text", findings(), o).find("= docs:") == std::string::npos);
}

TEST_CASE("renderers: json notes: a place, or null file and line for a note without one") {
  std::vector<Diagnostic> ds = findings();
  ds[0].notes.push_back({"", 0, "every query of the model selects it"});
  nlohmann::json j = nlohmann::json::parse(render("json", ds, options()));
  const nlohmann::json* with = nullptr;
  for (auto& f : j["findings"])
    if (f["rule"] == ds[0].rule && f["file"] == ds[0].file && f["line"] == ds[0].line) with = &f;
  REQUIRE(with);
  const nlohmann::json& notes = (*with)["notes"];
  REQUIRE(notes.size() == ds[0].notes.size());
  CHECK(notes.back() == nlohmann::json{{"file", nullptr}, {"line", nullptr}, {"message", "every query of the model selects it"}});
  for (auto& f : j["findings"])
    for (auto& n : f["notes"])
      if (!n["file"].is_null()) CHECK(n["line"].is_number_integer());
}
