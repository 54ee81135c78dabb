// The baseline: fingerprints that survive edits above a finding and in the layout of its
// statement, new findings reported, fixed ones listed as gone, counting repeats, and a file that
// cannot be read.
#include <doctest/doctest.h>

#include "analyzers/report/baseline.h"
#include "analyzers/report/fingerprint.h"

using namespace schemagate;
using report::Diagnostic;

namespace {

Diagnostic missing_column(const std::string& file, int line, const std::string& column,
                          const std::string& statement = "INSERT INTO llm_results (tenant_id, model_version) VALUES ($1, $2)") {
  Diagnostic d;
  d.rule = "missing-column";
  d.file = file;
  d.line = line;
  d.column = 40;
  d.relation = "public.llm_results";
  d.column_name = column;
  d.message = "column \"" + column + "\" of relation \"llm_results\" does not exist (SQLSTATE 42703): no migration adds it";
  d.fingerprint_text = statement;
  return d;
}

report::Baseline round_trip(const std::vector<Diagnostic>& ds) {
  report::Baseline b;
  std::string err;
  REQUIRE(report::read_baseline(report::write_baseline(ds), &b, &err));
  CHECK(err.empty());
  return b;
}

}  // namespace

TEST_CASE("baseline: statement text is normalised: whitespace and comments do not matter, literals do") {
  CHECK(report::normalize_statement_text("  SELECT a,\n\t b   FROM t  ") == "SELECT a, b FROM t");
  CHECK(report::normalize_statement_text("SELECT a -- schemagate-ignore: x y\nFROM t") == "SELECT a FROM t");
  CHECK(report::normalize_statement_text("SELECT /* a /* nested */ comment */ a FROM t") == "SELECT a FROM t");
  CHECK(report::normalize_statement_text("SELECT '-- not a comment', \"/*x*/\" FROM t") ==
        "SELECT '-- not a comment', \"/*x*/\" FROM t");
  CHECK(report::normalize_statement_text("SELECT 'it''s -- here' FROM t") == "SELECT 'it''s -- here' FROM t");
  CHECK(report::normalize_statement_text("SELECT $q$ -- kept $q$, $1 FROM t") == "SELECT $q$ -- kept $q$, $1 FROM t");
  CHECK(report::normalize_statement_text("") == "");
}

TEST_CASE("baseline: fingerprints do not depend on the line, column or layout of the statement") {
  Diagnostic before = missing_column("worker/summarize.py", 15, "model_version");
  Diagnostic after = before;
  after.line = 22;  // seven lines added above the finding
  after.column = 12;
  after.source_line = "changed";
  after.fingerprint_text = "INSERT INTO llm_results\n    (tenant_id, model_version)\n    VALUES ($1, $2)";
  CHECK(report::finding_fingerprint(before) == report::finding_fingerprint(after));
  CHECK(report::write_baseline({before}) == report::write_baseline({after}));

  // Another statement, another column, another file, another rule: another fingerprint.
  Diagnostic other_statement = before;
  other_statement.fingerprint_text = "UPDATE llm_results SET model_version = $1";
  Diagnostic other_column = missing_column("worker/summarize.py", 15, "provider");
  Diagnostic other_file = missing_column("worker/other.py", 15, "model_version");
  Diagnostic other_rule = before;
  other_rule.rule = "pending-migration";
  for (auto* d : {&other_statement, &other_column, &other_file, &other_rule})
    CHECK(report::finding_fingerprint(*d) != report::finding_fingerprint(before));
}

TEST_CASE("baseline: without statement text the fingerprint is the renderers' one") {
  Diagnostic d = missing_column("app/worker.py", 6, "model_version", "");
  CHECK(report::finding_fingerprint(d) == "2a3581d2dc4e56d9");  // as in test_renderers
  CHECK(report::finding_fingerprints({d})[0] == "2a3581d2dc4e56d9");
}

