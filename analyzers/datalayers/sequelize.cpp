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
// variable) make the model unchecked. sequelize-typescript's decorated classes are not read.
#include <cctype>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

bool relevant_sequelize(std::string_view text) { return text.find("sequelize") != std::string_view::npos; }

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
};

Options read_options(TSNode obj, std::string_view src, const std::string& default_schema) {
  Options o;
  o.schema = default_schema;
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
    } else if (k.name == "freezeTableName") flag(k, &o.freeze);
    else if (k.name == "underscored") flag(k, &o.underscored);
    else if (k.name == "timestamps") flag(k, &o.timestamps);
    else if (k.name == "paranoid") flag(k, &o.paranoid);
    else if (k.name == "createdAt") rename(k, &o.created);
    else if (k.name == "updatedAt") rename(k, &o.updated);
    else if (k.name == "deletedAt") rename(k, &o.deleted);
  }
  return o;
}

/// One model: its name (and where), attributes object, options object.
void model(const FileInput& in, FileOutput* out, const std::string& name, uint32_t name_at, TSNode attrs, TSNode opts,
           uint32_t call_at) {
  std::string_view src = in.text;
  Options o = read_options(opts, src, in.default_schema);
  if (o.computed) {
    out->unchecked.push_back({call_at, "sequelize model", "options of model " + name + " are computed at run time"});
    return;
  }
  std::vector<Key> keys;
  if (!object_keys(attrs, src, &keys)) {
    out->unchecked.push_back({call_at, "sequelize model", "attributes of model " + name + " are computed at run time"});
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
  out->requirements.requirements.push_back(rel);

  auto column = [&](const std::string& attr, const std::string& col, uint32_t at, uint32_t width) {
    requirements::Requirement r = rel;
    r.object = requirements::Object::Column;
    r.column = col;
    r.span = {at, at + width};
    r.describe = "model " + name + " attribute " + attr + (col == attr ? " is" : " maps to") + " column " + shown + "." +
                 col + "; every find of " + name + " selects it";
    out->requirements.requirements.push_back(std::move(r));
  };
  bool has_pk = false;
  std::set<std::string> attributes;
  for (const Key& k : keys) {
    attributes.insert(k.name);
    TSNode v = unwrap(k.value);
    std::string col = o.underscored ? underscore(k.name) : k.name;
    uint32_t at = k.at, width = static_cast<uint32_t>(k.name.size());
    if (is(v, "object")) {
      std::vector<Key> props;
      if (!object_keys(v, src, &props)) {
        out->unchecked.push_back({k.at, "sequelize model", "attribute " + k.name + " of model " + name + " is computed at run time"});
        continue;
      }
      bool is_virtual = false, field_computed = false;
      for (const Key& p : props) {
        if (p.name == "type" && text(p.value, src).find("VIRTUAL") != std::string_view::npos) is_virtual = true;
        if (p.name == "primaryKey" && text(unwrap(p.value), src) == "true") has_pk = true;
        if (p.name == "field") {
          if (auto l = literal(p.value, src)) col = l->value, at = l->at, width = static_cast<uint32_t>(l->value.size());
          else field_computed = true;
        }
      }
      if (is_virtual) continue;
      if (field_computed) {
        out->unchecked.push_back({k.at, "sequelize model", "the column of attribute " + k.name + " is computed at run time"});
        continue;
      }
    } else if (text(v, src).find("VIRTUAL") != std::string_view::npos) {
      continue;
    }
    column(k.name, col, at, width);
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

void extract_sequelize(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  walk(in.root, [&](TSNode n) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(n, src, &method, &receiver)) return;
    std::vector<TSNode> args = arguments(n);
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
      model(in, out, name->value, name->at, args[1], args.size() > 2 ? unwrap(args[2]) : TSNode{}, ts_node_start_byte(n));
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
      model(in, out, name, at, unwrap(args[0]), unwrap(args[1]), ts_node_start_byte(n));
    }
  });
}

}  // namespace

extern const DataLayer kSequelize = {"sequelize", {"typescript", "javascript"}, nullptr, relevant_sequelize,
                                     extract_sequelize};

}  // namespace schemagate::datalayers
