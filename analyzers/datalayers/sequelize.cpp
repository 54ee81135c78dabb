// Sequelize models: `sequelize.define('Name', { attributes }, { options })` and
// `class X extends Model {}; X.init({ attributes }, { sequelize, ... })`. A model's find*()
// selects every attribute and its create() / save() RETURNING lists them, so each attribute's
// column is a requirement at its declaration, as is the table.
//
// Names, as Sequelize v6 gives them:
//   table   `tableName`; else the model name when `freezeTableName`; else the model name
//           pluralised by Sequelize's inflection. The regular English rules are followed (+s,
//           +es after s/x/ch/sh, y -> ies after a consonant, a name already ending in s kept);
//           a name whose plural those rules may get wrong (Status, Person, Index, Leaf, ...)
//           makes the model unchecked: set tableName.
//   column  the attribute's `field`; else its key, underscored when `underscored: true`
//           (every capital letter becomes _ + lower case: modelVersion -> model_version).
//   extra   `id` unless an attribute is the primary key; createdAt / updatedAt unless
//           `timestamps: false` (or renamed / disabled one by one), deletedAt when `paranoid`.
// VIRTUAL attributes have no column. Attributes or options computed at run time (a spread, a
// variable) make the model unchecked.
//
// sequelize-typescript: a class decorated `@Table` / `@Table({ tableName, underscored, ... })`
// is a model named after the class; its attributes are the properties decorated `@Column`
// (`@Column({ field })`), `@ForeignKey` (the association's key) and `@CreatedAt` / `@UpdatedAt` /
// `@DeletedAt` (which rename that timestamp). Association properties (`@BelongsTo`,
// `@HasMany`, ...) are no columns.
//
// Writes through a model with a tableName (sequelize-typescript, `X.init`, `const X =
// sequelize.define(...)`), in any file that imports or requires it: the keys of
// `Model.create({...})`, `Model.update({...}, ...)` and `Model.bulkCreate([{...}])` that are
// attributes of the model are columns the statement writes, at the key (the index records each
// model whose table and columns no project-wide option changes); so are the properties an
// instance bound once (`const doc = await Model.findByPk(..)`) is given before `doc.save()`, and
// the keys of `doc.update({...})`.
//
// The options a project gives every model, `new Sequelize(..., { define: { underscored: true } })`,
// are each model's defaults: read from every file before extraction. Instances that disagree, or
// a `define` computed at run time, leave the options they may set unknown, and a model that does
// not set such an option itself unchecked. Options spread from a parameter of a named function
// (outline's `createDatabaseInstance(databaseConfig, ...)`) are what its callers pass: the index
// records each call's arguments, and no define comes in when every call passes a connection
// string or an object without one.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

bool relevant_sequelize(std::string_view text) { return text.find("sequelize") != std::string_view::npos; }

/// + a model class: "schema|table|attr=column,..." of a sequelize-typescript model whose table and
/// columns no project-wide option changes; "?" for any other.
constexpr std::string_view kModelKey = "sequelize:model:";
/// + a class of a sequelize-typescript file without @Table, which models may extend: base_record.
constexpr std::string_view kBaseKey = "sequelize:base:";

/// Whether a file writes through a model the index recorded (`Document.update({...})`): it is
/// read for those writes even when it never names sequelize.
bool relevant_sequelize_in(std::string_view text, const ProjectFacts* facts) {
  if (relevant_sequelize(text)) return true;
  if (!facts) return false;
  for (auto it = facts->lower_bound(kModelKey); it != facts->end() && it->first.rfind(kModelKey, 0) == 0; ++it) {
    std::string cls = it->first.substr(kModelKey.size());
    for (const char* m : {".create(", ".update(", ".bulkCreate(", ".findByPk(", ".findOne(", ".build("})
      if (text.find(cls + m) != std::string_view::npos) return true;
  }
  return false;
}

/// inflection.underscore: each capital letter becomes "_" + its lower case; no leading "_".
std::string underscore(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out[0] == '_') out.erase(0, 1);
  return out;
}

/// The plural Sequelize's inflection gives `name`, or "" when the regular rules may be wrong.
std::string pluralize(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string> uncountable = {"equipment", "information", "rice", "money", "species", "series",
                                                    "fish",      "sheep",       "moose", "deer", "news", "data", "metadata"};
  for (const std::string& u : uncountable)
    if (lower.ends_with(u)) return "";
  for (const char* risky : {"us", "is", "as", "ix", "ex", "f", "fe", "um", "on", "o", "man", "person", "child", "ouse",
                            "ox", "z", "ies", "ves", "ia", "ae", "ice", "eau", "zzes", "ses", "xes"})
    if (lower.ends_with(risky)) return "";
  auto consonant = [](char c) { return std::string_view("aeiou").find(c) == std::string_view::npos; };
  if (lower.ends_with("ss") || lower.ends_with("x") || lower.ends_with("ch") || lower.ends_with("sh")) return name + "es";
  if (lower.ends_with("s")) return name;
  if (lower.size() > 1 && lower.back() == 'y' && consonant(lower[lower.size() - 2]))
    return name.substr(0, name.size() - 1) + "ies";
  return name + "s";
}

struct Options {
  std::optional<Literal> table_name;
  std::string schema;
  bool freeze = false, underscored = false, timestamps = true, paranoid = false, computed = false;
  std::string created = "createdAt", updated = "updatedAt", deleted = "deletedAt";
  /// Options the project's `define` may set that cannot be told: the model must set them itself.
  std::set<std::string> unknown;
};

constexpr std::string_view kDefineKey = "sequelize:define";
const char* const kDefineOptions[] = {"underscored", "timestamps", "freezeTableName", "paranoid"};

/// The value of the one declaration of `name` in this file (`const options = { ... }`); a null
/// node when there is none or more than one.
TSNode sole_declaration(TSNode root, std::string_view name, std::string_view src) {
  TSNode value{};
  int seen = 0;
  walk(root, [&](TSNode n) {
    if (!is(n, "variable_declarator") || text(field(n, "name"), src) != name) return;
    ++seen;
    value = field(n, "value");
  });
  return seen == 1 ? value : TSNode{};
}

/// The object literal `name` is declared with in this file, or a null node.
TSNode declared_object(TSNode root, std::string_view name, std::string_view src) {
  TSNode value = unwrap(sole_declaration(root, name, src));
  return !ts_node_is_null(value) && is(value, "object") ? value : TSNode{};
}

