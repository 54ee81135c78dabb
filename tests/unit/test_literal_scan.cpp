// The lexical prefilter: only string literals count, as the host language's lexer delimits them.
#include <doctest/doctest.h>

#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/language.h"
#include "analyzers/source/discovery.h"

#include <optional>
#include <random>
#include <string>
#include <vector>

using schemagate::languages::literals_may_hold_sql;

TEST_CASE("literal scan: Go's select statement and comments are code, its strings are SQL") {
  // The shape in code (a select on channels, "from" further on) or in a comment: no SQL.
  CHECK_FALSE(literals_may_hold_sql("go", "select {\ncase v := <-ch:\n  take(v) // from the queue\n}"));
  CHECK_FALSE(literals_may_hold_sql("go", "/* SELECT id FROM users */ x := \"hello\"; r := 'x'"));
  CHECK(literals_may_hold_sql("go", "q := `SELECT id\n  FROM users`"));
  CHECK(literals_may_hold_sql("go", "q := \"select \\\"id\\\" \" +\n  \"from users\""));  // split over two literals
  CHECK(literals_may_hold_sql("go", "db.Exec(\"SELECT now()\")"));                      // starts like a statement
  CHECK(literals_may_hold_sql("go", "x := \"unterminated"));                            // not delimited: kept
  CHECK_FALSE(literals_may_hold_sql("go", "msg := \"the selected rows\"; from := '\"'"));
  CHECK(literals_may_hold_sql("go", "msg := \"join\"; q := \"select a from t\""));
}

TEST_CASE("literal scan: Python's quote kinds, prefixes and comments") {
  CHECK_FALSE(literals_may_hold_sql("python", "# select the rows from the table\nx = 'a'"));
  CHECK(literals_may_hold_sql("python", "q = \"\"\"\n  SELECT a\n  FROM t\n\"\"\""));
  CHECK(literals_may_hold_sql("python", "q = f'''select {cols} from t'''"));
  CHECK(literals_may_hold_sql("python", "cur.execute(rb'DELETE FROM t')"));
  CHECK(literals_may_hold_sql("python", "q = 'it\\'s ' 'INSERT INTO t VALUES (1)'"));
  CHECK_FALSE(literals_may_hold_sql("python", "s = \"# not a comment\"; select = 1; rows = items.from_list()"));
}

TEST_CASE("literal scan: a Python string that is a statement by itself counts only when its text reads as SQL") {
  // Docstrings that start with a verb, and their words together ("select ... from"): prose.
  const char* docs =
      "def delete_devices(user_id):\n"
      "    \"\"\"Delete several devices.\n\n    Args:\n        user_id: select the user whose rows go\n    \"\"\"\n"
      "    return remove(user_id)\n\n"
      "class Cache:\n"
      "    '''\n    Update the entry\n    '''  # from the cache\n"
      "    r\"\"\"Insert a row into the table\"\"\"\n";
  CHECK_FALSE(literals_may_hold_sql("python", docs));
  // Alone on its line, but SQL by itself: kept.
  CHECK(literals_may_hold_sql("python", "def f():\n    \"\"\"\n    SELECT id FROM users\n    \"\"\"\n"));
  CHECK(literals_may_hold_sql("python", "\"\"\"Delete rows. Runs DELETE FROM t WHERE id = 1\"\"\"\nx = 1\n"));
  // Look-alikes that are pieces of a longer string, or arguments: read as before.
  CHECK(literals_may_hold_sql("python", "q = (\n    \"Delete the rows\"\n)\n"));                  // in brackets
  CHECK(literals_may_hold_sql("python", "q = prefix + \\\n    \"Delete the rows\"\n"));             // continued line
  CHECK(literals_may_hold_sql("python", "\"Update the rows\" % args\n"));                          // formatted
  CHECK(literals_may_hold_sql("python", "\"Update the rows\".format(x)\n"));
  CHECK(literals_may_hold_sql("python", "f\"\"\"Update the {table}\"\"\"\n"));                     // f-string: fields
  CHECK(literals_may_hold_sql("python", "\"\"\"Update the rows\\n\"\"\"\n"));                      // an escape
  CHECK(literals_may_hold_sql("python", "x = 1; \"Update the rows\"\n"));                          // after code
  CHECK(literals_may_hold_sql("python", "run(x))\n\"\"\"Update the rows\"\"\"\n"));                // unbalanced
}

