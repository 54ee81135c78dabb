// missing-relation: the code names a table or view that the target schema does not have.
// In production PostgreSQL rejects the statement with 42P01 (undefined_table).
#include <algorithm>

#include "analyzers/checks/check.h"
#include "analyzers/checks/verdict.h"

namespace schemagate::checks {

/// A schema off the search path that has `name`, when the reference was resolved through the
/// search path (its schema is the path's first); "" otherwise.
std::string other_schema_with(const schema::Schema& schema, const std::vector<std::string>& search_path,
                              const std::string& in, const std::string& name) {
  if (search_path.empty() || in != search_path.front()) return "";
  for (auto& [k, r] : schema.relations())
    if (r.name == name && std::find(search_path.begin(), search_path.end(), r.schema) == search_path.end())
      return r.schema;
  return "";
}

void run_missing_relation(const RequirementContext& ctx, const requirements::Requirement& ref, const Check& self,
                          std::vector<report::Diagnostic>* out) {
  if (ref.object != requirements::Object::Relation) return;
  const schema::Schema& schema = *ctx.eval.eventual;
  Verdict verdict = judge(ctx.eval, ctx.unit.file, ref);
  if (verdict.status != Verdict::Status::Missing) return;
  const schema::SchemaEvent* removal = verdict.removal;
  {
    auto d = diagnostic_at(ctx, self, ref, ref.relation);
    std::string shown = display_relation(ref.schema, ref.relation, ctx.eval.search_path);
    d.relation = ref.schema + "." + ref.relation;
    d.message = "relation " + quote_ident(shown) + " does not exist (SQLSTATE 42P01): ";
    if (auto* ev = removal) {
      using K = schema::SchemaEvent::Kind;
      d.migration = ev->origin.file;
      if (ev->kind == K::DropRelation) {
        d.message += "migration " + ev->origin.file + " drops it";
        d.notes.push_back(report::note_at(ev->origin, "dropped here"));
        d.help = "stop using " + quote_ident(shown) + " before that migration runs, or remove the DROP";
      } else if (ev->kind == K::RenameRelation) {
        d.message += "migration " + ev->origin.file + " renames it to " + quote_ident(ev->new_name);
        d.notes.push_back(report::note_at(ev->origin, "renamed here"));
        d.help = "use " + quote_ident(ev->new_name);
      } else {
        d.message += "migration " + ev->origin.file + " moves it to schema " + quote_ident(ev->new_name);
        d.notes.push_back(report::note_at(ev->origin, "moved here"));
        d.help = "use " + quote_ident(ev->new_name + "." + ref.relation);
      }
    } else if (std::string elsewhere = other_schema_with(schema, ctx.eval.search_path, ref.schema, ref.relation);
               !elsewhere.empty()) {
      // The table exists, in a schema the search path does not hold.
      std::string path;
      for (auto& p : ctx.eval.search_path) path += (path.empty() ? "" : ",") + p;
      d.message += "it is not on the search path " + path + "; " + elsewhere + "." + ref.relation + " exists";
      d.help = "qualify it as " + sql_ident(elsewhere) + "." + sql_ident(ref.relation) +
               ", or give the application's role that search path (ALTER ROLE ... SET search_path) and run "
               "schemagate with --search-path " + elsewhere + "," + path;
    } else {
      d.message += ctx.eval.only_dump.empty() ? "no migration creates it" : ctx.eval.only_dump + " does not create it";
      std::vector<std::string> names;
      for (auto& [k, r] : schema.relations())
        if (r.schema == ref.schema) names.push_back(r.name);
      if (std::string cased = case_variant(ref.relation, names); !cased.empty()) {
        // The relation exists; the query spells it with another case.
        bool quoted = ref.quoted;
        d.message += "; did you mean " + quote_ident(cased) + "? " +
                     (quoted ? "a quoted identifier keeps its case: write " + sql_ident(cased)
                             : "unquoted identifiers fold to lower case: write " + quote_ident(cased) +
                                   " in double quotes");
        d.help = "write the relation as " + sql_ident(cased) + " in the query; no migration is needed";
      } else {
        std::string near = closest_name(ref.relation, names);
        if (!near.empty()) d.message += "; did you mean " + quote_ident(near) + "?";
        d.help = !ref.fix.empty() ? ref.fix
                 : !ctx.eval.only_dump.empty()
                     ? "add CREATE TABLE " +
                           (ref.schema.empty() || shown == ref.relation ? sql_ident(ref.relation)
                                                                        : sql_ident(ref.schema) + "." + sql_ident(ref.relation)) +
                           " to " + ctx.eval.only_dump +
                           " (a new database is created from it), and to how existing databases are upgraded, before "
                           "deploying this code"
                     : "add a migration that creates " + quote_ident(shown) + " and apply it before deploying this code";
      }
    }
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
