// sqlx (Go, github.com/jmoiron/sqlx): a `SELECT *` scanned into a struct.
//
//   db.Get(&u, "SELECT * FROM users WHERE id = $1", id)      db.Select(&users, `SELECT * FROM users`)
//   db.GetContext(ctx, &u, q, ...)  sqlx.Get(db, &u, q, ...)  db.QueryRowx(q, ...).StructScan(&u)
//
// sqlx places each returned column in the field whose `db:"name"` tag (or, untagged, whose
// lower-cased name) is the column's, and fails the call on a column no field takes ("missing
// destination name x in *User"); a field no column fills keeps its zero value without a word.
// So a `SELECT *` of a table needs a field for every column of the table, and a migration that
// adds a column breaks every such scan of the running code until a struct with that field is
// deployed: a ScanDestination requirement that breaks-running-code judges at deploy time. It is
// not a site of its own: the statement is one already (the SQL extractor reads it).
//
// The other way round, a field whose column the table lacks, is no requirement: sqlx leaves it
// at its zero value, and the same struct often serves other queries (a join) that fill it.
//
// Precision: only when the struct's fields are certain. Embedded structs are flattened from this
// file or, through the project's facts, from another file; an embedded struct that cannot be
// read, or one with a db tag (its fields become "prefix.name"), leaves the struct out. A
// project that changes sqlx's mapping (`MapperFunc`, `NameMapper`, reflectx) or turns the check
// off (`Unsafe()`) has no such requirement at all. The statement must be exactly `SELECT * FROM
// t` with one table and no join, set operation or second statement: a string literal of the call, or
// a `const` of the file.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

constexpr std::string_view kImport = "github.com/jmoiron/sqlx";

