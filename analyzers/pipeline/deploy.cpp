#include "analyzers/pipeline/deploy.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "analyzers/schema/migrations/code/rails.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/source/git_file_system.h"
#include "analyzers/report/locator.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/scan.h"

namespace schemagate::pipeline {
namespace {

void fill_context(const std::vector<schema::migrations::MigrationFile>& pending, const std::string& label,
                  checks::DeployContext* ctx) {
  ctx->label = label;
  for (auto& m : pending) {
    ctx->pending_files.insert(m.path);
    ctx->migration_text[m.path] = m.origin.empty() ? m.sql : m.text;  // the file as written
  }
}

std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  while (!out.empty() && out.back() == ';') out.pop_back();
  return out;
}

/// Where the statement's first token is, from `at`.
size_t first_token(const std::string& sql, size_t at) { return sql::skip_blanks_and_comments(sql, at); }

/// Why a statement is destructive ("" when it only adds).
std::string destructive_reason(const sql::Node* stmt) {
  switch (sql::kind(stmt)) {
    case SG_NODE(DROP_STMT):
      switch (stmt->drop_stmt->remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return "drops what running code may use";
        default: return "";
      }
    case SG_NODE(RENAME_STMT):
      return "renames what running code may use; a rename cannot be split: add the new name, write both, backfill, "
             "switch reads, then drop the old name in a later release";
    case SG_NODE(ALTER_OBJECT_SCHEMA_STMT): return "moves a relation to another schema";
    case SG_NODE(ALTER_TABLE_STMT): break;
    default: return "";
  }
  for (const sql::Node* c : SG_LIST(stmt->alter_table_stmt, cmds)) {
    if (!sql::is(c, SG_NODE(ALTER_TABLE_CMD))) continue;
    const PgQuery__AlterTableCmd* cmd = c->alter_table_cmd;
    switch (cmd->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: return "drops a column";
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: return "changes a column's type";
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: return "makes a column NOT NULL";
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
        const PgQuery__ColumnDef* def = sql::is(cmd->def, SG_NODE(COLUMN_DEF)) ? cmd->def->column_def : nullptr;
        bool not_null = false, has_default = false;
        for (const sql::Node* con : SG_LIST(def, constraints)) {
          if (!sql::is(con, SG_NODE(CONSTRAINT))) continue;
          PgQuery__ConstrType ct = con->constraint->contype;
          if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL || ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) not_null = true;
          if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT || ct == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY ||
              ct == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)
            has_default = true;
        }
        if (not_null && !has_default) return "adds a NOT NULL column without a default";
        break;
      }
      default: break;
    }
  }
  return "";
}

}  // namespace

bool open_running_code(const std::string& project_root, const std::string& ref, const std::string& path,
                       RunningCode* out, std::string* err) {
  if (!ref.empty()) {
    auto g = source::GitRevisionFileSystem::open(project_root, ref, err);
    if (!g) return false;
    out->root = g->prefix().empty() ? "." : g->prefix();
    out->label = ref + " at " + g->commit();
    out->fs = std::move(g);
    return true;
  }
  auto real = std::make_unique<source::RealFileSystem>(path);
  if (!real->is_dir(path)) {
    *err = "--deployed-path \"" + path + "\" is not a directory";
    return false;
  }
  out->root = path;
  out->label = path;
  out->fs = std::move(real);
  return true;
}

