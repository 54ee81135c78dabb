// Running the DDL simulator over a migration: statement by statement, where each location is in
// the file, lookups by search path, and the one dispatch to the statement families (ddl_*.cpp).
#include "analyzers/schema/ddl.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "analyzers/schema/ddl_simulator.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/scan.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::schema::simulation {
namespace {

/// `:NAME` -> `_NAME` (an identifier), `:'NAME'` -> ` 'NAME'` (a string), `:"NAME"` -> ` "NAME"`,
/// outside strings, quoted identifiers, comments and dollar quotes; `::` casts and `:=` stay.
std::string substitute_psql_variables(const std::string& in) {
  std::string s = in;
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (size_t past = sql::skip_comment_or_quoted(s, i).end; past != i) {
      i = past;
    } else if (c == ':' && i + 1 < s.size() && (i == 0 || (s[i - 1] != ':' && !ident(s[i - 1]))) && s[i + 1] != ':' &&
               s[i + 1] != '=') {
      char n = s[i + 1];
      if (std::isalpha(static_cast<unsigned char>(n)) || n == '_') {
        s[i] = '_';
      } else if (n == '\'' || n == '"') {
        s[i] = ' ';
      }
      ++i;
    } else {
      ++i;
    }
  }
  return s;
}

}  // namespace

std::string type_name(const PgQuery__TypeName* tn) {
  std::string out;
  for (const Node* n : SG_LIST(tn, names)) {
    std::string s = str(n);
    if (s == "pg_catalog" && out.empty()) continue;
    if (!out.empty()) out += ".";
    out += s;
  }
  if (tn && tn->n_array_bounds) out += "[]";
  return out;
}

/// A DefElem node's body, or null.
const PgQuery__DefElem* def_elem(const Node* n) { return is(n, SG_NODE(DEF_ELEM)) ? n->def_elem : nullptr; }
std::string defname(const PgQuery__DefElem* d) { return d ? text(d->defname) : ""; }

std::vector<std::string> name_list(Span<Node> list) {
  std::vector<std::string> out;
  for (const Node* n : list) out.push_back(str(n));
  return out;
}

RelName rel_name(const PgQuery__RangeVar* rv) {
  if (!rv) return {};
  return {text(rv->schemaname), text(rv->relname), json_location(rv->location), static_cast<bool>(rv->inh)};
}

bool Simulator::run(MigrationError* error) {
  std::vector<sql::StatementSpan> spans;
  if (!sql::split_statements(sql_, &spans) || !spans_cover_text(spans)) return run_whole(0, error);
  for (const sql::StatementSpan& span : spans) {
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError perr;
    if (!sql::parse(sql_.substr(span.location, span.length), &stmts, &perr)) return run_whole(span.location, error);
    piece_end_ = span.location + span.length;
    if (!apply_parsed(stmts, span.location, error)) return false;
  }
  return true;
}

bool Simulator::spans_cover_text(const std::vector<sql::StatementSpan>& spans) const {
  // Between statements only blanks, `;` and comments closed before the next statement.
  auto blank = [&](size_t from, size_t to) {
    std::string_view text = std::string_view(sql_).substr(0, to);
    for (size_t i = from; i < to;) {
      if (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == ';') {
        ++i;
        continue;
      }
      sql::Skipped comment = sql::skip_comment_run(text, i);
      if (comment.end == i || !comment.closed) return false;
      i = comment.end;
    }
    return true;
  };
  size_t pos = 0;
  for (const sql::StatementSpan& span : spans) {
    if (span.location < pos || !blank(pos, span.location)) return false;
    pos = span.location + span.length;
  }
  return blank(pos, sql_.size());
}

bool Simulator::run_whole(size_t base, MigrationError* error) {
  std::string text = sql_.substr(base);
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  if (!sql::parse(text, &stmts, &perr)) {
    // psql variables (graphile-migrate's :DATABASE_OWNER, psql -v): retry with each one
    // replaced by text of the same length that parses, so offsets stay the file's.
    std::string substituted = substitute_psql_variables(text);
    std::vector<sql::ParsedStatement> retry;
    sql::ParseError ignored;
    if (substituted == text || !sql::parse(substituted, &retry, &ignored)) {
      *error = {file_, static_cast<uint32_t>(in_file(base + perr.offset)), perr.message};
      return false;
    }
    piece_base_ = base;
    stmt_offset_ = base;
    note("psql variables (:NAME) read as placeholders");
    stmts = std::move(retry);
    variables_substituted_ = true;  // a `_NAME` it reads is no name of the schema's
  }
  piece_end_ = sql_.size();
  return apply_parsed(stmts, base, error);
}

