// Field access over libpg_query's parse tree, shared by the resolver and the DDL simulator so
// each does not keep its own copy: a missing field reads as null, a missing list as empty, and
// a String node as its text. Node names and fields are PostgreSQL's (parsenodes.h).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "analyzers/sql/pg_parse.h"

namespace schemagate::sql {

/// `name` of a node body, or null when the body has no such field (or is not an object).
inline const nlohmann::json& field(const nlohmann::json& body, const char* name) {
  static const nlohmann::json null_value;
  if (!body.is_object()) return null_value;
  auto it = body.find(name);
  return it == body.end() ? null_value : *it;
}

/// A list field as a list: an absent list is empty.
inline const nlohmann::json& items(const nlohmann::json& list) {
  static const nlohmann::json empty = nlohmann::json::array();
  return list.is_array() ? list : empty;
}

/// The text of a {"String": {"sval": "x"}} node; "" for anything else.
inline std::string str_value(const nlohmann::json& node) {
  if (node.is_object() && node.contains("String")) return node["String"].value("sval", "");
  return {};
}

/// Whether `node` is a node of type `type` ({"SelectStmt": {...}}).
inline bool is_node(const nlohmann::json& node, const char* type) {
  return node.is_object() && node.size() == 1 && node.begin().key() == type;
}

}  // namespace schemagate::sql
