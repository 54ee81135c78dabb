from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "acct"
    verbose_name = "Tenant accounts"
