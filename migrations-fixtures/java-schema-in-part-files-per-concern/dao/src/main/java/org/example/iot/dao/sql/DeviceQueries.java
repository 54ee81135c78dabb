package org.example.iot.dao.sql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class DeviceQueries {

    private final JdbcTemplate jdbcTemplate;

    public DeviceQueries(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<Map<String, Object>> latest(UUID tenantId) {
        return jdbcTemplate.queryForList(
                "SELECT d.name, d.type, t.title, k.ts, k.long_v FROM device d " +
                        "JOIN tenant t ON t.id = d.tenant_id " +
                        "JOIN ts_kv k ON k.entity_id = d.id " +
                        "JOIN ts_kv_dictionary dict ON dict.key_id = k.key " +
                        "WHERE d.tenant_id = ? AND dict.key = 'temperature'", tenantId);
    }

    public List<Map<String, Object>> byFirmware(UUID tenantId, String version) {
        return jdbcTemplate.queryForList(
                "SELECT id, name FROM device WHERE tenant_id = ? AND firmware_version = ?", tenantId, version);
    }
}
