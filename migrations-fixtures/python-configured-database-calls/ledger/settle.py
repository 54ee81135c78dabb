def prepare(cursor):
    # The temporary table lives for this transaction only: no migration creates it.
    cursor.run("""
        -- work table for the nightly settlement
        CREATE TEMPORARY TABLE settle_balances ON COMMIT DROP AS
            SELECT id, balance FROM accounts;
    """)


def settle(cursor, account_id):
    cursor.run("UPDATE settle_balances SET balance = 0 WHERE id = %s", (account_id,))
    # "owner_name" is not a column of accounts: reported now that one() is a database call.
    return cursor.one("SELECT owner_name FROM accounts WHERE id = %(id)s", dict(id=account_id))
