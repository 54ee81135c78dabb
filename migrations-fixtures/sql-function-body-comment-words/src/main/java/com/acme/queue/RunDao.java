package com.acme.queue;

import org.jdbi.v3.core.Handle;

public class RunDao {
    public void complete(Handle h, java.util.UUID id) {
        h.createUpdate("UPDATE workflow_run SET status = 'DONE', generation = generation + 1 WHERE id = :id")
            .bind("id", id).execute();
    }
}
