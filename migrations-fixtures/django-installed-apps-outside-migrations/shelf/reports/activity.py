from django.db import connection


def active_sessions():
    with connection.cursor() as cur:
        # Installed contrib app that no migration here depends on: its own migrations create
        # the table (not modelled: unchecked).
        cur.execute("SELECT count(*) FROM django_session WHERE expire_date > now()")
        # A contrib app a migration depends on: its tables are modelled, columns too.
        cur.execute("SELECT username, nickname FROM auth_user")
        return cur.fetchall()


def tags_and_addresses():
    with connection.cursor() as cur:
        # Installed packages' tables: their migrations are not here.
        cur.execute("SELECT name, slug FROM taggit_tag ORDER BY name")
        cur.execute("SELECT email FROM account_emailaddress WHERE verified")
        return cur.fetchall()


def not_installed():
    with connection.cursor() as cur:
        # django.contrib.sites is not installed, and shelf's own tables are its migrations'.
        cur.execute("SELECT domain FROM django_site")
        cur.execute("SELECT title FROM shelf_review")
        return cur.fetchall()
