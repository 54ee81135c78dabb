// schemagate's command line: parses flags with CLI11 into CommonOptions and dispatches to a
// subcommand. Bad usage is exit code 2 with one line naming the problem, like every other
// failure to decide; a mistyped command or flag gets the nearest valid one suggested. The same
// CLI11 definitions print --help, `schemagate help COMMAND` and the shell completions.
#include <libpq-fe.h>
#include <pg_query.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>

#include "analyzers/report/renderer.h"
#include "cli/commands.h"
#include "cli/completion.h"
#include "cli/man_page.h"
#include "cli/rule_docs.h"

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

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions).
size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

/// The candidate nearest to `word`, when it is near enough to be what was meant (at most a third
/// of the word's letters off, and at least one); "" otherwise.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(1, word.size() / 3) + 1;
  for (auto& c : candidates) {
    size_t d = distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string n = nearest(word, candidates);
  return n.empty() ? "" : "; did you mean '" + n + "'?";
}

/// Every flag of `cmd`, as typed: "--format", "-v".
std::vector<std::string> flag_names(const CLI::App* cmd) {
  std::vector<std::string> out;
  for (auto* opt : cmd->get_options()) {
    for (auto& l : opt->get_lnames()) out.push_back("--" + l);
    for (auto& s : opt->get_snames()) out.push_back("-" + s);
  }
  return out;
}

std::string version_text() {
  int pq = PQlibVersion();
  return std::string("schemagate ") + SCHEMAGATE_VERSION + "\n" + "SQL grammar: PostgreSQL " + PG_VERSION +
         " (libpg_query " + SCHEMAGATE_PG_QUERY_VERSION + ")\n" + "libpq " + std::to_string(pq / 10000) + "." +
         std::to_string(pq % 10000);
}

void add_common(CLI::App* cmd, schemagate::cli::CommonOptions* o, std::string* search_path,
                const std::vector<std::string>& formats, std::vector<std::string>* paths = nullptr) {
  if (paths)  // check: a project directory, or files of the project in the current directory
    cmd->add_option("PATH", *paths,
                    "Project directory (default: .), or files of the project in the current directory to check alone "
                    "(as pre-commit passes them; a migration among them: every file)");
  else
    cmd->add_option("PATH", o->pipeline.root, "Project directory (default: .)");
  if (!formats.empty())  // check adds its own --format (several outputs)
    cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember(formats));
  // Repeatable options take one value per occurrence, so `--migrations db PATH` keeps PATH.
  cmd->add_option("--migrations", o->pipeline.migration_dirs,
                  "Migration directory, relative to PATH (repeatable; default: detect the usual locations)")
      ->allow_extra_args(false);
  cmd->add_option("--service", o->pipeline.service,
                  "In a monorepo, check only this service's code against its own migrations (a directory --verbose "
                  "lists as a service); a database given then is that service's");
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

