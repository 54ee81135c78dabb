// Data layers: what an ORM, a query builder or a database client will ask PostgreSQL for,
// read from the declarations and calls that never spell SQL (a Prisma model field, a Drizzle
// column, `supabase.from('t').insert({...})`). One file per data layer, one row each in the
// table in datalayers.cpp. A data layer produces requirements, the same ones the SQL resolver
// produces, so every check, verdict and output applies to it unchanged.
//
// A data layer runs on each file of a language it lists (with the tree-sitter tree already
// parsed for the SQL extractors) and on files it claims by name (schema.prisma), in the scan's
// parallel phase. What it cannot resolve (a table name computed at run time) it lists as
// unchecked uses, with the reason, never as requirements.
#pragma once
#include <tree_sitter/api.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/languages/project_facts.h"
#include "analyzers/requirements/requirement.h"
#include "analyzers/source/word_search.h"

namespace schemagate::datalayers {

/// What data layers learn from the whole project before any file is extracted (an ActiveRecord
/// model declared in app/models and queried from a controller): key -> every value some file
/// gave it, in file order. Keys are the layer's own ("activerecord:class:User").
using ProjectFacts = languages::ProjectFacts;

struct FileInput {
  std::string_view path;    ///< root-relative, '/' separators
  std::string_view text;    ///< the whole file
  TSNode root;              ///< its tree; a null node for files without a grammar
  std::string_view language;  ///< the host language's name ("typescript"), "" for claimed files
  std::string default_schema;  ///< where unqualified names live: the first schema of the search path
  const ProjectFacts* facts = nullptr;  ///< every layer's index of the project, or null
  /// The file is of the code running in production (--deployed-ref / --deployed-path): a layer
  /// may add what only the deploy checks judge (requirements::Object::EveryColumn).
  bool running_code = false;
};

/// A place where the data layer is used but what it needs cannot be told statically.
struct UncheckedUse {
  uint32_t offset = 0;  ///< byte offset in the file
  std::string via;      ///< "prisma model", "supabase-js from()"
  std::string reason;
  /// The unit (index in FileOutput::requirements.units) this use is a part of, when the rest
  /// of that unit is read (a row `{ ...input, updatedAt }` whose spread alone is unknown): the
  /// unit's site is then partly checked, with this reason. SIZE_MAX: a site of its own.
  size_t unit = SIZE_MAX;
};

/// A table the data layer's declarations define (a SQLAlchemy model's), which the code creates
/// itself at run time where the project calls a create-all.
struct DeclaredTable {
  std::string schema, name;
};

struct FileOutput {
  requirements::FileRequirements requirements;
  std::vector<UncheckedUse> unchecked;
  /// Tables this file's declarations define.
  std::vector<DeclaredTable> declared_tables;
  /// The columns this file's declarations define, with the PostgreSQL type their tool creates
  /// (Drizzle's pgTable columns): the schema of a project that pushes its declarations
  /// (drizzle-kit push) and commits no migration. A table of no readable column still has one
  /// entry, with an empty column.
  struct DeclaredColumn {
    std::string schema, table, column, type;
    uint32_t offset = 0;  ///< the column's name (or the table's, for a table entry)
  };
  std::vector<DeclaredColumn> declared_columns;
  /// Byte offsets of calls that create every declared table that does not exist yet
  /// (SQLAlchemy's `metadata.create_all()`), outside tests: the pipeline then takes each
  /// declared table of the project as created at run time where no migration creates it.
  std::vector<uint32_t> creates_declared_tables;
  /// Tables a library the file configures creates when the application starts
  /// (connect-pg-simple's `createTableIfMissing: true`): a use of one is unchecked, not missing.
  struct RunTimeTable {
    std::string schema, name;
    uint32_t offset = 0;  ///< the configuration that turns the creation on
    const char* how = "";  ///< static text: "created at run time by connect-pg-simple (createTableIfMissing) at"
  };
  std::vector<RunTimeTable> created_at_run_time;
  /// Byte offsets of database-call arguments this layer read as statement objects, units of its
  /// own (`session.execute(query)` where `query = sa.select(db.Flow)...`): the SQL extractor's
  /// "built at run time" site for the same argument is dropped.
  std::vector<uint32_t> statement_arguments;
};

struct DataLayer {
  std::string_view name;                      ///< "prisma", "drizzle", "supabase-js", ...
  std::vector<std::string_view> languages;    ///< host languages whose files it reads
  /// Files it reads although no language owns them (schema.prisma), by root-relative path; null: none.
  bool (*claims)(std::string_view path) = nullptr;
  /// Cheap test on the text before any work (an import of the package): false skips the file.
  bool (*relevant)(std::string_view text) = nullptr;
  void (*extract)(const FileInput& in, FileOutput* out) = nullptr;
  /// Reads a file of its languages before extraction and adds what other files need to know
  /// (key, value); null: the layer reads each file alone. Runs on every relevant file.
  void (*index)(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) = nullptr;
  /// Which files `index` reads, when more than the relevant ones (a package __init__ that
  /// re-exports a model's base); null: the relevant ones.
  bool (*index_reads)(std::string_view path, std::string_view text) = nullptr;
  /// `index` reads the text alone (words, settings): the file is not parsed for it, and its
  /// FileInput has a null root.
  bool index_text_only = false;
  /// With index_text_only: the files whose tree `index` reads all the same (the entity classes
  /// among every Java file); null: none.
  bool (*index_parses)(std::string_view text) = nullptr;
  /// `relevant` with the project's facts, for a layer whose use a file may only reach through
  /// another file's declaration (a parameter typed with a project alias of the client's type):
  /// such a file is relevant only when the project has one, and is otherwise not parsed for it.
  /// When set, the scan asks it instead of `relevant`; `facts` may be null (then as `relevant`).
  bool (*relevant_in)(std::string_view text, const ProjectFacts* facts) = nullptr;
  /// Whether a file's text shows the project uses the layer at all (ActiveRecord's name, without
  /// which no class is a model): `index` runs only when one file of its languages does, and no
  /// file is parsed for it otherwise; null: it always runs.
  bool (*index_wanted)(std::string_view text) = nullptr;
  /// Whether the scan reads a file of its languages at this root-relative path at all (a layer
  /// that leaves tests alone): a file it refuses is not parsed for it; null: every one.
  bool (*reads_path)(std::string_view path) = nullptr;
  /// Go and Python: whether a top-level function body (a Python method's too) holds something
  /// `extract` reads (a call it follows, the head of a chain, a helper's call), by the same
  /// lexical test for every body: `code` is the body with its literals and comments blanked
  /// (languages/blank_bodies.h). A body no layer of the file and
  /// no site gate keeps is blanked before the file is parsed (pipeline/body_gate.cpp). Null: the
  /// layer needs the whole file (it resolves names across bodies), which is then parsed whole.
  bool (*reads_body)(std::string_view code) = nullptr;
  /// Words of which a text holds one wherever `relevant` is true (an import path, a call): a file
  /// of none is not asked. The scan reads each file once for the words of all layers of its
  /// language (LayerGates). Empty: every file is asked.
  std::vector<std::string_view> relevant_words = {};
  /// The same for `relevant_in`.
  std::vector<std::string_view> relevant_in_words = {};
  /// The same for `index_reads` (for `relevant` in the index phase of a layer without one:
  /// relevant_words).
  std::vector<std::string_view> index_words = {};
  /// The same for `index_wanted`.
  std::vector<std::string_view> wanted_words = {};
};

struct FamilyWords;

/// The words (DataLayer::relevant_words, ...) of every layer of one host language family ("" for
/// files layers claim), and a caller's own words, to be searched for together.
class FileWordSearch {
 public:
  /// `located`: more of the caller's words, each place of which LayerGates reports.
  FileWordSearch(std::string_view family, const std::vector<std::string>& also,
                 const std::vector<std::string>& located = {});
  ~FileWordSearch();
  FileWordSearch(FileWordSearch&&) noexcept;
  /// The layers' words alone, built once per family.
  static const FileWordSearch& of(std::string_view family);

