// The columns a `*` stands for, for query tools that write stars out when they generate code
// (sqlc): `SELECT *`, `t.*` and `RETURNING *` over a relation the schema knows completely become
// one requirement per column the relation has in that schema. Against a database that lacks one
// of them, the generated code's explicit column list fails with 42703, although the star itself
// would not. Stars over CTEs, subqueries and functions are left alone: their columns come from
// queries that are checked on their own.
#pragma once
#include <string>
#include <vector>

#include "analyzers/schema/schema.h"
#include "analyzers/sql/tree.h"

namespace schemagate::sql {

struct StarColumn {
  size_t offset = 0;  ///< byte offset of the star's ColumnRef (the `*`, or `t` of `t.*`)
  std::string schema, relation, column;
};

/// Every column each star of `stmt` stands for in `schema`, star by star, in column order.
std::vector<StarColumn> star_columns(const Node* stmt, const schema::Schema& schema,
                                     const std::vector<std::string>& search_path);

}  // namespace schemagate::sql
