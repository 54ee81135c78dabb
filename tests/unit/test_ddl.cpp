// DDL simulation sequences: what the schema looks like after a series of migrations, with the
// origin of every column and the history of renames and drops.
#include <doctest/doctest.h>

#include "analyzers/report/locator.h"
#include "analyzers/schema/ddl.h"

using namespace schemagate::schema;

namespace {

/// The text last applied as each file: origins are byte offsets into it.
std::map<std::string, std::string>& texts() {
  static std::map<std::string, std::string> applied;
  return applied;
}

/// The places of the files applied (report::Locator, as the pipeline reads them).
schemagate::report::Locator places() {
  schemagate::report::Locator out;
  for (auto& [file, text] : texts()) out.add(file, text);
  return out;
}

int line_of(const Origin& origin) { return places().line(origin); }

/// Applies each (file, sql) in order; returns the error text or "".
std::string apply(Schema& s, const std::vector<std::pair<std::string, std::string>>& migrations,
                  std::vector<DdlNote>* notes = nullptr) {
  for (auto& [file, sql] : migrations) {
    texts()[file] = sql;
    MigrationError err;
    if (!apply_sql(s, file, sql, {"public"}, notes, &err)) return places().place_column(err.file, err.offset) + ": " + err.message;
  }
  return "";
}

/// "name@file:line" for each column of schema.relation, or "<none>".
std::string columns(const Schema& s, const std::string& schema, const std::string& relation) {
  const Relation* r = s.find(schema, relation);
  if (!r) return "<none>";
  std::string out;
  for (auto& c : r->columns) out += (out.empty() ? "" : " ") + c.name + "@" + c.origin.file + ":" + std::to_string(line_of(c.origin));
  return out;
}

std::string history(const Schema& s) {
  std::string out;
  for (auto& e : s.history) {
    const char* k = "";
    switch (e.kind) {
      case SchemaEvent::Kind::DropRelation: k = "drop-relation"; break;
      case SchemaEvent::Kind::RenameRelation: k = "rename-relation"; break;
      case SchemaEvent::Kind::MoveRelation: k = "move-relation"; break;
      case SchemaEvent::Kind::DropColumn: k = "drop-column"; break;
      case SchemaEvent::Kind::RenameColumn: k = "rename-column"; break;
      case SchemaEvent::Kind::AlterColumnType: k = "alter-type"; break;
      case SchemaEvent::Kind::SetNotNull: k = "set-not-null"; break;
    }
    out += (out.empty() ? "" : " ") + std::string(k) + ":" + e.schema + "." + e.relation +
           (e.column.empty() ? "" : "." + e.column) + (e.new_name.empty() ? "" : "->" + e.new_name) + "@" +
           e.origin.file + ":" + std::to_string(line_of(e.origin));
  }
  return out;
}

}  // namespace

TEST_CASE("create table records each column's line") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE t (\n  id int PRIMARY KEY,\n  name text NOT NULL\n);"}}) == "");
  CHECK(columns(s, "public", "t") == "id@1.sql:2 name@1.sql:3");
  const Relation* t = s.find("public", "t");
  CHECK(t->columns[0].not_null);
  CHECK(t->columns[1].type == "text");
  CHECK(line_of(t->origin) == 1);
}

TEST_CASE("rename a column twice") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE t (a int);"},
                  {"2.sql", "ALTER TABLE t RENAME COLUMN a TO b;"},
                  {"3.sql", "\n\nALTER TABLE t RENAME b TO c;"}}) == "");
  CHECK(columns(s, "public", "t") == "c@3.sql:3");
  CHECK(history(s) == "rename-column:public.t.a->b@2.sql:1 rename-column:public.t.b->c@3.sql:3");
}

TEST_CASE("drop a column then add it back") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE t (a int, b int);"},
                  {"2.sql", "ALTER TABLE t DROP COLUMN b;"},
                  {"3.sql", "ALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT '';"}}) == "");
  CHECK(columns(s, "public", "t") == "a@1.sql:1 b@3.sql:1");
  CHECK(s.find("public", "t")->find_column("b")->type == "text");
  CHECK(s.find("public", "t")->find_column("b")->has_default);
}

