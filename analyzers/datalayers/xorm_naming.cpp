// xorm's mappers, tag keys and PostgreSQL types, rule for rule (see xorm_naming.h).
#include "analyzers/datalayers/xorm_naming.h"

#include <cctype>
#include <set>
#include <utility>

namespace schemagate::datalayers::xorm {

namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// An upper-cased SQL type key of xorm's schemas.SqlTypes (arguments stripped) as PostgreSQL
/// names it; "" for a word that is no type.
std::string pg_type(const std::string& key, const std::string& args) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {"BIT", "boolean"},          {"BOOL", "boolean"},        {"BOOLEAN", "boolean"},
      {"TINYINT", "smallint"},     {"SMALLINT", "smallint"},   {"MEDIUMINT", "integer"},
      {"INT", "integer"},          {"INTEGER", "integer"},     {"BIGINT", "bigint"},
      {"SERIAL", "serial"},        {"BIGSERIAL", "bigserial"}, {"CHAR", "char"},
      {"VARCHAR", "varchar"},      {"NCHAR", "char"},          {"NVARCHAR", "varchar"},
      {"TINYTEXT", "text"},        {"TEXT", "text"},           {"NTEXT", "text"},
      {"CLOB", "text"},            {"MEDIUMTEXT", "text"},     {"LONGTEXT", "text"},
      {"UUID", "uuid"},            {"DATE", "date"},           {"DATETIME", "timestamp"},
      {"TIME", "time"},            {"TIMESTAMP", "timestamp"}, {"TIMESTAMPZ", "timestamptz"},
      {"DECIMAL", "numeric"},      {"NUMERIC", "numeric"},     {"MONEY", "numeric"},
      {"REAL", "real"},            {"FLOAT", "real"},          {"DOUBLE", "double precision"},
      {"BINARY", "bytea"},         {"VARBINARY", "bytea"},     {"TINYBLOB", "bytea"},
      {"BLOB", "bytea"},           {"MEDIUMBLOB", "bytea"},    {"LONGBLOB", "bytea"},
      {"BYTEA", "bytea"},          {"JSON", "json"},           {"JSONB", "jsonb"},
      {"XML", "xml"}};
  for (auto& [k, pg] : kTypes) {
    if (key != k) continue;
    std::string t = pg;
    if ((t == "varchar" || t == "char" || t == "numeric") && !args.empty()) return t + "(" + args + ")";
    return t;
  }
  return "";
}

/// The expression a plain identifier stands for: the right-hand side of its last `name := ...`
/// or `name = ...` line before `before`; the text itself otherwise.
std::string_view definition(std::string_view text, std::string_view expr, size_t before) {
  for (char c : expr)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return expr;
  std::string_view head = text.substr(0, before);
  for (std::string_view op : {" := ", " = "}) {
    std::string needle = std::string(expr) + std::string(op);
    size_t at = head.rfind(needle);
    if (at == std::string_view::npos || (at > 0 && (std::isalnum(static_cast<unsigned char>(head[at - 1])) || head[at - 1] == '_')))
      continue;
    size_t b = at + needle.size(), eol = head.find('\n', b);
    return head.substr(b, eol == std::string_view::npos ? std::string_view::npos : eol - b);
  }
  return expr;
}

