// gobuffalo/pop models (Go) as requirements (and ory/pop, its fork used by Ory's services). pop reads and writes every `db:"col"` field of a
// model (`SELECT identities.id, identities.provider_id, ... FROM identities AS identities`), so
// a tagged field whose column no migration adds fails every query of the model.
//
// A struct is a model when a TableName() method returns a literal (directly or through one
// local variable): without one, pop names the table with its own pluralization, and the struct
// may just as well be a scan target of hand-written SQL (sqlx uses the same tags). Columns are
// the `db:"..."` tags' names; `db:"-"`, untagged fields and associations (has_many, belongs_to,
// has_one, many_to_many) are left out. `rw:"r"` fields are read, not written, but still selected.
//
// Chains name columns: tx.Q().Where("c = ?", v).Order("d desc").First(&m) and the like take
// their table from the model argument of the call that runs them (First, All, Find, Count,
// Exists, Last, Paginate ...), its type read from the argument (&Model{}, a variable the
// function declares); Select("a, b") and UpdateColumns(&m, "a", "b") name columns too. A chain
// with a join, RawQuery or a scope is left out. UpdateColumns(&m, "a") and UpdateOnly(&m, "a")
// write the columns they name.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::node_text;

using Column = go::ModelColumn;

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text), decl_(go::declarations(in.root, in.text)) {
    for (auto& t : decl_.table_names) tables_[t.type] = t;
    dir_ = go::folder(in.path);
  }

  /// Facts: each model of this file, its table and columns, for chains in other files.
  void index(std::vector<std::pair<std::string, std::string>>* out) {
    if (imports_pop()) out->push_back({"pop:package", dir_});
    for (auto& [name, type] : decl_.structs) {
      auto t = tables_.find(name);
      if (t == tables_.end()) continue;
      std::string key = "pop:model:" + (dir_.empty() ? name : dir_ + "/" + name);
      out->push_back({key, "table=" + t->second.table});
    }
  }

  /// Whether pop runs this file's models and chains: the file imports pop, or its package does
  /// in another file (models of a package that wraps the connection), or, for a file calling
  /// .Q() or .UpdateOnly(), some package of the project does.
  bool uses_pop() const {
    if (imports_pop()) return true;
    if (!in_.facts) return false;
    auto it = in_.facts->find("pop:package");
    if (it == in_.facts->end()) return false;
    return std::find(it->second.begin(), it->second.end(), dir_) != it->second.end() ||
           src_.find(".Q().") != std::string_view::npos || src_.find(".UpdateOnly(") != std::string_view::npos;
  }

  bool imports_pop() const {
    for (auto& [name, path] : decl_.imports)
      if (path.starts_with("github.com/gobuffalo/pop") || path.starts_with("github.com/ory/pop")) return true;
    return false;
  }

  void run(FileOutput* out) {
    if (!uses_pop()) return;
    std::set<std::string> aliases = select_aliases();
    for (size_t i = 0; i < decl_.structs.size(); ++i) {
      auto& [name, type] = decl_.structs[i];
      auto t = tables_.find(name);
      if (t == tables_.end()) continue;
      std::vector<Column> cols = columns_of(type);
      std::erase_if(cols, [&](const Column& c) { return aliases.count(c.name) > 0; });
      if (cols.empty()) continue;
      emit_model(name, t->second, cols, out);
    }
    for (TSNode top : go::chain_tops(in_.root)) chain(top, out);
  }

 private:
  /// The output names this file's Select("expr AS name", "expr name") calls give: a model field
  /// tagged with one is filled from that expression (a joined table's column, a COALESCE), not
  /// read from the model's table.
  std::set<std::string> select_aliases() const {
    std::set<std::string> out;
    if (src_.find(".Select(") == std::string_view::npos) return out;
    for (TSNode top : go::chain_tops(in_.root))
      for (const go::Link& l : go::chain(top, src_)) {
        if (l.name != "Select") continue;
        for (TSNode arg : l.args) {
          std::string_view text;
          uint32_t at;
          if (!go::literal(arg, src_, &text, &at)) continue;
          for (size_t b = 0; b <= text.size();) {
            size_t e = std::min(text.find(',', b), text.size());
            std::string_view item = text.substr(b, e - b);
            while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
            size_t sp = item.find_last_of(" \t\n)");
            if (sp != std::string_view::npos && sp + 1 < item.size() && go::plain_name(item.substr(sp + 1)))
              out.insert(std::string(item.substr(sp + 1)));
            b = e + 1;
          }
        }
      }
    return out;
  }

  std::vector<Column> columns_of(TSNode st) const {
    std::vector<Column> out;
    std::set<std::string> seen;
    for (const go::Field& f : go::fields(st, src_)) {
      auto db = go::tag_value(f.tag, "db", src_);
      if (!db || f.names.size() != 1) continue;
      bool association = false;
      for (const char* k : {"has_many", "belongs_to", "has_one", "many_to_many"})
        association = association || go::tag_value(f.tag, k, src_).has_value();
      if (association) continue;
      std::string_view name = db->value.substr(0, db->value.find(','));
      if (name == "-" || !go::plain_name(name)) continue;
      std::string_view fname = node_text(f.names[0], src_);
      if (fname.empty() || !std::isupper(static_cast<unsigned char>(fname[0]))) continue;
      if (!seen.insert(std::string(name)).second) continue;
      out.push_back({std::string(name), std::string(fname), {db->at, static_cast<uint32_t>(db->at + name.size())}});
    }
    return out;
  }

  void emit_model(const std::string& name, const go::TableNameMethod& t, const std::vector<Column>& cols,
                  FileOutput* out) {
    go::UnitWriter w(in_, out, "pop model " + name + " TableName(" + t.table + ")");
    std::string rel = w.split(t.table).second;
    w.relation(t.table, t.span, "pop model " + name + " is stored in table " + rel + " (its TableName method)");
    for (const Column& c : cols)
      w.column(t.table, c.name, c.span, requirements::Use::Read,
               "pop model " + name + " field " + c.field + " maps to column " + rel + "." + c.name +
                   "; pop selects every db-tagged field");
  }

  std::optional<std::string> model_table(const std::string& type) const {
    if (type.empty()) return std::nullopt;
    if (auto it = tables_.find(type); it != tables_.end()) return it->second.table;
    auto facts = go::model_fact(in_.facts, "pop", dir_, decl_.imports, type);
    if (!facts) return std::nullopt;
    std::optional<std::string> table;
    for (const std::string& v : *facts)
      if (v.starts_with("table=")) {
        if (table && *table != v.substr(6)) return std::nullopt;  // two declarations disagree
        table = v.substr(6);
      }
    return table;
  }

  /// tx.UpdateColumns(&m, "a", "b") / tx.UpdateOnly(m, "a"): the columns written.
  void update_columns(const go::Link& l, TSNode top, FileOutput* out) {
    if (l.args.size() < 2) return;
    std::string type = go::value_type(l.args[0], src_);
    auto table = model_table(type);
    if (!table) return;
    go::UnitWriter w(in_, out, std::string(node_text(top, src_)));
    std::string rel = w.split(*table).second;
    for (size_t i = 1; i < l.args.size(); ++i) {
      std::string_view text;
      uint32_t at;
      if (!go::literal(l.args[i], src_, &text, &at) || !go::plain_name(text)) continue;
      w.column(*table, std::string(text), {at, static_cast<uint32_t>(at + text.size())}, requirements::Use::Write,
               "pop " + std::string(l.name) + "(" + type + ", \"" + std::string(text) + "\") writes column " + rel + "." +
                   std::string(text));
    }
  }

  void chain(TSNode top, FileOutput* out) {
    std::vector<go::Link> links = go::chain(top, src_);
    if (!links.empty() && (links.back().name == "UpdateColumns" || links.back().name == "UpdateOnly")) {
      update_columns(links.back(), top, out);
      return;
    }
    if (links.size() < 2) return;
    // Eager loads associations with queries of their own: the chain's query is still the model's.
    static const std::set<std::string_view> kOpaque = {"Join", "LeftJoin", "RightJoin", "InnerJoin", "LeftOuterJoin",
                                                       "RightOuterJoin", "RawQuery", "Scope", "TableName"};
    // The call that runs the query, with the model its first argument stands for.
    static const std::set<std::string_view> kRun = {"First", "Last", "All", "Find", "Count", "Exists", "Paginate",
                                                    "Destroy"};
    bool query = false;
    std::optional<std::string> table;
    std::string type, run;
    for (const go::Link& l : links) {
      if (kOpaque.count(l.name)) return;
      if (l.name == "Q" || l.name == "Where" || l.name == "Order" || l.name == "Select" || l.name == "GroupBy")
        query = true;
      if (kRun.count(l.name) && !l.args.empty()) {
        if (table) return;  // two runs in one chain
        type = go::value_type(l.args[0], src_);
        table = model_table(type);
        if (!table) return;
        run = std::string(l.name);
      }
    }
    if (!query || !table) return;
    go::UnitWriter w(in_, out, std::string(node_text(top, src_)));
    std::string rel = w.split(*table).second;
    static const std::set<std::string_view> kWhere = {"Where", "Having"};
    static const std::set<std::string_view> kLists = {"Order", "Select", "GroupBy"};
    for (const go::Link& l : links) {
      std::string_view text;
      std::vector<std::pair<std::string, uint32_t>> cols;
      if (!go::link_columns(l, src_, kWhere, kLists, &text, &cols)) continue;
      for (auto& [col, offset] : cols)
        w.column(*table, col, {offset, static_cast<uint32_t>(offset + col.size())}, requirements::Use::Read,
                 "pop " + std::string(l.name) + "(\"" + std::string(text) + "\") on " + run + "(" + type +
                     ") names column " + rel + "." + col);
    }
  }

  const FileInput& in_;
  std::string_view src_;
  go::Declarations decl_;
  std::map<std::string, go::TableNameMethod> tables_;
  std::string dir_;
};

/// A file importing pop, or one that may use it through a wrapped connection (a model's
/// TableName, a query, an update of named columns); uses_pop() decides.
bool relevant(std::string_view text) {
  for (std::string_view marker : {"github.com/gobuffalo/pop", "github.com/ory/pop", "TableName()", ".Q().", ".UpdateOnly(", ".UpdateColumns("})
    if (text.find(marker) != std::string_view::npos) return true;
  return false;
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).index(out);
}

}  // namespace

extern const DataLayer kPop{.name = "pop",
                            .languages = {"go"},
                            .relevant = relevant,
                            .extract = extract,
                            .index = index,
                            .relevant_words = {"github.com/gobuffalo/pop", "github.com/ory/pop", "TableName()", ".Q().", ".UpdateOnly(", ".UpdateColumns("}};

}  // namespace schemagate::datalayers
