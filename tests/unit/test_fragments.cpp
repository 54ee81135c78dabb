// Partial checking around run-time fragments: each case is SQL as the code builds it, `#` standing
// for a hole (an interpolation), read against a small schema; the result lists every reference
// kept, in statement order (ok:/missing:/unchecked: relation[.column]) and the readings' count.
#include <doctest/doctest.h>

#include "analyzers/schema/ddl.h"
#include "analyzers/sql/fragments.h"

using namespace schemagate;

namespace {

const schema::Schema& fragment_schema() {
  static schema::Schema s = [] {
    schema::Schema sc;
    schema::MigrationError err;
    bool ok = schema::apply_sql(sc, "m.sql",
                                "CREATE TABLE website_event (event_id uuid, website_id uuid, session_id uuid, "
                                "created_at timestamptz, url_path text);\n"
                                "CREATE TABLE session (session_id uuid, website_id uuid, browser text);\n"
                                "CREATE TABLE users (id bigint, email text NOT NULL, name text NOT NULL);\n",
                                {"public"}, nullptr, &err);
    REQUIRE_MESSAGE(ok, err.message);
    return sc;
  }();
  return s;
}

sql::SqlText with_holes(const std::string& code) {
  sql::SqlText t;
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '#') t.append_hole(static_cast<uint32_t>(i));
    else t.append_verbatim(code.substr(i, 1), static_cast<uint32_t>(i));
  }
  return t;
}

std::string read(const std::string& code) {
  sql::PartialReading r;
  std::string why;
  if (!sql::read_around_fragments(with_holes(code), fragment_schema(), {"public"}, &r, &why)) return "none: " + why;
  std::string out;
  for (auto& res : r.resolutions)
    for (auto& ref : res.refs) {
      out += ref.status == sql::RefStatus::Resolved ? "ok:" : ref.status == sql::RefStatus::Missing ? "missing:" : "unchecked:";
      out += ref.schema.empty() ? ref.relation : ref.schema + "." + ref.relation;
      if (ref.kind == sql::Reference::Kind::Column) out += "." + ref.column;
      out += " ";
    }
  return out + "(" + std::to_string(r.readings) + (r.relation_fragment ? ", relation fragment)" : ")");
}

}  // namespace

TEST_CASE("fragments: a WHERE fragment is read as nothing; the rest is checked") {
  CHECK(read("select url_path, count(*) from website_event where website_id = $1 # group by 1") ==
        "ok:public.website_event.url_path ok:public.website_event ok:public.website_event.website_id (1)");
  CHECK(read("select nope from website_event where website_id = $1 # group by 1") ==
        "missing:public.website_event.nope ok:public.website_event ok:public.website_event.website_id (1)");
}

TEST_CASE("fragments: a fragment between FROM and WHERE may be a join: unqualified columns it could hold are unchecked") {
  CHECK(read("select website_event.nope, browser, url_path from website_event # where website_event.website_id = $1") ==
        "missing:public.website_event.nope unchecked:.browser ok:public.website_event.url_path ok:public.website_event "
        "ok:public.website_event.website_id (2)");
  // Both fragments of umami's queries: a cohort join, a session join, then a filter.
  CHECK(read("select count(*) from website_event # # where website_event.website_id = $1 and created_at > $2 # "
             "order by 1") ==
        "ok:public.website_event ok:public.website_event.website_id ok:public.website_event.created_at (4)");
}

TEST_CASE("fragments: a relation named by a fragment leaves its columns unchecked, the rest checked") {
  CHECK(read("select a.x, u.email, u.nope from events_# a join users u on u.id = a.user_id") ==
        "unchecked:a.x ok:public.users.email missing:public.users.nope ok:public.users ok:public.users.id "
        "unchecked:a.user_id (1, relation fragment)");
  CHECK(read("select email from # where id = $1") == "unchecked:.email unchecked:.id (1, relation fragment)");
}

TEST_CASE("fragments: ORDER BY may name an output column the select-list fragment defines") {
  CHECK(read("select id # from users order by total desc") == "ok:public.users.id ok:public.users unchecked:.total (1)");
  CHECK(read("select id from users order by users.total #") ==
        "ok:public.users.id ok:public.users missing:public.users.total (1)");
  // A fragment in a condition, a grouping or a sort key names no output column: a name the sort
  // key gives is the table's, missing or not.
  CHECK(read("select id from users where # order by total desc") ==
        "ok:public.users.id ok:public.users missing:public.users.total (2)");
  CHECK(read("select id from users group by id having # order by total") ==
        "ok:public.users.id ok:public.users missing:public.users.total (2)");
  CHECK(read("select id from users order by #, total") == "ok:public.users.id ok:public.users missing:public.users.total (1)");
  // One in a join may bring in a relation that has it; one in the select list, an alias.
  CHECK(read("select id from users # order by total") == "ok:public.users.id ok:public.users unchecked:.total (2)");
  CHECK(read("select id, # from users where # order by total") ==
        "ok:public.users.id ok:public.users unchecked:.total (2)");
}

