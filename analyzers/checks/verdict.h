// The one judgement of whether the schema has a relation or a column the code names. The checks
// that report absences (missing-relation, missing-column) report what it calls missing, and
// `refs` shows its status for every reference: the two read the same verdict, so they cannot
// disagree.
#pragma once
#include <string>

#include "analyzers/checks/check.h"

namespace schemagate::checks {

struct Verdict {
  enum class Status { Ok, Missing, Unchecked };
  Status status = Status::Ok;
  /// Unchecked: what makes the name exist outside the migrations (the code creates it at run
  /// time, another engine, Hibernate), "" when the schema alone cannot tell. Ok: why an absent
  /// name is there when the file runs (a dated data-migration script).
  std::string note;
  /// Missing: the newest migration that dropped, renamed or moved it; null when none did.
  const schema::SchemaEvent* removal = nullptr;
};

/// How the checks judge the Relation or Column requirement `req` of host file `file` against
/// `eval.eventual`: Present is Ok; what presence() cannot tell is Unchecked; an absence is
/// Missing unless `file` is a dated script that ran before the migration that removed it.
Verdict judge(const Evaluation& eval, const std::string& file, const requirements::Requirement& req);

/// What `eval.not_judged` says makes `req` exist outside the migrations ("created at run time by
/// the code at src/db.ts:12"), "" when nothing does: the note of an Unchecked verdict.
std::string excuse(const Evaluation& eval, const requirements::Requirement& req);

}  // namespace schemagate::checks
