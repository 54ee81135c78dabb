"""Builds the SQL of the account report from the columns a user picks."""


def report_sql(columns, table="accounts"):
    return "SELECT " + ", ".join(columns) + " FROM " + table
