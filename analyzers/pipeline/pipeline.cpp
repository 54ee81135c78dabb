#include "analyzers/pipeline/pipeline.h"

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

namespace schemagate::pipeline {
namespace {

/// A reference's status as the checks judge its requirement (checks/verdict.h), so `refs` and
/// `check` cannot disagree: what resolution found missing may exist outside the migrations (the
/// code, another engine or Hibernate creates it) or be there when a dated script runs; a relation
/// or column left unchecked without a reason gets the excuse the checks see. The running code of a
/// deploy run is judged by other checks: its references stay as resolved.
void judge_reference(const checks::Evaluation& eval, const std::string& file, ReferenceRecord* ref) {
  if ((ref->kind != "relation" && ref->kind != "column") || !eval.eventual || eval.mode == checks::kDeploy ||
      ref->judged.schema.empty())
    return;
  if (ref->status == "missing") {
    checks::Verdict v = checks::judge(eval, file, ref->judged);
    if (v.status == checks::Verdict::Status::Missing) return;
    ref->status = v.status == checks::Verdict::Status::Ok ? "ok" : "unchecked";
    ref->note = v.note;
  } else if (ref->status == "unchecked" && ref->note.empty()) {
    ref->note = checks::excuse(eval, ref->judged);
  }
}

const char* status_name(sql::RefStatus s) {
  switch (s) {
    case sql::RefStatus::Resolved: return "ok";
    case sql::RefStatus::Missing: return "missing";
    case sql::RefStatus::Unchecked: return "unchecked";
  }
  return "unchecked";
}

/// A relation that a statement the code runs creates (a test's CREATE TEMP TABLE, a script's
/// SELECT ... INTO, CREATE TABLE IF NOT EXISTS at start-up): it exists when the code runs.
struct CodeCreated {
  sql::CreatedRelation relation;
  std::string file;
  int line = 0;
  const char* how = "created at run time by the code at";
};

/// Whether SQL text calls a function that only ClickHouse has (Cloudflare's Analytics Engine
/// speaks the same dialect). A file that holds such SQL sends queries to another engine, often
/// over tables named like the PostgreSQL ones: as in a Spark job, only the strings a PostgreSQL
/// database call receives are sites there. The names are camelCase, which PostgreSQL code does
/// not write (unquoted names fold to lower case), and matched as calls, not as `x.toDateTime(`.
bool calls_clickhouse_function(std::string_view sql) {
  static constexpr std::string_view kNames[] = {
      "toDateTime", "toDate", "toStartOfInterval", "toStartOfDay", "toStartOfHour", "toStartOfMonth",
      "toStartOfWeek", "toUnixTimestamp", "formatDateTime", "argMax", "argMin", "uniqExact", "countIf",
      "sumIf", "avgIf", "groupArray", "toUInt32", "toUInt64", "toInt64", "toFloat64", "toString",
      "currentDatabase", "anyIf", "anyLast", "uniqIf", "minIf", "maxIf", "groupUniqArray", "now64"};
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::string_view name : kNames) {
    for (size_t at = sql.find(name); at != std::string_view::npos; at = sql.find(name, at + 1)) {
      if (at > 0 && (word_char(sql[at - 1]) || sql[at - 1] == '.')) continue;
      size_t k = at + name.size();
      while (k < sql.size() && (sql[k] == ' ' || sql[k] == '\t')) ++k;
      if (k < sql.size() && sql[k] == '(') return true;
    }
  }
  return false;
}

/// Columns to underline at a star that starts at host byte `at`: through the `*` of `t.*`, or the
/// name inside sqlc.embed(t).
int star_width(std::string_view host, size_t at) {
  size_t end = at;
  while (end < host.size() && (std::isalnum(static_cast<unsigned char>(host[end])) || host[end] == '_' ||
                               host[end] == '.' || host[end] == '"'))
    ++end;
  if (end < host.size() && host[end] == '*') ++end;
  return std::max(1, static_cast<int>(end - at));
}

/// Where the statement at `location` really starts: libpg_query's location includes the blanks
/// and comments before it.
size_t statement_start(const std::string& sql, size_t location) {
  size_t at = sql::skip_blanks_and_comments(sql, location);
  return at >= sql.size() ? location : at;
}

/// A statement that does not parse is judged PostgreSQL's only when it starts as DML does and
/// nothing in it marks another engine's dialect (backquotes, brackets, MySQL's and SQLite's own
/// clauses, @variables) or a template filled in later ({name}, #{name}, {{ }}): those stay
/// unchecked. Outside string literals and comments.
bool plainly_postgresql(const std::string& sql) {
  std::string code;  // lower-cased, string constants as '', comments as one blank (sql/scan.h)
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (sql::Skipped comment = sql::skip_comment_run(sql, i); comment.end != i) {
      code += ' ';
      i = comment.end - 1;
      continue;
    }
    if (c == '\'' || !sql::dollar_tag(sql, i).empty()) {
      code += "''";
      i = sql::skip_quoted(sql, i).end - 1;
      continue;
    }
    if (c == '"') {  // a quoted identifier is a name: kept, so a quote inside it starts nothing
      size_t end = sql::skip_quoted(sql, i).end;
      for (; i < end; ++i) code += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i])));
      --i;
      continue;
    }
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  size_t first = code.find_first_not_of(" \t\r\n(");
  if (first == std::string::npos) return false;
  bool dml = false;
  for (const char* k : {"select", "insert", "update", "delete", "with", "merge"})
    if (code.compare(first, std::strlen(k), k) == 0 && (first + std::strlen(k) >= code.size() ||
                                                          !std::isalnum(static_cast<unsigned char>(code[first + std::strlen(k)]))))
      dml = true;
  if (!dml) return false;
  for (char c : code)
    if (c == '`' || c == '[' || c == ']' || c == '{' || c == '}' || c == '@' || c == '#' || c == '\\')
      return false;
  for (const char* m : {"auto_increment", "on duplicate key", "insert ignore", "replace into", "insert or ", "pragma",
                        " top ", "unsigned", "engine=", "nolock", "rownum", "straight_join", "sql_calc_found_rows",
                        "ifnull", "group_concat", "limit ?", "limit $1,", " regexp ", " rlike ", "lock in share mode",
                        " if not exists", " if exists", "allow filtering", "using ttl"})
    if (code.find(m) != std::string::npos) return false;
  return true;
}

/// The statement is one string literal of the file (escapes aside): no pieces joined by `+`,
/// `+=` or a constant from elsewhere. Joined pieces may come from branches that never run
/// together (`if sorted { q += "ORDER BY a" } else { q += "ORDER BY b" }`), which the scan
/// reads one after the other: their sum failing to parse proves nothing.
bool one_literal(const sql::SqlText& sql) {
  for (size_t i = 1; i < sql.origin.size(); ++i)
    if (sql.origin[i] < sql.origin[i - 1] || sql.origin[i] - sql.origin[i - 1] > 10) return false;
  return true;
}

/// Whether `text` calls one of `lang`'s query-running methods by name (`.ExecContext(`,
/// `.execute(`): its SQL may be a constant of another file (a Go package's queries.go, a Python
/// queries module), so a file without a SQL keyword is still scanned. Only names that run a
/// query whatever the library: not Get, Select, raw, run or fetch, which most code calls for
/// other things. A query tool's .sql file runs every statement it names.
bool runs_named_query(std::string_view text, const languages::Language& lang) {
  // A query tool's .sql file (sqlc's "-- name: F :one" headers) holds the statements it runs,
  // each a query, with or without a FROM (SELECT f($1)).
  if (lang.name == "sql") return languages::query_dialect_for(text).name != "plain";
  // Go names its query methods like other APIs (an archiver's Query, a storage client's Get):
  // only a file that imports a database package.
  if (lang.name == "go") {
    static constexpr std::string_view kPackages[] = {"database/sql", "sqlx", "pgx", "gorm", "uptrace/bun", "lib/pq", "go-pg"};
    if (std::none_of(std::begin(kPackages), std::end(kPackages),
                     [&](std::string_view p) { return text.find(p) != std::string_view::npos; }))
      return false;
  }
  for (std::string_view name : lang.database_calls) {
    bool specific = name.find("Exec") != std::string_view::npos || name.find("Query") != std::string_view::npos ||
                    name.find("execute") != std::string_view::npos || name == "GetContext" || name == "SelectContext" ||
                    name == "fetchrow" || name == "fetchval";
    if (!specific) continue;
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1))
      if (at > 0 && text[at - 1] == '.' && at + name.size() < text.size() && text[at + name.size()] == '(') return true;
  }
  // A query format of another file filled in here: fmt.Sprintf(queryFmtSelectUser, tableUsers).
  for (size_t at = text.find("Sprintf("); at != std::string_view::npos; at = text.find("Sprintf(", at + 1)) {
    std::string_view arg = text.substr(at + 8, 5);
    std::string low;
    for (char c : arg) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (low.starts_with("query") || low.starts_with("sql") || low.starts_with("stmt")) return true;
  }
  return false;
}

/// Whether the statements name at least one relation and nothing ties them to `schema`: no
/// relation they name is there, none was dropped or renamed by a migration, and none is a
/// near miss of one there (a typo, a case slip: those are findings about this schema).
bool names_no_relation_of_schema(const std::vector<sql::Resolution>& resolutions, const schema::Schema& schema) {
  std::vector<std::string> names;
  for (auto& [key, r] : schema.relations()) names.push_back(r.name);
  bool missing = false;
  for (const sql::Resolution& r : resolutions)
    for (const sql::Reference& ref : r.refs) {
      if (ref.kind != sql::Reference::Kind::Relation) continue;
      if (ref.status == sql::RefStatus::Resolved) return false;
      if (ref.status != sql::RefStatus::Missing) continue;
      missing = true;
      for (const schema::SchemaEvent& e : schema.history)
        if (e.relation == ref.relation) return false;
      if (!checks::case_variant(ref.relation, names).empty() || !checks::closest_name(ref.relation, names).empty())
        return false;
    }
  return missing;
}

bool site_is_sql_file(const std::string& rel) { return rel.size() > 4 && rel.compare(rel.size() - 4, 4, ".sql") == 0; }

