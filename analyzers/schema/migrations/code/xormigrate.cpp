// xormigrate (src.techknowlogick.com/xormigrate): xorm's port of gormigrate. A Go package lists
// its migrations as &xormigrate.Migration{ID: "...", Migrate: func(tx *xorm.Engine) error {...}}
// values (in a []*xormigrate.Migration literal, or appended to a package slice by each file's
// init()) and hands them to xormigrate.New; the migrator records each ID in xorm's table for its
// Migration struct, migration(id, description).
//
// `m.InitSchema(fn)` changes everything on a fresh database: xormigrate runs fn instead of the
// migrations and records SCHEMA_INIT and every ID without running them. fn is nearly always
// `tx.Sync2(models...)`, the application's current models, so the schema the code runs against
// is the one those models make: the first MigrationFile (SCHEMA_INIT) creates their tables, and
// each migration follows it with no statement of its own. Without InitSchema, each migration is
// read as it runs: `Sync2(&T{})` (and Sync, SyncWithOptions, CreateTables) creates T's table when
// missing and adds the columns it lacks; Exec of a literal runs that SQL (code/go_code.h); a
// helper of another file, a statement computed at run time, or a model that cannot be found is
// an unknown step whose names become uncertain.
//
// A model is a struct of the package or of the project folder its import path names; its table
// is its TableName() literal, else the engine mapper's name of the struct; its columns are its
// exported fields by xorm's tag rules (datalayers/xorm_naming.h). A mapper the project sets that
// is neither SnakeMapper (xorm's default) nor GonicMapper, or a bean list schemagate cannot
// follow, leaves the schema unknown: exit 2 naming the cause.
#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <set>

#include "analyzers/datalayers/go_model.h"
#include "analyzers/datalayers/xorm_naming.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/tracking_layout.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/gated_read.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using languages::field;
using languages::node_is;
namespace gm = datalayers::go;
namespace xm = datalayers::xorm;

const source::TextGate kMayRun{{{"xormigrate.New("}}};

/// Every call expression under `n`, in source order.
std::vector<TSNode> calls_under(TSNode n) {
  std::vector<TSNode> out, stack{n};
  while (!stack.empty()) {
    TSNode c = stack.back();
    stack.pop_back();
    if (node_is(c, "call_expression")) out.push_back(c);
    for (uint32_t i = ts_node_named_child_count(c); i-- > 0;) stack.push_back(ts_node_named_child(c, i));
  }
  return out;
}

/// The method name of `x.Name(...)`, or "".
std::string_view method_name(const GoMigrationCode& go, TSNode call) {
  TSNode f = field(call, "function");
  return node_is(f, "selector_expression") ? go.node_text(field(f, "field")) : std::string_view{};
}

const GoListTest kRunner{&kMayRun, [](const GoMigrationCode& go) {
                               for (TSNode c : calls_under(go.root()))
                                 if (go.node_text(field(c, "function")) == "xormigrate.New") return true;
                               return false;
                             }};

/// The Go files of one folder, parsed and kept with their texts.
struct Package {
  std::string dir;
  std::deque<std::string> texts, paths;
  std::vector<std::unique_ptr<GoMigrationCode>> files;
};

/// A struct type found in a package: its file and struct_type node.
struct StructAt {
  const Package* pkg = nullptr;
  const GoMigrationCode* go = nullptr;
  TSNode type{};
  std::string name;
};

/// The packages of the project read so far, and xorm's rules for the models declared in them.
class Models {
 public:
  Models(const source::FileSystem& fs, std::string root, xm::Mappers mappers)
      : fs_(fs), root_(std::move(root)), table_mapper_(*mappers.table), mapper_(*mappers.column) {}

  const Package& package(const std::string& dir, std::string* err) {
    auto it = packages_.find(dir);
    if (it != packages_.end()) return *it->second;
    auto pkg = std::make_unique<Package>();
    pkg->dir = dir;
    for (const std::string& f : go_files(fs_, root_, dir)) {
      pkg->paths.push_back(source::join_path(dir, f));
      pkg->texts.emplace_back();
      std::string e;
      if (!read_migration_text(fs_, root_, pkg->paths.back(), &pkg->texts.back(), &e)) {
        if (err && err->empty()) *err = e;
        pkg->paths.pop_back();
        pkg->texts.pop_back();
        continue;
      }
      pkg->files.push_back(std::make_unique<GoMigrationCode>(pkg->paths.back(), pkg->texts.back(), nullptr));
    }
    return *(packages_[dir] = std::move(pkg));
  }

  /// The folder a qualifier of `go` names (`models` of `import "example.com/app/pkg/models"`), or "".
  std::string import_folder(const GoMigrationCode& go, std::string_view qualifier) const {
    for (auto& [alias, path] : gm::declarations(go.root(), go.text()).imports)
      if (alias == qualifier) return import_dir(fs_, root_, path);
    return "";
  }

