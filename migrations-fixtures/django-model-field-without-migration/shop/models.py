from django.db import models


class Timestamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Category(Timestamped):
    name = models.CharField(max_length=80)


class Product(Timestamped):
    title = models.CharField(max_length=200)
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    legacy_code = models.CharField(max_length=20, db_column="code")
    gtin = models.CharField(max_length=14, blank=True)
    related = models.ManyToManyField("self", blank=True)
    tags = models.ManyToManyField("Tag", through="ProductTag")


class Tag(models.Model):
    label = models.SlugField(unique=True)


class ProductTag(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)
    weight = models.IntegerField(default=0)


class FeaturedProduct(Product):
    class Meta:
        proxy = True


class StockLevel(models.Model):
    sku = models.CharField(max_length=40, primary_key=True)
    quantity = models.IntegerField()

    class Meta:
        managed = False
        db_table = "warehouse_stock"