/// Runs work(state, i) for i in [0, count) on `threads` threads, each with its own State.
template <typename State, typename Work>
void for_each_parallel(size_t count, unsigned threads, Work&& work) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    State state;
    for (size_t i = next++; i < count; i = next++) work(state, i);
  };
  unsigned n = static_cast<unsigned>(std::min<size_t>(std::max(1u, threads), std::max<size_t>(1, count)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

/// The data layers' index phase: every layer with an `index` reads the files of its languages
/// that it finds relevant (an ActiveRecord model's table, its associations), before any file is
/// extracted, and on the files a layer claims (`lang` null). On `threads` threads, each file
/// alone; the facts are gathered in file order, as one thread would.
datalayers::ProjectFacts index_datalayers(const source::FileSystem& fs, const Options& options,
                                          const std::vector<std::pair<std::string, const languages::Language*>>& files,
                                          unsigned threads) {
  // Which files some layer indexes, by path and language alone: most projects have none.
  std::vector<size_t> indexed;
  std::vector<std::vector<const datalayers::DataLayer*>> layers_of;
  for (size_t i = 0; i < files.size(); ++i) {
    auto& [rel, lang] = files[i];
    if (lang && !lang->grammar) continue;
    std::string_view family = !lang ? "" : lang->name == "tsx" ? std::string_view("typescript") : lang->name;
    std::vector<const datalayers::DataLayer*> layers;
    for (auto& layer : datalayers::datalayers())
      if (layer.index && (lang ? std::find(layer.languages.begin(), layer.languages.end(), family) != layer.languages.end()
                               : layer.claims && layer.claims(rel)))
        layers.push_back(&layer);
    if (layers.empty()) continue;
    indexed.push_back(i);
    layers_of.push_back(std::move(layers));
  }
  using Found = std::vector<std::pair<std::string, std::string>>;
  std::vector<Found> found(indexed.size());
  using Parsers = std::map<const languages::Language*, std::unique_ptr<languages::Parser>>;
  for_each_parallel<Parsers>(indexed.size(), threads, [&](Parsers& parsers, size_t k) {
    auto& [rel, lang] = files[indexed[k]];
    std::string_view family = !lang ? "" : lang->name == "tsx" ? std::string_view("typescript") : lang->name;
    std::string text, err;
    if (!fs.read(source::join_path(options.root, rel), &text, &err) || source::is_generated(text)) return;
    std::unique_ptr<languages::Parser>* parser = nullptr;
    if (lang) {
      parser = &parsers[lang];
      if (!*parser) *parser = std::make_unique<languages::Parser>(*lang);
      if (!(*parser)->ok()) return;
    }
    languages::Tree tree;
    for (auto* layer : layers_of[k]) {
      if (layer->index_reads ? !layer->index_reads(rel, text) : layer->relevant && !layer->relevant(text)) continue;
      if (parser && !tree && (!layer->index_text_only || (layer->index_parses && layer->index_parses(text)))) {
        tree = (*parser)->parse(text);
        if (!tree) break;
      }
      datalayers::FileInput in{rel, text, tree ? ts_tree_root_node(tree.get()) : TSNode{}, family, "public"};
      layer->index(in, &found[k]);
    }
  });
  datalayers::ProjectFacts facts;
  for (auto& f : found)
    for (auto& [key, value] : f) facts[key].push_back(std::move(value));
  return facts;
}

/// What the extract and resolve phases leave of one file; evaluation comes later, once every
/// file is known (a relation one file creates at run time excuses another file's use of it).
struct FileResult {
  bool scanned = false;
  std::string skip_reason;
  std::vector<CodeCreated> created;
  /// Tables the file's models declare, and the lines of its create-all calls (data layers).
  std::vector<sql::CreatedRelation> declared;
  std::vector<int> creates_declared;
  std::vector<report::Suppression> suppressions;
  std::string error;
  std::vector<SiteRecord> sites;
  requirements::FileRequirements requirements;
  std::string text;  ///< kept while it has requirements: messages quote its lines
  /// sqlc stars that stand for column requirements, by host byte offset.
  std::map<uint32_t, int> stars;
  /// Statements a database call sends that PostgreSQL cannot parse (syntax-error), at host offsets.
  std::vector<report::Diagnostic> syntax_errors;
  /// Statements of checked sites; `site` indexes `sites` of this file until merged.
  std::vector<CheckedStatement> statements;
};

/// What the first pass over a file leaves for the constants phase: the file's own constants
/// (from the tree the scan parsed anyway) and every question its extraction asked the project.
struct FirstPass {
  languages::FileConstants* constants = nullptr;  ///< null: the file is not among the phase's files
  languages::FileWrappers* wrappers = nullptr;
  bool known = false;  ///< its constants are collected (or it has none the phase would read)
  std::set<languages::ProjectQuery> asked;
  /// Left out by the lexical prefilter while the project's own database calls were unknown:
  /// scanned again when it holds the name of one.
  bool deferred = false;
};

class FileScanner {
 public:
  FileScanner(const source::FileSystem& fs, const Options& options, const Targets& targets,
              const TestSchemas& test_schemas, const languages::ProjectConstants* project = nullptr,
              const datalayers::ProjectFacts* facts = nullptr)
      : fs_(fs), options_(options), targets_(targets), project_(project), facts_(facts), test_schemas_(test_schemas) {}

  /// Whether the file calls the database by a name: one of the language's database calls, of
  /// the user's (`database_calls`), or a function of the project that wraps one (known once the
  /// first pass is over: a file left out before is scanned again then, see FirstPass::deferred).
  bool calls_database(std::string_view text, const languages::Language& lang) const {
    if (languages::ProjectConstants::may_define_wrapper(lang, text)) return true;
    auto extra = options_.extra_database_calls.find(std::string(language_family(lang)));
    if (extra != options_.extra_database_calls.end() &&
        std::any_of(extra->second.begin(), extra->second.end(),
                    [&](const std::string& name) { return languages::ProjectConstants::holds_word(text, name); }))
      return true;
    return project_ && project_->holds_wrapper_name(lang.name, text);
  }

  /// Extract and resolve: the SQL sites of one file and the data layers' requirements. `lang`
  /// is null for a file no host language owns that a data layer claims.
  FileResult scan(const std::string& rel, const languages::Language* lang, FirstPass* first = nullptr) {
    FileResult result;
    file_targets_ = targets_for(targets_, rel);
    std::string text, err;
    if (!fs_.read(source::join_path(options_.root, rel), &text, &err)) {
      result.error = rel + ": cannot read: " + err;
      return result;
    }
    // The constants phase reads no generated or minified file, nor one without a grammar.
    if (first && (!lang || !lang->grammar || source::is_generated(text) || source::is_minified(text)))
      first->known = true;
    if (source::is_generated(text)) {
      result.skip_reason = "generated (marked @generated, DO NOT EDIT or auto generated)";
      return result;
    }
    if (lang && lang->name == "python" && source::is_revision_script(text)) {
      if (first) first->known = true;
      result.skip_reason = "an Alembic revision script outside the migration directories read: its SQL runs against the schema of its time";
      return result;
    }
    // Only bundled JavaScript is dropped for long lines: a .py, .go, .ts or .sql file with long
    // first lines is still code the project runs.
    if (lang && lang->name == "javascript" && source::is_minified(text)) {
      result.skip_reason = "minified JavaScript (long first lines)";
      return result;
    }
    if (lang && lang->owns && !lang->owns(text)) {
      if (first) first->known = true;
      return result;  // not this language's file (a .xml file that is no MyBatis mapper)
    }
    result.scanned = true;
    result.suppressions = report::find_suppressions(text);
    bool sql = lang && (source::may_contain_sql(text) || runs_named_query(text, *lang));
    // The statement shape only in code or comments (Go's `select {`): no site unless the file
    // calls the database with SQL built elsewhere (a dynamic site, or another file's constant).
    if (sql && !runs_named_query(text, *lang) && !languages::literals_may_hold_sql(lang->name, text) &&
        !calls_database(text, *lang)) {
      if (first) first->deferred = true;
      sql = false;
    }
    std::vector<const datalayers::DataLayer*> layers;
    for (auto& layer : datalayers::datalayers()) {
      bool reads = lang ? std::find(layer.languages.begin(), layer.languages.end(), language_family(*lang)) !=
                              layer.languages.end()
                        : layer.claims && layer.claims(rel);
      if (reads && (layer.relevant_in ? layer.relevant_in(text, facts_) : !layer.relevant || layer.relevant(text)))
        layers.push_back(&layer);
    }
    if (!sql && layers.empty()) return result;

    languages::Tree tree;
    TSNode root{};
    bool collect_with_sites = false;
    if (lang && lang->grammar) {
      languages::Parser& parser = parser_for(*lang);
      if (!parser.ok()) {
        result.error = parser.error();
        return result;
      }
      bool collect = first && !first->known && first->constants;
      tree = parser.parse(text);
      if (first) first->known = true;
      if (!tree) {
        // Not checked is not clean: the run stops, naming the file.
        result.error = rel + ": tree-sitter gave up parsing it after " +
                       std::to_string(languages::Parser::budget_micros(text.size()) / 1'000'000) +
                       " s (a pathological or generated file?); leave it out with --exclude or schemagate.yaml's exclude";
        return result;
      }
      root = ts_tree_root_node(tree.get());
      // With SQL to extract, the file's constants come from the same extraction (one set of
      // definitions per tree).
      if (collect && !sql) languages::collect_file_constants(text, root, *lang, first->constants, first->wrappers);
      collect_with_sites = collect && sql;
    }
    report::LineIndex lines(text);
    if (sql) {
      std::vector<languages::SqlSite> sites;
      auto extra = options_.extra_database_calls.find(std::string(language_family(*lang)));
      languages::ExtractInput in{text, root, lang,
                                 extra == options_.extra_database_calls.end() ? nullptr : &extra->second};
      in.path = rel;
      in.project = project_;
      languages::ProjectConstants none;  // the first pass: nothing is known yet, every question is recorded
      if (first) {
        none.record_to(&first->asked);
        in.project = &none;
      }
      if (collect_with_sites) {
        in.constants = first->constants;
        in.wrappers = first->wrappers;
        in.sites_too = true;
      }
      lang->extract(in, &sites);
      judge_file(rel, text, lang, root, lines, sites);
      size_t lead = SIZE_MAX;  // the record of the current site's first variant
      for (auto& site : sites) {
        size_t before = result.sites.size();
        analyze_site(rel, lines, site, &result);
        if (site.variant == 0 || lead == SIZE_MAX) {
          lead = result.sites.size() > before ? before : SIZE_MAX;
        } else if (result.sites.size() > before) {
          merge_variant(&result, lead);
        }
      }
    }
    for (auto* layer : layers) {
      datalayers::FileOutput out;
      datalayers::FileInput in{rel, text, root, lang ? language_family(*lang) : "",
                               search_path().empty() ? "public" : search_path().front(), facts_};
      layer->extract(in, &out);
      std::vector<std::string> doubles = layer_test_doubles(rel, lang, root, text, out);
      add_layer_output(rel, lines, *layer, std::move(out), &result, doubles);
    }
    if (!result.requirements.requirements.empty() || !result.syntax_errors.empty()) result.text = std::move(text);
    return result;
  }

 private:
  /// What the file tells about how its sites are judged, before any is: the engine its SQL is
  /// for, whether only database calls' SQL counts, the fakes a test declares, and the schema a
  /// test or a script meets (test_schema.h).
  void judge_file(const std::string& rel, const std::string& text, const languages::Language* lang, TSNode root,
                  const report::LineIndex& lines, const std::vector<languages::SqlSite>& sites) {
    other_engine_ = source::other_engine_of_code(rel, text);
    // A .sql file no PostgreSQL query tool claims may be a script for any engine or a template.
    plain_sql_file_ = site_is_sql_file(rel) && languages::query_dialect_for(text).name == "plain";
    // Only where the file is certainly PostgreSQL's: a query tool's .sql file, or code that
    // imports a PostgreSQL driver. Elsewhere text that fails to parse is too often another
    // engine's query (a query runner for ClickHouse) or prose passed to a call named text().
    postgres_code_ = site_is_sql_file(rel) ? !plain_sql_file_ : source::imports_postgres_driver(text);
    no_database_client_.clear();
    if (source::is_test_file(rel) && (language_family(*lang) == "typescript" || language_family(*lang) == "javascript"))
      no_database_client_ = source::package_without_database_client(fs_, options_.root, rel);
    only_database_calls_ = source::is_test_file(rel) ||
                           (lang->other_engine_sql && lang->other_engine_sql(text)) ||
                           source::imports_sql_parser(text) ||
                           std::any_of(sites.begin(), sites.end(), [](const languages::SqlSite& s) {
                             return calls_clickhouse_function(s.sql.text);
                           });
    // JavaScript of a package that declares no database client (a front end, a CLI): SQL text
    // there is a sample, a template or a message, unless a database call runs it.
    bool js = language_family(*lang) == "typescript" || language_family(*lang) == "javascript";
    if (js && !only_database_calls_ &&
        std::any_of(sites.begin(), sites.end(), [](const languages::SqlSite& s) { return !s.database_call; }))
      only_database_calls_ = !source::package_without_database_client(fs_, options_.root, rel).empty();
    file_schema_ = test_schemas_.for_file(rel, text, lines);
    test_doubles_.clear();
    if (source::is_test_file(rel) && lang->test_double_of)
      for (auto& site : sites)
        if (site.database_call && !test_doubles_.count(site.call_name))
          test_doubles_[site.call_name] = lang->test_double_of(root, text, site.call_name);
  }

  /// "typescript" for tsx: data layers and configuration name the language family.
  static std::string_view language_family(const languages::Language& lang) {
    return lang.name == "tsx" ? std::string_view("typescript") : lang.name;
  }

  /// A data layer's units become sites (checked), its unchecked uses unchecked sites, and its
  /// requirements join the file's, with their references for the audit view.
  /// For each unit of a data layer's output in a test file: the file's own type that declares the
  /// method the unit's call goes to ("interface TestSupabase"), or "". Empty outside tests.
  std::vector<std::string> layer_test_doubles(const std::string& rel, const languages::Language* lang, TSNode root,
                                              std::string_view text, const datalayers::FileOutput& out) {
    std::vector<std::string> doubles(out.requirements.units.size());
    if (!lang || !lang->test_double_of || ts_node_is_null(root) || !source::is_test_file(rel)) return doubles;
    for (auto& r : out.requirements.requirements) {
      if (r.unit >= doubles.size() || !doubles[r.unit].empty()) continue;
      // The call that holds the requirement's text: `client.from('t')` -> "from".
      TSNode n = ts_node_descendant_for_byte_range(root, r.span.begin, r.span.begin);
      for (int up = 0; up < 6 && !ts_node_is_null(n); ++up, n = ts_node_parent(n)) {
        if (std::string_view(ts_node_type(n)) != "call_expression") continue;
        TSNode fn = ts_node_child_by_field_name(n, "function", 8);
        if (ts_node_is_null(fn) || std::string_view(ts_node_type(fn)) != "member_expression") break;
        TSNode prop = ts_node_child_by_field_name(fn, "property", 8);
        if (ts_node_is_null(prop)) break;
        std::string_view call = text.substr(ts_node_start_byte(prop), ts_node_end_byte(prop) - ts_node_start_byte(prop));
        doubles[r.unit] = lang->test_double_of(root, text, call);
        if (!doubles[r.unit].empty()) doubles[r.unit] = std::string(call) + "() (" + doubles[r.unit] + ")";
        break;
      }
    }
    return doubles;
  }

  void add_layer_output(const std::string& rel, const report::LineIndex& lines, const datalayers::DataLayer& layer,
                        datalayers::FileOutput out, FileResult* result, const std::vector<std::string>& doubles) {
    const schema::Schema& intended = file_targets_.deploy ? *file_targets_.current : *file_targets_.eventual;
    auto& reqs = result->requirements;
    size_t first_unit = reqs.units.size();
    std::vector<SiteRecord> records(out.requirements.units.size());
    // A unit naming a table its test file creates itself meets that table: not judged.
    std::vector<std::optional<OtherSchema>> other(out.requirements.units.size());
    for (auto& r : out.requirements.requirements)
      if (r.unit < other.size() && !other[r.unit] && r.object != requirements::Object::Function)
        other[r.unit] = file_schema_.relation(r.relation);
    for (size_t u = 0; u < out.requirements.units.size(); ++u) {
      reqs.units.push_back(out.requirements.units[u]);
      records[u].file = rel;
      records[u].via = std::string(layer.name);
      records[u].sql = out.requirements.units[u].fingerprint_text;
      records[u].checked = doubles[u].empty();
      if (!doubles[u].empty()) {
        records[u].reason = "a test that declares its own " + doubles[u] + ": its queries go to that fake";
        records[u].reason_id = kTestFake;
      } else if (other[u]) {
        records[u].checked = false;
        records[u].reason = other[u]->reason;
        records[u].reason_id = other[u]->reason_id;
      }
    }
    for (auto& r : out.requirements.requirements) {
      SiteRecord& rec = records[r.unit];
      auto pos = lines.position(r.span.begin);
      if (!doubles[r.unit].empty() || other[r.unit]) {
        if (rec.line == 0) {
          rec.line = pos.line;
          rec.column = pos.column;
        }
        continue;  // not a requirement: the fake has no schema
      }
      if (rec.line == 0) {
        rec.line = pos.line;
        rec.column = pos.column;
      }
      ReferenceRecord rr;
      bool function = r.object == requirements::Object::Function;
      rr.kind = function ? "function" : r.object == requirements::Object::Relation ? "relation" : "column";
      auto p = requirements::presence(r, intended);
      rr.status = p == requirements::Presence::Present ? "ok" : p == requirements::Presence::Absent ? "missing" : "unchecked";
      if (p == requirements::Presence::Unknown && !r.unknown_when_absent.empty()) {
        requirements::Requirement certain = r;
        certain.unknown_when_absent.clear();
        if (requirements::presence(certain, intended) == requirements::Presence::Absent) rr.note = r.unknown_when_absent;
      }
      rr.relation = function ? r.schema + "." + r.function : requirements::qualified(r);
      rr.column = r.column;
      rr.line = pos.line;
      rr.column_number = pos.column;
      rr.judged = r;
      rec.references.push_back(std::move(rr));
      r.unit += first_unit;
      reqs.requirements.push_back(std::move(r));
    }
    for (auto& rec : records) result->sites.push_back(std::move(rec));
    for (auto& t : out.declared_tables) result->declared.push_back({t.schema, t.name});
    for (uint32_t at : out.creates_declared_tables) result->creates_declared.push_back(lines.position(at).line);
    for (auto& u : out.unchecked) {
      if (u.unit < records.size() && other[u.unit]) continue;  // the whole unit is unchecked already
      if (u.unit < records.size() && doubles[u.unit].empty()) {
        // A part of a unit whose rest is read: the unit's site is partly checked.
        SiteRecord& part_of = result->sites[result->sites.size() - records.size() + u.unit];
        if (!part_of.partly) {
          part_of.checked = false;
          part_of.partly = true;
          part_of.reason = u.via + ": " + u.reason;
          part_of.reason_id = kDataLayerDynamic;
        }
        continue;
      }
      SiteRecord rec;
      rec.file = rel;
      auto pos = lines.position(u.offset);
      rec.line = pos.line;
      rec.column = pos.column;
      rec.via = u.via;
      rec.reason = u.reason;
      rec.reason_id = kDataLayerDynamic;
      result->sites.push_back(std::move(rec));
    }
  }

  languages::Parser& parser_for(const languages::Language& lang) {
    auto it = parsers_.find(&lang);
    if (it == parsers_.end()) it = parsers_.emplace(&lang, std::make_unique<languages::Parser>(lang)).first;
    return *it->second;
  }

  void analyze_site(const std::string& rel, const report::LineIndex& lines, const languages::SqlSite& site,
                    FileResult* result) {
    // In a test, SQL that no database call receives is an expected value (a query builder's
    // output in an assertion) or a fixture for the code under test, not a query the test runs.
    // In a Spark job it is Spark SQL over temporary views, not PostgreSQL; beside ClickHouse SQL
    // it is a query for that engine.
    if (!site.database_call && only_database_calls_) return;
    SiteRecord rec;
    rec.file = rel;
    auto pos = lines.position(site.host_begin);
    rec.line = pos.line;
    rec.column = pos.column;
    rec.via = site.database_call ? site.call_name : "string";
    if (unchecked_before_reading(rel, site, &rec, result)) {
      result->sites.push_back(std::move(rec));
      return;
    }
    // The code being deployed was written for the eventual schema; the running code for the
    // current one.
    const schema::Schema& intended = file_targets_.deploy ? *file_targets_.current : *file_targets_.eventual;
    if (site.chain) {
      analyze_chain_expression(rel, site, intended, result);
      return;
    }
    bool has_holes = site.sql.text.find(sql::kHole) != std::string::npos;
    sql::NormalizedSql norm = sql::normalize_placeholders(site.sql);
    rec.sql = norm.sql.text;
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError perr;
    std::optional<sql::PartialReading> partial;
    std::string why_not;
    bool parsed = norm.unchecked_reason.empty() && sql::parse(norm.sql.text, &stmts, &perr);
    // Read around run-time fragments where the statement does not parse with parameters in their
    // place, or parses only as something else (analyzers/sql/fragments.h).
    if (has_holes && (!parsed || sql::fragment_after_name(site.sql))) {
      partial.emplace();
      if (!sql::read_around_fragments(site.sql, intended, search_path(), &*partial, &why_not,
                                      site.database_call) ||
          !partial->judges_something())
        partial.reset();
    }
    if (!parsed && !partial) {
      record_unparsed(rel, site, norm, perr, has_holes, why_not, std::move(rec), result);
      return;
    }
    if (partial) {
      norm = partial->norm;
      stmts = partial->statements;
      rec.sql = norm.sql.text;
      rec.partly = true;
      rec.reason_id = partial->relation_fragment ? kDynamicRelation : kDynamicClause;
      rec.reason = partial->relation_fragment
                       ? "a relation's name is a run-time fragment: its columns are not checked"
                       : "run-time fragments stand where clauses or names are expected: what they hold is not checked";
    }
    for (auto& s : stmts) {
      sql::CreatedRelation created = sql::created_relation(s.node);
      std::vector<std::string> by_name;
      // A function the code creates: calls of that name are not judged ("function:" keys), and
      // calls by argument names (PostgREST's) only when it takes those names.
      if (created.name.empty() && sql::is(s.node, SG_NODE(CREATE_FUNCTION_STMT)))
        if (auto fn = SG_LIST(s.node->create_function_stmt, funcname); !fn.empty()) {
          created = {"", "function:" + sql::str(fn.back())};
          by_name = requirements::named_call_keys(created.name, s.node->create_function_stmt);
        }
      size_t at = statement_start(norm.sql.text, s.location);
      int line = lines.position(norm.sql.host_offset(at)).line;
      if (!created.name.empty()) result->created.push_back({created, rel, line});
      for (auto& key : by_name) result->created.push_back({{"", key}, rel, line});
    }
    bool any_dml = false, site_has_ddl = false, all_dml = true;
    for (auto& s : stmts) {
      any_dml = any_dml || sql::is_checked(s.node);
      site_has_ddl = site_has_ddl || !sql::is_checked(s.node);
      all_dml = all_dml && sql::is_dml(s.node);
    }
    if (!any_dml) return;  // DDL or utility statements run by code are not references

    rec.checked = !partial;
    // SQL defined in one place and run in another (a constant): findings say where it runs.
    uint32_t text_start = site.sql.origin.empty() ? site.host_begin : site.sql.origin.front();
    bool defined_elsewhere = text_start < site.host_begin || text_start > site.host_begin + 8;  // past a quote and prefix
    std::vector<sql::Resolution> resolutions(stmts.size());
    for (size_t i = 0; i < stmts.size(); ++i)
      if (sql::is_checked(stmts[i].node))
        resolutions[i] = partial ? std::move(partial->resolutions[i])
                                 : sql::resolve_statement(stmts[i].node, norm.sql.text, intended, search_path());
    // Text no database call runs, every relation of which this schema lacks: nothing ties it to
    // this database (a product's own query language over an analytics store, a sample for
    // another service), so it is not judged. A missing relation beside one the schema has is.
    if (!site.database_call && !site_is_sql_file(rel) && names_no_relation_of_schema(resolutions, intended)) {
      rec.checked = rec.partly = false;
      rec.reason = "no database call runs this text, and it names no relation of this schema: it may be another database's";
      rec.reason_id = kOtherDatabase;
      result->sites.push_back(std::move(rec));
      return;
    }
    for (size_t i = 0; i < stmts.size(); ++i) {
      const sql::ParsedStatement& s = stmts[i];
      if (!sql::is_checked(s.node)) continue;
      sql::Resolution res = std::move(resolutions[i]);
      if (has_holes && !site.database_call && sql::fragment_fills_condition(site.sql))
        sql::leave_missing_relations_unchecked(&res);
      if (!site.outer_ctes.empty()) sql::leave_outer_ctes_unchecked(&res, site.outer_ctes);
      // Around run-time fragments a call or a string may be the fragment's stand-in, and a hole
      // may stand for any number of arguments or values (f(${placeholders})). Beside DDL in the
      // same text (ALTER COLUMN ... TYPE text, then UPDATE), the statement does not meet the
      // eventual schema; a script no query tool claims may create what it calls (\i includes).
      if (partial || has_holes || site_has_ddl || plain_sql_file_) {
        res.calls.clear();
        res.arity_errors.clear();
        if (partial || site_has_ddl || plain_sql_file_) res.enum_literals.clear();
      }
      for (auto& ref : res.refs) {
        ReferenceRecord rr;
        rr.kind = ref.kind == sql::Reference::Kind::Relation ? "relation" : "column";
        rr.status = status_name(ref.status);
        rr.relation = ref.schema.empty() ? ref.relation : ref.schema + "." + ref.relation;
        rr.column = ref.column;
        auto rp = lines.position(norm.sql.host_offset(ref.offset));
        rr.line = rp.line;
        rr.column_number = rp.column;
        rr.note = ref.note;
        rr.judged = sql::requirement_of(ref);
        rec.references.push_back(std::move(rr));
      }
      requirements::Unit unit;
      unit.file = rel;
      unit.fingerprint_text = norm.sql.text.substr(s.location, s.length ? s.length : std::string::npos);
      if (site.database_call && defined_elsewhere) {
        unit.runs_through = site.call_name;
        unit.runs_at = site.host_begin;
      }
      // Beside DDL the code runs in the same string (ALTER COLUMN ... TYPE, then an UPDATE), a
      // statement meets the schema that DDL leaves, not the migrations': not prepared alone.
      if (!partial && all_dml)
        result->statements.push_back(checked_statement(rel, result->sites.size(), s, norm.sql, unit.fingerprint_text));
      auto& reqs = result->requirements;
      reqs.units.push_back(std::move(unit));
      sql::add_requirements(res, norm.sql, reqs.units.size() - 1, &reqs.requirements);
      if (site.stars_are_column_lists) add_star_requirements(s.node, norm.sql, intended, reqs.units.size() - 1, result);
    }
    result->sites.push_back(std::move(rec));
  }

  /// Why a site is left unchecked before its SQL is read: its text goes to a fake, meets another
  /// schema than the newest (test_schema.h) or another engine, is an expected failure, or is
  /// built at run time. Sets rec's reason; false when the site is read.
  bool unchecked_before_reading(const std::string& rel, const languages::SqlSite& site, SiteRecord* rec,
                                FileResult* result) {
    if (!no_database_client_.empty()) {
      rec->reason = "a test in a package whose " + no_database_client_ + " declares no database client: its SQL goes to a fake";
      rec->reason_id = kTestFake;
      return true;
    }
    if (auto fake = test_doubles_.find(site.call_name); site.database_call && fake != test_doubles_.end() && !fake->second.empty()) {
      rec->reason = "a test that declares its own " + site.call_name + "() (" + fake->second + "): its SQL goes to that fake";
      rec->reason_id = kTestFake;
      return true;
    }
    if (auto other = file_schema_.site(site.sql.text)) {
      rec->reason = std::move(other->reason);
      rec->reason_id = other->reason_id;
      return true;
    }
    if (!site.expected_failure.empty()) {
      rec->reason = site.expected_failure;
      rec->reason_id = kExpectedFailure;
      return true;
    }
    if (!other_engine_.empty() || !site.other_engine.empty()) {
      rec->reason = "SQL for " + (other_engine_.empty() ? site.other_engine : other_engine_) + ", not PostgreSQL";
      rec->reason_id = kOtherEngine;
      // A table that engine's code creates (a SQLite index's CREATE VIRTUAL TABLE documents) is
      // one a test of that code reads through a handle nothing marks as SQLite's: as with another
      // engine's migrations, that name is not judged anywhere in the project.
      for (auto& [created, offset] : created_tables_in_text(site.sql.text))
        result->created.push_back({created, rel, rec->line, "created by another engine's code at"});
      return true;
    }
    if (site.dynamic) {
      rec->reason = "the query text is built at run time";
      rec->reason_id = kDynamicQuery;
      return true;
    }
    return false;
  }

  /// A site whose SQL neither parses nor reads around its fragments: a syntax error where a
  /// database call certainly sends it to PostgreSQL as it is, else unchecked with the reason.
  void record_unparsed(const std::string& rel, const languages::SqlSite& site, const sql::NormalizedSql& norm,
                       const sql::ParseError& perr, bool has_holes, const std::string& why_not, SiteRecord rec,
                       FileResult* result) {
    if (norm.unchecked_reason.empty() && !site.database_call && !has_holes) return;  // only looked like SQL
    // An error at a placeholder ("at or near "$4"") is a value standing where SQL text goes:
    // a template (FROM %s filled by Sprintf), not a syntax error.
    bool at_placeholder = perr.message.find("at or near \"$") != std::string::npos;
    if (norm.unchecked_reason.empty() && site.database_call && !has_holes && !plain_sql_file_ && !at_placeholder &&
        postgres_code_ && one_literal(site.sql) && source::may_contain_sql(norm.sql.text) &&
        plainly_postgresql(norm.sql.text)) {
      // A database call sends it as it is, and nothing in it says it is for another engine or
      // a template filled later: PostgreSQL rejects it on every call.
      report::Diagnostic d;
      const checks::Check& rule = checks::check_for(report::Rule::SyntaxError);
      d.rule = std::string(rule.id());
      d.severity = rule.severity;
      d.file = rel;
      d.offset = norm.sql.host_offset(std::min(perr.offset, norm.sql.text.empty() ? 0 : norm.sql.text.size() - 1));
      d.width = 1;
      d.message = perr.message + " (SQLSTATE 42601): PostgreSQL cannot parse the statement " + site.call_name + " sends";
      d.help = "fix the statement; if it is written for another database, exclude the file in schemagate.yaml";
      result->syntax_errors.push_back(std::move(d));
      rec.reason = "does not parse: " + perr.message;
      rec.reason_id = kDoesNotParse;
      result->sites.push_back(std::move(rec));
      return;
    }
    bool name = !norm.unchecked_reason.empty();
    rec.reason = name        ? norm.unchecked_reason
                 : has_holes ? "a run-time fragment stands where an identifier or a clause is expected (" +
                                   perr.message + ")"
                             : "does not parse: " + perr.message;
    bool condition = norm.unchecked_reason.find("condition") != std::string::npos;
    rec.reason_id = name && !condition                               ? kDynamicName
                    : name                                           ? kDynamicClause
                    : !has_holes                                     ? kDoesNotParse
                    : why_not.find("too many") != std::string::npos ? kTooManyReadings
                                                                     : kDynamicClause;
    result->sites.push_back(std::move(rec));
  }

  /// The statement `s` of a checked site (index `site_index` in the file's sites), as the deep
  /// check PREPAREs it: its text and host offsets, and whether it must be planned (ON CONFLICT).
  static CheckedStatement checked_statement(const std::string& rel, size_t site_index, const sql::ParsedStatement& s,
                                            const sql::SqlText& sql, std::string fingerprint_text) {
    CheckedStatement cs;
    cs.file = rel;
    cs.site = site_index;
    size_t end = s.length ? s.location + s.length : sql.text.size();
    cs.sql.text = sql.text.substr(s.location, end - s.location);
    cs.sql.origin.assign(sql.origin.begin() + static_cast<std::ptrdiff_t>(s.location),
                         sql.origin.begin() + static_cast<std::ptrdiff_t>(std::min(end, sql.origin.size())));
    if (sql::is(s.node, SG_NODE(INSERT_STMT)) && s.node->insert_stmt->on_conflict_clause) {
      cs.plan = true;
      const PgQuery__OnConflictClause* clause = s.node->insert_stmt->on_conflict_clause;
      if (clause->location != 0) {  // 0: not known
        long at = static_cast<long>(clause->location) - static_cast<long>(s.location);
        if (at >= 0 && static_cast<size_t>(at) < cs.sql.text.size()) cs.conflict_offset = static_cast<size_t>(at);
      }
    }
    if (!cs.plan) {  // ON CONFLICT inside a WITH: planned too, 42P10 then at the statement
      std::string lower = cs.sql.text;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      cs.plan = lower.find("on conflict") != std::string::npos;
    }
    cs.fingerprint_text = std::move(fingerprint_text);
    return cs;
  }

  /// A fragment a query builder chain holds as an expression is part of the chain's query, not a
  /// statement: no site of its own (the chain is one, read by its data layer). What it names is
  /// required all the same, in the scope of the chain's relations; a fragment that does not read
  /// as an expression (`sql\`${col} desc\``) requires nothing that can be told.
  void analyze_chain_expression(const std::string& rel, const languages::SqlSite& site, const schema::Schema& intended,
                                FileResult* result) {
    sql::ChainReading reading;
    if (!sql::read_chain_expression(site.sql, *site.chain, intended, options_.search_path,
                                    datalayers::kysely::sends_names_as_written(facts_), &reading)) return;
    sql::Resolution& res = reading.resolution;
    if (!site.outer_ctes.empty()) sql::leave_outer_ctes_unchecked(&res, site.outer_ctes);
    // A hole may stand for any number of arguments (f(${args})).
    if (site.sql.text.find(sql::kHole) != std::string::npos) res.calls.clear();
    auto& reqs = result->requirements;
    requirements::Unit unit;
    unit.file = rel;
    unit.fingerprint_text = reading.norm.sql.text;
    reqs.units.push_back(std::move(unit));
    sql::add_requirements(res, reading.norm.sql, reqs.units.size() - 1, &reqs.requirements);
  }

  /// The texts of one expression (a function returning one of several constants) are one site:
  /// the last record joins the lead's. Checked when every text is, partly when some reference
  /// of some text is judged; the references of all texts are listed.
  static void merge_variant(FileResult* result, size_t lead) {
    size_t at = result->sites.size() - 1;
    SiteRecord v = std::move(result->sites.back());
    result->sites.pop_back();
    for (auto& st : result->statements)
      if (st.site == at) st.site = lead;
    SiteRecord& r = result->sites[lead];
    bool judged = r.checked || r.partly || v.checked || v.partly;
    if (r.checked && !v.checked) {
      r.reason = v.reason;
      r.reason_id = v.reason_id;
    }
    r.checked = r.checked && v.checked;
    r.partly = judged && !r.checked;
    for (auto& ref : v.references)
      if (std::none_of(r.references.begin(), r.references.end(), [&](const ReferenceRecord& o) {
            return o.kind == ref.kind && o.relation == ref.relation && o.column == ref.column && o.line == ref.line &&
                   o.column_number == ref.column_number && o.status == ref.status;
          }))
        r.references.push_back(std::move(ref));
  }

  /// sqlc's stars: each column the relation has in the schema the code was written for becomes a
  /// column requirement at the star (sqlc wrote them all into the generated query); presence()
  /// then judges them like any other. Remembered with the star's width for the finding's note.
  void add_star_requirements(const sql::Node* stmt, const sql::SqlText& text, const schema::Schema& intended,
                             size_t unit, FileResult* result) {
    for (auto& sc : sql::star_columns(stmt, intended, search_path())) {
      requirements::Requirement r;
      r.object = requirements::Object::Column;
      r.schema = sc.schema;
      r.relation = sc.relation;
      r.column = sc.column;
      r.span.begin = text.host_offset(sc.offset);
      r.span.end = r.span.begin + 1;
      r.unit = unit;
      result->stars.emplace(r.span.begin, 0);
      result->requirements.requirements.push_back(std::move(r));
    }
  }

  const source::FileSystem& fs_;
  const Options& options_;
  const Targets& targets_;
  Targets file_targets_;  ///< targets_ for the file being scanned: its service's schema
  /// The search path of the file being scanned: its service's, else the run's.
  const std::vector<std::string>& search_path() const {
    return file_targets_.search_path ? *file_targets_.search_path : options_.search_path;
  }
  const languages::ProjectConstants* project_;
  const datalayers::ProjectFacts* facts_;
  bool only_database_calls_ = false;  ///< this file's SQL counts only where a database call runs it
  std::string other_engine_;          ///< the engine this file's SQL is for, when not PostgreSQL
  const TestSchemas& test_schemas_;
  /// What the file being scanned says about the schema its SQL meets (test_schema.h).
  FileSchema file_schema_;

  bool plain_sql_file_ = false;       ///< a .sql file of no known query tool (sqlc, pgtyped, aiosql)
  bool postgres_code_ = false;        ///< a query tool's .sql file, or code importing a PostgreSQL driver
  std::string no_database_client_;    ///< a test file's package.json that declares no database client
  /// In a test file: call name -> the file's own type declaring it ("interface TestSql"), or "".
  std::map<std::string, std::string> test_doubles_;
  std::map<const languages::Language*, std::unique_ptr<languages::Parser>> parsers_;
};

/// Two migrations of one set with the same version: every tool that records versions refuses
/// to run them (golang-migrate "duplicate migration file", goose "duplicate version", Flyway
/// "Found more than one migration with version"; dbmate, sqlx and Supabase key their tracking
/// table by version). Each format's row says how (Format::duplicate_versions).
bool unique_versions(const std::vector<schema::migrations::MigrationFile>& files, const std::string& dir,
                     const std::string& format, std::string* err) {
  namespace mig = schema::migrations;
  const mig::Format* row = mig::format_named(format);
  mig::DuplicateVersions rule = row ? row->duplicate_versions : mig::DuplicateVersions::Numbers;
  if (rule == mig::DuplicateVersions::NotJudged) return true;
  std::string_view baseline_prefix = row ? row->baseline_prefix : std::string_view();
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].repeatable || files[i].version.empty()) continue;
    for (size_t j = i + 1; j < files.size(); ++j) {
      if (files[j].repeatable) continue;
      // A baseline (Flyway's B1__) and the versioned migration it stands for (V1__) share a version.
      auto baseline = [&](size_t k) {
        return !baseline_prefix.empty() && schema::migrations::last_component(files[k].path).starts_with(baseline_prefix);
      };
      if (baseline(i) != baseline(j)) continue;
      bool same = rule == mig::DuplicateVersions::Text
                      ? files[i].version == files[j].version
                      : schema::migrations::compare_dotted_versions(files[i].version, files[j].version) == 0;
      if (!same) continue;
      *err = "migrations " + files[i].path + " and " + files[j].path + " in " + dir + "/ have the same version " +
             files[i].version + "; " + format + " refuses to run them: renumber one";
      return false;
    }
  }
  return true;
}

