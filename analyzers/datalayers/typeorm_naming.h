// How TypeORM names a table and a column, and what its entity declarations tell other files.
// The entity layer (typeorm.cpp) reads `@Entity` classes and the project's configurations; the
// query builder layer (typeorm_query_builder.cpp) meets an entity only by its class name in
// another file (`getRepository(User).createQueryBuilder('user').where('user.email = :e')`), so
// the entity layer's index publishes each class's table, column properties, relations and base
// class as project facts, and both layers name an unnamed column by one rule.
#pragma once
#include <cctype>
#include <optional>
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
/// + "Class.property": the column on the class's table that an owner-side relation (@ManyToOne,
/// or @OneToOne with @JoinColumn) joins by: the name `@JoinColumn({ name })` spells; "=" + the
/// referenced property (`referencedColumnName`, "" the related entity's primary column) when the
/// naming strategy names it; "?" when it cannot be told (several join columns, computed names).
constexpr std::string_view kJoinColumnKey = "typeorm:join-column:";
/// + class name: a primary column property of the class (one value per primary column).
constexpr std::string_view kPrimaryKey = "typeorm:primary:";
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

/// typeorm's camelCase: "requested_by" -> "requestedBy", a leading capital lowered.
inline std::string camel_case(std::string_view s) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == 0 && c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c == '_' || c == '-' || c == ' ') && i + 1 < s.size() && word(s[i + 1])) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 1])));
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

