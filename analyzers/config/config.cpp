// Loading schemagate.yaml with yaml-cpp, and writing the commented file `schemagate init` starts
// a project with.
//
// The loader walks the document itself instead of calling Node::as<T>() and catching
// BadConversion, so every error names the key and points at the node at fault. yaml-cpp's marks
// are 0-based and count bytes; Mark::pos is a byte offset into the text, which LineIndex turns
// into the 1-based line and code-point column every schemagate message uses. Two yaml-cpp
// behaviours are handled here because a lenient reading would hide a mistake: a key given twice
// is kept twice (we reject it), and a key with no value is a null whose mark is that of the
// next token (we treat it as "not set" and never point at it).
#include "analyzers/config/config.h"

#include <cstdio>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <string_view>

#include "analyzers/report/line_index.h"
#include "analyzers/schema/migrations/migration.h"

namespace schemagate::config {

const char* rule_severity_name(RuleSeverity s) {
  switch (s) {
    case RuleSeverity::Error: return "error";
    case RuleSeverity::Warning: return "warning";
    case RuleSeverity::Off: return "off";
  }
  return "error";
}

namespace {

// ---- messages ---------------------------------------------------------------------------------

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

/// What a node is, for "expected X, got Y".
std::string got(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return quoted(n.Scalar());
    default: return "nothing";
  }
}

// Optimal string alignment distance: Levenshtein plus adjacent transpositions ("exlcude").
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// " (did you mean "x"?)" for a near miss, else " (<what>: a, b, c)". Flag spellings
/// (search-path) count as near misses of the keys (search_path).
std::string suggestion(const std::string& name, const std::vector<std::string>& candidates, const char* what) {
  std::string normalised = name;
  std::replace(normalised.begin(), normalised.end(), '-', '_');
  const std::string* best = nullptr;
  size_t best_distance = std::max<size_t>(1, name.size() / 4) + 1;
  for (const std::string& c : candidates) {
    std::string c_normalised = c;
    std::replace(c_normalised.begin(), c_normalised.end(), '-', '_');
    size_t d = c_normalised == normalised ? 0 : edit_distance(name, c);
    if (d < best_distance) best = &c, best_distance = d;
  }
  if (best) return " (did you mean " + quoted(*best) + "?)";
  if (candidates.empty()) return "";
  return std::string(" (") + what + ": " + join(candidates) + ")";
}

// ---- the loader -------------------------------------------------------------------------------

class Loader {
 public:
  Loader(std::string_view text, const std::string& file_name, const KnownNames& known, std::string* err)
      : lines_(text), file_name_(file_name), known_(known), err_(err) {}

  bool load_document(const YAML::Node& root, Config* out);

  /// "<file>:<line>:<column>: <key>: <message>"; always returns false.
  bool fail(const YAML::Mark& at, const std::string& key, const std::string& message) {
    int line = 1, column = 1;
    if (at.pos >= 0) {
      report::LineColumn lc = lines_.position(static_cast<size_t>(at.pos));
      line = lc.line, column = lc.column;
    } else if (at.line >= 0) {
      line = at.line + 1, column = at.column + 1;
    }
    if (err_)
      *err_ = file_name_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
              (key.empty() ? "" : key + ": ") + message;
    return false;
  }

 private:
  // One row per top-level key: its name and the member that reads its value (never null).
  struct Key {
    const char* name;
    bool (Loader::*read)(const YAML::Node& value, Config* out);
  };
  static const std::vector<Key>& keys();

  /// Calls visit(key node, key, value) for each entry of `map`, rejecting keys that are not
  /// plain names and keys given twice. `path` prefixes messages ("rules").
  template <class Visit>
  bool for_each_entry(const YAML::Node& map, const std::string& path, Visit visit);

  /// A list of non-empty strings; a single string is a list of one.
  bool string_list(const YAML::Node& value, const std::string& key, const char* expected,
                   const char* entry, std::vector<std::string>* out);
  /// One non-empty string.
  bool one_string(const YAML::Node& value, const std::string& key, const char* expected, std::string* out);

