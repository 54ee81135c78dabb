// The subcommands. cli/ is the only place that knows about argv, stdout and exit codes:
// 0 = checked and clean, 1 = findings of severity error, 2 = could not decide.
#pragma once
#include <string>
#include <vector>

#include "analyzers/pipeline/pipeline.h"

namespace schemagate::cli {

enum ExitCode { kClean = 0, kFindings = 1, kCannotDecide = 2 };

struct CommonOptions {
  pipeline::Options pipeline;
  std::string format = "text";
  bool verbose = false;
  bool quiet = false;
};

int run_check(const CommonOptions& options);
int run_refs(const CommonOptions& options);
int run_schema(const CommonOptions& options);

/// Prints "schemagate: error: <message>" on stderr and returns kCannotDecide.
int fail(const std::string& message);

/// Builds the schema, printing what was found under --verbose. False after printing the error.
bool load_schema(const source::FileSystem& fs, const CommonOptions& options, pipeline::SchemaBuild* build);

}  // namespace schemagate::cli
