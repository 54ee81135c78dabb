// GORM models (Go) as requirements. GORM writes every field of a model on Create and Save
// (`INSERT INTO "llm_results" (..., "model_version") VALUES ...`), so a field whose column no
// migration adds fails the first write of the model, without a line of SQL in the code.
//
// A struct is a model when its file imports GORM and it embeds gorm.Model, tags a field with
// `gorm:"..."`, or has a TableName() method returning a string literal (in any file of its
// package: the project's facts carry it). Without one, the name comes from the naming strategy:
// GORM v2's default is plural snake_case (`ProjectRun` -> `project_runs`, jinzhu/inflection's
// rules), certain only when no file of the project configures one (NamingStrategy, TablePrefix,
// SingularTable, new inflection rules), the struct is embedded in no other struct (a base of
// common fields), it embeds no struct that is a model of its own (ConnectorWithConditions {
// Connector; Conditions }: that model's rows plus a joined column, a result type), and it is a
// table: it embeds gorm.Model or some code hands it to GORM (Model(&T{}), Find(&rows),
// Create(&t)) in a chain that names no Table(); a struct with tags only may be a result type. A model
// of a package that imports no GORM (its callers do) takes v2's naming when the project imports
// gorm.io/gorm and never jinzhu/gorm (v1). Otherwise
// the model is listed as unchecked. Columns follow GORM's rules: `gorm:"column:x"`, else
// the field name as NamingStrategy.ColumnName writes it (snake_case, initialisms such as ID and
// URL kept together); gorm.Model adds id, created_at, updated_at and deleted_at. Fields GORM
// does not map are left out: unexported, `gorm:"-"`, relations (a slice, a map, a struct of this
// file, a field with foreignKey/references/many2many/polymorphic), and a type of the same
// package declared in another file (a struct there is a relation, a string type a column: not
// known here). An embedded struct of this file contributes its fields, with embeddedPrefix.
//
// Chains name tables and columns too: db.Table("t") or db.Model(&Model{}) fixes the table, and
// so does the destination of Find/First/Take/Last/Delete when neither is there and the chain
// starts on a handle the function did not narrow (a parameter, a field: `db.Where("c = ?",
// v).Find(&rows)` queries the table of rows' type). Where("col = ?"), Select("a, b"),
// Order("col desc"), Pluck("col", ...), Update("col", v) and Updates(map[string]any{"col": v})
// then name its columns; a chain with Joins or Raw is left out (a column may belong to another
// table). AutoMigrate changes the schema at start-up: the models of a file calling it, and the
// models any start-up code hands to it (directly or through a package variable listing them),
// are not required, and an unchecked use says why. AutoMigrate in a gormigrate migration is a
// migration step (schema/migrations/code/gormigrate.cpp), not start-up code.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/datalayers/gorm_naming.h"
#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

/// The settings of a `gorm:"..."` struct tag, keys upper-cased; the span of each value in the file.
struct Tag {
  std::map<std::string, std::string> settings;
  std::map<std::string, requirements::Span> spans;
  bool present = false;
};
Tag gorm_tag(TSNode tag, std::string_view src) {
  Tag out;
  if (ts_node_is_null(tag)) return out;
  std::string_view t = node_text(tag, src);
  size_t at = t.find("gorm:\"");
  if (at == std::string_view::npos) return out;
  out.present = true;
  size_t begin = at + 6, end = t.find('"', begin);
  if (end == std::string_view::npos) return out;
  uint32_t base = ts_node_start_byte(tag);
  size_t i = begin;
  while (i < end) {
    size_t semi = t.find(';', i);
    if (semi == std::string_view::npos || semi > end) semi = end;
    std::string_view item = t.substr(i, semi - i);
    size_t colon = item.find(':');
    std::string key(item.substr(0, colon));
    for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    while (!key.empty() && key.back() == ' ') key.pop_back();
    while (!key.empty() && key.front() == ' ') key.erase(0, 1);
    std::string value = colon == std::string_view::npos ? "" : std::string(item.substr(colon + 1));
    out.settings[key] = value;
    if (colon != std::string_view::npos)
      out.spans[key] = {static_cast<uint32_t>(base + i + colon + 1), static_cast<uint32_t>(base + semi)};
    i = semi + 1;
  }
  return out;
}

