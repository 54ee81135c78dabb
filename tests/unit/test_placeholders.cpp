// Placeholder normalisation: every parameter style becomes $n, nothing inside literals,
// quoted identifiers, comments or dollar quotes changes, and every byte keeps its host origin.
#include <doctest/doctest.h>

#include "analyzers/sql/placeholders.h"

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
