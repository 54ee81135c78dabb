"""A local vector index of note chunks, kept in a SQLite file beside the application."""
import sqlite3

TABLE = "chunks"


class SearchIndex:
    def __init__(self, path, dim=384):
        self.client = sqlite3.connect(path)
        self.dim = dim

    def create(self):
        self._create_table(self.client, self.dim)

    @staticmethod
    def _create_table(conn: sqlite3.Connection, dim: int) -> None:
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS "
            + TABLE
            + " USING vec0(note_id INTEGER, embedding float["
            + str(int(dim))
            + "])"
        )

    def add(self, note_id, embedding):
        self.client.execute("INSERT INTO " + TABLE + " (note_id, embedding) VALUES (?, ?)", (note_id, embedding))
