// The page script: talks to the API, never to the database.
export async function loadOrders(status) {
  const res = await fetch(`/api/orders?status=${encodeURIComponent(status)}`);
  return res.json();
}
