// See progress.h: when progress is drawn, and why the counts come from a file system wrapper.
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace schemagate::cli {

namespace {
std::atomic<Progress*> active{nullptr};  ///< the progress being drawn, for erase_active()
}  // namespace

bool CountingFileSystem::read(const std::string& path, std::string* out, std::string* err) const {
  if (!inner_.read(path, out, err)) return false;
  files_.fetch_add(1);
  bytes_.fetch_add(out->size());
  return true;
}

bool Progress::wanted(bool quiet, bool verbose) {
  if (quiet || verbose || !isatty(STDERR_FILENO)) return false;
  const char* ci = std::getenv("CI");
  if (ci && *ci && std::string_view(ci) != "false" && std::string_view(ci) != "0") return false;
  const char* term = std::getenv("TERM");
  return !(term && std::string_view(term) == "dumb");
}

Progress::Progress(bool on, const CountingFileSystem* counts) : on_(on && counts), counts_(counts) {
  if (!on_) return;
  if (const char* v = std::getenv("SCHEMAGATE_PROGRESS_AFTER")) {
    char* end = nullptr;
    double s = std::strtod(v, &end);
    if (end != v && *end == '\0' && s >= 0) after_ = s;
  }
  active.store(this);
  thread_ = std::thread([this] { loop(); });
}

Progress::~Progress() { finish(); }

void Progress::finish() {
  if (!on_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stop_) return;
    stop_ = true;
    if (drawn_) std::fputs("\r\x1b[K", stderr), std::fflush(stderr);
    drawn_ = false;
  }
  wake_.notify_all();
  thread_.join();
  Progress* self = this;
  active.compare_exchange_strong(self, nullptr);
}

void Progress::erase_active() {
  if (Progress* p = active.load()) p->finish();
}

void Progress::phase(const std::string& name) {
  if (!on_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  phase_ = name;
  draw_locked();
}

void Progress::draw_locked() {
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (stop_ || elapsed < after_) return;
  char line[200];
  std::snprintf(line, sizeof line, "\r\x1b[Kschemagate: %s: %zu files read (%.1f MB), %.1f s", phase_.c_str(),
                counts_->files(), static_cast<double>(counts_->bytes()) / 1e6, elapsed);
  std::fputs(line, stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, std::chrono::milliseconds(200));
    draw_locked();
  }
}

}  // namespace schemagate::cli
