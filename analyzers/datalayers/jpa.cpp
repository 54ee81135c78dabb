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
// capital) leaves derived names unchecked, once per entity. So do relation fields without
// @JoinColumn(name), and entities mapped through their getters. Unquoted names fold to lower case
// as PostgreSQL folds them; a @Column(table = "...") of a secondary table is left out, and so are
// @Transient and static fields.
//
// An @Embeddable's fields are columns of each entity that embeds it, required in the
// embeddable's own file (the index records every entity field that may embed a class of the
// project): Hibernate's JPA-compliant implicit naming, which Spring Boot's extends, names them
// after the field alone, no prefix, unless an @AttributeOverride renames them.
//
// Where a class's fields are columns depends on its hierarchy, which spans files: the index
// records every class of a file with entities or mapped superclasses (its superclass, @Table,
// @Inheritance, discriminator, @AttributeOverrides), and each file's extraction walks up and down
// from its own classes. An entity's fields are columns of the root's table in a SINGLE_TABLE
// hierarchy (JPA's default), of its own in JOINED, and in TABLE_PER_CLASS of its own and of each
// concrete subclass's. A @MappedSuperclass's fields are columns wherever the fields of each
// nearest entity below it are, under that entity's @AttributeOverride names; its requirements are
// made in its own file, at its fields, one unit per table. A superclass the index cannot tell (a
// library's, two classes of one simple name) leaves the entity to what its own @Table says.
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
#include <map>
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
  TSNode modifiers;       ///< where its annotations are (a null node without any)
  std::string_view type;  ///< as written ("List<Tag>", "String?")
  std::vector<Annotation> annotations;
  bool not_persistent = false;  ///< static, transient, const, or a Kotlin property without a backing field
};

struct EntityClass {
  TSNode node, name;
  TSNode modifiers;  ///< where its annotations are (a null node without any)
  std::vector<Annotation> annotations;
  bool extends = false;  ///< has (or may have) a superclass
  /// The simple names its superclass may have: Java's `extends Base<T>`, Kotlin's supertype
  /// called as a constructor (`: Base()`), or without a primary constructor every supertype.
  std::vector<std::string_view> supers;
  bool is_abstract = false;
  bool property_access = false;  ///< mapped through its getters
  std::vector<Field> fields;
};

/// A type as written ("a.b.Base<T>", "Base?") to its simple name.
std::string_view simple_type(std::string_view type) {
  type = type.substr(0, type.find('<'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '?')) type.remove_suffix(1);
  size_t cut = type.find_last_of(" .");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

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
  if (c.extends) c.supers.push_back(simple_type(node_text(field(klass, "superclass"), src)));  // "extends a.b.Base<T>"
  c.is_abstract = has_modifier(klass, src, "abstract");
  for (uint32_t i = 0; i < ts_node_named_child_count(klass); ++i)
    if (node_is(ts_node_named_child(klass, i), "modifiers")) c.modifiers = ts_node_named_child(klass, i);
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
    for (uint32_t j = 0; j < ts_node_named_child_count(f); ++j)
      if (node_is(ts_node_named_child(f, j), "modifiers")) fd.modifiers = ts_node_named_child(f, j);
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
  f.modifiers = child_of_kind(decl, "modifiers");
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
  c.modifiers = child_of_kind(klass, "modifiers");
  if (!ts_node_is_null(c.modifiers)) {
    uint32_t k = ts_node_named_child_count(c.modifiers);
    for (uint32_t i = 0; i < k; ++i)
      if (node_text(ts_node_named_child(c.modifiers, i), src) == "abstract") c.is_abstract = true;
  }
  TSNode ctor = child_of_kind(klass, "primary_constructor");
  std::vector<std::string_view> called, any;
  uint32_t n = ts_node_named_child_count(klass);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode d = ts_node_named_child(klass, i);
    if (node_is(d, "delegation_specifiers")) d = child_of_kind(d, "delegation_specifier");
    if (!node_is(d, "delegation_specifier")) continue;
    // `: Base()` calls a superclass's constructor; without a primary constructor a superclass
    // is written without the call, so any supertype may be one.
    TSNode call = child_of_kind(d, "constructor_invocation");
    TSNode type = child_of_kind(ts_node_is_null(call) ? d : call, "user_type");
    if (!ts_node_is_null(call) || ts_node_is_null(ctor)) c.extends = true;
    if (ts_node_is_null(type)) continue;
    (ts_node_is_null(call) ? any : called).push_back(simple_type(node_text(type, src)));
  }
  // A class without any constructor written has a default primary one, which must call a
  // superclass's: its supertypes written without the call are interfaces.
  bool secondary = false;
  TSNode members = child_of_kind(klass, "class_body");
  for (uint32_t i = 0; !ts_node_is_null(members) && i < ts_node_named_child_count(members); ++i)
    secondary = secondary || node_is(ts_node_named_child(members, i), "secondary_constructor");
  c.supers = !called.empty() ? called : ts_node_is_null(ctor) && secondary ? any : std::vector<std::string_view>{};
  if (called.empty() && !secondary) c.extends = false;
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
    // An abstract property has no field: the subclass that overrides it maps it.
    for (uint32_t j = 0; !ts_node_is_null(mods) && j < ts_node_named_child_count(mods); ++j)
      if (node_text(ts_node_named_child(mods, j), src) == "abstract") f.not_persistent = true;
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

// --- Names given by constants: @Column(name = Names.COL), @Table(name = TABLE) ---

/// The file's name without folder and extension: the class a Java file's top-level constants
/// belong to (`AuditFields.java` declares `AuditFields.CREATED_BY`), and a Kotlin file's object
/// of the same name.
std::string_view file_stem(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view f = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return f.substr(0, f.find('.'));
}

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

/// Every `static final String NAME = "literal";` (Java) and `const val NAME = "literal"`
/// (Kotlin) of a file's text, as (NAME, literal); a value built any other way is left out.
std::vector<std::pair<std::string, std::string>> string_constants(std::string_view t) {
  std::vector<std::pair<std::string, std::string>> out;
  auto read = [&](size_t at) {
    size_t b = at;
    while (b < t.size() && t[b] == ' ') ++b;
    size_t e = b;
    while (e < t.size() && name_char(t[e])) ++e;
    if (e == b) return;
    std::string name(t.substr(b, e - b));
    size_t q = e;
    while (q < t.size() && t[q] == ' ') ++q;
    if (t.substr(q).starts_with(": String")) q += 8;
    while (q < t.size() && t[q] == ' ') ++q;
    if (q >= t.size() || t[q] != '=') return;
    ++q;
    while (q < t.size() && t[q] == ' ') ++q;
    if (q >= t.size() || t[q] != '"' || t.substr(q).starts_with("\"\"\"")) return;
    size_t close = t.find('"', q + 1);
    if (close == std::string_view::npos) return;
    std::string_view value = t.substr(q + 1, close - q - 1);
    if (value.find_first_of("\\$\n") != std::string_view::npos) return;
    size_t after = close + 1;
    while (after < t.size() && (t[after] == ' ' || t[after] == '\r')) ++after;
    if (after < t.size() && t[after] != ';' && t[after] != '\n') return;  // "a" + B: not a plain literal
    out.push_back({name, std::string(value)});
  };
  for (std::string_view word : {"static final String ", "final static String ", "const val "})
    for (size_t at = t.find(word); at != std::string_view::npos; at = t.find(word, at + 1)) read(at + word.size());
  return out;
}