TEST_CASE("fragments: a fragment before the statement may define the CTE it reads") {
  CHECK(read("# select x from recent") == "unchecked:.x unchecked:public.recent (1)");
  CHECK(read("with a as (select 1) # select x from recent, a") == "unchecked:.x unchecked:public.recent (1)");
  // Elsewhere a missing relation is missing.
  CHECK(read("select x from recent # order by 1") == "unchecked:.x missing:public.recent (2)");
}

TEST_CASE("fragments: an INSERT's column list is no longer known complete") {
  sql::PartialReading r;
  std::string why;
  REQUIRE(sql::read_around_fragments(with_holes("insert into users (id #) values ($1 #)"), fragment_schema(),
                                     {"public"}, &r, &why));
  REQUIRE(r.resolutions.size() == 1);
  REQUIRE(r.resolutions[0].inserts.size() == 1);
  CHECK_FALSE(r.resolutions[0].inserts[0].column_list);
  CHECK(r.resolutions[0].inserts[0].values == 0);
}

TEST_CASE("fragments: holes inside literals and comments are not fragments; no reading: none") {
  CHECK(read("select '#' from users") == "none: no run-time fragment stands in code");
  CHECK(read("update users set # where id = $1") == "none: no neutral reading of the run-time fragments parses");
}

namespace {

/// A chain's expression read in the scope `relations` ("name", "name as alias", "+cte"), `open`
/// when other names may be in scope: the references it keeps, as read() lists them.
std::string read_expression(const std::string& code, std::vector<std::string> relations, bool open = false,
                            bool names_as_written = false) {
  sql::ChainScope scope;
  scope.open = open;
  for (auto& r : relations) {
    sql::ChainScope::Relation rel;
    rel.cte = r.starts_with("+");
    std::string spec = rel.cte ? r.substr(1) : r;
    size_t as = spec.find(" as ");
    rel.name = spec.substr(0, as);
    if (as != std::string::npos) rel.alias = spec.substr(as + 4);
    scope.relations.push_back(rel);
  }
  sql::ChainReading reading;
  if (!sql::read_chain_expression(with_holes(code), scope, fragment_schema(), {"public"}, names_as_written, &reading))
    return "none";
  std::string out;
  for (auto& ref : reading.resolution.refs) {
    out += ref.status == sql::RefStatus::Resolved ? "ok:" : ref.status == sql::RefStatus::Missing ? "missing:" : "unchecked:";
    out += ref.schema.empty() ? ref.relation : ref.schema + "." + ref.relation;
    if (ref.kind == sql::Reference::Kind::Column) out += "." + ref.column;
    out += " ";
  }
  return out;
}

}  // namespace

TEST_CASE("fragments: a chain's expression is read in the scope of the chain's relations, not as a statement") {
  // Qualified by a relation or alias of the chain: judged; the stand-in's relations are not listed.
  CHECK(read_expression("users.nope = ANY(#::bigint[])", {"users"}) == "missing:public.users.nope ");
  CHECK(read_expression("u.email ilike # and u.id > 0", {"users as u", "session"}) ==
        "ok:public.users.email ok:public.users.id ");
  // Unqualified: the chain's relations are searched, unless other names may be in scope.
  CHECK(read_expression("coalesce(nme, #)", {"users"}) == "missing:public.users.nme ");
  CHECK(read_expression("coalesce(nme, #)", {"users"}, true) == "unchecked:.nme ");
  // A qualifier the chain does not name (an outer query's), a CTE, a name a plugin may rewrite.
  CHECK(read_expression("users.email = session.browser", {"users"}, true) ==
        "ok:public.users.email unchecked:.browser ");
  CHECK(read_expression("ancestors.depth > 1", {"+ancestors"}) == "unchecked:ancestors.depth ");
  CHECK(read_expression("\"Users\".\"nope\" = 1", {"Users"}) == "unchecked:Users.nope ");
  // A subquery of its own is checked as any statement is.
  CHECK(read_expression("(select s.nope from session s where s.website_id = #)", {"users"}) ==
        "missing:public.session.nope ok:public.session ok:public.session.website_id ");
  // Not an expression: nothing is read.
  CHECK(read_expression("limit #", {"users"}) == "none");
}

TEST_CASE("fragments: a fragment alone between parentheses in FROM is a subquery of unknown columns") {
  // `FROM (${scope}) s`: no parameter, nothing or name parses there; a query over an unknown
  // relation does. Its columns (s.name) are unknown; the rest of the statement is checked.
  CHECK(read("select s.name, u.email, u.nope from (#) s join users u on u.id = s.user_id") ==
        "unchecked:s.name ok:public.users.email missing:public.users.nope ok:public.users ok:public.users.id "
        "unchecked:s.user_id (1)");
  // Between parentheses where a value fits, it stays a parameter: IN (${ids}).
  CHECK(read("select email from users where id in (#) #") ==
        "ok:public.users.email ok:public.users ok:public.users.id (1)");
}