  /// The struct a type name stands for, seen from `go` in package `pkg`: "T" or "models.T".
  StructAt find(const Package& pkg, const GoMigrationCode& go, std::string_view type) {
    while (type.starts_with("*")) type.remove_prefix(1);
    const Package* in = &pkg;
    std::string_view name = type;
    if (size_t dot = type.find('.'); dot != std::string_view::npos) {
      std::string dir = import_folder(go, type.substr(0, dot));
      if (dir.empty()) return {};
      in = &package(dir, nullptr);
      name = type.substr(dot + 1);
    }
    for (const auto& f : in->files) {
      if (!f->ok()) continue;
      TSNode root = f->root();
      for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
        TSNode d = ts_node_named_child(root, i);
        if (!node_is(d, "type_declaration")) continue;
        for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
          TSNode spec = ts_node_named_child(d, j);
          if (!node_is(spec, "type_spec") || f->node_text(field(spec, "name")) != name) continue;
          TSNode t = field(spec, "type");
          if (!node_is(t, "struct_type")) return {in, f.get(), TSNode{}, std::string(name)};
          return {in, f.get(), t, std::string(name)};
        }
      }
    }
    return {};
  }

  /// The underlying type text of a named non-struct type of the package (`type Mode int`), or "".
  std::string underlying(const StructAt& at, std::string_view type) {
    if (type.find_first_of(".[]*") != std::string_view::npos) return "";
    StructAt t = find(*at.pkg, *at.go, type);
    if (!t.go || !ts_node_is_null(t.type)) return "";
    for (const auto& f : t.pkg->files)
      if (f.get() == t.go)
        for (TSNode c : {f->root()}) {
          std::vector<TSNode> stack{c};
          while (!stack.empty()) {
            TSNode n = stack.back();
            stack.pop_back();
            if (node_is(n, "type_spec") && f->node_text(field(n, "name")) == type)
              return std::string(f->node_text(field(n, "type")));
            if (node_is(n, "source_file") || node_is(n, "type_declaration"))
              for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
          }
        }
    return "";
  }

  /// The model's table: its TableName() literal in its package, else the mapper's name.
  std::string table(const StructAt& st, std::string* err) {
    for (const auto& f : st.pkg->files) {
      if (!f->ok()) continue;
      TSNode root = f->root();
      for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
        TSNode m = ts_node_named_child(root, i);
        if (!node_is(m, "method_declaration") || f->node_text(field(m, "name")) != "TableName") continue;
        auto t = gm::table_name_method(m, f->text());
        std::string_view recv = f->node_text(field(m, "receiver"));
        if (t && t->type == st.name) return t->table;
        if (!t && (recv.find(" " + st.name + ")") != std::string_view::npos ||
                   recv.find("*" + st.name + ")") != std::string_view::npos ||
                   recv.find("(" + st.name + ")") != std::string_view::npos)) {
          *err = "the TableName() method of " + st.name + " does not return a plain literal";
          return "";
        }
      }
    }
    return xm::map_name(st.name, table_mapper_);
  }

  struct Column {
    std::string name, type;
    bool pk = false, unique = false;
    std::vector<std::string> groups;
  };

  /// The columns xorm maps the struct's exported fields to, `extends` structs flattened.
  bool columns(const StructAt& st, std::vector<Column>* out, std::set<std::string>* seen, int depth, std::string* err) {
    if (depth > 5) {
      *err = "the model " + st.name + " extends structs more than five deep";
      return false;
    }
    std::string_view src = st.go->text();
    for (const gm::Field& f : gm::fields(st.type, src)) {
      xm::Tag tag;
      if (auto v = gm::tag_value(f.tag, "xorm", src)) tag = xm::parse_tag(v->value);
      else if (!ts_node_is_null(f.tag) && st.go->node_text(f.tag).find("xorm:") != std::string_view::npos) {
        *err = "a field of " + st.name + " has an xorm tag schemagate cannot read";
        return false;
      }
      if (tag.ignored) continue;
      std::string_view type = f.type_text;
      if (tag.extends) {
        StructAt inner = find(*st.pkg, *st.go, type);
        if (!inner.go || ts_node_is_null(inner.type)) {
          *err = "the model " + st.name + " extends " + std::string(type) + ", which is not a struct of the project";
          return false;
        }
        if (!columns(inner, out, seen, depth + 1, err)) return false;
        continue;
      }
      std::vector<std::string> names;
      for (TSNode n : f.names) names.emplace_back(st.go->node_text(n));
      if (names.empty()) names.emplace_back(type.substr(type.find('.') == std::string_view::npos ? 0 : type.find('.') + 1));
      for (const std::string& n : names) {
        if (n.empty() || !(n[0] >= 'A' && n[0] <= 'Z')) continue;  // unexported: not mapped
        Column c;
        c.name = !tag.name.empty() && names.size() == 1 ? tag.name : xm::map_name(n, mapper_);
        c.type = tag.sql_type;
        if (c.type.empty()) c.type = xm::go_sql_type(type, tag.autoincr);
        if (c.type.empty()) c.type = xm::go_sql_type(underlying(st, type), tag.autoincr);
        if (c.type.empty()) c.type = "text";  // a struct or a type xorm stores as text
        c.pk = tag.pk;
        c.unique = tag.unique;
        c.groups = tag.unique_groups;
        if (seen->insert(c.name).second) out->push_back(std::move(c));
      }
    }
    return true;
  }

  /// What Sync2(&T{}) runs on PostgreSQL for a model: its table if missing, then each column it lacks.
  bool sync(const StructAt& st, GeneratedSql* out, uint32_t at, std::string* table_out, std::string* err) {
    std::string table = this->table(st, err);
    if (table.empty()) return false;
    std::vector<Column> cols;
    std::set<std::string> seen;
    if (!columns(st, &cols, &seen, 0, err)) return false;
    if (table_out) *table_out = table;
    std::string create = "CREATE TABLE IF NOT EXISTS " + quote_ident(table) + " (";
    std::vector<std::string> pk;
    std::map<std::string, std::vector<std::string>> groups;
    for (size_t k = 0; k < cols.size(); ++k) {
      create += (k ? ", " : "") + quote_ident(cols[k].name) + " " + cols[k].type;
      if (cols[k].unique) create += " UNIQUE";
      if (cols[k].pk) pk.push_back(quote_ident(cols[k].name));
      for (const std::string& g : cols[k].groups) groups[g].push_back(quote_ident(cols[k].name));
    }
    auto joined = [](const std::vector<std::string>& v) {
      std::string s;
      for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
      return s;
    };
    if (!pk.empty()) create += ", PRIMARY KEY (" + joined(pk) + ")";
    for (auto& [name, members] : groups) create += ", UNIQUE (" + joined(members) + ")";
    out->emit(create + ")", at);
    for (const Column& c : cols)
      out->emit("ALTER TABLE " + quote_ident(table) + " ADD COLUMN IF NOT EXISTS " + quote_ident(c.name) + " " + c.type, at);
    return true;
  }

 private:
  const source::FileSystem& fs_;
  std::string root_;
  xm::Mapper table_mapper_;
  xm::Mapper mapper_;  ///< columns
  std::map<std::string, std::unique_ptr<Package>> packages_;
};

