// schemagate.yaml applied to the options: a flag given on the command line wins, then the file,
// then the built-in default, key by key. Also `schemagate init`, which writes one from what it
// detects in the project.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "analyzers/checks/check.h"
#include "analyzers/config/config.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/query_dialects.h"
#include "analyzers/pipeline/pipeline.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/source/discovery.h"
#include "cli/commands.h"

namespace schemagate::cli {
namespace {

config::KnownNames known_names() {
  config::KnownNames known;
  for (auto& c : checks::checks()) known.rule_ids.emplace_back(c.id());
  for (auto& f : schema::migrations::formats()) known.migration_formats.emplace_back(f.name);
  for (auto l : {"python", "javascript", "typescript", "go"}) known.languages.emplace_back(l);
  return known;
}

}  // namespace

bool apply_config(CommonOptions* o) {
  source::RealFileSystem fs(o->pipeline.root);
  std::string path = o->config_file.empty() ? source::join_path(o->pipeline.root, config::kFileName) : o->config_file;
  std::string text, err;
  if (!fs.is_file(path)) {
    if (o->config_file.empty()) return true;  // no configuration: the defaults
    fail("cannot read configuration \"" + path + "\": No such file or directory");
    return false;
  }
  if (!fs.read(path, &text, &err)) {
    fail("cannot read configuration \"" + path + "\": " + err);
    return false;
  }
  config::Config cfg;
  if (!config::load_config(text, path, known_names(), &cfg, &err)) {
    fail(err);
    return false;
  }
  auto given = [&](const char* flag) { return o->given.count(flag) != 0; };
  if (cfg.migrations && !given("--migrations")) {
    o->pipeline.migration_dirs.clear();
    for (auto& m : *cfg.migrations) {
      o->pipeline.migration_dirs.push_back(m.path);
      if (m.format) o->pipeline.migration_formats[m.path] = *m.format;
    }
  }
  if (cfg.search_path && !given("--search-path")) {
    o->pipeline.search_path = *cfg.search_path;
    o->pipeline.search_path_given = true;
  }
  if (cfg.include && !given("--include")) o->pipeline.include = *cfg.include;
  if (cfg.exclude && !given("--exclude")) o->pipeline.exclude = *cfg.exclude;
  if (cfg.flyway_table && !given("--flyway-table")) o->flyway_table = *cfg.flyway_table;
  if (cfg.deployed_ref && !given("--deployed-ref") && !given("--deployed-path")) o->deployed_ref = *cfg.deployed_ref;
  bool database_flag = given("--database-url") || given("--database-url-env") || given("--schema-snapshot") ||
                       given("--offline");
  if (cfg.database_url_env && !database_flag) {
    // The team keeps the URL in another variable; unset (a developer's machine): offline.
    const char* v = std::getenv(cfg.database_url_env->c_str());
    if (v && *v) o->database_url_env = *cfg.database_url_env;
    else o->offline = true;
  }
  for (auto& [rule, sev] : cfg.rules) o->rule_severity[rule] = config::rule_severity_name(sev);
  for (auto& [expr, text] : cfg.template_values) o->pipeline.template_values[expr] = text;
  for (auto& [lang, calls] : cfg.database_calls)
    o->pipeline.extra_database_calls[lang].insert(o->pipeline.extra_database_calls[lang].end(), calls.begin(), calls.end());
  return true;
}

int run_init(const CommonOptions& options) {
  source::RealFileSystem fs(options.pipeline.root);
  std::string path = source::join_path(options.pipeline.root, config::kFileName);
  if (!fs.is_dir(options.pipeline.root)) return fail("path \"" + options.pipeline.root + "\" is not a directory");
  if (fs.is_file(path)) return fail(path + " already exists; edit it or remove it first");
  config::Detected detected;
  // The same discovery `check` runs: what init writes is what check would find with no flags.
  pipeline::SchemaBuild build;
  std::string build_err;
  if (pipeline::build_schema(fs, options.pipeline, &build, &build_err)) {
    for (auto& d : build.directories) {
      std::string evidence = std::to_string(d.files) + " file" + (d.files == 1 ? "" : "s");
      if (!d.evidence.empty()) evidence += "; " + d.evidence;
      detected.migrations.push_back({d.path, d.format, evidence});
    }
    for (auto& s : build.services) {
      config::Detected::Service service{s.root, s.root_evidence, {}};
      for (auto& set : s.sets)
        for (auto& m : detected.migrations)
          if (m.path == set) service.sets.push_back(m);
      detected.services.push_back(std::move(service));
    }
    detected.services_merged = build.services_merged;
    for (auto& d : build.other_engines) detected.other_engines.push_back({d.path, d.format, d.evidence});
    detected.search_path = build.search_path;
    detected.search_path_evidence = build.search_path_evidence;
  } else {
    detected.no_migrations_reason = build_err;
  }
  if (!detected.migrations.empty()) {
    const std::string& f = detected.migrations.front().format;
    const schema::migrations::Format* row = schema::migrations::format_named(f);
    detected.tracking_tool = row && row->catch_all ? "" : f;
  }
  std::set<std::string> langs;
  for (auto& f : source::discover_files(fs, options.pipeline.root, {})) {
    if (auto* l = languages::language_for_path(f)) {
      std::string name(l->name);
      if (name == "tsx") name = "typescript";
      std::string text, e;
      bool owned = !l->owns || (fs.read(source::join_path(options.pipeline.root, f), &text, &e) && l->owns(text));
      if (name != "sql" && owned) langs.insert(name);
      if (name == "sql" && fs.read(source::join_path(options.pipeline.root, f), &text, &e)) {
        const auto& dialect = languages::query_dialect_for(text);
        if (dialect.name != "plain") detected.query_files[std::string(dialect.name)].push_back(f);
      }
    }
  }
  detected.languages.assign(langs.begin(), langs.end());
  for (auto& c : checks::checks())
    if (c.run || c.run_project)
      detected.rules.push_back({std::string(c.id()), c.severity == report::Severity::Error ? config::RuleSeverity::Error
                                                                                           : config::RuleSeverity::Warning});
  std::string text = config::render_init(detected);
  config::Config check;
  std::string err;
  if (!config::load_config(text, path, known_names(), &check, &err)) return fail("internal: init wrote a file that does not load: " + err);
  std::ofstream out(path);
  out << text;
  if (!out) return fail("cannot write " + path);
  std::cout << "wrote " << path << "\n";
  return kClean;
}

}  // namespace schemagate::cli
