// The resolve phase: each SQL site of a file parsed by PostgreSQL's parser, its placeholders
// normalised, its references resolved against the schema the file meets, and recorded for the
// audit view (SiteRecord) and the checks (requirements); what cannot be parsed or resolved is
// unchecked with its reason, or a syntax error where the file is certainly PostgreSQL's.
#include "analyzers/pipeline/file_scanner.h"
#include "analyzers/requirements/requirement.h"
#include "analyzers/schema/builtin.h"
#include "analyzers/schema/implicit_sequences.h"
#include "analyzers/sql/scan.h"

namespace schemagate::pipeline {

namespace {

/// `text` with each format verb in code (`%s`, `%v`; not in a literal or a comment) made a hole,
/// or nothing when it has none: a query file's statement that Go code fills in with fmt.Sprintf
/// (listmonk's `SELECT ... FROM %s`), whose verb stands where no parameter parses.
std::optional<sql::SqlText> format_verbs_as_holes(const sql::SqlText& text) {
  const std::string& s = text.text;
  sql::SqlText out;
  bool any = false;
  size_t copied = 0;
  for (size_t i = 0; i < s.size();) {
    if (size_t past = sql::skip_comment_or_quoted(s, i).end; past > i) {
      i = past;
      continue;
    }
    if (s[i] == '%' && i + 1 < s.size() && (s[i + 1] == 's' || s[i + 1] == 'v') &&
        (i + 2 >= s.size() || !sql::identifier_char(s[i + 2]))) {
      out.append_part(text, copied, i);
      out.append_hole(text.host_offset(i));
      i += 2;
      copied = i;
      any = true;
      continue;
    }
    ++i;
  }
  if (!any) return std::nullopt;
  out.append_part(text, copied, s.size());
  return out;
}

const char* status_name(sql::RefStatus s) {
  switch (s) {
    case sql::RefStatus::Resolved: return "ok";
    case sql::RefStatus::Missing: return "missing";
    case sql::RefStatus::Unchecked: return "unchecked";
  }
  return "unchecked";
}

/// The first call of the statements to a built-in of another engine that neither PostgreSQL,
/// an extension it ships, nor `schema` provides (requirements::other_engine_builtin), or "".
std::string other_engine_call(const std::vector<sql::Resolution>& resolutions, const schema::Schema& schema) {
  if (!schema::builtin::unavailable().empty()) return "";
  for (const sql::Resolution& r : resolutions)
    for (const sql::FunctionCall& c : r.calls) {
      if (!c.schema.empty() || c.procedure || !requirements::other_engine_builtin(c.name)) continue;
      if (schema::builtin::function(c.name, c.arguments) != schema::builtin::Match::NoName || schema::builtin::type(c.name) ||
          schema::builtin::any_extension_function(c.name, {}))
        continue;
      bool defined = false;
      for (auto& [key, overloads] : schema.functions)
        if (key.size() > c.name.size() && key.ends_with("." + c.name)) defined = true;
      if (!defined && !schema.uncertain_names.count(c.name)) return c.name;
    }
  return "";
}

/// An aggregate PostgreSQL refuses to call without an argument (count(), sum()), called so
/// (count(*) is a call with a star): its name, or "".
std::string argumentless_aggregate(const std::vector<sql::Resolution>& resolutions) {
  for (const sql::Resolution& r : resolutions)
    for (const sql::FunctionCall& c : r.calls)
      if (c.schema.empty() && c.arguments == 0 && !c.star && !c.procedure &&
          (c.name == "count" || c.name == "sum" || c.name == "avg" || c.name == "min" || c.name == "max"))
        return c.name;
  return "";
}

/// In Java or Kotlin, JPQL/HQL handed to a project helper that calls createQuery (tolgee's
/// jpqlUpdate("DELETE FROM TranslationSuggestion ts ...")): a name the schema lacks written in
/// camel case whose snake_case form the schema has (the entity TranslationSuggestion of table
/// translation_suggestion, the field deletedAt of column deleted_at). Returns that name, or "".
/// A typo in SQL a call runs (`SELECT createdAt FROM users` through createNativeQuery) is still
/// judged unless the statement writes a relation as an entity class (`FROM Language e`).
std::string jpql_entity_name(const std::vector<sql::Resolution>& resolutions, const std::string& sql,
                             const schema::Schema& schema, bool database_call) {
  auto snake = [](std::string_view w) {
    std::string out;
    for (size_t i = 0; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(w[i - 1]))) out.push_back('_');
      out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
  };
  // Through a call that takes SQL (query(Language::class, "select e from Language e ...")), only
  // where a relation is written as an entity class is (Language, not language).
  bool entity_style = !database_call;
  for (const sql::Resolution& r : resolutions)
    for (const sql::Reference& ref : r.refs)
      if (ref.kind == sql::Reference::Kind::Relation && ref.offset + ref.relation.size() <= sql.size() &&
          ref.relation.size() > 1 && std::isupper(static_cast<unsigned char>(sql[ref.offset])) &&
          std::islower(static_cast<unsigned char>(sql[ref.offset + 1])))
        entity_style = true;
  if (!entity_style) return "";
  for (const sql::Resolution& r : resolutions)
    for (const sql::Reference& ref : r.refs) {
      if (ref.status != sql::RefStatus::Missing) continue;
      const std::string& name = ref.kind == sql::Reference::Kind::Column ? ref.column : ref.relation;
      if (ref.offset + name.size() > sql.size()) continue;
      std::string_view written = std::string_view(sql).substr(ref.offset, name.size());
      bool camel = false;
      for (size_t i = 1; i < written.size(); ++i)
        camel = camel || (std::isupper(static_cast<unsigned char>(written[i])) && std::islower(static_cast<unsigned char>(written[i - 1])));
      if (!camel) continue;
      std::string snaked = snake(written);
      if (ref.kind == sql::Reference::Kind::Column) {
        const schema::Relation* rel = schema.find(ref.schema, ref.relation);
        if (rel && rel->find_column(snaked)) return std::string(written);
      } else {
        for (auto& [key, rel] : schema.relations())
          if (rel.name == snaked) return std::string(written);
      }
    }
  return "";
}

/// Where the statement at `location` really starts: libpg_query's location includes the blanks
/// and comments before it.
size_t statement_start(const std::string& sql, size_t location) {
  size_t at = sql::skip_blanks_and_comments(sql, location);
  return at >= sql.size() ? location : at;
}

/// A statement that does not parse is judged PostgreSQL's only when it starts as DML does and
/// nothing in it marks another engine's dialect (backquotes, brackets, MySQL's and SQLite's own
/// clauses, @variables) or a template filled in later ({name}, #{name}, {{ }}): those stay
/// unchecked. Outside string literals and comments.
bool plainly_postgresql(const std::string& sql) {
  std::string code;  // lower-cased, string constants as '', comments as one blank (sql/scan.h)
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (sql::Skipped comment = sql::skip_comment_run(sql, i); comment.end != i) {
      code += ' ';
      i = comment.end - 1;
      continue;
    }
    if (c == '\'' || !sql::dollar_tag(sql, i).empty()) {
      code += "''";
      i = sql::skip_quoted(sql, i).end - 1;
      continue;
    }
    if (c == '"') {  // a quoted identifier is a name: kept, so a quote inside it starts nothing
      size_t end = sql::skip_quoted(sql, i).end;
      for (; i < end; ++i) code += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i])));
      --i;
      continue;
    }
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  size_t first = code.find_first_not_of(" \t\r\n(");
  if (first == std::string::npos) return false;
  bool dml = false;
  for (const char* k : {"select", "insert", "update", "delete", "with", "merge"})
    if (code.compare(first, std::strlen(k), k) == 0 && (first + std::strlen(k) >= code.size() ||
                                                          !std::isalnum(static_cast<unsigned char>(code[first + std::strlen(k)]))))
      dml = true;
  if (!dml) return false;
  for (char c : code)
    if (c == '`' || c == '[' || c == ']' || c == '{' || c == '}' || c == '@' || c == '#' || c == '\\')
      return false;
  for (const char* m : {"auto_increment", "on duplicate key", "insert ignore", "replace into", "insert or ", "pragma",
                        " top ", "unsigned", "engine=", "nolock", "rownum", "straight_join", "sql_calc_found_rows",
                        "ifnull", "group_concat", "limit ?", "limit $1,", " regexp ", " rlike ", "lock in share mode",
                        " if not exists", " if exists", "allow filtering", "using ttl"})
    if (code.find(m) != std::string::npos) return false;
  return true;
}

