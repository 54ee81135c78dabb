// xorm (xorm.io/xorm) query chains as requirements. Most xorm code names its columns outside
// SQL: `s.Where("project_id = ?", id).And(builder.Eq{"done": false}).OrderBy("position").Find(&tasks)`
// asks PostgreSQL for tasks.project_id, tasks.done and tasks.position, and a column no schema
// has fails there, at run time.
//
// A chain's table is its Table("t") literal (or Table(&T{})), else the model its last call is
// handed (Find, Get, Count, Exist, Delete, Update, Insert, Iterate, Sum...): the struct's
// TableName() literal, else the engine mapper's name of it (datalayers/xorm_naming.h), certain
// only when the project sets no mapper but GonicMapper or SnakeMapper and the type is a struct
// with `xorm:"..."` tags. Its columns are the plain names in Where/And/Or conditions (strings
// and xorm.io/builder's Eq, Neq, Gt, Gte, Lt, Lte, Like, In, NotIn, IsNull, NotNull, And, Or,
// Not), In/NotIn's column, Cols, MustCols, Omit, Distinct, GroupBy, Asc, Desc, OrderBy, Incr,
// Decr and SetExpr; s.Insert(&T{}) on a session parameter writes every column the model maps
// (inserted_fields). A chain with Join, SQL, Alias, Exec or a raw query is left out (a column may
// belong to another table), and so are qualified names ("t.c") and a builder.Select nested in a
// condition (a subquery of another table).
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/datalayers/xorm_naming.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

/// Links that make the chain's columns belong to more than one table, or to SQL of its own.
bool leaves_table(std::string_view name) {
  for (std::string_view s : {"Join", "SQL", "Sql", "Alias", "Exec", "Query", "QueryString", "QueryInterface",
                             "Union", "Prepare", "Import", "ImportFile"})
    if (name == s) return true;
  return false;
}

/// The last links whose first argument is the bean whose table the chain queries.
bool bean_link(std::string_view name) {
  for (std::string_view s : {"Find", "Get", "Count", "Exist", "Delete", "Update", "Insert", "InsertOne", "Iterate",
                             "Sum", "Sums", "SumInt", "SumsInt", "FindAndCount", "Rows"})
    if (name == s) return true;
  return false;
}

/// A file that imports xorm or its builder.
bool relevant_text(std::string_view text) {
  return text.find("xorm.io/xorm") != std::string_view::npos || text.find("go-xorm/xorm") != std::string_view::npos ||
         text.find("xorm.io/builder") != std::string_view::npos;
}

