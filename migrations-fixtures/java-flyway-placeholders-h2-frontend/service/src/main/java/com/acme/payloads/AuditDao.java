package com.acme.payloads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

public class AuditDao {
    private static final String INSERT_AUDIT =
        "INSERT INTO payload_audit (payload_id, action, actor) VALUES (?, ?, ?)";

    public void record(Connection c, String payloadId, String action, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_AUDIT)) {
            ps.setString(1, payloadId);
            ps.setString(2, action);
            ps.setString(3, actor);
            ps.executeUpdate();
        }
    }
}
