#include "analyzers/report/fingerprint.h"

#include <cstdio>
#include <map>

namespace schemagate::report {

uint64_t fnv1a64(std::string_view data, uint64_t hash) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::vector<std::string> finding_fingerprints(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (auto& d : diagnostics) {
    std::string key = d.rule + '\x1f' + d.relation + '\x1f' + d.column_name.value_or("") + '\x1f' + d.file;
    int repeat = seen[key]++;
    if (repeat > 0) key += "#" + std::to_string(repeat);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a64(key)));
    out.push_back(hex);
  }
  return out;
}

}  // namespace schemagate::report
