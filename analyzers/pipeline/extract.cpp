// The extract phase: the data layers' index over the project, then each file read, its SQL
// sites found by the host language's extractor and the data layers' requirements collected
// (FileScanner::scan). Resolution of each site is resolve_sites.cpp's.
#include "analyzers/pipeline/file_scanner.h"

#include <functional>
#include <mutex>
#include <optional>

#include "analyzers/datalayers/gorm_naming.h"
#include "analyzers/languages/go_packages.h"
#include "analyzers/languages/ruby.h"
#include "analyzers/languages/script_lexer.h"
#include "analyzers/pipeline/index_cache.h"
#include "analyzers/pipeline/schema_cache.h"
#include "analyzers/source/fast_hash.h"
#include "analyzers/schema/migrations/discover.h"

namespace schemagate::pipeline {

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
  // A call is a name right before `(` (spaces or tabs between), starting the word and not after
  // a `.`: each `(` is read once and the word before it compared, instead of a search of the
  // text for each of the 29 names.
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t paren = sql.find('('); paren != std::string_view::npos; paren = sql.find('(', paren + 1)) {
    size_t end = paren;
    while (end > 0 && (sql[end - 1] == ' ' || sql[end - 1] == '\t')) --end;
    size_t start = end;
    while (start > 0 && word_char(sql[start - 1])) --start;
    if (start == end || (start > 0 && sql[start - 1] == '.')) continue;
    std::string_view word = sql.substr(start, end - start);
    for (std::string_view name : kNames)
      if (word == name) return true;
  }
  return false;
}

namespace {

// Go names its query methods like other APIs (an archiver's Query, a storage client's Get):
// only a file that imports a database package.
constexpr std::string_view kGoDatabasePackages[] = {"database/sql", "sqlx", "pgx", "gorm", "uptrace/bun", "lib/pq", "go-pg"};

/// Only names that run a query whatever the library: not Get, Select, raw, run or fetch, which
/// most code calls for other things.
bool runs_a_query(std::string_view name) {
  return name.find("Exec") != std::string_view::npos || name.find("Query") != std::string_view::npos ||
         name.find("execute") != std::string_view::npos || name == "GetContext" || name == "SelectContext" ||
         name == "fetchrow" || name == "fetchval";
}

/// A query format of another file filled in here: fmt.Sprintf(queryFmtSelectUser, tableUsers).
bool formats_a_query(std::string_view text) {
  for (size_t at = text.find("Sprintf("); at != std::string_view::npos; at = text.find("Sprintf(", at + 1)) {
    std::string_view arg = text.substr(at + 8, 5);
    std::string low;
    for (char c : arg) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (low.starts_with("query") || low.starts_with("sql") || low.starts_with("stmt")) return true;
  }
  return false;
}

/// The words a scan reads each file of a language for, once: its data layers' and
/// runs_named_query's (Go's database packages, then each query-running call as `.name(`, then
/// "Sprintf("), then the suppression comments' marker (`marker`: its place among them).
struct ScanWords {
  datalayers::FileWordSearch search;
  size_t packages = 0, calls = 0, marker = 0;
  size_t ruby_execute = SIZE_MAX;  ///< Ruby's `.execute(`, told by languages::ruby_execute_may_query
};

ScanWords scan_words(const languages::Language& lang) {
  std::vector<std::string> also;
  if (lang.name == "go") also.assign(std::begin(kGoDatabasePackages), std::end(kGoDatabasePackages));
  size_t packages = also.size();
  for (std::string_view name : lang.database_calls)
    if (runs_a_query(name)) also.push_back("." + std::string(name) + "(");
  size_t calls = also.size() - packages;
  size_t ruby_execute = SIZE_MAX;
  if (lang.name == "ruby")
    if (auto it = std::find(also.begin() + static_cast<std::ptrdiff_t>(packages), also.end(), ".execute(");
        it != also.end())
      ruby_execute = static_cast<size_t>(it - also.begin());
  also.push_back("Sprintf(");
  size_t marker = also.size();
  also.emplace_back(report::kSuppressionMarker);
  return ScanWords{datalayers::FileWordSearch(lang.name == "tsx" ? std::string_view("typescript") : lang.name, also,
                                             source::statement_words()),
                   packages, calls, marker, ruby_execute};
}

const ScanWords& scan_words_of(const languages::Language& lang) {
  // Built on first use, language by language: a pre-commit run that scans one Go file builds
  // Go's search alone (building every language's cost 18 M instructions at each start).
  const std::vector<languages::Language>& table = languages::languages();
  std::less<const languages::Language*> before;
  if (!table.empty() && !before(&lang, table.data()) && before(&lang, table.data() + table.size())) {
    struct Lazy {
      std::once_flag once;
      std::unique_ptr<ScanWords> words;
    };
    static const std::unique_ptr<Lazy[]> all(new Lazy[table.size()]);
    Lazy& slot = all[static_cast<size_t>(&lang - table.data())];
    std::call_once(slot.once, [&] { slot.words = std::make_unique<ScanWords>(scan_words(lang)); });
    return *slot.words;
  }
  // A language outside the table (a test's own): its words, once per call.
  thread_local std::map<const languages::Language*, std::unique_ptr<ScanWords>> own;
  auto& words = own[&lang];
  if (!words) words = std::make_unique<ScanWords>(scan_words(lang));
  return *words;
}

/// What the one search of a file for the scan's words tells.
struct FileWords {
  datalayers::LayerGates gates;
  bool statement_shape = false;  ///< source::may_contain_sql(text); false for a file layers claim
};

/// The gates of a file of `lang` (null: a file layers claim) from its one search for the scan's
/// words, kept in `parsed` for the phases after this one.
FileWords file_gates(const std::string& rel, const languages::Language* lang, std::string_view text, ParsedFiles* parsed) {
  if (!lang) return {datalayers::LayerGates(datalayers::FileWordSearch::of(""), text)};
  const ScanWords& words = scan_words_of(*lang);
  std::vector<bool> found;
  bool shape = false;
  if (parsed && parsed->words(rel, &found, &shape)) return {datalayers::LayerGates(words.search, std::move(found)), shape};
  thread_local std::vector<source::WordHit> places;
  datalayers::LayerGates gates(words.search, text, &places);
  shape = source::may_contain_sql(text, places);
  if (parsed) parsed->keep_words(rel, gates.found(), shape);
  return {std::move(gates), shape};
}

/// runs_named_query, from the file's one word search (scan_words_of).
bool runs_named_query(std::string_view text, const languages::Language& lang, const ScanWords& words,
                      const datalayers::LayerGates& found) {
  if (lang.name == "sql") return languages::query_dialect_for(text).name != "plain";
  if (words.packages > 0) {
    bool any = false;
    for (size_t i = 0; i < words.packages && !any; ++i) any = found.holds(i);
    if (!any) return false;
  }
  for (size_t i = words.packages; i < words.packages + words.calls; ++i)
    if (found.holds(i) && (i != words.ruby_execute || languages::ruby_execute_may_query(text))) return true;
  return found.holds(words.packages + words.calls) && formats_a_query(text);
}

}  // namespace

