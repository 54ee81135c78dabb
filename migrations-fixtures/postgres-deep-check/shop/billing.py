"""Billing queries: every statement here is right for the schema the migrations build."""


def sign_up(cur, email):
    cur.execute("INSERT INTO accounts (email) VALUES (%s) ON CONFLICT (email) DO NOTHING", (email,))


def account_orders(cur, account_id):
    cur.execute(
        "SELECT orders.id, email, total FROM accounts JOIN orders ON orders.account_id = accounts.id "
        "WHERE accounts.id = %s",
        (account_id,),
    )
    return cur.fetchall()


def balance(cur, account_id):
    cur.execute("SELECT order_total(%s)", (account_id,))
    return cur.fetchone()[0]


def backdate(cur, order_id, when):
    cur.execute("UPDATE orders SET created_at = %s WHERE id = %s", (when, order_id))


def refund(cur, order_id):
    cur.execute("UPDATE orders SET status = 'refunded' WHERE id = %s", (order_id,))


def next_invoice(cur):
    cur.execute("SELECT nextval('invoice_numbers')")
    return cur.fetchone()[0]


def label(cur, account_id):
    cur.execute("SELECT account_label(%s, 'acct-')", (account_id,))
    return cur.fetchone()[0]