/// Whether `n` is a connection string, not options: a string, `process.env.X`, a `||`/`??` of
/// those, or a name this file declares as one.
bool connection_string(TSNode n, TSNode root, std::string_view src, int depth = 0) {
  n = unwrap(n);
  if (is(n, "string") || is(n, "template_string")) return true;
  if (is(n, "member_expression")) return text(field(n, "object"), src) == "process.env";
  if (is(n, "binary_expression")) {
    std::string_view op = text(field(n, "operator"), src);
    return (op == "||" || op == "??") && connection_string(field(n, "left"), root, src, depth) &&
           connection_string(field(n, "right"), root, src, depth);
  }
  if (!is(n, "identifier") || depth > 3) return false;
  TSNode value = sole_declaration(root, text(n, src), src);
  return !ts_node_is_null(value) && connection_string(value, root, src, depth + 1);
}

/// + a function's name: one value per call the project makes of it, where the indexed file
/// imports or declares it: each argument, comma separated, "s" (a connection string), "o" (an
/// object literal with no define and no spread) or "?".
constexpr std::string_view kCallKey = "sequelize:call:";

/// When `ident` is a parameter of the named function it stands in (`function f(a, config)`,
/// `const f = (a, config) => ...`): "f:1". "" otherwise.
std::string parameter_of(TSNode ident, std::string_view src) {
  std::string_view name = text(ident, src);
  for (TSNode fn = ts_node_parent(ident); !ts_node_is_null(fn); fn = ts_node_parent(fn)) {
    if (!is(fn, "function_declaration") && !is(fn, "arrow_function") && !is(fn, "function_expression")) continue;
    TSNode params = field(fn, "parameters");
    int index = -1;
    for (uint32_t i = 0, k = 0; i < ts_node_named_child_count(params); ++i) {
      TSNode p = ts_node_named_child(params, i);
      if (is(p, "comment")) continue;
      TSNode pat = is(p, "required_parameter") || is(p, "optional_parameter") ? field(p, "pattern") : p;
      if (is(pat, "identifier") && text(pat, src) == name) index = static_cast<int>(k);
      ++k;
    }
    if (index < 0) continue;  // a name of an outer scope
    std::string_view fname;
    if (is(fn, "function_declaration")) fname = text(field(fn, "name"), src);
    else if (is(ts_node_parent(fn), "variable_declarator")) fname = text(field(ts_node_parent(fn), "name"), src);
    return fname.empty() ? "" : std::string(fname) + ":" + std::to_string(index);
  }
  return "";
}

/// Whether `n` is an environment variable read through the project's own settings object
/// (`env.DATABASE_URL`, `config.DB_URL ?? ""`): a string, which spreads no options.
bool env_string(TSNode n, TSNode root, std::string_view src, int depth = 0) {
  n = unwrap(n);
  if (is(n, "string") || is(n, "template_string")) return true;
  if (is(n, "binary_expression")) {
    std::string_view op = text(field(n, "operator"), src);
    return (op == "||" || op == "??") && env_string(field(n, "left"), root, src, depth) && env_string(field(n, "right"), root, src, depth);
  }
  if (is(n, "member_expression")) {
    std::string_view obj = text(field(n, "object"), src), prop = text(field(n, "property"), src);
    bool caps = !prop.empty();
    for (char c : prop) caps = caps && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    return caps && (obj == "env" || obj == "process.env");
  }
  if (is(n, "identifier") && depth < 3) {
    TSNode value = sole_declaration(root, text(n, src), src);
    return !ts_node_is_null(value) && env_string(value, root, src, depth + 1);
  }
  return false;
}

TSNode define_of(TSNode obj, TSNode root, std::string_view src, bool* told, int depth, std::vector<std::string>* via);

/// Whether a value spread into Sequelize's options certainly brings no define: a connection
/// string, an object with none, a name declared as one, `a || b` of such, or a call of a function
/// of this file whose every return is such.
bool brings_no_define(TSNode v, TSNode root, std::string_view src, int depth = 0) {
  v = unwrap(v);
  if (depth > 4) return false;
  if (connection_string(v, root, src) || env_string(v, root, src)) return true;
  if (is(v, "object")) {
    bool told = true;
    return ts_node_is_null(define_of(v, root, src, &told, 0, nullptr)) && told;
  }
  if (is(v, "binary_expression")) {
    std::string_view op = text(field(v, "operator"), src);
    return (op == "||" || op == "??") && brings_no_define(field(v, "left"), root, src, depth + 1) &&
           brings_no_define(field(v, "right"), root, src, depth + 1);
  }
  if (is(v, "identifier")) {
    TSNode value = sole_declaration(root, text(v, src), src);
    return !ts_node_is_null(value) && brings_no_define(value, root, src, depth + 1);
  }
  if (is(v, "call_expression") && is(field(v, "function"), "identifier") && arguments(v).empty()) {
    std::string_view name = text(field(v, "function"), src);
    TSNode fn{};
    int found = 0;
    walk(root, [&](TSNode n) {
      if (is(n, "function_declaration") && text(field(n, "name"), src) == name) fn = n, ++found;
    });
    if (found != 1) return false;
    bool all = true;
    int returns = 0;
    walk(field(fn, "body"), [&](TSNode n) {
      if (!is(n, "return_statement")) return;
      ++returns;
      TSNode r = ts_node_named_child_count(n) > 0 ? ts_node_named_child(n, 0) : TSNode{};
      all = all && !ts_node_is_null(r) && brings_no_define(r, root, src, depth + 1);
    });
    return all && returns > 0;
  }
  return false;
}

/// The `define` key of a Sequelize options object, following spreads of objects this file
/// declares (`{ ...databaseConfig, ...commonOptions }`): the last one given wins, as in the
/// object. Null with *told true when no define is given; *told false when a spread or a computed
/// key may bring one. A spread of a parameter of a named function (`createInstance(config)`)
/// whose define nothing after it overrides is listed in *via ("f:0"): what the function's callers
/// pass decides it (project_defaults).
TSNode define_of(TSNode obj, TSNode root, std::string_view src, bool* told, int depth, std::vector<std::string>* via) {
  TSNode define{};
  *told = true;
  for (uint32_t i = 0; i < ts_node_named_child_count(obj); ++i) {
    TSNode p = ts_node_named_child(obj, i);
    if (is(p, "comment") || is(p, "method_definition") || is(p, "shorthand_property_identifier")) {
      if (is(p, "shorthand_property_identifier") && text(p, src) == "define") *told = false;
      continue;
    }
    if (is(p, "pair")) {
      TSNode k = field(p, "key");
      std::string key = is(k, "property_identifier") ? std::string(text(k, src))
                        : literal(k, src)           ? literal(k, src)->value
                                                    : "?";
      if (key == "define") define = field(p, "value"), *told = true;
      else if (key == "?") define = {}, *told = false;
      if (key == "define" && via) via->clear();
      continue;
    }
    TSNode arg = is(p, "spread_element") ? unwrap(ts_node_named_child(p, 0)) : TSNode{};
    if (std::string param = is(arg, "identifier") && via ? parameter_of(arg, src) : ""; !param.empty()) {
      via->push_back(param);  // the callers' argument: its define, if any, wins so far
      continue;
    }
    TSNode spread = !ts_node_is_null(arg) && is(arg, "identifier") && depth < 4 ? declared_object(root, text(arg, src), src) : TSNode{};
    if (ts_node_is_null(spread)) {
      define = {}, *told = false;  // a spread of something this file does not declare
      continue;
    }
    bool inner_told = true;
    TSNode inner = define_of(spread, root, src, &inner_told, depth + 1, nullptr);
    if (!inner_told) define = {}, *told = false;
    else if (!ts_node_is_null(inner)) define = inner, *told = true;
  }
  return define;
}