/// Replaces the `{{ ... }}` templates of the migrations (and baseline dumps) whose text is known:
/// from schemagate.yaml first, else from the project's Go code (schema/migrations/templates.h).
/// A template left is reported by the parse error of its migration, with the setting to give.
bool expand_migration_templates(const source::FileSystem& fs, const Options& options, SchemaBuild* out,
                                std::vector<schema::migrations::MigrationFile>* baseline, std::string* err) {
  namespace mig = schema::migrations;
  std::vector<std::string> keys;
  std::set<std::string> seen;
  auto collect = [&](const std::vector<mig::MigrationFile>& files) {
    for (auto& m : files)
      for (auto& k : mig::template_keys(m.sql))
        if (seen.insert(k).second) keys.push_back(k);
  };
  collect(out->migrations);
  collect(*baseline);
  if (keys.empty()) return true;
  std::map<std::string, std::string> values;
  for (auto& [k, v] : options.template_values) values[mig::template_key(k)] = v;
  std::vector<std::string> unknown;
  for (auto& k : keys)
    if (auto it = values.find(k); it != values.end()) out->template_values.push_back({k, it->second, "schemagate.yaml"});
    else unknown.push_back(k);
  if (!unknown.empty()) {
    source::DiscoveryOptions dopt;
    dopt.include = options.include;
    dopt.exclude = options.exclude;
    dopt.max_file_size = options.max_file_size;
    std::vector<std::string> files, go_files;
    if (!source::discover_files(fs, options.root, dopt, &files, err)) return false;
    for (auto& f : files)
      if (f.size() > 3 && f.compare(f.size() - 3, 3, ".go") == 0 && f.find("_test.go") == std::string::npos)
        go_files.push_back(f);
    for (auto& [k, found] : mig::find_template_values(fs, options.root, go_files, unknown)) {
      values[k] = found.value;
      out->template_values.push_back({k, found.value, found.evidence});
    }
  }
  for (auto& m : out->migrations) mig::expand_templates(&m.sql, values);
  for (auto& m : *baseline) mig::expand_templates(&m.sql, values);
  return true;
}

}  // namespace

