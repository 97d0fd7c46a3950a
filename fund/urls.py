from django.urls import path

from fund import views

app_name = "fund"
urlpatterns = [
    path("calls/", views.calls, name="calls"),
    path("grants-360giving.json", views.grants_360giving, name="grants_360giving"),
    path("calls/<slug:code>/", views.call_detail, name="call"),
    path("calls/<slug:code>/apply/", views.start_application, name="apply"),
    path("applications/<int:pk>/<slug:step>/", views.application_step, name="step"),
]
