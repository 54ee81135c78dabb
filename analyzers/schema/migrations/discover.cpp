// Finding migration sets and schema dumps by their signatures; see discover.h for the why.
// The walk is source::discover_files (so .gitignore, hidden, dependency and build directories are
// skipped exactly as for code); a directory becomes a candidate when it holds .sql files, a
// Drizzle journal, or Prisma's <name>/migration.sql, or when a tool's configuration names it. A
// candidate is a set only when a format's detect() recognises it; the catch-all "plain" format is
// accepted only where a person would say "these are migrations": a usual location, a folder named
// migrations, or one that a tool's configuration names.
#include "analyzers/schema/migrations/discover.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/file_system.h"
#include "analyzers/source/gated_read.h"
#include "analyzers/report/locator.h"

namespace schemagate::schema::migrations {

extern const Format kPlain;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  // ASCII, as std::tolower in the C locale the program runs in, without a call per byte (whole
  // migration files are lowered).
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string parent_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    if (end > begin) out.push_back(lower(path.substr(begin, end - begin)));
    begin = end + 1;
  }
  return out;
}

/// Test data, fixtures and stubs hold migrations that exercise a tool, not the project's schema.
bool under_test_data(std::string_view dir) {
  for (const std::string& c : components(dir))
    if (c == "testdata" || c == "fixtures" || c == "__fixtures__" || c == "test" || c == "tests" ||
        c == "__tests__" || c == "test-fixtures" || c == "stub" || c == "stubs" || c == "mocks")
      return true;
  return false;
}

bool is_usual_location(const std::string& dir) {
  for (const std::string& d : default_directories())
    if (dir == d) return true;
  return false;
}

/// Whether a plain directory of .sql files reads as migrations: a folder named "migrations" or
/// "migration", or directly inside one, whose files are numbered.
bool numbered_migrations_folder(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  // migrations/ itself, or one set of several under it (migrations/tenant/, migrations/multitenant/).
  auto named = [](std::string n) { return n == "migrations" || n == "migration"; };
  if (!named(lower(last_component(dir))) && !named(lower(last_component(parent_of(dir))))) return false;
  for (const std::string& f : sql_file_names(fs, root, dir))
    if (!numbered_prefix(f).empty()) return true;
  return false;
}

/// The first file of `dir`'s .sql files, up to a few, that names another engine by its syntax.
std::string engine_of_files(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                            const std::string& format, std::string* file) {
  std::vector<std::string> names = sql_file_names(fs, root, dir);
  // Prisma keeps one script per subdirectory. Flyway reads its location's subfolders too (Kill
  // Bill's module folder holds a portable ddl.sql, its migration/ subfolder MySQL's scripts):
  // they are read breadth first, a few levels down. No other format's subfolders are (synapse's
  // old deltas are not the schema it installs).
  if (names.empty() && format != "flyway")
    for (const source::DirEntry& e : fs.list(on_disk(root, dir)))
      if (e.is_dir && fs.is_file(on_disk(root, dir + "/" + e.name + "/migration.sql")))
        names.push_back(e.name + "/migration.sql");
  std::vector<std::string> level = {""};
  for (int depth = 0; depth < 5 && !level.empty() && names.size() <= 40 && format == "flyway"; ++depth) {
    std::vector<std::string> next;
    for (const std::string& rel : level)
      for (const source::DirEntry& e : fs.list(on_disk(root, rel.empty() ? dir : dir + "/" + rel)))
        if (e.is_dir && e.name[0] != '.') next.push_back(rel.empty() ? e.name : rel + "/" + e.name);
    for (const std::string& sub : next)
      for (const std::string& f : sql_file_names(fs, root, dir + "/" + sub)) names.push_back(sub + "/" + f);
    level = std::move(next);
  }
  size_t n = 0;
  for (const std::string& f : names) {
    if (++n > 40) break;
    std::string text, err;
    if (!fs.read(on_disk(root, source::join_path(dir, f)), &text, &err)) continue;
    std::string engine = engine_of_sql(text);
    if (!engine.empty()) {
      *file = source::join_path(dir, f);
      return engine;
    }
  }
  return "";
}

/// A value of `key` in a small config text: `key = "v"`, `key: v`, `"key": "v"`, `KEY=v`.
std::vector<std::string> config_values(const std::string& text, std::string_view key) {
  std::vector<std::string> out;
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) continue;
    size_t k = at + key.size();
    if (k < text.size() && text[k] == '"') ++k;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k >= text.size() || (text[k] != ':' && text[k] != '=')) continue;
    ++k;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '[')) ++k;
    // One value, or a comma-separated / YAML-list of them on the following lines.
    auto take = [&](size_t from) {
      std::string v;
      size_t i = from;
      char quote = 0;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == '`')) quote = text[i++];
      while (i < text.size() && text[i] != '\n' && (quote ? text[i] != quote : text[i] != ',' && text[i] != ']' &&
                                                                                    text[i] != ' ' && text[i] != '#'))
        v.push_back(text[i++]);
      while (!v.empty() && (v.back() == '\r' || v.back() == ' ')) v.pop_back();
      return std::make_pair(v, i);
    };
    auto [v, end] = take(k);
    if (!v.empty()) {
      out.push_back(v);
      // "a, b" after the first value.
      size_t i = end + (end < text.size() && text[end] != '\n' && text[end] != ',' ? 1 : 0);
      while (i < text.size() && text[i] == ',') {
        ++i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '"' || text[i] == '\'')) {
          if (text[i] == '"' || text[i] == '\'') break;
          ++i;
        }
        auto [w, e2] = take(i);
        if (w.empty()) break;
        // The next key of an object on the same line (`"dialect":"postgresql","entries":[...]`,
        // `{ dialect: "postgresql", schema: "./src" }`): the list ended with the value before it.
        size_t q = e2 < text.size() && (text[e2] == '"' || text[e2] == '\'') ? e2 + 1 : e2;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
        if (w.back() == ':' || (q < text.size() && text[q] == ':')) break;
        out.push_back(w);
        i = e2 + (e2 < text.size() && text[e2] != '\n' && text[e2] != ',' ? 1 : 0);
      }
    } else {
      // YAML list: "- value" lines.
      size_t line = text.find('\n', end);
      while (line != std::string::npos) {
        size_t i = line + 1;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (i >= text.size() || text[i] != '-') break;
        ++i;
        while (i < text.size() && text[i] == ' ') ++i;
        auto [w, e2] = take(i);
        if (!w.empty()) out.push_back(w);
        line = text.find('\n', e2);
      }
    }
  }
  return out;
}

