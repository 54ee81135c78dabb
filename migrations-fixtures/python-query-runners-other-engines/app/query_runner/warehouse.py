class Warehouse:
    def __init__(self, connect):
        self.connect = connect

    def run_query(self, query, user):
        cursor = self.connect().cursor()
        cursor.execute(query)
        return cursor.fetchall(), None
