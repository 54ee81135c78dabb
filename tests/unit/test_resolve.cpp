// Reference resolution over realistic statements, against a schema built by the DDL simulator.
// Each case lists every reference the resolver reports, in statement order:
//   ok:public.users.email   missing:public.users.nickname   unchecked:x.y   (relations: no column)
// followed by the text at the reported offset for missing ones, so positions are pinned too.
#include <doctest/doctest.h>

#include "analyzers/schema/ddl.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/resolve.h"

using namespace schemagate;

namespace {

const char* kSchema = R"sql(
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  "DisplayName" text,
  profile jsonb,
  mood mood,
  created_at timestamptz DEFAULT now()
);
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  user_id bigint REFERENCES users(id),
  total numeric NOT NULL,
  status text,
  created_at timestamptz
);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id int PRIMARY KEY, order_id bigint, amount numeric);
CREATE VIEW order_totals AS SELECT user_id, sum(total) AS total, count(*) FROM orders GROUP BY user_id;
CREATE TABLE llm_results (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL, output text, UNIQUE (tenant_id));
)sql";

const schema::Schema& test_schema() {
  static schema::Schema s = [] {
    schema::Schema sc;
    schema::MigrationError err;
    bool ok = schema::apply_sql(sc, "m.sql", kSchema, {"public"}, nullptr, &err);
    REQUIRE_MESSAGE(ok, err.message);
    return sc;
  }();
  return s;
}

std::string resolve_in(const schema::Schema& schema, const std::string& sql,
                       const std::vector<std::string>& path = {"public"}) {
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  if (!sql::parse(sql, &stmts, &perr)) return "parse error: " + perr.message;
  std::string out;
  for (auto& s : stmts) {
    auto res = sql::resolve_statement(s.node, sql, schema, path);
    for (auto& r : res.refs) {
      if (!out.empty()) out += " ";
      out += r.status == sql::RefStatus::Resolved ? "ok:" : r.status == sql::RefStatus::Missing ? "missing:" : "unchecked:";
      out += r.schema.empty() ? r.relation : r.schema + "." + r.relation;
      if (r.kind == sql::Reference::Kind::Column) out += "." + r.column;
      if (r.status == sql::RefStatus::Missing) {
        std::string name = r.kind == sql::Reference::Kind::Column ? r.column : r.relation;
        out += "@" + sql.substr(r.offset, name.size());
      }
    }
  }
  return out;
}

std::string resolve(const std::string& sql, const std::vector<std::string>& path = {"public"}) {
  return resolve_in(test_schema(), sql, path);
}

// Alias column lists and functions of a row type (attribute notation).
const char* kRowSchema = R"sql(
CREATE TABLE widgets (id bigint PRIMARY KEY, legacy text, title text NOT NULL, created_at timestamptz);
ALTER TABLE widgets DROP COLUMN legacy;
CREATE FUNCTION widget_counts() RETURNS TABLE (widget_id bigint, n bigint) LANGUAGE sql AS $$ SELECT 1::bigint, 1::bigint $$;
CREATE VIEW widget_stats AS SELECT * FROM widget_counts();
CREATE TABLE people (id bigint PRIMARY KEY, given text, family text);
CREATE TABLE teams (id bigint PRIMARY KEY, name text);
CREATE TABLE staff (role text) INHERITS (people);
CREATE TABLE interns (school text) INHERITS (staff);
CREATE TABLE pets (id bigint PRIMARY KEY);
CREATE FUNCTION display_name(p people) RETURNS text LANGUAGE sql AS $$ SELECT p.given $$;
CREATE FUNCTION initials(p people, sep text DEFAULT '') RETURNS text LANGUAGE sql AS $$ SELECT sep $$;
CREATE FUNCTION everyone(VARIADIC ps people[]) RETURNS text LANGUAGE sql AS $$ SELECT '' $$;
CREATE FUNCTION as_json(r anyelement) RETURNS jsonb LANGUAGE sql AS $$ SELECT to_jsonb(r) $$;
CREATE FUNCTION member_count(t teams) RETURNS bigint LANGUAGE sql AS $$ SELECT 0::bigint $$;
CREATE FUNCTION pair(p people, n int) RETURNS text LANGUAGE sql AS $$ SELECT '' $$;
CREATE FUNCTION of_list(ps people[]) RETURNS text LANGUAGE sql AS $$ SELECT '' $$;
CREATE FUNCTION pet_tag(p pets) RETURNS text LANGUAGE sql AS $$ SELECT '' $$;
ALTER TABLE pets RENAME TO animals;
)sql";

