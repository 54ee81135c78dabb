// What a Go file's call cannot tell alone: whether `testhooks.Get(...)` is a function of one of
// the project's own packages (or of the standard library) rather than a database client's, and
// whether `c.q.GetUser.Get(&u, id)` runs a prepared statement rather than a query, or
// `visibilityArchiver.Query(ctx, uri, req)` a method of an interface of the project that takes
// no text. Go names its
// query methods like other APIs (an archiver's Query, a hook registry's Get, syscall.Exec), so a
// call is a database call only where its receiver may be a database handle. A text-only index of
// the project's Go files (top-level functions by package, struct fields holding prepared
// statements or named queries) and of its query files' named queries (goyesql's
// `-- name: get-user`) answers that; the pipeline builds it once, before any file is extracted,
// into the project's facts (ExtractInput::facts).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace schemagate::languages {

using FactList = std::vector<std::pair<std::string, std::string>>;

/// The module path a go.mod declares (`module go.temporal.io/server`), or "".
std::string go_module_path(std::string_view go_mod);

/// The facts one Go file gives, read from its text: the package clause's name
/// ("go:package-name:<dir>"), each top-level function ("go:func:<dir>:<Name>"), each struct
/// field that holds a prepared statement or, by a `query:"name"` tag, a named query's text
/// ("go:field:<Name>" -> "stmt" or "stmt <query>" or "text <query>") and each field's named type
/// ("go:fieldtype:<Name>"), each struct and interface type ("go:type:<T>", "go:embeds:<T>" when
/// it embeds one), and each method of one, declared or in an interface ("go:method:<T>.<M>" ->
/// "plain" when no parameter is a string, with "go:plain-method:<M>" -> <T>, and
/// "go:result:<T>.<M>" -> its first result's named type). `dir` is the file's root-relative directory.
void go_file_facts(std::string_view dir, std::string_view text, FactList* out);

/// The named queries of a query file (`-- name: get-user` headers): "sql:query:<name>" -> path.
void named_query_facts(std::string_view path, std::string_view text, FactList* out);

/// The field types that hold a prepared statement: its methods take arguments, never SQL.
bool is_prepared_statement_type(std::string_view type);

}  // namespace schemagate::languages
