// bun's names (github.com/uptrace/bun): the struct tag grammar, internal.Underscore and the
// default table name. Shared by the bun data layer (models and chains as requirements) and bun's
// Go migrations (NewCreateTable().Model(&T{}) as CREATE TABLE).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace schemagate::datalayers::bun {

/// internal.Underscore: an upper-case letter starts a word when a lower-case letter is beside it,
/// so a run of capitals stays one word until the last one before a lower-case letter
/// (ProjectID -> project_id, CPUPlatform -> cpu_platform).
std::string underscore(std::string_view s);

/// `bun:"name,opt,key:value"`: the name (first item when it has no ':') and the options.
struct Tag {
  bool present = false;
  std::string name;
  uint32_t name_at = 0;
  std::map<std::string, std::string, std::less<>> options;
};
/// The tag's value (between the quotes of bun:"..."), starting at file offset `at`.
Tag parse_tag(std::string_view value, uint32_t at);

/// The table of a model without `table:`: bun's default inflector, jinzhu/inflection's Plural of
/// the underscored type name (StatusToEmoji -> status_to_emojis).
std::string default_table(std::string_view type);

/// default_table(type) under the project's version of jinzhu/inflection: v1.0.0, or where the
/// project pins another (`pinned`), only where every release names it the same (gorm::module_plural).
std::optional<std::string> module_default_table(std::string_view type, bool pinned);

}  // namespace schemagate::datalayers::bun