const schema::Schema& row_schema() {
  static schema::Schema s = [] {
    schema::Schema sc;
    schema::MigrationError err;
    bool ok = schema::apply_sql(sc, "m.sql", kRowSchema, {"public"}, nullptr, &err);
    REQUIRE_MESSAGE(ok, err.message);
    return sc;
  }();
  return s;
}

}  // namespace

TEST_CASE("simple select, where, order by") {
  CHECK(resolve("SELECT id, email FROM users WHERE mood = 'happy' ORDER BY created_at") ==
        "ok:public.users.id ok:public.users.email ok:public.users ok:public.users.mood ok:public.users.created_at");
}

TEST_CASE("missing column is located at its name") {
  CHECK(resolve("SELECT id, nickname FROM users") == "ok:public.users.id missing:public.users.nickname@nickname ok:public.users");
}

TEST_CASE("CREATE TABLE AS and CREATE MATERIALIZED VIEW AS: the query is checked as a SELECT") {
  CHECK(resolve("CREATE TEMP TABLE t ON COMMIT DROP AS SELECT id, nickname FROM users") ==
        "ok:public.users.id missing:public.users.nickname@nickname ok:public.users");
  CHECK(resolve("CREATE MATERIALIZED VIEW mv AS SELECT email FROM users WITH NO DATA") == "ok:public.users.email ok:public.users");
  // No query to read: executing a prepared statement, or plain DDL.
  CHECK(resolve("CREATE TABLE t AS EXECUTE fetch_users(1)").empty());
  CHECK(resolve("CREATE TABLE t (id bigint)").empty());
}

TEST_CASE("missing relation") {
  CHECK(resolve("SELECT 1 FROM audit_log") == "missing:public.audit_log@audit_log");
}

TEST_CASE("columns of a missing relation are not reported") {
  CHECK(resolve("SELECT a, b FROM audit_log WHERE c = 1") ==
        "unchecked:.a unchecked:.b missing:public.audit_log@audit_log unchecked:.c");
}

TEST_CASE("qualified column through an alias points at the column name") {
  CHECK(resolve("SELECT u.nickname FROM users u") == "missing:public.users.nickname@nickname ok:public.users");
  CHECK(resolve("SELECT u . \"nickname\" FROM users u") == "missing:public.users.nickname@nickname ok:public.users");
}

TEST_CASE("join with ON, qualified and unqualified columns") {
  CHECK(resolve("SELECT u.email, o.total, status FROM users u JOIN orders o ON o.user_id = u.id") ==
        "ok:public.users.email ok:public.orders.total ok:public.orders.status ok:public.users ok:public.orders "
        "ok:public.orders.user_id ok:public.users.id");
}

TEST_CASE("unqualified column missing from every relation of a join") {
  CHECK(resolve("SELECT discount FROM users JOIN orders ON orders.user_id = users.id") ==
        "missing:public.users.discount@discount ok:public.users ok:public.orders ok:public.orders.user_id ok:public.users.id");
}

TEST_CASE("JOIN USING") {
  CHECK(resolve("SELECT id FROM orders JOIN billing.invoices USING (id)") ==
        "ok:public.orders.id ok:public.orders ok:billing.invoices");
  CHECK(resolve("SELECT 1 FROM orders JOIN billing.invoices USING (amount)") ==
        "ok:public.orders ok:billing.invoices missing:public.orders.amount@amount");
}

