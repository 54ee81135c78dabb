// Prisma: the models of a Prisma schema (schema.prisma, or the files of a prisma/schema/
// folder). The Prisma client names every scalar field of a model in the SELECT list of its reads
// and in the RETURNING of its writes, so a model needs its table and every mapped scalar field
// needs its column, whichever queries the code makes: each is a requirement at its declaration.
//
// What is not a column is not required: relation fields (their foreign keys are scalar fields of
// their own), `@ignore` fields and `@@ignore` models (the client does not know them),
// `Unsupported(...)` fields (the client never selects them), composite `type` blocks (MongoDB).
// Views are created by hand, outside `prisma migrate`: they are unchecked. A schema for another
// provider (mysql, sqlite, mongodb) is skipped whole.
//
// The language is line-oriented: a block `model Name { ... }`, one field per line
// (`name Type? @attr(args) ...`), block attributes `@@map("...")`. The parser reads exactly that,
// keeping byte offsets, and does not validate what Prisma itself would reject.
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers {
namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// A name and where it is in the file.
struct Name {
  std::string text;
  uint32_t at = 0;
};

/// One attribute: `@map("x")`, `@@schema("s")`, `@db.VarChar(10)`; args is the text inside the
/// parentheses, at args_at.
struct Attribute {
  std::string name;  ///< without the @ or @@: "map", "db.VarChar"
  std::string args;
  uint32_t args_at = 0;
};

struct Field {
  Name name;
  std::string type;  ///< the base type, without ? or []
  bool list = false;
  bool unsupported = false;
  std::vector<Attribute> attributes;
};

struct Block {
  std::string keyword;  ///< model, view, enum, type, datasource, generator
  Name name;
  std::vector<Field> fields;
  std::vector<Attribute> attributes;  ///< @@ attributes
  std::map<std::string, std::string> settings;  ///< datasource / generator `key = value`
};

/// Strips a `//` comment (outside strings) from a line.
std::string_view strip_comment(std::string_view line) {
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && in_string) {
      ++i;
    } else if (line[i] == '"') {
      in_string = !in_string;
    } else if (!in_string && line[i] == '/' && i + 1 < line.size() && line[i + 1] == '/') {
      return line.substr(0, i);
    }
  }
  return line;
}

/// Reads attributes from line[i...]: `@name(args)` and `@@name(args)`.
void read_attributes(std::string_view line, uint32_t line_at, size_t i, bool block_level,
                     std::vector<Attribute>* out) {
  while (i < line.size()) {
    if (line[i] != '@') {
      ++i;
      continue;
    }
    bool two = i + 1 < line.size() && line[i + 1] == '@';
    i += two ? 2 : 1;
    Attribute a;
    while (i < line.size() && (ident_char(line[i]) || line[i] == '.')) a.name += line[i++];
    if (i < line.size() && line[i] == '(') {
      int depth = 0;
      bool in_string = false;
      size_t start = i + 1;
      for (; i < line.size(); ++i) {
        char c = line[i];
        if (in_string) {
          if (c == '\\') ++i;
          else if (c == '"') in_string = false;
        } else if (c == '"') {
          in_string = true;
        } else if (c == '(') {
          ++depth;
        } else if (c == ')' && --depth == 0) {
          break;
        }
      }
      a.args = std::string(line.substr(start, std::min(i, line.size()) - start));
      a.args_at = line_at + static_cast<uint32_t>(start);
      ++i;
    }
    if (two == block_level) out->push_back(std::move(a));
  }
}

/// The first string argument of an attribute, positional or `name:` (`@map("x")`,
/// `@@map(name: "x")`); nullopt-like "" with ok=false when there is none.
bool string_argument(const Attribute& a, std::string* value) {
  size_t q = a.args.find('"');
  if (q == std::string::npos) return false;
  // Only the first argument or `name:`; `@@schema("s")` has one.
  std::string before = a.args.substr(0, q);
  size_t colon = before.find(':');
  if (before.find(',') != std::string::npos) return false;
  if (colon != std::string::npos && before.substr(0, colon).find("name") == std::string::npos) return false;
  std::string v;
  for (size_t i = q + 1; i < a.args.size(); ++i) {
    if (a.args[i] == '\\' && i + 1 < a.args.size()) {
      v += a.args[++i];
    } else if (a.args[i] == '"') {
      *value = v;
      return true;
    } else {
      v += a.args[i];
    }
  }
  return false;
}

