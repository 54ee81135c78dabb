// Several services in one repository, each with its own database: a monorepo's
// services/a/migrations beside services/a/**/*.go, apps/x/prisma beside apps/x/src. Applying every
// set found to one schema would let service B's code use a table only service A's database gets,
// so each code file is checked against the schema of its own service's sets.
//
// A set belongs to the code of a directory, its service root:
//   - the directory of a tool configuration that names the set (a service's sqlc.yaml,
//     drizzle.config.ts, application.yml), or the nearest directory above it that holds a build
//     manifest (go.mod, package.json, pom.xml, ..., Dockerfile), where the code of a Spring module
//     is;
//   - else the nearest directory above the set that holds a build manifest or a Dockerfile, the
//     unit a team builds and deploys;
//   - else (one manifest for the whole repository), for a set of SQL files, the nearest
//     directory above it whose name is not a schema folder's (services/billing for
//     services/billing/storage/migrations); a framework's apps written in code (Django's
//     accounts/migrations beside catalog/migrations) are one project's, not services;
//   - else the repository root (the whole tree: db/migrations).
// Sets with the same root are one service (a schema set and a seed set). A code file belongs to
// the service whose root is its nearest ancestor; a file under no service's root (a shared
// library) is checked against every set together, as before, and `--verbose` says so. So is a
// test file: integration tests start several services and use each one's database.
//
// Scoping is taken only when it is safe: with two service roots or more, and only while every
// service's migrations apply on their own (a set that alters a table another set creates shares
// that set's database: then all sets are one schema again, and `--verbose` says why).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analyzers/schema/ddl.h"
#include "analyzers/schema/migrations/discover.h"
#include "analyzers/schema/schema.h"
#include "analyzers/source/file_system.h"

namespace schemagate::pipeline {

struct Service {
  std::string root;           ///< root-relative directory whose code it covers; "" the whole tree
  std::string root_evidence;  ///< why that directory ("services/a/go.mod", "services/a/sqlc.yaml names it")
  std::vector<std::string> sets;  ///< migration set directories, root-relative, in path order
  schema::Schema schema;          ///< its sets (and their baseline dumps) applied alone
  /// What built `schema`, in apply order: its dumps, then its migrations (for --postgres, which
  /// migrates one scratch database per service the same way).
  std::vector<schema::migrations::MigrationFile> baseline, migrations;
  /// When nothing states the search path and its migrations create every table in one schema
  /// other than public: that schema, then public (each service's database has its own).
  std::vector<std::string> search_path;
  std::string search_path_evidence;
};

/// Groups the PostgreSQL sets `found` by service root. Sets whose root is the same are one
/// service; the result is in root order. Fewer than two services: every set is one schema.
/// `formats` (set dir -> format) keeps the directory-name rule to SQL file formats: apps of one
/// framework project (Django's accounts/migrations, catalog/migrations) are one database.
std::vector<Service> group_services(const source::FileSystem& fs, const std::string& root,
                                    const std::vector<schema::migrations::FoundSet>& found,
                                    const std::map<std::string, std::string>& formats);

/// Why two services are one application, or "": a service's Gradle build depends on another's
/// module (tolgee's ee/backend/app/build.gradle: implementation(project(":data")), the module of
/// backend/data/ whose Liquibase set makes the core tables): its code is linked into the same
/// program and queries that database.
std::string linked_modules(const source::FileSystem& fs, const std::string& root, const std::vector<Service>& services);

/// Builds each service's schema from its own sets: the dumps in `baseline` that are a baseline of
/// one of its sets (`baseline_of`: dump path -> set dir), then its migrations of `migrations`, in
/// that order. When a service's migrations do not apply alone where they apply together (a set
/// that alters or indexes a table another set creates), the sets share a database: `services` is
/// cleared and *merged says why. Otherwise *notes becomes the services' notes (the union's
/// would hold conflicts between databases that never meet: two services' own `users` tables).
void apply_services(std::vector<Service>* services, const std::vector<schema::migrations::MigrationFile>& baseline,
                    const std::map<std::string, std::string>& baseline_of,
                    const std::vector<schema::migrations::MigrationFile>& migrations,
                    const std::vector<std::string>& search_path, std::vector<schema::DdlNote>* notes,
                    std::string* merged);

/// Why one database (or one throwaway database, or one running revision) cannot stand for
/// several services: names each set and the code it covers, and how to choose one. `what` names
/// the mode ("a database (--database-url)").
std::string one_database_per_service(const std::vector<Service>& services, const std::string& what);

/// The service whose root is the nearest ancestor of the root-relative `file`, or null when the
/// file is under no service's root or is a test (its owner is ambiguous: the union schema applies).
const Service* service_of(const std::vector<Service>& services, const std::string& file);

}  // namespace schemagate::pipeline
