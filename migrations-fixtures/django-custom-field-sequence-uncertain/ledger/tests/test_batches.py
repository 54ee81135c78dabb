from django.db import connection


def test_next_batch_number():
    with connection.cursor() as cursor:
        # The custom field's sequence: its class is the project's, so it may exist.
        cursor.execute("SELECT nextval('ledger_entry_batch_no_seq'::regclass)")
        # No field makes this one.
        cursor.execute("SELECT nextval('ledger_entry_amount_seq'::regclass)")
