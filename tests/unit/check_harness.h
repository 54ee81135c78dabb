// One statement through the DDL model, the resolver and every check, as `schemagate check` runs
// it: the harness the check tests share (test_checks.cpp, test_objects.cpp).
#pragma once
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/checks/check.h"
#include "analyzers/schema/ddl.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/requirements.h"

namespace schemagate::testing {

/// The text build() last applied as each file: notes at migrations are placed from it.
inline std::map<std::string, std::string>& built_texts() {
  static std::map<std::string, std::string> texts;
  return texts;
}

/// The schema `migrations` (file, SQL) build, in order; each must apply.
inline schema::Schema build(const std::vector<std::pair<std::string, std::string>>& migrations) {
  schema::Schema s;
  for (auto& [file, sql] : migrations) {
    built_texts()[file] = sql;
    schema::MigrationError err;
    REQUIRE_MESSAGE(schema::apply_sql(s, file, sql, {"public"}, nullptr, &err), err.message);
  }
  return s;
}

/// Runs every check on `host`, a file that is only the statement; `current` null means offline.
inline std::vector<report::Diagnostic> run(const std::string& host, const schema::Schema& eventual,
                                           const schema::Schema* current = nullptr) {
  sql::SqlText text;
  text.append_verbatim(host, 0);
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  REQUIRE(sql::parse(text.text, &stmts, &perr));
  report::Locator places;
  places.add("app.sql", host);
  for (auto& [file, sql] : built_texts()) places.add(file, sql);
  checks::Evaluation eval;
  eval.mode = current ? checks::kLive : checks::kOffline;
  eval.eventual = &eventual;
  eval.current = current ? current : &eventual;
  eval.search_path = {"public"};
  requirements::FileRequirements reqs;
  for (auto& st : stmts) {
    auto res = sql::resolve_statement(st.node, text.text, eventual, eval.search_path);
    reqs.units.push_back({"app.sql", text.text, "", 0});
    sql::add_requirements(res, text, reqs.units.size() - 1, &reqs.requirements);
  }
  std::vector<report::Diagnostic> out;
  checks::evaluate(eval, reqs, places, &out);
  for (auto& d : out) places.locate(&d);
  return out;
}

}  // namespace schemagate::testing
