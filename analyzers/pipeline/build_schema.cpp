// The build-schema phase: the migration sets found or named, each loaded by its format in apply
// order, templates expanded, a service chosen, and every migration applied to the schema model;
// also where migrations are placed in messages (migration_places) and a file's own targets.
#include <algorithm>

#include <algorithm>
#include <cstring>
#include <atomic>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include "analyzers/checks/check.h"
#include "analyzers/checks/verdict.h"
#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/kysely_naming.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/languages/query_dialects.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/pipeline/engine_managed.h"
#include "analyzers/pipeline/migration_sets.h"
#include "analyzers/source/gated_read.h"
#include "analyzers/pipeline/test_schema.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/templates.h"
#include "analyzers/source/code_kind.h"
#include "analyzers/pipeline/unchecked_reasons.h"
#include "analyzers/source/discovery.h"
#include "analyzers/source/git_head.h"
#include "analyzers/report/line_index.h"
#include "analyzers/sql/fragments.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/placeholders.h"
#include "analyzers/sql/requirements.h"
#include "analyzers/sql/scan.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/star_columns.h"

namespace schemagate::pipeline {

namespace {

using LoadedSets = std::vector<std::pair<std::string, std::vector<schema::migrations::MigrationFile>>>;

/// Found sets are applied in path order, except that a set whose migrations alter a table none of
/// its own creates goes after the set that creates it: a plugin's migrations (CTFd's
/// `CTFd/plugins/dynamic_challenges/migrations/`, run when the plugin loads) alter the tables of
/// the application's set, which sorts after it. Each set is applied alone to learn what it
/// creates and what it only alters; a cycle keeps path order. `dirs` is kept parallel.
void order_found_sets(LoadedSets* loaded, std::vector<MigrationDirectory>* dirs,
                      const std::vector<std::string>& search_path) {
  size_t n = loaded->size();
  if (n < 2) return;
  std::vector<std::set<std::string>> creates(n), alters(n);
  for (size_t i = 0; i < n; ++i) {
    const schema::migrations::Format* row = schema::migrations::format_named((*dirs)[i].format);
    if (row && row->dependencies_defined) continue;  // not applied alone: see own_order
    schema::Schema alone;
    std::vector<schema::DdlNote> notes;
    for (const auto& f : (*loaded)[i].second) {
      schema::MigrationError e;
      schema::apply_migration(alone, f, search_path, &notes, &e);
    }
    for (const auto& [key, r] : alone.relations()) (r.columns_complete ? creates[i] : alters[i]).insert(key);
  }
  // after[j] holds i when set j alters what set i creates.
  std::vector<std::set<size_t>> after(n);
  bool any = false;
  // Migrations that name the ones they depend on (Django's) are ordered by those names.
  auto own_order = [&](size_t i) {
    const schema::migrations::Format* row = schema::migrations::format_named((*dirs)[i].format);
    return row && row->dependencies_defined;
  };
  for (size_t j = 0; j < n; ++j)
    for (size_t i = 0; i < n; ++i)
      if (i != j && !own_order(i) && !own_order(j) &&
          std::any_of(alters[j].begin(), alters[j].end(), [&](const std::string& k) { return creates[i].count(k); }))
        after[j].insert(i), any = true;
  if (!any) return;
  std::vector<size_t> order;
  std::vector<bool> placed(n, false);
  while (order.size() < n) {
    size_t pick = n;
    for (size_t j = 0; j < n && pick == n; ++j)
      if (!placed[j] && std::all_of(after[j].begin(), after[j].end(), [&](size_t i) { return placed[i]; })) pick = j;
    if (pick == n) return;  // a cycle: path order
    placed[pick] = true;
    order.push_back(pick);
  }
  for (size_t j = 0; j < n; ++j)
    for (size_t i : after[j])
      (*dirs)[j].evidence += std::string((*dirs)[j].evidence.empty() ? "" : "; ") + "applied after " + (*loaded)[i].first +
                             "/, whose tables it alters";
  LoadedSets sets;
  std::vector<MigrationDirectory> listed;
  for (size_t i : order) {
    sets.push_back(std::move((*loaded)[i]));
    listed.push_back(std::move((*dirs)[i]));
  }
  *loaded = std::move(sets);
  *dirs = std::move(listed);
}

/// Two migrations of one set with the same version: every tool that records versions refuses
/// to run them (golang-migrate "duplicate migration file", goose "duplicate version", Flyway
/// "Found more than one migration with version"; dbmate, sqlx and Supabase key their tracking
/// table by version). Each format's row says how (Format::duplicate_versions).
bool unique_versions(const std::vector<schema::migrations::MigrationFile>& files, const std::string& dir,
                     const std::string& format, std::string* err) {
  namespace mig = schema::migrations;
  const mig::Format* row = mig::format_named(format);
  mig::DuplicateVersions rule = row ? row->duplicate_versions : mig::DuplicateVersions::Numbers;
  if (rule == mig::DuplicateVersions::NotJudged) return true;
  std::string_view baseline_prefix = row ? row->baseline_prefix : std::string_view();
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].repeatable || files[i].version.empty()) continue;
    for (size_t j = i + 1; j < files.size(); ++j) {
      if (files[j].repeatable) continue;
      // A baseline (Flyway's B1__) and the versioned migration it stands for (V1__) share a version.
      auto baseline = [&](size_t k) {
        return !baseline_prefix.empty() && schema::migrations::last_component(files[k].path).starts_with(baseline_prefix);
      };
      if (baseline(i) != baseline(j)) continue;
      bool same = rule == mig::DuplicateVersions::Text
                      ? files[i].version == files[j].version
                      : schema::migrations::compare_dotted_versions(files[i].version, files[j].version) == 0;
      if (!same) continue;
      // Several migrations of one file (darwin's scripts) are named by the file once.
      *err = (files[i].path == files[j].path ? "two migrations of " + files[i].path
                                             : "migrations " + files[i].path + " and " + files[j].path + " in " + dir + "/") +
             " have the same version " + files[i].version + "; " + format + " refuses to run them: renumber one";
      return false;
    }
  }
  return true;
}

