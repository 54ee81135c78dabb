// SQLAlchemy Core statements as requirements. Code that never spells SQL builds statement
// objects from the models and runs them: `session.execute(sa.select(db.Flow).where(db.Flow.name
// == name))`, often through a local refined step by step (`query = query.limit(n)`) and run
// further down. What such a statement needs of the database is in the names it is built from: a
// model (its table) and a model's attribute (the column the model maps it to, as the model layer
// reads it: sqlalchemy_models.h). Each run statement is one unit, a site of its own, with those
// requirements at the names; an attribute that is no column (a relationship, a hybrid, a
// method) needs nothing here.
//
// What is read: the statement given to execute(), scalar(), scalars(), stream(),
// stream_scalars() or SQLModel's exec(), when it is a chain of methods on a construct imported
// from sqlalchemy or sqlmodel (select, insert, update, delete, union, exists, ...; a PostgreSQL
// dialect's insert), on `<object>.insert(Model)` (a project's dialect switch), on
// `Model.__table__`, or a local of the same function every assignment of which (that reaches the
// call) is one of these or a refinement of it; then the ORM's legacy Query chains
// (`session.query(Model)...`, `Model.query...`, or through a function of the project that only
// returns its parameter's Query, lemur's `database.session_query(Model)...`: see
// query_helper()) none of those read, each a unit where it ends.
// Locals the statement uses (a subquery, a CTE, `aliased(Model)`) are read where they are built.
// What is not read leaves the site partly checked, with the reason: a statement built or refined
// by a function of the project (a function of the same file whose every return is a statement is
// read instead, in its own scope) (`query = await _apply_filters(db, query, ...)`,
// `self.get_base_statement().where(...)`), clauses passed as `*filters` (but a local list filled
// with append() is read) or `**values`, SQL text inside the statement (`sa.text(...)`,
// `literal_column(...)`). A statement naming no model this scan resolves is no unit (the SQL
// extractor's dynamic site stays).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/facts.h"
#include "analyzers/datalayers/python_modules.h"
#include "analyzers/datalayers/sqlalchemy_models.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"

namespace schemagate::datalayers {

namespace {

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }
TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }

/// Facts key of a Query helper (query_helpers()), by function name; the value is its module.
constexpr std::string_view kQueryHelper = "sqlalchemy-statement:query-helper:";

std::string_view node_text(std::string_view text, TSNode n) {
  return text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
}

/// `P.query` (Flask-SQLAlchemy) or `<session>.query(P)`, P the parameter; or `A if C else B` of
/// two such.
bool query_of_parameter(std::string_view text, TSNode e, std::string_view param) {
  while (is(e, "parenthesized_expression") && ts_node_named_child_count(e) == 1) e = ts_node_named_child(e, 0);
  if (is(e, "conditional_expression"))
    return ts_node_named_child_count(e) == 3 && query_of_parameter(text, ts_node_named_child(e, 0), param) &&
           query_of_parameter(text, ts_node_named_child(e, 2), param);
  if (is(e, "attribute"))
    return is(field(e, "object"), "identifier") && node_text(text, field(e, "object")) == param &&
           node_text(text, field(e, "attribute")) == "query";
  if (!is(e, "call")) return false;
  TSNode fn = field(e, "function"), args = field(e, "arguments");
  if (!is(fn, "attribute") || node_text(text, field(fn, "attribute")) != "query") return false;
  return is(args, "argument_list") && ts_node_named_child_count(args) == 1 &&
         is(ts_node_named_child(args, 0), "identifier") && node_text(text, ts_node_named_child(args, 0)) == param;
}

/// The module-level functions of a file that only return their one parameter's ORM Query:
///
///     def session_query(model):
///         """..."""
///         return model.query if hasattr(model, "query") else db.session.query(model)
///
/// A call of one (`database.session_query(Certificate)`) starts a Query of that model.
std::vector<std::string> query_helpers(std::string_view text, TSNode root) {
  std::vector<std::string> out;
  for (uint32_t i = 0, n = ts_node_named_child_count(root); i < n; ++i) {
    TSNode d = ts_node_named_child(root, i);
    if (!is(d, "function_definition")) continue;
    TSNode params = field(d, "parameters"), body = field(d, "body");
    if (ts_node_named_child_count(params) != 1 || !is(ts_node_named_child(params, 0), "identifier")) continue;
    std::string_view param = node_text(text, ts_node_named_child(params, 0));
    TSNode ret{};
    bool other = false;
    for (uint32_t j = 0, k = ts_node_named_child_count(body); j < k; ++j) {
      TSNode st = ts_node_named_child(body, j);
      if (is(st, "comment")) continue;
      if (j == 0 && is(st, "expression_statement") && is(ts_node_named_child(st, 0), "string")) continue;  // docstring
      if (is(st, "return_statement") && ts_node_is_null(ret) && ts_node_named_child_count(st) == 1) ret = st;
      else other = true;
    }
    if (!other && !ts_node_is_null(ret) && query_of_parameter(text, ts_node_named_child(ret, 0), param))
      out.emplace_back(node_text(text, field(d, "name")));
  }
  return out;
}

bool construct(std::string_view name) {
  static const std::set<std::string_view> kConstructs = {"select", "insert", "update", "delete", "union", "union_all",
                                                         "exists", "except_", "intersect", "except_all", "intersect_all"};
  return kConstructs.count(name) != 0;
}

bool runs_statement(std::string_view method) {
  return method == "execute" || method == "scalar" || method == "scalars" || method == "stream" ||
         method == "stream_scalars" || method == "exec";
}

/// SQL text inside a statement: what it names is not read here.
bool sql_text_call(std::string_view name) {
  return name == "text" || name == "literal_column" || name == "column" || name == "table" || name == "table_valued";
}

