// The table of host languages: one row per language, naming its file extensions, its grammar
// and the calls whose argument is SQL. Adding a language is one extractor file plus one row
// here (and the declaration of its extract function just above the table). The three
// JavaScript-family rows share one extractor; they differ only in grammar (TypeScript's type
// syntax, TSX's JSX), so each gets its own row to pick the right parser.
#include <algorithm>
#include <cctype>

#include "analyzers/languages/language.h"
#include "analyzers/sql/scan.h"
#include "analyzers/sql/sql_text.h"

extern "C" const TSLanguage* tree_sitter_python();
extern "C" const TSLanguage* tree_sitter_javascript();
extern "C" const TSLanguage* tree_sitter_typescript();
extern "C" const TSLanguage* tree_sitter_tsx();
extern "C" const TSLanguage* tree_sitter_go();
extern "C" const TSLanguage* tree_sitter_java();
extern "C" const TSLanguage* tree_sitter_kotlin();
extern "C" const TSLanguage* tree_sitter_ruby();

namespace schemagate::languages {

// Defined in python.cpp, javascript.cpp, go.cpp, java.cpp, kotlin.cpp, ruby.cpp, sql_file.cpp,
// mybatis_xml.cpp.
void extract_python(const ExtractInput& in, std::vector<SqlSite>* out);
void extract_javascript(const ExtractInput& in, std::vector<SqlSite>* out);
void extract_go(const ExtractInput& in, std::vector<SqlSite>* out);
void extract_java(const ExtractInput& in, std::vector<SqlSite>* out);
void extract_kotlin(const ExtractInput& in, std::vector<SqlSite>* out);
void extract_ruby(const ExtractInput& in, std::vector<SqlSite>* out);
void extract_sql_file(const ExtractInput& in, std::vector<SqlSite>* out);
void extract_mybatis_xml(const ExtractInput& in, std::vector<SqlSite>* out);
bool is_mybatis_mapper(std::string_view text);
std::string javascript_test_double_of(TSNode root, std::string_view text, std::string_view call);

namespace {

// `exec` is left out: RegExp.prototype.exec would make every regex match a database call.
const std::vector<std::string_view> kJavaScriptCalls = {
    "query",     "execute", "raw",  "$queryRaw", "$executeRaw", "$queryRawUnsafe",
    "$executeRawUnsafe", "unsafe", "sql", "none", "one", "many", "any", "oneOrNone", "manyOrNone"};

/// A PySpark job's SQL is Spark SQL over temporary views, not PostgreSQL.
bool uses_pyspark(std::string_view text) { return text.find("pyspark") != std::string_view::npos; }

// JDBC, Spring JdbcTemplate / NamedParameterJdbcTemplate / JdbcClient / R2DBC DatabaseClient
// (`sql`), jOOQ plain SQL (`fetch*`, `resultQuery`), JPA createNativeQuery, JDBI's createUpdate
// and createQuery (JPA's createQuery is JPQL: java.cpp tells them apart);
// and the annotations that hold SQL: Spring Data @Query (native), MyBatis @Select/@Insert/
// @Update/@Delete, JDBI @SqlQuery/@SqlUpdate/@SqlBatch, JPA @NamedNativeQuery, npjt's @Query and
// its per-engine @QueryOverride. Kotlin adds
// Exposed's exec.
#define SCHEMAGATE_JVM_CALLS                                                                     \
  "prepareStatement", "prepareCall", "executeQuery", "executeUpdate", "executeLargeUpdate",      \
      "execute", "addBatch", "query", "queryForObject", "queryForList", "queryForMap",           \
      "queryForRowSet", "queryForStream", "update", "batchUpdate", "sql", "createNativeQuery",   \
      "createUpdate", "createQuery", "fetch", "fetchOne", "fetchOptional", "fetchSingle",        \
      "fetchLazy", "fetchMany", "resultQuery", "Query", "Select", "Insert", "Update", "Delete",  \
      "SqlQuery", "SqlUpdate", "SqlBatch", "NamedNativeQuery", "QueryOverride"
const std::vector<std::string_view> kJavaCalls = {SCHEMAGATE_JVM_CALLS};
// Exposed's exec("..."); kotliquery's queryOf("...", args) / queryOf(statement = ..., paramMap = ...).
const std::vector<std::string_view> kKotlinCalls = {SCHEMAGATE_JVM_CALLS, "exec", "queryOf"};
#undef SCHEMAGATE_JVM_CALLS

}  // namespace

const std::vector<Language>& languages() {
  static const std::vector<Language> table = {
      {"python", {".py", ".pyi"}, tree_sitter_python,
       {"execute", "executemany", "mogrify", "fetch", "fetchrow", "fetchval", "text", "raw",
        "read_sql", "read_sql_query", "copy_expert"},
       extract_python, uses_pyspark},
      {"javascript", {".js", ".mjs", ".cjs", ".jsx"}, tree_sitter_javascript, kJavaScriptCalls,
       extract_javascript, nullptr, javascript_test_double_of},
      {"typescript", {".ts", ".mts", ".cts"}, tree_sitter_typescript, kJavaScriptCalls,
       extract_javascript, nullptr, javascript_test_double_of},
      {"tsx", {".tsx"}, tree_sitter_tsx, kJavaScriptCalls, extract_javascript, nullptr, javascript_test_double_of},
      {"go", {".go"}, tree_sitter_go,
       {"Query", "QueryRow", "QueryContext", "QueryRowContext", "Exec", "ExecContext", "Prepare",
        "PrepareContext", "Get", "Select", "MustExec", "NamedExec", "NamedQuery", "NamedExecContext",
        "NamedQueryContext", "QueryRowx",
        "Queryx", "QueryxContext", "GetContext", "SelectContext", "Raw"},
       extract_go},
      {"java", {".java"}, tree_sitter_java, kJavaCalls, extract_java},
      {"kotlin", {".kt", ".kts"}, tree_sitter_kotlin, kKotlinCalls, extract_kotlin},
      // ActiveRecord (connection.execute, exec_query, select_*, find_by_sql), the pg gem
      // (exec, exec_params, prepare), Sequel (DB[...] is a call named "[]", run, fetch).
      {"ruby", {".rb"}, tree_sitter_ruby,
       {"execute", "exec_query", "exec_update", "exec_insert", "exec_delete", "select_all",
        "select_one", "select_value", "select_values", "select_rows", "find_by_sql",
        "count_by_sql", "exec", "exec_params", "async_exec", "async_exec_params", "prepare",
        "run", "fetch", "[]"},
       extract_ruby},
      {"sql", {".sql"}, nullptr, {}, extract_sql_file},
      // MyBatis XML mappers: the statements of <mapper> files; other XML is not this language's.
      {"mybatis-xml", {".xml"}, nullptr, {}, extract_mybatis_xml, nullptr, nullptr, is_mybatis_mapper},
  };
  return table;
}

namespace {

/// Up to 8 bytes of an extension, lower case (ASCII, as tolower in "C"), as one number.
uint64_t extension_key(std::string_view ext) {
  uint64_t key = 0;
  for (size_t i = 0; i < ext.size(); ++i) {
    char c = ext[i] >= 'A' && ext[i] <= 'Z' ? static_cast<char>(ext[i] + 32) : ext[i];
    key |= uint64_t{static_cast<unsigned char>(c)} << (8 * i);
  }
  return key;
}

/// Each extension of languages() (all of up to 8 bytes, lower case) as its key, with the first
/// language that lists it, in the order of languages().
const std::vector<std::pair<uint64_t, const Language*>>& extension_table() {
  static const std::vector<std::pair<uint64_t, const Language*>> table = [] {
    std::vector<std::pair<uint64_t, const Language*>> t;
    for (const Language& lang : languages())
      for (std::string_view e : lang.extensions)
        if (e.size() <= 8) t.emplace_back(extension_key(e), &lang);
    return t;
  }();
  return table;
}

}  // namespace

// Asked of every file of the tree, some of them several times: the extension, as one number,
// compared with each language's, not byte by byte.
const Language* language_for_path(std::string_view path) {
  // The last dot of the file's name, found from the end: none before a slash, or the name's first
  // byte (".sql" alone), is no extension.
  size_t i = path.size();
  while (i > 0 && path[i - 1] != '/' && path[i - 1] != '.') --i;
  if (i == 0 || path[i - 1] == '/') return nullptr;
  const size_t dot = i - 1;
  if (dot == 0 || path[dot - 1] == '/') return nullptr;
  std::string_view ext = path.substr(dot);
  if (ext.size() > 8) {  // longer than any language's: only a walk of the list can say (it says no)
    for (const Language& lang : languages())
      for (std::string_view e : lang.extensions)
        if (e.size() == ext.size() && extension_key(ext.substr(0, 8)) == extension_key(e.substr(0, 8)) &&
            std::equal(e.begin(), e.end(), ext.begin(), [](char a, char b) {
              return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b);
            }))
          return &lang;
    return nullptr;
  }
  const uint64_t key = extension_key(ext);
  for (const auto& [k, lang] : extension_table())
    if (k == key) return lang;
  return nullptr;
}

bool looks_like_sql(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(') {
      ++i;
    } else if (size_t past = sql::skip_comment(text, i); past != i) {
      i = past;
    } else {
      break;
    }
  }
  static constexpr std::string_view kKeywords[] = {"select", "insert", "update",
                                                   "delete", "with",   "merge"};
  for (std::string_view kw : kKeywords) {
    if (text.size() - i < kw.size()) continue;
    bool match = true;
    for (size_t k = 0; k < kw.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(text[i + k])) == kw[k];
    if (!match) continue;
    size_t after = i + kw.size();
    if (after == text.size()) return true;
    char c = text[after];
    return c == sql::kHole || std::isspace(static_cast<unsigned char>(c));
  }
  return false;
}

}  // namespace schemagate::languages
