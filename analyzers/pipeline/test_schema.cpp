#include "analyzers/pipeline/test_schema.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "analyzers/languages/query_dialects.h"
#include "analyzers/pipeline/pipeline.h"
#include "analyzers/pipeline/unchecked_reasons.h"
#include "analyzers/source/discovery.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/scan.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::pipeline {
namespace {

/// The first key of `tables` (lower-cased names) that `sql` names as a word, or tables.end().
template <class Map>
typename Map::const_iterator names_a_table_of(std::string_view sql, const Map& tables) {
  for (size_t i = 0; i < sql.size();) {
    if (!std::isalnum(static_cast<unsigned char>(sql[i])) && sql[i] != '_') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) ++i;
    std::string word(sql.substr(start, i - start));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto it = tables.find(word); it != tables.end()) return it;
  }
  return tables.end();
}

/// `text` in lower case (ASCII letters: std::tolower's in the C locale the program runs in),
/// without a call per byte.
std::string lower_copy(std::string_view text) {
  std::string low(text);
  for (char& c : low) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return low;
}

/// Where `low` (a text in lower case) creates a table whose name a format fills in (`create
/// table %s`, `create table {name}`, `create table if not exists %(table)s`), or npos.
size_t table_named_at_run_time(std::string_view low) {
  for (size_t at = low.find("create table"); at != std::string::npos; at = low.find("create table", at + 1)) {
    size_t k = at + 12;
    while (k < low.size() && std::isspace(static_cast<unsigned char>(low[k]))) ++k;
    if (low.compare(k, 13, "if not exists") == 0) {
      k += 13;
      while (k < low.size() && std::isspace(static_cast<unsigned char>(low[k]))) ++k;
    }
    if (k < low.size() && (low[k] == '{' || low[k] == '%')) return at;
  }
  return std::string::npos;
}

/// The strings of `text` ('...' or "..." on one line) that hold one name and nothing else,
/// lower-cased.
std::vector<std::string> lone_names_in_strings(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size(); ++i) {
    char q = text[i];
    if (q != '"' && q != '\'') continue;
    size_t j = i + 1;
    while (j < text.size() && text[j] != q && text[j] != '\n') ++j;
    if (j >= text.size() || text[j] != q) continue;
    std::string_view body = text.substr(i + 1, j - i - 1);
    bool name = !body.empty() && !std::isdigit(static_cast<unsigned char>(body[0]));
    for (char c : body) name = name && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (name) {
      std::string low(body);
      for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.push_back(std::move(low));
    }
    i = j;
  }
  return out;
}

/// The sequences `low` (a text in lower case) creates (`CREATE SEQUENCE [IF NOT EXISTS] name`),
/// with offsets.
std::vector<std::pair<std::string, size_t>> sequences_created(std::string_view low) {
  std::vector<std::pair<std::string, size_t>> out;
  for (size_t at = low.find("create sequence "); at != std::string::npos; at = low.find("create sequence ", at + 1)) {
    size_t k = at + 16;
    while (k < low.size() && low[k] == ' ') ++k;
    if (low.compare(k, 14, "if not exists ") == 0) k += 14;
    size_t e = k;
    while (e < low.size() && (std::isalnum(static_cast<unsigned char>(low[e])) || low[e] == '_')) ++e;
    if (e > k) out.emplace_back(low.substr(k, e - k), at);
  }
  return out;
}

/// The first key of `tables` that `sql` names where a relation stands: the word after FROM,
/// JOIN, INTO, UPDATE or TABLE (or the name after its schema's dot), or tables.end().
template <class Map>
typename Map::const_iterator names_a_relation_of(std::string_view sql, const Map& tables) {
  std::string prev, before_dot;
  bool dot = false;
  for (size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      if (c == '.') dot = true;
      else if (!std::isspace(static_cast<unsigned char>(c)) && c != '"') prev.clear(), dot = false;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) ++i;
    std::string word(sql.substr(start, i - start));
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto position = [](const std::string& w) {
      return w == "from" || w == "join" || w == "into" || w == "update" || w == "table" || w == "only";
    };
    bool relation = position(prev) || (dot && position(before_dot));
    if (relation)
      if (auto it = tables.find(word); it != tables.end()) return it;
    before_dot = dot ? std::string() : prev;
    dot = false;
    prev = word;
  }
  return tables.end();
}

