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
// whose TableName() is not a literal (listed as unchecked), derived names when the project changes beego's naming
// (`orm.NameStrategy`, `SetNameStrategy`), and every model when the project calls
// orm.RunSyncdb (then the models create their own tables at start-up).
//
// Registration is often in another file of the package (`func init() { orm.RegisterModel(
// new(Role), new(User)) }` in base.go): the index records each registered type under
// "beego:register:<dir>/<Type>" (value: prefix and suffix), read by the file declaring it.
//
// Registering a model queries nothing: beego asks for a model's table only when code reads or
// writes a value of it (`o.Read(&m)`, `o.QueryTable(new(T))`, `o.Insert(&t)`), or names its table
// (`o.QueryTable("t")`). A model no code of the project makes a value of (a model left registered
// after a migration dropped its table, a row type only raw queries fill) is listed as unchecked,
// not required. Whether the code makes one is read from the text of every Go file (tests aside)
// of a project that imports beego's orm: each type of which it makes a value (`T{...}`,
// `&pkg.T{...}`, `new(T)`, `var x T`; "beego:use-in:<dir>/<T>" for a bare `T` in a file of the
// model's folder, "beego:use:<import path>.<T>" for `pkg.T` through an import of the project,
// "beego:use?:<T>" for a bare `T` in a file with a dot import), leaving out the model's own
// declaration, its methods' receivers and the RegisterModel calls; and each QueryTable literal
// ("beego:query-table:<table>"). `x.T` on a value names a field or a method, never a type, but
// where x may be a package the file imports under another name than its path's last element,
// it is taken as `pkg.T` through that import.
//
// A project may register through a function of its own that hands its variadic parameter to
// beego (`func RegisterModel(models ...any) { orm.RegisterModel(models...) }`): the index
// records such a function ("beego:wrapper-in:<dir>/<F>") and each type a call of an imported
// package's function is given ("beego:register-via:<dir>/<T>" or
// "beego:register-via-path:<import path>/<T>" = "<package's import path>.<F>"); the type is
// registered when that function is such a wrapper.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/literal_scan.h"
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

/// Bytes of a Go identifier (letters, digits, '_', and every byte of a UTF-8 letter).
constexpr std::array<bool, 256> kIdentByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
  return t;
}();
inline bool ident_char(char c) { return kIdentByte[static_cast<unsigned char>(c)]; }

/// The methods of beego's Ormer that read or write a model's table (each also as ...WithCtx).
constexpr std::array<std::string_view, 11> kOperations = {"Read",   "ReadForUpdate", "ReadOrCreate", "Insert",
                                                          "InsertOrUpdate", "InsertMulti", "Update", "Delete",
                                                          "LoadRelated",    "QueryM2M",    "QueryTable"};

