package com.acme.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceRepository {
    private static final String INVOICE_COLUMNS = "i.id, i.customer_id, i.amount_cents, i.status";

    private static final String OPEN_INVOICES = """
        SELECT %s
        FROM invoices i
        WHERE i.status = 'open' AND i.due_at < now()
        """;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public InvoiceRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public List<Map<String, Object>> overdue() {
        return jdbc.queryForList(OPEN_INVOICES.formatted(INVOICE_COLUMNS));
    }

    public int markPaid(long id) {
        return jdbc.update("UPDATE invoices SET status = 'paid' WHERE id = ?", id);
    }

    public List<Map<String, Object>> byCustomer(String email) {
        return named.queryForList(
            "SELECT " + INVOICE_COLUMNS + " FROM invoices i JOIN customers c ON c.id = i.customer_id"
                + " WHERE c.email = :email",
            Map.of("email", email));
    }

    public void recordPayment(Connection conn, long invoiceId, long cents) throws Exception {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO payments (invoice_id, paid_cents, provider, provider_ref) VALUES (?, ?, 'stripe', ?)")) {
            ps.setLong(1, invoiceId);
            ps.setLong(2, cents);
            ps.executeUpdate();
        }
    }
}