/// Whether `text` calls one of `lang`'s query-running methods by name (`.ExecContext(`,
/// `.execute(`): its SQL may be a constant of another file (a Go package's queries.go, a Python
/// queries module), so a file without a SQL keyword is still scanned. Only names that run a
/// query whatever the library (runs_a_query). A query tool's .sql file (sqlc's "-- name: F :one"
/// headers) runs every statement it names, with or without a FROM (SELECT f($1)).
bool runs_named_query(std::string_view text, const languages::Language& lang) {
  const ScanWords& words = scan_words_of(lang);
  return runs_named_query(text, lang, words, datalayers::LayerGates(words.search, text));
}

namespace {

/// For read_file_index: what is not wanted.
constexpr auto nothing = [](auto&&...) {};

/// facts[key] += value, without a copy of a key already there.
void add_fact(datalayers::ProjectFacts* facts, std::string_view key, std::string_view value) {
  auto it = facts->find(key);
  if (it == facts->end()) it = facts->emplace(std::string(key), std::vector<std::string>()).first;
  it->second.emplace_back(value);
}

/// The layers whose `index` reads a file of `lang` (null: a file layers claim) at `rel`, by path
/// and language alone.
std::vector<const datalayers::DataLayer*> layers_indexing(const std::string& rel, const languages::Language* lang) {
  std::vector<const datalayers::DataLayer*> layers;
  if (lang && !lang->grammar) return layers;
  std::string_view family = !lang ? "" : lang->name == "tsx" ? std::string_view("typescript") : lang->name;
  for (auto& layer : datalayers::datalayers())
    if (layer.index && (lang ? std::find(layer.languages.begin(), layer.languages.end(), family) != layer.languages.end()
                             : layer.claims && layer.claims(rel)))
      layers.push_back(&layer);
  return layers;
}

/// Runs `index(layer, input)` for each of `layers` (those that index the file of `lang` at `rel`)
/// that its words in `gates` and its own test admit, parsing the file with `parser` (null: none)
/// once, for the first layer that reads the tree. The tree, when one was parsed.
template <typename Index>
languages::Tree run_indexes(const std::string& rel, const languages::Language* lang, const std::string& text,
                            const std::vector<const datalayers::DataLayer*>& layers, const datalayers::LayerGates& gates,
                            languages::Parser* parser, Index&& index) {
  std::string_view family = !lang ? "" : lang->name == "tsx" ? std::string_view("typescript") : lang->name;
  languages::Tree tree;
  for (auto* layer : layers) {
    if (layer->index_reads || layer->relevant) {
      if (!gates.index_reads(*layer)) continue;
      if (layer->index_reads ? !layer->index_reads(rel, text) : !layer->relevant(text)) continue;
    }
    if (parser && !tree && (!layer->index_text_only || (layer->index_parses && layer->index_parses(text)))) {
      tree = parser->parse(text);
      if (!tree) break;
    }
    datalayers::FileInput in{rel, text, tree ? ts_tree_root_node(tree.get()) : TSNode{}, family, "public"};
    index(*layer, in);
  }
  return tree;
}

/// The data layers' index phase: every layer with an `index` reads the files of its languages
/// that it finds relevant (an ActiveRecord model's table, its associations), before any file is
/// extracted, and on the files a layer claims (`lang` null). On `threads` threads, each file
/// alone; the facts are gathered in file order, as one thread would. The trees it parses are
/// left in `parsed` for the scan. A file with an answer in `far` (index_of_file's, encoded) is
/// not read: its answer stands for it.
datalayers::ProjectFacts index_datalayers(const source::ReadOnceFileSystem& fs, const Options& options,
                                          const std::vector<std::pair<std::string, const languages::Language*>>& files,
                                          const std::vector<std::optional<std::string_view>>& far, unsigned threads,
                                          ParsedFiles* parsed) {
  // Which files some layer indexes, by path and language alone: most projects have none.
  std::vector<size_t> indexed;
  std::vector<std::vector<const datalayers::DataLayer*>> layers_of;
  for (size_t i = 0; i < files.size(); ++i) {
    if (far[i]) continue;
    std::vector<const datalayers::DataLayer*> layers = layers_indexing(files[i].first, files[i].second);
    if (layers.empty()) continue;
    indexed.push_back(i);
    layers_of.push_back(std::move(layers));
  }
  std::set<std::string_view> far_wanted;  // the layers a file of `far` shows the project uses
  for (auto& answer : far)
    if (answer) read_file_index_wanted(*answer, [&](std::string_view name) { far_wanted.insert(name); });
  // A layer the project does not use (index_wanted: no file shows it) indexes nothing: its
  // files are read for that word alone, not parsed.
  std::set<const datalayers::DataLayer*> unwanted;
  for (auto& layer : datalayers::datalayers()) {
    if (!layer.index_wanted) continue;
    std::atomic<bool> wanted{false};
    if (far_wanted.count(layer.name)) wanted = true;
    std::vector<size_t> mine;
    for (size_t k = 0; k < indexed.size() && !wanted; ++k)
      if (std::find(layers_of[k].begin(), layers_of[k].end(), &layer) != layers_of[k].end()) mine.push_back(k);
    for_each_parallel<char>(mine.size(), threads, [&](char&, size_t m) {
      if (wanted) return;
      std::string err;
      auto& [rel, lang] = files[indexed[mine[m]]];
      std::shared_ptr<const std::string> text = fs.text(source::join_path(options.root, rel), &err);
      if (text && !source::is_generated(*text) && file_gates(rel, lang, *text, parsed).gates.index_wanted(layer) &&
          layer.index_wanted(*text))
        wanted = true;
    });
    if (!wanted) unwanted.insert(&layer);
  }
  if (!unwanted.empty()) {
    size_t kept = 0;
    for (size_t k = 0; k < indexed.size(); ++k) {
      std::erase_if(layers_of[k], [&](const datalayers::DataLayer* l) { return unwanted.count(l) > 0; });
      if (layers_of[k].empty()) continue;
      if (kept != k) {
        indexed[kept] = indexed[k];
        layers_of[kept] = std::move(layers_of[k]);
      }
      ++kept;
    }
    indexed.resize(kept);
    layers_of.resize(kept);
  }
  using Found = std::vector<std::pair<std::string, std::string>>;
  std::vector<Found> found(indexed.size());
  using Parsers = std::map<const languages::Language*, std::unique_ptr<languages::Parser>>;
  for_each_parallel<Parsers>(indexed.size(), threads, [&](Parsers& parsers, size_t k) {
    auto& [rel, lang] = files[indexed[k]];
    std::string err;
    std::shared_ptr<const std::string> kept = fs.text(source::join_path(options.root, rel), &err);
    if (!kept || source::is_generated(*kept)) return;
    const std::string& text = *kept;
    std::unique_ptr<languages::Parser>* parser = nullptr;
    if (lang) {
      parser = &parsers[lang];
      if (!*parser) *parser = std::make_unique<languages::Parser>(*lang);
      if (!(*parser)->ok()) return;
    }
    languages::Tree tree = run_indexes(rel, lang, text, layers_of[k], file_gates(rel, lang, text, parsed).gates,
                                       parser ? parser->get() : nullptr,
                                       [&](const datalayers::DataLayer& layer, const datalayers::FileInput& in) {
                                         layer.index(in, &found[k]);
                                       });
    // The scan parses most files a layer indexes (an sqlx file's struct tags, then its queries).
    if (tree) parsed->keep(rel, text, &tree);
  });
  datalayers::ProjectFacts facts;
  for (size_t i = 0, k = 0; i < files.size(); ++i) {
    if (far[i]) {
      read_file_index(*far[i], nothing, [&](std::string_view layer, std::string_view key, std::string_view value) {
        if (std::none_of(unwanted.begin(), unwanted.end(), [&](const datalayers::DataLayer* l) { return l->name == layer; }))
          add_fact(&facts, key, value);
      }, nothing, nothing, nothing);
      continue;
    }
    if (k < indexed.size() && indexed[k] == i)
      for (auto& [key, value] : found[k++]) facts[key].push_back(std::move(value));
  }
  // "<layer>:wanted": a file shows the project uses the layer (its index ran), for a layer whose
  // scan finds nothing otherwise (DataLayer::relevant_in).
  for (auto& layer : datalayers::datalayers())
    if (layer.index_wanted && !unwanted.count(&layer)) facts[std::string(layer.name) + ":wanted"].push_back("");
  return facts;
}

/// The Go package index (languages/go_packages.h) into `facts`: each Go file's package name,
/// top-level functions and statement fields, each package's import path (the nearest go.mod's
/// module path and the directory under it: "go:package:<import path>" -> directory), and the
/// named queries of the project's .sql files. Files are read, never parsed; test files are left
/// out (their functions exist only in the test binary).
void index_go_packages(const source::FileSystem& fs, const Options& options,
                       const std::vector<std::pair<std::string, const languages::Language*>>& files,
                       const std::vector<std::optional<std::string_view>>& far, IndexCache* cache,
                       std::optional<MergedFactTable>* far_table, unsigned threads, datalayers::ProjectFacts* facts) {
  auto directory = [](std::string_view path) {
    size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? std::string_view() : path.substr(0, slash));
  };
  std::vector<size_t> go, sql;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!files[i].second) continue;
    if (files[i].second->name == "go" && !source::is_test_file(files[i].first)) go.push_back(i);
    if (files[i].second->name == "sql") sql.push_back(i);
  }
  if (go.empty()) return;
  std::vector<languages::FactList> found(go.size() + sql.size());
  for_each_parallel<int>(found.size(), threads, [&](int&, size_t k) {
    const size_t i = k < go.size() ? go[k] : sql[k - go.size()];
    if (far[i]) return;  // its facts are read below, without a copy
    const std::string& rel = files[i].first;
    std::string err;
    std::shared_ptr<const std::string> text = fs.read_shared(source::join_path(options.root, rel), &err);
    if (!text || source::is_generated(*text)) return;
    if (k < go.size()) languages::go_file_facts(directory(rel), *text, &found[k]);
    else languages::named_query_facts(rel, *text, &found[k]);
  });
  // The facts of the files the index cache answered for (a pre-commit run's files not scanned:
  // most of the project) stay out of the map: they are merged by key once into a table beside it
  // (ProjectFacts::more), kept in the cache with a hash of the answers it comes from, so that a
  // run whose far files answer as the last one's reads the table as kept. Putting them in the map
  // cost temporal's pre-commit run 90 M instructions.
  uint64_t signature = 0x9e3779b97f4a7c15ULL;
  std::vector<uint32_t> far_at;  // the positions (k) of the far files
  for (size_t k = 0; k < found.size(); ++k)
    if (const size_t i = k < go.size() ? go[k] : sql[k - go.size()]; far[i]) {
      far_at.push_back(static_cast<uint32_t>(k));
      signature = (signature ^ source::fast_hash(*far[i]) ^ k) * 0x100000001b3ULL;
    }
  if (!far_at.empty()) {
    std::string_view merged;
    if (const std::string_view* kept = cache->derived("go-packages", signature)) {
      merged = *kept;
    } else {
      std::vector<MergedFact> all;
      for (uint32_t k : far_at)
        read_file_index(*far[k < go.size() ? go[k] : sql[k - go.size()]], nothing, nothing,
                        [&](std::string_view key, std::string_view value) { all.push_back({key, value, k}); }, nothing,
                        nothing);
      std::stable_sort(all.begin(), all.end(), [](const MergedFact& a, const MergedFact& b) { return a.key < b.key; });
      merged = cache->put_derived("go-packages", signature, encode_merged_facts(all));
    }
    far_table->emplace(merged);
    facts->more = &**far_table;
  }
  for (auto& f : found)
    for (auto& [key, value] : f) (*facts)[key].push_back(std::move(value));
  // The import path of each package directory: its nearest go.mod's module, and the way down.
  std::map<std::string, std::optional<std::pair<std::string, std::string>>> module_of;  // dir -> (module dir, path)
  std::function<const std::optional<std::pair<std::string, std::string>>&(const std::string&)> module = [&](const std::string& dir)
      -> const std::optional<std::pair<std::string, std::string>>& {
    if (auto it = module_of.find(dir); it != module_of.end()) return it->second;
    std::optional<std::pair<std::string, std::string>> m;
    std::string text, err;
    if (fs.read(source::join_path(options.root, dir.empty() ? "go.mod" : dir + "/go.mod"), &text, &err)) {
      if (std::string path = languages::go_module_path(text); !path.empty()) m.emplace(dir, path);
    } else if (!dir.empty()) {
      m = module(directory(dir));
    }
    return module_of[dir] = m;
  };
  std::set<std::string> dirs;
  for (size_t i : go) dirs.insert(directory(files[i].first));
  for (const std::string& dir : dirs) {
    const auto& m = module(dir);
    if (!m) continue;
    std::string path = dir == m->first ? m->second : m->second + "/" + dir.substr(m->first.empty() ? 0 : m->first.size() + 1);
    (*facts)["go:package:" + path].push_back(dir);
  }
}

