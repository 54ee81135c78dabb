// Synapse's DatabasePool helpers as requirements. Most of element-hq/synapse's storage code never
// spells SQL: `self.db_pool.simple_select_one(table="users", keyvalues={"name": n},
// retcols=("password_hash", "is_guest"))` builds `SELECT password_hash, is_guest FROM users WHERE
// name = ?` at run time from the table and column names it is given as literals. Each call of a
// helper is one site: its table, the columns it selects, filters on, inserts or updates, read
// from the arguments by the helper's parameter list (one row per helper in kHelpers, as
// synapse/storage/database.py declares them), whether given by keyword or by position.
//
// What cannot be told leaves the site unchecked or partly checked, never a guess: a table given
// as a variable (the helpers' own bodies, background updates over a table list), columns in a
// variable or a dict with a splat, a `retcol` that is an SQL expression (`"MAX(stream_ordering)"`),
// an upsert's `where_clause`. Calls on a SQLite store (the port script's `sqlite_store`), in a
// branch of another engine (`elif isinstance(self.database_engine, Sqlite3Engine):`,
// python_engine_branches.h) and in test files are not read: they meet another database.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/python_engine_branches.h"
#include "analyzers/languages/python_tokens.h"
#include "analyzers/schema/migrations/code/python_value.h"
#include "analyzers/source/discovery.h"

namespace schemagate::datalayers {

namespace {

using schema::migrations::code::PyReader;
using schema::migrations::code::PyValue;
using K = PyValue::Kind;

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }
TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }

/// What a helper does with one parameter:
///   t  the table                   R  dict: keys are columns it filters on
///   I  dict: keys inserted          W  dict: keys updated
///   U  dict: keys inserted, or updated on conflict (an upsert's values)
///   r  collection of columns read   c  one column read
///   i  collection of columns inserted
///   u  collection of columns inserted, or updated on conflict (an upsert's value names)
///   x  an SQL fragment (where_clause): unchecked unless None
///   -  no name (the transaction, values, a description)
struct Helper {
  std::string_view name;
  enum Kind { kSelect, kInsert, kUpdate, kDelete, kUpsert } kind;
  std::vector<std::pair<std::string_view, char>> params;  ///< after self / cls
};

