-- name: ActiveMonitors :many
SELECT id, name, interval FROM monitor WHERE active ORDER BY name;

-- name: LastBeat :one
SELECT status, time FROM heartbeat WHERE monitor_id = $1 ORDER BY time DESC LIMIT 1;

-- name: MonitorWeights :many
SELECT id, weight FROM monitor ORDER BY weight DESC;
