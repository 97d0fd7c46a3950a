from django.urls import path

from training import views

app_name = "training"
urlpatterns = [
    path("cohorts/", views.my_cohorts, name="my_cohorts"),
    path("sessions/<int:pk>/", views.roster, name="roster"),
]
