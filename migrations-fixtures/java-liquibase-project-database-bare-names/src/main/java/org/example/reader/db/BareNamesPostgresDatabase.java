package org.example.reader.db;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.structure.DatabaseObject;

import org.kohsuke.MetaInfServices;

/**
 * Liquibase quotes mixed-case names on PostgreSQL; the entities use them unquoted, so every name
 * is written bare and folds to lower case.
 */
@MetaInfServices(Database.class)
public class BareNamesPostgresDatabase extends PostgresDatabase {
    @Override
    public String escapeObjectName(String objectName, Class<? extends DatabaseObject> objectType) {
        return objectName;
    }

    @Override
    public int getPriority() {
        return super.getPriority() + 1;
    }
}
