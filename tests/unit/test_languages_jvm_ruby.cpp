// Java, Kotlin and Ruby extractors: exact SQL text, where chosen bytes map in the host file, and
// what is not SQL (JPQL). Holes are written "\x01" in expected text.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/languages/language.h"
#include "analyzers/languages/ruby.h"
#include "analyzers/languages/tree_parser.h"

namespace {

using schemagate::languages::language_for_path;
using schemagate::languages::Language;
using schemagate::languages::Parser;
using schemagate::languages::SqlSite;
using schemagate::languages::Tree;

std::vector<SqlSite> extract(std::string_view path, const std::string& source) {
  const Language* lang = language_for_path(path);
  REQUIRE(lang != nullptr);
  Parser parser(*lang);
  REQUIRE_MESSAGE(parser.ok(), parser.error());
  Tree tree = parser.parse(source);
  schemagate::languages::ExtractInput in{source, tree ? ts_tree_root_node(tree.get()) : TSNode{}, lang};
  std::vector<SqlSite> sites;
  lang->extract(in, &sites);
  return sites;
}

uint32_t origin_of(const SqlSite& site, std::string_view needle) {
  size_t at = site.sql.text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "not in SQL: " << needle);
  return site.sql.host_offset(at);
}

uint32_t find(const std::string& source, std::string_view needle) {
  size_t at = source.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "not in source: " << needle);
  return static_cast<uint32_t>(at);
}

}  // namespace

TEST_CASE("language_for_path: JVM and Ruby") {
  CHECK(language_for_path("src/main/java/A.java")->name == "java");
  CHECK(language_for_path("src/main/kotlin/A.kt")->name == "kotlin");
  CHECK(language_for_path("build.gradle.kts")->name == "kotlin");
  CHECK(language_for_path("app/models/user.rb")->name == "ruby");
}

TEST_CASE("java: text block constant, concatenation, JDBC and JdbcTemplate calls") {
  std::string src =
      "class R {\n"
      "  static final String COLS = \"id, email\";\n"
      "  private static final String Q = \"\"\"\n"
      "      SELECT a\\tb FROM t \\\n"
      "      WHERE id = :id\"\"\";\n"
      "  void f(JdbcTemplate jdbc, Connection c, String where) {\n"
      "    jdbc.query(Q, mapper);\n"
      "    c.prepareStatement(\"SELECT \" + COLS + \" FROM users WHERE \" + where);\n"
      "    jdbc.update(\"UPDATE t SET x = ? WHERE id = ?\", 1, 2);\n"
      "    executor.execute(() -> run());\n"
      "  }\n"
      "}\n";
  auto sites = extract("R.java", src);
  REQUIRE(sites.size() == 3);
  CHECK(sites[0].sql.text == "      SELECT a\tb FROM t       WHERE id = :id");
  CHECK(sites[0].call_name == "query");
  CHECK(origin_of(sites[0], "WHERE") == find(src, "WHERE id = :id"));
  CHECK(sites[1].sql.text == "SELECT id, email FROM users WHERE \x01");
  CHECK(sites[1].call_name == "prepareStatement");
  CHECK(origin_of(sites[1], "email") == find(src, "email"));
  CHECK(sites[2].sql.text == "UPDATE t SET x = ? WHERE id = ?");
  CHECK(sites[2].database_call);
}

TEST_CASE("java: annotations: native @Query and MyBatis are SQL, JPQL is not") {
  std::string src =
      "import org.springframework.data.jpa.repository.Query;\n"
      "interface Repo {\n"
      "  @Query(\"SELECT c FROM Customer c\")\n"
      "  List<Customer> all();\n"
      "  @Query(value = \"SELECT * FROM customers WHERE phone = ?1\", nativeQuery = true)\n"
      "  Customer byPhone(String p);\n"
      "  @Select({\"SELECT id\", \"FROM customers WHERE id = #{id}\"})\n"
      "  Customer one(long id);\n"
      "  default void g(EntityManager em) { em.createQuery(\"SELECT o FROM Order o\"); }\n"
      "}\n";
  auto sites = extract("Repo.java", src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "SELECT * FROM customers WHERE phone = ?1");
  CHECK(sites[0].call_name == "Query");
  CHECK(sites[1].sql.text == "SELECT id FROM customers WHERE id = \x01");
  CHECK(sites[1].call_name == "Select");
  CHECK(origin_of(sites[1], "\x01") == find(src, "#{id}"));
}

