-- name: customer_for_stripe_id
SELECT id FROM customers WHERE stripe_customer_id = $1;