/// What the file `rel` of `lang` may create when it runs, by words, into out->created and
/// out->create_all_line (FileIndex): the full check scans it and would excuse a use.
void run_time_creations(const std::string& rel, const languages::Language* lang, const std::string& text,
                        FileIndex* out) {
  std::optional<report::LineIndex> lines;
  for (auto* reader : {&created_tables_in_text, &added_columns_in_text})
    for (auto& [c, offset] : (*reader)(text)) {
      if (!lines) lines.emplace(text);
      out->created.emplace_back(c.schema + "\n" + c.name, static_cast<uint32_t>(lines->position(offset).line));
    }
  if (lang && lang->name == "python" && !source::is_test_file(rel))
    if (size_t at = text.find(".create_all("); at != std::string::npos) {
      if (!lines) lines.emplace(text);
      out->create_all_line = static_cast<uint32_t>(lines->position(at).line);
    }
}

/// What the indexes learn from the file `rel` of `lang` whatever the project uses (FileIndex):
/// each layer's index_wanted verdict and index output, as index_datalayers would give them were
/// the layer used, and the Go package facts, as index_go_packages reads them.
FileIndex index_of_file(const std::string& rel, const languages::Language* lang, const std::string& text,
                        std::map<const languages::Language*, std::unique_ptr<languages::Parser>>* parsers) {
  FileIndex out;
  if (source::is_generated(text)) return out;
  if (std::vector<const datalayers::DataLayer*> layers = layers_indexing(rel, lang); !layers.empty()) {
    datalayers::LayerGates gates = file_gates(rel, lang, text, nullptr).gates;
    for (auto* layer : layers)
      if (layer->index_wanted && gates.index_wanted(*layer) && layer->index_wanted(text)) out.wanted.emplace_back(layer->name);
    std::unique_ptr<languages::Parser>* parser = nullptr;
    if (lang) {
      parser = &(*parsers)[lang];
      if (!*parser) *parser = std::make_unique<languages::Parser>(*lang);
      if (!(*parser)->ok()) parser = nullptr, layers.clear();
    }
    std::vector<std::pair<std::string, std::string>> found;
    run_indexes(rel, lang, text, layers, gates, parser ? parser->get() : nullptr,
                [&](const datalayers::DataLayer& layer, const datalayers::FileInput& in) {
                  found.clear();
                  layer.index(in, &found);
                  for (auto& [key, value] : found) out.found.push_back({std::string(layer.name), std::move(key), std::move(value)});
                });
  }
  run_time_creations(rel, lang, text, &out);
  if (lang && lang->name == "go" && !source::is_test_file(rel)) {
    size_t slash = rel.rfind('/');
    languages::go_file_facts(slash == std::string::npos ? std::string_view() : std::string_view(rel).substr(0, slash),
                             text, &out.package);
  } else if (lang && lang->name == "sql") {
    languages::named_query_facts(rel, text, &out.package);
  }
  return out;
}

