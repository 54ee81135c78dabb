// The evaluate phase: once every file is extracted (a relation one file creates at run time
// excuses another file's use of it), each file's references are judged as the checks judge them,
// its requirements evaluated against its own service's schema, and its findings located.
#include <tuple>

#include <algorithm>
#include <cstring>
#include <atomic>
#include <cctype>
#include <map>
#include <mutex>
#include <memory>
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
#include "analyzers/pipeline/run_time_names.h"
#include "analyzers/pipeline/test_schema.h"
#include "analyzers/schema/migrations/code/django_names.h"
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
#include "analyzers/pipeline/scan_plan.h"
#include "analyzers/pipeline/services.h"

namespace schemagate::pipeline {

namespace {

/// A reference's status as the checks judge its requirement (checks/verdict.h), so `refs` and
/// `check` cannot disagree: what resolution found missing may exist outside the migrations (the
/// code, another engine or Hibernate creates it) or be there when a dated script runs; a relation
/// or column left unchecked without a reason gets the excuse the checks see. The running code of a
/// deploy run is judged by other checks: its references stay as resolved.
void judge_reference(const checks::Evaluation& eval, const std::string& file, ReferenceRecord* ref) {
  if ((ref->kind != "relation" && ref->kind != "column") || !eval.eventual || eval.mode == checks::kDeploy ||
      !ref->judged || ref->judged->schema.empty())
    return;
  if (ref->status == "missing") {
    checks::Verdict v = checks::judge(eval, file, *ref->judged);
    if (v.status == checks::Verdict::Status::Missing) return;
    ref->status = v.status == checks::Verdict::Status::Ok ? "ok" : "unchecked";
    ref->note = v.note;
  } else if (ref->status == "unchecked" && ref->note.empty()) {
    ref->note = checks::excuse(eval, *ref->judged);
  }
}

/// Columns to underline at a star that starts at host byte `at`: through the `*` of `t.*`, or the
/// name inside sqlc.embed(t).
int star_width(std::string_view host, size_t at) {
  size_t end = at;
  while (end < host.size() && (std::isalnum(static_cast<unsigned char>(host[end])) || host[end] == '_' ||
                               host[end] == '.' || host[end] == '"'))
    ++end;
  if (end < host.size() && host[end] == '*') ++end;
  return std::max(1, static_cast<int>(end - at));
}

/// A relation or column missing from a file's own service that another service's migrations
/// create: the note names where, so the finding reads as what it is (service B's database never
/// gets service A's table), not as a migration forgotten.
void explain_other_service(const std::vector<Service>& services, const std::string& file, const schema::Schema& every,
                           report::Diagnostic* d) {
  bool relation = d->rule == report::rule_id(report::Rule::MissingRelation);
  bool column = d->rule == report::rule_id(report::Rule::MissingColumn) && d->column_name;
  if ((!relation && !column) || d->relation.empty()) return;
  size_t dot = d->relation.find('.');
  if (dot == std::string::npos) return;
  const schema::Relation* r = every.find(d->relation.substr(0, dot), d->relation.substr(dot + 1));
  for (auto& [key, candidate] : every.relations())  // another database may keep it in its own schema
    if (!r && candidate.name == d->relation.substr(dot + 1)) r = &candidate;
  const schema::Column* c = r && column ? r->find_column(*d->column_name) : nullptr;
  schema::Origin origin = !r ? schema::Origin{} : column ? (c ? c->origin : schema::Origin{}) : r->origin;
  if (origin.empty()) return;
  const Service* mine = service_of(services, file);
  std::string theirs;
  for (const Service& s : services)
    if (&s != mine)
      for (const std::string& set : s.sets)
        if (theirs.empty() && origin.file.compare(0, set.size() + 1, set + "/") == 0) theirs = set;
  if (theirs.empty() || !mine) return;
  std::string own_sets;
  for (const std::string& set : mine->sets) own_sets += (own_sets.empty() ? "" : ", ") + set + "/";
  d->notes.push_back(report::note_at(origin, "another service's migrations (" + theirs + "/) create it; this code's service (" +
                          (mine->root.empty() ? std::string(".") : mine->root + "/") + ") migrates its database with " +
                          own_sets + " only"));
}

/// What excuses a use of a relation or column the migrations lack, because something else creates
/// it: the code at run time (a test's CREATE TEMP TABLE), another engine's migrations, create_all()
/// over the models, a library at start-up (engine_managed.h), or Hibernate's ddl-auto in the
/// file's module. Built once every file is scanned; each names the place that creates it.
class Excuses {
 public:
  Excuses(const source::FileSystem& fs, const Options& options, const SchemaBuild& schema, const CodeFiles& code,
          const std::vector<FileResult>& results, const FarCode* far) {
    // Relations the code creates, by name and by "schema.name" when qualified: a reference to
    // one is unchecked, not missing, wherever in the project it is.
    for (auto& r : results)
      for (auto& c : r.created)
        if (c.relation.name.find(sql::kHole) == std::string::npos)
          created_.emplace(c.relation.schema.empty() ? c.relation.name : c.relation.schema + "." + c.relation.name, &c);
    // With only some files scanned: what the code not scanned may create, which the
    // full check's scan of it would tell (FarCode). Its forms go in before read_name_forms, which
    // points each form's excuse at its text once forms_ no longer grows.
    if (far) {
      far_ = far;
      for (auto& c : far->created) {
        if (c.relation.name.find(sql::kHole) == std::string::npos) {
          elsewhere_.push_back(c);
        } else if (is_name_form(c.relation.name)) {
          std::string shown = c.relation.name;
          std::replace(shown.begin(), shown.end(), sql::kHole, '*');
          forms_.push_back({c.relation.name,
                            "may be created at run time under a name of the form " + shown +
                                " by code this run did not scan (the full check does), at",
                            c});
        }
      }
    }
    read_name_forms(fs, options.root, code, results,
                    std::any_of(schema.directories.begin(), schema.directories.end(),
                                [](const MigrationDirectory& d) { return d.format == "django"; }));
    // Likewise the tables another engine's migrations create (a SQLite driver's next to the
    // PostgreSQL ones): code for that engine uses them.
    for (auto& path : code.other_migrations) {
      // Another engine's dialect need not parse as PostgreSQL (CREATE VIRTUAL TABLE ... USING
      // fts5): read the CREATE ... TABLE / VIEW names from the words.
      std::string text, e;
      if (!fs.read(source::join_path(options.root, path), &text, &e)) continue;
      report::LineIndex lines(text);
      for (auto& [c, offset] : created_tables_in_text(text))
        elsewhere_.push_back({c, path, lines.position(offset).line,
                             "created by a migration outside the migration directories checked, at"});
    }
    // Tables the models declare, where the project calls create_all(): the code creates each one
    // no migration creates when it starts (create_all() skips those that exist).
    bool create_all = false;
    for (size_t i = 0; i < results.size() && !create_all; ++i)
      if (!results[i].creates_declared.empty()) {
        create_all = true;
        for (auto& r : results)
          for (auto& t : r.declared)
            elsewhere_.push_back({t, code.files[i].first, results[i].creates_declared.front(),
                                  "created at run time by create_all() at"});
      }
    for (auto& c : elsewhere_)
      created_.emplace(c.relation.schema.empty() ? c.relation.name : c.relation.schema + "." + c.relation.name, &c);
    // And the tables a library creates at start-up where the configuration turns that on
    // (Flowable's ACT_* with database-schema-update: true, Quartz's QRTZ_*, ...).
    // Spring's application files among them, and those in a migration directory, which discovery
    // skips (Flyway's set found at src/main/resources/ when a data.sql sits there), or in its config/.
    std::vector<std::string>& config_files = config_files_;
    config_files = code.candidates;
    for (auto& d : schema.directories)
      for (const std::string& dir : {d.path, d.path.empty() ? std::string("config") : d.path + "/config"})
        for (const source::DirEntry& e : fs.list(source::join_path(options.root, dir)))
          if (!e.is_dir && e.skip_reason.empty() && e.name.rfind("application", 0) == 0)
            config_files.push_back(dir.empty() ? e.name : dir + "/" + e.name);
    // Those are read when a relation is first found absent (engines()): a run whose code finds
    // every table it names (a pre-commit run, mostly) reads no deployment file (hatchet: 74).
    fs_ = &fs;
    root_ = options.root;
    // And the entity tables and columns Hibernate creates at start-up in a module configured so
    // (ddl-auto=update): the tables its entity files declare, and the columns of those entities
    // (the requirements in the unit of a declared table's requirement), where no migration does.
    hibernate_ = hibernate_schema_modules(fs, options.root, config_files);
    for (auto& m : hibernate_) by_hibernate_.push_back({{}, m.file, m.line, m.how.c_str()});
    for (size_t i = 0; i < results.size() && !hibernate_.empty(); ++i) {
      const HibernateSchemaModule* m = hibernate_module_of(hibernate_, code.files[i].first);
      if (!m || results[i].declared.empty()) continue;
      const requirements::FileRequirements reqs = results[i].held.unpacked();
      const CodeCreated* how = &by_hibernate_[m - hibernate_.data()];
      std::string module = std::to_string(m - hibernate_.data()) + "|";
      std::set<size_t> entity_units;
      for (auto& t : results[i].declared) {
        hibernate_tables_.emplace(module + (t.schema.empty() ? t.name : t.schema + "." + t.name), how);
        for (auto& req : reqs.requirements)
          if (req.object == requirements::Object::Relation && req.schema == t.schema && req.relation == t.name)
            entity_units.insert(req.unit);
      }
      for (auto& req : reqs.requirements)
        if (req.object == requirements::Object::Column && entity_units.count(req.unit))
          hibernate_columns_.emplace(module + requirements::qualified(req) + "." + req.column, how);
    }
  }
  Excuses(const Excuses&) = delete;
  Excuses& operator=(const Excuses&) = delete;

