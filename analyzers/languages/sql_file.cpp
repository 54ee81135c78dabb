// .sql files: queries kept beside the code (sqlc, yesql, plain scripts). There is no grammar to
// parse them with, only statements to split, so each statement is one site that maps byte for
// byte onto the file. A `;` ends a statement only at top level: not inside '...' strings
// (E'...' strings also escape with backslashes), "..." identifiers, -- and /* */ comments
// (which nest in PostgreSQL), or $tag$...$tag$ bodies. Leading blanks and comments are trimmed
// so a site starts at its first keyword. A psql meta-command (\set, \gset) at top level runs to
// the end of its line and ends the statement before it, and so does a query header comment
// ("-- name: x", "/* name: x */", "-- x --") for files whose queries have no `;`. Not handled: BEGIN ATOMIC ... END
// bodies, whose inner `;` psql tracks by counting BEGIN and END. Each statement is then written as
// the file's query tool (sqlc, pgtyped, aiosql: query_dialects.h) sends it.
#include <cctype>

#include "analyzers/languages/language.h"
#include "analyzers/languages/query_dialects.h"
#include "analyzers/sql/scan.h"

namespace schemagate::languages {
namespace {

using sql::skip_comment;

void emit(const QueryDialect& dialect, std::string_view text, size_t begin, size_t end, std::vector<SqlSite>* out) {
  const size_t header = begin;
  for (;;) {
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
    size_t next = skip_comment(text, begin);
    if (next == begin) break;
    begin = next < end ? next : end;
  }
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  if (begin >= end) return;
  SqlSite site;
  dialect.rewrite(text, header, begin, end, &site);
  if (site.sql.empty() && !site.dynamic) return;  // text the query tool does not run
  site.host_begin = static_cast<uint32_t>(begin);
  site.database_call = true;
  site.call_name = "sql-file";
  out->push_back(std::move(site));
}

/// A query-naming comment line that starts the next query even when the previous one has no `;`:
/// sqlc/aiosql/yesql's "-- name: get_user" and "-- get_user --" headers.
bool is_query_header(std::string_view text, size_t i) {
  if (i > 0 && text[i - 1] != '\n') return false;  // only a comment that starts its line
  size_t nl = text.find('\n', i);
  std::string_view line = text.substr(i + 2, (nl == std::string_view::npos ? text.size() : nl) - i - 2);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  if (line.rfind("name:", 0) == 0) return true;
  if (text.substr(i, 2) == "/*") return false;  // sqlc's "/* name: F :one */"; no other block header
  if (line.size() < 3 || line.substr(line.size() - 2) != "--") return false;
  std::string_view name = line.substr(0, line.size() - 2);
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.remove_suffix(1);
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

/// Whether text[begin, end) holds anything but blanks and comments.
bool has_statement(std::string_view text, size_t begin, size_t end) {
  while (begin < end) {
    if (std::isspace(static_cast<unsigned char>(text[begin]))) { ++begin; continue; }
    size_t next = skip_comment(text, begin);
    if (next == begin) return true;
    begin = next;
  }
  return false;
}

}  // namespace

void extract_sql_file(const ExtractInput& in, std::vector<SqlSite>* out) {
  std::string_view text = in.source;
  const QueryDialect& dialect = query_dialect_for(text);
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' || c == '/') {
      if ((text.substr(i, 2) == "--" || text.substr(i, 2) == "/*") && is_query_header(text, i) &&
          has_statement(text, start, i)) {
        emit(dialect, text, start, i, out);
        start = i;
      }
      size_t next = skip_comment(text, i);
      i = next == i ? i + 1 : next;
    } else if (c == '\'' || c == '"' || c == '$') {
      sql::Skipped quoted = sql::skip_quoted(text, i);
      i = quoted.end == i ? i + 1 : quoted.end;
    } else if (c == ';') {
      emit(dialect, text, start, i, out);
      start = ++i;
    } else if (c == '\\') {
      // A psql meta-command, to the end of its line: \g and \gset send the statement before
      // them, as `;` does; \set, \echo and the others are not SQL at all.
      emit(dialect, text, start, i, out);
      size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? text.size() : nl + 1;
      start = i;
    } else {
      ++i;
    }
  }
  emit(dialect, text, start, text.size(), out);
}

}  // namespace schemagate::languages
