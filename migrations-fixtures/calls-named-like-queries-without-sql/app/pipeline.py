import psycopg


class Step:
    """A pipeline step: execute() runs one stage on a document, no database."""

    def execute(self, document, stage):
        return stage(document)

    def run(self, path, stages):
        document = open(path).read()
        for stage in stages:
            document = self.execute(document, stage)
        return document


def purge():
    with psycopg.connect("") as conn:
        conn.execute("DELETE FROM notes WHERE body = ''")