  bool read_migrations(const YAML::Node& value, Config* out);
  bool read_search_path(const YAML::Node& value, Config* out);
  bool read_include(const YAML::Node& value, Config* out);
  bool read_exclude(const YAML::Node& value, Config* out);
  bool read_rules(const YAML::Node& value, Config* out);
  bool read_database_url_env(const YAML::Node& value, Config* out);
  bool read_flyway_table(const YAML::Node& value, Config* out);
  bool read_database_calls(const YAML::Node& value, Config* out);
  bool read_deployed_ref(const YAML::Node& value, Config* out);
  bool read_template_values(const YAML::Node& value, Config* out);

  report::LineIndex lines_;
  const std::string& file_name_;
  const KnownNames& known_;
  std::string* err_;
};

const std::vector<Loader::Key>& Loader::keys() {
  static const std::vector<Key> table = {
      {"migrations", &Loader::read_migrations},
      {"search_path", &Loader::read_search_path},
      {"include", &Loader::read_include},
      {"exclude", &Loader::read_exclude},
      {"rules", &Loader::read_rules},
      {"database_url_env", &Loader::read_database_url_env},
      {"flyway_table", &Loader::read_flyway_table},
      {"database_calls", &Loader::read_database_calls},
      {"deployed_ref", &Loader::read_deployed_ref},
      {"template_values", &Loader::read_template_values},
  };
  return table;
}

template <class Visit>
bool Loader::for_each_entry(const YAML::Node& map, const std::string& path, Visit visit) {
  std::map<std::string, int> seen;  // key -> 1-based line of its first occurrence
  for (const auto& entry : map) {
    // Copies: the entry is a proxy that yaml-cpp's iterator makes per step.
    const YAML::Node key = entry.first;
    const YAML::Node value = entry.second;
    if (!key.IsScalar())
      return fail(key.Mark(), path, "a key must be a name, got " + got(key));
    const std::string& name = key.Scalar();
    std::string where = path.empty() ? name : path + "." + name;
    int line = key.Mark().pos >= 0 ? lines_.position(static_cast<size_t>(key.Mark().pos)).line : 0;
    auto [first, inserted] = seen.emplace(name, line);
    if (!inserted)
      return fail(key.Mark(), where, "given twice (first on line " + std::to_string(first->second) + ")");
    if (!visit(key, name, value)) return false;
  }
  return true;
}

bool Loader::load_document(const YAML::Node& root, Config* out) {
  if (root.IsNull()) return true;  // empty, or only comments
  if (!root.IsMap())
    return fail(root.Mark(), "",
                "expected settings such as \"migrations: [db/migrations]\" at the top level, got " + got(root));
  std::vector<std::string> names;
  for (const Key& k : keys()) names.emplace_back(k.name);
  return for_each_entry(root, "", [&](const YAML::Node& key, const std::string& name, const YAML::Node& value) {
    auto k = std::find_if(keys().begin(), keys().end(), [&](const Key& row) { return name == row.name; });
    if (k == keys().end()) return fail(key.Mark(), "", "unknown key " + quoted(name) + suggestion(name, names, "known keys"));
    if (value.IsNull()) return true;  // "key:" with nothing after it: not set
    return (this->*(k->read))(value, out);
  });
}

bool Loader::one_string(const YAML::Node& value, const std::string& key, const char* expected, std::string* out) {
  if (!value.IsScalar()) return fail(value.Mark(), key, std::string("expected ") + expected + ", got " + got(value));
  if (value.Scalar().empty()) return fail(value.Mark(), key, std::string("expected ") + expected + ", got \"\"");
  *out = value.Scalar();
  return true;
}

bool Loader::string_list(const YAML::Node& value, const std::string& key, const char* expected,
                         const char* entry, std::vector<std::string>* out) {
  out->clear();
  if (value.IsScalar()) {
    out->emplace_back();
    return one_string(value, key, entry, &out->back());
  }
  if (!value.IsSequence()) return fail(value.Mark(), key, std::string("expected ") + expected + ", got " + got(value));
  size_t index = 0;
  for (const YAML::Node& item : value) {
    ++index;
    // An empty item's mark is the next token's, so point at the list instead.
    if (item.IsNull())
      return fail(value.Mark(), key, "entry " + std::to_string(index) + " is empty; expected " + entry);
    out->emplace_back();
    if (!one_string(item, key, entry, &out->back())) return false;
  }
  return true;
}

bool Loader::read_migrations(const YAML::Node& value, Config* out) {
  const char* expected = "a list of directories";
  std::vector<MigrationDir> dirs;
  std::vector<YAML::Node> items;
  if (value.IsSequence())
    for (const YAML::Node& item : value) items.push_back(item);
  else if (value.IsScalar())
    items.push_back(value);
  else
    return fail(value.Mark(), "migrations", std::string("expected ") + expected + ", got " + got(value));
  if (items.empty())
    return fail(value.Mark(), "migrations",
                "list at least one directory, or leave the key out to use every usual location that exists");
  for (size_t i = 0; i < items.size(); ++i) {
    const YAML::Node& item = items[i];
    MigrationDir dir;
    if (item.IsNull())
      return fail(value.Mark(), "migrations", "entry " + std::to_string(i + 1) + " is empty; expected a directory");
    if (item.IsMap()) {
      YAML::Node path;
      bool ok = for_each_entry(item, "migrations", [&](const YAML::Node& k, const std::string& name, const YAML::Node& v) {
        if (name == "path") {
          path = v;
          return v.IsNull() ? true : one_string(v, "migrations.path", "a directory", &dir.path);
        }
        if (name == "format") {
          if (v.IsNull()) return true;
          std::string format;
          if (!one_string(v, "migrations.format", "a migration format", &format)) return false;
          const auto& formats = known_.migration_formats;
          if (std::find(formats.begin(), formats.end(), format) == formats.end())
            return fail(v.Mark(), "migrations.format",
                        "unknown migration format " + quoted(format) + suggestion(format, formats, "known formats"));
          dir.format = format;
          return true;
        }
        return fail(k.Mark(), "migrations",
                    "unknown key " + quoted(name) + suggestion(name, {"path", "format"}, "known keys"));
      });
      if (!ok) return false;
      if (dir.path.empty())
        return fail(item.Mark(), "migrations", "an entry written as a mapping needs \"path: DIR\"");
    } else if (!one_string(item, "migrations", "a directory or {path: DIR, format: NAME}", &dir.path)) {
      return false;
    }
    for (const MigrationDir& earlier : dirs)
      if (earlier.path == dir.path)
        return fail(item.Mark(), "migrations", quoted(dir.path) + " is listed twice; its migrations would run twice");
    dirs.push_back(std::move(dir));
  }
  out->migrations = std::move(dirs);
  return true;
}

// A list of schemas or one comma-separated string, as --search-path takes it.
bool Loader::read_search_path(const YAML::Node& value, Config* out) {
  std::vector<std::string> entries;
  if (!string_list(value, "search_path", "a list of schemas", "a schema", &entries)) return false;
  std::vector<std::string> schemas;
  for (const std::string& entry : entries) {
    size_t start = 0;
    while (start <= entry.size()) {
      size_t comma = std::min(entry.find(',', start), entry.size());
      std::string part = entry.substr(start, comma - start);
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      if (!part.empty()) schemas.push_back(part);
      start = comma + 1;
    }
  }
  if (schemas.empty())
    return fail(value.Mark(), "search_path", "name at least one schema, or leave the key out for public");
  out->search_path = std::move(schemas);
  return true;
}

bool Loader::read_include(const YAML::Node& value, Config* out) {
  std::vector<std::string> globs;
  if (!string_list(value, "include", "a list of globs", "a glob", &globs)) return false;
  out->include = std::move(globs);
  return true;
}

bool Loader::read_exclude(const YAML::Node& value, Config* out) {
  std::vector<std::string> globs;
  if (!string_list(value, "exclude", "a list of globs", "a glob", &globs)) return false;
  out->exclude = std::move(globs);
  return true;
}

bool Loader::read_rules(const YAML::Node& value, Config* out) {
  if (!value.IsMap())
    return fail(value.Mark(), "rules", "expected a mapping of rule ids to error, warning or off, got " + got(value));
  const char* allowed = "severity must be error, warning or off, got ";
  return for_each_entry(value, "rules", [&](const YAML::Node& key, const std::string& rule, const YAML::Node& severity) {
    std::string where = "rules." + rule;
    const auto& ids = known_.rule_ids;
    if (std::find(ids.begin(), ids.end(), rule) == ids.end())
      return fail(key.Mark(), where, "unknown rule " + quoted(rule) + suggestion(rule, ids, "known rules"));
    if (severity.IsNull()) return fail(key.Mark(), where, std::string(allowed) + "nothing");
    if (!severity.IsScalar()) return fail(severity.Mark(), where, allowed + got(severity));
    const std::string& s = severity.Scalar();
    if (s == "error")
      out->rules[rule] = RuleSeverity::Error;
    else if (s == "warning")
      out->rules[rule] = RuleSeverity::Warning;
    else if (s == "off")
      out->rules[rule] = RuleSeverity::Off;
    else
      return fail(severity.Mark(), where, allowed + quoted(s));
    return true;
  });
}

bool Loader::read_database_url_env(const YAML::Node& value, Config* out) {
  std::string name;
  if (!one_string(value, "database_url_env", "the name of an environment variable", &name)) return false;
  bool identifier = !std::isdigit(static_cast<unsigned char>(name[0])) &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                    });
  // The value is not echoed: when it is not a name it is most likely the URL, password included.
  if (!identifier)
    return fail(value.Mark(), "database_url_env",
                "expected the name of the environment variable that holds the database URL (such as "
                "DATABASE_URL), not the URL itself");
  out->database_url_env = std::move(name);
  return true;
}

