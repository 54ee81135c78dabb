#include "analyzers/schema/builtin.h"

#include "analyzers/schema/builtin_functions.h"

namespace schemagate::schema::builtin {
namespace {

bool accepts(int lo, int hi, int n) { return n >= lo && (hi < 0 || n <= hi); }

}  // namespace

std::string_view unavailable() { return kUnavailable; }

Match function(const std::string& name, int arguments) {
  for (const Function& f : kFunctions)
    if (name == f.name) return accepts(f.min_args, f.max_args, arguments) ? Match::Accepts : Match::WrongCount;
  return Match::NoName;
}

bool type(const std::string& name) {
  for (const char* t : kTypes)
    if (name == t) return true;
  return false;
}

bool known_extension(const std::string& extension) {
  if (!unavailable().empty()) return false;
  for (const char* e : kExtensions)
    if (extension == e) return true;
  return false;
}

Match extension_function(const std::string& extension, const std::string& name, int arguments) {
  Match m = Match::NoName;
  for (const ExtensionFunction& f : kExtensionFunctions) {
    if (extension != f.extension || name != f.name) continue;
    if (accepts(f.min_args, f.max_args, arguments)) return Match::Accepts;
    m = Match::WrongCount;
  }
  return m;
}

bool any_extension_function(const std::string& name, const std::set<std::string>& except) {
  for (const ExtensionFunction& f : kExtensionFunctions)
    if (name == f.name && !except.count(f.extension)) return true;
  return false;
}

}  // namespace schemagate::schema::builtin
