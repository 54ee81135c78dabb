// Fingerprints for formats that track a finding across runs (sarif's partialFingerprints,
// gitlab's fingerprint). A fingerprint names what is wrong and where, not on which line: the
// rule, the relation, the column and the file, so editing lines above a finding keeps it. Two
// findings with the same key in one file are told apart by their order in the file (the second
// one mixes in "#1"), as GitHub does for its own line hashes.
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

/// One fingerprint per diagnostic, in order: 16 lowercase hex digits of FNV-1a over
/// rule, relation, column name and file (separated by U+001F), plus "#n" for the n-th repeat.
std::vector<std::string> finding_fingerprints(const std::vector<Diagnostic>& diagnostics);

}  // namespace schemagate::report
