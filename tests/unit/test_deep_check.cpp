// The deep check's mapping and filtering through the in-memory preparer: the statements the
// scan hands over (normalised text, byte maps), PostgreSQL's answers turned into findings at
// file:line:column of the host file (character positions, multi-byte text), the SQLSTATEs that
// are not the code's fault, and the statements a static finding already covers.
#include <doctest/doctest.h>

#include "analyzers/pipeline/deep_check.h"

using namespace schemagate;

namespace {

const char* kMigration =
    "CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz);\n"
    "CREATE TABLE orders (id bigserial PRIMARY KEY, account_id bigint, note text);\n";

// Line 2 holds a multi-byte character before the SQL: columns count code points.
const char* kCode =
    "def a(cur, x):\n"
    "    # \xc3\xa9t\xc3\xa9\n"
    "    cur.execute(\"SELECT id, email FROM accounts JOIN orders ON orders.account_id = accounts.id WHERE note = '\xc3\xa9' AND email = %s\", (x,))\n"
    "def b(cur):\n"
    "    cur.execute(\"SELECT missing FROM accounts\")\n"
    "def c(cur, v):\n"
    "    cur.execute(\"SELECT lower(%s)\", (v,))\n"
    "def d(cur):\n"
    "    cur.execute(\"INSERT INTO accounts (email) VALUES ('a') ON CONFLICT (email) DO NOTHING\")\n"
    "def e(cur):\n"
    "    cur.execute(\"SELECT * FROM schema_migrations\")\n"
    "def f(cur):\n"
    "    cur.execute(\"ALTER TABLE orders ALTER COLUMN note TYPE int USING 0; UPDATE orders SET note = 1\")\n";

struct Scanned {
  source::MemoryFileSystem fs;
  pipeline::SchemaBuild build;
  pipeline::CodeScan scan;
};

void scan(Scanned* s) {
  s->fs.add("app/migrations/0001_init.up.sql", kMigration);
  s->fs.add("app/worker/q.py", kCode);
  pipeline::Options options;
  options.root = "app";
  options.threads = 1;
  std::string err;
  REQUIRE(pipeline::build_schema(s->fs, options, &s->build, &err));
  REQUIRE(pipeline::scan_code(s->fs, options, s->build, &s->scan, &err));
}

const pipeline::CheckedStatement& statement_starting(const pipeline::CodeScan& scan, const std::string& prefix) {
  for (auto& st : scan.statements)
    if (st.sql.text.rfind(prefix, 0) == 0) return st;
  FAIL("no statement starts with " << prefix);
  return scan.statements.front();
}

std::vector<std::string> findings(const pipeline::CodeScan& scan, const std::string& rule) {
  std::vector<std::string> out;
  for (auto& d : scan.diagnostics)
    if (d.rule == rule)
      out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " w" +
                    std::to_string(d.width) + " " + d.message);
  return out;
}

}  // namespace

TEST_CASE("deep check: the scan hands over every whole statement, normalised, ON CONFLICT to be planned; not "
          "statements beside DDL of their own site") {
  Scanned s;
  scan(&s);
  REQUIRE(s.scan.statements.size() == 5);
  CHECK(statement_starting(s.scan, "SELECT lower").sql.text == "SELECT lower($1)");
  const auto& upsert = statement_starting(s.scan, "INSERT");
  CHECK(upsert.plan);
  REQUIRE(upsert.conflict_offset);
  CHECK(upsert.sql.text.substr(*upsert.conflict_offset, 11) == "ON CONFLICT");
  CHECK_FALSE(statement_starting(s.scan, "SELECT id").plan);
}

TEST_CASE("deep check: PostgreSQL's answers become findings at the host file's line and column") {
  Scanned s;
  scan(&s);
  sql::MemoryStatementPreparer pg;
  const auto& join = statement_starting(s.scan, "SELECT id");
  // PostgreSQL's position counts characters: "id" is the 8th; 'é' before x is one character.
  pg.answer(join.sql.text, {false, "42702", "column reference \"id\" is ambiguous", 8});
  const auto& upsert = statement_starting(s.scan, "INSERT");
  pg.answer(upsert.sql.text,
            {false, "42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification", {}});
  pipeline::DeepSummary summary;
  std::string err;
  REQUIRE(pipeline::prepare_statements(pg, s.fs, "app", &s.scan, &summary, &err));
  CHECK(findings(s.scan, "postgres-rejects") ==
        std::vector<std::string>{
            "worker/q.py:3:25 w2 PostgreSQL rejects this statement against the schema the migrations build: column "
            "reference \"id\" is ambiguous (SQLSTATE 42702)",
            "worker/q.py:9:60 w2 PostgreSQL rejects this statement against the schema the migrations build: there is "
            "no unique or exclusion constraint matching the ON CONFLICT specification (SQLSTATE 42P10)"});
  CHECK(summary.statements == 5);
  CHECK(summary.rejected == 2);
}

