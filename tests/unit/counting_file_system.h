// A file system for tests that delegates to another and counts the reads of each path (a phase
// that must read a file once: ReadOnceFileSystem, a migration format's directory words).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::test {

class CountingReads final : public source::FileSystem {
 public:
  explicit CountingReads(const source::FileSystem& inner) : inner_(inner) {}
  bool read(const std::string& path, std::string* out, std::string* err) const override {
    ++reads[path];
    return inner_.read(path, out, err);
  }
  std::vector<source::DirEntry> list(const std::string& dir) const override { return inner_.list(dir); }
  bool is_dir(const std::string& path) const override { return inner_.is_dir(path); }
  bool is_file(const std::string& path) const override { return inner_.is_file(path); }
  mutable std::map<std::string, int> reads;

 private:
  const source::FileSystem& inner_;
};

}  // namespace schemagate::test
