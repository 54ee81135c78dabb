import aiosql
import psycopg

queries = aiosql.from_path("app/sql/users.sql", "psycopg")


def deactivate(conn: psycopg.Connection, user_id: int) -> None:
    queries.deactivate_user(conn, user_id=user_id)