TEST_CASE("baseline: exact file, sorted and deterministic") {
  Diagnostic a = missing_column("worker/summarize.py", 15, "model_version");
  Diagnostic b = missing_column("api/llm.ts", 3, "provider", "SELECT provider FROM llm_results");
  Diagnostic c;
  c.rule = "failed-migration";
  c.file = "migrations/0004_index.up.sql";
  c.line = 1;
  c.message = "migration 4 is marked dirty";
  std::string text = report::write_baseline({a, b, c});
  CHECK(text == report::write_baseline({c, a, b}));
  const std::string expected = "{\n"
                               "  \"version\": 1,\n"
                               "  \"findings\": [\n"
                               "    {\n"
                               "      \"fingerprint\": \"" + report::finding_fingerprint(b) + "\",\n"
                               "      \"rule\": \"missing-column\",\n"
                               "      \"file\": \"api/llm.ts\",\n"
                               "      \"relation\": \"public.llm_results\",\n"
                               "      \"column_name\": \"provider\",\n"
                               "      \"message\": \"column \\\"provider\\\" of relation \\\"llm_results\\\" does not exist (SQLSTATE 42703): no migration adds it\"\n"
                               "    },\n"
                               "    {\n"
                               "      \"fingerprint\": \"" + report::finding_fingerprint(c) + "\",\n"
                               "      \"rule\": \"failed-migration\",\n"
                               "      \"file\": \"migrations/0004_index.up.sql\",\n"
                               "      \"relation\": null,\n"
                               "      \"column_name\": null,\n"
                               "      \"message\": \"migration 4 is marked dirty\"\n"
                               "    },\n"
                               "    {\n"
                               "      \"fingerprint\": \"" + report::finding_fingerprint(a) + "\",\n"
                               "      \"rule\": \"missing-column\",\n"
                               "      \"file\": \"worker/summarize.py\",\n"
                               "      \"relation\": \"public.llm_results\",\n"
                               "      \"column_name\": \"model_version\",\n"
                               "      \"message\": \"column \\\"model_version\\\" of relation \\\"llm_results\\\" does not exist (SQLSTATE 42703): no migration adds it\"\n"
                               "    }\n"
                               "  ]\n"
                               "}\n";
  CHECK(text == expected);
  CHECK(report::write_baseline({}) == "{\n  \"version\": 1,\n  \"findings\": []\n}\n");

  auto baseline = round_trip({a, b, c});
  REQUIRE(baseline.entries.size() == 3);
  CHECK(baseline.entries[0].file == "api/llm.ts");
  CHECK(baseline.entries[0].column_name == "provider");
  CHECK(baseline.entries[1].relation.empty());
  CHECK(!baseline.entries[1].column_name);
}

TEST_CASE("baseline: lines added above a recorded finding keep it forgiven") {
  auto baseline = round_trip({missing_column("worker/summarize.py", 15, "model_version")});
  std::vector<Diagnostic> now{missing_column("worker/summarize.py", 40, "model_version")};
  std::vector<report::BaselineEntry> gone;
  report::apply_baseline(baseline, &now, &gone);
  CHECK(now.empty());
  CHECK(gone.empty());
}

TEST_CASE("baseline: a new finding is reported, a fixed one is listed as gone") {
  Diagnostic old_a = missing_column("worker/summarize.py", 15, "model_version");
  Diagnostic old_b = missing_column("worker/summarize.py", 30, "provider", "SELECT provider FROM llm_results");
  auto baseline = round_trip({old_a, old_b});

  Diagnostic fresh = missing_column("api/llm.ts", 8, "latency_ms", "SELECT latency_ms FROM llm_results");
  std::vector<Diagnostic> now{missing_column("worker/summarize.py", 17, "model_version"), fresh};
  std::vector<report::BaselineEntry> gone;
  report::apply_baseline(baseline, &now, &gone);
  REQUIRE(now.size() == 1);
  CHECK(now[0].file == "api/llm.ts");
  CHECK(now[0].column_name == "latency_ms");
  REQUIRE(gone.size() == 1);
  CHECK(gone[0].column_name == "provider");
  CHECK(gone[0].fingerprint == report::finding_fingerprint(old_b));
  CHECK(report::describe_gone(gone[0]) ==
        "worker/summarize.py: missing-column \"public.llm_results\".\"provider\" is in the baseline but no longer "
        "occurs: regenerate the baseline to drop it");
}

