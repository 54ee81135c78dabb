// What Drizzle's `sql` template sends for a model's objects. A substitution is a parameter,
// except for a table or column object of a pgTable model, which Drizzle writes into the text as
// its quoted name: `${users}` is "users", `${users.email}` is "users"."email" (the SQL name the
// model gives, `text('email')`), schema first for a pgSchema's table. Other files of the project
// read the models (drizzle.cpp); this answers for the name code uses.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers::drizzle {

struct ModelObject {
  std::string schema;  ///< "" for a pgTable (the search path finds it), else the pgSchema's
  std::string table;
  std::string column;  ///< "" for the table object itself
};

/// The object `var` (a table) or `var.prop` (a column) names, when `var` is the variable a
/// pgTable declaration of the project binds (the name unique in the project) and `prop` a
/// column whose SQL name is certain (given to its builder, or without upper-case letters, the
/// same under every casing); else nullopt.
std::optional<ModelObject> model_object(const ProjectFacts* facts, std::string_view var, std::string_view prop);

/// The SQL Drizzle writes for `object`: "table" or "table"."column", the schema first when the
/// model has one.
std::string rendered(const ModelObject& object);

}  // namespace schemagate::datalayers::drizzle
