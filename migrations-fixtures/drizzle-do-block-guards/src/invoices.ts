import { sql } from './client';

export async function openInvoices(customerId: number) {
  return sql`
    SELECT id, status, total_cents
    FROM invoices
    WHERE customer_id = ${customerId} AND status <> 'paid'
  `;
}

export async function customerTimeline(customerId: number) {
  // invoice_events is created inside a DO block: its columns are known all the same.
  return sql`SELECT kind, at FROM invoice_events WHERE customer_id = ${customerId} ORDER BY at`;
}

export async function recordEvent(invoiceId: number, kind: string) {
  await sql`INSERT INTO invoice_events (invoice_id, kind) VALUES (${invoiceId}, ${kind})`;
}

export async function issuedThisMonth() {
  return sql`SELECT id, issued_on FROM invoices WHERE issued_on >= date_trunc('month', now())`;
}

export async function billingContacts() {
  return sql`SELECT c.name, c.billing_email FROM customers c JOIN invoices i ON i.customer_id = c.id`;
}
