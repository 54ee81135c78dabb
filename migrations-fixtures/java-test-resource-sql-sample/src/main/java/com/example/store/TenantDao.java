package com.example.store;

import org.springframework.jdbc.core.JdbcTemplate;

public class TenantDao {
    private final JdbcTemplate jdbc;

    public TenantDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String code(long id) {
        return jdbc.queryForObject("SELECT code FROM app_tenant WHERE id = ?", String.class, id);
    }
}