const std::vector<Helper>& helpers() {
  using H = Helper;
  static const std::vector<Helper> table = {
      {"simple_insert", H::kInsert, {{"table", 't'}, {"values", 'I'}, {"desc", '-'}}},
      {"simple_insert_txn", H::kInsert, {{"txn", '-'}, {"table", 't'}, {"values", 'I'}}},
      {"simple_insert_returning_txn", H::kInsert, {{"txn", '-'}, {"table", 't'}, {"values", 'I'}, {"returning", 'r'}}},
      {"simple_insert_many", H::kInsert, {{"table", 't'}, {"keys", 'i'}, {"values", '-'}, {"desc", '-'}}},
      {"simple_insert_many_txn", H::kInsert, {{"txn", '-'}, {"table", 't'}, {"keys", 'i'}, {"values", '-'}}},
      {"simple_upsert", H::kUpsert,
       {{"table", 't'}, {"keyvalues", 'I'}, {"values", 'U'}, {"insertion_values", 'I'}, {"where_clause", 'x'}, {"desc", '-'}}},
      {"simple_upsert_txn", H::kUpsert,
       {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'I'}, {"values", 'U'}, {"insertion_values", 'I'}, {"where_clause", 'x'}}},
      {"simple_upsert_txn_emulated", H::kUpsert,
       {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'I'}, {"values", 'U'}, {"insertion_values", 'I'}, {"where_clause", 'x'}, {"lock", '-'}}},
      {"simple_upsert_txn_native_upsert", H::kUpsert,
       {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'I'}, {"values", 'U'}, {"insertion_values", 'I'}, {"where_clause", 'x'}}},
      {"simple_upsert_many", H::kUpsert,
       {{"table", 't'}, {"key_names", 'i'}, {"key_values", '-'}, {"value_names", 'u'}, {"value_values", '-'}, {"desc", '-'}}},
      {"simple_upsert_many_txn", H::kUpsert,
       {{"txn", '-'}, {"table", 't'}, {"key_names", 'i'}, {"key_values", '-'}, {"value_names", 'u'}, {"value_values", '-'}}},
      {"simple_upsert_many_txn_emulated", H::kUpsert,
       {{"txn", '-'}, {"table", 't'}, {"key_names", 'i'}, {"key_values", '-'}, {"value_names", 'u'}, {"value_values", '-'}}},
      {"simple_upsert_many_txn_native_upsert", H::kUpsert,
       {{"txn", '-'}, {"table", 't'}, {"key_names", 'i'}, {"key_values", '-'}, {"value_names", 'u'}, {"value_values", '-'}}},
      {"simple_select_one", H::kSelect, {{"table", 't'}, {"keyvalues", 'R'}, {"retcols", 'r'}, {"allow_none", '-'}, {"desc", '-'}}},
      {"simple_select_one_txn", H::kSelect, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}, {"retcols", 'r'}, {"allow_none", '-'}}},
      {"simple_select_one_onecol", H::kSelect, {{"table", 't'}, {"keyvalues", 'R'}, {"retcol", 'c'}, {"allow_none", '-'}, {"desc", '-'}}},
      {"simple_select_one_onecol_txn", H::kSelect, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}, {"retcol", 'c'}, {"allow_none", '-'}}},
      {"simple_select_onecol", H::kSelect, {{"table", 't'}, {"keyvalues", 'R'}, {"retcol", 'c'}, {"desc", '-'}}},
      {"simple_select_onecol_txn", H::kSelect, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}, {"retcol", 'c'}}},
      {"simple_select_list", H::kSelect, {{"table", 't'}, {"keyvalues", 'R'}, {"retcols", 'r'}, {"desc", '-'}}},
      {"simple_select_list_txn", H::kSelect, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}, {"retcols", 'r'}}},
      {"simple_select_many_batch", H::kSelect,
       {{"table", 't'}, {"column", 'c'}, {"iterable", '-'}, {"retcols", 'r'}, {"keyvalues", 'R'}, {"desc", '-'}, {"batch_size", '-'}}},
      {"simple_select_many_txn", H::kSelect,
       {{"txn", '-'}, {"table", 't'}, {"column", 'c'}, {"iterable", '-'}, {"keyvalues", 'R'}, {"retcols", 'r'}}},
      {"simple_select_list_paginate_txn", H::kSelect,
       {{"txn", '-'}, {"table", 't'}, {"orderby", 'c'}, {"start", '-'}, {"limit", '-'}, {"retcols", 'r'}, {"filters", 'R'},
        {"keyvalues", 'R'}, {"exclude_keyvalues", 'R'}, {"order_direction", '-'}}},
      {"simple_update", H::kUpdate, {{"table", 't'}, {"keyvalues", 'R'}, {"updatevalues", 'W'}, {"desc", '-'}}},
      {"simple_update_txn", H::kUpdate, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}, {"updatevalues", 'W'}}},
      {"simple_update_one", H::kUpdate, {{"table", 't'}, {"keyvalues", 'R'}, {"updatevalues", 'W'}, {"desc", '-'}}},
      {"simple_update_one_txn", H::kUpdate, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}, {"updatevalues", 'W'}}},
      {"simple_update_many", H::kUpdate,
       {{"table", 't'}, {"key_names", 'r'}, {"key_values", '-'}, {"value_names", 'w'}, {"value_values", '-'}, {"desc", '-'}}},
      {"simple_update_many_txn", H::kUpdate,
       {{"txn", '-'}, {"table", 't'}, {"key_names", 'r'}, {"key_values", '-'}, {"value_names", 'w'}, {"value_values", '-'}}},
      {"simple_delete", H::kDelete, {{"table", 't'}, {"keyvalues", 'R'}, {"desc", '-'}}},
      {"simple_delete_txn", H::kDelete, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}}},
      {"simple_delete_one", H::kDelete, {{"table", 't'}, {"keyvalues", 'R'}, {"desc", '-'}}},
      {"simple_delete_one_txn", H::kDelete, {{"txn", '-'}, {"table", 't'}, {"keyvalues", 'R'}}},
      {"simple_delete_many", H::kDelete, {{"table", 't'}, {"column", 'c'}, {"iterable", '-'}, {"keyvalues", 'R'}, {"desc", '-'}}},
      {"simple_delete_many_txn", H::kDelete, {{"txn", '-'}, {"table", 't'}, {"column", 'c'}, {"values", '-'}, {"keyvalues", 'R'}}},
      {"simple_delete_many_batch_txn", H::kDelete, {{"txn", '-'}, {"table", 't'}, {"keys", 'r'}, {"values", '-'}}},
  };
  return table;
}

