// gormigrate (github.com/go-gormigrate/gormigrate): a Go package lists its migrations in a
//   []*gormigrate.Migration{{ID: "202401_users", Migrate: func(tx *gorm.DB) error { return tx.Exec(`...`).Error }}, ...}
// literal, passed to gormigrate.New or kept in a variable; an element is written inline, as
// &gormigrate.Migration{...}, or as a package-level variable of any file of the package.
// gormigrate runs them in list order and records each ID in migrations(id). Each element is one
// MigrationFile, read by code/go_code.h (the statements its Migrate function Execs, in order),
// ordered by the list (each depends on the one before it).
//
// Only SQL is modelled. A Migrate that calls AutoMigrate or the Migrator on the handle creates
// and alters tables by GORM's naming of its models, which no string shows, and one that hands
// the handle to a function of another file runs what that file says: rather than guess which
// tables exist, the set is not loaded and the error names the migration (exit 2, as for any
// migrations schemagate cannot read).
#include <deque>
#include <memory>
#include <set>

#include "analyzers/languages/string_eval.h"
#include "analyzers/schema/migrations/code/go_code.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/tracking_layout.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

using languages::field;
using languages::node_is;

constexpr std::string_view kListType = "[]*gormigrate.Migration";

bool may_hold_list(std::string_view text) { return text.find(kListType) != std::string_view::npos; }

/// The parsed files of the package, kept with their texts.
struct Package {
  std::deque<std::string> texts;
  std::deque<std::string> paths;
  std::vector<std::unique_ptr<GoMigrationCode>> files;
};

/// The first []*gormigrate.Migration{...} literal of the file, or a null node.
TSNode list_literal(const GoMigrationCode& go) {
  std::vector<TSNode> stack{go.root()};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "composite_literal") && go.node_text(field(n, "type")) == kListType) return n;
    for (uint32_t i = ts_node_named_child_count(n); i-- > 0;) stack.push_back(ts_node_named_child(n, i));
  }
  return TSNode{};
}

/// `name = &gormigrate.Migration{...}` at the top level of a file of the package: the literal.
TSNode package_variable(const Package& pkg, std::string_view name, const GoMigrationCode** in) {
  for (const auto& go : pkg.files) {
    if (!go->ok()) continue;
    TSNode root = go->root();
    for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
      TSNode decl = ts_node_named_child(root, i);
      if (!node_is(decl, "var_declaration")) continue;
      std::vector<TSNode> specs;
      for (uint32_t j = 0; j < ts_node_named_child_count(decl); ++j) {
        TSNode c = ts_node_named_child(decl, j);
        if (node_is(c, "var_spec")) specs.push_back(c);
        if (node_is(c, "var_spec_list"))
          for (uint32_t k = 0; k < ts_node_named_child_count(c); ++k) specs.push_back(ts_node_named_child(c, k));
      }
      for (TSNode spec : specs) {
        if (!node_is(spec, "var_spec") || go->node_text(field(spec, "name")) != name) continue;
        TSNode values = field(spec, "value");
        if (ts_node_is_null(values) || ts_node_named_child_count(values) != 1) return TSNode{};
        *in = go.get();
        return ts_node_named_child(values, 0);
      }
    }
  }
  return TSNode{};
}

/// {ID: "...", Migrate: fn}: the ID literal's text and the Migrate value.
bool element_fields(const GoMigrationCode& go, TSNode lit, std::string* id, TSNode* migrate) {
  while (node_is(lit, "unary_expression")) lit = field(lit, "operand");
  if (node_is(lit, "literal_value")) {  // an element of the list whose type is left out
  } else if (node_is(lit, "composite_literal")) {
    lit = field(lit, "body");
  } else {
    return false;
  }
  for (uint32_t i = 0; i < ts_node_named_child_count(lit); ++i) {
    TSNode kv = ts_node_named_child(lit, i);
    if (!node_is(kv, "keyed_element") || ts_node_named_child_count(kv) != 2) continue;
    TSNode k = ts_node_named_child(kv, 0), v = ts_node_named_child(kv, 1);
    if (node_is(k, "literal_element")) k = languages::first_named_child(k);
    if (node_is(v, "literal_element")) v = languages::first_named_child(v);
    std::string_view key = go.node_text(k);
    if (key == "ID") {
      std::string_view t = go.node_text(v);
      if (!node_is(v, "interpreted_string_literal") && !node_is(v, "raw_string_literal")) return false;
      if (t.size() < 2 || t.find('\\') != std::string_view::npos) return false;
      *id = std::string(t.substr(1, t.size() - 2));
    } else if (key == "Migrate") {
      *migrate = v;
    }
  }
  return !id->empty() && !ts_node_is_null(*migrate);
}

