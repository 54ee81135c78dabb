// Fingerprints for formats that track a finding across runs (sarif's partialFingerprints,
// gitlab's fingerprint) and for the baseline (baseline.h). A fingerprint names what is wrong and
// where, not on which line: the rule, the relation, the column, the file and, when the pipeline
// gives it, the SQL statement of the site with whitespace and comments normalised away. Editing
// lines above a finding keeps it; editing the statement makes it a new finding.
//
// Two findings with the same key in one file: sarif and gitlab tell them apart by their order in
// the file (the second one mixes in "#1"), as GitHub does for its own line hashes. The baseline
// instead counts them (multiset), so it uses the key alone (finding_fingerprint).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"

namespace schemagate::report {

inline constexpr uint64_t kFnv1a64Offset = 0xcbf29ce484222325ULL;

/// 64-bit FNV-1a of `data`, continuing from `hash`. Simple, stable across platforms and releases.
uint64_t fnv1a64(std::string_view data, uint64_t hash = kFnv1a64Offset);

/// SQL text as fingerprints see it: `--` and `/* */` comments dropped (not inside '...', "..."
/// or $tag$...$tag$), every run of whitespace one space, none at the ends. Changing the layout of
/// a statement or adding a comment to it (a suppression) keeps its fingerprint.
std::string normalize_statement_text(std::string_view sql);

/// The fingerprint of one finding, without a repeat index: 16 lowercase hex digits of FNV-1a over
/// rule, relation, column name and file, separated by U+001F, then U+001F and the normalised
/// `fingerprint_text` when that is not empty (so findings without it keep the fingerprints of
/// schemagate versions before it existed).
std::string finding_fingerprint(const Diagnostic& diagnostic);

/// One fingerprint per diagnostic, in order: finding_fingerprint's key, plus "#n" for the n-th
/// repeat of the same key.
std::vector<std::string> finding_fingerprints(const std::vector<Diagnostic>& diagnostics);

}  // namespace schemagate::report
