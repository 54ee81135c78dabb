// Several services in one repository, each migrating its own database (pipeline/services.h):
// each code file is checked against its own service's sets, a file under no service's root
// against all of them, and sets that alter one another's tables are one database after all.
#include <doctest/doctest.h>

#include "analyzers/pipeline/run.h"

using namespace schemagate;

namespace {

struct Run {
  bool ok = false;
  std::string error;
  pipeline::SchemaBuild build;
  std::vector<std::string> findings;  ///< "file:line:column rule: message [| note file:line: message]"
};

Run run(const source::FileSystem& fs, schema::catalog::CatalogReader* catalog = nullptr) {
  Run r;
  pipeline::Plan plan;
  plan.fs = &fs;
  plan.options.root = "repo";
  plan.options.threads = 1;
  plan.catalog = catalog;
  pipeline::Outcome outcome;
  r.ok = pipeline::build_schema(fs, plan.options, &r.build, &r.error) && pipeline::check_code(plan, r.build, &outcome, &r.error);
  for (auto& d : outcome.scan.diagnostics) {
    std::string f = d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.rule + ": " + d.message;
    for (auto& n : d.notes) f += " | " + n.file + ":" + std::to_string(n.line) + ": " + n.message;
    r.findings.push_back(f);
  }
  return r;
}

/// Two Go services with a go.mod each, both with a `users` table of their own columns, and a
/// shared package under neither.
source::MemoryFileSystem two_services() {
  source::MemoryFileSystem fs;
  fs.add("repo/orders/go.mod", "module example.com/orders\n");
  fs.add("repo/orders/migrations/000001_init.up.sql",
         "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n");
  fs.add("repo/orders/store/orders.go",
         "package store\n\nfunc Open(db *sql.DB) {\n\tdb.Query(\"SELECT o.id, u.email FROM orders o JOIN users u ON u.id = o.user_id\")\n}\n");
  fs.add("repo/billing/go.mod", "module example.com/billing\n");
  fs.add("repo/billing/migrations/000001_init.up.sql",
         "CREATE TABLE users (id bigint PRIMARY KEY, billing_email text);\nCREATE TABLE invoices (id bigint PRIMARY KEY);\n");
  fs.add("repo/billing/store/invoices.go",
         "package store\n\nfunc List(db *sql.DB) {\n\tdb.Query(\"SELECT id, billing_email FROM users\")\n\tdb.Query(\"SELECT id FROM invoices\")\n}\n");
  fs.add("repo/shared/audit/audit.go", "package audit\n\nfunc Seen(db *sql.DB) {\n\tdb.Query(\"SELECT email, billing_email FROM users\")\n}\n");
  return fs;
}

}  // namespace

