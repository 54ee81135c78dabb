import { sql } from './client';

export type TaskRow = { id: number; title: string; state: 'todo' | 'doing' | 'done' };

const TASK_COLUMNS = 'id, title, state, due_on';
const BY_PROJECT = 'SELECT ' + TASK_COLUMNS + ' FROM tasks WHERE project_id = $1 ORDER BY due_on NULLS LAST';

export async function tasksFor(projectId: number) {
  return sql.unsafe(BY_PROJECT, [projectId]);
}

export async function boardCounts(projectId: number) {
  return sql`
    SELECT state, count(*)::int AS n, sum(estimate_minutes) AS minutes
    FROM tasks
    WHERE project_id = ${projectId}
    GROUP BY state
  `;
}

export async function assigned(email: string) {
  return sql`SELECT id, title FROM tasks WHERE assignee = ${email}`;
}

export async function projectsOwnedBy(email: string) {
  return sql`SELECT id, name FROM projects WHERE owner_email = ${email}`;
}

export async function addLabel(taskId: number, label: string) {
  await sql`
    INSERT INTO labels (task_id, label) VALUES (${taskId}, ${label})
    ON CONFLICT (task_id, label) DO NOTHING
  `;
}

export async function labelled(label: string) {
  return sql`
    SELECT t.id, t.title, p.name AS project
    FROM tasks t
    JOIN labels l ON l.task_id = t.id
    JOIN projects p ON p.id = t.project_id
    WHERE l.label = ${label} AND t.state <> 'done'::task_state
  `;
}

export async function sortTasks(column: string) {
  return sql`SELECT id, title FROM tasks ORDER BY ${sql(column)}`;
}
