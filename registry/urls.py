from django.urls import path

from registry import views

app_name = "registry"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:pk>/", views.organization_detail, name="organization"),
    path("<int:pk>/propose-change/", views.propose_change, name="propose_change"),
    path("change-requests/", views.change_requests, name="change_requests"),
    path("change-requests/<int:pk>/", views.change_request_detail, name="change_request"),
]
