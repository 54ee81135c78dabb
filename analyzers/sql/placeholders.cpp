#include "analyzers/sql/placeholders.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "analyzers/sql/scan.h"

namespace schemagate::sql {
namespace {

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

/// The bytes at which a rule of normalize_placeholders may start (a literal, a comment, a dollar
/// quote, a hole, a placeholder, an escaped colon); any other byte is copied as it is.
constexpr std::array<bool, 256> kStarts = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view("'\"-/$%{?:\\@")) t[c] = true;
  t[static_cast<unsigned char>(kHole)] = true;
  return t;
}();

}  // namespace

NormalizedSql normalize_placeholders(const SqlText& in) {
  const std::string& s = in.text;
  const size_t n = s.size();
  NormalizedSql out;

  // Existing $n parameters: new ones are numbered after the highest. The number is the input's
  // ($99999999999 is legal text), so it saturates instead of overflowing: an overflow made the
  // new parameters "$-1294967295", the statement stopped parsing and a missing column went
  // unreported.
  constexpr uint64_t kMaxParam = 1000000000000000000ull;
  uint64_t next = 1;
  for (size_t i = s.find('$'); i != std::string::npos && i + 1 < n; i = s.find('$', i + 1)) {
    if (std::isdigit(static_cast<unsigned char>(s[i + 1])) && (i == 0 || !ident_char(s[i - 1]))) {
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
           std::tolower(static_cast<unsigned char>(o[b - 2])) == 'i' && !ident_char(o[b - 3]) && b < o.size();
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
  // Runs of bytes are copied whole, origins with them.
  out.sql.text.reserve(n + 16);
  out.sql.origin.reserve(n + 16);
  auto copy = [&](size_t from, size_t to) {
    while (from < to) {
      const void* hole = std::memchr(s.data() + from, kHole, to - from);
      size_t stop = hole ? static_cast<size_t>(static_cast<const char*>(hole) - s.data()) : to;
      out.sql.append_part(in, from, stop);
      if (stop == to) break;
      out.sql.append_from("$0", in.origin[stop]);  // inert text inside a literal
      from = stop + 1;
    }
  };

  size_t i = 0;
  while (i < n) {
    char c = s[i];
    // A byte none of the rules below starts at is copied as it is: the run of such bytes at once.
    if (!kStarts[static_cast<unsigned char>(c)]) {
      size_t j = i + 1;
      while (j < n && !kStarts[static_cast<unsigned char>(s[j])]) ++j;
      copy(i, j);
      i = j;
      continue;
    }
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
      if (ident_char(prev) || prev == '"' || prev == '.' || (i + 1 < n && (ident_char(nx) || nx == '"' || nx == '.')))
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
      if (verb(v) && (i + width + 1 >= n || !ident_char(s[i + width + 1]))) {
        // `FROM executions_visibility%s`: the verb completes a name (a table suffix), not a value.
        if (ident_char(prev) || prev == '"' || prev == '.' || (width > 1 && i + width + 1 < n && s[i + width + 1] == '"'))
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
      bool named = close != std::string::npos && close > i + 2 && ident_start(s[i + 2]);
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
      // JPA's and JDBC-style positional `?1`: the number is the placeholder's, not text after it.
      while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      continue;
    }
    // psql variables in scripts: :'name' is the value as a literal, :"name" as an identifier.
    if (c == ':' && prev != ':' && (nx == '\'' || nx == '"') && i + 2 < n && ident_start(s[i + 2])) {
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
    if ((c == ':' || c == '@') && ident_start(nx) && !ident_char(prev) && prev != ':') {
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

}  // namespace schemagate::sql
