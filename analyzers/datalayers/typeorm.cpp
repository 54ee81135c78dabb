// TypeORM: entity classes, `@Entity('name')` / `@Entity({ name, schema })` with their
// `@Column`, `@PrimaryColumn`, `@PrimaryGeneratedColumn`, `@CreateDateColumn`, ... properties and
// `@JoinColumn({ name })` foreign keys. A repository's find() selects every column of the entity
// and save() returns them, so each is a requirement at its declaration, as is the table.
//
// Names: a table without a name is snake_case(ClassName), as both the default and the snake
// naming strategy name it. A column without a name is the property's name under the default
// strategy and snake_case under SnakeNamingStrategy, set where the DataSource is configured, not
// here: every configuration of the project is read before extraction (`new DataSource({...})`,
// `TypeOrmModule.forRoot({...})`, any object with `namingStrategy` or with both `type` and
// `entities`). `new SnakeNamingStrategy()` (typeorm-naming-strategies), or a class of the project
// extending DefaultNamingStrategy whose columnName gives `customName` or snakeCase of the
// property (and whose tableName, if it has one, does the same with the class name), names it
// snake_case; no namingStrategy names it as written. When the configurations disagree, or one
// cannot be read, a property with upper case letters and no name is unchecked. Embedded columns
// (`@Column(() => Address)`), single-table-inheritance children (`@ChildEntity`), views and
// relations without a named join column are not judged.
#include <cctype>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

/// typeorm's snakeCase: "ABc" -> "a_bc", "aC" -> "a_c", then lower case.
std::string snake_case(std::string_view s) {
  auto up = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto low = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string a;
  for (size_t i = 0; i < s.size(); ++i) {
    a += s[i];
    if (i + 2 < s.size() && up(s[i]) && up(s[i + 1]) && low(s[i + 2])) a += '_';
  }
  std::string b;
  for (size_t i = 0; i < a.size(); ++i) {
    b += a[i];
    if (i + 1 < a.size() && (low(a[i]) || std::isdigit(static_cast<unsigned char>(a[i]))) && up(a[i + 1])) b += '_';
  }
  for (char& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return b;
}

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

/// A camelCase name every snake case turns alike: no capital after a capital or a digit.
bool plain_camel(std::string_view s) {
  for (size_t i = 1; i < s.size(); ++i)
    if (s[i] >= 'A' && s[i] <= 'Z' && ((s[i - 1] >= 'A' && s[i - 1] <= 'Z') || std::isdigit(static_cast<unsigned char>(s[i - 1]))))
      return false;
  return true;
}

bool relevant_typeorm(std::string_view text) {
  return text.find("typeorm") != std::string_view::npos || text.find("TypeOrmModule") != std::string_view::npos ||
         text.find("NamingStrategy") != std::string_view::npos;
}

constexpr std::string_view kNamingKey = "typeorm:naming";          ///< one per configuration
constexpr std::string_view kStrategyKey = "typeorm:strategy:";     ///< + class name: its naming

/// A naming strategy class of the project: "snake" when columnName gives customName or
/// snakeCase(propertyName) and tableName (when overridden) customName or snakeCase of the
/// class name; "?" otherwise.
std::string strategy_class_naming(TSNode cls, std::string_view src) {
  std::string column = "default", table = "default";
  TSNode body = field(cls, "body");
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (!is(m, "method_definition")) continue;
    std::string_view name = text(field(m, "name"), src), code = text(field(m, "body"), src);
    bool snake = code.find("snakeCase(") != std::string_view::npos && code.find("customName") != std::string_view::npos &&
                 code.find('\'') == std::string_view::npos && code.find('"') == std::string_view::npos &&
                 code.find('`') == std::string_view::npos;
    if (name == "columnName") column = snake && code.find("propertyName") != std::string_view::npos ? "snake" : "?";
    if (name == "tableName") table = snake ? "snake" : "?";
  }
  // A project's own snakeCase may differ from typeorm's on runs of capitals or digits
  // ("userID", "v2Name"): "snake-plain" names only properties where every snake case agrees.
  if (column == "snake" && table != "?") return "snake-plain";
  if (column == "default" && table != "?") return "default";
  return "?";
}

