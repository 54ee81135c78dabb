// Building, writing and reading the manifest. Writing is by hand around nlohmann's compact dump
// so that each migration, requirement and unchecked site sits on its own line; reading is
// strict about kinds (a manifest is a deploy gate's input: a field of the wrong kind is a corrupt
// manifest, not a default).
#include "analyzers/manifest/manifest.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/schema/migrations/migration.h"

namespace schemagate::manifest {
namespace {

using json = nlohmann::ordered_json;

/// The origin of what `req` needs in `schema`: the relation's, or the column's in the first
/// candidate relation that has it.
schema::Origin origin_of(const requirements::Requirement& req, const schema::Schema& schema) {
  if (req.object == requirements::Object::Relation) {
    const schema::Relation* rel = schema.find(req.schema, req.relation);
    return rel ? rel->origin : schema::Origin{};
  }
  std::vector<std::string> own = {requirements::qualified(req)};
  for (auto& q : req.candidates.empty() ? own : req.candidates) {
    auto dot = q.find('.');
    const schema::Relation* rel = schema.find(q.substr(0, dot), q.substr(dot + 1));
    if (!rel) continue;
    if (const schema::Column* c = rel->find_column(req.column)) return c->origin;
  }
  return {};
}

std::string unchecked_reason(const requirements::Requirement& req, const pipeline::SchemaBuild& build) {
  if (req.object == requirements::Object::Column) {
    std::vector<std::string> own = {requirements::qualified(req)};
    for (auto& q : req.candidates.empty() ? own : req.candidates) {
      auto dot = q.find('.');
      const schema::Relation* rel = build.schema.find(q.substr(0, dot), q.substr(dot + 1));
      if (!rel) return "its relation is not created by the migrations";
      if (!rel->columns_complete) return "the columns of " + q + " are not all known from the migrations";
    }
    if (!req.unknown_when_absent.empty()) return req.unknown_when_absent;
    return "the migrations name it in DDL that cannot be followed";
  }
  if (!build.schema.has_schema(req.schema)) return "schema " + req.schema + " is not created by the migrations";
  if (build.schema.extension_schemas.count(req.schema)) return "an extension creates relations in schema " + req.schema;
  return "the migrations name it in DDL that cannot be followed";
}

using Key = std::tuple<int, std::string, std::string, std::string, std::vector<std::string>>;

Key key_of(const requirements::Requirement& r) {
  std::vector<std::string> cands = r.candidates;
  std::sort(cands.begin(), cands.end());
  return {r.object == requirements::Object::Relation ? 0 : 1, r.schema, r.relation, r.column, cands};
}

bool place_less(const Place& a, const Place& b) {
  return std::tie(a.file, a.line, a.column, a.use) < std::tie(b.file, b.line, b.column, b.use);
}
bool place_equal(const Place& a, const Place& b) {
  return a.file == b.file && a.line == b.line && a.column == b.column && a.use == b.use;
}

// ---- reading ---------------------------------------------------------------------------------

struct Reader {
  std::string* err;
  bool ok = true;

  bool fail(const std::string& where, const std::string& what) {
    if (ok) *err = where + ": " + what;
    ok = false;
    return false;
  }
  const json* field(const json& obj, const char* name, json::value_t kind, const std::string& where, bool required = true) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) {
      if (required) fail(where, std::string("field \"") + name + "\" is missing");
      return nullptr;
    }
    bool fits = it->type() == kind || (kind == json::value_t::number_unsigned && it->is_number_integer() && *it >= 0);
    if (!fits) {
      fail(where, std::string("field \"") + name + "\" has the wrong type");
      return nullptr;
    }
    return &*it;
  }
  std::string str(const json& obj, const char* name, const std::string& where, bool required = true) {
    const json* v = field(obj, name, json::value_t::string, where, required);
    return v ? v->get<std::string>() : "";
  }
  int num(const json& obj, const char* name, const std::string& where, bool required = true) {
    const json* v = field(obj, name, json::value_t::number_unsigned, where, required);
    return v ? static_cast<int>(v->get<long long>()) : 0;
  }
};

}  // namespace