/// Replaces the `{{ ... }}` templates of the migrations (and baseline dumps) whose text is known:
/// from schemagate.yaml first, else from the project's Go code (schema/migrations/templates.h).
/// A template left is reported by the parse error of its migration, with the setting to give.
bool expand_migration_templates(const source::FileSystem& fs, const Options& options, SchemaBuild* out,
                                std::vector<schema::migrations::MigrationFile>* baseline, std::string* err) {
  namespace mig = schema::migrations;
  std::vector<std::string> keys;
  std::set<std::string> seen;
  auto collect = [&](const std::vector<mig::MigrationFile>& files) {
    for (auto& m : files)
      for (auto& k : mig::template_keys(m.sql))
        if (seen.insert(k).second) keys.push_back(k);
  };
  collect(out->migrations);
  collect(*baseline);
  if (keys.empty()) return true;
  std::map<std::string, std::string> values;
  for (auto& [k, v] : options.template_values) values[mig::template_key(k)] = v;
  std::vector<std::string> unknown;
  for (auto& k : keys)
    if (auto it = values.find(k); it != values.end()) out->template_values.push_back({k, it->second, "schemagate.yaml"});
    else unknown.push_back(k);
  if (!unknown.empty()) {
    source::DiscoveryOptions dopt;
    dopt.include = options.include;
    dopt.exclude = options.exclude;
    dopt.max_file_size = options.max_file_size;
    std::vector<std::string> files, go_files;
    if (!source::discover_files(fs, options.root, dopt, &files, err)) return false;
    for (auto& f : files)
      if (f.size() > 3 && f.compare(f.size() - 3, 3, ".go") == 0 && f.find("_test.go") == std::string::npos)
        go_files.push_back(f);
    for (auto& [k, found] : mig::find_template_values(fs, options.root, go_files, unknown)) {
      values[k] = found.value;
      out->template_values.push_back({k, found.value, found.evidence});
    }
  }
  for (auto& m : out->migrations) mig::expand_templates(&m.sql, values);
  for (auto& m : *baseline) mig::expand_templates(&m.sql, values);
  return true;
}

}  // namespace

/// --service: keeps the chosen service's schema, migrations and notes as the build's, and the
/// code scope to its directory. Fails naming the services when none has that directory.
bool choose_service(std::string root, SchemaBuild* out, std::string* err);