TEST_CASE("literal scan: JavaScript and TypeScript quotes, templates, comments and regular expressions") {
  // The shape in code or comments only: no SQL.
  CHECK_FALSE(literals_may_hold_sql("typescript", "// select the rows from the table\nconst select = from(items);"));
  CHECK_FALSE(literals_may_hold_sql("javascript", "/* DELETE FROM t */ const a = 'x', b = \"y\";"));
  CHECK_FALSE(literals_may_hold_sql("tsx", "const update = (from: Date) => select(from);"));
  // In any of the three quote kinds, a template's substitutions included.
  CHECK(literals_may_hold_sql("typescript", "db.query('SELECT id FROM users')"));
  CHECK(literals_may_hold_sql("javascript", "db.query(\"DELETE FROM t WHERE id = $1\")"));
  CHECK(literals_may_hold_sql("typescript", "sql`\n  SELECT ${cols.join(`, `)}\n  FROM ${table} WHERE a = ${'b'}\n`"));
  CHECK(literals_may_hold_sql("typescript", "const q = `select a ` + `from t`;"));
  // A quote in a regular expression is not a string; a `/` after an operand divides.
  CHECK(literals_may_hold_sql("javascript", "const re = /[\"'`]/g; db.query(`SELECT 1 FROM t`);"));
  CHECK(literals_may_hold_sql("javascript", "if (ok) return /`/.test(s); db.query(\"UPDATE t SET a = 1\");"));
  CHECK_FALSE(literals_may_hold_sql("javascript", "const half = total / 2 / count; const s = 'selected rows';"));
  // JSX text is no literal; what cannot be delimited is kept: an element never closed, an open template.
  CHECK_FALSE(literals_may_hold_sql("tsx", "const A = () => <p>Don't select from here</p>;"));
  CHECK(literals_may_hold_sql("tsx", "const A = () => <p>Don't select from here;"));
  CHECK(literals_may_hold_sql("typescript", "const q = `select a from t"));
}

TEST_CASE("literal scan: a language without a lexer here is always kept") {
  CHECK(literals_may_hold_sql("kotlin", "val x = 1"));
  CHECK(literals_may_hold_sql("java", ""));
}

TEST_CASE("literal scan: Ruby's strings, heredocs, %-literals, regular expressions and comments") {
  // The shape in code (Enumerable#select, Hash#delete) or in comments only: no SQL.
  CHECK_FALSE(literals_may_hold_sql("ruby", "rows = items.select { |r| r.ok? }\n# pulled from the queue\nENV.delete(k)\n"));
  CHECK_FALSE(literals_may_hold_sql("ruby", "=begin\nSELECT id FROM users\n=end\nx = 'a'\n"));
  CHECK_FALSE(literals_may_hold_sql("ruby", "half = total / 2 / count; s = 'selected rows'\n"));
  // Heredocs (their bodies after the line), with a method after the opener and an indented end.
  CHECK(literals_may_hold_sql("ruby", "execute <<~SQL\n  SELECT id\n  FROM users\nSQL\n"));
  CHECK(literals_may_hold_sql("ruby", "  skip <<-SQL.squish, name\n    DELETE FROM t\n    SQL\n"));
  CHECK(literals_may_hold_sql("ruby", "a(<<~'A', <<~B)\n  x\nA\n  UPDATE t SET a = 1\nB\n"));
  // %-literals, and an interpolation that holds a string of its own quote.
  CHECK(literals_may_hold_sql("ruby", "db.run(%q(DELETE FROM t WHERE (a)))"));
  CHECK(literals_may_hold_sql("ruby", "q = %Q{INSERT INTO t #{x}}"));
  CHECK(literals_may_hold_sql("ruby", "q = \"SELECT #{cols.join(\", \")} FROM t\""));
  // A quote in a regular expression, a global variable or a character literal opens no string;
  // nor does an operator's symbol or method name.
  CHECK(literals_may_hold_sql("ruby", "x =~ /[\"']/; q = \"UPDATE t SET a = 1\""));
  CHECK(literals_may_hold_sql("ruby", "v.gsub! %r/^\"|\"$/, \"\"\nq = \"UPDATE t SET a = 1\""));
  CHECK(literals_may_hold_sql("ruby", "n = $\".size; q = 'DELETE FROM t'"));
  CHECK(literals_may_hold_sql("ruby", "c == ?\" ? 1 : 2; q = \"INSERT INTO t VALUES (1)\""));
  CHECK(literals_may_hold_sql("ruby", "def self./(id)\n  find(id)\nend\ncalc(:%, x)\nq = \"DELETE FROM t\""));
  // The data after __END__ may be read (DATA): kept.
  CHECK(literals_may_hold_sql("ruby", "x = DATA.read\n__END__\nDELETE FROM t\n"));
  // What cannot be delimited is kept: a heredoc or a string left open, a bracket never closed.
  CHECK(literals_may_hold_sql("ruby", "execute <<~SQL\n  select 1\n"));
  CHECK(literals_may_hold_sql("ruby", "x = \"open"));
  CHECK(literals_may_hold_sql("ruby", "items.select { |r| r\n# from here\n"));
}

