#include "analyzers/schema/ddl.h"

#include <algorithm>
#include <map>
#include <cctype>
#include <cstddef>
#include <optional>
#include <set>
#include <string_view>

#include "analyzers/source/line_index.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/tree.h"

namespace schemagate::schema {
namespace {

using sql::is;
using sql::list_items;
using sql::Node;
using sql::present;
using sql::Span;
using sql::str;
using sql::text;

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

/// A node's location as libpg_query's JSON gave it: a 0 read as absent (-1).
long json_location(int32_t loc) { return loc == 0 ? -1 : loc; }

/// The constraint type of a Constraint node; UNDEFINED for any other node.
PgQuery__ConstrType contype(const Node* n) {
  return is(n, SG_NODE(CONSTRAINT)) ? n->constraint->contype : PG_QUERY__CONSTR_TYPE__CONSTR_TYPE_UNDEFINED;
}

/// A DefElem node's body, or null.
const PgQuery__DefElem* def_elem(const Node* n) { return is(n, SG_NODE(DEF_ELEM)) ? n->def_elem : nullptr; }
std::string defname(const PgQuery__DefElem* d) { return d ? text(d->defname) : ""; }

/// A relation's name as a statement writes it (a RangeVar, or the parts of a qualified name).
struct RelName {
  std::string schema, name;
  long location = -1;  ///< -1: not known
  bool inh = false;    ///< without ONLY
};
RelName rel_name(const PgQuery__RangeVar* rv) {
  if (!rv) return {};
  return {text(rv->schemaname), text(rv->relname), json_location(rv->location), static_cast<bool>(rv->inh)};
}

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (static_cast<unsigned char>(c) & 0x80);
}

std::vector<std::string> name_list(Span<Node> list) {
  std::vector<std::string> out;
  for (const Node* n : list) out.push_back(str(n));
  return out;
}

bool serial_type(const std::string& t) {
  return t == "serial" || t == "bigserial" || t == "smallserial" || t == "serial4" || t == "serial8" || t == "serial2";
}

/// PostgreSQL's makeObjectName: "table_column_seq", each part shortened (the longer first) so
/// the whole fits in NAMEDATALEN - 1 = 63 bytes.
std::string object_name(std::string name1, std::string name2, const std::string& label) {
  size_t avail = 63 - label.size() - 1 - (name2.empty() ? 0 : 1);
  size_t n1 = name1.size(), n2 = name2.size();
  while (n1 + n2 > avail) {
    if (n1 > n2) --n1;
    else --n2;
  }
  std::string out = name1.substr(0, n1);
  if (!name2.empty()) out += "_" + name2.substr(0, n2);
  return out + "_" + label;
}

/// A word of PL/pgSQL text outside literals, quoted identifiers and comments, lower-cased.
struct Word {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
};

/// The words of a PL/pgSQL body, skipping what PostgreSQL's lexer skips or quotes. Enough to find
/// the block's own BEGIN, EXCEPTION and END, not to understand it.
std::vector<Word> plpgsql_words(std::string_view text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (text.compare(i, 2, "--") == 0) {
      size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? text.size() : nl + 1;
    } else if (text.compare(i, 2, "/*") == 0) {
      int depth = 0;
      while (i < text.size()) {
        if (text.compare(i, 2, "/*") == 0) ++depth, i += 2;
        else if (text.compare(i, 2, "*/") == 0) { i += 2; if (--depth == 0) break; }
        else ++i;
      }
    } else if (c == '\'' || c == '"') {
      bool backslash = c == '\'' && !out.empty() && out.back().end == i && out.back().text == "e";
      for (++i; i < text.size(); ++i) {
        if (backslash && text[i] == '\\') { ++i; continue; }
        if (text[i] != c) continue;
        if (i + 1 < text.size() && text[i + 1] == c) { ++i; continue; }
        break;
      }
      ++i;
    } else if (c == '$' && (i == 0 || !ident_char(text[i - 1])) && i + 1 < text.size() &&
               !std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      size_t close = text.find('$', i + 1);
      if (close == std::string_view::npos) break;
      std::string_view tag = text.substr(i, close - i + 1);
      size_t end = text.find(tag, close + 1);
      i = end == std::string_view::npos ? text.size() : end + tag.size();
    } else if (ident_char(c) && !std::isdigit(static_cast<unsigned char>(c))) {
      Word w;
      w.begin = i;
      while (i < text.size() && ident_char(text[i])) {
        w.text.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
        ++i;
      }
      w.end = i;
      out.push_back(std::move(w));
    } else {
      ++i;
    }
  }
  return out;
}

/// The statements of a DO body written as `BEGIN stmts; [EXCEPTION WHEN ...] END [;]`: the byte
/// range of `stmts` in `body`, or nullopt for any other shape (DECLARE, labels, trailing text)
/// and for a handler that changes the schema itself (it runs only when `stmts` fail).
std::optional<std::pair<size_t, size_t>> block_statements(std::string_view body) {
  std::vector<Word> words = plpgsql_words(body);
  if (words.size() < 2 || words.front().text != "begin" || words.back().text != "end") return std::nullopt;
  for (size_t i = words.back().end; i < body.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(body[i])) && body[i] != ';') return std::nullopt;
  size_t end = words.back().begin;
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i].text != "exception" || words[i + 1].text != "when") continue;
    end = words[i].begin;
    for (size_t k = i + 2; k + 1 < words.size(); ++k) {
      const std::string& w = words[k].text;
      if (w == "create" || w == "alter" || w == "drop" || w == "execute") return std::nullopt;
    }
    break;
  }
  return std::make_pair(words.front().end, end);
}

