// squirrel (Go, github.com/Masterminds/squirrel) query chains as requirements. A chain spells
// its statement piece by piece, in Go strings and maps that no SQL extractor sees whole:
//   sq.Select("id", "email").From("users").Where(sq.Eq{"tenant_id": t}).OrderBy("created_at DESC")
//   sq.Insert("users").Columns("id", "email").Values(...)    sq.Insert("users").SetMap(map[string]any{"email": e})
//   sq.Update("users").Set("email", e).Where("id = ?", id)  sq.Delete("users").Where(sq.Eq{"id": id})
// The table (From, Insert, Update, Delete, Into) is a relation requirement and each column it
// names a column requirement of that table: select items that are plain or qualified by the
// table or its alias ("name AS n" is "name"), sq.Eq/NotEq/Lt/Gt/LtOrEq/GtOrEq/Like/ILike keys,
// And/Or of those, "col = ?" conjuncts of a string predicate, OrderBy/GroupBy names that are not
// the select list's output names, Columns, Set and SetMap keys. The chain starts at the
// package (`sq.Select`), at StatementBuilder, or at a variable the file sets from
// StatementBuilder (`psql := sq.StatementBuilder.PlaceholderFormat(sq.Dollar)`), or at a field
// or parameter of type StatementBuilderType (`dbInfo.stbl.Delete("tuple")`; a field another file
// declares is known through the project's facts: `r.database.Builder.Select(...)`). The table is
// a literal or a package constant of a plain name (`From(TransactionsTable)`, or
// `postgres.TransactionsTable` of an imported package), read from the facts too. A file that
// imports another engine's driver (a MySQL store beside the PostgreSQL one) is left out.
//
// Why not the SQL extractor's fragment reading: squirrel's pieces are not a text with holes but
// a tree of builder values; reading them here keeps every name's span on its own literal, and
// what cannot be read whole (a join, a subquery, an expression item) is simply not judged: a
// chain with a join keeps its table requirements only, since an unqualified column may belong
// to either table. A table name PostgreSQL cannot take as written (a reserved word) leaves the
// chain out: its statement would not parse, so it is not one the application runs.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"
#include "analyzers/sql/pg_parse.h"

