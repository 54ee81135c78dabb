// bun's Go migrations (github.com/uptrace/bun/migrate): a package holds one file per migration,
// named <version>_<name>.go (digits, then the comment), each registering its up function,
//   func init() { Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {...}, down) }
// bun names the migration after the file that registers it and runs them in name order,
// recording each version in bun_migrations(name); SQL files of the folder, <version>_<name>.up.sql
// (Migrations.Discover of an embedded folder), run in the same order; a folder of SQL files that
// a Go file hands to Discover is bun's too (tracked in bun_migrations, not golang-migrate's table). Each Go file is one MigrationFile, read by
// code/go_code.h (the SQL its Exec calls run, in order); this file adds what bun writes itself:
//   NewCreateTable().Model(&T{})     CREATE TABLE t (the model's columns, as bun maps them)
//   NewAddColumn().ColumnExpr("c x") ALTER TABLE t ADD COLUMN IF NOT EXISTS c x
//   NewDropColumn().Column("c")      ALTER TABLE t DROP COLUMN IF EXISTS c
//   ModelTableExpr("t2").Model(&T{})  the model's columns in table t2
//   NewDropTable(), NewCreateIndex(), NewDropIndex()
//   ExecContext(ctx, "... ? ...", bun.Ident("t"))  the statement with the identifiers in place
// A model is a struct of the migration's function, of the package, or of the package its import
// path names (a frozen copy beside the migration, or the application's current models: what bun
// creates on a fresh database); its table is `table:` of its bun.BaseModel tag, else bun's plural
// (bun_naming.h). A column may already exist when an older release created the table from an
// older model, so bun migrations add columns and indexes if they are missing: IF NOT EXISTS,
// never a failure of the model's making. NewSelect/Insert/Update/Delete chains move rows and
// change no schema. Anything else (a model that cannot be found, a table named at run time, a
// builder option that changes the statement) is an unknown step: the model's table becomes
// uncertain, never assumed created or dropped.
#include <algorithm>
#include <cctype>
#include <deque>
#include <memory>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/bun_naming.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/tracking_layout.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/gated_read.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using languages::field;
using languages::node_is;
namespace gm = datalayers::go;

/// `<digits>_<comment>.go`, as bun's migrate reads a migration's name from its file.
bool migration_name(std::string_view file, std::string* version, std::string* comment) {
  if (!file.ends_with(".go") || file.ends_with("_test.go")) return false;
  size_t i = 0;
  while (i < file.size() && std::isdigit(static_cast<unsigned char>(file[i]))) ++i;
  if (i == 0 || i > 14 || i >= file.size() || file[i] != '_') return false;
  *version = std::string(file.substr(0, i));
  *comment = std::string(file.substr(i + 1, file.size() - i - 4));
  return true;
}

const source::TextGate kMayRegister{{{"uptrace/bun"}, {"Register("}}};

/// The up function the file registers (`Migrations.MustRegister(up, down)`): a func literal, a
/// top-level function, or a local `up := func(...)` of the function around the call.
TSNode registered_up(const GoMigrationCode& go, uint32_t* at) {
  std::vector<TSNode> stack{go.root()};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "call_expression")) {
      TSNode fn = field(n, "function");
      std::string_view name = node_is(fn, "selector_expression") ? go.node_text(field(fn, "field")) : "";
      std::vector<TSNode> args = gm::arguments(n);
      if ((name == "Register" || name == "MustRegister") && args.size() == 2) {
        *at = ts_node_start_byte(n);
        TSNode up = go.upgrade_function(args[0]);
        if (!ts_node_is_null(up) || !node_is(args[0], "identifier")) return up;
        std::string_view local = go.node_text(args[0]);
        for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
          if (!node_is(p, "function_declaration") && !node_is(p, "func_literal")) continue;
          std::vector<TSNode> inner{field(p, "body")};
          while (!inner.empty()) {
            TSNode d = inner.back();
            inner.pop_back();
            if (ts_node_is_null(d)) continue;
            if (node_is(d, "short_var_declaration") && go.node_text(field(d, "left")) == local) {
              TSNode right = languages::first_named_child(field(d, "right"));
              if (node_is(right, "func_literal")) return right;
            }
            if (!node_is(d, "func_literal"))
              for (uint32_t i = 0; i < ts_node_named_child_count(d); ++i) inner.push_back(ts_node_named_child(d, i));
          }
          break;
        }
        return TSNode{};
      }
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  return TSNode{};
}

const GoListTest kRegisters{&kMayRegister, [](const GoMigrationCode& go) {
                                  uint32_t at = 0;
                                  return !ts_node_is_null(registered_up(go, &at));
                                }};

/// The migration files of `dir`: (file, version, comment) in name order.
struct Entry {
  std::string file, version, comment;
};
std::vector<Entry> entries(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<Entry> out;
  for (const std::string& f : go_files(fs, root, dir)) {
    Entry e{f, "", ""};
    if (migration_name(f, &e.version, &e.comment)) out.push_back(std::move(e));
  }
  return out;
}

/// A file of the folder that hands bun an embedded folder of SQL files (`//go:embed *.sql` and
/// `Migrations.Discover(sqlMigrations)`).
const source::TextGate kMayDiscover{{{"uptrace/bun/migrate"}, {".Discover("}, {"//go:embed"}}};
const GoListTest kDiscovers{&kMayDiscover, [](const GoMigrationCode&) { return true; }};

/// `<version>_<name>.up.sql` or `.tx.up.sql`: the version and comment.
bool sql_migration_name(std::string_view f, std::string* version, std::string* comment) {
  size_t suffix = f.ends_with(".tx.up.sql") ? 10 : f.ends_with(".up.sql") ? 7 : 0;
  return suffix != 0 && migration_name(std::string(f.substr(0, f.size() - suffix)) + ".go", version, comment);
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (!go_list_file(fs, root, dir, kDiscovers).empty())
    for (const source::DirEntry& d : fs.list(on_disk(root, dir))) {
      std::string version, comment;
      if (!d.is_dir && sql_migration_name(d.name, &version, &comment)) return true;
    }
  for (const Entry& e : entries(fs, root, dir)) {
    std::string path = source::join_path(dir, e.file), text, err;
    if (!source::read_if(fs, on_disk(root, path), kMayRegister, &text, &err)) continue;
    GoMigrationCode go(path, text, nullptr);
    if (go.ok() && kRegisters.holds(go)) return true;
  }
  return false;
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::set<std::string> out;
  for (const GoListTest& test : {kRegisters, kDiscovers})
    for (std::string& d : go_list_dirs(fs, root, test))
      if (detect(fs, root, d)) out.insert(std::move(d));
  return {out.begin(), out.end()};
}

/// Go files of model packages, parsed once for every migration of the folder.
struct ParsedPackages {
  std::deque<std::string> texts, paths;
  std::vector<std::unique_ptr<GoMigrationCode>> files;
  std::map<std::string, std::vector<const GoMigrationCode*>> by_dir;
  std::map<const GoMigrationCode*, std::string> dir_of;
};

