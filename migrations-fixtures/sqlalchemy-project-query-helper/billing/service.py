from billing import database
from billing.database import session_query
from billing.models import Invoice, InvoiceLine


def open_invoices():
    return database.session_query(Invoice).filter(Invoice.voided.is_(False)).all()


def lines_of(invoice_id):
    query = session_query(InvoiceLine)
    query = query.filter(InvoiceLine.invoice_id == invoice_id)
    return query.order_by(InvoiceLine.id).all()


def issued_for(tenant):
    return database.tenant_query(Invoice, tenant).filter(Invoice.issued_at.isnot(None)).all()