bool Loader::read_flyway_table(const YAML::Node& value, Config* out) {
  std::string table;
  if (!one_string(value, "flyway_table", "a table name", &table)) return false;
  out->flyway_table = std::move(table);
  return true;
}

bool Loader::read_database_calls(const YAML::Node& value, Config* out) {
  if (!value.IsMap())
    return fail(value.Mark(), "database_calls",
                "expected a mapping of languages to lists of call names, got " + got(value));
  std::map<std::string, std::vector<std::string>> calls;
  bool ok = for_each_entry(value, "database_calls", [&](const YAML::Node& key, const std::string& language, const YAML::Node& names) {
    std::string where = "database_calls." + language;
    const auto& languages = known_.languages;
    if (std::find(languages.begin(), languages.end(), language) == languages.end())
      return fail(key.Mark(), where, "unknown language " + quoted(language) + suggestion(language, languages, "known languages"));
    std::vector<std::string>& list = calls[language];
    if (names.IsNull()) return true;
    if (!string_list(names, where, "a list of call names", "a call name", &list)) return false;
    for (const std::string& name : list)
      if (std::any_of(name.begin(), name.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
        return fail(names.Mark(), where, "a call name has no spaces, got " + quoted(name));
    return true;
  });
  if (!ok) return false;
  out->database_calls = std::move(calls);
  return true;
}

bool Loader::read_deployed_ref(const YAML::Node& value, Config* out) {
  std::string ref;
  if (!one_string(value, "deployed_ref", "a git ref (a branch, tag or commit)", &ref)) return false;
  out->deployed_ref = std::move(ref);
  return true;
}

bool Loader::read_template_values(const YAML::Node& value, Config* out) {
  if (!value.IsMap())
    return fail(value.Mark(), "template_values",
                "expected a mapping of templates to values (\'index .Options \"Namespace\"\': auth), got " + got(value));
  std::map<std::string, std::string> values;
  bool ok = for_each_entry(value, "template_values", [&](const YAML::Node&, const std::string& name, const YAML::Node& v) {
    std::string text;
    if (!one_string(v, "template_values." + name, "the text the template stands for", &text)) return false;
    values[name] = std::move(text);
    return true;
  });
  if (!ok) return false;
  out->template_values = std::move(values);
  return true;
}

// ---- writing ---------------------------------------------------------------------------------

/// `s` as a YAML scalar: plain when that is unambiguous, else double-quoted.
std::string yaml_scalar(const std::string& s) {
  auto plain_char = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == '/'; };
  if (!s.empty() && s[0] != '-' && std::all_of(s.begin(), s.end(), [&](char c) { return plain_char(c); }))
    return s;
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7f) {
      const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

/// An example call name in the language's usual spelling.
const char* example_call(const std::string& language) {
  if (language == "python") return "run_sql";
  if (language == "go") return "RunQuery";
  return "runQuery";
}

}  // namespace

/// The offset of a ',' outside every flow collection that is not inside a plain scalar, or
/// npos. Such a comma is never valid YAML (',' separates flow entries only, and cannot start a
/// plain scalar), and yaml-cpp 0.7 loops forever allocating on several of them, each found by
/// fuzz_config: a document that starts with ',' ("," and "&&,"), and one after a quoted scalar
/// ("\"\",1"). The gate rejects every such comma rather than each input the fuzzer finds.
/// Quoted scalars, comments and block scalars (`|`, `>` and their more indented lines) are
/// skipped; a line break is '\n', '\r' or both.
static size_t comma_outside_flow(std::string_view body) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  auto brk = [](char c) { return c == '\n' || c == '\r'; };
  auto ends_token = [&](size_t at) { return at >= body.size() || blank(body[at]) || brk(body[at]); };
  int depth = 0;       // flow collections open
  bool plain = false;  // inside a plain scalar, on this line
  bool at_line_start = true;
  size_t indent = 0;                   // of the current line
  long block_indent = -1;              // a block scalar's parent line indentation, or -1
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (brk(c)) {
      plain = false;
      at_line_start = true;
      indent = 0;
      continue;
    }
    if (at_line_start) {
      if (blank(c)) {
        ++indent;
        continue;
      }
      at_line_start = false;
      if (block_indent >= 0) {
        if (static_cast<long>(indent) > block_indent) {  // the block scalar's text: skip the line
          while (i + 1 < body.size() && !brk(body[i + 1])) ++i;
          continue;
        }
        block_indent = -1;
      }
    }
    if (c == '#' && (i == 0 || blank(body[i - 1]) || brk(body[i - 1]))) {
      while (i + 1 < body.size() && !brk(body[i + 1])) ++i;
      plain = false;
      continue;
    }
    if ((c == '"' || c == '\'') && !plain) {
      size_t j = i + 1;
      while (j < body.size()) {
        if (c == '"' && body[j] == '\\') {
          j += 2;
          continue;
        }
        if (body[j] == c) {
          if (c == '\'' && j + 1 < body.size() && body[j + 1] == '\'') {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      i = j;
      continue;
    }
    if (depth > 0) {
      if (c == '[' || c == '{') ++depth;
      else if (c == ']' || c == '}') --depth;
      continue;
    }
    if (plain) {
      if (c == ':' && ends_token(i + 1)) plain = false;
      continue;
    }
    if (blank(c)) continue;
    if (c == ',') return i;
    if (c == '[' || c == '{') {
      depth = 1;
      continue;
    }
    if (c == '&' || c == '!' || c == '*') {  // an anchor, a tag or an alias: one token
      while (!ends_token(i + 1) && body[i + 1] != ',') ++i;
      continue;
    }
    if ((c == '-' || c == '?' || c == ':') && ends_token(i + 1)) continue;  // indicators
    if ((c == '-' || c == '.') && body.substr(i, 3).find_first_not_of(c) == std::string_view::npos &&
        body.substr(i, 3).size() == 3 && ends_token(i + 3)) {  // document markers
      i += 2;
      continue;
    }
    if (c == '|' || c == '>') {  // a block scalar: its more indented lines are text
      block_indent = static_cast<long>(indent);
      while (i + 1 < body.size() && !brk(body[i + 1])) ++i;
      continue;
    }
    plain = true;
  }
  return std::string_view::npos;
}

size_t yaml_input_hazard(std::string_view body, std::string* what) {
  // YAML allows no C0 control character but tab, line feed and carriage return; yaml-cpp loops
  // forever on some (a NUL before ',', found by the fuzzer).
  for (size_t i = 0; i < body.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "0x%02X", c);
      *what = std::string("not valid YAML: control character ") + code;
      return i;
    }
  }
  if (size_t at = comma_outside_flow(body); at != std::string_view::npos) {
    *what = "not valid YAML: ',' outside a flow collection ([a, b] or {a: 1, b: 2})";
    return at;
  }
  return std::string_view::npos;
}