bool Simulator::apply_parsed(const std::vector<sql::ParsedStatement>& stmts, size_t base, MigrationError*) {
  piece_base_ = base;
  for (auto& s : stmts) {
    stmt_offset_ = base + s.location;
    stmt_end_ = s.length ? stmt_offset_ + s.length : piece_end_;
    statement(s.node, "");
  }
  return true;
}

Origin Simulator::origin_at(long offset) const {
  size_t at = offset >= 0 ? file_offset(static_cast<size_t>(offset)) : stmt_start();
  Origin origin{file_};
  origin.offset = static_cast<uint32_t>(in_file(at));
  // The statement's own bytes: known where the file is the SQL applied (not generated from
  // code, not inside a DO body).
  if (offset < 0 && !origin_ && !body_map_ && stmt_end_ > at) origin.length = static_cast<uint32_t>(stmt_end_ - at);
  return origin;
}

size_t Simulator::in_file(size_t offset) const {
  if (!origin_) return offset;
  return (*origin_)[std::min(offset, origin_->size() - 1)];
}

size_t Simulator::stmt_start() const { return sql::skip_blanks_and_comments(sql_, stmt_offset_); }

size_t Simulator::file_offset(size_t offset) const {
  if (!body_map_) return piece_base_ + offset;
  if (body_map_->empty()) return stmt_offset_;
  return (*body_map_)[std::min(offset, body_map_->size() - 1)];
}

Origin Simulator::stmt_origin() const { return origin_at(-1); }

void Simulator::note(const std::string& msg) {
  if (notes_) notes_->push_back({stmt_origin(), msg, false, ""});
}

void Simulator::fails(const std::string& msg, const char* sqlstate) {
  if (notes_ && !body_map_) notes_->push_back({stmt_origin(), msg, true, sqlstate});
}

std::string Simulator::qualified(const RelName& rv) const { return default_schema(rv.schema, "") + "." + rv.name; }

std::string Simulator::removed_relation(const RelName& rv) const {
  const std::string &s = rv.schema, &n = rv.name;
  if (schema_.uncertain_names.count(n)) return "";
  for (auto it = schema_.history.rbegin(); it != schema_.history.rend(); ++it) {
    if (it->relation != n || !it->column.empty()) continue;
    if (!s.empty() ? it->schema != s : std::find(path_.begin(), path_.end(), it->schema) == path_.end()) continue;
    if (schema_.extension_schemas.count(it->schema)) return "";
    switch (it->kind) {
      case SchemaEvent::Kind::DropRelation: return "migration " + it->origin.file + " drops it";
      case SchemaEvent::Kind::RenameRelation:
        return "migration " + it->origin.file + " renames it to \"" + it->new_name + "\"";
      case SchemaEvent::Kind::MoveRelation:
        return "migration " + it->origin.file + " moves it to schema \"" + it->new_name + "\"";
      default: return "";
    }
  }
  return "";
}

void Simulator::check_column(const Relation& r, const std::string& column, const std::string& what) {
  if (r.find_column(column) || !r.columns_complete || schema_.uncertain_names.count(column) ||
      schema_.uncertain_names.count(r.name) || schema_.extension_schemas.count(r.schema))
    return;
  std::string why = "no earlier migration adds it";
  for (auto it = schema_.history.rbegin(); it != schema_.history.rend(); ++it) {
    if (it->schema != r.schema || it->relation != r.name || it->column != column) continue;
    if (it->kind == SchemaEvent::Kind::DropColumn) why = "migration " + it->origin.file + " drops it";
    else if (it->kind == SchemaEvent::Kind::RenameColumn)
      why = "migration " + it->origin.file + " renames it to \"" + it->new_name + "\"";
    else continue;
    break;
  }
  fails(what + " column \"" + column + "\" of relation \"" + r.qualified_name() +
            "\", which does not exist at this point (SQLSTATE 42703): " + why,
        "42703");
}

std::string Simulator::default_schema(const std::string& explicit_schema, const std::string& creation_schema) const {
  if (!explicit_schema.empty()) return explicit_schema;
  if (!creation_schema.empty()) return creation_schema;
  return path_.empty() ? "public" : path_.front();
}

Relation* Simulator::lookup(const PgQuery__RangeVar* rv) {
  if (!rv) return nullptr;  // ALTER TYPE ... RENAME TO names an object, not a relation
  return lookup(rel_name(rv));
}