  /// What excuses `file`'s use of a relation ("schema.name"): the code, an engine, or its module's Hibernate.
  const CodeCreated* relation(const std::string& file, const std::string& qualified) const {
    if (const CodeCreated* c = created_by_code(qualified)) return c;
    if (const CodeCreated* c = by_hibernate_for(hibernate_tables_, file, qualified)) return c;
    return far_ && far_->create_all ? &*far_->create_all : nullptr;
  }
  /// What excuses `file`'s use of a column ("schema.relation.column"): the code that adds it at
  /// run time (by "schema.column:relation.column", or unqualified), or its module's Hibernate.
  const CodeCreated* column(const std::string& file, const std::string& qualified_column) const {
    size_t dot = qualified_column.find('.');
    if (dot != std::string::npos) {
      std::string key = "column:" + qualified_column.substr(dot + 1);
      if (auto it = created_.find(qualified_column.substr(0, dot) + "." + key); it != created_.end()) return it->second;
      if (auto it = created_.find(key); it != created_.end()) return it->second;
    }
    return by_hibernate_for(hibernate_columns_, file, qualified_column);
  }
  /// Whether the excuse is Hibernate's (the migrations' own tables and columns stay checked).
  bool by_hibernate(const CodeCreated* c) const {
    for (auto& h : by_hibernate_)
      if (c == &h) return true;
    return false;
  }

