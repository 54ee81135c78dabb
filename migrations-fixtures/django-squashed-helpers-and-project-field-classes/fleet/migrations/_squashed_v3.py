from django.db import migrations, models

SQUASHED_V3 = {
    "0010_v3_host_agent_version": [
        migrations.AddField(
            model_name="host",
            name="agent_version",
            field=models.CharField(max_length=32, blank=True),
        ),
    ],
    "0011_v3_inventory_source": [
        migrations.CreateModel(
            name="InventorySource",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("url", models.TextField()),
            ],
        ),
    ],
}
