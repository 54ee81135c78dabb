package com.acme.app;

import org.jdbi.v3.core.Handle;

public class AccountDao {
    public String email(Handle h, long id) {
        return h.createQuery("SELECT email FROM account WHERE id = :id").bind("id", id).mapTo(String.class).one();
    }
}
