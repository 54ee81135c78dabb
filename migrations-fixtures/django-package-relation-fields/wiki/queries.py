from django.db import connection


def child_titles(page_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, title FROM wiki_page WHERE parent_id = %s ORDER BY lft", [page_id])
        return cursor.fetchall()


def pages_edited_by(user_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, title FROM wiki_page WHERE editor_id = %s", [user_id])
        return cursor.fetchall()


def tag_line(page_id):
    # taggit keeps tags in its own tables: the page has no tags column
    with connection.cursor() as cursor:
        cursor.execute("SELECT tags FROM wiki_page WHERE id = %s", [page_id])
        return cursor.fetchone()
