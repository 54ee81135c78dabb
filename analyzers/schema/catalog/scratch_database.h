// The scratch database of the deep check (`check --postgres`): a PostgreSQL database that holds
// the schema the migrations build, so that PostgreSQL itself can judge every statement of the
// code. Either a throwaway cluster that schemagate starts with the installed initdb and postgres
// in a new temporary directory (listening on a Unix socket there only, so no port is shared and
// no TCP client can reach its trust authentication) and removes when done, also when the run ends
// on an error, SIGINT or SIGTERM; or a database the user names with --dev-database-url, which must
// be empty (refused otherwise) and is left holding the migrated schema.
//
// The production database is never a scratch database: against a live --database-url the deep
// check still builds its own scratch database from the migrations.
//
// Only this file and the preparer touch libpq; what leaves is one line, passwords scrubbed.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "analyzers/sql/deep_check.h"

namespace schemagate::schema::catalog {

/// Where the throwaway cluster's programs are: the given directory, else `pg_config --bindir`,
/// else the newest /usr/lib/postgresql/*/bin with initdb and postgres. Empty (and *err set) when
/// none has them.
std::string find_postgres_bindir(const std::string& given, std::string* err);

/// PostgreSQL's answer to one statement the scratch database was asked to run.
using ServerError = sql::PrepareResult;

class ScratchDatabase {
 public:
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  /// Starts a throwaway cluster with the programs in `bindir` (initdb, postgres) and connects to
  /// it. As root the server runs as the user "nobody" (PostgreSQL refuses to run as root).
  static std::unique_ptr<ScratchDatabase> start_cluster(const std::string& bindir, std::string* err);
  /// Connects to `url`, refusing a database that holds anything beyond an empty public schema.
  static std::unique_ptr<ScratchDatabase> connect_empty(const std::string& url, std::string* err);

  /// Runs one statement of a migration (autocommit, as a migration tool would). Returns false
  /// with *err when the server cannot be asked; `out->ok` false when it rejects the statement.
  bool run(const std::string& statement, ServerError* out, std::string* err);

  /// The preparer over this database's connection, once the migrations ran: the session is
  /// reset (what migrations SET does not carry over), `search_path` set, statement_timeout 5s.
  /// Null, with *err, when the server refuses.
  sql::StatementPreparer* preparer(const std::vector<std::string>& search_path, std::string* err);

  /// How it is described in messages: "a throwaway cluster in /tmp/..." or the redacted URL.
  const std::string& description() const { return description_; }

 private:
  ScratchDatabase() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string description_;
};

}  // namespace schemagate::schema::catalog