const char* use_name(requirements::Use use) {
  switch (use) {
    case requirements::Use::Read: return "read";
    case requirements::Use::Write: return "write";
    case requirements::Use::Insert: return "insert";
  }
  return "read";
}

Manifest build(const pipeline::SchemaBuild& build, const pipeline::CodeScan& scan,
               const std::vector<std::string>& migration_files, const std::map<std::string, std::string>& drizzle_when) {
  Manifest m;
  m.generator = std::string("schemagate ") + SCHEMAGATE_VERSION;
  const report::Locator places = pipeline::migration_places(build);
  m.summary = scan.summary;
  for (size_t i = 0; i < build.migrations.size(); ++i) {
    const auto& f = build.migrations[i];
    MigrationEntry e{f.path, f.version, f.name, f.format, "", f.repeatable, ""};
    e.sha256 = schema::catalog::sha256_hex(i < migration_files.size() ? migration_files[i] : f.sql);
    const schema::migrations::Format* format = schema::migrations::format_named(f.format);
    if (format && format->tracking && format->tracking->recorded_keys)
      if (auto it = drizzle_when.find(f.version); it != drizzle_when.end()) e.drizzle_when = it->second;
    m.migrations.push_back(std::move(e));
  }

  std::map<Key, Entry> grouped;
  for (auto& site : scan.requirements) {
    const requirements::Requirement& r = site.requirement;
    // The manifest lists relations and columns; functions, enum labels, INSERT shapes and the
    // fields a SELECT * is scanned into are judged where the schema is built, not by the deploy
    // gate (nor is a model's every-column load, which only running code produces).
    if (r.object == requirements::Object::Function || r.object == requirements::Object::EnumLabel ||
        r.object == requirements::Object::InsertValues || r.object == requirements::Object::ScanDestination ||
        r.object == requirements::Object::EveryColumn)
      continue;
    Entry& e = grouped[key_of(r)];
    if (e.places.empty()) {
      e.object = r.object;
      e.schema = r.schema;
      e.relation = r.relation;
      e.column = r.column;
      e.candidates = r.candidates;
      std::sort(e.candidates.begin(), e.candidates.end());
      if (!site.not_judged.empty()) {
        e.unchecked = site.not_judged;
      } else {
        switch (requirements::presence(r, build.schema)) {
          case requirements::Presence::Present: {
            // The manifest records a line, what the deploy gate can show without the sources.
            schema::Origin origin = origin_of(r, build.schema);
            e.created_by = {origin.file, places.line(origin)};
            break;
          }
          case requirements::Presence::Absent: break;  // no migration creates it: missing unless the database has it
          case requirements::Presence::Unknown: e.unchecked = unchecked_reason(r, build); break;
        }
      }
    }
    e.places.push_back({site.file, site.line, site.column, r.use});
  }
  for (auto& [k, e] : grouped) {
    std::sort(e.places.begin(), e.places.end(), place_less);
    e.places.erase(std::unique(e.places.begin(), e.places.end(), place_equal), e.places.end());
    m.requirements.push_back(std::move(e));
  }
  for (auto& s : scan.sites)
    if (!s.checked) m.unchecked.push_back({s.file, s.line, s.column, s.via, s.reason});
  std::sort(m.unchecked.begin(), m.unchecked.end(), [](const UncheckedSite& a, const UncheckedSite& b) {
    return std::tie(a.file, a.line, a.column, a.reason) < std::tie(b.file, b.line, b.column, b.reason);
  });
  return m;
}

