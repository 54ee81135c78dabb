#include "analyzers/checks/history.h"

namespace schemagate::checks {

const schema::SchemaEvent* last_removal(const schema::Schema& schema, const std::string& schema_name,
                                        const std::string& relation, const std::string& column) {
  using K = schema::SchemaEvent::Kind;
  for (auto it = schema.history.rbegin(); it != schema.history.rend(); ++it) {
    if (it->relation != relation || (!schema_name.empty() && it->schema != schema_name)) continue;
    if (column.empty()) {
      if (it->kind == K::DropRelation || it->kind == K::RenameRelation || it->kind == K::MoveRelation) return &*it;
    } else if (it->column == column && (it->kind == K::DropColumn || it->kind == K::RenameColumn)) {
      return &*it;
    }
  }
  return nullptr;
}

}  // namespace schemagate::checks
