// bun models (Go, github.com/uptrace/bun) as requirements. A bun model names its table on the
// embedded bun.BaseModel (`bun:"table:users,alias:u"`) and selects, inserts and updates every
// mapped field (`SELECT "u"."id", "u"."name", ... FROM "users" AS "u"`), so a field whose column
// no migration adds fails the first query of the model, without a line of SQL in the code.
//
// Columns follow bun's rules: the tag's first item (`bun:"name,notnull"`), else the field name
// underscored as bun's internal.Underscore does (ProjectID -> project_id, CPUPlatform ->
// cpu_platform). Left out: unexported fields, `bun:"-"`, relations (rel:, m2m:), scanonly
// fields, and an untagged field whose type is not one column for certain (a struct bun would
// marshal as JSON, or a relation declared elsewhere). An embedded struct contributes its fields
// (with `embed:prefix_`), from this file or, through the project's facts, from another
// (`coremodels.Model` of another package). A model with a bun.BaseModel but no `table:` is
// listed as unchecked.
//
// A struct without bun.BaseModel is a model too once a query chain passes it to Model() (in any
// file: the fact bun:used): bun names its table from the type, jinzhu/inflection's Plural of the
// underscored name (Account -> accounts, StatusToEmoji -> status_to_emojis), as its release v1.0.0
// has it (where the project's go.mod pins another version: only where every release says the same
// name), and only where the project sets no inflector of its own
// (schema.SetTableNameInflector); one that embeds another model with `inherit` or `extend` takes
// that model's table, and is listed as unchecked.
//
// Query chains name columns too: after db.NewSelect()/NewInsert()/NewUpdate()/NewDelete(),
// Model(&m) or Table("t") gives the table and Column("a"), Where("c = ?"), Set("c = ?"),
// Order("c desc"), Group("c") name its columns (also Where("? = ?", bun.Ident("c"), v)); a chain with a join, a relation, a table
// expression or a subquery is listed as unchecked (an unqualified name may belong to another
// table), as is one whose table is not known; an insert's On("CONFLICT ... DO UPDATE") keeps its
// Set names the table's.
// A model whose table the project creates with NewCreateTable is not required.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/bun_naming.h"
#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/datalayers/gorm_naming.h"
#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::node_text;

using bun::underscore;
using BunTag = bun::Tag;
BunTag bun_tag(TSNode tag, std::string_view src) {
  auto v = go::tag_value(tag, "bun", src);
  return v ? bun::parse_tag(v->value, v->at) : BunTag{};
}

using Column = go::ModelColumn;

