// GORM v2's default names (schema.NamingStrategy with no prefix, plural tables): shared by the
// GORM data layer and gormigrate's AutoMigrate steps.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace schemagate::datalayers::gorm {

/// NamingStrategy.toDBName: `TenantID` -> `tenant_id`, `HTTPProxy` -> `http_proxy`.
std::string to_db_name(std::string_view name);

/// jinzhu/inflection's Plural of a lower-case snake_case name: `project_run` -> `project_runs`,
/// `person` -> `people`, `human` -> `humen` (its irregulars match suffixes).
std::string plural(const std::string& word);

/// plural(word) where every release of jinzhu/inflection says the same; nullopt where they differ
/// (`goose`, `foot`, `leaf`, `campus`, `time`, ...: the commits after v1.0.0 added irregulars and
/// uncountables, and a project may pin one of them): a name to check against, only when certain.
std::optional<std::string> certain_plural(const std::string& word);

/// The fact a project's go.mod adds when it requires jinzhu/inflection at another version than
/// v1.0.0 (the one GORM v2 and bun require, which Go's module resolution then keeps): its value.
inline constexpr const char* kInflectionPinned = "go:inflection-version";

/// The version of `module` a go.mod requires ("v1.0.0"), "replaced" where a replace directive
/// names it, or "" where it does not name it (a comment, a longer module path do not count).
std::string go_module_version(std::string_view go_mod, std::string_view module);

/// The plural GORM or bun gives `word`: v1.0.0's, unless the project pins another version of
/// jinzhu/inflection (`pinned`), and then only where every release agrees; nullopt where not.
std::optional<std::string> module_plural(const std::string& word, bool pinned);

/// The default table of a struct type: plural(to_db_name(type)).
std::string table_name(std::string_view type);

}  // namespace schemagate::datalayers::gorm
