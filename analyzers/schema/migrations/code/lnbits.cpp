// lnbits' migration functions: a module (lnbits/core, or an extension's package) keeps its
// migrations as the functions of its migrations.py named m<NNN>_<name>,
//   async def m001_initial(db: Connection):
//       await db.execute("CREATE TABLE ...")
// and lnbits' own runner (run_migration in lnbits/core/helpers.py) calls each whose number is
// above the module's recorded one, in the module's definition order (its __dict__), then records
// the number in dbversions(db, version): one row per module ("core", or the extension's id).
// m000_create_migrations_table creates that table and runs first.
//
// A function is read, never run. `db.execute(<string>)` of DDL is applied as SQL (an f-string's
// fields may be the Connection's engine properties, `{db.big_int}`, `{db.timestamp_now}`, which
// are fixed on PostgreSQL); statements that change no schema (SELECT, UPDATE, COMMIT) are left
// out. A branch on `db.type` is taken as PostgreSQL takes it. What may change the schema in a way
// the text does not say (DDL computed at run time, DDL in a loop, an except handler or a branch on
// anything else, a helper handed the connection) is a step not followed: the words of its strings
// become uncertain names, so nothing it may create is reported missing.
#include <algorithm>
#include <cctype>
#include <map>
#include <cstring>
#include <optional>
#include <set>

#include "analyzers/languages/language.h"
#include "analyzers/languages/tree_parser.h"
#include "analyzers/schema/migrations/code/generated_sql.h"
#include "analyzers/schema/migrations/code/python_value.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace code {

namespace {

bool is(TSNode n, const char* type) { return !ts_node_is_null(n) && !std::strcmp(ts_node_type(n), type); }
TSNode field(TSNode n, const char* name) { return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name))); }

/// The Connection's engine properties on PostgreSQL (lnbits/db.py `Compat`).
std::optional<std::string_view> postgres_property(std::string_view name) {
  if (name == "big_int") return "BIGINT";
  if (name == "timestamp_now" || name == "timestamp_column_default") return "now()";
  if (name == "serial_primary_key") return "SERIAL PRIMARY KEY";
  if (name == "blob") return "BYTEA";
  return std::nullopt;
}

/// m<digits>_: the migration number, or "".
std::string_view migration_number(std::string_view name) {
  if (name.size() < 5 || name[0] != 'm') return "";
  std::string_view digits = leading_digits(name.substr(1));
  if (digits.size() != 3 || name.size() <= 4 || name[4] != '_') return "";
  return digits;
}

/// Whether `text` defines a migration function at the start of a line.
bool defines_migrations(std::string_view text) {
  for (std::string_view lead : {"\nasync def m", "\ndef m"})
    for (size_t at = text.find(lead); at != std::string_view::npos; at = text.find(lead, at + 1))
      if (!migration_number(text.substr(at + lead.size() - 1)).empty()) return true;
  return false;
}

/// The set is the migrations.py file itself: the rest of its folder is the module's code.
bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (last_component(dir) != "migrations.py") return false;
  std::string text, err;
  return fs.read(on_disk(root, dir), &text, &err) && defines_migrations("\n" + text);
}

std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::set<std::string> sets;
  for (const std::string& path : source::discover_files(fs, root, {}))
    if (last_component(path) == "migrations.py" && detect(fs, root, path)) sets.insert(path);
  return {sets.begin(), sets.end()};
}

enum class Engine { Unknown, Postgres, Other };

/// What a condition on `<db>.type` says of PostgreSQL: `db.type == SQLITE` is another engine's
/// branch, `db.type in {POSTGRES, COCKROACH}` and `db.type != SQLITE` are PostgreSQL's.
Engine engine_tested(std::string_view cond, const std::string& db) {
  std::string t;
  for (char c : cond)
    if (!std::isspace(static_cast<unsigned char>(c))) t.push_back(c);
  std::string prefix = db + ".type";
  if (!t.starts_with(prefix)) return Engine::Unknown;
  std::string_view r = std::string_view(t).substr(prefix.size());
  bool pg = r.find("POSTGRES") != std::string_view::npos;
  if (r == "==SQLITE") return Engine::Other;
  if (r == "!=SQLITE") return Engine::Postgres;
  if (r == "==POSTGRES") return Engine::Postgres;
  if (r == "!=POSTGRES") return Engine::Other;
  if (r.starts_with("notin")) return pg ? Engine::Other : Engine::Unknown;
  if (r.starts_with("in")) return pg ? Engine::Postgres : Engine::Other;
  return Engine::Unknown;
}

