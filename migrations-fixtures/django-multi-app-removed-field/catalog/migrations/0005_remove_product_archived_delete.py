from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0004_legacy_and_views"),
        ("results", "0002_llmresult_model_version"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="product",
            name="archived",
        ),
        migrations.CreateModel(
            name="Coupon",
            fields=[
                ("code", models.CharField(max_length=16, primary_key=True, serialize=False)),
                ("percent", models.PositiveSmallIntegerField()),
                ("valid", models.DurationField(null=True)),
            ],
        ),
        migrations.AddField(
            model_name="coupon",
            name="products",
            field=models.ManyToManyField(related_name="coupons", to="catalog.product"),
        ),
        migrations.DeleteModel(
            name="Coupon",
        ),
    ]
