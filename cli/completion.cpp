// schemagate completion bash|zsh|fish: the script walks the same CLI11 App that parses argv, so
// a flag added to a command is completed without touching this file.
#include "cli/completion.h"

namespace schemagate::cli {
namespace {

struct Flag {
  std::vector<std::string> names;  ///< "--format", "-v"
  std::string description;
  bool takes_value = false;
  std::vector<std::string> choices;
};

struct Command {
  std::string name, description;
  std::vector<Flag> flags;
  std::vector<std::string> positional_choices;  ///< empty: files
};

std::vector<Command> commands_of(const CLI::App& app, const std::map<std::string, std::vector<std::string>>& choices) {
  std::vector<Command> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    Command c{sub->get_name(), sub->get_description(), {}, {}};
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_lnames().empty() && opt->get_snames().empty()) {
        if (auto* ch = find_choices(choices, c.name + " " + opt->get_name())) c.positional_choices = *ch;
        continue;
      }
      Flag f;
      for (auto& l : opt->get_lnames()) f.names.push_back("--" + l);
      for (auto& s : opt->get_snames()) f.names.push_back("-" + s);
      f.description = opt->get_description();
      f.takes_value = opt->get_items_expected_max() != 0;  // flags expect no value
      const std::string lname = opt->get_lnames().empty() ? "" : "--" + opt->get_lnames().front();
      if (auto* ch = find_choices(choices, c.name + " " + lname)) f.choices = *ch;
      else if (auto* any = find_choices(choices, lname)) f.choices = *any;
      c.flags.push_back(std::move(f));
    }
    out.push_back(std::move(c));
  }
  return out;
}

/// Single-quoted for sh, zsh and fish.
std::string quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::string bash(const std::vector<Command>& commands) {
  std::vector<std::string> names;
  for (auto& c : commands) names.push_back(c.name);
  std::string s = "# bash completion for schemagate (schemagate completion bash)\n_schemagate() {\n";
  s += "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i\n";
  s += "  for ((i = 1; i < COMP_CWORD; i++)); do\n";
  s += "    case ${COMP_WORDS[i]} in -*) ;; *) cmd=${COMP_WORDS[i]}; break ;; esac\n  done\n";
  s += "  if [[ -z $cmd ]]; then\n    COMPREPLY=($(compgen -W " + quote(join(names) + " -h --help -V --version") +
       " -- \"$cur\"))\n    return\n  fi\n";
  s += "  local flags= values= positional=\n  case $cmd in\n";
  for (auto& c : commands) {
    std::vector<std::string> all;
    for (auto& f : c.flags) all.insert(all.end(), f.names.begin(), f.names.end());
    s += "    " + c.name + ")\n      flags=" + quote(join(all)) + "\n";
    if (!c.positional_choices.empty()) s += "      positional=" + quote(join(c.positional_choices)) + "\n";
    s += "      case $prev in\n";
    for (auto& f : c.flags)
      if (f.takes_value) s += "        " + join(f.names, "|") + ") values=" + quote(join(f.choices)) + "; [[ -n $values ]] || values=FILES ;;\n";
    s += "      esac ;;\n";
  }
  s += "  esac\n";
  s += "  if [[ $values == FILES ]]; then COMPREPLY=($(compgen -f -- \"$cur\")); return; fi\n";
  s += "  if [[ -n $values ]]; then COMPREPLY=($(compgen -W \"$values\" -- \"$cur\")); return; fi\n";
  s += "  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\")); return; fi\n";
  s += "  if [[ -n $positional ]]; then COMPREPLY=($(compgen -W \"$positional\" -- \"$cur\")); return; fi\n";
  s += "  COMPREPLY=($(compgen -f -- \"$cur\"))\n}\ncomplete -o filenames -F _schemagate schemagate\n";
  return s;
}

/// zsh _arguments specs cannot hold unescaped brackets or colons in descriptions.
std::string zsh_text(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '[' || ch == ']' || ch == ':' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

std::string zsh(const std::vector<Command>& commands) {
  std::string s = "#compdef schemagate\n# zsh completion for schemagate (schemagate completion zsh)\n_schemagate() {\n";
  s += "  local -a commands\n  commands=(\n";
  for (auto& c : commands) s += "    " + quote(c.name + ":" + zsh_text(c.description)) + "\n";
  s += "  )\n  if (( CURRENT == 2 )); then\n    _describe command commands\n    return\n  fi\n";
  s += "  case $words[2] in\n";
  for (auto& c : commands) {
    s += "    " + c.name + ")\n      _arguments";
    for (auto& f : c.flags)
      for (auto& n : f.names) {
        std::string spec = n + "[" + zsh_text(f.description) + "]";
        if (f.takes_value) spec += ":value:" + (f.choices.empty() ? "_files" : "(" + join(f.choices) + ")");
        s += " \\\n        " + quote(spec);
      }
    s += " \\\n        " + quote(std::string("*:argument:") +
                                 (c.positional_choices.empty() ? "_files" : "(" + join(c.positional_choices) + ")"));
    s += " ;;\n";
  }
  s += "  esac\n}\n_schemagate \"$@\"\n";
  return s;
}

std::string fish(const std::vector<Command>& commands) {
  std::vector<std::string> names;
  for (auto& c : commands) names.push_back(c.name);
  std::string s = "# fish completion for schemagate (schemagate completion fish)\n";
  s += "complete -c schemagate -n '__fish_use_subcommand' -s V -l version -d 'Print the version'\n";
  for (auto& c : commands)
    s += "complete -c schemagate -f -n '__fish_use_subcommand' -a " + c.name + " -d " + quote(c.description) + "\n";
  for (auto& c : commands) {
    std::string when = "-n '__fish_seen_subcommand_from " + c.name + "'";
    if (!c.positional_choices.empty())
      s += "complete -c schemagate -f " + when + " -a " + quote(join(c.positional_choices)) + "\n";
    for (auto& f : c.flags) {
      std::string line = "complete -c schemagate " + when;
      for (auto& n : f.names) line += n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1);
      if (f.takes_value) line += f.choices.empty() ? " -r -F" : " -x -a " + quote(join(f.choices));
      s += line + " -d " + quote(f.description) + "\n";
    }
  }
  return s;
}

}  // namespace

std::string completion_script(const CLI::App& app, const std::string& shell,
                              const std::map<std::string, std::vector<std::string>>& choices) {
  auto commands = commands_of(app, choices);
  if (shell == "bash") return bash(commands);
  if (shell == "zsh") return zsh(commands);
  return fish(commands);
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

const std::vector<std::string>* find_choices(const std::map<std::string, std::vector<std::string>>& choices,
                                             const std::string& key) {
  auto it = choices.find(key);
  return it == choices.end() ? nullptr : &it->second;
}

}  // namespace schemagate::cli
