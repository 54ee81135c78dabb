// TypeORM migrations: classes implementing MigrationInterface, one per .ts/.js file, whose
// `up(queryRunner)` runs in the order of the timestamp that ends the class name
// (AddModelVersion1700000000000) and is recorded in migrations(timestamp, name). Generated
// migrations are `await queryRunner.query(\`...\`)` SQL strings, applied as SQL; the queryRunner
// schema API becomes the statements PostgresQueryRunner runs:
//   createTable(new Table({ name, columns: [{ name, type, isPrimary, isGenerated, isNullable,
//     default, length }] })), dropTable, renameTable, addColumn(s)(t, new TableColumn({...})),
//   dropColumn(s), renameColumn, createUniqueConstraint.
// A TableColumn is NOT NULL unless isNullable: true; `default` is an SQL expression; an
// increment-generated integer is SERIAL. SQL with `${}` holes, or names computed at run time,
// is a step that cannot be followed: a note, and the file's string words become uncertain.
#include <cctype>
#include <algorithm>
#include <map>

#include "analyzers/schema/migrations/code/js_migration.h"

namespace schemagate::schema::migrations {
namespace code {
namespace {

using datalayers::js::Key;
using datalayers::js::object_keys;
using js::JsFile;
using js::arguments;
using js::field;
using js::unwrap;
using js::Link;

class TypeOrmTranslator {
 public:
  TypeOrmTranslator(const JsFile& f, std::string qr, js::Translation* out) : f_(f), qr_(std::move(qr)), out_(out) {}

  bool step(TSNode n) {
    if (!js::is(n, "call_expression")) return false;
    if (own_method(n)) return true;
    TSNode root;
    std::vector<Link> links = js::chain(f_, n, &root);
    if (links.empty()) return false;
    std::string_view r = f_.text(root);
    if (r != qr_ && r != "queryRunner") return false;
    if (links.size() != 1 || !links[0].call) return false;
    op(links[0]);
    return true;
  }

 private:
  /// `await this.modifyTable(queryRunner)`: a method of the migration's own class given the
  /// runner, whose steps are followed as the runner's under its parameter's name.
  bool own_method(TSNode call) {
    TSNode method{};
    size_t position = 0;
    if (depth_ > 4 || !js::class_method_given_runner(f_, call, qr_, &method, &position)) return false;
    TSNode params = field(method, "parameters");
    std::string name = "queryRunner";
    for (uint32_t i = 0, k = 0; !ts_node_is_null(params) && i < ts_node_named_child_count(params); ++i) {
      TSNode p = ts_node_named_child(params, i);
      if (k++ != position) continue;
      TSNode pattern = js::is(p, "required_parameter") || js::is(p, "optional_parameter") ? field(p, "pattern") : p;
      if (js::is(pattern, "identifier")) name = std::string(f_.text(pattern));
    }
    TypeOrmTranslator inner(f_, name, out_);
    inner.depth_ = depth_ + 1;
    js::walk_steps(f_, JsFile::body_of(method), [&](TSNode n) { return inner.step(n); }, &out_->sql.notes);
    return true;
  }
  int depth_ = 0;

  static std::string q(std::string_view s) { return quote_ident(s); }
  void run(const std::string& stmt, TSNode at) { out_->sql.emit(stmt, ts_node_start_byte(at)); }
  void unknown(TSNode at, const std::string& why) {
    out_->uncertain = true;
    out_->sql.notes.push_back({ts_node_start_byte(at), why});
  }

  /// `new Table({...})` / `new TableColumn({...})` / a plain object: the object's keys.
  bool options(TSNode n, std::vector<Key>* keys) const {
    n = unwrap(n);
    if (js::is(n, "new_expression")) {
      std::vector<TSNode> a = arguments(n);
      if (a.empty()) return false;
      n = a[0];
    }
    return object_keys(n, f_.src(), keys);
  }

  /// "name" / "schema.name", or a Table object's name; quoted.
  std::optional<std::string> table_name(TSNode n) const {
    std::optional<std::string> s = f_.name(n);
    if (!s) {
      std::vector<Key> keys;
      if (!options(n, &keys)) return std::nullopt;
      for (const Key& k : keys)
        if (k.name == "name") s = f_.name(k.value);
      if (!s) return std::nullopt;
    }
    size_t dot = s->find('.');
    return dot == std::string::npos ? q(*s) : q(s->substr(0, dot)) + "." + q(s->substr(dot + 1));
  }

