// See python_engine_branches.h.
#include "analyzers/languages/python_engine_branches.h"

namespace schemagate::languages {

PythonEngineBranches::PythonEngineBranches(std::string_view source, TSNode root) : src_(source) {
  // The walk enters only nodes that spell one of the words its tests read (most of a file
  // spells none); when a SQLite handle is handed a name, again through every node, for the
  // definitions of that name.
  for (std::string_view word : {"Engine", "POSTGRES", "COCKROACH"})
    for (size_t at = source.find(word); at != std::string_view::npos; at = source.find(word, at + 1))
      marks_.push_back(static_cast<uint32_t>(at));
  // "sqlite" in any case, found from its q (memchr finds each q or Q): `| 0x20` lowers exactly
  // the letters that can match.
  for (char q : {'q', 'Q'})
    for (size_t at = source.find(q); at != std::string_view::npos; at = source.find(q, at + 1)) {
      if (at == 0 || at + 5 > source.size() || (source[at - 1] | 0x20) != 's') continue;
      bool sqlite = true;
      for (size_t k = 1; k < 5 && sqlite; ++k) sqlite = (source[at + k] | 0x20) == "qlite"[k];
      if (sqlite) marks_.push_back(static_cast<uint32_t>(at - 1));
    }
  std::sort(marks_.begin(), marks_.end());
  visit(root);
  if (!handed_.empty()) {
    ranges_.clear();
    defs_.clear();
    handed_.clear();
    every_node_ = true;
    visit(root);
  }
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
