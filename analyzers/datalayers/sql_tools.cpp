// sql-tools (immich's schema-from-code library, `src/sql-tools`): a project declares its tables
// as classes, `@Table('exif') class ExifTable { @Column({ type }) make!: string }`, lists them in
// one `@Database` class (`tables = [ExifTable, ...]`), and generates its migrations by diffing
// those classes against a database. The classes are what its queries are typed against (Kysely's
// `DB`), so a column a table class declares that no migration adds is a column the code expects
// and the database lacks: each declared column is a requirement at its declaration, as is the
// table. Only classes a `@Database` class lists are read: the library's own test stubs declare
// tables no database has.
//
// Names, as sql-tools gives them: a table is `@Table('name')` / `@Table({ name })`, else the
// class name with `_` before each capital that follows a lower-case letter, lower-cased; a
// column is `@Column('name')` / the `name` option, else the property's name as written. The
// decorators are `@Column`, `@PrimaryColumn`, `@PrimaryGeneratedColumn`, `@GeneratedColumn`,
// `@CreateDateColumn`, `@UpdateDateColumn`, `@DeleteDateColumn` (options first) and
// `@ForeignKeyColumn(() => Target, options)`, imported from a module whose path ends in
// `sql-tools`. A project's own wrapper (`const UpdateIdColumn = (options) => Column({ ...options,
// type: 'uuid' })`) is followed through the index when it only hands its options on or spells
// no name; any other decorator ending in `Column` leaves its property unchecked. A table or a
// column declared `synchronize: false` is one the migrations do not manage: unchecked.
#include <cctype>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

/// + class name: present when a `@Database` class lists it in `tables`.
constexpr std::string_view kListedKey = "sql-tools:table:";
/// + decorator name: a project wrapper of a column decorator, "sql:Base|passes" or
/// "w:Wrapper|passes" (passes: 1 when the caller's options reach the base, 0 when the wrapper
/// spells its own), "?" when its column name cannot be told.
constexpr std::string_view kWrapperKey = "sql-tools:wrapper:";

const std::set<std::string, std::less<>> kBaseColumns = {"Column",           "PrimaryColumn",    "PrimaryGeneratedColumn",
                                                         "GeneratedColumn",  "CreateDateColumn", "UpdateDateColumn",
                                                         "DeleteDateColumn", "ForeignKeyColumn"};

bool relevant_sql_tools(std::string_view text) { return text.find("sql-tools") != std::string_view::npos; }

/// Local name -> imported name of what this file imports from a sql-tools module.
std::map<std::string, std::string> sql_tools_imports(TSNode root, std::string_view src) {
  std::map<std::string, std::string> out;
  walk(root, [&](TSNode n) {
    if (!is(n, "import_statement")) return;
    auto from = literal(field(n, "source"), src);
    if (!from || !(from->value.ends_with("/sql-tools") || from->value == "sql-tools")) return;
    walk(n, [&](TSNode s) {
      if (!is(s, "import_specifier")) return;
      std::string name(text(field(s, "name"), src));
      TSNode alias = field(s, "alias");
      out[ts_node_is_null(alias) ? name : std::string(text(alias, src))] = name;
    });
  });
  return out;
}

/// Whether `args` hand on only `param` (itself, or spread into an object that spells no name).
bool passes_only(const std::vector<TSNode>& args, std::string_view param, std::string_view src) {
  for (TSNode a : args) {
    a = unwrap(a);
    if (is(a, "identifier") && !param.empty() && text(a, src) == param) continue;
    if (!is(a, "object")) return false;
    for (uint32_t i = 0; i < ts_node_named_child_count(a); ++i) {
      TSNode p = ts_node_named_child(a, i);
      if (is(p, "comment")) continue;
      if (is(p, "spread_element")) {
        TSNode s = unwrap(ts_node_named_child(p, 0));
        if (param.empty() || !is(s, "identifier") || text(s, src) != param) return false;
        continue;
      }
      if (is(p, "pair") && is(field(p, "key"), "property_identifier") && text(field(p, "key"), src) != "name" &&
          text(field(p, "key"), src) != "synchronize")
        continue;
      return false;  // a name, a shorthand, a computed key
    }
  }
  return true;
}

