// schemagate's command line: parses flags with CLI11 into CommonOptions and dispatches to a
// subcommand. Bad usage is exit code 2 with one line naming the problem, like every other
// failure to decide.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "analyzers/report/renderer.h"
#include "cli/commands.h"

namespace {

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

/// "4096", "512K", "4M", "1G" -> bytes.
bool parse_size(const std::string& v, std::uintmax_t* out) {
  if (v.empty() || v.size() > 15) return false;
  std::uintmax_t n = 0;
  size_t i = 0;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) n = n * 10 + static_cast<unsigned>(v[i] - '0');
  if (i == 0) return false;
  std::uintmax_t unit = 1;
  if (i + 1 == v.size()) {
    switch (v[i]) {
      case 'k': case 'K': unit = 1024; break;
      case 'm': case 'M': unit = 1024 * 1024; break;
      case 'g': case 'G': unit = 1024 * 1024 * 1024; break;
      default: return false;
    }
  } else if (i != v.size()) {
    return false;
  }
  *out = n * unit;
  return true;
}

void add_common(CLI::App* cmd, schemagate::cli::CommonOptions* o, std::string* search_path,
                const std::vector<std::string>& formats) {
  cmd->add_option("PATH", o->pipeline.root, "Project directory (default: .)");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember(formats));
  // Repeatable options take one value per occurrence, so `--migrations db PATH` keeps PATH.
  cmd->add_option("--migrations", o->pipeline.migration_dirs,
                  "Migration directory, relative to PATH (repeatable; default: detect the usual locations)")
      ->allow_extra_args(false);
  cmd->add_option("--search-path", *search_path, "Schemas searched for unqualified names (default: public)");
  cmd->add_option("--include", o->pipeline.include, "Only scan files matching this glob (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", o->pipeline.exclude, "Skip files and directories matching this glob (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("-j,--threads", o->pipeline.threads, "Scanning threads (default: one per core)");
  cmd->add_option_function<std::string>(
         "--max-file-size",
         [o](const std::string& v) {
           if (!parse_size(v, &o->pipeline.max_file_size))
             throw CLI::ValidationError("--max-file-size", "\"" + v + "\" is not a size (bytes, or with K, M or G)");
         },
         "Skip (and list under --verbose) code files larger than this: bytes, or with K, M, G (default: 4M; 0: no limit)");
  cmd->add_flag("-v,--verbose", o->verbose, "Say which migrations and files were used and what was skipped");
  cmd->add_flag("-q,--quiet", o->quiet, "Print findings only");
  cmd->add_option("--config", o->config_file, "Configuration file (default: PATH/schemagate.yaml when it exists)");
}

void add_database(CLI::App* cmd, schemagate::cli::CommonOptions* o) {
  cmd->add_option("--database-url", o->database_url,
                  "The database to check against (postgres:// URL or key=value; \"\" = PG* variables). "
                  "Default: $DATABASE_URL when set");
  cmd->add_option("--database-url-env", o->database_url_env, "Read the database URL from this variable");
  cmd->add_option("--schema-snapshot", o->schema_snapshot,
                  "Check against a snapshot written by `schema --database-url URL --format json`");
  cmd->add_option("--flyway-table", o->flyway_table, "Flyway's history table (default: flyway_schema_history)");
  cmd->add_flag("--offline", o->offline, "Ignore DATABASE_URL: check against the migrations only");
}

