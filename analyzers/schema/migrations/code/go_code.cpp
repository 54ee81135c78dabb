// Reading Go upgrade functions; see go_code.h for the why. The SQL strings come from the Go
// extractor itself (languages/go.cpp through the shared engine), so a migration follows the same
// constants, `+` chains and package-level names as the application's queries do; this file only
// walks an upgrade function in source order and keeps the statements its Exec calls run.
#include "analyzers/schema/migrations/code/go_code.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>

#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/gated_read.h"

namespace schemagate::schema::migrations::code {

namespace {

using languages::field;
using languages::node_is;

/// Calls that run their SQL argument and return no rows: the statements of a migration. Query
/// and QueryRow read (a data migration's loop); they change nothing the model follows.
/// Whether `block` (an if's consequence) ends the function successfully: a `return nil` (or a
/// bare `return`) among its statements, and no other return.
bool returns_success(TSNode block) {
  if (ts_node_is_null(block)) return false;
  TSNode list = block;
  if (ts_node_named_child_count(block) == 1 && node_is(ts_node_named_child(block, 0), "statement_list"))
    list = ts_node_named_child(block, 0);
  bool success = false;
  for (uint32_t i = 0, n = ts_node_named_child_count(list); i < n; ++i) {
    TSNode st = ts_node_named_child(list, i);
    if (!node_is(st, "return_statement")) continue;
    TSNode value = ts_node_named_child_count(st) > 0 ? ts_node_named_child(st, 0) : TSNode{};
    if (node_is(value, "expression_list") && ts_node_named_child_count(value) == 1) value = ts_node_named_child(value, 0);
    if (!ts_node_is_null(value) && !node_is(value, "nil")) return false;
    success = true;
  }
  return success;
}

/// The first word of `sql`, in lower case.
std::string first_word(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size() && (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == '(')) ++i;
  std::string word;
  while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])))
    word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i++]))));
  return word;
}

/// Whether `sql` starts with a cursor's statement: it needs the transaction block the code's
/// handle (a *sql.Tx) is, and changes no schema.
bool cursor_statement(std::string_view sql) {
  std::string w = first_word(sql);
  return w == "declare" || w == "fetch" || w == "move" || w == "close";
}

/// Whether `sql` starts with a statement that changes data, not the schema.
bool data_statement(std::string_view sql) {
  std::string w = first_word(sql);
  return w == "update" || w == "insert" || w == "delete" || w == "select" || w == "with" || w == "merge" ||
         cursor_statement(sql);
}

bool is_exec(std::string_view name) {
  return name == "Exec" || name == "ExecContext" || name == "MustExec" || name == "MustExecContext";
}

std::string_view callee_name(TSNode call, std::string_view text, bool* method) {
  TSNode fn = field(call, "function");
  *method = node_is(fn, "selector_expression");
  if (*method) fn = field(fn, "field");
  if (!node_is(fn, "identifier") && !node_is(fn, "field_identifier")) return {};
  return languages::node_text(fn, text);
}

std::vector<TSNode> arguments(TSNode call) {
  std::vector<TSNode> out;
  TSNode args = field(call, "arguments");
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode a = ts_node_named_child(args, i);
    if (!node_is(a, "comment")) out.push_back(a);
  }
  return out;
}

/// A context argument: `ctx`, `c.Context()`, `context.Background()`.
bool is_context(TSNode arg, std::string_view text) {
  std::string s(languages::node_text(arg, text));
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s.find("ctx") != std::string::npos || s.find("context") != std::string::npos;
}

}  // namespace

std::vector<std::string> words_in_go_strings(std::string_view text) {
  std::vector<std::string> words;
  auto add_words = [&](std::string_view lit) {
    size_t i = 0;
    while (i < lit.size()) {
      unsigned char c = static_cast<unsigned char>(lit[i]);
      if (std::isalpha(c) || c == '_') {
        size_t start = i;
        while (i < lit.size() && (std::isalnum(static_cast<unsigned char>(lit[i])) || lit[i] == '_')) ++i;
        std::string w(lit.substr(start, i - start));
        for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        words.push_back(std::move(w));
      } else {
        ++i;
      }
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "//") == 0) {
      size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? text.size() : nl;
    } else if (text[i] == '"' || text[i] == '`') {
      char q = text[i];
      size_t j = i + 1;
      while (j < text.size() && text[j] != q && !(q == '"' && text[j] == '\n')) j += (q == '"' && text[j] == '\\') ? 2 : 1;
      add_words(text.substr(i + 1, std::min(j, text.size()) - i - 1));
      i = j;
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<std::string> go_files(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> names;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir)))
    if (!e.is_dir && e.name.ends_with(".go") && !e.name.ends_with("_test.go")) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