/// A configured location as a root-relative directory: "./db/migrations" -> "db/migrations";
/// Flyway's "filesystem:" and "classpath:" (under the module's src/main/resources).
std::string normalize_location(std::string v, const std::string& config_dir, bool flyway) {
  if (v.rfind("filesystem:", 0) == 0) v = v.substr(11);
  else if (v.rfind("classpath:", 0) == 0) v = "src/main/resources/" + v.substr(std::min(v.size(), v.find_first_not_of('/', 10)));
  else if (flyway && v.find(':') == std::string::npos && v.find('/') != std::string::npos && v.rfind("db/", 0) == 0)
    v = "src/main/resources/" + v;  // Spring's default prefix is classpath:
  while (v.rfind("./", 0) == 0) v = v.substr(2);
  while (!v.empty() && v.back() == '/') v.pop_back();
  if (v.empty() || v[0] == '/' || v.find('$') != std::string::npos || v.find('{') != std::string::npos ||
      v.find('*') != std::string::npos)
    return "";
  // A module's config lives in <module>/src/main/resources; classpath paths are relative to the module.
  std::string base = config_dir;
  if (flyway) {
    size_t at = base.find("src/main/resources");
    if (at != std::string::npos) base = at == 0 ? "" : base.substr(0, at - 1);
  }
  // A service's config may name a shared folder above it (sqlc.yaml's `schema: ../../sql/x`):
  // resolved within the tree, never above its root.
  return source::resolve_dots(source::join_path(base, v)).value_or("");
}

/// The quoted strings of a JavaScript expression, each with whether `__dirname +` or
/// `path.join(__dirname, ...)` makes it relative to the file: `['src/db/changes/*.ts']`,
/// `path.resolve('db', 'migrations')`, `__dirname + '/migrations/*{.ts,.js}'`.
struct JsPath {
  std::string path;
  bool from_file = false;
};

/// The paths a JavaScript config gives `key` (`key: ...`, `'key': ...`), up to the end of its
/// value: a string, an array of strings, or path.join / path.resolve of strings. A value built
/// any other way (a variable, process.env) gives nothing.
std::vector<JsPath> js_config_paths(const std::string& text, std::string_view key) {
  std::vector<JsPath> out;
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_' || text[at - 1] == '-'))
      continue;
    size_t k = at + key.size();
    if (k < text.size() && (text[k] == '"' || text[k] == '\'')) ++k;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k >= text.size() || text[k] != ':') continue;
    ++k;
    // The value runs to the first ',' or '}' outside brackets and quotes.
    int depth = 0;
    std::string parts;  // the path pieces of one element, joined by '/'
    bool from_file = false, computed = false, any = false;
    auto flush = [&]() {
      if (from_file) parts.erase(0, parts.find_first_not_of('/'));  // __dirname + '/migrations'
      if (any && !computed && !parts.empty()) out.push_back({parts, from_file});
      parts.clear();
      from_file = computed = any = false;
    };
    for (size_t i = k; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"' || c == '\'' || c == '`') {
        size_t close = text.find(c, i + 1);
        if (close == std::string::npos) break;
        std::string v = text.substr(i + 1, close - i - 1);
        if (c == '`' && v.find("${") != std::string::npos) computed = true;
        parts += (parts.empty() || v.empty() || v[0] == '/' ? "" : "/") + v;
        any = true;
        i = close;
      } else if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (--depth < 0) break;
      } else if (c == ',') {
        if (depth == 0) break;
        if (depth == 1 && text[k + text.substr(k).find_first_not_of(" \t\r\n")] == '[') flush();
      } else if (text.compare(i, 9, "__dirname") == 0) {
        from_file = true;
        i += 8;
      } else if (text.compare(i, 4, "path") == 0 || text.compare(i, 4, "join") == 0 || text.compare(i, 7, "resolve") == 0 ||
                 c == '+' || c == '.' || std::isspace(static_cast<unsigned char>(c))) {
        if (std::isalpha(static_cast<unsigned char>(c))) i += (text.compare(i, 7, "resolve") == 0 ? 6 : 3);
      } else {
        computed = true;  // process.env, a variable, process.cwd()
        while (i + 1 < text.size() && (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '_')) ++i;
      }
    }
    flush();
  }
  return out;
}

/// A glob's directory: 'src/migrations/*.ts' -> 'src/migrations'; a path without a wildcard
/// is the directory itself.
std::string glob_directory(std::string p) {
  size_t wild = p.find_first_of("*{?");
  if (wild != std::string::npos) {
    size_t slash = p.rfind('/', wild);
    p = slash == std::string::npos ? "" : p.substr(0, slash);
  }
  return p;
}

/// Whether a file name is one of the JavaScript configs that name migration directories:
/// knexfile.*, TypeORM's ormconfig / data source files.
bool js_migration_config(const std::string& name) {
  bool script = name.ends_with(".js") || name.ends_with(".ts") || name.ends_with(".cjs") || name.ends_with(".mjs") ||
                name.ends_with(".json");
  return script && (name.rfind("knexfile", 0) == 0 || name.find("ormconfig") != std::string::npos ||
                    name.find("data-source") != std::string::npos || name.find("datasource") != std::string::npos ||
                    name.find("typeorm") != std::string::npos);
}

struct Candidate {
  std::string evidence;  ///< set when a tool's configuration names the directory
  std::set<std::string> config_dirs;  ///< where the configurations that name it are (not the root)
};

bool is_sql(std::string_view f) { return f.size() > 4 && lower(f.substr(f.size() - 4)) == ".sql"; }

/// The version of a Flyway versioned migration's file name (V1_2__x.sql: "1.2"), or "".
std::string flyway_version(std::string_view name) {
  if (!name.starts_with("V") || !is_sql(name)) return "";
  size_t separator = name.find("__", 1);
  if (separator == std::string_view::npos || separator == 1) return "";
  std::string v(name.substr(1, separator - 1));
  for (char& c : v)
    if (c == '_') c = '.';
    else if (c != '.' && (c < '0' || c > '9')) return "";
  return v;
}

/// Whether `dir` itself (not its subfolders) holds a Flyway versioned migration.
bool holds_flyway_migration(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  for (const source::DirEntry& e : fs.list(on_disk(root, dir)))
    if (!e.is_dir && !flyway_version(e.name).empty()) return true;
  return false;
}

