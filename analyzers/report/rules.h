// Rule ids: a typed enum, with the kebab-case names users write in suppressions, configuration
// and baselines listed once, here. A released id never changes; a new rule is one enumerator
// and one row below (its check is one row in checks/checks.cpp).
#pragma once
#include <optional>
#include <string_view>

namespace schemagate::report {

enum class Rule {
  MissingRelation,
  MissingColumn,
  MissingUniqueIndex,
  MissingFunction,
  InvalidEnumValue,
  InsertArity,
  SyntaxError,
  PendingMigration,
  BreaksRunningCode,
  NotNullWithoutDefault,
  ColumnTypeChange,
  FailedMigration,
  UnknownAppliedMigration,
  SchemaDrift,
  ModifiedAppliedMigration,
  BrokenMigration,
  PostgresRejects,
  UnusedSuppression,
  InvalidSuppression,
};

struct RuleName {
  Rule rule;
  std::string_view id;
};

inline constexpr RuleName kRuleNames[] = {
    {Rule::MissingRelation, "missing-relation"},
    {Rule::MissingColumn, "missing-column"},
    {Rule::MissingUniqueIndex, "missing-unique-index"},
    {Rule::MissingFunction, "missing-function"},
    {Rule::InvalidEnumValue, "invalid-enum-value"},
    {Rule::InsertArity, "insert-arity"},
    {Rule::SyntaxError, "syntax-error"},
    {Rule::PendingMigration, "pending-migration"},
    {Rule::BreaksRunningCode, "breaks-running-code"},
    {Rule::NotNullWithoutDefault, "not-null-without-default"},
    {Rule::ColumnTypeChange, "column-type-change"},
    {Rule::FailedMigration, "failed-migration"},
    {Rule::UnknownAppliedMigration, "unknown-applied-migration"},
    {Rule::SchemaDrift, "schema-drift"},
    {Rule::ModifiedAppliedMigration, "modified-applied-migration"},
    {Rule::BrokenMigration, "broken-migration"},
    {Rule::PostgresRejects, "postgres-rejects"},
    {Rule::UnusedSuppression, "unused-suppression"},
    {Rule::InvalidSuppression, "invalid-suppression"},
};

/// The kebab-case id of `rule`: "missing-column".
constexpr std::string_view rule_id(Rule rule) {
  for (auto& r : kRuleNames)
    if (r.rule == rule) return r.id;
  return "";
}

/// The rule named `id`, or nullopt.
constexpr std::optional<Rule> rule_named(std::string_view id) {
  for (auto& r : kRuleNames)
    if (r.id == id) return r.rule;
  return std::nullopt;
}

}  // namespace schemagate::report
