// The query-file dialects (see query_dialects.h for what each tool accepts and where it is
// documented). A rewrite copies the statement byte for byte and replaces only the tool's own
// syntax, outside literals and comments; every replacement maps to the offset of what it
// replaces, so findings still point into the file.
#include "analyzers/languages/query_dialects.h"

#include <array>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "analyzers/sql/scan.h"

namespace schemagate::languages {
namespace {

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

/// Offset past the identifier at file[i] (i itself when none starts there).
size_t ident_end(std::string_view file, size_t i, size_t end) {
  if (i >= end || !ident_start(file[i])) return i;
  while (i < end && ident_char(file[i])) ++i;
  return i;
}

size_t skip_blanks(std::string_view file, size_t i, size_t end) {
  while (i < end && std::isspace(static_cast<unsigned char>(file[i]))) ++i;
  return i;
}

/// A %name% template marker at file[i]: its end, or i.
size_t template_marker(std::string_view file, size_t i, size_t end) {
  if (file[i] != '%' || i + 1 >= end) return i;
  size_t j = ident_end(file, i + 1, end);
  return j > i + 1 && j < end && file[j] == '%' ? j + 1 : i;
}

/// The rewrite loop every dialect shares: copies file[begin, end) into site->sql, skipping over
/// literals and comments untouched, and lets `at` replace what starts at an offset (it returns
/// the offset past what it consumed, or the same offset to copy one byte). `at` is asked only at
/// the bytes of `triggers` (what the dialect's replacements start with): the bytes between those,
/// a comment's, a literal's and a template's starts are copied as one run (a byte at a time, the
/// copy was most of the cost of reading hatchet's 350 KB of sqlc queries).
template <typename At>
void rewrite_with(std::string_view file, size_t begin, size_t end, SqlSite* site, std::string_view triggers, At at) {
  std::array<bool, 256> special{};
  for (char c : std::string_view("-/'\"$%")) special[static_cast<unsigned char>(c)] = true;
  for (char c : triggers) special[static_cast<unsigned char>(c)] = true;
  size_t i = begin;
  while (i < end) {
    if (!special[static_cast<unsigned char>(file[i])]) {
      size_t run = i + 1;
      while (run < end && !special[static_cast<unsigned char>(file[run])]) ++run;
      site->sql.append_verbatim(file.substr(i, run - i), static_cast<uint32_t>(i));
      i = run;
      continue;
    }
    size_t skipped = sql::skip_comment_or_quoted(file, i).end;
    if (skipped != i) {
      skipped = std::min(skipped, end);
      site->sql.append_verbatim(file.substr(i, skipped - i), static_cast<uint32_t>(i));
      i = skipped;
      continue;
    }
    // A %name% template the application fills in: a run-time fragment, read like an
    // interpolation (its neighbours are checked in every reading that parses).
    if (size_t marker = template_marker(file, i, end); marker != i) {
      site->sql.append_hole(static_cast<uint32_t>(i));
      i = marker;
      continue;
    }
    size_t next = at(i);
    if (next == i) {
      site->sql.append_verbatim(file.substr(i, 1), static_cast<uint32_t>(i));
      ++i;
    } else {
      i = next;
    }
  }
  if (site->dynamic) site->sql = {};
}

// ---- plain and aiosql / yesql / goyesql ------------------------------------------------------

bool detect_any(std::string_view) { return true; }

void rewrite_plain(std::string_view file, size_t, size_t begin, size_t end, SqlSite* site) {
  rewrite_with(file, begin, end, site, "", [](size_t i) { return i; });
}

/// Whether a line of the file is an aiosql/yesql "-- name: x" header (any suffix).
bool detect_aiosql(std::string_view file) {
  for (size_t at = file.find("-- name:"); at != std::string_view::npos; at = file.find("-- name:", at + 1))
    if (at == 0 || file[at - 1] == '\n') return true;
  return false;
}

// ---- sqlc --------------------------------------------------------------------------------------

/// The start of each line-opening sqlc header: "-- name: F :one", or "/* name: F :one */"
/// (sqlc reads both comment styles for PostgreSQL).
std::vector<size_t> sqlc_headers(std::string_view file) {
  std::vector<size_t> out;
  for (std::string_view opener : {"-- name:", "/* name:"})
    for (size_t at = file.find(opener); at != std::string_view::npos; at = file.find(opener, at + 1))
      if (at == 0 || file[at - 1] == '\n') out.push_back(at);
  return out;
}

bool detect_sqlc(std::string_view file) {
  static constexpr std::string_view kCommands[] = {":one", ":many", ":exec", ":execrows", ":execresult",
                                                   ":execlastid", ":batchexec", ":batchmany", ":batchone",
                                                   ":copyfrom"};
  for (size_t at : sqlc_headers(file)) {
    size_t nl = file.find('\n', at);
    std::string_view line = file.substr(at, (nl == std::string_view::npos ? file.size() : nl) - at);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (line.starts_with("/*")) {
      if (!line.ends_with("*/")) continue;
      line.remove_suffix(2);
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    }
    for (std::string_view c : kCommands)
      if (line.size() > c.size() && line.substr(line.size() - c.size()) == c &&
          line[line.size() - c.size() - 1] == ' ')
        return true;
  }
  return false;
}

void rewrite_sqlc(std::string_view file, size_t header, size_t begin, size_t end, SqlSite* site) {
  // sqlc keeps only statements that carry a "-- name:" comment: a second statement after a
  // named query's `;` is not in the code it generates, so it never runs.
  std::string_view before = file.substr(header, begin - header);
  if (before.find("-- name:") == std::string_view::npos && before.find("/* name:") == std::string_view::npos) return;
  site->stars_are_column_lists = true;
  rewrite_with(file, begin, end, site, "s", [&](size_t i) -> size_t {
    if (file.compare(i, 5, "sqlc.") != 0 || (i > begin && (ident_char(file[i - 1]) || file[i - 1] == '.'))) return i;
    size_t fn_end = ident_end(file, i + 5, end);
    std::string_view fn = file.substr(i + 5, fn_end - i - 5);
    if (fn != "arg" && fn != "narg" && fn != "slice" && fn != "embed") return i;
    size_t open = skip_blanks(file, fn_end, end);
    if (open >= end || file[open] != '(') return i;
    size_t name_at = skip_blanks(file, open + 1, end);
    size_t name_end = name_at;
    char quote = name_at < end ? file[name_at] : '\0';
    if (quote == '\'' || quote == '"') {
      name_end = file.find(quote, name_at + 1);
      if (name_end == std::string_view::npos || name_end >= end) return i;
      ++name_end;
    } else {
      name_end = ident_end(file, name_at, end);
    }
    size_t close = skip_blanks(file, name_end, end);
    if (name_end == name_at || close >= end || file[close] != ')') return i;
    if (fn == "embed") {  // sqlc.embed(t): every column of t, as t.*
      site->sql.append_verbatim(file.substr(name_at, name_end - name_at), static_cast<uint32_t>(name_at));
      site->sql.append_from(".*", static_cast<uint32_t>(i));
    } else {
      site->sql.append_from("@sqlc_arg", static_cast<uint32_t>(i));
    }
    return close + 1;
  });
}

// ---- pgtyped -------------------------------------------------------------------------------------

bool detect_pgtyped(std::string_view file) {
  for (size_t at = file.find("@name"); at != std::string_view::npos; at = file.find("@name", at + 1)) {
    size_t open = file.rfind("/*", at);
    size_t close = file.rfind("*/", at);
    if (open != std::string_view::npos && (close == std::string_view::npos || close < open)) return true;
  }
  return false;
}

/// pgtyped's `@param name -> expansion` lines in the header: name -> how many placeholders one
/// use stands for inside its parentheses ((...) a list: 1; ((a, b)...) tuples: 2; (a, b): 2).
std::map<std::string, int> pgtyped_expansions(std::string_view header) {
  std::map<std::string, int> out;
  for (size_t at = header.find("@param"); at != std::string_view::npos; at = header.find("@param", at + 1)) {
    size_t name_at = skip_blanks(header, at + 6, header.size());
    size_t name_end = ident_end(header, name_at, header.size());
    size_t arrow = skip_blanks(header, name_end, header.size());
    if (name_end == name_at || header.compare(arrow, 2, "->") != 0) continue;
    size_t open = skip_blanks(header, arrow + 2, header.size());
    if (open >= header.size() || header[open] != '(') continue;
    size_t inner = skip_blanks(header, open + 1, header.size());
    int fields = 1;
    if (inner < header.size() && header[inner] == '(') {  // ((a, b)...)
      size_t close = header.find(')', inner);
      if (close == std::string_view::npos) continue;
      for (size_t k = inner; k < close; ++k) fields += header[k] == ',';
    } else if (header.compare(inner, 3, "...") != 0) {  // (a, b, c)
      size_t close = header.find(')', inner);
      if (close == std::string_view::npos) continue;
      for (size_t k = inner; k < close; ++k) fields += header[k] == ',';
    }
    out[std::string(header.substr(name_at, name_end - name_at))] = fields;
  }
  return out;
}

void rewrite_pgtyped(std::string_view file, size_t header, size_t begin, size_t end, SqlSite* site) {
  std::map<std::string, int> expansions = pgtyped_expansions(file.substr(header, begin - header));
  rewrite_with(file, begin, end, site, ":", [&](size_t i) -> size_t {
    if (file[i] != ':' || (i > begin && (file[i - 1] == ':' || ident_char(file[i - 1])))) return i;
    size_t name_end = ident_end(file, i + 1, end);
    if (name_end == i + 1) return i;
    size_t past = name_end < end && file[name_end] == '!' && (name_end + 1 >= end || file[name_end + 1] != '=')
                      ? name_end + 1
                      : name_end;
    auto e = expansions.find(std::string(file.substr(i + 1, name_end - i - 1)));
    if (e == expansions.end()) {
      site->sql.append_verbatim(file.substr(i, name_end - i), static_cast<uint32_t>(i));
      return past;
    }
    std::string list = "(";
    for (int k = 0; k < e->second; ++k) list += k ? ", :p" : ":p";
    site->sql.append_from(list + ")", static_cast<uint32_t>(i));
    return past;
  });
}

}  // namespace

const std::vector<QueryDialect>& query_dialects() {
  static const std::vector<QueryDialect> table = {
      {"sqlc", detect_sqlc, rewrite_sqlc},
      {"pgtyped", detect_pgtyped, rewrite_pgtyped},
      {"aiosql", detect_aiosql, rewrite_plain},
      {"plain", detect_any, rewrite_plain},
  };
  return table;
}

const QueryDialect& query_dialect_for(std::string_view file) {
  for (auto& d : query_dialects())
    if (d.detect(file)) return d;
  return query_dialects().back();
}

}  // namespace schemagate::languages