/// The version folders (0.21/, 0.22/ ...: a name starting with a digit, holding .sql files) in dir.
std::vector<std::string> upgrade_folders(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> out;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir))) {
    if (!e.is_dir || e.name.empty() || !std::isdigit(static_cast<unsigned char>(e.name[0]))) continue;
    std::string sub = dir.empty() ? e.name : dir + "/" + e.name;
    for (const source::DirEntry& g : fs.list(on_disk(root, sub)))
      if (!g.is_dir && is_sql(g.name)) {
        out.push_back(sub);
        break;
      }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// One schema file per engine (DolphinScheduler's sql/dolphinscheduler_postgresql.sql beside
/// _mysql.sql and _h2.sql; a registry's postgresql_registry_init.sql beside mysql_...): a file
/// whose name holds an engine's word where a sibling's holds another's, one of them PostgreSQL's
/// (and which creates tables: aggregate_postgres.sql beside aggregate_mysql.sql is a query script).
/// Returns the sibling's name, or "".
static const std::set<std::string_view> kEngineWords = {"postgresql", "postgres", "pg",    "mysql",  "mariadb",
                                                        "h2",         "hsqldb",   "derby", "oracle", "mssql",
                                                        "sqlserver",  "sqlite",   "db2"};
static bool postgres_word(std::string_view w) { return w == "postgresql" || w == "postgres" || w == "pg"; }

/// A file name's words (lower case), with the separators between them: "ddl", "-", "postgresql", ".", "sql".
static std::vector<std::string> name_parts(std::string_view rel) {
  std::string name = lower(last_component(rel));
  std::vector<std::string> parts;
  for (size_t b = 0; b < name.size();) {
    size_t e = name.find_first_of("_-.", b);
    if (e == std::string::npos) e = name.size();
    parts.push_back(name.substr(b, e - b));
    if (e < name.size()) parts.push_back(name.substr(e, 1));
    b = e + 1;
  }
  return parts;
}

static std::set<std::string> sibling_names(const source::FileSystem& fs, const std::string& root, const std::string& rel) {
  std::set<std::string> siblings;
  for (const source::DirEntry& e : fs.list(on_disk(root, parent_of(rel))))
    if (!e.is_dir) siblings.insert(lower(e.name));
  return siblings;
}

std::string engine_variant_sibling(const source::FileSystem& fs, const std::string& root, const std::string& rel) {
  std::set<std::string> siblings = sibling_names(fs, root, rel);
  std::vector<std::string> parts = name_parts(rel);
  for (size_t i = 0; i + 1 < parts.size(); i += 2) {  // the last word is the extension
    if (!kEngineWords.count(parts[i])) continue;
    bool postgres = postgres_word(parts[i]);
    for (std::string_view other : kEngineWords) {
      if (other == parts[i]) continue;
      if (postgres == postgres_word(other)) continue;
      std::string candidate;
      for (size_t j = 0; j < parts.size(); ++j) candidate += j == i ? std::string(other) : parts[j];
      if (siblings.count(candidate)) return candidate;
    }
  }
  return "";
}

/// The PostgreSQL part of a portable install: a file named like a sibling with PostgreSQL's word
/// last (Kill Bill's util/ddl-postgresql.sql beside ddl.sql), which the install runs first on
/// PostgreSQL (domains and functions the portable scripts need), then every script of the
/// sibling's name (each module's ddl.sql). Returns the sibling's name, or "".
std::string postgres_prelude_of(const source::FileSystem& fs, const std::string& root, const std::string& rel) {
  std::vector<std::string> parts = name_parts(rel);
  // base, separator, the engine's word, ".", "sql"
  if (parts.size() < 5 || !postgres_word(parts[parts.size() - 3]) || (parts[parts.size() - 4] != "-" && parts[parts.size() - 4] != "_"))
    return "";
  std::string base;
  for (size_t j = 0; j < parts.size(); ++j)
    if (j + 4 != parts.size() && j + 3 != parts.size()) base += parts[j];
  return sibling_names(fs, root, rel).count(base) ? base : "";
}

bool looks_like_dump(const source::FileSystem& fs, const std::string& root, const std::string& rel,
                     std::string* evidence) {
  std::string name = lower(last_component(rel));
  std::string text, err;
  if (!fs.read(on_disk(root, rel), &text, &err)) return false;
  if (text.substr(0, 4096).find("PostgreSQL database dump") != std::string::npos) {
    *evidence = "pg_dump output";
    return true;
  }
  if (name == "schema.sql" || name == "structure.sql" || name == "dump.sql") {
    *evidence = "a schema file named " + name;
    return true;
  }
  // A schema written one file per table, with lifecycle scripts a setup command runs around them
  // (Logto's packages/schemas/tables/: _before_all.sql, _after_each.sql and _after_all.sql, whose
  // `${name}` templates create roles, grants and policies for each tenant, no relation or
  // column): each table file is schema; a lifecycle script is not applied.
  std::string dir = parent_of(rel);
  if (lower(last_component(dir)) == "tables" && fs.is_file(on_disk(root, dir + "/_before_all.sql")) &&
      fs.is_file(on_disk(root, dir + "/_after_each.sql")) && text.find("${") == std::string::npos) {
    *evidence = "a table file of " + dir + "/, beside its lifecycle scripts _before_all.sql and _after_each.sql";
    return true;
  }
  // A schema written in several files named for their part (ThingsBoard's
  // dao/src/main/resources/sql/: schema-entities.sql, schema-entities-idx.sql, schema-ts-psql.sql,
  // schema-functions.sql, ... which its installer runs on an empty database): every .sql file of
  // the folder so named, two at least, and no engine but PostgreSQL named in any.
  if (name.starts_with("schema-") || name.starts_with("schema_")) {
    size_t parts = 0;
    bool only_parts = true;
    for (const source::DirEntry& e : fs.list(on_disk(root, dir))) {
      std::string n = lower(e.name);
      if (e.is_dir || !n.ends_with(".sql")) continue;
      bool part = (n.starts_with("schema-") || n.starts_with("schema_")) &&
                  engine_named_in_name(n.substr(0, n.size() - 4), true).empty();
      only_parts = only_parts && part;
      parts += part;
    }
    if (only_parts && parts >= 2) {
      *evidence = "a part of the schema written in the " + std::to_string(parts) + " schema-*.sql files of " + dir + "/";
      return true;
    }
  }
  if (std::string sibling = engine_variant_sibling(fs, root, rel);
      !sibling.empty() && lower(text).find("create table") != std::string::npos) {
    *evidence = "a schema file named for its engine, beside " + sibling;
    return true;
  }
  // A runner that installs the newest schema whole and upgrades older databases through version
  // folders beside it (LATEST.sql next to 0.21/, 0.22/ ... of .sql files): the file is the schema.
  if (name == "latest.sql") {
    std::vector<std::string> folders = upgrade_folders(fs, root, parent_of(rel));
    if (!folders.empty()) {
      *evidence = "the newest schema whole, beside upgrade folders such as " + std::string(last_component(folders.front())) + "/";
      return true;
    }
  }
  return false;
}

/// schema_migrations versions recorded in a dump: dbmate's and Rails' INSERT ... VALUES, or a
/// pg_dump's COPY ... FROM stdin rows.
std::vector<std::string> recorded_versions(const std::string& text) {
  std::vector<std::string> out;
  std::string low = lower(text);
  for (size_t at = low.find("schema_migrations"); at != std::string::npos;
       at = low.find("schema_migrations", at + 1)) {
    size_t line = low.rfind('\n', at);
    line = line == std::string::npos ? 0 : line + 1;
    std::string_view head = std::string_view(low).substr(line, at - line);
    bool insert = head.find("insert into") != std::string_view::npos;
    bool copy = head.rfind("copy ", 0) == 0;
    if (!insert && !copy) continue;
    if (insert) {
      size_t end = low.find(';', at);
      for (size_t q = low.find('\'', at); q != std::string::npos && q < end; q = low.find('\'', q + 1)) {
        size_t close = low.find('\'', q + 1);
        if (close == std::string::npos || close > end) break;
        std::string v = text.substr(q + 1, close - q - 1);
        if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
          out.push_back(v);
        q = close;
      }
    } else {
      size_t row = low.find('\n', at);
      while (row != std::string::npos && row + 1 < low.size()) {
        size_t end = low.find('\n', row + 1);
        std::string_view r = std::string_view(text).substr(row + 1, (end == std::string::npos ? low.size() : end) - row - 1);
        if (r.rfind("\\.", 0) == 0) break;
        std::string_view v = r.substr(0, r.find('\t'));
        if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
          out.emplace_back(v);
        row = end;
      }
    }
  }
  return out;
}

/// The schemas after `search_path` in text[at...]: `search_path TO a, b`, `search_path = 'a,b'`,
/// `search_path=a`, `search_path%3Da%2Cb` (URL-encoded in a connection string).
std::vector<std::string> schemas_after(const std::string& text, size_t at) {
  std::string low = lower(text.substr(at, 200));
  size_t k = 11;  // "search_path"
  while (k < low.size() && (low[k] == ' ' || low[k] == '\t')) ++k;
  if (low.compare(k, 3, "%3d") == 0) k += 3;
  else if (low.compare(k, 2, "to") == 0) k += 2;
  else if (k < low.size() && low[k] == '=') ++k;
  else return {};
  size_t end = low.find_first_of(";\n&?", k);
  std::string rest = low.substr(k, end == std::string::npos ? std::string::npos : end - k);
  for (size_t p = rest.find("%2c"); p != std::string::npos; p = rest.find("%2c")) rest.replace(p, 3, ",");
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= rest.size()) {
    size_t comma = rest.find(',', begin);
    std::string item = rest.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
    size_t first = item.find_first_not_of(" \t\"'");
    item = first == std::string::npos ? "" : item.substr(first);
    item = item.substr(0, item.find_first_of(" \t"));  // "app sslmode=disable": the list ends at a blank
    std::string name;
    for (char c : item)
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$') name.push_back(c);
      else if (c != ' ' && c != '"' && c != '\'' && c != '\t' && c != '\r') { name.clear(); break; }
    if (name.empty()) break;  // not a list of names: stop at the first thing that is not one
    if (name != "$user") out.push_back(name);
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return out;
}

/// Where the repository states the role's or database's search path.
void find_search_path(const source::FileSystem& fs, const std::string& root, const std::vector<std::string>& files,
                      Discovery* out) {
  for (const std::string& f : files) {
    std::string name = lower(last_component(f));
    bool sql = is_sql(name);
    bool config = parent_of(f).empty() && (name.ends_with(".yml") || name.ends_with(".yaml") || name.ends_with(".toml") ||
                                            name.ends_with(".properties") || name.rfind(".env", 0) == 0);
    if (!sql && !config) continue;
    std::string text, err;
    if (!fs.read(on_disk(root, f), &text, &err)) continue;
    std::string low = lower(text);
    for (size_t at = low.find("search_path"); at != std::string::npos; at = low.find("search_path", at + 1)) {
      size_t line = low.rfind('\n', at);
      line = line == std::string::npos ? 0 : line + 1;
      std::string head = low.substr(line, at - line);
      if (sql && head.find("alter role") == std::string::npos && head.find("alter database") == std::string::npos &&
          head.find("alter user") == std::string::npos)
        continue;
      std::vector<std::string> path = schemas_after(text, at);
      if (path.empty()) continue;
      out->search_path = path;
      out->search_path_evidence = report::place_in(f, low, at);
      return;
    }
  }
}

}  // namespace

