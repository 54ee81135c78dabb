// JPA / Hibernate entities (Java). An @Entity class with @Table(name = "...") needs that table,
// and each persistent field with @Column(name = "...") or @JoinColumn(name = "...") needs that
// column: Hibernate selects, inserts and updates them all whenever the entity is loaded or
// saved, so a column no migration adds fails the first query of the entity.
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

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

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

/// The annotations on a declaration: its `modifiers` child's annotation nodes.
std::vector<TSNode> annotations(TSNode decl) {
  std::vector<TSNode> out;
  uint32_t n = ts_node_named_child_count(decl);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode m = ts_node_named_child(decl, i);
    if (!node_is(m, "modifiers")) continue;
    uint32_t k = ts_node_named_child_count(m);
    for (uint32_t j = 0; j < k; ++j) {
      TSNode a = ts_node_named_child(m, j);
      if (node_is(a, "annotation") || node_is(a, "marker_annotation")) out.push_back(a);
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

/// The string literal of `key = "..."` in an annotation, or a null node.
TSNode string_argument(TSNode annotation, std::string_view source, std::string_view key) {
  if (ts_node_is_null(annotation)) return TSNode{};
  TSNode args = field(annotation, "arguments");
  uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode p = ts_node_named_child(args, i);
    if (!node_is(p, "element_value_pair") || node_text(field(p, "key"), source) != key) continue;
    TSNode v = field(p, "value");
    return node_is(v, "string_literal") ? v : TSNode{};
  }
  return TSNode{};
}

bool has_argument(TSNode annotation, std::string_view source, std::string_view key) {
  if (ts_node_is_null(annotation)) return false;
  TSNode args = field(annotation, "arguments");
  uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode p = ts_node_named_child(args, i);
    if (node_is(p, "element_value_pair") && node_text(field(p, "key"), source) == key) return true;
  }
  return false;
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

/// JPA's access type is the place of @Id: on a getter, the persistent properties are the getters.
bool mapped_through_getters(TSNode klass, std::string_view src) {
  TSNode body = field(klass, "body");
  uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (!node_is(m, "method_declaration")) continue;
    for (TSNode a : annotations(m)) {
      std::string_view an = last_name(node_text(field(a, "name"), src));
      if (an == "Id" || an == "EmbeddedId" || an == "Column" || an == "Access") return true;
    }
  }
  for (TSNode a : annotations(klass))
    if (last_name(node_text(field(a, "name"), src)) == "Access") return true;
  return false;
}

/// The field's type is an @Embeddable class of the project (embedded without @Embedded).
bool embeddable_type(TSNode f, std::string_view src, const ProjectFacts* facts) {
  std::string_view type = node_text(field(f, "type"), src);
  size_t lt = type.find('<');
  if (lt != std::string_view::npos) type = type.substr(0, lt);
  type = last_name(type);
  return !facts || facts->count(std::string(kKey) + "embeddable:" + std::string(type)) != 0;
}