/// The value of configuration key `key`: the one line `key = value` (or `key: value`) of the
/// project's configuration files (`*.conf`, `*.ini`, `*.toml`; beego's conf/app.conf), quotes
/// taken off. False with *cause when no file, or more than one line, sets it.
bool configured_value(const source::FileSystem& fs, const std::string& root, const std::vector<std::string>& files,
                      const std::string& key, std::string* value, std::string* cause) {
  std::vector<std::string> found;
  for (const std::string& path : files) {
    if (!path.ends_with(".conf") && !path.ends_with(".ini") && !path.ends_with(".toml")) continue;
    if (source::is_not_application_code(path)) continue;
    std::string text, e;
    if (!source::read_if(fs, on_disk(root, path), source::TextGate{{{key}}}, &text, &e)) continue;
    size_t line_no = 0;
    for (size_t b = 0; b < text.size();) {
      size_t eol = text.find('\n', b);
      std::string_view line(text.data() + b, (eol == std::string::npos ? text.size() : eol) - b);
      b = eol == std::string::npos ? text.size() : eol + 1;
      ++line_no;
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (!line.starts_with(key)) continue;
      std::string_view rest = line.substr(key.size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      if (rest.empty() || (rest.front() != '=' && rest.front() != ':')) continue;
      rest.remove_prefix(1);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
      if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'') && rest.back() == rest.front())
        rest = rest.substr(1, rest.size() - 2);
      *value = std::string(rest);
      found.push_back(path + ":" + std::to_string(line_no));
    }
  }
  if (found.size() == 1) return true;
  value->clear();
  *cause = found.empty() ? "no configuration file of the repository sets it"
                         : "it is set in " + std::to_string(found.size()) + " places (" + found[0] + ", " + found[1] +
                               "): which one the program reads is not certain";
  return false;
}

/// `.SetMapper(names.GonicMapper{})`, `.SetColumnMapper(...)` and the like, anywhere in the
/// project's Go code: the table and column mappers the engine uses. False when a side is set to
/// a mapper not modelled (a prefix mapper: its prefix is configuration) or to two.
const source::TextGate kSetsMapper{{{"Mapper("}}};
bool project_mapper(const source::FileSystem& fs, const std::string& root, xm::Mappers* out, std::string* err) {
  std::vector<std::string> settings;
  std::string where, configured;
  std::vector<std::string> files = source::discover_files(fs, root, {});
  for (const std::string& path : files) {
    if (!path.ends_with(".go") || path.ends_with("_test.go")) continue;
    std::string text, e;
    if (!source::read_if(fs, on_disk(root, path), kSetsMapper, &text, &e)) continue;
    for (std::string& s : xm::mapper_settings(text)) {
      if ((s.ends_with("=other") || s.find("@other") != std::string::npos) && where.empty()) where = path;
      std::string key = xm::configured_prefix_key(s);
      if (!key.empty()) {
        // A prefix read from configuration: the value the repository's configuration gives it.
        std::string value, cause;
        if (configured_value(fs, root, files, key, &value, &cause) && value.empty()) {
          s = s.substr(0, s.find('@'));
        } else if (configured.empty()) {
          configured = path + ": the table mapper is a prefix mapper whose prefix is configuration key \"" + key +
                       "\": " + (cause.empty() ? "its value \"" + value + "\" is a prefix schemagate does not model" : cause);
        }
      }
      settings.push_back(std::move(s));
    }
  }
  *out = xm::project_mappers(settings);
  if (out->table && out->column) return true;
  *err = !configured.empty() ? configured
         : !where.empty()    ? where + ": sets a mapper whose table and column names schemagate does not model"
                             : "the project sets both xorm's SnakeMapper and GonicMapper: which names its tables have is not certain";
  return false;
}

/// One &xormigrate.Migration{ID: ..., Migrate: ...} of the package.
struct Element {
  const GoMigrationCode* go = nullptr;
  std::string path, id;
  TSNode migrate{};
  uint32_t at = 0;
};

