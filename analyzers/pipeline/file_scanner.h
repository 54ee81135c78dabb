// One file through the extract and resolve phases: FileScanner reads it, finds its SQL sites and
// the data layers' requirements (extract.cpp), and parses and resolves each site's SQL against
// the schema the file meets (resolve_sites.cpp). One scanner per thread; it keeps its parsers.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <algorithm>
#include <cstring>
#include <atomic>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include "analyzers/checks/check.h"
#include "analyzers/checks/verdict.h"
#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/kysely_naming.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/languages/query_dialects.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/pipeline/engine_managed.h"
#include "analyzers/pipeline/migration_sets.h"
#include "analyzers/pipeline/test_schema.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/templates.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/pipeline/unchecked_reasons.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/git_head.h"
#include "analyzers/report/line_index.h"
#include "analyzers/sql/fragments.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/placeholders.h"
#include "analyzers/sql/requirements.h"
#include "analyzers/sql/scan.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/star_columns.h"
#include "analyzers/pipeline/scan_plan.h"

namespace schemagate::pipeline {

/// Whether the file's SQL looks like a query tool's named query (aiosql, ...), by language.
bool runs_named_query(std::string_view text, const languages::Language& lang);
/// Whether `sql` calls a ClickHouse function (its SQL is ClickHouse's).
bool calls_clickhouse_function(std::string_view sql);

using CodeFileList = std::vector<std::pair<std::string, const languages::Language*>>;

/// Trees one phase parsed that a later phase reads again (a data layer's index, then the scan),
/// kept with the text they were parsed from. The source bytes held are bounded, so memory stays
/// small whatever the project's size (a tree takes about 20 bytes per byte of source): a file
/// past the bound is read and parsed again. Shared by the phase's threads.
class ParsedFiles {
 public:
  static constexpr size_t kSourceBytes = 1 << 20;
  /// Keeps `text` and `*tree` (moved from) for `path` while the bound allows. `parsed_from`: what
  /// the tree was parsed from when it is not `text` (function bodies blanked: body_gate.cpp), as
  /// the scan tells one parse from another (the blanked text, or the spans the parse skipped).
  void keep(const std::string& path, std::string_view text, languages::Tree* tree, std::string_view parsed_from = {}) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!*tree || held_ + text.size() + parsed_from.size() > kSourceBytes || files_.count(path)) return;
    held_ += text.size() + parsed_from.size();
    files_.emplace(path, Kept{std::string(text), std::move(*tree), std::string(parsed_from)});
  }
  /// The text and tree kept for `path`, handed over; false when none is. Only a caller that
  /// takes `parsed_from` is handed a tree of blanked bodies.
  bool take(const std::string& path, std::string* text, languages::Tree* tree, std::string* parsed_from = nullptr) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = files_.find(path);
    if (it == files_.end() || (!parsed_from && !it->second.parsed_from.empty())) return false;
    held_ -= it->second.text.size() + it->second.parsed_from.size();
    *text = std::move(it->second.text);
    *tree = std::move(it->second.tree);
    if (parsed_from) *parsed_from = std::move(it->second.parsed_from);
    files_.erase(it);
    return true;
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    files_.clear();
    held_ = 0;
    words_.clear();
  }
  /// Keeps which of its language's scan words (extract.cpp's scan_words_of) `path` holds, and
  /// whether it holds a statement shape (source::may_contain_sql, from the same search), for
  /// the next phase that reads it: each file is searched once.
  void keep_words(const std::string& path, std::vector<bool> found, bool statement_shape) {
    std::lock_guard<std::mutex> lock(mutex_);
    words_.emplace(path, std::make_pair(std::move(found), statement_shape));
  }
  /// The words kept for `path`, copied (several phases ask); false when none are.
  bool words(const std::string& path, std::vector<bool>* found, bool* statement_shape) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = words_.find(path);
    if (it == words_.end()) return false;
    *found = it->second.first;
    *statement_shape = it->second.second;
    return true;
  }

 private:
  std::mutex mutex_;
  size_t held_ = 0;
  struct Kept {
    std::string text;
    languages::Tree tree;
    std::string parsed_from;
  };
  std::map<std::string, Kept> files_;
  std::map<std::string, std::pair<std::vector<bool>, bool>> words_;
};
/// Whether the evaluate phase may change a reference's status by judging its requirement (a
/// relation or column missing, or unchecked with no note): only then is `judged` kept.
inline bool judged_later(const ReferenceRecord& ref) {
  return (ref.kind == "relation" || ref.kind == "column") &&
         (ref.status == "missing" || (ref.status == "unchecked" && ref.note.empty()));
}

