#include "analyzers/pipeline/deploy.h"

#include <cctype>
#include <set>

#include "analyzers/source/git_file_system.h"
#include "analyzers/source/line_index.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/scan.h"

namespace schemagate::pipeline {
namespace {

using nlohmann::json;

void fill_context(const std::vector<schema::migrations::MigrationFile>& pending, const std::string& label,
                  checks::DeployContext* ctx) {
  ctx->label = label;
  for (auto& m : pending) {
    ctx->pending_files.insert(m.path);
    ctx->migration_text[m.path] = m.sql;
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
std::string destructive_reason(const json& stmt) {
  const std::string& t = sql::node_type(stmt);
  const json& b = sql::node_body(stmt);
  if (t == "DropStmt") {
    std::string what = b.value("removeType", "");
    if (what == "OBJECT_TABLE" || what == "OBJECT_VIEW" || what == "OBJECT_MATVIEW" || what == "OBJECT_SCHEMA" ||
        what == "OBJECT_FOREIGN_TABLE" || what == "OBJECT_TYPE")
      return "drops what running code may use";
    return "";
  }
  if (t == "RenameStmt") {
    return "renames what running code may use; a rename cannot be split: add the new name, write both, backfill, "
           "switch reads, then drop the old name in a later release";
  }
  if (t == "AlterObjectSchemaStmt") return "moves a relation to another schema";
  if (t == "AlterTableStmt") {
    for (auto& c : b.value("cmds", json::array())) {
      const json& cmd = sql::node_body(c);
      std::string st = cmd.value("subtype", "");
      if (st == "AT_DropColumn") return "drops a column";
      if (st == "AT_AlterColumnType") return "changes a column's type";
      if (st == "AT_SetNotNull") return "makes a column NOT NULL";
      if (st == "AT_AddColumn") {
        const json& def = cmd.contains("def") ? sql::node_body(cmd["def"]) : json();
        bool not_null = false, has_default = false;
        for (auto& con : def.value("constraints", json::array())) {
          std::string ct = sql::node_body(con).value("contype", "");
          if (ct == "CONSTR_NOTNULL" || ct == "CONSTR_PRIMARY") not_null = true;
          if (ct == "CONSTR_DEFAULT" || ct == "CONSTR_IDENTITY" || ct == "CONSTR_GENERATED") has_default = true;
        }
        if (not_null && !has_default) return "adds a NOT NULL column without a default";
      }
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
  for (auto& m : build.migrations) {
    if (deployed_paths.count(m.path)) continue;
    schema::MigrationError merr;
    if (!schema::apply_migration(out->eventual, m, options.search_path, nullptr, &merr)) {
      *err = merr.file + ":" + std::to_string(merr.line) + ":" + std::to_string(merr.column) +
             ": migration does not parse: " + merr.message;
      return false;
    }
    out->pending.push_back(m);
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
  return scan_code(*running.fs, opt, build, t, out, err);
}

bool pending_statements(const std::vector<schema::migrations::MigrationFile>& pending, std::vector<PendingStatement>* out,
                        std::string* err) {
  for (auto& m : pending) {
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError perr;
    if (!sql::parse(m.sql, &stmts, &perr)) {
      source::LineIndex lines(m.sql);
      auto p = lines.position(perr.offset);
      *err = m.path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) +
             ": migration does not parse: " + perr.message;
      return false;
    }
    source::LineIndex lines(m.sql);
    for (auto& s : stmts) {
      size_t start = first_token(m.sql, s.location);
      size_t end = s.length ? s.location + s.length : m.sql.size();
      if (start >= end) continue;
      PendingStatement ps;
      ps.file = m.path;
      ps.line = lines.position(start).line;
      ps.sql = collapse(std::string_view(m.sql).substr(start, end - start));
      ps.why = destructive_reason(s.node);
      ps.destructive = !ps.why.empty();
      out->push_back(std::move(ps));
    }
  }
  return true;
}

}  // namespace schemagate::pipeline
