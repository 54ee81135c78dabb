import pytest
from django.db import connection

COLUMNS = {"title": "TEXT", "score": "INTEGER"}


@pytest.fixture
def scratch_table():
    table_name = "import_scratch"
    # The column list is built at run time; the table's name is not.
    create_sql = f"""
    CREATE TABLE {table_name} (
        id SERIAL PRIMARY KEY,
        {', '.join(f"{name} {kind}" for name, kind in COLUMNS.items())}
    )
    """
    insert_sql = f"INSERT INTO {table_name} (title, score) VALUES (%s, %s)"
    with connection.cursor() as cursor:
        cursor.execute(create_sql)
        cursor.execute(insert_sql, ("first", 1))
        cursor.execute("INSERT INTO import_rows (import_id) SELECT id FROM imports")
    yield table_name