/// The migrations of the package's files, in file order and then source order.
bool elements(const Package& pkg, std::vector<Element>* out, std::string* err) {
  for (size_t k = 0; k < pkg.files.size(); ++k) {
    const GoMigrationCode& go = *pkg.files[k];
    if (!go.ok()) continue;
    std::vector<TSNode> stack{go.root()};
    std::vector<TSNode> lits;
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "composite_literal") && go.node_text(field(n, "type")) == "xormigrate.Migration") {
        lits.push_back(n);
        continue;
      }
      // []*xormigrate.Migration{{ID: ...}, ...}: elements whose type is left out.
      if (node_is(n, "literal_value") && node_is(ts_node_parent(n), "literal_element") &&
          go.node_text(field(ts_node_parent(ts_node_parent(ts_node_parent(n))), "type")) == "[]*xormigrate.Migration") {
        lits.push_back(n);
        continue;
      }
      for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
    }
    std::sort(lits.begin(), lits.end(), [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
    for (TSNode lit : lits) {
      Element e{&go, pkg.paths[k], "", TSNode{}, ts_node_start_byte(lit)};
      TSNode body = node_is(lit, "literal_value") ? lit : field(lit, "body");
      bool plain_id = false;
      for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
        TSNode kv = ts_node_named_child(body, i);
        if (!node_is(kv, "keyed_element") || ts_node_named_child_count(kv) != 2) continue;
        TSNode key = ts_node_named_child(kv, 0), v = ts_node_named_child(kv, 1);
        if (node_is(key, "literal_element")) key = languages::first_named_child(key);
        if (node_is(v, "literal_element")) v = languages::first_named_child(v);
        std::string_view k2 = go.node_text(key);
        if (k2 == "ID") {
          std::string_view t = go.node_text(v);
          plain_id = (node_is(v, "interpreted_string_literal") || node_is(v, "raw_string_literal")) && t.size() >= 2 &&
                     t.find('\\') == std::string_view::npos;
          if (plain_id) e.id = std::string(t.substr(1, t.size() - 2));
        } else if (k2 == "Migrate" || k2 == "MigrateSession") {
          e.migrate = v;
        }
      }
      if (!plain_id || e.id.empty()) {
        *err = pkg.paths[k] + ": an xormigrate migration whose ID is not a string literal: the order cannot be told";
        return false;
      }
      out->push_back(std::move(e));
    }
  }
  return true;
}

/// The models a Sync2 argument stands for, resolved through the functions that build a bean
/// list (`schemaBeans()...`, `models.GetTables()...`): each (package, file, type text, offset).
class Beans {
 public:
  explicit Beans(Models& models) : models_(models) {}

  struct Bean {
    StructAt st;
    std::string type;
  };

  bool argument(const Package& pkg, const GoMigrationCode& go, TSNode a, std::vector<Bean>* out, std::string* err,
                int depth = 0) {
    if (depth > 6) return fail(go, a, err);
    if (node_is(a, "variadic_argument")) {
      TSNode inner = languages::first_named_child(a);
      if (node_is(inner, "identifier")) {  // Sync(tables...) of a package list literal
        const GoMigrationCode* in = nullptr;
        TSNode list = package_list(pkg, go.node_text(inner), &in);
        if (!ts_node_is_null(list)) return elements_of(pkg, *in, list, out, err, depth);
        return fail(go, a, err);
      }
      if (node_is(inner, "call_expression") && ts_node_named_child_count(field(inner, "arguments")) == 0)
        return list_function(pkg, go, field(inner, "function"), out, err, depth + 1);
      return fail(go, a, err);
    }
    if (node_is(a, "identifier")) {
      const GoMigrationCode* file = nullptr;
      if (TSNode list = ranged_package_list(pkg, go, a, &file); !ts_node_is_null(list))
        return elements_of(pkg, *file, list, out, err, depth);
    }
    std::string type = gm::value_type(a, go.text());
    if (type.empty() || type.starts_with("[]")) return fail(go, a, err);
    StructAt st = models_.find(pkg, go, type);
    if ((!st.go || ts_node_is_null(st.type)) && type.find('.') != std::string::npos) {
      // A type of a module outside the repository (an adapter's model): its TableName() and
      // fields are not in the tree, so its table cannot be told, nor can the schema be.
      std::string qualifier = type.substr(0, type.find('.'));
      for (auto& [alias, path] : gm::declarations(go.root(), go.text()).imports)
        if (alias == qualifier && models_.import_folder(go, qualifier).empty()) {
          *err = "the model " + std::string(go.node_text(a)) + " is a type of " + path +
                 ", a module outside the repository, so its table cannot be read: give the schema another way "
                 "(a pg_dump --schema-only of the database saved as schema.sql, or --migrations DIR)";
          return false;
        }
    }
    if (!st.go || ts_node_is_null(st.type)) return fail(go, a, err);
    out->push_back({st, type});
    return true;
  }

 private:
  /// `var name = []any{...}` (alone or in a `var (...)` group) at the top of a file of the
  /// package, appended to nowhere in it: the literal, and its file in *in; else a null node.
  static TSNode package_list(const Package& pkg, std::string_view name, const GoMigrationCode** in) {
    std::string appended = "append(" + std::string(name);
    for (const auto& f : pkg.files)
      if (f->ok() && f->text().find(appended) != std::string_view::npos) return TSNode{};
    for (const auto& f : pkg.files) {
      if (!f->ok()) continue;
      for (TSNode spec : f->package_var_specs()) {
        if (f->node_text(field(spec, "name")) != name) continue;
        TSNode value = field(spec, "value");
        if (ts_node_named_child_count(value) != 1) return TSNode{};
        *in = f.get();
        return ts_node_named_child(value, 0);
      }
    }
    return TSNode{};
  }