TEST_CASE("rename a table then add a column") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE jobs (id int);"},
                  {"2.sql", "ALTER TABLE jobs RENAME TO tasks;"},
                  {"3.sql", "ALTER TABLE tasks ADD COLUMN attempts int;"}}) == "");
  CHECK(columns(s, "public", "jobs") == "<none>");
  CHECK(columns(s, "public", "tasks") == "id@1.sql:1 attempts@3.sql:1");
  CHECK(history(s) == "rename-relation:public.jobs->tasks@2.sql:1");
}

TEST_CASE("move a table between schemas, then rename the schema") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE SCHEMA app; CREATE TABLE events (id int);"},
                  {"2.sql", "ALTER TABLE events SET SCHEMA app;"},
                  {"3.sql", "ALTER SCHEMA app RENAME TO core;"}}) == "");
  CHECK(columns(s, "public", "events") == "<none>");
  CHECK(columns(s, "app", "events") == "<none>");
  CHECK(columns(s, "core", "events") == "id@1.sql:1");
  CHECK(!s.has_schema("app"));
  CHECK(history(s) == "move-relation:public.events->app@2.sql:1 move-relation:app.events->core@3.sql:1");
}

TEST_CASE("drop table and drop schema cascade") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE a (x int); CREATE SCHEMA s; CREATE TABLE s.b (y int);"},
                  {"2.sql", "DROP TABLE IF EXISTS a, missing;\nDROP SCHEMA s CASCADE;"}}) == "");
  CHECK(s.relations().empty());
  CHECK(history(s) == "drop-relation:public.a@2.sql:1 drop-relation:s.b@2.sql:2");
}

TEST_CASE("IF NOT EXISTS keeps the first definition") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE t (a int);"},
                  {"2.sql", "CREATE TABLE IF NOT EXISTS t (b int); ALTER TABLE t ADD COLUMN IF NOT EXISTS a text;"}}) == "");
  CHECK(columns(s, "public", "t") == "a@1.sql:1");
  CHECK(s.find("public", "t")->columns[0].type == "int4");
}

TEST_CASE("LIKE, INHERITS and PARTITION OF copy the parent's columns") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE base (id int, created_at timestamptz);\n"
                            "CREATE TABLE copy (LIKE base INCLUDING ALL, extra text);\n"
                            "CREATE TABLE child (note text) INHERITS (base);\n"
                            "CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);\n"
                            "CREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"}}) == "");
  CHECK(columns(s, "public", "copy") == "id@1.sql:2 created_at@1.sql:2 extra@1.sql:2");
  CHECK(columns(s, "public", "child") == "id@1.sql:1 created_at@1.sql:1 note@1.sql:3");
  CHECK(columns(s, "public", "m_2026") == "id@1.sql:4 at@1.sql:4");
  CHECK(s.find("public", "m")->kind == RelationKind::PartitionedTable);
}

TEST_CASE("ALTER of a parent reaches its children through renames and drops (the child index)") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);\n"
                            "CREATE TABLE m_a PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n"
                            "CREATE TABLE m_b PARTITION OF m FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');\n"
                            "CREATE TABLE m_a_old (x int) INHERITS (m_a);"},
                  {"2.sql", "ALTER TABLE m RENAME TO events;\n"
                            "ALTER TABLE m_b RENAME TO events_b;\n"
                            "DROP TABLE m_a_old;\n"
                            "ALTER TABLE events ADD COLUMN note text;"}}) == "");
  CHECK(columns(s, "public", "events") == "id@1.sql:1 at@1.sql:1 note@2.sql:4");
  CHECK(columns(s, "public", "m_a") == "id@1.sql:1 at@1.sql:1 note@2.sql:4");
  CHECK(columns(s, "public", "events_b") == "id@1.sql:1 at@1.sql:1 note@2.sql:4");
  CHECK(s.children_of("public.events") == std::set<std::string>{"public.events_b", "public.m_a"});
  CHECK(s.children_of("public.m").empty());
  CHECK(s.children_of("public.m_a").empty());
}

