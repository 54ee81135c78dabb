// GORM's default NamingStrategy, once: the GORM data layer names a model's table and columns
// with it, and gormigrate's AutoMigrate steps create them with it. Each function follows the Go
// code it names (gorm.io/gorm/schema/naming.go, github.com/jinzhu/inflection), rule for rule,
// because a name that differs by one letter is a false finding.
#include "analyzers/datalayers/gorm_naming.h"

#include <cctype>
#include <cstring>
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

/// jinzhu/inflection's Plural, which GORM's default NamingStrategy applies to the snake_case
/// struct name: uncountables, then irregulars (suffixes: "human" -> "humen"), then the regular
/// rules, the last listed first. Names here are lower case, so the rules' upper-case variants
/// never match.
std::string plural(const std::string& word) {
  static const char* kUncountable[] = {"equipment", "information", "rice", "money", "species", "series",
                                       "fish", "sheep", "jeans", "police", "evidence"};
  for (const char* u : kUncountable)
    if (word == u) return word;
  static const std::pair<const char*, const char*> kIrregular[] = {
      {"person", "people"}, {"man", "men"}, {"child", "children"}, {"sex", "sexes"}, {"move", "moves"},
      {"mombie", "mombies"}};
  for (auto& [one, many] : kIrregular)
    if (word.ends_with(one)) return word.substr(0, word.size() - std::strlen(one)) + many;
  static const std::vector<std::pair<std::regex, std::string>> kRules = [] {
    static const std::pair<const char*, const char*> rules[] = {
        {"([a-z])$", "$1s"}, {"s$", "s"}, {"^(ax|test)is$", "$1es"}, {"(octop|vir)us$", "$1i"},
        {"(octop|vir)i$", "$1i"}, {"(alias|status)$", "$1es"}, {"(bu)s$", "$1ses"},
        {"(buffal|tomat)o$", "$1oes"}, {"([ti])um$", "$1a"}, {"([ti])a$", "$1a"}, {"sis$", "ses"},
        {"(?:([^f])fe|([lr])f)$", "$1$2ves"}, {"(hive)$", "$1s"}, {"([^aeiouy]|qu)y$", "$1ies"},
        {"(x|ch|ss|sh)$", "$1es"}, {"(matr|vert|ind)(?:ix|ex)$", "$1ices"}, {"^(m|l)ouse$", "$1ice"},
        {"^(m|l)ice$", "$1ice"}, {"^(ox)$", "$1en"}, {"^(oxen)$", "$1"}, {"(quiz)$", "$1zes"}};
    std::vector<std::pair<std::regex, std::string>> out;
    for (size_t i = std::size(rules); i-- > 0;) out.push_back({std::regex(rules[i].first), rules[i].second});
    return out;
  }();
  for (auto& [re, replace] : kRules)
    if (std::regex_search(word, re)) return std::regex_replace(word, re, replace);
  return word;
}

std::string table_name(std::string_view type) { return plural(to_db_name(type)); }

}  // namespace schemagate::datalayers::gorm