Relation* Simulator::lookup(const RelName& rv) {
  const std::string &s = rv.schema, &n = rv.name;
  if (!s.empty()) return schema_.find(s, n);
  for (auto& p : path_)
    if (auto* r = schema_.find(p, n)) return r;
  return nullptr;
}

Relation* Simulator::lookup_or_adopt(const RelName& rv) {
  if (auto* r = lookup(rv)) return r;
  Relation r;
  r.schema = default_schema(rv.schema, "");
  r.name = rv.name;
  r.columns_complete = false;
  r.origin = stmt_origin();
  note("relation \"" + r.schema + "." + r.name + "\" is altered but no migration creates it; its other columns are unknown");
  schema_.adopted.emplace(r.schema + "." + r.name, unordered_ ? Schema::kAdoptedUnordered : 0);
  return &schema_.add(std::move(r));
}

std::vector<Relation*> Simulator::descendants(const Relation& parent) {
  std::vector<Relation*> out;
  if (!schema_.has_inheritance()) return out;
  std::set<std::string> seen = {parent.qualified_name()};
  std::vector<std::string> todo = {parent.qualified_name()};
  while (!todo.empty()) {
    std::string q = todo.back();
    todo.pop_back();
    for (auto& child_key : schema_.children_of(q)) {
      const Relation& r = schema_.relations().at(child_key);
      if (!seen.insert(r.qualified_name()).second) continue;
      out.push_back(schema_.find(r.schema, r.name));
      todo.push_back(r.qualified_name());
    }
  }
  return out;
}

void Simulator::statement(const Node* node, const std::string& creation_schema) {
  switch (sql::kind(node)) {
    // The session.
    case SG_NODE(VARIABLE_SET_STMT): set_search_path(node->variable_set_stmt); break;
    // CREATE.
    case SG_NODE(CREATE_SCHEMA_STMT): create_schema(node->create_schema_stmt); break;
    case SG_NODE(CREATE_EXTENSION_STMT): create_extension(node->create_extension_stmt, creation_schema); break;
    case SG_NODE(CREATE_STMT): create_table(node->create_stmt, creation_schema, RelationKind::Table); break;
    case SG_NODE(CREATE_FOREIGN_TABLE_STMT):
      create_table(node->create_foreign_table_stmt->base_stmt, creation_schema, RelationKind::ForeignTable);
      break;
    case SG_NODE(CREATE_TABLE_AS_STMT): create_as(node->create_table_as_stmt, creation_schema); break;
    case SG_NODE(SELECT_STMT): select_into(node->select_stmt, node, creation_schema); break;
    case SG_NODE(VIEW_STMT):
      if (node->view_stmt->query) check_dml(node->view_stmt->query, "the view's query");
      create_view(node->view_stmt, creation_schema);
      break;
    case SG_NODE(CREATE_ENUM_STMT):
    case SG_NODE(COMPOSITE_TYPE_STMT):
    case SG_NODE(CREATE_DOMAIN_STMT):
    case SG_NODE(CREATE_RANGE_STMT): create_type(node, creation_schema); break;
    case SG_NODE(DO_STMT): do_or_function(false, SG_LIST(node->do_stmt, args)); break;
    case SG_NODE(CREATE_FUNCTION_STMT):
      create_function(node->create_function_stmt, creation_schema);
      do_or_function(true, SG_LIST(node->create_function_stmt, options));
      break;
    case SG_NODE(INDEX_STMT): create_index(node->index_stmt); break;
    case SG_NODE(CREATE_SEQ_STMT): {
      const PgQuery__CreateSeqStmt* b = node->create_seq_stmt;
      create_sequence(rel_name(b->sequence), creation_schema, owner_of(SG_LIST(b, options)), b->if_not_exists);
      break;
    }
    case SG_NODE(DEFINE_STMT): define_aggregate(node->define_stmt, creation_schema); break;
    // ALTER.
    case SG_NODE(ALTER_TABLE_STMT): alter_table(node->alter_table_stmt); break;
    case SG_NODE(RENAME_STMT): rename(node->rename_stmt); break;
    case SG_NODE(ALTER_OBJECT_SCHEMA_STMT): move(node->alter_object_schema_stmt); break;
    case SG_NODE(ALTER_SEQ_STMT): {
      const PgQuery__AlterSeqStmt* b = node->alter_seq_stmt;
      if (Relation* seq = lookup(b->sequence); seq && seq->kind == RelationKind::Sequence)
        if (auto owner = owner_of(SG_LIST(b, options))) seq->owned_by = *owner;
      break;
    }
    case SG_NODE(ALTER_ENUM_STMT): alter_enum(node->alter_enum_stmt); break;
    // DROP.
    case SG_NODE(DROP_STMT): drop(node->drop_stmt); break;
    // DML: changes nothing modelled, but fails where it names what is not there at that point.
    case SG_NODE(INSERT_STMT):
    case SG_NODE(UPDATE_STMT):
    case SG_NODE(DELETE_STMT):
    case SG_NODE(MERGE_STMT): check_dml(node); break;
    default: break;
  }
}

