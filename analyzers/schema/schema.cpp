#include "analyzers/schema/schema.h"

namespace schemagate::schema {

const char* relation_kind_name(RelationKind kind) {
  switch (kind) {
    case RelationKind::Table: return "table";
    case RelationKind::PartitionedTable: return "partitioned table";
    case RelationKind::View: return "view";
    case RelationKind::MaterializedView: return "materialized view";
    case RelationKind::ForeignTable: return "foreign table";
    case RelationKind::Sequence: return "sequence";
  }
  return "relation";
}

const Column* Relation::find_column(const std::string& column) const {
  for (auto& c : columns)
    if (c.name == column) return &c;
  return nullptr;
}

Column* Relation::find_column(const std::string& column) {
  for (auto& c : columns)
    if (c.name == column) return &c;
  return nullptr;
}

Schema::Schema() { schemas_.insert("public"); }

bool Schema::drop_schema(const std::string& name, bool cascade, const Origin& origin) {
  std::vector<std::string> doomed;
  for (auto& [k, r] : relations_)
    if (r.schema == name) doomed.push_back(k);
  if (!doomed.empty() && !cascade) return false;
  for (auto& k : doomed) {
    auto& r = relations_.at(k);
    history.push_back({SchemaEvent::Kind::DropRelation, r.schema, r.name, "", "", origin});
    unlink(k, r);
    relations_.erase(k);
  }
  schemas_.erase(name);
  return true;
}

const Relation* Schema::find(const std::string& schema, const std::string& name) const {
  auto it = relations_.find(key(schema, name));
  return it == relations_.end() ? nullptr : &it->second;
}

Relation* Schema::find(const std::string& schema, const std::string& name) {
  auto it = relations_.find(key(schema, name));
  return it == relations_.end() ? nullptr : &it->second;
}

const Relation* Schema::find_in_path(const std::string& name, const std::vector<std::string>& search_path) const {
  for (auto& s : search_path)
    if (auto* r = find(s, name)) return r;
  return nullptr;
}

void Schema::link(const std::string& child_key, const Relation& child) {
  for (auto& p : child.parents) children_[p].insert(child_key);
  if (child.kind == RelationKind::Sequence) sequences_.insert(child_key);
}

void Schema::unlink(const std::string& child_key, const Relation& child) {
  sequences_.erase(child_key);
  for (auto& p : child.parents) {
    auto it = children_.find(p);
    if (it == children_.end()) continue;
    it->second.erase(child_key);
    if (it->second.empty()) children_.erase(it);
  }
}

const std::set<std::string>& Schema::children_of(const std::string& parent_key) const {
  static const std::set<std::string> kNone;
  auto it = children_.find(parent_key);
  return it == children_.end() ? kNone : it->second;
}

Relation& Schema::add(Relation relation) {
  schemas_.insert(relation.schema);
  if (!relation.parents.empty()) has_inheritance_ = true;
  std::string k = key(relation.schema, relation.name);
  if (auto it = relations_.find(k); it != relations_.end()) unlink(k, it->second);
  link(k, relation);
  relations_[k] = std::move(relation);
  return relations_[k];
}

bool Schema::remove(const std::string& schema, const std::string& name) {
  auto it = relations_.find(key(schema, name));
  if (it == relations_.end()) return false;
  unlink(it->first, it->second);
  relations_.erase(it);
  return true;
}

bool Schema::rename(const std::string& schema, const std::string& name, const std::string& new_schema,
                    const std::string& new_name) {
  auto it = relations_.find(key(schema, name));
  if (it == relations_.end()) return false;
  Relation r = std::move(it->second);
  unlink(it->first, r);
  relations_.erase(it);
  r.schema = new_schema;
  r.name = new_name;
  add(std::move(r));
  std::string old_key = key(schema, name), new_key = key(new_schema, new_name);
  if (!has_inheritance_) return true;  // no parent names to update: keeps a rename O(log n)
  auto kids = children_.find(old_key);
  if (kids == children_.end()) return true;
  std::set<std::string> moved = std::move(kids->second);
  children_.erase(kids);
  for (auto& child_key : moved) {
    auto child = relations_.find(child_key);
    if (child == relations_.end()) continue;
    for (auto& p : child->second.parents)
      if (p == old_key) p = new_key;
    children_[new_key].insert(child_key);
  }
  return true;
}

}  // namespace schemagate::schema
