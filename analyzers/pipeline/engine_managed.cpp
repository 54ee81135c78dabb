// See engine_managed.h. One row per library: the word its configuration keys start with, the
// leaf key, the values that create the schema, and the table prefixes it owns. Hibernate's own
// schema creation is read apart: its tables are the entities', not a prefix, and its key is read
// whole (YAML nesting joined with dots) because `ddl-auto` alone says nothing about whose it is.
#include "analyzers/pipeline/engine_managed.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include "analyzers/report/locator.h"

namespace schemagate::pipeline {
namespace {

struct Engine {
  const char* name;
  const char* scope;  ///< a word the file must have before the key ("flowable", "quartz")
  const char* key;    ///< the leaf key, as in YAML and at the end of a .properties key
  std::vector<std::string> values;
  std::vector<std::string> prefixes;
};

const std::vector<Engine>& engines() {
  static const std::vector<Engine> table = {
      {"Flowable", "flowable", "database-schema-update", {"true", "create", "create-drop", "drop-create"}, {"act_", "flw_"}},
      {"Activiti", "activiti", "database-schema-update", {"true", "create", "create-drop", "drop-create"}, {"act_"}},
      {"Camunda", "camunda", "schema-update", {"true", "create", "create-drop", "drop-create"}, {"act_"}},
      {"Quartz", "quartz", "initialize-schema", {"always"}, {"qrtz_"}},
      {"Spring Batch", "batch", "initialize-schema", {"always"}, {"batch_"}},
      {"Spring Session", "session", "initialize-schema", {"always"}, {"spring_session"}},
  };
  return table;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool spring_config(const std::string& path) {
  std::string name = lower(path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1));
  return name.rfind("application", 0) == 0 &&
         (name.ends_with(".yml") || name.ends_with(".yaml") || name.ends_with(".properties"));
}

/// The settings that make Hibernate create the schema, as a key ends once '-' and '_' are
/// dropped and the key is lower case (Spring's relaxed binding: ddl-auto, ddl_auto, ddlAuto),
/// with the values that create.
struct SchemaSetting {
  const char* key_end;
  std::vector<std::string> values;
};
const std::vector<SchemaSetting>& schema_settings() {
  static const std::vector<SchemaSetting> table = {
      {"spring.jpa.hibernate.ddlauto", {"update", "create", "create-drop", "create-only"}},
      {"hibernate.hbm2ddl.auto", {"update", "create", "create-drop", "create-only"}},
      {"persistence.schemageneration.database.action", {"create", "drop-and-create"}},
  };
  return table;
}

std::string trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
  return std::string(v);
}

/// A configuration value as Spring reads it: unquoted, a trailing comment dropped, a
/// `${NAME:default}` placeholder taken by its default ("" when it has none).
std::string setting_value(std::string_view v, bool yaml) {
  std::string s = trim(v);
  if (yaml && s.find(" #") != std::string::npos) s = trim(s.substr(0, s.find(" #")));
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  if (s.starts_with("${") && s.ends_with("}")) {
    size_t colon = s.find(':');
    s = colon == std::string::npos ? "" : trim(s.substr(colon + 1, s.size() - colon - 2));
  }
  return lower(s);
}

/// A profile developers and tests run, never production: its settings (`ddl-auto: create` in
/// application-dev.yml) say nothing about the deployed service.
bool development_profile(std::string_view profile) {
  static const std::vector<std::string_view> names = {"dev", "development", "local", "test", "tests", "h2",
                                                      "e2e", "it", "ci", "embedded", "testcontainers"};
  for (std::string_view n : names)
    if (profile == n) return true;
  return false;
}

/// The profile of application-PROFILE.yml, "" for application.yml.
std::string profile_of(const std::string& path) {
  std::string name = lower(path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1));
  size_t dash = name.find('-'), dot = name.rfind('.');
  return dash == std::string::npos || dot == std::string::npos || dash > dot ? "" : name.substr(dash + 1, dot - dash - 1);
}

/// The module a Spring configuration file configures: the folder above `src/main/resources/`,
/// the folder above a `config/` folder, or its own folder; "" for the project's root. Null for a
/// test's configuration.
std::optional<std::string> module_of_config(const std::string& path) {
  std::string p = "/" + path;
  if (p.find("/src/test/") != std::string::npos || p.find("/src/it/") != std::string::npos ||
      p.find("/src/integrationTest/") != std::string::npos || p.find("/test/resources/") != std::string::npos)
    return std::nullopt;
  size_t res = p.find("/src/main/resources/");
  if (res != std::string::npos) return p.substr(1, res);
  size_t slash = p.rfind('/');
  std::string dir = p.substr(1, slash);  // "" or "a/b/"
  if (dir == "config/" || dir.ends_with("/config/")) dir = dir.substr(0, dir.size() - 7);
  return dir;
}

