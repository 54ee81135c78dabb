// column-type-change: a pending migration changes the type of a column the running code reads
// or writes. It may keep working (int -> bigint) or fail on casts and comparisons; the table is
// also rewritten under an ACCESS EXCLUSIVE lock. A warning: the change needs a look, not a block.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_column_type_change(const RequirementContext& ctx, const requirements::Requirement& ref, const Check& self,
                            std::vector<report::Diagnostic>* out) {
  using K = schema::SchemaEvent::Kind;
  const Evaluation& eval = ctx.eval;
  if (ref.object != requirements::Object::Column) return;
  if (requirements::presence(ref, *eval.eventual) != requirements::Presence::Present) return;
  {
    for (auto& ev : eval.eventual->history) {
      if (ev.kind != K::AlterColumnType || ev.schema != ref.schema || ev.relation != ref.relation ||
          ev.column != ref.column || !eval.deploy->pending_files.count(ev.origin.file))
        continue;
      auto text = eval.deploy->migration_text.find(ev.origin.file);
      auto d = diagnostic_at_migration(self, ev.origin, ctx.places, text == eval.deploy->migration_text.end() ? "" : text->second);
      uint32_t use_at = ref.span.begin;
      std::string shown = display_relation(ref.schema, ref.relation, eval.search_path);
      d.relation = ref.schema + "." + ref.relation;
      d.column_name = ref.column;
      d.message = "pending migration " + ev.origin.file + " changes the type of column " + quote_ident(ref.column) +
                  " of " + quote_ident(shown) + ", which the running code (" + eval.deploy->label + ") uses at " +
                  ctx.places.place(ctx.unit.file, use_at);
      d.notes.push_back({ctx.unit.file, 0, "used here by the running code (" + eval.deploy->label + ")", use_at});
      d.help = "check that the running code's casts, comparisons and parameters still work with the new type; the "
               "ALTER also rewrites the table under an exclusive lock";
      out->push_back(std::move(d));
    }
  }
}

}  // namespace schemagate::checks
