// breaks-running-code: a pending migration drops or renames a relation or column that the code
// running in production uses. Applied before the new code replaces the old (or while both run,
// in a rolling deploy), the running code fails with 42P01 / 42703. The finding points at the
// migration statement; a note points at the use in the running code.
//
// The other way round, a pending migration that adds a column can break running code too: a
// `SELECT *` scanned into a struct (sqlx's Get, Select, StructScan) needs a field for every
// column the table returns, and sqlx fails the call on one it cannot place ("missing
// destination name"). The struct's fields are known when it is read (a ScanDestination
// requirement); the added column, or the new name of a renamed one, has none.
//
// Code that loads a table's every column by itself (an ActiveRecord model) uses each of them,
// also the ones no statement names: its note points at the model.
#include <algorithm>

#include "analyzers/checks/check.h"
#include "analyzers/checks/history.h"

namespace schemagate::checks {
namespace {

void scan_gains_a_column(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                         std::vector<report::Diagnostic>* out) {
  using K = schema::SchemaEvent::Kind;
  using requirements::Presence;
  const Evaluation& eval = ctx.eval;
  // The running code works today: every column has a field (or the model is not sure).
  if (requirements::presence(req, *eval.current) != Presence::Present) return;
  if (requirements::presence(req, *eval.eventual) != Presence::Absent) return;
  const schema::Relation* rel = eval.eventual->find(req.schema, req.relation);
  if (!rel) return;
  for (auto& col : rel->columns) {
    if (std::find(req.key_columns.begin(), req.key_columns.end(), col.name) != req.key_columns.end()) continue;
    // The pending statement that gives the table this column: its ADD COLUMN (or CREATE), or a
    // RENAME COLUMN to this name.
    schema::Origin origin;
    std::string verb = "adds column " + quote_ident(col.name) + " to";
    if (eval.deploy->pending_files.count(col.origin.file)) origin = col.origin;
    for (auto& ev : eval.eventual->history)
      if (ev.kind == K::RenameColumn && ev.schema == rel->schema && ev.relation == rel->name && ev.new_name == col.name &&
          eval.deploy->pending_files.count(ev.origin.file)) {
        origin = ev.origin;
        verb = "renames column " + quote_ident(ev.column) + " of";
      }
    if (origin.empty()) continue;
    auto text = eval.deploy->migration_text.find(origin.file);
    auto d = diagnostic_at_migration(self, origin, ctx.places, text == eval.deploy->migration_text.end() ? "" : text->second);
    uint32_t use_at = req.span.begin;
    std::string shown = display_relation(rel->schema, rel->name, eval.search_path);
    d.relation = rel->schema + "." + rel->name;
    d.column_name = col.name;
    d.message = "pending migration " + origin.file + " " + verb + " relation " + quote_ident(shown) +
                ", which the running code (" + eval.deploy->label + ") reads with SELECT * into " + req.destination +
                " at " + ctx.places.place(ctx.unit.file, use_at) + ", a struct with no field for " + quote_ident(col.name) +
                ": applied before the new code replaces it, that code fails (sqlx: missing destination name " +
                col.name + ")";
    d.notes.push_back({ctx.unit.file, 0, "SELECT * scanned into " + req.destination + " by the running code (" +
                                             eval.deploy->label + ")", use_at});
    d.help = "select the columns by name, or deploy the struct with a field for " + quote_ident(col.name) +
             " (db:\"" + col.name + "\") first and run this migration in a later release";
    out->push_back(std::move(d));
  }
}

/// A relation the running code loads whole (requirements::Object::EveryColumn: an ActiveRecord
/// model): each of its columns today that a pending migration drops or renames, unless the
/// code ignores it, breaks that code. The table's own drop is judged at the uses that name it.
void every_column(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                  std::vector<report::Diagnostic>* out) {
  using K = schema::SchemaEvent::Kind;
  const Evaluation& eval = ctx.eval;
  const schema::Relation* now = eval.current->find(req.schema, req.relation);
  const schema::Relation* then = eval.eventual->find(req.schema, req.relation);
  if (!now || !then) return;
  for (const schema::Column& col : now->columns) {
    if (std::find(req.ignored_columns.begin(), req.ignored_columns.end(), col.name) != req.ignored_columns.end())
      continue;
    if (then->find_column(col.name)) continue;
    const schema::SchemaEvent* ev = last_removal(*eval.eventual, req.schema, req.relation, col.name);
    if (!ev || (ev->kind != K::DropColumn && ev->kind != K::RenameColumn)) continue;
    if (!eval.deploy->pending_files.count(ev->origin.file)) continue;
    auto text = eval.deploy->migration_text.find(ev->origin.file);
    auto d = diagnostic_at_migration(self, ev->origin, ctx.places,
                                     text == eval.deploy->migration_text.end() ? "" : text->second);
    uint32_t use_at = req.span.begin;
    std::string shown = display_relation(req.schema, req.relation, eval.search_path);
    bool drops = ev->kind == K::DropColumn;
    d.relation = req.schema + "." + req.relation;
    d.column_name = col.name;
    d.message = "pending migration " + ev->origin.file + (drops ? " drops" : " renames") + " column " +
                quote_ident(col.name) + " of relation " + quote_ident(shown) + ", which the running code (" +
                eval.deploy->label + ") loads at " + ctx.places.place(ctx.unit.file, use_at) +
                ": applied before the new code replaces it, that code fails (SQLSTATE 42703)";
    d.notes.push_back({ctx.unit.file, 0, "loaded here by the running code (" + eval.deploy->label + ")", use_at});
    d.help = req.fix.empty() ? "expand/contract: ship code that no longer loads it first, and " +
                                   std::string(drops ? "drop" : "rename") + " it in a later release"
                             : req.fix;
    // `fix` names the column as "{column}": one requirement stands for every column.
    for (size_t at; (at = d.help.find("{column}")) != std::string::npos;) d.help.replace(at, 8, col.name);
    if (!drops)
      d.help = "a rename cannot be split: add the new name, write both, backfill, switch reads, then drop the old "
               "name in a later release (the running code loads every column by its name)";
    out->push_back(std::move(d));
  }
}

}  // namespace

void run_breaks_running_code(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                             std::vector<report::Diagnostic>* out) {
  using K = schema::SchemaEvent::Kind;
  using requirements::Presence;
  const Evaluation& eval = ctx.eval;
  if (req.object == requirements::Object::ScanDestination) return scan_gains_a_column(ctx, req, self, out);
  if (req.object == requirements::Object::EveryColumn) return every_column(ctx, req, self, out);
  // The model keeps no history of dropped indexes, functions or enum labels.
  if (req.object != requirements::Object::Relation && req.object != requirements::Object::Column) return;
  // It works today (the running code was resolved against the current schema) and will not.
  if (requirements::presence(req, *eval.current) != Presence::Present) return;
  // A column of a table that goes is Unknown there: the table's own requirement reports it.
  if (requirements::presence(req, *eval.eventual) != Presence::Absent) return;
  bool is_column = req.object == requirements::Object::Column;
  const requirements::Requirement* now = &req;
  {
    const schema::SchemaEvent* ev =
        last_removal(*eval.eventual, now->schema, now->relation, is_column ? now->column : "");
    if (!is_column && !ev) return;
    if (is_column && !ev) ev = last_removal(*eval.eventual, now->schema, now->relation, "");  // its table went
    if (!ev || !eval.deploy->pending_files.count(ev->origin.file)) return;
    auto text = eval.deploy->migration_text.find(ev->origin.file);
    auto d = diagnostic_at_migration(self, ev->origin, ctx.places, text == eval.deploy->migration_text.end() ? "" : text->second);
    uint32_t use_at = req.span.begin;
    std::string where = ctx.places.place(ctx.unit.file, use_at);
    std::string shown = display_relation(now->schema, now->relation, eval.search_path);
    std::string what = is_column ? "column " + quote_ident(now->column) + " of relation " + quote_ident(shown)
                                 : "relation " + quote_ident(shown);
    std::string verb = ev->kind == K::DropColumn || ev->kind == K::DropRelation ? "drops"
                       : ev->kind == K::MoveRelation                           ? "moves"
                                                                               : "renames";
    d.relation = now->schema + "." + now->relation;
    if (is_column) d.column_name = now->column;
    d.message = "pending migration " + ev->origin.file + " " + verb + " " + what + ", which the running code (" +
                eval.deploy->label + ") uses at " + where + ": applied before the new code replaces it, that code fails (SQLSTATE " +
                (is_column && (ev->kind == K::DropColumn || ev->kind == K::RenameColumn) ? "42703" : "42P01") + ")";
    d.notes.push_back({ctx.unit.file, 0, "used here by the running code (" + eval.deploy->label + ")", use_at});
    d.help = "expand/contract: ship code that no longer uses it first, and " + std::string(verb == "renames" ? "rename" : "drop") +
             " it in a later release (for a rename: add the new name, write both, backfill, switch reads, then drop the old)";
    // In the words of the tools that write the drop (the migrations written in Python).
    const std::string& file = ev->origin.file;
    bool python = file.ends_with(".py") && verb == "drops";
    if (python && (file.starts_with("versions/") || file.find("/versions/") != std::string::npos))
      d.help = "expand/contract: deploy models that no longer map it first, and run this revision (alembic upgrade) "
               "in a later release";
    else if (python && (file.starts_with("migrations/") || file.find("/migrations/") != std::string::npos))
      d.help = "expand/contract: deploy the models without it first (keep the migration that makemigrations wrote out "
               "of that release, or make it a SeparateDatabaseAndState with only state_operations), and drop it "
               "(python manage.py migrate) in a later release";
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
