// What the JavaScript / TypeScript migration formats (Knex, Sequelize, TypeORM, Kysely) share:
// reading a migration file with tree-sitter, finding its `up` function however the tool lets it
// be written (exports.up, export function up, { up() {} }, a class method), decoding string
// literals with the file offset of every byte (an error inside a SQL string points at its line),
// and what to do with a step whose names are computed at run time: every word of the file's
// strings becomes an uncertain name, so nothing it may create is reported missing.
//
// Each format is one file (code/knex.cpp, ...) that turns the up function's calls into the SQL
// its tool runs on PostgreSQL and feeds the one DDL simulator, as the Ruby and Python formats do.
#pragma once
#include <tree_sitter/api.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/datalayers/js_tree.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/schema/migrations/code/generated_sql.h"
#include "analyzers/schema/migrations/migration.h"

namespace schemagate::schema::migrations::code::js {

using datalayers::js::arguments;
using datalayers::js::field;
using datalayers::js::is;
using datalayers::js::method_call;
using datalayers::js::unwrap;

/// A string's value with the file offset of each byte; `complete` is false when a template
/// substitution (`${x}`) leaves a hole, which `text` holds as nothing.
struct JsString {
  std::string text;
  std::vector<uint32_t> offsets;
  uint32_t begin = 0, end = 0;
  bool complete = true;
};

class JsFile {
 public:
  /// Parses `text` (kept by reference: it must outlive the JsFile) as TypeScript for .ts/.mts/.cts
  /// paths, JavaScript otherwise. False: sets *err.
  bool parse(const std::string& path, std::string_view text, std::string* err);

  TSNode root() const { return root_; }
  std::string_view src() const { return src_; }
  std::string_view text(TSNode n) const { return ts_node_is_null(n) ? std::string_view{} : datalayers::js::text(n, src_); }

  /// A string literal, a template (holes leave complete=false), a concatenation with `+`, an
  /// identifier bound by a top-level `const X = "..."`, or a ternary on the database engine
  /// (`isMssql ? 'VARCHAR(max)' : 'text'`): its PostgreSQL side.
  std::optional<JsString> string(TSNode n) const;
  /// The branches of `cond ? a : b` (also through an identifier a `const` binds to one), each a
  /// string; empty when `n` is no such ternary or a branch is no string.
  std::vector<JsString> branches(TSNode n) const;
  /// A complete string's value.
  std::optional<std::string> name(TSNode n) const;
  /// An integer literal's value.
  std::optional<long> integer(TSNode n) const;
  /// The value of `const name = ...`, declared once in the file; null when there is none.
  TSNode constant(std::string_view name) const;
  /// A string constant the file imports from a module of the project (`import { TABLE } from
  /// '../models/table.js'`, that module's `export const TABLE = 'private_keys'`), read where the
  /// file names it: every byte of its value maps to the name.
  void add_imported_string(std::string name, std::string value) { imported_.emplace(std::move(name), std::move(value)); }

  /// The function that runs on "up" and the names of its parameters (the first of each
  /// destructured one: `({ context: queryInterface })` gives "queryInterface"); null when absent.
  TSNode up_function(std::vector<std::string>* params) const;
  /// The body of a function node (a statement block or an arrow's expression).
  static TSNode body_of(TSNode fn);
  /// The parameter names of a function node.
  std::vector<std::string> parameters(TSNode fn) const;

  /// Every lower-cased word of every string in the file, for MigrationFile::uncertain_names.
  std::vector<std::string> string_words() const;