TEST_CASE("quoted identifiers keep case, unquoted fold") {
  CHECK(resolve("SELECT \"DisplayName\" FROM users") == "ok:public.users.DisplayName ok:public.users");
  CHECK(resolve("SELECT DisplayName FROM users") ==
        "missing:public.users.displayname@DisplayName ok:public.users");
  CHECK(resolve("SELECT EMAIL FROM USERS") == "ok:public.users.email ok:public.users");
}

TEST_CASE("output aliases in ORDER BY and GROUP BY are not columns") {
  CHECK(resolve("SELECT email AS e, count(*) AS n FROM users GROUP BY e ORDER BY n DESC") ==
        "ok:public.users.email ok:public.users");
}

TEST_CASE("ORDER BY a real column that is not selected") {
  CHECK(resolve("SELECT email FROM users ORDER BY nickname") ==
        "ok:public.users.email ok:public.users missing:public.users.nickname@nickname");
}

TEST_CASE("CTE: its name is not a table, its columns are its output") {
  CHECK(resolve("WITH recent AS (SELECT id, email FROM users) SELECT email FROM recent") ==
        "ok:public.users.id ok:public.users.email ok:public.users ok:recent.email");
}

TEST_CASE("CTE column list renames output") {
  CHECK(resolve("WITH r(a, b) AS (SELECT id, email FROM users) SELECT a, b FROM r") ==
        "ok:public.users.id ok:public.users.email ok:public.users ok:r.a ok:r.b");
}

TEST_CASE("a column missing from a CTE is unchecked, not a finding") {
  CHECK(resolve("WITH r AS (SELECT id FROM users) SELECT zzz FROM r") ==
        "ok:public.users.id ok:public.users unchecked:.zzz");
}

TEST_CASE("recursive CTE") {
  CHECK(resolve("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n FROM t") ==
        "unchecked:.n unchecked:.n ok:t.n");
}

TEST_CASE("data-modifying CTE with RETURNING") {
  CHECK(resolve("WITH moved AS (DELETE FROM orders WHERE status = 'x' RETURNING id, total) "
                "INSERT INTO billing.invoices (order_id, amount) SELECT id, total FROM moved") ==
        "ok:public.orders ok:public.orders.status ok:public.orders.id ok:public.orders.total ok:billing.invoices "
        "ok:billing.invoices.order_id ok:billing.invoices.amount ok:moved.id ok:moved.total");
}

TEST_CASE("subquery in FROM with alias and its output columns") {
  CHECK(resolve("SELECT s.uid, s.n FROM (SELECT user_id AS uid, count(*) AS n FROM orders GROUP BY user_id) s") ==
        "ok:s.uid ok:s.n ok:public.orders.user_id ok:public.orders ok:public.orders.user_id");
}

TEST_CASE("subquery alias with column names") {
  CHECK(resolve("SELECT x FROM (SELECT id FROM users) AS s(x)") == "ok:s.x ok:public.users.id ok:public.users");
}

TEST_CASE("correlated subquery sees the outer scope") {
  CHECK(resolve("SELECT email FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND total > 10)") ==
        "ok:public.users.email ok:public.users ok:public.orders ok:public.orders.user_id ok:public.users.id "
        "ok:public.orders.total");
}

TEST_CASE("scalar subquery in select list") {
  CHECK(resolve("SELECT id, (SELECT max(total) FROM orders WHERE user_id = users.id) AS top FROM users") ==
        "ok:public.users.id ok:public.orders.total ok:public.orders ok:public.orders.user_id ok:public.users.id ok:public.users");
}

TEST_CASE("LATERAL subquery sees earlier FROM items") {
  CHECK(resolve("SELECT u.id, l.total FROM users u, LATERAL (SELECT total FROM orders o WHERE o.user_id = u.id "
                "ORDER BY created_at DESC LIMIT 1) l") ==
        "ok:public.users.id ok:l.total ok:public.users ok:public.orders.total ok:public.orders "
        "ok:public.orders.user_id ok:public.users.id ok:public.orders.created_at");
}