/// `text` lower-cased, its comments and string constants blanked (sql/scan.h's rule), so that
/// only statements are read; quoted identifiers stay, as names.
std::string code_lower(std::string_view text) {
  std::string out(text.size(), ' ');
  for (size_t i = 0; i < text.size();) {
    sql::Skipped skipped = sql::skip_comment_or_quoted(text, i);
    size_t end = skipped.end == i ? i + 1 : skipped.end;
    if (skipped.end == i || text[i] == '"')
      for (size_t j = i; j < end; ++j) out[j] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
    i = end;
  }
  return out;
}

/// The release a code file upgrades a database to, from its path: below a folder named upgrade,
/// upgrades, upgrader or upgraders, a folder or file named for a version (DolphinScheduler's
/// tools/.../upgrader/v320/V320DolphinSchedulerUpgrader.java: "v320"). Such code runs once, on the
/// schema of the release before, whose tables and columns the newest one may no longer have.
/// Likewise below a folder named migrations, migration or migrate, in a code file the migration
/// sets do not hold, but only a name that is a release's (`v0.9.0.go`, `1.4/`): listmonk's
/// internal/migrations/v0.9.0.go adds columns to an older database, where a fresh install loads
/// schema.sql whole. A sequence number or a timestamp (`0001_init.go`, `20240101_x.py`,
/// `V2__add_x.java`) names no release. "" for any other file (the upgrader's own DAO beside the version folders is checked).
std::string release_upgraded_to(const std::string& rel) {
  bool below = false, below_migrations = false;
  size_t begin = 0;
  while (begin < rel.size()) {
    size_t end = std::min(rel.find('/', begin), rel.size());
    std::string part = rel.substr(begin, end - begin), low = part;
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto digit = [&](size_t i) { return i < low.size() && std::isdigit(static_cast<unsigned char>(low[i])); };
    // A release's number has a dot (v0.9.0, 1.4): Flyway's Java steps (V2__Add_x.java) are
    // numbered, as a timestamp is, without one.
    size_t lead = !low.empty() && low[0] == 'v' ? 1 : 0, run = lead;
    while (digit(run)) ++run;
    bool release = run > lead && run < low.size() && low[run] == '.' && digit(run + 1);
    if (below || (below_migrations && release)) {
      size_t d = low.size() > 1 && low[0] == 'v' ? 1 : 0;
      if (d < low.size() && std::isdigit(static_cast<unsigned char>(low[d]))) {
        size_t e = d;
        while (e < low.size() && (std::isdigit(static_cast<unsigned char>(low[e])) || low[e] == '_' || low[e] == '.')) ++e;
        std::string version = part.substr(0, e);
        while (!version.empty() && (version.back() == '_' || version.back() == '.')) version.pop_back();
        return version;
      }
    }
    if (end < rel.size() && (low == "upgrade" || low == "upgrades" || low == "upgrader" || low == "upgraders")) below = true;
    if (end < rel.size() && (low == "migrations" || low == "migration" || low == "migrate")) below_migrations = true;
    begin = end + 1;
  }
  return "";
}

/// The migration file `text` tells Knex's migrator to run up or down to (an upgrade script:
/// `await trx.migrate.up({ name: '20250228000022_version_2.js' })`, then its own queries on the
/// tables as that migration left them), from `names` (file names less their extension); "" when
/// the file does not run the migrator or names no migration of the set in a string.
std::string migration_run_up_to(std::string_view text, const std::map<std::string, std::string>& names) {
  if (names.empty()) return "";
  bool runs = false;
  for (std::string_view call : {".migrate.up(", ".migrate.down(", ".migrate.latest(", ".migrate.rollback("})
    runs = runs || text.find(call) != std::string_view::npos;
  if (!runs) return "";
  for (size_t i = 0; i < text.size(); ++i) {
    char q = text[i];
    if (q != '\'' && q != '"' && q != '`') continue;
    size_t end = text.find(q, i + 1);
    if (end == std::string_view::npos) break;
    std::string_view lit = text.substr(i + 1, end - i - 1);
    if (lit.find('\n') == std::string_view::npos) {
      std::string_view stem = lit.substr(0, lit.find('.'));
      if (auto it = names.find(std::string(stem)); it != names.end()) return it->second;
      i = end;
    }
  }
  return "";
}

