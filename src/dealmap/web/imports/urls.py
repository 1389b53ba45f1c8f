from django.urls import path

from dealmap.web.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_page, name="upload"),
    path("preview/", views.import_preview, name="preview"),
    path("commit/", views.import_commit, name="commit"),
    path("progress/<str:token>/", views.import_progress, name="progress"),
    path("template.xlsx", views.template_download, name="template"),
    path("portfolio.xlsx", views.portfolio_export, name="portfolio"),
    path("deals/<int:pk>/export.<str:fmt>", views.deal_export, name="deal_export"),
]