TEST_CASE("views and materialized views take their query's columns or an explicit list") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE o (id int, total numeric, uid int);\n"
                            "CREATE VIEW v AS SELECT uid, sum(total) AS spent FROM o GROUP BY uid;\n"
                            "CREATE MATERIALIZED VIEW mv (who, n) AS SELECT uid, count(*) FROM o GROUP BY uid;\n"
                            "CREATE OR REPLACE VIEW v AS SELECT uid, sum(total) AS spent, max(id) AS last FROM o GROUP BY uid;\n"
                            "CREATE TABLE snap AS SELECT id, total * 2 FROM o;"}}) == "");
  CHECK(columns(s, "public", "v") == "uid@1.sql:4 spent@1.sql:4 last@1.sql:4");
  CHECK(columns(s, "public", "mv") == "who@1.sql:3 n@1.sql:3");
  CHECK(s.find("public", "mv")->kind == RelationKind::MaterializedView);
  CHECK(columns(s, "public", "snap") == "id@1.sql:5");
  CHECK_FALSE(s.find("public", "snap")->columns_complete);  // "total * 2" is named ?column?
}

TEST_CASE("SELECT ... INTO a table creates it as CREATE TABLE AS does") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE o (id int, total numeric, uid int);\n"
                            "CREATE SCHEMA archive;\n"
                            "SELECT id, total INTO o_copy FROM o WHERE total > 0;\n"
                            "SELECT id, total * 2 INTO TABLE doubled FROM o;\n"
                            "SELECT uid INTO archive.uids FROM o UNION SELECT id FROM o;\n"
                            "SELECT * INTO UNLOGGED o_all FROM o;\n"
                            "SELECT id FROM o;"}}) == "");
  CHECK(columns(s, "public", "o_copy") == "id@1.sql:3 total@1.sql:3");
  CHECK(s.find("public", "o_copy")->kind == RelationKind::Table);
  CHECK(s.find("public", "o_copy")->columns_complete);
  CHECK(columns(s, "public", "doubled") == "id@1.sql:4");
  CHECK_FALSE(s.find("public", "doubled")->columns_complete);  // "total * 2" is named ?column?
  CHECK(columns(s, "archive", "uids") == "uid@1.sql:5");      // the INTO of the UNION's first SELECT
  CHECK(columns(s, "public", "o_all") == "id@1.sql:6 total@1.sql:6 uid@1.sql:6");
  CHECK(s.relations().size() == 5);  // a plain SELECT creates nothing
}

TEST_CASE("SELECT ... INTO in PL/pgSQL assigns a variable and creates no table") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE o (id int);\n"
                            "DO $$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM o; CREATE TABLE dlog (id int); END $$;\n"
                            "DO $$ DECLARE k int; BEGIN SELECT max(id) INTO k FROM o; RAISE NOTICE '%', k; END $$;\n"
                            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n"
                            "DECLARE m int; BEGIN SELECT count(*) INTO m FROM o; CREATE TEMP TABLE t (a int); RETURN m; END $$;"}}) ==
        "");
  CHECK(s.find("public", "n") == nullptr);
  CHECK(s.find("public", "k") == nullptr);
  CHECK(s.find("public", "m") == nullptr);
  CHECK(s.uncertain_names.count("dlog") == 1);  // the DO body is PL/pgSQL: skipped, its names uncertain
}

TEST_CASE("RESET search_path, SET search_path TO DEFAULT and RESET ALL go back to the migration's starting path") {
  Schema s;
  std::string sql =
      "CREATE SCHEMA rep;\n"
      "SET search_path TO rep;\n"
      "CREATE TABLE a (id int);\n"
      "RESET search_path;\n"
      "CREATE TABLE b (id int);\n"
      "SET search_path = rep, public;\n"
      "SET search_path TO DEFAULT;\n"
      "CREATE TABLE c (id int);\n"
      "SET LOCAL search_path TO rep;\n"
      "RESET statement_timeout;\n"
      "SET search_path FROM CURRENT;\n"
      "CREATE TABLE d (id int);\n"
      "RESET ALL;\n"
      "CREATE TABLE e (id int);\n"
      "SET search_path TO rep;\n"
      "SET LOCAL search_path TO DEFAULT;\n"
      "CREATE TABLE f (id int);";
  MigrationError err;
  REQUIRE(apply_sql(s, "1.sql", sql, {"app", "public"}, nullptr, &err));
  CHECK(s.find("rep", "a"));
  CHECK(s.find("app", "b"));  // the path the migration started with, not "public"
  CHECK(s.find("app", "c"));
  CHECK(s.find("rep", "d"));  // other settings' RESET and FROM CURRENT keep the path
  CHECK(s.find("app", "e"));
  CHECK(s.find("app", "f"));
  CHECK(s.relations().size() == 6);
}

