package com.acme.ledger;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {
    private final JdbcTemplate jdbc;

    public AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> byRegion(String region) {
        return jdbc.queryForList("SELECT id, owner_email, balance_cents FROM accounts WHERE region = ?", region);
    }

    public void open(String email, String region) {
        jdbc.update("INSERT INTO accounts (owner_email, region) VALUES (?, ?)", email, region);
    }

    public List<Map<String, Object>> entries(long accountId) {
        return jdbc.queryForList(
            "SELECT e.amount_cents, a.region FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.id = ?",
            accountId);
    }
}
