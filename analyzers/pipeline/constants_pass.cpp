// Constants across files (languages/project_constants.h) with each file parsed once: the first
// pass scans every file with the project known so far (empty, or for Python the wrappers of the
// files already scanned) and records what its extraction asked; a file whose questions the whole
// project answers otherwise is scanned again with it (scan_with_constants).
#include <functional>
#include <mutex>
#include <optional>

#include "analyzers/languages/ascii_class.h"
#include "analyzers/languages/go_prefilter.h"
#include "analyzers/pipeline/file_scanner.h"

namespace schemagate::pipeline {

namespace {

/// Whether `code` (a Go file's text with its comments and literals blanked: go_code_only) gives
/// the field `name` a value: `name:` in a composite literal (not `:=`), or `.name =` (not `==`),
/// or hands its address on (`&x.name`). A file that only reads it is no writer.
bool writes_field(std::string_view code, std::string_view name) {
  auto word = [](char c) { return languages::go_word_byte(c); };
  for (size_t at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
    size_t end = at + name.size();
    if ((at > 0 && word(code[at - 1])) || (end < code.size() && word(code[end]))) continue;
    size_t k = end;
    while (k < code.size() && (code[k] == ' ' || code[k] == '\t')) ++k;
    if (k >= code.size()) continue;
    bool dotted = at > 0 && code[at - 1] == '.';
    if (!dotted && code[k] == ':' && (k + 1 >= code.size() || code[k + 1] != '=')) return true;
    if (dotted && (code[k] == '=' || code[k] == ',') && (k + 1 >= code.size() || code[k + 1] != '=')) return true;
    if (dotted && (code.substr(k, 2) == "+=" || code.substr(k, 2) == "++")) return true;
    if (dotted && code.find('&', at > 64 ? at - 64 : 0) < at) return true;  // &p.name, &p.x.name: maybe
  }
  return false;
}

/// What the pass reads of a file no scan parsed that does not depend on the name it is asked
/// for, read once however many names and rounds ask: whether the file may define any database
/// call wrapper (ProjectConstants::may_define_any_wrapper), and a Go file's package-level words
/// (ProjectConstants::go_package_level_words). Each worker touches its own files' entries.
struct UnparsedReading {
  signed char any_wrapper = -1;  ///< -1: not read yet
  bool words_read = false;
  std::optional<std::set<std::string, std::less<>>> package_words;
  bool names_read = false;
  std::optional<std::vector<languages::ProjectConstants::DeclaredName>> declared;

