// Choosing the migration sets and dumps found in a project; see migration_sets.h.
#include "analyzers/pipeline/migration_sets.h"

#include <algorithm>

#include "analyzers/schema/migrations/code/go_code.h"

#include "analyzers/schema/migrations/discover.h"
#include "analyzers/source/code_kind.h"

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/tree_parser.h"

namespace schemagate::pipeline {

std::string version_key(const std::string& version) {
  size_t nz = version.find_first_not_of('0');
  return nz == std::string::npos ? "0" : version.substr(nz);
}

std::string describe_contents(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::map<std::string, size_t> by_ext;
  for (const source::DirEntry& e : fs.list(source::join_path(root, dir))) {
    if (e.name[0] == '.') continue;
    size_t dot = e.name.rfind('.');
    by_ext[e.is_dir ? "subdirectory" : dot == std::string::npos ? "extensionless" : e.name.substr(dot)]++;
  }
  std::string held;
  for (auto& [kind, n] : by_ext)
    held += (held.empty() ? "" : ", ") + std::to_string(n) + " " + kind +
            (kind == "subdirectory" ? (n == 1 ? "" : "s") : std::string(" file") + (n == 1 ? "" : "s"));
  return held.empty() ? "nothing" : held;
}

void other_engine_migrations(const source::FileSystem& fs, const std::string& root, const SchemaBuild& build,
                             std::vector<std::string>* out) {
  for (const MigrationDirectory& d : build.other_engines)
    for (const source::DirEntry& e : fs.list(source::join_path(root, d.path))) {
      std::string rel = d.path + "/" + e.name;
      if (!e.is_dir && e.name.ends_with(".sql")) out->push_back(rel);
      else if (e.is_dir && fs.is_file(source::join_path(root, rel + "/migration.sql")))
        out->push_back(rel + "/migration.sql");
    }
  for (const MigrationDirectory& d : build.dumps)
    if (d.format != "schema dump" && d.format != "not applied") out->push_back(d.path);
}

bool schema_file(const SchemaBuild& build, const std::string& path) {
  // Drizzle tables pushed without migrations stay code: their declarations are the schema and the
  // tables every query of the project names.
  for (const MigrationDirectory& d : build.dumps)
    if (d.path == path) return d.format != "schema pushed";
  // A migration written in Go (goose, a list of upgrade functions), Java or Kotlin (Flyway's
  // Java-based migrations): its statements are the schema's steps, and its CREATE TABLE IF NOT
  // EXISTS is not a table the code makes at run time.
  if (path.ends_with(".go") || path.ends_with(".java") || path.ends_with(".kt"))
    for (const schema::migrations::MigrationFile& m : build.migrations)
      if (m.path == path) return true;
  // scenic's view versions (db/views/NAME_v01.sql beside a Rails db/migrate): create_view and
  // update_view run them, each at its migration; what an old version names is of its day.
  if (path.ends_with(".sql")) {
    size_t slash = path.rfind('/');
    std::string_view file = std::string_view(path).substr(slash == std::string::npos ? 0 : slash + 1);
    std::string_view dir = std::string_view(path).substr(0, slash == std::string::npos ? 0 : slash);
    size_t v = file.rfind("_v");
    bool versioned = v != std::string_view::npos && v > 0 && file.size() - v > 6 &&
                     std::all_of(file.begin() + static_cast<std::ptrdiff_t>(v + 2), file.end() - 4,
                                 [](char c) { return c >= '0' && c <= '9'; });
    if (versioned && (dir == "views" || dir.ends_with("/views"))) {
      std::string migrate = std::string(dir.substr(0, dir.size() - 5)) + "migrate";
      for (const MigrationDirectory& d : build.directories)
        if (d.format == "rails" && d.path == migrate) return true;
    }
  }
  return false;
}

std::string schema_source_kind(const SchemaBuild& build, const std::string& path, bool removed) {
  for (const MigrationDirectory& d : build.directories)
    if (d.path.empty() || d.path == "." || path.rfind(d.path + "/", 0) == 0) return "migration";
  for (const MigrationDirectory& d : build.dumps)  // not another engine's, nor one not applied
    if (d.path == path &&
        (d.format == "schema dump" || d.format == "schema pushed" || d.format == "schema created at start-up"))
      return d.format == "schema dump" ? "schema dump" : "schema file";
  for (const auto* files : {&build.migrations, &build.baseline})
    for (const schema::migrations::MigrationFile& m : *files)
      if (m.path == path) return "migration";
  if (std::binary_search(build.inputs.begin(), build.inputs.end(), path)) return "schema source";
  if (!removed) return "";
  auto dir_and_extension = [](std::string_view p) {
    size_t slash = p.rfind('/'), dot = p.rfind('.');
    std::string_view dir = slash == std::string_view::npos ? std::string_view() : p.substr(0, slash);
    bool has = dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash + 1);
    return std::pair{dir, has ? p.substr(dot) : std::string_view()};
  };
  auto [dir, extension] = dir_and_extension(path);
  if (extension.empty()) return "";
  for (const std::string& in : build.inputs)
    if (dir_and_extension(in) == std::pair{dir, extension}) return "file beside the schema's sources";
  return "";
}