TEST_CASE("set-returning function in FROM opens the scope") {
  CHECK(resolve("SELECT elem->>'k', id FROM users, jsonb_array_elements(profile->'items') AS elem") ==
        "ok:public.users.id ok:public.users ok:public.users.profile");  // elem: the function's value
  CHECK(resolve("SELECT whatever FROM users, my_series(1, 3) g") == "unchecked:.whatever ok:public.users");
  // generate_series' one column is named g: users and g both lack it.
  CHECK(resolve("SELECT whatever FROM users, generate_series(1, 3) g") ==
        "missing:public.users.whatever@whatever ok:public.users");
}

TEST_CASE("qualified column of a function alias is unchecked") {
  CHECK(resolve("SELECT g.x FROM my_series(1,3) AS g(x)") == "unchecked:g.x");
  CHECK(resolve("SELECT g.x FROM generate_series(1,3) AS g(x)") == "ok:g.x");  // its one column, renamed
}

TEST_CASE("INSERT column list, VALUES and RETURNING") {
  CHECK(resolve("INSERT INTO llm_results (tenant_id, output, model_version) VALUES ($1, $2, $3) RETURNING id") ==
        "ok:public.llm_results ok:public.llm_results.tenant_id ok:public.llm_results.output "
        "missing:public.llm_results.model_version@model_version ok:public.llm_results.id");
}

TEST_CASE("INSERT ... SELECT") {
  CHECK(resolve("INSERT INTO billing.invoices (order_id, amount) SELECT id, total FROM orders WHERE status = 'paid'") ==
        "ok:billing.invoices ok:billing.invoices.order_id ok:billing.invoices.amount ok:public.orders.id "
        "ok:public.orders.total ok:public.orders ok:public.orders.status");
}

TEST_CASE("ON CONFLICT target, DO UPDATE SET with EXCLUDED") {
  CHECK(resolve("INSERT INTO llm_results (tenant_id, output) VALUES (1, 'x') ON CONFLICT (tenant_id) "
                "DO UPDATE SET output = EXCLUDED.output, tokens = excluded.tokens WHERE llm_results.id > 0") ==
        "ok:public.llm_results ok:public.llm_results.tenant_id ok:public.llm_results.output "
        "ok:public.llm_results.tenant_id ok:public.llm_results.output ok:public.llm_results.output "
        "missing:public.llm_results.tokens@tokens missing:public.llm_results.tokens@tokens ok:public.llm_results.id");
}

TEST_CASE("ON CONFLICT on a missing column names it") {
  CHECK(resolve("INSERT INTO users (email) VALUES ('a') ON CONFLICT (login) DO NOTHING") ==
        "ok:public.users ok:public.users.email missing:public.users.login@login");
}

TEST_CASE("UPDATE SET, FROM, WHERE, RETURNING") {
  CHECK(resolve("UPDATE orders o SET status = 'paid', paid_at = now() FROM users u WHERE o.user_id = u.id "
                "AND u.email = $1 RETURNING o.id") ==
        "ok:public.orders ok:public.orders.status missing:public.orders.paid_at@paid_at ok:public.users "
        "ok:public.orders.user_id ok:public.users.id ok:public.users.email ok:public.orders.id");
}

TEST_CASE("UPDATE with a row assignment") {
  CHECK(resolve("UPDATE users SET (email, mood) = ($1, $2) WHERE id = $3") ==
        "ok:public.users ok:public.users.email ok:public.users.mood ok:public.users.id");
}

TEST_CASE("DELETE USING") {
  CHECK(resolve("DELETE FROM orders o USING users u WHERE o.user_id = u.id AND u.banned") ==
        "ok:public.orders ok:public.users ok:public.orders.user_id ok:public.users.id missing:public.users.banned@banned");
}

