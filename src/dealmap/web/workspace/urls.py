from django.urls import path

from dealmap.web.workspace import build_views, method_views, portfolio_views, views

app_name = "workspace"

urlpatterns = [
    path("deals/<int:pk>/research/", views.research_save, name="research"),
    path("deals/<int:pk>/what-if/", views.whatif, name="whatif"),
    path("deals/<int:pk>/trend/", views.score_trend, name="trend"),
    path("deals/<int:pk>/add-person/", build_views.person_add, name="person_add"),
    path("deals/<int:pk>/people/<path:key>/save/", views.person_save, name="person_save"),
    path("deals/<int:pk>/people/<path:key>/relations/", build_views.relation_add, name="relation_add"),
    path(
        "deals/<int:pk>/people/<path:key>/relations/<int:relation_id>/remove/",
        build_views.relation_remove,
        name="relation_remove",
    ),
    path("deals/<int:pk>/people/<path:key>/leave/", build_views.part_remove, name="part_remove"),
    path("deals/<int:pk>/people/<path:key>/assessments/", views.assessment_create, name="assessment_create"),
    path(
        "deals/<int:pk>/people/<path:key>/interactions/", views.interaction_create, name="interaction_create"
    ),
    # Before read-note/: that route would otherwise take "p4/interactions" as the key.
    path(
        "deals/<int:pk>/people/<path:key>/interactions/read-note/",
        views.interaction_note_read,
        name="interaction_note_read",
    ),
    path("deals/<int:pk>/people/<path:key>/read-note/", views.note_read, name="note_read"),
    # Last: a person's key is any string, slashes included, so the longer routes above match first.
    path("deals/<int:pk>/people/<path:key>/", views.person_panel, name="person"),
    path("portfolio/", portfolio_views.portfolio, name="portfolio"),
    path("method/", method_views.method_index, name="method"),
    path("method/<slug:slug>/", method_views.method_chapter, name="method_chapter"),
]
