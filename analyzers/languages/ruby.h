// Ruby string literals for readers other than the SQL extractor: Rails migrations
// (schema/migrations/code/rails.cpp) read strings and heredocs with the same rules as ruby.cpp.
// A heredoc's body is not inside the expression that starts it (tree-sitter puts `<<~SQL` where
// the expression is and the body after the line), so bodies are paired with their beginnings
// once per tree: the n-th beginning owns the n-th body.
#pragma once
#include <tree_sitter/api.h>

#include <string_view>
#include <vector>
#include <unordered_map>

#include "analyzers/sql/sql_text.h"

namespace schemagate::languages {

class RubyLiterals {
 public:
  RubyLiterals(TSNode root, std::string_view source);
  /// Appends the text of a "..."/'...'/%q() string, a heredoc (its body) or adjacent strings;
  /// escapes decoded, interpolations as holes. False (nothing appended) for any other node.
  bool append(TSNode node, sql::SqlText* out) const;

 private:
  std::string_view source_;
  std::unordered_map<uint32_t, TSNode> body_of_;  ///< heredoc_beginning start -> its body
};

/// Whether some `.execute(` of `text`, a Ruby file, may run SQL as the extractor reads such a call
/// (RubySyntax::call): on a receiver that reads as a connection (`conn.execute(sql)`,
/// `ActiveRecord::Base.connection.execute(...)`), or with its SQL written out (a string, heredoc
/// or %-literal first: `other_worker.execute(<<~SQL)`), or where the text alone cannot tell (no
/// plain name before the dot: a call's result, `&.`, a line break). `runner.execute(action)` is
/// the receiver's own method: a file whose only query-running call it is need not be parsed for
/// one (pipeline::runs_named_query).
bool ruby_execute_may_query(std::string_view text);

/// Whether `text`, a Ruby file, may call the database by one of `calls` (Language::
/// database_calls) as the extractor reads calls (RubySyntax::call): any of the names that only a
/// database library defines (`execute`, `select_all`, `find_by_sql`, ...) as a word, or one that
/// other libraries define too (`exec`, `fetch`, `run`, `prepare`, `x[...]`) on a receiver whose
/// last name reads as a connection (`DB.fetch`, `@conn.exec`, `db[:users]`). Words in comments
/// and strings count too: a file it says no to has no database call.
bool ruby_may_call_database(std::string_view text, const std::vector<std::string_view>& calls);

}  // namespace schemagate::languages
