// Placeholder normalisation: every parameter style becomes $n, nothing inside literals,
// quoted identifiers, comments or dollar quotes changes, and every byte keeps its host origin.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <random>
#include <vector>

#include "analyzers/sql/placeholders.h"
#include "analyzers/sql/scan.h"

using namespace schemagate::sql;

namespace {

/// SqlText whose i-th byte comes from host offset 100 + i; '#' stands for a hole.
SqlText text(const std::string& s) {
  SqlText t;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#') t.append_hole(100 + static_cast<uint32_t>(i));
    else t.append_verbatim(std::string_view(&s[i], 1), 100 + static_cast<uint32_t>(i));
  }
  return t;
}

std::string norm(const std::string& s) {
  auto n = normalize_placeholders(text(s));
  return n.unchecked_reason.empty() ? n.sql.text : "UNCHECKED: " + n.unchecked_reason;
}

}  // namespace

TEST_CASE("psycopg styles") {
  CHECK(norm("SELECT * FROM t WHERE a = %s AND b = %(name)s") == "SELECT * FROM t WHERE a = $1 AND b = $2");
  CHECK(norm("SELECT a % 2, 'x%sy' FROM t WHERE b LIKE 'a%%' AND c = %s") == "SELECT a % 2, 'x%sy' FROM t WHERE b LIKE 'a%%' AND c = $1");
  CHECK(norm("SELECT 100 %% 7") == "SELECT 100 % 7");
}

TEST_CASE("host formatting verbs %d and %v are values; modulo keeps its blank") {
  CHECK(norm("SELECT a FROM t WHERE b=%d LIMIT %v") == "SELECT a FROM t WHERE b=$1 LIMIT $2");
  CHECK(norm("SELECT a FROM t WHERE b = %(n)d") == "SELECT a FROM t WHERE b = $1");
  CHECK(norm("SELECT a % d, a %dx FROM t") == "SELECT a % d, a %dx FROM t");
}

TEST_CASE("question marks, but not jsonb operators") {
  CHECK(norm("UPDATE t SET a = ? WHERE id = ?") == "UPDATE t SET a = $1 WHERE id = $2");
  // JPA's positional ?1: the number belongs to the placeholder.
  CHECK(norm("UPDATE t SET a = ?1, b = ?12 WHERE id = ?2") == "UPDATE t SET a = $1, b = $2 WHERE id = $3");
  CHECK(norm("SELECT * FROM t WHERE tags ?| array['a'] AND tags ?& array['b']") ==
        "SELECT * FROM t WHERE tags ?| array['a'] AND tags ?& array['b']");
}

TEST_CASE(":name but not ::type nor slices") {
  CHECK(norm("SELECT * FROM t WHERE id = :id AND ts > :since::timestamptz") ==
        "SELECT * FROM t WHERE id = $1 AND ts > $2::timestamptz");
  CHECK(norm("SELECT arr[1:2], arr[lo:hi] FROM t") == "SELECT arr[1:2], arr[lo:hi] FROM t");
}

TEST_CASE("psql variables: :'name' is a value, :\"name\" an identifier") {
  CHECK(norm("SELECT * FROM t WHERE day >= :'month'::date AND n = :'open_count'::int") ==
        "SELECT * FROM t WHERE day >= $1::date AND n = $2::int");
  CHECK(norm("SELECT * FROM :\"tbl\"") == "UNCHECKED: a psql variable stands where an identifier is expected");
  CHECK(norm("SELECT a::'x', b FROM t") == "SELECT a::'x', b FROM t");  // not after a cast's colons
}

TEST_CASE("@name, but not containment operators") {
  CHECK(norm("SELECT * FROM t WHERE id = @user_id AND tags @> '{}'") == "SELECT * FROM t WHERE id = $1 AND tags @> '{}'");
}

TEST_CASE("existing $n are kept and new ones numbered after them") {
  CHECK(norm("SELECT * FROM t WHERE a = $2 AND b = #") == "SELECT * FROM t WHERE a = $2 AND b = $3");
}

