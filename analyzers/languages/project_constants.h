// Constants across files. Applications keep their SQL, or the pieces of it (a columns list, a
// shared WHERE clause), in one module and run it from another: `import { EVENT_COLUMNS } from
// './columns'`, `from .queries import GET_USER`, a Go package-level const in a sibling file. One
// file's extraction cannot see those, so each file's top-level string definitions are collected
// (each evaluated within its own file) and a file is extracted with the project's constants at
// hand. The pipeline parses each file once for both (pipeline.cpp, scan_with_constants): its
// first scan collects the file's constants from the tree it parses anyway and records every
// question its extraction asks the (still empty) project (ProjectQuery); files no scan parsed are
// read for their constants only when an answer depends on them; a file is scanned again only
// when the whole project answers one of its questions. A name a file uses but does
// not define is looked up there: through the file's imports (JavaScript/TypeScript, Python) or
// among the other files of its package (Go: one directory is one package).
//
// The same phase finds the project's own database calls: a function whose parameter reaches a
// database call as its SQL (umami's rawQuery(sql, params), a Go helper around QueryContext) is a
// database call for its callers in every file, its SQL the argument at that parameter's place.
//
// An imported constant's text is not in the using file, so all its bytes map to the name where
// it is used: a finding in it points there. Names defined twice with different texts (build-tagged
// variants, two modules matching one import) are not used: which one runs is not known.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tree_sitter/api.h>

#include <tuple>

#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/language.h"
#include "analyzers/source/file_system.h"

namespace schemagate::languages {

/// One file's top-level string definitions: name -> text (holes as sql::kHole).
using FileConstants = std::vector<std::pair<std::string, std::string>>;
/// One file's functions that pass a parameter on as a database call's SQL.
using FileWrappers = std::vector<WrapperDefinition>;

/// One question an extraction asked the project: imported(a = file, b = module, c = name,
/// python), package_level(a = file, c = name) or wrapper(a = language, c = name).
struct ProjectQuery {
  enum Kind { kImported, kPackageLevel, kWrapper } kind = kImported;
  std::string a, b, c;
  bool python = false;
  bool operator<(const ProjectQuery& o) const {
    return std::tie(kind, a, b, c, python) < std::tie(o.kind, o.a, o.b, o.c, o.python);
  }
};

class ProjectConstants {
 public:
  /// Adds the constants of the root-relative `path`.
  void add_file(const std::string& path, const FileConstants& constants);

  /// The text of `name` that the module `module` (as an import spells it) defines, seen from
  /// `file`; null when the module is not a project file or does not define it. `python`: Python
  /// module names (".queries", "app.db.queries"), else JavaScript specifiers ("./q", "@/lib/q").
  const std::string* imported(std::string_view file, std::string_view module, std::string_view name,
                              bool python) const;
  /// Go: `name` as another file of `file`'s package (directory) defines it at package level.
  /// A struct field's ".name" (ExtractInput::field_values) counts the values of every file of the
  /// package, `file` too; those of files importing a PostgreSQL driver ("!.name"), when there
  /// are any, stand over the others: that constructor overrides the generic values. "=.name":
  /// the same, when a file of the package reads the field (it holds "=.name", see
  /// pipeline/constants_pass.cpp), else null.
  const std::string* package_level(std::string_view file, std::string_view name) const;
  /// package_level's answer, not recorded (record_to): a struct field read where no database
  /// call takes the text (string_eval.cpp, find_sites) is no reason to parse the field's writers.
  const std::string* package_level_unrecorded(std::string_view file, std::string_view name) const;
  /// Records the question package_level(file, name) as if it had been asked.
  void record_package_level(std::string_view file, std::string_view name) const;

  /// Records functions of a file in `language` that pass a parameter on as a database call's
  /// SQL. Call once per file. A name is no wrapper when two definitions disagree on the
  /// argument, or when two different definitions are methods of classes: a call on an object of
  /// unknown class is polymorphic (a plugin interface whose implementations talk to other
  /// engines: a BI tool's `run_query` per data source).
  void add_wrappers(std::string_view language, const FileWrappers& wrappers);
  /// Which argument of a call of `name` is SQL, when `name` is such a function of the project in
  /// `language`'s family; null otherwise, or when two functions of that name disagree.
  const size_t* wrapper(std::string_view language, std::string_view name) const;