/// The engine of a Rails app's db/migrate: the adapters its config/database.yml (or the sample
/// a checkout copies it from) names, else the database gems of its Gemfile. "" when PostgreSQL
/// is among them, or nothing says.
std::string rails_engine(const source::FileSystem& fs, const std::string& root, const std::string& dir, std::string* why) {
  std::string app = dir == "db/migrate" ? "" : dir.ends_with("/db/migrate") ? dir.substr(0, dir.size() - 11) : "";
  if (app.empty() && dir != "db/migrate") return "";
  auto engine_of = [](std::string_view name) -> std::string {
    if (name.starts_with("postgres") || name == "pg" || name == "postgis" || name.starts_with("activerecord-postgis")) return "";
    if (name.starts_with("sqlite") || name == "litestack") return "SQLite";
    if (name.starts_with("mysql") || name == "trilogy") return "MySQL";
    return "?";
  };
  std::string text, err;
  for (const char* config : {"config/database.yml", "config/database.yml.sample", "config/database.yml.example"}) {
    std::string path = app.empty() ? config : app + "/" + config;
    if (!fs.read(on_disk(root, path), &text, &err)) continue;
    std::set<std::string> engines;
    for (const std::string& v : config_values(text, "adapter")) engines.insert(engine_of(v));
    if (engines.empty() || engines.count("") || engines.count("?") || engines.size() != 1) return "";
    *why = path + " adapter";
    return *engines.begin();
  }
  std::string gemfile = app.empty() ? "Gemfile" : app + "/Gemfile";
  if (!fs.read(on_disk(root, gemfile), &text, &err) && (app.empty() || !fs.read(on_disk(root, "Gemfile"), &text, &err)))
    return "";
  std::set<std::string> engines;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    size_t g = line.find_first_not_of(" \t");
    if (g == std::string::npos || line.compare(g, 4, "gem ") != 0) continue;
    size_t q = line.find_first_of("\"'", g + 4);
    if (q == std::string::npos) continue;
    size_t e = line.find(line[q], q + 1);
    if (e == std::string::npos) continue;
    std::string name = line.substr(q + 1, e - q - 1);
    if (name == "pg" || name == "sqlite3" || name == "mysql2" || name == "trilogy" || name.starts_with("activerecord-postgis"))
      engines.insert(engine_of(name));
  }
  if (engines.size() != 1 || engines.count("")) return "";
  *why = gemfile + " names no PostgreSQL gem, only a " + *engines.begin() + " one";
  return *engines.begin();
}

/// The engine of a Knex migration set, whose JavaScript names none: the clients the project's Knex
/// configurations name (`client: "mysql2"` in a knexfile or a `knex({...})` of a file that
/// mentions knex). "" when one is PostgreSQL's (pg, postgres, postgresql, pgnative, cockroachdb,
/// redshift) or is given at run time (`client: env.DB_CLIENT`), or when none is named: only an app
/// whose every Knex client is another engine's (a SQLite/MariaDB app's) is those engines'.
std::string knex_engine(const source::FileSystem& fs, const std::string& root, const std::vector<std::string>& files,
                        std::string* why) {
  std::set<std::string> engines;
  std::string where;
  for (const std::string& f : files) {
    if (!(f.ends_with(".js") || f.ends_with(".ts") || f.ends_with(".mjs") || f.ends_with(".cjs"))) continue;
    std::string text, err;
    if (!fs.read(on_disk(root, f), &text, &err) || text.find("knex") == std::string::npos) continue;
    for (size_t at = text.find("client:"); at != std::string::npos; at = text.find("client:", at + 1)) {
      if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) continue;
      size_t q = text.find_first_not_of(" \t", at + 7);
      if (q == std::string::npos) break;
      std::string c;
      size_t e = q;
      if (text[q] == '"' || text[q] == '\'' || text[q] == '`') {
        e = text.find(text[q], q + 1);
        if (e == std::string::npos) break;
        c = lower(text.substr(q + 1, e - q - 1));
      } else {
        // A dialect class the file requires from Knex itself (`const Dialect =
        // require("knex/lib/dialects/sqlite3/index.js")`, `client: Dialect`) is that dialect;
        // any other value is given at run time: any engine.
        while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_' || text[e] == '$')) ++e;
        std::string id = text.substr(q, e - q);
        size_t bound = id.empty() ? std::string::npos : text.find(id + " = require(");
        size_t dialects = bound == std::string::npos ? bound : text.find("knex/lib/dialects/", bound);
        if (dialects == std::string::npos || dialects > text.find('\n', bound)) {
          engines.insert("?");
          continue;
        }
        size_t from = dialects + 18;
        c = lower(text.substr(from, text.find_first_of("/\"'`", from) - from));
      }
      if (c == "pg" || c == "postgres" || c == "postgresql" || c == "pgnative" || c == "cockroachdb" || c == "redshift")
        engines.insert("");
      else if (c == "mysql" || c == "mysql2" || c == "mariadb")
        engines.insert("MySQL");
      else if (c == "sqlite3" || c == "better-sqlite3" || c == "sqlite")
        engines.insert("SQLite");
      else
        engines.insert("?");
      if (where.empty()) where = f + " (client: " + c + ")";
    }
  }
  if (engines.empty() || engines.count("") || engines.count("?")) return "";
  std::string engine;
  for (const std::string& e : engines) engine += (engine.empty() ? "" : " and ") + e;
  *why = "the project's Knex clients are " + engine + " only: " + where;
  return engine;
}