std::string write(const Manifest& m) {
  std::string out = "{\"format\":\"" + std::string(kFormatName) + "\",\"version\":" + std::to_string(kVersion) + ",\n";
  out += "\"generator\":" + json(m.generator).dump() + ",\n";
  json rev = m.commit.empty() ? json(nullptr) : json{{"commit", m.commit}, {"dirty", m.dirty}};
  out += "\"revision\":" + rev.dump() + ",\n";
  out += "\"search_path\":" + json(m.search_path).dump() + ",\n";
  json summary = {{"files", m.summary.files_scanned},
                  {"sql_sites", m.summary.sql_sites},
                  {"checked_sites", m.summary.checked_sites},
                  {"unchecked_sites", m.summary.unchecked_sites},
                  {"requirements", m.requirements.size()}};
  out += "\"summary\":" + summary.dump() + ",\n";
  auto array = [&](const char* name, const std::vector<json>& rows, bool last) {
    out += std::string("\"") + name + "\":[";
    for (size_t i = 0; i < rows.size(); ++i) out += "\n" + rows[i].dump() + (i + 1 < rows.size() ? "," : "");
    out += rows.empty() ? "]" : "\n]";
    out += last ? "\n" : ",\n";
  };
  std::vector<json> rows;
  for (auto& e : m.migrations) {
    json j = {{"path", e.path}, {"version", e.version}, {"name", e.name}, {"format", e.format}, {"sha256", e.sha256}};
    if (e.repeatable) j["repeatable"] = true;
    if (!e.drizzle_when.empty()) j["drizzle_when"] = e.drizzle_when;
    rows.push_back(std::move(j));
  }
  array("migrations", rows, false);
  rows.clear();
  for (auto& e : m.requirements) {
    json j;
    j["schema"] = e.schema;
    j["relation"] = e.relation;
    if (e.object == requirements::Object::Column) j["column"] = e.column;
    if (!e.candidates.empty()) j["candidates"] = e.candidates;
    if (!e.created_by.empty()) j["created_by"] = json::array({e.created_by.file, e.created_by.line});
    if (!e.unchecked.empty()) j["unchecked"] = e.unchecked;
    json places = json::array();
    for (auto& p : e.places) places.push_back(json::array({p.file, p.line, p.column, use_name(p.use)}));
    j["places"] = places;
    rows.push_back(std::move(j));
  }
  array("requirements", rows, false);
  rows.clear();
  for (auto& u : m.unchecked)
    rows.push_back(json{{"file", u.file}, {"line", u.line}, {"column", u.column}, {"via", u.via}, {"reason", u.reason}});
  array("unchecked", rows, true);
  return out + "}\n";
}