/// The SQL text of an argument: known, or the literal text before what is computed.
struct SqlArgument {
  PyValue value;        ///< Str when every part is known
  std::string prefix;   ///< the decoded text before the first unknown part
  bool known = false;
};

/// Reads one migration function's body.
class FunctionReader {
 public:
  FunctionReader(const PyReader& reader, std::string db, const std::map<std::string, TSNode>& helpers,
                 GeneratedSql* out)
      : reader_(reader), db_(std::move(db)), helpers_(helpers), out_(out) {}

  void visit(TSNode node, bool certain) {
    if (ts_node_is_null(node)) return;
    if (is(node, "if_statement")) return if_statement(node, certain);
    if (is(node, "for_statement") || is(node, "while_statement") || is(node, "function_definition") ||
        is(node, "lambda")) {
      return children(node, false);
    }
    if (is(node, "try_statement")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        visit(c, certain && is(c, "block"));  // the try body runs; handlers may not
      }
      return;
    }
    if (is(node, "call") && call(node, certain)) return;
    children(node, certain);
  }

 private:
  void children(TSNode node, bool certain) {
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) visit(ts_node_named_child(node, i), certain);
  }

  void if_statement(TSNode node, bool certain) {
    bool taken = false;      // a clause before is PostgreSQL's: the rest never runs there
    bool all_other = true;   // every clause before is another engine's
    auto clause = [&](TSNode cond, TSNode body) {
      if (taken) return;
      Engine e = ts_node_is_null(cond) ? (all_other ? Engine::Postgres : Engine::Unknown) : engine_tested(reader_.text(cond), db_);
      if (e == Engine::Other) return;
      visit(body, certain && e == Engine::Postgres && all_other);
      if (e == Engine::Postgres) taken = true;
      all_other = false;
    };
    clause(field(node, "condition"), field(node, "consequence"));
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (is(c, "elif_clause")) clause(field(c, "condition"), field(c, "consequence"));
      else if (is(c, "else_clause")) clause(TSNode{}, field(c, "body"));
    }
  }

  /// `db.execute(...)`, or a helper handed `db`: true when handled.
  bool call(TSNode node, bool certain) {
    TSNode fn = field(node, "function");
    TSNode args = field(node, "arguments");
    if (is(fn, "attribute") && reader_.text(field(fn, "object")) == db_) {
      if (reader_.text(field(fn, "attribute")) != "execute") return true;  // fetchone, fetchall: reads
      TSNode first{};
      for (uint32_t i = 0; is(args, "argument_list") && i < ts_node_named_child_count(args); ++i) {
        TSNode a = ts_node_named_child(args, i);
        if (!is(a, "comment") && !is(a, "keyword_argument")) {
          first = a;
          break;
        }
      }
      execute(node, first, certain);
      return true;
    }
    for (uint32_t i = 0; is(args, "argument_list") && i < ts_node_named_child_count(args); ++i)
      if (reader_.text(ts_node_named_child(args, i)) == db_) {
        std::string name(reader_.text(fn));
        auto h = helpers_.find(name);
        unknown(node, "a helper handed the connection (" + name + "): its steps are not followed",
                h == helpers_.end() ? TSNode{} : h->second);
        return true;
      }
    return false;
  }

  void execute(TSNode call, TSNode arg, bool certain) {
    SqlArgument sql = argument(arg);
    std::string lead = first_word(sql.known ? sql.value.text : sql.prefix);
    bool ddl = lead == "create" || lead == "alter" || lead == "drop" || lead == "comment";
    if (!lead.empty() && !ddl) return;  // SELECT, UPDATE, INSERT, COMMIT: no schema change
    if (sql.known && certain) return out_->emit_string(sql.value);
    std::string text = lower(sql.known ? sql.value.text : sql.prefix);
    if (text.find("create index") != std::string::npos || text.find("drop index") != std::string::npos) {
      out_->notes.push_back({ts_node_start_byte(call), "an index built at run time: not modelled"});
      return;
    }
    unknown(call, sql.known ? "DDL that may not run (in a loop, an except handler, or a branch on something else than db.type)"
                            : "DDL computed at run time",
            TSNode{});
  }

  /// A step not followed: the words of the function's strings (and of `helper`'s) become uncertain.
  void unknown(TSNode at, const std::string& why, TSNode helper) {
    out_->notes.push_back({ts_node_start_byte(at), why + ": the names its strings mention are not reported missing"});
    words_of(function_, &out_->uncertain_names);
    if (!ts_node_is_null(helper)) words_of(helper, &out_->uncertain_names);
  }

 public:
  TSNode function_{};
  static std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

 private:
  static std::string first_word(std::string_view text) {
    size_t i = 0;
    while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '(')) ++i;
    size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    return lower(text.substr(i, j - i));
  }

  void words_of(TSNode node, std::vector<std::string>* out) const {
    if (is(node, "string_content")) {
      std::string w;
      for (char c : reader_.text(node)) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
          w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        } else {
          if (w.size() > 1) out->push_back(w);
          w.clear();
        }
      }
      if (w.size() > 1) out->push_back(w);
      return;
    }
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) words_of(ts_node_named_child(node, i), out);
  }

  /// A string, implicit concatenation, `+`, or an f-string whose fields are engine properties.
  SqlArgument argument(TSNode node) const {
    SqlArgument out;
    out.value.kind = PyValue::Kind::Str;
    out.known = append(node, &out);
    if (!out.known) out.value.kind = PyValue::Kind::Unknown;
    if (!ts_node_is_null(node)) out.value.begin = ts_node_start_byte(node), out.value.end = ts_node_end_byte(node);
    return out;
  }

  bool append(TSNode node, SqlArgument* out) const {
    while (is(node, "parenthesized_expression")) node = ts_node_named_child(node, 0);
    if (is(node, "concatenated_string")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i)
        if (!append(ts_node_named_child(node, i), out)) return false;
      return true;
    }
    if (is(node, "binary_operator") && reader_.text(field(node, "operator")) == "+")
      return append(field(node, "left"), out) && append(field(node, "right"), out);
    if (!is(node, "string")) {
      PyValue v = reader_.eval(node);  // a module-level constant
      if (!v.is_str()) return false;
      out->value.text += v.text;
      out->value.offsets.insert(out->value.offsets.end(), v.offsets.begin(), v.offsets.end());
      out->prefix += v.text;
      return true;
    }
    std::string_view start = reader_.text(ts_node_child(node, 0));
    bool format = start.find_first_of("fF") != std::string_view::npos;
    if (!format) {
      PyValue v = reader_.eval(node);
      if (!v.is_str()) return false;
      out->value.text += v.text;
      out->value.offsets.insert(out->value.offsets.end(), v.offsets.begin(), v.offsets.end());
      out->prefix += v.text;
      return true;
    }
    if (start.find_first_of("rRbB") != std::string_view::npos) return false;
    uint32_t n = ts_node_child_count(node);
    for (uint32_t i = 1; i < n; ++i) {
      TSNode c = ts_node_child(node, i);
      if (is(c, "string_end")) break;
      if (is(c, "interpolation")) {
        TSNode e = field(c, "expression");
        std::optional<std::string_view> v;
        if (is(e, "attribute") && reader_.text(field(e, "object")) == db_ &&
            ts_node_is_null(field(c, "type_conversion")) && ts_node_is_null(field(c, "format_specifier")))
          v = postgres_property(reader_.text(field(e, "attribute")));
        if (!v) return false;
        out->value.text += *v;
        out->value.offsets.resize(out->value.text.size(), ts_node_start_byte(c));
        out->prefix += *v;
        continue;
      }
      // string_content: as written, but {{ and }} are single braces and escapes stay as written
      // (SQL in lnbits' f-strings has none that matter).
      std::string_view body = reader_.text(c);
      uint32_t at = ts_node_start_byte(c);
      for (size_t k = 0; k < body.size(); ++k) {
        if ((body[k] == '{' || body[k] == '}') && k + 1 < body.size() && body[k + 1] == body[k]) ++k;
        out->value.text.push_back(body[k]);
        out->value.offsets.push_back(at + static_cast<uint32_t>(k));
        out->prefix.push_back(body[k]);
      }
    }
    return true;
  }

  const PyReader& reader_;
  std::string db_;
  const std::map<std::string, TSNode>& helpers_;
  GeneratedSql* out_;
};