  bool empty() const { return by_file_.empty(); }

  /// The text recorded for a name whose value is not known (ExtractInput::field_values): with
  /// any other, or alone, the name has no one text.
  static const std::string kAmbiguous;

  /// Every lookup from now on is recorded in `log` (one project per thread when recording).
  void record_to(std::set<ProjectQuery>* log) { log_ = log; }
  /// Whether this project answers `q` with something (a text, an argument index).
  bool answers(const ProjectQuery& q) const;

  /// A project in which each of `paths` is a file that defines every name: `reads` lists the
  /// files whose constants the answer to a question depends on (all candidates of an import,
  /// every file of a Go package).
  static ProjectConstants every_file(const std::vector<std::string>& paths);
  void reads(const ProjectQuery& q, std::set<std::string>* paths) const;

  /// False when `text` (a file of `language`) cannot define a function that passes a parameter
  /// on to a database call: none of the language's database call names occurs in it as a word
  /// (Python: none is called in its code, python_tokens.h).
  static bool may_define_wrapper(const Language& language, std::string_view text);
  /// False when `text` cannot define a wrapper of one of `names`: may_define_wrapper is false, or
  /// no name occurs in it as a word, or (Go, whose wrappers are function and method declarations
  /// with a `string` parameter) no `func NAME(...)` / `func (receiver) NAME(...)` declares one
  /// with `string` among its parameters and a database call name in its body, or (Python) no
  /// `def NAME` names one in its body, or (JavaScript, TypeScript) no name stands where a
  /// declaration puts it (`function NAME`, `NAME =`, `NAME(...) {`). Always false for Ruby,
  /// whose extractor records no wrapper.
  static bool may_define_wrapper_of(const Language& language, std::string_view text,
                                    const std::set<std::string>& names);
  /// may_define_wrapper_of's two halves, for a caller that asks many names of one file: the
  /// half that does not depend on the names (may_define_wrapper, and for Go a database call with
  /// the arguments its SQL needs: go_may_call_database), read once per file, and the half that
  /// does. may_define_wrapper_of is true exactly when both are.
  static bool may_define_any_wrapper(const Language& language, std::string_view text);
  static bool declares_wrapper_of(const Language& language, std::string_view text, const std::set<std::string>& names);
  /// A name declares_wrapper_of reads as declared: Go's word after a `func` keyword (and its
  /// receiver), Python's after a `def`; `at` past Go's word, at Python's keyword.
  struct DeclaredName {
    std::string name;
    size_t at = 0;
  };
  /// declares_wrapper_of's reading of `text`'s declarations, in file order, for a caller that
  /// asks a file many times (names asked in rounds): it need not read the file again for names
  /// it does not declare. Nullopt for the other languages (JavaScript and TypeScript declare by
  /// many forms).
  static std::optional<std::vector<DeclaredName>> declared_names(const Language& language, std::string_view text);
  /// declares_wrapper_of(language, text, names), given `declared` = declared_names(language, text).
  static bool declares_wrapper_of(const Language& language, std::string_view text, const std::set<std::string>& names,
                                  const std::vector<DeclaredName>& declared);
  /// Python: the functions and methods of `text` whose body hands one of their parameters (not
  /// `self`) to one of `language`'s database calls as its first argument, read on the code
  /// (literals and comments blanked). Narrower than declares_wrapper_of's reading (a database
  /// call named in the body): the file's own wrappers are among them, but for one that hands
  /// its SQL to another wrapper (pipeline FirstPass::own_candidates).
  static std::set<std::string> python_parameter_passers(const Language& language, std::string_view text);
  /// The same, of the file's bodies as python_def_bodies gave them with `code`.
  static std::set<std::string> python_parameter_passers(const Language& language, const std::vector<TopLevelBody>& bodies,
                                                        std::string_view code);
  /// Whether `text`, a file of `language`, holds as a word the name of a function of the project
  /// that add_wrappers recorded for its family (a call of it may be a database call).
  bool holds_wrapper_name(std::string_view language, std::string_view text) const;
  /// Whether `name` occurs in `text` as a word (not inside a longer identifier).
  static bool holds_word(std::string_view text, std::string_view name);
  /// Go: the words of `text` where a package-level declaration names what it declares: outside
  /// braces (function bodies, struct and interface types, composite literals) and outside a
  /// func's type parameters, parameters and results (a receiver and the func's name stay: a
  /// TableName method's type, a constant-returning function). A name declared at package level
  /// is among them; a function's locals and parameters are not. Nullopt when a literal,
  /// comment or bracket does not close: cannot tell.
  static std::optional<std::set<std::string, std::less<>>> go_package_level_words(std::string_view text);
  /// The family whose files call one another's functions: "script" for JavaScript, TypeScript
  /// and TSX, "jvm" for Java and Kotlin, the language itself otherwise ("python", "go", "ruby").
  /// A wrapper or constant of one family is never another's: a TypeScript `find(sql)` says
  /// nothing of a Ruby `find(1)`.
  static std::string_view family(std::string_view language);

