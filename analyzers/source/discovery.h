// Which files are application code: walks the project, honours .gitignore files (root and
// nested), skips hidden directories, dependency and build output directories, the migration
// directories (migrations are schema, not code) and golang-migrate migration files anywhere, and
// applies --include/--exclude globs.
// Generated files ("@generated", "Code generated ... DO NOT EDIT") and minified JavaScript are
// skipped by the caller once it has read them (is_generated, is_minified); JavaScript whose name
// says it is minified or bundled (jquery.min.js, swagger-ui-bundle.js) is not listed at all: a
// bundle holds no queries of the project, and scanning one costs more than the project.
// The tree comes from a pull request, so the walk fails closed: a directory that cannot be listed
// is an error naming it, and what is never read (a FIFO, a device, a link out of the tree, a file
// over the size limit, a minified bundle) is reported as skipped with the reason, not dropped.
// Globs (.gitignore, --include, --exclude) match in time linear in pattern times path: a
// reviewed repository's .gitignore must not be able to hang the scan.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"
#include "analyzers/source/word_search.h"

namespace schemagate::source {

/// A candidate file that is not scanned, and why ("not a regular file (FIFO)", "larger than
/// 4194304 bytes (--max-file-size)", "minified or bundled JavaScript (by its name)").
struct SkippedFile {
  std::string path;  ///< root-relative
  std::string reason;
};

struct DiscoveryOptions {
  std::vector<std::string> include;    ///< globs; when non-empty a file must match one
  std::vector<std::string> exclude;    ///< globs; a matching file or directory is skipped
  std::vector<std::string> skip_dirs;  ///< root-relative directories to skip (migrations)
  /// Receives the `N_name.up.sql` files found outside the migration directories (another
  /// engine's migrations, such as a SQLite driver's): not code, but the tables they create exist
  /// somewhere, so references to them are not certain to be missing.
  std::vector<std::string>* other_migrations = nullptr;
  /// Files over this many bytes are skipped (0: no limit).
  std::uintmax_t max_file_size = 0;
  /// Receives the candidate files that are not listed, with the reason: not regular, over the
  /// size limit, named as minified or bundled JavaScript, never run.
  std::vector<SkippedFile>* skipped = nullptr;
  /// The rules of the user's ignore file (git's `core.excludesFile`), applied first so that
  /// `.git/info/exclude` and the `.gitignore` files override them, as git does.
  std::string excludes_rules;
};

/// Root-relative paths ('/' separators) of candidate files, sorted. The caller filters them by
/// language. Fails (false, *err = "PATH: cannot list directory: REASON") when a directory of
/// the tree cannot be listed: a scan that silently misses a directory would pass what it never saw.
bool discover_files(const FileSystem& fs, const std::string& root, const DiscoveryOptions& options,
                    std::vector<std::string>* files, std::string* err);
/// The same, for callers that cannot fail; unlistable directories are left out.
std::vector<std::string> discover_files(const FileSystem& fs, const std::string& root, const DiscoveryOptions& options);

/// While one lives, on its thread, discover_files(fs, root, {}) of its file system and root
/// answers with the files it holds instead of walking the tree again: migration discovery walks
/// once and each format that finds its own folders (Django apps, goose's Go files, ...) asks for
/// the same walk. The tree must not change meanwhile.
class WalkMemo {
 public:
  /// `files`: what discover_files(fs, root, {}) gives.
  WalkMemo(const FileSystem& fs, std::string root, std::vector<std::string> files);
  ~WalkMemo();
  WalkMemo(const WalkMemo&) = delete;
  WalkMemo& operator=(const WalkMemo&) = delete;

 private:
  friend std::vector<std::string> discover_files(const FileSystem&, const std::string&, const DiscoveryOptions&);
  const FileSystem* fs_;
  std::string root_;
  std::vector<std::string> files_;
  WalkMemo* outer_;
};

/// Every directory under `dir` (itself included, down to `depth` levels) can be listed and every
/// file in them is a regular file inside the tree. Migration loaders list and read directories
/// themselves; this is their fail-closed gate: false, *err naming the path and the reason.
/// `dir` is relative to `root`, and so are the paths in messages.
bool check_readable_tree(const FileSystem& fs, const std::string& root, const std::string& dir, int depth,
                         std::string* err);

/// Glob match of a '/'-separated path: '*' and '?' stay within a path component, '**' spans
/// components, [...] is a character class, a backslash escapes the next character. A pattern
/// without '/' matches the last component. Time is O(pattern x path): no backtracking.
bool glob_match(std::string_view pattern, std::string_view path);

/// The cheap test that decides whether a file is parsed at all: it holds a statement shape,
/// INSERT INTO, DELETE FROM, MERGE INTO, SELECT ... FROM, UPDATE ... SET, or CREATE ... TABLE /
/// VIEW (a relation the code creates; case-insensitive, whole words), not just a verb: "update" and "delete" are everywhere in front-end code. A
/// statement without these (SELECT now(), a variable passed to execute) references no relation.
bool may_contain_sql(std::string_view text);

/// The last three letters of may_contain_sql's words in every ASCII case ("rom", "ROM", "rOm",
/// ...), for a WordSearch that reads a file for other words too: may_contain_sql(text, places)
/// then answers from the places they occur, reading only the words that end there.
const std::vector<std::string>& statement_words();

/// may_contain_sql(text), from every place a statement_words() word occurs in `text`
/// (WordHit::word: its index there), in order of their ends.
bool may_contain_sql(std::string_view text, const std::vector<WordHit>& places);

/// True for files that say they are generated (checked in their first 1024 bytes).
bool is_generated(std::string_view text);

/// True for minified code: one of the first 20 lines is longer than 1000 bytes and the first
/// 64 KiB average more than 200 bytes a line. A source file with one long line (a data URI, a
/// long query) among ordinary ones is not minified.
bool is_minified(std::string_view text);

/// True for a JavaScript file name that says minified or bundled: a name part after the first,
/// split at '.', '-' and '_', is "min" or "bundle" (app.min.js, main.bundle.js,
/// swagger-ui-bundle.js, vendor-min.mjs).
bool is_minified_name(std::string_view name);

/// True for a test file by its root-relative path: `*_test.go`, `test_*.py`, `*_test.py`,
/// `*.test.*`, `*.spec.*`, anything under `__tests__/`.
bool is_test_file(std::string_view path);

/// Files whose code never runs: tsd type tests (*.test-d.ts) and *.example.* files. Not scanned.
bool is_never_run_name(std::string_view name);

/// True for a golang-migrate migration file name, `<digits>_<title>.up.sql` or `.down.sql`, or a
/// Rails one, `<timestamp>_<title>.rb`. Such a file outside the migration directories in use is
/// another engine's migration (a SQLite driver beside the PostgreSQL one, a Rails engine's) or a
/// copy (db/old_migrations): schema, not queries the code runs.
bool is_migration_name(std::string_view name);

}  // namespace schemagate::source
