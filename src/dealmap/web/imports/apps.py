from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "dealmap.web.imports"
    label = "imports"
    verbose_name = "Import and export"