constexpr const char* kCreatedAtRunTime =
    "the project creates its table at run time (NewCreateTable().Model(...)): the schema is not the migrations' alone";

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text), decl_(go::declarations(in.root, in.text)) {
    for (size_t i = 0; i < decl_.structs.size(); ++i) structs_[decl_.structs[i].first] = i;
    dir_ = go::folder(in.path);
  }

  /// Facts: each model of this file (its table and certain columns), and the tables the file
  /// creates at run time.
  void index(std::vector<std::pair<std::string, std::string>>* out) {
    for (auto& [name, type] : decl_.structs) {
      std::string key = "bun:model:" + (dir_.empty() ? name : dir_ + "/" + name);
      std::optional<std::string> table;
      bool model = base_model(type, &table);
      std::vector<Column> cols;
      std::set<std::string> seen;
      columns_of(type, "", {}, &cols, &seen, 0, /*with_facts=*/false);
      if (!model && cols.empty()) continue;
      out->push_back({key, table ? "table=" + *table : "table?"});
      if (!model) out->push_back({key, "plain"});  // no bun.BaseModel: bun names the table from the type
      if (inherits(type)) out->push_back({key, "inherits"});
      for (auto& c : cols) out->push_back({key, "col=" + c.name});
    }
    for (TSNode top : go::chain_tops(in_.root)) {
      std::vector<go::Link> links = go::chain(top, src_);
      for (size_t i = 0; i + 1 < links.size(); ++i)
        if (links[i].name == "NewCreateTable" && links[i + 1].name == "Model" && !links[i + 1].args.empty())
          if (auto key = model_key(go::value_type(links[i + 1].args[0], src_))) out->push_back({"bun:creates", *key});
      bool query = false;
      for (const go::Link& l : links) {
        query = query || l.name == "NewSelect" || l.name == "NewInsert" || l.name == "NewUpdate" || l.name == "NewDelete";
        if (query && l.name == "Model" && !l.args.empty())
          if (auto used = used_key(go::value_type(l.args[0], src_))) out->push_back({"bun:used", *used});
      }
    }
    if (src_.find("SetTableNameInflector") != std::string_view::npos) out->push_back({"bun:inflector", std::string(in_.path)});
  }

  void run(FileOutput* out) {
    for (size_t i = 0; i < decl_.structs.size(); ++i) {
      auto& [name, type] = decl_.structs[i];
      std::optional<std::string> table;
      uint32_t at = decl_.struct_at[i];
      if (!base_model(type, &table)) {
        plain_model(name, type, at, out);
        continue;
      }
      if (!table) {
        out->unchecked.push_back({at, "bun model",
                                  "no table: in its bun.BaseModel tag: bun names the table by pluralizing the struct "
                                  "name"});
        continue;
      }
      if (created(dir_.empty() ? name : dir_ + "/" + name)) {
        out->unchecked.push_back({at, "bun model", kCreatedAtRunTime});
        continue;
      }
      std::vector<Column> cols;
      std::set<std::string> seen;
      columns_of(type, "", {}, &cols, &seen, 0, true);
      emit_model(name, *table, table_at_.at(*table), "table: in its bun.BaseModel tag", cols, out);
    }
    for (TSNode top : go::chain_tops(in_.root)) chain(top, out);
  }

 private:
  /// Whether the struct embeds bun.BaseModel; its table: option in *table.
  bool base_model(TSNode type, std::optional<std::string>* table) {
    for (const go::Field& f : go::fields(type, src_)) {
      if (!f.names.empty() || f.type_text != "bun.BaseModel") continue;
      BunTag tag = bun_tag(f.tag, src_);
      auto t = tag.options.find("table");
      if (t != tag.options.end() && !tag.options.count("select") && !t->second.empty()) {
        std::string v = t->second;
        bool ok = true;
        for (char c : v) ok = ok && (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '.');
        if (ok) {
          *table = v;
          table_at_[v] = tag_span(f.tag, "table:" + v, v.size());
        }
      }
      return true;
    }
    return false;
  }

  /// Whether the struct embeds another with `inherit` or `extend`: bun then takes that one's table.
  bool inherits(TSNode type) const {
    for (const go::Field& f : go::fields(type, src_)) {
      if (!f.names.empty()) continue;
      BunTag tag = bun_tag(f.tag, src_);
      if (tag.options.count("inherit") || tag.options.count("extend") || tag.name == "inherit" || tag.name == "extend")
        return true;
    }
    return false;
  }

  /// The fact bun:used for the model type `type` of a query chain: "dir/T" for a type of this
  /// package, "<import path>/T" for "pkg.T" (matched by its tail against the model's folder).
  std::optional<std::string> used_key(const std::string& type) const {
    if (type.empty()) return std::nullopt;
    size_t dot = type.find('.');
    if (dot == std::string::npos) return model_key(type);
    for (auto& [alias, path] : decl_.imports)
      if (alias == type.substr(0, dot)) return path + "/" + type.substr(dot + 1);
    return std::nullopt;
  }

  /// Whether some query chain of the project passes the model `key` ("dir/T") to Model().
  bool used(const std::string& key) const {
    if (!in_.facts) return false;
    auto it = in_.facts->find("bun:used");
    if (it == in_.facts->end()) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const std::string& v) { return v == key || v.ends_with("/" + key); });
  }

  /// The table bun names a model without bun.BaseModel by (type name `name`), or nullopt with
  /// *why.
  std::optional<std::string> derived_table(std::string_view name, std::string* why) const {
    if (in_.facts && in_.facts->count("bun:inflector")) {
      *why = "the project sets bun's table name inflector (schema.SetTableNameInflector): the model's table is "
             "named by it";
      return std::nullopt;
    }
    if (auto t = bun::module_default_table(name, in_.facts && in_.facts->count(gorm::kInflectionPinned))) return t;
    *why = "bun names the table by pluralizing " + underscore(name) +
           ", and the releases of jinzhu/inflection pluralize it differently (the project's go.mod pins one other "
           "than v1.0.0)";
    return std::nullopt;
  }

  /// A struct without bun.BaseModel: a model when a query chain passes it to Model().
  void plain_model(const std::string& name, TSNode type, uint32_t at, FileOutput* out) {
    const std::string key = dir_.empty() ? name : dir_ + "/" + name;
    if (!used(key)) return;
    if (inherits(type)) {
      out->unchecked.push_back({at, "bun model",
                                "it embeds another model with inherit or extend: bun stores it in that model's table"});
      return;
    }
    if (created(key)) {
      out->unchecked.push_back({at, "bun model", kCreatedAtRunTime});
      return;
    }
    std::string why;
    std::optional<std::string> table = derived_table(name, &why);
    if (!table) {
      out->unchecked.push_back({at, "bun model", why});
      return;
    }
    std::vector<Column> cols;
    std::set<std::string> seen;
    columns_of(type, "", {}, &cols, &seen, 0, true);
    requirements::Span span{at, static_cast<uint32_t>(at + name.size())};
    emit_model(name, *table, span, "no bun.BaseModel: bun's name for the type " + name, cols, out);
  }

  requirements::Span tag_span(TSNode tag, const std::string& needle, size_t len) const {
    std::string_view t = node_text(tag, src_);
    size_t at = t.find(needle);
    uint32_t b = ts_node_start_byte(tag) + static_cast<uint32_t>(at + needle.size() - len);
    return {b, b + static_cast<uint32_t>(len)};
  }

  /// The columns of a struct's fields, in order, embedded structs flattened. `span` is the
  /// embedding field's, for columns of a struct of another file.
  void columns_of(TSNode st, const std::string& prefix, std::optional<requirements::Span> span, std::vector<Column>* out,
                  std::set<std::string>* seen, int depth, bool with_facts) {
    if (depth > 4) return;
    for (const go::Field& f : go::fields(st, src_)) {
      BunTag tag = bun_tag(f.tag, src_);
      if (tag.name == "-" || tag.options.count("rel") || tag.options.count("m2m") || tag.options.count("scanonly"))
        continue;
      if (f.names.empty() || tag.options.count("embed")) {  // embedded: its fields are the model's
        if (f.type_text == "bun.BaseModel") continue;
        if (!f.names.empty() && !std::isupper(static_cast<unsigned char>(node_text(f.names[0], src_)[0]))) continue;
        std::string p = prefix;
        if (auto e = tag.options.find("embed"); e != tag.options.end()) p += e->second;
        requirements::Span here = span ? *span : requirements::Span{ts_node_start_byte(f.type), ts_node_end_byte(f.type)};
        auto it = structs_.find(std::string(f.type_text));
        if (it != structs_.end()) {
          columns_of(decl_.structs[it->second].second, p, span, out, seen, depth + 1, with_facts);
        } else if (with_facts) {
          if (auto facts = go::model_fact(in_.facts, "bun", dir_, decl_.imports, std::string(f.type_text)))
            for (const std::string& v : *facts)
              if (v.starts_with("col=")) add({p + v.substr(4), std::string(f.type_text), here}, out, seen);
        }
        continue;
      }
      for (TSNode n : f.names) {
        std::string_view fname = node_text(n, src_);
        if (fname.empty() || !std::isupper(static_cast<unsigned char>(fname[0]))) continue;  // unexported
        Column c;
        c.field = std::string(fname);
        if (!tag.name.empty()) {
          if (!go::plain_name(tag.name)) continue;  // a quoted or mixed-case name: left out
          c.name = prefix + tag.name;
          c.span = span ? *span : requirements::Span{tag.name_at, static_cast<uint32_t>(tag.name_at + tag.name.size())};
        } else {
          if (!go::column_type(f.type_text, decl_.scalars)) continue;
          c.name = prefix + underscore(fname);
          c.span = span ? *span : requirements::Span{ts_node_start_byte(n), ts_node_end_byte(n)};
        }
        add(std::move(c), out, seen);
      }
    }
  }

  static void add(Column c, std::vector<Column>* out, std::set<std::string>* seen) {
    if (seen->insert(c.name).second) out->push_back(std::move(c));
  }

  bool created(const std::string& key) const {
    if (!in_.facts) return false;
    auto it = in_.facts->find("bun:creates");
    return it != in_.facts->end() && std::find(it->second.begin(), it->second.end(), key) != it->second.end();
  }

  /// The facts key of a model type seen from this file ("dir/T").
  std::optional<std::string> model_key(const std::string& type) const {
    if (type.empty()) return std::nullopt;
    if (type.find('.') == std::string::npos) return dir_.empty() ? type : dir_ + "/" + type;
    return std::nullopt;  // another package's: found through its facts only
  }

  /// The model's table (at `table_span`, named as `how` says) and each of its columns.
  void emit_model(const std::string& name, const std::string& table, requirements::Span table_span,
                  const std::string& how, const std::vector<Column>& cols, FileOutput* out) {
    go::UnitWriter w(in_, out, "bun model " + name + " table:" + table);
    std::string rel = w.split(table).second;
    w.relation(table, table_span, "bun model " + name + " is stored in table " + rel + " (" + how + ")");
    for (const Column& c : cols)
      w.column(table, c.name, c.span, requirements::Use::Read,
               "bun model " + name + " field " + c.field + " maps to column " + rel + "." + c.name +
                   "; bun selects, inserts and updates every mapped field");
  }

  /// The table of model type `type` ("T" of this file or package, "pkg.T" of another), or
  /// nullopt with *why.
  std::optional<std::string> model_table(const std::string& type, std::string* why) {
    if (type.empty()) {
      *why = "the type of its model is not known here";
      return std::nullopt;
    }
    if (auto it = structs_.find(type); it != structs_.end()) {
      TSNode st = decl_.structs[it->second].second;
      std::optional<std::string> table;
      bool base = base_model(st, &table);
      if (created(dir_.empty() ? type : dir_ + "/" + type)) {
        *why = "the project creates its model's table at run time (NewCreateTable().Model(...))";
        return std::nullopt;
      }
      if (base) {
        if (!table) *why = "its model " + type + " has no table: in its bun.BaseModel tag";
        return table;
      }
      if (inherits(st)) {
        *why = "its model " + type + " embeds another model with inherit or extend";
        return std::nullopt;
      }
      return derived_table(type, why);
    }
    if (type == "any" || type.starts_with("interface")) {
      *why = "its model is of type " + type + ": what it holds is known at run time only";
      return std::nullopt;
    }
    auto facts = go::model_fact(in_.facts, "bun", dir_, decl_.imports, type);
    if (!facts) {
      *why = "its model " + type + " is not a struct schemagate read";
      return std::nullopt;
    }
    for (const std::string& v : *facts)
      if (v.starts_with("table=")) return v.substr(6);
    if (std::find(facts->begin(), facts->end(), "plain") == facts->end()) {
      *why = "its model " + type + " has no table: in its bun.BaseModel tag";
      return std::nullopt;
    }
    if (std::find(facts->begin(), facts->end(), "inherits") != facts->end()) {
      *why = "its model " + type + " embeds another model with inherit or extend";
      return std::nullopt;
    }
    return derived_table(type.substr(type.find('.') + 1), why);
  }

  void chain(TSNode top, FileOutput* out) {
    std::vector<go::Link> all = go::chain(top, src_);
    size_t start = all.size();
    std::string verb;
    for (size_t i = 0; i < all.size(); ++i)
      if (all[i].name == "NewSelect" || all[i].name == "NewInsert" || all[i].name == "NewUpdate" ||
          all[i].name == "NewDelete") {
        start = i;
        verb = std::string(all[i].name);
      }
    if (start == all.size()) return;
    // A query chain whose names are not read is listed, with the reason, never dropped unseen.
    auto unchecked = [&](const std::string& reason) {
      out->unchecked.push_back({ts_node_start_byte(top), "bun " + verb + "()", reason});
    };
    std::vector<go::Link> links(all.begin() + static_cast<long>(start) + 1, all.end());
    std::optional<std::string> table;
    std::string via;
    requirements::Span table_span{};
    bool explicit_table = false;
    std::string alias;  // what the query's text may qualify the table's columns with ("alias.col")
    static const std::set<std::string_view> kOpaque = {
        "Join", "JoinOn", "JoinOnOr", "Relation", "TableExpr", "ModelTableExpr", "With", "WithRecursive", "Union",
        "UnionAll", "Intersect", "Except", "WhereGroup", "ColumnExpr", "On", "Apply"};
    for (const go::Link& l : links) {
      // NewInsert().On("CONFLICT (...) DO UPDATE").Set("c = EXCLUDED.c"): the upsert's own table.
      if (l.name == "On" && verb == "NewInsert") continue;
      // TableExpr("? AS ?", bun.Ident("t"), bun.Ident("a")) or TableExpr("?", bun.Ident("t")): the
      // table, under its alias.
      if (l.name == "TableExpr") {
        if (auto t = table_expr(l, &table_span, &alias)) {
          if (table) return unchecked("a query with both Model(...) and Table(...), or two Table(...)");
          table = *t;
          explicit_table = true;
          via = verb + "().TableExpr(" + *table + (alias == *table ? "" : " AS " + alias) + ")";
          continue;
        }
      }
      if (kOpaque.count(l.name)) {
        bool expression = l.name == "ColumnExpr" || l.name == "WhereGroup" || l.name == "On";
        return unchecked("a query with " + std::string(l.name) +
                         (expression ? "(...): an expression the scan does not read, so the names it holds are not checked"
                                     : "(...): the tables it joins or derives are not read, so the names it holds are not checked"));
      }
      if (l.name == "Table") {
        std::string_view t;
        uint32_t at;
        if (table) return unchecked("a query with both Model(...) and Table(...), or two Table(...)");
        if (l.args.size() != 1 || !go::literal(l.args[0], src_, &t, &at) || !go::plain_name(t))
          return unchecked("a query whose Table(...) is not one literal table name");
        table = std::string(t);
        alias = *table;
        table_span = {at, static_cast<uint32_t>(at + t.size())};
        explicit_table = true;
        via = verb + "().Table(\"" + *table + "\")";
      } else if (l.name == "Model" && !l.args.empty()) {
        std::string type = go::value_type(l.args[0], src_);
        std::string why;
        auto t = model_table(type, &why);
        if (!t) return unchecked("a query whose table is not known: " + why);
        if (table) return unchecked("a query with both Model(...) and Table(...), or two Model(...)");
        table = *t;
        via = verb + "().Model(" + type + ")";
      }
    }
    if (!table) return unchecked("a query with neither Model(...) of a known model nor Table(\"...\")");
    go::UnitWriter w(in_, out, std::string(node_text(top, src_)));
    std::string rel = w.split(*table).second;
    if (explicit_table) w.relation(*table, table_span, "bun " + via + " queries table " + rel);
    for (const go::Link& l : links) {
      std::vector<std::pair<std::string, uint32_t>> cols;
      std::string shown;
      for (size_t i = 0; i < l.args.size(); ++i) {
        std::string_view text;
        uint32_t at;
        if (!go::literal(l.args[i], src_, &text, &at)) break;
        const std::string own = unqualified(text, alias);  // the same offsets, "alias." blanked
        if (l.name == "Column" || l.name == "ExcludeColumn") go::list_columns(own, at, false, &cols);
        else if (i > 0) break;
        else if (l.name == "Where" || l.name == "WhereOr" || l.name == "Set" || l.name == "Having") {
          go::where_columns(own, at, &cols);
          ident_column(l, text, alias, &cols);
        }
        else if (l.name == "Order" || l.name == "Group")
          go::list_columns(own, at, l.name == "Order", &cols);
        else if (l.name == "Returning" && text == "?" && l.args.size() == 2) {
          std::string_view name;  // Returning("?", bun.Ident("c"))
          uint32_t name_at;
          if (ident(l.args[1], &name, &name_at) && go::plain_name(name)) cols.push_back({std::string(name), name_at});
        } else if (l.name == "Returning" && text != "null") {  // Returning("id, created_at")
          go::list_columns(own, at, false, &cols);
        } else {
          break;
        }
        shown += (shown.empty() ? "\"" : ", \"") + std::string(text) + "\"";
      }
      for (auto& [col, offset] : cols) {
        // The table's name or alias alone is no column: PostgreSQL reads it as the whole row.
        if (col == alias || col == *table) continue;
        w.column(*table, col, {offset, static_cast<uint32_t>(offset + col.size())}, requirements::Use::Read,
                 "bun " + via + "." + std::string(l.name) + "(" + shown + ") names column " + rel + "." + col);
      }
    }
  }

  /// The name a bun.Ident("name") call holds, and its offset.
  bool ident(TSNode arg, std::string_view* name, uint32_t* at) const {
    if (!languages::node_is(arg, "call_expression") || node_text(languages::field(arg, "function"), src_) != "bun.Ident")
      return false;
    std::vector<TSNode> inner = go::arguments(arg);
    return inner.size() == 1 && go::literal(inner[0], src_, name, at);
  }

  /// TableExpr("? AS ?", bun.Ident("t"), bun.Ident("a")), or TableExpr("?", bun.Ident("t")) (its
  /// alias the table's name): the table, its span and *alias; nullopt for any other expression.
  std::optional<std::string> table_expr(const go::Link& l, requirements::Span* span, std::string* alias) const {
    std::string_view text, t, a;
    uint32_t at, t_at, a_at;
    if (l.args.empty() || !go::literal(l.args[0], src_, &text, &at)) return std::nullopt;
    if (text == "?" && l.args.size() == 2 && ident(l.args[1], &t, &t_at) && go::plain_name(t)) {
      *alias = std::string(t);
    } else if ((text == "? AS ?" || text == "? as ?") && l.args.size() == 3 && ident(l.args[1], &t, &t_at) &&
               go::plain_name(t) && ident(l.args[2], &a, &a_at) && go::plain_name(a)) {
      *alias = std::string(a);
    } else {
      return std::nullopt;
    }
    *span = {t_at, static_cast<uint32_t>(t_at + t.size())};
    return std::string(t);
  }

  /// `text` with each "alias." that qualifies a name blanked (spaces, so offsets stay): the
  /// chain's table's columns, as its unqualified names are. Another qualifier stays, and its name
  /// is then not read.
  static std::string unqualified(std::string_view text, const std::string& alias) {
    std::string out(text);
    if (alias.empty()) return out;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '"'; };
    const std::string prefix = alias + ".";
    for (size_t at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at + 1))
      if (at == 0 || !word(out[at - 1])) std::fill(out.begin() + static_cast<long>(at), out.begin() + static_cast<long>(at + prefix.size()), ' ');
    return out;
  }

  /// Where("? = ?", bun.Ident("col"), v): a condition whose first operand is an identifier
  /// argument names that column (unqualified, or qualified with the table's alias: the chain's
  /// one table).
  void ident_column(const go::Link& l, std::string_view text, const std::string& alias,
                    std::vector<std::pair<std::string, uint32_t>>* cols) const {
    std::string_view name;
    uint32_t at;
    if (!text.starts_with("? ") || l.args.size() < 2 || !ident(l.args[1], &name, &at)) return;
    if (!alias.empty() && name.size() > alias.size() + 1 && name.starts_with(alias) && name[alias.size()] == '.') {
      name.remove_prefix(alias.size() + 1);
      at += static_cast<uint32_t>(alias.size() + 1);
    }
    if (go::plain_name(name)) cols->push_back({std::string(name), at});
  }

  const FileInput& in_;
  std::string_view src_;
  go::Declarations decl_;
  std::map<std::string, size_t> structs_;
  std::map<std::string, requirements::Span> table_at_;
  std::string dir_;
};

