// PostgreSQL's own parser (libpg_query, PostgreSQL 15) behind an owner type. The parse tree is
// libpg_query's protobuf output unpacked by protobuf-c and read through sql/tree.h (node kinds
// as an enum, typed bodies); no JSON is printed or parsed on the way. libpg_query is
// thread-safe, so sites are parsed on the scanning threads. Positions: node `location` fields
// are byte offsets into the input; the error's cursorpos is 1-based in characters and is
// converted to a byte offset here, once.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/sql/tree.h"

namespace schemagate::sql {

struct ParseError {
  std::string message;  ///< libpg_query's message, e.g. "syntax error at or near \"FROM\""
  size_t offset = 0;    ///< byte offset into the input where the error was found
};

/// Owns one parse: the tree unpacked from libpg_query's protobuf output.
class ParseTree;

struct ParsedStatement {
  const Node* node = nullptr;            ///< the statement's node (kind SELECT_STMT etc.), owned by `tree`
  std::shared_ptr<const ParseTree> tree;  ///< keeps `node` alive
  size_t location = 0;  ///< byte offset of the statement in the input
  size_t length = 0;    ///< 0 = to the end of the input
};

/// Parses `sql`; returns false and fills *error on a syntax error. Each distinct text is parsed
/// once per process (a bounded cache, safe across threads): the statements of two calls with
/// the same text share one tree. With a parse store in use (sql/parse_store.h), a text parsed
/// in an earlier run is read from it instead of parsed, and a new one is added to it.
bool parse(const std::string& sql, std::vector<ParsedStatement>* out, ParseError* error);

/// A statement's byte span in its input: [location, location + length).
struct StatementSpan {
  size_t location = 0;
  size_t length = 0;
};

/// Splits `sql` into statements with PostgreSQL's scanner only (no parse tree, memory linear in
/// the input): quotes, dollar quotes and comments are honoured. A migration is then parsed one
/// statement at a time, so a 200 MB dump never becomes one tree. The scanner does not know
/// BEGIN ATOMIC bodies: a span that does not parse alone must be parsed with what follows.
/// False when the scanner fails.
bool split_statements(const std::string& sql, std::vector<StatementSpan>* out);

/// Byte offset of the first 1-based character position `cursorpos` in UTF-8 `text`.
size_t char_pos_to_byte(std::string_view text, int cursorpos);

}  // namespace schemagate::sql