TEST_CASE("java: Spring Data JDBC's @Query is SQL; String.format and formatted()") {
  std::string src =
      "import org.springframework.data.jdbc.repository.query.Query;\n"
      "interface Repo {\n"
      "  @Query(\"SELECT * FROM accounts WHERE id = :id\")\n"
      "  Account one(long id);\n"
      "  default void f() { jdbc.queryForList(String.format(\"SELECT %s FROM t\", cols)); }\n"
      "}\n";
  auto sites = extract("Repo.java", src);
  REQUIRE(sites.size() == 2);
  CHECK(sites[0].sql.text == "SELECT * FROM accounts WHERE id = :id");
  CHECK(sites[1].sql.text == "SELECT %s FROM t");
  CHECK(sites[1].call_name == "queryForList");
}

TEST_CASE("kotlin: raw strings with trimIndent, templates, const val, trailing lambdas") {
  std::string src =
      "private const val COLS = \"id, total\"\n"
      "class S(val jdbc: JdbcTemplate) {\n"
      "  fun f(id: Long) {\n"
      "    jdbc.query(\"\"\"\n"
      "      SELECT a FROM t WHERE x = \\n\n"
      "    \"\"\".trimIndent(), mapper) { rs, _ -> 1 }\n"
      "    exec(\"UPDATE orders SET paid = true WHERE id = $id\")\n"
      "    val q = \"SELECT \" + COLS + \" FROM orders WHERE id = ${id}\"\n"
      "    jdbc.queryForObject(q, Long::class.java)\n"
      "  }\n"
      "  @Query(\"SELECT o FROM Order o\") fun all(): List<Order>\n"
      "}\n";
  auto sites = extract("S.kt", src);
  REQUIRE(sites.size() == 3);
  CHECK(sites[0].sql.text == "\n      SELECT a FROM t WHERE x = \\n\n    ");  // raw: no escapes
  CHECK(sites[0].call_name == "query");
  CHECK(sites[1].sql.text == "UPDATE orders SET paid = true WHERE id = \x01");
  CHECK(sites[1].call_name == "exec");
  CHECK(origin_of(sites[1], "\x01") == find(src, "$id\"") + 1);  // the template's name
  CHECK(sites[2].sql.text == "SELECT id, total FROM orders WHERE id = \x01");
  CHECK(sites[2].call_name == "queryForObject");
}

TEST_CASE("ruby: heredocs, squish, constants, interpolation, connection-only generic calls") {
  std::string src =
      "class Report\n"
      "  TOTALS = <<~SQL.squish\n"
      "    SELECT account_id, sum(amount) FROM entries\n"
      "    WHERE date > #{cutoff}\n"
      "  SQL\n"
      "  def rows\n"
      "    ActiveRecord::Base.connection.select_all(TOTALS)\n"
      "    User.find_by_sql([\"SELECT * FROM users WHERE id = ?\", id])\n"
      "    conn.exec_params('SELECT name FROM accounts WHERE id = $1', [id])\n"
      "    ENV.fetch(key)\n"
      "    DB[\"SELECT id FROM items WHERE kind = ?\", kind].all\n"
      "  end\n"
      "end\n";
  auto sites = extract("report.rb", src);
  REQUIRE(sites.size() == 4);
  CHECK(sites[0].sql.text == "\n    SELECT account_id, sum(amount) FROM entries\n    WHERE date > \x01\n  ");
  CHECK(sites[0].call_name == "select_all");
  CHECK(origin_of(sites[0], "entries") == find(src, "entries"));
  CHECK(origin_of(sites[0], "\x01") == find(src, "#{cutoff}"));
  CHECK(sites[1].sql.text == "SELECT * FROM users WHERE id = ?");
  CHECK(sites[1].call_name == "find_by_sql");
  CHECK(sites[2].sql.text == "SELECT name FROM accounts WHERE id = $1");
  CHECK(sites[2].call_name == "exec_params");
  CHECK(sites[3].sql.text == "SELECT id FROM items WHERE kind = ?");
  CHECK(sites[3].call_name == "[]");
}

