package org.example.iot.dao.sql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AttributeKvInsertRepository {

    private static final String INSERT_OR_UPDATE =
            "INSERT INTO attribute_kv (entity_id, attribute_key, str_v, long_v, last_update_ts, version) " +
                    "VALUES (?, ?, ?, ?, ?, nextval('attribute_kv_version_seq')) " +
                    "ON CONFLICT (entity_id, attribute_key) " +
                    "DO UPDATE SET str_v = ?, long_v = ?, last_update_ts = ?, version = nextval('attribute_kv_version_seq') RETURNING version";

    private final JdbcTemplate jdbcTemplate;

    public AttributeKvInsertRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public Long save(Object[] args) {
        return jdbcTemplate.queryForObject(INSERT_OR_UPDATE, Long.class, args);
    }
}
