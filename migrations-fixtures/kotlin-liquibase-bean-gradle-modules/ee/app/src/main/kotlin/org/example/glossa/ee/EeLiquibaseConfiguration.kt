package org.example.glossa.ee

import liquibase.integration.spring.SpringLiquibase
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import javax.sql.DataSource

@Configuration
class EeLiquibaseConfiguration {
  @Bean("ee-liquibase")
  fun liquibase(dataSource: DataSource): SpringLiquibase {
    val liquibase = SpringLiquibase()
    liquibase.dataSource = dataSource
    liquibase.changeLog = "classpath:db/changelog/ee-schema.xml"
    liquibase.defaultSchema = "ee"
    liquibase.liquibaseSchema = "public"
    return liquibase
  }
}
