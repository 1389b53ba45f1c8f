from django.urls import path

from dealmap.web.accounts import views
from dealmap.web.deals.views import deal_create_view

app_name = "accounts"

urlpatterns = [
    path("", views.account_list_view, name="list"),
    path("new/", views.account_create_view, name="create"),
    path("<int:pk>/deals/new/", deal_create_view, name="deal_create"),
    path("<int:pk>/", views.account_detail_view, name="detail"),
    path("<int:pk>/shares/", views.share_save, name="share_save"),
    path("<int:pk>/shares/<int:user_id>/remove/", views.share_delete, name="share_delete"),
    path("people/<int:pk>/export/", views.person_export_view, name="person_export"),
    path("people/<int:pk>/erase/", views.person_erase_view, name="person_erase"),
]