 private:
  bool typescript_ = false;
  std::unique_ptr<languages::Parser> parser_;
  languages::Tree tree_;
  TSNode root_{};
  std::string_view src_;
  std::map<std::string, TSNode> consts_;
  std::map<std::string, std::string> imported_;
  mutable int depth_ = 0;  ///< constants naming constants, followed this deep
};

/// One step of a method chain `root.a(x).b.c(y)`: a call (`args` given) or a property access.
struct Link {
  std::string_view method;
  std::vector<TSNode> args;
  TSNode node{};
  bool call = false;
};
/// The links of the chain ending at `n`, innermost first, and the expression it starts from
/// (`root`, an identifier, `this`, or a call that is not a method call).
std::vector<Link> chain(const JsFile& file, TSNode n, TSNode* root);

/// Visits `node`'s subtree in file order; where `step` returns true, does not look inside. Of a
/// branch on the database engine (js_engine_branch.h), visits only what runs on PostgreSQL, and
/// adds a note to `notes` (when given) for each part left out.
void walk_steps(const JsFile& file, TSNode node, const std::function<bool(TSNode)>& step,
                std::vector<std::pair<uint32_t, std::string>>* notes = nullptr);

/// A format's reading of one migration file: the generated SQL and what it could not follow.
struct Translation {
  GeneratedSql sql;
  /// A step whose names are computed at run time: the file's string words become uncertain.
  bool uncertain = false;
  /// Names a step creates without the model knowing its shape (a view over a query builder):
  /// only these become uncertain, when nothing else of the file is.
  std::vector<std::string> uncertain_created;
  /// `sql.raw(build(...))`: SQL a function of the project builds. load_scripts reads that function:
  /// when every return is a plain `CREATE INDEX` it changes no table or column (a note), else the
  /// step cannot be followed (uncertain). Each entry: the step, and the call that builds the SQL.
  std::vector<std::pair<TSNode, TSNode>> run_time_builders;
};

/// Emits SQL that the migration gives as a string: each byte keeps its file offset.
void emit_js_string(GeneratedSql* out, const JsString& s);

/// `CREATE EXTENSION [IF NOT EXISTS] ${name} ...` with the name computed at run time (an
/// operator's choice of vector extension): emits the statement with a name no extension has, so
/// that the functions an unknown extension may provide are not judged. False: not that shape.
bool emit_run_time_extension(GeneratedSql* out, const JsString& s);

/// Whether SQL built at run time only adds a foreign key or check constraint, or drops a
/// constraint (`alter table "${table}" drop constraint "${name}"`), every substitution inside
/// double quotes (an identifier): it creates, drops and renames no table or column, so it leaves
/// the schema's names certain. `src` is the file the string's offsets point into.
bool run_time_constraint_step(const JsString& s, std::string_view src);

/// Whether SQL built at run time is one INSERT, UPDATE, DELETE or SELECT whose substitutions are
/// values or names: each inside '...' or "...", or any when `bound` (a tag that binds them as
/// parameters, Kysely's sql`...`). It changes rows, not tables or columns.
bool run_time_rows_step(const JsString& s, std::string_view src, bool bound);

/// `this.name(..., runner, ...)` inside a class method, where the class around the call declares
/// a method `name` and `runner` is an argument: that method (*method) and the argument's
/// position (*position).
bool class_method_given_runner(const JsFile& file, TSNode call, std::string_view runner, TSNode* method, size_t* position);

/// Whether every substitution of SQL built at run time stands inside a '...' literal that DEFAULT
/// precedes (`ALTER COLUMN "type" SET DEFAULT '${Enum.CHATFLOW}'`): the statement's names are all
/// written, and a column's default names nothing; the text (with the substitutions left out) is
/// modelled as written.
bool run_time_default_values(const JsString& s, std::string_view src);

/// Whether SQL built at run time only sets or resets a setting of the database it runs in
/// (`ALTER DATABASE "${databaseName}" SET search_path TO ...`, the name inside double quotes):
/// no table or column changes.
bool run_time_database_setting(const JsString& s, std::string_view src);

/// The JavaScript / TypeScript files of `dir` a migration tool loads, sorted by name
/// (declaration files and source maps left out).
std::vector<std::string> script_names(const source::FileSystem& fs, const std::string& root, const std::string& dir);

/// Directories under `root` whose name contains "migration" (a project's migrations/,
/// src/migration, db/migrations) holding a script for which `belongs(text)` holds.
std::vector<std::string> discover_dirs(const source::FileSystem& fs, const std::string& root,
                                       bool (*belongs)(std::string_view text));

/// Whether a script of `dir` satisfies `belongs`.
bool any_script(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                bool (*belongs)(std::string_view text));

/// Loads every script of `dir` as a migration of `format`: parses it, finds its up function and
/// hands it to `translate` (the file, the up function, its parameters, the output). `version`
/// gives the version the tool records for a file name and text.
bool load_scripts(const source::FileSystem& fs, const std::string& root, const std::string& dir, std::string_view format,
                  std::string (*version)(const std::string& file, std::string_view text),
                  void (*translate)(const JsFile& file, TSNode up, const std::vector<std::string>& params, Translation* out),
                  std::vector<MigrationFile>* out, std::string* err);

/// `text` in lower case with one space between words (runs of white space folded).
std::string lowered_words(std::string_view text);

/// SQL quoting.
std::string quote_literal(std::string_view s);

}  // namespace schemagate::schema::migrations::code::js
