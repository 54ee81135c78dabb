// Progress on a terminal for runs longer than a second: one line on stderr, redrawn in place
// ("schemagate: scanning code: 1843 files read (21.4 MB), 3.2 s"), erased when the run ends so
// that findings and the summary print as they always do. Nothing is drawn when stderr is not a
// terminal, with --quiet or --verbose (which prints its own account), under CI (CI set, not
// "false" or "0"), or with TERM=dumb. The counts come from the file system the pipeline reads
// through (a counting wrapper), so the pipeline itself knows nothing about progress;
// SQL sites are known when the scan ends, and the summary line gives them.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "analyzers/source/file_system.h"

namespace schemagate::cli {

/// Forwards every call to another file system and counts the files read and their bytes.
class CountingFileSystem final : public source::FileSystem {
 public:
  explicit CountingFileSystem(const source::FileSystem& inner) : inner_(inner) {}
  bool read(const std::string& path, std::string* out, std::string* err) const override;
  std::vector<source::DirEntry> list(const std::string& dir) const override { return inner_.list(dir); }
  bool read_dir(const std::string& dir, std::vector<source::DirEntry>* out, std::string* err) const override {
    return inner_.read_dir(dir, out, err);
  }
  std::shared_ptr<const std::vector<source::DirEntry>> read_dir_shared(const std::string& dir,
                                                                       std::string* err) const override {
    return inner_.read_dir_shared(dir, err);
  }
  bool is_dir(const std::string& path) const override { return inner_.is_dir(path); }
  bool is_file(const std::string& path) const override { return inner_.is_file(path); }
  std::optional<source::FileIdentity> seen_identity(const std::string& path) const override {
    return inner_.seen_identity(path);
  }
  size_t files() const { return files_.load(); }
  std::uintmax_t bytes() const { return bytes_.load(); }

 private:
  const source::FileSystem& inner_;
  mutable std::atomic<size_t> files_{0};
  mutable std::atomic<std::uintmax_t> bytes_{0};
};

class Progress {
 public:
  /// Whether progress is drawn for a run with these flags, from the environment and stderr.
  static bool wanted(bool quiet, bool verbose);
  /// `on` false: does nothing. Draws after SCHEMAGATE_PROGRESS_AFTER seconds (default 1).
  Progress(bool on, const CountingFileSystem* counts);
  ~Progress();  ///< stops drawing and erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// What the run is doing now ("reading migrations", "scanning code"); redraws at once when due.
  void phase(const std::string& name);
  /// Stops drawing and erases the line; later calls do nothing.
  void finish();
  /// Erases the line of the progress being drawn, if any, before other text goes to stderr
  /// (cli::fail calls it).
  static void erase_active();

 private:
  void draw_locked();
  void loop();

  bool on_;
  const CountingFileSystem* counts_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  double after_ = 1.0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool drawn_ = false;
  std::string phase_;
  std::thread thread_;
};

}  // namespace schemagate::cli