std::string engine_named_in_name(std::string_view name, bool tokens) {
  static const std::pair<std::string_view, std::string_view> kSubstrings[] = {
      {"mysql", "MySQL"},       {"mariadb", "MariaDB"},    {"sqlite", "SQLite"},   {"libsql", "SQLite"},
      {"cassandra", "Cassandra"}, {"scylla", "Cassandra"}, {"clickhouse", "ClickHouse"},
      {"mssql", "SQL Server"},  {"sqlserver", "SQL Server"}, {"cockroach", "CockroachDB"},
      {"duckdb", "DuckDB"},     {"snowflake", "Snowflake"}, {"bigquery", "BigQuery"}, {"planetscale", "MySQL"}};
  static const std::pair<std::string_view, std::string_view> kTokens[] = {
      {"cql", "Cassandra"}, {"crdb", "CockroachDB"}, {"oracle", "Oracle"}, {"spanner", "Spanner"}, {"tidb", "TiDB"}, {"turso", "SQLite"},
      {"d1", "SQLite"},     {"h2", "H2"},         {"hsqldb", "HSQLDB"},   {"hsql", "HSQLDB"}, {"derby", "Derby"}};
  for (auto [needle, engine] : kSubstrings)
    if (name.find(needle) != std::string_view::npos) return std::string(engine);
  if (!tokens) return "";
  size_t begin = 0;
  while (begin <= name.size()) {
    size_t end = name.find_first_of("_-.", begin);
    if (end == std::string_view::npos) end = name.size();
    std::string_view token = name.substr(begin, end - begin);
    for (auto [needle, engine] : kTokens)
      if (token == needle) return std::string(engine);
    begin = end + 1;
  }
  return "";
}

std::string engine_named_in_path(std::string_view path) {
  std::vector<std::string> parts = components(path);
  if (!parts.empty()) parts.pop_back();  // the file (or the set's own folder name is checked by callers)
  for (const std::string& part : parts)
    if (std::string engine = engine_named_in_name(part, true); !engine.empty()) return engine;
  return "";
}

/// Whether a statement of `low` (lower case, comments blanked) is an ALTER TABLE or DROP INDEX
/// only MySQL accepts: a clause that starts with MODIFY, CHANGE, ADD INDEX / FULLTEXT or
/// DROP INDEX, a column added AFTER another, or `DROP INDEX name ON table`
/// (Kill Bill's Flyway scripts). PostgreSQL's grammar has none of these.
static bool mysql_alter_clause(std::string_view low) {
  size_t begin = 0;
  while (begin < low.size()) {
    // One statement's words, outside quotes and parentheses.
    std::vector<std::string> words;
    std::string word;
    int depth = 0;
    size_t i = begin;
    char quote = 0;
    for (; i < low.size(); ++i) {
      char c = low[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        continue;
      }
      if (c == ';' && depth == 0) break;
      bool part = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      if (part) {
        word.push_back(c);
        continue;
      }
      if (!word.empty() && depth == 0) words.push_back(word);
      word.clear();
      if (c == '(') ++depth;
      else if (c == ')' && depth > 0) --depth;
      else if (c == ',' && depth == 0) words.push_back(",");
    }
    if (!word.empty() && depth == 0) words.push_back(word);
    begin = i + 1;
    if (words.size() >= 5 && words[0] == "drop" && words[1] == "index" && words[3] == "on") return true;
    if (words.size() < 4 || words[0] != "alter" || words[1] != "table") continue;
    size_t clause = words[2] == "only" || words[2] == "if" ? std::string::npos : 3;  // PostgreSQL's forms only
    if (clause == std::string::npos) continue;
    for (size_t w = clause; w < words.size(); ++w) {
      bool starts = w == clause || words[w - 1] == ",";
      const std::string& t = words[w];
      if (starts && (t == "modify" || t == "change")) return true;
      if (starts && (t == "add" || t == "drop") && w + 2 < words.size() &&
          (words[w + 1] == "index" || words[w + 1] == "fulltext") && words[w + 2] != ",")
        return true;
      // ADD [COLUMN] name type ... AFTER other: the last two words of an ADD clause.
      if (t == "after" && w > clause + 2 && words[clause] == "add" && w + 1 < words.size() &&
          (w + 2 == words.size() || words[w + 2] == ","))
        return true;
    }
  }
  return false;
}

std::string engine_of_sql(std::string_view sql) {
  // A MySQL executable comment (`bigint /*! unsigned */`) is SQL written for MySQL first.
  if (sql.find("/*!") != std::string_view::npos) return "MySQL";
  // Other comments say anything ("-- Create table `river_queue`."): only the statements count.
  std::string low = lower(sql);
  for (size_t i = 0; i + 1 < low.size(); ++i) {
    if (low[i] == '-' && low[i + 1] == '-') {
      while (i < low.size() && low[i] != '\n') low[i++] = ' ';
    } else if (low[i] == '/' && low[i + 1] == '*') {
      size_t end = low.find("*/", i + 2);
      end = end == std::string::npos ? low.size() : end + 2;
      for (; i < end; ++i)
        if (low[i] != '\n') low[i] = ' ';
    }
  }
  auto has = [&](std::string_view s) { return low.find(s) != std::string::npos; };
  if (has("create keyspace") || has("with clustering order") || has("with compaction")) return "Cassandra";
  for (size_t at = low.find("engine"); at != std::string::npos; at = low.find("engine", at + 1)) {
    size_t k = at + 6;
    while (k < low.size() && low[k] == ' ') ++k;
    if (k >= low.size() || low[k] != '=') continue;
    ++k;
    while (k < low.size() && low[k] == ' ') ++k;
    std::string_view rest = std::string_view(low).substr(k, 40);
    if (rest.find("mergetree") != std::string_view::npos || rest.rfind("memory", 0) == 0 ||
        rest.rfind("log", 0) == 0 || rest.rfind("kafka", 0) == 0)
      return "ClickHouse";
    if (rest.rfind("innodb", 0) == 0 || rest.rfind("myisam", 0) == 0) return "MySQL";
  }
  if (has("auto_increment") || has(" unsigned") || has("create table `") || has("create table if not exists `") ||
      mysql_alter_clause(low))
    return "MySQL";
  if (has("autoincrement") || has("without rowid") || has("\npragma ") || low.rfind("pragma ", 0) == 0) return "SQLite";
  return "";
}

