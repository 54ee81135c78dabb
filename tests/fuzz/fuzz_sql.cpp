// Fuzz target (libFuzzer): arbitrary bytes as application SQL (byte 0x01 is an interpolation
// hole) through placeholder normalisation, PostgreSQL's parser and reference resolution, and as a
// migration through the DDL simulator. Nothing may crash, hang or read out of bounds, and every
// reported offset must lie inside the statement. Build: cmake -DSCHEMAGATE_FUZZ=ON with clang.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "analyzers/schema/ddl.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/placeholders.h"
#include "analyzers/sql/resolve.h"

using namespace schemagate;

namespace {
const schema::Schema& base_schema() {
  static schema::Schema s = [] {
    schema::Schema sc;
    schema::MigrationError err;
    schema::apply_sql(sc, "m.sql",
                      "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, profile jsonb);"
                      "CREATE SCHEMA app; CREATE TABLE app.orders (id int, user_id bigint, total numeric);"
                      "CREATE VIEW v AS SELECT u.id, o.total FROM users u JOIN app.orders o ON o.user_id = u.id;",
                      {"public"}, nullptr, &err);
    return sc;
  }();
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  sql::SqlText text;
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == sql::kHole) text.append_hole(static_cast<uint32_t>(i));
    else text.append_verbatim(std::string_view(&input[i], 1), static_cast<uint32_t>(i));
  }
  sql::NormalizedSql norm = sql::normalize_placeholders(text);
  if (norm.sql.origin.size() != norm.sql.text.size()) std::abort();
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  if (sql::parse(norm.sql.text, &stmts, &perr)) {
    for (auto& s : stmts) {
      auto res = sql::resolve_statement(s.node, norm.sql.text, base_schema(), {"public", "app"});
      for (auto& r : res.refs)
        if (r.offset > norm.sql.text.size()) std::abort();
    }
  } else if (perr.offset > norm.sql.text.size()) {
    std::abort();
  }
  schema::Schema s = base_schema();
  schema::MigrationError merr;
  schema::apply_sql(s, "fuzz.sql", input, {"public"}, nullptr, &merr);
  return 0;
}
