-- +goose Up
CREATE TABLE movements (
    id            bigserial PRIMARY KEY,
    warehouse_id  int NOT NULL,
    sku           text NOT NULL,
    delta         int NOT NULL,
    reason        text NOT NULL,
    moved_at      timestamptz NOT NULL DEFAULT now()
);

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION movements_apply() RETURNS trigger AS $$
BEGIN
    INSERT INTO stock (warehouse_id, sku, on_hand)
    VALUES (NEW.warehouse_id, NEW.sku, NEW.delta)
    ON CONFLICT (warehouse_id, sku) DO UPDATE SET on_hand = stock.on_hand + EXCLUDED.on_hand, updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER movements_apply AFTER INSERT ON movements FOR EACH ROW EXECUTE FUNCTION movements_apply();

-- +goose Down
DROP TRIGGER movements_apply ON movements;
DROP FUNCTION movements_apply();
DROP TABLE movements;
