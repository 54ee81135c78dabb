// ent schemas (Go, entgo.io/ent) as requirements. An ent schema (`type User struct{ ent.Schema }`
// with a Fields() method, usually in ent/schema) is what `go generate` turns into the client,
// and the generated queries select every field's column: a field whose column no migration
// adds fails the first query of the entity. The generated client itself (marked "Code
// generated") is skipped; the schema is read instead.
//
// Columns: "id", and each `field.<Kind>("name", ...)` of Fields() (its StorageKey("col") when
// given); ent's own mixins add theirs (mixin.Time: create_time, update_time; CreateTime,
// UpdateTime), and a mixin of the project's (any package) the literal fields of its Fields(), and
// a generic mixin whose Fields() are its type argument's plus those of the argument's Mixin()
// list (`type M = entutils.RecursiveMixin[base]`, read from its Fields() method) those fields;
// anything Fields() builds in code is left out. An edge whose foreign key ent puts in the
// schema's own table is a column too, named by ent's rules (entc/gen/graph.go resolve): a unique
// inverse edge `edge.From("owner", User.Type).Ref("pets").Unique()` holds "user_pets" when
// User's Edges() lists "pets" plainly, and a same-type `edge.To("children", T.Type).From("parent")`
// "t_children"; other edges (M2M join tables, O2M keys in the other table) are left out. The table is `entsql.Annotation{Table: "t"}` of Annotations(), else ent's name:
// the type name pluralized and snake_cased (User -> users, UserGroup -> user_groups); a name
// whose plural English does not make plain (Person, Status, Category) is listed as unchecked.
// A project that migrates at start-up (client.Schema.Create) creates its tables itself: its
// schemas are listed as unchecked. Entities are the `struct{ ent.Schema }` types of a package
// named schema (what `ent generate ./ent/schema` reads), outside test folders; a mixin embeds
// ent.Schema as well but lives elsewhere or carries settings.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

/// ent's snake: "UserGroups" -> "user_groups", "HTTPLogs" -> "http_logs".
std::string snake(std::string_view s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto letter = [&](char c) { return upper(c) || lower(c); };
  std::string b;
  size_t j = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char r = s[i];
    if (i > 0 && i + 1 < s.size() && upper(r)) {
      if (lower(s[i - 1]) || (j != i - 1 && lower(s[i + 1]) && letter(s[i - 1]))) {
        j = i;
        b += '_';
      }
    }
    b += upper(r) ? static_cast<char>(r + 32) : r;
  }
  return b;
}

/// The plural ent's inflection rules give, when it is the plain "+s" or a consonant's "y" -> "ies": "" otherwise.
std::string plain_plural(std::string_view name) {
  size_t last = name.size();
  while (last > 0 && !std::isupper(static_cast<unsigned char>(name[last - 1]))) --last;
  std::string word(name.substr(last == 0 ? 0 : last - 1));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string_view> kIrregular = {"person", "man", "woman", "child", "move", "sex", "zombie",
                                                        "equipment", "information", "rice", "money", "species",
                                                        "series", "fish", "sheep", "jeans", "police", "news", "ox",
                                                        "mouse", "louse", "quiz", "matrix", "vertex", "index", "axis",
                                                        "testis", "crisis", "alias", "status", "octopus", "virus",
                                                        "cow", "datum", "medium", "analysis", "shoe", "tomato",
                                                        "potato", "bus", "wife", "knife", "life", "leaf", "half",
                                                        "wolf", "calf", "shelf", "hive"};
  if (word.empty() || kIrregular.count(word)) return "";
  char e = word.back();
  // inflect's "([^aeiouy]|qu)y$" -> "${1}ies": Entity -> Entities.
  if (e == 'y' && word.size() >= 2 &&
      (std::string_view("aeiouy").find(word[word.size() - 2]) == std::string_view::npos || word.ends_with("quy")))
    return std::string(name.substr(0, name.size() - 1)) + "ies";
  if (std::string_view("sxzhyfoaiu").find(e) != std::string_view::npos || word.ends_with("um") ||
      word.ends_with("ix") || word.ends_with("ex"))
    return "";
  return std::string(name) + "s";
}

