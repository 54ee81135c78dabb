-- A MySQL habit: AUTO_INCREMENT is not PostgreSQL.
CREATE TABLE refunds (
    id        bigint AUTO_INCREMENT PRIMARY KEY,
    order_id  bigint NOT NULL
);