 private:
  const CodeCreated* by_hibernate_for(const std::map<std::string, const CodeCreated*>& made, const std::string& file,
                                      const std::string& key) const {
    const HibernateSchemaModule* m = made.empty() && !far_ ? nullptr : hibernate_module_of(hibernate_, file);
    if (!m) return nullptr;
    auto it = made.find(std::to_string(m - hibernate_.data()) + "|" + key);
    // With only some files scanned, the module's entities not scanned were not read:
    // Hibernate may create what the file names.
    if (it == made.end() && far_) return &by_hibernate_[m - hibernate_.data()];
    return it == made.end() ? nullptr : it->second;
  }
  const CodeCreated* created_by_code(const std::string& qualified) const {
    auto it = created_.find(qualified);
    if (it == created_.end()) it = created_.find(qualified.substr(qualified.find('.') + 1));
    if (it == created_.end() && qualified.find(':') == std::string::npos)  // not a function's or a column's key
      if (const EngineManagedTables* e = managed_by_engine(engines(), qualified)) return &by_engine_[e - engines_.data()];
    if (it == created_.end()) {
      std::string_view name = std::string_view(qualified).substr(qualified.find('.') + 1);
      for (const FormCreated& f : forms_)
        if (fits_name_form(f.form, name)) return &f.created;
    }
    return it == created_.end() ? nullptr : it->second;
  }

