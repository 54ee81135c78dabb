def blob_sizes(cur):
    cur.execute("SELECT id, name, size_bytes FROM files.blobs WHERE owner_id = %s", ("x",))
    return cur.fetchall()


def owner_emails(cur):
    cur.execute("SELECT email, verified_at FROM files.owners")
    return cur.fetchall()


def link_tokens(cur):
    cur.execute("SELECT token FROM files.links")
    return cur.fetchall()


def audit_reasons(cur):
    cur.execute("SELECT happened_at, reason FROM files.audit")
    return cur.fetchall()
