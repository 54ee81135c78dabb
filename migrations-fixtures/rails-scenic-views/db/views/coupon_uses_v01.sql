SELECT coupon, count(*) AS uses
FROM orders
WHERE coupon IS NOT NULL
GROUP BY coupon