bool read(const std::string& text, Manifest* out, std::string* err) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    // The parser's own message names the byte where it stopped.
    try {
      json again = json::parse(text);
      (void)again;
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      auto colon = what.find("parse error");
      *err = "is not valid JSON (" + (colon == std::string::npos ? what : what.substr(colon)) + ")";
      return false;
    }
    *err = "is not valid JSON";
    return false;
  }
  if (!j.is_object() || !j.contains("format") || j["format"] != kFormatName) {
    *err = "is not a schemagate manifest (no \"format\": \"" + std::string(kFormatName) + "\")";
    return false;
  }
  if (!j.contains("version") || !j["version"].is_number_integer()) {
    *err = "has no version";
    return false;
  }
  if (j["version"] != kVersion) {
    *err = "is version " + j["version"].dump() + "; this schemagate reads version " + std::to_string(kVersion) +
           " (write the manifest and verify it with the same schemagate release)";
    return false;
  }
  Reader r{err};
  Manifest m;
  m.generator = r.str(j, "generator", "manifest", false);
  if (const json* rev = r.field(j, "revision", json::value_t::object, "manifest", false)) {
    m.commit = r.str(*rev, "commit", "revision");
    if (const json* d = r.field(*rev, "dirty", json::value_t::boolean, "revision", false)) m.dirty = d->get<bool>();
  }
  if (const json* sp = r.field(j, "search_path", json::value_t::array, "manifest"))
    for (auto& s : *sp) {
      if (!s.is_string()) return r.fail("search_path", "holds a value that is not a string");
      m.search_path.push_back(s.get<std::string>());
    }
  if (const json* s = r.field(j, "summary", json::value_t::object, "manifest", false)) {
    m.summary.files_scanned = r.num(*s, "files", "summary", false);
    m.summary.sql_sites = r.num(*s, "sql_sites", "summary", false);
    m.summary.checked_sites = r.num(*s, "checked_sites", "summary", false);
    m.summary.unchecked_sites = r.num(*s, "unchecked_sites", "summary", false);
  }
  const json* migrations = r.field(j, "migrations", json::value_t::array, "manifest");
  const json* reqs = r.field(j, "requirements", json::value_t::array, "manifest");
  const json* unchecked = r.field(j, "unchecked", json::value_t::array, "manifest", false);
  if (!r.ok) return false;
  for (size_t i = 0; i < migrations->size(); ++i) {
    const json& e = (*migrations)[i];
    std::string where = "migrations[" + std::to_string(i) + "]";
    if (!e.is_object()) return r.fail(where, "is not an object");
    MigrationEntry me;
    me.path = r.str(e, "path", where);
    me.version = r.str(e, "version", where);
    me.name = r.str(e, "name", where, false);
    me.format = r.str(e, "format", where);
    me.sha256 = r.str(e, "sha256", where, false);
    if (const json* rep = r.field(e, "repeatable", json::value_t::boolean, where, false)) me.repeatable = rep->get<bool>();
    me.drizzle_when = r.str(e, "drizzle_when", where, false);
    if (!r.ok) return false;
    m.migrations.push_back(std::move(me));
  }
  for (size_t i = 0; i < reqs->size(); ++i) {
    const json& e = (*reqs)[i];
    std::string where = "requirements[" + std::to_string(i) + "]";
    if (!e.is_object()) return r.fail(where, "is not an object");
    Entry en;
    en.schema = r.str(e, "schema", where);
    en.relation = r.str(e, "relation", where);
    if (e.contains("column")) {
      en.object = requirements::Object::Column;
      en.column = r.str(e, "column", where);
    }
    if (const json* c = r.field(e, "candidates", json::value_t::array, where, false))
      for (auto& q : *c) {
        if (!q.is_string() || q.get<std::string>().find('.') == std::string::npos)
          return r.fail(where, "a candidate is not \"schema.relation\"");
        en.candidates.push_back(q.get<std::string>());
      }
    if (const json* cb = r.field(e, "created_by", json::value_t::array, where, false)) {
      if (cb->size() != 2 || !(*cb)[0].is_string() || !(*cb)[1].is_number_integer())
        return r.fail(where, "\"created_by\" is not [file, line]");
      en.created_by = {(*cb)[0].get<std::string>(), (*cb)[1].get<int>()};
    }
    en.unchecked = r.str(e, "unchecked", where, false);
    if (const json* places = r.field(e, "places", json::value_t::array, where)) {
      for (auto& p : *places) {
        if (!p.is_array() || p.size() != 4 || !p[0].is_string() || !p[1].is_number_integer() ||
            !p[2].is_number_integer() || !p[3].is_string())
          return r.fail(where, "a place is not [file, line, column, use]");
        Place pl{p[0].get<std::string>(), p[1].get<int>(), p[2].get<int>(), requirements::Use::Read};
        std::string use = p[3].get<std::string>();
        if (use == "write") pl.use = requirements::Use::Write;
        else if (use == "insert") pl.use = requirements::Use::Insert;
        else if (use != "read") return r.fail(where, "unknown use \"" + use + "\"");
        en.places.push_back(std::move(pl));
      }
    }
    if (!r.ok) return false;
    if (en.places.empty()) return r.fail(where, "has no places");
    m.requirements.push_back(std::move(en));
  }
  if (unchecked)
    for (size_t i = 0; i < unchecked->size(); ++i) {
      const json& e = (*unchecked)[i];
      std::string where = "unchecked[" + std::to_string(i) + "]";
      if (!e.is_object()) return r.fail(where, "is not an object");
      UncheckedSite u{r.str(e, "file", where), r.num(e, "line", where), r.num(e, "column", where, false),
                      r.str(e, "via", where, false), r.str(e, "reason", where, false)};
      if (!r.ok) return false;
      m.unchecked.push_back(std::move(u));
    }
  *out = std::move(m);
  return true;
}

std::vector<schema::migrations::MigrationFile> migration_files(const Manifest& manifest) {
  std::vector<schema::migrations::MigrationFile> out;
  for (auto& e : manifest.migrations) {
    schema::migrations::MigrationFile f;
    f.path = e.path;
    f.version = e.version;
    f.name = e.name;
    f.format = e.format;
    f.repeatable = e.repeatable;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace schemagate::manifest
