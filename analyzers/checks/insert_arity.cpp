// insert-arity: INSERT INTO t (a, b) VALUES (1, 2, 3) gives more values than it names columns,
// (1) fewer; INSERT INTO t VALUES (...) more values than t has columns. PostgreSQL rejects it at
// parse analysis, on every call: 42601 ("INSERT has more expressions than target columns").
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_insert_arity(const RequirementContext& ctx, const requirements::Requirement& req, const Check& self,
                      std::vector<report::Diagnostic>* out) {
  if (req.object != requirements::Object::InsertValues) return;
  const schema::Schema& schema = *ctx.eval.eventual;
  if (requirements::presence(req, schema) != requirements::Presence::Absent) return;
  auto d = diagnostic_at(ctx, self, req, "(");
  std::string shown = display_relation(req.schema, req.relation, ctx.eval.search_path);
  size_t values = static_cast<size_t>(req.arguments);
  size_t columns = req.key_columns.size();
  if (!req.columns_listed)
    if (const schema::Relation* rel = schema.find(req.schema, req.relation)) columns = rel->columns.size();
  bool more = values > columns;
  d.relation = req.schema + "." + req.relation;
  d.message = std::string("INSERT has more ") + (more ? "expressions than target columns" : "target columns than expressions") +
              " (SQLSTATE 42601): " + std::to_string(values) + (values == 1 ? " value" : " values") + " a row for " +
              std::to_string(columns) + (req.columns_listed ? " listed column" : " column") + (columns == 1 ? "" : "s") +
              (req.columns_listed ? "" : " of " + quote_ident(shown));
  d.help = req.columns_listed ? "give one value for each listed column (DEFAULT for a column that takes its default)"
                              : "list the target columns, or give at most one value for each column of " + quote_ident(shown);
  out->push_back(std::move(d));
}

}  // namespace schemagate::checks
