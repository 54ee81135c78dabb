#include "analyzers/schema/builtin.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/schema/builtin_functions.h"

namespace schemagate::schema::builtin {
namespace {

bool accepts(int lo, int hi, int n) { return n >= lo && (hi < 0 || n <= hi); }

/// The catalog's tables by name, built on first use: every call in every statement asks, and
/// reading the ~2,650 functions one by one was 3.7% of a whole check's instructions.
/// Functions: a name's first entry, as the linear reading took it.
const std::unordered_map<std::string_view, const Function*>& functions_by_name() {
  static const auto index = [] {
    std::unordered_map<std::string_view, const Function*> m(std::size(kFunctions) * 2);
    for (const Function& f : kFunctions) m.emplace(f.name, &f);  // the first of a name stays
    return m;
  }();
  return index;
}

const std::unordered_set<std::string_view>& types_by_name() {
  static const std::unordered_set<std::string_view> index(std::begin(kTypes), std::end(kTypes));
  return index;
}

/// Extension functions: every entry of a name, in the table's order.
const std::unordered_multimap<std::string_view, const ExtensionFunction*>& extension_functions_by_name() {
  static const auto index = [] {
    std::unordered_multimap<std::string_view, const ExtensionFunction*> m;
    for (const ExtensionFunction& f : kExtensionFunctions) m.emplace(f.name, &f);
    return m;
  }();
  return index;
}

}  // namespace

std::string_view unavailable() { return kUnavailable; }

Match function(const std::string& name, int arguments) {
  const auto& index = functions_by_name();
  auto it = index.find(name);
  if (it == index.end()) return Match::NoName;
  return accepts(it->second->min_args, it->second->max_args, arguments) ? Match::Accepts : Match::WrongCount;
}

bool type(const std::string& name) { return types_by_name().count(name) != 0; }

bool known_extension(const std::string& extension) {
  if (!unavailable().empty()) return false;
  for (const char* e : kExtensions)
    if (extension == e) return true;
  return false;
}

Match extension_function(const std::string& extension, const std::string& name, int arguments) {
  Match m = Match::NoName;
  auto [from, to] = extension_functions_by_name().equal_range(name);
  for (auto it = from; it != to; ++it) {
    const ExtensionFunction& f = *it->second;
    if (extension != f.extension) continue;
    if (accepts(f.min_args, f.max_args, arguments)) return Match::Accepts;
    m = Match::WrongCount;
  }
  return m;
}

bool any_extension_function(const std::string& name, const std::set<std::string>& except) {
  auto [from, to] = extension_functions_by_name().equal_range(name);
  for (auto it = from; it != to; ++it)
    if (!except.count(it->second->extension)) return true;
  return false;
}

}  // namespace schemagate::schema::builtin