TEST_CASE("nothing changes inside literals, identifiers, comments, dollar quotes") {
  CHECK(norm("SELECT '?', \"a?b\", $$ :x ? $$, $fn$ %s $fn$ -- ? :y\n/* @z */ FROM t") ==
        "SELECT '?', \"a?b\", $$ :x ? $$, $fn$ %s $fn$ -- ? :y\n/* @z */ FROM t");
  CHECK(norm("SELECT 'it''s ?', E'\\' ?' FROM t WHERE a = ?") == "SELECT 'it''s ?', E'\\' ?' FROM t WHERE a = $1");
}

TEST_CASE("holes become parameters; a hole inside a string literal stays inert") {
  CHECK(norm("SELECT * FROM t WHERE name LIKE '%#%' AND id = #") == "SELECT * FROM t WHERE name LIKE '%$0%' AND id = $1");
}

TEST_CASE("a hole glued to an identifier makes the statement unchecked") {
  CHECK(norm("SELECT * FROM events_#") ==
        "UNCHECKED: an interpolation is part of an identifier, so the name is only known at run time");
  CHECK(norm("SELECT * FROM #.events") ==
        "UNCHECKED: an interpolation is part of an identifier, so the name is only known at run time");
  CHECK(norm("SELECT \"#\" FROM t") == "UNCHECKED: an interpolation is part of a quoted identifier");
  CHECK(norm("SELECT * FROM # WHERE a = 1") == "SELECT * FROM $1 WHERE a = 1");
}

TEST_CASE("positions map back to the host") {
  auto n = normalize_placeholders(text("SELECT a FROM t WHERE b = %(name)s AND c = 1"));
  CHECK(n.sql.text == "SELECT a FROM t WHERE b = $1 AND c = 1");
  size_t p = n.sql.text.find("$1");
  CHECK(n.sql.origin[p] == 100 + 26);      // the '%' of %(name)s
  CHECK(n.sql.origin[p + 1] == 100 + 26);  // every byte of $1 maps there
  size_t c = n.sql.text.find("c = 1");
  CHECK(n.sql.origin[c] == 100 + 39);      // after the parameter, offsets follow the host again
  CHECK(n.parameters == 1);
}

TEST_CASE("query template parameters {{name}} and {{name::type}}; not inside literals, not other braces") {
  CHECK(norm("SELECT a FROM t WHERE id = {{websiteId::uuid}} AND c BETWEEN {{startDate}} AND {{ endDate }}") ==
        "SELECT a FROM t WHERE id = $1::uuid AND c BETWEEN $2 AND {{ endDate }}");
  CHECK(norm("SELECT '{{x}}', a FROM t WHERE b = {{y}}") == "SELECT '{{x}}', a FROM t WHERE b = $1");
  CHECK(norm("SELECT a FROM t WHERE id = {websiteId:UUID}") == "SELECT a FROM t WHERE id = {websiteId:UUID}");
}

TEST_CASE("a parameter right after IN is a list the driver parenthesises") {
  CHECK(norm("SELECT a FROM t WHERE id IN :ids AND b NOT IN %s") == "SELECT a FROM t WHERE id IN ($1) AND b NOT IN ($2)");
  CHECK(norm("SELECT a FROM t WHERE id IN (:a, :b) AND x = ANY(%s)") == "SELECT a FROM t WHERE id IN ($1, $2) AND x = ANY($3)");
  CHECK(norm("SELECT a FROM t WHERE id IN # AND pin = :p") == "SELECT a FROM t WHERE id IN ($1) AND pin = $2");
}