/// The statement is one string literal of the file (escapes aside): no pieces joined by `+`,
/// `+=` or a constant from elsewhere. Joined pieces may come from branches that never run
/// together (`if sorted { q += "ORDER BY a" } else { q += "ORDER BY b" }`), which the scan
/// reads one after the other: their sum failing to parse proves nothing.
bool one_literal(const sql::SqlText& sql) {
  for (size_t i = 1; i < sql.origin.size(); ++i)
    if (sql.origin[i] < sql.origin[i - 1] || sql.origin[i] - sql.origin[i - 1] > 10) return false;
  return true;
}

/// Whether the statements name at least one relation and nothing ties them to `schema`: no
/// relation they name is there, none was dropped or renamed by a migration, and none is a
/// near miss of one there (a typo, a case slip: those are findings about this schema).
/// `near_misses`: whether a relation of a name close to one the schema has (a typo of it) ties
/// the text to this database.
bool names_no_relation_of_schema(const std::vector<sql::Resolution>& resolutions, const schema::Schema& schema,
                                 bool near_misses = true) {
  std::vector<std::string> names;
  for (auto& [key, r] : schema.relations()) names.push_back(r.name);
  bool missing = false;
  for (const sql::Resolution& r : resolutions)
    for (const sql::Reference& ref : r.refs) {
      if (ref.kind != sql::Reference::Kind::Relation) continue;
      if (ref.status == sql::RefStatus::Resolved) return false;
      if (ref.status != sql::RefStatus::Missing) continue;
      missing = true;
      for (const schema::SchemaEvent& e : schema.history)
        if (e.relation == ref.relation) return false;
      if (near_misses &&
          (!checks::case_variant(ref.relation, names).empty() || !checks::closest_name(ref.relation, names).empty()))
        return false;
    }
  return missing;
}

}  // namespace