void Simulator::check_dml(const Node* node, const char* what) {
  if (!notes_ || body_map_ || variables_substituted_) return;  // inside a DO body a failure is not certain (see fails)
  // A run-time fragment (an interpolation in the migration's code) may name anything.
  if (stmt_end_ > stmt_offset_ &&
      std::string_view(sql_).substr(stmt_offset_, stmt_end_ - stmt_offset_).find(sql::kHole) != std::string_view::npos)
    return;
  static const std::string kNoText;  // offsets are not used: the failure is the statement's
  const sql::Resolution r = sql::resolve_statement(node, kNoText, schema_, path_);
  const std::string verb = what                 ? what
                           : r.kind == "insert" ? "the INSERT"
                           : r.kind == "update" ? "the UPDATE"
                           : r.kind == "delete" ? "the DELETE"
                                                : "the MERGE";
  // The first certain failure, as PostgreSQL stops at it: a relation an earlier migration
  // removed (one no migration creates may exist all the same, created outside them), or a column
  // a relation whose every column is known lacks.
  for (const sql::Reference& ref : r.refs) {
    if (ref.status != sql::RefStatus::Missing) continue;
    if (ref.relation.find(sql::kHole) != std::string::npos || ref.column.find(sql::kHole) != std::string::npos) continue;
    if (ref.kind == sql::Reference::Kind::Relation) {
      RelName rv{ref.schema, ref.relation};
      if (std::string why = removed_relation(rv); !why.empty()) {
        fails(verb + " names relation \"" + qualified(rv) + "\", which does not exist at this point (SQLSTATE 42P01): " + why,
              "42P01");
        return;
      }
      continue;
    }
    if (ref.relation.empty()) continue;  // searched in several relations
    const Relation* rel = schema_.find(ref.schema, ref.relation);
    if (!rel) continue;
    size_t before = notes_->size();
    check_column(*rel, ref.column, verb + " names");
    if (notes_->size() != before) return;
  }
}

void Simulator::set_search_path(const PgQuery__VariableSetStmt* b) {
  switch (b->kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL: path_ = session_path_; return;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
      if (text(b->name) == "search_path") path_ = session_path_;
      return;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: break;
    default: return;  // SET ... FROM CURRENT keeps the value; SET TRANSACTION and the like are not search_path
  }
  if (text(b->name) != "search_path") return;
  std::vector<std::string> path;
  for (const Node* a : SG_LIST(b, args)) {
    std::string s;
    if (is(a, SG_NODE(A_CONST))) {
      if (a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && a->a_const->sval) s = text(a->a_const->sval->sval);
    } else {
      s = str(a);
    }
    if (!s.empty() && s != "$user") path.push_back(s);
  }
  if (!path.empty()) path_ = path;
}

}  // namespace schemagate::schema::simulation

namespace schemagate::schema {

using simulation::Simulator;

bool apply_sql(Schema& schema, const std::string& file, const std::string& sql,
               const std::vector<std::string>& search_path, std::vector<DdlNote>* notes, MigrationError* error) {
  Simulator sim(schema, file, sql, search_path, notes);
  return sim.run(error);
}

bool apply_migration(Schema& schema, const migrations::MigrationFile& migration,
                     const std::vector<std::string>& search_path, std::vector<DdlNote>* notes,
                     MigrationError* error) {
  if (notes)
    for (auto& [offset, message] : migration.notes)
      notes->push_back({{migration.path, 0, offset}, message, false, ""});
  for (auto& name : migration.uncertain_names) schema.uncertain_names.insert(name);
  Simulator sim(schema, migration.path, migration.sql, search_path, notes,
                migration.origin.empty() ? nullptr : &migration.origin);
  sim.set_unordered(migration.format == "plain" && migration.version.empty());
  return sim.run(error);
}

}  // namespace schemagate::schema

