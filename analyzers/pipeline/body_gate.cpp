// Which top-level function bodies of a kept Go file the scan parses (languages/blank_bodies.h).
// A body stays when the gate that decides whether a Go file is parsed (go_prefilter.h's
// go_site_gate, with the user's database calls and the project's wrappers) would keep it as a
// file of its own, or when it may format a query another file holds (extract.cpp's
// formats_a_query, read loosely), or when what it is may reach a site elsewhere
// (go_body_stays: `init`, a function that may return text). Any other body gives no site: no
// call of a database call with the arguments its SQL needs, no literal that starts like a
// statement. A file a data layer reads keeps, besides, each body that layer reads
// (DataLayer::reads_body: the calls it follows, lexically, on the body's code: Go's query
// builders and ORMs, synapse's DatabasePool helpers); a file of a layer that needs the whole
// file is parsed whole. A layer reads the tree of the file's first scan only: a scan again, with
// more bodies kept (a wrapper found since), takes its outputs. A body blanked is skipped by the
// parser (included ranges), not read as blanks: a Go body's text between its braces, a Python
// body's after the `pass` that stands for it. A Python file's comments and prose docstrings are
// skipped the same way, whatever bodies stay (languages::python_unread_spans).
#include "analyzers/languages/blank_bodies.h"
#include "analyzers/languages/go_prefilter.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/python_tokens.h"
#include "analyzers/pipeline/file_scanner.h"

namespace schemagate::pipeline {

std::string FileScanner::text_to_parse(const std::string& rel, const std::string& text, const languages::Language& lang,
                                       const std::vector<const datalayers::DataLayer*>& layers,
                                       std::set<languages::ProjectQuery>* asked,
                                       std::vector<languages::Parser::Span>* skipped) {
  if (lang.name == "python") return python_text_to_parse(rel, text, lang, layers, asked, skipped);
  if (lang.name != "go") return {};
  for (const datalayers::DataLayer* layer : layers)
    if (!layer->reads_body) return {};
  std::string code;  // `text` with its literals and comments blanked
  std::vector<languages::TopLevelBody> bodies = languages::go_top_level_bodies(text, &code);
  if (bodies.empty()) return {};
  auto extra = options_.extra_database_calls.find(std::string(language_family(lang)));
  bool calls_only = source::is_test_file(rel) || imports(text).sql_parser();
  auto wrapper = [&](std::string_view name) -> const size_t* { return project_ ? project_->wrapper(lang.name, name) : nullptr; };
  std::vector<bool> blank(bodies.size(), false);
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (languages::go_body_stays(bodies[i])) continue;
    std::string_view body = bodies[i].body(text);
    bool formats = false;
    for (size_t at = body.find("Sprintf("); at != std::string_view::npos && !formats; at = body.find("Sprintf(", at + 1))
      formats = body.substr(at + 8, 1) != "\"";
    if (formats) continue;
    std::string_view body_code = bodies[i].body(code);
    if (std::any_of(layers.begin(), layers.end(), [&](const datalayers::DataLayer* l) { return l->reads_body(body_code); }))
      continue;
    if (extra != options_.extra_database_calls.end() &&
        std::any_of(extra->second.begin(), extra->second.end(),
                    [&](const std::string& name) { return languages::ProjectConstants::holds_word(body, name); }))
      continue;
    languages::GoSiteGate gate = languages::go_site_gate(body, lang, !calls_only, wrapper);
    blank[i] = !gate.parse && gate.lone_literals.empty();
  }
  // The first pass asks the project nothing yet; its extraction would have asked whether each
  // name a body calls is a wrapper (the files that may define one are read for it).
  if (asked) {
    std::set<std::string_view> called;
    for (size_t i = 0; i < bodies.size(); ++i)
      if (blank[i]) called.merge(languages::go_called_names(bodies[i].body(code)));
    for (std::string_view name : called)
      asked->insert({languages::ProjectQuery::kWrapper, std::string(lang.name), "", std::string(name), false});
  }
  if (!skipped) return languages::blank_bodies(text, bodies, blank);
  // The bodies blanked are skipped by the parser: it reads `{` and `}` with nothing between.
  for (size_t i = 0; i < bodies.size(); ++i)
    if (blank[i] && bodies[i].close > bodies[i].open + 1)
      skipped->emplace_back(static_cast<uint32_t>(bodies[i].open + 1), static_cast<uint32_t>(bodies[i].close));
  return {};
}

