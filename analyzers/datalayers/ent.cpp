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
// edges (their foreign keys) and anything Fields() builds in code are left out. The table is `entsql.Annotation{Table: "t"}` of Annotations(), else ent's name:
// the type name pluralized and snake_cased (User -> users, UserGroup -> user_groups); a name
// whose plural English does not make plain (Person, Status, Category) is listed as unchecked.
// A project that migrates at start-up (client.Schema.Create) creates its tables itself: its
// schemas are listed as unchecked. Entities are the `struct{ ent.Schema }` types of a package
// named schema (what `ent generate ./ent/schema` reads), outside test folders; a mixin embeds
// ent.Schema as well but lives elsewhere or carries settings.
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

  TSNode returned_list(const std::string& type, std::string_view name) const {
    TSNode m = method(type, name);
    if (ts_node_is_null(m)) return TSNode{};
    TSNode body = field(m, "body");
    if (ts_node_is_null(body)) return TSNode{};
    TSNode ret{};
    std::vector<TSNode> statements;
    for (uint32_t k = 0; k < ts_node_named_child_count(body); ++k) {
      TSNode s = ts_node_named_child(body, k);
      if (node_is(s, "statement_list"))
        for (uint32_t q = 0; q < ts_node_named_child_count(s); ++q) statements.push_back(ts_node_named_child(s, q));
      else
        statements.push_back(s);
    }
    for (TSNode s : statements)
      if (node_is(s, "return_statement")) {
        if (!ts_node_is_null(ret)) return TSNode{};
        ret = s;
      } else if (!node_is(s, "comment")) {
        return TSNode{};  // the list is built in code
      }
    TSNode v = languages::first_named_child(ret);
    if (node_is(v, "expression_list") && ts_node_named_child_count(v) == 1) v = ts_node_named_child(v, 0);
    if (!node_is(v, "composite_literal")) return TSNode{};
    return field(v, "body");
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
               "ent schema " + name + " " + c.how + " maps to column " + table + "." + c.name +
                   "; the generated client selects every field");
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

extern const DataLayer kEnt{"ent", {"go"}, nullptr, relevant, extract, index, index_reads};

}  // namespace schemagate::datalayers