/// The answers of the files `far` marks (a pre-commit run's files not scanned), encoded:
/// from `cache` where a file's identity is the one kept, else read now and kept for the next run.
/// Valid while the cache lives.
std::vector<std::optional<std::string_view>> far_answers(
    const source::FileSystem& fs, const Options& options,
    const std::vector<std::pair<std::string, const languages::Language*>>& files, const std::vector<char>& far,
    unsigned threads, IndexCache* cache) {
  std::vector<std::optional<std::string_view>> answers(files.size());
  if (far.empty()) return answers;
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  const int64_t started = static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
  std::vector<size_t> read;
  std::vector<std::string> identities(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    if (i >= far.size() || !far[i]) continue;
    if (!options.index_cache_file.empty())
      identities[i] = identity_now(fs, source::join_path(options.root, files[i].first), started);
    if (const std::string_view* kept = cache->find(files[i].first, identities[i]))
      if (read_file_index(*kept, nothing, nothing, nothing, nothing, nothing)) {
        answers[i] = *kept;
        continue;
      }
    read.push_back(i);
  }
  using Parsers = std::map<const languages::Language*, std::unique_ptr<languages::Parser>>;
  std::vector<std::string> encoded(read.size());
  for_each_parallel<Parsers>(read.size(), threads, [&](Parsers& parsers, size_t k) {
    auto& [rel, lang] = files[read[k]];
    std::string err;
    std::shared_ptr<const std::string> text = fs.read_shared(source::join_path(options.root, rel), &err);
    encoded[k] = encode_file_index(text ? index_of_file(rel, lang, *text, &parsers) : FileIndex{});
    if (!text) identities[read[k]].clear();  // not kept: the next run reads it again
  });
  for (size_t k = 0; k < read.size(); ++k)
    answers[read[k]] = cache->put(files[read[k]].first, std::move(identities[read[k]]), std::move(encoded[k]));
  return answers;
}

}  // namespace