/// One Go file's QueryTable literals ("beego:query-table:<table>"), read from its text with
/// comments and literals blanked. A text whose literals do not close gives "beego:use-unknown":
/// every model counts as used.
void record_uses(std::string_view path, std::string_view text, std::vector<std::pair<std::string, std::string>>* out) {
  if (text.find("QueryTable") == std::string_view::npos) {
    if (!languages::go_code_only(text, languages::go_lex(text))) out->push_back({"beego:use-unknown", std::string(path)});
    return;
  }
  languages::GoLexicon lexed = languages::go_lex(text);
  std::optional<std::string> blanked = languages::go_code_only(text, lexed);
  if (!blanked) {
    out->push_back({"beego:use-unknown", std::string(path)});
    return;
  }
  const std::string& code = *blanked;
  std::set<std::string> keys;
  for (size_t at = code.find("QueryTable"); at != std::string::npos; at = code.find("QueryTable", at + 10)) {
    if (at > 0 && ident_char(code[at - 1])) continue;
    size_t p = at + 10;
    bool with_ctx = code.compare(p, 7, "WithCtx") == 0;
    if (with_ctx) p += 7;
    while (p < code.size() && std::isspace(static_cast<unsigned char>(code[p]))) ++p;
    if (p >= code.size() || code[p] != '(') continue;
    ++p;
    while (p < code.size() && std::isspace(static_cast<unsigned char>(code[p]))) ++p;
    if (with_ctx) {  // QueryTableWithCtx(ctx, "t")
      size_t comma = code.find_first_of(",()", p);
      if (comma == std::string::npos || code[comma] != ',') continue;
      p = comma + 1;
      while (p < code.size() && std::isspace(static_cast<unsigned char>(code[p]))) ++p;
    }
    auto it = std::lower_bound(lexed.tokens.begin(), lexed.tokens.end(), p,
                               [](const languages::GoLexicon::Token& t, size_t v) { return t.open < v; });
    if (it == lexed.tokens.end() || it->open != p || !lexed.literal(*it)) continue;
    keys.insert("beego:query-table:" + snake(text.substr(it->open + 1, it->close - it->open - 1)));
  }
  for (const std::string& k : keys) out->push_back({k, ""});
}

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
    record_uses(in_.path, in_.text, out);
    if (ts_node_is_null(in_.root)) return;
    std::string alias = orm_alias(decl_.imports);
    bool wrapped = src_.find("RegisterModel(") != std::string_view::npos;  // maybe through a wrapper
    if (!alias.empty()) {
      if (src_.find(alias + ".RunSyncdb(") != std::string_view::npos) out->push_back({"beego:syncdb", ""});
      if (src_.find(alias + ".NameStrategy") != std::string_view::npos ||
          src_.find(alias + ".SetNameStrategy(") != std::string_view::npos)
        out->push_back({"beego:naming", ""});
    }
    // One cursor walk over the tree (a node's i-th child is found from its first: no index).
    TSTreeCursor cursor = ts_tree_cursor_new(in_.root);
    for (bool more = true; more;) {
      TSNode n = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(n)) {
        if (node_is(n, "call_expression")) {
          if (!alias.empty()) registration(n, alias, out);
          if (wrapped) wrapper_call(n, out);
          operation(n, out);
        } else if (node_is(n, "function_declaration") && !alias.empty()) {
          wrapper_declaration(n, alias, out);
        }
      }
      if (ts_tree_cursor_goto_first_child(&cursor)) continue;
      while (!ts_tree_cursor_goto_next_sibling(&cursor))
        if (!ts_tree_cursor_goto_parent(&cursor)) {
          more = false;
          break;
        }
    }
    ts_tree_cursor_delete(&cursor);
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
      if (!in_.facts) continue;
      // Its registrations: in its own package, or by another through this package's import path.
      std::vector<std::string> registered;
      if (auto reg = in_.facts->find("beego:register:" + key(name)); reg != in_.facts->end())
        registered = reg->second;
      for (const std::string& path : import_paths())
        if (auto reg = in_.facts->find("beego:register-path:" + path + "/" + name); reg != in_.facts->end())
          registered.insert(registered.end(), reg->second.begin(), reg->second.end());
      // Through a project function that hands its arguments to orm.RegisterModel.
      auto through_wrapper = [&](const std::string& k) {
        if (auto via = in_.facts->find(k); via != in_.facts->end())
          for (const std::string& fn : via->second)
            if (wrapper(fn)) registered.push_back("|");
      };
      through_wrapper("beego:register-via:" + key(name));
      for (const std::string& path : import_paths()) through_wrapper("beego:register-via-path:" + path + "/" + name);
      if (registered.size() != 1) continue;  // unregistered, or twice
      if (syncdb) {
        out->unchecked.push_back({decl_.struct_at[i], "beego orm model",
                                  "orm.RunSyncdb creates the registered models' tables and columns when the program starts"});
        continue;
      }
      if (has_fact(in_.facts, "beego:table?:" + key(name))) {
        out->unchecked.push_back({decl_.struct_at[i], "beego orm model",
                                  "its TableName() method returns no literal (a constant or a value computed at run "
                                  "time): the table's name is not read"});
        continue;
      }
      std::string affixes = registered.front();
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
      if (!used(name, table)) {
        out->unchecked.push_back({decl_.struct_at[i], "beego orm model",
                                  "registered with orm.RegisterModel, but no code of the project (tests aside) gives a "
                                  "value of the type to an orm operation (Read, Insert, Update, Delete, QueryTable...) "
                                  "or names its table in QueryTable: registering asks nothing of the database"});
        continue;
      }
      emit(name, table, table_span, decl_.structs[i].second, out);
    }
  }

 private:
  std::string key(const std::string& type) const { return dir_.empty() ? type : dir_ + "/" + type; }

  /// The import paths of this file's package (the package index: go:package:<path> -> its folders).
  const std::vector<std::string>& import_paths() {
    if (!paths_) {
      paths_.emplace();
      const std::string prefix = "go:package:";
      if (in_.facts)
        for (auto it = in_.facts->lower_bound(prefix); it != in_.facts->end() && it->first.starts_with(prefix); ++it)
          if (std::find(it->second.begin(), it->second.end(), dir_) != it->second.end())
            paths_->push_back(it->first.substr(prefix.size()));
    }
    return *paths_;
  }
  std::optional<std::vector<std::string>> paths_;

  /// Whether some code of the project may use model `name` of table `table` (the facts of
  /// record_uses): a name that may be the type outside its declaration and registration, or
  /// the table named in QueryTable. Without the package's import path (no go.mod), an
  /// unexported name, or a file the index could not read, every model counts as used.
  bool used(const std::string& name, const std::string& table) const {
    if (!std::isupper(static_cast<unsigned char>(name[0]))) return true;
    if (has_fact(in_.facts, "beego:use-unknown") || has_fact(in_.facts, "beego:use?:" + name) ||
        has_fact(in_.facts, "beego:use-in:" + key(name)) || has_fact(in_.facts, "beego:query-table:" + table))
      return true;
    bool known = false;  // the import path of the model's package
    const std::string prefix = "go:package:";
    for (auto it = in_.facts->lower_bound(prefix); it != in_.facts->end() && it->first.starts_with(prefix); ++it) {
      if (std::find(it->second.begin(), it->second.end(), dir_) == it->second.end()) continue;
      known = true;
      if (has_fact(in_.facts, "beego:use:" + it->first.substr(prefix.size()) + "." + name)) return true;
    }
    return !known;
  }

  /// `o.Insert(&m)`, `ormer.Read(r)` with `r *model.Robot` a parameter, `o.QueryTable(new(T))`:
  /// a call of a method beego's Ormer has, given a value whose type the file shows, records the
  /// type as one the code asks beego's orm about ("beego:use-in:<dir>/<T>" for a type of the
  /// file's package, "beego:use:<import path>.<T>" for another's).
  void operation(TSNode call, std::vector<std::pair<std::string, std::string>>* out) {
    TSNode fn = field(call, "function");
    if (!node_is(fn, "selector_expression")) return;
    std::string_view name = node_text(field(fn, "field"), src_);
    if (name.ends_with("WithCtx")) name.remove_suffix(7);
    if (std::find(kOperations.begin(), kOperations.end(), name) == kOperations.end()) return;
    for (TSNode arg : go::arguments(call)) {
      std::string type = go::value_type(arg, src_);
      if (type.empty() || !std::isalpha(static_cast<unsigned char>(type[0]))) continue;
      size_t dot = type.find('.');
      if (dot == std::string::npos) {
        out->push_back({"beego:use-in:" + key(type), ""});
        continue;
      }
      for (const std::string& path : paths_of(type.substr(0, dot)))
        out->push_back({"beego:use:" + path + "." + type.substr(dot + 1), ""});
    }
  }

  /// The import paths a type's qualifier may read: the import of that name, else (a package
  /// whose name is not its path's last element: `storemodels` from ".../store-models") each
  /// import never read under the name its path gives, as Go requires every import to be read.
  std::vector<std::string> paths_of(const std::string& qualifier) const {
    std::vector<std::string> paths;
    for (auto& [import, path] : decl_.imports)
      if (import == qualifier) return {path};
    for (auto& [import, path] : decl_.imports) {
      if (import == "_" || import == "." || path.find('.') == std::string::npos) continue;  // the standard library's
      bool read = false;
      for (size_t at = src_.find(import + "."); at != std::string_view::npos && !read; at = src_.find(import + ".", at + 1))
        read = at == 0 || !ident_char(src_[at - 1]);
      if (!read) paths.push_back(path);
    }
    return paths;
  }

  /// Whether `fn` ("<import path>.<F>") is a function of the project that registers every value
  /// it is given with beego (a "beego:wrapper-in:<dir>/<F>" of a folder of that package).
  bool wrapper(const std::string& fn) const {
    size_t dot = fn.rfind('.');
    if (dot == std::string::npos) return false;
    auto dirs = in_.facts->find("go:package:" + fn.substr(0, dot));
    if (dirs == in_.facts->end()) return false;
    for (const std::string& d : dirs->second)
      if (has_fact(in_.facts, "beego:wrapper-in:" + (d.empty() ? "" : d + "/") + fn.substr(dot + 1))) return true;
    return false;
  }

  /// `func RegisterModel(models ...any) { orm.RegisterModel(models...) }`: a top-level function
  /// whose last parameter is variadic and whose body hands it, spread, to beego's RegisterModel.
  void wrapper_declaration(TSNode fn, const std::string& alias, std::vector<std::pair<std::string, std::string>>* out) {
    TSNode params = field(fn, "parameters"), body = field(fn, "body");
    uint32_t count = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
    if (count == 0 || ts_node_is_null(body)) return;
    TSNode last = ts_node_named_child(params, count - 1);
    if (!node_is(last, "variadic_parameter_declaration")) return;
    std::string_view param = node_text(field(last, "name"), src_);
    if (param.empty()) return;
    std::vector<TSNode> stack{body};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "call_expression") && node_text(field(n, "function"), src_) == alias + ".RegisterModel") {
        std::vector<TSNode> args = go::arguments(n);
        if (args.size() == 1 && node_is(args[0], "variadic_argument") &&
            node_text(languages::first_named_child(args[0]), src_) == param) {
          out->push_back({"beego:wrapper-in:" + key(std::string(node_text(field(fn, "name"), src_))), ""});
          return;
        }
      }
      for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
    }
  }

  /// `pkg.F(new(T), &models.U{})` of an imported package of the project: each type under the
  /// function that may be a wrapper ("beego:register-via:<dir>/<T>" or
  /// "beego:register-via-path:<import path>/<T>" = "<pkg's import path>.<F>"), confirmed by
  /// the wrapper's own facts where its model is read.
  void wrapper_call(TSNode call, std::vector<std::pair<std::string, std::string>>* out) {
    TSNode fn = field(call, "function");
    if (!node_is(fn, "selector_expression")) return;
    std::string_view operand = node_text(field(fn, "operand"), src_), name = node_text(field(fn, "field"), src_);
    std::string through;
    for (auto& [import, path] : decl_.imports)
      if (import == operand) through = path;
    if (through.empty() || through == "github.com/beego/beego/v2/client/orm" || through == "github.com/astaxie/beego/orm")
      return;
    std::string via = through + "." + std::string(name);
    for (TSNode arg : go::arguments(call)) {
      std::string type = go::value_type(arg, src_);
      if (type.empty()) continue;
      size_t dot = type.find('.');
      if (dot == std::string::npos) {
        out->push_back({"beego:register-via:" + key(type), via});
        continue;
      }
      for (auto& [import, path] : decl_.imports)
        if (import == type.substr(0, dot))
          out->push_back({"beego:register-via-path:" + path + "/" + type.substr(dot + 1), via});
    }
  }

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
      if (type.empty()) continue;
      size_t dot = type.find('.');
      if (dot == std::string::npos) {
        out->push_back({"beego:register:" + key(type), prefix + "|" + suffix});
        continue;
      }
      // Another package's type (`new(models.CVEAllowlist)`): by its import path, which the file
      // declaring it matches through the package index (go:package:<path>).
      for (auto& [name, path] : decl_.imports)
        if (name == type.substr(0, dot))
          out->push_back({"beego:register-path:" + path + "/" + type.substr(dot + 1), prefix + "|" + suffix});
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

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) { Reader(in).index(out); }

