// Migration checksums, computed exactly as the tools that record them do, so that a file edited
// after it was applied is found (`modified-applied-migration`, what `flyway validate` reports):
//   Flyway  flyway_schema_history.checksum: java.util.zip.CRC32 over the file's lines as
//           BufferedReader.readLine() returns them (split at \n, \r or \r\n, terminators dropped;
//           a UTF-8 byte-order mark removed from the first), each line's UTF-8 bytes in turn; the
//           value stored as a signed 32-bit integer. Line endings therefore do not count.
//   Prisma  _prisma_migrations.checksum: lower-case hex SHA-256 of migration.sql; the migration
//           engine also accepts the script with its line endings turned LF <-> CRLF.
//   sqlx    _sqlx_migrations.checksum: SHA-384 of the migration's SQL text (bytea).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace schemagate::schema::catalog {

/// Flyway's checksum of a migration file, as its schema history stores it ("-1234567").
std::string flyway_checksum(std::string_view file);

/// Lower-case hex SHA-384 of `data` (96 characters).
std::string sha384_hex(std::string_view data);

/// The file's checksum in the representation `format`'s tracking table holds (flyway: the
/// signed integer; sqlx: hex of the bytea; prisma: hex), or "" for formats that record none:
/// the format's TrackingLayout::checksum. For Prisma, when `recorded` is one of the variants the
/// migration engine accepts (line endings changed), that variant is returned: the file counts as
/// unchanged.
std::string file_checksum(const std::string& format, std::string_view file, const std::string& recorded);

}  // namespace schemagate::schema::catalog
