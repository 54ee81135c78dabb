// Which module of the project a JavaScript / TypeScript import names, for the data layers that
// follow a name into the module that exports it (Knex's exported instances, Prisma's exported
// select objects).
#pragma once
#include <string>
#include <string_view>

namespace schemagate::datalayers::js {

/// A file's path or an import's specifier as a module: its script extension and a trailing
/// `/index` dropped ("src/db/index.ts" -> "src/db", "./survey-record.js" -> "./survey-record").
std::string module_of(std::string_view path);

/// Whether an import of `spec` in the file at `importer` (root-relative) can load `module`
/// (module_of of a file's path): a relative specifier that resolves to it; an alias (`@/lib/db`,
/// `~/db`) or a package's subpath (`@acme/db/client`) whose rest its path ends with; a package
/// (`@nangohq/database`) whose name, without its scope, is a folder of its path
/// (packages/database/lib). A module never names itself.
bool names_module(std::string_view spec, std::string_view importer, std::string_view module);

}  // namespace schemagate::datalayers::js