bool FileScanner::calls_database(std::string_view text, const languages::Language& lang) const {
  if (languages::is_script_language(lang.name) ? languages::script_may_call_database(lang.name, text, lang.database_calls)
      : lang.name == "ruby"                     ? languages::ruby_may_call_database(text, lang.database_calls)
                                                : languages::ProjectConstants::may_define_wrapper(lang, text))
    return true;
  auto extra = options_.extra_database_calls.find(std::string(language_family(lang)));
  if (extra != options_.extra_database_calls.end() &&
      std::any_of(extra->second.begin(), extra->second.end(),
                  [&](const std::string& name) { return languages::ProjectConstants::holds_word(text, name); }))
    return true;
  return project_ && project_->holds_wrapper_name(lang.name, text);
}

namespace {

/// The spans a parse skipped as a key (a leading 0 byte, then each span's two offsets).
std::string skipped_spans_key(const std::vector<languages::Parser::Span>& skipped) {
  std::string key(1, '\0');
  key.reserve(1 + skipped.size() * 8);
  for (const languages::Parser::Span& s : skipped) {
    key.append(reinterpret_cast<const char*>(&s.first), sizeof s.first);
    key.append(reinterpret_cast<const char*>(&s.second), sizeof s.second);
  }
  return key;
}

}  // namespace