/// The module's name in dbversions: "core" for lnbits/core/migrations.py, else the extension's folder.
std::string module_name(const std::string& file) {
  size_t slash = file.rfind('/');
  return slash == std::string::npos ? "" : std::string(last_component(file.substr(0, slash)));
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  languages::Parser parser(*languages::language_for_path("x.py"));
  if (!parser.ok()) {
    *err = parser.error();
    return false;
  }
  std::string path = dir, text;
  if (!read_migration_text(fs, root, path, &text, err)) return false;
  languages::Tree tree = parser.parse(text);
  if (!tree) {
    *err = path + ": does not parse as Python";
    return false;
  }
  TSNode rootn = ts_tree_root_node(tree.get());
  PyReader reader(text, rootn);
  std::vector<std::pair<std::string, TSNode>> functions;  // in definition order
  std::map<std::string, TSNode> helpers;
  uint32_t n = ts_node_named_child_count(rootn);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode fn = ts_node_named_child(rootn, i);
    if (is(fn, "decorated_definition")) fn = field(fn, "definition");
    if (!is(fn, "function_definition")) continue;
    std::string name(reader.text(field(fn, "name")));
    helpers[name] = fn;
    if (migration_number(name).empty()) continue;
    // A second definition of a name replaces the first's body and keeps its place (__dict__).
    auto same = std::find_if(functions.begin(), functions.end(), [&](const auto& f) { return f.first == name; });
    if (same != functions.end()) same->second = fn;
    else functions.emplace_back(name, fn);
  }
  std::vector<MigrationFile> files;
  for (auto& [name, fn] : functions) {
    MigrationFile m;
    m.path = path;
    m.version = strip_leading_zeros(migration_number(name));
    m.name = name.substr(5);
    m.format = "lnbits";
    m.text = text;
    TSNode params = field(fn, "parameters");
    TSNode p = ts_node_named_child_count(params) ? ts_node_named_child(params, 0) : TSNode{};
    if (is(p, "typed_parameter") || is(p, "default_parameter") || is(p, "typed_default_parameter"))
      p = is(p, "typed_parameter") ? ts_node_named_child(p, 0) : field(p, "name");
    GeneratedSql g;
    if (is(p, "identifier")) {
      FunctionReader fr(reader, std::string(reader.text(p)), helpers, &g);
      fr.function_ = fn;
      fr.visit(field(fn, "body"), true);
    }
    m.sql = std::move(g.sql);
    m.origin = std::move(g.origin);
    m.notes = std::move(g.notes);
    m.uncertain_names = std::move(g.uncertain_names);
    if (m.origin.empty()) m.origin.push_back(ts_node_start_byte(fn));
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}