/// The tables Keycloak's JPA store creates (its Liquibase changelog), lower case, sorted.
const std::vector<std::string>& keycloak_tables() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v = {
        "admin_event_entity", "associated_policy", "authentication_execution", "authentication_flow",
        "authenticator_config", "authenticator_config_entry", "broker_link", "client", "client_attributes",
        "client_auth_flow_bindings", "client_initial_access", "client_node_registrations", "client_scope",
        "client_scope_attributes", "client_scope_client", "client_scope_role_mapping", "component", "component_config",
        "composite_role", "credential", "default_client_scope", "event_entity", "fed_user_attribute", "fed_user_consent",
        "fed_user_consent_cl_scope", "fed_user_credential", "fed_user_group_membership", "fed_user_required_action",
        "fed_user_role_mapping", "federated_identity", "federated_user", "group_attribute", "group_role_mapping",
        "identity_provider", "identity_provider_config", "identity_provider_mapper", "idp_mapper_config",
        "keycloak_group", "keycloak_role", "migration_model", "offline_client_session", "offline_user_session", "org",
        "org_domain", "policy_config", "protocol_mapper", "protocol_mapper_config", "realm", "realm_attribute",
        "realm_default_groups", "realm_enabled_event_types", "realm_events_listeners", "realm_localizations",
        "realm_required_credential", "realm_smtp_config", "realm_supported_locales", "redirect_uris",
        "required_action_config", "required_action_provider", "resource_attribute", "resource_policy",
        "resource_scope", "resource_server", "resource_server_perm_ticket", "resource_server_policy",
        "resource_server_resource", "resource_server_scope", "resource_uris", "revoked_token", "role_attribute",
        "scope_mapping", "scope_policy", "server_config", "user_attribute", "user_consent", "user_consent_client_scope",
        "user_entity", "user_federation_config", "user_federation_mapper", "user_federation_mapper_config",
        "user_federation_provider", "user_group_membership", "user_required_action", "user_role_mapping",
        "username_login_failure", "web_origins"};
    std::sort(v.begin(), v.end());
    return v;
  }();
  return names;
}

/// A file that deploys the application's services (a compose file, a Kubernetes manifest or
/// Helm template, an .env, a Dockerfile), outside test folders.
bool deployment_file(const std::string& path) {
  std::string p = "/" + lower(path);
  if (p.find("/test/") != std::string::npos || p.find("/tests/") != std::string::npos) return false;
  std::string name = p.substr(p.rfind('/') + 1);
  return name.ends_with(".yml") || name.ends_with(".yaml") || name == ".env" || name.ends_with(".env") ||
         name == "dockerfile" || name.starts_with("dockerfile.");
}

/// A JPA persistence unit's file (`META-INF/persistence.xml`), outside test folders.
bool persistence_xml(const std::string& path) {
  return path == "META-INF/persistence.xml" || path.ends_with("/META-INF/persistence.xml");
}

/// The persistence unit's properties that make its provider create the entity tables when the
/// application is deployed, with the values that create. EclipseLink writes them to the
/// database unless its output mode is only a script.
const std::vector<std::pair<std::string_view, std::vector<std::string>>>& persistence_settings() {
  static const std::vector<std::pair<std::string_view, std::vector<std::string>>> table = {
      {"eclipselink.ddl-generation", {"create-tables", "create-or-extend-tables", "drop-and-create-tables"}},
      {"hibernate.hbm2ddl.auto", {"update", "create", "create-drop", "create-only"}},
      {"javax.persistence.schema-generation.database.action", {"create", "drop-and-create"}},
      {"jakarta.persistence.schema-generation.database.action", {"create", "drop-and-create"}},
  };
  return table;
}

