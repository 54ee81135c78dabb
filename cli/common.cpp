// What every subcommand shares: the one-line failure and the schema build with --verbose output.
#include <iostream>

#include "cli/commands.h"

namespace schemagate::cli {

int fail(const std::string& message) {
  std::cerr << "schemagate: error: " << message << "\n";
  return kCannotDecide;
}

bool load_schema(const source::FileSystem& fs, const CommonOptions& options, pipeline::SchemaBuild* build) {
  std::string err;
  if (!pipeline::build_schema(fs, options.pipeline, build, &err)) {
    fail(err);
    return false;
  }
  if (options.verbose) {
    for (auto& d : build->directories)
      std::cerr << "schemagate: migrations: " << d.path << "/ (" << d.format << ", " << d.files << " file"
                << (d.files == 1 ? "" : "s") << ")\n";
    for (auto& n : build->notes)
      std::cerr << "schemagate: note: " << n.origin.file << ":" << n.origin.line << ": " << n.message << "\n";
  }
  return true;
}

}  // namespace schemagate::cli
