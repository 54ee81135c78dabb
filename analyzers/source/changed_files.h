// Which files changed since a git revision, for `check --changed-since REF` (pre-commit hooks and
// pull requests): the scan is narrowed to code the change touches, while the migrations are still
// read whole, because the schema a changed file is checked against comes from all of them.
// The answer is what `git diff --name-only REF` plus `git ls-files --others --exclude-standard`
// would print: REF's tree against the work tree, staged changes included, untracked files that are
// not ignored included, deleted files left out, a renamed file under its new name.
#pragma once
#include <string>
#include <vector>

namespace schemagate::source {

/// Files under `path` (a directory inside a git work tree) that differ between `ref` (any
/// rev-parse expression that names a commit, a tag or a tree) and the work tree. `*files` gets
/// paths relative to `path` with '/' separators, sorted, each once, only files that exist now.
/// On failure (not a repository, a bare one, an unknown ref) returns false and sets *err to one
/// line.
/// With `deleted`, also the files removed since REF (and the old names of renamed ones): a
/// removed migration changes the schema as much as a new one.
bool changed_since(const std::string& path, const std::string& ref, std::vector<std::string>* files,
                   std::string* err,
                   std::vector<std::string>* deleted = nullptr);

}  // namespace schemagate::source
