// schemagate status: the repository's migrations against the database's tracking tables:
// applied, pending, failed, and applied-but-unknown to the repository. Exit 1 when one failed.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyzers/pipeline/live.h"
#include "cli/commands.h"

namespace schemagate::cli {

int run_status(const CommonOptions& options) {
  using schema::catalog::MigrationStatus;
  source::RealFileSystem fs(options.pipeline.root);
  pipeline::SchemaBuild build;
  if (!load_schema(fs, options, &build)) return kCannotDecide;
  std::unique_ptr<schema::catalog::CatalogReader> reader;
  if (!open_catalog(options, &reader)) return kCannotDecide;
  if (!reader) return fail("status needs a database: pass --database-url URL (or set DATABASE_URL) or --schema-snapshot FILE");
  pipeline::LiveState live;
  std::string err;
  if (!pipeline::prepare_live(fs, options.pipeline, build, *reader, &live, &err)) return fail(err);

  int counts[4] = {0, 0, 0, 0};
  for (auto& s : live.states) ++counts[static_cast<int>(s.status)];
  if (options.format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (auto& s : live.states) {
      rows.push_back({{"status", schema::catalog::migration_status_name(s.status)},
                      {"version", s.version},
                      {"path", s.path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.path)},
                      {"table", s.table.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.table)},
                      {"detail", s.detail}});
    }
    nlohmann::ordered_json out;
    out["version"] = 1;
    out["migrations"] = rows;
    out["summary"] = {{"applied", counts[0]}, {"pending", counts[1]}, {"failed", counts[2]}, {"unknown", counts[3]}};
    std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    size_t wv = 7;
    for (auto& s : live.states) wv = std::max(wv, s.version.size());
    std::cout << "STATUS   " << "VERSION" << std::string(wv - 7 + 2, ' ') << "MIGRATION\n";
    for (auto& s : live.states) {
      std::string st = schema::catalog::migration_status_name(s.status);
      std::string what = s.path.empty() ? "(not in the repository; recorded in " + s.table + ")" : s.path;
      if (!s.detail.empty() && s.status != MigrationStatus::Applied && s.status != MigrationStatus::Pending)
        what += "  [" + s.detail + "]";
      std::cout << st << std::string(9 - st.size(), ' ') << s.version << std::string(wv - s.version.size() + 2, ' ')
                << what << "\n";
    }
    if (!options.quiet)
      std::cout << "schemagate: " << counts[0] << " applied, " << counts[1] << " pending, " << counts[2] << " failed, "
                << counts[3] << " unknown to the repository\n";
  }
  return counts[static_cast<int>(MigrationStatus::Failed)] > 0 ? kFindings : kClean;
}

}  // namespace schemagate::cli