const Helper* helper_named(std::string_view name) {
  for (const Helper& h : helpers())
    if (h.name == name) return &h;
  return nullptr;
}

/// A name PostgreSQL reads as the column itself: lower-case letters, digits, underscores.
bool plain_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

/// The deepest call read (named nodes from the root): a file nested deeper is no storage code.
constexpr int kMaxDepth = 400;

/// The calls of a helper in the tree of `text`, in document order (an enclosing call before the
/// calls in its arguments), as a walk of every node would meet them: found from the places the
/// text spells a helper's name, each the `attribute` of an attribute that is a call's function.
/// A name in a string or a comment is no identifier; one that is not a call's attribute is not
/// called. Reads the nodes around those names only, not the whole tree.
std::vector<TSNode> helper_calls(TSNode root, std::string_view text) {
  std::vector<TSNode> calls;
  std::vector<TSNode> path;  // the visible nodes from the root down to the name
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (size_t at = text.find("simple_"); at != std::string_view::npos; at = text.find("simple_", at + 7)) {
    auto begin = static_cast<uint32_t>(at);
    ts_tree_cursor_reset(&cursor, root);
    path.assign(1, root);
    // To the child that holds the name's first byte (the first ending past it: not the `.`).
    while (ts_tree_cursor_goto_first_child_for_byte(&cursor, begin + 1) >= 0) {
      TSNode n = ts_tree_cursor_current_node(&cursor);
      if (ts_node_start_byte(n) > begin) break;
      path.push_back(n);
    }
    if (path.size() < 3) continue;
    TSNode id = path.back(), attribute = path[path.size() - 2], call = path[path.size() - 3];
    if (ts_node_start_byte(id) != begin || !is(id, "identifier")) continue;
    if (!is(attribute, "attribute") || !ts_node_eq(field(attribute, "attribute"), id)) continue;
    if (!is(call, "call") || !ts_node_eq(field(call, "function"), attribute)) continue;
    if (!helper_named(text.substr(begin, ts_node_end_byte(id) - begin))) continue;
    // A walk of named children from the root reaches the call at its count of named ancestors.
    long depth = std::count_if(path.begin(), path.end() - 3, [](TSNode n) { return ts_node_is_named(n); });
    if (depth > kMaxDepth) continue;
    calls.push_back(call);
  }
  ts_tree_cursor_delete(&cursor);
  // By start, the enclosing call (the longer one) first: the order of a walk from the root.
  std::sort(calls.begin(), calls.end(), [](TSNode a, TSNode b) {
    uint32_t sa = ts_node_start_byte(a), sb = ts_node_start_byte(b);
    return sa != sb ? sa < sb : ts_node_end_byte(a) > ts_node_end_byte(b);
  });
  return calls;
}

struct Reader {
  const FileInput& in;
  FileOutput* out;
  // Read on the first call of a helper on the pool: most files a word search lets in have none.
  std::optional<PyReader> py;
  std::optional<languages::PythonEngineBranches> branches;

  Reader(const FileInput& input, FileOutput* output) : in(input), out(output) {}

  std::string_view text(TSNode n) const {
    return in.text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }

  /// A receiver that is synapse's DatabasePool: `self.db_pool`, `db_pool`, `DatabasePool`.
  static bool database_pool(std::string_view receiver) {
    if (receiver.find("sqlite") != std::string_view::npos) return false;  // the port script's source
    return receiver == "DatabasePool" || receiver == "db_pool" || receiver.ends_with(".db_pool");
  }

  void read_calls() {
    for (TSNode n : helper_calls(in.root, in.text)) call(n);
  }

  struct Name {
    std::string text;
    uint32_t begin = 0, end = 0;
  };

