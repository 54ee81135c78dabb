// The plan a scan test starts from, as `check` makes it: the project's migrations built into a
// schema and its code planned (test_scan_phases.cpp, test_blank_bodies.cpp).
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/pipeline/scan_plan.h"
#include "analyzers/source/file_system.h"

namespace schemagate::testing {

/// Not copied or moved: `targets` and `plan` point into `build`.
struct PlannedScan {
  pipeline::Options options;
  pipeline::SchemaBuild build;
  pipeline::Targets targets;
  pipeline::ScanPlan plan;
  std::vector<source::SkippedFile> skipped;

  /// The project under `root` of `fs`, one thread.
  PlannedScan(const source::FileSystem& fs, const std::string& root) {
    options.root = root;
    options.threads = 1;
    std::string err;
    REQUIRE_MESSAGE(pipeline::build_schema(fs, options, &build, &err), err);
    targets = {&build.schema, &build.schema, nullptr, false};
    REQUIRE_MESSAGE(pipeline::plan_scan(fs, options, build, targets, &plan, &skipped, &err), err);
  }
  PlannedScan(const PlannedScan&) = delete;
  PlannedScan& operator=(const PlannedScan&) = delete;
};

}  // namespace schemagate::testing