/// The join column a relation `relation` referencing property `referenced` gets from the naming
/// strategy (joinColumnName: camelCase of "relation_referenced" by default, snake_case of it
/// under SnakeNamingStrategy), or "" when it cannot be told (a project's own strategy class).
inline std::string join_column_name(const std::string& relation, const std::string& referenced, const std::string& naming) {
  if (naming == "default") return camel_case(relation + "_" + referenced);
  if (naming == "snake") return snake_case(relation + "_" + referenced);
  return "";
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

/// What the entity layer's index says about the project's classes.
class Entities {
 public:
  Entities(const ProjectFacts* facts, std::string default_schema)
      : facts_(facts), naming_(project_naming(facts)), default_schema_(std::move(default_schema)) {}

  /// Whether the project declares any TypeORM class at all.
  bool any() const {
    if (!facts_) return false;
    auto it = facts_->lower_bound(kExtendsKey);
    return it != facts_->end() && it->first.rfind(kExtendsKey, 0) == 0;
  }

  struct Table {
    std::string schema, name;
  };
  /// The table of an entity class, when the project declares exactly one class of that name.
  std::optional<Table> table(const std::string& cls) const {
    if (!unique(cls)) return std::nullopt;
    bool absent = false;
    auto v = one(std::string(kEntityKey) + cls, &absent);
    if (!v || *v == "?") return std::nullopt;
    size_t tab = v->find('\t');
    if (tab == std::string::npos) return std::nullopt;
    Table t{v->substr(0, tab), v->substr(tab + 1)};
    if (t.schema.empty()) t.schema = default_schema_;
    return t;
  }

  /// The entity class TypeORM finds for a string join or from() target with no dot: an entity
  /// class of that name or an entity of that table name, when exactly one matches. "" when none
  /// does; *certain is false when an entity the index could not name (a computed table name, an
  /// EntitySchema) might.
  std::string by_name(const std::string& name, bool* certain) const {
    *certain = facts_ && !facts_->count(kEntitySchemaKey);
    std::set<std::string> found;
    if (!facts_) return "";
    if (table(name)) found.insert(name);
    for (auto it = facts_->lower_bound(kEntityKey); it != facts_->end() && it->first.rfind(kEntityKey, 0) == 0; ++it) {
      std::string cls = it->first.substr(kEntityKey.size());
      for (auto& v : it->second) {
        if (v == "?") *certain = false;
        size_t tab = v.find('\t');
        if (tab != std::string::npos && v.substr(tab + 1) == name) found.insert(cls);
      }
    }
    if (found.size() > 1) *certain = false;
    return found.size() == 1 && table(*found.begin()) ? *found.begin() : "";
  }

  /// A per-property fact (`key` + "Class.prop") of `cls` or of the class it extends that declares it.
  std::optional<std::string> inherited(std::string_view key, std::string cls, const std::string& prop) const {
    for (int depth = 0; depth < 8; ++depth) {
      bool absent = false;
      if (auto v = one(std::string(key) + cls + "." + prop, &absent)) return v;
      if (!absent) return std::nullopt;
      auto base = one(std::string(kExtendsKey) + cls, &absent);
      if (!base || base->empty() || *base == "?") return std::nullopt;
      cls = *base;
    }
    return std::nullopt;
  }

  /// The column an owner-side relation `prop` of `cls` joins by, on `cls`'s table: named by
  /// `@JoinColumn({ name })` or by the project's naming strategy from the referenced property (the
  /// related entity's one primary column); nullopt when it cannot be told or `prop` is the
  /// inverse side.
  std::optional<std::string> join_column(const std::string& cls, const std::string& prop) const {
    auto v = inherited(kJoinColumnKey, cls, prop);
    if (!v || *v == "?" || v->empty()) return std::nullopt;
    if ((*v)[0] != '=') return v;
    std::string referenced = v->substr(1), related;
    if (referenced.empty()) {
      if (member(cls, prop, &related) != Kind::Relation || related == "?") return std::nullopt;
      auto pk = primary(related);
      if (!pk) return std::nullopt;
      referenced = *pk;
    }
    std::string name = join_column_name(prop, referenced, naming_);
    if (name.empty()) return std::nullopt;
    return name;
  }

  /// The one primary column property of `cls`, declared there or in a class it extends.
  std::optional<std::string> primary(std::string cls) const {
    std::set<std::string> found;
    for (int depth = 0; depth < 8; ++depth) {
      if (!unique(cls)) return std::nullopt;
      auto it = facts_->find(std::string(kPrimaryKey) + cls);
      if (it != facts_->end()) found.insert(it->second.begin(), it->second.end());
      bool absent = false;
      auto base = one(std::string(kExtendsKey) + cls, &absent);
      if (!base || *base == "?") return std::nullopt;
      if (base->empty() || *base == "BaseEntity") break;
      cls = *base;
    }
    if (found.size() != 1 || *found.begin() == "?") return std::nullopt;
    return *found.begin();
  }

  enum class Kind { Column, Relation, None, Unknown };
  /// What `prop` of `cls` is, declared there or in a class it extends: a column (its name in
  /// *out), a relation (the related class in *out, "?" unknown), nothing TypeORM maps (every
  /// class up the chain was read), or unknown.
  Kind member(std::string cls, const std::string& prop, std::string* out) const {
    for (int depth = 0; depth < 8; ++depth) {
      if (!unique(cls)) return Kind::Unknown;
      bool absent = false;
      auto c = one(std::string(kColumnKey) + cls + "." + prop, &absent);
      if (!absent) {
        if (!c || *c == "?") return Kind::Unknown;
        *out = *c == "=" ? unnamed_column(prop, naming_) : *c;
        return out->empty() ? Kind::Unknown : Kind::Column;
      }
      auto r = one(std::string(kRelationKey) + cls + "." + prop, &absent);
      if (!absent) {
        *out = r ? *r : "?";
        return Kind::Relation;
      }
      auto base = one(std::string(kExtendsKey) + cls, &absent);
      if (!base || *base == "?") return Kind::Unknown;
      if (base->empty() || *base == "BaseEntity") return Kind::None;
      cls = *base;
    }
    return Kind::Unknown;
  }

 private:
  /// Whether one class of the project has that name: each class gives its base once.
  bool unique(const std::string& cls) const {
    if (!facts_) return false;
    auto it = facts_->find(std::string(kExtendsKey) + cls);
    return it != facts_->end() && it->second.size() == 1;
  }

  /// The one value files gave `key`; nullopt when none (*absent) or when they disagree (two
  /// classes of one name).
  std::optional<std::string> one(const std::string& key, bool* absent) const {
    *absent = true;
    if (!facts_) return std::nullopt;
    auto it = facts_->find(key);
    if (it == facts_->end() || it->second.empty()) return std::nullopt;
    *absent = false;
    for (auto& v : it->second)
      if (v != it->second.front()) return std::nullopt;
    return it->second.front();
  }

  const ProjectFacts* facts_;
  std::string naming_;
  std::string default_schema_;
};

}  // namespace schemagate::datalayers::typeorm
