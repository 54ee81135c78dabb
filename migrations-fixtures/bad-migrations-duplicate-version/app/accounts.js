export async function plan(pool, id) {
  const { rows } = await pool.query('SELECT plan, trial_ends_at FROM accounts WHERE id = $1', [id]);
  return rows[0];
}
