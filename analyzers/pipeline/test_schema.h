// Code that runs on another schema than the newest one the migrations build, so that judging its
// SQL against that schema would report what is not wrong: a test that creates its own tables (an
// older schema it migrates from, a fixture), a test that migrates to a named version first, a
// test of an upgrade from an older release whose upgrade folders drop tables, and a .sql script
// whose name says it is a migration run by hand, code that upgrades a database to a named release,
// code that runs the migrator up to a migration it names, a JVM module whose tests start from a
// schema script of their own. These policies are the project's (its migration
// history, its tests), not the pipeline's plumbing: the pipeline builds them once per run, asks
// them once per file, and once per site whether the site is left unchecked and why.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/source/file_system.h"
#include "analyzers/report/line_index.h"
#include "analyzers/sql/resolve.h"

namespace schemagate::pipeline {

struct SchemaBuild;

/// Why a site's SQL meets another schema than the newest: for a person, and the reason id
/// (unchecked_reasons.h).
struct OtherSchema {
  std::string reason;
  std::string_view reason_id;
  /// False: the SQL is no site at all (the DDL of code that upgrades an older database): not
  /// counted, and what it creates is not the newest schema's.
  bool site = true;
};

/// What one file says about the schema its SQL meets (TestSchemas::for_file).
class FileSchema {
 public:
  /// Why a site of this file whose SQL is `sql` does not run on the newest schema, or nothing.
  /// The first that applies of: a table the test creates itself, a migration script run by hand,
  /// a migration version the test names, a table the upgrade folders drop.
  std::optional<OtherSchema> site(std::string_view sql) const;
  /// The same for a data layer's model or call naming relation `name`: a table the test creates
  /// itself, or its module's tests' schema script creates.
  std::optional<OtherSchema> relation(std::string_view name) const;

 private:
  friend class TestSchemas;
  /// In a test file, the tables its own text creates (lower-cased name -> line of the CREATE).
  std::map<std::string, int> test_tables_;
  /// In a test file that creates tables under run-time names: the names its strings hold alone,
  /// any of which it may create (lower-cased name -> line of the CREATE). A query meets one only
  /// where a relation stands (after FROM, JOIN, INTO, UPDATE, TABLE): `"id"` is also a column.
  std::map<std::string, int> run_time_tables_;
  /// A .sql file outside the sets named as a migration (migration_2023.sql): a script run by hand.
  bool manual_migration_ = false;
  /// ... known by its folder's name (db/old_migrations/patch1.sql), not its own.
  bool manual_migration_folder_ = false;
  /// Code that upgrades a database to a named release (upgrader/v320/...): the release's name.
  std::string release_upgrade_;
  /// Code that runs the migrator up to a migration it names (an upgrade script's
  /// `knex.migrate.up({ name: '20250228000022_version_2.js' })`): that migration's file; else empty.
  std::string migrates_to_;
  /// In a test file that names a migration's version: "VERSION (file)"; else empty.
  std::string test_version_;
  /// In a test file: the run's tables the upgrade folders drop; else null.
  const std::map<std::string, std::string>* upgraded_away_ = nullptr;
  /// In a module whose tests start from their own schema script: its tables; else null.
  const std::map<std::string, std::string>* module_init_tables_ = nullptr;
  /// In a test file: the tables the tests' copies of the schema scripts add; else null.
  const std::map<std::string, std::string>* test_install_tables_ = nullptr;
};

/// The run's side: the migration versions a test may name and the tables older releases' upgrade
/// folders drop.
class TestSchemas {
 public:
  TestSchemas() = default;
  /// `upgraded_away`: lower-cased table -> the file that drops it (migration_sets.h
  /// tables_upgraded_away). `migration_versions`: versions of 8 digits or more (timestamps) ->
  /// the migration's file.
  TestSchemas(std::map<std::string, std::string> upgraded_away, std::map<std::string, std::string> migration_versions)
      : upgraded_away_(std::move(upgraded_away)), migration_versions_(std::move(migration_versions)) {}
  /// Of a project: the applied migrations' timestamp versions and the tables its upgrade folders drop.
  static TestSchemas of(const source::FileSystem& fs, const std::string& root, const SchemaBuild& build);

  /// Reads the schema scripts JVM tests start their database from (`.withInitScript("x.sql")` in
  /// `<module>/src/test/...`, loading `<module>/src/test/resources/x.sql`): the module's code
  /// queries the tables those scripts create. `files`: the project's root-relative files.
  void read_module_init_scripts(const source::FileSystem& fs, const std::string& root,
                                const std::vector<std::string>& files);

  /// The policy of one root-relative file whose text is `text` (`lines` its line index).
  FileSchema for_file(const std::string& rel, const std::string& text, const report::LineIndex& lines) const;

 private:
  std::map<std::string, std::string> upgraded_away_;
  std::map<std::string, std::string> migration_versions_;
  /// The migrations whose file names start with a timestamp, by file name less its extension
  /// ("20250228000022_version_2") -> the migration's file: what a migrator is told to run up to.
  std::map<std::string, std::string> migration_names_;
  /// Module (the folder above src/) -> lower-cased table -> "script:line".
  std::map<std::string, std::map<std::string, std::string>> module_init_tables_;
  /// The tables a schema script's test copy creates that the schema lacks (Kill Bill's tests run
  /// util/src/test/resources/.../ddl_test.sql before util/src/main/resources/.../ddl.sql):
  /// lower-cased table -> "script:line".
  std::map<std::string, std::string> test_install_tables_;
};

/// Every `CREATE [VIRTUAL|EXTERNAL|TEMP|TEMPORARY|UNLOGGED|MATERIALIZED] TABLE|VIEW [IF NOT EXISTS] name` in
/// `text`, by words, case-insensitive, with the offset of CREATE; names lower-cased, quotes
/// dropped, a site's run-time fragments (kHole) kept in the name they are part of. Read by words,
/// not parsed: the text may be a test's whole file or another engine's dialect (Spark's CREATE
/// EXTERNAL TABLE).
std::vector<std::pair<sql::CreatedRelation, size_t>> created_tables_in_text(const std::string& text);
/// Every column an `ALTER TABLE [IF EXISTS] [ONLY] name ADD [COLUMN] [IF NOT EXISTS] column` in
/// `text` adds, by words as created_tables_in_text reads them, with the offset of ALTER: as the
/// scan names a column code adds at run time (name "column:<relation>.<column>", the relation's
/// schema when qualified). ADD without COLUMN counts as the statement's first action only.
std::vector<std::pair<sql::CreatedRelation, size_t>> added_columns_in_text(const std::string& text);

}  // namespace schemagate::pipeline
