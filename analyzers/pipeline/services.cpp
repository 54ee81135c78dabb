// Which service each migration set belongs to; see services.h.
#include "analyzers/pipeline/services.h"

#include "analyzers/report/locator.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/source/discovery.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace schemagate::pipeline {
namespace {

/// What marks the directory a team builds and deploys as one unit.
constexpr std::string_view kManifests[] = {"go.mod",       "package.json",  "pom.xml",        "build.gradle",
                                           "build.gradle.kts", "Cargo.toml", "pyproject.toml", "setup.py",
                                           "requirements.txt", "Gemfile",    "composer.json",  "mix.exs",
                                           "deno.json",    "Dockerfile"};

std::string parent_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

/// The nearest directory from `dir` up (itself included, the root excluded) that holds a
/// manifest, with the manifest in *which; "" when none does.
std::string manifest_dir(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                         std::string* which) {
  for (std::string d = dir; !d.empty() && d != "."; d = parent_of(d))
    for (std::string_view m : kManifests)
      if (fs.is_file(source::join_path(root, d + "/" + std::string(m)))) {
        *which = d + "/" + std::string(m);
        return d;
      }
  return "";
}

/// Directory names that say where a service keeps its schema, not which service it is.
bool schema_folder_name(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "migrations", "migration", "migrate", "db", "database", "databases", "sql", "schema", "schemas",
      "storage", "store", "persistence", "repository", "postgres", "postgresql", "pg", "internal",
      "resources", "main", "src", "prisma", "drizzle", "supabase", "dal", "infra", "infrastructure"};
  for (std::string_view n : kNames)
    if (name == n) return true;
  return false;
}

/// With no build manifest above a set (one go.mod for the whole repository): the nearest
/// directory above it whose name is not a schema folder's (services/billing for
/// services/billing/storage/migrations), or "" when every one is (db/migrations).
std::string named_service_dir(const std::string& set) {
  for (std::string d = parent_of(set); !d.empty(); d = parent_of(d)) {
    size_t slash = d.rfind('/');
    if (!schema_folder_name(slash == std::string::npos ? std::string_view(d) : std::string_view(d).substr(slash + 1)))
      return d;
  }
  return "";
}

}  // namespace

std::vector<Service> group_services(const source::FileSystem& fs, const std::string& root,
                                    const std::vector<schema::migrations::FoundSet>& found,
                                    const std::map<std::string, std::string>& formats) {
  auto sql_files = [&](const std::string& set) {
    auto f = formats.find(set);
    if (f == formats.end()) return false;
    const schema::migrations::Format* row = schema::migrations::format_named(f->second);
    return row && row->sql_files;
  };
  std::map<std::string, Service> by_root;
  auto add = [&](const std::string& service_root, const std::string& evidence, const std::string& set) {
    Service& s = by_root[service_root];
    s.root = service_root;
    if (s.root_evidence.empty()) s.root_evidence = evidence;
    if (s.sets.empty() || s.sets.back() != set) s.sets.push_back(set);
  };
  for (const schema::migrations::FoundSet& set : found) {
    if (!set.engine.empty()) continue;
    if (!set.config_dirs.empty()) {
      // Named by a service's own configuration: that service's code uses it (several services
      // naming one set share its database).
      for (const std::string& config : set.config_dirs) {
        std::string manifest;
        std::string at = manifest_dir(fs, root, config, &manifest);
        std::string why = set.evidence.empty() ? "a configuration in " + config + "/ names it" : set.evidence;
        add(at.empty() ? config : at, at.empty() ? why : manifest + "; " + why, set.dir);
      }
      continue;
    }
    std::string manifest;
    std::string at = manifest_dir(fs, root, set.dir, &manifest);
    if (at.empty()) {
      at = sql_files(set.dir) ? named_service_dir(set.dir) : "";
      add(at, at.empty() ? "no service directory above it: the whole tree" : "the directory that holds " + set.dir + "/",
          set.dir);
      continue;
    }
    add(at, manifest, set.dir);
  }
  std::vector<Service> services;
  if (by_root.size() < 2) return services;
  for (auto& [r, s] : by_root) services.push_back(std::move(s));
  return services;
}

