// Shell completion scripts (bash, zsh, fish), generated from the CLI11 definitions that --help
// prints: every command, its flags and their descriptions. Values CLI11 cannot list (an IsMember
// check) come in `choices`, keyed "COMMAND --flag", "--flag" (any command) or "COMMAND POSITIONAL".
#pragma once
#include <CLI/CLI.hpp>
#include <map>
#include <string>
#include <vector>

namespace schemagate::cli {

std::string completion_script(const CLI::App& app, const std::string& shell,
                              const std::map<std::string, std::vector<std::string>>& choices);

/// The values `choices` lists under `key` ("COMMAND --flag", "--flag", ...), or null. Shared with
/// the manual page, which reads the same table.
const std::vector<std::string>* find_choices(const std::map<std::string, std::vector<std::string>>& choices,
                                             const std::string& key);

/// The words of `v` with `sep` between them.
std::string join(const std::vector<std::string>& v, const std::string& sep = " ");

}  // namespace schemagate::cli
