from sqlalchemy import text


def preview_number(session):
    # The function's one parameter has a default: a call without arguments resolves.
    return session.execute(text("SELECT next_invoice_number()")).scalar()


def totals(session):
    return session.execute(text("SELECT invoice_count, total_cents FROM invoice_totals")).one()


def similar(session, needle):
    return session.execute(text("SELECT similarity(CAST(number AS text), :n) FROM invoices"), {"n": needle}).all()


def credit_count(session):
    return session.execute(text("SELECT count(*) FROM credit_notes WHERE id IN (SELECT id FROM refunds)")).scalar()


def draft_number(session):
    return session.execute(text("SELECT next_draft_number()")).scalar()