const Attribute* find_attribute(const std::vector<Attribute>& attrs, std::string_view name) {
  for (auto& a : attrs)
    if (a.name == name) return &a;
  return nullptr;
}

std::vector<Block> parse_blocks(std::string_view text) {
  std::vector<Block> blocks;
  Block* open = nullptr;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    uint32_t line_at = static_cast<uint32_t>(pos);
    std::string_view line = strip_comment(text.substr(pos, eol - pos));
    pos = eol + 1;
    size_t i = line.find_first_not_of(" \t\r");
    if (i == std::string_view::npos) continue;
    if (!open) {
      // `keyword Name {`
      size_t k = i;
      while (k < line.size() && ident_char(line[k])) ++k;
      std::string keyword(line.substr(i, k - i));
      size_t n = line.find_first_not_of(" \t", k);
      if (n == std::string_view::npos || keyword.empty()) continue;
      size_t e = n;
      while (e < line.size() && ident_char(line[e])) ++e;
      if (line.find('{', e) == std::string_view::npos) continue;
      blocks.push_back({keyword, {std::string(line.substr(n, e - n)), line_at + static_cast<uint32_t>(n)}, {}, {}, {}});
      open = &blocks.back();
      if (line.find('}', e) != std::string_view::npos) open = nullptr;  // `enum E { A B }` on one line
      continue;
    }
    if (line[i] == '}') {
      open = nullptr;
      continue;
    }
    if (line.compare(i, 2, "@@") == 0) {
      read_attributes(line, line_at, i, true, &open->attributes);
      continue;
    }
    size_t e = i;
    while (e < line.size() && ident_char(line[e])) ++e;
    if (e == i) continue;
    Field f;
    f.name = {std::string(line.substr(i, e - i)), line_at + static_cast<uint32_t>(i)};
    size_t t = line.find_first_not_of(" \t", e);
    if (t != std::string_view::npos && line[t] == '=') {  // datasource / generator setting
      size_t v = line.find_first_not_of(" \t", t + 1);
      std::string value = v == std::string_view::npos ? "" : std::string(line.substr(v));
      while (!value.empty() && (value.back() == ' ' || value.back() == '\r' || value.back() == '\t')) value.pop_back();
      open->settings[f.name.text] = value;
      continue;
    }
    if (open->keyword == "enum") continue;
    if (t == std::string_view::npos) continue;
    size_t te = t;
    while (te < line.size() && ident_char(line[te])) ++te;
    f.type = std::string(line.substr(t, te - t));
    if (f.type == "Unsupported") {
      f.unsupported = true;
      int depth = 0;
      for (; te < line.size(); ++te) {
        if (line[te] == '(') ++depth;
        if (line[te] == ')' && --depth == 0) {
          ++te;
          break;
        }
      }
    }
    if (te + 1 < line.size() && line[te] == '[' && line[te + 1] == ']') f.list = true;
    read_attributes(line, line_at, te, false, &f.attributes);
    open->fields.push_back(std::move(f));
  }
  return blocks;
}

std::string unquote(std::string v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
  return v;
}

bool claims_prisma(std::string_view path) {
  return path.size() > 7 && path.substr(path.size() - 7) == ".prisma";
}

constexpr std::string_view kDatasourceKey = "prisma:datasource:";

