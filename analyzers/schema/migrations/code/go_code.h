// Migrations written in Go, read with tree-sitter-go and never run. Every Go runner comes down to
// the same few calls: an upgrade function (a goose Up, one closure of a slice, a gormigrate
// Migrate) executes SQL strings on the handle it receives (`tx.Exec`, `tx.ExecContext(ctx, ...)`,
// pgx's `tx.Exec(ctx, ...)`). GoMigrationCode turns one upgrade function into the SQL it runs, in
// source order, each string's bytes keeping their own file offsets; the formats (goose.cpp,
// go_steps.cpp) only say which functions are upgrades and in what order they run.
//
// A statement the model cannot know (computed at run time: fmt.Sprintf of identifiers, a loop
// over rows, a helper of another file handed the handle) is an unknown step: the names in the
// string literals of the functions it runs and of the file's constants (for a helper elsewhere,
// of the whole package) become uncertain, so what it may create or drop is never reported
// missing nor assumed present.
#pragma once
#include <tree_sitter/api.h>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/language.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/schema/migrations/code/generated_sql.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/source/file_system.h"
#include "analyzers/source/gated_read.h"

namespace schemagate::schema::migrations::code {

/// Every identifier-shaped word, lower-cased, inside the string literals of Go source (comments
/// skipped): the names a statement built from them may touch.
std::vector<std::string> words_in_go_strings(std::string_view text);

/// The Go files of a package directory (no _test.go), sorted by name.
std::vector<std::string> go_files(const source::FileSystem& fs, const std::string& root, const std::string& dir);

/// One parsed Go file of a migration package.
class GoMigrationCode {
 public:
  /// Parses `text` (kept by reference: it must outlive this object) of `path`; `package`: the
  /// constants of the directory's other files, or null. ok() is false when it does not parse.
  GoMigrationCode(const std::string& path, const std::string& text, const languages::ProjectConstants* package);
  bool ok() const { return tree_ != nullptr; }
  TSNode root() const { return root_; }
  std::string_view text() const { return text_; }
  std::string_view node_text(TSNode n) const;

  /// A syntax error in the file. Go 1.26's `new(expr)` (`new("x")`: a pointer to a copy of the
  /// value) is not one, though the grammar reads new's argument as a type only.
  bool syntax_error() const;

  /// The top-level function declaration named `name`, or a null node.
  TSNode function(std::string_view name) const;
  /// The package-level `var` specs of the file, alone or in `var (...)` groups, in file order.
  std::vector<TSNode> package_var_specs() const;
  /// The function an upgrade argument stands for: a func literal, or the name of a top-level
  /// function; null for nil or anything else.
  TSNode upgrade_function(TSNode arg) const;

  /// What running the function `fn` (function_declaration or func_literal) executes.
  struct Steps {
    GeneratedSql sql;
    bool unknown = false;          ///< a statement computed at run time
    bool opaque_helper = false;    ///< the handle handed to a function of another file
    std::vector<std::string> helpers;  ///< the names of those functions (pkg.Name for another package)
    /// The functions walked (the upgrade and the helpers it calls), as byte ranges.
    std::vector<std::pair<uint32_t, uint32_t>> functions;
  };
  Steps steps(TSNode fn) const;
  /// A format's reader of the Exec calls the Go extractor gives no plain statement for (a query
  /// builder's chain, `db.NewCreateTable().Model(&T{}).Exec(ctx)`; SQL formatted with
  /// identifiers): true when it appended what the call runs to out->sql (nothing for a chain
  /// that changes no schema); false leaves the call an unknown step.
  using ChainReader = std::function<bool(TSNode call, Steps* out)>;
  void set_chain_reader(ChainReader reader) { chain_reader_ = std::move(reader); }
  /// The names a step computed at run time may touch: the words of the strings of the functions
  /// it walked and of the file's top-level constants (the table names a Sprintf is given).
  std::vector<std::string> words_of(const Steps& steps) const;

 private:
  void run(TSNode fn, std::set<uint32_t>* running, Steps* out) const;
  void walk(TSNode node, const std::set<std::string_view>& handles, std::set<uint32_t>* visited, Steps* out) const;
  void exec(TSNode call, std::string_view name, Steps* out) const;
  /// `for _, stmt := range list { tx.Exec(ctx, stmt) }` over SQL strings the file spells (a
  /// []string literal, a package var or a local holding one; elements string literals or the
  /// file's string constants): appends each element's SQL in order; false, appending nothing,
  /// for any other loop.
  bool range_of_statements(TSNode loop, Steps* out) const;

  const std::string& path_;
  const std::string& text_;
  std::unique_ptr<languages::Parser> parser_;
  languages::Tree tree_;
  TSNode root_{};
  /// The SQL sites of the file (string_eval's), extracted at the first one asked.
  const std::vector<languages::SqlSite>& sites() const;

