// gormigrate (github.com/go-gormigrate/gormigrate): a Go package lists its migrations in a
//   []*gormigrate.Migration{{ID: "202401_users", Migrate: func(tx *gorm.DB) error { return tx.Exec(`...`).Error }}, ...}
// literal, passed to gormigrate.New or kept in a variable; an element is written inline, as
// &gormigrate.Migration{...}, or as a package-level variable of any file of the package.
// gormigrate runs them in list order and records each ID in migrations(id). Each element is one
// MigrationFile, read by code/go_code.h (the statements its Migrate function Execs, in order),
// ordered by the list (each depends on the one before it).
//
// `tx.AutoMigrate(&Model{})` creates the model's table when it is missing and adds the columns
// it lacks: it becomes `CREATE TABLE IF NOT EXISTS t (...)` and one `ALTER TABLE t ADD COLUMN IF
// NOT EXISTS` per column, as GORM's PostgreSQL dialect names and types them (the shared naming
// in datalayers/gorm_naming.h), each pointing at the call; calls before the migration's SQL run
// first, calls after it last. The model is a struct declared in the Migrate function (the usual
// frozen copy) or in the package; its table is its TableName() literal, else GORM's default name
// when no file of the project configures the naming. A model of another package, a field type
// whose column cannot be told, the Migrator, AutoMigrate between SQL statements, and a handle
// handed to a function of another file run what no string shows: rather than guess which tables
// exist, the set is not loaded and the error names the migration (exit 2, as for any migrations
// schemagate cannot read).
#include <cctype>
#include <climits>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <set>

#include "analyzers/datalayers/gorm_naming.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/tracking_layout.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using languages::field;
using languages::node_is;

constexpr std::string_view kListType = "[]*gormigrate.Migration";

const source::TextGate kMayHoldList{{{kListType}}};

/// The parsed files of the package, kept with their texts.
struct Package {
  std::deque<std::string> texts;
  std::deque<std::string> paths;
  std::vector<std::unique_ptr<GoMigrationCode>> files;
};

/// The first []*gormigrate.Migration{...} literal of the file, or a null node.
TSNode list_literal(const GoMigrationCode& go) {
  std::vector<TSNode> stack{go.root()};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "composite_literal") && go.node_text(field(n, "type")) == kListType) return n;
    for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
  }
  return TSNode{};
}

/// `name = &gormigrate.Migration{...}` at the top level of a file of the package: the literal.
TSNode package_variable(const Package& pkg, std::string_view name, const GoMigrationCode** in) {
  for (const auto& go : pkg.files) {
    if (!go->ok()) continue;
    for (TSNode spec : go->package_var_specs()) {
      if (go->node_text(field(spec, "name")) != name) continue;
      TSNode values = field(spec, "value");
      if (ts_node_is_null(values) || ts_node_named_child_count(values) != 1) return TSNode{};
      *in = go.get();
      return ts_node_named_child(values, 0);
    }
  }
  return TSNode{};
}

/// `addUsers()` or `addUsers("202401")`, a function of the package whose last statement returns
/// the migration (`return &gormigrate.Migration{...}`, or a project helper's call building one):
/// that expression, and the function in *function.
TSNode returned_literal(const Package& pkg, const GoMigrationCode& list_go, TSNode call, const GoMigrationCode** in,
                        TSNode* function = nullptr) {
  TSNode fn_name = field(call, "function");
  if (!node_is(fn_name, "identifier")) return TSNode{};
  for (const auto& go : pkg.files) {
    if (!go->ok()) continue;
    TSNode fn = go->function(list_go.node_text(fn_name));
    if (ts_node_is_null(fn)) continue;
    if (function) *function = fn;
    TSNode body = field(fn, "body");
    if (ts_node_is_null(body)) return TSNode{};
    for (uint32_t i = ts_node_named_child_count(body); i-- > 0;) {
      TSNode st = ts_node_named_child(body, i);
      if (node_is(st, "comment")) continue;
      if (!node_is(st, "return_statement")) return TSNode{};
      TSNode list = languages::first_named_child(st);
      if (ts_node_is_null(list) || ts_node_named_child_count(list) != 1) return TSNode{};
      *in = go.get();
      return ts_node_named_child(list, 0);
    }
    return TSNode{};
  }
  return TSNode{};
}

/// {ID: "...", Migrate: fn}: the ID literal's text and the Migrate value.
bool element_fields(const GoMigrationCode& go, TSNode lit, std::string* id, TSNode* migrate,
                    const std::function<std::optional<std::string>(std::string_view)>& parameter = nullptr) {
  while (node_is(lit, "unary_expression")) lit = field(lit, "operand");
  if (node_is(lit, "literal_value")) {  // an element of the list whose type is left out
  } else if (node_is(lit, "composite_literal")) {
    lit = field(lit, "body");
  } else {
    return false;
  }
  for (uint32_t i = 0; i < ts_node_named_child_count(lit); ++i) {
    TSNode kv = ts_node_named_child(lit, i);
    if (!node_is(kv, "keyed_element") || ts_node_named_child_count(kv) != 2) continue;
    TSNode k = ts_node_named_child(kv, 0), v = ts_node_named_child(kv, 1);
    if (node_is(k, "literal_element")) k = languages::first_named_child(k);
    if (node_is(v, "literal_element")) v = languages::first_named_child(v);
    std::string_view key = go.node_text(k);
    if (key == "ID") {
      if (node_is(v, "identifier") && parameter) {  // addUsers(id string): the argument's literal
        auto bound = parameter(go.node_text(v));
        if (!bound) return false;
        *id = *bound;
        continue;
      }
      std::string_view t = go.node_text(v);
      if (!node_is(v, "interpreted_string_literal") && !node_is(v, "raw_string_literal")) return false;
      if (t.size() < 2 || t.find('\\') != std::string_view::npos) return false;
      *id = std::string(t.substr(1, t.size() - 2));
    } else if (key == "Migrate") {
      *migrate = v;
    }
  }
  return !id->empty() && !ts_node_is_null(*migrate);
}

/// A call of the Migrator on the handle: it changes the schema by GORM's rules, one by one.
bool migrator_call(const GoMigrationCode& go, TSNode fn, uint32_t* at) {
  std::vector<TSNode> stack{fn};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "selector_expression") && go.node_text(field(n, "field")) == "Migrator") {
      *at = ts_node_start_byte(n);
      return true;
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  return false;
}

/// The `x.AutoMigrate(...)` calls of a function, in source order.
std::vector<TSNode> automigrate_calls(const GoMigrationCode& go, TSNode fn) {
  std::vector<TSNode> out, stack{fn};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "call_expression")) {
      TSNode f = field(n, "function");
      if (node_is(f, "selector_expression") && go.node_text(field(f, "field")) == "AutoMigrate") out.push_back(n);
    }
    for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
  }
  return out;
}

/// Words that configure GORM's naming (a NamingStrategy, a prefix, singular tables, inflection rules).
const source::TextGate kConfiguresNaming{
    {{"gorm"}, {"NamingStrategy", "TablePrefix", "SingularTable", "inflection.Add", "inflection.Set"}}};
const GoListTest kNaming{&kConfiguresNaming, [](const GoMigrationCode&) { return true; }};

/// The import path the file names `alias` by, or "".
std::string import_of(const GoMigrationCode& go, std::string_view alias) {
  std::vector<TSNode> stack{go.root()};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "import_spec")) {
      std::string_view p = go.node_text(field(n, "path"));
      if (p.size() < 2) continue;
      p = p.substr(1, p.size() - 2);
      std::string_view a = go.node_text(field(n, "name"));
      if (a.empty()) a = p.substr(p.rfind('/') + 1);
      if (a == alias) return std::string(p);
      continue;
    }
    if (node_is(n, "source_file") || node_is(n, "import_declaration") || node_is(n, "import_spec_list"))
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  return "";
}

/// What AutoMigrate does with the models of one gormigrate migration, as SQL: the structs it
/// can see (declared in the Migrate function or in the package) and GORM's PostgreSQL types.
class AutoMigrateWriter {
 public:
  AutoMigrateWriter(const Package& pkg, const GoMigrationCode& go, TSNode fn, bool naming_configured,
                    const source::FileSystem* fs, std::string root)
      : pkg_(pkg), go_(go), fn_(fn), naming_configured_(naming_configured), fs_(fs), root_(std::move(root)) {}

  /// Models named `alias.T` from the calling file are the package's `T` (start-up AutoMigrate of
  /// a models package).
  void set_qualifier(std::string alias) { qualifier_ = std::move(alias); }