/// --service: keeps the chosen service's schema, migrations and notes as the build's, and the
/// code scope to its directory. Fails naming the services when none has that directory.
bool choose_service(std::string root, SchemaBuild* out, std::string* err);

bool build_schema(const source::FileSystem& fs, const Options& options, SchemaBuild* out, std::string* err) {
  namespace mig = schema::migrations;
  if (!fs.is_dir(options.root)) {
    *err = "path \"" + options.root + "\" is not a directory";
    return false;
  }
  std::vector<std::string> dirs = options.migration_dirs;
  MigrationPlan plan;
  if (dirs.empty()) {
    if (!plan_migrations(fs, options, out, &plan, err)) return false;
    dirs = plan.dirs;
  }
  std::vector<std::pair<std::string, std::vector<mig::MigrationFile>>> loaded;  // per directory, in order
  for (auto& d : dirs) {
    if (!fs.is_dir(source::join_path(options.root, d))) {
      *err = "migrations directory \"" + d + "\" does not exist under \"" + options.root + "\"";
      return false;
    }
    // A migration the loaders cannot list or read would be a migration silently not applied.
    if (!source::check_readable_tree(fs, options.root, d, 2, err)) return false;
    std::vector<mig::MigrationFile> files;
    std::string format;
    auto named = options.migration_formats.find(d);
    if (!mig::load_directory(fs, options.root, d, &files, &format, err,
                             named == options.migration_formats.end() ? "" : named->second))
      return false;
    if (format.empty() && plan.dirs.empty()) {
      // Given by name: an empty schema from it would make every table "missing".
      *err = "migrations directory \"" + d + "\" holds no migration of a format schemagate reads (" +
             describe_contents(fs, options.root, d) + "); name its format in schemagate.yaml or pass another directory";
      return false;
    }
    auto evidence = plan.evidence.find(d);
    out->directories.push_back({d, format, files.size(), evidence == plan.evidence.end() ? "" : evidence->second});
    if (!unique_versions(files, d, format, err)) return false;
    loaded.push_back({d, std::move(files)});
  }
  // A set all of whose migrations another set of its format includes (a Liquibase module's
  // master changelog that a multi-module build's main changelog includes) runs there, in that
  // order: not again.
  for (size_t i = 0; i < loaded.size(); ++i) {
    const mig::Format* row = mig::format_named(out->directories[i].format);
    if (!row || !row->sets_include_sets || loaded[i].second.empty()) continue;
    for (size_t j = 0; j < loaded.size(); ++j) {
      if (j == i || out->directories[j].format != out->directories[i].format) continue;
      std::set<std::string> there;
      for (auto& f : loaded[j].second) there.insert(f.version);
      if (std::all_of(loaded[i].second.begin(), loaded[i].second.end(),
                      [&](const mig::MigrationFile& f) { return there.count(f.version) != 0; })) {
        out->directories[i].evidence += (out->directories[i].evidence.empty() ? "" : "; ") +
                                        std::string("included by ") + loaded[j].first + "/";
        loaded[i].second.clear();
        break;
      }
    }
  }
  std::vector<const mig::MigrationFile*> all;
  for (auto& [d, files] : loaded)
    for (auto& f : files) all.push_back(&f);
  if (!mig::dependencies_defined(all, err)) return false;
  for (auto& [d, files] : loaded) {
    auto baseline = plan.in_baseline.find(d);
    for (auto& f : files)
      if (baseline == plan.in_baseline.end() || !baseline->second.count(version_key(f.version)))
        out->migrations.push_back(std::move(f));
  }
  mig::order_by_dependencies(&out->migrations);  // Django apps depend on each other's migrations
  if (!expand_migration_templates(fs, options, out, &plan.baseline, err)) return false;
  const std::vector<std::string>& path = out->search_path.empty() ? options.search_path : out->search_path;
  for (auto& dump : plan.baseline) {
    schema::MigrationError merr;
    if (!schema::apply_migration(out->schema, dump, path, &out->notes, &merr)) {
      *err = error_place(dump, merr) + ": schema dump does not parse: " + merr.message;
      return false;
    }
  }
  out->baseline = std::move(plan.baseline);
  // Every migration that does not parse, in one run: one line each.
  std::string broken;
  for (auto& m : out->migrations) {
    schema::MigrationError merr;
    if (!schema::apply_migration(out->schema, m, path, &out->notes, &merr)) {
      broken += (broken.empty() ? "" : "\n") + error_place(m, merr) + ": migration does not parse: " + merr.message;
      if (auto keys = mig::template_keys(m.sql); !keys.empty())
        broken += "; it is a template: give the text of {{ " + keys.front() + " }} in schemagate.yaml (template_values: {'" +
                  keys.front() + "': ...})";
    }
  }
  if (!broken.empty()) {
    *err = std::move(broken);
    return false;
  }
  // Found, not given: sets under several service roots are each their service's database.
  if (options.migration_dirs.empty()) {
    std::map<std::string, std::string> formats;
    for (auto& d : out->directories) formats[d.path] = d.format;
    out->services = group_services(fs, options.root, plan.found, formats);
    if (!out->services.empty())
      apply_services(&out->services, out->baseline, plan.baseline_of, out->migrations, path, &out->notes,
                     &out->services_merged);
  }
  if (!options.search_path_given) {
    infer_search_path(out);
    // Nothing states the search path: each service's migrations imply their own.
    if (out->search_path_evidence.rfind("the migrations create", 0) == 0 || out->search_path.empty())
      for (Service& s : out->services) s.search_path = inferred_search_path(s.schema, &s.search_path_evidence);
  }
  if (!options.service.empty()) return choose_service(options.service, out, err);
  return true;
}

