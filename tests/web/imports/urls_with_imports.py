"""The project's URLs plus the imports app, for tests that run before it is wired into the project."""

from django.urls import include, path

from dealmap.web.urls import urlpatterns as project

urlpatterns = [
    *[p for p in project if getattr(p, "pattern", None) and str(p.pattern) != "imports/"],
    path("imports/", include("dealmap.web.imports.urls")),
]