std::string go_list_file(const source::FileSystem& fs, const std::string& root, const std::string& dir, GoListTest test) {
  for (const std::string& f : go_files(fs, root, dir)) {
    std::string path = source::join_path(dir, f), text, err;
    if (!source::read_if(fs, on_disk(root, path), *test.may, &text, &err)) continue;
    if (test.may_parse && !test.may_parse(text)) continue;
    GoMigrationCode go(path, text, nullptr);
    if (go.ok() && test.holds(go)) return f;
  }
  return "";
}

std::vector<std::string> go_list_dirs(const source::FileSystem& fs, const std::string& root, GoListTest test) {
  std::set<std::string> dirs;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    if (!path.ends_with(".go") || path.ends_with("_test.go")) continue;
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    if (dirs.count(dir)) continue;
    std::string text, err;
    if (!source::read_if(fs, on_disk(root, path), *test.may, &text, &err)) continue;
    if (test.may_parse && !test.may_parse(text)) continue;
    GoMigrationCode go(path, text, nullptr);
    if (go.ok() && test.holds(go)) dirs.insert(dir);
  }
  return {dirs.begin(), dirs.end()};
}

struct DirectoryWords::File {
  std::string path, text;  // GoMigrationCode keeps references to both
  std::unique_ptr<GoMigrationCode> go;  // parsed at the first helper it declares
};

DirectoryWords::DirectoryWords(const source::FileSystem& fs, std::string root, std::string dir)
    : fs_(fs), root_(std::move(root)), dir_(std::move(dir)) {}

DirectoryWords::~DirectoryWords() = default;

std::vector<std::string> DirectoryWords::operator()(const std::vector<std::string>& names) {
  if (!read_) {
    read_ = true;
    for (const std::string& f : go_files(fs_, root_, dir_)) {
      auto file = std::make_unique<File>();
      file->path = source::join_path(dir_, f);
      std::string err;
      if (!fs_.read(on_disk(root_, file->path), &file->text, &err)) continue;
      for (std::string& w : words_in_go_strings(file->text)) all_.push_back(std::move(w));
      files_.push_back(std::move(file));
    }
  }
  std::vector<std::string> out;
  std::set<std::string> found;
  for (const std::unique_ptr<File>& file : files_)
    for (const std::string& name : names) {
      if (name.find('.') != std::string::npos || file->text.find("func " + name + "(") == std::string::npos) continue;
      if (!file->go) file->go = std::make_unique<GoMigrationCode>(file->path, file->text, nullptr);
      TSNode fn = file->go->ok() ? file->go->function(name) : TSNode{};
      if (ts_node_is_null(fn)) continue;
      found.insert(name);
      GoMigrationCode::Steps only;
      only.functions.push_back({ts_node_start_byte(fn), ts_node_end_byte(fn)});
      for (std::string& w : file->go->words_of(only)) out.push_back(std::move(w));
    }
  for (const std::string& name : names)
    if (!found.count(name)) out.insert(out.end(), all_.begin(), all_.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> package_words(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                                       const std::vector<std::string>& names) {
  return DirectoryWords(fs, root, dir)(names);
}

std::string import_dir(const source::FileSystem& fs, const std::string& root, std::string_view path) {
  for (size_t at = 0; at < path.size(); at = path.find('/', at)) {
    if (path[at] == '/') ++at;
    std::string dir(path.substr(at));
    if (!go_files(fs, root, dir).empty()) return dir;
  }
  return "";
}

languages::ProjectConstants package_constants(const source::FileSystem& fs, const std::string& root,
                                              const std::string& dir) {
  std::vector<std::pair<std::string, const languages::Language*>> files;
  for (const std::string& f : go_files(fs, root, dir)) {
    std::string rel = source::join_path(dir, f);
    files.push_back({rel, languages::language_for_path(rel)});
  }
  return languages::collect_project_constants(fs, root, files, 1);
}

GoMigrationCode::GoMigrationCode(const std::string& path, const std::string& text,
                                 const languages::ProjectConstants* package)
    : path_(path), text_(text) {
  const languages::Language* go = languages::language_for_path("x.go");
  parser_ = std::make_unique<languages::Parser>(*go);
  if (!parser_->ok()) return;
  tree_ = parser_->parse(text_);
  if (!tree_) return;
  root_ = ts_tree_root_node(tree_.get());
  package_ = package;
}

const std::vector<languages::SqlSite>& GoMigrationCode::sites() const {
  // At the first statement a step runs: a discovery that only asks whether a file holds a
  // migration list or a registration reads the tree alone (hatchet: two SDK files of 67 KB,
  // extracted for nothing, were 4% of a check without a stored schema).
  if (!sites_read_) {
    sites_read_ = true;
    const languages::Language* go = languages::language_for_path("x.go");
    languages::ExtractInput in{text_, root_, go, nullptr, path_, package_};
    go->extract(in, &sites_);
  }
  return sites_;
}

std::string_view GoMigrationCode::node_text(TSNode n) const { return languages::node_text(n, text_); }

bool GoMigrationCode::syntax_error() const {
  if (!ts_node_has_error(root_)) return false;
  std::vector<TSNode> stack{root_};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "call_expression") && node_text(field(n, "function")) == "new") continue;
    if (ts_node_is_missing(n) || std::string_view(ts_node_type(n)) == "ERROR") return true;
    if (!ts_node_has_error(n)) continue;
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) stack.push_back(ts_node_child(n, i));
  }
  return false;
}