std::string_view parent_dir(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

/// A schema with a datasource: its folder and provider (prisma:datasource:DIR -> provider). A
/// multi-file schema keeps the datasource in one file and models in the files of that folder
/// and its subfolders (prisma/schema.prisma beside prisma/models/*.prisma).
void index_prisma(const FileInput& in, std::vector<std::pair<std::string, std::string>>* out) {
  for (auto& b : parse_blocks(in.text)) {
    // What a type name is across the files of a multi-file schema: prisma:type:NAME -> kind.
    if (b.keyword == "enum" || b.keyword == "model" || b.keyword == "view" || b.keyword == "type")
      out->push_back({"prisma:type:" + b.name.text, b.keyword});
    // What the client layer (prisma_client.cpp) needs to read `prisma.user.findMany({...})`:
    // prisma:client-model:<accessor> -> "DIR\tschema\ttable", prisma:client-field:<accessor>.<field>
    // -> "column\ttype\t[]" ("" schema: the default one; the type without `?` or `[]`, which the
    // last part says: a list relation's filters are `some` / `every` / `none`).
    if (b.keyword == "model" && !find_attribute(b.attributes, "ignore")) {
      std::string accessor = b.name.text, table = b.name.text, schema, v;
      accessor[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(accessor[0])));
      if (auto* a = find_attribute(b.attributes, "map"); a && string_argument(*a, &v)) table = v;
      if (auto* a = find_attribute(b.attributes, "schema"); a && string_argument(*a, &v)) schema = v;
      out->push_back({"prisma:client-model:" + accessor, std::string(parent_dir(in.path)) + "\t" + schema + "\t" + table});
      for (auto& f : b.fields) {
        if (f.unsupported || find_attribute(f.attributes, "ignore")) continue;
        std::string column = f.name.text;
        if (auto* a = find_attribute(f.attributes, "map"); a && string_argument(*a, &v)) column = v;
        out->push_back({"prisma:client-field:" + accessor + "." + f.name.text,
                        column + "\t" + f.type + "\t" + (f.list ? "[]" : "")});
      }
    }
    if (b.keyword == "datasource") {
      auto p = b.settings.find("provider");
      out->push_back({std::string(kDatasourceKey) + std::string(parent_dir(in.path)),
                      p == b.settings.end() ? "" : unquote(p->second)});
    }
  }
}

/// What another file of the project declares `type` as ("enum", "model", ...): "" when no file
/// or several kinds.
std::string declared_elsewhere(const FileInput& in, const std::string& type) {
  if (!in.facts) return "";
  auto it = in.facts->find("prisma:type:" + type);
  if (it == in.facts->end()) return "";
  std::set<std::string> kinds(it->second.begin(), it->second.end());
  return kinds.size() == 1 ? *kinds.begin() : "";
}

/// The provider of the datasource in the folder of `path` or a folder above it: "" when none,
/// or when that folder's schemas disagree.
std::optional<std::string> provider_above(const FileInput& in) {
  if (!in.facts) return std::nullopt;
  for (std::string_view dir = parent_dir(in.path);; dir = parent_dir(dir)) {
    if (auto it = in.facts->find(std::string(kDatasourceKey) + std::string(dir)); it != in.facts->end()) {
      std::set<std::string> providers(it->second.begin(), it->second.end());
      return providers.size() == 1 ? *providers.begin() : "";
    }
    if (dir.empty()) return std::nullopt;
  }
}

