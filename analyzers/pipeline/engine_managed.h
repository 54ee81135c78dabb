// Tables a library creates when the application starts, because its configuration says so:
// a workflow engine's ACT_* tables (Flowable `database-schema-update: true`, Camunda
// `camunda.bpm.database.schema-update`), Quartz's QRTZ_*, Spring Batch's BATCH_* and Spring
// Session's SPRING_SESSION* when `spring.*.jdbc.initialize-schema: always`. No migration of the
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
};

/// The engines whose schema creation the project's Spring configuration files (application*.yml,
/// .yaml, .properties among `files`, root-relative) turn on.
std::vector<EngineManagedTables> engine_managed_tables(const source::FileSystem& fs, const std::string& root,
                                                       const std::vector<std::string>& files);

/// The entry whose prefix starts `relation` (lower case, unqualified), or null.
const EngineManagedTables* managed_by_engine(const std::vector<EngineManagedTables>& engines, const std::string& relation);

}  // namespace schemagate::pipeline
