// See python_engine_branches.h.
#include "analyzers/languages/python_engine_branches.h"

namespace schemagate::languages {

PythonEngineBranches::PythonEngineBranches(std::string_view source, TSNode root) : src_(source) {
  visit(root, 0);
  for (const Def& d : defs_)
    for (const Handed& h : handed_)
      if (d.name == h.name && d.scope == h.scope) ranges_.push_back({d.begin, d.end, h.engine});
}

std::string PythonEngineBranches::engine_of(uint32_t at, const std::vector<uint32_t>& o) const {
  for (const Range& r : ranges_) {
    if (r.begin <= at && at < r.end) return r.engine;
    if (!o.empty() && r.begin <= o.front() && o.front() < r.end && r.begin <= o.back() && o.back() < r.end)
      return r.engine;
  }
  return "";
}

}  // namespace schemagate::languages
