// libgit2's start-up, in one place for every reader of a repository (changed files, HEAD, the
// user's ignore file, another revision's tree).
#pragma once

namespace schemagate::source {

/// Starts libgit2 once per process; every call after the first does nothing.
void start_libgit2();

}  // namespace schemagate::source
