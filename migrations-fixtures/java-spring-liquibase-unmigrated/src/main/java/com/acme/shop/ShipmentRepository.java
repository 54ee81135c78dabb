package com.acme.shop;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ShipmentRepository {
    private static final String OPEN_BY_EMAIL =
        "SELECT id, customer_email FROM open_orders WHERE customer_email = ?";

    private final JdbcTemplate jdbc;

    public ShipmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> openOrders(String email) {
        return jdbc.queryForList(OPEN_BY_EMAIL, email);
    }

    public void markShipped(long orderId, String trackingNumber, String carrier) {
        jdbc.update("UPDATE orders SET tracking_number = ?, shipped_at = now(), status = 'shipped' WHERE id = ?",
            trackingNumber, orderId);
        jdbc.update("INSERT INTO shipments (order_id, carrier, label_url) VALUES (?, ?, NULL)", orderId, carrier);
    }

    public List<Map<String, Object>> linesToPack(long orderId) {
        return jdbc.queryForList("""
            SELECT l.sku, l.quantity, o.tracking_number
            FROM order_lines l
            JOIN orders o ON o.id = l.order_id
            WHERE l.order_id = ?
            ORDER BY l.line_no
            """, orderId);
    }
}
