// See code_kind.h.
#include "analyzers/source/code_kind.h"
#include "analyzers/source/word_search.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <iterator>
#include <vector>
#include <set>
#include <optional>
#include <map>
#include <functional>

#include <nlohmann/json.hpp>

#include "analyzers/schema/migrations/discover.h"
#include "analyzers/source/byte_scan.h"

namespace schemagate::source {
namespace {

// ASCII only, as std::tolower in the "C" locale the program runs in, without its call per byte
// (every path of the tree is lowered here, several times).
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

struct Driver {
  std::string_view module;  ///< as written between quotes in an import (Go, JS) or after import/from (Python)
  std::string_view engine;
};

// Other engines' client libraries, by the module name a file imports.
constexpr Driver kOtherDrivers[] = {
    {"github.com/gocql/gocql", "Cassandra"},   {"github.com/scylladb/gocqlx", "Cassandra"},
    {"cassandra-driver", "Cassandra"},         {"cassandra.cluster", "Cassandra"},
    {"github.com/go-sql-driver/mysql", "MySQL"}, {"mysql2", "MySQL"}, {"mysql2/promise", "MySQL"},
    {"mysql", "MySQL"}, {"pymysql", "MySQL"}, {"MySQLdb", "MySQL"}, {"mysql.connector", "MySQL"},
    {"aiomysql", "MySQL"}, {"@planetscale/database", "MySQL"},
    {"github.com/mattn/go-sqlite3", "SQLite"}, {"modernc.org/sqlite", "SQLite"},
    {"zombiezen.com/go/sqlite", "SQLite"}, {"crawshaw.io/sqlite", "SQLite"}, {"github.com/glebarez/sqlite", "SQLite"},
    {"better-sqlite3", "SQLite"}, {"sqlite3", "SQLite"}, {"bun:sqlite", "SQLite"}, {"node:sqlite", "SQLite"},
    {"expo-sqlite", "SQLite"}, {"@libsql/client", "SQLite"}, {"aiosqlite", "SQLite"},
    {"android.database.sqlite", "SQLite"}, {"androidx.sqlite", "SQLite"},  // an app's on-device store
    {"github.com/ClickHouse/clickhouse-go", "ClickHouse"}, {"github.com/ClickHouse/clickhouse-go/v2", "ClickHouse"},
    {"@clickhouse/client", "ClickHouse"}, {"clickhouse_driver", "ClickHouse"}, {"clickhouse_connect", "ClickHouse"},
    {"oracledb", "Oracle"}, {"cx_Oracle", "Oracle"}, {"pyexasol", "Exasol"}, {"vertica_python", "Vertica"},
    {"github.com/duckdb/duckdb-go/v2", "DuckDB"}, {"github.com/marcboeker/go-duckdb", "DuckDB"},
    {"github.com/marcboeker/go-duckdb/v2", "DuckDB"}, {"duckdb", "DuckDB"}, {"@duckdb/node-api", "DuckDB"},
    // GORM's dialects (a blank import opens the engine for gorm.Open) and drivers.
    {"github.com/jinzhu/gorm/dialects/mysql", "MySQL"}, {"github.com/jinzhu/gorm/dialects/sqlite", "SQLite"},
    {"github.com/jinzhu/gorm/dialects/mssql", "SQL Server"}, {"gorm.io/driver/mysql", "MySQL"},
    {"gorm.io/driver/sqlite", "SQLite"}, {"gorm.io/driver/sqlserver", "SQL Server"},
    {"github.com/denisenkom/go-mssqldb", "SQL Server"}, {"github.com/microsoft/go-mssqldb", "SQL Server"},
};

constexpr std::string_view kPostgresDrivers[] = {
    "github.com/lib/pq", "github.com/jackc/pgx", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5",
    "github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v5/stdlib", "github.com/go-pg/pg/v10",
    "pg", "postgres", "pg-promise", "@neondatabase/serverless", "@vercel/postgres", "slonik",
    "psycopg", "psycopg2", "asyncpg", "@supabase/supabase-js", "gorm.io/driver/postgres", "github.com/jinzhu/gorm/dialects/postgres",
};

// JDBC connection URLs a JVM file opens itself (`DriverManager.getConnection("jdbc:sqlite:" +
// path)`: a map tile store beside the application's PostgreSQL): the file's statements are that
// engine's. Written as the literal opens, with its quote.
constexpr Driver kOtherJdbcUrls[] = {
    {"\"jdbc:sqlite:", "SQLite"}, {"\"jdbc:mysql:", "MySQL"}, {"\"jdbc:mariadb:", "MariaDB"},
};

/// Whether the occurrence of `module` at text[at] is an import of it: `"module"` / `'module'`
/// (Go, JS, TS, also `require`), or `import module` / `from module import` (Python).
bool import_at(std::string_view text, size_t at, std::string_view module) {
  // A module path with '/', '.' or ':' is unmistakable wherever it is quoted (Go imports); a bare
  // name ("mysql", "pg") is an import only after from / require( / import.
  bool distinctive = module.find_first_of("/.:") != std::string_view::npos;
  size_t end = at + module.size();
  // Quoted: the same quote on both sides.
  if (at > 0 && end < text.size() && (text[at - 1] == '"' || text[at - 1] == '\'') && text[end] == text[at - 1]) {
    if (distinctive) return true;
    std::string_view before = text.substr(0, at - 1);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.ends_with("from") || before.ends_with("require(") || before.ends_with("import") ||
        before.ends_with("import("))
      return true;
  }
  // After `import ` or `from ` that starts a word, and ending the name.
  for (std::string_view lead : {std::string_view("import "), std::string_view("from ")}) {
    if (at < lead.size() || text.substr(at - lead.size(), lead.size()) != lead) continue;
    size_t start = at - lead.size();
    if (start > 0 && text[start - 1] != '\n' && text[start - 1] != ' ' && text[start - 1] != '\t') continue;
    if (end >= text.size() || text[end] == ' ' || text[end] == '\n' || text[end] == '\r' || text[end] == ',' ||
        text[end] == '.')
      return true;
  }
  return false;
}

/// Which modules of a table the file imports (import_at), in one pass over the text: an import
/// starts right after a quote or after "import " / "from ", so only those places are compared
/// with the modules (by their first two bytes). Searching the text once per driver, 55 of them, was
/// 3% of a check of synapse; once per driver for each file of a Go package, 3% of temporal's.
/// The places are found sixteen bytes at a time (byte_scan.h): a quote, or a blank after `t` or
/// `m` (the end of "import " or "from "); finding each quote, "import " and "from " with its own
/// search (one memchr call per quote, per `i` and per `f`) cost 145 M instructions of synapse.
class ImportIndex {
 public:
  explicit ImportIndex(std::vector<std::string_view> modules) : modules_(std::move(modules)) {
    for (size_t i = 0; i < modules_.size(); ++i) by_first_[static_cast<unsigned char>(modules_[i][0])].push_back(i);
  }
  /// found[i]: the text imports modules_[i].
  std::vector<bool> imported(std::string_view text) const {
    std::vector<bool> found(modules_.size());
    const size_t n = text.size();
    auto try_at = [&](size_t p) {
      if (p >= n) return;
      for (size_t i : by_first_[static_cast<unsigned char>(text[p])]) {
        std::string_view m = modules_[i];
        if (!found[i] && n - p >= m.size() && (m.size() < 2 || text[p + 1] == m[1]) &&
            text.compare(p, m.size(), m) == 0 && import_at(text, p, m))
          found[i] = true;
      }
    };
    // text[q] a quote, or the blank that ends "import " or "from ": the place after it is tried.
    auto place = [&](size_t q) {
      if (text[q] != ' ') try_at(q + 1);
      else if ((q >= 6 && text.compare(q - 6, 7, "import ") == 0) || (q >= 4 && text.compare(q - 4, 5, "from ") == 0))
        try_at(q + 1);
    };
    if (n == 0) return found;
    if (text[0] == '"' || text[0] == '\'') try_at(1);
    size_t q = 1;
    for (; n - q >= 16; q += 16) {
      uint32_t bits = bytes_of_16<'"', '\''>(text.data() + q) |
                      (bytes_of_16<' '>(text.data() + q) & bytes_of_16<'t', 'm'>(text.data() + q - 1));
      for (; bits; bits &= bits - 1) place(q + static_cast<size_t>(__builtin_ctz(bits)));
    }
    for (; q < n; ++q)
      if (text[q] == '"' || text[q] == '\'' || (text[q] == ' ' && (text[q - 1] == 't' || text[q - 1] == 'm'))) place(q);
    return found;
  }
  size_t size() const { return modules_.size(); }

