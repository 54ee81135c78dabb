// The sequences a statement creates, by name: CREATE SEQUENCE, and the implicit ones of serial
// and identity columns (CREATE TABLE, ALTER TABLE ... ADD COLUMN / ADD GENERATED ... AS
// IDENTITY), named as PostgreSQL names them (`<table>_<column>_seq`, shortened to 63 bytes, or
// the identity's SEQUENCE NAME). Code that creates its tables itself (a data file loaded into a
// database: `CREATE TABLE ...; SELECT setval('"t_id_seq"', 20)`) creates these too.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "analyzers/sql/pg_parse.h"

namespace schemagate::schema {

/// (schema, name) of each sequence `stmt` creates; schema empty when the statement leaves it to
/// the search path.
std::vector<std::pair<std::string, std::string>> sequences_created_by(const sql::Node* stmt);

}  // namespace schemagate::schema
