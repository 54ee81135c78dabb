// JPA / Hibernate entities (Java and Kotlin). An @Entity class with @Table(name = "...") needs
// that table, and each persistent field with @Column(name = "...") or @JoinColumn(name = "...")
// needs that column: Hibernate selects, inserts and updates them all whenever the entity is
// loaded or saved, so a column no migration adds fails the first query of the entity.
//
// A Kotlin entity's persistent fields are its properties with a backing field: the constructor's
// `val`/`var`s (a plain parameter is none) and the body's properties, less `const`, delegated
// (`by lazy`) and accessor-only ones. An annotation without a use-site target lands on the field
// (JPA's annotations do not target parameters); `@get:Id` or `@get:Column` maps the entity
// through its getters, and `@param:` annotates the parameter alone. A class that calls a
// supertype's constructor (`: Base()`) extends it.
//
// A name Hibernate derives (an entity without @Table, a field without @Column(name)) depends on
// the naming strategy. In a Spring Boot application (a @SpringBootApplication class in the
// project) whose application properties do not set another one, the physical strategy is
// CamelCaseToUnderscoresNamingStrategy: `lastName` is last_name, entity `PetType` (or
// @Entity(name)) is table pet_type. `spring.jpa.hibernate.naming.physical-strategy` set to
// Hibernate's PhysicalNamingStrategySnakeCaseImpl gives the same names, to
// PhysicalNamingStrategyStandardImpl the Java names (folded to lower case by PostgreSQL, as
// Hibernate does not quote them). Anything else (plain Hibernate without Spring Boot, another or
// a custom strategy, an implicit-strategy setting, quoted identifiers, a digit next to a
// capital) leaves derived names unchecked, once per entity. So do an entity that extends another
// class (single-table inheritance puts its fields in the root's table), fields whose type is an
// @Embeddable of the project, relation fields without @JoinColumn(name), and entities mapped
// through their getters. Unquoted names fold to lower case as PostgreSQL folds them; a
// @Column(table = "...") of a secondary table is left out, and so are @Transient and static
// fields and the columns of @MappedSuperclass / @Embeddable classes (their table is another
// class's).
//
// Hibernate only queries an entity the code uses: a repository of it, `em.find(X.class, id)`, a
// JPQL `FROM X`, a relation from another entity, any reference by name. An entity whose class
// name (or @Entity(name)) appears as a word in no other Java or Kotlin file of the project is
// left unchecked, with that reason, not required (eclipse-hawkbit's
// FakeJpaEntityForStaticCompilation, declared for its weaver only). The index reads every Java
// and Kotlin file's words as text, without parsing it. A scan of some files only
// (--changed-since) indexes their directories alone, so an entity used from farther away is
// unchecked there; the full check follows it.
#include <cctype>
#include <cstring>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

constexpr std::string_view kKey = "jpa:";