/// The statements bun's query builders write, for the Exec calls of one migration file.
class BunWriter {
  struct Struct {
    const GoMigrationCode* go = nullptr;
    TSNode type{};
  };

 public:
  BunWriter(const source::FileSystem& fs, std::string root, std::string dir, const GoMigrationCode& go,
            ParsedPackages* parsed)
      : fs_(fs), root_(std::move(root)), dir_(std::move(dir)), go_(go), parsed_(*parsed) {}

  /// GoMigrationCode's chain reader. A call inside loops over literal lists (`for index, columns
  /// := range map[string][]string{...}`, `for _, spec := range []spec{{table: "t", ...}}`) runs
  /// once per element, its loop variables standing for the element's values; when one element
  /// cannot be read, the call is read once with nothing bound.
  bool read(TSNode call, GoMigrationCode::Steps* out) {
    std::vector<Bindings> each = loop_bindings(call);
    if (each.empty()) return read_one(call, out);
    GeneratedSql before = out->sql;
    for (Bindings& b : each) {
      bound_ = std::move(b);
      if (!read_one(call, out)) {
        out->sql = before;
        bound_.clear();
        return read_one(call, out);
      }
    }
    bound_.clear();
    return true;
  }

 private:
  /// A loop variable's value: an element of a literal list (its key, or its value), and the
  /// struct type of the element when it is one (for `spec.table` of a positional element).
  struct Bound {
    TSNode value{};
    TSNode type{};         ///< the element's declared type (for a nested literal without one)
    TSNode struct_type{};
  };
  using Bindings = std::map<std::string, Bound, std::less<>>;

  /// The expression an argument stands for under the current bindings: a bound loop variable's
  /// element, or the field of one (`spec.table`); the argument itself otherwise.
  TSNode value_of(TSNode n) const {
    while (node_is(n, "parenthesized_expression")) n = languages::first_named_child(n);
    if (node_is(n, "identifier")) {
      auto it = bound_.find(go_.node_text(n));
      if (it != bound_.end()) return it->second.value;
      TSNode lit = local_string(n);
      return ts_node_is_null(lit) ? n : lit;
    }
    if (!node_is(n, "selector_expression")) return n;
    TSNode operand = field(n, "operand");
    auto it = node_is(operand, "identifier") ? bound_.find(go_.node_text(operand)) : bound_.end();
    if (it == bound_.end() || !node_is(it->second.value, "literal_value")) return n;
    std::string_view name = go_.node_text(field(n, "field"));
    // Keyed ({table: "t"}) or positional, in the order of the struct's fields.
    std::vector<std::string_view> order;
    if (!ts_node_is_null(it->second.struct_type))
      for (const gm::Field& f : gm::fields(it->second.struct_type, go_.text()))
        for (TSNode fname : f.names) order.push_back(go_.node_text(fname));
    TSNode lit = it->second.value;
    size_t pos = 0;
    for (uint32_t i = 0; i < ts_node_named_child_count(lit); ++i) {
      TSNode e = ts_node_named_child(lit, i);
      if (node_is(e, "comment")) continue;
      if (node_is(e, "keyed_element")) {
        if (go_.node_text(languages::first_named_child(field(e, "key"))) == name)
          return languages::first_named_child(field(e, "value"));
      } else if (pos < order.size() && order[pos++] == name) {
        return languages::first_named_child(e);
      }
    }
    return n;
  }

