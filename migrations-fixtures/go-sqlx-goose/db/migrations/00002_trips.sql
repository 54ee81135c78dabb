-- +goose Up
CREATE TABLE trips (
    id           bigserial PRIMARY KEY,
    vehicle_id   bigint NOT NULL REFERENCES vehicles (id),
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    distance_km  numeric(10, 2)
);

-- +goose StatementBegin
CREATE FUNCTION bump_odometer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE vehicles SET odometer_km = odometer_km + COALESCE(NEW.distance_km, 0)::int
    WHERE id = NEW.vehicle_id;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER trips_bump_odometer AFTER UPDATE OF ended_at ON trips
    FOR EACH ROW EXECUTE FUNCTION bump_odometer();

-- +goose Down
DROP TRIGGER trips_bump_odometer ON trips;
DROP FUNCTION bump_odometer();
DROP TABLE trips;
