// Rails migrations (db/migrate/<timestamp>_<name>.rb) turned into the SQL that ActiveRecord's
// PostgreSQL adapter runs for them; see rails.cpp.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::schema::migrations {

/// The SQL a Rails migration runs on the way up (`change`, else `up`), one statement per
/// operation, as the PostgreSQL adapter emits it. `origin[i]` is the byte of `source` that SQL
/// byte i comes from (the operation, or the name or heredoc byte it copies), and each statement
/// starts on the line of its operation, so lines in `sql` are lines in `source`. False (and *err)
/// when the file is not Ruby that parses.
/// scenic's view definitions, db/views/NAME_vNN.sql: the SQL of view `name` at `version`, false
/// when there is none.
using RailsViewReader = std::function<bool(const std::string& name, long version, std::string* sql)>;

/// The same, with scenic's create_view / update_view read from `views` (null: none can be read),
/// and the names of the views whose definitions could not be read into `*uncertain`.
bool rails_migration_sql(std::string_view source, std::string* sql, std::vector<uint32_t>* origin,
                         std::string* err, const RailsViewReader& views = nullptr,
                         std::vector<std::string>* uncertain = nullptr);

}  // namespace schemagate::schema::migrations
