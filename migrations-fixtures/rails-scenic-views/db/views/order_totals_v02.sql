SELECT customer_id, count(*) AS orders, sum(total_cents) AS spent
FROM orders
GROUP BY customer_id