namespace schemagate::datalayers {
namespace {

/// Whether Go source renders squirrel chains (`.ToSql()`) and runs no statement: no RunWith,
/// Exec, Query, QueryRow or Scan, with or without Context.
bool renders_only(std::string_view text) {
  if (text.find(".ToSql()") == std::string_view::npos) return false;
  for (std::string_view run : {"RunWith(", ".Exec(", ".ExecContext(", ".Query(", ".QueryContext(", ".QueryRow(",
                               ".QueryRowContext(", ".Scan(", ".Select(ctx", ".Get(ctx"})
    if (text.find(run) != std::string_view::npos) return false;
  return true;
}

using languages::field;
using languages::node_is;
using languages::node_text;

struct Name {
  std::string value;
  uint32_t at = 0;
};

/// A reserved word PostgreSQL reads as a value where a select item stands (`Select("id",
/// "false")`): no column.
bool sql_value_keyword(std::string_view word) {
  std::string w(word);
  for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view k : {"true", "false", "null", "current_timestamp", "current_date", "current_time", "localtime",
                             "localtimestamp", "current_user", "session_user", "user", "current_role",
                             "current_catalog", "current_schema"})
    if (w == k) return true;
  return false;
}

/// The facts key of the package-level builders of a file's folder.
std::string package_key(std::string_view path) { return "squirrel-builders:" + go::folder(path); }

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text), dir_(go::folder(in.path)) {
    go::Declarations d = go::declarations(in.root, in.text);
    imports_ = d.imports;
    for (auto& [name, path] : d.imports)
      if (path == "github.com/Masterminds/squirrel" || path == "gopkg.in/Masterminds/squirrel.v1") alias_ = name;
  }

  void run(FileOutput* out) {
    if (alias_.empty()) return;
    // squirrel builds for any engine: a file of a MySQL or SQLite store is not PostgreSQL's.
    if (!source::other_engine_of_code(in_.path, src_).empty()) return;
    // A test that renders its chains (ToSql(), compared with the text expected) and runs none
    // tests the SQL the builder writes: its tables are placeholders ("sometable"), no database
    // reads them.
    if (source::is_test_file(in_.path) && renders_only(src_)) return;
    builders_ = builder_variables();
    // Package-level builders of the package's other files (atc/db/psql.go's
    // `var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)`).
    if (in_.facts)
      if (auto f = in_.facts->find(package_key(in_.path)); f != in_.facts->end())
        builders_.insert(f->second.begin(), f->second.end());
    // Fields of the builder's type that other files declare (`Builder squirrel.StatementBuilderType`
    // of a database struct): chains from `r.database.Builder`.
    if (in_.facts)
      if (auto it = in_.facts->find("squirrel:builder-field"); it != in_.facts->end())
        builders_.insert(it->second.begin(), it->second.end());
    for (TSNode top : go::chain_tops(in_.root)) chain(top, out);
  }

 private:
  /// Variables the file sets from StatementBuilder.
  std::set<std::string> builder_variables() const {
    std::set<std::string> out;
    std::string needle = alias_ + ".StatementBuilder";
    for (size_t at = src_.find(needle); at != std::string_view::npos; at = src_.find(needle, at + 1)) {
      size_t line = src_.rfind('\n', at);
      std::string_view head = src_.substr(line == std::string_view::npos ? 0 : line + 1,
                                          at - (line == std::string_view::npos ? 0 : line + 1));
      size_t eq = head.rfind('=');
      if (eq == std::string_view::npos) continue;
      std::string_view left = head.substr(0, eq);
      if (left.ends_with(":")) left.remove_suffix(1);
      while (!left.empty() && left.back() == ' ') left.remove_suffix(1);
      size_t b = left.size();
      while (b > 0 && (std::isalnum(static_cast<unsigned char>(left[b - 1])) || left[b - 1] == '_')) --b;
      if (b < left.size()) out.insert(std::string(left.substr(b)));
    }
    // Fields and parameters of the builder's type: `stbl sq.StatementBuilderType`.
    std::string type = " " + alias_ + ".StatementBuilderType";
    for (size_t at = src_.find(type); at != std::string_view::npos; at = src_.find(type, at + 1)) {
      size_t b = at;
      while (b > 0 && (std::isalnum(static_cast<unsigned char>(src_[b - 1])) || src_[b - 1] == '_')) --b;
      if (b < at) out.insert(std::string(src_.substr(b, at - b)));
    }
    return out;
  }

  bool literal(TSNode n, Name* out) const {
    std::string_view t;
    uint32_t at;
    if (!go::literal(n, src_, &t, &at)) return false;
    *out = {std::string(t), at};
    return true;
  }

  /// A table argument: a literal, or a package constant of a plain name (`From(TransactionsTable)`,
  /// `Delete(postgres.TransactionsTable)`) that this package or the imported one declares once,
  /// and no function around the call declares a local of that name.
  bool table_argument(TSNode n, Name* out) const {
    if (literal(n, out)) return true;
    std::string type;
    TSNode name = n;
    if (node_is(n, "identifier")) {
      type = std::string(node_text(n, src_));
    } else if (node_is(n, "selector_expression") && node_is(field(n, "operand"), "identifier")) {
      name = field(n, "field");
      type = std::string(node_text(field(n, "operand"), src_)) + "." + std::string(node_text(name, src_));
    } else {
      return false;
    }
    const std::vector<std::string>* facts = go::model_fact(in_.facts, "squirrel", dir_, imports_, type);
    if (!facts || facts->size() != 1 || !(*facts)[0].starts_with("const=")) return false;
    if (type.find('.') == std::string::npos)
      for (TSNode f = ts_node_parent(n); !ts_node_is_null(f); f = ts_node_parent(f)) {
        if (!node_is(f, "function_declaration") && !node_is(f, "method_declaration") && !node_is(f, "func_literal")) continue;
        std::string_view body = node_text(f, src_);
        for (std::string op : {type + " :=", type + " =", type + ",", type + " string", type + " := "})
          if (body.find(op) != std::string_view::npos) return false;
      }
    *out = {(*facts)[0].substr(6), ts_node_start_byte(name)};
    return true;
  }

  /// "t", "t AS x", "t x", "s.t": the table, its alias; false for anything else.
  static bool table_name(const Name& n, Name* table, std::string* alias) {
    std::string_view v = n.value;
    size_t sp = v.find(' ');
    std::string_view name = v.substr(0, sp);
    std::string_view rest = sp == std::string_view::npos ? "" : v.substr(sp + 1);
    while (rest.starts_with(" ")) rest.remove_prefix(1);
    while (rest.ends_with(" ")) rest.remove_suffix(1);
    if (rest.starts_with("AS ") || rest.starts_with("as ")) rest.remove_prefix(3);
    if (!rest.empty() && !go::plain_name(rest)) return false;
    std::string_view rel = name.substr(name.find('.') == std::string_view::npos ? 0 : name.find('.') + 1);
    if (!go::plain_name(rel) || (rel.size() != name.size() && !go::plain_name(name.substr(0, name.size() - rel.size() - 1))))
      return false;
    // squirrel writes the name as given: a reserved word (`From("table")`, a test's placeholder
    // whose rendered text is compared, never run) is a statement PostgreSQL cannot parse.
    std::vector<sql::ParsedStatement> parsed;
    sql::ParseError err;
    if (!sql::parse("SELECT 1 FROM " + std::string(v), &parsed, &err)) return false;
    *table = {std::string(name), n.at};
    *alias = std::string(rest);
    return true;
  }

  struct Chain {
    std::string table, alias, head;
    std::string start;  ///< what the chain starts from: "sq", "psql"
    struct Use {
      Name name;
      std::string how;
      bool resolved = false;  ///< already the table's column (a qualified select item read)
    };
    std::vector<Use> columns;
    std::set<std::string> outputs;                      ///< select list output names
    std::vector<std::pair<Name, std::string>> order;    ///< OrderBy/GroupBy names
    bool joined = false, opaque = false;
    Name table_at;
  };

  /// A column item: "c", "t.c", "alias.c", "c AS o": the column, when it is the chain's table's.
  std::optional<Name> column_item(const Name& n, const Chain& c, std::string* output = nullptr) const {
    std::string v = n.value;
    for (std::string_view as : {" AS ", " as "})
      if (size_t at = v.find(as); at != std::string::npos) {
        if (output) *output = v.substr(at + 4);
        v = v.substr(0, at);
      }
    while (!v.empty() && v.back() == ' ') v.pop_back();
    size_t lead = 0;
    while (lead < v.size() && v[lead] == ' ') ++lead;
    v = v.substr(lead);
    std::string col = v;
    if (size_t dot = v.rfind('.'); dot != std::string::npos) {
      std::string q = v.substr(0, dot);
      std::string rel = c.table.substr(c.table.find('.') == std::string::npos ? 0 : c.table.find('.') + 1);
      if (!(q == c.alias || (c.alias.empty() && (q == rel || q == c.table)))) return std::nullopt;
      col = v.substr(dot + 1);
    } else if (c.joined) {
      return std::nullopt;
    }
    if (!go::plain_name(col) || sql_value_keyword(col)) return std::nullopt;
    if (output && output->empty()) *output = col;
    return Name{col, static_cast<uint32_t>(n.at + lead + v.size() - col.size())};
  }

  /// The keys of sq.Eq{...} and the like, through And/Or.
  void predicate_keys(TSNode n, std::vector<Name>* out, bool* unknown) const {
    if (node_is(n, "unary_expression")) n = field(n, "operand");
    if (!node_is(n, "composite_literal")) {
      *unknown = true;
      return;
    }
    std::string_view type = node_text(field(n, "type"), src_);
    if (!type.starts_with(alias_ + ".")) {
      *unknown = true;
      return;
    }
    type.remove_prefix(alias_.size() + 1);
    static const std::set<std::string_view> kMaps = {"Eq", "NotEq", "Lt", "Gt", "LtOrEq", "GtOrEq", "Like",
                                                     "NotLike", "ILike", "NotILike"};
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) return;
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode e = ts_node_named_child(body, i);
      if (node_is(e, "comment")) continue;
      if (type == "And" || type == "Or") {
        TSNode v = node_is(e, "literal_element") ? languages::first_named_child(e) : e;
        predicate_keys(v, out, unknown);
      } else if (kMaps.count(type) && node_is(e, "keyed_element")) {
        TSNode key = languages::first_named_child(e);
        if (node_is(key, "literal_element")) key = languages::first_named_child(key);
        Name k;
        if (literal(key, &k)) out->push_back(k);
        else *unknown = true;
      } else {
        *unknown = true;
      }
    }
  }

  /// map[string]interface{}{"a": v}: its keys.
  void map_keys(TSNode n, std::vector<Name>* out) const {
    if (!node_is(n, "composite_literal") || !node_text(field(n, "type"), src_).starts_with("map[string]")) return;
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) return;
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode e = ts_node_named_child(body, i);
      if (!node_is(e, "keyed_element")) continue;
      TSNode key = languages::first_named_child(e);
      if (node_is(key, "literal_element")) key = languages::first_named_child(key);
      Name k;
      if (literal(key, &k)) out->push_back(k);
    }
  }

  bool starts_here(TSNode receiver, const std::vector<go::Link>& links, size_t head) const {
    std::string_view r = node_text(receiver, src_);
    if (node_is(receiver, "selector_expression")) {  // dbInfo.stbl: a field of the builder's type
      std::string_view f = node_text(field(receiver, "field"), src_);
      if (head == 0 && builders_.count(std::string(f))) return true;
    }
    if (head == 0) return r == alias_ || builders_.count(std::string(r));
    // sq.StatementBuilder.PlaceholderFormat(sq.Dollar).Select(...)
    if (r.starts_with(alias_ + ".StatementBuilder")) return true;
    for (size_t i = 0; i < head; ++i)
      if (links[i].name != "PlaceholderFormat" && links[i].name != "RunWith") return false;
    return r == alias_ || builders_.count(std::string(r));
  }

  void chain(TSNode top, FileOutput* out) {
    TSNode receiver;
    std::vector<go::Link> links = go::chain(top, src_, &receiver);
    size_t head = links.size();
    for (size_t i = 0; i < links.size(); ++i)
      if (links[i].name == "Select" || links[i].name == "Insert" || links[i].name == "Update" ||
          links[i].name == "Delete" || links[i].name == "Replace") {
        head = i;
        break;
      }
    if (head == links.size() || !starts_here(receiver, links, head)) return;
    Chain c;
    c.head = std::string(links[head].name);
    c.start = std::string(node_text(receiver, src_));
    if (c.start.find('(') != std::string::npos || c.start.find('\n') != std::string::npos) c.start = alias_;
    std::vector<Name> selected;
    for (size_t i = head; i < links.size(); ++i) {
      const go::Link& l = links[i];
      std::string_view n = l.name;
      Name lit;
      if (i == head) {
        if (n == "Select") {
          for (TSNode a : l.args)
            if (literal(a, &lit)) selected.push_back(lit);
            else c.opaque = true;  // a spread of column names
        } else if (l.args.size() == 1 && table_argument(l.args[0], &lit)) {
          if (!table_name(lit, &c.table_at, &c.alias)) return;
          c.table = c.table_at.value;
        } else if (!l.args.empty()) {
          return;
        }
      } else if (n == "From" || n == "Into") {
        if (l.args.size() != 1 || !table_argument(l.args[0], &lit) || !table_name(lit, &c.table_at, &c.alias) || !c.table.empty())
          return;
        c.table = c.table_at.value;
      } else if (n == "FromSelect" || n == "Prefix" || n == "PrefixExpr" || n == "Select" || n == "Options") {
        return;  // a subquery or a WITH clause: names may be the inner query's
      } else if (n.find("Join") != std::string_view::npos) {
        c.joined = true;
      } else if (n == "Columns" || n == "Column") {
        for (TSNode a : l.args)
          if (literal(a, &lit)) (c.head == "Select" ? selected.push_back(lit) : c.columns.push_back({lit, ".Columns(...)"}));
          else c.opaque = true;
      } else if (n == "Where" || n == "Having") {
        if (l.args.empty()) continue;
        if (literal(l.args[0], &lit)) {
          std::vector<std::pair<std::string, uint32_t>> cols;
          go::where_columns(lit.value, lit.at, &cols);
          for (auto& [col, at] : cols) c.columns.push_back({Name{col, at}, "." + std::string(n) + "(\"" + lit.value + "\")"});
        } else {
          std::vector<Name> keys;
          bool unknown = false;
          predicate_keys(l.args[0], &keys, &unknown);
          for (auto& k : keys) c.columns.push_back({k, "." + std::string(n) + "(" + alias_ + ".Eq{...})"});
        }
      } else if (n == "OrderBy" || n == "GroupBy") {
        for (TSNode a : l.args) {
          if (!literal(a, &lit)) continue;
          std::vector<std::pair<std::string, uint32_t>> cols;
          go::list_columns(lit.value, lit.at, n == "OrderBy", &cols);
          for (auto& [col, at] : cols) c.order.push_back({Name{col, at}, "." + std::string(n) + "(\"" + lit.value + "\")"});
        }
      } else if (n == "Set") {
        if (!l.args.empty() && literal(l.args[0], &lit)) c.columns.push_back({lit, ".Set(\"" + lit.value + "\", ...)"});
      } else if (n == "SetMap") {
        std::vector<Name> keys;
        if (!l.args.empty()) map_keys(l.args[0], &keys);
        for (auto& k : keys) c.columns.push_back({k, ".SetMap(...)"});
      }
    }
    if (c.table.empty()) return;
    for (const Name& s : selected) {
      std::string output;
      if (s.value == "*") continue;
      if (auto col = column_item(s, c, &output)) {
        c.columns.push_back({*col, "", true});
        c.outputs.insert(output);
      } else {
        c.outputs.clear();
        c.opaque = true;  // an expression: its output name is not known
      }
    }
    for (auto& [name, how] : c.order)
      if (!c.opaque && !c.outputs.count(name.value)) c.columns.push_back({name, how});
    emit(c, top, out);
  }

  void emit(const Chain& c, TSNode top, FileOutput* out) {
    go::UnitWriter w(in_, out, std::string(node_text(top, src_)));
    std::string rel = w.split(c.table).second;
    std::string via = "squirrel " + c.start + "." + c.head + "(...)";
    uint32_t at = c.table_at.at + static_cast<uint32_t>(c.table.size() - rel.size());
    w.relation(c.table, {at, at + static_cast<uint32_t>(rel.size())}, via + " queries table " + rel);
    requirements::Use use = c.head == "Select" || c.head == "Delete" ? requirements::Use::Read : requirements::Use::Write;
    std::set<std::pair<std::string, uint32_t>> seen;
    for (auto& [name, how, resolved] : c.columns) {
      auto col = resolved ? std::optional<Name>(name) : column_item(name, c);
      if (!col || !seen.insert({col->value, col->at}).second) continue;
      w.column(c.table, col->value, {col->at, static_cast<uint32_t>(col->at + col->value.size())}, use,
               via + how + " names column " + rel + "." + col->value);
    }
  }

  const FileInput& in_;
  std::string_view src_;
  std::string alias_;
  std::set<std::string> builders_;
  std::string dir_;
  std::vector<std::pair<std::string, std::string>> imports_;
};

