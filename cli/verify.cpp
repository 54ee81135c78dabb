// schemagate verify: the second half of the deploy-time gate, run where the database is (an init
// container, a pre-sync hook, a release phase). It reads a manifest and the database's catalog and
// tracking tables (the read-only path of `check --database-url`) and nothing else: no source
// tree, no parser. With --wait it polls, with a doubling delay bounded at 5 s and by the deadline,
// until every requirement holds (a migration job running beside it); SIGINT and SIGTERM end the
// wait between two reads, with exit 2.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "analyzers/checks/check.h"
#include "analyzers/manifest/verify.h"
#include "analyzers/report/renderer.h"
#include "cli/commands.h"

namespace schemagate::cli {
namespace {

volatile std::sig_atomic_t g_signal = 0;
extern "C" void on_signal(int sig) { g_signal = sig; }

/// "90", "90s", "500ms", "5m", "1h", "1m30s" -> milliseconds; false on anything else.
bool parse_duration(const std::string& text, long long* ms) {
  if (text.empty()) return false;
  long long total = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == start || i - start > 9) return false;
    long long n = std::stoll(text.substr(start, i - start));
    size_t u = i;
    while (i < text.size() && (text[i] < '0' || text[i] > '9')) ++i;
    std::string unit = text.substr(u, i - u);
    if (unit == "ms") total += n;
    else if (unit == "s" || unit.empty()) total += n * 1000;
    else if (unit == "m") total += n * 60'000;
    else if (unit == "h") total += n * 3'600'000;
    else return false;
    if (unit.empty() && i < text.size()) return false;
  }
  *ms = total;
  return true;
}

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

/// Sleeps `ms`, waking early for a signal. False when a signal arrived.
bool sleep_unless_signalled(long long ms) {
  using Clock = std::chrono::steady_clock;
  auto until = Clock::now() + std::chrono::milliseconds(ms);
  for (auto now = Clock::now(); !g_signal && now < until; now = Clock::now())
    std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::milliseconds(50), until - now));
  return !g_signal;
}

}  // namespace

int run_verify(const CommonOptions& options) {
  using Clock = std::chrono::steady_clock;
  long long wait_ms = 0;
  if (!options.wait.empty() && !parse_duration(options.wait, &wait_ms))
    return fail("--wait \"" + options.wait + "\" is not a duration (examples: 30s, 5m, 1m30s, 500ms)");
  const report::Renderer* renderer = report::find_renderer(options.format);
  if (!renderer) return fail("unknown format \"" + options.format + "\"");

  source::RealFileSystem fs;
  std::string text, err;
  if (!fs.read(options.manifest_file, &text, &err))
    return fail("cannot read manifest \"" + options.manifest_file + "\": " + err);
  manifest::Manifest m;
  if (!manifest::read(text, &m, &err)) return fail("manifest \"" + options.manifest_file + "\" " + err);

  std::unique_ptr<schema::catalog::CatalogReader> reader;
  if (!open_catalog(options, &reader)) return kCannotDecide;
  if (!reader)
    return fail("verify needs a database: pass --database-url URL (or set DATABASE_URL) or --schema-snapshot FILE");

  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  const auto deadline = Clock::now() + std::chrono::milliseconds(wait_ms);
  long long delay = 250;
  manifest::Verification result;
  schema::catalog::CatalogSnapshot snapshot;
  for (int attempt = 1;; ++attempt) {
    bool read = reader->read(&snapshot, &err);
    bool decided = read && manifest::verify(m, snapshot, &result, &err);
    int errors = 0;
    if (decided)
      for (auto& d : result.diagnostics) errors += d.severity == report::Severity::Error;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    // A database that cannot be read is waited for too (it may be starting); one that disagrees
    // with itself (tracking tables) is not going to change its mind.
    bool retry = wait_ms > 0 && left > 0 && !g_signal && (decided ? errors > 0 : !read);
    if (!retry) {
      if (g_signal) return fail(std::string("interrupted by ") + (g_signal == SIGINT ? "SIGINT" : "SIGTERM") +
                                " before every requirement held");
      if (!decided) return fail(err);
      break;
    }
    long long pause = std::min<long long>(delay, left);
    if (!options.quiet) {
      std::cerr << "schemagate: verify: attempt " << attempt << ": "
                << (decided ? plural(static_cast<size_t>(errors), "error") : "cannot read the database (" + err + ")")
                << "; checking again in " << pause << " ms (deadline in " << (left + 999) / 1000 << " s)\n";
    }
    if (!sleep_unless_signalled(pause))
      return fail(std::string("interrupted by ") + (g_signal == SIGINT ? "SIGINT" : "SIGTERM") +
                  " before every requirement held");
    delay = std::min<long long>(delay * 2, 5000);
  }

  if (!result.migration_set_warning.empty()) std::cerr << "schemagate: warning: " << result.migration_set_warning << "\n";
  if (options.verbose) {
    for (auto& e : m.requirements)
      if (!e.unchecked.empty())
        std::cerr << "schemagate: unchecked: " << e.schema << "." << e.relation << (e.column.empty() ? "" : "." + e.column)
                  << ": " << e.unchecked << "\n";
    for (auto& u : m.unchecked)
      std::cerr << "schemagate: unchecked: " << u.file << ":" << u.line << ":" << u.column << ": " << u.reason << "\n";
  }

  report::Summary summary = m.summary;
  summary.errors = summary.warnings = 0;
  for (auto& d : result.diagnostics) {
    if (d.severity == report::Severity::Error) ++summary.errors;
    if (d.severity == report::Severity::Warning) ++summary.warnings;
  }
  report::RenderOptions ro;
  ro.color = options.format == "text" && use_color(options.color);
  ro.quiet = options.quiet || options.format == "text";  // text: verify's own summary line below
  ro.rules = rule_catalogue();
  ro.elapsed_seconds = elapsed_seconds(options);
  ro.has_rule_page = has_rule_page;
  for (auto& e : m.requirements)
    for (auto& p : e.places) ro.files.push_back(p.file);
  std::sort(ro.files.begin(), ro.files.end());
  ro.files.erase(std::unique(ro.files.begin(), ro.files.end()), ro.files.end());
  std::cout << renderer->render(result.diagnostics, summary, ro);
  if (options.format == "text" && !options.quiet) {
    size_t applied = 0, pending = 0;
    for (size_t i = 0; i < m.migrations.size() && i < result.states.size(); ++i) {
      applied += result.states[i].status == schema::catalog::MigrationStatus::Applied;
      pending += result.states[i].status == schema::catalog::MigrationStatus::Pending;
    }
    std::cout << "schemagate: manifest" << (m.commit.empty() ? "" : " of " + m.commit.substr(0, 12)) << ": "
              << plural(m.requirements.size(), "requirement") << " (" << result.present << " present, " << result.absent
              << " absent, " << result.unchecked << " unchecked), " << plural(m.migrations.size(), "migration") << " ("
              << applied << " applied, " << pending << " pending), " << plural(summary.errors, "error") << ", "
              << plural(summary.warnings, "warning") << "\n";
  }
  const char* github_actions = std::getenv("GITHUB_ACTIONS");
  if (options.format == "text" && github_actions && std::string_view(github_actions) == "true")
    std::cout << report::github_annotations(result.diagnostics);
  std::cout.flush();
  return summary.errors > 0 ? kFindings : kClean;
}

}  // namespace schemagate::cli
