package com.acme.importer;

import org.jdbi.v3.core.Handle;

// Copies users out of the old application's database into the new one.
public class LegacyImport {
    public void run(Handle source, Handle target) {
        var users = source.createQuery("SELECT \"ID\", \"USERNAME\", \"MAIL\" FROM \"LEGACYUSER\" ORDER BY \"ID\"")
            .mapToMap().list();
        for (var u : users) {
            target.createUpdate("INSERT INTO account (email, legacy_id) VALUES (:mail, :id)")
                .bind("mail", u.get("mail")).bind("id", u.get("id")).execute();
        }
    }
}
