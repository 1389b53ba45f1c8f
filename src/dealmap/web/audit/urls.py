from django.urls import path

from dealmap.web.audit import views

app_name = "audit"

urlpatterns = [
    path("account/<int:pk>/", views.history_view, {"object_type": "account"}, name="account_history"),
    path("deal/<int:pk>/", views.history_view, {"object_type": "deal"}, name="deal_history"),
    path("person/<int:pk>/", views.history_view, {"object_type": "person"}, name="person_history"),
]
