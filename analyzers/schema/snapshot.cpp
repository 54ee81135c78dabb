#include "analyzers/schema/snapshot.h"

namespace schemagate::schema {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

const char* kind_id(RelationKind k) {
  switch (k) {
    case RelationKind::Table: return "table";
    case RelationKind::PartitionedTable: return "partitioned_table";
    case RelationKind::View: return "view";
    case RelationKind::MaterializedView: return "materialized_view";
    case RelationKind::ForeignTable: return "foreign_table";
    case RelationKind::Sequence: return "sequence";
  }
  return "table";
}

bool kind_from_id(const std::string& s, RelationKind* k) {
  static const std::pair<const char*, RelationKind> kinds[] = {
      {"table", RelationKind::Table}, {"partitioned_table", RelationKind::PartitionedTable},
      {"view", RelationKind::View}, {"materialized_view", RelationKind::MaterializedView},
      {"foreign_table", RelationKind::ForeignTable}, {"sequence", RelationKind::Sequence}};
  for (auto& [id, kind] : kinds)
    if (s == id) { *k = kind; return true; }
  return false;
}

ordered_json origin_json(const Origin& o, const OriginLine& line_at) {
  if (o.empty()) return nullptr;
  return {{"file", o.file}, {"line", line_at ? line_at(o) : o.line}};
}

}  // namespace

ordered_json snapshot_to_json(const Schema& schema, const std::vector<std::string>& search_path,
                              const std::vector<catalog::TrackingTable>* tracking, const std::string& source,
                              const OriginLine& line_at) {
  ordered_json rels = ordered_json::array();
  for (auto& [key, r] : schema.relations()) {
    ordered_json cols = ordered_json::array();
    for (auto& c : r.columns)
      cols.push_back({{"name", c.name}, {"type", c.type}, {"not_null", c.not_null}, {"has_default", c.has_default},
                      {"generated", c.generated}, {"identity", c.identity}, {"origin", origin_json(c.origin, line_at)}});
    for (size_t i = 0; i < r.columns.size(); ++i)
      if (!r.columns[i].enum_type.empty()) cols[i]["enum_type"] = r.columns[i].enum_type;
    rels.push_back({{"schema", r.schema}, {"name", r.name}, {"kind", kind_id(r.kind)},
                    {"columns_complete", r.columns_complete}, {"origin", origin_json(r.origin, line_at)}, {"columns", cols}});
    if (r.keys_complete) {
      ordered_json keys = ordered_json::array();
      for (auto& k : r.unique_keys) keys.push_back({{"name", k.name}, {"columns", k.columns}, {"partial", k.partial}});
      rels.back()["unique_keys"] = keys;
    }
  }
  ordered_json out;
  out["version"] = 1;
  out["source"] = source;
  out["search_path"] = search_path;
  out["schemas"] = schema.schemas();
  out["relations"] = rels;
  // Functions and enums: a snapshot without them (written before they were) leaves calls and
  // labels unchecked when read back.
  ordered_json functions = ordered_json::array();
  for (auto& [key, overloads] : schema.functions)
    for (auto& f : overloads) {
      functions.push_back({{"schema", f.schema}, {"name", f.name}, {"declared", f.declared}, {"min_args", f.min_args},
                           {"max_args", f.max_args}, {"procedure", f.procedure}, {"origin", origin_json(f.origin, line_at)}});
      if (f.arg_names_known) functions.back()["arg_names"] = f.arg_names;
    }
  out["functions"] = functions;
  ordered_json enums = ordered_json::object();
  for (auto& [key, e] : schema.enums) enums[key] = e.labels;
  out["enums"] = enums;
  if (tracking) {
    ordered_json tables = ordered_json::array();
    for (auto& t : *tracking) {
      ordered_json rows = ordered_json::array();
      for (auto& r : t.rows) {
        rows.push_back({{"version", r.version}, {"name", r.name},
                        {"state", r.state == catalog::AppliedState::Applied ? "applied" : "failed"},
                        {"covers_earlier", r.covers_earlier}, {"raw", r.raw}});
        if (!r.checksum.empty()) rows.back()["checksum"] = r.checksum;  // Flyway, Prisma, sqlx
      }
      tables.push_back({{"format", t.format}, {"table", t.table}, {"rows", rows}});
    }
    out["tracking"] = tables;
  }
  return out;
}

