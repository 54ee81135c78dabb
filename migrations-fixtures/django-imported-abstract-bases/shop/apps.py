from django.apps import AppConfig


class ShopConfig(AppConfig):
    # The app's tables are store_<model>, in the migrations and for the models alike.
    name = "shop"
    label = "store"