void index_sql_tools(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view src = in.text;
  std::map<std::string, std::string> imports = sql_tools_imports(in.root, src);
  walk(in.root, [&](TSNode n) {
    // `@Database(...) class X { tables = [A, B] }`
    if (is(n, "class_declaration")) {
      bool database = false;
      for (const Decorator& d : class_decorators(n, src)) {
        auto it = imports.find(d.name);
        database = database || (it != imports.end() && it->second == "Database");
      }
      if (!database) return;
      TSNode body = field(n, "body");
      for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
        TSNode m = ts_node_named_child(body, i);
        if (!is(m, "public_field_definition") || text(field(m, "name"), src) != "tables") continue;
        TSNode list = unwrap(field(m, "value"));
        if (!is(list, "array")) continue;
        for (uint32_t k = 0; k < ts_node_named_child_count(list); ++k) {
          TSNode e = ts_node_named_child(list, k);
          if (is(e, "identifier")) out->emplace_back(std::string(kListedKey) + std::string(text(e, src)), "1");
        }
      }
      return;
    }
    // `const W = (options = {}) => Column({ ...options, type: 'uuid' })`
    if (!is(n, "variable_declarator") || !is(field(n, "value"), "arrow_function")) return;
    std::string name(text(field(n, "name"), src));
    if (!name.ends_with("Column")) return;
    TSNode fn = field(n, "value");
    TSNode body = unwrap(field(fn, "body"));
    std::string value = "?";
    std::string_view param;
    TSNode params = field(fn, "parameters");
    bool params_ok = true;
    int count = 0;
    for (uint32_t i = 0; !ts_node_is_null(params) && i < ts_node_named_child_count(params); ++i) {
      TSNode p = ts_node_named_child(params, i);
      if (is(p, "comment")) continue;
      ++count;
      TSNode pat = is(p, "required_parameter") || is(p, "optional_parameter") ? field(p, "pattern") : p;
      if (is(pat, "identifier")) param = text(pat, src);
      else params_ok = false;
    }
    if (ts_node_is_null(params) && is(field(fn, "parameter"), "identifier")) param = text(field(fn, "parameter"), src), count = 1;
    if (is(body, "call_expression") && is(field(body, "function"), "identifier") && params_ok && count <= 1) {
      std::string callee(text(field(body, "function"), src));
      std::vector<TSNode> args = arguments(body);
      auto imported = imports.find(callee);
      bool base = imported != imports.end() && kBaseColumns.count(imported->second) && imported->second != "ForeignKeyColumn";
      if (passes_only(args, param, src) && args.size() <= 1) {
        bool passes = !param.empty() && !args.empty();
        if (base) value = "sql:" + imported->second + (passes ? "|1" : "|0");
        else if (imported == imports.end() && callee.ends_with("Column")) value = "w:" + callee + (passes ? "|1" : "|0");
      }
    }
    out->emplace_back(std::string(kWrapperKey) + name, value);
  });
}

/// sql-tools' asSnakeCase: `_` between a lower-case letter and a capital, then lower case.
std::string snake(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z') out += '_';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  return out;
}

/// What a decorator of a property is: the sql-tools base it comes down to (through the
/// project's wrappers) and whether the options written at the property reach it. "" when it is
/// no column decorator; "?" when it ends in Column and cannot be followed.
std::string base_of(const std::string& name, const std::map<std::string, std::string>& imports, const ProjectFacts* facts,
                    bool* passes) {
  *passes = true;
  auto imported = imports.find(name);
  if (imported != imports.end()) return kBaseColumns.count(imported->second) ? imported->second : "";
  std::string at = name;
  if (!facts) return at.ends_with("Column") ? "?" : "";
  for (int depth = 0; depth < 6; ++depth) {
    auto it = facts->find(std::string(kWrapperKey) + at);
    if (it == facts->end()) return at.ends_with("Column") ? "?" : "";
    std::set<std::string> values(it->second.begin(), it->second.end());
    if (values.size() != 1 || *values.begin() == "?") return "?";
    const std::string& v = *values.begin();
    size_t bar = v.find('|');
    *passes = *passes && v.substr(bar + 1) == "1";
    if (v.rfind("sql:", 0) == 0) return v.substr(4, bar - 4);
    at = v.substr(2, bar - 2);
  }
  return "?";
}

