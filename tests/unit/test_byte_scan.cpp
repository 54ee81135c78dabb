// The lexical passes read with byte_scan.h give the answers they gave read byte by byte or with
// one search per byte: each is compared here, on random texts of the pieces it stops at, with a
// straightforward copy of the pass as it was.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/python_tokens.h"
#include "analyzers/report/line_index.h"
#include "analyzers/source/byte_scan.h"
#include "analyzers/source/code_kind.h"

using namespace schemagate;

namespace {

std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces, size_t most) {
  std::string text;
  for (size_t k = 0, n = rng() % most; k < n; ++k) text += pieces[rng() % pieces.size()];
  return text;
}

// ---- code_kind.cpp's ImportIndex as it was: a search for each quote, "import " and "from ".

bool import_at_was(std::string_view text, size_t at, std::string_view module) {
  bool distinctive = module.find_first_of("/.:") != std::string_view::npos;
  size_t end = at + module.size();
  if (at > 0 && end < text.size() && (text[at - 1] == '"' || text[at - 1] == '\'') && text[end] == text[at - 1]) {
    if (distinctive) return true;
    std::string_view before = text.substr(0, at - 1);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.ends_with("from") || before.ends_with("require(") || before.ends_with("import") ||
        before.ends_with("import("))
      return true;
  }
  for (std::string_view lead : {std::string_view("import "), std::string_view("from ")}) {
    if (at < lead.size() || text.substr(at - lead.size(), lead.size()) != lead) continue;
    size_t start = at - lead.size();
    if (start > 0 && text[start - 1] != '\n' && text[start - 1] != ' ' && text[start - 1] != '\t') continue;
    if (end >= text.size() || text[end] == ' ' || text[end] == '\n' || text[end] == '\r' || text[end] == ',' ||
        text[end] == '.')
      return true;
  }
  return false;
}

std::vector<bool> imported_was(std::string_view text, const std::vector<std::string_view>& modules) {
  std::vector<bool> found(modules.size());
  auto try_at = [&](size_t p) {
    if (p >= text.size()) return;
    for (size_t i = 0; i < modules.size(); ++i)
      if (modules[i][0] == text[p] && !found[i] && text.compare(p, modules[i].size(), modules[i]) == 0 &&
          import_at_was(text, p, modules[i]))
        found[i] = true;
  };
  for (char quote : {'"', '\''})
    for (size_t at = text.find(quote); at != std::string_view::npos; at = text.find(quote, at + 1)) try_at(at + 1);
  for (std::string_view lead : {std::string_view("import "), std::string_view("from ")})
    for (size_t at = text.find(lead); at != std::string_view::npos; at = text.find(lead, at + 1)) try_at(at + lead.size());
  return found;
}

bool any_of(const std::vector<bool>& found, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i)
    if (found[i]) return true;
  return false;
}

// ---- literal_scan.cpp's Python and Go lexers as they were: byte by byte, or by a table.

using Found = std::function<void(std::string_view body, bool whole)>;
using languages::GoLexicon;

bool python_statement_alone(std::string_view t, size_t open, size_t end) {
  size_t b = open;
  auto plain_prefix = [](char c) { return c == 'r' || c == 'R' || c == 'b' || c == 'B' || c == 'u' || c == 'U'; };
  while (b > 0 && open - b < 2 && plain_prefix(t[b - 1])) --b;
  if (b > 0 && (std::isalnum(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == '_' ||
                static_cast<unsigned char>(t[b - 1]) >= 0x80))
    return false;  // another prefix (f, t), or a name
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t')) --b;
  if (b > 0) {
    if (t[b - 1] != '\n') return false;  // after code on its line
    size_t e = b - 1;                     // the line before must end its statement: no `\`
    if (e > 0 && t[e - 1] == '\r') --e;
    if (e > 0 && t[e - 1] == '\\') return false;
  }
  while (end < t.size() && (t[end] == ' ' || t[end] == '\t')) ++end;
  return end == t.size() || t[end] == '\n' || t[end] == '\r' || t[end] == '#';
}

bool python_literals_was(std::string_view t, const Found& found) {
  size_t i = 0, n = t.size();
  int depth = 0;          // brackets open in the code
  bool balanced = true;   // no bracket closed that the code did not open (else no literal is whole)
  while (i < n) {
    char c = t[i];
    if (c == '#') {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? n : e + 1;
    } else if (c == '"' || c == '\'') {
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      for (;;) {
        if (j >= n) return false;
        if (t[j] == '\\') {
          j += 2;
        } else if (triple ? (t[j] == c && j + 2 < n && t[j + 1] == c && t[j + 2] == c) : t[j] == c) {
          break;
        } else if (!triple && t[j] == '\n') {
          return false;
        } else {
          ++j;
        }
      }
      std::string_view body = t.substr(begin, j - begin);
      size_t end = j + (triple ? 3 : 1);
      found(body, balanced && depth == 0 && body.find('\\') == std::string_view::npos &&
                      python_statement_alone(t, i, end));
      i = end;
    } else {
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) balanced = false;
        else --depth;
      }
      ++i;
    }
  }
  return true;
}

