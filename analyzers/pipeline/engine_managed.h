// Tables a library creates when the application starts, because its configuration says so:
// a workflow engine's ACT_* tables (Flowable `database-schema-update: true`, Camunda
// `camunda.bpm.database.schema-update`), Quartz's QRTZ_*, Spring Batch's BATCH_* and Spring
// Session's SPRING_SESSION* when `spring.*.jdbc.initialize-schema: always`; and Keycloak's REALM,
// USER_ENTITY, ... where the project's deployment points Keycloak at its database
// (`KC_DB_URL_DATABASE`), as OpenRemote's reads realms from public.realm. No migration of the
// project creates them, so a query of one is unchecked (the library's version decides its
// columns), never a missing relation.
#pragma once
#include <string>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::pipeline {

struct EngineManagedTables {
  std::vector<std::string> prefixes;  ///< lower case: "act_", "flw_"
  std::string file;                   ///< the configuration that turns the creation on
  int line = 0;
  std::string how;  ///< "created at run time by Flowable (database-schema-update) as configured at"
  const std::vector<std::string>* tables = nullptr;  ///< whole names, lower case, sorted: Keycloak's
};

/// The engines whose schema creation the project's Spring configuration files (application*.yml,
/// .yaml, .properties among `files`, root-relative) turn on.
std::vector<EngineManagedTables> engine_managed_tables(const source::FileSystem& fs, const std::string& root,
                                                       const std::vector<std::string>& files);

/// The entry whose prefix starts `relation` ("schema.name" or a name), or that names it whole, or null.
const EngineManagedTables* managed_by_engine(const std::vector<EngineManagedTables>& engines, const std::string& relation);

/// A Spring module whose configuration tells Hibernate to build the schema from its entities at
/// start-up (`spring.jpa.hibernate.ddl-auto`, `hibernate.hbm2ddl.auto`: update, create,
/// create-drop, create-only; `javax|jakarta.persistence.schema-generation.database.action`:
/// create, drop-and-create). Hibernate then creates every entity table that does not exist and,
/// with update, adds every entity column a table lacks: an entity of the module needs no
/// migration for them. `validate` and `none` create nothing.
struct HibernateSchemaModule {
  std::string module;  ///< root-relative directory prefix with a trailing '/', "" for the whole project
  std::string file;    ///< the configuration file that says so
  int line = 0;
  std::string how;     ///< "created at start-up by Hibernate (spring.jpa.hibernate.ddl-auto=update) as configured at"
};

/// The modules whose Spring configuration files (application*.yml, .yaml, .properties among
/// `files`, outside test folders) turn Hibernate's schema creation on; one entry per module
/// (the first file and line that does). The module of `auth/src/main/resources/application.yml`
/// is `auth/`; of `config/application.yml`, the project. A value from a placeholder counts by
/// its default (`${JPA_DDL_AUTO:update}` is update); one without a default counts as unset. A
/// development or test profile's file or YAML document (application-dev.yml, `on-profile: local`)
/// does not count: `ddl-auto: create` there says nothing about the deployed service.
std::vector<HibernateSchemaModule> hibernate_schema_modules(const source::FileSystem& fs, const std::string& root,
                                                            const std::vector<std::string>& files);

/// The module `path` (root-relative) belongs to, the innermost one, or null.
const HibernateSchemaModule* hibernate_module_of(const std::vector<HibernateSchemaModule>& modules, const std::string& path);

}  // namespace schemagate::pipeline
