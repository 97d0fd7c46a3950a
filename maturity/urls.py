from django.urls import path

from maturity import views

app_name = "maturity"

urlpatterns = [
    path("", views.home, name="home"),
    path("organizations/<int:pk>/", views.profile, name="profile"),
    path("organizations/<int:pk>/answer/", views.answer, name="answer"),
]
