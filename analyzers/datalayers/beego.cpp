// beego's ORM (Go, github.com/beego/beego/v2/client/orm and the older astaxie/beego/orm) models as
// requirements. A struct handed to orm.RegisterModel is a model: beego reads and writes every
// field it maps (`o.Read(&m)` selects them all, `o.Insert(&m)` inserts them), so a field whose
// column no migration adds fails the model's first query, without a line of SQL in the code.
//
// What a model maps follows beego's rules:
// - its table: the TableName() method's literal, else the struct's name snake-cased as beego's
//   snakeString does (every upper case letter after the first starts a word: XxYY -> xx_y_y),
//   with RegisterModelWithPrefix's / WithSuffix's literal around it;
// - each exported field's column: the tag's `column(x)`, else the field's name snake-cased the
//   same way; a `rel(fk)` / `rel(one)` field's column is that name plus `_id`; `rel(m2m)`,
//   `reverse(...)` and `-` fields map no column of the table; an embedded struct of the same
//   file contributes its fields.
// Left out: a field whose type is not one column for certain, names beego would quote, a model
// whose TableName() is not a literal, derived names when the project changes beego's naming
// (`orm.NameStrategy`, `SetNameStrategy`), and every model when the project calls
// orm.RunSyncdb (then the models create their own tables at start-up).
//
// Registration is often in another file of the package (`func init() { orm.RegisterModel(
// new(Role), new(User)) }` in base.go): the index records each registered type under
// "beego:register:<dir>/<Type>" (value: prefix and suffix), read by the file declaring it.
#include <cctype>
#include <optional>
#include <set>
#include <string>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

/// beego's snakeString: an underscore before every upper case letter once a letter other than
/// `_` has been seen, then lower case ("CACertificate" -> "c_a_certificate").
std::string snake(std::string_view s) {
  std::string out;
  bool seen = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i > 0 && c >= 'A' && c <= 'Z' && seen) out.push_back('_');
    if (c != '_') seen = true;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

/// One `orm:"..."` tag, its items split on ';'.
struct OrmTag {
  std::string column;      ///< column(x)
  uint32_t column_at = 0;  ///< offset of x
  bool ignored = false;    ///< "-"
  bool fk = false;         ///< rel(fk), rel(one)
  bool no_column = false;  ///< rel(m2m), reverse(...)
};

OrmTag orm_tag(TSNode tag, std::string_view src) {
  OrmTag t;
  auto v = go::tag_value(tag, "orm", src);
  if (!v) return t;
  std::string_view s = v->value;
  size_t at = 0;
  while (at <= s.size()) {
    size_t end = s.find(';', at);
    if (end == std::string_view::npos) end = s.size();
    std::string_view item = s.substr(at, end - at);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1), ++at;
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == "-") t.ignored = true;
    if (item == "rel(fk)" || item == "rel(one)") t.fk = true;
    if (item == "rel(m2m)" || item.starts_with("reverse(")) t.no_column = true;
    if (item.starts_with("column(") && item.ends_with(")")) {
      t.column = std::string(item.substr(7, item.size() - 8));
      t.column_at = v->at + static_cast<uint32_t>(at + 7);
    }
    at = end + 1;
  }
  return t;
}

/// The beego orm package's name in this file ("orm"), or "" when the file does not import it.
std::string orm_alias(const std::vector<std::pair<std::string, std::string>>& imports) {
  for (auto& [name, path] : imports)
    if (path == "github.com/beego/beego/v2/client/orm" || path == "github.com/astaxie/beego/orm") return name;
  return "";
}