bool choose_service(std::string root, SchemaBuild* out, std::string* err) {
  while (root.rfind("./", 0) == 0) root = root.substr(2);
  while (!root.empty() && root.back() == '/') root.pop_back();
  if (root == ".") root.clear();
  std::string listed;
  for (const Service& s : out->services)
    listed += (listed.empty() ? "" : ", ") + (s.root.empty() ? std::string(".") : s.root + "/");
  if (out->services.empty()) {
    *err = "--service " + root + ": the migrations found here are one schema" +
           (out->services_merged.empty() ? "" : " (" + out->services_merged + ")") + "; leave --service out";
    return false;
  }
  auto chosen = std::find_if(out->services.begin(), out->services.end(), [&](const Service& s) { return s.root == root; });
  if (chosen == out->services.end()) {
    *err = "--service " + root + ": no service has that directory; the services found are " + listed;
    return false;
  }
  Service s = std::move(*chosen);
  SchemaBuild::ServiceScope scope{s.root, {}, {}};
  for (const Service& other : out->services) {
    if (&other == &*chosen) continue;
    if (s.root.empty() || other.root.rfind(s.root + "/", 0) == 0) scope.nested.push_back(other.root);
    for (const std::string& set : other.sets)
      if (std::find(s.sets.begin(), s.sets.end(), set) == s.sets.end()) scope.other_sets.push_back(set);
  }
  auto own_file = [&](const std::string& path) {
    return std::any_of(s.sets.begin(), s.sets.end(),
                       [&](const std::string& set) { return path.rfind(set + "/", 0) == 0; });
  };
  std::vector<MigrationDirectory> directories;
  for (auto& d : out->directories)
    if (std::find(s.sets.begin(), s.sets.end(), d.path) != s.sets.end()) directories.push_back(d);
  std::vector<schema::DdlNote> notes;
  for (auto& n : out->notes)
    if (own_file(n.origin.file)) notes.push_back(n);
  out->directories = std::move(directories);
  out->notes = std::move(notes);
  out->schema = std::move(s.schema);
  out->migrations = std::move(s.migrations);
  out->baseline = std::move(s.baseline);
  if (!s.search_path.empty()) {
    out->search_path = s.search_path;
    out->search_path_evidence = s.search_path_evidence;
  }
  out->services.clear();
  out->service_scope = std::move(scope);
  return true;
}