 private:
  friend class LayerGates;
  std::vector<uint32_t> also_;  ///< the index of each caller's word in the search (filled first)
  std::vector<int32_t> located_of_;  ///< by index in the search: its index in `located`, or -1
  std::unique_ptr<FamilyWords> words_;
};

/// Which of a file's data layer tests may be true, from one reading of the text for a
/// FileWordSearch's words: a test whose words the text lacks is false without being asked; the
/// others are asked as before, so every answer is the test's own.
class LayerGates {
 public:
  LayerGates(std::string_view family, std::string_view text) : LayerGates(FileWordSearch::of(family), text) {}
  LayerGates(const FileWordSearch& words, std::string_view text);
  /// The same, and into `*located` every place a located word occurs (WordHit::word: its index
  /// in the FileWordSearch's `located`), in order of their ends.
  LayerGates(const FileWordSearch& words, std::string_view text, std::vector<source::WordHit>* located);
  /// From an earlier search of the same text with the same words (found()).
  LayerGates(const FileWordSearch& words, std::vector<bool> found) : words_(&words), found_(std::move(found)) {}
  const std::vector<bool>& found() const { return found_; }
  bool relevant(const DataLayer& layer) const { return open(layer, 0); }
  bool relevant_in(const DataLayer& layer) const { return open(layer, 1); }
  bool index_reads(const DataLayer& layer) const { return open(layer, 2); }
  bool index_wanted(const DataLayer& layer) const { return open(layer, 3); }
  /// Whether the text holds the caller's word `also[i]` (text.find(also[i]) != npos).
  bool holds(size_t i) const { return found_[words_->also_[i]]; }

 private:
  bool open(const DataLayer& layer, int test) const;
  const FileWordSearch* words_ = nullptr;
  std::vector<bool> found_;
};


/// Every data layer, one row each.
const std::vector<DataLayer>& datalayers();

/// Whether some data layer claims `path` (a file no host language owns).
bool claimed(std::string_view path);

}  // namespace schemagate::datalayers