namespace {

// normalize_placeholders as it was before it copied runs of bytes whole: byte by byte, every
// rule asked at every byte. The rewrite must agree with it on every text.
bool old_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool old_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

NormalizedSql normalize_by_byte(const SqlText& in) {
  const std::string& s = in.text;
  const size_t n = s.size();
  NormalizedSql out;

  // Existing $n parameters: new ones are numbered after the highest. The number is the input's
  // ($99999999999 is legal text), so it saturates instead of overflowing: an overflow made the
  // new parameters "$-1294967295", the statement stopped parsing and a missing column went
  // unreported.
  constexpr uint64_t kMaxParam = 1000000000000000000ull;
  uint64_t next = 1;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (s[i] == '$' && std::isdigit(static_cast<unsigned char>(s[i + 1])) && (i == 0 || !old_ident_char(s[i - 1]))) {
      uint64_t v = 0;
      size_t j = i + 1;
      while (j < n && std::isdigit(static_cast<unsigned char>(s[j]))) {
        v = v >= kMaxParam ? kMaxParam : v * 10 + static_cast<uint64_t>(s[j] - '0');
        ++j;
      }
      if (v >= next) next = std::min(v, kMaxParam) + 1;
    }
  }
  // `IN :ids` (SQLAlchemy's expanding bindparam), `IN %s` (psycopg adapts a tuple to `(1, 2)`):
  // the driver writes the list with its parentheses; read as `IN ($n)`.
  auto after_in = [&] {
    const std::string& o = out.sql.text;
    size_t b = o.size();
    while (b > 0 && std::isspace(static_cast<unsigned char>(o[b - 1]))) --b;
    return b >= 3 && std::tolower(static_cast<unsigned char>(o[b - 1])) == 'n' &&
           std::tolower(static_cast<unsigned char>(o[b - 2])) == 'i' && !old_ident_char(o[b - 3]) && b < o.size();
  };
  auto emit_param = [&](uint32_t origin) {
    std::string p = "$" + std::to_string(next++);
    if (after_in()) p = "(" + p + ")";
    out.sql.append_from(p, origin);
  };
  auto mark_unchecked = [&](size_t at, const char* why) {
    if (out.unchecked_reason.empty()) {
      out.unchecked_reason = why;
      out.unchecked_offset = at;
    }
  };
  auto copy = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      if (s[k] == kHole) out.sql.append_from("$0", in.origin[k]);  // inert text inside a literal
      else out.sql.append_from(std::string_view(&s[k], 1), in.origin[k]);
    }
  };

  size_t i = 0;
  while (i < n) {
    char c = s[i];
    char prev = i > 0 ? s[i - 1] : ' ';
    char nx = i + 1 < n ? s[i + 1] : '\0';
    if (c == '\'') {  // string literal (sql/scan.h)
      size_t end = skip_quoted(s, i).end;
      copy(i, end);
      i = end;
      continue;
    }
    if (c == '"') {  // quoted identifier: a hole inside it makes the name dynamic
      size_t j = i + 1;
      while (j < n) {
        if (s[j] == '"') {
          if (j + 1 < n && s[j + 1] == '"') { j += 2; continue; }
          break;
        }
        if (s[j] == kHole) mark_unchecked(j, "an interpolation is part of a quoted identifier");
        // "%s", "%1$s": a host format verb (String.format, .formatted) fills in the name.
        if (s[j] == '%' && j + 1 < n) {
          size_t v = j + 1;
          while (v < n && v < j + 4 && std::isdigit(static_cast<unsigned char>(s[v]))) ++v;
          if (v > j + 1 && v < n && s[v] == '$') ++v;
          if (v < n && (s[v] == 's' || s[v] == 'd' || s[v] == 'v') && (v == j + 1 || s[v - 1] == '$'))
            mark_unchecked(j, "a format verb is part of a quoted identifier, so the name is only known at run time");
        }
        ++j;
      }
      size_t end = j < n ? j + 1 : n;
      copy(i, end);
      i = end;
      continue;
    }
    // Comments (nested ones too) and dollar-quoted bodies are copied as they are (sql/scan.h).
    if ((c == '-' && nx == '-') || (c == '/' && nx == '*') || !dollar_tag(s, i).empty()) {
      size_t end = skip_comment_or_quoted(s, i).end;
      // A line comment stops before its newline: the newline is copied as text.
      if (c == '-' && end > i && s[end - 1] == '\n') --end;
      copy(i, end);
      i = end;
      continue;
    }
    // `WHERE %s` / `AND ${cond}` with nothing after: the interpolation is a whole condition
    // built at run time (a filter, often for a SQL parser), not a boolean value.
    auto stands_for_condition = [&](size_t at, size_t len) {
      std::string before = word_before(s, at);
      if (before != "where" && before != "and" && before != "or" && before != "having") return false;
      size_t f = at + len;
      while (f < n && std::isspace(static_cast<unsigned char>(s[f]))) ++f;
      if (f >= n || s[f] == ')' || s[f] == ';') return true;
      std::string after;
      while (f < n && std::isalpha(static_cast<unsigned char>(s[f])))
        after.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[f++]))));
      return after == "order" || after == "group" || after == "limit" || after == "having" || after == "union" ||
             after == "returning";
    };
    if ((c == kHole && stands_for_condition(i, 1)) || (c == '%' && (nx == 's' || nx == 'v') && stands_for_condition(i, 2)))
      mark_unchecked(i, "an interpolation stands where a condition is expected, so the clause is only known at run time");
    if (c == kHole) {
      if (old_ident_char(prev) || prev == '"' || prev == '.' || (i + 1 < n && (old_ident_char(nx) || nx == '"' || nx == '.')))
        mark_unchecked(i, "an interpolation is part of an identifier, so the name is only known at run time");
      emit_param(in.origin[i]);
      ++i;
      continue;
    }
    if (c == '%') {
      if (nx == '%') {  // psycopg's escaped percent
        out.sql.append_from("%", in.origin[i]);
        i += 2;
        continue;
      }
      // %s %b %t are the drivers' (psycopg, pyformat); %d %v are host formatting (Go's
      // fmt.Sprintf, Python's `%`) filling in a value. Modulo by a column named d is written
      // `id % d`, with a blank, and stays an operator.
      auto verb = [](char v) { return v == 's' || v == 'b' || v == 't' || v == 'd' || v == 'v'; };
      // Java's and C's %1$s: the argument's index before the verb.
      size_t at = i + 1;
      while (at < n && at < i + 4 && std::isdigit(static_cast<unsigned char>(s[at]))) ++at;
      size_t width = at > i + 1 && at + 1 < n && s[at] == '$' && verb(s[at + 1]) ? at + 1 - i : 1;
      char v = width > 1 ? s[i + width] : nx;
      if (verb(v) && (i + width + 1 >= n || !old_ident_char(s[i + width + 1]))) {
        // `FROM executions_visibility%s`: the verb completes a name (a table suffix), not a value.
        if (old_ident_char(prev) || prev == '"' || prev == '.' || (width > 1 && i + width + 1 < n && s[i + width + 1] == '"'))
          mark_unchecked(i, "a format verb is part of an identifier, so the name is only known at run time");
        emit_param(in.origin[i]);
        i += width + 1;
        continue;
      }
      if (nx == '(') {
        size_t close = s.find(')', i + 2);
        if (close != std::string::npos && close + 1 < n && verb(s[close + 1])) {
          emit_param(in.origin[i]);
          i = close + 2;
          continue;
        }
      }
    }
    // {{name}} and {{name::type}}: a query template's named parameter (umami's rawQuery turns
    // each into $n, keeping the cast). PostgreSQL has no `{{` outside literals.
    if (c == '{' && nx == '{') {
      size_t close = s.find("}}", i + 2);
      bool named = close != std::string::npos && close > i + 2 && old_ident_start(s[i + 2]);
      for (size_t k = i + 2; named && k < close; ++k)
        named = std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '_' || s[k] == ':' || s[k] == ' ';
      if (named) {
        emit_param(in.origin[i]);
        size_t cast = s.find("::", i + 2);
        if (cast < close) copy(cast, close);
        i = close + 2;
        continue;
      }
    }
    // `?` is a placeholder (JDBC, SQLite, MySQL drivers) or jsonb's key-exists operator. Before a
    // string literal it can only be the operator: `attributes ? 'vip'`.
    auto before_literal = [&] {
      size_t j = i + 1;
      while (j < n && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      return j < n && s[j] == '\'';
    };
    if (c == '?' && nx != '|' && nx != '&' && nx != '?' && !before_literal()) {
      emit_param(in.origin[i]);
      ++i;
      while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      continue;
    }
    // psql variables in scripts: :'name' is the value as a literal, :"name" as an identifier.
    if (c == ':' && prev != ':' && (nx == '\'' || nx == '"') && i + 2 < n && old_ident_start(s[i + 2])) {
      size_t j = i + 2;
      while (j < n && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      if (j < n && s[j] == nx) {
        if (nx == '"') mark_unchecked(i, "a psql variable stands where an identifier is expected");
        emit_param(in.origin[i]);
        i = j + 1;
        continue;
      }
    }
    // Hibernate's escaped colons in a native query (`(target -> 'keyId')\:\:bigint`): a cast.
    if (c == '\\' && nx == ':' && i + 3 < n && s[i + 2] == '\\' && s[i + 3] == ':') {
      copy(i + 1, i + 2);
      copy(i + 3, i + 4);
      i += 4;
      continue;
    }
    if (c == ':' && nx == ':') {  // cast: copy both colons
      copy(i, i + 2);
      i += 2;
      continue;
    }
    if ((c == ':' || c == '@') && old_ident_start(nx) && !old_ident_char(prev) && prev != ':') {
      size_t j = i + 1;
      while (j < n && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      emit_param(in.origin[i]);
      i = j;
      continue;
    }
    copy(i, i + 1);
    ++i;
  }
  out.parameters = next - 1;
  return out;
}

/// Up to `max` bytes, mostly the ones the rules look at, so that literals, comments, dollar
/// quotes, holes and every placeholder style start, nest and end at random.
SqlText random_sql(std::mt19937& rng, size_t max) {
  static const std::vector<std::string> kPieces = {
      "'", "\"", "--", "/*", "*/", "$", "$1", "$$", "$t$", "%", "%s", "%d", "%%", "%(a)s", "%1$s", "{{", "}}",
      "{{a::int}}", "?", "?|", " ? '", ":", "::", ":a", ":'a'", ":\"a\"", "\\:\\:", "@a", "@>", "E'", "\\", "\n", " ",
      "  ", "(", ")", ";", ",", ".", "a", "id", "in ", " IN ", "where ", " and ", " order", "x_", "9", "\x01", "\x01",
      "\xc3\xa9", "SELECT ", " FROM t "};
  SqlText t;
  size_t pieces = rng() % (max + 1);
  for (size_t p = 0; p < pieces; ++p) {
    const std::string& piece = kPieces[rng() % kPieces.size()];
    for (char c : piece) {
      uint32_t origin = 7 + static_cast<uint32_t>(rng() % 500);
      if (c == kHole) t.append_hole(origin);
      else t.append_from(std::string_view(&c, 1), origin);
    }
  }
  return t;
}

}  // namespace

TEST_CASE("normalize_placeholders agrees with the byte-by-byte normalisation it replaced on random texts") {
  std::mt19937 rng(20261205);
  for (int round = 0; round < 30000; ++round) {
    SqlText in = random_sql(rng, round % 3 == 0 ? 60 : 12);
    NormalizedSql fast = normalize_placeholders(in);
    NormalizedSql slow = normalize_by_byte(in);
    CAPTURE(in.text);
    REQUIRE(fast.sql.text == slow.sql.text);
    REQUIRE(fast.sql.origin == slow.sql.origin);
    REQUIRE(fast.parameters == slow.parameters);
    REQUIRE(fast.unchecked_reason == slow.unchecked_reason);
    REQUIRE(fast.unchecked_offset == slow.unchecked_offset);
  }
}