/// The first `<property name="..." value="..."/>` of a persistence.xml that creates the schema,
/// as the module entry it makes; null when none does.
std::optional<HibernateSchemaModule> persistence_unit_schema(const std::string& path, const std::string& text) {
  std::optional<HibernateSchemaModule> found;
  bool script_only = false;
  auto attribute = [](std::string_view tag, std::string_view name) -> std::optional<std::string> {
    for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
      if (at == 0 || !std::isspace(static_cast<unsigned char>(tag[at - 1]))) continue;
      size_t k = tag.find_first_not_of(" \t\r\n", at + name.size());
      if (k == std::string_view::npos || tag[k] != '=') continue;
      k = tag.find_first_not_of(" \t\r\n", k + 1);
      if (k == std::string_view::npos || (tag[k] != '"' && tag[k] != '\'')) continue;
      size_t end = tag.find(tag[k], k + 1);
      if (end == std::string_view::npos) return std::nullopt;
      return std::string(tag.substr(k + 1, end - k - 1));
    }
    return std::nullopt;
  };
  for (size_t at = text.find("<property"); at != std::string::npos; at = text.find("<property", at + 1)) {
    size_t end = text.find('>', at);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(text).substr(at, end - at);
    std::optional<std::string> name = attribute(tag, "name"), value = attribute(tag, "value");
    if (!name || !value) continue;
    std::string v = lower(trim(*value));
    if (*name == "eclipselink.ddl-generation.output-mode" && v == "sql-script") script_only = true;
    for (auto& [key, values] : persistence_settings()) {
      if (found || *name != key || std::find(values.begin(), values.end(), v) == values.end()) continue;
      std::string module = *module_of_config(path);
      if (module.ends_with("META-INF/")) module = module.substr(0, module.size() - 9);
      found = HibernateSchemaModule{module, path, report::line_in(text, at),
                                    std::string("created at start-up by ") +
                                        (key.starts_with("eclipselink") ? "EclipseLink (" : "JPA (") + *name + "=" + v +
                                        ") as configured at"};
    }
  }
  if (script_only) return std::nullopt;
  return found;
}

}  // namespace

std::vector<HibernateSchemaModule> hibernate_schema_modules(const source::FileSystem& fs, const std::string& root,
                                                            const std::vector<std::string>& files) {
  std::vector<HibernateSchemaModule> out;
  for (const std::string& f : files) {
    if (persistence_xml(f) && module_of_config(f)) {
      std::string text, err;
      if (!fs.read(source::join_path(root, f), &text, &err)) continue;
      std::optional<HibernateSchemaModule> unit = persistence_unit_schema(f, text);
      bool known = false;
      for (auto& m : out) known = known || (unit && m.module == unit->module);
      if (unit && !known) out.push_back(std::move(*unit));
      continue;
    }
    if (!spring_config(f)) continue;
    std::optional<std::string> module = module_of_config(f);
    if (!module || development_profile(profile_of(f))) continue;
    bool known = false;
    for (auto& m : out) known = known || m.module == *module;
    if (known) continue;
    std::string text, err;
    if (!fs.read(source::join_path(root, f), &text, &err)) continue;
    bool yaml = !f.ends_with(".properties");
    std::vector<std::pair<size_t, std::string>> path;  // YAML: (indent, key) of the enclosing blocks
    std::string document_profile;                        // YAML: the profile the current document is for
    int line_no = 0;
    size_t at = 0;
    while (at < text.size()) {
      size_t nl = text.find('\n', at);
      std::string_view line = std::string_view(text).substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      at = nl == std::string::npos ? text.size() : nl + 1;
      ++line_no;
      size_t indent = line.find_first_not_of(" \t");
      if (indent == std::string_view::npos || line[indent] == '#' || line[indent] == '!') continue;
      if (yaml && line.substr(indent).starts_with("---")) {
        path.clear();
        document_profile.clear();
        continue;
      }
      size_t sep = yaml ? line.find(':', indent) : line.find_first_of("=:", indent);
      if (sep == std::string_view::npos) continue;
      std::string key = trim(line.substr(indent, sep - indent));
      std::string value = setting_value(line.substr(sep + 1), yaml);
      if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
        key = key.substr(1, key.size() - 2);
      if (key.size() >= 2 && key.front() == '[' && key.back() == ']') key = key.substr(1, key.size() - 2);
      if (yaml) {
        while (!path.empty() && path.back().first >= indent) path.pop_back();
        std::string full;
        for (auto& [i, k] : path) full += k + ".";
        full += key;
        if (value.empty()) {
          path.push_back({indent, key});
          continue;
        }
        key = full;
        // A document of a multi-document YAML file that belongs to a profile.
        if (lower(key) == "spring.config.activate.on-profile" || lower(key) == "spring.profiles") document_profile = value;
        if (development_profile(document_profile)) continue;
      }
      std::string normal;
      for (char c : lower(key))
        if (c != '-' && c != '_') normal.push_back(c);
      for (const SchemaSetting& s : schema_settings()) {
        if (!normal.ends_with(s.key_end) ||
            (normal.size() > std::string_view(s.key_end).size() &&
             normal[normal.size() - std::string_view(s.key_end).size() - 1] != '.'))
          continue;
        if (std::find(s.values.begin(), s.values.end(), value) == s.values.end()) continue;
        out.push_back({*module, f, line_no,
                       "created at start-up by Hibernate (" + key + "=" + value +
                           ") as configured at"});
        break;
      }
      if (!out.empty() && out.back().file == f) break;
    }
  }
  return out;
}