TEST_CASE("MERGE") {
  CHECK(resolve("MERGE INTO billing.invoices i USING orders o ON i.order_id = o.id "
                "WHEN MATCHED THEN UPDATE SET amount = o.total "
                "WHEN NOT MATCHED THEN INSERT (id, order_id, amount) VALUES (o.id, o.id, o.total)") ==
        "ok:billing.invoices ok:public.orders ok:billing.invoices.order_id ok:public.orders.id "
        "ok:billing.invoices.amount ok:public.orders.total ok:billing.invoices.id ok:billing.invoices.order_id "
        "ok:billing.invoices.amount ok:public.orders.id ok:public.orders.id ok:public.orders.total");
}

TEST_CASE("window functions and window clause") {
  CHECK(resolve("SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at) AS rn, "
                "sum(total) OVER w FROM orders WINDOW w AS (PARTITION BY status)") ==
        "ok:public.orders.id ok:public.orders.user_id ok:public.orders.created_at ok:public.orders.total "
        "ok:public.orders ok:public.orders.status");
}

TEST_CASE("JSON operators and casts") {
  CHECK(resolve("SELECT profile->>'name', (profile->'tags')::jsonb, id::text FROM users WHERE profile @> '{\"a\":1}'") ==
        "ok:public.users.profile ok:public.users.profile ok:public.users.id ok:public.users ok:public.users.profile");
}

TEST_CASE("enum casts and type names are not columns") {
  CHECK(resolve("SELECT id FROM users WHERE mood = 'sad'::mood") == "ok:public.users.id ok:public.users ok:public.users.mood");
}

TEST_CASE("UNION checks both branches") {
  CHECK(resolve("SELECT email FROM users UNION SELECT status FROM orders ORDER BY 1") ==
        "ok:public.users.email ok:public.users ok:public.orders.status ok:public.orders");
}

TEST_CASE("views are relations with their query's columns") {
  CHECK(resolve("SELECT user_id, total, count FROM order_totals") ==
        "ok:public.order_totals.user_id ok:public.order_totals.total ok:public.order_totals.count ok:public.order_totals");
  CHECK(resolve("SELECT status FROM order_totals") ==
        "missing:public.order_totals.status@status ok:public.order_totals");
}

TEST_CASE("whole-row reference and t.*") {
  CHECK(resolve("SELECT u, o.* FROM users u JOIN orders o ON true") == "ok:public.users ok:public.orders");
}

TEST_CASE("schema-qualified relation and three-part column") {
  CHECK(resolve("SELECT billing.invoices.amount FROM billing.invoices") ==
        "ok:billing.invoices.amount ok:billing.invoices");
}

TEST_CASE("search path decides unqualified relations") {
  CHECK(resolve("SELECT amount FROM invoices", {"billing", "public"}) ==
        "ok:billing.invoices.amount ok:billing.invoices");
  CHECK(resolve("SELECT amount FROM invoices") == "unchecked:.amount missing:public.invoices@invoices");
}

TEST_CASE("schemas that no migration creates are unchecked") {
  CHECK(resolve("SELECT id, email FROM auth.users") == "unchecked:.id unchecked:.email unchecked:auth.users");
}

TEST_CASE("system catalogs are not checked") {
  CHECK(resolve("SELECT relname FROM pg_class") == "unchecked:.relname unchecked:pg_class");
  CHECK(resolve("SELECT table_name FROM information_schema.tables") ==
        "unchecked:.table_name unchecked:information_schema.tables");
}

TEST_CASE("sqlc macros are parameters") {
  CHECK(resolve("SELECT id FROM users WHERE email = sqlc.arg(email_address) LIMIT sqlc.arg('lim')") ==
        "ok:public.users.id ok:public.users ok:public.users.email");
}

TEST_CASE("unknown qualifier is unchecked") {
  CHECK(resolve("SELECT x.id FROM users") == "unchecked:.id ok:public.users");
}

TEST_CASE("IN subquery and ANY") {
  CHECK(resolve("SELECT id FROM users WHERE id IN (SELECT user_id FROM orders) AND id = ANY($1)") ==
        "ok:public.users.id ok:public.users ok:public.users.id ok:public.orders.user_id ok:public.orders ok:public.users.id");
}

