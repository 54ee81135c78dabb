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
// (`o.QueryTable("t")`). A model no code of the project uses (a model left registered after a
// migration dropped its table) is listed as unchecked, not required. Whether the code uses one is
// read from the text of every Go file (tests aside) of a project that imports beego's orm: each
// name that may be the type ("beego:use-in:<dir>/<T>" for a bare `T` in a file of the model's
// folder, "beego:use:<import path>.<T>" for `pkg.T` through an import of the project,
// "beego:use?:<T>" for a bare `T` in a file with a dot import), leaving out the model's own
// declaration, its methods' receivers and the RegisterModel calls; and each QueryTable literal
// ("beego:query-table:<table>"). `x.T` on a value names a field or a method, never a type, but
// where x may be a package the file imports under another name than its path's last element,
// it is taken as `pkg.T` through that import.
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

/// The package name an import of `path` gives without an alias, as Go projects name packages:
/// the last element, without a version element (".../beego/v2" is beego) or suffix (yaml.v2).
std::string import_name(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto version = [](std::string_view v) {
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    return v.size() > 1 && v[0] == 'v' && std::all_of(v.begin() + 1, v.end(), digit);
  };
  if (version(last) && slash != std::string_view::npos && slash > 0) return import_name(path.substr(0, slash));
  size_t dot = last.rfind('.');
  if (dot != std::string_view::npos && version(last.substr(dot + 1))) last = last.substr(0, dot);
  return std::string(last);
}

/// Whether an import path is the standard library's (its first element one of Go's top-level
/// packages), where no model of the project can be.
bool standard_library(std::string_view path) {
  static const std::set<std::string_view> roots = {
      "archive", "bufio",   "bytes", "cmp",  "compress", "container", "context", "crypto",  "database", "debug",
      "embed",   "encoding", "errors", "expvar", "flag",  "fmt",       "hash",    "html",    "image",    "io",
      "iter",    "log",     "maps",  "math", "mime",     "net",       "os",      "path",    "reflect",  "regexp",
      "runtime", "slices",  "sort",  "strconv", "strings", "sync",    "syscall", "testing", "text",     "time",
      "unicode", "unique",  "unsafe"};
  return roots.count(path.substr(0, path.find('/'))) > 0;
}