  const languages::ProjectConstants* package_ = nullptr;
  mutable bool sites_read_ = false;
  mutable std::vector<languages::SqlSite> sites_;
  ChainReader chain_reader_;
  /// Set while walking the statements of a block that follow an `if ... { return nil }`: they
  /// may not run (miniflux returns before a data update when an old column is absent).
  mutable int guarded_ = 0;
};

/// The project folder of a Go import path: the longest tail of it that is a folder holding Go
/// files (`example.com/app/internal/models` -> internal/models); "" when none is.
std::string import_dir(const source::FileSystem& fs, const std::string& root, std::string_view import_path);

/// The steps of one upgrade function as the MigrationFile fields a format fills: `sql`,
/// `origin`, `notes`, `uncertain_names` (the step's words on an unknown statement, the package's
/// on an opaque helper). `at` is the offset an empty step points at; `package_words` is called
/// only when needed.
template <class PackageWords>
void fill_from_steps(const GoMigrationCode& go, GoMigrationCode::Steps steps, uint32_t at, PackageWords package_words,
                     std::string* sql, std::vector<uint32_t>* origin,
                     std::vector<std::pair<uint32_t, std::string>>* notes, std::vector<std::string>* uncertain) {
  if (steps.unknown || steps.opaque_helper) *uncertain = go.words_of(steps);
  if (steps.opaque_helper)
    for (std::string& w : package_words(steps.helpers)) uncertain->push_back(std::move(w));
  *sql = std::move(steps.sql.sql);
  *origin = std::move(steps.sql.origin);
  if (origin->empty()) origin->push_back(at);  // no SQL: still generated from the code
  *notes = std::move(steps.sql.notes);
}

/// The names the helpers `names` of the package in `dir` may touch: the words of the strings of
/// their declarations and of their files' constants; of every Go file of `dir` when one is not
/// declared there (a function of another package). For fill_from_steps' package_words.
std::vector<std::string> package_words(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                                       const std::vector<std::string>& names);

/// package_words for one directory, its Go files read once, and each parsed once when it
/// declares a helper asked of: a format's load asks it for every migration of the directory
/// (hatchet's goose migrations: nine times over the directory's files).
class DirectoryWords {
 public:
  DirectoryWords(const source::FileSystem& fs, std::string root, std::string dir);
  ~DirectoryWords();
  DirectoryWords(const DirectoryWords&) = delete;
  DirectoryWords& operator=(const DirectoryWords&) = delete;
  /// package_words(fs, root, dir, names).
  std::vector<std::string> operator()(const std::vector<std::string>& names);

 private:
  struct File;
  const source::FileSystem& fs_;
  std::string root_, dir_;
  bool read_ = false;
  std::vector<std::unique_ptr<File>> files_;  ///< those read, in go_files' order
  std::vector<std::string> all_;              ///< every file's string words, in that order
};

/// A Go migration runner's list, as a format reads it: `may` is a cheap test of a file's text
/// (the words it must hold, which the schema cache asks again of a file that changed), `holds`
/// whether the parsed file declares the list.
struct GoListTest {
  const source::TextGate* may;
  bool (*holds)(const GoMigrationCode& go);
  /// A finer test of the text than `may`'s words, before the file is parsed; null: none.
  bool (*may_parse)(std::string_view text) = nullptr;
};

/// The first Go file of `dir` (by name, no _test.go) that holds the list; "" when none does.
std::string go_list_file(const source::FileSystem& fs, const std::string& root, const std::string& dir, GoListTest test);

/// The directories of the project (walked as discover_files does) with a Go file holding the list.
std::vector<std::string> go_list_dirs(const source::FileSystem& fs, const std::string& root, GoListTest test);

/// The constants of every Go file of `dir`, for GoMigrationCode.
languages::ProjectConstants package_constants(const source::FileSystem& fs, const std::string& root,
                                              const std::string& dir);

}  // namespace schemagate::schema::migrations::code

namespace schemagate::schema::migrations::code {

/// The schema Go code creates when it starts, for a project with no migrations
/// (code/go_startup.cpp): each function of a Go file that runs two or more CREATE TABLE
/// statements, as one MigrationFile of format "go-startup", in file order.
/// `other_engines`, when given, receives the start-up code left out because its package talks
/// to another engine only ("user/manager.go (setupDB(): SQLite (...))").
std::vector<MigrationFile> startup_schema(const source::FileSystem& fs, const std::string& root,
                                          std::vector<std::string>* other_engines = nullptr);

/// The same for xorm (code/xormigrate.cpp): each function that syncs two or more models when the
/// program starts (`engine.Sync2(new(User))`, ...), as one MigrationFile of format "xorm-sync",
/// its statements those Sync2 runs on an empty database. Empty when a synced model cannot be
/// followed or the table names are not certain (a mapper not modelled): *why says which.
std::vector<MigrationFile> xorm_startup_schema(const source::FileSystem& fs, const std::string& root,
                                               std::string* why = nullptr);

/// The same for GORM (code/gormigrate.cpp): each function outside tests that calls AutoMigrate
/// (`db.AutoMigrate(new(model.User), &Team{})`, models of its package or of a project folder it
/// imports), as one MigrationFile of format "gorm-automigrate": the CREATE TABLE and ADD COLUMN
/// IF NOT EXISTS statements AutoMigrate runs for them on PostgreSQL; empty when they make fewer
/// than two tables. Empty too when a call's models or tables cannot be followed: *why says which.
std::vector<MigrationFile> gorm_startup_schema(const source::FileSystem& fs, const std::string& root,
                                               std::string* why = nullptr);

}  // namespace schemagate::schema::migrations::code
