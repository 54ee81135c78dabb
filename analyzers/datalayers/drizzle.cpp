// Drizzle: the tables a Drizzle schema declares, `pgTable('name', { prop: text('col'), ... })`
// and `pgSchema('s').table(...)`. `db.select().from(t)` and `db.query.t.findMany()` name every
// declared column, and `insert(...).returning()` returns them all, so each declared column is a
// requirement at its declaration, as is the table.
//
// A column's name is the builder's first argument when it is a string (`text('created_at')`),
// else the property's name, which the `casing` option of drizzle() rewrites. Every drizzle()
// call of the project is read before extraction: when all set `casing: 'snake_case'` the name is
// the property's in snake case; when none sets a casing, the property's as written. Otherwise
// (instances that disagree, options computed at run time, no instance in the project and no
// `casing` in drizzle.config) a property with upper case letters and no name is unchecked,
// unless this file sets `casing: 'snake_case'` itself. A
// table whose name is computed (pgTableCreator), a spread of shared columns, or a builder this
// file does not know (a helper returning a column) are unchecked, never guessed.
//
// The query builder's uses are requirements too, so a finding points at the code that runs the
// query as well as at the declaration: in a statement that names a declared table
// (`db.select().from(user)`, `db.insert(user)`, `db.update(user)`, `db.delete(user)`, joins),
// the table, each `user.prop` of it, and the keys of `.values({...})` / `.set({...})`. A table is
// the variable a pgTable declaration of the project binds (its name unique in the project),
// imported (under its own name or another) or declared by the file; a property is a column whose
// name the declaration spells, that has no upper-case letter (the same under every casing), or
// whose name the project's casing gives (project_casing); others are not judged.
//
// The same tables and columns answer drizzle_models.h: what drizzle-orm's `sql` template writes
// for `${users}` and `${users.email}`, so the JavaScript extractor reads such a template as
// Drizzle sends it.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <tuple>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/drizzle_models.h"
#include "analyzers/datalayers/facts.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

/// The column builders drizzle-orm/pg-core exports.
const std::set<std::string_view>& builders() {
  static const std::set<std::string_view> kNames = {
      "bigint",   "bigserial", "bit",      "boolean", "char",     "cidr",      "date",      "doublePrecision",
      "geometry", "halfvec",   "inet",     "integer", "interval", "json",      "jsonb",     "line",
      "macaddr",  "macaddr8",  "numeric",  "decimal", "point",    "real",      "serial",    "smallint",
      "smallserial", "sparsevec", "text",  "time",    "timestamp", "uuid",     "varchar",   "vector"};
  return kNames;
}

/// drizzle-orm's toSnakeCase: words of [0-9a-z]+ | [A-Z]+ not followed by [a-z] | [A-Z][0-9a-z]+,
/// lower-cased, joined by '_'.
std::string snake_case(std::string_view s) {
  auto lower = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    if (lower(s[i])) {
      while (j < s.size() && lower(s[j])) ++j;
    } else if (upper(s[i])) {
      size_t run = i;
      while (run < s.size() && upper(s[run])) ++run;
      j = run;
      while (j > i && j < s.size() && s[j] >= 'a' && s[j] <= 'z') --j;  // [A-Z]+(?![a-z])
      if (j == i) {                                                      // [A-Z][0-9a-z]+
        j = i + 1;
        while (j < s.size() && lower(s[j])) ++j;
        if (j == i + 1) j = i;
      }
    }
    if (j == i) {
      ++i;
      continue;
    }
    std::string w(s.substr(i, j - i));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    words.push_back(w);
    i = j;
  }
  std::string out;
  for (auto& w : words) out += (out.empty() ? "" : "_") + w;
  return out;
}

