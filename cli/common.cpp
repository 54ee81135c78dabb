// What every subcommand shares: the one-line failure and the schema build with --verbose output.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string_view>

#include "analyzers/pipeline/schema_cache.h"
#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/sql/parse_store.h"
#include "analyzers/schema/snapshot.h"

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/rule_docs.h"

namespace schemagate::cli {

int fail(const std::string& message) {
  Progress::erase_active();
  // Several problems found in one run (every migration that does not parse): one line each.
  for (size_t at = 0; at <= message.size();) {
    size_t nl = message.find('\n', at);
    if (nl == std::string::npos) nl = message.size();
    std::cerr << "schemagate: error: " << message.substr(at, nl - at) << "\n";
    at = nl + 1;
  }
  return kCannotDecide;
}

double elapsed_seconds(const CommonOptions& options) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - options.started).count();
}

bool has_rule_page(std::string_view rule) { return find_rule_doc(rule) != nullptr; }

bool resolve_outputs(const std::vector<std::string>& formats, CommonOptions* options) {
  options->outputs.clear();
  std::string to_stdout;
  for (auto& f : formats.empty() ? std::vector<std::string>{"text"} : formats) {
    size_t eq = f.find('=');
    CommonOptions::Output o{f.substr(0, eq), eq == std::string::npos ? "" : f.substr(eq + 1)};
    if (o.file == "-") o.file.clear();
    if (o.file.empty()) {
      if (!to_stdout.empty())
        return fail("--format " + to_stdout + " and --format " + o.format +
                    " both write to stdout: give one a file (--format " + o.format + "=FILE)"),
               false;
      to_stdout = o.format;
      o.file = options->output_file == "-" ? "" : options->output_file;
    }
    options->outputs.push_back(o);
  }
  if (to_stdout.empty() && !options->output_file.empty())
    return fail("-o names the file of the format without one, but every --format names its file"), false;
  options->format = options->outputs.front().format;
  return true;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  auto set = [](const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::string_view(v) != "0";
  };
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  if (set("FORCE_COLOR") || set("CLICOLOR_FORCE")) return true;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO);
}

std::string repository_prefix(const std::string& root) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::weakly_canonical(root.empty() ? "." : root, ec);
  if (ec) return "";
  // The nearest directory up that holds .git (a directory, or a file in a worktree or submodule).
  for (std::filesystem::path at = dir;; at = at.parent_path()) {
    if (std::filesystem::exists(at / ".git", ec)) {
      std::string rel = dir.lexically_relative(at).generic_string();
      return rel.empty() || rel == "." ? "" : rel + "/";
    }
    if (at == at.parent_path()) return "";
  }
}

bool write_output(const std::string& file, const std::string& text) {
  if (file.empty() || file == "-") {
    std::cout << text;
    std::cout.flush();
    return true;
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return fail("cannot write \"" + file + "\""), false;
  return true;
}

namespace {

/// What one migration of `format` is called in messages ("file", Liquibase's "changeSet").
std::string unit_of(const std::string& format) {
  const schema::migrations::Format* f = schema::migrations::format_named(format);
  return std::string(f ? f->unit : "file");
}

}  // namespace

std::string binary_identity() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  auto size = std::filesystem::file_size(exe, ec);
  if (ec) return "";
  auto time = std::filesystem::last_write_time(exe, ec);
  if (ec) return "";
  return std::string(SCHEMAGATE_VERSION) + "\n" + exe.string() + "\n" + std::to_string(size) + "\n" +
         std::to_string(time.time_since_epoch().count());
}

