from django.urls import path

from dealmap.web.deals import views
from dealmap.web.workspace.views import deal_page

app_name = "deals"

urlpatterns = [
    path("", views.deal_list_view, name="list"),
    # The deal page is the workspace (power map, findings, strategy board, person panel, what-if).
    path("<int:pk>/", deal_page, name="detail"),
    path("<int:pk>/edit/", views.deal_edit_view, name="edit"),
]
