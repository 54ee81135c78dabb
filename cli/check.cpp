// schemagate check: findings, exit 1 when any has severity error. Offline the code is checked
// against the schema the migrations build; with a database (URL or snapshot) against what the
// database has now, with pending migrations named; with --deployed-ref the running code too.
// schemagate baseline runs the same checks and records the findings instead.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string_view>

#include "analyzers/checks/check.h"
#include "analyzers/pipeline/deploy.h"
#include "analyzers/pipeline/live.h"
#include "analyzers/pipeline/run.h"
#include "analyzers/pipeline/schema_cache.h"
#include "analyzers/pipeline/unchecked_reasons.h"
#include "analyzers/report/baseline.h"
#include "analyzers/report/renderer.h"
#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/pipeline/migration_sets.h"
#include "analyzers/source/changed_files.h"
#include "analyzers/source/discovery.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/rule_docs.h"

namespace schemagate::cli {

namespace {

/// The highest directory above `file` with no service under it ("internal/services/gateway/"),
/// so that --verbose names a shared subtree once, not each of its directories; "." for the root.
std::string unowned_subtree(const std::vector<pipeline::Service>& services, const std::string& file) {
  for (size_t slash = file.find('/'); slash != std::string::npos; slash = file.find('/', slash + 1)) {
    std::string dir = file.substr(0, slash);
    bool holds_service = std::any_of(services.begin(), services.end(), [&](const pipeline::Service& s) {
      return s.root == dir || s.root.rfind(dir + "/", 0) == 0;
    });
    if (!holds_service) return dir + "/";
  }
  return ".";
}

/// Files of languages schemagate does not read that hold SQL-like text: one line per language,
/// whatever the options but --quiet (their SQL is not checked, and a clean run must not read as
/// if it were); --verbose lists each file.
void report_unread(const std::vector<pipeline::UnreadFile>& unread, bool verbose) {
  std::map<std::string, std::vector<const std::string*>> by_language;
  for (auto& u : unread) by_language[u.language].push_back(&u.path);
  for (auto& [language, paths] : by_language) {
    std::cerr << "schemagate: note: " << paths.size() << " " << language << " file" << (paths.size() == 1 ? "" : "s")
              << " hold" << (paths.size() == 1 ? "s" : "") << " SQL-like text that is not checked: schemagate does not read "
              << language << " (" << (paths.size() == 1 ? "" : "first: ") << *paths.front() << ")\n";
    if (verbose)
      for (auto* p : paths) std::cerr << "schemagate: not read: " << *p << ": " << language << "\n";
  }
}

/// --verbose: how many scanned files each service covers, and the directories whose files no
/// service owns (checked against every set together, since their database is not known).
void report_service_coverage(const std::vector<pipeline::Service>& services, const std::vector<std::string>& files) {
  std::map<const pipeline::Service*, size_t> covered;
  std::map<std::string, size_t> unowned;  // directory -> files
  size_t tests = 0;
  for (auto& f : files) {
    if (const pipeline::Service* s = pipeline::service_of(services, f)) ++covered[s];
    else if (source::is_test_file(f)) ++tests;
    else ++unowned[unowned_subtree(services, f)];
  }
  for (auto& s : services)
    std::cerr << "schemagate: service " << (s.root.empty() ? std::string(".") : s.root + "/") << ": " << covered[&s]
              << " code file" << (covered[&s] == 1 ? "" : "s") << " checked against its migrations only\n";
  if (tests)
    std::cerr << "schemagate: tests: " << tests << " test file" << (tests == 1 ? "" : "s")
              << " checked against every service's migrations together (a test may start several services)\n";
  for (auto& [dir, n] : unowned)
    std::cerr << "schemagate: ambiguous owner: " << dir << " (" << n << " code file" << (n == 1 ? "" : "s")
              << ") is under no service's root: checked against every service's migrations together\n";
}

}  // namespace

bool collect(const CommonOptions& options, pipeline::CodeScan* scan, std::vector<std::string>* gone) {
  source::RealFileSystem real_fs(options.pipeline.root);
  CountingFileSystem fs(real_fs);  // what the progress line counts
  Progress progress(Progress::wanted(options.quiet, options.verbose), &fs);
  // The files changed since REF first: the question lists every directory and stats every
  // tracked file, and the file system adopts those listings, so that the schema cache's check
  // and the discovery below list none again. Its error, if any, is told where it was before.
  // The directories' names come from the last run's listings where a directory has not changed
  // since (source/listing_cache.h), kept beside the schema cache, named by the project.
  std::vector<std::string> changed, deleted;
  std::string changed_err;
  bool changed_ok = true;
  if (!options.changed_since.empty()) {
    std::string dir = options.schema_cache ? pipeline::schema_cache_dir() : "";
    std::error_code ec;
    std::string root = std::filesystem::absolute(options.pipeline.root, ec).lexically_normal().string();
    source::ListingCache listings(dir.empty() || ec ? "" : dir + "/listings-" + schema::catalog::sha256_hex(root).substr(0, 32));
    changed_ok = source::changed_since(options.pipeline.root, options.changed_since, &changed, &changed_err, &deleted,
                                       nullptr, &real_fs, &listings);
    if (changed_ok) listings.save();  // one that cannot be written costs the next run its listings, nothing else
  }
  progress.phase("reading migrations");
  pipeline::SchemaBuild build;
  if (!load_schema(fs, options, &build)) return false;
  std::unique_ptr<schema::catalog::CatalogReader> reader;
  if (!open_catalog(options, &reader)) return false;

  pipeline::Plan plan;
  plan.fs = &fs;
  plan.options = options.pipeline;
  plan.catalog = reader.get();
  plan.assume_migrated = options.assume_migrated;
  std::string err;
  if (!options.changed_since.empty() || !options.files.empty()) {
    // The files changed since REF and those given (pre-commit's), together.
    std::vector<std::string> selected = options.files;
    if (!options.changed_since.empty()) {
      if (!changed_ok) return fail(changed_err), false;
      selected.insert(selected.end(), changed.begin(), changed.end());
    }
    std::sort(selected.begin(), selected.end());
    selected.erase(std::unique(selected.begin(), selected.end()), selected.end());
    // A changed migration (a new DROP COLUMN) can break code that did not change: then every
    // file is checked, not only the changed ones. So can a removed one, and any other file the
    // schema is built from (pipeline::schema_source_kind).
    std::string migration, kind;
    for (auto& f : selected)
      if (migration.empty() && !(kind = pipeline::schema_source_kind(build, f, false)).empty()) migration = f;
    for (auto& f : deleted)
      if (migration.empty() && !(kind = pipeline::schema_source_kind(build, f, true)).empty()) migration = f;
    std::string which = options.files.empty() ? "changed since " + options.changed_since
                                              : options.changed_since.empty() ? "given"
                                                                              : "given or changed since " +
                                                                                    options.changed_since;
    if (migration.empty()) {
      plan.options.only_files = selected;
      // The indexes' answers for the files not scanned, kept beside the schema
      // cache and named by the project, as the listings are.
      std::string dir = options.schema_cache ? pipeline::schema_cache_dir() : "";
      std::string binary = dir.empty() ? "" : binary_identity();
      std::error_code ec;
      std::string root = std::filesystem::absolute(options.pipeline.root, ec).lexically_normal().string();
      if (!binary.empty() && !ec) {
        plan.options.index_cache_file = dir + "/index-" + schema::catalog::sha256_hex(root).substr(0, 32);
        plan.options.index_cache_key = binary + "\n" + root;
      }
      if (selected.empty() && !options.quiet)
        std::cerr << "schemagate: no file " << which << ": no code was checked\n";
    } else if (!options.quiet) {
      std::cerr << "schemagate: " << kind << " " << migration << " is among the files " << which
                << ": every file is checked\n";
    }
  }
  pipeline::RunningCode running;
  if (!options.deployed_ref.empty() || !options.deployed_path.empty()) {
    if (!pipeline::open_running_code(options.pipeline.root, options.deployed_ref, options.deployed_path, &running, &err))
      return fail(err), false;
    plan.running = &running;
  }
  pipeline::DeepOptions deep{options.pg_bindir, options.dev_database_url};
  if (options.postgres) plan.deep = &deep;
  pipeline::Outcome outcome;
  progress.phase("scanning code");
  if (!pipeline::check_code(plan, build, &outcome, &err)) return fail(err), false;
  progress.finish();
  if (plan.options.only_files && !plan.options.only_files->empty() && outcome.scan.files.empty() && !options.quiet)
    std::cerr << "schemagate: none of the " << plan.options.only_files->size() << " files selected is code schemagate "
              << "reads (--verbose says why each was left out): no code was checked\n";
  if (options.postgres && !options.quiet) {
    const pipeline::DeepSummary& d = outcome.deep;
    char times[160];
    std::snprintf(times, sizeof times, "%.2f s to start, %.2f s to migrate, %.2f s to prepare", d.setup_seconds,
                  d.migrate_seconds, d.prepare_seconds);
    if (!d.migrations_complete)
      std::cerr << "schemagate: --postgres: a migration was rejected; no statement was prepared (" << times << ")\n";
    else if (options.verbose)
      std::cerr << "schemagate: --postgres: " << d.database << ": " << d.migration_statements << " migration statements, "
                << d.statements << " statements prepared, " << d.rejected << " rejected, " << d.already_reported
                << " rejected where a static finding is, " << d.not_judged << " rejected for a reason not the code's ("
                << times << ")\n";
    if (options.verbose) {
      for (auto& n : d.already_reported_at) std::cerr << "schemagate: --postgres: confirms a static finding: " << n << "\n";
      for (auto& n : d.not_judged_at) std::cerr << "schemagate: --postgres: not the code's: " << n << "\n";
    }
  }
  if (options.verbose && reader) {
    size_t pending = 0;
    for (auto& s : outcome.live.states) pending += s.status == schema::catalog::MigrationStatus::Pending;
    std::cerr << "schemagate: database: " << outcome.live.snapshot.schema.relations().size() << " relations, " << pending
              << " pending migration" << (pending == 1 ? "" : "s") << ", search path ";
    for (size_t i = 0; i < outcome.live.search_path.size(); ++i)
      std::cerr << (i ? "," : "") << outcome.live.search_path[i];
    std::cerr << "\n";
  }
  *scan = std::move(outcome.scan);
  if (!options.quiet) report_unread(scan->unread, options.verbose);
  if (options.verbose && !build.services.empty()) report_service_coverage(build.services, scan->files);
  if (options.verbose && scan->indexed_elsewhere) {
    const std::string files = std::to_string(scan->indexed_elsewhere) + (scan->indexed_elsewhere == 1 ? " file" : " files");
    if (plan.options.index_cache_file.empty())
      std::cerr << "schemagate: index cache: not used; the " << files << " not scanned were read\n";
    else
      std::cerr << "schemagate: index cache: answered " << scan->indexed_from_cache << " of the " << files
                << " not scanned (" << plan.options.index_cache_file << ")\n";
  }
  if (options.verbose) {
    for (auto& s : scan->skipped) std::cerr << "schemagate: skipped: " << s.path << ": " << s.reason << "\n";
    std::map<std::string, int> by_reason;
    for (auto& s : scan->sites)
      if (!s.checked) {
        std::cerr << "schemagate: " << (s.partly ? "partly checked: " : "unchecked: ") << s.file << ":" << s.line << ":"
                  << s.column << ": " << s.reason << "\n";
        ++by_reason[s.reason_id];
      }
    // The counts by reason, in the fixed order of the list (README "Precision").
    std::string counts;
    for (auto& r : pipeline::unchecked_reasons())
      if (auto it = by_reason.find(std::string(r.id)); it != by_reason.end())
        counts += (counts.empty() ? "" : ", ") + std::string(r.id) + " " + std::to_string(it->second);
    if (!counts.empty()) std::cerr << "schemagate: not fully checked, by reason: " << counts << "\n";
  }
  return finish_findings(options, outcome.live_mode, outcome.deployed, scan, std::move(outcome.other), gone);
}

std::vector<report::RuleInfo> rule_catalogue() {
  std::vector<report::RuleInfo> rules;
  for (auto& c : checks::checks()) {
    report::RuleInfo rule{std::string(c.id()), c.severity, std::string(c.summary), "", ""};
    if (const RuleDoc* doc = find_rule_doc(rule.id)) rule.help_markdown = std::string(doc->markdown);
    rules.push_back(std::move(rule));
  }
  return rules;
}

int run_check(const CommonOptions& options) {
  pipeline::CodeScan scan;
  std::vector<std::string> gone;
  if (!collect(options, &scan, &gone)) return kCannotDecide;
  report::RenderOptions ro;
  ro.quiet = options.quiet;
  ro.rules = rule_catalogue();
  ro.files = scan.files;
  ro.elapsed_seconds = elapsed_seconds(options);
  ro.has_rule_page = has_rule_page;
  // Code scanning, merge requests and annotations place findings by the path from the repository's
  // root: when PATH is a subdirectory (a monorepo's service), those formats (Renderer::
  // repository_paths) get it prefixed.
  std::vector<report::Diagnostic> from_repository = scan.diagnostics;
  if (std::string prefix = repository_prefix(options.pipeline.root); !prefix.empty())
    for (auto& d : from_repository) {
      if (!d.file.empty()) d.file = prefix + d.file;
      for (auto& n : d.notes)
        if (!n.file.empty()) n.file = prefix + n.file;
    }
  // One run, every format: --format text --format sarif=results.sarif.
  for (auto& out : options.outputs) {
    const report::Renderer* renderer = report::find_renderer(out.format);
    if (!renderer) return fail("unknown format \"" + out.format + "\"");
    ro.color = out.format == "text" && (out.file.empty() ? use_color(options.color) : options.color == "always");
    std::string text =
        renderer->render(renderer->repository_paths ? from_repository : scan.diagnostics, scan.summary, ro);
    // Under GitHub Actions the text on stdout also annotates the pull request, with no flag to set.
    const char* github_actions = std::getenv("GITHUB_ACTIONS");
    if (out.format == "text" && out.file.empty() && github_actions && std::string_view(github_actions) == "true")
      text += report::github_annotations(from_repository);
    if (!write_output(out.file, text)) return kCannotDecide;
  }
  // Baseline entries that no longer occur: fixed, so the baseline can shrink.
  for (auto& g : gone) std::cerr << "schemagate: baseline: " << g << "\n";
  return scan.summary.errors > 0 ? kFindings : kClean;
}

int run_baseline(const CommonOptions& options) {
  if (!options.baseline_file.empty()) return fail("baseline writes a new baseline; --baseline reads one (use it with check)");
  pipeline::CodeScan scan;
  std::vector<std::string> gone;
  if (!collect(options, &scan, &gone)) return kCannotDecide;
  std::cout << report::write_baseline(scan.diagnostics);
  if (!options.quiet)
    std::cerr << "schemagate: baseline: " << scan.diagnostics.size() << " finding" << (scan.diagnostics.size() == 1 ? "" : "s")
              << " recorded\n";
  return kClean;
}

}  // namespace schemagate::cli
