import { RolePicker } from '@/components/ui/select';
import { DataTable } from '@/components/data-table';
import { sql } from '@/lib/db';

type UserRow = { id: number; email: string; team: string | null; last_seen_at: Date | null };

// A server component: it queries the database while it renders. Its text reads like the
// rest of the front end ("Select a role", "Don't ..."), but the query below runs in production.
export default async function UsersPage({ searchParams }: { searchParams: { role?: string } }) {
  const role = searchParams.role ?? 'member';
  const users = await sql<UserRow[]>`
    SELECT u.id, u.email, t.name AS team, u.last_seen_at
    FROM users u LEFT JOIN teams t ON t.id = u.team_id
    WHERE u.role = ${role}
    ORDER BY u.created_at DESC`;
  return (
    <section className="space-y-4">
      <h1>Users</h1>
      <p>Don't share this page: it lists every user's email.</p>
      <RolePicker value={role} onChange={() => {}} />
      <DataTable<UserRow> rows={users} empty={users.length === 0 ? 'No users yet' : undefined} />
    </section>
  );
}
