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
  }
  return "table";
}

bool kind_from_id(const std::string& s, RelationKind* k) {
  static const std::pair<const char*, RelationKind> kinds[] = {
      {"table", RelationKind::Table}, {"partitioned_table", RelationKind::PartitionedTable},
      {"view", RelationKind::View}, {"materialized_view", RelationKind::MaterializedView},
      {"foreign_table", RelationKind::ForeignTable}};
  for (auto& [id, kind] : kinds)
    if (s == id) { *k = kind; return true; }
  return false;
}

ordered_json origin_json(const Origin& o) {
  if (o.empty()) return nullptr;
  return {{"file", o.file}, {"line", o.line}};
}

}  // namespace

ordered_json snapshot_to_json(const Schema& schema, const std::vector<std::string>& search_path,
                              const std::vector<catalog::TrackingTable>* tracking, const std::string& source) {
  ordered_json rels = ordered_json::array();
  for (auto& [key, r] : schema.relations()) {
    ordered_json cols = ordered_json::array();
    for (auto& c : r.columns)
      cols.push_back({{"name", c.name}, {"type", c.type}, {"not_null", c.not_null}, {"has_default", c.has_default},
                      {"generated", c.generated}, {"identity", c.identity}, {"origin", origin_json(c.origin)}});
    rels.push_back({{"schema", r.schema}, {"name", r.name}, {"kind", kind_id(r.kind)},
                    {"columns_complete", r.columns_complete}, {"origin", origin_json(r.origin)}, {"columns", cols}});
  }
  ordered_json out;
  out["version"] = 1;
  out["source"] = source;
  out["search_path"] = search_path;
  out["schemas"] = schema.schemas();
  out["relations"] = rels;
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
        if (cj.contains("origin") && cj["origin"].is_object())
          c.origin = {cj["origin"].at("file").get<std::string>(), cj["origin"].at("line").get<int>()};
        r.columns.push_back(std::move(c));
      }
      out->schema.add(std::move(r));
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
