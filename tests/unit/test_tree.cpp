// The typed access layer over libpg_query's tree (sql/tree.h): kinds, typed bodies, lists,
// strings, locations, and the generic child walk in the order the resolver relies on.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/tree.h"

using namespace schemagate;
using sql::Node;

namespace {

std::vector<sql::ParsedStatement> parse_ok(const std::string& text) {
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError err;
  REQUIRE(sql::parse(text, &stmts, &err));
  return stmts;
}

}  // namespace

TEST_CASE("a parsed statement is a typed node that outlives the parse call") {
  auto stmts = parse_ok("SELECT a, t.b AS bee FROM s.t WHERE a = 'x'; DELETE FROM u");
  REQUIRE(stmts.size() == 2);
  CHECK(sql::is(stmts[0].node, SG_NODE(SELECT_STMT)));
  CHECK(sql::is(stmts[1].node, SG_NODE(DELETE_STMT)));
  CHECK(stmts[0].location == 0);
  CHECK(stmts[1].location == 44);  // just past the semicolon
  const PgQuery__SelectStmt* s = stmts[0].node->select_stmt;
  auto targets = SG_LIST(s, target_list);
  REQUIRE(targets.size() == 2);
  CHECK(sql::text(targets[1]->res_target->name) == "bee");
  auto from = SG_LIST(s, from_clause);
  REQUIRE(from.size() == 1);
  CHECK(sql::text(from[0]->range_var->schemaname) == "s");
  CHECK(from[0]->range_var->location == 26);  // a byte offset into the text
  const Node* col = targets[0]->res_target->val;
  CHECK(sql::is(col, SG_NODE(COLUMN_REF)));
  CHECK(sql::str(SG_LIST(col->column_ref, fields)[0]) == "a");
  CHECK(sql::location_or(col, -1) == 7);
  CHECK(sql::location_or(nullptr, -1) == -1);
}

TEST_CASE("absent fields read as empty: null bodies, lists, strings") {
  auto stmts = parse_ok("SELECT 1");
  const PgQuery__SelectStmt* s = stmts[0].node->select_stmt;
  CHECK(s->with_clause == nullptr);
  CHECK(SG_LIST(s, from_clause).empty());
  const PgQuery__WithClause* none = nullptr;
  CHECK(SG_LIST(none, ctes).empty());
  CHECK(sql::kind(nullptr) == PG_QUERY__NODE__NODE__NOT_SET);
  CHECK(sql::str(nullptr).empty());
  CHECK(sql::list_items(s->where_clause).empty());
  CHECK(sql::text(nullptr).empty());
}

TEST_CASE("children are visited in the order of their JSON field names") {
  // FuncCall's children by JSON name: agg_filter, agg_order, args, funcname, over.
  auto stmts = parse_ok("SELECT f(x ORDER BY y) FILTER (WHERE z) OVER w");
  const Node* call = SG_LIST(stmts[0].node->select_stmt, target_list)[0]->res_target->val;
  REQUIRE(sql::is(call, SG_NODE(FUNC_CALL)));
  std::vector<std::string> seen;
  sql::for_each_child(sql::body(call), nullptr, [&](const ProtobufCMessage* child) {
    if (child->descriptor != &pg_query__node__descriptor) {
      seen.push_back(child->descriptor->short_name);
      return;
    }
    const Node* n = reinterpret_cast<const Node*>(child);
    if (sql::is(n, SG_NODE(COLUMN_REF))) seen.push_back(sql::str(SG_LIST(n->column_ref, fields)[0]));
    else if (sql::is(n, SG_NODE(SORT_BY))) seen.push_back("sort");
    else if (sql::is(n, SG_NODE(STRING))) seen.push_back("name:" + sql::str(n));
  });
  CHECK(seen == std::vector<std::string>{"z", "sort", "x", "name:f", "WindowDef"});
  // `skip` leaves one field out by its JSON name.
  auto cast = parse_ok("SELECT x::int");
  const Node* tc = SG_LIST(cast[0].node->select_stmt, target_list)[0]->res_target->val;
  int children = 0;
  sql::for_each_child(sql::body(tc), "typeName", [&](const ProtobufCMessage*) { ++children; });
  CHECK(children == 1);
}

TEST_CASE("a syntax error is a value with a byte offset, and nothing is appended") {
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError err;
  CHECK_FALSE(sql::parse("SELECT é FROM", &stmts, &err));
  CHECK(stmts.empty());
  CHECK(err.message.find("syntax error") != std::string::npos);
  CHECK(err.offset == 14);  // past the two-byte character: bytes, not characters
}

// Each distinct text is parsed once per process: the second parse of a text hands out the same
// tree (and the same statements in it), a syntax error the same message and offset, and a
// different text its own tree.
TEST_CASE("the same text parses to the same shared tree; an error is given again alike") {
  auto first = parse_ok("SELECT id FROM parse_cache_probe WHERE id = 1; UPDATE parse_cache_probe SET id = 2");
  auto again = parse_ok("SELECT id FROM parse_cache_probe WHERE id = 1; UPDATE parse_cache_probe SET id = 2");
  REQUIRE(first.size() == 2);
  REQUIRE(again.size() == 2);
  CHECK(first[0].tree.get() == again[0].tree.get());
  CHECK(first[1].node == again[1].node);
  CHECK(again[1].location == first[1].location);
  CHECK(again[1].length == first[1].length);
  auto other = parse_ok("SELECT id FROM parse_cache_probe WHERE id = 3");
  CHECK(other[0].tree.get() != first[0].tree.get());

  for (int round = 0; round < 2; ++round) {
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError err;
    CHECK_FALSE(sql::parse("SELECT FROM WHERE parse_cache_probe", &stmts, &err));
    CHECK(stmts.empty());
    CHECK(err.message == "syntax error at or near \"WHERE\"");  // SELECT FROM is a query
    CHECK(err.offset == 12);
  }
}
