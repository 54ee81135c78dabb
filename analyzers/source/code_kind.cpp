// See code_kind.h.
#include "analyzers/source/code_kind.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "analyzers/schema/migrations/discover.h"

namespace schemagate::source {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
};

constexpr std::string_view kPostgresDrivers[] = {
    "github.com/lib/pq", "github.com/jackc/pgx", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5",
    "github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v5/stdlib", "github.com/go-pg/pg/v10",
    "pg", "postgres", "pg-promise", "@neondatabase/serverless", "@vercel/postgres", "slonik",
    "psycopg", "psycopg2", "asyncpg", "@supabase/supabase-js", "gorm.io/driver/postgres",
};

/// What a file's text can import, read in one pass: whether it imports `module` is then a
/// lookup, not a search of the whole text per module (a file that holds SQL is asked of some
/// ninety modules). A module is imported when it is quoted (`"module"` / `'module'`: Go, JS, TS,
/// `require`), a bare name ("mysql", "pg") only after from / require( / import; or when it
/// follows `import ` or `from ` that starts a word and ends there (Python).
class ImportIndex {
 public:
  explicit ImportIndex(std::string_view text) : text_(text) {
    // Quoted: a module holds no quote, so its quotes are two consecutive ones of a kind.
    for (char q : {'"', '\''}) {
      size_t open = text.find(q);
      while (open != std::string_view::npos) {
        size_t close = text.find(q, open + 1);
        if (close == std::string_view::npos) break;
        if (close - open - 1 <= kLongest) {
          std::string_view before = text.substr(0, open);
          while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
          bool bare = before.ends_with("from") || before.ends_with("require(") || before.ends_with("import") ||
                      before.ends_with("import(");
          quoted_.emplace_back(text.substr(open + 1, close - open - 1), bare);
        }
        open = close;
      }
    }
    std::sort(quoted_.begin(), quoted_.end());
    for (std::string_view lead : {std::string_view("import "), std::string_view("from ")})
      for (size_t start = text.find(lead); start != std::string_view::npos; start = text.find(lead, start + 1))
        if (start == 0 || text[start - 1] == '\n' || text[start - 1] == ' ' || text[start - 1] == '\t')
          names_.push_back(start + lead.size());
  }

  bool imports(std::string_view module) const {
    // A module path with '/', '.' or ':' is unmistakable wherever it is quoted (Go imports).
    bool distinctive = module.find_first_of("/.:") != std::string_view::npos;
    auto q = std::lower_bound(quoted_.begin(), quoted_.end(), std::make_pair(module, false));
    for (; q != quoted_.end() && q->first == module; ++q)
      if (distinctive || q->second) return true;
    for (size_t at : names_) {
      size_t end = at + module.size();
      if (text_.substr(at, module.size()) != module) continue;
      if (end >= text_.size() || text_[end] == ' ' || text_[end] == '\n' || text_[end] == '\r' || text_[end] == ',' ||
          text_[end] == '.')
        return true;
    }
    return false;
  }

 private:
  static constexpr size_t kLongest = 64;  ///< longer than every module asked about
  std::string_view text_;
  std::vector<std::pair<std::string_view, bool>> quoted_;  ///< (quoted text, after from/require(/import), sorted
  std::vector<size_t> names_;                              ///< where a name after `import ` or `from ` starts
};

}  // namespace

bool is_not_application_code(std::string_view path) {
  std::string p = lower(path);
  size_t slash = p.rfind('/');
  std::string name = slash == std::string::npos ? p : p.substr(slash + 1);
  std::string dirs = "/" + (slash == std::string::npos ? std::string() : p.substr(0, slash + 1));
  if (name.ends_with(".queries.ts") || name.rfind("zz_generated", 0) == 0) return true;
  // Storybook stories render components with sample data (a code viewer's sample SQL): no
  // database runs them.
  if (name.find(".stories.") != std::string::npos || name.find(".story.") != std::string::npos) return true;
  if (dirs.find("/generated/prisma/") != std::string::npos || dirs.find("/prisma/generated/") != std::string::npos ||
      dirs.find("/prisma-client/") != std::string::npos || dirs.find("/generated/client/") != std::string::npos)
    return true;
  // Declarative schema files (Supabase's supabase/schemas/, a schema/ folder beside the
  // migrations) describe the tables the migrations create; as code they would hide them.
  // Supabase's may sit in folders of their own (supabase/schemas/pricing/functions.sql).
  if (name.ends_with(".sql") && (dirs.ends_with("/schemas/") || dirs.ends_with("/schema/") ||
                                 dirs.find("/supabase/schemas/") != std::string::npos))
    return true;
  if (name.ends_with(".sql") &&
      (name.rfind("seed", 0) == 0 || dirs.find("/fixtures/") != std::string::npos ||
       dirs.find("/seeds/") != std::string::npos || dirs.find("/seed/") != std::string::npos ||
       dirs.find("/testdata/") != std::string::npos))  // Go's test inputs (popx's <version>_testdata.sql)
    return true;
  return false;
}

