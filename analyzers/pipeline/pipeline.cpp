// The pipeline's entry points: build the schema (build_schema.cpp), then scan the code in phases
// (scan_plan.h: discover, extract, resolve, evaluate) and report: findings and skipped files in
// their order.
#include "analyzers/pipeline/pipeline.h"

#include <algorithm>

#include "analyzers/pipeline/scan_plan.h"
#include "analyzers/report/diagnostic.h"

namespace schemagate::pipeline {

bool scan_code(const source::FileSystem& fs, const Options& options, const SchemaBuild& build, CodeScan* out,
               std::string* err) {
  Targets targets{&build.schema, &build.schema, nullptr, false};
  if (!build.services.empty()) targets.services = &build.services;
  return scan_code(fs, options, build, targets, out, err);
}

bool scan_code(const source::FileSystem& fs, const Options& given, const SchemaBuild& schema, const Targets& targets,
               CodeScan* out, std::string* err) {
  ScanPlan plan;
  if (!plan_scan(fs, given, schema, targets, &plan, &out->skipped, err)) return false;
  out->unread = plan.code.unread;
  FarCode far;
  std::vector<FileResult> results = extract_files(fs, plan, &far);
  out->indexed_elsewhere = far.files;
  out->indexed_from_cache = far.from_cache;
  if (!evaluate_files(fs, plan, schema, results, out, err, &far)) return false;
  // The report phase: findings in file order, skipped files by path.
  std::stable_sort(out->diagnostics.begin(), out->diagnostics.end(), report::diagnostic_less);
  std::stable_sort(out->skipped.begin(), out->skipped.end(),
                   [](const source::SkippedFile& a, const source::SkippedFile& b) { return a.path < b.path; });
  return true;
}

}  // namespace schemagate::pipeline