/// Words that configure how GORM names tables (a NamingStrategy, a prefix, singular tables, new
/// inflection rules): where any file of the project says one, default names are not certain.
bool configures_naming(std::string_view text) {
  for (std::string_view w : {"NamingStrategy", "TablePrefix", "SingularTable", "DefaultTableNameHandler",
                             "inflection.Add", "inflection.Set"})
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

using Column = go::ModelColumn;

struct Model {
  std::string name;
  TSNode struct_type{};
  uint32_t at = 0;
  bool gorm = false;        ///< embeds gorm.Model or tags a field
  bool gorm_model = false;  ///< embeds gorm.Model: a table by construction
  std::vector<Column> columns;
};

/// Links whose first argument is the value GORM takes the table from when no Table() or Model()
/// says it (`db.Where("c = ?", v).Find(&rows)` queries the table of rows' type).
const std::set<std::string_view> kDestination = {"Find", "First", "Take", "Last", "FirstOrCreate", "FirstOrInit",
                                                 "Delete", "Create", "Save"};

/// Links that run the chain's query (GORM's finisher methods).
const std::set<std::string_view> kFinisher = {"Find", "First", "Take", "Last", "FirstOrCreate", "FirstOrInit",
                                              "Delete", "Create", "Save", "Scan", "Count", "Pluck", "Update",
                                              "Updates", "UpdateColumn", "UpdateColumns", "Row", "Rows",
                                              "FindInBatches", "CreateInBatches", "Error"};

class Reader {
 public:
  Reader(const FileInput& in)
      : in_(in), src_(in.text), dir_(go::folder(in.path)) {
    if (!ts_node_is_null(in.root)) imports_ = go::declarations(in.root, in.text).imports;
    v2_ = src_.find("gorm.io/gorm") != std::string_view::npos;
  }

  /// Facts: each struct of this file under gorm:model:<dir>/<T> ("gorm", "model" when it embeds
  /// gorm.Model, "v2"), each TableName method ("table=t", "table?" when not a literal), the types
  /// embedded in structs, the types the code hands to GORM, AutoMigrate at start-up, and package
  /// variables listing models.
  void index(std::vector<std::pair<std::string, std::string>>* out) {
    if (configures_naming(src_)) out->push_back({"gorm:naming", std::string(in_.path)});
    // Which GORM the project imports: v2's naming holds for models of a package that imports
    // none when every file that does imports v2.
    if (v2_) out->push_back({"gorm:import", "v2"});
    if (src_.find("jinzhu/gorm\"") != std::string_view::npos) out->push_back({"gorm:import", "v1"});
    if (ts_node_is_null(in_.root)) return;
    collect(in_.root);
    for (auto& [name, m] : models_) {
      std::string key = "gorm:model:" + local_key(name);
      out->push_back({key, "struct"});
      if (m.gorm) out->push_back({key, "gorm"});
      if (m.gorm_model) out->push_back({key, "model"});
      if (v2_) out->push_back({key, "v2"});
      for (const go::Field& f : go::fields(m.struct_type, src_)) {
        Tag tag = gorm_tag(f.tag, src_);
        if (f.names.empty() || tag.settings.count("EMBEDDED")) {
          out->push_back({"gorm:embedded", bare(f.type_text)});
          out->push_back({"gorm:embeds:" + name, bare(f.type_text)});
        }
      }
    }
    for (auto& [type, t] : tables_) out->push_back({"gorm:model:" + local_key(type), "table=" + t.first});
    for (const std::string& type : opaque_tables_) out->push_back({"gorm:model:" + local_key(type), "table?"});
    // Migrations (gormigrate) and tests (a scratch database per test) are not start-up code.
    bool gormigrate = src_.find("gormigrate") != std::string_view::npos || in_.path.ends_with("_test.go");
    for (TSNode top : go::chain_tops(in_.root)) {
      std::vector<go::Link> links = go::chain(top, src_);
      // Model(&T{}).Table("t"): the chain names its table; T is a result type, not a table.
      bool named_table = std::any_of(links.begin(), links.end(), [](const go::Link& l) { return l.name == "Table"; });
      // Model(&Heartbeat{}).Select(...).Find(&agents): the destination is a result type too.
      bool named_model = std::any_of(links.begin(), links.end(), [](const go::Link& l) { return l.name == "Model"; });
      for (const go::Link& l : links) {
        if (l.name == "AutoMigrate" && !gormigrate) {
          for (TSNode a : l.args) {
            if (node_is(a, "comment")) continue;
            if (node_is(a, "variadic_argument")) a = languages::first_named_child(a);
            std::string t = go::value_type(a, src_);
            std::string_view text = node_text(a, src_);
            if (!t.empty()) out->push_back({"gorm:automigrate", identity(t)});
            else if (node_is(a, "identifier") || node_is(a, "selector_expression"))
              out->push_back({"gorm:automigrate", "list:" + bare(text)});
            else out->push_back({"gorm:automigrate", "*"});
          }
        } else if ((l.name == "Model" || (kDestination.count(l.name) && !named_model)) && !named_table) {
          if (!l.args.empty())
            if (std::string t = go::value_type(l.args[0], src_); !t.empty()) out->push_back({"gorm:used", bare(t)});
        }
      }
    }
    // var Models = []interface{}{&A{}, &B{}}: what AutoMigrate(Models...) migrates.
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode d = ts_node_named_child(in_.root, i);
      if (!node_is(d, "var_declaration")) continue;
      std::vector<TSNode> stack{d};
      while (!stack.empty()) {
        TSNode n = stack.back();
        stack.pop_back();
        if (node_is(n, "var_spec")) {
          TSNode values = field(n, "value");
          if (ts_node_is_null(values) || ts_node_named_child_count(values) != 1) continue;  // `var x T`
          TSNode lit = ts_node_named_child(values, 0);
          if (!node_is(lit, "composite_literal")) continue;
          std::string key = "gorm:list:" + std::string(node_text(field(n, "name"), src_));
          TSNode body = field(lit, "body");
          for (uint32_t k = 0; k < ts_node_named_child_count(body); ++k) {
            TSNode e = ts_node_named_child(body, k);
            if (node_is(e, "comment")) continue;
            if (node_is(e, "literal_element")) e = languages::first_named_child(e);
            std::string t = go::value_type(e, src_);
            out->push_back({key, t.empty() ? "*" : identity(t)});
          }
          continue;
        }
        for (uint32_t k = 0; k < ts_node_named_child_count(n); ++k) stack.push_back(ts_node_named_child(n, k));
      }
    }
  }

  void run(FileOutput* out) {
    collect(in_.root);
    bool migrates = src_.find("AutoMigrate(") != std::string_view::npos;
    for (auto& [name, m] : models_) {
      bool named = tables_.count(name) != 0;
      auto facts = fact("gorm:model:" + local_key(name));
      bool named_elsewhere = !named && facts && std::any_of(facts->begin(), facts->end(), [](const std::string& v) {
        return v.starts_with("table");
      });
      if (!m.gorm && !named && !named_elsewhere) continue;
      if (migrates || auto_migrated(name)) {
        out->unchecked.push_back({m.at, "gorm model",
                                  migrates ? "this file calls AutoMigrate, which creates and alters tables at start-up: "
                                             "the schema is not the migrations' alone"
                                           : "the code calls AutoMigrate on this model at start-up, which creates its "
                                             "table and adds its missing columns: the schema is not the migrations' "
                                             "alone"});
        continue;
      }
      std::string why;
      std::optional<std::string> table = table_of(name, &why);
      if (!table) {
        out->unchecked.push_back({m.at, "gorm model", why});
        continue;
      }
      std::set<std::string> seen;
      columns_of(m.struct_type, "", &m.columns, &seen, 0);
      emit_model(m, *table,
                 named || named_elsewhere ? "its TableName method" : "GORM's default naming: plural snake_case", out);
    }
    for (TSNode top : go::chain_tops(in_.root)) chain(top, out, migrates);
  }

 private:
  static std::string bare(std::string_view type) {
    size_t dot = type.rfind('.');
    return std::string(dot == std::string_view::npos ? type : type.substr(dot + 1));
  }
  std::string local_key(const std::string& type) const { return dir_.empty() ? type : dir_ + "/" + type; }

  const std::vector<std::string>* fact(const std::string& key) const {
    if (!in_.facts) return nullptr;
    auto it = in_.facts->find(key);
    return it == in_.facts->end() ? nullptr : &it->second;
  }
  bool fact_has(const std::string& key, std::string_view value) const {
    auto v = fact(key);
    return v && std::find(v->begin(), v->end(), value) != v->end();
  }

  /// A type seen from this file as "<folder>/T" (this package) or "<import path>/T" (pkg.T);
  /// "" for a qualifier that is not imported.
  std::string identity(const std::string& type) const {
    size_t dot = type.find('.');
    if (dot == std::string::npos) return local_key(type);
    for (auto& [alias, path] : imports_)
      if (alias == type.substr(0, dot)) return path + "/" + type.substr(dot + 1);
    return "";
  }

  /// Two identities name one type: equal, or one is a tail of the other (a folder of the project
  /// and the import path that ends with it).
  static bool same_type(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    return a == b || a.ends_with("/" + b) || b.ends_with("/" + a);
  }

  /// Whether start-up code hands this model to AutoMigrate, directly or in a package variable
  /// listing models; an argument or an element that cannot be told counts for every model.
  bool auto_migrated(const std::string& type) const {
    auto v = fact("gorm:automigrate");
    if (!v) return false;
    std::string me = identity(type);
    if (me.empty()) return true;
    for (const std::string& t : *v) {
      if (t == "*" || same_type(t, me)) return true;
      if (!t.starts_with("list:")) continue;
      auto list = fact("gorm:list:" + t.substr(5));
      if (!list) return true;
      for (const std::string& e : *list)
        if (e == "*" || same_type(e, me)) return true;
    }
    return false;
  }

  /// The table of model type `type` ("T" of this package or "pkg.T"): its TableName method's
  /// literal, else GORM's default name (plural snake_case) when that is certain: gorm.io/gorm,
  /// no naming configured anywhere in the project, a struct embedded in no other, and one that is
  /// a table (it embeds gorm.Model or the code hands it to GORM). Otherwise nullopt and *why.
  std::optional<std::string> table_of(const std::string& type, std::string* why) const {
    std::string local = type.find('.') == std::string::npos ? type : "";
    if (!local.empty())
      if (auto it = tables_.find(local); it != tables_.end()) return it->second.first;
    const std::vector<std::string>* facts = go::model_fact(in_.facts, "gorm", dir_, imports_, type);
    bool declared_here = !local.empty() && models_.count(local);
    if (facts) {
      for (const std::string& v : *facts) {
        if (v.starts_with("table=")) return v.substr(6);
        if (v == "table?") {
          *why = "its TableName() method does not return a literal: the table is decided at run time";
          return std::nullopt;
        }
      }
    }
    auto has = [&](std::string_view v) {
      if (declared_here) {
        const Model& m = models_.at(local);
        if (v == "gorm") return m.gorm;
        if (v == "model") return m.gorm_model;
        if (v == "v2" && v2_) return true;
        if (v == "struct") return true;
      }
      if (facts && std::find(facts->begin(), facts->end(), v) != facts->end()) return true;
      // A models package that never imports GORM (its callers do): the project's GORM is v2 alone.
      return v == "v2" && fact_has("gorm:import", "v2") && !fact_has("gorm:import", "v1");
    };
    *why = "no TableName() method: the table name comes from GORM's naming strategy";
    if (!in_.facts || !has("struct") || !has("v2")) return std::nullopt;  // no facts: the project is not known
    if (auto v = fact("gorm:naming"); v && !v->empty()) {
      *why += ", which " + v->front() + " configures";
      return std::nullopt;
    }
    if (fact_has("gorm:embedded", bare(type))) {
      *why = "embedded in another struct: its fields belong to that struct's table";
      return std::nullopt;
    }
    if (auto embeds = fact("gorm:embeds:" + bare(type)))
      for (const std::string& e : *embeds)
        if (fact_has("gorm:used", e)) {
          // ConnectorWithConditions { Connector; Conditions }: Connector's rows plus a joined
          // column, queried with Model(&T{}).Table("connectors") or through a helper that sets it.
          *why = "it embeds " + e + ", a model of its own: a result type that extends that model's rows";
          return std::nullopt;
        }
    if (!has("model") && !fact_has("gorm:used", bare(type))) {
      *why += " (plural snake_case), and no code hands it to GORM as a model: it may only be a result type";
      return std::nullopt;
    }
    if (auto t = gorm::module_plural(gorm::to_db_name(bare(type)), in_.facts->count(gorm::kInflectionPinned) > 0)) return t;
    *why = "GORM names the table by pluralizing " + gorm::to_db_name(bare(type)) +
           ", and the releases of jinzhu/inflection pluralize it differently (the project's go.mod pins one other "
           "than v1.0.0)";
    return std::nullopt;
  }

  void collect(TSNode root) {
    uint32_t n = ts_node_named_child_count(root);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode d = ts_node_named_child(root, i);
      if (node_is(d, "type_declaration")) {
        for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
          TSNode spec = ts_node_named_child(d, j);
          if (!node_is(spec, "type_spec")) continue;
          std::string name(node_text(field(spec, "name"), src_));
          TSNode type = field(spec, "type");
          if (!node_is(type, "struct_type")) {
            // `type Tags []string` is one column only through a Valuer; `type SummaryItems
            // []*SummaryItem` is a has-many.
            bool composite = node_is(type, "slice_type") || node_is(type, "map_type") || node_is(type, "array_type");
            bool valuer = src_.find(" " + name + ") Value()") != std::string_view::npos ||
                          src_.find("*" + name + ") Value()") != std::string_view::npos;
            if (!composite || valuer) scalars_.insert(name);
            continue;
          }
          Model m;
          m.name = name;
          m.struct_type = type;
          m.at = ts_node_start_byte(field(spec, "name"));
          m.gorm = is_gorm_struct(type);
          m.gorm_model = node_text(type, src_).find("gorm.Model") != std::string_view::npos;
          models_[name] = std::move(m);
        }
      } else if (node_is(d, "method_declaration") && node_text(field(d, "name"), src_) == "TableName") {
        if (auto t = go::table_name_method(d, src_)) tables_[t->type] = {t->table, t->span};
        else if (auto r = receiver_type(d); !r.empty()) opaque_tables_.insert(r);
      }
    }
  }

  /// `func (m *T) ...` -> "T".
  std::string receiver_type(TSNode method) const {
    TSNode recv = field(method, "receiver");
    for (uint32_t i = 0; i < ts_node_named_child_count(recv); ++i) {
      TSNode p = ts_node_named_child(recv, i);
      if (!node_is(p, "parameter_declaration")) continue;
      std::string_view t = node_text(field(p, "type"), src_);
      while (t.starts_with("*")) t.remove_prefix(1);
      return std::string(t);
    }
    return "";
  }

  bool is_gorm_struct(TSNode st) const {
    std::string_view t = node_text(st, src_);
    return t.find("gorm.Model") != std::string_view::npos || t.find("gorm:\"") != std::string_view::npos;
  }

  /// The columns of a struct type's fields, in order (embedded structs of this file flattened).
  void columns_of(TSNode st, const std::string& prefix, std::vector<Column>* out, std::set<std::string>* seen,
                  int depth) {
    if (depth > 4) return;
    TSNode list{};
    for (uint32_t i = 0; i < ts_node_named_child_count(st); ++i)
      if (node_is(ts_node_named_child(st, i), "field_declaration_list")) list = ts_node_named_child(st, i);
    for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
      TSNode f = ts_node_named_child(list, i);
      if (!node_is(f, "field_declaration")) continue;
      TSNode type = field(f, "type");
      Tag tag = gorm_tag(field(f, "tag"), src_);
      auto has = [&](const char* k) { return tag.settings.count(k) != 0; };
      if (has("-") || (tag.present && tag.settings.size() == 1 && tag.settings.begin()->first.starts_with("-")))
        continue;
      std::string_view type_text = node_text(type, src_);
      while (type_text.starts_with("*")) type_text.remove_prefix(1);
      std::vector<TSNode> names;
      for (uint32_t j = 0; j < ts_node_named_child_count(f); ++j)
        if (node_is(ts_node_named_child(f, j), "field_identifier")) names.push_back(ts_node_named_child(f, j));
      if (names.empty()) {  // embedded
        if (type_text == "gorm.Model") {
          for (const char* c : {"id", "created_at", "updated_at", "deleted_at"})
            if (seen->insert(c).second) out->push_back({c, "gorm.Model", {ts_node_start_byte(type), ts_node_end_byte(type)}});
          continue;
        }
        auto it = models_.find(std::string(type_text));
        if (it != models_.end()) columns_of(it->second.struct_type, prefix, out, seen, depth + 1);
        continue;
      }
      if (has("EMBEDDED")) {
        auto it = models_.find(std::string(type_text));
        std::string p = prefix + (has("EMBEDDEDPREFIX") ? tag.settings["EMBEDDEDPREFIX"] : "");
        if (it != models_.end()) columns_of(it->second.struct_type, p, out, seen, depth + 1);
        continue;
      }
      if (has("FOREIGNKEY") || has("REFERENCES") || has("MANY2MANY") || has("POLYMORPHIC")) continue;
      bool serialized = has("SERIALIZER");
      if (!serialized && !go::column_type(type_text, scalars_)) continue;
      for (TSNode n : names) {
        std::string_view fname = node_text(n, src_);
        if (fname.empty() || !std::isupper(static_cast<unsigned char>(fname[0]))) continue;  // unexported
        Column c;
        c.field = std::string(fname);
        auto col = tag.settings.find("COLUMN");
        if (col != tag.settings.end() && !col->second.empty()) {
          c.name = col->second;
          c.span = tag.spans["COLUMN"];
          c.quoted = std::any_of(c.name.begin(), c.name.end(), [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); });
        } else {
          c.name = prefix + gorm::to_db_name(fname);
          c.span = {ts_node_start_byte(n), ts_node_end_byte(n)};
        }
        if (seen->insert(c.name).second) out->push_back(std::move(c));
      }
    }
  }

  void emit_model(const Model& m, const std::string& table, const std::string& how, FileOutput* out) {
    std::string qualified = table.find('.') == std::string::npos ? in_.default_schema + "." + table : table;
    go::UnitWriter w(in_, out, "gorm model " + m.name + " TableName(" + qualified + ")");
    std::string rel = w.split(table).second;
    auto local = tables_.find(m.name);
    requirements::Span span = local != tables_.end()
                                  ? local->second.second
                                  : requirements::Span{m.at, static_cast<uint32_t>(m.at + m.name.size())};
    w.relation(table, span, "GORM model " + m.name + " is stored in table " + rel + " (" + how + ")");
    for (const Column& c : m.columns)
      w.column(table, c.name, c.span, requirements::Use::Write,
               "GORM model " + m.name + " field " + c.field + " maps to column " + rel + "." + c.name +
                   "; Create and Save write every field",
               c.quoted);
  }

  /// Whether a chain's receiver is a handle no earlier statement of the function narrowed (a
  /// parameter or a struct field), so that the table comes from the chain alone.
  bool plain_handle(TSNode receiver) const {
    if (node_is(receiver, "selector_expression")) return true;
    if (!node_is(receiver, "identifier")) return false;
    std::string_view name = node_text(receiver, src_);
    TSNode fn = go::enclosing_function(receiver);
    if (ts_node_is_null(fn)) return false;
    bool assigned = false;
    std::vector<TSNode> stack{field(fn, "body")};
    while (!stack.empty() && !assigned) {
      TSNode n = stack.back();
      stack.pop_back();
      if (ts_node_is_null(n)) continue;
      if (node_is(n, "short_var_declaration") || node_is(n, "assignment_statement") || node_is(n, "var_spec")) {
        TSNode left = node_is(n, "var_spec") ? n : field(n, "left");
        for (uint32_t i = 0; i < ts_node_named_child_count(left); ++i)
          if (node_text(ts_node_named_child(left, i), src_) == name) assigned = true;
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
    return !assigned;
  }

  // Chains: db.Table("t").Where("c = ?", v).Order("d desc").Find(&out).
  /// `First(&item, "code = ?", v)`, `Find(&rows, "a <> ? AND b > ?", x, y)`: a finder's inline
  /// condition, a string after the destination (its text and offset).
  bool inline_condition(const go::Link& l, std::string_view* text, uint32_t* at) const {
    static const std::set<std::string_view> kFinders = {"Find", "First", "Take", "Last", "Delete"};
    return kFinders.count(l.name) && l.args.size() >= 2 && go::literal(l.args[1], src_, text, at);
  }

  void chain(TSNode top, FileOutput* out, bool migrates) {
    TSNode receiver{};
    std::vector<go::Link> links = go::chain(top, src_, &receiver);
    std::string_view inline_text;
    uint32_t inline_at = 0;
    if (links.size() < 2 && !(links.size() == 1 && inline_condition(links[0], &inline_text, &inline_at))) return;
    std::optional<std::string> table;
    std::string via;
    requirements::Span table_span{};
    bool explicit_table = false, model = false;
    for (const go::Link& l : links) {
      // Association("Albums") turns the chain to the associated model's table.
      if (l.name == "Joins" || l.name == "Raw" || l.name == "Exec" || l.name == "Scopes" ||
          l.name == "InnerJoins" || l.name == "Association")
        return;
      if (l.name == "Table" && !l.args.empty()) {
        std::string_view t;
        uint32_t at;
        if (!go::literal(l.args[0], src_, &t, &at) || !go::plain_name(t)) return;  // "t AS x", a subquery: left out
        table = std::string(t);
        table_span = {at, static_cast<uint32_t>(at + t.size())};
        explicit_table = true;
        via = "Table(\"" + *table + "\")";
      } else if (l.name == "Model" && !l.args.empty() && !table) {
        model = true;
        std::string type = go::value_type(l.args[0], src_);
        std::string why;
        if (type.empty() || migrates || auto_migrated(type)) return;
        table = table_of(type, &why);
        if (!table) return;
        via = "Model(&" + type + "{})";
      }
    }
    if (!table && !model && plain_handle(receiver)) {
      // No Table() or Model(): the destination's type names the table.
      const go::Link& last = links.back();
      if (!kDestination.count(last.name) || last.args.empty()) return;
      std::string type = go::value_type(last.args[0], src_), why;
      if (type.empty() || migrates || auto_migrated(type)) return;
      table = table_of(type, &why);
      if (!table) return;
      via = std::string(last.name) + "(&" + type + ")";
      if (links.size() == 2 && (last.name == "Create" || last.name == "Save")) return;  // the model's own row
    }
    if (!table || table->find('.') != std::string::npos) return;
    // `q := db.Model(&Album{}).Table("sub_albums")` kept to splice into a Raw query: a builder
    // that runs nothing yet, whose Table() may name a CTE of that query.
    if (explicit_table && !kFinisher.count(links.back().name)) return;
    go::UnitWriter w(in_, out, std::string(node_text(top, src_)));
    w.open();  // the chain is a site even when it names nothing checkable
    if (explicit_table) w.relation(*table, table_span, "GORM " + via + " queries table " + *table);
    static const std::set<std::string_view> kWhere = {"Where", "Or", "Not", "Having"};
    // Omit("key") names no column of the SQL: GORM leaves the named fields out of the model's own
    // list, and a name the model does not map is ignored.
    static const std::set<std::string_view> kLists = {"Select", "Order", "Group", "Pluck", "Distinct"};
    // Select("user_id AS user, count(id) AS count"), or a Select built at run time: Group("user")
    // and Order("count") may name its output columns, which PostgreSQL answers first.
    bool aliased_select = false;
    for (const go::Link& l : links) {
      if (l.name != "Select") continue;
      std::string_view text;
      std::vector<std::pair<std::string, uint32_t>> cols;
      std::string low;
      if (go::link_columns(l, src_, kWhere, kLists, &text, &cols))
        for (char c : text) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      if (low.empty() || low.find(" as ") != std::string::npos) aliased_select = true;
    }
    for (const go::Link& l : links) {
      std::string_view text;
      std::vector<std::pair<std::string, uint32_t>> cols;
      requirements::Use use = requirements::Use::Read;
      if (aliased_select && (l.name == "Group" || l.name == "Order" || l.name == "Having")) continue;
      uint32_t at = 0;
      if (inline_condition(l, &text, &at)) {
        go::where_columns(text, at, &cols);  // First(&x, "c = ?", v): a Where of its own
      } else if (!go::link_columns(l, src_, kWhere, kLists, &text, &cols) && !updated_columns(l, &text, &cols)) {
        continue;
      }
      // Select("id", "name"): GORM selects each name it is given.
      if (l.name == "Select" || l.name == "Distinct")
        for (size_t i = 1; i < l.args.size(); ++i) {
          std::string_view t;
          uint32_t a;
          if (go::literal(l.args[i], src_, &t, &a) && go::plain_name(t)) cols.push_back({std::string(t), a});
        }
      if (l.name.starts_with("Update")) use = requirements::Use::Write;
      for (auto& [col, offset] : cols)
        w.column(*table, col, {offset, static_cast<uint32_t>(offset + col.size())}, use,
                 "GORM " + via + "." + std::string(l.name) +
                     (text == "map" ? "(map{\"" + col + "\": ...})" : "(\"" + std::string(text) + "\")") +
                     " names column " + *table + "." + col);
    }
  }

  /// Update("c", v) / UpdateColumn("c", v): c; Updates(map[string]any{"a": x, "b": y}): a and b.
  bool updated_columns(const go::Link& l, std::string_view* text, std::vector<std::pair<std::string, uint32_t>>* cols) {
    if (l.args.empty()) return false;
    std::string_view t;
    uint32_t at;
    if (l.name == "Update" || l.name == "UpdateColumn") {
      if (!go::literal(l.args[0], src_, &t, &at) || !go::plain_name(t)) return false;
      *text = t;
      cols->push_back({std::string(t), at});
      return true;
    }
    if (l.name != "Updates" && l.name != "UpdateColumns") return false;
    TSNode lit = l.args[0];
    if (!node_is(lit, "composite_literal") || !node_text(field(lit, "type"), src_).starts_with("map[string]"))
      return false;
    TSNode body = field(lit, "body");
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode kv = ts_node_named_child(body, i);
      if (!node_is(kv, "keyed_element") || ts_node_named_child_count(kv) != 2) continue;
      TSNode k = ts_node_named_child(kv, 0);
      if (node_is(k, "literal_element")) k = languages::first_named_child(k);
      if (go::literal(k, src_, &t, &at) && go::plain_name(t)) cols->push_back({std::string(t), at});
    }
    *text = "map";
    return !cols->empty();
  }

  const FileInput& in_;
  std::string_view src_;
  std::string dir_;
  std::vector<std::pair<std::string, std::string>> imports_;
  bool v2_ = false;
  std::map<std::string, Model> models_;
  std::set<std::string> scalars_;
  std::set<std::string> opaque_tables_;  ///< types whose TableName() returns no literal
  std::map<std::string, std::pair<std::string, requirements::Span>> tables_;
};

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

