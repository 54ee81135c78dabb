package no.acme.sak

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate
import org.springframework.stereotype.Repository

@Repository
class FagsakRepository(private val jdbc: NamedParameterJdbcTemplate) {
    fun eksternId(id: java.util.UUID): Long? =
        jdbc.queryForObject(
            "SELECT ekstern_id FROM fagsak WHERE id = :id",
            mapOf("id" to id),
            Long::class.java,
        )

    // Only where V3 ran (not in prod): unchecked, not missing.
    fun testFlag(id: java.util.UUID): Boolean? =
        jdbc.queryForObject("SELECT test_flag FROM fagsak WHERE id = :id", mapOf("id" to id), Boolean::class.java)
}