/// The index key ("Class.NAME") of the constant an annotation argument names, from the text of
/// the file that writes it: `Names.COL` (or `a.b.Names.COL`), a NAME the file imports
/// (`import static a.b.Names.COL;`, Kotlin's `import a.b.Names.COL`) or declares itself, or
/// the one class whose members the file imports with `import static a.b.Names.*`. "" when it
/// cannot be told.
std::string constant_key(std::string_view expr, std::string_view file_text, std::string_view path) {
  for (char c : expr)
    if (!name_char(c) && c != '.') return "";
  if (expr.empty() || expr.front() == '.' || expr.back() == '.') return "";
  size_t dot = expr.rfind('.');
  if (dot != std::string_view::npos) {
    size_t before = expr.rfind('.', dot - 1);
    std::string_view owner = before == std::string_view::npos ? expr.substr(0, dot) : expr.substr(before + 1, dot - before - 1);
    if (owner.empty() || !std::isupper(static_cast<unsigned char>(owner[0]))) return "";
    return std::string(owner) + "." + std::string(expr.substr(dot + 1));
  }
  std::string key;
  std::vector<std::string> wildcards;
  for (size_t at = file_text.find("import "); at != std::string_view::npos; at = file_text.find("import ", at + 1)) {
    if (at > 0 && file_text[at - 1] != '\n') continue;
    size_t end = file_text.find_first_of(";\n", at);
    std::string_view line = file_text.substr(at + 7, end == std::string_view::npos ? std::string_view::npos : end - at - 7);
    if (line.starts_with("static ")) line.remove_prefix(7);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    size_t last = line.rfind('.');
    if (last == std::string_view::npos || last == 0) continue;
    size_t prev = line.rfind('.', last - 1);
    std::string owner(prev == std::string_view::npos ? line.substr(0, last) : line.substr(prev + 1, last - prev - 1));
    std::string_view member = line.substr(last + 1);
    if (member == expr) return owner + "." + std::string(expr);
    if (member == "*" && !owner.empty() && std::isupper(static_cast<unsigned char>(owner[0]))) wildcards.push_back(owner);
  }
  for (auto& [name, value] : string_constants(file_text))
    if (name == expr) return std::string(file_stem(path)) + "." + name;
  if (wildcards.size() == 1) return wildcards[0] + "." + std::string(expr);
  return "";
}

/// The literal of the constant `key` names, when the index has exactly one value for it.
std::optional<std::string> constant_value(const std::string& key, const ProjectFacts* facts) {
  if (key.empty() || !facts) return std::nullopt;
  auto it = facts->find(std::string(kKey) + "const:" + key);
  if (it == facts->end() || it->second.empty()) return std::nullopt;
  for (auto& v : it->second)
    if (v != it->second.front()) return std::nullopt;  // two classes of that name disagree
  return it->second.front();
}

/// A name as PostgreSQL folds it; nullopt when it is no plain name.
std::optional<std::string> folded(std::string_view value) {
  if (value.empty()) return std::nullopt;
  std::string out;
  for (char c : value) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

/// The name an annotation argument gives: a string literal, or a constant the index resolves
/// (its span is the reference). nullopt when there is no argument or it cannot be resolved.
std::optional<Name> argument_name(const Annotation* a, std::string_view key, const FileInput& in) {
  if (!a) return std::nullopt;
  for (auto& [k, v] : a->arguments) {
    if (k != key) continue;
    if (node_is(v, "string_literal")) return literal_name(v, in.text);
    auto value = constant_value(constant_key(node_text(v, in.text), in.text, in.path), in.facts);
    auto name = value ? folded(*value) : std::nullopt;
    if (!name) return std::nullopt;
    return Name{*name, {ts_node_start_byte(v), ts_node_end_byte(v)}, false};
  }
  return std::nullopt;
}

/// The field's type is an @Embeddable class of the project (embedded without @Embedded).
bool embeddable_type(std::string_view type, const ProjectFacts* facts) {
  size_t lt = type.find('<');
  if (lt != std::string_view::npos) type = type.substr(0, lt);
  while (!type.empty() && (type.back() == '?' || type.back() == ' ')) type.remove_suffix(1);  // Kotlin's nullable
  type = last_name(type);
  return !facts || facts->count(std::string(kKey) + "embeddable:" + std::string(type)) != 0;
}

// --- Hierarchies: where a class's fields are columns, from the index's record of every class ---

/// A class as the index records it for the other files (`jpa:class:Name`, tab-separated).
struct ClassFact {
  char kind = 'o';  ///< 'e' @Entity, 'm' @MappedSuperclass, 'o' any other class
  std::vector<std::string> supers;  ///< as EntityClass::supers
  bool is_abstract = false;
  std::string strategy = "SINGLE_TABLE";  ///< its @Inheritance's, JPA's default without one; "?" not read
  std::string table;        ///< @Table(name) as PostgreSQL sees it; "" none; "?" not a plain name
  std::string entity_name;  ///< @Entity(name), else the class name
  std::string schema;       ///< @Table(schema); "" the default; "?" not a plain name
  /// @DiscriminatorColumn(name), "dtype" for one without a name; "" without the annotation;
  /// "-" a @DiscriminatorFormula (no column); "?" not a plain name.
  std::string discriminator;
  std::vector<std::pair<std::string, std::string>> overrides;  ///< @AttributeOverride field -> column, "?" not read
  /// The module that declares it: its path up to `/src/` (a Maven or Gradle module), else its
  /// folder. Of two classes of one simple name, the one of the asking class's module is meant.
  std::string module;
};

std::string module_of(std::string_view path) {
  size_t src = path.find("/src/");
  if (path.starts_with("src/")) return "";
  if (src != std::string_view::npos) return std::string(path.substr(0, src));
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  for (size_t at = 0;;) {
    size_t e = s.find(sep, at);
    out.push_back(s.substr(at, e == std::string_view::npos ? std::string_view::npos : e - at));
    if (e == std::string_view::npos) return out;
    at = e + 1;
  }
}

std::string serialize(const ClassFact& f) {
  std::string supers, overrides;
  for (auto& s : f.supers) supers += (supers.empty() ? "" : ",") + s;
  for (auto& [k, v] : f.overrides) overrides += (overrides.empty() ? "" : ",") + k + "=" + v;
  return std::string(1, f.kind) + "\t" + supers + "\t" + (f.is_abstract ? "1" : "0") + "\t" + f.strategy + "\t" +
         f.table + "\t" + f.entity_name + "\t" + f.schema + "\t" + f.discriminator + "\t" + overrides + "\t" + f.module;
}

ClassFact parse_fact(std::string_view v) {
  ClassFact f;
  std::vector<std::string_view> p = split(v, '\t');
  if (p.size() != 10 || p[0].size() != 1) return f;
  f.module = p[9];
  f.kind = p[0][0];
  for (auto s : split(p[1], ',')) f.supers.emplace_back(s);
  f.is_abstract = p[2] == "1";
  f.strategy = p[3];
  f.table = p[4];
  f.entity_name = p[5];
  f.schema = p[6];
  f.discriminator = p[7];
  for (auto o : split(p[8], ',')) {
    size_t eq = o.find('=');
    if (eq != std::string_view::npos) f.overrides.push_back({std::string(o.substr(0, eq)), std::string(o.substr(eq + 1))});
  }
  return f;
}

/// A plain SQL name of an annotation argument, folded as PostgreSQL folds it; "?" otherwise
/// (a constant, a quoted name).
std::string plain_name(const Annotation* a, std::string_view key, std::string_view src) {
  std::optional<Name> n = literal_name(string_argument(a, key), src);
  return n && !n->quoted ? n->value : "?";
}

/// The string after `key =` at the top level of an argument list: "" without one, "?" when it
/// is no plain literal.
std::string keyed_string(std::string_view args, std::string_view key) {
  int depth = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    char c = args[i];
    if (c == '(' || c == '{' || c == '[') ++depth;
    if (c == ')' || c == '}' || c == ']') --depth;
    if (c == '"') {
      size_t e = args.find('"', i + 1);
      if (e == std::string_view::npos) return "?";
      i = e;
      continue;
    }
    if (depth != 0 || args.compare(i, key.size(), key) != 0 || (i > 0 && word_char(args[i - 1])) ||
        (i + key.size() < args.size() && word_char(args[i + key.size()])))
      continue;
    size_t v = args.find_first_not_of(" \t\r\n", i + key.size());
    if (v == std::string_view::npos || args[v] != '=') continue;
    v = args.find_first_not_of(" \t\r\n", v + 1);
    if (v == std::string_view::npos || args[v] != '"') return "?";
    size_t e = args.find('"', v + 1);
    std::string out;
    for (char ch : args.substr(v + 1, e == std::string_view::npos ? 0 : e - v - 1)) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') return "?";
      out.push_back(ch);
    }
    return out.empty() ? "?" : out;
  }
  return "";
}

