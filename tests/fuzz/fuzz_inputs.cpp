// Fuzz targets for the small parsers of untrusted text, chosen by the program's name (fuzz_config,
// fuzz_baseline, ...):
//   config        schemagate.yaml (load_config)
//   baseline      .schemagate-baseline.json (read_baseline, apply_baseline)
//   suppressions  schemagate-ignore comments (find_suppressions, apply_suppressions)
//   glob          a glob and a path split at the first '\n', and the input as a .gitignore
//   renderers     findings built from the input, through every renderer (outputs must parse)
//   tracking      tracking-table rows ('\n' rows, '\t' columns, "\N" NULL) for the format the
//                 first byte picks, then classification against two migrations
#include <cstdint>

#include "analyzers/config/config.h"
#include "analyzers/report/baseline.h"
#include "analyzers/report/suppressions.h"
#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/source/discovery.h"
#include "tests/fuzz/fuzz_common.h"

using namespace schemagate;

namespace {

std::string target;  // from argv[0]

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

report::Diagnostic finding(const std::vector<std::string>& parts, size_t i) {
  auto part = [&](size_t k) { return parts.empty() ? std::string() : parts[(i + k) % parts.size()]; };
  report::Diagnostic d;
  d.rule = part(0).empty() ? "missing-column" : part(0);
  d.severity = part(1).size() % 2 ? report::Severity::Error : report::Severity::Warning;
  d.message = part(2);
  d.file = part(3);
  d.line = static_cast<int>(part(4).size());
  d.column = static_cast<int>(part(5).size()) + 1;
  d.width = static_cast<int>(part(6).size());
  d.source_line = part(7);
  d.relation = part(8);
  if (!part(9).empty()) d.column_name = part(9);
  d.help = part(10);
  d.notes.push_back({part(11), 1, part(12)});
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  target = fuzz::variant_of(*argc > 0 ? (*argv)[0] : "", "fuzz_");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string err;
  if (target == "config") {
    config::KnownNames known{{"missing-column", "missing-relation"}, {"golang-migrate", "flyway"}, {"python", "go"}};
    config::Config cfg;
    config::load_config(input, "schemagate.yaml", known, &cfg, &err);
  } else if (target == "baseline") {
    report::Baseline baseline;
    if (report::read_baseline(input, &baseline, &err)) {
      std::vector<report::Diagnostic> ds = {finding(split(input, '"'), 0)};
      std::vector<report::BaselineEntry> gone;
      report::apply_baseline(baseline, &ds, &gone);
      for (auto& g : gone) (void)report::describe_gone(g);
    }
  } else if (target == "suppressions") {
    std::map<std::string, std::vector<report::Suppression>> by_file;
    by_file["a.py"] = report::find_suppressions(input);
    std::vector<report::Diagnostic> ds;
    for (int line = 1; line <= 3; ++line) {
      report::Diagnostic d;
      d.rule = "missing-column";
      d.file = "a.py";
      d.line = line;
      d.column = 1;
      ds.push_back(d);
    }
    std::vector<report::Diagnostic> extra;
    report::apply_suppressions(by_file, &ds, &extra, {{"missing-column", "missing-relation"}, std::nullopt});
    fuzz::check_renderers(extra, {}, {"a.py"});
  } else if (target == "glob") {
    size_t nl = input.find('\n');
    std::string pattern = input.substr(0, nl), path = nl == std::string::npos ? "" : input.substr(nl + 1);
    (void)source::glob_match(pattern, path);
    source::MemoryFileSystem fs;
    fs.add("p/.gitignore", input);
    fs.add("p/" + (path.empty() ? std::string("x.py") : path), "");
    fs.add("p/a/b/c.py", "");
    std::vector<std::string> files;
    source::DiscoveryOptions opt;
    opt.exclude = {pattern};
    source::discover_files(fs, "p", opt, &files, &err);
  } else if (target == "renderers") {
    auto parts = split(input, '\n');
    std::vector<report::Diagnostic> ds;
    for (size_t i = 0; i < std::min<size_t>(parts.size(), 4); ++i) ds.push_back(finding(parts, i));
    fuzz::check_renderers(ds, {}, parts);
  } else if (target == "tracking") {
    if (input.empty()) return 0;
    static const char* formats[] = {"golang-migrate", "dbmate", "sql-migrate", "supabase", "goose",
                                    "flyway",         "sqlx",   "prisma",      "drizzle"};
    std::string format = formats[static_cast<unsigned char>(input[0]) % 9];
    std::vector<schema::catalog::TextRow> rows;
    for (auto& line : split(input.substr(1), '\n')) {
      schema::catalog::TextRow row;
      for (auto& field : split(line, '\t')) row.push_back(field == "\\N" ? std::nullopt : std::optional<std::string>(field));
      rows.push_back(row);
    }
    schema::catalog::TrackingTable table;
    if (!schema::catalog::parse_tracking_rows({format, "public", "t", ""}, rows, &table, &err)) return 0;
    std::vector<schema::migrations::MigrationFile> files(2);
    files[0].path = "migrations/1_a.up.sql", files[0].version = "1", files[0].format = format;
    files[1].path = "migrations/2_b.up.sql", files[1].version = "2", files[1].format = format;
    std::vector<schema::catalog::TrackingTable> tables = {table};
    (void)schema::catalog::classify_migrations(files, tables, {});
    (void)schema::catalog::check_tracking_agreement(tables, &err);
  }
  return 0;
}
