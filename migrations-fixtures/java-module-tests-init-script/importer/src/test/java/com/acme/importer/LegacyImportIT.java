package com.acme.importer;

import org.testcontainers.containers.PostgreSQLContainer;

class LegacyImportIT {
    static final PostgreSQLContainer<?> SOURCE = new PostgreSQLContainer<>("postgres:15")
        .withInitScript("legacy-schema.sql");
}
