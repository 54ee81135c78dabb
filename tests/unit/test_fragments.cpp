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