/// The PostgreSQL type drizzle-kit creates for a column of `builder` (the builder call `call`,
/// `chain` the whole `text().notNull().array()` expression); an enum, a custom type or a type of
/// an extension is `text` here, which no check of names depends on.
std::string sql_type(const std::string& builder, TSNode call, TSNode chain, std::string_view src) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {"bigint", "bigint"},       {"bigserial", "bigserial"}, {"boolean", "boolean"},   {"char", "char"},
      {"cidr", "cidr"},           {"date", "date"},           {"doublePrecision", "double precision"},
      {"inet", "inet"},           {"integer", "integer"},     {"interval", "interval"}, {"json", "json"},
      {"jsonb", "jsonb"},         {"macaddr", "macaddr"},     {"macaddr8", "macaddr8"}, {"numeric", "numeric"},
      {"decimal", "numeric"},     {"point", "point"},         {"line", "line"},         {"real", "real"},
      {"serial", "serial"},       {"smallint", "smallint"},   {"smallserial", "smallserial"},
      {"text", "text"},           {"time", "time"},           {"timestamp", "timestamp"}, {"uuid", "uuid"},
      {"varchar", "varchar"}};
  auto it = kTypes.find(builder);
  std::string type(it == kTypes.end() ? "text" : it->second);
  std::string_view args = js::text(call, src);
  if ((type == "timestamp" || type == "time") && args.find("withTimezone: true") != std::string_view::npos)
    type += "tz";
  std::string_view whole = js::text(chain, src);
  if (whole.find(".array()") != std::string_view::npos) {
    if (type.ends_with("serial")) type = type == "bigserial" ? "bigint" : type == "serial" ? "integer" : "smallint";
    type += "[]";
  }
  return type;
}

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

bool relevant_drizzle(std::string_view text) {
  return text.find("drizzle-orm") != std::string_view::npos || text.find("drizzle-kit") != std::string_view::npos;
}

constexpr std::string_view kCasingKey = "drizzle:casing";         ///< one per drizzle() instance
constexpr std::string_view kTableKey = "drizzle:table:";    ///< var -> "schema|table"
constexpr std::string_view kColumnKey = "drizzle:column:";  ///< var.prop -> column
/// var.prop -> prop, for a column with no name of its own and upper case in its property: its
/// name is the property's under the project's casing (project_casing), known only once every
/// drizzle() of the project is read.
constexpr std::string_view kCasedColumnKey = "drizzle:cased-column:";
constexpr std::string_view kConfigCasingKey = "drizzle:config-casing";  ///< drizzle.config's casing
constexpr std::string_view kEnumKey = "drizzle:enum:";      ///< + the variable a pgEnum() is bound to
/// + a function of the project that builds one column named by its first parameter
/// (`function tzTimestamp(name) { return timestamp(name, { withTimezone: true }) }`): a column
/// builder other files import, named like pg-core's.
constexpr std::string_view kBuilderKey = "drizzle:builder:";
/// + the variable a `pgSchema('s')` is bound to: "s", the schema other files' `v.table(...)` use.
constexpr std::string_view kSchemaKey = "drizzle:schema:";

/// The casing of an options object: its `casing` literal, "none" without one, "?" when it
/// cannot be told (a spread, a computed value).
std::string casing_of(TSNode obj, std::string_view src) {
  using namespace js;
  std::vector<Key> keys;
  bool all = object_keys(obj, src, &keys);
  for (const Key& k : keys)
    if (k.name == "casing") {
      auto lit = literal(k.value, src);
      return lit ? lit->value : "?";
    }
  return all ? "none" : "?";
}