/// Whether the text changes how sqlx maps columns to fields, or stops it from failing on a
/// column without one.
bool changes_mapping(std::string_view text) {
  for (std::string_view s : {".Unsafe()", ".MapperFunc(", "sqlx.NameMapper", "reflectx.", ".Mapper ="})
    if (text.find(s) != std::string_view::npos) return true;
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// A struct's fields as sqlx maps them: "col=<name>" for a field, "embed=<type>" for an
/// untagged embedded struct, "opaque" for what cannot be told.
std::vector<std::string> struct_entries(TSNode st, std::string_view src) {
  std::vector<std::string> out;
  for (const go::Field& f : go::fields(st, src)) {
    auto tag = go::tag_value(f.tag, "db", src);
    if (!ts_node_is_null(f.tag) && !tag && node_text(f.tag, src).find("db:") != std::string_view::npos)
      out.push_back("opaque");  // an interpreted tag literal, not read
    std::string_view name = tag ? tag->value.substr(0, tag->value.find(',')) : std::string_view{};
    if (name == "-") continue;
    if (f.names.empty()) {
      // Embedded: its fields are promoted, or prefixed "name." under a tag of its own.
      if (!name.empty()) out.push_back("opaque");
      else out.push_back("embed=" + std::string(f.type_text));
      continue;
    }
    for (TSNode n : f.names) {
      std::string_view fname = node_text(n, src);
      if (fname.empty() || !std::isupper(static_cast<unsigned char>(fname[0]))) continue;  // unexported: not mapped
      out.push_back("col=" + (name.empty() ? lower(fname) : std::string(name)));
    }
  }
  return out;
}

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text), decl_(go::declarations(in.root, in.text)) {
    dir_ = go::folder(in.path);
    for (size_t i = 0; i < decl_.structs.size(); ++i) structs_[decl_.structs[i].first] = i;
    for (auto& [name, path] : decl_.imports)
      if (path == kImport) alias_ = name;
  }

  void index(std::vector<std::pair<std::string, std::string>>* out) {
    if (!alias_.empty()) out->push_back({"sqlx:package", dir_});
    if (changes_mapping(src_)) out->push_back({"sqlx:mapping", std::string(in_.path)});
    if (src_.find("db:\"") == std::string_view::npos) return;
    for (auto& [name, type] : decl_.structs) {
      std::string key = "sqlx:model:" + (dir_.empty() ? name : dir_ + "/" + name);
      for (auto& e : struct_entries(type, src_)) out->push_back({key, e});
    }
  }

  void run(FileOutput* out) {
    if (!uses_sqlx() || changes_mapping(src_)) return;
    if (in_.facts && in_.facts->count("sqlx:mapping")) return;
    scan(in_.root, out);
  }

 private:
  bool uses_sqlx() const {
    if (!alias_.empty()) return true;
    if (!in_.facts) return false;
    auto it = in_.facts->find("sqlx:package");
    return it != in_.facts->end() && std::find(it->second.begin(), it->second.end(), dir_) != it->second.end();
  }

  void scan(TSNode n, FileOutput* out) {
    if (node_is(n, "call_expression")) call(n, out);
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) scan(ts_node_named_child(n, i), out);
  }

  /// The columns of struct `type` ("T" or "pkg.T"), or nullopt when not certain.
  std::optional<std::set<std::string>> columns(const std::string& type, int depth) const {
    if (depth > 4 || type.empty()) return std::nullopt;
    std::vector<std::string> entries;
    bool here = false;
    if (auto it = structs_.find(type); it != structs_.end()) {
      entries = struct_entries(decl_.structs[it->second].second, src_);
      here = true;
    } else if (auto facts = go::model_fact(in_.facts, "sqlx", dir_, decl_.imports, type)) {
      entries = *facts;
    } else {
      return std::nullopt;
    }
    std::set<std::string> out;
    for (auto& e : entries) {
      if (e.starts_with("col=")) {
        out.insert(e.substr(4));
      } else if (e.starts_with("embed=")) {
        std::string inner = e.substr(6);
        // An embedded type of another file: "X" is of that struct's package ("pkg.X" seen from
        // here); "pkg.X" is named by that file's imports, which this file may not share.
        if (!here && inner.find('.') != std::string::npos) return std::nullopt;
        if (!here && type.find('.') != std::string::npos) inner = type.substr(0, type.find('.') + 1) + inner;
        auto more = columns(inner, depth + 1);
        if (!more) return std::nullopt;
        out.insert(more->begin(), more->end());
      } else {
        return std::nullopt;
      }
    }
    if (out.empty()) return std::nullopt;
    return out;
  }

  /// The literal a package-level `const name = "..."` of this file gives, or a null node.
  TSNode constant(std::string_view name) const {
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode decl = ts_node_named_child(in_.root, i);
      if (!node_is(decl, "const_declaration")) continue;
      for (uint32_t j = 0; j < ts_node_named_child_count(decl); ++j) {
        TSNode spec = ts_node_named_child(decl, j);
        if (!node_is(spec, "const_spec")) continue;
        TSNode n = field(spec, "name"), v = field(spec, "value");
        if (ts_node_is_null(n) || ts_node_is_null(v) || node_text(n, src_) != name) continue;
        if (ts_node_named_child_count(v) != 1) return TSNode{};
        return ts_node_named_child(v, 0);
      }
    }
    return TSNode{};
  }

  /// `SELECT * FROM t [alias] [WHERE ... | ORDER ... | LIMIT ... | ...]`: the table's name and
  /// its offset in `sql`; false for any other statement.
  static bool select_star(std::string_view sql, std::string* table, size_t* table_at) {
    struct Token {
      std::string text;  ///< lower-cased word, or the symbol
      size_t at;
    };
    std::vector<Token> toks;
    for (size_t i = 0; i < sql.size();) {
      char c = sql[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
        while (i < sql.size() && sql[i] != '\n') ++i;
      } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        size_t b = i;
        while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) ++i;
        toks.push_back({lower(sql.substr(b, i - b)), b});
      } else if (c == '"' || c == '\'') {
        size_t b = i++;
        while (i < sql.size() && sql[i] != c) ++i;
        if (i == sql.size()) return false;
        ++i;
        toks.push_back({c == '"' ? "\"" : "'", b});
      } else {
        toks.push_back({std::string(1, c), i});
        ++i;
      }
    }
    while (!toks.empty() && toks.back().text == ";") toks.pop_back();
    for (auto& t : toks)
      if (t.text == "union" || t.text == "intersect" || t.text == "except" || t.text == "join" || t.text == ";" ||
          t.text == ",")
        return false;
    if (toks.size() < 4 || toks[0].text != "select" || toks[1].text != "*" || toks[2].text != "from") return false;
    size_t i = 3;
    auto word = [&](size_t k) {
      return k < toks.size() && (std::isalpha(static_cast<unsigned char>(toks[k].text[0])) || toks[k].text[0] == '_');
    };
    if (!word(i)) return false;
    *table = toks[i].text;
    *table_at = toks[i].at;
    ++i;
    if (i < toks.size() && toks[i].text == ".") {  // schema.table
      if (!word(i + 1)) return false;
      *table += "." + toks[i + 1].text;
      i += 2;
    }
    static const std::set<std::string> kAfter = {"where", "order", "limit", "offset", "for", "fetch"};
    if (i < toks.size() && !kAfter.count(toks[i].text)) {
      if (toks[i].text == "as") ++i;
      if (i >= toks.size() || !std::isalpha(static_cast<unsigned char>(toks[i].text[0]))) return false;
      ++i;  // the alias
    }
    return i == toks.size() || kAfter.count(toks[i].text);
  }

  void call(TSNode n, FileOutput* out) {
    TSNode fn = field(n, "function");
    if (!node_is(fn, "selector_expression")) return;
    std::string_view method = node_text(field(fn, "field"), src_);
    TSNode operand = field(fn, "operand");
    bool package = !alias_.empty() && node_is(operand, "identifier") && node_text(operand, src_) == alias_;
    std::vector<TSNode> args = go::arguments(n);
    size_t dest = SIZE_MAX, query = SIZE_MAX;
    if (method == "Get" || method == "Select") dest = package ? 1 : 0;
    else if (method == "GetContext" || method == "SelectContext") dest = package ? 2 : 1;
    if (dest != SIZE_MAX) query = dest + 1;
    TSNode query_node{};
    if (method == "StructScan" && !package && args.size() == 1 && node_is(operand, "call_expression")) {
      // db.QueryRowx(q, ...).StructScan(&u)
      TSNode inner = field(operand, "function");
      if (!node_is(inner, "selector_expression")) return;
      std::string_view m = node_text(field(inner, "field"), src_);
      std::vector<TSNode> inner_args = go::arguments(operand);
      size_t q = m == "QueryRowx" ? 0 : m == "QueryRowxContext" ? 1 : SIZE_MAX;
      if (q == SIZE_MAX || q >= inner_args.size()) return;
      query_node = inner_args[q];
      dest = 0;
    } else {
      if (dest == SIZE_MAX || query >= args.size()) return;
      query_node = args[query];
    }
    if (dest >= args.size()) return;
    std::string_view sql;
    uint32_t sql_at;
    if (node_is(query_node, "identifier")) query_node = constant(node_text(query_node, src_));
    if (ts_node_is_null(query_node) || !go::literal(query_node, src_, &sql, &sql_at)) return;
    std::string table;
    size_t table_at;
    if (!select_star(sql, &table, &table_at)) return;
    // The destination: a struct, or a slice of them (Select).
    TSNode d = args[dest];
    if (!node_is(d, "unary_expression") || node_text(field(d, "operator"), src_) != "&") {
      if (!node_is(d, "identifier")) return;
    }
    std::string type = go::value_type(d, src_);
    auto cols = columns(type, 0);
    if (!cols) return;
    go::UnitWriter w(in_, out, std::string(node_text(n, src_)));
    requirements::Requirement r;
    r.object = requirements::Object::ScanDestination;
    std::tie(r.schema, r.relation) = w.split(table);
    r.key_columns.assign(cols->begin(), cols->end());
    r.destination = type;
    r.span = {sql_at + static_cast<uint32_t>(table_at), sql_at + static_cast<uint32_t>(table_at + table.size())};
    r.unit = w.open();
    r.describe = "sqlx " + std::string(method) + " scans SELECT * of " + table + " into " + type +
                 ": every column of " + table + " needs a field of " + type;
    out->requirements.requirements.push_back(std::move(r));
  }

  const FileInput& in_;
  std::string_view src_;
  go::Declarations decl_;
  std::string dir_, alias_;
  std::map<std::string, size_t> structs_;
};