 private:
  std::vector<std::string_view> modules_;
  std::array<std::vector<size_t>, 256> by_first_;
};

// SQL parsers (imports_sql_parser).
constexpr std::string_view kSqlParsers[] = {
    "github.com/xwb1989/sqlparser", "github.com/temporalio/sqlparser", "vitess.io/vitess/go/vt/sqlparser",
    "github.com/blastrain/vitess-sqlparser", "github.com/pganalyze/pg_query_go/v5", "github.com/pganalyze/pg_query_go/v6",
    "github.com/pingcap/tidb/parser", "github.com/pingcap/tidb/pkg/parser", "node-sql-parser", "pgsql-ast-parser",
    "sqlglot", "sqlparse", "libpg_query", "pg-query-parser"};

/// kPostgresDrivers, then the modules of kOtherDrivers, then kSqlParsers, in their order: one
/// reading of a file answers FileImports' three questions.
const ImportIndex& driver_index() {
  static const ImportIndex index = [] {
    std::vector<std::string_view> modules(std::begin(kPostgresDrivers), std::end(kPostgresDrivers));
    for (const Driver& d : kOtherDrivers) modules.push_back(d.module);
    modules.insert(modules.end(), std::begin(kSqlParsers), std::end(kSqlParsers));
    return ImportIndex(std::move(modules));
  }();
  return index;
}

constexpr size_t kPostgresDriverCount = std::size(kPostgresDrivers);
constexpr size_t kParsersAt = kPostgresDriverCount + std::size(kOtherDrivers);  ///< kSqlParsers in driver_index()

}  // namespace

