// GORM's default NamingStrategy, once: the GORM data layer names a model's table and columns
// with it, and gormigrate's AutoMigrate steps create them with it. Each function follows the Go
// code it names (gorm.io/gorm/schema/naming.go, github.com/jinzhu/inflection), rule for rule,
// because a name that differs by one letter is a false finding.
#include "analyzers/datalayers/gorm_naming.h"

#include <cctype>
#include <cstring>
#include <optional>
#include <regex>
#include <utility>
#include <vector>

namespace schemagate::datalayers::gorm {

/// GORM's NamingStrategy.toDBName: common initialisms first become one word ("ID" -> "Id"),
/// then an upper-case letter starts a word unless it continues a run of capitals.
std::string to_db_name(std::string_view name) {
  static const char* kInitialisms[] = {"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS",
                                       "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH",
                                       "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF",
                                       "XSS"};
  std::string value;
  for (size_t i = 0; i < name.size();) {
    bool replaced = false;
    for (const char* w : kInitialisms) {  // strings.NewReplacer: the first listed match wins
      size_t n = std::strlen(w);
      if (name.compare(i, n, w) == 0) {
        value += w[0];
        for (size_t k = 1; k < n; ++k) value += static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
        i += n;
        replaced = true;
        break;
      }
    }
    if (!replaced) value += name[i++];
  }
  if (value.empty()) return value;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  bool last_case = false, cur_case = upper(value[0]);
  for (size_t i = 0; i + 1 < value.size(); ++i) {
    char v = value[i];
    bool next_case = upper(value[i + 1]), next_number = digit(value[i + 1]);
    if (cur_case) {
      if (last_case && (next_case || next_number)) {
        out += static_cast<char>(v + 32);
      } else {
        if (i > 0 && value[i - 1] != '_' && value[i + 1] != '_') out += '_';
        out += static_cast<char>(v + 32);
      }
    } else {
      out += v;
    }
    last_case = cur_case;
    cur_case = next_case;
  }
  char end = value.back();
  if (cur_case) {
    if (!last_case && value.size() > 1) out += '_';
    out += static_cast<char>(end + 32);
  } else {
    out += end;
  }
  return out;
}

namespace {

/// One release of jinzhu/inflection's plural tables.
struct Inflections {
  std::vector<const char*> uncountable;                        ///< whole words
  std::vector<std::pair<const char*, const char*>> irregular;  ///< suffixes
  std::vector<std::pair<const char*, const char*>> rules;      ///< as listed: the last is tried first
};

/// Plural under `t`: uncountables, then irregulars (suffixes: "human" -> "humen"), then the
/// regular rules, the last listed first. Names here are lower case, so the rules' upper-case
/// variants never match.
std::string inflect(const std::string& word, const Inflections& t, const std::vector<std::pair<std::regex, std::string>>& rules) {
  for (const char* u : t.uncountable)
    if (word == u) return word;
  for (auto& [one, many] : t.irregular)
    if (word.ends_with(one)) return word.substr(0, word.size() - std::strlen(one)) + many;
  for (auto& [re, replace] : rules)
    if (std::regex_search(word, re)) return std::regex_replace(word, re, replace);
  return word;
}

std::vector<std::pair<std::regex, std::string>> compiled(const Inflections& t) {
  std::vector<std::pair<std::regex, std::string>> out;
  for (size_t i = t.rules.size(); i-- > 0;) out.push_back({std::regex(t.rules[i].first), t.rules[i].second});
  return out;
}

// v1.0.0, the one tagged release (what GORM v2 and bun require).
const Inflections kRelease = {
    {"equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police"},
    {{"person", "people"}, {"man", "men"}, {"child", "children"}, {"sex", "sexes"}, {"move", "moves"},
     {"mombie", "mombies"}},
    {{"([a-z])$", "$1s"}, {"s$", "s"}, {"^(ax|test)is$", "$1es"}, {"(octop|vir)us$", "$1i"},
     {"(octop|vir)i$", "$1i"}, {"(alias|status)$", "$1es"}, {"(bu)s$", "$1ses"},
     {"(buffal|tomat)o$", "$1oes"}, {"([ti])um$", "$1a"}, {"([ti])a$", "$1a"}, {"sis$", "ses"},
     {"(?:([^f])fe|([lr])f)$", "$1$2ves"}, {"(hive)$", "$1s"}, {"([^aeiouy]|qu)y$", "$1ies"},
     {"(x|ch|ss|sh)$", "$1es"}, {"(matr|vert|ind)(?:ix|ex)$", "$1ices"}, {"^(m|l)ouse$", "$1ice"},
     {"^(m|l)ice$", "$1ice"}, {"^(ox)$", "$1en"}, {"^(oxen)$", "$1"}, {"(quiz)$", "$1zes"}}};

// The latest commits (untagged): more irregulars and uncountables, campus and drive.
const Inflections kLatest = {
    {"equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police", "milk",
     "salt", "time", "water", "paper", "food", "art", "cash", "music", "help", "luck", "oil", "progress", "rain",
     "research", "shopping", "software", "traffic"},
    {{"person", "people"}, {"man", "men"}, {"child", "children"}, {"sex", "sexes"}, {"move", "moves"},
     {"ombie", "ombies"}, {"goose", "geese"}, {"foot", "feet"}, {"moose", "moose"}, {"tooth", "teeth"},
     {"leaf", "leaves"}, {"chassis", "chassis"}},
    {{"([a-z])$", "$1s"}, {"s$", "s"}, {"^(ax|test)is$", "$1es"}, {"(octop|vir)us$", "$1i"},
     {"(octop|vir)i$", "$1i"}, {"(alias|status|campus)$", "$1es"}, {"(bu)s$", "$1ses"},
     {"(buffal|tomat)o$", "$1oes"}, {"([ti])um$", "$1a"}, {"([ti])a$", "$1a"}, {"sis$", "ses"},
     {"(?:([^f])fe|([lr])f)$", "$1$2ves"}, {"(hive)$", "$1s"}, {"([^aeiouy]|qu)y$", "$1ies"},
     {"(x|ch|ss|sh)$", "$1es"}, {"(matr|vert|ind)(?:ix|ex)$", "$1ices"}, {"^(m|l)ouse$", "$1ice"},
     {"^(m|l)ice$", "$1ice"}, {"^(ox)$", "$1en"}, {"^(oxen)$", "$1"}, {"(quiz)$", "$1zes"},
     {"(drive)$", "$1s"}}};

}  // namespace

/// jinzhu/inflection's Plural, which GORM's default NamingStrategy applies to the snake_case
/// struct name.
std::string plural(const std::string& word) {
  static const std::vector<std::pair<std::regex, std::string>> rules = compiled(kRelease);
  return inflect(word, kRelease, rules);
}

std::optional<std::string> certain_plural(const std::string& word) {
  static const std::vector<std::pair<std::regex, std::string>> rules = compiled(kLatest);
  std::string release = plural(word);
  // "evidence": uncountable in the commits of 2020 between two of the others.
  if (word == "evidence" || inflect(word, kLatest, rules) != release) return std::nullopt;
  return release;
}

std::optional<std::string> module_plural(const std::string& word, bool pinned) {
  return pinned ? certain_plural(word) : std::optional<std::string>(plural(word));
}

std::string go_module_version(std::string_view go_mod, std::string_view module) {
  std::string found;
  for (size_t at = go_mod.find(module); at != std::string_view::npos; at = go_mod.find(module, at + 1)) {
    size_t line = go_mod.rfind('\n', at);
    line = line == std::string_view::npos ? 0 : line + 1;
    size_t end = go_mod.find('\n', at);
    std::string_view head = go_mod.substr(line, at - line), rest = go_mod.substr(at + module.size(), end == std::string_view::npos ? std::string_view::npos : end - at - module.size());
    if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') continue;  // a longer module path
    if (head.find("//") != std::string_view::npos) continue;                    // a comment
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (head.find("replace") != std::string_view::npos || rest.starts_with("=>") ||
        rest.find("=>") != std::string_view::npos)
      return "replaced";
    size_t stop = rest.find_first_of(" \t\r/");
    if (std::string v(rest.substr(0, stop)); !v.empty()) found = v;
  }
  return found;
}

std::string table_name(std::string_view type) { return plural(to_db_name(type)); }

}  // namespace schemagate::datalayers::gorm