/// Whether a path is a test's or a test helper's (testutils/, internal/tests/), whose
/// Schema.Create builds a throwaway test database.
bool test_path(std::string_view path) {
  if (path.ends_with("_test.go")) return true;
  size_t begin = 0;
  while (begin < path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) break;  // the file name itself
    std::string_view dir = path.substr(begin, end - begin);
    if (dir.starts_with("test") || dir == "e2e" || dir.ends_with("test") || dir.ends_with("tests")) return true;
    begin = end + 1;
  }
  return false;
}

struct Column {
  std::string name, how;
  requirements::Span span;
  bool foreign_key = false;  ///< an edge's: the client reads and writes it through the edge
};

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text), decl_(go::declarations(in.root, in.text)) {}

  void run(FileOutput* out) {
    if (!schema_package() || test_path(in_.path)) return;  // a test's own schemas
    bool auto_migrates = in_.facts && in_.facts->count("ent:auto-migrates");
    for (size_t i = 0; i < decl_.structs.size(); ++i) {
      auto& [name, type] = decl_.structs[i];
      if (!embeds_schema(type)) continue;
      uint32_t at = decl_.struct_at[i];
      TSNode fields_list = returned_list(name, "Fields");
      if (ts_node_is_null(fields_list)) continue;  // a schema without fields of its own: nothing to say
      if (auto_migrates) {
        const auto& where = in_.facts->at("ent:auto-migrates");
        out->unchecked.push_back({at, "ent schema",
                                  "the project migrates at start-up (Schema.Create in " + where.front() +
                                      "): the schema is not the migrations' alone"});
        continue;
      }
      requirements::Span table_span{at, at + static_cast<uint32_t>(name.size())};
      std::string table;
      bool annotated = annotation_table(name, &table, &table_span);
      if (annotations_name_more(name, annotated)) {
        out->unchecked.push_back({at, "ent schema",
                                  "its Annotations() name the table or its schema in a way not read here (only "
                                  "entsql.Annotation{Table: \"...\"} is)"});
        continue;
      }
      if (!annotated) {
        std::string plural = plain_plural(name);
        if (plural.empty()) {
          out->unchecked.push_back({at, "ent schema",
                                    "no entsql.Annotation{Table: ...}: ent names the table by its inflection rules, "
                                    "which make no plain plural of " + name});
          continue;
        }
        table = snake(plural);
      }
      std::vector<Column> cols;
      std::set<std::string> seen;
      bool id_defined = false;
      read_fields(fields_list, &cols, &seen, &id_defined);
      // An edge schema keyed by its edge fields (`field.ID("user_id", "group_id")` in its
      // Annotations()) has no id column.
      if (TSNode ann = returned_list(name, "Annotations");
          !ts_node_is_null(ann) && languages::node_text(ann, src_).find("field.ID(") != std::string_view::npos)
        id_defined = true;
      if (!id_defined && seen.insert("id").second)
        cols.insert(cols.begin(), Column{"id", "the ID ent gives every entity", table_span});
      read_mixins(name, &cols, &seen);
      read_edge_columns(name, &cols, &seen);
      emit(name, table, annotated, table_span, cols, out);
    }
  }

  void index_mixins(std::vector<std::pair<std::string, std::string>>* out) const {
    std::string dir = go::folder(in_.path);
    auto key_of = [&](const std::string& name) { return "ent:model:" + (dir.empty() ? name : dir + "/" + name); };
    for (auto& [name, type] : decl_.structs) {
      TSNode fields_list = returned_list(name, "Fields");
      std::string key = key_of(name);
      // A struct that only embeds a generic mixin (`struct{ entutils.RecursiveMixin[base] }`).
      std::vector<go::Field> fs = go::fields(type, src_);
      if (ts_node_is_null(method(name, "Fields")) && fs.size() == 1 && fs[0].names.empty())
        generic_use(key, fs[0].type_text, out);
      // The mixins it lists: what a generic mixin over it adds (ent itself never reads them).
      for (TSNode e : elements(returned_list(name, "Mixin")))
        if (node_is(e, "composite_literal")) out->push_back({key, "mixin=" + reference(node_text(field(e, "type"), src_))});
      if (ts_node_is_null(fields_list)) continue;
      std::vector<Column> cols;
      std::set<std::string> seen;
      bool id = false;
      read_fields(fields_list, &cols, &seen, &id);
      for (const Column& c : cols) out->push_back({key, "col=" + c.name});
    }
    // The assoc edges each schema lists plainly (no StorageKey): an inverse edge of another
    // schema names its foreign key after them.
    if (schema_package())
      for (size_t i = 0; i < decl_.structs.size(); ++i) {
        const std::string& name = decl_.structs[i].first;
        if (!embeds_schema(decl_.structs[i].second)) continue;
        for (const EdgeDecl& d : read_edges(name))
          if (!d.inverse && !d.storage_key && !d.through) out->push_back({"ent:edges:" + (dir.empty() ? name : dir + "/" + name), d.name});
      }
    // type X = entutils.RecursiveMixin[base]
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode d = ts_node_named_child(in_.root, i);
      if (!node_is(d, "type_declaration")) continue;
      for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
        TSNode a = ts_node_named_child(d, j);
        if (node_is(a, "type_alias"))
          generic_use(key_of(std::string(node_text(field(a, "name"), src_))), node_text(field(a, "type"), src_), out);
      }
    }
    // A generic mixin whose Fields() are its type argument's and those of the argument's own
    // mixins: `var base T; return slices.Concat(base.Fields(), ...base.Mixin()... item.Fields())`.
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode m = ts_node_named_child(in_.root, i);
      if (!node_is(m, "method_declaration") || node_text(field(m, "name"), src_) != "Fields") continue;
      std::string_view recv = node_text(field(m, "receiver"), src_);
      size_t open = recv.find('[');
      if (open == std::string_view::npos) continue;
      std::string_view head = recv.substr(0, open);
      size_t start = head.find_last_of(" (*");
      std::string generic(head.substr(start == std::string_view::npos ? 0 : start + 1));
      std::string_view param = recv.substr(open + 1, recv.find(']') - open - 1);
      std::string_view body = node_text(field(m, "body"), src_);
      if (body.find("var base " + std::string(param) + "\n") != std::string_view::npos &&
          body.find("base.Fields()") != std::string_view::npos && body.find("base.Mixin()") != std::string_view::npos &&
          body.find("item.Fields()") != std::string_view::npos && body.find('"') == std::string_view::npos &&
          body.find("if ") == std::string_view::npos && body.find("Filter") == std::string_view::npos)
        out->push_back({"ent:recursive-mixin", "\t" + (dir.empty() ? generic : dir + "/" + generic)});
    }
  }

  /// The expansion of a mixin type, from the facts of every file: a mixin's literal fields,
  /// and for a generic mixin over a base (recorded above) the base's fields and those of the
  /// mixins the base lists. Empty when unknown.
  std::vector<std::string> mixin_columns(const std::vector<std::string>& facts, int depth) const {
    std::vector<std::string> names;
    if (depth > 4) return names;
    std::string generic, base;
    for (const std::string& v : facts) {
      if (v.starts_with("col=")) names.push_back(v.substr(4));
      if (v.starts_with("generic=")) generic = v.substr(8);
      if (v.starts_with("base=")) base = v.substr(5);
    }
    if (generic.empty() || base.empty() || !recursive(generic)) return names;
    const std::vector<std::string>* b = resolve(base);
    if (!b) return names;
    for (std::string& n : mixin_columns(*b, depth + 1)) names.push_back(std::move(n));
    for (const std::string& v : *b)
      if (v.starts_with("mixin="))
        if (const std::vector<std::string>* m = resolve(v.substr(6)))
          for (std::string& n : mixin_columns(*m, depth + 1)) names.push_back(std::move(n));
    return names;
  }

 private:
  /// An entity schema is `struct { ent.Schema }` alone: a mixin embeds ent.Schema too, but
  /// carries settings (FieldPrefix) or lives outside the schema package.
  bool embeds_schema(TSNode type) const {
    std::vector<go::Field> fs = go::fields(type, src_);
    return fs.size() == 1 && fs[0].names.empty() && fs[0].type_text == "ent.Schema";
  }

  /// `package schema`: the package `ent generate` reads.
  bool schema_package() const {
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode c = ts_node_named_child(in_.root, i);
      if (node_is(c, "package_clause")) return node_text(languages::first_named_child(c), src_) == "schema";
    }
    return false;
  }

  /// `func (T) <method>() []X { return []X{...} }`: the literal's body, or a null node.
  /// `func (T) <name>(...)` of this file, or a null node.
  TSNode method(const std::string& type, std::string_view name) const {
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode m = ts_node_named_child(in_.root, i);
      if (!node_is(m, "method_declaration") || node_text(field(m, "name"), src_) != name) continue;
      std::string_view recv = node_text(field(m, "receiver"), src_);
      std::string r;
      for (size_t k = recv.size(); k-- > 0;) {
        char c = recv[k];
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') r.insert(r.begin(), c);
        else if (!r.empty()) break;
      }
      if (r == type) return m;
    }
    return TSNode{};
  }

  /// The list literal `func (T) <name>()` returns, when its body is that return alone; with
  /// `closures`, local functions declared before it (`owned := func(...) ent.Edge {...}`) are
  /// allowed too: they cannot change the literal's direct elements.
  TSNode returned_list(const std::string& type, std::string_view name, bool closures = false) const {
    TSNode m = method(type, name);
    if (ts_node_is_null(m)) return TSNode{};
    TSNode body = field(m, "body");
    if (ts_node_is_null(body)) return TSNode{};
    TSNode ret{};
    std::vector<TSNode> statements = go::body_statements(body);
    for (TSNode s : statements)
      if (node_is(s, "return_statement")) {
        if (!ts_node_is_null(ret)) return TSNode{};
        ret = s;
      } else if (!node_is(s, "comment") && !(closures && local_function(s))) {
        return TSNode{};  // the list is built in code
      }
    if (ts_node_is_null(ret)) return TSNode{};  // no return at all (a body cut short)
    TSNode v = languages::first_named_child(ret);
    if (node_is(v, "expression_list") && ts_node_named_child_count(v) == 1) v = ts_node_named_child(v, 0);
    if (!node_is(v, "composite_literal")) return TSNode{};
    return field(v, "body");
  }

  /// `name := func(...) ... {...}`.
  static bool local_function(TSNode s) {
    if (!node_is(s, "short_var_declaration")) return false;
    TSNode right = field(s, "right");
    if (node_is(right, "expression_list") && ts_node_named_child_count(right) == 1) right = ts_node_named_child(right, 0);
    return node_is(right, "func_literal");
  }

  /// One `edge.To(...)` / `edge.From(...)` chain of Edges(), as ent's builder records it.
  struct EdgeDecl {
    std::string name, type;  ///< the edge's name and its target schema's (`Group.Type` -> Group)
    uint32_t at = 0;         ///< the name literal
    bool inverse = false, unique = false, field = false, through = false, storage_key = false;
    std::string ref;                  ///< From(...).Ref("x")
    std::string column;               ///< StorageKey(edge.Column("c"))
    std::string inverse_name;         ///< To(...).From("parent"): the inverse built on the same type
    uint32_t inverse_at = 0;
    bool inverse_unique = false, inverse_field = false, inverse_storage_key = false;
  };

  /// The edges Edges() lists as direct `edge.` chains; false when a chain is not read whole.
  std::vector<EdgeDecl> read_edges(const std::string& type) const {
    std::vector<EdgeDecl> out;
    std::map<std::string_view, TSNode> locals = local_edge_builders(type);
    for (TSNode e : elements(returned_list(type, "Edges", /*closures=*/true))) {
      TSNode receiver;
      std::vector<go::Link> links = go::chain(e, src_, &receiver);
      // `owned("fields", Field.Type)`: a local builder's chain with the call's arguments.
      if (links.empty() && node_is(e, "call_expression") && node_is(field(e, "function"), "identifier") &&
          locals.count(node_text(field(e, "function"), src_))) {
        std::vector<TSNode> args = go::arguments(e);
        links = go::chain(locals.at(node_text(field(e, "function"), src_)), src_, &receiver);
        if (links.empty() || links[0].args.size() != 2 || args.size() != 2) continue;
        links[0].args = args;
      }
      if (links.empty() || node_text(receiver, src_) != "edge" || links[0].args.size() != 2) continue;
      if (links[0].name != "To" && links[0].name != "From") continue;
      EdgeDecl d;
      d.inverse = links[0].name == "From";
      std::string_view name;
      if (!go::literal(links[0].args[0], src_, &name, &d.at)) continue;
      d.name = std::string(name);
      std::string_view t = node_text(links[0].args[1], src_);
      if (!t.ends_with(".Type") || t.find('.') != t.size() - 5) continue;  // a schema of this package
      d.type = std::string(t.substr(0, t.size() - 5));
      bool ok = true, after_from = false;
      for (size_t i = 1; i < links.size() && ok; ++i) {
        std::string_view l = links[i].name;
        bool& unique = after_from ? d.inverse_unique : d.unique;
        bool& fld = after_from ? d.inverse_field : d.field;
        bool& key = after_from ? d.inverse_storage_key : d.storage_key;
        if (l == "Unique") unique = true;
        else if (l == "Field") fld = true;
        else if (l == "Through") d.through = true;
        else if (l == "StorageKey") {
          key = true;
          // StorageKey(edge.Column("c")): the foreign-key column's name.
          TSNode r;
          std::vector<go::Link> k = links[i].args.size() == 1 ? go::chain(links[i].args[0], src_, &r) : std::vector<go::Link>{};
          std::string_view c;
          uint32_t c_at;
          if (!after_from && k.size() == 1 && node_text(r, src_) == "edge" && k[0].name == "Column" &&
              k[0].args.size() == 1 && go::literal(k[0].args[0], src_, &c, &c_at) && go::plain_name(c))
            d.column = std::string(c);
        } else if (l == "Ref") {
          std::string_view r;
          uint32_t r_at;
          ok = !after_from && d.inverse && links[i].args.size() == 1 && go::literal(links[i].args[0], src_, &r, &r_at);
          if (ok) d.ref = std::string(r);
        } else if (l == "From") {
          std::string_view f;
          ok = !after_from && !d.inverse && links[i].args.size() == 1 &&
               go::literal(links[i].args[0], src_, &f, &d.inverse_at);
          if (ok) d.inverse_name = std::string(f);
          after_from = true;
        } else if (l != "Required" && l != "Immutable" && l != "Annotations" && l != "Comment" && l != "StructTag" &&
                   l != "Unique" && l != "Descriptor") {
          ok = false;  // an option not read here
        }
      }
      if (ok) out.push_back(std::move(d));
    }
    return out;
  }

  /// The local functions Edges() declares that build an edge from their two parameters:
  /// `owned := func(name string, t any) ent.Edge { return edge.To(name, t).Annotations(...) }`,
  /// by name, to the chain they return.
  std::map<std::string_view, TSNode> local_edge_builders(const std::string& type) const {
    std::map<std::string_view, TSNode> out;
    TSNode m = method(type, "Edges");
    TSNode body = ts_node_is_null(m) ? TSNode{} : field(m, "body");
    if (ts_node_is_null(body)) return out;
    std::vector<TSNode> statements = go::body_statements(body);
    for (TSNode s : statements) {
      if (!local_function(s)) continue;
      TSNode left = field(s, "left"), right = field(s, "right");
      if (node_is(left, "expression_list")) left = ts_node_named_child(left, 0);
      if (node_is(right, "expression_list")) right = ts_node_named_child(right, 0);
      // Its parameters, in order, and a body that is one return.
      std::vector<std::string_view> params;
      TSNode ps = field(right, "parameters");
      for (uint32_t i = 0; i < ts_node_named_child_count(ps); ++i) {
        TSNode p = ts_node_named_child(ps, i);
        for (uint32_t j = 0; j < ts_node_named_child_count(p); ++j)
          if (node_is(ts_node_named_child(p, j), "identifier")) params.push_back(node_text(ts_node_named_child(p, j), src_));
      }
      TSNode fb = field(right, "body");
      TSNode only = ts_node_named_child_count(fb) == 1 ? ts_node_named_child(fb, 0) : TSNode{};
      if (!ts_node_is_null(only) && node_is(only, "statement_list"))
        only = ts_node_named_child_count(only) == 1 ? ts_node_named_child(only, 0) : TSNode{};
      if (params.size() != 2 || ts_node_is_null(only) || !node_is(only, "return_statement")) continue;
      TSNode v = languages::first_named_child(only);
      if (node_is(v, "expression_list") && ts_node_named_child_count(v) == 1) v = ts_node_named_child(v, 0);
      TSNode receiver;
      std::vector<go::Link> links = go::chain(v, src_, &receiver);
      if (links.empty() || node_text(receiver, src_) != "edge" || links[0].name != "To" || links[0].args.size() != 2 ||
          node_text(links[0].args[0], src_) != params[0] || node_text(links[0].args[1], src_) != params[1])
        continue;
      out[node_text(left, src_)] = v;
    }
    return out;
  }

  /// The foreign-key columns ent's resolve (entc/gen/graph.go) puts in this schema's own table
  /// for its edges, when certain: an inverse `edge.From("owner", User.Type).Ref("pets").Unique()`
  /// (O2O or M2O: the column "<User's label>_<snake(pets)>") whose assoc edge the other schema
  /// lists plainly, and a same-type `edge.To("children", T.Type).From("parent")` with one side
  /// unique ("<T's label>_children"). An edge bound to a field (`Field("owner_id")`) is that
  /// field's column, already read; any other StorageKey than edge.Column, an M2M edge (its join
  /// table), and an assoc edge whose column lives in the other table or depends on whether an
  /// inverse exists are left out.
  void read_edge_columns(const std::string& type, std::vector<Column>* cols, std::set<std::string>* seen) const {
    for (const EdgeDecl& d : read_edges(type)) {
      std::string col;
      uint32_t at = d.at;
      std::string how;
      if (d.inverse && d.unique && !d.field && !d.through && !d.ref.empty()) {
        const std::vector<std::string>* assoc = in_.facts ? fact_of("ent:edges:", d.type) : nullptr;
        if (!assoc) continue;
        bool plain = std::find(assoc->begin(), assoc->end(), d.ref) != assoc->end();
        if (!plain) continue;  // its assoc edge is not listed plainly (a StorageKey, built in code, a mixin's)
        if (d.storage_key && d.column.empty()) continue;
        col = d.column.empty() ? snake(d.type) + "_" + snake(d.ref) : d.column;
        how = "edge.From(\"" + d.name + "\", " + d.type + ".Type).Ref(\"" + d.ref + "\").Unique()";
      } else if (!d.inverse && !d.inverse_name.empty() && d.type == type && (d.unique || d.inverse_unique) &&
                 !d.field && !d.inverse_field && !d.through && !d.inverse_storage_key) {
        if (d.storage_key && d.column.empty()) continue;
        col = d.column.empty() ? snake(type) + "_" + snake(d.name) : d.column;
        how = "edge.To(\"" + d.name + "\", " + type + ".Type).From(\"" + d.inverse_name + "\")";
      } else {
        continue;
      }
      if (!go::plain_name(col) || !seen->insert(col).second) continue;
      cols->push_back({col, how, {at, at + static_cast<uint32_t>(d.name.size())}, /*foreign_key=*/true});
    }
  }

  /// The facts under `prefix` of a schema type of this folder.
  const std::vector<std::string>* fact_of(const std::string& prefix, const std::string& type) const {
    std::string dir = go::folder(in_.path);
    auto it = in_.facts->find(prefix + (dir.empty() ? type : dir + "/" + type));
    return it == in_.facts->end() ? nullptr : &it->second;
  }

  /// The elements of a literal body, unwrapped.
  static std::vector<TSNode> elements(TSNode body) {
    std::vector<TSNode> out;
    if (ts_node_is_null(body)) return out;
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode e = ts_node_named_child(body, i);
      if (node_is(e, "comment")) continue;
      if (node_is(e, "literal_element")) e = languages::first_named_child(e);
      out.push_back(e);
    }
    return out;
  }

  void read_fields(TSNode body, std::vector<Column>* cols, std::set<std::string>* seen, bool* id_defined) const {
    for (TSNode e : elements(body)) {
      TSNode receiver;
      std::vector<go::Link> links = go::chain(e, src_, &receiver);
      if (links.empty() || node_text(receiver, src_) != "field" || links[0].args.empty()) continue;
      std::string_view name, key;
      uint32_t at = 0, key_at = 0;
      if (!go::literal(links[0].args[0], src_, &name, &at)) continue;
      bool keyed = false, computed_key = false;
      for (size_t i = 1; i < links.size(); ++i)
        if (links[i].name == "StorageKey") {
          keyed = links[i].args.size() == 1 && go::literal(links[i].args[0], src_, &key, &key_at);
          computed_key = !keyed;
        }
      if (computed_key) continue;  // StorageKey(prefix + "x"): the column is named at run time
      if (name == "id") *id_defined = true;
      std::string col(keyed ? key : name);
      if (!go::plain_name(col)) continue;
      requirements::Span span = keyed ? requirements::Span{key_at, key_at + static_cast<uint32_t>(key.size())}
                                      : requirements::Span{at, at + static_cast<uint32_t>(name.size())};
      if (seen->insert(col).second)
        cols->push_back({col, "field." + std::string(links[0].name) + "(\"" + std::string(name) + "\")", span});
    }
  }

  void read_mixins(const std::string& type, std::vector<Column>* cols, std::set<std::string>* seen) const {
    TSNode body = returned_list(type, "Mixin");
    for (TSNode e : elements(body)) {
      if (!node_is(e, "composite_literal")) continue;
      std::string_view t = node_text(field(e, "type"), src_);
      requirements::Span span{ts_node_start_byte(e), ts_node_end_byte(e)};
      std::vector<std::string> names;
      if (t == "mixin.Time") names = {"create_time", "update_time"};
      else if (t == "mixin.CreateTime") names = {"create_time"};
      else if (t == "mixin.UpdateTime") names = {"update_time"};
      else if (auto facts = go::model_fact(in_.facts, "ent", go::folder(in_.path), decl_.imports, std::string(t)))
        names = mixin_columns(*facts, 0);
      for (const std::string& n : names)
        if (seen->insert(n).second) cols->push_back({n, std::string(t) + "{}", span});
    }
  }

  /// A type as the facts can find it from any file: "<import path or folder>\t<Name>".
  std::string reference(std::string_view type) const {
    size_t dot = type.find('.');
    std::string dir = go::folder(in_.path);
    if (dot == std::string_view::npos) return dir + "\t" + std::string(type);
    std::string_view pkg = type.substr(0, dot);
    for (auto& [alias, path] : decl_.imports)
      if (alias == pkg) return path + "\t" + std::string(type.substr(dot + 1));
    return "";
  }

  /// `Q.G[T]` used as a mixin type: the generic's reference and its argument's.
  void generic_use(const std::string& key, std::string_view type, std::vector<std::pair<std::string, std::string>>* out) const {
    size_t open = type.find('[');
    if (open == std::string_view::npos || !type.ends_with("]")) return;
    std::string_view arg = type.substr(open + 1, type.size() - open - 2);
    if (arg.find_first_of(",[ ") != std::string_view::npos) return;
    std::string g = reference(type.substr(0, open)), b = reference(arg);
    if (g.empty() || b.empty()) return;
    out->push_back({key, "generic=" + g});
    out->push_back({key, "base=" + b});
  }

  /// The facts of a reference: the longest tail of its path that is a folder of the project.
  const std::vector<std::string>* resolve(const std::string& ref) const {
    size_t tab = ref.find('\t');
    if (tab == std::string::npos || !in_.facts) return nullptr;
    std::string path = ref.substr(0, tab), name = ref.substr(tab + 1);
    if (path.empty()) {
      auto it = in_.facts->find("ent:model:" + name);
      return it == in_.facts->end() ? nullptr : &it->second;
    }
    for (size_t at = 0; at != std::string::npos && at < path.size(); at = path.find('/', at)) {
      if (path[at] == '/') ++at;
      auto it = in_.facts->find("ent:model:" + path.substr(at) + "/" + name);
      if (it != in_.facts->end()) return &it->second;
    }
    return nullptr;
  }

  /// Whether the generic mixin `ref` is one whose Fields() are its argument's and its mixins'.
  bool recursive(const std::string& ref) const {
    auto it = in_.facts ? in_.facts->find("ent:recursive-mixin") : ProjectFacts::const_iterator{};
    if (!in_.facts || it == in_.facts->end()) return false;
    size_t tab = ref.find('\t');
    std::string path = ref.substr(0, tab), name = ref.substr(tab + 1);
    for (const std::string& v : it->second) {  // "\t<folder>/<Name>"
      std::string folder_name = v.substr(1);
      if (!folder_name.ends_with("/" + name) && folder_name != name) continue;
      std::string folder = folder_name.size() > name.size() ? folder_name.substr(0, folder_name.size() - name.size() - 1) : "";
      if (path == folder || path.ends_with("/" + folder)) return true;
    }
    return false;
  }

  /// Whether the Annotations() method may name the table or a schema other than the one read
  /// (entsql.Table("t"), entsql.Schema("billing"), a Table: that is not a literal).
  bool annotations_name_more(const std::string& type, bool table_read) const {
    TSNode m = method(type, "Annotations");
    if (ts_node_is_null(m)) return false;
    std::string_view body = node_text(field(m, "body"), src_);
    return body.find("Schema") != std::string_view::npos ||
           (!table_read && body.find("Table") != std::string_view::npos);
  }

  /// entsql.Annotation{Table: "t"} among Annotations().
  bool annotation_table(const std::string& type, std::string* table, requirements::Span* span) const {
    TSNode body = returned_list(type, "Annotations");
    for (TSNode e : elements(body)) {
      if (node_is(e, "unary_expression")) e = field(e, "operand");
      if (!node_is(e, "composite_literal") || node_text(field(e, "type"), src_) != "entsql.Annotation") continue;
      TSNode b = field(e, "body");
      if (ts_node_is_null(b)) continue;
      for (uint32_t i = 0; i < ts_node_named_child_count(b); ++i) {
        TSNode kv = ts_node_named_child(b, i);
        if (!node_is(kv, "keyed_element")) continue;
        TSNode k = languages::first_named_child(kv);
        TSNode v = ts_node_named_child(kv, ts_node_named_child_count(kv) - 1);
        if (node_is(k, "literal_element")) k = languages::first_named_child(k);
        if (node_is(v, "literal_element")) v = languages::first_named_child(v);
        if (node_text(k, src_) != "Table") continue;
        std::string_view t;
        uint32_t at;
        if (!go::literal(v, src_, &t, &at) || !go::plain_name(t)) return false;
        *table = std::string(t);
        *span = {at, at + static_cast<uint32_t>(t.size())};
        return true;
      }
    }
    return false;
  }

  void emit(const std::string& name, const std::string& table, bool annotated, requirements::Span table_span,
            const std::vector<Column>& cols, FileOutput* out) const {
    go::UnitWriter w(in_, out, "ent schema " + name + " table " + table);
    w.relation(table, table_span,
               "ent schema " + name + " is stored in table " + table +
                   (annotated ? " (its entsql.Annotation)" : " (ent's name for it: plural, snake_case)"));
    for (const Column& c : cols)
      w.column(table, c.name, c.span, requirements::Use::Read,
               "ent schema " + name + " " + c.how + (c.foreign_key ? " keeps its foreign key in column " : " maps to column ") +
                   table + "." + c.name +
                   (c.foreign_key ? "; the generated client writes it when the edge is set and reads it when the edge is loaded or queried"
                                  : "; the generated client selects every field"));
  }

  const FileInput& in_;
  std::string_view src_;
  go::Declarations decl_;
};