 private:
  const std::string* in_file(const std::string& path, std::string_view name) const;
  /// package_level's search: the one text the package's files (`file` itself when `self`) give
  /// `name`; *seen tells whether any gives one at all.
  const std::string* in_package(std::string_view file, std::string_view name, bool self, bool* seen) const;
  /// The one file whose path, without extension, is `stem` or ends with "/" + stem; "" when none or several.
  std::string by_suffix(std::string_view stem, const std::vector<std::string_view>& extensions) const;

  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> by_file_;
  /// Language family (family()) -> function name -> SQL argument index.
  struct WrapperEntry {
    size_t argument = 0;  ///< kAmbiguousIndex: not a wrapper
    bool method = false;
    size_t file = 0;  ///< which add_wrappers call recorded it
    size_t at = 0;
  };
  std::map<std::string, std::map<std::string, WrapperEntry, std::less<>>, std::less<>> wrappers_;
  size_t wrapper_files_ = 0;
  mutable std::set<ProjectQuery>* log_ = nullptr;
  /// every_file: paths a lookup read (in_file, by_suffix, package_level), when set.
  mutable std::set<std::string>* reads_ = nullptr;
};

/// The phase before extraction: reads and parses every file of `files` (root-relative, with its
/// language; files without a grammar are skipped) on `threads` threads and collects their
/// top-level string definitions.
ProjectConstants collect_project_constants(const source::FileSystem& fs, const std::string& root,
                                           const std::vector<std::pair<std::string, const Language*>>& files,
                                           unsigned threads);

/// One file's constants and wrappers from its tree (the same extraction the phase runs).
/// With `fields`: only its struct fields' values, evaluated with that project (field_values) as
/// the root-relative `path` sees it.
void collect_file_constants(std::string_view text, TSNode root, const Language& language, FileConstants* constants,
                            FileWrappers* wrappers, const ProjectConstants* fields = nullptr,
                            std::string_view path = {}, const ProjectFacts* facts = nullptr);

/// Go: `text` with the top-level function bodies blanked (blank_bodies.h) that give no constant
/// and no wrapper for other files: none may return text (go_body_stays), none names a database
/// call, none is a method of a name such a body has. "" when none is blanked.
std::string go_constants_text(std::string_view text, const Language& language);

/// The phase's work for the files `take` accepts (given path, language and text), filling
/// `constants` and `wrappers` at their indices; files it refuses are read but not parsed.
void collect_constants_of(const source::FileSystem& fs, const std::string& root,
                          const std::vector<std::pair<std::string, const Language*>>& files,
                          const std::function<bool(size_t index, std::string_view text)>& take, unsigned threads,
                          std::vector<FileConstants>* constants, std::vector<FileWrappers>* wrappers,
                          const ProjectConstants* fields = nullptr, const ProjectFacts* facts = nullptr);

/// Python: the text of the `def` whose keyword is at `at`, through its body (declares_wrapper_of
/// reads a wrapper's parameters and calls there); empty when it cannot be told.
std::string_view python_def(std::string_view text, size_t at);

}  // namespace schemagate::languages
