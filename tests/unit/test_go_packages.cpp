// The Go package index (languages/go_packages.h): what a file's text tells other files about
// its package, read by lines as gofmt lays them out.
#include <doctest/doctest.h>

#include <algorithm>

#include "analyzers/languages/go_packages.h"

using namespace schemagate;

namespace {

bool has(const languages::FactList& facts, const std::string& key, const std::string& value) {
  return std::find(facts.begin(), facts.end(), std::make_pair(key, value)) != facts.end();
}
bool has_key(const languages::FactList& facts, const std::string& key) {
  return std::any_of(facts.begin(), facts.end(), [&](const auto& f) { return f.first == key; });
}

}  // namespace

TEST_CASE("go package index: functions, statement fields, interfaces and method results") {
  languages::FactList f;
  languages::go_file_facts("common/archiver",
                           "package archiver\n"
                           "\n"
                           "func Get[T any](r *Registry, key Key[T]) (T, bool) {\n"
                           "\treturn zero, false\n"
                           "}\n"
                           "func Switch(q string, v int) string {\n"
                           "\treturn q\n"
                           "}\n"
                           "func (p *provider) GetArchiver(scheme string) (a Archiver, err error) {\n"
                           "\treturn nil, nil\n"
                           "}\n"
                           "type Queries struct {\n"
                           "\tGetUser   *sqlx.Stmt `query:\"get-user\"`\n"
                           "\tQueryAll  string     `query:\"query-all\"`\n"
                           "\tinner struct {\n"
                           "\t\tDeep *sql.Stmt\n"
                           "\t}\n"
                           "\tprov provider.Provider\n"
                           "}\n"
                           "type (\n"
                           "\tArchiver interface {\n"
                           "\t\t// Query reads records back.\n"
                           "\t\tQuery(ctx context.Context, uri URI, req *Request) (*Response, error)\n"
                           "\t\tRun(ctx context.Context, sql string) error\n"
                           "\t}\n"
                           "\tDBTX interface {\n"
                           "\t\tQuerier\n"
                           "\t}\n"
                           ")\n",
                           &f);
  CHECK(has(f, "go:package-name:common/archiver", "archiver"));
  CHECK(has(f, "go:func:common/archiver:Get", "1"));
  CHECK(has(f, "go:func:common/archiver:Switch", "s1"));
  CHECK(has(f, "go:method:provider.GetArchiver", "text"));
  CHECK(has(f, "go:result:provider.GetArchiver", "Archiver"));  // a named result
  CHECK(has(f, "go:field:GetUser", "stmt get-user"));
  CHECK(has(f, "go:field:QueryAll", "text query-all"));
  CHECK(!has_key(f, "go:field:Deep"));  // a nested struct's field is no field of Queries
  CHECK(has(f, "go:fieldtype:prov", "Provider"));
  CHECK(has(f, "go:type:Archiver", "interface"));
  CHECK(has(f, "go:method:Archiver.Query", "plain"));
  CHECK(has(f, "go:result:Archiver.Query", "Response"));
  CHECK(has(f, "go:method:Archiver.Run", "text"));
  CHECK(!has_key(f, "go:embeds:Archiver"));
  CHECK(has(f, "go:embeds:DBTX", "1"));
}

TEST_CASE("go package index: module paths and named queries") {
  CHECK(languages::go_module_path("// x\nmodule go.temporal.io/server // the server\n\ngo 1.22\n") ==
        "go.temporal.io/server");
  CHECK(languages::go_module_path("go 1.22\n").empty());
  languages::FactList f;
  languages::named_query_facts("queries/users.sql", "-- name: get-user\nSELECT 1;\n\n-- name: del-user\nDELETE FROM u;\n", &f);
  CHECK(has(f, "sql:query:get-user", "queries/users.sql"));
  CHECK(has(f, "sql:query:del-user", "queries/users.sql"));
}
