// Why a SQL site is not (fully) checked: one small fixed list, so `refs --format json` can be
// summarised by reason and `check --verbose` counts them. Each id names what a user can act on
// (define the query as a constant, stop building names at run time, ...). The person-readable
// reason of a site says more; the id is stable. README "Precision" lists the same ids.
#pragma once
#include <string_view>
#include <vector>

namespace schemagate::pipeline {

struct UncheckedReason {
  std::string_view id;       ///< kebab-case, stable once released
  std::string_view summary;  ///< one line for a person
};

inline constexpr std::string_view kDynamicQuery = "dynamic-query";
inline constexpr std::string_view kDynamicName = "dynamic-name";
inline constexpr std::string_view kDynamicClause = "dynamic-clause";
inline constexpr std::string_view kDynamicRelation = "dynamic-relation";
inline constexpr std::string_view kDynamicSchema = "dynamic-schema";
inline constexpr std::string_view kTooManyReadings = "too-many-readings";
inline constexpr std::string_view kDoesNotParse = "does-not-parse";
inline constexpr std::string_view kDataLayerDynamic = "data-layer-dynamic";
inline constexpr std::string_view kOtherEngine = "other-engine";
inline constexpr std::string_view kTestFake = "test-fake";
inline constexpr std::string_view kExpectedFailure = "expected-failure";
inline constexpr std::string_view kTestOwnSchema = "test-own-schema";
inline constexpr std::string_view kManualMigration = "manual-migration";
inline constexpr std::string_view kOtherDatabase = "other-database";
inline constexpr std::string_view kUtilityStatement = "utility-statement";

/// Every reason, in the order `check --verbose` prints its counts.
inline const std::vector<UncheckedReason>& unchecked_reasons() {
  static const std::vector<UncheckedReason> kReasons = {
      {kDynamicQuery, "the query is a value the scan does not follow (a variable, a parameter, a call's result)"},
      {kDynamicName, "a relation or column name is built at run time (users_${suffix}, \"${column}\")"},
      {kDynamicClause, "a run-time fragment stands where a clause is expected: what it holds is not checked"},
      {kDynamicRelation, "a relation's name is a run-time fragment: its columns are not checked"},
      {kDynamicSchema, "a relation's schema is a run-time fragment: checked against the one relation of that name the migrations create"},
      {kTooManyReadings, "the run-time fragments can be read in too many ways"},
      {kDoesNotParse, "the text does not parse as PostgreSQL (another engine's dialect, a syntax error)"},
      {kDataLayerDynamic, "a data layer's call whose relation or columns are only known at run time"},
      {kOtherEngine, "SQL for another engine (SQLite, MySQL, ClickHouse, Spark), not PostgreSQL"},
      {kTestFake, "a test whose SQL goes to a fake: its package declares no database client, or it types the handle itself"},
      {kExpectedFailure, "a test runs the statement inside an assertion that it throws (assertThrows, isThrownBy)"},
      {kTestOwnSchema, "a test that creates its own table of that name (an older schema, a fixture): its queries meet that table"},
      {kManualMigration, "a migration script run by hand, outside the migration sets: it met the schema of its day"},
      {kOtherDatabase, "text no database call runs that names only relations this schema lacks: another database's, or a sample"},
      {kUtilityStatement, "DDL or a utility command with names given at run time (CREATE SCHEMA, DROP INDEX, SAVEPOINT, SET): not a query"},
  };
  return kReasons;
}

}  // namespace schemagate::pipeline
