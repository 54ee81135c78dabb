// The phases of a code scan and the plan they share. scan_code (pipeline.cpp) runs them in order:
//   discover  discover_code.cpp   the files to scan, and the plan: options, targets, test schemas
//   extract   extract.cpp         data layers' index, then each file's sites and requirements
//             constants_pass.cpp  (parsing each file once while constants are followed across files)
//   resolve   resolve_sites.cpp   each site's SQL parsed and resolved against the file's schema
//   evaluate  evaluate.cpp        references judged, requirements checked, excuses applied
//   report    pipeline.cpp        findings and skipped files in their order
// A unit test builds a plan with the in-memory file system (plan_scan) and runs any phase on it.
#pragma once
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/pipeline/compact_requirements.h"
#include "analyzers/pipeline/pipeline.h"
#include "analyzers/pipeline/test_schema.h"
#include "analyzers/report/suppressions.h"
#include "analyzers/source/discovery.h"
#include "analyzers/sql/fragments.h"

namespace schemagate::pipeline {

/// A relation that a statement the code runs creates (a test's CREATE TEMP TABLE, a script's
/// SELECT ... INTO, CREATE TABLE IF NOT EXISTS at start-up): it exists when the code runs.
struct CodeCreated {
  sql::CreatedRelation relation;
  std::string file;
  int line = 0;
  const char* how = "created at run time by the code at";
};

/// With only some files scanned (--changed-since): what the indexes learned of the code of the
/// files not scanned (the counts, for --verbose), and what the code not scanned may create at run
/// time, which the full check's scan of it would tell and which this run must not call missing:
/// each `CREATE ... TABLE` and `ALTER TABLE ... ADD` of its texts, by words, and a create_all()
/// call outside tests (the tables of models this run did not read).
struct FarCode {
  static constexpr const char* kCreated = "may be created at run time by code this run did not scan (the full check does), at";
  static constexpr const char* kCreateAll =
      "may be created at run time by create_all() over models this run did not read (the full check does), at";
  size_t files = 0, from_cache = 0;
  std::vector<CodeCreated> created;
  std::optional<CodeCreated> create_all;
};

/// What the extract and resolve phases leave of one file; evaluation comes later, once every
/// file is known (a relation one file creates at run time excuses another file's use of it).
struct FileResult {
  bool scanned = false;
  std::string skip_reason;
  std::vector<CodeCreated> created;
  /// Tables the file's models declare, and the lines of its create-all calls (data layers).
  std::vector<sql::CreatedRelation> declared;
  std::vector<int> creates_declared;
  std::vector<report::Suppression> suppressions;
  std::string error;
  std::vector<SiteRecord> sites;
  /// Filled while the file is scanned; then held compact in `held` until the evaluate phase.
  requirements::FileRequirements requirements;
  CompactRequirements held;
  std::string text;  ///< kept while it has requirements: messages quote its lines
  /// sqlc stars that stand for column requirements, by host byte offset.
  std::map<uint32_t, int> stars;
  /// Statements a database call sends that PostgreSQL cannot parse (syntax-error), at host offsets.
  std::vector<report::Diagnostic> syntax_errors;
  /// Statements of checked sites; `site` indexes `sites` of this file until merged.
  std::vector<CheckedStatement> statements;
};

/// What the first pass over a file leaves for the constants phase: the file's own constants
/// (from the tree the scan parsed anyway) and every question its extraction asked the project.
struct FirstPass {
  languages::FileConstants* constants = nullptr;  ///< null: the file is not among the phase's files
  languages::FileWrappers* wrappers = nullptr;
  bool known = false;  ///< its constants are collected (or it has none the phase would read)
  std::set<languages::ProjectQuery> asked;
  /// The project the scan asked: the database call wrappers of the files whose first pass ended
  /// before this one began (null: none). A file is scanned again only where the whole project
  /// answers one of its questions otherwise (constants_pass.cpp).
  std::shared_ptr<const languages::ProjectConstants> asked_of;
  /// Set by the pass: given the wrappers the file's extraction found in it, before its sites
  /// are looked for (ExtractInput::own_wrappers).
  std::function<void(const languages::FileWrappers&)> own_wrappers;
  /// Python: the functions the file declares that may wrap a database call, read lexically
  /// (ProjectConstants::python_parameter_passers); the body gate keeps each body that calls one.
  std::set<std::string> own_candidates;
  /// Left out by the lexical prefilter while the project's own database calls were unknown:
  /// scanned again when it holds the name of one.
  bool deferred = false;
  /// Given the text and the tree the scan parsed, once its questions are asked: a later phase
  /// that parses the file again takes the tree (moves it) instead (constants_pass.cpp).
  /// `parsed_from`: what the tree was parsed from when some function bodies were blanked
  /// (body_gate.cpp), else "" (ParsedFiles::keep).
  std::function<void(std::string_view text, languages::Tree* tree, std::string_view parsed_from)> leave_tree;
  /// What the file's data layers gave, kept when it asked the project a question or was left
  /// out by the prefilter (a later round may scan it again): a layer reads no project constant,
  /// so that scan takes these instead of reading the tree again. One per layer, in order.
  std::optional<std::vector<datalayers::FileOutput>> layer_outputs;
};

/// What discovery leaves for the scan: the files to scan, every code file constants come from,
/// every candidate (configuration files among them), and another engine's migration files.
struct CodeFiles {
  std::vector<std::pair<std::string, const languages::Language*>> files;     ///< to scan; null: a data layer's
  std::vector<std::pair<std::string, const languages::Language*>> all_code;  ///< constants come from every file
  /// With only some files to scan (--changed-since): every code file, in discovery's order,
  /// which the data layers' index and the Go package index read as the full check does (a model
  /// declared in another package), and whether each is not scanned (`far`: the index cache
  /// answers for it). Empty in a full check, whose indexes read all_code.
  std::vector<std::pair<std::string, const languages::Language*>> index_code;
  std::vector<char> far;
  std::vector<std::string> candidates;
  std::vector<std::string> other_migrations;
  /// Files of a language schemagate does not read (Rust, PHP, C#, ...) whose text holds a
  /// statement shape: their SQL is not checked, and the run says so (CodeScan::unread).
  std::vector<UnreadFile> unread;
};

/// What the discover phase decides for the others: the options in effect (the search path the
/// repository states, unless one was given), the schemas to judge against, the test schemas,
/// the files and the number of threads. The phases hold references into it while they run.
struct ScanPlan {
  Options options;
  Targets targets;
  TestSchemas test_schemas;
  CodeFiles code;
  unsigned threads = 1;
  /// The migration directories read and their formats, for data layers whose names follow where
  /// migrations live (a Django app is the folder above its migrations/).
  std::vector<std::pair<std::string, std::string>> migration_directories;
};

/// The discover phase: the plan for scanning `schema`'s project; the code files skipped (too
/// large, ...) join `skipped`.
bool plan_scan(const source::FileSystem& fs, const Options& given, const SchemaBuild& schema, const Targets& targets,
               ScanPlan* plan, std::vector<source::SkippedFile>* skipped, std::string* err);

/// The extract and resolve phases: one result per file of plan.code.files, in that order; with
/// only some files scanned, what the indexes learned of the others into `*far` when given.
std::vector<FileResult> extract_files(const source::FileSystem& fs, const ScanPlan& plan, FarCode* far = nullptr);

/// The evaluate phase: each file's sites and requirements judged and its findings located, into
/// `out` (unsorted: the report phase orders them). False with *err on a file that failed.
bool evaluate_files(const source::FileSystem& fs, const ScanPlan& plan, const SchemaBuild& schema,
                    std::vector<FileResult>& results, CodeScan* out, std::string* err, const FarCode* far = nullptr);

inline bool site_is_sql_file(const std::string& rel) { return rel.size() > 4 && rel.compare(rel.size() - 4, 4, ".sql") == 0; }

/// Runs work(state, i) for i in [0, count) on `threads` threads, each with its own State.
template <typename State, typename Work>
void for_each_parallel(size_t count, unsigned threads, Work&& work) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    State state;
    for (size_t i = next++; i < count; i = next++) work(state, i);
  };
  unsigned n = static_cast<unsigned>(std::min<size_t>(std::max(1u, threads), std::max<size_t>(1, count)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace schemagate::pipeline