GoLexicon go_lex_was(std::string_view t) {
  static constexpr auto kOpens = [] {  // the bytes that may open a comment or a literal
    std::array<bool, 256> opens{};
    for (unsigned char c : {'/', '`', '"', '\''}) opens[c] = true;
    return opens;
  }();
  GoLexicon lexed;
  size_t i = 0, n = t.size();
  while (i < n) {
    while (i < n && !kOpens[static_cast<unsigned char>(t[i])]) ++i;
    if (i >= n) break;
    char c = t[i];
    if (c == '/' && i + 1 < n && t[i + 1] == '/') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      lexed.tokens.push_back({i, e, GoLexicon::kLineComment});
      i = e;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      if (e == std::string_view::npos) {
        lexed.closed = false;
        break;
      }
      lexed.tokens.push_back({i, e, GoLexicon::kBlockComment});
      i = e + 2;
    } else if (c == '`') {
      size_t e = t.find('`', i + 1);
      if (e == std::string_view::npos) {
        lexed.closed = false;
        break;
      }
      lexed.tokens.push_back({i, e, GoLexicon::kRaw});
      i = e + 1;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < n && t[j] != c && t[j] != '\n') j += t[j] == '\\' ? 2 : 1;
      if (j >= n || t[j] != c) {
        lexed.closed = false;
        break;
      }
      lexed.tokens.push_back({i, j, c == '"' ? GoLexicon::kInterpreted : GoLexicon::kRune});
      i = j + 1;
    } else {
      ++i;
    }
  }
  return lexed;
}

// ---- python_tokens.cpp's python_calls_one_of as it was: each literal read byte by byte.

constexpr auto kWord = [] {  // identifier bytes in the C locale; any byte of a UTF-8 name too
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  return t;
}();
bool word(char c) { return kWord[static_cast<unsigned char>(c)]; }

/// Whether the letters before a quote at `at` are a string prefix with f or t (f"", rf'', T"").
bool formatted_prefix(std::string_view t, size_t at) {
  size_t b = at;
  while (b > 0 && word(t[b - 1])) --b;
  if (at - b > 3) return false;
  bool format = false;
  for (size_t k = b; k < at; ++k) {
    char c = t[k];
    if (c == 'f' || c == 'F' || c == 't' || c == 'T') format = true;
    else if (c != 'r' && c != 'R' && c != 'b' && c != 'B' && c != 'u' && c != 'U') return false;
  }
  return format;
}


using languages::blank_keeping_lines;

std::optional<std::string> python_code_only_was(std::string_view t) {
  std::string out(t);
  auto blank = [&](size_t from, size_t to) { blank_keeping_lines(out, from, to); };
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '#') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      blank(i, e);
      i = e;
    } else if (c == '"' || c == '\'') {
      bool format = formatted_prefix(t, i);
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      int fields = 0;  // open `{` of an f-string's fields
      for (;;) {
        if (j >= n) return std::nullopt;
        char d = t[j];
        if (d == '\\') {
          j += 2;
        } else if (d == c && (!triple || (j + 2 < n && t[j + 1] == c && t[j + 2] == c))) {
          if (fields > 0) return std::nullopt;  // a quote of the field's own, or the string ends inside a field
          break;
        } else if (!triple && d == '\n') {
          return std::nullopt;
        } else {
          if (format && d == '{') {
            if (fields == 0 && j + 1 < n && t[j + 1] == '{') ++j;  // {{: a brace of the text
            else ++fields;
          } else if (format && d == '}' && fields > 0) {
            --fields;
          }
          ++j;
        }
      }
      if (!format) blank(begin, j);
      i = j + (triple ? 3 : 1);
    } else {
      ++i;
    }
  }
  return out;
}

