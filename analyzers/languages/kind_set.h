// Node kinds compared as symbol ids. The extraction walks ask "is this node a function, a class"
// at every node; asked by name, each question is ts_node_type (a lookup of the symbol's name)
// and string compares. A KindSet answers with one table lookup, its table built per grammar from
// the names, once.
#pragma once
#include <tree_sitter/api.h>

#include <array>
#include <atomic>
#include <initializer_list>
#include <mutex>
#include <vector>

namespace schemagate::languages {

/// `has(node)` is node_is(node, name) for any of the names. The table of a grammar is built the
/// first time one of its nodes is asked about, over every symbol of the grammar by name (so an
/// alias, or a name several symbols share, counts as node_is counts it). Thread-safe.
class KindSet {
 public:
  KindSet(std::initializer_list<const char*> names) : names_(names) {}
  KindSet(const KindSet&) = delete;
  KindSet& operator=(const KindSet&) = delete;
  bool has(TSNode node) const;

 private:
  struct Table {
    std::atomic<const TSLanguage*> grammar{nullptr};  ///< set (release) once `kinds` is complete
    std::vector<bool> kinds;                          ///< by public symbol id
  };
  bool by_name(TSNode node) const;
  std::vector<const char*> names_;
  mutable std::array<Table, 4> tables_;  ///< one per grammar met (JavaScript, TypeScript, TSX)
  mutable std::mutex building_;
};

}  // namespace schemagate::languages
