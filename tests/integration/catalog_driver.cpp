// Test driver for tests/integration/test_catalog.sh: reads a live database through
// PostgresCatalogReader and prints the snapshot (and, given a migrations directory, the status of
// each migration) as stable text the script compares byte for byte.
//   catalog_driver [--relations] [--flyway-table NAME] [--root DIR --migrations DIR] URL
// Exit 0 on success; 2 with "error: <message>" on stdout when the reader fails.
#include <iostream>
#include <string>
#include <vector>

#include "analyzers/schema/catalog/catalog_reader.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/source/file_system.h"

namespace catalog = schemagate::schema::catalog;
namespace migrations = schemagate::schema::migrations;

namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

void print_relations(const schemagate::schema::Schema& schema) {
  std::cout << "schemas: " << join({schema.schemas().begin(), schema.schemas().end()}) << "\n";
  for (const auto& [key, r] : schema.relations()) {
    std::cout << "relation " << r.qualified_name() << " " << relation_kind_name(r.kind)
              << (r.origin.file == "database" ? "" : " (origin?)") << "\n";
    for (const auto& c : r.columns)
      std::cout << "  " << c.name << " " << c.type << (c.not_null ? " not_null" : "")
                << (c.has_default ? " default" : "") << (c.generated ? " generated" : "")
                << (c.identity ? " identity" : "") << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool relations = false;
  std::string root = ".", dir, url;
  catalog::TrackingOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--relations") relations = true;
    else if (a == "--flyway-table" && i + 1 < argc) options.table_names["flyway_table"] = argv[++i];
    else if (a == "--root" && i + 1 < argc) root = argv[++i];
    else if (a == "--migrations" && i + 1 < argc) dir = argv[++i];
    else url = a;
  }
  catalog::PostgresCatalogReader reader(url, options);
  catalog::CatalogSnapshot snapshot;
  std::string err;
  if (!reader.read(&snapshot, &err)) {
    std::cout << "error: " << err << "\n";
    return 2;
  }
  std::cout << "search_path: " << join(snapshot.search_path) << "\n";
  if (relations) print_relations(snapshot.schema);
  for (const auto& t : snapshot.tracking) {
    std::cout << "tracking " << t.format << " " << t.table << "\n";
    for (const auto& m : t.rows)
      std::cout << "  " << (m.version.empty() ? "-" : m.version) << " "
                << (m.state == catalog::AppliedState::Failed ? "failed" : "applied")
                << (m.covers_earlier ? " covers_earlier" : "") << (m.name.empty() ? "" : " name=" + m.name)
                << " [" << m.raw << "]\n";
  }
  if (!dir.empty()) {
    schemagate::source::RealFileSystem fs;
    std::vector<migrations::MigrationFile> files;
    std::string format;
    catalog::RecordedKeys times;
    if (!migrations::load_directory(fs, root, dir, &files, &format, &err) ||
        !catalog::read_recorded_keys(fs, root, files, &times, &err)) {
      std::cout << "error: " << err << "\n";
      return 2;
    }
    std::cout << "format: " << format << "\n";
    for (const auto& s : catalog::classify_migrations(files, snapshot.tracking, times))
      std::cout << "status " << migration_status_name(s.status) << " " << (s.version.empty() ? "-" : s.version) << " "
                << (s.path.empty() ? "-" : s.path) << (s.detail.empty() ? "" : " [" + s.detail + "]") << "\n";
  }
  return 0;
}