/// The balanced argument list after `open` (the '(' at that offset), without its parentheses.
std::string_view arguments_at(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return text.substr(open + 1, i - open - 1);
  }
  return "";
}

/// @AttributeOverride(name = "field", column = @Column(name = "col")) among a class's
/// annotations, alone, repeated or in @AttributeOverrides (Java's `{...}`, Kotlin's arguments).
/// The text of the expression after `key =` at the top level of an argument list, trimmed; ""
/// without one.
std::string_view keyed_expression(std::string_view args, std::string_view key) {
  int depth = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    char c = args[i];
    if (c == '(' || c == '{' || c == '[') ++depth;
    if (c == ')' || c == '}' || c == ']') --depth;
    if (c == '"') {
      size_t e = args.find('"', i + 1);
      if (e == std::string_view::npos) return "";
      i = e;
      continue;
    }
    if (depth != 0 || args.compare(i, key.size(), key) != 0 || (i > 0 && word_char(args[i - 1])) ||
        (i + key.size() < args.size() && word_char(args[i + key.size()])))
      continue;
    size_t v = args.find_first_not_of(" \t\r\n", i + key.size());
    if (v == std::string_view::npos || args[v] != '=') continue;
    v = args.find_first_not_of(" \t\r\n", v + 1);
    if (v == std::string_view::npos) return "";
    size_t e = v;
    for (int d = 0; e < args.size(); ++e) {
      if (args[e] == '(' || args[e] == '{' || args[e] == '[') ++d;
      if (args[e] == ')' || args[e] == '}' || args[e] == ']') {
        if (d == 0) break;
        --d;
      }
      if (args[e] == ',' && d == 0) break;
    }
    std::string_view out = args.substr(v, e - v);
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.remove_suffix(1);
    return out;
  }
  return "";
}