TEST_CASE("fragments: a relation whose schema alone is a fragment is the one relation of that name") {
  CHECK(read("update #.users set email = $1 where nope = $2") ==
        "ok:public.users.email missing:public.users.nope (1)");
  CHECK(read("select u.name from \"#\".users u join session s on s.session_id = u.id") ==
        "ok:public.users.name ok:public.session ok:public.session.session_id ok:public.users.id (1)");
  CHECK(read("select count(*) from tenant_#.website_event where url_path = $1") == "ok:public.website_event.url_path (1)");
  // No relation of that name: its columns are unknown, not missing.
  CHECK(read("select nope from #.audit_log where id = $1") ==
        "unchecked:.nope unchecked:.id (1, relation fragment)");
  // In a column's place the fragment qualifies a column, not a relation.
  CHECK(read("select #.nope from users u") == "ok:public.users (1)");
}

TEST_CASE("fragments: DDL and utility commands over run-time names read as such, never a query") {
  auto utility = [](const std::string& code) { return sql::reads_as_utility(with_holes(code)); };
  CHECK(utility("CREATE SCHEMA #"));
  CHECK(utility("DROP INDEX CONCURRENTLY IF EXISTS #.#"));
  CHECK(utility("SAVEPOINT river_savepoint_#"));
  CHECK(utility("LISTEN \"#.#\""));
  CHECK(utility("SET search_path TO \"#\""));
  CHECK(utility("TRUNCATE TABLE #"));
  CHECK_FALSE(utility("EXPLAIN #"));
  CHECK_FALSE(utility("CREATE VIEW v AS #"));
  CHECK_FALSE(utility("SELECT email FROM #"));
  CHECK_FALSE(utility("#"));
  CHECK_FALSE(utility("CREATE SCHEMA tenant"));  // no fragment: not this question
}

TEST_CASE("fragments: a whole condition at the end is read as TRUE, after fragments that are values") {
  // Drizzle's sql`... AND ${eligibility}` after ${start}::timestamp: the last fragment's default
  // parameter no longer hides the readings of the first.
  CHECK(read("select o.id, o.nope from users o where o.name >= #::text and o.email < #::text and #\n") ==
        "ok:public.users.id missing:public.users.nope ok:public.users ok:public.users.name ok:public.users.email (2)");
  CHECK(read("select id from users where # group by id") == "ok:public.users.id ok:public.users (2)");
  // A fragment cast to a type is a value: only a parameter is tried there (nothing else parses
  // further on, and trying it for each of many close fragments ran past the readings' bound).
  CHECK(read("select count(*) from users where id >= #::int and id < #::int and name = #::text and email = #::text "
             "and id <> #::int and id <> #::int and id <> #::int and id <> #::int and #") ==
        "ok:public.users ok:public.users.id ok:public.users.id ok:public.users.name ok:public.users.email "
        "ok:public.users.id ok:public.users.id ok:public.users.id ok:public.users.id (2)");
}

TEST_CASE("fragments: VALUES ${rows} is read as a query of unknown columns in the VALUES list's place") {
  CHECK(read("INSERT INTO users (id, emial) VALUES # ON CONFLICT (id) DO NOTHING") ==
        "ok:public.users ok:public.users.id missing:public.users.emial ok:public.users.id (1)");
  CHECK(read("UPDATE users AS u SET name = v.name FROM (VALUES #) AS v(id, name) WHERE u.id = v.id AND u.nope IS NULL") ==
        "ok:public.users ok:public.users.name ok:v.name ok:public.users.id ok:v.id missing:public.users.nope (1)");
}

TEST_CASE("fragments: a fragment standing alone for a column is no value") {
  auto names = [](const std::string& code) { return sql::fragment_names_a_column(with_holes(code)); };
  CHECK(names("select id, # from users"));
  CHECK(names("select # from users where id = $1"));
  CHECK(names("select distinct # from users"));
  CHECK(names("select id from users order by #"));
  CHECK(names("select id from users order by #, id desc"));
  CHECK(names("select id from users order by # desc limit 5"));
  CHECK(names("select id from users group by # having count(*) > 1"));
  CHECK(names("select id from users where # = $1"));
  CHECK(names("select id from users where #=%s"));
  CHECK(names("select id from users where $1 <> #"));
  // Values: where one is compared with a column, limited, inserted, or inside an expression.
  CHECK_FALSE(names("select id from users where id = #"));
  CHECK_FALSE(names("select id from users limit #"));
  CHECK_FALSE(names("insert into users (id, email) values ($1, #)"));
  CHECK_FALSE(names("select coalesce(name, #) from users"));
  CHECK(names("select count(*) from (select id, # from users) u"));  // the subquery's list
  CHECK_FALSE(names("select id from users where id in (#)"));
  CHECK_FALSE(names("select '#' from users"));
  CHECK_FALSE(names("select # as n from users"));
}

TEST_CASE("fragments: a tagged template's substitution alone in a select list is a bound value") {
  auto bound = [](const std::string& code) { return sql::fragment_names_a_column(with_holes(code), true); };
  CHECK_FALSE(bound("insert into users (id, email) select #, u.email from users u"));
  CHECK(bound("select id from users order by #"));  // sorting by a constant sorts nothing
  CHECK(bound("select id from users where # = $1"));
}
