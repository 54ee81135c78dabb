package com.example.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

public class TestLocker {

    void probe(final Connection connection) throws SQLException {
        try (final PreparedStatement stmt = connection.prepareStatement("insert into lock_probe (holder) values (?)")) {
            stmt.setString(1, "test");
            stmt.executeUpdate();
        }
    }
}