std::vector<TSNode> GoMigrationCode::package_var_specs() const {
  std::vector<TSNode> specs;
  for (uint32_t i = 0; i < ts_node_named_child_count(root_); ++i) {
    TSNode decl = ts_node_named_child(root_, i);
    if (!node_is(decl, "var_declaration")) continue;
    for (uint32_t j = 0; j < ts_node_named_child_count(decl); ++j) {
      TSNode c = ts_node_named_child(decl, j);
      if (node_is(c, "var_spec")) specs.push_back(c);
      if (node_is(c, "var_spec_list"))
        for (uint32_t k = 0; k < ts_node_named_child_count(c); ++k)
          if (node_is(ts_node_named_child(c, k), "var_spec")) specs.push_back(ts_node_named_child(c, k));
    }
  }
  return specs;
}

TSNode GoMigrationCode::function(std::string_view name) const {
  uint32_t n = ts_node_named_child_count(root_);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode d = ts_node_named_child(root_, i);
    if (node_is(d, "function_declaration") && node_text(field(d, "name")) == name) return d;
  }
  return TSNode{};
}

TSNode GoMigrationCode::upgrade_function(TSNode arg) const {
  while (node_is(arg, "parenthesized_expression")) arg = languages::first_named_child(arg);
  if (node_is(arg, "func_literal")) return arg;
  if (node_is(arg, "identifier")) return function(node_text(arg));
  return TSNode{};
}

GoMigrationCode::Steps GoMigrationCode::steps(TSNode fn) const {
  Steps out;
  std::set<uint32_t> running;
  run(fn, &running, &out);
  return out;
}

void GoMigrationCode::run(TSNode fn, std::set<uint32_t>* running, Steps* out) const {
  // The handles: parameters that are neither a context nor a plain value (*sql.Tx, *gorm.DB, pgx.Tx).
  std::set<std::string_view> handles;
  TSNode params = field(fn, "parameters");
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode p = ts_node_named_child(params, i);
    std::string_view type = node_text(field(p, "type"));
    if (type.find('.') == std::string_view::npos || type == "context.Context") continue;
    uint32_t m = ts_node_named_child_count(p);
    for (uint32_t j = 0; j < m; ++j)
      if (node_is(ts_node_named_child(p, j), "identifier")) handles.insert(node_text(ts_node_named_child(p, j)));
  }
  // A helper runs each time it is called; the set of functions on the stack stops recursion.
  if (!running->insert(ts_node_start_byte(fn)).second) return;
  out->functions.push_back({ts_node_start_byte(fn), ts_node_end_byte(fn)});
  walk(field(fn, "body"), handles, running, out);
  running->erase(ts_node_start_byte(fn));
}