report::Locator migration_places(const SchemaBuild& build) {
  report::Locator places;
  for (auto& dump : build.baseline) places.add(dump);
  for (auto& m : build.migrations) places.add(m);
  return places;
}

std::string error_place(const schema::migrations::MigrationFile& migration, const schema::MigrationError& error) {
  report::Locator places;
  places.add(migration);
  return places.place_column(error.file, error.offset);
}

Targets targets_for(const Targets& targets, const std::string& file) {
  if (!targets.services) return targets;
  const Service* s = service_of(*targets.services, file);
  if (!s) return targets;
  Targets own = targets;
  own.current = own.eventual = &s->schema;
  if (!s->search_path.empty()) own.search_path = &s->search_path;
  return own;
}

namespace {

/// A relation or column missing from a file's own service that another service's migrations
/// create: the note names where, so the finding reads as what it is (service B's database never
/// gets service A's table), not as a migration forgotten.
void explain_other_service(const std::vector<Service>& services, const std::string& file, const schema::Schema& every,
                           report::Diagnostic* d) {
  bool relation = d->rule == report::rule_id(report::Rule::MissingRelation);
  bool column = d->rule == report::rule_id(report::Rule::MissingColumn) && d->column_name;
  if ((!relation && !column) || d->relation.empty()) return;
  size_t dot = d->relation.find('.');
  if (dot == std::string::npos) return;
  const schema::Relation* r = every.find(d->relation.substr(0, dot), d->relation.substr(dot + 1));
  for (auto& [key, candidate] : every.relations())  // another database may keep it in its own schema
    if (!r && candidate.name == d->relation.substr(dot + 1)) r = &candidate;
  const schema::Column* c = r && column ? r->find_column(*d->column_name) : nullptr;
  schema::Origin origin = !r ? schema::Origin{} : column ? (c ? c->origin : schema::Origin{}) : r->origin;
  if (origin.empty()) return;
  const Service* mine = service_of(services, file);
  std::string theirs;
  for (const Service& s : services)
    if (&s != mine)
      for (const std::string& set : s.sets)
        if (theirs.empty() && origin.file.compare(0, set.size() + 1, set + "/") == 0) theirs = set;
  if (theirs.empty() || !mine) return;
  std::string own_sets;
  for (const std::string& set : mine->sets) own_sets += (own_sets.empty() ? "" : ", ") + set + "/";
  d->notes.push_back(report::note_at(origin, "another service's migrations (" + theirs + "/) create it; this code's service (" +
                          (mine->root.empty() ? std::string(".") : mine->root + "/") + ") migrates its database with " +
                          own_sets + " only"));
}

/// Runs work(scanner, i) for i in [0, count) on `threads` threads, one scanner per thread.
template <typename Work>
void run_parallel(size_t count, unsigned threads, const source::FileSystem& fs, const Options& options,
                  const Targets& targets, const TestSchemas& test_schemas, const datalayers::ProjectFacts* facts,
                  const languages::ProjectConstants* project, Work&& work) {
  for_each_parallel<std::unique_ptr<FileScanner>>(count, threads, [&](std::unique_ptr<FileScanner>& scanner, size_t i) {
    if (!scanner) scanner = std::make_unique<FileScanner>(fs, options, targets, test_schemas, project, facts);
    work(*scanner, i);
  });
}

/// Extraction follows constants across files (project_constants.h), and each file is parsed
/// once for it: the first pass scans every file with an empty project, recording each question
/// its extraction asks, and collects the file's own constants from the same tree. The files no
/// scan parsed are read for constants only when a question depends on them (an import's
/// candidates, a Go package's files) or when they may define a database call wrapper. A file
/// whose questions the whole project answers with something is scanned again with it; the
/// others asked only questions that have no answer, so their first scan is what a scan with
/// the project gives, site for site.
void scan_with_constants(const source::FileSystem& fs, const Options& options, const Targets& targets,
                         const TestSchemas& test_schemas, const datalayers::ProjectFacts* facts, const std::vector<std::pair<std::string, const languages::Language*>>& files,
                         const std::vector<std::pair<std::string, const languages::Language*>>& all_code, unsigned n,
                         std::vector<FileResult>* results) {
  std::map<std::string, size_t, std::less<>> code_index;
  for (size_t i = 0; i < all_code.size(); ++i) code_index.emplace(all_code[i].first, i);
  std::vector<languages::FileConstants> constants(all_code.size());
  std::vector<languages::FileWrappers> wrappers(all_code.size());
  std::vector<FirstPass> first(files.size());
  for (size_t i = 0; i < files.size(); ++i)
    if (auto it = code_index.find(files[i].first); it != code_index.end()) {
      first[i].constants = &constants[it->second];
      first[i].wrappers = &wrappers[it->second];
    }
  run_parallel(files.size(), n, fs, options, targets, test_schemas, facts, nullptr, [&](FileScanner& scanner, size_t i) {
    (*results)[i] = scanner.scan(files[i].first, files[i].second, &first[i]);
  });
  std::vector<char> known(all_code.size(), 0);
  for (size_t i = 0; i < files.size(); ++i)
    if (first[i].constants) known[static_cast<size_t>(first[i].constants - constants.data())] = first[i].known;

  // The files the answers depend on that no scan parsed. A Go package-level name is defined by
  // a sibling file only if the sibling spells it: a sibling is parsed for the names asked of its
  // package that it holds as words, not for being in the package.
  std::vector<std::string> paths;
  for (auto& f : all_code) paths.push_back(f.first);
  languages::ProjectConstants every = languages::ProjectConstants::every_file(paths);
  std::set<std::string> needed;
  std::map<std::string, std::set<std::string>, std::less<>> package_names;  // sibling -> names asked of its package
  std::map<languages::ProjectQuery, std::set<std::string>> siblings;        // a package-level question (name cleared) -> files it reads
  auto siblings_of = [&](const languages::ProjectQuery& q) -> const std::set<std::string>& {
    languages::ProjectQuery key = q;
    key.c.clear();
    auto [it, fresh] = siblings.try_emplace(key);
    if (fresh) every.reads(key, &it->second);
    return it->second;
  };
  std::set<std::string, std::less<>> wrapper_families;
  // Family -> the function names asked whether they are the project's database calls. Only a
  // file that holds such a name as a word can define that wrapper: others are not parsed for it.
  std::map<std::string, std::set<std::string>, std::less<>> wrapper_names;
  {
    std::set<languages::ProjectQuery> distinct;  // which files an answer reads does not depend on the name
    for (auto& f : first)
      for (auto& q : f.asked) {
        if (q.kind == languages::ProjectQuery::kWrapper) {
          wrapper_families.insert(std::string(languages::ProjectConstants::family(q.a)));
          wrapper_names[std::string(languages::ProjectConstants::family(q.a))].insert(q.c);
          continue;
        }
        if (q.kind == languages::ProjectQuery::kPackageLevel) {
          for (const std::string& p : siblings_of(q)) package_names[p].insert(q.c);
          continue;
        }
        languages::ProjectQuery key = q;
        key.c.clear();
        if (distinct.insert(key).second) every.reads(key, &needed);
      }
  }
  auto holds_word = [](std::string_view text, std::string_view name) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1))
      if ((at == 0 || !word(text[at - 1])) && (at + name.size() >= text.size() || !word(text[at + name.size()])))
        return true;
    return false;
  };
  std::vector<std::pair<std::string, const languages::Language*>> rest;
  std::vector<size_t> rest_index;
  std::map<std::string, size_t, std::less<>> rest_of;  // path -> its place in `rest`
  for (size_t i = 0; i < all_code.size(); ++i)
    if (!known[i]) {
      rest_of.emplace(all_code[i].first, rest.size());
      rest.push_back(all_code[i]);
      rest_index.push_back(i);
    }
  std::vector<char> parsed(rest.size(), 0);  // taken by the phase (each worker writes its own)
  // A file whose wrappers answer the questions: of a family asked about wrappers, or a sibling
  // read for its package's names (its wrappers too, as when read whole).
  auto wrapper_source = [&](size_t r) {
    return wrapper_families.count(languages::ProjectConstants::family(rest[r].second->name)) > 0 ||
           package_names.count(rest[r].first) > 0;
  };
  static const std::set<std::string> kNoNames;
  auto names_asked = [&](const languages::Language& lang) -> const std::set<std::string>& {
    auto w = wrapper_names.find(languages::ProjectConstants::family(lang.name));
    return w == wrapper_names.end() ? kNoNames : w->second;
  };
  std::vector<languages::FileConstants> rest_constants;
  std::vector<languages::FileWrappers> rest_wrappers;
  languages::collect_constants_of(
      fs, options.root, rest,
      [&](size_t i, std::string_view text) {
        const languages::Language& lang = *rest[i].second;
        bool take = needed.count(rest[i].first) > 0;
        auto names = package_names.find(rest[i].first);
        if (!take && names != package_names.end())
          take = std::any_of(names->second.begin(), names->second.end(),
                             [&](const std::string& name) { return holds_word(text, name); });
        if (!take && wrapper_source(i))
          take = languages::ProjectConstants::may_define_wrapper_of(lang, text, names_asked(lang));
        parsed[i] = take;
        return take;
      },
      n, &rest_constants, &rest_wrappers);
  for (size_t k = 0; k < rest.size(); ++k) {
    constants[rest_index[k]] = std::move(rest_constants[k]);
    wrappers[rest_index[k]] = std::move(rest_wrappers[k]);
  }
  languages::ProjectConstants project;
  for (size_t i = 0; i < all_code.size(); ++i) {
    project.add_file(all_code[i].first, constants[i]);
    if (all_code[i].second) project.add_wrappers(all_code[i].second->name, wrappers[i]);
  }
  std::vector<size_t> again;
  for (size_t i = 0; i < files.size(); ++i) {
    bool wraps = false;
    if (first[i].deferred) {  // left out by the prefilter: it may call a wrapper known now
      std::string text, err;
      wraps = fs.read(source::join_path(options.root, files[i].first), &text, &err) &&
              project.holds_wrapper_name(files[i].second->name, text);
    }
    if (wraps || std::any_of(first[i].asked.begin(), first[i].asked.end(),
                             [&](const languages::ProjectQuery& q) { return project.answers(q); }))
      again.push_back(i);
  }
  first.clear();
  // A scan with the project may ask a package-level name the first pass did not (an argument of
  // a call that only now is a database call): a sibling that holds it and was left unparsed is
  // parsed then, and the files that asked are scanned again, until no question is new.
  while (!again.empty()) {
    std::vector<std::set<languages::ProjectQuery>> asked(again.size());
    struct Worker {
      std::unique_ptr<languages::ProjectConstants> project;  // each thread records into its own copy
      std::unique_ptr<FileScanner> scanner;
    };
    for_each_parallel<Worker>(again.size(), n, [&](Worker& w, size_t k) {
      if (!w.scanner) {
        w.project = std::make_unique<languages::ProjectConstants>(project);
        w.scanner = std::make_unique<FileScanner>(fs, options, targets, test_schemas, w.project.get(), facts);
      }
      w.project->record_to(&asked[k]);
      (*results)[again[k]] = w.scanner->scan(files[again[k]].first, files[again[k]].second);
      w.project->record_to(nullptr);
    });
    std::set<size_t> to_parse;
    std::set<std::pair<std::string, std::string>> found;  // (sibling, name) it holds, newly
    // Wrapper names asked now for the first time: the unparsed files that may define them.
    std::map<std::string, std::set<std::string>, std::less<>> new_wrappers;  // family -> names
    for (size_t k = 0; k < again.size(); ++k)
      for (auto& q : asked[k])
        if (q.kind == languages::ProjectQuery::kWrapper) {
          std::string family(languages::ProjectConstants::family(q.a));
          if (wrapper_names[family].insert(q.c).second) new_wrappers[family].insert(q.c);
        }
    std::set<std::pair<std::string, std::string>> found_wrappers;  // (family, name) a newly parsed file may define
    if (!new_wrappers.empty())
      for (size_t r = 0; r < rest.size(); ++r) {
        auto w = new_wrappers.find(languages::ProjectConstants::family(rest[r].second->name));
        if (parsed[r] || w == new_wrappers.end() || !wrapper_source(r)) continue;
        std::string text, err;
        if (!fs.read(source::join_path(options.root, rest[r].first), &text, &err)) continue;
        for (const std::string& name : w->second)
          if (languages::ProjectConstants::may_define_wrapper_of(*rest[r].second, text, {name})) {
            to_parse.insert(r);
            found_wrappers.emplace(w->first, name);
          }
      }
    for (size_t k = 0; k < again.size(); ++k)
      for (auto& q : asked[k]) {
        if (q.kind != languages::ProjectQuery::kPackageLevel) continue;
        for (const std::string& p : siblings_of(q)) {
          auto r = rest_of.find(p);
          auto names = package_names.find(p);
          if (r == rest_of.end() || parsed[r->second] || names == package_names.end() || !names->second.insert(q.c).second)
            continue;  // parsed, or never read (as before), or already looked for that name
          std::string text, err;
          if (!fs.read(source::join_path(options.root, p), &text, &err) || !holds_word(text, q.c)) continue;
          to_parse.insert(r->second);
          found.emplace(p, q.c);
        }
      }
    if (to_parse.empty()) break;
    std::vector<size_t> next;
    for (size_t k = 0; k < again.size(); ++k)
      if (std::any_of(asked[k].begin(), asked[k].end(), [&](const languages::ProjectQuery& q) {
            if (q.kind == languages::ProjectQuery::kWrapper)
              return found_wrappers.count({std::string(languages::ProjectConstants::family(q.a)), q.c}) > 0;
            if (q.kind != languages::ProjectQuery::kPackageLevel) return false;
            const std::set<std::string>& s = siblings_of(q);
            return std::any_of(s.begin(), s.end(), [&](const std::string& p) { return found.count({p, q.c}) > 0; });
          }))
        next.push_back(again[k]);
    std::vector<std::pair<std::string, const languages::Language*>> more;
    for (size_t r : to_parse) {
      more.push_back(rest[r]);
      parsed[r] = 1;
    }
    std::vector<languages::FileConstants> more_constants;
    std::vector<languages::FileWrappers> more_wrappers;
    languages::collect_constants_of(fs, options.root, more, nullptr, n, &more_constants, &more_wrappers);
    for (size_t k = 0; k < more.size(); ++k) {
      project.add_file(more[k].first, more_constants[k]);
      if (more[k].second) project.add_wrappers(more[k].second->name, more_wrappers[k]);
    }
    again = std::move(next);
  }
}

