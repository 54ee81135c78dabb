import sqlalchemy as sa


def next_runs_query(flow_ids):
    # An expanding bind parameter: SQLAlchemy writes IN (...) with one parameter per id.
    raw_query = sa.text(
        """
        SELECT DISTINCT ON (flow_id) id, name, flow_id, state_name
        FROM flow_run
        WHERE flow_id IN :flow_ids AND state_type = 'SCHEDULED'
        ORDER BY flow_id, next_scheduled_start_time
        """
    )
    return raw_query.bindparams(sa.bindparam("flow_ids", flow_ids, expanding=True))


def cancel_runs(cursor, run_ids):
    # psycopg adapts a tuple to (a, b, c).
    cursor.execute("UPDATE flow_run SET state_type = 'CANCELLED' WHERE id IN %s", (tuple(run_ids),))