bool python_calls_one_of_was(std::string_view t, const std::vector<std::string_view>& names) {
  // One pass: comments and plain strings skipped as python_code_only delimits them, an
  // f-string's body read as code (its fields may call), each word of the code looked up by its
  // first byte and length before the list.
  std::array<uint64_t, 256> starts{};
  for (std::string_view name : names)
    if (!name.empty()) starts[static_cast<unsigned char>(name[0])] |= uint64_t{1} << (name.size() < 64 ? name.size() : 0);
  auto called = [&](size_t k) {  // past blanks, line ends and comments, a `(`
    for (size_t n = t.size(); k < n; ++k) {
      char c = t[k];
      if (c == '#') {
        k = t.find('\n', k);
        if (k == std::string_view::npos) return false;
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\' && c != '\f') {
        return c == '(';
      }
    }
    return true;  // the end of the file: cannot tell
  };
  // What cannot be delimited is read as the whole text's words: a name as a word anywhere.
  auto names_a_word = [&] {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
    for (std::string_view name : names)
      for (size_t at = t.find(name); at != std::string_view::npos; at = t.find(name, at + 1))
        if ((at == 0 || !word(t[at - 1])) && (at + name.size() >= t.size() || !word(t[at + name.size()]))) return true;
    return false;
  };
  // The words of t[i, end) looked up; true when one is a call of a name.
  auto calls_in = [&](size_t i, size_t end) {
    while (i < end) {
      char c = t[i];
      if (!word(c)) {
        ++i;
        continue;
      }
      size_t e = i;
      while (e < end && word(t[e])) ++e;
      size_t len = e - i;
      if ((starts[static_cast<unsigned char>(c)] >> (len < 64 ? len : 0)) & 1)
        for (std::string_view name : names)
          if (name == t.substr(i, len) && called(e)) return true;
      i = e;
    }
    return false;
  };
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (word(c)) {
      size_t e = i;
      while (e < n && word(t[e])) ++e;
      size_t len = e - i;
      if (!(e < n && (t[e] == '"' || t[e] == '\'')) &&
          ((starts[static_cast<unsigned char>(c)] >> (len < 64 ? len : 0)) & 1)) {
        std::string_view w = t.substr(i, len);
        for (std::string_view name : names)
          if (name == w && called(e)) return true;
      }
      i = e;  // a prefix before a quote: the quote is read next
    } else if (c == '#') {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? n : e;
    } else if (c == '"' || c == '\'') {
      bool f = formatted_prefix(t, i);
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      size_t j = i + (triple ? 3 : 1), begin = j;
      int fields = 0;
      for (;;) {
        if (j >= n) return names_a_word();  // not closed: cannot tell
        char d = t[j];
        if (d == '\\') {
          j += 2;
        } else if (d == c && (!triple || (j + 2 < n && t[j + 1] == c && t[j + 2] == c))) {
          if (fields > 0) return names_a_word();
          break;
        } else if (!triple && d == '\n') {
          return names_a_word();
        } else {
          if (f && d == '{') {
            if (fields == 0 && j + 1 < n && t[j + 1] == '{') ++j;
            else ++fields;
          } else if (f && d == '}' && fields > 0) {
            --fields;
          }
          ++j;
        }
      }
      if (f && calls_in(begin, j)) return true;  // an f-string's fields are code
      i = j + (triple ? 3 : 1);
    } else {
      ++i;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("byte scan: identifier bytes are the letters, digits, _ and the bytes of UTF-8 sequences") {
  for (int c = 0; c < 256; ++c) {
    std::string block(16, ' ');
    block[static_cast<size_t>(c) % 16] = static_cast<char>(c);
    bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    CAPTURE(c);
    CHECK(source::identifier_bytes_16(block.data()) == (word ? 1u << (c % 16) : 0u));
  }
}

TEST_CASE("byte scan: find_byte_of finds the first of its bytes, from any place") {
  std::mt19937 rng(16);
  const std::vector<std::string> pieces = {"a", "bcdefghijklmnopqrstuvwxyz0123456789", "#", "\"", "'", "\n", " ", "\xc3\xa9"};
  for (int round = 0; round < 3000; ++round) {
    std::string text = random_text(rng, pieces, 12);
    CAPTURE(text);
    for (size_t from = 0; from <= text.size() + 1; ++from) {
      size_t want = text.find_first_of("#\"'", from);
      CHECK(source::find_byte_of<'#', '"', '\''>(text, from) == want);
      CHECK(source::find_byte_of<'\n'>(text, from) == text.find('\n', from));
    }
  }
  std::string block(64, 'x');
  for (size_t i = 0; i < block.size(); ++i) {
    std::string t = block;
    t[i] = '\xe9';
    CHECK(source::find_byte_of<'\xe9'>(t, 0) == i);
    CHECK(source::bytes_of_16<'\xe9', 'y'>(t.data() + (i / 16) * 16) == 1u << (i % 16));
  }
}

TEST_CASE("byte scan: a file's imports found in one pass are those found by a search for each place") {
  // Drivers of every shape: distinctive paths, bare names, names that begin others, one byte
  // apart, modules of the real table (pg, postgres, mysql, sqlite3).
  const std::vector<std::string_view> modules = {"pg", "postgres", "pg-promise", "psycopg", "psycopg2", "mysql",
                                                 "mysql2", "mysql2/promise", "sqlite3", "github.com/lib/pq", "a.b",
                                                 "x", "sqlglot", "sqlparse"};
  std::mt19937 rng(17);
  const std::vector<std::string> pieces = {"import ", "from ", "import", "from", " ", "\n", "\t", "\"", "'", "(",
                                           "require(", ",", ".", "\r", "t", "m", "pg", "postgres", "psycopg", "2",
                                           "mysql", "/promise", "sqlite3", "github.com/lib/pq", "a.b", "x", "sqlglot",
                                           "sqlparse", "sql", "-promise", "abcdefghijklmnop", "tm", "import pg\n",
                                           "from psycopg2 import x\n", "\"pg\"", "'mysql2/promise'", "require('mysql')",
                                           "import \"github.com/lib/pq\"", "from 'sqlite3'", "import sqlglot\n"};
  size_t found_any = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = random_text(rng, pieces, 40);
    CAPTURE(text);
    std::vector<bool> want = imported_was(text, modules);
    found_any += any_of(want, 0, want.size());
    // Through the public questions, on the real tables.
    const std::vector<std::string_view> pg = {"github.com/lib/pq", "github.com/jackc/pgx", "github.com/jackc/pgx/v4",
                                              "github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool",
                                              "github.com/jackc/pgx/v5/stdlib", "github.com/go-pg/pg/v10", "pg",
                                              "postgres", "pg-promise", "@neondatabase/serverless", "@vercel/postgres",
                                              "slonik", "psycopg", "psycopg2", "asyncpg", "@supabase/supabase-js",
                                              "gorm.io/driver/postgres"};
    const std::vector<std::string_view> parsers = {
        "github.com/xwb1989/sqlparser", "github.com/temporalio/sqlparser", "vitess.io/vitess/go/vt/sqlparser",
        "github.com/blastrain/vitess-sqlparser", "github.com/pganalyze/pg_query_go/v5",
        "github.com/pganalyze/pg_query_go/v6", "github.com/pingcap/tidb/parser", "github.com/pingcap/tidb/pkg/parser",
        "node-sql-parser", "pgsql-ast-parser", "sqlglot", "sqlparse", "libpg_query", "pg-query-parser"};
    std::vector<bool> was_pg = imported_was(text, pg), was_parsers = imported_was(text, parsers);
    CHECK(source::imports_postgres_driver(text) == any_of(was_pg, 0, was_pg.size()));
    CHECK(source::imports_sql_parser(text) == any_of(was_parsers, 0, was_parsers.size()));
    // Another engine's driver, unless a PostgreSQL one is imported too: the first of the table
    // (those the pieces can form, in the table's order).
    const std::vector<std::string_view> others = {"mysql2", "mysql2/promise", "mysql", "sqlite3"};
    std::vector<bool> other = imported_was(text, others);
    std::string want_engine;
    if (!any_of(was_pg, 0, was_pg.size()))
      for (size_t i = 0; i < others.size() && want_engine.empty(); ++i)
        if (other[i]) want_engine = std::string(i < 3 ? "MySQL" : "SQLite") + " (the file imports " + std::string(others[i]) + ")";
    CHECK(source::other_engine_of_code("app/x.py", text) == want_engine);
    // One reading answers the three (the scan's FileImports).
    source::FileImports imports(text);
    CHECK(imports.postgres_driver() == any_of(was_pg, 0, was_pg.size()));
    CHECK(imports.sql_parser() == any_of(was_parsers, 0, was_parsers.size()));
    CHECK(imports.other_engine("app/x.py") == want_engine);
  }
  CHECK(found_any > 2000);  // the texts import something often enough
}

TEST_CASE("byte scan: Python's and Go's literals found sixteen bytes at a time are those read byte by byte") {
  std::mt19937 rng(18);
  const std::vector<std::string> pieces = {
      "'", "\"", "'''", "\"\"\"", "`", "\\", "\\\"", "\\'", "\n", "\r\n", "#", "# note (\n", "//", "/*", "*/", "/",
      "(", ")", "[", "]", "{", "}", " ", "    ", "\t", "x = ", "r", "f", "b", "u", "rb", "SELECT a FROM t",
      "abcdefghijklmnopqrstuvwxyz", "\xc3\xa9", "'a'", "\"b c\"", "\"\"\"doc\nmore\"\"\"", "`raw\nraw`", "'\\n'"};
  size_t closed = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text = random_text(rng, pieces, 40);
    CAPTURE(text);
    std::vector<std::pair<std::string, bool>> got, want;
    bool ok = languages::python_literals(text, [&](std::string_view b, bool whole) { got.emplace_back(b, whole); });
    bool ok_was = python_literals_was(text, [&](std::string_view b, bool whole) { want.emplace_back(b, whole); });
    CHECK(ok == ok_was);
    CHECK(got == want);
    closed += ok;
    GoLexicon lexed = languages::go_lex(text), lexed_was = go_lex_was(text);
    CHECK(lexed.closed == lexed_was.closed);
    REQUIRE(lexed.tokens.size() == lexed_was.tokens.size());
    for (size_t k = 0; k < lexed.tokens.size(); ++k) {
      CHECK(lexed.tokens[k].open == lexed_was.tokens[k].open);
      CHECK(lexed.tokens[k].close == lexed_was.tokens[k].close);
      CHECK(lexed.tokens[k].kind == lexed_was.tokens[k].kind);
    }
    closed += lexed.closed;
  }
  CHECK(closed > 6000);  // the texts exercise both answers
}