bool load_config(const std::string& text, const std::string& file_name, const KnownNames& known,
                 Config* out, std::string* err) {
  // yaml-cpp skips a byte order mark without counting it; so do the positions.
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  Loader loader(body, file_name, known, err);
  std::string hazard;
  if (size_t at = yaml_input_hazard(body, &hazard); at != std::string_view::npos) {
    YAML::Mark mark = YAML::Mark::null_mark();
    mark.pos = static_cast<int>(at);
    return loader.fail(mark, "", hazard);
  }
  try {
    std::vector<YAML::Node> documents = YAML::LoadAll(std::string(body));
    for (size_t i = 1; i < documents.size(); ++i)
      if (!documents[i].IsNull())
        return loader.fail(documents[i].Mark(), "", "a second YAML document; " + file_name + " holds one");
    Config config;
    if (!documents.empty() && !loader.load_document(documents[0], &config)) return false;
    *out = std::move(config);
    return true;
  } catch (const YAML::Exception& e) {
    return loader.fail(e.mark, "", "not valid YAML: " + e.msg);
  } catch (const std::exception& e) {
    return loader.fail(YAML::Mark::null_mark(), "", std::string("cannot be read: ") + e.what());
  }
}

std::string render_init(const Detected& d) {
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };

  line("# schemagate.yaml: settings for schemagate in this project (check, refs, schema, status).");
  line("# Written by `schemagate init` from what it found here; edit it freely.");
  line("# Command-line flags override what is set here. A setting left out or commented out keeps its");
  line("# default; to set one, delete the \"# \" in front of it. An unknown key or a bad value is an");
  line("# error (exit 2) naming its line, so a typo cannot silently turn a check off.");
  line("");

  line("# Migration directories, relative to the project root (where this file is), applied in the");
  line("# order listed (--migrations). An entry is a directory, or {path: DIR, format: NAME} to name");
  line("# the migration tool instead of detecting it from the file names (`--verbose` prints the");
  line("# format detected). Left out: every usual location that exists (migrations/, db/migrations/, ...).");
  if (!d.tracking_tool.empty()) {
    line("# The migrations look like " + d.tracking_tool + "'s: against a database, schemagate reads");
    line("# the table " + d.tracking_tool + " records applied migrations in.");
  }
  if (d.migrations.empty()) {
    if (!d.no_migrations_reason.empty()) {
      // One comment line per line of the reason: a run stopped by several migrations names each.
      std::string_view reason = d.no_migrations_reason;
      std::string lead = "# `schemagate check` stops today with: ";
      for (size_t at = 0; at < reason.size();) {
        size_t end = std::min(reason.find('\n', at), reason.size());
        if (end > at) line(lead + std::string(reason.substr(at, end - at)));
        lead = "#   ";
        at = end + 1;
      }
      line("# Name your migration directories here.");
    } else {
      line("# No migration directory was found: name yours here.");
    }
    line("# migrations:");
    line("#   - db/migrations");
  } else if (!d.services.empty()) {
    line("# This project holds " + std::to_string(d.services.size()) + " services, each migrating its own database:");
    line("# each service's code is checked against its own migrations only, so a table one service");
    line("# creates and another's code uses is a finding. A code file under no service's directory is");
    line("# checked against every set together. Listing the directories under `migrations:` would");
    line("# apply them all to one schema instead, so they are left to be found on each run.");
    for (const Detected::Service& s : d.services) {
      line("#   service " + (s.root.empty() ? std::string(".") : s.root + "/") + " (" + s.evidence + "): code under " +
           (s.root.empty() ? std::string("the rest of the tree") : s.root + "/"));
      for (const Detected::MigrationDir& m : s.sets)
        line("#     " + m.path + (m.format.empty() ? "" : "  # " + m.format) +
             (m.evidence.empty() ? "" : (m.format.empty() ? "  # " : ": ") + m.evidence));
    }
    line("# migrations:");
    for (const Detected::MigrationDir& m : d.migrations) line("#   - " + yaml_scalar(m.path));
  } else {
    if (!d.services_merged.empty()) line("# Sets under several services' directories, applied as one: " + d.services_merged + ".");
    line("migrations:");
    for (const Detected::MigrationDir& m : d.migrations)
      line("  - " + yaml_scalar(m.path) + (m.format.empty() ? "" : "  # " + m.format) +
           (m.evidence.empty() ? "" : (m.format.empty() ? "  # " : ": ") + m.evidence));
  }
  if (!d.other_engines.empty()) {
    line("# Migration sets of another engine, found and left out (their SQL is not PostgreSQL's; code");
    line("# that uses their tables is listed as unchecked):");
    for (const Detected::MigrationDir& m : d.other_engines)
      line("#   " + m.path + " (" + (m.evidence.empty() ? m.format : m.evidence) + ")");
  }
  line("");

  if (!d.query_files.empty()) {
    line("# Query files found, each read as its tool sends the queries (parameters, macros, stars):");
    for (const auto& [tool, files] : d.query_files) {
      std::string shown = files.front();
      if (files.size() > 1) shown += " and " + std::to_string(files.size() - 1) + " more";
      line("#   " + tool + ": " + shown);
    }
    line("");
  }

  line("# Schemas searched for unqualified table names, in order (--search-path). Default: public.");
  if (d.search_path.empty()) {
    line("# search_path: [public]");
  } else {
    if (!d.search_path_evidence.empty()) line("# From: " + d.search_path_evidence + ".");
    std::string list;
    for (auto& schema : d.search_path) list += (list.empty() ? "" : ", ") + yaml_scalar(schema);
    line("search_path: [" + list + "]");
  }
  line("");

  line("# Limit the files scanned (--include, --exclude). A glob without \"/\" matches file names.");
  line("# Hidden directories, node_modules, vendor, build output and .gitignored files are never scanned.");
  line("# include: [\"src/**\"]");
  line("# exclude: [\"scripts/**\", \"*_test.go\"]");
  line("");

  line("# Severity per rule: error (reported; `check` exits 1), warning (reported; exit 0 without");
  line("# errors) or off (not reported). Each rule is listed with its default; docs/rules/<rule>.md");
  line("# explains it. To silence one finding, prefer a `schemagate-ignore: <rule> <reason>` comment.");
  if (d.rules.empty()) {
    line("# rules: {}");
  } else {
    line("rules:");
    for (const auto& [rule, severity] : d.rules)
      line("#   " + yaml_scalar(rule) + ": " + rule_severity_name(severity));
  }
  line("");

  line("# The environment variable that holds the database URL, read instead of DATABASE_URL when no");
  line("# --database-url is given (like --database-url-env). Name the variable; never put the URL here.");
  line("# database_url_env: DATABASE_URL");
  line("");

  const schema::migrations::Format* tool = schema::migrations::format_named(d.tracking_tool);
  if (tool && tool->tracking && tool->tracking->table_setting == "flyway_table")
    line("# Flyway was detected. Its history table, if Flyway's `table` setting renames it (--flyway-table).");
  else
    line("# Flyway's history table, if Flyway's `table` setting renames it (--flyway-table). Flyway only.");
  line("# flyway_table: flyway_schema_history");
  line("");

  line("# Extra calls whose argument is SQL, per language, added to the built-in ones (execute, query,");
  line("# QueryRowContext, ...). For a wrapper such as db.run_sql(\"SELECT ...\"), list run_sql.");
  std::vector<std::string> languages = d.languages;
  if (languages.empty()) {
    languages = {"python"};
  } else {
    line("# Languages found in this project: " + join(d.languages) + ".");
  }
  line("database_calls:");
  for (const std::string& language : languages)
    line("#   " + yaml_scalar(language) + ": [" + example_call(language) + "]");
  line("");

  line("# The git ref of the code running in production (--deployed-ref): its SQL is checked against");
  line("# the migrations this change would apply, so a migration cannot break the running code.");
  line("# deployed_ref: origin/production");
  return out;
}

}  // namespace schemagate::config