  /// `for _, bean := range allBeans { x.Sync(bean) }` where the package declares
  /// `var allBeans = []any{new(A), &B{}}`: that literal, its file in *file; else a null node.
  static TSNode ranged_package_list(const Package& pkg, const GoMigrationCode& go, TSNode name,
                                    const GoMigrationCode** file) {
    std::string_view var = go.node_text(name);
    for (TSNode n = ts_node_parent(name); !ts_node_is_null(n); n = ts_node_parent(n)) {
      if (node_is(n, "function_declaration") || node_is(n, "method_declaration") || node_is(n, "func_literal")) break;
      if (!node_is(n, "for_statement")) continue;
      TSNode range = languages::first_named_child(n);
      if (!node_is(range, "range_clause")) continue;
      TSNode left = field(range, "left"), right = field(range, "right");
      uint32_t k = ts_node_named_child_count(left);
      if (k == 0 || go.node_text(ts_node_named_child(left, k - 1)) != var || k != 2 || !node_is(right, "identifier"))
        return TSNode{};
      const GoMigrationCode* in = nullptr;
      TSNode lit = package_list(pkg, go.node_text(right), &in);
      if (!ts_node_is_null(lit)) *file = in;
      return lit;
    }
    return TSNode{};
  }

  bool fail(const GoMigrationCode& go, TSNode a, std::string* err) {
    if (err->empty())
      *err = go.node_text(a).size() > 60 ? std::string(go.node_text(a).substr(0, 60)) + "..." : std::string(go.node_text(a));
    *err = "the model " + *err + " is not a struct schemagate can find";
    return false;
  }

  /// A function without arguments that returns a bean list: `return []interface{}{&A{}, ...}`,
  /// or a variable built from such literals and appends, then returned.
  bool list_function(const Package& pkg, const GoMigrationCode& go, TSNode fn_name, std::vector<Bean>* out,
                     std::string* err, int depth) {
    const Package* in = &pkg;
    std::string_view name = go.node_text(fn_name);
    if (node_is(fn_name, "selector_expression")) {
      std::string dir = models_.import_folder(go, go.node_text(field(fn_name, "operand")));
      if (dir.empty()) return fail(go, fn_name, err);
      in = &models_.package(dir, nullptr);
      name = go.node_text(field(fn_name, "field"));
    } else if (!node_is(fn_name, "identifier")) {
      return fail(go, fn_name, err);
    }
    for (const auto& f : in->files) {
      if (!f->ok()) continue;
      TSNode fn = f->function(name);
      if (ts_node_is_null(fn)) continue;
      std::map<std::string, std::vector<Bean>> vars;
      TSNode body = field(fn, "body");
      for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
        TSNode s = ts_node_named_child(body, i);
        if (node_is(s, "comment")) continue;
        if (node_is(s, "return_statement")) {
          TSNode list = languages::first_named_child(s);
          if (ts_node_named_child_count(list) != 1) return fail(*f, s, err);
          TSNode v = ts_node_named_child(list, 0);
          if (node_is(v, "identifier") && vars.count(std::string(f->node_text(v)))) {
            for (Bean& b : vars[std::string(f->node_text(v))]) out->push_back(std::move(b));
            return true;
          }
          return elements_of(*in, *f, v, out, err, depth);
        }
        if (!node_is(s, "short_var_declaration") && !node_is(s, "assignment_statement")) return fail(*f, s, err);
        TSNode left = field(s, "left"), right = field(s, "right");
        if (ts_node_named_child_count(left) != 1 || ts_node_named_child_count(right) != 1) return fail(*f, s, err);
        std::string var(f->node_text(ts_node_named_child(left, 0)));
        TSNode v = ts_node_named_child(right, 0);
        std::vector<Bean> value;
        if (node_is(v, "call_expression") && f->node_text(field(v, "function")) == "append") {
          std::vector<TSNode> args = gm::arguments(v);
          if (args.empty() || f->node_text(args[0]) != var || !vars.count(var)) return fail(*f, s, err);
          value = vars[var];
          for (size_t k = 1; k < args.size(); ++k)
            if (!argument(*in, *f, args[k], &value, err, depth + 1)) return false;
        } else if (!elements_of(*in, *f, v, &value, err, depth)) {
          return false;
        }
        vars[var] = std::move(value);
      }
      return fail(*f, fn, err);
    }
    return fail(go, fn_name, err);
  }

  /// `[]interface{}{&A{}, &B{}}` (or []any): each element's model.
  bool elements_of(const Package& pkg, const GoMigrationCode& go, TSNode lit, std::vector<Bean>* out,
                   std::string* err, int depth) {
    std::string_view t = go.node_text(field(lit, "type"));
    if (!node_is(lit, "composite_literal") || (t != "[]interface{}" && t != "[]any")) return fail(go, lit, err);
    TSNode body = field(lit, "body");
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode e = ts_node_named_child(body, i);
      if (node_is(e, "comment")) continue;
      if (node_is(e, "literal_element")) e = languages::first_named_child(e);
      if (!argument(pkg, go, e, out, err, depth + 1)) return false;
    }
    return true;
  }

  Models& models_;
};

constexpr std::string_view kSyncs[] = {"Sync", "Sync2", "SyncWithOptions", "CreateTables"};
bool is_sync(std::string_view m) { return std::find(std::begin(kSyncs), std::end(kSyncs), m) != std::end(kSyncs); }
/// Engine methods that change the schema in ways the models alone do not say.
bool changes_schema(std::string_view m) {
  for (std::string_view s : {"DropTables", "DropTable", "DropIndexes", "CreateIndexes", "CreateUniques", "ImportFile",
                             "Import", "DropIndex"})
    if (m == s) return true;
  return false;
}