void entity(TSNode klass, const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  TSNode table{};
  bool is_entity = false;
  for (TSNode a : annotations(klass)) {
    std::string_view n = last_name(node_text(field(a, "name"), src));
    if (n == "Entity") is_entity = true;
    if (n == "Table") table = a;
  }
  if (!is_entity) return;
  std::string_view class_name = node_text(field(klass, "name"), src);
  {
    TSNode entity_annotation{};
    for (TSNode a : annotations(klass))
      if (last_name(node_text(field(a, "name"), src)) == "Entity") entity_annotation = a;
    // @Entity(name = "X") is the name JPQL uses.
    std::string_view jpql_name = node_text(string_argument(entity_annotation, src, "name"), src);
    jpql_name = jpql_name.size() >= 2 ? jpql_name.substr(1, jpql_name.size() - 2) : "";
    if (!referenced_elsewhere(class_name, in.facts) && (jpql_name.empty() || !referenced_elsewhere(jpql_name, in.facts))) {
      out->unchecked.push_back({ts_node_start_byte(klass), "jpa @Entity",
                                "entity " + std::string(class_name) +
                                    " is referenced by no other file: nothing queries it"});
      return;
    }
  }
  std::optional<Name> tname = literal_name(string_argument(table, src, "name"), src);
  Naming naming = naming_of(in.facts);
  bool extends = !ts_node_is_null(field(klass, "superclass"));
  bool property_access = mapped_through_getters(klass, src);
  if (!tname && !extends) {
    // @Entity(name = "X") names the entity, and so the table.
    TSNode entity_annotation{};
    for (TSNode a : annotations(klass))
      if (last_name(node_text(field(a, "name"), src)) == "Entity") entity_annotation = a;
    std::string_view logical = class_name;
    TSNode named = string_argument(entity_annotation, src, "name");
    if (!ts_node_is_null(named)) {
      std::string_view t = node_text(named, src);
      logical = t.size() >= 2 ? t.substr(1, t.size() - 2) : "";
    }
    std::string derived = logical.empty() ? "" : physical(logical, naming);
    if (!derived.empty()) {
      uint32_t b = ts_node_start_byte(field(klass, "name"));
      tname = Name{derived, {b, b + static_cast<uint32_t>(class_name.size())}, false};
    }
  }
  if (!tname) {
    out->unchecked.push_back({ts_node_start_byte(klass), "jpa @Entity",
                              "no @Table(name): the table name comes from the naming strategy"});
    return;
  }
  bool explicit_table = !ts_node_is_null(string_argument(table, src, "name"));
  std::string schema = in.default_schema;
  if (std::optional<Name> s = literal_name(string_argument(table, src, "schema"), src)) schema = s->value;

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
  TSNode body = field(klass, "body");
  uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode f = ts_node_named_child(body, i);
    if (!node_is(f, "field_declaration")) continue;
    if (has_modifier(f, src, "static") || has_modifier(f, src, "transient")) continue;
    TSNode column{};
    bool skip = false, relation = false;
    for (TSNode a : annotations(f)) {
      std::string_view an = last_name(node_text(field(a, "name"), src));
      if (an == "Transient" || an == "OneToMany" || an == "ManyToMany" || an == "Embedded" ||
          an == "EmbeddedId" || an == "ElementCollection" || an == "AttributeOverride" ||
          an == "AttributeOverrides" || an == "JoinTable" || an == "Formula")
        skip = true;
      if ((an == "Column" || an == "JoinColumn") && node_is(a, "annotation")) column = a;
      if (an == "ManyToOne" || an == "OneToOne" || an == "JoinColumn" || an == "MapsId" || an == "Embedded")
        relation = true;  // its column name comes from the target's key
    }
    if (skip) continue;
    std::optional<Name> cname;
    if (!ts_node_is_null(column) && !has_argument(column, src, "table"))
      cname = literal_name(string_argument(column, src, "name"), src);
    if (!cname && !relation && !property_access && !(extends && !explicit_table) &&
        (ts_node_is_null(column) || !has_argument(column, src, "table")) && !embeddable_type(f, src, in.facts) &&
        node_text(field(f, "type"), src).find('<') == std::string_view::npos) {
      // The field's own name, through the naming strategy.
      TSNode declarator = field(f, "declarator");
      TSNode fname = field(declarator, "name");
      std::string derived = ts_node_is_null(fname) ? "" : physical(node_text(fname, src), naming);
      if (!derived.empty())
        cname = Name{derived, {ts_node_start_byte(fname), ts_node_end_byte(fname)}, false};
    }
    if (!cname) {
      if (ts_node_is_null(column) || !has_argument(column, src, "table")) implicit = true;
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
    out->unchecked.push_back({ts_node_start_byte(klass), "jpa @Entity",
                              "fields without @Column(name): their column names come from the naming strategy"});
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root) || in.language != "java") return;  // Kotlin files are read for their words only
  // Entities are top-level classes, or nested static classes: walk class bodies.
  std::vector<TSNode> stack = {in.root};
  while (!stack.empty()) {
    TSNode node = stack.back();
    stack.pop_back();
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = n; i-- > 0;) {
      TSNode c = ts_node_named_child(node, i);
      if (node_is(c, "class_declaration")) {
        entity(c, in, out);
        TSNode body = field(c, "body");
        if (!ts_node_is_null(body)) stack.push_back(body);
      }
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
  if (in.language != "java" || !relevant(t)) return;
  if (t.find("@SpringBootApplication") != std::string_view::npos) out->push_back({k + "spring-boot", ""});
  if (t.find("PhysicalNamingStrategy") != std::string_view::npos || t.find("ImplicitNamingStrategy") != std::string_view::npos)
    out->push_back({k + "custom-naming", std::string(in.path)});
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
