package org.example.flow.tools.upgrader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class UpgradeDao {
    private final DataSource dataSource;

    public UpgradeDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int countInstances() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("select count(*) from t_fl_workflow_instance");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