TEST_CASE("services: each service's code against its own migrations; a shared package against all") {
  auto fs = two_services();
  auto clean = run(fs);
  REQUIRE_MESSAGE(clean.ok, clean.error);
  REQUIRE(clean.build.services.size() == 2);
  CHECK(clean.build.services[0].root == "billing");
  CHECK(clean.build.services[0].root_evidence == "billing/go.mod");
  CHECK(clean.build.services[0].sets == std::vector<std::string>{"billing/migrations"});
  CHECK(clean.build.services[1].root == "orders");
  // shared/audit reads both services' users columns: under no service's root, it gets the union.
  CHECK(clean.findings.empty());
  CHECK(pipeline::service_of(clean.build.services, "orders/store/orders.go") == &clean.build.services[1]);
  CHECK(pipeline::service_of(clean.build.services, "ordersx/a.go") == nullptr);
  CHECK(pipeline::service_of(clean.build.services, "shared/audit/audit.go") == nullptr);
  CHECK(pipeline::service_of(clean.build.services, "orders/store/orders_test.go") == nullptr);

  // Billing's code reads the orders service's table and column: findings for billing, each
  // naming the other service's migration.
  fs.add("repo/billing/store/revenue.go",
         "package store\n\nfunc Revenue(db *sql.DB) {\n\tdb.Query(\"SELECT u.email FROM users u\")\n\tdb.Query(\"SELECT id FROM orders\")\n}\n");
  // A test of the billing service that writes to the orders service's database through the
  // test network's handle is not a finding: tests have no single owner.
  fs.add("repo/billing/store/network_test.go",
         "package store\n\nfunc TestRefund(t *testing.T) {\n\tnet.Orders.DB.Exec(\"UPDATE orders SET user_id = 1\")\n}\n");
  auto cross = run(fs);
  REQUIRE_MESSAGE(cross.ok, cross.error);
  std::string all;
  for (auto& f : cross.findings) all += f + "\n";
  const std::vector<std::string> expected{
            "billing/store/revenue.go:4:21 missing-column: column \"email\" of relation \"users\" does not exist (SQLSTATE "
            "42703): no migration adds it | orders/migrations/000001_init.up.sql:1: another service's migrations "
            "(orders/migrations/) create it; this code's service (billing/) migrates its database with "
            "billing/migrations/ only",
            "billing/store/revenue.go:5:27 missing-relation: relation \"orders\" does not exist (SQLSTATE 42P01): no "
            "migration creates it | orders/migrations/000001_init.up.sql:2: another service's migrations "
            "(orders/migrations/) create it; this code's service (billing/) migrates its database with "
            "billing/migrations/ only"};
  CHECK_MESSAGE(cross.findings == expected, all);
}

TEST_CASE("services: one database cannot stand for several services (live fails closed, naming the sets)") {
  auto fs = two_services();
  schema::catalog::MemoryCatalogReader db(schema::catalog::CatalogSnapshot{});
  auto r = run(fs, &db);
  CHECK_FALSE(r.ok);
  CHECK(r.error ==
        "a database (--database-url, DATABASE_URL or --schema-snapshot) holds one service's schema, but this project holds 2 "
        "services with their own migrations: billing/migrations/ (code under billing/), orders/migrations/ (code under "
        "orders/); check one service at a time (--service billing)");
}

TEST_CASE("services: given migration directories keep one schema for all the code") {
  auto fs = two_services();
  pipeline::Options options;
  options.root = "repo";
  options.migration_dirs = {"billing/migrations", "orders/migrations"};
  pipeline::SchemaBuild build;
  std::string err;
  REQUIRE_MESSAGE(pipeline::build_schema(fs, options, &build, &err), err);
  CHECK(build.services.empty());
}