/// What discovery leaves for the scan: the files to scan, every code file constants come from,
/// every candidate (configuration files among them), and another engine's migration files.
struct CodeFiles {
  std::vector<std::pair<std::string, const languages::Language*>> files;     ///< to scan; null: a data layer's
  std::vector<std::pair<std::string, const languages::Language*>> all_code;  ///< constants come from every file
  std::vector<std::string> candidates;
  std::vector<std::string> other_migrations;
};

/// The discover phase: the files of the tree that are code, less migrations and dumps, within
/// the chosen service and --changed-since's files; the code files skipped (too large, ...) join
/// `skipped_out`.
bool discover_code(const source::FileSystem& fs, const Options& options, const SchemaBuild& schema, CodeFiles* code,
                   std::vector<source::SkippedFile>* skipped_out, std::string* err) {
  source::DiscoveryOptions dopt;
  dopt.include = options.include;
  dopt.exclude = options.exclude;
  for (auto& d : schema.directories) dopt.skip_dirs.push_back(d.path);
  for (auto& d : schema.other_engines) dopt.skip_dirs.push_back(d.path);
  for (auto& d : schema.not_run) dopt.skip_dirs.push_back(d.path);
  if (schema.service_scope)
    for (auto& d : schema.service_scope->other_sets) dopt.skip_dirs.push_back(d);
  other_engine_migrations(fs, options.root, schema, &code->other_migrations);
  dopt.other_migrations = &code->other_migrations;
  dopt.max_file_size = options.max_file_size;
  dopt.excludes_rules = source::git_excludes_rules(options.root);
  std::vector<source::SkippedFile> skipped;
  dopt.skipped = &skipped;
  if (!source::discover_files(fs, options.root, dopt, &code->candidates, err)) return false;
  auto in_scope = [&](const std::string& f) {
    if (!schema.service_scope) return true;
    auto under = [&](const std::string& dir) { return dir.empty() || f.rfind(dir + "/", 0) == 0; };
    if (!under(schema.service_scope->root) || source::is_test_file(f)) return false;
    return std::none_of(schema.service_scope->nested.begin(), schema.service_scope->nested.end(), under);
  };
  auto wanted = [&](const std::string& f) {
    return in_scope(f) &&
           (!options.only_files || std::binary_search(options.only_files->begin(), options.only_files->end(), f));
  };
  // With only some files to scan (--changed-since, a pre-commit hook), constants come from their
  // own directories (a Go package, the modules beside them) only: parsing the whole tree again
  // would cost more than the scan. A constant imported from farther away leaves its site
  // unchecked there, as before; the full check in CI follows it.
  std::set<std::string> constant_dirs;
  auto dir_of = [](const std::string& path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
  };
  if (options.only_files)
    for (auto& f : *options.only_files) constant_dirs.insert(dir_of(f));
  for (auto& f : code->candidates) {
    if (!schema_file(schema, f) && !source::is_not_application_code(f) &&
        (!options.only_files || constant_dirs.count(dir_of(f))))
      if (auto* lang = languages::language_for_path(f)) code->all_code.push_back({f, lang});
    if (!wanted(f)) continue;
    if (schema_file(schema, f) || source::is_not_application_code(f)) continue;
    if (auto* lang = languages::language_for_path(f)) code->files.push_back({f, lang});
    else if (datalayers::claimed(f)) code->files.push_back({f, nullptr});
  }
  for (auto& s : skipped)
    if (wanted(s.path) && (languages::language_for_path(s.path) || datalayers::claimed(s.path))) skipped_out->push_back(s);
  return true;
}