  std::optional<std::string> column_name(TSNode n) const {
    if (auto s = f_.name(n)) return s;
    std::vector<Key> keys;
    if (!options(n, &keys)) return std::nullopt;
    for (const Key& k : keys)
      if (k.name == "name") return f_.name(k.value);
    return std::nullopt;
  }

  /// A TableColumn's definition, as PostgresQueryRunner.buildCreateColumnSql writes it.
  std::optional<std::string> column(TSNode n, bool* primary, std::string* name_out) const {
    std::vector<Key> keys;
    if (!options(n, &keys)) return std::nullopt;
    std::string name, type, def, strategy, length, precision, scale;
    bool nullable = false, generated = false, unique = false, array = false;
    *primary = false;
    for (const Key& k : keys) {
      std::string_view v = f_.text(k.value);
      if (k.name == "name") name = f_.name(k.value).value_or("");
      else if (k.name == "type") type = f_.name(k.value).value_or("");
      else if (k.name == "isNullable") nullable = v == "true";
      else if (k.name == "isPrimary") *primary = v == "true";
      else if (k.name == "isGenerated") generated = v == "true";
      else if (k.name == "isUnique") unique = v == "true";
      else if (k.name == "isArray") array = v == "true";
      else if (k.name == "generationStrategy") strategy = f_.name(k.value).value_or("");
      else if (k.name == "length") length = f_.name(k.value).value_or(f_.integer(k.value) ? std::string(v) : "");
      else if (k.name == "precision") precision = std::string(v);
      else if (k.name == "scale") scale = std::string(v);
      else if (k.name == "default") {
        TSNode d = unwrap(k.value);
        if (auto s = f_.name(d)) def = *s;  // an SQL expression: "'pending'", "now()"
        else if (js::is(d, "number") || js::is(d, "true") || js::is(d, "false") || js::is(d, "null")) def = std::string(v);
        else def = "NULL";
      }
    }
    if (name.empty() || type.empty()) return std::nullopt;
    std::string t = type;
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "int" || t == "int4") t = "integer";
    else if (t == "int8") t = "bigint";
    else if (t == "int2") t = "smallint";
    else if (t == "bool") t = "boolean";
    else if (t == "varchar" || t == "character varying") t = length.empty() ? "character varying" : "character varying(" + length + ")";
    else if ((t == "numeric" || t == "decimal") && !precision.empty())
      t += "(" + precision + (scale.empty() ? "" : "," + scale) + ")";
    if (generated && (strategy.empty() || strategy == "increment"))
      t = t == "bigint" ? "bigserial" : t == "smallint" ? "smallserial" : "serial";
    if (array) t += "[]";
    std::string d = q(name) + " " + t;
    if (generated && strategy == "uuid" && def.empty()) def = "uuid_generate_v4()";
    if (generated && strategy == "identity") d += " GENERATED BY DEFAULT AS IDENTITY";
    if (!nullable) d += " NOT NULL";
    if (!def.empty()) d += " DEFAULT " + def;
    if (unique) d += " UNIQUE";
    *name_out = name;
    return d;
  }

