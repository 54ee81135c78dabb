// What the whole project tells before any file is extracted (ProjectFacts), shared by the host
// languages (Go's package index, go_packages.h) and the data layers (datalayers/datalayer.h).
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::languages {

/// Facts kept beside a ProjectFacts map rather than in it: a pre-commit run's Go package facts of
/// the files it did not read, answered from the index cache (pipeline/index_cache.h), which are
/// most of the project's and cost more to put in the map than the rest of the run.
class FactTable {
 public:
  virtual ~FactTable() = default;
  /// each(value) for every value the table gives `key`.
  virtual void values(std::string_view key, const std::function<void(std::string_view)>& each) const = 0;
};

/// Key -> every value some file gave it, in file order (keys are each reader's own:
/// "activerecord:class:User", "go:func:<dir>:<Name>").
struct ProjectFacts : std::map<std::string, std::vector<std::string>, std::less<>> {
  using std::map<std::string, std::vector<std::string>, std::less<>>::map;
  /// More facts, which the Go package index's readers (go.cpp, string_eval.cpp: every "go:" and
  /// "sql:query:" key but "go:package:") ask beside the map's; null: none. Their values' order
  /// among the map's is not kept: those readers ask whether any, all or one value does.
  const FactTable* more = nullptr;
};

/// Every value `facts` gives `key`: the map's, then its table's (ProjectFacts::more), in no order
/// a reader may rely on.
inline std::vector<std::string_view> fact_values(const ProjectFacts& facts, const std::string& key) {
  std::vector<std::string_view> out;
  if (auto it = facts.find(key); it != facts.end()) out.assign(it->second.begin(), it->second.end());
  if (facts.more) facts.more->values(key, [&](std::string_view v) { out.push_back(v); });
  return out;
}

}  // namespace schemagate::languages