TEST_CASE("baseline: an edited statement is a new finding") {
  auto baseline = round_trip({missing_column("a.py", 3, "model_version", "SELECT model_version FROM llm_results")});
  std::vector<Diagnostic> now{
      missing_column("a.py", 3, "model_version", "SELECT model_version FROM llm_results WHERE tenant_id = $1")};
  std::vector<report::BaselineEntry> gone;
  report::apply_baseline(baseline, &now, &gone);
  CHECK(now.size() == 1);
  CHECK(gone.size() == 1);
}

TEST_CASE("baseline: a fingerprint recorded N times forgives N findings") {
  Diagnostic d = missing_column("worker/summarize.py", 15, "model_version");
  Diagnostic copy = d;
  copy.line = 60;
  auto baseline = round_trip({d, copy});
  REQUIRE(baseline.entries.size() == 2);
  CHECK(baseline.entries[0].fingerprint == baseline.entries[1].fingerprint);

  SUBCASE("a third copy is new") {
    Diagnostic third = d;
    third.line = 90;
    std::vector<Diagnostic> now{d, copy, third};
    std::vector<report::BaselineEntry> gone;
    report::apply_baseline(baseline, &now, &gone);
    REQUIRE(now.size() == 1);
    CHECK(now[0].line == 90);
    CHECK(gone.empty());
  }
  SUBCASE("one of two fixed: one entry gone") {
    std::vector<Diagnostic> now{copy};
    std::vector<report::BaselineEntry> gone;
    report::apply_baseline(baseline, &now, &gone);
    CHECK(now.empty());
    CHECK(gone.size() == 1);
  }
  SUBCASE("both fixed") {
    std::vector<Diagnostic> now;
    std::vector<report::BaselineEntry> gone;
    report::apply_baseline(baseline, &now, &gone);
    CHECK(gone.size() == 2);
  }
}

TEST_CASE("baseline: a file that is not a baseline is rejected with the reason") {
  auto reject = [](const std::string& text) {
    report::Baseline b;
    b.entries.push_back({});  // untouched on failure
    std::string err;
    CHECK_FALSE(report::read_baseline(text, &b, &err));
    CHECK(b.entries.size() == 1);
    return err;
  };
  CHECK(reject("").rfind("not JSON: ", 0) == 0);
  CHECK(reject("{\"version\": 1, \"findings\": [").rfind("not JSON: parse error", 0) == 0);
  // Found by fuzz_baseline: a number too large for a double is nlohmann's out_of_range, not a
  // parse_error; it used to escape and abort.
  CHECK(reject(std::string("7e529\0", 6)) == "not JSON: number overflow parsing '7e529'");
  CHECK(reject("[]") == "expected an object {\"version\": 1, \"findings\": [...]} as written by `schemagate baseline`");
  CHECK(reject("{\"findings\": []}") == "\"version\" is missing (this schemagate reads baseline version 1)");
  CHECK(reject("{\"version\": 2, \"findings\": []}") ==
        "baseline version 2 is not supported (this schemagate reads version 1)");
  CHECK(reject("{\"version\": 1}") == "\"findings\" must be an array");
  CHECK(reject("{\"version\": 1, \"findings\": [3]}") == "findings[0]: must be an object");
  CHECK(reject("{\"version\": 1, \"findings\": [{\"rule\": \"missing-column\"}]}") ==
        "findings[0]: \"fingerprint\" must be 16 lowercase hex digits, as `schemagate baseline` writes it");
  CHECK(reject("{\"version\": 1, \"findings\": [{\"fingerprint\": \"2a3581d2dc4e56d9\"}]}") ==
        "findings[0]: \"rule\" is missing");
  CHECK(reject("{\"version\": 1, \"findings\": [{\"fingerprint\": \"2a3581d2dc4e56d9\", \"rule\": \"x\", \"file\": 3}]}") ==
        "findings[0]: \"file\" must be a string");
  CHECK(reject("{\"version\": 1, \"findings\": [{\"fingerprint\": \"2a3581d2dc4e56d9\", \"rule\": \"x\", \"relation\": []}]}") ==
        "findings[0]: \"relation\" must be a string or null");

  report::Baseline b;
  std::string err;
  CHECK(report::read_baseline("{\"version\": 1, \"findings\": []}", &b, &err));
  CHECK(b.entries.empty());
}
