// A SQLAlchemy base that names every model's table from its class name: `@declared_attr def
// __tablename__(cls): return CAMEL_TO_SNAKE.sub("_", cls.__name__).lower()` (prefect), or through
// a project helper doing `re.split("(?=[A-Z])", name)` and joining the parts (dispatch). Such a
// body is read, never run: it is recognised as a short chain of known string transforms of
// `cls.__name__` (a table of regular expressions whose effect is written here in C++, `lower()`,
// `lstrip("_")`, a helper function of the project, a regex compiled in another module), or as a
// constant (`return "events"`). Anything else (an unknown pattern, a condition, a prefix read
// from settings) is no rule, and the models that inherit it stay unchecked as before.
#pragma once
#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers::sqlalchemy_naming {

/// A rule as records keep it: "=name" for a constant table name, otherwise a sequence of
/// one-letter transforms applied to the class name in order (see apply()); "" is no rule.
using Rule = std::string;

/// `rule` as read in the index phase, where a name imported from another module is only a
/// placeholder, with each placeholder replaced by what the project's index says that name is;
/// `from`: the path of the file the rule was read in. "" when one cannot be resolved.
Rule resolve(const Rule& rule, std::string_view from, const ProjectFacts* facts, int depth = 0);

/// The table name `rule` gives class `class_name`; "" when the rule is none or unknown.
std::string apply(std::string_view rule, std::string_view class_name);

/// Reads the names of one parsed Python file that a `__tablename__` body may use: its module
/// level functions and `re.compile(...)` constants, and through its imports (with `facts`, the
/// project's index) those of other modules.
class NamingReader {
 public:
  NamingReader(std::string_view path, std::string_view text, TSNode root, const ProjectFacts* facts);
  /// The rule of a `def __tablename__(cls)` definition; "" when its body is not recognised.
  Rule tablename_rule(TSNode function_definition) const;
  /// What other modules may import from this one: (name, value) where value is "re:<pattern>"
  /// for a compiled regex or "fn:<rule>" for a function transforming its one parameter.
  std::vector<std::pair<std::string, std::string>> exports() const;

 private:
  struct Impl;
  std::string_view path_, text_;
  TSNode root_;
  const ProjectFacts* facts_;
};

/// The index key prefix of exports(): entries `<kExportPrefix>class:<name>` -> "<path>\n<value>".
inline constexpr std::string_view kExportPrefix = "sqlalchemy-naming:";

/// Whether a file may define such a helper (a cheap test on its text).
bool may_export(std::string_view text);

}  // namespace schemagate::datalayers::sqlalchemy_naming
