// Migrations that serve several databases branch on the engine they run on (Wiki.js:
// `switch (WIKI.config.db.type) { case 'postgres': ... case 'mssql': table.specificType('content',
// 'VARCHAR(max)') }`, `if (knex.client.config.client === 'mysql') {...} else {...}`). Read as
// PostgreSQL, another engine's branch is SQL PostgreSQL never runs (`UPDATE TOP 1`, `VARCHAR(max)`)
// and columns it never has. This decides which parts of such a branch run on PostgreSQL, so the
// readers of JavaScript migrations (js::walk_steps) follow only those.
//
// Decided conservatively, only where the test names engines and nothing else: a switch every one
// of whose case labels is an engine name; an if, else-if or ternary whose test is built from
// comparisons (===, ==, !==, !=) of something with an engine name, `[names].includes(x)`,
// `x.includes(name)` for another engine's name, &&, || and !, directly or through a constant of
// the file (`const isMysql = client === 'mysql'`, `const dbCompat = { charset: ... }`). Any other
// switch or if is read as before: every branch.
#pragma once
#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace schemagate::schema::migrations::code::js {

class JsFile;

/// Whether `name` (any case) names a database engine as Knex, Sequelize, TypeORM or a project
/// configuration spells it, and if so whether it is PostgreSQL: nullopt for any other word.
std::optional<bool> engine_is_postgres(std::string_view name);

/// The value `test` has when the migration runs on PostgreSQL, when it is a test of the engine
/// as described above; nullopt for any other expression.
std::optional<bool> engine_test_on_postgres(const JsFile& file, TSNode test);

/// The parts of an engine branch that run on PostgreSQL and those that do not (each with a
/// label for a note: the test or the case labels).
struct EngineBranch {
  std::vector<TSNode> run;
  std::vector<std::pair<TSNode, std::string>> skipped;
};

/// Whether `n` is an if statement, ternary or switch that branches on the engine: fills *out.
bool engine_branch(const JsFile& file, TSNode n, EngineBranch* out);

}  // namespace schemagate::schema::migrations::code::js
