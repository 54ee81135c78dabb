// Explains an absence from the schema's history: the newest drop or rename of a relation or a
// column, so a finding can say which migration removed what the code still uses.
#pragma once
#include <map>
#include <string>

#include "analyzers/schema/schema.h"

namespace schemagate::checks {

/// The newest event that dropped, renamed or moved relation schema.relation (column empty) or
/// its column; nullptr when the name never existed. A column is followed through the earlier
/// names and schemas of its relation (RENAME TO, SET SCHEMA). An empty schema_name matches any.
const schema::SchemaEvent* last_removal(const schema::Schema& schema, const std::string& schema_name,
                                        const std::string& relation, const std::string& column);

/// Whether `file` is a dated data-migration script that ran before `removal`: a code file outside
/// the migration folders whose name starts with a timestamp in the migrations' own scheme
/// (server/scripts/20230313000000-migrate-settings.ts beside migrations named
/// 20230430213332-*.js), dated before the migration that made the removal. Such a script is run
/// once, by the migration of its date or by hand at that point of the history, against the schema
/// of its date: what a later migration (or the one of its date, which runs it) drops was there
/// then. `migrations` is keyed by the migration files.
bool ran_before(const std::map<std::string, std::string>& migrations, const std::string& file,
                const schema::SchemaEvent& removal);

}  // namespace schemagate::checks