/// The statements the Sync calls of `fn` run, in source order; false with *err on a bean that
/// cannot be followed. `tables` collects the tables they name.
bool sync_calls(Models& models, const Package& pkg, const GoMigrationCode& go, TSNode fn, GeneratedSql* out,
                std::vector<uint32_t>* at, std::string* err) {
  Beans beans(models);
  for (TSNode call : calls_under(fn)) {
    std::string_view m = method_name(go, call);
    if (!is_sync(m)) continue;
    at->push_back(ts_node_start_byte(call));
    std::vector<TSNode> args = gm::arguments(call);
    for (size_t k = m == "SyncWithOptions" ? 1 : 0; k < args.size(); ++k) {
      std::vector<Beans::Bean> found;
      if (!beans.argument(pkg, go, args[k], &found, err)) return false;
      for (const Beans::Bean& b : found)
        if (!models.sync(b.st, out, ts_node_start_byte(call), nullptr, err)) return false;
    }
  }
  return true;
}

std::string runner_file(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return go_list_file(fs, root, dir, kRunner);
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return !runner_file(fs, root, dir).empty();
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  return go_list_dirs(fs, root, kRunner);
}

/// `.InitSchema(fn)` in the package: the file and the function (a declaration or a literal).
TSNode init_schema(const Package& pkg, const GoMigrationCode** in, TSNode* call) {
  for (const auto& f : pkg.files) {
    if (!f->ok()) continue;
    for (TSNode c : calls_under(f->root())) {
      if (method_name(*f, c) != "InitSchema") continue;
      *call = c;
      std::vector<TSNode> args = gm::arguments(c);
      if (args.size() != 1) continue;
      if (node_is(args[0], "func_literal")) return *in = f.get(), args[0];
      for (const auto& g : pkg.files)
        if (g->ok() && !ts_node_is_null(g->function(g->node_text(args[0])))) return *in = g.get(), g->function(f->node_text(args[0]));
      return *in = f.get(), TSNode{};
    }
  }
  return TSNode{};
}

