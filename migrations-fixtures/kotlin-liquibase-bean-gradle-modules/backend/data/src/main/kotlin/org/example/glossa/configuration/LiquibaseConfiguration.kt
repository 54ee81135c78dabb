package org.example.glossa.configuration

import liquibase.integration.spring.SpringLiquibase
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import javax.sql.DataSource

@Configuration
class LiquibaseConfiguration {
  @Bean
  fun liquibase(dataSource: DataSource): SpringLiquibase {
    val liquibase = SpringLiquibase()
    liquibase.dataSource = dataSource
    liquibase.changeLog = "classpath:db/changelog/schema.xml"
    return liquibase
  }
}
