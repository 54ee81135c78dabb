// schemagate check: findings, exit 1 when any has severity error.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "analyzers/report/renderer.h"
#include "cli/commands.h"

namespace schemagate::cli {

int run_check(const CommonOptions& options) {
  source::RealFileSystem fs;
  pipeline::SchemaBuild build;
  if (!load_schema(fs, options, &build)) return kCannotDecide;
  pipeline::CodeScan scan;
  std::string err;
  if (!pipeline::scan_code(fs, options.pipeline, build, &scan, &err)) return fail(err);
  if (options.verbose) {
    for (auto& s : scan.sites)
      if (!s.checked)
        std::cerr << "schemagate: unchecked: " << s.file << ":" << s.line << ":" << s.column << ": " << s.reason << "\n";
  }
  const report::Renderer* renderer = report::find_renderer(options.format);
  if (!renderer) return fail("unknown format \"" + options.format + "\"");
  report::RenderOptions ro;
  ro.color = options.format == "text" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  ro.quiet = options.quiet;
  std::cout << renderer->render(scan.diagnostics, scan.summary, ro);
  std::cout.flush();
  return scan.summary.errors > 0 ? kFindings : kClean;
}

}  // namespace schemagate::cli
