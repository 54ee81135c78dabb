from django.db import migrations, models

PRICE_VIEW = """
CREATE VIEW catalog_price_list AS
    SELECT id, title, price FROM catalog_product WHERE price > 0
"""


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0001_squashed_0003_product_sku"),
    ]

    operations = [
        migrations.CreateModel(
            name="LegacyStock",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("qty", models.IntegerField()),
            ],
            options={"db_table": "legacy_stock", "managed": False},
        ),
        migrations.RunSQL(
            sql=[
                "CREATE TABLE catalog_audit (id bigserial PRIMARY KEY, product_id bigint NOT NULL, note text)",
                PRICE_VIEW,
            ],
            reverse_sql=["DROP VIEW catalog_price_list", "DROP TABLE catalog_audit"],
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL("ALTER TABLE catalog_product RENAME COLUMN title TO name"),
            ],
            state_operations=[
                migrations.RenameField(model_name="product", old_name="title", new_name="name"),
            ],
        ),
        migrations.AddField(
            model_name="product",
            name="archived",
            field=models.BooleanField(null=True),
        ),
        migrations.AddField(
            model_name="product",
            name="related",
            field=models.ManyToManyField(to="catalog.product"),
        ),
        migrations.AlterOrderWithRespectTo(
            name="product",
            order_with_respect_to="tenant",
        ),
    ]
