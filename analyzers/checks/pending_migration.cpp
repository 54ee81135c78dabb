// pending-migration: the code needs a relation or column that the database does not have yet,
// and a migration in the repository that has not been applied creates it. This is the incident
// schemagate exists for: deployed before its migration, the code fails with 42703 / 42P01.
#include <algorithm>
#include <set>

#include "analyzers/checks/check.h"
#include "analyzers/schema/migrations/migration.h"

namespace schemagate::checks {

namespace {
/// How to apply the migration, in its tool's words: by the format that read it, else by the
/// format whose row says the path looks like one of its files (Format::path_looks_like).
std::string apply_help(const std::string& file, const Evaluation& eval) {
  namespace mig = schema::migrations;
  const mig::Format* format = nullptr;
  if (auto it = eval.migration_formats.find(file); it != eval.migration_formats.end() && !it->second.empty())
    format = mig::format_named(it->second);
  else
    for (const mig::Format& f : mig::formats())
      if (!format && f.path_looks_like && f.path_looks_like(file)) format = &f;
  if (format && !format->apply_command.empty())
    return "run " + std::string(format->apply_command) + " (it applies " + file + std::string(format->apply_where) +
           ") before deploying this code";
  return "apply " + file + " to the database first, then deploy; or run the migrations in the deploy "
         "pipeline before the new code starts";
}
}  // namespace

void run_pending_migration(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                           std::vector<report::Diagnostic>* out) {
  using requirements::Presence;
  const Evaluation& eval = ctx.eval;
  if (requirements::presence(req, *eval.current) != Presence::Absent) return;
  // Nothing provides it: missing-relation / missing-column say so.
  if (requirements::presence(req, *eval.eventual) != Presence::Present) return;
  const requirements::Requirement* later = &req;
  if (req.object == requirements::Object::UniqueKey) {
    const schema::Relation* rel = eval.eventual->find(req.schema, req.relation);
    if (!rel) return;
    std::set<std::string> wanted(req.key_columns.begin(), req.key_columns.end());
    const schema::UniqueKey* key = nullptr;
    for (auto& k : rel->unique_keys)
      if (!k.partial && std::set<std::string>(k.columns.begin(), k.columns.end()) == wanted) key = &k;
    if (!key || key->origin.empty()) return;
    auto d = diagnostic_at(ctx, self, req, req.key_columns.front());
    std::string shown = display_relation(req.schema, req.relation, eval.search_path);
    d.relation = req.schema + "." + req.relation;
    d.message = "the unique index " + quote_ident(key->name) + " that ON CONFLICT needs on " + quote_ident(shown) +
                " does not exist in the database yet (SQLSTATE 42P10 in production); pending migration " +
                key->origin.file + " creates it: apply it before deploying this code";
    d.migration = key->origin.file;
    d.notes.push_back(report::note_at(key->origin, "created here"));
    d.help = apply_help(key->origin.file, eval);
    out->push_back(std::move(d));
    return;
  }
  if (req.object == requirements::Object::Function) {
    std::vector<std::string> schemas = req.schema.empty() ? req.candidates : std::vector<std::string>{req.schema};
    const schema::Function* made = nullptr;
    for (auto& s : schemas)
      if (auto it = eval.eventual->functions.find(s + "." + req.function); it != eval.eventual->functions.end() && !made)
        for (auto& f : it->second)
          if (requirements::accepts(f, req)) made = &f;
    if (!made || made->origin.empty()) return;
    auto d = diagnostic_at(ctx, self, req, req.function);
    std::string what = req.procedure ? "procedure " : "function ";
    std::string shown = quote_ident(display_relation(made->schema, made->name, eval.search_path));
    if (req.by_name || !req.arguments_known)
      d.message = what + shown + " that PostgREST calls does not exist in the database yet (PGRST202 in production); "
                  "pending migration " + made->origin.file + " creates it: apply it before deploying this code";
    else
      d.message = what + shown + " called with " + std::to_string(req.arguments) +
                  (req.arguments == 1 ? " argument" : " arguments") +
                  " does not exist in the database yet (SQLSTATE 42883 in production); pending migration " +
                  made->origin.file + " creates it: apply it before deploying this code";
    d.migration = made->origin.file;
    d.notes.push_back(report::note_at(made->origin, "created here"));
    d.help = apply_help(made->origin.file, eval);
    out->push_back(std::move(d));
    return;
  }
  if (req.object == requirements::Object::EnumLabel) {
    auto it = eval.eventual->enums.find(req.enum_type);
    if (it == eval.eventual->enums.end()) return;
    const schema::EnumType& e = it->second;
    auto at = std::find(e.labels.begin(), e.labels.end(), req.label);
    if (at == e.labels.end()) return;
    const schema::Origin& origin = e.origins[static_cast<size_t>(at - e.labels.begin())];
    if (origin.empty()) return;
    auto d = diagnostic_at(ctx, self, req, req.label);
    std::string type = display_relation(req.schema, req.enum_type.substr(req.enum_type.find('.') + 1), eval.search_path);
    d.message = "label '" + req.label + "' of enum type " + quote_ident(type) +
                " does not exist in the database yet (SQLSTATE 22P02 in production); pending migration " + origin.file +
                " adds it: apply it before deploying this code";
    d.migration = origin.file;
    d.notes.push_back(report::note_at(origin, "added here"));
    d.help = apply_help(origin.file, eval);
    out->push_back(std::move(d));
    return;
  }
  // A struct that scans SELECT *: a pending migration can only take its fields' columns away
  // (breaks-running-code), never give the code what it lacks.
  if (req.object == requirements::Object::InsertValues || req.object == requirements::Object::ScanDestination) return;
  {
    const schema::Relation* rel = eval.eventual->find(later->schema, later->relation);
    if (!rel) return;
    bool is_column = req.object == requirements::Object::Column;
    const schema::Origin& origin = is_column && rel->find_column(later->column) ? rel->find_column(later->column)->origin
                                                                                 : rel->origin;
    if (origin.empty()) return;
    auto d = diagnostic_at(ctx, self, req, is_column ? req.column : req.relation);
    std::string shown = display_relation(later->schema, later->relation, eval.search_path);
    d.relation = later->schema + "." + later->relation;
    if (is_column) {
      d.column_name = later->column;
      d.message = "column " + quote_ident(later->column) + " of relation " + quote_ident(shown) +
                  " does not exist in the database yet (SQLSTATE 42703 in production); pending migration " +
                  origin.file + " adds it: apply it before deploying this code";
    } else {
      d.message = "relation " + quote_ident(shown) +
                  " does not exist in the database yet (SQLSTATE 42P01 in production); pending migration " +
                  origin.file + " creates it: apply it before deploying this code";
    }
    d.migration = origin.file;
    d.notes.push_back(report::note_at(origin, is_column ? "added here" : "created here"));
    d.help = apply_help(origin.file, eval);
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
