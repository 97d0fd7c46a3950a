from django.urls import path

from impact import views, views_staff

app_name = "impact"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("indicators/<slug:code>/", views.indicator_page, name="indicator"),
    path("data/", views.open_data, name="open_data"),
    path("data/indicators.<str:fmt>", views.indicators_download, name="indicators_download"),
    path("data/results.<str:fmt>", views.results_download, name="results_download"),
    path("data/iati.xml", views.iati_download, name="iati"),
    path("frameworks/", views_staff.frameworks, name="frameworks"),
    path("grants/<int:pk>/", views_staff.grant_framework, name="grant_framework"),
    path("evidence/<int:pk>/", views_staff.evidence, name="evidence"),
    path("programmes/<slug:code>/", views_staff.programme_framework, name="programme_framework"),
]