/// Records the casing of each drizzle() instance (drizzle-orm's drizzle(), under whatever name
/// the file imports it) and of drizzle-kit's defineConfig().
void index_drizzle(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  using namespace js;
  std::string_view src = in.text;
  std::set<std::string> names;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "import_statement")) return;
    auto from = literal(field(n, "source"), src);
    if (!from || from->value.rfind("drizzle-orm/", 0) != 0 || from->value == "drizzle-orm/pg-core") return;
    walk(n, [&](TSNode spec) {
      if (!is(spec, "import_specifier") || text(field(spec, "name"), src) != "drizzle") return;
      TSNode alias = field(spec, "alias");
      names.insert(std::string(text(ts_node_is_null(alias) ? field(spec, "name") : alias, src)));
    });
  });
  // drizzle(config): a config object the file binds to a name.
  std::map<std::string, TSNode> objects;
  walk(in.root, [&](TSNode n) {
    if (is(n, "variable_declarator") && is(unwrap(field(n, "value")), "object"))
      objects[std::string(text(field(n, "name"), src))] = unwrap(field(n, "value"));
  });
  // Enums: `export const status = pgEnum('status', [...])`, a column builder other files import.
  walk(in.root, [&](TSNode n) {
    if (!is(n, "variable_declarator") || !is(field(n, "name"), "identifier")) return;
    TSNode v = unwrap(field(n, "value"));
    if (is(v, "call_expression") && text(field(v, "function"), src) == "pgEnum")
      out->emplace_back(std::string(kEnumKey) + std::string(text(field(n, "name"), src)), "");
  });
  // Column builders of the project: one pg-core builder call whose first argument is the
  // function's first parameter, which the body names nowhere else.
  std::set<std::string> pg_core;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "import_statement")) return;
    auto from = literal(field(n, "source"), src);
    if (!from || from->value != "drizzle-orm/pg-core") return;
    walk(n, [&](TSNode spec) {
      if (!is(spec, "import_specifier")) return;
      TSNode alias = field(spec, "alias");
      pg_core.insert(std::string(text(ts_node_is_null(alias) ? field(spec, "name") : alias, src)));
    });
  });
  walk(in.root, [&](TSNode n) {
    TSNode fn{};
    std::string name;
    if (is(n, "function_declaration")) fn = n, name = text(field(n, "name"), src);
    else if (is(n, "variable_declarator") && is(unwrap(field(n, "value")), "arrow_function"))
      fn = unwrap(field(n, "value")), name = text(field(n, "name"), src);
    if (ts_node_is_null(fn) || pg_core.empty()) return;
    TSNode params = field(fn, "parameters"), body = field(fn, "body");
    if (ts_node_is_null(params) || ts_node_is_null(body) || ts_node_named_child_count(params) == 0) return;
    TSNode first = ts_node_named_child(params, 0);
    TSNode pat = is(first, "required_parameter") ? field(first, "pattern") : first;
    if (!is(pat, "identifier")) return;
    std::string_view p = text(pat, src);
    int calls = 0, uses = 0;
    walk(body, [&](TSNode c) {
      if (is(c, "identifier") && text(c, src) == p) ++uses;
      if (!is(c, "call_expression") || !is(field(c, "function"), "identifier") || !pg_core.count(std::string(text(field(c, "function"), src))))
        return;
      auto a = arguments(c);
      if (!a.empty() && is(a[0], "identifier") && text(a[0], src) == p) ++calls;
      else calls += 100;  // another builder call: more than one column
    });
    if (calls == 1 && uses == 1) out->emplace_back(std::string(kBuilderKey) + name, "");
  });
  // Tables: `const users = pgTable('users', { email: text('email'), name: text() })`.
  std::map<std::string, std::string> schema_vars;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "variable_declarator")) return;
    TSNode v = unwrap(field(n, "value"));
    if (is(v, "call_expression") && text(field(v, "function"), src) == "pgSchema")
      if (auto a = arguments(v); !a.empty())
        if (auto lit = literal(a[0], src)) {
          schema_vars[std::string(text(field(n, "name"), src))] = lit->value;
          out->emplace_back(std::string(kSchemaKey) + std::string(text(field(n, "name"), src)), lit->value);
        }
  });
  walk(in.root, [&](TSNode n) {
    if (!is(n, "variable_declarator") || !is(field(n, "name"), "identifier")) return;
    TSNode call = unwrap(field(n, "value"));
    if (!is(call, "call_expression")) return;
    TSNode fn = field(call, "function");
    std::string schema = "public";  // replaced by the search path's first schema at extraction
    if (is(fn, "member_expression") && text(field(fn, "property"), src) == "table" &&
        schema_vars.count(std::string(text(field(fn, "object"), src))))
      schema = schema_vars[std::string(text(field(fn, "object"), src))];
    else if (!is(fn, "identifier") || text(fn, src) != "pgTable")
      return;
    else
      schema = "";
    auto args = arguments(call);
    if (args.size() < 2) return;
    auto name = literal(args[0], src);
    TSNode columns = unwrap(args[1]);
    if (is(columns, "arrow_function")) columns = unwrap(field(columns, "body"));
    if (!name || !is(columns, "object")) return;
    std::string var(text(field(n, "name"), src));
    out->emplace_back(std::string(kTableKey) + var, schema + "|" + name->value);
    for (uint32_t i = 0; i < ts_node_named_child_count(columns); ++i) {
      TSNode p = ts_node_named_child(columns, i);
      if (!is(p, "pair") || !is(field(p, "key"), "property_identifier")) continue;
      std::string key(text(field(p, "key"), src));
      TSNode b = unwrap(field(p, "value"));
      while (is(b, "call_expression") && is(field(b, "function"), "member_expression") &&
             is(unwrap(field(field(b, "function"), "object")), "call_expression"))
        b = unwrap(field(field(b, "function"), "object"));
      if (!is(b, "call_expression")) continue;
      auto bargs = arguments(b);
      std::optional<Literal> explicit_name = bargs.empty() ? std::nullopt : literal(bargs[0], src);
      if (explicit_name) out->emplace_back(std::string(kColumnKey) + var + "." + key, explicit_name->value);
      else if ((bargs.empty() || is(unwrap(bargs[0]), "object")))
        out->emplace_back(std::string(has_upper(key) ? kCasedColumnKey : kColumnKey) + var + "." + key, key);
    }
  });
  bool config = in.path.find("drizzle.config.") != std::string_view::npos;
  walk(in.root, [&](TSNode call) {
    if (!is(call, "call_expression")) return;
    std::string fn(text(field(call, "function"), src));
    std::vector<TSNode> args = arguments(call);
    if (config && fn == "defineConfig" && args.size() == 1 && is(unwrap(args[0]), "object")) {
      out->emplace_back(kConfigCasingKey, casing_of(args[0], src));
      return;
    }
    if (!names.count(fn)) return;
    std::string casing = "none";
    for (TSNode a : args) {
      TSNode v = unwrap(a);
      if (is(v, "identifier") && args.size() == 1) v = objects.count(std::string(text(v, src))) ? objects[std::string(text(v, src))] : v;
      if (is(v, "object")) casing = casing_of(v, src);
    }
    out->emplace_back(kCasingKey, casing);
  });
}

