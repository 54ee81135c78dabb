// Rails migrations (db/migrate/<timestamp>_<name>.rb) turned into the SQL that ActiveRecord's
// PostgreSQL adapter runs for them; see rails.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::schema::migrations {

/// The SQL a Rails migration runs on the way up (`change`, else `up`), one statement per
/// operation, as the PostgreSQL adapter emits it. `origin[i]` is the byte of `source` that SQL
/// byte i comes from (the operation, or the name or heredoc byte it copies), and each statement
/// starts on the line of its operation, so lines in `sql` are lines in `source`. False (and *err)
/// when the file is not Ruby that parses.
bool rails_migration_sql(std::string_view source, std::string* sql, std::vector<uint32_t>* origin,
                         std::string* err);

}  // namespace schemagate::schema::migrations