TEST_CASE("ALTER COLUMN changes type, nullability and default") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE t (a int, b int DEFAULT 1);"},
                  {"2.sql", "ALTER TABLE t ALTER COLUMN a TYPE bigint, ALTER COLUMN a SET NOT NULL, "
                            "ALTER COLUMN b DROP DEFAULT;"}}) == "");
  const Relation* t = s.find("public", "t");
  CHECK(t->columns[0].type == "int8");
  CHECK(t->columns[0].not_null);
  CHECK_FALSE(t->columns[1].has_default);
  CHECK(history(s) == "alter-type:public.t.a@2.sql:1 set-not-null:public.t.a@2.sql:1");
}

TEST_CASE("identity and generated columns") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, a int, "
                            "b int GENERATED ALWAYS AS (a * 2) STORED);"}}) == "");
  const Relation* t = s.find("public", "t");
  CHECK(t->columns[0].identity);
  CHECK(t->columns[2].generated);
}

TEST_CASE("CREATE TYPE and CREATE SCHEMA with elements") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TYPE mood AS ENUM ('a');\nCREATE SCHEMA app CREATE TABLE things (id int);"}}) == "");
  CHECK(s.types.count("public.mood") == 1);
  CHECK(columns(s, "app", "things") == "id@1.sql:2");
}

TEST_CASE("a DO block with DDL makes its names uncertain") {
  Schema s;
  std::vector<DdlNote> notes;
  CHECK(apply(s, {{"1.sql", "DO $$ BEGIN\n  EXECUTE 'CREATE TABLE shadow_log (id int)';\nEND $$;"}}, &notes) == "");
  CHECK(s.uncertain_names.count("shadow_log") == 1);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].message == "DO block with DDL skipped: the names it mentions are not reported as missing");
  CHECK(line_of(notes[0].origin) == 1);
}

TEST_CASE("ALTER of a relation no migration creates: adopted with unknown columns") {
  Schema s;
  std::vector<DdlNote> notes;
  CHECK(apply(s, {{"1.sql", "ALTER TABLE legacy ADD COLUMN flag boolean;"}}, &notes) == "");
  const Relation* r = s.find("public", "legacy");
  REQUIRE(r);
  CHECK_FALSE(r->columns_complete);
  CHECK(columns(s, "public", "legacy") == "flag@1.sql:1");
}

TEST_CASE("statements that change no relation pass through") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE t (a int);\nCREATE INDEX ON t (a);\nGRANT SELECT ON t TO PUBLIC;\n"
                            "COMMENT ON TABLE t IS 'x';\nINSERT INTO t VALUES (1);\nCREATE EXTENSION IF NOT EXISTS pgcrypto;"}}) == "");
  CHECK(columns(s, "public", "t") == "a@1.sql:1");
}

TEST_CASE("a migration that does not parse names file, line and column") {
  Schema s;
  CHECK(apply(s, {{"migrations/2.sql", "CREATE TABLE ok (a int);\nALTER TABLE ok ADD COLUMN b intt NOT NUL;"}}) ==
        "migrations/2.sql:2:38: syntax error at or near \"NUL\"");
}

TEST_CASE("a DO block of plain statements (Drizzle's duplicate_object guard) is applied, names stay certain") {
  Schema s;
  std::vector<DdlNote> notes;
  CHECK(apply(s, {{"0000_init.sql",
                   "CREATE TABLE \"projects\" (\"id\" serial PRIMARY KEY);\n"
                   "CREATE TABLE \"tasks\" (\"id\" serial PRIMARY KEY, \"project_id\" integer);\n"
                   "DO $$ BEGIN\n"
                   " ALTER TABLE \"tasks\" ADD CONSTRAINT \"tasks_project_id_fk\" FOREIGN KEY (\"project_id\") "
                   "REFERENCES \"projects\"(\"id\") ON DELETE cascade;\n"
                   "EXCEPTION\n"
                   " WHEN duplicate_object THEN null;\n"
                   "END $$;\n"}},
              &notes) == "");
  CHECK(s.uncertain_names.empty());
  CHECK(notes.empty());
  CHECK(columns(s, "public", "tasks") == "id@0000_init.sql:2 project_id@0000_init.sql:2");
}