/// @AttributeOverride(name = "field", column = @Column(name = "col")) among a class's
/// annotations, alone, repeated or in @AttributeOverrides (Java's `{...}`, Kotlin's arguments).
/// A column given by a constant (`@Column(name = Names.COL)`) is "=" and its index key, which
/// resolve_constants() turns into the name.
void read_overrides(std::string_view mods, std::string_view src, std::string_view path,
                    std::vector<std::pair<std::string, std::string>>* out) {
  constexpr std::string_view kOverride = "AttributeOverride(";
  for (size_t at = mods.find(kOverride); at != std::string_view::npos; at = mods.find(kOverride, at + 1)) {
    std::string_view args = arguments_at(mods, at + kOverride.size() - 1);
    std::string fieldname = keyed_string(args, "name");
    if (fieldname == "?") {
      // A path into an embedded field ("address.city"), kept for the embeddable's columns; any
      // other name not read is "?", which leaves the embeddables of its class unchecked.
      std::string_view raw = keyed_expression(args, "name");
      bool path = raw.size() > 2 && raw.front() == '"' && raw.back() == '"';
      for (char ch : raw.substr(1, raw.size() - 2))
        path = path && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.');
      if (path) fieldname = std::string(raw.substr(1, raw.size() - 2));
    }
    if (fieldname.empty()) continue;
    size_t col = args.find("Column(");
    std::string_view column_args = col == std::string_view::npos ? "" : arguments_at(args, col + 6);
    std::string column = col == std::string_view::npos ? "?" : keyed_string(column_args, "name");
    if (column.empty()) column = "?";
    if (column != "?") {
      for (char& ch : column) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (col != std::string_view::npos) {
      std::string key = constant_key(keyed_expression(column_args, "name"), src, path);
      if (!key.empty()) column = "=" + key;
    }
    out->push_back({fieldname, column});
  }
}

/// plain_name(), or for a constant "=" and its index key ("=Names.TABLE"), which
/// resolve_constants() turns into the name once the index is complete.
std::string plain_or_constant(const Annotation* a, std::string_view key, std::string_view src, std::string_view path) {
  std::string plain = plain_name(a, key, src);
  if (plain != "?" || !a) return plain;
  for (auto& [k, v] : a->arguments)
    if (k == key && !node_is(v, "string_literal")) {
      std::string ck = constant_key(node_text(v, src), src, path);
      if (!ck.empty()) return "=" + ck;
    }
  return "?";
}

/// A record's names given by constants ("=Names.TABLE"), resolved through the index; "?" when
/// not exactly one plain value.
void resolve_constants(ClassFact* f, const ProjectFacts* facts) {
  for (std::string* v : {&f->table, &f->schema, &f->discriminator}) {
    if (!v->starts_with("=")) continue;
    auto value = constant_value(v->substr(1), facts);
    auto name = value ? folded(*value) : std::nullopt;
    *v = name ? *name : "?";
  }
  for (auto& [field, column] : f->overrides) {
    if (!column.starts_with("=")) continue;
    auto value = constant_value(column.substr(1), facts);
    auto name = value ? folded(*value) : std::nullopt;
    column = name ? *name : "?";
  }
}

ClassFact fact_of(const EntityClass& c, std::string_view src, std::string_view path) {
  ClassFact f;
  f.module = module_of(path);
  const Annotation* entity = find_annotation(c.annotations, "Entity");
  f.kind = entity ? 'e' : find_annotation(c.annotations, "MappedSuperclass") ? 'm' : 'o';
  for (auto s : c.supers) f.supers.emplace_back(s);
  f.is_abstract = c.is_abstract;
  if (const Annotation* inh = find_annotation(c.annotations, "Inheritance")) {
    f.strategy = "SINGLE_TABLE";
    for (auto& [k, v] : inh->arguments) {
      if (k != "strategy") continue;
      std::string_view t = node_text(v, src);
      f.strategy = t.ends_with("JOINED")            ? "JOINED"
                   : t.ends_with("TABLE_PER_CLASS") ? "TABLE_PER_CLASS"
                   : t.ends_with("SINGLE_TABLE")    ? "SINGLE_TABLE"
                                                    : "?";
    }
    if (inh->with_arguments && inh->arguments.empty()) {
      // @Inheritance(InheritanceType.JOINED) is no Java; Kotlin's positional argument is.
      std::string_view t = node_text(c.modifiers, src);
      size_t at = t.find("Inheritance(");
      std::string_view args = at == std::string_view::npos ? "" : arguments_at(t, at + 11);
      f.strategy = args.find("JOINED") != std::string_view::npos            ? "JOINED"
                   : args.find("TABLE_PER_CLASS") != std::string_view::npos ? "TABLE_PER_CLASS"
                   : args.find("SINGLE_TABLE") != std::string_view::npos    ? "SINGLE_TABLE"
                   : args.empty()                                           ? "SINGLE_TABLE"
                                                                            : "?";
    }
  }
  const Annotation* table = find_annotation(c.annotations, "Table");
  if (has_argument(table, "name")) f.table = plain_or_constant(table, "name", src, path);
  if (has_argument(table, "schema")) f.schema = plain_or_constant(table, "schema", src, path);
  std::string_view jpql = node_text(string_argument(entity, "name"), src);
  f.entity_name = jpql.size() > 2 ? std::string(jpql.substr(1, jpql.size() - 2)) : std::string(node_text(c.name, src));
  if (find_annotation(c.annotations, "DiscriminatorFormula")) {
    f.discriminator = "-";
  } else if (const Annotation* d = find_annotation(c.annotations, "DiscriminatorColumn")) {
    f.discriminator = has_argument(d, "name") ? plain_or_constant(d, "name", src, path) : "dtype";
  }
  if (!ts_node_is_null(c.modifiers)) read_overrides(node_text(c.modifiers, src), src, path, &f.overrides);
  return f;
}

/// The index's record of the class `name` as a class of `module` sees it: the one of that
/// module, else the one of the project; none when no indexed file declares it, and `ambiguous`
/// when two records could be meant (two classes of one simple name).
std::optional<ClassFact> lookup(std::string_view name, const ProjectFacts* facts, bool* ambiguous,
                                const std::string& module) {
  *ambiguous = false;
  if (!facts) return std::nullopt;
  auto it = facts->find(std::string(kKey) + "class:" + std::string(name));
  if (it == facts->end() || it->second.empty()) return std::nullopt;
  std::vector<std::string_view> own, all;
  for (auto& v : it->second) {
    all.push_back(v);
    if (v.ends_with("\t" + module)) own.push_back(v);
  }
  const std::vector<std::string_view>& meant = own.empty() ? all : own;
  for (auto v : meant)
    if (v != meant.front()) {
      *ambiguous = true;
      return std::nullopt;
    }
  ClassFact f = parse_fact(meant.front());
  resolve_constants(&f, facts);
  return f;
}

/// Base classes of libraries that map no table: Spring Data's and Panache's mapped superclasses.
bool library_base(std::string_view name) {
  return name == "AbstractPersistable" || name == "AbstractAuditable" || name == "AbstractAggregateRoot" ||
         name == "PanacheEntity" || name == "PanacheEntityBase";
}

struct Named {
  std::string name;
  ClassFact fact;
};

/// The superclass of `c` that can hold mapped state: false with `why` when it cannot be told (a
/// class outside the project, two classes of one name); true with an empty name when there is
/// none (no superclass, a library base above, or a project class in a file without JPA
/// annotations, taken as a plain class whose own superclasses are not read).
bool superclass(const ClassFact& c, const ProjectFacts* facts, Named* out, std::string* why) {
  *out = Named{};
  std::vector<Named> project;
  bool outside = false;
  for (auto& s : c.supers) {
    bool ambiguous = false;
    std::optional<ClassFact> f = lookup(s, facts, &ambiguous, c.module);
    if (ambiguous) {
      *why = "two classes named " + s + " in the project";
      return false;
    }
    if (f) {
      project.push_back({s, *f});
    } else if (facts && facts->count(std::string(kKey) + "declared:" + s)) {
      ClassFact plain;
      plain.module = c.module;
      project.push_back({s, plain});
    } else if (!library_base(s)) {
      outside = true;
    }
  }
  if (project.size() > 1) {
    *why = "more than one supertype could be its superclass";
    return false;
  }
  if (project.size() == 1) {
    *out = std::move(project.front());
    return true;
  }
  if (outside) {
    *why = "it extends " + c.supers.front() + ", a class outside the project";
    return false;
  }
  return true;
}

/// The superclasses of `c`, nearest first, up to the first that holds no mapped state.
bool ancestors(const ClassFact& c, const ProjectFacts* facts, std::vector<Named>* out, std::string* why) {
  for (int depth = 0; depth < 32; ++depth) {
    Named up;
    if (!superclass(out->empty() ? c : out->back().fact, facts, &up, why)) return false;
    if (up.name.empty()) return true;
    out->push_back(std::move(up));
  }
  *why = "its superclasses form a cycle";
  return false;
}

/// The classes whose superclass is `of` (the very class: of its module), then theirs, in the
/// index's order; with `to_entities`, not below an entity.
void descendants(const Named& of, const ProjectFacts* facts, std::vector<Named>* out, bool to_entities = false,
                 int depth = 0) {
  if (!facts || depth > 16) return;
  auto it = facts->find(std::string(kKey) + "sub:" + of.name);
  if (it == facts->end()) return;
  std::set<std::string> seen;
  for (auto& entry : it->second) {  // "module\tName"
    if (!seen.insert(entry).second) continue;
    size_t tab = entry.find('\t');
    if (tab == std::string::npos) continue;
    std::string module = entry.substr(0, tab), sub = entry.substr(tab + 1);
    bool ambiguous = false;
    std::optional<ClassFact> f = lookup(sub, facts, &ambiguous, module);
    if (!f || f->module != module) continue;
    Named up;
    std::string why;
    if (!superclass(*f, facts, &up, &why) || up.name != of.name || up.fact.module != of.fact.module) continue;
    Named found{sub, *f};
    out->push_back(found);
    if (!to_entities || found.fact.kind != 'e') descendants(found, facts, out, to_entities, depth + 1);
  }
}

/// A table the fields of one class are columns of.
struct Target {
  std::string schema, table;
  std::string entity;  ///< the entity class whose table it is
  bool own = false;    ///< the class's own table (not a superclass's, not a subclass's)
  bool below = false;  ///< a TABLE_PER_CLASS subclass's table, which that subclass requires itself
  std::map<std::string, std::string, std::less<>> overrides;  ///< field -> column ("?": not read)
};

/// A column of `t` the entity needs, at `name`'s span.
void require_column(const Target& t, const Name& name, size_t unit, requirements::FileRequirements* reqs) {
  requirements::Requirement c;
  c.object = requirements::Object::Column;
  c.schema = t.schema;
  c.relation = t.table;
  c.column = name.value;
  c.span = name.span;
  c.unit = unit;
  c.quoted = name.quoted;
  reqs->requirements.push_back(std::move(c));
}

/// An entity's table: @Table(name), or the naming strategy's name for its entity name.
bool table_of(const Named& e, Naming naming, const std::string& default_schema, Target* t, std::string* why) {
  t->entity = e.name;
  t->table = e.fact.table;
  if (t->table.empty()) t->table = physical(e.fact.entity_name, naming);
  if (t->table.empty()) *why = "no @Table(name): the table name comes from the naming strategy";
  if (t->table == "?") *why = "its @Table(name) is no plain name";
  if (e.fact.schema == "?") *why = "its @Table(schema) is no plain name";
  t->schema = e.fact.schema.empty() ? default_schema : e.fact.schema;
  return why->empty();
}

/// The tables an entity's own fields are columns of: the root's table in a SINGLE_TABLE
/// hierarchy (JPA's default), its own in a JOINED one, and in TABLE_PER_CLASS its own (unless
/// it is abstract) and every concrete subclass's, which repeat their superclasses' columns.
bool entity_targets(const Named& e, const ProjectFacts* facts, Naming naming, const std::string& default_schema,
                    std::vector<Target>* out, std::string* why) {
  std::vector<Named> up;
  if (!ancestors(e.fact, facts, &up, why)) return false;
  const Named* root = &e;
  for (auto& a : up)
    if (a.fact.kind == 'e') root = &a;
  const std::string& strategy = root->fact.strategy;
  if (strategy == "?") {
    *why = "the @Inheritance strategy of " + root->name + " is not read";
    return false;
  }
  Target t;
  if (strategy == "SINGLE_TABLE" || strategy == "JOINED") {
    if (!table_of(strategy == "JOINED" ? e : *root, naming, default_schema, &t, why)) return false;
    t.own = root == &e || strategy == "JOINED";
    out->push_back(std::move(t));
    return true;
  }
  if (!e.fact.is_abstract) {
    if (!table_of(e, naming, default_schema, &t, why)) return false;
    t.own = true;
    out->push_back(std::move(t));
  }
  std::vector<Named> below;
  descendants(e, facts, &below);
  for (auto& d : below) {
    if (d.fact.kind != 'e' || d.fact.is_abstract) continue;
    Target sub;
    if (!table_of(d, naming, default_schema, &sub, why)) return false;
    for (auto& [k, v] : d.fact.overrides) sub.overrides[k] = v;
    sub.below = true;
    out->push_back(std::move(sub));
  }
  return true;
}

/// The tables a @MappedSuperclass's fields are columns of: those of the nearest entities below
/// it that the code uses (their fields' tables), with each one's @AttributeOverride names (a
/// nearer class's first, the entity's last). An entity whose tables are not known is left out,
/// the first one's reason in `why`.
bool mapped_targets(const Named& m, const ProjectFacts* facts, Naming naming, const std::string& default_schema,
                    std::vector<Target>* out, std::string* why) {
  std::vector<Named> below;
  descendants(m, facts, &below, true);
  std::set<std::string> seen;
  for (auto& d : below) {
    if (d.fact.kind != 'e') continue;
    if (!referenced_elsewhere(d.name, facts) && !referenced_elsewhere(d.fact.entity_name, facts)) continue;
    // The overrides on the way down, the entity's last.
    std::map<std::string, std::string, std::less<>> overrides;
    std::vector<Named> up;
    std::string ignored;
    ancestors(d.fact, facts, &up, &ignored);
    for (size_t i = up.size(); i-- > 0;) {
      if (up[i].name == m.name) {
        for (size_t j = i; j-- > 0;)
          for (auto& [k, v] : up[j].fact.overrides) overrides[k] = v;
        break;
      }
    }
    for (auto& [k, v] : d.fact.overrides) overrides[k] = v;
    // An entity whose table is not known leaves its columns out, not the others'.
    std::vector<Target> ts;
    std::string failed;
    if (!entity_targets(d, facts, naming, default_schema, &ts, &failed)) {
      if (why->empty()) *why = "entity " + d.name + ": " + failed;
      continue;
    }
    for (Target& t : ts) {
      for (auto& [k, v] : overrides) t.overrides.try_emplace(k, v);
      t.own = false;
      t.below = false;
      std::string key = t.schema + "." + t.table;
      for (auto& [k, v] : t.overrides) key += "\t" + k + "=" + v;
      if (seen.insert(key).second) out->push_back(std::move(t));
    }
  }
  return true;
}

/// Whether entity `e` may be in the project's persistence unit: true unless the code builds its
/// unit itself (a class implementing PersistenceUnitInfo, no persistence.xml and no Spring Boot
/// scanning beside it) and names, as `Name.class`, at least one entity but neither `e` nor a
/// superclass of it (the unit may add the subclasses of one it names at run time, as OpenRemote's
/// asset types are). False with `unit`, the file that builds it.
bool in_built_unit(const Named& e, const ProjectFacts* facts, std::string* unit) {
  if (!facts) return true;
  auto built = facts->find(std::string(kKey) + "unit-built");
  if (built == facts->end() || built->second.size() != 1 || facts->count(std::string(kKey) + "persistence-xml") ||
      facts->count(std::string(kKey) + "spring-boot"))
    return true;
  auto listed = [&](const std::string& name) { return facts->count(std::string(kKey) + "unit-lists:" + name) != 0; };
  if (listed(e.name)) return true;
  // Its superclasses must be known to the top, an entity or mapped superclass: a plain class
  // (OpenRemote's Agent between TCPAgent and Asset, whose own superclass the index does not
  // read) may extend one the unit names.
  std::vector<Named> up;
  std::string why;
  if (!ancestors(e.fact, facts, &up, &why) || (!up.empty() && up.back().fact.kind == 'o')) return true;
  for (const Named& a : up)
    if (listed(a.name)) return true;
  // The unit names entities: its list is read, not built elsewhere and handed to it.
  const std::string prefix = std::string(kKey) + "unit-lists:";
  bool names_entity = false;
  for (auto it = facts->lower_bound(prefix); it != facts->end() && it->first.starts_with(prefix) && !names_entity; ++it) {
    bool ambiguous = false;
    std::optional<ClassFact> f = lookup(it->first.substr(prefix.size()), facts, &ambiguous, e.fact.module);
    names_entity = f && f->kind == 'e';
  }
  if (!names_entity) return true;
  *unit = built->second.front();
  return false;
}

void declaration(const EntityClass& klass, const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  const Annotation* entity_annotation = find_annotation(klass.annotations, "Entity");
  bool mapped = !entity_annotation && find_annotation(klass.annotations, "MappedSuperclass");
  if ((!entity_annotation && !mapped) || ts_node_is_null(klass.name)) return;
  std::string_view class_name = node_text(klass.name, src);
  Named self{std::string(class_name), fact_of(klass, src, in.path)};
  resolve_constants(&self.fact, in.facts);
  const std::string& jpql_name = self.fact.entity_name;
  const Annotation* table = find_annotation(klass.annotations, "Table");
  Naming naming = naming_of(in.facts);
  std::vector<Target> targets;
  std::string why;
  bool resolved = mapped ? mapped_targets(self, in.facts, naming, in.default_schema, &targets, &why)
                         : entity_targets(self, in.facts, naming, in.default_schema, &targets, &why);
  std::optional<Name> explicit_name = argument_name(table, "name", in);
  if (!resolved) {
    targets.clear();
    // What an entity whose hierarchy is not known still tells: the table its @Table names,
    // with the columns its @Column names (the others may follow a superclass's mapping).
    if (!mapped && explicit_name) {
      Target t;
      t.schema = self.fact.schema.empty() || self.fact.schema == "?" ? in.default_schema : self.fact.schema;
      t.table = explicit_name->value;
      t.entity = self.name;
      t.own = true;
      targets.push_back(std::move(t));
    }
  }
  // Hibernate creates it at start-up where the module's configuration says so (ddl-auto), used
  // or not.
  for (const Target& t : targets)
    if (t.own) out->declared_tables.push_back({t.schema, t.table});
  // A name the strategy gives that is not known here: the provider creates the table under one of
  // the names a strategy gives (Spring's snake case, or the entity's name as EclipseLink and
  // Hibernate's standard strategy keep it, folded by PostgreSQL). Each only excuses, where the
  // module's provider creates tables; a check of it is never made.
  if (!resolved && !mapped && !explicit_name && naming == Naming::Unknown && self.fact.schema.empty()) {
    std::string schema = in.default_schema;
    for (Naming n : {Naming::Identity, Naming::Snake})
      if (std::string name = physical(self.fact.entity_name, n); !name.empty())
        out->declared_tables.push_back({schema, name});
  }
  if (!mapped && !referenced_elsewhere(class_name, in.facts) && (jpql_name == class_name || !referenced_elsewhere(jpql_name, in.facts))) {
    out->unchecked.push_back({ts_node_start_byte(klass.node), "jpa @Entity",
                              "entity " + std::string(class_name) + " is referenced by no other file: nothing queries it"});
    return;
  }
  if (std::string unit; !mapped && !in_built_unit(self, in.facts, &unit)) {
    out->unchecked.push_back({ts_node_start_byte(klass.node), "jpa @Entity",
                              "entity " + std::string(class_name) + " is not in the persistence unit " + unit +
                                  " builds, which names neither it nor a superclass: Hibernate does not map it"});
    return;
  }
  std::string via = mapped ? "jpa @MappedSuperclass" : "jpa @Entity";
  if (!resolved && targets.empty()) {
    out->unchecked.push_back({ts_node_start_byte(klass.node), via, why});
    return;
  }

  // Names the strategy derives are certain where the hierarchy is known, and where the entity
  // names its table (a superclass outside the project maps its own fields, not these).
  bool derive = resolved || !mapped;
  // The fields' columns, once: a name, or none when the strategy or a relation decides it.
  struct Column {
    const Field* field;
    std::optional<Name> name;
  };
  std::vector<Column> columns;
  bool implicit = false, unresolved = false;
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
    if (skip || has_argument(column, "table")) continue;  // not a column, or a secondary table's
    // An @Embeddable of the project, embedded without @Embedded: its columns are required in its
    // own file, at its fields (embeddable_declaration).
    if (in.facts && !relation && embeddable_type(f.type, in.facts)) continue;
    std::optional<Name> cname;
    if (column) cname = argument_name(column, "name", in);
    // @Column(name = X) that cannot be resolved names some column, not the field's own.
    if (!cname && !has_argument(column, "name") && !relation && !klass.property_access && derive && !embeddable_type(f.type, in.facts) &&
        f.type.find('<') == std::string_view::npos) {
      // The field's own name, through the naming strategy.
      std::string derived = ts_node_is_null(f.name) ? "" : physical(node_text(f.name, src), naming);
      if (!derived.empty()) cname = Name{derived, {ts_node_start_byte(f.name), ts_node_end_byte(f.name)}, false};
    }
    if (!cname && has_argument(column, "name")) unresolved = true;
    else if (!cname) implicit = true;
    columns.push_back({&f, std::move(cname)});
  }

  auto& reqs = out->requirements;
  for (const Target& t : targets) {
    size_t unit = reqs.units.size();
    requirements::Unit u;
    u.file = std::string(in.path);
    u.fingerprint_text = mapped ? "@MappedSuperclass " + std::string(class_name) + " of @Entity " + t.entity + " @Table(" +
                                      t.schema + "." + t.table + ")"
                                : "@Entity " + std::string(class_name) + " @Table(" + t.schema + "." + t.table + ")";
    reqs.units.push_back(std::move(u));
    if (!mapped && !t.below) {
      requirements::Requirement rel;
      rel.object = requirements::Object::Relation;
      rel.schema = t.schema;
      rel.relation = t.table;
      rel.span = {ts_node_start_byte(klass.name), ts_node_end_byte(klass.name)};
      if (t.own && explicit_name) {
        rel.span = explicit_name->span;
        rel.quoted = explicit_name->quoted;
      }
      rel.unit = unit;
      reqs.requirements.push_back(rel);
    }
    // The root of a SINGLE_TABLE hierarchy with subclasses (or a declared column) tells rows
    // apart by its discriminator column, DTYPE unless @DiscriminatorColumn names another.
    if (!mapped && t.own && t.entity == self.name && self.fact.strategy == "SINGLE_TABLE" &&
        self.fact.discriminator != "-") {
      std::vector<Named> up, below;
      std::string ignored;
      ancestors(self.fact, in.facts, &up, &ignored);
      bool root = true;
      for (auto& a : up) root = root && a.fact.kind != 'e';
      bool subclasses = false;
      if (root) descendants(self, in.facts, &below);
      for (auto& d : below) subclasses = subclasses || d.fact.kind == 'e';
      if (root && (subclasses || !self.fact.discriminator.empty())) {
        const Annotation* d = find_annotation(klass.annotations, "DiscriminatorColumn");
        std::optional<Name> dname = argument_name(d, "name", in);
        if (!dname && has_argument(d, "name")) {
          implicit = true;
        } else {
          if (!dname) dname = Name{"dtype", {ts_node_start_byte(klass.name), ts_node_end_byte(klass.name)}, false};
          require_column(t, *dname, unit, &reqs);
        }
      }
    }
    for (const Column& col : columns) {
      std::optional<Name> cname = col.name;
      std::string_view fname = ts_node_is_null(col.field->name) ? "" : node_text(col.field->name, src);
      auto o = t.overrides.find(fname);
      if (o != t.overrides.end()) {
        if (o->second == "?") continue;
        cname = Name{o->second, {ts_node_start_byte(col.field->name), ts_node_end_byte(col.field->name)}, false};
      }
      if (!cname) continue;
      require_column(t, *cname, unit, &reqs);
    }
  }
  // @JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"), inverseJoinColumns =
  // @JoinColumn(name = "tag_id")) of an entity's collection: Hibernate loads the collection
  // through that table, joining on those columns. Only names written as literals; the table in
  // @JoinTable(schema), else the default schema (not the entity's).
  if (!mapped)
    for (const Field& f : klass.fields) {
      const Annotation* jt = find_annotation(f.annotations, "JoinTable");
      if (!jt || f.not_persistent) continue;
      const Annotation* transient = find_annotation(f.annotations, "Transient");
      if (transient) continue;
      std::optional<Name> table;
      std::string schema = in.default_schema;
      bool plain = true;
      for (auto& [k, v] : jt->arguments) {
        if (k == "name") table = node_is(v, "string_literal") ? literal_name(v, src) : std::nullopt, plain = plain && table;
        else if (k == "schema") {
          auto sname = node_is(v, "string_literal") ? literal_name(v, src) : std::nullopt;
          if (!sname || sname->quoted) plain = false;
          else schema = sname->value;
        } else if (k == "catalog") plain = false;
      }
      if (!table || !plain) continue;  // the naming strategy's name, or a constant: not read here
      size_t unit = reqs.units.size();
      requirements::Unit u;
      u.file = std::string(in.path);
      u.fingerprint_text = "@JoinTable(" + schema + "." + table->value + ") of @Entity " + std::string(class_name);
      reqs.units.push_back(std::move(u));
      requirements::Requirement rel;
      rel.object = requirements::Object::Relation;
      rel.schema = schema;
      rel.relation = table->value;
      rel.span = table->span;
      rel.quoted = table->quoted;
      rel.unit = unit;
      std::string collection = std::string(class_name) + "." + std::string(ts_node_is_null(f.name) ? "" : node_text(f.name, src));
      rel.describe = "@JoinTable of " + collection + ": Hibernate loads the collection through table " + table->value;
      reqs.requirements.push_back(rel);
      Target jt_target;
      jt_target.schema = schema;
      jt_target.table = table->value;
      for (auto& [k, v] : jt->arguments) {
        if (k != "joinColumns" && k != "inverseJoinColumns") continue;
        // @JoinColumn(name = "x"), or { @JoinColumn(...), ... }
        std::vector<TSNode> stack{v};
        while (!stack.empty()) {
          TSNode n = stack.back();
          stack.pop_back();
          if (node_is(n, "annotation") && node_text(field(n, "name"), src).ends_with("JoinColumn")) {
            TSNode args = field(n, "arguments");
            for (uint32_t i = 0; !ts_node_is_null(args) && i < ts_node_named_child_count(args); ++i) {
              TSNode pair = ts_node_named_child(args, i);
              if (!node_is(pair, "element_value_pair") || node_text(field(pair, "key"), src) != "name") continue;
              TSNode value = field(pair, "value");
              if (auto cname = node_is(value, "string_literal") ? literal_name(value, src) : std::nullopt) {
                require_column(jt_target, *cname, unit, &reqs);
                reqs.requirements.back().describe = "@JoinTable of " + collection + ": Hibernate joins on " +
                                                    table->value + "." + cname->value;
              }
            }
            continue;
          }
          for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
        }
      }
    }
  if (!resolved || (mapped && !why.empty()))
    out->unchecked.push_back({ts_node_start_byte(klass.node), via, why});
  else if (implicit && !targets.empty())
    out->unchecked.push_back({ts_node_start_byte(klass.node), via,
                              "fields without @Column(name): their column names come from the naming strategy"});
  else if (unresolved && !targets.empty())
    out->unchecked.push_back({ts_node_start_byte(klass.node), via,
                              "a @Column(name) given by a constant that is no plain literal of a class the project declares"});
}

