// Which files are application code: walks the project, honours .gitignore files (root and
// nested), skips hidden directories, dependency and build output directories, the migration
// directories (migrations are schema, not code), and applies --include/--exclude globs.
// Generated files ("@generated", "Code generated ... DO NOT EDIT") are skipped by the caller
// once it has read them (is_generated).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::source {

struct DiscoveryOptions {
  std::vector<std::string> include;    ///< globs; when non-empty a file must match one
  std::vector<std::string> exclude;    ///< globs; a matching file or directory is skipped
  std::vector<std::string> skip_dirs;  ///< root-relative directories to skip (migrations)
};

/// Root-relative paths ('/' separators) of candidate files, sorted. The caller filters them by
/// language.
std::vector<std::string> discover_files(const FileSystem& fs, const std::string& root, const DiscoveryOptions& options);

/// Glob match of a '/'-separated path: '*' and '?' stay within a path component, '**' spans
/// components, [...] is a character class. A pattern without '/' matches the last component.
bool glob_match(std::string_view pattern, std::string_view path);

/// True for files that say they are generated (checked in their first 1024 bytes).
bool is_generated(std::string_view text);

}  // namespace schemagate::source