TEST_CASE("a DO block's CREATE TABLE and ADD COLUMN keep the lines they are written on") {
  Schema s;
  std::vector<DdlNote> notes;
  CHECK(apply(s, {{"1.sql",
                   "-- guarded\n"
                   "DO $guard$\n"
                   "BEGIN\n"
                   "  CREATE TABLE audit (\n"
                   "    id bigint,\n"
                   "    note text\n"
                   "  );\n"
                   "  ALTER TABLE audit ADD COLUMN at timestamptz;\n"
                   "EXCEPTION WHEN duplicate_table THEN null;\n"
                   "END\n"
                   "$guard$;\n"
                   "DO 'BEGIN\n"
                   "  CREATE TABLE \"it''s\" (\n"
                   "    a text DEFAULT ''x'',\n"
                   "b int);\n"  // three doubled quotes before it: unmapped, it would land on line 14
                   "END';\n"}},
              &notes) == "");
  CHECK(columns(s, "public", "audit") == "id@1.sql:5 note@1.sql:6 at@1.sql:8");
  CHECK(line_of(s.find("public", "audit")->origin) == 4);
  CHECK(columns(s, "public", "it's") == "a@1.sql:14 b@1.sql:15");
  CHECK(s.uncertain_names.empty());
  CHECK(notes.empty());
}

TEST_CASE("a DO block that is real PL/pgSQL still makes its names uncertain") {
  // IF, EXECUTE format(...) (which PostgreSQL's SQL grammar reads as EXECUTE of a prepared
  // statement), DECLARE, and a body with a label are not plain statements.
  const char* bodies[] = {
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'mood_log') THEN "
      "CREATE TABLE mood_log (id int); END IF; END $$;",
      "DO $$ BEGIN EXECUTE format('CREATE TABLE %I (id int)', 'mood_log'); END $$;",
      "DO $$ DECLARE t text := 'x'; BEGIN CREATE TABLE mood_log (id int); END $$;",
      "DO $$ <<outer>> BEGIN CREATE TABLE mood_log (id int); END outer $$;",
      "DO $$ BEGIN CREATE TABLE mood_log (id int); BEGIN ALTER TABLE mood_log ADD COLUMN m int; END; END $$;",
      // The handler runs when the block fails, and changes the schema then.
      "DO $$ BEGIN CREATE TABLE mood_log (id int); EXCEPTION WHEN duplicate_table THEN "
      "ALTER TABLE mood_log ADD COLUMN id2 int; END $$;",
  };
  for (const char* body : bodies) {
    CAPTURE(body);
    Schema s;
    std::vector<DdlNote> notes;
    CHECK(apply(s, {{"1.sql", body}}, &notes) == "");
    CHECK(s.uncertain_names.count("mood_log") == 1);
    CHECK(s.find("public", "mood_log") == nullptr);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].message == "DO block with DDL skipped: the names it mentions are not reported as missing");
  }
}

