import psycopg


class BaseCommand:
    def execute(self, *args, **options):
        return self.handle(*args, **options)


class Tidy(BaseCommand):
    # An override that hands its own arguments to the parent's execute: no query of its own.
    def execute(self, *args, **options):
        self.verbose = options.get("verbosity", 1) > 1
        return super().execute(*args, **options)

    def handle(self, *args, **options):
        with psycopg.connect("") as conn:
            # Checked: a query of its own.
            conn.execute("DELETE FROM notes WHERE body = ''")
            # Unchecked: SQL the scan does not follow (a name given at run time).
            conn.execute(options["sql"])
