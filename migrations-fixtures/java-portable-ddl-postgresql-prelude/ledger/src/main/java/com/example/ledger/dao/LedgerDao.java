package com.example.ledger.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class LedgerDao {

    public String customerEmail(final Connection connection, final String entryId) throws SQLException {
        try (final PreparedStatement stmt = connection.prepareStatement(
                "select c.email from ledger_entries e join customers c on c.id = e.customer_id where e.id = ?")) {
            stmt.setString(1, entryId);
            try (final ResultSet rs = stmt.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public void settle(final Connection connection, final String entryId) throws SQLException {
        try (final PreparedStatement stmt = connection.prepareStatement(
                "update ledger_entries set settled_date = now() where id = ?")) {
            stmt.setString(1, entryId);
            stmt.executeUpdate();
        }
    }
}