bool is_not_application_code(std::string_view path) {
  // Asked of every file discovery lists: the path in lower case is built in one buffer of the
  // thread's, "/" and the directories then the name, which are views of it (no allocation).
  thread_local std::string buffer;
  buffer.assign(1, '/');
  buffer.append(path);
  for (char& c : buffer)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  const std::string_view p = std::string_view(buffer).substr(1);
  const size_t slash = p.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? p : p.substr(slash + 1);
  const std::string_view dirs = std::string_view(buffer).substr(0, slash == std::string_view::npos ? 1 : slash + 2);
  if (name.ends_with(".queries.ts") || name.starts_with("zz_generated")) return true;
  // The directories' names, each looked at once for the tests below (a search of the path for
  // each test cost 2,000 instructions a file, and this is asked of every file).
  bool testdata_src = false, generated_client = false, supabase_schemas = false, test_data = false, schema_dir = false;
  std::string_view previous;
  for (size_t at = 1; at < dirs.size();) {
    const size_t end = dirs.find('/', at);
    const std::string_view d = dirs.substr(at, end - at);
    testdata_src = testdata_src || (previous == "testdata" && d == "src");
    generated_client = generated_client || d == "prisma-client" ||
                       (previous == "generated" && (d == "prisma" || d == "client")) ||
                       (previous == "prisma" && d == "generated");
    supabase_schemas = supabase_schemas || (previous == "supabase" && d == "schemas");
    test_data = test_data || d == "fixtures" || d == "seeds" || d == "seed" || d == "testdata";
    schema_dir = d == "schemas" || d == "schema";  // of the last directory
    previous = d;
    at = end + 1;
  }
  // A Go analyzer's sample packages (analysistest's testdata/src/<pkg>/): inputs the analyzer's
  // tests read as source, never built into the program.
  if (name.ends_with(".go") && testdata_src) return true;
  // Storybook stories render components with sample data (a code viewer's sample SQL): no
  // database runs them.
  if (name.find(".stories.") != std::string::npos || name.find(".story.") != std::string::npos) return true;
  if (generated_client) return true;
  // Declarative schema files (Supabase's supabase/schemas/, a schema/ folder beside the
  // migrations) describe the tables the migrations create; as code they would hide them.
  // Supabase's may sit in folders of their own (supabase/schemas/pricing/functions.sql).
  if (name.ends_with(".sql") && (schema_dir || supabase_schemas)) return true;
  if (name.ends_with(".sql") && (name.starts_with("seed") || test_data))  // testdata: Go's test inputs (popx's <version>_testdata.sql)
    return true;
  return false;
}