  /// The forms of the names tables are created under at run time (run_time_names.h): a created
  /// name with holes that is a form itself (CREATE TABLE "%s_jobs_%s"), the names a Go package
  /// formats where its code (tests aside) creates a table whose whole name is given at run time,
  /// and migration templates' templated names.
  void read_name_forms(const source::FileSystem& fs, const std::string& root, const CodeFiles& code,
                       const std::vector<FileResult>& results, bool django) {
    std::set<std::string> packages;
    for (auto& r : results)
      for (auto& c : r.created) {
        const std::string& name = c.relation.name;
        if (name.find(sql::kHole) == std::string::npos) continue;
        if (is_name_form(name)) {
          std::string shown = name;
          std::replace(shown.begin(), shown.end(), sql::kHole, '*');
          forms_.push_back({name, "created at run time under a name of the form " + shown + " by the code at", c});
          continue;
        }
        bool whole = std::none_of(name.begin(), name.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); });
        if (!whole || !c.file.ends_with(".go") || source::is_test_file(c.file)) continue;
        std::string dir = c.file.substr(0, c.file.rfind('/') == std::string::npos ? 0 : c.file.rfind('/'));
        if (!packages.insert(dir).second) continue;
        for (NameForm& f : go_package_name_forms(fs, root, dir))
          forms_.push_back({f.form,
                            "created at run time under a name its package formats as \"" + f.shown + "\" (" + f.file + ":" +
                                std::to_string(f.line) + "), by the code at",
                            c});
      }
    for (NameForm& f : templated_migration_tables(fs, root, code.candidates))
      forms_.push_back({f.form, "created under the templated name " + f.shown + " by the migration template at",
                        CodeCreated{{"", f.form}, f.file, f.line}});
    // A Django project's installed apps whose migrations are not in the repository: `migrate`
    // creates their tables, which no migration read here creates. A django.contrib app's are
    // known by name (django_session): where a migration of the project depends on the app they
    // are in the schema, else a query on one is unchecked (the database may or may not have
    // run that app's migrations; not modelled, so no drift is told of them either). A package's
    // (taggit, allauth's account) are named <label>_<model>. An app of the project (a folder of
    // its code of that name) is the project's own.
    if (django) {
      std::set<std::string> folders;
      for (auto& f : code.index_code.empty() ? code.all_code : code.index_code)  // every directory's
        for (size_t at = 0, slash; (slash = f.first.find('/', at)) != std::string::npos; at = slash + 1)
          folders.insert(f.first.substr(at, slash - at));
      for (const schema::migrations::code::InstalledApp& a : schema::migrations::code::django_installed_apps(fs, root)) {
        std::string label = a.label();
        if (a.module.starts_with("django.contrib."))
          for (const std::string& table : schema::migrations::code::django_contrib_tables(label))
            forms_.push_back({table, "created by the migrations of installed app " + a.module + ", listed at",
                              CodeCreated{{"", table}, a.file, a.line}});
        if (a.module.starts_with("django.") || label.empty() || folders.count(label)) continue;
        std::string form = label + "_" + std::string(1, sql::kHole);
        forms_.push_back({form,
                          "created by the migrations of installed app " + a.module +
                              ", which are not in the repository (a table named " + label + "_*), listed at",
                          CodeCreated{{"", form}, a.file, a.line}});
      }
    }
    for (FormCreated& f : forms_) f.created.how = f.how.c_str();  // forms_ no longer grows
  }