/// One `new Sequelize(...)`'s define options, as "underscored=true;timestamps=?;...": each of
/// kDefineOptions is true, false, ? (computed) or absent (Sequelize's default). The options are
/// the last argument when it is an object, given in place or declared in this file; a last
/// argument that is neither (a variable from elsewhere) may set any of them.
/// A sequelize-typescript model's table and columns; *written (when given): what the index records
/// for writes through it (kModelKey's value), left empty when a project-wide option may change them.
void decorated_model(const FileInput& in, FileOutput* out, TSNode cls, const Decorator& table,
                     std::string* written = nullptr);

/// A base class's record for the index (see its definition).
std::string base_record(TSNode cls, std::string_view src);

/// `sequelize.define('Name', {...}, {...})` and `X.init({...}, { sequelize, ... })` models; with
/// `record`, each one's binding and what the index records for writes through it.
void plain_models(const FileInput& in, FileOutput* out,
                  const std::function<void(const std::string& binding, const std::string& written)>& record = nullptr);

void index_sequelize(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  std::string_view src = in.text;
  // sequelize-typescript models whose table and columns are the model's own: what writes name.
  if (src.find("sequelize-typescript") != std::string_view::npos)
    walk(in.root, [&](TSNode cls) {
      if (!is(cls, "class_declaration") && !is(cls, "abstract_class_declaration")) return;
      std::vector<Decorator> decorators = class_decorators(cls, src);
      if (std::none_of(decorators.begin(), decorators.end(), [](const Decorator& d) { return d.name == "Table"; }))
        out->emplace_back(std::string(kBaseKey) + std::string(text(field(cls, "name"), src)), base_record(cls, src));
      for (const Decorator& d : decorators) {
        if (d.name != "Table") continue;
        FileInput alone = in;
        alone.facts = nullptr;
        FileOutput scratch;
        std::string written;
        decorated_model(alone, &scratch, cls, d, &written);
        out->emplace_back(std::string(kModelKey) + std::string(text(field(cls, "name"), src)), written.empty() ? "?" : written);
      }
    });
  // define() / init() models whose table is their own.
  if (src.find(".define(") != std::string_view::npos || src.find(".init(") != std::string_view::npos) {
    FileInput alone = in;
    alone.facts = nullptr;
    FileOutput scratch;
    plain_models(alone, &scratch, [&](const std::string& binding, const std::string& written) {
      out->emplace_back(std::string(kModelKey) + binding, written.empty() ? "?" : written);
    });
  }
  walk(in.root, [&](TSNode n) {
    if (!is(n, "new_expression") || text(field(n, "constructor"), src) != "Sequelize") return;
    std::vector<TSNode> args = arguments(n);
    std::string value;
    auto unknown = [&] {
      for (const char* o : kDefineOptions) value += std::string(o) + "=?;";
    };
    TSNode options = args.empty() ? TSNode{} : unwrap(args.back());
    if (!ts_node_is_null(options) && !is(options, "object") && !connection_string(options, in.root, src)) {
      TSNode declared = is(options, "identifier") ? declared_object(in.root, text(options, src), src) : TSNode{};
      if (ts_node_is_null(declared)) unknown();  // options from elsewhere
      options = declared;
    }
    if (!ts_node_is_null(options) && is(options, "object")) {
      bool told = true;
      std::vector<std::string> via;
      TSNode define = define_of(options, in.root, src, &told, 0, &via);
      std::vector<Key> opts;
      if (!told) unknown();
      else if (!via.empty() && ts_node_is_null(define))
        for (auto& v : via) value += "via=" + v + ";";
      else if (!ts_node_is_null(define)) {
        bool listed = object_keys(define, src, &opts);
        for (const char* o : kDefineOptions) {
          std::string v = listed ? "" : "?";
          for (const Key& d : opts)
            if (d.name == o) {
              std::string_view t = text(unwrap(d.value), src);
              v = t == "true" || t == "false" ? std::string(t) : "?";
            }
          if (!v.empty()) value += std::string(o) + "=" + v + ";";
        }
      }
    }
    out->emplace_back(kDefineKey, value);
  });
  // The calls of functions this file imports or declares, for a parameter spread above (or in
  // another file) into Sequelize's options.
  std::set<std::string> callable;
  walk(in.root, [&](TSNode n) {
    if (is(n, "import_specifier")) callable.insert(std::string(text(ts_node_is_null(field(n, "alias")) ? field(n, "name") : field(n, "alias"), src)));
    if (is(n, "function_declaration")) callable.insert(std::string(text(field(n, "name"), src)));
    if (is(n, "variable_declarator") && (is(field(n, "value"), "arrow_function") || is(field(n, "value"), "function_expression")))
      callable.insert(std::string(text(field(n, "name"), src)));
  });
  walk(in.root, [&](TSNode n) {
    if (!is(n, "call_expression") || !is(field(n, "function"), "identifier")) return;
    std::string fn(text(field(n, "function"), src));
    if (!callable.count(fn)) return;
    std::string value;
    for (TSNode a : arguments(n)) value += std::string(value.empty() ? "" : ",") + (brings_no_define(a, in.root, src) ? "o" : "?");
    out->emplace_back(std::string(kCallKey) + fn, value);
  });
}