  /// The arguments with loop variables replaced; `cols...` of a bound list spreads its elements.
  std::vector<TSNode> expand(const std::vector<TSNode>& args) const {
    std::vector<TSNode> out;
    for (TSNode a : args) {
      if (node_is(a, "variadic_argument")) {
        TSNode v = value_of(languages::first_named_child(a));
        TSNode list = node_is(v, "composite_literal") ? field(v, "body") : v;
        if (!node_is(list, "literal_value")) {
          out.push_back(a);
          continue;
        }
        for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
          TSNode e = ts_node_named_child(list, i);
          if (node_is(e, "literal_element")) out.push_back(languages::first_named_child(e));
          else if (!node_is(e, "comment")) out.push_back(a);  // keyed: not a list
        }
      } else {
        out.push_back(value_of(a));
      }
    }
    return out;
  }

  /// One binding of the loop variables per element of the literal lists the loops around `call`
  /// range over (within its function), outer loops first, every combination of nested loops (an
  /// inner loop may range over the outer one's element: `for table, indexes := range
  /// map[string]map[string][]string{...} { for index, columns := range indexes {`); empty when no
  /// loop around it ranges over a literal, or when there would be too many.
  std::vector<Bindings> loop_bindings(TSNode call) const {
    std::vector<TSNode> loops;
    for (TSNode p = ts_node_parent(call); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (node_is(p, "function_declaration") || node_is(p, "func_literal")) break;
      if (node_is(p, "for_statement")) loops.insert(loops.begin(), p);
    }
    std::vector<Bindings> all{Bindings{}};
    bool any = false;
    for (TSNode p : loops) {
      TSNode range{};
      for (uint32_t i = 0; i < ts_node_named_child_count(p); ++i)
        if (node_is(ts_node_named_child(p, i), "range_clause")) range = ts_node_named_child(p, i);
      if (ts_node_is_null(range)) continue;
      std::vector<std::string_view> names;
      TSNode left = field(range, "left");
      for (uint32_t i = 0; i < ts_node_named_child_count(left); ++i) names.push_back(go_.node_text(ts_node_named_child(left, i)));
      if (names.empty() || names.size() > 2) continue;
      TSNode list = field(range, "right");
      std::vector<Bindings> next;
      bool read = true;
      for (const Bindings& b : all) {
        // The list: a literal, a local one, or the bound element of an outer loop.
        TSNode body{}, type{};
        if (node_is(list, "composite_literal")) {
          body = field(list, "body"), type = field(list, "type");
        } else if (node_is(list, "identifier")) {
          auto it = b.find(go_.node_text(list));
          if (it != b.end() && node_is(it->second.value, "literal_value")) {
            body = it->second.value, type = it->second.type;
          } else if (it != b.end() && node_is(it->second.value, "composite_literal")) {
            body = field(it->second.value, "body"), type = field(it->second.value, "type");
          } else if (it == b.end()) {
            TSNode lit = local_literal(p, go_.node_text(list));
            if (!ts_node_is_null(lit)) body = field(lit, "body"), type = field(lit, "type");
          }
        }
        if (ts_node_is_null(body) || ts_node_is_null(type)) {
          read = false;
          break;
        }
        bool is_map = node_is(type, "map_type");
        if (!is_map && !node_is(type, "slice_type") && !node_is(type, "array_type")) {
          read = false;
          break;
        }
        TSNode key_type = is_map ? field(type, "key") : TSNode{};
        TSNode elem = field(type, is_map ? "value" : "element");
        for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
          TSNode e = ts_node_named_child(body, i);
          if (node_is(e, "comment")) continue;
          TSNode key{}, value{};
          if (node_is(e, "keyed_element")) {
            key = languages::first_named_child(field(e, "key"));
            value = languages::first_named_child(field(e, "value"));
          } else {
            value = languages::first_named_child(e);
          }
          Bindings with = b;
          if (names[0] != "_" && is_map) with[std::string(names[0])] = Bound{key, key_type, TSNode{}};
          if (names.size() == 2 && names[1] != "_") with[std::string(names[1])] = Bound{value, elem, struct_of(elem, p)};
          next.push_back(std::move(with));
          if (next.size() > 256) return {};
        }
      }
      if (!read) continue;
      all = std::move(next);
      any = true;
    }
    return any ? all : std::vector<Bindings>{};
  }

  /// The struct type a list's element type names: a struct type, or a type declared in a
  /// function around `from` or in the file.
  TSNode struct_of(TSNode type, TSNode from) const {
    if (node_is(type, "struct_type")) return type;
    if (!node_is(type, "type_identifier")) return TSNode{};
    for (TSNode q = from; !ts_node_is_null(q); q = ts_node_parent(q)) {
      bool file = node_is(q, "source_file");
      if (!file && !node_is(q, "function_declaration") && !node_is(q, "func_literal")) continue;
      TSNode spec = type_spec(go_, file ? q : field(q, "body"), go_.node_text(type), !file);
      if (!ts_node_is_null(spec) && node_is(field(spec, "type"), "struct_type")) return field(spec, "type");
    }
    return TSNode{};
  }

  /// The string literal a local variable holds when the functions around `use` declare it once
  /// from a literal (`tableName := "lists"`, `const t = "x"`) and never assign it again.
  TSNode local_string(TSNode use) const {
    std::string_view name = go_.node_text(use);
    TSNode found{};
    int writes = 0;
    // The top-level declaration around the use, and the file's constants and variables.
    TSNode top = use;
    while (!ts_node_is_null(ts_node_parent(top)) && !node_is(ts_node_parent(top), "source_file")) top = ts_node_parent(top);
    std::vector<TSNode> stack{top};
    for (uint32_t i = 0; i < ts_node_named_child_count(go_.root()); ++i) {
      TSNode d = ts_node_named_child(go_.root(), i);
      if ((node_is(d, "const_declaration") || node_is(d, "var_declaration")) && !ts_node_eq(d, top)) stack.push_back(d);
    }
    while (!stack.empty()) {
      TSNode d = stack.back();
      stack.pop_back();
      if (ts_node_is_null(d)) continue;
      // A parameter or a range variable of that name: its value is not one literal.
      if (node_is(d, "parameter_declaration") || node_is(d, "range_clause")) {
        TSNode names = node_is(d, "range_clause") ? field(d, "left") : d;
        for (uint32_t i = 0; i < ts_node_named_child_count(names); ++i)
          if (go_.node_text(ts_node_named_child(names, i)) == name) writes += 2;
      }
      bool decl = node_is(d, "short_var_declaration") || node_is(d, "assignment_statement");
      bool spec = node_is(d, "var_spec") || node_is(d, "const_spec");
      if (decl || spec) {
        TSNode left = field(d, decl ? "left" : "name");
        TSNode right = field(d, decl ? "right" : "value");
        bool names_it = false;
        if (spec) names_it = go_.node_text(left) == name;
        else
          for (uint32_t i = 0; i < ts_node_named_child_count(left); ++i)
            names_it |= go_.node_text(ts_node_named_child(left, i)) == name;
        if (names_it) {
          ++writes;
          if (!ts_node_is_null(right) && ts_node_named_child_count(right) == 1) found = ts_node_named_child(right, 0);
          else found = TSNode{};
        }
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(d); ++i) stack.push_back(ts_node_named_child(d, i));
    }
    std::string_view text;
    uint32_t at;
    return writes == 1 && !ts_node_is_null(found) && gm::literal(found, go_.text(), &text, &at) ? found : TSNode{};
  }

  /// A builder built in steps: `q := tx.NewAddColumn().Model(&T{})`, then `q = q.ColumnExpr(...)`
  /// (under `case dialect.PG:` of a switch on the dialect, or unconditionally), then `q.Exec(ctx)`:
  /// the links of the declaration, of each assignment PostgreSQL runs, then `links`. An
  /// assignment under another condition adds a link no builder knows (the statement is unknown,
  /// its table is not). `links` unchanged when `q` is not declared so in the function.
  std::vector<gm::Link> built_in_steps(TSNode var, TSNode call, std::vector<gm::Link> links) const {
    std::string_view name = go_.node_text(var);
    TSNode fn = call;
    while (!ts_node_is_null(fn) && !node_is(fn, "function_declaration") && !node_is(fn, "func_literal")) fn = ts_node_parent(fn);
    if (ts_node_is_null(fn)) return links;
    TSNode decl{};
    std::vector<TSNode> assigns;
    std::vector<TSNode> stack{field(fn, "body")};
    while (!stack.empty()) {
      TSNode d = stack.back();
      stack.pop_back();
      if (ts_node_is_null(d) || ts_node_start_byte(d) >= ts_node_start_byte(call)) continue;
      bool short_decl = node_is(d, "short_var_declaration");
      if ((short_decl || node_is(d, "assignment_statement")) && go_.node_text(field(d, "left")) == name) {
        if (short_decl) decl = d;
        else assigns.push_back(d);
      }
      if (!node_is(d, "func_literal"))
        for (uint32_t i = 0; i < ts_node_named_child_count(d); ++i) stack.push_back(ts_node_named_child(d, i));
    }
    if (ts_node_is_null(decl)) return links;
    TSNode first = languages::first_named_child(field(decl, "right"));
    if (!node_is(first, "call_expression")) return links;
    std::vector<gm::Link> out = gm::chain(first, go_.text());
    std::sort(assigns.begin(), assigns.end(),
              [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
    for (TSNode a : assigns) {
      if (ts_node_start_byte(a) < ts_node_end_byte(decl)) continue;
      TSNode right = languages::first_named_child(field(a, "right"));
      TSNode recv{};
      std::vector<gm::Link> more = node_is(right, "call_expression") ? gm::chain(right, go_.text(), &recv) : std::vector<gm::Link>{};
      bool runs = true, known = !more.empty() && go_.node_text(recv) == name;
      for (TSNode p = ts_node_parent(a); known && !ts_node_eq(p, ts_node_parent(decl)); p = ts_node_parent(p)) {
        if (node_is(p, "block") || node_is(p, "expression_switch_statement")) continue;
        if (node_is(p, "expression_case")) {
          std::string_view value = go_.node_text(field(p, "value"));
          if (value.find("dialect.PG") != std::string_view::npos) continue;
          if (value.find("dialect.") != std::string_view::npos) runs = false;  // SQLite's, MySQL's...
          else known = false;
        } else if (node_is(p, "default_case")) {
          // Taken on PostgreSQL only when no case names it.
          std::string_view sw = go_.node_text(ts_node_parent(p));
          if (sw.find("dialect.PG") != std::string_view::npos) runs = false;
          else known = false;
        } else {
          known = false;  // if, for: a condition of the run
        }
      }
      if (!known) {
        out.push_back(gm::Link{"?", {}, a});
        continue;
      }
      if (runs) out.insert(out.end(), more.begin(), more.end());
    }
    out.insert(out.end(), links.begin(), links.end());
    return out;
  }

  /// One reading of the chain ending in `call`, under the current bindings.
  bool read_one(TSNode call, GoMigrationCode::Steps* out) {
    TSNode receiver{};
    std::vector<gm::Link> links = gm::chain(call, go_.text(), &receiver);
    if (node_is(receiver, "identifier")) links = built_in_steps(receiver, call, std::move(links));
    for (gm::Link& l : links) l.args = expand(l.args);
    chain_tables_.clear();
    size_t start = links.size();
    for (size_t i = 0; i < links.size(); ++i)
      if (links[i].name.starts_with("New")) start = i;
    if (start == links.size()) return formatted(call, out);
    std::string_view verb = links[start].name;
    if (verb == "NewRaw") {  // NewRaw("ALTER TABLE ? ...", bun.Ident("t")).Exec(ctx)
      std::optional<std::string> sql = format(links[start].args, 0);
      if (!sql || start + 2 != links.size()) return names_given(links[start].args, 0, "NewRaw", call, out);
      out->sql.emit(*sql, ts_node_start_byte(call));
      return true;
    }
    if (verb == "NewSelect" || verb == "NewInsert" || verb == "NewUpdate" || verb == "NewDelete") return true;
    std::vector<gm::Link> rest(links.begin() + static_cast<long>(start) + 1, links.end());
    // The tables the chain names: Table("t"), or Model(x) for each model x stands for.
    std::vector<std::string> tables;
    std::vector<Struct> structs;
    std::vector<std::string> unknown_models;
    std::set<std::string_view> flags;
    std::vector<const gm::Link*> others;
    std::optional<std::string> table_expr;
    for (const gm::Link& l : rest) {
      if (l.name == "Model" && l.args.size() == 1) {
        std::vector<std::string> types = model_types(l.args[0]);
        if (types.empty()) unknown_models.push_back("");
        for (const std::string& type : types) {
          const Struct st = find_struct(type, call);
          if (!st.go) {
            unknown_models.push_back(type);
            continue;
          }
          std::optional<std::string> t = table_of(st, type);
          if (!t) unknown_models.push_back(type);
          else tables.push_back(*t), structs.push_back(st);
        }
      } else if (l.name == "ModelTableExpr" && l.args.size() == 1) {  // the model's columns, this table
        std::string_view t;
        uint32_t at;
        if (!gm::literal(l.args[0], go_.text(), &t, &at) || !gm::plain_name(t) || table_expr) return give_up(unknown_models, call, out);
        table_expr = std::string(t);
      } else if ((l.name == "Table" || l.name == "TableExpr") && l.args.size() == 1) {
        std::string_view t;
        uint32_t at;
        if (!gm::literal(l.args[0], go_.text(), &t, &at) || !gm::plain_name(t)) return give_up(unknown_models, call, out);
        tables.push_back(std::string(t));
        structs.push_back(Struct{});
      } else if (l.name == "IfNotExists" || l.name == "IfExists" || l.name == "Cascade" || l.name == "Unique" ||
                 l.name == "Concurrently" || l.name == "WithForeignKeys" || l.name == "Exec" || l.name == "Restrict") {
        flags.insert(l.name);
      } else {
        others.push_back(&l);
      }
    }
    if (!unknown_models.empty()) return give_up(unknown_models, call, out);
    chain_verb_ = std::string(verb);
    for (const std::string& t : tables)
      if (gm::plain_name(t)) chain_tables_.push_back(t);
    if (chain_tables_.size() != tables.size()) chain_tables_.clear();
    if (table_expr) {
      if (tables.size() != 1 || !structs[0].go) return give_up({}, call, out);
      tables[0] = *table_expr;
    }
    uint32_t at = ts_node_start_byte(call);
    auto literal_arg = [&](const gm::Link& l, size_t i, std::string_view* text) {
      uint32_t a;
      return i < l.args.size() && gm::literal(l.args[i], go_.text(), text, &a) &&
             text->find('?') == std::string_view::npos;
    };
    // A link whose only argument is SQL, its ?s filled by identifiers: ColumnExpr("? CHAR(26)", bun.Ident("c")).
    auto sql_arg = [&](const gm::Link& l, std::string* text) {
      std::optional<std::string> f = format(l.args, 0);
      if (f) *text = *f;
      return f.has_value();
    };
    if (verb == "NewCreateTable") {
      for (const gm::Link* l : others)
        if (l->name != "ForeignKey" && l->name != "PartitionBy" && l->name != "TableSpace") return give_up({}, call, out);
      if (tables.empty()) return give_up({}, call, out);
      for (size_t i = 0; i < tables.size(); ++i) {
        if (!structs[i].go) return give_up({}, call, out);
        std::string cols;
        if (!columns(*structs[i].go, structs[i].type, &cols)) {
          out->sql.uncertain_names.push_back(tables[i]);
          return give_up({}, call, out);
        }
        out->sql.emit("CREATE TABLE " + std::string(flags.count("IfNotExists") ? "IF NOT EXISTS " : "") +
                          quote_ident(tables[i]) + " (" + cols + ")",
                      at);
      }
      return true;
    }
    if (tables.size() > 1) return give_up({}, call, out);
    if (verb == "NewDropIndex") {
      std::string_view index;
      if (others.size() != 1 || others[0]->name != "Index" || !literal_arg(*others[0], 0, &index)) return give_up({}, call, out);
      out->sql.emit("DROP INDEX " + std::string(flags.count("IfExists") ? "IF EXISTS " : "") + quote_ident(index), at);
      return true;
    }
    if (tables.size() != 1) return give_up({}, call, out);
    std::string table = quote_ident(tables[0]);
    if (verb == "NewDropTable") {
      if (!others.empty()) return give_up({}, call, out);
      out->sql.emit("DROP TABLE " + std::string(flags.count("IfExists") ? "IF EXISTS " : "") + table +
                        (flags.count("Cascade") ? " CASCADE" : ""),
                    at);
      return true;
    }
    if (verb == "NewAddColumn" || verb == "NewDropColumn") {
      std::string_view text;
      std::string expr;
      if (others.size() != 1) return give_up({}, call, out);
      const gm::Link& l = *others[0];
      if (verb == "NewAddColumn" && l.name == "ColumnExpr" && sql_arg(l, &expr)) {
        out->sql.emit("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + expr, at);
        return true;
      }
      if (verb == "NewDropColumn" && l.name == "Column" && !l.args.empty()) {
        std::string drops;
        for (size_t i = 0; i < l.args.size(); ++i) {
          if (!literal_arg(l, i, &text) || !gm::plain_name(text)) return give_up({}, call, out);
          drops += (i ? ", DROP COLUMN IF EXISTS " : " DROP COLUMN IF EXISTS ") + quote_ident(text);
        }
        out->sql.emit("ALTER TABLE " + table + drops, at);
        return true;
      }
      if (verb == "NewDropColumn" && l.name == "ColumnExpr" && sql_arg(l, &expr) && gm::plain_name(unquoted(expr))) {
        out->sql.emit("ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + expr, at);
        return true;
      }
      return give_up({}, call, out);
    }
    if (verb == "NewCreateIndex") {
      std::string index, cols, where;
      for (const gm::Link* l : others) {
        std::string_view text;
        if (l->name == "Index" && literal_arg(*l, 0, &text)) {
          index = std::string(text);
        } else if (std::string expr; l->name == "ColumnExpr" && sql_arg(*l, &expr)) {
          cols += (cols.empty() ? "" : ", ") + expr;
        } else if (l->name == "Column" && !l->args.empty()) {
          for (size_t i = 0; i < l->args.size(); ++i) {
            if (!literal_arg(*l, i, &text)) return give_up({}, call, out);
            if (l->name == "Column" && !gm::plain_name(text)) return give_up({}, call, out);
            cols += (cols.empty() ? "" : ", ") + (l->name == "Column" ? quote_ident(text) : std::string(text));
            if (l->name == "ColumnExpr") break;  // its other arguments fill the ?s
          }
        } else if (std::string expr; l->name == "Where" && sql_arg(*l, &expr)) {
          where += (where.empty() ? " WHERE " : " AND ") + std::string("(") + expr + ")";
        } else if (l->name == "Using" && literal_arg(*l, 0, &text) && l->args.size() == 1 && gm::plain_name(text)) {
          cols = "USING " + std::string(text) + "\x01" + cols;
        } else {
          return give_up({}, call, out);
        }
      }
      if (index.empty() || cols.empty()) return give_up({}, call, out);
      std::string using_clause;
      if (size_t sep = cols.find('\x01'); sep != std::string::npos) using_clause = " " + cols.substr(0, sep), cols = cols.substr(sep + 1);
      out->sql.emit("CREATE " + std::string(flags.count("Unique") ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " +
                        quote_ident(index) + " ON " + table + using_clause + " (" + cols + ")" + where,
                    at);
      return true;
    }
    return give_up({}, call, out);
  }

  /// `"name"` -> name.
  static std::string_view unquoted(std::string_view s) {
    return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? s.substr(1, s.size() - 2) : s;
  }

  /// An unknown step: the tables of the models it names become uncertain.
  /// A model that cannot be told (`Model(m)` of a parameter, a type that is no struct found):
  /// its name's table and those of every struct literal of the migration's function.
  bool give_up(const std::vector<std::string>& models, TSNode call, GoMigrationCode::Steps* out) {
    auto add = [&](std::string_view m) {
      if (!m.empty()) out->sql.uncertain_names.push_back(datalayers::bun::default_table(m.substr(m.rfind('.') + 1)));
    };
    for (const std::string& m : models) add(m);
    if (models.empty() && !chain_tables_.empty()) {
      // The chain's tables are known, its statement is not: only those tables become uncertain.
      std::string names;
      for (const std::string& t : chain_tables_) {
        out->sql.uncertain_names.push_back(t);
        names += (names.empty() ? "" : ", ") + t;
      }
      std::pair<uint32_t, std::string> note{ts_node_start_byte(call), chain_verb_ + " of a statement computed at run time: not "
                                                                     "modelled; the columns of " + names + " are not checked"};
      if (std::find(out->sql.notes.begin(), out->sql.notes.end(), note) == out->sql.notes.end())  // once per loop
        out->sql.notes.push_back(std::move(note));
      return true;
    }
    if (models.empty()) return false;
    TSNode fn = call;
    for (TSNode p = call; !ts_node_is_null(p); p = ts_node_parent(p))
      if (node_is(p, "function_declaration") || node_is(p, "func_literal")) fn = p;
    std::vector<TSNode> stack{fn};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "composite_literal")) {
        TSNode type = field(n, "type");
        if (node_is(type, "type_identifier") || node_is(type, "qualified_type")) add(go_.node_text(type));
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
    return false;
  }

  /// args[first] (a literal) with bun.Ident("x") / bun.Safe("x") of the arguments after it
  /// formatted into its ?s, as bun's formatter does; nullopt for anything else.
  std::optional<std::string> format(const std::vector<TSNode>& args, size_t first) const {
    std::optional<std::string> tmpl = first < args.size() ? template_text(args[first]) : std::nullopt;
    if (!tmpl) return std::nullopt;
    std::string_view text = *tmpl;
    size_t marks = 0;
    for (char c : text) marks += c == '?';
    if (marks != args.size() - first - 1) return std::nullopt;
    std::string sql;
    size_t next = first + 1;
    for (char c : text) {
      if (c != '?') {
        sql += c;
        continue;
      }
      TSNode a = value_of(args[next++]);
      if (node_is(a, "int_literal") || node_is(a, "float_literal") || node_is(a, "true") || node_is(a, "false")) {
        sql += go_.node_text(a);
        continue;
      }
      std::string_view s;
      uint32_t s_at;
      if (gm::literal(a, go_.text(), &s, &s_at)) {
        sql += quote_literal(s);
        continue;
      }
      if (!node_is(a, "call_expression")) return std::nullopt;
      std::string_view fn = go_.node_text(field(a, "function"));
      std::vector<TSNode> inner = gm::arguments(a);
      std::string_view value;
      uint32_t v_at;
      if (fn == "bun.Safe" && inner.size() == 1 && node_is(inner[0], "call_expression") &&
          go_.node_text(field(inner[0], "function")) == "strings.Join") {
        // bun.Safe(strings.Join(cols, ",")) of a literal list of names
        std::vector<TSNode> join = gm::arguments(inner[0]);
        std::string_view sep;
        if (join.size() != 2 || !gm::literal(value_of(join[1]), go_.text(), &sep, &v_at)) return std::nullopt;
        TSNode variadic = join[0];
        TSNode list = value_of(variadic);
        if (node_is(list, "composite_literal")) list = field(list, "body");
        if (!node_is(list, "literal_value")) return std::nullopt;
        std::string joined;
        for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
          TSNode e = ts_node_named_child(list, i);
          if (node_is(e, "comment")) continue;
          if (!node_is(e, "literal_element") || !gm::literal(languages::first_named_child(e), go_.text(), &value, &v_at) ||
              !gm::plain_name(value))
            return std::nullopt;
          joined += (joined.empty() ? "" : std::string(sep)) + std::string(value);
        }
        if (joined.empty()) return std::nullopt;
        sql += joined;
        continue;
      }
      if (inner.size() != 1 || !gm::literal(value_of(inner[0]), go_.text(), &value, &v_at)) return std::nullopt;
      if (fn == "bun.Ident" && value.find_first_of("\".") == std::string_view::npos) sql += quote_ident(value);
      else if (fn == "bun.Safe") sql += value;
      else return std::nullopt;
    }
    return sql;
  }

  /// A literal, or literals joined with `+` ("CREATE VIEW ? AS " + "SELECT ..."): its text.
  std::optional<std::string> template_text(TSNode n) const {
    n = value_of(n);
    std::string_view t;
    uint32_t at;
    if (gm::literal(n, go_.text(), &t, &at)) return std::string(t);
    if (!node_is(n, "binary_expression") || go_.node_text(field(n, "operator")) != "+") return std::nullopt;
    std::optional<std::string> l = template_text(field(n, "left")), r = template_text(field(n, "right"));
    if (!l || !r) return std::nullopt;
    return *l + *r;
  }

  /// A statement with a literal template whose other arguments are not all read (a value of
  /// another package, bun.In(list)): it may touch only what it names, the words of the template
  /// and the bun.Ident("x") arguments; those become uncertain, not every name of the migration.
  bool names_given(const std::vector<TSNode>& args, size_t first, const std::string& verb, TSNode call,
                   GoMigrationCode::Steps* out) const {
    std::optional<std::string> tmpl = first < args.size() ? template_text(args[first]) : std::nullopt;
    if (!tmpl) return false;
    std::vector<std::string> names = words_in_go_strings("\"" + *tmpl + "\"");
    std::string list;  // the identifiers it is given, for the note
    for (size_t i = first + 1; i < args.size(); ++i) {
      TSNode a = value_of(args[i]);
      if (!node_is(a, "call_expression")) continue;
      std::string_view fn = go_.node_text(field(a, "function"));
      std::vector<TSNode> inner = gm::arguments(a);
      std::string_view value;
      uint32_t at;
      if (fn == "bun.Ident" || fn == "bun.Safe") {
        if (inner.size() != 1 || !gm::literal(value_of(inner[0]), go_.text(), &value, &at)) return false;  // a name not known
        for (std::string& w : words_in_go_strings("\"" + std::string(value) + "\"")) names.push_back(std::move(w));
        if (fn == "bun.Ident" && list.size() < 160) list += (list.empty() ? "" : ", ") + std::string(value);
      }
    }
    for (const std::string& n : names) out->sql.uncertain_names.push_back(n);
    out->sql.notes.push_back({ts_node_start_byte(call), verb + " of a statement computed at run time: not modelled; the names "
                                                              "it gives (" + list + ") and the words of its SQL text are "
                                                              "not checked"});
    return true;
  }

  /// An Exec of SQL with ?s filled by identifiers (`ExecContext(ctx, "ALTER TABLE ? ...",
  /// bun.Ident("t"))`); a statement without ?s is the Go extractor's.
  bool formatted(TSNode call, GoMigrationCode::Steps* out) {
    std::vector<TSNode> args = expand(gm::arguments(call));
    std::string_view name = go_.node_text(field(field(call, "function"), "field"));
    size_t index = name.ends_with("Context") ? 1 : 0;
    if (index >= args.size() || !template_text(args[index]) || template_text(args[index])->find('?') == std::string::npos)
      return false;
    std::optional<std::string> sql = format(args, index);
    if (!sql) return names_given(args, index, std::string(name), call, out);
    out->sql.emit(*sql, ts_node_start_byte(call));
    return true;
  }

  /// The struct types a Model argument stands for: &T{}, (*T)(nil), a variable declared as one,
  /// or the value variable of a range over a local list of them (`for _, m := range models`).
  std::vector<std::string> model_types(TSNode arg) const {
    std::string direct = gm::value_type(arg, go_.text());
    if (!direct.empty()) return {direct};
    if (!node_is(arg, "identifier")) return {};
    std::string_view var = go_.node_text(arg);
    for (TSNode p = ts_node_parent(arg); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (node_is(p, "function_declaration") || node_is(p, "func_literal")) break;
      if (!node_is(p, "for_statement")) continue;
      TSNode range{};
      for (uint32_t i = 0; i < ts_node_named_child_count(p); ++i)
        if (node_is(ts_node_named_child(p, i), "range_clause")) range = ts_node_named_child(p, i);
      if (ts_node_is_null(range)) continue;
      TSNode left = field(range, "left");
      uint32_t n = ts_node_named_child_count(left);
      if (n == 0 || go_.node_text(ts_node_named_child(left, n - 1)) != var || n != 2) continue;
      TSNode list = field(range, "right");
      TSNode lit = node_is(list, "composite_literal") ? list
                   : node_is(list, "identifier") ? local_literal(p, go_.node_text(list))
                                                 : TSNode{};
      if (ts_node_is_null(lit)) return {};
      std::vector<std::string> out;
      TSNode body = field(lit, "body");
      for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
        TSNode e = ts_node_named_child(body, i);
        if (node_is(e, "comment")) continue;
        TSNode v = languages::first_named_child(e);
        std::string t = gm::value_type(ts_node_is_null(v) ? e : v, go_.text());
        if (t.empty()) return {};
        out.push_back(t);
      }
      return out;
    }
    return {};
  }

  /// The composite literal `name := []T{...}` (or `var name = ...`) declared in the function
  /// around `from`, or a null node.
  TSNode local_literal(TSNode from, std::string_view name) const {
    TSNode fn = from;
    while (!ts_node_is_null(fn) && !node_is(fn, "function_declaration") && !node_is(fn, "func_literal")) fn = ts_node_parent(fn);
    if (ts_node_is_null(fn)) return TSNode{};
    TSNode here = local_literal_in(fn, name);
    // A func literal (a callback in a list of steps) sees the functions around it.
    return ts_node_is_null(here) && node_is(fn, "func_literal") ? local_literal(ts_node_parent(fn), name) : here;
  }
  TSNode local_literal_in(TSNode fn, std::string_view name) const {
    std::vector<TSNode> stack{field(fn, "body")};
    while (!stack.empty()) {
      TSNode d = stack.back();
      stack.pop_back();
      if (ts_node_is_null(d)) continue;
      if ((node_is(d, "short_var_declaration") && go_.node_text(field(d, "left")) == name) ||
          (node_is(d, "var_spec") && go_.node_text(field(d, "name")) == name)) {
        TSNode right = field(d, node_is(d, "var_spec") ? "value" : "right");
        if (ts_node_is_null(right)) return TSNode{};  // var x T: no literal
        TSNode v = languages::first_named_child(right);
        return node_is(v, "composite_literal") ? v : TSNode{};
      }
      if (!node_is(d, "func_literal"))
        for (uint32_t i = 0; i < ts_node_named_child_count(d); ++i) stack.push_back(ts_node_named_child(d, i));
    }
    return TSNode{};
  }

  static TSNode type_spec(const GoMigrationCode& go, TSNode scope, std::string_view name, bool nested) {
    std::vector<TSNode> stack{scope};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "type_spec") && go.node_text(field(n, "name")) == name) return n;
      if (nested || ts_node_eq(n, scope) || node_is(n, "type_declaration"))
        for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
    return TSNode{};
  }

  const GoMigrationCode* load_file(const std::string& path) {
    parsed_.texts.emplace_back();
    std::string err;
    if (!read_migration_text(fs_, root_, path, &parsed_.texts.back(), &err)) return nullptr;
    parsed_.paths.push_back(path);
    parsed_.files.push_back(std::make_unique<GoMigrationCode>(parsed_.paths.back(), parsed_.texts.back(), nullptr));
    if (!parsed_.files.back()->ok()) return nullptr;
    parsed_.dir_of[parsed_.files.back().get()] = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
    return parsed_.files.back().get();
  }

  /// The files of a package folder, parsed once.
  const std::vector<const GoMigrationCode*>& package(const std::string& dir) {
    auto it = parsed_.by_dir.find(dir);
    if (it != parsed_.by_dir.end()) return it->second;
    std::vector<const GoMigrationCode*> files;
    for (const std::string& f : go_files(fs_, root_, dir))
      if (const GoMigrationCode* go = load_file(source::join_path(dir, f))) files.push_back(go);
    return parsed_.by_dir[dir] = std::move(files);
  }

  /// The import path `alias` names in `from`, or "".
  static std::string import_path(const GoMigrationCode& from, std::string_view alias) {
    for (auto& [name, path] : gm::declarations(from.root(), from.text()).imports)
      if (name == alias) return path;
    return "";
  }

  /// The struct `type` ("T" or "pkg.T") as seen from the migration's function around `at`.
  Struct find_struct(const std::string& type, TSNode at, const GoMigrationCode* from = nullptr) {
    const GoMigrationCode& go = from ? *from : go_;
    size_t dot = type.find('.');
    std::string name = dot == std::string::npos ? type : type.substr(dot + 1);
    if (dot == std::string::npos) {
      if (!from) {
        for (TSNode p = at; !ts_node_is_null(p); p = ts_node_parent(p)) {
          if (!node_is(p, "function_declaration") && !node_is(p, "func_literal")) continue;
          TSNode spec = type_spec(go_, field(p, "body"), name, true);
          if (!ts_node_is_null(spec)) return as_struct(go_, spec);
        }
        TSNode spec = type_spec(go_, go_.root(), name, false);
        if (!ts_node_is_null(spec)) return as_struct(go_, spec);
      }
      std::string dir = from ? folder_of(*from) : dir_;
      for (const GoMigrationCode* f : package(dir)) {
        TSNode spec = type_spec(*f, f->root(), name, false);
        if (!ts_node_is_null(spec)) return as_struct(*f, spec);
      }
      return {};
    }
    std::string path = import_path(go, type.substr(0, dot));
    std::string dir = path.empty() ? "" : import_dir(fs_, root_, path);
    if (path.empty())  // an import whose package name is not its path's last element
      for (auto& [alias, other] : gm::declarations(go.root(), go.text()).imports) {
        std::string d = import_dir(fs_, root_, other);
        const std::vector<const GoMigrationCode*>& files = d.empty() ? std::vector<const GoMigrationCode*>{} : package(d);
        if (!files.empty() && package_name(*files.front()) == type.substr(0, dot)) {
          dir = d;
          break;
        }
      }
    if (dir.empty()) return {};
    for (const GoMigrationCode* f : package(dir)) {
      TSNode spec = type_spec(*f, f->root(), name, false);
      if (!ts_node_is_null(spec)) return as_struct(*f, spec);
    }
    return {};
  }
  /// The name of the file's `package` clause.
  static std::string_view package_name(const GoMigrationCode& go) {
    for (uint32_t i = 0; i < ts_node_named_child_count(go.root()); ++i) {
      TSNode c = ts_node_named_child(go.root(), i);
      if (node_is(c, "package_clause")) return go.node_text(languages::first_named_child(c));
    }
    return "";
  }
  static Struct as_struct(const GoMigrationCode& go, TSNode spec) {
    TSNode t = field(spec, "type");
    return node_is(t, "struct_type") ? Struct{&go, t} : Struct{};
  }
  std::string folder_of(const GoMigrationCode& go) const {
    auto it = parsed_.dir_of.find(&go);
    return it == parsed_.dir_of.end() ? dir_ : it->second;
  }

  /// The model's table: `table:` of its bun.BaseModel field, else bun's plural of the type name.
  std::optional<std::string> table_of(const Struct& st, const std::string& type) const {
    for (const gm::Field& f : gm::fields(st.type, st.go->text())) {
      if (!f.names.empty() || f.type_text != "bun.BaseModel") continue;
      auto v = gm::tag_value(f.tag, "bun", st.go->text());
      if (!v) break;
      datalayers::bun::Tag tag = datalayers::bun::parse_tag(v->value, v->at);
      if (tag.options.count("select")) return std::nullopt;
      auto t = tag.options.find("table");
      if (t == tag.options.end() || t->second.empty()) break;
      std::string name = t->second;
      if (size_t dot = name.find('.'); dot != std::string::npos) return std::nullopt;  // a schema: not modelled here
      if (!gm::plain_name(name)) return std::nullopt;
      return name;
    }
    return datalayers::bun::default_table(type.substr(type.find('.') + 1));
  }

  /// bun's PostgreSQL type of a Go type with no `type:` in its tag.
  static std::string sql_type(std::string_view t) {
    while (t.starts_with("*")) t.remove_prefix(1);
    static const std::pair<std::string_view, std::string_view> kTypes[] = {
        {"bool", "boolean"}, {"int8", "smallint"}, {"int16", "smallint"}, {"uint8", "smallint"},
        {"int32", "integer"}, {"uint16", "integer"}, {"int", "bigint"}, {"int64", "bigint"},
        {"uint32", "bigint"}, {"uint", "bigint"}, {"uint64", "bigint"}, {"float32", "real"},
        {"float64", "double precision"}, {"string", "varchar"}, {"[]byte", "bytea"},
        {"time.Time", "timestamptz"}, {"json.RawMessage", "jsonb"}, {"net.IP", "inet"},
        {"sql.NullString", "varchar"}, {"sql.NullInt64", "bigint"}, {"sql.NullBool", "boolean"},
        {"sql.NullTime", "timestamptz"}, {"uuid.UUID", "uuid"}};
    for (auto& [go, sql] : kTypes)
      if (t == go) return std::string(sql);
    if (t.starts_with("[]") || t.starts_with("map[")) return "jsonb";
    return "text";  // a named type whose underlying type is not read: its column exists all the same
  }

  /// The columns bun maps for a struct, as a CREATE TABLE body; false when an embedded struct
  /// cannot be found (its columns are unknown).
  bool columns(const GoMigrationCode& go, TSNode st, std::string* out) {
    std::vector<std::string> defs, pk;
    std::map<std::string, std::vector<std::string>> groups;
    std::set<std::string> seen;
    if (!collect(go, st, "", &defs, &pk, &groups, &seen, 0)) return false;
    if (!pk.empty()) {
      std::string k;
      for (const std::string& c : pk) k += (k.empty() ? "" : ", ") + quote_ident(c);
      defs.push_back("PRIMARY KEY (" + k + ")");
    }
    for (auto& [group, cols] : groups) {
      std::string k;
      for (const std::string& c : cols) k += (k.empty() ? "" : ", ") + quote_ident(c);
      defs.push_back("UNIQUE (" + k + ")");
    }
    if (defs.empty()) return false;
    for (size_t i = 0; i < defs.size(); ++i) *out += (i ? ", " : "") + defs[i];
    return true;
  }

  bool collect(const GoMigrationCode& go, TSNode st, const std::string& prefix, std::vector<std::string>* defs,
               std::vector<std::string>* pk, std::map<std::string, std::vector<std::string>>* groups,
               std::set<std::string>* seen, int depth) {
    if (depth > 4) return false;
    for (const gm::Field& f : gm::fields(st, go.text())) {
      datalayers::bun::Tag tag;
      if (auto v = gm::tag_value(f.tag, "bun", go.text())) tag = datalayers::bun::parse_tag(v->value, v->at);
      if (tag.name == "-" || tag.options.count("rel") || tag.options.count("m2m")) continue;
      if (f.type_text == "bun.BaseModel") continue;
      if (f.names.empty() || tag.options.count("embed")) {
        if (!f.names.empty() && !std::isupper(static_cast<unsigned char>(go.node_text(f.names[0])[0]))) continue;
        std::string p = prefix;
        if (auto e = tag.options.find("embed"); e != tag.options.end()) p += e->second;
        Struct inner = find_struct(std::string(f.type_text), TSNode{}, &go == &go_ ? nullptr : &go);
        if (!inner.go && &go == &go_) inner = find_struct(std::string(f.type_text), st);
        if (!inner.go) return false;
        if (!collect(*inner.go, inner.type, p, defs, pk, groups, seen, depth + 1)) return false;
        continue;
      }
      if (tag.options.count("scanonly")) continue;
      for (TSNode n : f.names) {
        std::string_view fname = go.node_text(n);
        if (fname.empty() || !std::isupper(static_cast<unsigned char>(fname[0]))) continue;
        std::string name = prefix + (tag.name.empty() ? datalayers::bun::underscore(fname) : tag.name);
        if (!seen->insert(name).second) continue;
        std::string type;
        if (auto t = tag.options.find("type"); t != tag.options.end() && !t->second.empty()) type = t->second;
        else type = sql_type(f.type_text);
        if (tag.options.count("autoincrement") || tag.options.count("identity"))
          type = type == "integer" ? "serial" : type == "smallint" ? "smallserial" : "bigserial";
        std::string def = quote_ident(name) + " " + type;
        if (tag.options.count("pk")) pk->push_back(name);
        if (auto u = tag.options.find("unique"); u != tag.options.end()) {
          if (u->second.empty()) def += " UNIQUE";
          else (*groups)[u->second].push_back(name);
        }
        defs->push_back(std::move(def));
      }
    }
    return true;
  }

  const source::FileSystem& fs_;
  std::string root_, dir_;
  const GoMigrationCode& go_;
  ParsedPackages& parsed_;
  Bindings bound_;
  /// The chain being read: its builder and the tables it names, for give_up.
  std::string chain_verb_;
  std::vector<std::string> chain_tables_;
};

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  out->clear();
  languages::ProjectConstants constants = package_constants(fs, root, dir);
  DirectoryWords words(fs, root, dir);  // the package's words for opaque helpers, read once
  ParsedPackages parsed;
  for (const Entry& e : entries(fs, root, dir)) {
    std::string path = source::join_path(dir, e.file), text;
    if (!read_migration_text(fs, root, path, &text, err)) return false;
    if (!kMayRegister.admits(text)) continue;  // a helper file of the package
    GoMigrationCode go(path, text, &constants);
    if (!go.ok() || go.syntax_error()) {
      *err = path + ": does not parse as Go (a syntax error in the migrations)";
      return false;
    }
    uint32_t at = 0;
    TSNode up = registered_up(go, &at);
    if (ts_node_is_null(up)) continue;
    BunWriter writer(fs, root, dir, go, &parsed);
    go.set_chain_reader([&](TSNode call, GoMigrationCode::Steps* steps) { return writer.read(call, steps); });
    GoMigrationCode::Steps steps = go.steps(up);
    std::vector<std::string> uncertain = steps.sql.uncertain_names;
    MigrationFile m;
    m.path = path;
    m.version = e.version;
    m.name = e.comment;
    m.format = "bun";
    m.text = text;
    fill_from_steps(go, std::move(steps), at,
                    [&](const std::vector<std::string>& names) { return words(names); }, &m.sql,
                    &m.origin, &m.notes, &m.uncertain_names);
    m.uncertain_names.insert(m.uncertain_names.end(), uncertain.begin(), uncertain.end());
    out->push_back(std::move(m));
  }
  // SQL files beside them (Migrations.Discover of an embed.FS): <version>_<name>.up.sql, also
  // .tx.up.sql; bun's `--bun:split` markers are comments.
  for (const source::DirEntry& d : fs.list(on_disk(root, dir))) {
    std::string version, comment;
    if (d.is_dir || !sql_migration_name(d.name, &version, &comment)) continue;
    MigrationFile m;
    m.path = source::join_path(dir, d.name);
    m.version = version;
    m.name = comment;
    m.format = "bun";
    if (!read_migration_text(fs, root, m.path, &m.sql, err)) return false;
    out->push_back(std::move(m));
  }
  // bun sorts by name: the version, then the comment.
  std::stable_sort(out->begin(), out->end(), [](const MigrationFile& a, const MigrationFile& b) {
    return a.version != b.version ? a.version < b.version : a.name < b.name;
  });
  return true;
}

// bun_migrations(id, name, group_id, migrated_at): one row per applied migration, `name` the
// version digits of its file.
std::string tracking_query(const std::string& from, const Relation&) { return "SELECT name::text FROM " + from; }
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) {
    std::string v = text_or_null(row[0]);
    push_applied(out, v, "", false, "name=" + v);
  }
}
const TrackingLayout kTracking{"bun_migrations", "", {"name", "group_id", "migrated_at"}, "bun's (name, group_id)",
                               tracking_query, 1, tracking_read};

}  // namespace

}  // namespace code

extern const Format kBun{"bun", code::detect, code::load, &code::kTracking, {}, code::discover};

}  // namespace schemagate::schema::migrations
