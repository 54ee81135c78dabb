// How a Kysely instance names things, read where it is configured: `new Kysely({ dialect,
// plugins })`, or a config object handed to a module that makes the instance (nestjs-kysely's
// `KyselyModule.forRoot({ dialect: new PostgresDialect(...), plugins })`). CamelCasePlugin with
// its default options rewrites every identifier of every query run through the instance, the
// schema builder's included, so the data layer (queries) and the migration format (db.schema
// chains run by a Migrator) both read a name through the same rule.
#pragma once
#include <tree_sitter/api.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers::kysely {

/// Whether every Kysely instance of the project sends names as written (no plugin that renames
/// them): a table a chain names with upper case letters is then its SQL name as spelled.
bool sends_names_as_written(const ProjectFacts* facts);

/// CamelCasePlugin's snake case with its default options (createSnakeCaseMapper): an upper-case
/// letter becomes '_' and its lower case, unless the letter before it is upper case too; the
/// first letter is only lower-cased.
inline std::string snake_case(std::string_view s) {
  std::string out;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char low = upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    if (i > 0 && upper(c) && !upper(s[i - 1])) out += '_';
    out += low;
  }
  return out;
}

/// One plugin of a `plugins: [...]` list: "camel" (CamelCasePlugin with its default options),
/// "none" (a plugin that leaves names alone), "?" (cannot be told).
inline std::string plugin_naming(TSNode p, std::string_view src) {
  static const std::set<std::string_view> kKeepNames = {"ParseJSONResultsPlugin", "DeduplicateJoinsPlugin",
                                                        "HandleEmptyInListsPlugin"};
  p = js::unwrap(p);
  if (!js::is(p, "new_expression")) return "?";
  std::string_view ctor = js::text(js::field(p, "constructor"), src);
  if (kKeepNames.count(ctor)) return "none";
  if (ctor != "CamelCasePlugin") return "?";
  auto a = js::arguments(p);
  std::vector<js::Key> keys;
  return a.empty() || (a.size() == 1 && js::object_keys(a[0], src, &keys) && keys.empty()) ? "camel" : "?";
}

/// The naming of a Kysely config object literal: "camel", "none" or "?" (a plugin list computed
/// at run time, plugins that disagree, a spread that may add plugins).
inline std::string config_naming(TSNode config, std::string_view src) {
  std::vector<js::Key> keys;
  if (!js::object_keys(config, src, &keys)) return "?";
  std::string naming = "none";
  for (const js::Key& k : keys) {
    if (k.name != "plugins") continue;
    TSNode list = js::unwrap(k.value);
    if (!js::is(list, "array")) return "?";
    std::set<std::string> kinds;
    for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i)
      if (!js::is(ts_node_named_child(list, i), "comment")) kinds.insert(plugin_naming(ts_node_named_child(list, i), src));
    kinds.erase("none");
    naming = kinds.empty() ? "none" : kinds.size() == 1 ? *kinds.begin() : "?";
  }
  return naming;
}

/// Whether `obj` is a Kysely config that is not written as `new Kysely(obj)`: an object literal
/// whose `dialect` is a `new ...Dialect(...)` (nestjs-kysely's forRoot, a factory's result).
inline bool dialect_config(TSNode obj, std::string_view src) {
  if (!js::is(obj, "object")) return false;
  for (uint32_t i = 0; i < ts_node_named_child_count(obj); ++i) {
    TSNode p = ts_node_named_child(obj, i);
    if (!js::is(p, "pair") || js::text(js::field(p, "key"), src) != "dialect") continue;
    TSNode v = js::unwrap(js::field(p, "value"));
    if (!js::is(v, "new_expression")) return false;
    std::string_view ctor = js::text(js::field(v, "constructor"), src);
    return ctor.size() >= 7 && ctor.substr(ctor.size() - 7) == "Dialect";
  }
  return false;
}

/// Whether the `new Kysely(...)` node serves only a migrator: its file makes a `new Migrator(`
/// and the instance is a variable the file does not export. Its plugins name the migrations'
/// identifiers, not the application's queries.
inline bool migrator_only(TSNode new_kysely, std::string_view src) {
  if (src.find("new Migrator(") == std::string_view::npos) return false;
  TSNode n = ts_node_parent(new_kysely);
  if (!js::is(n, "variable_declarator")) return false;
  n = ts_node_parent(n);
  if (!js::is(n, "lexical_declaration") && !js::is(n, "variable_declaration")) return false;
  return !js::is(ts_node_parent(n), "export_statement");
}

}  // namespace schemagate::datalayers::kysely