/// Whether a word some other file could spell (a class name) is in the index: words start with
/// a capital letter, as Java class names do; any other name counts as referenced.
bool indexed_word(std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

/// A byte of a word: ASCII letters, digits, '_' and '$', and every byte of a UTF-8 sequence
/// (Kotlin and Java names may be `Aktør`).
bool word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

/// Whether some file besides the declaring one spells `name` as a word. Each file indexes its
/// words once, so the declaring file is one of them; two classes of the same simple name in
/// different packages count as referenced.
bool referenced_elsewhere(std::string_view name, const ProjectFacts* facts) {
  if (!facts || !indexed_word(name)) return true;
  auto it = facts->find(std::string(kKey) + "word:" + std::string(name));
  return it != facts->end() && it->second.size() > 1;
}

/// How the project names what the code does not: the physical naming strategy.
enum class Naming { Unknown, Snake, Identity };

Naming naming_of(const ProjectFacts* facts) {
  if (!facts) return Naming::Unknown;
  auto has = [&](std::string_view k) { return facts->count(std::string(kKey) + std::string(k)) != 0; };
  if (has("custom-naming") || has("implicit-strategy") || has("quoted")) return Naming::Unknown;
  auto it = facts->find(std::string(kKey) + "physical-strategy");
  if (it == facts->end()) return has("spring-boot") ? Naming::Snake : Naming::Unknown;
  std::set<std::string> values(it->second.begin(), it->second.end());
  if (values.size() != 1) return Naming::Unknown;
  std::string_view v = *values.begin();
  if (v.ends_with(".PhysicalNamingStrategySnakeCaseImpl") || v.ends_with(".CamelCaseToUnderscoresNamingStrategy") ||
      v.ends_with(".SpringPhysicalNamingStrategy"))
    return has("spring-boot") || v.ends_with("SnakeCaseImpl") ? Naming::Snake : Naming::Unknown;
  if (v.ends_with(".PhysicalNamingStrategyStandardImpl")) return Naming::Identity;
  return Naming::Unknown;
}

/// The physical name of a Java name; "" when it is not certain (a digit beside a capital, where
/// versions of the snake-case strategy differ).
std::string physical(std::string_view name, Naming naming) {
  std::string out;
  if (naming == Naming::Identity) {
    for (char c : name) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
  }
  if (naming != Naming::Snake) return "";
  auto up = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  auto low = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (up(c) && ((i > 0 && digit(name[i - 1])) || (i + 1 < name.size() && digit(name[i + 1])))) return "";
    if (c == '.') c = '_';
    bool underscore = i > 0 && i + 1 < name.size() && low(name[i - 1]) && up(c) && low(name[i + 1]);
    if (underscore) out.push_back('_');
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::string_view last_name(std::string_view qualified) {
  size_t dot = qualified.find_last_of('.');
  return dot == std::string_view::npos ? qualified : qualified.substr(dot + 1);
}

/// An annotation, read alike from a Java and a Kotlin tree.
struct Annotation {
  std::string_view name;    ///< the last segment: "Column" for @jakarta.persistence.Column
  std::string_view target;  ///< Kotlin's use-site target ("field", "get"), "" without one
  bool with_arguments = false;
  std::vector<std::pair<std::string_view, TSNode>> arguments;  ///< key = value pairs, value nodes
};

/// A declaration the entity may persist: a Java field, a Kotlin property (a constructor `val`
/// or `var`, or one of the class body).
struct Field {
  TSNode name;
  std::string_view type;  ///< as written ("List<Tag>", "String?")
  std::vector<Annotation> annotations;
  bool not_persistent = false;  ///< static, transient, const, or a Kotlin property without a backing field
};

struct EntityClass {
  TSNode node, name;
  std::vector<Annotation> annotations;
  bool extends = false;          ///< has (or may have) a superclass
  std::string_view superclass;   ///< its simple name, when known (Java's `extends Base`)
  bool property_access = false;  ///< mapped through its getters
  std::vector<Field> fields;
};

const Annotation* find_annotation(const std::vector<Annotation>& anns, std::string_view name) {
  for (auto& a : anns)
    if (a.name == name) return &a;
  return nullptr;
}

/// The string literal of `key = "..."` in an annotation, or a null node.
TSNode string_argument(const Annotation* a, std::string_view key) {
  if (!a) return TSNode{};
  for (auto& [k, v] : a->arguments)
    if (k == key) return node_is(v, "string_literal") ? v : TSNode{};
  return TSNode{};
}

bool has_argument(const Annotation* a, std::string_view key) {
  if (!a) return false;
  for (auto& [k, v] : a->arguments)
    if (k == key) return true;
  return false;
}

// --- Java ---

/// The annotations on a Java declaration: its `modifiers` child's annotation nodes.
std::vector<Annotation> java_annotations(TSNode decl, std::string_view src) {
  std::vector<Annotation> out;
  uint32_t n = ts_node_named_child_count(decl);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode m = ts_node_named_child(decl, i);
    if (!node_is(m, "modifiers")) continue;
    uint32_t k = ts_node_named_child_count(m);
    for (uint32_t j = 0; j < k; ++j) {
      TSNode a = ts_node_named_child(m, j);
      if (!node_is(a, "annotation") && !node_is(a, "marker_annotation")) continue;
      Annotation ann;
      ann.name = last_name(node_text(field(a, "name"), src));
      ann.with_arguments = node_is(a, "annotation");
      TSNode args = field(a, "arguments");
      uint32_t c = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
      for (uint32_t q = 0; q < c; ++q) {
        TSNode p = ts_node_named_child(args, q);
        if (node_is(p, "element_value_pair")) ann.arguments.push_back({node_text(field(p, "key"), src), field(p, "value")});
      }
      out.push_back(std::move(ann));
    }
  }
  return out;
}

bool has_modifier(TSNode decl, std::string_view source, std::string_view word) {
  uint32_t n = ts_node_named_child_count(decl);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode m = ts_node_named_child(decl, i);
    if (!node_is(m, "modifiers")) continue;
    uint32_t k = ts_node_child_count(m);
    for (uint32_t j = 0; j < k; ++j)
      if (node_text(ts_node_child(m, j), source) == word) return true;
  }
  return false;
}