void add_deployed(CLI::App* cmd, schemagate::cli::CommonOptions* o) {
  cmd->add_option("--deployed-ref", o->deployed_ref,
                  "The git revision running in production (tag, branch, commit), read from git objects");
  cmd->add_option("--deployed-path", o->deployed_path, "A checkout of the code running in production");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace schemagate::cli;
  CLI::App app{"schemagate: fails CI when code needs database columns that its migrations do not create"};
  app.set_version_flag("--version", std::string("schemagate ") + SCHEMAGATE_VERSION);
  app.require_subcommand(1);
  CommonOptions options;
  std::string search_path = "public";

  auto* check = app.add_subcommand("check", "Check the SQL in the code against the schema the migrations build");
  auto* refs = app.add_subcommand("refs", "List every SQL site found, its references, and what was left unchecked");
  auto* schema = app.add_subcommand("schema", "Print the schema built from the migrations, or the database's");
  auto* status = app.add_subcommand("status", "List the migrations: applied, pending, failed, unknown to the repository");
  auto* plan = app.add_subcommand("plan", "Tell which deploy order is safe: migrate first, deploy first, either, or split");
  auto* baseline = app.add_subcommand("baseline", "Record today's findings, so check --baseline reports only new ones");
  auto* manifest = app.add_subcommand("manifest", "Write what the code needs from the database, for verify at deploy time");
  auto* verify = app.add_subcommand("verify", "Verify a manifest against the database: no source tree needed");
  auto* init = app.add_subcommand("init", "Write a commented schemagate.yaml from what is detected in PATH");
  init->add_option("PATH", options.pipeline.root, "Project directory (default: .)");
  // check renders through the renderer table; the other subcommands print text or JSON themselves.
  std::vector<std::string> check_formats;
  for (auto& r : schemagate::report::renderers()) check_formats.emplace_back(r.format);
  for (auto* cmd : {check, refs, schema, status, plan, baseline}) {
    add_common(cmd, &options, &search_path, cmd == check ? check_formats : std::vector<std::string>{"text", "json"});
    add_database(cmd, &options);
  }
  add_deployed(check, &options);
  add_deployed(baseline, &options);
  for (auto* cmd : {check, baseline}) {
    cmd->add_option("--changed-since", options.changed_since, "Scan only the files changed since this git revision");
    cmd->add_flag("--assume-migrated", options.assume_migrated,
                  "The pipeline applies pending migrations before the deploy: check against the database with them");
  }
  check->add_option("--baseline", options.baseline_file, "Report only findings that are not in this baseline file");
  check->add_flag("--postgres", options.postgres,
                  "Deep check: apply the migrations to a scratch PostgreSQL and PREPARE every checked statement there");
  check->add_option("--pg-bindir", options.pg_bindir,
                    "--postgres: where initdb and postgres are (default: pg_config --bindir, /usr/lib/postgresql/*/bin)");
  check->add_option("--dev-database-url", options.dev_database_url,
                    "--postgres: an empty database to migrate instead of starting a throwaway cluster");
  add_common(manifest, &options, &search_path, {"json"});
  manifest->add_option("-o,--output", options.output_file, "Write the manifest to FILE (default: stdout)");
  verify->add_option("--manifest", options.manifest_file, "The manifest written by `schemagate manifest`")->required();
  verify->add_option("--format", options.format, "Output format")->check(CLI::IsMember(check_formats));
  verify->add_option("--wait", options.wait, "Poll until every requirement holds, at most this long (30s, 5m)");
  verify->add_flag("-v,--verbose", options.verbose, "Say what was read and what was left unchecked");
  verify->add_flag("-q,--quiet", options.quiet, "Print findings only");
  add_database(verify, &options);
  add_deployed(plan, &options);
  plan->add_option("--order", options.order, "The order the pipeline will use: exit 0 when it is safe")
      ->check(CLI::IsMember({"migrate-first", "deploy-first", "rolling"}));


  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    if (what.empty()) what = e.get_name();
    return fail(what + " (see schemagate --help)");
  }
  options.pipeline.search_path = split_commas(search_path);
  for (auto* cmd : {check, refs, schema, status, plan, baseline, manifest, verify}) {
    if (!cmd->parsed()) continue;
    for (auto* opt : cmd->get_options())
      if (opt->count() > 0 && !opt->get_lnames().empty()) options.given.insert("--" + opt->get_lnames().front());
  }
  if (options.given.count("--search-path")) options.pipeline.search_path_given = true;
  if (init->parsed()) return run_init(options);
  // verify has no project directory: no schemagate.yaml to read.
  if (!verify->parsed() && !apply_config(&options)) return kCannotDecide;
  int sources = (options.database_url ? 1 : 0) + (options.database_url_env.empty() ? 0 : 1) +
                (options.schema_snapshot.empty() ? 0 : 1);
  if (sources > 1) return fail("give only one of --database-url, --database-url-env and --schema-snapshot");
  if (options.offline && sources) return fail("--offline cannot be combined with a database");
  if (options.pipeline.search_path.empty()) return fail("--search-path needs at least one schema");
  if (options.verbose && options.quiet) return fail("--verbose and --quiet cannot be combined");

  if (!options.deployed_ref.empty() && !options.deployed_path.empty())
    return fail("give only one of --deployed-ref and --deployed-path");
  if ((!options.pg_bindir.empty() || !options.dev_database_url.empty()) && !options.postgres)
    return fail("--pg-bindir and --dev-database-url go with --postgres");
  if (!options.pg_bindir.empty() && !options.dev_database_url.empty())
    return fail("give only one of --pg-bindir and --dev-database-url");
  if (check->parsed()) return run_check(options);
  if (manifest->parsed()) return run_manifest(options);
  if (verify->parsed()) return run_verify(options);
  if (refs->parsed()) return run_refs(options);
  if (status->parsed()) return run_status(options);
  if (plan->parsed()) return run_plan(options);
  if (baseline->parsed()) return run_baseline(options);
  return run_schema(options);
}