/// The names one Go file gives to types a beego model may have, and its QueryTable literals
/// (see the file's comment), read from its text with comments and literals blanked. A text
/// whose literals do not close gives "beego:use-unknown": every model counts as used.
void record_uses(std::string_view path, std::string_view text, std::vector<std::pair<std::string, std::string>>* out) {
  languages::GoLexicon lexed = languages::go_lex(text);
  std::optional<std::string> blanked = languages::go_code_only(text, lexed);
  if (!blanked) {
    out->push_back({"beego:use-unknown", std::string(path)});
    return;
  }
  const std::string& code = *blanked;
  std::string dir = go::folder(path);
  // The body of the literal opening at `at`, or nullopt.
  auto literal_at = [&](size_t at) -> std::optional<std::string_view> {
    auto it = std::lower_bound(lexed.tokens.begin(), lexed.tokens.end(), at,
                               [](const languages::GoLexicon::Token& t, size_t v) { return t.open < v; });
    if (it == lexed.tokens.end() || it->open != at || !lexed.literal(*it)) return std::nullopt;
    return text.substr(it->open + 1, it->close - it->open - 1);
  };
  auto skip_space = [&](size_t at) {
    while (at < code.size() && std::isspace(static_cast<unsigned char>(code[at]))) ++at;
    return at;
  };
  auto word_at = [&](size_t at) {
    size_t end = at;
    while (end < code.size() && ident_char(code[end])) ++end;
    return std::string_view(code).substr(at, end - at);
  };
  // The offset after the parenthesis matching the one at `open`.
  auto after_parens = [&](size_t open) {
    int depth = 0;
    for (size_t i = open; i < code.size(); ++i) {
      if (code[i] == '(') ++depth;
      else if (code[i] == ')' && --depth == 0) return i + 1;
    }
    return code.size();
  };
  std::map<std::string, std::string, std::less<>> imports;  // name -> path
  std::set<std::string> unaliased;  // the names import_name gave
  std::set<std::string_view> qualifiers;  // the import names the file reads a name through
  std::set<std::string_view> on_values;   // x.T where x is no import name
  bool dot_import = false;
  // Each name once: (the import path it is read through, or "?" or "", the name). The path is a
  // copy: an import of the same name again (no Go compiler takes it, the fuzzer wrote one)
  // replaces the string in `imports` that a view would still point at.
  std::set<std::pair<std::string, std::string_view>> names;
  std::set<std::string> keys;
  std::string_view previous;  // the word before the current one
  for (size_t i = 0; i < code.size();) {
    if (!ident_char(code[i])) {
      ++i;
      continue;
    }
    if (code[i] >= '0' && code[i] <= '9') {  // a number, 0xFF, 1e9
      while (i < code.size() && ident_char(code[i])) ++i;
      continue;
    }
    size_t at = i;
    std::string_view word = word_at(at);
    i = at + word.size();
    bool line_start = at == 0 || code[at - 1] == '\n';
    if (word == "import" && line_start) {  // import "p", import x "p", import ( ... )
      size_t p = skip_space(i);
      bool group = p < code.size() && code[p] == '(';
      size_t end = group ? after_parens(p) : code.size();
      if (group) ++p;
      while (p < end) {
        p = skip_space(p);
        if (p >= end || code[p] == ')') break;
        std::string name;
        if (code[p] == '.' || code[p] == '_') name = std::string(1, code[p++]);
        else if (ident_char(code[p])) name = std::string(word_at(p)), p += name.size();
        p = skip_space(p);
        auto lit = p < end ? literal_at(p) : std::nullopt;
        if (!lit) break;
        if (name == ".") dot_import = true;
        else if (name != "_" && !standard_library(*lit)) {
          if (name.empty()) unaliased.insert(name = import_name(*lit));
          imports[name] = std::string(*lit);
        }
        p += lit->size() + 2;  // past the closing quote
        if (!group) break;
      }
      i = std::max(i, std::min(p, code.size()));
      previous = {};
      continue;
    }
    if (word == "func" && line_start) {  // a method's receiver names its type: no use of it
      size_t p = skip_space(i);
      if (p < code.size() && code[p] == '(') i = after_parens(p);
      previous = {};
      continue;
    }
    if (word == "RegisterModel" || word == "RegisterModelWithPrefix" || word == "RegisterModelWithSuffix") {
      size_t p = skip_space(i);
      if (p < code.size() && code[p] == '(') i = after_parens(p);
      previous = {};
      continue;
    }
    if (word == "QueryTable") {
      size_t p = skip_space(i);
      if (p < code.size() && code[p] == '(') {
        p = skip_space(p + 1);
        if (auto lit = literal_at(p)) keys.insert("beego:query-table:" + snake(*lit));
      }
    }
    bool upper = word[0] >= 'A' && word[0] <= 'Z';
    std::string_view before = previous;
    previous = word;
    if (!upper) continue;
    if (at > 0 && code[at - 1] == '.') {  // pkg.T, or x.T on a value (a field or a method: no type)
      size_t q = at - 1;
      while (q > 0 && ident_char(code[q - 1])) --q;
      std::string_view qualifier = std::string_view(code).substr(q, at - 1 - q);
      auto imported = imports.find(qualifier);
      if (imported != imports.end() && (q == 0 || code[q - 1] != '.')) {
        names.insert({imported->second, word});
        qualifiers.insert(imported->first);
      } else {
        on_values.insert(word);
      }
      continue;
    }
    if (before == "type") continue;  // its declaration
    if (word_at(skip_space(i)) == "struct") continue;  // a declaration in a type group
    names.insert({dot_import ? "?" : "", word});
  }
  // Go requires every import to be used: one never read under the name import_name gave it has
  // another package name, and any x.T may be read through it.
  for (const std::string& name : unaliased)
    if (!qualifiers.count(name))
      for (std::string_view word : on_values) names.insert({imports[name], word});
  std::string in_dir = "beego:use-in:" + (dir.empty() ? "" : dir + "/");
  for (auto& [through, name] : names) {
    if (through == "?") out->push_back({"beego:use?:" + std::string(name), ""});
    else if (through.empty()) out->push_back({in_dir + std::string(name), ""});
    else out->push_back({"beego:use:" + std::string(through) + "." + std::string(name), ""});
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
      if (!in_.facts) continue;
      // Its registrations: in its own package, or by another through this package's import path.
      std::vector<std::string> registered;
      if (auto reg = in_.facts->find("beego:register:" + key(name)); reg != in_.facts->end())
        registered = reg->second;
      for (const std::string& path : import_paths())
        if (auto reg = in_.facts->find("beego:register-path:" + path + "/" + name); reg != in_.facts->end())
          registered.insert(registered.end(), reg->second.begin(), reg->second.end());
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
                                  "registered with orm.RegisterModel, but no code of the project (tests aside) names the "
                                  "type or its table: registering asks nothing of the database; beego queries a model's "
                                  "table when code reads or writes one of its values (Read, Insert, QueryTable)"});
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
  return index_wanted(text) || text.find(") TableName() string") != std::string_view::npos;
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