void FileScanner::analyze_site(const std::string& rel, const report::LineIndex& lines, const languages::SqlSite& site,
                               FileResult* result) {
  // In a test, SQL that no database call receives is an expected value (a query builder's
  // output in an assertion) or a fixture for the code under test, not a query the test runs.
  // In a Spark job it is Spark SQL over temporary views, not PostgreSQL; beside ClickHouse SQL
  // it is a query for that engine.
  if (!site.database_call && only_database_calls_) return;
  // A call named like a database call but given no SQL text, in a test of a package that declares
  // no database client (an Angular spec's fixture.debugElement.query(By.css('input'))): nothing
  // says it is a query at all, so it is no site (one with SQL text still is, unchecked: it goes
  // to a fake).
  if (site.dynamic && !no_database_client_.empty()) return;
  SiteRecord rec;
  rec.file = rel;
  rec.offset = static_cast<uint32_t>(site.host_begin);
  rec.via = site.database_call ? site.call_name : "string";
  bool no_site = false;
  if (unchecked_before_reading(rel, lines, site, &rec, result, &no_site)) {
    if (!no_site) result->sites.push_back(std::move(rec));
    return;
  }
  // The code being deployed was written for the eventual schema; the running code for the
  // current one.
  const schema::Schema& intended = file_targets_.deploy ? *file_targets_.current : *file_targets_.eventual;
  if (site.chain) {
    analyze_chain_expression(rel, site, intended, site.chain->listed ? &rec : nullptr, result);
    return;
  }
  bool has_holes = site.sql.text.find(sql::kHole) != std::string::npos;
  sql::NormalizedSql norm = sql::normalize_placeholders(site.sql);
  rec.sql = norm.sql.text;
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  std::optional<sql::PartialReading> partial;
  std::string why_not;
  bool only_fragments = false;  // it parses around the fragments, which hold every name
  bool parsed = norm.unchecked_reason.empty() && sql::parse(norm.sql.text, &stmts, &perr);
  // A query file's statement that does not parse with its format verbs as parameters: the code
  // that reads it fills them in (format_verbs_as_holes).
  std::optional<sql::SqlText> verbs;
  if (!parsed && !has_holes && norm.unchecked_reason.empty() && rel.size() > 4 &&
      rel.compare(rel.size() - 4, 4, ".sql") == 0)
    verbs = format_verbs_as_holes(site.sql);
  const sql::SqlText& around = verbs ? *verbs : site.sql;
  // Read around run-time fragments where the statement does not parse with parameters in their
  // place, or parses only as something else (analyzers/sql/fragments.h).
  if ((has_holes || verbs) &&
      (!parsed || sql::fragment_after_name(around) || sql::fragment_names_a_column(around, site.tagged))) {
    partial.emplace();
    if (!sql::read_around_fragments(around, intended, search_path(), &*partial, &why_not,
                                    site.database_call)) {
      partial.reset();
    } else if (!partial->judges_something()) {
      why_not = "it parses, but every name it holds is in a run-time fragment: what they hold is not checked";
      only_fragments = true;
      partial.reset();
    }
  }
  if (!parsed && !partial) {
    // CREATE TABLE t (<columns built at run time>): t exists when the code runs, whatever its
    // columns; a name that is itself a fragment creates nothing known by name, but a table of a
    // form the evaluate phase may know (run_time_names.h): it is kept with its holes.
    if (has_holes)
      for (auto& [created, offset] : created_tables_in_text(site.sql.text))
        if (created.schema.find(sql::kHole) == std::string::npos || created.name.find(sql::kHole) != std::string::npos)
          result->created.push_back({created, rel, lines.position(site.host_begin).line});
    // DDL or a utility command whose names are given at run time (CREATE SCHEMA for a tenant,
    // SAVEPOINT sp_${n}): written out it would not be judged either, so it is no query left
    // unchecked but a site of its own kind, which the coverage figure leaves out.
    if (has_holes && site.database_call && sql::reads_as_utility(site.sql)) {
      rec.reason = "DDL or a utility command whose names are given at run time: not a query, nothing in it is judged";
      rec.reason_id = kUtilityStatement;
      result->sites.push_back(std::move(rec));
      return;
    }
    record_unparsed(rel, site, norm, perr, has_holes, why_not, only_fragments, std::move(rec), result);
    return;
  }
  if (partial) {
    norm = partial->norm;
    stmts = partial->statements;
    rec.sql = norm.sql.text;
    rec.partly = true;
    bool schema_only = partial->schema_fragment && !partial->relation_fragment && !partial->query_fragment &&
                       partial->readings == 1;
    rec.reason_id = partial->relation_fragment ? kDynamicRelation : schema_only ? kDynamicSchema : kDynamicClause;
    rec.reason = partial->relation_fragment
                     ? "a relation's name is a run-time fragment: its columns are not checked"
                 : partial->query_fragment
                     ? "a subquery is a run-time fragment: the columns it provides are not checked"
                 : schema_only
                     ? "a relation's schema is a run-time fragment: checked against the one relation of that name the migrations create"
                     : "run-time fragments stand where clauses or names are expected: what they hold is not checked";
  }
  for (auto& s : stmts) {
    sql::CreatedRelation created = sql::created_relation(s.node);
    std::vector<std::string> by_name;
    // A function the code creates: calls of that name are not judged ("function:" keys), and
    // calls by argument names (PostgREST's) only when it takes those names.
    if (created.name.empty() && sql::is(s.node, SG_NODE(CREATE_FUNCTION_STMT)))
      if (auto fn = SG_LIST(s.node->create_function_stmt, funcname); !fn.empty()) {
        created = {"", "function:" + sql::str(fn.back())};
        by_name = requirements::named_call_keys(created.name, s.node->create_function_stmt);
      }
    size_t at = statement_start(norm.sql.text, s.location);
    int line = lines.position(norm.sql.host_offset(at)).line;
    if (!created.name.empty()) result->created.push_back({created, rel, line});
    if (sql::is(s.node, SG_NODE(DO_STMT)))  // a DO block may create several tables
      for (auto& more : sql::created_relations(s.node))
        if (more.name != created.name || more.schema != created.schema) result->created.push_back({more, rel, line});
    for (auto& key : by_name) result->created.push_back({{"", key}, rel, line});
    // The sequences it creates with them (serial and identity columns, CREATE SEQUENCE): a
    // setval('"t_id_seq"', ...) further on names one.
    for (auto& [schema, name] : schema::sequences_created_by(s.node)) result->created.push_back({{schema, name}, rel, line});
    // The columns it adds (a start-up ALTER TABLE ... ADD COLUMN IF NOT EXISTS): a use of one is
    // not certain to miss ("column:" keys, as functions' "function:" ones).
    for (auto& [relation, column] : sql::added_columns(s.node))
      if (relation.name.find(sql::kHole) == std::string::npos && column.find(sql::kHole) == std::string::npos)
        result->created.push_back({{relation.schema, "column:" + relation.name + "." + column}, rel, line, "added at run time by the code at"});
  }
  bool any_dml = false, site_has_ddl = false, all_dml = true;
  for (auto& s : stmts) {
    any_dml = any_dml || sql::is_checked(s.node);
    site_has_ddl = site_has_ddl || !sql::is_checked(s.node);
    all_dml = all_dml && sql::is_dml(s.node);
  }
  if (!any_dml) return;  // DDL or utility statements run by code are not references

  rec.checked = !partial;
  // SQL defined in one place and run in another (a constant): findings say where it runs.
  uint32_t text_start = site.sql.origin.empty() ? site.host_begin : site.sql.origin.front();
  bool defined_elsewhere = text_start < site.host_begin || text_start > site.host_begin + 8;  // past a quote and prefix
  std::vector<sql::Resolution> resolutions(stmts.size());
  for (size_t i = 0; i < stmts.size(); ++i)
    if (sql::is_checked(stmts[i].node))
      resolutions[i] = partial ? std::move(partial->resolutions[i])
                               : sql::resolve_statement(stmts[i].node, norm.sql.text, intended, search_path());
  // A call of another engine's built-in that nothing here provides (SQLite's typeof() in a
  // handler only SQLite databases run, MySQL's group_concat()): the statement is written for
  // that engine, so none of its names is judged.
  if (std::string call = other_engine_call(resolutions, intended); !call.empty()) {
    rec.checked = rec.partly = false;
    rec.reason = "SQL for another engine: it calls " + call + "(), a built-in of another engine that PostgreSQL lacks";
    rec.reason_id = kOtherEngine;
    result->sites.push_back(std::move(rec));
    return;
  }
  // Text no database call runs with an aggregate called without an argument (`SELECT count()
  // FROM events`: ClickHouse's and PostHog's HogQL, which an HTTP API receives): PostgreSQL
  // refuses the call itself, so the text is another engine's.
  if (!site.database_call)
    if (std::string call = argumentless_aggregate(resolutions); !call.empty()) {
      rec.checked = rec.partly = false;
      rec.reason = "SQL for another engine: it calls " + call + "() without an argument, which PostgreSQL refuses";
      rec.reason_id = kOtherEngine;
      result->sites.push_back(std::move(rec));
      return;
    }
  if (rel.ends_with(".java") || rel.ends_with(".kt"))
    if (std::string entity = jpql_entity_name(resolutions, norm.sql.text, intended, site.database_call);
        !entity.empty()) {
      rec.checked = rec.partly = false;
      rec.reason = "JPQL, not SQL: it names " + entity + ", an entity or field whose table or column is " +
                   "written in snake_case (a helper that calls createQuery takes it)";
      rec.reason_id = kOtherEngine;
      result->sites.push_back(std::move(rec));
      return;
    }
  // Text no database call runs, every relation of which this schema lacks: nothing ties it to
  // this database (a product's own query language over an analytics store, a sample for
  // another service), so it is not judged. A missing relation beside one the schema has is.
  // So is a test's own .sql file naming only relations the schema never had (a sample a storage
  // test uploads, data for another store): a near miss of a relation there (t_ds_student beside
  // t_ds_tenant) is no typo the deploy meets, as the test does not run on this schema's tables.
  bool test_sql = site_is_sql_file(rel) && source::is_test_file(rel);
  if (((!site.database_call && !site_is_sql_file(rel)) || test_sql) &&
      names_no_relation_of_schema(resolutions, intended, !test_sql)) {
    rec.checked = rec.partly = false;
    rec.reason = "no database call runs this text, and it names no relation of this schema: it may be another database's";
    rec.reason_id = kOtherDatabase;
    result->sites.push_back(std::move(rec));
    return;
  }
  for (size_t i = 0; i < stmts.size(); ++i) {
    const sql::ParsedStatement& s = stmts[i];
    if (!sql::is_checked(s.node)) continue;
    sql::Resolution res = std::move(resolutions[i]);
    if (has_holes && !site.database_call && sql::fragment_fills_condition(site.sql))
      sql::leave_missing_relations_unchecked(&res);
    if (!site.outer_ctes.empty()) sql::leave_outer_ctes_unchecked(&res, site.outer_ctes);
    // Around run-time fragments a call or a string may be the fragment's stand-in, and a hole
    // may stand for any number of arguments or values (f(${placeholders})). Beside DDL in the
    // same text (ALTER COLUMN ... TYPE text, then UPDATE), the statement does not meet the
    // eventual schema; a script no query tool claims may create what it calls (\i includes).
    if (partial || has_holes || site_has_ddl || plain_sql_file_) {
      res.calls.clear();
      res.arity_errors.clear();
      if (partial || site_has_ddl || plain_sql_file_) res.enum_literals.clear();
    }
    if (options_.keep.references) add_reference_records(res, norm.sql, &rec);
    requirements::Unit unit;
    unit.file = rel;
    unit.fingerprint_text = norm.sql.text.substr(s.location, s.length ? s.length : std::string::npos);
    if (site.database_call && defined_elsewhere) {
      unit.runs_through = site.call_name;
      unit.runs_at = site.host_begin;
    }
    unit.rewritten = site.rewritten;
    // Beside DDL the code runs in the same string (ALTER COLUMN ... TYPE, then an UPDATE), a
    // statement meets the schema that DDL leaves, not the migrations': not prepared alone.
    if (!partial && all_dml && options_.keep.statements) {
      result->statements.push_back(checked_statement(rel, result->sites.size(), s, norm.sql, unit.fingerprint_text));
      result->statements.back().holes = has_holes;
    }
    auto& reqs = result->requirements;
    reqs.units.push_back(std::move(unit));
    sql::add_requirements(res, norm.sql, reqs.units.size() - 1, &reqs.requirements);
    if (site.stars_are_column_lists) add_star_requirements(s.node, norm.sql, intended, reqs.units.size() - 1, result);
  }
  result->sites.push_back(std::move(rec));
}