TEST_CASE("ruby: a method without parameters returning a heredoc is a named string") {
  std::string src =
      "class Series\n"
      "  def rows\n"
      "    Balance.find_by_sql([query, { id: 1 }])\n"
      "  end\n"
      "  private\n"
      "    def query\n"
      "      <<~SQL\n"
      "        SELECT date, balance FROM balances WHERE account_id = :id\n"
      "      SQL\n"
      "    end\n"
      "end\n";
  auto sites = extract("series.rb", src);
  REQUIRE(sites.size() == 1);
  CHECK(sites[0].call_name == "find_by_sql");
  CHECK_FALSE(sites[0].dynamic);
  CHECK(origin_of(sites[0], "balances") == find(src, "balances"));
}

TEST_CASE("ruby: which .execute( calls may run SQL, read from the text alone") {
  using schemagate::languages::ruby_execute_may_query;
  // The receiver's own method: a runner, an executor, a GraphQL schema given no written SQL.
  CHECK_FALSE(ruby_execute_may_query("runner.execute(action)\n"));
  CHECK_FALSE(ruby_execute_may_query("@executor.execute(scope, args)\nMySchema.execute(query, variables: v)\n"));
  CHECK_FALSE(ruby_execute_may_query("Foo::Runner.execute(job)"));
  CHECK_FALSE(ruby_execute_may_query("no call here"));
  // A connection's, whatever it is given.
  CHECK(ruby_execute_may_query("runner.execute(a)\nconn.execute(sql)\n"));
  CHECK(ruby_execute_may_query("ActiveRecord::Base.connection.execute(sql)"));
  CHECK(ruby_execute_may_query("@pg_conn.execute(q)"));
  CHECK(ruby_execute_may_query("adapter.execute(q)"));
  // SQL written out.
  CHECK(ruby_execute_may_query("worker.execute(<<~SQL)\n  SELECT 1\nSQL\n"));
  CHECK(ruby_execute_may_query("worker.execute( \"DELETE FROM t\")"));
  CHECK(ruby_execute_may_query("worker.execute('DELETE FROM t')"));
  CHECK(ruby_execute_may_query("worker.execute(%q(DELETE FROM t))"));
  CHECK(ruby_execute_may_query("worker.execute(\n  \"DELETE FROM t\")"));
  // Not told by the text: no plain name before the dot.
  CHECK_FALSE(ruby_execute_may_query("pool.checkout.execute(q)"));  // a plain chain: its last name, `checkout`
  CHECK(ruby_execute_may_query("build(x).execute(q)"));
  CHECK(ruby_execute_may_query("conn&.execute(q)"));
  CHECK(ruby_execute_may_query("scope\n  .execute(q)"));
  CHECK(ruby_execute_may_query("worker.execute("));
}

TEST_CASE("ruby: which files may call the database, read from the text alone") {
  using schemagate::languages::ruby_may_call_database;
  const std::vector<std::string_view>& calls = language_for_path("x.rb")->database_calls;
  // Names other libraries define too, on receivers that are no connection, or none.
  CHECK_FALSE(ruby_may_call_database("ENV.fetch(\"KEY\")\nworkflow.run(input)\nexec(\"ls\")\nh[:a]\n", calls));
  CHECK_FALSE(ruby_may_call_database("list.prepare\nTask::run(x)\nrows[0]\nfetch_all\nrunner = 1\n", calls));
  // On a connection: its last name, past `@`, `::`, `&.`, blanks and a line break.
  CHECK(ruby_may_call_database("DB.fetch(q)", calls));
  CHECK(ruby_may_call_database("@conn.exec(q)", calls));
  CHECK(ruby_may_call_database("Sequel::DB::run(q)", calls));
  CHECK(ruby_may_call_database("pg&.prepare(\"s\", q)", calls));
  CHECK(ruby_may_call_database("database\n  .run(q)", calls));
  CHECK(ruby_may_call_database("db[:users]", calls));
  CHECK(ruby_may_call_database("self.raw_connection.exec_params(q, [1])", calls));
  // The names only a database library defines, anywhere.
  CHECK(ruby_may_call_database("find_by_sql(q)", calls));
  CHECK(ruby_may_call_database("runner.execute(action)", calls));
  CHECK(ruby_may_call_database("x.select_all(q)", calls));
  CHECK_FALSE(ruby_may_call_database("x.select_all_rows(q)", calls));  // a longer name
}
