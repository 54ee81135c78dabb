package com.acme.ops;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

// Table names filled in by String.format / .formatted inside quoted identifiers: only known at run time.
public class Maintenance {
    private static final List<String> TABLES = List.of("JOB");

    public void resetSequences(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            for (String t : TABLES) {
                h.execute("""
                    SELECT setval(pg_get_serial_sequence('"%1$s"', 'ID'),
                                  COALESCE((SELECT MAX("ID") FROM "%1$s"), 1), true)
                    """.formatted(t));
                h.execute("ANALYZE \"%s\"".formatted(t));
                h.execute(String.format("VACUUM \"%s\"", t));
            }
            h.execute("SELECT \"NAME\" FROM \"JOB\" WHERE \"ID\" = 1");
        });
    }
}