/// Whether every call the project makes of function `fn` passes, as argument `index`, nothing,
/// a connection string or an object with no define: a spread of it brings no define.
bool callers_pass_no_define(const ProjectFacts& facts, const std::string& fn, size_t index) {
  auto it = facts.find(std::string(kCallKey) + fn);
  if (it == facts.end() || it->second.empty()) return false;  // no call seen: nothing to go by
  for (const std::string& call : it->second) {
    size_t k = 0, at = 0;
    std::string kind;
    for (;; ++k) {
      size_t comma = call.find(',', at);
      if (k == index) kind = call.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
    if (k < index || call.empty()) continue;  // the argument is not given
    if (kind != "s" && kind != "o") return false;
  }
  return true;
}

/// The defaults every model of the project starts from: what all instances' define agree on.
Options project_defaults(const FileInput& in) {
  Options o;
  o.schema = in.default_schema;
  if (!in.facts) return o;
  auto it = in.facts->find(kDefineKey);
  if (it == in.facts->end()) return o;
  // An instance whose options spread a parameter: no define when no caller passes one.
  std::vector<std::string> instances;
  for (const std::string& inst : it->second) {
    if (inst.rfind("via=", 0) != 0) {
      instances.push_back(inst);
      continue;
    }
    bool none = true;
    for (size_t at = 0; at < inst.size();) {
      size_t end = inst.find(';', at);
      std::string v = inst.substr(at + 4, end - at - 4);  // "f:1"
      size_t colon = v.rfind(':');
      none = none && colon != std::string::npos && callers_pass_no_define(*in.facts, v.substr(0, colon), std::stoul(v.substr(colon + 1)));
      at = end == std::string::npos ? inst.size() : end + 1;
    }
    std::string unknown;
    for (const char* key : kDefineOptions) unknown += std::string(key) + "=?;";
    instances.push_back(none ? "" : unknown);
  }
  for (const char* key : kDefineOptions) {
    std::set<std::string> values;
    for (const std::string& inst : instances) {
      std::string tag = std::string(key) + "=";
      size_t at = inst.find(tag);
      values.insert(at == std::string::npos ? "" : inst.substr(at + tag.size(), inst.find(';', at) - at - tag.size()));
    }
    if (values.size() != 1 || *values.begin() == "?") {
      o.unknown.insert(key);
      continue;
    }
    if (values.begin()->empty()) continue;
    bool v = *values.begin() == "true";
    std::string_view k = key;
    if (k == "underscored") o.underscored = v;
    else if (k == "timestamps") o.timestamps = v;
    else if (k == "freezeTableName") o.freeze = v;
    else if (k == "paranoid") o.paranoid = v;
  }
  return o;
}

Options read_options(TSNode obj, std::string_view src, Options o) {
  if (ts_node_is_null(obj)) return o;
  std::vector<Key> keys;
  if (!object_keys(obj, src, &keys)) {
    o.computed = true;
    return o;
  }
  auto flag = [&](const Key& k, bool* out) {
    std::string_view t = text(unwrap(k.value), src);
    if (t == "true") *out = true;
    else if (t == "false") *out = false;
    else o.computed = true;
  };
  auto rename = [&](const Key& k, std::string* out) {
    if (text(unwrap(k.value), src) == "false") out->clear();
    else if (auto l = literal(k.value, src)) *out = l->value;
    else o.computed = true;
  };
  for (const Key& k : keys) {
    if (k.name == "tableName") {
      o.table_name = literal(k.value, src);
      if (!o.table_name) o.computed = true;
    } else if (k.name == "schema") {
      if (auto l = literal(k.value, src)) o.schema = l->value;
      else o.computed = true;
    } else if (k.name == "freezeTableName") flag(k, &o.freeze), o.unknown.erase(k.name);
    else if (k.name == "underscored") flag(k, &o.underscored), o.unknown.erase(k.name);
    else if (k.name == "timestamps") flag(k, &o.timestamps), o.unknown.erase(k.name);
    else if (k.name == "paranoid") flag(k, &o.paranoid), o.unknown.erase(k.name);
    else if (k.name == "createdAt") rename(k, &o.created);
    else if (k.name == "updatedAt") rename(k, &o.updated);
    else if (k.name == "deletedAt") rename(k, &o.deleted);
  }
  return o;
}

/// One attribute of a model: its key (and where), and the column when `field` names it.
struct Attribute {
  std::string name;
  uint32_t at = 0;
  std::optional<Literal> field;
  bool primary = false;
  std::string from;    ///< the base class that declares it, when inherited (then `at` is the model's name)
  uint32_t width = 0;  ///< the span's width when inherited: the model's name
};

/// A migration name as sequelize-cli's are written: add-model-version-to-llm-results.
std::string kebab(std::string s) {
  for (char& c : s)
    if (c == '_') c = '-';
  return s;
}

/// A model's table and columns as requirements. `name_at` spells the model's name.
void emit_model(const FileInput& in, FileOutput* out, const std::string& name, uint32_t name_at, const Options& o,
                const std::vector<Attribute>& attrs, uint32_t call_at, std::string* written = nullptr) {
  if (o.computed) {
    out->unchecked.push_back({call_at, "sequelize model", "options of model " + name + " are computed at run time"});
    return;
  }
  // An option the project's define may set that the model does not: whether it matters.
  bool affects = o.unknown.count("underscored") || o.unknown.count("timestamps") ||
                 (!o.table_name && o.unknown.count("freezeTableName")) || (o.timestamps && o.unknown.count("paranoid"));
  if (affects) {
    std::string which;
    for (auto& u : o.unknown) which += (which.empty() ? "" : ", ") + u;
    out->unchecked.push_back({call_at, "sequelize model",
                              "model " + name + " does not set define options (" + which +
                                  ") that the project's new Sequelize() may set: its instances disagree, or take "
                                  "their options from elsewhere; set them in the model"});
    return;
  }
  std::string table;
  uint32_t table_at = name_at, table_width = static_cast<uint32_t>(name.size());
  if (o.table_name) {
    table = o.table_name->value, table_at = o.table_name->at, table_width = static_cast<uint32_t>(table.size());
  } else if (o.freeze) {
    table = name;
  } else {
    table = pluralize(name);
    if (table.empty()) {
      out->unchecked.push_back({name_at, "sequelize model",
                                "the plural Sequelize's inflection gives model " + name + " is not modelled; set tableName"});
      return;
    }
  }
  std::string shown = o.schema == in.default_schema ? table : o.schema + "." + table;

  requirements::Unit unit;
  unit.file = std::string(in.path);
  unit.fingerprint_text = "sequelize model " + name;
  out->requirements.units.push_back(std::move(unit));
  requirements::Requirement rel;
  rel.object = requirements::Object::Relation;
  rel.schema = o.schema;
  rel.relation = table;
  rel.span = {table_at, table_at + table_width};
  rel.unit = out->requirements.units.size() - 1;
  rel.quoted = true;  // Sequelize quotes every name it sends
  rel.describe = "model " + name + " is table " + shown + "; every find of " + name + " reads it";
  rel.fix = "generate a migration with `npx sequelize-cli migration:generate --name create-" + kebab(table) +
            "` whose up calls queryInterface.createTable('" + table + "', ...), then run `npx sequelize-cli db:migrate` "
            "before deploying this code";
  out->requirements.requirements.push_back(rel);

  auto column = [&](const std::string& attr, const std::string& col, uint32_t at, uint32_t width, const std::string& from = "") {
    requirements::Requirement r = rel;
    r.object = requirements::Object::Column;
    r.column = col;
    r.span = {at, at + width};
    r.describe = "model " + name + " attribute " + attr + (from.empty() ? "" : " (declared in its base class " + from + ")") +
                 (col == attr ? " is" : " maps to") + " column " + shown + "." + col + "; every find of " + name + " selects it";
    r.fix = "generate a migration with `npx sequelize-cli migration:generate --name add-" + kebab(col) + "-to-" + kebab(table) +
            "` whose up calls queryInterface.addColumn('" + table + "', '" + col + "', ...), then run "
            "`npx sequelize-cli db:migrate` before deploying this code";
    out->requirements.requirements.push_back(std::move(r));
  };
  bool has_pk = false;
  std::set<std::string> attributes;
  if (written) *written = o.schema + "|" + table + "|";
  for (const Attribute& a : attrs) {
    attributes.insert(a.name);
    has_pk = has_pk || a.primary;
    std::string col = a.field ? a.field->value : o.underscored ? underscore(a.name) : a.name;
    if (written) *written += a.name + "=" + (a.field ? col : "") + ",";  // "": named by `underscored`
    if (!a.from.empty()) column(a.name, col, a.at, a.width, a.from);
    else if (a.field) column(a.name, a.field->value, a.field->at, static_cast<uint32_t>(a.field->value.size()));
    else column(a.name, col, a.at, static_cast<uint32_t>(a.name.size()));
  }
  // What Sequelize adds: the id primary key, the timestamps.
  auto added = [&](const std::string& attr) {
    if (attr.empty() || attributes.count(attr)) return;
    column(attr, o.underscored ? underscore(attr) : attr, name_at, static_cast<uint32_t>(name.size()));
  };
  if (!has_pk) added("id");
  if (o.timestamps) {
    added(o.created);
    added(o.updated);
    if (o.paranoid) added(o.deleted);
  }
}

/// An attribute's options object (`{ type, primaryKey, field }`): sets *is_virtual for a
/// VIRTUAL type, *computed for a field that is not a literal.
void attribute_options(const std::vector<Key>& props, std::string_view src, Attribute* a, bool* is_virtual,
                       bool* computed) {
  for (const Key& p : props) {
    if (p.name == "type" && text(p.value, src).find("VIRTUAL") != std::string_view::npos) *is_virtual = true;
    if (p.name == "primaryKey" && text(unwrap(p.value), src) == "true") a->primary = true;
    if (p.name == "field") {
      a->field = literal(p.value, src);
      if (!a->field) *computed = true;
    }
  }
}

/// One model: its name (and where), attributes object, options object.
void model(const FileInput& in, FileOutput* out, const std::string& name, uint32_t name_at, TSNode attrs, TSNode opts,
           uint32_t call_at, std::string* written = nullptr) {
  std::string_view src = in.text;
  Options o = read_options(opts, src, project_defaults(in));
  std::vector<Key> keys;
  if (!o.computed && !object_keys(attrs, src, &keys)) {
    out->unchecked.push_back({call_at, "sequelize model", "attributes of model " + name + " are computed at run time"});
    return;
  }
  std::vector<Attribute> list;
  for (const Key& k : keys) {
    TSNode v = unwrap(k.value);
    Attribute a{k.name, k.at, std::nullopt, false, {}, 0};
    if (is(v, "object")) {
      std::vector<Key> props;
      if (!object_keys(v, src, &props)) {
        out->unchecked.push_back({k.at, "sequelize model", "attribute " + k.name + " of model " + name + " is computed at run time"});
        continue;
      }
      bool is_virtual = false, field_computed = false;
      attribute_options(props, src, &a, &is_virtual, &field_computed);
      if (is_virtual) continue;
      if (field_computed) {
        out->unchecked.push_back({k.at, "sequelize model", "the column of attribute " + k.name + " is computed at run time"});
        continue;
      }
    } else if (text(v, src).find("VIRTUAL") != std::string_view::npos) {
      continue;
    }
    list.push_back(std::move(a));
  }
  std::string names;
  emit_model(in, out, name, name_at, o, list, call_at, written ? &names : nullptr);
  // What a write names (index): a model whose table is its own (tableName set), and whether it
  // sets `underscored` itself ("1"/"0") or leaves it to the project ("-").
  if (written && o.table_name && !o.computed && !names.empty()) {
    std::string underscored = "-";
    std::vector<Key> okeys;
    if (!ts_node_is_null(opts)) object_keys(opts, src, &okeys);
    for (const Key& k : okeys)
      if (k.name == "underscored") underscored = text(unwrap(k.value), src) == "true" ? "1" : text(unwrap(k.value), src) == "false" ? "0" : "?";
    if (underscored != "?") *written = underscored + "|" + names;
  }
}

/// A decorated property of a sequelize-typescript class that is an attribute (or renames a
/// timestamp), read once for models and base classes alike.
struct Member {
  Attribute a;
  bool computed = false, created = false, updated = false, deleted = false;
};

std::vector<Member> members(TSNode body, std::string_view src) {
  std::vector<Member> out;
  decorated_members(body, src, [&](TSNode m, const std::vector<Decorator>& decs) {
    if (!is(m, "public_field_definition")) return;
    TSNode prop = field(m, "name");
    if (!is(prop, "property_identifier")) return;
    Member mem;
    mem.a = Attribute{std::string(text(prop, src)), ts_node_start_byte(prop), std::nullopt, false, {}, 0};
    bool attribute = false, is_virtual = false;
    for (const Decorator& d : decs) {
      if (d.name == "Column" || d.name == "ForeignKey") attribute = true;
      if (d.name == "PrimaryKey") mem.a.primary = true;
      // @CreatedAt renames the createdAt timestamp to this attribute (and turns timestamps on).
      if (d.name == "CreatedAt") attribute = true, mem.created = true;
      if (d.name == "UpdatedAt") attribute = true, mem.updated = true;
      if (d.name == "DeletedAt") attribute = true, mem.deleted = true;
      if (d.name != "Column" || d.args.empty()) continue;
      TSNode arg = unwrap(d.args[0]);
      if (!is(arg, "object")) {
        if (text(arg, src).find("VIRTUAL") != std::string_view::npos) is_virtual = true;
        continue;
      }
      std::vector<Key> props;
      if (!object_keys(arg, src, &props)) mem.computed = true;
      attribute_options(props, src, &mem.a, &is_virtual, &mem.computed);
    }
    if (!attribute || is_virtual) return;
    // An attribute listed twice (@ForeignKey and @Column on one property) is one column.
    for (const Member& seen : out)
      if (seen.a.name == mem.a.name) return;
    out.push_back(std::move(mem));
  });
  return out;
}

/// A base class's record (index): "<what it extends>" then, tab-separated, each member as
/// "name;flags;field" (flags: p primary, x computed, c/u/d the timestamp it renames).
std::string base_record(TSNode cls, std::string_view src) {
  std::string out = class_extends(cls, src);
  for (const Member& m : members(field(cls, "body"), src)) {
    out += "\t" + m.a.name + ";";
    if (m.a.primary) out += 'p';
    if (m.computed) out += 'x';
    if (m.created) out += 'c';
    if (m.updated) out += 'u';
    if (m.deleted) out += 'd';
    out += ";" + (m.a.field ? m.a.field->value : std::string());
  }
  return out;
}

std::vector<Member> parse_base(const std::string& record, std::string* extends) {
  std::vector<Member> out;
  size_t tab = record.find('\t');
  *extends = record.substr(0, tab);
  while (tab != std::string::npos) {
    size_t next = record.find('\t', tab + 1);
    std::string item = record.substr(tab + 1, next == std::string::npos ? std::string::npos : next - tab - 1);
    tab = next;
    size_t s1 = item.find(';'), s2 = item.find(';', s1 == std::string::npos ? 0 : s1 + 1);
    if (s1 == std::string::npos || s2 == std::string::npos) continue;
    Member m;
    m.a.name = item.substr(0, s1);
    std::string flags = item.substr(s1 + 1, s2 - s1 - 1), field_name = item.substr(s2 + 1);
    m.a.primary = flags.find('p') != std::string::npos;
    m.computed = flags.find('x') != std::string::npos;
    m.created = flags.find('c') != std::string::npos;
    m.updated = flags.find('u') != std::string::npos;
    m.deleted = flags.find('d') != std::string::npos;
    if (!field_name.empty()) m.a.field = Literal{field_name, 0};
    out.push_back(std::move(m));
  }
  return out;
}

/// A sequelize-typescript model: `@Table class X extends Model { @Column prop ... }`.
void decorated_model(const FileInput& in, FileOutput* out, TSNode cls, const Decorator& table, std::string* written) {
  std::string_view src = in.text;
  TSNode name_node = field(cls, "name");
  std::string name(text(name_node, src));
  uint32_t name_at = ts_node_start_byte(name_node);
  TSNode opts{};
  if (!table.args.empty()) {
    opts = unwrap(table.args[0]);
    if (!is(opts, "object")) {
      out->unchecked.push_back({table.at, "sequelize-typescript @Table", "options of model " + name + " are computed at run time"});
      return;
    }
  }
  Options o = read_options(opts, src, project_defaults(in));
  std::vector<Key> keys;
  if (!ts_node_is_null(opts)) object_keys(opts, src, &keys);
  for (const Key& k : keys)
    if (k.name == "modelName")
      if (auto l = literal(k.value, src)) name = l->value, name_at = l->at;
  std::vector<Attribute> list;
  bool own_created = false, own_updated = false, own_deleted = false;
  for (const Member& m : members(field(cls, "body"), src)) {
    if (m.created) o.created = m.a.name, o.unknown.erase("timestamps"), own_created = true;
    if (m.updated) o.updated = m.a.name, o.unknown.erase("timestamps"), own_updated = true;
    if (m.deleted) o.deleted = m.a.name, own_deleted = true;
    if (m.computed) {
      out->unchecked.push_back({m.a.at, "sequelize-typescript @Column", "the column of attribute " + m.a.name + " is computed at run time"});
      continue;
    }
    list.push_back(m.a);
  }
  // What a base class of the project declares (`class Document extends ParanoidModel`, whose
  // @DeletedAt and @Column properties are the model's too: sequelize-typescript reads the
  // decorators' metadata through the prototype chain), at the model's name.
  auto set_by_table = [&](std::string_view option) {
    return std::any_of(keys.begin(), keys.end(), [&](const Key& k) { return k.name == option; });
  };
  std::string base = class_extends(cls, src);
  for (int depth = 0; !base.empty() && base != "Model" && in.facts && depth < 8; ++depth) {
    auto it = in.facts->find(std::string(kBaseKey) + base);
    if (it == in.facts->end() || it->second.size() != 1) break;  // not the project's, or two of that name
    std::string next;
    for (Member& m : parse_base(it->second[0], &next)) {
      if (m.computed) {
        out->unchecked.push_back({name_at, "sequelize-typescript @Column",
                                  "the column of attribute " + m.a.name + " of base class " + base + " is computed at run time"});
        continue;
      }
      // A base's @CreatedAt / @UpdatedAt / @DeletedAt names a timestamp (and turns timestamps,
      // or paranoid, on) unless the model's @Table options say otherwise (`updatedAt: false`):
      // the timestamps are added below as Sequelize adds them, not as attributes.
      if (m.created || m.updated || m.deleted) {
        std::string option = m.created ? "createdAt" : m.updated ? "updatedAt" : "deletedAt";
        bool& own = m.created ? own_created : m.updated ? own_updated : own_deleted;
        if (own || set_by_table(option)) continue;
        own = true;
        (m.created ? o.created : m.updated ? o.updated : o.deleted) = m.a.name;
        if (m.deleted) {
          if (!set_by_table("paranoid")) o.paranoid = true, o.unknown.erase("paranoid");
        } else if (!set_by_table("timestamps")) {
          o.timestamps = true, o.unknown.erase("timestamps");
        }
        continue;
      }
      if (std::any_of(list.begin(), list.end(), [&](const Attribute& a) { return a.name == m.a.name; })) continue;
      m.a.at = name_at, m.a.width = static_cast<uint32_t>(name.size()), m.a.from = base;
      list.push_back(std::move(m.a));
    }
    base = next;
  }
  // What a write names (index): a model whose table is its own (tableName set); whether the
  // model sets `underscored` itself ("1"/"0") or leaves it to the project ("-").
  std::string underscored = "-";
  for (const Key& k : keys)
    if (k.name == "underscored") underscored = text(unwrap(k.value), src) == "true" ? "1" : text(unwrap(k.value), src) == "false" ? "0" : "?";
  std::string names;
  emit_model(in, out, name, name_at, o, list, table.at, &names);
  if (written && o.table_name && !o.computed && !names.empty() && underscored != "?") {
    *written = underscored + "|" + names;
    // The index reads each file alone: a base class's attributes are added where a write is read.
    if (std::string b = class_extends(cls, src); !b.empty() && b != "Model") *written += "\t" + b;
  }
}

/// A model the index recorded, as a write through it names it: its table and the column of each
/// attribute (attributes named by an `underscored` nobody can tell are left out).
struct WrittenModel {
  std::string schema, table;
  std::map<std::string, std::string> columns;
};

std::optional<WrittenModel> written_model(const FileInput& in, const std::string& cls) {
  auto it = in.facts->find(std::string(kModelKey) + cls);
  if (it == in.facts->end() || it->second.size() != 1 || it->second[0] == "?") return std::nullopt;
  std::string v = it->second[0];
  // The attributes of the base classes it extends (decorated_model's "\t<base>"), after its own.
  if (size_t tab = v.find('\t'); tab != std::string::npos) {
    std::string base = v.substr(tab + 1);
    v.resize(tab);
    for (int depth = 0; !base.empty() && base != "Model" && depth < 8; ++depth) {
      auto b = in.facts->find(std::string(kBaseKey) + base);
      if (b == in.facts->end() || b->second.size() != 1) break;
      for (const Member& m : parse_base(b->second[0], &base)) {
        // Timestamps a model's options may turn off are not told apart here: left out.
        if (m.computed || m.created || m.updated || m.deleted || v.find("|" + m.a.name + "=") != std::string::npos ||
            v.find("," + m.a.name + "=") != std::string::npos)
          continue;
        v += m.a.name + "=" + (m.a.field ? m.a.field->value : std::string()) + ",";
      }
    }
  }
  size_t bar0 = v.find('|'), bar1 = v.find('|', bar0 + 1), bar2 = v.find('|', bar1 + 1);
  if (bar0 == std::string::npos || bar1 == std::string::npos || bar2 == std::string::npos) return std::nullopt;
  std::string flag = v.substr(0, bar0);
  WrittenModel m;
  m.schema = v.substr(bar0 + 1, bar1 - bar0 - 1), m.table = v.substr(bar1 + 1, bar2 - bar1 - 1);
  // An attribute without `field`: the model's `underscored`, else the project's.
  Options defaults = project_defaults(in);
  std::optional<bool> underscored;
  if (flag == "1" || flag == "0") underscored = flag == "1";
  else if (!defaults.unknown.count("underscored")) underscored = defaults.underscored;
  if (m.schema.empty()) m.schema = in.default_schema;
  for (size_t at = bar2 + 1; at < v.size();) {
    size_t comma = v.find(',', at), eq = v.find('=', at);
    if (comma == std::string::npos || eq > comma) break;
    std::string attr = v.substr(at, eq - at), col = v.substr(eq + 1, comma - eq - 1);
    if (col.empty() && underscored) col = *underscored ? underscore(attr) : attr;
    if (!col.empty()) m.columns[attr] = col;
    at = comma + 1;
  }
  return m;
}

/// The scope a declaration lives in: the nearest enclosing block or program.
TSNode scope_of(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p))
    if (is(p, "statement_block") || is(p, "program")) return p;
  return TSNode{};
}

