// go-sqlbuilder (Go, github.com/huandu/go-sqlbuilder) builders as requirements. A builder is a
// variable whose statement is spelled one method call at a time, so no SQL string holds it:
//   sb := sqlbuilder.PostgreSQL.NewSelectBuilder()
//   sb.Select("id", "url"); sb.From("bookmark"); sb.Where(sb.Equal("id", id))
//   ib := sqlbuilder.NewInsertBuilder(); ib.InsertInto("tag"); ib.Cols("name")
//   ub.Update("tag"); ub.Set(ub.Assign("name", n))          db.DeleteFrom("tag")
// Only what is certain is read: a builder made in the function (`v := sqlbuilder[.PostgreSQL].
// New...Builder()`, no other flavor), never reassigned nor handed to another function (which
// could join another table), over one plain table (From, InsertInto, Update, DeleteFrom; an
// alias or a second table leaves the builder out, and so does any join); its columns are the
// plain names of Select and Cols, the first argument of its condition and assignment helpers
// (Equal, NotEqual, LessThan, ..., In, Like, IsNull, Assign, Incr, ...), and OrderBy/GroupBy
// names. A file that imports another engine's driver (the MySQL and SQLite stores beside the
// PostgreSQL one) is left out.
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/go_model.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/source/code_kind.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;

const std::set<std::string_view> kTableSetters = {"From", "InsertInto", "Update", "DeleteFrom", "ReplaceInto"};
const std::set<std::string_view> kColumnLists = {"Select", "Cols", "OrderBy", "GroupBy"};
const std::set<std::string_view> kConditions = {
    "Equal", "E", "EQ", "NotEqual", "NE", "NEQ", "GreaterThan", "G", "GT", "GreaterEqualThan", "GE", "GTE",
    "LessThan", "L", "LT", "LessEqualThan", "LE", "LTE", "In", "NotIn", "Like", "ILike", "NotLike", "NotILike",
    "IsNull", "IsNotNull", "Between", "NotBetween", "Assign", "Incr", "Decr", "Add", "Sub", "Mul", "Div"};
/// Methods that make the builder's names belong to more than its one table, or its text not its own.
const std::set<std::string_view> kOpaque = {"Join", "JoinWithOption", "With", "SQL", "Union", "UnionAll",
                                            "BuilderAs", "Var", "Returning"};

class Reader {
 public:
  explicit Reader(const FileInput& in) : in_(in), src_(in.text) {}

  void run(FileOutput* out) {
    std::vector<TSNode> stack{in_.root};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (node_is(n, "function_declaration") || node_is(n, "method_declaration") || node_is(n, "func_literal")) {
        function(n, out);
        if (!node_is(n, "func_literal")) continue;
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
  }

 private:
  /// The builders a function makes: `v := sqlbuilder.NewXBuilder()`.
  void function(TSNode fn, FileOutput* out) {
    TSNode body = field(fn, "body");
    std::vector<TSNode> stack{body};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (ts_node_is_null(n) || node_is(n, "func_literal")) continue;
      if (node_is(n, "short_var_declaration")) {
        TSNode left = field(n, "left"), right = field(n, "right");
        if (ts_node_named_child_count(left) == 1 && ts_node_named_child_count(right) == 1) {
          std::string_view made = node_text(ts_node_named_child(right, 0), src_);
          for (std::string_view prefix : {"sqlbuilder.", "sqlbuilder.PostgreSQL."})
            for (std::string_view kind : {"NewSelectBuilder()", "NewInsertBuilder()", "NewUpdateBuilder()",
                                          "NewDeleteBuilder()"})
              if (made.size() == prefix.size() + kind.size() && made.starts_with(prefix) && made.ends_with(kind))
                builder(body, node_text(ts_node_named_child(left, 0), src_), n, out);
        }
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
  }

  void builder(TSNode body, std::string_view var, TSNode decl, FileOutput* out) {
    struct Use {
      std::string_view method;
      std::vector<TSNode> args;
    };
    std::vector<Use> uses;
    std::vector<TSNode> stack{body};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      if (ts_node_is_null(n)) continue;
      if (node_is(n, "identifier") && node_text(n, src_) == var) {
        TSNode p = ts_node_parent(n);
        bool receiver = node_is(p, "selector_expression") && ts_node_eq(field(p, "operand"), n);
        bool declared = ts_node_start_byte(n) >= ts_node_start_byte(decl) && ts_node_end_byte(n) <= ts_node_end_byte(decl);
        if (!receiver && !declared) return;  // handed on, reassigned, captured: not only this function's
        if (receiver) {
          TSNode call = ts_node_parent(p);
          if (!node_is(call, "call_expression")) return;
          uses.push_back({node_text(field(p, "field"), src_), go::arguments(call)});
        }
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
    }
    std::string table;
    requirements::Span table_span{};
    std::string_view verb;
    for (const Use& u : uses) {
      if (kOpaque.count(u.method)) return;
      if (!kTableSetters.count(u.method)) continue;
      std::string_view t;
      uint32_t at;
      if (!table.empty() || u.args.size() != 1 || !go::literal(u.args[0], src_, &t, &at) || !go::plain_name(t)) return;
      table = std::string(t);
      table_span = {at, static_cast<uint32_t>(at + t.size())};
      verb = u.method;
    }
    if (table.empty()) return;
    std::string via = "go-sqlbuilder " + std::string(var) + "." + std::string(verb) + "(\"" + table + "\")";
    go::UnitWriter w(in_, out, via);
    w.relation(table, table_span, via + " names table " + table);
    for (const Use& u : uses) {
      bool list = kColumnLists.count(u.method) != 0, condition = kConditions.count(u.method) != 0;
      if (!list && !condition) continue;
      for (size_t i = 0; i < u.args.size() && (list || i == 0); ++i) {
        std::string_view c;
        uint32_t at;
        if (!go::literal(u.args[i], src_, &c, &at)) continue;
        if (u.method == "OrderBy") {  // "name DESC"
          size_t space = c.find(' ');
          std::string_view rest = space == std::string_view::npos ? "" : c.substr(space + 1);
          if (!rest.empty() && rest != "ASC" && rest != "DESC" && rest != "asc" && rest != "desc") continue;
          c = c.substr(0, space);
        }
        if (!go::plain_name(c)) continue;
        w.column(table, std::string(c), {at, static_cast<uint32_t>(at + c.size())},
                 u.method == "Assign" || u.method == "Cols" ? requirements::Use::Write : requirements::Use::Read,
                 via + "." + std::string(u.method) + "(\"" + std::string(c) + "\") names column " + table + "." +
                     std::string(c));
      }
    }
  }

  const FileInput& in_;
  std::string_view src_;
};

bool relevant(std::string_view text) { return text.find("huandu/go-sqlbuilder") != std::string_view::npos; }

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root)) return;
  if (!source::other_engine_of_code(in.path, in.text).empty()) return;  // a MySQL or SQLite store
  Reader(in).run(out);
}

}  // namespace

extern const DataLayer kGoSqlbuilder{.name = "go-sqlbuilder",
                                     .languages = {"go"},
                                     .relevant = relevant,
                                     .extract = extract,
                                     .relevant_words = {"huandu/go-sqlbuilder"}};

}  // namespace schemagate::datalayers