bool FileScanner::unchecked_before_reading(const std::string& rel, const report::LineIndex& lines,
                                           const languages::SqlSite& site, SiteRecord* rec, FileResult* result,
                                           bool* no_site) {
  if (!no_database_client_.empty()) {
    rec->reason = "a test in a package whose " + no_database_client_ + " declares no database client: its SQL goes to a fake";
    rec->reason_id = kTestFake;
    return true;
  }
  if (auto fake = test_doubles_.find(site.call_name); site.database_call && fake != test_doubles_.end() && !fake->second.empty()) {
    rec->reason = "a test that declares its own " + site.call_name + "() (" + fake->second + "): its SQL goes to that fake";
    rec->reason_id = kTestFake;
    return true;
  }
  if (auto other = file_schema_.site(site.sql.text)) {
    rec->reason = std::move(other->reason);
    rec->reason_id = other->reason_id;
    *no_site = !other->site;
    return true;
  }
  if (!site.expected_failure.empty()) {
    rec->reason = site.expected_failure;
    rec->reason_id = kExpectedFailure;
    return true;
  }
  if (!other_engine_.empty() || !site.other_engine.empty()) {
    rec->reason = "SQL for " + (other_engine_.empty() ? site.other_engine : other_engine_) + ", not PostgreSQL";
    rec->reason_id = kOtherEngine;
    // A table that engine's code creates (a SQLite index's CREATE VIRTUAL TABLE documents) is
    // one a test of that code reads through a handle nothing marks as SQLite's: as with another
    // engine's migrations, that name is not judged anywhere in the project.
    for (auto& [created, offset] : created_tables_in_text(site.sql.text))
      if (created.name.find(sql::kHole) == std::string::npos)
        result->created.push_back({created, rel, lines.position(site.host_begin).line, "created by another engine's code at"});
    return true;
  }
  if (site.dynamic) {
    rec->reason = "the query text is built at run time";
    rec->reason_id = kDynamicQuery;
    return true;
  }
  return false;
}

