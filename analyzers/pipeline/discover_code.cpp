// The discover phase of a code scan: which files are code to scan (not migrations, dumps or
// another engine's files; within the chosen service and the files asked for), which feed
// constants, and the plan the other phases share (scan_plan.h).
#include <algorithm>

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

namespace {

/// Languages that run SQL which schemagate does not read, by file extension (lower case).
const char* unread_language(std::string_view path) {
  static constexpr std::pair<std::string_view, const char*> kUnread[] = {
      {".rs", "Rust"},      {".php", "PHP"},    {".cs", "C#"},       {".ex", "Elixir"},  {".exs", "Elixir"},
      {".scala", "Scala"},  {".swift", "Swift"}, {".dart", "Dart"},  {".cr", "Crystal"}, {".clj", "Clojure"},
      {".hs", "Haskell"},   {".lua", "Lua"},    {".pl", "Perl"},     {".pm", "Perl"},    {".c", "C"},
      {".cc", "C++"},       {".cpp", "C++"},    {".cxx", "C++"},     {".zig", "Zig"},    {".nim", "Nim"},
      {".erl", "Erlang"},   {".fs", "F#"},      {".vb", "Visual Basic"}, {".groovy", "Groovy"},
  };
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return nullptr;
  std::string ext(path.substr(dot));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& [e, name] : kUnread)
    if (ext == e) return name;
  return nullptr;
}

/// Whether a literal of `text` (a file of a language the scan does not read) starts like a
/// statement and holds a statement shape, not as prose: read after each quote (double, single,
/// back quote, and the tripled ones, after which the text follows too; a raw string's quote as
/// well) and after a PHP heredoc's opening line; the text after a literal's closing quote is read
/// as code. No lexer of the language: a quote inside a comment opens a literal too, and a
/// literal runs to the next quote of its kind (escapes not read), which errs towards saying a
/// file holds SQL.
bool holds_sql_literal(std::string_view text) {
  auto sql_at = [&](size_t from, char quote) {
    size_t k = from;
    while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
    if (k >= text.size() || !std::isalpha(static_cast<unsigned char>(text[k]))) return false;
    std::string_view literal = text.substr(from, std::min<size_t>(text.size() - from, 8192));
    if (quote) literal = literal.substr(0, literal.find(quote));
    return languages::looks_like_sql(literal) && source::may_contain_sql(literal) && !languages::reads_as_prose(literal);
  };
  for (size_t q = text.find_first_of("\"'`"); q != std::string_view::npos; q = text.find_first_of("\"'`", q + 1)) {
    char quote = text[q];
    size_t k = q + 1;
    while (k < text.size() && text[k] == quote && k < q + 3) ++k;  // a tripled quote
    if (sql_at(k, quote)) return true;
    // On past the literal's closing quote: the text after it is code again. Not for a single
    // quote, which is as often an apostrophe in a comment or Rust's lifetime.
    if (quote == '\'') continue;
    size_t close = text.find(quote, k);
    if (close == std::string_view::npos) break;
    q = close;
    while (q + 1 < text.size() && text[q + 1] == quote && q < close + 2) ++q;
  }
  for (size_t h = text.find("<<<"); h != std::string_view::npos; h = text.find("<<<", h + 3)) {
    size_t line = text.find('\n', h);
    if (line != std::string_view::npos && sql_at(line + 1, 0)) return true;
  }
  return false;
}

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
  // With only some files to scan, every file is listed all the same: the data layers' index
  // reads the code of every directory (a model declared in another package; the index cache
  // answers for most), and every run reads configuration and JVM tests' init scripts.
  std::set<std::string, std::less<>> constant_dirs;
  auto dir_of = [](std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
  };
  if (options.only_files)
    for (auto& f : *options.only_files) constant_dirs.emplace(dir_of(f));
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
  for (auto& f : code->candidates) {
    // Asked once for both lists (each is a lookup or a search of the path, for every file).
    const bool left_out = schema_file(schema, f) || source::is_not_application_code(f);
    const languages::Language* lang = left_out ? nullptr : languages::language_for_path(f);
    if (lang) {
      if (!options.only_files || constant_dirs.count(dir_of(f))) code->all_code.push_back({f, lang});
      // Every file not scanned is answered by the index cache (its answer does not depend on
      // which files are scanned); the scanned ones are indexed now.
      if (options.only_files) code->index_code.push_back({f, lang}), code->far.push_back(!wanted(f));
    }
    if (!wanted(f)) continue;
    if (left_out) continue;
    if (lang) {
      code->files.push_back({f, lang});
    } else if (datalayers::claimed(f)) {
      code->files.push_back({f, nullptr});
    } else if (const char* unread = unread_language(f)) {
      // Said, not checked: a file that holds a statement shape may run SQL that no migration
      // backs, and a run that passes without a word about it would be a silent miss.
      std::string text, e;
      if (fs.read(source::join_path(options.root, f), &text, &e) && !source::is_generated(text) &&
          source::may_contain_sql(text) && holds_sql_literal(text))
        code->unread.push_back({f, unread});
    }
  }
  for (auto& s : skipped)
    if (wanted(s.path) && (languages::language_for_path(s.path) || datalayers::claimed(s.path))) skipped_out->push_back(s);
  return true;
}

}  // namespace

bool plan_scan(const source::FileSystem& fs, const Options& given, const SchemaBuild& schema, const Targets& targets,
               ScanPlan* plan, std::vector<source::SkippedFile>* skipped, std::string* err) {
  plan->options = given;  // the search path the repository states, unless one was given
  if (!given.search_path_given && !schema.search_path.empty()) plan->options.search_path = schema.search_path;
  plan->targets = targets;
  for (const MigrationDirectory& d : schema.directories) plan->migration_directories.push_back({d.path, d.format});
  plan->test_schemas = TestSchemas::of(fs, given.root, schema);
  if (!discover_code(fs, plan->options, schema, &plan->code, skipped, err)) return false;
  plan->test_schemas.read_module_init_scripts(fs, plan->options.root, plan->code.candidates);
  plan->threads = plan->options.threads ? plan->options.threads : std::max(1u, std::thread::hardware_concurrency());
  return true;
}

}  // namespace schemagate::pipeline
