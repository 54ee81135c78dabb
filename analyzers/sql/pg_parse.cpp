#include "analyzers/sql/pg_parse.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>

namespace schemagate::sql {

/// The protobuf result of pg_query_parse_protobuf and the message unpacked from it: one owner,
/// both freed on every path.
class ParseTree {
 public:
  explicit ParseTree(const std::string& sql) : result_(pg_query_parse_protobuf(sql.c_str())) {
    if (!result_.error)
      message_ = pg_query__parse_result__unpack(nullptr, result_.parse_tree.len,
                                                reinterpret_cast<const uint8_t*>(result_.parse_tree.data));
  }
  ~ParseTree() {
    if (message_) pg_query__parse_result__free_unpacked(message_, nullptr);
    pg_query_free_protobuf_parse_result(result_);
  }
  ParseTree(const ParseTree&) = delete;
  ParseTree& operator=(const ParseTree&) = delete;
  const PgQueryError* error() const { return result_.error; }
  const PgQuery__ParseResult* message() const { return message_; }

 private:
  PgQueryProtobufParseResult result_;
  PgQuery__ParseResult* message_ = nullptr;
};

namespace {

struct SplitResultOwner {
  PgQuerySplitResult result;
  ~SplitResultOwner() { pg_query_free_split_result(result); }
};

}  // namespace

// Statements are split with libpg_query's scanner (pg_query_split_with_scanner), not its parser
// (pg_query_split_with_parser), and each is then parsed alone (schema/ddl.cpp). Measured with
// bench/pg_split.cpp (libpg_query 15-4.0.0, a loaded 2-core machine, 3 runs each):
//   hatchet's 224 migration files: the parser takes 0.5-0.8x the scanner's time, but it fails
//     whole on the one file that does not parse, which the scanner must then split anyway;
//   a 2.4 MB schema dump (36000 statements): the parser takes 1.3-1.8x the scanner's time and
//     56 MB instead of 20 MB: it builds the whole file's raw tree, which the statement-by-statement
//     replay exists to avoid.
// .sql query files (languages/sql_file.cpp) fit neither: they hold query-tool text that is not
// PostgreSQL (sqlc macros, :name parameters, psql meta-commands, "-- name:" headers that end a
// query without `;`), on which the parser fails and the scanner splits in the wrong place.
// pg_query_scan (every token) is no faster than a split and also stops at such text, so skipping
// comments and literals stays with sql/scan.h.
bool split_statements(const std::string& sql, std::vector<StatementSpan>* out) {
  out->clear();
  SplitResultOwner owner{pg_query_split_with_scanner(sql.c_str())};
  if (owner.result.error) return false;
  for (int i = 0; i < owner.result.n_stmts; ++i) {
    const PgQuerySplitStmt* s = owner.result.stmts[i];
    if (s->stmt_location < 0 || s->stmt_len < 0) return false;
    size_t at = static_cast<size_t>(s->stmt_location);
    // Length 0 is "to the end of the input" for the last statement, an empty one elsewhere.
    if (s->stmt_len == 0 && i + 1 < owner.result.n_stmts) continue;
    size_t len = s->stmt_len == 0 ? sql.size() - std::min(at, sql.size()) : static_cast<size_t>(s->stmt_len);
    if (at > sql.size() || len > sql.size() - at) return false;
    out->push_back({at, len});
  }
  return true;
}

size_t char_pos_to_byte(std::string_view text, int cursorpos) {
  if (cursorpos <= 1) return 0;
  int chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (++chars == cursorpos) return i;
    }
  }
  return text.size();
}

bool parse(const std::string& sql, std::vector<ParsedStatement>* out, ParseError* error) {
  auto tree = std::make_shared<const ParseTree>(sql);
  if (tree->error()) {
    error->message = tree->error()->message ? tree->error()->message : "syntax error";
    error->offset = char_pos_to_byte(sql, tree->error()->cursorpos);
    return false;
  }
  if (!tree->message()) {
    error->message = "libpg_query returned a parse tree that protobuf-c cannot read";
    error->offset = 0;
    return false;
  }
  for (size_t i = 0; i < tree->message()->n_stmts; ++i) {
    const PgQuery__RawStmt* raw = tree->message()->stmts[i];
    ParsedStatement ps;
    ps.node = raw->stmt;
    ps.tree = tree;
    ps.location = static_cast<size_t>(std::max(0, raw->stmt_location));
    ps.length = static_cast<size_t>(std::max(0, raw->stmt_len));
    out->push_back(std::move(ps));
  }
  return true;
}

}  // namespace schemagate::sql