TEST_CASE("a function body's uncertain names: what its DDL and EXECUTEd constants spell, or all its words") {
  struct Case {
    const char* body;
    std::vector<const char*> uncertain;  ///< these are uncertain
    std::vector<const char*> certain;    ///< these are not
  };
  const Case cases[] = {
      // EXECUTE of a DROP INDEX built from a constant template: nothing is created or changed by name.
      {"CREATE FUNCTION f(p text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "UPDATE jobs SET paused_at = NULL; EXECUTE format('DROP INDEX %I', p); END $$;",
       {},
       {"paused_at", "jobs"}},
      // Static DDL: its statement's words only; an ALTER TABLE of columns keeps its table, whose
      // other columns stay as they were.
      {"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "UPDATE jobs SET paused_at = NULL; IF true THEN ALTER TABLE audit ADD COLUMN seen_at timestamptz; END IF; END $$;",
       {"seen_at"},
       {"paused_at", "jobs", "audit"}},
      {"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN IF true THEN "
       "ALTER TABLE \"audit\" RENAME COLUMN seen TO seen_at, ADD COLUMN by_id int; END IF; END $$;",
       {"seen", "seen_at", "by_id"},
       {"audit"}},
      // A table renamed or moved: its name is uncertain.
      {"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "IF true THEN ALTER TABLE audit RENAME TO audit_old; END IF; END $$;",
       {"audit", "audit_old"},
       {}},
      {"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "IF true THEN ALTER TABLE audit ADD COLUMN extra int, SET SCHEMA archive; END IF; END $$;",
       {"audit", "extra"},
       {}},
      // A constant that adds a column: its words.
      {"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "UPDATE jobs SET paused_at = NULL; EXECUTE 'ALTER TABLE audit ADD COLUMN seen_at int'; END $$;",
       {"audit", "seen_at"},
       {"paused_at"}},
      // An ADD COLUMN under a name built at run time: every word of the body.
      {"CREATE FUNCTION f(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "UPDATE jobs SET paused_at = NULL; EXECUTE format('ALTER TABLE %I ADD COLUMN x int', t); END $$;",
       {"paused_at", "jobs"},
       {}},
      {"CREATE FUNCTION f(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "UPDATE jobs SET paused_at = NULL; EXECUTE 'CREATE TABLE ' || t || ' (id int)'; END $$;",
       {"paused_at", "jobs"},
       {}},
      // EXECUTE of a variable: anything.
      {"CREATE FUNCTION f(q text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
       "UPDATE jobs SET paused_at = NULL; EXECUTE q; END $$;",
       {"paused_at", "jobs"},
       {}},
      // A query whose rows are read (RETURN QUERY EXECUTE, FOR ... IN EXECUTE, OPEN ... FOR
      // EXECUTE) changes no schema, whatever text it runs.
      {"CREATE FUNCTION f(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$ DECLARE r record; c refcursor; BEGIN "
       "RETURN QUERY EXECUTE q USING 1; FOR r IN EXECUTE 'SELECT name FROM objects WHERE ' || q LOOP END LOOP; "
       "OPEN c FOR EXECUTE q; END $$;",
       {},
       {"objects", "name", "q"}},
      // Only the owner built at run time: an owner changes no columns.
      {"DO $$ DECLARE su text = current_setting('app.owner', true); BEGIN "
       "EXECUTE 'ALTER TABLE storage.objects OWNER TO ' || su; END $$;",
       {},
       {"objects", "storage", "su"}},
      // Roles built at run time: no relation.
      {"DO $$ DECLARE su text = 'x'; BEGIN EXECUTE 'CREATE USER ' || su || ' NOINHERIT LOGIN'; "
       "EXECUTE 'ALTER USER ' || su || ' SET search_path = \"storage\"'; EXECUTE 'alter role ' || su || ' createrole'; "
       "UPDATE objects SET name = 'a'; END $$;",
       {},
       {"objects", "storage", "su", "name"}},
      // ... but a constant after the run-time piece may say more than the owner.
      {"DO $$ DECLARE su text = 'x'; BEGIN "
       "EXECUTE 'ALTER TABLE objects OWNER TO ' || su || ', ADD COLUMN extra int'; END $$;",
       {"objects", "su"},
       {}},
      // An index or a trigger guarded by IF: its name only; the table and columns after ON are read.
      {"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'item_owner_idx') THEN "
       "CREATE INDEX IF NOT EXISTS item_owner_idx ON public.item USING btree (owner_id); END IF; "
       "IF true THEN CREATE OR REPLACE TRIGGER item_touch BEFORE UPDATE OF label ON item FOR EACH ROW "
       "EXECUTE FUNCTION touch(); END IF; END $$;",
       {"item_owner_idx", "item_touch"},
       {"item", "owner_id", "label", "public"}},
      // ... but a unique index is a fact about the columns (ON CONFLICT): its words stay uncertain.
      {"DO $$ BEGIN IF true THEN CREATE UNIQUE INDEX shelf_aisle_key ON shelf (aisle); END IF; END $$;",
       {"shelf_aisle_key", "shelf", "aisle"},
       {}},
      // A foreign key's target is read, not changed: its table and columns stay certain.
      {"DO $$ BEGIN CREATE TABLE IF NOT EXISTS tokens (id int, user_id uuid REFERENCES auth.users (id) ON DELETE CASCADE, "
       "owner_id int REFERENCES owners); BEGIN CREATE INDEX t_idx ON tokens USING hash (user_id); "
       "EXCEPTION WHEN others THEN CREATE INDEX t_idx ON tokens (user_id); END; END $$;",
       {"tokens", "user_id", "owner_id"},
       {"users", "auth", "owners"}},
  };
  for (const Case& c : cases) {
    std::string body_text(c.body);
    CAPTURE(body_text);
    Schema s;
    std::vector<DdlNote> notes;
    CHECK(apply(s, {{"1.sql", c.body}}, &notes) == "");
    for (const char* n : c.uncertain) CHECK_MESSAGE(s.uncertain_names.count(n) == 1, std::string(n));
    for (const char* n : c.certain) CHECK(s.uncertain_names.count(n) == 0);
  }
}

