"""Invoices: formatting helpers around a few queries."""
from decimal import Decimal

from billing.db import run_query

CURRENCY = "EUR"


def format_amount(cents: int) -> str:
    """Render cents as "12.34 EUR" (select the currency with CURRENCY)."""
    amount = Decimal(cents) / 100
    text = f"{amount:.2f} {CURRENCY}"
    print("formatted", text)
    return text


def invoice_columns():
    return "id, customer_id, amount_cents, due_on"


def log_totals(rows, *, verbose=False):
    total = sum(r[2] for r in rows)  # (amount_cents is the third column
    if verbose:
        print(
            "invoices:", len(rows),
            "total:", format_amount(total),
        )
    return None


class InvoiceReport:
    """Collects invoices for one customer; from the old `def report():` script."""

    def __init__(self, conn, customer_id):
        self.conn = conn
        self.customer_id = customer_id
        self.rows = []

    def load(self):
        self.rows = run_query(
            self.conn,
            f"SELECT {invoice_columns()} FROM invoices WHERE customer_id = %s",
            self.customer_id,
        )

    def overdue(self, today):
        late = [r for r in self.rows if r[3] < today]
        log_totals(late, verbose=True)

    def reissue(self, invoice_id):
        run_query(self.conn, "UPDATE invoices SET issued_on = now(), reissued = true WHERE id = %s", invoice_id)