/// How the project's drizzle() instances name a column the schema does not name: "snake_case",
/// "none" (as written), or "" when it cannot be told.
std::string project_casing(const ProjectFacts* facts) {
  if (!facts) return "";
  auto one = [&](std::string_view key) -> std::string {
    auto it = facts->find(key);
    if (it == facts->end()) return "";
    std::set<std::string> v(it->second.begin(), it->second.end());
    return v.size() == 1 ? *v.begin() : "?";
  };
  std::string casing = one(kCasingKey);
  if (casing.empty()) casing = one(kConfigCasingKey);  // no instance in the project: the config's
  return casing == "snake_case" || casing == "none" ? casing : "";
}

std::string project_casing(const FileInput& in) { return project_casing(in.facts); }

/// The column of `var`.`prop` a query names: the declaration's name, or the property's under
/// the project's casing when the declaration gives none; null when that cannot be told.
std::optional<std::string> column_of(const ProjectFacts* facts, const std::string& var, std::string_view prop) {
  std::string k = var + "." + std::string(prop);
  if (const std::string* col = one_fact(facts, std::string(kColumnKey) + k)) return *col;
  const std::string* cased = one_fact(facts, std::string(kCasedColumnKey) + k);
  if (!cased) return std::nullopt;
  std::string casing = project_casing(facts);
  if (casing == "none") return *cased;
  if (casing == "snake_case") return snake_case(*cased);
  return std::nullopt;
}

/// Records `var` when `arg` is `(p) => \`prefix${p}suffix\``, the only table creator whose names
/// the file spells.
void creator(TSNode arg, std::string_view src, const std::string& var,
             std::map<std::string, std::pair<std::string, std::string>>* out) {
  using namespace js;
  arg = unwrap(arg);
  if (!is(arg, "arrow_function")) return;
  TSNode p = field(arg, "parameter");
  if (ts_node_is_null(p)) {
    TSNode ps = field(arg, "parameters");
    if (ts_node_is_null(ps) || ts_node_named_child_count(ps) != 1) return;
    p = ts_node_named_child(ps, 0);
    if (is(p, "required_parameter")) p = field(p, "pattern");
  }
  TSNode body = unwrap(field(arg, "body"));
  if (!is(p, "identifier") || !is(body, "template_string")) return;
  std::string parts[2];
  int seen = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode c = ts_node_named_child(body, i);
    if (is(c, "string_fragment") && seen < 2) {
      parts[seen] += std::string(text(c, src));
    } else if (is(c, "template_substitution") && seen == 0 &&
               text(ts_node_named_child(c, 0), src) == text(p, src)) {
      seen = 1;
    } else {
      return;  // an escape, another substitution
    }
  }
  if (seen == 1) (*out)[var] = {parts[0], parts[1]};
}