void FileScanner::record_unparsed(const std::string& rel, const languages::SqlSite& site, const sql::NormalizedSql& norm,
                                  const sql::ParseError& perr, bool has_holes, const std::string& why_not,
                                  bool only_fragments, SiteRecord rec, FileResult* result) {
  if (norm.unchecked_reason.empty() && !site.database_call && !has_holes) return;  // only looked like SQL
  // An error at a placeholder ("at or near "$4"") is a value standing where SQL text goes:
  // a template (FROM %s filled by Sprintf), not a syntax error.
  bool at_placeholder = perr.message.find("at or near \"$") != std::string::npos;
  if (norm.unchecked_reason.empty() && site.database_call && !has_holes && !plain_sql_file_ && !at_placeholder &&
      postgres_code_ && one_literal(site.sql) && source::may_contain_sql(norm.sql.text) &&
      plainly_postgresql(norm.sql.text)) {
    // A database call sends it as it is, and nothing in it says it is for another engine or
    // a template filled later: PostgreSQL rejects it on every call.
    report::Diagnostic d;
    const checks::Check& rule = checks::check_for(report::Rule::SyntaxError);
    d.rule = std::string(rule.id());
    d.severity = rule.severity;
    d.file = rel;
    d.offset = norm.sql.host_offset(std::min(perr.offset, norm.sql.text.empty() ? 0 : norm.sql.text.size() - 1));
    d.width = 1;
    d.message = perr.message + " (SQLSTATE 42601): PostgreSQL cannot parse the statement " + site.call_name + " sends";
    d.help = "fix the statement; if it is written for another database, exclude the file in schemagate.yaml";
    result->syntax_errors.push_back(std::move(d));
    rec.reason = "does not parse: " + perr.message;
    rec.reason_id = kDoesNotParse;
    result->sites.push_back(std::move(rec));
    return;
  }
  bool name = !norm.unchecked_reason.empty();
  rec.reason = only_fragments ? why_not
               : name           ? norm.unchecked_reason
               : has_holes      ? "a run-time fragment stands where an identifier or a clause is expected (" +
                                      perr.message + ")"
                                : "does not parse: " + perr.message;
  bool condition = norm.unchecked_reason.find("condition") != std::string::npos;
  rec.reason_id = name && !condition                               ? kDynamicName
                  : name                                           ? kDynamicClause
                  : !has_holes                                     ? kDoesNotParse
                  : why_not.find("too many") != std::string::npos ? kTooManyReadings
                                                                   : kDynamicClause;
  result->sites.push_back(std::move(rec));
}