/// Package-level `Name = "plain_name"` string constants of a Go file's text (in a `const (...)`
/// block or a `const Name = "..."` line), read without a tree.
std::vector<std::pair<std::string, std::string>> name_constants(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  bool block = false;
  for (size_t b = 0; b < text.size();) {
    size_t eol = text.find('\n', b);
    std::string_view line = text.substr(b, (eol == std::string_view::npos ? text.size() : eol) - b);
    b = eol == std::string_view::npos ? text.size() : eol + 1;
    if (line.starts_with("const (")) {
      block = true;
      continue;
    }
    if (block && line.starts_with(")")) {
      block = false;
      continue;
    }
    std::string_view l = line;
    if (l.starts_with("const ")) l.remove_prefix(6);
    else if (!block) continue;
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    size_t n = 0;
    while (n < l.size() && (std::isalnum(static_cast<unsigned char>(l[n])) || l[n] == '_')) ++n;
    if (n == 0 || std::isdigit(static_cast<unsigned char>(l[0]))) continue;
    std::string_view name = l.substr(0, n), rest = l.substr(n);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.starts_with("string")) rest.remove_prefix(6);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.starts_with("= \"")) continue;
    rest.remove_prefix(3);
    size_t q = rest.find('"');
    if (q == std::string_view::npos) continue;
    std::string_view value = rest.substr(0, q), after = rest.substr(q + 1);
    while (!after.empty() && after.back() == '\r') after.remove_suffix(1);
    while (!after.empty() && (after.front() == ' ' || after.front() == '\t')) after.remove_prefix(1);
    if (!after.empty() && !after.starts_with("//")) continue;
    std::string_view rel = value.substr(value.find('.') == std::string_view::npos ? 0 : value.find('.') + 1);
    if (!go::plain_name(rel) || (rel.size() != value.size() && !go::plain_name(value.substr(0, value.size() - rel.size() - 1))))
      continue;
    out.push_back({std::string(name), std::string(value)});
  }
  return out;
}

