package app

import kotliquery.Session
import kotliquery.queryOf

private const val WIDGET_COLUMNS = "w.id, w.label, w.colour"

class WidgetRepo(private val session: Session) {
    fun search(minSize: Int): List<Long> {
        val selectPart = "SELECT $WIDGET_COLUMNS"
        val fromPart = "FROM widget w JOIN owner o ON o.id = w.owner_id WHERE w.size > ?"
        val query = "$selectPart $fromPart"
        return session.run(queryOf(query, minSize).map { it.long("id") }.asList)
    }

    fun byOwner(ownerId: Long, orderBy: String): List<Long> {
        val query =
            """
            SELECT w.id FROM widget w
            WHERE w.owner_id = ?
            ORDER BY ${orderBy}
            """.trimIndent()
        return session.run(queryOf(query, ownerId).map { it.long("id") }.asList)
    }
}
