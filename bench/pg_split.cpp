// Times libpg_query's two statement splitters, its scanner and a whole-text parse on the files
// given (the measurement behind the comment at sql::split_statements in sql/pg_parse.cpp).
//   g++ -O2 -std=c++20 bench/pg_split.cpp -lpg_query -o /tmp/pg_split && /tmp/pg_split FILE...
#include <pg_query.h>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
int main(int argc, char** argv) {
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) { std::ifstream f(argv[i]); std::stringstream s; s << f.rdbuf(); texts.push_back(s.str()); }
  auto time = [&](const char* name, auto fn) {
    auto t0 = std::chrono::steady_clock::now(); long stmts = 0, failed = 0;
    for (int r = 0; r < 5; ++r) for (auto& t : texts) fn(t, &stmts, &failed);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 5;
    std::printf("%-22s %8.1f ms per round, %ld statements, %ld files failed\n", name, ms, stmts / 5, failed / 5);
  };
  time("split_with_scanner", [](const std::string& t, long* n, long* f) { auto r = pg_query_split_with_scanner(t.c_str()); if (r.error) ++*f; else *n += r.n_stmts; pg_query_free_split_result(r); });
  time("split_with_parser", [](const std::string& t, long* n, long* f) { auto r = pg_query_split_with_parser(t.c_str()); if (r.error) ++*f; else *n += r.n_stmts; pg_query_free_split_result(r); });
  time("scan", [](const std::string& t, long* n, long* f) { auto r = pg_query_scan(t.c_str()); if (r.error) ++*f; else ++*n; pg_query_free_scan_result(r); });
  time("parse_protobuf", [](const std::string& t, long* n, long* f) { auto r = pg_query_parse_protobuf(t.c_str()); if (r.error) ++*f; else ++*n; pg_query_free_protobuf_parse_result(r); });
}