/// The types of an xorm handle a project passes around.
bool handle_type(std::string_view type) {
  return type == "*xorm.Session" || type == "*xorm.Engine" || type == "xorm.Interface" || type == "xorm.EngineInterface";
}

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text), dir_(go::folder(in.path)) {
    if (!ts_node_is_null(in.root)) imports_ = go::declarations(in.root, in.text).imports;
  }

  /// Facts: the mapper this file sets (xorm:mapper), each struct with xorm tags
  /// (xorm:model:<dir>/<T> "struct") and each TableName method ("table=t", or "table?").
  void index(std::vector<std::pair<std::string, std::string>>* out) {
    if (imports_xorm_) out->push_back({"xorm:imported", ""});
    for (std::string& m : xorm::mapper_settings(src_)) out->push_back({"xorm:mapper", m});
    if (ts_node_is_null(in_.root)) return;
    go::Declarations d = go::declarations(in_.root, src_);
    bool imports_xorm = relevant_text(src_);
    for (auto& [name, type] : d.structs) {
      bool tagged = false;
      for (const go::Field& f : go::fields(type, src_)) {
        if (!ts_node_is_null(f.tag) && node_text(f.tag, src_).find("xorm:\"") != std::string_view::npos) tagged = true;
        if (imports_xorm && handle_type(node_text(f.type, src_)))  // `DB *xorm.Engine`: r.data.DB is xorm's
          for (TSNode n : f.names) out->push_back({"xorm:handle-field", std::string(node_text(n, src_))});
      }
      if (tagged) out->push_back({"xorm:model:" + key(name), "struct"});
      if (tagged)
        if (std::optional<std::string> f = inserted_fields(type)) out->push_back({"xorm:model:" + key(name), "insert=" + *f});
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(in_.root); ++i) {
      TSNode m = ts_node_named_child(in_.root, i);
      // `func NewSession() *xorm.Session`: db.NewSession() is xorm's.
      if (imports_xorm && (node_is(m, "function_declaration") || node_is(m, "method_declaration")) &&
          handle_type(node_text(field(m, "result"), src_)))
        out->push_back({"xorm:handle-func", std::string(node_text(field(m, "name"), src_))});
      if (!node_is(m, "method_declaration") || node_text(field(m, "name"), src_) != "TableName") continue;
      if (auto t = go::table_name_method(m, src_)) out->push_back({"xorm:model:" + key(t->type), "table=" + t->table});
      else out->push_back({"xorm:model:" + key(receiver_type(m)), "table?"});
    }
  }

  void run(FileOutput* out) {
    xorm::Mappers mappers = project_mappers();
    table_mapper_ = mappers.table, mapper_ = mappers.column;
    for (TSNode top : go::chain_tops(in_.root)) chain(top, out);
  }

 private:
  std::string key(const std::string& type) const { return dir_.empty() ? type : dir_ + "/" + type; }

  /// The fields an Insert of the struct writes, as "GoName:tagname,..." (tagname empty when the
  /// mapper names the column): every exported field not tagged `-`, `->` (read from the database
  /// only), `deleted` or `autoincr` (left to the database). nullopt when a field makes the list
  /// uncertain: an embedded or `extends` struct (its fields are elsewhere), a tag this reader
  /// does not follow.
  std::optional<std::string> inserted_fields(TSNode type) const {
    std::string out;
    for (const go::Field& f : go::fields(type, src_)) {
      xorm::Tag tag;
      bool read_only = false, deleted = false;
      if (auto v = go::tag_value(f.tag, "xorm", src_)) {
        tag = xorm::parse_tag(v->value);
        std::string words = " " + std::string(v->value) + " ";
        for (char& c : words) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        read_only = words.find(" -> ") != std::string::npos;
        deleted = words.find(" deleted ") != std::string::npos;
      } else if (!ts_node_is_null(f.tag) && node_text(f.tag, src_).find("xorm:") != std::string_view::npos) {
        return std::nullopt;
      }
      if (tag.ignored) continue;
      if (f.names.empty() || tag.extends) return std::nullopt;
      if (read_only || deleted || tag.autoincr) continue;
      for (TSNode n : f.names) {
        std::string_view name = node_text(n, src_);
        if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0]))) continue;
        if (!tag.name.empty() && (f.names.size() != 1 || !go::plain_name(tag.name))) return std::nullopt;
        out += (out.empty() ? "" : ",") + std::string(name) + ":" + tag.name;
      }
    }
    if (out.empty()) return std::nullopt;
    return out;
  }

  /// The columns an Insert of `type` writes (see inserted_fields), named with the project's mapper.
  std::optional<std::vector<std::string>> inserted_columns(const std::string& type) const {
    const std::vector<std::string>* facts = go::model_fact(in_.facts, "xorm", dir_, imports_, type);
    if (!facts || !mapper_) return std::nullopt;
    for (const std::string& v : *facts) {
      if (!v.starts_with("insert=")) continue;
      std::vector<std::string> cols;
      std::string_view list = std::string_view(v).substr(7);
      for (size_t at = 0; at <= list.size();) {
        size_t comma = list.find(',', at);
        std::string_view item = list.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at);
        size_t colon = item.find(':');
        std::string_view tagged = item.substr(colon + 1);
        cols.push_back(tagged.empty() ? xorm::map_name(item.substr(0, colon), *mapper_) : std::string(tagged));
        if (comma == std::string_view::npos) break;
        at = comma + 1;
      }
      return cols;
    }
    return std::nullopt;
  }

  /// Whether `receiver` is a parameter of the function around it declared as an xorm session or
  /// engine (`s *xorm.Session`): a call on it is xorm's.
  bool xorm_handle(TSNode receiver) const {
    if (!node_is(receiver, "identifier")) return false;
    std::string_view name = node_text(receiver, src_);
    for (TSNode p = ts_node_parent(receiver); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (!node_is(p, "function_declaration") && !node_is(p, "method_declaration") && !node_is(p, "func_literal")) continue;
      TSNode params = field(p, "parameters");
      for (uint32_t i = 0; i < ts_node_named_child_count(params); ++i) {
        TSNode d = ts_node_named_child(params, i);
        std::string_view type = node_text(field(d, "type"), src_);
        for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j)
          if (node_is(ts_node_named_child(d, j), "identifier") && node_text(ts_node_named_child(d, j), src_) == name)
            return type == "*xorm.Session" || type == "*xorm.Engine" || type == "xorm.Interface" ||
                   type == "xorm.EngineInterface";
      }
    }
    return false;
  }

  std::string receiver_type(TSNode method) const { return go::receiver_type_name(method, src_); }

  /// The links a session variable was given before `top` in its function: its definition's
  /// chain (`q := s.engine.Where(...)`, *start: that chain's receiver) and every statement
  /// that calls on it (`q.Desc("rank")`, `q = q.And(...)`), in source order. False when the
  /// variable is bound otherwise, reassigned to something else, or handed to a call (which may
  /// join another table to it).
  bool built_session(TSNode receiver, TSNode top, std::vector<go::Link>* links, TSNode* start) const {
    std::string_view name = node_text(receiver, src_);
    TSNode fn = go::enclosing_function(top);
    if (ts_node_is_null(fn)) return false;
    uint32_t end = ts_node_start_byte(top);
    bool defined = false, bad = false;
    std::vector<TSNode> stack{field(fn, "body")};
    std::vector<std::pair<uint32_t, std::vector<go::Link>>> found;  // by position
    while (!stack.empty() && !bad) {
      TSNode n = stack.back();
      stack.pop_back();
      if (ts_node_is_null(n)) continue;
      uint32_t at = ts_node_start_byte(n);
      if (node_is(n, "short_var_declaration") || node_is(n, "assignment_statement")) {
        TSNode left = field(n, "left"), right = field(n, "right");
        uint32_t k = ts_node_named_child_count(left);
        for (uint32_t i = 0; i < k; ++i) {
          if (node_text(ts_node_named_child(left, i), src_) != name) continue;
          if (at > end) continue;
          TSNode value = k == ts_node_named_child_count(right) ? ts_node_named_child(right, i) : TSNode{};
          TSNode from{};
          std::vector<go::Link> l = node_is(value, "call_expression") ? go::chain(value, src_, &from) : std::vector<go::Link>{};
          if (l.empty()) {
            bad = true;
            break;
          }
          if (node_is(from, "identifier") && node_text(from, src_) == name) {
            found.push_back({at, std::move(l)});  // q = q.And(...)
          } else if (node_is(n, "short_var_declaration") && !defined) {
            defined = true;
            *start = from;
            found.push_back({at, std::move(l)});
          } else {
            bad = true;
          }
        }
        if (k > 0 && node_text(ts_node_named_child(left, 0), src_) == name) {
          // its value was read above: do not read it again as a statement
          continue;
        }
      } else if (node_is(n, "expression_statement") && at < end) {
        TSNode call = languages::first_named_child(n), from{};
        if (node_is(call, "call_expression")) {
          std::vector<go::Link> l = go::chain(call, src_, &from);
          if (!l.empty() && node_is(from, "identifier") && node_text(from, src_) == name) {
            found.push_back({at, std::move(l)});
            continue;
          }
        }
      } else if (node_is(n, "call_expression") && at < end) {
        // The session run before (`total, _ := q.Count(&T{})`): xorm resets its conditions
        // then, so what came before is another query's. Not followed.
        TSNode from{};
        std::vector<go::Link> l = go::chain(n, src_, &from);
        if (!l.empty() && bean_link(l.back().name) && node_is(from, "identifier") && node_text(from, src_) == name)
          bad = true;
      } else if (node_is(n, "argument_list") && at < end) {
        for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
          if (node_text(ts_node_named_child(n, i), src_) == name) bad = true;  // handed to a call
      } else if (node_is(n, "var_spec") || node_is(n, "parameter_declaration") || node_is(n, "range_clause")) {
        TSNode names = node_is(n, "range_clause") ? field(n, "left") : n;
        for (uint32_t i = 0; !ts_node_is_null(names) && i < ts_node_named_child_count(names); ++i)
          if (node_is(ts_node_named_child(names, i), "identifier") && node_text(ts_node_named_child(names, i), src_) == name)
            bad = true;
      }
      for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
    }
    if (bad || !defined) return false;
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [at, l] : found) links->insert(links->end(), l.begin(), l.end());
    return true;
  }

  /// `T{}.TableName()` or `new(T).TableName()` (also `&T{}`): T, else "".
  std::string table_name_call(TSNode arg) const {
    if (!node_is(arg, "call_expression") || !go::arguments(arg).empty()) return "";
    TSNode fn = field(arg, "function");
    if (!node_is(fn, "selector_expression") || node_text(field(fn, "field"), src_) != "TableName") return "";
    TSNode value = field(fn, "operand");
    while (node_is(value, "parenthesized_expression")) value = languages::first_named_child(value);
    if (!node_is(value, "composite_literal") && !node_is(value, "call_expression") && !node_is(value, "unary_expression"))
      return "";
    return go::value_type(value, src_);
  }

  bool fact(const char* key, std::string_view value) const {
    if (!in_.facts) return false;
    auto it = in_.facts->find(key);
    return it != in_.facts->end() && std::find(it->second.begin(), it->second.end(), value) != it->second.end();
  }

  /// In a file that does not import xorm, a chain is xorm's only when it starts at a handle the
  /// project's xorm files declare: a field of that type (`r.data.DB.Context(ctx).Where(...)`), a
  /// call of a function returning one (`db.NewSession().Where(...)`), or a variable the function
  /// around binds to such a call (`s := db.NewSession()`, then `s.Where(...)`).
  bool handle(const std::vector<go::Link>& links, TSNode receiver, int depth = 0) const {
    if (node_is(receiver, "selector_expression")) return fact("xorm:handle-field", node_text(field(receiver, "field"), src_));
    if (!node_is(receiver, "identifier") || depth > 4) return false;
    if (!links.empty() && fact("xorm:handle-func", links[0].name)) return true;  // db.NewSession()
    std::string_view name = node_text(receiver, src_);
    TSNode fn = go::enclosing_function(receiver);
    if (ts_node_is_null(fn)) return false;
    // Every binding of the name in the function must be such a call.
    bool bound = false, other = false;
    std::vector<TSNode> stack{fn};
    while (!stack.empty() && !other) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "short_var_declaration") || node_is(n, "assignment_statement")) {
        TSNode left = field(n, "left"), right = field(n, "right");
        uint32_t k = ts_node_named_child_count(left);
        for (uint32_t i = 0; i < k; ++i) {
          if (node_text(ts_node_named_child(left, i), src_) != name) continue;
          TSNode value = k == ts_node_named_child_count(right) ? ts_node_named_child(right, i) : TSNode{};
          TSNode f = node_is(value, "call_expression") ? field(value, "function") : TSNode{};
          std::string_view called = node_is(f, "identifier") ? node_text(f, src_) : std::string_view();
          // `db.NewSession()`, `s.engine.NewSession()`, `sess.Where(...)`: a chain from a handle.
          TSNode from{};
          std::vector<go::Link> inner = node_is(value, "call_expression") ? go::chain(value, src_, &from) : std::vector<go::Link>{};
          bool handle_call = fact("xorm:handle-func", called) ||
                             (!inner.empty() && !(node_is(from, "identifier") && node_text(from, src_) == name) &&
                              handle(inner, from, depth + 1));
          (handle_call ? bound : other) = true;
        }
      } else if (node_is(n, "var_spec") || node_is(n, "parameter_declaration") || node_is(n, "range_clause")) {
        TSNode names = node_is(n, "range_clause") ? field(n, "left") : n;  // declared otherwise
        for (uint32_t i = 0; !ts_node_is_null(names) && i < ts_node_named_child_count(names); ++i)
          if (node_is(ts_node_named_child(names, i), "identifier") && node_text(ts_node_named_child(names, i), src_) == name)
            other = true;
      }
      for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
    }
    return bound && !other;
  }

  /// The project's table and column mappers, from every file's settings (xorm:mapper facts).
  xorm::Mappers project_mappers() const {
    if (!in_.facts) return {xorm::Mapper::snake, xorm::Mapper::snake};
    auto it = in_.facts->find("xorm:mapper");
    return xorm::project_mappers(it == in_.facts->end() ? std::vector<std::string>{} : it->second);
  }

  /// The table of a model type ("T" or "pkg.T"): its TableName literal, else the mapper's name
  /// of a struct with xorm tags; nullopt when not certain.
  std::optional<std::string> table_of(const std::string& type) const {
    const std::vector<std::string>* facts = go::model_fact(in_.facts, "xorm", dir_, imports_, type);
    if (!facts) return std::nullopt;
    bool tagged = false;
    for (const std::string& v : *facts) {
      if (v == "table?") return std::nullopt;
      if (v.starts_with("table=")) return v.substr(6);
      if (v == "struct") tagged = true;
    }
    if (!tagged || !table_mapper_) return std::nullopt;
    return xorm::map_name(type.substr(type.find('.') == std::string::npos ? 0 : type.find('.') + 1), *table_mapper_);
  }

  /// A string literal argument that is a plain column name: (name, offset).
  bool plain(TSNode arg, std::pair<std::string, uint32_t>* out) const {
    std::string_view t;
    uint32_t at;
    if (!go::literal(arg, src_, &t, &at)) return false;
    // xorm's portable quoting: `name` is sent in the dialect's quotes ("name" on PostgreSQL).
    if (t.size() > 2 && t.front() == '`' && t.back() == '`') t = t.substr(1, t.size() - 2), ++at;
    if (!go::plain_name(t)) return false;
    *out = {std::string(t), at};
    return true;
  }

  /// The columns a xorm.io/builder condition names, not descending into subqueries.
  void condition(TSNode n, std::vector<std::pair<std::string, uint32_t>>* cols, int depth = 0) const {
    if (depth > 8) return;
    while (node_is(n, "unary_expression") || node_is(n, "parenthesized_expression")) n = languages::first_named_child(n);
    if (node_is(n, "composite_literal")) {
      std::string_view t = node_text(field(n, "type"), src_);
      static const std::set<std::string_view> kMaps = {"builder.Eq", "builder.Neq", "builder.Gt", "builder.Gte",
                                                       "builder.Lt", "builder.Lte", "builder.Like"};
      if (kMaps.count(t)) {
        TSNode body = field(n, "body");
        for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
          TSNode kv = ts_node_named_child(body, i);
          if (!node_is(kv, "keyed_element") || ts_node_named_child_count(kv) != 2) continue;
          TSNode k = ts_node_named_child(kv, 0);
          if (node_is(k, "literal_element")) k = languages::first_named_child(k);
          std::pair<std::string, uint32_t> c;
          if (plain(k, &c)) cols->push_back(c);
        }
      } else if (t == "builder.IsNull" || t == "builder.NotNull") {
        TSNode body = field(n, "body");
        for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
          TSNode e = ts_node_named_child(body, i);
          if (node_is(e, "literal_element")) e = languages::first_named_child(e);
          std::pair<std::string, uint32_t> c;
          if (plain(e, &c)) cols->push_back(c);
        }
      }
      return;
    }
    if (!node_is(n, "call_expression")) return;
    std::string_view f = node_text(field(n, "function"), src_);
    std::vector<TSNode> args = go::arguments(n);
    if (f == "builder.And" || f == "builder.Or" || f == "builder.Not") {
      for (TSNode a : args) condition(a, cols, depth + 1);
    } else if ((f == "builder.In" || f == "builder.NotIn") && !args.empty()) {
      std::pair<std::string, uint32_t> c;
      if (plain(args[0], &c)) cols->push_back(c);
    }
  }

  // Chains: s.Table("t").Where("c = ?", v).Cols("a", "b").Update(&bean).
  void chain(TSNode top, FileOutput* out) {
    TSNode receiver{};
    std::vector<go::Link> links = go::chain(top, src_, &receiver);
    if (!imports_xorm_ && !handle(links, receiver)) return;
    // `query := s.engine.Where(...)`, `query.Desc("rank")`, then `query.Find(&out)`: a session
    // built over statements (xorm's session methods add to the session they are called on).
    if (!links.empty() && bean_link(links.back().name) && node_is(receiver, "identifier")) {
      std::vector<go::Link> before;
      TSNode start{};
      if (built_session(receiver, top, &before, &start)) {
        if (!imports_xorm_ && !handle(before, start)) return;
        before.insert(before.end(), links.begin(), links.end());
        links = std::move(before);
      }
    }
    if (links.size() == 1 && (links[0].name == "Insert" || links[0].name == "InsertOne") && xorm_handle(receiver))
      return insert(links[0], top, out);
    if (links.size() < 2) return;
    std::optional<std::string> table;
    std::string via;
    requirements::Span table_span{};
    bool explicit_table = false;
    for (const go::Link& l : links) {
      if (leaves_table(l.name)) return;
      if (l.name == "Table" && !l.args.empty()) {
        std::pair<std::string, uint32_t> t;
        if (plain(l.args[0], &t)) {
          table = t.first;
          table_span = {t.second, static_cast<uint32_t>(t.second + t.first.size())};
          explicit_table = true;
          via = "Table(\"" + t.first + "\")";
        } else if (std::string named = table_name_call(l.args[0]); !named.empty()) {
          // Table(model.User{}.TableName()), Table(new(model.User).TableName()): the model's table.
          if (!(table = table_of(named))) return;
          via = "Table(" + named + ".TableName())";
        } else {
          std::string type = go::value_type(l.args[0], src_);
          if (type.empty() || !(table = table_of(type))) return;  // a name computed at run time
          via = "Table(&" + type + "{})";
        }
      }
    }
    // Only a chain that runs its query here: a session kept for later may still be given a
    // Join, after which a plain column may belong to the other table.
    const go::Link& last = links.back();
    if (!bean_link(last.name)) return;
    if (!table) {
      if (!bean_link(last.name) || last.args.empty()) return;
      std::string type = go::value_type(last.args[0], src_);
      if (type.empty() || !(table = table_of(type))) return;
      via = std::string(last.name) + "(&" + type + ")";
    }
    if (table->find('.') != std::string::npos) return;
    go::UnitWriter w(in_, out, std::string(node_text(top, src_)));  // a site once it names something
    if (explicit_table) w.relation(*table, table_span, "xorm " + via + " queries table " + *table);
    static const std::set<std::string_view> kWhere = {"Where", "And", "Or"};
    static const std::set<std::string_view> kLists = {"OrderBy", "GroupBy"};
    // Omit("c") names no column of the SQL: xorm leaves it out of the bean's own columns, and a
    // name the bean does not map is ignored.
    static const std::set<std::string_view> kEach = {"Cols", "MustCols", "Distinct", "Asc", "Desc"};
    // Select("badge_id, max(created_at) created") names output columns that ORDER BY and GROUP BY
    // may use: after a Select their names need not be the table's.
    bool outputs = std::any_of(links.begin(), links.end(), [](const go::Link& l) { return l.name == "Select"; });
    // A condition held in a variable or built by a call (`Where(cond)`, `And(filter(x))`): its
    // columns are not read, so the chain is not fully checked.
    bool unread = false;
    for (const go::Link& l : links) {
      if (outputs && (l.name == "OrderBy" || l.name == "GroupBy" || l.name == "Asc" || l.name == "Desc")) continue;
      std::vector<std::pair<std::string, uint32_t>> cols;
      std::string_view text;
      bool write = l.name == "Incr" || l.name == "Decr" || l.name == "SetExpr" ||
                   ((l.name == "Cols" || l.name == "MustCols") && (last.name == "Update" || last.name == "Insert"));
      uint32_t at = 0;
      std::string unquoted;  // the literal with xorm's backquotes blanked: same offsets
      if (kWhere.count(l.name) && !l.args.empty() && !go::literal(l.args[0], src_, &text, &at)) {
        for (TSNode a : l.args) condition(a, &cols);
        TSNode first = l.args[0];
        while (node_is(first, "unary_expression") || node_is(first, "parenthesized_expression"))
          first = languages::first_named_child(first);
        if (!node_is(first, "composite_literal") &&
            !(node_is(first, "call_expression") && node_text(field(first, "function"), src_).starts_with("builder.")))
          unread = true;
        text = "builder";
      } else if ((kWhere.count(l.name) || kLists.count(l.name)) && !l.args.empty() && go::literal(l.args[0], src_, &text, &at) &&
                 text.find('`') != std::string_view::npos) {
        unquoted = std::string(text);
        for (char& c : unquoted)
          if (c == '`') c = ' ';
        if (kWhere.count(l.name)) go::where_columns(unquoted, at, &cols);
        else go::list_columns(unquoted, at, l.name == "OrderBy", &cols);
      } else if (go::link_columns(l, src_, kWhere, kLists, &text, &cols)) {
      } else if (kEach.count(l.name)) {
        for (TSNode a : l.args) {
          std::pair<std::string, uint32_t> c;
          if (plain(a, &c)) cols.push_back(c);
        }
        text = "...";
      } else if ((l.name == "In" || l.name == "NotIn" || write) && !l.args.empty()) {
        std::pair<std::string, uint32_t> c;
        if (plain(l.args[0], &c)) cols.push_back(c);
        text = "...";
      }
      for (auto& [col, offset] : cols)
        w.column(*table, col, {offset, static_cast<uint32_t>(offset + col.size())},
                 write ? requirements::Use::Write : requirements::Use::Read,
                 "xorm " + via + "." + std::string(l.name) + "(" +
                     (text == "builder" || text == "..." ? std::string("\"") + col + "\"" : "\"" + std::string(text) + "\"") +
                     ") names column " + *table + "." + col);
    }
    if (unread) {
      UncheckedUse u;
      u.offset = ts_node_start_byte(top);
      u.via = "xorm chain";
      u.reason = "a condition held in a variable or built by a call: the columns it names are not read";
      u.unit = w.unit();  // partly checked when the rest of the chain named columns; else a site of its own
      out->unchecked.push_back(std::move(u));
    }
  }

  /// s.Insert(&T{...}) / s.Insert(bean) on an xorm session: every column the model maps is written
  /// (a chain with Cols, Omit or Table names its own columns and is read as a chain).
  void insert(const go::Link& l, TSNode top, FileOutput* out) {
    for (TSNode arg : l.args) {
      std::string type = go::value_type(arg, src_);
      if (type.empty() || type.find("[]") != std::string::npos) continue;
      std::optional<std::string> table = table_of(type);
      std::optional<std::vector<std::string>> cols = inserted_columns(type);
      if (!table || !cols || table->find('.') != std::string::npos) continue;
      go::UnitWriter w(in_, out, std::string(node_text(top, src_)));
      requirements::Span span{ts_node_start_byte(arg), ts_node_end_byte(arg)};
      for (const std::string& c : *cols)
        w.column(*table, c, span, requirements::Use::Write,
                 "xorm " + std::string(l.name) + "(&" + type + ") writes every field of the model: column " + *table + "." + c);
    }
  }

  const FileInput& in_;
  std::string_view src_;
  std::string dir_;
  std::vector<std::pair<std::string, std::string>> imports_;
  bool imports_xorm_ = relevant_text(src_);
  std::optional<xorm::Mapper> mapper_;        ///< columns
  std::optional<xorm::Mapper> table_mapper_;  ///< tables
};

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  Reader(in).run(out);
}

