from notes.index.search_index import SearchIndex
from notes.repository import note_titles


def test_add_indexes_one_chunk(tmp_path):
    index = SearchIndex(tmp_path / "index.db")
    index.create()
    index.add(1, "hello")
    count_sql = "SELECT count(*) FROM chunks"
    assert index.client.execute(count_sql).fetchone()[0] == 1


def test_titles(db):
    assert note_titles(db) == []
    assert db.execute("SELECT count(*) FROM note_tags").fetchone()[0] == 0