bool relevant(std::string_view text) {
  return text.find("entgo.io/ent") != std::string_view::npos && text.find("ent.Schema") != std::string_view::npos;
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

/// A project that calls client.Schema.Create outside its tests migrates at start-up. Every
/// struct with a Fields() method (a mixin of the project's, `detailedline.Mixin{}`) is recorded
/// with its literal fields' columns, for the schemas that list it in Mixin().
void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (test_path(in.path)) return;
  if (in.text.find(".Schema.Create(") != std::string_view::npos) out->push_back({"ent:auto-migrates", std::string(in.path)});
  if (in.text.find("entgo.io/ent") == std::string_view::npos || ts_node_is_null(in.root)) return;
  Reader(in).index_mixins(out);
}

bool index_reads(std::string_view path, std::string_view text) {
  return path.ends_with(".go") &&
         (text.find(".Schema.Create(") != std::string_view::npos || text.find("entgo.io/ent") != std::string_view::npos);
}

}  // namespace

extern const DataLayer kEnt{.name = "ent",
                            .languages = {"go"},
                            .relevant = relevant,
                            .extract = extract,
                            .index = index,
                            .index_reads = index_reads,
                            .relevant_words = {"entgo.io/ent"},
                            .index_words = {".Schema.Create(", "entgo.io/ent"}};

}  // namespace schemagate::datalayers