/// The query builder's uses of declared tables in this file (see the top of the file).
void extract_uses(const FileInput& in, FileOutput* out) {
  using namespace js;
  std::string_view src = in.text;
  if (!in.facts) return;
  // The tables this file can name: imported by name (`import { compose as composeTable }` too),
  // or declared here.
  std::map<std::string, std::pair<std::string, std::string>> tables;  // var -> (schema, table)
  std::map<std::string, std::string> declared;  ///< var -> the variable its model's file binds
  auto known = [&](std::string_view var, std::string_view model) {
    const std::string* t = one_fact(in.facts, std::string(kTableKey) + std::string(model));
    if (!t) return;
    std::string schema = t->substr(0, t->find('|')), table = t->substr(t->find('|') + 1);
    tables[std::string(var)] = {schema.empty() ? in.default_schema : schema, table};
    declared[std::string(var)] = std::string(model);
  };
  walk(in.root, [&](TSNode n) {
    if (is(n, "import_specifier")) {
      TSNode alias = field(n, "alias");
      known(text(ts_node_is_null(alias) ? field(n, "name") : alias, src), text(field(n, "name"), src));
    }
    if (is(n, "variable_declarator") && is(field(n, "name"), "identifier") && is(unwrap(field(n, "value")), "call_expression"))
      known(text(field(n, "name"), src), text(field(n, "name"), src));
  });
  if (tables.empty()) return;
  static const std::set<std::string_view> kTableMethods = {"from",     "insert",    "update",   "delete",  "innerJoin",
                                                           "leftJoin", "rightJoin", "fullJoin", "crossJoin"};
  std::set<uintptr_t> done;
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver) || !kTableMethods.count(method)) return;
    auto args = arguments(call);
    if (args.empty() || !is(unwrap(args[0]), "identifier") || !tables.count(std::string(text(unwrap(args[0]), src)))) return;
    // The statement the chain is: climb the chain, awaits and parentheses.
    TSNode top = call;
    for (TSNode p = ts_node_parent(top); !ts_node_is_null(p); p = ts_node_parent(p)) {
      std::string_view t = ts_node_type(p);
      if (t == "member_expression" || t == "call_expression" || t == "await_expression" ||
          t == "parenthesized_expression" || t == "as_expression" || t == "non_null_expression")
        top = p;
      else
        break;
    }
    if (!done.insert(reinterpret_cast<uintptr_t>(top.id)).second) return;
    requirements::Unit unit;
    unit.file = std::string(in.path);
    // The statement with its blanks collapsed: a baseline survives re-indentation.
    unit.fingerprint_text = "drizzle ";
    for (char c : text(top, src).substr(0, 400)) {
      bool blank = std::isspace(static_cast<unsigned char>(c));
      if (blank && (unit.fingerprint_text.back() == ' ' || unit.fingerprint_text.back() == '.')) continue;
      if (c == '.' && unit.fingerprint_text.back() == ' ') unit.fingerprint_text.pop_back();
      unit.fingerprint_text += blank ? ' ' : c;
    }
    out->requirements.units.push_back(std::move(unit));
    size_t unit_index = out->requirements.units.size() - 1;
    const std::string fix = "run `npx drizzle-kit generate` to write the migration for this table, and apply it with "
                            "`npx drizzle-kit migrate` before deploying this code";
    auto relation = [&](TSNode id, const std::string& verb) {
      std::string var(text(id, src));
      auto& [schema, table] = tables[var];
      requirements::Requirement r;
      r.object = requirements::Object::Relation;
      r.schema = schema;
      r.relation = table;
      r.span = {ts_node_start_byte(id), ts_node_end_byte(id)};
      r.unit = unit_index;
      r.quoted = true;
      r.fix = fix;
      r.use = verb == "writes" ? requirements::Use::Write : requirements::Use::Read;
      r.describe = "Drizzle query on " + var + " " + verb + " table " + table;
      out->requirements.requirements.push_back(std::move(r));
    };
    auto column = [&](const std::string& var, TSNode prop, requirements::Use use, const std::string& verb) {
      std::optional<std::string> col = column_of(in.facts, declared[var], text(prop, src));
      if (!col) return;
      auto& [schema, table] = tables[var];
      requirements::Requirement r;
      r.object = requirements::Object::Column;
      r.schema = schema;
      r.relation = table;
      r.column = *col;
      r.span = {ts_node_start_byte(prop), ts_node_end_byte(prop)};
      r.unit = unit_index;
      r.quoted = true;
      r.fix = fix;
      r.use = use;
      r.describe = "Drizzle query on " + var + " " + verb + " column " + table + "." + *col;
      out->requirements.requirements.push_back(std::move(r));
    };
    // The tables the statement names, then each `table.prop` in it and the rows it writes.
    std::set<std::string> named;
    std::string written;
    walk(top, [&](TSNode c) {
      std::string_view m;
      TSNode recv;
      if (!method_call(c, src, &m, &recv) || !kTableMethods.count(m)) return;
      auto a = arguments(c);
      if (a.empty() || !is(unwrap(a[0]), "identifier")) return;
      std::string var(text(unwrap(a[0]), src));
      if (!tables.count(var)) return;
      bool writes = m == "insert" || m == "update";
      relation(unwrap(a[0]), m == "delete" ? "deletes from" : writes ? "writes" : "reads");
      named.insert(var);
      if (writes) written = var;
    });
    walk(top, [&](TSNode n) {
      if (is(n, "member_expression") && is(field(n, "object"), "identifier") &&
          named.count(std::string(text(field(n, "object"), src))) && is(field(n, "property"), "property_identifier")) {
        // `user.email` as a value, not as the callee of a method (`user.email.getSQL()`).
        TSNode parent = ts_node_parent(n);
        if (!(is(parent, "member_expression") && ts_node_eq(field(parent, "object"), n)))
          column(std::string(text(field(n, "object"), src)), field(n, "property"), requirements::Use::Read, "uses");
      }
      std::string_view m;
      TSNode recv;
      if (written.empty() || !method_call(n, src, &m, &recv) || (m != "values" && m != "set")) return;
      auto a = arguments(n);
      if (a.empty()) return;
      std::vector<TSNode> rows;
      TSNode v = unwrap(a[0]);
      if (is(v, "array")) {
        for (uint32_t i = 0; i < ts_node_named_child_count(v); ++i) rows.push_back(unwrap(ts_node_named_child(v, i)));
      } else {
        rows.push_back(v);
      }
      for (TSNode row : rows) {
        if (!is(row, "object")) continue;
        for (uint32_t i = 0; i < ts_node_named_child_count(row); ++i) {
          TSNode p = ts_node_named_child(row, i);
          TSNode key = is(p, "pair") ? field(p, "key") : is(p, "shorthand_property_identifier") ? p : TSNode{};
          if (is(key, "property_identifier") || is(key, "shorthand_property_identifier"))
            column(written, key, requirements::Use::Write, "." + std::string(m) + "() writes");
        }
      }
    });
  });
}