  /// Appends the statements of `call` to *out; false with *err naming what cannot be told.
  bool write(TSNode call, GeneratedSql* out, std::string* err) {
    uint32_t at = ts_node_start_byte(call);
    TSNode args = field(call, "arguments");
    for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (node_is(a, "comment")) continue;
      if (!write_model(a, at, out, err)) return false;
    }
    return true;
  }

  /// The table and columns (name, type) of the model a value stands for (`&T{}`), and each
  /// mapped field's Go name -> column; false with *err when they cannot be told.
  bool model(TSNode a, std::string* table, std::vector<std::pair<std::string, std::string>>* cols,
             std::map<std::string, std::string>* fields, std::string* err, std::string_view caller = "AutoMigrate") {
    std::string type = model_type(a);
    if (!qualifier_.empty() && type.starts_with(qualifier_ + ".")) type = type.substr(qualifier_.size() + 1);
    Struct st = find_struct(type);
    if (type.empty() || !st.go) {
      *err = std::string(caller) + "(" + std::string(go_.node_text(a)) +
             ") names a model that is not a struct of the migration's package";
      return false;
    }
    *table = table_of(type, err);
    if (table->empty()) return false;
    std::set<std::string> seen;
    fields_ = fields;
    bool ok = columns(st, "", cols, &seen, 0, err);
    fields_ = nullptr;
    return ok;
  }

  /// AutoMigrate of one model, as SQL, pointing at `at`.
  bool write_model(TSNode a, uint32_t at, GeneratedSql* out, std::string* err) {
    {
      std::string table;
      std::vector<std::pair<std::string, std::string>> cols;
      if (!model(a, &table, &cols, nullptr, err)) return false;
      // Two primary-key fields or more: one composite key, as GORM writes it.
      std::vector<std::string> keys;
      for (auto& c : cols)
        if (c.second.ends_with(" PRIMARY KEY")) keys.push_back(c.first);
      if (keys.size() > 1)
        for (auto& c : cols)
          if (c.second.ends_with(" PRIMARY KEY")) c.second.resize(c.second.size() - 12);
      std::string create = "CREATE TABLE IF NOT EXISTS " + quote_ident(table) + " (";
      for (size_t k = 0; k < cols.size(); ++k)
        create += (k ? ", " : "") + quote_ident(cols[k].first) + " " + cols[k].second;
      if (keys.size() > 1) {
        create += ", PRIMARY KEY (";
        for (size_t k = 0; k < keys.size(); ++k) create += (k ? ", " : "") + quote_ident(keys[k]);
        create += ")";
      }
      out->emit(create + ")", at);
      for (auto& [name, sql_type] : cols)
        out->emit("ALTER TABLE " + quote_ident(table) + " ADD COLUMN IF NOT EXISTS " + quote_ident(name) + " " +
                      (sql_type.ends_with(" PRIMARY KEY") ? sql_type.substr(0, sql_type.size() - 12) : sql_type),
                  at);
    }
    return true;
  }

 private:
  struct Struct {
    const GoMigrationCode* go = nullptr;
    TSNode type{};
  };

  /// &T{}, T{}, new(T): "T"; "" for anything else.
  std::string model_type(TSNode v) const {
    while (node_is(v, "unary_expression")) v = field(v, "operand");
    if (node_is(v, "composite_literal")) return std::string(go_.node_text(field(v, "type")));
    if (node_is(v, "call_expression") && go_.node_text(field(v, "function")) == "new") {
      TSNode args = field(v, "arguments");
      if (ts_node_named_child_count(args) == 1) return std::string(go_.node_text(ts_node_named_child(args, 0)));
    }
    return "";
  }

  /// The type_spec `name` declared in `scope` (the function, then each file's top level).
  static TSNode type_spec(const GoMigrationCode& go, TSNode scope, std::string_view name, bool nested) {
    std::vector<TSNode> stack{scope};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if ((node_is(n, "type_spec") || node_is(n, "type_alias")) && go.node_text(field(n, "name")) == name) return n;
      if (nested || ts_node_eq(n, scope) || node_is(n, "type_declaration"))
        for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
    return TSNode{};
  }

  /// The struct named `name`: declared in the Migrate function, else in a file of the package.
  Struct find_struct(std::string_view name) const {
    if (name.empty() || name.find('.') != std::string_view::npos) return {};
    // The Migrate function, then the function around it (`func addUsers() *gormigrate.Migration
    // { type User struct {...}; return &gormigrate.Migration{...} }`).
    TSNode outer = fn_;
    for (TSNode n = ts_node_parent(fn_); !ts_node_is_null(n); n = ts_node_parent(n))
      if (node_is(n, "function_declaration") || node_is(n, "func_literal")) outer = n;
    for (TSNode scope : {fn_, field(outer, "body")}) {  // the outer body's own declarations only
      TSNode spec = type_spec(go_, scope, name, ts_node_eq(scope, fn_));
      if (!ts_node_is_null(spec))
        return node_is(field(spec, "type"), "struct_type") ? Struct{&go_, field(spec, "type")} : Struct{};
    }
    TSNode spec{};
    for (const auto& f : pkg_.files) {
      if (!f->ok()) continue;
      spec = type_spec(*f, f->root(), name, false);
      if (!ts_node_is_null(spec))
        return node_is(field(spec, "type"), "struct_type") ? Struct{f.get(), field(spec, "type")} : Struct{};
    }
    return {};
  }

  /// `pkg.T` embedded by a model: the struct T of the project's folder that `pkg`'s import path
  /// ends with (`.../pkg/db` -> pkg/db), read from its Go files.
  Struct imported_struct(const GoMigrationCode& from, std::string_view qualified) const {
    std::string_view pkg = qualified.substr(0, qualified.find('.')), name = qualified.substr(qualified.find('.') + 1);
    std::string path = import_of(from, pkg);
    if (path.empty() || !fs_) return {};
    for (size_t at = 0; at < path.size(); at = path.find('/', at)) {
      if (path[at] == '/') ++at;
      std::string dir = path.substr(at);
      std::vector<std::string> files = go_files(*fs_, root_, dir);
      if (files.empty()) continue;
      for (const std::string& f : files) {
        imported_.texts.emplace_back();
        std::string err;
        if (!read_migration_text(*fs_, root_, source::join_path(dir, f), &imported_.texts.back(), &err)) continue;
        imported_.paths.push_back(source::join_path(dir, f));
        imported_.files.push_back(
            std::make_unique<GoMigrationCode>(imported_.paths.back(), imported_.texts.back(), nullptr));
        const GoMigrationCode& go = *imported_.files.back();
        if (!go.ok()) continue;
        TSNode spec = type_spec(go, go.root(), name, false);
        if (!ts_node_is_null(spec) && node_is(field(spec, "type"), "struct_type")) return {&go, field(spec, "type")};
      }
      return {};
    }
    return {};
  }

  /// A non-struct named type of the package or the function (`type Status string`): its underlying text.
  std::string underlying(std::string_view name) const {
    TSNode spec = type_spec(go_, fn_, name, true);
    for (TSNode n = ts_node_parent(fn_); ts_node_is_null(spec) && !ts_node_is_null(n); n = ts_node_parent(n))
      if (node_is(n, "function_declaration")) spec = type_spec(go_, field(n, "body"), name, false);  // the function around it
    const GoMigrationCode* in = &go_;
    for (size_t k = 0; ts_node_is_null(spec) && k < pkg_.files.size(); ++k)
      if (pkg_.files[k]->ok()) spec = type_spec(*pkg_.files[k], pkg_.files[k]->root(), name, false), in = pkg_.files[k].get();
    if (ts_node_is_null(spec) || node_is(field(spec, "type"), "struct_type")) return "";
    return std::string(in->node_text(field(spec, "type")));
  }

  /// The model's table: its TableName() literal in the package, else GORM's default name.
  std::string table_of(const std::string& type, std::string* err) const {
    for (const auto& f : pkg_.files) {
      if (!f->ok()) continue;
      TSNode root = f->root();
      for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
        TSNode m = ts_node_named_child(root, i);
        if (!node_is(m, "method_declaration") || f->node_text(field(m, "name")) != "TableName") continue;
        std::string_view recv = f->node_text(field(m, "receiver"));
        if (recv.find(type + ")") == std::string_view::npos) continue;
        std::string_view body = f->node_text(field(m, "body"));
        size_t q = body.find('"');
        size_t e = q == std::string_view::npos ? q : body.find('"', q + 1);
        std::string_view lit = e == std::string_view::npos ? "" : body.substr(q + 1, e - q - 1);
        if (lit.empty() || body.find("return \"") == std::string_view::npos ||
            lit.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos) {
          *err = "AutoMigrate(&" + type + "{}): its TableName() method does not return a plain literal";
          return "";
        }
        return std::string(lit);
      }
    }
    if (naming_configured_) {
      *err = "AutoMigrate(&" + type + "{}): the project configures GORM's naming strategy, so its table name is not certain";
      return "";
    }
    return datalayers::gorm::table_name(type);
  }

  /// The type a named type's `GormDBDataType(db, field)` gives PostgreSQL: the literal its
  /// PostgreSQL case returns (`case drivers.POSTGRES: return "BYTEA"`), lower-cased; "" when none.
  std::string postgres_data_type(std::string_view type) const {
    for (const auto& f : pkg_.files) {
      if (!f->ok()) continue;
      TSNode root = f->root();
      for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
        TSNode m = ts_node_named_child(root, i);
        if (!node_is(m, "method_declaration") || f->node_text(field(m, "name")) != "GormDBDataType") continue;
        std::string_view recv = f->node_text(field(m, "receiver"));
        if (recv.find(std::string(type) + ")") == std::string_view::npos) continue;
        std::string_view body = f->node_text(field(m, "body"));
        size_t at = body.find("POSTGRES");
        if (at == std::string_view::npos) at = body.find("\"postgres\"");
        if (at == std::string_view::npos) return "";
        size_t ret = body.find("return \"", at), c = body.find("case ", at + 1);
        if (ret == std::string_view::npos || (c != std::string_view::npos && c < ret)) return "";
        size_t end = body.find('"', ret + 8);
        std::string lit(body.substr(ret + 8, end == std::string_view::npos ? 0 : end - ret - 8));
        for (char& ch : lit) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return lit.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_ ()[]") == std::string::npos ? lit : "";
      }
    }
    return "";
  }

  /// The basic Go type a named type's `Value() (driver.Value, error)` returns, when every return
  /// of its body converts to the same one (`return int64(f.toLib().ProtocolValue()), nil`): GORM
  /// calls Value() on a zero field and types the column by the result. "" otherwise.
  std::string valuer_type(std::string_view type) const {
    for (const auto& f : pkg_.files) {
      if (!f->ok()) continue;
      TSNode root = f->root();
      for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
        TSNode m = ts_node_named_child(root, i);
        if (!node_is(m, "method_declaration") || f->node_text(field(m, "name")) != "Value") continue;
        std::string_view recv = f->node_text(field(m, "receiver"));
        if (recv.find(" " + std::string(type) + ")") == std::string_view::npos &&
            recv.find("*" + std::string(type) + ")") == std::string_view::npos)
          continue;
        std::string_view body = f->node_text(field(m, "body"));
        std::string found;
        for (size_t at = body.find("return "); at != std::string_view::npos; at = body.find("return ", at + 7)) {
          size_t open = body.find('(', at + 7);
          std::string_view conv = body.substr(at + 7, open == std::string_view::npos ? 0 : open - at - 7);
          static const std::set<std::string_view> kBasic = {"int64", "int32", "int", "string", "float64", "bool"};
          if (!kBasic.count(conv)) return "";
          if (!found.empty() && found != conv) return "";
          found = std::string(conv);
        }
        return found;
      }
    }
    return "";
  }

  /// A `type:` tag as GORM's PostgreSQL dialect writes it: its own names (bool, int, uint, float,
  /// string, time, bytes) mapped, anything else as written.
  static std::string gorm_type(const std::string& declared) {
    static const std::map<std::string, std::string> kGeneric = {{"bool", "boolean"}, {"int", "bigint"},
                                                               {"uint", "bigint"}, {"float", "decimal"},
                                                               {"string", "text"}, {"time", "timestamptz"},
                                                               {"bytes", "bytea"}};
    auto it = kGeneric.find(declared);
    return it == kGeneric.end() ? declared : it->second;
  }

  /// GORM's PostgreSQL type of a field, or "" when it cannot be told (a struct: a relation).
  std::string sql_type(std::string_view t, bool primary) const {
    bool pointer = t.starts_with("*");
    while (t.starts_with("*")) t.remove_prefix(1);
    (void)pointer;
    static const std::pair<std::string_view, std::string_view> kTypes[] = {
        {"bool", "boolean"}, {"int8", "smallint"}, {"int16", "smallint"}, {"int32", "integer"}, {"int", "bigint"},
        {"int64", "bigint"}, {"uint8", "smallint"}, {"uint16", "integer"}, {"uint32", "bigint"}, {"uint", "bigint"},
        {"uint64", "bigint"}, {"float32", "decimal"}, {"float64", "decimal"}, {"string", "text"},
        {"[]byte", "bytea"}, {"time.Time", "timestamptz"}, {"time.Duration", "bigint"}, {"gorm.DeletedAt", "timestamptz"},
        {"sql.NullString", "text"}, {"sql.NullInt64", "bigint"}, {"sql.NullInt32", "integer"},
        {"sql.NullBool", "boolean"}, {"sql.NullTime", "timestamptz"}, {"sql.NullFloat64", "decimal"},
        {"uuid.UUID", "uuid"}, {"datatypes.JSON", "jsonb"}, {"datatypes.Date", "date"},
        {"decimal.Decimal", "numeric"}, {"pq.StringArray", "text[]"}, {"json.RawMessage", "jsonb"}};
    for (auto& [go_type, sql] : kTypes)
      if (t == go_type) {
        if (primary && (sql == "bigint" || sql == "integer" || sql == "smallint"))
          return sql == "bigint" ? "bigserial" : sql == "integer" ? "serial" : "smallserial";
        return std::string(sql);
      }
    if (t.find_first_of(".[]") == std::string_view::npos) {  // a named type of the package
      if (std::string own = postgres_data_type(t); !own.empty()) return own;
      if (std::string valued = valuer_type(t); !valued.empty()) return sql_type(valued, primary);
      std::string u = underlying(t);
      if (!u.empty() && u != t) return sql_type(u, primary);
    }
    return "";
  }

  /// The columns of a struct's fields, in order: (name, type), embedded structs flattened.
  bool columns(const Struct& st, const std::string& prefix, std::vector<std::pair<std::string, std::string>>* out,
               std::set<std::string>* seen, int depth, std::string* err) const {
    if (depth > 4) return true;
    const GoMigrationCode& go = *st.go;
    TSNode list{};
    for (uint32_t i = 0; i < ts_node_named_child_count(st.type); ++i)
      if (node_is(ts_node_named_child(st.type, i), "field_declaration_list")) list = ts_node_named_child(st.type, i);
    if (ts_node_is_null(list)) return true;
    for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
      TSNode f = ts_node_named_child(list, i);
      if (!node_is(f, "field_declaration")) continue;
      std::string_view type = go.node_text(field(f, "type"));
      std::string_view tag = go.node_text(field(f, "tag"));
      std::string settings;
      if (size_t g = tag.find("gorm:\""); g != std::string_view::npos)
        settings = std::string(tag.substr(g + 6, tag.find('"', g + 6) - g - 6));
      auto setting = [&](std::string_view key) -> std::optional<std::string> {
        size_t i = 0;
        while (i <= settings.size()) {
          size_t semi = settings.find(';', i);
          if (semi == std::string::npos) semi = settings.size();
          std::string item = settings.substr(i, semi - i);
          size_t colon = item.find(':');
          // GORM's ParseTagSetting trims both (`default:false; column:share_oss`).
          auto trimmed = [](std::string v) {
            v.erase(0, std::min(v.find_first_not_of(" \t"), v.size()));
            v.erase(v.find_last_not_of(" \t") + 1);
            return v;
          };
          std::string k = trimmed(item.substr(0, colon));
          for (char& c : k) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          if (k == key) return colon == std::string::npos ? "" : trimmed(item.substr(colon + 1));
          i = semi + 1;
        }
        return std::nullopt;
      };
      if (setting("-") || settings.starts_with("-")) continue;
      // AutoMigrate creates a many2many join table too, with keys named after both models'
      // primary keys: its name becomes uncertain (never reported missing, nor assumed present).
      if (auto join = setting("MANY2MANY"); join && !join->empty()) join_tables_.push_back(*join);
      if (setting("FOREIGNKEY") || setting("REFERENCES") || setting("MANY2MANY") || setting("POLYMORPHIC")) continue;
      std::vector<std::string_view> names;
      for (uint32_t j = 0; j < ts_node_named_child_count(f); ++j)
        if (node_is(ts_node_named_child(f, j), "field_identifier")) names.push_back(go.node_text(ts_node_named_child(f, j)));
      std::string_view bare = type;
      while (bare.starts_with("*")) bare.remove_prefix(1);
      if (names.empty() || setting("EMBEDDED")) {
        if (bare == "gorm.Model") {
          for (auto c : {std::pair{"id", "bigserial PRIMARY KEY"}, {"created_at", "timestamptz"},
                         {"updated_at", "timestamptz"}, {"deleted_at", "timestamptz"}})
            if (seen->insert(prefix + c.first).second) out->push_back({prefix + c.first, c.second});
          continue;
        }
        Struct inner = bare.find('.') == std::string_view::npos ? find_struct(bare) : imported_struct(*st.go, bare);
        if (!inner.go) {
          *err = "a field of the model embeds " + std::string(bare) + ", which is not a struct of the migration's package";
          return false;
        }
        if (!columns(inner, prefix + setting("EMBEDDEDPREFIX").value_or(""), out, seen, depth + 1, err)) return false;
        continue;
      }
      bool serialized = setting("SERIALIZER").has_value();  // a slice or map kept as one column
      if (bare.starts_with("[]") && bare != "[]byte" && !serialized) continue;  // has-many, many-to-many
      if (bare.starts_with("map[") && !serialized) continue;
      if (find_struct(bare).go) continue;  // belongs-to / has-one
      if (bare.find_first_of(".[]") == std::string_view::npos && postgres_data_type(bare).empty() &&
          valuer_type(bare).empty() && !setting("SERIALIZER")) {
        // A named slice of the package's models (`type SummaryItems []*SummaryItem`): has-many.
        std::string named = underlying(bare);
        std::string_view u = named;
        if (u.starts_with("[]") && u != "[]byte") {
          u.remove_prefix(2);
          while (u.starts_with("*")) u.remove_prefix(1);
          if (find_struct(u).go) continue;
        }
      }
      auto declared = setting("TYPE");
      bool primary = setting("PRIMARYKEY") || setting("PRIMARY_KEY");
      for (std::string_view n : names) {
        if (n.empty() || !std::isupper(static_cast<unsigned char>(n[0]))) continue;  // unexported
        // A type's GormDBDataType wins over the tag (GORM's Migrator.DataTypeOf); the tag's GORM
        // names (type:bytes) are the dialect's types.
        std::string t = postgres_data_type(bare);
        // A `serializer:json` field is a string column unless its type is declared (GORM's
        // schema.ParseField sets DataType String for it).
        if (t.empty() && setting("SERIALIZER") && !(declared && !declared->empty())) t = "text";
        if (t.empty()) t = declared && !declared->empty() ? gorm_type(*declared) : sql_type(type, primary || n == "ID");
        if (auto size = setting("SIZE"); t == "text" && size && !size->empty() && !declared)
          t = "varchar(" + *size + ")";  // GORM's PostgreSQL string with a size
        if (t.empty()) {
          *err = "the column type of field " + std::string(n) + " (" + std::string(type) + ") cannot be told";
          return false;
        }
        std::string name = setting("COLUMN").value_or("");
        if (name.empty()) name = prefix + datalayers::gorm::to_db_name(n);
        if ((primary || n == "ID") && t.find("PRIMARY KEY") == std::string::npos) t += " PRIMARY KEY";
        if (fields_) fields_->emplace(std::string(n), name);  // FieldsByName: the first field of a name
        if (seen->insert(name).second) out->push_back({name, t});
      }
    }
    return true;
  }

  const Package& pkg_;
  const GoMigrationCode& go_;
  TSNode fn_;
  bool naming_configured_;
  const source::FileSystem* fs_;
  std::string root_;
  mutable Package imported_;  ///< files of other packages read for embedded structs
  std::map<std::string, std::string>* fields_ = nullptr;  ///< model(): Go field name -> column
  std::string qualifier_;
 public:
  mutable std::vector<std::string> join_tables_;  ///< many2many join tables the models' AutoMigrate creates
};

