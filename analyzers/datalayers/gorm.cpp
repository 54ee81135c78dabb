// GORM models (Go) as requirements. GORM writes every field of a model on Create and Save
// (`INSERT INTO "llm_results" (..., "model_version") VALUES ...`), so a field whose column no
// migration adds fails the first write of the model, without a line of SQL in the code.
//
// A struct is a model when its file imports GORM and it embeds gorm.Model, tags a field with
// `gorm:"..."`, or has a TableName() method returning a string literal. Its table is that
// literal; without one, the name comes from the naming strategy (plural snake_case by default,
// but TablePrefix and SingularTable are set where the database is opened, often in another
// file): the model is listed as unchecked. Columns follow GORM's rules: `gorm:"column:x"`, else
// the field name as NamingStrategy.ColumnName writes it (snake_case, initialisms such as ID and
// URL kept together); gorm.Model adds id, created_at, updated_at and deleted_at. Fields GORM
// does not map are left out: unexported, `gorm:"-"`, relations (a slice, a map, a struct of this
// file, a field with foreignKey/references/many2many/polymorphic), and a type of the same
// package declared in another file (a struct there is a relation, a string type a column: not
// known here). An embedded struct of this file contributes its fields, with embeddedPrefix.
//
// Chains name tables and columns too: db.Table("t") or db.Model(&Model{}) fixes the table, and
// Where("col = ?"), Select("a, b"), Order("col desc"), Pluck("col", ...) then name its columns;
// a chain with Joins or Raw is left out (a column may belong to another table). A file calling
// AutoMigrate changes the schema at start-up: its models' tables and columns are not required,
// and an unchecked use says why.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

/// GORM's NamingStrategy.toDBName: common initialisms first become one word ("ID" -> "Id"),
/// then an upper-case letter starts a word unless it continues a run of capitals.
std::string to_db_name(std::string_view name) {
  static const char* kInitialisms[] = {"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS",
                                       "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH",
                                       "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF",
                                       "XSS"};
  std::string value;
  for (size_t i = 0; i < name.size();) {
    bool replaced = false;
    for (const char* w : kInitialisms) {  // strings.NewReplacer: the first listed match wins
      size_t n = std::strlen(w);
      if (name.compare(i, n, w) == 0) {
        value += w[0];
        for (size_t k = 1; k < n; ++k) value += static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
        i += n;
        replaced = true;
        break;
      }
    }
    if (!replaced) value += name[i++];
  }
  if (value.empty()) return value;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  bool last_case = false, cur_case = upper(value[0]);
  for (size_t i = 0; i + 1 < value.size(); ++i) {
    char v = value[i];
    bool next_case = upper(value[i + 1]), next_number = digit(value[i + 1]);
    if (cur_case) {
      if (last_case && (next_case || next_number)) {
        out += static_cast<char>(v + 32);
      } else {
        if (i > 0 && value[i - 1] != '_' && value[i + 1] != '_') out += '_';
        out += static_cast<char>(v + 32);
      }
    } else {
      out += v;
    }
    last_case = cur_case;
    cur_case = next_case;
  }
  char end = value.back();
  if (cur_case) {
    if (!last_case && value.size() > 1) out += '_';
    out += static_cast<char>(end + 32);
  } else {
    out += end;
  }
  return out;
}

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

using Column = go::ModelColumn;

struct Model {
  std::string name;
  TSNode struct_type{};
  uint32_t at = 0;
  bool gorm = false;  ///< embeds gorm.Model or tags a field
  std::vector<Column> columns;
};

class Reader {
 public:
  Reader(const FileInput& in) : in_(in), src_(in.text) {}

  void run(FileOutput* out) {
    collect(in_.root);
    bool migrates = src_.find("AutoMigrate(") != std::string_view::npos;
    for (auto& [name, m] : models_) {
      bool named = tables_.count(name) != 0;
      if (!m.gorm && !named) continue;
      if (migrates) {
        out->unchecked.push_back({m.at, "gorm model",
                                  "this file calls AutoMigrate, which creates and alters tables at start-up: the "
                                  "schema is not the migrations' alone"});
        continue;
      }
      if (!named) {
        out->unchecked.push_back({m.at, "gorm model",
                                  "no TableName() method: the table name comes from GORM's naming strategy (plural "
                                  "snake_case unless configured where the database is opened)"});
        continue;
      }
      std::set<std::string> seen;
      columns_of(m.struct_type, "", &m.columns, &seen, 0);
      emit_model(m, out);
    }
    for (TSNode top : go::chain_tops(in_.root)) chain(top, out, migrates);
  }