/// What follows a wrapped mapper's kind for `names.NewPrefixMapper(inner, prefix)` in `arg`
/// (at `before` in `text`): "" for a literal "" prefix; "@config:key" for a prefix read from
/// configuration with a literal key (`conf.GetConfigString("tableNamePrefix")`,
/// `web.AppConfig.String("key")`), directly or through a variable; "@other" for anything else.
std::string prefix_of(std::string_view text, std::string_view arg, size_t before) {
  size_t open = arg.find("NewPrefixMapper(");
  if (open == std::string_view::npos) return "@other";
  // The second argument: after the first top-level comma, up to the closing parenthesis.
  int depth = 0;
  size_t comma = std::string_view::npos, end = std::string_view::npos;
  for (size_t i = open + 16; i < arg.size() && end == std::string_view::npos; ++i) {
    char c = arg[i];
    if (c == '(' || c == '{' || c == '[') ++depth;
    else if ((c == ')' || c == '}' || c == ']') && depth > 0) --depth;
    else if (c == ')') end = i;
    else if (c == ',' && depth == 0) comma = i;
  }
  if (comma == std::string_view::npos || end == std::string_view::npos) return "@other";
  std::string_view p = arg.substr(comma + 1, end - comma - 1);
  while (!p.empty() && std::isspace(static_cast<unsigned char>(p.front()))) p.remove_prefix(1);
  while (!p.empty() && std::isspace(static_cast<unsigned char>(p.back()))) p.remove_suffix(1);
  if (p == "\"\"" || p == "``") return "";
  p = definition(text, p, before);
  for (std::string_view call : {"GetConfigString(\"", "AppConfig.String(\""}) {
    size_t c = p.find(call);
    if (c == std::string_view::npos) continue;
    size_t k = c + call.size(), q = p.find('"', k);
    if (q == std::string_view::npos || p.substr(q, 2) != "\")") return "@other";
    return "@config:" + std::string(p.substr(k, q - k));
  }
  return "@other";
}

}  // namespace

std::vector<std::string> mapper_settings(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view call : {".SetMapper(", ".SetTableMapper(", ".SetColumnMapper("})
    for (size_t at = text.find(call); at != std::string_view::npos; at = text.find(call, at + 1)) {
      size_t b = at + call.size(), e = std::string_view::npos;
      for (size_t i = b, depth = 0; i < text.size() && e == std::string_view::npos; ++i)
        if (text[i] == '(') ++depth;
        else if (text[i] == ')' && depth > 0) --depth;
        else if (text[i] == ')') e = i;
      std::string_view arg = text.substr(b, e == std::string_view::npos ? 0 : e - b);
      arg = definition(text, arg, at);  // `tbMapper := names.NewPrefixMapper(...)` then SetTableMapper(tbMapper)
      std::string kind = arg.find("GonicMapper") != std::string_view::npos   ? "gonic"
                         : arg.find("SnakeMapper") != std::string_view::npos ? "snake"
                                                                             : "other";
      // A prefix or suffix mapper wraps another: its names are not the wrapped one's, unless the
      // prefix is empty (a literal "", or a configuration value read later: "@config:key").
      if (arg.find("Prefix") != std::string_view::npos || arg.find("Suffix") != std::string_view::npos)
        kind = kind == "other" || arg.find("Suffix") != std::string_view::npos ? "other" : kind + prefix_of(text, arg, at);
      if (call != ".SetColumnMapper(") out.push_back("table=" + kind);
      if (call != ".SetTableMapper(") out.push_back("column=" + kind);
    }
  return out;
}

Mappers project_mappers(const std::vector<std::string>& settings) {
  std::set<std::string> table, column;
  for (const std::string& s : settings)
    (s.starts_with("table=") ? table : column).insert(s.substr(s.find('=') + 1));
  auto one = [](const std::set<std::string>& set) -> std::optional<Mapper> {
    if (set.empty()) return Mapper::snake;
    // "snake@config:key": a prefix from configuration that resolve_configured_prefixes did not read.
    if (set.size() != 1 || *set.begin() == "other" || set.begin()->find('@') != std::string::npos) return std::nullopt;
    return *set.begin() == "gonic" ? Mapper::gonic : Mapper::snake;
  };
  return {one(table), one(column)};
}

std::string configured_prefix_key(const std::string& setting) {
  size_t at = setting.find("@config:");
  return at == std::string::npos ? "" : setting.substr(at + 8);
}

std::string map_name(std::string_view name, Mapper mapper) {
  std::string out;
  if (mapper == Mapper::snake) {  // snakeCasedName: every capital starts a word
    for (size_t i = 0; i < name.size(); ++i) {
      char c = name[i];
      if (upper(c)) {
        if (i > 0) out += '_';
        c = static_cast<char>(c + ('a' - 'A'));
      }
      out += c;
    }
    return out;
  }
  // gonicCasedName: a run of capitals is one word; its last capital starts the next word when
  // a lower-case letter follows ("APIToken" -> api_token).
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (upper(c) && i > 0 && !upper(out.back())) out += '_';
    if (!upper(c) && i > 1) {
      size_t l = out.size();
      if (l >= 2 && upper(out[l - 1]) && upper(out[l - 2])) {
        char last = out[l - 1];
        out[l - 1] = '_';
        out += last;
      }
    }
    out += c;
  }
  return lower(out);
}