const HibernateSchemaModule* hibernate_module_of(const std::vector<HibernateSchemaModule>& modules, const std::string& path) {
  const HibernateSchemaModule* best = nullptr;
  for (const HibernateSchemaModule& m : modules)
    if (path.starts_with(m.module) && (!best || m.module.size() > best->module.size())) best = &m;
  return best;
}

std::vector<EngineManagedTables> engine_managed_tables(const source::FileSystem& fs, const std::string& root,
                                                       const std::vector<std::string>& files) {
  std::vector<EngineManagedTables> out;
  for (const std::string& f : files) {
    if (!spring_config(f)) continue;
    std::string text, err;
    if (!fs.read(source::join_path(root, f), &text, &err)) continue;
    std::string low = lower(text);
    for (const Engine& e : engines()) {
      size_t scope = low.find(e.scope);
      for (size_t at = low.find(e.key); at != std::string::npos; at = low.find(e.key, at + 1)) {
        if (scope == std::string::npos || scope > at) break;
        size_t k = at + std::string_view(e.key).size();
        while (k < low.size() && (low[k] == ' ' || low[k] == '\t')) ++k;
        if (k >= low.size() || (low[k] != ':' && low[k] != '=')) continue;
        ++k;
        while (k < low.size() && (low[k] == ' ' || low[k] == '\t' || low[k] == '"' || low[k] == '\'')) ++k;
        size_t end = low.find_first_of(" \t\r\n#\"'", k);
        std::string value = low.substr(k, end == std::string::npos ? std::string::npos : end - k);
        if (std::find(e.values.begin(), e.values.end(), value) == e.values.end()) continue;
        // The key belongs to the engine: its line (a .properties key) or a line above it in
        // the same YAML block names the engine's scope.
        size_t line_start = low.rfind('\n', at);
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        bool scoped = low.substr(line_start, at - line_start).find(e.scope) != std::string::npos ||
                      (low.substr(line_start, at - line_start).find_first_not_of(" \t") != 0 &&
                       low.rfind(std::string(e.scope), at) != std::string::npos);
        if (!scoped) continue;
        int line = report::line_in(text, at);
        out.push_back({e.prefixes, f, line,
                       std::string("created at run time by ") + e.name + " (" + e.key + ": " + value + ") as configured at"});
        break;
      }
    }
  }
  // Keycloak's tables, where a deployment file of the project (a compose file, a Kubernetes
  // manifest, an .env) gives Keycloak a database (KC_DB_URL, KC_DB_URL_HOST, KC_DB_URL_DATABASE,
  // KC_DB_SCHEMA): Keycloak creates them when it starts, in the database the code may share.
  for (const std::string& f : files) {
    if (!deployment_file(f)) continue;
    std::string text, err;
    if (!fs.read(source::join_path(root, f), &text, &err)) continue;
    size_t at = text.find("KC_DB_");
    while (at != std::string::npos && !(text.compare(at, 10, "KC_DB_URL_") == 0 || text.compare(at, 10, "KC_DB_URL:") == 0 ||
                                        text.compare(at, 10, "KC_DB_URL=") == 0 || text.compare(at, 12, "KC_DB_SCHEMA") == 0))
      at = text.find("KC_DB_", at + 1);
    if (at == std::string::npos) continue;
    EngineManagedTables k;
    k.tables = &keycloak_tables();
    k.file = f;
    k.line = report::line_in(text, at);
    k.how = "created at run time by Keycloak, whose database is configured at";
    out.push_back(std::move(k));
    break;
  }
  return out;
}

const EngineManagedTables* managed_by_engine(const std::vector<EngineManagedTables>& engines, const std::string& relation) {
  std::string name = lower(relation.substr(relation.find('.') == std::string::npos ? 0 : relation.find('.') + 1));
  for (const EngineManagedTables& e : engines) {
    for (const std::string& p : e.prefixes)
      if (name.rfind(p, 0) == 0) return &e;
    if (e.tables && std::binary_search(e.tables->begin(), e.tables->end(), name)) return &e;
  }
  return nullptr;
}

}  // namespace schemagate::pipeline