FileResult FileScanner::scan(const std::string& rel, const languages::Language* lang, FirstPass* first,
                             const std::vector<datalayers::FileOutput>* layer_outputs) {
  FileResult result;
  file_targets_ = targets_for(targets_, rel);
  // The text: the one kept with the file's tree, or the file system's, shared (it keeps the
  // texts the phases before read: a copy of each was 1.3% of a scan of synapse).
  std::string own, err;
  std::shared_ptr<const std::string> shared;
  languages::Tree kept;
  std::string kept_from;  // the text `kept` was parsed from, when not `text` (body_gate.cpp)
  if (!(parsed_ && parsed_->take(rel, &own, &kept, &kept_from)) &&
      !(shared = fs_.read_shared(source::join_path(options_.root, rel), &err))) {
    result.error = rel + ": cannot read: " + err;
    return result;
  }
  const std::string& text = shared ? *shared : own;
  // imports() keeps the answers for `text` while this scan runs, and for no text after it.
  struct ScanText {
    FileScanner* scanner;
    ~ScanText() {
      scanner->scanned_text_ = nullptr;
      scanner->imports_.reset();
    }
  } scan_text{this};
  imports_.reset();
  scanned_text_ = &text;
  // The constants phase reads no generated or minified file, nor one without a grammar.
  bool generated = source::is_generated(text);
  if (first && (!lang || !lang->grammar || generated || source::is_minified(text))) first->known = true;
  if (generated) {
    result.skip_reason = "generated (marked @generated, DO NOT EDIT or auto generated)";
    return result;
  }
  if (lang && (language_family(*lang) == "typescript" || language_family(*lang) == "javascript")) {
    std::string dir = rel.rfind('/') == std::string::npos ? "" : rel.substr(0, rel.rfind('/'));
    auto outputs = package_outputs_.find(dir);
    if (outputs == package_outputs_.end()) {
      source::package_script_outputs(fs_, options_.root, dir, &package_outputs_);
      outputs = package_outputs_.find(dir);
    }
    if (std::string manifest = source::written_by(outputs->second, rel); !manifest.empty()) {
      if (first) first->known = true;
      result.skip_reason = "generated (the output of a script of " + manifest + ")";
      return result;
    }
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
  // The file read once for every word the scan asks of it (its data layers', runs_named_query's,
  // the suppressions' marker).
  const ScanWords* words = lang ? &scan_words_of(*lang) : nullptr;
  FileWords searched = file_gates(rel, lang, text, parsed_);
  const datalayers::LayerGates& gates = searched.gates;
  if (!words || gates.holds(words->marker)) result.suppressions = report::find_suppressions(text);
  bool named_query = lang && runs_named_query(text, *lang, *words, gates);
  bool sql = lang && (named_query || searched.statement_shape);
  // The statement shape only in code or comments (Go's `select {`): no site unless the file
  // calls the database with SQL built elsewhere (a dynamic site, or another file's constant).
  // A Python test (or a file that parses SQL itself) keeps only database calls' SQL
  // (judge_file's only_database_calls_): without a call of one, whatever its literals hold, it
  // has no site. Unless it renames SQLAlchemy's text(), whose calls the lexer would not see.
  bool calls_only = lang && lang->name == "python" && (source::is_test_file(rel) || imports(text).sql_parser()) &&
                    text.find("text as ") == std::string::npos;
  // A Go file is lexed once for its gates (languages::go_lex).
  std::optional<languages::GoLexicon> go_lexed;
  if (sql && !named_query && lang->name == "go") go_lexed = languages::go_lex(text);
  if (sql && !named_query &&
      (calls_only || !(go_lexed ? languages::go_literals_may_hold_sql(text, *go_lexed)
                                : languages::literals_may_hold_sql(lang->name, text))) &&
      !calls_database(text, *lang)) {
    if (first) first->deferred = true;
    sql = false;
  }
  if (sql && go_lexed && !go_may_yield_site(rel, text, *lang, &*go_lexed)) {
    if (first) first->deferred = true;
    sql = false;
  }
  std::vector<const datalayers::DataLayer*> layers;
  for (auto& layer : datalayers::datalayers()) {
    bool reads = lang ? std::find(layer.languages.begin(), layer.languages.end(), language_family(*lang)) !=
                                layer.languages.end() &&
                            (!layer.reads_path || layer.reads_path(rel))
                      : layer.claims && layer.claims(rel);
    if (!reads) continue;
    if (!layer.relevant_in && !layer.relevant) {
      layers.push_back(&layer);
      continue;
    }
    if (layer.relevant_in ? gates.relevant_in(layer) && layer.relevant_in(text, facts_)
                          : gates.relevant(layer) && layer.relevant(text))
      layers.push_back(&layer);
  }
  if (!sql && layers.empty()) return result;

  languages::Tree tree;
  TSNode root{};
  bool collect_with_sites = false;
  std::string blanked;  // the text parsed, when not `text`
  std::vector<languages::Parser::Span> skipped;  // spans of `blanked` the parse does not read
  // What tells this parse from another of the same file (ParsedFiles::keep's parsed_from):
  // `blanked`, or the spans skipped, which name the bodies blanked.
  std::string parsed_from;
  if (lang && lang->grammar) {
    languages::Parser& parser = parser_for(*lang);
    if (!parser.ok()) {
      result.error = parser.error();
      return result;
    }
    bool collect = first && !first->known && first->constants;
    // A file is parsed without the function bodies that cannot matter (body_gate.cpp). A kept tree of the whole text serves as it is; one of blanked bodies only
    // if this scan blanks the same ones (a wrapper the project knows now keeps the bodies that
    // call it).
    if (!kept || !kept_from.empty()) {
      // A Python first pass that learns the file's own wrappers before its sites (FirstPass::
      // own_wrappers) keeps the bodies that call a function of the file that may be one.
      // They are read by the gate (python_text_to_parse), of the bodies it reads anyway.
      if (first && first->own_wrappers && lang->name == "python" && sql &&
          languages::ProjectConstants::may_define_any_wrapper(*lang, text))
        own_candidates_out_ = &first->own_candidates;
      own_candidates_ = first ? &first->own_candidates : nullptr;
      blanked = text_to_parse(rel, text, *lang, layers, first ? &first->asked : nullptr, &skipped);
      own_candidates_ = own_candidates_out_ = nullptr;
      parsed_from = skipped.empty() ? blanked : skipped_spans_key(skipped);
    }
    if (kept && !kept_from.empty() && kept_from != parsed_from) kept.reset();
    tree = kept ? std::move(kept) : parser.parse(blanked.empty() ? std::string_view(text) : blanked, skipped);
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
    if (collect && !sql)
      languages::collect_file_constants(text, root, *lang, first->constants, first->wrappers, nullptr, rel, facts_);
    collect_with_sites = collect && sql;
  }
  report::LineIndex lines(text);
  // The data layers judge their units with the file's own schema facts (judge_file sets them
  // for files with SQL), never with the previous file's.
  if (!sql) file_schema_ = test_schemas_.for_file(rel, text, lines);
  if (sql) {
    std::vector<languages::SqlSite> sites;
    auto extra = options_.extra_database_calls.find(std::string(language_family(*lang)));
    languages::ExtractInput in{text, root, lang,
                               extra == options_.extra_database_calls.end() ? nullptr : &extra->second};
    in.path = rel;
    in.project = project_;
    in.facts = facts_;
    // The first pass: the project it was given records every question (FirstPass::asked_of);
    // without one nothing is known yet, and every question is recorded all the same.
    languages::ProjectConstants none;
    if (first && !project_) {
      none.record_to(&first->asked);
      in.project = &none;
    }
    if (collect_with_sites) {
      in.constants = first->constants;
      in.wrappers = first->wrappers;
      in.sites_too = true;
      if (project_) in.own_wrappers = first->own_wrappers;
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
  bool reuse = layer_outputs && layer_outputs->size() == layers.size();
  if (first && (first->deferred || !first->asked.empty())) first->layer_outputs.emplace();
  for (size_t k = 0; k < layers.size(); ++k) {
    const datalayers::DataLayer* layer = layers[k];
    datalayers::FileOutput out;
    if (reuse) {
      out = (*layer_outputs)[k];
    } else {
      datalayers::FileInput in{rel, text, root, lang ? language_family(*lang) : "",
                               search_path().empty() ? "public" : search_path().front(), facts_};
      in.running_code = file_targets_.deploy != nullptr;
      layer->extract(in, &out);
    }
    if (first && first->layer_outputs) first->layer_outputs->push_back(out);
    std::vector<std::string> doubles = layer_test_doubles(rel, lang, root, text, out);
    add_layer_output(rel, lines, *layer, std::move(out), &result, doubles);
  }
  if (first && first->leave_tree && tree) first->leave_tree(text, &tree, parsed_from);
  // Kept for the evaluate phase, which places the file's sites, references and findings.
  if (!result.sites.empty() || !result.requirements.requirements.empty() || !result.syntax_errors.empty())
    result.text = shared ? *shared : std::move(own);
  result.held.hold(std::move(result.requirements));
  return result;
}

const source::FileImports& FileScanner::imports(const std::string& text) {
  if (&text != scanned_text_ || !imports_ || imports_->text().data() != text.data() || imports_->text().size() != text.size())
    imports_.emplace(text);
  return *imports_;
}

const std::string& FileScanner::package_engine(const std::string& rel) {
  size_t slash = rel.rfind('/');
  std::string dir = slash == std::string::npos ? "" : rel.substr(0, slash);
  auto it = package_engine_.find(dir);
  if (it == package_engine_.end())
    it = package_engine_.emplace(dir, source::other_engine_of_go_package(fs_, options_.root, rel)).first;
  return it->second;
}

void FileScanner::judge_file(const std::string& rel, const std::string& text, const languages::Language* lang, TSNode root,
                             const report::LineIndex& lines, const std::vector<languages::SqlSite>& sites) {
  other_engine_ = imports(text).other_engine(rel);
  if (other_engine_.empty() && !sites.empty() && !imports(text).postgres_driver())
    other_engine_ = package_engine(rel);
  // A .sql file no PostgreSQL query tool claims may be a script for any engine or a template.
  plain_sql_file_ = site_is_sql_file(rel) && languages::query_dialect_for(text).name == "plain";
  // Only where the file is certainly PostgreSQL's: a query tool's .sql file, or code that
  // imports a PostgreSQL driver. Elsewhere text that fails to parse is too often another
  // engine's query (a query runner for ClickHouse) or prose passed to a call named text().
  postgres_code_ = site_is_sql_file(rel) ? !plain_sql_file_ : imports(text).postgres_driver();
  no_database_client_.clear();
  if (source::is_test_file(rel) && (language_family(*lang) == "typescript" || language_family(*lang) == "javascript"))
    no_database_client_ = source::package_without_database_client(fs_, options_.root, rel, &workspace_packages_);
  only_database_calls_ = source::is_test_file(rel) ||
                         (lang->other_engine_sql && lang->other_engine_sql(text)) ||
                         imports(text).sql_parser() ||
                         std::any_of(sites.begin(), sites.end(), [](const languages::SqlSite& s) {
                           return calls_clickhouse_function(s.sql.text);
                         });
  // JavaScript of a package that declares no database client (a front end, a CLI): SQL text
  // there is a sample, a template or a message, unless a database call runs it.
  bool js = language_family(*lang) == "typescript" || language_family(*lang) == "javascript";
  if (js && !only_database_calls_ &&
      std::any_of(sites.begin(), sites.end(), [](const languages::SqlSite& s) { return !s.database_call; }))
    only_database_calls_ = !source::package_without_database_client(fs_, options_.root, rel, &workspace_packages_).empty();
  file_schema_ = test_schemas_.for_file(rel, text, lines);
  test_doubles_.clear();
  if (source::is_test_file(rel) && lang->test_double_of)
    for (auto& site : sites)
      if (site.database_call && !test_doubles_.count(site.call_name))
        test_doubles_[site.call_name] = lang->test_double_of(root, text, site.call_name);
}

std::vector<std::string> FileScanner::layer_test_doubles(const std::string& rel, const languages::Language* lang, TSNode root,
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

void FileScanner::add_layer_output(const std::string& rel, const report::LineIndex& lines, const datalayers::DataLayer& layer,
                                   datalayers::FileOutput out, FileResult* result, const std::vector<std::string>& doubles) {
  const schema::Schema& intended = file_targets_.deploy ? *file_targets_.current : *file_targets_.eventual;
  // A dynamic site the layer reads as a statement object of its own is that unit's, not a second site.
  for (uint32_t at : out.statement_arguments)
    for (size_t i = 0; i < result->sites.size(); ++i) {
      const SiteRecord& s = result->sites[i];
      if (s.file != rel || s.offset != at || s.reason_id != kDynamicQuery || s.partly) continue;
      result->sites.erase(result->sites.begin() + static_cast<std::ptrdiff_t>(i));
      for (CheckedStatement& st : result->statements)
        if (st.site > i) --st.site;
      break;
    }
  auto& reqs = result->requirements;
  size_t first_unit = reqs.units.size();
  std::vector<SiteRecord> records(out.requirements.units.size());
  // A unit naming a table its test file creates itself meets that table: not judged.
  std::vector<std::optional<OtherSchema>> other(out.requirements.units.size());
  for (auto& r : out.requirements.requirements)
    if (r.unit < other.size() && !other[r.unit] && r.object != requirements::Object::Function)
      other[r.unit] = file_schema_.relation(r.relation);
  // Models of a folder named for another engine (src/db/mssql/entity/, a project's per-engine
  // copies of its entities): that engine's tables, not PostgreSQL's.
  if (std::string engine = schema::migrations::engine_named_in_path(rel); !engine.empty() && engine != "CockroachDB")
    for (auto& o : other)
      if (!o) o = OtherSchema{"a model for " + engine + " (a directory of its path is named for it), not PostgreSQL",
                              kOtherEngine};
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
  // A unit of fields a SELECT * is scanned into (sqlx) rides on that statement's SQL site, which
  // is counted and listed already: it adds a requirement, not a site.
  std::vector<bool> rides(out.requirements.units.size(), false), other_kind(out.requirements.units.size(), false);
  for (auto& r : out.requirements.requirements)
    if (r.unit < rides.size()) (r.object == requirements::Object::ScanDestination ? rides : other_kind)[r.unit] = true;
  for (size_t u = 0; u < rides.size(); ++u) rides[u] = rides[u] && !other_kind[u];
  // A unit that requires nothing (a single-table subclass without columns of its own) is no site.
  std::vector<bool> requires_any(out.requirements.units.size(), false);
  for (auto& r : out.requirements.requirements)
    if (r.unit < requires_any.size()) requires_any[r.unit] = true;
  for (auto& r : out.requirements.requirements) {
    SiteRecord& rec = records[r.unit];
    if (!rec.offset) rec.offset = r.span.begin;
    if (!doubles[r.unit].empty() || other[r.unit]) continue;  // not a requirement: the fake has no schema
    if (rides[r.unit]) {
      r.unit += first_unit;
      reqs.requirements.push_back(std::move(r));
      continue;
    }
    // A name no migration adds that a macro of the model may answer (a gem's `devise`): not
    // judged, so the site is partly checked, and says why.
    if (!r.unknown_when_absent.empty() && !rec.partly) {
      requirements::Requirement certain = r;
      certain.unknown_when_absent.clear();
      if (requirements::presence(certain, intended) == requirements::Presence::Absent) {
        rec.checked = false;
        rec.partly = true;
        rec.reason = r.column.empty() ? r.unknown_when_absent : r.column + ": " + r.unknown_when_absent;
        rec.reason_id = kDataLayerDynamic;
        // Listed where the name not judged is written: the unit's first requirement may be its
        // model's table, named at the start of a chain that several query methods share.
        if (r.span.end > r.span.begin) rec.offset = r.span.begin;
      }
    }
    if (options_.keep.references) {
      ReferenceRecord rr;
      bool function = r.object == requirements::Object::Function;
      bool relation = r.object == requirements::Object::Relation || r.object == requirements::Object::EveryColumn;
      rr.kind = function ? "function" : relation ? "relation" : "column";
      auto p = requirements::presence(r, intended);
      rr.status = p == requirements::Presence::Present ? "ok" : p == requirements::Presence::Absent ? "missing" : "unchecked";
      if (p == requirements::Presence::Unknown && !r.unknown_when_absent.empty()) {
        requirements::Requirement certain = r;
        certain.unknown_when_absent.clear();
        if (requirements::presence(certain, intended) == requirements::Presence::Absent) rr.note = r.unknown_when_absent;
      }
      rr.relation = function ? r.schema + "." + r.function : requirements::qualified(r);
      rr.column = r.column;
      rr.offset = r.span.begin;
      if (judged_later(rr)) rr.judged = std::make_shared<const requirements::Requirement>(r);
      rec.references.push_back(std::move(rr));
    }
    r.unit += first_unit;
    reqs.requirements.push_back(std::move(r));
  }
  const size_t first_site = result->sites.size();  // the units' sites, before the unchecked uses that follow
  std::vector<size_t> site_of(records.size(), SIZE_MAX);
  for (size_t u = 0; u < records.size(); ++u)
    if (!rides[u] && requires_any[u]) {
      site_of[u] = result->sites.size() - first_site;
      result->sites.push_back(std::move(records[u]));
    }
  for (auto& t : out.declared_tables) result->declared.push_back({t.schema, t.name});
  for (uint32_t at : out.creates_declared_tables) result->creates_declared.push_back(lines.position(at).line);
  for (auto& t : out.created_at_run_time)
    result->created.push_back({{t.schema, t.name}, rel, lines.position(t.offset).line, t.how});
  for (auto& u : out.unchecked) {
    if (u.unit < records.size() && other[u.unit]) continue;  // the whole unit is unchecked already
    if (u.unit < records.size() && doubles[u.unit].empty() && site_of[u.unit] != SIZE_MAX) {
      // A part of a unit whose rest is read: the unit's site is partly checked.
      SiteRecord& part_of = result->sites[first_site + site_of[u.unit]];
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
    rec.offset = u.offset;
    rec.via = u.via;
    rec.reason = u.reason;
    rec.reason_id = kDataLayerDynamic;
    result->sites.push_back(std::move(rec));
  }
}

std::vector<FileResult> extract_files(const source::FileSystem& disk, const ScanPlan& plan, FarCode* far_code) {
  const Options& options = plan.options;
  const source::ReadOnceFileSystem fs(disk);  // the passes below read each code file again
  // The indexes read every code file (a model declared in another package), as the full check
  // does; with only some files to scan, those not scanned are answered from the
  // index cache where they have not changed (far_answers).
  std::vector<std::pair<std::string, const languages::Language*>> index_files =
      plan.code.index_code.empty() ? plan.code.all_code : plan.code.index_code;
  for (auto& f : plan.code.candidates)  // configuration a data layer claims (Spring's application.properties)
    if (!languages::language_for_path(f) && datalayers::claimed(f) && !source::is_not_application_code(f))
      index_files.push_back({f, nullptr});
  IndexCache cache(plan.code.far.empty() ? "" : options.index_cache_file, options.index_cache_key);
  const std::vector<std::optional<std::string_view>> far =
      far_answers(disk, options, index_files, plan.code.far, plan.threads, &cache);  // not kept: no pass reads them again
  if (far_code && !plan.code.far.empty()) {
    far_code->files = std::count(plan.code.far.begin(), plan.code.far.end(), 1);
    far_code->from_cache = cache.reused();
    for (size_t i = 0; i < far.size(); ++i)
      if (far[i])
        read_file_index(*far[i], nothing, nothing, nothing,
                        [&](std::string_view name, uint32_t line) {
                          CodeCreated c{{}, index_files[i].first, static_cast<int>(line), FarCode::kCreated};
                          const size_t nl = name.find('\n');  // "schema\nname" (FileIndex::created)
                          if (nl == std::string_view::npos) return;
                          c.relation = {std::string(name.substr(0, nl)), std::string(name.substr(nl + 1))};
                          far_code->created.push_back(std::move(c));
                        },
                        [&](uint32_t line) {
                          if (!far_code->create_all)
                            far_code->create_all = CodeCreated{{}, index_files[i].first, static_cast<int>(line), FarCode::kCreateAll};
                        });
  }
  ParsedFiles parsed;
  datalayers::ProjectFacts facts = index_datalayers(fs, options, index_files, far, plan.threads, &parsed);
  // "migrations:<dir>" -> the format, for the layers that name by it.
  for (const auto& [dir, format] : plan.migration_directories) facts["migrations:" + dir].push_back(format);
  std::optional<MergedFactTable> far_table;  // beside `facts`, which the scan below reads
  index_go_packages(fs, options, index_files, far, &cache, &far_table, plan.threads, &facts);
  cache.save();  // one that cannot be written costs the next run a read of each file, nothing else
  for (const std::string& f : plan.code.candidates)
    if (f == "go.mod" || f.ends_with("/go.mod"))
      if (std::string err; auto text = fs.read_shared(source::join_path(options.root, f), &err))
        if (std::string version = datalayers::gorm::go_module_version(*text, "github.com/jinzhu/inflection");
            !version.empty() && version != "v1.0.0")
          facts[datalayers::gorm::kInflectionPinned].push_back(version);
  std::vector<FileResult> results(plan.code.files.size());
  scan_with_constants(fs, options, plan.targets, plan.test_schemas, &facts, plan.code.files, plan.code.all_code,
                      plan.threads, &results, &parsed);
  return results;
}

}  // namespace schemagate::pipeline
