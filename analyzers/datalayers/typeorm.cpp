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
// (`@Column(() => Address)`), single-table-inheritance children (`@ChildEntity`) and views are
// not judged. A @ManyToOne (or @OneToOne with @JoinColumn) without a named join column joins by
// the column the naming strategy names from the relation and the related entity's one primary
// column ("requestedBy" + "id" -> requestedById by default); with several, it is not judged.
//
// A @ManyToMany with @JoinTable needs its junction table and that table's two columns: as
// @JoinTable spells them, else as DefaultNamingStrategy names them (`<table>_<property>_<related
// table>`, `<table>Id` ...) or SnakeNamingStrategy (`<table>_id`) when the project uses it. A
// project strategy class that overrides a join naming method names them its own way: not judged.
//
// The index also tells other files what each class is (typeorm_naming.h): its table when it is
// an entity, its column properties, relations and base class, which the query builder layer
// (typeorm_query_builder.cpp) reads where a chain names the class.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/source/discovery.h"
#include "analyzers/datalayers/js_tree.h"
#include "analyzers/datalayers/typeorm_naming.h"

namespace schemagate::datalayers {
namespace {

using namespace js;
using namespace typeorm;

bool relevant_typeorm(std::string_view text) {
  return text.find("typeorm") != std::string_view::npos || text.find("TypeOrmModule") != std::string_view::npos ||
         text.find("NamingStrategy") != std::string_view::npos;
}

/// A naming strategy class of the project: "snake-plain" when columnName gives customName or
/// snakeCase(propertyName) and tableName (when overridden) customName or snakeCase of the
/// class name, "default" when it overrides neither; "?" otherwise, and when it names join
/// columns or junction tables its own way.
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
    // Join columns and junction tables named its own way: neither default's nor snake's.
    if (name == "joinColumnName" || name == "joinTableName" || name == "joinTableColumnName" ||
        name == "joinTableInverseColumnName" || name == "joinTableColumnDuplicationPrefix")
      return "?";
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

/// The table an `@Entity` class is: its name and schema as the decorator spells them (schema
/// "" when it names none), where the name is written, or why it cannot be told.
struct EntityTable {
  std::string schema, table;
  uint32_t at = 0, width = 0;
  std::string unknown;  ///< not empty: the name is computed at run time, and this says which
};

EntityTable entity_table(TSNode cls, const Decorator& entity, std::string_view src) {
  EntityTable t;
  std::string class_name(text(field(cls, "name"), src));
  t.table = snake_case(class_name);
  t.at = ts_node_start_byte(field(cls, "name"));
  t.width = static_cast<uint32_t>(class_name.size());
  if (entity.args.empty()) return t;
  bool present = false;
  if (auto lit = literal(entity.args[0], src)) {
    t.table = lit->value, t.at = lit->at, t.width = static_cast<uint32_t>(lit->value.size());
  } else if (!is(unwrap(entity.args[0]), "object")) {
    t.unknown = "the table name is computed at run time";
    return t;
  }
  auto name = option(entity.args, src, "name", &present);
  if (present && !name) {
    t.unknown = "the table name is computed at run time";
    return t;
  }
  if (name) t.table = name->value, t.at = name->at, t.width = static_cast<uint32_t>(name->value.size());
  auto schema = option(entity.args, src, "schema", &present);
  if (present && !schema) t.unknown = "the schema name is computed at run time";
  if (schema) t.schema = schema->value;
  return t;
}

const std::set<std::string_view> kColumns = {"Column",           "PrimaryColumn",    "PrimaryGeneratedColumn",
                                             "CreateDateColumn", "UpdateDateColumn", "DeleteDateColumn",
                                             "VersionColumn"};
const std::set<std::string_view> kRelations = {"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"};

/// What other files need of a class: its table when it is an entity, each column property's
/// own name ("=" when the naming strategy names it, "?" when it cannot be told), each relation's
/// class, and the class it extends.
void index_entity_class(TSNode cls, std::string_view src, std::vector<std::pair<std::string, std::string>>* out) {
  std::string name(text(field(cls, "name"), src));
  if (name.empty()) return;
  bool declares = false;
  for (auto& d : class_decorators(cls, src))
    if (d.name == "Entity") {
      EntityTable t = entity_table(cls, d, src);
      out->emplace_back(std::string(kEntityKey) + name, t.unknown.empty() ? t.schema + "\t" + t.table : "?");
      declares = true;
    }
  std::vector<std::pair<std::string, std::string>> members;
  decorated_members(field(cls, "body"), src, [&](TSNode m, const std::vector<Decorator>& mdecs) {
    if (!is(m, "public_field_definition") || !is(field(m, "name"), "property_identifier")) return;
    std::string prop(text(field(m, "name"), src));
    for (auto& d : mdecs) {
      if (kColumns.count(d.name)) {
        bool present = false;
        auto lit = option(d.args, src, "name", &present);
        bool embedded = !d.args.empty() && (is(unwrap(d.args[0]), "arrow_function") || is(unwrap(d.args[0]), "function_expression"));
        members.emplace_back(std::string(kColumnKey) + name + "." + prop, embedded || (present && !lit) ? "?" : lit ? lit->value : "=");
        bool primary_option = false;
        for (TSNode a : d.args)
          if (is(unwrap(a), "object") && text(unwrap(a), src).find("primary") != std::string_view::npos) primary_option = true;
        if (d.name == "PrimaryColumn" || d.name == "PrimaryGeneratedColumn" || primary_option)
          members.emplace_back(std::string(kPrimaryKey) + name, primary_option && d.name == "Column" ? "?" : prop);
      } else if (kRelations.count(d.name)) {
        std::string target = "?";
        if (!d.args.empty() && is(unwrap(d.args[0]), "arrow_function")) {
          TSNode body = unwrap(field(unwrap(d.args[0]), "body"));
          if (is(body, "identifier")) target = std::string(text(body, src));
        }
        members.emplace_back(std::string(kRelationKey) + name + "." + prop, target);
        // `(photo) => photo.user`: the inverse side's property.
        if ((d.name == "OneToMany" || d.name == "OneToOne") && d.args.size() >= 2 && is(unwrap(d.args[1]), "arrow_function")) {
          TSNode fn = unwrap(d.args[1]);
          TSNode param = field(fn, "parameter");
          if (ts_node_is_null(param)) {
            TSNode ps = field(fn, "parameters");
            TSNode first = ts_node_named_child_count(ps) == 1 ? ts_node_named_child(ps, 0) : TSNode{};
            param = is(first, "required_parameter") ? field(first, "pattern") : first;
          }
          TSNode body = unwrap(field(fn, "body"));
          if (is(param, "identifier") && is(body, "member_expression") && is(field(body, "object"), "identifier") &&
              text(field(body, "object"), src) == text(param, src))
            members.emplace_back(std::string(kInverseKey) + name + "." + prop, std::string(text(field(body, "property"), src)));
        }
        // The owner side's join column: named, or named by the naming strategy.
        const Decorator* join = nullptr;
        int joins = 0;
        for (auto& j : mdecs)
          if (j.name == "JoinColumn" || j.name == "JoinColumns") join = &j, ++joins;
        if (d.name == "ManyToOne" || (d.name == "OneToOne" && join)) {
          std::string v = "=";
          if (joins > 1 || (join && join->name != "JoinColumn") ||
              (join && !join->args.empty() && !is(unwrap(join->args[0]), "object"))) {
            v = "?";
          } else if (join) {
            bool present = false, ref_present = false;
            auto lit = option(join->args, src, "name", &present);
            auto ref = option(join->args, src, "referencedColumnName", &ref_present);
            if (lit) v = lit->value;
            else if (present || (ref_present && !ref)) v = "?";
            else if (ref) v = "=" + ref->value;
          }
          members.emplace_back(std::string(kJoinColumnKey) + name + "." + prop, v);
        }
      }
    }
  });
  if (!declares && members.empty()) return;
  std::string base = class_extends(cls, src);
  out->emplace_back(std::string(kExtendsKey) + name, base);
  for (auto& m : members) out->push_back(std::move(m));
}

/// + a class name: some file of the project (tests aside) imports the class and names it
/// elsewhere than in a list (an array's or an object's element, an import or export): a use
/// (`getRepository(ChatFlow)`, `@ManyToOne(() => Tag)`, `Repository<User>`).
constexpr const char* kUsedKey = "typeorm:used:";
/// Present when the index read the project's files for kUsedKey.
constexpr const char* kUsesReadKey = "typeorm:uses-read";

bool word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

/// The names a file imports (`import { A, B as C } from`, `import D from`, `const { E } =
/// require(...)`), each as its local name -> the name it imports; and every class the file
/// uses of them outside lists, into *out as kUsedKey facts.
void record_uses(std::string_view text, std::vector<std::pair<std::string, std::string>>* out) {
  std::map<std::string, std::string, std::less<>> imported;  // local name -> imported name
  std::vector<std::pair<size_t, size_t>> skip;               // import/export statements
  // An import or export statement that starts at `at`: its end (the end of the line that closes
  // its braces, or of its own line).
  auto statement_end = [&](size_t at) {
    size_t nl = text.find('\n', at);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t open = text.find('{', at);
    if (open != std::string_view::npos && open < end && text.find('}', open) > end) {
      size_t close = text.find('}', open);
      if (close == std::string_view::npos) return text.size();
      size_t after = text.find('\n', close);
      end = after == std::string_view::npos ? text.size() : after;
    }
    return end;
  };
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    size_t b = text.find_first_not_of(" \t", at);
    if (b != std::string_view::npos && b < line_end &&
        (text.compare(b, 7, "import ") == 0 || text.compare(b, 7, "export ") == 0 || text.compare(b, 7, "import{") == 0 ||
         text.compare(b, 7, "export{") == 0)) {
      bool import = text[b] == 'i';
      size_t end = statement_end(b);
      std::string_view st = text.substr(b, end - b);
      if (import || st.find("from ") != std::string_view::npos) {
        skip.push_back({b, end});
        if (import) {
          // The names: `{ A, B as C }` and a default before it.
          size_t open = st.find('{'), close = st.find('}');
          std::string_view names = open != std::string_view::npos && close != std::string_view::npos && close > open
                                       ? st.substr(open + 1, close - open - 1)
                                       : std::string_view();
          for (size_t p = 0; p <= names.size();) {
            size_t comma = names.find(',', p);
            std::string_view item = names.substr(p, comma == std::string_view::npos ? std::string_view::npos : comma - p);
            size_t as = item.find(" as ");
            auto trim = [](std::string_view v) {
              while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
              while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
              if (v.starts_with("type ")) v.remove_prefix(5);
              return v;
            };
            std::string_view original = trim(as == std::string_view::npos ? item : item.substr(0, as));
            std::string_view local = trim(as == std::string_view::npos ? item : item.substr(as + 4));
            if (!local.empty() && std::isupper(static_cast<unsigned char>(local[0])))
              imported[std::string(local)] = std::string(original);
            if (comma == std::string_view::npos) break;
            p = comma + 1;
          }
          size_t d = 7;
          while (d < st.size() && st[d] == ' ') ++d;
          size_t e = d;
          while (e < st.size() && word_byte(st[e])) ++e;
          std::string_view def = st.substr(d, e - d);
          if (!def.empty() && std::isupper(static_cast<unsigned char>(def[0]))) imported[std::string(def)] = std::string(def);
        }
        at = end;
        continue;
      }
    }
    at = line_end + 1;
  }
  auto in_skip = [&](size_t at) {
    for (auto& [b, e] : skip)
      if (at >= b && at < e) return true;
    return false;
  };
  std::set<std::string> used;
  for (auto& [local, original] : imported) {
    for (size_t at = text.find(local); at != std::string_view::npos && !used.count(original); at = text.find(local, at + 1)) {
      size_t end = at + local.size();
      if ((at > 0 && word_byte(text[at - 1])) || (end < text.size() && word_byte(text[end]))) continue;
      if (in_skip(at)) continue;
      // A list's element: `[A, B]`, `{ A, B }`, one per line: no use.
      size_t p = at;
      while (p > 0 && std::isspace(static_cast<unsigned char>(text[p - 1]))) --p;
      size_t q = end;
      while (q < text.size() && std::isspace(static_cast<unsigned char>(text[q]))) ++q;
      char before = p > 0 ? text[p - 1] : '\n', after = q < text.size() ? text[q] : '\n';
      bool listed = (before == '[' || before == '{' || before == ',' || p == 0) &&
                    (after == ',' || after == ']' || after == '}' || q >= text.size());
      if (!listed) used.insert(original);
    }
  }
  for (const std::string& u : used) out->emplace_back(std::string(kUsedKey) + u, "");
}

/// Reads the project's TypeORM configurations and naming strategy classes.
void index_typeorm(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view src = in.text;
  if (!source::is_test_file(in.path)) {
    record_uses(src, out);
    out->emplace_back(kUsesReadKey, "");
  }
  if (ts_node_is_null(in.root)) return;
  walk(in.root, [&](TSNode n) {
    if (is(n, "class_declaration") || is(n, "abstract_class_declaration")) index_entity_class(n, src, out);
    if (is(n, "new_expression") && text(field(n, "constructor"), src) == "EntitySchema") out->emplace_back(kEntitySchemaKey, "1");
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

/// TypeORM's camelCase (DefaultNamingStrategy's join table columns): a letter after `_`, `-` or
/// a space is upper-cased and the separator dropped; a leading capital is lower-cased.
std::string camel_case(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == '_' || s[i] == '-' || s[i] == ' ') && i + 1 < s.size() &&
        (std::isalnum(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '_')) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[++i])));
    } else if (i == 0 && s[i] >= 'A' && s[i] <= 'Z') {
      out += static_cast<char>(s[i] - 'A' + 'a');
    } else {
      out += s[i];
    }
  }
  return out;
}