/// JPA's access type is the place of @Id: on a getter, the persistent properties are the getters.
bool mapped_through_getters(TSNode klass, std::string_view src) {
  TSNode body = field(klass, "body");
  uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (!node_is(m, "method_declaration")) continue;
    for (const Annotation& a : java_annotations(m, src))
      if (a.name == "Id" || a.name == "EmbeddedId" || a.name == "Column" || a.name == "Access") return true;
  }
  return find_annotation(java_annotations(klass, src), "Access") != nullptr;
}

EntityClass java_class(TSNode klass, std::string_view src) {
  EntityClass c;
  c.node = klass;
  c.name = field(klass, "name");
  c.annotations = java_annotations(klass, src);
  c.extends = !ts_node_is_null(field(klass, "superclass"));
  if (c.extends) {
    std::string_view base = node_text(field(klass, "superclass"), src);  // "extends a.b.Base<T>"
    base = base.substr(0, base.find('<'));
    while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
    size_t cut = base.find_last_of(" .");
    c.superclass = cut == std::string_view::npos ? base : base.substr(cut + 1);
  }
  c.property_access = mapped_through_getters(klass, src);
  TSNode body = field(klass, "body");
  uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode f = ts_node_named_child(body, i);
    if (!node_is(f, "field_declaration")) continue;
    Field fd;
    fd.name = field(field(f, "declarator"), "name");
    fd.type = node_text(field(f, "type"), src);
    fd.annotations = java_annotations(f, src);
    fd.not_persistent = has_modifier(f, src, "static") || has_modifier(f, src, "transient");
    c.fields.push_back(std::move(fd));
  }
  return c;
}

// --- Kotlin (fwcd's grammar: no field names, children by kind) ---

TSNode child_of_kind(TSNode node, std::string_view kind) {
  uint32_t n = ts_node_is_null(node) ? 0 : ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i)
    if (node_is(ts_node_named_child(node, i), kind.data())) return ts_node_named_child(node, i);
  return TSNode{};
}

