"""Front-desk queries (psycopg2)."""
import psycopg2.extras


def upcoming_reminders(conn, days=7):
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            """
            SELECT r.id, r.due_on, r.channel, p.name AS pet, o.phone, o.email
            FROM reminders r
            JOIN pets p ON p.id = r.pet_id
            JOIN owners o ON o.id = p.owner_id
            WHERE r.sent_at IS NULL AND r.due_on <= current_date + %s
            ORDER BY r.due_on
            """,
            (days,),
        )
        return cur.fetchall()


def mark_sent(conn, reminder_id):
    with conn.cursor() as cur:
        cur.execute("UPDATE reminders SET sent = true WHERE id = %s", (reminder_id,))


def legacy_backlog(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM reminders_legacy WHERE NOT sent")
        return cur.fetchone()[0]


def unpaid(conn, owner_email):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT id, amount, visit_on FROM unpaid_invoices WHERE email = %(email)s ORDER BY visit_on",
            {"email": owner_email},
        )
        return cur.fetchall()


def vaccinations_due(conn):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT p.name, max(v.visit_on) AS last_shot FROM pets p "
            "JOIN visits v ON v.pet_id = p.id "
            "WHERE v.kind = 'vaccination'::visit_kind "
            "GROUP BY p.name HAVING max(v.visit_on) < current_date - interval '1 year'"
        )
        return cur.fetchall()
