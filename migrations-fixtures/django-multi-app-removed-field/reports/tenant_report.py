"""Monthly tenant report, built with raw SQL because the ORM query was too slow."""
from django.db import connection

REPORT_SQL = """
SELECT t.name, t.monthly_budget, u.email,
       count(r.id) AS results, sum(r.tokens_used) AS tokens, max(r.provider_name) AS provider
  FROM tenant_accounts t
  JOIN auth_user u ON u.id = t.owner_id
  LEFT JOIN results_llmresult r ON r.tenant_id = t.id
 GROUP BY t.name, t.monthly_budget, u.email
"""


def tenant_report():
    with connection.cursor() as cur:
        cur.execute(REPORT_SQL)
        return cur.fetchall()


def pinned_results(seat_id):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT r.output, tg.label FROM acct_seat_pinned p "
            "JOIN results_llmresult r ON r.id = p.llmresult_id "
            "LEFT JOIN results_llmresult_tags rt ON rt.llmresult_id = r.id "
            "LEFT JOIN results_tag tg ON tg.id = rt.tag_id "
            "WHERE p.seat_id = %s",
            [seat_id],
        )
        return cur.fetchall()


def catalog_rows(tenant_id):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT p.name, p.sku, p.price, p._order, a.note FROM catalog_product p "
            "LEFT JOIN catalog_audit a ON a.product_id = p.id "
            "JOIN catalog_product_related pr ON pr.from_product_id = p.id "
            "WHERE p.tenant_id = %s",
            [tenant_id],
        )
        return cur.fetchall()


def archived_products(tenant_id):
    with connection.cursor() as cur:
        cur.execute("SELECT id, name FROM catalog_product WHERE tenant_id = %s AND archived", [tenant_id])
        return cur.fetchall()


def price_list():
    with connection.cursor() as cur:
        cur.execute("SELECT title, price FROM catalog_price_list ORDER BY price")
        return cur.fetchall()