/// One executed statement: its requirements and what was not read.
struct Statement {
  std::vector<requirements::Requirement> requirements;
  std::set<std::pair<uint32_t, std::string>> seen;  // (span begin, relation.column)
  std::vector<std::pair<uint32_t, std::string>> not_read;  // (offset, reason)
  /// Parts read in another function: what a function of the file that builds the statement returns.
  std::vector<std::pair<TSNode, TSNode>> returned;  // (expression, its function)
};

class StatementReader {
 public:
  StatementReader(const FileInput& in, FileOutput* out)
      : in_(in), out_(out), models_(in), imports_(python::imports_of(in.path, in.text, in.root)) {}

  void run() {
    walk(in_.root, 0, false);
    walk(in_.root, 0, true);
  }

 private:
  const FileInput& in_;
  FileOutput* out_;
  sqlalchemy::Models models_;
  std::map<std::string, python::Import> imports_;
  TSNode scope_{};  ///< the function of the statement being read
  std::map<std::string, const sqlalchemy::Model*> aliases_;  ///< its names that stand for models, by name
  std::vector<std::pair<uint32_t, uint32_t>> read_;  ///< byte ranges units have read already
  int nesting_ = 0;  ///< statement functions being looked into (one may call another)

  std::string_view text(TSNode n) const {
    return ts_node_is_null(n) ? std::string_view() : in_.text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }

  static TSNode strip(TSNode n) {
    for (int i = 0; i < 16; ++i) {
      if (is(n, "parenthesized_expression") || is(n, "await")) n = ts_node_named_child(n, 0);
      else break;
    }
    return n;
  }

  /// `alias` is a module-level import of sqlalchemy or sqlmodel (a module, or a name from one),
  /// not of another engine's dialect.
  bool from_sqlalchemy(std::string_view alias) const {
    auto it = imports_.find(std::string(alias));
    if (it == imports_.end()) return false;
    const std::string& m = it->second.module;
    bool ours = m == "sqlalchemy" || m.starts_with("sqlalchemy/") || m == "sqlmodel" || m.starts_with("sqlmodel/");
    std::string whole = m + "/" + it->second.name;
    return ours && whole.find("sqlite") == std::string::npos && whole.find("mysql") == std::string::npos &&
           whole.find("oracle") == std::string::npos && whole.find("mssql") == std::string::npos;
  }

