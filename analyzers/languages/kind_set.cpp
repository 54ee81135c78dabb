// See kind_set.h.
#include "analyzers/languages/kind_set.h"

#include <cstring>

namespace schemagate::languages {

bool KindSet::by_name(TSNode node) const {
  const char* type = ts_node_type(node);
  for (const char* name : names_)
    if (!std::strcmp(type, name)) return true;
  return false;
}

bool KindSet::has(TSNode node) const {
  if (ts_node_is_null(node)) return false;
  const TSLanguage* language = ts_tree_language(node.tree);
  for (Table& t : tables_) {
    const TSLanguage* l = t.grammar.load(std::memory_order_acquire);
    if (l == language) {
      TSSymbol symbol = ts_node_symbol(node);
      return symbol < t.kinds.size() ? static_cast<bool>(t.kinds[symbol]) : by_name(node);  // ERROR
    }
    if (!l) break;
  }
  std::lock_guard<std::mutex> lock(building_);
  for (Table& t : tables_) {
    const TSLanguage* l = t.grammar.load(std::memory_order_acquire);
    if (l == language) break;  // built by another thread meanwhile
    if (l) continue;
    uint32_t count = ts_language_symbol_count(language);
    t.kinds.assign(count, false);
    for (uint32_t s = 0; s < count; ++s) {
      const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(s));
      for (const char* n : names_)
        if (name && !std::strcmp(name, n)) t.kinds[s] = true;
    }
    t.grammar.store(language, std::memory_order_release);
    break;
  }
  return by_name(node);  // this once (and for a fifth grammar, always)
}

}  // namespace schemagate::languages