bool snapshot_from_json(const std::string& text, catalog::CatalogSnapshot* out, std::string* err) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *err = "is not JSON";
    return false;
  }
  if (j.value("version", 0) != 1) {
    *err = "is not a schemagate snapshot of version 1";
    return false;
  }
  try {
    for (auto& s : j.at("schemas")) out->schema.add_schema(s.get<std::string>());
    for (auto& s : j.at("search_path")) out->search_path.push_back(s.get<std::string>());
    for (auto& rj : j.at("relations")) {
      Relation r;
      r.schema = rj.at("schema").get<std::string>();
      r.name = rj.at("name").get<std::string>();
      if (!kind_from_id(rj.at("kind").get<std::string>(), &r.kind)) {
        *err = "relation " + r.schema + "." + r.name + " has an unknown kind";
        return false;
      }
      r.columns_complete = rj.value("columns_complete", true);
      r.keys_complete = rj.contains("unique_keys");
      if (r.keys_complete)
        for (auto& kj : rj["unique_keys"]) {
          UniqueKey k;
          k.name = kj.value("name", "");
          for (auto& c : kj.at("columns")) k.columns.push_back(c.get<std::string>());
          k.partial = kj.value("partial", false);
          r.unique_keys.push_back(std::move(k));
        }
      if (rj.contains("origin") && rj["origin"].is_object())
        r.origin = {rj["origin"].at("file").get<std::string>(), rj["origin"].at("line").get<int>()};
      for (auto& cj : rj.at("columns")) {
        Column c;
        c.name = cj.at("name").get<std::string>();
        c.type = cj.value("type", "");
        c.not_null = cj.value("not_null", false);
        c.has_default = cj.value("has_default", false);
        c.generated = cj.value("generated", false);
        c.identity = cj.value("identity", false);
        c.enum_type = cj.value("enum_type", "");
        if (cj.contains("origin") && cj["origin"].is_object())
          c.origin = {cj["origin"].at("file").get<std::string>(), cj["origin"].at("line").get<int>()};
        r.columns.push_back(std::move(c));
      }
      out->schema.add(std::move(r));
    }
    out->schema.functions_complete = j.contains("functions");
    if (j.contains("functions"))
      for (auto& fj : j["functions"]) {
        Function f;
        f.schema = fj.at("schema").get<std::string>();
        f.name = fj.at("name").get<std::string>();
        f.declared = fj.value("declared", 0);
        f.min_args = fj.value("min_args", 0);
        f.max_args = fj.value("max_args", -1);
        f.procedure = fj.value("procedure", false);
        if (fj.contains("arg_names") && fj["arg_names"].is_array()) {
          for (auto& n : fj["arg_names"])
            if (n.is_string()) f.arg_names.push_back(n.get<std::string>());
          f.arg_names_known = f.arg_names.size() == fj["arg_names"].size();
        }
        if (fj.contains("origin") && fj["origin"].is_object())
          f.origin = {fj["origin"].at("file").get<std::string>(), fj["origin"].at("line").get<int>()};
        out->schema.functions[f.schema + "." + f.name].push_back(std::move(f));
      }
    if (j.contains("enums"))
      for (auto& [key, labels] : j["enums"].items()) {
        EnumType& e = out->schema.enums[key];
        for (auto& l : labels) {
          e.labels.push_back(l.get<std::string>());
          e.origins.push_back({});
        }
      }
    if (j.contains("tracking")) {
      for (auto& tj : j["tracking"]) {
        catalog::TrackingTable t;
        t.format = tj.at("format").get<std::string>();
        t.table = tj.at("table").get<std::string>();
        for (auto& rj : tj.at("rows")) {
          catalog::AppliedMigration a;
          a.version = rj.at("version").get<std::string>();
          a.name = rj.value("name", "");
          a.state = rj.value("state", "applied") == "failed" ? catalog::AppliedState::Failed : catalog::AppliedState::Applied;
          a.covers_earlier = rj.value("covers_earlier", false);
          a.raw = rj.value("raw", "");
          a.checksum = rj.value("checksum", "");
          t.rows.push_back(std::move(a));
        }
        out->tracking.push_back(std::move(t));
      }
    }
  } catch (const json::exception& e) {
    *err = std::string("does not have the snapshot's fields (") + e.what() + ")";
    return false;
  }
  return true;
}

}  // namespace schemagate::schema
