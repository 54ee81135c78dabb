// runs_named_query (pipeline/extract.h) as it was first written, one find per name from its first
// byte: the reference the rewritten versions are tested against (test_prefilters.cpp,
// test_word_search.cpp). Ruby's `.execute(` counts as that language's reading of it says
// (languages::ruby_execute_may_query, tested on its own in test_languages_jvm_ruby.cpp).
#pragma once
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <string_view>

#include "analyzers/languages/language.h"
#include "analyzers/languages/ruby.h"

namespace schemagate::testing {

inline bool ref_runs_named_query(std::string_view text, const schemagate::languages::Language& lang) {
  if (lang.name == "go") {
    static constexpr std::string_view kPackages[] = {"database/sql", "sqlx", "pgx", "gorm", "uptrace/bun", "lib/pq", "go-pg"};
    if (std::none_of(std::begin(kPackages), std::end(kPackages),
                     [&](std::string_view p) { return text.find(p) != std::string_view::npos; }))
      return false;
  }
  for (std::string_view name : lang.database_calls) {
    bool specific = name.find("Exec") != std::string_view::npos || name.find("Query") != std::string_view::npos ||
                    name.find("execute") != std::string_view::npos || name == "GetContext" || name == "SelectContext" ||
                    name == "fetchrow" || name == "fetchval";
    if (!specific) continue;
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1))
      if (at > 0 && text[at - 1] == '.' && at + name.size() < text.size() && text[at + name.size()] == '(' &&
          (lang.name != "ruby" || name != "execute" || schemagate::languages::ruby_execute_may_query(text)))
        return true;
  }
  for (size_t at = text.find("Sprintf("); at != std::string_view::npos; at = text.find("Sprintf(", at + 1)) {
    std::string_view arg = text.substr(at + 8, 5);
    std::string low;
    for (char c : arg) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (low.starts_with("query") || low.starts_with("sql") || low.starts_with("stmt")) return true;
  }
  return false;
}

}  // namespace schemagate::testing