TEST_CASE("CASE, COALESCE, aggregates with FILTER") {
  CHECK(resolve("SELECT CASE WHEN total > 0 THEN status END, coalesce(status, 'n'), "
                "count(*) FILTER (WHERE total > 5) FROM orders") ==
        "ok:public.orders.total ok:public.orders.status ok:public.orders.status ok:public.orders.total ok:public.orders");
}

TEST_CASE("DISTINCT ON and HAVING") {
  CHECK(resolve("SELECT DISTINCT ON (user_id) user_id, total FROM orders GROUP BY user_id, total HAVING sum(total) > 1") ==
        "ok:public.orders.user_id ok:public.orders.total ok:public.orders ok:public.orders.total");
}

TEST_CASE("VALUES list as a FROM item") {
  CHECK(resolve("SELECT v.a FROM (VALUES (1, 'x')) AS v(a, b) JOIN users ON users.id = v.a") ==
        "ok:v.a ok:public.users ok:public.users.id ok:v.a");
}

TEST_CASE("non-DML statements produce nothing") {
  CHECK(resolve("CREATE TABLE t (a int)") == "");
  CHECK(resolve("SET search_path = x") == "");
}

TEST_CASE("query_output_columns infers names the way PostgreSQL does") {
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  REQUIRE(sql::parse("SELECT id, email AS e, count(*), now()::date, 1 + 1, profile->>'x' AS p, u.* FROM users u", &stmts, &perr));
  auto out = sql::query_output_columns(stmts[0].node, test_schema(), {"public"});
  std::string joined;
  for (auto& n : out.names) joined += n + ",";
  CHECK(joined == "id,e,count,now,?column?,p,id,email,DisplayName,profile,mood,created_at,");
  CHECK(out.complete);
}

TEST_CASE("system columns exist on tables, not on views") {
  CHECK(resolve("DELETE FROM orders WHERE ctid IN (SELECT ctid FROM orders LIMIT 10) RETURNING xmax, tableoid") ==
        "ok:public.orders ok:public.orders.ctid ok:public.orders.ctid ok:public.orders ok:public.orders.xmax "
        "ok:public.orders.tableoid");
  CHECK(resolve("SELECT ctid FROM order_totals") == "missing:public.order_totals.ctid@ctid ok:public.order_totals");
  CHECK(resolve("SELECT oid FROM orders") == "missing:public.orders.oid@oid ok:public.orders");
}

TEST_CASE("tracking tables and SQLite system tables are unchecked, not missing") {
  CHECK(resolve("SELECT version, dirty FROM schema_migrations") ==
        "unchecked:.version unchecked:.dirty unchecked:schema_migrations");
  CHECK(resolve("SELECT name FROM sqlite_master WHERE type = 'table'") ==
        "unchecked:.name unchecked:sqlite_master unchecked:.type");
}

TEST_CASE("created_relation names what a statement the code runs creates") {
  auto created = [](const std::string& sql) {
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError perr;
    REQUIRE(sql::parse(sql, &stmts, &perr));
    sql::CreatedRelation c = sql::created_relation(stmts[0].node);
    return c.schema.empty() ? c.name : c.schema + "." + c.name;
  };
  CHECK(created("CREATE TEMP TABLE t1 (a int)") == "t1");
  CHECK(created("CREATE TABLE IF NOT EXISTS app.t2 (a int)") == "app.t2");
  CHECK(created("CREATE TEMP TABLE t3 ON COMMIT DROP AS SELECT 1") == "t3");
  CHECK(created("SELECT 1 AS a INTO TEMPORARY t4") == "t4");
  CHECK(created("CREATE MATERIALIZED VIEW t5 AS SELECT 1") == "t5");
  CHECK(created("CREATE VIEW t6 AS SELECT 1") == "t6");
  CHECK(created("SELECT 1") == "");
  CHECK(created("CREATE INDEX i ON orders (id)") == "");
}