bool relevant(std::string_view text) { return relevant_text(text); }

/// Whether a file shows the project uses xorm at all: without one, no file is read for it.
bool index_wanted(std::string_view text) { return text.find("xorm") != std::string_view::npos; }

/// A file that imports xorm, or one that reaches a handle the project's xorm files declare (a
/// field `.DB.` or a function `.NewSession(` of the index's facts), in a file that imports no other
/// Go ORM whose chains look alike (GORM's, bun's, beego's).
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  // A project none of whose files imports xorm (no "xorm:imported" from the index): nothing to read.
  if (facts && !facts->count("xorm:imported")) return false;
  if (relevant_text(text)) return true;
  if (!facts) return false;
  auto fields = facts->find("xorm:handle-field");
  auto funcs = facts->find("xorm:handle-func");
  if (fields == facts->end() && funcs == facts->end()) return false;
  for (std::string_view other : {"gorm.io/gorm", "jinzhu/gorm", "uptrace/bun", "beego/orm", "client/orm\""})
    if (text.find(other) != std::string_view::npos) return false;
  if (fields != facts->end())
    for (const std::string& f : fields->second)
      if (text.find("." + f + ".") != std::string_view::npos) return true;
  if (funcs != facts->end())
    for (const std::string& f : funcs->second)
      if (text.find(f + "(") != std::string_view::npos) return true;
  return false;
}

