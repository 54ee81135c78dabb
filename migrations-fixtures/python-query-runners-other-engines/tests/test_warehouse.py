from unittest.mock import MagicMock

from app.query_runner.warehouse import Warehouse


def test_run_query():
    runner = Warehouse(MagicMock())
    rows, error = runner.run_query("SELECT * FROM sample_rows LIMIT 1", None)
    assert error is None
