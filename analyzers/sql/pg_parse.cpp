#include "analyzers/sql/pg_parse.h"

#include <pg_query.h>

#include <algorithm>

namespace schemagate::sql {
namespace {

/// Frees a libpg_query parse result on every path out of parse().
struct ParseResultOwner {
  PgQueryParseResult result;
  ~ParseResultOwner() { pg_query_free_parse_result(result); }
};

struct SplitResultOwner {
  PgQuerySplitResult result;
  ~SplitResultOwner() { pg_query_free_split_result(result); }
};

}  // namespace

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
  ParseResultOwner owner{pg_query_parse(sql.c_str())};
  if (owner.result.error) {
    error->message = owner.result.error->message ? owner.result.error->message : "syntax error";
    error->offset = char_pos_to_byte(sql, owner.result.error->cursorpos);
    return false;
  }
  auto tree = nlohmann::json::parse(owner.result.parse_tree, nullptr, false);
  if (tree.is_discarded()) {
    error->message = "libpg_query returned a parse tree that is not JSON";
    error->offset = 0;
    return false;
  }
  if (auto stmts = tree.find("stmts"); stmts != tree.end()) {
    for (auto& s : *stmts) {
      ParsedStatement ps;
      ps.node = std::move(s["stmt"]);
      ps.location = s.value("stmt_location", 0);
      ps.length = s.value("stmt_len", 0);
      out->push_back(std::move(ps));
    }
  }
  return true;
}

}  // namespace schemagate::sql