/// The arguments a call gives the parameters of the function it calls: name -> argument node
/// (in the caller's file), and the arguments of a variadic last parameter.
struct Bindings {
  const GoMigrationCode* go = nullptr;
  std::map<std::string, TSNode, std::less<>> args;
  std::string variadic;
  std::vector<TSNode> rest;
};

Bindings bind(const GoMigrationCode& fgo, TSNode fn, const GoMigrationCode& go, TSNode call) {
  Bindings b;
  b.go = &go;
  std::vector<TSNode> args;
  TSNode list = field(call, "arguments");
  for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i)
    if (!node_is(ts_node_named_child(list, i), "comment")) args.push_back(ts_node_named_child(list, i));
  TSNode params = field(fn, "parameters");
  size_t k = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(params); ++i) {
    TSNode p = ts_node_named_child(params, i);
    if (node_is(p, "variadic_parameter_declaration")) {
      b.variadic = std::string(fgo.node_text(field(p, "name")));
      for (; k < args.size(); ++k) b.rest.push_back(args[k]);
      continue;
    }
    if (!node_is(p, "parameter_declaration")) continue;
    for (uint32_t j = 0; j < ts_node_named_child_count(p); ++j)
      if (node_is(ts_node_named_child(p, j), "identifier") && k < args.size())
        b.args[std::string(fgo.node_text(ts_node_named_child(p, j)))] = args[k++];
  }
  return b;
}

