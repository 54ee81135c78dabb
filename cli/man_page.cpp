// See man_page.h. The sections a user looks for in a manual page (NAME, SYNOPSIS, DESCRIPTION,
// COMMANDS, EXIT STATUS, ENVIRONMENT, SEE ALSO); the commands and flags come from the App, only
// exit codes and environment variables are written here, next to nothing else that knows them
// but main.cpp and common.cpp.
#include "cli/man_page.h"

#include "cli/completion.h"

namespace schemagate::cli {
namespace {

/// Text for roff: backslashes and hyphens escaped, a leading '.' or '\'' kept from being a request.
std::string roff(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\') out += "\\e";
    else if (ch == '-') out += "\\-";
    else out += ch;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

/// CLI11's name for an option's value ("TEXT", "UINT", "FORMAT[=FILE]"), without the list of
/// choices it appends after ':' (given apart).
std::string value_name(const CLI::Option* opt) {
  std::string t = opt->get_type_name();
  if (size_t colon = t.find(':'); colon != std::string::npos) t.erase(colon);
  for (const char* suffix : {" ...", "..."})
    if (t.size() > std::string(suffix).size() && t.compare(t.size() - std::string(suffix).size(), std::string::npos, suffix) == 0)
      t.erase(t.size() - std::string(suffix).size());
  return t.empty() ? "VALUE" : t;
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version,
                     const std::map<std::string, std::vector<std::string>>& choices) {
  std::string description = app.get_description();
  if (description.rfind("schemagate: ", 0) == 0) description.erase(0, 12);
  std::string s;
  s += ".TH SCHEMAGATE 1 \"\" \"schemagate " + roff(version) + "\" \"User Commands\"\n";
  s += ".SH NAME\nschemagate \\- " + roff(description) + "\n";
  s += ".SH SYNOPSIS\n.B schemagate\n.I COMMAND\n.RI [ OPTIONS ]\n.RI [ PATH ]\n.br\n";
  s += ".B schemagate\n.B \\-\\-version\n.br\n.B schemagate help\n.RI [ COMMAND ]\n";
  s += ".SH DESCRIPTION\n";
  s += "schemagate reads the application code of PATH (Python, JavaScript, TypeScript, Go, Java, Kotlin, Ruby "
       "and SQL files), finds the SQL it runs and what its ORMs and query builders need, and compares every table, "
       "column, function, enum label and unique index with the schema the migrations build, or with a live "
       "PostgreSQL database. A finding names the file, line and column, what PostgreSQL will answer in "
       "production, and what to do.\n";
  s += ".PP\n" + roff("-V, --version") + " prints the version and the PostgreSQL grammar's; " + roff("-h, --help") +
       " prints the help of schemagate or of a command.\n";
  s += ".SH COMMANDS\n";
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string name = sub->get_name();
    std::string synopsis = "schemagate " + name;
    std::vector<const CLI::Option*> positionals, flags;
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_lnames().empty() && opt->get_snames().empty()) {
        if (!opt->get_name().empty()) positionals.push_back(opt);
      } else {
        flags.push_back(opt);
      }
    }
    if (!flags.empty()) synopsis += " [OPTIONS]";
    for (auto* p : positionals) {
      std::string n = p->get_name() + (p->get_items_expected_max() > 1 ? "..." : "");
      synopsis += p->get_required() ? " " + n : " [" + n + "]";
    }
    s += ".SS \"" + roff(synopsis) + "\"\n" + roff(sub->get_description()) + "\n";
    for (auto* p : positionals) {
      s += ".TP\n.I " + roff(p->get_name()) + "\n" + roff(p->get_description());
      if (auto* ch = find_choices(choices, name + " " + p->get_name())) s += " (" + roff(join(*ch, ", ")) + ")";
      s += "\n";
    }
    for (auto* opt : flags) {
      std::vector<std::string> names;
      for (auto& sn : opt->get_snames()) names.push_back("\\fB\\-" + roff(sn) + "\\fR");
      for (auto& ln : opt->get_lnames()) names.push_back("\\fB\\-\\-" + roff(ln) + "\\fR");
      std::string head = join(names, ", ");
      if (opt->get_items_expected_max() != 0) head += " \\fI" + roff(value_name(opt)) + "\\fR";
      s += ".TP\n" + head + "\n" + roff(opt->get_description());
      const std::string lname = opt->get_lnames().empty() ? "" : "--" + opt->get_lnames().front();
      const std::vector<std::string>* ch = find_choices(choices, name + " " + lname);
      if (!ch) ch = find_choices(choices, lname);
      if (ch && !ch->empty()) s += " (one of: " + roff(join(*ch, ", ")) + ")";
      s += "\n";
    }
  }
  s += ".SH EXIT STATUS\n";
  s += ".TP\n.B 0\nChecked, and nothing of severity error was found.\n";
  s += ".TP\n.B 1\nAt least one finding of severity error.\n";
  s += ".TP\n.B 2\nschemagate could not decide: a bad flag, PATH not a directory, no migrations found, a migration "
       "that does not parse, a file or directory that cannot be read, a database that cannot be read. One line on "
       "standard error names the cause. schemagate never exits 0 when in doubt.\n";
  s += ".SH ENVIRONMENT\n";
  const std::vector<std::pair<std::string, std::string>> environment = {
      {"DATABASE_URL", "The database to check against when no --database-url, --database-url-env or "
                       "--schema-snapshot is given (--offline ignores it). libpq's PG* variables apply too."},
      {"NO_COLOR", "Not empty: no colours (unless --color always)."},
      {"FORCE_COLOR, CLICOLOR_FORCE", "Not empty and not 0: colours even when standard output is not a terminal."},
      {"TERM", "dumb: no colours and no progress line."},
      {"CI", "Set (not false or 0): no progress line."},
      {"SCHEMAGATE_PROGRESS_AFTER", "Seconds before the progress line appears on a terminal (default 1)."},
      {"GITHUB_ACTIONS", "true: text output of check also prints GitHub annotations."},
  };
  for (auto& [var, text] : environment) s += ".TP\n.B " + roff(var) + "\n" + roff(text) + "\n";
  s += ".SH SEE ALSO\n";
  s += roff("schemagate explain RULE prints the documentation of a rule (schemagate explain lists them); "
            "schemagate completion bash|zsh|fish prints a shell completion script. "
            "https://github.com/schemagate/schemagate") +
       "\n";
  return s;
}

}  // namespace schemagate::cli
