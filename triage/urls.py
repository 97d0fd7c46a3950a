from django.urls import path

from triage import views

app_name = "triage"
urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/<int:pk>/", views.settle, name="settle"),
    path("model/", views.model_card, name="model_card"),
]