/// A file that imports GORM, or declares structs with `gorm:"..."` tags (the models of a package
/// of their own, which GORM's callers import: their fields name columns all the same).
bool relevant(std::string_view text) {
  return text.find("gorm.io/gorm") != std::string_view::npos || text.find("jinzhu/gorm") != std::string_view::npos ||
         text.find("gorm:\"") != std::string_view::npos;
}

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) { Reader(in).index(out); }

/// The bodies `extract` reads: those holding a chain that names its table (Table, Model, or a
/// destination: Reader::chain). Models and TableName methods are top-level (a TableName body,
/// returning text, is never blanked: languages::go_body_stays).
bool reads_body(std::string_view code) {
  return languages::go_calls_any(code, {"Table", "Model", "Find", "First", "Take", "Last", "FirstOrCreate",
                                        "FirstOrInit", "Delete", "Create", "Save"});
}

/// Files that never import GORM are read too: a struct of `gorm:"..."` tags only, a TableName()
/// method in a file of its own, the file that configures the naming strategy.
bool index_reads(std::string_view path, std::string_view text) {
  return path.ends_with(".go") &&
         (relevant(text) ||
          text.find(") TableName() string") != std::string_view::npos ||
          (text.find("gorm") != std::string_view::npos && configures_naming(text)));
}

}  // namespace

extern const DataLayer kGorm{.name = "gorm",
                             .languages = {"go"},
                             .relevant = relevant,
                             .extract = extract,
                             .index = index,
                             .index_reads = index_reads,
                             .reads_body = reads_body,
                             .relevant_words = {"gorm.io/gorm", "jinzhu/gorm", "gorm:\""},
                             .index_words = {"gorm", ") TableName() string"}};

}  // namespace schemagate::datalayers