 private:
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
            scalars_.insert(name);
            continue;
          }
          Model m;
          m.name = name;
          m.struct_type = type;
          m.at = ts_node_start_byte(field(spec, "name"));
          m.gorm = is_gorm_struct(type);
          models_[name] = std::move(m);
        }
      } else if (node_is(d, "method_declaration") && node_text(field(d, "name"), src_) == "TableName") {
        if (auto t = go::table_name_method(d, src_)) tables_[t->type] = {t->table, t->span};
      }
    }
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
          c.name = prefix + to_db_name(fname);
          c.span = {ts_node_start_byte(n), ts_node_end_byte(n)};
        }
        if (seen->insert(c.name).second) out->push_back(std::move(c));
      }
    }
  }

  void emit_model(const Model& m, FileOutput* out) {
    const auto& [table, span] = tables_.at(m.name);
    std::string qualified = table.find('.') == std::string::npos ? in_.default_schema + "." + table : table;
    go::UnitWriter w(in_, out, "gorm model " + m.name + " TableName(" + qualified + ")");
    std::string rel = w.split(table).second;
    w.relation(table, span, "GORM model " + m.name + " is stored in table " + rel + " (its TableName method)");
    for (const Column& c : m.columns)
      w.column(table, c.name, c.span, requirements::Use::Write,
               "GORM model " + m.name + " field " + c.field + " maps to column " + rel + "." + c.name +
                   "; Create and Save write every field",
               c.quoted);
  }

  // Chains: db.Table("t").Where("c = ?", v).Order("d desc").Find(&out).
  void chain(TSNode top, FileOutput* out, bool migrates) {
    std::vector<go::Link> links = go::chain(top, src_);
    if (links.size() < 2) return;
    std::optional<std::string> table;
    std::string via;
    requirements::Span table_span{};
    bool explicit_table = false;
    for (const go::Link& l : links) {
      if (l.name == "Joins" || l.name == "Raw" || l.name == "Exec" || l.name == "Preload" || l.name == "Scopes" ||
          l.name == "InnerJoins")
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
        std::string model = go::value_type(l.args[0], src_);
        auto it = tables_.find(model);
        if (it == tables_.end() || !models_.count(model) || migrates) return;
        table = it->second.first;
        via = "Model(&" + model + "{})";
      }
    }
    if (!table || table->find('.') != std::string::npos) return;
    go::UnitWriter w(in_, out, std::string(node_text(top, src_)));
    w.open();  // the chain is a site even when it names nothing checkable
    if (explicit_table) w.relation(*table, table_span, "GORM " + via + " queries table " + *table);
    static const std::set<std::string_view> kWhere = {"Where", "Or", "Not", "Having"};
    static const std::set<std::string_view> kLists = {"Select", "Order", "Group", "Pluck", "Distinct", "Omit"};
    for (const go::Link& l : links) {
      std::string_view text;
      std::vector<std::pair<std::string, uint32_t>> cols;
      if (!go::link_columns(l, src_, kWhere, kLists, &text, &cols)) continue;
      for (auto& [col, offset] : cols)
        w.column(*table, col, {offset, static_cast<uint32_t>(offset + col.size())}, requirements::Use::Read,
                 "GORM " + via + "." + std::string(l.name) + "(\"" + std::string(text) + "\") names column " + *table +
                     "." + col);
    }
  }

  const FileInput& in_;
  std::string_view src_;
  std::map<std::string, Model> models_;
  std::set<std::string> scalars_;
  std::map<std::string, std::pair<std::string, requirements::Span>> tables_;
};

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

bool relevant(std::string_view text) {
  return text.find("gorm.io/gorm") != std::string_view::npos || text.find("jinzhu/gorm") != std::string_view::npos;
}

}  // namespace

extern const DataLayer kGorm{"gorm", {"go"}, nullptr, relevant, extract};

}  // namespace schemagate::datalayers
