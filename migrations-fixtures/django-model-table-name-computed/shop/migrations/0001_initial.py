from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("total", models.IntegerField())],
            options={"db_table": "shop_orders"},
        ),
        migrations.CreateModel(
            name="Coupon",
            fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("code", models.CharField(max_length=32))],
            options={"db_table": "shop_coupons"},
        ),
    ]