TEST_CASE("literal scan: Ruby's literal bodies, in the order they close") {
  std::vector<std::string> bodies;
  auto take = [&](std::string_view body, bool whole) {
    CHECK_FALSE(whole);
    bodies.emplace_back(body);
  };
  CHECK(schemagate::languages::ruby_literals(
      "a = \"x#{ \"y\" }z\" # \"no\"\nb = <<~SQL\n  SELECT 1\nSQL\nc = %w[p [q]] + `ls`\nd = x % 2 + y / 2\n", take));
  CHECK(bodies == std::vector<std::string>{"y", "x#{ \"y\" }z", "  SELECT 1\n", "p [q]", "ls"});
  bodies.clear();
  // `y /2`: a method given a regular expression, as Ruby reads it (a local variable divided,
  // Ruby knows which; a lexer cannot): the expression never closes, so the reading says so.
  CHECK_FALSE(schemagate::languages::ruby_literals("d = y /2\n", take));
  CHECK_FALSE(schemagate::languages::ruby_literals("a = [1, 2\n", take));
  CHECK_FALSE(schemagate::languages::ruby_literals("a = 1)\n", take));
  CHECK_FALSE(schemagate::languages::ruby_literals("a = \"#{b\"\n", take));
}

TEST_CASE("literal scan: Ruby's lexer on random texts stays in the text") {
  // Bytes that open, close or escape something, and letters: whatever the text, every body
  // is a piece of it.
  std::mt19937 rng(20261207);
  const std::string alphabet = "\"'`%/<~-?$#{}()[]=\\:.\n SELCTqwrx_a1";
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    size_t n = rng() % 60;
    for (size_t k = 0; k < n; ++k) text.push_back(alphabet[rng() % alphabet.size()]);
    schemagate::languages::ruby_literals(text, [&](std::string_view body, bool) {
      CHECK(body.data() >= text.data());
      CHECK(body.data() + body.size() <= text.data() + text.size());
    });
  }
}

TEST_CASE("literal scan: Go code without its comments and literals") {
  using schemagate::languages::go_code_only;
  CHECK(go_code_only("x := \"name: a\" // sql: b\ny := `q:\n{`") == "x := \"       \"          \ny := `  \n `");
  CHECK(go_code_only("r := '\"'; s := \"\\\"{\"") == "r := ' '; s := \"   \"");
  CHECK(go_code_only("/* { */ f()") == "        f()");
  CHECK_FALSE(go_code_only("s := \"open"));
  CHECK_FALSE(go_code_only("/* open"));
}