/// The annotations in a Kotlin declaration's `modifiers`: `@Name`, `@Name(key = value)`, and
/// with a use-site target, `@field:Column(...)`, `@get:Id`.
std::vector<Annotation> kotlin_annotations(TSNode decl, std::string_view src) {
  std::vector<Annotation> out;
  TSNode mods = child_of_kind(decl, "modifiers");
  uint32_t n = ts_node_is_null(mods) ? 0 : ts_node_named_child_count(mods);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode a = ts_node_named_child(mods, i);
    if (!node_is(a, "annotation")) continue;
    Annotation ann;
    TSNode target = child_of_kind(a, "use_site_target");
    if (!ts_node_is_null(target)) {
      std::string_view t = node_text(target, src);
      while (!t.empty() && !std::isalpha(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
      while (!t.empty() && !std::isalpha(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
      ann.target = t;
    }
    TSNode call = child_of_kind(a, "constructor_invocation");
    TSNode type = child_of_kind(ts_node_is_null(call) ? a : call, "user_type");
    if (ts_node_is_null(type)) continue;  // @[A B] and the like: not read
    ann.name = last_name(node_text(type, src));
    ann.with_arguments = !ts_node_is_null(call);
    TSNode args = child_of_kind(call, "value_arguments");
    uint32_t k = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
    for (uint32_t j = 0; j < k; ++j) {
      TSNode v = ts_node_named_child(args, j);
      if (!node_is(v, "value_argument") || ts_node_named_child_count(v) < 2) continue;
      TSNode key = ts_node_named_child(v, 0);
      if (node_is(key, "simple_identifier"))
        ann.arguments.push_back({node_text(key, src), ts_node_named_child(v, ts_node_named_child_count(v) - 1)});
    }
    out.push_back(std::move(ann));
  }
  return out;
}

/// A Kotlin property as a Field: its name, the type written after it, its annotations.
Field kotlin_field(TSNode decl, TSNode name, std::string_view src) {
  Field f;
  f.name = name;
  TSNode type = ts_node_next_named_sibling(name);
  if (!ts_node_is_null(type) && (node_is(type, "user_type") || node_is(type, "nullable_type")))
    f.type = node_text(type, src);
  // `@param:` annotates the constructor parameter, not the field JPA reads.
  for (Annotation& a : kotlin_annotations(decl, src))
    if (a.target != "param") f.annotations.push_back(std::move(a));
  return f;
}

EntityClass kotlin_class(TSNode klass, std::string_view src) {
  EntityClass c;
  c.node = klass;
  c.name = child_of_kind(klass, "type_identifier");
  c.annotations = kotlin_annotations(klass, src);
  TSNode ctor = child_of_kind(klass, "primary_constructor");
  uint32_t n = ts_node_named_child_count(klass);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode d = ts_node_named_child(klass, i);
    if (node_is(d, "delegation_specifiers")) d = child_of_kind(d, "delegation_specifier");
    if (!node_is(d, "delegation_specifier")) continue;
    // `: Base()` calls a superclass's constructor; without a primary constructor a superclass
    // is written without the call, so any supertype may be one.
    if (!ts_node_is_null(child_of_kind(d, "constructor_invocation")) || ts_node_is_null(ctor)) c.extends = true;
  }
  for (const Annotation& a : c.annotations)
    if (a.name == "Access") c.property_access = true;
  // Constructor `val`/`var`s are properties; a plain parameter is not.
  uint32_t k = ts_node_is_null(ctor) ? 0 : ts_node_named_child_count(ctor);
  for (uint32_t i = 0; i < k; ++i) {
    TSNode p = ts_node_named_child(ctor, i);
    if (!node_is(p, "class_parameter") || ts_node_is_null(child_of_kind(p, "binding_pattern_kind"))) continue;
    TSNode name = child_of_kind(p, "simple_identifier");
    if (!ts_node_is_null(name)) c.fields.push_back(kotlin_field(p, name, src));
  }
  TSNode body = child_of_kind(klass, "class_body");
  uint32_t m = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < m; ++i) {
    TSNode p = ts_node_named_child(body, i);
    if (!node_is(p, "property_declaration")) continue;
    TSNode var = child_of_kind(p, "variable_declaration");
    TSNode name = child_of_kind(var, "simple_identifier");
    if (ts_node_is_null(name)) continue;  // a destructuring declaration
    Field f = kotlin_field(p, name, src);
    TSNode mods = child_of_kind(p, "modifiers");
    // A property with an accessor may have no backing field (`val full get() = ...`); a
    // delegated one (`by lazy`) and a `const` are no columns either. The grammar puts the
    // accessor after the declaration, as its sibling in the class body.
    TSNode next = ts_node_next_named_sibling(p);
    if (!ts_node_is_null(child_of_kind(p, "getter")) || !ts_node_is_null(child_of_kind(p, "setter")) ||
        node_is(next, "getter") || node_is(next, "setter") ||
        !ts_node_is_null(child_of_kind(p, "property_delegate")) ||
        (!ts_node_is_null(mods) && node_text(mods, src).find("const") != std::string_view::npos))
      f.not_persistent = true;
    c.fields.push_back(std::move(f));
  }
  // @get:Id / @get:Column: the persistent properties are the getters.
  for (TSNode holder : {ctor, body}) {
    uint32_t q = ts_node_is_null(holder) ? 0 : ts_node_named_child_count(holder);
    for (uint32_t i = 0; i < q; ++i)
      for (const Annotation& a : kotlin_annotations(ts_node_named_child(holder, i), src))
        if ((a.target == "get" || a.target == "set") &&
            (a.name == "Id" || a.name == "EmbeddedId" || a.name == "Column" || a.name == "Access"))
          c.property_access = true;
  }
  return c;
}

/// A name as PostgreSQL will see it: the literal's text, folded to lower case unless Hibernate
/// is told to quote it (`"\"Name\""` or a backquoted name). Span: the text inside the quotes.
struct Name {
  std::string value;
  requirements::Span span;
  bool quoted = false;
};
std::optional<Name> literal_name(TSNode lit, std::string_view source) {
  if (ts_node_is_null(lit)) return std::nullopt;
  std::string_view t = node_text(lit, source);
  if (t.size() < 3 || t.front() != '"' || t.starts_with("\"\"\"")) return std::nullopt;
  std::string_view inner = t.substr(1, t.size() - 2);
  Name n;
  n.span = {ts_node_start_byte(lit) + 1, ts_node_end_byte(lit) - 1};
  if (inner.size() > 2 && ((inner.starts_with("\\\"") && inner.ends_with("\\\"")) ||
                           (inner.front() == '`' && inner.back() == '`'))) {
    size_t cut = inner.front() == '`' ? 1 : 2;
    n.value = std::string(inner.substr(cut, inner.size() - 2 * cut));
    n.quoted = true;
    return n;
  }
  for (char c : inner) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;  // ${...}, a.b
    n.value.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return n;
}

/// The field's type is an @Embeddable class of the project (embedded without @Embedded).
bool embeddable_type(std::string_view type, const ProjectFacts* facts) {
  size_t lt = type.find('<');
  if (lt != std::string_view::npos) type = type.substr(0, lt);
  while (!type.empty() && (type.back() == '?' || type.back() == ' ')) type.remove_suffix(1);  // Kotlin's nullable
  type = last_name(type);
  return !facts || facts->count(std::string(kKey) + "embeddable:" + std::string(type)) != 0;
}

void entity(const EntityClass& klass, const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  const Annotation* entity_annotation = find_annotation(klass.annotations, "Entity");
  const Annotation* table = find_annotation(klass.annotations, "Table");
  if (!entity_annotation || ts_node_is_null(klass.name)) return;
  std::string_view class_name = node_text(klass.name, src);
  // @Entity(name = "X") is the name JPQL uses, and the table's when @Table names none.
  std::string_view jpql_name = node_text(string_argument(entity_annotation, "name"), src);
  jpql_name = jpql_name.size() >= 2 ? jpql_name.substr(1, jpql_name.size() - 2) : "";
  std::optional<Name> tname = literal_name(string_argument(table, "name"), src);
  Naming naming = naming_of(in.facts);
  bool extends = klass.extends;
  bool property_access = klass.property_access;
  if (!tname && !extends) {
    std::string_view logical = ts_node_is_null(string_argument(entity_annotation, "name")) ? class_name : jpql_name;
    std::string derived = logical.empty() ? "" : physical(logical, naming);
    if (!derived.empty()) {
      uint32_t b = ts_node_start_byte(klass.name);
      tname = Name{derived, {b, b + static_cast<uint32_t>(class_name.size())}, false};
    }
  }
  bool explicit_table = !ts_node_is_null(string_argument(table, "name"));
  std::string schema = in.default_schema;
  if (std::optional<Name> s = literal_name(string_argument(table, "schema"), src)) schema = s->value;
  // Hibernate creates it at start-up where the module's configuration says so (ddl-auto), used
  // or not.
  if (tname) out->declared_tables.push_back({schema, tname->value});
  // A subclass of a JOINED or TABLE_PER_CLASS hierarchy has a table of its own, named as an
  // entity without @Table is; in the default SINGLE_TABLE its fields are in the root's.
  if (!tname && extends && !klass.superclass.empty() && in.facts &&
      in.facts->count(std::string(kKey) + "own-tables:" + std::string(klass.superclass))) {
    std::string_view logical = ts_node_is_null(string_argument(entity_annotation, "name")) ? class_name : jpql_name;
    std::string derived = logical.empty() ? "" : physical(logical, naming);
    if (!derived.empty()) out->declared_tables.push_back({schema, derived});
  }
  if (!referenced_elsewhere(class_name, in.facts) && (jpql_name.empty() || !referenced_elsewhere(jpql_name, in.facts))) {
    out->unchecked.push_back({ts_node_start_byte(klass.node), "jpa @Entity",
                              "entity " + std::string(class_name) + " is referenced by no other file: nothing queries it"});
    return;
  }
  if (!tname) {
    out->unchecked.push_back({ts_node_start_byte(klass.node), "jpa @Entity",
                              "no @Table(name): the table name comes from the naming strategy"});
    return;
  }

  auto& reqs = out->requirements;
  size_t unit = reqs.units.size();
  requirements::Unit u;
  u.file = std::string(in.path);
  u.fingerprint_text = "@Entity " + std::string(class_name) + " @Table(" + schema + "." + tname->value + ")";
  reqs.units.push_back(std::move(u));
  requirements::Requirement rel;
  rel.object = requirements::Object::Relation;
  rel.schema = schema;
  rel.relation = tname->value;
  rel.span = tname->span;
  rel.unit = unit;
  rel.quoted = tname->quoted;
  reqs.requirements.push_back(rel);

  bool implicit = false;
  for (const Field& f : klass.fields) {
    if (f.not_persistent) continue;
    const Annotation* column = nullptr;
    bool skip = false, relation = false;
    for (const Annotation& a : f.annotations) {
      std::string_view an = a.name;
      if (an == "Transient" || an == "OneToMany" || an == "ManyToMany" || an == "Embedded" ||
          an == "EmbeddedId" || an == "ElementCollection" || an == "AttributeOverride" ||
          an == "AttributeOverrides" || an == "JoinTable" || an == "Formula")
        skip = true;
      if ((an == "Column" || an == "JoinColumn") && a.with_arguments) column = &a;
      if (an == "ManyToOne" || an == "OneToOne" || an == "JoinColumn" || an == "MapsId" || an == "Embedded")
        relation = true;  // its column name comes from the target's key
    }
    if (skip) continue;
    std::optional<Name> cname;
    if (column && !has_argument(column, "table")) cname = literal_name(string_argument(column, "name"), src);
    if (!cname && !relation && !property_access && !(extends && !explicit_table) &&
        !has_argument(column, "table") && !embeddable_type(f.type, in.facts) &&
        f.type.find('<') == std::string_view::npos) {
      // The field's own name, through the naming strategy.
      std::string derived = ts_node_is_null(f.name) ? "" : physical(node_text(f.name, src), naming);
      if (!derived.empty()) cname = Name{derived, {ts_node_start_byte(f.name), ts_node_end_byte(f.name)}, false};
    }
    if (!cname) {
      if (!has_argument(column, "table")) implicit = true;
      continue;
    }
    requirements::Requirement c;
    c.object = requirements::Object::Column;
    c.schema = schema;
    c.relation = tname->value;
    c.column = cname->value;
    c.span = cname->span;
    c.unit = unit;
    c.quoted = cname->quoted;
    reqs.requirements.push_back(std::move(c));
  }
  if (implicit)
    out->unchecked.push_back({ts_node_start_byte(klass.node), "jpa @Entity",
                              "fields without @Column(name): their column names come from the naming strategy"});
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  bool kotlin = in.language == "kotlin";
  if (!kotlin && in.language != "java") return;
  // Entities are top-level classes, or nested classes: walk class bodies.
  std::vector<TSNode> stack = {in.root};
  while (!stack.empty()) {
    TSNode node = stack.back();
    stack.pop_back();
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = n; i-- > 0;) {
      TSNode c = ts_node_named_child(node, i);
      if (!node_is(c, "class_declaration")) continue;
      entity(kotlin ? kotlin_class(c, in.text) : java_class(c, in.text), in, out);
      TSNode body = kotlin ? child_of_kind(c, "class_body") : field(c, "body");
      if (!ts_node_is_null(body)) stack.push_back(body);
    }
  }
}