TEST_CASE("services: a set that alters another's table shares its database: one schema") {
  source::MemoryFileSystem fs;
  fs.add("repo/core/go.mod", "module example.com/core\n");
  fs.add("repo/core/migrations/000001_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
  fs.add("repo/plugins/go.mod", "module example.com/plugins\n");
  fs.add("repo/plugins/migrations/000001_prefs.up.sql", "ALTER TABLE users ADD COLUMN prefs text;\n");
  fs.add("repo/plugins/prefs.go", "package plugins\n\nfunc Prefs(db *sql.DB) {\n\tdb.Query(\"SELECT name, prefs FROM users\")\n}\n");
  auto r = run(fs);
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(r.build.services.empty());
  CHECK(r.build.services_merged.rfind("the sets are applied as one schema: plugins/migrations/000001_prefs.up.sql:1", 0) == 0);
  CHECK(r.findings.empty());
}

TEST_CASE("services: with one go.mod for the repository, the directory that holds a service's schema folders") {
  source::MemoryFileSystem fs;
  fs.add("repo/go.mod", "module example.com/all\n");
  fs.add("repo/internal/services/users/storage/migrations/000001_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
  fs.add("repo/internal/services/messages/storage/migrations/000001_messages.up.sql",
         "CREATE TABLE messages (id bigint PRIMARY KEY);\n");
  fs.add("repo/internal/services/messages/send.go",
         "package messages\n\nfunc Send(db *sql.DB) {\n\tdb.Query(\"SELECT id FROM users\")\n}\n");
  auto r = run(fs);
  REQUIRE_MESSAGE(r.ok, r.error);
  REQUIRE(r.build.services.size() == 2);
  CHECK(r.build.services[0].root == "internal/services/messages");
  CHECK(r.build.services[1].root == "internal/services/users");
  REQUIRE(r.findings.size() == 1);
  CHECK_MESSAGE(r.findings[0].rfind("internal/services/messages/send.go:4:27 missing-relation", 0) == 0, r.findings[0]);
}

TEST_CASE("services: each service's migrations imply its own search path") {
  source::MemoryFileSystem fs;
  fs.add("repo/orders/go.mod", "module example.com/orders\n");
  fs.add("repo/orders/migrations/000001_init.up.sql",
         "CREATE SCHEMA orders;\nCREATE TABLE orders.orders (id bigint PRIMARY KEY, total numeric);\n");
  fs.add("repo/orders/store.go", "package orders\n\nfunc Total(db *sql.DB) {\n\tdb.Query(\"SELECT total FROM orders\")\n}\n");
  fs.add("repo/billing/go.mod", "module example.com/billing\n");
  fs.add("repo/billing/migrations/000001_init.up.sql",
         "CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (id bigint PRIMARY KEY, amount numeric);\n");
  fs.add("repo/billing/store.go",
         "package billing\n\nfunc Amounts(db *sql.DB) {\n\tdb.Query(\"SELECT amount FROM invoices\")\n\tdb.Query(\"SELECT total FROM orders\")\n}\n");
  auto r = run(fs);
  REQUIRE_MESSAGE(r.ok, r.error);
  REQUIRE(r.build.services.size() == 2);
  CHECK(r.build.search_path.empty());  // the two databases disagree: no search path for all
  CHECK(r.build.services[0].search_path == std::vector<std::string>{"billing", "public"});
  CHECK(r.build.services[1].search_path == std::vector<std::string>{"orders", "public"});
  // invoices resolves in billing's own search path; orders is in neither billing's schema nor its database.
  REQUIRE(r.findings.size() == 1);
  CHECK_MESSAGE(r.findings[0].rfind("billing/store.go:5:30 missing-relation", 0) == 0, r.findings[0]);
  CHECK_MESSAGE(r.findings[0].find("| orders/migrations/000001_init.up.sql:2: another service's migrations") !=
                    std::string::npos,
                r.findings[0]);
}

TEST_CASE("services: a set named by a service's tool configuration belongs to that service's code") {
  source::MemoryFileSystem fs;
  fs.add("repo/go.mod", "module example.com/all\n");
  fs.add("repo/sql/reports/migrations/001_reports.up.sql", "CREATE TABLE reports (id bigint PRIMARY KEY);\n");
  fs.add("repo/sql/accounts/migrations/001_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
  fs.add("repo/cmd/reporter/sqlc.yaml",
         "version: \"2\"\nsql:\n  - engine: postgresql\n    schema: ../../sql/reports/migrations\n    queries: queries\n");
  fs.add("repo/cmd/reporter/main.go",
         "package main\n\nfunc run(db *sql.DB) {\n\tdb.Query(\"SELECT id FROM reports\")\n\tdb.Query(\"SELECT id FROM accounts\")\n}\n");
  auto r = run(fs);
  REQUIRE_MESSAGE(r.ok, r.error);
  REQUIRE(r.build.services.size() == 2);
  CHECK(r.build.services[0].root == "cmd/reporter");
  CHECK(r.build.services[0].sets == std::vector<std::string>{"sql/reports/migrations"});
  CHECK(r.build.services[1].root == "sql/accounts");
  REQUIRE(r.findings.size() == 1);
  CHECK_MESSAGE(r.findings[0].rfind("cmd/reporter/main.go:5:27 missing-relation: relation \"accounts\"", 0) == 0, r.findings[0]);
}
