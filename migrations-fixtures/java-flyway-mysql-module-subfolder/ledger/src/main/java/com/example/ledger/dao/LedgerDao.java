package com.example.ledger.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

public class LedgerDao {
    private final Connection connection;

    public LedgerDao(final Connection connection) {
        this.connection = connection;
    }

    public void addNote(final String id, final String notes) throws SQLException {
        try (PreparedStatement stmt = connection.prepareStatement("update ledger_entries set notes = ? where id = ?")) {
            stmt.setString(1, notes);
            stmt.setString(2, id);
            stmt.executeUpdate();
        }
    }
}
