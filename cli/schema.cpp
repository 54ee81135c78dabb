// schemagate schema: the schema the migrations build, each relation and column with the
// migration file:line that created it.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyzers/schema/snapshot.h"
#include "cli/commands.h"

namespace schemagate::cli {

int run_schema(const CommonOptions& options) {
  source::RealFileSystem fs(options.pipeline.root);
  pipeline::SchemaBuild build;
  std::unique_ptr<schema::catalog::CatalogReader> reader;
  if (!open_catalog(options, &reader)) return kCannotDecide;
  if (reader) {
    // The database's schema: with --format json this is the catalog snapshot that
    // `check --schema-snapshot` reads.
    schema::catalog::CatalogSnapshot snap;
    std::string err;
    if (!reader->read(&snap, &err)) return fail(err);
    if (options.format == "json") {
      std::cout << schema::snapshot_to_json(snap.schema, snap.search_path, &snap.tracking, "database").dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      return kClean;
    }
    build.schema = std::move(snap.schema);
  } else if (!load_schema(fs, options, &build)) {
    return kCannotDecide;
  }
  const auto& schema = build.schema;
  const report::Locator places = pipeline::migration_places(build);
  auto line_at = [&](const schema::Origin& o) { return places.line(o); };
  auto origin = [&](const schema::Origin& o) {
    int line = places.line(o);
    return line ? o.file + ":" + std::to_string(line) : o.file;
  };

  if (options.format == "json") {
    auto out = schema::snapshot_to_json(schema, options.pipeline.search_path, nullptr, "migrations", line_at);
    nlohmann::ordered_json migs = nlohmann::ordered_json::array();
    for (auto& m : build.migrations) migs.push_back({{"path", m.path}, {"version", m.version}, {"format", m.format}});
    out["migrations"] = migs;
    std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return kClean;
  }
  for (auto& [key, r] : schema.relations()) {
    std::cout << r.schema << "." << r.name << " (" << schema::relation_kind_name(r.kind)
              << (r.columns_complete ? "" : ", columns not fully known") << ")  " << origin(r.origin) << "\n";
    size_t wname = 0, wtype = 0;
    for (auto& c : r.columns) {
      wname = std::max(wname, c.name.size());
      wtype = std::max(wtype, c.type.size());
    }
    for (auto& c : r.columns) {
      std::string flags;
      if (c.not_null) flags += " not null";
      if (c.has_default) flags += c.generated ? " generated" : c.identity ? " identity" : " default";
      std::cout << "  " << c.name << std::string(wname - c.name.size() + 2, ' ') << c.type
                << std::string(wtype - c.type.size() + 1, ' ') << flags << (flags.empty() ? " " : "  ")
                << origin(c.origin) << "\n";
    }
  }
  return kClean;
}

}  // namespace schemagate::cli
