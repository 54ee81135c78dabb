// schemagate manifest: the first half of the deploy-time gate. The same scan as `check`, offline
// (a database given through DATABASE_URL is ignored: the manifest describes the code and the
// migrations, not a database), written as the requirements manifest that `verify` reads where
// the database is. Exit 0 once written, whatever the code needs: `check` is the CI gate, the
// manifest is its record.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "analyzers/manifest/manifest.h"
#include "analyzers/pipeline/run.h"
#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/source/git_head.h"
#include "cli/commands.h"

namespace schemagate::cli {

int run_manifest(const CommonOptions& options) {
  source::RealFileSystem fs;
  pipeline::SchemaBuild build;
  if (!load_schema(fs, options, &build)) return kCannotDecide;
  // check's plan, offline: the same phases, against the schema the migrations build.
  pipeline::Plan plan;
  plan.fs = &fs;
  plan.options = options.pipeline;
  pipeline::Outcome outcome;
  std::string err;
  if (!pipeline::check_code(plan, build, &outcome, &err)) return fail(err);
  const pipeline::CodeScan& scan = outcome.scan;

  std::vector<std::string> bytes;
  for (auto& m : build.migrations) {
    std::string text;
    if (!fs.read(source::join_path(options.pipeline.root, m.path), &text, &err))
      return fail("cannot read migration " + m.path + ": " + err);
    bytes.push_back(std::move(text));
  }
  schema::catalog::RecordedKeys drizzle;
  if (!schema::catalog::read_recorded_keys(fs, options.pipeline.root, build.migrations, &drizzle, &err))
    return fail(err);
  source::HeadRevision head;
  if (!source::head_revision(options.pipeline.root, &head, &err)) return fail(err);

  manifest::Manifest m = manifest::build(build, scan, bytes, drizzle);
  m.commit = head.commit;
  m.dirty = head.dirty;
  m.search_path = options.pipeline.search_path;
  std::string text = manifest::write(m);

  if (options.output_file.empty() || options.output_file == "-") {
    std::cout << text;
    std::cout.flush();
  } else {
    // Written beside the target and renamed: a reader never sees half a manifest.
    std::string tmp = options.output_file + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << text;
      out.flush();
      if (!out) return std::remove(tmp.c_str()), fail("cannot write \"" + options.output_file + "\"");
    }
    if (std::rename(tmp.c_str(), options.output_file.c_str()) != 0) {
      std::remove(tmp.c_str());
      return fail("cannot write \"" + options.output_file + "\"");
    }
  }
  if (!options.quiet) {
    size_t uncreated = 0, unchecked = 0;
    for (auto& e : m.requirements) {
      if (!e.unchecked.empty()) ++unchecked;
      else if (e.created_by.empty()) ++uncreated;
    }
    std::cerr << "schemagate: manifest: " << m.requirements.size() << " requirement"
              << (m.requirements.size() == 1 ? "" : "s") << " (" << unchecked << " unchecked), " << m.migrations.size()
              << " migration" << (m.migrations.size() == 1 ? "" : "s") << ", " << m.unchecked.size() << " unchecked site"
              << (m.unchecked.size() == 1 ? "" : "s");
    if (!m.commit.empty()) std::cerr << ", commit " << m.commit.substr(0, 12) << (m.dirty ? " (dirty)" : "");
    if (options.output_file.empty() || options.output_file == "-") std::cerr << "\n";
    else std::cerr << ": " << options.output_file << "\n";
    if (uncreated)
      std::cerr << "schemagate: manifest: " << uncreated << " requirement" << (uncreated == 1 ? "" : "s")
                << " no migration creates (schemagate check reports them)\n";
  }
  return kClean;
}

}  // namespace schemagate::cli
