#include "analyzers/pipeline/deep_check.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include "analyzers/checks/check.h"
#include "analyzers/schema/catalog/scratch_database.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/report/locator.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/scan.h"

namespace schemagate::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

/// Errors that say a relation or column does not exist: the static check's own ground, where
/// it knows relations that exist without a migration (created by the code, tracking tables).
bool is_existence_error(const std::string& sqlstate) { return sqlstate == "42P01" || sqlstate == "42703"; }

/// The first double-quoted name in a server message: `relation "x" does not exist` -> x.
std::string quoted_name(const std::string& message) {
  size_t a = message.find('"');
  size_t b = a == std::string::npos ? a : message.find('"', a + 1);
  return b == std::string::npos ? "" : message.substr(a + 1, b - a - 1);
}

/// A server's trouble, not the migration's: a missing extension's files (58P01), resources,
/// shutdowns, privileges, internal errors.
bool is_environment_error(const std::string& sqlstate) {
  if (sqlstate.size() != 5) return true;
  std::string cls = sqlstate.substr(0, 2);
  return cls == "08" || cls == "53" || cls == "54" || cls == "55" || cls == "57" || cls == "58" || cls == "F0" ||
         cls == "XX" || sqlstate == "42501" || sqlstate == "0A000";
}

/// Code points of the name that starts at byte `at` of `text` (at least 1): what is underlined.
int width_at(const std::string& text, size_t at) {
  int width = 0;
  for (size_t i = at; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!(std::isalnum(c) || c == '_' || c == '$' || c >= 0x80)) break;
    if ((c & 0xC0) != 0x80) ++width;
  }
  return std::max(1, width);
}

/// Statements of one migration: the scanner's spans, a span that does not parse alone joined
/// with the next (BEGIN ATOMIC bodies), blank spans dropped.
std::vector<sql::StatementSpan> migration_statements(const std::string& text) {
  std::vector<sql::StatementSpan> spans, out;
  if (!sql::split_statements(text, &spans)) return {{0, text.size()}};
  for (size_t i = 0; i < spans.size(); ++i) {
    sql::StatementSpan s = spans[i];
    if (sql::skip_blanks_and_comments(text, s.location) >= s.location + s.length) continue;
    for (size_t j = i + 1; j < spans.size(); ++j) {
      std::vector<sql::ParsedStatement> parsed;
      sql::ParseError perr;
      if (sql::parse(text.substr(s.location, s.length), &parsed, &perr)) break;
      s.length = spans[j].location + spans[j].length - s.location;
      i = j;
    }
    out.push_back(s);
  }
  return out;
}

const checks::Check& rejects_check() { return checks::check_for(report::Rule::PostgresRejects); }

