// The two file-system calls every format makes: list a migration directory's SQL files, and read
// one with an error that names it. MigrationFile paths are relative to the project root, while
// the FileSystem is called with join_path(root, path); keeping both here keeps the formats from
// mixing them up.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::schema::migrations {

/// Where the FileSystem finds root-relative `path`: join_path(root, path), except that a path of
/// "" or "." is the root itself (join_path would give "root/.").
std::string on_disk(const std::string& root, const std::string& path);

/// Names of the regular files in root/dir ending in ".sql", sorted by name.
std::vector<std::string> sql_file_names(const source::FileSystem& fs, const std::string& root,
                                        const std::string& dir);

/// Reads root/path. On failure sets *err to "<path>: <reason>" with the root-relative path.
bool read_migration_text(const source::FileSystem& fs, const std::string& root,
                         const std::string& path, std::string* out, std::string* err);

/// Whether the go.mod of the Go module holding `dir` (the nearest one at or above it, up to the
/// root) names one of `paths` (a library a format's runner is: "github.com/ardanlabs/darwin").
bool go_module_requires(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                        std::initializer_list<std::string_view> paths);

/// Blanks what psql reads but the server never receives: meta-command lines (`\restrict KEY` that
/// pg_dump writes since 17.6, `\connect`, `\set`) and COPY ... FROM stdin data up to its `\.`.
/// Newlines are kept, so offsets and lines stay the file's.
void blank_psql_meta_commands(std::string* text);

}  // namespace schemagate::schema::migrations