/// `extract` reads no body: models and their TableName methods are top-level (a TableName body,
/// returning text, is never blanked: languages::go_body_stays). `index` reads its own tree.
bool reads_body(std::string_view) { return false; }

/// Whether a file shows the project uses beego's orm: without one, no Go file is indexed.
bool index_wanted(std::string_view text) {
  return text.find("beego/orm\"") != std::string_view::npos || text.find("beego/v2/client/orm\"") != std::string_view::npos;
}

/// Every Go file but tests may use a model (record_uses reads its text). A model only a test
/// uses is not one the deployed program queries (and a test's own query fails in its run).
bool index_reads(std::string_view path, std::string_view) { return path.ends_with(".go") && !path.ends_with("_test.go"); }

/// Registrations and naming settings are in files importing the orm package, whose tree the
/// index reads; TableName methods may be anywhere in a model's package.
bool index_parses(std::string_view text) {
  if (index_wanted(text) || text.find(") TableName() string") != std::string_view::npos ||
      text.find("RegisterModel(") != std::string_view::npos)
    return true;
  // A call of an operation (Reader::operation), `.Read(` or `.ReadWithCtx(`, in a file importing
  // a package named orm (beego's, or the project's layer over it, whose Ormer the file calls).
  if (text.find("orm\"") == std::string_view::npos) return false;
  for (std::string_view op : kOperations)
    for (size_t at = text.find(op); at != std::string_view::npos; at = text.find(op, at + 1)) {
      if (at == 0 || text[at - 1] != '.') continue;
      std::string_view rest = text.substr(at + op.size());
      if (rest.starts_with("(") || rest.starts_with("WithCtx(")) return true;
    }
  return false;
}

}  // namespace

extern const DataLayer kBeego{.name = "beego-orm",
                              .languages = {"go"},
                              .relevant = relevant,
                              .extract = extract,
                              .index = index,
                              .index_reads = index_reads,
                              .index_text_only = true,
                              .index_parses = index_parses,
                              .index_wanted = index_wanted,
                              .reads_body = reads_body,
                              .relevant_words = {"orm:\""},
                              .wanted_words = {"beego/orm\"", "beego/v2/client/orm\""}};

}  // namespace schemagate::datalayers