/// Whether the parameter at byte `at` of `text` (`$n`) follows a type name that makes a typed
/// literal of a string (`INTERVAL $1`, `DATE $2`, `TIMESTAMP WITH TIME ZONE $3`).
bool typed_literal_parameter(std::string_view text, size_t at) {
  if (at >= text.size() || text[at] != '$') return false;
  size_t end = at;
  while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  size_t begin = end;
  while (begin > 0 && (std::isalpha(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '_')) --begin;
  if (begin == end || end == at) return false;
  std::string word(text.substr(begin, end - begin));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string> types = {"interval", "date", "time", "timestamp", "timestamptz", "zone", "json",
                                              "jsonb", "uuid", "inet", "cidr", "numeric", "money", "bytea", "point"};
  return types.count(word) != 0;
}

/// Applies one migration file. False with *err for a server's trouble; *rejected set (and the
/// finding appended) when PostgreSQL rejects a statement.
bool apply_file(schema::catalog::ScratchDatabase& db, const schema::migrations::MigrationFile& m,
                std::vector<report::Diagnostic>* out, bool* rejected, DeepSummary* summary, std::string* err) {
  const std::string& text = m.text.empty() ? m.sql : m.text;
  auto file_offset = [&](size_t sql_offset) -> uint32_t {
    if (m.origin.empty()) return static_cast<uint32_t>(sql_offset);
    return sql_offset < m.origin.size() ? m.origin[sql_offset] : (m.origin.empty() ? 0 : m.origin.back());
  };
  for (auto& span : migration_statements(m.sql)) {
    std::string statement = m.sql.substr(span.location, span.length);
    schema::catalog::ServerError result;
    ++summary->migration_statements;
    std::set<std::string> roles;
    for (;;) {
      if (!db.run(statement, &result, err)) return false;
      // A role the migrations grant to but do not create (a platform's, such as Supabase's
      // "authenticated") is created in the scratch database, NOLOGIN, and the statement retried.
      if (!result.ok && result.sqlstate == "42704" && result.message.rfind("role \"", 0) == 0 &&
          roles.insert(quoted_name(result.message)).second && roles.size() <= 20) {
        schema::catalog::ServerError created;
        std::string role = quoted_name(result.message), quoted = "\"";
        for (char c : role) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        if (!db.run("CREATE ROLE " + quoted + "\" NOLOGIN", &created, err)) return false;
        if (created.ok) continue;
      }
      break;
    }
    if (result.ok) continue;
    // A pg_dump of the public schema opens with CREATE SCHEMA public, which every database
    // already has (template0 too, since PostgreSQL 15): psql restores go on past it, and so
    // does the deep check.
    if (result.sqlstate == "42P06" && quoted_name(result.message) == "public") continue;
    size_t at = sql::skip_blanks_and_comments(m.sql, span.location);
    if (result.position) at = span.location + sql::char_pos_to_byte(statement, static_cast<int>(*result.position));
    report::Locator places;
    places.add(m.path, text);
    std::string place = places.place_column(m.path, static_cast<uint32_t>(file_offset(at)));
    if (is_environment_error(result.sqlstate)) {
      *err = "--postgres: " + place + ": the scratch database (" + db.description() + ") cannot run this migration: " +
             result.message + " (SQLSTATE " + result.sqlstate +
             "); give it what production has (the extension's package, for one) or use --dev-database-url";
      return false;
    }
    report::Diagnostic d;
    d.rule = std::string(rejects_check().id());
    d.severity = rejects_check().severity;
    d.file = m.path;
    d.offset = file_offset(at);
    d.width = width_at(text, *d.offset);
    d.migration = m.path;
    d.message = "PostgreSQL rejects migration " + m.path + ": " + result.message + " (SQLSTATE " + result.sqlstate +
                "); the migrations after it do not run";
    d.help = "applied in order to an empty database, the migrations fail here: fix this statement (or the migrations "
             "before it); the code was not checked by PostgreSQL";
    places.locate(&d);
    out->push_back(std::move(d));
    *rejected = true;
    return true;
  }
  return true;
}

}  // namespace

bool is_code_error(const sql::PrepareResult& r) {
  static const std::set<std::string> kCodeErrors = {
      "42703",  // undefined_column
      "42P01",  // undefined_table
      "42883",  // undefined_function (no overload for these argument types)
      "42P10",  // invalid_column_reference (ON CONFLICT without a matching unique index)
      "42804",  // datatype_mismatch
      "42725",  // ambiguous_function
      "42702",  // ambiguous_column
      "42704",  // undefined_object (a type, a collation)
      "42846",  // cannot_coerce
      "42601",  // syntax_error (INSERT has more expressions than target columns)
      "42803",  // grouping_error
      "42P09",  // ambiguous_alias
      "42712",  // duplicate_alias
      "42701",  // duplicate_column
      "42809",  // wrong_object_type
      "428C9",  // generated_always
      "22P02",  // invalid_text_representation (an enum label, a number in a literal)
      "22007",  // invalid_datetime_format
      "22008",  // datetime_field_overflow
      "22003",  // numeric_value_out_of_range
  };
  if (r.ok || !kCodeErrors.count(r.sqlstate)) return false;
  // "function f(unknown) is not unique", "operator is not unique: unknown + unknown": the untyped
  // parameters, not the code (a driver that sends typed values picks one). "does not exist" for
  // unknown arguments stays a finding: an unknown argument matches any type, so what fails is the
  // name, the arity or the other arguments.
  if (r.sqlstate == "42725" && r.message.find("unknown") != std::string::npos) return false;
  return true;
}