void extract_drizzle(const FileInput& in, FileOutput* out) {
  using namespace js;
  std::string_view src = in.text;
  extract_uses(in, out);
  if (src.find("drizzle-orm/pg-core") == std::string_view::npos) return;
  std::string casing = project_casing(in);
  if (casing.empty() && (src.find("casing: 'snake_case'") != std::string_view::npos ||
                         src.find("casing: \"snake_case\"") != std::string_view::npos))
    casing = "snake_case";
  bool snake = casing == "snake_case";
  // Names this file binds: pgSchema('s') objects; pgEnum(...) and customType(...) builders.
  std::map<std::string, std::string> schemas;
  std::set<std::string> own_builders;
  // pgTableCreator((name) => `prefix_${name}`): the table name is the prefix, the name, the suffix.
  std::map<std::string, std::pair<std::string, std::string>> creators;
  std::set<std::string> opaque_creators;  ///< creators whose names this file cannot tell
  walk(in.root, [&](TSNode n) {
    if (!is(n, "variable_declarator")) return;
    TSNode value = unwrap(field(n, "value"));
    if (!is(value, "call_expression")) return;
    std::string name(text(field(n, "name"), src));
    std::string_view fn = text(field(value, "function"), src);
    auto args = arguments(value);
    if (fn == "pgTableCreator" && args.size() == 1) {
      creator(args[0], src, name, &creators);
      if (!creators.count(name)) opaque_creators.insert(name);
    }
    if (fn == "pgSchema" && !args.empty())
      if (auto lit = literal(args[0], src)) schemas[name] = lit->value;
    if (fn == "pgEnum" || fn.substr(0, 10) == "customType") own_builders.insert(name);
    std::string_view method;
    TSNode receiver;
    if (method_call(value, src, &method, &receiver) && method == "enum" && schemas.count(std::string(text(receiver, src))))
      own_builders.insert(name);
  });

  // pgEnum builders another file of the project declares, imported by name from a module of the
  // project (a relative or aliased path, not a package).
  if (in.facts)
    walk(in.root, [&](TSNode n) {
      if (!is(n, "import_statement")) return;
      auto from = literal(field(n, "source"), src);
      if (!from || (from->value.rfind(".", 0) != 0 && from->value.rfind("@/", 0) != 0 && from->value.rfind("~/", 0) != 0 &&
                    from->value.find("/") == std::string::npos))
        return;
      walk(n, [&](TSNode spec) {
        if (!is(spec, "import_specifier")) return;
        TSNode alias = field(spec, "alias");
        std::string imported(text(field(spec, "name"), src));
        std::string local(text(ts_node_is_null(alias) ? field(spec, "name") : alias, src));
        if (in.facts->count(std::string(kEnumKey) + imported) || in.facts->count(std::string(kBuilderKey) + imported))
          own_builders.insert(local);
        // A pgSchema('s') another file binds: `latitudeSchema.table(...)` is a table of schema s,
        // when every file that binds that name agrees on s.
        auto sc = in.facts->find(std::string(kSchemaKey) + imported);
        if (sc != in.facts->end() && !schemas.count(local) &&
            std::all_of(sc->second.begin(), sc->second.end(), [&](const std::string& v) { return v == sc->second[0]; }))
          schemas[local] = sc->second[0];
      });
    });

  walk(in.root, [&](TSNode call) {
    if (!is(call, "call_expression")) return;
    TSNode fn = field(call, "function");
    std::string schema_name = in.default_schema;
    std::string prefix, suffix;
    if (is(fn, "identifier") && opaque_creators.count(std::string(text(fn, src)))) {
      out->unchecked.push_back({ts_node_start_byte(call), "drizzle pgTableCreator", "the table name is computed at run time"});
      return;
    }
    if (is(fn, "identifier") && text(fn, src) == "pgTable") {
    } else if (is(fn, "identifier") && creators.count(std::string(text(fn, src)))) {
      std::tie(prefix, suffix) = creators[std::string(text(fn, src))];
    } else if (is(fn, "member_expression") && text(field(fn, "property"), src) == "table" &&
               schemas.count(std::string(text(field(fn, "object"), src)))) {
      schema_name = schemas[std::string(text(field(fn, "object"), src))];
    } else {
      return;
    }
    auto args = arguments(call);
    if (args.size() < 2) return;
    auto name = literal(args[0], src);
    if (name) name->value = prefix + name->value + suffix;
    if (!name) {
      out->unchecked.push_back({ts_node_start_byte(call), "drizzle pgTable", "the table name is computed at run time"});
      return;
    }
    // The columns: an object, or `(t) => ({ ... })` whose parameter holds the builders.
    TSNode columns = unwrap(args[1]);
    std::string param;
    if (is(columns, "arrow_function")) {
      TSNode p = field(columns, "parameter");
      if (ts_node_is_null(p)) {
        TSNode ps = field(columns, "parameters");
        if (!ts_node_is_null(ps) && ts_node_named_child_count(ps) == 1) {
          p = ts_node_named_child(ps, 0);
          if (is(p, "required_parameter")) p = field(p, "pattern");
        }
      }
      if (is(p, "identifier")) param = std::string(text(p, src));
      columns = unwrap(field(columns, "body"));
    }
    if (!is(columns, "object")) {
      out->unchecked.push_back({ts_node_start_byte(args[1]), "drizzle pgTable",
                                "the columns of " + name->value + " are not an object literal"});
      return;
    }
    // The variable the table is bound to: how the code names it.
    std::string var = name->value;
    TSNode parent = ts_node_parent(call);
    if (is(parent, "variable_declarator")) var = std::string(text(field(parent, "name"), src));
    std::string shown = schema_name == in.default_schema ? name->value : schema_name + "." + name->value;

    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = "drizzle table " + var;
    out->requirements.units.push_back(std::move(unit));
    size_t unit_index = out->requirements.units.size() - 1;
    requirements::Requirement rel;
    rel.object = requirements::Object::Relation;
    rel.schema = schema_name;
    rel.relation = name->value;
    rel.span = {name->at, name->at + static_cast<uint32_t>(name->value.size() - prefix.size() - suffix.size())};
    rel.unit = unit_index;
    rel.quoted = true;  // Drizzle quotes every name it sends
    // In drizzle-kit's words: generate writes the migration of a schema change, migrate applies it.
    rel.fix = "run `npx drizzle-kit generate` to write the migration for this table, and apply it with "
              "`npx drizzle-kit migrate` before deploying this code";
    rel.describe = "Drizzle table " + var + " is table " + shown + "; every query of " + var + " reads it";
    out->requirements.requirements.push_back(rel);
    out->declared_columns.push_back({schema_name, name->value, "", "", rel.span.begin});

    for (uint32_t i = 0; i < ts_node_named_child_count(columns); ++i) {
      TSNode p = ts_node_named_child(columns, i);
      if (is(p, "comment")) continue;
      if (!is(p, "pair")) {
        out->unchecked.push_back({ts_node_start_byte(p), "drizzle pgTable",
                                  "columns of " + name->value + " that this file does not list", unit_index});
        continue;
      }
      TSNode key_node = field(p, "key");
      std::string key;
      uint32_t key_at = ts_node_start_byte(key_node);
      if (is(key_node, "property_identifier")) key = std::string(text(key_node, src));
      else if (auto lit = literal(key_node, src)) key = lit->value, key_at = lit->at;
      else continue;
      // The chain `text('x').notNull().default(...)`: its innermost call is the builder.
      TSNode v = unwrap(field(p, "value"));
      while (is(v, "call_expression")) {
        TSNode f = field(v, "function");
        if (is(f, "member_expression") && is(unwrap(field(f, "object")), "call_expression")) {
          v = unwrap(field(f, "object"));
          continue;
        }
        break;
      }
      std::string builder;
      if (is(v, "call_expression")) {
        TSNode f = field(v, "function");
        if (is(f, "identifier")) builder = std::string(text(f, src));
        else if (is(f, "member_expression") && !param.empty() && text(field(f, "object"), src) == param)
          builder = std::string(text(field(f, "property"), src));
      }
      if (builder.empty() || (!builders().count(builder) && !own_builders.count(builder))) {
        out->unchecked.push_back({key_at, "drizzle pgTable",
                                  "column " + key + " of " + name->value + " is built by a helper this file does not define", unit_index});
        continue;
      }
      auto bargs = arguments(v);
      std::optional<Literal> explicit_name = bargs.empty() ? std::nullopt : literal(bargs[0], src);
      std::string column;
      uint32_t at = key_at, width = static_cast<uint32_t>(key.size());
      if (explicit_name) {
        column = explicit_name->value;
        at = explicit_name->at;
        width = static_cast<uint32_t>(column.size());
      } else if (!bargs.empty() && !is(unwrap(bargs[0]), "object")) {
        out->unchecked.push_back({key_at, "drizzle pgTable", "the name of column " + key + " is computed at run time", unit_index});
        continue;
      } else if (snake) {
        column = snake_case(key);
      } else if (has_upper(key) && casing != "none") {
        out->unchecked.push_back({key_at, "drizzle pgTable",
                                  "column " + key + " has no name of its own: the casing option of drizzle() decides it", unit_index});
        continue;
      } else {
        column = key;
      }
      requirements::Requirement r = rel;
      r.object = requirements::Object::Column;
      r.column = column;
      r.span = {at, at + width};
      r.describe = "Drizzle table " + var + " declares column " + shown + "." + column +
                   (column == key ? "" : " (property " + key + ")") + "; every select of " + var + " selects it";
      out->requirements.requirements.push_back(std::move(r));
      out->declared_columns.push_back({schema_name, name->value, column, sql_type(builder, v, field(p, "value"), src), at});
    }
  });
}

}  // namespace

extern const DataLayer kDrizzle{.name = "drizzle",
                                .languages = {"typescript", "javascript"},
                                .relevant = relevant_drizzle,
                                .extract = extract_drizzle,
                                .index = index_drizzle,
                                .relevant_words = {"drizzle-orm", "drizzle-kit"}};

std::optional<drizzle::ModelObject> drizzle::model_object(const ProjectFacts* facts, std::string_view var,
                                                          std::string_view prop) {
  const std::string* t = one_fact(facts, std::string(kTableKey) + std::string(var));
  if (!t) return std::nullopt;
  ModelObject o{t->substr(0, t->find('|')), t->substr(t->find('|') + 1), ""};
  if (prop.empty()) return o;
  std::optional<std::string> c = column_of(facts, std::string(var), prop);
  if (!c) return std::nullopt;
  o.column = *c;
  return o;
}

std::string drizzle::rendered(const ModelObject& object) {
  auto quoted = [](const std::string& name) {
    std::string q = "\"";
    for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out = object.schema.empty() ? "" : quoted(object.schema) + ".";
  out += quoted(object.table);
  if (!object.column.empty()) out += "." + quoted(object.column);
  return out;
}

}  // namespace schemagate::datalayers