std::string other_engine_of_code(std::string_view path, std::string_view text) {
  ImportIndex index(text);
  for (std::string_view pg : kPostgresDrivers)
    if (index.imports(pg)) return "";
  for (const Driver& d : kOtherDrivers)
    if (index.imports(d.module)) return std::string(d.engine) + " (the file imports " + std::string(d.module) + ")";
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
    ImportIndex index(text);
    for (std::string_view pg : kPostgresDrivers)
      if (index.imports(pg)) return "";
    if (found.empty())
      for (const Driver& d : kOtherDrivers)
        if (index.imports(d.module)) {
          found = std::string(d.engine) + " (" + e.name + " of its package imports " + std::string(d.module) + ")";
          break;
        }
  }
  return found;
}

PackageOutputs package_script_outputs(const FileSystem& fs, const std::string& root, std::string dir) {
  for (;;) {
    std::string manifest = dir.empty() ? "package.json" : dir + "/package.json";
    std::string text, err;
    if (fs.read(join_path(root, manifest), &text, &err)) {
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
      return found;
    }
    if (dir.empty()) return {};
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
  }
}

std::string written_by(const PackageOutputs& package, std::string_view path) {
  if (package.manifest.empty()) return "";
  std::string_view own = path.substr(package.dir.empty() ? 0 : package.dir.size() + 1);
  return package.outputs.count(std::string(own)) ? package.manifest : "";
}

std::string package_without_database_client(const FileSystem& fs, const std::string& root, std::string_view path) {
  static constexpr std::string_view kClients[] = {
      "pg", "postgres", "pg-promise", "slonik", "@neondatabase/serverless", "@vercel/postgres", "@prisma/client",
      "prisma", "drizzle-orm", "kysely", "knex", "typeorm", "sequelize", "@mikro-orm/core", "@supabase/supabase-js",
      "@supabase/postgrest-js", "postgrejs", "@databases/pg", "zapatos", "@pgtyped/runtime", "mysql2", "better-sqlite3",
      "@electric-sql/pglite", "pg-pool", "pglite"};
  std::string dir(path.substr(0, path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/')));
  for (;;) {
    std::string manifest = dir.empty() ? "package.json" : dir + "/package.json";
    std::string text, err;
    if (fs.read(join_path(root, manifest), &text, &err)) {
      for (std::string_view c : kClients)
        if (text.find("\"" + std::string(c) + "\"") != std::string::npos) return "";
      return manifest;
    }
    if (dir.empty()) return "";
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
  }
}

bool imports_sql_parser(std::string_view text) {
  static constexpr std::string_view kParsers[] = {
      "github.com/xwb1989/sqlparser", "github.com/temporalio/sqlparser", "vitess.io/vitess/go/vt/sqlparser",
      "github.com/blastrain/vitess-sqlparser", "github.com/pganalyze/pg_query_go/v5", "github.com/pganalyze/pg_query_go/v6",
      "github.com/pingcap/tidb/parser", "github.com/pingcap/tidb/pkg/parser", "node-sql-parser", "pgsql-ast-parser",
      "sqlglot", "sqlparse", "libpg_query", "pg-query-parser"};
  ImportIndex index(text);
  for (std::string_view p : kParsers)
    if (index.imports(p)) return true;
  return false;
}

bool imports_postgres_driver(std::string_view text) {
  ImportIndex index(text);
  for (std::string_view m : kPostgresDrivers)
    if (index.imports(m)) return true;
  return false;
}

bool is_revision_script(std::string_view text) {
  auto at_line_start = [&](std::string_view word) {
    for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1))
      if (at == 0 || text[at - 1] == '\n') return true;
    return false;
  };
  return (at_line_start("revision = ") || at_line_start("revision: str = ")) &&
         (at_line_start("down_revision = ") || at_line_start("down_revision: ")) && at_line_start("def upgrade(");
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