void GoMigrationCode::walk(TSNode node, const std::set<std::string_view>& handles, std::set<uint32_t>* visited,
                           Steps* out) const {
  if (ts_node_is_null(node)) return;
  if (node_is(node, "for_statement") && range_of_statements(node, out)) return;
  // A block's statements after an early successful return (`if !hasPrefs { return nil }`) may
  // not run: the data statements among them are not applied (exec), its DDL still is.
  if (node_is(node, "block") || node_is(node, "statement_list")) {
    int outer = guarded_;
    uint32_t k = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode st = ts_node_named_child(node, i);
      walk(st, handles, visited, out);
      if (node_is(st, "if_statement") && returns_success(field(st, "consequence"))) ++guarded_;
    }
    guarded_ = outer;
    return;
  }
  if (node_is(node, "call_expression")) {
    bool method = false;
    std::string_view name = callee_name(node, text_, &method);
    if (method && is_exec(name)) return exec(node, name, out);
    if (!method && !name.empty()) {
      TSNode callee = function(name);
      if (!ts_node_is_null(callee)) {  // a helper of this file: what it runs, runs here
        run(callee, visited, out);
      } else {
        // A function of another file (or package) handed the handle may run anything.
        for (TSNode a : arguments(node))
          if (node_is(a, "identifier") && handles.count(node_text(a))) {
            out->opaque_helper = true;
            out->helpers.push_back(std::string(name));
            out->sql.notes.push_back({ts_node_start_byte(node), "the handle is passed to " + std::string(name) +
                                                                    ", defined in another file: what it runs is not modelled"});
          }
      }
    } else if (method && !name.empty()) {
      TSNode fn = field(field(node, "function"), "operand");
      // pkg.Helper(tx): a function of another package handed the handle.
      if (node_is(fn, "identifier") && !handles.count(node_text(fn)))
        for (TSNode a : arguments(node))
          if (node_is(a, "identifier") && handles.count(node_text(a))) {
            out->opaque_helper = true;
            out->helpers.push_back(std::string(node_text(field(node, "function"))));
            out->sql.notes.push_back({ts_node_start_byte(node), "the handle is passed to " +
                                                                    std::string(node_text(field(node, "function"))) +
                                                                    ": what it runs is not modelled"});
          }
    }
  }
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) walk(ts_node_named_child(node, i), handles, visited, out);
}

void GoMigrationCode::exec(TSNode call, std::string_view name, Steps* out) const {
  if (chain_reader_ && chain_reader_(call, out)) return;
  std::vector<TSNode> args = arguments(call);
  size_t index = name.ends_with("Context") ? 1 : 0;
  if (index == 0 && args.size() >= 2 && is_context(args[0], text_)) index = 1;  // pgx: Exec(ctx, sql, ...)
  const languages::SqlSite* site = nullptr;
  if (index < args.size()) {
    uint32_t at = ts_node_start_byte(args[index]);
    for (const languages::SqlSite& s : sites())
      if (s.host_begin == at && s.database_call) site = &s;
  }
  if (!site || site->dynamic || site->sql.text.find(sql::kHole) != std::string::npos) {
    out->unknown = true;
    out->sql.notes.push_back({ts_node_start_byte(call), std::string(name) +
                                                            " of a statement computed at run time: not modelled; the "
                                                            "names in the strings of this migration are not checked"});
    return;
  }
  if (cursor_statement(site->sql.text)) {
    out->sql.notes.push_back({ts_node_start_byte(call), std::string(name) +
                                                            " of a cursor's statement (the code's transaction holds it): "
                                                            "changes no schema: not applied"});
    return;
  }
  // A data statement with bind parameters runs with the code's values (`UPDATE icons SET
  // external_id = $1 WHERE id = $2` in a loop): without them it cannot run, and it changes no schema.
  bool parameters = false;
  for (size_t k = 0; k + 1 < site->sql.text.size() && !parameters; ++k)
    parameters = site->sql.text[k] == '$' && std::isdigit(static_cast<unsigned char>(site->sql.text[k + 1]));
  if (parameters && data_statement(site->sql.text)) {
    out->sql.notes.push_back({ts_node_start_byte(call), std::string(name) +
                                                            " of a data statement with bind parameters: changes no "
                                                            "schema: not applied"});
    return;
  }
  if (guarded_ > 0 && data_statement(site->sql.text)) {
    out->sql.notes.push_back({ts_node_start_byte(call), std::string(name) +
                                                            " of a data statement after an early return: it may not "
                                                            "run, and changes no schema: not applied"});
    return;
  }
  out->sql.sql += site->sql.text;
  out->sql.origin.insert(out->sql.origin.end(), site->sql.origin.begin(), site->sql.origin.end());
  out->sql.sql += ";\n";
  out->sql.origin.resize(out->sql.sql.size(), ts_node_end_byte(call));
}

