// Walks the schema history backwards from the newest event. A column is looked for under every
// name its relation had: `DROP COLUMN total` on orders, then `RENAME TO purchases`, explains a
// missing purchases.total. A relation dropped under the name being followed ends the walk: what
// happened before it happened to another relation of that name.
#include "analyzers/checks/history.h"

#include <string_view>

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

namespace {

/// The digits a file name starts with when a '-' or '_' follows them ("20240301120000" of
/// "db/20240301120000-fold.js"); "" otherwise.
std::string_view date_prefix(std::string_view path) {
  if (auto slash = path.rfind('/'); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  size_t n = 0;
  while (n < path.size() && path[n] >= '0' && path[n] <= '9') ++n;
  if (n == path.size() || (path[n] != '-' && path[n] != '_')) return {};
  return path.substr(0, n);
}

}  // namespace

bool ran_before(const std::map<std::string, std::string>& migrations, const std::string& file,
                const schema::SchemaEvent& removal) {
  if (!migrations.count(removal.origin.file) || migrations.count(file)) return false;
  // The removing migration's date: the timestamp its file name starts with (its version may be
  // the whole name, as Sequelize records it).
  std::string_view at = date_prefix(removal.origin.file);
  std::string_view date = date_prefix(file);
  if (at.size() < 8 || date.size() != at.size()) return false;
  // Dated the same as the removing migration: that migration runs it, before the removal (the
  // script could not run after it).
  return date <= at;
}

}  // namespace schemagate::checks