/// Scans `files` (of `all_code`, where constants come from) on `n` threads into `results`,
/// following constants across files with each file parsed once (constants_pass.cpp). The first
/// pass takes the trees `parsed` holds instead of parsing their files again.
void scan_with_constants(const source::FileSystem& fs, const Options& options, const Targets& targets,
                         const TestSchemas& test_schemas, const datalayers::ProjectFacts* facts,
                         const CodeFileList& files, const CodeFileList& all_code, unsigned n,
                         std::vector<FileResult>* results, ParsedFiles* parsed = nullptr);

class FileScanner {
 public:
  FileScanner(const source::FileSystem& fs, const Options& options, const Targets& targets,
              const TestSchemas& test_schemas, const languages::ProjectConstants* project = nullptr,
              const datalayers::ProjectFacts* facts = nullptr)
      : fs_(fs), options_(options), targets_(targets), project_(project), facts_(facts), test_schemas_(test_schemas) {}

  /// The project the next scans ask (a first pass's: the wrappers known so far, recording).
  void use_project(const languages::ProjectConstants* project) { project_ = project; }

  /// Whether the file calls the database by a name: one of the language's database calls, of
  /// the user's (`database_calls`), or a function of the project that wraps one (known once the
  /// first pass is over: a file left out before is scanned again then, see FirstPass::deferred).
  bool calls_database(std::string_view text, const languages::Language& lang) const;

  /// Go: whether a scan of `text` may find a SQL site (languages/go_prefilter.h), the literals
  /// that stand alone judged as analyze_site would judge them (go_scan_gate.cpp).
  /// `lexed`: go_lex(text), when the caller has it.
  bool go_may_yield_site(const std::string& rel, const std::string& text, const languages::Language& lang,
                         const languages::GoLexicon* lexed = nullptr);

  /// The text a kept file of `lang`, which `layers` read, is parsed from: the file with the
  /// top-level function bodies that can give no site, requirement or definition blanked
  /// (languages/blank_bodies.h), or "" to parse it as it is (body_gate.cpp).
  /// `asked` (the first pass's questions): each name a blanked body calls is asked as a wrapper,
  /// as its extraction would have (the files that may define it are read for it). `skipped`, if
  /// given: spans of the text parsed (the text returned, or `text` when "" comes back with
  /// spans) that are to be parsed without being read (Parser::parse's), its bytes there left as
  /// they are: a Python body's after its `pass`, a Go body's between its braces (Go's text is
  /// then not copied: the parser reads `{}`).
  std::string text_to_parse(const std::string& rel, const std::string& text, const languages::Language& lang,
                            const std::vector<const datalayers::DataLayer*>& layers,
                            std::set<languages::ProjectQuery>* asked,
                            std::vector<languages::Parser::Span>* skipped = nullptr);
  std::string python_text_to_parse(const std::string& rel, const std::string& text, const languages::Language& lang,
                                   const std::vector<const datalayers::DataLayer*>& layers,
                                   std::set<languages::ProjectQuery>* asked,
                                   std::vector<languages::Parser::Span>* skipped);

