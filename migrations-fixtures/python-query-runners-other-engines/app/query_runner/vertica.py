class Vertica:
    def get_schema(self, connection):
        import vertica_python  # noqa: F401

        cursor = connection.cursor()
        cursor.execute("SELECT table_schema, table_name, column_name FROM v_catalog.columns WHERE is_system_table = false")
        return cursor.fetchall()