TEST_CASE("ALTER TYPE ... RENAME TO renames the type, not a relation") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TYPE kind_next AS ENUM ('a', 'b');\n"
                            "CREATE TABLE q (k kind_next);\n"
                            "ALTER TYPE kind_next RENAME TO kind;"}}) == "");
  CHECK(s.types.count("public.kind") == 1);
  CHECK(s.types.count("public.kind_next") == 0);
  CHECK(columns(s, "public", "q") == "k@1.sql:2");
}

TEST_CASE("CREATE EXTENSION ... SCHEMA records a schema of its own, not one on the search path") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE SCHEMA pgmq;\n"
                            "CREATE EXTENSION IF NOT EXISTS pgmq WITH SCHEMA pgmq;\n"
                            "CREATE EXTENSION vector SCHEMA public;"}}) == "");
  CHECK(s.extension_schemas == std::set<std::string>{"pgmq"});
}

TEST_CASE("psql variables in a migration (graphile-migrate) are read as placeholders") {
  Schema s;
  std::vector<DdlNote> notes;
  CHECK(apply(s, {{"migrations/committed/000001.sql",
                   "GRANT ALL ON SCHEMA public TO :DATABASE_OWNER;\n"
                   "CREATE TABLE app_users (id int, name text DEFAULT :'default_name');\n"
                   "ALTER TABLE app_users OWNER TO :\"DATABASE_OWNER\";\n"
                   "SELECT id::text, ':kept' FROM app_users;"}},
              &notes) == "");
  CHECK(columns(s, "public", "app_users") == "id@migrations/committed/000001.sql:2 name@migrations/committed/000001.sql:2");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].message == "psql variables (:NAME) read as placeholders");
  // A real syntax error is still one, reported at its own position.
  Schema t;
  CHECK(apply(t, {{"m.sql", "GRANT ALL ON SCHEMA public TO :OWNER;\nCREATE TABLE x (a int,);"}}) ==
        "m.sql:1:31: syntax error at or near \":\"");
}

TEST_CASE("an origin keeps the bytes of what created it; its line is the one those bytes are on") {
  Schema s;
  std::string sql = "CREATE TABLE a (id int);\n\n/* the b table */ -- and more\nCREATE TABLE b (\n  id int,\n  name text\n);\n"
                    "ALTER TABLE b ADD COLUMN note text;\n"
                    "/* f */ CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$";
  CHECK(apply(s, {{"1.sql", sql}}) == "");
  // A relation's origin is its name in the statement that creates it.
  const Relation* b = s.find("public", "b");
  REQUIRE(b);
  REQUIRE(b->origin.offset);
  CHECK(*b->origin.offset == sql.find("b (\n"));
  CHECK(b->origin.length == 0);
  CHECK(line_of(b->origin) == 4);
  // A column's origin is its definition.
  const Column* name = b->find_column("name");
  REQUIRE(name);
  REQUIRE(name->origin.offset);
  CHECK(sql.compare(*name->origin.offset, 9, "name text") == 0);
  const Column* note = b->find_column("note");
  REQUIRE(note);
  REQUIRE(note->origin.offset);
  CHECK(line_of(note->origin) == 8);
  // A statement's origin is its first token (past the comments before it) and its bytes; the
  // last statement has no `;`.
  auto f = s.functions.find("public.f");
  REQUIRE(f != s.functions.end());
  REQUIRE(f->second.front().origin.offset);
  size_t at = *f->second.front().origin.offset;
  CHECK(at == sql.find("CREATE FUNCTION"));
  CHECK(sql.substr(at, f->second.front().origin.length) == "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$");
  CHECK(line_of(f->second.front().origin) == 9);
}