/// The Sync calls the program makes after `m.Migrate()` in the function that calls InitSchema,
/// directly or through a function of the package it calls there (`syncAll(e)` looping over the
/// models): they run after every migration, on a fresh database too. Appends their statements
/// to *out and their offsets to *at (in `*in`'s file); false with *err on a bean not followed.
bool syncs_after_migrate(Models& models, const Package& pkg, const GoMigrationCode& go, TSNode init_call,
                         GeneratedSql* out, std::vector<uint32_t>* at, const GoMigrationCode** in, std::string* err) {
  TSNode fn = init_call;
  while (!ts_node_is_null(fn) && !node_is(fn, "function_declaration") && !node_is(fn, "method_declaration"))
    fn = ts_node_parent(fn);
  if (ts_node_is_null(fn)) return true;
  uint32_t migrate_at = UINT32_MAX;
  for (TSNode c : calls_under(fn))
    if (method_name(go, c) == "Migrate" && gm::arguments(c).empty() && ts_node_start_byte(c) > ts_node_start_byte(init_call))
      migrate_at = std::min(migrate_at, ts_node_start_byte(c));
  if (migrate_at == UINT32_MAX) return true;
  // The statements keep offsets of one file: syncs spread over several files are not read.
  auto read = [&](const GoMigrationCode& file, TSNode node) {
    if (*in && *in != &file) return true;
    size_t before = at->size();
    if (!sync_calls(models, pkg, file, node, out, at, err)) return false;
    if (at->size() > before) *in = &file;
    return true;
  };
  for (TSNode c : calls_under(fn)) {
    if (ts_node_start_byte(c) <= migrate_at) continue;
    if (is_sync(method_name(go, c))) {
      if (!read(go, c)) return false;
      continue;
    }
    TSNode callee = field(c, "function");
    if (!node_is(callee, "identifier")) continue;
    for (const auto& f : pkg.files) {
      if (!f->ok()) continue;
      TSNode target = f->function(go.node_text(callee));
      if (ts_node_is_null(target)) continue;
      if (!read(*f, target)) return false;
      break;
    }
  }
  return true;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  out->clear();
  if (runner_file(fs, root, dir).empty()) return true;
  xm::Mappers mapper;
  if (!project_mapper(fs, root, &mapper, err)) {
    *err = dir + ": xormigrate: " + *err;
    return false;
  }
  Models models(fs, root, mapper);
  std::string read_err;
  const Package& pkg = models.package(dir, &read_err);
  if (!read_err.empty()) return *err = read_err, false;
  for (size_t k = 0; k < pkg.files.size(); ++k)
    if (!pkg.files[k]->ok() || pkg.files[k]->syntax_error()) {
      *err = pkg.paths[k] + ": does not parse as Go (a syntax error in the migrations)";
      return false;
    }
  std::vector<Element> list;
  if (!elements(pkg, &list, err)) return false;
  if (list.empty()) {
    *err = dir + ": xormigrate.New is handed migrations that are not &xormigrate.Migration{...} literals of the "
                 "package: they cannot be read";
    return false;
  }
  // xormigrate runs the list in its order; a package that sorts it by ID first (init() order
  // is the files' order, so projects sort) runs them by ID.
  bool sorted = false;
  for (const auto& f : pkg.files)
    if (f->text().find("sort.Slice(") != std::string_view::npos && f->text().find(".ID < ") != std::string_view::npos)
      sorted = true;
  if (sorted) std::stable_sort(list.begin(), list.end(), [](const Element& a, const Element& b) { return a.id < b.id; });

  std::string previous;
  const GoMigrationCode* init_go = nullptr;
  TSNode init_call{};
  TSNode init_fn = init_schema(pkg, &init_go, &init_call);
  if (init_go) {
    if (ts_node_is_null(init_fn)) {
      *err = dir + ": the function xormigrate's InitSchema runs is not in the package: the schema it makes cannot be told";
      return false;
    }
    MigrationFile m;
    for (size_t k = 0; k < pkg.files.size(); ++k)
      if (pkg.files[k].get() == init_go) m.path = pkg.paths[k], m.text = pkg.texts[k];
    GeneratedSql sql;
    std::vector<uint32_t> at;
    std::string why;
    if (!sync_calls(models, pkg, *init_go, init_fn, &sql, &at, &why)) {
      *err = m.path + ": xormigrate's InitSchema: " + why;
      return false;
    }
    const GoMigrationCode* synced_in = nullptr;
    if (at.empty() && !syncs_after_migrate(models, pkg, *init_go, init_call, &sql, &at, &synced_in, &why)) {
      *err = m.path + ": the Sync after xormigrate's Migrate(): " + why;
      return false;
    }
    if (at.empty()) {
      *err = m.path + ": xormigrate's InitSchema function syncs no models: the schema it makes cannot be told";
      return false;
    }
    if (synced_in) {
      // InitSchema creates nothing; the models the program syncs after Migrate() are the schema
      // of a fresh database (the migrations are recorded, not run).
      for (size_t k = 0; k < pkg.files.size(); ++k)
        if (pkg.files[k].get() == synced_in) m.path = pkg.paths[k], m.text = pkg.texts[k];
      m.notes.push_back({at.front(), "InitSchema creates nothing: the models synced after Migrate() are the schema of "
                                     "a fresh database"});
    }
    m.version = "SCHEMA_INIT";
    m.name = "InitSchema";
    m.format = "xormigrate";
    m.sql = std::move(sql.sql);
    m.origin = std::move(sql.origin);
    m.notes.push_back({ts_node_start_byte(init_fn), "on a fresh database xormigrate runs InitSchema and records every "
                                                    "migration without running it"});
    previous = m.version;
    out->push_back(std::move(m));
  }
  for (Element& e : list) {
    MigrationFile m;
    for (size_t k = 0; k < pkg.files.size(); ++k)
      if (pkg.files[k].get() == e.go) m.text = pkg.texts[k];
    m.path = e.path;
    m.version = e.id;
    m.name = e.id;
    m.format = "xormigrate";
    if (!previous.empty()) m.depends_on.push_back(previous);
    previous = e.id;
    if (init_go) {  // recorded, not run, where InitSchema made the schema
      m.origin.push_back(e.at);
      m.notes.push_back({e.at, "recorded without running on a database InitSchema created"});
      out->push_back(std::move(m));
      continue;
    }
    TSNode fn = e.go->upgrade_function(e.migrate);
    if (ts_node_is_null(fn)) {
      *err = e.path + ": xormigrate migration " + e.id + ": its Migrate function is not in its file; the steps cannot be read";
      return false;
    }
    GoMigrationCode::Steps steps = e.go->steps(fn);
    GeneratedSql synced;
    std::vector<uint32_t> at;
    std::string why;
    bool unknown = !sync_calls(models, pkg, *e.go, fn, &synced, &at, &why);
    for (TSNode call : calls_under(fn))
      if (changes_schema(method_name(*e.go, call))) {
        unknown = true;
        steps.sql.notes.push_back({ts_node_start_byte(call), std::string(method_name(*e.go, call)) + ": not modelled"});
      }
    // Sync runs before or after the migration's SQL; between statements the order is not told.
    uint32_t first_sql = steps.sql.origin.empty() ? UINT32_MAX : steps.sql.origin.front();
    uint32_t last_sql = steps.sql.origin.empty() ? 0 : steps.sql.origin.back();
    bool before = std::all_of(at.begin(), at.end(), [&](uint32_t a) { return a < first_sql; });
    bool after = std::all_of(at.begin(), at.end(), [&](uint32_t a) { return a > last_sql; });
    if (!unknown && !at.empty() && !before && !after) unknown = true;
    if (unknown) {
      steps.unknown = true;
      if (!why.empty()) steps.sql.notes.push_back({ts_node_start_byte(fn), why});
    } else if (!at.empty()) {
      GeneratedSql all = before ? std::move(synced) : std::move(steps.sql);
      GeneratedSql& tail = before ? steps.sql : synced;
      all.sql += tail.sql;
      all.origin.insert(all.origin.end(), tail.origin.begin(), tail.origin.end());
      for (auto& n : tail.notes) all.notes.push_back(std::move(n));
      steps.sql = std::move(all);
    }
    fill_from_steps(*e.go, std::move(steps), e.at,
                    [&](const std::vector<std::string>& names) { return package_words(fs, root, dir, names); }, &m.sql,
                    &m.origin, &m.notes, &m.uncertain_names);
    out->push_back(std::move(m));
  }
  return true;
}

