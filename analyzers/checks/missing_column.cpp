// missing-column: the code names a column that its relation does not have in the target schema.
// In production PostgreSQL rejects the statement with 42703 (undefined_column), the error of
// the incident schemagate exists for: an INSERT shipped before the migration that adds a column.
#include "analyzers/checks/check.h"
#include "analyzers/checks/verdict.h"

namespace schemagate::checks {

void run_missing_column(const RequirementContext& ctx, const requirements::Requirement& ref, const Check& self,
                        std::vector<report::Diagnostic>* out) {
  if (ref.object != requirements::Object::Column) return;
  const schema::Schema& schema = *ctx.eval.eventual;
  Verdict verdict = judge(ctx.eval, ctx.unit.file, ref);
  if (verdict.status != Verdict::Status::Missing) return;
  {
    auto d = diagnostic_at(ctx, self, ref, ref.column);
    d.relation = ref.schema + "." + ref.relation;
    d.column_name = ref.column;
    std::string shown = display_relation(ref.schema, ref.relation, ctx.eval.search_path);
    const std::vector<std::string> searched = ref.candidates.empty() ? std::vector<std::string>{d.relation} : ref.candidates;
    if (searched.size() > 1) {
      std::string list;
      for (auto& q : searched) {
        auto dot = q.find('.');
        if (!list.empty()) list += ", ";
        list += quote_ident(display_relation(q.substr(0, dot), q.substr(dot + 1), ctx.eval.search_path));
      }
      d.message = "column " + quote_ident(ref.column) + " does not exist in " + list + " (SQLSTATE 42703): ";
    } else {
      d.message = "column " + quote_ident(ref.column) + " of relation " + quote_ident(shown) + " does not exist (SQLSTATE 42703): ";
    }
    if (const schema::SchemaEvent* ev = verdict.removal) {
      d.migration = ev->origin.file;
      if (ev->kind == schema::SchemaEvent::Kind::DropColumn) {
        d.message += "migration " + ev->origin.file + " drops it";
        d.notes.push_back(report::note_at(ev->origin, "dropped here"));
        d.help = "stop using " + quote_ident(ref.column) + " before that migration runs, or remove the DROP COLUMN";
      } else {
        d.message += "migration " + ev->origin.file + " renames it to " + quote_ident(ev->new_name);
        d.notes.push_back(report::note_at(ev->origin, "renamed here"));
        d.help = "use " + quote_ident(ev->new_name);
      }
    } else if (const schema::Relation* own = schema.find(ref.schema, ref.relation);
               own && !own->origin.file.empty() && ctx.eval.migration_formats.count(own->origin.file) &&
               (ctx.eval.migration_formats.at(own->origin.file) == "xorm-sync" ||
                ctx.eval.migration_formats.at(own->origin.file) == "gorm-automigrate")) {
      // The models the program syncs or AutoMigrates when it starts (migrations/code/xormigrate.cpp,
      // gormigrate.cpp).
      bool gorm = ctx.eval.migration_formats.at(own->origin.file) == "gorm-automigrate";
      d.message += "the models " + own->origin.file + (gorm ? " AutoMigrates" : " syncs") + " at start-up do not have it";
      d.help = "add a field mapped to " + sql_ident(ref.column) + " to the model of " + sql_ident(ref.relation) +
               (gorm ? "; AutoMigrate adds the column when the program starts" : "; Sync2 adds the column when the program starts");
    } else if (const schema::Relation* own = schema.find(ref.schema, ref.relation);
               own && !own->origin.file.empty() && ctx.eval.migration_formats.count(own->origin.file) &&
               ctx.eval.migration_formats.at(own->origin.file) == "drizzle-push") {
      // The Drizzle tables the project pushes without migrations (pipeline/migration_sets.cpp).
      d.message += "the Drizzle tables of " + own->origin.file + " (drizzle-kit push) do not have it";
      d.help = "add a column named " + sql_ident(ref.column) + " to the pgTable of " + sql_ident(ref.relation) + " in " +
               own->origin.file + " and push it with `npx drizzle-kit push` before deploying this code";
    } else if (const schema::Relation* own = schema.find(ref.schema, ref.relation);
               own && !own->origin.file.empty() && ctx.eval.migration_formats.count(own->origin.file) &&
               ctx.eval.migration_formats.at(own->origin.file) == "go-startup") {
      // The schema the program creates when it starts (migrations/code/go_startup.cpp).
      d.message += "the start-up schema in " + own->origin.file + " does not add it";
      d.help = "add ALTER TABLE " + sql_ident(ref.relation) + " ADD COLUMN IF NOT EXISTS " + sql_ident(ref.column) +
               " ... to the statements " + own->origin.file + " runs when the program starts";
    } else {
      d.message += ctx.eval.only_dump.empty() ? "no migration adds it" : ctx.eval.only_dump + " does not have it";
      std::vector<std::string> names;
      for (auto& q : searched) {
        auto dot = q.find('.');
        if (auto* r = schema.find(q.substr(0, dot), q.substr(dot + 1)))
          for (auto& c : r->columns) names.push_back(c.name);
      }
      if (std::string cased = case_variant(ref.column, names); !cased.empty()) {
        // The column exists; the query spells it with another case.
        bool quoted = ref.quoted;
        d.message += "; did you mean " + quote_ident(cased) + "? " +
                     (quoted ? "a quoted identifier keeps its case: write " + sql_ident(cased)
                             : "unquoted identifiers fold to lower case: write " + quote_ident(cased) +
                                   " in double quotes");
        d.help = "write the column as " + sql_ident(cased) + " in the query; no migration is needed";
      } else {
        std::string near = closest_name(ref.column, names);
        if (!near.empty()) d.message += "; did you mean " + quote_ident(near) + "?";
        std::string table = ref.schema.empty() || shown == ref.relation ? sql_ident(ref.relation)
                                                                         : sql_ident(ref.schema) + "." + sql_ident(ref.relation);
        const schema::Relation* rel = schema.find(ref.schema, ref.relation);
        bool view = rel && (rel->kind == schema::RelationKind::View || rel->kind == schema::RelationKind::MaterializedView);
        if (view)  // a view's columns come from its query: ADD COLUMN does not apply
          d.help = "add " + sql_ident(ref.column) + " to the query of " + schema::relation_kind_name(rel->kind) + " " +
                   table + " in a migration (" +
                   (rel->kind == schema::RelationKind::View ? "CREATE OR REPLACE VIEW" : "DROP and CREATE MATERIALIZED VIEW") +
                   ") and apply it before deploying this code";
        else if (!ref.fix.empty())
          d.help = ref.fix;
        else if (!ctx.eval.only_dump.empty())  // the schema a new database is created from
          d.help = "add " + sql_ident(ref.column) + " to the CREATE TABLE of " + table + " in " + ctx.eval.only_dump +
                   ", and ALTER TABLE " + table + " ADD COLUMN " + sql_ident(ref.column) +
                   " ... to how existing databases are upgraded, before deploying this code";
        else
          d.help = "add a migration with ALTER TABLE " + table + " ADD COLUMN " + sql_ident(ref.column) +
                   " ... and apply it before deploying this code";
      }
    }
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