std::string FileScanner::python_text_to_parse(const std::string& rel, const std::string& text,
                                              const languages::Language& lang,
                                              const std::vector<const datalayers::DataLayer*>& layers,
                                              std::set<languages::ProjectQuery>* asked,
                                              std::vector<languages::Parser::Span>* skipped) {
  // Whatever bodies are parsed, their comments and the docstrings that are no SQL are not read.
  std::vector<languages::Parser::Span> unread;
  if (skipped) unread = languages::python_unread_spans(text);
  auto whole = [&] {
    if (skipped) *skipped = std::move(unread);
    return std::string();
  };
  std::string code;  // `text` with its literals and comments blanked
  std::vector<languages::TopLevelBody> bodies;
  bool read = false;
  auto read_bodies = [&] {
    if (!read) bodies = languages::python_def_bodies(text, &code), read = true;
  };
  // The file's own candidate wrappers, first (whether or not its bodies are blanked below).
  if (own_candidates_out_) {
    read_bodies();
    *own_candidates_out_ = languages::ProjectConstants::python_parameter_passers(lang, bodies, code);
  }
  for (const datalayers::DataLayer* layer : layers)
    if (!layer->reads_body) return whole();
  read_bodies();
  if (bodies.empty()) return whole();
  // As extract.cpp's scan: a test, or a file that parses SQL itself, keeps only database calls.
  bool calls_only = (source::is_test_file(rel) || imports(text).sql_parser()) && text.find("text as ") == std::string::npos;
  std::vector<bool> blank(bodies.size(), false);
  for (size_t i = 0; i < bodies.size(); ++i) {
    // A function that may return text stays (string_eval inlines it); a method only if it may
    // hand its parameter back (python_method_hands_back), as no method is inlined.
    if (languages::python_body_stays(bodies[i].body(code))) {
      bool method = bodies[i].decl < text.size() && text[bodies[i].decl] == ' ';
      size_t header = bodies[i].open - bodies[i].decl;
      if (!method || languages::python_method_hands_back(std::string_view(code).substr(bodies[i].decl, header),
                                                          std::string_view(text).substr(bodies[i].decl, header),
                                                          bodies[i].body(code)))
        continue;
    }
    // A body where a layer reads something (a DatabasePool helper's call) stays.
    std::string_view body_code = bodies[i].body(code);
    if (std::any_of(layers.begin(), layers.end(), [&](const datalayers::DataLayer* l) { return l->reads_body(body_code); }))
      continue;
    std::string_view body = bodies[i].body(text);
    if (!calls_only && languages::literals_may_hold_sql(lang.name, body)) continue;
    blank[i] = !calls_database(body, lang) &&
               !(own_candidates_ && std::any_of(own_candidates_->begin(), own_candidates_->end(), [&](const std::string& name) {
                   return languages::ProjectConstants::holds_word(body, name);
                 }));
  }
  if (asked) {  // as for Go: the names a blanked body calls, asked as wrappers (f-strings' fields too)
    std::set<std::string> called;
    for (size_t i = 0; i < bodies.size(); ++i) {
      if (!blank[i]) continue;
      std::optional<std::string> body_code = languages::python_code_only(bodies[i].body(text));
      if (!body_code) return whole();
      for (std::string_view name : languages::go_called_names(*body_code)) called.emplace(name);
    }
    for (const std::string& name : called)
      asked->insert({languages::ProjectQuery::kWrapper, std::string(lang.name), "", name, false});
  }
  return languages::python_blank_bodies(text, bodies, blank, skipped, unread);
}

}  // namespace schemagate::pipeline
