from django.urls import path

from dealmap.web.deals import views

app_name = "deals"

urlpatterns = [
    path("", views.deal_list_view, name="list"),
    path("<int:pk>/", views.deal_detail_view, name="detail"),
]