bool load_schema(const source::FileSystem& fs, const CommonOptions& options, pipeline::SchemaBuild* build) {
  std::string err;
  std::string binary = options.schema_cache ? binary_identity() : "";
  std::error_code ec;
  std::string root = std::filesystem::absolute(options.pipeline.root, ec).lexically_normal().string();
  if (!binary.empty() && !ec) {
    pipeline::SchemaCacheKey key{root, binary, &options.pipeline, /*real_files=*/true};
    pipeline::SchemaCacheResult cache;
    if (!pipeline::build_schema_cached(fs, key, pipeline::schema_cache_dir(), build, &err, &cache)) {
      fail(err);
      return false;
    }
    if (options.verbose && !cache.file.empty())  // no cache directory: nothing to say, as with --no-cache
      std::cerr << "schemagate: schema cache: "
                << (cache.hit ? "used " + cache.file
                              : "not used (" + cache.why + ")" + (cache.stored ? "; stored in " + cache.file : ""))
                << "\n";
  } else if (!pipeline::build_schema(fs, options.pipeline, build, &err)) {
    fail(err);
    return false;
  }
  if (options.verbose) {
    for (auto& d : build->dumps)
      std::cerr << "schemagate: schema dump: " << d.path << " (" << d.format << ": " << d.evidence << ")\n";
    for (auto& d : build->directories)
      std::cerr << "schemagate: migrations: " << d.path << "/ (" << d.format << ", " << d.files
                << " " << unit_of(d.format)
                << (d.files == 1 ? "" : "s") << (d.evidence.empty() ? "" : ": " + d.evidence) << ")\n";
    for (auto& s : build->services) {
      std::string sets;
      for (auto& set : s.sets) {
        std::string format;
        for (auto& d : build->directories)
          if (d.path == set) format = d.format;
        sets += (sets.empty() ? "" : ", ") + set + "/ (" + format + ")";
      }
      std::cerr << "schemagate: service " << (s.root.empty() ? std::string(".") : s.root + "/") << ": migrations " << sets
                << " cover the code under it (" << s.root_evidence << ")\n";
      if (!s.search_path.empty())
        std::cerr << "schemagate: service " << (s.root.empty() ? std::string(".") : s.root + "/") << ": search path "
                  << s.search_path[0] << "," << s.search_path[1] << " (" << s.search_path_evidence << ")\n";
    }
    if (!build->services_merged.empty()) std::cerr << "schemagate: services: " << build->services_merged << "\n";
    if (build->service_scope) {
      std::cerr << "schemagate: --service " << (build->service_scope->root.empty() ? "." : build->service_scope->root + "/")
                << ": its code only (tests aside), against its own migrations";
      for (auto& n : build->service_scope->nested) std::cerr << "; " << n << "/ is another service";
      std::cerr << "\n";
    }
    if (!build->search_path.empty()) {
      std::cerr << "schemagate: search path: ";
      for (size_t i = 0; i < build->search_path.size(); ++i) std::cerr << (i ? "," : "") << build->search_path[i];
      std::cerr << " (" << build->search_path_evidence << ")\n";
    }
    for (auto& t : build->template_values)
      std::cerr << "schemagate: template {{ " << t.key << " }} = " << t.value << " (" << t.evidence << ")\n";
    for (auto& d : build->other_engines)
      std::cerr << "schemagate: migrations of another engine, not checked: " << d.path << "/ (" << d.evidence << ")\n";
    for (auto& d : build->not_run)
      std::cerr << "schemagate: " << (d.format == "code" ? "migration code, not checked: " : "migrations not run, not checked: ")
                << d.path << "/ (" << d.evidence << ")\n";
    report::Locator places = pipeline::migration_places(*build);
    // A helper a migration calls for several tables yields its notes once per call, at the same
    // line: each is printed once.
    std::set<std::string> printed;
    for (auto& n : build->notes) {
      std::string line = places.place(n.origin) + ": " + n.message;
      if (printed.insert(line).second) std::cerr << "schemagate: note: " << line << "\n";
    }
  }
  return true;
}

ParseStoreScope::ParseStoreScope(const CommonOptions& options) {
  if (!options.schema_cache) return;
  std::string dir = pipeline::schema_cache_dir();
  std::error_code ec;
  std::string root = std::filesystem::absolute(options.pipeline.root, ec).lexically_normal().string();
  if (dir.empty() || ec) return;
  // Named by the project alone: what libpg_query answers does not depend on the options, and the
  // texts one project's runs ask are much the same run after run.
  store_ = std::make_unique<sql::ParseStore>(dir + "/parse-" + schema::catalog::sha256_hex(root).substr(0, 32),
                                             sql::parse_store_version());
  sql::use_parse_store(store_.get());
}

ParseStoreScope::~ParseStoreScope() {
  if (!store_) return;
  sql::use_parse_store(nullptr);
  store_->save();  // a store that cannot be written costs the next run its parses, nothing else
}

bool open_catalog(const CommonOptions& options, std::unique_ptr<schema::catalog::CatalogReader>* reader) {
  namespace catalog = schema::catalog;
  reader->reset();
  if (options.offline) return true;
  if (!options.schema_snapshot.empty()) {
    std::string text, err;
    source::RealFileSystem fs;
    if (!fs.read(options.schema_snapshot, &text, &err)) {
      fail("cannot read schema snapshot \"" + options.schema_snapshot + "\": " + err);
      return false;
    }
    catalog::CatalogSnapshot snap;
    if (!schema::snapshot_from_json(text, &snap, &err)) {
      fail("schema snapshot \"" + options.schema_snapshot + "\" " + err);
      return false;
    }
    *reader = std::make_unique<catalog::MemoryCatalogReader>(std::move(snap));
    return true;
  }
  std::optional<std::string> url = options.database_url;
  if (!url && !options.database_url_env.empty()) {
    const char* v = std::getenv(options.database_url_env.c_str());
    if (!v || !*v) {
      fail("--database-url-env: variable " + options.database_url_env + " is not set");
      return false;
    }
    url = v;
  }
  if (!url) {
    if (const char* v = std::getenv("DATABASE_URL"); v && *v) url = v;
  }
  if (!url) return true;
  catalog::TrackingOptions topt;
  topt.table_names["flyway_table"] = options.flyway_table;
  *reader = std::make_unique<catalog::PostgresCatalogReader>(*url, topt);
  return true;
}

}  // namespace schemagate::cli