/// A call on the handle that changes the schema by GORM's rules, not by SQL: AutoMigrate, the Migrator.
bool gorm_schema_call(const GoMigrationCode& go, TSNode fn, uint32_t* at) {
  std::vector<TSNode> stack{fn};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (node_is(n, "selector_expression")) {
      std::string_view f = go.node_text(field(n, "field"));
      if (f == "AutoMigrate" || f == "Migrator") {
        *at = ts_node_start_byte(n);
        return true;
      }
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  return false;
}

constexpr GoListTest kList{may_hold_list, [](const GoMigrationCode& go) { return !ts_node_is_null(list_literal(go)); }};

std::string list_file(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return go_list_file(fs, root, dir, kList);
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return !list_file(fs, root, dir).empty();
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) { return go_list_dirs(fs, root, kList); }

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  out->clear();
  std::string list = list_file(fs, root, dir);
  if (list.empty()) return true;
  languages::ProjectConstants constants = package_constants(fs, root, dir);
  Package pkg;
  const GoMigrationCode* list_go = nullptr;
  for (const std::string& f : go_files(fs, root, dir)) {
    pkg.paths.push_back(source::join_path(dir, f));
    pkg.texts.emplace_back();
    if (!read_migration_text(fs, root, pkg.paths.back(), &pkg.texts.back(), err)) return false;
    pkg.files.push_back(std::make_unique<GoMigrationCode>(pkg.paths.back(), pkg.texts.back(), &constants));
    if (f == list) list_go = pkg.files.back().get();
  }
  if (!list_go || !list_go->ok() || ts_node_has_error(list_go->root())) {
    *err = source::join_path(dir, list) + ": does not parse as Go (a syntax error in the migrations)";
    return false;
  }
  TSNode body = field(list_literal(*list_go), "body");
  std::string previous;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode e = ts_node_named_child(body, i);
    if (node_is(e, "comment")) continue;
    if (node_is(e, "literal_element")) e = languages::first_named_child(e);
    const GoMigrationCode* go = list_go;
    std::string where = list_go->node_text(e).size() > 60 ? "element " + std::to_string(i + 1)
                                                           : std::string(list_go->node_text(e));
    if (node_is(e, "identifier")) e = package_variable(pkg, list_go->node_text(e), &go);
    std::string id;
    TSNode migrate{};
    if (ts_node_is_null(e) || !element_fields(*go, e, &id, &migrate)) {
      *err = source::join_path(dir, list) + ": gormigrate migration " + where +
             " is not a {ID: \"...\", Migrate: ...} literal of the package: its steps cannot be read";
      return false;
    }
    TSNode fn = go->upgrade_function(migrate);
    uint32_t at = 0;
    if (ts_node_is_null(fn)) {
      *err = std::string(go == list_go ? source::join_path(dir, list) : "") + ": gormigrate migration " + id +
             ": its Migrate function is not in its file; the steps cannot be read";
      return false;
    }
    GoMigrationCode::Steps steps = go->steps(fn);
    if (gorm_schema_call(*go, fn, &at) || steps.opaque_helper) {
      std::string path;
      for (size_t k = 0; k < pkg.files.size(); ++k)
        if (pkg.files[k].get() == go) path = pkg.paths[k];
      *err = path + ": gormigrate migration " + id +
             (steps.opaque_helper ? " hands the database to " + steps.helpers.front() +
                                        ", defined elsewhere: the tables it creates cannot be known"
                                  : " calls AutoMigrate or the Migrator: the tables it creates follow GORM's naming "
                                    "of the models, not SQL schemagate can read");
      return false;
    }
    MigrationFile m;
    for (size_t k = 0; k < pkg.files.size(); ++k)
      if (pkg.files[k].get() == go) m.path = pkg.paths[k], m.text = pkg.texts[k];
    m.version = id;
    m.name = id;
    m.format = "gormigrate";
    if (!previous.empty()) m.depends_on.push_back(previous);
    previous = id;
    fill_from_steps(*go, std::move(steps), ts_node_start_byte(migrate),
                    [&](const std::vector<std::string>& names) { return package_words(fs, root, dir, names); }, &m.sql,
                    &m.origin, &m.notes, &m.uncertain_names);
    out->push_back(std::move(m));
  }
  return true;
}

// migrations(id): one row per migration applied, its ID.
std::string tracking_query(const std::string& from, const Relation&) { return "SELECT id::text FROM " + from; }
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows) {
    std::string id = text_or_null(row[0]);
    if (id != "NULL") push_applied(out, id, "", false, "id=" + id, /*covers=*/false);
  }
}
const TrackingLayout kTracking{"migrations", "", {"id"}, "gormigrate's (id)", tracking_query, 1, tracking_read,
                               /*text_versions=*/true};

}  // namespace

}  // namespace code

extern const Format kGormigrate{"gormigrate", code::detect, code::load, &code::kTracking, {}, code::discover};

}  // namespace schemagate::schema::migrations
