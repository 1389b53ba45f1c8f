from django.apps import AppConfig


class DealsConfig(AppConfig):
    name = "dealmap.web.deals"
    label = "deals"
    default_auto_field = "django.db.models.BigAutoField"