std::string linked_modules(const source::FileSystem& fs, const std::string& root, const std::vector<Service>& services) {
  for (const Service& b : services) {
    for (const char* manifest : {"build.gradle", "build.gradle.kts"}) {
      std::string path = b.root.empty() ? manifest : b.root + "/" + manifest, text, err;
      if (!fs.read(source::join_path(root, path), &text, &err)) continue;
      for (const Service& a : services) {
        if (&a == &b || a.root.empty()) continue;
        std::string name = a.root.substr(a.root.rfind('/') == std::string::npos ? 0 : a.root.rfind('/') + 1);
        for (char q : {'"', '\''}) {
          std::string needle = std::string("project(") + q + ":" + name + q + ")";
          if (text.find(needle) != std::string::npos)
            return path + " depends on " + needle + ", the module of " + a.root + "/: its code runs against that module's database";
        }
      }
    }
  }
  return "";
}

void apply_services(std::vector<Service>* services, const std::vector<schema::migrations::MigrationFile>& baseline,
                    const std::map<std::string, std::string>& baseline_of,
                    const std::vector<schema::migrations::MigrationFile>& migrations,
                    const std::vector<std::string>& search_path, std::vector<schema::DdlNote>* notes,
                    std::string* merged) {
  auto in_set = [](const Service& s, const std::string& path) {
    for (const std::string& set : s.sets)
      if (set.empty() || set == "." || path.compare(0, set.size() + 1, set + "/") == 0) return true;
    return false;
  };
  report::Locator places;  // where the notes are
  for (const schema::migrations::MigrationFile& dump : baseline) places.add(dump);
  for (const schema::migrations::MigrationFile& m : migrations) places.add(m);
  auto key = [&](const schema::DdlNote& n) { return places.place(n.origin) + ":" + n.message; };
  // A note that a set gets alone but not with every set applied (an ALTER, an index or a DROP of
  // a table it does not create) shows the set works on another set's tables: one database.
  std::set<std::string> together;
  for (const schema::DdlNote& n : *notes) together.insert(key(n));
  std::vector<schema::DdlNote> apart;
  std::set<std::string> seen;
  for (Service& s : *services) {
    std::vector<schema::DdlNote> own;
    bool applied = true;
    for (const schema::migrations::MigrationFile& dump : baseline) {
      auto of = baseline_of.find(dump.path);
      if (of == baseline_of.end() || std::find(s.sets.begin(), s.sets.end(), of->second) == s.sets.end()) continue;
      schema::MigrationError e;
      applied = applied && schema::apply_migration(s.schema, dump, search_path, &own, &e);
      s.baseline.push_back(dump);
    }
    for (const schema::migrations::MigrationFile& m : migrations) {
      if (!in_set(s, m.path)) continue;
      s.migrations.push_back(m);
      schema::MigrationError e;
      if (!schema::apply_migration(s.schema, m, search_path, &own, &e)) {
        applied = false;
        if (merged->empty()) *merged = m.path + " does not apply without the other sets (" + e.message + ")";
      }
    }
    for (const schema::DdlNote& n : own) {
      if (!together.count(key(n)) && merged->empty())
        *merged = places.place(n.origin) + " needs what another set creates (" +
                  n.message + ")";
      if (seen.insert(key(n)).second) apart.push_back(n);
    }
    if (!applied && merged->empty()) *merged = "the migrations of " + s.root + "/ do not apply without the other sets";
  }
  if (!merged->empty()) {
    *merged = "the sets are applied as one schema: " + *merged;
    services->clear();
    return;
  }
  *notes = std::move(apart);
}

std::string one_database_per_service(const std::vector<Service>& services, const std::string& what) {
  std::string sets;
  for (const Service& s : services)
    for (const std::string& set : s.sets)
      sets += (sets.empty() ? "" : ", ") + set + "/ (code under " + (s.root.empty() ? std::string(".") : s.root + "/") + ")";
  const Service& first = services.front().root.empty() && services.size() > 1 ? services[1] : services.front();
  return what + " holds one service's schema, but this project holds " + std::to_string(services.size()) +
         " services with their own migrations: " + sets + "; check one service at a time (--service " +
         (first.root.empty() ? std::string(".") : first.root) + ")";
}

const Service* service_of(const std::vector<Service>& services, const std::string& file) {
  // A test has no single owner: integration tests start several services and write to each
  // one's database through its handle (network.bsky.db, network.ozone.db).
  if (source::is_test_file(file)) return nullptr;
  const Service* best = nullptr;
  for (const Service& s : services)
    if ((s.root.empty() || file.compare(0, s.root.size() + 1, s.root + "/") == 0) &&
        (!best || s.root.size() > best->root.size()))
      best = &s;
  return best;
}

}  // namespace schemagate::pipeline
