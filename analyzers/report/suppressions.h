// Suppressions: a person silences one known finding, in the code, with the rule it silences and
// the reason it is safe, and schemagate checks that the suppression still silences something
// (squawk's `-- squawk-ignore` and its unused-ignore rule).
//
//   cur.execute(query)  # schemagate-ignore: missing-column the column is added by the ops team's script
//   -- schemagate-ignore: missing-relation,missing-column reporting view, created by dbt
//   // schemagate-ignore-file: missing-relation this file only runs against the analytics database
//
// Forms:
//   `schemagate-ignore: RULE[,RULE...] REASON` covers findings of RULE on its own line and on the
//       next line (so it can stand above the reference or after it; a comment after the last
//       reference of one statement also covers the next line).
//   `schemagate-ignore-file: RULE[,RULE...] REASON` covers every finding of RULE in the file.
// Strict, as squawk is: the rule must be named (there is no "all"), the reason must be given, the
// colon must be there. A suppression that breaks one of these, or names a rule schemagate does
// not have, suppresses nothing and is reported as `invalid-suppression`; one that matches no
// finding is reported as `unused-suppression`. Both are warnings, at the comment.
//
// Where a comment is: detection is the same for every language. The text "schemagate-ignore"
// counts when the text before it on its line contains a comment opener (`#`, `//`, `--`, `/*`)
// or the line starts with `*` (inside a block comment). That covers Python `#`, JS/TS/Go `//` and
// `/* */`, SQL `--` and `/* */`, and SQL comments inside a multi-line SQL string in any host
// language (the reference there is often lines below the call, so the comment goes inside the
// string, on the line above the column). Limits: a string literal that holds a comment opener and
// then "schemagate-ignore" counts too (nobody writes that by accident); a line inside a block
// comment that does not start with `*` does not.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/report/diagnostic.h"
#include "analyzers/report/rules.h"

namespace schemagate::report {

inline constexpr std::string_view kUnusedSuppressionRule = rule_id(Rule::UnusedSuppression);
inline constexpr std::string_view kInvalidSuppressionRule = rule_id(Rule::InvalidSuppression);

struct Suppression {
  enum class Scope { Line, File };
  Scope scope = Scope::Line;
  std::string rule;    ///< as written; empty when none is named
  std::string reason;  ///< trimmed, without a closing `*/`
  int line = 0;        ///< 1-based line of the comment
  int column = 0;      ///< 1-based, code points: the rule name (or "schemagate-ignore" without one)
  int width = 1;       ///< code points: the rule name's length
  std::string source_line;  ///< the text of `line`
  /// Non-empty: the comment is malformed and suppresses nothing; this is the message of its
  /// invalid-suppression finding ("suppression of \"missing-column\" gives no reason: ...").
  std::string problem;
};

/// The word every suppression comment holds: a text without it has none.
inline constexpr std::string_view kSuppressionMarker = "schemagate-ignore";

/// Every suppression in one file's text, in order; a comment naming several rules gives one
/// Suppression per rule. Malformed comments are included with `problem` set.
std::vector<Suppression> find_suppressions(std::string_view file_text);

struct SuppressionRules {
  /// Every rule id schemagate has (the checks table). A suppression naming another rule is
  /// invalid-suppression ("unknown rule"). Empty: not checked; such a suppression matches
  /// nothing and is reported as unused-suppression instead.
  std::vector<std::string> known;
  /// The rules that ran in this invocation. A suppression of a rule that did not run (a
  /// live-database rule offline, a rule configured off) is neither used nor reported: it may be
  /// used in another mode. nullopt: every rule ran.
  std::optional<std::set<std::string>> ran;
};

/// Removes from `diagnostics` (order kept) every finding a suppression in its file covers, and
/// appends to `suppression_findings`, sorted by diagnostic_less, an `unused-suppression` warning
/// for every suppression that covered nothing and an `invalid-suppression` warning for every
/// malformed one. `by_file` maps a root-relative path ('/' separators, as Diagnostic::file) to
/// its suppressions; files not in it keep their findings. unused-suppression and
/// invalid-suppression findings cannot themselves be suppressed.
void apply_suppressions(const std::map<std::string, std::vector<Suppression>>& by_file,
                        std::vector<Diagnostic>* diagnostics, std::vector<Diagnostic>* suppression_findings,
                        const SuppressionRules& rules = {});

}  // namespace schemagate::report
