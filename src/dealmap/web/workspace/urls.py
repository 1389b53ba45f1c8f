from django.urls import path

from dealmap.web.workspace import method_views, portfolio_views, views

app_name = "workspace"

urlpatterns = [
    path("deals/<int:pk>/research/", views.research_save, name="research"),
    path("deals/<int:pk>/what-if/", views.whatif, name="whatif"),
    path("deals/<int:pk>/trend/", views.score_trend, name="trend"),
    path("deals/<int:pk>/people/<str:key>/", views.person_panel, name="person"),
    path("deals/<int:pk>/people/<str:key>/save/", views.person_save, name="person_save"),
    path("deals/<int:pk>/people/<str:key>/assessments/", views.assessment_create, name="assessment_create"),
    path(
        "deals/<int:pk>/people/<str:key>/interactions/", views.interaction_create, name="interaction_create"
    ),
    path("deals/<int:pk>/people/<str:key>/read-note/", views.note_read, name="note_read"),
    path("portfolio/", portfolio_views.portfolio, name="portfolio"),
    path("method/", method_views.method_index, name="method"),
    path("method/<slug:slug>/", method_views.method_chapter, name="method_chapter"),
]