  void op(const Link& l) {
    std::string_view m = l.method;
    auto arg = [&](size_t i) { return i < l.args.size() ? l.args[i] : TSNode{}; };
    if (m == "query") {
      std::optional<js::JsString> s = f_.string(arg(0));
      if (s && !s->complete && js::run_time_rows_step(*s, f_.src(), false)) {
        out_->sql.notes.push_back({ts_node_start_byte(l.node), "queryRunner.query() of SQL built at run time writes or reads rows: no table or column changes"});
        return;
      }
      if (s && !s->complete && js::run_time_default_values(*s, f_.src())) return js::emit_js_string(&out_->sql, *s);
      // `cond ? insertWithDescription : insertWithout`: rows steps both.
      if (!s) {
        std::vector<js::JsString> alternatives = f_.branches(arg(0));
        if (!alternatives.empty() && std::all_of(alternatives.begin(), alternatives.end(), [&](const js::JsString& b) {
              return !b.complete && js::run_time_rows_step(b, f_.src(), false);
            })) {
          out_->sql.notes.push_back({ts_node_start_byte(l.node), "queryRunner.query() of SQL built at run time writes or reads rows: no table or column changes"});
          return;
        }
      }
      if (!s || !s->complete) return unknown(l.node, "queryRunner.query() of SQL built at run time: not modelled");
      return js::emit_js_string(&out_->sql, *s);
    }
    if (m == "createTable") {
      std::vector<Key> keys;
      if (!options(arg(0), &keys)) return unknown(l.node, "createTable of a Table built at run time: not modelled");
      std::optional<std::string> name;
      TSNode columns{};
      for (const Key& k : keys) {
        if (k.name == "name") name = table_name(k.value);
        if (k.name == "columns") columns = unwrap(k.value);
      }
      if (!name || !js::is(columns, "array")) return unknown(l.node, "createTable of a Table built at run time: not modelled");
      std::string body, pk;
      for (uint32_t i = 0; i < ts_node_named_child_count(columns); ++i) {
        bool primary = false;
        std::string cname;
        auto d = column(ts_node_named_child(columns, i), &primary, &cname);
        if (!d) return unknown(l.node, "createTable with a column built at run time: not modelled");
        body += (body.empty() ? "" : ", ") + *d;
        if (primary) pk += (pk.empty() ? "" : ", ") + q(cname);
      }
      if (!pk.empty()) body += ", PRIMARY KEY (" + pk + ")";
      bool if_not_exists = f_.text(arg(1)) == "true";
      return run(std::string("CREATE TABLE ") + (if_not_exists ? "IF NOT EXISTS " : "") + *name + " (" + body + ")", l.node);
    }
    auto table = table_name(arg(0));
    if (m == "addColumn" || m == "addColumns") {
      if (!table) return unknown(l.node, "addColumn to a table named at run time: not modelled");
      std::vector<TSNode> cols;
      TSNode a1 = unwrap(arg(1));
      if (m == "addColumns" && js::is(a1, "array"))
        for (uint32_t i = 0; i < ts_node_named_child_count(a1); ++i) cols.push_back(ts_node_named_child(a1, i));
      else cols.push_back(a1);
      for (TSNode c : cols) {
        bool primary = false;
        std::string cname;
        auto d = column(c, &primary, &cname);
        if (!d) return unknown(l.node, "addColumn of a TableColumn built at run time: not modelled");
        run("ALTER TABLE " + *table + " ADD " + *d + (primary ? " PRIMARY KEY" : ""), l.node);
      }
      return;
    }
    if (m == "dropColumn" || m == "dropColumns") {
      if (!table) return unknown(l.node, "dropColumn of a table named at run time: not modelled");
      std::vector<TSNode> cols;
      TSNode a1 = unwrap(arg(1));
      if (m == "dropColumns" && js::is(a1, "array"))
        for (uint32_t i = 0; i < ts_node_named_child_count(a1); ++i) cols.push_back(ts_node_named_child(a1, i));
      else cols.push_back(a1);
      for (TSNode c : cols) {
        auto n = column_name(c);
        if (!n) return unknown(l.node, "dropColumn of a name computed at run time: not modelled");
        run("ALTER TABLE " + *table + " DROP COLUMN " + q(*n), l.node);
      }
      return;
    }
    if (m == "renameColumn") {
      auto from = column_name(arg(1)), to = column_name(arg(2));
      if (!table || !from || !to) return unknown(l.node, "renameColumn of names computed at run time: not modelled");
      return run("ALTER TABLE " + *table + " RENAME COLUMN " + q(*from) + " TO " + q(*to), l.node);
    }
    if (m == "renameTable") {
      auto to = f_.name(arg(1));
      if (!table || !to) return unknown(l.node, "renameTable of names computed at run time: not modelled");
      size_t dot = to->find('.');
      return run("ALTER TABLE " + *table + " RENAME TO " + q(dot == std::string::npos ? *to : to->substr(dot + 1)), l.node);
    }
    if (m == "dropTable") {
      if (!table) return unknown(l.node, "dropTable of a name computed at run time: not modelled");
      return run(std::string("DROP TABLE ") + (f_.text(arg(1)) == "true" ? "IF EXISTS " : "") + *table, l.node);
    }
    if (m == "createUniqueConstraint") {
      std::vector<Key> keys;
      if (!table || !options(arg(1), &keys)) return;
      std::string name, list;
      for (const Key& k : keys) {
        if (k.name == "name") name = f_.name(k.value).value_or("");
        if (k.name == "columnNames" && js::is(unwrap(k.value), "array")) {
          TSNode arr = unwrap(k.value);
          for (uint32_t i = 0; i < ts_node_named_child_count(arr); ++i) {
            auto c = f_.name(ts_node_named_child(arr, i));
            if (!c) return;
            list += (list.empty() ? "" : ", ") + q(*c);
          }
        }
      }
      if (!list.empty()) run("ALTER TABLE " + *table + " ADD" + (name.empty() ? "" : " CONSTRAINT " + q(name)) + " UNIQUE (" + list + ")", l.node);
      return;
    }
    if (m == "changeColumn" || m == "changeColumns") {
      return unknown(l.node, "queryRunner.changeColumn() is not modelled");
    }
    // Indexes, foreign keys, checks, data and transactions change no column.
    if (m.starts_with("create") || m.starts_with("drop") || m.starts_with("has") || m.starts_with("get") ||
        m == "startTransaction" || m == "commitTransaction" || m == "rollbackTransaction" || m == "release" ||
        m == "clearTable" || m == "connect")
      return;
    unknown(l.node, "queryRunner." + std::string(m) + "() is not known to schemagate: not modelled");
  }

