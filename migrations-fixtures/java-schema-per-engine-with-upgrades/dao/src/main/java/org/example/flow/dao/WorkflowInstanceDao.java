package org.example.flow.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

public class WorkflowInstanceDao {
    private final Connection connection;

    public WorkflowInstanceDao(Connection connection) {
        this.connection = connection;
    }

    public List<Integer> runningInstances(long workflowDefinitionCode) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "select id from t_fl_workflow_instance where workflow_definition_code = ? and state = 1")) {
            ps.setLong(1, workflowDefinitionCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    public List<Integer> byTriggerCode(long triggerCode) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "select a.id from t_fl_workflow_instance a join t_fl_trigger_relation b on a.id = b.job_id where b.trigger_code = ?")) {
            ps.setLong(1, triggerCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    public void heartbeat(String key, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "update t_fl_jdbc_registry_data set data_value = ?, last_update_time = now() where data_key = ?")) {
            ps.setString(1, value);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }
}
