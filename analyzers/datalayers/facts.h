// Reading the project's facts (datalayer.h's ProjectFacts) the way every layer needs: a key
// that several files may give, taken only when they agree.
#pragma once
#include <string>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers {

/// The one value the project's facts give `key`, or null: none, or several that disagree (two
/// classes of one name, a table declared twice).
inline const std::string* one_fact(const ProjectFacts* facts, const std::string& key) {
  if (!facts) return nullptr;
  auto it = facts->find(key);
  if (it == facts->end() || it->second.empty()) return nullptr;
  for (auto& v : it->second)
    if (v != it->second.front()) return nullptr;
  return &it->second.front();
}

}  // namespace schemagate::datalayers
