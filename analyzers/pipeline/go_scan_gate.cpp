// Go's site gate in the scan (languages/go_prefilter.h): the lexical reading decides most files;
// the literals it finds standing alone are judged here as analyze_site would judge a site of
// that text, with the file's engine and test schema, so no site a parse would give is lost.
#include "analyzers/languages/go_prefilter.h"
#include "analyzers/pipeline/file_scanner.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/placeholders.h"

namespace schemagate::pipeline {

bool FileScanner::go_may_yield_site(const std::string& rel, const std::string& text, const languages::Language& lang,
                                    const languages::GoLexicon* lexed) {
  // A call of the user's database calls: read by the parse. The project's wrappers are counted
  // by their arguments as the language's database calls are.
  auto extra = options_.extra_database_calls.find(std::string(language_family(lang)));
  if (extra != options_.extra_database_calls.end() &&
      std::any_of(extra->second.begin(), extra->second.end(),
                  [&](const std::string& name) { return languages::ProjectConstants::holds_word(text, name); }))
    return true;
  // Where analyze_site keeps only database calls' SQL (judge_file's only_database_calls_): a
  // test, or a file that parses SQL itself (sqlparser.Parse("select * from dummy where " + q)).
  bool calls_only = source::is_test_file(rel) || imports(text).sql_parser();
  std::function<const size_t*(std::string_view)> wrapper;
  if (project_) wrapper = [&](std::string_view name) { return project_->wrapper(lang.name, name); };
  languages::GoSiteGate gate = lexed ? languages::go_site_gate(text, *lexed, lang, !calls_only, wrapper)
                                     : languages::go_site_gate(text, lang, !calls_only, wrapper);
  if (gate.parse) return true;
  if (gate.lone_literals.empty() || calls_only) return false;
  // Each lone literal is a site of its own text: kept when the file is another engine's, when
  // the file's test schema speaks for it, or when it parses or normalizes with a reason.
  if (!imports(text).other_engine(rel).empty()) return true;
  if (!imports(text).postgres_driver() && !package_engine(rel).empty()) return true;
  report::LineIndex lines(text);
  FileSchema schema = test_schemas_.for_file(rel, text, lines);
  for (std::string_view body : gate.lone_literals) {
    if (schema.site(body)) return true;
    sql::SqlText literal;
    literal.append_verbatim(body, static_cast<uint32_t>(body.data() - text.data()));
    sql::NormalizedSql norm = sql::normalize_placeholders(literal);
    if (!norm.unchecked_reason.empty()) return true;
    std::vector<sql::ParsedStatement> statements;
    sql::ParseError error;
    if (sql::parse(norm.sql.text, &statements, &error)) return true;
  }
  return false;
}

}  // namespace schemagate::pipeline
