"""The report builder's output, compared as text: nothing here runs on a database."""
from app.report import report_sql


def test_report_sql_lists_the_columns():
    expected = "SELECT id, signup_source FROM accounts"
    assert report_sql(["id", "signup_source"]) == expected


def test_report_sql_other_table():
    assert report_sql(["id"], table="archived_accounts") == "SELECT id FROM archived_accounts"
