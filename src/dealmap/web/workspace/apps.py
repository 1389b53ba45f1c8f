from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "dealmap.web.workspace"
    label = "workspace"
    verbose_name = "Deal workspace"