MigrationFile dump_migration(const SchemaDump& dump, std::string text) {
  blank_psql_meta_commands(&text);
  MigrationFile m;
  m.path = dump.path;
  m.name = std::string(last_component(dump.path));
  m.format = "schema-dump";
  m.sql = std::move(text);
  return m;
}

/// The directories a Go file's //go:embed lines name, relative to the root: `migrations/*.sql`
/// and `migrations` both name migrations/ (its patterns cannot leave the file's directory).
std::vector<std::string> embedded_directories(std::string_view text, const std::string& dir) {
  std::vector<std::string> out;
  for (size_t at = text.find("//go:embed"); at != std::string_view::npos; at = text.find("//go:embed", at + 1)) {
    size_t end = text.find('\n', at);
    std::string_view line = text.substr(at + 10, (end == std::string_view::npos ? text.size() : end) - at - 10);
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      if (i >= line.size()) break;
      char q = line[i] == '"' || line[i] == '`' ? line[i] : 0;
      size_t b = q ? i + 1 : i;
      size_t e = b;
      while (e < line.size() && (q ? line[e] != q : line[e] != ' ' && line[e] != '\t' && line[e] != '\r')) ++e;
      std::string pattern(line.substr(b, e - b));
      i = e + (q ? 1 : 0);
      if (pattern.starts_with("all:")) pattern = pattern.substr(4);
      // The directory part before the first path element holding a glob character.
      std::string kept;
      for (const std::string& c : components(pattern)) {
        if (c.find_first_of("*?[") != std::string::npos) break;
        kept += (kept.empty() ? "" : "/") + c;
      }
      if (!kept.empty()) out.push_back(dir.empty() ? kept : dir + "/" + kept);
    }
  }
  return out;
}

const source::TextGate kEmbeds{{{"//go:embed"}}};
void drop_sets_not_embedded(const source::FileSystem& fs, const std::string& root, const std::vector<std::string>& files,
                            Discovery* out) {
  // Go files in a directory at or above a set: only they can embed it.
  std::map<std::string, std::vector<std::string>> embedded;  // embedding file -> directories
  for (const std::string& f : files) {
    if (!f.ends_with(".go") || f.ends_with("_test.go")) continue;
    std::string dir = parent_of(f);
    bool above = false;
    for (const FoundSet& s : out->sets)
      if (dir.empty() || s.dir == dir || s.dir.compare(0, dir.size() + 1, dir + "/") == 0) above = true;
    if (!above) continue;
    std::string text, err;
    if (!source::read_if(fs, on_disk(root, f), kEmbeds, &text, &err)) continue;
    std::vector<std::string> dirs = embedded_directories(text, dir);
    if (!dirs.empty()) embedded[f] = std::move(dirs);
  }
  if (embedded.empty()) return;
  auto within = [](const std::string& path, const std::string& dir) {
    return path == dir || (path.size() > dir.size() && path.compare(0, dir.size() + 1, dir + "/") == 0);
  };
  auto embeds = [&](const FoundSet& s) {
    for (auto& [file, dirs] : embedded)
      for (const std::string& d : dirs)
        if (within(s.dir, d)) return true;
    return false;
  };
  std::vector<std::string> not_run_by(out->sets.size());
  for (size_t i = 0; i < out->sets.size(); ++i) {
    const FoundSet& s = out->sets[i];
    std::string& by = not_run_by[i];
    if (!embeds(s))
      for (auto& [file, dirs] : embedded) {
        std::string home = parent_of(file);
        bool sibling = false;  // the file embeds a set, and this one lies under the file's directory too
        for (const FoundSet& other : out->sets)
          for (const std::string& d : dirs)
            if (within(other.dir, d) && (home.empty() || within(s.dir, home))) sibling = true;
        if (sibling) by = file;
      }
  }
  std::vector<FoundSet> kept;
  for (size_t i = 0; i < out->sets.size(); ++i) {
    FoundSet& s = out->sets[i];
    if (not_run_by[i].empty()) {
      kept.push_back(std::move(s));
      continue;
    }
    s.evidence = not_run_by[i] + " embeds the migrations its runner reads, not these";
    out->not_run.push_back(std::move(s));
  }
  out->sets = std::move(kept);
}

