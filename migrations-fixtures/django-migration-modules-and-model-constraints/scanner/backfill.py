from django.db import connection

LINK = """
    INSERT INTO scanner_findingreference (finding_id, vulnerability_id, position)
    SELECT f.id, v.id, 0 FROM scanner_finding f JOIN scanner_vulnerability v ON v.code = f.title
    ON CONFLICT (finding_id, vulnerability_id) DO NOTHING
"""

SEVERITY = "SELECT id, severity FROM scanner_finding"


def backfill():
    with connection.cursor() as cursor:
        cursor.execute(LINK)
        cursor.execute(SEVERITY)
