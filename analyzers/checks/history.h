// Explains an absence from the schema's history: the newest drop or rename of a relation or a
// column, so a finding can say which migration removed what the code still uses.
#pragma once
#include "analyzers/schema/schema.h"

namespace schemagate::checks {

/// The newest event that dropped, renamed or moved relation schema.relation (column empty) or
/// its column; nullptr when the name never existed. A column is followed through the earlier
/// names and schemas of its relation (RENAME TO, SET SCHEMA). An empty schema_name matches any.
const schema::SchemaEvent* last_removal(const schema::Schema& schema, const std::string& schema_name,
                                        const std::string& relation, const std::string& column);

}  // namespace schemagate::checks