std::vector<std::string> inferred_search_path(const schema::Schema& schema, std::string* evidence) {
  std::set<std::string> schemas;
  for (auto& [key, r] : schema.relations())
    if (!schema.extension_schemas.count(r.schema)) schemas.insert(r.schema);
  if (schemas.size() != 1 || *schemas.begin() == "public") return {};
  *evidence = "the migrations create every table in schema " + *schemas.begin();
  return {*schemas.begin(), "public"};
}

void infer_search_path(SchemaBuild* out) {
  if (!out->search_path.empty()) return;
  out->search_path = inferred_search_path(out->schema, &out->search_path_evidence);
}

/// The schema of a project that pushes its Drizzle tables (drizzle-kit push) and commits no
/// migration: the pgTable declarations of the files drizzle.config's `schema` names, read by the
/// Drizzle data layer (so column names and `casing` are its own), turned into the CREATE TABLE
/// statements push runs, one MigrationFile per file that declares a table, each byte at the
/// declaration it stands for. A table, a column or a name the layer cannot read makes the schema
/// uncertain: none is returned and *why names it.
std::vector<schema::migrations::MigrationFile> drizzle_pushed_schema(
    const source::FileSystem& fs, const std::string& root, const schema::migrations::Discovery::DrizzlePush& push,
    std::string* why) {
  const datalayers::DataLayer* drizzle = nullptr;
  for (const datalayers::DataLayer& l : datalayers::datalayers())
    if (l.name == "drizzle") drizzle = &l;
  struct Parsed {
    std::string path, text;
    languages::Tree tree;
  };
  std::vector<Parsed> files;
  std::vector<std::string> paths = push.schema_files;
  paths.insert(paths.begin(), push.config);
  for (const std::string& path : paths) {
    const languages::Language* lang = languages::language_for_path(path);
    if (!lang) continue;
    languages::Parser parser(*lang);
    Parsed p{path, "", {}};
    std::string err;
    if (!parser.ok() || !fs.read(source::join_path(root, path), &p.text, &err) || !(p.tree = parser.parse(p.text))) {
      *why = path + " cannot be read";
      return {};
    }
    files.push_back(std::move(p));
  }
  // The config's casing and the enums the schema files share: drizzle-kit reads them too.
  datalayers::ProjectFacts facts;
  for (const Parsed& p : files) {
    std::vector<std::pair<std::string, std::string>> found;
    drizzle->index({p.path, p.text, ts_tree_root_node(p.tree.get()), "typescript", "public"}, &found);
    for (auto& [key, value] : found)
      if (key != "drizzle:casing") facts[key].push_back(value);  // drizzle() instances are the code's, not push's
  }
  std::vector<schema::migrations::MigrationFile> out;
  for (size_t k = 1; k < files.size(); ++k) {
    const Parsed& p = files[k];
    datalayers::FileInput in{p.path, p.text, ts_tree_root_node(p.tree.get()), "typescript", "public"};
    in.facts = &facts;
    datalayers::FileOutput got;
    drizzle->extract(in, &got);
    for (const datalayers::UncheckedUse& u : got.unchecked)
      if (u.via.starts_with("drizzle pgTable")) {
        *why = p.path + ": " + u.reason;
        return {};
      }
    if (got.declared_columns.empty()) continue;
    schema::migrations::MigrationFile m;
    m.path = p.path;
    m.text = p.text;
    m.version = std::to_string(out.size() + 1);
    m.name = "drizzle-kit push";
    m.format = "drizzle-push";
    auto emit = [&](const std::string& s, uint32_t at) {
      m.sql += s;
      m.origin.insert(m.origin.end(), s.size(), at);
    };
    auto ident = [](const std::string& n) {
      std::string q = "\"";
      for (char c : n) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      return q + "\"";
    };
    std::set<std::string> schemas;
    for (const auto& c : got.declared_columns)
      if (c.schema != "public" && schemas.insert(c.schema).second)
        emit("CREATE SCHEMA IF NOT EXISTS " + ident(c.schema) + ";\n", c.offset);
    for (size_t i = 0; i < got.declared_columns.size();) {
      const auto& t = got.declared_columns[i];
      emit("CREATE TABLE " + ident(t.schema) + "." + ident(t.table) + " (", t.offset);
      size_t j = i + 1;
      for (; j < got.declared_columns.size() && !got.declared_columns[j].column.empty(); ++j) {
        const auto& c = got.declared_columns[j];
        emit(std::string(j == i + 1 ? "" : ", ") + ident(c.column) + " " + c.type, c.offset);
      }
      emit(");\n", t.offset);
      i = j;
    }
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

std::string parent_dir(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

/// A `structure.sql` beside a Rails app's db/schema.rb, in an app that does not set
/// `config.active_record.schema_format = :sql` (config/application.rb, an environment's file or
/// an initializer):
/// Rails loads schema.rb, and the SQL dump is history.
bool rails_loads_schema_rb(const source::FileSystem& fs, const std::string& root, const schema::migrations::SchemaDump& d) {
  if (!d.path.ends_with("structure.sql")) return false;
  std::string db = parent_dir(d.path);
  if (!fs.is_file(source::join_path(root, db.empty() ? "schema.rb" : db + "/schema.rb"))) return false;
  std::string app = parent_dir(db);
  std::string config = app.empty() ? "config" : app + "/config";
  std::vector<std::string> files = {config + "/application.rb"};
  for (const char* sub : {"/environments", "/initializers"})
    for (const source::DirEntry& e : fs.list(source::join_path(root, config + sub)))
      if (!e.is_dir && e.name.ends_with(".rb")) files.push_back(config + sub + "/" + e.name);
  for (const std::string& f : files) {
    std::string text, err;
    if (!fs.read(source::join_path(root, f), &text, &err)) continue;
    if (text.find("schema_format") != std::string::npos && text.find(":sql") != std::string::npos) return false;
  }
  return true;
}

}  // namespace

bool plan_migrations(const source::FileSystem& fs, const Options& options, SchemaBuild* out, MigrationPlan* plan,
                     std::string* err) {
  namespace mig = schema::migrations;
  mig::Discovery found;
  if (!mig::discover_migrations(fs, options.root, &found, err)) return false;
  if (!options.search_path_given && !found.search_path.empty()) {
    out->search_path = found.search_path;
    out->search_path_evidence = found.search_path_evidence;
  }
  for (const mig::FoundSet& s : found.sets) {
    if (!s.engine.empty()) {
      out->other_engines.push_back({s.dir, s.engine, 0, s.evidence});
      continue;
    }
    plan->dirs.push_back(s.dir);
    plan->evidence[s.dir] = s.evidence;
    plan->found.push_back(s);
  }
  for (const mig::FoundSet& s : found.not_run) out->not_run.push_back({s.dir, "not run", 0, s.evidence});
  for (const mig::SchemaDump& d : found.dumps) {
    std::string text, e;
    if (!d.engine.empty()) {
      out->dumps.push_back({d.path, d.engine, 0, d.evidence});
      continue;
    }
    if (!fs.read(source::join_path(options.root, d.path), &text, &e)) {
      *err = d.path + ": cannot read: " + e;
      return false;
    }
    if (!d.set_dir.empty() && d.versions.empty()) {
      // Beside migrations but without the versions it holds: the migrations are the history;
      // the dump is their result, not something to apply on top.
      out->dumps.push_back({d.path, "not applied", 0, d.evidence + " beside " + d.set_dir + "/, recording no versions"});
      continue;
    }
    if (!d.set_dir.empty() && rails_loads_schema_rb(fs, options.root, d)) {
      // A Rails app keeps its schema in db/schema.rb unless it asks for SQL
      // (config.active_record.schema_format = :sql): a structure.sql beside it is a stale dump.
      out->dumps.push_back({d.path, "not applied", 0,
                            d.evidence + "; Rails loads " + parent_dir(d.path) + "/schema.rb (config.active_record.schema_format is not :sql)"});
      continue;
    }
    if (d.set_dir.empty() && !plan->dirs.empty()) {
      // A schema file elsewhere in a project that has migrations (a starter's schema.sql for
      // manual setup, a docs copy): the migrations are what the database gets; applying the
      // file too would hide a column no migration adds.
      out->dumps.push_back({d.path, "not applied", 0, d.evidence + "; the project's migrations are the schema"});
      continue;
    }
    std::string evidence = d.evidence;
    if (!d.set_dir.empty()) {
      for (const std::string& v : d.versions) plan->in_baseline[d.set_dir].insert(version_key(v));
      plan->baseline_of[d.path] = d.set_dir;
      evidence += ", the baseline of " + d.set_dir + "/ at " + std::to_string(d.versions.size()) + " recorded version" +
                  (d.versions.size() == 1 ? "" : "s");
    }
    out->dumps.push_back({d.path, "schema dump", 1, evidence});
    plan->baseline.push_back(mig::dump_migration(d, std::move(text)));
  }
  if (!plan->dirs.empty() || !plan->baseline.empty()) return true;
  std::string unreadable;  // usual migration folders of no format schemagate reads
  for (auto& u : found.unreadable) unreadable += (unreadable.empty() ? "" : "; ") + u;
  auto stop_unreadable = [&] {
    *err = "no migrations schemagate reads under \"" + options.root + "\": " + unreadable +
           " holds no SQL migration of a supported format; pass --migrations DIR";
    return false;
  };
  if (!out->other_engines.empty() && unreadable.empty()) {
    // Migrations there are, for another engine: the project's database is not PostgreSQL.
    std::string other;
    size_t named = 0;
    for (auto& s : out->other_engines)
      if (++named <= 3)
        other += (other.empty() ? "" : "; ") + s.path + "/ (" + (s.evidence.empty() ? s.format : s.evidence) + ")";
    if (named > 3) other += "; and " + std::to_string(named - 3) + " more";
    *err = "the migrations under \"" + options.root + "\" are for another engine than PostgreSQL: " + other +
           "; schemagate checks code against PostgreSQL migrations: pass --migrations DIR for a PostgreSQL set";
    return false;
  }
  // No migrations and no dump: the schema the Go code creates when it starts, if it does.
  std::vector<std::string> other_startup;  // start-up schemas another engine's code creates
  std::vector<mig::MigrationFile> startup = mig::code::startup_schema(fs, options.root, &other_startup);
  std::string how = "() runs CREATE TABLE IF NOT EXISTS when the program starts";
  std::string unread;  // why the models a program syncs or AutoMigrates at start-up could not be read
  if (startup.empty()) {
    startup = mig::code::xorm_startup_schema(fs, options.root, &unread);
    how = "() syncs the xorm models when the program starts";
  }
  bool auto_migrated = false;
  if (startup.empty() && unread.empty()) {
    startup = mig::code::gorm_startup_schema(fs, options.root, &unread);
    how = "() AutoMigrates the GORM models when the program starts (the schema is the models')";
    auto_migrated = true;
  }
  if (startup.empty() && auto_migrated && !unread.empty() && found.absent_configured.empty()) {
    // Models AutoMigrated at start-up that cannot be read, in a tree whose Go code opens only
    // another engine's databases (GORM's MySQL and SQLite dialects): that is the cause to tell,
    // not the model that could not be read.
    if (std::string other = source::other_engines_of_go_files(fs, options.root, source::discover_files(fs, options.root, {}));
        !other.empty()) {
      *err = "no migrations under \"" + options.root + "\", and the Go code opens databases of another engine than PostgreSQL only: " +
             other + "; the GORM models it AutoMigrates at start-up are that engine's tables; schemagate checks code against "
             "PostgreSQL migrations: pass --migrations DIR for a PostgreSQL set";
      return false;
    }
  }
  // No migrations, and a Drizzle config of PostgreSQL whose `out` is not committed: the tables
  // its schema files declare are what drizzle-kit push creates.
  bool pushed = false;
  std::string push_unread;
  if (startup.empty() && unread.empty() && unreadable.empty())
    for (const mig::Discovery::DrizzlePush& push : found.drizzle_pushed) {
      std::vector<mig::MigrationFile> tables = drizzle_pushed_schema(fs, options.root, push, &push_unread);
      if (!push_unread.empty()) {
        push_unread = push.config + " pushes its schema, whose tables cannot be read: " + push_unread;
        startup.clear();
        break;
      }
      for (mig::MigrationFile& m : tables) startup.push_back(std::move(m));
      how = " declares the Drizzle tables " + push.config + " pushes (drizzle-kit push; the schema is the tables')";
      pushed = !startup.empty();
    }
  // A folder of Go migration functions beside the AutoMigrate calls (wakapi's migrations/, whose
  // functions rename and backfill around them): the models are the schema a fresh database gets.
  bool only_go = std::all_of(found.unreadable.begin(), found.unreadable.end(), [](const std::string& u) {
    return u.find(" .go file") != std::string::npos && u.find(", ") == std::string::npos;
  });
  if (!unreadable.empty() && (!auto_migrated || startup.empty() || !only_go)) return stop_unreadable();
  if (!unreadable.empty())
    for (const std::string& u : found.unreadable)
      out->not_run.push_back({u.substr(0, u.find("/ (")), "code", 0,
                              "Go migration functions beside the AutoMigrate calls: they run on the schema of their day"});
  if (!startup.empty()) {
    for (mig::MigrationFile& m : startup) {
      out->dumps.push_back({m.path, pushed ? "schema pushed" : "schema created at start-up", 1,
                            (pushed ? m.path : m.name) + how + ", and no migration set exists"});
      plan->baseline.push_back(std::move(m));
    }
    return true;
  }
  if (!other_startup.empty() && unread.empty() && push_unread.empty() && found.absent_configured.empty()) {
    // The program creates its tables when it starts, in another engine's dialect: its database
    // is not PostgreSQL.
    std::string other;
    for (size_t i = 0; i < other_startup.size() && i < 3; ++i) other += (other.empty() ? "" : "; ") + other_startup[i];
    if (other_startup.size() > 3) other += "; and " + std::to_string(other_startup.size() - 3) + " more";
    *err = "no migrations under \"" + options.root + "\", and the tables the code creates when it starts are for another engine than PostgreSQL: " +
           other + "; schemagate checks code against PostgreSQL migrations: pass --migrations DIR for a PostgreSQL set";
    return false;
  }
  // No migrations, and the Prisma schemas of the tree are for another provider (a MySQL project
  // that runs `prisma db push`): that is the cause to tell.
  if (unread.empty() && push_unread.empty() && found.absent_configured.empty()) {
    std::string other;
    bool postgres = false;
    size_t named = 0;
    for (const std::string& f : source::discover_files(fs, options.root, {})) {
      if (!f.ends_with(".prisma")) continue;
      std::string text, e;
      if (!fs.read(source::join_path(options.root, f), &text, &e)) continue;
      for (size_t at = text.find("datasource "); at != std::string::npos; at = text.find("datasource ", at + 11)) {
        size_t open = text.find('{', at), close = text.find('}', at);
        if (open == std::string::npos || close == std::string::npos || close < open) break;
        std::string block = text.substr(open, close - open);
        size_t p = block.find("provider");
        size_t q1 = p == std::string::npos ? p : block.find('"', p), q2 = q1 == std::string::npos ? q1 : block.find('"', q1 + 1);
        if (q2 == std::string::npos) continue;
        std::string provider = block.substr(q1 + 1, q2 - q1 - 1);
        if (provider == "postgresql" || provider == "postgres" || provider == "cockroachdb") {
          postgres = true;
        } else if (++named <= 3) {
          other += (other.empty() ? "" : "; ") + f + " (datasource provider \"" + provider + "\")";
        }
      }
    }
    if (!other.empty() && !postgres) {
      *err = "no migrations under \"" + options.root + "\", and the Prisma schema is for another engine than PostgreSQL: " +
             other + "; schemagate checks code against PostgreSQL migrations: pass --migrations DIR for a PostgreSQL set";
      return false;
    }
  }
  std::string names;
  const auto& all = mig::formats();
  for (size_t i = 0; i < all.size(); ++i)
    if (!all[i].catch_all) names += std::string(names.empty() ? "" : ", ") + std::string(all[i].name);
  *err = "no migrations found under \"" + options.root + "\" (searched the tree for " + names +
         " migrations, numbered .sql files in migrations/ folders, and schema dumps); pass --migrations DIR";
  if (!unread.empty())
    *err += std::string(" (the ") + (auto_migrated ? "GORM models AutoMigrated" : "xorm models synced") +
            " at start-up cannot be read: " + unread + ")";
  if (!found.absent_configured.empty()) {
    // The configured folder is not committed (the schema is pushed: drizzle-kit push): say so first.
    std::string absent;
    for (auto& a : found.absent_configured) absent += (absent.empty() ? "" : "; ") + a;
    *err = "no migrations found under \"" + options.root + "\": " + absent +
           " is not in the tree (is the schema pushed without migrations?); generate and commit the migrations, "
           "or pass --migrations DIR";
  }
  if (!push_unread.empty()) *err += " (" + push_unread + ")";
  return false;
}

}  // namespace schemagate::pipeline
