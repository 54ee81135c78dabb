def shelf_titles(cur, shelf_id):
    cur.execute("SELECT title FROM books WHERE shelf_id=%d ORDER BY title" % shelf_id)
    return cur.fetchall()
