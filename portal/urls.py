from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("open/", views.open_registers, name="open"),
    path("search/", views.search, name="search"),
    path("services/", views.service_list, name="services"),
    path("services/guide/", views.guide, name="guide"),
    path("services/<slug:code>/", views.service_detail, name="service"),
]