void extract_sql_tools(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  std::map<std::string, std::string> imports = sql_tools_imports(in.root, src);
  if (!in.facts) return;
  walk(in.root, [&](TSNode cls) {
    if (!is(cls, "class_declaration")) return;
    const Decorator* table = nullptr;
    std::vector<Decorator> decs = class_decorators(cls, src);
    for (const Decorator& d : decs) {
      auto it = imports.find(d.name);
      if (it != imports.end() && it->second == "Table") table = &d;
    }
    if (!table) return;
    std::string class_name(text(field(cls, "name"), src));
    if (!in.facts->count(std::string(kListedKey) + class_name)) return;  // not one of the database's tables
    std::string name = snake(class_name);
    uint32_t at = ts_node_start_byte(field(cls, "name")), width = static_cast<uint32_t>(class_name.size());
    TSNode opt = table->args.empty() ? TSNode{} : unwrap(table->args[0]);
    std::vector<Key> keys;
    if (auto l = literal(opt, src)) {
      name = l->value, at = l->at, width = static_cast<uint32_t>(name.size());
    } else if (!ts_node_is_null(opt)) {
      if (!is(opt, "object") || !object_keys(opt, src, &keys)) {
        out->unchecked.push_back({table->at, "sql-tools @Table", "the options of table class " + class_name + " are computed at run time"});
        return;
      }
      for (const Key& k : keys) {
        if (k.name == "synchronize" && text(unwrap(k.value), src) != "true") {
          out->unchecked.push_back({table->at, "sql-tools @Table",
                                    "table class " + class_name + " is declared synchronize: false: its migrations are written by hand"});
          return;
        }
        if (k.name != "name") continue;
        auto l = literal(k.value, src);
        if (!l) {
          out->unchecked.push_back({table->at, "sql-tools @Table", "the table name of " + class_name + " is computed at run time"});
          return;
        }
        name = l->value, at = l->at, width = static_cast<uint32_t>(name.size());
      }
    }
    std::string schema = in.default_schema;
    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = "sql-tools table " + class_name;
    out->requirements.units.push_back(std::move(unit));
    requirements::Requirement rel;
    rel.object = requirements::Object::Relation;
    rel.schema = schema;
    rel.relation = name;
    rel.span = {at, at + width};
    rel.unit = out->requirements.units.size() - 1;
    rel.quoted = true;
    rel.describe = "table class " + class_name + " is table " + name + "; the code's queries are typed against it";
    rel.fix = "generate a migration from the table classes (sql-tools' schemaDiff against the database) and apply it before deploying this code";
    out->requirements.requirements.push_back(rel);
    decorated_members(field(cls, "body"), src, [&](TSNode m, const std::vector<Decorator>& mdecs) {
      if (!is(m, "public_field_definition")) return;
      TSNode prop = field(m, "name");
      if (!is(prop, "property_identifier")) return;
      std::string property(text(prop, src));
      for (const Decorator& d : mdecs) {
        bool passes = true;
        std::string base = base_of(d.name, imports, in.facts, &passes);
        if (base.empty()) continue;
        if (base == "?") {
          out->unchecked.push_back({d.at, "sql-tools @" + d.name, "decorator " + d.name + " of property " + property + " is not read: its column name cannot be told"});
          return;
        }
        std::string column = property;
        uint32_t cat = ts_node_start_byte(prop), cwidth = static_cast<uint32_t>(property.size());
        size_t index = base == "ForeignKeyColumn" && d.name == base ? 1 : 0;
        TSNode o = passes && d.args.size() > index ? unwrap(d.args[index]) : TSNode{};
        if (auto l = literal(o, src); l && base == "Column" && d.name == base) {
          column = l->value, cat = l->at, cwidth = static_cast<uint32_t>(column.size());
        } else if (!ts_node_is_null(o)) {
          std::vector<Key> props;
          if (!is(o, "object") || !object_keys(o, src, &props)) {
            out->unchecked.push_back({d.at, "sql-tools @" + d.name, "the options of column " + property + " are computed at run time"});
            return;
          }
          for (const Key& k : props) {
            if (k.name == "synchronize" && text(unwrap(k.value), src) != "true") {
              out->unchecked.push_back({d.at, "sql-tools @" + d.name, "column " + property + " is declared synchronize: false"});
              return;
            }
            if (k.name != "name") continue;
            auto l = literal(k.value, src);
            if (!l) {
              out->unchecked.push_back({d.at, "sql-tools @" + d.name, "the column name of " + property + " is computed at run time"});
              return;
            }
            column = l->value, cat = l->at, cwidth = static_cast<uint32_t>(column.size());
          }
        }
        requirements::Requirement r = rel;
        r.object = requirements::Object::Column;
        r.column = column;
        r.span = {cat, cat + cwidth};
        r.describe = "table class " + class_name + " property " + property + (column == property ? " is" : " maps to") +
                     " column " + name + "." + column + "; the code's queries are typed against it";
        out->requirements.requirements.push_back(std::move(r));
        return;  // one column per property
      }
    });
  });
}

}  // namespace

extern const DataLayer kSqlTools{.name = "sql-tools",
                                 .languages = {"typescript"},
                                 .relevant = relevant_sql_tools,
                                 .extract = extract_sql_tools,
                                 .index = index_sql_tools,
                                 .relevant_words = {"sql-tools"}};

}  // namespace schemagate::datalayers