/// A string literal's value (no escapes), also of literals joined with +; or nullopt.
std::optional<std::string> string_value(const GoMigrationCode& go, TSNode n) {
  while (node_is(n, "parenthesized_expression")) n = languages::first_named_child(n);
  if (node_is(n, "binary_expression") && go.node_text(field(n, "operator")) == "+") {
    auto a = string_value(go, field(n, "left")), b = string_value(go, field(n, "right"));
    if (!a || !b) return std::nullopt;
    return *a + *b;
  }
  std::string_view t = go.node_text(n);
  if (t.size() < 2) return std::nullopt;
  if (node_is(n, "raw_string_literal")) return std::string(t.substr(1, t.size() - 2));
  if (node_is(n, "interpreted_string_literal") && t.find('\\') == std::string_view::npos)
    return std::string(t.substr(1, t.size() - 2));
  return std::nullopt;
}

/// The expression the last statement of a function returns, or a null node.
TSNode returned(TSNode fn) {
  TSNode body = field(fn, "body");
  for (uint32_t i = ts_node_named_child_count(body); i-- > 0;) {
    TSNode st = ts_node_named_child(body, i);
    if (node_is(st, "comment")) continue;
    if (!node_is(st, "return_statement")) return TSNode{};
    TSNode list = languages::first_named_child(st);
    return ts_node_named_child_count(list) == 1 ? ts_node_named_child(list, 0) : TSNode{};
  }
  return TSNode{};
}

/// What the Migrator's AddColumn, DropColumn, RenameColumn and DropTable of a model run, as
/// SQL: `names` are the arguments after the model (a field's Go name or its column, as
/// Schema.LookUpField takes them), `every` every mapped field (a range over FieldsByDBName).
bool migrator_sql(AutoMigrateWriter& writer, std::string_view method, TSNode model,
                  const std::vector<std::optional<std::string>>& names, bool every, const std::string& table_override,
                  uint32_t at, GeneratedSql* out, std::string* err) {
  if (ts_node_is_null(model)) return *err = "the Migrator's model is not known", false;
  std::string table;
  std::vector<std::pair<std::string, std::string>> cols;
  std::map<std::string, std::string> fields;
  if (!writer.model(model, &table, &cols, &fields, err, method)) return false;
  std::string t = quote_ident(table_override.empty() ? table : table_override);
  if (method == "DropTable") {
    out->emit("DROP TABLE " + t, at);
    return true;
  }
  auto type_of = [&](const std::string& c) {
    for (auto& [n, ty] : cols)
      if (n == c) return ty.ends_with(" PRIMARY KEY") ? ty.substr(0, ty.size() - 12) : ty;
    return std::string();
  };
  auto name = [&](size_t i, std::string* col) {
    if (i >= names.size() || !names[i]) return false;
    *col = fields.count(*names[i]) ? fields[*names[i]] : *names[i];
    return true;
  };
  if (method == "RenameColumn") {
    std::string from, to;
    if (!name(0, &from) || !name(1, &to)) return *err = "RenameColumn's names are not literals", false;
    out->emit("ALTER TABLE " + t + " RENAME COLUMN " + quote_ident(from) + " TO " + quote_ident(to), at);
    return true;
  }
  std::vector<std::string> targets;
  if (every) {
    for (auto& [n, ty] : cols) targets.push_back(n);
  } else {
    std::string c;
    if (!name(0, &c)) return *err = std::string(method) + "'s column is not a literal", false;
    targets.push_back(c);
  }
  for (const std::string& c : targets) {
    if (method == "DropColumn") {
      out->emit("ALTER TABLE " + t + " DROP COLUMN " + quote_ident(c), at);
      continue;
    }
    std::string ty = type_of(c);
    if (ty.empty()) return *err = "AddColumn(" + c + "): the model has no such field", false;
    out->emit("ALTER TABLE " + t + " ADD COLUMN " + quote_ident(c) + " " + ty, at);
  }
  return true;
}

/// A Migrate function that calls the Migrator itself (`tx.Migrator().DropColumn(&T{}, "c")`, or
/// `m := tx.Migrator()` then `m.RenameColumn(&T{}, old, new)` guarded by `HasColumn`): its calls
/// in source order: Exec of a literal, AutoMigrate, the Migrator's AddColumn, DropColumn,
/// RenameColumn and DropTable (models and names through the function's own variables and
/// constants). Has* guards are taken as true for a database the chain built; CreateIndex and
/// DropIndex change no column (their unique indexes are not modelled). Anything else that may
/// change the schema: false with *err.
bool direct_migrator(const GoMigrationCode& go, TSNode fn, AutoMigrateWriter& writer, GeneratedSql* out,
                     std::string* err) {
  std::string tx;
  TSNode params = field(fn, "parameters");
  for (uint32_t i = 0; i < ts_node_named_child_count(params) && tx.empty(); ++i) {
    TSNode p = ts_node_named_child(params, i);
    for (uint32_t j = 0; j < ts_node_named_child_count(p) && tx.empty(); ++j)
      if (node_is(ts_node_named_child(p, j), "identifier")) tx = std::string(go.node_text(ts_node_named_child(p, j)));
  }
  if (tx.empty()) return *err = "its Migrate function takes no handle", false;
  // The function's own `x := value` and `const x = value`, one value each.
  std::map<std::string, TSNode, std::less<>> locals;
  std::vector<TSNode> calls, stack{field(fn, "body")};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "func_literal")) continue;
    if (node_is(n, "short_var_declaration") || node_is(n, "const_spec")) {
      TSNode left = node_is(n, "const_spec") ? field(n, "name") : field(n, "left");
      TSNode right = field(n, "value");
      if (ts_node_is_null(right)) right = field(n, "right");
      if (node_is(left, "expression_list") && ts_node_named_child_count(left) == 1) left = ts_node_named_child(left, 0);
      if (node_is(right, "expression_list") && ts_node_named_child_count(right) == 1) right = ts_node_named_child(right, 0);
      if (node_is(left, "identifier") && !ts_node_is_null(right)) locals[std::string(go.node_text(left))] = right;
    }
    if (node_is(n, "call_expression")) calls.push_back(n);
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  // ... and those of the function around it (`const oldName = "version"` beside the literal).
  TSNode outer = ts_node_parent(fn);
  while (!ts_node_is_null(outer) && !node_is(outer, "function_declaration")) outer = ts_node_parent(outer);
  std::vector<TSNode> around;
  if (!ts_node_is_null(outer)) around.push_back(field(outer, "body"));
  while (!around.empty()) {
    TSNode n = around.back();
    around.pop_back();
    if (ts_node_is_null(n) || node_is(n, "func_literal")) continue;
    if (node_is(n, "const_spec") || node_is(n, "short_var_declaration")) {
      TSNode left = node_is(n, "const_spec") ? field(n, "name") : field(n, "left");
      TSNode right = node_is(n, "const_spec") ? field(n, "value") : field(n, "right");
      if (node_is(left, "expression_list") && ts_node_named_child_count(left) == 1) left = ts_node_named_child(left, 0);
      if (node_is(right, "expression_list") && ts_node_named_child_count(right) == 1) right = ts_node_named_child(right, 0);
      if (node_is(left, "identifier") && !ts_node_is_null(right)) locals.emplace(std::string(go.node_text(left)), right);
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) around.push_back(ts_node_named_child(n, i));
  }
  std::sort(calls.begin(), calls.end(), [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
  auto resolve = [&](TSNode n) {
    auto it = node_is(n, "identifier") ? locals.find(go.node_text(n)) : locals.end();
    return it == locals.end() ? n : it->second;
  };
  auto is_migrator = [&](TSNode op) {
    op = resolve(op);
    return node_is(op, "call_expression") && go.node_text(field(op, "function")) == tx + ".Migrator";
  };
  auto root_of = [&](TSNode op) {
    while (node_is(op, "call_expression") || node_is(op, "selector_expression"))
      op = node_is(op, "call_expression") ? field(op, "function") : field(op, "operand");
    return std::string(go.node_text(op));
  };
  for (TSNode c : calls) {
    TSNode f = field(c, "function");
    std::vector<TSNode> args;
    TSNode list = field(c, "arguments");
    for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i)
      if (!node_is(ts_node_named_child(list, i), "comment")) args.push_back(ts_node_named_child(list, i));
    uint32_t at = ts_node_start_byte(c);
    if (!node_is(f, "selector_expression")) {
      for (TSNode a : args)
        if (go.node_text(a) == tx) return *err = "it hands the handle to " + std::string(go.node_text(f)), false;
      continue;
    }
    std::string_view method = go.node_text(field(f, "field"));
    TSNode op = field(f, "operand");
    if (is_migrator(op)) {
      if (method.starts_with("Has") || method == "CreateIndex" || method == "DropIndex") continue;
      if (method == "AutoMigrate") {
        for (TSNode a : args)
          if (!writer.write_model(resolve(a), at, out, err)) return false;
        continue;
      }
      if (method != "AddColumn" && method != "DropColumn" && method != "RenameColumn" && method != "DropTable")
        return *err = "it calls the Migrator's " + std::string(method) + ", which is not read", false;
      std::vector<std::optional<std::string>> names;
      for (size_t i = 1; i < args.size(); ++i) names.push_back(string_value(go, resolve(args[i])));
      if (!migrator_sql(writer, method, args.empty() ? TSNode{} : resolve(args[0]), names, false, "", at, out, err))
        return false;
      continue;
    }
    if (method == "Migrator" || root_of(op) != tx) continue;
    if (method == "Exec") {
      std::optional<std::string> sql = args.empty() ? std::nullopt : string_value(go, resolve(args[0]));
      if (!sql) return *err = "it runs SQL that is not a string literal", false;
      out->emit(*sql, ts_node_start_byte(args[0]));
    } else if (method == "AutoMigrate" && go.node_text(op) == tx) {
      for (TSNode a : args)
        if (!writer.write_model(resolve(a), at, out, err)) return false;
    }
  }
  return true;
}