void extract_prisma(const FileInput& in, FileOutput* out) {
  std::vector<Block> blocks = parse_blocks(in.text);
  // Which provider: the datasource here, or (a file of a prisma/schema/ folder) in a sibling.
  const Block* datasource = nullptr;
  for (auto& b : blocks)
    if (b.keyword == "datasource") datasource = &b;
  std::optional<std::string> above = datasource ? std::nullopt : provider_above(in);
  if (datasource) {
    auto p = datasource->settings.find("provider");
    std::string provider = p == datasource->settings.end() ? "" : unquote(p->second);
    if (provider != "postgresql" && provider != "postgres") return;
  } else if (above && (*above == "postgresql" || *above == "postgres")) {
    // a model file of a multi-file schema whose datasource is PostgreSQL
  } else if (above && !above->empty()) {
    return;  // another engine's schema
  } else {
    bool in_schema_folder = in.path.find("/schema/") != std::string_view::npos || in.path.substr(0, 7) == "schema/";
    bool has_models = false;
    for (auto& b : blocks) has_models = has_models || b.keyword == "model";
    if (!has_models) return;
    if (!in_schema_folder) {
      for (auto& b : blocks)
        if (b.keyword == "model")
          out->unchecked.push_back({b.name.at, "prisma model", "the schema file has no datasource: its provider is unknown"});
      return;
    }
  }

  static const std::set<std::string> kScalars = {"String", "Boolean", "Int",   "BigInt", "Float",
                                                 "Decimal", "DateTime", "Json", "Bytes"};
  std::set<std::string> enums, composites;
  for (auto& b : blocks) {
    if (b.keyword == "enum") enums.insert(b.name.text);
    if (b.keyword == "model" || b.keyword == "view" || b.keyword == "type") composites.insert(b.name.text);
  }

  for (auto& b : blocks) {
    if (b.keyword == "view") {
      out->unchecked.push_back({b.name.at, "prisma view", "a view is created outside prisma migrate"});
      continue;
    }
    if (b.keyword != "model" || find_attribute(b.attributes, "ignore")) continue;
    std::string table = b.name.text, schema_name = in.default_schema, s;
    if (auto* a = find_attribute(b.attributes, "map"); a && string_argument(*a, &s)) table = s;
    if (auto* a = find_attribute(b.attributes, "schema"); a && string_argument(*a, &s)) schema_name = s;
    std::string shown = schema_name == in.default_schema ? table : schema_name + "." + table;

    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = "prisma model " + b.name.text;
    out->requirements.units.push_back(std::move(unit));
    size_t unit_index = out->requirements.units.size() - 1;

    requirements::Requirement rel;
    rel.object = requirements::Object::Relation;
    rel.schema = schema_name;
    rel.relation = table;
    rel.span = {b.name.at, b.name.at + static_cast<uint32_t>(b.name.text.size())};
    rel.unit = unit_index;
    rel.quoted = true;  // Prisma quotes every name it sends
    // In Prisma's words: migrate dev writes the migration of a schema change, migrate deploy applies it.
    rel.fix = "run `npx prisma migrate dev` to write the migration for this model, and apply it with "
              "`npx prisma migrate deploy` before deploying this code";
    rel.describe = "model " + b.name.text + (table == b.name.text ? " is" : " maps to") + " table " + shown +
                   "; every query of " + b.name.text + " reads it";
    out->requirements.requirements.push_back(rel);

    for (auto& f : b.fields) {
      if (f.unsupported || find_attribute(f.attributes, "ignore")) continue;
      std::string elsewhere = kScalars.count(f.type) || enums.count(f.type) || composites.count(f.type)
                                  ? ""
                                  : declared_elsewhere(in, f.type);
      bool scalar = kScalars.count(f.type) || enums.count(f.type) || elsewhere == "enum";
      if (!scalar) {
        if (composites.count(f.type) || find_attribute(f.attributes, "relation") ||
            (!elsewhere.empty() && elsewhere != "enum"))
          continue;  // a relation field
        out->unchecked.push_back({f.name.at, "prisma model",
                                  "field " + b.name.text + "." + f.name.text + " has type " + f.type +
                                      ", declared in another file: a relation or an enum"});
        continue;
      }
      std::string column = f.name.text;
      if (auto* a = find_attribute(f.attributes, "map"); a && string_argument(*a, &s)) column = s;
      requirements::Requirement r = rel;
      r.object = requirements::Object::Column;
      r.column = column;
      r.span = {f.name.at, f.name.at + static_cast<uint32_t>(f.name.text.size())};
      r.describe = "model " + b.name.text + " field " + f.name.text + (column == f.name.text ? " is" : " maps to") +
                   " column " + shown + "." + column + "; every query of " + b.name.text + " selects it";
      out->requirements.requirements.push_back(std::move(r));
    }
  }
}

}  // namespace

extern const DataLayer kPrisma = {"prisma", {}, claims_prisma, nullptr, extract_prisma, index_prisma, nullptr, true};

}  // namespace schemagate::datalayers
