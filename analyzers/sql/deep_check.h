// The seam for a deep check by PostgreSQL itself: each statement of the code is PREPAREd on a
// server that holds the schema under test (a throwaway database the migrations were applied
// to, or a read-only session on the real one), so whatever PostgreSQL rejects at plan time
// (a function that does not exist, an ambiguous column, ON CONFLICT without a matching unique
// index, a type mismatch) is found at file:line:column of the application code. PREPARE only
// parses and analyses: errors of the planner (42P10, no arbiter index for ON CONFLICT) appear
// only when the statement is planned, so an implementation also runs EXPLAIN (GENERIC_PLAN on
// PostgreSQL 16, EXPLAIN EXECUTE of the prepared statement with NULL parameters before). Neither
// executes, so the check never writes.
//
// Behind an interface with an in-memory fake, as the catalog reader: the checks that use it are
// unit-tested on fixed answers, the PostgreSQL implementation in the integration tests.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace schemagate::sql {

/// PostgreSQL's answer to PREPARE of one statement.
struct PrepareResult {
  bool ok = true;
  std::string sqlstate;  ///< "42883" when not ok
  std::string message;   ///< the server's primary message
  /// 1-based character position in the statement that the error points at (PostgreSQL's
  /// `position` field), when the server gives one.
  std::optional<size_t> position;
};

class StatementPreparer {
 public:
  virtual ~StatementPreparer() = default;
  /// PREPAREs `sql` (parameters $1... of unknown type) and DEALLOCATEs it; with `plan`, also
  /// plans it (EXPLAIN EXECUTE with NULL parameters), for the planner's errors (42P10). Returns
  /// false, with *err naming the cause, when the server cannot be asked (not when it rejects the
  /// statement).
  virtual bool prepare(const std::string& sql, bool plan, PrepareResult* out, std::string* err) = 0;
};

/// Fixed answers by statement text; a statement it does not know prepares fine.
class MemoryStatementPreparer final : public StatementPreparer {
 public:
  void answer(std::string sql, PrepareResult result) { answers_[std::move(sql)] = std::move(result); }
  bool prepare(const std::string& sql, bool, PrepareResult* out, std::string*) override {
    auto it = answers_.find(sql);
    *out = it == answers_.end() ? PrepareResult{} : it->second;
    return true;
  }

 private:
  std::map<std::string, PrepareResult> answers_;
};

}  // namespace schemagate::sql
