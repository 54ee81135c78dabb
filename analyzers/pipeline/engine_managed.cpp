// See engine_managed.h. One row per library: the word its configuration keys start with, the
// leaf key, the values that create the schema, and the table prefixes it owns.
#include "analyzers/pipeline/engine_managed.h"

#include <algorithm>
#include <cctype>

namespace schemagate::pipeline {
namespace {

struct Engine {
  const char* name;
  const char* scope;  ///< a word the file must have before the key ("flowable", "quartz")
  const char* key;    ///< the leaf key, as in YAML and at the end of a .properties key
  std::vector<std::string> values;
  std::vector<std::string> prefixes;
};

const std::vector<Engine>& engines() {
  static const std::vector<Engine> table = {
      {"Flowable", "flowable", "database-schema-update", {"true", "create", "create-drop", "drop-create"}, {"act_", "flw_"}},
      {"Activiti", "activiti", "database-schema-update", {"true", "create", "create-drop", "drop-create"}, {"act_"}},
      {"Camunda", "camunda", "schema-update", {"true", "create", "create-drop", "drop-create"}, {"act_"}},
      {"Quartz", "quartz", "initialize-schema", {"always"}, {"qrtz_"}},
      {"Spring Batch", "batch", "initialize-schema", {"always"}, {"batch_"}},
      {"Spring Session", "session", "initialize-schema", {"always"}, {"spring_session"}},
  };
  return table;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool spring_config(const std::string& path) {
  std::string name = lower(path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1));
  return name.rfind("application", 0) == 0 &&
         (name.ends_with(".yml") || name.ends_with(".yaml") || name.ends_with(".properties"));
}

}  // namespace

std::vector<EngineManagedTables> engine_managed_tables(const source::FileSystem& fs, const std::string& root,
                                                       const std::vector<std::string>& files) {
  std::vector<EngineManagedTables> out;
  for (const std::string& f : files) {
    if (!spring_config(f)) continue;
    std::string text, err;
    if (!fs.read(source::join_path(root, f), &text, &err)) continue;
    std::string low = lower(text);
    for (const Engine& e : engines()) {
      size_t scope = low.find(e.scope);
      for (size_t at = low.find(e.key); at != std::string::npos; at = low.find(e.key, at + 1)) {
        if (scope == std::string::npos || scope > at) break;
        size_t k = at + std::string_view(e.key).size();
        while (k < low.size() && (low[k] == ' ' || low[k] == '\t')) ++k;
        if (k >= low.size() || (low[k] != ':' && low[k] != '=')) continue;
        ++k;
        while (k < low.size() && (low[k] == ' ' || low[k] == '\t' || low[k] == '"' || low[k] == '\'')) ++k;
        size_t end = low.find_first_of(" \t\r\n#\"'", k);
        std::string value = low.substr(k, end == std::string::npos ? std::string::npos : end - k);
        if (std::find(e.values.begin(), e.values.end(), value) == e.values.end()) continue;
        // The key belongs to the engine: its line (a .properties key) or a line above it in
        // the same YAML block names the engine's scope.
        size_t line_start = low.rfind('\n', at);
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        bool scoped = low.substr(line_start, at - line_start).find(e.scope) != std::string::npos ||
                      (low.substr(line_start, at - line_start).find_first_not_of(" \t") != 0 &&
                       low.rfind(std::string(e.scope), at) != std::string::npos);
        if (!scoped) continue;
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
        out.push_back({e.prefixes, f, line,
                       std::string("created at run time by ") + e.name + " (" + e.key + ": " + value + ") as configured at"});
        break;
      }
    }
  }
  return out;
}

const EngineManagedTables* managed_by_engine(const std::vector<EngineManagedTables>& engines, const std::string& relation) {
  std::string name = lower(relation.substr(relation.find('.') == std::string::npos ? 0 : relation.find('.') + 1));
  for (const EngineManagedTables& e : engines)
    for (const std::string& p : e.prefixes)
      if (name.rfind(p, 0) == 0) return &e;
  return nullptr;
}

}  // namespace schemagate::pipeline
