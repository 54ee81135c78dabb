SELECT customer_id, sum(total_cents) AS spent
FROM orders
GROUP BY customer_id