void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) { Reader(in).index(out); }

/// Models are declared in files that need not import xorm (`xorm:"..."` tags, TableName methods).
bool index_reads(std::string_view path, std::string_view text) {
  return path.ends_with(".go") && !path.ends_with("_test.go") &&
         (relevant(text) || text.find("xorm:\"") != std::string_view::npos ||
          text.find(") TableName() string") != std::string_view::npos || text.find("Mapper(") != std::string_view::npos);
}

/// The index reads a tree only for tagged structs and TableName methods; a mapper setting
/// (`engine.SetMapper(names.GonicMapper{})`) is read from the text alone.
bool index_parses(std::string_view text) {
  return text.find("xorm:\"") != std::string_view::npos || text.find("TableName") != std::string_view::npos ||
         text.find("*xorm.") != std::string_view::npos || text.find("xorm.Interface") != std::string_view::npos ||
         text.find("xorm.EngineInterface") != std::string_view::npos;
}

}  // namespace

extern const DataLayer kXorm{.name = "xorm",
                             .languages = {"go"},
                             .relevant = relevant,
                             .extract = extract,
                             .index = index,
                             .index_reads = index_reads,
                             .index_text_only = true,
                             .index_parses = index_parses,
                             .relevant_in = relevant_in,
                             .index_wanted = index_wanted,
                             .relevant_words = {"xorm.io/xorm", "go-xorm/xorm", "xorm.io/builder"},
                             .index_words = {"xorm.io/xorm", "go-xorm/xorm", "xorm.io/builder", "xorm:\"", ") TableName() string", "Mapper("},
                             .wanted_words = {"xorm"}};

}  // namespace schemagate::datalayers