  /// The positional arguments of a call.
  std::vector<TSNode> positional(TSNode call) const {
    std::vector<TSNode> out;
    TSNode args = field(call, "arguments");
    uint32_t n = is(args, "argument_list") ? ts_node_named_child_count(args) : 0;
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (!is(a, "comment") && !is(a, "keyword_argument")) out.push_back(a);
    }
    return out;
  }

  /// A name that stands for a model: `Flow`, `orm.Flow`, `db.Flow`, or a local of the statement's
  /// function holding `aliased(<model>)`.
  const sqlalchemy::Model* model(TSNode n) {
    n = strip(n);
    if (is(n, "identifier")) {
      std::string name(text(n));
      if (auto it = aliases_.find(name); it != aliases_.end()) return it->second;
      aliases_[name] = nullptr;  // while it is looked up
      std::vector<TSNode> values;
      if (!ts_node_is_null(scope_) && assignments(scope_, name, &values) && values.size() == 1) {
        TSNode v = strip(values.front());
        if (is(v, "call") && text(field(v, "function")).ends_with("aliased") && !positional(v).empty())
          return aliases_[name] = model(positional(v).front());
      }
      return aliases_[name] = models_.find(name);
    }
    if (is(n, "attribute")) {
      TSNode obj = field(n, "object");
      if (!is(obj, "identifier") && !is(obj, "attribute")) return nullptr;
      return models_.find(text(n));
    }
    return nullptr;
  }

  /// Whether `e` is a statement object built here: a method chain on a SQLAlchemy construct.
  /// `root` receives the chain's innermost object when that is an identifier (a refinement).
  bool statement(TSNode e, TSNode* root = nullptr, bool* orm_query = nullptr) {
    e = strip(e);
    for (int step = 0; step < 64 && is(e, "call"); ++step) {
      TSNode fn = field(e, "function");
      if (query_helper_call(e)) {
        if (orm_query) *orm_query = true;
        return true;
      }
      if (is(fn, "identifier")) return construct(text(fn)) && from_sqlalchemy(text(fn));
      if (!is(fn, "attribute")) return false;
      TSNode obj = strip(field(fn, "object"));
      std::string_view method = text(field(fn, "attribute"));
      if (construct(method) && is(obj, "identifier") && from_sqlalchemy(text(obj))) return true;
      // db.FlowRunState.__table__.insert()
      if (construct(method) && is(obj, "attribute") && text(field(obj, "attribute")) == "__table__" &&
          model(field(obj, "object")))
        return true;
      // db.queries.insert(db.Flow): a project's switch between dialects' insert()
      if ((method == "insert" || method == "update" || method == "delete") && !positional(e).empty() &&
          model(positional(e).front()))
        return true;
      if (method == "query" && query_of_models(e)) {
        if (orm_query) *orm_query = true;
        return true;
      }
      e = obj;
    }
    // Flask-SQLAlchemy's Model.query
    if (is(e, "attribute") && text(field(e, "attribute")) == "query" && model(field(e, "object"))) {
      if (orm_query) *orm_query = true;
      return true;
    }
    if (root && is(e, "identifier")) *root = e;
    return false;
  }

  /// The function of this file a call calls (`_select_due_runs(db, now)` at module level, or
  /// `self._base_statement()` of the class the call is in) when every return of it is a statement
  /// built there; a null node otherwise.
  TSNode statement_function(TSNode call) {
    call = strip(call);
    if (!is(call, "call") || nesting_ > 3) return TSNode{};
    struct Nest {
      int& n;
      explicit Nest(int& k) : n(k) { ++n; }
      ~Nest() { --n; }
    } nest(nesting_);
    TSNode fn = field(call, "function"), container = in_.root;
    std::string_view name;
    if (is(fn, "identifier")) {
      name = text(fn);
    } else if (is(fn, "attribute") && is(field(fn, "object"), "identifier") &&
               (text(field(fn, "object")) == "self" || text(field(fn, "object")) == "cls")) {
      name = text(field(fn, "attribute"));
      container = TSNode{};
      for (TSNode p = ts_node_parent(call); !ts_node_is_null(p); p = ts_node_parent(p))
        if (is(p, "class_definition")) {
          container = field(p, "body");
          break;
        }
    } else {
      return TSNode{};
    }
    TSNode def{};
    uint32_t n = ts_node_named_child_count(container);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode d = ts_node_named_child(container, i);
      if (is(d, "decorated_definition")) d = field(d, "definition");
      if (!is(d, "function_definition") || text(field(d, "name")) != name) continue;
      if (!ts_node_is_null(def)) return TSNode{};  // defined twice: which one runs is not told here
      def = d;
    }
    if (ts_node_is_null(def)) return TSNode{};
    std::vector<TSNode> returns = returns_of(def);
    if (returns.empty()) return TSNode{};
    for (TSNode r : returns) {
      std::vector<TSNode> parts;
      Statement scratch;
      TSNode root{};
      if (!statement(r, &root) && !(is(strip(r), "identifier") && local_statement(def, text(strip(r)), &parts, &scratch, 1)) &&
          !(!ts_node_is_null(root) && local_statement(def, text(root), &parts, &scratch, 1)))
        return TSNode{};
    }
    return def;
  }

  /// The expressions a function's return statements return (its nested functions left out); an
  /// empty list when one returns nothing.
  std::vector<TSNode> returns_of(TSNode def) const {
    std::vector<TSNode> out, stack{field(def, "body")};
    while (!stack.empty()) {
      TSNode n = stack.back();
      stack.pop_back();
      // A node a broken tree lacks (a function_definition with no body): nothing under it.
      if (ts_node_is_null(n)) continue;
      if (is(n, "function_definition") || is(n, "class_definition") || is(n, "lambda")) continue;
      if (is(n, "return_statement")) {
        if (ts_node_named_child_count(n) != 1) return {};
        out.push_back(ts_node_named_child(n, 0));
        continue;
      }
      uint32_t k = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < k; ++i) stack.push_back(ts_node_named_child(n, i));
    }
    return out;
  }

  /// What a statement function returns, to be read in its own scope; the locals it returns are
  /// read where the function builds them.
  void returned_parts(TSNode def, Statement* st) {
    for (TSNode r : returns_of(def)) {
      st->returned.push_back({r, def});
      TSNode root{}, bare = strip(r);
      if (is(bare, "identifier") || (!statement(bare, &root) && !ts_node_is_null(root))) {
        std::vector<TSNode> parts;
        local_statement(def, text(is(bare, "identifier") ? bare : root), &parts, st, 1);
        for (TSNode p : parts) st->returned.push_back({p, def});
      }
    }
  }

  /// A statement a function of the project builds, refined here with SQLAlchemy's methods
  /// (`self.get_base_statement().where(...).order_by(...)`): `made` receives that call.
  bool refined_result(TSNode e, TSNode* made) {
    static const std::set<std::string_view> kRefinements = {
        "where", "filter", "filter_by", "join", "outerjoin", "order_by", "group_by", "having", "with_only_columns",
        "options", "limit", "offset", "values", "returning", "select_from", "distinct", "execution_options",
        "add_columns", "correlate", "on_conflict_do_update", "on_conflict_do_nothing"};
    e = strip(e);
    bool refined = false;
    for (int step = 0; step < 64 && is(e, "call"); ++step) {
      TSNode fn = field(e, "function");
      TSNode obj = is(fn, "attribute") ? strip(field(fn, "object")) : TSNode{};
      if (is(fn, "attribute") && is(obj, "call")) {
        if (!kRefinements.count(text(field(fn, "attribute")))) return false;
        refined = true;
        e = obj;
        continue;
      }
      if (!is(fn, "identifier") && !is(fn, "attribute")) return false;
      *made = e;
      return refined;
    }
    return false;
  }

  /// `session.query(Incident)`, `session.query(Incident.id, Incident.name)`: the ORM's legacy
  /// Query of models (the session's name does not matter; a model among the entities does).
  /// `database.session_query(Model)` / `session_query(Model)`: a call of a Query helper of the
  /// project (query_helpers()) given one model, the module it is called through (an import of
  /// the file, or the file itself) the one that defines it.
  bool query_helper_call(TSNode call) {
    TSNode fn = field(call, "function");
    std::string_view name = text(is(fn, "attribute") ? field(fn, "attribute") : fn);
    if (!is(fn, "identifier") && !(is(fn, "attribute") && is(field(fn, "object"), "identifier"))) return false;
    const std::string* module = one_fact(in_.facts, std::string(kQueryHelper) + std::string(name));
    if (!module) return false;
    std::vector<TSNode> args = positional(call);
    TSNode arguments = field(call, "arguments");
    if (args.size() != 1 || ts_node_named_child_count(arguments) != 1 || !model(args.front())) return false;
    std::string written(text(is(fn, "attribute") ? field(fn, "object") : fn));
    auto it = imports_.find(written);
    if (it == imports_.end()) {  // the file's own function
      std::string_view own = in_.path.substr(0, in_.path.size() - 3);
      return is(fn, "identifier") && own == *module;
    }
    const python::Import& im = it->second;
    // `from lemur.database import session_query`, `from lemur import database`, `import lemur.database as database`
    std::string path = is(fn, "identifier") ? im.module : im.name.empty() ? im.module : im.module + "/" + im.name;
    if (is(fn, "identifier") && im.name != name) return false;
    if (im.exact) return path == *module;
    return *module == path || (module->size() > path.size() && module->ends_with(path) &&
                               (*module)[module->size() - path.size() - 1] == '/');
  }

  bool query_of_models(TSNode call) {
    std::vector<TSNode> args = positional(call);
    if (args.empty()) return false;
    for (TSNode a : args) {
      a = strip(a);
      if (model(a)) return true;
      if (is(a, "attribute") && model(field(a, "object"))) {
        const sqlalchemy::Model* m = model(field(a, "object"));
        if (m->attributes.count(std::string(text(field(a, "attribute"))))) return true;
      }
    }
    return false;
  }

  /// The function (or module) a node is in.
  static TSNode scope_of(TSNode n) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p))
      if (is(p, "function_definition") || is(p, "module")) return p;
    return TSNode{};
  }

  /// Every `name = value` of a scope that may reach byte `before`, its nested functions and
  /// classes left out: those ahead of `before`, from the last one in the function's own body (no
  /// branch, no loop) that does not refine the name itself (a local reused for a second
  /// statement). False when the name is bound otherwise there (a parameter, a loop or `with`
  /// target, an unpacking).
  bool assignments(TSNode scope, std::string_view name, std::vector<TSNode>* values, uint32_t before = UINT32_MAX) {
    std::vector<TSNode> all;
    if (!all_assignments(scope, name, &all)) return false;
    TSNode body = is(scope, "function_definition") ? field(scope, "body") : scope;
    size_t from = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      if (ts_node_start_byte(all[i]) >= before) break;
      TSNode statement = ts_node_parent(ts_node_parent(all[i]));  // assignment, expression_statement
      if (is(statement, "expression_statement") && ts_node_eq(ts_node_parent(statement), body) &&
          descendants_named(all[i], name).empty())
        from = i;
    }
    for (size_t i = from; i < all.size(); ++i)
      if (ts_node_start_byte(all[i]) < before) values->push_back(all[i]);
    return true;
  }

  /// Every `name = value` of a scope, in the order written (see assignments()).
  bool all_assignments(TSNode scope, std::string_view name, std::vector<TSNode>* values) {
    if (is(scope, "function_definition")) {
      TSNode params = field(scope, "parameters");
      uint32_t n = ts_node_named_child_count(params);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode p = ts_node_named_child(params, i);
        TSNode id = is(p, "identifier") ? p : field(p, "name");
        if (ts_node_is_null(id) && ts_node_named_child_count(p)) id = ts_node_named_child(p, 0);
        if (text(id) == name) return false;
      }
    }
    bool ok = true;
    std::vector<TSNode> stack{is(scope, "function_definition") ? field(scope, "body") : scope};
    while (!stack.empty() && ok) {
      TSNode n = stack.back();
      stack.pop_back();
      // A node a broken tree lacks (a function_definition with no body): nothing under it.
      if (ts_node_is_null(n)) continue;
      if (is(n, "function_definition") || is(n, "class_definition") || is(n, "lambda")) continue;
      if (is(n, "assignment") || is(n, "augmented_assignment")) {
        TSNode left = field(n, "left");
        if (is(left, "identifier") && text(left) == name) {
          TSNode right = field(n, "right");
          if (is(n, "augmented_assignment") || ts_node_is_null(right)) ok = false;
          else values->push_back(right);
        } else if (!is(left, "identifier") && !is(left, "attribute") && !is(left, "subscript")) {
          if (!descendants_named(left, name).empty()) ok = false;  // a, q = ...
        }
      } else if (is(n, "for_statement") || is(n, "as_pattern_target") || is(n, "named_expression")) {
        TSNode target = is(n, "for_statement") ? field(n, "left") : is(n, "named_expression") ? field(n, "name") : n;
        if (!descendants_named(target, name).empty()) ok = false;
      }
      uint32_t k = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < k; ++i) stack.push_back(ts_node_named_child(n, i));
    }
    std::sort(values->begin(), values->end(),
              [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
    return ok;
  }

  std::vector<TSNode> descendants_named(TSNode n, std::string_view name) const {
    std::vector<TSNode> out, stack{n};
    while (!stack.empty()) {
      TSNode c = stack.back();
      stack.pop_back();
      if (ts_node_is_null(c)) continue;
      if (is(c, "identifier") && text(c) == name) out.push_back(c);
      uint32_t k = ts_node_named_child_count(c);
      for (uint32_t i = 0; i < k; ++i) stack.push_back(ts_node_named_child(c, i));
    }
    return out;
  }

  /// How a reason names the function a call calls: `_apply_filters`, `models.runs.apply`, or
  /// `....filter` for a method of a longer expression.
  std::string callee(TSNode call) const {
    TSNode fn = field(strip(call), "function");
    std::string_view t = text(fn);
    if (t.find('(') == std::string_view::npos && t.find('\n') == std::string_view::npos && t.size() <= 60) return std::string(t);
    if (is(fn, "attribute")) return "(...)." + std::string(text(field(fn, "attribute")));
    return "a function";
  }

  /// A call of the project's that takes a statement and returns it refined
  /// (`query = await _apply_filters(db, query, ...)`): the function's name, and the argument.
  std::string refining_function(TSNode value, TSNode scope, std::string_view name, TSNode* statement_arg, int depth) {
    value = strip(value);
    if (!is(value, "call")) return "";
    TSNode args = field(value, "arguments");
    uint32_t n = is(args, "argument_list") ? ts_node_named_child_count(args) : 0;
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (is(a, "keyword_argument")) a = field(a, "value");
      a = strip(a);
      bool own = is(a, "identifier") && text(a) == name;
      std::vector<TSNode> ignored;
      Statement scratch;
      if (own || statement(a) || (is(a, "identifier") && depth < 8 && local_statement(scope, text(a), &ignored, &scratch, depth + 1))) {
        *statement_arg = own ? TSNode{} : a;
        return callee(value);
      }
    }
    return "";
  }

  /// The expressions a local statement `name` of `scope` is built from; false when one of its
  /// assignments is neither a statement nor a refinement of one. A local built by a function of
  /// the project (`query = _select_deployments(db, n)`) and refined here (`query =
  /// query.where(...)`) is read from its refinements, the rest left unread.
  bool local_statement(TSNode scope, std::string_view name, std::vector<TSNode>* parts, Statement* st, int depth = 0,
                       uint32_t before = UINT32_MAX) {
    std::vector<TSNode> values;
    if (depth > 8 || !assignments(scope, name, &values, before) || values.empty()) return false;
    bool base = false, built_elsewhere = false, refined = false;
    for (TSNode v : values) {
      TSNode root{}, arg{};
      if (statement(v, &root)) {
        base = true;
        parts->push_back(v);
      } else if (!ts_node_is_null(root) && text(root) == name) {
        refined = true;
        parts->push_back(v);
      } else if (!ts_node_is_null(root) && local_statement(scope, text(root), parts, st, depth + 1, before)) {
        base = true;  // upsert = insert_stmt.on_conflict_do_update(...)
        parts->push_back(v);
      } else if (std::string fn = refining_function(v, scope, name, &arg, depth); !fn.empty()) {
        if (!ts_node_is_null(arg)) {
          base = true;
          if (!is(arg, "identifier") || !local_statement(scope, text(arg), parts, st, depth + 1, before)) parts->push_back(arg);
        }
        st->not_read.push_back({ts_node_start_byte(v), "the statement is refined by " + fn + "(), whose clauses are not read"});
      } else if (TSNode def = statement_function(v); !ts_node_is_null(def)) {
        base = true;  // query = _select_due_runs(db, now)
        returned_parts(def, st);
      } else if (TSNode made{}; refined_result(v, &made)) {
        // statement = self.get_base_statement().where(Payout.account_id == account_id)
        base = true;
        parts->push_back(v);
        st->not_read.push_back({ts_node_start_byte(v), "the statement is built by " + callee(made) + "(), which is not read"});
      } else if (is(strip(v), "call")) {
        built_elsewhere = true;
        st->not_read.push_back({ts_node_start_byte(v), "the statement is built by " + callee(v) +
                                                           "(), which is not read"});
      } else {
        return false;
      }
    }
    return base || (built_elsewhere && refined);
  }

  /// A local list of clauses built in the function (`conditions = []`, then
  /// `conditions.append(db.TaskRun.id.in_(ids))`, passed as `*conditions`): its elements, every
  /// one of them. False when the list is used otherwise (given to a function, changed by another
  /// method), which may add what is not read here.
  bool local_list(TSNode scope, std::string_view name, std::vector<TSNode>* items) {
    std::vector<TSNode> values;
    if (!assignments(scope, name, &values) || values.empty()) return false;
    for (TSNode v : values) {
      if (!is(strip(v), "list")) return false;
      items->push_back(v);
    }
    TSNode body = is(scope, "function_definition") ? field(scope, "body") : scope;
    for (TSNode use : descendants_named(body, name)) {
      TSNode parent = ts_node_parent(use);
      if (is(parent, "assignment") && ts_node_eq(field(parent, "left"), use)) continue;
      if (is(parent, "list_splat") || is(parent, "if_statement") || is(parent, "not_operator") ||
          is(parent, "boolean_operator") || is(parent, "elif_clause"))
        continue;
      if (is(parent, "attribute") && ts_node_eq(field(parent, "object"), use) && is(ts_node_parent(parent), "call")) {
        std::string_view method = text(field(parent, "attribute"));
        std::vector<TSNode> args = positional(ts_node_parent(parent));
        if ((method == "append" || method == "extend") && args.size() == 1 &&
            (method == "append" || is(strip(args.front()), "list"))) {
          items->push_back(args.front());
          continue;
        }
      }
      return false;
    }
    return true;
  }

  void require(const sqlalchemy::Model& m, TSNode at, const std::string& column, const std::string& attr, Statement* st) {
    uint32_t b = ts_node_start_byte(at), e = ts_node_end_byte(at);
    std::string schema = m.schema, table = m.table;
    if (!column.empty()) {
      auto it = m.attributes.find(attr);
      schema = it->second.schema, table = it->second.table;
    }
    if (!st->seen.insert({b, table + "." + column}).second) return;
    // The relation once per unit (each column requirement of an absent relation says nothing).
    if (column.empty()) {
      for (auto& r : st->requirements)
        if (r.object == requirements::Object::Relation && r.relation == table && r.schema == schema) return;
    }
    requirements::Requirement r;
    r.object = column.empty() ? requirements::Object::Relation : requirements::Object::Column;
    r.schema = schema;
    r.relation = table;
    r.column = column;
    r.span = {b, e};
    for (char c : column.empty() ? table : column)
      if (std::isupper(static_cast<unsigned char>(c))) r.quoted = true;
    std::string shown = schema == in_.default_schema ? table : schema + "." + table;
    r.describe = column.empty() ? "SQLAlchemy model " + m.name + " is mapped to table " + shown + "; the statement reads it"
                                : "SQLAlchemy attribute " + m.name + "." + attr + " maps to column " + shown + "." + column +
                                      "; the statement names it";
    r.fix = column.empty() ? "generate a migration that creates it with `alembic revision --autogenerate` (op.create_table(\"" +
                                 table + "\", ...)) and apply it with `alembic upgrade head` before deploying this code"
                           : "generate a migration with `alembic revision --autogenerate` (op.add_column(\"" + table +
                                 "\", sa.Column(\"" + column + "\", ...))) and apply it with `alembic upgrade head` before deploying this code";
    st->requirements.push_back(std::move(r));
  }

  /// The model an insert(Model) / update(Model) construct writes, under refinements of it
  /// (`update(Widget).where(...)`), or null.
  const sqlalchemy::Model* written_model(TSNode e) {
    e = strip(e);
    for (int step = 0; step < 64 && is(e, "call"); ++step) {
      TSNode fn = field(e, "function");
      std::string_view name = text(is(fn, "attribute") ? field(fn, "attribute") : fn);
      if ((name == "insert" || name == "update") &&
          (is(fn, "identifier") ? from_sqlalchemy(name) : from_sqlalchemy(text(field(fn, "object"))))) {
        std::vector<TSNode> args = positional(e);
        return args.empty() ? nullptr : model(strip(args.front()));
      }
      if (!is(fn, "attribute")) return nullptr;
      e = strip(field(fn, "object"));
    }
    return nullptr;
  }

  /// The names of expression `e` (a part of a statement) as requirements; locals of `scope` it
  /// uses that are statements or model aliases are read where they are built.
  void read(TSNode e, TSNode scope, Statement* st, std::set<std::string>* followed, int depth = 0) {
    if (depth > 400 || ts_node_is_null(e)) return;
    if (is(e, "attribute")) {
      TSNode obj = field(e, "object");
      if (const sqlalchemy::Model* m = model(obj)) {
        std::string attr(text(field(e, "attribute")));
        if (attr == "__table__") require(*m, strip(obj), "", "", st);
        if (auto it = m->attributes.find(attr); it != m->attributes.end()) {
          require(*m, strip(obj), "", "", st);
          require(*m, field(e, "attribute"), it->second.column, attr, st);
        }
        return;  // db.Flow.flow_runs (a relationship), db.Flow.metadata: nothing of the table's
      }
      if (const sqlalchemy::Model* m = model(e)) {
        require(*m, e, "", "", st);
        return;
      }
      read(obj, scope, st, followed, depth + 1);  // the attribute's name is no variable of the function
      return;
    }
    if (is(e, "identifier")) {
      std::string name(text(e));
      if (const sqlalchemy::Model* m = model(e)) {
        require(*m, e, "", "", st);
        return;
      }
      // A local built elsewhere in the function: a subquery, a CTE, an aliased(Model).
      if (!followed->insert(name).second) return;
      // A column expression kept in a local (`base = db.FlowRun.start_time - ...`) is read too:
      // a model's attribute in it is rendered into the statement.
      std::vector<TSNode> values;
      if (!assignments(scope, name, &values)) return;
      // A value another unit read already (a Query local that is a unit of its own) is that
      // unit's; one read here is this unit's alone.
      for (TSNode v : values) {
        if (inside_read(v)) continue;
        read_.push_back({ts_node_start_byte(v), ts_node_end_byte(v)});
        read(v, scope, st, followed, depth + 1);
      }
      return;
    }
    if (is(e, "call")) {
      TSNode fn = field(e, "function");
      std::string_view last = text(is(fn, "attribute") ? field(fn, "attribute") : fn);
      if (sql_text_call(last) && (is(fn, "identifier") ? from_sqlalchemy(last) : from_sqlalchemy(text(field(fn, "object")))))
        st->not_read.push_back({ts_node_start_byte(e), "SQL text inside the statement (" + std::string(last) + "(...)) is not read"});
      // `update(Widget).values(colour="red")`, `insert(Widget).values(name=...)`: each keyword
      // is an attribute of the model the statement writes, the column it maps to.
      if (last == "values" && is(fn, "attribute"))
        if (const sqlalchemy::Model* m = written_model(field(fn, "object"))) {
          TSNode args = field(e, "arguments");
          for (uint32_t i = 0, n = ts_node_named_child_count(args); i < n; ++i) {
            TSNode a = ts_node_named_child(args, i);
            if (!is(a, "keyword_argument")) continue;
            std::string attr(text(field(a, "name")));
            if (auto it = m->attributes.find(attr); it != m->attributes.end())
              require(*m, field(a, "name"), it->second.column, attr, st);
          }
        }
    }
    if (is(e, "list_splat") || is(e, "dictionary_splat")) {
      TSNode inner = ts_node_named_child(e, 0);
      std::vector<TSNode> items;
      if (is(e, "list_splat") && is(inner, "identifier") && local_list(scope, text(inner), &items)) {
        for (TSNode item : items) read(item, scope, st, followed, depth + 1);
      } else if (!is(inner, "list") && !is(inner, "dictionary") && !is(inner, "tuple")) {
        std::string shown(text(e));
        if (size_t paren = shown.find('('); paren != std::string::npos) shown = shown.substr(0, paren) + "(...)";
        if (shown.size() > 60 || shown.find('\n') != std::string::npos) shown = is(e, "list_splat") ? "*..." : "**...";
        st->not_read.push_back({ts_node_start_byte(e), is(e, "dictionary_splat")
                                                           ? "the columns " + shown + " names are only known at run time"
                                                           : "the clauses " + shown + " holds are built at run time, not read"});
      }
    }
    if (is(e, "keyword_argument")) {  // the name is the callee's parameter, not a column
      read(field(e, "value"), scope, st, followed, depth + 1);
      return;
    }
    uint32_t k = ts_node_named_child_count(e);
    for (uint32_t i = 0; i < k; ++i) read(ts_node_named_child(e, i), scope, st, followed, depth + 1);
  }

  /// `<x>.execute(statement)` and the like: one unit when the statement names a model.
  void executed(TSNode call) {
    TSNode fn = field(call, "function");
    if (!is(fn, "attribute") || !runs_statement(text(field(fn, "attribute")))) return;
    TSNode args = field(call, "arguments");
    if (!is(args, "argument_list")) return;
    TSNode arg{};
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n && ts_node_is_null(arg); ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (is(a, "comment")) continue;
      if (is(a, "keyword_argument")) {
        if (text(field(a, "name")) == "statement") arg = field(a, "value");
        continue;
      }
      arg = a;
    }
    if (ts_node_is_null(arg)) return;
    TSNode scope = scope_of(call);
    scope_ = scope;
    aliases_.clear();
    Statement st;
    std::vector<TSNode> parts;
    TSNode bare = strip(arg), root{};
    bool local = is(bare, "identifier");
    if (local) {
      if (!local_statement(scope, text(bare), &parts, &st, 0, ts_node_start_byte(call))) return;
    } else if (statement(bare, &root)) {
      parts.push_back(bare);
    } else if (!ts_node_is_null(root) && local_statement(scope, text(root), &parts, &st, 0, ts_node_start_byte(call))) {
      parts.push_back(bare);  // execute(query.execution_options(...))
      local = true;
    } else if (TSNode def = statement_function(bare); !ts_node_is_null(def)) {
      returned_parts(def, &st);  // session.execute(_select_due_runs(db, now))
    } else if (TSNode made{}; refined_result(bare, &made)) {
      parts.push_back(bare);
      st.not_read.push_back({ts_node_start_byte(bare), "the statement is built by " + callee(made) + "(), which is not read"});
    } else {
      return;
    }
    std::set<std::string> followed;
    if (local) followed.insert(std::string(text(is(bare, "identifier") ? bare : root)));
    for (TSNode p : parts) read(p, scope, &st, &followed);
    for (auto [p, def] : st.returned) {
      std::set<std::string> own;
      scope_ = def;
      aliases_.clear();
      read(p, def, &st, &own);
    }
    if (st.returned.empty() && parts.empty()) return;
    if (st.requirements.empty()) return;
    for (TSNode p : parts) read_.push_back({ts_node_start_byte(p), ts_node_end_byte(p)});
    emit(local && !parts.empty() ? parts.front() : bare, &st, local ? std::string(text(field(fn, "attribute"))) : "", ts_node_start_byte(call));
    out_->statement_arguments.push_back(ts_node_start_byte(arg));
  }

  /// One unit: the statement shown by `shown`, its requirements and what was not read.
  void emit(TSNode shown_node, Statement* st, const std::string& runs_through, uint32_t runs_at) {
    size_t unit = out_->requirements.units.size();
    std::string shown;
    for (char c : text(shown_node)) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && (shown.empty() || shown.back() == ' ')) continue;
      shown.push_back(c);
      if (shown.size() >= 160) break;
    }
    requirements::Unit u{std::string(in_.path), "sqlalchemy statement " + shown, "", 0, ""};
    if (!runs_through.empty()) u.runs_through = runs_through, u.runs_at = runs_at;
    out_->requirements.units.push_back(std::move(u));
    for (auto& r : st->requirements) {
      r.unit = unit;
      out_->requirements.requirements.push_back(std::move(r));
    }
    for (auto& [at, reason] : st->not_read) out_->unchecked.push_back({at, "sqlalchemy statement", reason, unit});
  }

  bool inside_read(TSNode n) const {
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    for (auto& [rb, re] : read_)
      if (b >= rb && e <= re) return true;
    return false;
  }

  /// An ORM Query chain (`db_session.query(Incident).filter(Incident.status == s).all()`), or a
  /// refinement of a local holding one (`query = query.filter(Incident.project_id == p)`), that
  /// no executed statement read: a unit of the names it spells. The whole chain, as written, is
  /// the unit; a local it starts from is read where that local is built.
  void queried(TSNode call) {
    TSNode parent = ts_node_parent(call);
    if (is(parent, "attribute") && ts_node_eq(field(parent, "object"), call)) return;  // not the chain's end
    if (is(parent, "await") || is(parent, "parenthesized_expression")) {
      TSNode up = ts_node_parent(parent);
      if (is(up, "attribute") && ts_node_eq(field(up, "object"), parent)) return;
    }
    if (inside_read(call)) return;
    TSNode root{};
    bool orm_query = false;
    std::set<std::string> followed;
    scope_ = scope_of(call);
    aliases_.clear();
    if (statement(call, &root, &orm_query)) {
      if (!orm_query) return;  // select(...) unexecuted: a subquery, or run elsewhere
    } else {
      if (ts_node_is_null(root) || !is(strip(call), "call")) return;
      // a refinement of a local Query: its own clauses only
      std::vector<TSNode> values;
      if (!assignments(scope_, text(root), &values, ts_node_start_byte(call))) return;
      bool query = false;
      for (TSNode v : values) {
        bool q = false;
        if (statement(v, nullptr, &q) && q) query = true;
      }
      if (!query) return;
      followed.insert(std::string(text(root)));
    }
    Statement st;
    read(call, scope_, &st, &followed);
    if (st.requirements.empty()) return;
    read_.push_back({ts_node_start_byte(call), ts_node_end_byte(call)});
    emit(call, &st, "", 0);
  }

  /// Executed statements first (they read the locals they are built from), then the ORM Query
  /// chains none of them read.
  void walk(TSNode n, int depth, bool queries) {
    if (depth > 300) return;
    if (is(n, "call")) {
      if (queries) queried(n);
      else executed(n);
    }
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i) walk(ts_node_named_child(n, i), depth + 1, queries);
  }
};