  /// Extract and resolve: the SQL sites of one file and the data layers' requirements. `lang`
  /// is null for a file no host language owns that a data layer claims. `layer_outputs`: what
  /// the data layers gave a scan of the same file before (FirstPass::layer_outputs), taken
  /// instead of extracting again.
  FileResult scan(const std::string& rel, const languages::Language* lang, FirstPass* first = nullptr,
                  const std::vector<datalayers::FileOutput>* layer_outputs = nullptr);

  /// The file's text and tree are taken from `parsed` when it holds them, else read and parsed.
  void take_parsed_from(ParsedFiles* parsed) { parsed_ = parsed; }

 private:
  /// What the file tells about how its sites are judged, before any is: the engine its SQL is
  /// for, whether only database calls' SQL counts, the fakes a test declares, and the schema a
  /// test or a script meets (test_schema.h).
  void judge_file(const std::string& rel, const std::string& text, const languages::Language* lang, TSNode root,
                  const report::LineIndex& lines, const std::vector<languages::SqlSite>& sites);

  /// "typescript" for tsx: data layers and configuration name the language family.
  static std::string_view language_family(const languages::Language& lang) {
    return lang.name == "tsx" ? std::string_view("typescript") : lang.name;
  }

  /// For each unit of a data layer's output in a test file: the file's own type that declares the
  /// method the unit's call goes to ("interface TestSupabase"), or "". Empty outside tests.
  std::vector<std::string> layer_test_doubles(const std::string& rel, const languages::Language* lang, TSNode root,
                                              std::string_view text, const datalayers::FileOutput& out);

  /// A data layer's units become sites (checked), its unchecked uses unchecked sites, and its
  /// requirements join the file's, with their references for the audit view.
  void add_layer_output(const std::string& rel, const report::LineIndex& lines, const datalayers::DataLayer& layer,
                        datalayers::FileOutput out, FileResult* result, const std::vector<std::string>& doubles);

  languages::Parser& parser_for(const languages::Language& lang) {
    auto it = parsers_.find(&lang);
    if (it == parsers_.end()) it = parsers_.emplace(&lang, std::make_unique<languages::Parser>(lang)).first;
    return *it->second;
  }

  void analyze_site(const std::string& rel, const report::LineIndex& lines, const languages::SqlSite& site,
                    FileResult* result);

  /// Why a site is left unchecked before its SQL is read: its text goes to a fake, meets another
  /// schema than the newest (test_schema.h) or another engine, is an expected failure, or is
  /// built at run time. Sets rec's reason; false when the site is read. `*no_site`: it is no site
  /// at all (OtherSchema::site), not to be counted.
  bool unchecked_before_reading(const std::string& rel, const report::LineIndex& lines, const languages::SqlSite& site,
                                SiteRecord* rec, FileResult* result, bool* no_site);

  /// A site whose SQL neither parses nor reads around its fragments: a syntax error where a
  /// database call certainly sends it to PostgreSQL as it is, else unchecked with the reason.
  /// `only_fragments`: it parses around its run-time fragments, which hold every name (`why_not` says so).
  void record_unparsed(const std::string& rel, const languages::SqlSite& site, const sql::NormalizedSql& norm,
                       const sql::ParseError& perr, bool has_holes, const std::string& why_not, bool only_fragments,
                       SiteRecord rec, FileResult* result);

  /// The statement `s` of a checked site (index `site_index` in the file's sites), as the deep
  /// check PREPAREs it: its text and host offsets, and whether it must be planned (ON CONFLICT).
  static CheckedStatement checked_statement(const std::string& rel, size_t site_index, const sql::ParsedStatement& s,
                                            const sql::SqlText& sql, std::string fingerprint_text);

