// The requirements manifest: what the code of one build needs from the database, written in CI
// (where the code and the migrations are) and verified at deploy time (where the database is),
// so the gate holds even where CI may not reach production. It carries everything verify needs
// and nothing it would have to recompute: each requirement already resolved to schema, relation
// and column, the places that need it (file:line:column), the migration of the repository that
// creates it, the migration set (versions as the tracking tables record them, SHA-256 of each
// file), the code revision, and what the scan left unchecked and why. Verify reads no source,
// parses no SQL: one catalog read, then a comparison.
//
// The bytes are a contract (docs/manifest.md): JSON, one object per line inside the arrays so
// that a diff shows what changed, every list sorted, no time stamps: the same tree gives the same
// bytes. "version" changes only when a reader of the old version would misread the new one.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/pipeline/pipeline.h"
#include "analyzers/requirements/requirement.h"

namespace schemagate::manifest {

inline constexpr int kVersion = 1;
inline constexpr const char* kFormatName = "schemagate-manifest";

struct MigrationEntry {
  std::string path;     ///< root-relative, as findings name it
  std::string version;  ///< as the tool records it in its tracking table
  std::string name;
  std::string format;   ///< a migrations::Format name
  std::string sha256;   ///< of the file's bytes
  bool repeatable = false;
  std::string drizzle_when;  ///< drizzle-kit journal "when" (ms), which its tracking rows record
};

/// A place that needs a requirement: 1-based line, column in code points.
struct Place {
  std::string file;
  int line = 0;
  int column = 0;
  requirements::Use use = requirements::Use::Read;
};

struct Entry {
  requirements::Object object = requirements::Object::Relation;
  std::string schema, relation, column;
  std::vector<std::string> candidates;  ///< Column: "schema.name" of the relations that may hold it
  /// The migration that creates it in the schema the migrations build (its newest creation),
  /// with the line; empty when no migration does (check reports it offline).
  schema::Origin created_by;
  /// Set: not judged at verify time either, and why.
  std::string unchecked;
  std::vector<Place> places;  ///< sorted, each once
};

struct UncheckedSite {
  std::string file;
  int line = 0, column = 0;
  std::string via;
  std::string reason;
};

struct Manifest {
  std::string generator;  ///< "schemagate 0.1.0"
  std::string commit;     ///< git HEAD (40 hex) when PATH is in a repository, else ""
  bool dirty = false;     ///< tracked files differ from HEAD
  std::vector<std::string> search_path;
  report::Summary summary;  ///< of the scan (errors and warnings not kept)
  std::vector<MigrationEntry> migrations;  ///< in apply order
  std::vector<Entry> requirements;
  std::vector<UncheckedSite> unchecked;
};

/// Groups the scan's requirements per object and attaches their origins in `build.schema`.
/// `migration_files` holds the bytes of each migration (same order as build.migrations), for
/// checksums; `drizzle_when` the journal times of drizzle migrations by version.
Manifest build(const pipeline::SchemaBuild& build, const pipeline::CodeScan& scan,
               const std::vector<std::string>& migration_files,
               const std::map<std::string, std::string>& drizzle_when);

/// The manifest's bytes.
std::string write(const Manifest& manifest);

/// Reads a manifest. False with one line in *err: not JSON, not a manifest, another version, a
/// field of the wrong kind.
bool read(const std::string& text, Manifest* out, std::string* err);

/// The manifest's migrations as the tracking-table classification takes them (no SQL).
std::vector<schema::migrations::MigrationFile> migration_files(const Manifest& manifest);

const char* use_name(requirements::Use use);

}  // namespace schemagate::manifest
