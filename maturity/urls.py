from django.urls import path

from maturity import views

app_name = "maturity"

urlpatterns = [
    path("", views.home, name="home"),
    path("organizations/<int:pk>/", views.profile, name="profile"),
    path("organizations/<int:pk>/answer/", views.answer, name="answer"),
    path("organizations/<int:pk>/answer/check/", views.check, name="check"),
    path("organizations/<int:pk>/answer/<slug:code>/", views.answer_part, name="part"),
]