/// A configuration's naming: "default", "snake", "strategy:Name" (a class of the project,
/// resolved at extraction), or "?".
std::string config_naming(TSNode obj, std::string_view src) {
  obj = unwrap(obj);
  bool strategy = false, spread_after = false;
  std::string naming = "default";
  for (uint32_t i = 0; i < ts_node_named_child_count(obj); ++i) {
    TSNode p = ts_node_named_child(obj, i);
    if (is(p, "spread_element")) {
      spread_after = true;  // may set namingStrategy itself
      continue;
    }
    if (!is(p, "pair") || text(field(p, "key"), src) != "namingStrategy") continue;
    strategy = true;
    spread_after = false;
    TSNode v = unwrap(field(p, "value"));
    if (!is(v, "new_expression")) {
      naming = "?";
      continue;
    }
    std::string ctor(text(field(v, "constructor"), src));
    naming = ctor == "DefaultNamingStrategy" ? "default" : "strategy:" + ctor;
  }
  return spread_after ? "?" : strategy ? naming : "default";
}

/// Reads the project's TypeORM configurations and naming strategy classes.
void index_typeorm(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view src = in.text;
  walk(in.root, [&](TSNode n) {
    if ((is(n, "class_declaration") || is(n, "class")) && !ts_node_is_null(field(n, "name"))) {
      TSNode heritage{};
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
        if (is(ts_node_named_child(n, i), "class_heritage")) heritage = ts_node_named_child(n, i);
      std::string_view h = text(heritage, src);
      if (h.find("NamingStrategy") != std::string_view::npos)
        out->emplace_back(std::string(kStrategyKey) + std::string(text(field(n, "name"), src)),
                          h.find("extends DefaultNamingStrategy") != std::string_view::npos ? strategy_class_naming(n, src) : "?");
      return;
    }
    if (!is(n, "object")) return;
    bool naming_key = false, type = false, entities = false;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode p = ts_node_named_child(n, i);
      if (!is(p, "pair")) continue;
      std::string_view k = text(field(p, "key"), src);
      naming_key = naming_key || k == "namingStrategy";
      type = type || k == "type";
      entities = entities || k == "entities" || k == "autoLoadEntities";
    }
    if (naming_key || (type && entities)) out->emplace_back(kNamingKey, config_naming(n, src));
  });
}

/// How the project's configurations name a property without a name of its own: "default"
/// (as written), "snake", or "" (cannot be told).
std::string project_naming(const FileInput& in) {
  if (!in.facts) return "";
  auto it = in.facts->find(kNamingKey);
  if (it == in.facts->end()) return "";
  std::set<std::string> kinds;
  for (const std::string& v : it->second) {
    if (v.rfind("strategy:", 0) == 0) {
      // A class of the project by that name, else typeorm-naming-strategies' SnakeNamingStrategy.
      auto c = in.facts->find(std::string(kStrategyKey) + v.substr(9));
      std::set<std::string> cs;
      if (c != in.facts->end()) cs.insert(c->second.begin(), c->second.end());
      else if (v == "strategy:SnakeNamingStrategy") cs.insert("snake");
      kinds.insert(cs.size() == 1 ? *cs.begin() : "?");
    } else {
      kinds.insert(v);
    }
  }
  return kinds.size() == 1 && *kinds.begin() != "?" ? *kinds.begin() : "";
}

/// The value of `key` in the first object among `args`: a literal, or nothing. *present says
/// whether the key is there at all.
std::optional<Literal> option(const std::vector<TSNode>& args, std::string_view src, std::string_view key, bool* present) {
  *present = false;
  for (TSNode a : args) {
    std::vector<Key> keys;
    if (!is(unwrap(a), "object")) continue;
    object_keys(a, src, &keys);
    for (auto& k : keys)
      if (k.name == key) {
        *present = true;
        return ts_node_is_null(k.value) ? std::nullopt : literal(k.value, src);
      }
    return std::nullopt;
  }
  return std::nullopt;
}