Tag parse_tag(std::string_view value) {
  Tag tag;
  // splitTag: spaces split keys, except inside quotes and parentheses.
  std::vector<std::string> keys;
  std::string cur;
  bool quoted = false;
  int depth = 0;
  for (char c : value) {
    if (c == '\'') quoted = !quoted;
    if (c == '(' && !quoted) ++depth;
    if (c == ')' && !quoted && depth > 0) --depth;
    if (c == ' ' && !quoted && depth == 0) {
      if (!cur.empty()) keys.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!cur.empty()) keys.push_back(std::move(cur));
  if (keys.size() == 1 && keys[0] == "-") {
    tag.ignored = true;
    return tag;
  }
  static const std::set<std::string> kFlags = {"NULL",    "NOT",     "NOTNULL", "INDEX",   "CREATED", "UPDATED",
                                               "DELETED", "VERSION", "CACHE",   "NOCACHE", "UTC",     "LOCAL",
                                               "<-",      "->",      "CASCADE", "ENUM",    "SET",     "UNSIGNED"};
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string& k = keys[i];
    std::string key = k.substr(0, k.find('('));
    std::string args = k.find('(') == std::string::npos ? "" : k.substr(k.find('(') + 1);
    if (!args.empty() && args.back() == ')') args.pop_back();
    for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (k.size() >= 2 && k.front() == '\'' && k.back() == '\'') {
      tag.name = k.substr(1, k.size() - 2);
    } else if (key == "-") {
      tag.ignored = true;
    } else if (key == "EXTENDS") {
      tag.extends = true;
    } else if (key == "PK") {
      tag.pk = true;
    } else if (key == "AUTOINCR") {
      tag.autoincr = true;
    } else if (key == "UNIQUE") {
      if (args.empty()) tag.unique = true;
      else tag.unique_groups.push_back(args);
    } else if (key == "NOT" || key == "NOTNULL") {
      tag.not_null = true;
    } else if (key == "DEFAULT" || key == "COMMENT") {
      if (args.empty()) ++i;  // the next key is the value
    } else if (key == "JSON") {
      tag.json = true;
    } else if (kFlags.count(key)) {
    } else if (std::string t = pg_type(key, args); !t.empty()) {
      tag.sql_type = t;
    } else {
      tag.name = k;  // an unknown word names the column
    }
  }
  if (tag.json && tag.sql_type.empty()) tag.sql_type = "text";
  if (tag.autoincr && (tag.sql_type == "integer" || tag.sql_type == "smallint")) tag.sql_type = "serial";
  if (tag.autoincr && tag.sql_type == "bigint") tag.sql_type = "bigserial";
  return tag;
}

std::string go_sql_type(std::string_view t, bool autoincr) {
  while (t.starts_with("*")) t.remove_prefix(1);
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {"int", "integer"},     {"int8", "integer"},   {"int16", "integer"},   {"int32", "integer"},
      {"uint", "integer"},    {"uint8", "integer"},  {"uint16", "integer"},  {"uint32", "integer"},
      {"int64", "bigint"},    {"uint64", "bigint"},  {"float32", "real"},    {"float64", "double precision"},
      {"bool", "boolean"},    {"string", "varchar(255)"}, {"[]byte", "bytea"}, {"time.Time", "timestamp"}};
  for (auto& [go, pg] : kTypes)
    if (t == go) {
      if (autoincr && pg == "integer") return "serial";
      if (autoincr && pg == "bigint") return "bigserial";
      return std::string(pg);
    }
  if (t.starts_with("[]") || t.starts_with("map[")) return "text";  // stored as JSON
  return "";
}

}  // namespace schemagate::datalayers::xorm
