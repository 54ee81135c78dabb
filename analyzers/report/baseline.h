// The baseline: switch the gate on in a big old codebase without fixing everything first.
// `schemagate baseline PATH > .schemagate-baseline.json` records today's findings;
// `check --baseline FILE` reports only findings that are not in it, and lists the entries that no
// longer occur so the file can shrink as they are fixed.
//
// A finding is matched by its fingerprint (fingerprint.h: rule, relation, column, file and the
// normalised SQL statement; not the line), so adding lines above a finding, reformatting its
// statement or commenting it keeps it in the baseline; editing the statement or moving it to
// another file makes it new. Matching counts: a fingerprint recorded N times forgives N findings,
// the (N+1)-th is reported (a second copy of a forgiven query is a new finding).
//
// The file is JSON, written sorted so that regenerating it gives a small diff:
//   {"version": 1, "findings": [{"fingerprint", "rule", "file", "relation", "column_name", "message"}]}
// Only "fingerprint" is used for matching; the other fields are for people reading the file and
// for listing entries that are gone.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"

namespace schemagate::report {

struct BaselineEntry {
  std::string fingerprint;  ///< finding_fingerprint(): 16 lowercase hex digits
  std::string rule;
  std::string file;
  std::string relation;  ///< empty if none
  std::optional<std::string> column_name;
  std::string message;  ///< as it was when recorded
};

struct Baseline {
  std::vector<BaselineEntry> entries;
};

/// The baseline file for `diagnostics` (all of them, whatever their severity), ending in a newline.
std::string write_baseline(const std::vector<Diagnostic>& diagnostics);

/// Parses a baseline file. False with *err one line ("findings[3]: \"fingerprint\" must be 16 hex
/// digits") when it is not JSON, not version 1, or an entry is malformed; the caller adds the path.
bool read_baseline(std::string_view text, Baseline* out, std::string* err);

/// Removes from `diagnostics` (order kept) every finding the baseline holds, counting repeats,
/// and appends to `gone` the entries, in baseline order, that matched no finding.
void apply_baseline(const Baseline& baseline, std::vector<Diagnostic>* diagnostics, std::vector<BaselineEntry>* gone);

/// One line for a gone entry: `app/worker.py: missing-column "public.llm_results"."model_version" is in the
/// baseline but no longer occurs: regenerate the baseline to drop it`.
std::string describe_gone(const BaselineEntry& entry);

}  // namespace schemagate::report
