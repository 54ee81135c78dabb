// schemagate's manual page (schemagate.1, roff), generated from the CLI11 definitions that --help
// prints and that the shell completions walk: every command, its arguments and flags with their
// descriptions, so the page cannot fall behind the binary. `schemagate man` prints it; the build
// writes build/schemagate.1 with it and installs it (CMake install, the .deb, the release archive).
#pragma once
#include <CLI/CLI.hpp>
#include <map>
#include <string>
#include <vector>

namespace schemagate::cli {

/// The page for `app` at `version`. `choices` are the values of flags and arguments CLI11 cannot
/// list, keyed as completion_script's ("COMMAND --flag", "--flag", "COMMAND POSITIONAL").
std::string man_page(const CLI::App& app, const std::string& version,
                     const std::map<std::string, std::vector<std::string>>& choices);

}  // namespace schemagate::cli
