// xorm's names and column types (xorm.io/xorm: names/mapper.go, tags/parser.go, the PostgreSQL
// dialect), once: xormigrate's Sync2 steps create a model's table with them, and a data layer
// reading xorm models names its columns with them. Each rule follows xorm's Go code, because a
// name one letter off is a false finding.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::datalayers::xorm {

/// The names.Mapper an engine maps struct and field names with: SnakeMapper is xorm's default,
/// GonicMapper the one projects set for Go initialisms (`UserID` -> user_id, not user_i_d).
enum class Mapper { snake, gonic };

/// Mapper.Obj2Table of a Go struct or field name.
std::string map_name(std::string_view go_name, Mapper mapper);

/// The mapper settings a Go file's text makes, in order: "table=gonic", "column=snake", ...
/// (SetMapper sets both, SetTableMapper and SetColumnMapper one each), "table=other" /
/// "column=other" for a mapper not modelled (a suffix mapper, SameMapper, a prefix mapper with
/// a prefix computed in code). A prefix mapper with a literal "" prefix is the mapper it wraps;
/// one whose prefix is a configuration value read with a literal key
/// (`names.NewPrefixMapper(names.SnakeMapper{}, conf.GetConfigString("tableNamePrefix"))`, through
/// a variable) is "table=snake@config:tableNamePrefix": the caller reads the key (an empty value
/// makes it "table=snake"); left so, project_mappers takes it as not certain.
std::vector<std::string> mapper_settings(std::string_view text);

/// The configuration key of a "...@config:key" setting, or "".
std::string configured_prefix_key(const std::string& setting);

/// The table and the column mapper of a project whose files make `settings`: xorm's default
/// SnakeMapper where none is set; nullopt for a side set to an unmodelled mapper or to two.
struct Mappers {
  std::optional<Mapper> table, column;
};
Mappers project_mappers(const std::vector<std::string>& settings);

/// One field's `xorm:"..."` tag, as xorm's tag parser reads it (space-separated keys, a quoted
/// or unknown word is the column name, `default X` and `comment X` take the next word).
struct Tag {
  bool ignored = false;   ///< "-": no column
  bool extends = false;   ///< the field's struct is flattened into the table
  bool pk = false, autoincr = false, unique = false, not_null = false, json = false;
  std::string name;       ///< the column name the tag gives, or ""
  std::string sql_type;   ///< PostgreSQL type of the tag's SQL type, or ""
  std::vector<std::string> unique_groups;  ///< unique(name) groups
};
Tag parse_tag(std::string_view value);

/// The PostgreSQL type xorm's Type2SQLType gives a Go field type ("int64", "time.Time",
/// "[]byte", "*string"); "" when the type is a named type this function cannot see through.
std::string go_sql_type(std::string_view go_type, bool autoincr);

}  // namespace schemagate::datalayers::xorm