bool deploy_targets_offline(const RunningCode& running, const Options& options, const SchemaBuild& build,
                            DeployTargets* out, std::string* err) {
  if (!build.services.empty()) {
    *err = one_database_per_service(build.services, "the running code (--deployed-ref / --deployed-path)");
    return false;
  }
  Options at_ref = options;
  at_ref.root = running.root;
  SchemaBuild deployed;
  std::string e;
  if (!build_schema(*running.fs, at_ref, &deployed, &e)) {
    *err = "the running code (" + running.label + "): " + e;
    return false;
  }
  std::set<std::string> deployed_paths;
  for (auto& m : deployed.migrations) deployed_paths.insert(m.path);
  out->current = deployed.schema;
  out->eventual = deployed.schema;
  // A pending migration applied to the running code's schema; `rails_text`: its SQL is made
  // from its Ruby text first (a Rails migration this tree's db/schema.rb stands for).
  auto apply_pending = [&](schema::migrations::MigrationFile m, bool rails_text) {
    std::string why;
    if (rails_text && !schema::migrations::rails_migration_sql(m.text, &m.sql, &m.origin, &why)) {
      *err = m.path + ": " + why;
      return false;
    }
    schema::MigrationError merr;
    if (!schema::apply_migration(out->eventual, m, options.search_path, nullptr, &merr)) {
      *err = error_place(m, merr) + ": migration does not parse: " + merr.message;
      return false;
    }
    out->pending.push_back(std::move(m));
    return true;
  };
  for (const auto& file : build.migrations) {
    if (deployed_paths.count(file.path)) continue;
    schema::migrations::MigrationFile m = file;
    // A Rails migration that this tree's db/schema.rb already holds has no SQL of its own here;
    // the running code's schema.rb does not hold it, so against that schema it is a step to run
    // (otherwise the drop it makes would be invisible to the deploy checks).
    bool rails_text = m.sql.empty() && m.format == "rails" && !m.text.empty();
    if (!apply_pending(std::move(m), rails_text)) return false;
  }
  // The migration at exactly the version of this tree's db/schema.rb is listed as that baseline
  // (Rails' own layout: a new migration and the schema.rb it regenerates come together). When
  // the running code's schema.rb is older, that migration is pending too.
  source::RealFileSystem tree(options.root);
  for (const auto& base : build.migrations) {
    if (base.format != "rails" || base.name != "schema" || !base.path.ends_with("schema.rb")) continue;
    bool same = false;
    for (auto& m : deployed.migrations) same = same || (m.path == base.path && m.version == base.version);
    if (same) continue;
    std::string dir = base.path.size() > 9 ? base.path.substr(0, base.path.size() - 9) + "migrate" : "migrate";
    for (const source::DirEntry& e : tree.list(schema::migrations::on_disk(options.root, dir))) {
      if (e.is_dir || !e.name.starts_with(base.version + "_") || !e.name.ends_with(".rb")) continue;
      schema::migrations::MigrationFile m;
      m.path = dir + "/" + e.name;
      if (deployed_paths.count(m.path)) continue;
      m.version = base.version;
      m.name = e.name.substr(base.version.size() + 1, e.name.size() - base.version.size() - 4);
      m.format = "rails";
      if (!schema::migrations::read_migration_text(tree, options.root, m.path, &m.text, err)) return false;
      if (!apply_pending(std::move(m), true)) return false;
    }
  }
  fill_context(out->pending, running.label, &out->context);
  return true;
}

void deploy_targets_live(const LiveState& live, const SchemaBuild& build, const std::string& label, DeployTargets* out) {
  out->current = live.snapshot.schema;
  out->eventual = live.eventual;
  for (size_t i = 0; i < build.migrations.size() && i < live.states.size(); ++i)
    if (live.states[i].status == schema::catalog::MigrationStatus::Pending) out->pending.push_back(build.migrations[i]);
  fill_context(out->pending, label, &out->context);
}

bool scan_running_code(const RunningCode& running, const Options& options, const SchemaBuild& build,
                       const DeployTargets& targets, CodeScan* out, std::string* err) {
  Options opt = options;
  opt.root = running.root;
  Targets t{&targets.current, &targets.eventual, &targets.context};
  // Findings point into the pending migrations as they were applied: a Rails migration that
  // this tree's schema.rb holds has its own SQL only here (deploy_targets_offline).
  bool regenerated = false;
  for (auto& m : targets.pending) {
    bool listed_as_applied = false;
    for (auto& b : build.migrations) listed_as_applied = listed_as_applied || (b.path == m.path && b.sql == m.sql);
    regenerated = regenerated || !listed_as_applied;
  }
  if (!regenerated) return scan_code(*running.fs, opt, build, t, out, err);
  SchemaBuild located = build;
  for (auto& m : targets.pending) {
    auto same = std::find_if(located.migrations.begin(), located.migrations.end(),
                             [&](const schema::migrations::MigrationFile& b) { return b.path == m.path; });
    if (same != located.migrations.end()) *same = m;
    else located.migrations.push_back(m);
  }
  return scan_code(*running.fs, opt, located, t, out, err);
}

bool pending_statements(const std::vector<schema::migrations::MigrationFile>& pending, std::vector<PendingStatement>* out,
                        std::string* err) {
  for (auto& m : pending) {
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError perr;
    report::Locator places;
    places.add(m.path, m.sql);
    if (!sql::parse(m.sql, &stmts, &perr)) {
      *err = places.place_column(m.path, static_cast<uint32_t>(perr.offset)) + ": migration does not parse: " + perr.message;
      return false;
    }
    for (auto& s : stmts) {
      size_t start = first_token(m.sql, s.location);
      size_t end = s.length ? s.location + s.length : m.sql.size();
      if (start >= end) continue;
      PendingStatement ps;
      ps.file = m.path;
      ps.line = places.position(m.path, static_cast<uint32_t>(start)).line;  // `plan` prints lines
      ps.sql = collapse(std::string_view(m.sql).substr(start, end - start));
      ps.why = destructive_reason(s.node);
      ps.destructive = !ps.why.empty();
      out->push_back(std::move(ps));
    }
  }
  return true;
}

}  // namespace schemagate::pipeline