/// A project's own helpers around gormigrate, read from their package (kas-fleet-manager's
/// `db.CreateMigrationFromActions(id, db.ExecAction(up, down), db.CreateTableAction(&T{}), ...)`):
/// the helper builds the gormigrate.Migration whose Migrate runs each action with apply = true,
/// and each action is a function returning `func(tx *gorm.DB, apply bool) error` whose `if apply
/// {...}` branch runs tx.Exec(sql), tx.AutoMigrate(model), the Migrator's AddColumn, DropColumn,
/// RenameColumn and DropTable (one named column, or every field of the model through
/// `stmt.Schema.FieldsByDBName`), or a function it is handed. Anything else is not read.
class HelperMigration {
 public:
  HelperMigration(const source::FileSystem& fs, std::string root, AutoMigrateWriter& writer)
      : fs_(fs), root_(std::move(root)), writer_(writer) {}

  /// The migration `call` (in `go`, inside the element function whose parameters `outer`
  /// binds) builds: its ID and the SQL of its actions, in order.
  bool read(const GoMigrationCode& go, TSNode call, const Bindings& outer, std::string* id, GeneratedSql* out,
            std::string* err) {
    const GoMigrationCode* hgo = nullptr;
    TSNode helper = function_of(go, field(call, "function"), &hgo);
    if (!hgo) return fail(err, std::string(go.node_text(field(call, "function"))) + " is not a function of the project");
    Bindings b = bind(*hgo, helper, go, call);
    // The helper: return &gormigrate.Migration{ID: id, Migrate: func(tx) { for _, a := range actions { a(tx, true) } }}
    TSNode lit = returned(helper);
    while (node_is(lit, "unary_expression")) lit = field(lit, "operand");
    if (!node_is(lit, "composite_literal") || hgo->node_text(field(lit, "type")) != "gormigrate.Migration" ||
        b.variadic.empty())
      return fail(err, "the helper " + std::string(go.node_text(field(call, "function"))) +
                           " does not return a gormigrate.Migration running its actions");
    std::string id_param;
    TSNode migrate{};
    TSNode body = field(lit, "body");
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode kv = ts_node_named_child(body, i);
      if (!node_is(kv, "keyed_element") || ts_node_named_child_count(kv) != 2) continue;
      TSNode k = ts_node_named_child(kv, 0), v = ts_node_named_child(kv, 1);
      if (node_is(k, "literal_element")) k = languages::first_named_child(k);
      if (node_is(v, "literal_element")) v = languages::first_named_child(v);
      if (hgo->node_text(k) == "ID") id_param = std::string(hgo->node_text(v));
      if (hgo->node_text(k) == "Migrate") migrate = v;
    }
    std::string_view mtext = hgo->node_text(migrate);
    if (!b.args.count(id_param) || !node_is(migrate, "func_literal") ||
        mtext.find("range " + b.variadic) == std::string_view::npos || mtext.find(", true)") == std::string_view::npos)
      return fail(err, "the helper " + std::string(go.node_text(field(call, "function"))) +
                           " does not run its actions in order with apply = true");
    TSNode id_arg = b.args[id_param];
    std::optional<std::string> v = string_value(go, id_arg);
    if (!v && node_is(id_arg, "identifier") && outer.args.count(go.node_text(id_arg)))
      v = string_value(*outer.go, outer.args.find(go.node_text(id_arg))->second);
    if (!v || v->empty()) return fail(err, "the migration's ID is not a string literal");
    *id = *v;
    for (TSNode action : b.rest)
      if (!read_action(go, action, out, err)) return false;
    return true;
  }

 private:
  static bool fail(std::string* err, std::string why) {
    *err = std::move(why);
    return false;
  }

  /// The function `name` (`pkg.F` of an imported project package, or F of go's own package
  /// folder) and its file.
  TSNode function_of(const GoMigrationCode& go, TSNode name, const GoMigrationCode** in) {
    std::string dir;
    std::string_view fname;
    if (node_is(name, "selector_expression")) {
      std::string_view q = go.node_text(field(name, "operand"));
      fname = go.node_text(field(name, "field"));
      std::vector<TSNode> stack{go.root()};
      while (!stack.empty() && dir.empty()) {
        TSNode n = stack.back();
        stack.pop_back();
        if (node_is(n, "import_spec")) {
          std::string_view p = go.node_text(field(n, "path"));
          if (p.size() < 2) continue;
          p = p.substr(1, p.size() - 2);
          std::string_view alias = go.node_text(field(n, "name"));
          if (alias.empty()) alias = p.substr(p.rfind('/') + 1);
          if (alias == q) dir = import_dir(fs_, root_, p);
          continue;
        }
        if (node_is(n, "source_file") || node_is(n, "import_declaration") || node_is(n, "import_spec_list"))
          for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
      }
      if (dir.empty()) return TSNode{};
    } else {
      return TSNode{};
    }
    Package& pkg = packages_[dir];
    if (pkg.files.empty()) {
      for (const std::string& f : go_files(fs_, root_, dir)) {
        pkg.paths.push_back(source::join_path(dir, f));
        pkg.texts.emplace_back();
        std::string e;
        if (!read_migration_text(fs_, root_, pkg.paths.back(), &pkg.texts.back(), &e)) continue;
        pkg.files.push_back(std::make_unique<GoMigrationCode>(pkg.paths.back(), pkg.texts.back(), nullptr));
      }
    }
    for (const auto& f : pkg.files) {
      if (!f->ok()) continue;
      TSNode fn = f->function(fname);
      if (!ts_node_is_null(fn)) return *in = f.get(), fn;
    }
    return TSNode{};
  }

  /// One action: the statements its `if apply {...}` branch runs with the action's arguments.
  bool read_action(const GoMigrationCode& go, TSNode action, GeneratedSql* out, std::string* err) {
    table_override_.clear();
    std::string what(go.node_text(field(action, "function")));
    uint32_t at = ts_node_start_byte(action);
    const GoMigrationCode* ago = nullptr;
    TSNode fn = node_is(action, "call_expression") ? function_of(go, field(action, "function"), &ago) : TSNode{};
    if (!ago) return fail(err, "the action " + std::string(go.node_text(action)).substr(0, 60) + " is not a helper of the project");
    Bindings b = bind(*ago, fn, go, action);
    TSNode lit = returned(fn);
    if (!node_is(lit, "func_literal")) return fail(err, "the action " + what + " does not return a function");
    std::vector<std::string> params;
    TSNode ps = field(lit, "parameters");
    for (uint32_t i = 0; i < ts_node_named_child_count(ps); ++i) {
      TSNode p = ts_node_named_child(ps, i);
      for (uint32_t j = 0; j < ts_node_named_child_count(p); ++j)
        if (node_is(ts_node_named_child(p, j), "identifier")) params.emplace_back(ago->node_text(ts_node_named_child(p, j)));
    }
    if (params.size() != 2) return fail(err, "the action " + what + " does not return a func(tx, apply)");
    const std::string& tx = params[0];
    TSNode apply{};
    std::vector<TSNode> stack{field(lit, "body")};
    while (!stack.empty() && ts_node_is_null(apply)) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "if_statement") && ago->node_text(field(n, "condition")) == params[1]) apply = field(n, "consequence");
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
    if (ts_node_is_null(apply)) return fail(err, "the action " + what + " has no `if " + params[1] + " {...}` branch");
    // Statements of the branch, in source order (nested blocks, not nested functions).
    std::vector<TSNode> calls;
    std::vector<TSNode> walk{apply};
    while (!walk.empty()) {
      TSNode n = walk.back();
      walk.pop_back();
      if (node_is(n, "func_literal")) continue;
      // `stmt.Schema.Table = tableName[0]`: the schema GORM caches for the model, which the
      // Migrator's calls then use, takes the table the action is given.
      if (node_is(n, "assignment_statement") && ago->node_text(field(n, "left")).ends_with(".Table") && !b.rest.empty()) {
        std::optional<std::string> t = string_value(go, b.rest.front());
        if (ago->node_text(field(n, "right")) != b.variadic + "[0]" || !t)
          return fail(err, "the action " + what + " names its table at run time");
        table_override_ = *t;
      }
      if (node_is(n, "call_expression")) calls.push_back(n);
      for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) walk.push_back(ts_node_named_child(n, i));
    }
    for (TSNode c : calls) {
      TSNode f = field(c, "function");
      std::vector<TSNode> args;
      TSNode list = field(c, "arguments");
      for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) args.push_back(ts_node_named_child(list, i));
      auto arg = [&](size_t i) -> TSNode {
        if (i >= args.size()) return TSNode{};
        auto it = b.args.find(ago->node_text(args[i]));
        return it == b.args.end() ? TSNode{} : it->second;
      };
      if (node_is(f, "identifier")) {  // applyFunc(tx): the function the action was handed
        auto it = b.args.find(ago->node_text(f));
        if (it == b.args.end()) continue;  // a helper of the helper that is not handed tx
        if (!func_argument(go, it->second, at, out, err)) return false;
        continue;
      }
      if (!node_is(f, "selector_expression")) continue;
      std::string_view method = ago->node_text(field(f, "field"));
      TSNode on = field(f, "operand");
      bool migrator = node_is(on, "call_expression") && ago->node_text(field(on, "function")) == tx + ".Migrator";
      if (!migrator && ago->node_text(on) != tx) continue;  // not a call on the handle
      if (!migrator && method == "Migrator") continue;       // the inner call of tx.Migrator().X()
      if (!migrator && method == "Exec") {
        TSNode sql = arg(0);
        std::optional<std::string> text = ts_node_is_null(sql) ? std::nullopt : string_value(go, sql);
        if (!text) return fail(err, "the action " + what + " runs SQL that is not a string literal");
        out->emit(*text, ts_node_start_byte(sql));
      } else if (method == "AutoMigrate") {
        TSNode m = arg(0);
        if (ts_node_is_null(m) || !writer_.write_model(m, at, out, err)) return err->empty() ? fail(err, what + ": AutoMigrate of an unknown model") : false;
      } else if (migrator && (method == "AddColumn" || method == "DropColumn" || method == "RenameColumn" ||
                              method == "DropTable")) {
        if (!migrator_step(go, method, arg(0), args, b, ago, at, out, err)) {
          *err = what + ": " + *err;
          return false;
        }
      } else {
        return fail(err, "the action " + what + " calls " + std::string(ago->node_text(f)) + ", which is not read");
      }
    }
    return true;
  }

  /// tx.Migrator().AddColumn / DropColumn / RenameColumn / DropTable of a model, its names bound
  /// to the action's arguments.
  bool migrator_step(const GoMigrationCode& go, std::string_view method, TSNode model, const std::vector<TSNode>& args,
                     const Bindings& b, const GoMigrationCode* ago, uint32_t at, GeneratedSql* out, std::string* err) {
    std::vector<std::optional<std::string>> names;
    for (size_t i = 1; i < args.size(); ++i) {
      auto it = b.args.find(ago->node_text(args[i]));
      names.push_back(it == b.args.end() ? std::nullopt : string_value(go, it->second));
    }
    bool every = args.size() >= 2 && ago->node_text(args[1]).ends_with(".DBName");  // range over FieldsByDBName
    return migrator_sql(writer_, method, model, names, every, table_override_, at, out, err);
  }

  /// A function handed to an action (`db.FuncAction(func(tx *gorm.DB) error {...}, ...)`): its
  /// AutoMigrate calls, then the SQL it Execs; other schema changes are not read.
  bool func_argument(const GoMigrationCode& go, TSNode f, uint32_t at, GeneratedSql* out, std::string* err) {
    TSNode fn = go.upgrade_function(f);
    if (ts_node_is_null(fn)) return fail(err, "the function handed to an action is not in its file");
    GoMigrationCode::Steps steps = go.steps(fn);
    if (steps.unknown || steps.opaque_helper) return fail(err, "the function handed to an action runs SQL computed at run time");
    std::vector<TSNode> stack{field(fn, "body")};
    uint32_t first_sql = steps.sql.origin.empty() ? UINT32_MAX : steps.sql.origin.front();
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "call_expression")) {
        TSNode callee = field(n, "function");
        std::string_view m = node_is(callee, "selector_expression") ? go.node_text(field(callee, "field")) : "";
        bool via_migrator = node_is(field(callee, "operand"), "call_expression");
        if (m == "AutoMigrate") {
          if (ts_node_start_byte(n) > first_sql) return fail(err, "AutoMigrate after SQL in a function handed to an action");
          TSNode a = field(n, "arguments");
          for (uint32_t i = 0; i < ts_node_named_child_count(a); ++i)
            if (!writer_.write_model(ts_node_named_child(a, i), at, out, err)) return false;
        } else if (via_migrator && m != "Migrator" && go.node_text(field(field(callee, "operand"), "function")).ends_with(".Migrator")) {
          return fail(err, "a function handed to an action calls the Migrator's " + std::string(m));
        }
      }
      for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
    }
    out->sql += steps.sql.sql;
    out->origin.insert(out->origin.end(), steps.sql.origin.begin(), steps.sql.origin.end());
    return true;
  }

  const source::FileSystem& fs_;
  std::string root_;
  AutoMigrateWriter& writer_;
  std::map<std::string, Package> packages_;
  std::string table_override_;  ///< the table an action's argument names for its model
};