/// An @Embeddable's fields are columns of the table of each entity that embeds it (a field of
/// its type, @Embedded, @EmbeddedId or neither), under the names Hibernate gives them: @Column's,
/// else the naming strategy's for the field, unprefixed (JPA's implicit naming and Spring's),
/// unless the embedding field's @AttributeOverride, or the entity's with a path
/// (`name = "address.city"`), renames one. One unit per embedding, requirements at the
/// embeddable's fields; an embedding the index cannot place is unchecked, with its reason.
void embeddable_declaration(const EntityClass& klass, const FileInput& in, FileOutput* out) {
  if (!find_annotation(klass.annotations, "Embeddable") || ts_node_is_null(klass.name) || !in.facts) return;
  std::string_view src = in.text;
  std::string name(node_text(klass.name, src));
  auto embeds = in.facts->find(std::string(kKey) + "embeds:" + name);
  if (embeds == in.facts->end()) return;  // no entity embeds it: nothing loads these columns
  const char* via = "jpa @Embeddable";
  uint32_t at = ts_node_start_byte(klass.node);
  auto declared = in.facts->find(std::string(kKey) + "declared:" + name);
  if (declared != in.facts->end() && declared->second.size() > 1) {
    out->unchecked.push_back({at, via, "two classes named " + name + " in the project: which one an entity embeds is not told"});
    return;
  }
  if (klass.property_access || klass.extends) {
    out->unchecked.push_back({at, via, klass.extends ? "it extends another class, whose fields may be columns too"
                                                     : "it is mapped through its getters"});
    return;
  }
  Naming naming = naming_of(in.facts);
  struct Column {
    const Field* field;
    std::optional<Name> name;
  };
  std::vector<Column> columns;
  std::string doubt;
  for (const Field& f : klass.fields) {
    if (f.not_persistent || ts_node_is_null(f.name)) continue;
    const Annotation* column = nullptr;
    bool skip = false, relation = false, nested = false;
    for (const Annotation& a : f.annotations) {
      std::string_view an = a.name;
      if (an == "Transient" || an == "OneToMany" || an == "ManyToMany" || an == "ElementCollection" ||
          an == "JoinTable" || an == "Formula")
        skip = true;
      if (an == "Embedded" || an == "AttributeOverride" || an == "AttributeOverrides") nested = true;
      if ((an == "Column" || an == "JoinColumn") && a.with_arguments) column = &a;
      if (an == "ManyToOne" || an == "OneToOne" || an == "JoinColumn" || an == "MapsId") relation = true;
    }
    if (skip || has_argument(column, "table") || f.type.find('<') != std::string_view::npos) continue;
    if (nested || (!relation && embeddable_type(f.type, in.facts))) {
      if (doubt.empty()) doubt = "field " + std::string(node_text(f.name, src)) + " embeds another class: its columns are not judged";
      continue;
    }
    std::optional<Name> cname = argument_name(column, "name", in);
    if (relation) {  // an @AssociationOverride of the embedding entity may rename its column
      if (doubt.empty()) doubt = "a relation field: its column may be renamed by the embedding entity";
      continue;
    }
    if (!cname && !has_argument(column, "name")) {
      std::string derived = physical(node_text(f.name, src), naming);
      if (!derived.empty()) cname = Name{derived, {ts_node_start_byte(f.name), ts_node_end_byte(f.name)}, false};
    }
    if (!cname && doubt.empty())
      doubt = has_argument(column, "name") ? "a @Column(name) given by a constant that is no plain literal of a class the project declares"
                                        : "fields without @Column(name): their column names come from the naming strategy";
    columns.push_back({&f, std::move(cname)});
  }
  std::set<std::string> seen;
  auto& reqs = out->requirements;
  for (const std::string& entry : embeds->second) {
    if (!seen.insert(entry).second) continue;
    std::vector<std::string_view> p = split(entry, '\t');
    if (p.size() != 5) continue;
    std::string entity(p[0]), holder(p[1]);
    bool ambiguous = false;
    std::optional<ClassFact> fact = lookup(entity, in.facts, &ambiguous, std::string(p[3]));
    if (!fact || ambiguous) continue;
    if (!referenced_elsewhere(entity, in.facts) && (fact->entity_name == entity || !referenced_elsewhere(fact->entity_name, in.facts)))
      continue;  // the entity is reported unchecked in its own file: nothing queries it
    if (p[4] == "prefixed") {
      out->unchecked.push_back({at, via, "entity " + entity + " embeds it with @EmbeddedColumnNaming: its columns are prefixed"});
      continue;
    }
    // The embedding field's own overrides, then the entity's by path ("holder.field").
    std::map<std::string, std::string, std::less<>> renamed;
    for (auto o : split(p[2], ',')) {
      size_t eq = o.find('=');
      if (eq == std::string_view::npos) continue;
      std::string column(o.substr(eq + 1));
      if (column.starts_with("=")) {
        auto value = constant_value(column.substr(1), in.facts);
        auto folded_name = value ? folded(*value) : std::nullopt;
        column = folded_name ? *folded_name : "?";
      }
      renamed[std::string(o.substr(0, eq))] = column;
    }
    Named e{entity, *fact};
    resolve_constants(&e.fact, in.facts);
    for (auto& [k, v] : e.fact.overrides)
      if (k.starts_with(holder + ".")) renamed[k.substr(holder.size() + 1)] = v;
      else if (k == "?") renamed["?"] = "?";
    if (renamed.count("?")) {
      out->unchecked.push_back({at, via, "entity " + entity + " has an @AttributeOverride whose name is not read"});
      continue;
    }
    std::vector<Target> targets;
    std::string why;
    if (!entity_targets(e, in.facts, naming, in.default_schema, &targets, &why)) {
      out->unchecked.push_back({at, via, "embedded by entity " + entity + ": " + why});
      continue;
    }
    for (const Target& t : targets) {
      size_t unit = reqs.units.size();
      requirements::Unit u;
      u.file = std::string(in.path);
      u.fingerprint_text = "@Embeddable " + name + " as @Entity " + t.entity + "." + holder + " @Table(" + t.schema + "." +
                           t.table + ")";
      reqs.units.push_back(std::move(u));
      for (const Column& col : columns) {
        std::string_view fname = node_text(col.field->name, src);
        std::optional<Name> cname = col.name;
        const std::string* override = nullptr;
        if (auto o = renamed.find(fname); o != renamed.end()) override = &o->second;
        else if (auto b = t.overrides.find(holder + "." + std::string(fname)); b != t.overrides.end()) override = &b->second;
        if (override) {
          if (*override == "?") continue;
          cname = Name{*override, {ts_node_start_byte(col.field->name), ts_node_end_byte(col.field->name)}, false};
        }
        if (!cname) continue;
        require_column(t, *cname, unit, &reqs);
        reqs.requirements.back().describe = "field " + std::string(fname) + " of @Embeddable " + name + ", embedded as " +
                                            t.entity + "." + holder + ", maps to column " + t.table + "." + cname->value +
                                            "; every query of " + t.entity + " selects it";
      }
    }
  }
  if (!doubt.empty()) out->unchecked.push_back({at, via, doubt});
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
      EntityClass klass = kotlin ? kotlin_class(c, in.text) : java_class(c, in.text);
      declaration(klass, in, out);
      embeddable_declaration(klass, in, out);
      TSNode body = kotlin ? child_of_kind(c, "class_body") : field(c, "body");
      if (!ts_node_is_null(body)) stack.push_back(body);
    }
  }
}