/// check's PATH arguments: one directory is the project; files (one or more) are the only files
/// of the project in the current directory to scan, root-relative. False after printing.
bool resolve_check_paths(const std::vector<std::string>& paths, schemagate::cli::CommonOptions* o) {
  namespace fs = std::filesystem;
  using schemagate::cli::fail;
  std::error_code ec;
  if (paths.empty()) return true;
  if (paths.size() == 1 && !fs::is_regular_file(paths[0], ec)) {
    o->pipeline.root = paths[0];  // a directory, or what the pipeline rejects as not one
    return true;
  }
  fs::path cwd = fs::current_path(ec);
  for (auto& p : paths) {
    if (fs::is_directory(p, ec))
      return fail("'" + p + "' is a directory: give one project directory, or files of the project in the current "
                  "directory, not both"),
             false;
    if (!fs::is_regular_file(p, ec)) return fail("'" + p + "': no such file"), false;
    fs::path rel = fs::path(p).is_absolute() ? fs::path(p).lexically_relative(cwd) : fs::path(p).lexically_normal();
    if (rel.empty() || *rel.begin() == "..")
      return fail("'" + p + "' is outside the current directory, the project's root when files are given"), false;
    o->files.push_back(rel.generic_string());
  }
  std::sort(o->files.begin(), o->files.end());
  o->files.erase(std::unique(o->files.begin(), o->files.end()), o->files.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace schemagate::cli;
  CLI::App app{"schemagate: fails CI when code needs database columns that its migrations do not create", "schemagate"};
  // Asked only when the flag is given: libpq's version opens libpq, which a check without a
  // database never does (cmake/libpq_on_demand.cpp).
  app.set_version_flag("-V,--version", std::function<std::string()>(version_text),
                       "Print the version and the PostgreSQL grammar's, and exit");
  app.require_subcommand(1);
  app.allow_extras();
  CommonOptions options;
  std::string search_path = "public";
  std::vector<std::string> check_outputs;  // check --format FORMAT[=FILE], repeatable
  std::vector<std::string> check_paths;    // check PATH, or FILE...

  auto* check = app.add_subcommand("check", "Check the SQL in the code against the schema the migrations build");
  auto* refs = app.add_subcommand("refs", "List every SQL site found, its references, and what was left unchecked");
  auto* schema = app.add_subcommand("schema", "Print the schema built from the migrations, or the database's");
  auto* status = app.add_subcommand("status", "List the migrations: applied, pending, failed, unknown to the repository");
  auto* plan = app.add_subcommand("plan", "Tell which deploy order is safe: migrate first, deploy first, either, or split");
  auto* baseline = app.add_subcommand("baseline", "Record today's findings, so check --baseline reports only new ones");
  auto* manifest = app.add_subcommand("manifest", "Write what the code needs from the database, for verify at deploy time");
  auto* verify = app.add_subcommand("verify", "Verify a manifest against the database: no source tree needed");
  auto* init = app.add_subcommand("init", "Write a commented schemagate.yaml from what is detected in PATH");
  auto* explain = app.add_subcommand("explain", "Print a rule's documentation: what fails, why, how to fix it");
  auto* help = app.add_subcommand("help", "Print the help of schemagate or of one command");
  auto* completion = app.add_subcommand("completion", "Print a shell completion script (bash, zsh, fish)");
  auto* man = app.add_subcommand("man", "Print the manual page (roff; man -l <(schemagate man)), made from this help");
  init->add_option("PATH", options.pipeline.root, "Project directory (default: .)");
  // check renders through the renderer table; the other subcommands print text or JSON themselves.
  std::vector<std::string> check_formats;
  for (auto& r : schemagate::report::renderers()) check_formats.emplace_back(r.format);
  std::vector<std::string> rule_ids;
  for (auto& d : rule_docs()) rule_ids.emplace_back(d.rule);
  const std::vector<std::string> colors = {"auto", "always", "never"}, shells = {"bash", "zsh", "fish"},
                                  orders = {"migrate-first", "deploy-first", "rolling"};
  for (auto* cmd : {check, refs, schema, status, plan, baseline}) {
    add_common(cmd, &options, &search_path,
               cmd == check ? std::vector<std::string>{} : std::vector<std::string>{"text", "json"},
               cmd == check ? &check_paths : nullptr);
    add_database(cmd, &options);
  }
  // check writes several formats in one run: --format text --format sarif=results.sarif.
  std::string format_list;
  for (auto& f : check_formats) format_list += (format_list.empty() ? "" : ",") + f;
  check->add_option("--format", check_outputs,
                    "Output format, repeatable: FORMAT to stdout (or to -o FILE), FORMAT=FILE to FILE (" + format_list +
                        "; default: text)")
      ->allow_extra_args(false)
      ->check(CLI::Validator(
          [check_formats, format_list](std::string& v) -> std::string {
            std::string f = v.substr(0, v.find('='));
            if (std::find(check_formats.begin(), check_formats.end(), f) == check_formats.end())
              return f + " not in {" + format_list + "}";
            if (v.find('=') != std::string::npos && v.size() == f.size() + 1) return v + " names no file";
            return "";
          },
          "FORMAT[=FILE]"));
  check->add_option("-o,--output", options.output_file, "Write the stdout format to FILE instead");
  for (auto* cmd : {check, verify})
    cmd->add_option("--color", options.color,
                    "Colour text output: auto (a terminal, unless NO_COLOR is set), always, never (default: auto)")
        ->check(CLI::IsMember(colors));
  add_deployed(check, &options);
  add_deployed(baseline, &options);
  for (auto* cmd : {check, baseline}) {
    cmd->add_option("--changed-since", options.changed_since, "Scan only the files changed since this git revision");
    cmd->add_flag("--assume-migrated", options.assume_migrated,
                  "The pipeline applies pending migrations before the deploy: check against the database with them");
  }
  for (auto* cmd : {check, plan})
    cmd->add_flag("--no-cache", options.no_cache,
                  "Replay the migrations; do not use or write the schema cache, the parse store or the kept "
                  "directory listings (check --changed-since, check FILE..., plan)");
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
      ->check(CLI::IsMember(orders));
  std::string explain_rule, help_command, shell;
  explain->add_option("RULE", explain_rule, "The rule (e.g. missing-column); none: list the rules");
  help->add_option("COMMAND", help_command, "The command");
  completion->add_option("SHELL", shell, "bash, zsh or fish")->required()->check(CLI::IsMember(shells));
  std::vector<std::string> command_names;
  for (auto* cmd : app.get_subcommands([](CLI::App*) { return true; })) {
    cmd->allow_extras();
    command_names.push_back(cmd->get_name());
  }

  // The command word first: a typo gets the nearest command, not CLI11's "not expected".
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.empty() || a[0] == '-') continue;
    if (std::find(command_names.begin(), command_names.end(), a) == command_names.end())
      return fail("unknown command '" + a + "'" + did_you_mean(a, command_names) + " (see schemagate --help)");
    break;
  }
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
  // Arguments no command took: an unknown flag gets the nearest flag of its command.
  for (auto* cmd : app.get_subcommands()) {
    for (auto* level : {cmd, &app}) {
      auto extra = level->remaining();
      if (extra.empty()) continue;
      std::string a = extra.front();
      std::string where = level == &app ? "" : " of '" + cmd->get_name() + "'";
      if (a.size() > 1 && a[0] == '-') {
        std::string flag = a.substr(0, a.find('='));
        return fail("unknown option '" + flag + "'" + where + did_you_mean(flag, flag_names(cmd)) +
                    " (see schemagate help " + cmd->get_name() + ")");
      }
      return fail("unexpected argument '" + a + "'" + where + " (see schemagate help " + cmd->get_name() + ")");
    }
  }
  if (help->parsed()) {
    if (help_command.empty()) return std::cout << app.help(), kClean;
    auto it = std::find(command_names.begin(), command_names.end(), help_command);
    if (it == command_names.end())
      return fail("unknown command '" + help_command + "'" + did_you_mean(help_command, command_names));
    std::cout << app.get_subcommand(help_command)->help("schemagate");
    return kClean;
  }
  if (explain->parsed()) {
    if (explain_rule.empty()) {
      for (auto& d : rule_docs()) std::cout << d.rule << "\n";
      return kClean;
    }
    const RuleDoc* doc = find_rule_doc(explain_rule);
    if (!doc) return fail("unknown rule '" + explain_rule + "'" + did_you_mean(explain_rule, rule_ids) +
                          " (schemagate explain lists them)");
    std::cout << doc->markdown;
    return kClean;
  }
  const std::map<std::string, std::vector<std::string>> choices = {
      {"check --format", check_formats}, {"verify --format", check_formats},
      {"--format", {"text", "json"}},      {"--color", colors},
      {"--order", orders},                 {"explain RULE", rule_ids},
      {"completion SHELL", shells},        {"help COMMAND", command_names},
      {"manifest --format", {"json"}}};
  if (completion->parsed()) return std::cout << completion_script(app, shell, choices), kClean;
  if (man->parsed()) return std::cout << man_page(app, SCHEMAGATE_VERSION, choices), kClean;
  if (check->parsed() && !resolve_outputs(check_outputs, &options)) return kCannotDecide;
  if (check->parsed() && !resolve_check_paths(check_paths, &options)) return kCannotDecide;
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
  // check (whole, pre-commit, by file) and plan, run again and again on the same migrations, keep
  // their schema.
  options.schema_cache = !options.no_cache && (check->parsed() || plan->parsed());
  // What each command reads of the code scan beyond its findings, sites and counts; the rest is
  // not kept (pipeline::Options::Keep). The deep check and a live run add what they read.
  options.pipeline.keep.references = refs->parsed();
  options.pipeline.keep.requirements = manifest->parsed();
  options.pipeline.keep.statements = false;
  ParseStoreScope parse_store(options);  // check and plan: the SQL texts parsed in earlier runs
  if (check->parsed()) return run_check(options);
  if (manifest->parsed()) return run_manifest(options);
  if (verify->parsed()) return run_verify(options);
  if (refs->parsed()) return run_refs(options);
  if (status->parsed()) return run_status(options);
  if (plan->parsed()) return run_plan(options);
  if (baseline->parsed()) return run_baseline(options);
  return run_schema(options);
}
