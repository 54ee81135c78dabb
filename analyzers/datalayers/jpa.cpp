// JPA / Hibernate entities (Java). An @Entity class with @Table(name = "...") needs that table,
// and each persistent field with @Column(name = "...") or @JoinColumn(name = "...") needs that
// column: Hibernate selects, inserts and updates them all whenever the entity is loaded or
// saved, so a column no migration adds fails the first query of the entity.
//
// Only names the code spells are requirements. A name Hibernate derives (an entity without
// @Table, a field without @Column(name)) depends on the naming strategy: Spring Boot's turns
// camelCase into snake_case, plain Hibernate keeps the Java name. Those are listed as unchecked
// uses, once per entity. Unquoted names fold to lower case as PostgreSQL folds them; a
// @Column(table = "...") of a secondary table is left out, and so are @Transient and static
// fields and the columns of @MappedSuperclass / @Embeddable classes (their table is another
// class's).
#include <cctype>
#include <cstring>
#include <optional>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

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
  std::optional<Name> tname = literal_name(string_argument(table, src, "name"), src);
  if (!tname) {
    out->unchecked.push_back({ts_node_start_byte(klass), "jpa @Entity",
                              "no @Table(name): the table name comes from the naming strategy"});
    return;
  }
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
    bool skip = false;
    for (TSNode a : annotations(f)) {
      std::string_view an = last_name(node_text(field(a, "name"), src));
      if (an == "Transient" || an == "OneToMany" || an == "ManyToMany" || an == "Embedded" ||
          an == "EmbeddedId" || an == "ElementCollection" || an == "AttributeOverride" ||
          an == "AttributeOverrides" || an == "JoinTable" || an == "Formula")
        skip = true;
      if ((an == "Column" || an == "JoinColumn") && node_is(a, "annotation")) column = a;
    }
    if (skip) continue;
    std::optional<Name> cname;
    if (!ts_node_is_null(column) && !has_argument(column, src, "table"))
      cname = literal_name(string_argument(column, src, "name"), src);
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
  if (ts_node_is_null(in.root)) return;
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

bool relevant(std::string_view text) { return text.find("@Entity") != std::string_view::npos; }

}  // namespace

extern const DataLayer kJpa{"jpa", {"java"}, nullptr, relevant, extract};

}  // namespace schemagate::datalayers
