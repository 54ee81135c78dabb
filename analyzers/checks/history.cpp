// Walks the schema history backwards from the newest event. A column is looked for under every
// name its relation had: `DROP COLUMN total` on orders, then `RENAME TO purchases`, explains a
// missing purchases.total. A relation dropped under the name being followed ends the walk: what
// happened before it happened to another relation of that name.
#include "analyzers/checks/history.h"

namespace schemagate::checks {

const schema::SchemaEvent* last_removal(const schema::Schema& schema, const std::string& schema_name,
                                        const std::string& relation, const std::string& column) {
  using K = schema::SchemaEvent::Kind;
  std::string cur_schema = schema_name;  // empty: any schema
  std::string cur_relation = relation;
  auto in_schema = [&](const std::string& s) { return cur_schema.empty() || s == cur_schema; };
  for (auto it = schema.history.rbegin(); it != schema.history.rend(); ++it) {
    if (column.empty()) {
      if (it->relation != relation || (!schema_name.empty() && it->schema != schema_name)) continue;
      if (it->kind == K::DropRelation || it->kind == K::RenameRelation || it->kind == K::MoveRelation) return &*it;
      continue;
    }
    if (it->kind == K::RenameRelation && it->new_name == cur_relation && in_schema(it->schema)) {
      cur_relation = it->relation;  // before this rename the relation had its old name
      if (cur_schema.empty()) cur_schema = it->schema;
      continue;
    }
    if (it->kind == K::MoveRelation && it->relation == cur_relation && (cur_schema.empty() || it->new_name == cur_schema)) {
      cur_schema = it->schema;  // before this move it was in its old schema
      continue;
    }
    if (it->relation != cur_relation || !in_schema(it->schema)) continue;
    if (it->kind == K::DropRelation) return nullptr;
    if (it->column == column && (it->kind == K::DropColumn || it->kind == K::RenameColumn)) return &*it;
  }
  return nullptr;
}

}  // namespace schemagate::checks