void extract_typeorm(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  const std::string naming = project_naming(in);
  static const std::set<std::string_view> kColumns = {"Column",           "PrimaryColumn",    "PrimaryGeneratedColumn",
                                                      "CreateDateColumn", "UpdateDateColumn", "DeleteDateColumn",
                                                      "VersionColumn"};
  walk(in.root, [&](TSNode cls) {
    if (!is(cls, "class_declaration") && !is(cls, "abstract_class_declaration")) return;
    std::vector<Decorator> decs = class_decorators(cls, src);
    const Decorator* entity = nullptr;
    for (auto& d : decs)
      if (d.name == "Entity") entity = &d;
    if (!entity) return;
    std::string class_name(text(field(cls, "name"), src));
    std::string table = snake_case(class_name), schema_name = in.default_schema;
    uint32_t table_at = ts_node_start_byte(field(cls, "name"));
    uint32_t table_width = static_cast<uint32_t>(class_name.size());
    bool present = false;
    if (!entity->args.empty()) {
      if (auto lit = literal(entity->args[0], src)) {
        table = lit->value, table_at = lit->at, table_width = static_cast<uint32_t>(lit->value.size());
      } else if (!is(unwrap(entity->args[0]), "object")) {
        out->unchecked.push_back({entity->at, "typeorm @Entity", "the table name is computed at run time"});
        return;
      }
      auto name = option(entity->args, src, "name", &present);
      if (present && !name) {
        out->unchecked.push_back({entity->at, "typeorm @Entity", "the table name is computed at run time"});
        return;
      }
      if (name) table = name->value, table_at = name->at, table_width = static_cast<uint32_t>(name->value.size());
      auto schema = option(entity->args, src, "schema", &present);
      if (present && !schema) {
        out->unchecked.push_back({entity->at, "typeorm @Entity", "the schema name is computed at run time"});
        return;
      }
      if (schema) schema_name = schema->value;
    }
    std::string shown = schema_name == in.default_schema ? table : schema_name + "." + table;

    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = "typeorm entity " + class_name;
    out->requirements.units.push_back(std::move(unit));
    requirements::Requirement rel;
    rel.object = requirements::Object::Relation;
    rel.schema = schema_name;
    rel.relation = table;
    rel.span = {table_at, table_at + table_width};
    rel.unit = out->requirements.units.size() - 1;
    rel.quoted = true;  // TypeORM quotes every name it sends
    rel.describe = "entity " + class_name + " is table " + shown + "; every find of " + class_name + " reads it";
    out->requirements.requirements.push_back(rel);

    decorated_members(field(cls, "body"), src, [&](TSNode m, const std::vector<Decorator>& mdecs) {
      if (!is(m, "public_field_definition")) return;
      TSNode name_node = field(m, "name");
      if (!is(name_node, "property_identifier")) return;
      std::string prop(text(name_node, src));
      for (auto& d : mdecs) {
        bool join = d.name == "JoinColumn";
        if (!kColumns.count(d.name) && !join) continue;
        if (!join && !d.args.empty() && (is(unwrap(d.args[0]), "arrow_function") || is(unwrap(d.args[0]), "function_expression"))) {
          out->unchecked.push_back({d.at, "typeorm @Column", "embedded columns of " + prop + " take a prefix"});
          continue;
        }
        auto name = option(d.args, src, "name", &present);
        std::string column;
        uint32_t at = ts_node_start_byte(name_node), width = static_cast<uint32_t>(prop.size());
        if (name) {
          column = name->value, at = name->at, width = static_cast<uint32_t>(column.size());
        } else if (present) {
          out->unchecked.push_back({d.at, "typeorm @" + d.name, "the column name of " + prop + " is computed at run time"});
          continue;
        } else if (join) {
          continue;  // the naming strategy joins the relation and the referenced column
        } else if (naming == "snake" || (naming == "snake-plain" && plain_camel(prop))) {
          column = snake_case(prop);
        } else if (has_upper(prop) && naming != "default") {
          out->unchecked.push_back({ts_node_start_byte(name_node), "typeorm @" + d.name,
                                    "column " + prop + " has no name of its own: the naming strategy decides it"});
          continue;
        } else {
          column = prop;
        }
        requirements::Requirement r = rel;
        r.object = requirements::Object::Column;
        r.column = column;
        r.span = {at, at + width};
        r.describe = "entity " + class_name + " property " + prop + (column == prop ? " is" : " maps to") + " column " +
                     shown + "." + column + (name || column == prop ? "" : " (by the naming strategy)") + "; every find of " +
                     class_name + " selects it";
        out->requirements.requirements.push_back(std::move(r));
      }
    });
  });
}

}  // namespace

extern const DataLayer kTypeorm = {"typeorm", {"typescript", "javascript"}, nullptr, relevant_typeorm, extract_typeorm,
                                   index_typeorm};

}  // namespace schemagate::datalayers