FileImports::FileImports(std::string_view text) : text_(text), found_(driver_index().imported(text)) {}

bool FileImports::postgres_driver() const {
  return std::find(found_.begin(), found_.begin() + kPostgresDriverCount, true) != found_.begin() + kPostgresDriverCount;
}

bool FileImports::sql_parser() const { return std::find(found_.begin() + kParsersAt, found_.end(), true) != found_.end(); }

std::string other_engine_of_code(std::string_view path, std::string_view text) { return FileImports(text).other_engine(path); }

std::string FileImports::other_engine(std::string_view path) const {
  std::string_view text = text_;
  // CockroachDB speaks PostgreSQL's protocol, so its code imports pgx or lib/pq all the same: a
  // folder named for it (spicedb's internal/datastore/crdb/) says whose SQL the code writes.
  if (std::string engine = schema::migrations::engine_named_in_path(path); engine == "CockroachDB")
    return engine + " (a directory of its path is named for it)";
  const std::vector<bool>& found = found_;
  for (size_t i = 0; i < kPostgresDriverCount; ++i)
    if (found[i]) return "";
  for (size_t i = 0; i < std::size(kOtherDrivers); ++i)
    if (found[kPostgresDriverCount + i])
      return std::string(kOtherDrivers[i].engine) + " (the file imports " + std::string(kOtherDrivers[i].module) + ")";
  if ((path.ends_with(".java") || path.ends_with(".kt")) && text.find("\"jdbc:postgresql:") == std::string_view::npos)
    for (const Driver& d : kOtherJdbcUrls)
      if (text.find(d.module) != std::string_view::npos)
        return std::string(d.engine) + " (the file connects to a " + std::string(d.module.substr(1)) + " URL)";
  std::string engine = schema::migrations::engine_named_in_path(path);
  if (!engine.empty()) return engine + " (a directory of its path is named for it)";
  // A file named for the engine (clickhouse_store.rb, mysql_export.py) holds that engine's
  // queries; only the engines' full names count here, not short words ("oracle" names other
  // things), and a name that also says PostgreSQL (postgres_to_clickhouse.rb) decides nothing.
  std::string stem = lower(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
  stem = stem.substr(0, stem.find('.'));
  if (stem.find("postgres") == std::string::npos && stem.find("pg_") == std::string::npos)
    if (engine = schema::migrations::engine_named_in_name(stem, false); !engine.empty())
      return engine + " (the file is named for it)";
  return "";
}

std::string other_engine_of_go_package(const FileSystem& fs, const std::string& root, std::string_view path) {
  if (!path.ends_with(".go")) return "";
  std::string dir(path.substr(0, path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/')));
  std::string found;
  for (const DirEntry& e : fs.list(dir.empty() ? root : join_path(root, dir))) {
    if (e.is_dir || !e.name.ends_with(".go") || e.name.ends_with("_test.go")) continue;
    std::string text, err;
    if (!fs.read(join_path(root, dir.empty() ? e.name : dir + "/" + e.name), &text, &err)) continue;
    std::vector<bool> imported = driver_index().imported(text);
    if (std::find(imported.begin(), imported.begin() + kPostgresDriverCount, true) != imported.begin() + kPostgresDriverCount)
      return "";
    if (found.empty())
      for (size_t i = 0; i < std::size(kOtherDrivers); ++i)
        if (imported[kPostgresDriverCount + i]) {
          const Driver& d = kOtherDrivers[i];
          found = std::string(d.engine) + " (" + e.name + " of its package imports " + std::string(d.module) + ")";
          break;
        }
  }
  return found;
}

std::string other_engines_of_go_files(const FileSystem& fs, const std::string& root, const std::vector<std::string>& files) {
  std::vector<std::string> engines;  // each engine once, with the first file that imports it
  for (const std::string& path : files) {
    if (!path.ends_with(".go") || path.ends_with("_test.go")) continue;
    std::string text, err;
    if (!fs.read(join_path(root, path), &text, &err)) continue;
    std::vector<bool> imported = driver_index().imported(text);
    if (std::find(imported.begin(), imported.begin() + kPostgresDriverCount, true) != imported.begin() + kPostgresDriverCount)
      return "";
    for (size_t i = 0; i < std::size(kOtherDrivers); ++i) {
      const Driver& d = kOtherDrivers[i];
      if (!imported[kPostgresDriverCount + i] ||
          std::any_of(engines.begin(), engines.end(), [&](const std::string& e) { return e.starts_with(std::string(d.engine) + " ("); }))
        continue;
      engines.push_back(std::string(d.engine) + " (" + path + " imports " + std::string(d.module) + ")");
    }
  }
  std::string out;
  for (const std::string& e : engines) out += (out.empty() ? "" : ", ") + e;
  return out;
}

PackageOutputs package_script_outputs(const FileSystem& fs, const std::string& root, std::string dir,
                                      std::map<std::string, PackageOutputs>* known) {
  std::vector<std::string> walked;  // folders without a manifest, below the answer
  auto answer = [&](PackageOutputs found) {
    if (known)
      for (std::string& d : walked) known->emplace(std::move(d), found);
    return found;
  };
  for (;;) {
    if (known)
      if (auto it = known->find(dir); it != known->end()) return answer(it->second);
    walked.push_back(dir);
    std::string manifest = dir.empty() ? "package.json" : dir + "/package.json";
    std::string err;
    if (std::shared_ptr<const std::string> shared = fs.read_shared(join_path(root, manifest), &err)) {
      const std::string& text = *shared;
      PackageOutputs found{manifest, dir, {}};
      // Each line of the manifest that passes an output flag: `"gen": "tool generate --output x.ts"`.
      for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string_view line = std::string_view(text).substr(at, end - at);
        at = end + 1;
        for (std::string_view flag : {"--output", "--out", "--outfile", "-o"}) {
          for (size_t f = line.find(flag); f != std::string_view::npos; f = line.find(flag, f + 1)) {
            size_t v = f + flag.size();
            if (f > 0 && line[f - 1] != ' ' && line[f - 1] != '"') continue;
            if (v >= line.size() || (line[v] != ' ' && line[v] != '=')) continue;
            ++v;
            while (v < line.size() && (line[v] == ' ' || line[v] == '\'' || line[v] == '\\')) ++v;
            size_t e = v;
            while (e < line.size() && line[e] != ' ' && line[e] != '"' && line[e] != '\'' && line[e] != '\\') ++e;
            std::string_view out = line.substr(v, e - v);
            if (out.starts_with("./")) out.remove_prefix(2);
            if (!out.empty()) found.outputs.insert(std::string(out));
          }
        }
      }
      return answer(std::move(found));
    }
    if (dir.empty()) return answer({});
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
  }
}

std::string written_by(const PackageOutputs& package, std::string_view path) {
  if (package.manifest.empty()) return "";
  std::string_view own = path.substr(package.dir.empty() ? 0 : package.dir.size() + 1);
  return package.outputs.count(std::string(own)) ? package.manifest : "";
}

namespace {

constexpr std::string_view kDatabaseClients[] = {
    "pg", "postgres", "pg-promise", "slonik", "@neondatabase/serverless", "@vercel/postgres", "@prisma/client",
    "prisma", "drizzle-orm", "kysely", "knex", "typeorm", "sequelize", "@mikro-orm/core", "@supabase/supabase-js",
    "@supabase/postgrest-js", "postgrejs", "@databases/pg", "zapatos", "@pgtyped/runtime", "mysql2", "better-sqlite3",
    "@electric-sql/pglite", "pg-pool", "pglite"};

bool names_database_client(std::string_view manifest) {
  for (std::string_view c : kDatabaseClients)
    if (manifest.find("\"" + std::string(c) + "\"") != std::string_view::npos) return true;
  return false;
}

/// The names of a manifest's dependencies (any kind) whose version is the workspace protocol
/// (`"@acme/db": "workspace:*"`) or a path (`file:`, `link:`): the project's own packages.
/// nullopt where the manifest does not parse.
std::optional<std::vector<std::string>> local_dependencies(const std::string& manifest) {
  nlohmann::json j = nlohmann::json::parse(manifest, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  std::vector<std::string> out;
  for (const char* kind : {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}) {
    auto deps = j.find(kind);
    if (deps == j.end() || !deps->is_object()) continue;
    for (auto& [name, version] : deps->items())
      if (version.is_string()) {
        const std::string& v = version.get_ref<const std::string&>();
        if (v.rfind("workspace:", 0) == 0 || v.rfind("file:", 0) == 0 || v.rfind("link:", 0) == 0) out.push_back(name);
      }
  }
  return out;
}

/// The project's workspace packages, name -> manifest (root-relative): the folders the root
/// package.json's "workspaces" (a list, or {"packages": [...]}) and pnpm-workspace.yaml's
/// "packages:" name, as `dir`, `dir/*` or `dir/**` (a negation leaves nothing out: a package is
/// only looked up by name).
std::map<std::string, std::string> workspace_packages(const FileSystem& fs, const std::string& root) {
  std::vector<std::string> globs;
  std::string text, err;
  if (fs.read(join_path(root, "package.json"), &text, &err)) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("workspaces")) {
      nlohmann::json w = j["workspaces"];
      if (w.is_object() && w.contains("packages")) w = w["packages"];
      if (w.is_array())
        for (auto& g : w)
          if (g.is_string()) globs.push_back(g.get<std::string>());
    }
  }
  if (fs.read(join_path(root, "pnpm-workspace.yaml"), &text, &err)) {
    bool in_packages = false;
    for (size_t at = 0; at < text.size();) {
      size_t nl = text.find('\n', at);
      std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      at = nl == std::string::npos ? text.size() : nl + 1;
      if (!line.empty() && line[0] != ' ' && line[0] != '-' && line[0] != '#') in_packages = line.rfind("packages:", 0) == 0;
      size_t dash = line.find_first_not_of(' ');
      if (!in_packages || dash == std::string::npos || line[dash] != '-') continue;
      std::string g = line.substr(dash + 1);
      g.erase(0, g.find_first_not_of(" \t"));
      if (size_t hash = g.find(" #"); hash != std::string::npos) g.erase(hash);
      while (!g.empty() && (g.back() == ' ' || g.back() == '\r')) g.pop_back();
      if (g.size() >= 2 && (g.front() == '"' || g.front() == '\'') && g.back() == g.front()) g = g.substr(1, g.size() - 2);
      if (!g.empty()) globs.push_back(g);
    }
  }
  std::map<std::string, std::string> out;
  auto add = [&](const std::string& dir) {
    std::string manifest = dir.empty() ? "package.json" : dir + "/package.json", m, e;
    if (!fs.read(join_path(root, manifest), &m, &e)) return;
    nlohmann::json j = nlohmann::json::parse(m, nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("name") && j["name"].is_string())
      out.emplace(j["name"].get<std::string>(), manifest);
  };
  std::function<void(const std::string&, int)> below = [&](const std::string& dir, int depth) {
    for (const DirEntry& e : fs.list(join_path(root, dir))) {
      if (!e.is_dir || e.name == "node_modules" || e.name.empty() || e.name[0] == '.') continue;
      std::string sub = dir.empty() ? e.name : dir + "/" + e.name;
      add(sub);
      if (depth > 0) below(sub, depth - 1);
    }
  };
  for (std::string g : globs) {
    if (g.empty() || g[0] == '!') continue;
    if (g.rfind("./", 0) == 0) g = g.substr(2);
    if (g.ends_with("/**")) below(g.substr(0, g.size() - 3), 3);
    else if (g.ends_with("/*")) below(g.substr(0, g.size() - 2), 0);
    else if (g.find('*') == std::string::npos) add(g);
  }
  return out;
}

}  // namespace

std::string package_without_database_client(const FileSystem& fs, const std::string& root, std::string_view path,
                                            std::optional<std::map<std::string, std::string>>* workspace) {
  std::string dir(path.substr(0, path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/')));
  for (;;) {
    std::string manifest = dir.empty() ? "package.json" : dir + "/package.json";
    std::string text, err;
    if (fs.read(join_path(root, manifest), &text, &err)) {
      if (names_database_client(text)) return "";
      // A package of the project it depends on may hold the client (a monorepo's own database
      // package, `"@acme/db": "workspace:*"`): followed through the workspace's packages; one
      // that cannot be found, or a manifest that does not parse, may hold one too.
      std::optional<std::vector<std::string>> local = local_dependencies(text);
      if (!local) return "";
      if (local->empty()) return manifest;
      std::optional<std::map<std::string, std::string>> own;
      if (!workspace) workspace = &own;
      if (!*workspace) *workspace = workspace_packages(fs, root);
      const std::map<std::string, std::string>& packages = **workspace;
      std::set<std::string> seen;
      std::vector<std::string> todo = *local;
      while (!todo.empty()) {
        std::string name = todo.back();
        todo.pop_back();
        if (!seen.insert(name).second) continue;
        auto pkg = packages.find(name);
        std::string dep;
        if (pkg == packages.end() || !fs.read(join_path(root, pkg->second), &dep, &err)) return "";
        if (names_database_client(dep)) return "";
        std::optional<std::vector<std::string>> more = local_dependencies(dep);
        if (!more) return "";
        todo.insert(todo.end(), more->begin(), more->end());
      }
      return manifest;
    }
    if (dir.empty()) return "";
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
  }
}

bool imports_sql_parser(std::string_view text) { return FileImports(text).sql_parser(); }

bool imports_postgres_driver(std::string_view text) { return FileImports(text).postgres_driver(); }

bool is_revision_script(std::string_view text) {
  // A Python file is full of the words' first bytes ('r', 'd'): occurs_where looks for their rarest.
  auto at_line_start = [&](std::string_view word) {
    return occurs_where(text, word, [&](size_t at) { return at == 0 || text[at - 1] == '\n'; });
  };
  // The rarest first: most files have no `def upgrade(` at a line's start.
  return at_line_start("def upgrade(") && (at_line_start("revision = ") || at_line_start("revision: str = ")) &&
         (at_line_start("down_revision = ") || at_line_start("down_revision: "));
}

std::string other_engine_of_connection_alias(std::string_view alias) {
  std::string name = lower(alias);
  if (name.find("postgres") != std::string::npos || name.find("pg_") != std::string::npos) return "";
  return schema::migrations::engine_named_in_name(name, false);
}

std::string other_engine_of_module(std::string_view module) {
  for (std::string_view pg : kPostgresDrivers)
    if (module == pg) return "";
  for (const Driver& d : kOtherDrivers)
    if (module == d.module) return std::string(d.engine);
  // A project module named for the engine ('@/lib/clickhouse', './mysql/client'): its last
  // component counts like a directory's name.
  std::string m = lower(module);
  if (m.find("postgres") != std::string::npos || m.find("prisma") != std::string::npos) return "";
  return schema::migrations::engine_named_in_path(m + "/x");
}

}  // namespace schemagate::source
