// Which Spring modules let Hibernate create their entity tables at start-up (ddl-auto), read
// from their application files: the setting's spellings, placeholders, profiles, modules.
#include <doctest/doctest.h>

#include "analyzers/pipeline/engine_managed.h"
#include "analyzers/source/file_system.h"

using namespace schemagate;

namespace {

std::vector<pipeline::HibernateSchemaModule> read(const std::vector<std::pair<std::string, std::string>>& files) {
  source::MemoryFileSystem fs;
  std::vector<std::string> paths;
  for (auto& [p, text] : files) {
    fs.add("proj/" + p, text);
    paths.push_back(p);
  }
  return pipeline::hibernate_schema_modules(fs, "proj", paths);
}

}  // namespace

TEST_CASE("hibernate ddl-auto: properties, YAML nesting, placeholders and the creating values") {
  auto m = read({{"orders/src/main/resources/application.properties",
                  "spring.application.name=orders\nspring.jpa.hibernate.ddl-auto=${JPA_DDL_AUTO:update}\n"}});
  REQUIRE(m.size() == 1);
  CHECK(m[0].module == "orders/");
  CHECK(m[0].line == 2);
  CHECK(m[0].how == "created at start-up by Hibernate (spring.jpa.hibernate.ddl-auto=update) as configured at");

  m = read({{"src/main/resources/application.yml",
             "spring:\n  jpa:\n    # comment\n    hibernate:\n      ddl-auto: create-drop\n"}});
  REQUIRE(m.size() == 1);
  CHECK(m[0].module == "");
  CHECK(m[0].line == 5);

  m = read({{"application.yaml", "spring:\n  jpa:\n    properties:\n      hibernate.hbm2ddl.auto: \"update\"\n"}});
  CHECK(m.size() == 1);
  m = read({{"application.properties", "jakarta.persistence.schema-generation.database.action=drop-and-create\n"}});
  CHECK(m.size() == 1);
  m = read({{"application.properties", "spring.jpa.hibernate.ddlAuto=update\n"}});
  CHECK(m.size() == 1);

  // What creates nothing, or cannot be told.
  CHECK(read({{"application.yml", "spring:\n  jpa:\n    hibernate:\n      ddl-auto: validate\n"}}).empty());
  CHECK(read({{"application.properties", "spring.jpa.hibernate.ddl-auto=none\n"}}).empty());
  CHECK(read({{"application.properties", "spring.jpa.hibernate.ddl-auto=${JPA_DDL_AUTO}\n"}}).empty());
  CHECK(read({{"application.yml", "spring:\n  flyway:\n    ddl-auto: update\n"}}).empty());  // not Hibernate's key
  CHECK(read({{"application.yml", "other:\n  ddl-auto: update\n"}}).empty());
}

TEST_CASE("hibernate ddl-auto: test and development profiles do not count") {
  CHECK(read({{"src/test/resources/application-test.properties", "spring.jpa.hibernate.ddl-auto=create-drop\n"}}).empty());
  CHECK(read({{"src/main/resources/application-dev.yaml", "spring:\n  jpa:\n    hibernate:\n      ddl-auto: create\n"}}).empty());
  CHECK(read({{"src/main/resources/application.yml",
               "spring:\n  jpa:\n    hibernate:\n      ddl-auto: none\n---\nspring:\n  config:\n    activate:\n"
               "      on-profile: local\n  jpa:\n    hibernate:\n      ddl-auto: update\n"}})
            .empty());
  auto m = read({{"src/main/resources/application-staging.properties", "spring.jpa.hibernate.ddl-auto=update\n"}});
  CHECK(m.size() == 1);
}

TEST_CASE("hibernate ddl-auto: a module is the folder above src/main/resources or config/") {
  auto m = read({{"svc/a/src/main/resources/application.yml", "spring.jpa.hibernate.ddl-auto: update\n"},
                 {"svc/b/config/application.properties", "spring.jpa.hibernate.ddl-auto=update\n"}});
  REQUIRE(m.size() == 2);
  CHECK(m[0].module == "svc/a/");
  CHECK(m[1].module == "svc/b/");
  CHECK(pipeline::hibernate_module_of(m, "svc/a/src/main/java/X.java") == &m[0]);
  CHECK(pipeline::hibernate_module_of(m, "svc/c/src/main/java/X.java") == nullptr);
}