bool prepare_statements(sql::StatementPreparer& preparer, const source::FileSystem& fs, const std::string& root,
                        CodeScan* scan, DeepSummary* summary, std::string* err) {
  std::map<std::string, std::unique_ptr<std::pair<std::string, report::Locator>>> files;  // text, its places
  std::vector<report::Diagnostic> found;
  for (const CheckedStatement& st : scan->statements) {
    sql::PrepareResult r;
    if (!preparer.prepare(st.sql.text, st.plan, &r, err)) return false;
    ++summary->statements;
    if (r.ok) continue;
    auto& file = files[st.file];
    if (!file) {
      std::string text;
      if (!fs.read(source::join_path(root, st.file), &text, err)) return false;
      file = std::make_unique<std::pair<std::string, report::Locator>>(std::move(text), report::Locator());
      file->second.add(st.file, file->first);
    }
    size_t at = sql::skip_blanks_and_comments(st.sql.text, 0);
    if (r.position) at = sql::char_pos_to_byte(st.sql.text, static_cast<int>(*r.position));
    else if (r.sqlstate == "42P10" && st.conflict_offset) at = *st.conflict_offset;
    auto where = [&] {
      return file->second.place_column(st.file, st.sql.host_offset(at)) + ": " + r.message +
             " (SQLSTATE " + r.sqlstate + ")";
    };
    auto not_judged = [&] {
      summary->not_judged_at.push_back(where());
      ++summary->not_judged;
    };
    if (!is_code_error(r)) {
      not_judged();
      continue;
    }
    // A statement with run-time fragments: each is one `$n` here, and may be a list or a clause
    // (`VALUES (" + placeholders(n) + ")`): only a name PostgreSQL does not find is judged.
    if (st.holes && !is_existence_error(r.sqlstate)) {
      not_judged();
      continue;
    }
    // A parameter right after a type name (`INTERVAL $1`, `DATE $1`): a driver that quotes values
    // into the text (Rails' named binds, psycopg's %s) sends a typed literal, which PREPARE's
    // parameter cannot be.
    if (r.sqlstate == "42601" && r.position && typed_literal_parameter(st.sql.text, sql::char_pos_to_byte(st.sql.text, static_cast<int>(*r.position)))) {
      not_judged();
      continue;
    }
    // A static finding in this statement: PostgreSQL stops at the first error, most likely the
    // same one, and the static finding says which migration would fix it.
    uint32_t lo = UINT32_MAX, hi = 0;
    for (uint32_t o : st.sql.origin) lo = std::min(lo, o), hi = std::max(hi, o);
    auto first = file->second.position(st.file, lo), last = file->second.position(st.file, hi);
    auto within = [&](const report::Diagnostic& d) {  // located: offsets are gone, lines and columns stay
      if (d.file != st.file) return false;
      if (d.offset) return *d.offset >= lo && *d.offset <= hi;
      return std::pair(d.line, d.column) >= std::pair(first.line, first.column) &&
             std::pair(d.line, d.column) <= std::pair(last.line, last.column);
    };
    bool reported = std::any_of(scan->diagnostics.begin(), scan->diagnostics.end(), within);
    if (reported) {
      summary->already_reported_at.push_back(where());
      ++summary->already_reported;
      continue;
    }
    if (is_existence_error(r.sqlstate)) {
      const SiteRecord& site = scan->sites[st.site];
      std::string name = quoted_name(r.message);  // "convoy.gorp_migrations": the table's own name
      bool unjudged = schema::migrations::is_tracking_table_name(name.substr(name.rfind('.') + 1)) ||
                      std::any_of(site.references.begin(), site.references.end(), [](const ReferenceRecord& ref) {
                        return ref.kind == "relation" && ref.status == "unchecked";
                      });
      if (unjudged) {
        not_judged();
        continue;
      }
    }
    report::Diagnostic d;
    d.rule = std::string(rejects_check().id());
    d.severity = rejects_check().severity;
    d.file = st.file;
    d.offset = st.sql.host_offset(at);
    d.width = width_at(file->first, *d.offset);
    d.message = "PostgreSQL rejects this statement against the schema the migrations build: " + r.message +
                " (SQLSTATE " + r.sqlstate + ")";
    d.help = "PostgreSQL prepared the statement on a scratch database migrated like production will be and refused "
             "it: fix the statement, or add the migration it needs";
    d.fingerprint_text = st.fingerprint_text;
    file->second.locate(&d);
    ++summary->rejected;
    found.push_back(std::move(d));
  }
  for (auto& d : found) {
    if (d.severity == report::Severity::Error) ++scan->summary.errors;
    scan->diagnostics.push_back(std::move(d));
  }
  std::stable_sort(scan->diagnostics.begin(), scan->diagnostics.end(), report::diagnostic_less);
  return true;
}

