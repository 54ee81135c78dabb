// Shared by the fuzz targets: a small project in memory, the whole pipeline over it, and the
// invariant every output format must keep (JSON, SARIF and GitLab output parse as strict JSON,
// JUnit is valid UTF-8). A violation aborts, which libFuzzer reports as a crash.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/report/renderer.h"
#include "analyzers/report/utf8.h"
#include "analyzers/source/file_system.h"

namespace schemagate::fuzz {

/// "path/to/fuzz_code_python" with prefix "fuzz_code_" -> "python". Each variant of a target is
/// the same object file linked under another name, so the sanitizer build compiles it once.
inline std::string variant_of(const std::string& argv0, const std::string& prefix) {
  std::string name = argv0.substr(argv0.rfind('/') == std::string::npos ? 0 : argv0.rfind('/') + 1);
  if (name.rfind(prefix, 0) != 0) {
    fprintf(stderr, "fuzz target must be named %s<variant>, not %s\n", prefix.c_str(), name.c_str());
    std::abort();
  }
  return name.substr(prefix.size());
}

inline void check_renderers(const std::vector<report::Diagnostic>& diagnostics, const report::Summary& summary,
                            const std::vector<std::string>& files) {
  report::RenderOptions o;
  o.files = files;
  for (auto& r : report::renderers()) {
    std::string out = r.render(diagnostics, summary, o);
    if (r.format == "json" || r.format == "sarif" || r.format == "gitlab") {
      // Strict parse: invalid UTF-8 throws, as it would in the consumer.
      try {
        auto parsed = nlohmann::json::parse(out);
        (void)parsed;
      } catch (const std::exception&) {
        std::abort();
      }
    }
    if (r.format == "junit" && report::to_valid_utf8(out) != out) std::abort();
  }
}

/// build_schema + scan_code over `fs` rooted at "p", then every renderer. Errors are fine; a
/// crash, a hang or a broken output is not.
inline void run_pipeline(const source::FileSystem& fs) {
  pipeline::Options options;
  options.root = "p";
  options.threads = 1;
  pipeline::SchemaBuild build;
  std::string err;
  if (!pipeline::build_schema(fs, options, &build, &err)) return;
  pipeline::CodeScan scan;
  if (!pipeline::scan_code(fs, options, build, &scan, &err)) return;
  for (auto& d : scan.diagnostics) {
    if (d.line < 0 || d.column < 0) std::abort();
  }
  check_renderers(scan.diagnostics, scan.summary, scan.files);
}

}  // namespace schemagate::fuzz