/// The tables that the .sql files of the sets the runner does not apply (build.not_run: the
/// upgrade folders of older releases) drop, lower-cased, each with the file that drops it, less
/// those `build.schema` has: a test that names one exercises an upgrade from an older schema.
std::map<std::string, std::string> tables_upgraded_away(const source::FileSystem& fs, const std::string& root,
                                                       const SchemaBuild& build) {
  std::map<std::string, std::string> out;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '"' || c == '.'; };
  // Each folder's .sql files, and its subfolders' (upgrade/3.2.0_schema/postgresql/).
  std::vector<std::string> files;
  std::function<void(const std::string&, int)> walk = [&](const std::string& dir, int depth) {
    for (const source::DirEntry& e : fs.list(source::join_path(root, dir))) {
      if (e.is_dir && depth < 3) walk(dir + "/" + e.name, depth + 1);
      else if (!e.is_dir && e.name.ends_with(".sql")) files.push_back(dir + "/" + e.name);
    }
  };
  for (const MigrationDirectory& d : build.not_run) walk(d.path, 0);
  for (const std::string& rel : files) {
    std::string text, err;
    if (!fs.read(source::join_path(root, rel), &text, &err)) continue;
    std::string low = code_lower(text);
    for (size_t at = low.find("drop table"); at != std::string::npos; at = low.find("drop table", at + 1)) {
      size_t i = at + 10;
      auto skip_blank = [&] { while (i < low.size() && std::isspace(static_cast<unsigned char>(low[i]))) ++i; };
      skip_blank();
      if (low.compare(i, 9, "if exists") == 0) i += 9;
      for (;;) {  // DROP TABLE a, b
        skip_blank();
        size_t start = i;
        while (i < low.size() && word(low[i])) ++i;
        std::string name = low.substr(start, i - start);
        if (size_t dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
        std::erase(name, '"');
        if (!name.empty()) {
          bool anywhere = false;
          for (auto& [key, r] : build.schema.relations()) anywhere = anywhere || r.name == name;
          if (!anywhere) out.emplace(name, rel);
        }
        skip_blank();
        if (i < low.size() && low[i] == ',') {
          ++i;
          continue;
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace

TestSchemas TestSchemas::of(const source::FileSystem& fs, const std::string& root, const SchemaBuild& build) {
  // Versions a test can name without naming anything else: timestamps, and Alembic's revision ids
  // (twelve hex digits, "7a73514ca2d6") that hold a digit.
  std::map<std::string, std::string> versions;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto hex = [&](char c) { return digit(c) || (c >= 'a' && c <= 'f'); };
  for (const schema::migrations::MigrationFile& m : build.migrations) {
    const std::string& v = m.version;
    bool timestamp = v.size() >= 8 && std::all_of(v.begin(), v.end(), digit);
    bool revision_id = v.size() >= 10 && std::all_of(v.begin(), v.end(), hex) && std::any_of(v.begin(), v.end(), digit);
    if (timestamp || revision_id) versions.emplace(v, m.path);
  }
  TestSchemas out(tables_upgraded_away(fs, root, build), std::move(versions));
  for (const schema::migrations::MigrationFile& m : build.migrations) {
    std::string base = m.path.substr(m.path.rfind('/') == std::string::npos ? 0 : m.path.rfind('/') + 1);
    base = base.substr(0, base.find('.'));
    size_t digits = 0;
    while (digits < base.size() && digit(base[digits])) ++digits;
    if (digits >= 8 && digits < base.size()) out.migration_names_.emplace(base, m.path);
  }
  // A schema script's test copy, on the tests' classpath at the same package
  // (src/test/resources/.../ddl_test.sql beside src/main/resources/.../ddl.sql): tests install it
  // with the script, and the tables only it creates are theirs.
  for (const MigrationDirectory& d : build.dumps) {
    size_t main = d.path.find("/src/main/");
    if (d.format != "schema dump" || main == std::string::npos || !d.path.ends_with(".sql")) continue;
    std::string stem = d.path.substr(0, d.path.size() - 4);
    stem.replace(main, 10, "/src/test/");
    for (const char* suffix : {"_test.sql", "-test.sql"}) {
      std::string script = stem + suffix, sql, e;
      if (!fs.read(source::join_path(root, script), &sql, &e)) continue;
      report::Locator places;
      places.add(script, sql);
      for (auto& [c, offset] : created_tables_in_text(sql)) {
        bool known = false;
        for (auto& [key, r] : build.schema.relations()) known = known || r.name == c.name;
        if (!known) out.test_install_tables_.emplace(c.name, places.place(script, offset));
      }
    }
  }
  return out;
}

void TestSchemas::read_module_init_scripts(const source::FileSystem& fs, const std::string& root,
                                           const std::vector<std::string>& files) {
  // A module whose tests start their database from a schema script of their own (another
  // database's, which a data-migration tool reads): `.withInitScript("v4-schema.sql")` in a JVM
  // test loads src/test/resources/v4-schema.sql. The tables it creates are that module's.
  for (auto& f : files) {
    size_t test = f.find("/src/test/");
    if (test == std::string::npos || !(f.ends_with(".java") || f.ends_with(".kt") || f.ends_with(".groovy"))) continue;
    std::string text, e;
    if (!fs.read(source::join_path(root, f), &text, &e)) continue;
    constexpr std::string_view kInit = "withInitScript(\"";
    for (size_t at = text.find(kInit); at != std::string::npos; at = text.find(kInit, at + 1)) {
      size_t b = at + kInit.size(), q = text.find('"', b);
      if (q == std::string::npos) break;
      std::string name = text.substr(b, q - b);
      if (name.starts_with("classpath:")) name = name.substr(10);
      while (name.starts_with("/")) name = name.substr(1);
      if (name.empty() || !name.ends_with(".sql") || name.find("..") != std::string::npos) continue;
      std::string module = f.substr(0, test), script = module + "/src/test/resources/" + name, sql;
      if (!fs.read(source::join_path(root, script), &sql, &e)) continue;
      report::Locator places;
      places.add(script, sql);
      for (auto& [c, offset] : created_tables_in_text(sql)) {
        std::string low = c.name;
        for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        module_init_tables_[module].emplace(low, places.place(script, offset));
      }
    }
  }
}

FileSchema TestSchemas::for_file(const std::string& rel, const std::string& text, const report::LineIndex& lines) const {
  FileSchema file;
  bool test = source::is_test_file(rel);
  // A test that creates tables itself (an older schema it migrates from, a fixture) runs its
  // queries on those tables: a query naming one is not judged by the migrations' schema.
  if (test) {
    for (auto& [created, offset] : created_tables_in_text(text))
      file.test_tables_.emplace(created.name, lines.position(offset).line);
    // A table whose name it fills in at run time (`CREATE TABLE %s` % (table,)) may be any of
    // the names its strings hold alone (`tables = ["foobar"]`).
    std::string low = lower_copy(text);
    if (size_t at = table_named_at_run_time(low); at != std::string::npos)
      for (std::string& name : lone_names_in_strings(text)) file.run_time_tables_.emplace(std::move(name), lines.position(at).line);
    for (auto& [name, at] : sequences_created(low)) file.test_tables_.emplace(name, lines.position(at).line);
  }
  // A .sql file outside the migration sets whose name says it is a migration
  // (backend/sql/migration_25_08_2023.sql): a one-off script someone ran by hand on the
  // schema of its day, not a query the application sends. A file of a query tool's named
  // queries (sqlc's river_migration.sql, "-- name: X :many" for the river_migration table)
  // is the application's, whatever its name.
  // Likewise a .sql file in a folder so named that is no migration set (db/old_migrations/
  // patch-notification-config.sql: an older release's upgrade patches, applied by hand).
  if (rel.size() > 4 && rel.compare(rel.size() - 4, 4, ".sql") == 0) {
    std::string low = rel;
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t slash = low.rfind('/');
    bool named = low.find("migrat", slash == std::string::npos ? 0 : slash + 1) != std::string::npos;
    bool in_folder = slash != std::string::npos && low.substr(0, slash).find("migrat") != std::string::npos;
    file.manual_migration_ = (named || in_folder) && languages::query_dialect_for(text).name == "plain";
    file.manual_migration_folder_ = file.manual_migration_ && !named;
  }
  file.release_upgrade_ = release_upgraded_to(rel);
  if (!test) file.migrates_to_ = migration_run_up_to(text, migration_names_);
  // Code of a module whose tests start their database from a schema script of their own.
  if (size_t src = rel.find("/src/"); src != std::string::npos)
    if (auto m = module_init_tables_.find(rel.substr(0, src)); m != module_init_tables_.end())
      file.module_init_tables_ = &m->second;
  // A test that names a migration's version (a timestamp) migrates to it first, and runs
  // its queries on the schema of that point in the history (a test of the migrations).
  if (test && !migration_versions_.empty())
    if (auto v = names_a_table_of(text, migration_versions_); v != migration_versions_.end())
      file.test_version_ = v->first + " (" + v->second + ")";
  if (test && !upgraded_away_.empty()) file.upgraded_away_ = &upgraded_away_;
  if (test && !test_install_tables_.empty()) file.test_install_tables_ = &test_install_tables_;
  return file;
}

namespace {

/// Whether `sql` holds a statement that references the schema (a query, DML), or may: false only
/// when it parses to DDL and utility statements alone.
bool holds_query(std::string_view sql) {
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError error;
  if (!sql::parse(std::string(sql), &stmts, &error)) return true;
  return std::any_of(stmts.begin(), stmts.end(), [](const sql::ParsedStatement& s) { return sql::is_checked(s.node); });
}

}  // namespace

std::optional<OtherSchema> FileSchema::site(std::string_view sql) const {
  if (!test_tables_.empty())
    if (auto own = names_a_table_of(sql, test_tables_); own != test_tables_.end())
      return OtherSchema{"a test that creates its own " + own->first + " (line " + std::to_string(own->second) +
                             "): its queries meet that table, not the migrations' one",
                         kTestOwnSchema};
  if (!run_time_tables_.empty())
    if (auto own = names_a_relation_of(sql, run_time_tables_); own != run_time_tables_.end())
      return OtherSchema{"a test that creates tables under run-time names, " + own->first + " among them (line " +
                             std::to_string(own->second) + "): its queries meet those tables, not the migrations' ones",
                         kTestOwnSchema};
  if (module_init_tables_)
    if (auto own = names_a_table_of(sql, *module_init_tables_); own != module_init_tables_->end())
      return OtherSchema{"its module's tests start their database from " + own->second + " (withInitScript), which creates " +
                             own->first + ": the module queries that schema, not the migrations' one",
                         kTestOwnSchema};
  if (test_install_tables_)
    if (auto own = names_a_table_of(sql, *test_install_tables_); own != test_install_tables_->end())
      return OtherSchema{"the tests install " + own->second + " with the schema, which creates " + own->first +
                             ": a test's queries meet that table",
                         kTestOwnSchema};
  // Its DDL (DROP TABLE IF EXISTS, CREATE FUNCTION) is no reference, as anywhere else: only its
  // queries met the schema of their day (dispatch's multi-tenant-migration.sql: 2 SELECTs among
  // 75 statements).
  if (manual_migration_ && !holds_query(sql))
    return std::nullopt;
  if (manual_migration_)
    return OtherSchema{std::string("a migration script run by hand, outside the migration sets (its ") +
                           (manual_migration_folder_ ? "folder" : "name") + " says so): it ran on the schema of its day",
                       kManualMigration};
  if (!release_upgrade_.empty())
    return OtherSchema{"code that upgrades a database to release " + release_upgrade_ +
                           " (its path says so): it runs once, on the schema of the release before",
                       kManualMigration, holds_query(sql)};
  if (!test_version_.empty())
    return OtherSchema{"a test that names migration version " + test_version_ +
                           ": it runs its queries at that point of the history, not on the newest schema",
                       kTestOwnSchema};
  if (!migrates_to_.empty() && holds_query(sql))  // its DDL is no reference, as anywhere else
    return OtherSchema{"code that runs the migrator up to " + migrates_to_ +
                           " itself: its queries meet the schema of that point of the history, not the newest",
                       kManualMigration};
  if (upgraded_away_)
    if (auto away = names_a_table_of(sql, *upgraded_away_); away != upgraded_away_->end())
      return OtherSchema{"a test of an upgrade from an older schema: " + away->second + " drops " + away->first +
                             " when it upgrades an older database",
                         kTestOwnSchema};
  return std::nullopt;
}

std::optional<OtherSchema> FileSchema::relation(std::string_view name) const {
  std::string low(name);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::map<std::string, int>* in = test_tables_.count(low) ? &test_tables_ : &run_time_tables_;
  if (auto own = in->find(low); own != in->end())
    return OtherSchema{"a test that creates its own " + own->first + " (line " + std::to_string(own->second) +
                           "): its models meet that table, not the migrations' one",
                       kTestOwnSchema};
  if (module_init_tables_)
    if (auto own = module_init_tables_->find(low); own != module_init_tables_->end())
      return OtherSchema{"its module's tests start their database from " + own->second + " (withInitScript), which creates " +
                             own->first + ": the module's models meet that schema, not the migrations' one",
                         kTestOwnSchema};
  if (test_install_tables_)
    if (auto own = test_install_tables_->find(low); own != test_install_tables_->end())
      return OtherSchema{"the tests install " + own->second + " with the schema, which creates " + own->first +
                             ": a test's models meet that table",
                         kTestOwnSchema};
  if (!test_version_.empty())
    return OtherSchema{"a test that names migration version " + test_version_ +
                           ": its models and query chains meet the schema of that point of the history, not the newest",
                       kTestOwnSchema};
  if (!release_upgrade_.empty())
    return OtherSchema{"code that upgrades a database to release " + release_upgrade_ +
                           " (its path says so): it runs once, on the schema of the release before",
                       kManualMigration};
  if (!migrates_to_.empty())
    return OtherSchema{"code that runs the migrator up to " + migrates_to_ +
                           " itself: its models and query chains meet the schema of that point of the history, not the newest",
                       kManualMigration};
  return std::nullopt;
}

namespace {

/// The words of a text read in place (lower case, quotes left out), for the readers of CREATE
/// and ALTER statements by words below: only a name is copied. A test file is mostly words that
/// are no CREATE, and copying each (as strings, lower-cased) was most of a scan of synapse's
/// tests. A run-time fragment (a site's kHole) is part of the name it stands in: CREATE TABLE
/// %q (id ...) names no table "id". ASCII alone, as std::isalnum and std::tolower read bytes in
/// the C locale the program runs in.
class TextWords {
 public:
  struct Span {
    size_t at = 0, end = 0;  ///< end == 0: no word
  };
  explicit TextWords(const std::string& text) : text_(text) {}

  /// The word at or after `from` (a word starts at a word byte and goes on over word bytes and
  /// dots).
  Span next(size_t from) const {
    const size_t n = text_.size();
    while (from < n && !in_word(text_[from])) ++from;
    if (from >= n) return Span{};
    size_t end = from;
    while (end < n && (in_word(text_[end]) || text_[end] == '.')) ++end;
    return Span{from, end};
  }
  bool is(const Span& w, std::string_view word) const {
    size_t k = 0;
    for (size_t i = w.at; i < w.end; ++i) {
      if (text_[i] == '"') continue;
      if (k == word.size() || lower(text_[i]) != word[k]) return false;
      ++k;
    }
    return k == word.size();
  }
  /// `w` at "if": the word after "if not exists" (`negated`) or "if exists", when one follows
  /// them; `w` itself when they are not those words (then "if" is a name); an empty span when
  /// they are, and nothing follows.
  Span past_if(Span w, bool negated) const {
    if (w.end == 0 || !is(w, "if")) return w;
    Span not_ = negated ? next(w.end) : w;
    Span exists = not_.end != 0 ? next(not_.end) : Span{};
    Span after = exists.end != 0 ? next(exists.end) : Span{};
    if ((!negated || is(not_, "not")) && exists.end != 0 && is(exists, "exists")) return after;
    return w;
  }
  /// The name `w` spells: lower case, quotes left out.
  std::string name(const Span& w) const {
    std::string out;
    for (size_t i = w.at; i < w.end; ++i)
      if (text_[i] != '"') out.push_back(lower(text_[i]));
    return out;
  }
  /// Whether a `;` stands between two places.
  bool statement_ends(size_t from, size_t to) const { return text_.find(';', from) < to; }

 private:
  static bool in_word(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '"' ||
           ch == sql::kHole;
  }
  static char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch; }
  const std::string& text_;
};

sql::CreatedRelation relation_named(const std::string& name) {
  auto dot = name.find('.');
  return dot == std::string::npos ? sql::CreatedRelation{"", name}
                                  : sql::CreatedRelation{name.substr(0, dot), name.substr(dot + 1)};
}

}  // namespace

std::vector<std::pair<sql::CreatedRelation, size_t>> created_tables_in_text(const std::string& text) {
  const TextWords words(text);
  std::vector<std::pair<sql::CreatedRelation, size_t>> out;
  for (TextWords::Span create = words.next(0); create.end != 0; create = words.next(create.end)) {
    // Only a word of six letters, with quotes, can be "create".
    if (create.end - create.at < 6 || !words.is(create, "create")) continue;
    TextWords::Span w = words.next(create.end);
    while (w.end != 0 && (words.is(w, "virtual") || words.is(w, "external") || words.is(w, "temp") ||
                          words.is(w, "temporary") || words.is(w, "unlogged") || words.is(w, "materialized") ||
                          words.is(w, "or") || words.is(w, "replace")))
      w = words.next(w.end);
    if (w.end == 0 || (!words.is(w, "table") && !words.is(w, "view"))) continue;
    // "if not exists" is passed over only when a word follows it: otherwise "if" is the name.
    w = words.past_if(words.next(w.end), true);
    if (w.end == 0) break;
    out.push_back({relation_named(words.name(w)), create.at});
  }
  return out;
}

std::vector<std::pair<sql::CreatedRelation, size_t>> added_columns_in_text(const std::string& text) {
  const TextWords words(text);
  std::vector<std::pair<sql::CreatedRelation, size_t>> out;
  std::string table;  // of the ALTER TABLE the words are in, until a `;`
  size_t alter_at = 0, last_end = 0;
  bool first_action = false;
  for (TextWords::Span w = words.next(0); w.end != 0; last_end = w.end, w = words.next(w.end)) {
    if (!table.empty() && words.statement_ends(last_end, w.at)) table.clear();
    if (words.is(w, "alter")) {
      TextWords::Span t = words.next(w.end);
      if (t.end == 0 || !words.is(t, "table")) continue;
      TextWords::Span n = words.past_if(words.next(t.end), false);
      if (n.end != 0 && words.is(n, "only")) n = words.next(n.end);
      if (n.end == 0) break;
      table = words.name(n), alter_at = w.at, first_action = true;
      w = n;
      continue;
    }
    if (table.empty() || !words.is(w, "add")) continue;
    TextWords::Span c = words.next(w.end);
    const bool column = c.end != 0 && words.is(c, "column");
    if (column) c = words.next(c.end);
    c = words.past_if(c, true);
    if (c.end == 0) break;
    // ADD without COLUMN: a column unless it adds a constraint or an index; only the first action
    // of the statement is read so (a later `, add x` may follow a default's words).
    const bool constraint = words.is(c, "constraint") || words.is(c, "primary") || words.is(c, "unique") ||
                            words.is(c, "foreign") || words.is(c, "check") || words.is(c, "exclude");
    if (column || (first_action && !constraint)) {
      sql::CreatedRelation r = relation_named(table);
      r.name = "column:" + r.name + "." + words.name(c);
      out.push_back({std::move(r), alter_at});
    }
    first_action = false;
    w = c;
  }
  return out;
}

}  // namespace schemagate::pipeline