/// `.query(` or `.query.`, also with white space or a line continuation between: indico writes
/// `(EventReminder.query` and `.filter(...)` on the next line.
bool names_query(std::string_view text) {
  for (size_t at = text.find(".query"); at != std::string_view::npos; at = text.find(".query", at + 1)) {
    size_t i = at + 6;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r' || text[i] == '\\')) ++i;
    if (i < text.size() && (text[i] == '(' || text[i] == '.')) return true;
  }
  return false;
}

bool relevant(std::string_view text) {
  // session.query(Model): a service module need not import sqlalchemy to call it.
  if (names_query(text)) return true;
  if (text.find("sqlalchemy") == std::string_view::npos && text.find("sqlmodel") == std::string_view::npos) return false;
  for (std::string_view call : {".execute(", ".scalar(", ".scalars(", ".stream(", ".stream_scalars(", ".exec("})
    if (text.find(call) != std::string_view::npos) return true;
  return false;
}

/// A file that calls a Query helper of the project (query_helpers()). The gate words ask for
/// `query(` in the text: a helper whose name does not end in `query` is not followed from
/// another file.
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  if (relevant(text)) return true;
  if (!facts) return false;
  for (auto it = facts->lower_bound(kQueryHelper); it != facts->end() && it->first.starts_with(kQueryHelper); ++it)
    if (text.find(it->first.substr(kQueryHelper.size()) + "(") != std::string_view::npos) return true;
  return false;
}

