def find(cur, email):
    cur.execute("SELECT id, email, nickname FROM accounts WHERE email = %s", (email,))
    return cur.fetchone()


def by_table(cur, table):
    cur.execute("SELECT count(*) FROM " + table)
    return cur.fetchone()


def notes(cur):
    # a string holding a line end and a quote, escaped in the JSON
    cur.execute("""SELECT id
FROM accounts WHERE email = 'a\"b'""")
