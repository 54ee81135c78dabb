// schema-drift: a relation or column that an applied migration creates is missing from the live
// database. Someone changed the database by hand, or a migration was recorded without running;
// either way the migration history no longer describes the database.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_schema_drift(const ProjectContext& project, const Check& self, std::vector<report::Diagnostic>* out) {
  auto make = [&](const schema::Origin& origin, std::string message) {
    report::Diagnostic d;
    d.rule = std::string(self.id());
    d.severity = self.severity;
    d.file = origin.file;
    d.line = project.places.line(origin);  // the file's line, as a whole
    d.column = d.line ? 1 : 0;
    d.migration = origin.file;
    d.message = std::move(message);
    d.help = "compare the database with its migrations (schemagate schema, and the same with --database-url) and "
             "bring them back in line with a new migration";
    return d;
  };
  for (auto& [key, r] : project.applied.relations()) {
    if (r.origin.empty()) continue;
    // A serial column's sequence is named by PostgreSQL, which picks another name when that one
    // is taken: the model's guess is no evidence of drift.
    if (r.kind == schema::RelationKind::Sequence) continue;
    const schema::Relation* live = project.live.find(r.schema, r.name);
    std::string shown = r.schema + "." + r.name;
    if (!live) {
      auto d = make(r.origin, "relation " + quote_ident(shown) + " is created by applied migration " + r.origin.file +
                                  " but the database does not have it");
      d.relation = shown;
      out->push_back(std::move(d));
      continue;
    }
    if (!live->columns_complete) continue;
    for (auto& c : r.columns) {
      if (c.origin.empty() || live->find_column(c.name)) continue;
      auto d = make(c.origin, "column " + quote_ident(c.name) + " of relation " + quote_ident(shown) +
                                  " is created by applied migration " + c.origin.file +
                                  " but the database does not have it");
      d.relation = shown;
      d.column_name = c.name;
      out->push_back(std::move(d));
    }
  }
}

}  // namespace schemagate::checks