bool has_fact(const ProjectFacts* facts, const std::string& key) { return facts && facts->count(key) > 0; }

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text), dir_(go::folder(in.path)) {
    if (!ts_node_is_null(in.root)) decl_ = go::declarations(in.root, in.text);
  }

  /// Facts: each registered type ("beego:register:<dir>/<T>" = "<prefix>|<suffix>"), each
  /// TableName method ("beego:table:<dir>/<T>" = its literal, or "beego:table?:<dir>/<T>" when
  /// it returns something else), a run-time schema
  /// (beego:syncdb) and a changed naming (beego:naming).
  void index(std::vector<std::pair<std::string, std::string>>* out) {
    if (in_.path.ends_with("_test.go")) return;
    std::string alias = orm_alias(decl_.imports);
    if (!alias.empty()) {
      if (src_.find(alias + ".RunSyncdb(") != std::string_view::npos) out->push_back({"beego:syncdb", ""});
      if (src_.find(alias + ".NameStrategy") != std::string_view::npos ||
          src_.find(alias + ".SetNameStrategy(") != std::string_view::npos)
        out->push_back({"beego:naming", ""});
      std::vector<TSNode> stack{in_.root};
      while (!stack.empty()) {
        TSNode n = stack.back();
        stack.pop_back();
        if (node_is(n, "call_expression")) registration(n, alias, out);
        for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
      }
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode m = ts_node_named_child(in_.root, i);
      if (!node_is(m, "method_declaration") || node_text(field(m, "name"), src_) != "TableName") continue;
      if (auto t = go::table_name_method(m, src_)) out->push_back({"beego:table:" + key(t->type), t->table});
      else out->push_back({"beego:table?:" + key(go::receiver_type_name(m, src_)), ""});
    }
  }

  void run(FileOutput* out) {
    if (in_.path.ends_with("_test.go")) return;
    bool syncdb = has_fact(in_.facts, "beego:syncdb");
    naming_ = !has_fact(in_.facts, "beego:naming");
    for (size_t i = 0; i < decl_.structs.size(); ++i) {
      const std::string& name = decl_.structs[i].first;
      auto reg = in_.facts ? in_.facts->find("beego:register:" + key(name)) : ProjectFacts::const_iterator{};
      if (!in_.facts || reg == in_.facts->end() || reg->second.size() != 1) continue;  // unregistered, or twice
      if (syncdb) {
        out->unchecked.push_back({decl_.struct_at[i], "beego orm model",
                                  "orm.RunSyncdb creates the registered models' tables and columns when the program starts"});
        continue;
      }
      if (has_fact(in_.facts, "beego:table?:" + key(name))) continue;
      std::string affixes = reg->second.front();
      size_t bar = affixes.find('|');
      std::string prefix = affixes.substr(0, bar), suffix = affixes.substr(bar + 1);
      std::string table;
      requirements::Span table_span{decl_.struct_at[i], static_cast<uint32_t>(decl_.struct_at[i] + name.size())};
      for (auto& t : decl_.table_names)
        if (t.type == name) table = t.table, table_span = t.span;
      if (auto it = in_.facts->find("beego:table:" + key(name)); table.empty() && it != in_.facts->end()) {
        if (it->second.size() != 1) continue;
        table = it->second.front();  // a TableName method in another file of the package
      }
      if (table.empty()) {
        if (!naming_) continue;
        table = snake(name);
      }
      table = prefix + table + suffix;
      if (!go::plain_name(table)) continue;
      emit(name, table, table_span, decl_.structs[i].second, out);
    }
  }

 private:
  std::string key(const std::string& type) const { return dir_.empty() ? type : dir_ + "/" + type; }

  /// orm.RegisterModel(new(T), &T{}), RegisterModelWithPrefix("p_", ...), WithSuffix("_s", ...).
  void registration(TSNode call, const std::string& alias, std::vector<std::pair<std::string, std::string>>* out) {
    std::string_view fn = node_text(field(call, "function"), src_);
    std::string p = alias + ".";
    if (!fn.starts_with(p)) return;
    fn.remove_prefix(p.size());
    std::vector<TSNode> args = go::arguments(call);
    size_t first = 0;
    std::string prefix, suffix;
    if (fn == "RegisterModelWithPrefix" || fn == "RegisterModelWithSuffix") {
      std::string_view lit;
      uint32_t at;
      if (args.empty() || !go::literal(args[0], src_, &lit, &at)) return;
      (fn == "RegisterModelWithPrefix" ? prefix : suffix) = std::string(lit);
      first = 1;
    } else if (fn != "RegisterModel") {
      return;
    }
    for (size_t i = first; i < args.size(); ++i) {
      std::string type = go::value_type(args[i], src_);
      if (type.empty() || type.find('.') != std::string::npos) continue;
      out->push_back({"beego:register:" + key(type), prefix + "|" + suffix});
    }
  }

  void columns(TSNode st, int depth, std::vector<go::ModelColumn>* cols, std::set<std::string>* seen) {
    if (depth > 4) return;
    for (const go::Field& f : go::fields(st, src_)) {
      OrmTag tag = orm_tag(f.tag, src_);
      if (tag.ignored || tag.no_column) continue;
      if (f.names.empty()) {  // embedded: beego maps its fields as the model's
        for (size_t i = 0; i < decl_.structs.size(); ++i)
          if (decl_.structs[i].first == f.type_text) columns(decl_.structs[i].second, depth + 1, cols, seen);
        continue;
      }
      for (TSNode n : f.names) {
        std::string_view fname = node_text(n, src_);
        if (fname.empty() || !std::isupper(static_cast<unsigned char>(fname[0]))) continue;  // unexported
        go::ModelColumn c;
        c.field = std::string(fname);
        if (!tag.column.empty()) {
          if (f.names.size() != 1 || !go::plain_name(tag.column)) continue;
          c.name = tag.column;
          c.span = {tag.column_at, static_cast<uint32_t>(tag.column_at + tag.column.size())};
        } else {
          if (!naming_ || (!tag.fk && !go::column_type(f.type_text, decl_.scalars))) continue;
          c.name = snake(fname) + (tag.fk ? "_id" : "");
          c.span = {ts_node_start_byte(n), ts_node_end_byte(n)};
        }
        if (seen->insert(c.name).second) cols->push_back(std::move(c));
      }
    }
  }

  void emit(const std::string& name, const std::string& table, requirements::Span table_span, TSNode st,
            FileOutput* out) {
    std::vector<go::ModelColumn> cols;
    std::set<std::string> seen;
    columns(st, 0, &cols, &seen);
    go::UnitWriter w(in_, out, "beego orm model " + name + " table:" + table);
    std::string rel = w.split(table).second;
    w.relation(table, table_span, "beego orm model " + name + " (registered with orm.RegisterModel) is stored in table " + rel);
    for (const go::ModelColumn& c : cols)
      w.column(table, c.name, c.span, requirements::Use::Read,
               "beego orm model " + name + " field " + c.field + " maps to column " + rel + "." + c.name +
                   "; beego's orm reads and writes every registered field");
  }

  const FileInput& in_;
  std::string_view src_;
  std::string dir_;
  go::Declarations decl_;
  bool naming_ = true;
};

/// A file that declares fields with beego tags.
bool relevant(std::string_view text) { return text.find("orm:\"") != std::string_view::npos; }

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).index(out);
}

/// `extract` reads no body: models and their TableName methods are top-level (a TableName body,
/// returning text, is never blanked: languages::go_body_stays). `index` reads its own tree.
bool reads_body(std::string_view) { return false; }

/// Registrations and naming settings are in files importing the orm package; TableName methods
/// may be anywhere in a model's package.
bool index_reads(std::string_view path, std::string_view text) {
  return path.ends_with(".go") && !path.ends_with("_test.go") &&
         (text.find("beego/orm\"") != std::string_view::npos ||
          text.find("beego/v2/client/orm\"") != std::string_view::npos ||
          text.find(") TableName() string") != std::string_view::npos);
}

}  // namespace

extern const DataLayer kBeego{.name = "beego-orm",
                              .languages = {"go"},
                              .relevant = relevant,
                              .extract = extract,
                              .index = index,
                              .index_reads = index_reads,
                              .reads_body = reads_body,
                              .relevant_words = {"orm:\""},
                              .index_words = {"beego/orm\"", "beego/v2/client/orm\"", ") TableName() string"}};

}  // namespace schemagate::datalayers