/// `:NAME` -> `_NAME` (an identifier), `:'NAME'` -> ` 'NAME'` (a string), `:"NAME"` -> ` "NAME"`,
/// outside strings, quoted identifiers, comments and dollar quotes; `::` casts and `:=` stay.
std::string substitute_psql_variables(const std::string& in) {
  std::string s = in;
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\'' || c == '"') {
      size_t close = s.find(c, i + 1);
      i = close == std::string::npos ? s.size() : close + 1;
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      size_t nl = s.find('\n', i);
      i = nl == std::string::npos ? s.size() : nl;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t close = s.find("*/", i + 2);
      i = close == std::string::npos ? s.size() : close + 2;
    } else if (c == '$' && (i == 0 || !ident(s[i - 1]))) {
      size_t j = i + 1;
      while (j < s.size() && ident(s[j])) ++j;
      if (j < s.size() && s[j] == '$') {
        std::string tag = s.substr(i, j - i + 1);
        if (tag.size() > 1 && std::isdigit(static_cast<unsigned char>(tag[1]))) { i = j; continue; }  // $1
        size_t close = s.find(tag, j + 1);
        i = close == std::string::npos ? s.size() : close + tag.size();
      } else {
        ++i;
      }
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

class Simulator {
 public:
  /// `origin` and `text`: see MigrationFile (generated SQL: sql byte -> byte of `text`).
  Simulator(Schema& schema, const std::string& file, const std::string& sql, const std::vector<std::string>& path,
            std::vector<DdlNote>* notes, const std::vector<uint32_t>* origin = nullptr, const std::string* text = nullptr)
      : schema_(schema), file_(file), sql_(sql), index_(origin && !origin->empty() && text ? *text : sql),
        path_(path), notes_(notes), origin_(origin && !origin->empty() ? origin : nullptr) {}

  /// Applies the file one statement at a time: memory stays bounded by the largest statement,
  /// not the file (a 3 MB dump as one JSON tree took 245 MB). From the first span that does not
  /// parse alone (a BEGIN ATOMIC body the scanner split, a psql variable, a syntax error), the
  /// rest of the file is parsed as one text, as before, so errors and offsets are unchanged.
  bool run(MigrationError* error) {
    std::vector<sql::StatementSpan> spans;
    if (!sql::split_statements(sql_, &spans) || !spans_cover_text(spans)) return run_whole(0, error);
    for (const sql::StatementSpan& span : spans) {
      std::vector<sql::ParsedStatement> stmts;
      sql::ParseError perr;
      if (!sql::parse(sql_.substr(span.location, span.length), &stmts, &perr)) return run_whole(span.location, error);
      if (!apply_parsed(stmts, span.location, error)) return false;
    }
    return true;
  }

  /// Whether the text between and after the spans is only blanks, ';' and comments. The scanner
  /// drops what follows an unbalanced parenthesis: such a file is parsed whole, so the syntax
  /// error is reported instead of the rest being skipped.
  bool spans_cover_text(const std::vector<sql::StatementSpan>& spans) const {
    auto blank = [&](size_t from, size_t to) {
      for (size_t i = from; i < to; ++i) {
        char c = sql_[i];
        if (std::isspace(static_cast<unsigned char>(c)) || c == ';') continue;
        if (sql_.compare(i, 2, "--") == 0) {
          while (i < to && sql_[i] != '\n') ++i;
          continue;
        }
        if (sql_.compare(i, 2, "/*") == 0) {
          size_t close = sql_.find("*/", i + 2);
          if (close == std::string::npos || close + 2 > to) return false;
          i = close + 1;
          continue;
        }
        return false;
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

  /// Parses sql_ from byte `base` to the end as one text and applies it.
  bool run_whole(size_t base, MigrationError* error) {
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
        auto pos = index_.position(in_file(base + perr.offset));
        *error = {file_, pos.line, pos.column, perr.message};
        return false;
      }
      piece_base_ = base;
      stmt_offset_ = base;
      note("psql variables (:NAME) read as placeholders");
      stmts = std::move(retry);
    }
    return apply_parsed(stmts, base, error);
  }

  bool apply_parsed(const std::vector<sql::ParsedStatement>& stmts, size_t base, MigrationError*) {
    piece_base_ = base;
    for (auto& s : stmts) {
      stmt_offset_ = base + s.location;
      statement(s.node, "");
    }
    return true;
  }

 private:
  Origin origin_at(long offset) const {
    size_t at = offset >= 0 ? file_offset(static_cast<size_t>(offset)) : stmt_start();
    return {file_, index_.position(in_file(at)).line};
  }
  /// An offset in sql_ as an offset in the migration file: the same, unless the SQL was
  /// generated from code (Django, Alembic), where origin_ says which operation it came from.
  size_t in_file(size_t offset) const {
    if (!origin_) return offset;
    return (*origin_)[std::min(offset, origin_->size() - 1)];
  }
  /// The current statement's first token: statement locations point at leading blanks/comments.
  size_t stmt_start() const {
    size_t at = stmt_offset_;
    while (at < sql_.size()) {
      if (std::isspace(static_cast<unsigned char>(sql_[at]))) { ++at; continue; }
      if (sql_.compare(at, 2, "--") == 0) { while (at < sql_.size() && sql_[at] != '\n') ++at; continue; }
      break;
    }
    return at;
  }
  /// A parse location in the migration file: inside a DO body, locations are offsets into the
  /// body's statements and body_map_ takes them back to the file.
  size_t file_offset(size_t offset) const {
    if (!body_map_) return piece_base_ + offset;
    if (body_map_->empty()) return stmt_offset_;
    return (*body_map_)[std::min(offset, body_map_->size() - 1)];
  }
  Origin stmt_origin() const { return origin_at(-1); }
  void note(const std::string& msg) {
    if (notes_) notes_->push_back({stmt_origin(), msg, false, ""});
  }

  /// A statement that fails in PostgreSQL: recorded when certain (see DdlNote::fails). Inside a
  /// DO body it is not: an EXCEPTION handler there may catch the error on purpose.
  void fails(const std::string& msg, const char* sqlstate) {
    if (notes_ && !body_map_) notes_->push_back({stmt_origin(), msg, true, sqlstate});
  }

  /// "schema.name" of a RangeVar as PostgreSQL would look it up first.
  std::string qualified(const RelName& rv) const { return default_schema(rv.schema, "") + "." + rv.name; }

  /// Why `rv` names no relation, when an earlier migration certainly removed it from there:
  /// "migrations/003.sql drops it" (or renames, moves it); "" when the model cannot tell.
  std::string removed_relation(const RelName& rv) const {
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

  /// A column change on `r` that names `column`, which `r` does not have: fails when every
  /// column of `r` is known.
  void check_column(const Relation& r, const std::string& column, const std::string& what) {
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

  std::string default_schema(const std::string& explicit_schema, const std::string& creation_schema) const {
    if (!explicit_schema.empty()) return explicit_schema;
    if (!creation_schema.empty()) return creation_schema;
    return path_.empty() ? "public" : path_.front();
  }

  /// A relation named by a RangeVar: explicit schema, else the first in the search path.
  Relation* lookup(const PgQuery__RangeVar* rv) {
    if (!rv) return nullptr;  // ALTER TYPE ... RENAME TO names an object, not a relation
    return lookup(rel_name(rv));
  }
  Relation* lookup(const RelName& rv) {
    const std::string &s = rv.schema, &n = rv.name;
    if (!s.empty()) return schema_.find(s, n);
    for (auto& p : path_)
      if (auto* r = schema_.find(p, n)) return r;
    return nullptr;
  }

  /// ALTER of a relation the model never saw: it exists in the real database (created outside
  /// the migrations), so model it with an incomplete column list rather than fail.
  Relation* lookup_or_adopt(const RelName& rv) {
    if (auto* r = lookup(rv)) return r;
    Relation r;
    r.schema = default_schema(rv.schema, "");
    r.name = rv.name;
    r.columns_complete = false;
    r.origin = stmt_origin();
    note("relation \"" + r.schema + "." + r.name + "\" is altered but no migration creates it; its other columns are unknown");
    return &schema_.add(std::move(r));
  }

  /// Every relation that inherits from `parent`, directly or not (INHERITS, PARTITION OF).
  std::vector<Relation*> descendants(const Relation& parent) {
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

  /// One statement, by family: the session (SET search_path), CREATE, ALTER (and RENAME, SET
  /// SCHEMA), DROP. Everything else (non-unique indexes, grants, comments, triggers, DML)
  /// changes nothing modelled.
  void statement(const Node* node, const std::string& creation_schema) {
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
      case SG_NODE(VIEW_STMT): create_view(node->view_stmt, creation_schema); break;
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
      default: break;
    }
  }

  /// SET search_path TO app, public: the unqualified names after it are app's. "$user" is a
  /// role's own schema, which migrations do not create.
  void set_search_path(const PgQuery__VariableSetStmt* b) {
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

  void create_schema(const PgQuery__CreateSchemaStmt* b) {
    std::string name = text(b->schemaname);
    schema_.add_schema(name);
    for (const Node* e : SG_LIST(b, schema_elts)) statement(e, name);
  }

  /// Its objects are not listed; a schema of its own (not one the search path holds, which the
  /// code's own tables share) is recorded so that relations missing from it are unchecked. Some
  /// extensions always create their own schema, whatever WITH SCHEMA says.
  void create_extension(const PgQuery__CreateExtensionStmt* b, const std::string& creation_schema) {
    static const std::map<std::string, std::vector<std::string>> kOwnSchemas = {
        {"pg_cron", {"cron"}},         {"pg_net", {"net"}},       {"pgsodium", {"pgsodium"}},
        {"supabase_vault", {"vault"}}, {"pg_graphql", {"graphql"}}, {"pgmq", {"pgmq"}},
        {"postgis_topology", {"topology"}}, {"postgis_tiger_geocoder", {"tiger", "tiger_data"}},
        {"timescaledb", {"_timescaledb_catalog", "_timescaledb_internal", "timescaledb_information"}}};
    std::string ext = text(b->extname);
    if (auto own = kOwnSchemas.find(ext); own != kOwnSchemas.end())
      for (auto& s : own->second) schema_.extension_schemas.insert(s);
    std::string in_schema = default_schema("", creation_schema);
    for (const Node* o : SG_LIST(b, options)) {
      const PgQuery__DefElem* d = def_elem(o);
      std::string s = d ? str(d->arg) : "";
      if (defname(d) == "schema") in_schema = s;
      if (defname(d) == "schema" && std::find(path_.begin(), path_.end(), s) == path_.end())
        schema_.extension_schemas.insert(s);
    }
    // Supabase's extensions put every function in a schema of their own (cron.schedule,
    // net.http_get, pgmq.send, vault.create_secret): none lands where WITH SCHEMA points.
    static const std::set<std::string> kAllInOwnSchema = {"pg_cron", "pg_net", "pgsodium", "supabase_vault",
                                                          "pg_graphql", "pgmq"};
    if (kAllInOwnSchema.count(ext))
      for (auto& s : kOwnSchemas.at(ext)) schema_.extensions[s].insert(ext);
    else
      schema_.extensions[in_schema].insert(ext);
  }

  /// CREATE TYPE (enum, composite, range) and CREATE DOMAIN: a type name; an enum's labels; a
  /// range's constructors.
  void create_type(const Node* node, const std::string& creation_schema) {
    Span<Node> names;
    if (is(node, SG_NODE(CREATE_ENUM_STMT))) names = SG_LIST(node->create_enum_stmt, type_name);
    else if (is(node, SG_NODE(CREATE_DOMAIN_STMT))) names = SG_LIST(node->create_domain_stmt, domainname);
    else if (is(node, SG_NODE(CREATE_RANGE_STMT))) names = SG_LIST(node->create_range_stmt, type_name);
    std::string qualified;
    if (is(node, SG_NODE(COMPOSITE_TYPE_STMT))) {
      RelName rv = rel_name(node->composite_type_stmt->typevar);
      qualified = default_schema(rv.schema, creation_schema) + "." + rv.name;
    } else {
      std::vector<std::string> parts;
      for (const Node* n : names) parts.push_back(str(n));
      if (parts.size() == 1) parts.insert(parts.begin(), default_schema("", creation_schema));
      if (!parts.empty()) qualified = parts[0] + "." + parts.back();
    }
    if (!qualified.empty()) schema_.types.insert(qualified);
    if (is(node, SG_NODE(CREATE_RANGE_STMT)) && !qualified.empty()) {
      // A range type comes with its constructors, name(lower, upper [, bounds]), and a
      // multirange type whose constructor takes any number of ranges. PostgreSQL names the
      // multirange by replacing "range" in the name with "multirange", else appending
      // "_multirange" (or takes multirange_type_name, which this model does not read).
      size_t dot = qualified.find('.');
      Function ctor;
      ctor.schema = qualified.substr(0, dot);
      ctor.name = qualified.substr(dot + 1);
      ctor.declared = 3;
      ctor.min_args = 2;
      ctor.max_args = 3;
      ctor.origin = stmt_origin();
      Function multi = ctor;
      size_t at = ctor.name.find("range");
      multi.name = at == std::string::npos ? ctor.name + "_multirange" : ctor.name.substr(0, at) + "multi" + ctor.name.substr(at);
      multi.declared = 0;
      multi.min_args = 0;
      multi.max_args = -1;
      add_function(std::move(ctor), false);
      add_function(std::move(multi), false);
    }
    if (is(node, SG_NODE(CREATE_ENUM_STMT)) && !qualified.empty()) {
      EnumType e;
      e.origin = stmt_origin();
      for (const Node* v : SG_LIST(node->create_enum_stmt, vals)) {
        e.labels.push_back(str(v));
        e.origins.push_back(e.origin);
      }
      schema_.enums[qualified] = std::move(e);
    }
  }

  /// CREATE AGGREGATE. Its arguments (direct and aggregated, ordered-set or not) are not
  /// counted: any call of its name is taken.
  void define_aggregate(const PgQuery__DefineStmt* b, const std::string& creation_schema) {
    if (b->kind != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE) return;
    std::vector<std::string> parts = name_list(SG_LIST(b, defnames));
    if (!parts.empty())
      add_function({default_schema(parts.size() > 1 ? parts[parts.size() - 2] : "", creation_schema), parts.back(),
                    0, 0, -1, false, stmt_origin()},
                   b->replace);
  }

  /// A DO block or a function body with DDL. A DO block that is only plain statements in
  /// `BEGIN ... [EXCEPTION ...] END` (Drizzle wraps every constraint and enum that way, to ignore
  /// duplicate_object) runs them at once: they are applied like the migration's own. Anything
  /// else (IF, loops, EXECUTE, variables, a function that runs later) is out of sight: every
  /// identifier in its body becomes uncertain, so a table it creates is never reported missing.
  void do_or_function(bool function, Span<Node> options) {
    std::string body;
    long body_location = -1;
    for (const Node* a : options) {
      const PgQuery__DefElem* de = def_elem(a);
      if (defname(de) == "as") {
        body_location = json_location(de->location);
        if (is(de->arg, SG_NODE(LIST))) {
          for (const Node* s : list_items(de->arg)) body += str(s) + " ";
        } else {
          body += str(de->arg);
        }
      }
    }
    std::string lower;
    for (char c : body) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    bool has_ddl = lower.find("create") != std::string::npos || lower.find("alter") != std::string::npos ||
                   lower.find("execute") != std::string::npos;
    if (!has_ddl) return;
    if (!function && apply_do_body(body, body_location)) return;
    std::string word;
    auto flush = [&] {
      if (word.size() > 1) schema_.uncertain_names.insert(word);
      word.clear();
    };
    for (char c : lower) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') word.push_back(c);
      else flush();
    }
    flush();
    note(std::string(!function ? "DO block" : "function body") +
         " with DDL skipped: the names it mentions are not reported as missing");
  }

  /// Where each byte of the DO body `body`, a literal at byte `location` of the file, is in the
  /// file; false when the literal is not spelled so that it can be followed ($$ and '...' can).
  bool map_literal(const std::string& body, long location, std::vector<size_t>* map) const {
    if (location < 0 || static_cast<size_t>(location) >= sql_.size()) return false;
    size_t at = static_cast<size_t>(location);
    map->clear();
    if (sql_[at] == '$') {
      size_t close = sql_.find('$', at + 1);
      if (close == std::string::npos || sql_.compare(close + 1, body.size(), body) != 0) return false;
      for (size_t i = 0; i < body.size(); ++i) map->push_back(close + 1 + i);
      return true;
    }
    if (sql_[at] != '\'') return false;  // E'...', U&'...': escapes this does not decode
    std::string decoded;
    for (size_t i = at + 1; i < sql_.size(); ++i) {
      if (sql_[i] == '\'') {
        if (i + 1 >= sql_.size() || sql_[i + 1] != '\'') break;
        map->push_back(i++);
        decoded.push_back('\'');
        continue;
      }
      map->push_back(i);
      decoded.push_back(sql_[i]);
    }
    return decoded == body;
  }

  /// Applies a DO block that is plain SQL in one BEGIN ... END (see do_or_function); false, with
  /// nothing applied, when the body is real PL/pgSQL.
  bool apply_do_body(const std::string& body, long location) {
    std::vector<size_t> body_map;
    if (location >= 0) location = static_cast<long>(file_offset(static_cast<size_t>(location)));  // a DO in a DO
    if (!map_literal(body, location, &body_map)) return false;
    auto range = block_statements(body);
    if (!range) return false;
    std::string text = body.substr(range->first, range->second - range->first);
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError perr;
    if (!sql::parse(text, &stmts, &perr)) return false;  // IF, loops, RAISE, NULL;, assignments
    for (auto& s : stmts) {
      // EXECUTE format(...) parses as a prepared statement; SELECT ... INTO assigns a variable;
      // a nested BEGIN is a block. All are PL/pgSQL read as SQL.
      if (is(s.node, SG_NODE(EXECUTE_STMT)) || is(s.node, SG_NODE(TRANSACTION_STMT)) ||
          (is(s.node, SG_NODE(SELECT_STMT)) && s.node->select_stmt->into_clause))
        return false;
    }
    std::vector<size_t> map(body_map.begin() + static_cast<std::ptrdiff_t>(range->first),
                            body_map.begin() + static_cast<std::ptrdiff_t>(range->second));
    size_t saved_offset = stmt_offset_;
    const std::vector<size_t>* saved_map = body_map_;
    body_map_ = &map;
    for (auto& s : stmts) {
      stmt_offset_ = file_offset(s.location);
      statement(s.node, "");
    }
    body_map_ = saved_map;
    stmt_offset_ = saved_offset;
    return true;
  }

  Column column_def(const PgQuery__ColumnDef* cd) {
    Column c;
    if (!cd) {
      c.origin = origin_at(-1);
      return c;
    }
    c.name = text(cd->colname);
    c.type = type_name(cd->type_name);
    c.origin = origin_at(json_location(cd->location));
    if (cd->is_not_null) c.not_null = true;
    if (!text(cd->identity).empty()) c.identity = true;
    for (const Node* con : SG_LIST(cd, constraints)) {
      PgQuery__ConstrType ct = contype(con);
      if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL || ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) c.not_null = true;
      if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) c.has_default = true;
      if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) c.identity = c.has_default = c.not_null = true;
      if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED) c.generated = c.has_default = true;
    }
    if (serial_type(c.type)) c.has_default = c.not_null = true;
    c.enum_type = enum_of(cd->type_name);
    return c;
  }

  /// "schema.name" of the enum type `tn` names (not an array of it), as PostgreSQL finds it
  /// now; "" for any other type.
  std::string enum_of(const PgQuery__TypeName* tn) const {
    if (!tn || tn->n_array_bounds) return "";
    std::vector<std::string> parts = name_list(SG_LIST(tn, names));
    if (parts.empty() || parts.front() == "pg_catalog") return "";
    if (parts.size() >= 2) {
      std::string q = parts[parts.size() - 2] + "." + parts.back();
      return schema_.enums.count(q) ? q : "";
    }
    for (auto& p : path_)
      if (schema_.enums.count(p + "." + parts.back())) return p + "." + parts.back();
    return "";
  }

  /// The enum type an ALTER TYPE / DROP TYPE names, as "schema.name".
  std::string type_key(std::vector<std::string> parts) const {
    if (parts.empty()) return "";
    if (parts.size() >= 2) return parts[parts.size() - 2] + "." + parts.back();
    for (auto& p : path_)
      if (schema_.enums.count(p + "." + parts.back()) || schema_.types.count(p + "." + parts.back()))
        return p + "." + parts.back();
    return default_schema("", "") + "." + parts.back();
  }

  /// ALTER TYPE ... ADD VALUE [IF NOT EXISTS] / RENAME VALUE.
  void alter_enum(const PgQuery__AlterEnumStmt* b) {
    std::string key = type_key(name_list(SG_LIST(b, type_name)));
    auto it = schema_.enums.find(key);
    if (it == schema_.enums.end()) return;
    EnumType& e = it->second;
    std::string old_val = text(b->old_val), new_val = text(b->new_val);
    if (!old_val.empty()) {
      for (size_t i = 0; i < e.labels.size(); ++i)
        if (e.labels[i] == old_val) {
          e.labels[i] = new_val;
          e.origins[i] = stmt_origin();
        }
      return;
    }
    if (std::find(e.labels.begin(), e.labels.end(), new_val) != e.labels.end()) return;
    e.labels.push_back(new_val);
    e.origins.push_back(stmt_origin());
  }

  /// OWNED BY table.column (Some) or OWNED BY NONE (Some "") among a sequence's options.
  std::optional<std::string> owner_of(Span<Node> options) {
    for (const Node* o : options) {
      const PgQuery__DefElem* d = def_elem(o);
      if (defname(d) != "owned_by") continue;
      std::vector<std::string> parts = name_list(list_items(d->arg));
      if (parts.size() == 1 && parts[0] == "none") return std::string();
      if (parts.size() < 2) return std::nullopt;
      RelName rv;
      rv.name = parts[parts.size() - 2];
      if (parts.size() >= 3) rv.schema = parts[parts.size() - 3];
      const Relation* t = lookup(rv);
      return t ? t->qualified_name() + "." + parts.back() : std::string();
    }
    return std::nullopt;
  }

  /// CREATE SEQUENCE, or the sequence a serial or identity column creates: a relation with the
  /// one row SELECT reads.
  void create_sequence(const RelName& rv, const std::string& creation_schema, std::optional<std::string> owner,
                       bool if_not_exists) {
    Relation r;
    r.schema = default_schema(rv.schema, creation_schema);
    r.name = rv.name;
    r.kind = RelationKind::Sequence;
    r.origin = origin_at(rv.location);
    if (schema_.find(r.schema, r.name)) {
      if (!if_not_exists) note("relation \"" + r.schema + "." + r.name + "\" already exists; the sequence is not modelled");
      return;
    }
    for (const char* c : {"last_value", "log_cnt", "is_called"}) r.columns.push_back({c, c[0] == 'i' ? "bool" : "int8", true, false, false, false, "", r.origin});
    r.owned_by = owner.value_or("");
    schema_.add(std::move(r));
  }

  /// The sequence PostgreSQL creates for a serial or identity column of `table`: named
  /// table_column_seq unless the identity options name it; when that name is taken PostgreSQL
  /// picks another, which the model does not guess.
  void implicit_sequence(const Relation& table, const PgQuery__ColumnDef* cd) {
    if (!cd) return implicit_sequence(table, "", nullptr, {}, -1);
    std::vector<const Node*> constraints(SG_LIST(cd, constraints).begin(), SG_LIST(cd, constraints).end());
    implicit_sequence(table, text(cd->colname), cd->type_name, constraints, json_location(cd->location));
  }
  /// The same for a column named `column` of type `type` (null: not given) with `constraints`.
  void implicit_sequence(const Relation& table, const std::string& column, const PgQuery__TypeName* type,
                         const std::vector<const Node*>& constraints, long location) {
    bool wanted = serial_type(type_name(type));
    RelName rv{table.schema, object_name(table.name, column, "seq")};
    for (const Node* con : constraints) {
      if (contype(con) != PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) continue;
      wanted = true;
      for (const Node* o : SG_LIST(con->constraint, options)) {
        const PgQuery__DefElem* d = def_elem(o);
        if (defname(d) != "sequence_name") continue;
        std::vector<std::string> parts = name_list(list_items(d->arg));
        if (parts.empty()) continue;
        rv = {parts.size() >= 2 ? parts[parts.size() - 2] : table.schema, parts.back()};
      }
    }
    if (!wanted) return;
    if (schema_.find(rv.schema, rv.name)) {
      schema_.uncertain_names.insert(rv.name);
      return;
    }
    rv.location = location;
    create_sequence(rv, table.schema, table.qualified_name() + "." + column, false);
  }

  /// Drops the sequences owned by `owner` ("schema.table.column"), or by any column of the table
  /// "schema.table" when `whole_table`: PostgreSQL drops them with what owns them.
  void drop_owned_sequences(const std::string& owner, bool whole_table) {
    std::vector<std::pair<std::string, std::string>> doomed;
    for (auto& k : schema_.sequences()) {
      const Relation& r = schema_.relations().at(k);
      if (r.kind != RelationKind::Sequence || r.owned_by.empty()) continue;
      if (whole_table ? r.owned_by.rfind(owner + ".", 0) == 0 : r.owned_by == owner) doomed.push_back({r.schema, r.name});
    }
    for (auto& [sch, n] : doomed) {
      schema_.history.push_back({SchemaEvent::Kind::DropRelation, sch, n, "", "", stmt_origin()});
      schema_.remove(sch, n);
    }
  }

  /// Sequences owned by a column of "schema.table" (or by `column` of it) follow its rename.
  void rename_owner(const std::string& old_prefix, const std::string& new_prefix) {
    for (auto& k : schema_.sequences()) {
      const Relation& r = schema_.relations().at(k);
      if (r.kind != RelationKind::Sequence || r.owned_by.rfind(old_prefix, 0) != 0) continue;
      std::string rest = r.owned_by.substr(old_prefix.size());
      if (!rest.empty() && rest[0] != '.') continue;
      schema_.find(r.schema, r.name)->owned_by = new_prefix + rest;
    }
  }

  /// An enum type renamed or moved: its labels and the columns of that type follow.
  void rename_enum(const std::string& from, const std::string& to) {
    auto it = schema_.enums.find(from);
    if (it == schema_.enums.end() || from == to) return;
    schema_.enums[to] = std::move(it->second);
    schema_.enums.erase(from);
    for (auto& [k, r] : schema_.relations())
      for (auto& c : schema_.find(r.schema, r.name)->columns)
        if (c.enum_type == from) c.enum_type = to;
  }

  /// CREATE [OR REPLACE] FUNCTION / PROCEDURE: what a call can pass. A procedure's OUT
  /// arguments are passed by CALL too; a function's are not.
  void create_function(const PgQuery__CreateFunctionStmt* b, const std::string& creation_schema) {
    std::vector<std::string> parts = name_list(SG_LIST(b, funcname));
    if (parts.empty()) return;
    Function f;
    f.schema = default_schema(parts.size() > 1 ? parts[parts.size() - 2] : "", creation_schema);
    f.name = parts.back();
    f.procedure = b->is_procedure;
    f.origin = stmt_origin();
    int defaults = 0;
    bool variadic = false;
    for (const Node* p : SG_LIST(b, parameters)) {
      if (!is(p, SG_NODE(FUNCTION_PARAMETER))) continue;
      const PgQuery__FunctionParameter* fp = p->function_parameter;
      if (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE ||
          (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT && !f.procedure))
        continue;
      ++f.declared;
      f.arg_names.push_back(text(fp->name));
      if (present(fp->defexpr)) ++defaults;
      if (fp->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC) variadic = true;
    }
    f.max_args = variadic ? -1 : f.declared;
    f.min_args = std::max(0, f.declared - defaults);  // a VARIADIC without default needs one value
    f.arg_names_known = true;
    add_function(std::move(f), b->replace);
  }

  void add_function(Function f, bool replace) {
    auto& overloads = schema_.functions[f.schema + "." + f.name];
    if (replace)
      std::erase_if(overloads, [&](const Function& o) { return o.declared == f.declared && o.max_args == f.max_args; });
    overloads.push_back(std::move(f));
  }

  /// The overloads an ObjectWithArgs (DROP / ALTER FUNCTION) names: all of them without an
  /// argument list, else those declaring that many arguments. Nothing matched: the name
  /// becomes uncertain (the function may exist where the model cannot see).
  std::vector<Function>* function_overloads(const Node* object, std::vector<size_t>* which) {
    const PgQuery__ObjectWithArgs* owa = is(object, SG_NODE(OBJECT_WITH_ARGS)) ? object->object_with_args : nullptr;
    std::vector<std::string> parts = name_list(SG_LIST(owa, objname));
    if (parts.empty()) return nullptr;
    std::vector<Function>* overloads = nullptr;
    if (parts.size() >= 2) {
      auto it = schema_.functions.find(parts[parts.size() - 2] + "." + parts.back());
      if (it != schema_.functions.end()) overloads = &it->second;
    } else {
      for (auto& p : path_)
        if (auto it = schema_.functions.find(p + "." + parts.back()); it != schema_.functions.end() && !it->second.empty()) {
          overloads = &it->second;
          break;
        }
    }
    which->clear();
    if (overloads) {
      bool all = owa->args_unspecified;
      int n = static_cast<int>(owa->n_objargs);
      for (size_t i = 0; i < overloads->size(); ++i)
        if (all || (*overloads)[i].declared == n) which->push_back(i);
    }
    if (which->empty()) {
      schema_.uncertain_names.insert(parts.back());
      return nullptr;
    }
    return overloads;
  }

  /// A PRIMARY KEY or UNIQUE constraint (of a table, or of the column `column`) as a unique
  /// key, named as PostgreSQL names it when the constraint has no name. An EXCLUDE constraint
  /// can be an ON CONFLICT DO NOTHING arbiter the model does not follow: keys become unknown.
  void add_key_constraint(Relation& r, const Node* node, const std::string& column = "") {
    PgQuery__ConstrType ct = contype(node);
    if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
      r.keys_complete = false;
      return;
    }
    if (ct != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && ct != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE) return;
    const PgQuery__Constraint* con = node->constraint;
    UniqueKey key;
    if (!column.empty()) key.columns.push_back(column);
    for (const Node* k : SG_LIST(con, keys)) key.columns.push_back(str(k));
    if (key.columns.empty()) {  // ADD CONSTRAINT ... USING INDEX: an index the model may not know
      r.keys_complete = false;
      return;
    }
    key.name = text(con->conname);
    if (key.name.empty())
      key.name = default_key_name(r.name, key.columns, ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ? "pkey" : "key");
    key.origin = origin_at(json_location(con->location));
    r.unique_keys.push_back(std::move(key));
  }

  /// PostgreSQL's ChooseRelationName for a key: "t_pkey", "t_a_b_key", "t_a_idx".
  static std::string default_key_name(const std::string& table, const std::vector<std::string>& columns,
                                      const std::string& label) {
    if (label == "pkey") return table + "_pkey";
    std::string name = table;
    for (auto& c : columns) name += "_" + c;
    return name + "_" + label;
  }

  /// CREATE UNIQUE INDEX: a key of its table. Non-unique indexes change nothing modelled.
  void create_index(const PgQuery__IndexStmt* b) {
    if (!b->unique) return;
    Relation* r = lookup(b->relation);
    if (!r) return;
    UniqueKey key;
    for (const Node* p : SG_LIST(b, index_params)) {
      std::string name = is(p, SG_NODE(INDEX_ELEM)) ? text(p->index_elem->name) : "";
      if (!name.empty()) key.columns.push_back(name);
      else key.partial = true;  // an expression
    }
    if (present(b->where_clause)) key.partial = true;
    key.name = text(b->idxname);
    if (key.name.empty()) key.name = default_key_name(r->name, key.columns, "idx");
    key.origin = stmt_origin();
    if (b->if_not_exists)
      for (auto& k : r->unique_keys)
        if (k.name == key.name) return;
    r->unique_keys.push_back(std::move(key));
  }

  /// Removes the unique key (index or constraint) named `name` from `r`, or from every relation
  /// of the schema when `r` is null (DROP INDEX names no table).
  void drop_key(Relation* r, const std::string& schema_name, const std::string& name) {
    auto drop_from = [&](Relation& rel) {
      std::erase_if(rel.unique_keys, [&](const UniqueKey& k) { return k.name == name; });
    };
    if (r) return drop_from(*r);
    for (auto& [k, rel] : schema_.relations())
      if (schema_name.empty() || rel.schema == schema_name) drop_from(*schema_.find(rel.schema, rel.name));
  }

  static void add_column(Relation& r, Column c) {
    if (auto* existing = r.find_column(c.name)) *existing = std::move(c);  // inherited + redeclared
    else r.columns.push_back(std::move(c));
  }

  void create_table(const PgQuery__CreateStmt* b, const std::string& creation_schema, RelationKind kind) {
    if (!b) return;
    RelName rv = rel_name(b->relation);
    Relation r;
    r.schema = default_schema(rv.schema, creation_schema);
    r.name = rv.name;
    r.kind = b->partspec ? RelationKind::PartitionedTable : kind;
    r.origin = origin_at(rv.location);
    Relation* existing = schema_.find(r.schema, r.name);
    if (existing && b->if_not_exists) return;
    auto range_var_of = [](const Node* n) { return is(n, SG_NODE(RANGE_VAR)) ? n->range_var : nullptr; };
    // INHERITS and PARTITION OF: parent columns first.
    for (const Node* parent : SG_LIST(b, inh_relations)) {
      if (const Relation* p = lookup(range_var_of(parent))) {
        for (auto& c : p->columns) add_column(r, c);
        if (!p->columns_complete) r.columns_complete = false;
        r.parents.push_back(p->qualified_name());
      } else {
        r.columns_complete = false;
      }
    }
    if (b->of_typename) r.columns_complete = false;
    // Unique keys: known when the statement declares them all. A partition has its parent's;
    // INHERITS and LIKE ... INCLUDING copy what the model does not follow.
    r.keys_complete = true;
    bool partition = b->partbound != nullptr;
    for (const Node* parent : SG_LIST(b, inh_relations)) {
      const Relation* p = lookup(range_var_of(parent));
      if (partition && p && p->keys_complete) {
        for (auto k : p->unique_keys) r.unique_keys.push_back(std::move(k));
      } else {
        r.keys_complete = false;
      }
    }
    for (const Node* elt : SG_LIST(b, table_elts)) {
      if (is(elt, SG_NODE(COLUMN_DEF))) {
        const PgQuery__ColumnDef* eb = elt->column_def;
        if (auto* existing = r.find_column(text(eb->colname))) {
          // PARTITION OF (...) with column options: adjust, keep the parent's origin.
          for (const Node* con : SG_LIST(eb, constraints)) {
            PgQuery__ConstrType ct = contype(con);
            if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) existing->not_null = true;
            if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) existing->has_default = true;
          }
          if (!eb->type_name) continue;  // nor are its key constraints read
          add_column(r, column_def(eb));
        } else {
          add_column(r, column_def(eb));
        }
        for (const Node* con : SG_LIST(eb, constraints)) add_key_constraint(r, con, text(eb->colname));
      } else if (is(elt, SG_NODE(TABLE_LIKE_CLAUSE))) {
        const PgQuery__TableLikeClause* eb = elt->table_like_clause;
        r.keys_complete = false;
        if (const Relation* src = lookup(eb->relation)) {
          for (auto c : src->columns) {
            c.origin = origin_at(rel_name(eb->relation).location);
            add_column(r, std::move(c));
          }
          if (!src->columns_complete) r.columns_complete = false;
        } else {
          r.columns_complete = false;
        }
      } else if (is(elt, SG_NODE(CONSTRAINT))) {
        if (contype(elt) == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
          for (const Node* k : SG_LIST(elt->constraint, keys))
            if (auto* c = r.find_column(str(k))) c->not_null = true;
        add_key_constraint(r, elt);
      }
    }
    if (existing) {
      // PostgreSQL would refuse this CREATE; the relation exists already (in the live database,
      // or from an earlier migration). Keep what exists and add what the statement adds, so no
      // column the database really has disappears from the model.
      note("relation \"" + r.schema + "." + r.name + "\" already exists; its columns are merged");
      for (auto& c : r.columns)
        if (!existing->find_column(c.name)) existing->columns.push_back(c);
      return;
    }
    const Relation& added = schema_.add(std::move(r));
    for (const Node* elt : SG_LIST(b, table_elts))
      if (is(elt, SG_NODE(COLUMN_DEF))) implicit_sequence(added, elt->column_def);
  }

  void create_as(const PgQuery__CreateTableAsStmt* b, const std::string& creation_schema) {
    const PgQuery__IntoClause* into = b->into;
    RelName rv = rel_name(into ? into->rel : nullptr);
    Relation r;
    r.schema = default_schema(rv.schema, creation_schema);
    r.name = rv.name;
    r.kind = b->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? RelationKind::MaterializedView : RelationKind::Table;
    r.origin = origin_at(rv.location);
    if (schema_.find(r.schema, r.name) && b->if_not_exists) return;
    std::vector<std::string> explicit_names;
    for (const Node* n : SG_LIST(into, col_names)) explicit_names.push_back(str(n));
    fill_from_query(r, b->query, explicit_names);
    schema_.add(std::move(r));
  }

  void create_view(const PgQuery__ViewStmt* b, const std::string& creation_schema) {
    RelName rv = rel_name(b->view);
    Relation r;
    r.schema = default_schema(rv.schema, creation_schema);
    r.name = rv.name;
    r.kind = RelationKind::View;
    r.origin = origin_at(rv.location);
    std::vector<std::string> explicit_names;
    for (const Node* n : SG_LIST(b, aliases)) explicit_names.push_back(str(n));
    fill_from_query(r, b->query, explicit_names);
    schema_.add(std::move(r));
  }

  void fill_from_query(Relation& r, const Node* query, const std::vector<std::string>& explicit_names) {
    sql::OutputColumns out = sql::query_output_columns(query, schema_, path_);
    std::vector<std::string> names = out.names;
    for (size_t i = 0; i < explicit_names.size(); ++i) {
      if (i < names.size()) names[i] = explicit_names[i];
      else names.push_back(explicit_names[i]);
    }
    r.columns_complete = out.complete;
    for (auto& n : names) {
      if (n == "?column?") {
        r.columns_complete = false;
        continue;
      }
      Column c;
      c.name = n;
      c.origin = r.origin;
      add_column(r, std::move(c));
    }
  }

  /// An ALTER TABLE's commands (an absent body reads as no command).
  static std::vector<const PgQuery__AlterTableCmd*> alter_commands(const PgQuery__AlterTableStmt* b) {
    std::vector<const PgQuery__AlterTableCmd*> out;
    for (const Node* c : SG_LIST(b, cmds))
      if (is(c, SG_NODE(ALTER_TABLE_CMD))) out.push_back(c->alter_table_cmd);
    return out;
  }

  void alter_table(const PgQuery__AlterTableStmt* b) {
    RelName rv = rel_name(b->relation);
    switch (b->objtype) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE_UNDEFINED:
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: break;
      default: return;
    }
    std::vector<const PgQuery__AlterTableCmd*> cmds = alter_commands(b);
    bool has_relation_change = false;
    for (const PgQuery__AlterTableCmd* cmd : cmds) {
      switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: has_relation_change = true; break;
        default: break;
      }
    }
    if (Relation* known = lookup(b->relation)) {
      for (const PgQuery__AlterTableCmd* cmd : cmds) {
        switch (cmd->subtype) {
          case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: add_key_constraint(*known, cmd->def); break;
          case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: drop_key(known, "", text(cmd->name)); break;
          case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
            implicit_sequence(*known, text(cmd->name), nullptr, {cmd->def}, -1);
            break;
          case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
            drop_owned_sequences(known->qualified_name() + "." + text(cmd->name), false);
            break;
          default: break;
        }
      }
    }
    if (!has_relation_change) return;
    Relation* r = lookup(b->relation);
    if (!r) {
      if (b->missing_ok) return;
      if (std::string why = removed_relation(rv); !why.empty())
        fails("ALTER TABLE of relation \"" + qualified(rv) +
                  "\", which does not exist at this point (SQLSTATE 42P01): " + why,
              "42P01");
      r = lookup_or_adopt(rv);
      if (!r) return;
    }
    // Without ONLY, PostgreSQL applies column changes to every child (INHERITS, PARTITION OF).
    std::vector<Relation*> children;
    if (rv.inh) children = descendants(*r);
    for (const PgQuery__AlterTableCmd* cmd : cmds) {
      PgQuery__AlterTableType st = cmd->subtype;
      std::string name = text(cmd->name);
      const PgQuery__ColumnDef* def = is(cmd->def, SG_NODE(COLUMN_DEF)) ? cmd->def->column_def : nullptr;
      if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
        Column col = column_def(def);
        if (r->find_column(col.name) && cmd->missing_ok) continue;
        for (Relation* child : children)
          if (!child->find_column(col.name)) child->columns.push_back(col);  // else merged
        add_column(*r, std::move(col));
        implicit_sequence(*r, def);  // map nodes: r stays valid
      } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) {
        if (!cmd->missing_ok) check_column(*r, name, "DROP COLUMN of");
        auto& cols = r->columns;
        for (auto it = cols.begin(); it != cols.end(); ++it) {
          if (it->name == name) {
            // A child loses the column only where it is the inherited copy; a child that
            // declared it itself keeps it (its copy has another origin).
            for (Relation* child : children) {
              auto& cc = child->columns;
              auto own = std::find_if(cc.begin(), cc.end(), [&](const Column& x) { return x.name == name; });
              if (own != cc.end() && own->origin.file == it->origin.file && own->origin.line == it->origin.line) {
                cc.erase(own);
                schema_.history.push_back({SchemaEvent::Kind::DropColumn, child->schema, child->name, name, "", stmt_origin()});
              }
            }
            cols.erase(it);
            drop_owned_sequences(r->qualified_name() + "." + name, false);
            std::erase_if(r->unique_keys, [&](const UniqueKey& k) {
              return std::find(k.columns.begin(), k.columns.end(), name) != k.columns.end();
            });
            break;
          }
        }
        schema_.history.push_back({SchemaEvent::Kind::DropColumn, r->schema, r->name, name, "", stmt_origin()});
      } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType) {
        check_column(*r, name, "ALTER COLUMN of");
        std::string type = type_name(def ? def->type_name : nullptr);
        std::string enum_type = enum_of(def ? def->type_name : nullptr);
        if (auto* col = r->find_column(name)) col->type = type, col->enum_type = enum_type;
        for (Relation* child : children)
          if (auto* col = child->find_column(name)) col->type = type;
        schema_.history.push_back({SchemaEvent::Kind::AlterColumnType, r->schema, r->name, name, "", stmt_origin()});
      } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull) {
        check_column(*r, name, "ALTER COLUMN of");
        if (auto* col = r->find_column(name)) col->not_null = true;
        schema_.history.push_back({SchemaEvent::Kind::SetNotNull, r->schema, r->name, name, "", stmt_origin()});
      } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull) {
        check_column(*r, name, "ALTER COLUMN of");
        if (auto* col = r->find_column(name)) col->not_null = false;
      } else if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault) {
        check_column(*r, name, "ALTER COLUMN of");
        if (auto* col = r->find_column(name)) col->has_default = present(cmd->def);
      }
    }
  }

  static bool relation_object(PgQuery__ObjectType type) {
    return type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
           type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW || type == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE ||
           type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE;
  }
  static bool routine_object(PgQuery__ObjectType type) {
    return type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
           type == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE || type == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE;
  }

  void rename(const PgQuery__RenameStmt* b) {
    PgQuery__ObjectType type = b->rename_type;
    std::string newname = text(b->newname);
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
      std::string old = text(b->subname);
      std::vector<std::pair<std::string, std::string>> moves;
      for (auto& [k, r] : schema_.relations())
        if (r.schema == old) moves.push_back({r.schema, r.name});
      schema_.add_schema(newname);
      for (auto& [s, n] : moves) {
        schema_.history.push_back({SchemaEvent::Kind::MoveRelation, s, n, "", newname, stmt_origin()});
        schema_.rename(s, n, newname, n);
      }
      schema_.drop_schema(old, true, stmt_origin());
      return;
    }
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE || type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) {
      std::vector<std::string> parts = name_list(list_items(b->object));
      if (parts.size() == 1) parts.insert(parts.begin(), default_schema("", ""));
      if (!parts.empty() && schema_.types.erase(parts[0] + "." + parts.back())) schema_.types.insert(parts[0] + "." + newname);
      if (!parts.empty()) rename_enum(parts[0] + "." + parts.back(), parts[0] + "." + newname);
      return;
    }
    if (routine_object(type)) {
      std::vector<size_t> which;
      if (auto* overloads = function_overloads(b->object, &which)) {
        std::vector<Function> renamed;
        for (size_t i : which) renamed.push_back((*overloads)[i]);
        for (size_t k = which.size(); k-- > 0;) overloads->erase(overloads->begin() + static_cast<std::ptrdiff_t>(which[k]));
        for (auto& f : renamed) {
          f.name = newname;
          f.origin = stmt_origin();
          schema_.functions[f.schema + "." + newname].push_back(f);
        }
      }
      return;
    }
    RelName rv = rel_name(b->relation);
    Relation* r = lookup(b->relation);
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
      if (!r) {
        if (b->missing_ok) return;
        if (std::string why = removed_relation(rv); !why.empty())
          fails("RENAME COLUMN in relation \"" + qualified(rv) +
                    "\", which does not exist at this point (SQLSTATE 42P01): " + why,
                "42P01");
        r = lookup_or_adopt(rv);
        if (!r) return;
      }
      std::string old = text(b->subname);
      check_column(*r, old, "RENAME COLUMN of");
      if (rv.inh) {
        for (Relation* child : descendants(*r)) {
          if (auto* col = child->find_column(old)) {
            col->name = newname;
            col->origin = stmt_origin();
            schema_.history.push_back({SchemaEvent::Kind::RenameColumn, child->schema, child->name, old, newname, stmt_origin()});
          }
        }
      }
      if (auto* col = r->find_column(old)) {
        col->name = newname;
        col->origin = stmt_origin();
      } else {
        Column c;
        c.name = newname;
        c.origin = stmt_origin();
        r->columns.push_back(c);
      }
      schema_.history.push_back({SchemaEvent::Kind::RenameColumn, r->schema, r->name, old, newname, stmt_origin()});
      rename_owner(r->qualified_name() + "." + old, r->qualified_name() + "." + newname);
      for (auto& k : r->unique_keys) std::replace(k.columns.begin(), k.columns.end(), old, newname);
    } else if (type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX || type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT) {
      bool index = type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
      std::string old = index ? rv.name : text(b->subname);
      for (auto& [k, rel] : schema_.relations())
        for (auto& key : schema_.find(rel.schema, rel.name)->unique_keys)
          if (key.name == old && (index || (r && rel.name == r->name))) key.name = newname;
    } else if (relation_object(type)) {
      if (!r) {
        std::string why = b->missing_ok ? "" : removed_relation(rv);
        if (!why.empty())
          fails("RENAME of relation \"" + qualified(rv) +
                    "\", which does not exist at this point (SQLSTATE 42P01): " + why,
                "42P01");
        else if (!b->missing_ok)
          note("rename of relation \"" + rv.name + "\" that no migration creates");
        schema_.uncertain_names.insert(newname);
        return;
      }
      schema_.history.push_back({SchemaEvent::Kind::RenameRelation, r->schema, r->name, "", newname, stmt_origin()});
      std::string s = r->schema, n = r->name;
      schema_.rename(s, n, s, newname);
      rename_owner(s + "." + n, s + "." + newname);  // its sequences keep their names, not their owner's
    }
  }

  void move(const PgQuery__AlterObjectSchemaStmt* b) {
    PgQuery__ObjectType type = b->object_type;
    std::string ns = text(b->newschema);
    if (routine_object(type)) {
      std::vector<size_t> which;
      if (auto* overloads = function_overloads(b->object, &which)) {
        std::vector<Function> moved;
        for (size_t i : which) moved.push_back((*overloads)[i]);
        for (size_t k = which.size(); k-- > 0;) overloads->erase(overloads->begin() + static_cast<std::ptrdiff_t>(which[k]));
        for (auto& f : moved) {
          f.schema = ns;
          f.origin = stmt_origin();
          schema_.functions[ns + "." + f.name].push_back(f);
        }
      }
      return;
    }
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) {
      std::vector<std::string> parts = name_list(list_items(b->object));
      if (!parts.empty()) rename_enum(type_key(parts), ns + "." + parts.back());
      return;
    }
    if (!relation_object(type)) return;
    Relation* r = lookup(b->relation);
    if (!r) return;
    schema_.history.push_back({SchemaEvent::Kind::MoveRelation, r->schema, r->name, "", ns, stmt_origin()});
    std::string s = r->schema, n = r->name;
    schema_.rename(s, n, ns, n);
    rename_owner(s + "." + n, ns + "." + n);
  }

  void drop(const PgQuery__DropStmt* b) {
    PgQuery__ObjectType type = b->remove_type;
    bool cascade = b->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    Span<Node> objects = SG_LIST(b, objects);
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
      for (const Node* o : objects) schema_.drop_schema(str(o), cascade, stmt_origin());
      return;
    }
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE || type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) {
      for (const Node* o : objects) {
        std::vector<std::string> parts =
            name_list(is(o, SG_NODE(TYPE_NAME)) ? SG_LIST(o->type_name, names) : list_items(o));
        if (!parts.empty()) schema_.enums.erase(type_key(parts));
        if (parts.size() == 1) parts.insert(parts.begin(), default_schema("", ""));
        if (!parts.empty()) schema_.types.erase(parts[0] + "." + parts.back());
      }
      return;
    }
    if (routine_object(type)) {
      for (const Node* o : objects) {
        std::vector<size_t> which;
        auto* overloads = function_overloads(o, &which);
        if (!overloads) continue;
        for (size_t k = which.size(); k-- > 0;) overloads->erase(overloads->begin() + static_cast<std::ptrdiff_t>(which[k]));
      }
      return;
    }
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
      for (const Node* o : objects) {
        std::vector<std::string> parts = name_list(list_items(o));
        if (!parts.empty()) drop_key(nullptr, parts.size() >= 2 ? parts[parts.size() - 2] : "", parts.back());
      }
      return;
    }
    if (!relation_object(type)) return;
    for (const Node* o : objects) {
      std::vector<std::string> parts = name_list(list_items(o));
      if (parts.empty()) continue;
      RelName rv;
      rv.name = parts.back();
      if (parts.size() >= 2) rv.schema = parts[parts.size() - 2];
      Relation* r = lookup(rv);
      if (!r && !b->missing_ok) {
        if (std::string why = removed_relation(rv); !why.empty())
          fails("DROP of relation \"" + qualified(rv) + "\", which does not exist at this point (SQLSTATE 42P01): " + why,
                "42P01");
      }
      if (r) {
        schema_.history.push_back({SchemaEvent::Kind::DropRelation, r->schema, r->name, "", "", stmt_origin()});
        std::string s = r->schema, n = r->name;
        schema_.remove(s, n);
        drop_owned_sequences(s + "." + n, true);
      }
    }
  }

  Schema& schema_;
  const std::string& file_;
  const std::string& sql_;
  source::LineIndex index_;
  std::vector<std::string> path_;  ///< the session's search path: SET search_path in the file changes it
  std::vector<DdlNote>* notes_;
  size_t stmt_offset_ = 0;
  size_t piece_base_ = 0;   ///< where the text being applied starts in the file: parse locations are relative to it
  const std::vector<size_t>* body_map_ = nullptr;  ///< inside a DO body: body offset -> file offset
  const std::vector<uint32_t>* origin_ = nullptr;   ///< generated SQL: sql_ offset -> file offset
};

}  // namespace

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
      notes->push_back({{migration.path, source::LineIndex(migration.text).position(offset).line}, message, false, ""});
  for (auto& name : migration.uncertain_names) schema.uncertain_names.insert(name);
  if (migration.origin.empty()) return apply_sql(schema, migration.path, migration.sql, search_path, notes, error);
  Simulator sim(schema, migration.path, migration.sql, search_path, notes, &migration.origin, &migration.text);
  return sim.run(error);
}

}  // namespace schemagate::schema
