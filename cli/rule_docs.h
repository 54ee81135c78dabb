// The rule documentation pages (docs/rules/<rule>.md), compiled into the binary by
// cmake/embed_docs.cmake: `schemagate explain RULE` prints one, SARIF output carries them as
// each rule's help.
#pragma once
#include <string_view>
#include <vector>

namespace schemagate::cli {

struct RuleDoc {
  std::string_view rule;      ///< "missing-column"
  std::string_view markdown;  ///< the page, as written
};

const std::vector<RuleDoc>& rule_docs();

/// The page of `rule`, or null.
inline const RuleDoc* find_rule_doc(std::string_view rule) {
  for (auto& d : rule_docs())
    if (d.rule == rule) return &d;
  return nullptr;
}

}  // namespace schemagate::cli
