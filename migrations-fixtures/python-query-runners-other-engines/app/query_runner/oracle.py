import logging

try:
    import oracledb

    enabled = True
except ImportError:
    enabled = False

logger = logging.getLogger(__name__)


class Oracle:
    def __init__(self, dsn):
        self.dsn = dsn

    def get_schema(self):
        connection = oracledb.connect(dsn=self.dsn)
        cursor = connection.cursor()
        cursor.execute("SELECT owner, table_name, column_name FROM all_tab_cols WHERE owner NOT IN ('SYS', 'SYSTEM')")
        return cursor.fetchall()

    def test_connection(self):
        cursor = oracledb.connect(dsn=self.dsn).cursor()
        cursor.execute("SELECT 1 FROM dual")
