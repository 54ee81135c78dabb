// SHA-256 (FIPS 180-4), for drizzle-kit's tracking rows: its migrator records
// crypto.createHash('sha256').update(fileContent).digest('hex') for every migration it runs.
// Small enough to carry here rather than link a crypto library for one hash.
#pragma once
#include <string>
#include <string_view>

namespace schemagate::schema::catalog {

/// Lower-case hex SHA-256 of `data` (64 characters).
std::string sha256_hex(std::string_view data);

}  // namespace schemagate::schema::catalog
