// Query-file dialects: the tools that keep named queries in .sql files and rewrite them before
// the database sees them. Each dialect is one row of the table in query_dialects.cpp: how to
// recognise a file of that tool, and how to turn one of its statements into the SQL the tool
// sends (its parameter syntax into placeholders, its macros into what they expand to), byte for
// byte mapped back onto the file.
//   sqlc     "-- name: X :one|:many|:exec...": sqlc.arg(x), sqlc.narg(x), sqlc.slice(x), @x are
//            parameters; sqlc.embed(t) is t.*. sqlc writes every * out as the column list the
//            schema had when it generated the code, so a star needs each of those columns.
//            A statement without its own "-- name:" comment is not in the generated code.
//   pgtyped  "/* @name X */": :x! is the parameter :x (the ! only makes it non-null); a parameter
//            declared "@param x -> (...)" is a list, "-> ((a, b)...)" a list of tuples and
//            "-> (a, b)" a picked tuple: each becomes a parenthesised list of placeholders.
//   aiosql, yesql, goyesql  "-- name: x" with aiosql's suffixes (^ $ ! <! *! #): plain :x
//            parameters, which every dialect reads anyway.
// In every dialect, a %name% marker outside literals is a template the application fills in
// before running the query (listmonk's `WHERE %query% ORDER BY %order%`): a run-time fragment,
// read like an interpolation, so the rest of the statement is checked where a reading parses.
#pragma once
#include <string_view>
#include <vector>

#include "analyzers/languages/language.h"

namespace schemagate::languages {

struct QueryDialect {
  std::string_view name;  ///< "sqlc", "pgtyped", "aiosql", "plain"
  /// Whether a whole .sql file is written for this tool.
  bool (*detect)(std::string_view file);
  /// Appends the statement file[begin, end) to site->sql as the tool sends it. `header` is where
  /// the text before the statement starts (its name comment, pgtyped's @param lines). Leaving
  /// site->sql empty (and the site not dynamic) means the tool never runs this statement.
  void (*rewrite)(std::string_view file, size_t header, size_t begin, size_t end, SqlSite* site);
};

/// Every dialect, most specific first; the last ("plain") takes any file.
const std::vector<QueryDialect>& query_dialects();
/// The first dialect whose detect() accepts `file`.
const QueryDialect& query_dialect_for(std::string_view file);

}  // namespace schemagate::languages