const GoListTest kList{&kMayHoldList, [](const GoMigrationCode& go) { return !ts_node_is_null(list_literal(go)); }};

std::string list_file(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return go_list_file(fs, root, dir, kList);
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return !list_file(fs, root, dir).empty();
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) { return go_list_dirs(fs, root, kList); }

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  out->clear();
  std::string list = list_file(fs, root, dir);
  if (list.empty()) return true;
  languages::ProjectConstants constants = package_constants(fs, root, dir);
  Package pkg;
  const GoMigrationCode* list_go = nullptr;
  for (const std::string& f : go_files(fs, root, dir)) {
    pkg.paths.push_back(source::join_path(dir, f));
    pkg.texts.emplace_back();
    if (!read_migration_text(fs, root, pkg.paths.back(), &pkg.texts.back(), err)) return false;
    pkg.files.push_back(std::make_unique<GoMigrationCode>(pkg.paths.back(), pkg.texts.back(), &constants));
    if (f == list) list_go = pkg.files.back().get();
  }
  if (!list_go || !list_go->ok() || list_go->syntax_error()) {
    *err = source::join_path(dir, list) + ": does not parse as Go (a syntax error in the migrations)";
    return false;
  }
  TSNode body = field(list_literal(*list_go), "body");
  std::string previous;
  bool naming_checked = false, naming_configured = false;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode e = ts_node_named_child(body, i);
    if (node_is(e, "comment")) continue;
    if (node_is(e, "literal_element")) e = languages::first_named_child(e);
    const GoMigrationCode* go = list_go;
    std::string where = list_go->node_text(e).size() > 60 ? "element " + std::to_string(i + 1)
                                                           : std::string(list_go->node_text(e));
    TSNode element_fn{};
    Bindings outer;
    if (node_is(e, "identifier")) {
      e = package_variable(pkg, list_go->node_text(e), &go);
    } else if (node_is(e, "call_expression")) {
      TSNode call = e;
      e = returned_literal(pkg, *list_go, call, &go, &element_fn);
      if (!ts_node_is_null(element_fn)) outer = bind(*go, element_fn, *list_go, call);
    }
    auto parameter = [&](std::string_view name) -> std::optional<std::string> {
      auto it = outer.args.find(name);
      if (it == outer.args.end()) return std::nullopt;
      return string_value(*outer.go, it->second);
    };
    std::string id;
    TSNode migrate{};
    if (node_is(e, "call_expression") && !ts_node_is_null(element_fn)) {
      // A project helper builds the migration from actions.
      std::string path;
      for (size_t k = 0; k < pkg.files.size(); ++k)
        if (pkg.files[k].get() == go) path = pkg.paths[k];
      if (!naming_checked) naming_configured = !go_list_dirs(fs, root, kNaming).empty(), naming_checked = true;
      AutoMigrateWriter writer(pkg, *go, element_fn, naming_configured, &fs, root);
      HelperMigration helper(fs, root, writer);
      GeneratedSql sql;
      std::string why;
      if (!helper.read(*go, e, outer, &id, &sql, &why)) {
        *err = path + ": gormigrate migration " + where + ": " + why + ": its steps cannot be read";
        return false;
      }
      MigrationFile m;
      m.path = path;
      for (size_t k = 0; k < pkg.files.size(); ++k)
        if (pkg.files[k].get() == go) m.text = pkg.texts[k];
      m.version = id;
      m.name = id;
      m.format = "gormigrate";
      if (!previous.empty()) m.depends_on.push_back(previous);
      previous = id;
      m.sql = std::move(sql.sql);
      m.origin = std::move(sql.origin);
      if (m.origin.empty()) m.origin.push_back(ts_node_start_byte(e));
      m.uncertain_names = writer.join_tables_;
      out->push_back(std::move(m));
      continue;
    }
    if (ts_node_is_null(e) || !element_fields(*go, e, &id, &migrate, parameter)) {
      *err = source::join_path(dir, list) + ": gormigrate migration " + where +
             " is not a {ID: \"...\", Migrate: ...} literal of the package: its steps cannot be read";
      return false;
    }
    TSNode fn = go->upgrade_function(migrate);
    uint32_t at = 0;
    if (ts_node_is_null(fn)) {
      *err = std::string(go == list_go ? source::join_path(dir, list) : "") + ": gormigrate migration " + id +
             ": its Migrate function is not in its file; the steps cannot be read";
      return false;
    }
    // `m := otherMigration(); return m.Migrate(tx)`: the other migration's Migrate runs here.
    if (TSNode body = field(fn, "body"); ts_node_named_child_count(body) == 2 &&
                                         node_is(ts_node_named_child(body, 0), "short_var_declaration") &&
                                         node_is(ts_node_named_child(body, 1), "return_statement")) {
      TSNode decl = ts_node_named_child(body, 0);
      TSNode left = field(decl, "left"), right = field(decl, "right");
      TSNode call = ts_node_named_child_count(right) == 1 ? ts_node_named_child(right, 0) : TSNode{};
      std::string var(ts_node_named_child_count(left) == 1 ? go->node_text(ts_node_named_child(left, 0)) : "");
      std::string_view ret = go->node_text(languages::first_named_child(ts_node_named_child(body, 1)));
      const GoMigrationCode* other_go = nullptr;
      TSNode lit = node_is(call, "call_expression") && !var.empty() && ret.starts_with(var + ".Migrate(")
                       ? returned_literal(pkg, *go, call, &other_go)
                       : TSNode{};
      std::string other_id;
      TSNode other_migrate{};
      if (!ts_node_is_null(lit) && other_go && element_fields(*other_go, lit, &other_id, &other_migrate)) {
        TSNode other_fn = other_go->upgrade_function(other_migrate);
        if (!ts_node_is_null(other_fn)) go = other_go, fn = other_fn, migrate = other_migrate;
      }
    }
    GoMigrationCode::Steps steps = go->steps(fn);
    std::string path;
    for (size_t k = 0; k < pkg.files.size(); ++k)
      if (pkg.files[k].get() == go) path = pkg.paths[k];
    if (migrator_call(*go, fn, &at) && !steps.opaque_helper && !steps.unknown) {
      // The Migrator called in the Migrate function itself: every call read in order.
      if (!naming_checked) naming_configured = !go_list_dirs(fs, root, kNaming).empty(), naming_checked = true;
      AutoMigrateWriter writer(pkg, *go, fn, naming_configured, &fs, root);
      GeneratedSql sql;
      std::string why;
      if (!direct_migrator(*go, fn, writer, &sql, &why)) {
        *err = path + ": gormigrate migration " + id + " calls the Migrator: " + why;
        return false;
      }
      MigrationFile m;
      for (size_t k = 0; k < pkg.files.size(); ++k)
        if (pkg.files[k].get() == go) m.path = pkg.paths[k], m.text = pkg.texts[k];
      m.version = id;
      m.name = id;
      m.format = "gormigrate";
      if (!previous.empty()) m.depends_on.push_back(previous);
      previous = id;
      m.sql = std::move(sql.sql);
      m.origin = std::move(sql.origin);
      if (m.origin.empty()) m.origin.push_back(ts_node_start_byte(migrate));
      m.uncertain_names = writer.join_tables_;
      out->push_back(std::move(m));
      continue;
    }
    if (migrator_call(*go, fn, &at) || steps.opaque_helper) {
      *err = path + ": gormigrate migration " + id +
             (steps.opaque_helper ? " hands the database to " + steps.helpers.front() +
                                        ", defined elsewhere: the tables it creates cannot be known"
                                  : " calls the Migrator: the tables it changes follow GORM's naming of the models, "
                                    "not SQL schemagate can read");
      return false;
    }
    // AutoMigrate: its statements before the migration's SQL or after it.
    std::vector<TSNode> autos = automigrate_calls(*go, fn);
    std::vector<std::string> joins;
    if (!autos.empty()) {
      if (!naming_checked) naming_configured = !go_list_dirs(fs, root, kNaming).empty(), naming_checked = true;
      AutoMigrateWriter writer(pkg, *go, fn, naming_configured, &fs, root);
      GeneratedSql before, after;
      uint32_t first_sql = steps.sql.origin.empty() ? UINT32_MAX : steps.sql.origin.front();
      uint32_t last_sql = steps.sql.origin.empty() ? 0 : steps.sql.origin.back();
      for (TSNode call : autos) {
        uint32_t call_at = ts_node_start_byte(call);
        std::string why;
        bool first = call_at < first_sql, last = call_at > last_sql;
        if ((!first && !last) || !writer.write(call, first ? &before : &after, &why)) {
          *err = path + ": gormigrate migration " + id + ": " +
                 (why.empty() ? "AutoMigrate runs between SQL statements, in an order that cannot be told" : why);
          return false;
        }
      }
      GeneratedSql all = std::move(before);
      all.sql += steps.sql.sql;
      all.origin.insert(all.origin.end(), steps.sql.origin.begin(), steps.sql.origin.end());
      all.sql += after.sql;
      all.origin.insert(all.origin.end(), after.origin.begin(), after.origin.end());
      for (auto& n : steps.sql.notes) all.notes.push_back(std::move(n));
      steps.sql = std::move(all);
      joins = writer.join_tables_;
    }
    MigrationFile m;
    for (size_t k = 0; k < pkg.files.size(); ++k)
      if (pkg.files[k].get() == go) m.path = pkg.paths[k], m.text = pkg.texts[k];
    m.version = id;
    m.name = id;
    m.format = "gormigrate";
    if (!previous.empty()) m.depends_on.push_back(previous);
    previous = id;
    fill_from_steps(*go, std::move(steps), ts_node_start_byte(migrate),
                    [&](const std::vector<std::string>& names) { return package_words(fs, root, dir, names); }, &m.sql,
                    &m.origin, &m.notes, &m.uncertain_names);
    m.uncertain_names.insert(m.uncertain_names.end(), joins.begin(), joins.end());
    out->push_back(std::move(m));
  }
  return true;
}

