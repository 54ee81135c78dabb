import psycopg2


class PostgreSQL:
    def __init__(self, configuration):
        self.configuration = configuration

    def run_query(self, query, user):
        connection = psycopg2.connect(**self.configuration)
        cursor = connection.cursor()
        cursor.execute(query)
        return cursor.fetchall(), None


class Redshift(PostgreSQL):
    def get_schema(self):
        # The data source's own catalog, through the PostgreSQL driver Redshift speaks.
        cursor = psycopg2.connect(**self.configuration).cursor()
        cursor.execute(
            "SELECT DISTINCT table_name, column_name FROM svv_columns "
            "WHERE table_schema NOT IN ('pg_internal', 'pg_catalog')"
        )
        return cursor.fetchall()