bool relevant(std::string_view text) {
  return text.find("@Entity") != std::string_view::npos || text.find("@SpringBootApplication") != std::string_view::npos ||
         text.find("@Embeddable") != std::string_view::npos || text.find("NamingStrategy") != std::string_view::npos ||
         text.find("naming") != std::string_view::npos || text.find("quoted") != std::string_view::npos;
}

/// Spring Boot's application properties and JPA's persistence.xml: where the naming strategy is set.
bool claims_config(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base == "persistence.xml") return true;
  if (!base.starts_with("application") && !base.starts_with("bootstrap")) return false;
  return base.ends_with(".properties") || base.ends_with(".yml") || base.ends_with(".yaml");
}

void index_file(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string k(kKey);
  std::string_view t = in.text;
  if (in.language.empty()) {
    // A configuration file: the strategy settings, line by line (properties or YAML).
    if (in.path.find("/test/") != std::string_view::npos || in.path.starts_with("test/")) return;
    size_t at = 0;
    while (at < t.size()) {
      size_t nl = t.find('\n', at);
      std::string_view line = t.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
      at = nl == std::string_view::npos ? t.size() : nl + 1;
      size_t hash = line.find_first_not_of(" \t");
      if (hash == std::string_view::npos || line[hash] == '#' || line.substr(hash).starts_with("<!--")) continue;
      auto value = [&]() {
        size_t sep = line.find_first_of("=:");
        std::string_view v = sep == std::string_view::npos ? "" : line.substr(sep + 1);
        size_t quote = v.find("value=\"");
        if (quote != std::string_view::npos) v = v.substr(quote + 7, v.find('"', quote + 7) - quote - 7);
        while (!v.empty() && (v.front() == ' ' || v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '"' || v.back() == '\'' || v.back() == '\r' ||
                              v.back() == '/' || v.back() == '>'))
          v.remove_suffix(1);
        return std::string(v);
      };
      if (line.find("physical-strategy") != std::string_view::npos ||
          line.find("physical_naming_strategy") != std::string_view::npos)
        out->push_back({k + "physical-strategy", value()});
      if (line.find("implicit-strategy") != std::string_view::npos ||
          line.find("implicit_naming_strategy") != std::string_view::npos)
        out->push_back({k + "implicit-strategy", ""});
      if (line.find("globally_quoted_identifiers") != std::string_view::npos && value().find("true") != std::string::npos)
        out->push_back({k + "quoted", ""});
    }
    return;
  }
  // Every capitalised word, once: the class names this file uses (in code, JPQL strings, relations).
  std::set<std::string_view> words;
  for (size_t i = 0; i < t.size();) {
    if (!word_char(t[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < t.size() && word_char(t[e])) ++e;
    if (indexed_word(t.substr(i, e - i))) words.insert(t.substr(i, e - i));
    i = e;
  }
  for (std::string_view w : words) out->push_back({k + "word:" + std::string(w), ""});
  if ((in.language != "java" && in.language != "kotlin") || !relevant(t)) return;
  if (t.find("@SpringBootApplication") != std::string_view::npos) out->push_back({k + "spring-boot", ""});
  if (t.find("PhysicalNamingStrategy") != std::string_view::npos || t.find("ImplicitNamingStrategy") != std::string_view::npos)
    out->push_back({k + "custom-naming", std::string(in.path)});
  // The roots of hierarchies whose subclasses have tables of their own:
  // `@Inheritance(strategy = InheritanceType.JOINED) ... class Name`.
  for (size_t at = t.find("@Inheritance"); at != std::string_view::npos; at = t.find("@Inheritance", at + 1)) {
    size_t cls = t.find("class ", at);
    if (cls == std::string_view::npos) break;
    std::string_view between = t.substr(at, cls - at);
    if (between.find("JOINED") == std::string_view::npos && between.find("TABLE_PER_CLASS") == std::string_view::npos)
      continue;
    size_t b = cls + 6, e = b;
    while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '_')) ++e;
    out->push_back({k + "own-tables:" + std::string(t.substr(b, e - b)), ""});
  }
  if (t.find("@Embeddable") != std::string_view::npos) {
    // The classes annotated @Embeddable: `@Embeddable ... class Name`.
    for (size_t at = t.find("@Embeddable"); at != std::string_view::npos; at = t.find("@Embeddable", at + 1)) {
      size_t cls = t.find("class ", at);
      if (cls == std::string_view::npos) break;
      size_t b = cls + 6, e = b;
      while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '_')) ++e;
      out->push_back({k + "embeddable:" + std::string(t.substr(b, e - b)), ""});
    }
  }
}

}  // namespace

/// Every Java and Kotlin file is indexed for its words; configuration files for their settings.
bool index_reads(std::string_view, std::string_view) { return true; }

extern const DataLayer kJpa{"jpa", {"java", "kotlin"}, claims_config, relevant, extract, index_file, index_reads, true};

}  // namespace schemagate::datalayers