/// `@ManyToMany(() => Tag) @JoinTable(...) tags`: the junction table TypeORM reads and writes when
/// the relation is loaded or saved, and its two columns. Names spelled in `@JoinTable({ name,
/// joinColumn: { name }, inverseJoinColumn: { name } })` are certain; unspelled ones are
/// DefaultNamingStrategy's (`<table>_<property>_<related table>`, camelCase of `<table>_<primary
/// column>`) or SnakeNamingStrategy's (the same table, snake_case columns: `post_id`) when the
/// project uses one of them, the related entity and both primary columns are known and the
/// relation is not to its own table; otherwise they are not judged.
void join_table(const FileInput& in, FileOutput* out, const Entities& entities, const std::string& naming,
                const requirements::Requirement& entity_rel, const std::string& class_name, const std::string& prop,
                TSNode name_node, const Decorator& d, const std::vector<Decorator>& mdecs) {
  std::string_view src = in.text;
  bool many = false;
  for (auto& o : mdecs) many = many || o.name == "ManyToMany";
  if (!many) return;
  TSNode opts = d.args.empty() ? TSNode{} : unwrap(d.args[0]);
  std::vector<Key> keys;
  if (!ts_node_is_null(opts) && (!is(opts, "object") || !object_keys(opts, src, &keys))) {
    out->unchecked.push_back({d.at, "typeorm @JoinTable", "the options of the junction table of " + prop + " are computed at run time"});
    return;
  }
  std::optional<Literal> name, schema, join_name, inverse_name;
  for (const Key& k : keys) {
    if (k.name == "name" || k.name == "schema") {
      auto lit = literal(k.value, src);
      if (!lit) {
        out->unchecked.push_back({d.at, "typeorm @JoinTable", "the junction table name of " + prop + " is computed at run time"});
        return;
      }
      (k.name == "name" ? name : schema) = lit;
    } else if (k.name == "joinColumn" || k.name == "inverseJoinColumn") {
      std::vector<Key> cols;
      TSNode v = unwrap(k.value);
      if (!is(v, "object") || !object_keys(v, src, &cols)) continue;  // not judged
      for (const Key& c : cols)
        if (c.name == "name") (k.name == "joinColumn" ? join_name : inverse_name) = literal(c.value, src);
    } else if (k.name == "joinColumns" || k.name == "inverseJoinColumns") {
      return;  // composite keys: not judged
    }
  }
  // What DefaultNamingStrategy needs: the related entity's table and both primary columns.
  std::string related;
  std::optional<Entities::Table> other;
  if (entities.member(class_name, prop, &related) == Entities::Kind::Relation && related != "?") other = entities.table(related);
  auto primary_column = [&](const std::string& cls) -> std::string {
    auto pk = entities.primary(cls);
    std::string column;
    if (!pk || entities.member(cls, *pk, &column) != Entities::Kind::Column) return "";
    return column;
  };
  // DefaultNamingStrategy and typeorm-naming-strategies' SnakeNamingStrategy name the table alike
  // and its columns by camelCase / snake_case of `<table>_<primary column>` (joinTableColumnName).
  bool by_default = (naming == "default" || naming == "snake") && other && other->name != entity_rel.relation;
  std::string table;
  uint32_t at = ts_node_start_byte(name_node), width = static_cast<uint32_t>(prop.size());
  if (name) table = name->value, at = name->at, width = static_cast<uint32_t>(table.size());
  else if (by_default) table = snake_case(entity_rel.relation + "_" + prop + "_" + other->name);
  else return;
  requirements::Requirement r = entity_rel;
  r.schema = schema ? schema->value : entity_rel.schema;
  r.relation = table;
  r.span = {at, at + width};
  std::string shown = r.schema == in.default_schema ? table : r.schema + "." + table;
  r.describe = "entity " + class_name + " relation " + prop + " is stored in junction table " + shown +
               (name ? "" : " (by the naming strategy)") + "; loading or saving " + prop + " reads and writes it";
  out->requirements.requirements.push_back(r);
  auto column = [&](const std::optional<Literal>& spelled, const std::string& owner_table, const std::string& owner_class,
                    const char* side) {
    std::string c;
    uint32_t cat = at, cwidth = width;
    if (spelled) {
      c = spelled->value, cat = spelled->at, cwidth = static_cast<uint32_t>(c.size());
    } else if (by_default) {
      std::string pk = primary_column(owner_class);
      if (pk.empty()) return;
      c = naming == "snake" ? snake_case(owner_table + "_" + pk) : camel_case(owner_table + "_" + pk);
    } else {
      return;
    }
    requirements::Requirement col = r;
    col.object = requirements::Object::Column;
    col.column = c;
    col.span = {cat, cat + cwidth};
    col.describe = "entity " + class_name + " relation " + prop + " keeps its " + side + " in column " + shown + "." + c +
                   (spelled ? "" : " (by the naming strategy)") + "; loading or saving " + prop + " reads and writes it";
    out->requirements.requirements.push_back(std::move(col));
  };
  column(join_name, entity_rel.relation, class_name, "owner's key");
  if (other) column(inverse_name, other->name, related, "related key");
  else if (inverse_name) column(inverse_name, "", "", "related key");
}