/// Whether a file may define a Query helper (query_helpers()), read lexically from each `.query`
/// back: it stands in a `return` (on the return's line or the two after it) that is the first
/// statement (comments, blank lines and a docstring aside) of a `def` at the file's level whose
/// parameters hold no comma. The index parses each file it reads whole: `def ` and `.query`
/// anywhere sent four of synapse's largest files (255 KB) to it, 5% of a check; and reading
/// every line of every file that names `.query` cost 1% more.
bool index_reads(std::string_view path, std::string_view text) {
  if (!path.ends_with(".py")) return false;
  auto line_start = [&](size_t at) {
    size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  auto indented_code = [&](size_t start) {  // the line's text after its indentation
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
    size_t first = line.find_first_not_of(" \t\r");
    return first == std::string_view::npos ? std::string_view() : line.substr(first);
  };
  for (size_t q = text.find(".query"); q != std::string_view::npos; q = text.find(".query", q + 6)) {
    // The return: this line or one of the two before it.
    size_t ret = std::string_view::npos;
    for (size_t start = line_start(q), k = 0; k < 3; ++k) {
      std::string_view code = indented_code(start);
      if (code.starts_with("return") && code.data() != text.data() + start) {
        ret = start;
        break;
      }
      if (start == 0) break;
      start = line_start(start - 1);
    }
    if (ret == std::string_view::npos) continue;
    // Back from the return to the def: only blank lines, comments and a docstring between.
    bool in_docstring = false, ok = true;
    size_t start = ret;
    while (ok && start > 0) {
      start = line_start(start - 1);
      std::string_view code = indented_code(start);
      bool quotes = code.find("\"\"\"") != std::string_view::npos || code.find("\'\'\'") != std::string_view::npos;
      if (in_docstring) {
        if (quotes) in_docstring = false;  // its first line (or a one-line one, met closing first)
        continue;
      }
      if (code.empty() || code[0] == '#') continue;
      if (text.substr(start, 4) == "def ") break;
      if (quotes && (code.ends_with("\"\"\"") || code.ends_with("\'\'\'"))) {
        // A docstring's last line, or a whole one-line docstring.
        bool one_line = (code.starts_with("\"\"\"") || code.starts_with("\'\'\'")) && code.size() >= 6;
        in_docstring = !one_line;
        continue;
      }
      ok = false;
    }
    if (!ok || text.substr(start, 4) != "def ") continue;
    size_t open = text.find('(', start), close = open == std::string_view::npos ? open : text.find(')', open);
    if (close == std::string_view::npos || close > ret) continue;
    std::string_view params = text.substr(open + 1, close - open - 1);
    if (params.find(',') == std::string_view::npos && params.find_first_not_of(" \t\r\n") != std::string_view::npos)
      return true;
  }
  return false;
}

/// The Query helpers a module defines, for the files that call them.
void index(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  if (ts_node_is_null(in.root) || !in.path.ends_with(".py")) return;
  for (const std::string& name : query_helpers(in.text, in.root))
    out->push_back({std::string(kQueryHelper) + name, std::string(in.path.substr(0, in.path.size() - 3))});
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root) || !in.path.ends_with(".py")) return;
  // A test's statements meet the database its own setup builds (create_all()); the migrations
  // describe tables, they run no model statements of the application.
  if (source::is_test_file(in.path) || in.path.starts_with("tests/") || in.path.find("/tests/") != std::string_view::npos ||
      in.path.find("/migrations/") != std::string_view::npos || in.path.find("/versions/") != std::string_view::npos ||
      in.path.find("/alembic/") != std::string_view::npos || in.path.starts_with("alembic/") || in.path.starts_with("migrations/"))
    return;
  if (!source::other_engine_of_code(in.path, in.text).empty()) return;
  StatementReader(in, out).run();
}

}  // namespace

extern const DataLayer kSqlalchemyStatements{.name = "sqlalchemy statement",
                                             .languages = {"python"},
                                             .relevant = relevant,
                                             .extract = extract,
                                             .index = index,
                                             .index_reads = index_reads,
                                             .relevant_in = relevant_in,
                                             .relevant_words = {".query", "sqlalchemy", "sqlmodel"},
                                             // relevant's words, and the call of a Query helper the
                                             // index found: its name, lemur's session_query, ends
                                             // so. Without them every Python file was asked (5% of
                                             // a check of synapse, which has no SQLAlchemy).
                                             .relevant_in_words = {".query", "query(", "sqlalchemy", "sqlmodel"},
                                             .index_words = {".query"}};

}  // namespace schemagate::datalayers