namespace {

/// The files a build read and used (read whole, or admitted by the gate of a gated read):
/// SchemaBuild::inputs. A read a gate turned away is no input (a Go handler without a
/// registration), nor is a file that could not be read.
class InputLog final : public source::FileSystem {
 public:
  explicit InputLog(const source::FileSystem& inner) : inner_(inner) {}
  bool read(const std::string& path, std::string* out, std::string* err) const override {
    bool ok = inner_.read(path, out, err);
    if (ok) used(path, *out);
    return ok;
  }
  std::shared_ptr<const std::string> read_shared(const std::string& path, std::string* err) const override {
    auto text = inner_.read_shared(path, err);
    if (text) used(path, *text);
    return text;
  }
  std::vector<source::DirEntry> list(const std::string& dir) const override { return inner_.list(dir); }
  bool read_dir(const std::string& dir, std::vector<source::DirEntry>* out, std::string* err) const override {
    return inner_.read_dir(dir, out, err);
  }
  std::shared_ptr<const std::vector<source::DirEntry>> read_dir_shared(const std::string& dir, std::string* err) const override {
    return inner_.read_dir_shared(dir, err);
  }
  bool is_dir(const std::string& path) const override { return inner_.is_dir(path); }
  bool is_file(const std::string& path) const override { return inner_.is_file(path); }
  std::optional<source::FileIdentity> seen_identity(const std::string& path) const override {
    return inner_.seen_identity(path);
  }
  /// The paths used, relative to `root` (sorted, each once); a path outside it is left out.
  std::vector<std::string> inputs(const std::string& root) const {
    std::vector<std::string> out;
    const std::string under = root.empty() || root == "." ? "" : root.back() == '/' ? root : root + "/";
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& p : used_) {
      if (under.empty()) out.push_back(p.rfind("./", 0) == 0 ? p.substr(2) : p);
      else if (p.rfind(under, 0) == 0) out.push_back(p.substr(under.size()));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  void used(const std::string& path, const std::string& text) const {
    if (!source::read_admitted(text)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    used_.insert(path);
  }
  const source::FileSystem& inner_;
  mutable std::mutex mutex_;
  mutable std::set<std::string> used_;
};

bool build_schema_from(const source::FileSystem& fs, const Options& options, SchemaBuild* out, std::string* err);

}  // namespace

bool build_schema(const source::FileSystem& fs, const Options& options, SchemaBuild* out, std::string* err) {
  InputLog log(fs);
  if (!build_schema_from(log, options, out, err)) return false;
  out->inputs = log.inputs(options.root);
  return true;
}

namespace {

bool build_schema_from(const source::FileSystem& fs, const Options& options, SchemaBuild* out, std::string* err) {
  namespace mig = schema::migrations;
  if (!fs.is_dir(options.root)) {
    *err = "path \"" + options.root + "\" is not a directory";
    return false;
  }
  std::vector<std::string> dirs = options.migration_dirs;
  MigrationPlan plan;
  if (dirs.empty()) {
    if (!plan_migrations(fs, options, out, &plan, err)) return false;
    dirs = plan.dirs;
  }
  std::vector<std::pair<std::string, std::vector<mig::MigrationFile>>> loaded;  // per directory, in order
  std::vector<std::string> empty_sets;  // found, yet holding no migration of their format
  for (auto& d : dirs) {
    // A set is a directory, or one file beside the code (lnbits' migrations.py).
    bool one_file = fs.is_file(source::join_path(options.root, d));
    if (!one_file && !fs.is_dir(source::join_path(options.root, d))) {
      *err = "migrations directory \"" + d + "\" does not exist under \"" + options.root + "\"";
      return false;
    }
    // A migration the loaders cannot list or read would be a migration silently not applied.
    if (!one_file && !source::check_readable_tree(fs, options.root, d, 2, err)) return false;
    std::vector<mig::MigrationFile> files;
    std::string format;
    auto named = options.migration_formats.find(d);
    if (!mig::load_directory(fs, options.root, d, &files, &format, err,
                             named == options.migration_formats.end() ? "" : named->second))
      return false;
    if (format.empty() && plan.dirs.empty()) {
      // Given by name: an empty schema from it would make every table "missing".
      *err = "migrations directory \"" + d + "\" holds no migration of a format schemagate reads (" +
             describe_contents(fs, options.root, d) + "); name its format in schemagate.yaml or pass another directory";
      return false;
    }
    if (files.empty() && !plan.dirs.empty() && !format.empty()) {
      // Found by a signature its files show (a CLI that writes TypeORM migrations names
      // MigrationInterface) but holding none: no schema, not an empty one.
      empty_sets.push_back(d + "/ (" + format + ")");
      continue;
    }
    auto evidence = plan.evidence.find(d);
    std::string why = evidence == plan.evidence.end() ? "" : evidence->second;
    // db/schema.rb beside db/migrate is where the schema starts (the migrations up to its version
    // are in it): editing one of those changes nothing, so --verbose says so.
    for (const mig::MigrationFile& f : files)
      if (format == "rails" && f.name == "schema" && f.path.ends_with("schema.rb"))
        why += (why.empty() ? "" : "; ") + ("from " + f.path + " at version " + f.version);
    out->directories.push_back({d, format, files.size(), why});
    // A Prisma migration folder with a migration.ts instead of migration.sql: the project's own
    // runner's data migration, run between the others. Not read: --verbose says so.
    if (format == "prisma")
      for (const source::DirEntry& e : fs.list(source::join_path(options.root, d))) {
        if (!e.is_dir) continue;
        std::string folder = d + "/" + e.name;
        if (fs.is_file(source::join_path(options.root, folder + "/migration.sql"))) continue;
        for (const char* script : {"migration.ts", "migration.js"})
          if (fs.is_file(source::join_path(options.root, folder + "/" + script))) {
            out->not_run.push_back({folder, "code", 0,
                                    std::string("a data migration of the project's own runner (") + script +
                                        "), run between the Prisma migrations: its statements are not checked"});
            break;
          }
      }
    if (!unique_versions(files, d, format, err)) return false;
    loaded.push_back({d, std::move(files)});
  }
  if (loaded.empty() && plan.baseline.empty() && !empty_sets.empty()) {
    std::string held;
    for (auto& e : empty_sets) held += (held.empty() ? "" : "; ") + e;
    *err = "no migrations schemagate reads under \"" + options.root + "\": " + held +
           " holds no migration, though its files name the tool; pass --migrations DIR";
    return false;
  }
  // A set all of whose migrations another set of its format includes (a Liquibase module's
  // master changelog that a multi-module build's main changelog includes) runs there, in that
  // order: not again.
  for (size_t i = 0; i < loaded.size(); ++i) {
    const mig::Format* row = mig::format_named(out->directories[i].format);
    if (!row || !row->sets_include_sets || loaded[i].second.empty()) continue;
    for (size_t j = 0; j < loaded.size(); ++j) {
      if (j == i || out->directories[j].format != out->directories[i].format) continue;
      std::set<std::string> there;
      for (auto& f : loaded[j].second) there.insert(f.version);
      if (std::all_of(loaded[i].second.begin(), loaded[i].second.end(),
                      [&](const mig::MigrationFile& f) { return there.count(f.version) != 0; })) {
        out->directories[i].evidence += (out->directories[i].evidence.empty() ? "" : "; ") +
                                        std::string("included by ") + loaded[j].first + "/";
        loaded[i].second.clear();
        break;
      }
    }
  }
  if (options.migration_dirs.empty())
    order_found_sets(&loaded, &out->directories, out->search_path.empty() ? options.search_path : out->search_path);
  std::vector<const mig::MigrationFile*> all;
  for (auto& [d, files] : loaded)
    for (auto& f : files) all.push_back(&f);
  if (!mig::dependencies_defined(all, err)) return false;
  for (auto& [d, files] : loaded) {
    auto baseline = plan.in_baseline.find(d);
    for (auto& f : files)
      if (baseline == plan.in_baseline.end() || !baseline->second.count(version_key(f.version)))
        out->migrations.push_back(std::move(f));
  }
  mig::order_by_dependencies(&out->migrations);  // Django apps depend on each other's migrations
  if (!expand_migration_templates(fs, options, out, &plan.baseline, err)) return false;
  const std::vector<std::string>& path = out->search_path.empty() ? options.search_path : out->search_path;
  for (auto& dump : plan.baseline) {
    schema::MigrationError merr;
    if (!schema::apply_migration(out->schema, dump, path, &out->notes, &merr)) {
      *err = error_place(dump, merr) + ": schema dump does not parse: " + merr.message;
      return false;
    }
  }
  out->baseline = std::move(plan.baseline);
  // Every migration that does not parse, in one run: one line each.
  std::string broken;
  for (auto& m : out->migrations) {
    schema::MigrationError merr;
    if (!schema::apply_migration(out->schema, m, path, &out->notes, &merr)) {
      broken += (broken.empty() ? "" : "\n") + error_place(m, merr) + ": migration does not parse: " + merr.message;
      if (auto keys = mig::template_keys(m.sql); !keys.empty())
        broken += "; it is a template: give the text of {{ " + keys.front() + " }} in schemagate.yaml (template_values: {'" +
                  keys.front() + "': ...})";
    }
  }
  if (!broken.empty()) {
    *err = std::move(broken);
    return false;
  }
  // Found, not given: sets under several service roots are each their service's database.
  if (options.migration_dirs.empty()) {
    std::map<std::string, std::string> formats;
    for (auto& d : out->directories) formats[d.path] = d.format;
    out->services = group_services(fs, options.root, plan.found, formats);
    if (std::string linked = linked_modules(fs, options.root, out->services); !linked.empty()) {
      out->services_merged = "the sets are applied as one schema: " + linked;
      out->services.clear();
    }
    if (!out->services.empty())
      apply_services(&out->services, out->baseline, plan.baseline_of, out->migrations, path, &out->notes,
                     &out->services_merged);
  }
  if (!options.search_path_given) {
    infer_search_path(out);
    // Nothing states the search path: each service's migrations imply their own.
    if (out->search_path_evidence.rfind("the migrations create", 0) == 0 || out->search_path.empty())
      for (Service& s : out->services) s.search_path = inferred_search_path(s.schema, &s.search_path_evidence);
  }
  if (!options.service.empty()) return choose_service(options.service, out, err);
  return true;
}

}  // namespace

bool choose_service(std::string root, SchemaBuild* out, std::string* err) {
  while (root.rfind("./", 0) == 0) root = root.substr(2);
  while (!root.empty() && root.back() == '/') root.pop_back();
  if (root == ".") root.clear();
  std::string listed;
  for (const Service& s : out->services)
    listed += (listed.empty() ? "" : ", ") + (s.root.empty() ? std::string(".") : s.root + "/");
  if (out->services.empty()) {
    *err = "--service " + root + ": the migrations found here are one schema" +
           (out->services_merged.empty() ? "" : " (" + out->services_merged + ")") + "; leave --service out";
    return false;
  }
  auto chosen = std::find_if(out->services.begin(), out->services.end(), [&](const Service& s) { return s.root == root; });
  if (chosen == out->services.end()) {
    *err = "--service " + root + ": no service has that directory; the services found are " + listed;
    return false;
  }
  Service s = std::move(*chosen);
  SchemaBuild::ServiceScope scope{s.root, {}, {}};
  for (const Service& other : out->services) {
    if (&other == &*chosen) continue;
    if (s.root.empty() || other.root.rfind(s.root + "/", 0) == 0) scope.nested.push_back(other.root);
    for (const std::string& set : other.sets)
      if (std::find(s.sets.begin(), s.sets.end(), set) == s.sets.end()) scope.other_sets.push_back(set);
  }
  auto own_file = [&](const std::string& path) {
    return std::any_of(s.sets.begin(), s.sets.end(),
                       [&](const std::string& set) { return path.rfind(set + "/", 0) == 0; });
  };
  std::vector<MigrationDirectory> directories;
  for (auto& d : out->directories)
    if (std::find(s.sets.begin(), s.sets.end(), d.path) != s.sets.end()) directories.push_back(d);
  std::vector<schema::DdlNote> notes;
  for (auto& n : out->notes)
    if (own_file(n.origin.file)) notes.push_back(n);
  out->directories = std::move(directories);
  out->notes = std::move(notes);
  out->schema = std::move(s.schema);
  out->migrations = std::move(s.migrations);
  out->baseline = std::move(s.baseline);
  if (!s.search_path.empty()) {
    out->search_path = s.search_path;
    out->search_path_evidence = s.search_path_evidence;
  }
  out->services.clear();
  out->service_scope = std::move(scope);
  return true;
}

report::Locator migration_places(const SchemaBuild& build) {
  report::Locator places;
  for (auto& dump : build.baseline) places.add(dump);
  for (auto& m : build.migrations) places.add(m);
  return places;
}

std::string error_place(const schema::migrations::MigrationFile& migration, const schema::MigrationError& error) {
  report::Locator places;
  places.add(migration);
  return places.place_column(error.file, error.offset);
}

Targets targets_for(const Targets& targets, const std::string& file) {
  if (!targets.services) return targets;
  const Service* s = service_of(*targets.services, file);
  if (!s) return targets;
  Targets own = targets;
  own.current = own.eventual = &s->schema;
  if (!s->search_path.empty()) own.search_path = &s->search_path;
  return own;
}

}  // namespace schemagate::pipeline