/// Whether the entity's own file uses it outside its declaration (a repository in the same file,
/// another entity's relation to it).
bool exported_and_used_here(TSNode cls, const std::string& name, std::string_view src) {
  uint32_t b = ts_node_start_byte(cls), e = ts_node_end_byte(cls);
  for (size_t at = src.find(name); at != std::string_view::npos; at = src.find(name, at + 1)) {
    size_t end = at + name.size();
    if ((at > 0 && word_byte(src[at - 1])) || (end < src.size() && word_byte(src[end]))) continue;
    if (at >= b && at < e) {  // inside the class: a relation to itself uses the table anyway
      continue;
    }
    size_t line = src.rfind('\n', at);
    std::string_view head = src.substr(line == std::string_view::npos ? 0 : line + 1);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\t')) head.remove_prefix(1);
    if (head.starts_with("export ") || head.starts_with("import ")) continue;
    return true;
  }
  return false;
}

/// Every script of the project may use an entity (record_uses reads its text); the relevant
/// ones are parsed for configurations and entity classes as before.
bool index_reads_typeorm(std::string_view, std::string_view) { return true; }

void extract_typeorm(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  const std::string naming = project_naming(in.facts);
  const Entities entities(in.facts, in.default_schema);
  walk(in.root, [&](TSNode cls) {
    if (!is(cls, "class_declaration") && !is(cls, "abstract_class_declaration")) return;
    std::vector<Decorator> decs = class_decorators(cls, src);
    const Decorator* entity = nullptr;
    for (auto& d : decs)
      if (d.name == "Entity") entity = &d;
    if (!entity) return;
    std::string class_name(text(field(cls, "name"), src));
    EntityTable t = entity_table(cls, *entity, src);
    if (!t.unknown.empty()) {
      out->unchecked.push_back({entity->at, "typeorm @Entity", t.unknown});
      return;
    }
    // An entity no code uses (only listed, as in a DataSource's `entities`): TypeORM asks for its
    // table only when code reads or writes it.
    if (in.facts && in.facts->count(kUsesReadKey) && !in.facts->count(std::string(kUsedKey) + class_name) &&
        !exported_and_used_here(cls, class_name, src)) {
      out->unchecked.push_back({entity->at, "typeorm @Entity",
                                "entity " + class_name + " is used by no code of the project (tests aside): it is only "
                                "listed (a DataSource's entities); TypeORM asks for its table when code reads or writes it"});
      return;
    }
    std::string table = t.table, schema_name = t.schema.empty() ? in.default_schema : t.schema;
    uint32_t table_at = t.at, table_width = t.width;
    bool present = false;
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
        if (d.name == "ManyToOne" || d.name == "OneToOne") {
          // A join column the naming strategy names (a spelled name is @JoinColumn's, below).
          auto v = entities.inherited(kJoinColumnKey, class_name, prop);
          auto column = v && !v->empty() && (*v)[0] == '=' ? entities.join_column(class_name, prop) : std::nullopt;
          if (!column) continue;
          requirements::Requirement r = rel;
          r.object = requirements::Object::Column;
          r.column = *column;
          r.span = {ts_node_start_byte(name_node), ts_node_end_byte(name_node)};
          r.describe = "entity " + class_name + " relation " + prop + " joins by column " + shown + "." + *column +
                       " (by the naming strategy); every find of " + class_name + " selects it";
          out->requirements.requirements.push_back(std::move(r));
          continue;
        }
        if (d.name == "JoinTable") {
          join_table(in, out, entities, naming, rel, class_name, prop, name_node, d, mdecs);
          continue;
        }
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
        } else if (column = unnamed_column(prop, naming); column.empty()) {
          out->unchecked.push_back({ts_node_start_byte(name_node), "typeorm @" + d.name,
                                    "column " + prop + " has no name of its own: the naming strategy decides it"});
          continue;
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

extern const DataLayer kTypeorm{.name = "typeorm",
                                .languages = {"typescript", "javascript"},
                                .relevant = relevant_typeorm,
                                .extract = extract_typeorm,
                                .index = index_typeorm,
                                .index_reads = index_reads_typeorm,
                                .index_text_only = true,
                                .index_parses = relevant_typeorm,
                                .index_wanted = relevant_typeorm,
                                .relevant_words = {"typeorm", "TypeOrmModule", "NamingStrategy"},
                                .wanted_words = {"typeorm", "TypeOrmModule", "NamingStrategy"}};

}  // namespace schemagate::datalayers