bool deep_check(const DeepOptions& deep, const source::FileSystem& fs, const Options& options, const SchemaBuild& build,
                const std::vector<schema::catalog::MigrationState>* states, CodeScan* scan,
                std::vector<report::Diagnostic>* migration_findings, DeepSummary* summary, std::string* err) {
  // A step the format cannot turn into SQL (a goose migration in Go) would leave the scratch
  // database without what it creates, and PostgreSQL would reject correct code.
  for (auto& m : build.migrations)
    if (!m.uncertain_names.empty()) {
      *err = "--postgres: migration " + m.path +
             " has steps schemagate cannot turn into SQL; the deep check needs every migration as SQL";
      return false;
    }
  auto t0 = Clock::now();
  std::unique_ptr<schema::catalog::ScratchDatabase> db;
  if (!deep.dev_database_url.empty()) {
    db = schema::catalog::ScratchDatabase::connect_empty(deep.dev_database_url, err);
  } else {
    std::string bindir = schema::catalog::find_postgres_bindir(deep.bindir, err);
    if (bindir.empty()) return false;
    db = schema::catalog::ScratchDatabase::start_cluster(bindir, err);
  }
  if (!db) return false;
  summary->database = db->description();
  summary->setup_seconds = seconds_since(t0);

  // Live: the migrations the database has applied and the pending ones, in apply order. Every
  // migration of the repository is one or the other (a failed one is retried by the next run),
  // so this is the schema the migrations build, not a copy of the database.
  auto t1 = Clock::now();
  std::set<std::string> known;
  if (states)
    for (auto& s : *states)
      if (!s.path.empty() && s.status != schema::catalog::MigrationStatus::Unknown) known.insert(s.path);
  bool rejected = false;
  for (auto* list : {&build.baseline, &build.migrations}) {
    for (auto& m : *list) {
      if (states && list == &build.migrations && !known.count(m.path)) continue;
      if (!apply_file(*db, m, migration_findings, &rejected, summary, err)) return false;
      if (rejected) break;
    }
    if (rejected) break;
  }
  summary->migrate_seconds = seconds_since(t1);
  if (rejected) {
    summary->migrations_complete = false;
    return true;
  }
  auto t2 = Clock::now();
  sql::StatementPreparer* preparer = db->preparer(options.search_path, err);
  if (!preparer) return false;
  if (!prepare_statements(*preparer, fs, options.root, scan, summary, err)) {
    *err = "--postgres: " + *err;
    return false;
  }
  summary->prepare_seconds = seconds_since(t2);
  return true;
}

}  // namespace schemagate::pipeline
