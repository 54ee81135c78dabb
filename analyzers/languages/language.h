// Host languages. Each language is one file (python.cpp, javascript.cpp, go.cpp, sql_file.cpp)
// plus one row in the table in languages.cpp. An extractor walks a tree-sitter tree and returns
// every place where the code holds SQL: a string passed to a database call, or a string whose
// text starts like a statement (the pipeline keeps those only if they parse as DML).
#pragma once
#include <tree_sitter/api.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/languages/project_facts.h"
#include "analyzers/sql/chain_scope.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::languages {

struct SqlSite {
  sql::SqlText sql;          ///< the statement text with holes (kHole) for interpolations
  uint32_t host_begin = 0;   ///< byte offset of the expression (or call argument) in the file
  bool database_call = false;  ///< passed to a call named in the language's database_calls
  std::string call_name;     ///< that call's name, e.g. "execute"
  /// The argument is not a string the file defines (a variable, a function result): the site is
  /// counted and listed as unchecked. `sql` is empty then.
  bool dynamic = false;
  /// The tool that runs the query writes each `*` out as the columns the schema had when it
  /// generated its code (sqlc): the star needs every one of them, not just "some columns".
  bool stars_are_column_lists = false;
  /// The site is in a function whose database calls come from another engine's module (umami's
  /// `const { rawQuery } = clickhouse` beside a PostgreSQL twin): that engine and the evidence.
  std::string other_engine;
  /// 0, or k for the k-th other text the same expression may have: a function returns one of
  /// several constants, a `cond ? "a" : "b"` is spliced in. Each variant is checked; they are
  /// one site (the pipeline merges them).
  size_t variant = 0;
  /// Not empty: how this variant's text came from the code's (`as sqlplugin.SwitchTable()
  /// rewrites it: " t_v2 " replaced with " t "`), for its findings' notes.
  std::string rewritten;
  /// Names a query builder chain around the site defines (Kysely's `.with('ancestors', ...)`
  /// around a `sql` fragment): a relation of such a name is the chain's CTE, not missing.
  std::vector<std::string> outer_ctes;
  /// Set: the text is an expression of a query builder chain around it (Kysely's
  /// `.where(sql\`...\`)`, `.select(sql\`...\`.as('x'))`), not a statement: it is read in the
  /// scope of the chain's relations (sql/fragments.h read_chain_expression).
  std::optional<sql::ChainScope> chain;
  /// Not empty: the site runs inside a test assertion that expects it to throw ("run by
  /// assertThrows() at line 12: the test expects it to fail"): unchecked, never a finding.
  std::string expected_failure;
  /// A tagged template's text (Prisma's $queryRaw`...`, postgres.js's sql`...`): its library
  /// binds each substitution as a parameter, so a hole alone in a select list is a value
  /// (`INSERT ... SELECT ${id}, w.id`): sql::fragment_names_a_column's `bound`.
  bool tagged = false;
};

class ProjectConstants;


/// A function of the project's that passes one of its parameters on as a database call's SQL.
struct WrapperDefinition {
  std::string name;
  size_t argument = 0;  ///< index of that parameter among the arguments callers pass
  size_t at = 0;        ///< byte offset of the definition in its file
  /// A method of a class: a call through an object of unknown class may reach another class's
  /// method of the same name.
  bool method = false;
  bool operator==(const WrapperDefinition&) const = default;
};

struct ExtractInput {
  std::string_view source;  ///< the whole file
  TSNode root;              ///< root of its tree (null node for languages without a grammar)
  const struct Language* language;
  /// More call names whose argument is SQL (schemagate.yaml `database_calls`), or null.
  const std::vector<std::string>* extra_database_calls = nullptr;
  std::string_view path = {};                  ///< root-relative, '/' separators ("" in tests)
  const ProjectConstants* project = nullptr;   ///< other files' constants (project_constants.h), or null
  /// Set: collect the file's top-level string definitions (name, text) here instead of sites.
  std::vector<std::pair<std::string, std::string>>* constants = nullptr;
  /// With `constants`: the file's functions that pass a parameter on as a database call's SQL.
  std::vector<WrapperDefinition>* wrappers = nullptr;
  /// With `constants`: then extract the sites too, from the same tree and definitions. The
  /// constants are collected as they are alone (no project, no extra database calls); the sites
  /// as without `constants`.
  bool sites_too = false;
  /// With `sites_too`: given the file's own wrappers once collected, before any site is looked
  /// for; the project the sites are then extracted with knows them (a Python first pass,
  /// pipeline/constants_pass.cpp).
  std::function<void(const std::vector<WrapperDefinition>&)> own_wrappers = {};
  /// With `constants` and `project`: collect only the values the file gives unexported struct
  /// fields (`T{sqlGet: ...}`, `p.sqlGet = ...`), as ".name" (a file importing a PostgreSQL
  /// driver: "!.name"), evaluated with the project, since they are built from other files'
  /// constants (project_constants.h, package_level).
  bool field_values = false;
  /// The project's facts (Go: which packages are the project's own, go_packages.h), or null.
  const ProjectFacts* facts = nullptr;
};

struct Language {
  std::string_view name;                     ///< "python", "javascript", "typescript", "tsx", "go", "sql"
  std::vector<std::string_view> extensions;  ///< with the dot: ".py"
  const TSLanguage* (*grammar)();            ///< nullptr: no tree-sitter parse (.sql files)
  /// Names of calls whose first argument (or tagged template) is SQL. Matched against the last
  /// name of the callee: `cur.execute(...)` matches "execute".
  std::vector<std::string_view> database_calls;
  void (*extract)(const ExtractInput& in, std::vector<SqlSite>* out);
  /// Whether the file's SQL-looking strings are for another engine unless a database call runs
  /// them (Spark SQL in a PySpark job); null: never.
  bool (*other_engine_sql)(std::string_view file_text) = nullptr;
  /// In a test file: the file's own type that declares a member named `call` ("interface
  /// TestSql"), or "". A test that types its database handle itself calls a fake of that shape
  /// (a type-inference test of a DSL), not a database. Null: never.
  std::string (*test_double_of)(TSNode root, std::string_view file_text, std::string_view call) = nullptr;
  /// Whether a file of this language's extension is one of its files at all (a .xml file is a
  /// MyBatis mapper only when its root is <mapper>); null: every file is. A file it does not own
  /// is not scanned.
  bool (*owns)(std::string_view file_text) = nullptr;
};

/// Every language, one row each.
const std::vector<Language>& languages();
/// The language that owns a file by its extension, or nullptr.
const Language* language_for_path(std::string_view path);
/// True when `text` (SQL with holes) starts, after blanks, comments and '(', with SELECT, INSERT,
/// UPDATE, DELETE, WITH or MERGE followed by a blank: worth parsing although no call names it.
bool looks_like_sql(std::string_view text);
/// True when `text`, which looks_like_sql, reads as UI text instead ("Select a region", "Delete
/// from the list."): no site unless a database call receives it (string_eval.cpp).
bool reads_as_prose(std::string_view text);

}  // namespace schemagate::languages
