// How TypeORM names a table and a column, and what its entity declarations tell other files.
// The entity layer (typeorm.cpp) reads `@Entity` classes and the project's configurations; the
// query builder layer (typeorm_query_builder.cpp) meets an entity only by its class name in
// another file (`getRepository(User).createQueryBuilder('user').where('user.email = :e')`), so
// the entity layer's index publishes each class's table, column properties, relations and base
// class as project facts, and both layers name an unnamed column by one rule.
#pragma once
#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers::typeorm {

constexpr std::string_view kNamingKey = "typeorm:naming";        ///< one per configuration
constexpr std::string_view kStrategyKey = "typeorm:strategy:";   ///< + class name: its naming
/// + class name: "schema.table" of an @Entity class whose name the file spells, "?" otherwise.
constexpr std::string_view kEntityKey = "typeorm:entity:";
/// + "Class.property": the column's own name, "=" when the naming strategy names it, "?" when it
/// cannot be told (computed, embedded columns).
constexpr std::string_view kColumnKey = "typeorm:column:";
/// + "Class.property": the related class (`@ManyToOne(() => Media)`), "?" when not spelled.
constexpr std::string_view kRelationKey = "typeorm:relation:";
/// + "Class.property": the column a @ManyToOne / @OneToOne relation's `@JoinColumn({ name })`
/// names on the class's table (only when one literal name is spelled).
constexpr std::string_view kJoinColumnKey = "typeorm:join-column:";
/// + "Class.property": the property of the related class a @OneToMany / @OneToOne relation is
/// the inverse of (`(photo) => photo.user`), when spelled so.
constexpr std::string_view kInverseKey = "typeorm:inverse:";
/// Present when a file declares an `EntitySchema` (entities the index does not read).
constexpr std::string_view kEntitySchemaKey = "typeorm:entity-schema";
/// + class name: the class it extends ("" none) for every class that declares columns or
/// relations, or is an entity: a class absent here has members nobody read.
constexpr std::string_view kExtendsKey = "typeorm:extends:";

/// typeorm's snakeCase: "ABc" -> "a_bc", "aC" -> "a_c", then lower case.
inline std::string snake_case(std::string_view s) {
  auto up = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto low = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string a;
  for (size_t i = 0; i < s.size(); ++i) {
    a += s[i];
    if (i + 2 < s.size() && up(s[i]) && up(s[i + 1]) && low(s[i + 2])) a += '_';
  }
  std::string b;
  for (size_t i = 0; i < a.size(); ++i) {
    b += a[i];
    if (i + 1 < a.size() && (low(a[i]) || std::isdigit(static_cast<unsigned char>(a[i]))) && up(a[i + 1])) b += '_';
  }
  for (char& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return b;
}

/// A camelCase name every snake case turns alike: no capital after a capital or a digit.
inline bool plain_camel(std::string_view s) {
  for (size_t i = 1; i < s.size(); ++i)
    if (s[i] >= 'A' && s[i] <= 'Z' && ((s[i - 1] >= 'A' && s[i - 1] <= 'Z') || std::isdigit(static_cast<unsigned char>(s[i - 1]))))
      return false;
  return true;
}

/// How the project's configurations name a property without a name of its own: "default"
/// (as written), "snake", "snake-plain" (a project class whose snake case may differ from
/// typeorm's on runs of capitals), or "" (cannot be told).
inline std::string project_naming(const ProjectFacts* facts) {
  if (!facts) return "";
  auto it = facts->find(kNamingKey);
  if (it == facts->end()) return "";
  std::set<std::string> kinds;
  for (const std::string& v : it->second) {
    if (v.rfind("strategy:", 0) == 0) {
      // A class of the project by that name, else typeorm-naming-strategies' SnakeNamingStrategy.
      auto c = facts->find(std::string(kStrategyKey) + v.substr(9));
      std::set<std::string> cs;
      if (c != facts->end()) cs.insert(c->second.begin(), c->second.end());
      else if (v == "strategy:SnakeNamingStrategy") cs.insert("snake");
      kinds.insert(cs.size() == 1 ? *cs.begin() : "?");
    } else {
      kinds.insert(v);
    }
  }
  return kinds.size() == 1 && *kinds.begin() != "?" ? *kinds.begin() : "";
}

/// The column an unnamed property maps to under `naming` (project_naming), or "" when the
/// naming strategy decides and cannot be told.
inline std::string unnamed_column(std::string_view prop, const std::string& naming) {
  bool upper = false;
  for (char c : prop) upper = upper || (c >= 'A' && c <= 'Z');
  if (naming == "snake" || (naming == "snake-plain" && plain_camel(prop))) return snake_case(prop);
  if (upper && naming != "default") return "";
  return std::string(prop);
}

}  // namespace schemagate::datalayers::typeorm
