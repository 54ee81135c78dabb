// connect-pg-simple (the PostgreSQL store of express-session) creates its session table when the
// application starts if the store is configured `createTableIfMissing: true`. No migration of the
// project need create it, so an entity or query over that table (Flowise's `login_sessions`,
// read through a TypeORM entity to end a user's sessions) is unchecked, never missing.
//
// Read: in a file that names `connect-pg-simple`, each `new Store({ ..., createTableIfMissing:
// true })` whose options spell the table: `tableName` (default "session") and `schemaName`
// (default: the search path's first schema), as literals. Options spread or computed are not
// read, and the uses stay as they are.
#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

bool relevant_connect_pg_simple(std::string_view text) { return text.find("connect-pg-simple") != std::string_view::npos; }

void extract_connect_pg_simple(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "new_expression")) return;
    std::vector<TSNode> args = arguments(n);
    if (args.size() != 1 || !is(unwrap(args[0]), "object")) return;
    std::vector<Key> keys;
    if (!object_keys(args[0], src, &keys)) return;
    bool creates = false, spelled = true;
    std::string table = "session", schema = in.default_schema;
    for (const Key& k : keys) {
      if (k.name == "createTableIfMissing") creates = text(unwrap(k.value), src) == "true";
      if (k.name != "tableName" && k.name != "schemaName") continue;
      auto l = literal(k.value, src);
      if (!l) spelled = false;
      else (k.name == "tableName" ? table : schema) = l->value;
    }
    if (!creates || !spelled) return;
    out->created_at_run_time.push_back(
        {schema, table, ts_node_start_byte(n), "created at run time by connect-pg-simple (createTableIfMissing: true) at"});
  });
}

}  // namespace

extern const DataLayer kConnectPgSimple{.name = "connect-pg-simple",
                                        .languages = {"typescript", "javascript"},
                                        .relevant = relevant_connect_pg_simple,
                                        .extract = extract_connect_pg_simple,
                                        .relevant_words = {"connect-pg-simple"}};

}  // namespace schemagate::datalayers
