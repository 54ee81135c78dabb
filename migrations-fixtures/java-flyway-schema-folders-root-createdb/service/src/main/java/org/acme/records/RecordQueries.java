package org.acme.records;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class RecordQueries {

    private final JdbcTemplate jdbc;

    public RecordQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<UUID> recordsOf(String subjectId) {
        return jdbc.queryForList(
                "SELECT id FROM patient_record WHERE subject_id = ? ORDER BY created_at", UUID.class, subjectId);
    }

    public int countEntries(UUID recordId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM record_entry WHERE record_id = ? AND committed_at IS NOT NULL",
                Integer.class,
                recordId);
    }

    public List<String> archetypes(UUID recordId) {
        return jdbc.queryForList(
                "SELECT archetype FROM record_entry WHERE record_id = ? AND deleted_at IS NULL", String.class, recordId);
    }
}
