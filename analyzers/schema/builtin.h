// PostgreSQL's own functions, and those of the extensions the installed server ships, by name and
// the argument counts a call may pass. The lists are generated when schemagate is built, from a
// throwaway cluster of the installed server (ci/gen-builtin-functions.sh): never written by hand,
// so they are exactly the server's. Without a server at build time they are empty and
// unavailable() says why; calls are then unchecked.
#pragma once
#include <set>
#include <string>
#include <string_view>

namespace schemagate::schema::builtin {

enum class Match {
  Accepts,     ///< some overload takes that many arguments
  WrongCount,  ///< the name exists, no overload takes that many
  NoName,      ///< no function of that name
};

/// "" when the lists were generated; else why not (a sentence).
std::string_view unavailable();
/// A function of pg_catalog called with `arguments` arguments.
Match function(const std::string& name, int arguments);
/// A type of pg_catalog: a one-argument call of its name is a cast (int4(x), text(x)).
bool type(const std::string& name);
/// The extension's functions are listed (the server ships it and it could be created).
bool known_extension(const std::string& extension);
/// A function that CREATE EXTENSION `extension` adds.
Match extension_function(const std::string& extension, const std::string& name, int arguments);
/// Some extension the server ships, other than those in `except`, has a function of that name.
bool any_extension_function(const std::string& name, const std::set<std::string>& except);

}  // namespace schemagate::schema::builtin