/// A model argument of Sync: `new(T)` or `&T{}`.
bool model_argument(const GoMigrationCode& go, TSNode a) {
  if (node_is(a, "call_expression") && go.node_text(field(a, "function")) == "new") return true;
  return node_is(a, "unary_expression") && go.node_text(field(a, "operator")) == "&" &&
         node_is(field(a, "operand"), "composite_literal");
}

/// Functions that sync two or more models, each call's arguments all `new(T)` / `&T{}`.
std::vector<TSNode> syncing_functions(const GoMigrationCode& go) {
  std::vector<TSNode> out;
  TSNode root = go.root();
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode fn = ts_node_named_child(root, i);
    if (!node_is(fn, "function_declaration") && !node_is(fn, "method_declaration")) continue;
    size_t models = 0;
    bool plain = true;
    for (TSNode c : calls_under(fn)) {
      if (!is_sync(method_name(go, c))) continue;
      std::vector<TSNode> args = gm::arguments(c);
      for (TSNode a : args) {
        // Sync(tables...): a list the package declares, read (and judged) by sync_calls.
        if (node_is(a, "variadic_argument") && node_is(languages::first_named_child(a), "identifier")) {
          models += 2;
          continue;
        }
        plain = plain && model_argument(go, a), ++models;
      }
    }
    if (plain && models >= 2) out.push_back(fn);
  }
  return out;
}

/// Whether `fn` syncs a list the package declares: `Sync(tables...)`.
bool syncs_list(const GoMigrationCode& go, TSNode fn) {
  for (TSNode c : calls_under(fn)) {
    if (!is_sync(method_name(go, c))) continue;
    for (TSNode a : gm::arguments(c))
      if (node_is(a, "variadic_argument") && node_is(languages::first_named_child(a), "identifier")) return true;
  }
  return false;
}

const source::TextGate kMaySync{{{"xorm"}, {".Sync2(", ".Sync("}}};
const GoListTest kStartupSync{&kMaySync, [](const GoMigrationCode& go) { return !syncing_functions(go).empty(); }};

}  // namespace

std::vector<MigrationFile> xorm_startup_schema(const source::FileSystem& fs, const std::string& root, std::string* why) {
  std::vector<MigrationFile> out;
  std::vector<std::string> dirs = go_list_dirs(fs, root, kStartupSync);
  if (dirs.empty()) return out;
  xm::Mappers mapper;
  std::string err;
  if (!project_mapper(fs, root, &mapper, &err)) {
    if (why) *why = err;
    return out;
  }
  Models models(fs, root, mapper);
  for (const std::string& dir : dirs) {
    if (!go_list_file(fs, root, dir, kRunner).empty()) continue;  // xormigrate's runner: its own format
    std::string read_err;
    const Package& pkg = models.package(dir, &read_err);
    if (!read_err.empty()) continue;
    // A package that syncs a list of its own (`Sync(tables...)`, apache/answer's fresh install)
    // beside functions that sync a few models each (its upgrade steps, which sync struct types
    // declared inside them, as they were then): the list is what a fresh database gets, and the
    // upgrade steps bring older databases to it. An upgrade step whose models cannot be followed
    // is left out then, rather than the whole schema.
    bool lists = false;
    for (size_t k = 0; k < pkg.files.size(); ++k)
      if (pkg.files[k]->ok() && !pkg.files[k]->syntax_error() && !pkg.paths[k].ends_with("_test.go"))
        for (TSNode fn : syncing_functions(*pkg.files[k])) lists = lists || syncs_list(*pkg.files[k], fn);
    for (size_t k = 0; k < pkg.files.size(); ++k) {
      const GoMigrationCode& go = *pkg.files[k];
      if (!go.ok() || go.syntax_error() || pkg.paths[k].ends_with("_test.go")) continue;
      for (TSNode fn : syncing_functions(go)) {
        GeneratedSql sql;
        std::vector<uint32_t> at;
        // A model that cannot be followed leaves the schema unknown: no start-up schema at all.
        if (!sync_calls(models, pkg, go, fn, &sql, &at, &err)) {
          if (lists && !syncs_list(go, fn)) continue;
          if (why) *why = pkg.paths[k] + ": " + std::string(go.node_text(field(fn, "name"))) + "() syncs models: " + err;
          return {};
        }
        MigrationFile m;
        m.path = pkg.paths[k];
        m.text = pkg.texts[k];
        m.version = std::to_string(out.size() + 1);
        m.name = std::string(go.node_text(field(fn, "name")));
        m.format = "xorm-sync";
        m.sql = std::move(sql.sql);
        m.origin = std::move(sql.origin);
        m.notes = std::move(sql.notes);
        out.push_back(std::move(m));
      }
    }
  }
  return out;
}

namespace {

// xorm's table for xormigrate's Migration struct: migration(id, description), one row per ID
// applied, SCHEMA_INIT among them when InitSchema made the schema.
std::string tracking_query(const std::string& from, const Relation&) { return "SELECT id::text FROM " + from; }
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) {
    std::string id = text_or_null(row[0]);
    if (id != "NULL") push_applied(out, id, "", false, "id=" + id, /*covers=*/false);
  }
}
const TrackingLayout kTracking{"migration", "", {"id", "description"}, "xormigrate's (id, description)", tracking_query,
                               1, tracking_read, /*text_versions=*/true};

}  // namespace

}  // namespace code

extern const Format kXormigrate{"xormigrate", code::detect, code::load, &code::kTracking, {}, code::discover};

}  // namespace schemagate::schema::migrations