  /// A fragment a query builder chain holds as an expression is part of the chain's query, not a
  /// statement: no site of its own (the chain is one, read by its data layer). What it names is
  /// required all the same, in the scope of the chain's relations; a fragment that does not read
  /// as an expression (`sql\`${col} desc\``) requires nothing that can be told. `listed` (the
  /// record of a site whose scope is listed, ChainScope::listed): that site is recorded, checked
  /// with its references, or unchecked when it does not read as an expression.
  void analyze_chain_expression(const std::string& rel, const languages::SqlSite& site, const schema::Schema& intended,
                                SiteRecord* listed, FileResult* result);
  /// Appends a record of each of `res`'s references to `rec`, at its host offset through `text`.
  void add_reference_records(const sql::Resolution& res, const sql::SqlText& text, SiteRecord* rec) const;

  /// The texts of one expression (a function returning one of several constants) are one site:
  /// the last record joins the lead's. Checked when every text is, partly when some reference
  /// of some text is judged; the references of all texts are listed.
  static void merge_variant(FileResult* result, size_t lead);

  /// sqlc's stars: each column the relation has in the schema the code was written for becomes a
  /// column requirement at the star (sqlc wrote them all into the generated query); presence()
  /// then judges them like any other. Remembered with the star's width for the finding's note.
  void add_star_requirements(const sql::Node* stmt, const sql::SqlText& text, const schema::Schema& intended,
                             size_t unit, FileResult* result);

  /// The engine another driver of a Go file's package gives its SQL (source::other_engine_of_go_package),
  /// by package directory: every file of a package asks the same question, and each answer reads
  /// the whole package.
  const std::string& package_engine(const std::string& rel);
  std::map<std::string, std::string> package_engine_;
  /// The package.json scripts' outputs that decide whether a file is generated, by file folder.
  std::map<std::string, source::PackageOutputs> package_outputs_;
  /// The workspace's packages, name -> manifest (source::package_without_database_client), read once.
  std::optional<std::map<std::string, std::string>> workspace_packages_;

  const source::FileSystem& fs_;
  const Options& options_;
  const Targets& targets_;
  Targets file_targets_;  ///< targets_ for the file being scanned: its service's schema
  /// The search path of the file being scanned: its service's, else the run's.
  const std::vector<std::string>& search_path() const {
    return file_targets_.search_path ? *file_targets_.search_path : options_.search_path;
  }
  const languages::ProjectConstants* project_;
  /// While a first pass's body gate runs: the file's functions that may wrap a database call
  /// (FirstPass::own_candidates), or null.
  const std::set<std::string>* own_candidates_ = nullptr;
  /// Set while text_to_parse runs on a Python file whose own candidates are wanted: where
  /// python_text_to_parse stores them (ProjectConstants::python_parameter_passers).
  std::set<std::string>* own_candidates_out_ = nullptr;
  const datalayers::ProjectFacts* facts_;
  bool only_database_calls_ = false;  ///< this file's SQL counts only where a database call runs it
  std::string other_engine_;          ///< the engine this file's SQL is for, when not PostgreSQL
  /// The imports of `text` (source::FileImports): those of the file being scanned are read at
  /// the first question its scan asks of them (the gates, the body gate and judge_file ask up to
  /// six) and kept until the scan ends; any other text's are read for the question.
  const source::FileImports& imports(const std::string& text);
  std::optional<source::FileImports> imports_;
  const std::string* scanned_text_ = nullptr;  ///< the text of the scan under way, which imports_ may hold
  const TestSchemas& test_schemas_;
  /// What the file being scanned says about the schema its SQL meets (test_schema.h).
  FileSchema file_schema_;

  bool plain_sql_file_ = false;       ///< a .sql file of no known query tool (sqlc, pgtyped, aiosql)
  bool postgres_code_ = false;        ///< a query tool's .sql file, or code importing a PostgreSQL driver
  std::string no_database_client_;    ///< a test file's package.json that declares no database client
  /// In a test file: call name -> the file's own type declaring it ("interface TestSql"), or "".
  std::map<std::string, std::string> test_doubles_;
  std::map<const languages::Language*, std::unique_ptr<languages::Parser>> parsers_;
  ParsedFiles* parsed_ = nullptr;
};

}  // namespace schemagate::pipeline
