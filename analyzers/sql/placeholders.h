// Placeholder normalisation: every driver's parameter style and every interpolation hole
// becomes a PostgreSQL parameter `$n`, so PostgreSQL's parser accepts the statement, and every
// byte keeps its host-file origin. Styles: holes (kHole, from ${x}, f-string fields, non-literal
// operands), %s / %b / %t and %(name)s (psycopg; %% becomes %), ? (JDBC, sqlite-style), :name
// (SQLAlchemy text(), but not ::type casts nor array slices), @name (sqlc, SQL Server style drivers)
// and existing $n. Inside string literals, quoted identifiers, comments and dollar quotes nothing
// is rewritten.
//
// A hole glued to an identifier (users_${suffix}, "${col}") would make PostgreSQL read one
// identifier whose real name is only known at run time: such a statement is unchecked, not parsed.
#pragma once
#include <string>

#include "analyzers/sql/sql_text.h"

namespace schemagate::sql {

struct NormalizedSql {
  SqlText sql;
  int parameters = 0;            ///< highest $n after rewriting
  std::string unchecked_reason;  ///< non-empty: do not check this statement
  size_t unchecked_offset = 0;   ///< byte offset in the input SqlText of what made it unchecked
};

NormalizedSql normalize_placeholders(const SqlText& in);

}  // namespace schemagate::sql