TEST_CASE("a table a DO block creates counts as created by the code") {
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  REQUIRE(sql::parse("DO $$ BEGIN CREATE TEMP TABLE IF NOT EXISTS Scratch_Results (ok boolean); END $$;", &stmts, &perr));
  auto c = sql::created_relation(stmts[0].node);
  CHECK(c.schema == "");
  CHECK(c.name == "scratch_results");
  REQUIRE(sql::parse("DO $$ BEGIN RAISE NOTICE 'create nothing'; END $$;", &stmts, &perr));
  CHECK(sql::created_relation(stmts.back().node).name == "");
}

TEST_CASE("an unqualified column beside a derived table whose outputs are all known is judged") {
  // o's outputs are user_id and n: nickname is in neither relation.
  CHECK(resolve("SELECT email, n, nickname FROM users u JOIN (SELECT user_id, count(*) AS n FROM orders GROUP BY user_id) o "
                "ON o.user_id = u.id") ==
        "ok:public.users.email ok:o.n missing:public.users.nickname@nickname ok:public.users "
        "ok:public.orders.user_id ok:public.orders ok:o.user_id ok:public.users.id");
  // greatest(...) is named "greatest", a CASE by its ELSE's column, a cast of a constant by its type.
  CHECK(resolve("SELECT email, nickname FROM users u, LATERAL (SELECT greatest(1, 2)) g") ==
        "ok:public.users.email missing:public.users.nickname@nickname ok:public.users");
  CHECK(resolve("SELECT email, nickname FROM users u, LATERAL (SELECT CASE WHEN true THEN 1 ELSE u.id END, 'x'::text) g") ==
        "ok:public.users.email missing:public.users.nickname@nickname ok:public.users ok:public.users.id");
  CHECK(resolve("SELECT id, text FROM (SELECT CASE WHEN true THEN 1 ELSE u.id END, 'x'::text FROM users u) g") ==
        "ok:g.id ok:g.text ok:public.users.id ok:public.users");
  // An output PostgreSQL names by a rule the resolver does not follow (xmlelement(...)): unchecked.
  CHECK(resolve("SELECT email, nickname FROM users u, LATERAL (SELECT xmlelement(name a)) g") ==
        "ok:public.users.email unchecked:.nickname ok:public.users");
}

TEST_CASE("set-returning functions whose outputs are fixed: unqualified columns beside them are judged") {
  CHECK(resolve("SELECT email, value, nickname FROM users, jsonb_array_elements(users.profile) e") ==
        "ok:public.users.email ok:e.value missing:public.users.nickname@nickname ok:public.users ok:public.users.profile");
  CHECK(resolve("SELECT id, x, ordinality, nickname FROM users, unnest($1::int[]) WITH ORDINALITY AS u(x)") ==
        "ok:public.users.id ok:u.x ok:u.ordinality missing:public.users.nickname@nickname ok:public.users");
  CHECK(resolve("SELECT email, a, b, nickname FROM users, f() AS t(a int, b text)") ==
        "ok:public.users.email ok:t.a ok:t.b missing:public.users.nickname@nickname ok:public.users");
  // A function of the project (or of an extension): its columns stay unknown.
  CHECK(resolve("SELECT email, nickname FROM users, my_rows(users.id) r") ==
        "ok:public.users.email unchecked:.nickname ok:public.users ok:public.users.id");
}