bool relevant(std::string_view text) {
  return text.find("@Entity") != std::string_view::npos || text.find("@SpringBootApplication") != std::string_view::npos ||
         text.find("@MappedSuperclass") != std::string_view::npos ||
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

/// The fields of entity `entity` that may embed a class of the project, as "embeds:Type" ->
/// "Entity\tfield\toverrides\tmodule\tflags": the field's @AttributeOverride(s) ("a=col,b=?",
/// constants as "=Class.NAME"), and "prefixed" when Hibernate's @EmbeddedColumnNaming prefixes
/// its columns. Whether Type is an @Embeddable is the embeddable's file's to say.
void index_embeddings(const EntityClass& klass, const std::string& entity, const FileInput& in,
                      std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view t = in.text;
  for (const Field& f : klass.fields) {
    if (f.not_persistent || ts_node_is_null(f.name)) continue;
    bool skip = false, prefixed = false;
    for (const Annotation& a : f.annotations) {
      std::string_view an = a.name;
      if (an == "Transient" || an == "OneToMany" || an == "ManyToMany" || an == "ManyToOne" || an == "OneToOne" ||
          an == "ElementCollection" || an == "JoinColumn" || an == "JoinTable" || an == "Formula" || an == "Column")
        skip = true;
      if (an == "EmbeddedColumnNaming") prefixed = true;
    }
    std::string_view type = simple_type(f.type);
    if (skip || type.empty() || f.type.find('<') != std::string_view::npos || !indexed_word(type)) continue;
    std::vector<std::pair<std::string, std::string>> overrides;
    if (!ts_node_is_null(f.modifiers)) read_overrides(node_text(f.modifiers, t), t, in.path, &overrides);
    std::string list;
    for (auto& [k, v] : overrides) list += (list.empty() ? "" : ",") + k + "=" + v;
    out->push_back({std::string(kKey) + "embeds:" + std::string(type), entity + "\t" + std::string(node_text(f.name, t)) +
                                                                         "\t" + list + "\t" + module_of(in.path) + "\t" +
                                                                         (prefixed ? "prefixed" : "")});
  }
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
      // Spring Boot's own default, SpringImplicitNamingStrategy (JHipster writes it out), names
      // what the default names: only another strategy changes derived names.
      if ((line.find("implicit-strategy") != std::string_view::npos ||
           line.find("implicit_naming_strategy") != std::string_view::npos) &&
          !value().ends_with(".SpringImplicitNamingStrategy"))
        out->push_back({k + "implicit-strategy", ""});
      if (line.find("globally_quoted_identifiers") != std::string_view::npos && value().find("true") != std::string::npos)
        out->push_back({k + "quoted", ""});
    }
    if (in.path == "persistence.xml" || in.path.ends_with("/persistence.xml")) out->push_back({k + "persistence-xml", ""});
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
  // String constants, for annotations that name a table or column by one (`@Column(name = Names.COL)`).
  if ((in.language == "java" || in.language == "kotlin") &&
      (t.find("static final String ") != std::string_view::npos || t.find("final static String ") != std::string_view::npos ||
       t.find("const val ") != std::string_view::npos))
    for (auto& [name, value] : string_constants(t))
      out->push_back({k + "const:" + std::string(file_stem(in.path)) + "." + name, value});
  // The classes the project declares (`class Name`, not `Name.class`): a superclass among them
  // is the project's, not a library's.
  for (size_t at = t.find("class "); at != std::string_view::npos; at = t.find("class ", at + 1)) {
    if (at > 0 && !std::isspace(static_cast<unsigned char>(t[at - 1]))) continue;
    size_t b = at + 6, e = b;
    while (e < t.size() && word_char(t[e])) ++e;
    if (e > b && indexed_word(t.substr(b, e - b))) out->push_back({k + "declared:" + std::string(t.substr(b, e - b)), ""});
  }
  // A persistence unit the code builds itself (a class implementing JPA's PersistenceUnitInfo,
  // whose getManagedClassNames() Hibernate reads instead of scanning for @Entity classes): the
  // classes the file names as `Name.class` (Kotlin's `Name::class`) are the unit's.
  if ((in.language == "java" || in.language == "kotlin") && t.find("PersistenceUnitInfo") != std::string_view::npos &&
      t.find("getManagedClassNames") != std::string_view::npos) {
    out->push_back({k + "unit-built", std::string(in.path)});
    for (std::string_view dot : {std::string_view(".class"), std::string_view("::class")})
      for (size_t at = t.find(dot); at != std::string_view::npos; at = t.find(dot, at + 1)) {
        if (at + dot.size() < t.size() && word_char(t[at + dot.size()])) continue;  // .classes, .className
        size_t b = at;
        while (b > 0 && word_char(t[b - 1])) --b;
        if (b < at && indexed_word(t.substr(b, at - b))) out->push_back({k + "unit-lists:" + std::string(t.substr(b, at - b)), ""});
      }
  }
  if ((in.language != "java" && in.language != "kotlin") || !relevant(t)) return;
  if (t.find("@SpringBootApplication") != std::string_view::npos) out->push_back({k + "spring-boot", ""});
  if (t.find("PhysicalNamingStrategy") != std::string_view::npos || t.find("ImplicitNamingStrategy") != std::string_view::npos)
    out->push_back({k + "custom-naming", std::string(in.path)});
  // Each class of a file with entities or mapped superclasses, for its subclasses and superclasses
  // in other files: its record, and its name under each superclass it may have.
  if (!ts_node_is_null(in.root)) {
    bool kotlin = in.language == "kotlin";
    std::vector<TSNode> stack = {in.root};
    while (!stack.empty()) {
      TSNode node = stack.back();
      stack.pop_back();
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = n; i-- > 0;) {
        TSNode c = ts_node_named_child(node, i);
        if (!node_is(c, "class_declaration")) continue;
        EntityClass klass = kotlin ? kotlin_class(c, t) : java_class(c, t);
        if (ts_node_is_null(klass.name)) continue;
        std::string name(node_text(klass.name, t));
        ClassFact fact = fact_of(klass, t, in.path);
        out->push_back({k + "class:" + name, serialize(fact)});
        if (fact.kind == 'e') index_embeddings(klass, name, in, out);
        for (std::string_view s : klass.supers) out->push_back({k + "sub:" + std::string(s), module_of(in.path) + "\t" + name});
        TSNode body = kotlin ? child_of_kind(c, "class_body") : field(c, "body");
        if (!ts_node_is_null(body)) stack.push_back(body);
      }
    }
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

/// The files whose classes the index records: those that declare entities or mapped superclasses.
bool index_parses(std::string_view text) {
  return text.find("@Entity") != std::string_view::npos || text.find("@MappedSuperclass") != std::string_view::npos;
}

extern const DataLayer kJpa{.name = "jpa",
                            .languages = {"java", "kotlin"},
                            .claims = claims_config,
                            .relevant = relevant,
                            .extract = extract,
                            .index = index_file,
                            .index_reads = index_reads,
                            .index_text_only = true,
                            .index_parses = index_parses,
                            .relevant_words = {"@Entity", "@SpringBootApplication", "@MappedSuperclass", "@Embeddable", "NamingStrategy", "naming", "quoted"}};

}  // namespace schemagate::datalayers
