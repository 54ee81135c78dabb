// PostgreSQL's own parser (libpg_query, PostgreSQL 15) behind an owner type. The parse tree is
// read as JSON (nlohmann::json): the node names and fields are PostgreSQL's, e.g.
// {"SelectStmt": {"targetList": [...]}}. libpg_query is thread-safe, so sites are parsed on the
// scanning threads. Positions: node "location" fields are byte offsets into the input; the
// error's cursorpos is 1-based in characters and is converted to a byte offset here, once.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace schemagate::sql {

struct ParseError {
  std::string message;  ///< libpg_query's message, e.g. "syntax error at or near \"FROM\""
  size_t offset = 0;    ///< byte offset into the input where the error was found
};

struct ParsedStatement {
  nlohmann::json node;  ///< {"SelectStmt": {...}} etc.
  size_t location = 0;  ///< byte offset of the statement in the input
  size_t length = 0;    ///< 0 = to the end of the input
};

/// Parses `sql`; returns false and fills *error on a syntax error.
bool parse(const std::string& sql, std::vector<ParsedStatement>* out, ParseError* error);

/// A statement's byte span in its input: [location, location + length).
struct StatementSpan {
  size_t location = 0;
  size_t length = 0;
};

/// Splits `sql` into statements with PostgreSQL's scanner only (no parse tree, memory linear in
/// the input): quotes, dollar quotes and comments are honoured. A migration is then parsed one
/// statement at a time, so a 200 MB dump never becomes one JSON tree. The scanner does not know
/// BEGIN ATOMIC bodies: a span that does not parse alone must be parsed with what follows.
/// False when the scanner fails.
bool split_statements(const std::string& sql, std::vector<StatementSpan>* out);

/// The node's type name ("SelectStmt") and its body.
inline const std::string& node_type(const nlohmann::json& node) { return node.begin().key(); }
inline const nlohmann::json& node_body(const nlohmann::json& node) { return node.begin().value(); }

/// Byte offset of the first 1-based character position `cursorpos` in UTF-8 `text`.
size_t char_pos_to_byte(std::string_view text, int cursorpos);

}  // namespace schemagate::sql