TEST_CASE("deep check: a position after multi-byte characters in the statement maps to the right column") {
  Scanned s;
  scan(&s);
  sql::MemoryStatementPreparer pg;
  const auto& join = statement_starting(s.scan, "SELECT id");
  // "email" after "'é' AND ": one character less than its byte offset.
  size_t x_byte = join.sql.text.find(" email = ") + 1;
  size_t chars = 0;
  for (size_t i = 0; i <= x_byte; ++i) chars += (static_cast<unsigned char>(join.sql.text[i]) & 0xC0) != 0x80;
  pg.answer(join.sql.text, {false, "42703", "column \"email\" does not exist", chars});
  pipeline::DeepSummary summary;
  std::string err;
  REQUIRE(pipeline::prepare_statements(pg, s.fs, "app", &s.scan, &summary, &err));
  auto found = findings(s.scan, "postgres-rejects");
  REQUIRE(found.size() == 1);
  // Column: 4 spaces + cur.execute(" = 17 code points, then the statement up to x.
  CHECK(found[0].substr(0, 20) == "worker/q.py:3:" + std::to_string(17 + chars) + " w5");
}

TEST_CASE("deep check: what is not the code's fault, and what a static finding already says, is not reported") {
  Scanned s;
  scan(&s);
  REQUIRE(findings(s.scan, "missing-column").size() == 1);  // SELECT missing FROM accounts
  sql::MemoryStatementPreparer pg;
  pg.answer(statement_starting(s.scan, "SELECT missing").sql.text,
            {false, "42703", "column \"missing\" does not exist", 8});
  pg.answer(statement_starting(s.scan, "SELECT lower").sql.text,
            {false, "42725", "function lower(unknown) is not unique", 8});
  pg.answer(statement_starting(s.scan, "SELECT *").sql.text,
            {false, "42P01", "relation \"schema_migrations\" does not exist", 15});
  pg.answer(statement_starting(s.scan, "SELECT id").sql.text,
            {false, "42P18", "could not determine data type of parameter $1", {}});
  pipeline::DeepSummary summary;
  std::string err;
  REQUIRE(pipeline::prepare_statements(pg, s.fs, "app", &s.scan, &summary, &err));
  CHECK(findings(s.scan, "postgres-rejects").empty());
  CHECK(summary.already_reported == 1);
  // PostgreSQL's own error is kept for --verbose: it confirms the static finding.
  REQUIRE(summary.already_reported_at.size() == 1);
  CHECK(summary.already_reported_at[0].find(": column \"missing\" does not exist (SQLSTATE 42703)") != std::string::npos);
  CHECK(summary.not_judged == 3);
}

TEST_CASE("deep check: which SQLSTATEs mean the code is wrong for the schema") {
  auto code = [](const char* state, const char* message) {
    return pipeline::is_code_error({false, state, message, std::nullopt});
  };
  CHECK(code("42883", "function order_total(text) does not exist"));
  CHECK(code("42883", "function account_label(unknown, unknown) does not exist"));
  CHECK(code("42804", "column \"created_at\" is of type timestamp with time zone but expression is of type numeric"));
  CHECK(code("42702", "column reference \"id\" is ambiguous"));
  CHECK(code("22P02", "invalid input value for enum order_status: \"refunded\""));
  CHECK(code("42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification"));
  CHECK(code("42601", "INSERT has more expressions than target columns"));
  CHECK(code("42725", "function f(integer) is not unique"));
  CHECK_FALSE(code("42725", "operator is not unique: unknown + unknown"));
  CHECK_FALSE(code("42P18", "could not determine data type of parameter $1"));
  CHECK_FALSE(code("42P08", "inconsistent types deduced for parameter $1"));
  CHECK_FALSE(code("57014", "canceling statement due to statement timeout"));
  CHECK_FALSE(code("42501", "permission denied for table accounts"));
  CHECK_FALSE(pipeline::is_code_error({true, "", "", std::nullopt}));
}