// migrations(id): one row per migration applied, its ID.
std::string tracking_query(const std::string& from, const Relation&) { return "SELECT id::text FROM " + from; }
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) {
    std::string id = text_or_null(row[0]);
    if (id != "NULL") push_applied(out, id, "", false, "id=" + id, /*covers=*/false);
  }
}
const TrackingLayout kTracking{"migrations", "", {"id"}, "gormigrate's (id)", tracking_query, 1, tracking_read,
                               /*text_versions=*/true};

/// A path of test code: a _test.go file or a folder of tests.
bool test_code(std::string_view path) {
  if (path.ends_with("_test.go")) return true;
  for (std::string_view d : {"test/", "tests/", "testdata/", "testutil/", "e2e/"})
    if (path.starts_with(d) || path.find("/" + std::string(d)) != std::string_view::npos) return true;
  return false;
}

/// An argument of AutoMigrate that is a model value: `new(T)`, `&T{}`, `&pkg.T{}`; its type text.
std::string automigrate_model(const GoMigrationCode& go, TSNode a) {
  while (node_is(a, "unary_expression") && go.node_text(field(a, "operator")) == "&") a = field(a, "operand");
  if (node_is(a, "composite_literal") && ts_node_named_child_count(field(a, "body")) == 0)
    return std::string(go.node_text(field(a, "type")));
  if (node_is(a, "call_expression") && go.node_text(field(a, "function")) == "new") {
    TSNode args = field(a, "arguments");
    if (ts_node_named_child_count(args) == 1) return std::string(go.node_text(ts_node_named_child(args, 0)));
  }
  return "";
}


const source::TextGate kMayAutoMigrate{{{"gorm"}, {".AutoMigrate("}}};

/// The functions of a file that call AutoMigrate.
std::vector<TSNode> automigrating_functions(const GoMigrationCode& go) {
  std::vector<TSNode> out;
  TSNode root = go.root();
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode fn = ts_node_named_child(root, i);
    if (!node_is(fn, "function_declaration") && !node_is(fn, "method_declaration")) continue;
    if (!automigrate_calls(go, fn).empty()) out.push_back(fn);
  }
  return out;
}
const GoListTest kStartupAutoMigrate{&kMayAutoMigrate,
                                     [](const GoMigrationCode& go) { return !automigrating_functions(go).empty(); }};

}  // namespace