  const JsFile& f_;
  std::string qr_;
  js::Translation* out_;
};

void translate(const JsFile& file, TSNode up, const std::vector<std::string>& params, js::Translation* out) {
  TypeOrmTranslator tr(file, params.empty() || params[0].empty() ? "queryRunner" : params[0], out);
  js::walk_steps(file, JsFile::body_of(up), [&](TSNode n) { return tr.step(n); }, &out->sql.notes);
}

bool typeorm_file(std::string_view text) {
  return text.find("MigrationInterface") != std::string_view::npos ||
         (text.find("queryRunner") != std::string_view::npos && text.find("up(") != std::string_view::npos);
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return js::any_script(fs, root, dir, typeorm_file);
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  return js::discover_dirs(fs, root, typeorm_file);
}

/// TypeORM records the timestamp that ends the class name (the last 13 digits); a file whose
/// class has none falls back to the file name's leading digits.
std::string version(const std::string& file, std::string_view text) {
  size_t at = text.find("class ");
  while (at != std::string_view::npos) {
    size_t b = at + 6, e = b;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_')) ++e;
    std::string_view name = text.substr(b, e - b);
    size_t d = name.size();
    while (d > 0 && std::isdigit(static_cast<unsigned char>(name[d - 1]))) --d;
    if (name.size() - d >= 13) return std::string(name.substr(name.size() - 13));
    at = text.find("class ", e);
  }
  size_t d = 0;
  while (d < file.size() && std::isdigit(static_cast<unsigned char>(file[d]))) ++d;
  return d ? file.substr(0, d) : file;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  if (!js::load_scripts(fs, root, dir, "typeorm", version, translate, out, err)) return false;
  std::stable_sort(out->begin(), out->end(), [](const MigrationFile& a, const MigrationFile& b) {
    return a.version.size() != b.version.size() ? a.version.size() < b.version.size() : a.version < b.version;
  });
  return true;
}

// migrations(id, timestamp, name): one row per applied class.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT \"timestamp\"::text, name FROM " + from + " ORDER BY id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows)
    push_applied(out, text_or_null(row[0]), text_or_null(row[1]), false,
                 "timestamp=" + text_or_null(row[0]) + " name=" + text_or_null(row[1]));
}
const TrackingLayout kTracking{"migrations", "", {"timestamp", "name"}, "TypeORM's (timestamp, name)", tracking_query,
                               2, tracking_read};

}  // namespace
}  // namespace code

// TypeORM refuses two migrations of one class name ("Duplicate migrations"), not of one
// timestamp: classes that share a timestamp run in the order they are listed (Flowise's
// AddAssistantEntity1699325775451 and AddVariableEntity1699325775451), here by file name.
extern const Format kTypeOrm{.name = "typeorm", .detect = code::detect, .load = code::load, .tracking = &code::kTracking,
                             .discover = code::discover, .duplicate_versions = DuplicateVersions::NotJudged,
                             .apply_command = "npx typeorm migration:run -d <data source>"};

}  // namespace schemagate::schema::migrations
