// The catalog lookups (schema/builtin.cpp) answer as a reading of the generated tables one entry
// at a time does: the reference below is that reading.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "analyzers/schema/builtin.h"
#include "analyzers/schema/builtin_functions.h"

using namespace schemagate::schema;
using namespace schemagate::schema::builtin;

namespace {

bool accepts(int lo, int hi, int n) { return n >= lo && (hi < 0 || n <= hi); }

Match reference_function(const std::string& name, int arguments) {
  for (const Function& f : kFunctions)
    if (name == f.name) return accepts(f.min_args, f.max_args, arguments) ? Match::Accepts : Match::WrongCount;
  return Match::NoName;
}

bool reference_type(const std::string& name) {
  for (const char* t : kTypes)
    if (name == t) return true;
  return false;
}

Match reference_extension_function(const std::string& extension, const std::string& name, int arguments) {
  Match m = Match::NoName;
  for (const ExtensionFunction& f : kExtensionFunctions) {
    if (extension != f.extension || name != f.name) continue;
    if (accepts(f.min_args, f.max_args, arguments)) return Match::Accepts;
    m = Match::WrongCount;
  }
  return m;
}

bool reference_any_extension_function(const std::string& name, const std::set<std::string>& except) {
  for (const ExtensionFunction& f : kExtensionFunctions)
    if (name == f.name && !except.count(f.extension)) return true;
  return false;
}

}  // namespace

TEST_CASE("builtin: the lookups by name answer as the tables read entry by entry") {
  std::set<std::string> names{"", "no_such_function", "LOWER", "lower ", "int4x"};
  std::set<std::string> extensions{"", "no_such_extension"};
  for (const Function& f : kFunctions) names.insert(f.name);
  for (const char* t : kTypes) names.insert(t);
  for (const ExtensionFunction& f : kExtensionFunctions) {
    names.insert(f.name);
    extensions.insert(f.extension);
  }
  size_t compared = 0;
  for (const std::string& name : names) {
    REQUIRE(type(name) == reference_type(name));
    for (int n = 0; n <= 4; ++n) {
      REQUIRE(function(name, n) == reference_function(name, n));
      ++compared;
    }
    REQUIRE(any_extension_function(name, {}) == reference_any_extension_function(name, {}));
    REQUIRE(any_extension_function(name, {"pgcrypto"}) == reference_any_extension_function(name, {"pgcrypto"}));
  }
  for (const ExtensionFunction& f : kExtensionFunctions)
    for (const std::string& extension : {std::string(f.extension), std::string("no_such_extension")})
      for (int n = 0; n <= 4; ++n)
        REQUIRE(extension_function(extension, f.name, n) == reference_extension_function(extension, f.name, n));
  CHECK(compared >= 25);
  if (!unavailable().empty()) return;  // no server when built: the tables are empty
  CHECK(function("lower", 1) == Match::Accepts);
  CHECK(function("lower", 3) == Match::WrongCount);
  CHECK(function("no_such_function", 1) == Match::NoName);
  CHECK(type("int4"));
  CHECK_FALSE(type("int4x"));
  CHECK(extension_function("pgcrypto", "digest", 2) == Match::Accepts);
  CHECK(extension_function("pgcrypto", "digest", 5) == Match::WrongCount);
  CHECK(extension_function("no_such_extension", "digest", 2) == Match::NoName);
  CHECK(any_extension_function("digest", {}));
}
