// File-name and version rules shared by the migration formats. Every tool derives a version from
// a file (or directory) name and orders by it, but they disagree on what "order" means: golang-
// migrate, goose and sqlx parse an integer, dbmate and Supabase compare strings, Flyway compares
// dotted integers part by part. Versions here stay strings of digits, so a 20-digit timestamp
// never overflows, and these helpers compare them the way each tool does.
#pragma once
#include <string>
#include <string_view>

namespace schemagate::schema::migrations {

/// The run of ASCII digits at the start of `s` ("0003" for "0003_init.sql"); empty if none.
std::string_view leading_digits(std::string_view s);

/// A digit string as an unsigned integer parse prints it back ("0003" -> "3", "000" -> "0").
std::string strip_leading_zeros(std::string_view digits);

/// Compares two digit strings as non-negative integers of any size ("" is 0); <0, 0 or >0.
int compare_numbers(std::string_view a, std::string_view b);

/// Compares '.'-separated digit versions part by part as integers, a missing part counting as 0
/// (Flyway's MigrationVersion): "1.9" < "1.10", "1" == "1.0" == "1.00".
int compare_dotted_versions(std::string_view a, std::string_view b);

/// The last component of a '/'-separated path, ignoring a trailing '/' ("db/migrations" -> "migrations").
std::string_view last_component(std::string_view path);

/// The number a hand-run migration's name starts with: its leading digits, or the digits after
/// one 'V' or 'v' ("V0001.Initial_Schema" -> "0001", as a project's own runner names them
/// after Flyway without its "__"); "" when it starts with neither.
std::string_view numbered_prefix(std::string_view name);

/// "<digits>_<name><suffix>" ("12_add_users.up.sql" with ".up.sql"): sets the version digits and
/// the name; false for any other file name.
bool match_numbered_name(std::string_view file, std::string_view suffix, std::string_view* digits,
                         std::string_view* name);

/// `stem` without its leading version digits and the one separator after them ('_', '-', '.' or
/// ' '): "0001-add_users" -> "add_users", "20240101_init" -> "init".
std::string_view description_after_version(std::string_view stem);

}  // namespace schemagate::schema::migrations
