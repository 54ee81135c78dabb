// Diagnostics are data: a stable rule id, a severity, a message that says what fails in
// production, the primary location, notes pointing at other places (the migration involved),
// and a help line that says what to do. Renderers (one file each) only format them.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <vector>


namespace schemagate::report {

enum class Severity { Error, Warning, Note };
const char* severity_name(Severity s);

struct Note {
  std::string file;  ///< relative to the project root; empty for a note without a place
  int line = 0;
  std::string message;
  /// Set: the byte offset in `file`; report::Locator fills `line` from it.
  std::optional<uint32_t> offset = std::nullopt;
};

struct Diagnostic {
  std::string rule;  ///< kebab-case, stable: "missing-column"
  Severity severity = Severity::Error;
  std::string message;
  std::string file;  ///< relative to the project root, '/' separators
  /// Set: the byte offset in `file` of what is underlined; report::Locator fills line, column and
  /// source_line from it. Checks give offsets; lines are computed once, at the edge.
  std::optional<uint32_t> offset;
  int line = 0;      ///< 1-based
  int column = 0;    ///< 1-based, in Unicode code points
  int width = 1;     ///< code points to underline
  std::string source_line;  ///< the text of `line`, for the code frame
  std::string relation;     ///< schema-qualified ("public.llm_results"), empty if none
  std::optional<std::string> column_name;
  std::optional<std::string> migration;  ///< the migration file that adds or changes it
  std::vector<Note> notes;
  std::string help;
  /// What the finding is about, beyond rule, relation, column and file, for fingerprints
  /// (fingerprint.h) that must survive edits elsewhere in the file: the SQL statement of the site
  /// as checked. Whitespace and SQL comments do not matter; they are normalised away. Empty: the
  /// fingerprint is rule, relation, column and file alone. Not rendered.
  std::string fingerprint_text;
};

/// Order of output: file, line, column, then rule and message so equal positions stay stable.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

struct Summary {
  int files_scanned = 0;
  int sql_sites = 0;
  int checked_sites = 0;
  int partly_checked_sites = 0;  ///< checked except what run-time fragments hold
  int unchecked_sites = 0;
  int errors = 0;
  int warnings = 0;
};

}  // namespace schemagate::report