bool relevant(std::string_view text) { return text.find(kImport) != std::string_view::npos; }

/// A file of a package that imports sqlx in another file may call it through a field of that file.
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  if (relevant(text)) return true;
  if (!facts || !facts->count("sqlx:package")) return false;
  if (text.find("SELECT *") == std::string_view::npos && text.find("select *") == std::string_view::npos) return false;
  // Only a call that scans (Reader::call): Get, Select, their Context forms, StructScan.
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::string_view name : {"Get", "Select", "GetContext", "SelectContext", "StructScan"})
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
      size_t k = at + name.size();
      if (at > 0 && word(text[at - 1])) continue;
      while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
      if (k < text.size() && text[k] == '(') return true;
    }
  return false;
}

/// The bodies whose calls `extract` reads: the site gate keeps those calling Get and Select with
/// their SQL (database calls); a StructScan of a QueryRowx is none.
bool reads_body(std::string_view code) { return languages::go_calls_any(code, {"StructScan"}); }

bool index_reads(std::string_view, std::string_view text) {
  return relevant(text) || text.find("db:\"") != std::string_view::npos || changes_mapping(text);
}

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).index(out);
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

}  // namespace

extern const DataLayer kSqlx{.name = "sqlx",
                             .languages = {"go"},
                             .relevant = relevant,
                             .extract = extract,
                             .index = index,
                             .index_reads = index_reads,
                             .relevant_in = relevant_in,
                             .reads_body = reads_body,
                             .relevant_words = {kImport},
                             .relevant_in_words = {kImport, "SELECT *", "select *"},
                             .index_words = {kImport, "db:\"", ".Unsafe()", ".MapperFunc(", "sqlx.NameMapper", "reflectx.", ".Mapper ="}};

}  // namespace schemagate::datalayers