TEST_CASE("byte scan: a Python call of one of the names, and Python's code alone, its literals stepped over sixteen bytes at a time, are as read byte by byte") {
  std::mt19937 rng(19);
  const std::vector<std::string> pieces = {
      "'", "\"", "'''", "\"\"\"", "\\", "\\\"", "\n", "\r\n", "#", "# execute(\n", "(", ")", "{", "}", "{{", " ", "    ",
      "\t", "f", "rb", "t", "execute", "cur.execute", "run", "text", "x = ", "abcdefghijklmnopqrstuvwxyz",
      "\xc3\xa9", "'a'", "\"execute(x)\"", "\"\"\"doc\nexecute(\"\"\"", "f\"{execute(q)}\"", "f'{a[\"k\"]}'",
      "                    ", ".,;:+-*/ =<>!&|^~@%$`?", "abcdefghijklmnopqrstuvwxyz_0123456789ABCDEFGHIJ", "execute_more",
      "xexecute", "\xe2\x80\x99" "execute", "\x7f", "[", "]", "@@@@@@@@@@@@@@@@@"};
  const std::vector<std::string_view> names = {"execute", "run", "text"};
  size_t calls = 0, delimited = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text = random_text(rng, pieces, 30);
    CAPTURE(text);
    bool got = languages::python_calls_one_of(text, names);
    CHECK(got == python_calls_one_of_was(text, names));
    calls += got;
    std::optional<std::string> code = languages::python_code_only(text);
    CHECK(code == python_code_only_was(text));
    delimited += code.has_value();
  }
  CHECK(calls > 3000);  // the texts exercise both answers
  CHECK(delimited > 3000);
}

TEST_CASE("byte scan: line starts as found byte by byte") {
  std::mt19937 rng(20);
  const std::vector<std::string> pieces = {"\n", "\r\n", "\r", "x", " ", "abcdefghijklmnopqrstuvwxyz", "\xc3\xa9", "\n\n"};
  for (int round = 0; round < 20000; ++round) {
    std::string text = random_text(rng, pieces, 30);
    CAPTURE(text);
    // LineIndex as it was: each byte tested.
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts.push_back(i + 1);
    report::LineIndex lines(text);
    REQUIRE(lines.line_count() == static_cast<int>(starts.size()));
    for (size_t l = 0; l < starts.size(); ++l) {
      size_t end = l + 1 < starts.size() ? starts[l + 1] - 1 : text.size();
      if (end > starts[l] && text[end - 1] == '\r') --end;
      CHECK(lines.line_text(static_cast<int>(l + 1)) == std::string_view(text).substr(starts[l], end - starts[l]));
    }
    for (size_t at = 0; at <= text.size(); ++at) {
      size_t line = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin());
      CHECK(lines.position(at).line == static_cast<int>(line));
    }
  }
}
