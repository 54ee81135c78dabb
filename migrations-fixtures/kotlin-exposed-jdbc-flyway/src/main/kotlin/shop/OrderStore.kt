package shop

import org.jetbrains.exposed.sql.transactions.transaction
import org.springframework.jdbc.core.JdbcTemplate

private const val LINE_COLUMNS = "sku, quantity, unit_price_cents"

class OrderStore(private val jdbc: JdbcTemplate) {
    fun recent(limit: Int): List<Map<String, Any>> =
        jdbc.queryForList(
            """
            SELECT id, customer, total_cents
            FROM orders
            WHERE placed_at > now() - interval '7 days'
            ORDER BY placed_at DESC
            LIMIT ?
            """.trimIndent(),
            limit,
        )

    fun lines(orderId: Long) =
        jdbc.query("SELECT $LINE_COLUMNS FROM order_lines WHERE order_id = ?", { rs, _ -> rs.getString(1) }, orderId)

    fun refund(orderId: Long, table: String) = transaction {
        exec("UPDATE orders SET refunded_at = now() WHERE id = $orderId")
        exec("DELETE FROM $table WHERE order_id = $orderId")
    }
}