std::vector<MigrationFile> gorm_startup_schema(const source::FileSystem& fs, const std::string& root, std::string* why) {
  std::vector<MigrationFile> out;
  std::vector<std::string> dirs = go_list_dirs(fs, root, kStartupAutoMigrate);
  if (dirs.empty()) return out;
  bool naming_configured = !go_list_dirs(fs, root, kNaming).empty();
  std::deque<languages::ProjectConstants> constants;
  std::map<std::string, std::unique_ptr<Package>> packages;  // folder -> its parsed files
  auto package_of = [&](const std::string& dir, std::string* err) -> const Package* {
    auto it = packages.find(dir);
    if (it != packages.end()) return it->second.get();
    auto pkg = std::make_unique<Package>();
    constants.push_back(package_constants(fs, root, dir));
    for (const std::string& f : go_files(fs, root, dir)) {
      if (f.ends_with("_test.go")) continue;
      pkg->paths.push_back(source::join_path(dir, f));
      pkg->texts.emplace_back();
      if (!read_migration_text(fs, root, pkg->paths.back(), &pkg->texts.back(), err)) return nullptr;
      pkg->files.push_back(std::make_unique<GoMigrationCode>(pkg->paths.back(), pkg->texts.back(), &constants.back()));
    }
    return (packages[dir] = std::move(pkg)).get();
  };
  for (const std::string& dir : dirs) {
    std::string err;
    const Package* own = package_of(dir, &err);
    if (!own) {
      if (why) *why = err;
      return {};
    }
    for (size_t k = 0; k < own->files.size(); ++k) {
      const GoMigrationCode& go = *own->files[k];
      if (!go.ok() || go.syntax_error() || test_code(own->paths[k])) continue;
      for (TSNode fn : automigrating_functions(go)) {
        std::string name(go.node_text(field(fn, "name")));
        GeneratedSql sql;
        std::vector<std::string> joins;
        for (TSNode call : automigrate_calls(go, fn)) {
          TSNode args = field(call, "arguments");
          // `db.Table("archive").AutoMigrate(&T{})` makes another table than T's; a handle
          // (db, s.DB) makes T's.
          if (node_is(field(field(call, "function"), "operand"), "call_expression")) {
            if (why) *why = own->paths[k] + ": " + name + "() calls AutoMigrate on a chain (" +
                            std::string(go.node_text(field(field(call, "function"), "operand"))) +
                            "), whose tables cannot be told";
            return {};
          }
          // The models, each with the file that names it: the call's own arguments, or the
          // elements of a package variable it spreads (`AutoMigrate(models...)` of
          // `var models = []interface{}{&model.User{}, ...}`).
          std::vector<std::pair<const GoMigrationCode*, TSNode>> values;
          for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i) {
            TSNode a = ts_node_named_child(args, i);
            if (node_is(a, "comment")) continue;
            if (node_is(a, "variadic_argument") && node_is(languages::first_named_child(a), "identifier")) {
              std::string_view var = go.node_text(languages::first_named_child(a));
              const GoMigrationCode* in = nullptr;
              TSNode list{};
              for (const auto& f : own->files)
                if (f->ok())
                  for (TSNode spec : f->package_var_specs())
                    if (f->node_text(field(spec, "name")) == var && ts_node_named_child_count(field(spec, "value")) == 1)
                      list = ts_node_named_child(field(spec, "value"), 0), in = f.get();
              std::string_view list_type = in ? in->node_text(field(list, "type")) : "";
              if (!in || !node_is(list, "composite_literal") || (list_type != "[]interface{}" && list_type != "[]any")) {
                values.push_back({&go, a});  // not read: fails below, naming it
                continue;
              }
              TSNode body = field(list, "body");
              for (uint32_t e = 0; e < ts_node_named_child_count(body); ++e) {
                TSNode el = ts_node_named_child(body, e);
                if (node_is(el, "comment")) continue;
                if (node_is(el, "literal_element")) el = languages::first_named_child(el);
                values.push_back({in, el});
              }
              continue;
            }
            values.push_back({&go, a});
          }
          for (const auto& value : values) {
            const GoMigrationCode* from = value.first;
            TSNode a = value.second;
            std::string type = automigrate_model(*from, a);
            auto fail = [&](const std::string& cause) {
              if (why) *why = own->paths[k] + ": " + name + "() AutoMigrates " + std::string(from->node_text(a)) + ": " + cause;
              return std::vector<MigrationFile>{};
            };
            if (type.empty()) return fail("not a model value (new(T) or &T{}) whose struct can be read");
            // The model's package: this one, or the project folder its import names.
            const Package* pkg = own;
            std::string alias;
            if (size_t dot = type.find('.'); dot != std::string::npos) {
              alias = type.substr(0, dot);
              std::string path = import_of(*from, alias);
              std::string model_dir = path.empty() ? "" : import_dir(fs, root, path);
              if (model_dir.empty()) return fail("its package " + (path.empty() ? alias : path) + " is not a folder of the project");
              pkg = package_of(model_dir, &err);
              if (!pkg) return fail(err);
            }
            AutoMigrateWriter writer(*pkg, *from, fn, naming_configured, &fs, root);
            writer.set_qualifier(alias);
            if (!writer.write_model(a, ts_node_start_byte(call), &sql, &err)) return fail(err);
            joins.insert(joins.end(), writer.join_tables_.begin(), writer.join_tables_.end());
          }
        }
        MigrationFile m;
        m.path = own->paths[k];
        m.text = own->texts[k];
        m.version = std::to_string(out.size() + 1);
        m.name = name;
        m.format = "gorm-automigrate";
        m.sql = std::move(sql.sql);
        m.origin = std::move(sql.origin);
        m.notes = std::move(sql.notes);
        m.uncertain_names = std::move(joins);
        out.push_back(std::move(m));
      }
    }
  }
  // Every AutoMigrate call outside tests is read: together they are the schema when they make
  // two tables or more (one model migrated in passing is not the schema).
  size_t tables = 0;
  for (const MigrationFile& m : out)
    for (size_t at = m.sql.find("CREATE TABLE"); at != std::string::npos; at = m.sql.find("CREATE TABLE", at + 1)) ++tables;
  if (tables < 2) return {};
  // The Migrator calls of the functions that AutoMigrate and of the package's functions they
  // call: one that creates, drops or renames a table or column changes the schema the models
  // make, except a DropColumn of a column no model maps (a column of an old release). Index and
  // type changes, and questions (HasColumn), change no name.
  std::string all_sql;
  for (const MigrationFile& m : out) all_sql += m.sql;
  for (const std::string& dir : dirs) {
    const Package* pkg = packages.count(dir) ? packages.at(dir).get() : nullptr;
    std::set<std::string> called;
    std::vector<std::pair<size_t, TSNode>> fns;  // (file, function)
    for (size_t k = 0; pkg && k < pkg->files.size(); ++k) {
      const GoMigrationCode& go = *pkg->files[k];
      if (!go.ok() || test_code(pkg->paths[k])) continue;
      for (TSNode fn : automigrating_functions(go)) {
        fns.push_back({k, fn});
        std::vector<TSNode> stack{fn};
        while (!stack.empty()) {
          TSNode n = stack.back();
          stack.pop_back();
          for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
          if (node_is(n, "call_expression") && node_is(field(n, "function"), "identifier"))
            called.insert(std::string(go.node_text(field(n, "function"))));
        }
      }
    }
    for (size_t k = 0; pkg && k < pkg->files.size(); ++k) {
      const GoMigrationCode& go = *pkg->files[k];
      if (!go.ok() || test_code(pkg->paths[k])) continue;
      TSNode root = go.root();
      for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
        TSNode fn = ts_node_named_child(root, i);
        if (node_is(fn, "function_declaration") && called.count(std::string(go.node_text(field(fn, "name")))))
          fns.push_back({k, fn});
      }
    }
    for (auto [k, fn] : fns) {
      const GoMigrationCode& go = *pkg->files[k];
      std::vector<TSNode> stack{fn};
      while (!stack.empty()) {
        TSNode n = stack.back();
        stack.pop_back();
        for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
        if (!node_is(n, "call_expression")) continue;
        TSNode f = field(n, "function");
        if (!node_is(f, "selector_expression") || !node_is(field(f, "operand"), "call_expression")) continue;
        TSNode inner = field(field(f, "operand"), "function");
        if (!node_is(inner, "selector_expression") || go.node_text(field(inner, "field")) != "Migrator") continue;
        std::string_view method = go.node_text(field(f, "field"));
        static const std::set<std::string_view> kNames = {"Has", "Current", "ColumnTypes", "GetTables", "GetIndexes",
                                                           "AlterColumn", "CreateIndex", "DropIndex", "RenameIndex",
                                                           "CreateConstraint", "DropConstraint", "CreateView", "DropView",
                                                           "GetTypeAliases", "FullDataTypeOf", "AutoMigrate"};
        bool harmless = method.starts_with("Has") || method.starts_with("Current") || kNames.count(method);
        if (method == "DropColumn") {
          std::vector<TSNode> a;
          TSNode args = field(n, "arguments");
          for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i) a.push_back(ts_node_named_child(args, i));
          std::string col;
          if (a.size() == 2 && node_is(a[1], "interpreted_string_literal")) {
            std::string_view t = go.node_text(a[1]);
            col = std::string(t.substr(1, t.size() - 2));
          }
          harmless = !col.empty() && all_sql.find(quote_ident(col)) == std::string::npos &&
                     all_sql.find(" " + col + " ") == std::string::npos;
        }
        if (!harmless) {
          if (why) *why = pkg->paths[k] + ": " + std::string(go.node_text(n).substr(0, 80)) +
                          " changes the schema the AutoMigrated models make, through the Migrator";
          return {};
        }
      }
    }
  }
  return out;
}

}  // namespace code

extern const Format kGormigrate{"gormigrate", code::detect, code::load, &code::kTracking, {}, code::discover};

}  // namespace schemagate::schema::migrations