CheckedStatement FileScanner::checked_statement(const std::string& rel, size_t site_index, const sql::ParsedStatement& s,
                                                const sql::SqlText& sql, std::string fingerprint_text) {
  CheckedStatement cs;
  cs.file = rel;
  cs.site = site_index;
  size_t end = s.length ? s.location + s.length : sql.text.size();
  cs.sql.text = sql.text.substr(s.location, end - s.location);
  cs.sql.origin.assign(sql.origin.begin() + static_cast<std::ptrdiff_t>(s.location),
                       sql.origin.begin() + static_cast<std::ptrdiff_t>(std::min(end, sql.origin.size())));
  if (sql::is(s.node, SG_NODE(INSERT_STMT)) && s.node->insert_stmt->on_conflict_clause) {
    cs.plan = true;
    const PgQuery__OnConflictClause* clause = s.node->insert_stmt->on_conflict_clause;
    if (clause->location != 0) {  // 0: not known
      long at = static_cast<long>(clause->location) - static_cast<long>(s.location);
      if (at >= 0 && static_cast<size_t>(at) < cs.sql.text.size()) cs.conflict_offset = static_cast<size_t>(at);
    }
  }
  if (!cs.plan) {  // ON CONFLICT inside a WITH: planned too, 42P10 then at the statement
    std::string lower = cs.sql.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    cs.plan = lower.find("on conflict") != std::string::npos;
  }
  cs.fingerprint_text = std::move(fingerprint_text);
  return cs;
}