TEST_CASE("a function keeps its arguments' types as CREATE FUNCTION resolved them") {
  Schema s;
  CHECK(apply(s, {{"1.sql", "CREATE TABLE people (id int); CREATE SCHEMA hr; CREATE TABLE hr.teams (id int);"
                            "CREATE FUNCTION f(p people, t hr.teams, n int, ps people[], x people.id%TYPE, u no_such_type)"
                            " RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"}}) == "");
  auto f = s.functions.find("public.f");
  REQUIRE(f != s.functions.end());
  CHECK(f->second.front().arg_types ==
        std::vector<std::string>{"public.people", "hr.teams", "pg_catalog.int4", "public.people[]", "", ""});
}

TEST_CASE("Scripts in no told order: a CREATE takes in the keys and columns statements gave the relation before it") {
  auto file = [](std::string path, std::string version, std::string sql) {
    schemagate::schema::migrations::MigrationFile m;
    m.path = std::move(path);
    m.version = std::move(version);
    m.format = "plain";
    m.sql = std::move(sql);
    return m;
  };
  auto run = [](const std::vector<schemagate::schema::migrations::MigrationFile>& files, Schema* s) {
    std::vector<DdlNote> notes;
    for (auto& f : files) {
      MigrationError err;
      REQUIRE(schemagate::schema::apply_migration(*s, f, {"public"}, &notes, &err));
    }
    return notes.size();
  };
  const std::string alter = "ALTER TABLE jobs ADD COLUMN attempts int;";
  const std::string index = "CREATE UNIQUE INDEX jobs_key ON jobs (queue, key); ALTER TABLE jobs ADD PRIMARY KEY (id);";
  const std::string create = "CREATE TABLE IF NOT EXISTS jobs (id bigint, queue text, key text);";
  SUBCASE("unnumbered files of a plain folder: their order is a guess") {
    Schema s;
    CHECK(run({file("sql/add_attempts.sql", "", alter), file("sql/create_indexes.sql", "", index),
               file("sql/create_tables.sql", "", create)},
              &s) == 2);  // adopted (the index and key go to it); merged
    const Relation* jobs = s.find("public", "jobs");
    REQUIRE(jobs);
    CHECK(columns(s, "public", "jobs").find("attempts@") != std::string::npos);
    CHECK(columns(s, "public", "jobs").find("key@") != std::string::npos);
    CHECK(jobs->columns_complete);
    REQUIRE(jobs->unique_keys.size() == 2);
    CHECK(jobs->unique_keys[0].name == "jobs_key");
    CHECK(jobs->unique_keys[1].columns == std::vector<std::string>{"id"});
    CHECK(s.adopted.empty());
    CHECK(s.pending_keys.empty());
  }
  SUBCASE("a dropped column since: the list stays open") {
    Schema s;
    run({file("sql/a.sql", "", alter + " ALTER TABLE jobs DROP COLUMN legacy;"), file("sql/b.sql", "", create)}, &s);
    REQUIRE(s.find("public", "jobs"));
    CHECK_FALSE(s.find("public", "jobs")->columns_complete);
  }
  SUBCASE("numbered files run in their order: the relation existed before the migrations") {
    Schema s;
    run({file("sql/001_alter.sql", "001", alter), file("sql/002_create.sql", "002", create)}, &s);
    const Relation* jobs = s.find("public", "jobs");
    REQUIRE(jobs);
    CHECK_FALSE(jobs->columns_complete);  // CREATE TABLE IF NOT EXISTS of a table there already
    Schema t;
    run({file("sql/001_index.sql", "001", index), file("sql/002_create.sql", "002", create)}, &t);
    REQUIRE(t.find("public", "jobs"));
    CHECK(t.find("public", "jobs")->unique_keys.empty());  // the index failed on a missing table
    CHECK(t.pending_keys.empty());
  }
  SUBCASE("keys given first, in an unnumbered file") {
    Schema s;
    CHECK(run({file("sql/create_indexes.sql", "", index), file("sql/create_tables.sql", "", create)}, &s) == 2);
    REQUIRE(s.find("public", "jobs"));
    CHECK(s.find("public", "jobs")->unique_keys.size() == 2);
    CHECK(s.find("public", "jobs")->columns_complete);
  }
}
