// Which migrations build the schema when none are given: every PostgreSQL migration set and
// schema dump that schema/migrations/discover finds, in path order, the dumps first (a dump
// beside a set that records its versions is that set's baseline: the versions it holds are not
// replayed). Sets and dumps of another engine are kept aside: they are not code either.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzers/pipeline/pipeline.h"

namespace schemagate::pipeline {

struct MigrationPlan {
  std::vector<std::string> dirs;                       ///< PostgreSQL sets, root-relative, in apply order
  std::map<std::string, std::string> evidence;         ///< dir -> why it was taken
  std::vector<schema::migrations::MigrationFile> baseline;  ///< dumps, applied before the sets
  std::map<std::string, std::set<std::string>> in_baseline;  ///< set dir -> versions a dump already holds
  std::map<std::string, std::string> baseline_of;  ///< dump path -> the set dir it is the baseline of
  std::vector<schema::migrations::FoundSet> found;  ///< the PostgreSQL sets, as discovery found them
};

/// When neither --search-path nor the repository states one and the migrations create every
/// table in one schema other than public, that schema (then public) is the search path the
/// application must have: sets out->search_path.
void infer_search_path(SchemaBuild* out);

/// The search path `schema` implies: {S, public} when it creates every table in one schema S
/// other than public (*evidence says so), else empty.
std::vector<std::string> inferred_search_path(const schema::Schema& schema, std::string* evidence);

/// Fills `plan` (and out->other_engines, out->dumps). Fails when the project holds no migrations
/// schemagate reads: *err names what was searched for, or the usual folder of another tool's files.
bool plan_migrations(const source::FileSystem& fs, const Options& options, SchemaBuild* out, MigrationPlan* plan,
                     std::string* err);

/// The .sql files of the other engines' migration sets, root-relative: the tables they create
/// exist in that engine, so the code's references to them are not certain to be missing.
void other_engine_migrations(const source::FileSystem& fs, const std::string& root, const SchemaBuild& build,
                             std::vector<std::string>* out);

/// Whether a root-relative file is schema, not code: a dump read as schema or of another engine,
/// or a migration written in Go.
bool schema_file(const SchemaBuild& build, const std::string& path);

/// What a root-relative file is to the schema, for --changed-since (a change to one may break
/// code that did not change, so every file is checked): "migration" (under a migration directory,
/// or a migration file elsewhere: a Go migration, db/schema.rb), "schema dump" (a dump the schema
/// is built from), "schema file" (tables pushed or created at start-up), "schema source" (any other
/// file the build read and used: GORM's models, a tool's config), or "" for none. `removed`: the
/// file is gone, so the build cannot have read it; it counts when an input of the same extension
/// lies in its directory ("file beside the schema's sources": a model taken out).
std::string schema_source_kind(const SchemaBuild& build, const std::string& path, bool removed);

/// What a directory holds, for a message: "3 .js files, 1 .md file", or "nothing".
std::string describe_contents(const source::FileSystem& fs, const std::string& root, const std::string& dir);

/// A version as the tools compare it for equality ("0003" and "3" differ for none of them).
std::string version_key(const std::string& version);

}  // namespace schemagate::pipeline