/// What excuses a use of a relation or column the migrations lack, because something else creates
/// it: the code at run time (a test's CREATE TEMP TABLE), another engine's migrations, create_all()
/// over the models, a library at start-up (engine_managed.h), or Hibernate's ddl-auto in the
/// file's module. Built once every file is scanned; each names the place that creates it.
class Excuses {
 public:
  Excuses(const source::FileSystem& fs, const Options& options, const SchemaBuild& schema, const CodeFiles& code,
          const std::vector<FileResult>& results) {
    // Relations the code creates, by name and by "schema.name" when qualified: a reference to
    // one is unchecked, not missing, wherever in the project it is.
    for (auto& r : results)
      for (auto& c : r.created)
        created_.emplace(c.relation.schema.empty() ? c.relation.name : c.relation.schema + "." + c.relation.name, &c);
    // Likewise the tables another engine's migrations create (a SQLite driver's next to the
    // PostgreSQL ones): code for that engine uses them.
    for (auto& path : code.other_migrations) {
      // Another engine's dialect need not parse as PostgreSQL (CREATE VIRTUAL TABLE ... USING
      // fts5): read the CREATE ... TABLE / VIEW names from the words.
      std::string text, e;
      if (!fs.read(source::join_path(options.root, path), &text, &e)) continue;
      report::LineIndex lines(text);
      for (auto& [c, offset] : created_tables_in_text(text))
        elsewhere_.push_back({c, path, lines.position(offset).line,
                             "created by a migration outside the migration directories checked, at"});
    }
    // Tables the models declare, where the project calls create_all(): the code creates each one
    // no migration creates when it starts (create_all() skips those that exist).
    bool create_all = false;
    for (size_t i = 0; i < results.size() && !create_all; ++i)
      if (!results[i].creates_declared.empty()) {
        create_all = true;
        for (auto& r : results)
          for (auto& t : r.declared)
            elsewhere_.push_back({t, code.files[i].first, results[i].creates_declared.front(),
                                  "created at run time by create_all() at"});
      }
    for (auto& c : elsewhere_)
      created_.emplace(c.relation.schema.empty() ? c.relation.name : c.relation.schema + "." + c.relation.name, &c);
    // And the tables a library creates at start-up where the configuration turns that on
    // (Flowable's ACT_* with database-schema-update: true, Quartz's QRTZ_*, ...).
    // Spring's application files among them, and those in a migration directory, which discovery
    // skips (Flyway's set found at src/main/resources/ when a data.sql sits there), or in its config/.
    std::vector<std::string> config_files = code.candidates;
    for (auto& d : schema.directories)
      for (const std::string& dir : {d.path, d.path.empty() ? std::string("config") : d.path + "/config"})
        for (const source::DirEntry& e : fs.list(source::join_path(options.root, dir)))
          if (!e.is_dir && e.skip_reason.empty() && e.name.rfind("application", 0) == 0)
            config_files.push_back(dir.empty() ? e.name : dir + "/" + e.name);
    engines_ = engine_managed_tables(fs, options.root, config_files);
    for (auto& e : engines_) by_engine_.push_back({{}, e.file, e.line, e.how.c_str()});
    // And the entity tables and columns Hibernate creates at start-up in a module configured so
    // (ddl-auto=update): the tables its entity files declare, and the columns of those entities
    // (the requirements in the unit of a declared table's requirement), where no migration does.
    hibernate_ = hibernate_schema_modules(fs, options.root, config_files);
    for (auto& m : hibernate_) by_hibernate_.push_back({{}, m.file, m.line, m.how.c_str()});
    for (size_t i = 0; i < results.size() && !hibernate_.empty(); ++i) {
      const HibernateSchemaModule* m = hibernate_module_of(hibernate_, code.files[i].first);
      if (!m || results[i].declared.empty()) continue;
      const CodeCreated* how = &by_hibernate_[m - hibernate_.data()];
      std::string module = std::to_string(m - hibernate_.data()) + "|";
      std::set<size_t> entity_units;
      for (auto& t : results[i].declared) {
        hibernate_tables_.emplace(module + (t.schema.empty() ? t.name : t.schema + "." + t.name), how);
        for (auto& req : results[i].requirements.requirements)
          if (req.object == requirements::Object::Relation && req.schema == t.schema && req.relation == t.name)
            entity_units.insert(req.unit);
      }
      for (auto& req : results[i].requirements.requirements)
        if (req.object == requirements::Object::Column && entity_units.count(req.unit))
          hibernate_columns_.emplace(module + requirements::qualified(req) + "." + req.column, how);
    }
  }
  Excuses(const Excuses&) = delete;
  Excuses& operator=(const Excuses&) = delete;

  /// What excuses `file`'s use of a relation ("schema.name"): the code, an engine, or its module's Hibernate.
  const CodeCreated* relation(const std::string& file, const std::string& qualified) const {
    if (const CodeCreated* c = created_by_code(qualified)) return c;
    return by_hibernate_for(hibernate_tables_, file, qualified);
  }
  /// What excuses `file`'s use of a column ("schema.relation.column"): its module's Hibernate.
  const CodeCreated* column(const std::string& file, const std::string& qualified_column) const {
    return by_hibernate_for(hibernate_columns_, file, qualified_column);
  }
  /// Whether the excuse is Hibernate's (the migrations' own tables and columns stay checked).
  bool by_hibernate(const CodeCreated* c) const {
    for (auto& h : by_hibernate_)
      if (c == &h) return true;
    return false;
  }

 private:
  const CodeCreated* by_hibernate_for(const std::map<std::string, const CodeCreated*>& made, const std::string& file,
                                      const std::string& key) const {
    const HibernateSchemaModule* m = made.empty() ? nullptr : hibernate_module_of(hibernate_, file);
    if (!m) return nullptr;
    auto it = made.find(std::to_string(m - hibernate_.data()) + "|" + key);
    return it == made.end() ? nullptr : it->second;
  }
  const CodeCreated* created_by_code(const std::string& qualified) const {
    auto it = created_.find(qualified);
    if (it == created_.end()) it = created_.find(qualified.substr(qualified.find('.') + 1));
    if (it == created_.end())
      if (const EngineManagedTables* e = managed_by_engine(engines_, qualified)) return &by_engine_[e - engines_.data()];
    return it == created_.end() ? nullptr : it->second;
  }

  /// By name and by "schema.name" when qualified; pointers into the results and the vectors below.
  std::map<std::string, const CodeCreated*> created_;
  std::vector<CodeCreated> elsewhere_;  ///< another engine's migrations, then create_all()
  std::vector<EngineManagedTables> engines_;
  std::vector<CodeCreated> by_engine_;
  std::vector<HibernateSchemaModule> hibernate_;
  std::vector<CodeCreated> by_hibernate_;
  /// Each module's own database: keyed "MODULE|schema.name" and "MODULE|schema.relation.column",
  /// MODULE the index in hibernate_, and asked for on behalf of a file of that module only.
  std::map<std::string, const CodeCreated*> hibernate_tables_, hibernate_columns_;
};

}  // namespace

bool scan_code(const source::FileSystem& fs, const Options& options, const SchemaBuild& build, CodeScan* out,
               std::string* err) {
  Targets targets{&build.schema, &build.schema, nullptr, false};
  if (!build.services.empty()) targets.services = &build.services;
  return scan_code(fs, options, build, targets, out, err);
}

bool scan_code(const source::FileSystem& fs, const Options& given, const SchemaBuild& schema, const Targets& targets,
               CodeScan* out, std::string* err) {
  Options effective = given;  // the search path the repository states, unless one was given
  if (!given.search_path_given && !schema.search_path.empty()) effective.search_path = schema.search_path;
  TestSchemas test_schemas = TestSchemas::of(fs, given.root, schema);
  const Options& options = effective;
  CodeFiles code;
  if (!discover_code(fs, options, schema, &code, &out->skipped, err)) return false;
  test_schemas.read_module_init_scripts(fs, options.root, code.candidates);
  const auto& files = code.files;
  const auto& all_code = code.all_code;
  const auto& candidates = code.candidates;

  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::pair<std::string, const languages::Language*>> index_files = all_code;
  for (auto& f : candidates)  // configuration a data layer claims (Spring's application.properties)
    if (!languages::language_for_path(f) && datalayers::claimed(f) && !source::is_not_application_code(f))
      index_files.push_back({f, nullptr});
  datalayers::ProjectFacts facts = index_datalayers(fs, options, index_files, n);
  std::vector<FileResult> results(files.size());
  scan_with_constants(fs, options, targets, test_schemas, &facts, files, all_code, n, &results);

  const Excuses excuses(fs, options, schema, code, results);
  const std::string* judging = nullptr;  // the file checks::evaluate is judging
  const report::Locator migrations = migration_places(schema);

  checks::Evaluation eval;
  eval.mode = targets.deploy ? checks::kDeploy : targets.live ? checks::kLive : checks::kOffline;
  eval.eventual = targets.eventual;
  eval.current = targets.current;
  eval.search_path = options.search_path;
  eval.deploy = targets.deploy;
  for (auto& m : schema.migrations) eval.migration_formats[m.path] = m.format;
  for (auto& m : schema.baseline)
    if (m.format == "go-startup") eval.migration_formats[m.path] = m.format;  // its messages say so
  eval.not_judged = [&](const std::string& schema_name, const std::string& name) -> std::string {
    // A column is asked for as "column:relation.column" (requirements/presence.cpp).
    const std::string& file = judging ? *judging : std::string();
    const CodeCreated* c = name.starts_with("column:") ? excuses.column(file, schema_name + "." + name.substr(7))
                                                       : excuses.relation(file, schema_name + "." + name);
    return c ? std::string(c->how) + " " + c->file + ":" + std::to_string(c->line) : "";
  };

  std::set<std::tuple<std::string, int, int, std::string, std::string>> seen;
  for (size_t i = 0; i < results.size(); ++i) {
    FileResult& r = results[i];
    if (!r.error.empty()) {
      *err = r.error;
      return false;
    }
    const std::string& file = files[i].first;
    if (!r.skip_reason.empty()) out->skipped.push_back({file, r.skip_reason});
    if (r.scanned) {
      ++out->summary.files_scanned;
      out->files.push_back(file);
      out->suppressions[file] = std::move(r.suppressions);
    }
    for (auto& st : r.statements) {
      st.site += out->sites.size();
      out->statements.push_back(std::move(st));
    }
    // The file is judged against its own service's schema, by references and checks alike.
    const Targets own = targets_for(targets, file);
    eval.eventual = own.eventual;
    eval.current = own.current;
    eval.search_path = own.search_path ? *own.search_path : options.search_path;
    judging = &file;
    for (auto& s : r.sites) {
      for (auto& ref : s.references) judge_reference(eval, file, &ref);
      ++out->summary.sql_sites;
      if (s.checked) ++out->summary.checked_sites;
      else if (s.partly) ++out->summary.partly_checked_sites;
      else ++out->summary.unchecked_sites;
      out->sites.push_back(std::move(s));
    }
    judging = nullptr;
    if (r.requirements.requirements.empty() && r.syntax_errors.empty()) continue;
    report::Locator places(&migrations);  // the file's own places, and the migrations'
    places.add(file, r.text);
    for (auto& req : r.requirements.requirements) {
      auto pos = places.position(file, req.span.begin);
      std::string excused;
      const CodeCreated* c = req.object == requirements::Object::Relation ? excuses.relation(file, requirements::qualified(req))
                             : req.object == requirements::Object::Column
                                 ? excuses.column(file, requirements::qualified(req) + "." + req.column)
                                 : nullptr;
      // What Hibernate creates is excused only where the migrations do not create it: a table
      // or column a migration creates stays checked against it.
      if (excuses.by_hibernate(c) && own.eventual && requirements::presence(req, *own.eventual) != requirements::Presence::Absent &&
          !(req.object == requirements::Object::Column && !own.eventual->find(req.schema, req.relation)))
        c = nullptr;
      if (c) excused = std::string(c->how) + " " + c->file + ":" + std::to_string(c->line);
      out->requirements.push_back({req, file, pos.line, pos.column, std::move(excused)});
    }
    std::vector<report::Diagnostic> found;
    judging = &file;
    checks::evaluate(eval, r.requirements, places, &found);
    judging = nullptr;
    if (own.eventual != targets.eventual)
      for (auto& d : found) explain_other_service(*targets.services, file, *targets.eventual, &d);
    if (checks::check_for(report::Rule::SyntaxError).when & eval.mode)
      for (auto& d : r.syntax_errors) found.push_back(std::move(d));
    for (auto& d : found) {
      if (d.offset && d.column_name && r.stars.count(*d.offset)) {  // a column that a sqlc star stands for
        d.width = star_width(r.text, *d.offset);
        d.notes.push_back({file, 0, "sqlc writes this * out as every column the schema had when it generated the code, " +
                                        checks::quote_ident(*d.column_name) + " among them", *d.offset});
      }
      places.locate(&d);
      if (!seen.insert({d.file, d.line, d.column, d.rule, d.message}).second) continue;
      if (d.severity == report::Severity::Error) ++out->summary.errors;
      if (d.severity == report::Severity::Warning) ++out->summary.warnings;
      out->diagnostics.push_back(std::move(d));
    }
  }
  std::stable_sort(out->diagnostics.begin(), out->diagnostics.end(), report::diagnostic_less);
  std::stable_sort(out->skipped.begin(), out->skipped.end(),
                   [](const source::SkippedFile& a, const source::SkippedFile& b) { return a.path < b.path; });
  return true;
}

}  // namespace schemagate::pipeline