bool GoMigrationCode::range_of_statements(TSNode loop, Steps* out) const {
  TSNode clause{}, body = field(loop, "body");
  for (uint32_t i = 0; i < ts_node_named_child_count(loop); ++i)
    if (node_is(ts_node_named_child(loop, i), "range_clause")) clause = ts_node_named_child(loop, i);
  if (ts_node_is_null(clause) || ts_node_is_null(body)) return false;
  TSNode left = field(clause, "left"), right = field(clause, "right");
  if (!node_is(left, "expression_list") || ts_node_named_child_count(left) != 2) return false;
  std::string_view var = node_text(ts_node_named_child(left, 1));
  // The body runs one Exec, of the element itself.
  std::string_view b = node_text(body);
  size_t exec = b.find("Exec");
  if (exec == std::string_view::npos || b.find("Exec", exec + 1) != std::string_view::npos) return false;
  TSNode call{};
  std::vector<TSNode> stack{body};
  while (!stack.empty() && ts_node_is_null(call)) {
    TSNode n = stack.back();
    stack.pop_back();
    bool method = false;
    if (node_is(n, "call_expression") && is_exec(callee_name(n, text_, &method)) && method) call = n;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  if (ts_node_is_null(call)) return false;
  std::vector<TSNode> args = arguments(call);
  bool method = false;
  size_t index = callee_name(call, text_, &method).ends_with("Context") ? 1 : 0;
  if (index == 0 && args.size() >= 2 && is_context(args[0], text_)) index = 1;
  if (index >= args.size() || node_text(args[index]) != var) return false;
  // The list: a literal, or a name bound to one in the enclosing function or at package level.
  TSNode list = right;
  if (node_is(right, "identifier")) {
    list = TSNode{};
    std::string_view name = node_text(right);
    TSNode fn = loop;
    while (!ts_node_is_null(fn) && !node_is(fn, "function_declaration") && !node_is(fn, "func_literal"))
      fn = ts_node_parent(fn);
    std::vector<TSNode> todo{fn};
    while (!todo.empty() && !ts_node_is_null(fn)) {
      TSNode n = todo.back();
      todo.pop_back();
      if (node_is(n, "short_var_declaration") && node_text(field(n, "left")) == name &&
          ts_node_named_child_count(field(n, "right")) == 1)
        list = ts_node_named_child(field(n, "right"), 0);
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) todo.push_back(ts_node_named_child(n, i));
    }
    if (ts_node_is_null(list))
      for (TSNode spec : package_var_specs())
        if (node_text(field(spec, "name")) == name && ts_node_named_child_count(field(spec, "value")) == 1)
          list = ts_node_named_child(field(spec, "value"), 0);
  }
  if (!node_is(list, "composite_literal") || node_text(field(list, "type")) != "[]string") return false;
  // Each element: a string literal, or a string constant of this file.
  auto constant = [&](std::string_view name) -> TSNode {
    for (uint32_t i = 0; i < ts_node_named_child_count(root_); ++i) {
      TSNode d = ts_node_named_child(root_, i);
      if (!node_is(d, "const_declaration")) continue;
      std::vector<TSNode> specs{d};
      while (!specs.empty()) {
        TSNode c = specs.back();
        specs.pop_back();
        if (node_is(c, "const_spec") && node_text(field(c, "name")) == name &&
            ts_node_named_child_count(field(c, "value")) == 1)
          return ts_node_named_child(field(c, "value"), 0);
        for (uint32_t k = 0; k < ts_node_named_child_count(c); ++k) specs.push_back(ts_node_named_child(c, k));
      }
    }
    return TSNode{};
  };
  GeneratedSql sql;
  TSNode elements = field(list, "body");
  for (uint32_t i = 0; i < ts_node_named_child_count(elements); ++i) {
    TSNode e = ts_node_named_child(elements, i);
    if (node_is(e, "comment")) continue;
    if (node_is(e, "literal_element")) e = languages::first_named_child(e);
    if (node_is(e, "identifier")) e = constant(node_text(e));
    bool raw = node_is(e, "raw_string_literal");
    if (!raw && !node_is(e, "interpreted_string_literal")) return false;
    std::string_view t = node_text(e);
    if (t.size() < 2 || (!raw && t.find('\\') != std::string_view::npos)) return false;
    uint32_t begin = ts_node_start_byte(e) + 1;
    sql.sql += std::string(t.substr(1, t.size() - 2));
    for (uint32_t k = 0; k + 2 < t.size(); ++k) sql.origin.push_back(begin + k);
    sql.sql += ";\n";
    sql.origin.resize(sql.sql.size(), ts_node_end_byte(call));
  }
  out->sql.sql += sql.sql;
  out->sql.origin.insert(out->sql.origin.end(), sql.origin.begin(), sql.origin.end());
  return true;
}

std::vector<std::string> GoMigrationCode::words_of(const Steps& steps) const {
  std::vector<std::string> out;
  auto add = [&](uint32_t b, uint32_t e) {
    for (std::string& w : words_in_go_strings(std::string_view(text_).substr(b, e - b))) out.push_back(std::move(w));
  };
  for (auto& [b, e] : steps.functions) add(b, e);
  uint32_t n = ts_node_named_child_count(root_);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode d = ts_node_named_child(root_, i);
    if (node_is(d, "const_declaration")) add(ts_node_start_byte(d), ts_node_end_byte(d));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace schemagate::schema::migrations::code