  /// A string argument's value and the bytes of its text in the file.
  static bool str(const PyValue& v, Name* name, uint32_t at) {
    if (!v.is_str()) return false;
    name->text = v.text;
    if (v.offsets.size() == v.text.size() && !v.offsets.empty())
      name->begin = v.offsets.front(), name->end = v.offsets.back() + 1;
    else
      name->begin = name->end = at;
    return true;
  }

  void call(TSNode n) {
    TSNode fn = field(n, "function");
    if (!is(fn, "attribute")) return;
    const Helper* h = helper_named(text(field(fn, "attribute")));
    if (!h || !database_pool(text(field(fn, "object")))) return;
    uint32_t at = ts_node_start_byte(field(fn, "attribute"));
    if (!branches) branches.emplace(in.text, in.root);
    if (!branches->engine_of(ts_node_start_byte(n), {}).empty()) return;  // a SQLite branch: another database
    std::string via = "synapse " + std::string(h->name) + "()";
    if (!py) py.emplace(in.text, in.root);
    PyValue v = py->eval(n);
    if (v.kwarg("*")) {
      out->unchecked.push_back({at, via, "arguments passed as *args or **kwargs"});
      return;
    }
    // Each parameter's argument, by keyword or position.
    std::vector<const PyValue*> args(h->params.size(), nullptr);
    if (v.items.size() > h->params.size()) return;  // not this helper's signature
    for (size_t i = 0; i < v.items.size(); ++i) args[i] = &v.items[i];
    for (const auto& kw : v.kwargs) {
      bool known = false;
      for (size_t i = 0; i < h->params.size(); ++i)
        if (h->params[i].first == kw.first) args[i] = &kw.second, known = true;
      if (!known) return;  // not this helper's signature
    }
    Name table;
    for (size_t i = 0; i < h->params.size(); ++i)
      if (h->params[i].second == 't') {
        if (!args[i] || !str(*args[i], &table, at) || !plain_identifier(table.text)) {
          out->unchecked.push_back({at, via, "the table name is only known at run time"});
          return;
        }
      }
    size_t unit = out->requirements.units.size();
    std::string fingerprint = std::string(h->name) + "(" + table.text;
    std::vector<std::pair<Name, requirements::Use>> columns;
    std::vector<std::string> unknown;  // parts that cannot be read
    std::vector<std::string> inserted;
    bool inserted_known = true;
    for (size_t i = 0; i < h->params.size(); ++i) {
      char role = h->params[i].second;
      if (role == '-' || role == 't') continue;
      const PyValue* a = args[i];
      std::string param(h->params[i].first);
      if (!a || a->is(K::None)) continue;
      if (role == 'x') {
        unknown.push_back(param + " is an SQL fragment");
        continue;
      }
      requirements::Use use = role == 'I' || role == 'i' || role == 'U' || role == 'u' ? requirements::Use::Insert
                              : role == 'W' || role == 'w'                          ? requirements::Use::Write
                                                                                     : requirements::Use::Read;
      bool insert = use == requirements::Use::Insert;
      std::vector<Name> names;
      bool complete = true;
      if (role == 'R' || role == 'I' || role == 'W' || role == 'U') {
        std::string_view span = in.text.substr(a->begin, a->end - a->begin);
        if (!a->is(K::Dict) || a->kwargs.size() != a->items.size() || span.find("**") != std::string_view::npos) {
          complete = false;
        } else {
          for (const auto& kw : a->kwargs) {
            Name nm;
            nm.text = kw.first;
            // the key's bytes: the string before the value
            nm.begin = nm.end = a->begin;
            size_t q = span.find("\"" + kw.first + "\"");
            if (q == std::string_view::npos) q = span.find("'" + kw.first + "'");
            if (q != std::string_view::npos) nm.begin = a->begin + static_cast<uint32_t>(q) + 1, nm.end = nm.begin + static_cast<uint32_t>(kw.first.size());
            names.push_back(nm);
          }
        }
      } else if (role == 'c') {
        Name nm;
        if (!str(*a, &nm, at)) complete = false;
        else names.push_back(nm);
      } else {  // r, i, u, w: a collection of names
        if (!a->is(K::List)) {
          complete = false;
        } else {
          for (const PyValue& item : a->items) {
            Name nm;
            if (!str(item, &nm, at)) { complete = false; continue; }
            names.push_back(nm);
          }
        }
      }
      if (!complete) {
        unknown.push_back(param + " is only known at run time");
        if (insert) inserted_known = false;
      }
      for (const Name& nm : names) {
        if (!plain_identifier(nm.text)) {  // an expression (`COUNT(*)`), a quoted name
          unknown.push_back(param + " \"" + nm.text + "\" is an SQL expression");
          if (insert) inserted_known = false;
          continue;
        }
        columns.push_back({nm, use});
        if (insert) inserted.push_back(nm.text);
        fingerprint += " " + nm.text;
      }
    }
    fingerprint += ")";
    out->requirements.units.push_back({std::string(in.path), fingerprint, "", 0, ""});
    const char* verb = h->kind == Helper::kSelect ? "reads" : h->kind == Helper::kInsert ? "inserts into"
                       : h->kind == Helper::kUpsert ? "upserts into" : h->kind == Helper::kUpdate ? "updates" : "deletes from";
    std::string fix = "add a schema delta (synapse/storage/schema/<database>/delta/) that creates it before deploying this code";
    requirements::Requirement rel;
    rel.object = requirements::Object::Relation;
    rel.schema = in.default_schema;
    rel.relation = table.text;
    rel.span = {table.begin, table.end};
    rel.unit = unit;
    rel.use = h->kind == Helper::kSelect ? requirements::Use::Read
              : h->kind == Helper::kInsert || h->kind == Helper::kUpsert ? requirements::Use::Insert
                                                                           : requirements::Use::Write;
    if (rel.use == requirements::Use::Insert) {
      std::set<std::string> seen;
      for (const std::string& c : inserted)
        if (seen.insert(c).second) rel.insert_columns.push_back(c);
      rel.insert_columns_known = inserted_known;
    }
    rel.describe = "synapse's DatabasePool." + std::string(h->name) + " " + verb + " table " + table.text;
    rel.fix = fix;
    out->requirements.requirements.push_back(rel);
    std::set<std::pair<std::string, int>> done;
    for (auto& [nm, use] : columns) {
      if (!done.insert({nm.text, static_cast<int>(use)}).second) continue;
      requirements::Requirement r;
      r.object = requirements::Object::Column;
      r.schema = in.default_schema;
      r.relation = table.text;
      r.column = nm.text;
      r.span = {nm.begin, nm.end};
      r.unit = unit;
      r.use = use;
      r.describe = "synapse's DatabasePool." + std::string(h->name) + " names column " + table.text + "." + nm.text +
                   " in the statement it builds";
      r.fix = "add a schema delta (synapse/storage/schema/<database>/delta/) that adds it before deploying this code";
      out->requirements.requirements.push_back(r);
    }
    for (const std::string& u : unknown) out->unchecked.push_back({at, via, u, unit});
  }
};