  bool may_define_any_wrapper(const languages::Language& lang, std::string_view text) {
    if (any_wrapper < 0) any_wrapper = languages::ProjectConstants::may_define_any_wrapper(lang, text);
    return any_wrapper != 0;
  }
  /// False when the file, as read before, declares none of `names` (declared_names): it need
  /// not be read again for them.
  bool may_declare_one_of(const std::set<std::string>& names) const {
    return !names_read || !declared ||
           std::any_of(declared->begin(), declared->end(),
                       [&](const languages::ProjectConstants::DeclaredName& d) { return names.count(d.name) > 0; });
  }
  /// ProjectConstants::declares_wrapper_of, the declarations read once.
  bool declares_wrapper_of(const languages::Language& lang, std::string_view text, const std::set<std::string>& names) {
    if (!names_read) declared = languages::ProjectConstants::declared_names(lang, text);
    names_read = true;
    return declared ? languages::ProjectConstants::declares_wrapper_of(lang, text, names, *declared)
                    : languages::ProjectConstants::declares_wrapper_of(lang, text, names);
  }
  const std::optional<std::set<std::string, std::less<>>>& words(std::string_view text) {
    if (!words_read) package_words = languages::ProjectConstants::go_package_level_words(text);
    words_read = true;
    return package_words;
  }
};

/// What one parse of a file that writes a field read gave: the values of its field writes, and
/// the questions evaluating them asked the project.
struct WriterValues {
  languages::FileConstants values;
  std::set<languages::ProjectQuery> asked;
};

/// Evaluates the field writes of each of `writers` selected by `which` with `project`, on
/// `threads` threads: each thread records into its own copy of the project, each writer into
/// its own set, so the result does not depend on the order the threads take them.
void evaluate_writers(const source::FileSystem& fs, const Options& options,
                      const std::vector<std::pair<std::string, const languages::Language*>>& writers,
                      const std::vector<size_t>& which, unsigned threads, const languages::ProjectConstants& project,
                      std::vector<WriterValues>* out, const datalayers::ProjectFacts* facts, ParsedFiles* trees,
                      ParsedFiles* after) {
  struct Worker {
    std::unique_ptr<languages::ProjectConstants> project;
    std::map<const languages::Language*, std::unique_ptr<languages::Parser>> parsers;
  };
  for_each_parallel<Worker>(which.size(), threads, [&](Worker& w, size_t k) {
    size_t i = which[k];
    WriterValues& v = (*out)[i];
    v = WriterValues{};
    const languages::Language* lang = writers[i].second;
    if (!lang || !lang->grammar) return;
    std::string text, err;
    languages::Tree tree;  // the first pass's, when it left it
    if (!trees->take(writers[i].first, &text, &tree) && !fs.read(source::join_path(options.root, writers[i].first), &text, &err))
      return;
    if (source::is_generated(text) || source::is_minified(text)) return;
    auto& parser = w.parsers[lang];
    if (!parser) parser = std::make_unique<languages::Parser>(*lang);
    if (!parser->ok()) return;
    if (!tree) tree = parser->parse(text);
    if (!tree) return;
    if (!w.project) w.project = std::make_unique<languages::ProjectConstants>(project);
    languages::FileWrappers unused;
    w.project->record_to(&v.asked);
    languages::collect_file_constants(text, ts_tree_root_node(tree.get()), *lang, &v.values, &unused, w.project.get(),
                                      writers[i].first, facts);
    w.project->record_to(nullptr);
    if (after) after->keep(writers[i].first, text, &tree);  // a writer that reads a field is scanned again
  });
}

/// What `project` answers to `q`, as one comparable string ("" with a leading 0 byte: nothing).
std::string answer_of(const languages::ProjectConstants& project, const languages::ProjectQuery& q) {
  static const std::string kNothing(1, '\0');
  switch (q.kind) {
    case languages::ProjectQuery::kImported: {
      const std::string* t = project.imported(q.a, q.b, q.c, q.python);
      return t ? "t" + *t : kNothing;
    }
    case languages::ProjectQuery::kPackageLevel: {
      const std::string* t = project.package_level(q.a, q.c);
      return t ? "t" + *t : kNothing;
    }
    case languages::ProjectQuery::kWrapper: {
      const size_t* at = project.wrapper(q.a, q.c);
      return at ? "w" + std::to_string(*at) : kNothing;
    }
  }
  return kNothing;
}

/// The values struct fields get (".name" questions: ExtractInput::field_values) in the packages
/// whose fields a scan read where a database call may take them (a field read only in a string
/// no call runs asks nothing: string_eval.cpp, field_value): they are built from the package's constants (authelia's
/// `sqlGet: fmt.Sprintf(queryFmtGet, tableUsers)`), so they are collected with the project, from
/// the package's files that write a field read. The package-level names those values use that no
/// parsed file gave are looked for in the package's unparsed files that may declare them, and the
/// values collected again. Each reading file records "=.name": a write of a field some file
/// reads is no site of its own (string_eval.cpp, read_as_field).
///
/// The writers are evaluated on all threads, and a second round evaluates again only those some
/// of whose questions the files found since answer otherwise: a writer whose every answer is the
/// same gives the same values and asks the same questions.
void collect_field_values(const source::FileSystem& fs, const Options& options, const std::vector<FirstPass>& first,
                          const std::vector<std::pair<std::string, const languages::Language*>>& all_code,
                          const std::vector<std::pair<std::string, const languages::Language*>>& rest,
                          std::vector<char>& parsed, unsigned n, languages::ProjectConstants* project,
                          const std::function<bool(size_t r, std::string_view text, std::string_view name)>& may_declare,
                          const datalayers::ProjectFacts* facts, ParsedFiles* trees, ParsedFiles* after) {
  auto directory = [](std::string_view path) {
    size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? std::string_view() : path.substr(0, slash));
  };
  std::map<std::string, std::set<std::string>, std::less<>> fields;  // package directory -> fields read
  std::map<std::string, languages::FileConstants> readers;           // file -> "=.name" of each field it reads
  for (auto& f : first)
    for (auto& q : f.asked)
      if (q.kind == languages::ProjectQuery::kPackageLevel && q.c.size() > 1 && q.c[0] == '.') {
        fields[directory(q.a)].insert(q.c.substr(1));
        readers[q.a].emplace_back("=" + q.c, "read");
      }
  if (fields.empty()) return;
  for (auto& [path, marks] : readers) project->add_file(path, marks);
  auto read_fields = [&](const std::pair<std::string, const languages::Language*>& file) -> const std::set<std::string>* {
    if (!file.second || file.second->name != "go") return nullptr;
    auto it = fields.find(directory(file.first));
    return it == fields.end() ? nullptr : &it->second;
  };
  // The writers: files of those packages that spell a write of a field read in their code (a
  // `name:` in a string or comment writes nothing).
  std::vector<size_t> candidates;
  for (size_t i = 0; i < all_code.size(); ++i)
    if (read_fields(all_code[i])) candidates.push_back(i);
  std::vector<char> writes(candidates.size(), 0);
  for_each_parallel<char>(candidates.size(), n, [&](char&, size_t k) {
    const auto& f = all_code[candidates[k]];
    const std::set<std::string>* names = read_fields(f);
    std::string err;
    std::shared_ptr<const std::string> shared = fs.read_shared(source::join_path(options.root, f.first), &err);
    if (!shared) return;
    const std::string& text = *shared;
    // A name its code spells is in its text: a file that holds none is no writer, unlexed.
    if (std::none_of(names->begin(), names->end(),
                     [&](const std::string& name) { return text.find(name) != std::string::npos; }))
      return;
    std::optional<std::string> code = languages::go_code_only(text);
    std::string_view view = code ? std::string_view(*code) : std::string_view(text);
    writes[k] = std::any_of(names->begin(), names->end(), [&](const std::string& name) { return writes_field(view, name); });
  });
  std::vector<std::pair<std::string, const languages::Language*>> writers;
  for (size_t k = 0; k < candidates.size(); ++k)
    if (writes[k]) writers.push_back(all_code[candidates[k]]);
  if (writers.empty()) return;
  std::vector<WriterValues> found(writers.size());
  std::vector<size_t> which(writers.size());
  for (size_t k = 0; k < writers.size(); ++k) which[k] = k;
  for (int round = 0; round < 2; ++round) {
    evaluate_writers(fs, options, writers, which, n, *project, &found, facts, trees, round == 0 ? after : nullptr);
    std::set<languages::ProjectQuery> asked;
    for (auto& f : found) asked.insert(f.asked.begin(), f.asked.end());
    std::vector<std::pair<std::string, const languages::Language*>> more;
    for (size_t r = 0; r < rest.size(); ++r) {
      if (parsed[r] || !rest[r].second || rest[r].second->name != "go") continue;
      std::string text, err;
      bool loaded = false;
      for (auto& q : asked) {
        if (q.kind != languages::ProjectQuery::kPackageLevel || q.c.empty() || q.c[0] == '.' || q.c[0] == '=' ||
            q.c[0] == '!' || directory(q.a) != directory(rest[r].first) || project->answers(q))
          continue;
        if (!loaded && !fs.read(source::join_path(options.root, rest[r].first), &text, &err)) break;
        loaded = true;
        if (may_declare(r, text, q.c)) {
          more.push_back(rest[r]);
          parsed[r] = 1;
          break;
        }
      }
    }
    if (more.empty()) break;
    std::map<languages::ProjectQuery, std::string> before;
    if (round == 0)
      for (auto& q : asked) before.emplace(q, answer_of(*project, q));
    std::vector<languages::FileConstants> constants;
    std::vector<languages::FileWrappers> wrappers;
    languages::collect_constants_of(fs, options.root, more, nullptr, n, &constants, &wrappers, nullptr, facts);
    for (size_t k = 0; k < more.size(); ++k) {
      project->add_file(more[k].first, constants[k]);
      project->add_wrappers(more[k].second->name, wrappers[k]);
    }
    if (round == 1) break;
    std::set<languages::ProjectQuery> changed;
    for (auto& [q, a] : before)
      if (answer_of(*project, q) != a) changed.insert(q);
    which.clear();
    for (size_t k = 0; k < writers.size(); ++k)
      if (std::any_of(found[k].asked.begin(), found[k].asked.end(),
                      [&](const languages::ProjectQuery& q) { return changed.count(q) > 0; }))
        which.push_back(k);
  }
  for (size_t k = 0; k < writers.size(); ++k) project->add_file(writers[k].first, found[k].values);
}

}  // namespace

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
                         std::vector<FileResult>* results, ParsedFiles* kept) {
  std::map<std::string, size_t, std::less<>> code_index;
  for (size_t i = 0; i < all_code.size(); ++i) code_index.emplace(all_code[i].first, i);
  std::vector<languages::FileConstants> constants(all_code.size());
  std::vector<languages::FileWrappers> wrappers(all_code.size());
  std::vector<FirstPass> first(files.size());
  // The trees of Go files a later step parses again, left by their first scan (each store
  // bounded as ParsedFiles is): a file that reads a struct field and writes it (temporal's
  // matching engine) is parsed again for the values it writes (collect_field_values); one that
  // reads a field is scanned again when the field's writers give it values. Other files that
  // asked the project keep no tree: few are scanned again, and their trees would be held in vain.
  ParsedFiles writer_trees, rescan_trees;
  // A Go file that asked a package-level name is scanned again when a sibling defines it (a
  // SQL file's table name constant beside it: temporal's task queue stores), known only once
  // the siblings are read: its tree is kept apart, in a store of its own, so that those of
  // the files surely scanned again keep their room.
  ParsedFiles package_trees;
  // Files that call a wrapper another file defines (synapse's execute_batch) are likely scanned
  // again too, known once that file's first pass is over: their trees go to the same store, as
  // do those of files that use a name imported from a module of the project (tests/server.py's
  // `from tests.utils import POSTGRES_BASE_DB`): few files do. Which trees are kept changes no
  // result.
  std::vector<std::string> paths;
  for (auto& f : all_code) paths.push_back(f.first);
  languages::ProjectConstants every = languages::ProjectConstants::every_file(paths);  // records: under the lock
  std::mutex wrappers_mutex;
  std::set<std::pair<std::string, std::string>, std::less<>> wrappers_found;  // (family, name)
  for (size_t i = 0; i < files.size(); ++i) {
    if (auto it = code_index.find(files[i].first); it != code_index.end()) {
      first[i].constants = &constants[it->second];
      first[i].wrappers = &wrappers[it->second];
    }
    bool go = files[i].second && files[i].second->name == "go";
    bool wraps = first[i].wrappers && files[i].second;
    if (!go && !wraps) continue;
    first[i].leave_tree = [&, i, go, wraps](std::string_view text, languages::Tree* tree, std::string_view from) {
      bool likely_again = false;  // calls a wrapper found, or imports from the project
      if (wraps) {
        std::string family(languages::ProjectConstants::family(files[i].second->name));
        std::lock_guard<std::mutex> lock(wrappers_mutex);
        for (const languages::WrapperDefinition& w : *first[i].wrappers) wrappers_found.emplace(family, w.name);
        for (const languages::ProjectQuery& q : first[i].asked) {
          if (q.kind == languages::ProjectQuery::kWrapper &&
              wrappers_found.count({std::string(languages::ProjectConstants::family(q.a)), q.c}) &&
              !(first[i].asked_of && first[i].asked_of->wrapper(q.a, q.c))) {
            likely_again = true;
            break;
          }
          if (q.kind == languages::ProjectQuery::kImported) {
            languages::ProjectQuery key = q;
            key.c.clear();
            std::set<std::string> modules;
            every.reads(key, &modules);
            if (!modules.empty()) {
              likely_again = true;
              break;
            }
          }
        }
      }
      if (go) {
        std::optional<std::string> code;
        bool read = false;  // a field: `code` is read
        for (auto& q : first[i].asked) {
          if (q.kind != languages::ProjectQuery::kPackageLevel || q.c.size() < 2 || q.c[0] != '.') continue;
          if (!read) code = languages::go_code_only(text);
          read = true;
          if (writes_field(code ? std::string_view(*code) : text, std::string_view(q.c).substr(1))) {
            if (from.empty()) writer_trees.keep(files[i].first, text, tree);  // field writes: the whole file's
            return;
          }
        }
        if (read) {
          rescan_trees.keep(files[i].first, text, tree, from);
          return;
        }
      }
      if (likely_again) {
        rescan_trees.keep(files[i].first, text, tree, from);
      } else if (go && std::any_of(first[i].asked.begin(), first[i].asked.end(), [](const languages::ProjectQuery& q) {
                   return q.kind == languages::ProjectQuery::kPackageLevel && !q.c.empty() && q.c[0] != '.' &&
                          q.c[0] != '=' && q.c[0] != '!';
                 })) {
        package_trees.keep(files[i].first, text, tree, from);
      }
    };
  }
  // A Python file's first pass asks the database call wrappers of the Python files whose first
  // pass is over (synapse's storage modules call database.py's execute_batch, which comes before
  // them): a file whose every question that project answers as the whole project does is not
  // scanned again (the comparison below). Which files are over depends on the threads' timing;
  // what is found does not. Other languages' first pass asks an empty project: a Go wrapper is
  // mostly a method whose name other packages declare too (a storage interface's plugins), so a
  // partial view seldom answers as the whole project does, and the lexical gates' lookups would
  // be recorded for nothing.
  std::mutex known_mutex;
  auto python_wrappers = std::make_shared<const languages::ProjectConstants>();
  struct FirstWorker {
    std::unique_ptr<FileScanner> scanner;
    std::shared_ptr<const languages::ProjectConstants> seen;  // what `own` copies
    std::unique_ptr<languages::ProjectConstants> own;          // records the file's questions
  };
  for_each_parallel<FirstWorker>(files.size(), n, [&](FirstWorker& w, size_t i) {
    if (!w.scanner) w.scanner = std::make_unique<FileScanner>(fs, options, targets, test_schemas, nullptr, facts);
    bool python = files[i].second && files[i].second->name == "python";
    if (python) {
      std::shared_ptr<const languages::ProjectConstants> now;
      {
        std::lock_guard<std::mutex> lock(known_mutex);
        now = python_wrappers;
      }
      if (now != w.seen) {
        w.own = std::make_unique<languages::ProjectConstants>(*now);
        w.seen = now;
      }
      first[i].asked_of = now;
      w.own->record_to(&first[i].asked);
      // The file's own wrappers, once its extraction found them, answer its sites' questions
      // too (database.py calls its own execute_batch).
      first[i].own_wrappers = [&w](const languages::FileWrappers& own) {
        if (own.empty()) return;
        w.own->add_wrappers("python", own);
        w.seen = nullptr;  // `own` is no copy of the known wrappers any more
      };
    }
    w.scanner->use_project(python ? w.own.get() : nullptr);
    w.scanner->take_parsed_from(kept);
    (*results)[i] = w.scanner->scan(files[i].first, files[i].second, &first[i]);
    if (python) {
      w.own->record_to(nullptr);
      first[i].own_wrappers = nullptr;
      // Asked of the known wrappers and the file's own, when the body gate kept every body that
      // calls one of those (each is among the candidates it read): a body it blanked asked only
      // of names neither has. Otherwise of the known wrappers alone, and the answers its own
      // gave are told from the whole project's (the file is scanned again).
      if (!w.seen && first[i].wrappers &&
          std::all_of(first[i].wrappers->begin(), first[i].wrappers->end(), [&](const languages::WrapperDefinition& d) {
            return first[i].own_candidates.count(d.name) > 0;
          }))
        first[i].asked_of = std::make_shared<const languages::ProjectConstants>(*w.own);
      first[i].own_candidates.clear();
    }
    first[i].leave_tree = nullptr;
    if (python && first[i].wrappers && !first[i].wrappers->empty()) {
      std::lock_guard<std::mutex> lock(known_mutex);
      auto more = std::make_shared<languages::ProjectConstants>(*python_wrappers);
      more->add_wrappers(files[i].second->name, *first[i].wrappers);
      python_wrappers = std::move(more);
    }
  });
  if (kept) kept->clear();  // the trees the first pass did not take: a later phase parses again
  std::vector<char> known(all_code.size(), 0);
  for (size_t i = 0; i < files.size(); ++i)
    if (first[i].constants) known[static_cast<size_t>(first[i].constants - constants.data())] = first[i].known;

  // The files the answers depend on that no scan parsed. A Go package-level name is defined by
  // a sibling file only if the sibling spells it: a sibling is parsed for the names asked of its
  // package that it holds as words, not for being in the package.
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
    name = name.substr(0, name.find('('));  // a function's record ("name()", "name(@)"): its name
    auto word = [](char c) { return languages::go_word_byte(c); };
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1))
      if ((at == 0 || !word(text[at - 1])) && (at + name.size() >= text.size() || !word(text[at + name.size()])))
        return true;
    return false;
  };
  // A Go sibling defines a name asked of its package only where a package-level declaration
  // can name it (go_package_level_words): a short local of its functions (`q`, `query`) that
  // the sibling spells too is no reason to parse it. The other names (".field", "=.field") are
  // looked for as words, as before.
  // A function's record ("name()", "name(@)") is a top-level `func name(` of the sibling.
  std::vector<UnparsedReading> readings;  // by place in `rest`
  auto may_declare = [&readings](size_t r, std::string_view text, std::string_view name) {
    const std::optional<std::set<std::string, std::less<>>>& words = readings[r].words(text);
    if (!words || name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return true;
    size_t call = name.find('(');
    name = name.substr(0, call);
    return words->count(name) > 0 && (call == std::string_view::npos || languages::go_may_declare_function(text, name));
  };
  auto is_go = [](const languages::Language* lang) { return lang && lang->name == "go"; };
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
  readings.resize(rest.size());
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
          take = std::any_of(names->second.begin(), names->second.end(), [&](const std::string& name) {
            return holds_word(text, name) && (!is_go(&lang) || may_declare(i, text, name));
          });
        if (!take && wrapper_source(i))
          take = readings[i].declares_wrapper_of(lang, text, names_asked(lang)) &&
                 readings[i].may_define_any_wrapper(lang, text);
        parsed[i] = take;
        return take;
      },
      n, &rest_constants, &rest_wrappers, nullptr, facts);
  for (size_t k = 0; k < rest.size(); ++k) {
    constants[rest_index[k]] = std::move(rest_constants[k]);
    wrappers[rest_index[k]] = std::move(rest_wrappers[k]);
  }
  languages::ProjectConstants project;
  for (size_t i = 0; i < all_code.size(); ++i) {
    project.add_file(all_code[i].first, constants[i]);
    if (all_code[i].second) project.add_wrappers(all_code[i].second->name, wrappers[i]);
  }
  collect_field_values(fs, options, first, all_code, rest, parsed, n, &project,
                       [&](size_t r, std::string_view text, std::string_view name) {
                         return languages::ProjectConstants::holds_word(text, name) && may_declare(r, text, name);
                       },
                       facts, &writer_trees, &rescan_trees);
  std::vector<size_t> again;
  for (size_t i = 0; i < files.size(); ++i) {
    bool wraps = false;
    if (first[i].deferred) {  // left out by the prefilter: it may call a wrapper known now
      std::string err;
      std::shared_ptr<const std::string> text = fs.read_shared(source::join_path(options.root, files[i].first), &err);
      wraps = text && project.holds_wrapper_name(files[i].second->name, *text);
    }
    // Scanned again where the whole project answers otherwise than the project the scan asked.
    const languages::ProjectConstants* asked_of = first[i].asked_of.get();
    if (wraps || std::any_of(first[i].asked.begin(), first[i].asked.end(), [&](const languages::ProjectQuery& q) {
          return asked_of ? answer_of(project, q) != answer_of(*asked_of, q) : project.answers(q);
        }))
      again.push_back(i);
  }
  for (size_t i : again) {  // the trees of those that asked a package-level name, to the store of the files scanned again
    std::string text, from;
    languages::Tree tree;
    if (package_trees.take(files[i].first, &text, &tree, &from)) rescan_trees.keep(files[i].first, text, &tree, from);
  }
  package_trees.clear();
  std::map<size_t, std::vector<datalayers::FileOutput>> layer_outputs;  // of the files scanned again
  for (size_t i : again)
    if (first[i].layer_outputs) layer_outputs.emplace(i, std::move(*first[i].layer_outputs));
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
        w.scanner->take_parsed_from(&rescan_trees);
      }
      w.project->record_to(&asked[k]);
      auto outputs = layer_outputs.find(again[k]);
      (*results)[again[k]] = w.scanner->scan(files[again[k]].first, files[again[k]].second, nullptr,
                                             outputs == layer_outputs.end() ? nullptr : &outputs->second);
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
        if (parsed[r] || w == new_wrappers.end() || !wrapper_source(r) || readings[r].any_wrapper == 0 ||
            !readings[r].may_declare_one_of(w->second))
          continue;
        std::string err;
        std::shared_ptr<const std::string> shared = fs.read_shared(source::join_path(options.root, rest[r].first), &err);
        if (!shared) continue;
        const std::string& text = *shared;
        // All the new names in one reading (any of them: the same answer as each alone), which
        // most files fail: it reads only the declarations. Then what does not depend on the
        // name, read once per file over the rounds: a file that calls no database call defines
        // no wrapper of any name. Then which names.
        const languages::Language& lang = *rest[r].second;
        if (!readings[r].declares_wrapper_of(lang, text, w->second) || !readings[r].may_define_any_wrapper(lang, text))
          continue;
        for (const std::string& name : w->second)
          if (readings[r].declares_wrapper_of(lang, text, {name})) {
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
          std::string err;
          std::shared_ptr<const std::string> text = fs.read_shared(source::join_path(options.root, p), &err);
          if (!text || !holds_word(*text, q.c)) continue;
          if (is_go(rest[r->second].second) && !may_declare(r->second, *text, q.c)) continue;
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
    languages::collect_constants_of(fs, options.root, more, nullptr, n, &more_constants, &more_wrappers, nullptr, facts);
    for (size_t k = 0; k < more.size(); ++k) {
      project.add_file(more[k].first, more_constants[k]);
      if (more[k].second) project.add_wrappers(more[k].second->name, more_wrappers[k]);
    }
    again = std::move(next);
    rescan_trees.clear();  // a third round parses what it scans
  }
}

}  // namespace schemagate::pipeline
