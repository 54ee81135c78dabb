// calls_clickhouse_function (pipeline/extract.cpp) reads each `(` once; the reference below is
// the search of the text for each name it replaced, and both must answer alike on any text.
#include <doctest/doctest.h>

#include <cctype>
#include <random>
#include <string>
#include <string_view>

#include "analyzers/pipeline/file_scanner.h"

using schemagate::pipeline::calls_clickhouse_function;

namespace {

constexpr std::string_view kNames[] = {
    "toDateTime", "toDate", "toStartOfInterval", "toStartOfDay", "toStartOfHour", "toStartOfMonth",
    "toStartOfWeek", "toUnixTimestamp", "formatDateTime", "argMax", "argMin", "uniqExact", "countIf",
    "sumIf", "avgIf", "groupArray", "toUInt32", "toUInt64", "toInt64", "toFloat64", "toString",
    "currentDatabase", "anyIf", "anyLast", "uniqIf", "minIf", "maxIf", "groupUniqArray", "now64"};

bool reference(std::string_view sql) {
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::string_view name : kNames) {
    for (size_t at = sql.find(name); at != std::string_view::npos; at = sql.find(name, at + 1)) {
      if (at > 0 && (word_char(sql[at - 1]) || sql[at - 1] == '.')) continue;
      size_t k = at + name.size();
      while (k < sql.size() && (sql[k] == ' ' || sql[k] == '\t')) ++k;
      if (k < sql.size() && sql[k] == '(') return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("clickhouse calls: a name called, not a method, not part of a longer word") {
  CHECK(calls_clickhouse_function("SELECT toDate(ts) FROM events"));
  CHECK(calls_clickhouse_function("SELECT countIf \t (x > 1) FROM t"));
  CHECK(calls_clickhouse_function("toDateTime(now())"));
  CHECK_FALSE(calls_clickhouse_function("SELECT x.toDate(ts) FROM t"));
  CHECK_FALSE(calls_clickhouse_function("SELECT my_toDate(ts) FROM t"));
  CHECK_FALSE(calls_clickhouse_function("SELECT toDateTime64(ts) FROM t"));
  CHECK_FALSE(calls_clickhouse_function("SELECT todate(ts), toDate FROM t"));
  CHECK_FALSE(calls_clickhouse_function("SELECT (a) FROM t"));
  CHECK_FALSE(calls_clickhouse_function(""));
}

TEST_CASE("clickhouse calls: the same answer as a search for each name, on random texts") {
  std::mt19937 rng(17);
  const std::string pieces[] = {"toDate", "toDateTime", "now64", "argMax", "countIf", "(", " ", "\t", ".", "_",
                                "x", "9", "SELECT ", "\n", ")", "toUInt32", "Date", "to", "\xc3\xa9", ","};
  size_t yes = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    bool want = reference(text);
    yes += want;
    REQUIRE_MESSAGE(calls_clickhouse_function(text) == want, text);
  }
  CHECK(yes > 500);
}