namespace {

// go_code_only as first written: byte by byte, each blanked byte tested for a line end.
std::optional<std::string> ref_go_code_only(std::string_view t) {
  std::string out(t);
  auto blank = [&](size_t from, size_t to) {
    for (size_t k = from; k < to && k < out.size(); ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '/' && i + 1 < n && t[i + 1] == '/') {
      size_t e = t.find('\n', i);
      if (e == std::string_view::npos) e = n;
      blank(i, e);
      i = e;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      if (e == std::string_view::npos) return std::nullopt;
      blank(i, e + 2);
      i = e + 2;
    } else if (c == '`') {
      size_t e = t.find('`', i + 1);
      if (e == std::string_view::npos) return std::nullopt;
      blank(i + 1, e);
      i = e + 1;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < n && t[j] != c && t[j] != '\n') j += t[j] == '\\' ? 2 : 1;
      if (j >= n || t[j] != c) return std::nullopt;
      blank(i + 1, j);
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("literal scan: Go code without its comments and literals, as byte by byte, on random texts") {
  std::mt19937 rng(11);
  const std::vector<std::string> pieces = {"/", "//", "/*", "*/", "*", "`", "\"", "'", "\\", "\\\"", "\n", "\\\n", " ",
                                           "x", "{", "select", "é", "\r\n", "// c\n", "`a\nb`", "\"s\"", "'r'"};
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 14);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    CAPTURE(text);
    CHECK(schemagate::languages::go_code_only(text) == ref_go_code_only(text));
  }
  std::string lines = "ab\ncd\n\nef";
  schemagate::languages::blank_keeping_lines(lines, 1, 100);  // past the end: up to it
  CHECK(lines == "a \n  \n\n  ");
  schemagate::languages::blank_keeping_lines(lines, 3, 3);  // empty
  CHECK(lines == "a \n  \n\n  ");
}

namespace {

// Go's literals as go_literals read them before go_lex: each string literal's body, in order,
// and whether all of them closed.
std::pair<std::vector<std::string_view>, bool> ref_go_literals(std::string_view t) {
  std::vector<std::string_view> bodies;
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '/' && i + 1 < n && t[i + 1] == '/') {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? n : e + 1;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      if (e == std::string_view::npos) return {bodies, false};
      i = e + 2;
    } else if (c == '`') {
      size_t e = t.find('`', i + 1);
      if (e == std::string_view::npos) return {bodies, false};
      bodies.push_back(t.substr(i + 1, e - i - 1));
      i = e + 1;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < n && t[j] != c && t[j] != '\n') j += t[j] == '\\' ? 2 : 1;
      if (j >= n || t[j] != c) return {bodies, false};
      if (c == '"') bodies.push_back(t.substr(i + 1, j - i - 1));
      i = j + 1;
    } else {
      ++i;
    }
  }
  return {bodies, true};
}

// The string and rune literals go_site_gate placed before go_lex, by its own reading of a text
// whose literals and comments close: (opening quote, closing quote), in order.
std::vector<std::pair<size_t, size_t>> ref_gate_literals(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> found;
  for (size_t i = 0, n = text.size(); i < n;) {
    char c = text[i];
    if (c == '/' && i + 1 < n && (text[i + 1] == '/' || text[i + 1] == '*')) {
      size_t e = text[i + 1] == '/' ? text.find('\n', i) : text.find("*/", i + 2);
      i = e == std::string_view::npos ? n : e + (text[i + 1] == '/' ? 1 : 2);
      continue;
    }
    if (c != '`' && c != '"' && c != '\'') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (c == '`') {
      j = text.find('`', j);
    } else {
      while (j < n && text[j] != c && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
    }
    if (j == std::string_view::npos || j >= n || text[j] != c) return found;
    found.push_back({i, j});
    i = j + 1;
  }
  return found;
}

}  // namespace

TEST_CASE("literal scan: Go's one lexical reading gives each gate what its own reading gave, on random texts") {
  using schemagate::languages::GoLexicon;
  std::mt19937 rng(13);
  const std::vector<std::string> pieces = {"/", "//", "/*", "*/", "*", "`", "\"", "'", "\\", "\\\"", "\n", "\\\n", " ",
                                           "x", "{", "select", "é", "\r\n", "// c\n", "`a\nb`", "\"s\"", "'r'",
                                           "\"SELECT a FROM t\"", "`delete from t`", "\"from t\"", " + ", "'\"'"};
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 14);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    CAPTURE(text);
    GoLexicon lexed = schemagate::languages::go_lex(text);
    auto [bodies, closed] = ref_go_literals(text);
    std::vector<std::string_view> got;
    std::vector<std::pair<size_t, size_t>> quotes;
    for (const GoLexicon::Token& k : lexed.tokens) {
      if (lexed.literal(k)) got.push_back(std::string_view(text).substr(k.open + 1, k.close - k.open - 1));
      if (lexed.literal(k) || k.kind == GoLexicon::kRune) quotes.push_back({k.open, k.close});
    }
    CHECK(lexed.closed == closed);
    if (closed) CHECK(got == bodies);  // an open literal: the file is kept whatever came before
    if (closed) CHECK(quotes == ref_gate_literals(text));
    CHECK(schemagate::languages::go_code_only(text, lexed) == ref_go_code_only(text));
    // literals_may_hold_sql as it read Go before: any literal that starts like a statement, or
    // the literals joined by blanks holding a statement shape.
    bool starts = false;
    std::string joined;
    for (std::string_view b : bodies) {
      starts = starts || schemagate::languages::looks_like_sql(b);
      joined.append(b);
      joined.push_back(' ');
    }
    bool ref = !closed || starts || schemagate::source::may_contain_sql(joined);
    CHECK(schemagate::languages::go_literals_may_hold_sql(text, lexed) == ref);
    CHECK(literals_may_hold_sql("go", text) == ref);
  }
}
