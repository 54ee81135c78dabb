package org.example.flow.tools.upgrader.v110;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

public class V110FlowUpgrader {
    private final DataSource dataSource;

    public V110FlowUpgrader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // Runs before the 1.1.0 DDL renames the process tables.
    public void fillTaskInstanceNames() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "update t_fl_task_instance t set process_instance_name = p.name from t_fl_process_instance p where t.process_instance_id = p.id")) {
            ps.executeUpdate();
        }
    }
}