void FileScanner::analyze_chain_expression(const std::string& rel, const languages::SqlSite& site, const schema::Schema& intended,
                                           SiteRecord* listed, FileResult* result) {
  sql::ChainReading reading;
  // A listed expression's relations are those a tag quoted (Drizzle's models): sent as written.
  bool as_written = site.chain->listed || datalayers::kysely::sends_names_as_written(facts_);
  if (!sql::read_chain_expression(site.sql, *site.chain, intended, options_.search_path, as_written, &reading)) {
    if (listed) {  // `${users.email} desc`: a piece of a clause, not an expression
      listed->sql = sql::normalize_placeholders(site.sql).sql.text;
      listed->reason = "a fragment of a statement its query builder assembles, not an expression: it is not read";
      listed->reason_id = kDynamicClause;
      result->sites.push_back(std::move(*listed));
    }
    return;
  }
  sql::Resolution& res = reading.resolution;
  if (!site.outer_ctes.empty()) sql::leave_outer_ctes_unchecked(&res, site.outer_ctes);
  // A hole may stand for any number of arguments (f(${args})).
  if (site.sql.text.find(sql::kHole) != std::string::npos) res.calls.clear();
  if (listed) {
    listed->sql = sql::normalize_placeholders(site.sql).sql.text;
    listed->checked = true;
    if (options_.keep.references) add_reference_records(res, reading.norm.sql, listed);
    result->sites.push_back(std::move(*listed));
  }
  auto& reqs = result->requirements;
  requirements::Unit unit;
  unit.file = rel;
  unit.fingerprint_text = reading.norm.sql.text;
  reqs.units.push_back(std::move(unit));
  sql::add_requirements(res, reading.norm.sql, reqs.units.size() - 1, &reqs.requirements);
}

