// Names Django derives that can exceed PostgreSQL's 63-byte identifiers. Django shortens them
// itself, before PostgreSQL would truncate them silently: django.db.backends.utils.truncate_name
// keeps the first `length - 4` characters and appends the first 4 hex digits of the md5 of the
// whole name. Model tables (`<app_label>_<model>`) and automatic many-to-many tables
// (`<table>_<field>`) go through it; a Meta.db_table written out does not (PostgreSQL then
// truncates it to 63 bytes, as for any identifier). Index and constraint names that Django
// generates are written into the migration by makemigrations (AddIndex(name=...)), so they are
// read, never derived.
#pragma once
#include <string>
#include <string_view>

namespace schemagate::schema::migrations::code {

/// PostgreSQL's DatabaseOperations.max_name_length(): NAMEDATALEN - 1.
inline constexpr size_t kDjangoMaxNameLength = 63;

/// The md5 of `data` as 32 lower-case hex digits.
std::string md5_hex(std::string_view data);

/// Django's truncate_name(identifier, length, hash_len=4) for an unqualified name.
std::string django_truncate_name(std::string_view name, size_t length = kDjangoMaxNameLength);

}  // namespace schemagate::schema::migrations::code