/// Writes through a model the index recorded, in a file that imports or declares it; each key
/// or property that is an attribute of the model is a column the statement writes, at the key:
///   `Model.create({ a, b })`, `Model.update({ a }, { where })`, `Model.bulkCreate([{ a }, ...])`;
///   an instance bound once in its block, `const doc = await Model.findByPk(..)` (`findOne`,
///   `build`, `create`), then `doc.a = v` or `doc.set({ a })` / `doc.set('a', v)` where the block
///   calls `doc.save()`, and `doc.update({ a })`.
/// Keys that are not attributes Sequelize leaves out of the statement: not judged.
void model_writes(const FileInput& in, FileOutput* out) {
  if (!in.facts) return;
  std::string_view src = in.text;
  std::set<std::string> bound;  // class names the file imports or declares
  walk(in.root, [&](TSNode n) {
    if (is(n, "import_specifier"))
      bound.insert(std::string(text(ts_node_is_null(field(n, "alias")) ? field(n, "name") : field(n, "alias"), src)));
    if (is(n, "import_clause"))
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
        if (is(ts_node_named_child(n, i), "identifier")) bound.insert(std::string(text(ts_node_named_child(n, i), src)));
    if (is(n, "class_declaration")) bound.insert(std::string(text(field(n, "name"), src)));
    // `const { Document } = require('./models')`, `const Document = require('./document')`
    TSNode value = unwrap(field(n, "value"));
    if (is(n, "variable_declarator") && is(value, "call_expression") && text(field(value, "function"), src) == "require") {
      TSNode name = field(n, "name");
      if (is(name, "identifier")) bound.insert(std::string(text(name, src)));
      for (uint32_t i = 0; is(name, "object_pattern") && i < ts_node_named_child_count(name); ++i) {
        TSNode p = ts_node_named_child(name, i);
        if (is(p, "shorthand_property_identifier_pattern")) bound.insert(std::string(text(p, src)));
      }
    }
  });
  std::map<std::string, std::optional<WrittenModel>> models;
  auto model_of = [&](const std::string& cls) -> const WrittenModel* {
    if (!bound.count(cls)) return nullptr;
    auto it = models.find(cls);
    if (it == models.end()) it = models.emplace(cls, written_model(in, cls)).first;
    return it->second ? &*it->second : nullptr;
  };
  // One statement's writes: each key (name, where) that is an attribute.
  auto emit = [&](const std::string&, const WrittenModel& m, const std::string& how,
                  const std::vector<std::pair<std::string, uint32_t>>& keys) {
    std::vector<requirements::Requirement> found;
    std::string shown = m.schema == in.default_schema ? m.table : m.schema + "." + m.table;
    for (const auto& [key, at] : keys) {
      auto c = m.columns.find(key);
      if (c == m.columns.end()) continue;
      requirements::Requirement r;
      r.object = requirements::Object::Column;
      r.schema = m.schema;
      r.relation = m.table;
      r.column = c->second;
      r.span = {at, at + static_cast<uint32_t>(key.size())};
      r.quoted = true;
      r.use = requirements::Use::Write;
      r.describe = "sequelize " + how + " writes attribute " + key + ", column " + shown + "." + c->second;
      r.fix = "generate a migration with `npx sequelize-cli migration:generate --name add-" + kebab(c->second) + "-to-" +
              kebab(m.table) + "` whose up calls queryInterface.addColumn('" + m.table + "', '" + c->second +
              "', ...), then run `npx sequelize-cli db:migrate` before deploying this code";
      found.push_back(std::move(r));
    }
    if (found.empty()) return;
    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = "sequelize " + how;
    out->requirements.units.push_back(std::move(unit));
    for (auto& r : found) {
      r.unit = out->requirements.units.size() - 1;
      out->requirements.requirements.push_back(std::move(r));
    }
  };
  auto object_row = [&](TSNode row) {
    std::vector<std::pair<std::string, uint32_t>> keys;
    std::vector<Key> ks;
    if (!is(row, "object")) return keys;
    object_keys(row, src, &ks);
    for (const Key& k : ks) keys.push_back({k.name, k.at});
    return keys;
  };
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver)) return;
    if (method != "create" && method != "update" && method != "bulkCreate") return;
    receiver = unwrap(receiver);
    if (!is(receiver, "identifier")) return;
    std::string cls(text(receiver, src));
    const WrittenModel* m = model_of(cls);
    if (!m) return;
    std::vector<TSNode> args = arguments(call);
    if (args.empty()) return;
    std::vector<std::pair<std::string, uint32_t>> keys;
    TSNode first = unwrap(args[0]);
    if (method == "bulkCreate" && is(first, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(first); ++i)
        for (auto& k : object_row(unwrap(ts_node_named_child(first, i)))) keys.push_back(k);
    } else {
      keys = object_row(first);
    }
    emit(cls, *m, cls + "." + std::string(method) + "()", keys);
  });
  // Instances: `const doc = await Model.findByPk(...)`, bound once in their block.
  walk(in.root, [&](TSNode decl) {
    if (!is(decl, "variable_declarator") || !is(field(decl, "name"), "identifier")) return;
    TSNode value = unwrap(field(decl, "value"));
    while (is(value, "await_expression")) value = unwrap(ts_node_named_child(value, 0));
    std::string_view finder;
    TSNode receiver;
    if (!method_call(value, src, &finder, &receiver)) return;
    if (finder != "findByPk" && finder != "findOne" && finder != "build" && finder != "create") return;
    receiver = unwrap(receiver);
    if (!is(receiver, "identifier")) return;
    std::string cls(text(receiver, src));
    const WrittenModel* m = model_of(cls);
    TSNode scope = scope_of(decl);
    if (!m || ts_node_is_null(scope)) return;
    std::string x(text(field(decl, "name"), src));
    // The name stands for this instance only: declared once in the block, never assigned, no
    // parameter of a function inside it by that name.
    int declared = 0;
    bool rebound = false;
    walk(scope, [&](TSNode n) {
      if (is(n, "variable_declarator") && text(field(n, "name"), src) == x) ++declared;
      if (is(n, "assignment_expression") && is(field(n, "left"), "identifier") && text(field(n, "left"), src) == x) rebound = true;
      if ((is(n, "required_parameter") || is(n, "optional_parameter")) && text(field(n, "pattern"), src) == x) rebound = true;
      if (is(n, "identifier") && is(ts_node_parent(n), "formal_parameters") && text(n, src) == x) rebound = true;
    });
    if (declared != 1 || rebound) return;
    uint32_t from = ts_node_end_byte(decl);
    auto on_x = [&](TSNode member) {
      return is(member, "member_expression") && is(field(member, "object"), "identifier") && text(field(member, "object"), src) == x;
    };
    bool saves = false;
    walk(scope, [&](TSNode n) {
      std::string_view m2;
      TSNode r;
      if (ts_node_start_byte(n) >= from && method_call(n, src, &m2, &r) && m2 == "save" && is(r, "identifier") && text(r, src) == x)
        saves = true;
    });
    std::vector<std::pair<std::string, uint32_t>> assigned, updated;
    walk(scope, [&](TSNode n) {
      if (ts_node_start_byte(n) < from) return;
      if (is(n, "assignment_expression") && on_x(field(n, "left"))) {
        TSNode prop = field(field(n, "left"), "property");
        assigned.push_back({std::string(text(prop, src)), ts_node_start_byte(prop)});
        return;
      }
      std::string_view m2;
      TSNode r;
      if (!method_call(n, src, &m2, &r) || !is(r, "identifier") || text(r, src) != x) return;
      std::vector<TSNode> args = arguments(n);
      if (args.empty()) return;
      if (m2 == "update") {
        for (auto& k : object_row(unwrap(args[0]))) updated.push_back(k);
      } else if (m2 == "set") {
        if (auto l = literal(args[0], src)) assigned.push_back({l->value, l->at});
        else
          for (auto& k : object_row(unwrap(args[0]))) assigned.push_back(k);
      }
    });
    if (!saves) assigned.clear();
    std::string how = cls + " instance " + x + " (" + cls + "." + std::string(finder) + "())";
    if (!assigned.empty()) emit(cls, *m, how + ".save()", assigned);
    if (!updated.empty()) emit(cls, *m, how + ".update()", updated);
  });
}

