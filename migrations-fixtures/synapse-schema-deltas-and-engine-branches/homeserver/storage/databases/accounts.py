from homeserver.storage.engines import PostgresEngine


class AccountStore:
    def __init__(self, db_pool, database_engine):
        self.db_pool = db_pool
        self.database_engine = database_engine

    def get_account(self, txn, account_id):
        txn.execute("SELECT id, name, email FROM accounts WHERE id = ?", (account_id,))
        return txn.fetchone()

    def next_counter(self, txn):
        txn.execute("SELECT max(value) FROM counters")
        return txn.fetchone()

    def rooms_of_group(self, txn, group):
        txn.execute("SELECT room_id FROM state_groups WHERE id = ?", (group,))
        return txn.fetchall()

    def pinned_notes(self, txn, account_id):
        # notes.pinned comes from a Python delta: not followed, so not judged.
        txn.execute("SELECT id FROM notes WHERE account_id = ? AND pinned", (account_id,))
        return txn.fetchall()

    def account_locale(self, txn, account_id):
        # accounts.locale is added by a delta of version 13, which this release does not apply.
        txn.execute("SELECT locale FROM accounts WHERE id = ?", (account_id,))
        return txn.fetchone()

    def name_length(self, txn, account_id):
        if isinstance(self.database_engine, PostgresEngine):
            sql = "SELECT length(name) FROM accounts WHERE id = ?"
        else:
            sql = "SELECT length(sqlite_only_col) FROM accounts WHERE id = ?"
        txn.execute(sql, (account_id,))
        return txn.fetchone()

    def counter_kind(self, txn):
        if not isinstance(self.database_engine, PostgresEngine):
            txn.execute("SELECT sqlite_counter FROM counters")
            return txn.fetchall()
        txn.execute("SELECT counter_id FROM counters")
        return txn.fetchall()

    def recount_notes(self, txn, batch_size):
        # A background update registered by delta 9, before full schema 10: only databases made
        # before version 10 still have its work table.
        txn.execute("SELECT id FROM _notes_to_recount LIMIT ?", (batch_size,))
        rows = txn.fetchall()
        txn.execute("DROP TABLE _notes_to_recount")
        return rows

    def delete_non_strings(self, txn):
        # Registered by a .sql.sqlite delta only: typeof() is SQLite's.
        txn.execute("DELETE FROM notes WHERE typeof(sqlite_body) != 'text'")
