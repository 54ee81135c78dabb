// The schema as JSON, both ways. `schemagate schema --format json` writes it (from migrations or
// from a live database, then with the tracking tables and search path: a catalog snapshot), and
// `check --schema-snapshot FILE` reads it back for CI jobs that cannot reach the database.
// The format is versioned ("version": 1); fields are only ever added.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "analyzers/schema/catalog/catalog_reader.h"

namespace schemagate::schema {

/// The line where an origin is (report::Locator::line): snapshots record lines.
using OriginLine = std::function<int(const Origin&)>;

/// Relations with their columns, the schemas and the search path; with `tracking` (may be
/// empty) for a catalog snapshot. `source` is "migrations" or "database". `line_at` gives each
/// origin's line (null: the line an origin recorded).
nlohmann::ordered_json snapshot_to_json(const Schema& schema, const std::vector<std::string>& search_path,
                                        const std::vector<catalog::TrackingTable>* tracking, const std::string& source,
                                        const OriginLine& line_at = nullptr);

/// Reads a snapshot written by snapshot_to_json. False with a one-line reason on bad input.
bool snapshot_from_json(const std::string& text, catalog::CatalogSnapshot* out, std::string* err);

}  // namespace schemagate::schema
