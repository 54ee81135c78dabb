// Partial checking of statements built around run-time fragments. Real applications splice
// clauses into their SQL at run time (`WHERE ... ${filterQuery} GROUP BY`, `FROM t ${joinQuery}
// WHERE`, `ORDER BY x ${direction}`, `FROM ${table}`): such a statement does not parse with a
// parameter in the fragment's place, so it used to be left unchecked whole, and a column used only
// there could be dropped without a word.
//
// A fragment's content is unknown; its position is not. Each fragment that stands in code (not in
// a literal or a comment) is read in the neutral ways it can stand there: a parameter (an
// expression), nothing (an optional clause), a join to an unknown relation (a JOIN added to FROM),
// an unknown relation (a name), TRUE where a whole condition stands and no parameter may (`AND
// ${cond}` closing a WHERE); a fragment cast to a type (`${start}::timestamp`) is only a
// parameter. Every combination that PostgreSQL's parser accepts is a reading;
// the statement is resolved in each, and only references that every reading resolves the same way
// are kept: a column that a joined fragment could provide is unchecked, not missing. References
// inside the fragment itself are unknown. A relation whose name is a fragment is a relation of
// unknown columns: its columns are unchecked, the rest of the statement is checked. A relation
// whose schema alone is a fragment (`FROM ${schema}.jobs`: a schema chosen at run time, in which
// the migrations ran) is the one relation of that name the schema has, wherever it is; with none,
// or several, it is a relation of unknown columns.
//
// What a fragment could do that no neutral reading shows is guarded explicitly: a fragment before
// the statement could define a CTE (missing relations are then unchecked), one in a select list
// could name an output column that ORDER BY / GROUP BY use (missing unqualified columns after
// BY are then unchecked), one in an INSERT could add target columns (the column list is then
// not known to be complete).
#pragma once
#include <string>
#include <vector>

#include "analyzers/schema/schema.h"
#include "analyzers/sql/chain_scope.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/placeholders.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::sql {

/// A statement read around its fragments.
struct PartialReading {
  NormalizedSql norm;                       ///< the first reading, normalised: offsets below refer to it
  std::vector<ParsedStatement> statements;  ///< its statements
  /// One per statement: the references every reading agrees on (others are Unchecked); empty
  /// `kind` for statements that are not DML.
  std::vector<Resolution> resolutions;
  size_t readings = 0;             ///< how many ways the statement parsed
  bool relation_fragment = false;  ///< some relation's name is a fragment
  bool query_fragment = false;     ///< some subquery is a fragment (`FROM (${scope}) s`)
  /// Some relation's schema alone is a fragment (`FROM ${schema}.jobs`), read as the one relation
  /// of that name the schema has.
  bool schema_fragment = false;
  /// Whether some reference outside the fragments is judged (resolved or missing): else the
  /// reading checks nothing (`SELECT count(*) FROM ${table}`) and the site stays unchecked.
  bool judges_something() const {
    for (auto& r : resolutions)
      for (auto& ref : r.refs)
        if (ref.status != RefStatus::Unchecked) return true;
    return false;
  }
};

/// Whether a fragment stands right after a name (`select id ${more} from`): with a parameter in
/// its place the statement may parse, but as something else (a typed literal `id $1`), so it is
/// to be read around its fragments all the same.
bool fragment_after_name(const SqlText& text);

/// Whether a fragment stands alone where a column, or an expression of columns, is expected and
/// a value would mean nothing: a whole item of a select list (`select f.id, ${col} from feeds f`),
/// a whole sort or grouping key (`order by ${sort}`), one side of a comparison whose other side
/// is a placeholder (`where ${field} = $1`). With a parameter in its place the statement parses,
/// but the names it holds are not checked: it is to be read around its fragments (partly checked).
/// `bound`: the holes are substitutions a library binds as parameters (a tagged template's),
/// where a value alone in a select list is one (`INSERT ... SELECT ${id}, w.id`); a sort key's is
/// still a name (postgres.js's `ORDER BY ${sql(column)}`), a constant sorting nothing.
bool fragment_names_a_column(const SqlText& text, bool bound = false);

/// Whether `text` (SQL with holes), each run-time fragment in code read as a name, parses as
/// statements none of which is a query: DDL or a utility command whose names are given at run
/// time (`CREATE SCHEMA ${tenant}`, `DROP INDEX ${schema}.${index}`, `SAVEPOINT sp_${n}`, `SET
/// statement_timeout = ${ms}`). Written out in full such statements are not judged either (they
/// require nothing of the schema), so they are no query left unchecked. A fragment that holds a
/// query cannot stand where a name does, so such text never reads this way
/// (`EXPLAIN ${query}`, `CREATE VIEW v AS ${query}`).
bool reads_as_utility(const SqlText& text);

/// Reads `text` (SQL with holes) around its fragments against `schema`. False when no reading
/// parses, or when there are too many to read them all (*why_not says which).
/// `database_call`: false for SQL-looking text that no database call runs: it may be a piece of
/// a bigger statement (or a parser's test input), so a relation it names that no migration creates
/// is unchecked, not missing.
bool read_around_fragments(const SqlText& text, const schema::Schema& schema,
                           const std::vector<std::string>& search_path, PartialReading* out, std::string* why_not,
                           bool database_call = true);

/// SQL-looking text with run-time parts that no database call runs is often a piece of a bigger
/// statement or a SQL parser's input (`fmt.Sprintf("select * from table1 %s", where)`): its
/// missing relations become unchecked. Columns of relations that exist are still judged.
void leave_missing_relations_unchecked(Resolution* resolution);
/// A fragment inside a query builder chain that defines CTEs (`.with('ancestors', ...)`): a
/// relation of one of those names is the chain's CTE; it and its columns are unchecked.
void leave_outer_ctes_unchecked(Resolution* resolution, const std::vector<std::string>& names);
/// A fragment a query builder chain holds as an expression (`.where(sql\`pages.id = ANY(${ids})\`)`)
/// read as `SELECT <text> FROM <the chain's relations>`: its references that are in the fragment
/// (not the stand-in around it), with the offsets of `norm`. False when it does not read as an
/// expression (`sql\`${col} desc\``). `names_as_written`: the chain sends a table name with upper
/// case letters as spelled (no naming plugin); else such a relation's columns are not known.
struct ChainReading {
  NormalizedSql norm;
  Resolution resolution;
};
bool read_chain_expression(const SqlText& text, const ChainScope& scope, const schema::Schema& schema,
                           const std::vector<std::string>& search_path, bool names_as_written, ChainReading* out);

/// Whether a fragment fills a whole condition (`where ${cond}`, `and %s order by`): the text is
/// assembled from clauses at run time, not merely given values.
bool fragment_fills_condition(const SqlText& text);

}  // namespace schemagate::sql
