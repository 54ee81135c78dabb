package org.example.tracker.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

public class DeviceStore {
    private final Connection connection;

    public DeviceStore(Connection connection) {
        this.connection = connection;
    }

    public void rename(long id, String name, String attributes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tk_devices SET name = ?, attributes = ?::jsonb WHERE id = ?")) {
            statement.setString(1, name);
            statement.setString(2, attributes);
            statement.setLong(3, id);
            statement.executeUpdate();
        }
    }

    public int legacyFlags(long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT legacyflags FROM tk_devices WHERE id = ?")) {
            statement.setLong(1, id);
            var rs = statement.executeQuery();
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