void FileScanner::add_reference_records(const sql::Resolution& res, const sql::SqlText& text, SiteRecord* rec) const {
  rec->references.reserve(rec->references.size() + res.refs.size());
  for (auto& ref : res.refs) {
    ReferenceRecord rr;
    rr.kind = ref.kind == sql::Reference::Kind::Relation ? "relation" : "column";
    rr.status = status_name(ref.status);
    rr.relation = ref.schema.empty() ? ref.relation : ref.schema + "." + ref.relation;
    rr.column = ref.column;
    rr.offset = static_cast<uint32_t>(text.host_offset(ref.offset));
    rr.note = ref.note;
    if (judged_later(rr)) rr.judged = std::make_shared<const requirements::Requirement>(sql::requirement_of(ref));
    rec->references.push_back(std::move(rr));
  }
}

void FileScanner::merge_variant(FileResult* result, size_t lead) {
  size_t at = result->sites.size() - 1;
  SiteRecord v = std::move(result->sites.back());
  result->sites.pop_back();
  for (auto& st : result->statements)
    if (st.site == at) st.site = lead;
  SiteRecord& r = result->sites[lead];
  bool judged = r.checked || r.partly || v.checked || v.partly;
  if (r.checked && !v.checked) {
    r.reason = v.reason;
    r.reason_id = v.reason_id;
  }
  r.checked = r.checked && v.checked;
  r.partly = judged && !r.checked;
  for (auto& ref : v.references)
    if (std::none_of(r.references.begin(), r.references.end(), [&](const ReferenceRecord& o) {
          return o.kind == ref.kind && o.relation == ref.relation && o.column == ref.column && o.offset == ref.offset &&
                 o.status == ref.status;
        }))
      r.references.push_back(std::move(ref));
}

void FileScanner::add_star_requirements(const sql::Node* stmt, const sql::SqlText& text, const schema::Schema& intended,
                                        size_t unit, FileResult* result) {
  for (auto& sc : sql::star_columns(stmt, intended, search_path())) {
    requirements::Requirement r;
    r.object = requirements::Object::Column;
    r.schema = sc.schema;
    r.relation = sc.relation;
    r.column = sc.column;
    r.span.begin = text.host_offset(sc.offset);
    r.span.end = r.span.begin + 1;
    r.unit = unit;
    result->stars.emplace(r.span.begin, 0);
    result->requirements.requirements.push_back(std::move(r));
  }
}

}  // namespace schemagate::pipeline
