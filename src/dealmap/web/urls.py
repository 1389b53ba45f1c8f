"""The web app's URLs."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from dealmap.web.accounts import views as account_views
from dealmap.web.api.api import api
from dealmap.web.core import views as core_views
from dealmap.web.security.forms import ThrottledAuthenticationForm

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=ThrottledAuthenticationForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("dealmap.web.accounts.urls")),
    path("deals/", include("dealmap.web.deals.urls")),
    path("history/", include("dealmap.web.audit.urls")),
    path("search/", account_views.search_view, name="search"),
    path("imports/", include("dealmap.web.imports.urls")),
    path("", include("dealmap.web.workspace.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