/// A file that imports bun, or runs its queries through a handle another package wraps
/// (`db.DB.NewInsert()`).
bool relevant(std::string_view text) {
  if (text.find("github.com/uptrace/bun") != std::string_view::npos) return true;
  for (std::string_view call : {".NewSelect()", ".NewInsert()", ".NewUpdate()", ".NewDelete()"})
    if (text.find(call) != std::string_view::npos) return true;
  return false;
}

/// Besides, with a model without bun.BaseModel that a query chain uses (bun:used), a file of
/// bun-tagged structs, which need not import bun: its models are checked where they are declared.
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  if (relevant(text)) return true;
  return facts && facts->count("bun:used") && text.find("bun:\"") != std::string_view::npos;
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).index(out);
}

/// The bodies `extract` reads: those holding a query chain (Reader::chain). Models are top-level.
bool reads_body(std::string_view code) {
  return languages::go_calls_any(code, {"NewSelect", "NewInsert", "NewUpdate", "NewDelete"});
}

/// Models embed structs of packages that never import bun (a base model with created_at): those
/// are read too.
bool index_reads(std::string_view path, std::string_view text) {
  return path.ends_with(".go") &&
         (text.find("bun:\"") != std::string_view::npos || text.find("github.com/uptrace/bun") != std::string_view::npos);
}

}  // namespace

extern const DataLayer kBun{.name = "bun",
                            .languages = {"go"},
                            .relevant = relevant,
                            .extract = extract,
                            .index = index,
                            .index_reads = index_reads,
                            .relevant_in = relevant_in,
                            .reads_body = reads_body,
                            .relevant_words = {"github.com/uptrace/bun", ".NewSelect()", ".NewInsert()", ".NewUpdate()", ".NewDelete()"},
                            .relevant_in_words = {"github.com/uptrace/bun", ".NewSelect()", ".NewInsert()", ".NewUpdate()",
                                                  ".NewDelete()", "bun:\""},
                            .index_words = {"bun:\"", "github.com/uptrace/bun"}};

}  // namespace schemagate::datalayers