// dbversions(db, version): the highest number applied, per module.
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT db, version::text FROM " + from + " ORDER BY db";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows)
    push_applied(out, text_or_null(row[1]), text_or_null(row[0]), false,
                 "db=" + text_or_null(row[0]) + " version=" + text_or_null(row[1]));
}
std::string tracking_bad_row(const TextRow& row) { return is_digits(row[1]) ? "" : "version is not a number"; }
/// Applied when its module's row records its number or a higher one.
bool tracking_applied(const MigrationFile& file, const TrackingContext& ctx, std::vector<bool>* matched) {
  std::string module = module_name(file.path);
  bool applied = false;
  for (size_t i = 0; i < ctx.rows.size(); ++i)
    if (ctx.rows[i].name == module) {
      (*matched)[i] = true;
      if (compare_numbers(file.version, ctx.rows[i].version) <= 0) applied = true;
    }
  return applied;
}
const TrackingLayout kTracking{.table = "dbversions", .schema = "", .columns = {"db", "version"},
                               .described = "lnbits' (db, version)", .query = tracking_query, .width = 2,
                               .read = tracking_read, .bad_row = tracking_bad_row, .names_not_ordered = true,
                               .applied = tracking_applied};

}  // namespace

}  // namespace code

extern const Format kLnbits{.name = "lnbits", .detect = code::detect, .load = code::load, .tracking = &code::kTracking,
                            .discover = code::discover, .duplicate_versions = DuplicateVersions::Numbers,
                            .apply_command = "start lnbits (migrate_databases runs each module's migrations)"};

}  // namespace schemagate::schema::migrations