TEST_CASE("an alias column list renames the relation's first columns in order") {
  const schema::Schema& sc = row_schema();
  // legacy was dropped: widgets' columns are id, title, created_at.
  CHECK(resolve_in(sc, "SELECT w.wid, label, w.created_at FROM widgets AS w(wid, label)") ==
        "ok:w.wid ok:w.label ok:public.widgets.created_at ok:public.widgets");
  // Past the list, the relation's own names; a name neither has is missing.
  CHECK(resolve_in(sc, "SELECT w.title, w.shelf, w.ctid FROM widgets AS w(wid)") ==
        "ok:public.widgets.title missing:public.widgets.shelf@shelf ok:public.widgets.ctid ok:public.widgets");
  // A name the list renames is gone (PostgreSQL: 42703); not judged here.
  CHECK(resolve_in(sc, "SELECT w.id FROM widgets AS w(wid)") == "unchecked:public.widgets.id ok:public.widgets");
  // Unqualified: id is no longer widgets', so it is the other relation's.
  CHECK(resolve_in(sc, "SELECT id FROM widgets AS w(wid) JOIN people p ON p.id = w.wid") ==
        "ok:public.people.id ok:public.widgets ok:public.people ok:public.people.id ok:w.wid");
  // More names than columns (PostgreSQL: 42P10): the extra name is not judged.
  CHECK(resolve_in(sc, "SELECT w.d FROM widgets AS w(a, b, c, d)") == "unchecked:w.d ok:public.widgets");
  // A star through the alias has the renamed outputs.
  CHECK(resolve_in(sc, "SELECT x.wid, x.title FROM (SELECT * FROM widgets w(wid)) x") ==
        "ok:x.wid ok:x.title ok:public.widgets");
  // A CTE's columns are renamed the same way.
  CHECK(resolve_in(sc, "WITH c AS (SELECT id, title FROM widgets) SELECT k.a, k.title FROM c AS k(a)") ==
        "ok:public.widgets.id ok:public.widgets.title ok:public.widgets ok:k.a ok:k.title");
}

TEST_CASE("an alias column list over a relation whose column order is not known is not judged") {
  const schema::Schema& sc = row_schema();
  // widget_stats is a view over a function: its columns, and their order, are not known.
  CHECK(resolve_in(sc, "SELECT s.widget, s.n, s.nope FROM widget_stats AS s(widget)") ==
        "unchecked:s.widget unchecked:public.widget_stats.n unchecked:public.widget_stats.nope ok:public.widget_stats");
}

TEST_CASE("attribute notation: a function of the relation's row type is a computed column") {
  const schema::Schema& sc = row_schema();
  CHECK(resolve_in(sc, "SELECT p.id, p.display_name, p.initials, p.everyone, p.as_json FROM people p") ==
        "ok:public.people.id ok:p.display_name ok:p.initials ok:p.everyone ok:p.as_json ok:public.people");
  // The table name qualifies too; a child's row converts to its parent's row type.
  CHECK(resolve_in(sc, "SELECT people.display_name FROM people") == "ok:people.display_name ok:public.people");
  CHECK(resolve_in(sc, "SELECT s.display_name FROM staff s") == "ok:s.display_name ok:public.staff");
  CHECK(resolve_in(sc, "SELECT i.display_name FROM interns i") == "ok:i.display_name ok:public.interns");
  // Functions that take something else do not make the name a column (PostgreSQL: 42703).
  CHECK(resolve_in(sc, "SELECT p.member_count, p.pair, p.of_list FROM people p") ==
        "missing:public.people.member_count@member_count missing:public.people.pair@pair "
        "missing:public.people.of_list@of_list ok:public.people");
  CHECK(resolve_in(sc, "SELECT t.member_count FROM teams t") == "ok:t.member_count ok:public.teams");
  // Only a qualified name is read as a function: unqualified, it is a column.
  CHECK(resolve_in(sc, "SELECT display_name FROM people") == "missing:public.people.display_name@display_name ok:public.people");
  // pet_tag was created for pets, since renamed: the model cannot tell its argument's type now.
  CHECK(resolve_in(sc, "SELECT a.pet_tag FROM animals a") == "unchecked:public.animals.pet_tag ok:public.animals");
}

TEST_CASE("attribute notation records the function call") {
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  std::string text = "SELECT p.display_name FROM people p";
  REQUIRE(sql::parse(text, &stmts, &perr));
  auto res = sql::resolve_statement(stmts[0].node, text, row_schema(), {"public"});
  REQUIRE(res.calls.size() == 1);
  CHECK(res.calls[0].name == "display_name");
  CHECK(res.calls[0].arguments == 1);
  CHECK(text.substr(res.calls[0].offset, 12) == "display_name");
}