  /// By name and by "schema.name" when qualified; pointers into the results and the vectors below.
  std::map<std::string, const CodeCreated*> created_;
  const FarCode* far_ = nullptr;  ///< with only some files scanned
  /// A table created under a name of a form: the form (kHole for run-time parts), the excuse.
  struct FormCreated {
    std::string form, how;
    CodeCreated created;
  };
  std::vector<FormCreated> forms_;
  std::vector<CodeCreated> elsewhere_;  ///< another engine's migrations, then create_all()
  /// The tables libraries create at start-up as the project's configuration files turn them on,
  /// read the first time a relation is absent.
  const std::vector<EngineManagedTables>& engines() const {
    std::call_once(engines_read_, [&] {
      engines_ = engine_managed_tables(*fs_, root_, config_files_);
      for (auto& e : engines_) by_engine_.push_back({{}, e.file, e.line, e.how.c_str()});
    });
    return engines_;
  }
  const source::FileSystem* fs_ = nullptr;
  std::string root_;
  std::vector<std::string> config_files_;
  mutable std::once_flag engines_read_;
  mutable std::vector<EngineManagedTables> engines_;
  mutable std::vector<CodeCreated> by_engine_;
  std::vector<HibernateSchemaModule> hibernate_;
  std::vector<CodeCreated> by_hibernate_;
  /// Each module's own database: keyed "MODULE|schema.name" and "MODULE|schema.relation.column",
  /// MODULE the index in hibernate_, and asked for on behalf of a file of that module only.
  std::map<std::string, const CodeCreated*> hibernate_tables_, hibernate_columns_;
};

/// Releases what the evaluate phase has read of a file: its text, sites, requirements and
/// findings are in CodeScan or rendered now. What the excuses point into (the relations it
/// creates and declares) stays.
void release_evaluated(FileResult* r) {
  r->text = std::string();
  r->sites = std::vector<SiteRecord>();
  r->held = CompactRequirements();
  r->stars = std::map<uint32_t, int>();
  r->syntax_errors = std::vector<report::Diagnostic>();
  r->statements = std::vector<CheckedStatement>();
}

}  // namespace

