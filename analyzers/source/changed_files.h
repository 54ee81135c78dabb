// Which files changed since a git revision, for `check --changed-since REF` (pre-commit hooks and
// pull requests): the scan is narrowed to code the change touches, while the migrations are still
// read whole, because the schema a changed file is checked against comes from all of them.
// The answer is what `git diff --name-only REF` plus `git ls-files --others --exclude-standard`
// would print: REF's tree against the work tree, staged changes included, untracked files that are
// not ignored included, deleted files left out, a renamed file under its new name, submodules
// left out. A pre-commit hook asks it on every commit: changed_files.cpp answers from the index's
// stat data and cache-tree, reading only what changed.
#pragma once
#include <string>
#include <vector>

#include "analyzers/source/file_system.h"
#include "analyzers/source/listing_cache.h"

namespace schemagate::source {

/// Files under `path` (a directory inside a git work tree) that differ between `ref` (any
/// rev-parse expression that names a commit, a tag or a tree) and the work tree. `*files` gets
/// paths relative to `path` with '/' separators, sorted, each once, only files that exist now.
/// On failure (not a repository, a bare one, an unknown ref) returns false and sets *err to one
/// line.
/// With `deleted`, also the files removed since REF (and the old names of renamed ones): a
/// removed migration changes the schema as much as a new one.
/// `trace`: how the answer was found (the unit tests compare both ways on each git state).
struct ChangedSinceTrace {
  bool force_diff = false;  ///< in: ask libgit2's diff, not the index
  bool used_diff = false;   ///< out: libgit2's diff answered
  std::string why;          ///< out: why the index did not
};
/// `listings`: the run's file system, rooted as `path` is given; it adopts the listing of each
/// directory the question read (RealFileSystem::adopt_listing), so that the run lists none again.
/// `cache`: the directories' names kept from the last run (listing_cache.h), or null: every
/// directory is listed.
bool changed_since(const std::string& path, const std::string& ref, std::vector<std::string>* files,
                   std::string* err, std::vector<std::string>* deleted = nullptr,
                   ChangedSinceTrace* trace = nullptr, const RealFileSystem* listings = nullptr,
                   ListingCache* cache = nullptr);

}  // namespace schemagate::source
