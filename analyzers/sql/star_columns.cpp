// Stars by statement level: each SELECT (and INSERT / UPDATE / DELETE with RETURNING) collects the
// base relations of its own FROM (through joins), then matches its target list's stars against
// them by alias or name. Nested queries are visited as statements of their own.
#include "analyzers/sql/star_columns.h"

#include <set>

#include "analyzers/sql/pg_parse.h"

namespace schemagate::sql {
namespace {

using nlohmann::json;

const json kNull;

const json& field(const json& body, const char* name) {
  if (!body.is_object()) return kNull;
  auto it = body.find(name);
  return it == body.end() ? kNull : *it;
}

std::string str_value(const json& node) {
  if (node.is_object() && node.contains("String")) return node["String"].value("sval", "");
  return {};
}

struct Entry {
  std::string name;  ///< alias, or the relation's name
  const schema::Relation* rel = nullptr;
};

class StarWalker {
 public:
  StarWalker(const schema::Schema& schema, const std::vector<std::string>& path) : schema_(schema), path_(path) {}

  void visit(const json& node) {
    if (node.is_array()) {
      for (auto& v : node) visit(v);
      return;
    }
    if (!node.is_object()) return;
    for (auto& [key, value] : node.items()) {
      if (key == "SelectStmt" || key == "InsertStmt" || key == "UpdateStmt" || key == "DeleteStmt") level(key, value);
      visit(value);
    }
  }

  std::vector<StarColumn> out;

 private:
  void collect_ctes(const json& with) {
    const json& w = with.is_object() && with.contains("WithClause") ? with["WithClause"] : with;
    for (auto& c : field(w, "ctes")) ctes_.insert(field(c, "CommonTableExpr").value("ctename", ""));
  }

  void from_item(const json& item, std::vector<Entry>* entries) {
    if (!item.is_object() || item.empty()) return;
    const std::string& t = node_type(item);
    const json& b = node_body(item);
    if (t == "RangeVar") entries->push_back(range_var(b));
    else if (t == "JoinExpr") {
      from_item(field(b, "larg"), entries);
      from_item(field(b, "rarg"), entries);
    } else {
      entries->push_back({});  // a subquery or function: its columns are not a relation's
    }
  }

  Entry range_var(const json& b) {
    Entry e;
    std::string s = b.value("schemaname", ""), n = b.value("relname", "");
    e.name = field(field(b, "alias"), "aliasname").is_string() ? field(b, "alias")["aliasname"].get<std::string>() : n;
    if (s.empty() && ctes_.count(n)) return e;
    const schema::Relation* r = s.empty() ? schema_.find_in_path(n, path_) : schema_.find(s, n);
    if (r && r->columns_complete) e.rel = r;
    return e;
  }

  void level(const std::string& type, const json& b) {
    collect_ctes(field(b, "withClause"));
    std::vector<Entry> entries;
    if (type == "SelectStmt") {
      for (auto& f : field(b, "fromClause")) from_item(f, &entries);
      stars(field(b, "targetList"), entries);
      return;
    }
    entries.push_back(range_var(field(b, "relation")));
    for (auto& f : field(b, type == "DeleteStmt" ? "usingClause" : "fromClause")) from_item(f, &entries);
    stars(field(b, "returningList"), entries);
  }

  void stars(const json& list, const std::vector<Entry>& entries) {
    for (auto& t : list) {
      const json& val = field(field(t, "ResTarget"), "val");
      const json& cr = field(val, "ColumnRef");
      const json& fields = field(cr, "fields");
      if (!fields.is_array() || fields.empty() || !fields.back().contains("A_Star")) continue;
      size_t at = static_cast<size_t>(std::max(0, cr.value("location", 0)));
      std::string qualifier = fields.size() >= 2 ? str_value(fields[fields.size() - 2]) : "";
      for (auto& e : entries) {
        if (!qualifier.empty() && e.name != qualifier) continue;
        if (!e.rel) {
          if (!qualifier.empty()) break;
          continue;
        }
        for (auto& c : e.rel->columns) out.push_back({at, e.rel->schema, e.rel->name, c.name});
        if (!qualifier.empty()) break;
      }
    }
  }

  const schema::Schema& schema_;
  const std::vector<std::string>& path_;
  std::set<std::string> ctes_;
};

}  // namespace

std::vector<StarColumn> star_columns(const json& stmt, const schema::Schema& schema,
                                     const std::vector<std::string>& search_path) {
  StarWalker w(schema, search_path);
  w.visit(stmt);
  return std::move(w.out);
}

}  // namespace schemagate::sql
