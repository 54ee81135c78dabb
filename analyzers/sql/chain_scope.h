// What an expression inside a query builder chain can see: the relations the chain names. A raw
// SQL fragment the chain holds (Kysely's `.where(sql\`...\`)`) is part of the chain's query, so
// its names are read against these (sql/fragments.h read_chain_expression).
#pragma once
#include <string>
#include <vector>

namespace schemagate::sql {

/// The relations a query builder chain names in its head and joins (`selectFrom('pages as p')`,
/// `.innerJoin('spaces', ...)`), as seen by an expression written inside the chain.
struct ChainScope {
  struct Relation {
    std::string schema;  ///< "" unqualified
    std::string name;    ///< as the chain spells it
    std::string alias;   ///< "" without `as`
    bool cte = false;    ///< a CTE of the chain: a relation of unknown columns
  };
  std::vector<Relation> relations;
  /// Other names may be in scope too (a chain held in a variable, a subquery of another chain
  /// whose relations it may name, an insert's values): unqualified names are not judged.
  bool open = false;
  /// The expression is a site of its own, listed and counted (Drizzle's sql`${users.email} = ${v}`,
  /// the model objects written in: sql/fragments.h read_chain_expression); one that does not read
  /// as an expression is listed as unchecked. Else it is a part of the chain's statement, which
  /// its data layer lists.
  bool listed = false;
};

}  // namespace schemagate::sql