bool relevant(std::string_view text) { return text.find("Masterminds/squirrel") != std::string_view::npos; }

/// The package-level variables a file sets from StatementBuilder, read from its text: `var X =
/// sq.StatementBuilder...` at the start of a line, or `X = sq.StatementBuilder...` inside a
/// top-level `var (...)` block. The import's alias is the word before the import path, else
/// "squirrel".
void index_builder_variables(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view text = in.text;
  std::string alias = "squirrel";
  if (size_t at = text.find("Masterminds/squirrel"); at != std::string_view::npos) {
    size_t line = text.rfind('\n', at);
    std::string_view head = text.substr(line == std::string_view::npos ? 0 : line + 1);
    head = head.substr(0, head.find('"'));
    while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
    size_t b = head.size();
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(head[b - 1])) || head[b - 1] == '_')) --b;
    if (b < head.size() && head.substr(b) != "import") alias = std::string(head.substr(b));
  }
  std::string needle = alias + ".StatementBuilder";
  bool in_var_block = false;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.starts_with("var (")) { in_var_block = true; continue; }
    if (in_var_block && line.starts_with(")")) { in_var_block = false; continue; }
    size_t at = line.find(needle);
    if (at == std::string_view::npos) continue;
    std::string_view left = line.substr(0, at);
    size_t eq = left.rfind('=');
    if (eq == std::string_view::npos || (eq > 0 && left[eq - 1] == ':')) continue;
    left = left.substr(0, eq);
    if (line.starts_with("var ")) left = left.substr(4);
    else if (!in_var_block || !(line.starts_with("\t") || line.starts_with(" "))) continue;
    while (!left.empty() && (left.front() == ' ' || left.front() == '\t')) left.remove_prefix(1);
    while (!left.empty() && left.back() == ' ') left.remove_suffix(1);
    if (size_t sp = left.find(' '); sp != std::string_view::npos) left = left.substr(0, sp);  // var psql Type =
    if (!left.empty() && std::all_of(left.begin(), left.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
      out->emplace_back(package_key(in.path), std::string(left));
  }
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

/// Struct fields declared `Name squirrel.StatementBuilderType` (or `*sq.StatementBuilderType`), by a text scan.
std::vector<std::string> builder_fields(std::string_view text) {
  std::vector<std::string> out;
  static constexpr std::string_view kType = ".StatementBuilderType";
  for (size_t at = text.find(kType); at != std::string_view::npos; at = text.find(kType, at + 1)) {
    size_t bol = text.rfind('\n', at);
    bol = bol == std::string_view::npos ? 0 : bol + 1;
    std::string_view line = text.substr(bol, at - bol);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    size_t n = 0;
    while (n < line.size() && (std::isalnum(static_cast<unsigned char>(line[n])) || line[n] == '_')) ++n;
    if (n == 0 || n == line.size() || (line[n] != ' ' && line[n] != '\t')) continue;
    std::string_view type = line.substr(n);
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t' || type.front() == '*')) type.remove_prefix(1);
    bool alias = !type.empty();
    for (char c : type) alias = alias && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (alias) out.push_back(std::string(line.substr(0, n)));
  }
  return out;
}

/// The bodies `extract` reads: those holding a chain's head (Reader::chain). Its imports, its
/// builder variables and fields are read at the top level or from the text.
bool reads_body(std::string_view code) {
  return languages::go_calls_any(code, {"Select", "Insert", "Update", "Delete", "Replace"});
}

/// Any Go file may declare the constants a chain names its table with, or a builder field.
bool index_reads(std::string_view, std::string_view text) {
  return text.find("const ") != std::string_view::npos || text.find(".StatementBuilderType") != std::string_view::npos ||
         relevant(text);
}

/// Facts: "squirrel:model:<dir>/<Name>" = "const=<value>" for each plain-name string constant;
/// "squirrel:builder-field" = each field name of the builder's type; "squirrel-builders:<dir>" =
/// each package-level variable set from StatementBuilder.
void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (relevant(in.text)) index_builder_variables(in, out);
  std::string dir = go::folder(in.path);
  for (auto& [name, value] : name_constants(in.text))
    out->push_back({"squirrel:model:" + (dir.empty() ? name : dir + "/" + name), "const=" + value});
  for (auto& f : builder_fields(in.text)) out->push_back({"squirrel:builder-field", f});
}

}  // namespace

extern const DataLayer kSquirrel{.name = "squirrel",
                                 .languages = {"go"},
                                 .relevant = relevant,
                                 .extract = extract,
                                 .index = index,
                                 .index_reads = index_reads,
                                 .index_text_only = true,
                                 .reads_body = reads_body,
                                 .relevant_words = {"Masterminds/squirrel"},
                                 .index_words = {"const ", ".StatementBuilderType", "Masterminds/squirrel"}};

}  // namespace schemagate::datalayers
