def shelf(cur):
    cur.execute("SELECT id, title, isbn FROM book ORDER BY title")
    return cur.fetchall()
