import { Chart } from "../chart";

// The dashboard's charts: queries in the product's own query language, sent to the metrics API
// (an analytics store), not to this application's PostgreSQL.
export function QueueCharts() {
  return (
    <div>
      <Chart query={`SELECT timeBucket() AS t, max(max_running) AS running\nFROM queue_metrics\nGROUP BY t\nORDER BY t`} />
      <Chart query={`SELECT task_identifier, count() AS runs FROM task_runs GROUP BY task_identifier`} />
    </div>
  );
}

// Beside a table this schema has, a missing one is this database's problem.
export const deploymentsPerRun = `SELECT d.status, count(*) FROM deployments d JOIN deployment_runs r ON r.deployment_id = d.id GROUP BY d.status`;

// A near miss of a table this schema has is a typo, not another store's table.
export const recentProjects = `SELECT slug FROM project ORDER BY created_at DESC LIMIT 10`;