/// A file that names the pool and calls one of its helpers in code (python_tokens.h): not
/// `from wsgiref.simple_server import ...`, nor a helper named in a comment.
bool relevant(std::string_view text) {
  if (text.find(".simple_") == std::string_view::npos ||
      (text.find("db_pool") == std::string_view::npos && text.find("DatabasePool") == std::string_view::npos))
    return false;
  static const std::vector<std::string_view> kNames = [] {
    std::vector<std::string_view> names;
    for (const Helper& h : helpers()) names.push_back(h.name);
    return names;
  }();
  return languages::python_calls_one_of(text, kNames);
}

/// Tests meet a database of their own: their calls are not read.
bool reads_path(std::string_view path) {
  return !(source::is_test_file(path) || path.starts_with("tests/") || path.find("/tests/") != std::string_view::npos);
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root) || !reads_path(in.path)) return;
  Reader(in, out).read_calls();
}

// A body the scan reads: one that calls a helper (pipeline/body_gate.cpp blanks the others).
bool reads_body(std::string_view code) { return code.find("simple_") != std::string_view::npos; }

}  // namespace

extern const DataLayer kSynapseDatabasePool{.name = "synapse-database-pool",
                                            .languages = {"python"},
                                            .relevant = relevant,
                                            .extract = extract,
                                            .reads_path = reads_path,
                                            .reads_body = reads_body,
                                            .relevant_words = {".simple_"}};

}  // namespace schemagate::datalayers