bool evaluate_files(const source::FileSystem& fs, const ScanPlan& plan, const SchemaBuild& schema,
                    std::vector<FileResult>& results, CodeScan* out, std::string* err, const FarCode* far) {
  const Options& options = plan.options;
  const Targets& targets = plan.targets;
  const auto& files = plan.code.files;
  const Excuses excuses(fs, options, schema, plan.code, results, options.only_files ? far : nullptr);
  const std::string* judging = nullptr;  // the file checks::evaluate is judging
  const report::Locator migrations = migration_places(schema);

  checks::Evaluation eval;
  eval.mode = targets.deploy ? checks::kDeploy : targets.live ? checks::kLive : checks::kOffline;
  eval.eventual = targets.eventual;
  eval.current = targets.current;
  eval.search_path = options.search_path;
  eval.deploy = targets.deploy;
  for (auto& m : schema.migrations) eval.migration_formats[m.path] = m.format;
  // Not a dump that a migration tool writes from its migrations (Rails' db/structure.sql beside
  // db/migrate): there the fix is a migration, even when none is newer than the dump.
  if (schema.migrations.empty() && schema.directories.empty() && schema.baseline.size() == 1 &&
      schema.baseline[0].format == "schema-dump")
    eval.only_dump = schema.baseline[0].path;
  for (auto& m : schema.baseline)
    if (m.format == "go-startup" || m.format == "xorm-sync" || m.format == "gorm-automigrate" || m.format == "drizzle-push") eval.migration_formats[m.path] = m.format;  // its messages say so
  eval.not_judged = [&](const std::string& schema_name, const std::string& name) -> std::string {
    // A column is asked for as "column:relation.column" (requirements/presence.cpp).
    const std::string& file = judging ? *judging : std::string();
    const CodeCreated* c = name.starts_with("column:") ? excuses.column(file, schema_name + "." + name.substr(7))
                                                       : excuses.relation(file, schema_name + "." + name);
    return c ? std::string(c->how) + " " + c->file + ":" + std::to_string(c->line) : "";
  };

  // Each file's records move into `out`, which is grown once; what the file leaves is released
  // as soon as it is evaluated, so that a file's records are not held twice.
  size_t sites = 0, statements = 0, requirement_sites = 0;
  for (const FileResult& r : results) {
    sites += r.sites.size();
    statements += r.statements.size();
    if (options.keep.requirements) requirement_sites += r.held.size();
  }
  out->sites.reserve(out->sites.size() + sites);
  out->statements.reserve(out->statements.size() + statements);
  out->requirements.reserve(out->requirements.size() + requirement_sites);

  std::set<std::tuple<std::string, int, int, std::string, std::string>> seen;
  for (size_t i = 0; i < results.size(); ++i) {
    FileResult& r = results[i];
    if (!r.error.empty()) {
      *err = r.error;
      return false;
    }
    const std::string& file = files[i].first;
    if (!r.skip_reason.empty()) out->skipped.push_back({file, r.skip_reason});
    if (r.scanned) {
      ++out->summary.files_scanned;
      out->files.push_back(file);
      out->suppressions[file] = std::move(r.suppressions);
    }
    for (auto& st : r.statements) {
      st.site += out->sites.size();
      out->statements.push_back(std::move(st));
    }
    // The file is judged against its own service's schema, by references and checks alike.
    const Targets own = targets_for(targets, file);
    eval.eventual = own.eventual;
    eval.current = own.current;
    eval.search_path = own.search_path ? *own.search_path : options.search_path;
    report::Locator places(&migrations);  // the file's own places, and the migrations'
    if (!r.text.empty()) places.add(file, r.text);
    auto place = [&](const std::optional<uint32_t>& offset, int* line, int* column) {
      if (!offset) return;
      report::LineColumn at = places.position(file, *offset);
      *line = at.line, *column = at.column;
    };
    judging = &file;
    for (auto& s : r.sites) {
      place(s.offset, &s.line, &s.column);
      for (auto& ref : s.references) place(ref.offset, &ref.line, &ref.column_number);
      for (auto& ref : s.references) {
        judge_reference(eval, file, &ref);
        ref.judged.reset();
      }
      ++out->summary.sql_sites;
      if (s.checked) ++out->summary.checked_sites;
      else if (s.partly) ++out->summary.partly_checked_sites;
      else ++out->summary.unchecked_sites;
      out->sites.push_back(std::move(s));
    }
    judging = nullptr;
    if (r.held.empty() && r.syntax_errors.empty()) {
      release_evaluated(&r);
      continue;
    }
    requirements::FileRequirements reqs = r.held.take();
    std::vector<report::Diagnostic> found;
    judging = &file;
    checks::evaluate(eval, reqs, places, &found);
    judging = nullptr;
    for (auto& req : reqs.requirements) {
      if (!options.keep.requirements) break;
      auto pos = places.position(file, req.span.begin);
      std::string excused;
      const CodeCreated* c = req.object == requirements::Object::Relation ? excuses.relation(file, requirements::qualified(req))
                             : req.object == requirements::Object::Column
                                 ? excuses.column(file, requirements::qualified(req) + "." + req.column)
                                 : nullptr;
      // What Hibernate creates is excused only where the migrations do not create it: a table
      // or column a migration creates stays checked against it.
      if (excuses.by_hibernate(c) && own.eventual && requirements::presence(req, *own.eventual) != requirements::Presence::Absent &&
          !(req.object == requirements::Object::Column && !own.eventual->find(req.schema, req.relation)))
        c = nullptr;
      if (c) excused = std::string(c->how) + " " + c->file + ":" + std::to_string(c->line);
      out->requirements.push_back({std::move(req), file, pos.line, pos.column, std::move(excused)});
    }
    if (own.eventual != targets.eventual)
      for (auto& d : found) explain_other_service(*targets.services, file, *targets.eventual, &d);
    if (checks::check_for(report::Rule::SyntaxError).when & eval.mode)
      for (auto& d : r.syntax_errors) found.push_back(std::move(d));
    for (auto& d : found) {
      if (d.offset && d.column_name && r.stars.count(*d.offset)) {  // a column that a sqlc star stands for
        d.width = star_width(r.text, *d.offset);
        d.notes.push_back({file, 0, "sqlc writes this * out as every column the schema had when it generated the code, " +
                                        checks::quote_ident(*d.column_name) + " among them", *d.offset});
      }
      places.locate(&d);
      if (!seen.insert({d.file, d.line, d.column, d.rule, d.message}).second) continue;
      if (d.severity == report::Severity::Error) ++out->summary.errors;
      if (d.severity == report::Severity::Warning) ++out->summary.warnings;
      out->diagnostics.push_back(std::move(d));
    }
    release_evaluated(&r);
  }
  return true;
}

}  // namespace schemagate::pipeline