/// `sequelize.define('Name', {...}, {...})` and `X.init({...}, { sequelize, ... })` models; with
/// `record`, each one's binding (the variable `define` is assigned to, the class `init` is called
/// on) and what the index records for writes through it (kModelKey's value, "" when not certain).
void plain_models(const FileInput& in, FileOutput* out,
                  const std::function<void(const std::string& binding, const std::string& written)>& record) {
  std::string_view src = in.text;
  walk(in.root, [&](TSNode n) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(n, src, &method, &receiver)) return;
    std::vector<TSNode> args = arguments(n);
    std::string written;
    if (method == "define" && args.size() >= 2 && is(unwrap(args[1]), "object")) {
      // sequelize.define('Name', {...}, {...}); the receiver is the Sequelize instance.
      std::string_view r = text(unwrap(receiver), src);
      std::string lower;
      for (char c : r) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower.find("sequelize") == std::string::npos && lower != "db") return;
      auto name = literal(args[0], src);
      if (!name) {
        out->unchecked.push_back({ts_node_start_byte(n), "sequelize define()", "the model name is computed at run time"});
        return;
      }
      model(in, out, name->value, name->at, args[1], args.size() > 2 ? unwrap(args[2]) : TSNode{}, ts_node_start_byte(n),
            record ? &written : nullptr);
      // `const Document = sequelize.define(...)`: the model is that variable.
      TSNode up = ts_node_parent(n);
      while (is(up, "await_expression") || is(up, "parenthesized_expression")) up = ts_node_parent(up);
      if (record && is(up, "variable_declarator") && is(field(up, "name"), "identifier"))
        record(std::string(text(field(up, "name"), src)), written);
    } else if (method == "init" && args.size() >= 2 && is(unwrap(args[0]), "object") && is(unwrap(args[1]), "object")) {
      // X.init({...}, { sequelize, modelName? }): only with a `sequelize` option.
      std::vector<Key> keys;
      object_keys(args[1], src, &keys);
      bool has_sequelize = false;
      std::optional<Literal> model_name;
      for (const Key& k : keys) {
        if (k.name == "sequelize") has_sequelize = true;
        if (k.name == "modelName") model_name = literal(k.value, src);
      }
      if (!has_sequelize || !is(unwrap(receiver), "identifier")) return;
      TSNode id = unwrap(receiver);
      std::string name = model_name ? model_name->value : std::string(text(id, src));
      uint32_t at = model_name ? model_name->at : ts_node_start_byte(id);
      model(in, out, name, at, unwrap(args[0]), unwrap(args[1]), ts_node_start_byte(n), record ? &written : nullptr);
      if (record) record(std::string(text(id, src)), written);
    }
  });
}

void extract_sequelize(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  plain_models(in, out);
  model_writes(in, out);
  // sequelize-typescript's decorated classes.
  if (src.find("sequelize-typescript") == std::string_view::npos) return;
  walk(in.root, [&](TSNode cls) {
    if (!is(cls, "class_declaration") && !is(cls, "abstract_class_declaration")) return;
    for (const Decorator& d : class_decorators(cls, src))
      if (d.name == "Table") return decorated_model(in, out, cls, d);
  });
}

}  // namespace

extern const DataLayer kSequelize{.name = "sequelize",
                                  .languages = {"typescript", "javascript"},
                                  .relevant = relevant_sequelize,
                                  .extract = extract_sequelize,
                                  .index = index_sequelize,
                                  .relevant_in = relevant_sequelize_in,
                                  .relevant_words = {"sequelize"}};

}  // namespace schemagate::datalayers