bool discover_migrations(const source::FileSystem& fs, const std::string& root, Discovery* out, std::string* err) {
  source::DiscoveryOptions opt;
  std::vector<std::string> up_files;
  opt.other_migrations = &up_files;
  std::vector<std::string> files;
  if (!source::discover_files(fs, root, opt, &files, err)) return false;
  // The formats that find their own folders walk the same tree: they get this walk (the up
  // files aside, which a walk without options does not list).
  source::WalkMemo walked(fs, root, files);
  for (auto& f : up_files) files.push_back(f);
  std::sort(files.begin(), files.end());

  std::map<std::string, Candidate> candidates;
  std::vector<std::string> sql_files;
  auto add_config_dir = [&](const std::string& dir, const std::string& evidence, const std::string& config_dir = "") {
    if (dir.empty()) return;
    if (!fs.is_dir(on_disk(root, dir))) {
      out->absent_configured.push_back(dir + "/ (named by " + evidence + ")");
      return;
    }
    candidates[dir].evidence = evidence;
    if (!config_dir.empty()) candidates[dir].config_dirs.insert(config_dir);
  };
  for (const std::string& f : files) {
    std::string dir = parent_of(f);
    std::string name = std::string(last_component(f));
    if (is_sql(name)) {
      sql_files.push_back(f);
      candidates.emplace(dir, Candidate{});
      if (name == "migration.sql") candidates.emplace(parent_of(dir), Candidate{});  // Prisma
    } else if (name.ends_with(".up.fizz")) {
      candidates.emplace(dir, Candidate{});  // pop's fizz DSL: a set of .fizz files holds no .sql
    } else if (name.size() > 3 && name.ends_with(".rb") && std::isdigit(static_cast<unsigned char>(name[0])) &&
               name.find('_') != std::string::npos && last_component(dir) == "migrate") {
      // Rails' <version>_<name>.rb in db/migrate (an app's or an engine's); copies kept elsewhere
      // (db/old_migrations) are history, not the migrations the app runs.
      candidates.emplace(dir, Candidate{});
    } else if (name == "_journal.json" && last_component(dir) == "meta") {
      candidates.emplace(parent_of(dir), Candidate{});  // Drizzle's out folder
    } else if (name == "sqlc.yaml" || name == "sqlc.yml" || name == "sqlc.json") {
      std::string text, err;
      if (!fs.read(on_disk(root, f), &text, &err)) continue;
      for (const std::string& v : config_values(text, "schema")) {
        std::string loc = normalize_location(v, dir, false);
        if (loc.empty()) continue;
        if (is_sql(loc)) {
          candidates.emplace(parent_of(loc), Candidate{});
          if (!dir.empty()) candidates[parent_of(loc)].config_dirs.insert(dir);
        } else {
          add_config_dir(loc, f + " (schema)", dir);
        }
      }
    } else if (name.rfind("drizzle.config.", 0) == 0) {
      std::string text, err;
      if (!fs.read(on_disk(root, f), &text, &err)) continue;
      size_t absent = out->absent_configured.size();
      for (const std::string& v : config_values(text, "out")) add_config_dir(normalize_location(v, dir, false), f + " (out)", dir);
      // The schema is pushed: the files `schema` names declare it (pipeline/migration_sets.cpp).
      if (out->absent_configured.size() == absent || config_values(text, "dialect") != std::vector<std::string>{"postgresql"})
        continue;
      Discovery::DrizzlePush push{f, {}};
      auto script = [](std::string_view n) { return n.ends_with(".ts") || n.ends_with(".js") || n.ends_with(".mts"); };
      bool readable = true;
      for (const std::string& v : config_values(text, "schema")) {
        std::string glob_dir = glob_directory(v);
        std::string rest = glob_dir == v ? "" : v.substr(std::min(v.size(), glob_dir.size() + 1));
        std::string loc = normalize_location(glob_dir, dir, false);
        bool folder = !loc.empty() && fs.is_dir(on_disk(root, loc));
        if (loc.empty() || (!rest.empty() && (!folder || (rest != "*" && (rest.rfind("*.", 0) != 0 ||
                                                                           rest.find_first_of("*{?/", 1) != std::string::npos))))) {
          readable = false;  // computed, outside the tree, or a glob over folders: not followed
          continue;
        }
        if (!folder) {
          if (fs.is_file(on_disk(root, loc))) push.schema_files.push_back(loc);
          else readable = false;
          continue;
        }
        for (const source::DirEntry& e : fs.list(on_disk(root, loc)))
          if (!e.is_dir && script(e.name) && (rest.size() <= 1 || e.name.ends_with(rest.substr(1))))
            push.schema_files.push_back(loc + "/" + e.name);
      }
      if (readable && !push.schema_files.empty()) out->drizzle_pushed.push_back(std::move(push));
    } else if (js_migration_config(lower(name))) {
      // knexfile: migrations: { directory }; TypeORM: migrations: ['src/migrations/*.ts'].
      std::string text, err;
      if (!fs.read(on_disk(root, f), &text, &err)) continue;
      bool knex = lower(name).rfind("knexfile", 0) == 0;
      for (const JsPath& p : js_config_paths(text, knex ? "directory" : "migrations")) {
        std::string d = glob_directory(p.path);
        // Relative paths resolve against the directory the tool runs in: the config's, else the root.
        std::string loc = normalize_location(d, dir, false);
        if (!p.from_file && !fs.is_dir(on_disk(root, loc))) loc = normalize_location(d, "", false);
        add_config_dir(loc, f + (knex ? " (migrations.directory)" : " (migrations)"), dir);
      }
    } else if (name == "flyway.conf" || name == "flyway.toml" || name.rfind("application", 0) == 0) {
      if (name.rfind("application", 0) == 0 && !name.ends_with(".properties") && !name.ends_with(".yml") &&
          !name.ends_with(".yaml"))
        continue;
      std::string text, err;
      if (!fs.read(on_disk(root, f), &text, &err)) continue;
      for (const std::string& v : config_values(text, "locations"))
        add_config_dir(normalize_location(v, dir, true), f + " (flyway locations)", dir);
    }
  }
  // Formats written in code find their own folders (Django apps' migrations/, Alembic's script
  // location named by alembic.ini or env.py).
  for (const std::string& d : discover_directories(fs, root)) candidates.emplace(d, Candidate{});
  // sequelize-cli's .sequelizerc is hidden too: 'migrations-path': path.resolve('db', 'migrations').
  {
    std::string text, err;
    if (fs.read(on_disk(root, ".sequelizerc"), &text, &err))
      for (const JsPath& p : js_config_paths(text, "migrations-path"))
        add_config_dir(normalize_location(p.path, "", false), ".sequelizerc (migrations-path)");
  }
  // .env files are hidden, so the walk does not list them: the root's are read directly.
  for (const char* env : {".env", ".env.example", ".env.sample"}) {
    std::string text, err;
    if (!fs.read(on_disk(root, env), &text, &err)) continue;
    for (const char* key : {"DBMATE_MIGRATIONS_DIR", "GOOSE_MIGRATION_DIR"})
      for (const std::string& v : config_values(text, key)) add_config_dir(normalize_location(v, "", false), std::string(env) + " (" + key + ")");
  }

  std::set<std::string> taken;
  for (auto& [dir, cand] : candidates) {
    if (under_test_data(dir) && cand.evidence.empty()) continue;
    // Flyway reads its locations recursively: a subfolder of a set belongs to it.
    bool inside = false;
    for (const FoundSet& s : out->sets)
      if (dir.size() > s.dir.size() && dir.compare(0, s.dir.size() + 1, s.dir + "/") == 0) inside = true;
    if (inside) continue;
    std::string format;
    for (const Format& f : formats()) {
      if (f.name == kPlain.name) continue;
      if (f.detect(fs, root, dir)) {
        format = std::string(f.name);
        break;
      }
    }
    if (format.empty() && (!cand.evidence.empty() || is_usual_location(dir) || numbered_migrations_folder(fs, root, dir)) &&
        kPlain.detect(fs, root, dir))
      format = "plain";
    if (format.empty()) continue;
    // The tree's root is a candidate for a .sql file of its own (ehrbase's createdb.sql), and
    // Flyway's signature is found recursively: without a migration of its own the root is no
    // location (it would swallow every set below it), and the folders holding the migrations are
    // candidates themselves.
    if (format == "flyway" && dir.empty() && cand.evidence.empty() && !holds_flyway_migration(fs, root, dir)) continue;
    FoundSet set;
    set.dir = dir;
    set.evidence = !cand.evidence.empty() ? "named by " + cand.evidence : "";  // else its files say it
    set.config_dirs.assign(cand.config_dirs.begin(), cand.config_dirs.end());
    // Which engine: the path, a tool's own record of it, or the SQL itself.
    std::string engine = engine_named_in_path(dir + "/x");
    std::string why = engine.empty() ? "" : "a directory named for " + engine;
    std::string text, err;
    if (engine.empty() && format == "prisma" && fs.read(on_disk(root, dir + "/migration_lock.toml"), &text, &err)) {
      for (const std::string& v : config_values(text, "provider"))
        if (v != "postgresql" && v != "postgres") engine = v == "sqlite" ? "SQLite" : v == "mysql" ? "MySQL" : v;
      if (!engine.empty()) why = dir + "/migration_lock.toml provider";
    }
    if (engine.empty() && format == "drizzle" && fs.read(on_disk(root, dir + "/meta/_journal.json"), &text, &err)) {
      for (const std::string& v : config_values(text, "dialect"))
        if (v != "postgresql" && v != "pg" && v != "postgres") engine = v == "sqlite" || v == "turso" ? "SQLite" : v == "mysql" ? "MySQL" : v;
      if (!engine.empty()) why = dir + "/meta/_journal.json dialect";
    }
    if (engine.empty() && format == "rails") engine = rails_engine(fs, root, dir, &why);
    if (engine.empty() && format == "knex") engine = knex_engine(fs, root, files, &why);
    // Go upgrade functions in a package that opens only another engine's driver (an app on
    // SQLite: `sql.Open("sqlite3", filename)` beside its `migrations` map) are that engine's.
    if (engine.empty() && format == "go-steps")
      if (std::string go = source::other_engine_of_go_package(fs, root, dir + "/x.go"); !go.empty()) {
        engine = go.substr(0, go.find(" ("));
        why = "its package's driver: " + go.substr(go.find(" (") + 2, go.size() - go.find(" (") - 3);
      }
    if (engine.empty() && format != "pop") {  // pop names each file's dialect, and picks PostgreSQL's
      std::string file;
      engine = engine_of_files(fs, root, dir, format, &file);
      if (!engine.empty()) why = "its syntax in " + file;
    }
    set.engine = engine;
    if (!engine.empty()) set.evidence += (set.evidence.empty() ? "" : ", ") + engine + ": " + why;
    taken.insert(dir);
    out->sets.push_back(std::move(set));
  }

  drop_sets_not_embedded(fs, root, files, out);

  // Dumps: schema files outside the sets.
  for (const std::string& f : sql_files) {
    std::string dir = parent_of(f);
    if (taken.count(dir) || under_test_data(dir)) continue;
    bool in_set = false;
    for (const FoundSet& s : out->sets)
      if (f.compare(0, s.dir.size() + 1, s.dir + "/") == 0) in_set = true;
    if (in_set) continue;
    // A file that cannot be read may be the schema itself: the gate does not guess past it.
    std::string text, reason;
    if (!fs.read(on_disk(root, f), &text, &reason)) {
      *err = f + ": cannot read: " + reason;
      return false;
    }
    SchemaDump dump;
    if (!looks_like_dump(fs, root, f, &dump.evidence)) continue;
    dump.path = f;
    dump.engine = engine_named_in_path(f);
    bool per_engine = !engine_variant_sibling(fs, root, f).empty() && dump.evidence.starts_with("a schema file named for");
    if (dump.engine.empty() && per_engine) dump.engine = engine_named_in_name(lower(last_component(f)), true);  // "" for PostgreSQL's
    if (dump.engine.empty()) dump.engine = engine_of_sql(text);
    if (per_engine && dump.engine.empty()) {
      // Its upgrade scripts (sql/upgrade/3.2.0_schema/postgresql/...) run on older schemas.
      std::vector<std::string> ups = upgrade_folders(fs, root, dir);
      for (const source::DirEntry& e : fs.list(on_disk(root, dir))) {
        std::string n = lower(e.name);
        if (e.is_dir && (n == "upgrade" || n == "upgrades" || n == "update" || n == "updates"))
          ups.push_back(dir.empty() ? e.name : dir + "/" + e.name);
      }
      for (const std::string& up : ups)
        if (std::none_of(out->not_run.begin(), out->not_run.end(), [&](const FoundSet& n) { return n.dir == up; }))
          out->not_run.push_back({up, "", "upgrades older databases to " + f + ", which installs the newest schema whole", {}});
    }
    // Beside a schema written per table, an alterations/ folder (Logto's upgrade scripts, one per
    // release) upgrades older databases to it: run on the schema of their day, neither applied
    // nor code.
    if (dump.evidence.starts_with("a table file of ")) {
      std::string ups = parent_of(dir).empty() ? "alterations" : parent_of(dir) + "/alterations";
      if (fs.is_dir(on_disk(root, ups)) &&
          std::none_of(out->not_run.begin(), out->not_run.end(), [&](const FoundSet& n) { return n.dir == ups; }))
        out->not_run.push_back({ups, "", "upgrades older databases to the schema " + dir + "/ sets up whole", {}});
    }
    dump.versions = recorded_versions(text);
    if (lower(last_component(f)) == "latest.sql")
      for (std::string& up : upgrade_folders(fs, root, dir))
        out->not_run.push_back({up, dump.engine, "upgrades older databases to " + f + ", which installs the newest schema whole", {}});
    for (const FoundSet& s : out->sets)
      if (s.engine.empty() && parent_of(s.dir) == dir) dump.set_dir = s.dir;
    out->dumps.push_back(std::move(dump));
  }

  // Sets only of another engine, and a portable install with a PostgreSQL prelude beside them (Kill
  // Bill's Flyway scripts are MySQL's; its bin/db-helper --driver postgres and its tests'
  // DBTestingHelper run util/ddl-postgresql.sql, then every module's ddl.sql): that install is the
  // PostgreSQL schema, its scripts applied in that order whatever engine their syntax names first
  // (MySQL's /*! ... */ are comments to PostgreSQL).
  bool only_other_engines = !out->sets.empty() && std::all_of(out->sets.begin(), out->sets.end(),
                                                               [](const FoundSet& s) { return !s.engine.empty(); });
  for (const std::string& prelude : sql_files) {
    if (!only_other_engines || under_test_data(parent_of(prelude))) continue;
    std::string base = postgres_prelude_of(fs, root, prelude);
    if (base.empty()) continue;
    // The scripts of that name in the sets' folders, one of them creating tables (not
    // util/cleanAccount-postgresql.sql beside cleanAccount.sql, a procedure run by hand).
    std::vector<std::string> scripts = {prelude};
    bool creates = false;
    for (const std::string& f : sql_files) {
      if (lower(last_component(f)) != base || under_test_data(parent_of(f)) ||
          std::none_of(out->sets.begin(), out->sets.end(), [&](const FoundSet& s) { return f.starts_with(s.dir + "/"); }))
        continue;
      std::string text, e;
      if (fs.read(on_disk(root, f), &text, &e) && lower(text).find("create table") != std::string::npos) creates = true;
      scripts.push_back(f);
    }
    if (!creates) continue;
    std::erase_if(out->dumps, [&](const SchemaDump& d) { return std::find(scripts.begin(), scripts.end(), d.path) != scripts.end(); });
    for (size_t i = 0; i < scripts.size(); ++i) {
      SchemaDump dump;
      dump.path = scripts[i];
      dump.evidence = i == 0 ? "the PostgreSQL prelude of the " + std::to_string(scripts.size() - 1) + " " + base +
                                   " scripts, which a PostgreSQL install runs first"
                             : "a " + base + " script, run on PostgreSQL after " + prelude +
                                   " (the migration sets are another engine's)";
      out->dumps.insert(out->dumps.begin() + static_cast<std::ptrdiff_t>(i), std::move(dump));
    }
    break;
  }

  std::vector<std::string> with_env = files;
  for (const char* env : {".env", ".env.example", ".env.sample"})
    if (fs.is_file(on_disk(root, env))) with_env.push_back(env);
  find_search_path(fs, root, with_env, out);

  // Usual locations of no format schemagate reads (Knex's .js migrations, Alembic's versions).
  for (const std::string& d : default_directories()) {
    if (taken.count(d) || !fs.is_dir(on_disk(root, d))) continue;
    std::map<std::string, size_t> by_ext;
    for (const source::DirEntry& e : fs.list(on_disk(root, d))) {
      if (e.is_dir || e.name[0] == '.') continue;
      size_t dot = e.name.rfind('.');
      by_ext[dot == std::string::npos ? e.name : e.name.substr(dot)]++;
    }
    if (by_ext.empty()) continue;
    std::string held;
    for (auto& [ext, n] : by_ext) held += (held.empty() ? "" : ", ") + std::to_string(n) + " " + ext + " file" + (n == 1 ? "" : "s");
    out->unreadable.push_back(d + "/ (" + held + ")");
  }
  return true;
}

}  // namespace schemagate::schema::migrations
